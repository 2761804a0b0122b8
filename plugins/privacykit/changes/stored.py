"""What the user's device stores, read without asking (consent34).

Gaining access to information already stored in the user's terminal equipment needs the user's consent unless it
is strictly necessary for a service the user asked for (ePrivacy Directive Art. 5(3); EDPB Guidelines 2/2023): the
phone's address book, its photo library, the list of the other apps installed on it, its text messages, call log
or files. The old sentence did not affirm reaching it (it did not name it, denied it, or asked each time: "it does
not access your contacts, microphone or photo library without asking you each time", "we'll ask whether you want
to upload your phone's contacts"); the rewritten sentence affirms it in a clause that asks no yes ("once you have
granted access [to the camera], it scans your photo library", "When you set up the app, we upload your phone's
contacts", "…, mobile carrier name, and the contacts stored in your device's address book", "other applications
installed on your device, including applications that are not Spotify partners").

Read by kind of stored content, not by the case's words, where the sentence tells the end it is read for after it
("so we can suggest people you may know", "to understand your interests"): device facts listed as collected with
no end are a new category of data, a notice's. Not read: content the old sentence already affirmed
reaching (reworded, reordered), a clause with a denial or a yes ("if you allow", "with your permission", "you can
choose"), the user's own upload ("photos you upload" are sent, not read from the device).
The caller (`prose._Consent.stored_read`) pairs the sentences.
"""

from __future__ import annotations

import re

from .text import LazyPattern
from .turned import _ASKED, _NEGATED, _clauses

_DEVICE = r"(?:your\s+|the\s+|a\s+)?(?:device|phone|mobile|smartphone|handset|tablet|computer)(?:['’]s)?"
_STORED: dict[str, LazyPattern] = {
    "contacts": LazyPattern(
        rf"\b{_DEVICE}\s+contacts\b|\bcontacts\s+(?:stored\s+|saved\s+|kept\s+)?(?:in|on|from)\s+{_DEVICE}"
        r"|\baddress\s+books?\b|\bcontact\s+lists?\s+(?:on|of|from)\s+" + _DEVICE, re.IGNORECASE),
    "photos": LazyPattern(
        rf"\b(?:photo|picture|image|media)\s+(?:library|libraries|gallery)\b|\bcamera\s+rolls?\b|"
        rf"\b(?:photos|pictures|images|videos)\s+(?:stored\s+|saved\s+|kept\s+)?(?:on|in)\s+{_DEVICE}", re.IGNORECASE),
    "apps": LazyPattern(
        rf"\b(?:apps|applications)\s+(?:that\s+are\s+|you\s+have\s+)?installed\s+on\s+{_DEVICE}|"
        r"\binstalled\s+(?:apps|applications)\b|\blist\s+of\s+(?:the\s+)?(?:other\s+)?(?:apps|applications)\b",
        re.IGNORECASE),
    "messages": LazyPattern(
        rf"\b(?:text|SMS)\s+messages\s+(?:stored\s+)?(?:on|in)\s+{_DEVICE}|"
        rf"\bcall\s+(?:logs?|history)\s+(?:on|from|in)\s+{_DEVICE}|\b{_DEVICE}\s+call\s+(?:logs?|history)\b|"
        rf"\bfiles\s+(?:stored\s+|saved\s+)?(?:on|in)\s+{_DEVICE}", re.IGNORECASE),
}
# A yes asked, or a way to say no, in the clause or the sentence: the access waits on the user.
_ASKING = LazyPattern(r"\b(?:ask\w*|permission|allow\w*|grant\s+us|(?:choose|decide|elect|want|wish|agree)\s+to|"
                      r"opt\w*\s+in|if\s+you\s+(?:tap|"
                      r"turn|switch|enable|connect|sync|let)|you\s+can\s+(?:turn|switch|disable|revoke)|settings?)\b",
                      re.IGNORECASE)
# The user's own upload is sent by the user, not read from the device.
_UPLOADED = LazyPattern(r"\b(?:you|they)\s+(?:choose\s+to\s+)?(?:upload|share|send|post|select|pick)\w*\b",
                        re.IGNORECASE)


# The end the content is read for, told after it: device facts listed as collected with no end are a new category
# of data, a notice's ("…, a list of other apps installed on your device, mobile carrier name, pages visited …").
_FOR_END = LazyPattern(r"\b(?:to\s+(?!(?:us|you|our|the|your|a|an|do\s+so|which|whom)\b)\w+|so\s+(?:that\s+)?\w+\s+can|"
                       r"in\s+order\s+to)\b", re.IGNORECASE)


def may_read(text: str) -> bool:
    """The cheap guard: a kind of stored content named."""
    return any(p.search(text) for p in _STORED.values())


# A yes asked in an opening condition covers the clause after it ("If you allow it, the app reads your address book").
_FRONTED_ASK = LazyPattern(r"\s*(?:[\d.]+\s+)?(?:if|when|once|after|where)\s+you\s+(?:\w+\s+){0,2}?(?:allow|agree|"
                           r"consent|choose|decide|permit|let|tap|turn|switch|enable|give|opt)\w*\b[^,;]*,",
                           re.IGNORECASE)


# paracons37: a permission given for one thing said to let the app reach more ("Granting that permission also
# allows the App to look through the pictures stored on your device", "the same access also lets us read …"): the
# yes was asked for the other thing, not this one, so the grant is no ask over the stored content.
_GRANT_STRETCHED = LazyPattern(r"\b(?:(?:granting|giving|having)\s+)?(?:that|this|the\s+same|such|your|the|camera|"
                               r"microphone|location)\s+(?:\w+\s+)?(?:permission|access)\s+(?:will\s+|may\s+|can\s+)?"
                               r"also\s+(?:allows?|lets?|enables?|permits?|gives?)\b", re.IGNORECASE)


def _affirmed(text: str) -> set[str]:
    """The kinds of stored content `text` affirms reaching in a clause with no denial and no yes asked."""
    kinds: set[str] = set()
    if _FRONTED_ASK.match(text):
        return kinds
    for clause in _clauses(text):
        clause = _GRANT_STRETCHED.sub(" ", clause)
        if _NEGATED.search(clause) or _ASKED.search(clause) or _ASKING.search(clause) or _UPLOADED.search(clause):
            continue
        kinds |= {kind for kind, pattern in _STORED.items() if pattern.search(clause)}
    return kinds


def _named(text: str) -> set[str]:
    return {kind for kind, pattern in _STORED.items() if pattern.search(text)}


def stored_read(old: str, new: str) -> str | None:
    """The stored content `new` affirms reaching, with no yes asked, where `old` did not affirm reaching it; or
    None. Content `old` named without a denial or an ask is reworded, not new; a yes asked anywhere in `new` over
    that content is none."""
    if not may_read(new):
        return None
    gained = _affirmed(new) - _affirmed(old)
    if not gained:
        return None
    # (the old sentence named it affirmed in a clause this reading could not split: "we collect your contacts"
    # told again is no change)
    gained = {kind for kind in gained if kind not in _named(old) or _NEGATED.search(old) or _ASKING.search(old)
              or _ASKED.search(old)}
    if not gained:
        return None
    for kind in sorted(gained):
        match = _STORED[kind].search(new)
        if match is not None and _FOR_END.search(new[match.end():match.end() + 200]):
            return match.group(0)
    return None
