"""The dated version page kind: every release at its stable address `<region>/<statement>/<date>/`,
saying whether it is superseded, upcoming or in force."""

from __future__ import annotations

from ..render.templates import fill_text
from ..versions.store import Version
from .context import RegionalStatement, SiteContext
from .page import Notice, SitePage, notice, relative_url
from .statement import version_page
from .wording import heading_words


def dated_page(site: SiteContext, regional: RegionalStatement, version: Version) -> SitePage:
    """The page of one release in one region."""
    edition = regional.editions[version.id]
    t = site.region_words(regional.region.id)
    _, region_name, lang = heading_words(site, regional.region.id, edition.document.region_name)
    title = fill_text(t["dated_title"], title=site.statement_title(regional.statement.id, regional.region.id),
                      region=region_name, date=site.date(version, regional.region.id))
    return version_page(site, regional, edition, edition.url, version_notices(site, regional, version),
                        archived=True, title=title, title_lang=lang)


def version_notices(site: SiteContext, regional: RegionalStatement, version: Version) -> list[Notice]:
    """The banner of a dated version: superseded, upcoming, or in force."""
    region_id = regional.region.id
    t = site.region_words(region_id)
    url, base, in_force = regional.editions[version.id].url, regional.base, regional.in_force
    date = site.date(version, region_id)
    if in_force is not None and version.effective_date < in_force.effective_date:
        return [notice("warning", t["superseded_title"], fill_text(t["superseded"], date=date),
                       relative_url(url, base), t["read_in_force"])]
    if version.effective_date > site.build_date:
        return [notice("info", t["upcoming_version_title"], fill_text(t["version_takes_effect"], date=date),
                       relative_url(url, base), t["read_in_force"])]
    # The page links to every version already, under the date it was last updated.
    return [notice("info", t["in_force_title"], t["in_force"])]
