"""Archival PDFs of released versions: PDF/A-3b that is also tagged for accessibility (PDF/UA-1).

One PDF per released version of a statement in a region, made with WeasyPrint from the
frozen text, in the region's language (the frozen document's locale), with the effective
date, version and manifest digest in the page margins and page numbers.

A PDF is a function of what it shows: the frozen text, the release it belongs to and
the template. Its dates are the release's effective date, never the clock, so two builds
make the same bytes, and a PDF made once is kept in a cache (outside the site folder)
under the digest of all that; a build with no new release renders none.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.metadata
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from markupsafe import Markup

from ..atomic import replace_file
from ..model.document import ResolvedDocument
from ..render.dates import format_date
from ..render.templates import TemplateSet, fill_text

TEMPLATE = "pdf.html"
PDF_VARIANT = "pdf/a-3b"
# Bumped when what a PDF looks like changes for reasons the cache key cannot see.
RENDERER_REVISION = "1"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_PDFUAID = "http://www.aiim.org/pdfua/ns/id/"


@dataclass(frozen=True)
class ArchivalCopy:
    """One released version of one statement in one region, as a PDF at `path` in the site."""

    document: ResolvedDocument      # the frozen document
    version: str                    # the release id (its effective date)
    effective_date: dt.date
    manifest_sha256: str
    path: str                       # site-relative, e.g. br/website/2024-03-05/website-br-2024-03-05.pdf

    def key(self, templates: TemplateSet) -> str:
        """The cache key: everything the PDF shows, and the renderer that draws it."""
        document = self.document
        parts = (document.fingerprint, document.statement, document.region,
                 templates.region_name(document.region, document.locale, document.region_name), document.locale,
                 self.version, self.manifest_sha256, templates.digest(TEMPLATE),
                 templates.digest("_statement_body.html"), templates.digest("_section.html"),
                 _pdf_words(templates), _weasyprint_version(),
                 RENDERER_REVISION)
        return hashlib.sha256("\x00".join(map(str, parts)).encode("utf-8")).hexdigest()


# A template's use of a catalog entry: `t.pdf_version`, `t["pdf_version"]`.
_CATALOG_USE = re.compile(r"""(?<![\w.])t(?:\.(\w+)|\[["'](\w+)["']\])""")


def _pdf_words(templates: TemplateSet) -> str:
    """The catalog words a PDF shows besides its text, in every language: those `pdf.html` reads, the
    page numbers', and the headings' permanent links in the body (a title may be in another
    language than the page). Keying on them alone (not on the whole catalog, as before) keeps
    every cached PDF when a word only the site shows is edited: re-rendering them is most of a
    build's time."""
    keys = {a or b for a, b in _CATALOG_USE.findall(templates.source(TEMPLATE))} | {"pdf_page", "permalink"}
    return templates.entries(sorted(keys))


@functools.cache
def _weasyprint_version() -> str:
    # Importing WeasyPrint takes a while; a build whose PDFs are all cached need not.
    return importlib.metadata.version("weasyprint")


def pdf_path(statement: str, region: str, version: str) -> str:
    """Where the PDF of a version lives in the site (next to its dated page)."""
    return f"{region}/{statement}/{version}/{statement}-{region}-{version}.pdf"


def css_string(text: str) -> str:
    """`text` as a CSS string literal; anything but plain letters, digits and spaces is escaped."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


def _page_numbers(template: str) -> str:
    """'Page {page} of {pages}' as CSS `content` with the page counters."""
    out = []
    for i, part in enumerate(template.replace("{pages}", "\x00pages\x00").replace("{page}", "\x00page\x00")
                             .split("\x00")):
        if i % 2:
            out.append(f"counter({part})")
        elif part:
            out.append(css_string(part))
    return " ".join(out)


def render_pdf(copy: ArchivalCopy, body: Markup, templates: TemplateSet) -> bytes:
    """The archival PDF of `copy`; `body` is the sections' HTML (the site's, sanitized)."""
    import weasyprint

    document = copy.document
    t = templates.strings(document.locale)
    effective = format_date(copy.effective_date, document.locale)
    region_name = templates.region_name(document.region, document.locale, document.region_name)
    margins = {
        "title": css_string(f"{document.title} · {region_name}"),
        "version": css_string(fill_text(t["pdf_version"], version=copy.version)),
        "effective": css_string(fill_text(t["pdf_effective"], date=effective)),
        "manifest": css_string(fill_text(t["pdf_manifest"], digest=copy.manifest_sha256)),
        "page": _page_numbers(t["pdf_page"]),
    }
    html = templates.render(TEMPLATE, document=document, region_name=region_name, body=body, t=t,
                            text_lang=document.text_language(),
                            effective=effective, version=copy.version,
                            manifest=copy.manifest_sha256, created=copy.effective_date.isoformat(),
                            margins={k: Markup(v) for k, v in margins.items()})
    # The frozen text is content: an archival copy embeds nothing from outside it.
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols=(), fail_on_errors=False)
    rendered = weasyprint.HTML(string=html, url_fetcher=fetcher).render()
    rendered.metadata = _ArchivalMetadata(rendered.metadata)
    return rendered.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True, uncompressed_pdf=False)


class _ArchivalMetadata:
    """WeasyPrint's metadata, declaring PDF/UA-1 next to PDF/A in the one XMP packet
    (WeasyPrint writes one variant's identification; the document is tagged for both)."""

    def __init__(self, metadata):
        self._metadata = metadata

    def __getattr__(self, name):
        return getattr(self._metadata, name)

    def __setattr__(self, name, value):
        if name == "_metadata":
            object.__setattr__(self, name, value)
        else:
            setattr(self._metadata, name, value)

    def include_in_pdf(self, pdf, variant, version, conformance, compress):
        original = self._metadata.generate_rdf_metadata

        def with_ua(*args, **kwargs):
            root = ElementTree.fromstring(original(*args, **kwargs))
            first = root.find(f"{{{_RDF}}}Description")
            if first is not None:
                first.set(f"{{{_PDFUAID}}}part", "1")
            return ElementTree.tostring(root, encoding="utf-8")

        self._metadata.generate_rdf_metadata = with_ua
        try:
            self._metadata.include_in_pdf(pdf, variant, version, conformance, compress)
        finally:
            del self._metadata.generate_rdf_metadata


class PdfCache:
    """PDFs by key in a folder that outlives builds (never inside the site folder)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pdf"

    def has(self, key: str) -> bool:
        return self.path(key).is_file()

    def put(self, key: str, data: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        replace_file(self.path(key), data)

    def copy_to(self, key: str, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.path(key), target)


def publish_pdfs(copies: list[ArchivalCopy], site_dir: Path, cache: PdfCache, templates: TemplateSet,
                 body: Callable[[ResolvedDocument], Markup], workers: int = 1) -> int:
    """Put the PDF of every copy into `site_dir`, rendering only those the cache lacks
    (in `workers` forked processes); return how many were rendered."""
    from ..publish import parallel

    keys = [copy.key(templates) for copy in copies]
    missing: dict[str, ArchivalCopy] = {}
    for key, copy in zip(keys, copies, strict=True):
        if not cache.has(key):
            missing.setdefault(key, copy)
    todo = sorted(missing.items(), key=lambda item: -len(item[1].document.sections))

    def render(chunk: list[int]) -> list[tuple[int, None]]:
        for i in chunk:
            key, copy = todo[i]
            cache.put(key, render_pdf(copy, body(copy.document), templates))
        return [(i, None) for i in chunk]

    if workers > 1 and len(todo) > 1 and parallel.available():
        chunks = [[i] for i in range(len(todo))]
        for _ in parallel.ordered(render, chunks, 0, len(todo), workers):
            pass
    else:
        render(list(range(len(todo))))
    for key, copy in zip(keys, copies, strict=True):
        cache.copy_to(key, Path(site_dir) / copy.path)
    return len(todo)


def cache_dir(root: Path, configured: str = ".cache/pdf") -> Path:
    """The PDF cache: $PRIVACYKIT_PDF_CACHE when set (a CI cache, or one shared by checkouts),
    else `configured` under the project root."""
    return Path(os.environ.get("PRIVACYKIT_PDF_CACHE") or Path(root) / configured)


def archival_pdf(project, store, version, region: str, cache: PdfCache) -> bytes:
    """The archival PDF of one released version in one region: the cached one, or rendered now
    (and cached) exactly as a site build renders it."""
    from ..publish.context import SiteContext
    from ..publish.site import SiteBuilder

    templates = TemplateSet(project.paths.templates)
    document = store.document(version, region)
    copy = ArchivalCopy(document, version.id, version.effective_date, store.manifest_digest(version),
                        pdf_path(version.statement, region, version.id))
    key = copy.key(templates)
    if not cache.has(key):
        builder = SiteBuilder(SiteContext(project, templates, version.effective_date, store))
        cache.put(key, render_pdf(copy, builder.body_html(document), templates))
    return cache.path(key).read_bytes()
