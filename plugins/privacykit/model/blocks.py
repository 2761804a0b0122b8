"""The translatable blocks of a section's Markdown, and the structure around them.

A translator translates words, not Markdown structure: a section body is split into
*blocks* (paragraphs, list items, headings, table cells), each a piece of inline
Markdown, and a *skeleton* that holds everything else (list markers, indentation,
heading marks, table pipes, blank lines, code). Filling the skeleton with translated
blocks gives the translated section with the source's structure.

A block is known by its *key*: a digest of its text with spacing normalised. The key
depends on nothing but the block's own words, so inserting, deleting or moving another
block never changes it; reflowing a paragraph's lines does not either.
"""

from __future__ import annotations

import enum
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

KEY_LENGTH = 12

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(?P<mark>\s{0,3}#{1,6}[ \t]+)(?P<text>.*?)(?P<close>(?:[ \t]+#+)?[ \t]*)$")
_LIST_ITEM = re.compile(r"^(?P<mark>\s*(?:[*+-]|\d{1,9}[.)])[ \t]+)(?P<text>\S.*)$")
_QUOTE = re.compile(r"^(?P<mark>\s*(?:>[ \t]?)*)(?P<text>.*)$")
_RULE = re.compile(r"^\s{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
# Jinja in content: `{{ company }}`, `{% if … %}`, `{# … #}`. Translators keep them as they are.
PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


class BlockKind(str, enum.Enum):
    """What a translatable block is in its section."""

    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    TABLE_CELL = "table-cell"


@lru_cache(maxsize=65536)
def block_key(text: str) -> str:
    """The key of a block: a digest of its words, blind to spacing and line breaks."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:KEY_LENGTH]


def placeholders(text: str) -> list[str]:
    """The Jinja placeholders of a text, spacing inside them normalised, in order."""
    return [" ".join(p.split()) for p in PLACEHOLDER.findall(text)]


@dataclass(frozen=True)
class TextBlock:
    """One translatable piece of a section: inline Markdown, without its structure."""

    kind: BlockKind
    text: str
    line: int          # 1-based line in the body where the block starts (0 for a title)

    @property
    def key(self) -> str:
        return block_key(self.text)


@dataclass(frozen=True)
class Slot:
    """Where a block goes in the skeleton; lines after its first are indented by `indent`."""

    index: int
    indent: str = ""


@dataclass(frozen=True)
class Skeleton:
    """A section body as structure (literal text) around numbered blocks."""

    parts: tuple[str | Slot, ...]
    blocks: tuple[TextBlock, ...]

    def fill(self, texts: Sequence[str]) -> str:
        """The body with block `i` replaced by `texts[i]` (the source texts give the body back)."""
        out: list[str] = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
                continue
            lines = texts[part.index].strip().split("\n")
            out.append(lines[0] + "".join(f"\n{part.indent}{line.lstrip()}" for line in lines[1:]))
        return "".join(out)


@lru_cache(maxsize=8192)
def split_body(markdown: str) -> Skeleton:
    """Split a section body into its skeleton and its blocks (cached: bodies recur)."""
    return _Splitter(markdown).run()


class _Splitter:
    def __init__(self, markdown: str):
        self.lines = markdown.split("\n")
        self.parts: list[str | Slot] = []
        self.blocks: list[TextBlock] = []

    def literal(self, text: str) -> None:
        if self.parts and isinstance(self.parts[-1], str):
            self.parts[-1] += text
        else:
            self.parts.append(text)

    def block(self, kind: BlockKind, text: str, line: int, indent: str = "") -> None:
        self.parts.append(Slot(len(self.blocks), indent))
        self.blocks.append(TextBlock(kind, text, line))

    def run(self) -> Skeleton:
        lines = self.lines
        i = 0
        while i < len(lines):
            line = lines[i]
            newline = "\n" if i < len(lines) - 1 else ""
            if not line.strip() or _RULE.match(line) or _REFERENCE.match(line):
                self.literal(line + newline)
                i += 1
            elif _FENCE.match(line):
                i = self._fence(i)
            elif (m := _HEADING.match(line)) and m["text"].strip():
                self.literal(m["mark"])
                self.block(BlockKind.HEADING, m["text"], i + 1)
                self.literal((m["close"] or "") + newline)
                i += 1
            elif "|" in line and i + 1 < len(lines) and _TABLE_SEPARATOR.match(lines[i + 1]) \
                    and "-" in lines[i + 1]:
                i = self._table(i)
            elif m := _LIST_ITEM.match(line):
                i = self._run_of_lines(i, m["mark"], m["text"], BlockKind.LIST_ITEM, " " * len(m["mark"]))
            else:
                m = _QUOTE.match(line)
                assert m is not None
                i = self._run_of_lines(i, m["mark"], m["text"], BlockKind.PARAGRAPH, m["mark"])
        return Skeleton(tuple(self.parts), tuple(self.blocks))

    def _ends_run(self, line: str) -> bool:
        return (not line.strip() or bool(_FENCE.match(line)) or bool(_HEADING.match(line))
                or bool(_LIST_ITEM.match(line)) or bool(_RULE.match(line)) or line.lstrip().startswith("|"))

    def _run_of_lines(self, i: int, mark: str, first: str, kind: BlockKind, indent: str) -> int:
        """A paragraph or list item: its first line and every continuation line."""
        start = i
        texts = [first.lstrip()]
        i += 1
        while i < len(self.lines) and not self._ends_run(self.lines[i]):
            line = self.lines[i]
            rest = _QUOTE.match(line)["text"].lstrip()  # type: ignore[index]
            if i == start + 1:
                indent = line[:len(line) - len(rest)]   # continuation lines keep the source's indentation
            # Trailing spaces stay: two of them are a line break in Markdown.
            texts.append(rest)
            i += 1
        text = "\n".join(texts)
        self.literal(mark)
        self.block(kind, text.rstrip(), start + 1, indent)
        self.literal(text[len(text.rstrip()):])
        if i < len(self.lines):
            self.literal("\n")
        return i

    def _fence(self, i: int) -> int:
        """Code is structure: copied as it is, never handed to translators."""
        fence = _FENCE.match(self.lines[i])[1]  # type: ignore[index]
        j = i + 1
        while j < len(self.lines) and not self.lines[j].lstrip().startswith(fence):
            j += 1
        end = min(j + 1, len(self.lines))
        self.literal("\n".join(self.lines[i:end]) + ("\n" if end < len(self.lines) else ""))
        return end

    def _table(self, i: int) -> int:
        """A table: each non-empty cell is a block; pipes, padding and the separator row stay."""
        j = i
        while j < len(self.lines) and "|" in self.lines[j] and self.lines[j].strip():
            line = self.lines[j]
            newline = "\n" if j < len(self.lines) - 1 else ""
            if j == i + 1:
                self.literal(line + newline)
                j += 1
                continue
            cells = _CELL_SPLIT.split(line)
            for n, cell in enumerate(cells):
                if n:
                    self.literal("|")
                stripped = cell.strip()
                if not stripped:
                    self.literal(cell)
                    continue
                lead = cell[:len(cell) - len(cell.lstrip())]
                trail = cell[len(cell.rstrip()):]
                self.literal(lead)
                self.block(BlockKind.TABLE_CELL, stripped, j + 1)
                self.literal(trail)
            self.literal(newline)
            j += 1
        return j
