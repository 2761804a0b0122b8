"""Fragments for in-app webviews: each app section of each version, self-contained.

    fragments/<statement>/<region>/<version>/<section>.html       to embed in a page
    fragments/<statement>/<region>/<version>/<section>.page.html  the same, a standalone document
    fragments/<statement>/<region>/latest/<section>[.page].html   the version in force

One `<section>` with its own small stylesheet, sanitized, no script and no external resource,
in ASCII (other characters as references), and the same section as a standalone document.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from ..model.document import ResolvedDocument, ResolvedSection
from ..render.markdown import markdown_to_html, marked_markdown
from ..render.templates import fill_text, lang_marks
from .api import ReleaseSignals, SectionSignal, region_signals, section_language
from .context import RegionalStatement, SiteContext
from .page import SiteAsset, statement_url
from .statement import binding_note, untranslated_title

# The fragment's own stylesheet, inline in every fragment and published as `fragments/fragment.css`
# for a host whose Content-Security-Policy refuses inline styles (embed44). Colours are custom
# properties: light by default, dark under `prefers-color-scheme: dark`; the fragment sets its text
# colour and its background together, so it reads on any host (docs/embedding.md, "Dark mode").
FRAGMENT_CSS = (
    ".pk-fragment{--pk-fg:#1f1f1f;--pk-bg:#fff;--pk-link:#c62828;--pk-muted:#595959;"
    "font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--pk-fg);"
    "background:var(--pk-bg);max-width:48em;margin:0 auto;padding:1px 1em;overflow-wrap:anywhere}"
    ".pk-fragment h1,.pk-fragment h2,.pk-fragment h3{font-size:1.25em;margin:.8em 0 .4em}"
    ".pk-fragment a{color:var(--pk-link)}.pk-fragment ul{padding-left:1.2em}"
    ".pk-fragment__meta,.pk-fragment__note{font-size:.8em;color:var(--pk-muted)}"
    ".pk-page{margin:0;background:#fff}"
    "@media (prefers-color-scheme:dark){"
    ".pk-fragment{--pk-fg:#e6e6e6;--pk-bg:#121212;--pk-link:#ff8a80;--pk-muted:#b3b3b3}"
    ".pk-page{background:#121212}}"
)
STYLESHEET = "fragments/fragment.css"


def style_hash() -> str:
    """The Content-Security-Policy source that allows the fragment's inline `<style>`
    (`'sha256-…'`, the base64 sha256 of its text), for a host with `style-src` without `'unsafe-inline'`."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(FRAGMENT_CSS.encode("ascii")).digest()).decode() + "'"


def stylesheet_asset() -> SiteAsset:
    """`fragments/fragment.css`: the fragments' stylesheet as a file, for a host that allows styles
    only from files (`style-src 'self'` with a copy of it, or the privacy site's origin)."""
    return SiteAsset(STYLESHEET, FRAGMENT_CSS + "\n")


@dataclass(frozen=True)
class FragmentLinks:
    """Where a fragment's links go: the statement page of its text (its in-page links `#<id>` are
    made links to that page, dead otherwise in a host page) and the statement's archive."""

    page: str          # the statement's page for this text (ends with "/")
    archive: str       # its archive page


def fragment_links(site: SiteContext, statement: str, region: str, page: str) -> FragmentLinks:
    """Links from a fragment (`fragments/<statement>/<region>/<label>/`) to a statement page `page` (a site path):
    absolute under `site_url`, else relative to the fragment's folder (`check` warns that a fetched
    fragment cannot follow those)."""
    base = site.site_url.rstrip("/") + "/" if site.site_url else "../../../../"
    return FragmentLinks(base + page, base + statement_url(region, statement) + "archive/")


def region_fragments(site: SiteContext, regional: RegionalStatement, emit: Callable[[SiteAsset], None],
                     signals: dict[str, ReleaseSignals] | None = None) -> None:
    """The fragments of every app section of every version of the region, and of the one in force:
    each as a bare `<section>` to embed and as a standalone document to load."""
    statement, region = regional.statement, regional.region
    t = site.words(region.locale)
    signals = region_signals(regional, site.cache.section_digests) if signals is None else signals
    labels = [(v.id, regional.editions[v.id]) for v in regional.versions]
    if regional.in_force is not None:
        labels.append(("latest", regional.editions[regional.in_force.id]))
    for label, edition in labels:
        version = edition.version
        assert version is not None
        base = f"fragments/{statement.id}/{region.id}/{label}/"
        language = edition.document.text_language(site.source_language(region.id))
        # The version's date as the region's pages write it ("1 de maio de 2024"), never its id ("2024-05-01");
        # `version` too, for a project's own entry written before `{date}`.
        date = site.date(version, region.id)
        meta = fill_text(t["fragment_meta"], title=edition.document.title, date=date, version=date)
        page = statement_url(region.id, statement.id)
        if label != "latest":
            page += f"{version.id}/"
        links = fragment_links(site, statement.id, region.id, page)
        # (the footer's words are English where the catalog lacks the region's language, i18n44)
        meta_lang = None if site.templates.speaks(region.locale) else "en"
        recorded = version.translations.get(region.id) or {}
        note = binding_note(edition.document, recorded.get("published_as"), t)
        # (the title's own language: the source's where it is left untranslated, rtl44)
        title_lang = edition.document.source_language if untranslated_title(edition.document) else language
        extra = {"meta_title": edition.document.title, "archive_words": t["all_versions"], "note": note,
                 "meta_title_lang": title_lang}
        for section in edition.document.sections:
            if section.kind == "app":
                fragment = fragment_html(section, edition.document, version.id, meta, language,
                                         signal=signals[version.id].sections.get(section.id), links=links,
                                         meta_lang=meta_lang, **extra)
                emit(SiteAsset(f"{base}{section.id}.html", fragment))
                emit(SiteAsset(f"{base}{section.id}.page.html",
                               fragment_page(fragment, section, edition.document, language)))


# An in-page link of the section's text (`[your rights](#rights)`), as Markdown renders it.
_IN_PAGE_HREF = re.compile(r'href="#')
# A link's opening tag without a target, to a page or address (not an anchor of the same page).
_LINK_TO_LEAVE = re.compile(r'<a (?![^>]*\btarget=)(?=[^>]*\bhref="(?!#))')


def fragment_html(section: ResolvedSection, document: ResolvedDocument, version_label: str, meta: str,
                  language: str | None = None, *, signal: SectionSignal | None = None,
                  links: FragmentLinks | None = None, meta_title: str | None = None,
                  archive_words: str | None = None, note: str | None = None,
                  meta_lang: str | None = None, meta_title_lang: str | None = None) -> str:
    """A self-contained, sanitized HTML fragment of one section, for an in-app webview.

    `meta` is its last line ("<title>, version of <date>" in the region's language and date format); `language`
    the language of the document's text (default: the region's locale). Every character
    outside ASCII is written as a character reference, so the fragment reads the same
    whatever character set a host or server declares for it.

    With `signal` the section carries its digest, last change and consent date as data
    attributes; with `links` its in-page links go to the statement page, `meta_title` (the
    statement's title in `meta`) links there and `archive_words` to the archive; `note` is
    the translated region's word on which text is binding (embed44); `meta_title_lang` is the language of
    the title in `meta`, marked where it is not the footer's (an English title in a Portuguese footer, rtl44).
    """
    app = f" data-app=\"{escape(section.app_name)}\"" if section.app_name else ""
    data = ""
    if signal is not None:
        data = (f' data-digest="{signal.digest}" data-changed="{signal.changed}"'
                f' data-consent-required-since="{signal.consent_required_since or ""}"')
    text_language = section_language(section, language or document.locale)
    meta_locale = meta_lang or document.locale       # the footer's language: the region's, or English (`meta_lang`)
    meta_language = "" if text_language == meta_locale else f' lang="{escape(meta_locale)}"'
    title_language = f' lang="{escape(section.translation.source_language)}"' \
        if section.translation and -1 in section.translation.fallback else ""
    body = markdown_to_html(marked_markdown(section))
    meta_html = escape(meta)
    title_marks = lang_marks(meta_title_lang, meta_locale)
    if title_marks and links is None and meta_title and escape(meta_title) in meta_html:
        meta_html = meta_html.replace(escape(meta_title), f"<span{title_marks}>{escape(meta_title)}</span>", 1)
    if links is not None:
        if "#" in body:
            body = _IN_PAGE_HREF.sub(f'href="{escape(links.page)}#', body)
        if meta_title and escape(meta_title) in meta_html:
            meta_html = meta_html.replace(escape(meta_title),
                                          f'<a href="{escape(links.page)}"{title_marks}>{escape(meta_title)}</a>', 1)
        if archive_words:
            meta_html += f' &#183; <a href="{escape(links.archive)}">{escape(archive_words)}</a>'
    note_html = f'<p class="pk-fragment__note"{meta_language}>{escape(note)}</p>\n' if note else ""
    return ascii_html(
        f'<section class="pk-fragment" id="{escape(section.id)}" lang="{escape(text_language)}" '
        f'data-statement="{escape(document.statement)}" data-region="{escape(document.region)}" '
        f'data-version="{escape(version_label)}"{app}{data}>\n'
        f"<style>{FRAGMENT_CSS}</style>\n"
        f"<h2{title_language}>{escape(section.title)}</h2>\n"
        f"{body}\n"
        f"{note_html}"
        f'<p class="pk-fragment__meta"{meta_language}>{meta_html}</p>\n'
        "</section>\n"
    )


# What the standalone page may load (sec45): its own stylesheet and the site's images, no script, no
# form, no base. An in-app webview holds it, often with a bridge to the app's code: were the sanitizer
# ever bypassed, the browser would still run nothing. (`frame-ancestors` is not honoured in a meta
# element; the page is meant to be framed anyway.)
FRAGMENT_PAGE_POLICY = ("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; "
                        "form-action 'none'")


def fragment_page(fragment: str, section: ResolvedSection, document: ResolvedDocument,
                  language: str | None = None) -> str:
    """The fragment as a standalone document: doctype, character set, viewport, the language of
    its text and a title, for a webview that loads it directly. As a document it is the page's
    main content, and the section's title is the page's heading: its `<h2>` (made to sit under
    a host page's own headings) becomes the `<h1>`."""
    text_language = section_language(section, language or document.locale)
    title = ascii_html(escape(f"{section.title} – {document.title}", quote=False))
    # The fragment's first heading is its title, before any of the section's text.
    fragment = fragment.replace("<h2", '<h1 id="pk-title"', 1).replace("</h2>", "</h1>", 1)
    # In an iframe a link would open inside the frame: each link to a page or an address opens
    # in the window holding it (`_top`; a webview that loads the page directly is that window).
    fragment = _LINK_TO_LEAVE.sub('<a target="_top" ', fragment)
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(text_language)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{title}</title>\n"
        f'<meta http-equiv="Content-Security-Policy" content="{FRAGMENT_PAGE_POLICY}">\n'
        "</head>\n"
        '<body class="pk-page">\n'
        # Named by its title: in a host page's iframe it is a second `main`, told apart by its name.
        '<main aria-labelledby="pk-title">\n'
        f"{fragment}"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )


def ascii_html(markup: str) -> str:
    """HTML with every non-ASCII character written as a numeric character reference (`&#8217;`)."""
    return markup.encode("ascii", "xmlcharrefreplace").decode("ascii")
