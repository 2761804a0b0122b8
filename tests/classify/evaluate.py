"""How well `privacykit classify` detects material changes, on the labelled halves.

    python tests/classify/evaluate.py              # the development half, with its mismatches
    python tests/classify/evaluate.py dev --quiet  # the development half, figures only
    python tests/classify/evaluate.py test         # the test half: figures only, never a case

The sets are built by `tests/classify/corpus/extract.py build`: `corpus/dev.yml` and
`corpus/test.yml` (section changes: real ones from the corpus, and edits of real texts) and
`corpus/documents-dev.yml`, `corpus/documents-test.yml` (pairs of whole real versions). The
detector is tuned on the development half only; the test half is read through this script's
aggregate figures, so no single test case is ever seen. `cases.yml` (the first 36 cases) is
printed too, as a regression set.

For each set: accuracy (the exact label), precision and recall of "material" (notify or
consent against editorial), precision and recall of "consent", and the false-alarm rate on
editorial changes (editorial changes called material).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "plugins"))

from privacykit.changes.classify import classify_files, classify_sections, section_from_text  # noqa: E402
from privacykit.load.rules import load_rules  # noqa: E402

EDITORIAL, CONSENT = "editorial", "material-consent"


@dataclass
class Score:
    """Counts of one set: each case's (label, prediction)."""

    name: str
    pairs: list[tuple[str, str]] = field(default_factory=list)

    def add(self, label: str, predicted: str) -> None:
        self.pairs.append((label, predicted))

    def line(self) -> str:
        n = len(self.pairs)
        if not n:
            return f"{self.name}: no cases"
        exact = sum(t == p for t, p in self.pairs)
        material = [(t != EDITORIAL, p != EDITORIAL) for t, p in self.pairs]
        consent = [(t == CONSENT, p == CONSENT) for t, p in self.pairs]
        editorial = [p != EDITORIAL for t, p in self.pairs if t == EDITORIAL]
        return (f"{self.name}: {n} cases, {exact}/{n} exact ({exact / n:.0%}); "
                f"material P {_precision(material)} R {_recall(material)}; "
                f"consent P {_precision(consent)} R {_recall(consent)}; "
                f"editorial false alarms {sum(editorial)}/{len(editorial)}"
                + (f" ({sum(editorial) / len(editorial):.0%})" if editorial else ""))


def _precision(pairs: list[tuple[bool, bool]]) -> str:
    called = [truth for truth, predicted in pairs if predicted]
    return f"{sum(called) / len(called):.2f} ({sum(called)}/{len(called)})" if called else "n/a (0 called)"


def _recall(pairs: list[tuple[bool, bool]]) -> str:
    actual = [predicted for truth, predicted in pairs if truth]
    return f"{sum(actual) / len(actual):.2f} ({sum(actual)}/{len(actual)})" if actual else "n/a (0 cases)"


def _load(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return list((YAML(typ="safe").load(path.read_text("utf-8")) or {}).get("cases") or [])


def evaluate(half: str, show: bool) -> list[str]:
    """The figure lines of one half ("dev" or "test"); with `show`, dev mismatches go to stderr."""
    rules = load_rules()
    lines = []
    sections = Score(f"{half} section changes")
    # The three kinds of case, each like one of the measures a release is held to.
    parts = {"real": Score("  real changes"), "edits": Score("  edits of real policies"),
             "seed": Score("  edits of the Lenovo seed")}
    for case in _load(HERE / "corpus" / f"{half}.yml"):
        predicted = classify_sections(section_from_text(case["old"]), section_from_text(case["new"]),
                                      rules).classification.value
        sections.add(case["label"], predicted)
        part = "real" if case["source"].startswith("corpus") else "seed" if "section" in case else "edits"
        parts[part].add(case["label"], predicted)
        if show and predicted != case["label"]:
            print(f"  {case['id']}: {case['label']} ({case.get('kind')}), predicted {predicted}", file=sys.stderr)
    lines.append(sections.line())
    lines.extend(part.line() for part in parts.values())
    documents = Score(f"{half} version pairs")
    started = time.perf_counter()
    every = _load(HERE / "corpus" / f"documents-{half}.yml")
    # Archive artefacts (error pages, truncated captures, a translation, another document) are
    # not versions of a policy: they are left out, as the set's README says.
    artefacts = sum(1 for case in every if case.get("capture"))
    for case in (c for c in every if not c.get("capture")):
        predicted = classify_files(REPO / case["old_file"], REPO / case["new_file"], rules).classification.value
        documents.add(case["label"], predicted)
        if show and predicted != case["label"]:
            print(f"  {case['id']}: {case['label']} ({case.get('kind')}), predicted {predicted}", file=sys.stderr)
    if documents.pairs:
        seconds = (time.perf_counter() - started) / len(documents.pairs)
        lines.append(documents.line() + f"; {seconds:.2f} s a pair; {artefacts} capture artefacts left out")
    else:
        lines.append(documents.line())
    return lines


def regression() -> str:
    rules = load_rules()
    score = Score("cases.yml (regression)")
    for case in _load(HERE / "cases.yml"):
        score.add(case["label"], classify_sections(section_from_text(case["old"]), section_from_text(case["new"]),
                                                   rules).classification.value)
    return score.line()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("half", nargs="?", choices=["dev", "test", "both"], default="dev")
    parser.add_argument("--quiet", action="store_true", help="figures only (the test half is always quiet)")
    args = parser.parse_args(argv)
    halves = ["dev", "test"] if args.half == "both" else [args.half]
    print(regression())
    for half in halves:
        # The test half is never shown case by case: only its aggregate figures.
        for line in evaluate(half, show=half == "dev" and not args.quiet):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
