"""Declared-fact changes between two resolved documents (or two sections).

Each change names the kind of change a rule is written for (`ChangeKind`), the
fact and value, and the sections that declare it. The Fides hierarchy decides
whether a new data category or use is *narrower* (a key under one already
declared) or new.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.document import ResolvedDocument, ResolvedSection
from ..model.facts import DeclaredFacts, FactKind, retention_days
from ..model.rules import ChangeKind
from ..model.vocabulary import ancestors

# Special categories and the like: new collection needs consent under GDPR Art. 9,
# LGPD Art. 11, PIPL Art. 29; "sensitive personal information" under CCPA §1798.140(ae).
SENSITIVE_CATEGORIES = (
    "user.biometric", "user.authorization.biometric", "user.location.precise", "user.health_and_medical",
    "user.childrens", "user.government_id", "user.criminal_history", "user.demographic.race_ethnicity",
    "user.demographic.religious_belief", "user.demographic.sexual_orientation",
    "user.demographic.political_opinion", "user.financial.bank_account", "user.financial.credit_card",
)

# Uses that are not compatible with the purposes data is usually collected for
# (GDPR Art. 6(4)): they need a fresh legal basis, usually consent.
INCOMPATIBLE_USES = (
    "train_ai_system", "marketing.advertising.third_party", "marketing.advertising.profiling",
    "personalize.profiling", "third_party_sharing", "sales",
)
COMPATIBLE_EXCEPTIONS = ("third_party_sharing.legal_obligation",)


def is_sensitive(category: str) -> bool:
    return any(category == s or category.startswith(s + ".") for s in SENSITIVE_CATEGORIES)


def is_incompatible(use: str) -> bool:
    if any(use == c or use.startswith(c + ".") for c in COMPATIBLE_EXCEPTIONS):
        return False
    return any(use == s or use.startswith(s + ".") for s in INCOMPATIBLE_USES)


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


def _declaring(sections, fact: FactKind, value) -> tuple[str, ...]:
    out = []
    for section in sections:
        current = getattr(section.facts, fact.value)
        if (isinstance(current, frozenset) and value in current) or current == value:
            out.append(section.id)
    return tuple(out)


def fact_changes(old: DeclaredFacts, new: DeclaredFacts, old_sections=(), new_sections=()) -> list[FactChange]:
    """Every change from `old` to `new` facts, material or not, in a stable order."""
    changes: list[FactChange] = []

    def add(kind, fact, value, detail, side="new"):
        sections = _declaring(new_sections if side == "new" else old_sections, fact, value)
        changes.append(FactChange(kind, fact, str(value), detail, sections))

    for fact, label in ((FactKind.DATA_CATEGORIES, "data category"), (FactKind.DATA_USES, "data use")):
        before, after = getattr(old, fact.value), getattr(new, fact.value)
        for key in sorted(after - before):
            parent = next((a for a in ancestors(key) if a in before), None)
            if fact is FactKind.DATA_CATEGORIES and is_sensitive(key) and not any(
                    is_sensitive(k) and (key.startswith(k + ".") or k == key) for k in before):
                add(ChangeKind.NEW_SENSITIVE_DATA, fact, key, f"new sensitive {label} '{key}'")
            elif fact is FactKind.DATA_USES and is_incompatible(key) and not any(
                    is_incompatible(k) and key.startswith(k + ".") for k in before):
                add(ChangeKind.NEW_INCOMPATIBLE_USE, fact, key,
                    f"new {label} '{key}', not compatible with the purposes already declared")
            elif parent:
                add(ChangeKind.NARROWER_CHANGE, fact, key, f"narrower {label} '{key}' under declared '{parent}'")
            else:
                kind = ChangeKind.NEW_DATA_CATEGORY if fact is FactKind.DATA_CATEGORIES else ChangeKind.NEW_DATA_USE
                add(kind, fact, key, f"new {label} '{key}'" + (" (top level)" if "." not in key else ""))
        for key in sorted(before - after):
            add(ChangeKind.REDUCTION, fact, key, f"{label} '{key}' no longer declared", side="old")

    for fact, kind, label in (
            (FactKind.DATA_SUBJECTS, ChangeKind.NEW_DATA_SUBJECT, "data subject"),
            (FactKind.RECIPIENTS, ChangeKind.NEW_RECIPIENT, "recipient"),
            (FactKind.TRANSFER_COUNTRIES, ChangeKind.NEW_TRANSFER_COUNTRY, "transfer country")):
        before, after = getattr(old, fact.value), getattr(new, fact.value)
        for value in sorted(after - before):
            add(kind, fact, value, f"new {label} '{value}'")
        for value in sorted(before - after):
            add(ChangeKind.REDUCTION, fact, value, f"{label} '{value}' no longer declared", side="old")

    for right in sorted(old.rights - new.rights):
        add(ChangeKind.REMOVED_RIGHT, FactKind.RIGHTS, right, f"right '{right}' no longer offered", side="old")
    for right in sorted(new.rights - old.rights):
        add(ChangeKind.REDUCTION, FactKind.RIGHTS, right, f"new right '{right}' offered")

    # Retention and minimum age have a direction: longer retention and a lower age need action.
    for fact, kind, label, worse in (
            (FactKind.RETENTION, ChangeKind.LONGER_RETENTION, "retention",
             lambda a, b: retention_days(a) is None or (retention_days(b) or 0) > retention_days(a)),
            (FactKind.MINIMUM_AGE, ChangeKind.LOWER_MINIMUM_AGE, "minimum age",
             lambda a, b: a is None or b < a)):
        before, after = getattr(old, fact.value), getattr(new, fact.value)
        if before == after or after is None:
            continue
        value = f"{before}->{after}"
        sections = _declaring(new_sections, fact, after)
        if worse(before, after):
            changes.append(FactChange(kind, fact, value, f"{label} from {before or 'undeclared'} to {after}", sections))
        elif fact is FactKind.RETENTION and retention_days(before) == float("inf"):
            # "As long as necessary" to a fixed period is a new retention rule, not a shorter one.
            changes.append(FactChange(ChangeKind.RETENTION_CHANGED, fact, value,
                                      f"{label} from {before} to a fixed period of {after}", sections))
        else:
            changes.append(FactChange(ChangeKind.REDUCTION, fact, value, f"{label} from {before} to {after} "
                                      "(shorter or higher: no action)", sections))

    for fact, kind, label in ((FactKind.SELLS_DATA, ChangeKind.STARTS_SELLING, "sells personal information"),
                              (FactKind.SHARES_FOR_ADVERTISING, ChangeKind.STARTS_SHARING_FOR_ADVERTISING,
                               "shares personal information for advertising")):
        before, after = getattr(old, fact.value), getattr(new, fact.value)
        if after and not before:
            add(kind, fact, True, f"now {label}")
        elif before and after is False:
            changes.append(FactChange(ChangeKind.REDUCTION, fact, "False", f"no longer {label}"))
    return changes


def document_fact_changes(old: ResolvedDocument, new: ResolvedDocument) -> list[FactChange]:
    """Fact changes of a whole resolved document, attributed to the sections that declare them."""
    return fact_changes(old.facts, new.facts, old.sections, new.sections)


def section_fact_changes(old: ResolvedSection | None, new: ResolvedSection | None) -> list[FactChange]:
    """Fact changes of one section (for explaining the text changes inside it)."""
    before = old.facts if old else DeclaredFacts()
    after = new.facts if new else DeclaredFacts()
    return fact_changes(before, after, [old] if old else [], [new] if new else [])
