"""What a site build needs, gathered once: the project, templates and build date."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError
from ..load.project import load_project
from ..load.settings import ProjectSettings, read_settings
from ..model.statement import Project
from ..render.dates import build_date as resolve_build_date
from ..render.templates import TemplateSet
from ..versions.store import VersionStore
from .site import SiteAsset, SiteBuilder, SitePage, statement_url


@dataclass
class SiteInputs:
    project: Project
    templates: TemplateSet
    build_date: dt.date
    store: VersionStore
    preview_draft: bool = False

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
                           site_url or "", progress, incremental)

    def build(self, site_url: str = "", progress=None,
              incremental: bool = False) -> tuple[list[SitePage], list[SiteAsset]]:
        """Every page and asset in lists (for tests and small sites; the plugin streams)."""
        builder = self.builder(site_url, progress, incremental)
        return builder.pages(), builder.assets()

    def watched(self) -> list[Path]:
        return self.project.paths.watched()


def site_inputs(source: Path | str | ProjectSettings, build_date: str | None = None,
                preview_draft: bool | None = None) -> SiteInputs:
    """Load and validate everything a build needs; raise on any problem.

    `source` is the project's settings or its root (read with its `mkdocs.yml`);
    `build_date` and `preview_draft` override the settings. A release edited after it
    was made stops the build: the site must never show a reader text that was not released.
    """
    settings = source if isinstance(source, ProjectSettings) else read_settings(source)
    project = load_project(settings)
    store = VersionStore(project.paths)
    tampered = store.verify(list(project.statements))
    if tampered:
        raise ContentError(tampered)
    return SiteInputs(project, TemplateSet(project.paths.templates),
                      resolve_build_date(build_date or settings.build_date), store,
                      settings.preview_draft if preview_draft is None else preview_draft)
