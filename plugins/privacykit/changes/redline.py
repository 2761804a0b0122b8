"""The redline: what changed between two resolved documents, as readers see it.

Three levels, each bounding the work of the next:

1. the statement title, the top headings of the outline and the sections are aligned:
   sections by id (added, removed, moved, changed, unchanged), a section whose text is
   the same but whose place changed is *moved*, never a deletion plus an insertion, and
   a removed and an added section with nearly the same text are one renamed section;
2. inside a changed section, blocks (paragraphs, list items, headings, table rows) are
   aligned; a block whose visible text did not change is reported as a whitespace-only
   or formatting-only change (with its old and new link targets), not as rewritten text;
   a block that left one section for another is reported as moved, with its origin, and one
   that moved within its section is shown once, at its new place ("moved within the section",
   with its word changes if reworded); replaced blocks are paired by likeness, in order (the
   ordered pairing whose pairs are most alike in all), so an inserted row reads as inserted;
3. inside a changed block, words are compared (cell by cell in a table row).

Every alignment is near-linear (`changes.align`), so long or repetitive inputs cost
little more than short ones. Blocks are read from the HTML readers get
(`changes.blocks`), so what is compared is what is published.

The redline is complete: its JSON (`Redline.to_dict`) holds every block of both sides,
and `rebuild()` turns it back into the reading of either side (`reading()`).
"""

from __future__ import annotations

import bisect
import enum
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from ..model.document import ResolvedDocument, ResolvedSection
from .align import align
from .blocks import CELL_SEPARATOR, Block, BlockKind, Link, split_blocks, visible_text
from .patterns import compiled

__all__ = ["Block", "BlockChange", "BlockKind", "BlockStatus", "GroupChange", "Link", "LinkChange", "Redline",
           "SectionChange", "SectionStatus", "Unit", "WordOp", "diff_blocks", "reading", "rebuild", "redline",
           "split_blocks", "visible_text", "word_diff"]

# A block that changes section is reported as moved when it has at least this many words
# (shorter ones, such as "Yes." or a one-word list item, recur by chance).
MIN_MOVED_WORDS = 8
# Two blocks (or sections) are paired for a word diff when they share this part of their words.
SIMILAR = 0.4


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
    FORMATTING = "formatting"  # same visible text, different markup (emphasis, link target…)
    MOVED = "moved"            # same block, another place (in the section, or from/to another one)


@dataclass(frozen=True)
class WordOp:
    op: str        # "equal", "insert", "delete"
    text: str


@dataclass(frozen=True)
class LinkChange:
    """A link whose target changed, appeared or disappeared (None: no link on that side)."""

    text: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class Unit:
    """A paragraph split into consecutive blocks, or consecutive blocks merged into one, shown as one
    change: `blocks` are the several blocks (new ones for a split, old ones for a merge), in order, and
    `words` the word changes from the old side to the new, across them (their texts joined by a space)."""

    kind: str                     # "split" or "merged"
    blocks: tuple[Block, ...]
    words: tuple[WordOp, ...]

    @property
    def changed(self) -> bool:
        """Words changed too (not only where the paragraphs break)."""
        return any(w.op != "equal" for w in self.words)

    def pieces(self) -> list[tuple[WordOp, ...]]:
        """The word changes cut where a split's new blocks begin (one piece per block; a merge is
        one piece): the space joining two blocks is in neither, and a deletion at a cut stays
        with the block before it."""
        return [piece for piece, _, _ in self.cut()]

    def cut(self) -> list[tuple[tuple[WordOp, ...], int, int]]:
        """The pieces (`pieces`), each with where it begins in the old side's text and the new's."""
        if self.kind != "split":
            return [(self.words, 0, 0)]
        cuts = list(itertools.accumulate(len(b.text) + 1 for b in self.blocks[:-1]))
        pieces: list[tuple[list[WordOp], int, int]] = [([], 0, 0)]
        at_old = at_new = 0
        for word in self.words:
            text = word.text
            while word.op != "delete" and cuts and at_new + len(text) >= cuts[0]:
                head = cuts.pop(0) - 1 - at_new      # the characters before the joining space
                _add(pieces[-1][0], word.op, text[:head])
                text = text[head + 1:]
                at_new += head + 1
                at_old += head + 1 if word.op == "equal" else 0
                pieces.append(([], at_old, at_new))
            _add(pieces[-1][0], word.op, text)
            at_old += 0 if word.op == "insert" else len(text)
            at_new += 0 if word.op == "delete" else len(text)
        return [(tuple(ops), old, new) for ops, old, new in pieces]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "blocks": [b.text for b in self.blocks],
                "words": [[w.op, w.text] for w in self.words]}


@dataclass(frozen=True)
class BlockChange:
    status: BlockStatus
    old: Block | None
    new: Block | None
    words: tuple[WordOp, ...] = ()
    old_index: int | None = None    # position of `old` among the old blocks (of `origin` when set)
    origin: str | None = None       # moved here from this section (its old side belongs there)
    destination: str | None = None  # moved from here to this section
    moved: bool = False             # a changed block that also moved within its section (shown once, here)
    unit: Unit | None = None        # a changed block split or merged with the blocks beside it (shown as one, here)
    part: bool = False              # an added or removed block shown as a part of a split or merge

    @property
    def kind(self) -> BlockKind:
        return (self.new or self.old).kind  # type: ignore[union-attr]

    @property
    def old_text(self) -> str:
        """The block's text before the change ('' for an added block)."""
        return self.old.text if self.old is not None else ""

    @property
    def new_text(self) -> str:
        """The block's text after the change ('' for a removed block)."""
        return self.new.text if self.new is not None else ""

    @property
    def links(self) -> tuple[LinkChange, ...]:
        """Links whose target differs between the two sides, by link text."""
        if self.old is None or self.new is None:
            return ()
        olds, news = self.sides()
        before, after = tuple(k for b in olds for k in b.links), tuple(k for b in news for k in b.links)
        return () if before == after else link_changes(before, after)

    def sides(self) -> tuple[tuple[Block, ...], tuple[Block, ...]]:
        """The blocks of each side as readers see them: several on one side of a split or merge."""
        old, new = (self.old,) if self.old else (), (self.new,) if self.new else ()
        if self.unit is not None:
            return (old, self.unit.blocks) if self.unit.kind == "split" else (self.unit.blocks, new)
        return old, new

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": self.status.value, "kind": self.kind.value}
        if self.old is not None and self.new is not None and self.old.kind != self.new.kind:
            out["old_kind"] = self.old.kind.value
        if self.old is not None and self.origin is None:
            out["old_index"] = self.old_index
            if self.new is None or self.old.text != self.new.text:
                out["old"] = self.old.text
        if self.new is not None:
            out["new"] = self.new.text
        if self.words:
            out["words"] = [[w.op, w.text] for w in self.words]
        if self.origin:
            out["origin"] = self.origin
        if self.destination:
            out["destination"] = self.destination
        if self.moved:
            out["moved"] = True
        if self.unit is not None:
            out["unit"] = self.unit.to_dict()
        if self.part:
            out["part"] = True
        if self.links:
            out["links"] = [{"text": c.text, "old": c.old, "new": c.new} for c in self.links]
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
    old_group: str | None = None    # its group in the old document, when another
    heading_shown: bool = True      # the section's title is shown as a heading
    old_heading_shown: bool | None = None

    @property
    def is_change(self) -> bool:
        return self.status is not SectionStatus.UNCHANGED

    @property
    def label(self) -> str:
        """'changed', 'changed and moved', 'added'… as shown to readers."""
        if self.moved and self.status is SectionStatus.CHANGED:
            return "changed and moved"
        return self.status.value

    @property
    def renamed(self) -> bool:
        return self.old_title is not None and self.old_title != self.title

    @property
    def title_words(self) -> tuple[WordOp, ...]:
        """The title's word changes (empty when the title did not change)."""
        return word_diff_text(self.old_title, self.title) if self.renamed else ()  # type: ignore[arg-type]

    @property
    def heading_toggled(self) -> bool:
        return self.old_heading_shown is not None and self.old_heading_shown != self.heading_shown

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": self.title, "status": self.status.value,
                               "group": self.group}
        if self.moved:
            out["moved"] = True
        if self.renamed:
            out["old_title"] = self.old_title
            out["title_words"] = [[w.op, w.text] for w in self.title_words]
        if self.old_group is not None and self.old_group != self.group:
            out["old_group"] = self.old_group
        if not self.heading_shown:
            out["heading_shown"] = False
        if self.heading_toggled:
            out["old_heading_shown"] = self.old_heading_shown
        if self.old_index is not None:
            out["old_index"] = self.old_index
        out["blocks"] = [b.to_dict() for b in self.blocks]
        return out


@dataclass(frozen=True)
class GroupChange:
    """A top heading of the outline on both sides (`status` unchanged, changed, added or removed)."""

    id: str
    heading: str | None
    status: SectionStatus
    old_id: str | None = None         # its id in the old document, when another
    old_heading: str | None = None
    old_index: int | None = None      # its position among the old document's groups

    @property
    def heading_changed(self) -> bool:
        """Readers see another heading (a new, removed or reworded one)."""
        if self.status is SectionStatus.ADDED:
            return bool(self.heading)
        if self.status is SectionStatus.REMOVED:
            return bool(self.old_heading)
        return self.status is SectionStatus.CHANGED

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "heading": self.heading, "status": self.status.value}
        if self.old_id is not None and self.old_id != self.id:
            out["old_id"] = self.old_id
        if self.old_index is not None:
            out["old_index"] = self.old_index
            if self.old_heading != self.heading:
                out["old_heading"] = self.old_heading
        return out


@dataclass(frozen=True)
class Redline:
    """All changes from `old_label` to `new_label` of one statement in one region."""

    statement: str
    region: str
    old_label: str
    new_label: str
    sections: tuple[SectionChange, ...] = field(default_factory=tuple)
    title: str = ""
    old_title: str | None = None
    groups: tuple[GroupChange, ...] = ()
    # The two documents, so that unchanged sections can be written out in full on demand.
    old_document: ResolvedDocument | None = field(default=None, repr=False, compare=False)
    new_document: ResolvedDocument | None = field(default=None, repr=False, compare=False)

    @property
    def title_changed(self) -> bool:
        return self.old_title is not None and self.old_title != self.title

    @property
    def headings(self) -> tuple[GroupChange, ...]:
        """The top headings readers see changed (reworded, added or removed)."""
        return tuple(g for g in self.groups if g.heading_changed)

    def counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in SectionStatus}
        for section in self.sections:
            counts[section.status.value] += 1
        counts["headings"] = len(self.headings)
        counts["title"] = int(self.title_changed)
        return counts

    @property
    def changed(self) -> bool:
        return self.title_changed or bool(self.headings) or any(s.is_change for s in self.sections)

    def summary(self) -> str:
        """'3 sections changed, 1 added, 1 moved, 1 heading changed' (or 'no changes')."""
        counts = self.counts()
        parts: list[str] = []
        for status, label in ((SectionStatus.CHANGED, "changed"), (SectionStatus.ADDED, "added"),
                              (SectionStatus.REMOVED, "removed"), (SectionStatus.MOVED, "moved")):
            n = counts[status.value]
            if n:
                parts.append(f"{n} section{'s' if n != 1 else ''} {label}" if not parts else f"{n} {label}")
        if counts["headings"]:
            n = counts["headings"]
            parts.append(f"{n} heading{'s' if n != 1 else ''} changed")
        if counts["title"]:
            parts.append("title changed")
        return ", ".join(parts) if parts else "no changes"

    def sentence(self) -> str:
        """The summary as a sentence: '3 sections changed, 1 added.'"""
        summary = self.summary()
        return summary[:1].upper() + summary[1:] + "."

    def text_size(self) -> int:
        """About how many characters of text the redline holds (for caches bounded by size)."""
        return sum(2 * len(block.text) for section in self.sections for change in section.blocks
                   for block in (change.old, change.new) if block is not None)

    def distinct_titles(self) -> dict[str, str]:
        """Each changed section's title as the redline heads it, no two alike (section id -> title).

        Two sections can share a title (an imported preamble and the introduction after it, both
        "Introduction"): one heading would then stand for two sections. The one readers know by
        that title (its heading shown, or a top heading of those words over it) keeps it; each
        other is told apart by its opening words: 'Introduction — “Effective: August 16, …”'."""
        shown = [s for s in self.sections if s.is_change]
        titles = {s.id: s.title for s in shown}
        by_title: dict[str, list[SectionChange]] = {}
        for section in shown:
            by_title.setdefault(section.title, []).append(section)
        for title, alike in by_title.items():
            if len(alike) < 2:
                continue
            keep = next((s for s in alike if s.heading_shown or self._group_heading(s) == title), alike[0])
            for section in alike:
                opening = self._opening(section) if section is not keep else ""
                if opening:
                    titles[section.id] = f"{title} — “{opening}”"
        return titles

    def _group_heading(self, section: SectionChange) -> str | None:
        document = self.old_document if section.status is SectionStatus.REMOVED else self.new_document
        if document is None:
            return None
        return next((g.heading for g in document.groups if g.id == section.group), None)

    def _opening(self, section: SectionChange, words: int = 6) -> str:
        """The first words of a section's first block (on the side readers have)."""
        blocks = [b.new or b.old for b in section.blocks] or list(split_blocks(self._text_of(section)))
        text = next((b.text for b in blocks if b is not None and b.text.strip()), "")
        cut = text.split()
        return " ".join(cut[:words]) + ("…" if len(cut) > words else "")

    def complete_sections(self) -> tuple[SectionChange, ...]:
        """Every section with all its blocks, unchanged and moved ones included."""
        if self.new_document is None or self.old_document is None:
            return self.sections
        return tuple(section if section.blocks or section.status not in (SectionStatus.UNCHANGED,
                                                                         SectionStatus.MOVED)
                     else replace(section, blocks=_equal_blocks(split_blocks(self._text_of(section))))
                     for section in self.sections)

    def _text_of(self, section: SectionChange) -> str:
        found = self.new_document.section(section.id) if self.new_document else None
        return found.markdown if found else ""

    def to_dict(self) -> dict[str, Any]:
        """The whole redline as JSON data: enough to rebuild either side (see `rebuild`)."""
        out: dict[str, Any] = {
            "statement": self.statement, "region": self.region, "from": self.old_label, "to": self.new_label,
            "summary": self.summary(), "counts": self.counts(), "title": self.title,
        }
        if self.title_changed:
            out["old_title"] = self.old_title
        out["groups"] = [g.to_dict() for g in self.groups]
        out["sections"] = [s.to_dict() for s in self.complete_sections()]
        return out


# -- reading and rebuilding ----------------------------------------------------------------

def reading(document: ResolvedDocument) -> list[tuple[str, str]]:
    """What a reader reads, in order: ('title', …), ('heading', …), ('section', title), then
    (block kind, text) for every block; the form both sides of a redline rebuild to."""
    out = [("title", document.title)]
    for group in document.groups:
        members = document.sections_in(group.id)
        if not members:
            continue
        if group.heading:
            out.append(("heading", group.heading))
        for section in members:
            if section.show_heading:
                out.append(("section", section.title))
            out.extend((b.kind.value, b.text) for b in split_blocks(section.markdown))
    return out


def rebuild(data: dict[str, Any], side: str) -> list[tuple[str, str]]:
    """The reading of one side ('old' or 'new') from a redline's JSON data (`Redline.to_dict`)."""
    old = side == "old"
    out = [("title", data.get("old_title", data["title"]) if old else data["title"])]
    if old:
        sections = sorted((s for s in data["sections"] if "old_index" in s), key=lambda s: s["old_index"])
        groups = sorted((g for g in data["groups"] if "old_index" in g), key=lambda g: g["old_index"])
    else:
        sections = [s for s in data["sections"] if s["status"] != "removed"]
        groups = [g for g in data["groups"] if g["status"] != "removed"]
    for group in groups:
        gid = group.get("old_id", group["id"]) if old else group["id"]
        members = [s for s in sections if (s.get("old_group", s["group"]) if old else s["group"]) == gid]
        if not members:
            continue
        heading = group.get("old_heading", group["heading"]) if old else group["heading"]
        if heading:
            out.append(("heading", heading))
        for section in members:
            shown = section.get("old_heading_shown", section.get("heading_shown", True)) if old \
                else section.get("heading_shown", True)
            if shown:
                out.append(("section", section.get("old_title", section["title"]) if old else section["title"]))
            blocks = [b for b in section["blocks"] if ("old_index" in b if old else "new" in b)]
            if old:
                blocks.sort(key=lambda b: b["old_index"])
                out.extend((b.get("old_kind", b["kind"]), b.get("old", b.get("new"))) for b in blocks)
            else:
                out.extend((b["kind"], b["new"]) for b in blocks)
    return out


# -- words ---------------------------------------------------------------------------------

_TOKEN = compiled(r"\w+|[^\w\s]|\s+")


def word_diff_text(old: str, new: str) -> tuple[WordOp, ...]:
    """Word-level operations turning the text `old` into `new` (near-linear in their length)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    opcodes = align(a, b)
    ops: list[WordOp] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            text = "".join(a[i1:i2])
            # A space between two changes is part of them: "<del>7 days</del><ins>3 months</ins>",
            # not a change for each word.
            if text.isspace() and 0 < k < len(opcodes) - 1:
                _add(ops, "delete", text)
                _add(ops, "insert", text)
            else:
                _add(ops, "equal", text)
            continue
        if i2 > i1:
            _add(ops, "delete", "".join(a[i1:i2]))
        if j2 > j1:
            _add(ops, "insert", "".join(b[j1:j2]))
    return tuple(ops)


def word_diff(old: Block | str, new: Block | str) -> tuple[WordOp, ...]:
    """Word-level operations turning `old` into `new`; table rows with the same cells filled
    are compared cell by cell, so no mark spans two cells."""
    if isinstance(old, str) or isinstance(new, str):
        return word_diff_text(str(getattr(old, "text", old)), str(getattr(new, "text", new)))
    if old.kind is BlockKind.ROW and new.kind is BlockKind.ROW and [bool(c) for c in old.cells] == \
            [bool(c) for c in new.cells]:
        ops: list[WordOp] = []
        for k, (a, b) in enumerate((a, b) for a, b in zip(old.cells, new.cells, strict=True) if a):
            if k:
                _add(ops, "equal", CELL_SEPARATOR)
            for op in word_diff_text(a, b):
                _add(ops, op.op, op.text)
        return tuple(ops)
    return word_diff_text(old.text, new.text)


def _add(ops: list[WordOp], op: str, text: str) -> None:
    """Append, merging with the previous operation of the same kind."""
    if not text:
        return
    if ops and ops[-1].op == op:
        ops[-1] = WordOp(op, ops[-1].text + text)
    elif op == "insert" and len(ops) >= 2 and ops[-1].op == "delete" and ops[-2].op == "insert":
        ops[-2] = WordOp("insert", ops[-2].text + text)
    elif op == "delete" and len(ops) >= 2 and ops[-1].op == "insert" and ops[-2].op == "delete":
        ops[-2] = WordOp("delete", ops[-2].text + text)
    else:
        ops.append(WordOp(op, text))


def link_changes(old: Iterable[Link], new: Iterable[Link]) -> tuple[LinkChange, ...]:
    """Links whose target changed, matched by their text (in order for repeated texts)."""
    olds: dict[str, list[str]] = {}
    for link in old:
        olds.setdefault(link.text, []).append(link.target)
    out = []
    for link in new:
        before = olds.get(link.text)
        if before:
            target = before.pop(0)
            if target != link.target:
                out.append(LinkChange(link.text, target, link.target))
        else:
            out.append(LinkChange(link.text, None, link.target))
    out.extend(LinkChange(text, target, None) for text, targets in olds.items() for target in targets)
    return tuple(out)


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """The part of the larger word set that the two share (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


# -- blocks --------------------------------------------------------------------------------

def diff_blocks(old_md: str, new_md: str) -> tuple[BlockChange, ...]:
    """The block changes from one section text to another (every block of both sides)."""
    old_blocks, new_blocks = split_blocks(old_md), split_blocks(new_md)
    out: list[BlockChange] = []
    for tag, i1, i2, j1, j2 in align([b.key for b in old_blocks], [b.key for b in new_blocks]):
        if tag == "equal":
            for old, new in zip(old_blocks[i1:i2], new_blocks[j1:j2], strict=True):
                status = BlockStatus.EQUAL if old == new else BlockStatus.WHITESPACE
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
    return tuple(_units(_moved_blocks(numbered)))


def _equal_blocks(blocks: Iterable[Block]) -> tuple[BlockChange, ...]:
    return tuple(BlockChange(BlockStatus.EQUAL, b, b, old_index=i) for i, b in enumerate(blocks))


def _moved_blocks(changes: list[BlockChange]) -> list[BlockChange]:
    """A block removed in one place of a section and added in another was moved there: unchanged
    (same markup), or reworded (most of its words the same), then with its word changes. It is
    shown once, at its new place ("moved within the section"), never as moved from or to the
    section it is in."""
    removed: dict[str, list[int]] = {}
    for i, change in enumerate(changes):
        if change.status is BlockStatus.REMOVED and change.old is not None:
            removed.setdefault(change.old.key, []).append(i)
    pairs: dict[int, int] = {}       # index of the added block -> index of the removed one
    for i, change in enumerate(changes):
        if change.status is BlockStatus.ADDED and change.new is not None and removed.get(change.new.key):
            pairs[i] = removed[change.new.key].pop(0)
    # Moved and reworded: a list item moved to the end of its list and given an "or".
    taken = set(pairs.values())
    olds = {i: c.old.text for i, c in enumerate(changes)  # type: ignore[union-attr]
            if c.status is BlockStatus.REMOVED and i not in taken}
    news = {i: c.new.text for i, c in enumerate(changes)  # type: ignore[union-attr]
            if c.status is BlockStatus.ADDED and i not in pairs}
    reworded = {target: source for source, target in _similar_pairs(olds, news, MOVED_SIMILAR)}
    # Moved and made a part of another block (a sub-heading and its paragraph joined into one item).
    # (Only across a block that stayed: beside each other, the run's pairing has spoken.)
    parts = _moved_parts({i: changes[i].old for i in olds if i not in reworded.values()},  # type: ignore[misc]
                         {i: changes[i].new for i in news if i not in reworded})  # type: ignore[misc]
    if parts:
        stayed = [i for i, c in enumerate(changes) if c.status not in (BlockStatus.REMOVED, BlockStatus.ADDED)]
        reworded |= {k: i for k, i in parts.items()
                     if bisect.bisect(stayed, min(i, k)) != bisect.bisect(stayed, max(i, k))}
    if not pairs and not reworded:
        return changes
    taken |= set(reworded.values())
    out = []
    for i, change in enumerate(changes):
        if i in taken:
            continue
        if i in pairs:
            before = changes[pairs[i]]
            out.append(BlockChange(BlockStatus.MOVED, before.old, change.new, old_index=before.old_index))
        elif i in reworded and changes[reworded[i]].old_text == change.new_text:
            before = changes[reworded[i]]       # the same words in other markup
            out.append(BlockChange(BlockStatus.MOVED, before.old, change.new, old_index=before.old_index))
        elif i in reworded:
            before = changes[reworded[i]]
            out.append(BlockChange(BlockStatus.CHANGED, before.old, change.new,
                                   word_diff(before.old, change.new),  # type: ignore[arg-type]
                                   old_index=before.old_index, moved=True))
        else:
            out.append(change)
    return out


# A block beside a changed pair is a part of it (one paragraph split in two, two merged into one) when
# at least this share of its words are the other side's words, in order, after those of the pair
# (measured on the corpus: docs/design-notes.md, "Split and merged paragraphs").
UNIT_SHARE = 0.7
# ... and it has at least this many words (a lone "Or:" or "Yes." is in any block).
UNIT_WORDS = 3


def _units(changes: list[BlockChange]) -> list[BlockChange]:
    """A changed block split into it and the added blocks beside it (consecutive on the new side), or
    merged from it and the removed blocks beside it (consecutive on the old side), is one change: the
    head gets the `Unit` (its word changes across the parts), the others are marked `part`."""
    heads = [h for h, c in enumerate(changes) if c.status is BlockStatus.CHANGED and not c.moved
             and c.origin is None and c.kind is not BlockKind.ROW]
    if not heads:
        return changes
    news = [i for i, c in enumerate(changes) if c.new is not None]
    olds = sorted((i for i, c in enumerate(changes) if c.old is not None and c.origin is None),
                  key=lambda i: changes[i].old_index or 0)
    at = ({i: k for k, i in enumerate(news)}, {i: k for k, i in enumerate(olds)})
    taken: set[int] = set()
    out = list(changes)
    for h in heads:
        head = changes[h]
        for order, where, status in ((news, at[0], BlockStatus.ADDED), (olds, at[1], BlockStatus.REMOVED)):
            parts = _grown(changes, order, where[h], status, taken)
            if len(parts) > 1:
                break
        if len(parts) < 2:
            continue
        taken.update(parts)
        blocks = tuple((changes[p].new if status is BlockStatus.ADDED else changes[p].old) for p in parts)
        joined = " ".join(b.text for b in blocks)  # type: ignore[union-attr]
        if status is BlockStatus.ADDED:
            unit = Unit("split", blocks, word_diff_text(head.old_text, joined))  # type: ignore[arg-type]
        else:
            unit = Unit("merged", blocks, word_diff_text(joined, head.new_text))  # type: ignore[arg-type]
        out[h] = replace(head, unit=unit)
        for p in parts:
            if p != h:
                out[p] = replace(changes[p], part=True)
    return out


def _grown(changes: list[BlockChange], order: list[int], at: int, status: BlockStatus,
           taken: set[int]) -> list[int]:
    """The head `order[at]` and the blocks of `status` beside it (in `order`) that are parts of it."""
    head = changes[order[at]]
    one = (head.old if status is BlockStatus.ADDED else head.new).text.split()  # type: ignore[union-attr]
    parts = [order[at]]
    for step in (1, -1):
        k = at + step
        while 0 <= k < len(order):
            i = order[k]
            change = changes[i]
            if change.status is not status or change.part or i in taken or change.destination \
                    or change.kind is BlockKind.ROW:
                break
            trial = [*parts, i] if step > 0 else [i, *parts]
            if unit_share(one, [_side(changes[p], status) for p in trial], trial.index(i)) < UNIT_SHARE:
                break
            parts = trial
            k += step
    return parts


def _side(change: BlockChange, status: BlockStatus) -> list[str]:
    block = change.new if status is BlockStatus.ADDED else change.old
    return block.text.split()  # type: ignore[union-attr]


def unit_share(one: list[str], parts: list[list[str]], which: int) -> float:
    """The share of the words of `parts[which]` that a diff of `one` (the single block's words) against
    all `parts` (in order) keeps (0 for a part of fewer than `UNIT_WORDS` words)."""
    if len(parts[which]) < UNIT_WORDS:
        return 0.0
    start = sum(len(p) for p in parts[:which])
    end = start + len(parts[which])
    kept = 0
    for tag, _, _, j1, j2 in align(one, [w for p in parts for w in p]):
        if tag == "equal":
            kept += max(0, min(j2, end) - max(j1, start))
    return kept / len(parts[which])


def _moved_parts(olds: dict[int, Block], news: dict[int, Block]) -> dict[int, int]:
    """Added block -> removed block it holds as a part (at least `_PART` of the shorter one's
    words, in order): the removed block that keeps the most words, each paired once; a row only
    with a row. Only in
    sections of at most `_PAIR_BUDGET` such pairs, so the search stays bounded."""
    if not olds or not news or len(olds) * len(news) > _PAIR_BUDGET:
        return {}
    sets = {i: _word_set(b.text) for i, b in olds.items()}
    found: list[tuple[int, int, int]] = []
    for k, new in news.items():
        theirs = _word_set(new.text)
        for i, old in olds.items():
            if not _is_part(old, new, len(sets[i] & theirs), min(len(sets[i]), len(theirs))):
                continue
            kept, together = _kept_words(old.text, new.text)
            if _part_in_order(old, new, together):
                found.append((kept, i, k))
    out: dict[int, int] = {}
    for _, i, k in sorted(found, reverse=True):
        if k not in out and i not in out.values():
            out[k] = i
    return out


# Replaced blocks are compared with every block of the other side when the run holds at most
# this many pairs (64 x 64 blocks); in a longer run each block is compared only with the blocks
# this far either side of its place, so pairing stays near-linear.
_PAIR_BUDGET = 4096
_PAIR_WINDOW = 16


def _pair_blocks(olds: tuple[Block, ...], news: tuple[Block, ...]) -> list[BlockChange]:
    """Pair replaced blocks by likeness, keeping their order: of every ordered pairing of alike
    blocks, the one that keeps the most words in place (what a diff of each pair's words leaves
    unmarked). A row inserted before a row that was barely touched reads as inserted (not as that
    row rewritten, and it as added), a list item that moved does not pull the items it crossed out
    of their pairs, and a paragraph split in two (or two merged) is paired with the part that keeps
    most of its words, not with a neighbour that shares a few common ones. Paired blocks get a word
    diff; the others are removed or added (and `_moved_blocks` pairs those that moved within the
    section)."""
    if not olds or not news:
        return [BlockChange(BlockStatus.REMOVED, old, None) for old in olds] + \
               [BlockChange(BlockStatus.ADDED, None, new) for new in news]
    new_words = [_word_set(b.text) for b in news]
    candidates: list[tuple[int, int, float]] = []
    whole = len(olds) * len(news) <= _PAIR_BUDGET
    for i, old in enumerate(olds):
        mine = _word_set(old.text)
        if whole:
            ks = range(len(news))
        else:
            centre = i * len(news) // len(olds)
            ks = range(max(0, centre - _PAIR_WINDOW), min(len(news), centre + _PAIR_WINDOW + 1))
        for k in ks:
            new = news[k]
            if new.text == old.text:
                # The same visible text (its markup changed) is the strongest pair there is.
                candidates.append((i, k, 2.0 * (len(old.text.split()) + 1)))
                continue
            theirs = new_words[k]
            shared = len(mine & theirs)
            # A table row keeps its label (its first filled cell) when its values change or it is
            # extended; a part of a split or merged block is mostly made of the other's words (only
            # where the parts are: a sentence that gained a clause alone is still one removed and one
            # added, which the detector reads as such; docs/design-notes.md, "Redline pairing").
            alike = (shared >= SIMILAR * max(len(mine), len(theirs), 1) or _same_row(old, new)
                     or _short_alike(old.text, new.text))
            part = not alike and _is_part(old, new, shared, min(len(mine), len(theirs))) \
                and len(olds if len(mine) < len(theirs) else news) > 1
            if not alike and not part:
                continue
            if len(olds) == len(news) == 1:
                candidates.append((i, k, 1.0))  # one block changed in place: nothing to choose
                continue
            kept, together = _kept_words(old.text, new.text)
            if part and not _part_in_order(old, new, together):
                continue    # its words are there, but scattered or out of order: not a part of it
            # A list item is paired within its list, a row within its table, before another kind.
            candidates.append((i, k, (kept + 1) * (1.0 if old.kind is new.kind else _OTHER_KIND)))
    out: list[BlockChange] = []
    i = k = 0
    for oi, nk in _heaviest_chain(candidates, len(news)):
        out.extend(BlockChange(BlockStatus.REMOVED, old, None) for old in olds[i:oi])
        out.extend(BlockChange(BlockStatus.ADDED, None, new) for new in news[k:nk])
        old, new = olds[oi], news[nk]
        if new.text == old.text:
            out.append(BlockChange(BlockStatus.FORMATTING, old, new))
        else:
            out.append(BlockChange(BlockStatus.CHANGED, old, new, word_diff(old, new)))
        i, k = oi + 1, nk + 1
    out.extend(BlockChange(BlockStatus.REMOVED, old, None) for old in olds[i:])
    out.extend(BlockChange(BlockStatus.ADDED, None, new) for new in news[k:])
    return out


# A block is a part of another (one half of a paragraph split in two, a row given an example) when
# at least this part of the shorter one's words are in the longer one, in order and in runs of at
# least _RUN_WORDS words, and at least _PART_WORDS of them.
_PART = 0.8
_PART_WORDS = 5
_RUN_WORDS = 3


def _is_part(old: Block, new: Block, shared: int, fewest: int) -> bool:
    """Whether one block may be a part of the other by the words they share (`shared` of the `fewest`
    distinct words of the one with fewer): a row only with a row. `_part_in_order` then reads their order."""
    return shared >= _PART_WORDS and shared >= _PART * fewest \
        and (old.kind is BlockKind.ROW) == (new.kind is BlockKind.ROW)


def _part_in_order(old: Block, new: Block, together: int) -> bool:
    """Whether the words the blocks keep `together` (in order, in runs: `_kept_words`) make a part."""
    return together >= _PART * min(len(old.text.split()), len(new.text.split()))


def _kept_words(old: str, new: str) -> tuple[int, int]:
    """How many (whitespace) words of `old` a diff keeps in `new`, in order, and how many of them
    in runs of `_RUN_WORDS` or more (a phrase kept, not a common word that happens to come in the
    same order). Cheaper than a word diff (no spaces or punctuation to align), as close for ranking."""
    kept = together = 0
    for tag, i1, i2, _, _ in align(old.split(), new.split()):
        if tag == "equal":
            kept += i2 - i1
            together += i2 - i1 if i2 - i1 >= _RUN_WORDS else 0
    return kept, together
# A pair of blocks of two kinds (a list item that became a paragraph) weighs this part of its words.
_OTHER_KIND = 0.75


# A block of at most this many words is compared by its words without their punctuation: in
# "Or:" → "Or at:" the one shared word is hidden by the colon.
_SHORT_WORDS = 3
_WORD = compiled(r"\w+")


def _short_alike(a: str, b: str) -> bool:
    """Two short blocks (a label, "Or:") that share most of their words, punctuation aside."""
    if min(len(a.split()), len(b.split())) > _SHORT_WORDS:
        return False
    mine, theirs = frozenset(_WORD.findall(a.lower())), frozenset(_WORD.findall(b.lower()))
    # Two labels of a few words, one holding the other ("Extensions" → "Extensions and Applications").
    within = max(len(a.split()), len(b.split())) <= _SHORT_WORDS and bool(mine) and bool(theirs) and \
        (mine <= theirs or theirs <= mine)
    return within or _overlap(mine, theirs) >= SIMILAR


def _row_label(block: Block) -> str:
    """A table row's label: its first filled cell, when other cells are filled too ('' otherwise)."""
    filled = [c for c in block.cells if c.strip()] if block.kind is BlockKind.ROW else []
    return " ".join(filled[0].lower().split()) if len(filled) > 1 else ""


# A row whose label begins with another row's label (or its first sentence) of at least this many
# words extends it.
_LABEL_WORDS = 3
_FIRST_SENTENCE = compiled(r".+?[.!?](?= )")


def _same_row(old: Block, new: Block) -> bool:
    """Two table rows of one label: the same first cell, or one that begins with the other's or
    with its first sentence (of a few words or more: a purpose given an example, "To process your
    payment. For example, …", or its example rewritten)."""
    a, b = _row_label(old), _row_label(new)
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    if a == b or (long.startswith(short) and len(short.split()) >= _LABEL_WORDS):
        return True
    # The same first sentence, its example rewritten ("To fulfill contractual obligations with third
    # parties. For example, our agreements …" → "… For example, when we provide pseudonymized data …").
    first = _FIRST_SENTENCE.match(a)
    return first is not None and len(first.group().split()) >= _LABEL_WORDS and b.startswith(first.group())


def _heaviest_chain(candidates: list[tuple[int, int, float]], width: int) -> list[tuple[int, int]]:
    """The pairs (i, k), increasing in both, whose scores sum highest: a weighted longest common
    subsequence over the candidate pairs (sorted by i), in O(n log n) with a tree of prefix maxima
    over k."""
    tree = [(0.0, -1)] * (width + 1)      # prefix maxima: (best sum, candidate ending it)
    back: list[int] = []
    best_sums: list[float] = []
    start = 0
    while start < len(candidates):
        end = start
        while end < len(candidates) and candidates[end][0] == candidates[start][0]:
            end += 1
        found = []
        for n in range(start, end):      # queries first: two pairs of one old block never chain
            k = candidates[n][1]
            best, where = 0.0, -1
            position = k                  # pairs ending before k
            while position > 0:
                if tree[position][0] > best:
                    best, where = tree[position]
                position -= position & -position
            found.append((best + candidates[n][2], where))
        for n, (total, where) in zip(range(start, end), found, strict=True):
            back.append(where)
            best_sums.append(total)
            position = candidates[n][1] + 1
            while position <= width:
                if total > tree[position][0]:
                    tree[position] = (total, n)
                position += position & -position
        start = end
    if not best_sums:
        return []
    n = max(range(len(best_sums)), key=lambda m: (best_sums[m], -m))
    chain = []
    while n >= 0:
        chain.append(candidates[n][:2])
        n = back[n]
    return [(i, k) for i, k in reversed(chain)]


def _moves_across(changes: list[SectionChange]) -> list[SectionChange]:
    """A block removed from one section and added to another was moved there: unchanged
    (same markup), or changed (most of its words the same), then with its word changes."""
    removed: list[tuple[int, int]] = []
    added: list[tuple[int, int]] = []
    for s, section in enumerate(changes):
        for b, block in enumerate(section.blocks):
            if block.part:
                continue        # shown as a part of a split or merged paragraph
            if block.status is BlockStatus.REMOVED and len(block.old.text.split()) >= MIN_MOVED_WORDS:  # type: ignore[union-attr]
                removed.append((s, b))
            elif block.status is BlockStatus.ADDED and len(block.new.text.split()) >= MIN_MOVED_WORDS:  # type: ignore[union-attr]
                added.append((s, b))
    if not removed or not added:
        return changes
    updates: dict[tuple[int, int], BlockChange] = {}

    def move(source: tuple[int, int], target: tuple[int, int], words: tuple[WordOp, ...] = ()) -> None:
        before = changes[source[0]].blocks[source[1]]
        after = changes[target[0]].blocks[target[1]]
        updates[source] = replace(before, status=BlockStatus.MOVED, destination=changes[target[0]].id)
        updates[target] = BlockChange(BlockStatus.CHANGED if words else BlockStatus.MOVED, before.old, after.new,
                                      words, old_index=before.old_index, origin=changes[source[0]].id)

    by_key: dict[str, list[tuple[int, int]]] = {}
    for where in removed:
        by_key.setdefault(changes[where[0]].blocks[where[1]].old.key, []).append(where)  # type: ignore[union-attr]
    for where in added:
        key = changes[where[0]].blocks[where[1]].new.key  # type: ignore[union-attr]
        source = next((src for src in by_key.get(key, ()) if src[0] != where[0] and src not in updates), None)
        if source is not None:
            move(source, where)
    # Moved and reworded: paired through an index of rare words, as renamed sections are.
    olds = {src: changes[src[0]].blocks[src[1]].old.text for src in removed if src not in updates}  # type: ignore[union-attr]
    news = {dst: changes[dst[0]].blocks[dst[1]].new.text for dst in added if dst not in updates}  # type: ignore[union-attr]
    # (A block moved within its own section was paired there: never "moved from" where it is.)
    for source, target in _similar_pairs(olds, news, MOVED_SIMILAR, allowed=lambda a, b: a[0] != b[0]):
        old_block = changes[source[0]].blocks[source[1]].old
        new_block = changes[target[0]].blocks[target[1]].new
        # The same words in other markup moved: shown as moved, with no word marked changed.
        move(source, target, word_diff(old_block, new_block) if old_block.text != new_block.text else ())
    if not updates:
        return changes
    return [replace(section, blocks=tuple(updates.get((s, b), block) for b, block in enumerate(section.blocks)))
            if any((s, b) in updates for b in range(len(section.blocks))) else section
            for s, section in enumerate(changes)]


# A block is reported as moved and reworded when it shares this part of its words.
MOVED_SIMILAR = 0.6
# Texts are indexed by at most this many of their rarest words, and each is compared with at
# most this many candidates: pairing stays near-linear in the number of texts.
_INDEX_WORDS = 8
_MAX_CANDIDATES = 32
_MAX_POSTINGS = 16


def _similar_pairs(olds: dict[Any, str], news: dict[Any, str], threshold: float,
                   allowed: Callable[[Any, Any], bool] | None = None) -> list[tuple[Any, Any]]:
    """Pairs (old key, new key) of texts sharing at least `threshold` of their words, each
    new text paired with its most similar free old text (exact equals first); `allowed(old key,
    new key)`, when given, says which pairs may be made."""
    if not olds or not news:
        return []
    words = {("o", k): _word_set(t) for k, t in olds.items()} | {("n", k): _word_set(t) for k, t in news.items()}
    frequency: Counter[str] = Counter()
    exact: dict[str, list[Any]] = {}
    for key, text in olds.items():
        frequency.update(words[("o", key)])
        if text:
            exact.setdefault(text, []).append(key)
    # Only words that few texts share are indexed: a word every text has tells nothing.
    index: dict[str, list[Any]] = {}
    for key in olds:
        rare = [w for w in words[("o", key)] if frequency[w] <= _MAX_POSTINGS]
        for word in sorted(rare, key=lambda w: (frequency[w], w))[:_INDEX_WORDS]:
            index.setdefault(word, []).append(key)
    pairs: list[tuple[Any, Any]] = []
    taken: set[Any] = set()
    for key, text in news.items():
        same = [k for k in exact.get(text, ()) if k not in taken and (allowed is None or allowed(k, key))]
        if same:
            pairs.append((same[0], key))
            taken.add(same[0])
            continue
        mine = words[("n", key)]
        if not mine:
            continue
        candidates: Counter[Any] = Counter()
        for word in sorted((w for w in mine if w in index), key=lambda w: (frequency[w], w))[:_INDEX_WORDS]:
            candidates.update(k for k in index[word] if k not in taken and (allowed is None or allowed(k, key)))
        best, best_score = None, threshold
        ranked = candidates.most_common(_MAX_CANDIDATES)
        for candidate, shared in ranked:
            if 2 * shared < ranked[0][1]:
                break   # shares less than half the rare words the best candidates share
            score = _overlap(mine, words[("o", candidate)])
            if score > best_score or (best is None and score >= best_score):
                best, best_score = candidate, score
        if best is not None:
            pairs.append((best, key))
            taken.add(best)
    return pairs


# -- sections ------------------------------------------------------------------------------

def redline(old: ResolvedDocument, new: ResolvedDocument, old_label: str = "previous",
            new_label: str = "current") -> Redline:
    """Compare two resolved documents of the same statement and region."""
    old_by_id = {s.id: s for s in old.sections}
    new_by_id = {s.id: s for s in new.sections}
    old_index = {s.id: i for i, s in enumerate(old.sections)}
    group_ids = _paired_groups(old, new)
    old_common = [s.id for s in old.sections if s.id in new_by_id]
    new_common = [s.id for s in new.sections if s.id in old_by_id]
    # Sections outside the longest common order changed place.
    in_order: set[str] = set()
    for tag, i1, i2, _, _ in align(old_common, new_common):
        if tag == "equal":
            in_order.update(old_common[i1:i2])
    moved = {sid for sid in new_common
             if sid not in in_order or group_ids.get(old_by_id[sid].group, "") != new_by_id[sid].group}

    renamed = _renamed_sections([s for s in old.sections if s.id not in new_by_id],
                                [s for s in new.sections if s.id not in old_by_id])
    changes: list[SectionChange] = []
    for section in new.sections:
        before = old_by_id.get(section.id) or renamed.get(section.id)
        if before is None:
            changes.append(SectionChange(section.id, section.title, SectionStatus.ADDED, group=section.group,
                                         blocks=_whole(section, BlockStatus.ADDED),
                                         heading_shown=section.show_heading))
            continue
        change = _compare(before, section, section.id in moved)
        changes.append(replace(change, old_index=old_index[before.id], old_group=before.group))
    # Removed sections are reported where they stood, after the new sections they followed.
    paired = {s.id for s in renamed.values()}
    position_of = {c.id: i for i, c in enumerate(changes)}
    inserted: dict[int, list[SectionChange]] = {}
    for index, section in enumerate(old.sections):
        if section.id in new_by_id or section.id in paired:
            continue
        removed = SectionChange(section.id, section.title, SectionStatus.REMOVED, group=section.group,
                                blocks=_whole(section, BlockStatus.REMOVED), old_index=index,
                                old_group=section.group, heading_shown=section.show_heading)
        anchor = next((old.sections[k].id for k in range(index - 1, -1, -1)
                       if old.sections[k].id in new_by_id), None)
        inserted.setdefault(-1 if anchor is None else position_of[anchor], []).append(removed)
    ordered = list(inserted.get(-1, []))
    for i, change in enumerate(changes):
        ordered.append(change)
        ordered.extend(inserted.get(i, []))
    sections = _moves_across(ordered)
    return Redline(new.statement, new.region, old_label, new_label, tuple(sections), title=new.title,
                   old_title=old.title, groups=_group_changes(old, new, group_ids),
                   old_document=old, new_document=new)


def _paired_groups(old: ResolvedDocument, new: ResolvedDocument) -> dict[str, str]:
    """Old group id -> new group id: the same id, or a renamed top heading (a new id holding
    the sections the old one held)."""
    new_ids = {g.id for g in new.groups}
    old_ids = {g.id for g in old.groups}
    pairs = {g.id: g.id for g in old.groups if g.id in new_ids}
    new_group_of = {s.id: s.group for s in new.sections}
    votes: dict[str, Counter[str]] = {}
    for section in old.sections:
        if section.group in pairs:
            continue
        target = new_group_of.get(section.id)
        if target is not None and target not in old_ids:
            votes.setdefault(section.group, Counter())[target] += 1
    taken: set[str] = set()
    for gid, counter in votes.items():
        for target, _ in counter.most_common():
            if target not in taken:
                pairs[gid] = target
                taken.add(target)
                break
    return pairs


def _group_changes(old: ResolvedDocument, new: ResolvedDocument,
                   group_ids: dict[str, str]) -> tuple[GroupChange, ...]:
    old_present = [g for g in old.groups if old.sections_in(g.id)]
    new_present = {g.id for g in new.groups if new.sections_in(g.id)}
    before = {group_ids[g.id]: (i, g) for i, g in enumerate(old_present) if group_ids.get(g.id) in new_present}
    out: list[GroupChange] = []
    for group in new.groups:
        if group.id not in new_present:
            continue
        if group.id in before:
            index, was = before[group.id]
            status = SectionStatus.UNCHANGED if was.heading == group.heading else SectionStatus.CHANGED
            out.append(GroupChange(group.id, group.heading, status, was.id, was.heading, index))
        else:
            out.append(GroupChange(group.id, group.heading, SectionStatus.ADDED))
    kept = {was.id for _, was in before.values()}
    for index, group in enumerate(old_present):
        if group.id not in kept:
            out.append(GroupChange(group.id, None, SectionStatus.REMOVED, group.id, group.heading, index))
    return tuple(out)


def _renamed_sections(removed: list[ResolvedSection], added: list[ResolvedSection]) -> dict[str, ResolvedSection]:
    """Pair a removed and an added section whose texts are nearly the same (a new id).

    Candidates are found through an index of the removed sections' rarest words, so 2,000
    renamed sections cost 2,000 look-ups rather than 4,000,000 comparisons.
    """
    if not removed or not added:
        return {}
    by_id = {s.id: s for s in removed}
    pairs = _similar_pairs({s.id: visible_text(s.markdown) for s in removed},
                           {s.id: visible_text(s.markdown) for s in added}, SIMILAR)
    return {new: by_id[old] for old, new in pairs}


def _whole(section: ResolvedSection, status: BlockStatus) -> tuple[BlockChange, ...]:
    blocks = split_blocks(section.markdown)
    if status is BlockStatus.ADDED:
        return tuple(BlockChange(status, None, b) for b in blocks)
    return tuple(BlockChange(status, b, None, old_index=i) for i, b in enumerate(blocks))


def _compare(old: ResolvedSection, new: ResolvedSection, moved: bool) -> SectionChange:
    """One section on both sides (a renamed one under its new id)."""
    heading = old.show_heading != new.show_heading
    title = old.title != new.title and (old.show_heading or new.show_heading)
    if old.markdown == new.markdown:
        blocks = _equal_blocks(split_blocks(new.markdown)) if title or heading else ()
    else:
        blocks = diff_blocks(old.markdown, new.markdown)
    if not (title or heading) and all(b.status is BlockStatus.EQUAL for b in blocks):
        # Readers see the same text (the Markdown differs only where the HTML does not).
        status = SectionStatus.MOVED if moved else SectionStatus.UNCHANGED
        return SectionChange(new.id, new.title, status, moved=moved, group=new.group,
                             heading_shown=new.show_heading)
    return SectionChange(new.id, new.title, SectionStatus.CHANGED, moved=moved, old_title=old.title,
                         group=new.group, blocks=blocks, heading_shown=new.show_heading,
                         old_heading_shown=old.show_heading)


def changed_blocks(result: Redline) -> Iterator[tuple[SectionChange, BlockChange]]:
    """Every block of every changed section that is not equal on both sides."""
    for section in result.sections:
        if section.is_change:
            for block in section.blocks:
                if block.status is not BlockStatus.EQUAL:
                    yield section, block
