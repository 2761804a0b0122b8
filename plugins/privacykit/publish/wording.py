"""What the words around a statement are made of in a region's language: headings in catalog words, dates
written in English where no format knows the locale, and the region selector's names and marks (rtl44). Kept
apart from `SiteContext`, which holds one build's inputs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .page import relative_url, statement_url

if TYPE_CHECKING:
    from .context import SiteContext


def heading_words(site: SiteContext, region_id: str, recorded: str | None = None) -> tuple[str, str, str]:
    """What a heading made of catalog words is filled with in a region: the locale of its dates,
    the region's name, and the language to mark the heading with. Where the catalog lacks the
    region's language the heading's words are English, so its name and dates are English too
    and the whole heading is marked "en" ("… (Saudi Arabia): all versions", rtl44)."""
    region = site.project.regions[region_id]
    if site.templates.speaks(region.locale):
        return region.locale, site.region_name(region_id, recorded), ""
    from ..render.templates import english_name, territory_name

    name = recorded or region.name
    english = name if english_name(name, region.locale) else (territory_name(region.locale, "en") or name)
    return "en", english, "en"


def date_attrs(site: SiteContext, region_id: str) -> str:
    """` lang="en"` (and `dir="ltr"` on a right-to-left page) for a date of the region written in
    English because no date format knows its locale, else "" (rtl44)."""
    from ..render.dates import date_language
    from ..render.templates import lang_marks

    locale = site.project.regions[region_id].locale
    return lang_marks("en", locale) if date_language(locale) == "en" else ""


def region_links(site: SiteContext, statement_id: str, from_url: str, current: str | None = None,
                 draft: bool = False) -> list[dict[str, Any]]:
    """The same statement in every region where it is published (the region selector), linked
    from `from_url`, each named with the language its text is in; with `draft`, its draft in
    every region (the selector of a statement never released, whose only pages are drafts)."""
    from ..render.templates import lang_marks

    regions = site.project.regions
    released = site.released_in(statement_id)
    page = regions[current].locale if current is not None and current in regions else ""
    return [{"name": site.region_name(r.id), "locale": r.locale, "current": r.id == current,
             # (a region named in another language than the page's says so, and its direction: rtl44)
             "marks": Markup(lang_marks(r.locale, page)),
             "language": regions.language(r.id),
             "language_name": site.templates.strings(regions.language(r.id))["language_name"],
             "url": relative_url(from_url, statement_url(r.id, statement_id) + ("draft/" if draft else ""))}
            for r in regions if draft or r.id in released or r.id == current]
