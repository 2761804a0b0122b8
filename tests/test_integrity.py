"""Builds are atomic and reproducible; a failed build or release leaves the old output intact."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from privacykit.errors import ContentError
from privacykit.mkdocs.build import build_site


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def example_copy(golden_copy) -> Path:
    """The golden project (tests/golden/project): every kind of page in a few dozen, built
    in a second or two, where the Lenovo example takes several."""
    return golden_copy


@pytest.fixture(scope="session")
def built_2025(tmp_path_factory) -> Path:
    """The golden project built on 2025-01-01, once per run (shared by the pytest-xdist workers): the site that
    is already there when the tests below build again, and the first of two builds that must be identical."""
    from conftest import built_once
    from goldensite import copy_project

    def build(folder: Path) -> None:
        work = copy_project(folder / "project")
        build_site(work / "mkdocs.yml", work / "site", build_date="2025-01-01")

    return built_once(tmp_path_factory, "golden-2025", build) / "project" / "site"


def previous_site(built_2025: Path, project: Path) -> Path:
    """`project`'s site as its last build left it (a copy of `built_2025`: the same project, built the same day)."""
    return Path(shutil.copytree(built_2025, project / "site"))


def test_two_builds_are_byte_identical(example_copy, built_2025):
    first = tree_digest(built_2025)
    second = tree_digest(build_site(example_copy / "mkdocs.yml", example_copy / "two", build_date="2025-01-01"))
    assert len(first) > 100
    assert first == second


def test_failing_build_leaves_the_previous_site(example_copy, built_2025, monkeypatch):
    site = previous_site(built_2025, example_copy)
    before = tree_digest(site)

    from privacykit.publish import redline

    calls = {"n": 0}
    original = redline.redline_page

    def fail_half_way(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 5:
            raise RuntimeError("simulated crash half-way through the build")
        return original(*args, **kwargs)

    monkeypatch.setattr(redline, "redline_page", fail_half_way)
    with pytest.raises(RuntimeError, match="simulated crash"):
        build_site(example_copy / "mkdocs.yml", example_copy / "site", build_date="2025-02-01")
    assert tree_digest(site) == before
    assert sorted(p.name for p in example_copy.iterdir()) == ["mkdocs.yml", "site", "site-src", "statements",
                                                             "versions"]


def test_full_disk_during_build_leaves_the_previous_site(example_copy, built_2025, monkeypatch):
    site = previous_site(built_2025, example_copy)
    before = tree_digest(site)

    import mkdocs.utils

    written = {"n": 0}
    original = mkdocs.utils.write_file

    def full_disk(content, output_path):
        written["n"] += 1
        if written["n"] > 10:
            raise OSError(28, "No space left on device", output_path)
        return original(content, output_path)

    monkeypatch.setattr(mkdocs.utils, "write_file", full_disk)
    with pytest.raises(OSError):
        build_site(example_copy / "mkdocs.yml", example_copy / "site", build_date="2025-02-01")
    assert tree_digest(site) == before
    assert not [p for p in example_copy.iterdir() if p.name.startswith(".site-")]


def test_bad_content_leaves_the_previous_site(example_copy, built_2025):
    site = previous_site(built_2025, example_copy)
    before = tree_digest(site)
    (example_copy / "statements/web/sections/retention.md").write_text("---\ntitle: [broken\n---\nText.\n")
    with pytest.raises(ContentError):
        build_site(example_copy / "mkdocs.yml", example_copy / "site", build_date="2025-02-01")
    assert tree_digest(site) == before


def test_rebuild_after_an_edit_renders_only_the_changed_text(example_copy, monkeypatch):
    """As `mkdocs serve` rebuilds: texts and pages that did not change are not rendered again."""
    from privacykit.publish import statement
    from privacykit.publish.build import site_inputs
    from privacykit.publish.cache import RenderCache
    from privacykit.render.templates import TemplateSet

    bodies, pages = [], []
    original_body = statement.render_body
    original_render = TemplateSet.render

    def counting_body(site, document):
        bodies.append((document.statement, document.region))
        return original_body(site, document)

    def counting_render(self, name, **context):
        if name in ("statement.html", "redline.html", "archive.html"):
            pages.append((name, context.get("region") or context["document"].region))
        return original_render(self, name, **context)

    monkeypatch.setattr(statement, "render_body", counting_body)
    monkeypatch.setattr(TemplateSet, "render", counting_render)
    cache = RenderCache()  # owned by the caller and kept across rebuilds, as `serve` keeps it
    first_pages, _ = site_inputs(example_copy, build_date="2025-01-01", preview_draft=True).build(
        cache, incremental=True)
    first = len(bodies), len(pages)
    contact = example_copy / "statements/web/sections/contact.br.md"
    contact.write_text(contact.read_text().replace("Encarregado de dados: {{ dpo }}",
                                                   "Encarregado de dados (DPO): {{ dpo }}"))
    bodies.clear()
    pages.clear()
    second_pages, _ = site_inputs(example_copy, build_date="2025-01-01", preview_draft=True).build(
        cache, incremental=True)
    assert first[0] >= 8 and first[1] > 30
    # Only the Brazilian web draft changed: its text, its page and its redline against
    # the latest release; every other page comes from the previous build.
    assert bodies == [("web", "br")]
    assert sorted(pages) == [("redline.html", "br"), ("statement.html", "br")]
    changed = {p.url for p in second_pages} - {p.url for p in first_pages} | {
        b.url for a, b in zip(first_pages, second_pages, strict=False) if a.html != b.html}
    assert changed == {"br/web/draft/", "br/web/draft/changes/"}


def test_serve_keeps_its_render_cache_across_rebuilds(example_copy, monkeypatch):
    """`mkdocs serve` loads the configuration again for each rebuild but keeps the plugin
    object (it has `on_startup`), and with it the plugin's `RenderCache`: a rebuild after an
    edit renders again only the text that changed."""
    from mkdocs.config import load_config

    from privacykit.publish import statement

    first, second = (load_config(str(example_copy / "mkdocs.yml")).plugins["privacykit"] for _ in range(2))
    assert first is second
    bodies = []
    original_body = statement.render_body

    def counting_body(site, document):
        bodies.append((document.statement, document.region))
        return original_body(site, document)

    monkeypatch.setattr(statement, "render_body", counting_body)
    build_site(example_copy / "mkdocs.yml", example_copy / "site", build_date="2024-07-01", incremental=True)
    retention = example_copy / "statements/web/sections/retention.md"
    retention.write_text(retention.read_text().replace("2 years", "two years"))
    bodies.clear()
    build_site(example_copy / "mkdocs.yml", example_copy / "site", build_date="2024-07-01", incremental=True)
    # The edited section is in every region's web draft, whose three texts are alike but
    # for the Brazilian contact section: two distinct bodies.
    assert sorted(bodies) == [("web", "br"), ("web", "global")]


@pytest.fixture
def forked(monkeypatch):
    """Counts builds that forked workers; any project is large enough to fork."""
    import privacykit.publish.site as site_module
    from privacykit.publish import parallel

    runs = {"runs": 0}
    ordered = parallel.ordered

    def counting(*args, **kwargs):
        runs["runs"] += 1
        yield from ordered(*args, **kwargs)

    monkeypatch.setattr(parallel, "ordered", counting)
    monkeypatch.setattr(site_module, "PARALLEL_MIN_WORK", 0)
    return runs


parallel_only = pytest.mark.skipif(not __import__("privacykit.publish.parallel").publish.parallel.available(),
                                   reason="builds run in parallel only where processes fork (Linux)")


@parallel_only
def test_a_parallel_build_is_byte_identical_to_a_serial_one(example_copy, forked):
    serial = tree_digest(build_site(example_copy / "mkdocs.yml", example_copy / "serial", build_date="2025-01-01",
                                    jobs=1))
    assert forked["runs"] == 0
    parallel = tree_digest(build_site(example_copy / "mkdocs.yml", example_copy / "forked", build_date="2025-01-01",
                                      jobs=2))
    assert forked["runs"] == 1
    assert parallel == serial


@parallel_only
def test_an_error_in_a_worker_is_one_line_and_leaves_the_previous_site(example_copy, forked):
    site = build_site(example_copy / "mkdocs.yml", example_copy / "site", build_date="2025-01-01", jobs=2)
    before = tree_digest(site)
    (example_copy / "templates").mkdir(exist_ok=True)
    # Broken for one region only, which a worker renders (the parent renders the first region).
    (example_copy / "templates" / "archive.html").write_text(
        "<ul>\n{% if region == 'br' %}{{ no_such_thing }}{% endif %}\n</ul>\n")
    with pytest.raises(ContentError) as caught:
        build_site(example_copy / "mkdocs.yml", example_copy / "site", build_date="2025-02-01", jobs=2)
    assert forked["runs"] == 2
    assert str(caught.value).count("\n") == 0
    assert "archive.html:2: template error: 'no_such_thing' is undefined" in str(caught.value)
    assert tree_digest(site) == before


def test_jobs_on_the_command_line_and_in_mkdocs_yml(example_copy, forked):
    from conftest import run_cli

    result = run_cli(example_copy, "build", "--jobs", "1", "--date", "2025-01-01")
    assert result.exit_code == 0, result.output
    assert forked["runs"] == 0
    config = example_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("preview_draft: true", "preview_draft: true\n      jobs: -2"))
    result = run_cli(example_copy, "build", "--date", "2025-01-01")
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        "mkdocs.yml: privacykit 'jobs' is -2; use 0 (one process per core) or a positive number")


def test_privacykit_jobs_sets_the_processes_a_build_may_use(monkeypatch):
    from privacykit.publish import parallel

    monkeypatch.setenv("PRIVACYKIT_JOBS", "3")
    assert parallel.default_jobs() == 3
    for per_core in ("0", ""):
        monkeypatch.setenv("PRIVACYKIT_JOBS", per_core)
        assert parallel.default_jobs() == parallel.cpu_count()
    monkeypatch.delenv("PRIVACYKIT_JOBS")
    assert parallel.default_jobs() == parallel.cpu_count()


@pytest.mark.parametrize("value", ["-1", "many", "2.5"])
def test_a_mistaken_privacykit_jobs_is_one_line_and_exit_1(example_copy, monkeypatch, value):
    from conftest import run_cli

    monkeypatch.setenv("PRIVACYKIT_JOBS", value)
    result = run_cli(example_copy, "build", "--date", "2025-01-01")
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        f"PRIVACYKIT_JOBS: is {value!r}; use 0 (one process per core) or a positive number, or leave it unset")


@parallel_only
def test_a_worker_that_dies_stops_the_build_with_one_line(example_copy, forked, monkeypatch):
    import os

    from privacykit.publish import archive

    original = archive.archive_page

    def killed(site, regional):
        if regional.region.id == "br":
            os._exit(9)  # as the out-of-memory killer would end it
        return original(site, regional)

    monkeypatch.setattr(archive, "archive_page", killed)
    with pytest.raises(ContentError) as caught:
        build_site(example_copy / "mkdocs.yml", example_copy / "site", build_date="2025-01-01", jobs=2)
    assert str(caught.value) == ("build: a build worker process stopped unexpectedly (out of memory?); "
                                 "run again with --jobs 1, or with more memory")
    assert not (example_copy / "site").exists()


def test_a_hook_that_rewrites_page_bodies_is_refused_not_corrupting(example_copy):
    """Archived pages are poured into the theme's shell around a rendered page's body; a hook
    that changes that body after privacykit would make the shell unfindable."""
    (example_copy / "hooks.py").write_text(
        "def on_page_content(html, page, config, files):\n"
        "    return html.replace('<p>', '<p class=\"x\">')\n")
    config = example_copy / "mkdocs.yml"
    config.write_text(config.read_text() + "hooks:\n  - hooks.py\n")
    with pytest.raises(ContentError) as caught:
        build_site(config, example_copy / "site", build_date="2025-01-01")
    assert str(caught.value).startswith("mkdocs.yml: the page ")
    assert "was changed after privacykit rendered it" in str(caught.value)
    assert not (example_copy / "site").exists()


SITE_CONFIG = "site_name: T\ndocs_dir: src\ntheme: {name: material}\nplugins: [privacykit]\n"


def _project_files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("site_dir, message", [
    (".", "is the project folder, which every build would delete"),
    ("..", "holds the project folder, which every build would delete"),
    ("statements", "is the content folder statements/, which every build would delete"),
    ("versions", "is the releases folder versions/, which every build would delete"),
    ("src", "is the pages folder src/, which every build would delete"),
    ("statements/web/site", "is inside the content folder statements/"),
])
def test_build_refuses_a_site_folder_that_would_delete_the_project(released, site_dir, message):
    from conftest import run_cli

    (released / "mkdocs.yml").write_text(SITE_CONFIG)
    (released / "src").mkdir()
    (released / "src" / ".keep").write_text("")
    (released / ".git").mkdir()
    (released / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    before = _project_files(released)
    target = (released / site_dir).resolve()
    result = run_cli(released, "build", "--site-dir", str(target), "--date", "2024-02-01")
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"--site-dir: the site folder {target} {message}; "
                                          "build into a folder of its own, such as site/"]
    assert _project_files(released) == before


@pytest.mark.parametrize("site_dir", ["statements", "versions"])
def test_site_dir_in_mkdocs_yml_that_would_delete_the_project_is_refused(released, site_dir):
    """By `privacykit build` and by a plain `mkdocs build` alike (MkDocs itself refuses a
    site_dir holding its docs_dir, such as the project folder)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from conftest import run_cli

    (released / "src").mkdir()
    (released / "src" / ".keep").write_text("")
    (released / "mkdocs.yml").write_text(SITE_CONFIG + f"site_dir: {site_dir}\n")
    before = _project_files(released)
    result = run_cli(released, "build", "--date", "2024-02-01")
    assert result.exit_code == 1
    assert result.output.startswith("mkdocs.yml:5: the site folder ")
    assert result.output.count("\n") == 1
    assert _project_files(released) == before
    with pytest.raises(Abort):
        build(load_config(str(released / "mkdocs.yml")))
    assert _project_files(released) == before


def test_threads_of_one_process_replacing_one_file_leave_one_whole_version(tmp_path):
    # Each writer has its own hidden file: with one per process, one thread's rename could move
    # another's half-written bytes into place, or find its hidden file already gone.
    import threading

    from privacykit.atomic import replace_file

    target = tmp_path / "notes.yml"
    versions = [bytes([65 + n]) * 200_000 for n in range(8)]
    errors: list[BaseException] = []

    def write(data: bytes) -> None:
        try:
            for _ in range(20):
                replace_file(target, data)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=write, args=(data,)) for data in versions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert target.read_bytes() in versions
    assert [p.name for p in tmp_path.iterdir()] == ["notes.yml"]
