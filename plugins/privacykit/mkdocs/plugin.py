"""MkDocs plugin `privacykit`: events only; the engine builds the pages.

The engine renders every page's body (sanitized), its table of contents and its
navigation (home and the statements of the page's region); this adapter registers
them as generated files and hands MkDocs the finished HTML.

Archived pages (dated versions, redlines, archives, the draft) are many and all
alike around their content, so only the first of each folder depth and language
goes through the theme; its output becomes a shell (`chrome.Shell`) that the others
are poured into after the build, each with its own language, title, navigation,
table of contents and skip link. Identical chrome, a fraction of the work: builds
stay fast as versions grow.
"""

from __future__ import annotations

import copy
import datetime as dt
import gzip
import html
import json
import logging
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateNotFound
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from ..errors import ContentError, PrivacykitError, Problem, UsageError
from ..load.settings import settings_from_options
from ..model.paths import CONFIG_FILE
from ..publish import parallel
from ..publish.build import SiteInputs, site_dir_problem, site_inputs
from ..publish.cache import RenderCache
from ..publish.notfound import not_found_html
from ..publish.page import SitePage, TocEntry, theme_text
from .chrome import (
    NAV_MARKER,
    TITLE_ID,
    Shell,
    ShellError,
    ThemeWords,
    article,
    material_language,
    page_values,
    scoped_search_worker,
    search_article,
    shell_key,
    theme_article,
    toc_html,
)
from .config import PrivacykitConfig

log = logging.getLogger("mkdocs.plugins.privacykit")

# Templates that take the place of Material's (its search dialog, given an accessible name; its
# header, whose drawer button is reached by keyboard), and the scripts they need: the drawer
# button's keys, and the search worker that puts the reader's own statement first.
THEME_DIR = str(Path(__file__).resolve().parent.parent / "theme")
DRAWER_SCRIPT = "assets/javascripts/privacykit.js"


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
        self.checked = False        # set by `privacykit build --strict`, which has run `check --strict` itself
        self.strict_findings: list[str] | None = None   # `check --strict`'s lines, in MkDocs' strict mode
        self.not_found = ""         # the 404 page's content (`publish.notfound`)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.incremental = command == "serve"

    def workers(self) -> int:
        # A one-off build may use every core; `serve` stays in one process, where the
        # caches of rendered texts outlive each rebuild.
        if self.command != "build":
            return 1
        return self.config.jobs or parallel.default_jobs()

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
        # privacykit's theme overrides (`theme/partials/`) go after the project's own
        # `custom_dir`, before Material's templates: the project can still override them.
        if THEME_DIR not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, THEME_DIR)
        if "assets/privacykit.css" not in config.extra_css:
            config.extra_css.append("assets/privacykit.css")
        if DRAWER_SCRIPT not in config.extra_javascript:
            config.extra_javascript.append(DRAWER_SCRIPT)
        days = self.config.recently_updated_days
        if days < 0:
            self.error = UsageError(Problem(settings.paths.shown(settings.paths.config_file), None,
                                            f"privacykit 'recently_updated_days' is {days}",
                                            "use 0 or a positive number of days"))
            raise PluginError(str(self.error))
        if self.config.jobs < 0:
            self.error = UsageError(Problem(settings.paths.shown(settings.paths.config_file), None,
                                            f"privacykit 'jobs' is {self.config.jobs}",
                                            "use 0 (one process per core) or a positive number"))
            raise PluginError(str(self.error))
        self.strict_findings = None
        if config.strict and not self.checked:
            # MkDocs' strict mode (`mkdocs build --strict`, `strict: true`) fails where `privacykit check
            # --strict` fails: each of its problems and warnings is a MkDocs warning (strict43).
            from ..commands.check import check as run_check

            try:
                result = run_check(settings)
            except PrivacykitError as exc:
                self.error = exc
                raise PluginError(str(exc)) from None
            self.strict_findings = [str(p) for p in result.problems + result.warnings]
        if not config.nav:
            config.nav = self.inputs.navigation()
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.inputs is not None
        from ..load.anchors import link_warnings
        from ..load.textfile import linked_pages

        docs = Path(config.docs_dir)
        linked = linked_pages(docs, os.path.relpath(docs, Path(config.config_file_path or ".").parent),
                              [f.src_path for f in files if f.generated_by is None])
        if linked:
            self.error = ContentError(linked)
            raise PluginError(str(self.error))

        if self.strict_findings is not None:                 # `check --strict`'s lines (its dead anchors among them)
            for line in self.strict_findings:
                log.warning(line)
        else:
            for problem in link_warnings(self.inputs.project):   # `build --strict` fails on them
                log.warning(str(problem))
        site_dir = Path(config.site_dir)
        self.pages = {}
        self.deferred: list[SitePage] = []       # archived pages, written, without their body
        self.representative: dict[tuple[int, str], SitePage] = {}
        self.shells: dict[tuple[int, str], Shell] = {}
        self.others: list[str] = []              # addresses of the project's own Markdown pages
        self.env: Environment = config.theme.get_env()
        self.languages: dict[str, str] = {}
        self.words: dict[str, ThemeWords] = {}
        self.site_language = config.theme.get("language", "en")

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
                key = self.shell_key(page)
                if key in self.representative:
                    # Written now, wrapped in the theme's shell after the build.
                    if not page.written:
                        write(f"{page.url}index.html", article(page))
                    self.deferred.append(replace(page, html=""))
                    return
                self.representative[key] = page
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
            # what its chrome shows (address, title, contents, navigation) travels back.
            if not page.archived or self.shell_key(page) not in self.representative:
                return page
            write(f"{page.url}index.html", article(page))
            return replace(page, html="", written=True)

        try:
            # Assets (API, fragments, feeds) go straight to the output: nothing is kept in memory.
            self.inputs.pdf = self.config.pdf
            builder = self.inputs.builder(self.cache, config.site_url or "", self.progress, self.incremental,
                                          config.site_name or "")
            builder.emit(register, lambda asset: write(asset.path, asset.content), self.workers(), in_worker)
            self.not_found = not_found_html(builder.site, config.site_url or "", TITLE_ID)
            if builder.site.pdf:
                self._publish_pdfs(builder, site_dir)
        except PrivacykitError as exc:
            self.error = exc
            raise PluginError(str(exc)) from None
        return files

    def shell_key(self, page: SitePage) -> tuple[int, str]:
        return shell_key(page, self.theme_language(page.locale))

    def theme_language(self, locale: str) -> str:
        """Material's language for pages in `locale` (its words: search, skip link, contents)."""
        if locale not in self.languages:
            self.languages[locale] = material_language(locale, self._has_language)
        return self.languages[locale]

    def _has_language(self, name: str) -> bool:
        try:
            self.env.get_template(f"partials/languages/{name}.html")
        except TemplateNotFound:
            return False
        return True

    def theme_words(self, language: str, config: MkDocsConfig) -> ThemeWords:
        if language not in self.words:
            own = self.env.get_template(f"partials/languages/{language}.html").module
            english = self.env.get_template("partials/languages/en.html").module
            toc_title = (config.mdx_configs.get("toc") or {}).get("title")
            assert self.inputs is not None
            subsections = self.inputs.templates.strings(language)["toc_subsections"]
            self.words[language] = ThemeWords.of(
                lambda key: str(own.t(key)) or str(english.t(key)) or key,  # type: ignore[attr-defined]
                toc_title, subsections)
        return self.words[language]

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
        # Search reads the table of contents to split the page into its sections, and reads this
        # content (at its `on_page_context`): each section's heading carries the section's id, so
        # that a result is one section, titled by its heading. The theme gets the page's own
        # article back afterwards (`theme_article`, at `on_page_context`).
        tokens: list[Any] = [entry.to_token() for entry in site_page.toc]
        page.toc = get_toc(tokens)
        return search_article(article(site_page))

    # After search has read the page (priority 0), before the theme renders it.
    @event_priority(-100)
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        site_page = self.pages.get(page.file.src_uri)
        if site_page is None:
            return context
        page.content = theme_article(page.content or "")
        # The theme speaks the page's language, and leaves the navigation, the table of
        # contents and the skip link empty: `chrome` fills them, as for archived pages.
        config.theme["language"] = self.theme_language(site_page.locale)
        placeholder = copy.copy(nav)
        placeholder.items = [Link(NAV_MARKER, "./")]
        context["nav"] = placeholder
        page.toc = get_toc([])
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        site_page = self.pages.get(page.file.src_uri)
        if site_page is None:
            self.others.append(page.url)
            return output
        config.theme["language"] = self.site_language
        body = article(site_page)
        try:
            shell = Shell.parse(scoped_search_worker(output), body, site_page.title)
        except ShellError as exc:
            self.error = ContentError(Problem(
                "mkdocs.yml", None, f"the page {site_page.url} cannot be wrapped in the theme: {exc}",
                "use the Material theme, and list privacykit after plugins that rewrite page content"))
            raise PluginError(str(self.error)) from None
        if site_page.archived:
            self.shells[self.shell_key(site_page)] = shell
        language = self.theme_language(site_page.locale)
        return shell.fill(page_values(site_page, body, self.theme_words(language, config), config.site_url or ""))

    def _write_deferred(self, *, config: MkDocsConfig) -> None:
        """Write every deferred archived page into the shell of its depth and language; then
        the sitemap of every public page, and the skip link of the 404 page."""
        site_url = config.site_url or ""
        contents: dict[tuple[tuple[TocEntry, ...], str], str] = {}   # pages of one text share theirs
        for page in self.deferred:
            language = self.theme_language(page.locale)
            words = self.theme_words(language, config)
            shell = self.shells[shell_key(page, language)]
            toc = contents.get((page.toc, language))
            if toc is None:
                toc = contents[(page.toc, language)] = toc_html(page.toc, words)
            path = os.path.join(config.site_dir, page.url, "index.html")
            with open(path, "rb") as written:
                body = written.read().decode("utf-8")
            _write(path, shell.fill(page_values(page, body, words, site_url, toc)).encode("utf-8"))
        self._write_sitemap(config)
        self._skip_link_404(config)

    # After the search plugin has written its index (priority 0), whatever the plugins' order.
    @event_priority(-50)
    def _scope_search_index(self, *, config: MkDocsConfig) -> None:
        """Tell each entry of the search index its page's statement and language, which the
        search worker reads to put the reader's own statement first (`chrome.search_scope`)."""
        path = os.path.join(config.site_dir, "search", "search_index.json")
        if not os.path.exists(path):
            return
        with open(path, "rb") as written:
            index = json.loads(written.read())
        pages = {page.url: page for page in self.pages.values() if not page.archived}
        for entry in index.get("docs", []):
            page = pages.get(str(entry.get("location", "")).split("#", 1)[0])
            if page is not None:
                entry["privacykit"] = {"statement": page.statement, "lang": page.locale}
        _write(path, json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    on_post_build = CombinedEvent(_write_deferred, _scope_search_index)

    def _write_sitemap(self, config: MkDocsConfig) -> None:
        """`sitemap.xml` (and its gzip) with every public page: drafts stay out."""
        assert self.inputs is not None
        site_url = config.site_url or ""
        pages = [page for page in [*self.pages.values(), *self.deferred] if not page.draft]
        addresses = sorted({page.canonical_url(site_url) if site_url else "/" + page.url for page in pages} |
                           {f"{site_url.rstrip('/')}/{url}" if site_url else "/" + url for url in self.others})
        sitemap = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                   '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                   + "".join(f"  <url><loc>{html.escape(address)}</loc></url>\n" for address in addresses)
                   + "</urlset>\n").encode("utf-8")
        _write(os.path.join(config.site_dir, "sitemap.xml"), sitemap)
        # The gzip header holds a time: the build date's, so that builds are reproducible.
        day = self.inputs.build_date
        mtime = int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp())
        _write(os.path.join(config.site_dir, "sitemap.xml.gz"), gzip.compress(sitemap, mtime=mtime))

    def _skip_link_404(self, config: MkDocsConfig) -> None:
        """The theme's 404 page has no table of contents, hence no skip link: give it one; and its
        English "404 - Not found" alone becomes the way back, in the site's languages
        (`publish.notfound`)."""
        path = os.path.join(config.site_dir, "404.html")
        if not os.path.exists(path):
            return
        with open(path, encoding="utf-8") as page:
            text = page.read()
        words = self.theme_words(self.theme_language(self.site_language), config)
        skip = f'<a href="#{TITLE_ID}" class="md-skip">{html.escape(words.skip, quote=False)}</a>'
        if 'class="md-skip"' in text or "<h1>" not in text:
            return
        text = text.replace('<div data-md-component="skip">', f'<div data-md-component="skip">{skip}', 1)
        found = re.search(r"<h1>[^<]*</h1>", text)
        if found is not None and self.not_found:
            text = text[:found.start()] + self.not_found + text[found.end():]
        _write(path, text.replace("<h1>", f'<h1 id="{TITLE_ID}">', 1).encode("utf-8"))

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
