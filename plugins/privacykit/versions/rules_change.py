"""The gate on the rules themselves (gov44): a change that weakens the project's rule table.

The rule table decides whether a change needs notice or consent; a pull request that adds
`statements/rules.yml` with `new_transfer_country: {action: none}` and a new transfer country in
the same change would otherwise pass its own gate, the new country filed under "no decision
needed". `check --against` compares the project's rules with the rules of a base — the base
branch (`--rules-base REF`, or `origin/$GITHUB_BASE_REF` on a GitHub pull request), else the
commit that last changed the releases (the rules of the last release) — and every entry the
change weakens (a lighter action, fewer days of notice, fewer special categories) stops the gate
until a statement's release notes acknowledge it (`change: rules:<law>:<kind>`) with a reason.
The report shows the rule diff and the findings of this change each weakened rule judges.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..changes.verdict import Acknowledgement, Verdict, reason_says_nothing
from ..errors import ContentError, Problem
from ..model.rules import ChangeKind, Rule, RuleTable
from ..model.statement import Project
from . import git

PREFIX = "rules:"


@dataclass(frozen=True)
class RulesBase:
    """Where the rules compared with came from (`label`) and the table read there; `problem` when a base was
    asked for and cannot be read (the gate fails), `note` when none could be found (the report says so)."""

    label: str = ""
    table: RuleTable | None = None
    problem: Problem | None = None
    note: str = ""


@dataclass(frozen=True)
class RuleChange:
    law: str
    kind: ChangeKind
    before: Rule | None
    after: Rule | None
    weaker: bool

    @property
    def id(self) -> str:
        return f"{PREFIX}{self.law}:{self.kind.value}"


def rules_base(project: Project, ref: str | None = None) -> RulesBase:
    """The rule table of the base: `ref`, else `origin/$GITHUB_BASE_REF`, else the commit that last changed
    the releases. A project outside git compares with nothing (a note, unless a base was asked for)."""
    from ..load.rules import load_rules

    paths = project.paths
    shown = paths.shown(paths.rules)
    asked = ref or (f"origin/{os.environ['GITHUB_BASE_REF']}" if os.environ.get("GITHUB_BASE_REF") else None)
    top = git.top(paths.root)
    if top is None:
        if asked:
            return RulesBase(problem=Problem(shown, None, f"cannot compare the rules with {asked}: the project is "
                                             "not in a git repository", "run the check in the repository's clone"))
        return RulesBase(note="not compared with a base (the project is not in a git repository)")
    if asked is None:
        if git.run(paths.root, "rev-parse", "--is-shallow-repository") == "true\n":
            return RulesBase(note="not compared with the last release (a shallow clone has no history): pass "
                                  "--rules-base REF, or fetch the history")
        last = (git.run(paths.root, "log", "-1", "--format=%H", "--", paths.shown(paths.versions) + "/") or "").strip()
        if not last:
            return RulesBase(note="not compared (no release is committed yet)")
        asked, label = last, f"the last release's commit {last[:10]}"
    else:
        label = asked
    if not git.knows_commit(paths.root, asked):
        if ref is None and not paths.rules.exists():
            # (the base branch of a pull request, not fetched, and no rule file of the project's own: the shipped
            # defaults, which a pull request changes only by adding the file; that addition fails below)
            return RulesBase(note=f"not compared: {asked} is not fetched here, and the project has no rule file")
        return RulesBase(problem=Problem(shown, None, f"cannot compare the rules with {asked}: no such commit here",
                                         "fetch it first (git fetch origin <branch>; the example workflow does) "
                                         "or name another with --rules-base"))
    try:
        relative = Path(paths.rules).resolve().relative_to(top).as_posix()
    except ValueError:
        return RulesBase(note="not compared (the rule file is outside the repository)")
    text = git.run(paths.root, "show", f"{asked}:{relative}")
    try:
        if text is None:       # no rule file at the base: the shipped defaults
            return RulesBase(label, load_rules(None))
        with tempfile.TemporaryDirectory() as folder:
            base_file = Path(folder) / "rules.yml"
            base_file.write_text(text, encoding="utf-8")
            return RulesBase(label, load_rules(base_file, f"{asked}:{relative}"))
    except ContentError as exc:
        return RulesBase(problem=Problem(shown, None, f"the rules at {label} cannot be read "
                                         f"({exc.problems[0].message})", "compare with another base (--rules-base)"))


def _weight(rule: Rule | None) -> tuple[int, int]:
    return (rule.action.weight, rule.advance_days) if rule is not None else (-1, 0)


def _weaker(before: Rule | None, after: Rule | None) -> bool:
    """`after` asks less than `before`: a lighter action, the same with fewer days of notice, a rule removed,
    fewer categories treated as special (the rest go to a lighter `other`)."""
    if before is None:
        return False
    if after is None:
        return True
    if after.action.weight != before.action.weight:
        return after.action.weight < before.action.weight
    if after.advance_days < before.advance_days:
        return True
    narrower = bool(after.special) and (not before.special or not set(before.special) <= set(after.special))
    return narrower or (_weaker(before.other, after.other) if before.other else False)


def rule_changes(before: RuleTable, after: RuleTable) -> list[RuleChange]:
    """Every entry of the rule table that differs, law by law (weaker or not)."""
    changes = []
    for law in sorted(set(before.laws) | set(after.laws)):
        old = before.laws[law].rules if law in before.laws else {}
        new = after.laws[law].rules if law in after.laws else {}
        for kind in sorted(set(old) | set(new), key=lambda k: k.value):
            a, b = old.get(kind), new.get(kind)
            if _shape(a) != _shape(b):
                changes.append(RuleChange(law, kind, a, b, _weaker(a, b)))
    return changes


def _shape(rule: Rule | None) -> tuple | None:
    if rule is None:
        return None
    return (rule.action, rule.advance_days, tuple(rule.special), _shape(rule.other))


def _said(rule: Rule | None) -> str:
    if rule is None:
        return "no rule"
    days = f", {rule.advance_days} days ahead" if rule.advance_days else ""
    special = f", special: {', '.join(rule.special)}" if rule.special else ""
    other = f"; other: {_said(rule.other)}" if rule.other else ""
    return f"{rule.action.value}{days}{special}{other} ({rule.source})"


def judged_by(change: RuleChange, verdicts: list[Verdict]) -> list[str]:
    """The findings of this change that the weakened rule judges (ids as `check` prints them)."""
    found = []
    for verdict in verdicts:
        for finding in verdict.merged_findings():
            judged = change.after is None or any(r.law == change.law for r in finding.rules)
            if finding.kind is change.kind and judged:
                found.append(finding.ref)
    return sorted(set(found))


def rules_gate(base: RulesBase, table: RuleTable, verdicts: list[Verdict],
               acknowledgements: list[tuple[Acknowledgement, str]], shown: str,
               has_rules: bool = True) -> tuple[str, list[Problem]]:
    """The report's section on the rules and what stops the gate: each weakened entry unacknowledged (or
    acknowledged with a reason that says nothing). `acknowledgements`: the `rules:` entries of every
    statement's release notes, with the notes they are in."""
    if base.problem is not None:
        return (f"## Rules\n\n`{shown}`: {base.problem.message}.\n", [base.problem])
    if base.table is None:     # (said only where the project has rules of its own to compare)
        return (f"## Rules\n\n`{shown}`: {base.note}.\n" if has_rules and base.note else ""), []
    changes = rule_changes(base.table, table)
    problems: list[Problem] = []
    by_id = {ack.change: (ack, notes) for ack, notes in acknowledgements}
    for ack, notes in acknowledgements:
        if ack.change not in {c.id for c in changes if c.weaker}:
            problems.append(Problem(notes, ack.line, f"acknowledges '{ack.change}', which weakens no rule since "
                                    f"{base.label}", "remove it (known rule changes: "
                                    + (", ".join(c.id for c in changes if c.weaker) or "none") + ")"))
    if not changes:
        return "", problems
    lines = ["## Rules changed", "",
             f"`{shown}` differs from the rules at {base.label}. A weaker rule stops the release until the release "
             "notes acknowledge it (`change: rules:<law>:<kind>`, the decision the rules now give, and a reason "
             "that says why).", "",
             "| rule | before | after | weaker | this change's findings it judges | acknowledged |",
             "| --- | --- | --- | --- | --- | --- |"]
    for change in changes:
        judged = judged_by(change, verdicts) if change.weaker else []
        given = by_id.get(change.id)
        said = "—"
        if given is not None:
            by = f" (by {given[0].by})" if given[0].by else ""
            said = f"{given[0].decision.value}{by}: {given[0].reason.strip() or 'no reason'}"
        lines.append(f"| `{change.id}` | {_cell(_said(change.before))} | {_cell(_said(change.after))} | "
                     f"{'**weaker**' if change.weaker else 'no'} | {_cell(', '.join(judged)) or '—'} | {_cell(said)} |")
        if not change.weaker:
            continue
        where = f", which judges {', '.join(judged)} in this change" if judged else ""
        if given is None:
            problems.append(Problem(shown, None, f"rule '{change.id}' is weaker than at {base.label} "
                                    f"({_said(change.before)} → {_said(change.after)}){where}",
                                    f"restore it, or acknowledge '{change.id}' in the release notes with a decision "
                                    "and a reason (legal owns the rules)"))
        else:
            empty = reason_says_nothing(given[0].reason)
            if empty:
                problems.append(Problem(given[1], given[0].line, f"acknowledgement of '{change.id}' weakens a rule"
                                        f"{where}; its reason, '{given[0].reason.strip()}', {empty}",
                                        "say why the weaker rule is right, in words of your own"))
    return "\n".join(lines) + "\n", problems


def _cell(text: str) -> str:
    from ..changes.report import md_text

    return md_text(text).replace("|", "\\|")
