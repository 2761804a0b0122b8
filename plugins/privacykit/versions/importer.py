"""`privacykit import`: an existing policy (and its dated history) becomes a statement.

Each earlier version is split into sections and released with its date, oldest
first; the current policy becomes the draft. Everything is written in a
temporary project and moved into place at the end, so a failed import writes
nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import Problem, UsageError, refuse_warnings
from ..load.importer import split_policy
from ..load.project import load_project
from ..load.settings import ProjectSettings, read_settings
from ..load.yamlio import read_text
from ..model.files import STATEMENT_ID
from ..model.paths import ProjectPaths
from .release import release
from .store import VersionStore

_DATED = re.compile(r"^(\d{4}-\d{2}-\d{2})")
MINIMAL_REGIONS = "# Regions of this project.\nregions:\n  global:\n    name: Global\n    locale: en-US\n"


@dataclass
class ImportReport:
    statement: str
    released: list[str]
    skipped: list[tuple[str, str]]    # (history file, why it was not released)

    @property
    def warnings(self) -> list[Problem]:
        return [Problem(name, None, f"not released: {reason}") for name, reason in self.skipped]


def dated_files(folder: Path) -> list[tuple[dt.date, Path]]:
    """History files named by date (`2024-03-05.md`, `2024-03-05T003310Z.md`), oldest first."""
    found = []
    for path in sorted(folder.iterdir()):
        m = _DATED.match(path.name)
        if path.is_file() and path.suffix == ".md" and m:
            found.append((dt.date.fromisoformat(m.group(1)), path))
    return found


def _write(folder: Path, files: dict[str, str]) -> None:
    """Replace the statement folder `folder` with `files` (relative to it)."""
    if folder.exists():
        shutil.rmtree(folder)
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def import_policy(source: Path | str | ProjectSettings, policy: Path, statement_id: str,
                  history: Path | None = None, progress=None, strict: bool = False) -> ImportReport:
    """Import `policy` as statement `statement_id` with the releases found in `history`.

    `source` is the project's settings, or its root (read with its `mkdocs.yml`). With
    `strict`, a history file that cannot be released fails the import (nothing is written).
    """
    settings = source if isinstance(source, ProjectSettings) else read_settings(source)
    paths = settings.paths
    if not STATEMENT_ID.match(statement_id):
        raise UsageError(Problem("--statement", None, f"invalid statement id '{statement_id}'",
                                 "use lowercase letters, digits, '-' or '_'"))
    for existing in (paths.statement(statement_id), paths.releases(statement_id)):
        if existing.exists():
            raise UsageError(Problem(paths.shown(existing), None, "already exists",
                                     "choose another --statement id or remove it first"))
    current = split_policy(read_text(policy, policy.as_posix()), policy.as_posix())
    history_files = dated_files(history) if history else []
    if history is not None and not history_files:
        raise UsageError(Problem(history.as_posix(), None, "no dated Markdown files found",
                                 "name earlier versions YYYY-MM-DD….md"))
    # The last file of a day is that day's version.
    by_day: dict[dt.date, Path] = {}
    for day, path in history_files:
        by_day[day] = path

    report = ImportReport(statement_id, [], [])
    with tempfile.TemporaryDirectory(prefix=".privacykit-import-", dir=paths.root) as tmp:
        # A scratch project with the project's regions, rules and templates: the releases
        # are judged and worded as they would be in place.
        work = replace(ProjectPaths.under(tmp), rules=paths.rules, templates=paths.templates)
        work.statements.mkdir()
        work.regions_file.write_text(paths.regions_file.read_text("utf-8") if paths.regions_file.exists()
                                     else MINIMAL_REGIONS, encoding="utf-8")
        work_settings = replace(settings, paths=work)
        store = VersionStore(work)
        for n, (day, path) in enumerate(sorted(by_day.items())):
            if progress:
                progress(n + 1, len(by_day), path.name)
            imported = split_policy(read_text(path, path.as_posix()), path.as_posix())
            _write(work.statement(statement_id), imported.files())
            try:
                release(load_project(work_settings), store, statement_id, day.isoformat(),
                        today=max(day, dt.date.today()), gate=False)
                report.released.append(day.isoformat())
            except UsageError as exc:
                report.skipped.append((path.name, exc.problems[0].message))
        refuse_warnings(report.warnings, strict)
        _write(work.statement(statement_id), current.files())
        load_project(work_settings)  # the imported draft must be valid before anything is moved
        paths.statements.mkdir(parents=True, exist_ok=True)
        if not paths.regions_file.exists():
            shutil.move(str(work.regions_file), str(paths.regions_file))
        shutil.move(str(work.statement(statement_id)), str(paths.statement(statement_id)))
        if work.releases(statement_id).exists():
            paths.versions.mkdir(parents=True, exist_ok=True)
            shutil.move(str(work.releases(statement_id)), str(paths.releases(statement_id)))
    return report
