"""The per-machine caches of what code makes (`machine_cache.EntryCache`: compiled patterns, `re`'s seeds,
dataclasses' method code, the prefilter's words) are never a reason to fail and never a different result:
a damaged, truncated, foreign or unwritable file falls back silently and is written again, one variable
turns them all off, and writers running at once leave a whole file."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from privacykit import class_code, machine_cache
from privacykit.changes import patterns, prefilter
from privacykit.changes.patterns import PatternCache
from privacykit.changes.prefilter import RequiredCache, analyse
from privacykit.class_code import CodeCache
from privacykit.machine_cache import NO_CACHE_VARIABLES, EntryCache, cache_folder, read_entries

pytestmark = pytest.mark.skipif(patterns._sre is None, reason="the interpreter's re has no parts to cache")

_PATTERN = r"\b(?:sell|rent|share|disclose|monetiz)\w* (?:your |the )?(?:personal (?:data|information)|contacts?)\b"
_TEXT = "def twice(x):\n    return x * 2\n"


def _pattern_run(path: Path) -> EntryCache:
    cache = PatternCache(path)
    assert cache.compile(_PATTERN, re.IGNORECASE) == re.compile(_PATTERN, re.IGNORECASE)
    return cache


def _code_run(path: Path) -> EntryCache:
    cache = CodeCache(path, save_at_exit=False)
    namespace: dict = {}
    cache.execute(_TEXT, namespace)
    assert namespace["twice"](21) == 42
    return cache


def _required_run(path: Path) -> EntryCache:
    cache = RequiredCache(path)
    assert cache.required(_PATTERN, re.IGNORECASE) == analyse(_PATTERN, re.IGNORECASE)
    return cache


RUNS: dict[str, Callable[[Path], EntryCache]] = {"patterns": _pattern_run, "class code": _code_run,
                                                 "prefilter": _required_run}


def _damage(kind: str, path: Path, run: Callable[[Path], EntryCache]) -> None:
    """Leave at `path` a cache file damaged in the way `kind` names."""
    if kind == "not marshal":
        path.write_bytes(b"\x00\xffnot marshal at all")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind in ("truncated", "one byte off"):
        cache = run(path)
        cache.save()
        whole = path.read_bytes()
        path.write_bytes(whole[: len(whole) // 2] if kind == "truncated" else whole[:-1])
    elif kind == "another interpreter":
        cache = run(path)
        cache.save()
        _, entries = marshal.loads(path.read_bytes())
        path.write_bytes(marshal.dumps((("cpython-99", "9.9.9"), entries)))
    elif kind == "not a pair":
        path.write_bytes(marshal.dumps({"a": 1, "b": 2}))  # unpacks into two keys
    elif kind == "entries not a dict":
        path.write_bytes(marshal.dumps((run(path)._key(), [1, 2, 3])))
    else:  # pragma: no cover
        raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["not marshal", "empty", "truncated", "one byte off", "another interpreter",
                                  "not a pair", "entries not a dict"])
@pytest.mark.parametrize("name", list(RUNS))
def test_a_damaged_or_foreign_file_falls_back_silently_and_is_written_again(tmp_path: Path, name: str,
                                                                            kind: str) -> None:
    run = RUNS[name]
    path = tmp_path / "cache.marshal"
    _damage(kind, path, run)
    cache = run(path)      # the right answer, no error
    assert cache._added    # made again, not read
    cache.save()
    kept = read_entries(path, cache._key())
    assert kept is not None and len(kept) == 1
    again = run(path)      # the next run reads what was written
    assert not again._added


def test_damaged_entries_under_the_right_key_are_made_again(tmp_path: Path) -> None:
    path = tmp_path / "code.marshal"
    key = CodeCache.KEY
    path.write_bytes(marshal.dumps((key, {_TEXT: "not code", 3: b"x"})))
    cache = _code_run(path)
    assert cache._added and 3 not in cache._load()
    cache.save()
    assert not _code_run(path)._added
    # Engine code damaged under this interpreter's key: the engine refuses it, the pattern is compiled again.
    path = tmp_path / "patterns.marshal"
    _pattern_run(path).save()
    key, entries = marshal.loads(path.read_bytes())
    for name, (flags, code, groups, groupindex, indexgroup) in list(entries.items()):
        entries[name] = (flags, b"\xff" * len(code), groups, groupindex, indexgroup)
    path.write_bytes(marshal.dumps((key, entries)))
    cache = _pattern_run(path)
    assert cache._added
    cache.save()
    assert not _pattern_run(path)._added


@pytest.mark.parametrize("name", list(RUNS))
@pytest.mark.parametrize("where", ["a file where the folder should be", "a folder where the file should be"])
def test_a_file_that_cannot_be_written_is_no_error(tmp_path: Path, name: str, where: str) -> None:
    if where.startswith("a file"):
        blocker = tmp_path / "blocker"
        blocker.write_text("a file")
        path = blocker / "privacykit" / "cache.marshal"
    else:
        path = tmp_path / "cache.marshal"
        path.mkdir()
    cache = RUNS[name](path)
    cache.save()  # no exception, nothing written
    assert RUNS[name](path)._added
    assert not [p for p in tmp_path.rglob("*") if ".tmp-" in p.name]  # no hidden file left behind


def test_a_file_grown_past_its_limit_keeps_what_the_run_used(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    cache = PatternCache(path)
    for word in ("alpha", "beta", "gamma"):
        cache.compile(rf"\b{word}\b")
    cache.save()
    cache = PatternCache(path)
    cache.MOST = 2
    cache.compile(r"\bbeta\b")       # read
    cache.compile(r"\bdelta\b")      # made
    cache.save()
    assert set(read_entries(path, PatternCache.KEY) or {}) == {(r"\bbeta\b", 0), (r"\bdelta\b", 0)}
    # `re`'s seeds start over: which of them a run used is not known.
    seeds = patterns.ReSeed(tmp_path / "seeds.marshal")
    seeds._add(("a", 0), patterns._translate("a", 0)[1])
    seeds._add(("b", 0), patterns._translate("b", 0)[1])
    seeds.MOST = 1
    seeds.save()
    assert read_entries(tmp_path / "seeds.marshal", patterns.ReSeed.KEY) == {}


@pytest.mark.parametrize("variable", NO_CACHE_VARIABLES)
def test_either_name_of_the_variable_turns_every_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          variable: str) -> None:
    for name in NO_CACHE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PRIVACYKIT_CACHE_DIR", str(tmp_path))
    assert cache_folder() == tmp_path / "privacykit"
    monkeypatch.setenv(variable, "1")
    assert cache_folder() is None
    assert patterns._default_path() is None and patterns._seed_path() is None
    assert class_code._default_path() is None and prefilter._default_path() is None
    import dataclasses

    with class_code.compiled_class_code():
        assert "exec" not in vars(dataclasses)  # dataclasses compile their methods as they always did

    # A whole command writes nothing.
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("We keep order records for 2 years.\n", encoding="utf-8")
    new.write_text("We keep order records for 10 years.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in NO_CACHE_VARIABLES}
    env |= {"PRIVACYKIT_CACHE_DIR": str(tmp_path / "cache"), variable: "1"}
    done = subprocess.run([sys.executable, "-c", "from privacykit.cli import main; main()", "classify", str(old),
                           str(new)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].startswith("material")
    assert not (tmp_path / "cache").exists()


def test_no_home_directory_is_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (*NO_CACHE_VARIABLES, "PRIVACYKIT_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)

    def nowhere() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(machine_cache.Path, "home", staticmethod(nowhere))
    assert cache_folder() is None


_WRITER = """
import sys
from pathlib import Path
from privacykit.machine_cache import EntryCache

class Kept(EntryCache):
    KEY = ("writers", 1)

path, me, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for _ in range(rounds):
    cache = Kept(path)
    cache._entries = {}  # this writer's entries only, whatever the file holds
    for i in range(3000):
        cache._add((me, i), me * 40)
    cache.save()
"""


def test_writers_at_once_leave_one_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "kept.marshal"
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, str(path), name, "25"])
               for name in ("a", "b", "c", "d")]
    seen: set[str] = set()
    reads = 0
    while any(w.poll() is None for w in writers) or reads == 0:
        if path.exists():
            entries = read_entries(path, ("writers", 1))
            assert entries is not None, "a reader saw a part of a file"
            owners = {owner for owner, _ in entries}
            assert len(owners) == 1 and len(entries) == 3000  # one writer's file, whole
            seen |= owners
            reads += 1
        else:
            time.sleep(0.001)
    assert all(w.wait() == 0 for w in writers)
    entries = read_entries(path, ("writers", 1))
    assert entries is not None and len(entries) == 3000 and len({owner for owner, _ in entries}) == 1
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no hidden file left behind


def test_a_key_that_cannot_be_made_keeps_nothing(tmp_path: Path) -> None:
    class Unreadable(EntryCache):
        def _key(self) -> object:
            raise OSError("the module's own file cannot be read")

    cache = Unreadable(tmp_path / "kept.marshal")
    cache._add("a", 1)
    cache.save()
    assert cache._load() == {"a": 1} and not list(tmp_path.iterdir())
