"""Atom feeds of releases: `<region>/<statement>/feed.xml`, with each release's summary and
the action for readers in that region (linked from the archive page)."""

from __future__ import annotations

from collections.abc import Callable

from ..model.controls import xml_text
from ..model.rules import Action
from ..render.templates import fill_text
from .api import VersionEntry
from .context import RegionalStatement, SiteContext
from .page import SiteAsset


def region_feed(site: SiteContext, regional: RegionalStatement, emit: Callable[[SiteAsset], None]) -> None:
    """The feed of one statement's releases in one region, in the region's language."""
    statement, region = regional.statement, regional.region
    entries = [VersionEntry(v, region.id) for v in regional.versions]
    emit(SiteAsset(f"{region.id}/{statement.id}/feed.xml",
                   atom_feed(statement.id, statement.title, region.id, region.name, entries, site.site_url,
                             site.words(region.locale), region.locale)))


def atom_feed(statement: str, title: str, region: str, region_name: str, entries: list[VersionEntry],
              site_url: str, words: dict[str, str] | None = None, locale: str = "en") -> str:
    """An Atom feed of a statement's releases in one region, newest first, in its language (`words`).

    Every text is escaped, and characters XML cannot hold (control characters in a summary
    frozen before they were refused) are replaced, so the feed is always well-formed.
    """
    entry_title = (words or {}).get("feed_entry_title", "Version effective {date}")
    action = (words or {}).get("feed_action", "Action for readers in {region}: {decision}.")
    base = site_url.rstrip("/") + "/" if site_url else "/"
    feed_id = f"{base}{region}/{statement}/"
    updated = entries[-1].version.id if entries else "1970-01-01"
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{xml_text(locale)}">',
        f"  <title>{xml_text(title)} ({xml_text(region_name)})</title>",
        f"  <id>{xml_text(feed_id)}</id>",
        f'  <link rel="alternate" href="{xml_text(feed_id)}"/>',
        f'  <link rel="self" href="{xml_text(feed_id)}feed.xml"/>',
        f"  <updated>{updated}T00:00:00Z</updated>",
    ]
    for entry in reversed(entries):
        version = entry.version
        url = f"{feed_id}{version.id}/"
        summary = version.summary or "New version."
        decision = entry.decision.value
        if entry.decision is not Action.NONE:
            summary += " " + fill_text(action, region=region_name, decision=decision)
        out += [
            "  <entry>",
            f"    <title>{xml_text(fill_text(entry_title, date=version.id))}</title>",
            f"    <id>{xml_text(url)}</id>",
            f'    <link rel="alternate" href="{xml_text(url)}"/>',
            f"    <updated>{version.id}T00:00:00Z</updated>",
            f'    <category term="{xml_text(decision)}"/>',
            f"    <summary>{xml_text(summary)}</summary>",
            "  </entry>",
        ]
    out.append("</feed>")
    return "\n".join(out) + "\n"
