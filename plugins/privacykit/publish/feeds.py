"""Atom feeds of releases: `<region>/<statement>/feed.xml`, with each release's summary and
the action for readers in that region (linked from the archive page)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..model.controls import xml_text
from ..render.dates import format_date
from ..render.resolve import template_variables
from ..render.templates import fill_text, other_language
from .api import VersionEntry, address
from .context import RegionalStatement, SiteContext
from .page import SiteAsset
from .wording import heading_words


def region_feed(site: SiteContext, regional: RegionalStatement, emit: Callable[[SiteAsset], None]) -> None:
    """The feed of one statement's releases in one region, in the region's language: titled as
    the region reads the statement, by the company that publishes it."""
    statement, region = regional.statement, regional.region
    entries = [VersionEntry(v, region.id, None, *site.summary(statement, region.id, v)) for v in regional.versions]
    shown = regional.in_force or regional.upcoming
    document = regional.editions[shown.id].document if shown is not None else regional.draft
    title = document.title
    author = feed_author(site, regional)
    # Words in another language than the feed's are marked xml:lang (rtl44): an untranslated title (with the
    # region's English name), and the entries' titles where the catalog lacks the language (English words).
    from .statement import untranslated_title

    title_lang = document.source_language if untranslated_title(document) else ""
    region_name = heading_words(site, region.id)[1] if title_lang else site.region_name(region.id)
    entry_lang = "" if site.templates.speaks(region.locale) else "en"
    emit(SiteAsset(f"{region.id}/{statement.id}/feed.xml",
                   atom_feed(statement.id, title, region.id, region_name, entries, site.site_url,
                             site.words(region.locale), region.locale, author, site.build_date,
                             title_lang=title_lang, entry_lang=entry_lang)))


def feed_author(site: SiteContext, regional: RegionalStatement) -> str:
    """Who publishes a statement's feed: the `{{ company }}` its page names in that region (the
    region's variable over the statement's, as templates read them), else the site's name; the
    statement's title only when none of them is given."""
    company = template_variables(site.project, regional.statement, regional.region.id).get("company")
    return str(company or site.site_name or regional.statement.title)


def atom_feed(statement: str, title: str, region: str, region_name: str, entries: list[VersionEntry],
              site_url: str, words: dict[str, str] | None = None, locale: str = "en", author: str = "",
              built: dt.date | None = None, title_lang: str = "", entry_lang: str = "") -> str:
    """An Atom feed of a statement's releases in one region, newest first, in its language (`words`).

    `author` names who publishes it (RFC 4287 requires one). An entry is dated (`<published>` and
    `<updated>`) by the day its release was made, which no later build changes: a release scheduled
    to take effect later says so by its title, and is not re-dated by every daily build (gate43); a
    release whose manifest does not record that day is dated by its effective date. No date is later
    than `built`, the build date. The summary is the release's text for readers only (the decision is
    the entry's category). Every text is escaped, and
    characters XML cannot hold (control characters in a summary frozen before they were
    refused) are replaced, so the feed is always well-formed. `title_lang` is the language of the feed's
    title and `entry_lang` of the entries' titles where it is not `locale`'s (each then says `xml:lang`, and
    an entry's date is written in that language); a summary in another language says its own.
    """
    words = words or {}
    entry_title = words.get("feed_entry_title", "Version effective {date}")
    feed_id = address(site_url, f"{region}/{statement}/") if site_url else f"/{region}/{statement}/"

    def made(version) -> dt.date:
        return version.released or version.effective_date

    def updated(version_date: dt.date) -> str:
        return (min(version_date, built) if built else version_date).isoformat() + "T00:00:00Z"

    # A feed with no entry yet was last updated when it was built (not in 1970).
    last = max((made(entry.version) for entry in entries), default=built or dt.date(1970, 1, 1))
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{xml_text(locale)}">',
        f"  <title{_xml_lang(title_lang)}>{xml_text(title)} ({xml_text(region_name)})</title>",
        f"  <id>{xml_text(feed_id)}</id>",
        f'  <link rel="alternate" href="{xml_text(feed_id)}"/>',
        f'  <link rel="self" href="{xml_text(feed_id)}feed.xml"/>',
        f"  <updated>{updated(last)}</updated>",
        f"  <author><name>{xml_text(author or title)}</name></author>",
    ]
    for entry in reversed(entries):
        version = entry.version
        url = f"{feed_id}{version.id}/"
        summary = entry.shown_summary or "New version."
        decision = entry.decision.value
        # Imported history recorded no decision: its entries name none (import43).
        undecided = version.verdict is not None and version.verdict.undecided
        date = format_date(version.effective_date, entry_lang or locale)
        out += [
            "  <entry>",
            f"    <title{_xml_lang(entry_lang)}>{xml_text(fill_text(entry_title, date=date))}</title>",
            f"    <id>{xml_text(url)}</id>",
            f'    <link rel="alternate" href="{xml_text(url)}"/>',
            f"    <published>{updated(made(version))}</published>",
            f"    <updated>{updated(made(version))}</updated>",
            *([] if undecided else [f'    <category term="{xml_text(decision)}"/>']),
            f"    <summary{_xml_lang(other_language(entry.summary_language, locale))}>{xml_text(summary)}</summary>",
            "  </entry>",
        ]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def _xml_lang(language: str | None) -> str:
    return f' xml:lang="{xml_text(language)}"' if language else ""
