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

Nothing is written to the repository; the output is the counts (and, with `--show`, each case).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from privacykit.changes.redline import BlockStatus, redline, word_diff  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "privacy-policies"
SERVICES = ("Reddit", "Spotify", "LinkedIn")
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
        for before, after in itertools.pairwise(store.versions(statement)):
            old, new = store.document(before, "global"), store.document(after, "global")
            result = redline(old, new, before.id, after.id)
            counts["pairs"] += 1
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
    parser.add_argument("--services", nargs="*", default=list(SERVICES))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = args.root or Path(scratch) / "project"
        import_histories(root, tuple(args.services))
        counts = audit(root, args.show)
    for key in ("pairs", "changed blocks", "moved in place", "shown twice", "mispaired", "replaced whole",
                "extended, shown replaced"):
        print(f"{key}: {counts[key]}")


if __name__ == "__main__":
    main()
