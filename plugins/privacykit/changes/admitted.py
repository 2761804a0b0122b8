"""Children newly taken in: a group under the age of digital consent let use the service, or joined to the people
whose data the company takes (consent36).

A child's data rest on consent only where a parent gives or authorises it (GDPR Art. 8(1): under 16, or the lower
age a member state sets, never under 13; COPPA 16 CFR 312.5: verifiable parental consent before collecting from a
child under 13; CPRA 1798.120(c): opt-in to a sale or sharing under 16). A policy that kept such children out
("Children under 13 are not allowed to create an account", "We do not knowingly collect … from anyone under 13")
or did not name them, and now lets them in, takes in data the law binds to a parent's yes, whether or not the new
text names the parent: the parent's consent is then what the company must obtain. Read by the grammar of the new
sentence, not by a case's words:

- **a child group** (`_GROUP`): children, kids, minors, pupils, school students of a primary, middle, secondary or
  high school, "your child", or people under an age up to 16 ("under 13", "under the age of 16", "younger than
  15", "aged 13 to 15"); "child" as a modifier ("child safety", "child sexual abuse material") is none;
- **let in**, in the clause that names them: the group as the subject of a permission to use or join the service
  ("Children under 13 may use X only through a supervised account", "Kids can now set up a profile", "pupils are
  welcome to join"); or the group joined by "including", "such as" or "as well as" to the people of a sentence
  that tells data given, collected or received ("… for use by their workers, students (including secondary school
  students under the age of 16) or alumni").

None where the clause denies ("may not", "cannot", "are not allowed"), sets a bar at the age of digital consent or
over ("Children may use it only if they are 16 or older": no child under it is let in), where the sentence tells
what happens once the company learns it holds a child's data ("If we become aware …"), or where a sentence of the
old section let the same kind of group in already (a permission reworded). An age bar lowered ("at least 16" ->
"at least 13") is `agebar.py`'s; a parent's consent waived is `consent.parental_consent_waived`'s.
"""

from __future__ import annotations

import re

from .agebar import DIGITAL_CONSENT_AGE, bar_ages
from .text import LazyPattern

# A group of children: by a word for them or by an age up to 16.
_GROUP = (r"(?:children|kids|minors|pupils|(?:your|a|their)\s+(?:child|kid)|"
          r"(?:(?:primary|elementary|middle|secondary|high)[- ]school\s+)(?:students|pupils|children)|"
          r"(?:people|persons|users|anyone|those|individuals|students|members|teens|teenagers|young\s+people)?\s*"
          r"(?:under|below|younger\s+than)\s+(?:the\s+age\s+of\s+)?(?:[0-9]|1[0-6])\b(?!\s*(?:%|[.,]\d))"
          r"(?:\s+years?(?:\s+(?:old|of\s+age))?)?|aged\s+(?:between\s+)?(?:[0-9]|1[0-5])\s*(?:to|-|–|and)\s*1[0-7]\b)")
_GROUP_RE = LazyPattern(rf"\b{_GROUP}", re.IGNORECASE)
# The group as the subject of a permission to use or join: "Children under 13 may use Quora", "kids can now set up
# a profile", "pupils are welcome to join". (Up to 60 characters of the group's own words between.)
_LET_IN = LazyPattern(
    rf"\b{_GROUP}[^.;:,]{{0,60}}?\b(?:may|can|are\s+(?:allowed|permitted|able|welcome|free)\s+to|will\s+be\s+able\s+to)"
    r"\s+(?:now\s+|also\s+|still\s+)?(?:use|create|open|join|sign\s+up|register|have|hold|access|set\s+up|make|get|"
    r"start|play|chat|post|download)\b"
    # (the second person: "If you are under 16, you can use the app …", "if you're younger than 13, you may join")
    r"|\bif\s+you(?:\s+are|['’]re)\s+(?:under|below|younger\s+than)\s+(?:the\s+age\s+of\s+)?(?:[0-9]|1[0-6])\b"
    r"[^.;:]{0,40}?,\s*you\s+(?:may|can|are\s+(?:allowed|able|welcome)\s+to)\s+(?:now\s+|also\s+|still\s+)?"
    r"(?:use|create|open|join|sign\s+up|register|have|access|set\s+up|make|get|start)\b", re.IGNORECASE)
# The group joined to the people of a sentence: "(including secondary school students under the age of 16)".
_JOINED = LazyPattern(rf"\b(?:including|such\s+as|as\s+well\s+as|and\s+also|among\s+them)\s+(?:\w+\s+){{0,3}}?{_GROUP}",
                      re.IGNORECASE)
# A sentence that tells data given, collected or received.
_DATA_TAKEN = LazyPattern(r"\b(?:provides?|provided|gives?|given|shares?|shared|sends?|collects?|collected|receives?|"
                          r"received|gets?|obtains?|obtained|process(?:es|ed)?)\b[^.;]{0,80}?\b(?:personal\s+)?"
                          r"(?:data|information|details|names|(?:e-?mail\s+)?addresses|records)\b|\b(?:data|information|details)\b[^.;]{0,40}?\b(?:about|of|"
                          r"from)\s+(?:you|them|users|members|students)\b", re.IGNORECASE)
_DENIED = LazyPattern(r"\b(?:not|never|no|nobody|no\s+one|cannot|neither|nor)\b|n['’]t\b", re.IGNORECASE)
# What happens once the company learns it holds a child's data.
_LEARNED = LazyPattern(r"\b(?:if|when|should|where|once|whenever)\s+(?:we|you|it)\s+(?:\w+\s+)?(?:learn|become\s+aware|"
                       r"becomes?\s+aware|discover|find|believe|have\s+reason|are\s+made\s+aware|are\s+notified|"
                       r"determine|comes?\s+to)\w*\b", re.IGNORECASE)
_CLAUSE = LazyPattern(r"[;:]\s*|,\s+(?:and|but|or)\s+|\s+but\s+|\.\s+")


def may_admit(text: str) -> bool:
    """The cheap guard: a child group named."""
    return _GROUP_RE.search(text) is not None


def _let_in(text: str) -> str | None:
    for clause in _CLAUSE.split(text):
        match = _LET_IN.search(clause)
        if match is not None and not _DENIED.search(clause) and not _LEARNED.search(clause) \
                and not any(age >= DIGITAL_CONSENT_AGE for age in bar_ages(clause)):
            return match.group(0)
    return None


def _joined(text: str) -> str | None:
    match = _JOINED.search(text)
    if match is None or _DENIED.search(text) or _LEARNED.search(text) or not _DATA_TAKEN.search(text):
        return None
    return match.group(0)


def admits(text: str) -> str | None:
    """The words by which `text` lets a child group use the service or joins it to the people whose data are taken,
    or None."""
    if not may_admit(text):
        return None
    return _let_in(text) or _joined(text)


def children_taken_in(old: list[str], new: str) -> str | None:
    """The words of `new` that take a child group in, where no sentence of `old` (the old sentence, or the old
    section) let children in already; or None."""
    words = admits(new)
    if words is None or any(admits(text) for text in old):
        return None
    return words
