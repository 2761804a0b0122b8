"""The redline: what changed between two resolved documents, as readers see it.

Three levels, each bounding the work of the next:

1. sections are aligned by id (added, removed, moved, changed, unchanged); a section
   whose text is the same but whose place changed is *moved*, never a deletion plus
   an insertion;
2. inside a changed section, blocks (paragraphs, list items, headings) are aligned;
   a block whose visible text did not change is reported as a whitespace-only or
   formatting-only change, not as rewritten text;
3. inside a changed block, words are compared.

Blocks that share nothing fall back to a block-level replacement, so two unrelated
texts cost a linear pass, not a quadratic word diff.
"""

from __future__ import annotations

import difflib
import enum
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..model.document import ResolvedDocument, ResolvedSection

# Beyond this many token pairs a word diff is not attempted (the block is replaced).
MAX_WORD_PAIRS = 400_000


class SectionStatus(str, enum.Enum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"          # same text, new place


class BlockStatus(str, enum.Enum):
    EQUAL = "equal"
    CHANGED = "changed"      # words changed
    ADDED = "added"
    REMOVED = "removed"
    WHITESPACE = "whitespace"  # only spacing or line breaks differ
    FORMATTING = "formatting"  # same visible text, different Markdown (emphasis, link target…)
    MOVED = "moved"            # same block, another place in the section


@dataclass(frozen=True)
class WordOp:
    op: str        # "equal", "insert", "delete"
    text: str


@dataclass(frozen=True)
class Block:
    kind: str      # "p", "li", "h"
    markdown: str
    text: str      # visible text

    @property
    def key(self) -> str:
        return " ".join(self.markdown.split())


@dataclass(frozen=True)
class BlockChange:
    status: BlockStatus
    old: Block | None
    new: Block | None
    words: tuple[WordOp, ...] = ()
    old_index: int | None = None    # position of `old` among the old blocks

    @property
    def kind(self) -> str:
        return (self.new or self.old).kind  # type: ignore[union-attr]

    @property
    def old_text(self) -> str:
        """The block's text before the change ('' for an added block)."""
        return self.old.text if self.old is not None else ""

    @property
    def new_text(self) -> str:
        """The block's text after the change ('' for a removed block)."""
        return self.new.text if self.new is not None else ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": self.status.value, "kind": self.kind}
        if self.old is not None:
            out["old"] = self.old.text
        if self.new is not None:
            out["new"] = self.new.text
        if self.words:
            out["words"] = [[w.op, w.text] for w in self.words]
        return out


@dataclass(frozen=True)
class SectionChange:
    id: str
    title: str
    status: SectionStatus
    moved: bool = False
    old_title: str | None = None
    group: str | None = None
    blocks: tuple[BlockChange, ...] = ()
    old_index: int | None = None    # position of the section in the old document

    @property
    def is_change(self) -> bool:
        return self.status is not SectionStatus.UNCHANGED

    @property
    def label(self) -> str:
        """'changed', 'changed and moved', 'added'… as shown to readers."""
        if self.moved and self.status is SectionStatus.CHANGED:
            return "changed and moved"
        return self.status.value

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": self.title, "status": self.status.value}
        if self.moved:
            out["moved"] = True
        if self.old_title and self.old_title != self.title:
            out["old_title"] = self.old_title
        if self.blocks:
            out["blocks"] = [b.to_dict() for b in self.blocks if b.status is not BlockStatus.EQUAL]
        return out


@dataclass(frozen=True)
class Redline:
    """All changes from `old_label` to `new_label` of one statement in one region."""

    statement: str
    region: str
    old_label: str
    new_label: str
    sections: tuple[SectionChange, ...] = field(default_factory=tuple)

    def counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in SectionStatus}
        for section in self.sections:
            counts[section.status.value] += 1
        return counts

    @property
    def changed(self) -> bool:
        return any(s.is_change for s in self.sections)

    def summary(self) -> str:
        """'3 sections changed, 1 added, 1 moved' (or 'no changes')."""
        counts = self.counts()
        parts = []
        for status, label in ((SectionStatus.CHANGED, "changed"), (SectionStatus.ADDED, "added"),
                              (SectionStatus.REMOVED, "removed"), (SectionStatus.MOVED, "moved")):
            n = counts[status.value]
            if n:
                parts.append(f"{n} {label}")
        if not parts:
            return "no changes"
        first_n = int(parts[0].split()[0])
        parts[0] = f"{first_n} section{'s' if first_n != 1 else ''} {parts[0].split(' ', 1)[1]}"
        return ", ".join(parts)

    def sentence(self) -> str:
        """The summary as a sentence: '3 sections changed, 1 added.'"""
        summary = self.summary()
        return summary[:1].upper() + summary[1:] + "."

    def to_dict(self) -> dict[str, Any]:
        return {
            "statement": self.statement, "region": self.region, "from": self.old_label, "to": self.new_label,
            "summary": self.summary(), "counts": self.counts(),
            "sections": [s.to_dict() for s in self.sections if s.is_change],
        }


# -- blocks ------------------------------------------------------------------------------

_LIST_ITEM = re.compile(r"^\s*(?:[*+-]|\d+[.)])\s+")
_HEADING = re.compile(r"^#{1,6}\s+")


def split_blocks(markdown: str) -> list[Block]:
    """Paragraphs, list items and headings of a Markdown text, in order."""
    blocks: list[Block] = []
    current: list[str] = []
    kind = "p"

    def flush():
        nonlocal current
        if current:
            raw = "\n".join(current).strip("\n")
            if raw.strip():
                blocks.append(Block(kind, raw, visible_text(raw)))
        current = []

    for line in markdown.split("\n"):
        if not line.strip():
            flush()
            kind = "p"
            continue
        if _HEADING.match(line):
            flush()
            blocks.append(Block("h", line, visible_text(line)))
            kind = "p"
            continue
        if _LIST_ITEM.match(line):
            flush()
            kind = "li"
        current.append(line)
    flush()
    return blocks


_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~])")


@lru_cache(maxsize=65536)
def visible_text(markdown: str) -> str:
    """What a reader sees of a Markdown block: markup removed, spacing normalised."""
    text = _IMAGE.sub(r"\1", markdown)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    for _ in range(3):  # nested emphasis such as **_text_**
        new = _EMPHASIS.sub(r"\2", text)
        if new == text:
            break
        text = new
    text = _ESCAPE.sub(r"\1", text)
    text = _LIST_ITEM.sub("", text)
    text = _HEADING.sub("", text)
    return " ".join(text.split())


_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")


def word_diff(old: str, new: str) -> tuple[WordOp, ...] | None:
    """Word-level operations turning `old` into `new`; None when too costly."""
    a = _TOKEN.findall(old)
    b = _TOKEN.findall(new)
    if len(a) * len(b) > MAX_WORD_PAIRS:
        return None
    # Most edits touch a few words: trim the common head and tail before matching.
    head = 0
    while head < len(a) and head < len(b) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < len(a) - head and tail < len(b) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    middle_a, middle_b = a[head:len(a) - tail], b[head:len(b) - tail]
    ops: list[WordOp] = []
    if head:
        ops.append(WordOp("equal", "".join(a[:head])))
    matcher = difflib.SequenceMatcher(None, middle_a, middle_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(WordOp("equal", "".join(middle_a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(WordOp("delete", "".join(middle_a[i1:i2])))
        if j2 > j1:
            ops.append(WordOp("insert", "".join(middle_b[j1:j2])))
    if tail:
        ops.append(WordOp("equal", "".join(a[len(a) - tail:])))
    return tuple(ops)


def _similar(a: str, b: str) -> bool:
    """Worth a word diff: the two blocks share a good part of their words."""
    wa, wb = set(a.lower().split()), set(b.lower().split())
    if not wa or not wb:
        return False
    return len(wa & wb) / max(len(wa), len(wb)) >= 0.4


def diff_blocks(old_md: str, new_md: str) -> tuple[BlockChange, ...]:
    old_blocks, new_blocks = split_blocks(old_md), split_blocks(new_md)
    matcher = difflib.SequenceMatcher(None, [b.key for b in old_blocks], [b.key for b in new_blocks],
                                      autojunk=False)
    out: list[BlockChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                old, new = old_blocks[i1 + k], new_blocks[j1 + k]
                status = BlockStatus.EQUAL if old.markdown == new.markdown else BlockStatus.WHITESPACE
                out.append(BlockChange(status, old, new))
            continue
        out.extend(_pair_blocks(old_blocks[i1:i2], new_blocks[j1:j2]))
    # Number the old side in order, before moved blocks take their new place.
    numbered, index = [], 0
    for change in out:
        if change.old is not None:
            change = replace(change, old_index=index)
            index += 1
        numbered.append(change)
    return tuple(_moved_blocks(numbered))


def _moved_blocks(changes: list[BlockChange]) -> list[BlockChange]:
    """A block removed in one place and added unchanged in another was moved."""
    removed: dict[str, list[int]] = {}
    for i, change in enumerate(changes):
        if change.status is BlockStatus.REMOVED and change.old is not None:
            removed.setdefault(change.old.key, []).append(i)
    pairs: dict[int, int] = {}       # index of the added block -> index of the removed one
    for i, change in enumerate(changes):
        if change.status is BlockStatus.ADDED and change.new is not None and removed.get(change.new.key):
            pairs[i] = removed[change.new.key].pop(0)
    if not pairs:
        return changes
    taken = set(pairs.values())
    out = []
    for i, change in enumerate(changes):
        if i in taken:
            continue
        if i in pairs:
            before = changes[pairs[i]]
            out.append(BlockChange(BlockStatus.MOVED, before.old, change.new, old_index=before.old_index))
            continue
        out.append(change)
    return out


def _pair_blocks(olds: list[Block], news: list[Block]) -> list[BlockChange]:
    """Pair replaced blocks in order: similar ones get a word diff, others add/remove."""
    out: list[BlockChange] = []
    j = 0
    for old in olds:
        match = None
        for k in range(j, min(len(news), j + 8)):
            new = news[k]
            if new.text == old.text or _similar(old.text, new.text):
                match = k
                break
        if match is None:
            out.append(BlockChange(BlockStatus.REMOVED, old, None))
            continue
        for k in range(j, match):
            out.append(BlockChange(BlockStatus.ADDED, None, news[k]))
        new = news[match]
        j = match + 1
        if new.text == old.text:
            out.append(BlockChange(BlockStatus.FORMATTING, old, new))
            continue
        words = word_diff(old.text, new.text)
        if words is None:
            out.append(BlockChange(BlockStatus.REMOVED, old, None))
            out.append(BlockChange(BlockStatus.ADDED, None, new))
        else:
            out.append(BlockChange(BlockStatus.CHANGED, old, new, words))
    for k in range(j, len(news)):
        out.append(BlockChange(BlockStatus.ADDED, None, news[k]))
    return out


# -- sections ------------------------------------------------------------------------------

def redline(old: ResolvedDocument, new: ResolvedDocument, old_label: str = "previous",
            new_label: str = "current") -> Redline:
    """Compare two resolved documents of the same statement and region."""
    old_by_id = {s.id: s for s in old.sections}
    new_by_id = {s.id: s for s in new.sections}
    old_index = {s.id: i for i, s in enumerate(old.sections)}
    old_common = [s.id for s in old.sections if s.id in new_by_id]
    new_common = [s.id for s in new.sections if s.id in old_by_id]
    # Sections outside the longest common order changed place.
    in_order: set[str] = set()
    matcher = difflib.SequenceMatcher(None, old_common, new_common, autojunk=False)
    for block in matcher.get_matching_blocks():
        in_order.update(old_common[block.a:block.a + block.size])
    moved = {sid for sid in new_common if sid not in in_order or old_by_id[sid].group != new_by_id[sid].group}

    renamed = _renamed_sections([s for s in old.sections if s.id not in new_by_id],
                                [s for s in new.sections if s.id not in old_by_id])
    changes: list[SectionChange] = []
    for section in new.sections:
        before = old_by_id.get(section.id) or renamed.get(section.id)
        if before is not None and section.id in renamed:
            change = _compare(before, section, False)
            changes.append(SectionChange(section.id, section.title, SectionStatus.CHANGED, old_title=before.title,
                                         group=section.group, blocks=change.blocks, old_index=old_index[before.id]))
            continue
        if before is None:
            changes.append(SectionChange(section.id, section.title, SectionStatus.ADDED, group=section.group,
                                         blocks=_whole(section, BlockStatus.ADDED)))
            continue
        changes.append(replace(_compare(before, section, section.id in moved), old_index=old_index[section.id]))
    # Removed sections are reported where they stood, after the new sections they followed.
    paired = {s.id for s in renamed.values()}
    for index, section in enumerate(old.sections):
        if section.id in new_by_id or section.id in paired:
            continue
        removed = SectionChange(section.id, section.title, SectionStatus.REMOVED, group=section.group,
                                blocks=_whole(section, BlockStatus.REMOVED), old_index=index)
        anchor = next((old.sections[k].id for k in range(index - 1, -1, -1)
                       if old.sections[k].id in new_by_id), None)
        position = 0 if anchor is None else next(
            i for i, c in enumerate(changes) if c.id == anchor) + 1
        while position < len(changes) and changes[position].status is SectionStatus.REMOVED:
            position += 1
        changes.insert(position, removed)
    return Redline(new.statement, new.region, old_label, new_label, tuple(changes))


def recover(result: Redline, old: ResolvedDocument, new: ResolvedDocument, side: str) -> list[list[str]]:
    """The visible text of every block of one side ("old" or "new"), section by section, in order.

    Unchanged and moved sections carry no blocks; their text comes from the documents.
    The redline is complete when this equals the blocks of that side's document.
    """
    source = {s.id: s for s in (old if side == "old" else new).sections}
    absent = SectionStatus.ADDED if side == "old" else SectionStatus.REMOVED
    present = [c for c in result.sections if c.status is not absent]
    if side == "old":
        present.sort(key=lambda c: c.old_index if c.old_index is not None else -1)
    out = []
    for change in present:
        if change.status in (SectionStatus.UNCHANGED, SectionStatus.MOVED):
            key = change.id
            out.append([b.text for b in split_blocks(source[key].markdown)])
            continue
        blocks = [b for b in change.blocks if (b.old if side == "old" else b.new) is not None]
        if side == "old":
            blocks.sort(key=lambda b: b.old_index if b.old_index is not None else -1)
        texts = []
        for block in blocks:
            if block.words:
                keep = ("equal", "delete") if side == "old" else ("equal", "insert")
                texts.append("".join(w.text for w in block.words if w.op in keep))
            else:
                texts.append(block.old_text if side == "old" else block.new_text)
        out.append(texts)
    return out


def _renamed_sections(removed: list[ResolvedSection], added: list[ResolvedSection]) -> dict[str, ResolvedSection]:
    """Pair a removed and an added section whose texts are nearly the same (a new id)."""
    pairs: dict[str, ResolvedSection] = {}
    free = list(removed)
    for new in added:
        for old in free:
            if _similar(visible_text(old.markdown), visible_text(new.markdown)):
                pairs[new.id] = old
                free.remove(old)
                break
    return pairs


def _whole(section: ResolvedSection, status: BlockStatus) -> tuple[BlockChange, ...]:
    blocks = split_blocks(section.markdown)
    if status is BlockStatus.ADDED:
        return tuple(BlockChange(status, None, b) for b in blocks)
    return tuple(BlockChange(status, b, None) for b in blocks)


def _compare(old: ResolvedSection, new: ResolvedSection, moved: bool) -> SectionChange:
    same_text = old.markdown == new.markdown and old.title == new.title
    if same_text:
        status = SectionStatus.MOVED if moved else SectionStatus.UNCHANGED
        return SectionChange(new.id, new.title, status, moved=moved, group=new.group)
    blocks = diff_blocks(old.markdown, new.markdown)
    return SectionChange(new.id, new.title, SectionStatus.CHANGED, moved=moved, old_title=old.title,
                         group=new.group, blocks=blocks)
