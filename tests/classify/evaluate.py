"""How well `privacykit classify` detects material changes, on the labelled halves.

    python tests/classify/evaluate.py              # the development half, with its mismatches
    python tests/classify/evaluate.py dev --quiet  # the development half, figures only
    python tests/classify/evaluate.py test         # the test half: figures only, never a case
    python tests/classify/evaluate.py --loso       # dev, each service left out of the tuning in turn
    python tests/classify/evaluate.py --without-lists  # dev, the term-list rules off
    python tests/classify/evaluate.py --learned        # dev, a learned layer over the findings (learn.py)

The sets are built by `tests/classify/corpus/extract.py build`: `corpus/dev.yml` and
`corpus/test.yml` (section changes: real ones from the corpus, and edits of real texts) and
`corpus/documents-dev.yml`, `corpus/documents-test.yml` (pairs of whole real versions).
`corpus/revisions-dev.yml` and `corpus/revisions-test.yml` list sets of whole-document revisions
written blind (a base policy and edit scripts, in `corpus/revisions/<set>/`): each revision's old and
new texts are built in memory and judged as a version pair is. The detector is tuned on the
development half only; the test half is read through this script's
aggregate figures, so no single test case is ever seen. `cases.yml` (the first 36 cases) is
printed too, as a regression set.

For each set: accuracy (the exact label), precision and recall of "material" (notify or
consent against editorial), precision and recall of "consent", and the false-alarm rate on
editorial changes (editorial changes called material). Section changes, version pairs and revisions written blind
are each a line of their own; every option measures the revisions with the rest (in `--loso` and
`--by-source` they are one source, "revisions written blind").
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

from privacykit.changes.classify import classify_files, classify_sections, classify_texts, section_from_text  # noqa: E402
from privacykit.changes.prose import Tuning  # noqa: E402
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


@dataclass(frozen=True)
class Row:
    """One case and what the detector said of it."""

    id: str
    group: str          # "sections", "documents" or "revisions"
    part: str           # "real", "edits" or "seed" for sections; "pairs" for documents; "revisions"
    source: str         # the service (or "Lenovo seed") the text comes from
    kind: str
    label: str
    predicted: str


def source_of(case: dict) -> str:
    """The service a case's text comes from ('corpus Spotify …', 'edit of corpus Reddit …'), or the seed."""
    if case["id"].startswith("written-"):
        return "written blind"
    words = case["source"].split()
    if "corpus" in words:
        return words[words.index("corpus") + 1]
    return "Lenovo seed"


REVISED = "revisions written blind"
SINGLES = "single edits written blind"
# Each listing of blind sets in `corpus/<listing>-<half>.yml`, its group and its figure line's name.
LISTINGS = (("revisions", "revisions", REVISED), ("singles", "singles", SINGLES))


@dataclass(frozen=True)
class Revision:
    """One revision written blind: the base policy, and the base after the revision's edits."""

    id: str
    label: str
    material: str       # what the material edit does ('' for an editorial revision)
    old: str
    new: str


def _as_applied(text: str) -> str:
    """An edit's text as its writer's checker applied it: one trailing newline dropped (the YAML block
    adds it) unless the text ends in a blank line."""
    return text[:-1] if text.endswith("\n") and not text.endswith("\n\n") else text


def revised(base: str, edits: list[dict], where: str) -> str:
    """`base` after `edits` in order, each `old` replaced by its `new` in the text as the earlier edits left it.
    An `old` found there other than exactly once is refused, naming the edit (never its text)."""
    text = base
    for n, edit in enumerate(edits, 1):
        old, new = _as_applied(edit["old"]), _as_applied(edit.get("new") or "")
        found = text.count(old)
        if found != 1:
            raise ValueError(f"{where} edit {n}: 'old' found {found} times; it must occur exactly once "
                             "in the text the earlier edits leave")
        text = text.replace(old, new)
    return text


def revision_sets(half: str, listing_name: str = "revisions") -> list[Path]:
    """The folders of a half's blind sets in one listing ("revisions" or "singles"): each an `edits.yml`, and
    `base.md` for a base of the writer's own."""
    return [HERE / "corpus" / entry["folder"] for entry in _entries(half, listing_name)]


def _entries(half: str, listing_name: str) -> list[dict]:
    """The entries of one listing of a half (none where the listing is absent)."""
    listing = HERE / "corpus" / f"{listing_name}-{half}.yml"
    if not listing.exists():
        return []
    return (YAML(typ="safe").load(listing.read_text("utf-8")) or {}).get("sets") or []


def paraphrased() -> dict[str, str]:
    """The single-edit sets that paraphrase another (their listing entry's `paraphrase_of`), by name: each
    revision's legal change made again in other words, so the pair measures how much of what the reader knows
    is one writer's wording."""
    return {Path(entry["folder"]).name: entry["paraphrase_of"] for half in ("dev", "test")
            for entry in _entries(half, "singles") if entry.get("paraphrase_of")}


def revisions(folder: Path) -> list[Revision]:
    """The revisions of one set, each built from its base (`base:` is relative to the repository root)."""
    spec = YAML(typ="safe").load((folder / "edits.yml").read_text("utf-8"))
    base = (REPO / spec["base"]).read_text("utf-8")
    return [Revision(rev["id"], rev["label"], rev.get("material") or "", base,
                     revised(base, rev.get("edits") or [], f"{folder.name}/edits.yml {rev['id']}"))
            for rev in spec["revisions"]]


def predict(half: str, tuning: Tuning | None = None) -> list[Row]:
    """Every case of one half with the detector's answer."""
    rules = load_rules()
    rows = []
    for case in _load(HERE / "corpus" / f"{half}.yml"):
        predicted = classify_sections(section_from_text(case["old"]), section_from_text(case["new"]),
                                      rules, tuning=tuning).classification.value
        part = ("real" if case["source"].startswith("corpus") else "written" if case["id"].startswith("written-")
                else "seed" if "section" in case else "edits")
        rows.append(Row(case["id"], "sections", part, source_of(case), str(case.get("kind")), case["label"],
                        predicted))
    # Archive artefacts (error pages, truncated captures, a translation, another document) are
    # not versions of a policy: they are left out, as the set's README says.
    for case in (c for c in _load(HERE / "corpus" / f"documents-{half}.yml") if not c.get("capture")):
        predicted = classify_files(REPO / case["old_file"], REPO / case["new_file"], rules,
                                   tuning=tuning).classification.value
        rows.append(Row(case["id"], "documents", "pairs", source_of(case), str(case.get("kind")), case["label"],
                        predicted))
    # Revisions and single edits written blind are judged as whole documents, exactly as a version pair's
    # files are.
    for listing_name, group, name in LISTINGS:
        for folder in revision_sets(half, listing_name):
            for rev in revisions(folder):
                predicted = classify_texts(rev.old, rev.new, rules, tuning=tuning,
                                           shown=(f"{rev.id} old", f"{rev.id} new")).classification.value
                rows.append(Row(rev.id, group, group, name, rev.material or "editorial",
                                rev.label, predicted))
    return rows


PARTS = (("real", "  real changes"), ("edits", "  edits of real policies"), ("seed", "  edits of the Lenovo seed"),
         ("written", "  edits written blind (seed, own text, development-service text)"))


def figures(half: str, rows: list[Row]) -> list[str]:
    """The figure lines of a half's rows: all section changes, each kind of them, the version pairs,
    the revisions written blind."""
    sections = Score(f"{half} section changes", [(r.label, r.predicted) for r in rows if r.group == "sections"])
    lines = [sections.line()]
    for part, name in PARTS:
        lines.append(Score(name, [(r.label, r.predicted) for r in rows if r.part == part]).line())
    lines.append(Score(f"{half} version pairs", [(r.label, r.predicted) for r in rows if r.group == "documents"]).line())
    for _, group, name in LISTINGS:
        lines.append(Score(f"{half} {name}".strip(), [(r.label, r.predicted) for r in rows if r.group == group]).line())
    pairs = paraphrased()
    for names, name in ((set(pairs), "paraphrase sets (each a set's legal changes in other words)"),
                        (set(pairs.values()), "their original sets")):
        mine = [(r.label, r.predicted) for r in rows if r.group == "singles" and r.id.split("-")[0] in names]
        if mine:
            lines.append(Score(f"  {name}", mine).line())
    return lines


def evaluate(half: str, show: bool) -> list[str]:
    """The figure lines of one half ("dev" or "test"); with `show`, dev mismatches go to stderr."""
    started = time.perf_counter()
    rows = predict(half)
    if show:
        for row in rows:
            if row.predicted != row.label:
                print(f"  {row.id}: {row.label} ({row.kind}), predicted {row.predicted}", file=sys.stderr)
    lines = figures(half, rows)
    pairs = sum(1 for r in rows if r.group == "documents")
    written = sum(1 for r in rows if r.group == "revisions")
    singles = sum(1 for r in rows if r.group == "singles")
    last = max(i for i, line in enumerate(lines) if not line.startswith("  "))
    lines[last] += (f"; {(time.perf_counter() - started):.0f} s in all, {pairs} pairs, {written} revisions "
                  f"and {singles} single edits")
    return lines


def by_source(rows: list[Row]) -> list[str]:
    """The figures of each service (and the seed) on its own."""
    lines = []
    for source in sorted({r.source for r in rows}):
        mine = [r for r in rows if r.source == source]
        lines.append(f"{source}:")
        lines.extend("  " + line for line in figures("", mine)[1:] if "no cases" not in line)
    return lines


# -- leave one service out ------------------------------------------------------------------------

def objective(rows: list[Row]) -> float:
    """What tuning maximises, in the order the owners' measures ask: material recall on edits of
    real text first, then exact answers on them, then precision (to 0.85) and recall on whole
    documents (real version pairs and revisions written blind); then exact answers on real section changes."""
    edits = [r for r in rows if r.part in ("edits", "seed", "singles")]
    pairs = [r for r in rows if r.group in ("documents", "revisions")]
    material = [(r.label != EDITORIAL, r.predicted != EDITORIAL) for r in edits]
    recall = _ratio(sum(t and p for t, p in material), sum(t for t, _ in material))
    exact = _ratio(sum(r.label == r.predicted for r in edits), len(edits))
    called = [r.label != EDITORIAL for r in pairs if r.predicted != EDITORIAL]
    actual = [r.predicted != EDITORIAL for r in pairs if r.label != EDITORIAL]
    precision = min(_ratio(sum(called), len(called)), 0.85) / 0.85
    # Ties are broken by the exact answers on real section changes (the pieces real pairs are made of).
    real = [r for r in rows if r.part == "real"]
    tie = _ratio(sum(r.label == r.predicted for r in real), len(real)) / 10
    return 2 * recall + exact + precision + _ratio(sum(actual), len(actual)) + tie


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def leave_one_out(half: str) -> list[str]:
    """Each service held out in turn: the tuning best on the others, measured on it. The held-out
    answers together are an estimate of how the detector does on a service it was not tuned on."""
    grid = Tuning.grid()
    answers = {tuning: predict(half, tuning) for tuning in grid}
    sources = sorted({r.source for r in answers[grid[0]]})
    held_out: list[Row] = []
    lines = []
    for source in sources:
        best = max(grid, key=lambda t: objective([r for r in answers[t] if r.source != source]))
        mine = [r for r in answers[best] if r.source == source]
        held_out.extend(mine)
        lines.append(f"  {source} held out: tuned {_shown(best)}; on it: " + Score("", [
            (r.label, r.predicted) for r in mine]).line().removeprefix(": "))
    chosen = max(grid, key=lambda t: objective(answers[t]))
    lines.insert(0, f"leave one service out ({len(sources)} folds; the tuning on all of {half}: {_shown(chosen)})")
    lines.extend(figures(f"{half}, each service held out", held_out))
    return lines


def _shown(tuning: Tuning) -> str:
    return ", ".join(f"{k}={v}" for k, v in vars(tuning).items() if k != "off")


# The reader's rules, as `privacykit.changes.prose.rule_of` names them.
RULES = ("company-names", "named-categories", "open-phrases", "residual", "consent-triggers", "links", "denials",
         "limits", "identity:controller", "identity:dpo", "quantity:retention", "quantity:children",
         "right-removed:rights", "right-removed:transfers", "right-removed:legal_basis", "terms:categories",
         "terms:sensitive", "terms:recipients", "terms:purposes", "terms:transfers", "terms:sources",
         "terms:sale", "terms:automated_decisions")


def ablate(half: str) -> list[str]:
    """What each rule is worth on each service: the answers it makes right (+) or wrong (-) there,
    against the reader without it. A rule that helps on one service only is fitted to that one."""
    base = predict(half)
    sources = sorted({r.source for r in base})
    lines = ["rule: answers it makes right (+) or wrong (-), in all and per service (" + ", ".join(sources) + ")"]
    for rule in RULES:
        without = predict(half, Tuning(off=frozenset({rule})))
        worth = {source: sum((b.predicted == b.label) - (w.predicted == w.label)
                             for b, w in zip(base, without, strict=True) if b.source == source) for source in sources}
        helped = [s for s, n in worth.items() if n > 0]
        verdict = "fitted to " + helped[0] if len(helped) == 1 and not any(n < 0 for n in worth.values()) else \
            "helps on several" if len(helped) > 1 else "helps nowhere" if not helped else ""
        lines.append(f"  {rule}: {sum(worth.values()):+d} (" + ", ".join(f"{n:+d}" for n in worth.values())
                     + f") {verdict}")
    return lines


# The rules that find a value because a term list knows its words: on a service whose words the
# lists lack, only the others (the notice default, limits, quantities, identities, links, triggers) remain.
LIST_RULES = frozenset({"open-phrases", "terms:categories", "terms:sensitive", "terms:recipients", "terms:purposes",
                        "terms:transfers", "terms:sources"})


def without_lists(half: str) -> list[str]:
    """The figures with the term-list rules switched off: a floor for text in words the lists do not know."""
    return figures(f"{half} without the term lists", predict(half, Tuning(off=LIST_RULES)))


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
    parser.add_argument("--by-source", action="store_true", help="dev: the figures of each service")
    parser.add_argument("--loso", action="store_true",
                        help="dev: leave one service out (tune on the others, measure it), in turn")
    parser.add_argument("--ablate", action="store_true", help="dev: what each rule is worth on each service")
    parser.add_argument("--without-lists", action="store_true",
                        help="dev: the figures with the term-list rules off (words the lists do not know)")
    parser.add_argument("--learned", action="store_true",
                        help="dev: a model over the rules' findings, in sample and each group held out (learn.py)")
    args = parser.parse_args(argv)
    halves = ["dev", "test"] if args.half == "both" else [args.half]
    if (args.by_source or args.loso or args.ablate or args.without_lists or args.learned) and halves != ["dev"]:
        parser.error("--by-source, --loso, --ablate, --without-lists and --learned read the development half only")
    if args.learned:
        from learn import figures as learned_figures  # it reads this module: imported only when asked
        print("\n".join(learned_figures(["--in-sample"])))
        return 0
    if args.without_lists:
        print("\n".join(without_lists("dev")))
        return 0
    if args.by_source:
        print("\n".join(by_source(predict("dev"))))
        return 0
    if args.loso:
        print("\n".join(leave_one_out("dev")))
        return 0
    if args.ablate:
        print("\n".join(ablate("dev")))
        return 0
    print(regression())
    for half in halves:
        # The test half is never shown case by case: only its aggregate figures.
        for line in evaluate(half, show=half == "dev" and not args.quiet):
            print(line)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except ValueError as error:     # a revision's edit script that does not apply: one line, no traceback
        sys.exit(f"evaluate.py: {error}; correct that edit in its set's edits.yml")
