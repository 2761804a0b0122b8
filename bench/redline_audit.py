"""Audit the redline on real histories: every consecutive pair of versions of the corpus'
development services, imported as a user would (`privacykit import --history --skip-invalid`).

    python bench/redline_audit.py                 # Reddit, Spotify, LinkedIn into a temporary project
    python bench/redline_audit.py --root DIR      # reuse (or create) the imported project at DIR
    python bench/redline_audit.py --show          # also print each fault found

It counts what a reviewer comparing the redline with `git diff --word-diff` would call wrong:

- *moved in place*: a block shown as moved from, or to, the section it is in (a move within a
  section must read as one block moved within the list, never "moved from/to" its own section);
- *shown twice*: a block shown as "moved to" its own section and again, at its new place, as
  "moved from" it (and changed);
- *mispaired*: a changed block paired with another block although a word diff of it and a
  block added (or removed) in the same section keeps more of its words;
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
- *markup lost*: a changed block whose links or emphasis (`<a>`, `<em>`, `<strong>`, `<code>`) the
  redline shows as plain text (counted, not a fault of the pairing: the redline shows text);
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
        out.append((tag, " ".join(html.unescape(text).split())))
    return out


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
            fault = _block_fault(block)
            if fault:
                counts[fault] += 1
                if show:
                    print(f"{fault}:", where, section.id, (block.new or block.old).text[:80])
            if block.status is BlockStatus.EQUAL:
                continue
            if block.status is BlockStatus.CHANGED and any(_MARKUP.search(b.html) for b in (block.old, block.new)):
                counts["markup lost"] += 1
            if marks(block_html(block, titles)) != marks(_block_markdown(block, titles), markdown=True):
                counts["markdown disagrees"] += 1
                if show:
                    print("markdown disagrees:", where, section.id, (block.new or block.old).text[:80])


def _block_fault(block) -> str | None:
    old, new = block.old, block.new
    if old is None or new is None:      # added, removed, or moved to another section
        return None
    if block.status is BlockStatus.CHANGED:
        spelled_old = "".join(w.text for w in block.words if w.op != "insert")
        spelled_new = "".join(w.text for w in block.words if w.op != "delete")
        if old.text == new.text or all(w.op == "equal" for w in block.words):
            return "shown changed, not changed"
        if spelled_old != old.text or spelled_new != new.text:
            return "change hidden"
        for a, b in itertools.pairwise(block.words):
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
                removed = [b for b in blocks if b.status is BlockStatus.REMOVED and not b.destination]
                added = [b for b in blocks if b.status is BlockStatus.ADDED]
                for block in blocks:
                    if block.status is not BlockStatus.CHANGED or block.origin or block.old is None:
                        continue
                    kept = kept_words(block.words)
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
    args = parser.parse_args()
    if args.services == ["all"]:
        args.services = list(ALL_SERVICES)
    with tempfile.TemporaryDirectory() as scratch:
        root = args.root or Path(scratch) / "project"
        import_histories(root, tuple(args.services))
        counts = audit(root, args.show)
    for key in ("statements", "pairs", "changed blocks", "moved in place", "shown twice", "mispaired",
                "replaced whole", "extended, shown replaced", "shown changed, not changed", "change hidden",
                "words torn", "markup lost", "markdown disagrees", "rebuild differs"):
        print(f"{key}: {counts[key]}")


if __name__ == "__main__":
    main()
