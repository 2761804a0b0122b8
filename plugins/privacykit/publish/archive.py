"""The archive page kind: every version of a statement in one region, newest first, with
its status on the build date and links to its page and its redline."""

from __future__ import annotations

from typing import Any

from ..render.templates import fill_text
from .context import RegionalStatement, SiteContext
from .page import SitePage, file_url, relative_url


def archive_page(site: SiteContext, regional: RegionalStatement) -> SitePage:
    """`<region>/<statement>/archive/`."""
    region, statement, base = regional.region, regional.statement, regional.base
    url = f"{base}archive/"
    t = site.words(region.locale)
    in_force = regional.in_force
    rows = []
    for version in reversed(regional.versions):
        if in_force is not None and version.id == in_force.id:
            status, label = "in-force", t["status_in_force"]
        elif version.effective_date > site.build_date:
            status, label = "upcoming", t["status_upcoming"]
        else:
            status, label = "superseded", t["status_superseded"]
        has_previous = regional.edition_before(version) is not None
        summary, summary_lang = site.summary(regional.statement, region.id, version)
        rows.append({"id": version.id, "date": site.date(version, region.id), "status": status,
                     "status_label": label, "summary": summary, "summary_lang": summary_lang,
                     "url": relative_url(url, f"{base}{version.id}/"),
                     "changes_url": relative_url(url, f"{base}{version.id}/changes/") if has_previous else None,
                     "pdf_url": file_url(url, pdf) if (pdf := site.pdf_path(statement.id, region.id, version))
                     else None})
    title, region_name = site.statement_title(statement.id, region.id), site.region_name(region.id)
    context: dict[str, Any] = {"statement": statement.id, "region": region.id, "title": title,
                               "region_name": region_name, "rows": rows, "locale": region.locale}
    html = site.render_page("archive.html", lambda: repr(context), lambda: {**context, "t": t})
    return SitePage(url, fill_text(t["archive_title"], title=title, region=region_name), html,
                    locale=region.locale, archived=True, statement=statement.id,
                    navigation=site.navigation(region.id))
