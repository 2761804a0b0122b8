"""Which findings decide "material" on their own, and how often rightly: the sole-reason table.

    python tests/classify/calibrate.py              # the development half, the table
    python tests/classify/calibrate.py --cases      # and each case a family decides alone, with its label
    python tests/classify/calibrate.py --json F     # also keep each case's findings in F (for a rerun: --from F)
    python tests/classify/calibrate.py --silent     # each material case called editorial, and why no finding fired

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
from ruamel.yaml import YAML  # noqa: E402

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


# -- silent misses ------------------------------------------------------------------------------------------
# Why a case labelled material drew no finding at all, in the order asked (the first that holds is the reason):
SILENT_REASONS = (
    ("no-action", "a finding fired, but its rule asks for nothing"),
    ("told-elsewhere", "a finding fired, then the whole old document was found to tell it (restated, relaid)"),
    ("deletion", "sentences deleted, nothing added: deletions are never residual"),
    ("dropped-words", "words dropped from a sentence, nothing added: never residual either"),
    ("recogniser", "an editorial recogniser explained the changed sentence (typo, reorder, spelling ...)"),
    ("no-processing", "the changed sentence states no claim or verb of processing"),
    ("growth", "the residual fired, then the growth test dropped it (as many words dropped as added)"),
    ("vocabulary", "the residual's words were all the old document's own vocabulary (`frequent`)"),
    ("explained", "every added word was explained away (same bounds, illustrations, generic, renamed ...)"),
    ("guard", "a guard of the residual refused the sentence (rights, denial, protective, pointer, label ...)"),
    ("other", "none of these: the changed sentence was never compared by the residual"),
)


class _Trace:
    """What the prose reader did with each changed sentence of one case (`silent` patches the reader)."""

    def __init__(self) -> None:
        self.practice: list[dict] = []      # each `_Practice.added_words` call
        self.compared: list[dict] = []      # each pair compared, with the editorial kind its words show
        self.removed: list[str] = []        # each removed sentence
        self.dropped: list[str] = []        # sentences of findings the whole old document was found to tell


def _traced(trace_box: list[_Trace | None]):  # type: ignore[no-untyped-def]
    """Patch the prose reader to write into `trace_box[0]`; returns the undo."""
    from dataclasses import replace

    from privacykit.changes import prose
    from privacykit.changes.editorial import recognise, same_wording

    originals = (prose._Practice.added_words, prose._Judge.compare, prose._Judge.removed,
                 prose._told_in_old_document_out)

    def added_words(self, old_text, new, *rest):  # type: ignore[no-untyped-def]
        # (`rest`: whatever else the reader takes, passed on as given: old statement, spared words, list ...)
        result = originals[0](self, old_text, new, *rest)
        trace = trace_box[0]
        if trace is not None:
            tuning = self.tuning
            self.tuning = replace(tuning, growth=False)
            no_growth = originals[0](self, old_text, new, *rest)
            self.tuning = replace(tuning, growth=False, frequent=0)
            no_frequent = originals[0](self, old_text, new, *rest)
            self.tuning = tuning
            trace.practice.append({"text": new.text, "old": old_text, "result": result, "no_growth": no_growth,
                                   "no_frequent": no_frequent,
                                   "about": prose._about_practice(new.statement, tuning.lists) or new.continues})
        return result

    def compare(self, sid, old, new, old_section, kept=frozenset()):  # type: ignore[no-untyped-def]
        before = len(self.findings)
        originals[1](self, sid, old, new, old_section, kept)
        trace = trace_box[0]
        if trace is not None:
            kind = "same" if same_wording(old.text, new.text) else recognise(old.text, new.text).value
            trace.compared.append({"old": old.text, "text": new.text, "kind": kind,
                                   "found": len(self.findings) > before})

    def removed(self, sid, unit, whole_section, kept=frozenset()):  # type: ignore[no-untyped-def]
        originals[2](self, sid, unit, whole_section, kept)
        if trace_box[0] is not None:
            trace_box[0].removed.append(unit.text)

    def told_out(findings, old, new, notes):  # type: ignore[no-untyped-def]
        kept = originals[3](findings, old, new, notes)
        if trace_box[0] is not None:
            trace_box[0].dropped.extend(f.sentence for f in findings if f not in kept)
        return kept

    prose._Practice.added_words = added_words  # type: ignore[method-assign]
    prose._Judge.compare = compare  # type: ignore[method-assign]
    prose._Judge.removed = removed  # type: ignore[method-assign]
    prose._told_in_old_document_out = told_out

    def undo() -> None:
        (prose._Practice.added_words, prose._Judge.compare, prose._Judge.removed,  # type: ignore[method-assign]
         prose._told_in_old_document_out) = originals

    return undo


_TOKEN = re.compile(r"[a-z0-9]+")


def _tokens(text: str) -> set[str]:
    return set(_TOKEN.findall(text.lower()))


def _touched(sentence: str, old: str, new: str) -> bool:
    """`sentence` (a unit the reader saw) stands in an edit's new text and holds a word the edit brought, or holds
    most of the words an edit of a few words brought (an edit inside a sentence)."""
    words = _tokens(sentence)
    inside = _tokens(new)
    brought = inside - _tokens(old)
    if not words:
        return False
    if len(words & inside) >= 0.8 * len(words) and words & brought:
        return True
    return bool(brought) and len(brought & words) >= 0.5 * len(brought) and len(words & inside) >= 0.5 * len(inside)


def silent_reason(trace: _Trace, edits: list[tuple[str, str]], any_action: bool) -> str:
    """The first reason of `SILENT_REASONS` that holds for one case (its edits as (old, new) texts; a section
    change is one edit)."""
    from privacykit.changes.prose import content_stems

    if any_action:
        return "no-action"
    mine = [p for p in trace.practice if any(_touched(p["text"], o, n) for o, n in edits)]
    compared = [c for c in trace.compared if any(_touched(c["text"], o, n) for o, n in edits)]
    if any(any(_touched(s, o, n) for o, n in edits) for s in trace.dropped):
        return "told-elsewhere"
    if all(not (content_stems(n) - content_stems(o)) for o, n in edits):
        return "deletion" if all(not n.strip() for _, n in edits) else "dropped-words"
    if compared and not mine and all(c["kind"] not in ("rewording",) for c in compared):
        return "recogniser"
    if mine and not any(p["about"] for p in mine):
        return "no-processing"
    if any(p["no_growth"] for p in mine):
        return "growth"
    if any(p["no_frequent"] for p in mine):
        return "vocabulary"
    if any(p["about"] for p in mine):
        return "explained"
    if compared:
        return "guard"
    return "other"


def silent(half: str = "dev", only: frozenset[str] = frozenset()) -> list[dict]:
    """Every case of the half labelled material and called editorial, with the reason no finding fired."""
    from evaluate import REPO as ROOT

    rules = load_rules()
    box: list[_Trace | None] = [None]
    undo = _traced(box)
    out: list[dict] = []

    def judge(case_id: str, group: str, label: str, run, edits: list[tuple[str, str]], what: str) -> None:  # type: ignore[no-untyped-def]
        if label == EDITORIAL or (only and case_id not in only):
            return
        box[0] = _Trace()
        result = run()
        trace, box[0] = box[0], None
        if result.classification.value != EDITORIAL:
            return
        assert trace is not None
        any_action = any(f.action is not Action.NONE for f in result.findings)
        out.append({"id": case_id, "group": group, "label": label, "what": what,
                    "reason": silent_reason(trace, edits, any_action),
                    "sentences": [p["text"][:160] for p in trace.practice
                                  if any(_touched(p["text"], o, n) for o, n in edits)]})

    try:
        for case in _load(HERE / "corpus" / f"{half}.yml"):
            group = "real" if case["source"].startswith("corpus") else "edits"
            judge(case["id"], group, case["label"],
                  lambda c=case: classify_sections(section_from_text(c["old"]), section_from_text(c["new"]), rules),
                  [(case["old"], case["new"])], str(case.get("kind")))
        for case in (c for c in _load(HERE / "corpus" / f"documents-{half}.yml") if not c.get("capture")):
            old_file, new_file = ROOT / case["old_file"], ROOT / case["new_file"]
            judge(case["id"], "pairs", case["label"], lambda a=old_file, b=new_file: classify_files(a, b, rules),
                  [(old_file.read_text("utf-8"), new_file.read_text("utf-8"))], str(case.get("kind")))
        for listing, group, _ in LISTINGS:
            for folder in revision_sets(half, listing):
                spec = {r["id"]: r for r in YAML(typ="safe").load((folder / "edits.yml").read_text("utf-8"))["revisions"]}
                for rev in revisions(folder):
                    edits = [(e["old"], e.get("new") or "") for e in spec[rev.id].get("edits") or []]
                    judge(rev.id, group, rev.label,
                          lambda r=rev: classify_texts(r.old, r.new, rules, shown=(f"{r.id} old", f"{r.id} new")),
                          edits, rev.material)
    finally:
        undo()
    return out


def silent_table(rows: list[dict], show_cases: bool = False) -> list[str]:
    groups = ("real", "edits", "pairs", "revisions", "singles")
    lines = [f"{len(rows)} cases labelled material called editorial (no finding asking for anything)",
             f"  {'reason':15} {'all':>4} " + " ".join(f"{g:>9}" for g in groups)]
    for reason, meaning in SILENT_REASONS:
        mine = [r for r in rows if r["reason"] == reason]
        lines.append(f"  {reason:15} {len(mine):4d} "
                     + " ".join(f"{sum(r['group'] == g for r in mine):9d}" for g in groups) + f"   {meaning}")
        if show_cases:
            for r in mine:
                lines.append(f"      {r['id']} [{r['label']}]: {r['what'][:150]}")
                for s in r["sentences"][:3]:
                    lines.append(f"          | {s}")
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", action="store_true", help="each case a family decides alone, with its label")
    parser.add_argument("--json", type=Path, help="keep each case's findings in this file")
    parser.add_argument("--from", dest="source", type=Path, help="read the findings kept by --json instead")
    parser.add_argument("--ids", default="", help="with --silent: only these cases (comma-separated ids)")
    parser.add_argument("--silent", action="store_true",
                        help="each material case called editorial, and why no finding fired (with --cases, each case)")
    args = parser.parse_args(argv)
    if args.silent:
        print("\n".join(silent_table(silent("dev", frozenset(filter(None, args.ids.split(",")))), args.cases)))
        return 0
    rows = json.loads(args.source.read_text("utf-8")) if args.source else cases("dev")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), "utf-8")
    print("\n".join(table(rows, args.cases)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
