"""The store of frozen releases: `versions/<statement>/<YYYY-MM-DD>/`.

Each release folder holds::

    manifest.yml          effective date, previous version, summary, regions, verdict, sha256 of every file
                          (its format: docs/manifest.md)
    notes.md              the release notes as written
    regions/<region>.md   the resolved text a reader in that region sees (the legal record)
    regions/<region>.json the same document with its sections and declared facts

A release is immutable: `verify()` recomputes every hash and names each file that
was edited, added or removed after release.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..changes.verdict import RegionVerdict, Verdict
from ..errors import ContentError, Problem, ProblemLog
from ..load.settings import read_settings
from ..load.yamlio import load_yaml, plain, read_text
from ..model.document import ResolvedDocument
from ..model.paths import ProjectPaths

DATE_FOLDER = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MANIFEST = "manifest.yml"
# The format this privacykit writes. A manifest without `manifest_format` is format 1 (all
# manifests written before the key existed); a reader refuses formats newer than its own.
MANIFEST_FORMAT = 1


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Version:
    """One frozen release of a statement (pure data; the store reads and writes it)."""

    statement: str
    effective_date: dt.date
    folder: Path
    shown: str
    previous: dt.date | None = None
    summary: str = ""
    regions: tuple[str, ...] = ()
    files: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    verdict: Verdict | None = None         # None for a first release (nothing to compare with)
    previous_manifest: str | None = None   # sha256 of the previous release's manifest: the chain
    # Per translated region: its language, and how it is published when blocks are not translated.
    translations: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))

    @property
    def id(self) -> str:
        return self.effective_date.isoformat()

    def region_verdict(self, region: str) -> RegionVerdict | None:
        """What this release changed for `region`, as judged when it was made (None for a first release)."""
        return self.verdict.region(region) if self.verdict is not None else None

    def to_manifest(self) -> dict[str, Any]:
        """The manifest's content in the current format (docs/manifest.md)."""
        out: dict[str, Any] = {
            "manifest_format": MANIFEST_FORMAT,
            "statement": self.statement,
            "effective_date": self.id,
            "previous": self.previous.isoformat() if self.previous else None,
        }
        if self.previous_manifest:
            out["previous_manifest"] = self.previous_manifest
        out |= {
            "summary": self.summary,
            "regions": list(self.regions),
        }
        if self.verdict is not None:
            out["verdict"] = self.verdict.to_manifest()
        if self.translations:
            out["translations"] = plain(dict(self.translations))
        out["files"] = dict(self.files)
        return out


class VersionStore:
    """Reads releases under the project's versions folder (`versions/` by default)."""

    def __init__(self, paths: ProjectPaths | Path | str):
        # A bare root reads the project's mkdocs.yml for where its versions are.
        self.paths = paths if isinstance(paths, ProjectPaths) else read_settings(paths).paths
        self.root = self.paths.root
        self.base = self.paths.versions
        self._cache: dict[str, list[Version]] = {}

    def shown(self, path: Path) -> str:
        return self.paths.shown(path)

    def folder(self, statement: str) -> Path:
        return self.paths.releases(statement)

    def versions(self, statement: str) -> list[Version]:
        """Every release of `statement`, oldest first; raise on an unreadable manifest."""
        if statement in self._cache:
            return self._cache[statement]
        folder = self.folder(statement)
        out: list[Version] = []
        log = ProblemLog()
        if folder.is_dir():
            for child in sorted(folder.iterdir()):
                if child.name.startswith("."):
                    continue
                if not child.is_dir() or not DATE_FOLDER.match(child.name):
                    log.add(self.shown(child), None, "not a release folder",
                            "release folders are named YYYY-MM-DD; remove this entry")
                    continue
                try:
                    out.append(self._read(statement, child))
                except ContentError as exc:
                    log.extend(exc.problems)
        log.raise_if_any()
        self._cache[statement] = out
        return out

    def _read(self, statement: str, folder: Path) -> Version:
        path = folder / MANIFEST
        shown = self.shown(path)
        if not path.is_file():
            raise ContentError(Problem(shown, None, "release manifest is missing",
                                       "restore it from version control (releases are immutable)"))
        data = load_yaml(read_text(path, shown), shown, fast=True)
        if not isinstance(data, dict):
            raise ContentError(Problem(shown, 1, "release manifest is not a mapping",
                                       "restore it from version control (releases are immutable)"))
        version = data.get("manifest_format", 1)
        if version != MANIFEST_FORMAT:
            raise ContentError(Problem(shown, None, f"manifest format {version!r} is not one this privacykit reads "
                                       f"(it reads format {MANIFEST_FORMAT})",
                                       "upgrade privacykit to the version that made this release"))
        try:
            effective = dt.date.fromisoformat(str(data["effective_date"]))
            previous = dt.date.fromisoformat(str(data["previous"])) if data.get("previous") else None
            files = {str(k): str(v) for k, v in (data.get("files") or {}).items()}
            regions = tuple(str(r) for r in data.get("regions") or ())
            verdict = Verdict.from_manifest(data["verdict"], statement, effective.isoformat()) \
                if data.get("verdict") else None
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            raise ContentError(Problem(shown, None, f"release manifest is invalid ({exc})",
                                       "restore it from version control (releases are immutable)")) from None
        if effective.isoformat() != folder.name:
            raise ContentError(Problem(shown, None,
                                       f"effective_date {effective} does not match the folder name {folder.name}",
                                       "restore the manifest from version control (releases are immutable)"))
        return Version(statement, effective, folder, self.shown(folder), previous, str(data.get("summary") or ""),
                       regions, MappingProxyType(files), verdict,
                       str(data["previous_manifest"]) if data.get("previous_manifest") else None,
                       MappingProxyType(plain(data.get("translations") or {})))

    def add(self, version: Version) -> None:
        """Record a release just written after the others (what was read of them is kept)."""
        known = self._cache.get(version.statement)
        if known is not None and (not known or known[-1].effective_date < version.effective_date):
            known.append(version)
        else:
            self.forget(version.statement)

    def forget(self, statement: str) -> None:
        """Drop what was read of `statement` (after a new release was written)."""
        self._cache.pop(statement, None)

    def get(self, statement: str, version_id: str) -> Version:
        """The release `version_id` of `statement` (only its manifest is read, unless all were)."""
        folder = self.folder(statement) / version_id
        if statement not in self._cache and DATE_FOLDER.match(version_id) and folder.is_dir():
            return self._read(statement, folder)
        for version in self.versions(statement):
            if version.id == version_id:
                return version
        known = ", ".join(v.id for v in self.versions(statement)) or "none yet"
        raise ContentError(Problem(self.shown(self.folder(statement)), None,
                                   f"no version '{version_id}' of statement '{statement}'",
                                   f"known versions: {known}"))

    def document(self, version: Version, region: str) -> ResolvedDocument:
        """The frozen document of one region."""
        path = version.folder / "regions" / f"{region}.json"
        shown = self.shown(path)
        try:
            data = json.loads(read_text(path, shown))
            return ResolvedDocument.from_dict(data["document"])
        except (ValueError, KeyError, TypeError) as exc:
            raise ContentError(Problem(shown, None, f"frozen document is unreadable ({exc})",
                                       "restore it from version control (releases are immutable)")) from None

    def notes(self, version: Version) -> str:
        path = version.folder / "notes.md"
        return read_text(path, self.shown(path)) if path.exists() else ""

    def statements(self) -> list[str]:
        if not self.base.is_dir():
            return []
        return sorted(p.name for p in self.base.iterdir() if p.is_dir() and not p.name.startswith("."))

    def verify(self, statements: list[str] | None = None) -> list[Problem]:
        """Every file edited, added or removed after release, as problems (empty when intact)."""
        problems: list[Problem] = []
        for statement in statements or self.statements():
            try:
                versions = self.versions(statement)
            except ContentError as exc:
                problems.extend(exc.problems)
                continue
            for version in versions:
                problems.extend(self._verify_version(version))
            problems.extend(self._verify_chain(versions))
        return problems

    def manifest_digest(self, version: Version) -> str:
        """sha256 of a release's manifest, as the next release records it."""
        return sha256((version.folder / MANIFEST).read_bytes())

    def head(self, statement: str) -> str | None:
        """The digest of the latest manifest: it vouches, through the chain, for every release."""
        versions = self.versions(statement)
        return self.manifest_digest(versions[-1]) if versions else None

    def _verify_chain(self, versions: list[Version]) -> list[Problem]:
        """Each release records its predecessor's manifest digest: an edited manifest (a
        verdict, a summary, a file's hash) breaks the link to it."""
        problems = []
        for previous, version in itertools.pairwise(versions):
            if version.previous_manifest and version.previous_manifest != self.manifest_digest(previous):
                problems.append(Problem(
                    self.shown(previous.folder / MANIFEST), None,
                    f"manifest was edited after release {version.id} recorded its hash (sha256 mismatch)",
                    "restore it from version control; releases are immutable (make a new release instead)"))
        return problems

    def _verify_version(self, version: Version) -> list[Problem]:
        problems = []
        hint = "restore it from version control; releases are immutable (make a new release instead)"
        on_disk = {p.relative_to(version.folder).as_posix() for p in version.folder.rglob("*")
                   if p.is_file() and p.name != MANIFEST}
        for rel, expected in sorted(version.files.items()):
            path = version.folder / rel
            shown = self.shown(path)
            if not path.is_file():
                problems.append(Problem(shown, None, "frozen file is missing", hint))
            elif sha256(path.read_bytes()) != expected:
                problems.append(Problem(shown, None, "frozen file was edited after release (sha256 mismatch)", hint))
        for rel in sorted(on_disk - set(version.files)):
            problems.append(Problem(self.shown(version.folder / rel), None,
                                    "file was added to a release after it was made", "remove it"))
        return problems
