"""The notice page kind: the e-mail and in-app texts the draft's changes would need in a
region (`<region>/<statement>/draft/notice/`), for writers and reviewers."""

from __future__ import annotations

import datetime as dt

from ..render.templates import fill_text
from ..versions.gate import draft_notes_path, draft_verdict, read_release_notes
from ..versions.release import render_notices
from ..versions.store import Version
from .context import RegionalStatement, SiteContext
from .page import SitePage, TocEntry


def draft_notice_page(site: SiteContext, regional: RegionalStatement, url: str) -> SitePage | None:
    """The notice texts of the draft in one region; None when its changes need no notice there."""
    texts = draft_notices(site, regional.statement.id, regional.versions[-1])
    region_id = regional.region.id
    email = texts.get(f"notices/{region_id}.email.md")
    if email is None:
        return None
    t = site.region_words(region_id)
    html = site.templates.render("notice.html", email=email.decode("utf-8"), t=t,
                                 inapp=texts[f"notices/{region_id}.inapp.txt"].decode("utf-8"))
    title = fill_text(t["notice_page_title"], region=regional.region.name)
    toc = (TocEntry(t["notice_email_heading"], "email", 2), TocEntry(t["notice_inapp_heading"], "in-app", 2))
    return SitePage(url, title, html, toc, locale=regional.region.locale, archived=True, draft=True,
                    statement=regional.statement.id, navigation=site.navigation(region_id))


def draft_notices(site: SiteContext, statement_id: str, latest: Version) -> dict[str, bytes]:
    """The notice texts of the draft's verdict against release `latest`, every region's
    (judged once per statement and build)."""
    if statement_id not in site.draft_notices:
        project = site.project
        notes = read_release_notes(draft_notes_path(project, statement_id))
        drafts = {r.id: site.drafts[(statement_id, r.id)] for r in project.regions}
        verdict = draft_verdict(project, site.store, statement_id, latest, drafts=drafts)
        effective = max(site.build_date, latest.effective_date + dt.timedelta(days=1))
        site.draft_notices[statement_id] = render_notices(project, verdict.acknowledged(notes.acknowledgements),
                                                          statement_id, effective, site.templates)
    return site.draft_notices[statement_id]
