"""The archive page kind: every version of a statement in one region, newest first, with
its status on the build date and links to its page and its redline."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..render.dates import format_date
from ..render.templates import fill_text
from .context import RegionalStatement, SiteContext
from .page import SitePage, file_url, relative_url
from .wording import date_attrs, heading_words


def archive_page(site: SiteContext, regional: RegionalStatement) -> SitePage:
    """`<region>/<statement>/archive/`."""
    region, statement, base = regional.region, regional.statement, regional.base
    url = f"{base}archive/"
    t = site.words(region.locale)
    in_force = regional.in_force
    rows = []
    _, heading_region, lang = heading_words(site, region.id)
    marked_date = Markup(date_attrs(site, region.id))
    for version in reversed(regional.versions):
        if in_force is not None and version.id == in_force.id:
            status, label = "in-force", t["status_in_force"]
        elif version.effective_date > site.build_date:
            status, label = "upcoming", t["status_upcoming"]
        else:
            status, label = "superseded", t["status_superseded"]
        has_previous = regional.edition_before(version) is not None
        summary, summary_lang = site.summary(regional.statement, region.id, version)
        rows.append({"id": version.id, "date": format_date(version.effective_date, region.locale), "status": status,
                     # (a date alone is marked when it is English; in a sentence of fallback words, English)
                     "date_attrs": marked_date, "sentence_date": site.date(version, region.id),
                     "status_label": label, "summary": summary, "summary_lang": summary_lang,
                     "url": relative_url(url, f"{base}{version.id}/"),
                     "changes_url": relative_url(url, f"{base}{version.id}/changes/") if has_previous else None,
                     "pdf_url": file_url(url, pdf) if (pdf := site.pdf_path(statement.id, region.id, version))
                     else None})
    title = site.statement_title(statement.id, region.id)
    # (`heading_words` names the region as its pages do where the catalog speaks its language, else in English)
    context: dict[str, Any] = {"statement": statement.id, "region": region.id, "title": title,
                               "region_name": heading_region, "rows": rows, "locale": region.locale}
    html = site.render_page("archive.html", lambda: repr(context), lambda: {**context, "t": t})
    heading = fill_text(t["archive_title"], title=title, region=heading_region)
    return SitePage(url, heading, html, locale=region.locale, archived=True, statement=statement.id,
                    navigation=site.navigation(region.id), title_part=heading if lang else "", title_lang=lang)
