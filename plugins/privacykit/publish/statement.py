"""The statement page kind: a statement's text for one region, and the page readers land on.

The body (every section's HTML in its outline groups) and its table of contents are made
once per distinct text and shared by every region and version that shows it; dated
versions and the draft (`dated`, `draft`) are statement pages at other addresses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial
from typing import Any

from markupsafe import Markup

from ..model.document import ResolvedDocument, ResolvedSection
from ..model.rules import Action
from ..render.dates import format_date
from ..render.markdown import markdown_to_html, marked_markdown
from ..render.templates import fill_text, other_direction, other_language
from ..versions.store import Version
from .context import RegionalStatement, SiteContext
from .page import Edition, Notice, SitePage, TocEntry, anchor, file_url, notice, relative_url, statement_url
from .wording import region_links


def section_view(section: ResolvedSection, permalink: str = "Link to this section: {title}") -> dict[str, Any]:
    """What `_section.html` shows of a section (a title left in the source language says so);
    `permalink` names its heading's link, in the language of the heading ("{title}" is the title)."""
    translation = section.translation
    return {
        "id": anchor(section.id), "title": section.title, "kind": section.kind, "owner": section.owner,
        "depth": section.depth, "show_heading": section.show_heading,
        "html": Markup(markdown_to_html(marked_markdown(section))),
        "title_lang": translation.source_language if translation and -1 in translation.fallback else None,
        "title_dir": other_direction(translation.source_language, translation.language)
        if translation and -1 in translation.fallback else "",
        "permalink": link_name(permalink, section.title),
    }


def link_name(words: str, heading: str) -> str:
    """The name of a heading's permanent link: the catalog's `permalink` ("Link to this section: {title}")
    with the heading's text."""
    return words.replace("{title}", heading)


def body(site: SiteContext, document: ResolvedDocument) -> tuple[Markup, tuple[TocEntry, ...]]:
    """The sections' HTML and outline; identical texts (regions, versions) render once."""
    key = (document.fingerprint, site.templates.digest("_statement_body.html"),
           site.templates.digest("_section.html"), site.source_language(document.region))
    return site.cache.bodies.get_or_make(key, lambda: render_body(site, document))


def render_body(site: SiteContext, document: ResolvedDocument) -> tuple[Markup, tuple[TocEntry, ...]]:
    """`body` without the cache: each section's markup is still made once per distinct section."""
    groups = []
    toc: list[TocEntry] = []
    template = site.templates.digest("_section.html")
    language = document.text_language(site.source_language(document.region))
    for group in document.groups:
        members = document.sections_in(group.id)
        if not members:
            continue
        # A heading's link is named in the language of the heading.
        links = {s.id: site.words(title_language(s, language))["permalink"] for s in members}
        sections = [{"id": anchor(s.id), "rendered": site.cache.sections.get_or_make(
            (s.digest, template, links[s.id]), partial(_section_html, site, s, links[s.id]))} for s in members]
        heading_language = (document.source_language if document.is_translation and group.heading
                            and group.heading == group.source_heading else language)
        groups.append({"id": anchor(group.id), "heading": group.heading, "sections": sections,
                       "permalink": link_name(site.words(heading_language)["permalink"], group.heading or ""),
                       "heading_lang": other_language(heading_language, language),
                       "heading_dir": other_direction(heading_language, language)})
        children = tuple(TocEntry(s.title, s.id, 3, lang=other_language(title_language(s, language), document.locale))
                         for s in members if s.show_heading and s.depth == 0)
        if group.heading:
            toc.append(TocEntry(group.heading, group.id, 2, children,
                                lang=other_language(heading_language, document.locale)))
        else:
            toc.extend(replace(c, level=2) for c in children)
    return Markup(site.templates.render("_statement_body.html", groups=groups)), tuple(toc)


def title_language(section: ResolvedSection, text_language: str) -> str:
    """The language of a section's title in a document whose text is in `text_language`."""
    translation = section.translation
    if translation is None:
        return text_language
    return translation.source_language if -1 in translation.fallback else translation.language


def _section_html(site: SiteContext, section: ResolvedSection, permalink: str) -> Markup:
    return Markup(site.templates.render("_section.html", section=section_view(section, permalink)))


def statement_page(site: SiteContext, document: ResolvedDocument, url: str | None = None,
                   effective_date: dt.date | None = None, notices: list[Notice] | None = None,
                   previous_link: str | None = None, archived: bool = False, draft: bool = False,
                   published_as: str | None = None, title: str | None = None,
                   recently_updated: bool = False, pdf_link: str | None = None,
                   in_force: tuple[dt.date, dt.date | None] | None = None, title_lang: str = "") -> SitePage:
    """One statement's text for one region at `url` (by default where readers land).

    A translated text that shows passages in the source language says so, and how the
    release notes publish the region meanwhile (`published_as`). `title` is the page's
    (by default the statement's title and region); `recently_updated` says so above the
    link to the previous version; `in_force` (the version in force) says since when, and when the
    next release takes effect, if one is released but not yet in force. `title_lang` marks the whole
    `title` as in that language (a heading of catalog words the catalog lacks in the page's language)."""
    home = statement_url(document.region, document.statement)
    url = home if url is None else url
    text, toc = body(site, document)
    t = site.words(document.locale)
    # A date inside an English sentence (a language the catalog lacks) is written as English writes it.
    date_locale = site.templates.words_locale(document.locale)
    context: dict[str, Any] = {
        "document": document, "body": text, "t": t, "draft": draft,
        "text_lang": document.text_language(site.source_language(document.region)),
        # (the text's own direction where it differs from the page's: English in an Arabic page, i18n44)
        "text_dir": other_direction(document.text_language(site.source_language(document.region)), document.locale),
        "region_links": region_links(site, document.statement, url, document.region,
                                          draft=draft and not site.released_in(document.statement)),
        "last_updated": format_date(effective_date, date_locale) if effective_date else None,
        "effective_date": effective_date.isoformat() if effective_date else None,
        # A version not in force yet says when it takes effect, not "last updated" on a future day.
        "upcoming": effective_date is not None and effective_date > site.build_date,
        "previous_link": previous_link, "recently_updated": recently_updated, "pdf_link": pdf_link,
        "in_force": in_force_view(in_force, date_locale),
        "notices": [*(notices or []), *translation_notices(document, published_as, draft, t)],
        "archive_link": relative_url(url, f"{home}archive/"),
    }
    html = site.render_page("statement.html", lambda: (
        document.fingerprint, document.statement, document.region, document.region_name, document.locale,
        url, repr({k: v for k, v in context.items() if k not in ("document", "body", "t")})), lambda: context)
    title = title or f"{document.title} ({site.region_name(document.region, document.region_name)})"
    marks = title_marks(document, title, title_lang)
    return SitePage(url, title, html, toc, locale=document.locale,
                    archived=archived, alternates=alternates(site, document.statement, url), draft=draft,
                    statement=document.statement, navigation=site.navigation(document.region),
                    title_part=marks[0], title_lang=marks[1])


def title_marks(document: ResolvedDocument, title: str, title_lang: str) -> tuple[str, str]:
    """The part of a page title in another language and that language (`SitePage.title_part`/`title_lang`):
    the whole title when it is made of fallback English words (rtl44), else an untranslated statement title."""
    if title_lang:
        return title, title_lang
    if untranslated_title(document):
        return document.title, document.source_language
    return "", ""


def untranslated_title(document: ResolvedDocument) -> bool:
    """Whether the statement title of a translated document is left in the source language."""
    return document.is_translation and document.source_title is not None and document.title == document.source_title


def in_force_view(in_force: tuple[dt.date, dt.date | None] | None, locale: str) -> dict[str, str] | None:
    """What the page of the version in force says of it: since when (the release that last changed the
    region's text: one that translated another region is no new version here), and the next version's
    effective date, in the reader's language."""
    if in_force is None:
        return None
    since, upcoming = in_force
    return {"since": format_date(since, locale), "since_date": since.isoformat(),
            "next": format_date(upcoming, locale) if upcoming else "",
            "next_date": upcoming.isoformat() if upcoming else ""}


def translation_notices(document: ResolvedDocument, published: str | None, draft: bool,
                        t: dict[str, str]) -> list[Notice]:
    """What a translated page says of passages shown in the source language."""
    fallback = [s for s in document.sections if s.translation and s.translation.fallback]
    if not fallback:
        return []
    source = fallback[0].translation.source_language  # type: ignore[union-attr]
    language = t.get(f"name_{source.split('-')[0]}", source)
    notices = []
    if published:
        notices.append(notice("info", t["translation_notice_title"],
                              fill_text(t[f"published_{published.replace('-', '_')}"], language=language)))
    if draft:
        notices.append(notice("warning", t["translation_notice_title"],
                              fill_text(t["draft_translation_gaps"], language=language)))
    return notices


def binding_note(document: ResolvedDocument, published: str | None, t: dict[str, str]) -> str | None:
    """What a translated page's notice says of the text that is binding ("The English text is
    binding"), for the fragments of its app sections (embed44); None where the page says nothing."""
    found = translation_notices(document, published, False, t)
    return found[0].text if found else None


def alternates(site: SiteContext, statement_id: str, url: str) -> tuple[tuple[str, str], ...]:
    """`hreflang` alternates of a statement's page in force: one per language and region."""
    if url != statement_url(url.split("/")[0], statement_id):
        return ()
    regions = site.project.regions
    released = site.released_in(statement_id)
    default = site.project.default_region
    out = [("x-default", statement_url(default, statement_id))] if default in released else []
    seen = set()
    for region in regions:
        if region.id == default or region.locale in seen or region.id not in released:
            continue
        seen.add(region.locale)
        out.append((region.locale, statement_url(region.id, statement_id)))
    return tuple(out)


def version_page(site: SiteContext, regional: RegionalStatement, edition: Edition, url: str,
                 notices: list[Notice], archived: bool = False, title: str | None = None,
                 title_lang: str = "") -> SitePage:
    """A version of the region at `url`, with its date and its redline against the version before."""
    version = edition.version
    assert version is not None
    previous_link = None
    if regional.edition_before(version) is not None:
        previous_link = relative_url(url, f"{edition.url}changes/")
    recorded = version.translations.get(edition.document.region) or {}
    pdf = site.pdf_path(edition.document.statement, edition.document.region, version)
    in_force = None
    if regional.in_force is not None and version.id == regional.in_force.id:
        # (the page in force, and the dated page of the version in force: the same text, one line)
        upcoming = regional.upcoming
        in_force = (version.effective_date, upcoming.effective_date if upcoming else None)
    return statement_page(site, edition.document, url=url, effective_date=version.effective_date,
                          notices=notices, previous_link=previous_link, archived=archived,
                          published_as=recorded.get("published_as"), title=title,
                          recently_updated=is_recent(site, regional, version),
                          pdf_link=file_url(url, pdf) if pdf else None, in_force=in_force, title_lang=title_lang)


def is_recent(site: SiteContext, regional: RegionalStatement, version: Version) -> bool:
    """Whether a page of `version` may say the statement was recently updated: only the version
    in force, and only within the window (`recently_updated_days`) after it took effect."""
    if regional.in_force is None or version.id != regional.in_force.id:
        return False
    return (site.build_date - version.effective_date).days <= site.recently_updated_days


def in_force_page(site: SiteContext, regional: RegionalStatement) -> SitePage:
    """The page readers land on: the version in force, or the first one before it starts;
    a banner announces an upcoming version. A region with no release has no such page: its
    draft is only previewed, under `draft/` (`draft.unreleased_draft_page`)."""
    t = site.words(regional.region.locale)
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
