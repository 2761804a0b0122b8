"""Reading built sites in Debian's Chromium: a quiet local server and the browser's settings.

`make test` installs the `chromium` package when it is missing; without it the browser
tests fail with a clear message instead of silently skipping.
"""

from __future__ import annotations

import contextlib
import http.server
import sys
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextlib.contextmanager
def serving(folder: Path):
    """A local web server for a built site; yields its address. Like many servers, it sends
    HTML as `text/html` without a character set."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, format, *args):   # no access log in the test output
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            # A connection the browser dropped (a page closed while a file was sent) is no error of the site's:
            # its traceback only broke into the test output.
            if not isinstance(sys.exc_info()[1], ConnectionError):
                super().handle_error(request, client_address)

    server = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
