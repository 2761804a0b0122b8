"""Measure a learned layer over the detector's findings: does it correct the rules on text it was not trained on?

    python tests/classify/learn.py                      # logistic regression, each group held out in turn
    python tests/classify/learn.py --model stumps       # boosted decision stumps instead
    python tests/classify/learn.py --text-only          # the model does not see what the rules found
    python tests/classify/learn.py --extra --in-sample  # train on the probes and hand edits too; in-sample figures
    python tests/classify/evaluate.py --learned         # the same report, from the evaluation script

Training data is the development half only: `corpus/dev.yml` and, with `--extra`, the probes,
the seed's hand edits and the regression cases of development services (`probes.yml`,
`edits.yml`, `cases.yml`; always trained on, never measured). Each case is one section
change, described by `layer.section_features`; the model learns "material" (notify or
consent) against editorial. Each way of combining the model with the rules is measured the
same way: each group (a development service, the seed's edits, the edits written blind) is
answered by a model trained on the others. The rules were written from the whole development
half, so their findings are as right on a held-out group as on the rest: these figures are
an upper bound of what a layer does on text nobody tuned on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "plugins"))
sys.path.insert(0, str(HERE))

import layer  # noqa: E402
from evaluate import EDITORIAL, PARTS, Score, _load, source_of  # noqa: E402

from privacykit.changes.classify import _document, classify_files, read_policy_text, section_from_text  # noqa: E402
from privacykit.changes.policy import align, policy_document  # noqa: E402
from privacykit.changes.redline import redline  # noqa: E402
from privacykit.changes.verdict import region_verdict  # noqa: E402
from privacykit.load.rules import load_rules  # noqa: E402
from privacykit.model.rules import Action  # noqa: E402

NOTIFY, CONSENT = "material-notify", "material-consent"
# The test half's services: never read, never trained on (a regression case may quote one).
TEST_SERVICES = ("Pinterest", "Snapchat", "Telegram", "Twitch")
# The features that say what the rules found (the others say how the text moved).
RULE_FEATURES = ("rules:", "finding", "editorial:")
# Groups trained on and never measured: written to check rules, not drawn from a service.
ALWAYS_TRAINED = ("probes", "cases")


@dataclass(frozen=True)
class Example:
    """One section change: its features, its label, the rules' answer and where it comes from."""

    id: str
    group: str
    part: str
    label: str
    rules: str
    features: dict[str, float]
    weak: bool   # the rules' material call rests on text findings alone, none a consent trigger


def _part(case: dict) -> str:
    if case["id"].startswith("written-"):
        return "written"
    source = str(case.get("source") or "")
    return "real" if source.startswith("corpus") else "seed" if "section" in case else "edits"


def example(case: dict, group: str, part: str, rules) -> Example:
    """One case run through the detector, with the features of its changed sections (the
    strongest value of each feature over them: a case is one section, sometimes with its title)."""
    old = _document(section_from_text(case["old"]))
    new = _document(section_from_text(case["new"]))
    result = redline(old, new)
    verdict = region_verdict(old, new, ("gdpr",), rules, result=result)
    features: dict[str, float] = {}
    for change in result.sections:
        if not change.is_change:
            continue
        mine = [f for f in verdict.findings if change.id in f.sections]
        notes = [n for n in verdict.editorial if n.section == change.id]
        for name, value in layer.section_features(change, mine, notes).items():
            features[name] = max(features.get(name, 0.0), value)
    action = verdict.action
    said = _answer(action)
    return Example(case["id"], group, part, case["label"], said, features, layer.weak(verdict.findings))


def _answer(action: Action) -> str:
    return CONSENT if action is Action.CONSENT else EDITORIAL if action is Action.NONE else NOTIFY


@dataclass(frozen=True)
class Pair:
    """Two whole versions of a development service: each changed section as an example (its
    label unknown: a pair is labelled as a whole), and what the findings outside them ask."""

    id: str
    group: str
    label: str
    rules: str
    sections: tuple[Example, ...]
    rest: str


def pairs() -> list[Pair]:
    """The development half's version pairs (without the archive's artefacts), section by section."""
    rules = load_rules()
    out = []
    for case in (c for c in _load(HERE / "corpus" / "documents-dev.yml") if not c.get("capture")):
        old_file, new_file = REPO / case["old_file"], REPO / case["new_file"]
        said = classify_files(old_file, new_file, rules)
        sections: list[Example] = []
        rest = said.classification.value
        if not said.editorial or said.editorial[0].kind.value not in ("not-a-policy", "other-language"):
            old = policy_document(read_policy_text(old_file))
            new = align(old, policy_document(read_policy_text(new_file)))
            result = redline(old, new)
            verdict = region_verdict(old, new, ("gdpr",), rules, result=result)
            changed = [c for c in result.sections if c.is_change]
            for change in changed:
                mine = [f for f in verdict.findings if change.id in f.sections]
                notes = [n for n in verdict.editorial if n.section == change.id]
                sections.append(Example(f"{case['id']}/{change.id}", source_of(case), "pairs", "", _answer(
                    Action.strongest(f.action for f in mine)), layer.section_features(change, mine, notes),
                    layer.weak(mine)))
            ids = {c.id for c in changed}
            rest = _answer(Action.strongest(f.action for f in verdict.findings if not set(f.sections) & ids))
        out.append(Pair(case["id"], source_of(case), case["label"], said.classification.value, tuple(sections), rest))
    return out


def examples(extra: bool) -> list[Example]:
    """Every training case with its features (the detector runs once on each)."""
    rules = load_rules()
    cases = [(c, source_of(c), _part(c)) for c in _load(HERE / "corpus" / "dev.yml")]
    if extra:
        cases += [(c, "probes", "probes") for c in _load(HERE / "probes.yml")]
        cases += [(c, "Lenovo seed", "edits") for c in _load(HERE / "edits.yml")]
        cases += [(c, "cases", "cases") for c in _load(HERE / "cases.yml")
                  if not any(s in str(c.get("source") or "") for s in TEST_SERVICES)]
    return [example(case, group, part, rules) for case, group, part in cases]


# -- how the model and the rules combine -----------------------------------------------------------

Policy = Callable[[Example, float], str]


def _rules(example: Example, p: float) -> str:
    return example.rules


def _override(example: Example, p: float) -> str:
    """The model decides material or not; consent stays the rules' call."""
    if example.rules == CONSENT:
        return CONSENT
    return NOTIFY if p >= 0.5 else EDITORIAL


def _demote(threshold: float) -> Policy:
    """A notice the rules gave on text findings alone, none a consent trigger, is editorial below `threshold`."""
    def policy(example: Example, p: float) -> str:
        return EDITORIAL if example.rules == NOTIFY and example.weak and p < threshold else example.rules
    return policy


def _promote(threshold: float) -> Policy:
    def policy(example: Example, p: float) -> str:
        return NOTIFY if example.rules == EDITORIAL and p >= threshold else example.rules
    return policy


POLICIES: dict[str, Policy] = {"rules alone": _rules, "model decides material": _override,
                               **{f"demote weak notices below {t}": _demote(t) for t in (0.1, 0.2, 0.3, 0.5)},
                               **{f"promote editorial above {t}": _promote(t) for t in (0.5, 0.7, 0.9)}}

Trainer = Callable[[list[tuple[dict[str, float], bool]]], "layer.Model | layer.Stumps"]


def trainer(model: str, l2: float) -> Trainer:
    if model == "stumps":
        return lambda rows: layer.train_stumps(rows)
    return lambda rows: layer.train(rows, l2)


def held_out(data: list[Example], train: Trainer) -> dict[str, float]:
    """Each measured example's probability from a model trained without its group."""
    out = {}
    for group in sorted({e.group for e in data} - set(ALWAYS_TRAINED)):
        model = train([(e.features, e.label != EDITORIAL) for e in data if e.group != group])
        out.update({e.id: model.probability(e.features) for e in data if e.group == group})
    return out


def in_sample(data: list[Example], train: Trainer) -> dict[str, float]:
    model = train([(e.features, e.label != EDITORIAL) for e in data])
    return {e.id: model.probability(e.features) for e in data if e.group not in ALWAYS_TRAINED}


def report(data: list[Example], probabilities: dict[str, float], title: str) -> list[str]:
    """Each policy's figures on the measured examples (all section changes, and the real ones),
    then the model as a reviewer's hint: where it disagrees with the rules, how often the rules are wrong."""
    measured = [e for e in data if e.id in probabilities]
    lines = [title]
    for name, policy in POLICIES.items():
        answers = [(e, policy(e, probabilities[e.id])) for e in measured]
        lines.append(f"  {name}: " + Score("sections", [(e.label, a) for e, a in answers]).line())
        for part, shown in PARTS if name == "rules alone" else PARTS[:1]:
            mine = [(e.label, a) for e, a in answers if e.part == part]
            if mine:
                lines.append(f"    {shown.strip()}: " + Score("", mine).line().removeprefix(": "))
    wrong = [e for e in measured if (e.label == EDITORIAL) != (e.rules == EDITORIAL)]
    for band in (0.5, 0.3, 0.1):
        flagged = [e for e in measured if e.rules != CONSENT and (
            (e.rules == EDITORIAL and probabilities[e.id] > 1 - band) or (e.rules == NOTIFY and probabilities[e.id] < band))]
        caught = [e for e in flagged if e in wrong]
        lines.append(f"  needs review where the model disagrees beyond {band}: {len(flagged)} flagged, the rules wrong "
                     f"on {len(caught)} of them (of {len(wrong)} wrong in all; "
                     f"{sum(e.part == 'real' for e in caught)}/{sum(e.part == 'real' for e in flagged)} on real changes)")
    return lines


def _text_only(example: Example) -> Example:
    return replace(example, features={k: v for k, v in example.features.items() if not k.startswith(RULE_FEATURES)})


_STRENGTH = {EDITORIAL: 0, NOTIFY: 1, CONSENT: 2}


def pair_report(data: list[Example], found: list[Pair], train: Trainer) -> list[str]:
    """Version pairs: each section of a pair answered by the policy with a model trained without
    the pair's service; the pair's answer is the strongest of its sections' and of the findings outside them."""
    models = {group: train([(e.features, e.label != EDITORIAL) for e in data if e.group != group])
              for group in sorted({p.group for p in found})}
    lines = ["version pairs, each service held out"]
    for name, policy in POLICIES.items():
        answers = []
        for pair in found:
            said = [policy(e, models[pair.group].probability(e.features)) for e in pair.sections] + [pair.rest]
            answers.append((pair.label, max(said, key=_STRENGTH.__getitem__)))
        lines.append(f"  {name}: " + Score("version pairs", answers).line())
    return lines


def figures(argv: list[str]) -> list[str]:
    """The report lines for command-line arguments `argv` (see `main`)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", choices=["logistic", "stumps"], default="logistic")
    parser.add_argument("--l2", type=float, default=1.0, help="the logistic regression's L2 penalty")
    parser.add_argument("--extra", action="store_true", help="train on probes, hand edits and cases too")
    parser.add_argument("--text-only", action="store_true",
                        help="leave out what the rules found (the model reads how the text moved, nothing else)")
    parser.add_argument("--in-sample", action="store_true", help="also the figures of a model trained on all")
    parser.add_argument("--pairs", action="store_true", help="also the development half's version pairs")
    parser.add_argument("--cache", type=Path, help="keep the examples' features in this file (outside the repository)")
    args = parser.parse_args(argv)
    if args.cache and args.cache.exists():
        data = [Example(**e) for e in json.loads(args.cache.read_text("utf-8"))]
    else:
        data = examples(args.extra)
        if args.cache:
            args.cache.write_text(json.dumps([vars(e) for e in data]), "utf-8")
    if args.text_only:
        data = [_text_only(e) for e in data]
    train = trainer(args.model, args.l2)
    shown = f"{args.model}" + (f", l2={args.l2}" if args.model == "logistic" else "") + \
        (", text features only" if args.text_only else "") + (", with probes and hand edits" if args.extra else "")
    lines = report(data, held_out(data, train), f"each group held out ({shown})")
    if args.in_sample:
        lines += report(data, in_sample(data, train), f"in sample ({shown})")
    if args.pairs:
        found = pairs()
        if args.text_only:
            found = [replace(p, sections=tuple(_text_only(e) for e in p.sections)) for p in found]
        lines += pair_report(data, found, train)
    return lines


def main(argv: list[str]) -> int:
    print("\n".join(figures(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
