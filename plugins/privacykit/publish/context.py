"""What every page kind needs for one build, and one statement as published in one region."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..changes.reader import ReaderWords
from ..changes.verdict import Verdict
from ..model.document import ResolvedDocument
from ..model.region import Region
from ..model.statement import Project, Statement
from ..render.dates import format_date
from ..render.resolve import resolve, resolve_all
from ..render.templates import TemplateSet
from ..versions import lookup
from ..versions.regional import region_versions
from ..versions.store import Version, VersionStore
from .cache import RenderCache
from .page import Edition, NavLink, statement_url


class Drafts(Mapping[tuple[str, str], ResolvedDocument]):
    """The draft text of each (statement, region), resolved on first use and kept."""

    def __init__(self, project: Project):
        self.project = project
        self._resolved: dict[tuple[str, str], ResolvedDocument] = {}

    def __getitem__(self, key: tuple[str, str]) -> ResolvedDocument:
        if key not in self._resolved:
            statement_id, region_id = key
            if statement_id not in self.project.statements or region_id not in self.project.regions:
                raise KeyError(key)
            self._resolved[key] = resolve(self.project, statement_id, region_id)
        return self._resolved[key]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return ((s, r.id) for s in self.project.statements for r in self.project.regions)

    def __len__(self) -> int:
        return len(self.project.statements) * len(self.project.regions)


@dataclass
class SiteContext:
    """One build's inputs (project, templates, build date, releases, options) and the
    `RenderCache` its caller owns."""

    project: Project
    templates: TemplateSet
    build_date: dt.date
    store: VersionStore
    cache: RenderCache = field(default_factory=RenderCache)
    preview_draft: bool = False
    site_url: str = ""
    incremental: bool = False       # keep whole pages in the cache for the next build (serve)
    recently_updated_days: int = 90  # how long after a change the page in force says it was recent
    pdf: bool = False               # link each released version's archival PDF (see `evidence.pdf`)
    site_name: str = ""             # MkDocs' `site_name`: who publishes, where no `company` says so
    # (statement, region) -> the draft's text; resolved from the project when not given.
    drafts: Mapping[tuple[str, str], ResolvedDocument] = field(default_factory=dict)
    # (statement, release compared with) -> its draft's verdict against that release, in every
    # region, with the draft's release notes' decisions (judged once per build: the draft's
    # redlines and its notices both show it; see `notice.draft_statement_verdict`).
    draft_verdicts: dict[tuple[str, dt.date], Verdict] = field(default_factory=dict, repr=False)
    # (statement, release compared with) -> the notice texts its draft would need, their
    # effective date and days of notice (judged once per build; see `notice`).
    draft_notices: dict[tuple[str, dt.date], tuple[dict[str, bytes], dt.date, int]] = \
        field(default_factory=dict, repr=False)
    # region -> the navigation of its pages (made once per build; see `navigation`).
    navigations: dict[str, tuple[NavLink, ...]] = field(default_factory=dict, repr=False)
    # statement -> the regions it has a release for (see `released_in`).
    released: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not self.drafts:
            # A site that previews drafts resolves them all, to report every problem at once.
            # One that does not shows a draft only where a region has no release yet: resolving
            # the others would read every translation file for text no page shows.
            self.drafts = resolve_all(self.project, lint=False) if self.preview_draft else Drafts(self.project)

    def released_in(self, statement_id: str) -> frozenset[str]:
        """The regions where `statement_id` is published: those a release of it includes. A
        statement (or a region) with no release has nothing in force or to come, so it is not
        published as if it were: only its draft is previewed, under `draft/` (`preview_draft`)."""
        if statement_id not in self.released:
            self.released[statement_id] = frozenset(
                r for v in self.store.versions(statement_id) for r in v.regions)
        return self.released[statement_id]

    def is_released(self, statement_id: str, region_id: str) -> bool:
        return region_id in self.released_in(statement_id)

    def words(self, locale: str) -> dict[str, str]:
        """The words around a statement in a locale's language (`templates/strings.yml`)."""
        return self.templates.strings(locale)

    def region_words(self, region_id: str) -> dict[str, str]:
        return self.words(self.project.regions[region_id].locale)

    def reader_words(self, region_id: str) -> ReaderWords:
        """What reader lines are made of in a region's language (`changes/reader.py`)."""
        return ReaderWords.of(self.templates, self.project.regions[region_id].locale,
                              self.source_language(region_id) or "en", self.project.vocabulary.recipient_names())

    def region_name(self, region_id: str, recorded: str | None = None) -> str:
        """A region's name on its own pages, in its language (see `TemplateSet.region_name`);
        `recorded` is the name a frozen document gives, used when the catalog has none."""
        region = self.project.regions[region_id]
        return self.templates.region_name(region_id, region.locale, recorded or region.name)

    def statement_title(self, statement_id: str, region_id: str) -> str:
        """A statement's title as a region reads it (its navigation's): the words of every page
        about that statement there, also above a version whose text was in another language."""
        found = next((link.title for link in self.navigation(region_id) if link.statement == statement_id), None)
        return found if found is not None else self.drafts[(statement_id, region_id)].title

    def summary(self, statement: Statement, region_id: str, version: Version) -> tuple[str, str | None]:
        """A release summary as a region reads it, and the language it is in (its `lang`).

        A summary is written once, in the statement's language; a translated region reads its
        translation (`translate.summaries.translated_summary`: `translations/<language>/releases.yml`,
        else the release notes' `summary_translations`), else the summary marked with its
        language, for screen readers. The archive, the feed and the API all read it here."""
        from ..translate.summaries import translated_summary

        regions = self.project.regions
        source = self.source_language(region_id)
        if version.summary and regions.translates(region_id):
            language = regions.language(region_id)
            translated = translated_summary(self.project, self.store, statement, version, language)
            if translated is not None:
                return translated, language
        return version.summary, source

    def date(self, version: Version, region_id: str) -> str:
        """A version's effective date in a sentence of the region's words: in the region's language, or in
        English where the catalog lacks it and the sentence is English (rtl44: not "on 31 ديسمبر 2026")."""
        return format_date(version.effective_date, self.templates.words_locale(self.project.regions[region_id].locale))

    def navigation(self, region_id: str) -> tuple[NavLink, ...]:
        """Where a reader in a region goes from any of its pages: home, then each statement
        in that region, under the title the region reads (the text in force, else the next one
        to take effect). A statement with no release there is not in it: it is not published."""
        if region_id not in self.navigations:
            locale = self.project.regions[region_id].locale
            links = [NavLink(self.region_words(region_id)["nav_home"], "",
                             lang="" if self.templates.speaks(locale) else "en")]
            for statement_id in self.project.statements:
                versions = [v for v in self.store.versions(statement_id) if region_id in v.regions]
                shown = lookup.in_force(versions, self.build_date) or lookup.upcoming(versions, self.build_date)
                if shown is None:
                    continue
                document = self.store.document(shown, region_id)
                untranslated = document.is_translation and document.title == document.source_title
                links.append(NavLink(document.title, statement_url(region_id, statement_id), statement_id,
                                     lang=document.source_language if untranslated else ""))
            self.navigations[region_id] = tuple(links)
        return self.navigations[region_id]

    def pdf_path(self, statement_id: str, region_id: str, version: Version | None) -> str | None:
        """Site path of a released version's archival PDF, when the build makes PDFs."""
        if not self.pdf or version is None:
            return None
        from ..evidence.pdf import pdf_path

        return pdf_path(statement_id, region_id, version.id)

    def source_language(self, region_id: str) -> str | None:
        """The language a region's statements are written in (its root region's), if it is a region."""
        return self.project.regions.source_language(region_id) if region_id in self.project.regions else None

    def render_page(self, name: str, key: Callable[[], Hashable], context: Callable[[], dict[str, Any]]) -> str:
        """A page template's output. Incremental builds keep it under `key()` (everything the
        page shows), so a rebuild renders again only the pages an edit changed."""
        if not self.incremental:
            return self.templates.render(name, **context())
        return self.cache.pages.get_or_make((name, self.templates.digest_all(), key()),
                                            lambda: self.templates.render(name, **context()))


@dataclass
class RegionalStatement:
    """One statement as published for one region: its versions there, what is in force on the
    build date, what is upcoming, and the draft."""

    statement: Statement
    region: Region
    # The region's versions, oldest first (`versions.regional.region_versions`, the one place that
    # decides): the releases that changed what the region publishes, its first one included. Each has
    # a version page, an archive row, a feed entry, an API entry and a fragment folder; a release that
    # left the region's text as it was (one that changed or translated only other regions) is none of
    # these here (release43, versions44), though it stays on the record (its release folder, the chain).
    versions: list[Version]
    editions: dict[str, Edition]       # by version id
    in_force: Version | None           # the version in force on the build date (among `versions`)
    upcoming: Version | None           # the first version that takes effect after it
    drafts: Mapping[tuple[str, str], ResolvedDocument] = field(repr=False)   # the site's
    # The statement's latest release that includes the region: the one its draft is judged against
    # (its next release follows it), whether or not it is a version here.
    latest_release: Version | None = None

    @property
    def draft(self) -> ResolvedDocument:
        """The unreleased text (resolved when first asked for: most sites show no draft)."""
        return self.drafts[(self.statement.id, self.region.id)]

    @classmethod
    def of(cls, site: SiteContext, statement_id: str, region_id: str,
           all_versions: list[Version]) -> RegionalStatement:
        base = statement_url(region_id, statement_id)
        releases = [v for v in all_versions if region_id in v.regions]
        documents = {v.id: site.store.document(v, region_id) for v in releases}
        # (all releases: one that left the region out ends its version there, mend1)
        versions = region_versions(all_versions, region_id, lambda v: documents[v.id])
        editions = {v.id: Edition(documents[v.id], v, f"{base}{v.id}/") for v in versions}
        return cls(site.project.statements[statement_id], site.project.regions[region_id], versions, editions,
                   lookup.in_force(versions, site.build_date), lookup.upcoming(versions, site.build_date),
                   site.drafts, releases[-1] if releases else None)

    @property
    def base(self) -> str:
        """The address of the version in force (`<region>/<statement>/`); the others are below it."""
        return statement_url(self.region.id, self.statement.id)

    def version_before(self, version: Version) -> Version | None:
        """The version `version` replaced in this region (the one before it in `versions`), if any."""
        index = self.versions.index(version)
        return self.versions[index - 1] if index > 0 else None

    def edition_before(self, version: Version) -> Edition | None:
        """The edition of `version_before(version)`: what its redline compares with."""
        before = self.version_before(version)
        return self.editions[before.id] if before is not None else None
