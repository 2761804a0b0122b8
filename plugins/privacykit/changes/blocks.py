"""What a reader sees of a section, block by block.

The redline compares the text readers see, so blocks are read from the same sanitized
HTML the site publishes (`render.markdown.markdown_to_html`), never from the Markdown
source with patterns: an autolink, an escaped `<` or a stray bracket are text on the
page, a `<style>` element is not, and a table is rows of cells, not pipes.
"""

from __future__ import annotations

import enum
import re
import zlib
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from ..render.cache import BoundedCache
from ..render.markdown import converted_html, fenced_lines, markdown_to_html, markdown_to_html_each
from .patterns import compiled


class BlockKind(str, enum.Enum):
    """The kinds of block a redline compares (their values are the historical short names)."""

    PARAGRAPH = "p"
    LIST_ITEM = "li"
    HEADING = "h"
    ROW = "row"          # a table row: its cells are in `Block.cells`


@dataclass(frozen=True)
class Link:
    """A link as a reader sees it: its text and where it leads."""

    text: str
    target: str


@dataclass(frozen=True)
class Block:
    """One paragraph, list item, heading or table row of a rendered section."""

    kind: BlockKind
    html: str                       # the block's sanitized inline HTML (what formatting compares)
    text: str                       # the visible text, spacing normalised
    links: tuple[Link, ...] = ()
    cells: tuple[str, ...] = ()     # a table row's cells, each cell's visible text (`text` joins the
                                    # cells that are not empty with CELL_SEPARATOR)

    @property
    def key(self) -> str:
        """The block's kind and markup with spacing normalised: equal keys render alike."""
        return self.kind.value + ":" + " ".join(self.html.split())


CELL_SEPARATOR = " | "

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CONTAINERS = frozenset({"p", "li", "tr", "pre", "blockquote", "div", "ul", "ol", "table", "thead", "tbody",
                         "tfoot", "dl", "dt", "dd", "hr", "section", "article", "aside", "header", "footer",
                         "figure", "figcaption", "nav", "details", "summary", "main"}) | _HEADINGS
_CELLS = frozenset({"td", "th"})
_INVISIBLE = frozenset({"script", "style", "template", "noscript"})
_VOID = frozenset({"br", "img", "hr", "wbr"})


class _Reader(HTMLParser):
    """Collects blocks from sanitized HTML (nested lists give one block per item)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.open: list[str] = []          # open block containers, innermost last
        self.items_done: list[bool] = []   # per open <li>: has it given its first block yet
        self.html: list[str] = []
        self.text: list[str] = []
        self.links: list[Link] = []
        self.link: tuple[str, int] | None = None   # target and start in `text` of the open <a>
        self.cells: list[list[str]] | None = None  # inside a table row
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INVISIBLE:
            self.hidden += 1
            return
        if self.hidden:
            return
        if tag in _CELLS and self.cells is not None:
            self.cells.append([])
            self.html.append(f"<{tag}>")
            return
        if tag in _CONTAINERS and self.cells is None:
            self._flush()
            if tag == "tr":
                self.cells = []
            if tag == "li":
                self.items_done.append(False)
            if tag not in ("hr",):
                self.open.append(tag)
            return
        if tag in _CONTAINERS:       # a container inside a cell: keep its words apart
            self._data(" ")
            return
        values = dict(attrs)
        if tag == "a":
            self.link = (values.get("href") or "", len(self.text))
        elif tag == "img" and values.get("alt"):
            self._data(values.get("alt") or "")
        elif tag == "br":
            self._data(" ")
        self.html.append(self.get_starttag_text() or f"<{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE:
            self.hidden = max(0, self.hidden - 1)
            return
        if self.hidden:
            return
        if tag in _CELLS and self.cells is not None:
            self.html.append(f"</{tag}>")
            return
        if tag == "tr" and self.cells is not None:
            self._flush()
            self.cells = None
            self._close("tr")
            return
        if tag in _CONTAINERS and self.cells is None:
            self._flush()
            self._close(tag)
            return
        if tag in _CONTAINERS:
            self._data(" ")
            return
        if tag == "a" and self.link is not None:
            target, start = self.link
            self.links.append(Link(" ".join("".join(self.text[start:]).split()), target))
            self.link = None
        if tag not in _VOID:
            self.html.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.html.append(escape(data, quote=False))
            self._data(data)

    def _data(self, data: str) -> None:
        self.text.append(data)
        if self.cells:   # text between cells is only the markup's line breaks
            self.cells[-1].append(data)

    def _close(self, tag: str) -> None:
        if tag in self.open:
            while self.open:
                top = self.open.pop()
                if top == "li" and self.items_done:
                    self.items_done.pop()
                if top == tag:
                    break

    def _kind(self) -> BlockKind:
        if self.cells is not None:
            return BlockKind.ROW
        inner = self.open[-1] if self.open else ""
        if inner in _HEADINGS:
            return BlockKind.HEADING
        # An item's first block is the item; later paragraphs of a loose item are paragraphs.
        in_item = inner == "li" or (inner == "p" and len(self.open) > 1 and self.open[-2] == "li")
        if in_item and self.items_done and not self.items_done[-1]:
            self.items_done[-1] = True
            return BlockKind.LIST_ITEM
        return BlockKind.PARAGRAPH

    def _flush(self) -> None:
        text = " ".join("".join(self.text).split())
        if text:
            cells: tuple[str, ...] = ()
            if self.cells is not None:
                cells = tuple(" ".join("".join(cell).split()) for cell in self.cells)
                text = CELL_SEPARATOR.join(cell for cell in cells if cell)
            self.blocks.append(Block(self._kind(), "".join(self.html).strip(), text, tuple(self.links), cells))
        self.html, self.text, self.links = [], [], []
        if self.link is not None:
            self.link = (self.link[0], 0)
        if self.cells is not None:
            self.cells = []


def html_blocks(html: str) -> tuple[Block, ...]:
    """The blocks of a sanitized HTML fragment, in reading order."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader._flush()
    return tuple(reader.blocks)


def split_blocks(markdown: str) -> tuple[Block, ...]:
    """The blocks a reader sees of a section's Markdown (cached: sections recur across versions).

    A section already converted for a page is read from that HTML; otherwise a long section
    is converted in runs of paragraphs cut at places where Markdown starts afresh, so that a
    new version of it converts again only the runs that changed.
    """
    found = _SECTIONS.get(markdown)
    if found is None:
        found = _read_blocks(markdown)
        _SECTIONS.put(markdown, found)
    return found


def _read_blocks(markdown: str) -> tuple[Block, ...]:
    html = converted_html(markdown)
    if html is not None:
        return html_blocks(html)
    runs = markdown_runs(markdown)
    if runs is None or len(runs) == 1:
        return html_blocks(markdown_to_html(markdown))
    missing = list(dict.fromkeys(run for run in runs if run not in _RUNS))
    converted = dict(zip(missing, markdown_to_html_each(missing), strict=True))
    out: list[Block] = []
    for run in runs:
        blocks = _RUNS.get(run)
        if blocks is None:
            blocks = html_blocks(converted[run]) if run in converted else _read_blocks(run)
            _RUNS.put(run, blocks)
        out.extend(blocks)
    return tuple(out)


def blocks_size(blocks: tuple[Block, ...]) -> int:
    """The characters a cached tuple of blocks holds."""
    return sum(len(b.html) + len(b.text) for b in blocks)


# Blocks of recent sections and of recent runs of long sections, bounded by their text.
_SECTIONS = BoundedCache(4096, budget=4_000_000, weigh=blocks_size)
_RUNS = BoundedCache(16384, budget=4_000_000, weigh=blocks_size)
# A run ends after a paragraph whose checksum is 0 modulo this: runs of about as many
# paragraphs, cut by content, so an edit leaves the other runs' texts (and cache keys) alone.
RUN_PARAGRAPHS = 8
# ... and at the latest after this many (alike paragraphs, whose checksums are alike, make
# alike runs: converted once).
MAX_RUN_PARAGRAPHS = 64

# Markdown that ties paragraphs together: reference links and raw HTML blocks.
_WHOLE_ONLY = compiled(r"^ {0,3}(\[[^\]]+\]:|<)", re.MULTILINE)


def markdown_runs(markdown: str) -> list[str] | None:
    """`markdown` cut into runs that convert to the same blocks one by one as together, or
    None when it cannot be cut (reference links, HTML blocks, an unclosed code fence)."""
    if _WHOLE_ONLY.search(markdown):
        return None
    lines = markdown.split("\n")
    # The first line of text at or after each line (None past the last one). Python-Markdown
    # takes a block of only no-break spaces for an empty one: it is passed over too.
    following: list[str | None] = [None] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        following[i] = lines[i] if lines[i].strip() else following[i + 1]
    runs: list[str] = []
    start = 0
    paragraph_start = 0
    in_run = 0
    code, unclosed = fenced_lines(lines)
    if unclosed:
        return None
    for i, line in enumerate(lines):
        if i in code:
            continue
        # Runs are cut only at lines of spaces and tabs: a line of no-break spaces can belong
        # to the paragraph around it.
        if line.strip(" \t") or i + 1 >= len(lines):
            continue
        # A blank line: the paragraph before it ends. A run may end here when the next
        # text starts a block of its own (not indented: not a continuation or code).
        after = following[i + 1]
        paragraph = "\n".join(lines[paragraph_start:i])
        paragraph_start = i + 1
        if after is None or after[:1] in (" ", "\t") or not paragraph.strip(" \t\n"):
            continue
        in_run += 1
        if zlib.crc32(paragraph.encode()) % RUN_PARAGRAPHS == 0 or in_run >= MAX_RUN_PARAGRAPHS:
            runs.append("\n".join(lines[start:i]))
            start = i + 1
            in_run = 0
    runs.append("\n".join(lines[start:]))
    return [run for run in runs if run.strip()]


def visible_text(markdown: str) -> str:
    """All the text a reader sees of a section's Markdown, spacing normalised."""
    return " ".join(block.text for block in split_blocks(markdown))
