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
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import Problem
from ..model.blocks import split_body
from ..model.document import ResolvedDocument
from ..model.facts import FACT_FIELDS, FactKind
from ..model.rules import Action, ChangeKind, Rule, RuleTable
from .coverage import already_stated
from .facts import FactChange, document_fact_changes, section_fact_changes
from .language import read_pair
from .prose import EditorialNote, ProseChanges, ProseFinding, ProseKind, Tuning, prose_changes
from .redline import BlockStatus, Redline, redline
from .terms import Item, Lexicon

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
    # A period fixed where the facts said "as long as necessary" is what a longer one in the text says.
    ChangeKind.LONGER_RETENTION: {ChangeKind.LONGER_RETENTION, ChangeKind.RETENTION_CHANGED},
    ChangeKind.STARTS_SELLING: {ChangeKind.STARTS_SELLING},
    ChangeKind.STARTS_SHARING_FOR_ADVERTISING: {ChangeKind.STARTS_SHARING_FOR_ADVERTISING},
    ChangeKind.REMOVED_RIGHT: {ChangeKind.REMOVED_RIGHT},
    ChangeKind.NEW_DATA_USE: {ChangeKind.NEW_DATA_USE, ChangeKind.NEW_INCOMPATIBLE_USE, ChangeKind.NARROWER_CHANGE},
    ChangeKind.RETENTION_CHANGED: {ChangeKind.LONGER_RETENTION, ChangeKind.RETENTION_CHANGED},
    ChangeKind.WIDER_SCOPE: set(),
}


class Origin(str, enum.Enum):
    """Which layer found a change: a declared fact, a text signal the facts do not explain, or a
    translation that changed while its source did not (editorial unless the writer decides more)."""

    FACT = "fact"
    TEXT = "text"
    TRANSLATION = "translation"


class Decision(str, enum.Enum):
    """What the company decided about a change (in the release notes' `acknowledge:`)."""

    NONE = "none"
    NOTIFY = "notify"
    CONSENT = "consent"

    @property
    def action(self) -> Action:
        return Action(self.value)


# A decision weaker than the rules ask stands on its reason: a few words that say why, not a letter (gate43).
WEAKER_REASON_WORDS = 3
# ... and words of its own (gov44): "yes yes yes" or "as discussed above" are three words that say nothing.
# A reason needs at least two different words that are not one of these (assent, pointers elsewhere,
# placeholders and the little words every sentence has).
FILLER_WORDS = frozenset(re.findall(r"\w+", """
    a an the and or but so of to in on at by for from with as is are was were be been it its this that these
    those there here we i you he she they our your my me us yes no not ok okay fine sure done agreed agree
    approve approved approval lgtm ack acked acknowledged noted confirmed checked reviewed per see above below
    discussed discussion meeting call chat email slack ticket jira same before previous earlier reason why
    because decision decided change changed na n tbd todo tba wip fixme xxx test testing asdf foo bar etc
    """))


def reason_says_nothing(reason: str) -> str | None:
    """Why a reason given for a decision weaker than the rules says nothing (too short, one word repeated, or
    only filler), or None when it is a reason. Letters and digits count, whatever the script."""
    words = [w.lower() for w in re.findall(r"\w+", reason)]
    if len(words) < WEAKER_REASON_WORDS:
        return "is too short to say why"
    if len(set(words)) == 1:
        return "repeats one word"
    own = {w for w in words if w not in FILLER_WORDS and not w.isdigit() and (len(w) > 1 or not w.isascii())}
    if len(own) < 2:
        return "says nothing of its own (only words such as 'yes', 'ok', 'as discussed', 'see above')"
    return None


@dataclass(frozen=True)
class Acknowledgement:
    """The writer's decision about one change, with the reason kept in the release.

    `change` is the change's id and `binding` the digest of the text it was given for (written
    `<id>@<binding>` in the release notes): a decision covers that text only, so an edit made
    after the review needs a new one. `line` is where the notes give it (for messages).
    """

    change: str
    decision: Decision
    reason: str
    binding: str | None = None
    line: int | None = field(default=None, compare=False)
    by: str | None = field(default=None, compare=False)     # who decided, when the notes say (gov44)

    @classmethod
    def written(cls, ref: str, decision: Decision, reason: str, line: int | None = None,
                by: str | None = None) -> Acknowledgement:
        """An acknowledgement as the release notes write it: `change: <id>@<binding>`."""
        change, _, binding = ref.strip().partition("@")
        return cls(change, decision, reason, binding or None, line, by.strip() if by else None)

    @property
    def ref(self) -> str:
        return f"{self.change}@{self.binding}" if self.binding else self.change

    def covers(self, finding: Finding) -> bool:
        """Given for this change as it reads now (a change kept from before bindings has none)."""
        same = self.change == finding.id or self.change == finding.id.replace(":unstated->", ":None->", 1)
        # (`<id>@<b1>+<b2>`: one entry for a change whose text differs between regions, author44)
        return same and (finding.binding is None or finding.binding in (self.binding or "").split("+"))

    def to_manifest(self) -> dict[str, Any]:
        return {"decision": self.decision.value, "reason": self.reason} | ({"by": self.by} if self.by else {})


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
    # The item, old and new values and sentence of the text that shows the change (a text finding's
    # own; for a fact finding, the text its declaration explains): what reader lines say.
    prose: ProseFinding | None = None
    fact: FactChange | None = None       # a fact finding's fact and value
    # A digest of the change as found (its id, its words and the changed blocks of its sections):
    # an acknowledgement names it, so a decision never covers text written after it was given.
    binding: str | None = None
    # Generic term-novelty findings on this finding's sentence and object that this specific reading explains
    # (`_folded`, fragile41): shown as its detail in the check report, not as changes of their own.
    folded: tuple[Finding, ...] = ()

    @property
    def ref(self) -> str:
        """What the release notes acknowledge: `<id>@<binding>`."""
        return f"{self.id}@{self.binding}" if self.binding else self.id

    @property
    def advance_days(self) -> int:
        return max((r.advance_days for r in self.rules if r.action is Action.NOTIFY), default=0)

    @property
    def ruled(self) -> Action:
        """The strongest action the rules themselves ask for (a text finding's review aside)."""
        return Action.strongest(r.action for r in self.rules)

    @property
    def weaker_than_rules(self) -> bool:
        """The company decided less than the rules ask (notify where a law asks for consent)."""
        return self.acknowledged is not None and self.acknowledged.decision.action.weight < self.ruled.weight

    @property
    def decided(self) -> Action:
        """What the company does about it: the acknowledged decision, else the rules' action."""
        return self.acknowledged.decision.action if self.acknowledged else self.action

    def why(self) -> str:
        """'gdpr: notify 30 days ahead (GDPR Art. 13(3)); …' — the law, its action and the source."""
        if not self.rules:
            if self.origin is Origin.TRANSLATION:
                return "no rule: a change of translation alone is editorial unless the writer decides more"
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
        if self.prose:
            out["prose"] = self.prose.to_manifest()
        if self.fact:
            out["fact"] = {"fact": self.fact.fact.value, "value": self.fact.value} | (
                {"scope": self.fact.scope} if self.fact.scope else {})
        if self.binding:
            out["binding"] = self.binding
        return out

    @classmethod
    def from_manifest(cls, data: dict[str, Any]) -> Finding:
        """Inverse of `to_manifest` (derived values such as `advance_days` are recomputed)."""
        change = str(data["id"])
        kind = ChangeKind(data["kind"]) if data.get("kind") else None
        rules = tuple(Rule(str(r["law"]), kind, Action(r["action"]), str(r["source"]), int(r.get("advance_days", 0)))
                      for r in data.get("rules") or ()) if kind else ()
        ack = data.get("acknowledged")
        prose = data.get("prose")
        sections = tuple(str(s) for s in data.get("sections") or ())
        binding = str(data["binding"]) if data.get("binding") else None
        description = str(data["description"])
        fact = data.get("fact")
        return cls(change, kind, Origin(data["origin"]), description, sections, Action(data["action"]), rules,
                   tuple(str(w) for w in data.get("words") or ()),
                   Acknowledgement(change, Decision(ack["decision"]), str(ack.get("reason") or ""), binding,
                                   by=str(ack["by"]) if ack.get("by") else None)
                   if ack else None,
                   ProseFinding.from_manifest(prose) if prose else None,
                   FactChange(kind, FactKind(fact["fact"]), str(fact["value"]), description, sections,
                              scope=str(fact["scope"]) if fact.get("scope") else None)
                   if kind and fact else None, binding)

    @property
    def declared(self) -> FactChange | None:
        """A fact finding's fact and value. A manifest written before they were kept gives them in the
        id (`<kind>:<value>`), and the kind of change names the fact when only one fact gives it."""
        if self.fact is not None or self.origin is not Origin.FACT or self.kind is None:
            return self.fact
        facts = [f.kind for f in FACT_FIELDS if self.kind in f.change_kinds()]
        if len(facts) != 1 or ":" not in self.id:
            return None
        return FactChange(self.kind, facts[0], self.id.split(":", 1)[1], self.description, self.sections)


@dataclass(frozen=True)
class RegionVerdict:
    """Every change of one region with the rules' action and the company's decision."""

    region: str
    laws: tuple[str, ...]
    findings: tuple[Finding, ...]
    redline_summary: str = ""
    editorial: tuple[EditorialNote, ...] = ()     # the changes that need nothing, and what kind of edit each was
    # Imported history (import43): the changes as the rules read them, but nobody decided anything about
    # them then; the decision is `review` (readers get "What changed in this version") and no notice follows.
    undecided: bool = False

    @property
    def action(self) -> Action:
        """The strongest action the rules ask for."""
        return Action.strongest(f.action for f in self.findings)

    @property
    def decision(self) -> Action:
        """The strongest action taken, after the writer's decisions (notices and consent follow it);
        `review` for imported history, where no decision was recorded."""
        if self.undecided:
            return Action.REVIEW
        return Action.strongest(f.decided for f in self.findings)

    @property
    def advance_days(self) -> int:
        return max((f.advance_days for f in self.findings if f.action is Action.NOTIFY), default=0)

    @property
    def material(self) -> list[Finding]:
        """Findings that need notice, consent or review."""
        return [f for f in self.findings if f.action is not Action.NONE]

    def acknowledged(self, acknowledgements: Iterable[Acknowledgement]) -> RegionVerdict:
        """This verdict with each finding's acknowledgement attached (by change id and binding: an
        acknowledgement given for other text covers nothing)."""
        acknowledgements = list(acknowledgements)
        return replace(self, findings=tuple(
            replace(f, acknowledged=next((a for a in acknowledgements if a.covers(f)), f.acknowledged))
            for f in self.findings))

    def to_manifest(self) -> dict[str, Any]:
        out: dict[str, Any] = {"action": self.action.value,
                               "decision": self.decision.value if not self.undecided else "not recorded",
                               "advance_days": self.advance_days, "changes": [f.to_manifest() for f in self.findings]}
        if self.editorial:
            out["editorial"] = [n.to_manifest() for n in self.editorial]
        return out

    @classmethod
    def from_manifest(cls, region: str, data: dict[str, Any], undecided: bool = False) -> RegionVerdict:
        return cls(region, (), tuple(Finding.from_manifest(c) for c in data.get("changes") or ()),
                   editorial=tuple(EditorialNote.from_manifest(n) for n in data.get("editorial") or ()),
                   undecided=undecided)


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
    undecided: bool = False     # imported history: no decision was recorded, none is claimed (import43)

    @property
    def action(self) -> Action:
        """The strongest action the rules ask for in any region."""
        return Action.strongest(r.action for r in self.regions)

    @property
    def decision(self) -> Action:
        """The strongest action taken in any region, after the writer's decisions."""
        if self.undecided:
            return Action.REVIEW
        return Action.strongest(r.decision for r in self.regions)

    @property
    def consent_regions(self) -> list[str]:
        """Regions whose users are asked for consent again (after the writer's decisions)."""
        return [r.region for r in self.regions if r.decision is Action.CONSENT]

    def region(self, region_id: str) -> RegionVerdict | None:
        return next((r for r in self.regions if r.region == region_id), None)

    def without_decisions(self) -> Verdict:
        """This verdict as imported history records it: the changes as the rules read them, no decision
        (no notice follows, readers are told what changed, never that they were notified)."""
        return replace(self, undecided=True, regions=tuple(replace(r, undecided=True) for r in self.regions))

    def acknowledged(self, acknowledgements: Iterable[Acknowledgement]) -> Verdict:
        """This verdict with the writer's decisions attached to the findings they name."""
        acknowledgements = list(acknowledgements)
        return replace(self, regions=tuple(r.acknowledged(acknowledgements) for r in self.regions))

    def merged_findings(self) -> list[Finding]:
        """Each change once (by id and binding), with the strongest action and the rules of every
        region it is in."""
        merged: dict[str, Finding] = {}
        for region in self.regions:
            for finding in region.findings:
                seen = merged.get(finding.ref)
                if seen is None:
                    merged[finding.ref] = finding
                    continue
                rules = seen.rules + tuple(r for r in finding.rules if r not in seen.rules)
                merged[finding.ref] = replace(seen, action=Action.strongest([seen.action, finding.action]),
                                              rules=rules)
        return list(merged.values())

    def regions_with(self, ref: str) -> list[str]:
        """The regions a change (`<id>@<binding>`, or an id) is found in."""
        return [r.region for r in self.regions if any(ref in (f.ref, f.id) for f in r.findings)]

    def finding_ids(self) -> set[str]:
        return {f.id for r in self.regions for f in r.findings}

    def material_ids(self) -> set[str]:
        return {f.id for r in self.regions for f in r.material}

    def unacknowledged(self, acknowledgements: Iterable[Acknowledgement], shown: str,
                       named: Iterable[str] = ()) -> list[Problem]:
        """What the acknowledgements leave open: material or unreviewed changes without one,
        acknowledgements of nothing or of another text than the draft's (stale), and decisions
        weaker than the rules ask without a reason. `named` are the changes (`<id>@<binding>` or
        `<id>`) an entry of notes that could not be read names: their entry has its own problem line."""
        named = {n.strip() for n in named}
        named |= {f"{n.partition('@')[0]}@{b}" for n in named for b in n.partition("@")[2].split("+") if b}
        acknowledgements = list(acknowledgements)
        findings = [f for r in self.regions for f in r.findings]
        problems = []
        stale: set[str] = set()
        for ack in acknowledgements:
            same_id = [f for f in findings if f.id == ack.change]
            into = next((f for f in findings if any(g.id == ack.change for g in f.folded)), None)
            if not same_id and into is not None:
                # (fragile41 folds a generic finding into the specific reading of its sentence: an acknowledgement
                # written before the fold names the finding that now stands for it)
                problems.append(Problem(shown, ack.line,
                                        f"acknowledges change '{ack.ref}', which is now read as part of "
                                        f"'{into.ref}' ({into.description})",
                                        f"acknowledge '{into.ref}' instead, with its decision and reason"))
            elif not same_id:
                known = sorted({f.ref for f in findings})
                problems.append(Problem(shown, ack.line,
                                        f"acknowledges change '{ack.ref}' which the draft does not contain",
                                        "remove it (known changes: " + (", ".join(known) or "none") + ")"))
            elif not any(ack.covers(f) for f in same_id):
                problems.append(_stale(ack, same_id, shown))
                stale.add(ack.change)
            else:
                problems += self._reasons(ack, shown)
        covered = {f.ref for r in self.acknowledged(acknowledgements).regions for f in r.findings if f.acknowledged}
        # One line per change: a change found in regions whose texts differ (an override's section) has a binding
        # per text, and one entry names them all (`<id>@<b1>+<b2>`, author44).
        open_changes: dict[str, list[Finding]] = {}
        for finding in self.merged_findings():
            if finding.action is Action.NONE or finding.ref in covered or finding.id in stale \
                    or finding.ref in named or finding.id in named:
                continue
            open_changes.setdefault(finding.id if finding.binding else finding.ref, []).append(finding)
        for alike in open_changes.values():
            refs = {f.ref for f in alike}
            action = Action.strongest(f.action for f in alike)
            ref = alike[0].ref if len(alike) == 1 else f"{alike[0].id}@{'+'.join(str(f.binding) for f in alike)}"
            # (per region, the action it needs, strongest first: a region that needs notice alone is not
            # called a consent region, and none is left out, gate43)
            by_action: dict[Action, list[str]] = {}
            for region in self.regions:
                for f in region.material:
                    if f.ref in refs and region.region not in by_action.get(f.action, []):
                        by_action.setdefault(f.action, []).append(region.region)
            needs = "; ".join(f"{action.value} in {', '.join(regions)}"
                              for action, regions in sorted(by_action.items(), key=lambda i: -i[0].weight))
            texts = f"; one entry covers its {len(alike)} texts (the regions read it differently)" \
                if len(alike) > 1 else ""
            problems.append(Problem(shown, None,
                                    f"unacknowledged {action.value} change '{ref}' ({needs}{texts}): "
                                    f"{alike[0].description}",
                                    "add it under 'acknowledge:' with a decision and a reason"))
        return problems

    def _reasons(self, ack: Acknowledgement, shown: str) -> list[Problem]:
        """An acknowledgement needs a reason; the gate names the regions where its decision is weaker
        than the rules, since the reason must then say why, in a few words (`x` says nothing: gate43)."""
        weaker = [(r.region, f) for r in self.regions for f in r.findings if ack.covers(f)
                  and ack.decision.action.weight < f.ruled.weight]
        if not weaker:
            if ack.reason.strip():
                return []
            return [Problem(shown, ack.line, f"acknowledgement of '{ack.ref}' gives no reason",
                            "add 'reason: …' (it is kept with the release)")]
        empty = reason_says_nothing(ack.reason)
        if empty is None:
            return []
        asked = "; ".join(f"{region}: {f.ruled.value} ({', '.join(sorted({r.source for r in f.rules}))})"
                          for region, f in weaker)
        given = f" (its reason, '{ack.reason.strip()}', {empty})" if ack.reason.strip() else ""
        return [Problem(shown, ack.line, f"acknowledgement of '{ack.ref}' decides {ack.decision.value}, weaker "
                                         f"than the rules ask in {asked}{given}",
                        f"say why under 'reason:' in {WEAKER_REASON_WORDS} words or more of your own (what makes the "
                        "rule not apply here; the check report prints it), or decide as the rules ask")]

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
        if self.undecided:
            out["decisions"] = "not recorded"
        return out

    @classmethod
    def from_manifest(cls, data: dict[str, Any], statement: str, new_label: str) -> Verdict:
        """The verdict of release `new_label` as its manifest keeps it.

        `action`, `decision`, `advance_days` and `consent_regions` are derived from the
        changes; they are stored for readers of the file, and recomputed here.
        """
        forced = data.get("forced_notice")
        undecided = data.get("decisions") == "not recorded"
        return cls(statement, str(data["against"]), new_label,
                   tuple(RegionVerdict.from_manifest(str(region), spec, undecided)
                         for region, spec in (data.get("regions") or {}).items()),
                   ForcedNotice.from_manifest(forced) if forced else None, undecided)


# The ending of a fact declared now that the previous text already stated (`report` tells it apart by it).
ALREADY_SAID = " (declared now; the previous text already said so)"

def _stale(ack: Acknowledgement, findings: list[Finding], shown: str) -> Problem:
    """An acknowledgement of a change whose text is no longer the one it was given for."""
    now = sorted({f.ref for f in findings})
    sections = sorted({s for f in findings for s in f.sections})
    where = f" (section {', '.join(sections)})" if sections else ""
    if ack.binding is None:
        return Problem(shown, ack.line, f"acknowledgement of '{ack.change}' does not name the text it was given for",
                       f"review the change{where}, then write it as {' or '.join(repr(r) for r in now)}")
    return Problem(shown, ack.line, f"acknowledgement of '{ack.ref}' was given for other text: the change "
                                    f"reads differently now{where}",
                   f"review it again, then write {' or '.join(repr(r) for r in now)} with your decision")


def _judge(kind: ChangeKind, laws: tuple[str, ...], rules: RuleTable,
           value: str | None = None) -> tuple[Action, tuple[Rule, ...]]:
    found = tuple(rules.rules_for(laws, kind, value))
    return Action.strongest(r.action for r in found), found


def region_verdict(old: ResolvedDocument, new: ResolvedDocument, laws: tuple[str, ...], rules: RuleTable,
                   result: Redline | None = None, terms: Lexicon | None = None,
                   tuning: Tuning | None = None, readings: dict[tuple[str, str], ProseChanges] | None = None
                   ) -> RegionVerdict:
    """Judge every change from `old` to `new` for a region protected by `laws`.

    Translated documents are judged on their source text: a source change carries its
    verdict to every region that reads a translation of it, and a change of translation
    alone (the source as it was) is editorial. `result`, when given, is the redline of
    the source texts; `terms` the project's lexicon (the built-in one unless the project
    adds kinds of recipient); `tuning` the prose reader's free choices (its defaults unless an
    evaluation tries others); `readings`, when given, the prose readings of pairs of texts judged
    before with the same `terms` and `tuning` (`text_pair`), filled here: regions whose texts are
    the same read them once.

    A fact change the old text already stated (the writer declared what was written) needs
    nothing; prose changes the section's fact changes explain are not repeated.
    """
    translations = translation_findings(old, new)
    old, new = old.in_source_language(), new.in_source_language()
    result = result or redline(old, new)
    facts: list[Finding] = []
    for fact in document_fact_changes(old, new):
        action, applied = _judge(fact.kind, laws, rules, fact.value)
        detail = fact.detail
        if action is not Action.NONE and already_stated(fact, old, terms):
            if fact.scope is not None:
                continue    # in the document before, and in these sections' text: nothing new to anyone (facts45)
            action, detail = Action.NONE, f"{detail}{ALREADY_SAID}"
        facts.append(Finding(fact.id, fact.kind, Origin.FACT, detail, fact.sections, action, applied, fact=fact))

    # A statement in another language is judged on its English reading (`changes/language.py`).
    key = text_pair(old, new) if readings is not None else None
    prose = readings.get(key) if readings is not None and key is not None else None
    if prose is None:
        read = read_pair(old, new)
        if read is None:
            prose = prose_changes(result, old, new, terms, tuning)
        else:
            prose = read.originals_of(prose_changes(redline(read.old, read.new), read.old, read.new, terms, tuning))
        if readings is not None and key is not None:
            readings[key] = prose
    old_by_id = {s.id: s for s in old.sections}
    new_by_id = {s.id: s for s in new.sections}
    local_changes: dict[str, list[FactChange]] = {}
    texts: list[Finding] = []
    # Only a declaration that is itself a change of practice (one the rules judge, not one the previous text
    # already said) explains new text: a catch-up declaration ("business_partners", said before) never hides a
    # new sentence ("insurance companies"), so the gate says at least what `classify` says (counsel43).
    weighed = {(f.fact.fact, f.fact.value) for f in facts
               if f.fact is not None and not f.description.endswith(ALREADY_SAID)}
    for prose_finding in prose.findings:
        sid = prose_finding.section
        if sid not in local_changes:
            local_changes[sid] = [c for c in section_fact_changes(old_by_id.get(sid), new_by_id.get(sid))
                                  if (c.fact, c.value) in weighed]
        if _explained(prose_finding, local_changes[sid]):
            facts = _with_text(facts, prose_finding)
            continue
        texts.append(_text_finding(prose_finding, laws, rules, terms))
    texts = _folded(texts)
    findings = tuple(replace(f, binding=_binding(f, result)) for f in [*facts, *texts]) + translations
    return RegionVerdict(new.region, laws, findings, result.summary(), prose.editorial)


def text_pair(old: ResolvedDocument, new: ResolvedDocument) -> tuple[str, str]:
    """What the prose reading of `old` -> `new` is a function of (with the lexicon and tuning): each document's
    every field but its region's id, name and locale, which no reading looks at. Two regions whose documents
    differ in those alone (no override, no variable of their own) read the same text, once (perf46)."""
    return (_text_of(old), _text_of(new))


def _text_of(document: ResolvedDocument) -> str:
    return repr(replace(document, region="", region_name="", locale=""))


def translation_findings(old: ResolvedDocument, new: ResolvedDocument) -> tuple[Finding, ...]:
    """A change of translation alone, per section: its source text (title and body) is as it was
    and the translated words are not. Its action is none: a change of translation is editorial
    unless the writer, who can read it, acknowledges it with a decision (`notify`, `consent`),
    which then reaches the region's redline and notices like any other. Its binding is a digest
    of the translated blocks before and after, so a decision covers the words it was given for.
    """
    if not new.is_translation or old.language != new.language:
        return ()
    before = {s.id: s for s in old.sections if s.translation is not None}
    found = []
    for section in new.sections:
        was, now = before.get(section.id), section.translation
        if was is None or now is None or was.translation is None:
            continue
        if (was.translation.source_title, was.translation.source_markdown) != (now.source_title,
                                                                              now.source_markdown):
            continue    # the source changed: judged on the source, with every region that reads it
        if (was.title, was.markdown) == (section.title, section.markdown):
            continue
        old_blocks = [b.text for b in split_body(was.markdown).blocks]
        new_blocks = [b.text for b in split_body(section.markdown).blocks]
        changed = [b for b in new_blocks if b not in old_blocks]
        if was.title != section.title:
            changed.insert(0, section.title)
        change_id = f"translation:{section.id}:{new.language}"
        binding = _digest(change_id, (f"\0{text}" for text in
                                      [was.title, *(b for b in old_blocks if b not in new_blocks), "\0", *changed]))
        found.append(Finding(change_id, None, Origin.TRANSLATION,
                             f"the {new.language} translation changed, its source did not: editorial unless "
                             "acknowledged with a decision", (section.id,), Action.NONE,
                             words=tuple(changed), binding=binding))
    return tuple(found)


def _with_text(facts: list[Finding], explained: ProseFinding) -> list[Finding]:
    """Give the text a declaration explains to the fact finding it explains (the one for the same value
    first), so its reader line can say what the text says ("order details", "fraud-prevention partners")."""
    kinds = _EXPLAINED_BY.get(explained.implied, {explained.implied}) if explained.implied else set()
    candidates = [i for i, f in enumerate(facts) if f.prose is None and f.kind in kinds
                  and (not f.sections or explained.section in f.sections)]
    if not candidates:
        return facts
    best = next((i for i in candidates if (facts[i].fact or _NO_FACT).value == explained.key), candidates[0])
    out = list(facts)
    out[best] = replace(out[best], prose=explained)
    return out


_NO_FACT = FactChange(ChangeKind.REDUCTION, FactKind.RIGHTS, "", "")


def _binding(finding: Finding, result: Redline) -> str:
    """A digest of the change as found: its id, the words that show it, and every changed block of
    its sections. Any later edit of those blocks gives another digest, so an acknowledgement given
    before it covers nothing until it is given again."""
    parts: list[str] = []
    if finding.prose is not None:
        p = finding.prose
        parts.append(repr((p.old, p.new, p.sentence, p.words)))
    wanted = set(finding.sections) | ({finding.prose.section} if finding.prose else set())
    for change in result.sections:
        if change.id not in wanted:
            continue
        parts.append(f"\0{change.id}\0{change.old_title}\0{change.title}")
        parts += [f"\0{block.status.value}\0{block.old_text}\0{block.new_text}" for block in change.blocks
                  if block.status is not BlockStatus.EQUAL]
    return _digest(finding.id, parts)


def _digest(change_id: str, parts: Iterable[str]) -> str:
    """The binding of a change: a short digest of its id and the texts that show it, in order."""
    digest = hashlib.sha256(change_id.encode("utf-8"))
    for part in parts:
        digest.update(part.encode("utf-8"))
    return digest.hexdigest()[:10]


def _explained(finding: ProseFinding, local: list[FactChange]) -> bool:
    """A prose finding the section's declared-fact changes already say (the writer declared it)."""
    if finding.kind is ProseKind.HIDDEN_TEXT:
        return False
    kinds = {c.kind for c in local}
    if finding.implied is None or finding.implied is ChangeKind.PRACTICE_CHANGED:
        # Without a kind of its own, a finding is explained by any fact the writer changed there.
        return any(c.kind is not ChangeKind.REDUCTION for c in local)
    return bool(_EXPLAINED_BY.get(finding.implied, {finding.implied}) & kinds)


# The generic readings of term novelty: a kind of data, a purpose or a scope new to the section, found because the
# lexicon names it, whatever the sentence does with it.
_GENERIC = frozenset({ChangeKind.NEW_DATA_CATEGORY, ChangeKind.NEW_DATA_USE, ChangeKind.WIDER_SCOPE})
_NEW_WORDS = frozenset({ProseKind.NEW_VALUE, ProseKind.NOW_STATED, ProseKind.WIDER_SCOPE})
_WIDENED = ("widened:", "widened-")


def _generic(finding: Finding) -> bool:
    p = finding.prose
    return p is not None and p.kind in _NEW_WORDS and p.implied in _GENERIC and not (p.key or "").startswith(_WIDENED)


def _specific(finding: Finding) -> bool:
    """A reading of what the sentence does (records a call, deems a yes, ties data to an account …), not a term's
    novelty nor "what the statement says changed" (`ProseKind.PRACTICE`)."""
    p = finding.prose
    return p is not None and not _generic(finding) and p.kind is not ProseKind.PRACTICE \
        and not (p.key or "").startswith(_WIDENED)


def _words_of(text: str) -> list[str]:
    return text.lower().split()


def _within(part: str, whole: str) -> bool:
    """`part`'s words stand together in `whole` ("calls" in "record calls")."""
    small, large = _words_of(part), _words_of(whole)
    return bool(small) and any(large[i:i + len(small)] == small for i in range(len(large) - len(small) + 1))


def _explains(specific: Finding, generic: Finding) -> bool:
    """`specific` tells the fact `generic` found on the same sentence: the same object (the generic value's words
    stand in the specific reading's words, or the other way round; or it is the specific reading's own widened form,
    "widened:spoken-word-recorded"), and the verdict cannot move (its action at least as strong, and no longer a
    notice's advance)."""
    s, g = specific.prose, generic.prose
    assert s is not None and g is not None
    if (s.section, s.sentence) != (g.section, g.sentence) or generic.action.weight > specific.action.weight:
        return False
    if generic.action is Action.NOTIFY and specific.action is Action.NOTIFY \
            and generic.advance_days > specific.advance_days:
        return False
    key = g.key or ""
    if key.startswith(_WIDENED):
        return key[len("widened:"):] == (s.key or "")
    said = " ".join((*s.words, s.value))
    return _within(g.value, said) or any(_within(w, g.value) for w in s.words)


def _folded(texts: list[Finding]) -> list[Finding]:
    """One finding per fact (fragile41): where a specific reading explains a changed sentence, the generic
    term-novelty findings on the same sentence and object (a new kind of data "calls", the reading's own widened
    form) are folded into it, kept as its detail (`Finding.folded`) for the check report. Folded only where the
    specific finding's action is at least the generic one's, so the verdict never changes."""
    specific = [f for f in texts if _specific(f)]
    if not specific or len(texts) < 2:
        return texts
    into: dict[int, list[Finding]] = {}
    gone: set[int] = set()
    for i, finding in enumerate(texts):
        if _specific(finding) or not (_generic(finding) or (finding.prose and (finding.prose.key or "").startswith(
                _WIDENED))):
            continue
        host = next((k for k, f in enumerate(texts) if f in specific and _explains(f, finding)), None)
        if host is not None:
            into.setdefault(host, []).append(finding)
            gone.add(i)
    return [replace(f, folded=f.folded + tuple(into[i])) if i in into else f
            for i, f in enumerate(texts) if i not in gone]


# A verb that moves or keeps data somewhere ("transferred to", "stored in", "hosted in", "sent to", "accessed from").
_MOVED = re.compile(r"\b(?:transfer\w*|stor(?:e|ed|es|ing|age)|host\w*|sen[dt]s?|sending|mov(?:e|ed|es|ing)|"
                    r"process(?:ed|es|ing)?|access(?:ed|es|ing)?|kept|keep|transmit\w*|export\w*)\b", re.IGNORECASE)


def _moves_abroad(finding: ProseFinding, terms: Lexicon | None) -> bool:
    """A changed sentence that moves data to a country or abroad ("Data of users in mainland China is now also
    transferred to the United States"): what the statement says of a transfer changed, whatever item its first
    claim names. Its destination may be a country the statement already named for other data; a transfer of data
    that did not go there before is a new transfer all the same (PIPL Art. 38-39: separate consent)."""
    if finding.kind is not ProseKind.PRACTICE or not finding.sentence or not _MOVED.search(finding.sentence):
        return False
    if finding.item is Item.TRANSFERS:
        return True
    from .terms import lexicon, stem, tokens

    words = tokens(finding.sentence)
    found = (terms or lexicon()).find([stem(w) for w in words], words)
    return any(m.term.item is Item.TRANSFERS and not m.term.key.startswith("safeguard:") for m in found)


def _judge_any(kinds: Iterable[ChangeKind], laws: tuple[str, ...], rules: RuleTable) -> tuple[Action, tuple[Rule, ...]]:
    """Per law, the strongest of its rules for any of `kinds` (the first on a tie, with its longer notice)."""
    best: dict[str, Rule] = {}
    for kind in kinds:
        for rule in rules.rules_for(laws, kind):
            seen = best.get(rule.law)
            if seen is None or (rule.action.weight, rule.advance_days) > (seen.action.weight, seen.advance_days):
                best[rule.law] = rule
    found = tuple(best.values())
    return Action.strongest(r.action for r in found), found


def _text_finding(finding: ProseFinding, laws: tuple[str, ...], rules: RuleTable,
                  terms: Lexicon | None = None) -> Finding:
    if finding.implied is ChangeKind.PRACTICE_CHANGED and _moves_abroad(finding, terms):
        # A transfer told anew is judged as a new transfer too (GDPR Art. 13(1)(f); LGPD Art. 33; PIPL Art. 39).
        action, applied = _judge_any((ChangeKind.NEW_TRANSFER_COUNTRY, ChangeKind.PRACTICE_CHANGED), laws, rules)
        action = Action.strongest([action, Action.REVIEW])
    elif finding.implied is not None:
        action, applied = _judge(finding.implied, laws, rules, finding.key)
        action = Action.strongest([action, Action.REVIEW])
    else:
        action, applied = Action.REVIEW, ()
    return Finding(finding.id, finding.implied, Origin.TEXT, f"needs legal review: {finding.describe()}",
                   (finding.section,), action, applied, finding.words, prose=finding)


def statement_verdict(statement: str, old_docs: dict[str, ResolvedDocument], new_docs: dict[str, ResolvedDocument],
                      laws_of, rules: RuleTable, old_label: str, new_label: str,
                      terms: Lexicon | None = None, redlines: Mapping[str, Redline] | None = None) -> Verdict:
    """Verdicts for every region present on both sides. `laws_of(region)` gives its laws;
    `terms` is the project's lexicon (the built-in one unless the project adds recipients);
    `redlines`, by region, the redlines from the old documents to the new ones the caller
    already made (a translation's is not its source's: it is made anew)."""
    regions = []
    # (A pasted table read in each of seven regions took minutes: regions with the same texts read them once.)
    readings: dict[tuple[str, str], ProseChanges] = {}
    for region, new in new_docs.items():
        old = old_docs.get(region)
        if old is None:
            continue
        known = (redlines or {}).get(region)
        if new.is_translation or old.is_translation:
            known = None
        regions.append(region_verdict(old, new, laws_of(region), rules, result=known, terms=terms,
                                      readings=readings))
    return Verdict(statement, old_label, new_label, tuple(regions))
