"""Materiality rules: per law, which kind of change needs which action.

Pure data; `load/rules.py` reads the YAML tables (the package's defaults, then
the project's overrides).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from types import MappingProxyType


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
    # Changes only prose shows (no declared fact holds them).
    CONTROLLER_CHANGED = "controller_changed"
    DPO_CHANGED = "dpo_changed"
    CONTACT_REMOVED = "contact_removed"
    NEW_SOURCE = "new_source"
    LEGAL_BASIS_CHANGED = "legal_basis_changed"
    RETENTION_CHANGED = "retention_changed"
    WIDER_SCOPE = "wider_scope"
    CONSENT_CONDITION_REMOVED = "consent_condition_removed"
    TRANSFER_SAFEGUARD_CHANGED = "transfer_safeguard_changed"


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
