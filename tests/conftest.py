"""Shared fixtures: the Lenovo example project, loaded and built once per session."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

REPO = Path(__file__).resolve().parent.parent
SEED = REPO.parent / "shared" / "seed"
CORPUS = REPO.parent / "shared" / "corpus" / "privacy-policies"


def run_folder(tmp_path_factory) -> Path | None:
    """The folder every pytest-xdist worker of this run shares (None without xdist)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return None
    return tmp_path_factory.getbasetemp().parent


def built_once(tmp_path_factory, name: str, build: Callable[[Path], None]) -> Path:
    """A folder `build` fills once per test run, however many workers ask for it.

    Under pytest-xdist the first worker to ask builds it in the folder the workers share,
    holding a lock; the others wait for the lock and read what it built (the pattern the
    pytest-xdist documentation gives for session fixtures). A build that failed leaves no
    marker, so the next worker to ask builds again and reports the same failure.
    """
    shared = run_folder(tmp_path_factory)
    if shared is None:
        folder = tmp_path_factory.mktemp(name)
        build(folder)
        return folder
    folder = shared / name
    with FileLock(f"{folder}.lock"):
        if not (folder / ".built").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(folder)
            (folder / ".built").touch()
    return folder


# Test workers that already fill the cores build in one process each: a build forking one
# process per core on top of them only adds forks and contention. (Tests of parallel builds
# pass `jobs` themselves.)
def _one_process_per_build() -> None:
    from privacykit.publish.parallel import JOBS_VARIABLE, cpu_count

    if int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "0")) >= cpu_count():
        os.environ.setdefault(JOBS_VARIABLE, "1")


_one_process_per_build()


# The session fixtures that take tens of seconds. Under pytest-xdist, worker gwN starts the
# Nth of those the collected tests use as its first task, so they are built side by side
# instead of one worker waiting on the lock while the other builds.
HEAVY_FIXTURES = ("example_site", "corpus_imports", "pdf_site")


def load_script(path: Path, name: str):
    """A script of the repository (not a package module) imported as module `name`."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session", autouse=True)
def start_heavy_fixtures(request, shared_pdf_cache):
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return
    index, count = int(worker.removeprefix("gw")), int(os.environ["PYTEST_XDIST_WORKER_COUNT"])
    used = [name for name in HEAVY_FIXTURES if any(name in item.fixturenames for item in request.session.items)]
    for name in used[index::count]:
        request.getfixturevalue(name)


@pytest.fixture(scope="session", autouse=True)
def shared_pdf_cache(tmp_path_factory):
    """Every build of the test run keeps its archival PDFs in one cache (shared by the
    pytest-xdist workers): a project's PDFs are rendered once, not once per copy of it a test
    builds (the golden project's, by `golden_site` and the tests that build a copy of it)."""
    shared = run_folder(tmp_path_factory)
    if shared is None:
        folder = tmp_path_factory.mktemp("pdf-cache")
    else:
        folder = shared / "pdf-cache"
        folder.mkdir(exist_ok=True)
    previous = os.environ.get("PRIVACYKIT_PDF_CACHE")
    os.environ["PRIVACYKIT_PDF_CACHE"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("PRIVACYKIT_PDF_CACHE", None)
    else:
        os.environ["PRIVACYKIT_PDF_CACHE"] = previous


@pytest.fixture(scope="session")
def example_project():
    from privacykit.load.project import load_project

    return load_project(REPO)


@pytest.fixture(scope="session")
def golden_site(tmp_path_factory) -> Path:
    """The golden project (tests/golden/project) built with MkDocs on its golden date (once per
    run: its tests only read it, and under pytest-xdist they may land on both workers)."""
    from goldensite import GOLDEN_DATE, copy_project
    from privacykit.mkdocs.build import build_site

    def build(folder: Path) -> None:
        work = copy_project(folder / "project")
        build_site(work / "mkdocs.yml", work / "site", build_date=GOLDEN_DATE)

    return built_once(tmp_path_factory, "golden", build) / "project" / "site"


@pytest.fixture(scope="session")
def golden_upcoming_site(tmp_path_factory) -> Path:
    """The golden project built on 2024-05-01, before its 2024-06-01 release takes effect (once
    per run: the accessibility audit and the feed tests only read it)."""
    from goldensite import copy_project
    from privacykit.mkdocs.build import build_site

    def build(folder: Path) -> None:
        work = copy_project(folder / "project")
        build_site(work / "mkdocs.yml", work / "site", build_date="2024-05-01")

    return built_once(tmp_path_factory, "golden-upcoming", build) / "project" / "site"


@pytest.fixture
def golden_copy(tmp_path) -> Path:
    """A working copy of the golden project, for tests that edit or build it."""
    from goldensite import copy_project

    return copy_project(tmp_path / "golden")


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The example built into a temporary folder as `make site` builds it, but without its
    archival PDFs (`privacykit build --no-pdf`): its tests read the pages, the API, feeds and
    fragments. The PDFs are checked on `pdf_site`, whose build makes them."""
    from privacykit.mkdocs.build import build_site

    def build(work: Path) -> None:
        for name in ("statements", "versions", "templates", "site-src"):
            if (REPO / name).exists():
                shutil.copytree(REPO / name, work / name)
        shutil.copy(REPO / "mkdocs.yml", work / "mkdocs.yml")
        build_site(work / "mkdocs.yml", work / "site", build_date="2024-06-01", pdf=False)

    return built_once(tmp_path_factory, "example", build) / "site"


@pytest.fixture(scope="session")
def pdf_site(tmp_path_factory) -> Path:
    """The PDF project (tests/pdfsite.py: the example's statements with a short outline, in
    English, Portuguese and Chinese, released twice) built with its archival PDFs, once per run."""
    import pdfsite

    return built_once(tmp_path_factory, "pdf-project", pdfsite.build) / "project" / "site"


def rehash(folder, **changes):
    """What a careful forger does: edit a release's manifest, then make every hash in it match again."""
    from privacykit.load.yamlio import dump_yaml, load_yaml
    from privacykit.versions.store import sha256

    manifest = folder / "manifest.yml"
    data = load_yaml(manifest.read_text(), "manifest.yml")
    data.update(changes)
    data["files"] = {rel: sha256((folder / rel).read_bytes()) for rel in data["files"]}
    manifest.write_text(dump_yaml(data))


@pytest.fixture
def example_copy(tmp_path) -> Path:
    """A copy of the example project (statements, releases, config) to change in a test
    (a test that builds it passes `pdf=False`: the example's PDFs are many and slow to make)."""
    work = tmp_path / "example"
    for name in ("statements", "versions", "site-src", "templates"):
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


def allow_new_signer(root, folder) -> Path:
    """A key made for the test (in `folder`), added to the project's allowed signers: the
    example's releases are signed, so a test that releases on a copy of it signs too."""
    import subprocess

    key = Path(folder) / "release-key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", str(key)], check=True)
    with (Path(root) / "versions/allowed_signers").open("a") as signers:
        signers.write("test@example.com " + " ".join(key.with_suffix(".pub").read_text().split()[:2]) + "\n")
    return key


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


# The corpus' policy histories (232 captures of 8 services) take minutes to import, check and
# build: the unit suite imports a sample of each history, and `.ci/run` runs the tests marked
# `histories` again on every capture (`pytest --every-history -m histories`, `make histories`).
# The sample holds every fourth capture, the latest, and the captures whose import the tests
# name (Reddit's same text on two days, LinkedIn's markup-only change, a day of Quora's with
# several captures); Spotify's error pages fall in it as they fall in the whole.
HISTORY_SAMPLE_ALSO = {
    "Reddit": ("2025-06-28T123441Z", "2025-06-29T003432Z", "2025-06-29T123426Z"),
    "LinkedIn": ("2025-09-18T123439Z", "2025-10-03T003415Z"),
    "Quora": ("2022-07-12",),
}


def pytest_addoption(parser):
    parser.addoption("--every-history", action="store_true", default=False,
                     help="import every capture of the corpus histories for the tests marked 'histories' "
                          "(without it they read a sample of each history)")


def history_sample(service: Path) -> list[Path]:
    """The captures of `service`'s history the unit suite imports (see HISTORY_SAMPLE_ALSO)."""
    files = sorted(service.glob("*.md"))
    named = HISTORY_SAMPLE_ALSO.get(service.name, ())
    return [f for i, f in enumerate(files) if i % 4 == 0 or f == files[-1] or f.name.startswith(named)]


@pytest.fixture(scope="session")
def every_history(request) -> bool:
    return bool(request.config.getoption("--every-history"))


@pytest.fixture(scope="session")
def corpus_imports(tmp_path_factory, every_history) -> tuple[Path, dict[str, str]]:
    """Every policy history of the corpus (a sample of each, or every capture with
    `--every-history`) imported into one project, as a user would (`privacykit import --history
    --skip-invalid`): the root, and each import's output. `corpus_histories` names the folders
    imported from."""

    def build(folder: Path) -> None:
        outputs = {}
        for service in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
            history = service
            if not every_history:
                history = folder / "histories" / service.name
                history.mkdir(parents=True)
                for capture in history_sample(service):
                    shutil.copy(capture, history / capture.name)
            latest = sorted(history.glob("*.md"))[-1]
            result = run_cli(folder / "project", "import", str(latest), "--statement", service.name.lower(),
                             "--history", str(history), "--skip-invalid")
            assert result.exit_code == 0, result.output
            outputs[service.name.lower()] = result.output
        (folder / "outputs.json").write_text(json.dumps(outputs))

    folder = built_once(tmp_path_factory, "corpus-imports-every" if every_history else "corpus-imports", build)
    return folder / "project", json.loads((folder / "outputs.json").read_text())


@pytest.fixture(scope="session")
def corpus_histories(corpus_imports, every_history) -> dict[str, Path]:
    """The history folder `corpus_imports` imported for each service (by the service's name)."""
    root, _ = corpus_imports
    return {p.name: p if every_history else root.parent / "histories" / p.name
            for p in sorted(CORPUS.iterdir()) if p.is_dir()}


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Under pytest-xdist, say how to rerun a failed test alone, in one process."""
    failed = terminalreporter.stats.get("failed", []) + terminalreporter.stats.get("error", [])
    if failed and os.environ.get("PYTEST_XDIST_WORKER") is None and config.getoption("numprocesses", None):
        first = next((report.nodeid for report in failed if getattr(report, "nodeid", "")), "tests/test_x.py::test_y")
        terminalreporter.write_line(f"Rerun a failed test alone, in one process: .venv/bin/python -m pytest -q '{first}'")
