"""Fragments for in-app webviews: each app section of each version, self-contained.

    fragments/<statement>/<region>/<version>/<section>.html       to embed in a page
    fragments/<statement>/<region>/<version>/<section>.page.html  the same, a standalone document
    fragments/<statement>/<region>/latest/<section>[.page].html   the version in force

One `<section>` with its own small stylesheet, sanitized, no script and no external resource,
in ASCII (other characters as references), and the same section as a standalone document.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from ..model.document import ResolvedDocument, ResolvedSection
from ..render.markdown import markdown_to_html, marked_markdown
from ..render.templates import fill_text
from .api import section_language
from .context import RegionalStatement, SiteContext
from .page import SiteAsset

FRAGMENT_CSS = (
    ".pk-fragment{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f1f1f;"
    "max-width:48em;margin:0 auto;padding:0 1em;overflow-wrap:anywhere}"
    ".pk-fragment h1,.pk-fragment h2{font-size:1.25em;margin:.8em 0 .4em}"
    ".pk-fragment a{color:#c62828}.pk-fragment ul{padding-left:1.2em}"
    ".pk-fragment__meta{font-size:.8em;color:#666}"
)


def region_fragments(site: SiteContext, regional: RegionalStatement, emit: Callable[[SiteAsset], None]) -> None:
    """The fragments of every app section of every release in the region, and of the one in force:
    each as a bare `<section>` to embed and as a standalone document to load."""
    statement, region = regional.statement, regional.region
    t = site.words(region.locale)
    labels = [(v.id, regional.editions[v.id]) for v in regional.versions]
    if regional.in_force is not None:
        labels.append(("latest", regional.editions[regional.in_force.id]))
    for label, edition in labels:
        assert edition.version is not None
        base = f"fragments/{statement.id}/{region.id}/{label}/"
        language = edition.document.text_language(site.source_language(region.id))
        meta = fill_text(t["fragment_meta"], title=edition.document.title, version=edition.version.id)
        # (the footer's words are English where the catalog lacks the region's language, i18n44)
        meta_lang = None if site.templates.speaks(region.locale) else "en"
        for section in edition.document.sections:
            if section.kind == "app":
                fragment = fragment_html(section, edition.document, edition.version.id, meta, language, meta_lang)
                emit(SiteAsset(f"{base}{section.id}.html", fragment))
                emit(SiteAsset(f"{base}{section.id}.page.html",
                               fragment_page(fragment, section, edition.document, language)))


def fragment_html(section: ResolvedSection, document: ResolvedDocument, version_label: str, meta: str,
                  language: str | None = None, meta_lang: str | None = None) -> str:
    """A self-contained, sanitized HTML fragment of one section, for an in-app webview.

    `meta` is its last line ("<title>, version <id>" in the region's language); `language`
    the language of the document's text (default: the region's locale). Every character
    outside ASCII is written as a character reference, so the fragment reads the same
    whatever character set a host or server declares for it.
    """
    app = f" data-app=\"{escape(section.app_name)}\"" if section.app_name else ""
    text_language = section_language(section, language or document.locale)
    meta_locale = meta_lang or document.locale       # the footer's language: the region's, or English (`meta_lang`)
    meta_language = "" if text_language == meta_locale else f' lang="{escape(meta_locale)}"'
    title_language = f' lang="{escape(section.translation.source_language)}"' \
        if section.translation and -1 in section.translation.fallback else ""
    return ascii_html(
        f'<section class="pk-fragment" id="{escape(section.id)}" lang="{escape(text_language)}" '
        f'data-statement="{escape(document.statement)}" data-region="{escape(document.region)}" '
        f'data-version="{escape(version_label)}"{app}>\n'
        f"<style>{FRAGMENT_CSS}</style>\n"
        f"<h2{title_language}>{escape(section.title)}</h2>\n"
        f"{markdown_to_html(marked_markdown(section))}\n"
        f'<p class="pk-fragment__meta"{meta_language}>{escape(meta)}</p>\n'
        "</section>\n"
    )


def fragment_page(fragment: str, section: ResolvedSection, document: ResolvedDocument,
                  language: str | None = None) -> str:
    """The fragment as a standalone document: doctype, character set, viewport, the language of
    its text and a title, for a webview that loads it directly. As a document it is the page's
    main content, and the section's title is the page's heading: its `<h2>` (made to sit under
    a host page's own headings) becomes the `<h1>`."""
    text_language = section_language(section, language or document.locale)
    title = ascii_html(escape(f"{section.title} – {document.title}", quote=False))
    # The fragment's first heading is its title, before any of the section's text.
    fragment = fragment.replace("<h2", "<h1", 1).replace("</h2>", "</h1>", 1)
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(text_language)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n"
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"{fragment}"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )


def ascii_html(markup: str) -> str:
    """HTML with every non-ASCII character written as a numeric character reference (`&#8217;`)."""
    return markup.encode("ascii", "xmlcharrefreplace").decode("ascii")
