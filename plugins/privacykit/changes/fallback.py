"""recall41: "material unless shown editorial" — a changed statement no reading finds and no editorial
recogniser explains.

The detector's stance is "editorial unless a reading fires": a changed sentence that no reading of an item
finds falls through to an editorial note (`_Judge.compare`'s last step, a sentence added or removed that no
judge reads). This step reads those sentences the other way: a changed clause that

(a) states a practice or a legal item (its reading names data, a purpose, a recipient, a period, a right, a
    country, a limit or a party: `Statement.substantive`; with `STANCE` "processing", also a sentence about
    processing, rights or children whose items the lists do not name),
(b) is not explained by an editorial recogniser (typo, spelling, reorder, reflow, formatting, dates, links,
    addresses, renumbering, cross-references: `editorial.recognise` gave "rewording", the catch-all), nor by
    the same facts restated (`_explained`: only function words changed; the same items item by item; every
    content word it gains the old section already states and every one it loses the new section still states),
(c) and has no finding of its own,

is "material-notify" with a finding that says so ("changed statement of <item>: review").

It is switched by `STANCE` (None: off). See docs/design-notes.md, "unexplained41 (recall41)".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .items import Statement

# None: off (the detector's stance: editorial unless a reading fires). "substantive": a clause whose reading
# names an item. "processing": that, or a sentence about processing, rights or children.
STANCE: str | None = None
# A document with more unexplained clauses than this is a rewrite: the step leaves it to the readings
# (0: no limit).
MOST = 0
# For measurement only (tests/classify/unexplained.py): each candidate's reading, whatever STANCE says.
RECORD: list[dict] | None = None


@dataclass(frozen=True)
class Candidate:
    """A changed clause no judge found anything in: the old and the new sentence (one of them None for a
    sentence added or removed), with their readings and the content-word stems of their sections."""

    section: str
    old: str | None
    new: str | None
    old_statement: Statement | None
    new_statement: Statement | None
    old_section_words: frozenset[str]
    new_section_words: frozenset[str]
    old_section_items: frozenset = frozenset()     # the positive items (item, value) each section states
    new_section_items: frozenset = frozenset()


def _states_item(s: Statement | None, stance: str) -> bool:
    if s is None:
        return False
    if s.substantive:
        return True
    return stance == "processing" and (s.processing or s.about_rights or s.about_children)


def _items(s: Statement) -> tuple:
    return (frozenset(s.positive()), frozenset(s.negative()), s.limits,
            frozenset((q.item, q.words) for q in s.quantities), frozenset(s.entities), frozenset(s.dpo))


def explained(c: Candidate) -> str | None:
    """Why the change says the same (a recogniser's name), or None."""
    a, b = c.old_statement, c.new_statement
    if a is not None and b is not None:
        gained, lost = b.words - a.words, a.words - b.words
        if not gained and not lost:
            return "function-words"
        if _items(a) == _items(b) and not (gained - c.old_section_words) and not (lost - c.new_section_words):
            return "same-items"
        return None
    if b is not None:       # added: every item and content word already told in the old section
        told = b.words <= c.old_section_words
        return "told-in-section" if told and b.positive() <= c.old_section_items else None
    if a is not None:       # removed: every content word still told in the new section
        return "still-told" if a.words <= c.new_section_words and a.positive() <= c.new_section_items else None
    return "empty"


def features(c: Candidate) -> dict:
    """What measurement needs of a candidate (tests/classify/unexplained.py)."""
    s = c.new_statement or c.old_statement
    a, b = c.old_statement, c.new_statement
    return {"section": c.section, "form": "pair" if a and b else "added" if b else "removed",
            "substantive": bool(s and s.substantive),
            "processing": bool(s and (s.processing or s.about_rights or s.about_children)),
            "explained": explained(c),
            "same_items": bool(a and b and _items(a) == _items(b)),
            "gained": sorted(b.words - a.words) if a and b else sorted(b.words) if b else [],
            "lost": sorted(a.words - b.words) if a and b else sorted(a.words) if a else [],
            "gained_untold": sorted((b.words - a.words if a else b.words) - c.old_section_words) if b else [],
            "lost_untold": sorted((a.words - b.words if b else a.words) - c.new_section_words) if a else [],
            "sentence": c.new or c.old or ""}


def unexplained(candidates: Iterable[Candidate], found: set[str]) -> list[Candidate]:
    """The candidates that are material under `STANCE`: they state an item, no recogniser explains them, and
    no finding names their sentence (`found`)."""
    candidates = [c for c in candidates if (c.new or c.old or "") not in found]
    if RECORD is not None:
        RECORD.extend(features(c) for c in candidates)
    if STANCE is None:
        return []
    stance = STANCE
    out = [c for c in candidates if _states_item(c.new_statement or c.old_statement, stance)
           and explained(c) is None]
    return [] if MOST and len(out) > MOST else out
