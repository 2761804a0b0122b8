"""The project carries its paths: every folder named in mkdocs.yml is used by every command."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from privacykit.load.settings import OPTIONS, read_settings
from privacykit.mkdocs.build import build_site

RENAMED = """site_name: Lenovo Privacy
site_url: https://privacy.example.com/
docs_dir: pages
site_dir: public
theme: {name: material}
plugins:
  - search
  - privacykit:
      statements_dir: content
      versions_dir: releases
      templates_dir: layouts
      rules_file: policy/materiality.yml
      preview_draft: true
"""
RULES = """laws:
  default:
    rules:
      new_incompatible_use: {action: notify, advance_days: 30, source: "Rule kept in policy/materiality.yml"}
"""


@pytest.fixture(scope="module")
def renamed(tmp_path_factory) -> Path:
    """The example's products statement with every folder (and the rule file) under another
    name. The tests read only that statement: the example's other one would be built and
    checked for nothing (the whole example is built by `example_site`)."""
    work = tmp_path_factory.mktemp("renamed")
    shutil.copytree(REPO / "statements", work / "content", ignore=_other_statements)
    shutil.copytree(REPO / "versions", work / "releases", ignore=_other_statements)
    shutil.copytree(REPO / "site-src", work / "pages")
    (work / "layouts").mkdir()
    inapp = resources.files("privacykit").joinpath("templates/notice-inapp.txt").read_text("utf-8")
    (work / "layouts/notice-inapp.txt").write_text("[from layouts] " + inapp)
    (work / "policy").mkdir()
    (work / "policy/materiality.yml").write_text(RULES)
    (work / "mkdocs.yml").write_text(RENAMED)
    return work


def _other_statements(folder: str, names: list[str]) -> set[str]:
    return {"website"} if Path(folder).name in ("statements", "versions") else set()


def test_settings_come_from_mkdocs_yml(renamed):
    paths = read_settings(renamed).paths
    assert (paths.statements, paths.versions, paths.templates, paths.rules, paths.site) == (
        renamed / "content", renamed / "releases", renamed / "layouts", renamed / "policy/materiality.yml",
        renamed / "public")
    assert paths.release_notes("products") == renamed / "content/products/release-notes.md"


def test_renamed_project_builds_with_its_decisions_rules_and_templates(renamed):
    # Without its 21 archival PDFs (tests/test_pdf.py checks PDFs): the pages are what this checks.
    site = build_site(renamed / "mkdocs.yml", build_date="2024-06-01", pdf=False)
    assert site == renamed / "public"
    redline = (site / "global/products/draft/changes/index.html").read_text()
    # The acknowledged decision of content/products/release-notes.md, over the rule's action.
    assert 'data-action="consent"' in redline
    assert "Decision: consent" in redline
    assert "Rule kept in policy/materiality.yml" in redline
    notice = (site / "global/products/draft/notice/index.html").read_text()
    assert "we will ask for your consent" in notice
    assert "[from layouts]Our Lenovo Products Privacy Statement changes" in notice
    assert (site / "global/products/2024-03-05/changes/index.html").is_file()


def test_every_command_reads_the_renamed_folders(renamed):
    result = run_cli(renamed, "check", "--against", "in-force")
    assert result.exit_code == 0, result.output
    assert "Rule kept in policy/materiality.yml" in result.output
    assert run_cli(renamed, "verify").exit_code == 0
    diff = run_cli(renamed, "diff", "products", "in-force", "draft")
    assert diff.exit_code == 0 and "Lenovo Vantage" in diff.output
    owners = run_cli(renamed, "owners")
    assert "/content/products/statement.yml @legal-products" in owners.output


def test_the_plugin_options_are_declared_once_for_both_readers():
    """mkdocs/config.py (MkDocs' reader) and load/settings.py (every other command) agree."""
    from privacykit.mkdocs.config import PrivacykitConfig

    declared = {name: option.default for name, option in PrivacykitConfig._schema}
    assert declared == {name: default for name, (_, default) in OPTIONS.items()}
