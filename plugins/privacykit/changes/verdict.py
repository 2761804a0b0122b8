"""The verdict: for each region, every change with its action, rule and law.

Three layers (DESIGN.md, "What changed, and does it matter"):

1. declared-fact changes, judged by the rule table of each law the region names;
2. text signals the fact changes do not explain, judged by the rule of the change
   they imply and always at least "needs legal review";
3. the writer's acknowledgement in the release notes (`acknowledge:` in their front
   matter), without which a material or unreviewed change is refused.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import Problem
from ..model.document import ResolvedDocument
from ..model.rules import Action, ChangeKind, Rule, RuleTable
from .facts import FactChange, document_fact_changes, section_fact_changes
from .redline import Redline, redline
from .signals import TextSignal, section_signals

# Which declared-fact changes explain a text signal that implies a kind of change.
_EXPLAINED_BY = {
    ChangeKind.NEW_SENSITIVE_DATA: {ChangeKind.NEW_SENSITIVE_DATA, ChangeKind.LOWER_MINIMUM_AGE},
    ChangeKind.NEW_DATA_CATEGORY: {ChangeKind.NEW_DATA_CATEGORY, ChangeKind.NEW_SENSITIVE_DATA,
                                   ChangeKind.NARROWER_CHANGE},
    # A plain new use does not explain words about AI training, sale or targeting.
    ChangeKind.NEW_INCOMPATIBLE_USE: {ChangeKind.NEW_INCOMPATIBLE_USE, ChangeKind.STARTS_SELLING,
                                      ChangeKind.STARTS_SHARING_FOR_ADVERTISING},
    ChangeKind.NEW_RECIPIENT: {ChangeKind.NEW_RECIPIENT, ChangeKind.NEW_TRANSFER_COUNTRY},
    ChangeKind.NEW_TRANSFER_COUNTRY: {ChangeKind.NEW_TRANSFER_COUNTRY},
    ChangeKind.LOWER_MINIMUM_AGE: {ChangeKind.LOWER_MINIMUM_AGE},
    ChangeKind.LONGER_RETENTION: {ChangeKind.LONGER_RETENTION},
    ChangeKind.STARTS_SELLING: {ChangeKind.STARTS_SELLING},
    ChangeKind.STARTS_SHARING_FOR_ADVERTISING: {ChangeKind.STARTS_SHARING_FOR_ADVERTISING},
    ChangeKind.REMOVED_RIGHT: {ChangeKind.REMOVED_RIGHT},
}


class Origin(str, enum.Enum):
    """Which layer found a change: a declared fact, or a text signal the facts do not explain."""

    FACT = "fact"
    TEXT = "text"


class Decision(str, enum.Enum):
    """What the company decided about a change (in the release notes' `acknowledge:`)."""

    NONE = "none"
    NOTIFY = "notify"
    CONSENT = "consent"

    @property
    def action(self) -> Action:
        return Action(self.value)


@dataclass(frozen=True)
class Acknowledgement:
    """The writer's decision about one change, with the reason kept in the release."""

    change: str
    decision: Decision
    reason: str

    def to_manifest(self) -> dict[str, Any]:
        return {"decision": self.decision.value, "reason": self.reason}


@dataclass(frozen=True)
class Finding:
    """One change and what it requires in one region, with the rules that say so."""

    id: str
    kind: ChangeKind | None
    origin: Origin
    description: str
    sections: tuple[str, ...]
    action: Action
    rules: tuple[Rule, ...] = ()
    words: tuple[str, ...] = ()
    acknowledged: Acknowledgement | None = None

    @property
    def advance_days(self) -> int:
        return max((r.advance_days for r in self.rules if r.action is Action.NOTIFY), default=0)

    @property
    def decided(self) -> Action:
        """What the company does about it: the acknowledged decision, else the rules' action."""
        return self.acknowledged.decision.action if self.acknowledged else self.action

    def why(self) -> str:
        """'gdpr: notify 30 days ahead (GDPR Art. 13(3)); …' — the law, its action and the source."""
        if not self.rules:
            return "no rule; a lawyer must decide"
        parts = []
        for rule in self.rules:
            days = f" {rule.advance_days} days ahead" if rule.action is Action.NOTIFY and rule.advance_days else ""
            parts.append(f"{rule.law}: {rule.action.value}{days} ({rule.source})")
        return "; ".join(parts)

    def to_manifest(self) -> dict[str, Any]:
        """The change as a release manifest keeps it (see docs/manifest.md)."""
        out: dict[str, Any] = {
            "id": self.id, "kind": self.kind.value if self.kind else None, "origin": self.origin.value,
            "description": self.description, "sections": list(self.sections), "action": self.action.value,
            "advance_days": self.advance_days, "words": list(self.words),
            "rules": [{"law": r.law, "action": r.action.value, "advance_days": r.advance_days, "source": r.source}
                      for r in self.rules]}
        if self.acknowledged:
            out["acknowledged"] = self.acknowledged.to_manifest()
        return out

    @classmethod
    def from_manifest(cls, data: dict[str, Any]) -> Finding:
        """Inverse of `to_manifest` (derived values such as `advance_days` are recomputed)."""
        change = str(data["id"])
        kind = ChangeKind(data["kind"]) if data.get("kind") else None
        rules = tuple(Rule(str(r["law"]), kind, Action(r["action"]), str(r["source"]), int(r.get("advance_days", 0)))
                      for r in data.get("rules") or ()) if kind else ()
        ack = data.get("acknowledged")
        return cls(change, kind, Origin(data["origin"]), str(data["description"]),
                   tuple(str(s) for s in data.get("sections") or ()), Action(data["action"]), rules,
                   tuple(str(w) for w in data.get("words") or ()),
                   Acknowledgement(change, Decision(ack["decision"]), str(ack.get("reason") or "")) if ack else None)


@dataclass(frozen=True)
class RegionVerdict:
    """Every change of one region with the rules' action and the company's decision."""

    region: str
    laws: tuple[str, ...]
    findings: tuple[Finding, ...]
    redline_summary: str = ""

    @property
    def action(self) -> Action:
        """The strongest action the rules ask for."""
        return Action.strongest(f.action for f in self.findings)

    @property
    def decision(self) -> Action:
        """The strongest action taken, after the writer's decisions (notices and consent follow it)."""
        return Action.strongest(f.decided for f in self.findings)

    @property
    def advance_days(self) -> int:
        return max((f.advance_days for f in self.findings if f.action is Action.NOTIFY), default=0)

    @property
    def material(self) -> list[Finding]:
        """Findings that need notice, consent or review."""
        return [f for f in self.findings if f.action is not Action.NONE]

    def acknowledged(self, acknowledgements: Iterable[Acknowledgement]) -> RegionVerdict:
        """This verdict with each finding's acknowledgement attached (by change id)."""
        by_change = {a.change: a for a in acknowledgements}
        return replace(self, findings=tuple(replace(f, acknowledged=by_change.get(f.id, f.acknowledged))
                                            for f in self.findings))

    def to_manifest(self) -> dict[str, Any]:
        return {"action": self.action.value, "decision": self.decision.value, "advance_days": self.advance_days,
                "changes": [f.to_manifest() for f in self.findings]}

    @classmethod
    def from_manifest(cls, region: str, data: dict[str, Any]) -> RegionVerdict:
        return cls(region, (), tuple(Finding.from_manifest(c) for c in data.get("changes") or ()))


@dataclass(frozen=True)
class NoticeShortfall:
    """A region whose rules ask for more days of notice than the effective date gives."""

    region: str
    required_days: int
    given_days: int

    def to_manifest(self) -> dict[str, Any]:
        return {"region": self.region, "required_days": self.required_days, "given_days": self.given_days}


@dataclass(frozen=True)
class ForcedNotice:
    """`release --force-notice`: why a release gives less notice than the rules ask."""

    reason: str
    shortfalls: tuple[NoticeShortfall, ...]

    def to_manifest(self) -> dict[str, Any]:
        return {"reason": self.reason, "shortfalls": [s.to_manifest() for s in self.shortfalls]}

    @classmethod
    def from_manifest(cls, data: dict[str, Any]) -> ForcedNotice:
        return cls(str(data["reason"]), tuple(NoticeShortfall(str(s["region"]), int(s["required_days"]),
                                                              int(s["given_days"])) for s in data["shortfalls"]))


@dataclass(frozen=True)
class Verdict:
    """The verdict of one statement's change (`old_label` -> `new_label`) in every region."""

    statement: str
    old_label: str
    new_label: str
    regions: tuple[RegionVerdict, ...] = field(default_factory=tuple)
    forced_notice: ForcedNotice | None = None

    @property
    def action(self) -> Action:
        """The strongest action the rules ask for in any region."""
        return Action.strongest(r.action for r in self.regions)

    @property
    def decision(self) -> Action:
        """The strongest action taken in any region, after the writer's decisions."""
        return Action.strongest(r.decision for r in self.regions)

    @property
    def consent_regions(self) -> list[str]:
        """Regions whose users are asked for consent again (after the writer's decisions)."""
        return [r.region for r in self.regions if r.decision is Action.CONSENT]

    def region(self, region_id: str) -> RegionVerdict | None:
        return next((r for r in self.regions if r.region == region_id), None)

    def acknowledged(self, acknowledgements: Iterable[Acknowledgement]) -> Verdict:
        """This verdict with the writer's decisions attached to the findings they name."""
        acknowledgements = list(acknowledgements)
        return replace(self, regions=tuple(r.acknowledged(acknowledgements) for r in self.regions))

    def merged_findings(self) -> list[Finding]:
        """Each change once, with the strongest action and the rules of every region it is in."""
        merged: dict[str, Finding] = {}
        for region in self.regions:
            for finding in region.findings:
                seen = merged.get(finding.id)
                if seen is None:
                    merged[finding.id] = finding
                    continue
                rules = seen.rules + tuple(r for r in finding.rules if r not in seen.rules)
                merged[finding.id] = replace(seen, action=Action.strongest([seen.action, finding.action]), rules=rules)
        return list(merged.values())

    def regions_with(self, finding_id: str) -> list[str]:
        return [r.region for r in self.regions if any(f.id == finding_id for f in r.findings)]

    def finding_ids(self) -> set[str]:
        return {f.id for r in self.regions for f in r.findings}

    def material_ids(self) -> set[str]:
        return {f.id for r in self.regions for f in r.material}

    def unacknowledged(self, acknowledgements: Iterable[Acknowledgement], shown: str) -> list[Problem]:
        """Material or unreviewed changes without acknowledgement, and acknowledgements of nothing."""
        acknowledgements = list(acknowledgements)
        problems = []
        acked = {a.change for a in acknowledgements}
        existing = self.finding_ids()
        for ack in acknowledgements:
            if ack.change not in existing:
                problems.append(Problem(shown, None,
                                        f"acknowledges change '{ack.change}' which the draft does not contain",
                                        "remove it (known changes: " + (", ".join(sorted(existing)) or "none") + ")"))
        merged = {f.id: f for f in self.merged_findings()}
        for change_id in sorted(self.material_ids() - acked):
            finding = merged[change_id]
            regions = [r.region for r in self.regions if any(f.id == change_id for f in r.material)]
            problems.append(Problem(shown, None,
                                    f"unacknowledged {finding.action.value} change '{change_id}' in "
                                    f"{', '.join(regions)}: {finding.description}",
                                    "add it under 'acknowledge:' with a decision and a reason"))
        return problems

    def notice_shortfalls(self, effective: dt.date, today: dt.date) -> tuple[NoticeShortfall, ...]:
        """Regions where `effective` gives less notice than their rules ask for."""
        given = (effective - today).days
        return tuple(NoticeShortfall(r.region, r.advance_days, given) for r in self.regions
                     if r.advance_days and r.advance_days > given)

    def to_manifest(self) -> dict[str, Any]:
        """The verdict as a release manifest keeps it (see docs/manifest.md)."""
        out: dict[str, Any] = {"action": self.action.value, "against": self.old_label,
                               "consent_regions": self.consent_regions,
                               "regions": {r.region: r.to_manifest() for r in self.regions}}
        if self.forced_notice:
            out["forced_notice"] = self.forced_notice.to_manifest()
        return out

    @classmethod
    def from_manifest(cls, data: dict[str, Any], statement: str, new_label: str) -> Verdict:
        """The verdict of release `new_label` as its manifest keeps it.

        `action`, `decision`, `advance_days` and `consent_regions` are derived from the
        changes; they are stored for readers of the file, and recomputed here.
        """
        forced = data.get("forced_notice")
        return cls(statement, str(data["against"]), new_label,
                   tuple(RegionVerdict.from_manifest(str(region), spec)
                         for region, spec in (data.get("regions") or {}).items()),
                   ForcedNotice.from_manifest(forced) if forced else None)


def _judge(kind: ChangeKind, laws: tuple[str, ...], rules: RuleTable) -> tuple[Action, tuple[Rule, ...]]:
    found = tuple(rules.rules_for(laws, kind))
    return Action.strongest(r.action for r in found), found


def region_verdict(old: ResolvedDocument, new: ResolvedDocument, laws: tuple[str, ...], rules: RuleTable,
                   result: Redline | None = None) -> RegionVerdict:
    """Judge every change from `old` to `new` for a region protected by `laws`.

    Translated documents are judged on their source text: a source change carries its
    verdict to every region that reads a translation of it, and a change of translation
    alone (the source as it was) is editorial. `result`, when given, is the redline of
    the source texts.
    """
    old, new = old.in_source_language(), new.in_source_language()
    result = result or redline(old, new)
    findings: list[Finding] = []
    for fact in document_fact_changes(old, new):
        action, applied = _judge(fact.kind, laws, rules)
        findings.append(Finding(fact.id, fact.kind, Origin.FACT, fact.detail, fact.sections, action, applied))

    old_by_id = {s.id: s for s in old.sections}
    new_by_id = {s.id: s for s in new.sections}
    for change in result.sections:
        signals = section_signals(change)
        if not signals:
            continue
        local = section_fact_changes(old_by_id.get(change.id), new_by_id.get(change.id))
        local_kinds = {c.kind for c in local}
        for signal in signals:
            if _explained(signal, local_kinds, local):
                continue
            findings.append(_text_finding(signal, laws, rules))
    return RegionVerdict(new.region, laws, tuple(findings), result.summary())


def _explained(signal: TextSignal, local_kinds: set[ChangeKind], local: list[FactChange]) -> bool:
    if signal.implied is None:
        # Without a kind of its own, a signal is explained by any fact the writer changed there.
        return any(c.kind is not ChangeKind.REDUCTION for c in local)
    return bool(_EXPLAINED_BY.get(signal.implied, {signal.implied}) & local_kinds)


def _text_finding(signal: TextSignal, laws: tuple[str, ...], rules: RuleTable) -> Finding:
    if signal.implied is not None:
        action, applied = _judge(signal.implied, laws, rules)
        action = Action.strongest([action, Action.REVIEW])
    else:
        action, applied = Action.REVIEW, ()
    hint = f" (may be {signal.implied.value.replace('_', ' ')})" if signal.implied else ""
    return Finding(signal.id, signal.implied, Origin.TEXT, f"needs legal review: {signal.describe()}{hint}",
                   (signal.section,), action, applied, signal.words)


def statement_verdict(statement: str, old_docs: dict[str, ResolvedDocument], new_docs: dict[str, ResolvedDocument],
                      laws_of, rules: RuleTable, old_label: str, new_label: str) -> Verdict:
    """Verdicts for every region present on both sides. `laws_of(region)` gives its laws."""
    regions = []
    for region, new in new_docs.items():
        old = old_docs.get(region)
        if old is None:
            continue
        regions.append(region_verdict(old, new, laws_of(region), rules))
    return Verdict(statement, old_label, new_label, tuple(regions))
