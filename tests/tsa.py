"""A real RFC 3161 timestamping authority for tests: OpenSSL's `ts -reply` behind HTTP on 127.0.0.1.

`LocalTSA(folder)` makes a test root CA and a timestamping certificate it issued, and
answers `application/timestamp-query` POSTs with `openssl ts -reply`. Nothing of the
protocol is imitated: the client under test talks to OpenSSL.
"""

from __future__ import annotations

import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TSA_CONFIG = """\
[ tsa ]
default_tsa = tsa_config

[ tsa_config ]
dir = {folder}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/{certs}
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.55555.1
other_policies = 1.3.6.1.4.1.55555.2
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def _openssl(*args: str, data: bytes | None = None) -> bytes:
    return subprocess.run(["openssl", *args], input=data, capture_output=True, check=True).stdout


class LocalTSA:
    """A test CA, a timestamping certificate from it, and an HTTP server answering with OpenSSL."""

    def __init__(self, folder: Path, name: str = "Test TSA", send_chain: bool = False):
        """With `send_chain`, replies carry the root too, after the TSA's certificate (OpenSSL keeps that
        order, so the SET OF certificates is not in DER order)."""
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        f = self.folder
        _openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                 "-keyout", str(f / "ca.key"), "-out", str(f / "ca.pem"), "-days", "3650",
                 "-subj", f"/CN={name} Root CA")
        _openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                 "-keyout", str(f / "tsa.key"), "-out", str(f / "tsa.csr"), "-subj", f"/CN={name}")
        (f / "tsa.ext").write_text("basicConstraints=CA:FALSE\nextendedKeyUsage=critical,timeStamping\n"
                                   "keyUsage=critical,digitalSignature\n")
        _openssl("x509", "-req", "-in", str(f / "tsa.csr"), "-CA", str(f / "ca.pem"), "-CAkey", str(f / "ca.key"),
                 "-CAcreateserial", "-out", str(f / "tsa.pem"), "-days", "3650", "-extfile", str(f / "tsa.ext"))
        (f / "serial").write_text("01\n")
        (f / "chain.pem").write_bytes((f / "tsa.pem").read_bytes() + (f / "ca.pem").read_bytes())
        (f / "tsa.cnf").write_text(TSA_CONFIG.format(folder=f, certs="chain.pem" if send_chain else "tsa.pem"))
        self.requests = 0
        self.server: ThreadingHTTPServer | None = None

    @property
    def chain(self) -> bytes:
        """The certificates a verifier trusts: the TSA's certificate and its root."""
        return (self.folder / "tsa.pem").read_bytes() + (self.folder / "ca.pem").read_bytes()

    def reply(self, query: bytes) -> bytes:
        """What the authority answers to a DER timestamp query."""
        self.requests += 1
        (self.folder / "query.tsq").write_bytes(query)
        return _openssl("ts", "-reply", "-config", str(self.folder / "tsa.cnf"),
                        "-queryfile", str(self.folder / "query.tsq"))

    def __enter__(self) -> LocalTSA:
        tsa = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                answer = tsa.reply(body)
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}/tsr"

    def __exit__(self, *exc) -> None:
        assert self.server is not None
        self.server.shutdown()
        self.server.server_close()
