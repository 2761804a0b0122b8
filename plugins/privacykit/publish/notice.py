"""The notice page kind: the e-mail and in-app texts the draft's changes would need in a
region (`<region>/<statement>/draft/notice/`), for writers and reviewers.

The preview is dated with the earliest effective date the rules allow for a release made on
the build date (the page says so), and links to the draft's redline, which the site publishes
next to it."""

from __future__ import annotations

from ..changes.reader import sentence_gap
from ..changes.verdict import Verdict
from ..render.dates import format_date
from ..render.templates import fill_text
from ..versions.gate import draft_notes_path, draft_verdict, read_release_notes
from ..versions.notices import NoticePlan, earliest_effective, render_notices
from ..versions.store import Version
from .context import RegionalStatement, SiteContext
from .page import SitePage, TocEntry
from .wording import heading_words


def draft_notice_page(site: SiteContext, regional: RegionalStatement, url: str) -> SitePage | None:
    """The notice texts of the draft in one region; None when its changes need no notice there."""
    assert regional.latest_release is not None
    texts, effective, days = draft_notices(site, regional.statement.id, regional.latest_release)
    region_id = regional.region.id
    email = texts.get(f"notices/{region_id}.email.md")
    if email is None:
        return None
    t = site.region_words(region_id)
    language = site.templates.speaks(regional.region.locale)
    html = site.templates.render("notice.html", email=email.decode("utf-8"), t=t,
                                 inapp=texts[f"notices/{region_id}.inapp.txt"].decode("utf-8"),
                                 effective=format_date(effective, regional.region.locale),
                                 build_date=format_date(site.build_date, regional.region.locale),
                                 days=days, english_only=not language, locale=regional.region.locale,
                                 gap=sentence_gap(regional.region.locale) if language else " ")
    title = fill_text(t["notice_page_title"], region=heading_words(site, region_id)[1])
    english = "" if language else "en"     # the page's words are English where the catalog lacks the language
    toc = (TocEntry(t["notice_email_heading"], "email", 2, lang=english),
           TocEntry(t["notice_inapp_heading"], "in-app", 2, lang=english))
    return SitePage(url, title, html, toc, locale=regional.region.locale, archived=True, draft=True,
                    statement=regional.statement.id, navigation=site.navigation(region_id),
                    title_part=title if english else "", title_lang=english)


def draft_statement_verdict(site: SiteContext, statement_id: str, latest: Version) -> Verdict:
    """The verdict of the statement's draft against release `latest` in every region, with the
    decisions of the draft's release notes (judged once per statement, release and build: regions
    whose latest releases differ are judged against their own)."""
    key = (statement_id, latest.effective_date)
    if key not in site.draft_verdicts:
        project = site.project
        notes = read_release_notes(draft_notes_path(project, statement_id),
                                   project.paths.shown(draft_notes_path(project, statement_id)))
        drafts = {r.id: site.drafts[(statement_id, r.id)] for r in project.regions}
        verdict = draft_verdict(project, site.store, statement_id, latest, drafts=drafts)
        site.draft_verdicts[key] = verdict.acknowledged(notes.acknowledgements)
    return site.draft_verdicts[key]


def draft_notices(site: SiteContext, statement_id: str, latest: Version):
    """The notice texts of the draft's verdict against release `latest`, every region's (judged once
    per statement and build), with the effective date they give and the days of notice it is."""
    key = (statement_id, latest.effective_date)
    if key not in site.draft_notices:
        project = site.project
        notes = read_release_notes(draft_notes_path(project, statement_id),
                                   project.paths.shown(draft_notes_path(project, statement_id)))
        drafts = {r.id: site.drafts[(statement_id, r.id)] for r in project.regions}
        verdict = draft_statement_verdict(site, statement_id, latest)
        effective, days = earliest_effective(verdict, site.build_date, latest.effective_date)
        plan = NoticePlan(effective, "draft", notes.summary, notes.summaries)
        previous = {r: site.store.document(latest, r) for r in latest.regions if r in drafts}
        site.draft_notices[key] = (render_notices(project, verdict, statement_id, plan, site.templates,
                                                           drafts, previous), effective, days)
    return site.draft_notices[key]
