"""What a site build needs, gathered once: the project, templates and build date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, Problem
from ..load.project import load_project
from ..load.settings import ProjectSettings, read_settings
from ..model.statement import Project
from ..render.dates import build_date as resolve_build_date
from ..render.templates import TemplateSet
from ..versions.store import VersionStore
from .cache import RenderCache
from .context import SiteContext
from .page import SiteAsset, SitePage, statement_url, theme_text
from .site import SiteBuilder


@dataclass
class SiteInputs:
    project: Project
    templates: TemplateSet
    build_date: dt.date
    store: VersionStore
    preview_draft: bool = False
    recently_updated_days: int = 90
    pdf: bool = False

    def navigation(self) -> list[dict[str, str]]:
        """A small navigation: home, then each statement released in the default region (one
        never released there has no page at its address)."""
        nav = [{"Home": "index.md"}]
        for statement in self.project.statements.values():
            if not any(self.project.default_region in v.regions for v in self.store.versions(statement.id)):
                continue
            url = statement_url(self.project.default_region, statement.id)
            # The theme prints navigation titles unescaped; statement titles are content.
            nav.append({theme_text(statement.title): f"{url}index.md"})
        return nav

    def builder(self, cache: RenderCache, site_url: str = "", progress=None,
                incremental: bool = False, site_name: str = "") -> SiteBuilder:
        """A builder of this site whose rendered texts go to `cache` (owned by the caller:
        a fresh one per build, or one kept across the rebuilds of `serve`, with `incremental`)."""
        site = SiteContext(self.project, self.templates, self.build_date, self.store, cache, self.preview_draft,
                           site_url or "", incremental, self.recently_updated_days,
                           self.pdf and not incremental, site_name=site_name)
        return SiteBuilder(site, progress)

    def build(self, cache: RenderCache | None = None, site_url: str = "", progress=None,
              incremental: bool = False) -> tuple[list[SitePage], list[SiteAsset]]:
        """Every page and asset in lists (for tests and small sites; the plugin streams)."""
        builder = self.builder(cache or RenderCache(), site_url, progress, incremental)
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
                      settings.preview_draft if preview_draft is None else preview_draft,
                      settings.recently_updated_days)


def site_dir_problem(site_dir: Path, root: Path, reads: dict[str, Path], source: str,
                     line: int | None = None) -> Problem | None:
    """Why `site_dir` may not receive a build of the project at `root`, or None when it may.

    A build replaces its output folder whole, so that folder must not be, or hold, the
    project folder or anything the build reads (`reads`: what each path is, for the
    message, such as "the content folder statements/"), nor lie inside what it reads.
    `source` and `line` say where the folder was given (`--site-dir`, or mkdocs.yml and
    the line of its `site_dir`).
    """
    site = Path(site_dir).resolve()
    root = Path(root).resolve()
    hint = "build into a folder of its own, such as site/"
    if site == root or site in root.parents:
        held = "is" if site == root else "holds"
        return Problem(source, line, f"the site folder {site} {held} the project folder, which every build "
                       "would delete", hint)
    for what, path in reads.items():
        path = Path(path).resolve()
        if site == path or site in path.parents:
            held = "is" if site == path else "holds"
            return Problem(source, line, f"the site folder {site} {held} {what}, which every build would delete",
                           hint)
        if path in site.parents:
            return Problem(source, line, f"the site folder {site} is inside {what}", hint)
    return None
