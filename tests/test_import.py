"""Bring your history: real policies and their recorded versions become a statement and releases."""

from __future__ import annotations

import itertools

import pytest
from click.testing import CliRunner

from conftest import CORPUS
from privacykit.cli import cli
from privacykit.mkdocs.build import build_site
from privacykit.versions.importer import dated_files
from privacykit.versions.store import VersionStore


@pytest.fixture(scope="module")
def imported_history(tmp_path_factory):
    """A second example site built from two real policy histories."""
    root = tmp_path_factory.mktemp("imported-history")
    for service in ("Telegram", "Reddit"):
        files = sorted((CORPUS / service).glob("*.md"))
        result = CliRunner().invoke(cli, ["import", "--root", str(root), str(files[-1]),
                                          "--statement", service.lower(), "--history", str(CORPUS / service)])
        assert result.exit_code == 0, result.output
    (root / "site-src").mkdir()
    (root / "mkdocs.yml").write_text("site_name: Imported history\ndocs_dir: site-src\ntheme: {name: material}\n"
                                     "plugins: [privacykit]\n")
    return root


@pytest.mark.parametrize("service", ["Telegram", "Reddit"])
def test_every_recorded_day_is_a_release(imported_history, service):
    days = {day for day, _ in dated_files(CORPUS / service)}
    versions = VersionStore(imported_history).versions(service.lower())
    assert len(versions) >= len(days) - 3  # days whose text did not change are skipped
    assert [v.effective_date for v in versions] == sorted(v.effective_date for v in versions)
    assert all(v.previous == p.effective_date for p, v in itertools.pairwise(versions))


def test_imported_project_checks_verifies_and_builds(imported_history):
    assert CliRunner().invoke(cli, ["check", "--root", str(imported_history)]).exit_code == 0
    assert CliRunner().invoke(cli, ["verify", "--root", str(imported_history)]).exit_code == 0
    site = build_site(imported_history / "mkdocs.yml", imported_history / "site", build_date="2026-11-01",
                      pdf=False)  # archival PDFs are tested on the example; here, the pages
    latest = VersionStore(imported_history).versions("telegram")[-1]
    assert (site / "global/telegram" / latest.id / "changes/index.html").is_file()
    archive = (site / "global/telegram/archive/index.html").read_text()
    assert archive.count("<tr class=\"pk-archive__row") == len(VersionStore(imported_history).versions("telegram"))


def test_import_of_a_file_without_headings(tmp_path):
    policy = tmp_path / "policy.md"
    policy.write_text("Just one paragraph of text.\n")
    result = CliRunner().invoke(cli, ["import", "--root", str(tmp_path), str(policy), "--statement", "p"])
    assert result.exit_code == 1
    assert result.output == (f"{policy.as_posix()}:1: no headings found; the policy needs Markdown headings "
                             "(# Title, ## Part) to be split into sections\n")
    assert not (tmp_path / "statements").exists() and not (tmp_path / "versions").exists()


def test_empty_separator_headings_are_not_sections(tmp_path):
    """Snapchat's policy separates its parts with empty `###` lines: they name no section."""
    service = CORPUS / "Snapchat"
    latest = sorted(service.glob("*.md"))[-1]
    assert any(line.strip() == "###" for line in latest.read_text().splitlines())
    result = CliRunner().invoke(cli, ["import", "--root", str(tmp_path), str(latest), "--statement", "snapchat",
                                      "--history", str(service)])
    assert result.exit_code == 0, result.output
    assert CliRunner().invoke(cli, ["check", "--root", str(tmp_path)]).exit_code == 0
    sections = sorted((tmp_path / "statements/snapchat/sections").glob("*.md"))
    assert len(sections) >= 5
    for path in sections:
        text = path.read_text()
        assert "title: \"\"" not in text and "\n###\n" not in text and not text.rstrip().endswith("###")
