"""The user's yes a consent-bound practice waited on, swapped for a condition the user does not give (consent35).

The old sentence let a practice happen on an act of the user's own choosing: "if you have said yes to personalised
ads", "if you have opted in to receive marketing communications", "and you've chosen to use a voice feature", "if you
sync your contacts". The new sentence tells the same practice with that act gone: cut, or swapped for a condition
the user does not give ("when you use the free plan", "when you install our mobile apps", "associated with your
account and orders"). Where the practice is one the law itself asks a yes for, the act was the consent it rested on,
and a controller cannot swap consent for another basis for the same processing (GDPR Art. 6(1)(a), 7; EDPB
Guidelines 05/2020, para. 121-123):

- **sharing or a sale for advertising**: data disclosed for ads or marketing (CPRA 1798.120, 1798.140(ah): sharing
  for cross-context behavioural advertising; ePrivacy Art. 5(3), 13), the ad end named in the new sentence or in
  the yes itself ("if you have said yes to personalised ads": the yes was to ads);
- **what the device holds or hears**: its address book, photo library, installed apps, messages, files
  (`stored.py`'s kinds) or its microphone and camera (ePrivacy Art. 5(3)).

Only the user's act is read. A basis named ("with your consent") or a settings gate ("subject to your settings")
dropped stays `consent_condition_removed`'s notice: the development half labels both a notice where the practice
is marketing or reports to advertisers (written-ja-real-26, settings-condition-removed-linkedin). A practice not
bound to consent by law (a disclosure to a linked service, an e-mail sent) is not read either: the condition
dropped there is a notice. The new sentence must ask nothing, offer no choice or way out, and deny nothing.

The functions read plain text; the caller (`prose._Consent.yes_swapped`) pairs the sentences and asks the rest of
the new section whether the yes is asked again there.
"""

from __future__ import annotations

import re

from .adends import AD_NOUNS, MARKETING
from .limited import content_words
from .stored import _STORED
from .text import LazyPattern

# The user's own act of choosing, as the condition of the practice: "if you have said yes to …", "once you opt in",
# "and you've chosen to use …", "if you sync your contacts". Up to the end of its clause.
_ACT = (r"(?:say|said|saying)\s+yes|opt(?:s|ed)?[- ]in|agree[ds]?|consent(?:s|ed)?|allow(?:s|ed)?|accept(?:s|ed)?|"
        r"cho(?:ose|oses|se|sen)|decided?|enabled?|turn(?:s|ed)?\s+(?:\w+\s+)?on|switch(?:es|ed)?\s+(?:\w+\s+)?on|"
        r"sync(?:s|ed)?|tick(?:s|ed)?|approved?|authori[sz]ed?|"
        r"(?:give|gave|given|grant|granted)\s+(?:\w+\s+){0,2}?(?:permission|access)")
_YES = LazyPattern(rf"\b(?:only\s+)?(?:if|when|once|after|where|and)\s+you(?:['’]ve|\s+have)?\s+(?:first\s+|"
                   rf"already\s+|explicitly\s+|also\s+)?(?:{_ACT})\b[^,;.]*", re.IGNORECASE)
# Any ask, choice, way out or settings left in the new sentence.
_STILL_ASKED = LazyPattern(
    rf"\b(?:if|when|once|after|unless|until)\s+you(?:['’]ve|\s+have)?\s+(?:\w+\s+)?(?:{_ACT}|want|wish|let|pick|"
    r"select)\b|\byou\s+(?:can|may|decide|choose|pick)\b|\bup\s+to\s+you\b|\byour\s+(?:call|choice|decision|"
    r"ok|okay|yes)\b|\boptional\b|\b(?:consent\w*|opt[- ]?in|opt[- ]?out|permission|ask\w*|settings?|"
    r"preferences?|choices?|authori[sz]\w*|unless|object)\b",
    re.IGNORECASE)
_DENIED = LazyPattern(r"\b(?:not|never|no|none|nothing|neither|nor|without)\b|n['’]t\b", re.IGNORECASE)
# Sharing or a sale: a verb of disclosure in the new sentence; the ad end in it or in the yes.
_DISCLOSED = LazyPattern(r"\b(?:shar(?:e|es|ed|ing)|sell(?:s|ing)?|sold|disclos\w*|pass(?:es|ed|ing)?|"
                         r"transfer\w*|hand(?:s|ed)?\s+over)\b", re.IGNORECASE)
_AD_END = LazyPattern(rf"\b(?:{AD_NOUNS}|{MARKETING}|ad|advertisers?|personali[sz]ed\s+ads)\b", re.IGNORECASE)
# What the device's microphone or camera records (`stored._STORED` names what it stores).
_SENSED = LazyPattern(r"\b(?:microphone|voice\s+(?:data|recordings?|input|commands?|clips?)|audio\s+recordings?|"
                      r"camera)\b", re.IGNORECASE)


def _content(text: str) -> set[str]:
    return set(content_words(text))


def may_swap(text: str) -> bool:
    """The cheap guard of an old sentence: the user's act of choosing as a condition in it (`yes_swapped` reads
    nothing else: an ask or a choice without the act, `_STILL_ASKED`, is `asks_again`'s)."""
    return _YES.search(text) is not None


def may_swap_to(text: str) -> bool:
    """The cheap guard of a new sentence: it asks nothing, offers no choice or way out, and denies nothing."""
    return not (_YES.search(text) or _STILL_ASKED.search(text) or _DENIED.search(text))


def asks_again(text: str) -> bool:
    """Another new sentence of the section that asks the yes again, or leaves a choice or a way out ("It does this
    only once you have chosen to sync your contacts.", "Contact matching stays off until you switch it on.")."""
    return _YES.search(text) is not None or _STILL_ASKED.search(text) is not None


def bound_by_law(new: str, yes: str) -> str | None:
    """What binds the practice of `new` to consent by law: "sharing for ads" (a verb of disclosure in the new
    sentence and an ad end in it or in the old yes), "device" (what the device stores or records), or None."""
    if _DISCLOSED.search(new) and (_AD_END.search(new) or _AD_END.search(yes)):
        return "sharing for ads"
    if _SENSED.search(new) or any(p.search(new) for p in _STORED.values()):
        return "device"
    return None


def yes_swapped(old: str, new: str) -> tuple[str, str] | None:
    """(the ground, the old yes) where `new` tells the practice `old` let happen on the user's own act with that act
    cut or swapped for a condition the user does not give, and the practice is bound to consent by law; or None.
    The two must tell the same practice (half the content words of the old one outside its yes); the new one must
    ask nothing, offer no choice or way out, and deny nothing."""
    yes = _YES.search(old)
    if yes is None or not may_swap_to(new):
        return None
    if _DENIED.search(old[:yes.start()]):
        return None     # (a denial until the yes: "we do not share it unless …" is `consent_made_refusal`'s)
    rest = _content(old[:yes.start()] + " " + old[yes.end():])
    if not rest or len(rest & _content(new)) < 0.5 * len(rest):
        return None
    ground = bound_by_law(new, yes.group(0))
    if ground is None:
        return None
    return ground, yes.group(0).strip()
