"""Audit the redline on real histories: every consecutive pair of versions of the corpus'
development services, imported as a user would (`privacykit import --history --skip-invalid`).

    python bench/redline_audit.py                 # Reddit, Spotify, LinkedIn into a temporary project
    python bench/redline_audit.py --root DIR      # reuse (or create) the imported project at DIR
    python bench/redline_audit.py --show          # also print each fault found
    python bench/redline_audit.py --units         # the word shares that decide a split or merge

It counts what a reviewer comparing the redline with `git diff --word-diff` would call wrong:

- *moved in place*: a block shown as moved from, or to, the section it is in (a move within a
  section must read as one block moved within the list, never "moved from/to" its own section);
- *shown twice*: a block shown as "moved to" its own section and again, at its new place, as
  "moved from" it (and changed);
- *mispaired*: a changed block paired with another block although a word diff of it and a
  block added (or removed) in the same section keeps more of its words (a paragraph split or
  merged is compared as one: its word diff across its parts);
- *replaced whole*: a block removed and another added in the same section whose word diff
  changes at most a few words (a small edit shown as a paragraph replaced);
- *extended, shown replaced*: a block removed and one added beside it that keeps nearly all its
  words in order (a row given an example, shown as a row removed and another added).

And what a reader sees against what changed (every block, every pair):

- *shown changed, not changed*: a block marked changed, or with marked words, whose text is the
  same on both sides (or a section shown changed whose blocks are all the same);
- *change hidden*: a block shown unchanged (equal, spacing, formatting, moved) whose visible text
  differs, a changed block whose marked words do not spell both sides, or a section shown
  unchanged whose blocks differ;
- *words torn*: a mark that begins or ends inside a word ("inform<ins>ation</ins>");
- *markup lost*: a changed block whose links or emphasis (`<a>` with its target, `<em>`, `<strong>`,
  `<code>`, `<b>`, `<i>`) the HTML redline does not show as the block has them: the new side read
  from the redline (its deleted words left out) against the new block(s), and each deleted word
  against the old block's markup of it;
- *split or merged*: a changed block shown with the blocks beside it as one paragraph split or
  merged (counted, not a fault); *split or merged, words the same* of those, the ones whose words
  did not change (shown so, with nothing marked);
- *markdown disagrees*: a changed block whose marked words in the Markdown report
  (`privacykit diff --format markdown`) are not those of the HTML redline;
- *rebuild differs*: the redline's JSON does not rebuild either side's reading.

Nothing is written to the repository; the output is the counts (and, with `--show`, each case).
"""

from __future__ import annotations

import argparse
import html
import itertools
import re
import sys
import tempfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from privacykit.changes.redline import BlockStatus, SectionStatus, reading, rebuild, redline, split_blocks, word_diff  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "privacy-policies"
SERVICES = ("Reddit", "Spotify", "LinkedIn")
# Every service of the corpus (`--services all`).
ALL_SERVICES = tuple(sorted(p.name for p in CORPUS.iterdir() if p.is_dir())) if CORPUS.is_dir() else SERVICES
# A word diff changing at most this many words is "a small edit".
SMALL_EDIT = 3
# A block of at least KEPT_MIN words whose words are KEPT (in order) in a block added beside it
# was extended (an example, a cell filled in), not replaced.
KEPT_MIN = 5
KEPT = 0.8


def changed_words(words) -> int:
    return sum(len(w.text.split()) for w in words if w.op != "equal")


def kept_words(words) -> int:
    return sum(len(w.text.split()) for w in words if w.op == "equal")


_MARKS = re.compile(r"<(ins|del)>(.*?)</\1>", re.S)
_TORN = re.compile(r"\w")
_MARKUP = re.compile(r"<(a|em|strong|code|b|i)\b")
_MD_ESCAPE = re.compile(r"\\([\\`*_\[\]|~])")


def marks(html_or_md: str, markdown: bool = False) -> list[tuple[str, str]]:
    """The marked words of a rendered block, in order: [("ins", "3 months"), ("del", "7 days")]."""
    out = []
    for tag, text in _MARKS.findall(html_or_md):
        if markdown:
            text = _MD_ESCAPE.sub(r"\1", text)
        else:
            text = _TAG.sub("", text)       # a link or emphasis inside the mark
        out.append((tag, " ".join(html.unescape(text).split())))
    return out


_TAG = re.compile(r"<[^>]*>")
_KEPT = frozenset({"a", "em", "strong", "code", "b", "i"})
_DROPPED = ("pk-badge", "pk-redline__link")


class _Chars(HTMLParser):
    """The characters of HTML with the links and emphasis around each, as a reader sees them:
    [("o", (("a", "https://…"), ("em", ""))), …]; `leave` ("ins" or "del") is left out with its words,
    notes (badges, link notes) too; `only` keeps only the words inside that mark."""

    def __init__(self, leave: str = "", only: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.leave, self.only = leave, only
        self.styles: list[tuple[str, str]] = []
        self.skip: list[str] = []
        self.inside = 0
        self.chars: list[tuple[str, tuple[tuple[str, str], ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if self.skip or tag == self.leave or any(c in (values.get("class") or "") for c in _DROPPED):
            self.skip.append(tag)
        elif tag == self.only:
            self.inside += 1
        elif tag in _KEPT:
            self.styles.append((tag, values.get("href") or "" if tag == "a" else ""))
        elif tag in ("td", "th"):
            self.chars.append(("\0", ()))      # a cell begins
        elif tag in ("p", "br"):
            self.chars.append((" ", ()))

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            self.skip.pop()
        elif tag == self.only:
            self.inside -= 1
        elif tag in _KEPT and self.styles:
            self.styles.pop()

    def handle_data(self, data: str) -> None:
        if not self.skip and (not self.only or self.inside):
            self.chars.extend((c, tuple(self.styles)) for c in data)


def _chars(fragment: str, leave: str = "", only: str = "") -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    reader = _Chars(leave, only)
    reader.feed(fragment)
    reader.close()
    return reader.chars


def _reading(fragment: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """A block's characters as its text has them: spaces collapsed, a row's filled cells joined by " | "."""
    cells: list[list[tuple[str, tuple[tuple[str, str], ...]]]] = [[]]
    for char, style in _chars(fragment):
        if char == "\0":
            cells.append([])
        elif not char.isspace():
            cells[-1].append((char, style))
        elif cells[-1] and cells[-1][-1][0] != " ":
            cells[-1].append((" ", style))
    out: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    for cell in cells:
        while cell and cell[-1][0] == " ":
            cell.pop()
        if cell:
            out.extend([(c, ()) for c in " | "] if out else [])
            out.extend(cell)
    return out


def _styled_runs(chars) -> list[tuple[tuple[tuple[str, str], ...], str]]:
    """Runs of characters inside links or emphasis: [(their style, their words)], spacing aside."""
    runs: list[tuple[tuple[tuple[str, str], ...], str]] = []
    for char, style in chars:
        if char.isspace() and runs and style == runs[-1][0]:
            runs[-1] = (style, runs[-1][1] + " ")
        elif not char.isspace() and style:
            if runs and runs[-1][0] == style:
                runs[-1] = (style, runs[-1][1] + char)
            else:
                runs.append((style, char))
    return [(style, " ".join(text.split())) for style, text in runs]


def markup_lost(block, shown: str) -> bool:
    """The HTML redline `shown` of a changed block loses links or emphasis: its new reading (deleted
    words left out) has other ones than the new block(s), or a deleted word other ones than the old
    block gave it."""
    olds, news = block.sides()
    if not any(_MARKUP.search(b.html) for b in (*olds, *news)):
        return False
    expected = [c for n, b in enumerate(news) for c in ([(" ", ())] if n else []) + _reading(b.html)]
    if _styled_runs(_chars(shown, leave="del")) != _styled_runs(expected):
        return True
    # Each deleted character against the old side's markup of it.
    collapsed = [c for n, b in enumerate(olds) for c in ([(" ", ())] if n else []) + _reading(b.html)]
    if "".join(c for c, _ in collapsed) != " ".join(b.text for b in olds):
        return True     # the redline cannot be checked against it (nor can it be shown with it)
    words = block.unit.words if block.unit is not None else block.words
    deleted, at = [], 0
    for word in words:
        if word.op == "delete":
            deleted.extend(collapsed[at:at + len(word.text)])
        at += 0 if word.op == "insert" else len(word.text)
    shown_deleted = [c for c in _chars(shown, only="del") if not c[0].isspace() and c[0] != "\0"]
    return [c for c in deleted if not c[0].isspace()] != shown_deleted


def fidelity(result, counts: Counter[str], show: bool, where: str) -> None:
    """What a reader sees against what changed (see the module's notes)."""
    from privacykit.changes.report import _block_markdown, block_html

    titles = {s.id: s.title for s in result.sections} | result.distinct_titles()
    for section in result.sections:
        olds = result.old_document.section(section.id) if result.old_document else None
        news = result.new_document.section(section.id) if result.new_document else None
        if section.status in (SectionStatus.UNCHANGED, SectionStatus.MOVED) and olds and news and \
                [b.key for b in split_blocks(olds.markdown)] != [b.key for b in split_blocks(news.markdown)]:
            counts["change hidden"] += 1
            if show:
                print("change hidden (section):", where, section.id)
        if section.status is SectionStatus.CHANGED and not section.renamed and not section.heading_toggled \
                and section.blocks and all(b.status is BlockStatus.EQUAL for b in section.blocks):
            counts["shown changed, not changed"] += 1
        for block in section.blocks:
            if block.part:
                continue        # shown with the paragraph it was split from or merged into
            if block.unit is not None:
                counts["split or merged"] += 1
                counts["split or merged, words the same"] += not block.unit.changed
            fault = _block_fault(block)
            if fault:
                counts[fault] += 1
                if show:
                    print(f"{fault}:", where, section.id, (block.new or block.old).text[:80])
            if block.status is BlockStatus.EQUAL:
                continue
            shown = block_html(block, titles)
            if block.status is BlockStatus.CHANGED and markup_lost(block, shown):
                counts["markup lost"] += 1
                if show:
                    print("markup lost:", where, section.id, (block.new or block.old).text[:80])
            if marks(shown) != marks(_block_markdown(block, titles), markdown=True):
                counts["markdown disagrees"] += 1
                if show:
                    print("markdown disagrees:", where, section.id, (block.new or block.old).text[:80])


def _block_fault(block) -> str | None:
    old, new = block.old, block.new
    if old is None or new is None:      # added, removed, or moved to another section
        return None
    if block.status is BlockStatus.CHANGED:
        olds, news = block.sides()
        old_text, new_text = " ".join(b.text for b in olds), " ".join(b.text for b in news)
        words = block.unit.words if block.unit is not None else block.words
        spelled_old = "".join(w.text for w in words if w.op != "insert")
        spelled_new = "".join(w.text for w in words if w.op != "delete")
        if block.unit is not None and not block.unit.changed:
            # Shown as split or merged, the words the same: only where they break must differ.
            return "change hidden" if old_text != new_text else None
        if old_text == new_text or all(w.op == "equal" for w in words):
            return "shown changed, not changed"
        if spelled_old != old_text or spelled_new != new_text:
            return "change hidden"
        for a, b in itertools.pairwise(words):
            if a.op != b.op and _TORN.match(a.text[-1:]) and _TORN.match(b.text[:1]) and \
                    (a.op, b.op) not in (("delete", "insert"), ("insert", "delete")):
                return "words torn"
        return None
    if block.status is BlockStatus.EQUAL and old.key != new.key:
        return "change hidden"
    if block.status in (BlockStatus.WHITESPACE, BlockStatus.FORMATTING, BlockStatus.MOVED) and \
            old.text != new.text:
        return "change hidden"
    if block.status is BlockStatus.WHITESPACE and old.html.split() != new.html.split():
        return "change hidden"
    return None


def unit_candidates(result):
    """Every changed pair's nearest added neighbour on the new side and removed neighbour on the old
    side, with the share of its words a diff of the single block against the two keeps (what
    `UNIT_SHARE` thresholds): (kind, share, the single block's text, the neighbour's text)."""
    from privacykit.changes.redline import BlockKind, unit_share

    for section in result.sections:
        blocks = list(section.blocks)
        for h, head in enumerate(blocks):
            if head.status is not BlockStatus.CHANGED or head.moved or head.origin or head.kind is BlockKind.ROW:
                continue
            for step in (-1, 1):
                k = h + step
                while 0 <= k < len(blocks) and blocks[k].new is None:
                    k += step
                if 0 <= k < len(blocks) and blocks[k].status is BlockStatus.ADDED and \
                        blocks[k].kind is not BlockKind.ROW:
                    parts = [head.new.text.split(), blocks[k].new.text.split()][::step]
                    yield "split", unit_share(head.old.text.split(), parts, 0 if step < 0 else 1), \
                        head.old.text, blocks[k].new.text
                near = next((b for b in blocks if b.old is not None and b.origin is None
                             and b.old_index == head.old_index + step), None)
                if near is not None and near.status is BlockStatus.REMOVED and near.kind is not BlockKind.ROW:
                    parts = [head.old.text.split(), near.old.text.split()][::step]
                    yield "merged", unit_share(head.new.text.split(), parts, 0 if step < 0 else 1), \
                        head.new.text, near.old.text


def measure_units(root: Path) -> None:
    """The shares of every candidate part (with no unit made), in tenths, and the cases from 0.4 up."""
    from privacykit.changes import redline as module
    from privacykit.versions.store import VersionStore

    store, found = VersionStore(root), []
    kept, module.UNIT_SHARE = module.UNIT_SHARE, 2.0     # no unit: the raw neighbours
    try:
        for statement in store.statements():
            for before, after in itertools.pairwise(store.versions(statement)):
                result = redline(store.document(before, "global"), store.document(after, "global"))
                found += [(c, f"{statement} {before.id}") for c in unit_candidates(result)]
    finally:
        module.UNIT_SHARE = kept
    for kind in ("split", "merged"):
        tenths = Counter(min(int(share * 10), 9) for (k, share, _, _), _ in found if k == kind)
        print(f"{kind}: " + " ".join(f"{n / 10:.1f}+:{tenths[n]}" for n in range(10)))
    for (kind, share, one, part), where in sorted(found, key=lambda c: c[0][1]):
        if share >= 0.4:
            print(f"{share:.2f} {kind} {where}: {one[:60]!r} / {part[:60]!r}")


def import_histories(root: Path, services: tuple[str, ...]) -> None:
    from click.testing import CliRunner

    from privacykit.cli_app import cli

    for service in services:
        if (root / "versions" / service.lower()).exists():
            continue
        history = CORPUS / service
        latest = sorted(history.glob("*.md"))[-1]
        result = CliRunner().invoke(cli, ["import", str(latest), "--statement", service.lower(), "--history",
                                          str(history), "--skip-invalid", "--root", str(root)])
        if result.exit_code != 0:
            raise SystemExit(result.output)


def audit(root: Path, show: bool) -> Counter[str]:
    from privacykit.versions.store import VersionStore

    store = VersionStore(root)
    counts: Counter[str] = Counter()
    for statement in store.statements():
        counts["statements"] += 1
        for before, after in itertools.pairwise(store.versions(statement)):
            old, new = store.document(before, "global"), store.document(after, "global")
            result = redline(old, new, before.id, after.id)
            counts["pairs"] += 1
            fidelity(result, counts, show, f"{statement} {before.id}→{after.id}")
            data = result.to_dict()
            if rebuild(data, "old") != reading(old) or rebuild(data, "new") != reading(new):
                counts["rebuild differs"] += 1
                if show:
                    print("rebuild differs:", statement, before.id, after.id)
            for section in result.sections:
                where = f"{statement} {before.id}→{after.id} [{section.id}]"
                blocks = section.blocks
                for block in blocks:
                    counts["changed blocks"] += block.status is not BlockStatus.EQUAL
                    if section.id in (block.origin, block.destination):
                        counts["moved in place"] += 1
                        if show:
                            print("moved in place:", where, (block.new or block.old).text[:80])
                # Shown twice: once as moved to this section, again as moved from it (and changed).
                counts["shown twice"] += sum(1 for b in blocks if b.origin == section.id)
                removed = [b for b in blocks if b.status is BlockStatus.REMOVED and not b.destination and not b.part]
                added = [b for b in blocks if b.status is BlockStatus.ADDED and not b.part]
                for block in blocks:
                    if block.status is not BlockStatus.CHANGED or block.origin or block.old is None:
                        continue
                    kept = kept_words(block.unit.words if block.unit is not None else block.words)
                    better = [a for a in added if kept_words(word_diff(block.old, a.new)) > kept] + \
                             [r for r in removed if kept_words(word_diff(r.old, block.new)) > kept]
                    if better:
                        counts["mispaired"] += 1
                        if show:
                            print("mispaired:", where, block.old.text[:60], "→", block.new.text[:60])
                for r in removed:
                    for a in added:
                        if a.new.kind != r.old.kind:
                            continue
                        words = word_diff(r.old, a.new)
                        if changed_words(words) <= SMALL_EDIT:
                            counts["replaced whole"] += 1
                            if show:
                                print("replaced whole:", where, r.old.text[:60], "→", a.new.text[:60])
                        elif len(r.old.text.split()) >= KEPT_MIN and \
                                kept_words(words) >= KEPT * len(r.old.text.split()):
                            counts["extended, shown replaced"] += 1
                            if show:
                                print("extended, shown replaced:", where, r.old.text[:60], "→", a.new.text[:60])
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, help="the imported project (created when missing)")
    parser.add_argument("--show", action="store_true", help="print each fault")
    parser.add_argument("--services", nargs="*", default=list(SERVICES),
                        help="services of the corpus ('all': every one)")
    parser.add_argument("--units", action="store_true",
                        help="measure the word shares of the blocks beside changed pairs (UNIT_SHARE) instead")
    args = parser.parse_args()
    if args.services == ["all"]:
        args.services = list(ALL_SERVICES)
    with tempfile.TemporaryDirectory() as scratch:
        root = args.root or Path(scratch) / "project"
        import_histories(root, tuple(args.services))
        if args.units:
            measure_units(root)
            return
        counts = audit(root, args.show)
    for key in ("statements", "pairs", "changed blocks", "moved in place", "shown twice", "mispaired",
                "replaced whole", "extended, shown replaced", "shown changed, not changed", "change hidden",
                "words torn", "markup lost", "split or merged", "split or merged, words the same",
                "markdown disagrees", "rebuild differs"):
        print(f"{key}: {counts[key]}")


if __name__ == "__main__":
    main()
