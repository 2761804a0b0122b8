"""What the site is made of, as plain data: pages, assets, and the links between them.

Every page kind (`statement`, `dated`, `redline`, `archive`, `draft`, `notice`, `home`)
makes `SitePage`s; `api`, `fragments` and `feeds` make `SiteAsset`s. A page knows its
address (its canonical URL below the site root), its language, its title and its table of
contents; how it is wrapped in a theme is the site generator adapter's business.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import re
from dataclasses import dataclass
from typing import Any

from ..model.document import ResolvedDocument
from ..versions.store import Version


def anchor(identifier: str) -> str:
    """The HTML id (and URL fragment) of a heading or section with this id.

    Ids are validated when a project is loaded; this is the second line of defence for
    the places the theme prints without escaping (table of contents, skip link, search
    index) and the scripts that look an id up: whatever got through becomes letters,
    digits, `-` and `_` only (its other characters replaced, a digest of the whole id
    appended so that two ids stay apart). A valid id is returned unchanged.
    """
    if _SAFE_ANCHOR.fullmatch(identifier):
        return identifier
    readable = re.sub(r"[^A-Za-z0-9_-]+", "-", identifier).strip("-")[:40]
    return f"{readable}-{hashlib.sha256(identifier.encode()).hexdigest()[:8]}".lstrip("-")


_SAFE_ANCHOR = re.compile(r"[A-Za-z0-9_-]+")


def theme_text(text: str) -> str:
    """Content text (a title) made safe for a theme that prints it unescaped as text.

    Material prints page, navigation and table-of-contents titles as text, and escapes them
    itself (`| e`) where they go into an attribute; quotes are therefore left as they are.
    """
    return html_lib.escape(text, quote=False)


@dataclass(frozen=True)
class TocEntry:
    """One entry of a page's table of contents: a heading's title, its id and level."""

    title: str
    id: str
    level: int
    children: tuple[TocEntry, ...] = ()
    lang: str = ""             # the language of the title, when it is not the page's

    def to_token(self) -> dict[str, Any]:
        """The shape MkDocs' `get_toc` takes; the theme prints it unescaped, so it is escaped here."""
        title = theme_text(self.title)
        return {"level": self.level, "id": anchor(self.id), "name": title, "html": title,
                "data-toc-label": "", "children": [c.to_token() for c in self.children]}


@dataclass(frozen=True)
class NavLink:
    """An entry of a page's navigation: a title and a site-root relative address.

    `statement` names the statement the link opens (empty for the home page), so that a
    theme can place the current page next to its own statement.
    """

    title: str
    url: str
    statement: str = ""
    lang: str = ""             # the title's language where it is not the page's (an untranslated title)


@dataclass(frozen=True)
class SitePage:
    """One page of the site: where it lives, its title, language, body HTML and outline.

    `archived` pages (dated versions, redlines, archives, the draft and its notices) are many
    and alike around their content: search leaves them out (it should find the text in
    force), and an adapter may wrap them in a copy of another page's theme chrome.
    """

    url: str                      # relative to the site root, '' or ending in '/': the canonical address
    title: str
    html: str
    toc: tuple[TocEntry, ...] = ()
    locale: str = "en"            # the language of the page's words (the region's locale): its `<html lang>`
    description: str = ""
    archived: bool = False
    written: bool = False         # already written out by a build worker; `html` is then left empty
    alternates: tuple[tuple[str, str], ...] = ()   # (hreflang, site-root relative url) of its other languages
    draft: bool = False           # unreleased text: kept out of search engines and the sitemap
    statement: str = ""           # the statement the page shows (empty for the home page)
    navigation: tuple[NavLink, ...] = ()   # where a reader of this page goes next (home, the region's statements)
    # A part of `title` in another language than the page's (an untranslated statement title), and that
    # language: the `<h1>` and the navigation mark it (i18n44).
    title_part: str = ""
    title_lang: str = ""

    @property
    def src_path(self) -> str:
        """The Markdown path a generator would read this page from (`us/website/index.md`)."""
        return f"{self.url}index.md"

    def canonical_url(self, site_url: str) -> str:
        """The page's full address under `site_url` (its site-relative address when that is empty)."""
        return f"{site_url.rstrip('/')}/{self.url}" if site_url else self.url


def alternate_links(page: SitePage, site_url: str = "") -> str:
    """`<link rel="alternate" hreflang>` tags of a page's other languages, for its `<head>`."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    return "".join(
        f'<link rel="alternate" hreflang="{html_lib.escape(lang)}" '
        f'href="{html_lib.escape(base + url if base else relative_url(page.url, url))}">'
        for lang, url in page.alternates)


def head_links(page: SitePage, site_url: str = "") -> str:
    """What a page adds to its `<head>`: its `hreflang` alternates, and for a draft a request
    that search engines leave it out."""
    robots = '<meta name="robots" content="noindex">' if page.draft else ""
    return robots + alternate_links(page, site_url)


@dataclass(frozen=True)
class SiteAsset:
    """A file of the site that no theme wraps: JSON, a fragment, a feed, a stylesheet."""

    path: str
    content: str


@dataclass(frozen=True)
class NoticeLink:
    url: str
    text: str


@dataclass(frozen=True)
class Notice:
    """A banner above a statement or redline (`_notices.html`): kind is an admonition class."""

    kind: str
    title: str
    text: str
    link: NoticeLink | None = None


def notice(kind: str, title: str, text: str, url: str | None = None, link_text: str | None = None) -> Notice:
    return Notice(kind, title, text, NoticeLink(url, link_text or "") if url else None)


def file_url(from_url: str, path: str) -> str:
    """Link from page `from_url` to the file at site path `path`."""
    folder, _, name = path.rpartition("/")
    return relative_url(from_url, folder + "/") + name


def relative_url(from_url: str, to_url: str) -> str:
    """Link from page `from_url` to page `to_url`, both site-root relative directories."""
    source = [part for part in from_url.split("/") if part]
    target = [part for part in to_url.split("/") if part]
    common = 0
    for a, b in zip(source, target, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(source) - common) + target[common:]
    if not parts:
        return "./"
    return "/".join(parts) + ("/" if to_url.endswith("/") or to_url == "" else "")


def statement_url(region: str, statement: str) -> str:
    """Where readers in `region` find `statement` (the version in force)."""
    return f"{region}/{statement}/"


@dataclass(frozen=True)
class Edition:
    """What one URL shows of one statement in one region: a release or the draft."""

    document: ResolvedDocument
    version: Version | None          # None for the draft
    url: str

    @property
    def label(self) -> str:
        return self.version.id if self.version else "draft"
