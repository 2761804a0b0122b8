"""Markdown to sanitized HTML: the only way contributor text becomes HTML.

Every HTML string produced from content passes through `nh3` with an allow-list
fit for legal text; nothing a contributor writes can run script in a reader's
browser. Conversions are cached by text, because the same section text recurs
across regions and versions.
"""

from __future__ import annotations

import html as html_lib
import re
import threading
from collections import Counter
from html.parser import HTMLParser

import markdown as md
import nh3
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension

from ..errors import Problem, excerpt
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
    "span": {"lang", "dir"},  # a passage in another language than the page (an untranslated block), its direction
}
# Classes privacykit gives untranslated passages of a translated section (the draft highlights them).
ALLOWED_CLASSES = {"span": {"pk-stale", "pk-untranslated"}}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def _extensions() -> list[md.Extension]:
    """Markdown's `tables` and `sane_lists`, as objects: given by name, Markdown looks each up
    among every installed package's entry points (importlib.metadata reads them all), a fifth
    of a short command's start-up."""
    return [TableExtension(), SaneListExtension()]


_SANITIZER_OPTIONS: dict = {"tags": set(ALLOWED_TAGS), "attributes": {k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
                            "url_schemes": set(URL_SCHEMES), "link_rel": "noopener noreferrer", "strip_comments": True,
                            "allowed_classes": {k: set(v) for k, v in ALLOWED_CLASSES.items()}}
# A cleaner built once from the allow-list (nh3 ≥ 0.2.18) is several times faster than
# passing the allow-list on every call.
_CLEANER = nh3.Cleaner(**_SANITIZER_OPTIONS) if hasattr(nh3, "Cleaner") else None


def sanitize(html: str) -> str:
    """Remove everything not on the allow-list (scripts, handlers, unsafe URLs), and every
    image from another site: a page or fragment loads nothing from elsewhere."""
    clean = _CLEANER.clean(html) if _CLEANER is not None else nh3.clean(html, **_SANITIZER_OPTIONS)
    return _IMG.sub(_local_image, clean) if "<img" in clean else clean


# nh3 writes attributes double-quoted, with quotes inside them escaped.
_IMG = re.compile(r"<img\b[^>]*>")
_ATTRIBUTE = re.compile(r'\b(src|alt)="([^"]*)"')
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_TABS = re.compile(r"[\t\n\r]")
_AROUND = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")


def is_external(url: str) -> bool:
    """True when a browser would fetch `url` from another site (`https:…`, `//host/…`, `/\\host`)."""
    # Browsers drop tabs and line breaks anywhere in a URL, and spaces and controls around it.
    url = _AROUND.sub("", _TABS.sub("", url))
    return bool(_SCHEME.match(url)) or (len(url) > 1 and url[0] in "/\\" and url[1] in "/\\")


def _local_image(match: re.Match) -> str:
    """An image from the project stays; one from another site is replaced by its alt text."""
    attributes = dict(_ATTRIBUTE.findall(match.group()))
    if is_external(html_lib.unescape(attributes.get("src", ""))):
        return attributes.get("alt", "")
    return match.group()


# Converted texts: identical texts (a section recurring across regions and versions)
# convert once. Sized for the distinct sections of a long history.
_CONVERTED = BoundedCache(8192, budget=16_000_000)


def markdown_to_html(text: str) -> str:
    """Convert Markdown to sanitized HTML (cached: identical texts convert once)."""
    html = _CONVERTED.get(text)
    if html is None:
        html = sanitize(_converter().convert(text))
        _CONVERTED.put(text, html)
    return html


def converted_html(text: str) -> str | None:
    """The HTML of `text` if it was converted lately (see `markdown_to_html`), else None."""
    return _CONVERTED.get(text)


def markdown_to_html_each(texts: list[str]) -> list[str]:
    """Convert several independent Markdown texts, each as `markdown_to_html` would (not cached)."""
    return [sanitize(_converter().convert(text)) for text in texts]


# Making a converter costs as much as converting a short section: one per thread is reset
# and reused (a reset converter gives what a new one would). Markdown is not reentrant, and
# no conversion calls another.
_CONVERTERS = threading.local()


def prepare_converter() -> None:
    """Make this thread's converter now (its patterns compiled), ahead of the first conversion (speed24:
    `classify` makes it while `re`'s cache is seeded, `changes.patterns.seeded_re`)."""
    _converter()


def _converter() -> md.Markdown:
    converter = getattr(_CONVERTERS, "markdown", None)
    if converter is None:
        converter = _CONVERTERS.markdown = md.Markdown(extensions=_extensions(), output_format="html")
    return converter.reset()



class _Images(HTMLParser):
    """Images of a section's HTML, each with whether text surrounds it in its block."""

    BLOCKS = frozenset({"p", "li", "td", "th", "dd", "dt", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
                        "div", "pre"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str | None, bool]] = []   # (src, alt, in a sentence)
        self.block: list[tuple[str, str | None]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self._close_block()
        if tag == "img":
            values = dict(attrs)
            self.block.append((values.get("src") or "", values.get("alt")))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self._close_block()

    def handle_data(self, data: str) -> None:
        self.text += data

    def close(self) -> None:
        super().close()
        self._close_block()

    def _close_block(self) -> None:
        in_sentence = bool(self.text.strip())
        self.found.extend((src, alt, in_sentence) for src, alt in self.block)
        self.block, self.text = [], ""


def image_problems(text: str, shown: str, first_line: int) -> list[Problem]:
    """Images a section may not show: one from another site (it would tell that site who
    reads the statement), and one standing for a word with no alt text (screen readers
    would skip the word)."""
    if "![" not in text and "<img" not in text.lower():
        return []
    parser = _Images()
    parser.feed(md.Markdown(extensions=_extensions(), output_format="html").convert(text))
    parser.close()
    problems = []
    for src, alt, in_sentence in parser.found:
        at = text.find(src) if src else -1
        line = first_line + (text.count("\n", 0, at) if at >= 0 else 0)
        if is_external(src):
            problems.append(Problem(shown, line, f"image from another site ({excerpt(src, 60)})",
                                    "save it in the project's docs folder (the build copies it into the "
                                    "site) and link it by its path there, or write in words what it shows"))
        elif in_sentence and not (alt or "").strip():
            problems.append(Problem(shown, line, "image in a sentence has no alt text",
                                    "write the word it stands for as its alt text: ![Menu](…)"))
    return problems


# Python-Markdown's cost grows with nesting and with the brackets of one paragraph (each `[` is a
# link it tries to close): 300 nested quotes take 8 s, 600 nested list items overflow its recursion,
# and 50,000 brackets in one paragraph take hours (sec45). Legal text nests a few levels and links a
# few dozen times a paragraph (the corpus: 3 levels, 160 brackets in a file).
MAX_NESTING = 20
MAX_BRACKETS = 500
_NESTING = re.compile(r"[ \t>]*")
_QUOTE_MARK = re.compile(r"> ?")
_BLANK = re.compile(r"\n[ \t]*\n")


def markup_problems(text: str, shown: str, first_line: int) -> list[Problem]:
    """Markdown too deeply nested, or a paragraph with too many brackets, to convert in reasonable time
    (at most one problem of each kind per text); `first_line` is the file line of the text's first."""
    problems = []
    for i, line in enumerate(text.split("\n")):
        prefix = _NESTING.match(line).group()      # type: ignore[union-attr]
        depth = prefix.count(">") + len(_QUOTE_MARK.sub("", prefix).expandtabs(4)) // 4
        if depth > MAX_NESTING:
            problems.append(Problem(shown, first_line + i,
                                    f"lists or quotes nested {depth:,} levels deep, over the limit of {MAX_NESTING}",
                                    "flatten them: a statement needs a few levels"))
            break
    if text.count("[") > MAX_BRACKETS:
        ends = [m.end() for m in _BLANK.finditer(text)]
        for start, end in zip([0, *ends], [*ends, len(text)], strict=True):
            block = text[start:end]
            brackets = block.count("[") - block.count("\\[")
            if brackets > MAX_BRACKETS:
                problems.append(Problem(shown, first_line + text.count("\n", 0, start),
                                        f"{brackets:,} '[' in one paragraph, over the limit of {MAX_BRACKETS}",
                                        "split the paragraph, or write the brackets as \\["))
                break
    return problems


def marked_markdown(section) -> str:
    """A translated section's Markdown with its untranslated blocks in `<span lang>` (source language,
    with `dir` where its direction is not the translation's).

    Screen readers then read each passage in its own language; the class tells a stale
    translation from a missing one. The section's own Markdown (the legal record) has no marks.
    """
    translation = section.translation
    if translation is None or not any(i >= 0 for i in translation.fallback):
        return section.markdown
    from ..model.blocks import split_body

    skeleton = split_body(section.markdown)
    texts = [b.text for b in skeleton.blocks]
    from .templates import other_direction

    language = html_lib.escape(translation.source_language)
    # (an English passage in an Arabic text runs left to right: said in the markup, not only the stylesheet)
    direction = other_direction(translation.source_language, translation.language)
    marks = f'lang="{language}"' + (f' dir="{direction}"' if direction else "")
    for i in translation.fallback:
        if 0 <= i < len(texts):
            kind = "pk-stale" if i in translation.stale else "pk-untranslated"
            texts[i] = f'<span {marks} class="{kind}">{texts[i]}</span>'
    return skeleton.fill(texts)


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


_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")
_CLOSED_HIDDEN = re.compile(r"<(style|script)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)


def _words(html: str) -> list[str]:
    return _WORD.findall(html_lib.unescape(_TAG.sub(" ", html)))


def dropped_text(markdown: str) -> tuple[int, str] | None:
    """(line in `markdown`, its first words) of text that readers would never see, though it is not
    inside a closed `<style>`, `<script>` or comment: what an unclosed `<style>` hides to the end
    (markup inside code included, which `strip_hidden` cannot tell from an element), or what the
    sanitizer removes with the markup around it (`<math><mtext><table><mglyph><style>…`). None
    when every word reaches the page. `check` warns with it: nothing is dropped silently."""
    if "<" not in markdown:
        return None
    for start, end, what in hidden_elements(markdown):
        if what != "an HTML comment" and not re.search(r"</(style|script)\s*>\s*\Z", markdown[start:end], re.I):
            after = _words(markdown[markdown.index(">", start) + 1 if ">" in markdown[start:end] else end:end])
            if after:
                return markdown.count("\n", 0, start) + 1, f"{what} left open hides: " + " ".join(after[:8])
    html = _converter().convert(strip_hidden(markdown))
    written, shown = _words(_CLOSED_HIDDEN.sub(" ", html)), _words(sanitize(html))
    missing = Counter(written) - Counter(shown)
    if not missing:
        return None
    # The first word the page leaves out: where the words written stop following the words shown.
    at = 0
    for index, word in enumerate(written):
        if at < len(shown) and shown[at] == word:
            at += 1
            continue
        first, nth = word, written[:index].count(word)
        break
    else:
        return None
    places = [m.start() for m in re.finditer(rf"\b{re.escape(first)}\b", markdown)]
    line = markdown.count("\n", 0, places[min(nth, len(places) - 1)]) + 1 if places else 1
    return line, f"the sanitizer removes {sum(missing.values())} words with the markup around them, from " \
                 f"'{first}'"
