"""How a project's releases are signed and timestamped: `versions/evidence.yml`.

::

    # versions/evidence.yml (optional; every key has a default)
    signers: allowed_signers          # ssh-keygen allowed_signers file, next to this one
    timestamp:
      url: https://tsa.example/tsr    # `release` asks this authority for a token
      certificates: tsa.pem           # its certificate and the root that issued it (PEM)

When the signers file exists, every release must carry a valid signature by one of
them. When TSA certificates are configured, every timestamp token is checked against
them (a release made without `--timestamp` simply has none).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, Problem
from ..load.yamlio import line_of, load_yaml, read_text

SETTINGS_FILE = "evidence.yml"
DEFAULT_SIGNERS = "allowed_signers"
SIGNATURE_NAMESPACE = "privacykit-release"   # a signature made for a release is valid for nothing else
BUNDLE_NAMESPACE = "privacykit-evidence"     # nor one made for an evidence bundle's bundle.json


@dataclass(frozen=True)
class EvidenceSettings:
    """Where the trust anchors of a project's releases are; paths are absolute."""

    folder: Path                          # the versions folder
    signers: Path | None = None           # allowed_signers, when the file exists
    timestamp_url: str | None = None
    tsa_certificates: Path | None = None

    @property
    def signatures_required(self) -> bool:
        return self.signers is not None


def load_evidence_settings(versions: Path, shown_root: Path | None = None) -> EvidenceSettings:
    """Read `<versions>/evidence.yml` (when present) and find the signers file."""
    versions = Path(versions)
    path = versions / SETTINGS_FILE
    shown = _shown(path, shown_root)
    signers_name, url, certificates = DEFAULT_SIGNERS, None, None
    if path.is_file():
        doc = load_yaml(read_text(path, shown), shown) or {}
        if not isinstance(doc, dict):
            raise ContentError(Problem(shown, 1, "evidence settings are not a mapping",
                                       "write keys such as 'signers:' and 'timestamp:'"))
        unknown = sorted(set(map(str, doc)) - {"signers", "timestamp"})
        if unknown:
            raise ContentError(Problem(shown, line_of(doc, unknown[0]), f"unknown key '{unknown[0]}'",
                                       "use 'signers' or 'timestamp'"))
        signers_name = _text(doc, "signers", shown) or DEFAULT_SIGNERS
        timestamp = doc.get("timestamp") or {}
        if not isinstance(timestamp, dict):
            raise ContentError(Problem(shown, line_of(doc, "timestamp"), "'timestamp' is not a mapping",
                                       "write 'url:' and 'certificates:' under it"))
        url = _text(timestamp, "url", shown)
        if url and not url.startswith(("http://", "https://")):
            raise ContentError(Problem(shown, line_of(timestamp, "url"), f"timestamp url '{url}' is not http(s)",
                                       "give the authority's http:// or https:// address"))
        name = _text(timestamp, "certificates", shown)
        if name:
            certificates = versions / name
            if not certificates.is_file():
                raise ContentError(Problem(shown, line_of(timestamp, "certificates"),
                                           f"TSA certificates '{name}' not found",
                                           f"save the authority's certificate chain (PEM) as "
                                           f"{_shown(certificates, shown_root)}"))
    signers = versions / signers_name
    return EvidenceSettings(versions, signers if signers.is_file() else None, url, certificates)


def _text(doc: dict, key: str, shown: str) -> str | None:
    value = doc.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or "\n" in value or not value.strip():
        raise ContentError(Problem(shown, line_of(doc, key), f"'{key}' must be one line of text",
                                   "write a file name or an address"))
    return value.strip()


def _shown(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.as_posix()
