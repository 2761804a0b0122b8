"""Files privacykit ships, parsed once per machine rather than at every start.

A short command such as `privacykit classify` reads the same shipped files at every start:
the lexicon (`data/terms.txt`, every phrase cut into stems) and the default rule table
(`rules/default.yml`, through the YAML parser). Their parsed form is a function of the files
and of the code that reads them, so it is kept the way Python keeps bytecode: one file per
source under the user's cache directory, next to the detector's compiled patterns
(`changes/patterns.py`), keyed by the interpreter build and a hash of every file the result
was made from (the data file and the module that parses it).

The cache is an optimisation and nothing depends on it: a missing, unreadable, damaged or
foreign file, sources that changed since it was written, a folder that cannot be written,
or `PRIVACYKIT_NO_PATTERN_CACHE=1` (which turns every per-machine cache off) all mean the
sources are parsed as they would be without it.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .atomic import replace_file

# Set to anything: no per-machine cache is read or written (patterns, lexicon, rule table).
NO_CACHE_VARIABLE = "PRIVACYKIT_NO_PATTERN_CACHE"
# What a marshalled result depends on besides its sources: the interpreter build.
_INTERPRETER = (sys.implementation.cache_tag, sys.version, marshal.version)


def cache_folder() -> Path | None:
    """privacykit's folder in the user's cache directory (`$PRIVACYKIT_CACHE_DIR`, else
    `$XDG_CACHE_HOME`, else `~/.cache`), or None when the per-machine caches are off."""
    if os.environ.get(NO_CACHE_VARIABLE):
        return None
    root = os.environ.get("PRIVACYKIT_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    return (Path(root) if root else Path.home() / ".cache") / "privacykit"


def sources_digest(sources: Sequence[Path]) -> bytes:
    """A hash of the contents of `sources`, in order (raises OSError if one cannot be read)."""
    digest = hashlib.sha256()
    for source in sources:
        data = source.read_bytes()
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.digest()


def read_entries(path: Path, key: Any) -> dict[Any, Any] | None:
    """The dict a per-machine cache file holds, when it was written under `key` (the code and the
    interpreter that made it) and reads whole; else None (missing, damaged, foreign or stale)."""
    try:
        # The file read whole, then unmarshalled: `marshal.load` on a stream reads object by object and
        # took four times as long on the 4 MB of compiled patterns (speed24).
        stored, entries = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return entries if stored == key and isinstance(entries, dict) else None


class ParsedCache:
    """The parsed forms of shipped files, one cache file each in `folder` (None: no cache).

    A parsed form must be plain data marshal can write (str, int, float, bool, None, bytes,
    tuples, lists, dicts, sets); the caller builds its objects from it."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def parsed(self, name: str, sources: Sequence[Path], parse: Callable[[], Any]) -> Any:
        """`parse()`, or what it returned on an earlier run from the same `sources` (the data
        file and the code that reads it) under the same interpreter."""
        if self.folder is None:
            return parse()
        path = self.folder / f"{name}-{sys.implementation.cache_tag}.marshal"
        try:
            key = (_INTERPRETER, sources_digest(sources))
        except OSError:  # a source that cannot be read is the parser's to report
            return parse()
        found = self._read(path, key)
        if found is not None:
            return found[0]
        result = parse()
        self._write(path, key, result)
        return result

    def parsed_bytes(self, name: str, data: bytes, code: Sequence[Path], parse: Callable[[], Any]) -> Any:
        """`parsed` for a text already read (`data`, not a shipped file: a project's), with the
        code that parses it: one result is kept under `name`, the last one parsed."""
        if self.folder is None:
            return parse()
        path = self.folder / f"{name}-{sys.implementation.cache_tag}.marshal"
        try:
            key = (_INTERPRETER, hashlib.sha256(data).digest(), sources_digest(code))
        except OSError:
            return parse()
        found = self._read(path, key)
        if found is not None:
            return found[0]
        result = parse()
        self._write(path, key, result)
        return result

    @staticmethod
    def _read(path: Path, key: tuple[Any, ...]) -> tuple[Any] | None:
        """(the stored result,) when `path` holds one made under `key`, intact; else None."""
        try:
            stored_key, checksum, payload = marshal.loads(path.read_bytes())
            if stored_key != key or hashlib.sha256(payload).digest() != checksum:
                return None
            return (marshal.loads(payload),)
        except (OSError, EOFError, ValueError, TypeError):  # missing, damaged or foreign
            return None

    @staticmethod
    def _write(path: Path, key: tuple[Any, ...], result: Any) -> None:
        try:
            payload = marshal.dumps(result)
            path.parent.mkdir(parents=True, exist_ok=True)
            replace_file(path, marshal.dumps((key, hashlib.sha256(payload).digest(), payload)))
        except (OSError, ValueError):  # a read-only home, a full disk: the next run parses again
            return
