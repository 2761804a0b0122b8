"""Text that restates what the old document already disclosed elsewhere.

A summary box, a notice for the residents of some US states or of the EEA, a section split or
merged: a new block names kinds of data, uses and recipients the policy already gives in other
sections. The section is the unit the prose reader compares a new sentence with (a kind of data
already collected for orders is news when a loyalty programme starts to collect it), so such a
block read as new processing. This module decides when the whole old document is the unit
instead: when the block restates, it tells the reader nothing the old document did not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from .items import Claim, Statement
from .terms import Item, Weight
from .text import LazyPattern

Value = tuple[Item, str]

# What a restatement restates: the values of the listed items (Art. 13(1)(c)-(f), 14(1)(d)).
RESTATED_ITEMS = frozenset({Item.CATEGORIES, Item.SENSITIVE, Item.PURPOSES, Item.RECIPIENTS, Item.SOURCES,
                            Item.TRANSFERS})
_DATA = frozenset({Item.CATEGORIES, Item.SENSITIVE})
_USES = frozenset({Item.PURPOSES, Item.RECIPIENTS})

# Words that say a text sums up or repeats the policy, or restates it for readers of one region
# ("at a glance", "in short", "the sections above describe", "notice at collection", "residents
# of California", "EEA"). Bounded alternatives only: the text is untrusted.
_RESTATING = LazyPattern(
    r"\b(?:at a glance|in short|in brief|in summary|summary|summari[sz]\w*|overview|key points|"
    r"(?:described|listed|set out|explained|detailed) (?:above|below|earlier|elsewhere|in (?:this|these|the|section))|"
    r"(?:sections?|statement|policy|notice|table) (?:above|below)|"
    r"this (?:statement|policy|notice) (?:already )?(?:describes|explains|sets out)|"
    r"notice at collection|residents? of|(?:california|virginia|colorado|connecticut|u\.?s\.?)\b[^.;]{0,40}\blaws?|"
    r"us states?|u\.s\. states?|european economic area|eea|united kingdom|uk gdpr)\b",
    re.IGNORECASE)

def _claims(statements: Iterable[Statement]) -> dict[Value, Claim]:
    return {c.value: c for s in statements for c in s.claims
            if c.positive and c.item in RESTATED_ITEMS and c.weight is not Weight.VAGUE}


def restates(added: Sequence[Statement], title: str, in_old_document: Callable[[Claim], bool]) -> bool:
    """Whether the sentences added to one section restate the old document: the text says it
    sums up or restates the policy for some readers ("at a glance", "residents of California",
    "the sections above describe"), and every value it names the old document states. Without
    such words a new section naming known data is a new processing activity (a new programme
    that collects names and e-mail addresses), judged by its section as before."""
    claims = _claims(added)
    return bool(claims) and any(_RESTATING.search(text) for text in [title, *(s.text for s in added)]) \
        and all(in_old_document(c) for c in claims.values())


def related_before(statement: Statement, old_sections: Sequence[frozenset[Value]]) -> bool:
    """Whether the old document already relates the statement's kinds of data to every use it
    names: for each purpose or recipient, some old section states it with one of those kinds, or
    with no kind of data at all (a use of all the data). Data moved to a new purpose or recipient
    is that new use, however many uses the sentence lists and however much of the rest the old
    text gave. A statement naming no such relation relates nothing in particular."""
    claims = [c for c in statement.claims if c.positive and c.weight is not Weight.VAGUE]
    # A phrase no list names has no value another sentence could share: only named kinds relate.
    data = {c.value for c in claims if c.item in _DATA and not c.key.startswith("object:")}
    uses = {c.value for c in claims if c.item in _USES}
    if not data or not uses:
        return True
    return all(any(use in values and (data & values or not any(item in _DATA for item, _ in values))
                   for values in old_sections) for use in uses)
