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
    for name in ("statements", "versions", "site-src"):
        shutil.copytree(REPO / name, work / name)
    shutil.copy(REPO / "mkdocs.yml", work / "mkdocs.yml")
    return work


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (one for every browser test)."""
    from browsing import ARGS, CHROMIUM

    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        pytest.fail("Debian's chromium is not installed: run 'make test' (it installs it) "
                    "or 'apt-get install chromium' as root")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


def run_cli(root, *args):
    """Run `privacykit <command> --root ROOT <args…>`; never a traceback."""
    from click.testing import CliRunner

    from privacykit.cli import cli

    result = CliRunner().invoke(cli, [args[0], "--root", str(root), *args[1:]])
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def released(statement_project):
    """The minimal project with one release, effective 2024-01-10."""
    root = statement_project()
    assert run_cli(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    return root
