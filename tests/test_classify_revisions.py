"""The whole-document revisions and single edits written blind (tests/classify/corpus/revisions/ and
singles/): every set of both halves loads, every edit applies exactly once in order, and the labels are
in the closed set.

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
SINGLES = {half: evaluate.revision_sets(half, "singles") for half in ("dev", "test")}
# Each listing's shape, as its writing briefs ask: revisions a set, and how many of each label (the single
# edits have two briefs: the notice items spread, and consent edits made in the policy's own clauses).
SHAPES = {"revisions": (8, [[2, 2, 4]]), "singles": (30, [[7, 11, 12], [8, 8, 14]])}
# Development sets written by engineers for one form, with their own size and mix: editorial rewordings only
# (every practice kept; revfa35), written to show which readings fire on heavy rewordings, and capture churn
# (realfa35), editorial look-alikes of the forms real captures change in with material look-alikes of the same
# forms (no consent edit).
OWN_SHAPES = {"rwR": (4, [[4]]), "rwU": (2, [[2]]), "rwW": (2, [[2]]),
              "rfA": (20, [[5, 15]]), "rfB": (15, [[5, 10]]),
              "ppA": (28, [[7, 8, 13]]), "ppC": (25, [[5, 8, 12]]), "ppF": (29, [[8, 8, 13]]),
              "ppI": (29, [[8, 8, 13]]), "ppJ": (28, [[7, 9, 12]]), "ppL": (29, [[7, 10, 12]])}
# Paraphrase sets: each revision of the original set (their listing's `paraphrase_of`) made again in other words, on its base.
PARAPHRASES = evaluate.paraphrased()
# Revisions left out of a set because its second reader labelled them otherwise, with the writer's label.
LEFT_OUT = {"stG-09": "editorial", "cgB-04": "material-consent", "cgB-12": "material-consent",
            "cgC-13": "material-consent", "cgC-15": "material-consent", "cgC-23": "material-consent",
            "ctA-05": "material-consent", "ctB-05": "material-consent", "ctB-18": "material-consent",
            "cgE-09": "material-consent", "ctD-04": "material-consent", "ctE-11": "material-notify",
            "ctE-12": "material-consent", "cgG-10": "material-consent", "cgG-30": "material-consent",
            "cgH-13": "material-consent", "cgH-29": "material-consent", "cgI-06": "material-consent",
            "cgI-19": "material-consent", "sgO-17": "material-notify",
            "cgJ-22": "material-consent", "cgJ-26": "material-consent", "cgK-10": "material-consent",
            "cgK-15": "material-consent", "sgW-12": "material-consent", "cgM-04": "material-consent",
            "cgO-04": "material-consent", "ctH-14": "material-consent",
            "ctI-18": "material-consent", "ctJ-05": "material-consent", "cgP-27": "material-consent",
            "cgU-07": "material-consent", "cgU-09": "material-consent", "cgV-15": "material-consent",
            "chA-14": "material-consent", "chA-21": "material-notify",
            "sxB-28": "material-notify",
            "chC-09": "material-consent", "chC-13": "material-consent",
            "sxC-28": "material-notify",
            "rlA-13": "material-consent",
            "rlB-12": "material-consent",
            "rlC-06": "material-consent",
            "rlD-11": "material-notify",
            "rlG-25": "material-notify",
            "rlH-11": "material-consent",
            "rlI-23": "material-notify", "rlI-25": "material-notify",
            "rlJ-20": "material-consent",
            "rlK-09": "material-consent",
            "rlL-15": "material-notify", "rlL-22": "material-notify",
            "sxE-01": "material-notify", "sxE-08": "material-consent", "sxE-10": "material-consent", "sxE-27": "material-notify", "sxE-28": "material-notify",
            "rlF-01": "material-consent", "rlF-12": "material-consent", "rlF-30": "material-consent",
            "rlM-11": "material-notify",
            "rlN-22": "material-consent",
            "deB-20": "material-consent", "deB-24": "material-consent",
            "ppD-05": "material-consent", "ppD-16": "material-consent",
            "ppE-21": "material-consent",
            "ppG-06": "material-consent", "ppG-26": "material-notify",
            "ppH-09": "material-notify", "ppH-24": "material-consent",
            "ppI-28": "material-consent", "ppI-30": "material-consent",
            "ppK-18": "material-notify",
            "chG-28": "material-consent",
            "rlP-22": "material-notify",
            "sxJ-30": "material-notify",
            "nvA-28": "material-notify",
            "nvB-05": "material-notify",
            "nvC-04": "material-consent", "nvC-12": "material-consent",
            "nvE-10": "material-consent", "nvE-12": "material-consent", "nvE-28": "material-consent", "nvE-29": "material-notify",
            "nvF-01": "material-consent", "nvF-05": "material-consent", "nvF-07": "material-consent", "nvF-12": "material-notify", "nvF-13": "material-consent", "nvF-24": "material-notify",
            "nvG-07": "material-consent", "nvG-19": "material-notify",
            "nvH-12": "material-consent", "nvH-20": "material-consent", "nvH-24": "material-consent", "nvH-29": "material-consent",
            "nvK-01": "material-consent", "nvK-06": "material-consent", "nvK-08": "material-consent", "nvK-10": "material-consent", "nvK-14": "material-consent", "nvK-20": "material-consent", "nvK-22": "material-consent", "nvK-24": "material-consent", "nvK-30": "material-consent",
            "nvL-03": "material-consent", "nvL-04": "material-consent", "nvL-05": "material-consent", "nvL-07": "material-consent", "nvL-08": "material-consent", "nvL-10": "material-consent",
            "rnA-02": "material-consent", "rnA-13": "material-consent", "rnA-17": "material-consent", "rnA-23": "material-notify", "rnA-27": "material-consent",
            "rnB-17": "material-consent", "rnB-19": "material-notify",
            "rnE-10": "material-consent", "rnE-18": "material-consent", "rnE-27": "material-consent",
            "rnF-06": "material-consent", "rnF-16": "material-consent",
            "nvI-14": "material-consent", "nvI-25": "material-consent",
            "nvJ-04": "material-consent", "nvJ-05": "material-consent", "nvJ-08": "material-consent",
            "nvM-07": "material-notify", "nvM-20": "material-consent", "nvM-22": "material-consent", "nvM-23": "material-notify", "nvM-29": "editorial",
            "rnC-18": "material-consent", "rnC-20": "material-notify", "rnC-23": "material-notify", "rnC-28": "editorial", "rnC-29": "material-consent",
            "rnD-05": "material-consent", "rnD-09": "material-consent", "rnD-12": "material-consent", "rnD-18": "material-notify", "rnD-23": "material-notify", "rnD-24": "material-notify",
            "nvN-17": "material-notify",
            "nvO-06": "material-notify", "nvO-24": "material-notify",
            "rnG-02": "material-consent", "rnG-05": "material-consent", "rnG-12": "material-consent", "rnG-30": "material-consent",
            "nvP-05": "material-consent", "nvP-07": "material-consent", "nvP-11": "material-consent", "nvP-13": "material-consent", "nvP-15": "material-consent", "nvP-17": "material-consent", "nvP-23": "material-consent", "nvP-26": "material-consent", "nvP-29": "material-consent",
            "nvQ-03": "material-consent", "nvQ-04": "material-consent", "nvQ-05": "material-consent", "nvQ-08": "material-consent", "nvQ-11": "material-consent", "nvQ-12": "material-consent",
            "nvR-07": "material-notify", "nvR-13": "material-consent", "nvR-16": "material-consent",
            "rnH-21": "material-consent", "rnH-26": "material-consent", "rnH-29": "material-notify",
            "rnI-19": "material-consent", "rnI-26": "material-notify", "rnI-27": "material-consent", "rnI-29": "material-notify",
            "rlR-22": "material-notify", "rlR-24": "material-consent",
            "rdA-22": "material-notify",
            "rdE-08": "material-consent", "rdE-11": "material-consent", "rdE-16": "material-consent", "rdE-23": "material-consent", "rdE-27": "material-consent",
            "rdF-07": "material-consent", "rdF-12": "material-consent", "rdF-15": "material-consent", "rdF-20": "material-notify",
            "rlS-14": "material-notify",
            "rlT-12": "material-notify", "rlT-27": "material-notify",
            "rlU-05": "material-notify", "rlU-09": "material-notify",
            "nvS-19": "material-consent", "nvS-27": "material-notify",
            "rlV-10": "material-notify",
            "rlW-27": "material-consent",
            "rlX-02": "material-consent", "rlX-11": "material-consent", "rlX-16": "material-notify",
            "nvT-06": "material-consent", "nvT-10": "material-consent", "nvT-14": "material-consent",
            "nvT-16": "material-consent", "nvT-20": "material-consent", "nvT-30": "material-consent"}


def test_each_half_lists_four_sets_or_more_and_no_set_is_in_both():
    for half, folders in SETS.items():
        assert len(folders) >= 4, half
        assert all((folder / "edits.yml").is_file() for folder in folders), half
    assert not {f.name for f in SETS["dev"]} & {f.name for f in SETS["test"]}


def test_no_single_edit_set_is_in_both_halves_or_is_a_revision_set():
    assert SINGLES["dev"]
    names = [f.name for half in SINGLES.values() for f in half]
    assert len(names) == len(set(names))
    assert not set(names) & {f.name for half in SETS.values() for f in half}


def test_a_paraphrase_set_makes_its_originals_changes_again_with_their_labels_in_the_same_half():
    assert PARAPHRASES
    for half, folders in SINGLES.items():
        by_name = {f.name: f for f in folders}
        for name, original in PARAPHRASES.items():
            if name not in by_name:
                continue
            assert original in by_name, f"{name} paraphrases {original}, which is not in the {half} half"
            theirs = {r.id.split("-")[1]: r.label for r in evaluate.revisions(by_name[original])}
            mine = evaluate.revisions(by_name[name])
            assert mine
            for revision in mine:
                number = revision.id.split("-")[1]
                # A revision the original's second reader left out may still be paraphrased (and kept, if this
                # set's reader agreed); every other one keeps the original's label.
                assert theirs.get(number, LEFT_OUT.get(f"{original}-{number}")) == revision.label, revision.id


@pytest.mark.parametrize("listing,folder", [("revisions", f) for half in SETS.values() for f in half]
                         + [("singles", f) for half in SINGLES.values() for f in half],
                         ids=lambda value: value if isinstance(value, str) else value.name)
def test_every_edit_applies_and_every_label_is_in_the_closed_set(listing, folder):
    count, shape = OWN_SHAPES.get(folder.name) or SHAPES[listing]
    spec = evaluate.YAML(typ="safe").load((folder / "edits.yml").read_text("utf-8"))
    base = REPO / spec["base"]
    if not base.exists():
        pytest.skip("needs ../shared/seed")
    # A base of the writer's own is kept in the set's folder; the others are the seed or a capture of the
    # shared corpus, read in place.
    shared = (REPO.parent / "shared").resolve()
    assert base.parent in (folder, folder.parent / PARAPHRASES.get(folder.name, folder.name)) or base.resolve().is_relative_to(shared)
    revisions = evaluate.revisions(folder)  # raises on an edit that does not apply exactly once
    labels = {c.value for c in Classification}
    left_out = Counter(label for id_, label in LEFT_OUT.items() if id_.startswith(folder.name + "-"))
    count -= sum(left_out.values())
    assert len(revisions) == count
    assert all(r.id.startswith(folder.name + "-") for r in revisions)
    assert len({r.id for r in revisions} | set(LEFT_OUT)) == count + len(LEFT_OUT)
    for revision in revisions:
        assert revision.label in labels, revision.id
        assert revision.new != revision.old, revision.id
        # A material revision says what its one material edit does; an editorial one has none.
        assert bool(revision.material.strip()) == (revision.label != Classification.EDITORIAL.value), revision.id
    assert sorted((Counter(r.label for r in revisions) + left_out).values()) in shape


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


blindsets = load_script(HERE / "blindsets.py", "classify_blindsets")


def test_the_writers_checker_passes_every_development_set_and_names_an_edit_that_does_not_apply(tmp_path):
    for folder in SINGLES["dev"] + SETS["dev"]:
        if (folder / "base.md").exists() or (REPO.parent / "shared" / "seed").is_dir():
            assert blindsets.check(folder)[-1].endswith("OK"), folder.name
    (tmp_path / "base.md").write_text("We keep data for a year.\n", "utf-8")
    (tmp_path / "edits.yml").write_text(
        "base: own\nrevisions:\n"
        "- id: x-01\n  label: material-notify\n  edits:\n  - old: for a year\n    new: for two years\n"
        "- id: x-02\n  label: notify\n  edits:\n  - old: for ever\n    new: for a day\n", "utf-8")
    lines = blindsets.check(tmp_path)
    assert lines[-1].endswith("ERRORS")
    assert any(line.startswith("x-02 edit 1: 'old' found 0 times") for line in lines)
    assert any("x-02: label 'notify'" in line for line in lines)
    # A second reader's text shows each revision's change and never its label.
    (tmp_path / "edits.yml").write_text(
        "base: own\nrevisions:\n"
        "- id: x-01\n  label: material-notify\n  edits:\n  - old: for a year\n    new: for two years\n", "utf-8")
    text = blindsets.diffs(tmp_path)
    assert "## x-01" in text and "+We keep data for two years." in text and "-We keep data for a year." in text
    assert "material" not in text and "notify" not in text
