"""The static JSON API, written by every build, and the consent contract apps follow.

Layout (all paths relative to the site root; documented in README and in
`api/v1/schema.json`, which the build publishes too)::

    api/v1/index.json                              statements and their regions
    api/v1/<statement>/<region>.json               versions, in force, upcoming, consent_required_since,
                                                   and the same per section (`section_signals`, embed44)
    api/v1/<statement>/<region>/<version>.json     one version's sections (id, title, owner, HTML, digest,
                                                   changed, consent_required_since)

Fragments (`fragments.py`) and Atom feeds (`feeds.py`) are the other files apps read.
Addresses in the JSON (`url`, `api_url`, `changes_url`, `fragment_url`) are absolute when
the site has a `site_url`, else relative to the site's root (never to the JSON file).
Everything is sanitized HTML or escaped text and written in a fixed order, so two
builds of the same inputs and build date are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

from ..changes.verdict import RegionVerdict
from ..model.blocks import split_body
from ..model.document import ResolvedDocument, ResolvedSection
from ..model.rules import Action
from ..render.cache import BoundedCache
from ..render.markdown import markdown_to_html, marked_markdown
from ..versions import lookup
from ..versions.store import Version, VersionStore
from .context import RegionalStatement, SiteContext
from .page import SiteAsset, statement_url

API = "api/v1"
BASE_TOKEN = "@@privacykit-fragment-base@@"   # stands for the fragment folder in shared JSON


def address(site_url: str, path: str) -> str:
    """Where a published file is: absolute under `site_url`, else relative to the site root."""
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


def dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def schema_text() -> str:
    return resources.files("privacykit").joinpath("schemas/api-v1.schema.json").read_text("utf-8")


@dataclass(frozen=True)
class VersionEntry:
    """One release as the API lists it for a region."""

    version: Version
    region: str
    pdf_path: str | None = None     # the archival PDF, when the build makes PDFs
    # The summary as the region reads it (`SiteContext.summary`) and its language; None: the release's own.
    summary: str | None = None
    summary_language: str | None = None
    # The version it replaced in the region (the one before it among the region's versions, which
    # `versions.regional` decides: versions44); None for the region's first.
    previous: Version | None = None

    @property
    def shown_summary(self) -> str:
        return self.version.summary if self.summary is None else self.summary

    @property
    def decision(self) -> Action:
        """The action decided for this region (after acknowledgement): none, review, notify, consent."""
        judged = self.version.region_verdict(self.region)
        return judged.decision if judged else Action.NONE

    def to_dict(self, statement: str, site_url: str = "") -> dict[str, Any]:
        base = address(site_url, f"{self.region}/{statement}/{self.version.id}/")
        judged = self.version.region_verdict(self.region)
        return {
            "id": self.version.id,
            "effective_date": self.version.id,
            "previous": self.previous.id if self.previous else None,
            "summary": self.shown_summary,
            "summary_language": self.summary_language,
            "verdict": {"action": judged.action.value if judged else "none", "decision": self.decision.value,
                        "changes": [f.id for f in judged.findings] if judged else [],
                        # Each change with the sections it is about and what was decided (embed44):
                        # a fact's id (`new_incompatible_use:train_ai_system`) names no section.
                        "findings": [{"id": f.id, "sections": list(f.sections),
                                      "decision": "review" if judged.undecided else f.decided.value}
                                     for f in judged.findings] if judged else []},
            "url": base,
            "changes_url": f"{base}changes/" if self.previous else None,
            "api_url": address(site_url, f"{API}/{statement}/{self.region}/{self.version.id}.json"),
            "pdf_url": address(site_url, self.pdf_path) if self.pdf_path else None,
        }


def consent_required_since(entries: list[VersionEntry], on: dt.date) -> str | None:
    """Effective date of the latest version in force on `on` whose change needs consent in the region."""
    latest = None
    for entry in entries:
        if entry.version.effective_date <= on and entry.decision is Action.CONSENT:
            latest = entry.version.id
    return latest


# -- per-section signals (embed44) ----------------------------------------------------------------
# A statement of many apps is many documents to its readers: a Vantage user reads the Vantage section.
# Each section gets its own digest, last change and consent dates, so an app asks again only when a
# consent decision is about its own section (or about the whole statement).

def section_digest(section: ResolvedSection, cache: BoundedCache | None = None) -> str:
    """sha256 of a section's published text as a region reads it: its title and Markdown (with the
    marks of passages left in the source language), not its rendering, so a toolkit upgrade that
    renders the same text otherwise leaves it as it was. `cache` keeps it by the section's digest."""
    def make() -> str:
        return hashlib.sha256(f"{section.title}\n\n{marked_markdown(section)}".encode()).hexdigest()
    return cache.get_or_make(section.digest, make) if cache is not None else make()


def consent_scope(judged: RegionVerdict | None, apps: Iterable[str]) -> frozenset[str] | None:
    """The sections a release's consent decision in a region is about: empty when it decided no
    consent; else the app sections its consent findings name; None (the whole statement) when a
    consent finding names no section or names one that is not an app section (the text every
    app's reader shares: a general section, or one the release removed)."""
    if judged is None or judged.undecided or judged.decision is not Action.CONSENT:
        return frozenset()
    apps = frozenset(apps)
    scope: set[str] = set()
    for finding in judged.findings:
        if finding.decided is not Action.CONSENT:
            continue
        if not finding.sections or not apps.issuperset(finding.sections):
            return None
        scope.update(finding.sections)
    return frozenset(scope)


def in_scope(scope: frozenset[str] | None, section: str) -> bool:
    return scope is None or section in scope


@dataclass(frozen=True)
class SectionSignal:
    """One section of one release in one region: its text's digest, the release where that text
    was first published (its last change), and the latest release up to this one whose consent
    decision is about it."""

    digest: str
    changed: str
    consent_required_since: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"digest": self.digest, "changed": self.changed,
                "consent_required_since": self.consent_required_since}


@dataclass(frozen=True)
class ReleaseSignals:
    """Every section's signal in one release of a region, and what its consent decision is about."""

    sections: dict[str, SectionSignal]
    consent: frozenset[str] | None      # consent_scope of the release


def region_signals(regional: RegionalStatement, digests: BoundedCache | None = None) -> dict[str, ReleaseSignals]:
    """The per-section signals of every release of a statement in a region, by version id
    (`digests`: the build's cache of section digests)."""
    out: dict[str, ReleaseSignals] = {}
    before: dict[str, SectionSignal] = {}
    for version in regional.versions:
        document = regional.editions[version.id].document
        scope = consent_scope(version.region_verdict(regional.region.id),
                              (s.id for s in document.sections if s.kind == "app"))
        now: dict[str, SectionSignal] = {}
        for section in document.sections:
            digest = section_digest(section, digests)
            was = before.get(section.id)
            changed = was.changed if was is not None and was.digest == digest else version.id
            since = version.id if in_scope(scope, section.id) else (
                was.consent_required_since if was is not None else None)
            now[section.id] = SectionSignal(digest, changed, since)
        out[version.id] = ReleaseSignals(now, scope)
        before = now
    return out


def sections_index(signals: dict[str, ReleaseSignals], in_force: str | None,
                   upcoming: str | None) -> dict[str, Any]:
    """The `section_signals` object of a region file: each section of the version in force (and of the
    upcoming one) with its digest, last change, consent_required_since and upcoming_requires_consent."""
    current = signals[in_force].sections if in_force else {}
    coming = signals[upcoming] if upcoming else None
    out: dict[str, Any] = {}
    for sid in [*current, *(s for s in (coming.sections if coming else ()) if s not in current)]:
        signal = current.get(sid)
        out[sid] = {"digest": signal.digest if signal else None, "changed": signal.changed if signal else None,
                    "consent_required_since": signal.consent_required_since if signal else None,
                    "upcoming_requires_consent": bool(coming and in_scope(coming.consent, sid))}
    return out


def must_ask_again(accepted_version: str | None, region: dict[str, Any]) -> bool:
    """The consent contract: ask again when the accepted version predates `consent_required_since`.

    `accepted_version` is the version id (effective date) the user accepted, or None
    when they never accepted one; `region` is `api/v1/<statement>/<region>.json`.
    """
    since = region.get("consent_required_since")
    return _ask(accepted_version, since, region.get("in_force") is not None)


def must_ask_again_for(accepted_version: str | None, region: dict[str, Any], section: str) -> bool:
    """The per-app consent contract (embed44): ask again when the version the user accepted
    predates the section's own `consent_required_since` (`region["section_signals"][section]`). An app
    whose section is not in the region's text follows the statement-wide contract."""
    signal = (region.get("section_signals") or {}).get(section)
    if signal is None:
        return must_ask_again(accepted_version, region)
    return _ask(accepted_version, signal["consent_required_since"], region.get("in_force") is not None)


def _ask(accepted_version: str | None, since: str | None, in_force: bool) -> bool:
    if since is None:
        return accepted_version is None and in_force
    return accepted_version is None or accepted_version < since


def region_index(statement: str, title: str, region: str, region_name: str, locale: str,
                 entries: list[VersionEntry], on: dt.date, site_url: str = "",
                 language: str | None = None, signals: dict[str, ReleaseSignals] | None = None) -> dict[str, Any]:
    """`api/v1/<statement>/<region>.json`: `title` as the region reads it, `language` the one its
    statement is published in (its text, title and summaries; a summary without a translation
    says its own `summary_language`)."""
    versions = [entry.version for entry in entries]
    current, next_one = lookup.in_force(versions, on), lookup.upcoming(versions, on)
    in_force = next((e for e in entries if e.version is current), None)
    upcoming = next((e for e in entries if e.version is next_one), None)
    return {
        "statement": statement, "title": title, "region": region, "region_name": region_name, "locale": locale,
        "language": language or locale,
        "build_date": on.isoformat(),
        "in_force": in_force.version.id if in_force else None,
        "upcoming": upcoming.version.id if upcoming else None,
        "upcoming_requires_consent": bool(upcoming and upcoming.decision is Action.CONSENT),
        "consent_required_since": consent_required_since(entries, on),
        # Per section (embed44): an app follows its own section's fields, not the statement's.
        "section_signals": sections_index(signals, in_force.version.id if in_force else None,
                                   upcoming.version.id if upcoming else None) if signals is not None else {},
        "versions": [e.to_dict(statement, site_url) for e in entries],
    }


def section_language(section: ResolvedSection, document_language: str) -> str:
    """The language of a section's text: its translation's, unless every block is in the source language."""
    translation = section.translation
    if translation is None:
        return document_language
    blocks = len(split_body(section.markdown).blocks)
    untranslated = sum(1 for i in translation.fallback if i >= 0)
    return translation.source_language if blocks and untranslated == blocks else translation.language


def section_dict(section: ResolvedSection, fragment_url: str | None, language: str,
                 digests: BoundedCache | None = None) -> dict[str, Any]:
    """A section in a version document (`digests`: the build's cache of section digests, which the
    region's signals filled: its text is not marked up twice)."""
    return {
        "id": section.id, "title": section.title, "kind": section.kind, "owner": section.owner,
        "app": {"name": section.app_name, "platforms": list(section.platforms)} if section.app_name else None,
        "language": section_language(section, language),
        "html": markdown_to_html(marked_markdown(section)),
        "fragment_url": fragment_url,
        "fragment_page_url": fragment_url.removesuffix(".html") + ".page.html" if fragment_url else None,
        "digest": section_digest(section, digests),
    }


def sections_json(document: ResolvedDocument, fragment_base: str, cache: BoundedCache, language: str,
                  signals: ReleaseSignals | None = None, digests: BoundedCache | None = None) -> str:
    """The `sections` array of a version document, as compact JSON; each section's JSON is
    kept in `cache` by its digest (and the language of the document's text), and the release's
    own signals (`changed`, `consent_required_since`) are added to it (`digests`: see `section_dict`).

    Built with `BASE_TOKEN` as `fragment_base`, then the token is replaced by each region's
    fragment folder.
    """
    parts = []
    for s in document.sections:
        part = cache.get_or_make((s.digest, fragment_base, language),
                                 partial(_section_json, s, fragment_base, language, digests))
        signal = signals.sections.get(s.id) if signals is not None else None
        if signal is not None:
            part = part[:-1] + "," + json.dumps({"changed": signal.changed,
                                                 "consent_required_since": signal.consent_required_since},
                                                separators=(",", ":"))[1:]
        parts.append(part)
    return "[" + ",".join(parts) + "]"


def _section_json(section: ResolvedSection, fragment_base: str, language: str, digests: BoundedCache | None) -> str:
    fragment_url = f"{fragment_base}{section.id}.html" if section.kind == "app" else None
    return json.dumps(section_dict(section, fragment_url, language, digests), ensure_ascii=False,
                      separators=(",", ":"))


def version_json(document: ResolvedDocument, version: Version | None, sections: str, language: str) -> str:
    """`api/v1/<statement>/<region>/<version>.json`: compact, with the shared sections array."""
    head = {
        "statement": document.statement, "region": document.region,
        "version": version.id if version else "draft",
        "effective_date": version.id if version else None, "language": language,
        "declares": document.facts.to_dict(),
    }
    return json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1] + ',"sections":' + sections + "}\n"


@dataclass(frozen=True)
class NextChange:
    """The next day a built site goes out of date: a release takes effect then, and only a build
    on or after that day shows it in force (the site is static; nothing switches by itself)."""

    effective_date: dt.date
    statements: tuple[str, ...]     # the statements whose release takes effect that day

    def to_dict(self) -> dict[str, Any]:
        return {"effective_date": self.effective_date.isoformat(), "statements": list(self.statements)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NextChange:
        return cls(dt.date.fromisoformat(data["effective_date"]), tuple(data["statements"]))

    def message(self) -> str:
        return (f"next change in force: {', '.join(self.statements)}, {self.effective_date.isoformat()} "
                "\u2014 rebuild on or after that date")


def next_change(store: VersionStore, statements: Iterable[str], on: dt.date) -> NextChange | None:
    """The first release of any of `statements` that takes effect after `on` (None when none does)."""
    upcoming: dict[dt.date, list[str]] = {}
    for statement in statements:
        found = lookup.upcoming(store.versions(statement), on)
        if found is not None:
            upcoming.setdefault(found.effective_date, []).append(statement)
    if not upcoming:
        return None
    first = min(upcoming)
    return NextChange(first, tuple(sorted(upcoming[first])))


def built_next_change(site_dir: Path) -> NextChange | None:
    """The next change a built site's API index names (`api_index`, the one place it is worked out):
    what `build` prints for the day to rebuild. None when the index names none, or there is no index."""
    index = site_dir / API / "index.json"
    if not index.is_file():
        return None
    found = json.loads(index.read_text("utf-8")).get("next_change")
    return NextChange.from_dict(found) if found else None


def fallback_region(site: SiteContext, statement_id: str, region_id: str) -> str | None:
    """Where a reader of `region_id` goes when its text of a statement cannot be had: the nearest
    region up its `parent` chain (regions.yml) where the statement is released, else the default
    region (when it is released there and is not `region_id`), else None."""
    released = site.released_in(statement_id)
    parent = next((r for r in site.project.regions.chain(region_id)[1:] if r in released), None)
    if parent is not None:
        return parent
    default = site.project.default_region
    return default if default in released and default != region_id else None


def api_index(site: SiteContext) -> SiteAsset:
    """`api/v1/index.json`: every statement released in some region, the regions where it is
    released, and the digest vouching for its releases (a draft is never in the API)."""
    index = [{"id": statement.id, "title": statement.title, "description": statement.description,
              "releases_sha256": site.store.head(statement.id),
              "regions": [{"id": r.id, "name": r.name, "locale": r.locale,
                           "fallback": fallback_region(site, statement.id, r.id),
                           "language": region_language(
                               site, r.id, [v for v in site.store.versions(statement.id) if r.id in v.regions],
                               partial(site.store.document, region=r.id)),
                           "api_url": address(site.site_url, f"{API}/{statement.id}/{r.id}.json"),
                           "url": address(site.site_url, statement_url(r.id, statement.id))}
                          for r in site.project.regions if site.is_released(statement.id, r.id)]}
             for statement in site.project.statements.values() if site.released_in(statement.id)]
    from .fragments import STYLESHEET, style_hash

    coming = next_change(site.store, site.project.statements, site.build_date)
    return SiteAsset(f"{API}/index.json", dump(
        {"api_version": 1, "build_date": site.build_date.isoformat(), "default_region": site.project.default_region,
         "statements": index,
         # The fragments' stylesheet as a file, and the CSP source that allows it inline (embed44).
         "fragment_style": {"url": address(site.site_url, STYLESHEET), "csp_hash": style_hash()},
         "next_change": coming.to_dict() if coming else None}))


def region_api(site: SiteContext, regional: RegionalStatement, emit: Callable[[SiteAsset], None],
               signals: dict[str, ReleaseSignals] | None = None) -> None:
    """`api/v1/<statement>/<region>.json` and one document per version of the region (its versions are
    `regional.versions`, the list every page, the archive, the feed and the fragments read too)."""
    statement, region = regional.statement, regional.region
    signals = region_signals(regional, site.cache.section_digests) if signals is None else signals
    entries = [VersionEntry(v, region.id, site.pdf_path(statement.id, region.id, v),
                            *site.summary(statement, region.id, v), regional.version_before(v))
               for v in regional.versions]
    emit(SiteAsset(f"{API}/{statement.id}/{region.id}.json", dump(region_index(
        statement.id, site.statement_title(statement.id, region.id), region.id, region.name, region.locale,
        entries, site.build_date, site.site_url,
        region_language(site, region.id, regional.versions, lambda v: regional.editions[v.id].document), signals))))
    for version in regional.versions:
        document = regional.editions[version.id].document
        language = document.text_language(site.source_language(region.id))
        sections = sections_json(document, BASE_TOKEN, site.cache.section_json, language, signals[version.id],
                                 site.cache.section_digests)
        base = address(site.site_url, f"fragments/{statement.id}/{region.id}/{version.id}/")
        emit(SiteAsset(f"{API}/{statement.id}/{region.id}/{version.id}.json",
                       version_json(document, version, sections.replace(BASE_TOKEN, base), language)))


def region_language(site: SiteContext, region_id: str, versions: list[Version],
                    document: Callable[[Version], ResolvedDocument]) -> str:
    """The language a region reads a statement in, as its version documents say it (`en-IE`, not `en`):
    the text language of `document` of the version of `versions` (oldest first) in force on the build date,
    else of the latest. The region file passes the region's versions; the index, written before the region's
    pages, every release that includes the region, read from the store (a release that left the region's
    text as it was has the same text; rtl44: the index said "ja" where the region file says "ja-JP")."""
    version = lookup.in_force(versions, site.build_date) or versions[-1]
    return document(version).text_language(site.source_language(region_id))
