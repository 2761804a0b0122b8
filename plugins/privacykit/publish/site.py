"""The whole site for one build date, page kind by page kind.

This module knows nothing about MkDocs. It asks each page kind for its pages and assets,
statement by statement and region by region, and hands them to the caller as soon as
they are made; a site-generator adapter (see `privacykit.mkdocs`) turns `SitePage`s into
its own pages and wraps them in its theme. The kinds:

    home       the index page                    statement  the version in force (or draft)
    dated      every release at its date         redline    "Review previous version"
    archive    every version of a region         draft      the unreleased text, its redline
    notice     the notices the draft needs       api        static JSON (and the consent contract)
    fragments  app sections for webviews         feeds      Atom feeds of releases
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator

from markupsafe import Markup

from ..model.document import ResolvedDocument
from ..versions.regional import region_versions
from ..versions.store import Version
from . import api, archive, dated, draft, feeds, fragments, home, parallel, redline, statement
from .context import RegionalStatement, SiteContext
from .page import SiteAsset, SitePage

# Below this many region-versions, forking workers costs more than it saves.
PARALLEL_MIN_WORK = 60

OnPage = Callable[[SitePage], None]
OnAsset = Callable[[SiteAsset], None]


class SiteBuilder:
    """Builds every page and asset of the site described by a `SiteContext`."""

    def __init__(self, site: SiteContext, progress: Callable[[int, int, str], None] | None = None):
        self.site = site
        self.progress = progress     # called as progress(done, total, label) while building
        self._published: list[SiteAsset] = []

    def archival_copies(self) -> list:
        """Every version of every statement in every region, as the PDFs to publish: a release that
        left a region's text as it was is no version there (`versions.regional`), so it has no PDF
        there, as it has no page (versions44)."""
        from ..evidence.pdf import ArchivalCopy

        site, copies = self.site, []
        documents: dict[tuple[str, str], ResolvedDocument] = {}     # (release folder, region) -> its text

        def document(region_id: str, version: Version) -> ResolvedDocument:
            key = (str(version.folder), region_id)
            if key not in documents:
                documents[key] = site.store.document(version, region_id)
            return documents[key]

        for statement_id in site.project.statements:
            releases = site.store.versions(statement_id)
            versions = {(v.id, r.id) for r in site.project.regions
                        for v in region_versions(releases, r.id, functools.partial(document, r.id))}
            for version in releases:
                digest = site.store.manifest_digest(version)
                for region_id in version.regions:
                    if (version.id, region_id) in versions:
                        copies.append(ArchivalCopy(document(region_id, version), version.id,
                                                   version.effective_date, digest,
                                                   site.pdf_path(statement_id, region_id, version) or ""))
        return copies

    def body_html(self, document: ResolvedDocument) -> Markup:
        """The sections of `document` as the site shows them (sanitized HTML)."""
        return statement.body(self.site, document)[0]

    def emit(self, on_page: OnPage, on_asset: OnAsset, workers: int = 1,
             in_worker: Callable[[SitePage], SitePage] | None = None) -> None:
        """Produce the whole site, handing over each page and asset as soon as it is made.

        Streaming keeps memory flat as versions grow: a caller may write each one out
        and forget it. With `workers` > 1 (and a large enough project) the regions are
        rendered in forked processes; `on_asset` is then called in those processes, so it
        must write its asset out rather than keep it. Pages always reach `on_page` in the
        parent, in the same order whatever the number of workers; a worker first passes
        each page to `in_worker(page)`, and what that returns travels to the parent instead
        (a caller that writes the page there can send back a light `written` copy).
        """
        site = self.site
        on_asset(SiteAsset("assets/privacykit.css", site.templates.source("privacykit.css")))
        on_asset(SiteAsset(f"{api.API}/schema.json", api.schema_text()))
        on_asset(api.api_index(site))
        on_asset(fragments.stylesheet_asset())
        on_page(home.home_page(site))
        versions = {s: site.store.versions(s) for s in site.project.statements}
        pairs = [(s, r.id) for s in site.project.statements for r in site.project.regions]

        def region(i: int) -> Iterator[SitePage]:
            return self.region_pages(*pairs[i], versions[pairs[i][0]], on_asset)

        results: Iterable[Iterable[SitePage]]
        work = sum(len(v) for v in versions.values()) * len(site.project.regions)
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

    def region_pages(self, statement_id: str, region_id: str, all_versions: list[Version],
                     on_asset: OnAsset) -> Iterator[SitePage]:
        """Every page of one statement in one region, in a fixed order, each handed over as soon
        as it is made (a long history has hundreds of large pages: they are never all in
        memory); its API documents, fragments and feed go to `on_asset`."""
        site = self.site
        regional = RegionalStatement.of(site, statement_id, region_id, all_versions)
        if not regional.versions:
            # Nothing released here: nothing is in force or to come, so nothing is published
            # as if it were (no page at the statement's address, no API, fragment or feed);
            # the draft is previewed under `draft/` where drafts are (`preview_draft`).
            if site.preview_draft:
                yield draft.unreleased_draft_page(site, regional)
            return
        signals = api.region_signals(regional, site.cache.section_digests)   # per-section signals (embed44)
        api.region_api(site, regional, on_asset, signals)
        fragments.region_fragments(site, regional, on_asset, signals)
        feeds.region_feed(site, regional, on_asset)
        yield statement.in_force_page(site, regional)
        for version in regional.versions:
            yield dated.dated_page(site, regional, version)
            yield from redline.release_redline(site, regional, version)
        yield archive.archive_page(site, regional)
        if site.preview_draft:
            yield from draft.draft_pages(site, regional)

    def _in_worker(self, chunk: list[int], region: Callable[[int], Iterator[SitePage]],
                   in_worker: Callable[[SitePage], SitePage] | None) -> list[tuple[int, list[SitePage]]]:
        """One worker's chunk of regions. Its rendered documents are not shared with other
        chunks (other texts), so they are dropped after it: memory stays flat."""
        try:
            return [(i, [in_worker(p) if in_worker else p for p in region(i)]) for i in chunk]
        finally:
            self.site.cache.forget_documents()

    def _chunks(self, pairs: list[tuple[str, str]], start: int,
                versions: dict[str, list[Version]]) -> list[list[int]]:
        """Indexes of `pairs` in chunks for workers, heaviest first: regions with the same
        text (which share rendered bodies and redlines) go together."""
        groups: dict[tuple[str, str], list[int]] = {}
        weight: dict[tuple[str, str], int] = {}
        for i, (statement_id, region_id) in enumerate(pairs, start=start):
            # The latest release's text stands for the region's (a draft is resolved only if shown).
            released = [v for v in versions[statement_id] if region_id in v.regions]
            text = (self.site.store.document(released[-1], region_id) if released
                    else self.site.drafts[(statement_id, region_id)])
            key = (statement_id, text.fingerprint)
            groups.setdefault(key, []).append(i)
            # The work of a region grows with its versions and the sections of each.
            weight[key] = weight.get(key, 0) + (len(versions[statement_id]) + 1) * len(text.sections)
        return [groups[key] for key in sorted(groups, key=lambda k: -weight[k])]

    def pages(self) -> list[SitePage]:
        """Every page, in a list; the assets made meanwhile are kept for `assets()`."""
        pages: list[SitePage] = []
        self._published = []
        self.emit(pages.append, self._published.append)
        return pages

    def assets(self) -> list[SiteAsset]:
        """The stylesheet, API, fragments and feeds made by the last `pages()`."""
        return list(self._published)

