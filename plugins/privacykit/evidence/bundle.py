"""Evidence bundles: what a statement said in a region on a date, with what proves it.

A bundle is a zip a third party can check with standard tools alone (sha256sum, sed,
ssh-keygen, openssl), or with `privacykit evidence --verify`::

    README.md                          the verification report, with the commands to re-run
    bundle.json                        what the bundle claims (statement, region, date, release in
                                       force, signer) and the sha256 of every other file
    bundle.json.sig                    its SSH signature (namespace privacykit-evidence), when the
                                       bundle was made with a key: every claim is then signed
    text/<statement>-<region>-<version>.md    the text in force that day (the frozen record)
    text/<statement>-<region>-<version>.pdf   its archival PDF (PDF/A-3b, tagged)
    releases/<version>/...             the release that made the region's version in force: every
                                       frozen file, its manifest, signature and timestamp, and
                                       SHA256SUMS from the manifest
    releases/<before>/manifest.yml(.sig, .tsr)  the release before it (format 4)
    releases/<later>/manifest.yml(.sig, .tsr)   each later release's manifest: the chain to the head
    notices-sent.yml                   the notices of the chain's releases recorded as sent to the region, the
                                       team's own statement (format 5: `sentrecord`)
    releases/<other>/regions/<region>.md, .json  the region's text in the release before and in each
                                       later one up to the one that changed it (format 4: `regiontext`)
    withdrawn/<date>/manifest.yml(.sig, .tsr)  every withdrawal of the statement, with notices/<region>.*,
                                       the recall notices it wrote for the region (checked against its record)
    trust/allowed_signers              who may sign releases (and bundles)
    trust/tsa.pem                      the timestamping authority's certificates (when configured)

`--verify` trusts no claim of bundle.json it can recompute: it checks the signature of
bundle.json when there is one, then recomputes from the release manifests in the bundle
(hashed, chained, signed and timestamped) the statement, region and file names, which
version of the region's text was in force on the claimed date and which release next changed
it (format 4; before it, which release was in force and when the next one covering the region came),
checks every file against the hashes (the frozen ones against their manifest, the others
against bundle.json), refuses any file that is not part of the evidence, and makes the
README again from bundle.json and the manifests, which must be the README held, word for
word. Unsigned, two claims rest on bundle.json alone, and `--verify` says so: the day the
bundle was made (it sets only the tense) and that no release after the head was left out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import json
import re
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import ContentError, Problem, UsageError
from ..load.yamlio import load_yaml
from ..render import dates
from ..versions import lookup
from ..versions.regional import versions_in
from ..versions.sent import SentEntry
from ..versions.store import MANIFEST, SIGNATURE, TIMESTAMP, Version, VersionStore, notice_region
from . import regiontext, sentrecord, signing, timestamps
from .attest import timestamp_records
from .regiontext import REGION_FORMAT
from .settings import BUNDLE_NAMESPACE, SIGNATURE_NAMESPACE

# Format 2 lists the sha256 of every file in bundle.json and records the day the bundle was made;
# format 3 names its signer, and bundle.json.sig (when a key made the bundle) signs bundle.json;
# format 4 (bundle45) answers with the region's version, not the release (`regiontext`): `in_force` is the
# release that made the text in force in the region, `superseded_on` the one that next changed that text,
# `fingerprint` and `language` what a reader there read; `chain` starts at the release before `in_force`;
# format 5 holds `notices-sent.yml`, the notices of the chain's releases recorded as sent to the region (`sentrecord`).
BUNDLE_FORMAT = sentrecord.SENT_FORMAT
READ_FORMATS = (2, 3, 4, 5)    # format 2 is still checked, with a line saying that its bundle.json is unsigned
BUNDLE_SIGNATURE = "bundle.json.sig"
# The fields of bundle.json by format (`files` is written last); any other is refused: an unsigned
# note cannot ride along in a bundle.
FIELDS = {2: frozenset({"format", "statement", "region", "date", "made", "in_force", "superseded_on", "text", "pdf",
                        "text_sha256", "chain", "head"})}
FIELDS[3] = FIELDS[2] | {"signer"}
FIELDS[4] = FIELDS[3] | {"fingerprint", "language"}
FIELDS[5] = FIELDS[4]
# Zip entries carry this date: the bundle's bytes depend on what it holds, not on when it was made.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# A bundle is small (texts, manifests, signatures); refuse to unpack anything much larger.
MAX_BUNDLE_BYTES = 200_000_000
MAX_ENTRIES = 10_000


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Bundle:
    """The files of a bundle, by their path inside it."""

    files: dict[str, bytes] = field(default_factory=dict)

    def add(self, path: str, data: bytes) -> None:
        self.files[path] = data

    def to_zip(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(self.files):
                info = zipfile.ZipInfo(path, ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, self.files[path])
        return out.getvalue()


def in_force_on(store: VersionStore, statement: str, region: str, on: dt.date,
                regional: list[Version] | None = None) -> tuple[Version, list[Version]]:
    """The version of `statement` in force in `region` on `on` (the release that made the text read there
    that day: `versions.regional`), and every release after it. `regional`: the region's versions, when
    read already."""
    versions = store.versions(statement)
    if not versions:
        raise UsageError(Problem(store.shown(store.folder(statement)), None, f"statement '{statement}' has no "
                                 "releases", "release it first"))
    regional = versions_in(store, statement, region, versions) if regional is None else regional
    version = lookup.in_force(regional, on)
    if version is None:
        first = regional[0].id if regional else "none"
        raise UsageError(Problem("--at", None, f"no release of '{statement}' was in force in region '{region}' on "
                                 f"{on.isoformat()}", f"its first release in that region took effect on {first}"))
    # A release in force that day which left the region out ended its text there (mend1: dropped, then restored).
    dropped = next((v for v in versions if version.effective_date < v.effective_date <= on
                    and region not in v.regions), None)
    if dropped is not None:
        back = next((v for v in regional if v.effective_date > dropped.effective_date), None)
        raise UsageError(Problem("--at", None, f"no text of '{statement}' was in force in region '{region}' on "
                                 f"{on.isoformat()}: release {dropped.id} left the region out",
                                 f"ask for a date before {dropped.id}"
                                 + (f", or from {back.id}, when its version of {back.id} published it again"
                                    if back else "")))
    return version, [v for v in versions if v.effective_date > version.effective_date]


def signing_signer(store: VersionStore, key: Path, from_environment: bool = False) -> str:
    """Check, before anything is made, that `key` can sign a bundle the bundle's own
    `trust/allowed_signers` will vouch for; return the signer it names (one line otherwise).
    `from_environment`: the key is $PRIVACYKIT_SIGNING_KEY's, not one passed with --sign-key."""
    from .attest import KEY_VARIABLE, Attestor

    settings = store.evidence()
    shown = store.shown(store.base / "allowed_signers")
    without = f"unset {KEY_VARIABLE}" if from_environment else "leave out --sign-key"
    if settings.signers is None:
        raise UsageError(Problem("--sign-key", None, f"this project lists no signers ({shown} is missing), so "
                                 "nobody could check the bundle's signature", f"{without} to make it unsigned, or "
                                 f"list who signs in {shown}"))
    if not key.is_file():
        raise UsageError(Problem(str(key), None, "signing key not found", "give the path of an SSH private key"))
    try:
        signer = Attestor(settings, key).check_key(shown, BUNDLE_NAMESPACE)
    except UsageError as exc:
        problem = exc.problems[0]
        raise UsageError(Problem(problem.file, None, problem.message, f"list the key in {shown} with "
                                 f"namespaces=\"{SIGNATURE_NAMESPACE},{BUNDLE_NAMESPACE}\", or {without} to make "
                                 "the bundle unsigned")) from None
    assert signer is not None
    return signer


def make_bundle(store: VersionStore, statement: str, region: str, on: dt.date, pdf: bytes | None,
                today: dt.date | None = None, key: Path | None = None, signer: str | None = None) -> Bundle:
    """The evidence bundle of what `statement` said in `region` on `on` (the history must verify);
    `today` is the day it is made (a date after it is what a release schedules, not what was).
    With `key` (whose `signer` `signing_signer` found), bundle.json is signed: every claim of the
    bundle is then signed, as its file list covers every other file."""
    problems = store.verify([statement])
    if problems:
        raise ContentError(problems)
    settings = store.evidence()
    regional = versions_in(store, statement, region)
    version, later = in_force_on(store, statement, region, on, regional)
    told = regiontext.history(store, statement, region, version, regional)
    bundle = Bundle()
    stem = f"{statement}-{region}-{version.id}"
    text = (version.folder / "regions" / f"{region}.md").read_bytes()
    bundle.add(f"text/{stem}.md", text)
    if pdf is not None:
        bundle.add(f"text/{stem}.pdf", pdf)
    base = f"releases/{version.id}"
    for rel in sorted(version.files):
        bundle.add(f"{base}/{rel}", (version.folder / rel).read_bytes())
    bundle.add(f"{base}/SHA256SUMS", _sums(version.files))
    chained = [*([told.before] if told.before else []), version, *later]
    for release in chained:
        for name in (MANIFEST, SIGNATURE, TIMESTAMP):
            if (release.folder / name).is_file():
                bundle.add(f"releases/{release.id}/{name}", (release.folder / name).read_bytes())
    for release in told.texts:      # bundle45: the region's text in the releases around it, to recompute
        for ext in ("md", "json"):
            bundle.add(f"releases/{release.id}/regions/{region}.{ext}",
                       (release.folder / "regions" / f"{region}.{ext}").read_bytes())
    replaced = told.changed
    if replaced is not None:
        # evidence44: the notices prepared for the release that replaced this text in the region (what its
        # readers were told, and when), checked against that release's manifest.
        for rel in sorted(replaced.files):
            if notice_region(rel) == region:
                bundle.add(f"releases/{replaced.id}/{rel}", (replaced.folder / rel).read_bytes())
    # evidence44: every withdrawal of the statement (the record, its reason, day and who decided), as kept, with
    # the recall notices it wrote for the region (mend1: what its readers were told, checked against the record).
    for withdrawal in store.withdrawals(statement)[0]:
        recalls = sorted(rel for rel in withdrawal.files if notice_region(rel) == region)
        for name in (MANIFEST, SIGNATURE, TIMESTAMP, *recalls):
            if (withdrawal.folder / name).is_file():
                bundle.add(f"withdrawn/{withdrawal.name}/{name}", (withdrawal.folder / name).read_bytes())
    if settings.signers is not None:
        bundle.add("trust/allowed_signers", settings.signers.read_bytes())
    if settings.tsa_certificates is not None:
        bundle.add("trust/tsa.pem", settings.tsa_certificates.read_bytes())
    chain = [v.id for v in chained]
    bundle.add(sentrecord.SENT_FILE, sentrecord.held(store, statement, region, chain))
    index: dict = {
        "format": BUNDLE_FORMAT, "statement": statement, "region": region, "date": on.isoformat(),
        "made": (today or dates.clock_today()).isoformat(),
        "in_force": version.id, "superseded_on": replaced.id if replaced else None,
        "text": f"text/{stem}.md", "pdf": f"text/{stem}.pdf" if pdf is not None else None,
        "text_sha256": _sha256(text), "chain": chain, "head": store.head(statement),
        "signer": signer if key is not None else None,
        "fingerprint": told.published.fingerprint, "language": told.published.language,
    }
    bundle.add("bundle.json", _json(index))
    report = check_bundle_files(bundle.files, making=True)
    bundle.add("README.md", verification_report(index, bundle.files, report).encode("utf-8"))
    # bundle.json covers every other file, the README included; its signature covers bundle.json.
    index["files"] = {name: _sha256(data) for name, data in sorted(bundle.files.items()) if name != "bundle.json"}
    bundle.add("bundle.json", _json(index))
    if key is not None:
        bundle.add(BUNDLE_SIGNATURE, _sign_index(bundle.files["bundle.json"], key, settings.signers))
    return bundle


def _sign_index(data: bytes, key: Path, signers: Path | None) -> bytes:
    """The signature of bundle.json, checked against the signers before it is kept."""
    try:
        signature = signing.sign(data, key, BUNDLE_NAMESPACE)
        if signers is not None:
            with tempfile.TemporaryDirectory(prefix="privacykit-bundle-") as folder:
                (Path(folder) / BUNDLE_SIGNATURE).write_bytes(signature)
                signing.verify(data, Path(folder) / BUNDLE_SIGNATURE, signers, BUNDLE_NAMESPACE, "bundle.json")
    except signing.SignatureError as exc:
        raise UsageError(Problem("--sign-key", None, str(exc), "sign with a key listed in versions/allowed_signers")) \
            from None
    return signature


def _sums(files: Mapping[str, object]) -> bytes:
    """SHA256SUMS of a release: its manifest's files: list, in sha256sum's format."""
    return "".join(f"{digest}  {rel}\n" for rel, digest in sorted(files.items())).encode("utf-8")


def _json(index: dict) -> bytes:
    return (json.dumps(index, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


@dataclass
class BundleCheck:
    """What re-checking a bundle found: each finding in one line, and the problems. `findings` are
    what the README reports (the release records); `outer` what covers the bundle itself (its
    signature, its file list); `notes` what is not signed."""

    findings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    signers: dict[str, str] = field(default_factory=dict)           # release -> "signer key"
    timestamps: dict[str, str] = field(default_factory=dict)        # release -> ISO time
    outer: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    bundle_signer: str | None = None                                # "signer key" of bundle.json.sig
    changed: str | None = None      # format 4: the release that next changed the region's text, as rebuilt
    sent: list[SentEntry] = field(default_factory=list)     # format 5: the notices recorded as sent, as checked

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def signed(self) -> bool:
        """Whether bundle.json's signature was checked (every claim of the bundle is then signed)."""
        return self.bundle_signer is not None


def check_bundle_files(files: dict[str, bytes], making: bool = False, today: dt.date | None = None,
                       tsa: Path | None = None) -> BundleCheck:
    """Re-check a bundle from its files alone (no repository). `making`: the check of a bundle being
    made, before its README, file list and signature exist. The checks run from the outside in, and
    stop at the first step that finds a problem, so a change is named once, where it shows first:
    bundle.json's signature, its fields, the file list, the manifests' shape, their signatures and
    tokens, the chain, the statement, region and file names, which files belong, the frozen files,
    the date and the day made against the manifests, the PDF, and the README (which must be what
    bundle.json and the release records make, word for word)."""
    check = BundleCheck()
    try:
        index = json.loads(files["bundle.json"])
        if not isinstance(index, dict):
            raise ValueError("not a mapping")
    except (KeyError, ValueError):
        check.problems.append("bundle.json: missing or unreadable; this is not a privacykit evidence bundle")
        return check
    chain: list[str] = []
    manifests: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="privacykit-bundle-") as folder:
        trust = _trust(Path(folder), files)
        if tsa is not None:
            # evidence44: the TSA certificates pinned by who checks (--trusted-tsa), not those the bundle carries.
            trust["trust/tsa.pem"] = tsa
            check.notes.append(f"timestamps were checked against the TSA certificates in {tsa}, not the bundle's "
                               "trust/tsa.pem")
        steps: list[Callable[[], object]] = [
            lambda: _check_bundle_signature(index, files, trust, check) if not making else None,
            lambda: _check_fields(index, making, check),
            lambda: chain.extend(index["chain"]),
            lambda: _check_listed(index, files, check) if not making else None,
            lambda: manifests.update(_read_manifests(files, chain, check)),
            lambda: _check_attestations(files, chain, trust, check, timestamp_records(
                (r, manifests[r].get("timestamped") or ()) for r in chain)),
            lambda: _check_chain(index, files, manifests, check),
            lambda: _check_names(index, files, manifests, check),
            lambda: _check_region(index, files, manifests, check),
            lambda: _check_belonging(index, files, manifests, check) if not making else None,
            lambda: _check_frozen(index, files, manifests, check),
            lambda: _check_claims(index, files, manifests, check, None if making else today or dates.clock_today()),
            lambda: _check_record(index, files, manifests, trust, check),
            lambda: check.sent.extend(sentrecord.check(index, files, manifests, check.problems, check.findings)),
            lambda: _check_pdf(index, files, check, making),
            lambda: _check_readme(index, files, check) if not making else None,
        ]
        for step in steps:
            step()
            if check.problems:
                return check
    if not making:
        _date_notes(index, manifests, check)
        _unsigned_notes(index, check)
        said = sentrecord.trust_line(index, check.sent, check.bundle_signer if check.signed else None)
        if said:
            check.notes.append(said)
        if index["format"] < REGION_FORMAT and index["superseded_on"]:
            check.notes.append(f"this format-{index['format']} bundle names the next release that covers region "
                               f"'{index['region']}' ({index['superseded_on']}) as superseding release "
                               f"{index['in_force']}, whether or not it changed the region's text: make the bundle "
                               "again for the region's versions (format 4)")
    return check


def _date_notes(index: dict, manifests: dict[str, dict], check: BundleCheck) -> None:
    """What the releases' dates prove (evidence44): each token's time against the `released` day its
    manifest records and the effective date, and whether it proves the notice the region's rules asked for."""
    from .attest import dates_of

    for release in index["chain"]:
        manifest = manifests.get(release) or {}
        stamped = check.timestamps.get(release)
        region = ((manifest.get("verdict") or {}).get("regions") or {}).get(index["region"])
        notice = region.get("advance_days") if isinstance(region, dict) else 0
        try:
            proven = dates_of(release, str(manifest["released"]) if manifest.get("released") else None,
                              dt.datetime.fromisoformat(stamped) if stamped else None,
                              notice if isinstance(notice, int) else 0,
                              str(manifest.get("recorded_past") or "") or None, manifest.get("imported") is True)
        except ValueError:
            check.notes.append(f"releases/{release}/{MANIFEST}: its released date is not a date")
            continue
        if proven.line:
            check.notes.append(f"timestamp: {proven.line}")
        check.notes.extend(proven.said)


def _check_fields(index: dict, making: bool, check: BundleCheck) -> None:
    """bundle.json is of a format this privacykit reads, with every field of it in its form, and no other."""
    form = index.get("format")
    if form not in READ_FORMATS or isinstance(form, bool):
        check.problems.append(f"bundle.json: format {form!r} (this privacykit reads formats "
                              f"{', '.join(map(str, READ_FORMATS))}; format 1 covered too little to be relied on); "
                              "make the bundle again")
        return
    fields = FIELDS[form] | ({"files"} if not making else set())
    unknown = sorted(set(index) - fields)
    missing = sorted(fields - set(index))
    chain = index.get("chain")
    if unknown:
        check.problems.append(f"bundle.json: unknown field '{unknown[0]}' (format {form} has no such field)")
    elif missing:
        check.problems.append(f"bundle.json: field '{missing[0]}' is missing")
    elif not isinstance(chain, list) or not chain or not all(isinstance(r, str) for r in chain):
        check.problems.append("bundle.json: chain is not a list of releases")
    elif index["in_force"] not in chain[:2 if form >= REGION_FORMAT else 1]:
        check.problems.append(f"bundle.json: chain starts at {chain[0]}, not at in_force {index['in_force']}"
                              + (" or the release before it" if form >= REGION_FORMAT else ""))
    elif not all(isinstance(index[key], str) for key in ("statement", "region", "date", "made", "in_force", "text",
                                                         "text_sha256", "head", *sorted(FIELDS[4] - FIELDS[3]))
                 if key in fields):
        check.problems.append("bundle.json: statement, region, date, made, in_force, text, text_sha256 and head "
                              + ("(and fingerprint, language) " if form >= REGION_FORMAT else "") + "must each be text")
    elif not all(isinstance(index[key] or "", str) for key in ("pdf", "superseded_on", "signer")
                 if key in fields):
        wrong = next(key for key in ("pdf", "superseded_on", "signer") if not isinstance(index.get(key) or "", str))
        check.problems.append(f"bundle.json: {wrong} is not " + ("a file name" if wrong == "pdf" else "text"))
    elif not making and not (isinstance(index["files"], dict)
                             and all(isinstance(v, str) for v in index["files"].values())):
        check.problems.append("bundle.json: files is not a list of names and sha256")


def _trust(folder: Path, files: dict[str, bytes]) -> dict[str, Path]:
    """The bundle's trust anchors, written where ssh-keygen and the TSA check read them."""
    found: dict[str, Path] = {}
    for name in ("trust/allowed_signers", "trust/tsa.pem"):
        if name in files:
            found[name] = folder / PurePosixPath(name).name
            found[name].write_bytes(files[name])
    found["work"] = folder
    return found


def _check_bundle_signature(index: dict, files: dict[str, bytes], trust: dict[str, Path], check: BundleCheck) -> None:
    """Format 3: when bundle.json names a signer, bundle.json.sig is their signature of it."""
    signature = files.get(BUNDLE_SIGNATURE)
    claimed = index.get("signer")
    form = index.get("format")
    if signature is None and (claimed is None or type(form) is not int or form < 3):     # signed since format 3
        return
    if signature is None:
        check.problems.append(f"{BUNDLE_SIGNATURE}: missing, though bundle.json records that {claimed} signed it")
        return
    if "trust/allowed_signers" not in trust:
        check.problems.append(f"{BUNDLE_SIGNATURE}: cannot be checked: trust/allowed_signers is missing")
        return
    path = trust["work"] / BUNDLE_SIGNATURE
    path.write_bytes(signature)
    try:
        signer, key = signing.verify(files["bundle.json"], path, trust["trust/allowed_signers"], BUNDLE_NAMESPACE,
                                     "bundle.json")
    except signing.SignatureError as exc:
        check.problems.append(f"{BUNDLE_SIGNATURE}: {exc}")
        return
    if signer != claimed:
        check.problems.append(f"{BUNDLE_SIGNATURE}: made by {signer}, but bundle.json records {claimed!r} as its "
                              "signer")
        return
    check.outer.append(f"bundle.json: signed by {signer} {key}".strip() + " (every claim of the bundle, the README "
                       "included, is signed)")
    check.bundle_signer = f"{signer} {key}".strip()


def _check_listed(index: dict, files: dict[str, bytes], check: BundleCheck) -> None:
    """Every file but bundle.json (and its signature) is listed in bundle.json with its sha256."""
    listed = index["files"]
    own = {"bundle.json"} | ({BUNDLE_SIGNATURE} if index["format"] >= 3 else set())
    for name in sorted(set(files) - own):
        if name not in listed:
            check.problems.append(f"{name}: not listed in bundle.json (added to the bundle)")
        elif listed[name] != _sha256(files[name]):
            check.problems.append(f"{name}: sha256 differs from bundle.json (the file was changed)")
    for name in sorted(set(listed) - set(files)):
        check.problems.append(f"{name}: missing from the bundle (bundle.json lists it)")
    if not check.problems:
        check.outer.append(f"files: all {len(files)} files are listed in bundle.json and match their sha256")


def _read_manifests(files: dict[str, bytes], chain: list[str], check: BundleCheck) -> dict[str, dict]:
    manifests: dict[str, dict] = {}
    for release in chain:
        name = f"releases/{release}/{MANIFEST}"
        if name not in files:
            check.problems.append(f"{name}: missing from the bundle")
            continue
        try:
            manifests[release] = load_yaml(files[name].decode("utf-8"), name, fast=True) or {}
        except (ContentError, UnicodeDecodeError):
            check.problems.append(f"{name}: not a readable manifest")
            continue
        if not _manifest_shaped(manifests[release]):
            check.problems.append(f"{name}: not a readable manifest (files, regions or timestamped in another form)")
    return manifests


def _manifest_shaped(manifest: object) -> bool:
    """A manifest read from an untrusted bundle has the shape the checks below read (they run before
    its signature is checked): a mapping whose `files` is a mapping and `regions`, `timestamped` lists."""
    return (isinstance(manifest, dict) and isinstance(manifest.get("files") or {}, dict)
            and all(isinstance(manifest.get(key) or [], list) for key in ("regions", "timestamped")))


def _frozen_files(manifests: dict[str, dict], release: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in (manifests[release].get("files") or {}).items()}


def _check_names(index: dict, files: dict[str, bytes], manifests: dict[str, dict], check: BundleCheck) -> None:
    """The statement is the manifests' own, the region one the release holds, and the text and PDF
    are named and held as the bundle names them (text/<statement>-<region>-<release>.md, .pdf)."""
    in_force, region = index["in_force"], index["region"]
    for release in index["chain"]:
        if str(manifests[release].get("statement")) != index["statement"]:
            check.problems.append(f"bundle.json: statement '{index['statement']}', but release {release} is of "
                                  f"statement '{manifests[release].get('statement')}'")
            return
    if region not in [str(r) for r in manifests[in_force].get("regions") or ()]:
        check.problems.append(f"bundle.json: release {in_force} holds no text for region '{region}'")
        return
    stem = f"text/{index['statement']}-{region}-{in_force}"
    if index["text"] != f"{stem}.md":
        check.problems.append(f"bundle.json: text '{index['text']}', but the text of region '{region}' in release "
                              f"{in_force} is {stem}.md")
    elif index["pdf"] not in (None, f"{stem}.pdf"):
        check.problems.append(f"bundle.json: pdf '{index['pdf']}', but the PDF of region '{region}' in release "
                              f"{in_force} is {stem}.pdf")
    else:
        for name, what in ((index["text"], "text"), (index["pdf"], "pdf")):
            if name and name not in files:
                check.problems.append(f"{name}: missing from the bundle (bundle.json names it as its {what})")


_WITHDRAWAL = re.compile(r"^withdrawn/(\d{4}-\d{2}-\d{2}(?:-\d+)?)/(manifest\.yml(?:\.sig|\.tsr)?|notices/[^/]+)$")


def _replaced(index: dict, manifests: dict[str, dict], check: BundleCheck) -> str | None:
    """The release of the chain that replaced the text in force in the bundle's region, by the manifests: the
    next version of the region's text (format 4, as `_check_region` rebuilt it), or before format 4 the next
    release that covers the region (whether it changed its text or not)."""
    if index["format"] >= REGION_FORMAT:
        return check.changed
    return next((r for r in index["chain"][1:]
                 if index["region"] in [str(x) for x in manifests[r].get("regions") or ()]), None)


def _check_region(index: dict, files: dict[str, bytes], manifests: dict[str, dict], check: BundleCheck) -> None:
    """Format 4: which releases of the chain are versions of the region's text (`regiontext.check`)."""
    if index["format"] >= REGION_FORMAT:
        check.changed = regiontext.check(index, files, manifests, check.problems, check.findings)


def _check_belonging(index: dict, files: dict[str, bytes], manifests: dict[str, dict], check: BundleCheck) -> None:
    """Every file is one the bundle holds by design; the release's SHA256SUMS is its manifest's list."""
    chain, in_force = index["chain"], index["in_force"]
    frozen = _frozen_files(manifests, in_force)
    expected = {"bundle.json", BUNDLE_SIGNATURE, "README.md", index["text"], "trust/allowed_signers",
                "trust/tsa.pem", f"releases/{in_force}/SHA256SUMS", *(f"releases/{in_force}/{rel}" for rel in frozen),
                *(f"releases/{r}/{name}" for r in chain for name in (MANIFEST, SIGNATURE, TIMESTAMP))}
    replaced = _replaced(index, manifests, check)
    if replaced is not None:        # evidence44: the notices prepared for the release that replaced it
        expected |= {f"releases/{replaced}/{rel}" for rel in _frozen_files(manifests, replaced)
                     if notice_region(rel) == index["region"]}
    expected |= {name for name in files if _WITHDRAWAL.match(name)}      # checked by _check_record
    if index["format"] >= REGION_FORMAT:     # the region's text around the version, checked by _check_region
        expected |= regiontext.held_texts(index, manifests)
    if index["format"] >= sentrecord.SENT_FORMAT:      # checked by sentrecord.check
        expected.add(sentrecord.SENT_FILE)
    if index.get("pdf"):
        expected.add(index["pdf"])
    for name in sorted(set(files) - expected):
        check.problems.append(f"{name}: not part of the evidence (added to the bundle)")
    sums = f"releases/{in_force}/SHA256SUMS"
    if sums in files and files[sums] != _sums(frozen):
        check.problems.append(f"{sums}: differs from the manifest's files: list")


def _check_attestations(files: dict[str, bytes], chain: list[str], trust: dict[str, Path], check: BundleCheck,
                        recorded: dict[str, str]) -> None:
    """Each manifest's signature and token (`_attest`); a release's first failure only (one change, one line)."""
    for release in chain:
        base = f"releases/{release}"
        attested = _attest(base, files[f"{base}/{MANIFEST}"], files, trust, check,
                           f"the manifest of release {recorded[release]} records that this release was timestamped"
                           if release in recorded else None)
        if attested is not None:
            signer, when = attested
            if signer is not None:
                check.signers[release] = signer
            if when is not None:
                check.timestamps[release] = when
    if check.signers:
        who = sorted(set(check.signers.values()))
        check.findings.append(f"signatures: {len(check.signers)} of {len(chain)} manifests signed by "
                              f"{', '.join(who)}")
    if check.timestamps:
        check.findings.append("timestamps: " + ", ".join(f"{r} at {t}" for r, t in sorted(check.timestamps.items())))


def _attest(base: str, manifest: bytes, files: dict[str, bytes], trust: dict[str, Path], check: BundleCheck,
            recorded: str | None) -> tuple[str | None, str | None] | None:
    """The signature and token of `base`/manifest.yml, a release's or a withdrawal's, checked alike against the
    bundle's trust files: (the "signer key" who signed it, the token's ISO time), either None when absent, or
    None after the first problem (one line). A signature or token the bundle holds no trust file to check is
    refused, not passed; so is a manifest left unsigned when trust/allowed_signers lists who signs, or a token
    missing though `recorded` (what records that it was timestamped) says it was made."""
    signers, certificates = trust.get("trust/allowed_signers"), trust.get("trust/tsa.pem")
    signature, token = files.get(f"{base}/{SIGNATURE}"), files.get(f"{base}/{TIMESTAMP}")
    signer = when = None
    if signature is not None and signers is None:
        check.problems.append(f"{base}/{SIGNATURE}: cannot be checked: trust/allowed_signers is missing")
        return None
    if signature is not None:
        assert signers is not None
        (trust["work"] / SIGNATURE).write_bytes(signature)
        try:
            signer = " ".join(signing.verify(manifest, trust["work"] / SIGNATURE, signers)).strip()
        except signing.SignatureError as exc:
            check.problems.append(f"{base}/{SIGNATURE}: {exc}")
            return None
    elif signers is not None:
        check.problems.append(f"{base}/{MANIFEST}: not signed, though trust/allowed_signers lists who signs releases")
        return None
    if token is None and recorded is not None:
        check.problems.append(f"{base}/{TIMESTAMP}: missing, though {recorded}")
        return None
    if token is not None and certificates is None:
        check.problems.append(f"{base}/{TIMESTAMP}: cannot be checked: trust/tsa.pem is missing")
        return None
    if token is not None:
        assert certificates is not None
        try:
            when = timestamps.verify_token(token, manifest, certificates).isoformat()
        except timestamps.TimestampError as exc:
            check.problems.append(f"{base}/{TIMESTAMP}: {exc}")
            return None
    return signer, when


def _check_chain(index: dict, files: dict[str, bytes], manifests: dict[str, dict], check: BundleCheck) -> None:
    """Each later manifest records the digest of the one before it; the head is the last one's."""
    chain = index["chain"]
    for earlier, later in itertools.pairwise(chain):
        recorded = manifests[later].get("previous_manifest")
        actual = _sha256(files[f"releases/{earlier}/{MANIFEST}"])
        if str(manifests[later].get("previous")) != earlier or recorded != actual:
            check.problems.append(f"releases/{later}/{MANIFEST}: does not follow release {earlier} (the chain is "
                                  "broken)")
            return
    head = _sha256(files[f"releases/{chain[-1]}/{MANIFEST}"])
    if index["head"] != head:
        check.problems.append(f"bundle.json: head {index['head']} is not the latest manifest's sha256 {head}")
    elif len(chain) > 1:
        check.findings.append(f"chain: {' -> '.join(chain)} unbroken; head sha256:{head}")
    else:
        check.findings.append(f"chain: release {chain[0]} is the latest; head sha256:{head}")


def _check_frozen(index: dict, files: dict[str, bytes], manifests: dict[str, dict], check: BundleCheck) -> None:
    """Every file of the release in force matches its manifest, and the text is its frozen text of the region."""
    in_force, region = index["in_force"], index["region"]
    manifest = manifests[in_force]
    if str(manifest.get("effective_date")) != in_force:
        check.problems.append(f"releases/{in_force}/{MANIFEST}: is the manifest of release "
                              f"{manifest.get('effective_date')}, not {in_force}")
        return
    for rel, digest in sorted(_frozen_files(manifests, in_force).items()):
        name = f"releases/{in_force}/{rel}"
        if name not in files:
            check.problems.append(f"{name}: missing from the bundle")
        elif _sha256(files[name]) != digest:
            check.problems.append(f"{name}: sha256 differs from the manifest (the file was changed)")
    if check.problems:
        return
    frozen = f"releases/{in_force}/regions/{region}.md"
    if files.get(index["text"]) != files.get(frozen):
        check.problems.append(f"{index['text']}: differs from the frozen text {frozen}")
    elif index["text_sha256"] != _sha256(files[index["text"]]):
        check.problems.append(f"bundle.json: text_sha256 {index['text_sha256']} is not the text's sha256 "
                              f"{_sha256(files[index['text']])}")
    else:
        check.findings.append(f"text: {index['text']} is the frozen text of release {in_force}, every file of which "
                              "matches its manifest")


def _check_claims(index: dict, files: dict[str, bytes], manifests: dict[str, dict], check: BundleCheck,
                  today: dt.date | None) -> None:
    """The date claimed, against the release records: the release in force took effect on or before
    it, covers the region, and no later release that replaced its text there (`_replaced`) took effect by then; the day
    the bundle was made is a day that has come, not before a token it holds."""
    in_force, region = index["in_force"], index["region"]
    try:
        on = dt.date.fromisoformat(index["date"])
        made = dt.date.fromisoformat(index["made"])
    except ValueError:
        wrong = "date" if not _is_date(index["date"]) else "made"
        check.problems.append(f"bundle.json: {wrong} {index[wrong]!r} is not a YYYY-MM-DD date")
        return
    replaced = _replaced(index, manifests, check)
    versions = index["format"] >= REGION_FORMAT      # format 4: the region's versions, not its releases
    changed = "changed the text of" if versions else "replaced it in"
    dropped = versions and replaced is not None and region not in [str(r) for r in manifests[replaced].get("regions")
                                                                    or ()]
    if dropped:         # (mend1: a release that left the region out ended its text there)
        changed = "left out"
    if on.isoformat() < in_force:
        check.problems.append(f"bundle.json: claims release {in_force} on {on.isoformat()}, but the release "
                              f"records show it took effect only on {in_force}")
    elif replaced is not None and on.isoformat() >= replaced:
        check.problems.append(f"bundle.json: claims release {in_force} on {on.isoformat()}, but the release "
                              f"records show release {replaced} {changed} region '{region}' on {replaced}")
    elif index["superseded_on"] != replaced:
        claimed = json.dumps(index["superseded_on"])
        ended = "left it out" if dropped else "changed its text" if versions else "replaced it"
        check.problems.append(f"bundle.json: superseded_on {claimed}, but the release records show "
                              + (f"release {replaced} {ended} on {replaced}" if replaced else
                                 "no later release in the bundle "
                                 + ("changed its text" if versions else "replaced it")))
    elif today is not None and made > today + dt.timedelta(days=1):
        check.problems.append(f"bundle.json: made {made.isoformat()}, a day that has not come yet")
    elif check.timestamps and made + dt.timedelta(days=1) < max(dt.date.fromisoformat(t[:10])
                                                                for t in check.timestamps.values()):
        check.problems.append(f"bundle.json: made {made.isoformat()}, before the latest timestamp it holds "
                              f"({max(check.timestamps.values())})")
    else:
        check.findings.append(f"date: the release records show {'the version' if versions else 'release'} "
                              f"{in_force} in force in region '{region}' from {in_force} "
                              + (f"until {replaced}" if replaced else "on") + f", so on {on.isoformat()}")


def _check_record(index: dict, files: dict[str, bytes], manifests: dict[str, dict], trust: dict[str, Path],
                  check: BundleCheck) -> None:
    """What an investigation needs besides the text (evidence44): who decided the region's changes, the
    notices prepared for the release that replaced it (against that release's manifest), and each withdrawal
    of the statement (its manifest against the digest a release of the chain recorded, its signature and
    token): named in the findings only when the bundle holds them, so older bundles read as they did."""
    region, in_force = index["region"], index["in_force"]
    verdict = (manifests[in_force].get("verdict") or {}) if isinstance(manifests[in_force].get("verdict"), dict) \
        else {}
    regional = (verdict.get("regions") or {}).get(region) if isinstance(verdict.get("regions"), dict) else None
    changes = regional.get("changes") if isinstance(regional, dict) else None
    decided = [c for c in changes or () if isinstance(c, dict) and isinstance(c.get("acknowledged"), dict)]
    if any(c["acknowledged"].get("by") for c in decided):
        check.findings.append(f"decisions of release {in_force} in region '{region}': " + "; ".join(
            f"{c.get('id')}: {c['acknowledged'].get('decision')} by {c['acknowledged'].get('by') or 'not recorded'}"
            f" ({c['acknowledged'].get('reason')})" for c in decided))
    replaced = _replaced(index, manifests, check)
    if replaced is not None:
        listed = _frozen_files(manifests, replaced)
        held = sorted(rel for rel in listed if notice_region(rel) == region and f"releases/{replaced}/{rel}" in files)
        for rel in held:
            if _sha256(files[f"releases/{replaced}/{rel}"]) != listed[rel]:
                check.problems.append(f"releases/{replaced}/{rel}: sha256 differs from the manifest of release "
                                      f"{replaced} (the file was changed)")
                return
        if held:
            check.findings.append(f"notices: the notices prepared for release {replaced} in region '{region}' "
                                  f"({', '.join(f'releases/{replaced}/{rel}' for rel in held)}) match its manifest")
    recorded: dict[str, tuple[str, str]] = {}
    for release in index["chain"]:
        for name, digest in (manifests[release].get("withdrawn") or {}).items() \
                if isinstance(manifests[release].get("withdrawn"), dict) else ():
            recorded.setdefault(str(name), (str(digest), release))
    names = sorted({m.group(1) for name in files if (m := _WITHDRAWAL.match(name))})
    for name in names:
        base = f"withdrawn/{name}"
        data = files.get(f"{base}/{MANIFEST}")
        if data is None:
            check.problems.append(f"{base}/{MANIFEST}: missing, though the bundle holds its signature, token or "
                                  "recall notices")
            return
        try:
            record = load_yaml(data.decode("utf-8"), f"{base}/{MANIFEST}", fast=True)
        except (ContentError, UnicodeDecodeError):
            record = None
        if not isinstance(record, dict) or record.get("statement") != index["statement"]:
            check.problems.append(f"{base}/{MANIFEST}: not a withdrawal of statement '{index['statement']}'")
            return
        if name in recorded and recorded[name][0] != _sha256(data):
            check.problems.append(f"{base}/{MANIFEST}: differs from the sha256 release {recorded[name][1]} recorded "
                                  "(the withdrawal was changed)")
            return
        vouched = f"recorded by release {recorded[name][1]}" if name in recorded else \
            "recorded by no release of the chain yet"
        attested = _attest(base, data, files, trust, check, "the withdrawal records that it was timestamped"
                           if record.get("timestamped") is True else None)
        if attested is None:
            return
        if attested[0] is not None:
            vouched += f", signed by {attested[0]}"
        if attested[1] is not None:
            vouched += f", timestamped {attested[1]}"
        check.findings.append(f"withdrawal: release {record.get('withdrawn_release')} was withdrawn on "
                              f"{record.get('withdrawn_on')} by {record.get('by') or 'someone not recorded'}, before "
                              f"it took effect: {record.get('reason')} ({base}/{MANIFEST}, {vouched})")
        if not _check_recalls(base, record, files, index["region"], check):
            return
    for name in sorted(set(recorded) - set(names)):
        if names:
            check.problems.append(f"withdrawn/{name}/{MANIFEST}: missing, though release {recorded[name][1]} "
                                  "records the withdrawal")
            return
        # A bundle made before withdrawals were kept in it holds none: said, not refused.
        check.notes.append(f"withdrawal {name}, recorded by release {recorded[name][1]}, is not in the bundle")


def _check_recalls(base: str, record: dict, files: dict[str, bytes], region: str, check: BundleCheck) -> bool:
    """The recall notices a withdrawal (`base`, its `record`) wrote for `region` and the bundle holds (mend1): each
    one the record lists, with its sha256, as the notices of a release are checked against its manifest. Named in
    the findings only when the bundle holds them (bundles made before they were kept in it hold none)."""
    found = record.get("files")
    listed: dict = found if isinstance(found, dict) else {}
    held = sorted(name[len(base) + 1:] for name in files if name.startswith(f"{base}/notices/"))
    for rel in held:
        if notice_region(rel) != region or rel not in listed:
            check.problems.append(f"{base}/{rel}: not a recall notice the withdrawal records for region '{region}'")
            return False
        if _sha256(files[f"{base}/{rel}"]) != str(listed[rel]):
            check.problems.append(f"{base}/{rel}: sha256 differs from the withdrawal's record (the recall notice was "
                                  "changed)")
            return False
    if held:
        check.findings.append(f"recalls: the recall notices the withdrawal wrote for region '{region}' "
                              f"({', '.join(f'{base}/{rel}' for rel in held)}) match its record")
    return True


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


# Files the PDF's streams are searched in for the manifest digest (its XMP metadata names it).
MAX_PDF_STREAMS = 500


def _pdf_names(pdf: bytes, digest: str) -> bool:
    """Whether `pdf` names `digest` (its metadata carries the manifest sha256 of its release)."""
    import re
    import zlib

    needle = digest.encode("ascii")
    if needle in pdf:
        return True
    for count, match in enumerate(re.finditer(rb"stream\r?\n", pdf)):
        if count >= MAX_PDF_STREAMS:
            break
        end = pdf.find(b"endstream", match.end())
        try:
            inflated = zlib.decompressobj().decompress(pdf[match.end():end if end > 0 else None], 20_000_000)
        except zlib.error:
            continue
        if needle in inflated:
            return True
    return False


def _check_pdf(index: dict, files: dict[str, bytes], check: BundleCheck, making: bool = False) -> None:
    """The PDF names its release's manifest digest (a PDF of another release does not), and, when the bundle
    is re-checked, its text is the frozen text of the region (evidence44: a PDF of another region, or one made
    by hand with the digest in it, is refused)."""
    pdf, in_force = index["pdf"], index["in_force"]
    if pdf and pdf in files and not _pdf_names(files[pdf], _sha256(files[f"releases/{in_force}/{MANIFEST}"])):
        check.problems.append(f"{pdf}: does not name the manifest sha256 of release {in_force} (it is not the PDF "
                              "of this release)")
    elif pdf and pdf in files and not making:
        differ = _pdf_text_differs(files[pdf], files[index["text"]])
        if differ is None:
            check.notes.append(f"{pdf}: its text was not compared with the frozen text (pdftotext, from "
                               "poppler-utils, is not installed): the PDF is not verified, only that it names the "
                               "release's manifest; the Markdown text is the record")
        elif differ[0] > PDF_TOLERANCE * differ[1] + PDF_SLACK:
            check.problems.append(f"{pdf}: its text is not the frozen text of region '{index['region']}' "
                                  f"({differ[0]} of {differ[1]} words differ)")
        else:
            version = (f" of the version {index['in_force']} (fingerprint {index['fingerprint']})"
                       if index["format"] >= REGION_FORMAT else "")
            check.notes.append(f"{pdf}: its text is the frozen text {index['text']}{version}, word for word but for "
                               f"line breaks and hyphenation ({differ[0]} of {differ[1]} words); its layout is not "
                               "checked, and the Markdown text is the record")


# A PDF's text (pdftotext) and the frozen Markdown differ by hyphenation at line breaks and link targets only:
# the words of the same region differ by about 0.3 % (the example: 15 to 26 of 7,400 to 8,300 words), those
# of another region by 2 % or more (163 to 7,400). Hand-made PDFs with the digest in them fail too.
PDF_TOLERANCE = 0.01
PDF_SLACK = 10
_WORD = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff]|[^\W\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff]+")


def _pdf_text_differs(pdf: bytes, markdown: bytes) -> tuple[int, int] | None:
    """How many words the PDF's text and the Markdown differ by (missing plus extra, as multisets), and the
    Markdown's count; None when pdftotext is not there. The page margins (lines on half the pages or more:
    title, version, date, manifest) and page numbers are left out, link targets too (the PDF shows the text)."""
    import collections
    import shutil
    import subprocess

    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    try:
        done = subprocess.run([tool, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = done.stdout.decode("utf-8", "replace")
    pages = max(1, text.count("\f"))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    seen = collections.Counter(lines)
    kept = [line for line in lines if seen[line] < max(2, pages / 2)
            and not (len(_WORD.findall(line)) <= 6 and re.fullmatch(r"\D*\d+\D+\d+\D*", line))]
    source = markdown.decode("utf-8", "replace")
    source = re.sub(r"\]\([^)]*\)", "]", source)
    source = re.sub(r"<(?:https?|mailto):[^>]*>", " ", source)
    want = collections.Counter(_WORD.findall(source.lower()))
    have = collections.Counter(_WORD.findall("\n".join(kept).lower()))
    return sum((want - have).values()) + sum((have - want).values()), sum(want.values())


def _check_readme(index: dict, files: dict[str, bytes], check: BundleCheck) -> None:
    """The README is what bundle.json and the release records make, word for word (format 3); a
    format-2 README, made by an older privacykit, is held to its answer (its first three lines)."""
    if "README.md" not in files:
        check.problems.append("README.md: missing from the bundle")
        return
    made = BundleCheck(findings=check.findings, signers=check.signers, timestamps=check.timestamps, sent=check.sent)
    expected = verification_report(index, files, made).splitlines()
    actual = files["README.md"].decode("utf-8", "replace").splitlines()
    if index["format"] < 3:
        expected, actual = expected[:3], actual[:3]
    for number, (want, have) in enumerate(itertools.zip_longest(expected, actual), 1):
        if want != have:
            said = (have or "")[:60] + ("…" if len(have or "") > 60 else "")
            check.problems.append(f"README.md: line {number} differs from what bundle.json and the release records "
                                  f"say (it reads {said!r})" if have is not None else
                                  f"README.md: ends at line {number - 1}, before what bundle.json and the release "
                                  "records say")
            return


def _unsigned_notes(index: dict, check: BundleCheck) -> None:
    """Say plainly what rests on bundle.json alone when nobody signed it."""
    if check.signed:
        signer = check.bundle_signer
        if check.signers and signer not in check.signers.values():
            check.notes.append(f"bundle.json was signed by {signer}, a key that signed none of the releases in the "
                               "bundle: compare it with the keys the company publishes")
        return
    why = ("this format-2 bundle was made before bundles were signed; only its README's answer was compared"
           if index["format"] < 3 else "the bundle was made without --sign-key")
    source = "the signed manifests" if check.signers else "the manifests (which are not signed either)"
    check.notes.append(f"bundle.json is not signed ({why}): every claim in it was recomputed from {source} except "
                       f"two, which rest on bundle.json alone: made {index['made']} (the day the bundle was made; it "
                       f"sets only the tense) and that the chain ends at head sha256:{index['head']} (a later release "
                       "could have been left out: compare the head with a record kept elsewhere)")


def verification_report(index: dict, files: dict[str, bytes], check: BundleCheck) -> str:
    """The bundle's README: the answer, what vouches for it, and the commands to re-check it."""
    statement, region, on, version = index["statement"], index["region"], index["date"], index["in_force"]
    chain: list[str] = index["chain"]
    signer = index.get("signer")
    lines = [
        f"# Evidence: the '{statement}' privacy statement in region '{region}' on {on}",
        "",
        answer(index),
        "",
        f"- The text: `{index['text']}` (sha256 `{index['text_sha256']}`), the frozen record of what readers saw.",
    ]
    if index.get("pdf"):
        lines.append(f"- Its archival PDF: `{index['pdf']}` (PDF/A-3b, tagged PDF/UA-1), rendered from that text; "
                     "the Markdown text is the record the manifest hashes.")
    if index["format"] >= REGION_FORMAT:
        lines += [f"- The region's {finding}" for finding in check.findings
                  if finding.startswith(("versions: ", "fingerprints: "))]
    lines += [f"- Notices {finding.removeprefix('notices ')}" for finding in check.findings
              if finding.startswith("notices sent: ")]
    trust = sentrecord.trust_line(index, check.sent, signer)
    if trust:
        lines.append(f"- `{trust.replace(': ', '`: ', 1)}.")
    if signer:
        lines.append(f"- `bundle.json` states this answer and lists the sha256 of every other file of the bundle, "
                     f"this README included; `{signer}` signed it (`{BUNDLE_SIGNATURE}`, an SSH signature in "
                     f"namespace `{BUNDLE_NAMESPACE}`), so every claim of the bundle is signed. `privacykit evidence "
                     "--verify` checks the signature, recomputes the answer from the release manifests and refuses "
                     "any file that is changed, missing or not listed.")
    else:
        lines.append("- `bundle.json` states this answer and lists the sha256 of every other file of the bundle, "
                     "this README included. It is not signed (the bundle was made without a key): `privacykit "
                     "evidence --verify` recomputes every claim from the release manifests and refuses any file "
                     f"that is changed, missing or not listed; only the day the bundle was made ({index['made']}) "
                     "and that no later release was left out rest on `bundle.json` alone.")
    lines += [
        f"- The release: `releases/{version}/` holds every file of it and its `manifest.yml`, which lists the "
        "sha256 of each file (copied into `SHA256SUMS`).",
        f"- The chain to the latest release: {' -> '.join(f'`{c}`' for c in chain)}; each manifest records the "
        "sha256 of the one before it (`previous_manifest`), so the latest manifest (the head, "
        f"sha256 `{index['head']}`) commits to all of them.",
        "",
        "## What was checked when this bundle was made",
        "",
        *[f"- {finding}" for finding in check.findings],
        *[f"- PROBLEM: {problem}" for problem in check.problems],
        "",
        "## Re-check it yourself",
        "",
        "Unzip the bundle and run these commands in its folder (sha256sum and sed from coreutils, ssh-keygen "
        "from OpenSSH 8.2 or later, openssl 1.1 or later). Or run `privacykit evidence --verify BUNDLE.zip`.",
        "",
        "```sh",
    ]
    if signer:
        lines += ["# bundle.json is signed (the signer is named in trust/allowed_signers)",
                  f"ssh-keygen -Y verify -f trust/allowed_signers -I {signer} -n {BUNDLE_NAMESPACE} "
                  f"-s {BUNDLE_SIGNATURE} < bundle.json"]
    lines += [
        "# Every other file matches the sha256 bundle.json lists for it",
        "sed -n 's/^    \"\\(.*\\)\": \"\\([0-9a-f]\\{64\\}\\)\",\\{0,1\\}$/\\2  \\1/p' bundle.json | sha256sum -c "
        "--quiet",
        "# Every file of the release matches its manifest (SHA256SUMS repeats the manifest's files: list;",
        "#    compare the two), and the text is the frozen one",
        f"(cd releases/{version} && sha256sum -c SHA256SUMS)",
        f"sed -n '/^files:/,$p' releases/{version}/manifest.yml",
        f"cmp {index['text']} releases/{version}/regions/{region}.md",
    ]
    if index["format"] >= REGION_FORMAT and len(chain) > 1:
        lines += ["# The region's text in the releases around it: each is listed in its manifest, and the same",
                  "#    sha256 is the same text (the fingerprints are privacykit's: privacykit evidence --verify)",
                  f"sha256sum releases/*/regions/{region}.md",
                  f"grep -H 'regions/{region}.md' releases/*/{MANIFEST}"]
    if len(chain) > 1:
        lines.append("# The chain: each manifest names the sha256 of the one before it")
        for earlier, later in itertools.pairwise(chain):
            lines.append(f"sha256sum releases/{earlier}/manifest.yml; grep previous_manifest "
                         f"releases/{later}/manifest.yml")
    signed = [c for c in chain if f"releases/{c}/{SIGNATURE}" in files]
    if signed:
        lines.append("# The signatures (the signer is named in trust/allowed_signers)")
        for release in signed:
            who = check.signers.get(release, "SIGNER").split(" ")[0]
            lines.append(f"ssh-keygen -Y verify -f trust/allowed_signers -I {who} -n {SIGNATURE_NAMESPACE} "
                         f"-s releases/{release}/manifest.yml.sig < releases/{release}/manifest.yml")
    stamped = [c for c in chain if f"releases/{c}/{TIMESTAMP}" in files]
    if stamped:
        lines.append("# The RFC 3161 timestamps (the authority's certificates are in trust/tsa.pem)")
        for release in stamped:
            lines.append(f"openssl ts -verify -data releases/{release}/manifest.yml -in "
                         f"releases/{release}/manifest.yml.tsr -CAfile trust/tsa.pem")
            lines.append(f"openssl ts -reply -in releases/{release}/manifest.yml.tsr -text | grep 'Time stamp'")
    lines += ["```", ""]
    if not signed:
        lines += ["The releases in this bundle carry no signature: nothing outside the repository vouches for the "
                  "head; compare it with a copy kept elsewhere (a CI log of `privacykit verify` prints it).", ""]
    lines += [
        "The allowed signers file comes from the same repository as the releases: compare its key with the one "
        "the company publishes (or the one you received before) before you trust a signature.",
        "",
    ]
    return "\n".join(lines)


def answer(index: dict) -> str:
    """What the bundle says, in the tense the day it was made asks for: a date after it is what
    the releases schedule, and a replacement after it is still to come."""
    on, region, version, replaced = index["date"], index["region"], index["in_force"], index["superseded_on"]
    made = index.get("made") or on
    if index["format"] >= REGION_FORMAT:
        return _version_answer(index, made)
    if on > made:
        text = (f"On {on} the version in force in region '{region}' is scheduled to be the release effective "
                f"**{version}** (this bundle was made on {made}, before that date)")
    else:
        text = f"On {on} the version in force in region '{region}' was the release effective **{version}**"
    if replaced and replaced > made:
        return text + f", which is scheduled to be superseded on {replaced}."
    if replaced:
        return text + f", superseded on {replaced}."
    return text + ", still the latest release when this bundle was made."


def _version_answer(index: dict, made: str) -> str:
    """Format 4: the region's version in force on the date (the release that made its text, its
    fingerprint) and the day a later release changed this region's text, or that none did."""
    on, region, version, replaced = index["date"], index["region"], index["in_force"], index["superseded_on"]
    text = (f"On {on} the text in force in region '{region}' {'is scheduled to be' if on > made else 'was'} its "
            f"version of **{version}** (language {index['language']}, fingerprint `{index['fingerprint']}`), made "
            f"by the release effective {version}")
    if on > made:
        text += f" (this bundle was made on {made}, before that date)"
    if replaced and replaced > made:
        return text + f"; a later release is scheduled to change this region's text on {replaced}."
    if replaced:
        return text + f"; a later release changed this region's text on {replaced}."
    return text + "; still in force: no later release had changed this region's text when this bundle was made."


def read_bundle(path: Path) -> dict[str, bytes]:
    """The files of a bundle zip, refusing anything that is not a small, plain bundle."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES or sum(i.file_size for i in infos) > MAX_BUNDLE_BYTES:
                raise UsageError(Problem(str(path), None, "too large for an evidence bundle",
                                         "check that this is the bundle you meant"))
            files = {}
            for info in infos:
                name = PurePosixPath(info.filename)
                if info.is_dir():
                    continue
                if name.is_absolute() or ".." in name.parts:
                    raise UsageError(Problem(str(path), None, f"unsafe path in the bundle: {info.filename}",
                                             "this is not a privacykit evidence bundle"))
                files[info.filename] = archive.read(info)
            return files
    except (zipfile.BadZipFile, OSError) as exc:
        raise UsageError(Problem(str(path), None, f"not a readable zip file ({exc})",
                                 "give the path of an evidence bundle")) from None


def write_bundle(bundle: Bundle, target: Path) -> None:
    """Write the zip in one step (a failure leaves no half-written file)."""
    from ..atomic import replace_file

    target.parent.mkdir(parents=True, exist_ok=True)
    replace_file(target, bundle.to_zip())


def unpack(files: dict[str, bytes], folder: Path) -> None:
    """Write a bundle's files under `folder` (for the standard tools)."""
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)



def check_pinned(files: dict[str, bytes], check: BundleCheck, pin: tuple[set[str], str]) -> None:
    """A bundle carries its own trust/allowed_signers, so its signatures prove only that someone whose
    key is in that file signed: with a `pin` (fingerprints kept elsewhere, and where they were read),
    every manifest of the chain, and bundle.json when signed, must be signed by a pinned key."""
    chain = json.loads(files["bundle.json"])["chain"]
    for release in chain:
        who = check.signers.get(release)
        if who is None:
            check.problems.append(f"releases/{release}/{MANIFEST}: not signed, though the trusted signers "
                                  f"{pin[1]} are pinned")
        elif who.rsplit(" ", 1)[-1] not in pin[0]:
            check.problems.append(f"releases/{release}/{SIGNATURE}: signed by {who}, a key the trusted signers "
                                  f"{pin[1]} do not name")
    if check.bundle_signer and check.bundle_signer.rsplit(" ", 1)[-1] not in pin[0]:
        check.problems.append(f"{BUNDLE_SIGNATURE}: signed by {check.bundle_signer}, a key the trusted signers "
                              f"{pin[1]} do not name")
    if not check.problems:
        check.notes.append(f"every signature is by a key the trusted signers {pin[1]} name")
