"""What a site build needs, gathered once: the project, templates and build date."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError
from ..load.project import load_project
from ..model.statement import Project
from ..render.dates import build_date as resolve_build_date
from ..render.templates import TemplateSet
from ..versions.store import VersionStore
from .site import SiteAsset, SiteBuilder, SitePage, statement_url


@dataclass
class SiteInputs:
    root: Path
    statements_dir: Path
    versions_dir: Path
    templates_dir: Path
    project: Project
    templates: TemplateSet
    build_date: dt.date
    store: VersionStore
    preview_draft: bool = False
    pdf: bool = False

    def navigation(self) -> list[dict[str, str]]:
        """A small navigation: home, then each statement in the default region."""
        nav = [{"Home": "index.md"}]
        for statement in self.project.statements.values():
            url = statement_url(self.project.default_region, statement.id)
            # The theme prints navigation titles unescaped; statement titles are content.
            nav.append({html.escape(statement.title, quote=False): f"{url}index.md"})
        return nav

    def builder(self, site_url: str = "", progress=None, incremental: bool = False) -> SiteBuilder:
        return SiteBuilder(self.project, self.templates, self.build_date, self.store, self.preview_draft,
                           site_url or "", progress, incremental, self.pdf and not incremental)

    def build(self, site_url: str = "", progress=None,
              incremental: bool = False) -> tuple[list[SitePage], list[SiteAsset]]:
        """Every page and asset in lists (for tests and small sites; the plugin streams)."""
        builder = self.builder(site_url, progress, incremental)
        return builder.pages(), builder.assets()

    def watched(self) -> list[Path]:
        return [self.statements_dir, self.versions_dir, self.templates_dir]


def site_inputs(root: Path, statements_dir: str = "statements", versions_dir: str = "versions",
                templates_dir: str = "templates", default_region: str = "global",
                build_date: str | None = None, preview_draft: bool = False) -> SiteInputs:
    """Load and validate everything a build needs; raise on any problem.

    A release edited after it was made stops the build: the site must never show a
    reader text that was not released.
    """
    root = Path(root)
    project = load_project(root, statements_dir, default_region)
    store = VersionStore(root, versions_dir)
    tampered = store.verify(list(project.statements))
    if tampered:
        raise ContentError(tampered)
    return SiteInputs(root, root / statements_dir, root / versions_dir, root / templates_dir, project,
                      TemplateSet(root / templates_dir), resolve_build_date(build_date), store, preview_draft)
