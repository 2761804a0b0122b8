"""The whole-document revisions written blind (tests/classify/corpus/revisions/): every set of both
halves loads, every edit applies exactly once in order, and the labels are in the closed set.

The test half is checked without showing its texts: a failure names the set, revision and edit only.
The detector's answers are not asserted here: `tests/classify/evaluate.py` measures them.
"""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import REPO, load_script
from privacykit.changes.classify import Classification

HERE = REPO / "tests" / "classify"


evaluate = load_script(HERE / "evaluate.py", "classify_evaluate")
SETS = {half: evaluate.revision_sets(half) for half in ("dev", "test")}


def test_each_half_lists_four_sets_and_no_set_is_in_both():
    for half, folders in SETS.items():
        assert len(folders) == 4, half
        assert all((folder / "edits.yml").is_file() for folder in folders), half
    assert not {f.name for f in SETS["dev"]} & {f.name for f in SETS["test"]}


@pytest.mark.parametrize("folder", [f for half in SETS.values() for f in half], ids=lambda f: f.name)
def test_every_edit_applies_and_every_label_is_in_the_closed_set(folder):
    spec = evaluate.YAML(typ="safe").load((folder / "edits.yml").read_text("utf-8"))
    base = REPO / spec["base"]
    if not base.exists():
        pytest.skip("needs ../shared/seed")
    # A base of the writer's own is kept in the set's folder; the others are the seed, read in place.
    assert base.parent == folder or base.resolve().parent == (REPO.parent / "shared" / "seed").resolve()
    revisions = evaluate.revisions(folder)  # raises on an edit that does not apply exactly once
    labels = {c.value for c in Classification}
    assert len(revisions) == 8
    assert all(r.id.startswith(folder.name + "-") for r in revisions)
    assert len({r.id for r in revisions}) == 8
    for revision in revisions:
        assert revision.label in labels, revision.id
        assert revision.new != revision.old, revision.id
        # A material revision says what its one material edit does; an editorial one has none.
        assert bool(revision.material.strip()) == (revision.label != Classification.EDITORIAL.value), revision.id
    # As the writing brief asks of every set: four editorial revisions, two of each material kind.
    assert sorted(Counter(r.label for r in revisions).values()) == [2, 2, 4]


def test_an_edit_is_applied_once_in_order_with_its_trailing_newline_as_the_writers_checker_did():
    base = "Intro.\n\nWe keep data.\n\nContact us.\n"
    edits = [{"old": "We keep data.\n", "new": "We keep data for a year.\n"},
             {"old": "for a year.", "new": "for two years."},
             {"old": "Contact us.\n\n", "new": ""}]
    # The third `old` ends in a blank line, so it keeps both newlines; it is not in the text.
    with pytest.raises(ValueError, match="edit 3: 'old' found 0 times"):
        evaluate.revised(base, edits, "set")
    assert evaluate.revised(base, edits[:2], "set") == "Intro.\n\nWe keep data for two years.\n\nContact us.\n"
    with pytest.raises(ValueError, match="edit 1: 'old' found 2 times"):
        evaluate.revised("a\na\n", [{"old": "a\n", "new": "b"}], "set")
