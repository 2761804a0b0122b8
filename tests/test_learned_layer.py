"""The learned-layer experiment (tests/classify/learn.py): its features read what changed, its
models fit, and its held-out figures never see the group they measure."""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "tests" / "classify"))

import layer
import learn
from evaluate import _load

from privacykit.load.rules import load_rules


@pytest.fixture(scope="module")
def seed_edits() -> dict[str, learn.Example]:
    """The seed's hand edits (tests/classify/edits.yml), run through the detector once."""
    rules = load_rules()
    return {c["id"]: learn.example(c, "Lenovo seed", "edits", rules) for c in _load(learn.HERE / "edits.yml")}


def test_a_deleted_limit_is_read_by_the_rules_and_by_the_text_features(seed_edits):
    edit = seed_edits["retention-only-deleted"]     # "only as long as necessary" -> "as long as necessary"
    assert edit.rules == learn.NOTIFY and edit.weak
    assert edit.features["finding-rule:limits"] > 0
    assert edit.features["limit-removed:only"] > 0
    assert edit.features["words-removed:limiting"] > 0
    assert "words-added:limiting" not in edit.features


def test_a_reordered_list_keeps_every_word_and_fires_no_rule(seed_edits):
    edit = seed_edits["reorder-recipients"]
    assert edit.rules == learn.EDITORIAL and not edit.weak
    assert edit.features["section:kept-share"] == 1.0
    assert not [name for name in edit.features if name.startswith(("finding", "rules:", "claim-", "limit-"))]


def test_both_models_fit_the_seed_edits(seed_edits):
    rows = [(e.features, e.label != learn.EDITORIAL) for e in seed_edits.values()]
    for model in (layer.train(rows), layer.train_stumps(rows, smallest=3)):
        right = sum((model.probability(features) >= 0.5) == material for features, material in rows)
        assert right >= len(rows) - 2


def test_a_held_out_group_is_never_trained_on(seed_edits):
    edits = list(seed_edits.values())
    # Each copy has its own features, so a row tells which group it came from.
    data = [replace(e, id=f"{group}:{e.id}", group=group, features=dict(e.features))
            for group in ("A", "B", "C") for e in edits]
    data += [replace(e, id=f"probe:{e.id}", group="probes", features=dict(e.features)) for e in edits[:5]]
    seen: list[set[str]] = []

    def recording(rows):
        seen.append({next(e.group for e in data if e.features is features) for features, _ in rows})
        return layer.train(rows, epochs=5)

    probabilities = learn.held_out(data, recording)
    assert sorted(map(sorted, seen)) == [["A", "B", "probes"], ["A", "C", "probes"], ["B", "C", "probes"]]
    # The probes are trained on in every fold and measured in none.
    assert len(probabilities) == 3 * len(edits)
