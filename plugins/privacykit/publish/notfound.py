"""The 404 page's content: one page for every address that names nothing, so it cannot know its
reader's language from where it is. It says so in every language the site is read in, each with
the way back: the home page and that language's statements (a script puts first the language of
the region an address names, `theme/assets/javascripts/privacykit.js`)."""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from ..model.region import primary_language
from .context import SiteContext


def not_found_html(site: SiteContext, site_url: str, title_id: str) -> str:
    """The 404 page's `<article>` content: its `<h1>` (id `title_id`: "Page not found" in each language), then
    one block per language the site's regions read, in the order of the regions, the default
    region's first: a heading (the language's name), what happened, and links to the home page and
    to the statements of a region of that language (the default region for its own language).
    Links are absolute (the page is served at any depth), below `site_url`'s path."""
    from ..render.templates import lang_marks

    base = urlsplit(site_url).path or "/"
    base = base if base.endswith("/") else base + "/"
    regions = site.project.regions
    default = site.project.default_region
    order = [default, *(r.id for r in regions if r.id != default)] if default in regions else [r.id for r in regions]
    blocks: dict[str, tuple[str, list[str]]] = {}      # language -> (the region whose links it shows, its regions)
    for region_id in order:
        language = primary_language(regions.language(region_id))
        if language not in blocks:
            blocks[language] = (region_id, [])
        blocks[language][1].append(region_id)
    # A language the strings catalog lacks says "Page not found" in English: marked English, and said once.
    titles: list[tuple[str, str]] = []
    for region_id, _members in blocks.values():
        locale = regions[region_id].locale
        said = (site.templates.words_locale(locale), site.words(locale)["not_found_title"])
        if said[1] not in (text for _locale, text in titles):
            titles.append(said)
    titles = titles or [("en", site.words("en")["not_found_title"])]
    page_language = primary_language(titles[0][0])
    title = " · ".join(escape(text) if primary_language(locale) == page_language
                       else f'<span lang="{escape(locale)}"{_direction(locale)}>{escape(text)}</span>'
                       for locale, text in titles)
    out = [f'<div class="pk-not-found" data-base="{escape(base)}">', f'<h1 id="{escape(title_id)}">{title}</h1>']
    for language, (region_id, members) in blocks.items():
        locale = regions[region_id].locale
        t = site.words(locale)
        # (a statement title left in English is marked, and left to right in an Arabic section: rtl44)
        links = "".join(f'<li><a href="{escape(base + link.url)}"{lang_marks(link.lang, locale)}>'
                        f'{escape(link.title)}</a></li>' for link in site.navigation(region_id))
        heading = f"pk-not-found-{escape(language)}"
        english = t["fallback_attrs"]     # the words of a language the catalog lacks are English, marked
        out.append(f'<section class="pk-not-found__language" lang="{escape(locale)}"{_direction(locale)} '
                   f'data-regions="{escape(" ".join(members))}" aria-labelledby="{heading}">'
                   f'<h2 id="{heading}">{escape(t["language_name"])}</h2>'
                   f'<p{english}>{escape(t["not_found_text"])}</p>'
                   f"<ul>{_mark_home(links, english)}</ul></section>")
    out.append("</div>")
    return "\n".join(out)


def _direction(locale: str) -> str:
    from ..render.templates import text_direction

    return ' dir="rtl"' if text_direction(locale) == "rtl" else ""


def _mark_home(links: str, english: str) -> str:
    """The first link (home, named by the strings catalog) marked English when its words are."""
    return links.replace("<li>", f"<li{english}>", 1) if english else links
