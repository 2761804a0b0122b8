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
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Finding:
    """One change and what it requires in one region, with the rules that say so."""

    id: str
    kind: ChangeKind | None
    origin: str                  # "fact" or "text"
    description: str
    sections: tuple[str, ...]
    action: Action
    rules: tuple[Rule, ...] = ()
    words: tuple[str, ...] = ()

    @property
    def needs_review(self) -> bool:
        return self.origin == "text"

    @property
    def advance_days(self) -> int:
        return max((r.advance_days for r in self.rules if r.action is Action.NOTIFY), default=0)

    def why(self) -> str:
        """'GDPR Art. 13(3) (gdpr: notify 30 days); …' — the rule, the law, the source."""
        if not self.rules:
            return "no rule; a lawyer must decide"
        parts = []
        for rule in self.rules:
            days = f" {rule.advance_days} days ahead" if rule.action is Action.NOTIFY and rule.advance_days else ""
            parts.append(f"{rule.law}: {rule.action.value}{days} ({rule.source})")
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind.value if self.kind else None, "origin": self.origin,
                "description": self.description, "sections": list(self.sections), "action": self.action.value,
                "advance_days": self.advance_days, "words": list(self.words),
                "rules": [{"law": r.law, "action": r.action.value, "advance_days": r.advance_days,
                           "source": r.source} for r in self.rules]}


@dataclass(frozen=True)
class RegionVerdict:
    region: str
    laws: tuple[str, ...]
    findings: tuple[Finding, ...]
    redline_summary: str = ""

    @property
    def action(self) -> Action:
        return Action.strongest(f.action for f in self.findings)

    @property
    def advance_days(self) -> int:
        return max((f.advance_days for f in self.findings if f.action is Action.NOTIFY), default=0)

    @property
    def material(self) -> list[Finding]:
        """Findings that need notice, consent or review."""
        return [f for f in self.findings if f.action is not Action.NONE]

    def to_dict(self) -> dict[str, Any]:
        return {"region": self.region, "laws": list(self.laws), "action": self.action.value,
                "advance_days": self.advance_days, "redline": self.redline_summary,
                "findings": [f.to_dict() for f in self.findings]}


@dataclass(frozen=True)
class Verdict:
    """The verdict of one statement's change (`old_label` -> `new_label`) in every region."""

    statement: str
    old_label: str
    new_label: str
    regions: tuple[RegionVerdict, ...] = field(default_factory=tuple)

    @property
    def action(self) -> Action:
        return Action.strongest(r.action for r in self.regions)

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
                action = Action.strongest([seen.action, finding.action])
                merged[finding.id] = Finding(seen.id, seen.kind, seen.origin, seen.description, seen.sections,
                                             action, rules, seen.words)
        return list(merged.values())

    def regions_with(self, finding_id: str) -> list[str]:
        return [r.region for r in self.regions if any(f.id == finding_id for f in r.findings)]

    def finding_ids(self) -> set[str]:
        return {f.id for r in self.regions for f in r.findings}

    def material_ids(self) -> set[str]:
        return {f.id for r in self.regions for f in r.material}

    def to_dict(self) -> dict[str, Any]:
        return {"statement": self.statement, "from": self.old_label, "to": self.new_label,
                "action": self.action.value, "regions": [r.to_dict() for r in self.regions]}


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
    fact_changes = document_fact_changes(old, new)
    for change in fact_changes:
        action, applied = _judge(change.kind, laws, rules)
        findings.append(Finding(change.id, change.kind, "fact", change.detail, change.sections, action, applied))

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
    return Finding(signal.id, signal.implied, "text", f"needs legal review: {signal.describe()}{hint}",
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


# -- acknowledgements ---------------------------------------------------------------------

DECISIONS = ("none", "notify", "consent")


@dataclass(frozen=True)
class Acknowledgement:
    change: str
    decision: str
    reason: str


def parse_acknowledgements(meta: dict, shown: str) -> tuple[list[Acknowledgement], list[Problem]]:
    """`acknowledge:` entries of release-notes front matter, with their problems."""
    raw = meta.get("acknowledge") or []
    problems: list[Problem] = []
    out: list[Acknowledgement] = []
    if not isinstance(raw, list):
        return [], [Problem(shown, None, "'acknowledge' must be a list",
                            "write '- {change: <id>, decision: notify, reason: …}' items")]
    for item in raw:
        if not isinstance(item, dict) or not item.get("change"):
            problems.append(Problem(shown, None, f"invalid acknowledgement {item!r}",
                                    "write '- {change: <id>, decision: notify, reason: …}'"))
            continue
        decision = str(item.get("decision", ""))
        if decision not in DECISIONS:
            problems.append(Problem(shown, None, f"acknowledgement of '{item['change']}' has decision '{decision}'",
                                    "use one of: " + ", ".join(DECISIONS)))
            continue
        if not item.get("reason"):
            problems.append(Problem(shown, None, f"acknowledgement of '{item['change']}' gives no reason",
                                    "add 'reason: …' (it is kept with the release)"))
            continue
        out.append(Acknowledgement(str(item["change"]), decision, str(item["reason"])))
    return out, problems


def unacknowledged(verdict: Verdict, acknowledgements: list[Acknowledgement], shown: str) -> list[Problem]:
    """Problems: material or unreviewed changes without acknowledgement, and acknowledgements of nothing."""
    problems = []
    acked = {a.change for a in acknowledgements}
    existing = verdict.finding_ids()
    for ack in acknowledgements:
        if ack.change not in existing:
            problems.append(Problem(shown, None, f"acknowledges change '{ack.change}' which the draft does not contain",
                                    "remove it (known changes: " + (", ".join(sorted(existing)) or "none") + ")"))
    merged = {f.id: f for f in verdict.merged_findings()}
    for change_id in sorted(verdict.material_ids() - acked):
        finding = merged[change_id]
        regions = [r.region for r in verdict.regions if any(f.id == change_id for f in r.material)]
        problems.append(Problem(shown, None,
                                f"unacknowledged {finding.action.value} change '{change_id}' in "
                                f"{', '.join(regions)}: {finding.description}",
                                "add it under 'acknowledge:' with a decision and a reason"))
    return problems


def notice_shortfalls(verdict: Verdict, effective: dt.date, today: dt.date) -> list[tuple[str, int, int]]:
    """(region, days required, days given) where the effective date gives too little notice."""
    given = (effective - today).days
    return [(r.region, r.advance_days, given) for r in verdict.regions if r.advance_days and r.advance_days > given]


def decided_action(finding: Finding, decisions: dict[str, str]) -> Action:
    """What the company does about a finding: the writer's acknowledged decision, else the rule's action."""
    return Action(decisions[finding.id]) if finding.id in decisions else finding.action


def decided_region_action(region: RegionVerdict, decisions: dict[str, str]) -> Action:
    return Action.strongest(decided_action(f, decisions) for f in region.findings)


def consent_regions(verdict: Verdict, decisions: dict[str, str] | None = None) -> list[str]:
    """Regions where users must be asked again (after the writer's decisions)."""
    decisions = decisions or {}
    return [r.region for r in verdict.regions if decided_region_action(r, decisions) is Action.CONSENT]
