"""A resolved document: exactly what a reader in one region sees.

`resolve()` (in `render/resolve.py`) produces it from the draft; a frozen version
stores it. It round-trips through `to_dict`/`from_dict` so a release can keep it
as JSON and the redline can compare two of them section by section.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .facts import DeclaredFacts


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
        return out

    @cached_property
    def digest(self) -> bytes:
        """A digest of what a reader sees of this section (text and placement, not facts)."""
        digest = hashlib.sha256(repr((self.id, self.title, self.group, self.depth, self.show_heading, self.kind,
                                      self.owner, self.app_name, self.platforms)).encode())
        digest.update(self.markdown.encode())
        return digest.digest()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ResolvedSection:
        """A section from its stored form; equal sections of many frozen documents are one object."""
        key = (data["id"], data["title"], data["group"], data["markdown"], data.get("depth", 0),
               data.get("show_heading", True), data.get("kind", "section"), data.get("owner"),
               data.get("variant"), data.get("source", ""), repr(data.get("app")), repr(data.get("declares")))
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
        )


# Sections shared by a project's frozen documents (regions and versions repeat most of them).
_INTERNED: dict[tuple, ResolvedSection] = {}
_INTERNED_MAX = 50_000


@dataclass(frozen=True)
class ResolvedGroup:
    """A top heading of the outline and the ids of its sections."""

    id: str
    heading: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "heading": self.heading}


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

    @cached_property
    def facts(self) -> DeclaredFacts:
        """All sections' declared facts together (computed once per document)."""
        return DeclaredFacts.union(section.facts for section in self.sections)

    @cached_property
    def fingerprint(self) -> str:
        """A digest of what a reader sees (not which region): equal texts render the same HTML."""
        digest = hashlib.sha256(repr((self.title, [(g.id, g.heading) for g in self.groups])).encode())
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
        return {
            "statement": self.statement, "title": self.title, "region": self.region,
            "region_name": self.region_name, "locale": self.locale,
            "groups": [g.to_dict() for g in self.groups],
            "sections": [s.to_dict() for s in self.sections],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ResolvedDocument:
        return cls(
            statement=data["statement"], title=data["title"], region=data["region"],
            region_name=data["region_name"], locale=data["locale"],
            groups=tuple(ResolvedGroup(g["id"], g.get("heading")) for g in data["groups"]),
            sections=tuple(ResolvedSection.from_dict(s) for s in data["sections"]),
        )
