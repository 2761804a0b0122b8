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


@dataclass(frozen=True)
class Law:
    id: str
    name: str
    rules: MappingProxyType   # ChangeKind -> Rule


@dataclass(frozen=True)
class RuleTable:
    """All laws and their rules; `default` applies to regions that name no law."""

    laws: MappingProxyType    # law id -> Law

    def rules_for(self, laws: tuple[str, ...], kind: ChangeKind) -> list[Rule]:
        """The rules of `laws` (or of `default` when none) for one kind of change."""
        ids = laws or ("default",)
        found = []
        for law_id in ids:
            law = self.laws.get(law_id)
            if law is not None and kind in law.rules:
                found.append(law.rules[kind])
        if not found and "default" in self.laws and kind in self.laws["default"].rules:
            found.append(self.laws["default"].rules[kind])
        return found

    def unruled(self, laws: tuple[str, ...], kinds: Iterable[ChangeKind]) -> list[ChangeKind]:
        """The kinds of change no rule judges for readers protected by `laws` (nor `default`)."""
        return [kind for kind in kinds if not self.rules_for(laws, kind)]
