"""The store of frozen releases: `versions/<statement>/<YYYY-MM-DD>/`.

Each release folder holds::

    manifest.yml          effective date, previous version, summary, regions, verdict, sha256 of every file
                          (its format: docs/manifest.md)
    notes.md              the release notes as written
    regions/<region>.md   the resolved text a reader in that region sees (the legal record)
    regions/<region>.json the same document with its sections and declared facts
    manifest.yml.sig      the SSH signature of manifest.yml (optional; not hashed: it signs the manifest)
    manifest.yml.tsr      an RFC 3161 timestamp of manifest.yml (optional; not hashed either)

A release is immutable: `verify()` recomputes every hash and names each file that
was edited, added or removed after release. Each manifest records its predecessor and
the sha256 of its manifest, and the first release records none: the latest manifest (the
head) commits to the whole history, so a release deleted, inserted or forged at the start
of it is named.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import itertools
import json
import os
import re
import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..changes.verdict import RegionVerdict, Verdict
from ..errors import ContentError, Problem, ProblemLog
from ..load.settings import read_settings
from ..load.yamlio import load_yaml, plain, read_text
from ..model.document import ResolvedDocument
from ..model.paths import ProjectPaths

if TYPE_CHECKING:
    from ..evidence.settings import EvidenceSettings

DATE_FOLDER = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MANIFEST = "manifest.yml"
# The format this privacykit writes. A manifest without `manifest_format` is format 1 (all
# manifests written before the key existed); a reader refuses formats newer than its own.
MANIFEST_FORMAT = 1
SIGNATURE = "manifest.yml.sig"      # signs the manifest: not one of the hashed files
TIMESTAMP = "manifest.yml.tsr"      # a timestamp of the manifest: not hashed either
ATTESTATIONS = (SIGNATURE, TIMESTAMP)
# A release being written: `.<date>.tmp-<pid>` next to its final folder; a release a withdrawal took out of
# the history in one rename, being removed: `.<date>.withdrawn-<pid>` (withdraw44).
STAGING = re.compile(r"^\.\d{4}-\d{2}-\d{2}\.(tmp|withdrawn)-\d+$")
# Withdrawn releases (release43): `<statement>/withdrawn/<date>[-n]/` holds the withdrawal's own
# `manifest.yml` (signed like a release's) and, under `release/`, the release as it was made.
WITHDRAWN = "withdrawn"
WITHDRAWAL_FORMAT = 1
# How long a release waits for another release of the same statement to finish.
LOCK_TIMEOUT_SECONDS = 120.0


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
    # The releases (this one included, when it was made with an authority) that carried an
    # RFC 3161 token when this one was made: a token later removed is then missed by `verify`.
    timestamped: tuple[str, ...] = ()
    released: dt.date | None = None     # the day the release was made (None in manifests made before gate43)
    # The withdrawals on record when this release was made: folder name under withdrawn/ -> the
    # sha256 of its manifest, so a withdrawal deleted afterwards is named by `verify`.
    withdrawn: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    # evidence44: why a release was made after its effective date on purpose (--record-past), and
    # whether it is imported history (`privacykit import`), which records what was published, later.
    recorded_past: str | None = None
    imported: bool = False
    # bundle45: per region, what a reader there read (`versions.regional.Published` in manifest form: its
    # language, text fingerprint and facts digest); empty in manifests made before it was kept.
    texts: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    # A region the release before left out and this one restores -> the release whose text its verdict compared
    # with (`gate.judged_against`: the region's last published text), where the verdict's `against` is not it.
    restored: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))

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
        if self.timestamped:
            out["timestamped"] = list(self.timestamped)
        if self.released:
            out["released"] = self.released.isoformat()
        if self.withdrawn:
            out["withdrawn"] = dict(self.withdrawn)
        if self.recorded_past:
            out["recorded_past"] = self.recorded_past
        if self.imported:
            out["imported"] = True
        if self.texts:
            out["texts"] = plain(dict(self.texts))
        if self.restored:
            out["restored"] = dict(self.restored)
        out["files"] = dict(self.files)
        return out


@dataclass(frozen=True)
class Withdrawal:
    """A release withdrawn before it took effect (release43): never published nor notified, kept on the
    record with why and when; the chain goes on from the release it followed (`previous`)."""

    statement: str
    release: dt.date               # the withdrawn release's effective date
    folder: Path                   # withdrawn/<name>/: the withdrawal's manifest, the release under release/
    shown: str
    reason: str
    withdrawn_on: dt.date
    release_manifest: str          # sha256 of the withdrawn release's manifest
    previous: dt.date | None = None
    # The recall notices written with it (withdraw44): `notices/<region>.email.md` / `.inapp.txt` -> sha256,
    # one per region the withdrawn release had notices for.
    files: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    # A release made on a branch beside another one that followed the same release (chain44): both came into
    # main in one merge, and the team states this one was never published (the site publishes from main).
    # It may be past its date; `beside` is the release the other branch made.
    unpublished: bool = False
    beside: dt.date | None = None
    timestamped: bool = False      # made with an RFC 3161 token (evidence44): `verify` refuses it gone
    by: str | None = None          # who decided the withdrawal (evidence44; optional)

    @property
    def id(self) -> str:
        return self.release.isoformat()

    @property
    def name(self) -> str:
        return self.folder.name

    def to_manifest(self) -> dict[str, Any]:
        return {"withdrawal_format": WITHDRAWAL_FORMAT, "statement": self.statement,
                "withdrawn_release": self.id, "release_manifest": self.release_manifest,
                "previous": self.previous.isoformat() if self.previous else None,
                "withdrawn_on": self.withdrawn_on.isoformat(), "reason": self.reason} \
            | ({"unpublished": True} if self.unpublished else {}) \
            | ({"beside": self.beside.isoformat()} if self.beside else {}) \
            | ({"files": dict(sorted(self.files.items()))} if self.files else {}) \
            | ({"by": self.by} if self.by else {}) | ({"timestamped": True} if self.timestamped else {})

    def recall_regions(self) -> list[str]:
        """The regions whose readers were told of the withdrawn release and get a recall notice."""
        return notice_regions(self.files)


def version_from_manifest(data: object, statement: str, folder: Path, shown: str, shown_folder: str) -> Version:
    """The release a manifest's content (`data`, read from `shown`) records; one line when it is not one.
    Evidence bundles read the manifests they hold with it too (bundle45)."""
    if not isinstance(data, dict):
        raise ContentError(Problem(shown, 1, "release manifest is not a mapping",
                                   "restore it from version control (releases are immutable)"))
    form = data.get("manifest_format", 1)
    if form != MANIFEST_FORMAT:
        raise ContentError(Problem(shown, None, f"manifest format {form!r} is not one this privacykit reads "
                                   f"(it reads format {MANIFEST_FORMAT})",
                                   "upgrade privacykit to the version that made this release"))
    try:
        effective = dt.date.fromisoformat(str(data["effective_date"]))
        previous = dt.date.fromisoformat(str(data["previous"])) if data.get("previous") else None
        files = {str(k): str(v) for k, v in (data.get("files") or {}).items()}
        regions = tuple(str(r) for r in data.get("regions") or ())
        timestamped = tuple(str(r) for r in data.get("timestamped") or ())
        released = dt.date.fromisoformat(str(data["released"])) if data.get("released") else None
        withdrawn = {str(k): str(v) for k, v in (data.get("withdrawn") or {}).items()}
        texts = {str(k): dict(v) for k, v in (data.get("texts") or {}).items()}
        restored = {str(k): dt.date.fromisoformat(str(v)).isoformat() for k, v in (data.get("restored") or {}).items()}
        verdict = Verdict.from_manifest(data["verdict"], statement, effective.isoformat()) \
            if data.get("verdict") else None
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise ContentError(Problem(shown, None, f"release manifest is invalid ({exc})",
                                   "restore it from version control (releases are immutable)")) from None
    return Version(statement, effective, folder, shown_folder, previous, str(data.get("summary") or ""),
                   regions, MappingProxyType(files), verdict,
                   str(data["previous_manifest"]) if data.get("previous_manifest") else None,
                   MappingProxyType(plain(data.get("translations") or {})), timestamped, released,
                   MappingProxyType(withdrawn), str(data["recorded_past"]) if data.get("recorded_past") else None,
                   data.get("imported") is True, MappingProxyType(plain(texts)), MappingProxyType(restored))


def notice_region(name: str) -> str | None:
    """The region a notice among a folder's files is for (`notices/<region>.email.md`, `.inapp.txt`: a release's
    notices, a withdrawal's recalls), or None when `name` is no notice."""
    folder, _, rest = name.partition("/")
    return rest.split(".", 1)[0] if folder == "notices" and rest and "/" not in rest else None


def notice_regions(files: Iterable[str]) -> list[str]:
    """The regions of the notices among a folder's files (`notice_region`)."""
    return sorted({region for name in files if (region := notice_region(name))})


class VersionStore:
    """Reads releases under the project's versions folder (`versions/` by default)."""

    def __init__(self, paths: ProjectPaths | Path | str):
        # A bare root reads the project's mkdocs.yml for where its versions are.
        self.paths = paths if isinstance(paths, ProjectPaths) else read_settings(paths).paths
        self.root = self.paths.root
        self.base = self.paths.versions
        self._cache: dict[str, list[Version]] = {}
        # Manifests read, by path, with the stat they were read at: releasing re-reads the
        # list of releases each time (another process may have added one), but a long
        # history reads each unchanged manifest once.
        self._manifests: dict[Path, tuple[tuple[int, int, int, int], Version]] = {}
        self.attestations: dict[tuple[str, str], Any] = {}   # (statement, id) -> Attestation, from verify()
        self._written: dict[Path, dict[str, str]] = {}   # release folder -> its summary's translations
        self._evidence: EvidenceSettings | None = None     # versions/evidence.yml, once read

    def evidence(self) -> EvidenceSettings:
        """The project's evidence settings (`versions/evidence.yml`: signers, timestamping), read once a store;
        a `ContentError` when they cannot be read."""
        if self._evidence is None:
            from ..evidence.settings import load_evidence_settings

            self._evidence = load_evidence_settings(self.base, self.root)
        return self._evidence

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
                if child.name.startswith(".") or (child.name == WITHDRAWN and child.is_dir()):
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
        try:
            stat = path.stat()
        except OSError:
            stat = None
        if stat is None or not path.is_file():
            raise ContentError(Problem(self.shown(path), None, "release manifest is missing",
                                       "restore it from version control (releases are immutable)"))
        key = (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
        known = self._manifests.get(path)
        if known is not None and known[0] == key and known[1].statement == statement:
            return known[1]
        version = self._parse(statement, folder, path)
        self._manifests[path] = (key, version)
        return version

    def _parse(self, statement: str, folder: Path, path: Path, check_folder: bool = True) -> Version:
        shown = self.shown(path)
        data = load_yaml(read_text(path, shown, limit=None), shown, fast=True)
        version = version_from_manifest(data, statement, folder, shown, self.shown(folder))
        if check_folder and version.id != folder.name:
            raise ContentError(Problem(shown, None,
                                       f"effective_date {version.id} does not match the folder name {folder.name}",
                                       "restore the manifest from version control (releases are immutable)"))
        return version

    def withdrawals(self, statement: str) -> tuple[list[Withdrawal], list[Problem]]:
        """The withdrawn releases of `statement`, oldest withdrawal first, and the problems reading them."""
        folder = self.folder(statement) / WITHDRAWN
        out: list[Withdrawal] = []
        problems: list[Problem] = []
        if not folder.is_dir():
            return out, problems
        for child in sorted(folder.iterdir()):
            if child.name.startswith("."):
                continue
            shown = self.shown(child / MANIFEST)
            try:
                data = load_yaml(read_text(child / MANIFEST, shown, limit=None), shown, fast=True)
                if not isinstance(data, dict) or data.get("withdrawal_format") != WITHDRAWAL_FORMAT:
                    raise ValueError("not a withdrawal manifest of a format this privacykit reads")
                out.append(Withdrawal(
                    statement, dt.date.fromisoformat(str(data["withdrawn_release"])), child, self.shown(child),
                    str(data.get("reason") or ""), dt.date.fromisoformat(str(data["withdrawn_on"])),
                    str(data["release_manifest"]),
                    dt.date.fromisoformat(str(data["previous"])) if data.get("previous") else None,
                    MappingProxyType({str(k): str(v) for k, v in (data.get("files") or {}).items()}),
                    data.get("unpublished") is True,
                    dt.date.fromisoformat(str(data["beside"])) if data.get("beside") else None,
                    data.get("timestamped") is True, str(data["by"]) if data.get("by") else None))
            except ContentError as exc:
                problems.extend(exc.problems)
            except (KeyError, ValueError, TypeError, AttributeError) as exc:
                problems.append(Problem(shown, None, f"withdrawal manifest is invalid ({exc})",
                                        "restore it from version control (withdrawals are kept on the record)"))
        out.sort(key=lambda w: (w.withdrawn_on, w.name))
        return out, problems

    def withdrawn_release(self, withdrawal: Withdrawal) -> Version:
        """The release a withdrawal keeps, as it was made."""
        return self._parse(withdrawal.statement, withdrawal.folder / "release",
                           withdrawal.folder / "release" / MANIFEST, check_folder=False)

    @contextmanager
    def locked(self, statement: str, timeout: float | None = None) -> Iterator[None]:
        """Hold the exclusive lock of `statement`'s releases; read them afresh inside it.

        Two releases of one statement at once would both follow the same predecessor and
        break the chain: the second waits for the first, then sees its release. The lock
        is the statement's folder itself (`flock`), so no lock file is left behind. Inside
        it no other release is being written, so the staging folders of a killed one are
        removed.
        """
        folder = self.folder(statement)
        deadline = time.monotonic() + (LOCK_TIMEOUT_SECONDS if timeout is None else timeout)
        while True:
            created = not folder.exists()
            folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                _lock(fd, deadline, self.shown(folder))
                # The folder may have been removed (and made anew) while this waited.
                if os.path.exists(folder) and os.path.samestat(os.fstat(fd), os.stat(folder)):
                    break
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)
        try:
            for stale in folder.iterdir():
                if STAGING.match(stale.name) and stale.is_dir() and not stale.is_symlink():
                    shutil.rmtree(stale, ignore_errors=True)
            self.forget(statement)
            yield
        finally:
            self.forget(statement)
            if created and not any(folder.iterdir()):
                folder.rmdir()      # a first release that failed leaves nothing behind
            os.close(fd)

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
        """The frozen document of one region. Its `.md` (the legal record) and `.json` (the same document with
        its sections and facts, which readers render from) are checked against the manifest first (evidence44):
        an edited release is refused in one line naming `privacykit verify`, never read silently."""
        path = version.folder / "regions" / f"{region}.json"
        shown = self.shown(path)
        for rel in (f"regions/{region}.md", f"regions/{region}.json"):
            expected = version.files.get(rel)
            frozen = version.folder / rel
            if expected is not None and frozen.is_file() and sha256(frozen.read_bytes()) != expected:
                raise ContentError(Problem(self.shown(frozen), None, "frozen file was edited after release (sha256 "
                                           "mismatch), so it is not read", "run privacykit verify, and restore the "
                                           "release from version control (releases are immutable)"))
        try:
            data = json.loads(read_text(path, shown, limit=None))
            return ResolvedDocument.from_dict(data["document"])
        except (ValueError, KeyError, TypeError) as exc:
            raise ContentError(Problem(shown, None, f"frozen document is unreadable ({exc})",
                                       "restore it from version control (releases are immutable)")) from None

    def notes(self, version: Version) -> str:
        path = version.folder / "notes.md"
        return read_text(path, self.shown(path), limit=None) if path.exists() else ""

    def summary_translations(self, version: Version) -> dict[str, str]:
        """The translations of `version`'s summary its release notes wrote (`summary_translations`,
        kept in its `notes.md`), by language; none when the summary is not the notes' own (an
        automatic summary) or the notes have no front matter."""
        key = version.folder
        if key not in self._written:
            self._written[key] = _written_summaries(self.notes(version), version.summary, self.shown(key))
        return self._written[key]

    def statements(self) -> list[str]:
        if not self.base.is_dir():
            return []
        return sorted(p.name for p in self.base.iterdir() if p.is_dir() and not p.name.startswith("."))

    def verify(self, statements: list[str] | None = None, signatures: bool = True,
               trusted: Path | None = None) -> list[Problem]:
        """Every file edited, added or removed after release, every break in the chain of
        releases, and every signature or timestamp missing or failing, as problems (empty when
        intact). With `signatures` False, missing signatures are not problems (to sign them).
        Signatures are trusted only by keys `trusted` (else $PRIVACYKIT_TRUSTED_SIGNERS) names,
        when either is given: the repository's allowed_signers is content anyone may edit."""
        from ..evidence.attest import check_release, timestamp_records
        from ..evidence.signing import SignatureError, load_pin

        problems: list[Problem] = []
        try:
            settings = self.evidence()
            pin = load_pin(trusted)
        except ContentError as exc:
            return list(exc.problems)
        except SignatureError as exc:
            return [Problem(str(trusted) if trusted else "--trusted-signers", None, str(exc),
                            "give an allowed_signers file or SHA256: fingerprints kept outside the repository")]
        from ..render import dates

        today = dates.clock_today()     # (UTC, as releases are judged: fix44)
        for statement in statements or self.statements():
            try:
                versions = self.versions(statement)
            except ContentError as exc:
                problems.extend(exc.problems)
                continue
            # A release some manifest records as timestamped must still carry its token.
            recorded = timestamp_records((v.id, v.timestamped) for v in versions)
            for version in versions:
                problems.extend(self._verify_version(version))
                attestation = check_release(version.folder, version.shown, settings, self.root, signatures,
                                            timestamp_recorded_by=recorded.get(version.id), pin=pin,
                                            pending=version.effective_date > today)
                self.attestations[(statement, version.id)] = attestation
                problems.extend(attestation.problems)
            problems.extend(self._verify_chain(versions))
            problems.extend(self._verify_withdrawals(statement, versions, settings, signatures, pin, recorded))
        return problems

    def _verify_withdrawals(self, statement: str, versions: list[Version], settings: Any,
                            signatures: bool, pin: tuple[set[str], str] | None = None,
                            stamped: dict[str, str] | None = None) -> list[Problem]:
        """Each withdrawal keeps its release intact (the digest it recorded), is signed as releases are,
        and is still there when a later release recorded it; a withdrawn release is no longer live."""
        from ..evidence.attest import check_release

        withdrawals, problems = self.withdrawals(statement)
        hint = "restore it from version control (withdrawals are kept on the record)"
        by_name = {w.name: w for w in withdrawals}
        live = {v.id: v for v in versions}
        # A withdrawal a later release recorded is settled: a key outside the pin there re-signed or altered it
        # since; one no release recorded yet may be a new signer's, as a release not in force yet (fix44).
        recorded_by_release = {name for v in versions for name in v.withdrawn}
        for withdrawal in withdrawals:
            release_folder = withdrawal.folder / "release"
            try:
                kept = self.withdrawn_release(withdrawal)
            except ContentError as exc:
                problems.extend(exc.problems)
                continue
            problems.extend(self._verify_version(kept))
            if self.manifest_digest(kept) != withdrawal.release_manifest:
                problems.append(Problem(self.shown(release_folder / MANIFEST), None,
                                        "withdrawn release's manifest does not match the withdrawal's record "
                                        "(sha256 mismatch)", hint))
            if kept.effective_date != withdrawal.release:
                problems.append(Problem(withdrawal.shown, None, f"withdrawal names release {withdrawal.id}, "
                                        f"but keeps release {kept.id}", hint))
            same = live.get(withdrawal.id)
            if same is not None and self.manifest_digest(same) == withdrawal.release_manifest:
                problems.append(Problem(same.shown, None, f"release {withdrawal.id} was withdrawn but is still "
                                        "in the history (the withdrawal was interrupted)",
                                        f"remove {same.shown}/; its copy is kept in {self.shown(release_folder)}/"))
            problems.extend(self._verify_withdrawal_files(withdrawal))
            # A token the record says was there must still be (evidence44): the withdrawal's own (its manifest,
            # or a later release's `timestamped`, names it) and the kept release's (its manifest names it).
            own = withdrawal.name if withdrawal.timestamped else (stamped or {}).get(f"{WITHDRAWN}/{withdrawal.name}")
            for folder, by in ((withdrawal.folder, own), (release_folder, "release" if kept.id in kept.timestamped
                                                          else None)):
                # The pin holds for withdrawals as for releases: a key outside it cannot remove a release.
                attestation = check_release(folder, self.shown(folder), settings, self.root, signatures,
                                            timestamp_recorded_by=by, pin=pin, withdrawal=True,
                                            pending=withdrawal.name not in recorded_by_release)
                problems.extend(attestation.problems)
        for version in versions:
            for name, digest in version.withdrawn.items():
                recorded = by_name.get(name)
                if recorded is None:
                    problems.append(Problem(self.shown(version.folder / MANIFEST), None,
                                            f"withdrawal {name} recorded by release {version.id} is missing",
                                            f"restore {self.shown(self.folder(statement) / WITHDRAWN / name)}/ "
                                            "from version control"))
                elif sha256((recorded.folder / MANIFEST).read_bytes()) != digest:
                    problems.append(Problem(self.shown(recorded.folder / MANIFEST), None,
                                            f"withdrawal was edited after release {version.id} recorded its hash "
                                            "(sha256 mismatch)", hint))
        return problems

    def _verify_withdrawal_files(self, withdrawal: Withdrawal) -> list[Problem]:
        """The recall notices a withdrawal wrote (withdraw44) are as written, and nothing was added beside them."""
        problems = []
        hint = "restore it from version control (withdrawals are kept on the record)"
        for rel, expected in sorted(withdrawal.files.items()):
            path = withdrawal.folder / rel
            if path.is_symlink() or not path.is_file():
                problems.append(Problem(self.shown(path), None, "recall notice is missing", hint))
            elif sha256(path.read_bytes()) != expected:
                problems.append(Problem(self.shown(path), None, "recall notice was edited after the withdrawal "
                                        "(sha256 mismatch)", hint))
        for child in sorted(withdrawal.folder.iterdir()):
            if child.name in (MANIFEST, "release", *ATTESTATIONS):
                continue
            found = [child] if not child.is_dir() or child.is_symlink() else sorted(child.rglob("*"))
            for path in found:
                rel = path.relative_to(withdrawal.folder).as_posix()
                if (path.is_file() or path.is_symlink()) and rel not in withdrawal.files:
                    problems.append(Problem(self.shown(path), None, "file was added to a withdrawal after it "
                                            "was made", "remove it"))
        return problems

    def withdrawal_digests(self, statement: str) -> dict[str, str]:
        """Every withdrawal of `statement` by folder name, with the sha256 of its manifest."""
        withdrawals, _ = self.withdrawals(statement)
        return {w.name: sha256((w.folder / MANIFEST).read_bytes()) for w in withdrawals}

    def manifest_digest(self, version: Version) -> str:
        """sha256 of a release's manifest, as the next release records it."""
        return sha256((version.folder / MANIFEST).read_bytes())

    def head(self, statement: str) -> str | None:
        """The digest of the latest manifest: it vouches, through the chain, for every release."""
        versions = self.versions(statement)
        return self.manifest_digest(versions[-1]) if versions else None

    def heads_text(self) -> str:
        """The heads file (evidence44): each statement's latest release with the sha256 of its manifest, and
        each withdrawal with the sha256 of its manifest. Kept outside the repository (published with the
        site, a CI artifact), it is what the next `verify --expect-heads` holds the history to."""
        lines = ["# privacykit heads (privacykit verify --write-heads): the latest release of each statement and",
                 "# every withdrawal, with the sha256 of its manifest; check with privacykit verify --expect-heads"]
        for statement in self.statements():
            versions = self.versions(statement)
            if versions:
                lines.append(f"{statement} {versions[-1].id} sha256:{self.manifest_digest(versions[-1])}")
            for name, digest in sorted(self.withdrawal_digests(statement).items()):
                lines.append(f"{statement} {WITHDRAWN}/{name} sha256:{digest}")
        return "\n".join(lines) + "\n"

    def check_heads(self, text: str, shown: str) -> list[Problem]:
        """The history holds what a heads file recorded earlier (evidence44): each recorded head is still a
        release of its chain with the same manifest (or was withdrawn since, its manifest kept), and each
        recorded withdrawal is still there, unedited. A rollback the repository alone cannot show (the
        latest release and its withdrawal deleted, a withdrawn release moved back) is named."""
        problems: list[Problem] = []
        hint = "restore the history from version control; a history only grows (never delete a release or a withdrawal)"
        for number, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split()
            if len(parts) != 3 or not parts[2].startswith("sha256:"):
                problems.append(Problem(shown, number, "not a heads line (STATEMENT RELEASE sha256:DIGEST)",
                                        "write the file with privacykit verify --write-heads"))
                continue
            statement, what, digest = parts[0], parts[1], parts[2].removeprefix("sha256:")
            try:
                versions = self.versions(statement)
            except ContentError as exc:
                problems.extend(exc.problems)
                continue
            withdrawals = self.withdrawals(statement)[0]
            if what.startswith(WITHDRAWN + "/"):
                name = what.removeprefix(WITHDRAWN + "/")
                found = next((w for w in withdrawals if w.name == name), None)
                if found is None:
                    problems.append(Problem(shown, number, f"withdrawal {name} of {statement}, recorded here, is gone "
                                            "from the history (rolled back?)", hint))
                elif sha256((found.folder / MANIFEST).read_bytes()) != digest:
                    problems.append(Problem(shown, number, f"withdrawal {name} of {statement} was edited since it "
                                            "was recorded here (sha256 mismatch)", hint))
                continue
            live = next((v for v in versions if v.id == what), None)
            if live is not None:
                if self.manifest_digest(live) != digest:
                    problems.append(Problem(shown, number, f"release {what} of {statement}, the head recorded here, "
                                            "has another manifest now (the history was rewritten)", hint))
            elif not any(w.id == what and w.release_manifest == digest for w in withdrawals):
                problems.append(Problem(shown, number, f"release {what} of {statement}, the head recorded here, is "
                                        "gone from the history (rolled back?)", hint))
        return problems

    def _verify_chain(self, versions: list[Version]) -> list[Problem]:
        """The releases form one unbroken chain from a first release that records no
        predecessor: each records the date and manifest digest of the one before it. An
        edited manifest (a verdict, a summary, a file's hash) breaks the link to it; a
        release deleted, or added before or between others, breaks the dates."""
        problems = []
        hint = "restore it from version control; releases are immutable (make a new release instead)"
        ids = {v.id for v in versions}
        if versions and versions[0].previous is not None:
            first, missing = versions[0], versions[0].previous.isoformat()
            problems.append(Problem(
                self.shown(first.folder / MANIFEST), None,
                f"previous release {missing} is missing (the history was truncated)",
                f"restore {self.shown(first.folder.parent / missing)}/ from version control"))
        for previous, version in itertools.pairwise(versions):
            shown = self.shown(version.folder / MANIFEST)
            if version.previous is None:
                problems.append(Problem(
                    self.shown(previous.folder), None,
                    f"release {previous.id} is not in the history: release {version.id} records no "
                    "predecessor", "remove it; a release can only be added after the latest one"))
            elif version.previous.isoformat() not in ids:
                problems.append(Problem(shown, None, f"previous release {version.previous.isoformat()} is missing",
                                        f"restore {self.shown(version.folder.parent / version.previous.isoformat())}"
                                        "/ from version control"))
            elif version.previous != previous.effective_date:
                problems.append(Problem(
                    self.shown(previous.folder), None,
                    f"release {previous.id} is not in the history: release {version.id} follows "
                    f"{version.previous.isoformat()}", _merged_hint(version)))
            elif not version.previous_manifest:
                problems.append(Problem(shown, None, "manifest does not record the sha256 of its predecessor's "
                                        "manifest (previous_manifest)", hint))
            elif version.previous_manifest != self.manifest_digest(previous):
                problems.append(Problem(
                    self.shown(previous.folder / MANIFEST), None,
                    f"manifest was edited after release {version.id} recorded its hash (sha256 mismatch)", hint))
        return problems

    def _verify_version(self, version: Version) -> list[Problem]:
        problems = []
        hint = "restore it from version control; releases are immutable (make a new release instead)"
        on_disk: set[str] = set()
        # Walk without following links: a link (to a file or a folder) inside a release
        # would put text the hashes do not cover where readers look for the record.
        for folder, dirs, names in os.walk(version.folder):
            base = Path(folder)
            for name in sorted(dirs + names):
                path = base / name
                rel = path.relative_to(version.folder).as_posix()
                if path.is_symlink():
                    problems.append(Problem(self.shown(path), None, "a symbolic link inside a release",
                                            "remove it; a release holds only the files it was made with"))
                elif name in names and not path.is_file():
                    problems.append(Problem(self.shown(path), None, "not a regular file inside a release",
                                            "remove it; a release holds only the files it was made with"))
                elif name in names and rel != MANIFEST and rel not in ATTESTATIONS:
                    on_disk.add(rel)
            dirs[:] = [d for d in dirs if not (base / d).is_symlink()]
        for rel, expected in sorted(version.files.items()):
            path = version.folder / rel
            shown = self.shown(path)
            if path.is_symlink():
                continue
            if not path.is_file():
                problems.append(Problem(shown, None, "frozen file is missing", hint))
            elif sha256(path.read_bytes()) != expected:
                problems.append(Problem(shown, None, "frozen file was edited after release (sha256 mismatch)", hint))
        for rel in sorted(on_disk - set(version.files)):
            problems.append(Problem(self.shown(version.folder / rel), None,
                                    "file was added to a release after it was made", "remove it"))
        return problems or self._verify_texts(version)

    def _verify_texts(self, version: Version) -> list[Problem]:
        """bundle45: each region's `texts` entry is what its frozen document publishes (a manifest that says
        otherwise was not written by `release`: a bundle would answer from it)."""
        from .regional import Published

        for region, recorded in sorted(version.texts.items()):
            frozen = Published.of(self.document(version, region)) if region in version.regions else None
            if frozen is None or Published.from_manifest(recorded) != frozen:
                return [Problem(self.shown(version.folder / MANIFEST), None, f"texts: what it records of region "
                                f"'{region}' is not what regions/{region}.json publishes",
                                "restore it from version control; releases are immutable (make a new release "
                                "instead)")]
        return []


def _merged_hint(version: Version) -> str:
    """What to do when two releases follow one predecessor (two branches that both released, merged):
    never delete a signed release; withdraw the later one if it is not in force yet, or the one the site never
    published, in force or not, with --unpublished (chain44); then release the merged draft again."""
    return (f"two branches both released? if {version.id} is not in force yet, withdraw it "
            f"(privacykit release {version.statement} --withdraw {version.id} --reason \"...\"); if both are in "
            "force, withdraw the one main never published with --unpublished (--withdraw DATE --unpublished "
            "--reason \"...\"); then release the merged draft again; never delete a release folder (README: "
            "\"Two branches that both released\")")


def _lock(fd: int, deadline: float, shown: str) -> None:
    """Take an exclusive `flock` on `fd`, waiting until `deadline` (monotonic seconds)."""
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise ContentError(Problem(shown, None, "another release of this statement is still running",
                                           "wait for it to finish, then run again")) from None
            time.sleep(0.05)


def _written_summaries(notes: str, summary: str, shown: str) -> dict[str, str]:
    """`summary_translations` of release notes kept with a release whose summary is `summary`."""
    from ..load.frontmatter import split_front_matter

    if not notes.startswith("---") or "summary_translations" not in notes:
        return {}
    try:
        meta = split_front_matter(notes, shown).meta
    except ContentError:
        return {}
    if not isinstance(meta, dict) or str(meta.get("summary") or "").strip() != summary.strip():
        return {}
    return written_summaries(meta)


def written_summaries(meta: Any) -> dict[str, str]:
    """The translations of the summary that release notes' front matter `meta` writes (`summary_translations`),
    by language, each stripped (an empty one, or one that is not text, left out): the gate reads them in the
    draft's notes (`gate.read_release_notes`), the store in those kept with a release."""
    written = meta.get("summary_translations") if isinstance(meta, dict) else None
    if not isinstance(written, dict):
        return {}
    return {str(language): str(text).strip() for language, text in written.items()
            if isinstance(text, str) and text.strip()}
