"""Declared-fact changes between two resolved documents (or two sections).

Each change names the kind of change a rule is written for (`ChangeKind`), the
fact and value, and the sections that declare it. The Fides hierarchy decides
whether a new data category or use is *narrower* (a key under one already
declared) or new.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.document import ResolvedDocument, ResolvedSection
from ..model.facts import FACT_FIELDS, ChangeKind, Comparison, DeclaredFacts, FactField, FactKind
from ..model.vocabulary import ancestors


@dataclass(frozen=True)
class FactChange:
    """One change of a declared fact."""

    kind: ChangeKind
    fact: FactKind
    value: str
    detail: str
    sections: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """Stable across regions, so one acknowledgement covers every region."""
        return f"{self.kind.value}:{self.value}"

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind.value, "fact": self.fact.value, "value": self.value,
                "detail": self.detail, "sections": list(self.sections)}


# The ending of a period made shorter or an age higher (`report` tells it apart by it).
SHORTER_OR_HIGHER = " (shorter or higher: no action)"

def _declaring(sections, fact: FactKind, value) -> tuple[str, ...]:
    out = []
    for section in sections:
        current = section.facts.get(fact)
        if (isinstance(current, frozenset) and value in current) or current == value:
            out.append(section.id)
    return tuple(out)


def fact_changes(old: DeclaredFacts, new: DeclaredFacts, old_sections=(), new_sections=()) -> list[FactChange]:
    """Every change from `old` to `new` facts, material or not, in a stable order: the sets
    of terms (registry order), then the ordered quantities, then the flags."""
    changes: list[FactChange] = []
    for comparison in (Comparison.SET, Comparison.ORDERED, Comparison.FLAG):
        for fact in FACT_FIELDS:
            if fact.comparison is comparison:
                changes.extend(_COMPARE[comparison](fact, old.get(fact.kind), new.get(fact.kind),
                                                    old_sections, new_sections))
    return changes


def _set_changes(fact: FactField, before: frozenset[str], after: frozenset[str], old_sections,
                 new_sections) -> list[FactChange]:
    added = []
    for key in sorted(after - before):
        parent = next((a for a in ancestors(key) if a in before), None) if fact.nested else None
        if fact.special is not None and fact.special.applies(key, before):
            kind, text = fact.special.kind, fact.special.text
        elif parent:
            kind, text = ChangeKind.NARROWER_CHANGE, "narrower {label} '{value}' under declared '{parent}'"
        else:
            kind = fact.riskier
            text = fact.added_text + (" (top level)" if fact.nested and "." not in key else "")
        added.append(FactChange(kind, fact.kind, key, text.format(label=fact.label, value=key, parent=parent),
                                _declaring(new_sections, fact.kind, key)))
    removed = [FactChange(fact.safer, fact.kind, key, fact.removed_text.format(label=fact.label, value=key),
                          _declaring(old_sections, fact.kind, key)) for key in sorted(before - after)]
    return removed + added if fact.removals_first else added + removed


# The old side of a quantity no section declared, in a change's id.
UNSTATED = "unstated"


def _ordered_changes(fact: FactField, before, after, old_sections, new_sections) -> list[FactChange]:
    # A quantity has a direction: a longer retention or a lower minimum age needs action.
    if before == after or after is None:
        return []
    # An undeclared side is written as a word, not as Python's None (counsel43): `unstated->P3Y`.
    value = f"{UNSTATED if before is None else before}->{after}"
    if fact.is_riskier(before, after):
        return [FactChange(fact.riskier, fact.kind, value, f"{fact.label} from {before or 'undeclared'} to {after}",
                           _declaring(new_sections, fact.kind, after))]
    sections = _declaring(new_sections, fact.kind, after)
    if fact.bounded is not None and fact.measure(before) == float("inf"):
        # An open-ended period ("as long as necessary") made a fixed one is a new rule, not a shorter one.
        return [FactChange(fact.bounded, fact.kind, value, f"{fact.label} from {before} to a fixed period of {after}",
                           sections)]
    return [FactChange(fact.safer, fact.kind, value,
                       f"{fact.label} from {before} to {after}{SHORTER_OR_HIGHER}", sections)]


def _flag_changes(fact: FactField, before, after, old_sections, new_sections) -> list[FactChange]:
    if after and not before:
        return [FactChange(fact.riskier, fact.kind, str(True), f"now {fact.label}",
                           _declaring(new_sections, fact.kind, True))]
    if before and after is False:
        return [FactChange(fact.safer, fact.kind, str(False), f"no longer {fact.label}")]
    return []


_COMPARE = {Comparison.SET: _set_changes, Comparison.ORDERED: _ordered_changes, Comparison.FLAG: _flag_changes}


def document_fact_changes(old: ResolvedDocument, new: ResolvedDocument) -> list[FactChange]:
    """Fact changes of a whole resolved document, attributed to the sections that declare them.

    Sets of terms are compared over the whole document. A quantity (a retention period, a
    minimum age) is a promise about the data of the section that declares it, so it is also
    compared section by section (gate42): the document's riskiest value ("as long as
    necessary" somewhere) would otherwise hide a section's longer period or lower age. A
    section's change replaces a document-level change of the same fact that names the same
    sections, so one change is never counted twice."""
    whole = fact_changes(old.facts, new.facts, old.sections, new.sections)
    local = _section_quantity_changes(old, new)
    if not local:
        return whole
    by_fact: dict[FactKind, set[str]] = {}
    for change in local:
        by_fact.setdefault(change.fact, set()).update(change.sections)
    merged: dict[str, FactChange] = {}
    for change in whole:
        if change.fact in by_fact and (not change.sections or set(change.sections) <= by_fact[change.fact]):
            continue
        merged[change.id] = change
    for change in local:
        seen = merged.get(change.id)
        if seen is None:
            merged[change.id] = change
        else:
            sections = seen.sections + tuple(s for s in change.sections if s not in seen.sections)
            merged[change.id] = FactChange(seen.kind, seen.fact, seen.value, seen.detail, sections)
    return list(merged.values())


def _section_quantity_changes(old: ResolvedDocument, new: ResolvedDocument) -> list[FactChange]:
    """Each section's own change of an ordered fact (its retention, its minimum age), the section
    compared with itself in the old document (a section new to the document declared nothing before;
    a period where none was declared is a finding, an age first declared is not)."""
    ordered = [f for f in FACT_FIELDS if f.comparison is Comparison.ORDERED]
    before = {s.id: s for s in old.sections}
    found: list[FactChange] = []
    for section in new.sections:
        was = before.get(section.id)
        for fact in ordered:
            after = section.facts.get(fact.kind)
            if after is None:
                continue
            prior = was.facts.get(fact.kind) if was is not None else None
            if prior is None and not fact.higher_is_riskier:
                # An age first declared in a section restricts who it addresses; the document's lowest age,
                # compared above, tells a lower one.
                continue
            found.extend(_ordered_changes(fact, prior, after, [was] if was is not None else [], [section]))
    return found


def section_fact_changes(old: ResolvedSection | None, new: ResolvedSection | None) -> list[FactChange]:
    """Fact changes of one section (for explaining the text changes inside it)."""
    before = old.facts if old else DeclaredFacts()
    after = new.facts if new else DeclaredFacts()
    return fact_changes(before, after, [old] if old else [], [new] if new else [])
