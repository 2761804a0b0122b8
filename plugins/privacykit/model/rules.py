"""Materiality rules: per law, which kind of change needs which action.

Pure data; `load/rules.py` reads the YAML tables (the package's defaults, then
the project's overrides).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from types import MappingProxyType

from .facts import ChangeKind

__all__ = ["Action", "ChangeKind", "Law", "Rule", "RuleTable"]


class Action(str, enum.Enum):
    """What a change requires, in increasing order of weight."""

    NONE = "none"
    REVIEW = "review"     # a text change the facts do not explain: a lawyer must look
    NOTIFY = "notify"
    CONSENT = "consent"

    @property
    def weight(self) -> int:
        return _WEIGHT[self]

    @classmethod
    def strongest(cls, actions) -> Action:
        return max(actions, key=lambda a: a.weight, default=cls.NONE)


_WEIGHT = {Action.NONE: 0, Action.REVIEW: 1, Action.NOTIFY: 2, Action.CONSENT: 3}


@dataclass(frozen=True)
class Rule:
    law: str
    kind: ChangeKind
    action: Action
    source: str
    advance_days: int = 0
    # The categories the law treats as special, for `new_sensitive_data` (empty: every sensitive category).
    special: tuple[str, ...] = ()
    other: Rule | None = None     # the rule for the sensitive categories `special` does not list

    def covers(self, value: str | None) -> bool:
        """This rule speaks of `value` (a category key as a fact or a text finding's key gives it): always, unless
        it lists the special categories of its law and `value` is none of them nor under one."""
        if not self.special or value is None:
            return True
        key = _plain(value.removeprefix("sensitive:").removeprefix("sensitive-"))
        if not key.startswith("user-"):
            return True     # a reading's own key (no category named): the law's rule as written
        return any(key == _plain(s) or key.startswith(_plain(s) + "-") for s in self.special)


def _plain(key: str) -> str:
    """A category key in one spelling ("user.location.precise", "user-location-precise")."""
    return key.replace(".", "-").replace("_", "-").lower()


@dataclass(frozen=True)
class Law:
    id: str
    name: str
    rules: MappingProxyType   # ChangeKind -> Rule


@dataclass(frozen=True)
class RuleTable:
    """All laws and their rules; `default` applies to regions that name no law."""

    laws: MappingProxyType    # law id -> Law

    def rules_for(self, laws: tuple[str, ...], kind: ChangeKind, value: str | None = None) -> list[Rule]:
        """The rules of `laws` (or of `default` when none) for one kind of change (of `value`, when known: a law
        that does not treat a sensitive category as special judges it as any new category, and a law whose rule
        speaks of other data only leaves it to the others, or to `default`)."""
        ids = laws or ("default",)
        found = []
        for law_id in ids:
            law = self.laws.get(law_id)
            if law is None or kind not in law.rules:
                continue
            rule = law.rules[kind]
            if rule.covers(value):
                found.append(rule)
            elif rule.other is not None:
                found.append(rule.other)
            elif kind is ChangeKind.NEW_SENSITIVE_DATA and ChangeKind.NEW_DATA_CATEGORY in law.rules:
                found.append(law.rules[ChangeKind.NEW_DATA_CATEGORY])
        if not found and "default" in self.laws and kind in self.laws["default"].rules:
            found.append(self.laws["default"].rules[kind])
        return found

    def unruled(self, laws: tuple[str, ...], kinds: Iterable[ChangeKind]) -> list[ChangeKind]:
        """The kinds of change no rule judges for readers protected by `laws` (nor `default`)."""
        return [kind for kind in kinds if not self.rules_for(laws, kind)]
