"""Shared fixtures: the Lenovo example project, loaded and built once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED = REPO.parent / "shared" / "seed"
CORPUS = REPO.parent / "shared" / "corpus" / "privacy-policies"


@pytest.fixture(scope="session")
def example_project():
    from privacykit.load.project import load_project

    return load_project(REPO)


@pytest.fixture(scope="session")
def golden_site(tmp_path_factory) -> Path:
    """The golden project (tests/golden/project) built with MkDocs on its golden date."""
    from goldensite import GOLDEN_DATE, copy_project
    from privacykit.mkdocs.build import build_site

    work = copy_project(tmp_path_factory.mktemp("golden") / "project")
    return build_site(work / "mkdocs.yml", work / "site", build_date=GOLDEN_DATE)


@pytest.fixture
def golden_copy(tmp_path) -> Path:
    """A working copy of the golden project, for tests that edit or build it."""
    from goldensite import copy_project

    return copy_project(tmp_path / "golden")


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The example built into a temporary folder (as `make site` builds it)."""
    from privacykit.mkdocs.build import build_site

    work = tmp_path_factory.mktemp("example")
    for name in ("statements", "versions", "templates", "site-src"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, work / name)
    shutil.copy(REPO / "mkdocs.yml", work / "mkdocs.yml")
    return build_site(work / "mkdocs.yml", work / "site", build_date="2024-06-01")


@pytest.fixture
def example_copy(tmp_path) -> Path:
    """A copy of the example project (statements, releases, config) to change in a test."""
    work = tmp_path / "example"
    for name in ("statements", "versions", "site-src", "templates"):
        shutil.copytree(REPO / name, work / name)
    shutil.copy(REPO / "mkdocs.yml", work / "mkdocs.yml")
    return work


def run_cli(root, *args):
    """Run `privacykit <command> --root ROOT <args…>`; never a traceback."""
    from click.testing import CliRunner

    from privacykit.cli import cli

    result = CliRunner().invoke(cli, [args[0], "--root", str(root), *args[1:]])
    assert "Traceback" not in result.output
    return result


def changes_to_acknowledge(root) -> list[str]:
    """The changes `check --against in-force` asks the release notes to acknowledge, as it prints
    them (`<id>@<digest of the text>`)."""
    import re

    result = run_cli(root, "check", "--against", "in-force")
    return re.findall(r"unacknowledged \w+ change '([^']+)'", result.output)


def acknowledge(root, changes, decision: str = "notify", reason: str = "Reviewed.", summary: str = "S",
                statement: str = "web", extra: str = "") -> str:
    """Write the draft's release notes acknowledging `changes` with one decision and reason."""
    entries = "".join(f"  - change: {ref}\n    decision: {decision}\n    reason: {reason}\n" for ref in changes)
    text = f"---\nsummary: {summary}\n{extra}acknowledge:\n{entries or '  []'}\n---\nNotes.\n"
    if not entries:
        text = f"---\nsummary: {summary}\n{extra}acknowledge: []\n---\nNotes.\n"
    (root / f"statements/{statement}/release-notes.md").write_text(text)
    return text


@pytest.fixture
def released(statement_project):
    """The minimal project with one release, effective 2024-01-10."""
    root = statement_project()
    assert run_cli(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    return root
