"""Replacing a file in one step: readers see the old content or the new, never a part."""

from __future__ import annotations

import os
import threading
from pathlib import Path


def replace_file(path: Path, data: bytes) -> None:
    """Write `data` to a hidden file next to `path`, then rename it over `path`.

    A process killed (or a disk filling up) half-way leaves `path` as it was; the
    hidden file is removed on failure.
    """
    path = Path(path)
    # The thread too: two threads of one process writing the same file must not share the
    # hidden file, or one renames the other's half-written bytes.
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}-{threading.get_ident()}")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
