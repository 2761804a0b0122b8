"""Every kind of page works for every reader, checked in Chromium: axe-core finds no violation of
WCAG 2.0, 2.1 and 2.2 (A and AA), nor of its best-practice rules (landmarks, heading order, named
dialogs...), at a phone's width and a desktop's, on every kind of page and in the search dialog
with its results shown; no page is wider than its
window, section navigation is reachable on a phone (its drawer's button by keyboard too),
search lists the reader's own statement and language first, and fragments read right from a
server that sends no character set.

axe-core is the copy shipped inside the `axe-playwright-python` package (installed with the
test dependencies): nothing is downloaded while the tests run.
"""

from __future__ import annotations

import contextlib
import re
from importlib import resources
from pathlib import Path

import pytest

from browsing import serving
from conftest import CORPUS, run_cli
from privacykit.mkdocs.build import build_site

pytestmark = pytest.mark.browser

WIDTHS = (390, 1280)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# axe's rules beyond WCAG's success criteria: one main landmark, every text in a landmark, one
# `<h1>`, headings that go down one level at a time, named dialogs.
AUDIT_TAGS = [*WCAG_TAGS, "best-practice"]

# One page of every kind of the example, built on 2024-06-01 (see `example_site`).
EXAMPLE_PAGES = {
    "home": "",
    "in force, translated": "br/products/",
    "dated, superseded, text in English on a Chinese page": "cn/website/2023-06-30/",
    "redline": "us/website/2024-03-05/changes/",
    "redline of a translation": "br/products/2024-05-01/changes/",
    "archive": "us/website/archive/",
    "draft": "eu/products/draft/",
    "draft redline": "eu/products/draft/changes/",
    "draft notice": "eu/products/draft/notice/",
    "not found": "404.html",
    "fragment as a document": "fragments/products/br/latest/moto-body.page.html",
}
# Material's search dialog, open with results (the page's address, then what is typed).
SEARCH = ("search results, Portuguese page", "br/products/", "dados")
# Pages the golden project has on 2024-05-01, before its 2024-06-01 release takes effect.
UPCOMING_PAGES = {"in force, with an upcoming version": "us/web/", "upcoming": "us/web/2024-06-01/"}


def _axe_script() -> str:
    return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")


@pytest.fixture(scope="module")
def served_example(example_site: Path):
    with serving(example_site) as address:
        yield address


@pytest.fixture(scope="module")
def served_upcoming(golden_upcoming_site: Path):
    with serving(golden_upcoming_site) as address:
        yield address


@pytest.fixture(scope="module")
def served_import(tmp_path_factory):
    """A real policy that is not the example, as a legal team adopts it: Reddit's, imported into an empty folder,
    released, edited in a table's cell and released again. Its tables (the capture's layout tables, five columns)
    are wider than a phone."""
    root = tmp_path_factory.mktemp("reddit") / "privacy"
    root.mkdir()
    assert run_cli(root, "import", str(CORPUS / "Reddit/2026-08-20T005210Z.md"), "--statement", "reddit").exit_code == 0
    assert run_cli(root, "release", "reddit", "--effective", "2026-07-01", "--record-past", "adopted").exit_code == 0
    section = root / "statements/reddit/sections/what-information-we-collect-text.md"
    text = section.read_text("utf-8")
    assert "You don’t need an account to use Reddit." in text
    section.write_text(text.replace("You don’t need an account to use Reddit.",
                                    "You do not need an account to use Reddit."), "utf-8")
    released = run_cli(root, "release", "reddit", "--effective", "2026-07-02", "--record-past", "adopted")
    assert released.exit_code == 0, released.output
    with serving(build_site(root / "mkdocs.yml", root / "site", build_date="2026-11-01", pdf=False)) as address:
        yield address


# The windows every page kind is opened in, once each (`test_every_page_kind_in_chromium`): a phone's and a
# desktop's, where axe audits the page and Tab walks it, and a desktop at 400 % zoom, where it must reflow.
WINDOWS = ((390, 800), (1280, 800), (320, 640))


@contextlib.contextmanager
def _windows(browser, sites: tuple[str, ...], sizes=WINDOWS[:2]):
    """A tab for each of `sizes` (width, height), each in a browser context of its own: each tab's page has its own
    process, so the audits of the widths run side by side. axe-core is given to each context once and runs in every
    page it opens; the tabs load only `sites` (no font or image from elsewhere)."""
    prefixes = tuple(f"{site}/" for site in sites)
    contexts = [browser.new_context(viewport={"width": width, "height": height}) for width, height in sizes]
    try:
        for context in contexts:
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(prefixes)
                          else route.abort())
            context.add_init_script(_axe_script())
        yield [context.new_page() for context in contexts]
    finally:
        for context in contexts:
            context.close()


def _start_audit(tab, address: str, typed: str | None = None, skip: tuple[str, ...] = ()) -> None:
    """Open `address` in `tab` (for the search dialog, open it with what is `typed` and its results shown) and
    start axe on it, the rules in `skip` aside; `_audit_problems` reads what it found."""
    tab.goto(address)
    if typed:
        tab.locator(".md-search__input").wait_for(state="attached")
        tab.keyboard.press("/")   # Material opens its search on this key
        tab.keyboard.type(typed)
        tab.locator(".md-search-result__item").first.wait_for()
        # (results fade in: audit their colours once no transition runs, or axe may read a half-faded text's contrast)
        tab.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", timeout=10_000)
    options = {"runOnly": {"type": "tag", "values": AUDIT_TAGS}, "resultTypes": ["violations"],
               "rules": {rule: {"enabled": False} for rule in skip}}
    tab.evaluate("options => { window.__audit = undefined;"
                 " axe.run(document, options).then(result => { window.__audit = result; }); }", options)


def _audit_problems(tab, kind: str) -> list[str]:
    """What is wrong with the page `_start_audit` opened in `tab`, once axe is done: its violations, and a page
    wider than the window."""
    width, address = tab.viewport_size["width"], tab.url
    problems = []
    wide = tab.evaluate("document.documentElement.scrollWidth")
    if wide > width:
        problems.append(f"axe, {width} px, {kind} ({address}): the page is {wide} px wide")
    tab.wait_for_function("window.__audit !== undefined", timeout=120_000)
    violations = tab.evaluate("window.__audit.violations")
    return problems + [f"axe, {width} px, {kind} ({address}): {v['id']} ({v['impact']}) on {len(v['nodes'])} "
                       f"element(s), first {v['nodes'][0]['target']}: {v['help']}" for v in violations]


# Pages only audited: the search dialog with its results, and the golden project's pages before a release takes
# effect (by kind: the site's fixture, the page's address, what is typed into the search).
AUDITED_ONLY = {
    SEARCH[0]: ("served_example", SEARCH[1], SEARCH[2]),
    **{kind: ("served_upcoming", url, None) for kind, url in UPCOMING_PAGES.items()},
}


@pytest.mark.parametrize("kind", list(AUDITED_ONLY))
def test_the_search_and_the_upcoming_pages_pass_axe_and_fit_the_window(request, browser, kind):
    """The search dialog open with results, and the golden project's pages before a release takes effect (in
    force with an upcoming version, the upcoming version), at a phone's width and a desktop's."""
    fixture, url, typed = AUDITED_ONLY[kind]
    site = request.getfixturevalue(fixture)
    with _windows(browser, (site,)) as tabs:
        for tab in tabs:
            _start_audit(tab, f"{site}/{url}", typed)
        assert [problem for tab in tabs for problem in _audit_problems(tab, kind)] == []


def test_an_imported_policys_pages_pass_axe(served_import, browser):
    """The statement page and the redline of an imported policy whose tables are wider than a phone: each table's
    scrolling box is reached by keyboard (axe's scrollable-region-focusable), on both widths. Not run:
    empty-table-header, which the policy's own tables fail (the capture's header rows are empty cells; the
    words are the policy's, kept as written)."""
    problems = []
    with _windows(browser, (served_import,)) as tabs:
        for kind, url in (("in force", ""), ("redline", "2026-07-02/changes/"), ("archive", "archive/")):
            for tab in tabs:
                _start_audit(tab, f"{served_import}/global/reddit/{url}", skip=("empty-table-header",))
            problems += [problem for tab in tabs for problem in _audit_problems(tab, kind)]
    assert problems == []


# The words of a page's text that a line break cuts in two (a hyphen's own break aside): a word whose letters lie
# on more than one line.
CUT_WORDS = """root => { const cut = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const word of node.data.matchAll(/[\\p{L}\\p{N}]+/gu)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const lines = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size > 1) cut.push(word[0]);
    }
  }
  return cut; }"""


def test_a_wide_table_keeps_whole_words_and_scrolls_by_keyboard(served_import, browser):
    """On a phone the imported policy's five-column tables scroll sideways (their cells were squeezed until
    "communications" broke in two); each box that scrolls is a Tab stop, a group named by the heading the table
    stands under, and the arrow keys scroll it. On a desktop no word is cut either, and a table that fits is no
    Tab stop."""
    for width in (390, 1280):
        tab = browser.new_page(viewport={"width": width, "height": 900})
        tab.goto(f"{served_import}/global/reddit/")
        tab.locator(".md-typeset__scrollwrap").first.wait_for(state="attached")
        assert tab.evaluate(CUT_WORDS, tab.locator("article").element_handle()) == []
        tab.wait_for_function("document.querySelectorAll('.md-typeset__scrollwrap:not([data-pk-watched])').length"
                              " === 0", timeout=5000)
        boxes = tab.evaluate("""() => Array.from(document.querySelectorAll('.md-typeset__scrollwrap'), box => [
            box.scrollWidth > box.clientWidth + 1, box.getAttribute('tabindex'), box.getAttribute('role'),
            box.getAttribute('aria-labelledby') && document.getElementById(box.getAttribute('aria-labelledby'))
                .textContent])""")
        scrolling = [box for box in boxes if box[0]]
        assert all(box[1:] == [None, None, None] for box in boxes if not box[0])
        if width == 1280:
            assert scrolling == []
            continue
        assert len(scrolling) >= 5
        assert all(box[1:3] == ["0", "group"] for box in scrolling)
        assert scrolling[0][3] == "What Information We Collect"
        for _ in range(60):
            tab.keyboard.press("Tab")
            if tab.evaluate("document.activeElement.matches('.md-typeset__scrollwrap')"):
                break
        assert tab.evaluate("document.activeElement.getAttribute('aria-labelledby')") == "what-information-we-collect"
        tab.keyboard.press("ArrowRight")
        tab.wait_for_function("document.activeElement.scrollLeft > 0")
        tab.close()


def test_axe_does_find_a_violation(served_example, browser):
    """The audit can fail: a page whose title is removed, whose link loses its text and whose
    `<h1>` is followed by an `<h4>` is caught (the last by a best-practice rule)."""
    tab = browser.new_page()
    tab.goto(f"{served_example}/us/website/archive/")
    tab.evaluate("document.title = ''; document.querySelector('.pk-archive a').textContent = '';"
                 " document.getElementById('__title').insertAdjacentHTML('afterend', '<h4>Versions</h4>')")
    tab.evaluate(_axe_script())
    result = tab.evaluate("options => axe.run(document, options)",
                          {"runOnly": {"type": "tag", "values": AUDIT_TAGS}, "resultTypes": ["violations"]})
    assert {"document-title", "link-name", "heading-order"} <= {v["id"] for v in result["violations"]}
    tab.close()


def test_a_phone_reaches_the_sections_of_a_dated_version(served_example, browser):
    """On a phone the drawer holds the region's statements and the page itself; under the page,
    its table of contents, whose entries lead to the sections."""
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    tab.goto(f"{served_example}/br/products/2023-06-30/")
    assert tab.locator(".md-sidebar--secondary").is_hidden()
    tab.keyboard.press("Tab")
    skip = tab.locator("a.md-skip")
    assert skip.is_visible() and skip.inner_text() == "Pular para conteúdo"
    tab.evaluate("document.activeElement.blur()")
    tab.click("label.md-header__button[for=__drawer]")
    drawer = tab.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")
    assert drawer.all_inner_texts()[:2] == ["Início", "Declaração de Privacidade dos Produtos Lenovo"]
    tab.click(".md-nav--primary label[for=__toc]")
    entry = tab.locator(".md-nav--primary .md-nav--secondary a[href='#user-profile']")
    entry.wait_for(state="visible")
    entry.click()
    assert tab.url.endswith("/br/products/2023-06-30/#user-profile")
    assert tab.locator("#user-profile").is_visible()
    tab.close()


@pytest.mark.parametrize("name", ["moto-body.html", "moto-body.page.html"])
def test_a_fragment_reads_right_from_a_server_that_sends_no_charset(served_example, browser, name):
    """The test server sends `text/html` with no charset: Chromium would read UTF-8 as
    windows-1252 ("DeclaraÃ§Ã£o"); the fragment's characters are references, so it cannot."""
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    response = tab.goto(f"{served_example}/fragments/products/br/latest/{name}")
    assert "charset" not in response.headers["content-type"]
    text = tab.locator("section.pk-fragment").inner_text()
    assert "Declaração de Privacidade dos Produtos Lenovo" in text and "Ã" not in text
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    if name.endswith(".page.html"):
        assert tab.title() == "Moto Body – Declaração de Privacidade dos Produtos Lenovo"
        assert tab.evaluate("document.documentElement.lang") == "pt-BR"
        assert tab.evaluate("document.characterSet") == "UTF-8"
    tab.close()


def test_the_search_dialog_is_named_in_the_page_language(served_example, browser):
    """Material's search dialog has no name (axe's `aria-dialog-name`): privacykit's copy of its
    partial names it with the theme's word for "Search" in the page's language."""
    tab = browser.new_page()
    names = {}
    for url in ("us/website/", "br/products/", "cn/website/", "404.html"):
        tab.goto(f"{served_example}/{url}")
        names[url] = tab.get_attribute(".md-search[role=dialog]", "aria-label")
    assert names == {"us/website/": "Search", "br/products/": "Pesquisar", "cn/website/": "查找", "404.html": "Search"}
    tab.close()


def test_the_search_partial_is_materials_but_for_the_dialog_name():
    """privacykit's `partials/search.html` is a copy of the installed Material's but for the
    dialog's name and the result count's `role="status"`: after a Material update that changes
    it, the copy must be made again."""
    from material import templates

    from privacykit.mkdocs.plugin import THEME_DIR

    ours = (Path(THEME_DIR) / "partials/search.html").read_text("utf-8").split("-#}\n", 1)[1]
    theirs = resources.files(templates).joinpath("partials/search.html").read_text("utf-8").split("-#}\n", 1)[1]
    ours = ours.replace('<div class="md-search-result__meta" role="status">', '<div class="md-search-result__meta">', 1)
    assert ours.replace(' aria-label="{{ lang.t(\'search\') }}">', ">", 1) == theirs


def test_the_header_partial_is_materials_but_for_the_drawer_and_search_buttons():
    """privacykit's `partials/header.html` is a copy of the installed Material's but for the
    drawer's and the search's buttons inside their labels (Tab stops, named buttons that say
    whether what they open is open)."""
    from material import templates

    from privacykit.mkdocs.plugin import THEME_DIR

    ours = (Path(THEME_DIR) / "partials/header.html").read_text("utf-8").split("-#}\n", 1)[1]
    theirs = resources.files(templates).joinpath("partials/header.html").read_text("utf-8").split("-#}\n", 1)[1]
    button = ('\n      <span class="pk-drawer-button" tabindex="0" role="button" aria-label="{{ lang.t(\'nav\') }}"'
              ' aria-expanded="false">')
    ours = ours.replace(f'for="__drawer">{button}', 'for="__drawer">', 1)
    ours = ours.replace('.svg" %}\n      </span>\n    </label>', '.svg" %}\n    </label>', 1)
    search = ('\n          <span class="pk-search-button" tabindex="0" role="button" aria-label="{{ lang.t(\'search\') }}"'
              ' aria-haspopup="dialog" aria-expanded="false">')
    ours = ours.replace(f'for="__search">{search}', 'for="__search">', 1)
    assert ours.replace('.svg" %}\n          </span>\n        </label>', '.svg" %}\n        </label>', 1) == theirs


# The pages of the results listed (each result's address, up to its `#`) and the titles shown.
_RESULTS = """() => [...document.querySelectorAll('.md-search-result__link')].map(a => ({
  page: new URL(a.href).pathname.replace(/^\\/+/, ''), title: a.querySelector('h1, h2').innerText}))"""


@pytest.mark.parametrize(("url", "typed", "language"), [
    ("br/website/", "cookies", ("br/",)),
    ("cn/products/2023-06-30/", "Lenovo", ("cn/",)),
    ("us/website/", "cookies", ("us/", "us-ca/", "global/", "eu/", "uk/")),
])
def test_search_lists_the_readers_statement_then_its_language_first(served_example, browser, url, typed, language):
    """A reader's search lists results of the statement they read first (a dated version's:
    its statement in force), then of their language, then the rest; no title shows a
    permalink sign."""
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    tab.goto(f"{served_example}/{url}")
    tab.locator(".md-search__input").wait_for(state="attached")
    tab.keyboard.press("/")
    tab.keyboard.type(typed)
    tab.locator(".md-search-result__item").first.wait_for()
    results = tab.evaluate(_RESULTS)
    statement = "/".join(url.split("/")[:2]) + "/"
    pages = [r["page"].split("?")[0] for r in results]
    assert pages[0] == statement
    own = [p == statement for p in pages]
    assert own == sorted(own, reverse=True), pages            # the statement's results, then no more of it
    native = [p.startswith(language) for p in pages]
    assert native == sorted(native, reverse=True), pages      # the reader's language, then the rest
    assert len(set(pages)) > 2                                 # the rest of the site is still listed
    assert not [r["title"] for r in results if "¶" in r["title"]]
    tab.close()


def test_the_drawer_button_opens_by_keyboard_on_a_phone(served_example, browser):
    """On a phone the drawer's button is a Tab stop named "Navigation" in the page's language;
    Enter opens the drawer and takes the focus to its first link, Escape closes it and gives
    the focus back, and Space opens it too. On a desktop it is not displayed, nor a Tab stop."""
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    tab.goto(f"{served_example}/br/website/")
    button = "label.md-header__button[for=__drawer] > .pk-drawer-button"
    for _ in range(4):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.matches('.pk-drawer-button')"):
            break
    assert tab.evaluate(_FOCUS) == {"text": "Navegação", "seen": True}
    assert tab.get_attribute(button, "role") == "button"
    assert tab.get_attribute(button, "aria-expanded") == "false"
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.getElementById('__drawer').checked")
    assert tab.get_attribute(button, "aria-expanded") == "true"
    assert tab.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    tab.wait_for_timeout(400)   # (the drawer slides in)
    assert tab.evaluate(_FOCUS)["seen"]
    tab.keyboard.press("Escape")
    assert not tab.evaluate("document.getElementById('__drawer').checked")
    assert tab.evaluate("document.activeElement.matches('.pk-drawer-button')")
    tab.keyboard.press(" ")
    assert tab.evaluate("document.getElementById('__drawer').checked")
    tab.keyboard.press("Escape")
    tab.set_viewport_size({"width": 1280, "height": 900})
    assert tab.locator(button).is_hidden()
    tab.close()


@pytest.mark.parametrize(("width", "shown", "hidden"), [(1280, "table", "list"), (390, "list", "table")])
def test_an_archive_shows_one_of_its_table_and_its_list(served_example, browser, width, shown, hidden):
    """The archive is a table on a desktop and a list on a phone; the other is not displayed,
    so a screen reader does not read every version twice (Material displays every list in text)."""
    tab = browser.new_page(viewport={"width": width, "height": 900})
    tab.goto(f"{served_example}/us/website/archive/")
    assert tab.locator(f".pk-archive__{shown}").is_visible()
    assert tab.locator(f".pk-archive__{hidden}").is_hidden()
    tab.close()


# Where the focused element is, and whether a reader sees it: a box inside the window, in no transparent box (the
# closed search on a phone is one: its query was a Tab stop nobody saw).
_FOCUS = """() => { const e = document.activeElement, r = e.getBoundingClientRect();
  let clear = false;
  for (let a = e.parentElement; a; a = a.parentElement) clear = clear || getComputedStyle(a).opacity === '0';
  return {text: (e.innerText || e.getAttribute('aria-label') || '').trim(),
          seen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && !clear &&
                r.left < innerWidth && r.top < innerHeight && getComputedStyle(e).visibility === 'visible'}; }"""


@pytest.mark.parametrize("width", WIDTHS)
def test_the_keyboard_focus_is_always_seen_and_reaches_the_previous_version(served_example, browser, width):
    """Tab never stops on something unseen: on a phone the navigation drawer and the table of
    contents beside it come into view while a link in them has the focus, and the search's
    empty result box is out of the order while the search is closed. The skip link leads past
    the navigation, and Tab from there reaches "Review previous version"."""
    tab = browser.new_page(viewport={"width": width, "height": 900})
    tab.goto(f"{served_example}/us/website/")
    unseen = []
    for _ in range(20):
        tab.keyboard.press("Tab")
        focus = tab.evaluate(_FOCUS)
        if not focus["seen"]:
            unseen.append(focus["text"][:40])
    assert unseen == []
    tab.goto(f"{served_example}/us/website/")
    tab.keyboard.press("Tab")
    assert tab.evaluate(_FOCUS) == {"text": "Skip to content", "seen": True}
    tab.keyboard.press("Enter")
    # (the skip link moves to the title's anchor; the address changes after the key press returns: wait for it,
    # failing after 5 s)
    tab.wait_for_function("() => location.hash === '#__title'", timeout=5000)
    assert tab.url.endswith("#__title")
    stops = []
    while len(stops) < 15 and (not stops or stops[-1]["text"] != "Review previous version"):
        tab.keyboard.press("Tab")
        stops.append(tab.evaluate(_FOCUS))
    assert stops[-1] == {"text": "Review previous version", "seen": True}
    assert all(stop["seen"] for stop in stops)
    tab.close()


def test_choosing_a_contents_entry_in_the_drawer_takes_the_focus_to_its_heading(served_example, browser):
    """On a phone, Enter on a table-of-contents entry in the drawer closes it and scrolls to the
    section: the focus goes to the section's heading (not back to `<body>`), and Tab goes on
    from there, to the heading's own permanent link."""
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    tab.goto(f"{served_example}/br/products/2023-06-30/")
    tab.click("label.md-header__button[for=__drawer]")
    tab.click(".md-nav--primary label[for=__toc]")
    entry = tab.locator(".md-nav--primary .md-nav--secondary a[href='#user-profile']")
    entry.wait_for(state="visible")
    entry.focus()
    tab.keyboard.press("Enter")
    tab.wait_for_function("document.activeElement !== document.body", timeout=5000)
    assert tab.evaluate("document.activeElement.matches('#user-profile > .pk-heading > h3')")
    assert tab.evaluate(_FOCUS)["seen"]
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.matches('#user-profile > .pk-heading > a.headerlink')")
    tab.close()


# Pages whose headings are read in Chromium's accessibility tree, and how their permanent links' names begin
# (none: the page has no permanent links).
HEADING_PAGES = {
    "us/website/": "Link to this section: ",
    "br/products/": "Link para esta seção: ",
    "cn/products/": "链接到本节：",
    "cn/website/2023-06-30/": "Link to this section: ",    # English text on a Chinese page: English links
    "eu/products/draft/": "Link to this section: ",
    "br/products/draft/": "Link para esta seção: ",
    "cn/products/draft/": "链接到本节：",
    "us/website/2024-03-05/changes/": None,
    "br/website/2024-03-05/changes/": None,
    "cn/products/2024-03-05/changes/": None,
    "us/website/archive/": None,
    "br/products/archive/": None,
    "cn/products/archive/": None,
}
# A heading or a link in Playwright's snapshot of the tree (YAML: a line with ": " in it is quoted whole).
_TREE_LINE = re.compile(r"""^\s*- (')?(heading|link) "(.*)"(?: \[level=\d\])?(?(1)'):?$""")


def _tree(tab) -> list[tuple[str, str]]:
    """The article's headings and links in Chromium's accessibility tree: (role, name)."""
    lines = tab.locator("article").aria_snapshot().splitlines()
    return [(m[2], m[3].replace("''", "'") if m[1] else m[3]) for m in map(_TREE_LINE.match, lines) if m]


@pytest.mark.parametrize("url", list(HEADING_PAGES))
def test_a_heading_is_named_by_its_text_and_its_permanent_link_by_where_it_leads(served_example, browser, url):
    """Chromium's accessibility tree: each heading's name is its text alone (its permanent link,
    `¶`, is beside it, not in it: the name ended in "¶"), and right after a statement's heading
    comes its link, named "Link to this section: <heading>" in the heading's language; a
    table-of-contents entry is the heading's text too. In English, Portuguese and Chinese, on
    statement pages in force, dated and draft, redlines and archives."""
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    tab.goto(f"{served_example}/{url}")
    tree = _tree(tab)
    texts = tab.evaluate("""[...document.querySelectorAll('article :is(h1, h2, h3, h4, h5, h6)')]
        .filter(h => h.checkVisibility()).map(h => h.textContent.replace(/\\s+/g, ' ').trim())""")
    names = [name for role, name in tree if role == "heading"]
    assert len(names) >= 3 and names == texts
    assert not [name for name in names if "¶" in name]
    prefix = HEADING_PAGES[url]
    if prefix is None:
        assert tab.locator("a.headerlink").count() == 0
    else:
        links = [(name, tree[i + 1]) for i, (role, name) in enumerate(tree[1:-1], 1) if role == "heading"]
        assert len(links) >= 10 and links == [(name, ("link", prefix + name)) for name, _ in links]
        contents = tab.locator(".md-sidebar--secondary .md-nav__link").all_inner_texts()
        assert contents and not [entry for entry in contents if "¶" in entry]
    tab.close()


def test_a_heading_and_its_permanent_link_keep_materials_spacing(served_example, browser):
    """The heading and its `¶` sit side by side in a box that takes the heading's margins: Material's
    own margins for a bare `<h2>` and `<h3>` there (`privacykit.css` copies Material 9's; a theme
    update that changes them fails here), and the `¶` right after the heading's last word."""
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    tab.goto(f"{served_example}/us/website/")
    spacing = tab.evaluate("""() => [2, 3].map(n => {
        const box = document.querySelector('.pk-heading--h' + n), bare = document.createElement('h' + n);
        bare.textContent = 'x';
        box.before(bare);
        const [a, b] = [getComputedStyle(bare), getComputedStyle(box)];
        const link = box.querySelector('.headerlink').getBoundingClientRect();
        const heading = box.firstElementChild.getClientRects(), last = heading[heading.length - 1];
        const result = [a.marginTop === b.marginTop && a.marginBottom === b.marginBottom,
                        last.top <= (link.top + link.bottom) / 2 && (link.top + link.bottom) / 2 <= last.bottom
                        && link.left >= last.right,
                        getComputedStyle(box.firstElementChild).fontSize === a.fontSize];
        bare.remove();
        return result;
    })""")
    assert spacing == [[True, True, True], [True, True, True]]
    tab.close()


# The focused element's outline, its colour against the page's and the element's own colours.
_RING = """() => { const e = document.activeElement, s = getComputedStyle(e);
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => rgb(c).map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
                        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  let back = e, bg = 'rgba(0, 0, 0, 0)';
  while (back && (bg = getComputedStyle(back).backgroundColor) === 'rgba(0, 0, 0, 0)') back = back.parentElement;
  return {width: parseFloat(s.outlineWidth), style: s.outlineStyle, text: e.innerText.trim(),
          background: ratio(s.outlineColor, back ? bg : 'rgb(255, 255, 255)'), element: ratio(s.outlineColor, s.color)}; }"""


def test_the_focus_ring_is_thick_and_stands_out(served_example, browser):
    """The keyboard's focus ring is 2 to 3 px, solid, and at least 3:1 against the page behind it
    and against the focused link's own colour, in the text and in the red header."""
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    tab.goto(f"{served_example}/us/website/")
    tab.locator("a.pk-previous__link").focus()
    tab.keyboard.press("Shift+Tab")
    tab.keyboard.press("Tab")          # (a focus by keyboard: `:focus-visible`)
    ring = tab.evaluate(_RING)
    assert ring["text"] == "Review previous version"
    assert 2 <= ring["width"] <= 3 and ring["style"] == "solid"
    assert ring["background"] >= 3 and ring["element"] >= 3, ring
    tab.locator(".md-header a.md-header__button.md-logo").focus()
    tab.keyboard.press("Shift+Tab")
    tab.keyboard.press("Tab")
    header = tab.evaluate(_RING)
    assert 2 <= header["width"] <= 3 and header["background"] >= 3 and header["element"] >= 3, header
    tab.close()


@pytest.mark.parametrize("url", ["fragments/products/br/latest/moto-body.page.html", "us/products/"])
def test_long_addresses_wrap_at_200_percent_zoom_on_a_phone(served_example, browser, url):
    """A phone 390 px wide at 200 % zoom is a window 195 CSS px wide: "privacy@motorola.com" and
    the like wrap instead of widening the page."""
    tab = browser.new_page(viewport={"width": 195, "height": 700})
    tab.goto(f"{served_example}/{url}")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 195
    tab.close()


def test_the_404_page_puts_the_language_of_the_address_first(served_example, example_site, browser):
    """The 404 page is the same file at every address: under `/br/…` its Portuguese block comes
    first, under the title, with its links home and to Brazil's statements."""
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    tab.route("**/br/no-such-page/", lambda route: route.fulfill(status=404, path=example_site / "404.html"))
    tab.goto(f"{served_example}/br/no-such-page/")
    first = tab.locator(".pk-not-found__language").first
    assert first.get_attribute("lang") == "pt-BR"
    links = first.locator("a")
    assert links.first.inner_text() == "Início"
    assert links.nth(1).get_attribute("href") == "/br/products/"
    tab.close()


# The focused element for a walk through a page: whether it is seen (`_FOCUS`), whether its focus ring shows (an
# outline at least 2 px wide; on the fragment's page, which leaves focus to its host's styles, the browser's own
# ring, `auto`), and whether it is the page's end (the focus has left the page: `<body>`).
_STOP = """() => { const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  return {text: (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 40), skip: e.matches('.md-skip'),
          ring: s.outlineStyle === 'auto' ? !!e.closest('.pk-fragment')
                : s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2}; }"""


def _keyboard_problems(tab, kind: str) -> list[str]:
    """Tab through the page open in `tab` from its top to its end: every stop is seen and has its focus ring, Tab
    reaches the end (no trap, fewer than 200 stops), the first stop is the skip link and Enter on it takes the focus
    to the page's title (the fragment's page has no navigation to skip). Tab from the page's end comes back to its
    top, so the skip link is reached again without loading the page again."""
    where = f"keyboard, {tab.viewport_size['width']} px, {kind}"
    stops = []
    while len(stops) < 200:
        tab.keyboard.press("Tab")
        stop = tab.evaluate(f"() => {{ const stop = ({_STOP})(); return stop && {{...stop, seen: ({_FOCUS})().seen}}; }}")
        if stop is None:
            break
        stops.append(stop)
    problems = [f"{where}: {stop['text']!r} unseen or without a ring" for stop in stops
                if not (stop["seen"] and stop["ring"])]
    if len(stops) >= 200:
        problems.append(f"{where}: Tab did not reach the end of the page in 200 stops")
    if kind.startswith("fragment") or len(stops) >= 200:
        return problems
    if not stops or not stops[0]["skip"]:
        return [*problems, f"{where}: the first stop is not the skip link"]
    tab.keyboard.press("Tab")
    if not (tab.evaluate(_STOP) or {}).get("skip"):
        return [*problems, f"{where}: Tab from the page's end does not come back to the skip link"]
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => document.activeElement.id === '__title'", timeout=5000)
    return problems


# WCAG 1.4.12's text spacing, the most a reader may set.
TEXT_SPACING = ("* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }"
                " p { margin-bottom: 2em !important; }")
# What does not fit a window: an element wider than it outside a box that scrolls (a table may scroll), and a box
# that hides part of its text (but an ellipsis the header shows on purpose, the visually hidden words, the sidebars).
_CUT = """() => { const out = [];
  const scrolls = e => { for (let a = e.parentElement; a; a = a.parentElement)
    if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return true; return false; };
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    if (!e.checkVisibility() || !r.width || !r.height || e.closest('.md-sidebar, .md-search, .pk-sr-only')) continue;
    if (r.right > innerWidth + 1 && !scrolls(e) && s.position !== 'fixed') out.push('wider: ' + e.outerHTML.slice(0, 80));
    if ([s.overflowX, s.overflowY].includes('hidden') && s.textOverflow !== 'ellipsis' && e.textContent.trim()
        && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1))
      out.push('cut: ' + e.outerHTML.slice(0, 80));
  }
  if (document.documentElement.scrollWidth > innerWidth) out.push('page: ' + document.documentElement.scrollWidth);
  return out; }"""


def _reflow_problems(tab, kind: str) -> list[str]:
    """What does not fit the 320 px window of `tab`, on the page open in it, then with WCAG 1.4.12's text spacing
    added to it."""
    problems = [f"reflow, 320 px, {kind}: {cut}" for cut in tab.evaluate(_CUT)]
    tab.add_style_tag(content=TEXT_SPACING)
    return problems + [f"reflow, 320 px, {kind} (spaced): {cut}" for cut in tab.evaluate(_CUT)]


@pytest.mark.parametrize("kind", list(EXAMPLE_PAGES))
def test_every_page_kind_in_chromium(served_example, browser, kind):
    """One kind of the example's pages, opened once in each window (`WINDOWS`). At a phone's width and a desktop's:
    axe-core finds no violation, the page is no wider than the window, and Tab walks it from its top to its end
    (`_keyboard_problems`). A desktop at 400 % zoom is a window 320 CSS px wide (WCAG 1.4.10): the page fits it
    with nothing cut off and no scrolling sideways, also with WCAG 1.4.12's text spacing (line height 1.5,
    paragraphs 2 em apart, letters .12 em, words .16 em). Each problem names its check, width and page kind."""
    address = f"{served_example}/{EXAMPLE_PAGES[kind]}"
    with _windows(browser, (served_example,), WINDOWS) as (phone, desktop, zoomed):
        for tab in (phone, desktop):
            _start_audit(tab, address)
        zoomed.goto(address)
        problems = _reflow_problems(zoomed, kind)
        for tab in (phone, desktop):
            # (the walk waits for the audit: keys pressed while axe runs could change what it reads)
            problems += _audit_problems(tab, kind)
            problems += _keyboard_problems(tab, kind)
    assert problems == []


def test_the_reflow_check_finds_a_box_wider_than_the_window(served_example, browser):
    """The check of `test_every_page_kind_in_chromium` at 320 px can fail: a box 400 px wide is found."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        tab = context.new_page()
        tab.goto(f"{served_example}/us/website/")
        tab.evaluate("document.querySelector('.pk-statement p').insertAdjacentHTML('beforeend',"
                     " '<span style=\"display: inline-block; width: 400px\">x</span>')")
        assert tab.evaluate(_CUT)
    finally:
        context.close()


# A product's page, dark, that embeds the Vantage section both ways: fetched into the page and as an iframe.
DARK_HOST = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lenovo Vantage settings</title><style>body{margin:0;background:#000;color:#eee;font:16px system-ui}</style>
</head><body><main><h1>Privacy</h1><div id="notice"></div>
<iframe title="Lenovo Vantage privacy notice" src="fragments/products/eu/latest/lenovo-vantage.page.html"
 style="width:100%;height:30em;border:0"></iframe></main></body></html>"""


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_a_fragment_in_a_dark_host_passes_axe_on_a_phone(served_example, browser, scheme, tmp_path):
    """A dark host page 360 px wide, the reader's preference dark or light: the fetched fragment and
    the iframe page set their text colour and background together, so axe finds nothing either way
    (embed44). The screenshot is kept in the test's folder for a look."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, color_scheme=scheme)
    context.route(f"{served_example}/host.html", lambda route: route.fulfill(body=DARK_HOST, content_type="text/html"))
    context.add_init_script(_axe_script())
    try:
        tab = context.new_page()
        tab.goto(f"{served_example}/host.html")
        tab.evaluate("""async () => {
            const response = await fetch("fragments/products/eu/latest/lenovo-vantage.html");
            document.getElementById("notice").innerHTML = await response.text(); }""")
        tab.frame_locator("iframe").locator("h1").wait_for()
        background = tab.evaluate("getComputedStyle(document.querySelector('.pk-fragment')).backgroundColor")
        assert background == ("rgb(18, 18, 18)" if scheme == "dark" else "rgb(255, 255, 255)")
        assert tab.evaluate("document.documentElement.scrollWidth") <= 360
        tab.screenshot(path=str(tmp_path / f"fragment-{scheme}-host-360.png"), full_page=True)
        result = tab.evaluate("options => axe.run(document, options)",
                              {"runOnly": {"type": "tag", "values": AUDIT_TAGS}, "resultTypes": ["violations"]})
        assert [(v["id"], v["nodes"][0]["target"]) for v in result["violations"]] == []
    finally:
        context.close()


# The focused element: what it is, in the search dialog or not, and whether the dialog is open.
_WHERE = """() => { const e = document.activeElement;
  return {input: e.matches('.md-search__input'), result: e.matches('.md-search-result__link'),
          href: e.getAttribute('href'), inDialog: !!e.closest('.md-search'),
          open: document.getElementById('__search').checked}; }"""


def _tab_to_the_search(tab) -> None:
    """Tab from the top of the page to the search's query (the third stop on a desktop), or on a
    phone to the header's search button (the third stop) and Enter."""
    for _ in range(6):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.matches('.pk-search-button')"):
            tab.keyboard.press("Enter")
        if tab.evaluate("document.activeElement.matches('.md-search__input')"):
            return
    raise AssertionError("Tab did not reach the search field in 6 stops")


@pytest.mark.parametrize("width", WIDTHS)
def test_search_results_are_reached_and_opened_with_tab(served_example, browser, width):
    """Searching by keyboard alone: Tab to the search, type, hear the count (a status), Tab to the
    first result and the next (each named by its title), Shift+Tab back to the query, and Enter
    on a result opens it with the focus on the section's heading. Material's own handler closed the dialog on Tab, and its
    results are out of the Tab order (`tabindex="-1"`): Tab from the query went to the page's
    navigation and the results were left unread."""
    tab = browser.new_page(viewport={"width": width, "height": 844})
    tab.goto(f"{served_example}/br/products/")
    _tab_to_the_search(tab)
    tab.keyboard.type("cookies")
    tab.locator(".md-search-result__item").first.wait_for()
    count = tab.locator(".md-search-result__meta")
    assert count.get_attribute("role") == "status"
    assert count.inner_text() == "13 documentos encontrados"
    tab.keyboard.press("Tab")
    first = tab.evaluate(_WHERE)
    assert first["result"] and first["open"], first
    assert first["href"].endswith("/br/products/?h=")          # the reader's own statement first
    tab.keyboard.press("Tab")
    second = tab.evaluate(_WHERE)
    assert second["result"] and second["open"] and second["href"] != first["href"], second
    # A result is named by its title, not by its whole excerpt.
    focused = tab.locator(".md-search-result__link:focus")
    title = focused.locator("h1, h2").inner_text()
    assert focused.aria_snapshot().splitlines()[0] == f'- link "{title}":'
    assert len(focused.inner_text()) > 3 * len(title)
    tab.keyboard.press("Shift+Tab")
    assert tab.evaluate(_WHERE)["href"] == first["href"]
    tab.keyboard.press("Shift+Tab")
    assert tab.evaluate(_WHERE)["input"]
    tab.keyboard.press("Tab")
    tab.keyboard.press("Tab")
    assert tab.evaluate(_WHERE)["href"] == second["href"]
    tab.keyboard.press("Enter")
    tab.wait_for_url(second["href"])
    anchor = second["href"].split("#", 1)[1]
    tab.wait_for_function("document.activeElement !== document.body", timeout=5000)
    assert tab.evaluate(f"document.activeElement.matches('#{anchor}, #{anchor} > .pk-heading > :is(h2, h3, h4)')")
    assert tab.evaluate(_FOCUS)["seen"]
    tab.close()


def test_the_focus_leaving_the_search_closes_it(served_example, browser):
    """Shift+Tab from the query, or Tab past the last result (Material shows more results as the
    focus scrolls down to them), goes on out of the dialog and closes it: the focus is never left
    under an open search."""
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    for key in ("Shift+Tab", "Tab"):
        tab.goto(f"{served_example}/us/website/")
        _tab_to_the_search(tab)
        tab.keyboard.type("Motorola Rewards")
        tab.locator(".md-search-result__item").first.wait_for()
        results = 0
        while results < 100:
            tab.keyboard.press(key)
            where = tab.evaluate(_WHERE)
            if not where["inDialog"]:
                break
            assert where["open"], where    # (a result, or "N more on this page")
            results += 1
        assert not where["open"], (key, results, where)
        assert results == 0 if key == "Shift+Tab" else 2 <= results < 100, (key, results)
        assert tab.evaluate(_FOCUS)["seen"]
    tab.close()


def _search_closed(tab) -> None:
    """Wait until the search is closed, then a little longer: nothing may open it again (a busy browser runs
    Material's handlers late, so a fixed wait alone read the state before Escape was handled)."""
    tab.wait_for_function("!document.getElementById('__search').checked", timeout=5000)
    tab.wait_for_timeout(100)


def _results_shown(tab, typed: str) -> None:
    tab.keyboard.type(typed)
    tab.locator(".md-search-result__item").first.wait_for()


@pytest.mark.parametrize("width", WIDTHS)
def test_escape_closes_the_search_and_gives_the_focus_back_to_what_opened_it(served_example, browser, width):
    """Escape in the search closes it and the focus goes back where it came from (it fell to
    `<body>`): to the link that had it when `/` opened the search, from the query or a result; on a
    desktop to the query in the header, whence typing opens the results again; on a phone to the
    header's search button, which Enter opens the search with (`aria-expanded` says so)."""
    tab = browser.new_page(viewport={"width": width, "height": 844})
    tab.goto(f"{served_example}/us/website/")
    tab.locator(".md-search__input").wait_for(state="attached")
    for move in ("", "ArrowDown"):
        tab.locator("a.pk-previous__link").focus()
        tab.keyboard.press("/")
        # Material opens the search once the query has kept the focus for its 1 ms wait: a state to wait for.
        tab.wait_for_function("document.getElementById('__search').checked", timeout=5000)
        assert tab.evaluate(_WHERE)["input"] and tab.evaluate(_WHERE)["open"]
        _results_shown(tab, "cookies")
        if move:
            tab.keyboard.press(move)
            assert tab.evaluate(_WHERE)["result"]
        tab.keyboard.press("Escape")
        _search_closed(tab)
        assert not tab.evaluate(_WHERE)["open"]
        assert tab.evaluate(_FOCUS) == {"text": "Review previous version", "seen": True}
        tab.evaluate("document.querySelector('.md-search__input').value = ''")
    tab.goto(f"{served_example}/us/website/")
    _tab_to_the_search(tab)
    _results_shown(tab, "cookies")
    tab.keyboard.press("Tab")
    assert tab.evaluate(_WHERE)["result"]
    tab.keyboard.press("Escape")
    _search_closed(tab)
    assert not tab.evaluate(_WHERE)["open"]
    if width == 1280:
        assert tab.evaluate(_WHERE)["input"] and tab.evaluate(_FOCUS)["seen"]
        tab.keyboard.type("s")
        tab.wait_for_function("document.getElementById('__search').checked", timeout=5000)
        assert tab.locator(".md-search__input").input_value() == "cookiess"
    else:
        button = tab.locator(".pk-search-button")
        assert tab.evaluate(_FOCUS) == {"text": "Search", "seen": True}
        assert button.get_attribute("aria-expanded") == "false"
        tab.keyboard.press("Enter")
        assert tab.evaluate(_WHERE)["input"] and button.get_attribute("aria-expanded") == "true"
        tab.keyboard.press("Escape")
        assert tab.evaluate(_FOCUS) == {"text": "Search", "seen": True}
    tab.close()


def test_the_closed_search_is_out_of_the_tab_order_on_a_phone(served_example, browser):
    """On a phone the closed search is a box of no size: its query is no Tab stop (it was, unseen);
    Tab goes from the header's search button to the page, and `/` still opens the search."""
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    tab.goto(f"{served_example}/br/products/")
    stops = []
    for _ in range(4):
        tab.keyboard.press("Tab")
        stops.append(tab.evaluate("document.activeElement.className.replace(' focus-visible', '')"))
        assert tab.evaluate(_FOCUS)["seen"], stops
    assert stops[:3] == ["md-skip", "pk-drawer-button", "pk-search-button"] and "md-search" not in stops[3]
    tab.evaluate("document.activeElement.blur()")
    tab.keyboard.press("/")
    assert tab.evaluate(_WHERE)["input"] and tab.evaluate(_WHERE)["open"]
    tab.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", timeout=5000)
    assert tab.evaluate(_FOCUS)["seen"]
    _results_shown(tab, "dados")
    assert tab.locator(".md-search__input").input_value() == "dados"
    tab.close()


def test_the_closed_drawer_is_out_of_the_tab_order_on_a_phone(served_example, browser):
    """On a phone, Tab goes from the header (skip link, drawer button, search) to the page: the
    closed drawer's links (the statements and the page's table of contents, 37 on this page) are
    no Tab stops, nor read by a screen reader. Opened by its button, the drawer is walked by Tab,
    and Tab out of its last link closes it."""
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    tab.goto(f"{served_example}/us/website/")
    stops = []
    for _ in range(5):
        tab.keyboard.press("Tab")
        stops.append(tab.evaluate("document.activeElement.closest('.md-sidebar--primary') ? 'drawer'"
                                  " : document.activeElement.closest('article') ? 'article' : 'header'"))
    assert stops == ["header", "header", "header", "article", "article"]
    assert "Lenovo Products Privacy Statement" not in tab.locator("body").aria_snapshot()
    tab.goto(f"{served_example}/us/website/")
    tab.locator(".pk-drawer-button").focus()
    tab.keyboard.press("Enter")
    assert "Lenovo Products Privacy Statement" in tab.locator(".md-sidebar--primary").aria_snapshot()
    walked = 0
    while walked < 60 and tab.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null"):
        assert tab.evaluate(_FOCUS)["seen"]
        tab.keyboard.press("Tab")
        walked += 1
    assert 30 < walked < 60
    assert not tab.evaluate("document.getElementById('__drawer').checked")
    assert tab.evaluate("document.activeElement.closest('article') !== null")
    tab.close()
