"""The published site as plain data: pages (HTML + table of contents) and assets.

This module knows nothing about MkDocs. A site-generator adapter (see
`privacykit.mkdocs`) turns `SitePage`s into its own pages and wraps them in its
theme; another generator would need only another adapter.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ..model.document import ResolvedDocument
from ..model.statement import Project
from ..render.dates import format_date
from ..render.markdown import markdown_to_html
from ..render.resolve import resolve_all
from ..render.templates import TemplateSet


@dataclass(frozen=True)
class TocEntry:
    title: str
    id: str
    level: int
    children: tuple["TocEntry", ...] = ()

    def to_token(self) -> dict[str, Any]:
        """The shape MkDocs' `get_toc` takes."""
        return {"level": self.level, "id": self.id, "name": self.title, "html": self.title,
                "data-toc-label": "", "children": [c.to_token() for c in self.children]}


@dataclass(frozen=True)
class SitePage:
    """One page of the site: where it lives, its title, body HTML and outline."""

    url: str                      # relative to the site root, '' or ending in '/'
    title: str
    html: str
    toc: tuple[TocEntry, ...] = ()
    nav_title: str | None = None  # in the navigation when set
    description: str = ""

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
    rel = posixpath.relpath("/" + to_url, "/" + (from_url or "."))
    if rel == ".":
        return "./"
    return rel + ("/" if to_url.endswith("/") or to_url == "" else "")


def statement_url(region: str, statement: str) -> str:
    return f"{region}/{statement}/"


@dataclass
class SiteBuilder:
    """Builds every page of the site for one build date."""

    project: Project
    templates: TemplateSet
    build_date: dt.date
    documents: dict[tuple[str, str], ResolvedDocument] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.documents:
            self.documents = resolve_all(self.project)

    def pages(self) -> list[SitePage]:
        pages = [self.index_page()]
        for statement_id in self.project.statements:
            for region in self.project.regions:
                pages.append(self.statement_page(self.documents[(statement_id, region.id)]))
        return pages

    def assets(self) -> list[SiteAsset]:
        return [SiteAsset("assets/privacykit.css", self.templates.source("privacykit.css"))]

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
        return SitePage("", "Privacy statements", html, toc, nav_title="Home")

    def statement_page(self, document: ResolvedDocument, **extra: Any) -> SitePage:
        url = extra.pop("url", statement_url(document.region, document.statement))
        effective = extra.pop("effective_date", None)
        groups = []
        toc = []
        for group in document.groups:
            sections = [self.section_view(s) for s in document.sections_in(group.id)]
            if not sections:
                continue
            groups.append({"id": group.id, "heading": group.heading, "sections": sections})
            children = tuple(TocEntry(s["title"], s["id"], 3) for s in sections
                             if s["show_heading"] and s["depth"] == 0)
            if group.heading:
                toc.append(TocEntry(group.heading, group.id, 2, children))
            else:
                toc.extend(TocEntry(c.title, c.id, 2) for c in children)
        context = {
            "document": document, "groups": groups,
            "region_links": self.region_links(document.statement, url, document.region),
            "last_updated": format_date(effective, document.locale) if effective else None,
            "effective_date": effective.isoformat() if effective else None,
            "previous_link": None, "notices": [],
        }
        context.update(extra)
        html = self.templates.render("statement.html", **context)
        is_default = document.region == self.project.default_region
        return SitePage(url, f"{document.title} ({document.region_name})", html, tuple(toc),
                        nav_title=document.title if is_default else None)

    @staticmethod
    def section_view(section) -> dict[str, Any]:
        return {
            "id": section.id, "title": section.title, "kind": section.kind, "owner": section.owner,
            "depth": section.depth, "show_heading": section.show_heading,
            "html": Markup(markdown_to_html(section.markdown)),
        }
