"""Bring your history: real policies and their recorded versions become a statement and releases."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from conftest import CORPUS, run_cli
from privacykit.load.importer import split_policy
from privacykit.mkdocs.build import build_site
from privacykit.model.rules import Action
from privacykit.versions.notices import notice_regions
from privacykit.versions.store import VersionStore

SERVICES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def words(markdown: str) -> Counter[str]:
    """The words of a Markdown text, markup aside (written apart from the importer's own check)."""
    text = re.sub(r"<(style|script)\b.*?</\1\s*>|<!--.*?-->", " ", markdown, flags=re.S | re.I)
    text = re.sub(r"\]\([^)]*\)", "] ", text)
    text = re.sub(r"<[^>\n]*>", " ", text)
    return Counter(re.findall(r"[^\W_]+", html.unescape(text)))


def accounted(output: str) -> tuple[set[str], set[str]]:
    """The files an import reported as not released, and of those the ones replaced by a
    later capture of the same day."""
    skipped = set(re.findall(r"^warning: (\S+?\.md)(?::\d+)?: not released: ", output, re.M))
    merged = set(re.findall(r"^warning: (\S+?\.md): not released: replaced the same day by ", output, re.M))
    return skipped - merged, merged


# The line a policy states its date on, in its opening (an import dates the release by it and leaves it out).
DATE_LINE = re.compile(r"^(?=.*(effective|updated|revised|modified)\b.*\d{4})(?:\S*[ \t]+){0,11}\S*$", re.I | re.M)
# A list item that opens on a heading, with the heading's underline below it (its number is left out).
HEADING_ITEM = re.compile(r"^ {0,3}(\d{1,9})[.)] +\S.*\n {2,}[-=]{3,} *$", re.M)


def released_as(output: str) -> dict[str, str]:
    """File -> the release it became, when the import says it is not its file's date."""
    return dict(re.findall(r"^warning: (\S+?\.md): .*?released as of (\d{4}-\d{2}-\d{2})", output, re.M))


@pytest.mark.histories
@pytest.mark.parametrize("service", SERVICES)
def test_every_history_imports_with_every_word(corpus_imports, corpus_histories, service):
    root, outputs = corpus_imports
    skipped, merged = accounted(outputs[service.lower()])
    dated = released_as(outputs[service.lower()])
    releases = {v.id: v for v in VersionStore(root).versions(service.lower())}
    files = sorted(corpus_histories[service].glob("*.md"))
    released = set()
    for day, group in itertools.groupby(files, key=lambda p: p.name[:10]):
        group = list(group)
        kept = [p for p in group if p.as_posix() not in skipped and p.as_posix() not in merged]
        # Every file is released, or listed with its reason: nothing is dropped silently.
        assert len(kept) <= 1, (day, kept)
        if not kept:
            continue
        assert all(p.as_posix() in merged or p.as_posix() in skipped for p in group if p != kept[0])
        # A release is dated as its policy states, else by its file's name; either is said.
        release = dated.get(kept[0].as_posix(), day)
        released.add(release)
        record = (releases[release].folder / "regions/global.md").read_text("utf-8")
        title, _, body = record.partition("\n")
        text = kept[0].read_text("utf-8")
        source, kept_words = words(text), words(body)
        # Every word of the source is in the record, and nothing else; the title stands
        # first (taken from the source's title heading, or chosen when it has none); the line
        # stating the policy's date and the numbers of a list wrapping its headings are left out.
        assert kept_words - source == Counter(), (kept[0].name, kept_words - source)
        date_line = DATE_LINE.search("\n".join(text.split("\n")[:20]))
        allowed = words(title) + words(date_line.group(0) if date_line else "") + Counter(HEADING_ITEM.findall(text))
        assert source - kept_words - allowed == Counter(), (kept[0].name, source - kept_words - allowed)
        # No heading's underline is left as words (under a list item, or indented into one).
        assert not re.search(r"^ {4,}[-=]{3,} *$", body, re.M), kept[0].name
    assert released == set(releases)


@pytest.mark.histories
def test_every_history_lists_its_error_pages_and_same_day_versions(corpus_imports, corpus_histories, every_history):
    _, outputs = corpus_imports
    # Spotify's history holds 18 captures of an error page ("We're all mixed up"), most of
    # them on days with a good capture too; each one imported is listed (the sample holds some).
    pages = [p for p in corpus_histories["Spotify"].glob("*.md") if "We're all mixed up" in p.read_text("utf-8")]
    assert len(pages) == 18 if every_history else len(pages) >= 3
    assert len(re.findall(r"^warning: \S+Spotify/\S+\.md:\d+: not released: only 24 words", outputs["spotify"],
                          re.M)) == len(pages)
    assert "not released: replaced the same day by" in outputs["quora"] and "a version is a day" in outputs["quora"]
    # Two captures that differ only in markup readers do not see are one version.
    assert re.search(r"^warning: \S+Reddit/2025-06-29T123426Z\.md: not released: is the same text as "
                     r"\S+2025-06-28T123441Z\.md once imported; nothing to release$", outputs["reddit"], re.M)
    # Captures whose markup differs where readers see no difference are no new version.
    assert re.search(r"^warning: \S+LinkedIn/2025-10-03\S+\.md: not released: reads the same as "
                     r"\S+LinkedIn/2025-09-18\S+\.md; only markup readers do not see differs$", outputs["linkedin"], re.M)


@pytest.mark.histories
def test_imported_project_checks_verifies_and_builds(corpus_imports, tmp_path):
    root, _ = corpus_imports
    assert run_cli(root, "check").exit_code == 0
    assert run_cli(root, "verify").exit_code == 0
    site_root = tmp_path / "site-project"      # the imports are shared by the whole run: build a copy
    shutil.copytree(root, site_root)
    (site_root / "site-src").mkdir(exist_ok=True)    # the import made one (and a mkdocs.yml this replaces)
    (site_root / "mkdocs.yml").write_text("site_name: Imported history\ndocs_dir: site-src\n"
                                          "theme: {name: material}\nplugins: [privacykit]\n")
    site = build_site(site_root / "mkdocs.yml", site_root / "site", build_date="2026-11-01",
                      pdf=False)  # archival PDFs are tested on the example; here, the pages
    store = VersionStore(site_root)
    latest = store.versions("telegram")[-1]
    assert (site / "global/telegram" / latest.id / "changes/index.html").is_file()
    archive = (site / "global/telegram/archive/index.html").read_text()
    assert archive.count("<tr class=\"pk-archive__row") == len(store.versions("telegram"))



@pytest.mark.histories
def test_verify_says_once_a_statement_that_its_imported_history_was_recorded_late(corpus_imports):
    # Every imported release was recorded after it took effect, as imported history is: verify reads the
    # manifest's `imported` mark and says so in one line a statement, never once a release (evidence44).
    root, _ = corpus_imports
    result = run_cli(root, "verify")
    assert result.exit_code == 0, result.output
    store = VersionStore(root)
    for statement in store.statements():
        versions = store.versions(statement)
        assert all(v.imported for v in versions)
        assert (f"warning: versions/{statement}: {len(versions)} imported releases ({versions[0].id} to "
                f"{versions[-1].id}) were recorded after they took effect, when the history was imported") \
            in result.output
    assert "was recorded after it took effect" not in result.output

def _history(tmp_path: Path, service: str = "Telegram", between: tuple[str, str] | None = None) -> Path:
    """A copy of a service's recorded history (only its captures dated `between` two days, if given)."""
    folder = tmp_path / "history"
    folder.mkdir()
    for capture in sorted((CORPUS / service).glob("*.md")):
        if between is None or between[0] <= capture.name[:10] <= between[1]:
            shutil.copy(capture, folder / capture.name)
    return folder


ERROR_PAGE = "We're all mixed up\n==================\n\nRefresh this page or try again later.\n\ngo back"


def test_error_page_and_headings_only_capture_are_listed_then_skipped(tmp_path):
    # Telegram's six captures of 2023, with the bad ones among them (four before, two after).
    history = _history(tmp_path, between=("2023-01-01", "2023-12-31"))
    (history / "2023-06-01T003300Z.md").write_text(ERROR_PAGE)
    source = (CORPUS / "Telegram/2023-02-04T003355Z.md").read_text()
    headings = "\n\n".join(line for line in source.splitlines() if line.startswith("#"))
    (history / "2023-06-02T003300Z.md").write_text(headings)
    latest = sorted(history.glob("*.md"))[-1]
    root = tmp_path / "project"
    result = run_cli(root, "import", str(latest), "--statement", "telegram", "--history", str(history))
    # One run names every bad file with its line, and writes nothing.
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines == [
        f"{history.as_posix()}/2023-06-01T003300Z.md:1: only 14 words: an error page or an empty capture, not a "
        "policy; check that the file holds the policy, or pass --skip-invalid to import the other versions",
        f"{history.as_posix()}/2023-06-02T003300Z.md:1: headings with almost no text (0 words of text under 56 "
        "headings): a partial capture; import a complete capture of the policy, or pass --skip-invalid to import "
        "the other versions"]
    assert not root.exists()
    result = run_cli(root, "import", str(latest), "--statement", "telegram", "--history", str(history),
                     "--skip-invalid")
    assert result.exit_code == 0, result.output
    assert f"warning: {history.as_posix()}/2023-06-01T003300Z.md:1: not released: only 14 words" in result.output
    assert (f"warning: {history.as_posix()}/2023-06-02T003300Z.md:1: not released: headings with almost no text"
            in result.output)
    ids = [v.id for v in VersionStore(root).versions("telegram")]
    assert "2023-06-01" not in ids and "2023-06-02" not in ids
    skipped, merged = accounted(result.output)
    # Every file of the history is released or listed (the last one is the draft, too).
    assert len(ids) + len(skipped) + len(merged) == len(list(history.glob("*.md")))


def test_same_day_versions_are_merged_and_said_so(tmp_path):
    history = tmp_path / "history"
    history.mkdir()
    text = (CORPUS / "Telegram/2023-02-04T003355Z.md").read_text()
    (history / "2023-02-04T003355Z.md").write_text(text)
    (history / "2023-02-04T183000Z.md").write_text(text.replace("Telegram", "Telegram Messenger", 1))
    result = run_cli(tmp_path / "p", "import", str(history / "2023-02-04T183000Z.md"), "--statement", "t",
                     "--history", str(history))
    assert result.exit_code == 0, result.output
    assert (f"warning: {history.as_posix()}/2023-02-04T003355Z.md: not released: replaced the same day by "
            f"{history.as_posix()}/2023-02-04T183000Z.md; a version is a day") in result.output.splitlines()
    assert [v.id for v in VersionStore(tmp_path / "p").versions("t")] == ["2023-02-04"]


def test_import_into_a_missing_folder_creates_it(tmp_path):
    root = tmp_path / "new" / "project"
    policy = sorted((CORPUS / "Reddit").glob("*.md"))[-1]
    result = run_cli(root, "import", str(policy), "--statement", "reddit")
    assert result.exit_code == 0, result.output
    assert (root / "statements/reddit/statement.yml").is_file()
    assert run_cli(root, "check").exit_code == 0


def test_import_into_an_empty_folder_leaves_a_project_that_builds(tmp_path):
    """A legal team's first step (`mkdir privacy && cd privacy && privacykit import policy.md`): the folder
    exists and is empty, and the import leaves what `build` needs and the next release's notes, says the
    statement is published once released, and how; a second import into the project writes no configuration
    over the first."""
    root = tmp_path / "privacy"
    root.mkdir()
    policy = CORPUS / "Reddit/2026-08-20T005210Z.md"
    result = run_cli(root, "import", str(policy), "--statement", "reddit")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-2:] == [
        f"wrote mkdocs.yml and site-src/ for the new project: `privacykit build --root {root}` makes its site",
        f"nothing of reddit is published until it is released: `privacykit release reddit --root {root} --effective "
        'YYYY-MM-DD` (the 2026-07-01 the policy states is past: add --record-past "REASON")']
    config = (root / "mkdocs.yml").read_text("utf-8")
    assert "site_name: Reddit Privacy Policy\n# site_url: https://privacy.example.com/" in config
    # The next release's notes are ready to fill in, as every release leaves them.
    assert (root / "statements/reddit/release-notes.md").read_text("utf-8") == (
        "---\n# Release notes of the next reddit release (see README).\nsummary:\nacknowledge: []\n---\n")
    assert run_cli(root, "release", "reddit", "--effective", "2026-07-01", "--record-past", "adopted").exit_code == 0
    assert build_site(root / "mkdocs.yml", root / "site", build_date="2026-11-01", pdf=False).is_dir()
    page = (root / "site/global/reddit/index.html").read_text("utf-8")
    assert "At Reddit, we believe that privacy is a right." in page
    again = run_cli(root, "import", str(CORPUS / "Quora/2025-10-23T084923Z.md"), "--statement", "quora")
    assert again.exit_code == 0 and "wrote mkdocs.yml" not in again.output
    assert (root / "mkdocs.yml").read_text("utf-8") == config


def test_history_dated_in_the_future_is_refused(tmp_path):
    """A history file dated 2204 would block every later release: it is refused, as is a non-date."""
    history = _history(tmp_path)
    (history / "2204-01-01T000000Z.md").write_text((CORPUS / "Telegram/2023-02-04T003355Z.md").read_text())
    (history / "2023-13-45T000000Z.md").write_text("x")
    latest = sorted((CORPUS / "Telegram").glob("*.md"))[-1]
    result = run_cli(tmp_path / "p", "import", str(latest), "--statement", "t", "--history", str(history))
    assert result.exit_code == 1
    today = dt.date.today()
    assert result.output.splitlines() == [
        f"{history.as_posix()}/2023-13-45T000000Z.md: '2023-13-45' is not a date; name each version "
        "YYYY-MM-DD….md with the date it was published",
        f"{history.as_posix()}/2204-01-01T000000Z.md: dated 2204-01-01, after today ({today}); rename it with the "
        "date it was published"]
    assert not (tmp_path / "p").exists()


def test_endraw_in_an_imported_policy_stays_text(tmp_path):
    """Imported text is never a template, not even `{% endraw %}{{ 7 * 7 }}`."""
    policy = tmp_path / "policy.md"
    body = " ".join(["We describe our practices here."] * 12)
    policy.write_text(f"# Policy\n\n## Templates\n\n{body} Literal: {{% endraw %}}{{{{ 7 * 7 }}}} "
                      "and {# not a comment #} and {% if x %}.\n")
    result = run_cli(tmp_path, "import", str(policy), "--statement", "p")
    assert result.exit_code == 0, result.output
    from privacykit.load.project import load_project
    from privacykit.render.resolve import resolve

    text = resolve(load_project(tmp_path), "p", "global").to_markdown()
    assert "Literal: {% endraw %}{{ 7 * 7 }} and {# not a comment #} and {% if x %}." in text
    assert "49" not in text


def test_a_heading_of_an_imported_policy_is_text_too(tmp_path):
    """A section's title is rendered as a template: an imported heading `Rights {{ 7*7 }}` read
    "Rights 49", and one with `{{ ''.__class__ }}` refused the whole import (sec45)."""
    policy = tmp_path / "policy.md"
    body = " ".join(["We describe our practices here."] * 12)
    policy.write_text(f"# Policy\n\n{body}\n\n## Rights {{{{ 7*7 }}}}\n\n{body}\n\n"
                      f"## Objects {{{{ ''.__class__ }}}} {{% for x in range(9) %}}\n\n{body}\n")
    result = run_cli(tmp_path, "import", str(policy), "--statement", "p")
    assert result.exit_code == 0, result.output
    from privacykit.load.project import load_project
    from privacykit.render.resolve import resolve

    titles = [s.title for s in resolve(load_project(tmp_path), "p", "global").sections]
    # (`__class__` reads as strong emphasis in a heading, which the import keeps as markup (import45): the words
    # are the template's, run as text, never as a template)
    assert titles[1:] == ["Rights {{ 7*7 }}", "Objects {{ ''.class }} {% for x in range(9) %}"]


POLICY = """\
# Example Privacy Policy

Last updated: March 5, 2024

**Introduction**
----------------

We respect your privacy. This policy says what we collect and why, and how you can
control it. It applies to our website and apps.

**Information we collect**
--------------------------

We collect your name and e-mail address when you create an account, and the pages you
visit when you use our services.

# Cookie Policy

## Cookies we use

We use cookies to keep you signed in and to measure visits to our pages.
"""


def test_bold_setext_and_every_level_one_heading_are_headings():
    imported = split_policy(POLICY, "policy.md")
    # Two level-1 headings: neither is the title alone, and neither is dropped.
    assert not imported.title_from_source
    assert [g.heading for g in imported.groups] == ["Example Privacy Policy", "Cookie Policy"]
    # Bold setext headings are headings (the line starts with `*` but is no list item).
    first, cookie = imported.groups
    assert [(s.title, s.show_heading) for s in first.sections] == [
        ("Example Privacy Policy", False), ("Introduction", True), ("Information we collect", True)]
    assert [s.title for s in cookie.sections] == ["Cookie Policy", "Cookies we use"][1:]
    # The date line stays text, under the heading it followed, and names nothing.
    assert first.sections[0].body == "Last updated: March 5, 2024\n"
    assert all("updated" not in s.id for s in imported.sections)


def test_a_lone_title_and_date_headings():
    text = ("# Privacy Policy\n\n## Effective date: 1 May 2023\n\n## Who we are\n\nWe are Example Corp, based in "
            "Lyon.\n\n## What we collect\n\nYour name.\n")
    imported = split_policy(text, "p.md")
    assert imported.title == "Privacy Policy" and imported.title_from_source
    assert [g.heading for g in imported.groups] == [None, "Who we are", "What we collect"]
    assert imported.groups[0].sections[0].body == "Effective date: 1 May 2023\n"


BOX = "### Take control\n\n{}\n\n"


def _boxes(*texts: str) -> str:
    parts = [f"## Part {n}\n\nSome text of part {n} about our practices.\n\n" + BOX.format(text)
             for n, text in enumerate(texts)]
    return "# Policy\n\n" + "".join(parts)


def test_repeated_headings_keep_their_ids_when_a_box_is_inserted():
    texts = [f"You can turn off {x} in the settings of your account." for x in ("ads", "location", "contacts")]
    old = split_policy(_boxes(*texts), "old.md")
    new = split_policy(_boxes("A new box: you can download your data.", *texts), "new.md", previous=old)
    old_ids = {s.body: s.id for s in old.sections if s.title == "Take control"}
    new_ids = {s.body: s.id for s in new.sections if s.title == "Take control"}
    # Each box keeps its id; the inserted one gets a new id, not one of theirs.
    for body, sid in old_ids.items():
        assert new_ids[body] == sid
    assert new_ids["A new box: you can download your data.\n"] not in old_ids.values()


def test_a_renamed_section_keeps_its_id():
    old = split_policy("# P\n\n## Cookies\n\nWe use cookies to measure visits.\n", "old.md")
    new = split_policy("# P\n\n## Cookies and similar technologies\n\nWe use cookies to measure visits.\n", "new.md",
                       previous=old)
    assert [s.id for s in new.sections] == [s.id for s in old.sections]


def test_style_elements_are_left_out_and_said_so(tmp_path):
    policy = tmp_path / "policy.md"
    body = " ".join(["We describe our practices here."] * 12)
    policy.write_text(f"# Policy\n\n## Part\n\n{body}\n\n<style>\np {{ display: none }}\n</style>\n\nThe end.\n")
    result = run_cli(tmp_path, "import", str(policy), "--statement", "p")
    assert result.exit_code == 0, result.output
    assert f"warning: {policy.as_posix()}:7: left out a <style> element; readers never see it" in result.output
    assert "display" not in (tmp_path / "statements/p/sections/part-text.md").read_text()


def test_an_import_that_would_lose_words_is_refused(tmp_path, monkeypatch):
    """The importer checks the words of each source against its record before writing."""
    from privacykit.load import importer

    real = importer.split_policy

    def lossy(text, shown, *args, **kwargs):
        statement = real(text, shown, *args, **kwargs)
        statement.sections[-1].body = statement.sections[-1].body.replace("Lyon", "")
        return statement

    monkeypatch.setattr("privacykit.versions.importer.split_policy", lossy)
    policy = tmp_path / "policy.md"
    body = " ".join(["We describe our practices here."] * 12)
    policy.write_text(f"# Policy\n\n## Who we are\n\n{body} We are based in Lyon, France.\n")
    result = run_cli(tmp_path / "p", "import", str(policy), "--statement", "p")
    assert result.exit_code == 1
    assert result.output == (f"{policy.as_posix()}: the imported text would lose or change words: the source reads "
                             "“Lyon France”, the statement “France”; report this policy to the privacykit "
                             "maintainers; nothing was written\n")
    assert not (tmp_path / "p").exists()


def test_import_of_a_file_without_text(tmp_path):
    policy = tmp_path / "policy.md"
    policy.write_text("Just one paragraph of text.\n")
    result = run_cli(tmp_path, "import", str(policy), "--statement", "p")
    assert result.exit_code == 1
    assert result.output == (f"{policy.as_posix()}:1: only 5 words: an error page or an empty capture, not a "
                             "policy; check that the file holds the policy\n")
    assert not (tmp_path / "statements").exists() and not (tmp_path / "versions").exists()


def test_a_policy_without_marked_headings_is_split_at_its_short_lines():
    """Quora's policy marks no heading: its short lines standing alone are its headings."""
    latest = sorted((CORPUS / "Quora").glob("*.md"))[-1].read_text()
    imported = split_policy(latest, "quora.md")
    headings = [g.heading for g in imported.groups]
    assert "Information We Collect" in headings and "How We Share Your Information" in headings
    assert not any(h and h.startswith("Effective date") for h in headings)


@pytest.mark.histories
def test_empty_separator_headings_are_not_sections(corpus_imports):
    """Snapchat's policy separates its parts with empty `###` lines: they name no section.

    Read from the run's shared import of every history (`corpus_imports`), which `check`s
    clean in `test_imported_project_checks_verifies_and_builds`: Snapchat's history has no
    capture to skip, so the same import without `--skip-invalid` releases the same versions."""
    service = CORPUS / "Snapchat"
    latest = sorted(service.glob("*.md"))[-1]
    assert any(line.strip() == "###" for line in latest.read_text().splitlines())
    root, outputs = corpus_imports
    # A capture left out as no policy is named with its line; the others (same text) are not.
    assert not re.search(r"^warning: \S+\.md:\d+: not released: ", outputs["snapchat"], re.M)
    sections = sorted((root / "statements/snapchat/sections").glob("*.md"))
    assert len(sections) >= 5
    for path in sections:
        text = path.read_text()
        assert "title: \"\"" not in text and "\n###\n" not in text and not text.rstrip().endswith("###")


def test_in_page_links_point_at_the_sections_they_name_or_keep_their_words(tmp_path):
    """A capture's anchors (`#_kfo…`) name nothing on the published page: a link whose anchor some
    link's words map to a heading points at that section; any other keeps its words and is said so;
    `check` then finds no link pointing nowhere."""
    body = " ".join(["We describe how we use your data here."] * 6)
    policy = tmp_path / "policy.md"
    policy.write_text(
        "# Example Privacy Policy\n\n"
        "[1\\. About this Policy](#_toc1)\n\n[2\\. Your rights](#_toc2)\n\n"
        f"## 1\\. About this Policy\n\n{body} Questions? [Write to us](#_toc2).\n\n"
        f"## 2\\. Your rights\n\n{body} See ‘[Section 1 About this Policy](#_toc1)’ and [Retention](#_gone).\n")
    result = run_cli(tmp_path, "import", str(policy), "--statement", "p")
    assert result.exit_code == 0, result.output
    sections = tmp_path / "statements/p/sections"
    texts = "".join(p.read_text() for p in sorted(sections.glob("*.md")))
    assert "#_toc" not in texts and "#_gone" not in texts
    assert "[1\\. About this Policy](#1-about-this-policy)" in texts and "[Write to us](#2-your-rights)" in texts
    assert "‘[Section 1 About this Policy](#1-about-this-policy)’ and Retention." in texts
    reported = [line for line in result.output.splitlines() if "_gone" in line]
    assert reported == [f"warning: {policy.as_posix()}:13: left out the link of “Retention” to #_gone, which no "
                        "heading of the policy names (its words are kept); link it to a section by its id "
                        "(#<section>) if it should stay a link"]
    checked = run_cli(tmp_path, "check")
    assert checked.exit_code == 0 and "points nowhere" not in checked.output, checked.output


def test_check_and_a_strict_build_flag_a_link_whose_anchor_no_section_defines(example_copy):
    section = example_copy / "statements/products/sections/additional-situations.md"
    notes = example_copy / "statements/products/release-notes.md"    # the edit is not translated yet
    notes.write_text(notes.read_text().replace("translations: {}", "translations: {br: source-binding, cn: source-binding}"))
    text = section.read_text()
    section.write_text(text + "\nSee [our retention table](#_kfosu7ttf89l) and [the same page](#).\n")
    line = len(text.splitlines()) + 2
    result = run_cli(example_copy, "check")
    assert result.exit_code == 0, result.output
    flagged = [item for item in result.output.splitlines() if "points nowhere" in item]
    assert flagged == ["warning: statements/products/sections/additional-situations.md:"
                       f"{line}: the link to #_kfosu7ttf89l points nowhere: no section or heading of products has "
                       "that id; link to a section by its id (#<section>), or keep the words without the link"]
    assert run_cli(example_copy, "check", "--strict").exit_code == 1
    built = run_cli(example_copy, "build", "--strict", "--no-pdf", "-d", str(example_copy / "site"), "--date", "2024-06-01")
    # `build --strict` runs `check` first (publish42) and stops on its warnings, this one among them.
    assert built.exit_code == 1 and "#_kfosu7ttf89l points nowhere" in built.output, built.output
    assert not (example_copy / "site").exists()
    section.write_text(text + "\nSee [our retention](#additional-situations) and [AI](#artificial-intelligence).\n")
    assert "points nowhere" not in run_cli(example_copy, "check").output


def test_check_names_each_link_without_words_of_an_imported_policy(tmp_path):
    """LinkedIn's notice keeps an icon's link as `[](…)` after "used in this way", Telegram's German policy
    (2026-08-22) five such links before the addresses they repeat: the page shows nothing to follow and a screen
    reader reads an address (axe's link-name). `check` names each at its line; a link with words and brackets
    written as text (`\\[]`) are no such link, and the warning goes once the link has words."""
    latest = {"linkedin": CORPUS / "LinkedIn/2026-08-22T004836Z.md", "telegram": CORPUS / "Telegram/2026-08-22T010824Z.md"}
    for statement, policy in latest.items():
        assert run_cli(tmp_path, "import", str(policy), "--statement", statement).exit_code == 0
    said = [line for line in run_cli(tmp_path, "check").stderr.splitlines() if "has no words" in line]
    hint = ": readers see nothing to follow, and a screen reader reads its address; give it the words of what it " \
           "opens ([help article](…)), or remove it"
    assert said[0] == ("warning: statements/linkedin/sections/preamble-text.md:6: the link to "
                       f"https://www.linkedin.com/help/linkedin/answer/a7152512 has no words{hint}")
    telegram = [line.split(": the link to ")[1].split(" has no words")[0] for line in said[1:]]
    assert telegram[1:5] == ["https://core.telegram.org/api", "https://core.telegram.org/bots",
                             "https://core.telegram.org/mtproto", "https://telegram.org/apps#source-code"]
    assert len(said) == 8
    preamble = tmp_path / "statements/linkedin/sections/preamble-text.md"
    text = preamble.read_text("utf-8")
    preamble.write_text(text.replace("[](https://www.linkedin.com/help/linkedin/answer/a7152512)",
                                     "[Learn more](https://www.linkedin.com/help/linkedin/answer/a7152512) "
                                     "(\\[](not a link))"), "utf-8")
    checked = run_cli(tmp_path, "check")
    assert checked.exit_code == 0, checked.output
    assert [line for line in checked.stderr.splitlines() if "has no words" in line] == said[1:]


def test_the_importer_and_check_read_an_in_page_link_alike():
    """One pattern of an in-page link's target, `](#anchor)` (`load.anchors.LINK_TO_ANCHOR`): the importer reads
    the words before it, `check` an HTML `href` too; an empty anchor (the page's top) is no dead link."""
    from privacykit.load.anchors import _IN_PAGE
    from privacykit.load.importer import _INPAGE_LINK

    text = 'See [a](#x), [top](#), <a href="#y">b</a>, ![i](#p) and [site](https://example.com/#z).'
    assert [m.group(1, 2) for m in _INPAGE_LINK.finditer(text)] == [("a", "x"), ("top", "")]
    assert [m.group(1) or m.group(2) for m in _IN_PAGE.finditer(text)] == ["x", None, "y", "p"]


# -- import43: what a capture says is what the statement says ------------------------------------------------------

LINKEDIN = CORPUS / "LinkedIn"


def test_headings_written_inside_list_items_are_headings():
    """LinkedIn's 2024-09-19 capture wraps its policy in a numbered list whose items open on setext headings."""
    imported = split_policy((LINKEDIN / "2024-09-19T003221Z.md").read_text("utf-8"), "linkedin.md")
    headings = [g.heading for g in imported.groups]
    assert headings[3:9] == ["Introduction", "1. Data We Collect", "2. How We Use Your Data",
                             "3. How We Share Information", "4. Your Choices & Obligations",
                             "5. Other Important Information"]
    assert [u.markers for u in imported.unwrapped] == [("1.", "2.", "3.", "4.", "5.", "6.")]
    bodies = "\n".join(s.body for s in imported.sections)
    assert not re.search(r"^\s*-{3,}\s*$", bodies, re.M) and "\n    " not in bodies
    # An h4 under h2 groups stays an h4 in its section's text (its source's level), not a section.
    assert "#### Choices" in imported.sections[1].body and "Choices" not in [s.title for s in imported.sections]
    # The table of contents points at the groups it names, "and" for "&" included.
    toc = next(s for s in imported.sections if s.title == "Table of Contents").body
    assert "[Data We Collect](#1-data-we-collect)" in toc
    assert "[Your Choices and Obligations](#4-your-choices-obligations)" in toc
    # A key term's link points at the section holding its box; no link is left out.
    assert "[Affiliates](#1-9-other)" in bodies and imported.unlinked == []


def test_the_fidelity_check_refuses_a_heading_turned_into_text(tmp_path, monkeypatch):
    """Words alone cannot see a heading written as text (its underline is no word): the import is refused."""
    monkeypatch.setattr("privacykit.load.importer.unwrap_heading_items", lambda text: (text, []))
    result = run_cli(tmp_path / "p", "import", str(LINKEDIN / "2024-09-19T003221Z.md"), "--statement", "p")
    assert result.exit_code == 1
    assert "would show a heading's underline as words (“1. Introduction / ------------”)" in result.output
    assert not (tmp_path / "p").exists()
    real = split_policy

    def flattened(text, shown, *args, **kwargs):
        statement = real(text, shown, *args, **kwargs)
        last = statement.sections[-1]
        last.body, last.show_heading = f"{last.title}\n\n{last.body}", False
        return statement

    monkeypatch.undo()
    monkeypatch.setattr("privacykit.versions.importer.split_policy", flattened)
    policy = tmp_path / "policy.md"
    body = " ".join(["We describe our practices here."] * 12)
    policy.write_text(f"# Policy\n\n## Who we are\n\n{body}\n\n### Contact\n\nWrite to us.\n")
    result = run_cli(tmp_path / "p", "import", str(policy), "--statement", "p")
    assert result.exit_code == 1 and "would turn the heading “Contact” into text" in result.output, result.output


def test_imported_history_claims_no_decision_and_is_dated_as_the_policy_states(tmp_path):
    history = _history(tmp_path, "LinkedIn", ("2024-08-01", "2024-09-19"))
    latest = history / "2024-09-19T003221Z.md"
    result = run_cli(tmp_path / "p", "import", str(latest), "--statement", "linkedin", "--history", str(history))
    assert result.exit_code == 0, result.output
    store = VersionStore(tmp_path / "p")
    versions = store.versions("linkedin")
    # "Effective September 18, 2024" in a capture of the 19th: released as of the 18th, and said so.
    assert [v.id for v in versions] == ["2024-07-31", "2024-09-18"]
    assert (f"warning: {latest.as_posix()}: released as of 2024-09-18, the date the policy states (“Effective "
            "September 18, 2024”); its file's name says 2024-09-19") in result.output
    assert "dates: 2 of 2 releases by the date their policy states" in result.output
    record = (versions[-1].folder / "regions/global.md").read_text("utf-8")
    assert "Effective September 18" not in record
    # Nobody decided anything then: no decision is recorded, no notice written, readers are not told one was.
    assert versions[-1].verdict is not None and versions[-1].verdict.undecided
    assert versions[-1].verdict.decision is Action.REVIEW and versions[-1].verdict.consent_regions == []
    assert "decisions: not recorded" in (versions[-1].folder / "manifest.yml").read_text()
    assert not (versions[-1].folder / "notices").exists()
    assert notice_regions(versions[-1].verdict) == {}
    # A warning of the current policy, also the history's last file, is said once.
    assert len(result.output.splitlines()) == len(set(result.output.splitlines()))
    # The new project builds: the import wrote what `build` needs and said so.
    assert (tmp_path / "p/mkdocs.yml").is_file() and "`privacykit build --root" in result.output
    assert run_cli(tmp_path / "p", "check").exit_code == 0
    by_file = run_cli(tmp_path / "q", "import", str(latest), "--statement", "linkedin", "--history", str(history),
                      "--file-dates")
    assert [v.id for v in VersionStore(tmp_path / "q").versions("linkedin")] == ["2024-08-01", "2024-09-19"]
    assert "released as of" not in by_file.output


def test_an_undecided_release_is_headed_what_changed():
    from privacykit.changes.verdict import RegionVerdict
    from privacykit.publish.redline import verdict_view

    t = {"verdict_changes": "What changed in this version", "verdict_notify": "Material change: users are notified",
         "verdict_review": "Needs review"}
    view = verdict_view(RegionVerdict("global", (), (), undecided=True), t, None, {})
    assert view is not None and view["title"] == "What changed in this version"


def test_in_page_links_by_their_anchor_words_and_the_sources_own_ids():
    reddit = split_policy((CORPUS / "Reddit/2024-08-17T003332Z.md").read_text("utf-8"), "reddit.md")
    text = "\n".join(s.body for s in reddit.sections)
    assert "[We collect minimal information about you.](#what-information-we-collect)" in text
    assert "](#how-we-use-information)" in text and "](#your-rights-and-choices)" in text
    body = " ".join(["We describe how we use your data here."] * 6)
    own = split_policy(f"# Policy\n\nSee [where we keep it](#keep) and [top](#policy).\n\n## Storage {{#keep}}\n\n"
                       f"{body}\n\n## Other\n\n{body}\n", "p.md")
    assert "[where we keep it](#storage)" in own.sections[0].body and "[top](#)" in own.sections[0].body
    assert [g.heading for g in own.groups] == [None, "Storage", "Other"]


def test_the_opening_is_named_by_the_title_and_a_plain_first_line_is_the_title():
    # Reddit's opening is its date line alone: left out, the redline's first change is no longer "Introduction".
    reddit = split_policy((CORPUS / "Reddit/2024-08-17T003332Z.md").read_text("utf-8"), "reddit.md",
                          without_date=True)
    assert reddit.stated is not None and reddit.stated.date == dt.date(2024, 8, 16)
    assert reddit.groups[0].heading == "Introduction" and "Effective" not in reddit.sections[0].body
    linkedin = split_policy((LINKEDIN / "2024-09-19T003221Z.md").read_text("utf-8"), "linkedin.md")
    assert linkedin.sections[0].title == "Privacy Policy" and not linkedin.sections[0].show_heading
    quora = split_policy(sorted((CORPUS / "Quora").glob("*.md"))[-1].read_text("utf-8"), "quora.md")
    assert quora.title == "Privacy Policy" and quora.title_from_source
    assert "Privacy Policy" not in [g.heading for g in quora.groups]


@pytest.mark.parametrize(("name", "data", "said"), [
    ("policy.pdf", b"%PDF-1.4\n\xd3\xeb\xe9 binary", "a PDF file, not Markdown; extract its text"),
    ("page.html", b"<!DOCTYPE html>\n<html><head><script>x()</script></head><body>Privacy</body></html>\n",
     "an HTML page, not Markdown"),
    ("huge.md", b"a" * 1_000_001, "over the 1,000,000 bytes privacykit reads from any one file; the limit keeps"),
])
def test_what_is_no_markdown_policy_is_refused_in_one_line(tmp_path, name, data, said):
    source = tmp_path / name
    source.write_bytes(data)
    result = run_cli(tmp_path / "p", "import", str(source), "--statement", "p")
    assert result.exit_code == 1 and said in result.output and len(result.output.splitlines()) == 1, result.output
    assert not (tmp_path / "p").exists()


def test_carriage_returns_are_line_ends():
    body = " ".join(["We describe how we use your data here."] * 6)
    imported = split_policy(f"# Policy\r\n\r\n## Part\r\n\r\n{body}\r\r\nMore.\r", "p.md")
    assert all("\r" not in s.body for s in imported.sections)


def test_a_date_whose_heading_marker_stands_lines_above_it_is_left_out_whole():
    """Snapchat's captures write `##### ` on one line and the date two lines below: the release carries the
    date, so neither the marker's rewritten heading nor the date line stays in the text."""
    text = ("#### \n\nPrivacy Policy\n\n##### \n\nEffective: June 29, 2022\n\n"
            "Snap Inc. is a camera company.\n\n#### \n\nInformation We Collect\n\nWe collect what you give us.\n")
    imported = split_policy(text, "policy.md", without_date=True)
    assert imported.stated is not None and imported.stated.date.isoformat() == "2022-06-29"
    assert imported.title == "Privacy Policy"
    assert imported.sections[0].body.startswith("Snap Inc. is a camera company.")
    assert "June 29" in split_policy(text, "policy.md").sections[0].body


# -- fidelity on real captures (import45) --------------------------------------------------------


def test_emphasis_inside_a_heading_is_markup_not_words():
    """Twitch's title `**Twitch.tv** **Privacy Notice**` was published as “Twitch.tv** **Privacy Notice”."""
    twitch = CORPUS / "Twitch/2023-02-14T183434Z.md"
    assert "**Twitch.tv**\u00a0**Privacy Notice**" in twitch.read_text("utf-8")
    imported = split_policy(twitch.read_text("utf-8"), "twitch.md")
    assert imported.title == "Twitch.tv Privacy Notice" and imported.title_from_source
    assert not any("*" in (g.heading or "") for g in imported.groups)
    assert not any("*" in s.title for s in imported.sections)
    # Written together (`**Twitch.tv****Privacy Notice**`, the capture of 2023-02-09), they are two words still.
    glued = (CORPUS / "Twitch/2023-02-09T063424Z.md").read_text("utf-8")
    assert "**Twitch.tv****Privacy Notice**" in glued
    assert split_policy(glued, "twitch.md").title == "Twitch.tv Privacy Notice"


def test_the_lines_a_colon_announces_are_no_headings():
    """Quora's postal address under "… or send mail to:" was three parts of the policy ("Attn: Privacy",
    "605 Castro Street", "Mountain View, CA 94041"), each in the outline and the redlines."""
    quora = CORPUS / "Quora/2024-05-11T003540Z.md"
    text = quora.read_text("utf-8")
    assert "send mail to:\n\nQuora, Inc.\n\nAttn: Privacy\n\n605 Castro Street\n\nMountain View, CA 94041\n" in text
    imported = split_policy(text, "quora.md")
    headings = [g.heading for g in imported.groups]
    assert "Contact Us" in headings and "Privacy Policy Updates" in headings
    assert not {"Attn: Privacy", "605 Castro Street", "Mountain View, CA 94041"} & set(headings)
    contact = next(s for s in imported.sections if s.title == "Contact Us")
    assert "Attn: Privacy\n\n605 Castro Street\n\nMountain View, CA 94041\n\nVeraSafe" in contact.body
    # The plain headings that follow text which is no announcement stay headings, in every Quora capture.
    for capture in sorted((CORPUS / "Quora").glob("*.md")):
        assert "Contact Us" in [g.heading for g in split_policy(capture.read_text("utf-8"), "q.md").groups]


def test_a_list_right_under_a_paragraph_is_a_list_on_the_site():
    """Pinterest writes "… including:" with its bullets on the next lines: CommonMark (the capture's) reads a
    list, the site's Markdown read the bullets as the paragraph's words."""
    from privacykit.render.markdown import markdown_to_html

    pinterest = CORPUS / "Pinterest/2023-01-26T003245Z.md"
    text = pinterest.read_text("utf-8")
    assert "including:* Identify you when you use Pinterest.\n* Recommend Pins" in text
    imported = split_policy(text, "pinterest.md")
    section = next(s for s in imported.sections if "Respond to your questions" in s.body)
    html = markdown_to_html(section.body)
    assert "<li>Respond to your questions or comments.</li>" in html and "<li>Recommend Pins, boards" in html
    assert "* Recommend" not in html


def test_a_german_policys_ids_keep_its_letters_and_its_numbered_references_link():
    """Telegram's German policy: "6.1. Ökosystem" had the id `6-1-kosystem`; the capture's own anchors write
    `#1-1-datenschutzgrundsatze`. "[Abschnitt 6.3](#6-3-welche-daten-…)" names a heading the capture renamed
    ("6.3. Welche personenbezogenen Daten …"): its number still names it."""
    text = (CORPUS / "Telegram/2026-08-22T010824Z.md").read_text("utf-8")
    assert "[Abschnitt 6.3](#6-3-welche-daten-an-bots-ubermittelt-werden)" in text
    assert "#### [](#1-1-datenschutzgrundsatze)1.1. Datenschutzgrundsätze" in text
    imported = split_policy(text, "telegram.md")
    ids = {s.title: s.id for s in imported.sections} | {g.heading: g.id for g in imported.groups if g.heading}
    assert ids["1.1. Datenschutzgrundsätze"] == "1-1-datenschutzgrundsatze"
    assert ids["6.1. Ökosystem"] == "6-1-okosystem" and ids["10. Löschen von Daten"] == "10-loschen-von-daten"
    bodies = "\n".join(s.body for s in imported.sections)
    target = ids["6.3. Welche personenbezogenen Daten an Bots übermittelt werden"]
    assert bodies.count(f"[Abschnitt 6.3](#{target})") == 2 and imported.unlinked == []


# Real policies whose headings YAML must quote, each with one such heading: a colon inside and an apostrophe
# (Pinterest), a trailing colon (LinkedIn), `&` (Snapchat), German letters (Telegram, read as de-DE).
QUOTED_HEADINGS = [
    ("Pinterest/2024-09-05T003306Z.md", "en-US", "Additional Info for EEA, Swiss and UK Data Subjects: Legal bases we "
                                                 "rely on where we use your information"),
    ("Pinterest/2024-09-05T003306Z.md", "en-US", "Our policy on children's information"),
    ("LinkedIn/2025-06-10T003238Z.md", "en-US", "Data Protection Officer:"),
    ("Snapchat/2024-10-12T123535Z.md", "en-US", "Enforce Our Terms & Policies"),
    ("Telegram/2026-08-22T010824Z.md", "de-DE", "6.1. Ökosystem"),
]


def written_statement(folder: Path) -> tuple[dict, dict[str, dict]]:
    """An imported statement's `statement.yml` and each section's front matter, read back by the project's
    YAML loader as plain values."""
    from privacykit.load.frontmatter import split_front_matter
    from privacykit.load.yamlio import load_yaml, plain

    outline = plain(load_yaml((folder / "statement.yml").read_text("utf-8"), "statement.yml"))
    fronts = {path.stem: plain(split_front_matter(path.read_text("utf-8"), path.name).meta)
              for path in (folder / "sections").glob("*.md")}
    return outline, fronts


def expected_statement(text: str) -> tuple[dict, dict[str, dict]]:
    """What `written_statement` reads when the files say what the importer split `text` into."""
    imported = split_policy(text, "policy.md")
    outline = [{**({"heading": g.heading} if g.heading else {}), "id": g.id, "sections": [s.id for s in g.sections]}
               for g in imported.groups]
    fronts = {s.id: {"title": s.title, **({} if s.show_heading else {"heading": False})} for s in imported.sections}
    return {"title": imported.title, "outline": outline}, fronts


@pytest.mark.parametrize(("capture", "locale", "heading"), QUOTED_HEADINGS)
def test_headings_yaml_must_quote_read_back_as_the_policy_writes_them(tmp_path, capture, locale, heading):
    """The statement's outline and the sections' front matter are written by the YAML writer, not by string
    formatting: read back, every title, heading and id is the one the importer read."""
    policy = CORPUS / capture
    result = run_cli(tmp_path, "import", str(policy), "--statement", "p", "--locale", locale)
    assert result.exit_code == 0, result.output
    outline, fronts = written_statement(tmp_path / "statements/p")
    assert (outline, fronts) == expected_statement(policy.read_text("utf-8"))
    titles = [g.get("heading") for g in outline["outline"]] + [f["title"] for f in fronts.values()]
    assert heading in titles


def test_a_heading_of_symbols_and_a_numeric_id_are_written_as_yaml_strings(tmp_path):
    """Reddit's policy with its title and two headings as YAML would misread them unquoted: a quote and a colon,
    a leading `-` with `#` and `&`, and a year (whose id `2024` was written bare, and read back as a number)."""
    text = (CORPUS / "Reddit/2026-08-20T005210Z.md").read_text("utf-8")
    text = text.replace("Reddit Privacy Policy\n=====================", '# Reddit: "Privacy" Policy', 1)
    text = text.replace("Introduction\n------------", "## 2024", 1)
    text = text.replace("Reddit Is a Public Platform\n---------------------------",
                        '## - Reddit Is a "Public" Platform: #1 & more', 1)
    policy = tmp_path / "reddit.md"
    policy.write_text(text, encoding="utf-8")
    root = tmp_path / "project"
    assert run_cli(root, "import", str(policy), "--statement", "reddit").exit_code == 0
    # (the opening holds only the policy's date, which the release carries: no preamble section)
    outline, fronts = written_statement(root / "statements/reddit")
    assert outline["title"] == 'Reddit: "Privacy" Policy'
    assert outline["outline"][0] == {"heading": "2024", "id": "2024", "sections": ["2024-text"]}
    # (the group's heading stands for its one section's: the section hides its own)
    assert fronts["reddit-is-a-public-platform-1-more-text"] == {"title": '- Reddit Is a "Public" Platform: #1 & more',
                                                                 "heading": False}
    assert (root / "statements/reddit/statement.yml").read_text("utf-8").startswith(
        '# Imported policy: Reddit: "Privacy" Policy\ntitle: "Reddit: \\"Privacy\\" Policy"\noutline:\n'
        "  - heading: \"2024\"\n    id: '2024'\n    sections:\n      - 2024-text\n")
    result = run_cli(root, "check")
    assert result.exit_code == 0, result.output
