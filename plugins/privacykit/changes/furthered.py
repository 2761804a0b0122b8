"""Biometric data put to a further end (paracons37).

A face or a voice processed to identify a person is special data (GDPR Art. 9(1), 4(14); CPRA 1798.140(ae)(2)).
The condition a service relies on (the user's explicit consent, Art. 9(2)(a)) covers the end the user was told:
confirming that they are who they say, labelling speakers in their own workspace. The same face data kept and put
to another end (matched against everyone who signs up, searched for the person's other accounts, used to tune
suggestions) is a new processing of special data, which needs its own yes. Read by the grammar of a further end,
not by a case's words:

- **biometric data named**: a faceprint, face data, facial geometry, a biometric template or identifier, a
  voiceprint, a voice profile, the selfie of a verification;
- **a further end**: a marker of one more end ("also", "as well", "in addition", "after that") before a verb of an
  end (match, check, compare, screen, find, detect, tune, suggest, recommend, personalise, train, profile,
  advertise, market, search), or a match of one against many ("against everyone who registers", "against new
  sign-ups", "any other account");
- affirmed (no denial in the clause up to the end's words), and no yes asked in the sentence;
- new: no sentence of the old section (nor the paired one) named biometric data with a further end.

Not read: retention alone ("we also keep your selfie for 30 days" names no end), a denial, a further end asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .text import LazyPattern

_BIOMETRIC = LazyPattern(r"\b(?:face\s*prints?|face\s+(?:data|scans?|geometry|templates?)|facial\s+(?:geometry|"
                         r"features|data|templates?|scans?|recognition)|biometric\s+(?:templates?|data|identifiers?|"
                         r"profiles?|information)|voice\s*prints?|voice\s+profiles?|selfies?)\b", re.IGNORECASE)
_END = r"(?:match\w*|check\w*|compar\w*|screen\w*|find\w*|detect\w*|tun(?:e|es|ed|ing)|suggest\w*|recommend\w*|" \
       r"personali[sz]\w*|train\w*|profil\w*|advertis\w*|market\w*|search\w*|spot\w*|catch\w*)"
_FURTHER = LazyPattern(rf"\b(?:also|as\s+well|in\s+addition|additionally|after\s+that|afterwards)\b[^.;]{{0,80}}?"
                       rf"\b{_END}\b"
                       # (one matched against many: after a verb of an end, not data kept "with all other users'
                       # records" or "separate from other accounts"; review38)
                       rf"|\b{_END}\b[^.;]{{0,60}}?\b(?:against|with)\s+(?:every(?:one|body)?|all|any|each|new|other|"
                       r"later|future)\b[^.;]{0,30}?"
                       r"\b(?:users?|sign[- ]?ups?|members?|accounts?|people|registers?|registrations?|customers?|"
                       r"profiles?)\b"
                       rf"|\b{_END}\b[^.;]{{0,60}}?\b(?:any\s+|other\s+)?other\s+accounts?\b", re.IGNORECASE)
# A clause that opens with no subject of its own: a verb, an infinitive, a preposition, a relative ("match …",
# "to search …", "under any circumstances", "which we delete …"); not one opening with a conjunction or a subject.
_CONTINUES = re.compile(r"\s*(?!(?:and|but|or|nor|so|yet|then|we|you|they|it|he|she|i|our|your|their|its|the|this|"
                        r"these|those|a|an|my)\b)[a-z]")
_DENIED = LazyPattern(r"\b(?:not|never|no|nor|neither)\b|n['’]t\b", re.IGNORECASE)
_ASKED = LazyPattern(r"\b(?:consent\w*|permission|opt(?:s|ed|ing)?[- ]?in|if\s+you\s+(?:agree|allow|choose|"
                     r"opt|turn|switch)|only\s+(?:if|when)\s+you)\b", re.IGNORECASE)


def may_further(text: str) -> bool:
    """The cheap guard: biometric data named."""
    return _BIOMETRIC.search(text) is not None


def _furthered(text: str) -> re.Match[str] | None:
    """The further end `text` affirms for biometric data it names; a denial after it (its own purpose clause,
    "so that people we've banned can't come back") does not deny it."""
    if _BIOMETRIC.search(text) is None or _ASKED.search(text):
        return None
    found = _FURTHER.search(text)
    if found is None:
        return None
    # (the clause of the end: from the last comma, semicolon or bracket before it; "(passed or not)" denies nothing)
    start = max(text.rfind(mark, 0, found.start()) for mark in ",;:()")
    if _DENIED.search(text, max(start, 0), found.end()):
        return None
    # (a clause with no subject of its own after a comma, "We do not, under any circumstances, match your faceprint
    # against …", "We never use your selfie, which …, to search other accounts", goes on with the main clause before
    # its insets: that clause's denial is its own; review38)
    while start >= 0 and text[start] == "," and _CONTINUES.match(text, start + 1):
        before = max(text.rfind(mark, 0, start) for mark in ",;:()")
        if before < 0 or text[before] != "," or not _CONTINUES.match(text, before + 1):
            return None if _DENIED.search(text, max(before, 0), start) else found
        start = before
    return found


def tells_further(text: str) -> bool:
    """`text` puts biometric data to a further end: the test each old sentence is put to (`biometric_furthered`)."""
    return _furthered(text) is not None


def biometric_furthered(old: Iterable[str], new: str) -> str | None:
    """The words of `new` that put biometric data to a further end no sentence of `old` told for them, or None."""
    found = _furthered(new)
    if found is None or any(_furthered(text) for text in old):
        return None
    return found.group(0)
