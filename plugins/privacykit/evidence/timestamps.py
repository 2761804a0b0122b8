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
    """The parsed response. Authorities that send their certificate chain (OpenSSL's `certs=`)
    may list it out of DER order, which the parser refuses (`InvalidSetOrdering`); such a
    reply is parsed from a copy whose certificate SET is sorted. That is safe: the signature
    covers the signed attributes (the token's digest and the signer's certificate id), never
    the order of the certificates sent along, and the stored token keeps the authority's bytes."""
    try:
        return decode_timestamp_response(body)
    except ValueError as exc:
        if "InvalidSetOrdering" not in str(exc):
            raise TimestampError("not a timestamp response (damaged or truncated)") from None
    try:
        return decode_timestamp_response(_sorted_certificates(body))
    except (ValueError, IndexError) as exc:
        raise TimestampError(f"not a timestamp response the verifier can read ({str(exc)[:120]})") from None


def _tlv(data: bytes, pos: int) -> tuple[int, int, int]:
    """One DER element at `pos`: its tag, where its content starts and where it ends."""
    tag, length = data[pos], data[pos + 1]
    start = pos + 2
    if length & 0x80:
        count = length & 0x7F
        if not 0 < count <= 4:
            raise ValueError("unsupported DER length")
        length = int.from_bytes(data[start:start + count], "big")
        start += count
    end = start + length
    if tag & 0x1F == 0x1F or end > len(data):
        raise ValueError("not DER")
    return tag, start, end


def _children(data: bytes, start: int, end: int) -> list[bytes]:
    out, pos = [], start
    while pos < end:
        _, _, stop = _tlv(data, pos)
        out.append(data[pos:stop])
        pos = stop
    return out


def _element(tag: int, content: bytes) -> bytes:
    size = len(content)
    length = bytes([size]) if size < 0x80 else bytes([0x80 | ((size.bit_length() + 7) // 8)]) + \
        size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag]) + length + content


def _sorted_certificates(body: bytes) -> bytes:
    """`body` (a TimeStampResp) with SignedData's certificates [0] SET in DER order (X.690 11.6)."""
    _, start, end = _tlv(body, 0)
    status, token = _children(body, start, end)
    _, start, end = _tlv(token, 0)
    content_type, explicit = _children(token, start, end)
    _, start, end = _tlv(explicit, 0)
    (signed_data,) = _children(explicit, start, end)
    _, start, end = _tlv(signed_data, 0)
    parts = _children(signed_data, start, end)
    for i, part in enumerate(parts):
        if part[0] == 0xA0:
            _, cstart, cend = _tlv(part, 0)
            certificates = _children(part, cstart, cend)
            width = max(map(len, certificates), default=0)
            certificates.sort(key=lambda c: c.ljust(width, b"\0"))
            parts[i] = _element(0xA0, b"".join(certificates))
    signed_data = _element(0x30, b"".join(parts))
    token = _element(0x30, content_type + _element(explicit[0], signed_data))
    return _element(0x30, status + token)
