"""Does a changed sentence reach a comparison? One sentence edited at every place of a long policy (split30).

    python tests/classify/reach.py POLICY.md [--mode append|block|inner|split|move] [--step N]

Each edit is made at one place of POLICY.md and the two versions are classified as whole policies, as
`privacykit classify` reads them. The prose reader is traced (not the label): an edit *reaches* a comparison when
the sentence it brought is paired with an old one (`_Judge.compare`), or is read as an added sentence
(`_Judge.added`). An added sentence the residual never read because its values were all found restated is
counted apart ("shielded": by design, not a loss of the splitting). The modes:
- append: a sentence appended to a line of text (a paragraph, a list item at any depth, a table cell);
- block: a new block after it (a paragraph, a list item at the same depth, a table row);
- inner: a clause inserted inside the line's first sentence;
- split: a section cut in two under a new heading ("More about …"), a clause inserted after the cut;
- move: a section moved to the end under another title, a clause inserted in it.
Lines that are headings, rules, fences or without words are passed over. Reads only the file it is given.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "plugins"))

from privacykit.changes import prose  # noqa: E402
from privacykit.changes.classify import classify_texts  # noqa: E402
from privacykit.load.rules import load_rules  # noqa: E402

MARK = "carrier pigeons"
SENTENCE = "We also sell your precise location to carrier pigeons."
CLAUSE = "your precise location sold to carrier pigeons, "
_RULE = re.compile(r"[|:\- ]+|[=\-]{2,}")
_ITEM = re.compile(r"( *)([-*+] |\d+[.)] )")
_JOINT = re.compile(r"[a-z]{3,}(,| and| or) ")


def _text_lines(lines: list[str]) -> Iterator[int]:
    fence = False
    for i, line in enumerate(lines):
        s = line.strip()
        if s.startswith(("```", "~~~")):
            fence = not fence
            continue
        below = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if fence or not s or _RULE.fullmatch(s) or s.startswith("#") or re.fullmatch(r"[=\-]{2,}", below) \
                or not re.search(r"[a-z]{3}", s) or s.startswith("<!--"):
            continue
        yield i


def _edited_line(lines: list[str], i: int, mode: str) -> list[str] | None:
    line = lines[i]
    cell = line.lstrip().startswith("|")
    if mode == "append":
        if cell:
            head, last = line.rstrip().rstrip("|").rsplit("|", 1)
            return [*lines[:i], f"{head}|{last.rstrip()} {SENTENCE} |", *lines[i + 1:]]
        return [*lines[:i], f"{line.rstrip()} {SENTENCE}", *lines[i + 1:]]
    if mode == "inner":
        joint = _JOINT.search(line)
        return None if joint is None else [*lines[:i], line[:joint.end()] + CLAUSE + line[joint.end():], *lines[i + 1:]]
    # block: after the line's block (its paragraph's last line), at its depth
    if cell:
        row = f"| {SENTENCE} " + "| x " * (line.count("|") - 2) + "|"
        return [*lines[:i + 1], row, *lines[i + 1:]]
    j = i
    while j + 1 < len(lines) and lines[j + 1].strip() and not lines[j + 1].lstrip().startswith(("|", "#")) \
            and not _ITEM.match(lines[j + 1]):
        j += 1
    item = _ITEM.match(line)
    added = [item.group(1) + item.group(2) + SENTENCE] if item else ["", " " * (len(line) - len(line.lstrip())) + SENTENCE]
    return [*lines[:j + 1], *added, *lines[j + 1:]]


def _section_edits(lines: list[str], mode: str) -> Iterator[tuple[int, list[str]]]:
    starts = [i for i, line in enumerate(lines) if re.match(r"#{1,6} ", line)] + [len(lines)]
    for a, b in itertools.pairwise(starts):
        level = re.match(r"#+", lines[a]).group(0)  # type: ignore[union-attr]
        title = lines[a].lstrip("# ").strip()
        paragraphs = [i for i in range(a + 1, b) if lines[i].strip() and not lines[i - 1].strip()
                      and re.match(r"[A-Z]", lines[i]) and _JOINT.search(lines[i])]
        if len(paragraphs) < 2:
            continue
        cut = paragraphs[len(paragraphs) // 2]
        joint = _JOINT.search(lines[cut])
        assert joint is not None
        edited = lines[cut][:joint.end()] + CLAUSE + lines[cut][joint.end():]
        if mode == "split":
            yield cut, [*lines[:cut], f"{level} More about {title}", "", edited, *lines[cut + 1:]]
        else:
            body = [edited if k == cut else lines[k] for k in range(a + 1, b)]
            yield cut, [*lines[:a], *lines[b:], "", f"{level} About {title}", *body]


def edits(text: str, mode: str) -> Iterator[tuple[int, str]]:
    """(line edited, new text) for each place of `text` the mode edits."""
    lines = text.split("\n")
    if mode in ("split", "move"):
        for i, new in _section_edits(lines, mode):
            yield i, "\n".join(new)
        return
    for i in _text_lines(lines):
        new_lines = _edited_line(lines, i, mode)
        if new_lines is not None:
            yield i, "\n".join(new_lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("policy", type=Path)
    parser.add_argument("--mode", default="append", choices=("append", "block", "inner", "split", "move"))
    parser.add_argument("--step", type=int, default=1, help="edit every Nth place only")
    args = parser.parse_args(argv)
    seen: list[tuple[str, str]] = []
    compare, added, residual = prose._Judge.compare, prose._Judge.added, prose._Practice.added_words

    def traced_compare(self, sid, old, new, *rest):  # type: ignore[no-untyped-def]
        seen.append(("compared", new.text))
        return compare(self, sid, old, new, *rest)

    def traced_added(self, sid, unit, *rest):  # type: ignore[no-untyped-def]
        seen.append(("added", unit.text))
        return added(self, sid, unit, *rest)

    def traced_residual(self, old_text, new, *rest):  # type: ignore[no-untyped-def]
        seen.append(("residual", new.text))
        return residual(self, old_text, new, *rest)

    prose._Judge.compare, prose._Judge.added = traced_compare, traced_added  # type: ignore[method-assign]
    prose._Practice.added_words = traced_residual  # type: ignore[method-assign]
    rules = load_rules()
    try:
        text = args.policy.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8"
        print(f"{args.policy}: cannot read ({reason}); give a policy in Markdown, UTF-8", file=sys.stderr)
        return 1
    lines = text.split("\n")
    places = list(edits(text, args.mode))[::args.step]
    lost = shielded = 0
    for i, new in places:
        seen.clear()
        result = classify_texts(text, new, rules)
        ways = {way for way, sentence in seen if MARK in sentence}
        if not ways:
            lost += 1
            print(f"never compared: line {i + 1} ({result.classification.value}): {lines[i][:120]!r}")
        elif ways == {"added"} and not result.findings:
            shielded += 1
            print(f"added, values found restated: line {i + 1}: {lines[i][:120]!r}")
    print(f"{args.policy} --mode {args.mode}: {len(places)} edits, {lost} never compared, {shielded} shielded")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
