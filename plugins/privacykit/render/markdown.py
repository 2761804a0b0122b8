"""Markdown to sanitized HTML: the only way contributor text becomes HTML.

Every HTML string produced from content passes through `nh3` with an allow-list
fit for legal text; nothing a contributor writes can run script in a reader's
browser. Conversions are cached by text, because the same section text recurs
across regions and versions.
"""

from __future__ import annotations

import html as html_lib
import re
from functools import lru_cache

import markdown as md
import nh3

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li", "ol", "p", "pre", "s",
    "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "u", "ul",
})
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "abbr": {"title"},
    "ol": {"start"},
    "span": {"lang"},        # a passage in another language than the page (an untranslated block)
}
# Classes privacykit gives untranslated passages of a translated section (the draft highlights them).
ALLOWED_CLASSES = {"span": {"pk-stale", "pk-untranslated"}}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
EXTENSIONS = ["tables", "sane_lists"]


def sanitize(html: str) -> str:
    """Remove everything not on the allow-list (scripts, handlers, unsafe URLs)."""
    return nh3.clean(html, tags=set(ALLOWED_TAGS), attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
                     url_schemes=set(URL_SCHEMES), link_rel="noopener noreferrer", strip_comments=True,
                     allowed_classes={k: set(v) for k, v in ALLOWED_CLASSES.items()})


@lru_cache(maxsize=8192)
def markdown_to_html(text: str) -> str:
    """Convert Markdown to sanitized HTML (cached: identical texts convert once)."""
    converter = md.Markdown(extensions=EXTENSIONS, output_format="html")
    return sanitize(converter.convert(text))


_TAG = re.compile(r"<[^>]+>")


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment (for summaries and comparisons)."""
    return html_lib.unescape(_TAG.sub(" ", html))


def marked_markdown(section) -> str:
    """A translated section's Markdown with its untranslated blocks in `<span lang>` (source language).

    Screen readers then read each passage in its own language; the class tells a stale
    translation from a missing one. The section's own Markdown (the legal record) has no marks.
    """
    translation = section.translation
    if translation is None or not any(i >= 0 for i in translation.fallback):
        return section.markdown
    from ..model.blocks import split_body

    skeleton = split_body(section.markdown)
    texts = [b.text for b in skeleton.blocks]
    language = html_lib.escape(translation.source_language)
    for i in translation.fallback:
        if 0 <= i < len(texts):
            kind = "pk-stale" if i in translation.stale else "pk-untranslated"
            texts[i] = f'<span lang="{language}" class="{kind}">{texts[i]}</span>'
    return skeleton.fill(texts)
