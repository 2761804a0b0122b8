"""Signing and timestamping a release's manifest, and checking both.

A release's attestations sit next to its manifest and are not among its hashed files
(they vouch for the manifest, which lists the hashes)::

    manifest.yml.sig   SSH signature of manifest.yml by one of the allowed signers
    manifest.yml.tsr   RFC 3161 timestamp response for the sha256 of manifest.yml
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import replace_file
from ..errors import ContentError, Problem, UsageError
from ..versions.store import MANIFEST, SIGNATURE, TIMESTAMP
from . import signing, timestamps
from .settings import SIGNATURE_NAMESPACE, EvidenceSettings

KEY_VARIABLE = "PRIVACYKIT_SIGNING_KEY"


@dataclass(frozen=True)
class Attestation:
    """What vouches for one release: who signed it (and with which key), and when it was timestamped."""

    signer: str | None = None
    fingerprint: str | None = None
    timestamped: dt.datetime | None = None
    problems: tuple[Problem, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Attestor:
    """Makes the attestations of new releases: a signature with `key`, a token from `timestamp_url`."""

    settings: EvidenceSettings
    key: Path | None = None
    timestamp_url: str | None = None

    @classmethod
    def for_release(cls, settings: EvidenceSettings, key: Path | None, timestamp_url: str | None,
                    shown_signers: str = "versions/allowed_signers") -> Attestor:
        """The attestor a release needs, or a usage error before anything is written."""
        key = key or (Path(os.environ[KEY_VARIABLE]) if os.environ.get(KEY_VARIABLE) else None)
        if settings.signatures_required and key is None:
            raise UsageError(Problem("--sign-key", None, f"releases of this project are signed ({shown_signers} "
                                     "lists who may sign)", f"pass --sign-key with your SSH private key, or set "
                                     f"{KEY_VARIABLE}"))
        if key is not None and not key.is_file():
            raise UsageError(Problem(str(key), None, "signing key not found", "give the path of an SSH private key"))
        url = timestamp_url or settings.timestamp_url
        if url and not url.startswith(("http://", "https://")):
            raise UsageError(Problem("--timestamp", None, f"'{url}' is not an http(s) address",
                                     "give the timestamping authority's http:// or https:// address"))
        if url and settings.tsa_certificates is None:
            raise UsageError(Problem("--timestamp", None, "no TSA certificates are configured, so the token "
                                     "could not be checked", "save the authority's certificate chain (PEM) and "
                                     "name it as timestamp: certificates: in versions/evidence.yml"))
        return cls(settings, key, url)

    @property
    def active(self) -> bool:
        return self.key is not None or self.timestamp_url is not None

    def check_key(self, shown_signers: str = "versions/allowed_signers",
                  namespace: str = SIGNATURE_NAMESPACE) -> str | None:
        """Sign a probe with `key` in `namespace` and, where the project lists its signers, check it
        against them: a file that is no usable private key, or a key not allowed there, is one line
        (`UsageError`) before anything is written. Returns the signer the allowed signers name."""
        if self.key is None:
            return None
        import tempfile

        probe = b"privacykit: signing key check\n"
        try:
            signature = signing.sign(probe, self.key, namespace)
            if self.settings.signers is None:
                return None
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / SIGNATURE
                path.write_bytes(signature)
                return signing.verify(probe, path, self.settings.signers, namespace, "the probe")[0]
        except signing.SignatureError as exc:
            raise UsageError(Problem(str(self.key), None, f"cannot sign with this key: {exc}",
                                     "pass an SSH private key (ssh-keygen -t ed25519 makes one) whose public key "
                                     f"is listed in {shown_signers}")) from None

    def attest(self, folder: Path) -> None:
        """Sign and timestamp `folder`/manifest.yml (a release being written); raise on failure."""
        manifest = (folder / MANIFEST).read_bytes()
        if self.key is not None and not (folder / SIGNATURE).exists():
            try:
                signature = signing.sign(manifest, self.key)
                replace_file(folder / SIGNATURE, signature)
                if self.settings.signers is not None:
                    signing.verify(manifest, folder / SIGNATURE, self.settings.signers)
            except signing.SignatureError as exc:
                (folder / SIGNATURE).unlink(missing_ok=True)
                raise UsageError(Problem("--sign-key", None, str(exc),
                                         "sign with a key listed in versions/allowed_signers")) from None
        if self.timestamp_url and not (folder / TIMESTAMP).exists():
            try:
                token = timestamps.request_token(self.timestamp_url, manifest)
                assert self.settings.tsa_certificates is not None
                timestamps.verify_token(token, manifest, self.settings.tsa_certificates)
            except timestamps.TimestampError as exc:
                raise ContentError(Problem("--timestamp", None, f"no timestamp: {exc}",
                                           "check the authority's address and certificates, then run again")) \
                    from None
            replace_file(folder / TIMESTAMP, token)


def timestamp_records(manifests: Iterable[tuple[str, Iterable[object]]]) -> dict[str, str]:
    """Release -> the first release whose manifest records it as timestamped (`timestamped:`), from
    (release, its manifest's `timestamped` list) in chain order: a release listed here must still
    carry its token. `verify` reads it from the store, `evidence --verify` from a bundle."""
    recorded: dict[str, str] = {}
    for release, stamped in manifests:
        for other in stamped:
            recorded.setdefault(str(other), release)
    return recorded


def _statement_of(folder: Path) -> str:
    """The statement a release folder belongs to: `versions/<statement>/<date>`, or a withdrawal's
    `versions/<statement>/withdrawn/<date>` and the release it keeps (`…/<date>/release`)."""
    parts = folder.parts
    if "withdrawn" in parts[:-1]:
        return parts[len(parts) - 1 - parts[::-1].index("withdrawn") - 1]
    return folder.parent.name


def check_release(folder: Path, shown: str, settings: EvidenceSettings, shown_root: Path,
                  signature_required: bool = True, timestamp_recorded_by: str | None = None,
                  pin: tuple[set[str], str] | None = None, pending: bool = False,
                  withdrawal: bool = False) -> Attestation:
    """The attestations of one release, checked; `problems` names each one missing or failing
    (a missing signature only when the project has signers and `signature_required`, or when a
    `pin` (fingerprints kept outside the repository, where they were read) names who is trusted;
    a signature by a key the pin does not name; a missing token when the manifest of release
    `timestamp_recorded_by` records that it had one). `pending`: the release is not in force yet (a new
    release, where a key outside the pin may be a new signer's rather than a re-signature). `withdrawal`: the
    folder is a withdrawal or the release it keeps, `pending` when no later release recorded its digest (fix44)."""
    problems = []
    manifest_path = folder / MANIFEST
    try:
        manifest = manifest_path.read_bytes()
    except OSError:
        return Attestation()        # a missing manifest is reported by the hash check
    signer = fingerprint = when = None
    signature = folder / SIGNATURE
    signers_shown = _shown(settings.signers or settings.folder / "allowed_signers", shown_root)
    if signature.is_file() and not signature.is_symlink():
        if settings.signers is None:
            problems.append(Problem(f"{shown}/{SIGNATURE}", None, f"signature cannot be checked: {signers_shown} "
                                    "is missing", "restore the allowed signers file from version control"))
        else:
            try:
                signer, fingerprint = signing.verify(manifest, signature, settings.signers)
            except signing.SignatureError as exc:
                problems.append(Problem(f"{shown}/{SIGNATURE}", None, str(exc),
                                        "the manifest or its signature changed after release: restore both from "
                                        "version control"))
    elif pin is not None and signature_required:
        problems.append(Problem(f"{shown}/{MANIFEST}", None, f"release is not signed, though the trusted signers "
                                f"{pin[1]} are pinned", f"sign it: privacykit sign {_statement_of(folder)} --key KEY"))
    elif settings.signatures_required and signature_required:
        problems.append(Problem(f"{shown}/{MANIFEST}", None, f"release is not signed ({signers_shown} lists who "
                                "signs releases)", f"sign it: privacykit sign {_statement_of(folder)} --key KEY"))
    if pin is not None and signer is not None and fingerprint not in pin[0]:
        # The repository's allowed_signers is content an insider can edit: only the pin is trusted.
        problems.append(outside_pin(f"{shown}/{SIGNATURE}", signer, fingerprint, pin[1], pending, withdrawal))
    token = folder / TIMESTAMP
    if token.is_file() and not token.is_symlink():
        if settings.tsa_certificates is None:
            problems.append(Problem(f"{shown}/{TIMESTAMP}", None, "timestamp cannot be checked: no TSA "
                                    "certificates are configured", "name them as timestamp: certificates: in "
                                    f"{_shown(settings.folder / 'evidence.yml', shown_root)}"))
        else:
            try:
                when = timestamps.verify_token(token.read_bytes(), manifest, settings.tsa_certificates)
            except timestamps.TimestampError as exc:
                problems.append(Problem(f"{shown}/{TIMESTAMP}", None, f"timestamp refused: {exc}",
                                        "restore the manifest and its token from version control"))
    elif timestamp_recorded_by is not None:
        recorder = "its manifest" if timestamp_recorded_by == folder.name else \
            f"the manifest of release {timestamp_recorded_by}"
        problems.append(Problem(f"{shown}/{TIMESTAMP}", None, f"timestamp is missing, though {recorder} records "
                                "that this release was timestamped", "restore the token from version control"))
    return Attestation(signer, fingerprint, when, tuple(problems))


def outside_pin(where: str, signer: str, fingerprint: str | None, pinned: str, pending: bool,
                withdrawal: bool = False) -> Problem:
    """A signature by a key the pin does not name. A release already in force was re-signed or altered: it
    is restored, and the pin never grows to let it pass. A release not in force yet may be a new signer's
    (gov44): the pin's owner checks who holds the key, over another channel than the change itself, and adds
    it where the pin is kept (outside the repository); the writer never does. A withdrawal (`withdrawal`,
    fix44) is judged by whether a later release recorded its digest: recorded, it was re-signed or altered
    since; not yet (`pending`), it may be a new signer's, as a new release."""
    said = f"signed by {signer} with key {fingerprint or '?'}, which the trusted signers {pinned} do not name"
    if not pending:
        what = ("a withdrawal a later release recorded was re-signed or altered since" if withdrawal
                else "a release already in force was re-signed or altered")
        return Problem(where, None, f"{said}: {what}",
                       f"restore the {'withdrawal' if withdrawal else 'release'} and its signature from version "
                       "control; never add a key to the pin to make this pass")
    what = ("a new withdrawal (no later release recorded it), by a new signer or a rotated key, or re-signed by "
            "someone else") if withdrawal else "a new release, by a new signer or a rotated key, or re-signed by " \
        "someone else"
    return Problem(where, None, f"{said}: {what}",
                   f"if {signer} is a new signer, ask the pin's owner (who keeps {pinned}, outside the repository) "
                   f"to add the key after confirming with {signer}, face to face or by phone, that `ssh-keygen -lf "
                   f"KEY.pub` prints {fingerprint or 'this fingerprint'} (README, Evidence: signers); otherwise "
                   f"remove the {'withdrawal' if withdrawal else 'release'}, or restore it from version control")


def signer_warnings(signers: Path | None, attestations: dict[tuple[str, str], Attestation],
                    shown: str) -> list[Problem]:
    """What an unpinned `verify` should still say (the repository's own allowed_signers at `signers`
    vouches for itself): a signer name with several keys, and a release signed by a key that signed
    no earlier release of its statement (`attestations`: (statement, release) -> its attestation, in
    chain order). Both are how a key added by someone with write access shows."""
    warnings = []
    if signers is not None:
        try:
            keys = signing.signer_keys(signers.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            keys = {}
        for name, found in sorted(keys.items()):
            if len(found) > 1:
                warnings.append(Problem(shown, None, f"{name} has {len(found)} keys ({', '.join(sorted(found))}); "
                                        "anyone who can edit this file can add one", "pin the keys you trust: "
                                        f"verify --trusted-signers FILE or ${signing.TRUST_VARIABLE}"))
    seen: dict[str, set[str]] = {}
    for (statement, release), attestation in attestations.items():
        if not attestation.fingerprint:
            continue
        earlier = seen.setdefault(statement, set())
        if earlier and attestation.fingerprint not in earlier:
            warnings.append(Problem(f"{statement} {release}", None, f"signed by {attestation.signer} with key "
                                    f"{attestation.fingerprint}, which signed no earlier release of {statement}",
                                    "if the key was not rotated on purpose, restore the release from version "
                                    "control; pin the keys you trust with --trusted-signers"))
        earlier.add(attestation.fingerprint)
    return warnings


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class ReleaseDates:
    """What the dates of one release prove (evidence44): `line`, its token's time (None without a token); `late`,
    that it was recorded after it took effect (its `released` day or its token later than its effective date;
    expected of imported history); `others`, what else an investigator must be told (a token far after the
    `released` day)."""

    line: str | None
    late: str | None = None
    others: tuple[str, ...] = ()

    @property
    def said(self) -> list[str]:
        return ([self.late] if self.late else []) + list(self.others)


def dates_of(release: str, released: str | None, token: dt.datetime | None, notice_days: int = 0,
             recorded_past: str | None = None, imported: bool = False) -> ReleaseDates:
    """What the dates of one release prove (evidence44): a line with its token's time and what an investigator
    must be told: a release recorded after it took effect (its `released` day or its token later than its
    effective date), a token more than a day after the `released` day it is meant to prove, and whether the
    token proves the longest notice (`notice_days`) the release's rules ask for (token day + notice days <=
    effective date). Read from the store by `verify`, from a bundle by `evidence --verify`."""
    effective = dt.date.fromisoformat(release)
    late = None
    why = (" (imported history: recorded when it was imported)" if imported else
           f" (recorded on purpose: {recorded_past})" if recorded_past else "")
    day = dt.date.fromisoformat(released) if released else None
    if day is not None and day > effective:
        late = f"release {release} was recorded after it took effect: released {released}{why}"
    elif token is not None and token.date() > effective:
        late = (f"release {release} was recorded after it took effect: its timestamp is of "
                f"{token.date().isoformat()}{why}")
    if token is None:
        return ReleaseDates(None, late)
    line = f"release {release}: timestamped {token.isoformat()}, " + \
        (f"released {released}" if released else "no released date recorded")
    others = []
    if day is not None and token.date() > day + dt.timedelta(days=1):
        others.append(f"release {release}: its timestamp ({token.date().isoformat()}) is "
                      f"{(token.date() - day).days} days after the released date it records ({released}): the token "
                      f"proves the release existed on {token.date().isoformat()}, not on {released}")
    if notice_days:
        if token.date() + dt.timedelta(days=notice_days) <= effective:
            line += f"; the {notice_days}-day notice is proven by the token"
        else:
            line += (f"; the {notice_days}-day notice is NOT proven by the token ({token.date().isoformat()} + "
                     f"{notice_days} days is after {release})")
    return ReleaseDates(line, late, tuple(others))
