"""Data the old policy holds on the user's consent, put to a new end or given to a new recipient (consbasis38).

Consent covers the purposes it was asked for (GDPR Art. 4(11), 6(1)(a), 7; Art. 9(2)(a) for special data; ePrivacy
Art. 5(3), 13): data the OLD document says it processes on the user's yes cannot be put to a new end or handed to
a new recipient without asking again, while the same new end on data held on a contract or legitimate interests
needs a notice (Art. 13(3)). The other readings find the change (a new purpose, a new recipient, a new kind of
sharing); this one asks, of the changed sentence's old form, what basis its data were held on:

- the sentence's own words: "With your consent, we record …", "If you opt in, …", "where you have agreed …",
  "on the basis of your consent (Art. 6(1)(a) GDPR)";
- its table row: a cell that names consent as the row's basis ("| Your email | Newsletter | Consent |");
- its section: a title or a heading above it that names consent as the basis ("## What we do with your consent",
  "## Processing based on consent"), not one about consent as a right ("## Withdrawing your consent");
- a list item's label ("**Voice features (with your permission):** …").

The new clause must not ask a new yes for the new end ("if you agree on a separate screen, we also share …"): the
new sentence asks more often than its old form did, or the clause that carries the new value asks.

The functions read plain text; the caller (`prose._consent_held`, run once on the findings every other reading left)
finds the old form of the changed sentence (most of its content words told again), its row, its section's title and
the headings above it. It reads only findings of a new purpose or a new recipient in a section whose old text names
consent, permission, an opt-in or an agreement at all (`may_hold`, a substring check), so it costs nothing elsewhere.
"""

from __future__ import annotations

import re

from .limited import _content
from .text import LazyPattern

# Consent named as the basis a practice rests on (never "without your consent", "withdraw your consent").
BASIS = LazyPattern(
    r"\b(?:with|upon|on|based\s+on|on\s+the\s+basis\s+of|by\s+virtue\s+of|subject\s+to|relying\s+on|rely\s+on)\s+"
    r"(?:(?:your|the\s+user['’]s|their|prior|express|explicit|separate|specific|freely\s+given|informed|opt-in)\s+)*"
    r"(?:consent|permission|opt[- ]in)\b"
    r"|\bwhere\s+you\s+(?:have\s+)?(?:expressly\s+|explicitly\s+)?(?:consented|agreed|opted[- ]?in|"
    r"given\s+(?:us\s+)?(?:your\s+)?(?:consent|permission))\b"
    r"|\bif\s+you\s+(?:have\s+)?(?:expressly\s+|explicitly\s+)?(?:opt(?:ed)?[- ]?in|consent(?:ed)?|"
    r"agreed?\s+to\s+(?:it|this|that))\b"
    r"|\b(?:once|after)\s+you\s+(?:have\s+)?(?:opted[- ]?in|consented|given\s+(?:us\s+)?(?:your\s+)?consent)\b"
    r"|\bArt(?:icle|\.)?\s*6\s*\(\s*1\s*\)\s*\(?\s*a\s*\)"
    r"|\b(?:consent|permission)[- ]based\b",
    re.IGNORECASE)
# A title (or a table cell, a list label) that is the basis of consent itself: "Consent", "Your consent",
# "Explicit consent (Art. 9(2)(a))", "Consent-based processing", "Data we process with your consent".
_TITLE = LazyPattern(
    r"^\W*(?:(?:your|the\s+user['’]s|prior|explicit|express|opt-in)\s+)*(?:consent|permission)\b(?!\s+(?:and|to|of|"
    r"management|settings|preferences|withdraw|tool|choices|banner|rights?)\b)", re.IGNORECASE)
# A title about consent as a right or a setting, not as the basis of what follows.
_ABOUT_CONSENT = LazyPattern(r"\b(?:withdraw\w*|revok\w*|manag\w*|chang\w*|settings?|preferences?|without|"
                             r"cookies?|banner|choices?|minors?|children|parent\w*|not\s+required|do\s+not)\b",
                             re.IGNORECASE)
# The new clause asks a yes of its own.
ASKED = LazyPattern(
    r"\b(?:consent\w*|opt(?:s|ed|ing)?[- ]?in|permission|if\s+you\s+(?:agree|allow|choose|turn|switch|let|tick|"
    r"say\s+yes)|only\s+(?:if|when|once|after)\s+you|unless\s+you|ask(?:s|ing)?\s+(?:you|for\s+your)|"
    r"you\s+(?:can|may)\s+(?:turn|switch|opt|stop|choose|decline|refuse))\b", re.IGNORECASE)
_DENIED = LazyPattern(r"\b(?:not|never|no)\b|n['’]t\b", re.IGNORECASE)


_GUARD = ("onsent", "ermission", "pt-in", "pt in", "pted-in", "pted in", "agree", "Art")


def may_hold(texts: list[str]) -> bool:
    """A cheap guard: some text of the old section names consent, permission, an opt-in, an agreement or an article."""
    return any(word in t for t in texts for word in _GUARD)


# A sentence about consent as a right (its withdrawal, its refusal), not a practice resting on it.
_RIGHT = LazyPattern(r"\b(?:withdraw\w*|revok\w*|revocation|refus\w*|decline\w*|object\w*)\b", re.IGNORECASE)


def about_the_right(text: str) -> bool:
    """The sentence tells the right to withdraw or refuse consent ("Any consent you have given may be withdrawn at
    any time, … by writing to the Authority"): a channel or an authority it names is no recipient of data."""
    return _RIGHT.search(text) is not None


def basis_in_sentence(text: str) -> bool:
    """The sentence names consent as the basis of its practice (no denial before the words)."""
    return any(not _DENIED.search(text[max(0, m.start() - 25):m.start()]) for m in BASIS.finditer(text))


def basis_in_title(title: str) -> bool:
    """A title or a heading names consent as the basis of what it heads, not consent as a right or a setting."""
    title = title.strip(" #*:")
    if not title or _ABOUT_CONSENT.search(title):
        return False
    return _TITLE.search(title) is not None or basis_in_sentence(title)


def basis_in_row(text: str) -> bool:
    """A table row (its cells joined by "; ") has a cell that is the basis of consent."""
    return any(_TITLE.search(cell) and len(cell.split()) <= 8 and not _ABOUT_CONSENT.search(cell)
               for cell in re.split(r";\s+|\|", text))


def basis_in_label(text: str) -> bool:
    """A list item's label before its colon names consent as the basis ("**Voice (with your consent):** …")."""
    head, colon, _ = text.partition(":")
    return bool(colon) and len(head.split()) <= 8 and basis_in_sentence(head)


def told_again(old: str, new: str) -> bool:
    """The new sentence tells the old one's practice again: most (60 %) of the old one's content words."""
    before, after = set(_content(old)), set(_content(new))
    return bool(before) and len(before & after) >= 0.6 * len(before)


def overlap(old: str, new: str) -> int:
    """How many content words two sentences share."""
    return len(set(_content(old)) & set(_content(new)))


def told_in(value: str, old: str) -> bool:
    """Every content word of a finding's value stands in the old sentence already (the recipient it named)."""
    words = set(_content(value))
    return bool(words) and words <= set(_content(old))


def asks_anew(old: str, new: str) -> bool:
    """The new sentence asks a yes its old form did not: more asks than the old sentence, or an ask in words the
    old sentence has nowhere ("If you agree on a separate screen, we also share …"); the old sentence's own basis
    told again ("With your consent, …") is no new yes."""
    asks = [m.group(0).lower() for m in ASKED.finditer(new)]
    return len(asks) > len(ASKED.findall(old)) or any(a not in old.lower() for a in asks)
