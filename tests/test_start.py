"""What `privacykit classify` keeps per machine to start faster, and how it ends (speed24): never a
different class, pattern or output."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from privacykit import class_code
from privacykit.changes import patterns
from privacykit.class_code import CodeCache, compiled_class_code
from privacykit.machine_cache import NO_CACHE_VARIABLES

_CLASS = '''
from dataclasses import dataclass, field

@dataclass(frozen=True, order=True)
class Frozen:
    name: str
    count: int = 0
    tags: tuple[str, ...] = field(default=())

@dataclass
class Plain:
    items: list[int] = field(default_factory=list)
    label: str = "x"
'''


def _made(cache_dir: Path | None, monkeypatch: pytest.MonkeyPatch) -> dict:
    """The classes of `_CLASS`, made inside `compiled_class_code` (no cache when `cache_dir` is None)."""
    if cache_dir is None:
        namespace: dict = {}
        exec(_CLASS, namespace)
        return namespace
    monkeypatch.setenv("PRIVACYKIT_CACHE_DIR", str(cache_dir))
    for name in NO_CACHE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    namespace = {}
    with compiled_class_code():
        assert "exec" in vars(dataclasses)
        exec(_CLASS, namespace)
    assert "exec" not in vars(dataclasses)
    return namespace


def _methods(cls: type) -> dict[str, bytes]:
    return {name: value.__code__.co_code for name, value in vars(cls).items() if hasattr(value, "__code__")}


def test_a_dataclass_made_from_kept_code_is_the_one_compiled(tmp_path: Path, monkeypatch) -> None:
    plain = _made(None, monkeypatch)
    first = _made(tmp_path, monkeypatch)     # compiled, then kept
    class_code._CACHE = None                 # a new process: the file is read
    again = _made(tmp_path, monkeypatch)
    assert class_code._CACHE is not None
    class_code._CACHE.save()
    assert (tmp_path / "privacykit" / f"class-code-{sys.implementation.cache_tag}.marshal").stat().st_size > 1000
    for made in (first, again):
        for name in ("Frozen", "Plain"):
            assert _methods(made[name]) == _methods(plain[name])
        frozen = made["Frozen"]
        a, b = frozen("a", 1), frozen("b")
        assert repr(a) == "Frozen(name='a', count=1, tags=())" and a < b and a == frozen("a", 1)
        assert hash(a) == hash(frozen("a", 1))
        with pytest.raises(dataclasses.FrozenInstanceError):
            a.name = "c"  # type: ignore[misc]
        assert made["Plain"]().items == [] and made["Plain"]().items is not made["Plain"]().items


def test_the_code_cache_compiles_what_it_does_not_hold(tmp_path: Path) -> None:
    path = tmp_path / "code.marshal"
    path.write_bytes(b"not marshal")
    cache = CodeCache(path)
    namespace: dict = {}
    cache.execute("def f(x):\n return x + 1\n", namespace)
    assert namespace["f"](1) == 2
    cache.save()
    again: dict = {}
    CodeCache(path).execute("def f(x):\n return x + 1\n", again)
    assert again["f"].__code__.co_code == namespace["f"].__code__.co_code


def test_re_seeded_patterns_are_the_ones_re_compiles(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PRIVACYKIT_CACHE_DIR", str(tmp_path))
    for name in NO_CACHE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    fixed = [(r"(?P<word>\b[a-z]+)\s+(?:and|or)\s+(?P=word)", re.IGNORECASE), (r"^\d{1,3}\.\s", re.MULTILINE)]
    re.purge()
    with patterns.seeded_re():
        made = [re.compile(p, f) for p, f in fixed]
    # A pattern made from a document's words outside the block is not kept.
    re.compile(re.escape("words of a document") + "x")
    re.purge()
    seeds = patterns.ReSeed(patterns._seed_path())
    seeds.seed()
    for (pattern, flags), original in zip(fixed, made, strict=True):
        seeded = re.compile(pattern, flags)
        assert seeded is not original            # from the seed, not this process's compile
        assert (seeded.pattern, seeded.flags, seeded.groups, seeded.groupindex) == (
            original.pattern, original.flags, original.groups, original.groupindex)
    assert re.compile(fixed[0][0], fixed[0][1]).search("Cats AND cats").group("word") == "Cats"
    assert not any("document" in pattern for pattern, _ in seeds._load())
    re.purge()


def _command(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from privacykit.cli import main; main()", *args],
                          capture_output=True, text=True, env=env)


def test_classify_ends_at_once_with_its_output_status_and_caches(tmp_path: Path) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("Our websites are intended for adults and children aged 16 and over.\n", encoding="utf-8")
    new.write_text("Our websites are intended for adults and children aged 13 and over.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in NO_CACHE_VARIABLES}
    env["PRIVACYKIT_CACHE_DIR"] = str(tmp_path / "cache")
    first = _command("classify", str(old), str(new), env=env)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[-1] == "material-consent" and "minimum age" in first.stdout
    # What the caches write at exit was written: the compiled patterns, the classes' code, the seeds.
    written = {p.name.split("-cpython")[0] for p in (tmp_path / "cache" / "privacykit").iterdir()}
    assert {"patterns", "class-code", "re-seed", "lexicon", "rules"} <= written
    again = _command("classify", str(old), str(new), env=env)
    assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, first.stderr)
    missing = _command("classify", str(old), str(tmp_path / "none.md"), env=env)
    assert missing.returncode == 1 and "none.md" in missing.stderr and missing.stdout == ""


def _both_paths(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    """`classify ARGS` as the plain form runs it (without click) and as click runs it (`--root .`
    is the default, and takes the command line to click)."""
    env = dict(os.environ)
    plain = subprocess.run([sys.executable, "-X", "importtime", "-c", "from privacykit.cli import main; main()",
                            "classify", *args], capture_output=True, text=True, env=env, cwd=tmp_path)
    clicked = subprocess.run([sys.executable, "-c", "from privacykit.cli import main; main()", "classify", "--root",
                              ".", *args], capture_output=True, text=True, env=env, cwd=tmp_path)
    # The plain form imports no click; what it writes to stderr besides the import times is compared.
    imported = [line.split("|")[-1].strip() for line in plain.stderr.splitlines() if line.startswith("import time:")]
    assert "click" not in imported and "privacykit.cli_app" not in imported
    plain.stderr = "".join(line + "\n" for line in plain.stderr.splitlines() if not line.startswith("import time:"))
    return plain, clicked


@pytest.mark.parametrize("case", ["material", "editorial", "many", "controls", "laws", "missing", "folder"])
def test_a_plain_classify_writes_what_click_writes(tmp_path: Path, case: str) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("We keep order records for 2 years.\n", encoding="utf-8")
    new.write_text("We keep order records for 10 years.\n", encoding="utf-8")
    args = ["old.md", "new.md"]
    if case == "editorial":
        new.write_text("We keep the order records for 2 years.\n", encoding="utf-8")
    elif case == "many":  # more editorial notes than are shown
        old.write_text("".join(f"Paragraph {n} says a thing.\n\n" for n in range(30)), encoding="utf-8")
        new.write_text("".join(f"Paragraph {n} says that thing.\n\n" for n in range(30)), encoding="utf-8")
    elif case == "controls":  # escapes in content are shown, never acted on
        new.write_text("We keep order records for 10 years.\x1b[2J\u202e\n", encoding="utf-8")
    elif case == "laws":
        args = ["--law", "ccpa", "old.md", "--law=gdpr", "new.md"]
    elif case == "missing":
        args = ["old.md", "gone.md"]
    elif case == "folder":
        args = [".", "new.md"]
    plain, clicked = _both_paths(tmp_path, *args)
    assert (plain.returncode, plain.stdout, plain.stderr) == (clicked.returncode, clicked.stdout, clicked.stderr)
    assert plain.stdout or plain.stderr


def test_only_the_plain_form_of_classify_runs_without_click(tmp_path: Path, monkeypatch) -> None:
    from privacykit.cli import _plain_classify

    assert _plain_classify(["classify", "a.md", "b.md"]) == (Path("a.md"), Path("b.md"), ("gdpr",))
    assert _plain_classify(["classify", "--law", "all", "a.md", "--law=ccpa", "b.md"]) == (
        Path("a.md"), Path("b.md"), ("all", "ccpa"))
    for args in (["classify", "a.md"], ["classify", "a.md", "b.md", "c.md"], ["classify", "--root", ".", "a", "b"],
                 ["classify", "-f", "m.yml", "a", "b"], ["classify", "--help"], ["classify", "-h", "a", "b"],
                 ["classify", "-", "b.md"], ["classify", "a", "b", "--law"], ["classify", "a", "b", "--law", "-h"],
                 ["classify", "a", "b", "--law="], ["classify", "a", "b", "--"], ["--debug", "classify", "a", "b"],
                 ["classify", "", "b.md"], ["diff", "a", "b", "c"], []):
        assert _plain_classify(args) is None, args
    monkeypatch.setenv("_PRIVACYKIT_COMPLETE", "bash_complete")
    assert _plain_classify(["classify", "a.md", "b.md"]) is None


def test_the_entry_module_gives_the_click_group_when_asked() -> None:
    import privacykit.cli
    import privacykit.cli_app

    assert privacykit.cli.cli is privacykit.cli_app.cli
    with pytest.raises(AttributeError):
        privacykit.cli.no_such_name  # noqa: B018


def test_both_forms_of_classify_share_its_help_and_default_laws(monkeypatch) -> None:
    """The plain form (`cli.py`) and click's command (`cli_app`) read one definition of the help, the
    `--law` option and the laws judged under when none is named."""
    from privacykit import cli
    from privacykit.cli_app import classify

    assert classify.help == cli.CLASSIFY_HELP
    law = next(p for p in classify.params if p.name == "laws")
    assert law.opts == [cli.LAW_OPTION] and law.help == cli.LAW_HELP and tuple(law.default) == cli.DEFAULT_LAWS
    for stream in ("stdout", "stderr"):  # streams the plain form writes to (not the runner's capture)
        monkeypatch.setattr(sys, stream, io.TextIOWrapper(io.BytesIO(), encoding="utf-8"))
    assert cli._plain_classify(["classify", "a.md", "b.md"])[2] == cli.DEFAULT_LAWS  # type: ignore[index]
    assert cli._plain_classify(["classify", "a.md", f"{cli.LAW_OPTION}=ccpa", "b.md"])[2] == ("ccpa",)  # type: ignore[index]
