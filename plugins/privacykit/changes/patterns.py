"""The detector's regular expressions, compiled once per machine rather than once per run.

The detector holds a few hundred regular expressions, many of them long alternations of
phrases. Python's `re` parses and translates each one to its matching engine's code in pure
Python, which costs about a tenth of a second at every start of `privacykit classify`: a
third of the command's time on two small files. That code depends only on the pattern, its
flags and the interpreter, so it is kept the way Python keeps bytecode in `__pycache__`: in
a file under the user's cache directory, keyed by the interpreter build, read on the first
compile and written back when a run compiled something new.

The cache is an optimisation and nothing depends on it: a missing, unreadable, corrupt or
foreign file, an interpreter whose `re` internals differ, or `PRIVACYKIT_NO_MACHINE_CACHE=1`
all fall back to `re.compile`. The engine checks the code it is given (CPython's `_sre`
validates it), so a damaged file cannot make a pattern match differently, only fail to load.
"""

from __future__ import annotations

import contextlib
import re
import sys
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..machine_cache import EntryCache, cache_folder

try:  # CPython ≥ 3.11 names the parts of `re`; elsewhere patterns are compiled as usual.
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other interpreters
    _sre = None

# Anything that changes the engine's code: the interpreter build and the engine's own version.
_KEY = (sys.implementation.cache_tag, sys.version, getattr(_sre, "MAGIC", 0), getattr(_sre, "CODESIZE", 0))
# The engine's code is kept as machine words in bytes: a marshalled list of ints loads ten times slower.
_WORD = next((code for code in "IL" if array(code).itemsize == getattr(_sre, "CODESIZE", 4)), "L")
# A file that outgrows this (patterns of many releases) starts over with the current run's.
_MOST = 4000

Entry = tuple[int, bytes, int, dict[str, int], tuple[Any, ...]]


def _default_path() -> Path | None:
    folder = cache_folder()
    if folder is None or _sre is None:
        return None
    return folder / f"patterns-{sys.implementation.cache_tag}.marshal"


class PatternCache(EntryCache):
    """Compiled engine code of regular expressions, read from and written to one file."""

    KEY = _KEY
    MOST = _MOST

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """`re.compile(pattern, flags)`, without parsing a pattern compiled on an earlier run."""
        if self.path is None:
            return re.compile(pattern, flags)
        entries = self._load()
        key = (pattern, int(flags))
        entry = entries.get(key)
        if entry is not None:
            try:
                compiled = _from_entry(pattern, entry)
            except (RuntimeError, TypeError, ValueError):  # foreign or damaged code
                entries.pop(key, None)
            else:
                self._used.add(key)
                return compiled
        try:
            compiled, entry = _translate(pattern, int(flags))
        except (AttributeError, TypeError, ValueError, RuntimeError):  # `re` internals of another version
            return re.compile(pattern, flags)
        self._add(key, entry)
        return compiled


def _from_entry(pattern: str, entry: Entry) -> re.Pattern[str]:
    """The pattern object of a kept entry (the engine checks its code: raises on a damaged one)."""
    flags_used, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags_used, array(_WORD, code).tolist(), groups, groupindex, indexgroup)


def _translate(pattern: str, flags: int) -> tuple[re.Pattern[str], Entry]:
    """What `re.compile` does (CPython's `re._compiler.compile`), keeping the engine's code."""
    parsed = _parser.parse(pattern, flags)
    # The code holds the engine's named opcode constants, an int subclass marshal cannot write.
    code = [int(op) for op in _compiler._code(parsed, flags)]
    final_flags = int(flags | parsed.state.flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    groups = parsed.state.groups - 1
    entry: Entry = (final_flags, array(_WORD, code).tobytes(), groups, groupindex, tuple(indexgroup))
    return _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup)), entry


# The process's cache writes itself back when the process ends, as a run's new patterns are known then.
_CACHE = PatternCache(_default_path(), save_at_exit=True)


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a pattern of the detector through the machine's pattern cache.

    One cache per process, like `re`'s own: patterns are module constants shared by every
    caller, and the file is the interpreter's, not a project's."""
    return _CACHE.compile(pattern, flags)


# -- `re`'s own cache, seeded from the machine's (speed24) ------------------------------------------------

# What `re` keeps compiled patterns in (CPython 3.11 to 3.13: a dict keyed by (type, pattern, flags)).
_RE_CACHE: dict[Any, Any] | None = getattr(re, "_cache", None)
if not isinstance(_RE_CACHE, dict):  # pragma: no cover - another interpreter's `re`
    _RE_CACHE = None
# Patterns other modules compile through `re` while a command starts (Markdown's converter, html.parser,
# textwrap …): about 120 of them, 50 ms of `privacykit classify` on two small files. A file holding more
# than this starts over with the current run's.
_MOST_SEEDED = 1000
# Flags under which `re` keeps nothing (DEBUG) or which a str pattern cannot take (LOCALE).
_UNCACHED_FLAGS = int(re.DEBUG) | int(re.LOCALE)


def _seed_path() -> Path | None:
    folder = cache_folder()
    if folder is None or _sre is None or _RE_CACHE is None:
        return None
    return folder / f"re-seed-{sys.implementation.cache_tag}.marshal"


class ReSeed(EntryCache):
    """The fixed patterns modules compile through `re` as a command starts, compiled on an earlier run.

    `seed()` puts each into `re`'s own cache under the key `re.compile` looks up, so that compiling it
    again finds it there; the pattern object is the one `re.compile` would make (same engine code,
    flags and groups: `_translate`). `record(before)` keeps the str patterns that entered `re`'s cache
    since `before` (a set of its keys): only what is compiled inside a window of fixed code (imports, a
    converter made), never a pattern made from a document's words at run time."""

    KEY = _KEY
    MOST = _MOST_SEEDED

    def _trimmed(self, entries: dict[Any, Any]) -> dict[Any, Any]:
        # Which seeds a run used is not known (`re` looks them up itself): the file starts over, empty,
        # and the next run records what it compiles.
        return {}

    def seed(self) -> set[Any]:
        """Seed `re`'s cache; return its keys as they are then (for `record`)."""
        if _RE_CACHE is None:
            return set()
        entries = self._load()
        for (pattern, flags), entry in list(entries.items()):
            key = (str, pattern, flags)
            if key in _RE_CACHE:
                continue
            try:
                _RE_CACHE[key] = _from_entry(pattern, entry)
            except (RuntimeError, TypeError, ValueError):  # foreign or damaged code: `re` compiles it
                entries.pop((pattern, flags), None)
        return set(_RE_CACHE)

    def record(self, before: set[Any]) -> None:
        """Keep the str patterns compiled through `re` since `before`, for the next run's `seed`."""
        if _RE_CACHE is None or self.path is None:
            return
        entries = self._load()
        for key in list(_RE_CACHE):
            kind, pattern, flags = key
            if key in before or kind is not str or (pattern, flags) in entries or flags & _UNCACHED_FLAGS:
                continue
            try:
                _, entry = _translate(pattern, flags)
            except (AttributeError, TypeError, ValueError, RuntimeError):  # `re` internals of another version
                continue
            self._add((pattern, flags), entry)
        self.save()


@contextlib.contextmanager
def seeded_re() -> Iterator[None]:
    """Inside the block, patterns compiled through `re` that an earlier run's block compiled come
    from the machine's cache; those new to it are kept when the block ends. Only for code whose
    patterns are fixed (imports, a converter made): see `ReSeed`."""
    seeds = ReSeed(_seed_path())
    before = seeds.seed()
    yield
    seeds.record(before)
