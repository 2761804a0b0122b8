"""`privacykit release`: freeze the draft of a statement into a dated release.

The release is written into a hidden temporary folder next to its final place
and renamed into place in one step: a failure leaves `versions/` as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path
from types import MappingProxyType

from ..errors import ContentError, Problem, UsageError
from ..load.frontmatter import split_front_matter
from ..load.yamlio import dump_yaml, plain, read_text
from ..model.document import ResolvedDocument
from ..model.statement import Project
from ..render.dates import parse_iso_date
from ..render.resolve import resolve
from .store import MANIFEST, Version, VersionStore, sha256

# A release may be prepared ahead of its effective date, but not absurdly far ahead.
MAX_DAYS_AHEAD = 366


def frozen_json(document: ResolvedDocument, effective: dt.date) -> str:
    payload = {"effective_date": effective.isoformat(), "document": document.to_dict(),
               "declares": document.facts.to_dict()}
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def same_text(a: ResolvedDocument, b: ResolvedDocument) -> bool:
    """Two documents read the same and declare the same (file paths do not matter)."""
    def strip(doc: ResolvedDocument):
        data = doc.to_dict()
        for section in data["sections"]:
            section.pop("source", None)
        return data
    return strip(a) == strip(b)


def read_notes(path: Path | None, root: Path) -> tuple[str, dict]:
    """Release notes text and their front matter (summary, acknowledgements)."""
    if path is None:
        return "", {}
    shown = path.as_posix()
    text = read_text(path, shown)
    if text.startswith("---"):
        doc = split_front_matter(text, shown)
        return text, plain(doc.meta)
    return text, {}


def release(project: Project, store: VersionStore, statement_id: str, effective: str,
            notes_path: Path | None = None, today: dt.date | None = None) -> Version:
    """Freeze `statement_id` as of `effective` (YYYY-MM-DD); return the new version."""
    if statement_id not in project.statements:
        raise UsageError(Problem("statements", None, f"unknown statement '{statement_id}'",
                                 "use one of: " + ", ".join(project.statements)))
    try:
        effective_date = parse_iso_date(effective, "--effective")
    except ValueError as exc:
        raise UsageError(Problem("--effective", None, str(exc), "write the date as YYYY-MM-DD")) from None
    today = today or dt.date.today()
    if effective_date > today + dt.timedelta(days=MAX_DAYS_AHEAD):
        raise UsageError(Problem("--effective", None,
                                 f"effective date {effective_date} is more than {MAX_DAYS_AHEAD} days ahead",
                                 "release closer to the date the statement takes effect"))
    versions = store.versions(statement_id)
    last = versions[-1] if versions else None
    if last and effective_date <= last.effective_date:
        raise UsageError(Problem("--effective", None,
                                 f"effective date {effective_date} is not after the last release {last.id}",
                                 f"choose a date after {last.id}"))

    documents = {region.id: resolve(project, statement_id, region.id) for region in project.regions}
    if last and set(last.regions) == set(documents) and all(
            same_text(store.document(last, rid), doc) for rid, doc in documents.items()):
        raise UsageError(Problem(f"statements/{statement_id}", None,
                                 f"the draft is unchanged since the release of {last.id}",
                                 "edit the statement before releasing it again"))
    notes, notes_meta = read_notes(notes_path, Path(project.root))

    files: dict[str, bytes] = {"notes.md": notes.encode("utf-8")}
    for rid, document in documents.items():
        files[f"regions/{rid}.md"] = document.to_markdown().encode("utf-8")
        files[f"regions/{rid}.json"] = frozen_json(document, effective_date).encode("utf-8")
    summary = str(notes_meta.get("summary") or "") or _auto_summary(store, last, documents, project)
    version = Version(
        statement=statement_id, effective_date=effective_date,
        folder=store.folder(statement_id) / effective_date.isoformat(),
        shown=store.shown(store.folder(statement_id) / effective_date.isoformat()),
        previous=last.effective_date if last else None, summary=summary, regions=tuple(documents),
        files=MappingProxyType({name: sha256(data) for name, data in sorted(files.items())}),
    )
    _write_atomically(version, files)
    store.forget(statement_id)
    return version


def _auto_summary(store: VersionStore, last: Version | None, documents, project: Project) -> str:
    if last is None:
        return "First release."
    from ..changes.redline import redline

    region = project.default_region if project.default_region in documents else next(iter(documents))
    if region not in last.regions:
        return "New release."
    return redline(store.document(last, region), documents[region]).sentence()


def _write_atomically(version: Version, files: dict[str, bytes]) -> None:
    final = version.folder
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = final.parent / f".{final.name}.tmp-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    try:
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        header = (f"# Release of the '{version.statement}' statement, effective {version.id}.\n"
                  "# Never edit this folder: `privacykit verify` checks every hash below.\n")
        (staging / MANIFEST).write_text(header + dump_yaml(version.to_manifest()), encoding="utf-8")
        if final.exists():
            raise ContentError(Problem(version.shown, None, "release folder already exists",
                                       "choose another effective date"))
        os.rename(staging, final)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
