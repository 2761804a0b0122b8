"""The rendered texts of a site build, kept by the caller that owns the build.

Keys are content digests (a section's, a document's fingerprint, a template's), so an
entry is never stale: a changed text has another key. Within one build, regions and
versions that share a text share its rendering; `serve` keeps one `RenderCache` across
rebuilds, so an edit renders again only what it changed. A forked build worker works on
its own copy and drops the document-level entries after each chunk, so memory stays flat.
"""

from __future__ import annotations

from ..render.cache import BoundedCache


class RenderCache:
    """Rendered pieces by content digest; one per build, or one per `serve` session."""

    def __init__(self) -> None:
        # Each is bounded by the text it holds too: a long history of a large statement has
        # hundreds of distinct 500 KB bodies; a few versions' worth is what rendering reuses.
        self.sections = BoundedCache(16384, budget=4_000_000)     # one section's markup (`_section.html`)
        self.section_json = BoundedCache(16384, budget=4_000_000)  # one section's JSON in the API
        self.section_digests = BoundedCache(16384)                   # sha256 of a section's text (embed44)
        self.bodies = BoundedCache(4096, budget=4_000_000,         # a document's body and table of contents
                                   weigh=lambda body: len(body[0]))
        self.redlines = BoundedCache(4096, budget=4_000_000,       # the redline of two documents
                                     weigh=lambda result: result.text_size())
        self.sections_json = BoundedCache(2048, budget=4_000_000)  # a document's `sections` array in the API
        self.pages = BoundedCache(2048, budget=16_000_000)         # whole pages, kept by incremental builds only

    def forget_documents(self) -> None:
        """Drop what belongs to whole documents; keep the per-section pieces, which other
        documents share. A build worker calls this after each chunk of regions."""
        for cache in (self.bodies, self.redlines, self.sections_json, self.pages):
            cache.clear()

    def clear(self) -> None:
        self.forget_documents()
        self.sections.clear()
        self.section_json.clear()
        self.section_digests.clear()
