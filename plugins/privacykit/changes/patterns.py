"""The detector's regular expressions, compiled once per machine rather than once per run.

The detector holds a few hundred regular expressions, many of them long alternations of
phrases. Python's `re` parses and translates each one to its matching engine's code in pure
Python, which costs about a tenth of a second at every start of `privacykit classify`: a
third of the command's time on two small files. That code depends only on the pattern, its
flags and the interpreter, so it is kept the way Python keeps bytecode in `__pycache__`: in
a file under the user's cache directory, keyed by the interpreter build, read on the first
compile and written back when a run compiled something new.

The cache is an optimisation and nothing depends on it: a missing, unreadable, corrupt or
foreign file, an interpreter whose `re` internals differ, or `PRIVACYKIT_NO_PATTERN_CACHE=1`
all fall back to `re.compile`. The engine checks the code it is given (CPython's `_sre`
validates it), so a damaged file cannot make a pattern match differently, only fail to load.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
from array import array
from pathlib import Path
from typing import Any

from ..machine_cache import cache_folder, read_entries

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


class PatternCache:
    """Compiled engine code of regular expressions, read from and written to one file."""

    def __init__(self, path: Path | None, save_at_exit: bool = False) -> None:
        self.path = path
        self.save_at_exit = save_at_exit
        self._entries: dict[tuple[str, int], Entry] | None = None
        self._used: set[tuple[str, int]] = set()
        self._added = False

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """`re.compile(pattern, flags)`, without parsing a pattern compiled on an earlier run."""
        if self.path is None:
            return re.compile(pattern, flags)
        entries = self._load()
        key = (pattern, int(flags))
        entry = entries.get(key)
        if entry is not None:
            try:
                flags_used, code, groups, groupindex, indexgroup = entry
                compiled = _sre.compile(pattern, flags_used, array(_WORD, code).tolist(), groups, groupindex,
                                        indexgroup)
            except (RuntimeError, TypeError, ValueError):  # foreign or damaged code
                entries.pop(key, None)
            else:
                self._used.add(key)
                return compiled
        try:
            compiled, entry = _translate(pattern, int(flags))
        except (AttributeError, TypeError, ValueError, RuntimeError):  # `re` internals of another version
            return re.compile(pattern, flags)
        entries[key] = entry
        self._used.add(key)
        self._added = True
        return compiled

    def _load(self) -> dict[tuple[str, int], Entry]:
        if self._entries is None:
            self._entries = {}
            assert self.path is not None
            self._entries = read_entries(self.path, _KEY) or {}
            if self.save_at_exit:
                atexit.register(self.save)
        return self._entries

    def save(self) -> None:
        """Write the file back if this run compiled a pattern it did not hold (atomically)."""
        if not self._added or self.path is None or self._entries is None:
            return
        entries = self._entries
        if len(entries) > _MOST:
            entries = {key: entries[key] for key in self._used if key in entries}
        import tempfile  # only a run that compiled something new writes (and pays for tempfile's imports)

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-")
            try:
                with os.fdopen(handle, "wb") as stream:
                    marshal.dump((_KEY, entries), stream)
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except (OSError, ValueError):  # a read-only home or a full disk: the next run compiles again
            return
        self._added = False


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
