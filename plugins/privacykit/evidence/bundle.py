"""Evidence bundles: what a statement said in a region on a date, with what proves it.

A bundle is a zip a third party can check with standard tools alone (sha256sum,
ssh-keygen, openssl), or with `privacykit evidence --verify`::

    README.md                          the verification report, with the commands to re-run
    bundle.json                        what the bundle claims (statement, region, date, release in
                                       force) and the sha256 of every other file, for `--verify`
    text/<statement>-<region>-<version>.md    the text in force that day (the frozen record)
    text/<statement>-<region>-<version>.pdf   its archival PDF (PDF/A-3b, tagged)
    releases/<version>/...             the release in force: every frozen file, its manifest,
                                       signature and timestamp, and SHA256SUMS from the manifest
    releases/<later>/manifest.yml(.sig, .tsr)   each later release's manifest: the chain to the head
    trust/allowed_signers              who may sign releases
    trust/tsa.pem                      the timestamping authority's certificates (when configured)

`--verify` trusts no claim of bundle.json: it recomputes from the release manifests in
the bundle (hashed, chained, signed and timestamped) which release was in force in the
region on the claimed date and when the next one replaced it, checks every file against
the hashes (the frozen ones against their manifest, the others against bundle.json), and
refuses any file that is not part of the evidence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import json
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import ContentError, Problem, UsageError
from ..load.yamlio import load_yaml
from ..versions import lookup
from ..versions.store import MANIFEST, SIGNATURE, TIMESTAMP, Version, VersionStore
from . import signing, timestamps
from .settings import SIGNATURE_NAMESPACE, load_evidence_settings

# Format 2 lists the sha256 of every file in bundle.json and records the day the bundle was made.
BUNDLE_FORMAT = 2
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


def in_force_on(store: VersionStore, statement: str, region: str, on: dt.date) -> tuple[Version, list[Version]]:
    """The release of `statement` in force in `region` on `on`, and every release after it."""
    versions = store.versions(statement)
    if not versions:
        raise UsageError(Problem(store.shown(store.folder(statement)), None, f"statement '{statement}' has no "
                                 "releases", "release it first"))
    regional = [v for v in versions if region in v.regions]
    version = lookup.in_force(regional, on)
    if version is None:
        first = regional[0].id if regional else "none"
        raise UsageError(Problem("--at", None, f"no release of '{statement}' was in force in region '{region}' on "
                                 f"{on.isoformat()}", f"its first release in that region took effect on {first}"))
    return version, [v for v in versions if v.effective_date > version.effective_date]


def superseded_by(later: list[Version], region: str) -> Version | None:
    """The first of `later` releases that covers `region`: the one that replaced the text there."""
    return next((v for v in later if region in v.regions), None)


def make_bundle(store: VersionStore, statement: str, region: str, on: dt.date, pdf: bytes | None,
                today: dt.date | None = None) -> Bundle:
    """The evidence bundle of what `statement` said in `region` on `on` (the history must verify);
    `today` is the day it is made (a date after it is what a release schedules, not what was)."""
    problems = store.verify([statement])
    if problems:
        raise ContentError(problems)
    settings = load_evidence_settings(store.base, store.root)
    version, later = in_force_on(store, statement, region, on)
    bundle = Bundle()
    stem = f"{statement}-{region}-{version.id}"
    text = (version.folder / "regions" / f"{region}.md").read_bytes()
    bundle.add(f"text/{stem}.md", text)
    if pdf is not None:
        bundle.add(f"text/{stem}.pdf", pdf)
    base = f"releases/{version.id}"
    for rel in sorted(version.files):
        bundle.add(f"{base}/{rel}", (version.folder / rel).read_bytes())
    bundle.add(f"{base}/SHA256SUMS", "".join(f"{digest}  {rel}\n" for rel, digest in sorted(version.files.items()))
               .encode("utf-8"))
    for release in [version, *later]:
        for name in (MANIFEST, SIGNATURE, TIMESTAMP):
            if (release.folder / name).is_file():
                bundle.add(f"releases/{release.id}/{name}", (release.folder / name).read_bytes())
    if settings.signers is not None:
        bundle.add("trust/allowed_signers", settings.signers.read_bytes())
    if settings.tsa_certificates is not None:
        bundle.add("trust/tsa.pem", settings.tsa_certificates.read_bytes())
    chain = [version.id, *(v.id for v in later)]
    replaced = superseded_by(later, region)
    index: dict = {
        "format": BUNDLE_FORMAT, "statement": statement, "region": region, "date": on.isoformat(),
        "made": (today or dt.date.today()).isoformat(),
        "in_force": version.id, "superseded_on": replaced.id if replaced else None,
        "text": f"text/{stem}.md", "pdf": f"text/{stem}.pdf" if pdf is not None else None,
        "text_sha256": _sha256(text), "chain": chain, "head": store.head(statement),
    }
    bundle.add("bundle.json", _json(index))
    report = check_bundle_files(bundle.files, making=True)
    bundle.add("README.md", verification_report(index, bundle.files, report).encode("utf-8"))
    # bundle.json covers every other file, the README included.
    index["files"] = {name: _sha256(data) for name, data in sorted(bundle.files.items()) if name != "bundle.json"}
    bundle.add("bundle.json", _json(index))
    return bundle


def _json(index: dict) -> bytes:
    return (json.dumps(index, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


@dataclass
class BundleCheck:
    """What re-checking a bundle found: each finding in one line, and the problems."""

    findings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    signers: dict[str, str] = field(default_factory=dict)           # release -> "signer key"
    timestamps: dict[str, str] = field(default_factory=dict)        # release -> ISO time

    @property
    def ok(self) -> bool:
        return not self.problems


def check_bundle_files(files: dict[str, bytes], making: bool = False) -> BundleCheck:
    """Re-check a bundle from its files alone (no repository): hashes, chain, signatures, timestamps,
    the claimed date against the manifests, and that every file is covered. `making`: the
    check of a bundle being made, before its README and file list exist."""
    check = BundleCheck()
    try:
        index = json.loads(files["bundle.json"])
        chain = [str(v) for v in index["chain"]]
        in_force, text_name = str(index["in_force"]), str(index["text"])
        if not chain or chain[0] != in_force:
            raise ValueError("the chain starts elsewhere")
    except (KeyError, ValueError, TypeError, AttributeError):
        check.problems.append("bundle.json: missing or unreadable; this is not a privacykit evidence bundle")
        return check
    if not making and index.get("format") != BUNDLE_FORMAT:
        check.problems.append(f"bundle.json: format {index.get('format')!r} (this privacykit checks format "
                              f"{BUNDLE_FORMAT}, which covers every file); make the bundle again")
        return check
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
    if not isinstance(index.get("pdf") or "", str):
        check.problems.append("bundle.json: pdf is not a file name")
    if check.problems:
        return check
    # The text in force: the frozen file, hashed in its release's manifest.
    listed = {str(k): str(v) for k, v in (manifests[in_force].get("files") or {}).items()}
    for rel, digest in sorted(listed.items()):
        name = f"releases/{in_force}/{rel}"
        if name not in files:
            check.problems.append(f"{name}: missing from the bundle")
        elif _sha256(files[name]) != digest:
            check.problems.append(f"{name}: sha256 differs from the manifest (the file was changed)")
    frozen = f"releases/{in_force}/regions/{index.get('region')}.md"
    if files.get(text_name) != files.get(frozen):
        check.problems.append(f"{text_name}: differs from the frozen text {frozen}")
    elif not check.problems:
        check.findings.append(f"text: {text_name} is the frozen text of release {in_force}, every file of which "
                              "matches its manifest")
    # The chain: each later manifest records the digest of the one before it.
    for earlier, later in itertools.pairwise(chain):
        recorded = manifests[later].get("previous_manifest")
        actual = _sha256(files[f"releases/{earlier}/{MANIFEST}"])
        if str(manifests[later].get("previous")) != earlier or recorded != actual:
            check.problems.append(f"releases/{later}/{MANIFEST}: does not follow release {earlier} (the chain is "
                                  "broken)")
    head = _sha256(files[f"releases/{chain[-1]}/{MANIFEST}"])
    if index.get("head") and index["head"] != head:
        check.problems.append(f"bundle.json: head {index['head']} is not the latest manifest's sha256 {head}")
    elif len(chain) > 1 and not any("chain" in p for p in check.problems):
        check.findings.append(f"chain: {' -> '.join(chain)} unbroken; head sha256:{head}")
    else:
        check.findings.append(f"chain: release {in_force} is the latest; head sha256:{head}")
    _check_claim(index, manifests, chain, check)
    if not making:
        _check_coverage(index, files, manifests, chain, check)
    # A release some manifest records as timestamped must carry its token.
    stamped_by: dict[str, str] = {}
    for release in chain:
        for stamped in manifests[release].get("timestamped") or ():
            stamped_by.setdefault(str(stamped), release)
    _check_attestations(files, chain, check, stamped_by)
    return check


def _manifest_shaped(manifest: object) -> bool:
    """A manifest read from an untrusted bundle has the shape the checks below read (they run before
    its signature is checked): a mapping whose `files` is a mapping and `regions`, `timestamped` lists."""
    return (isinstance(manifest, dict) and isinstance(manifest.get("files") or {}, dict)
            and all(isinstance(manifest.get(key) or [], list) for key in ("regions", "timestamped")))


def _check_claim(index: dict, manifests: dict[str, dict], chain: list[str], check: BundleCheck) -> None:
    """The date claimed, against the release records: the release in force took effect on or before
    it, covers the region, and no later release covering the region took effect by then."""
    in_force, region = chain[0], str(index.get("region"))
    try:
        on = dt.date.fromisoformat(str(index.get("date")))
    except ValueError:
        check.problems.append(f"bundle.json: date {index.get('date')!r} is not a YYYY-MM-DD date")
        return
    manifest = manifests[in_force]
    if str(manifest.get("effective_date")) != in_force:
        check.problems.append(f"releases/{in_force}/{MANIFEST}: is the manifest of release "
                              f"{manifest.get('effective_date')}, not {in_force}")
        return
    if region not in [str(r) for r in manifest.get("regions") or ()]:
        check.problems.append(f"bundle.json: release {in_force} holds no text for region '{region}'")
        return
    replaced = next((r for r in chain[1:] if region in [str(x) for x in manifests[r].get("regions") or ()]), None)
    problems = len(check.problems)
    if on.isoformat() < in_force:
        check.problems.append(f"bundle.json: claims release {in_force} on {on.isoformat()}, but the release "
                              f"records show it took effect only on {in_force}")
    if replaced is not None and on.isoformat() >= replaced:
        check.problems.append(f"bundle.json: claims release {in_force} on {on.isoformat()}, but the release "
                              f"records show release {replaced} replaced it in region '{region}' on {replaced}")
    if index.get("superseded_on") != replaced:
        claimed = json.dumps(index.get("superseded_on"))
        check.problems.append(f"bundle.json: superseded_on {claimed}, but the release records show "
                              + (f"release {replaced} replaced it on {replaced}" if replaced else
                                         "no later release in the bundle replaced it"))
    if len(check.problems) == problems:
        check.findings.append(f"date: the release records show release {in_force} in force in region '{region}' "
                              f"from {in_force} " + (f"until {replaced}" if replaced else "on")
                              + f", so on {on.isoformat()}")


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


def _check_coverage(index: dict, files: dict[str, bytes], manifests: dict[str, dict], chain: list[str],
                    check: BundleCheck) -> None:
    """Every file is one the bundle holds by design and matches its hash; nothing else is in it."""
    in_force = chain[0]
    listed = index.get("files")
    if not isinstance(listed, dict):
        check.problems.append("bundle.json: lists no files (nothing covers the PDF or the README)")
        return
    frozen = {str(k): str(v) for k, v in (manifests[in_force].get("files") or {}).items()}
    expected = {"README.md", str(index.get("text")), "trust/allowed_signers", "trust/tsa.pem",
                f"releases/{in_force}/SHA256SUMS", *(f"releases/{in_force}/{rel}" for rel in frozen),
                *(f"releases/{r}/{name}" for r in chain for name in (MANIFEST, SIGNATURE, TIMESTAMP))}
    if index.get("pdf"):
        expected.add(str(index["pdf"]))
    problems = len(check.problems)
    for name in sorted(set(files) - {"bundle.json"}):
        if name not in expected:
            check.problems.append(f"{name}: not part of the evidence (added to the bundle)")
        elif name not in listed:
            check.problems.append(f"{name}: not listed in bundle.json (added to the bundle)")
        elif listed[name] != _sha256(files[name]):
            check.problems.append(f"{name}: sha256 differs from bundle.json (the file was changed)")
    for name in sorted(set(listed) - set(files)):
        check.problems.append(f"{name}: missing from the bundle (bundle.json lists it)")
    sums = f"releases/{in_force}/SHA256SUMS"
    if sums in files and files[sums] != "".join(f"{d}  {r}\n" for r, d in sorted(frozen.items())).encode("utf-8"):
        check.problems.append(f"{sums}: differs from the manifest's files: list")
    pdf = index.get("pdf")
    if pdf and pdf in files and not _pdf_names(files[pdf], _sha256(files[f"releases/{in_force}/{MANIFEST}"])):
        check.problems.append(f"{pdf}: does not name the manifest sha256 of release {in_force} (it is not the PDF "
                              "of this release)")
    if "README.md" in files:
        try:
            said = verification_report(index, files, BundleCheck()).splitlines()[:3]
        except (KeyError, TypeError, AttributeError):
            said = None
            check.problems.append("bundle.json: incomplete (statement, region, date or release missing)")
        if said is not None and files["README.md"].decode("utf-8", "replace").splitlines()[:3] != said:
            check.problems.append("README.md: its answer differs from bundle.json")
    if len(check.problems) == problems:
        check.findings.append(f"files: all {len(files)} files are the evidence's own and match their sha256")


def _check_attestations(files: dict[str, bytes], chain: list[str], check: BundleCheck,
                        recorded: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory(prefix="privacykit-bundle-") as folder:
        work = Path(folder)
        signers = work / "allowed_signers"
        if "trust/allowed_signers" in files:
            signers.write_bytes(files["trust/allowed_signers"])
        certificates = work / "tsa.pem"
        if "trust/tsa.pem" in files:
            certificates.write_bytes(files["trust/tsa.pem"])
        for release in chain:
            manifest = files[f"releases/{release}/{MANIFEST}"]
            signature = files.get(f"releases/{release}/{SIGNATURE}")
            if signature is not None:
                (work / "manifest.yml.sig").write_bytes(signature)
                if not signers.exists():
                    check.problems.append(f"releases/{release}/{SIGNATURE}: cannot be checked: "
                                          "trust/allowed_signers is missing")
                else:
                    try:
                        signer, key = signing.verify(manifest, work / "manifest.yml.sig", signers)
                        check.signers[release] = f"{signer} {key}".strip()
                    except signing.SignatureError as exc:
                        check.problems.append(f"releases/{release}/{SIGNATURE}: {exc}")
            elif signers.exists():
                check.problems.append(f"releases/{release}/{MANIFEST}: not signed, though trust/allowed_signers "
                                      "lists who signs releases")
            token = files.get(f"releases/{release}/{TIMESTAMP}")
            if token is None and release in recorded:
                check.problems.append(f"releases/{release}/{TIMESTAMP}: missing, though the manifest of release "
                                      f"{recorded[release]} records that this release was timestamped")
            if token is not None:
                if not certificates.exists():
                    check.problems.append(f"releases/{release}/{TIMESTAMP}: cannot be checked: trust/tsa.pem is "
                                          "missing")
                    continue
                try:
                    when = timestamps.verify_token(token, manifest, certificates)
                    check.timestamps[release] = when.isoformat()
                except timestamps.TimestampError as exc:
                    check.problems.append(f"releases/{release}/{TIMESTAMP}: {exc}")
    if check.signers:
        who = sorted(set(check.signers.values()))
        check.findings.append(f"signatures: {len(check.signers)} of {len(chain)} manifests signed by "
                              f"{', '.join(who)}")
    if check.timestamps:
        check.findings.append("timestamps: " + ", ".join(f"{r} at {t}" for r, t in sorted(check.timestamps.items())))


def verification_report(index: dict, files: dict[str, bytes], check: BundleCheck) -> str:
    """The bundle's README: the answer, what vouches for it, and the commands to re-check it."""
    statement, region, on, version = index["statement"], index["region"], index["date"], index["in_force"]
    chain: list[str] = index["chain"]
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
    lines += [
        "- `bundle.json` states this answer and lists the sha256 of every other file of the bundle; "
        "`privacykit evidence --verify` recomputes the answer from the release manifests and refuses any file "
        "that is changed, missing or not listed.",
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
        "Unzip the bundle and run these commands in its folder (sha256sum from coreutils, ssh-keygen from "
        "OpenSSH 8.2 or later, openssl 1.1 or later). Or run `privacykit evidence --verify BUNDLE.zip`.",
        "",
        "```sh",
        "# Every file of the release matches its manifest (SHA256SUMS repeats the manifest's files: list;",
        "#    compare the two), and the text is the frozen one",
        f"(cd releases/{version} && sha256sum -c SHA256SUMS)",
        f"sed -n '/^files:/,$p' releases/{version}/manifest.yml",
        f"cmp {index['text']} releases/{version}/regions/{region}.md",
    ]
    if len(chain) > 1:
        lines.append("# The chain: each manifest names the sha256 of the one before it")
        for earlier, later in itertools.pairwise(chain):
            lines.append(f"sha256sum releases/{earlier}/manifest.yml; grep previous_manifest "
                         f"releases/{later}/manifest.yml")
    signed = [c for c in chain if f"releases/{c}/{SIGNATURE}" in files]
    if signed:
        lines.append("# The signatures (the signer is named in trust/allowed_signers)")
        for release in signed:
            signer = check.signers.get(release, "SIGNER").split(" ")[0]
            lines.append(f"ssh-keygen -Y verify -f trust/allowed_signers -I {signer} -n {SIGNATURE_NAMESPACE} "
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

