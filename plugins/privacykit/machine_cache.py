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
or `PRIVACYKIT_NO_MACHINE_CACHE=1` (which turns every per-machine cache off; the name it had first,
`PRIVACYKIT_NO_PATTERN_CACHE`, still does) all mean the sources are parsed as they would be without it.

`EntryCache` is the shape the caches of what code makes share (compiled patterns, `changes/patterns.py`;
dataclasses' methods, `class_code.py`; the prefilter's words, `changes/prefilter.py`): one file of entries
read whole on first use, what a run used recorded, written back atomically when the run added an entry,
its size capped.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .atomic import replace_file

# Set to anything: no per-machine cache is read or written (patterns, classes' code, lexicon, rule table …).
NO_CACHE_VARIABLE = "PRIVACYKIT_NO_MACHINE_CACHE"
# Every name that does it: the first one, from when only patterns were kept, is still honoured.
NO_CACHE_VARIABLES = (NO_CACHE_VARIABLE, "PRIVACYKIT_NO_PATTERN_CACHE")
# What a marshalled result depends on besides its sources: the interpreter build.
_INTERPRETER = (sys.implementation.cache_tag, sys.version, marshal.version)


def cache_folder() -> Path | None:
    """privacykit's folder in the user's cache directory (`$PRIVACYKIT_CACHE_DIR`, else
    `$XDG_CACHE_HOME`, else `~/.cache`), or None when the per-machine caches are off."""
    if any(os.environ.get(name) for name in NO_CACHE_VARIABLES):
        return None
    root = os.environ.get("PRIVACYKIT_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    if root:
        return Path(root) / "privacykit"
    try:
        home = Path.home()
    except (RuntimeError, KeyError, OSError):  # no $HOME and no password entry (a bare container)
        return None
    return home / ".cache" / "privacykit"


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
        current = stored == key
    except (OSError, EOFError, ValueError, TypeError, RecursionError, MemoryError):  # missing or damaged
        return None
    return entries if current is True and isinstance(entries, dict) else None


class EntryCache:
    """Entries made by code (a compiled pattern, a class's method code …), kept in one file per machine.

    The file holds `(key, entries)`, marshalled: `_key()` names what the entries depend on (the
    interpreter build, the code that makes them), and a file written under another key is not read.
    A subclass looks entries up in `_load()` (read whole on first use), adds with `_add`, marks what
    it reads with `_used`; `save` writes the file back, atomically, only when the run added an entry,
    and at exit when `save_at_exit`. What is kept of a file grown past `MOST` entries is `_trimmed`'s
    (by default the entries this run used). A missing, damaged, truncated or foreign file is read as
    empty and written again by the run that refills it; a file that cannot be written is left alone:
    the next run makes its entries again. Concurrent writers each write a file of their own and rename
    it over the cache (`atomic.replace_file`): the file is always one writer's, whole."""

    # What a file's entries depend on (subclasses: the interpreter build and their own code's version).
    KEY: Any = None
    # A file holding more entries than this is written back trimmed (None: never).
    MOST: int | None = None

    def __init__(self, path: Path | None, save_at_exit: bool = False) -> None:
        self.path = path
        self.save_at_exit = save_at_exit
        self._entries: dict[Any, Any] | None = None
        self._used: set[Any] = set()
        self._added = False

    def _key(self) -> Any:
        return self.KEY

    def _accepted(self, found: dict[Any, Any]) -> dict[Any, Any]:
        """The entries of a file read under this cache's key that may be used (a subclass checks their types)."""
        return found

    def _load(self) -> dict[Any, Any]:
        if self._entries is None:
            self._entries = {}
            if self.path is not None:
                try:
                    key = self._key()
                except OSError:  # a source of the key that cannot be read: nothing is read or kept
                    self.path = None
                    return self._entries
                self._entries = self._accepted(read_entries(self.path, key) or {})
                if self.save_at_exit:
                    atexit.register(self.save)
        return self._entries

    def _add(self, key: Any, value: Any) -> None:
        self._load()[key] = value
        self._used.add(key)
        self._added = True

    def _trimmed(self, entries: dict[Any, Any]) -> dict[Any, Any]:
        """What is written of a file grown past `MOST`: the entries this run used."""
        return {key: entries[key] for key in self._used if key in entries}

    def save(self) -> None:
        """Write the file back if this run added an entry (atomically; never an error)."""
        if not self._added or self.path is None or self._entries is None:
            return
        entries = self._entries
        if self.MOST is not None and len(entries) > self.MOST:
            entries = self._trimmed(entries)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            replace_file(self.path, marshal.dumps((self._key(), entries)))
        except (OSError, ValueError):  # a read-only home, a full disk: the next run makes them again
            return
        self._added = False


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
