"""SSH signatures of release manifests (`ssh-keygen -Y sign` / `-Y verify`).

These are the signatures teams already use for git commits: an allowed_signers file
lists who may sign, and anyone can re-check a signature with OpenSSH alone::

    ssh-keygen -Y verify -f allowed_signers -I <signer> -n privacykit-release \\
        -s manifest.yml.sig < manifest.yml

The signature covers the manifest's bytes, so its digest and, through
`previous_manifest`, every release before it: the latest signature signs the head.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

from .settings import SIGNATURE_NAMESPACE


class SignatureError(Exception):
    """A signature that could not be made or does not verify; the message is one line."""


def _ssh_keygen() -> str:
    found = shutil.which("ssh-keygen")
    if found is None:
        raise SignatureError("ssh-keygen is not installed; install OpenSSH (apt-get install openssh-client)")
    return found


def _run(args: list[str], data: bytes) -> subprocess.CompletedProcess:
    return subprocess.run([_ssh_keygen(), *args], input=data, capture_output=True, timeout=60, check=False)


def _last_line(output: bytes) -> str:
    lines = [line.strip() for line in output.decode("utf-8", "replace").splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


def sign(data: bytes, key: Path, namespace: str = SIGNATURE_NAMESPACE) -> bytes:
    """The armoured SSH signature of `data` made with private key `key` (for use in `namespace`)."""
    if not Path(key).is_file():
        raise SignatureError(f"signing key {key} not found")
    done = _run(["-Y", "sign", "-q", "-f", str(key), "-n", namespace], data)
    if done.returncode != 0 or not done.stdout.startswith(b"-----BEGIN SSH SIGNATURE-----"):
        raise SignatureError(f"ssh-keygen could not sign with {key}: {_last_line(done.stderr)}")
    return done.stdout


def verify(data: bytes, signature: Path, signers: Path, namespace: str = SIGNATURE_NAMESPACE,
           what: str = "the manifest") -> tuple[str, str]:
    """Check `signature` of `data` (`what` it is, for messages) against the allowed `signers` for use
    in `namespace`; return (signer, key fingerprint)."""
    found = _run(["-Y", "find-principals", "-s", str(signature), "-f", str(signers)], b"")
    principals = found.stdout.decode("utf-8", "replace").split()
    if found.returncode != 0 or not principals:
        if b"Couldn't parse signature" in found.stderr or b"invalid format" in found.stderr \
                or b"incomplete message" in found.stderr:
            raise SignatureError("signature is unreadable (damaged or truncated)")
        raise SignatureError("signed by a key that is not in the allowed signers")
    principal = principals[0]
    done = _run(["-Y", "verify", "-f", str(signers), "-I", principal, "-n", namespace,
                 "-s", str(signature)], data)
    if done.returncode != 0:
        if b"not permitted for use in signature namespace" in done.stderr:
            raise SignatureError(f"{principal}'s key may not sign in namespace {namespace} (its allowed signers "
                                 f"line has no {namespace} in namespaces=)")
        raise SignatureError(f"signature does not match {what} ({_last_line(done.stderr)})")
    text = done.stdout.decode("utf-8", "replace")
    fingerprint = text.rsplit(" ", 1)[-1].strip() if "key SHA256:" in text else ""
    return principal, fingerprint


TRUST_VARIABLE = "PRIVACYKIT_TRUSTED_SIGNERS"
_KEY_TYPES = ("ssh-", "ecdsa-", "sk-")


def key_fingerprint(blob: str) -> str | None:
    """The SHA256 fingerprint (as ssh-keygen prints it) of a public key's base64 text, or None."""
    try:
        raw = base64.b64decode(blob, validate=True)
    except (binascii.Error, ValueError):
        return None
    return "SHA256:" + base64.b64encode(hashlib.sha256(raw).digest()).decode("ascii").rstrip("=")


def signer_keys(text: str) -> dict[str, set[str]]:
    """Principal -> the fingerprints of its keys, from an allowed_signers file's text."""
    keys: dict[str, set[str]] = {}
    for line in text.splitlines():
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        for at, word in enumerate(words[1:-1], 1):
            if word.startswith(_KEY_TYPES) and (found := key_fingerprint(words[at + 1])):
                for principal in words[0].split(","):
                    keys.setdefault(principal, set()).add(found)
                break
    return keys


def pinned_fingerprints(text: str) -> set[str]:
    """The keys a trust pin names: `SHA256:…` fingerprints anywhere in it (one a line, after a
    name, or separated by spaces or commas, as a CI variable holds them) and the keys of its
    allowed_signers lines."""
    found = {word for word in re.split(r"[\s,]+", text) if re.fullmatch(r"SHA256:[A-Za-z0-9+/]{43}", word)}
    for keys in signer_keys(text).values():
        found |= keys
    return found


def load_pin(source: str | Path | None) -> tuple[set[str], str] | None:
    """The pinned fingerprints and where they came from: `source` (a file), else $PRIVACYKIT_TRUSTED_SIGNERS
    (a file's path, or the fingerprints themselves); None when nothing is pinned. A pin that names no key
    is an error, never "trust everything"."""
    shown = str(source) if source is not None else None
    if source is None:
        value = os.environ.get(TRUST_VARIABLE, "").strip()
        if not value:
            return None
        shown = f"${TRUST_VARIABLE}"
        path = Path(value)
        text = value if "SHA256:" in value and not path.is_file() else None
        if text is None:
            source, shown = path, f"{value} (${TRUST_VARIABLE})"
    if source is not None:
        try:
            text = Path(source).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SignatureError(f"trusted signers {shown} cannot be read ({exc.__class__.__name__})") from None
    assert text is not None and shown is not None
    pinned = pinned_fingerprints(text)
    if not pinned:
        raise SignatureError(f"trusted signers {shown} name no key (write allowed_signers lines or SHA256: "
                             "fingerprints)")
    return pinned, shown
