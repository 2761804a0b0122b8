"""A module of the detector binds each top-level name once.

The detector's modules hold hundreds of patterns and helpers; a second `_PROMISE = …` or
`def _table_header` further down silently replaces the first for every caller above it, and
no linter reports a name used before it is rebound."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import privacykit

MODULES = sorted((Path(privacykit.__file__).parent / "changes").glob("*.py"))


def _bound_twice(path: Path) -> list[str]:
    seen: dict[str, int] = {}
    twice = []
    for node in ast.parse(path.read_text("utf-8")).body:
        names: list[str] = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names = [node.target.id]
        for name in names:
            if name in seen:
                twice.append(f"{path.name}:{node.lineno}: {name} (first at line {seen[name]})")
            seen.setdefault(name, node.lineno)
    return twice


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_each_top_level_name_is_bound_once(path: Path) -> None:
    assert _bound_twice(path) == []
