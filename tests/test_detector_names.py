"""The detector's modules bind each module-level name once.

Its rules are many module-level patterns built by several people at once; a second binding of a name
(two branches each adding an `_ACRONYM`) silently replaces the first for every reader above it, and
neither ruff nor mypy sees it when both are patterns. This keeps such a merge from landing.
"""

from __future__ import annotations

import ast
from collections import Counter

import pytest

from conftest import REPO

MODULES = sorted((REPO / "plugins" / "privacykit" / "changes").glob("*.py"))


def _bound_at_module_level(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names.append(node.target.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.append(node.name)
    return names


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_no_module_level_name_is_bound_twice(module):
    tree = ast.parse(module.read_text("utf-8"), filename=str(module))
    twice = sorted(name for name, count in Counter(_bound_at_module_level(tree)).items() if count > 1)
    assert not twice, f"{module.name} binds these names more than once: {', '.join(twice)}"


def test_a_second_binding_is_seen():
    tree = ast.parse("A = 1\ndef f(): pass\nA = 2\n")
    assert Counter(_bound_at_module_level(tree))["A"] == 2
