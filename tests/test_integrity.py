"""Builds are atomic and reproducible; a failed build or release leaves the old output intact."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from privacykit.errors import ContentError
from privacykit.mkdocs.build import build_site


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(example_copy):
    first = tree_digest(build_site(example_copy / "mkdocs.yml", example_copy / "one", build_date="2025-01-01"))
    second = tree_digest(build_site(example_copy / "mkdocs.yml", example_copy / "two", build_date="2025-01-01"))
    assert len(first) > 500
    assert first == second


def test_failing_build_leaves_the_previous_site(example_copy, monkeypatch):
    site = build_site(example_copy / "mkdocs.yml", example_copy / "site", build_date="2025-01-01")
    before = tree_digest(site)

    import privacykit.publish.site as site_module

    calls = {"n": 0}
    original = site_module.SiteBuilder.redline_page

    def fail_half_way(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 20:
            raise RuntimeError("simulated crash half-way through the build")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(site_module.SiteBuilder, "redline_page", fail_half_way)
    with pytest.raises(RuntimeError, match="simulated crash"):
        build_site(example_copy / "mkdocs.yml", example_copy / "site", build_date="2025-02-01")
    assert tree_digest(site) == before
    assert sorted(p.name for p in example_copy.iterdir()) == ["mkdocs.yml", "site", "site-src", "statements",
                                                             "versions"]


def test_full_disk_during_build_leaves_the_previous_site(example_copy, monkeypatch):
    site = build_site(example_copy / "mkdocs.yml", example_copy / "site", build_date="2025-01-01")
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


def test_bad_content_leaves_the_previous_site(example_copy):
    site = build_site(example_copy / "mkdocs.yml", example_copy / "site", build_date="2025-01-01")
    before = tree_digest(site)
    (example_copy / "statements/website/sections/retention.md").write_text("---\ntitle: [broken\n---\nText.\n")
    with pytest.raises(ContentError):
        build_site(example_copy / "mkdocs.yml", example_copy / "site", build_date="2025-02-01")
    assert tree_digest(site) == before


def test_rebuild_after_an_edit_renders_only_the_changed_text(example_copy, monkeypatch):
    """As `mkdocs serve` rebuilds: texts and pages that did not change are not rendered again."""
    import privacykit.publish.site as site_module
    from privacykit.publish.build import site_inputs
    from privacykit.render.templates import TemplateSet

    bodies, pages = [], []
    original_body = site_module.SiteBuilder._render_body
    original_render = TemplateSet.render

    def counting_body(self, document):
        bodies.append((document.statement, document.region))
        return original_body(self, document)

    def counting_render(self, name, **context):
        if name in ("statement.html", "redline.html", "archive.html"):
            pages.append((name, context.get("region") or context["document"].region))
        return original_render(self, name, **context)

    monkeypatch.setattr(site_module.SiteBuilder, "_render_body", counting_body)
    monkeypatch.setattr(TemplateSet, "render", counting_render)
    for cache in (site_module._BODIES, site_module._REDLINES, site_module._SECTIONS_JSON, site_module._PAGES):
        cache.clear()
    first_pages, _ = site_inputs(example_copy, build_date="2025-01-01", preview_draft=True).build(incremental=True)
    first = len(bodies), len(pages)
    contact = example_copy / "statements/products/sections/contact.br.md"
    contact.write_text(contact.read_text().replace("Data Protection Officer: {{ dpo }}",
                                                   "Data Protection Officer: {{ dpo }} (Encarregado)"))
    bodies.clear()
    pages.clear()
    second_pages, _ = site_inputs(example_copy, build_date="2025-01-01", preview_draft=True).build(incremental=True)
    assert first[0] > 20 and first[1] > 60
    # Only the Brazilian products draft changed: its text, its page and its redlines against
    # the latest release (of the translated text, and of its English source, where the edit
    # is); every other page comes from the previous build.
    assert bodies == [("products", "br")]
    assert sorted(pages) == [("redline.html", "br"), ("redline.html", "br"), ("statement.html", "br")]
    changed = {p.url for p in second_pages} - {p.url for p in first_pages} | {
        b.url for a, b in zip(first_pages, second_pages, strict=False) if a.html != b.html}
    assert changed == {"br/products/draft/", "br/products/draft/changes/", "br/products/draft/changes/source/"}


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
    (example_copy / "templates").mkdir()
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


@parallel_only
def test_a_worker_that_dies_stops_the_build_with_one_line(example_copy, forked, monkeypatch):
    import os

    import privacykit.publish.site as site_module

    original = site_module.SiteBuilder.archive_page

    def killed(self, statement_id, region_id, *args, **kwargs):
        if region_id == "br":
            os._exit(9)  # as the out-of-memory killer would end it
        return original(self, statement_id, region_id, *args, **kwargs)

    monkeypatch.setattr(site_module.SiteBuilder, "archive_page", killed)
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
