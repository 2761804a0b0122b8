"""Statements, their outline, and their sections with region variants."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from types import MappingProxyType

from .facts import DeclaredFacts
from .paths import ProjectPaths
from .region import RegionSet
from .rules import RuleTable
from .translation import TranslationStore
from .vocabulary import ProjectVocabulary


class SectionKind(str, enum.Enum):
    SECTION = "section"
    APP = "app"


@dataclass(frozen=True)
class AppInfo:
    """Metadata of an app-specific section owned by a product team."""

    name: str
    platforms: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegionScope:
    """Where a section applies: `only` these regions (and their children), minus `exclude`."""

    only: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def applies_to(self, region_id: str, regions: RegionSet) -> bool:
        if self.only and not any(regions.is_within(region_id, r) for r in self.only):
            return False
        return not any(regions.is_within(region_id, r) for r in self.exclude)


@dataclass(frozen=True)
class SectionVariant:
    """One section file: the base text (`region` None) or a region's override."""

    section_id: str
    region: str | None
    title: str
    body: str
    source: str
    body_line: int
    show_heading: bool = True
    owner: str | None = None
    scope: RegionScope = RegionScope()
    facts: DeclaredFacts = field(default_factory=DeclaredFacts)
    app: AppInfo | None = None
    based_on: str | None = None          # an override: digest of the base text it was reviewed against


@dataclass(frozen=True)
class Section:
    """A section with its base text and its region overrides."""

    id: str
    kind: SectionKind
    base: SectionVariant
    overrides: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))

    def variant_for(self, region_id: str, regions: RegionSet) -> SectionVariant | None:
        """The text a reader in `region_id` sees, or None when the section does not apply."""
        if not self.base.scope.applies_to(region_id, regions):
            return None
        for rid in regions.chain(region_id):
            if rid in self.overrides:
                return self.overrides[rid]
        return self.base


@dataclass(frozen=True)
class OutlineEntry:
    """A section placed in the outline, with sections nested under it (apps)."""

    section_id: str
    line: int | None = None
    children: tuple[OutlineEntry, ...] = ()

    def walk(self, depth: int = 0):
        yield self, depth
        for child in self.children:
            yield from child.walk(depth + 1)


@dataclass(frozen=True)
class OutlineGroup:
    """A top heading (the seed's question-style headings) and its sections."""

    id: str
    heading: str | None
    entries: tuple[OutlineEntry, ...]


@dataclass(frozen=True)
class Statement:
    """A privacy statement: its outline of top headings and its sections."""

    id: str
    title: str
    source: str
    outline: tuple[OutlineGroup, ...]
    sections: MappingProxyType
    variables: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    owners: tuple[str, ...] = ()
    description: str = ""

    def owner_of(self, section_id: str) -> str | None:
        """Who reviews a section: its own `owner:`, else the statement's first owner (CODEOWNERS and the
        reviewers `check --against` lists read this one answer); None when neither names one."""
        section = self.sections.get(section_id)
        own = section.base.owner if section is not None else None
        return own or (self.owners[0] if self.owners else None)

    def placed(self):
        """Every outline entry in reading order with its group and nesting depth."""
        for group in self.outline:
            for entry in group.entries:
                for placed_entry, depth in entry.walk():
                    yield group, placed_entry, depth


@dataclass(frozen=True)
class Project:
    """A loaded project: where its files are, its regions, statements and rule table."""

    paths: ProjectPaths
    regions: RegionSet
    statements: MappingProxyType
    default_region: str
    rules: RuleTable
    translations: TranslationStore | None = None     # None: no region reads a translation
    vocabulary: ProjectVocabulary = field(default_factory=ProjectVocabulary)   # the project's own terms
    site_url: str = ""          # where the site is published (absolute links in notices); "" when unknown

    @property
    def root(self) -> str:
        return str(self.paths.root)
