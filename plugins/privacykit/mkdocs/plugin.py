"""MkDocs plugin `privacykit`: events only; the engine builds the pages.

The engine renders every page's body (sanitized) and its table of contents; this
adapter registers them as generated files, keeps the navigation small (home and
one entry per statement) and hands MkDocs the finished HTML.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..errors import PrivacykitError, Problem, UsageError
from ..publish.site import SitePage
from ..publish.build import SiteInputs, site_inputs
from .config import PrivacykitConfig

log = logging.getLogger("mkdocs.plugins.privacykit")


class PrivacykitPlugin(BasePlugin[PrivacykitConfig]):
    def __init__(self) -> None:
        self.inputs: SiteInputs | None = None
        self.pages: dict[str, SitePage] = {}
        self.error: PrivacykitError | None = None
        self.progress = None  # set by `privacykit build` on a terminal

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").parent
        try:
            self.inputs = site_inputs(root, self.config.statements_dir, self.config.versions_dir,
                                      self.config.templates_dir, self.config.default_region,
                                      self.config.build_date, self.config.preview_draft)
        except PrivacykitError as exc:
            self.error = exc
            raise PluginError(str(exc)) from None
        except ValueError as exc:
            self.error = UsageError(Problem("mkdocs.yml", None, str(exc), "use YYYY-MM-DD"))
            raise PluginError(str(exc)) from None
        if "assets/privacykit.css" not in config.extra_css:
            config.extra_css.append("assets/privacykit.css")
        if not config.nav:
            config.nav = self.inputs.navigation()
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.inputs is not None
        try:
            pages, assets = self.inputs.build(config.site_url or "", self.progress)
        except PrivacykitError as exc:
            self.error = exc
            raise PluginError(str(exc)) from None
        self.pages = {}
        for page in pages:
            front = f"---\ntitle: {json.dumps(page.title)}\n---\n"
            if page.description:
                front = front.replace("---\n", f"---\ndescription: {json.dumps(page.description)}\n", 1)
            files.append(File.generated(config, page.src_path, content=front))
            self.pages[page.src_path] = page
        for asset in assets:
            files.append(File.generated(config, asset.path, content=asset.content))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return "" if page.file.src_uri in self.pages else markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        site_page = self.pages.get(page.file.src_uri)
        if site_page is None:
            return html
        page.toc = get_toc([entry.to_token() for entry in site_page.toc])
        return site_page.html

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        assert self.inputs is not None
        for folder in self.inputs.watched():
            if folder.exists():
                server.watch(str(folder))
        return server
