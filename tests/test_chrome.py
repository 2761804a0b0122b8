"""The chrome privacykit fills into every page (navigation, table of contents, skip link, language)
is the markup Material's own partials give, so the theme's styles and scripts treat it as theirs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from privacykit.mkdocs.chrome import NAV_MARKER, Shell, ShellError, Slot, ThemeWords, nav_html, toc_html
from privacykit.publish.page import NavLink, SitePage, TocEntry

WORDS = ThemeWords(skip="Skip to content", toc="Table of contents")


def _squeeze(markup: str) -> str:
    """Markup without the layout whitespace between tags (Material's templates indent)."""
    markup = re.sub(r">\s+", ">", markup)
    markup = re.sub(r'href="((?:\.\./)*\.\.)"', r'href="\1/"', markup)   # MkDocs writes the home page as ".."
    return re.sub(r"\s+<", "<", markup).replace(' aria-current="page"', "")


def _material_site(tmp_path: Path) -> str:
    """A plain MkDocs + Material site (no privacykit): Home, A, and the current page with two headings."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("Home page.\n")
    (docs / "a.md").write_text("Page A.\n")
    (docs / "current.md").write_text("## One & only {#one}\n\nText.\n\n### Two {#two}\n\nText.\n")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ntheme: {name: material}\nmarkdown_extensions: [attr_list, toc]\n"
        "nav:\n  - Home: index.md\n  - A: a.md\n  - Current: current.md\n")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    build(config)
    return (tmp_path / "site/current/index.html").read_text("utf-8")


def _between(html: str, start: str, end: str) -> str:
    begin = html.index(start) + len(start)
    return html[begin:html.index(end, begin)]


def test_navigation_and_contents_are_materials_own_markup(tmp_path):
    material = _material_site(tmp_path)
    page = SitePage("current/", "Current", "", (TocEntry("One & only", "one", 2, (TocEntry("Two", "two", 3),)),),
                    navigation=(NavLink("Home", ""), NavLink("A", "a/"), NavLink("Current", "current/")))
    primary = material[material.index('<nav class="md-nav md-nav--primary"'):]
    items = _between(primary, '<ul class="md-nav__list" data-md-scrollfix>', "</nav>\n                  </div>")
    assert _squeeze(nav_html(page, WORDS) + "</ul>") == _squeeze(items)
    sidebar = material[material.index('data-md-type="toc"'):]
    secondary = _between(sidebar, '<nav class="md-nav md-nav--secondary" aria-label="Table of contents">',
                         "</nav>\n                  </div>")
    assert _squeeze(toc_html(page.toc, WORDS)) == _squeeze(secondary)
    assert _squeeze('<a href="#one" class="md-skip">Skip to content</a>') in _squeeze(material)


def test_the_current_page_follows_its_statement_and_is_marked_current():
    page = SitePage("br/web/2024-01-10/", "Web (Brasil), 10 de janeiro de 2024", "", statement="web",
                    navigation=(NavLink("Início", ""), NavLink("Declaração web", "br/web/", "web"),
                                NavLink("Dispositivos", "br/devices/", "devices")))
    links = re.findall(r'<a href="([^"]*)" class="md-nav__link[^"]*"( aria-current="page")?>'
                       r'<span class="md-ellipsis">([^<]*)</span>', nav_html(page, WORDS))
    assert links == [("../../../", "", "Início"), ("../", "", "Declaração web"),
                     ("./", ' aria-current="page"', "Web (Brasil), 10 de janeiro de 2024"),
                     ("../../devices/", "", "Dispositivos")]


def test_a_shell_takes_another_pages_values(tmp_path):
    """The first archived page of a depth and language is rendered by the theme; the others are
    poured into its output with their own language, title, navigation, contents and skip link."""
    material = _material_site(tmp_path)
    body = material[material.index("<article"):material.index("</article>")]
    # What the theme gives privacykit's pages: a placeholder navigation, no contents, no skip link.
    nav_start = material.index('<ul class="md-nav__list" data-md-scrollfix>') + len(
        '<ul class="md-nav__list" data-md-scrollfix>')
    nav_end = material.index("</ul>\n</nav>", nav_start)
    placeholder = (material[:nav_start] + f'<li class="md-nav__item"><a href="x" class="md-nav__link">'
                   f'<span class="md-ellipsis">{NAV_MARKER}</span></a></li>' + material[nav_end:])
    placeholder = re.sub(r'(<div data-md-component="skip">).*?(</div>)', r"\1\2", placeholder, count=1, flags=re.S)
    toc_start = placeholder.index('aria-label="Table of contents">') + len('aria-label="Table of contents">')
    placeholder = placeholder[:toc_start] + placeholder[placeholder.index("</nav>", toc_start):]
    shell = Shell.parse(placeholder, body, "Current")
    assert Slot.TITLE in shell.parts and Slot.NAV in shell.parts and Slot.BODY in shell.parts
    filled = shell.fill({Slot.LANG: "pt-BR", Slot.HEAD: "<meta name=robots>", Slot.TITLE: "Outra",
                         Slot.CANONICAL: "", Slot.SKIP: "<a class=md-skip>", Slot.NAV: "<li>nav</li>",
                         Slot.TOC: "<ul>toc</ul>", Slot.BODY: "<article>new"})
    assert '<html lang="pt-BR"' in filled and "<title>Outra - T</title>" in filled
    assert "<meta name=robots></head>" in filled and "<li>nav</li></ul>" in filled
    assert "<article>new</article>" in filled and "Current" not in filled
    with pytest.raises(ShellError):
        Shell.parse(placeholder.replace(NAV_MARKER, "Something else"), body, "Current")


def test_search_reads_a_heading_out_of_its_box_and_the_theme_gets_the_box_back(example_site):
    """A heading stands beside its permanent link in a box (`<div class="pk-heading">`): search reads
    the page without the boxes (a heading inside a `<div>` would end its part where the `<div>`
    ends) and with each section's heading carrying the section's id; the theme gets the article
    back exactly as it was."""
    from privacykit.mkdocs.chrome import search_article, theme_article

    html = (example_site / "br/products/index.html").read_text("utf-8")
    article = html[html.index('<div class="pk-statement'):html.index("</article>")]
    assert article.count('<div class="pk-heading') >= 30
    searched = search_article(article)
    assert '<div class="pk-heading' not in searched
    assert '<section id="applies-to" class="pk-section pk-section--section" data-owner="legal-products">\n' \
           '<!--pk-heading pk-heading--h3--><h3 id="applies-to" data-privacykit-search>' in searched
    assert theme_article(searched) == article
