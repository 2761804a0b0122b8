"""The labelled evaluation set built from the real policy histories (tests/classify/corpus/).

The set is data for measuring `privacykit classify`; these tests keep it honest: the halves do
not share a service, every case is well formed, synthetic edits start from real text, and the
committed files are exactly what the extraction script and the hand labels produce.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest
from ruamel.yaml import YAML

from conftest import CORPUS, REPO, SEED, load_script

HERE = REPO / "tests" / "classify" / "corpus"
HALVES = ("dev", "test")


extract = load_script(HERE / "extract.py", "corpus_extract")


@cache
def cases(name: str) -> list[dict]:
    """The cases of one labelled file, read once per process (the tests only read them; dev.yml is 3.4 MB)."""
    return YAML(typ="safe").load((HERE / f"{name}.yml").read_text("utf-8"))["cases"]


def service_of(case: dict) -> str:
    """The corpus service a case comes from ("lenovo" for the seed's edits, "written" for the
    edits written blind on the seed and on text of the writer's own)."""
    if case["id"].startswith("written-"):
        return "written"
    words = case["source"].split()
    return words[words.index("corpus") + 1] if "corpus" in words else "lenovo"


def test_halves_are_split_by_service_and_seed_section():
    for half, services in zip(HALVES, (extract.DEV_SERVICES, extract.TEST_SERVICES), strict=True):
        for name in (half, f"documents-{half}"):
            found = {service_of(case) for case in cases(name)}
            assert found - {"lenovo", "written"} == set(services), name
    assert {service_of(case) for case in cases("test")} & {"written"} == set()
    seed_sections = [{c["section"] for c in cases(half) if service_of(c) == "lenovo"} for half in HALVES]
    assert seed_sections[0] and seed_sections[1] and not seed_sections[0] & seed_sections[1]


def test_every_case_is_well_formed_and_ids_are_unique():
    every = [case for half in HALVES for name in (half, f"documents-{half}") for case in cases(name)]
    assert not [i for i, n in Counter(c["id"] for c in every).items() if n > 1]
    for case in every:
        assert case["label"] in extract.LABELS, case["id"]
        assert case["kind"] and case["why"] and case["source"], case["id"]
    for case in (c for half in HALVES for c in cases(half)):
        assert case["old"] != case["new"], case["id"]


def test_the_set_is_as_large_and_mixed_as_promised():
    sections = [c for half in HALVES for c in cases(half)]
    synthetic = [c for c in sections if not c["source"].startswith("corpus") and service_of(c) != "written"]
    assert len(sections) >= 250 and len(synthetic) >= 120
    assert 0.15 <= sum(service_of(c) == "lenovo" for c in synthetic) / len(synthetic) <= 0.35
    for half in HALVES:
        labels = Counter(c["label"] for c in cases(half))
        assert min(labels.values()) >= 25, (half, labels)


def test_headers_state_the_counts():
    for name in (*HALVES, *(f"documents-{half}" for half in HALVES)):
        text = (HERE / f"{name}.yml").read_text("utf-8")
        labels = Counter(c["label"] for c in cases(name))
        stated = f"# Counts: {sum(labels.values())} cases: " + ", ".join(
            f"{labels[label]} {label}" for label in extract.LABELS
        )
        assert stated in text, name


def test_document_pairs_cover_every_differing_pair_of_every_service():
    listed = {(c["old_file"], c["new_file"]) for half in HALVES for c in cases(f"documents-{half}")}
    expected = {
        (f"{extract.CORPUS_REF}/{service}/{a.name}", f"{extract.CORPUS_REF}/{service}/{b.name}")
        for service in extract.DEV_SERVICES + extract.TEST_SERVICES
        for a, b in extract.document_pairs(service)
    }
    assert listed == expected
    assert all((REPO / old).exists() and (REPO / new).exists() for old, new in listed)


def test_synthetic_edits_start_from_real_text():
    seed = {name: (SEED / f"{name}-privacy-statement-2024-03-05.md").read_text("utf-8")
            for name in ("website", "products")}
    for case in (c for half in HALVES for c in cases(half) if not c["source"].startswith("corpus")):
        if service_of(case) == "written":
            # The writer's own text has no source to compare; the seed's excerpts are verbatim.
            if "Lenovo seed" in case["source"]:
                assert any(" ".join(case["old"].split()) in " ".join(text.split()) for text in seed.values()), \
                    case["id"]
            continue
        if service_of(case) == "lenovo":
            statement = case["source"].split(", ")[1].split()[0]  # "website statement" or "products statement"
            text = (SEED / f"{statement}-privacy-statement-2024-03-05.md").read_text("utf-8")
        else:
            words = case["source"].split()
            stamp = words[words.index("corpus") + 2].rstrip(",")
            text = (CORPUS / service_of(case) / f"{stamp}.md").read_text("utf-8")
        assert case["old"] in text, case["id"]


def test_trimming_keeps_every_changed_paragraph_and_marks_cuts_alike():
    old = "Heading\n\n" + "\n\n".join(f"Paragraph {n} " + "x" * 200 for n in range(20))
    new = old.replace("Paragraph 3 ", "Paragraph 3 changed ").replace("Paragraph 15 ", "Paragraph 15 changed ")
    short_old, short_new = extract.trim(old, new)
    assert short_old.startswith("Heading") and short_new.startswith("Heading")
    assert "Paragraph 3 changed" in short_new and "Paragraph 15 changed" in short_new
    assert "Paragraph 9 " not in short_new  # far from both changes
    assert short_old.count(extract.GAP) == short_new.count(extract.GAP) == 3


@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpus")
def test_build_reproduces_the_committed_files(tmp_path):
    assert extract.build(tmp_path) == []
    for name in (*HALVES, *(f"documents-{half}" for half in HALVES)):
        assert (tmp_path / f"{name}.yml").read_text("utf-8") == (HERE / f"{name}.yml").read_text("utf-8"), name
