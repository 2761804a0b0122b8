"""A block's words with their links and emphasis, for the redline.

A block's visible text (`Block.text`) is what the redline's word diff compares; its sanitized
inline HTML (`Block.html`) says which of those characters are in a link, emphasised or code. Here
each character of the text gets the inline elements around it, so that marked words are written
back with their markup: inserted and unchanged words as the new block has them (a link with its
new target), deleted words as the old block had them. Each mark stays one `<ins>` or `<del>` (what
screen readers announce once, and what the Markdown report marks), with the markup inside it; a
link that a change cuts is written as one link on each side of the cut.

Only an allow-list of inline elements is written back, with escaped attributes, and the result
passes `sanitize` (nh3) again: nothing a statement holds can add markup to a redline page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from html.parser import HTMLParser

from ..render.markdown import sanitize
from .blocks import CELL_SEPARATOR, Block, BlockKind

# The inline elements a redline keeps (others are read as their text, as before).
KEPT = frozenset({"a", "em", "strong", "code", "b", "i", "s", "u", "sub", "sup", "small", "abbr"})
_ATTRIBUTES = {"a": ("href", "title"), "abbr": ("title",)}
_SPACE = frozenset({"br"})
_CELLS = frozenset({"td", "th"})

# One character's elements, outermost first: ('<a href="…">', '<em>').
Style = tuple[str, ...]


class _Styles(HTMLParser):
    """The characters of a block's inline HTML, each with its elements, cell by cell for a row."""

    def __init__(self, href: Callable[[str], str] | None) -> None:
        super().__init__(convert_charrefs=True)
        self.href = href
        self.open: list[tuple[str, str]] = []      # (tag, opening tag written back)
        self.cells: list[list[tuple[str, Style]]] = [[]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CELLS:
            self.cells.append([])
        elif tag in _SPACE:
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
        style = tuple(opening for _, opening in self.open)
        self.cells[-1].extend((c, style) for c in text)


def styles(block: Block, href: Callable[[str], str] | None = None) -> list[Style] | None:
    """Each character of `block.text`'s style, or None when the HTML does not spell the text
    (then the block is shown as plain text, as it always was). `href` rewrites link targets."""
    reader = _Styles(href)
    reader.feed(block.html)
    reader.close()
    cells = [_collapsed(cell) for cell in (reader.cells[1:] if block.kind is BlockKind.ROW else
                                           [[c for cell in reader.cells for c in cell]])]
    out: list[tuple[str, Style]] = []
    for cell in (c for c in cells if c):
        if out:
            out.extend((c, ()) for c in CELL_SEPARATOR)
        out.extend(cell)
    if "".join(c for c, _ in out) != block.text:
        return None
    return [style for _, style in out]


def _collapsed(chars: list[tuple[str, Style]]) -> list[tuple[str, Style]]:
    """Runs of spaces made one space, none at the ends (as `Block.text` is)."""
    out: list[tuple[str, Style]] = []
    for char, style in chars:
        if char.isspace():
            if out and out[-1][0] != " ":
                out.append((" ", style))
        else:
            out.append((char, style))
    while out and out[-1][0] == " ":
        out.pop()
    return out


def joined_styles(blocks: Iterable[Block], href: Callable[[str], str] | None = None) -> list[Style] | None:
    """The styles of blocks whose texts are joined by a space (the parts of a split or merge)."""
    out: list[Style] = []
    for n, block in enumerate(blocks):
        found = styles(block, href)
        if found is None:
            return None
        if n:
            out.append(())
        out.extend(found)
    return out


def styled(text: str, found: list[Style] | None) -> str:
    """`text` as HTML, each run of characters inside the elements of its style (None: plain)."""
    if not found or not any(found):
        return escape(text)
    return written(list(zip(text, found, strict=True)))


def marked(words: Iterable[tuple[str, str]], old: list[Style] | None, new: list[Style] | None) -> str:
    """Word changes (op, text) as HTML: each change one `<ins>` or `<del>`, its words with the
    markup of their side (`old`, `new`: each character's style, None for plain text). A change
    inside one link or emphasis is marked inside it (the link goes on around it); one across
    markup holds it."""
    chars: list[tuple[str, Style]] = []
    at_old = at_new = 0
    for op, text in words:
        size = len(text)
        side = old if op == "delete" else new
        at = at_old if op == "delete" else at_new
        found = side[at:at + size] if side else [()] * size
        if op == "equal":
            chars.extend(zip(text, found, strict=True))
        else:
            tag = "<del>" if op == "delete" else "<ins>"
            uniform = all(style == found[0] for style in found)
            chars.extend((c, (*style, tag) if uniform else (tag, *style)) for c, style in zip(text, found, strict=True))
        at_old += 0 if op == "insert" else size
        at_new += 0 if op == "delete" else size
    return written(chars)


def written(chars: list[tuple[str, Style]]) -> str:
    """Characters with their styles as HTML: elements shared by neighbouring characters stay open."""
    parts: list[str] = []
    current: Style = ()
    run: list[str] = []
    for char, style in chars:
        if style != current:
            parts.append(escape("".join(run)))
            run = []
            same = 0
            while same < min(len(style), len(current)) and style[same] == current[same]:
                same += 1
            parts.extend(_closing(t) for t in reversed(current[same:]))
            parts.extend(style[same:])
            current = style
        run.append(char)
    parts.append(escape("".join(run)))
    parts.extend(_closing(t) for t in reversed(current))
    return "".join(parts)


def _closing(opening: str) -> str:
    return "</" + opening[1:].split(">")[0].split(" ")[0] + ">"


def clean(html: str) -> str:
    """Built from escaped text and allow-listed elements, passed through the sanitizer all the same."""
    return sanitize(html) if "<" in html else html


def rebased(base: str) -> Callable[[str], str]:
    """Link targets of a statement read from another page: a relative one (a section's `#anchor`,
    `contact/`) made relative to the statement's page at `base`; others as they are."""
    def href(target: str) -> str:
        if not target or target.startswith(("/", "\\")) or ":" in target.split("/")[0].split("#")[0]:
            return target
        return base + target
    return href
