"""A resolved document: exactly what a reader in one region sees.

`resolve()` (in `render/resolve.py`) produces it from the draft; a frozen version
stores it. It round-trips through `to_dict`/`from_dict` so a release can keep it
as JSON and the redline can compare two of them section by section.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from .facts import DeclaredFacts
from .region import primary_language


@dataclass(frozen=True)
class ResolvedSection:
    """One section as resolved for a region: variables rendered, Markdown body."""

    id: str
    title: str
    markdown: str
    group: str
    depth: int = 0
    show_heading: bool = True
    kind: str = "section"
    owner: str | None = None
    app_name: str | None = None
    platforms: tuple[str, ...] = ()
    variant: str | None = None          # region of the override used, None for the base text
    source: str = ""
    facts: DeclaredFacts = field(default_factory=DeclaredFacts)
    translation: SectionTranslation | None = None   # set when the text is translated from the source

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": self.title, "group": self.group}
        if self.depth:
            out["depth"] = self.depth
        if not self.show_heading:
            out["show_heading"] = False
        out["kind"] = self.kind
        if self.owner:
            out["owner"] = self.owner
        if self.app_name:
            out["app"] = {"name": self.app_name, "platforms": list(self.platforms)}
        if self.variant:
            out["variant"] = self.variant
        if self.source:
            out["source"] = self.source
        facts = self.facts.to_dict()
        if facts:
            out["declares"] = facts
        out["markdown"] = self.markdown
        if self.translation is not None:
            out["translation"] = self.translation.to_dict()
        return out

    @cached_property
    def digest(self) -> bytes:
        """A digest of what a reader sees of this section (text and placement, not facts)."""
        digest = hashlib.sha256(repr((self.id, self.title, self.group, self.depth, self.show_heading, self.kind,
                                      self.owner, self.app_name, self.platforms)).encode())
        digest.update(self.markdown.encode())
        if self.translation is not None:
            # Which blocks read in the source language shows on the page (their `lang`).
            digest.update(repr((self.translation.language, self.translation.fallback,
                                self.translation.stale)).encode())
        return digest.digest()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ResolvedSection:
        """A section from its stored form; equal sections of many frozen documents are one object."""
        key = (data["id"], data["title"], data["group"], data["markdown"], data.get("depth", 0),
               data.get("show_heading", True), data.get("kind", "section"), data.get("owner"),
               data.get("variant"), data.get("source", ""), repr(data.get("app")), repr(data.get("declares")),
               repr(data.get("translation")))
        section = _INTERNED.get(key)
        if section is None:
            if len(_INTERNED) >= _INTERNED_MAX:
                _INTERNED.clear()
            section = _INTERNED[key] = cls._from_dict(data)
        return section

    @classmethod
    def _from_dict(cls, data: dict[str, Any]) -> ResolvedSection:
        app = data.get("app") or {}
        return cls(
            id=data["id"], title=data["title"], markdown=data["markdown"], group=data["group"],
            depth=data.get("depth", 0), show_heading=data.get("show_heading", True),
            kind=data.get("kind", "section"), owner=data.get("owner"), app_name=app.get("name"),
            platforms=tuple(app.get("platforms", ())), variant=data.get("variant"),
            source=data.get("source", ""), facts=DeclaredFacts.from_dict(data.get("declares", {})),
            translation=SectionTranslation.from_dict(data["translation"]) if data.get("translation") else None,
        )

    def in_source_language(self) -> ResolvedSection:
        """The section as written in the source language (itself when it is not a translation)."""
        return self._in_source

    @cached_property
    def _in_source(self) -> ResolvedSection:
        if self.translation is None:
            return self
        return replace(self, title=self.translation.source_title, markdown=self.translation.source_markdown,
                       translation=None)


@dataclass(frozen=True)
class SectionTranslation:
    """How a translated section relates to its source: the source text, and what is not translated.

    `fallback` lists the blocks of the section's Markdown (`model.blocks.split_body`
    order; -1 is the title) that readers get in the source language because their
    translation is missing or stale; `stale` those of them whose translation is out of date.
    """

    language: str
    source_title: str
    source_markdown: str
    fallback: tuple[int, ...] = ()
    stale: tuple[int, ...] = ()
    source_language: str = "en"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"language": self.language, "source_language": self.source_language,
                               "source_title": self.source_title, "source_markdown": self.source_markdown}
        if self.fallback:
            out["fallback"] = list(self.fallback)
        if self.stale:
            out["stale"] = list(self.stale)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SectionTranslation:
        return cls(language=data["language"], source_title=data["source_title"],
                   source_markdown=data["source_markdown"], fallback=tuple(data.get("fallback", ())),
                   stale=tuple(data.get("stale", ())), source_language=data.get("source_language", "en"))


# Sections shared by a project's frozen documents (regions and versions repeat most of them).
_INTERNED: dict[tuple, ResolvedSection] = {}
_INTERNED_MAX = 50_000


@dataclass(frozen=True)
class ResolvedGroup:
    """A top heading of the outline and the ids of its sections."""

    id: str
    heading: str | None
    source_heading: str | None = None    # the heading in the source language, when translated

    def to_dict(self) -> dict[str, Any]:
        out = {"id": self.id, "heading": self.heading}
        if self.source_heading is not None:
            out["source_heading"] = self.source_heading
        return out


@dataclass(frozen=True)
class ResolvedDocument:
    """The whole text of one statement for one region, in reading order."""

    statement: str
    title: str
    region: str
    region_name: str
    locale: str
    groups: tuple[ResolvedGroup, ...]
    sections: tuple[ResolvedSection, ...]
    language: str = ""              # language of the text ("" in documents frozen before languages)
    source_language: str = ""       # language the statement is written in
    source_title: str | None = None     # the title in the source language, when translated

    def text_language(self, source_language: str | None = None) -> str:
        """The `lang` of the statement text: the region's locale when the text is in its language.

        A document resolved without a translation records no language: its text is in
        `source_language` (the region's, from `RegionSet.source_language`), else in its locale's.
        """
        language = self.language or source_language or self.locale
        if primary_language(self.locale) == primary_language(language):
            return self.locale if len(self.locale) >= len(language) else language
        return language

    @property
    def is_translation(self) -> bool:
        return bool(self.language) and self.language != self.source_language

    def in_source_language(self) -> ResolvedDocument:
        """The document as written in the source language (itself when it is not a translation).

        Materiality is judged on this text: a translation carries its source's verdict.
        """
        return self._in_source

    @cached_property
    def _in_source(self) -> ResolvedDocument:
        if not self.is_translation:
            return self
        return replace(self, title=self.source_title or self.title, language=self.source_language,
                       source_title=None,
                       groups=tuple(ResolvedGroup(g.id, g.source_heading if g.source_heading is not None
                                                  else g.heading) for g in self.groups),
                       sections=tuple(s.in_source_language() for s in self.sections))

    @cached_property
    def facts(self) -> DeclaredFacts:
        """All sections' declared facts together (computed once per document)."""
        return DeclaredFacts.union(section.facts for section in self.sections)

    @cached_property
    def fingerprint(self) -> str:
        """A digest of what a reader sees (not which region): equal texts render the same HTML."""
        digest = hashlib.sha256(repr((self.title, [(g.id, g.heading) for g in self.groups],
                                      self.language)).encode())
        for s in self.sections:
            digest.update(s.digest)
        return digest.hexdigest()

    def section(self, section_id: str) -> ResolvedSection | None:
        for section in self.sections:
            if section.id == section_id:
                return section
        return None

    def sections_in(self, group_id: str) -> list[ResolvedSection]:
        return [s for s in self.sections if s.group == group_id]

    def to_markdown(self) -> str:
        """The document as one Markdown text, the form a reader sees and a lawyer reads."""
        parts = [f"# {self.title}\n"]
        for group in self.groups:
            members = self.sections_in(group.id)
            if not members:
                continue
            if group.heading:
                parts.append(f"## {group.heading}\n")
            for section in members:
                if section.show_heading:
                    parts.append(f"{'#' * (3 + section.depth)} {section.title}\n")
                parts.append(section.markdown.strip() + "\n")
        return "\n".join(parts)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "statement": self.statement, "title": self.title, "region": self.region,
            "region_name": self.region_name, "locale": self.locale,
        }
        if self.language:
            out["language"] = self.language
            out["source_language"] = self.source_language
        if self.source_title is not None:
            out["source_title"] = self.source_title
        out["groups"] = [g.to_dict() for g in self.groups]
        out["sections"] = [s.to_dict() for s in self.sections]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ResolvedDocument:
        return cls(
            statement=data["statement"], title=data["title"], region=data["region"],
            region_name=data["region_name"], locale=data["locale"],
            groups=tuple(ResolvedGroup(g["id"], g.get("heading"), g.get("source_heading")) for g in data["groups"]),
            sections=tuple(ResolvedSection.from_dict(s) for s in data["sections"]),
            language=data.get("language", ""), source_language=data.get("source_language", ""),
            source_title=data.get("source_title"),
        )
