"""A denial of reaching into the user's device, turned into that access (consent30).

The old sentence denied reading something only the user's device holds or can tell: its precise position ("We don't
use your phone's GPS to locate you", "We do not track your location when you are not recording"), the other apps
open on it or the other sites its browser visits ("It does not look at your other apps"), or a fingerprint of it
("We do not use device fingerprinting …"). The rewritten sentence affirms that very access ("The app uses your
phone's GPS to find your exact position when you order", "it notes which other apps you open", "We also use device
fingerprinting, which collects information from your device …"). Gaining access to information stored in the
user's terminal equipment needs the user's consent unless strictly necessary for a service the user asked for
(ePrivacy Directive Art. 5(3); EDPB Guidelines 2/2023); precise geolocation is sensitive personal information under
the CPRA (1798.140(ae)(1)(C)) and location data beyond traffic data needs consent (ePrivacy Art. 9).

Read only where the old clause that denied it is gone from the new sentence, the new clause tells a reading verb
(use, track, read, note, look at, check, collect, access), and no yes is asked in the new sentence that the old one
did not ask. A denial of keeping, sharing or deleting the data is no denial of access (a period or a recipient is
a notice's). The functions read plain text; the caller (`prose._Consent.access_turned`) pairs the sentences.
"""

from __future__ import annotations

import re

from .text import LazyPattern
from .turned import _ASKED, _NEGATED, _clauses

# What the device alone holds or tells, by family: its position, the other apps and sites used on it, its
# fingerprint. (The old clause may name it loosely, "your location"; the new clause must name the device's own
# position: GPS, a precise or exact position, the phone's location, a location read in the background.)
_DENIED_FAMILIES = (
    ("location", LazyPattern(r"\b(?:locations?|GPS|geolocat\w*|locate\s+(?:you|them|users?|owners?|customers?)|"
                             r"positions?|whereabouts|where\s+(?:you|they)\s+(?:are|go))\b", re.IGNORECASE)),
    ("apps-sites", LazyPattern(r"\b(?:other|which|what)\s+(?:other\s+)?(?:apps?|applications|sites|websites|"
                               r"web\s+pages)\b|\bbrowsing\s+(?:history|activity|data)\b", re.IGNORECASE)),
    ("fingerprint", LazyPattern(r"\b(?:device|browser)\s+fingerprint\w*|\bfingerprinting\b", re.IGNORECASE)),
)
_AFFIRMED_FAMILIES = {
    "location": LazyPattern(
        r"\b(?:GPS|geolocat\w*|(?:precise|exact|real[- ]time|live)\s+(?:location|position|whereabouts)|"
        r"(?:phone|device|mobile|smartphone)['’]s\s+(?:location|position)|location\s+of\s+(?:your|the|their)\s+"
        r"(?:phone|device)|location\b[^.;]{0,60}\bin\s+the\s+background|in\s+the\s+background\b[^.;]{0,60}\blocation)",
        re.IGNORECASE),
    "apps-sites": _DENIED_FAMILIES[1][1],
    # (paracons37: a fingerprint described, not named: the device recognised by what it reports of itself, "we
    # recognize your device by combining the characteristics it reports", "its settings combined into an identifier")
    "fingerprint": LazyPattern(
        r"\b(?:device|browser)\s+fingerprint\w*|\bfingerprinting\b"
        r"|\b(?:recogni[sz]\w*|identif\w*|distinguish\w*|single\s+out|tell\s+apart)\s+(?:your|the|a|each|their|"
        r"users['’]?|visitors['’]?)\s+(?:devices?|browsers?|computers?|phones?)\b[^.;,]{0,60}?\b(?:characteristics|"
        r"attributes|settings|configurations?|properties|signals|parameters|specifications|traits)\b"
        r"|\b(?:combin\w*|aggregat\w*|merg(?:e|es|ed|ing))\s+(?:[\w'’-]+\s+){0,3}?(?:characteristics|attributes|"
        r"settings|configurations?|properties|signals|parameters|specifications|traits)\b[^.;]{0,80}?\b(?:identifier|"
        r"ID|signature)\b", re.IGNORECASE),
}
# A verb of reaching the data (not of keeping, sharing or erasing it).
_READING_VERB = LazyPattern(
    r"\b(?:use|uses|used|using|track\w*|read|reads|reading|look(?:s|ed|ing)?\s+at|note|notes|noted|noting|check\w*|"
    r"collect\w*|access\w*|record\w*|monitor\w*|detect\w*|scan\w*|captur\w*|gather\w*|locat(?:e|es|ed|ing)|"
    r"find\w*|see|sees|log|logs|logged|follow\w*|watch\w*|employ\w*|rel(?:y|ies|ied|ying)\s+on|deploy\w*|"
    r"recogni[sz]\w*|identif\w*|combin\w*|distinguish\w*|tell\s+apart)\b",
    re.IGNORECASE)
# The other way round said in one clause ("we use the address you type in rather than your phone's GPS").
_INSTEAD = LazyPattern(r"\b(?:rather\s+than|instead\s+of|in\s+place\s+of|other\s+than|except)\b", re.IGNORECASE)


def _families(clause: str, table: dict[str, LazyPattern]) -> set[str]:
    return {name for name, pattern in table.items() if pattern.search(clause)}


def access_turned(old: str, new: str) -> str | None:
    """The clause of `new` that affirms reaching into the device (its precise position, the other apps or sites used
    on it, its fingerprint) a clause of `old` denied, or None."""
    denied_table = dict(_DENIED_FAMILIES)
    denied: set[str] = set()
    told: set[str] = set()
    for clause in _clauses(old):
        if not _READING_VERB.search(clause):
            continue
        if _NEGATED.search(clause):
            denied |= _families(clause, denied_table)
        else:
            told |= _families(clause, denied_table)
    denied -= told     # (the old sentence did it in part already: "only while …, never in the background")
    if not denied or (_ASKED.search(new) and not _ASKED.search(old)):
        return None
    for clause in _clauses(new):
        if _NEGATED.search(clause) or _INSTEAD.search(clause) or not _READING_VERB.search(clause):
            continue
        if denied & _families(clause, _AFFIRMED_FAMILIES):
            return clause.strip()[:90]
    return None


def may_turn(text: str) -> bool:
    """A cheap guard: the sentence names one of the families at all (a fingerprint also as described)."""
    return any(pattern.search(text) for _, pattern in _DENIED_FAMILIES) \
        or _AFFIRMED_FAMILIES["fingerprint"].search(text) is not None


# consent31: a sensor's time limit widened. The old sentence bound a sensor of the device (its position, the
# microphone, the camera) to a time of the user's own acting ("only while you are using People Nearby", "only while
# you hold the record button or are in a call", "only while a run is in progress, never in the background"); the new
# one keeps the sensor with the limit gone and the time widened ("whenever the app is open", "… or have a chat open",
# "and in the background to detect your walks"). Access to the terminal beyond what the user asked for needs consent
# (ePrivacy Art. 5(3)); a position used beyond the service the user turned on, too (Art. 9; CPRA precise geolocation).
_SENSOR = LazyPattern(r"\b(?:microphone|mic|camera|location|GPS|geolocation|position)s?\b", re.IGNORECASE)
_ONLY_WHILE = LazyPattern(r"\b(?:only|solely|just|exclusively)\b(?:\s+[\w'’-]+){0,8}?\s+(?:while|whilst|when|during|"
                          r"as\s+long\s+as)\b([^.;]*)", re.IGNORECASE)
_WHILE = LazyPattern(r"\b(?:while|whilst|when|whenever|during|as\s+long\s+as)\b([^.;]*)", re.IGNORECASE)
_WIDE_TIME = LazyPattern(r"\bwhenever\b|\bin\s+the\s+background\b|\ball\s+the\s+time\b|\bat\s+all\s+times\b|"
                         r"\beven\s+when\b|\bat\s+any\s+time\b|\bcontinuously\b|\baround\s+the\s+clock\b",
                         re.IGNORECASE)
_TIME_STOP = frozenset({"you", "your", "are", "is", "the", "a", "an", "or", "and", "in", "on", "of", "to", "it", "its",
                        "we", "our", "app", "be", "have", "has"})


def _time_words(clause: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", clause.lower()) if w not in _TIME_STOP and len(w) > 2}


def may_widen(old: str) -> bool:
    """A cheap guard: the old sentence limits something by "only … while/when"."""
    return "only" in old.lower() and _ONLY_WHILE.search(old) is not None and _SENSOR.search(old) is not None


def sensor_widened(old: str, new: str, around: str = "") -> str | None:
    """The words of `new` that widen the time a sensor of the device is used, which `old` bound with "only while
    …" to the user's own acting, or None. The same sensor must be named in both; the new sentence must have lost
    the "only" and gained a wider time (whenever, in the background, at all times, even when …) it does not deny
    and the old one did not affirm, or a time clause with a new member beside the old ones. `around` is the old
    block's sentences before `old`."""
    limit = _ONLY_WHILE.search(old)
    if limit is None or _ONLY_WHILE.search(new) or (_ASKED.search(new) and not _ASKED.search(old)):
        return None
    sensors = {m.group(0).lower().rstrip("s") for m in _SENSOR.finditer(old)}
    if not any(s in new.lower() for s in sensors):
        return None
    # (a position only where the device's own is named, in the sentences or the block before: "precise location",
    # "GPS", "your phone's location"; a location bound to an app's state alone is a limit of the notice's)
    if not sensors - {"location", "position"} and not any(
            _AFFIRMED_FAMILIES["location"].search(t) for t in (old, new, around)):
        return None
    for wide in _WIDE_TIME.finditer(new):
        lead = re.split(r"[,;:]", new[:wide.start()])[-1]
        if _NEGATED.search(lead) or _NEGATED.search(wide.group(0)):
            continue
        said = [m for m in _WIDE_TIME.finditer(old) if m.group(0).lower() == wide.group(0).lower()]
        if any(not _NEGATED.search(re.split(r"[,;:]", old[:m.start()])[-1]) for m in said):
            continue
        return new[max(0, wide.start() - 40):wide.end() + 30].strip(" ,;.")
    before = _time_words(limit.group(1))
    for when in _WHILE.finditer(new):
        after = _time_words(when.group(1))
        gained = after - before
        if before and len(before & after) >= 0.6 * len(before) and gained and not _NEGATED.search(when.group(1)):
            return when.group(0).strip(" ,;.")[:90]
    return None
