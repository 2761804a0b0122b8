"""A refusal that no longer stops the tracking: the device recognised or measured by other means after the user
said no to, removed or blocked cookies (conscol39).

Reading information from the user's device to recognise it (its screen size, fonts, browser settings: a
fingerprint) needs consent as storing a cookie does (ePrivacy Directive Art. 5(3); EDPB Guidelines 2/2023 on the
technical scope of Art. 5(3), para. 50-56), and a consent refused or withdrawn must leave the user where a no leaves
them (GDPR Art. 7(3), 4(11)). A sentence that now says the device is recognised, identified or measured "instead",
"still", "including when you have deleted or blocked cookies", after the user said no, takes the refusal away. Read
by the grammar of a no and a tracking that goes on past it:

- **the user's no**: the user says no to, declines, refuses, rejects, removes, deletes, blocks, clears or disables
  cookies or tracking, or opts out ("If you say no", "if you choose to remove or reject cookies", "including when you
  have deleted or blocked cookies");
- **tracking past it**: in the same sentence, a clause with no denial that recognises, identifies, measures, tracks,
  counts or follows the user's device, browser or visit, or fingerprints it, or reads device signals or
  characteristics;
- **new**: no sentence of the old text (the paired one, or the old section) told tracking past a no.

What a refusal costs the user ("some features may not work"), what is still sent that is not tracking (service
e-mails, ads that are not personalised), and what a no stops ("we can't recognise your device") are none.
"""

from __future__ import annotations

import re

from .text import LazyPattern

# The user's no to cookies or tracking.
_NO = LazyPattern(
    r"\b(?:if|when|after|once|even\s+if|even\s+when|even\s+after|including\s+when|including\s+if|where|should)\s+"
    r"(?:you|users?|visitors?|people)\s+(?:have\s+|has\s+|had\s+)?(?:\w+\s+){0,2}?(?:say\s+no|said\s+no|"
    r"declin\w*|refus\w*|reject\w*|remov\w*|delet\w*|block\w*|clear\w*|disabl\w*|opt(?:s|ed)?\s+out|"
    r"turn\w*\s+off|switch\w*\s+off|withdraw\w*|do\s+not\s+(?:agree|consent|accept)|don['’]t\s+(?:agree|consent|"
    r"accept))\b", re.IGNORECASE)
# Tracking the device or the visit past it.
_TRACKED = LazyPattern(
    r"\b(?:fingerprint\w*|device\s+signals?|(?:browser|device)\s+(?:and\s+device\s+|and\s+browser\s+)?"
    r"(?:characteristics|configuration|attributes|signals|properties))\b"
    r"|\b(?:recogni[sz]\w*|identif\w*|measur\w*|track\w*|count\w*|follow\w*|re-?identif\w*)\s+(?:\w+\s+){0,2}?"
    r"(?:your\s+|the\s+|their\s+|each\s+)?(?:devices?|browsers?|visits?|computers?|phones?)\b", re.IGNORECASE)
_DENIED = LazyPattern(r"\b(?:not|never|no\s+longer|cannot|nor|neither|stop\w*|ceas\w*|without)\b|n['’]t\b",
                      re.IGNORECASE)
_CLAUSE = LazyPattern(r";\s*|\.\s+|\s+(?:but|however|whereas)\s+", re.IGNORECASE)


def may_refuse(text: str) -> bool:
    """The cheap guard: the user's no and a tracking of the device."""
    return _NO.search(text) is not None and _TRACKED.search(text) is not None


def tracked_past_no(text: str) -> str | None:
    """The words of `text` that track the device or the visit past the user's no, or None."""
    if not may_refuse(text):
        return None
    for clause in (c for c in _CLAUSE.split(text) if c and c.strip()):
        no = _NO.search(clause)
        tracked = _TRACKED.search(clause)
        if no is None or tracked is None:
            continue
        # (the denial that matters is the tracking's own, not the no's: "if you do not agree, we do not track")
        rest = _NO.sub(" ", clause)
        if _DENIED.search(rest):
            continue
        return tracked.group(0)
    return None


def tells_tracked_past_no(text: str) -> bool:
    """`text` tells tracking past a no already (each old sentence's test)."""
    return tracked_past_no(text) is not None


def refusal_overridden(old: list[str], new: str) -> str | None:
    """The words of `new` that track the device past the user's no, where no sentence of `old` did; or None."""
    words = tracked_past_no(new)
    if words is None or any(tells_tracked_past_no(text) for text in old):
        return None
    return words
