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
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, UsageError
from ..load.importer import split_policy
from ..load.project import load_project
from ..load.yamlio import read_text
from ..model.statement import STATEMENT_ID
from .release import release
from .store import VersionStore

_DATED = re.compile(r"^(\d{4}-\d{2}-\d{2})")
MINIMAL_REGIONS = "# Regions of this project.\nregions:\n  global:\n    name: Global\n    locale: en-US\n"


@dataclass
class ImportReport:
    statement: str
    released: list[str]
    skipped: list[tuple[str, str]]


def dated_files(folder: Path) -> list[tuple[dt.date, Path]]:
    """History files named by date (`2024-03-05.md`, `2024-03-05T003310Z.md`), oldest first."""
    found = []
    for path in sorted(folder.iterdir()):
        m = _DATED.match(path.name)
        if path.is_file() and path.suffix == ".md" and m:
            found.append((dt.date.fromisoformat(m.group(1)), path))
    return found


def _write(root: Path, files: dict[str, str], statement_id: str) -> None:
    target = root / "statements" / statement_id
    if target.exists():
        shutil.rmtree(target)
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def import_policy(root: Path, policy: Path, statement_id: str, history: Path | None = None,
                  progress=None) -> ImportReport:
    """Import `policy` as statement `statement_id` with the releases found in `history`."""
    root = Path(root)
    if not STATEMENT_ID.match(statement_id):
        raise UsageError(Problem("--statement", None, f"invalid statement id '{statement_id}'",
                                 "use lowercase letters, digits, '-' or '_'"))
    for existing in (root / "statements" / statement_id, root / "versions" / statement_id):
        if existing.exists():
            raise UsageError(Problem(existing.relative_to(root).as_posix(), None, "already exists",
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
    with tempfile.TemporaryDirectory(prefix=".privacykit-import-", dir=root) as tmp:
        work = Path(tmp)
        regions = root / "statements" / "regions.yml"
        (work / "statements").mkdir()
        (work / "statements" / "regions.yml").write_text(
            regions.read_text("utf-8") if regions.exists() else MINIMAL_REGIONS, encoding="utf-8")
        store = VersionStore(work)
        for n, (day, path) in enumerate(sorted(by_day.items())):
            if progress:
                progress(n + 1, len(by_day), path.name)
            imported = split_policy(read_text(path, path.as_posix()), path.as_posix())
            _write(work, imported.files(statement_id), statement_id)
            try:
                release(load_project(work), store, statement_id, day.isoformat(), today=max(day, dt.date.today()),
                        gate=False)
                report.released.append(day.isoformat())
            except UsageError as exc:
                report.skipped.append((path.name, exc.problems[0].message))
        _write(work, current.files(statement_id), statement_id)
        load_project(work)  # the imported draft must be valid before anything is moved
        (root / "statements").mkdir(parents=True, exist_ok=True)
        if not regions.exists():
            shutil.move(str(work / "statements" / "regions.yml"), str(regions))
        shutil.move(str(work / "statements" / statement_id), str(root / "statements" / statement_id))
        if (work / "versions" / statement_id).exists():
            (root / "versions").mkdir(exist_ok=True)
            shutil.move(str(work / "versions" / statement_id), str(root / "versions" / statement_id))
    return report
