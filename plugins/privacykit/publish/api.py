"""The static JSON API, embeddable fragments and Atom feeds, written by every build.

Layout (all paths relative to the site root; documented in README and in
`api/v1/schema.json`, which the build publishes too)::

    api/v1/index.json                              statements and their regions
    api/v1/<statement>/<region>.json               versions, in force, upcoming, consent_required_since
    api/v1/<statement>/<region>/<version>.json     one version's sections (id, title, owner, HTML)
    fragments/<statement>/<region>/<version>/<section>.html   app sections, self-contained
    fragments/<statement>/<region>/latest/<section>.html      the same for the version in force
    <region>/<statement>/feed.xml                  Atom feed of releases

Everything is sanitized HTML or escaped text and written in a fixed order, so two
builds of the same inputs and build date are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from html import escape
from importlib import resources
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from ..model.document import ResolvedDocument, ResolvedSection
from ..render.cache import BoundedCache
from ..render.markdown import markdown_to_html
from ..versions.store import Version

API = "api/v1"
BASE_TOKEN = "@@privacykit-fragment-base@@"   # stands for the fragment folder in shared JSON
_SECTION_JSON = BoundedCache(16384, budget=4_000_000)  # one section's JSON, by its digest
FRAGMENT_CSS = (
    ".pk-fragment{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f1f1f;"
    "max-width:48em;margin:0 auto;padding:0 1em}"
    ".pk-fragment h2{font-size:1.25em;margin:.8em 0 .4em}"
    ".pk-fragment a{color:#c62828}.pk-fragment ul{padding-left:1.2em}"
    ".pk-fragment__meta{font-size:.8em;color:#666}"
)


def dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def schema_text() -> str:
    return resources.files("privacykit").joinpath("schemas/api-v1.schema.json").read_text("utf-8")


@dataclass(frozen=True)
class VersionEntry:
    """One release as the API lists it for a region."""

    version: Version
    region: str

    @property
    def decision(self) -> str:
        """The action decided for this region (after acknowledgement): none, review, notify, consent."""
        region = (self.version.verdict.get("regions") or {}).get(self.region) or {}
        return str(region.get("decision") or region.get("action") or "none")

    def to_dict(self, statement: str) -> dict[str, Any]:
        base = f"{self.region}/{statement}/{self.version.id}/"
        region = (self.version.verdict.get("regions") or {}).get(self.region) or {}
        return {
            "id": self.version.id,
            "effective_date": self.version.id,
            "previous": self.version.previous.isoformat() if self.version.previous else None,
            "summary": self.version.summary,
            "verdict": {"action": str(region.get("action") or "none"), "decision": self.decision,
                        "changes": [c.get("id") for c in region.get("changes", [])]},
            "url": base,
            "changes_url": f"{base}changes/" if self.version.previous else None,
            "api_url": f"{API}/{statement}/{self.region}/{self.version.id}.json",
        }


def consent_required_since(entries: list[VersionEntry], on: dt.date) -> str | None:
    """Effective date of the latest version in force on `on` whose change needs consent in the region."""
    latest = None
    for entry in entries:
        if entry.version.effective_date <= on and entry.decision == "consent":
            latest = entry.version.id
    return latest


def must_ask_again(accepted_version: str | None, region: dict[str, Any]) -> bool:
    """The consent contract: ask again when the accepted version predates `consent_required_since`.

    `accepted_version` is the version id (effective date) the user accepted, or None
    when they never accepted one; `region` is `api/v1/<statement>/<region>.json`.
    """
    since = region.get("consent_required_since")
    if since is None:
        return accepted_version is None and region.get("in_force") is not None
    return accepted_version is None or accepted_version < since


def region_index(statement: str, title: str, region: str, region_name: str, locale: str,
                 entries: list[VersionEntry], on: dt.date) -> dict[str, Any]:
    in_force = None
    upcoming = None
    for entry in entries:
        if entry.version.effective_date <= on:
            in_force = entry
        elif upcoming is None:
            upcoming = entry
    return {
        "statement": statement, "title": title, "region": region, "region_name": region_name, "locale": locale,
        "build_date": on.isoformat(),
        "in_force": in_force.version.id if in_force else None,
        "upcoming": upcoming.version.id if upcoming else None,
        "upcoming_requires_consent": bool(upcoming and upcoming.decision == "consent"),
        "consent_required_since": consent_required_since(entries, on),
        "versions": [e.to_dict(statement) for e in entries],
    }


def section_dict(section: ResolvedSection, fragment_url: str | None) -> dict[str, Any]:
    return {
        "id": section.id, "title": section.title, "kind": section.kind, "owner": section.owner,
        "app": {"name": section.app_name, "platforms": list(section.platforms)} if section.app_name else None,
        "html": markdown_to_html(section.markdown),
        "fragment_url": fragment_url,
    }


def sections_json(document: ResolvedDocument, fragment_base: str) -> str:
    """The `sections` array of a version document, as compact JSON.

    Built once per distinct text with `BASE_TOKEN` as `fragment_base`, then the token is
    replaced by each region's fragment folder.
    """
    return "[" + ",".join(_SECTION_JSON.get_or_make((s.digest, fragment_base), lambda s=s: json.dumps(
        section_dict(s, f"{fragment_base}{s.id}.html" if s.kind == "app" else None),
        ensure_ascii=False, separators=(",", ":"))) for s in document.sections) + "]"


def version_json(document: ResolvedDocument, version: Version | None, sections: str) -> str:
    """`api/v1/<statement>/<region>/<version>.json`: compact, with the shared sections array."""
    head = {
        "statement": document.statement, "region": document.region,
        "version": version.id if version else "draft",
        "effective_date": version.id if version else None,
        "declares": document.facts.to_dict(),
    }
    return json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1] + ',"sections":' + sections + "}\n"


def fragment_html(section: ResolvedSection, document: ResolvedDocument, version_label: str, meta: str) -> str:
    """A self-contained, sanitized HTML fragment of one section, for an in-app webview.

    `meta` is its last line ("<title>, version <id>" in the region's language).
    """
    app = f" data-app=\"{escape(section.app_name)}\"" if section.app_name else ""
    return (
        f'<section class="pk-fragment" id="{escape(section.id)}" lang="{escape(document.locale)}" '
        f'data-statement="{escape(document.statement)}" data-region="{escape(document.region)}" '
        f'data-version="{escape(version_label)}"{app}>\n'
        f"<style>{FRAGMENT_CSS}</style>\n"
        f"<h2>{escape(section.title)}</h2>\n"
        f"{markdown_to_html(section.markdown)}\n"
        f'<p class="pk-fragment__meta">{escape(meta)}</p>\n'
        "</section>\n"
    )


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
        decision = entry.decision
        if decision != "none":
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
