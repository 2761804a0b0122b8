"""The home page kind: every statement, with a link to it in every region."""

from __future__ import annotations

from .context import SiteContext
from .page import SitePage, TocEntry, anchor
from .wording import region_links


def home_page(site: SiteContext) -> SitePage:
    """The site's index page (`index.html`), in English like its template: the statements
    released in some region (one never released is not published; its draft is previewed
    under `draft/` only)."""
    shown = [s for s in site.project.statements.values() if site.released_in(s.id)]
    statements = [{
        "id": anchor(s.id), "title": s.title, "description": s.description,
        "regions": region_links(site, s.id, ""),
    } for s in shown]
    html = site.templates.render("index.html", statements=statements)
    toc = tuple(TocEntry(s.title, s.id, 2) for s in shown)
    regions = site.project.regions
    default = site.project.default_region if site.project.default_region in regions else next(iter(regions)).id
    return SitePage("", "Privacy statements", html, toc, locale="en", navigation=site.navigation(default))
