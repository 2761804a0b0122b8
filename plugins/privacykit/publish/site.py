"""The published site as plain data: pages (HTML + table of contents) and assets.

This module knows nothing about MkDocs. A site-generator adapter (see
`privacykit.mkdocs`) turns `SitePage`s into its own pages and wraps them in its
theme; another generator would need only another adapter.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from markupsafe import Markup

from ..changes.redline import BlockStatus, redline
from ..changes.report import block_html, headings_html, section_title_html
from ..changes.verdict import decided_region_action, region_verdict
from ..model.document import ResolvedDocument
from ..model.statement import Project
from ..render.cache import BoundedCache
from ..render.dates import format_date
from ..render.markdown import markdown_to_html
from ..render.resolve import resolve_all
from ..render.templates import TemplateSet, fill_text
from ..versions.gate import draft_notes_path, read_release_notes
from ..versions.store import Version, VersionStore
from . import api, parallel


@dataclass(frozen=True)
class TocEntry:
    title: str
    id: str
    level: int
    children: tuple[TocEntry, ...] = ()

    def to_token(self) -> dict[str, Any]:
        """The shape MkDocs' `get_toc` takes."""
        # The theme prints these unescaped; titles are content.
        title = html_lib.escape(self.title, quote=False)
        return {"level": self.level, "id": self.id, "name": title, "html": title,
                "data-toc-label": "", "children": [c.to_token() for c in self.children]}


@dataclass(frozen=True)
class SitePage:
    """One page of the site: where it lives, its title, body HTML and outline."""

    url: str                      # relative to the site root, '' or ending in '/'
    title: str
    html: str
    toc: tuple[TocEntry, ...] = ()
    description: str = ""
    searchable: bool = True       # False for dated versions, redlines and archives: search shows what is in force
    written: bool = False         # already written out by a build worker; `html` is then left empty

    @property
    def src_path(self) -> str:
        """The Markdown path a generator would read this page from (`us/website/index.md`)."""
        return f"{self.url}index.md"


@dataclass(frozen=True)
class SiteAsset:
    path: str
    content: str


def relative_url(from_url: str, to_url: str) -> str:
    """Link from page `from_url` to page `to_url`, both site-root relative directories."""
    source = [part for part in from_url.split("/") if part]
    target = [part for part in to_url.split("/") if part]
    common = 0
    for a, b in zip(source, target, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(source) - common) + target[common:]
    if not parts:
        return "./"
    return "/".join(parts) + ("/" if to_url.endswith("/") or to_url == "" else "")


def statement_url(region: str, statement: str) -> str:
    return f"{region}/{statement}/"


@dataclass
class Edition:
    """What one URL shows of one statement in one region: a release or the draft."""

    document: ResolvedDocument
    version: Version | None          # None for the draft
    url: str

    @property
    def label(self) -> str:
        return self.version.id if self.version else "draft"


@dataclass
class SiteBuilder:
    """Builds every page of the site for one build date."""

    project: Project
    templates: TemplateSet
    build_date: dt.date
    store: VersionStore | None = None
    preview_draft: bool = False
    site_url: str = ""
    progress: Any = None            # called as progress(done, total, label) while building
    incremental: bool = False       # keep rendered pages for the next build (mkdocs serve)
    documents: dict[tuple[str, str], ResolvedDocument] = field(default_factory=dict)
    published: list[SiteAsset] = field(default_factory=list)
    _emit_asset: Any = field(default=None, repr=False)
    _notices: dict[str, dict[str, bytes]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not self.documents:
            self.documents = resolve_all(self.project)
        if self.store is None:
            self.store = VersionStore(self.project.root)

    def emit(self, on_page, on_asset, workers: int = 1, in_worker=None) -> None:
        """Produce the whole site, handing over each page and asset as soon as it is made.

        Streaming keeps memory flat as versions grow: a caller may write each one out
        and forget it. With `workers` > 1 (and a large enough project) the regions are
        rendered in forked processes; `on_asset` is then called in those processes, so it
        must write its asset out rather than keep it. Pages always reach `on_page` in the
        parent, in the same order whatever the number of workers; a worker first passes
        each page to `in_worker(page)`, and what that returns travels to the parent instead
        (a caller that writes the page there can send back a light `written` copy).
        """
        self._emit_asset = on_asset
        on_asset(SiteAsset("assets/privacykit.css", self.templates.source("privacykit.css")))
        on_asset(SiteAsset(f"{api.API}/schema.json", api.schema_text()))
        on_asset(self.api_index())
        on_page(self.index_page())
        versions = {s: self.store.versions(s) for s in self.project.statements}
        pairs = [(s, r.id) for s in self.project.statements for r in self.project.regions]

        def region(i: int) -> Iterator[SitePage]:
            return self.region_pages(*pairs[i], versions[pairs[i][0]])

        work = sum(len(v) for v in versions.values()) * len(self.project.regions)
        if workers > 1 and work >= PARALLEL_MIN_WORK and len(pairs) > 1 and parallel.available():
            # The first region in the parent: workers then start with its templates compiled
            # and its texts rendered, and with every kind of page seen once by `on_page`.
            results = itertools.chain([region(0)], parallel.ordered(
                lambda chunk: self._in_worker(chunk, region, in_worker),
                self._chunks(pairs[1:], 1, versions), 1, len(pairs), workers))
        else:
            results = (region(i) for i in range(len(pairs)))
        for done, pages in enumerate(results, start=1):
            for page in pages:
                on_page(page)
            if self.progress:
                statement_id, region_id = pairs[done - 1]
                self.progress(done, len(pairs), f"{region_id}/{statement_id}")

    def api_index(self) -> SiteAsset:
        """`api/v1/index.json`: every statement, its regions, and the digest vouching for its releases."""
        index = [{"id": statement.id, "title": statement.title, "description": statement.description,
                  "releases_sha256": self.store.head(statement.id),
                  "regions": [{"id": r.id, "name": r.name, "locale": r.locale,
                               "api_url": f"{api.API}/{statement.id}/{r.id}.json",
                               "url": statement_url(r.id, statement.id)} for r in self.project.regions]}
                 for statement in self.project.statements.values()]
        return SiteAsset(f"{api.API}/index.json", api.dump(
            {"api_version": 1, "build_date": self.build_date.isoformat(), "statements": index}))

    @staticmethod
    def _in_worker(chunk: list[int], region, in_worker) -> list[tuple[int, list[SitePage]]]:
        """One worker's chunk of regions. Its rendered texts are not shared with other
        chunks (other texts), so they are dropped after it: memory stays flat."""
        try:
            return [(i, [in_worker(p) if in_worker else p for p in region(i)]) for i in chunk]
        finally:
            for cache in (_BODIES, _REDLINES, _SECTIONS_JSON, _PAGES):
                cache.clear()

    def _chunks(self, pairs: list[tuple[str, str]], start: int,
                versions: dict[str, list[Version]]) -> list[list[int]]:
        """Indexes of `pairs` in chunks for workers, heaviest first: regions with the same
        text (which share rendered bodies and redlines) go together."""
        groups: dict[tuple[str, str], list[int]] = {}
        weight: dict[tuple[str, str], int] = {}
        for i, (statement_id, region_id) in enumerate(pairs, start=start):
            draft = self.documents[(statement_id, region_id)]
            key = (statement_id, draft.fingerprint)
            groups.setdefault(key, []).append(i)
            # The work of a region grows with its versions and the sections of each.
            weight[key] = weight.get(key, 0) + (len(versions[statement_id]) + 1) * len(draft.sections)
        return [groups[key] for key in sorted(groups, key=lambda k: -weight[k])]

    def pages(self) -> list[SitePage]:
        """Every page, in a list; the assets made meanwhile are kept for `assets()`."""
        pages: list[SitePage] = []
        self.published = []
        self.emit(pages.append, self.published.append)
        return pages

    def assets(self) -> list[SiteAsset]:
        """The stylesheet, API, fragments and feeds made by the last `pages()`."""
        return list(self.published)

    def _publish(self, statement_id: str, region_id: str, versions: list[Version],
                 editions: dict[str, Edition]) -> None:
        """API entries, fragments and the feed of one statement in one region."""
        statement = self.project.statements[statement_id]
        region = self.project.regions[region_id]
        t = self._t(region_id)
        entries = [api.VersionEntry(v, region_id) for v in versions]
        self._emit_asset(SiteAsset(f"{api.API}/{statement_id}/{region_id}.json", api.dump(api.region_index(
            statement_id, statement.title, region_id, region.name, region.locale, entries, self.build_date))))
        in_force = self.store.in_force(versions, self.build_date)
        labels = [(v.id, editions[v.id]) for v in versions]
        if in_force is not None:
            labels.append(("latest", editions[in_force.id]))
        for label, edition in labels:
            base = f"fragments/{statement_id}/{region_id}/{label}/"
            if label != "latest":
                document = edition.document
                sections = _SECTIONS_JSON.get_or_make(
                    document.fingerprint, lambda document=document: api.sections_json(document, api.BASE_TOKEN))
                self._emit_asset(SiteAsset(
                    f"{api.API}/{statement_id}/{region_id}/{label}.json",
                    api.version_json(edition.document, edition.version, sections.replace(api.BASE_TOKEN, base))))
            meta = fill_text(t["fragment_meta"], title=edition.document.title, version=edition.version.id)
            for section in edition.document.sections:
                if section.kind == "app":
                    self._emit_asset(SiteAsset(f"{base}{section.id}.html", api.fragment_html(
                        section, edition.document, edition.version.id, meta)))
        self._emit_asset(SiteAsset(f"{region_id}/{statement_id}/feed.xml", api.atom_feed(
            statement_id, statement.title, region_id, region.name, entries, self.site_url)))

    # -- one statement in one region -------------------------------------------------------

    def region_pages(self, statement_id: str, region_id: str, all_versions: list[Version]) -> Iterator[SitePage]:
        """Every page of one statement in one region, each handed over as soon as it is made
        (a long history has hundreds of large pages: they are never all in memory)."""
        base = statement_url(region_id, statement_id)
        versions = [v for v in all_versions if region_id in v.regions]
        draft = self.documents[(statement_id, region_id)]
        t = self._t(region_id)
        if not versions:
            self._publish(statement_id, region_id, [], {})
            notice = _notice("warning", t["draft_title"], t["draft_unreleased"])
            yield self.statement_page(draft, url=base, notices=[notice])
            return

        in_force = self.store.in_force(versions, self.build_date)
        upcoming = self.store.upcoming(versions, self.build_date)
        editions = {v.id: Edition(self.store.document(v, region_id), v, f"{base}{v.id}/") for v in versions}
        by_id = {v.id: v for v in versions}
        self._publish(statement_id, region_id, versions, editions)

        # The page readers land on: the version in force (or the first one, before it starts).
        shown = in_force or upcoming
        main = editions[shown.id]
        notices = []
        if in_force is None:
            notices.append(_notice("info", t["not_yet_in_force_title"],
                                   fill_text(t["takes_effect"], date=self._date(shown, region_id))))
        elif upcoming is not None:
            decision = ((upcoming.verdict.get("regions") or {}).get(region_id) or {}).get("decision")
            consequence = " " + t["consent_ahead"] if decision == "consent" else ""
            notices.append(_notice(
                "warning", t["upcoming_change_title"],
                fill_text(t["changes_on"], date=self._date(upcoming, region_id)) + consequence,
                relative_url(base, f"{base}{upcoming.id}/changes/"), t["review_changes"]))
        yield self._version_page(main, base, notices, by_id)

        for version in versions:
            edition = editions[version.id]
            yield replace(self._version_page(edition, edition.url, self._version_notices(
                version, in_force, edition.url, base, region_id), by_id), searchable=False, toc=())
            if version.previous and version.previous.isoformat() in editions:
                previous = editions[version.previous.isoformat()]
                stored = (version.verdict.get("regions") or {}).get(region_id)
                yield self.redline_page(previous, edition, f"{edition.url}changes/", stored)
        yield self.archive_page(statement_id, region_id, versions, in_force, base)

        if self.preview_draft:
            latest = editions[versions[-1].id]
            draft_edition = Edition(draft, None, f"{base}draft/")
            notice = _notice("warning", t["draft_title"], t["draft_preview"], "changes/", t["review_changes"])
            yield replace(self.statement_page(draft, url=draft_edition.url, notices=[notice],
                                              previous_link="changes/"), searchable=False, toc=())
            yield self.redline_page(latest, draft_edition, f"{draft_edition.url}changes/",
                                    self._draft_verdict(latest, draft_edition, region_id))
            notice_page = self._draft_notice_page(statement_id, region_id, versions[-1], f"{base}draft/notice/")
            if notice_page is not None:
                yield notice_page

    def _draft_verdict(self, latest: Edition, draft: Edition, region_id: str) -> dict:
        """The draft's verdict in one region, with the decisions of the draft's release notes."""
        notes = read_release_notes(draft_notes_path(self.project, draft.document.statement))
        decided = {a.change: a.decision for a in notes.acknowledgements}
        verdict = region_verdict(latest.document, draft.document, self.project.regions.laws(region_id),
                                 self.project.rules)
        view = verdict.to_dict()
        view["decision"] = decided_region_action(verdict, decided).value
        for change in view["findings"]:
            if change["id"] in decided:
                change["acknowledged"] = {"decision": decided[change["id"]]}
        return view

    def _draft_notice_page(self, statement_id: str, region_id: str, latest: Version, url: str) -> SitePage | None:
        """The e-mail and in-app notice texts the draft would need, for the writer to review."""
        texts = self._draft_notices(statement_id, latest)
        email = texts.get(f"notices/{region_id}.email.md")
        if email is None:
            return None
        html = self.templates.render("notice.html", email=email.decode("utf-8"),
                                     inapp=texts[f"notices/{region_id}.inapp.txt"].decode("utf-8"))
        title = f"Notice of the draft changes ({self.project.regions[region_id].name})"
        return SitePage(url, title, html, searchable=False)

    def _draft_notices(self, statement_id: str, latest: Version) -> dict[str, bytes]:
        """The notice texts of the draft's verdict, every region's (judged once per statement)."""
        if statement_id not in self._notices:
            from ..versions.gate import draft_verdict
            from ..versions.release import render_notices

            notes = read_release_notes(draft_notes_path(self.project, statement_id))
            drafts = {r.id: self.documents[(statement_id, r.id)] for r in self.project.regions}
            verdict = draft_verdict(self.project, self.store, statement_id, latest, drafts=drafts)
            effective = max(self.build_date, latest.effective_date + dt.timedelta(days=1))
            self._notices[statement_id] = render_notices(self.project, verdict, statement_id, effective, notes,
                                                         self.templates)
        return self._notices[statement_id]

    def _date(self, version: Version, region_id: str) -> str:
        return format_date(version.effective_date, self.project.regions[region_id].locale)

    def _t(self, region_id: str) -> dict[str, str]:
        """The words around a statement in a region's language (`templates/strings.yml`)."""
        return self.templates.strings(self.project.regions[region_id].locale)

    def _version_notices(self, version: Version, in_force: Version | None, url: str, base: str,
                         region_id: str) -> list[dict]:
        t = self._t(region_id)
        date = self._date(version, region_id)
        if in_force is not None and version.effective_date < in_force.effective_date:
            return [_notice("warning", t["superseded_title"], fill_text(t["superseded"], date=date),
                            relative_url(url, base), t["read_in_force"])]
        if version.effective_date > self.build_date:
            return [_notice("info", t["upcoming_version_title"], fill_text(t["version_takes_effect"], date=date),
                            relative_url(url, base), t["read_in_force"])]
        return [_notice("info", t["in_force_title"], t["in_force"],
                        relative_url(url, f"{base}archive/"), t["see_all_versions"])]

    def _version_page(self, edition: Edition, url: str, notices: list[dict], by_id: dict) -> SitePage:
        version = edition.version
        previous_link = None
        if version is not None and version.previous and version.previous.isoformat() in by_id:
            previous_link = relative_url(url, f"{edition.url}changes/")
        return self.statement_page(edition.document, url=url, effective_date=version.effective_date,
                                   notices=notices, previous_link=previous_link)

    def redline_page(self, old: Edition, new: Edition, url: str, verdict: dict | None = None) -> SitePage:
        locale = new.document.locale
        t = self.templates.strings(locale)

        def context() -> dict[str, Any]:
            result = _REDLINES.get_or_make((old.document.fingerprint, new.document.fingerprint),
                                           lambda: redline(old.document, new.document, old.label, new.label))
            sections = []
            titles = {c.id: c.title for c in result.sections}
            for change in result.sections:
                if not change.is_change:
                    continue
                # A section that changed only its title or heading is shown with its text.
                everything = all(b.status is BlockStatus.EQUAL for b in change.blocks)
                blocks = [Markup(block_html(b, titles)) for b in change.blocks
                          if b.status is not BlockStatus.EQUAL or everything]
                label = t["badge_" + change.label.replace(" ", "_")]
                sections.append({"id": change.id, "title": Markup(section_title_html(change)),
                                 "status": change.status.value, "label": label, "blocks": blocks})
            return {"statement": new.document.statement, "region": new.document.region, "locale": locale, "t": t,
                        "summary": _summary(result.counts(), t), "sections": sections, "notices": [],
                        "headings": [Markup(line) for line in headings_html(result)],
                        "verdict": verdict_view(verdict, t), "old_date": _edition_date(old, locale, t),
                        "new_date": _edition_date(new, locale, t), "old_url": relative_url(url, old.url),
                        "new_url": relative_url(url, new.url)}

        html = self._render_page("redline.html", lambda: (
            old.document.fingerprint, new.document.fingerprint, new.document.statement, new.document.region,
            locale, old.label, new.label, old.url, new.url, url, repr(verdict)), context)
        title = fill_text(t["redline_title"], title=new.document.title, region=new.document.region_name,
                          date=_edition_date(new, locale, t))
        return SitePage(url, title, html, searchable=False)

    def archive_page(self, statement_id: str, region_id: str, versions: list[Version],
                     in_force: Version | None, base: str) -> SitePage:
        url = f"{base}archive/"
        t = self._t(region_id)
        rows = []
        for version in reversed(versions):
            if in_force is not None and version.id == in_force.id:
                status, label = "in-force", t["status_in_force"]
            elif version.effective_date > self.build_date:
                status, label = "upcoming", t["status_upcoming"]
            else:
                status, label = "superseded", t["status_superseded"]
            has_previous = version.previous and any(v.effective_date == version.previous for v in versions)
            rows.append({"id": version.id, "date": self._date(version, region_id), "status": status,
                         "status_label": label, "summary": version.summary,
                         "url": relative_url(url, f"{base}{version.id}/"),
                         "changes_url": relative_url(url, f"{base}{version.id}/changes/") if has_previous else None})
        region = self.project.regions[region_id]
        statement = self.project.statements[statement_id]
        context = {"statement": statement_id, "region": region_id, "title": statement.title, "region_name": region.name,
                       "rows": rows, "locale": region.locale}
        html = self._render_page("archive.html", lambda: repr(context), lambda: {**context, "t": t})
        return SitePage(url, fill_text(t["archive_title"], title=statement.title, region=region.name), html,
                        searchable=False)

    # -- shared pieces -----------------------------------------------------------------------

    def region_links(self, statement_id: str, from_url: str, current: str | None = None) -> list[dict]:
        return [{"name": r.name, "locale": r.locale, "current": r.id == current,
                 "url": relative_url(from_url, statement_url(r.id, statement_id))}
                for r in self.project.regions]

    def index_page(self) -> SitePage:
        statements = [{
            "id": s.id, "title": s.title, "description": s.description,
            "regions": self.region_links(s.id, ""),
        } for s in self.project.statements.values()]
        html = self.templates.render("index.html", statements=statements)
        toc = tuple(TocEntry(s.title, s.id, 2) for s in self.project.statements.values())
        return SitePage("", "Privacy statements", html, toc)

    def _body(self, document: ResolvedDocument) -> tuple[Markup, tuple[TocEntry, ...]]:
        """The sections' HTML and outline; identical texts (regions, versions) render once."""
        key = (document.fingerprint, self.templates.digest("_statement_body.html"),
               self.templates.digest("_section.html"))
        return _BODIES.get_or_make(key, lambda: self._render_body(document))

    def _render_body(self, document: ResolvedDocument) -> tuple[Markup, tuple[TocEntry, ...]]:
        groups = []
        toc = []
        template = self.templates.digest("_section.html")
        for group in document.groups:
            members = document.sections_in(group.id)
            if not members:
                continue
            sections = [{"id": s.id, "rendered": _SECTIONS.get_or_make(
                (s.digest, template), lambda s=s: Markup(self.templates.render(
                    "_section.html", section=self.section_view(s))))} for s in members]
            groups.append({"id": group.id, "heading": group.heading, "sections": sections})
            children = tuple(TocEntry(s.title, s.id, 3) for s in members if s.show_heading and s.depth == 0)
            if group.heading:
                toc.append(TocEntry(group.heading, group.id, 2, children))
            else:
                toc.extend(TocEntry(c.title, c.id, 2) for c in children)
        return Markup(self.templates.render("_statement_body.html", groups=groups)), tuple(toc)

    def statement_page(self, document: ResolvedDocument, **extra: Any) -> SitePage:
        url = extra.pop("url", statement_url(document.region, document.statement))
        effective = extra.pop("effective_date", None)
        body, toc = self._body(document)
        context = {
            "document": document, "body": body, "t": self.templates.strings(document.locale),
            "region_links": self.region_links(document.statement, url, document.region),
            "last_updated": format_date(effective, document.locale) if effective else None,
            "effective_date": effective.isoformat() if effective else None,
            "previous_link": None, "notices": [],
            "archive_link": relative_url(url, f"{statement_url(document.region, document.statement)}archive/"),
        }
        context.update(extra)
        html = self._render_page("statement.html", lambda: (
            document.fingerprint, document.statement, document.region, document.region_name, document.locale,
            url, repr({k: v for k, v in context.items() if k not in ("document", "body", "t")})), lambda: context)
        return SitePage(url, f"{document.title} ({document.region_name})", html, toc)

    def _render_page(self, name: str, key, context) -> str:
        """A page template's output. Incremental builds keep it, under `key()` (everything the
        page shows), so a rebuild renders again only the pages an edit changed."""
        if not self.incremental:
            return self.templates.render(name, **context())
        return _PAGES.get_or_make((name, self.templates.digest_all(), key()),
                                  lambda: self.templates.render(name, **context()))

    @staticmethod
    def section_view(section) -> dict[str, Any]:
        return {
            "id": section.id, "title": section.title, "kind": section.kind, "owner": section.owner,
            "depth": section.depth, "show_heading": section.show_heading,
            "html": Markup(markdown_to_html(section.markdown)),
        }


_VERDICT_KINDS = {"consent": "danger", "notify": "warning", "review": "warning", "none": "success"}


def verdict_view(region: dict | None, t: dict[str, str]) -> dict | None:
    """A region's verdict (as stored in a manifest) shaped for the redline template."""
    if not region:
        return None
    action = region.get("decision") or region.get("action", "none")
    shown = action if action in _VERDICT_KINDS else "review"
    kind, title = _VERDICT_KINDS[shown], t[f"verdict_{shown}"]
    changes = []
    for change in region.get("findings", region.get("changes", [])):
        rules = "; ".join(f"{r['law']}: {r['action']} ({r['source']})" for r in change.get("rules", []))
        changes.append({"description": change["description"], "action": change["action"],
                        "decision": (change.get("acknowledged") or {}).get("decision"),
                        "why": rules or "no rule; a lawyer must decide"})
    return {"action": action, "kind": kind, "title": title, "changes": changes}


# Below this many region-versions, forking workers costs more than it saves.
PARALLEL_MIN_WORK = 60

# Rendered texts, by content digest: shared by regions and versions within a build, and
# kept across the rebuilds of `mkdocs serve` so an edit redoes only what it changed.
# Bounded by their text too (a long history of a large statement has hundreds of 500 KB
# bodies): each holds a few versions' worth, which is what rendering them in order reuses.
_BODIES = BoundedCache(4096, budget=4_000_000, weigh=lambda body: len(body[0]))
_SECTIONS = BoundedCache(16384, budget=4_000_000)
_PAGES = BoundedCache(2048, budget=16_000_000)          # whole pages, for incremental builds only
_REDLINES = BoundedCache(4096, budget=4_000_000, weigh=lambda result: result.text_size())
_SECTIONS_JSON = BoundedCache(2048, budget=4_000_000)


def _notice(kind: str, title: str, text: str, url: str | None = None, link_text: str | None = None) -> dict:
    return {"kind": kind, "title": title, "text": text,
            "link": {"url": url, "text": link_text} if url else None}


def _edition_date(edition: Edition, locale: str, t: dict[str, str]) -> str:
    if edition.version is None:
        return t["draft_title"]
    return format_date(edition.version.effective_date, locale)


def _summary(counts: dict[str, int], t: dict[str, str]) -> str:
    """'3 sections changed, 1 added' in the reader's language."""
    parts = []
    for status in ("changed", "added", "removed", "moved", "headings"):
        n = counts.get(status)
        if n:
            key = ("lead_" if not parts else "then_") + status + ("_one" if n == 1 else "")
            parts.append(fill_text(t[key], n=n))
    if counts.get("title"):
        parts.append(t["lead_title" if not parts else "then_title"])
    return t["list_separator"].join(parts) if parts else t["no_changes"]
