"""Declared facts: what a section commits the company to, machine-checkably — and their registry.

A section's front matter `declares:` block holds facts; the prose is what readers see, the
facts are what privacykit compares between versions to decide whether a change is material.

`FACT_FIELDS` is the one place that says, for each kind of fact, which values it takes,
how two versions of it compare (a set of terms, an ordered quantity with the direction
that is riskier, a flag) and which kinds of change (`ChangeKind`, what rules are written
for) each comparison gives. The `declares:` schema, the loader's checks and the comparison
are derived from it: adding a fact means a `FactField` here (with a `ChangeKind` if it
needs a new one) and rules in the rule tables (notices word a kind of change with its
`change_<kind>` phrase in `templates/strings.yml`, `change_other` until it has one);
`privacykit check` refuses a project whose rule tables give a region no rule for a kind
of change a fact can produce.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Optional

from . import vocabulary as vocab

if TYPE_CHECKING:
    from .validation import FileModel

# The `declares:` model and the annotations below import pydantic when first used: comparing
# facts and judging changes (`privacykit classify`) start without it.


class FactKind(str, enum.Enum):
    """Every kind of declared fact, in the order they are written and shown."""

    DATA_CATEGORIES = "data_categories"
    DATA_USES = "data_uses"
    DATA_SUBJECTS = "data_subjects"
    RECIPIENTS = "recipients"
    TRANSFER_COUNTRIES = "transfer_countries"
    RETENTION = "retention"
    MINIMUM_AGE = "minimum_age"
    SELLS_DATA = "sells_data"
    SHARES_FOR_ADVERTISING = "shares_for_advertising"
    RIGHTS = "rights"


class ChangeKind(str, enum.Enum):
    """Every kind of change a rule can be written for."""

    NEW_DATA_CATEGORY = "new_data_category"
    NEW_SENSITIVE_DATA = "new_sensitive_data"
    NEW_DATA_USE = "new_data_use"
    NEW_INCOMPATIBLE_USE = "new_incompatible_use"
    NEW_DATA_SUBJECT = "new_data_subject"
    NEW_RECIPIENT = "new_recipient"
    NEW_TRANSFER_COUNTRY = "new_transfer_country"
    LONGER_RETENTION = "longer_retention"
    LOWER_MINIMUM_AGE = "lower_minimum_age"
    STARTS_SELLING = "starts_selling"
    STARTS_SHARING_FOR_ADVERTISING = "starts_sharing_for_advertising"
    REMOVED_RIGHT = "removed_right"
    NARROWER_CHANGE = "narrower_change"
    REDUCTION = "reduction"
    # Changes only prose shows: no declared fact holds them (the prose reader in changes/ finds them).
    CONTROLLER_CHANGED = "controller_changed"
    DPO_CHANGED = "dpo_changed"
    CONTACT_REMOVED = "contact_removed"
    NEW_SOURCE = "new_source"
    LEGAL_BASIS_CHANGED = "legal_basis_changed"
    RETENTION_CHANGED = "retention_changed"
    WIDER_SCOPE = "wider_scope"
    CONSENT_CONDITION_REMOVED = "consent_condition_removed"
    TRANSFER_SAFEGUARD_CHANGED = "transfer_safeguard_changed"
    PRACTICE_CHANGED = "practice_changed"      # what is told of a processing changed in words no list names


class Comparison(str, enum.Enum):
    """How two versions of a fact compare."""

    SET = "set"            # terms added or removed
    ORDERED = "ordered"    # a quantity that grows or shrinks; one direction is riskier
    FLAG = "flag"          # true or false; true is riskier


# -- values ---------------------------------------------------------------------------------

# At most six digits per number: a period needs no more, and a longer one is no period at all.
_DURATION = re.compile(r"^P(?:(\d{1,6})Y)?(?:(\d{1,6})M)?(?:(\d{1,6})W)?(?:(\d{1,6})D)?$")


def retention_days(retention: str | None) -> float | None:
    """Days an ISO 8601 retention period lasts; None for no retention.

    `not_retained` counts as 0 days and `as_long_as_necessary` as unbounded, so that a
    change between them compares as a change of length.
    """
    if retention is None:
        return None
    if retention == "not_retained":
        return 0.0
    if retention == "session":
        return 1.0
    if retention in ("as_long_as_necessary", "account_lifetime"):
        return float("inf")
    match = _DURATION.match(retention)
    if not match or not any(match.groups()):
        return None
    years, months, weeks, days = (int(g or 0) for g in match.groups())
    return years * 365 + months * 30 + weeks * 7 + days


@dataclass(frozen=True)
class Terms:
    """A set of terms from a closed vocabulary, written as a YAML list."""

    label: str                               # one term, as messages name it: "data category"
    choices: Callable[[], Collection[str]]
    description: str
    project_terms: str = ""                  # the pattern of terms a project may add (recipients)

    def annotation(self, key: str) -> Any:
        from pydantic import Field

        from .validation import Expect, Term, Unique

        term = Annotated[str, Term(self.label, self.choices, project_terms=self.project_terms)]
        return Annotated[list[term], Unique(self.label),
                         Expect(f"'{key}' must be a list", f"write it as [{self.label}, …]"),
                         Field(description=self.description)]


@dataclass(frozen=True)
class Duration:
    """An ISO 8601 duration (P2Y, P90D) or one of the retention keywords."""

    description: str = "ISO 8601 duration (P2Y, P90D) or a keyword"

    def annotation(self, key: str) -> Any:
        from pydantic import Field

        return Annotated[Any, _DurationCheck(), Field(description=self.description)]


@dataclass(frozen=True)
class _DurationCheck:
    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(self._validate)

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict:
        return {"anyOf": [{"type": "string",
                           "pattern": r"^P(?=\d)(?:\d{1,6}Y)?(?:\d{1,6}M)?(?:\d{1,6}W)?(?:\d{1,6}D)?$"},
                          {"enum": sorted(vocab.RETENTION_KEYWORDS)}]}

    def _validate(self, value: Any) -> str:
        if isinstance(value, str) and (value in vocab.RETENTION_KEYWORDS or (_DURATION.match(value) and value != "P")):
            return value
        from .validation import invalid

        raise invalid("invalid retention '{value}'", "use an ISO 8601 duration such as P2Y or P90D (six digits at "
                      "most), or one of: "
                      + ", ".join(vocab.RETENTION_KEYWORDS), value)


@dataclass(frozen=True)
class Years:
    """A whole number of years within bounds."""

    minimum: int
    maximum: int
    description: str

    def annotation(self, key: str) -> Any:
        from pydantic import Field

        from .validation import Expect

        return Annotated[int, Field(strict=True, ge=self.minimum, le=self.maximum, description=self.description),
                         Expect(f"invalid {key.replace('_', ' ')} '{{value}}'",
                                f"use a whole number of years from {self.minimum} to {self.maximum}")]


@dataclass(frozen=True)
class Flag:
    """True or false."""

    description: str

    def annotation(self, key: str) -> Any:
        from pydantic import Field, StrictBool

        from .validation import Expect

        return Annotated[StrictBool, Expect(f"'{key}' must be true or false", f"write '{key}: true' or '{key}: false'"),
                         Field(description=self.description)]


# -- special kinds of new terms ---------------------------------------------------------------

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
class SpecialTerm:
    """New terms that are a kind of change of their own, when `applies(term, terms before)`."""

    kind: ChangeKind
    applies: Callable[[str, frozenset[str]], bool]
    text: str


NEW_SENSITIVE = SpecialTerm(
    ChangeKind.NEW_SENSITIVE_DATA,
    lambda key, before: is_sensitive(key) and not any(
        is_sensitive(k) and (key.startswith(k + ".") or k == key) for k in before),
    "new sensitive data category '{value}'")
NEW_INCOMPATIBLE = SpecialTerm(
    ChangeKind.NEW_INCOMPATIBLE_USE,
    lambda key, before: is_incompatible(key) and not any(
        is_incompatible(k) and key.startswith(k + ".") for k in before),
    "new data use '{value}', not compatible with the purposes already declared")


# -- the registry ------------------------------------------------------------------------------

@dataclass(frozen=True)
class FactField:
    """One kind of declared fact: its values, how versions compare, and the changes that gives.

    For a SET, `riskier` is the kind of a new term and `safer` of a removed one (rights
    turn that round: a removed right is the riskier change); `special` may give a new term
    a kind of its own (sensitive data, an incompatible use); `nested` keys (Fides) under
    a declared one are narrower, not new. For ORDERED, `measure` gives a comparable number
    and `higher_is_riskier` the direction; `bounded` is the kind of a move from an
    unbounded value to a bounded one (a new rule rather than a safer value). For a FLAG, turning it on is riskier.
    Descriptions are templates with `{value}` (and `{before}`, `{after}` for ORDERED).
    """

    kind: FactKind
    values: Terms | Duration | Years | Flag
    comparison: Comparison
    label: str
    riskier: ChangeKind
    safer: ChangeKind = ChangeKind.REDUCTION
    special: SpecialTerm | None = None
    nested: bool = False
    measure: Callable[[Any], float | None] = field(default=lambda value: value)
    higher_is_riskier: bool = True
    bounded: ChangeKind | None = None      # ORDERED: an unbounded value made a bounded one
    added_text: str = "new {label} '{value}'"
    removed_text: str = "{label} '{value}' no longer declared"

    @property
    def name(self) -> str:
        return self.kind.value

    @property
    def empty(self) -> Any:
        return frozenset() if self.comparison is Comparison.SET else None

    @property
    def removals_first(self) -> bool:
        """A set whose removals are the riskier change (rights) lists them first."""
        return self.riskier is not ChangeKind.REDUCTION and self.safer is not ChangeKind.REDUCTION

    def change_kinds(self) -> frozenset[ChangeKind]:
        """Every kind of change a difference in this fact can be judged as."""
        kinds = {self.riskier, self.safer}
        if self.special is not None:
            kinds.add(self.special.kind)
        if self.nested:
            kinds.add(ChangeKind.NARROWER_CHANGE)
        if self.bounded is not None:
            kinds.add(self.bounded)
        return frozenset(kinds)

    def riskiest(self, values: list[Any]) -> Any:
        """The riskiest of several sections' values (a document declares the riskiest)."""
        if self.comparison is Comparison.FLAG:
            return any(values)
        if self.higher_is_riskier:
            # The longest period; the first of equals, as a left-to-right merge keeps it.
            return max(values, key=lambda v: self.measure(v) or 0)
        return min(values, key=lambda v: _or_infinite(self.measure(v)))

    def is_riskier(self, before: Any, after: Any) -> bool:
        """ORDERED: is `after` riskier than `before` (a value where there was none is)?"""
        old, new = self.measure(before), self.measure(after)
        if old is None:
            return True
        return (new or 0) > old if self.higher_is_riskier else new is not None and new < old


FACT_FIELDS: tuple[FactField, ...] = (
    FactField(FactKind.DATA_CATEGORIES, Terms("data category", vocab.data_categories, "Fides data categories"),
              Comparison.SET, "data category", ChangeKind.NEW_DATA_CATEGORY, special=NEW_SENSITIVE, nested=True),
    FactField(FactKind.DATA_USES, Terms("data use", vocab.data_uses, "Fides data uses"),
              Comparison.SET, "data use", ChangeKind.NEW_DATA_USE, special=NEW_INCOMPATIBLE, nested=True),
    FactField(FactKind.DATA_SUBJECTS, Terms("data subject", vocab.data_subjects, "Fides data subjects"),
              Comparison.SET, "data subject", ChangeKind.NEW_DATA_SUBJECT),
    FactField(FactKind.RECIPIENTS, Terms("recipient", lambda: vocab.RECIPIENTS,
                                                "Kinds of recipients (or one the project's vocabulary.yml adds)",
                                                vocab.PROJECT_TERM.pattern),
              Comparison.SET, "recipient", ChangeKind.NEW_RECIPIENT),
    FactField(FactKind.TRANSFER_COUNTRIES,
              Terms("country code", vocab.countries, "ISO 3166-1 alpha-2 country codes"),
              Comparison.SET, "transfer country", ChangeKind.NEW_TRANSFER_COUNTRY),
    FactField(FactKind.RETENTION, Duration(), Comparison.ORDERED, "retention", ChangeKind.LONGER_RETENTION,
              measure=retention_days, bounded=ChangeKind.RETENTION_CHANGED),
    FactField(FactKind.MINIMUM_AGE, Years(0, 21, "Youngest age, in years, of the people the section addresses"),
              Comparison.ORDERED, "minimum age", ChangeKind.LOWER_MINIMUM_AGE, higher_is_riskier=False),
    FactField(FactKind.SELLS_DATA, Flag("Personal information is sold"), Comparison.FLAG,
              "sells personal information", ChangeKind.STARTS_SELLING),
    FactField(FactKind.SHARES_FOR_ADVERTISING, Flag("Personal information is shared for cross-context advertising"),
              Comparison.FLAG, "shares personal information for advertising",
              ChangeKind.STARTS_SHARING_FOR_ADVERTISING),
    FactField(FactKind.RIGHTS, Terms("right", lambda: vocab.RIGHTS, "Data protection rights offered"),
              Comparison.SET, "right", ChangeKind.REDUCTION, safer=ChangeKind.REMOVED_RIGHT,
              added_text="new right '{value}' offered", removed_text="right '{value}' no longer offered"),
)
FIELDS: dict[str, FactField] = {f.name: f for f in FACT_FIELDS}


def _or_infinite(measure: float | None) -> float:
    return float("inf") if measure is None else measure


def fact_change_kinds() -> frozenset[ChangeKind]:
    """Every kind of change a declared fact can give (each needs a rule in every region)."""
    return frozenset().union(*(f.change_kinds() for f in FACT_FIELDS))


@cache
def declares_model() -> type[FileModel]:
    """The model of a section's `declares:` block: one optional entry per fact field."""
    from pydantic import create_model

    from .validation import FileModel, Labels

    class _DeclaresBase(FileModel):
        labels: ClassVar[Labels] = Labels("unknown fact kind '{key}'")

    return create_model(  # type: ignore[call-overload]
        "Declares", __base__=_DeclaresBase,
        __doc__="What a section commits the company to, in a controlled vocabulary.",
        **{f.name: (Optional[f.values.annotation(f.name)], None) for f in FACT_FIELDS})  # noqa: UP045


def __getattr__(name: str) -> Any:
    # `Declares` is built on first use (`from .facts import Declares` works as for any name).
    if name == "Declares":
        return declares_model()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# -- declared facts ---------------------------------------------------------------------------

class DeclaredFacts:
    """The facts one section (or a whole resolved document) declares; immutable.

    Read a fact as an attribute (`facts.data_categories`, `facts.retention`): sets are
    frozensets (empty when undeclared), other facts None when undeclared.
    """

    __slots__ = ("_values",)

    def __init__(self, **values: Any) -> None:
        unknown = set(values) - FIELDS.keys()
        if unknown:
            raise TypeError(f"unknown declared facts: {', '.join(sorted(unknown))}")
        kept = {}
        for fact in FACT_FIELDS:
            value = values.get(fact.name)
            if fact.comparison is Comparison.SET:
                value = frozenset(value or ())
            if value is not None and value != frozenset():
                kept[fact.name] = value
        object.__setattr__(self, "_values", kept)

    def __getattr__(self, name: str) -> Any:
        fact = FIELDS.get(name)
        if fact is None:
            raise AttributeError(name)
        return self._values.get(name, fact.empty)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("declared facts are immutable")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DeclaredFacts) and self._values == other._values

    def __hash__(self) -> int:
        return hash(tuple(sorted((k, v if not isinstance(v, frozenset) else tuple(sorted(v)))
                                 for k, v in self._values.items())))

    def __repr__(self) -> str:
        return f"DeclaredFacts({', '.join(f'{k}={v!r}' for k, v in self._values.items())})"

    def __reduce__(self) -> tuple:
        return (_restore, (self._values,))

    def get(self, fact: FactKind | str) -> Any:
        name = fact.value if isinstance(fact, FactKind) else fact
        return getattr(self, name)

    def is_empty(self) -> bool:
        return not self._values

    def merged(self, other: DeclaredFacts) -> DeclaredFacts:
        """Facts of two sections together (see `union`)."""
        return DeclaredFacts.union((self, other))

    @staticmethod
    def union(many: Iterable[DeclaredFacts]) -> DeclaredFacts:
        """Facts of many sections together: sets join; for other facts the riskier value wins.

        Retention keeps the longest period, minimum age the lowest, and a `true` for sale
        or advertising sharing anywhere makes the whole document `true`.
        """
        many = [f for f in many if f._values]
        if not many:
            return _NO_FACTS
        if len(many) == 1:
            return many[0]
        out: dict[str, Any] = {}
        for fact in FACT_FIELDS:
            present = [f._values[fact.name] for f in many if fact.name in f._values]
            if not present:
                continue
            out[fact.name] = frozenset().union(*present) if fact.comparison is Comparison.SET \
                else fact.riskiest(present)
        return DeclaredFacts(**out)

    def to_dict(self) -> dict[str, Any]:
        """Plain, sorted, JSON/YAML-ready form, in registry order; empty facts are left out."""
        return {name: sorted(value) if isinstance(value, frozenset) else value
                for name, value in ((f.name, self._values.get(f.name)) for f in FACT_FIELDS) if value is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> DeclaredFacts:
        """Inverse of `to_dict` for trusted (already validated) data; unknown facts are ignored."""
        if not data:
            return _NO_FACTS
        return cls(**{name: value for name, value in data.items() if name in FIELDS})


def _restore(values: dict[str, Any]) -> DeclaredFacts:
    return DeclaredFacts(**values)


_NO_FACTS = DeclaredFacts()
