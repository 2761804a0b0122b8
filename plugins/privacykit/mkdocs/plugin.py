"""MkDocs plugin `privacykit`: events only; the engine builds the pages.

The engine renders every page's body (sanitized) and its table of contents; this
adapter registers them as generated files, keeps the navigation small (home and
one entry per statement) and hands MkDocs the finished HTML.

Archived pages (dated versions, redlines, archives, the draft) are many and all
alike around their content, so only the first of each folder depth goes through
the theme; its output becomes a shell that the others are poured into after the
build. Identical chrome, a fraction of the work: builds stay fast as versions grow.
"""

from __future__ import annotations

import html
import json
import logging
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..errors import ContentError, PrivacykitError, Problem, UsageError
from ..load.settings import settings_from_options
from ..model.paths import CONFIG_FILE
from ..publish import parallel
from ..publish.build import SiteInputs, site_dir_problem, site_inputs
from ..publish.cache import RenderCache
from ..publish.page import SitePage, alternate_links, localize, theme_text
from .config import PrivacykitConfig

log = logging.getLogger("mkdocs.plugins.privacykit")


class PrivacykitPlugin(BasePlugin[PrivacykitConfig]):
    def __init__(self) -> None:
        self.inputs: SiteInputs | None = None
        self.pages: dict[str, SitePage] = {}
        self.error: PrivacykitError | None = None
        self.progress = None  # set by `privacykit build` on a terminal
        self.command = "build"
        self.incremental = False
        # The plugin object lives as long as `mkdocs serve` (it has `on_startup`): rendered
        # texts are kept across rebuilds; a one-off build starts with an empty cache.
        self.cache = RenderCache()
        self.pdfs_rendered = 0      # PDFs the last build rendered (the others came from the cache)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.incremental = command == "serve"

    def workers(self) -> int:
        # A one-off build may use every core; `serve` stays in one process, where the
        # caches of rendered texts outlive each rebuild.
        if self.command != "build":
            return 1
        return self.config.jobs or parallel.cpu_count()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.error = None   # the plugin object outlives a build (see `cache`)
        root = Path(config.config_file_path or ".").parent
        # A plain `mkdocs build` empties site_dir first: never the project or its content.
        refused = site_dir_refusal(config, Path(config.site_dir))
        if refused is not None:
            self.error = UsageError(refused)
            raise PluginError(str(self.error))
        settings = settings_from_options(root, dict(self.config), config.site_dir, config.config_file_path,
                                         config.site_url)
        try:
            self.inputs = site_inputs(settings)
        except PrivacykitError as exc:
            self.error = exc
            raise PluginError(str(exc)) from None
        except ValueError as exc:
            self.error = UsageError(Problem(settings.paths.shown(settings.paths.config_file), None, str(exc),
                                            "use YYYY-MM-DD"))
            raise PluginError(str(exc)) from None
        if "assets/privacykit.css" not in config.extra_css:
            config.extra_css.append("assets/privacykit.css")
        if self.config.jobs < 0:
            self.error = UsageError(Problem(settings.paths.shown(settings.paths.config_file), None,
                                            f"privacykit 'jobs' is {self.config.jobs}",
                                            "use 0 (one process per core) or a positive number"))
            raise PluginError(str(self.error))
        if not config.nav:
            config.nav = self.inputs.navigation()
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.inputs is not None
        site_dir = Path(config.site_dir)
        self.pages = {}
        self.deferred: list[SitePage] = []       # archived pages, written, without their body
        self.representative: dict[int, SitePage] = {}
        self.shells: dict[int, tuple[str, str]] = {}

        folders: set[str] = set()

        def write(path: str, content: str) -> None:
            # Thousands of small files: make each folder once.
            folder = os.path.dirname(path)
            if folder not in folders:
                os.makedirs(os.path.join(site_dir, folder), exist_ok=True)
                folders.add(folder)
            _write(os.path.join(site_dir, path), content.encode("utf-8"))

        def register(page: SitePage) -> None:
            if page.archived:
                depth = page.url.count("/")
                if depth in self.representative:
                    # Written now, wrapped in the theme's shell after the build.
                    if not page.written:
                        write(f"{page.url}index.html", page.html)
                    self.deferred.append(replace(page, html="", toc=()))
                    return
                self.representative[depth] = page
            meta: dict[str, object] = {"title": theme_text(page.title)}
            if page.description:
                # Material prints it inside a quoted attribute, unescaped.
                meta["description"] = html.escape(page.description, quote=True)
            if page.archived:
                meta["search"] = {"exclude": True}
            # JSON is valid YAML: front matter without a YAML writer.
            front = "---\n" + "".join(f"{key}: {json.dumps(value)}\n" for key, value in meta.items()) + "---\n"
            # Most pages are reached through the region selector and archives, not the navigation.
            files.append(File.generated(config, page.src_path, content=front, inclusion=InclusionLevel.NOT_IN_NAV))
            self.pages[page.src_path] = page

        def in_worker(page: SitePage) -> SitePage:
            # An archived page of a kind already seen is written where it was made: only
            # its address and title travel back to this process.
            if not page.archived or page.url.count("/") not in self.representative:
                return page
            write(f"{page.url}index.html", page.html)
            return replace(page, html="", toc=(), written=True)

        try:
            # Assets (API, fragments, feeds) go straight to the output: nothing is kept in memory.
            self.inputs.pdf = self.config.pdf
            builder = self.inputs.builder(self.cache, config.site_url or "", self.progress, self.incremental)
            builder.emit(register, lambda asset: write(asset.path, asset.content), self.workers(), in_worker)
            if builder.site.pdf:
                self._publish_pdfs(builder, site_dir)
        except PrivacykitError as exc:
            self.error = exc
            raise PluginError(str(exc)) from None
        return files

    def _publish_pdfs(self, builder, site_dir: Path) -> None:
        """The archival PDF of every released version, from the cache or rendered (in parallel)."""
        from ..evidence.pdf import PdfCache, cache_dir, publish_pdfs

        assert self.inputs is not None
        cache = PdfCache(cache_dir(self.inputs.project.paths.root, self.config.pdf_cache_dir))
        self.pdfs_rendered = publish_pdfs(builder.archival_copies(), site_dir, cache, self.inputs.templates,
                                          builder.body_html, self.workers())

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return "" if page.file.src_uri in self.pages else markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        site_page = self.pages.get(page.file.src_uri)
        if site_page is None:
            return html
        # An archived page is poured into the chrome of another page of its depth, whose
        # table of contents would be wrong for it: archived pages show none.
        tokens: list[Any] = [] if site_page.archived else [entry.to_token() for entry in site_page.toc]
        page.toc = get_toc(tokens)
        return site_page.html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        site_page = self.pages.get(page.file.src_uri)
        if site_page is None:
            return output
        # The theme sets one language for the site; each page says its own.
        output = localize(output, site_page, config.site_url or "")
        if site_page.archived:
            self.shells[site_page.url.count("/")] = (output, page.canonical_url or "")
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write every deferred archived page into the shell of its depth."""
        shells = {}
        for depth, (shell, canonical) in self.shells.items():
            model = self.representative[depth]
            if shell.count(model.html) != 1:
                # Another plugin or hook rewrote the page body after privacykit made it: the
                # shell cannot be found, and pouring pages into it would corrupt them.
                self.error = ContentError(Problem(
                    "mkdocs.yml", None, f"the page {model.url} was changed after privacykit rendered it "
                    "(by another plugin or a hook), so archived pages cannot be wrapped in the theme",
                    "list privacykit after plugins that rewrite page content, or remove them"))
                raise PluginError(str(self.error))
            prefix, _, suffix = shell.partition(model.html)
            shells[depth] = (prefix, suffix, theme_text(model.title), canonical, model)
        for page in self.deferred:
            url = page.url
            prefix, suffix, old_title, canonical, model = shells[url.count("/")]
            new_title = theme_text(page.title)
            chrome = [part.replace(old_title, new_title) for part in (prefix, suffix)]
            if (model.lang, model.alternates) != (page.lang, page.alternates):
                # The shell says its own page's language: say this page's instead.
                links = alternate_links(model, config.site_url or "")
                chrome[0] = localize(chrome[0].replace(links, "", 1) if links else chrome[0], page,
                                     config.site_url or "")
            if canonical:
                chrome = [part.replace(f'href="{canonical}"', f'href="{page.canonical_url(config.site_url or "")}"')
                          for part in chrome]
            path = os.path.join(config.site_dir, url, "index.html")
            with open(path, "rb") as body:
                content = body.read()
            _write(path, chrome[0].encode("utf-8") + content + chrome[1].encode("utf-8"))

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        assert self.inputs is not None
        for folder in self.inputs.watched():
            if folder.exists():
                server.watch(str(folder))
        return server


def site_dir_refusal(config: MkDocsConfig, site_dir: Path, given_by: str | None = None) -> Problem | None:
    """Why a build of `config` may not go to `site_dir` (see `site_dir_problem`), or None.

    `given_by` names the option that gave the folder; by default it is `site_dir` in the
    configuration file, whose line is then named too.
    """
    config_file = Path(config.config_file_path or CONFIG_FILE).resolve()
    root = config_file.parent
    reads = {f"the configuration file {config_file.name}": config_file,
             f"the pages folder {os.path.relpath(config.docs_dir, root)}/": Path(config.docs_dir)}
    for plugin in config.plugins.values():
        if isinstance(plugin, PrivacykitPlugin):
            paths = settings_from_options(root, dict(plugin.config), config_file=config_file).paths
            reads[f"the content folder {paths.shown(paths.statements)}/"] = paths.statements
            reads[f"the releases folder {paths.shown(paths.versions)}/"] = paths.versions
            reads[f"the templates folder {paths.shown(paths.templates)}/"] = paths.templates
            reads[f"the rules file {paths.shown(paths.rules)}"] = paths.rules
    if given_by is not None:
        return site_dir_problem(site_dir, root, reads, given_by)
    return site_dir_problem(site_dir, root, reads, config_file.name, _line_of_key(config_file, "site_dir"))


def _line_of_key(path: Path, key: str) -> int | None:
    """The line of a top-level `key:` in a YAML file, if it is there."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((n for n, text in enumerate(lines, start=1) if text.startswith(f"{key}:")), None)


def _write(path: str, data: bytes) -> None:
    """Write a file without Python's text layer (thousands of small files per build)."""
    view = memoryview(data)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
