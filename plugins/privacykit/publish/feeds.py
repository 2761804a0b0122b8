"""Atom feeds of releases: `<region>/<statement>/feed.xml`, with each release's summary and
the action for readers in that region (linked from the archive page)."""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape as xml_escape

from ..model.rules import Action
from .api import VersionEntry
from .context import RegionalStatement, SiteContext
from .page import SiteAsset


def region_feed(site: SiteContext, regional: RegionalStatement, emit: Callable[[SiteAsset], None]) -> None:
    """The feed of one statement's releases in one region."""
    statement, region = regional.statement, regional.region
    entries = [VersionEntry(v, region.id) for v in regional.versions]
    emit(SiteAsset(f"{region.id}/{statement.id}/feed.xml",
                   atom_feed(statement.id, statement.title, region.id, region.name, entries, site.site_url)))


def atom_feed(statement: str, title: str, region: str, region_name: str, entries: list[VersionEntry],
              site_url: str) -> str:
    """An Atom feed of a statement's releases in one region, newest first."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    feed_id = f"{base}{region}/{statement}/"
    updated = entries[-1].version.id if entries else "1970-01-01"
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{xml_escape(title)} ({xml_escape(region_name)})</title>",
        f"  <id>{xml_escape(feed_id)}</id>",
        f'  <link rel="alternate" href="{xml_escape(feed_id)}"/>',
        f'  <link rel="self" href="{xml_escape(feed_id)}feed.xml"/>',
        f"  <updated>{updated}T00:00:00Z</updated>",
    ]
    for entry in reversed(entries):
        version = entry.version
        url = f"{feed_id}{version.id}/"
        summary = version.summary or "New version."
        decision = entry.decision.value
        if entry.decision is not Action.NONE:
            summary += f" Action for readers in {region_name}: {decision}."
        out += [
            "  <entry>",
            f"    <title>Version effective {version.id}</title>",
            f"    <id>{xml_escape(url)}</id>",
            f'    <link rel="alternate" href="{xml_escape(url)}"/>',
            f"    <updated>{version.id}T00:00:00Z</updated>",
            f'    <category term="{decision}"/>',
            f"    <summary>{xml_escape(summary)}</summary>",
            "  </entry>",
        ]
    out.append("</feed>")
    return "\n".join(out) + "\n"
