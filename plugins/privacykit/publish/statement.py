"""The statement page kind: a statement's text for one region, and the page readers land on.

The body (every section's HTML in its outline groups) and its table of contents are made
once per distinct text and shared by every region and version that shows it; dated
versions and the draft (`dated`, `draft`) are statement pages at other addresses.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from markupsafe import Markup

from ..model.document import ResolvedDocument, ResolvedSection
from ..model.rules import Action
from ..render.dates import format_date
from ..render.markdown import markdown_to_html
from ..render.templates import fill_text
from .context import RegionalStatement, SiteContext
from .page import Edition, Notice, SitePage, TocEntry, anchor, notice, relative_url, statement_url


def section_view(section: ResolvedSection) -> dict[str, Any]:
    """What `_section.html` shows of a section."""
    return {
        "id": anchor(section.id), "title": section.title, "kind": section.kind, "owner": section.owner,
        "depth": section.depth, "show_heading": section.show_heading,
        "html": Markup(markdown_to_html(section.markdown)),
    }


def body(site: SiteContext, document: ResolvedDocument) -> tuple[Markup, tuple[TocEntry, ...]]:
    """The sections' HTML and outline; identical texts (regions, versions) render once."""
    key = (document.fingerprint, site.templates.digest("_statement_body.html"),
           site.templates.digest("_section.html"))
    return site.cache.bodies.get_or_make(key, lambda: render_body(site, document))


def render_body(site: SiteContext, document: ResolvedDocument) -> tuple[Markup, tuple[TocEntry, ...]]:
    """`body` without the cache: each section's markup is still made once per distinct section."""
    groups = []
    toc: list[TocEntry] = []
    template = site.templates.digest("_section.html")
    for group in document.groups:
        members = document.sections_in(group.id)
        if not members:
            continue
        sections = [{"id": anchor(s.id), "rendered": site.cache.sections.get_or_make(
            (s.digest, template), partial(_section_html, site, s))} for s in members]
        groups.append({"id": anchor(group.id), "heading": group.heading, "sections": sections})
        children = tuple(TocEntry(s.title, s.id, 3) for s in members if s.show_heading and s.depth == 0)
        if group.heading:
            toc.append(TocEntry(group.heading, group.id, 2, children))
        else:
            toc.extend(TocEntry(c.title, c.id, 2) for c in children)
    return Markup(site.templates.render("_statement_body.html", groups=groups)), tuple(toc)


def _section_html(site: SiteContext, section: ResolvedSection) -> Markup:
    return Markup(site.templates.render("_section.html", section=section_view(section)))


def statement_page(site: SiteContext, document: ResolvedDocument, url: str | None = None,
                   effective_date: dt.date | None = None, notices: list[Notice] | None = None,
                   previous_link: str | None = None, archived: bool = False) -> SitePage:
    """One statement's text for one region at `url` (by default where readers land)."""
    home = statement_url(document.region, document.statement)
    url = home if url is None else url
    text, toc = body(site, document)
    context: dict[str, Any] = {
        "document": document, "body": text, "t": site.words(document.locale),
        "region_links": site.region_links(document.statement, url, document.region),
        "last_updated": format_date(effective_date, document.locale) if effective_date else None,
        "effective_date": effective_date.isoformat() if effective_date else None,
        "previous_link": previous_link, "notices": notices or [],
        "archive_link": relative_url(url, f"{home}archive/"),
    }
    html = site.render_page("statement.html", lambda: (
        document.fingerprint, document.statement, document.region, document.region_name, document.locale,
        url, repr({k: v for k, v in context.items() if k not in ("document", "body", "t")})), lambda: context)
    return SitePage(url, f"{document.title} ({document.region_name})", html, toc, locale=document.locale,
                    archived=archived)


def version_page(site: SiteContext, regional: RegionalStatement, edition: Edition, url: str,
                 notices: list[Notice], archived: bool = False) -> SitePage:
    """A released version at `url`, with its effective date and a link to its redline."""
    version = edition.version
    assert version is not None
    previous_link = None
    if regional.edition_before(version) is not None:
        previous_link = relative_url(url, f"{edition.url}changes/")
    return statement_page(site, edition.document, url=url, effective_date=version.effective_date,
                          notices=notices, previous_link=previous_link, archived=archived)


def in_force_page(site: SiteContext, regional: RegionalStatement) -> SitePage:
    """The page readers land on: the version in force, or the first one before it starts;
    a banner announces an upcoming version. Without any release: the draft, with a banner."""
    t = site.words(regional.region.locale)
    if not regional.versions:
        return statement_page(site, regional.draft, url=regional.base,
                              notices=[notice("warning", t["draft_title"], t["draft_unreleased"])])
    shown = regional.in_force or regional.upcoming
    assert shown is not None
    notices = []
    if regional.in_force is None:
        notices.append(notice("info", t["not_yet_in_force_title"],
                              fill_text(t["takes_effect"], date=site.date(shown, regional.region.id))))
    elif regional.upcoming is not None:
        upcoming = regional.upcoming
        judged = upcoming.region_verdict(regional.region.id)
        consequence = " " + t["consent_ahead"] if judged and judged.decision is Action.CONSENT else ""
        notices.append(notice(
            "warning", t["upcoming_change_title"],
            fill_text(t["changes_on"], date=site.date(upcoming, regional.region.id)) + consequence,
            relative_url(regional.base, f"{regional.base}{upcoming.id}/changes/"), t["review_changes"]))
    return version_page(site, regional, regional.editions[shown.id], regional.base, notices)
