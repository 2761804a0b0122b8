"""Tools for writing a blind set (a base policy and revisions, as in corpus/singles/ and corpus/revisions/).

    python tests/classify/blindsets.py check FOLDER   # every edit applies once, in order; counts by label
    python tests/classify/blindsets.py diffs FOLDER   # each revision as a unified diff, no labels: for a second reader

A writer runs `check` until it prints OK; a second reader is given only the output of `diffs`. Edits are applied
exactly as `evaluate.py` applies them, so a set that checks here loads there.
"""

from __future__ import annotations

import difflib
import sys
from collections import Counter
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from evaluate import REPO, revised  # noqa: E402

LABELS = ("editorial", "material-notify", "material-consent")


def _load(folder: Path) -> tuple[dict, str]:
    spec = YAML(typ="safe").load((folder / "edits.yml").read_text("utf-8"))
    base = folder / "base.md" if (folder / "base.md").exists() else REPO / spec["base"]
    return spec, base.read_text("utf-8")


def check(folder: Path) -> list[str]:
    """The set's problems, one line each, then its counts by label."""
    spec, base = _load(folder)
    problems: list[str] = []
    seen: set[str] = set()
    counts: Counter[str] = Counter()
    for rev in spec["revisions"]:
        if rev["id"] in seen:
            problems.append(f"{rev['id']}: the id is used twice")
        seen.add(rev["id"])
        if rev["label"] not in LABELS:
            problems.append(f"{rev['id']}: label {rev['label']!r} is not one of {', '.join(LABELS)}")
        counts[rev["label"]] += 1
        try:
            if revised(base, rev.get("edits") or [], rev["id"]) == base:
                problems.append(f"{rev['id']}: the edits change nothing")
        except ValueError as error:
            problems.append(str(error))
    return [*problems, f"{dict(counts)} {'ERRORS' if problems else 'OK'}"]


def diffs(folder: Path) -> str:
    """Each revision as a unified diff of the whole document, headed by its id only."""
    spec, base = _load(folder)
    out = []
    for rev in spec["revisions"]:
        new = revised(base, rev.get("edits") or [], rev["id"])
        diff = list(difflib.unified_diff(base.splitlines(), new.splitlines(), "old", "new", n=4, lineterm=""))[2:]
        out.append(f"## {rev['id']}\n```diff\n" + "\n".join(diff) + "\n```\n")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("check", "diffs"):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    folder = Path(argv[1])
    try:
        if argv[0] == "check":
            lines = check(folder)
            print("\n".join(lines))
            return 0 if lines[-1].endswith("OK") else 1
        print(diffs(folder))
    except (OSError, YAMLError, KeyError, TypeError, ValueError) as error:
        # A missing folder or base, a file that is not YAML, a revision without its keys: one line.
        print(f"{folder / 'edits.yml'}: {str(error).splitlines()[0] if str(error) else type(error).__name__}; "
              "a set is a folder with edits.yml (base:, revisions: id, label, edits: old/new)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
