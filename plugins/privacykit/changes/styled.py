"""A block's words with their links and emphasis, for the redline.

A block's visible text (`Block.text`) is what the redline's word diff compares; its sanitized
inline HTML (`Block.html`) says which of those words are in a link, emphasised or code. Here the
text is cut into runs, each with the inline elements around it (`styles`), so that marked words
are written back with their markup: inserted and unchanged words as the new block has them (a
link with its new target), deleted words as the old block had them. Each mark stays one `<ins>`
or `<del>` (what screen readers announce once, and what the Markdown report marks): inside a link
or emphasis when the change lies within it, holding the markup when it spans several (a link that
such a change cuts is written as one link on each side of the cut).

Only an allow-list of inline elements is written back, with escaped attributes, and the result
passes `sanitize` (nh3) again: nothing a statement holds can add markup to a redline page.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable
from html import escape
from html.parser import HTMLParser

from ..render.markdown import sanitize
from .blocks import CELL_SEPARATOR, Block, BlockKind

# The inline elements a redline keeps (others are read as their text, as before).
KEPT = frozenset({"a", "em", "strong", "code", "b", "i", "s", "u", "sub", "sup", "small", "abbr"})
_ATTRIBUTES = {"a": ("href", "title"), "abbr": ("title",)}
_CELLS = frozenset({"td", "th"})

# The elements around a run of text, outermost first: ('<a href="…">', '<em>').
Style = tuple[str, ...]
# A block's text as runs: (start, end, style), in order, covering the text.
Runs = tuple[tuple[int, int, Style], ...]


class _Segments(HTMLParser):
    """The text of a block's inline HTML in segments, each with its elements, cell by cell for a row."""

    def __init__(self, href: Callable[[str], str] | None) -> None:
        super().__init__(convert_charrefs=True)
        self.href = href
        self.open: list[tuple[str, str]] = []      # (tag, opening tag written back)
        self.cells: list[list[tuple[str, Style]]] = [[]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CELLS:
            self.cells.append([])
        elif tag == "br":
            self._add(" ")
        elif tag == "img":
            self._add(dict(attrs).get("alt") or "")
        elif tag in KEPT:
            values = dict(attrs)
            if tag == "a" and self.href is not None and values.get("href"):
                values["href"] = self.href(values["href"] or "")
            written = "".join(f' {name}="{escape(values[name] or "")}"' for name in _ATTRIBUTES.get(tag, ())
                              if values.get(name))
            self.open.append((tag, f"<{tag}{written}>"))

    def handle_endtag(self, tag: str) -> None:
        if tag in KEPT:
            for k in range(len(self.open) - 1, -1, -1):
                if self.open[k][0] == tag:
                    del self.open[k]
                    break

    def handle_data(self, data: str) -> None:
        self._add(data)

    def _add(self, text: str) -> None:
        if text:
            self.cells[-1].append((text, tuple(opening for _, opening in self.open)))


def styles(block: Block, base: str | None = None) -> Runs | None:
    """The runs of `block.text` with their elements, or None when the block's HTML does not spell
    its text (then it is shown as plain text, as it always was). `base` is put before relative link
    targets (`rebased`). Cached: a block recurs across versions and regions."""
    return _styles(block, base)


@functools.lru_cache(maxsize=4096)
def _styles(block: Block, base: str | None) -> Runs | None:
    reader = _Segments(rebased(base) if base else None)
    reader.feed(block.html)
    reader.close()
    cells = reader.cells[1:] if block.kind is BlockKind.ROW else [[s for cell in reader.cells for s in cell]]
    pieces: list[tuple[str, Style]] = []
    for cell in (c for c in map(_collapsed, cells) if c):
        if pieces:
            pieces.append((CELL_SEPARATOR, ()))
        pieces.extend(cell)
    if "".join(text for text, _ in pieces) != block.text:
        return None
    return _runs(pieces)


def _collapsed(segments: list[tuple[str, Style]]) -> list[tuple[str, Style]]:
    """Runs of spaces made one space (a space between segments with the style of the first), none
    at the ends (as `Block.text` is)."""
    out: list[tuple[str, Style]] = []
    pending: Style | None = None      # a space to write before the next words, and its style
    for text, style in segments:
        words = " ".join(text.split())
        if not words:
            pending = style if pending is None else pending
            continue
        if text[0].isspace() and pending is None:
            pending = style
        if pending is not None and out:
            out.append((" ", pending))
        out.append((words, style))
        pending = style if text[-1].isspace() else None
    return out


def _runs(pieces: Iterable[tuple[str, Style]]) -> Runs:
    out: list[tuple[int, int, Style]] = []
    at = 0
    for text, style in pieces:
        if out and out[-1][2] == style:
            out[-1] = (out[-1][0], at + len(text), style)
        else:
            out.append((at, at + len(text), style))
        at += len(text)
    return tuple(out)


def joined_styles(blocks: Iterable[Block], base: str | None = None) -> Runs | None:
    """The runs of blocks whose texts are joined by a space (the parts of a split or merge)."""
    out: list[tuple[str, Style]] = []
    for block in blocks:
        found = styles(block, base)
        if found is None:
            return None
        if out:
            out.append((" ", ()))
        out.extend((block.text[start:end], style) for start, end, style in found)
    return _runs(out)


def _pieces(text: str, runs: Runs | None, start: int) -> list[tuple[str, Style]]:
    """`text`, which begins at `start` of the side `runs` describe, cut where its style changes."""
    if not runs:
        return [(text, ())]
    out = []
    k = max(0, bisect.bisect_right(runs, (start, float("inf"))) - 1)
    at, end = start, start + len(text)
    while at < end and k < len(runs):
        _, run_end, style = runs[k]
        if run_end > at:
            upto = min(run_end, end)
            out.append((text[at - start:upto - start], style))
            at = upto
        k += 1
    if at < end:    # (never: the runs cover the text)
        out.append((text[at - start:], ()))
    return out


def styled(text: str, runs: Runs | None) -> str:
    """`text` as HTML, each run inside its elements (None: plain)."""
    if not runs or all(not style for _, _, style in runs):
        return escape(text)
    return written(_pieces(text, runs, 0))


def marked(words: Iterable[tuple[str, str]], old: Runs | None, new: Runs | None, at_old: int = 0,
           at_new: int = 0) -> str:
    """Word changes (op, text) as HTML: each change one `<ins>` or `<del>`, its words with the
    markup of their side (`old`, `new`: the runs of each side's text, None for plain text; the
    words begin at `at_old` and `at_new` of them). A change inside one link or emphasis is marked
    inside it (the link goes on around it); one across markup holds it."""
    out: list[tuple[str, Style]] = []
    for op, text in words:
        if op == "delete":
            found = _pieces(text, old, at_old)
        else:
            found = _pieces(text, new, at_new)
        if op == "equal":
            out.extend(found)
        else:
            tag = "<del>" if op == "delete" else "<ins>"
            uniform = all(style == found[0][1] for _, style in found)
            out.extend((piece, (*style, tag) if uniform else (tag, *style)) for piece, style in found)
        at_old += 0 if op == "insert" else len(text)
        at_new += 0 if op == "delete" else len(text)
    return written(out)


def written(pieces: Iterable[tuple[str, Style]]) -> str:
    """Pieces of text with their styles as HTML: elements shared by neighbouring pieces stay open."""
    parts: list[str] = []
    current: Style = ()
    for text, style in pieces:
        if style != current:
            same = 0
            while same < min(len(style), len(current)) and style[same] == current[same]:
                same += 1
            parts.extend(_closing(t) for t in reversed(current[same:]))
            parts.extend(style[same:])
            current = style
        parts.append(escape(text))
    parts.extend(_closing(t) for t in reversed(current))
    return "".join(parts)


def _closing(opening: str) -> str:
    return "</" + opening[1:].split(">")[0].split(" ")[0] + ">"


def clean(html: str) -> str:
    """Built from escaped text and allow-listed elements, passed through the sanitizer all the same."""
    return sanitize(html) if "<" in html else html


def rebased(base: str) -> Callable[[str], str]:
    """Link targets of a statement read from another page: a relative one (a section's `#anchor`,
    `contact/`) put after `base`, the statement's page seen from there; others as they are."""
    def href(target: str) -> str:
        if not target or target.startswith(("/", "\\")) or ":" in target.split("/")[0].split("#")[0]:
            return target
        return base + target
    return href
