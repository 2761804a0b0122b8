"""Declared facts: what a section commits the company to, machine-checkably.

A section's front matter `declares:` block is parsed into `DeclaredFacts`. The
prose is what readers see; the facts are what `privacykit` compares between
versions to decide whether a change is material.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from ..errors import excerpt
from . import vocabulary as vocab


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


SET_KINDS = (FactKind.DATA_CATEGORIES, FactKind.DATA_USES, FactKind.DATA_SUBJECTS,
             FactKind.RECIPIENTS, FactKind.TRANSFER_COUNTRIES, FactKind.RIGHTS)

# At most six digits per number: a period needs no more, and a longer one is no period at all.
_DURATION = re.compile(r"^P(?:(\d{1,6})Y)?(?:(\d{1,6})M)?(?:(\d{1,6})W)?(?:(\d{1,6})D)?$")


def retention_days(retention: str | None) -> float | None:
    """Days an ISO 8601 retention period lasts; None for keywords or no retention.

    `not_retained` counts as 0 days and `as_long_as_necessary` as unbounded, so
    that a change between them compares as a change of length.
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
class DeclaredFacts:
    """The facts one section (or a whole resolved document) declares."""

    data_categories: frozenset[str] = frozenset()
    data_uses: frozenset[str] = frozenset()
    data_subjects: frozenset[str] = frozenset()
    recipients: frozenset[str] = frozenset()
    transfer_countries: frozenset[str] = frozenset()
    retention: str | None = None
    minimum_age: int | None = None
    sells_data: bool | None = None
    shares_for_advertising: bool | None = None
    rights: frozenset[str] = frozenset()

    def is_empty(self) -> bool:
        return self == DeclaredFacts()

    def merged(self, other: DeclaredFacts) -> DeclaredFacts:
        """Facts of two sections together (see `union`)."""
        return DeclaredFacts.union((self, other))

    @staticmethod
    def union(many) -> DeclaredFacts:
        """Facts of many sections together: sets join; the riskier value wins.

        Retention keeps the longest period, minimum age the lowest, and a `true`
        for sale or advertising sharing anywhere makes the whole document `true`.
        """
        many = [f for f in many if f is not _NO_FACTS]
        if not many:
            return _NO_FACTS
        if len(many) == 1:
            return many[0]

        def present(name):
            return [v for v in (getattr(f, name) for f in many) if v is not None]

        def joined(name):
            return frozenset().union(*(getattr(f, name) for f in many))

        retentions = present("retention")
        ages = present("minimum_age")
        sells = present("sells_data")
        shares = present("shares_for_advertising")
        return DeclaredFacts(
            data_categories=joined("data_categories"), data_uses=joined("data_uses"),
            data_subjects=joined("data_subjects"), recipients=joined("recipients"),
            transfer_countries=joined("transfer_countries"),
            # The longest period; the first of equals, as a left-to-right merge keeps it.
            retention=max(retentions, key=lambda r: retention_days(r) or 0) if retentions else None,
            minimum_age=min(ages) if ages else None,
            sells_data=any(sells) if sells else None,
            shares_for_advertising=any(shares) if shares else None,
            rights=joined("rights"),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain, sorted, JSON/YAML-ready form; empty facts are left out."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, frozenset):
                if value:
                    out[f.name] = sorted(value)
            elif value is not None:
                out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DeclaredFacts:
        """Inverse of `to_dict` for trusted (already validated) data."""
        if not data:
            return _NO_FACTS
        return cls(**{name: frozenset(value) if isinstance(value, list) else value
                      for name, value in data.items() if name in _FIELD_NAMES})


_FIELD_NAMES = frozenset(k.value for k in FactKind)
_NO_FACTS = DeclaredFacts()


@dataclass
class FactProblem:
    """A problem in a `declares:` block: the key (and list index) it is at."""

    key: str
    index: int | None
    message: str
    hint: str = ""


@dataclass
class _Parser:
    problems: list[FactProblem] = field(default_factory=list)

    def fail(self, key, index, message, hint=""):
        self.problems.append(FactProblem(key, index, message, hint))

    def keys(self, raw, key: str, label: str, valid: Callable[[str], bool], choices) -> frozenset[str]:
        value = raw.get(key)
        if value is None:
            return frozenset()
        if not isinstance(value, list):
            self.fail(key, None, f"'{key}' must be a list", f"write it as [{label}, …]")
            return frozenset()
        seen: set[str] = set()
        for i, item in enumerate(value):
            if not isinstance(item, str) or not valid(item):
                self.fail(key, i, f"unknown {label} '{item}'", vocab.suggest(str(item), choices))
            elif item in seen:
                self.fail(key, i, f"{label} '{item}' is listed twice", "remove the duplicate")
            else:
                seen.add(item)
        return frozenset(seen)


def parse_facts(raw: Any) -> tuple[DeclaredFacts, list[FactProblem]]:
    """Validate a `declares:` mapping; return the facts and every problem found."""
    p = _Parser()
    if raw is None:
        return DeclaredFacts(), []
    if not isinstance(raw, dict):
        p.fail("declares", None, "'declares' must be a mapping of fact kinds",
               "write e.g. 'declares: {data_categories: [user.contact.email]}'")
        return DeclaredFacts(), p.problems
    known = {k.value for k in FactKind}
    for key in raw:
        if key not in known:
            p.fail(key, None, f"unknown fact kind '{key}'", vocab.suggest(key, known))

    categories = vocab.data_categories()
    uses = vocab.data_uses()
    subjects = vocab.data_subjects()
    countries = vocab.countries()
    facts = DeclaredFacts(
        data_categories=p.keys(raw, "data_categories", "data category", categories.__contains__, categories),
        data_uses=p.keys(raw, "data_uses", "data use", uses.__contains__, uses),
        data_subjects=p.keys(raw, "data_subjects", "data subject", subjects.__contains__, subjects),
        recipients=p.keys(raw, "recipients", "recipient", vocab.RECIPIENTS.__contains__, vocab.RECIPIENTS),
        transfer_countries=p.keys(raw, "transfer_countries", "country code", countries.__contains__, countries),
        rights=p.keys(raw, "rights", "right", vocab.RIGHTS.__contains__, vocab.RIGHTS),
        retention=_retention(p, raw.get("retention")),
        minimum_age=_age(p, raw.get("minimum_age")),
        sells_data=_flag(p, raw, "sells_data"),
        shares_for_advertising=_flag(p, raw, "shares_for_advertising"),
    )
    return facts, p.problems


def _retention(p: _Parser, value) -> str | None:
    if value is None:
        return None
    value = str(value)
    if value in vocab.RETENTION_KEYWORDS or (_DURATION.match(value) and value != "P"):
        return value
    p.fail("retention", None, f"invalid retention '{excerpt(value)}'",
           "use an ISO 8601 duration such as P2Y or P90D (six digits at most), or one of: "
           + ", ".join(vocab.RETENTION_KEYWORDS))
    return None


def _age(p: _Parser, value) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 21:
        p.fail("minimum_age", None, f"invalid minimum age '{excerpt(str(value))}'",
               "use a whole number of years from 0 to 21")
        return None
    return value


def _flag(p: _Parser, raw, key) -> bool | None:
    value = raw.get(key)
    if value is None or isinstance(value, bool):
        return value
    p.fail(key, None, f"'{key}' must be true or false", f"write '{key}: true' or '{key}: false'")
    return None
