"""A limit that kept a consent-bound practice narrow, lifted (consent28).

Two readings of one old sentence and its rewritten form, in any voice:

- **A consent condition lifted**: the old sentence let a practice happen only on the user's own yes ("… may be
  shared with us only if you opt in to such data collection", "We give your name and email to a partner only if
  you tick the box …"); the new one tells the same practice with no yes and no way out ("… will also be sent to us
  so we can keep improving the app", "We also give your name and email to our partners, so they can …"). The yes
  was the consent the practice rested on; a controller cannot move a practice off the consent it rested on to
  another basis (GDPR Art. 6(1)(a), 7; EDPB Guidelines 05/2020, para. 121-123; ePrivacy Art. 13(1) for marketing).
- **A purpose limit lifted from consent-bound data**: the old sentence used special-category data (health,
  biometric, sex life …) or the user's contacts "only to" / "only for" / "only if" one end; the new one drops the
  "only" and adds an end or a recipient ("… and to check new sign-ups against it", "… and we also use it to choose
  which offers to show you", "… so that it can offer you a test"). Explicit consent under Art. 9(2)(a) is given
  for specified purposes (Art. 4(11)); an end beyond the limit is one no consent was given for (Art. 6(4)).

The functions here read plain text; the caller (`prose._Consent.limit_lifted`) decides what data the sentence
relates and whether a consent reading already told the change.
"""

from __future__ import annotations

import re

from .text import LazyPattern

# "only" bounding a practice: to its end, its recipient, its occasion or the user's act.
_ONLY_LIMIT = LazyPattern(
    r"\bonly\s+(?:(?:ever|be|been)\s+)?(?:to|for|if|when|where|with|after|once|in order to|so that|so we|so they|"
    r"as needed to|while|until)\b", re.IGNORECASE)
# The user's own act of saying yes, as the condition of the practice: "only if you opt in", "only if you tick the
# box", "only when you tap …", "only after you agree". ("only with your consent" names the basis, not the act: a
# condition of that kind dropped from a practice the law does not bind to consent stays a notice,
# `consent_condition_removed`, as the audit21 and realfa19 probes hold.)
_ONLY_YES = LazyPattern(
    r"\bonly\s+(?:if|when|once|after|where)\s+(?:you|users?|members?|customers?|the user)(?:['’]ve|\s+have|\s+has)?\s+"
    r"(?:first\s+|explicitly\s+|expressly\s+|actively\s+)?(?:opt(?:s|ed)?[- ]?in|tick\w*|tap\w*|click\w*|press\w*|"
    r"agree\w*|consent\w*|allow\w*|accept\w*|approv\w*|say\s+yes|said\s+yes|give\s+(?:us\s+)?(?:your\s+)?"
    r"(?:consent|permission|ok|okay)|check(?:s|ed)?\s+(?:the|a|that)\b|turn\w*\s+(?:[\w-]+\s+){0,3}?on|"
    r"switch\w*\s+(?:[\w-]+\s+){0,3}?on|enabl\w*)", re.IGNORECASE)
# An end or a recipient added after the practice: "… and to check …", "…, and we also use it to …", "… so that it
# can …", "… so they can …", "… and for …", "… and with …".
_END_ADDED = LazyPattern(
    r"(?:,\s*|\s)(?:and\s+)?(?:(?:we|they|it)\s+)?(?:also\s+)?(?:(?:use|uses|share|shares|pass|passes|give|gives|"
    r"send|sends|analy[sz]e|analy[sz]es)\s+(?:it|them|this|these|that|those)\s+)?"
    r"(?:to\s+[a-z]+|for\s+[a-z]+|so\s+(?:that\s+)?(?:we|they|it|you|our|the|[A-Z]\w*)\b|in\s+order\s+to\b|with\s+[a-z]+)",
    re.IGNORECASE)
# What still asks, offers a choice or a way out in the new sentence.
_STILL_CHOSEN = LazyPattern(
    r"\b(?:consent\w*|opt(?:s|ed|ing)?[- ]?(?:in|out)|permission|agree\w*|unless|until|optional|settings?|"
    r"preferences?|object\w*|withdraw\w*|untick\w*|uncheck\w*)\b|\byour\s+(?:choice|decision|call)\b"
    r"|\b(?:if|when|once|after)\s+(?:you|users?|members?)\b|\b(?:you|users?|members?)\s+(?:can\s+|may\s+)?"
    r"(?:always\s+|also\s+)?(?:choose|decide|opt|turn|switch|ask\s+us|tell\s+us|stop|refuse|decline)\b",
    re.IGNORECASE)
_DENIED = LazyPattern(r"\b(?:not|never|no|none|nothing|nobody|neither|nor)\b|n['’]t\b", re.IGNORECASE)
_WORD = LazyPattern(r"[a-z][a-z'’-]+", re.IGNORECASE)
# Grammar words no practice is told by (pronouns, articles, connectives, auxiliaries): left out of a sentence's
# content words, which the readings compare to tell the same practice told again (here, in `swapped` and `flipped`).
LIGHT = frozenset({"we", "you", "your", "our", "the", "a", "an", "and", "or", "of", "to", "it", "its", "if", "only",
                   "when", "once", "after", "by", "for", "with", "in", "on", "also", "so", "that", "this", "these",
                   "those", "them", "they", "their", "is", "are", "be", "been", "may", "will", "can", "us", "such",
                   "which", "who", "have", "has"})
_LIGHT = LIGHT | {"ever", "then"}


def content_words(text: str, light: frozenset[str] = LIGHT) -> list[str]:
    """The words of `text` that are not grammar words, lower-cased and without a plural "s", in order."""
    return [w.lower().rstrip("s") for w in _WORD.findall(text) if w.lower() not in light]


def _content(text: str) -> list[str]:
    return content_words(text, _LIGHT)


def _same_practice(old: str, new: str) -> bool:
    """The new sentence keeps most of the old one's content words (the practice told again)."""
    before, after = set(_content(old)), set(_content(new))
    return bool(before) and len(before & after) >= 0.6 * len(before)


def _added_end(old: str, new: str) -> str | None:
    """The first end or recipient the new sentence adds (a joint `_END_ADDED` finds whose content words the old
    sentence lacks), or None."""
    had = set(_content(old))
    for m in _END_ADDED.finditer(new):
        words = _content(new[m.start():m.start() + 80])[:2]
        if any(w not in had for w in words):
            return new[m.start():].strip(" ,;.")[:80]
    return None


def consent_condition_lifted(old: str, new: str) -> str | None:
    """The words of `new` that tell, with no yes asked and no way out, a practice `old` let happen only on the
    user's own yes ("only if you opt in", "only if you tick the box", "only after you agree"), or None. The new
    sentence must tell the same practice (most of the old one's content words) put to an end or a party it adds
    ("… so we can keep improving it", "… so they can tell you about their offers"), affirm it and ask nothing."""
    yes = _ONLY_YES.search(old)
    if yes is None or _DENIED.search(old[:yes.start()]) or _ONLY_YES.search(new):
        return None
    if _STILL_CHOSEN.search(new) or _DENIED.search(new):
        return None
    if not _same_practice(old[:yes.start()], new):
        return None
    # (the practice put to an end or a party of its own, as well as freed from the yes: the yes dropped alone, "…
    # may also be shared with Lenovo.", is `consent_condition_removed`'s notice, as the labelled sections hold)
    return _added_end(old, new)


def purpose_limit_lifted(old: str, new: str) -> str | None:
    """The end or recipient `new` adds where `old` bounded the same practice with "only" ("only to confirm …",
    "only for …", "only if …") and `new` drops the bound, or None. The caller asks whether the data is
    consent-bound (special categories, biometric data, the user's contacts)."""
    limit = _ONLY_LIMIT.search(old)
    if limit is None or _ONLY_LIMIT.search(new) or re.search(r"\bonly\b", new, re.IGNORECASE):
        return None
    if _DENIED.search(old) or _DENIED.search(new) or _STILL_CHOSEN.search(new):
        return None
    if not _same_practice(old, new):
        return None
    return _added_end(old, new)


# -- a denial that leaves part of a consent-bound practice open ---------------------------------------------
# A place put after what a denial covered ("… for ads" -> "… for ads outside Kindred", "… with partners" -> "… with
# partners on other sites"): the denial now covers only that place, and the rest may be done. (A party is no
# narrowing: a sale is to another party by definition.)
_NARROWING_TAIL = LazyPattern(
    r"^\s*,?\s*(?:outside|off|beyond|(?:on|in|across|from)\s+(?:other|third[- ]party|partner|external)\b)",
    re.IGNORECASE)
# The denied part of a sentence that does part of a practice and denies the rest ("…, not on your messages", "…, but
# never your photos").
_DENIED_PART = LazyPattern(r"[,;]\s*(?:but\s+|and\s+)?(?:not|never)\b|\s+but\s+(?:not|never)\b", re.IGNORECASE)


def denial_qualified(old: str, new: str) -> str | None:
    """The words `new` puts after the end of `old`'s denial that narrow it to a place ("We do not use
    the content of your messages for ads." -> "… for ads outside Kindred."), or None. The old sentence must be the
    new one's start, word for word, and deny."""
    base = old.rstrip().rstrip(".").rstrip()
    if not _DENIED.search(base) or not new.startswith(base):
        return None
    tail = new[len(base):].rstrip().rstrip(".")
    if not tail.strip() or _NARROWING_TAIL.match(tail) is None:
        return None
    return tail.strip(" ,")


def moved_out_of_denial(old: str, new: str) -> str | None:
    """The words a sentence that does part of a practice and denies the rest moves from its denied part to its
    done part ("We train our models on likes and passes, not on your photos or messages." -> "… on likes, passes
    and your photos, not on your messages.": photos), or None."""
    a, b = _DENIED_PART.search(old), _DENIED_PART.search(new)
    if a is None or b is None or _DENIED.search(old[:a.start()]) or _DENIED.search(new[:b.start()]):
        return None     # (the done part must do: "There is no wake word: …, never …" does nothing)
    denied_before, denied_after = set(_content(old[a.end():])), set(_content(new[b.end():]))
    done_before, done_after = set(_content(old[:a.start()])), set(_content(new[:b.start()]))
    moved = sorted((denied_before - denied_after) & (done_after - done_before))
    if not moved or not denied_after or not done_before <= done_after | denied_after:
        return None
    return ", ".join(moved)
