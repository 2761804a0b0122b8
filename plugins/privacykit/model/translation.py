"""Translations as a layer over the source text: entries, and their state against the source.

A translation of one source file (a section, an app section, a region override, or a
statement's own texts) into one language is a list of *entries*: the source text a
block was translated from, and its translation. Nothing else is translated: structure,
declared facts, variables and app metadata always come from the source.

An entry belongs to the current source block with the same key (a digest of its
words). When the source block changed, no entry has its key any more; the entry that
stood in its place is paired with it by alignment and the block is *stale*: readers
get the source text, and the entry keeps the old source so the change can be shown.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from .blocks import BlockKind, TextBlock, block_key, placeholders, split_body

if TYPE_CHECKING:
    from ..errors import Problem
    from .statement import Statement

# Two texts this similar are one block edited, not one block replaced by another.
EDITED_RATIO = 0.5


class BlockState(str, enum.Enum):
    """Where the translation of a source block stands (the XLIFF state it is exported with)."""

    TRANSLATED = "translated"
    STALE = "stale"              # translated from a text the source no longer has
    MISSING = "missing"          # never translated

    @property
    def xliff_state(self) -> str:
        return {"translated": "translated", "stale": "needs-review-translation", "missing": "new"}[self.value]


class PublishedAs(str, enum.Enum):
    """How a region with stale or missing translations is published, as release notes state it."""

    SOURCE_BINDING = "source-binding"            # the source text binds until the translation is approved
    TRANSLATION_INFORMATIVE = "translation-informative"   # translations are for information; the source binds


@dataclass(frozen=True)
class TranslationEntry:
    """One translated block: the source text it was made from, and its translation."""

    source: str
    text: str
    line: int | None = None      # line of the entry in its translation file

    @property
    def key(self) -> str:
        return block_key(self.source)


@dataclass(frozen=True)
class FileTranslation:
    """The translation of one source file into one language."""

    language: str
    source: str                                  # project-relative path of the source file
    path: str                                    # project-relative path of the translation file
    title: TranslationEntry | None = None
    entries: tuple[TranslationEntry, ...] = ()
    refused: tuple[tuple[TranslationEntry, str], ...] = ()   # entries left out, and why (see `text_problem`)


@dataclass(frozen=True)
class AlignedBlock:
    """A current source block and the entry that translates it, if any."""

    block: TextBlock
    state: BlockState
    entry: TranslationEntry | None = None

    @property
    def shown(self) -> str:
        """What readers get: the translation when it is current, else the source text."""
        return self.entry.text if self.state is BlockState.TRANSLATED and self.entry else self.block.text


@dataclass(frozen=True)
class Alignment:
    """Every block of a source file with its translation state; entries that match nothing."""

    title: AlignedBlock | None
    blocks: tuple[AlignedBlock, ...]
    obsolete: tuple[TranslationEntry, ...] = field(default_factory=tuple)

    def all(self) -> list[AlignedBlock]:
        return ([self.title] if self.title else []) + list(self.blocks)

    def count(self, state: BlockState) -> int:
        return sum(1 for b in self.all() if b.state is state)

    @property
    def complete(self) -> bool:
        return all(b.state is BlockState.TRANSLATED for b in self.all())


def align(blocks: Sequence[TextBlock], entries: Sequence[TranslationEntry],
          title: TextBlock | None = None, title_entry: TranslationEntry | None = None) -> Alignment:
    """Pair the source's current blocks with translation entries.

    An entry whose key is a block's key translates it (however the blocks around it
    moved). The blocks and entries left over are aligned in order: a left-over entry
    standing where a left-over block stands, with similar words or as the only one
    there, translated an earlier text of that block, which is then stale.
    """
    by_key = {e.key: e for e in entries}
    used = {b.key for b in blocks if b.key in by_key}
    states: list[AlignedBlock | None] = [
        AlignedBlock(b, BlockState.TRANSLATED, by_key[b.key]) if b.key in by_key else None for b in blocks]
    leftover_entries = [e for e in entries if e.key not in used]
    block_keys = [b.key for b in blocks]
    entry_keys = [e.key for e in entries]
    matcher = difflib.SequenceMatcher(None, block_keys, entry_keys, autojunk=False)
    paired: set[int] = set()
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op not in ("replace", "insert", "delete"):
            continue
        olds = [j for j in range(j1, j2) if entries[j].key not in used]
        news = [i for i in range(i1, i2) if states[i] is None]
        for i, j in _pair(news, olds, blocks, entries):
            states[i] = AlignedBlock(blocks[i], BlockState.STALE, entries[j])
            paired.add(id(entries[j]))
    aligned = tuple(s or AlignedBlock(b, BlockState.MISSING) for s, b in zip(states, blocks, strict=True))
    obsolete = tuple(e for e in leftover_entries if id(e) not in paired)
    aligned_title = None
    if title is not None:
        if title_entry is None:
            aligned_title = AlignedBlock(title, BlockState.MISSING)
        else:
            state = BlockState.TRANSLATED if title_entry.key == title.key else BlockState.STALE
            aligned_title = AlignedBlock(title, state, title_entry)
    return Alignment(aligned_title, aligned, obsolete)


def _pair(news: list[int], olds: list[int], blocks: Sequence[TextBlock],
          entries: Sequence[TranslationEntry]) -> list[tuple[int, int]]:
    """Pair left-over blocks with left-over entries of one gap, in order."""
    if not news or not olds:
        return []
    if len(news) == len(olds):
        return list(zip(news, olds, strict=True))
    pairs = []
    start = 0
    for i in news:
        best, best_ratio = None, EDITED_RATIO
        for k in range(start, len(olds)):
            ratio = difflib.SequenceMatcher(None, blocks[i].text.split(), entries[olds[k]].source.split(),
                                            autojunk=False).ratio()
            if ratio >= best_ratio:
                best, best_ratio = k, ratio
        if best is not None:
            pairs.append((i, olds[best]))
            start = best + 1
    return pairs


def align_file(body: str, title: str | None, translation: FileTranslation | None) -> Alignment:
    """The alignment of a section file's body (and title) with its translation."""
    skeleton = split_body(body)
    title_block = TextBlock(BlockKind.TITLE, title, 0) if title is not None else None
    if translation is None:
        return align(skeleton.blocks, (), title_block, None)
    return align(skeleton.blocks, translation.entries, title_block, translation.title)


def translated_body(body: str, alignment: Alignment) -> str:
    """The body with each block as readers get it (its translation when current)."""
    return split_body(body).fill([b.shown for b in alignment.blocks])


def placeholder_problem(source: str, text: str) -> str | None:
    """Why a translation does not keep its source's placeholders, or None when it does."""
    want, got = sorted(placeholders(source)), sorted(placeholders(text))
    if want == got:
        return None
    missing = [p for p in want if want.count(p) > got.count(p)]
    extra = [p for p in got if got.count(p) > want.count(p)]
    if missing:
        return "placeholder " + ", ".join(dict.fromkeys(missing)) + " was dropped"
    return "placeholder " + ", ".join(dict.fromkeys(extra)) + " is not in the source"


_TAG = re.compile(r"<\s*/?\s*([A-Za-z][\w:-]*)")
_AUTOLINK = re.compile(r"<((?:https?|mailto|tel|ftp|data|javascript):[^>\s]*)>|\b((?:https?|ftp)://[^\s)<>\]]+)",
                       re.IGNORECASE)
_STRUCTURE = re.compile(r"^\s*(?:#{1,6}\s|[*+-]\s|\d{1,9}[.)]\s|>|\||```|~~~)")


def _destination(text: str, start: int) -> tuple[str, int] | None:
    """The destination of an inline link whose `(` ends at `start`, and the index after its `)`.

    CommonMark: `<…>`, or a run without spaces whose parentheses balance, then an optional
    title in quotes; None when the link does not close.
    """
    i, n = start, len(text)
    while i < n and text[i] in " \t\n":
        i += 1
    if i < n and text[i] == "<":
        end = text.find(">", i)
        if end < 0 or "\n" in text[i:end]:
            return None
        url, i = text[i + 1:end], end + 1
    else:
        depth, begin = 0, i
        while i < n and not text[i].isspace():
            if text[i] == "\\" and i + 1 < n:
                i += 2
                continue
            if text[i] == "(":
                depth += 1
            elif text[i] == ")":
                if depth == 0:
                    break
                depth -= 1
            i += 1
        url = text[begin:i]
    while i < n and text[i] in " \t\n":
        i += 1
    if i < n and text[i] in "\"'(":
        close = {"(": ")"}.get(text[i], text[i])
        end = text.find(close, i + 1)
        if end < 0:
            return None
        i = end + 1
        while i < n and text[i] in " \t\n":
            i += 1
    if i < n and text[i] == ")":
        return url, i + 1
    return None


def markdown_links(text: str) -> tuple[list[str], list[str]]:
    """The targets of the well-formed links of `text` (inline links, autolinks, bare addresses),
    and the pieces of link syntax that are not well formed (a `](…)` with no `[`, an unclosed `(`).
    """
    links: list[str] = []
    broken: list[str] = []
    rest: list[str] = []
    position = 0
    for match in re.finditer(r"\]\(", text):
        if match.start() < position:
            continue
        # The `[` that opens the link text: brackets balance between it and the `]`.
        depth, opening = 0, None
        for k in range(match.start() - 1, position - 1, -1):
            if text[k] == "]" and (k == 0 or text[k - 1] != "\\"):
                depth += 1
            elif text[k] == "[" and (k == 0 or text[k - 1] != "\\"):
                if depth == 0:
                    opening = k
                    break
                depth -= 1
        parsed = _destination(text, match.end())
        end = parsed[1] if parsed else text.find(")", match.end()) + 1 or len(text)
        if opening is None or parsed is None:
            broken.append(text[max(position, match.start() - 20):end])
        else:
            links.append(parsed[0])
        rest.append(text[position:match.start()])
        position = end
    rest.append(text[position:])
    for match in _AUTOLINK.finditer("".join(rest)):
        address = match.group(1) or match.group(2).rstrip(".,;:!?")   # a sentence's stop is not the address's
        links.append(address)
    return sorted(links), broken


def _urls(text: str) -> list[str]:
    return markdown_links(text)[0]


def text_problem(kind: BlockKind, source: str, text: str) -> str | None:
    """Why `text` cannot stand for `source` in a translated section, or None when it can.

    A translation keeps the source's placeholders and links, brings no markup the source
    does not have (a tag, a link, an image), and keeps to one block: no blank line and no
    line that would start a heading, a list item, a quote or a table row.
    """
    if not text.strip():
        return "the translation is empty"
    problem = placeholder_problem(source, text)
    if problem:
        return problem
    tags = sorted(t.lower() for t in _TAG.findall(text))
    allowed = sorted(t.lower() for t in _TAG.findall(source))
    injected = [t for t in tags if tags.count(t) > allowed.count(t)]
    if injected:
        return f"markup <{injected[0]}> is not in the source"
    if text.count("![") > source.count("!["):
        return "an image is not in the source"
    if "](" in text or "](" in source or ":" in text or ":" in source:   # every link form has one
        (urls, broken), (source_urls, source_broken) = markdown_links(text), markdown_links(source)
        if len(broken) > len(source_broken):
            return (f"the link syntax is broken at «{broken[0]}»: keep each link as [words](address), "
                    "as in the source")
        dropped = [u for u in source_urls if source_urls.count(u) > urls.count(u)]
        if dropped:
            return f"link {dropped[0]} of the source is missing from the translation"
        new = [u for u in urls if urls.count(u) > source_urls.count(u)]
        if new:
            return f"link {new[0]} is not in the source"
    if kind in (BlockKind.TITLE, BlockKind.HEADING, BlockKind.TABLE_CELL) and "\n" in text.strip():
        return f"a {kind.value.replace('-', ' ')} must stay on one line"
    if kind is BlockKind.TABLE_CELL and re.search(r"(?<!\\)\|", text):
        return "a table cell cannot contain '|' (write '\\|')"
    lines = text.strip().split("\n")
    if any(not line.strip() for line in lines):
        return "a blank line would split the block in two"
    if _STRUCTURE.match(text.lstrip()) and not _STRUCTURE.match(source.lstrip()):
        return "the text would start a heading, list, quote or table"
    if any(_STRUCTURE.match(line) for line in lines[1:]):
        return "a line would start a heading, list, quote or table"
    return None


class TranslationStore(Protocol):
    """Where resolution finds translations (the project's files: `load.translations.TranslationSet`)."""

    def alignment(self, language: str, source: str, body: str, title: str | None) -> Alignment: ...

    def statement_alignment(self, language: str, statement: Statement) -> Alignment: ...

    def releases(self, language: str, statement: Statement) -> FileTranslation | None:
        """The translation file of `statement`'s release summaries, if there is one."""
        ...

    def refused(self) -> list[Problem]:
        """Entries of the files read so far that cannot be shown, one problem each."""
        ...
