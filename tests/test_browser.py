"""A reader's path through the built example, in Debian's Chromium driven by Playwright.

`make test` installs the `chromium` package when it is missing; without it this
test fails with a clear message instead of silently skipping.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served_site(example_site: Path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(example_site))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        pytest.fail("Debian's chromium is not installed: run 'make test' (it installs it) "
                    "or 'apt-get install chromium' as root")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


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
    assert page.locator("section#retention ins").first.inner_text().strip() == ", accounting"
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
    assert page.locator("section.pk-fragment").get_attribute("data-version") == "2024-05-01"
    assert page.evaluate("document.scripts.length") == 0 and not errors
