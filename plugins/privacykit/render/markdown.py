"""Markdown to sanitized HTML: the only way contributor text becomes HTML.

Every HTML string produced from content passes through `nh3` with an allow-list
fit for legal text; nothing a contributor writes can run script in a reader's
browser. Conversions are cached by text, because the same section text recurs
across regions and versions.
"""

from __future__ import annotations

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
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
EXTENSIONS = ["tables", "sane_lists"]


def sanitize(html: str) -> str:
    """Remove everything not on the allow-list (scripts, handlers, unsafe URLs)."""
    return nh3.clean(html, tags=set(ALLOWED_TAGS), attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
                     url_schemes=set(URL_SCHEMES), link_rel="noopener noreferrer", strip_comments=True)


@lru_cache(maxsize=8192)
def markdown_to_html(text: str) -> str:
    """Convert Markdown to sanitized HTML (cached: identical texts convert once)."""
    converter = md.Markdown(extensions=EXTENSIONS, output_format="html")
    return sanitize(converter.convert(text))

