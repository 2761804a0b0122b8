"""Every page of the built example, read as a screen reader and a search engine would: its
language, skip link, navigation (followed link by link), title and words; and the sitemap,
feeds and API that machines read."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from privacykit.mkdocs.build import build_site

SITE_URL = "https://privacy.example.com/"


class PageReader(HTMLParser):
    """What the tests read of a built page: its language, title, skip link, ids, the links of
    its primary navigation (outside the table of contents) and of its tables of contents."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = self.skip = self.robots = None
        self.title = self.h1 = ""
        self.ids: set[str] = set()
        self.nav: list[dict[str, str | None]] = []      # primary navigation links
        self.toc: list[str] = []                         # hrefs of the table of contents in the drawer
        self.sidebar_toc: list[str] = []                 # hrefs of the table of contents on the right
        self.statement: dict[str, str] = {}
        self._stack: list[str] = []
        self._link: dict[str, str | None] | None = None
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        classes = (a.get("class") or "").split()
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "meta" and a.get("name") == "robots":
            self.robots = a.get("content")
        elif tag in ("title", "h1"):
            self._in = tag
        elif tag == "div" and "pk-statement" in classes:
            self.statement = {"statement": a["data-statement"], "region": a["data-region"]}
        if tag == "nav":
            self._stack.append("primary" if "md-nav--primary" in classes else
                               "secondary" if "md-nav--secondary" in classes else "nav")
        if tag == "a":
            if "md-skip" in classes:
                self.skip = a["href"]
            elif "md-nav__link" in classes and self._stack:
                if "secondary" in self._stack:
                    (self.toc if "primary" in self._stack else self.sidebar_toc).append(a["href"])
                elif "primary" in self._stack:
                    self._link = {"href": a["href"], "text": "", "current": a.get("aria-current")}

    def handle_endtag(self, tag):
        if tag == "nav" and self._stack:
            self._stack.pop()
        elif tag == "a" and self._link is not None:
            self._link["text"] = " ".join(str(self._link["text"]).split())
            self.nav.append(self._link)
            self._link = None
        elif tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._link is not None:
            self._link["text"] = str(self._link["text"]) + data
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data


def read_pages(site: Path) -> dict[str, PageReader]:
    """Every page of a built site by its address ('' for the home page, 'us/website/'…)."""
    pages = {}
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix()
        reader = PageReader()
        reader.feed(path.read_text("utf-8"))
        pages["" if url == "." else url + "/"] = reader
    return pages


@pytest.fixture(scope="module")
def pages(example_site):
    return read_pages(example_site)


def region_of(url: str, example_project) -> str | None:
    first = url.split("/")[0]
    return first if first in example_project.regions else None


def statement_like(url: str) -> bool:
    """In force, dated, draft: the pages that show a statement's text."""
    parts = url.strip("/").split("/")
    return len(parts) == 2 or (len(parts) == 3 and (parts[2] == "draft" or re.fullmatch(r"\d{4}-\d\d-\d\d", parts[2])))


def test_every_page_speaks_its_regions_language_and_has_a_skip_link(pages, example_project):
    assert len(pages) > 100
    for url, page in pages.items():
        region = region_of(url, example_project)
        assert page.lang == (example_project.regions[region].locale if region else "en"), url
        assert page.skip == "#__title" and "__title" in page.ids, url
        assert page.h1.strip() == page.title.rsplit(" - ", 1)[0].strip(), url


def test_the_theme_speaks_the_pages_language(example_site):
    br = (example_site / "br/products/2023-06-30/index.html").read_text("utf-8")
    assert 'class="md-skip">Pular para conteúdo</a>' in br and 'aria-label="Índice"' in br
    assert 'placeholder="Buscar"' in br
    cn = (example_site / "cn/website/archive/index.html").read_text("utf-8")
    assert 'class="md-skip">跳转至</a>' in cn and 'placeholder="搜索"' in cn
    us = (example_site / "us/website/2023-06-30/index.html").read_text("utf-8")
    assert 'class="md-skip">Skip to content</a>' in us and 'placeholder="Search"' in us


def test_statement_pages_have_their_sections_in_the_drawer_and_on_the_right(pages):
    checked = 0
    for url, page in pages.items():
        if not statement_like(url):
            continue
        assert len(page.toc) >= 10 and page.toc == page.sidebar_toc, url
        assert all(href.startswith("#") and href[1:] in page.ids for href in page.toc), url
        checked += 1
    assert checked >= 60


def test_search_reads_each_section_under_its_heading(example_site):
    """Material's search splits a page at headings with an id; a section's id is on its
    `<section>`, and the plugin gives the search its heading's id: each section is a result of
    its own, titled by its heading with no permalink sign (`¶`, beside the heading and out of the index), and each entry of a statement
    says its statement and language (read by the search worker, `privacykit-search.js`)."""
    index = json.loads((example_site / "search/search_index.json").read_text("utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    assert not [at for at, doc in docs.items() if "¶" in doc["title"] or "¶" in doc["text"]]
    assert docs["br/website/#applies-to"]["title"] == "A que esta declaração se aplica"
    assert not docs["br/website/#about"]["text"].startswith("A que esta")
    # (a heading in its box beside its permanent link, `_section.html`, still opens its part: the part's text is
    # the section's, not left to the part before it)
    assert docs["us/website/#applies-to"]["text"].startswith("<p>Your privacy is important to Lenovo.")
    assert docs["us/website/#about"]["text"] == ""
    assert docs["br/website/#applies-to"]["privacykit"] == {"statement": "website", "lang": "pt-BR"}
    assert docs["cn/products/#about"]["privacykit"] == {"statement": "products", "lang": "zh-CN"}
    assert all("privacykit" in doc for at, doc in docs.items() if at.count("/") >= 2)


def test_every_page_tells_the_search_worker_what_it_reads(example_site):
    """Each page starts privacykit's search worker, which loads Material's beside it and is told
    the page's address, statement and language; a dated page's search is its statement's."""
    workers = example_site / "assets/javascripts/workers"
    material = next(workers.glob("search.*.js")).name
    assert (workers / "privacykit-search.js").is_file()

    def worker(url: str) -> str:
        text = (example_site / url / "index.html").read_text("utf-8")
        config = json.loads(re.search(r'<script id="__config"[^>]*>(.*?)</script>', text, re.S).group(1))
        return config["search"]

    assert worker("br/website") == ("../../assets/javascripts/workers/privacykit-search.js"
                                    f"?material={material}&page=br%2Fwebsite%2F&statement=website&lang=pt-BR")
    assert worker("cn/products/2023-06-30").endswith("&page=cn%2Fproducts%2F2023-06-30%2F&statement=products&lang=zh-CN")
    assert worker(".").endswith("privacykit-search.js?material=" + material + "&page=&statement=&lang=en")


def test_english_text_on_a_portuguese_page_says_it_is_english(example_site):
    """Before the translation (2024-05-01), Brazil read the English text."""
    html = (example_site / "br/products/2023-06-30/index.html").read_text("utf-8")
    assert '<html lang="pt-BR"' in html
    assert '<div class="pk-statement__text" lang="en">' in html
    assert '<a href="#applies-to" class="md-nav__link" lang="en">' in html
    translated = (example_site / "br/products/index.html").read_text("utf-8")
    assert '<div class="pk-statement__text" lang="pt-BR">' in translated
    assert '<a href="#applies-to" class="md-nav__link">' in translated
    # Release summaries are written once, in English: a pt-BR page reads their translation where
    # translations/pt-BR/releases.yml has one, in the table and the phone list.
    archive = (example_site / "br/products/archive/index.html").read_text("utf-8")
    assert archive.count('<td lang="pt-BR">Inclui a seção Inteligência artificial') == 1
    assert archive.count('<p lang="pt-BR">Inclui a seção Inteligência artificial') == 1


def test_every_navigation_link_lands_on_the_statement_it_names(pages, example_project):
    """Follow each link of the primary navigation of every page: home, the region's statements
    (never another region's), and the page itself."""
    followed = 0
    for url, page in pages.items():
        region = region_of(url, example_project) or example_project.default_region
        current = [link for link in page.nav if link["current"]]
        assert len(current) == 1 and current[0]["href"] == "./", url
        for link in page.nav:
            target = posixpath.normpath(posixpath.join("/" + url, str(link["href"])))
            target = "" if target == "/" else target.lstrip("/") + "/"
            assert target in pages, (url, link)
            followed += 1
            if link["current"]:
                assert target == url
            elif target == "":
                assert link["text"] in ("Home", "Início", "首页"), (url, link)
            else:
                landed = pages[target]
                assert landed.statement["region"] == region, (url, link)
                name = {"cn": "中国"}.get(region, example_project.regions[region].name)   # its own language
                assert landed.h1.strip() == f"{link['text']} ({name})", (url, link)
        statements = [link for link in page.nav if not link["current"] and link["href"] != "./"]
        assert len(statements) >= 2, url
    assert followed > 400


def test_every_page_has_its_own_title(pages):
    titles = [page.title for page in pages.values()]
    assert len(set(titles)) == len(titles)
    assert pages["us/website/2023-06-30/"].title.startswith(
        "Lenovo Website Privacy Statement (United States), version effective June 30, 2023")
    assert pages["br/website/draft/"].title.startswith("Declaração de Privacidade dos Sites da Lenovo (Brasil): rascunho")


def test_the_sitemap_lists_every_public_page_and_no_draft(example_site, pages):
    tree = ElementTree.parse(example_site / "sitemap.xml")
    listed = {loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    public = {SITE_URL + url for url in pages if "/draft/" not in url}
    assert listed == public and len(listed) > 80
    for url, page in pages.items():
        assert page.robots == ("noindex" if "/draft/" in url else None), url


def _article(example_site: Path, url: str) -> str:
    html = (example_site / url / "index.html").read_text("utf-8")
    return html[html.index("<article"):html.index("</article>")]


def test_the_words_around_a_statement(example_site, pages):
    everything = "\n".join(_article(example_site, url) for url in pages)
    assert "effective Draft" not in everything and "a partir de Rascunho" not in everything
    assert "<ul>\n    </ul>" not in everything and not re.search(r"<ul>\s*</ul>", everything)
    assert "for European Union" not in everything
    assert "Every version of the Lenovo Website Privacy Statement (European Union), newest first." in \
        _article(example_site, "eu/website/archive")
    draft = _article(example_site, "us/website/draft/changes")
    assert re.search(r"between the version effective March 5, 2024 \(<a [^>]*>read it</a>\) and the draft", draft)
    # The page in force links to every version once.
    # 2024-05-01 translated br and cn only: in us it is no new version (release43), and the text in
    # force is the version of 2024-03-05.
    assert not (example_site / "us/website/2024-05-01").exists()
    dated = _article(example_site, "us/website/2024-03-05")
    assert len(re.findall(r'href="\.\./archive/"', dated)) == 1
    # "Recently updated": on the version in force, 88 days after its text changed (window: 90 days).
    assert "This statement was recently updated." in _article(example_site, "us/website")
    assert "This statement was recently updated." in _article(example_site, "us/website/2024-03-05")
    for url in ("us/website/2023-06-30", "us/website/draft"):
        assert "recently updated" not in _article(example_site, url), url


def test_recently_updated_has_a_window(golden_site, golden_upcoming_site, golden_copy):
    """The golden project's text last changed on 2024-06-01: 30 days before its build date (`golden_site`)."""
    assert "This statement was recently updated." in (golden_site / "us/web/index.html").read_text("utf-8")
    config = golden_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("preview_draft: true", "preview_draft: true\n      "
                                                                         "recently_updated_days: 29"))
    site = build_site(config, golden_copy / "site", build_date="2024-07-01")
    assert "recently updated" not in (site / "us/web/index.html").read_text("utf-8")
    # Before it takes effect, the upcoming version is never "recently updated", even within the default window of
    # 90 days (the golden project built on 2024-05-01).
    assert "recently updated" not in (golden_upcoming_site / "us/web/2024-06-01/index.html").read_text("utf-8")


def test_redlines_speak_their_marks(example_site):
    html = _article(example_site, "us/website/2024-03-05/changes")
    marks = re.findall(r"<(ins|del)[^>]*>(<span [^>]*>[^<]*</span>)?", html)
    assert len(marks) > 2 and all(span for _tag, span in marks[2:])    # the first two are the legend's samples
    assert '<ins><span class="pk-sr-only" lang="en-US">inserted: </span>Certain Lenovo products' in html
    assert "Screen readers announce them as “inserted” and “deleted”." in html
    assert '<p class="pk-redline__moved">Moved: it came after “' in html
    draft = _article(example_site, "us/website/draft/changes")
    # Each mark also says where it ends, in the page's language.
    assert ('<ins><span class="pk-sr-only" lang="en-US">inserted: </span>, accounting'
            '<span class="pk-sr-only" lang="en-US"> (end of insertion)</span></ins>') in draft
    assert html.count("(end of insertion)") == html.count("inserted: ") and "(end of insertion)</span></ins>" in html
    br = _article(example_site, "br/products/draft/changes")
    assert '<span class="pk-sr-only" lang="pt-BR">inserido: </span>' in br
    assert '<span class="pk-sr-only" lang="pt-BR"> (fim da inserção)</span></ins>' in br


def test_a_release_that_published_a_translation_is_not_diffed_across_languages(example_site):
    """br and cn read English until 2024-05-01, which published their translations: their redline
    says so, and that the English text did not change, instead of a word diff of English against
    Portuguese or Chinese; the English text's own redline is linked."""
    br = _article(example_site, "br/products/2024-05-01/changes")
    assert ("Esta versão publica a tradução desta declaração; o texto em inglês que ela traduz não mudou."
            in br)
    assert "<del" not in br and "<ins" not in br and "seções alteradas" not in br and "<h2" not in br
    assert '<a href="source/" hreflang="en">Alterações no texto original em inglês</a>' in br
    cn = _article(example_site, "cn/website/2024-05-01/changes")
    assert "此版本发布本声明的译文；其所翻译的英文文本没有变化。" in cn and "<del" not in cn
    # A translated region's later redlines compare texts in its own language, word by word.
    assert "<del" in _article(example_site, "br/products/draft/changes")


def test_redline_pages_show_the_most_telling_reader_line(example_site):
    """A section added whole says so (not "We changed how … describes …"); a fact the previous
    text already stated never reads "We now …" on any page, in any language."""
    added = _article(example_site, "us/website/2024-03-05/changes")
    assert "We added a section “Artificial Intelligence”." in added
    assert "We changed how “Artificial Intelligence”" not in added
    for url in ("eu/products/draft/changes", "br/products/draft/changes"):
        items = re.findall(r'<li class="pk-verdict__change[^"]*">(.*?)</li>', _article(example_site, url), re.S)
        already = [item for item in items if "the previous text already said so" in item]
        assert already and not [item for item in already if re.search(r"We now|Passamos a", item)], url
        # The changes that do change something for readers come first.
        assert "already said so" not in items[0]


def test_the_version_in_force_says_since_when(example_site, golden_upcoming_site):
    """us/website's text last changed on 2024-03-05; the release of 2024-05-01 translated other regions
    only, so it is no new version in us (release43) and the text is in force since 2024-03-05; before a
    release takes effect, the page in force names the next one's date."""
    us = _article(example_site, "us/website")
    assert ('This version has been in force since <time datetime="2024-03-05">March 5, 2024</time>.' in us
            and 'last updated on <time datetime="2024-03-05">March 5, 2024</time>' in us)
    assert "Esta versão está em vigor desde" in _article(example_site, "br/products")
    # The dated page of the text in force says it too; a superseded version does not.
    assert "in force since" in _article(example_site, "us/website/2024-03-05")
    assert "in force since" not in _article(example_site, "us/website/2023-06-30")
    # The draft's redline links the page of the text it compares with, which exists in this region.
    draft = _article(example_site, "us/website/draft/changes")
    assert "../../2024-05-01/" not in draft and "../../2024-03-05/" in draft
    upcoming = _article(golden_upcoming_site, "us/web")
    assert re.search(r'The next version takes effect on <time datetime="2024-06-01">[^<]+</time>\.', upcoming)


def test_the_archive_names_each_version_and_what_its_link_opens(example_site):
    """Each version is a heading (its date), and each redline link says whose changes it opens."""
    archive = _article(example_site, "us/website/archive")
    assert "Review previous version" not in archive
    assert archive.count('<a href="../2024-03-05/changes/">What changed on March 5, 2024</a>') == 2
    assert archive.count('<h2 class="pk-archive__version"><a href="../2024-03-05/">') == 2
    assert "O que mudou em 1 de maio de 2024" in _article(example_site, "br/products/archive")


def test_the_404_page_leads_home_and_to_the_statements_in_every_language(example_site):
    page = (example_site / "404.html").read_text("utf-8")
    article = page[page.index("<article"):page.index("</article>")]
    assert "404 - Not found" not in page
    assert ('<h1 id="__title">Page not found · <span lang="pt-BR">Página não encontrada</span> · '
            '<span lang="zh-CN">找不到页面</span></h1>') in article
    for lang, home, statement in (("en-US", "Home", "/global/website/"), ("pt-BR", "Início", "/br/products/"),
                                  ("zh-CN", "首页", "/cn/website/")):
        block = re.search(rf'<section class="pk-not-found__language" lang="{lang}".*?</section>', article).group(0)
        assert f'<a href="/">{home}</a>' in block and f'<a href="{statement}">' in block


def test_the_api_gives_absolute_addresses_that_exist(example_site):
    addresses = []

    def collect(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key.endswith("url") and isinstance(item, str):
                    addresses.append(item)
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    for path in (example_site / "api/v1").rglob("*.json"):
        if path.name != "schema.json":
            collect(json.loads(path.read_text("utf-8")))
    assert len(addresses) > 1000
    for address in addresses:
        assert address.startswith(SITE_URL), address
        local = example_site / address[len(SITE_URL):]
        assert (local / "index.html" if address.endswith("/") else local).is_file(), address


def test_without_a_site_url_api_addresses_are_relative_to_the_site_root(golden_copy):
    config = golden_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_url: https://privacy.example.com/\n", ""))
    site = build_site(config, golden_copy / "site", build_date="2024-07-01")
    region = json.loads((site / "api/v1/web/us.json").read_text("utf-8"))
    assert region["versions"][0]["url"] == "us/web/2024-01-10/"
    assert region["versions"][0]["api_url"] == "api/v1/web/us/2024-01-10.json"
    assert (site / region["versions"][0]["url"] / "index.html").is_file()


def test_feeds_have_an_author_a_localized_title_and_no_future_date(golden_upcoming_site):
    site = golden_upcoming_site   # built on 2024-05-01
    atom = "{http://www.w3.org/2005/Atom}"
    for path in site.rglob("feed.xml"):
        feed = ElementTree.parse(path).getroot()
        assert feed.find(f"{atom}author/{atom}name").text
        dates = [element.text for element in feed.iter(f"{atom}updated")]
        assert dates and all(date <= "2024-05-01T00:00:00Z" for date in dates), path
    br = ElementTree.parse(site / "br/web/feed.xml").getroot()
    assert br.find(f"{atom}entry/{atom}title").text == "Versão em vigor a partir de 1 de junho de 2024"


def _with_unreleased_statement(golden_copy) -> None:
    """The golden project with a third statement, `fresh`, never released (a copy of `web`'s draft)."""
    import shutil

    shutil.copytree(golden_copy / "statements/web", golden_copy / "statements/fresh")
    outline = golden_copy / "statements/fresh/statement.yml"
    outline.write_text(outline.read_text().replace("title: ", "title: Fresh ", 1))


@pytest.mark.parametrize("preview", [True, False])
def test_a_statement_never_released_is_not_published_as_if_in_force(golden_copy, preview):
    """No page at its address, nothing in the sitemap, the API, the home page, the navigation or
    a feed; with `preview_draft` its draft alone, under draft/, kept out of search engines."""
    _with_unreleased_statement(golden_copy)
    config = golden_copy / "mkdocs.yml"
    if not preview:
        config.write_text(config.read_text().replace("preview_draft: true", "preview_draft: false"))
    site = build_site(config, golden_copy / "site", build_date="2024-07-01")
    assert not (site / "us/fresh/index.html").exists() and not (site / "us/fresh/feed.xml").exists()
    assert "fresh" not in (site / "sitemap.xml").read_text("utf-8")
    assert "fresh" not in (site / "index.html").read_text("utf-8")
    assert "fresh" not in (site / "us/web/index.html").read_text("utf-8")
    assert "fresh" not in (site / "api/v1/index.json").read_text("utf-8")
    assert not (site / "api/v1/fresh").exists() and not (site / "fragments/fresh").exists()
    draft = site / "us/fresh/draft/index.html"
    assert draft.exists() is preview
    if preview:
        page = PageReader()
        page.feed(draft.read_text("utf-8"))
        assert page.robots == "noindex"
        html = _article(site, "us/fresh/draft")
        assert "This statement has not been released yet; this is the current draft." in html
        # Its region selector leads to its drafts in the other regions, which exist.
        links = set(re.findall(r'href="(\.\./\.\./\.\./\w+/fresh/[^"]*)"', draft.read_text("utf-8")))
        assert links and all(link.endswith("/draft/") for link in links)
        assert all((draft.parent / link / "index.html").resolve().exists() for link in links)


def test_a_feed_with_no_entry_is_dated_by_its_build_and_signed_by_the_site():
    from privacykit.publish.feeds import atom_feed

    feed = atom_feed("s", "T", "us", "US", [], "", built=dt.date(2026, 12, 1), author="Example Privacy")
    assert "<updated>2026-12-01T00:00:00Z</updated>" in feed and "1970" not in feed
    assert "<author><name>Example Privacy</name></author>" in feed


def test_the_site_moves_to_a_release_only_when_rebuilt_and_build_says_when(golden_copy):
    """The golden `web` release of 2024-06-01: a build the day before keeps the version before in
    force (page, API, fragments) and names the day to rebuild, in its output and in the API index."""
    from conftest import run_cli

    before = run_cli(golden_copy, "build", "--date", "2024-05-31", "--no-pdf")
    assert before.exit_code == 0, before.output
    assert before.stdout.splitlines()[-1] == "next change in force: web, 2024-06-01 — rebuild on or after that date"
    index = json.loads((golden_copy / "site/api/v1/index.json").read_text("utf-8"))
    assert index["next_change"] == {"effective_date": "2024-06-01", "statements": ["web"]}
    # Where an embedder sends a reader whose region's file is missing: up the parent chain, then the default.
    assert index["default_region"] == "global"
    web = next(statement for statement in index["statements"] if statement["id"] == "web")
    assert {region["id"]: region["fallback"] for region in web["regions"]} == {"global": None, "us": "global",
                                                                               "br": "global"}
    assert json.loads((golden_copy / "site/api/v1/web/us.json").read_text("utf-8"))["in_force"] == "2024-01-10"
    on_the_day = run_cli(golden_copy, "build", "--date", "2024-06-01", "--no-pdf")
    assert on_the_day.exit_code == 0 and "next change" not in on_the_day.stdout
    assert json.loads((golden_copy / "site/api/v1/index.json").read_text("utf-8"))["next_change"] is None
    assert json.loads((golden_copy / "site/api/v1/web/us.json").read_text("utf-8"))["in_force"] == "2024-06-01"


def test_the_example_workflow_publishes_daily_so_that_releases_take_effect_on_their_day():
    from ruamel.yaml import YAML

    root = Path(__file__).resolve().parent.parent
    workflow = YAML(typ="safe").load((root / "docs/ci-workflow.yml").read_text())
    triggers = workflow.get("on") or workflow.get(True)     # YAML 1.1 reads the key `on` as true
    assert [entry["cron"].split()[2:] for entry in triggers["schedule"]] == [["*", "*", "*"]]
    assert workflow["jobs"]["publish"]["if"] == "github.event_name != 'pull_request'"
    # A fresh clone renders every archival PDF again unless `.cache/pdf` is kept between runs (gate43): the
    # cache step comes before the build, keyed on what the PDFs depend on.
    steps = workflow["jobs"]["publish"]["steps"]
    cache = next(i for i, step in enumerate(steps) if str(step.get("uses", "")).startswith("actions/cache@"))
    build = next(i for i, step in enumerate(steps) if "privacykit build" in str(step.get("run", "")))
    assert cache < build and steps[cache]["with"]["path"] == ".cache/pdf"
    assert "hashFiles('versions/**', 'templates/**')" in steps[cache]["with"]["key"]


def test_build_prints_the_next_change_its_api_index_names(tmp_path):
    """The next change is worked out once, for the API index; `build` prints what the index it wrote says."""
    from privacykit.publish.api import API, NextChange, built_next_change

    coming = NextChange(dt.date(2024, 6, 1), ("devices", "web"))
    assert NextChange.from_dict(json.loads(json.dumps(coming.to_dict()))) == coming
    assert built_next_change(tmp_path) is None
    (tmp_path / API).mkdir(parents=True)
    (tmp_path / API / "index.json").write_text(json.dumps({"next_change": coming.to_dict()}), "utf-8")
    assert built_next_change(tmp_path) == coming
    (tmp_path / API / "index.json").write_text(json.dumps({"next_change": None}), "utf-8")
    assert built_next_change(tmp_path) is None
