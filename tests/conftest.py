"""Shared fixtures: the Lenovo example project, loaded and built once per session."""

from __future__ import annotations

import datetime as dt
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


# A release must not take effect before the day it is made (evidence44): `release` reads the clock once
# (`dates.clock_today`, the real day) and judges the effective date by that day. The suite's projects release dates
# of 2024 on purpose, while everything else a release is judged and dated by (notice, in force, `released:`)
# stays the real day; so the suite's releases are given their own day for that one refusal, 2024-01-01. Tests of
# the refusal itself put the real judgement back (`refuse_past_effective.__wrapped__`) and set the clock.
TEST_TODAY = dt.date(2024, 1, 1)


def _test_clock() -> None:
    import functools

    from privacykit.versions import release

    refuse = release.refuse_past_effective

    @functools.wraps(refuse)
    def refuse_before_the_suites_day(effective_date: dt.date, record_past: str | None, today: dt.date) -> None:
        refuse(effective_date, record_past, TEST_TODAY)

    release.refuse_past_effective = refuse_before_the_suites_day


_test_clock()


# Where Python writes no bytecode (PYTHONDONTWRITEBYTECODE, as in this machine's environment), every process of
# the run compiled the project from source again: each worker, and each `privacykit` or `python` a test starts
# (some fifty, about 0.4 s of compiling each). The run keeps its bytecode under .cache/pycache instead (ignored by
# git, emptied by `make clean`; Python checks each file against its source), and the processes it starts inherit
# that. A machine that writes bytecode is left as it is.
def _compile_once_per_run() -> None:
    if not (sys.dont_write_bytecode or os.environ.get("PYTHONDONTWRITEBYTECODE")):
        return
    prefix = str(REPO / ".cache" / "pycache")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ.setdefault("PYTHONPYCACHEPREFIX", prefix)
    sys.dont_write_bytecode = False
    sys.pycache_prefix = sys.pycache_prefix or os.environ["PYTHONPYCACHEPREFIX"]


_compile_once_per_run()


# The session fixtures that take tens of seconds, with their weight in LONG_TESTS' seconds (measured as those are;
# suite30: `corpus_imports` is about 60 s of CPU alone, four times the example's build and the PDF project's
# together). Under pytest-xdist each is given to one worker's chunk (`long_first`), which builds it as its first
# task, with the tests that use it: they are built side by side, and no worker waits on the lock of a fixture the
# other is still building while tests it could run are left.
HEAVY_FIXTURES = {"corpus_imports": 330, "example_site": 70, "pdf_site": 40}


# The longest tests of `make test` (seconds, setup and call, measured with -n 2 on the 2-core machine while other
# work ran, scaled to the units of HEAVY_FIXTURES, a heavy fixture's own build left out: only the order and the
# ratios matter; measured again in fold45, when a third of the long tests were new), by file and function (every
# parameter of a parametrized test weighs what its slowest did). Under `--dist worksteal` each worker is first sent one contiguous chunk of the
# collected tests and an idle worker then steals the other's queue from its end: a long test that sits late in a
# chunk still runs last, alone, as long as it takes. `pytest_collection_modifyitems` puts these tests at the head of
# the chunks, the longest first, each in the chunk with the least weight so far (longest processing time first).
# A test renamed or gone only drops out of the ordering: nothing is skipped, nothing else moves but to a chunk's end.
LONG_TESTS = {
    "test_yaml_loading.py::test_every_content_file_reads_the_same_through_the_c_parser": 71,
    "test_product_teams.py::test_another_apps_consent_does_not_ask_my_users_again": 64,
    "test_translations.py::test_a_summary_translated_in_the_release_notes_reads_alike_in_archive_feed_api_and_export": 60,
    "test_classify_corpus.py::test_build_reproduces_the_committed_files": 59,
    "test_notices.py::test_a_sections_longer_period_is_a_finding_of_the_gate_its_notice_and_its_redline": 50,
    "test_translations.py::test_a_translation_decision_that_still_holds_survives_a_release": 49,
    "test_accessibility.py::test_every_page_kind_in_chromium": 12,
    "test_accessibility.py::test_the_search_and_the_upcoming_pages_pass_axe_and_fit_the_window": 12,
    "test_translations.py::test_a_translation_change_the_writer_flags_reaches_the_verdict_report_redline_and_notices": 40,
    "test_notices.py::test_public_redlines_show_the_decision_and_plain_lines_in_the_readers_language": 36,
    "test_import.py::test_imported_history_claims_no_decision_and_is_dated_as_the_policy_states": 27,
    "test_notices.py::test_a_section_added_whole_is_named_first_and_its_changes_are_acknowledged_once": 27,
    "test_import.py::test_imported_project_checks_verifies_and_builds": 27,
    "test_bundle.py::test_a_pdf_of_another_release_is_refused_even_with_fresh_hashes": 25,
    "test_bench.py::test_generated_project_has_every_dimension_and_is_valid": 23,
    "test_bundle.py::test_the_example_bundle_for_brazil_holds_the_text_then_in_force": 23,
    "test_import.py::test_error_page_and_headings_only_capture_are_listed_then_skipped": 22,
    "test_notices.py::test_an_upcoming_release_keeps_its_feed_dates_from_build_to_build": 22,
    "test_patterns.py::test_the_prefilter_never_hides_a_match_of_a_detector_pattern": 22,
    "test_translations.py::test_check_strict_fails_on_a_stale_translation_and_a_new_language_is_one_line": 20,
    "test_bundle.py::test_a_timestamped_history_rechecks_with_openssl": 20,
    "test_browser.py::test_a_hostile_group_id_runs_nothing_in_the_page_or_its_search": 19,
    "test_history.py::test_a_release_over_the_input_cap_stays_readable": 18,
    "test_notices.py::test_a_region_left_out_of_the_latest_release_previews_its_draft_against_its_own": 18,
    "test_golden.py::test_the_golden_site_builds_the_same_with_properdocs": 18,
    "test_import.py::test_check_and_a_strict_build_flag_a_link_whose_anchor_no_section_defines": 16,
    "test_cli.py::test_mkdocs_strict_mode_fails_where_check_strict_fails": 16,
    "test_redline.py::test_every_consecutive_corpus_version_rebuilds_from_the_json_redline": 15,
    "test_notices.py::test_a_fixed_retention_fact_names_its_section_and_both_periods": 14,
    "test_notices.py::test_a_release_that_takes_back_a_notified_change_is_flagged_and_its_notice_says_no_longer": 14,
    "test_paths.py::test_renamed_project_builds_with_its_decisions_rules_and_templates": 13,
    "test_notices.py::test_the_gates_messages_say_each_regions_action_and_one_line_per_problem": 13,
    "test_cli.py::test_build_strict_fails_where_check_strict_fails_before_writing_anything": 12,
    "test_translations.py::test_editing_one_english_paragraph_makes_exactly_its_pt_br_and_zh_cn_blocks_stale": 12,
    "test_hardening.py::test_loader_never_crashes": 12,
    "test_notices.py::test_the_draft_preview_is_dated_the_earliest_day_the_rules_allow_and_links_to_the_draft": 11,
    "test_site_pages.py::test_recently_updated_has_a_window": 4,
    "test_integrity.py::test_serve_keeps_its_render_cache_across_rebuilds": 11,
    "test_prose.py::test_a_section_compared_alone_and_rewritten_whole_keeps_only_the_facts_it_gained": 11,
    "test_pdf.py::test_a_word_only_the_site_shows_keeps_every_cached_pdf": 11,
    "test_prose.py::test_a_sentence_no_spelling_matches_respells_as_the_spellings_in_turn_do": 11,
    "test_integrity.py::test_a_parallel_build_is_byte_identical_to_a_serial_one": 11,
    "test_hardening.py::test_a_hostile_group_id_never_reaches_a_page_unescaped": 10,
    "test_bad_input.py::test_an_endless_file_is_refused_before_it_is_read": 10,
    "test_bad_input.py::test_a_file_over_the_limit_is_refused_by_its_size": 10,
    "test_layering.py::test_diff_of_two_releases_loads_no_renderer_or_site_modules": 10,
    "test_pdf.py::test_pdfs_are_reproducible_and_made_once": 10,
    "test_bench.py::test_generated_translated_and_english_projects": 10,
    "test_product_teams.py::test_consent_contract_on_the_example_history": 10,
    "test_bundle.py::test_a_signed_bundle_signs_every_claim_and_rechecks_with_openssh": 10,
    "test_registry.py::test_a_kind_of_change_without_a_rule_is_a_check_error": 10,
}


def chunk_sizes(count: int, workers: int) -> list[int]:
    """The sizes of the chunks `--dist worksteal` first sends: the first worker len // workers items, the next
    len(rest) // (workers - 1), and so on (in the order the workers finished collecting, not by their names)."""
    sizes, left = [], count
    for remaining in range(workers, 0, -1):
        sizes.append(left // remaining)
        left -= sizes[-1]
    return sizes


def heavy_owners(items: list, workers: int) -> dict[str, int]:
    """The chunk that builds each heavy fixture the items use: the heaviest first, each to the chunk with the least
    weight so far (so with two workers `corpus_imports` has a chunk to itself, the example and the PDF project the
    other)."""
    loads = [0.0] * workers
    owners = {}
    for name in sorted(HEAVY_FIXTURES, key=lambda n: -HEAVY_FIXTURES[n]):
        if any(name in item.fixturenames for item in items):
            owners[name] = min(range(workers), key=lambda k: loads[k])
            loads[owners[name]] += HEAVY_FIXTURES[name]
    return owners


def long_first(items: list, workers: int) -> list:
    """`items` reordered for `workers` workers under `--dist worksteal` (see LONG_TESTS and HEAVY_FIXTURES). Each
    heavy fixture belongs to a chunk (`heavy_owners`), whose weight starts with it; a test that uses a heavy fixture
    goes to that fixture's chunk, so it runs where the fixture is built, after it, instead of waiting on the lock in
    the other worker. Each chunk opens on its long tests (the rest given longest first to the chunk with the least
    weight so far), then its tests of its fixtures, then the other tests in their collected order."""
    sizes = chunk_sizes(len(items), workers)
    owners = heavy_owners(items, workers)
    weight = {item.nodeid: LONG_TESTS.get(item.nodeid.split("[")[0].rsplit("/", 1)[-1], 0) for item in items}
    loads = [0.0] * len(sizes)
    for name, n in owners.items():
        loads[n] += HEAVY_FIXTURES[name]

    def owner(item) -> int | None:
        return next((owners[name] for name in owners if name in item.fixturenames), None)

    long: list[list] = [[] for _ in sizes]
    near: list[list] = [[] for _ in sizes]
    rest = []
    taken = [0] * len(sizes)
    for item in sorted(items, key=lambda i: -weight[i.nodeid]):  # stable: collected order among equals
        n = owner(item)
        if n is None or taken[n] >= sizes[n]:
            if not weight[item.nodeid]:
                rest.append(item)
                continue
            n = min((k for k in range(len(sizes)) if taken[k] < sizes[k]), key=lambda k: loads[k])
        (long if weight[item.nodeid] else near)[n].append(item)
        loads[n] += weight[item.nodeid]
        taken[n] += 1
    order = {id(item): i for i, item in enumerate(items)}
    rest.sort(key=lambda i: order[id(i)])
    left = iter(rest)
    chunks = [long[n] + sorted(near[n], key=lambda i: order[id(i)]) for n in range(len(sizes))]
    for n, size in enumerate(sizes):
        chunks[n].extend(next(left) for _ in range(size - len(chunks[n])))
    return [item for chunk in chunks for item in chunk]


@pytest.hookimpl(trylast=True)  # after `-m` and `-k` deselected theirs: the chunks are of what runs
def pytest_collection_modifyitems(session, config, items):
    """Under pytest-xdist, the long tests first in each worker's chunk (every worker collects and orders alike, as
    the scheduler requires). Only the workers order: a worker's `--dist` option reads "no" (pytest-xdist resets it
    there), so the chunks are worksteal's whatever the mode; under `load` the long tests still start early."""
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "0"))
    if workers >= 2 and os.environ.get("PYTEST_XDIST_WORKER"):
        items[:] = long_first(items, workers)


def load_script(path: Path, name: str):
    """A script of the repository (not a package module) imported as module `name`."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


_FIRST_TEST: list = []


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """The first test a worker runs, before its fixtures: it opens the chunk the scheduler sent the worker."""
    if not _FIRST_TEST:
        _FIRST_TEST.append(item)


def worker_chunk(items: list, first, workers: int) -> int | None:
    """Which of `long_first`'s chunks of `items` opens on `first` (None when it opens none)."""
    at = next((i for i, item in enumerate(items) if item is first), None)
    start = 0
    for n, size in enumerate(chunk_sizes(len(items), workers)):
        if at == start:
            return n
        start += size
    return None


@pytest.fixture(scope="session", autouse=True)
def start_heavy_fixtures(request, shared_pdf_cache):
    """Under pytest-xdist, a worker first builds the heavy fixtures of its chunk (`long_first`). Which chunk a
    worker gets is the scheduler's choice (the order the workers finished collecting), so the worker tells it by
    its first test; a worker whose first test opens no chunk builds by its name's number, as before."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return
    count = int(os.environ["PYTEST_XDIST_WORKER_COUNT"])
    items = request.session.items
    owners = heavy_owners(items, count)
    chunk = worker_chunk(items, _FIRST_TEST[0], count) if _FIRST_TEST else None
    if chunk is None:
        chunk = int(worker.removeprefix("gw")) % count
    for name, n in owners.items():
        if n == chunk:
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
