"""`privacykit check`: validate the project; with `--against`, judge the draft like a release would."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..changes.redline import redline
from ..changes.report import verdict_markdown
from ..changes.verdict import Verdict
from ..errors import ContentError, Problem
from ..load.overrides import override_problems, untracked_overrides
from ..load.project import load_project
from ..load.settings import ProjectSettings
from ..model.document import ResolvedDocument
from ..model.statement import Project
from ..publish.owners import changed_by_owner
from ..render.resolve import resolve_all
from ..versions import lookup
from ..versions.gate import draft_verdict, gate_problems, read_release_notes
from ..versions.store import Version, VersionStore


@dataclass
class CheckResult:
    """What `check` found: a one-line summary, the Markdown report (with `--against`), the
    changes that stop a release (`problems`) and what deserves a look (`warnings`)."""

    summary: str
    report: str | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def check(source: Path | str | ProjectSettings, against: str | None = None,
          today: dt.date | None = None) -> CheckResult:
    """Validate everything (raise `ContentError` listing every problem); with `against` (a
    version name), also judge each statement's draft against that release."""
    project = load_project(source)
    documents = resolve_all(project)
    drifted = override_problems(project)
    if drifted:
        raise ContentError(drifted)
    sections = sum(len(s.sections) for s in project.statements.values())
    result = CheckResult(f"ok: {len(project.statements)} statements, {sections} sections, "
                         f"{len(project.regions)} regions, {len(documents)} resolved documents",
                         warnings=untracked_overrides(project))
    if against is None:
        return result
    name = lookup.VersionName.parse(against)
    store = VersionStore(project.paths)
    tampered = store.verify(list(project.statements))
    if tampered:
        raise ContentError(tampered)
    reports = []
    for statement in project.statements:
        drafts = {r: documents[(s, r)] for s, r in documents if s == statement}
        version = lookup.find(store.versions(statement), name, today or dt.date.today())
        if version is None and name.selector is lookup.Selector.DATE:
            store.get(statement, str(name))  # raises, naming the known versions
        if version is None:
            reports.append(f"## Privacy statement `{statement}`\n\n{_nothing_to_compare(store, statement)}\n")
            if store.versions(statement):
                result.warnings.append(Problem(
                    store.shown(store.folder(statement)), None,
                    f"no release of '{statement}' is {name}: its draft was not judged",
                    "pass --against latest (what the next release is judged against) or a release date"))
            continue
        verdict = draft_verdict(project, store, statement, version, drafts=drafts)
        reports.append(_statement_report(project, store, verdict, version, drafts))
        notes_path = project.paths.release_notes(statement)
        result.problems.extend(gate_problems(verdict, read_release_notes(notes_path, project.paths.shown(notes_path))))
    result.report = "\n".join(reports)
    return result


def _nothing_to_compare(store: VersionStore, statement: str) -> str:
    if not store.versions(statement):
        return "Not released yet: nothing to compare."
    return "No release to compare with."


def _statement_report(project: Project, store: VersionStore, verdict: Verdict, version: Version,
                      drafts: dict[str, ResolvedDocument]) -> str:
    """The verdict of one statement's draft, the default region's redline and who must review."""
    statement = verdict.statement
    region = project.default_region
    result = redline(store.document(version, region), drafts[region], version.id, "draft") \
        if region in version.regions else None
    owner_of = {s.id: s.base.owner for s in project.statements[statement].sections.values()}
    owners: dict[str, list[str]] = {}
    for rid in version.regions:
        if rid in drafts:
            changed = redline(store.document(version, rid), drafts[rid])
            for owner, ids in changed_by_owner(changed, owner_of).items():
                owners[owner] = sorted(set(owners.get(owner, [])) | set(ids))
    return verdict_markdown(verdict, {region: result} if result and result.changed else {}, owners)
