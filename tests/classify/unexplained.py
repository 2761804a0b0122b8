"""recall41: what "material unless shown editorial" (`changes/fallback.py`) would gain and cost on the
development half, for each variant, in one run of the detector.

    python tests/classify/unexplained.py            # the table of variants
    python tests/classify/unexplained.py --show V    # the cases variant V turns (V as the table names it)

The step only adds findings where the readings found none, so a case's answer under a variant is the detector's
answer, or "material-notify" where it was editorial and a candidate the variant keeps stands in the document.
One run records every candidate (`fallback.RECORD`) with its reading; the variants are scored from the record.
Development half only: it never reads the test half. The record is cached in /tmp/recall41-candidates.json, or
where UNEXPLAINED_CACHE says; the explain variant "facts" (synonym41) drops the candidates whose items
`fallback.facts` reads as the same (periods by amount, a restriction turned, a party both wordings name).
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from pathlib import Path

import evaluate
from evaluate import EDITORIAL, Row, Score

from privacykit.changes import fallback

CACHE = Path(os.environ.get("UNEXPLAINED_CACHE", "/tmp/recall41-candidates.json"))


def record() -> list[tuple[Row, list[dict]]]:
    """Every development case with the detector's answer and the candidates of its change."""
    found: list[list[dict]] = []

    def wrap(function):
        def call(*args, **kwargs):
            fallback.RECORD = []
            try:
                return function(*args, **kwargs)
            finally:
                found.append(fallback.RECORD)
                fallback.RECORD = None
        return call

    evaluate.classify_sections = wrap(evaluate.classify_sections)
    evaluate.classify_files = wrap(evaluate.classify_files)
    evaluate.classify_texts = wrap(evaluate.classify_texts)
    rows = evaluate.predict("dev")
    assert len(rows) == len(found)
    return list(zip(rows, found, strict=True))


FORMS = {"pairs": {"pair"}, "pairs+added": {"pair", "added"}, "all": {"pair", "added", "removed"}}
EXPLAINS = ("recognisers", "function-words", "same-facts", "same-items", "facts-unscoped", "facts",
            "same-facts+sections", "facts+sections")
# same43: the explain variants that read a pair's values across its sections (`fallback.told_in_sections`)
SECTIONED = ("same-facts+sections", "facts+sections")


def kept(c: dict, stance: str, form: str, explain: str) -> bool:
    if c["form"] not in FORMS[form]:
        return False
    if not (c["substantive"] or (stance == "processing" and c["processing"])):
        return False
    if explain == "function-words" and c["explained"] == "function-words":
        return False
    if explain == "same-items" and c["same_items"]:
        return False
    # synonym41: the items read for what they state (`fallback.facts`: periods by amount, a restriction turned)
    if explain == "facts" and c.get("same_facts", c["same_items"]):
        return False
    # grampol42: synonym41's recogniser without the scope of the negation (`fallback.SCOPE` off)
    if explain == "facts-unscoped":
        return not c.get("same_facts_unscoped", c["same_items"]) and c.get("explained_unscoped") is None
    # same43: the values a pair moves that the sections still tell, words aside ("facts+sections") or with them
    if explain == "facts+sections" and (c.get("same_facts", c["same_items"]) or c.get("told_in_sections")):
        return False
    why = c.get("explained_sections", c["explained"]) if explain in SECTIONED else c["explained"]
    return not (explain in ("same-facts", "same-items", "facts", "facts-unscoped", *SECTIONED) and why is not None)


def answer(row: Row, cands: list[dict], variant: tuple[str, str, str, int]) -> str:
    if row.predicted != EDITORIAL:
        return row.predicted
    stance, form, explain, most = variant
    mine = [c for c in cands if kept(c, stance, form, explain)]
    if most and len(mine) > most:
        return row.predicted
    return "material-notify" if mine else row.predicted


def measures(rows: list[Row]) -> dict[str, tuple[int, int]]:
    def count(pred, sel):
        chosen = [r for r in rows if sel(r)]
        return sum(pred(r) for r in chosen), len(chosen)
    called = [r for r in rows if r.group == "documents" and r.predicted != EDITORIAL]
    return {
        "single R": count(lambda r: r.predicted != EDITORIAL, lambda r: r.group == "singles" and r.label != EDITORIAL),
        "single FA": count(lambda r: r.predicted != EDITORIAL, lambda r: r.group == "singles" and r.label == EDITORIAL),
        "rev FA": count(lambda r: r.predicted != EDITORIAL, lambda r: r.group == "revisions" and r.label == EDITORIAL),
        "rev R": count(lambda r: r.predicted != EDITORIAL, lambda r: r.group == "revisions" and r.label != EDITORIAL),
        "sect FA": count(lambda r: r.predicted != EDITORIAL, lambda r: r.group == "sections" and r.label == EDITORIAL),
        "sect R": count(lambda r: r.predicted != EDITORIAL, lambda r: r.group == "sections" and r.label != EDITORIAL),
        "real FA": count(lambda r: r.predicted != EDITORIAL, lambda r: r.part == "real" and r.label == EDITORIAL),
        "pair P": (sum(r.label != EDITORIAL for r in called), len(called)),
    }


def main(argv: list[str]) -> int:
    if CACHE.exists() and "--fresh" not in argv:
        data = json.loads(CACHE.read_text())
        recorded = [(Row(**r), c) for r, c in data]
    else:
        recorded = record()
        CACHE.write_text(json.dumps([(r.__dict__, c) for r, c in recorded]))
    base = [r for r, _ in recorded]
    if "--figures" in argv:
        print("\n".join(evaluate.figures("dev", base)))
    variants = [("off", "", "", 0), *itertools.product(("substantive", "processing"), FORMS, EXPLAINS, (0, 3, 8))]
    if "--show" in argv:
        name = argv[argv.index("--show") + 1].split("/")
        variant = (name[0], name[1], name[2], int(name[3]))
        for row, cands in recorded:
            now = answer(row, cands, variant)
            if now != row.predicted:
                mark = "GAIN" if row.label != EDITORIAL else "FA"
                why = [c["sentence"][:110] for c in cands if kept(c, *variant[:3])]
                print(f"{mark} {row.group}/{row.id} ({row.label}): {why[:2]}")
        return 0
    before = measures(base)
    print("variant | " + " | ".join(before))
    for variant in variants:
        rows = base if variant[0] == "off" else [
            Row(r.id, r.group, r.part, r.source, r.kind, r.label, answer(r, c, variant)) for r, c in recorded]
        now = measures(rows)
        cells = []
        for key, (n, d) in now.items():
            delta = n - before[key][0]
            cells.append(f"{n}/{d}" + (f" ({delta:+d})" if delta else ""))
        print("/".join(str(v) for v in variant) + " | " + " | ".join(cells))
    print(Score("singles (off)", [(r.label, r.predicted) for r in base if r.group == "singles"]).line())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
