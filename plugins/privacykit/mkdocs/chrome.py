"""Material's chrome around a privacykit page: what differs from one page to the next.

Every page privacykit makes is wrapped in a `Shell`: the output of the Material theme for
a page of the same folder depth and language, cut where a page's own values go (its
language, title, canonical address, `<head>` links, skip link, navigation, table of
contents and article). The theme renders the shell with an empty navigation and table of
contents; this module fills them for each page with the markup Material's own partials
(`nav-item.html`, `toc.html`, `toc-item.html`) would give, so the theme's styles and scripts
treat them as its own: on a phone the drawer holds the navigation and, under the current
page, its table of contents; on a desktop the table of contents is also on the right.

Pages rendered by the theme are filled the same way, so every page's chrome comes from
one place. A test renders Material's partials for the same page and compares.
"""

from __future__ import annotations

import enum
import html
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

from ..model.region import primary_language
from ..publish.page import SitePage, TocEntry, anchor, head_links, relative_url, theme_text

# The id of each page's `<h1>`, where the skip link leads. Section ids start with a letter or
# digit (`model/files.py`), and ids made safe by `anchor` end in a digest: none can be this.
TITLE_ID = "__title"
# The theme leaves out a navigation without items: it is given this one, replaced by the page's.
NAV_MARKER = "privacykit-navigation"
# privacykit's search worker (`theme/assets/javascripts/workers/`), which runs Material's.
SEARCH_WORKER = "privacykit-search.js"


@dataclass(frozen=True)
class ThemeWords:
    """The theme's own words a page's chrome needs, in the page's language."""

    skip: str          # the skip link ("Skip to content")
    toc: str           # the table of contents' title
    subsections: str = "{title}"  # the name of a heading's nested contents (`toc_subsections`, "{title}: subsections")

    @classmethod
    def of(cls, translate: Callable[[str], str], toc_title: str | None = None,
           subsections: str = "{title}") -> ThemeWords:
        """Words from `translate(key)` (Material's `lang.t`); `toc_title` is the Markdown
        `toc` extension's `title`, which Material prefers when it is set; `subsections` is
        privacykit's catalog entry `toc_subsections` in the page's language."""
        return cls(skip=translate("action.skip"), toc=toc_title or translate("toc"), subsections=subsections)


def material_language(locale: str, available: Callable[[str], bool]) -> str:
    """Material's language for a page in `locale` (`pt-BR` -> `pt-BR`, `zh-CN` -> `zh`,
    `en-US` -> `en`): the whole tag if Material has it, else its first part, else English."""
    for candidate in (locale, primary_language(locale)):
        if available(candidate):
            return candidate
    return "en"


def article(page: SitePage) -> str:
    """A page's content as the theme shows it: its title as the `<h1>` the skip link leads
    to, then its body."""
    return f'<h1 id="{TITLE_ID}">{title_html(page)}</h1>\n{page.html}'


def title_html(page: SitePage) -> str:
    """The page's title as text, its part in another language (`title_part`) marked with its `lang`."""
    text = theme_text(page.title)
    if not (page.title_part and page.title_lang and page.title_part in page.title):
        return text
    part = theme_text(page.title_part)
    return text.replace(part, f'<span lang="{html.escape(page.title_lang, quote=True)}"'
                              f'{_ltr(page.title_lang, page.locale)}>{part}</span>', 1)


def _ltr(language: str, page_locale: str) -> str:
    """`dir="ltr"` for left-to-right words in a right-to-left page."""
    from ..render.templates import text_direction

    return ' dir="ltr"' if text_direction(page_locale) == "rtl" and text_direction(language) == "ltr" else ""


def skip_link(words: ThemeWords) -> str:
    """The first link of every page: past the navigation, to the page's title."""
    return f'<a href="#{TITLE_ID}" class="md-skip">{html.escape(words.skip, quote=False)}</a>'


def toc_html(entries: tuple[TocEntry, ...], words: ThemeWords) -> str:
    """The inside of Material's `<nav class="md-nav md-nav--secondary">` (`toc.html`)."""
    if not entries:
        return ""
    return (f'<label class="md-nav__title" for="__toc"><span class="md-nav__icon md-icon"></span>'
            f"{html.escape(words.toc, quote=False)}</label>"
            f'<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>'
            + "".join(_toc_item(entry, words) for entry in entries) + "</ul>")


def _toc_item(entry: TocEntry, words: ThemeWords) -> str:
    title = theme_text(entry.title)
    lang = f' lang="{html.escape(entry.lang, quote=True)}"' if entry.lang else ""
    item = (f'<li class="md-nav__item"><a href="#{anchor(entry.id)}" class="md-nav__link"{lang}>'
            f'<span class="md-ellipsis">{title}</span></a>')
    if entry.children:
        # Its name is in the page's language ("{title}：小节"), so the `<nav>` has no `lang` of the heading's
        # own: each link inside keeps its own (polish45).
        label = words.subsections.replace("{title}", entry.title)
        item += (f'<nav class="md-nav" aria-label="{html.escape(label, quote=True)}">'
                 f'<ul class="md-nav__list">{"".join(_toc_item(c, words) for c in entry.children)}</ul></nav>')
    return item + "</li>"


def nav_html(page: SitePage, words: ThemeWords, contents: str | None = None) -> str:
    """The items of Material's primary navigation (`nav-item.html`) for `page`: its own
    navigation links, with the page itself, current and holding its table of contents
    (`contents`, made by `toc_html` when not given), in place of its statement's link or
    right after it."""
    current = _current_item(page, words, toc_html(page.toc, words) if contents is None else contents)
    items: list[str] = []
    placed = False
    for link in page.navigation:
        if link.url == page.url:
            items.append(current)
            placed = True
            continue
        lang = (f' lang="{html.escape(link.lang, quote=True)}"{_ltr(link.lang, page.locale)}' if link.lang else "")
        items.append(f'<li class="md-nav__item"><a href="{html.escape(relative_url(page.url, link.url))}" '
                     f'class="md-nav__link"><span class="md-ellipsis"{lang}>{theme_text(link.title)}</span></a></li>')
        if link.statement and link.statement == page.statement and not placed:
            items.append(current)
            placed = True
    if not placed:
        items.append(current)
    return "".join(items)


def _current_item(page: SitePage, words: ThemeWords, contents: str) -> str:
    title = f'<span class="md-ellipsis">{title_html(page)}</span>'
    item = ('<li class="md-nav__item md-nav__item--active">'
            '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">')
    if contents:
        item += (f'<label class="md-nav__link md-nav__link--active" for="__toc">{title}'
                 '<span class="md-nav__icon md-icon"></span></label>')
    item += f'<a href="./" class="md-nav__link md-nav__link--active" aria-current="page">{title}</a>'
    if contents:
        item += (f'<nav class="md-nav md-nav--secondary" aria-label="{html.escape(words.toc, quote=True)}">'
                 f"{contents}</nav>")
    return item + "</li>"


class Slot(enum.Enum):
    """A place in a shell that each page fills with its own value."""

    LANG = "lang"                # the value of `<html lang>`
    HEAD = "head"                # just before `</head>`: alternates, robots
    TITLE = "title"              # the page title in `<title>` (text only)
    TITLE_TEXT = "title-text"    # the page title wherever else the theme printed it (a part in another language marked)
    CANONICAL = "canonical"      # the canonical address
    SKIP = "skip"                # the skip link
    NAV = "nav"                  # the items of the primary navigation
    TOC = "toc"                  # the inside of the secondary navigation (table of contents)
    BODY = "body"                # the article
    SEARCH = "search"            # the end of the search worker's address: what the reader is reading


class ShellError(ValueError):
    """The theme's output lacks a place privacykit fills (another theme, or a changed one)."""


_FIXED = [
    (Slot.LANG, re.compile(r'<html[^>]*?\slang="([^"]*)"')),
    (Slot.CANONICAL, re.compile(r'<link rel="canonical" href="([^"]*)"')),
    (Slot.HEAD, re.compile(r"()</head>")),
    (Slot.SKIP, re.compile(r'<div data-md-component="skip">(\s*)</div>')),
    (Slot.NAV, re.compile(r'<nav class="md-nav md-nav--primary"[^>]*>.*?<ul class="md-nav__list" data-md-scrollfix>'
                          rf"(\s*<li [^>]*>\s*<a [^>]*>\s*<span [^>]*>\s*{NAV_MARKER}\s*</span>\s*</a>\s*</li>\s*)"
                          "</ul>", re.S)),
    (Slot.TOC, re.compile(r'<nav class="md-nav md-nav--secondary"[^>]*>(\s*)</nav>')),
    (Slot.SEARCH, re.compile(r'<script id="__config"[^>]*>[^<]*?"search": *"[^"]*/' + re.escape(SEARCH_WORKER)
                             + r'\?material=[\w.-]+()"')),
]
_REQUIRED = {Slot.LANG, Slot.HEAD, Slot.SKIP, Slot.NAV, Slot.TOC}
_TITLE_TAG = re.compile(r"<title>(.*?)</title>", re.S)


@dataclass(frozen=True)
class Shell:
    """A theme-rendered page with the places of one page's own values cut out."""

    parts: tuple[str | Slot, ...]

    @classmethod
    def parse(cls, output: str, body: str, title: str) -> Shell:
        """The shell of a page the theme rendered as `output`, whose article was `body` and
        whose title was `title`; raise `ShellError` when a place cannot be found."""
        if output.count(body) != 1:
            raise ShellError("the page's content was changed after privacykit rendered it")
        start = output.index(body)
        spans: list[tuple[int, int, Slot]] = [(start, start + len(body), Slot.BODY)]
        for slot, pattern in _FIXED:
            match = pattern.search(output)
            if match is None:
                if slot in _REQUIRED:
                    raise ShellError(f"the theme's page has no place for the {slot.value}")
                continue
            spans.append((match.start(1), match.end(1), slot))
        # The title: in <title> (where Material strips tags, so it may stand unescaped) and as text.
        shown = theme_text(title)
        tag = _TITLE_TAG.search(output)
        if tag is not None:
            inside = tag.group(1)
            for form in (shown, title):
                at = inside.find(form)
                if at >= 0:
                    spans.append((tag.start(1) + at, tag.start(1) + at + len(form), Slot.TITLE))
                    break
        taken = sorted(spans)
        for match in re.finditer(re.escape(shown), output):
            if not any(a <= match.start() < b for a, b, _ in taken):
                spans.append((match.start(), match.end(), Slot.TITLE_TEXT))
        parts: list[str | Slot] = []
        at = 0
        for begin, end, slot in sorted(spans):
            if begin < at:
                raise ShellError(f"the theme's page has overlapping places ({slot.value})")
            parts += [output[at:begin], slot]
            at = end
        parts.append(output[at:])
        return cls(tuple(parts))

    def fill(self, values: dict[Slot, str]) -> str:
        """The page with `values` in their places."""
        if Slot.TITLE_TEXT not in values and Slot.TITLE in values:
            values = {**values, Slot.TITLE_TEXT: values[Slot.TITLE]}
        return "".join(values[part] if isinstance(part, Slot) else part for part in self.parts)


def page_values(page: SitePage, body: str, words: ThemeWords, site_url: str,
                contents: str | None = None) -> dict[Slot, str]:
    """What `page` puts into each place of a shell; `contents` is its `toc_html`, when
    already made (pages of one text share it)."""
    contents = toc_html(page.toc, words) if contents is None else contents
    return {
        Slot.LANG: html.escape(page.locale, quote=True),
        Slot.HEAD: head_links(page, site_url),
        Slot.TITLE: theme_text(page.title),
        Slot.TITLE_TEXT: title_html(page),
        Slot.CANONICAL: html.escape(page.canonical_url(site_url), quote=True),
        Slot.SKIP: skip_link(words),
        Slot.NAV: nav_html(page, words, contents),
        Slot.TOC: contents,
        Slot.BODY: body,
        Slot.SEARCH: search_scope(page),
    }


def search_scope(page: SitePage) -> str:
    """What the search worker is told of the page a reader searches from, appended to its
    address: the page's address, statement and language. The worker puts results of that
    statement first, then the reader's language (`privacykit-search.js`)."""
    query = urllib.parse.urlencode({"page": page.url, "statement": page.statement, "lang": page.locale})
    # (inside the `__config` JSON string: `urlencode` leaves no quote, backslash or `<`)
    return "&" + query


_MATERIAL_WORKER = re.compile(r'(<script id="__config"[^>]*>[^<]*?"search": *"[^"]*/)(search\.[\w.-]*\.js)"')


def scoped_search_worker(output: str) -> str:
    """A theme-rendered page whose `__config` names privacykit's search worker where it named
    Material's, given Material's worker's file to load (`privacykit-search.js`, in the same
    folder); the page as it is when its `__config` names no Material worker."""
    return _MATERIAL_WORKER.sub(lambda m: f'{m.group(1)}{SEARCH_WORKER}?material={m.group(2)}"', output, count=1)


# The opening of a section with an id, and the heading right after it when the heading has no id.
_SECTION_HEADING = re.compile(
    r'(<section id="([^"]+)"[^>]*>\s*(?:<!--pk-heading[\w -]*-->)?<h[1-6])(?=[\s>])(?![^>]*\sid=)')
# A heading beside its permanent link, in their box (`_section.html`, `_statement_body.html`: no other `<div>`
# in it), and the comments that stand for the box while search reads the page (it passes over comments).
_HEADING_BOX = re.compile(r'<div class="(pk-heading[\w -]*)">((?:(?!</?div[\s>]).)*?)</div>', re.S)
_BOX_OPEN = re.compile(r"<!--(pk-heading[\w -]*)-->")
_BOX_CLOSE = "<!--/pk-heading-->"


def search_article(body: str) -> str:
    """The article as the search plugin reads it: each section's heading carries the section's
    id, and no box holds it. Material's search splits a page at headings with an id and titles
    each part by its heading; a section's id is on its `<section>`, so without this a section's
    heading is read as text of the part before it, and a heading inside a `<div>` (the box that
    shows it beside its permanent link, `¶`) ends its part where the `<div>` ends. The link is
    `data-search-exclude`: no part's text has the `¶`."""
    body = _HEADING_BOX.sub(lambda m: f"<!--{m.group(1)}-->{m.group(2)}{_BOX_CLOSE}", body)
    if "<section" not in body:
        return body
    return _SECTION_HEADING.sub(lambda m: f'{m.group(1)} id="{m.group(2)}"{_FOR_SEARCH}', body)


# Marks an id `search_article` gave a heading, so that `theme_article` takes exactly those away.
_FOR_SEARCH = " data-privacykit-search"
_GIVEN_ID = re.compile(r' id="[^"]*"' + _FOR_SEARCH)


def theme_article(content: str) -> str:
    """The article of `search_article(body)` as the theme shows it: `body`, with whatever other
    plugins and hooks did to it since (a change the shell then refuses to wrap)."""
    if _FOR_SEARCH in content:
        content = _GIVEN_ID.sub("", content)
    if _BOX_CLOSE in content:
        content = _BOX_OPEN.sub(r'<div class="\1">', content).replace(_BOX_CLOSE, "</div>")
    return content


def shell_key(page: SitePage, language: str) -> tuple[int, str]:
    """Pages that can share a shell: same folder depth (relative links to the theme's
    assets) and same theme language (its words)."""
    return page.url.count("/"), language

