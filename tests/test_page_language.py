"""Pages of a translated region speak its language: no English page words on br and cn pages.

The statement text is not judged here (an untranslated passage is the translation layer's
matter, marked `lang="en"`): only the words privacykit and the theme put around it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from conftest import run_cli
from privacykit.render.templates import PACKAGE_STRINGS, _parse_strings
from privacykit.testing.plugin import MINIMAL_PROJECT

# Content, not page words: a section's text and title, the compared words of a redline, the table
# of contents (section titles), and what the redline's reviewers' notes quote.
_CONTENT_CLASSES = ("pk-section", "pk-redline__section", "md-nav--secondary", "pk-redline__block--heading")


class _PageWords(HTMLParser):
    """Text a reader sees that is not marked as another language and is not the statement's own."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                      "track", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, bool]] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        skipped = (tag in ("script", "style", "code", "ins", "del", "time")
                   or (values.get("lang") or "").lower().startswith("en")
                   or any(c in classes for c in _CONTENT_CLASSES))
        self.open.append((tag, skipped))

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if not any(skipped for _, skipped in self.open):
            self.parts.append(data)


def page_words(html: str, site_name: str = "Lenovo Privacy") -> set[str]:
    """The lower-case Latin words of a page's own text (addresses and the site's name left out)."""
    parser = _PageWords()
    parser.feed(html)
    text = " ".join(parser.parts).replace(site_name, " ")
    text = re.sub(r"\S+@\S+|\b[\w-]+(?:\.[\w-]+)+\S*", " ", text)
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)}


def english_page_words() -> set[str]:
    """Every word of the catalog's English texts that its Portuguese and Chinese texts do not also
    use (names such as "Atom" or "PDF", words such as "data"), and the English words the theme
    and the example's regions could bring."""
    catalog = _parse_strings(PACKAGE_STRINGS.read_text("utf-8"), "strings.yml")

    def words(language: str) -> set[str]:
        return {w.lower() for texts in catalog.values()
                for w in re.findall(r"[A-Za-z]{4,}", re.sub(r"\{\w+\}", " ", texts[language]))}

    return (words("en") - words("pt") - words("zh")) | {"china", "made", "material", "mkdocs"}


PAGES = {   # page kind -> its address in br and cn (the example built on 2024-06-01)
    "statement": "{region}/website/",
    "dated (English text)": "{region}/website/2024-03-05/",
    "dated (translated)": "{region}/products/2024-05-01/",
    "redline (English texts)": "{region}/website/2024-03-05/changes/",
    "redline (translated)": "{region}/products/draft/changes/",
    "archive": "{region}/products/archive/",
    "notice": "{region}/products/draft/notice/",
}


@pytest.mark.parametrize("region", ["br", "cn"])
@pytest.mark.parametrize("kind", sorted(PAGES))
def test_br_and_cn_pages_have_no_english_page_words(example_site, region, kind):
    html = (example_site / PAGES[kind].format(region=region) / "index.html").read_text("utf-8")
    assert f'<html lang="{ {"br": "pt-BR", "cn": "zh-CN"}[region]}"' in html
    leftovers = page_words(html) & english_page_words()
    assert not leftovers, f"{kind} page of {region} has English page words: {sorted(leftovers)}"


def test_the_words_around_translated_text_are_in_the_region_language(example_site):
    archive = (example_site / "br/products/archive/index.html").read_text("utf-8")
    assert '<td lang="pt-BR">A declaração em português do Brasil (br) e em chinês simplificado (cn); ' \
           "o texto em inglês não mudou.</td>" in archive
    assert "Todas as versões da Declaração de Privacidade dos Produtos Lenovo (Brasil)" in archive
    dated = (example_site / "cn/website/2024-03-05/index.html").read_text("utf-8")
    assert '<h1 id="__title">联想网站隐私声明（中国），自2024年3月5日起生效的版本</h1>' in dated
    # The release published the translation: its redline says so in the page's language (no word
    # diff of the Portuguese text against the English one).
    changes = (example_site / "br/website/2024-05-01/changes/index.html").read_text("utf-8")
    assert "Esta versão publica a tradução desta declaração; o texto em inglês que ela traduz não mudou." in changes
    notice = (example_site / "cn/products/draft/notice/index.html").read_text("utf-8")
    assert "如果草稿于2024年6月1日发布，本地区的读者将收到以下通知。" in notice
    # English pages keep their words, and a summary nobody translated stays marked as English.
    us = (example_site / "us/products/archive/index.html").read_text("utf-8")
    assert "Adds the Artificial Intelligence section" in us and "Title:" not in us


def test_the_cn_pdf_names_its_region_in_chinese(pdf_site):
    from test_pdf import pdf_text

    first = pdf_text(pdf_site / "cn/website/2024-05-01/website-cn-2024-05-01.pdf")
    assert "地区： 中国" in first or "地区：中国" in first
    assert "China" not in first


JA_AR_REGIONS = MINIMAL_PROJECT["statements/regions.yml"] + (
    "  jp:\n    name: 日本\n    parent: global\n    locale: ja-JP\n    language: ja\n"
    "  sa:\n    name: السعودية\n    parent: global\n    locale: ar-SA\n    language: ar\n")


def test_a_language_the_catalog_lacks_marks_its_english_words_and_names_itself(statement_project, tmp_path):
    """Regions in Japanese and Arabic, whose words the strings catalog lacks and whose text is not translated
    yet: every English fallback says lang="en" (and dir="ltr" on the Arabic page), the untranslated title and
    top headings too, the region switcher names each language in itself, and the 404 page says "Page not
    found" once, in English, marked (i18n44)."""
    notes = "---\nsummary: First.\ntranslations:\n  jp: source-binding\n  sa: source-binding\n---\nNotes.\n"
    root = statement_project({"statements/regions.yml": JA_AR_REGIONS, "statements/web/release-notes.md": notes,
                              "pages/.keep": "", "mkdocs.yml": "site_name: T\ndocs_dir: pages\ntheme:\n  name: material\n"
                              "plugins:\n  - privacykit:\n      pdf: false\n"})
    released = run_cli(root, "release", "web", "--effective", "2024-01-10")
    assert released.exit_code == 0, released.output
    site = tmp_path / "site"
    result = run_cli(root, "build", "--no-pdf", "-d", str(site), "--date", "2024-02-01", "-j", "1")
    assert result.exit_code == 0, result.output
    ja = (site / "jp/web/index.html").read_text("utf-8")
    ar = (site / "sa/web/index.html").read_text("utf-8")
    assert '<html lang="ja-JP"' in ja
    assert re.search(r'<p class="pk-updated" lang="en">The privacy statement was last updated', ja)
    assert re.search(r'<p class="pk-updated" lang="en" dir="ltr">The privacy statement was last updated', ar)
    assert '<span class="pk-regions__label" lang="en">Region:</span>' in ja
    # The English text keeps its direction on the Arabic page; a date in an English sentence is written in English.
    assert '<body dir="rtl">' in ar and '<h2 id="collect" lang="en" dir="ltr">' in ar and '<span lang="en" dir="ltr" class="pk-untranslated">' in ar
    from privacykit.render.templates import TemplateSet
    assert "[dir=rtl] [lang|=en] { direction: ltr; unicode-bidi: isolate; }" in TemplateSet().source("privacykit.css")
    assert "年" not in re.search(r'<p class="pk-updated"[^>]*>(.*?)</p>', ja).group(1)
    assert "(日本語)" in ja and "(العربية)" in ar and "(English)</span></strong>" not in ja
    h1 = re.search(r'<h1 id="[^"]*">(.*?)</h1>', ja).group(1)
    assert h1.startswith('<span lang="en">') and "日本" in h1
    assert '<span lang="en" dir="ltr">' in re.search(r'<h1 id="[^"]*">(.*?)</h1>', ar).group(1)
    # Every page word outside content is marked English or is Japanese.
    # (<title> is text: its English title cannot be marked; the footer's credit is the theme's.)
    body = re.sub(r"<title>.*?</title>", "", ja, flags=re.S)
    leftover = page_words(body, "T") & english_page_words() - {"made", "material", "mkdocs", "with"}
    assert not leftover, leftover
    missing = (site / "404.html").read_text("utf-8")
    h1 = re.search(r'<h1 id="[^"]*">(.*?)</h1>', missing).group(1)
    assert h1.count("Page not found") == 1, h1
    japanese = re.search(r'<section class="pk-not-found__language" lang="ja-JP"[^>]*>(.*?)</section>', missing).group(1)
    assert "日本語</h2>" in japanese and '<p lang="en">' in japanese
    assert re.search(r'<section class="pk-not-found__language" lang="ar-SA" dir="rtl"', missing)


def test_dates_are_cldr_long_dates_and_english_only_where_no_format_knows_the_locale():
    """Babel's long date for a locale the frozen table lacks; the table's languages unchanged (rtl44)."""
    import datetime as dt

    from privacykit.render.dates import date_language, format_date

    day = dt.date(2026, 12, 1)
    assert format_date(day, "ar-SA") == "1 ديسمبر 2026" and date_language("ar-SA") == "ar"
    assert format_date(day, "ko-KR") == "2026년 12월 1일" and format_date(day, "it-IT") == "1 dicembre 2026"
    assert [format_date(day, locale) for locale in ("en-US", "en-GB", "pt-BR", "de-DE", "ja-JP", "zh-CN")] == [
        "December 1, 2026", "1 December 2026", "1 de dezembro de 2026", "1. Dezember 2026", "2026年12月1日",
        "2026年12月1日"]
    assert format_date(day, "xx-YY") == "1 December 2026" and date_language("xx-YY") == "en"


def test_regions_named_in_english_read_right_in_japanese_and_arabic_pages(statement_project, tmp_path):
    """Regions named in English ("Saudi Arabia") whose language the catalog lacks: their pages name them as
    CLDR does in their language, headings made of the catalog's English words are English throughout and
    marked (left to right on the Arabic page), English passages and titles say dir="ltr" in the markup, the
    404 page marks the English statement titles, and the API index gives the region files' tag (rtl44)."""
    import json

    regions = MINIMAL_PROJECT["statements/regions.yml"] + (
        "  jp:\n    name: Japan\n    parent: global\n    locale: ja-JP\n    language: ja\n"
        "  sa:\n    name: Saudi Arabia\n    parent: global\n    locale: ar-SA\n    language: ar\n")
    notes = "---\nsummary: First.\ntranslations:\n  jp: source-binding\n  sa: source-binding\n---\nNotes.\n"
    root = statement_project({"statements/regions.yml": regions, "statements/web/release-notes.md": notes,
                              "pages/.keep": "", "mkdocs.yml": "site_name: T\ndocs_dir: pages\ntheme:\n  name: material\n"
                              "plugins:\n  - privacykit:\n      pdf: false\n"})
    assert run_cli(root, "release", "web", "--effective", "2024-01-10").exit_code == 0
    site = tmp_path / "site"
    result = run_cli(root, "build", "--no-pdf", "-d", str(site), "--date", "2024-02-01", "-j", "1")
    assert result.exit_code == 0, result.output

    def h1(path):
        return re.search(r'<h1 id="[^"]*">(.*?)</h1>', (site / path).read_text("utf-8")).group(1)

    # The region's name in its language (CLDR), not an English name splitting an Arabic heading.
    assert h1("sa/web/index.html").endswith("</span> (المملكة العربية السعودية)")
    assert h1("jp/web/index.html").endswith("</span> (日本)")
    ar = (site / "sa/web/index.html").read_text("utf-8")
    assert '<strong aria-current="page">المملكة العربية السعودية' in ar
    # Headings of fallback words: English throughout (name and date), marked as a whole.
    assert h1("jp/web/archive/index.html") == '<span lang="en">Example Privacy Statement (Japan): all versions</span>'
    assert h1("sa/web/2024-01-10/index.html") == ('<span lang="en" dir="ltr">Example Privacy Statement (Saudi Arabia), '
                                                   'version effective January 10, 2024</span>')
    archive = (site / "sa/web/archive/index.html").read_text("utf-8")
    assert '<time datetime="2024-01-10">10 يناير 2024</time>' in archive
    # English passages and headings carry their direction in the markup.
    assert 'lang="en" dir="ltr" class="pk-untranslated"' in ar and 'lang="en" class="pk-untranslated"' not in ar
    assert re.search(r'<h2 id="collect" lang="en" dir="ltr">', ar)
    missing = (site / "404.html").read_text("utf-8")
    arabic = re.search(r'<section class="pk-not-found__language" lang="ar-SA".*?</section>', missing).group(0)
    assert re.search(r'<a href="/sa/web/" lang="en" dir="ltr">', arabic)
    index = json.loads((site / "api/v1/index.json").read_text("utf-8"))
    languages = {r["id"]: r["language"] for s in index["statements"] for r in s["regions"]}
    for region, language in languages.items():
        assert json.loads((site / f"api/v1/web/{region}.json").read_text("utf-8"))["language"] == language
    assert languages["sa"] == "ar-SA" and languages["jp"] == "ja-JP"
    feed = (site / "sa/web/feed.xml").read_text("utf-8")
    assert '<title xml:lang="en">Version effective January 10, 2024</title>' in feed


def test_words_in_another_language_are_marked_with_it_and_their_direction():
    """`lang_marks`, the one rule the region switcher, the 404 page and fragments mark such words by."""
    from privacykit.render.templates import lang_marks, other_language

    assert lang_marks("en", "ar-SA") == ' lang="en" dir="ltr"'
    assert lang_marks("ar-SA", "en-US") == ' lang="ar-SA" dir="rtl"'
    assert lang_marks("en-GB", "pt-BR") == ' lang="en-GB"'
    # The same primary language (another region's variety of it, or a locale written with "_") is not marked.
    assert lang_marks("pt-PT", "pt-BR") == lang_marks("pt_BR", "pt-BR") == ""
    assert lang_marks(None, "pt-BR") == lang_marks("en", "") == ""
    # A feed says the language alone (`xml:lang`: Atom has no `dir`).
    assert other_language("en", "ar-SA") == "en" and other_language("ar", "ar-SA") == ""
