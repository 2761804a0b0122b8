"""The engine does not depend on MkDocs: only privacykit.mkdocs may import it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import privacykit
from privacykit.errors import ContentError
from privacykit.machine_cache import NO_CACHE_VARIABLES


def engine_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(privacykit.__path__, "privacykit."):
        if not info.name.startswith(("privacykit.mkdocs", "privacykit.testing")):
            names.append(info.name)
    return names


def test_engine_modules_import_no_mkdocs():
    modules = engine_modules()
    assert "privacykit.render.resolve" in modules and "privacykit.load.project" in modules
    code = (
        "import sys\n"
        f"for name in {modules!r}:\n"
        "    __import__(name)\n"
        "print(sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _module_state(path) -> list[str]:
    """Module-level state that outlives a build in one module: caches made at import time,
    memoizing decorators, and `global` rebinding."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in tree.body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        if isinstance(value, ast.Call) and getattr(value.func, "id", getattr(value.func, "attr", "")) in (
                "BoundedCache", "OrderedDict", "RenderCache", "defaultdict"):
            found.append(f"{path.name}:{node.lineno}: a cache made at import time")
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                if getattr(target, "id", getattr(target, "attr", "")) in ("lru_cache", "cache"):
                    found.append(f"{path.name}:{node.lineno}: a memoized function")
    found += [f"{path.name}:{n.lineno}: global {', '.join(n.names)}" for n in ast.walk(tree) if isinstance(n, ast.Global)]
    return found


def test_the_site_builder_keeps_no_state_in_modules(tmp_path):
    """Rendered texts live in a `RenderCache` its caller owns; workers get their task as an argument."""
    from pathlib import Path

    publish = Path(privacykit.__file__).parent / "publish"
    modules = sorted(publish.glob("*.py"))
    assert len(modules) > 10
    assert [finding for path in modules for finding in _module_state(path)] == []
    # The check finds what it looks for.
    sample = tmp_path / "sample.py"
    sample.write_text("import functools\n\n\n@functools.lru_cache(maxsize=64)\ndef html(text):\n    return text\n")
    assert any("memoized" in finding for finding in _module_state(sample))


def test_no_class_of_the_site_builder_is_over_150_lines():
    import ast
    from pathlib import Path

    for path in sorted((Path(privacykit.__file__).parent / "publish").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                assert node.end_lineno - node.lineno + 1 <= 150, f"{path.name}: class {node.name}"


# Run a command in a fresh interpreter and list the modules it loaded.
_LOADED = (
    "import sys\n"
    "from privacykit.cli import cli\n"
    "try:\n"
    "    cli(sys.argv[1:])\n"
    "except SystemExit as exc:\n"
    "    assert not exc.code, exc.code\n"
    "print(' '.join(sorted(sys.modules)))\n"
)
# Modules a short command would pay for without using (each costs a noticeable part of start-up).
_NOT_FOR_SHORT_COMMANDS = ("jinja2", "mkdocs", "weasyprint", "fideslang", "babel", "translate")


def _loaded(*args: str, cwd=None, env=None) -> set[str]:
    out = subprocess.run([sys.executable, "-c", _LOADED, *args], capture_output=True, text=True, check=True, cwd=cwd,
                         env=env)
    return set(out.stdout.strip().splitlines()[-1].split())


def _unwanted(loaded: set[str], names) -> list[str]:
    return sorted(m for m in loaded if any(m == n or m.startswith(n + ".") for n in names))


def test_classify_loads_no_site_metadata_or_template_modules(tmp_path):
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("We keep order records for 2 years.\n", encoding="utf-8")
    new.write_text("We keep order records for 10 years.\n", encoding="utf-8")
    loaded = _loaded("classify", str(old), str(new), cwd=tmp_path)
    assert "privacykit.changes.prose" in loaded
    # pydantic (which reads importlib.metadata for its plugins) checks project files; classify reads none.
    assert _unwanted(loaded, (*_NOT_FOR_SHORT_COMMANDS, "importlib.metadata", "importlib.resources", "pydantic")) == []


def test_classify_outside_a_project_reads_no_yaml_once_the_rule_table_is_cached(tmp_path):
    import os

    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("We keep order records for 2 years.\n", encoding="utf-8")
    new.write_text("We keep order records for 10 years.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in NO_CACHE_VARIABLES}
    env["PRIVACYKIT_CACHE_DIR"] = str(tmp_path / "cache")
    first = _loaded("classify", str(old), str(new), cwd=tmp_path, env=env)
    assert "ruamel.yaml" in first  # the shipped rule table parsed, then kept
    assert "ruamel.yaml" not in _loaded("classify", str(old), str(new), cwd=tmp_path, env=env)


def test_classify_in_a_project_reads_its_mkdocs_yml_once_per_machine(tmp_path):
    """Inside a project `classify` reads `mkdocs.yml` for the rule table's place: a file without
    tags is parsed once and kept (by its bytes); one with a tag (`!ENV`) is parsed at every start."""
    import os

    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("We keep order records for 2 years.\n", encoding="utf-8")
    new.write_text("We keep order records for 10 years.\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Kept\nplugins:\n  - privacykit:\n      default_region: us\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in NO_CACHE_VARIABLES}
    env["PRIVACYKIT_CACHE_DIR"] = str(tmp_path / "cache")
    assert "ruamel.yaml" in _loaded("classify", str(old), str(new), cwd=tmp_path, env=env)
    assert "ruamel.yaml" not in _loaded("classify", str(old), str(new), cwd=tmp_path, env=env)
    config.write_text("site_name: !ENV [SITE, Kept]\n", encoding="utf-8")
    assert "ruamel.yaml" in _loaded("classify", str(old), str(new), cwd=tmp_path, env=env)


def test_a_kept_mkdocs_yml_reads_as_the_file(tmp_path, monkeypatch):
    from privacykit.load.settings import read_settings

    monkeypatch.setenv("PRIVACYKIT_CACHE_DIR", str(tmp_path / "cache"))
    for name in NO_CACHE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "mkdocs.yml").write_text("site_name: S\nsite_url: https://x.example/\nplugins:\n  - privacykit:\n"
                                         "      statements_dir: texts\n      default_region: br\n", encoding="utf-8")
    first, second = read_settings(tmp_path), read_settings(tmp_path)
    assert first == second and first.default_region == "br" and first.paths.statements == tmp_path / "texts"
    assert list((tmp_path / "cache" / "privacykit").glob("mkdocs-config-*.marshal"))
    (tmp_path / "mkdocs.yml").write_text("site_name: S\nplugins:\n  - privacykit:\n      default_region: 3\n",
                                         encoding="utf-8")
    with pytest.raises(ContentError, match="default_region"):   # checked as the file says, not as it said
        read_settings(tmp_path)


def test_diff_of_two_releases_loads_no_renderer_or_site_modules():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    loaded = _loaded("diff", "--root", str(root), "website", "2023-06-30", "2024-03-05")
    assert "privacykit.changes.redline" in loaded and "privacykit.load.project" in loaded
    assert _unwanted(loaded, (*_NOT_FOR_SHORT_COMMANDS, "privacykit.render.sandbox", "privacykit.publish")) == []
