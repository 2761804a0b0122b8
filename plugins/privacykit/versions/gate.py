"""The gate: what a draft changes against a release, and whether it may be published.

Used by `privacykit check --against` (CI on a pull request) and by
`privacykit release`, so both refuse the same unacknowledged changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..changes.verdict import Acknowledgement, Verdict, parse_acknowledgements, statement_verdict, unacknowledged
from ..errors import Problem
from ..load.frontmatter import split_front_matter
from ..load.yamlio import plain, read_text
from ..model.document import ResolvedDocument
from ..model.statement import Project
from ..render.resolve import resolve
from .store import Version, VersionStore

NOTES_FILE = "release-notes.md"


@dataclass(frozen=True)
class ReleaseNotes:
    path: Path
    shown: str
    text: str
    meta: dict
    acknowledgements: tuple[Acknowledgement, ...]
    problems: tuple[Problem, ...]
    located: Any = None          # the front matter as read, with line numbers (for messages)


def draft_notes_path(project: Project, statement: str) -> Path:
    """Where the draft's release notes live: statements/<statement>/release-notes.md."""
    return Path(project.root) / "statements" / statement / NOTES_FILE


def read_release_notes(path: Path | None, shown: str | None = None) -> ReleaseNotes:
    """Release notes with their front matter; a missing file is empty notes."""
    if path is None or not path.exists():
        return ReleaseNotes(path or Path(NOTES_FILE), shown or NOTES_FILE, "", {}, (), ())
    shown = shown or path.as_posix()
    text = read_text(path, shown)
    meta: dict = {}
    located = None
    if text.startswith("---"):
        located = split_front_matter(text, shown).meta
        meta = plain(located)
    acks, problems = parse_acknowledgements(meta, shown)
    return ReleaseNotes(path, shown, text, meta, tuple(acks), tuple(problems), located)


def documents_of(project: Project, store: VersionStore, statement: str,
                 version: Version) -> dict[str, ResolvedDocument]:
    return {region: store.document(version, region) for region in version.regions if region in project.regions}


def draft_verdict(project: Project, store: VersionStore, statement: str, against: Version,
                  new_label: str = "draft", drafts: dict[str, ResolvedDocument] | None = None) -> Verdict:
    """The verdict of the draft (or `drafts`) against release `against`, in every region."""
    drafts = drafts or {r.id: resolve(project, statement, r.id) for r in project.regions}
    return statement_verdict(statement, documents_of(project, store, statement, against), drafts,
                             project.regions.laws, project.rules, against.id, new_label)


def resolve_against(project: Project, store: VersionStore, statement: str, name: str,
                    today: dt.date | None = None) -> Version | None:
    """The release called `name` (a date, `in-force` or `latest`); None when there is none yet."""
    versions = store.versions(statement)
    if not versions:
        return None
    if name == "latest":
        return versions[-1]
    if name == "in-force":
        return store.in_force(versions, today or dt.date.today()) or versions[0]
    return store.get(statement, name)


def gate_problems(verdict: Verdict, notes: ReleaseNotes) -> list[Problem]:
    return list(notes.problems) + unacknowledged(verdict, list(notes.acknowledgements), notes.shown)


