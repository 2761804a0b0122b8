"""The draft page kind: with `preview_draft`, each statement's unreleased text at
`<region>/<statement>/draft/`, its redline against the latest release with the verdict the
draft would get, and the notice texts it would need."""

from __future__ import annotations

from ..changes.verdict import RegionVerdict
from ..render.templates import fill_text
from ..versions.gate import draft_notes_path, read_release_notes
from . import notice as notice_kind
from . import redline as redline_kind
from .context import RegionalStatement, SiteContext
from .page import Edition, SitePage, notice
from .statement import statement_page
from .wording import heading_words


def draft_pages(site: SiteContext, regional: RegionalStatement) -> list[SitePage]:
    """The draft, its redline and its notices in one region (the region has a release)."""
    t = site.words(regional.region.locale)
    # The draft is compared with the text of the latest release, which is the text of the region's last
    # version (a release that left this region's text as it was is no version here: release43, versions44).
    latest = regional.editions[regional.versions[-1].id]
    draft = Edition(regional.draft, None, f"{regional.base}draft/")
    banner = notice("warning", t["draft_title"], t["draft_preview"], "changes/", t["review_changes"])
    published = draft_published_as(site, regional.statement.id).get(regional.region.id)
    _, region_name, lang = heading_words(site, regional.region.id, regional.draft.region_name)
    title = fill_text(t["draft_page_title"], title=regional.draft.title, region=region_name)
    pages = [statement_page(site, regional.draft, url=draft.url, notices=[banner], previous_link="changes/",
                            archived=True, draft=True, published_as=published, title=title, title_lang=lang),
             *redline_kind.redline_pages(site, latest, draft, f"{draft.url}changes/",
                                         region_draft_verdict(site, regional), review=True)]
    notices = notice_kind.draft_notice_page(site, regional, f"{draft.url}notice/")
    if notices is not None:
        pages.append(notices)
    return pages


def unreleased_draft_page(site: SiteContext, regional: RegionalStatement) -> SitePage:
    """The draft of a statement with no release in the region, at `<region>/<statement>/draft/`:
    kept out of search engines, the sitemap, the API and the home page like every draft, and
    saying that nothing of it is in force (there is no release to compare it with)."""
    t = site.words(regional.region.locale)
    banner = notice("warning", t["draft_title"], t["draft_unreleased"])
    _, region_name, lang = heading_words(site, regional.region.id, regional.draft.region_name)
    title = fill_text(t["draft_page_title"], title=regional.draft.title, region=region_name)
    published = draft_published_as(site, regional.statement.id).get(regional.region.id)
    return statement_page(site, regional.draft, url=f"{regional.base}draft/", notices=[banner], archived=True,
                          draft=True, published_as=published, title=title, title_lang=lang)


def draft_published_as(site: SiteContext, statement_id: str) -> dict[str, str]:
    """How the draft's release notes say translated regions are published (region -> value)."""
    from ..translate.status import published_as

    path = draft_notes_path(site.project, statement_id)
    notes = read_release_notes(path, site.project.paths.shown(path))
    published, _problems = published_as(notes.located or notes.meta, notes.shown, site.project.regions)
    return {region: value.value for region, value in published.items()}


def region_draft_verdict(site: SiteContext, regional: RegionalStatement) -> RegionVerdict:
    """The draft's verdict in one region, with the decisions of the draft's release notes: the
    region's part of the statement's verdict, which the draft's notices show too."""
    latest = regional.latest_release
    assert latest is not None
    verdict = notice_kind.draft_statement_verdict(site, regional.statement.id, latest)
    found = next((r for r in verdict.regions if r.region == regional.region.id), None)
    if found is None:
        raise ValueError(f"the draft's verdict against release {latest.shown} of "
                         f"{regional.statement.id!r} judges no region {regional.region.id!r}")
    return found
