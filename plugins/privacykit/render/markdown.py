"""Markdown to sanitized HTML: the only way contributor text becomes HTML.

Every HTML string produced from content passes through `nh3` with an allow-list
fit for legal text; nothing a contributor writes can run script in a reader's
browser. Conversions are cached by text, because the same section text recurs
across regions and versions.
"""

from __future__ import annotations

import re

import markdown as md
import nh3

from .cache import BoundedCache

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


_SANITIZER_OPTIONS: dict = {"tags": set(ALLOWED_TAGS), "attributes": {k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
                            "url_schemes": set(URL_SCHEMES), "link_rel": "noopener noreferrer", "strip_comments": True}
# A cleaner built once from the allow-list (nh3 ≥ 0.2.18) is several times faster than
# passing the allow-list on every call.
_CLEANER = nh3.Cleaner(**_SANITIZER_OPTIONS) if hasattr(nh3, "Cleaner") else None


def sanitize(html: str) -> str:
    """Remove everything not on the allow-list (scripts, handlers, unsafe URLs)."""
    if _CLEANER is not None:
        return _CLEANER.clean(html)
    return nh3.clean(html, **_SANITIZER_OPTIONS)


# Converted texts: identical texts (a section recurring across regions and versions)
# convert once.
_CONVERTED = BoundedCache(8192, budget=16_000_000)


def markdown_to_html(text: str) -> str:
    """Convert Markdown to sanitized HTML (cached: identical texts convert once)."""
    html = _CONVERTED.get(text)
    if html is None:
        html = sanitize(md.Markdown(extensions=EXTENSIONS, output_format="html").convert(text))
        _CONVERTED.put(text, html)
    return html


def converted_html(text: str) -> str | None:
    """The HTML of `text` if it was converted lately (see `markdown_to_html`), else None."""
    return _CONVERTED.get(text)


def markdown_to_html_each(texts: list[str]) -> list[str]:
    """Convert several independent Markdown texts, each as `markdown_to_html` would (one
    converter is reused: most of the cost of a short text is making the converter)."""
    converter = md.Markdown(extensions=EXTENSIONS, output_format="html")
    return [sanitize(converter.reset().convert(text)) for text in texts]


_TAG = re.compile(r"<[^>]+>")


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment (for summaries and comparisons)."""
    import html as html_lib

    return html_lib.unescape(_TAG.sub(" ", html))


# Elements the sanitizer removes with their content: their text is never shown, so it must
# not be in the legal record or the redline either. An unclosed one hides the rest of the text.
_HIDDEN = re.compile(r"<(style|script)\b[^>]*>.*?(?:</\1\s*>|\Z)|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1[`~]*[ \t]*$|\Z)|`+[^`\n]*`+", re.MULTILINE | re.DOTALL)


def hidden_elements(markdown: str) -> list[tuple[int, int, str]]:
    """Where `<style>`, `<script>` and comments stand in `markdown` (outside code, which shows
    them as text): (start, end, what) with `what` such as "a <style> element"."""
    code = [(m.start(), m.end()) for m in _CODE.finditer(markdown)] if "`" in markdown or "~" in markdown else []
    out = []
    for m in _HIDDEN.finditer(markdown):
        if any(a <= m.start() < b for a, b in code):
            continue
        what = "an HTML comment" if m.group(0).startswith("<!--") else f"a <{m.group(1).lower()}> element"
        out.append((m.start(), m.end(), what))
    return out


def strip_hidden(markdown: str) -> str:
    """`markdown` without what readers never see (`hidden_elements`); line breaks are kept."""
    if "<" not in markdown:
        return markdown
    parts, last = [], 0
    for start, end, _ in hidden_elements(markdown):
        if start < last:
            continue
        parts.append(markdown[last:start])
        parts.append("\n" * markdown.count("\n", start, end))
        last = end
    parts.append(markdown[last:])
    return "".join(parts)


_FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def fenced_lines(lines: list[str]) -> tuple[set[int], bool]:
    """The indexes of the lines of fenced code blocks (fences included), and whether the
    last fence is left open."""
    inside: set[int] = set()
    fence: str | None = None
    for i, line in enumerate(lines):
        m = _FENCE_LINE.match(line)
        if fence is not None:
            inside.add(i)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
        elif m:
            inside.add(i)
            fence = m.group(1)
    return inside, fence is not None
