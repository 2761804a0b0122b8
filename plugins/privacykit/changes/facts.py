"""Declared-fact changes between two resolved documents (or two sections).

Each change names the kind of change a rule is written for (`ChangeKind`), the
fact and value, and the sections that declare it. The Fides hierarchy decides
whether a new data category or use is *narrower* (a key under one already
declared) or new.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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
    # A value new to these sections' readers, not to the document (facts45): "app" (new to these apps' users:
    # "Moto Body now collects …") or "general" (a general section took on what only apps declared); None for a
    # change of the whole document. Its id is the document-level one's, so old acknowledgements hold.
    scope: str | None = None

    @property
    def local(self) -> bool:
        """New to these apps' users only (their reader line names the app)."""
        return self.scope == APP

    @property
    def id(self) -> str:
        """Stable across regions, so one acknowledgement covers every region."""
        return f"{self.kind.value}:{self.value}"

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind.value, "fact": self.fact.value, "value": self.value,
                "detail": self.detail, "sections": list(self.sections)} | ({"scope": self.scope} if self.scope else {})


APP = "app"
# Facts a statement gives once for every reader (where data may go, who it is about, whether it is sold): what a
# general section declares of them is told to every app's users too (as the prose reader reads them, `DOCUMENT_ITEMS`).
_FOR_EVERY_READER = frozenset({FactKind.TRANSFER_COUNTRIES, FactKind.DATA_SUBJECTS, FactKind.SELLS_DATA,
                               FactKind.SHARES_FOR_ADVERTISING})

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

    Sets of terms are compared over the whole document, and again for each section's readers
    (facts45): a value a section takes on that its readers were not told before is a change of
    that section even when another section declared it (`_section_value_changes`). A quantity (a
    retention period, a minimum age) is a promise about the data of the section that declares it,
    so it is also compared section by section (gate42): the document's riskiest value ("as long
    as necessary" somewhere) would otherwise hide a section's longer period or lower age. A
    section's change replaces a document-level change of the same fact that names the same
    sections, so one change is never counted twice."""
    changes = _with_quantities(old, new, fact_changes(old.facts, new.facts, old.sections, new.sections))
    return _with_section_values(changes, _section_value_changes(old, new))


def _with_quantities(old: ResolvedDocument, new: ResolvedDocument, whole: list[FactChange]) -> list[FactChange]:
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


# -- what each section's readers were told (facts45) ------------------------------------------------
# An app section's `declares:` says what happens to that app's data: a value it takes on is new to the app's
# users even when another app, or a general section, declares it for its own data. A general section is read
# by everyone: a value it takes on is new to every reader unless another general section declared it. A value
# whose declaration moved (a general section, or the app's own section under another id, no longer declares it
# and the app's section does) tells no reader anything new. Only what grows is compared here: a value a section
# drops while another still declares it is no change of the document.

_PER_SECTION = tuple(f for f in FACT_FIELDS if f.comparison is Comparison.FLAG or (
    f.comparison is Comparison.SET and f.riskier is not ChangeKind.REDUCTION))
# What a section newly does, in its reviewers' words ("Moto Body now collects data category '…'").
_DOES = {
    FactKind.DATA_CATEGORIES: "collects data category '{value}'",
    FactKind.DATA_USES: "uses data for '{value}'",
    FactKind.DATA_SUBJECTS: "covers data subject '{value}'",
    FactKind.RECIPIENTS: "shares data with recipient '{value}'",
    FactKind.TRANSFER_COUNTRIES: "transfers data to '{value}'",
}


def _values(fact: FactField, facts: DeclaredFacts | None) -> frozenset[str]:
    """A set fact's terms, or a flag as {'True'} when it is on."""
    value = facts.get(fact.kind) if facts is not None else None
    if fact.comparison is Comparison.FLAG:
        return frozenset({str(True)}) if value else frozenset()
    return value or frozenset()


def _section_value_changes(old: ResolvedDocument, new: ResolvedDocument) -> list[FactChange]:
    """Each value of a set or a flag that sections take on and their readers were not told before
    (neither it nor a broader key), while the old document declared it (or a broader key) elsewhere:
    the whole-document comparison does not see it. One change per value and kind, naming its sections."""
    now = {s.id: s for s in new.sections}
    by_id = {s.id: s for s in old.sections}
    by_app: dict[str, list[ResolvedSection]] = {}
    for section in old.sections:
        if section.kind == APP and section.app_name:
            by_app.setdefault(section.app_name, []).append(section)
    general = [s for s in old.sections if s.kind != APP]
    found: dict[tuple[ChangeKind, FactField, str], list[ResolvedSection]] = {}
    for fact in _PER_SECTION:
        everywhere = _values(fact, old.facts)
        said = frozenset().union(*(_values(fact, s.facts) for s in general))
        # What general sections no longer declare: moved out of the text every reader reads.
        left = frozenset().union(*(_values(fact, s.facts) - _values(fact, getattr(now.get(s.id), "facts", None))
                                   for s in general))
        for section in new.sections:
            after = _values(fact, section.facts)
            if not after:
                continue
            if section.kind == APP:
                own = {s.id: s for s in [by_id.get(section.id), *by_app.get(section.app_name or "", ())] if s}
                told = (said if fact.kind in _FOR_EVERY_READER else left).union(
                    *(_values(fact, s.facts) for s in own.values()))
            else:
                told = said
            for kind, value in _new_to_readers(fact, after, told, everywhere):
                found.setdefault((kind, fact, value), []).append(section)
    return [FactChange(kind, fact.kind, value, _section_detail(fact, kind, value, sections, old.sections),
                       tuple(s.id for s in sections), scope=APP if all(s.kind == APP for s in sections) else "general")
            for (kind, fact, value), sections in found.items()]


def _new_to_readers(fact: FactField, after: frozenset[str], told: frozenset[str], before: frozenset[str]):
    """(kind, value) of each value in `after` that `told` (what the section's readers read) does not
    declare, nor a broader key, while `before` (the whole old document) does, or a broader key."""
    for key in sorted(after - told):
        broader = ancestors(key) if fact.nested else []
        if any(a in told for a in broader) or not (key in before or any(a in before for a in broader)):
            continue    # narrower than what its readers were told, or new to the document (compared above)
        if fact.special is not None and fact.special.applies(key, told):
            yield fact.special.kind, key
        else:
            yield fact.riskier, key


def _section_detail(fact: FactField, kind: ChangeKind, value: str, sections: list[ResolvedSection],
                    old_sections) -> str:
    """'Moto Body now collects data category 'user.financial' (declared before for lenovo-vantage only)'."""
    if fact.comparison is Comparison.FLAG:
        does = fact.label
    elif kind is ChangeKind.NEW_SENSITIVE_DATA:
        does = f"collects sensitive data category '{value}'"
    else:
        does = _DOES.get(fact.kind, "declares {label} '{value}'").format(label=fact.label, value=value)
        if kind is ChangeKind.NEW_INCOMPATIBLE_USE:
            does += ", not compatible with the purposes already declared"
    if len(sections) > 1:
        verb, _, rest = does.partition(" ")
        does = f"{verb.removesuffix('s')} {rest}"     # "Moto Body and Hello You now collect …"
    names = [s.title if s.kind == APP else f"the general section “{s.title}”" for s in sections]
    who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    who = who[:1].upper() + who[1:]
    keys = [value] if fact.comparison is Comparison.FLAG else [value, *(ancestors(value) if fact.nested else [])]
    others = [s.id for s in old_sections if any(_declaring([s], fact.kind, True if k == "True" else k) for k in keys)]
    if len(others) > 3:
        others = [*others[:3], f"{len(others) - 3} more"]
    return f"{who} now {does}" + (f" (declared before for {', '.join(others)} only)" if others else "")


def _with_section_values(changes: list[FactChange], local: list[FactChange]) -> list[FactChange]:
    """The document's changes with each section's own: a value new to a section's readers that the
    document-level comparison found narrower (a broader key declared elsewhere) leaves that change for
    the section's own; a section's change of the same id as a document-level one adds its sections to it."""
    if not local:
        return changes
    out = list(changes)
    for change in local:
        narrower = [c for c in out if c.kind is ChangeKind.NARROWER_CHANGE and c.sections
                    and (c.fact, c.value) == (change.fact, change.value)]
        for seen in narrower:
            left = tuple(s for s in seen.sections if s not in change.sections)
            out = [replace(c, sections=left) if c is seen else c for c in out if c is not seen or left]
        at = next((i for i, seen in enumerate(out) if seen.id == change.id), None)
        if at is None:
            out.append(change)
            continue
        seen = out[at]
        scope = seen.scope if seen.scope is None or seen.scope == change.scope else "general"
        out[at] = replace(seen, sections=seen.sections + tuple(s for s in change.sections if s not in seen.sections),
                          scope=scope)
    return out


def section_fact_changes(old: ResolvedSection | None, new: ResolvedSection | None) -> list[FactChange]:
    """Fact changes of one section (for explaining the text changes inside it)."""
    before = old.facts if old else DeclaredFacts()
    after = new.facts if new else DeclaredFacts()
    return fact_changes(before, after, [old] if old else [], [new] if new else [])
