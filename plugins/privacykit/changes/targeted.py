"""An end of targeting added to data held on explicit consent, in the sentence that told its ends (consent30).

The old sentence told what special-category data (a disability told to support, a skin tone that may reveal ethnic
origin, the special details of a dating profile) or data held on the user's explicit consent is used for ("we use it
only to handle that ticket", "we use these details only to show them on your profile and to filter matches"); the
rewritten sentence tells the same practice with an end of targeting added: ads, offers, deals, promoted products,
recommendations, profiles suggested ("… and to pick offers that suit you", "… and to help brands reach you with
promoted products", "… and to choose the profiles we suggest to you"). Explicit consent is given for specified
purposes (GDPR Art. 9(2)(a), 4(11)); an end of marketing or personalisation is one none was given for, and not
compatible with the end the data were given for (Art. 6(4)(c): the nature of the data). Whether "only" stays, is cut
or was never there is the same change.

The functions read plain text; the caller (`prose._Consent.targeting_added`) asks whether the data is bound to
consent (special categories by the sentence, a pronoun or the section; "explicit consent" told in the same block).
"""

from __future__ import annotations

import re

from .adends import AD_NOUNS, PROMOTE
from .limited import _same_practice
from .text import LazyPattern
from .turned import _ASKED, _NEGATED, _TARGETING

# The basis of explicit consent named (GDPR Art. 9(2)(a), 22(2)(c), 49(1)(a)): what is held on it is bound to it.
EXPLICIT = LazyPattern(r"\bexplicit(?:ly)?\s+(?:opt[- ]in\s+)?(?:consent\w*|agree\w*|permission)\b|\bexplicitly\s+"
                       r"(?:agree\w*|consent\w*|allow\w*)\b", re.IGNORECASE)
_WORD = LazyPattern(r"[a-z]+", re.IGNORECASE)
# The data named by a pronoun or a demonstrative: the sentences before tell what it is.
DEMONSTRATIVE = LazyPattern(r"\b(?:these|this|those|such|that)\s+(?:[\w-]+\s+)?(?:details|data|information|fields?|"
                            r"answers?|selections?|choices?)\b", re.IGNORECASE)
# An end of choosing what to show or send the user: ads, offers, deals, promoted or sponsored products,
# recommendations, profiles or products suggested (not an inference or a pharmacist's "suggestion": turned.py's
# targeting words are wider).
# (consent35) The nouns of advertising are `adends.AD_NOUNS`; what is this reading's own is said there.
_END = LazyPattern(
    rf"\b(?:{AD_NOUNS}|{PROMOTE}|offers?|deal|"
    r"recommend(?:s|ed|ing|ations?)?|target(?:s|ed|ing)?|personali[sz](?:e|es|ed|ing|ation))\b"
    r"|\b(?:profiles?|matches|people|products|content|posts|items)\s+(?:that\s+)?(?:we|our\s+\w+)\s+suggest\b"
    r"|\bsuggest(?:s|ed|ing)?\s+(?:\w+\s+)?(?:profiles?|matches|people|products|content|posts|items)\b", re.IGNORECASE)
# The parts of a sentence a denial reaches across: up to a semicolon, a full stop or a "but".
_SEGMENT = LazyPattern(r"[;.]\s+|[;.]$|\s+but\s+|\s+while\s+|\s+whereas\s+", re.IGNORECASE)


def targeting_added(old: str, new: str) -> str | None:
    """The clause of `new` that adds an end of targeting (ads, offers, recommendations, promoted products) to the
    practice `old` told with no such end affirmed, or None. The two must tell the same practice (most of the old
    one's content words), and the new one may ask no yes the old one did not ask."""
    if not _same_practice(old, new):
        return None
    if any(_targeting_told(part) for part in _SEGMENT.split(old)):
        return None     # (an end of targeting the old sentence told already)
    if _ASKED.search(new) and not _ASKED.search(old):
        return None
    had = {w.lower() for w in _WORD.findall(old)}
    for part in _SEGMENT.split(new):
        for target in _END.finditer(part):
            if _WORD.findall(target.group(0).lower())[0] not in had and not _NEGATED.search(part[:target.start()]):
                return part[max(0, target.start() - 50):target.end() + 40].strip(" ,")
    return None


def _targeting_told(part: str) -> bool:
    """An end of targeting affirmed in a part of a sentence (no denial before it: "we never use it to select,
    target, or measure ads" denies all three)."""
    return any(not _NEGATED.search(part[:m.start()]) for m in _TARGETING.finditer(part))
