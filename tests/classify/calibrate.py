"""Which findings decide "material" on their own, and how often rightly: the sole-reason table.

    python tests/classify/calibrate.py              # the development half, the table
    python tests/classify/calibrate.py --cases      # and each case a family decides alone, with its label
    python tests/classify/calibrate.py --json F     # also keep each case's findings in F (for a rerun: --from F)

Each case of the development half (dev.yml sections, version pairs, revisions and single edits written blind,
read through `evaluate.py`'s own loaders) is run through the detector. A finding's *family* is the kind of
change it implies (or its prose kind), refined by what the finding says: "not stated" when the old value was
none (a value told for the first time, `retention_changed not-stated`), the first word of the value's key
where it names a reading ("list-", "named-", "object:"). A family is a case's *sole reason* when every
finding that asks for more than nothing in that case is of that family. The table gives, per family and per
group of cases (all, real section changes, whole documents), how often the family is the sole reason and how
many of those cases are labelled material: that is the family's precision as a sole reason. A family of low
precision on whole documents decides wrongly there, and is what a general reading should look at, not a case.

Only the development half is ever read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "plugins"))
sys.path.insert(0, str(HERE))

from evaluate import EDITORIAL, LISTINGS, _load, revision_sets, revisions  # noqa: E402

from privacykit.changes.classify import (  # noqa: E402
    ClassifyResult,
    classify_files,
    classify_sections,
    classify_texts,
    section_from_text,
)
from privacykit.changes.verdict import Finding, Origin  # noqa: E402
from privacykit.load.rules import load_rules  # noqa: E402
from privacykit.model.rules import Action  # noqa: E402

# The groups a table is given for: each case's group is one of "real", "edits" (sections), "pairs",
# "revisions", "singles"; whole documents are the last three.
WHOLE = ("pairs", "revisions", "singles")
GROUPS = (("all", None), ("real section changes", ("real",)), ("whole documents", WHOLE))
_KEY_READING = re.compile(r"^([a-z]+)[-:]")


def family(finding: Finding) -> str:
    """The family of one finding: its kind, and what of its value says how it was read."""
    if finding.origin is not Origin.TEXT or finding.prose is None:
        return f"{finding.origin.value}:{finding.kind.value if finding.kind else '-'}"
    prose = finding.prose
    name = prose.implied.value if prose.implied else prose.kind.value
    parts = [name]
    if prose.kind.value != name.replace("_", "-"):
        parts.append(prose.kind.value)
    if prose.old is None and prose.kind.value in ("quantity", "identity"):
        parts.append("not-stated")
    reading = _KEY_READING.match(prose.key or "")
    if reading and reading.group(1) in ("list", "named", "object", "open", "limit"):
        parts.append(reading.group(1) + "-*")
    return " ".join(parts)


def dumped(result: ClassifyResult) -> dict:
    """What a case's answer keeps: its classification and each finding asking for more than nothing."""
    return {"predicted": result.classification.value,
            "findings": [{"id": f.id, "family": family(f), "action": f.action.value, "words": list(f.words),
                          "description": f.description}
                         for f in result.findings if f.action is not Action.NONE]}


def cases(half: str = "dev") -> list[dict]:
    """Every case of the half with its group, label and the detector's findings."""
    rules = load_rules()
    out = []
    for case in _load(HERE / "corpus" / f"{half}.yml"):
        result = classify_sections(section_from_text(case["old"]), section_from_text(case["new"]), rules)
        group = "real" if case["source"].startswith("corpus") else "edits"
        out.append({"id": case["id"], "group": group, "label": case["label"], **dumped(result)})
    for case in (c for c in _load(HERE / "corpus" / f"documents-{half}.yml") if not c.get("capture")):
        result = classify_files(REPO / case["old_file"], REPO / case["new_file"], rules)
        out.append({"id": case["id"], "group": "pairs", "label": case["label"], **dumped(result)})
    for listing, group, _ in LISTINGS:
        for folder in revision_sets(half, listing):
            for rev in revisions(folder):
                result = classify_texts(rev.old, rev.new, rules, shown=(f"{rev.id} old", f"{rev.id} new"))
                out.append({"id": rev.id, "group": group, "label": rev.label, **dumped(result)})
    return out


def sole(case: dict) -> str | None:
    """The family that alone makes a case material, if one does."""
    families = {f["family"] for f in case["findings"]}
    return families.pop() if len(families) == 1 else None


def table(rows: list[dict], show_cases: bool = False) -> list[str]:
    lines = []
    for name, groups in GROUPS:
        mine = [r for r in rows if groups is None or r["group"] in groups]
        alone: dict[str, list[dict]] = defaultdict(list)
        anywhere: Counter[str] = Counter()
        for row in mine:
            for fam in {f["family"] for f in row["findings"]}:
                anywhere[fam] += 1
            fam = sole(row)
            if fam:
                alone[fam].append(row)
        called = [r for r in mine if r["findings"]]
        right = sum(r["label"] != EDITORIAL for r in called)
        lines.append(f"{name}: {len(mine)} cases, {len(called)} called material ({right} labelled material); "
                     f"{sum(len(v) for v in alone.values())} on one family alone")
        lines.append(f"  {'family':58} {'sole':>5} {'mat':>4} {'prec':>5} {'any':>5}")
        for fam, those in sorted(alone.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            material = sum(r["label"] != EDITORIAL for r in those)
            lines.append(f"  {fam:58} {len(those):5d} {material:4d} {material / len(those):5.2f} {anywhere[fam]:5d}")
            if show_cases:
                for r in those:
                    words = "; ".join(f["description"][:150] for f in r["findings"])
                    lines.append(f"      {r['id']} [{r['label']}]: {words}")
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", action="store_true", help="each case a family decides alone, with its label")
    parser.add_argument("--json", type=Path, help="keep each case's findings in this file")
    parser.add_argument("--from", dest="source", type=Path, help="read the findings kept by --json instead")
    args = parser.parse_args(argv)
    rows = json.loads(args.source.read_text("utf-8")) if args.source else cases("dev")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), "utf-8")
    print("\n".join(table(rows, args.cases)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
