"""RFC 3161 timestamps of release manifests, from a timestamping authority (TSA).

A token proves that the manifest (so the whole release, and the chain before it)
existed at the time the authority signed. It is stored as the authority's whole
response next to the manifest, which anyone can re-check with OpenSSL::

    openssl ts -verify -data manifest.yml -in manifest.yml.tsr -CAfile tsa.pem
"""

from __future__ import annotations

import datetime as dt
import hashlib
import urllib.error
import urllib.request
from pathlib import Path

from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID
from rfc3161_client import (
    HashAlgorithm,
    PKIStatus,
    TimestampRequestBuilder,
    VerificationError,
    VerifierBuilder,
    decode_timestamp_response,
)

# An answer larger than this is not a timestamp token.
MAX_RESPONSE_BYTES = 1_000_000
REQUEST_TIMEOUT_SECONDS = 30


class TimestampError(Exception):
    """A token that could not be had or does not verify; the message is one line."""


def request_token(url: str, data: bytes, timeout: float = REQUEST_TIMEOUT_SECONDS) -> bytes:
    """Ask the authority at `url` to timestamp the sha256 of `data`; return its response (DER).

    The answer is checked before it is kept: it must be granted, for this digest, and
    answer this request (its nonce).
    """
    query = TimestampRequestBuilder().data(data).hash_algorithm(HashAlgorithm.SHA256).nonce(nonce=True) \
        .cert_request(cert_request=True).build()
    request = urllib.request.Request(url, data=query.as_bytes(), method="POST",
                                     headers={"Content-Type": "application/timestamp-query",
                                              "Accept": "application/timestamp-reply"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            body = answer.read(MAX_RESPONSE_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise TimestampError(f"the timestamping authority at {url} answered HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise TimestampError(f"the timestamping authority at {url} cannot be reached ({reason})") from None
    if len(body) > MAX_RESPONSE_BYTES:
        raise TimestampError(f"the timestamping authority at {url} sent more than {MAX_RESPONSE_BYTES:,} bytes")
    response = _decode(body)
    if PKIStatus(response.status) not in (PKIStatus.GRANTED, PKIStatus.GRANTED_WITH_MODS):
        raise TimestampError(f"the timestamping authority at {url} refused the request "
                             f"(status {response.status}: {' '.join(response.status_string) or 'no reason'})")
    if response.tst_info.message_imprint.message != hashlib.sha256(data).digest():
        raise TimestampError(f"the timestamping authority at {url} timestamped another digest")
    if response.tst_info.nonce != query.nonce:
        raise TimestampError(f"the timestamping authority at {url} answered another request (nonce mismatch)")
    return body


def verify_token(token: bytes, data: bytes, certificates: Path) -> dt.datetime:
    """Check a stored response against `data` and the authority's `certificates` (PEM:
    the self-signed roots trusted, the timestamping certificate, any intermediates);
    return the time the authority vouches for."""
    response = _decode(token)
    roots, tsa, intermediates = trust_anchors(certificates)
    builder = VerifierBuilder()
    for root in roots:
        builder = builder.add_root_certificate(root)
    for certificate in intermediates:
        builder = builder.add_intermediate_certificate(certificate)
    if tsa is not None:
        builder = builder.tsa_certificate(tsa)
    try:
        builder.build().verify_message(response, data)
    except VerificationError as exc:
        raise TimestampError(_reason(str(exc))) from None
    except ValueError as exc:
        raise TimestampError(f"the token does not verify ({str(exc)[:120]})") from None
    return response.tst_info.gen_time


def _reason(message: str) -> str:
    """One short line for what the verifier found (its own messages carry OpenSSL's error stack)."""
    if "Mismatch between messages" in message:
        return "the token timestamps another digest than this manifest's"
    if "signature failure" in message:
        return "the token's signature does not verify (the token was altered)"
    if "local issuer" in message or "certificate verify error" in message or "Embedded certificate" in message:
        return "the token is not signed by the configured timestamping authority"
    if "PKIStatus" in message:
        return "the authority did not grant this token"
    return f"the token does not verify ({message.split(':', 1)[0][:120]})"


def trust_anchors(certificates: Path) -> tuple[list[x509.Certificate], x509.Certificate | None,
                                               list[x509.Certificate]]:
    """Split a PEM bundle into roots (self-signed), the timestamping certificate and the rest."""
    try:
        loaded = x509.load_pem_x509_certificates(Path(certificates).read_bytes())
    except (ValueError, OSError) as exc:
        raise TimestampError(f"TSA certificates {certificates} are unreadable ({exc})") from None
    roots = [c for c in loaded if c.issuer == c.subject]
    tsa = next((c for c in loaded if c not in roots and _timestamping(c)), None)
    intermediates = [c for c in loaded if c not in roots and c is not tsa]
    if not roots:
        raise TimestampError(f"TSA certificates {certificates} hold no root (self-signed) certificate")
    return roots, tsa, intermediates


def _timestamping(certificate: x509.Certificate) -> bool:
    try:
        usage = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return False
    return ExtendedKeyUsageOID.TIME_STAMPING in usage


def _decode(body: bytes):
    try:
        return decode_timestamp_response(body)
    except ValueError:
        raise TimestampError("not a timestamp response (damaged or truncated)") from None
