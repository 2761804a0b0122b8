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
from ..model.translation import BlockState
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
    translation_gaps: list[Problem] = field(default_factory=list)   # stale or untranslated blocks, one line each


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
    gaps, gap_lines, gap_problems = _translations(project)
    untranslated = ""
    if gaps:
        stale = sum(1 for g in gaps if g.state is BlockState.STALE)
        untranslated = (f"; translations: {stale} stale and {len(gaps) - stale} untranslated blocks, "
                        "published as the release notes state")
    result = CheckResult(f"ok: {len(project.statements)} statements, {sections} sections, "
                         f"{len(project.regions)} regions, {len(documents)} resolved documents{untranslated}",
                         problems=gap_problems, warnings=untracked_overrides(project), translation_gaps=gap_lines)
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


def _translations(project: Project) -> tuple[list, list[Problem], list[Problem]]:
    """Stale and untranslated blocks, their lines for the report, and what stops a release: a
    region that would read them while the release notes do not say how it is published."""
    from ..translate.status import gap_report, published_as, translation_gaps
    from ..translate.status import gate_problems as translation_gate

    refused = project.translations.refused() if project.translations is not None else []
    if refused:
        raise ContentError(refused)
    gaps = translation_gaps(project)
    if not gaps:
        return [], [], []
    problems: list[Problem] = []
    for statement in project.statements:
        path = project.paths.release_notes(statement)
        notes = read_release_notes(path, project.paths.shown(path))
        published, wrong = published_as(notes.located or notes.meta, notes.shown, project.regions)
        folder = project.paths.shown(project.paths.statement(statement)) + "/"
        problems += wrong + translation_gate([g for g in gaps if g.source_file.startswith(folder)], published,
                                             notes.shown)
    return gaps, gap_report(gaps), problems


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
