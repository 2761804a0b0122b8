"""Consent asked, and taken away, in a plain voice (consent26).

Short policies say a consent in everyday words ("We ask you first.", "It's up to you.", "only if you say yes",
"Off until you switch it on") and take it away in as few ("It turns on when you install the app.", "You can
turn this off in Settings."), often across two sentences: the practice in one, the choice or the way out in the
next. The legal readings are consent24's and consent21a's (GDPR Art. 4(11), 7(1), Recital 32; CJEU C-673/17
Planet49; EDPB Guidelines 05/2020, para. 121-123: a practice that waited on the user's yes, now done unless the
user undoes it, or done from the start); this module gives them the plain words and reads a sentence together
with the short sentence after it that only says the choice or the way out.
"""

from __future__ import annotations

import re

from .consent import _CHOICE_OFFERED, _CONSENT_ASKED, _NOT_DONE, _STILL_ASKED, _UNDONE
from .frame import _DEFAULT, PLAIN_ASKED
from .text import LazyPattern

# The practice told as going on from the start, in plain words: "turns on when you install the app", "is on for
# everyone", "starts automatically", "is switched on when you sign up".
_PLAIN_DEFAULT = LazyPattern(
    r"\b(?:turns?|switch(?:es)?|comes?|goes|is|are|starts?|stays?)\s+on\s+(?:automatically|by default|"
    r"(?:as soon as|when|once|the moment)\s+you\s+(?:first\s+)?(?:install|download|open|sign\s+up|set\s+up|join|"
    r"start|register|create|log\s+in|update)|for\s+(?:everyone|all\b))"
    r"|\b(?:starts?|runs?|happens?)\s+(?:automatically|by default)\b|\bautomatically\b|\bby default\b"
    # (on until the user says no: "Personalised ads are on unless you tap “No”")
    r"|\b(?:is|are|stays?|remains?)\s+(?:switched\s+|turned\s+)?on\s+(?:unless|until)\b"
    # (a feature told on, as the sentence's whole news: "Find Friends is on.", "Sharing is now switched on.")
    r"|\b(?:is|are)\s+(?:now\s+|always\s+)?(?:switched\s+|turned\s+)?on\s*[.!]?\s*$"
    # (what the user had to make public, public from the start: "Your posts are public unless you make them private.")
    r"|\b(?:is|are)\s+(?:now\s+|always\s+)?(?:public|visible to everyone|searchable)\b"
    r"|\bwithout\s+(?:first\s+)?asking(?:\s+you)?\b",
    re.IGNORECASE)
# A way out said as an instruction: "To stop this, switch it off in Settings.", "Turn it off any time."
_PLAIN_UNDO = LazyPattern(r"\bto\s+(?:stop|turn\s+off|switch\s+off|opt\s+out\s+of|disable)\s+(?:this|it|that|them)\b"
                          r"|\b(?:switch|turn|toggle)\s+(?:it|this|them|that)\s+off\b"
                          r"|\bif\s+you\s+(?:do\s+not|don['’]t)\s+want\s+(?:this|that|it)\b"
                          r"|\b(?:unless|until)\s+you\s+(?:first\s+)?(?:tap|click|press|select|say|hit)\s+[\"“']?"
                          r"(?:no|off|don['’]t allow|opt out|decline|reject)\b", re.IGNORECASE)
# A short sentence that only says the choice or the way out, of the practice before it ("This is up to you.",
# "You can turn this off in Settings.", "It's your choice.", "To stop this, go to Settings.").
_POINTS_BACK = LazyPattern(r"\b(?:this|that|it|them|these|they)\b", re.IGNORECASE)


def _bare(sentence: str) -> bool:
    """`sentence` is a short one that only gives the choice or the way out of the sentence before it."""
    return bool(sentence) and len(sentence.split()) <= 16 and (
        PLAIN_ASKED.search(sentence) is not None or _CHOICE_OFFERED.search(sentence) is not None
        or _UNDONE.search(sentence) is not None or _PLAIN_UNDO.search(sentence) is not None) and (
        _POINTS_BACK.search(sentence) is not None or re.search(r"\bsettings?\b", sentence, re.IGNORECASE) is not None
        or len(sentence.split()) <= 6)


def with_next(sentence: str, following: str) -> str:
    """`sentence`, with the next sentence of its paragraph where that only gives its choice or its way out."""
    return f"{sentence} {following}" if following and _bare(following) else sentence


def _asked(text: str) -> bool:
    return PLAIN_ASKED.search(text) is not None or _CHOICE_OFFERED.search(text) is not None \
        or _CONSENT_ASKED.search(text) is not None


def asked_plainly_no_longer(old: str, old_next: str, new: str, new_next: str) -> str | None:
    """The words by which the new sentence (read with its next one where that only gives a way out) tells a
    practice going on by default or until the user undoes it, where the old sentence (read with its next one
    where that only gives the choice) left it to the user's yes in any words, plain ones included ("You can
    upload your address book to find friends. This is up to you." -> "We upload your address book to find
    friends. You can turn this off in Settings."; "We ask you before we turn on location sharing." -> "Location
    sharing turns on when you install the app."), or None. Read only where the old or the new reading needs
    the plain words or the next sentence: one sentence each in the old words is `consent`'s reading."""
    old_all, new_all = with_next(old, old_next), with_next(new, new_next)
    if not _asked(old_all) or _UNDONE.search(old_all) is not None or _PLAIN_UNDO.search(old_all) is not None \
            or _PLAIN_DEFAULT.search(old_all) is not None \
            or _DEFAULT.search(old_all) is not None:
        return None
    if _asked(new_all) or _STILL_ASKED.search(new_all) is not None:
        return None
    taken = _UNDONE.search(new_all) or _PLAIN_UNDO.search(new_all) or _PLAIN_DEFAULT.search(new) or _DEFAULT.search(new)
    if taken is None:
        return None
    # The practice sentence itself must tell the practice going on, not deny it ("… is not shown unless …").
    if _NOT_DONE.search(new[:taken.start()] if taken.start() < len(new) else new) is not None:
        return None
    return taken.group(0)


_LEAD = LazyPattern(r"^\W*([\w'’-]+)\s+([\w'’-]+)")
_NO_LEAD = frozenset({"we", "you", "our", "your", "the", "it", "this", "they", "if", "when", "a", "an", "to",
                      "in", "for", "and", "but", "with", "only", "no", "yes", "there", "these", "those",
                      "that", "some", "all", "any", "once", "after", "before", "until", "unless", "where",
                      "at", "on", "by", "as"})


def same_lead(old: str, new: str) -> bool:
    """The two sentences open on the same two words, a name of a practice or a feature and not a pronoun or an
    article ("Ad personalisation stays off …" / "Ad personalisation is on …"): a short voice names its practice
    first and rewrites the rest."""
    a, b = _LEAD.match(old), _LEAD.match(new)
    if a is None or b is None or a.group(1).lower() in _NO_LEAD:
        return False
    return (a.group(1).lower(), a.group(2).lower()) == (b.group(1).lower(), b.group(2).lower())
