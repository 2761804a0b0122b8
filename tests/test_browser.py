"""A reader's path through the built example, in Debian's Chromium driven by Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest

from browsing import serving

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served_site(example_site: Path):
    with serving(example_site) as address:
        yield address


def test_review_previous_version_from_the_page_in_force(served_site, browser):
    page = browser.new_page()
    page.goto(f"{served_site}/us/website/")
    assert "March 5, 2024" in page.locator(".pk-updated").inner_text()
    page.click("text=Review previous version")
    page.wait_for_load_state()
    assert page.url.endswith("/us/website/2024-03-05/changes/")
    summary = page.locator(".pk-redline__summary").inner_text()
    assert summary.startswith("1 section added, 1 moved")
    assert page.locator("ins").count() >= 1
    assert "artificial intelligence" in page.locator("section#artificial-intelligence ins").first.inner_text()


def test_draft_redline_shows_word_level_marks(served_site, browser):
    page = browser.new_page()
    page.goto(f"{served_site}/us/website/draft/changes/")
    # Screen readers hear "inserted:" first and "(end of insertion)" last; the hidden words are real
    # text of the mark.
    inserted = page.locator("section#retention ins").first
    assert [t.strip() for t in inserted.locator(".pk-sr-only").all_inner_texts()] == ["inserted:", "(end of insertion)"]
    assert inserted.inner_text().replace("inserted:", "", 1).replace("(end of insertion)", "").strip() == ", accounting"
    page.goto(f"{served_site}/us/products/draft/changes/")
    assert page.locator("section#lenovo-vantage ins").count() >= 1


def test_superseded_version_links_to_the_version_in_force(served_site, browser):
    page = browser.new_page()
    page.goto(f"{served_site}/us/website/2023-06-30/")
    assert "Superseded version" in page.locator(".pk-notice").first.inner_text()
    page.click("text=Read the version in force")
    page.wait_for_load_state()
    assert page.url.endswith("/us/website/")


def test_fragment_in_an_app_webview(served_site, browser):
    """An app loads its section's 'latest' fragment into a webview and shows its heading."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{served_site}/fragments/products/us/latest/lenovo-vantage.html")
    heading = page.locator("section.pk-fragment h2")
    assert heading.inner_text() == "Lenovo Vantage"
    assert heading.is_visible()
    # The version in force in the US: 2024-05-01 translated br and cn only, so it is none here (versions44).
    assert page.locator("section.pk-fragment").get_attribute("data-version") == "2024-03-05"
    assert page.evaluate("document.scripts.length") == 0 and not errors


def test_a_hostile_group_id_runs_nothing_in_the_page_or_its_search(tmp_path, monkeypatch, browser):
    """The outline group id `collect"><img src=x onerror=alert(…)>` (had the loader let it
    through) shows in the table of contents, the skip link and search results as inert text."""
    from test_hardening import HOSTILE_ANCHOR, hostile_group_site

    site = hostile_group_site(tmp_path / "p", monkeypatch)
    with serving(site) as address:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(f"{address}/us/web/")
        page.locator(".md-search__input").wait_for(state="attached")
        page.keyboard.press("/")   # Material opens its search on this key
        page.keyboard.type("collect")
        page.locator(".md-search-result__item").first.wait_for()
        assert page.locator(".md-search-result__item").count() >= 1
        assert page.locator("img[src=x]").count() == 0
        page.keyboard.press("Escape")
        page.locator(".md-sidebar--secondary .md-nav__link").first.click()
        assert page.url.endswith(f"/us/web/#{HOSTILE_ANCHOR}")
        assert page.locator("img[src=x]").count() == 0 and dialogs == []
