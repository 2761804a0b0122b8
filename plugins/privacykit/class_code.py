"""The code `@dataclass` writes for each class, compiled once per machine rather than at every start.

`dataclasses` writes the source of each class's `__init__`, `__repr__`, `__eq__`, `__hash__` … and
compiles it with `exec` as the class is made: the detector's ~60 dataclasses took about 50 ms of the
start of `privacykit classify`, most of it in the compiler. The code compiled from a text depends only
on the text and the interpreter, so it is kept the way the detector's patterns are
(`changes/patterns.py`): code objects, marshalled in one file under the user's cache directory keyed by
the interpreter build, read on first use and written back when a run compiled a text it did not hold.

While `compiled_class_code()` is active, the `dataclasses` module's name `exec` (the builtin, found
through its globals) is bound to `CodeCache.execute`, which runs the kept code of a text instead of
compiling it again; everything else `dataclasses` does is unchanged, and a function made from the kept
code is the one the text compiles to (same code, file name `<string>`, same globals and locals).

The cache is an optimisation and nothing depends on it: a missing, damaged, foreign or stale file, an
interpreter whose `dataclasses` does not call `exec` by that name, a module that already binds it, or
`PRIVACYKIT_NO_MACHINE_CACHE=1` all mean every text is compiled as before.
"""

from __future__ import annotations

import builtins
import contextlib
import marshal
import sys
from collections.abc import Iterator
from pathlib import Path
from types import CodeType
from typing import Any

from .machine_cache import EntryCache, cache_folder

# Anything that changes what a text compiles to: the interpreter build and its optimisation level.
_KEY = ("class-code", sys.implementation.cache_tag, sys.version, marshal.version, sys.flags.optimize)
# A file that outgrows this (the classes of many releases) starts over with the current run's texts.
_MOST = 4000


class CodeCache(EntryCache):
    """Code objects compiled from texts `exec` is given, read from and written to one file."""

    KEY = _KEY
    MOST = _MOST

    def __init__(self, path: Path | None, save_at_exit: bool = True) -> None:
        super().__init__(path, save_at_exit)

    def execute(self, source: Any, globals: dict[str, Any] | None = None,
                locals: Any = None) -> None:
        """`exec(source, globals, locals)`, compiling a text only when no earlier run did."""
        if globals is None:  # exec's default: the caller's globals (and then its locals)
            caller = sys._getframe(1)
            globals = caller.f_globals
            if locals is None:
                locals = caller.f_locals
        if type(source) is not str:
            builtins.exec(source, globals, locals)
            return
        code = self._load().get(source)
        if code is None:
            # As `exec` compiles a text; `dataclasses` has no `from __future__` statement to pass on.
            code = compile(source, "<string>", "exec", dont_inherit=True)
            self._add(source, code)
        else:
            self._used.add(source)
        builtins.exec(code, globals, locals)

    def _accepted(self, found: dict[Any, Any]) -> dict[Any, Any]:
        return {text: code for text, code in found.items() if type(text) is str and type(code) is CodeType}


def _default_path() -> Path | None:
    folder = cache_folder()
    return None if folder is None else folder / f"class-code-{sys.implementation.cache_tag}.marshal"


_CACHE: CodeCache | None = None


@contextlib.contextmanager
def compiled_class_code() -> Iterator[None]:
    """Dataclasses made inside the block take their methods' code from the machine's cache."""
    global _CACHE
    import dataclasses

    path = _default_path()
    if path is None or "exec" in vars(dataclasses):
        yield
        return
    if _CACHE is None or _CACHE.path != path:
        _CACHE = CodeCache(path)
    dataclasses.exec = _CACHE.execute  # type: ignore[attr-defined]
    try:
        yield
    finally:
        if vars(dataclasses).get("exec") == _CACHE.execute:
            del dataclasses.exec  # type: ignore[attr-defined]
