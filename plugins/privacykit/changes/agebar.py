"""An age bar lowered below the age of digital consent, in any wording (consent29).

A service's minimum age is told in many forms: "You must be at least 16 to use X", "X is open to people aged 16
or over", "users 16 years or older", "the minimum age is 16", or by the law where the user lives ("we follow the
age that applies where you live", "the age of digital consent in your country"). The new sentence sets a lower
bar, or one number for every country, below 16: children between the new age and their country's age of digital
consent (16 unless a member state sets it lower, never below 13) are now admitted, and an information society
service may rest their data on consent only if a parent gives or authorises it (GDPR Art. 8(1); UK DPA 2018 s.9;
CCPA 1798.120(c) for a sale or sharing under 16). The quantity reader reads the ages it parses as "age of …";
this reads the bar's own forms, the whole bar sentence at once.
"""

from __future__ import annotations

import re

from .text import LazyPattern

# An age a bar sets: the number after "at least", "over", "older than", or before "or older/over/above".
_BAR_AGE = LazyPattern(
    r"\b(?:(?:must|need\s+to|have\s+to|has\s+to|should)\s+be|are|is)\s+(?:at\s+least|over|older\s+than|aged)\s+"
    r"(\d{1,2})\b(?!\s*(?:days?|weeks?|months?|hours?|minutes?|%|percent|characters?|digits?|times)\b)"
    r"|\b(?:at\s+least|aged|ages?)\s+(\d{1,2})(?:\s+years?)?(?:\s+old|\s+of\s+age)?\s+(?:or|and)\s+"
    r"(?:older|over|above|up)\b"
    r"|\b(\d{1,2})(?:\s+years?)?(?:\s+old|\s+of\s+age)?\s+or\s+(?:older|over|above)\b|\b(\d{1,2})\s?\+(?![\w+])"
    r"|\b(?:minimum\s+age\s+(?:is\s+|of\s+|will\s+be\s+)?|the\s+age\s+(?:is|will\s+be)\s+)(\d{1,2})\b"
    r"|\bat\s+least\s+(\d{1,2})(?:\s+years?(?:\s+old|\s+of\s+age)?)?\s+to\s+(?:use|join|sign|create|open|register|"
    r"have|access|set\s+up|play|post|stream|chat|buy|download|install)\b",
    re.IGNORECASE)
# A minimum age set by the law where the user lives, not by a number (GDPR Art. 8(1): 13 to 16 by member state),
# deferred to ("the age that applies where you live", "over the age
# required by the laws of your country", "the age of digital consent in your country"): one table for this
# module's bar and for prose's `local_age_dropped`, which reads the same deferral gone.
LOCAL_AGE = LazyPattern(
    r"\bage\b[^.;]{0,40}?\b(?:that\s+applies|applicable|in\s+force|required|set|that\s+the\s+law\s+sets)\b[^.;]{0,30}?"
    r"\b(?:where\s+(?:you|they|the\s+user)\s+lives?|in\s+(?:your|their)\s+(?:country|member\s+state|state|region)|"
    r"by\s+(?:your\s+|the\s+)?local\s+laws?|(?:your|their)\s+country['’]s\s+laws?)"
    r"|\bage\b[^.;]{0,30}?\b(?:required|set|defined|specified|established|prescribed)\s+(?:by|under|in)\s+"
    r"(?:the\s+)?(?:applicable\s+|local\s+)?laws?\s+(?:of|in|where)\s+(?:your|the)\s+(?:country|jurisdiction|"
    r"region|state)\b"
    r"|\b(?:digital\s+)?age\s+of\s+(?:digital\s+)?(?:consent|majority)\s+(?:in|of|where)\s+(?:your|their|the|"
    r"the\s+user['’]s)\s+(?:country|jurisdiction|member\s+state|state|region)\b"
    r"|\b(?:minimum|legal|required)\s+age\s+(?:in|of|for)\s+your\s+(?:country|jurisdiction|region)\b",
    re.IGNORECASE)
# One age for every place ("in every country", "everywhere", "in all countries", "wherever you live").
_EVERYWHERE = LazyPattern(
    r"\b(?:in\s+(?:every|each|all|any)\s+(?:country|countries|member\s+states?|regions?|markets?)|everywhere|"
    r"wherever\s+you\s+live|worldwide|around\s+the\s+world|globally)\b", re.IGNORECASE)
# Below this age a child's consent to an information society service needs a parent (GDPR Art. 8(1)).
DIGITAL_CONSENT_AGE = 16


def bar_ages(text: str) -> list[int]:
    """The minimum ages an age bar in `text` sets (children's ages only: 8 to 21)."""
    found = []
    for m in _BAR_AGE.finditer(text):
        age = int(next(g for g in m.groups() if g is not None))
        if 8 <= age <= 21:
            found.append(age)
    return found


def bar_lowered(old: str, new: str, elsewhere: list[str]) -> tuple[str, str] | None:
    """(the old bar, the new one) where `new` sets a minimum age below 16 and lower than the highest `old` set,
    or one age below 16 for every country where `old` deferred to the age of the user's country; None where a
    sentence of `elsewhere` (the rest of the new section) still sets the old age."""
    new_ages = bar_ages(new)
    if not new_ages or max(new_ages) >= DIGITAL_CONSENT_AGE:
        return None
    old_ages = bar_ages(old)
    if old_ages and max(old_ages) > max(new_ages):
        kept = max(old_ages)
        if any(kept in bar_ages(text) for text in elsewhere):
            return None
        return str(kept), str(max(new_ages))
    local = LOCAL_AGE.search(old)
    if local is not None and not LOCAL_AGE.search(new) and not any(LOCAL_AGE.search(t) for t in elsewhere) \
            and _EVERYWHERE.search(new):
        return local.group(0), str(max(new_ages))
    return None
