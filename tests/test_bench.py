"""The benchmark's project generator makes valid projects of real texts (so `make bench` cannot rot)."""

from __future__ import annotations

import sys

from conftest import REPO
from privacykit.load.project import load_project
from privacykit.versions.store import VersionStore

sys.path.insert(0, str(REPO / "bench"))

from synth import make_project


def test_generated_project_has_every_dimension_and_is_valid(tmp_path):
    root = make_project(tmp_path / "p", regions=8, versions=2, statements=3, extra_sections=2)
    project = load_project(root)
    store = VersionStore(root)
    assert list(project.statements) == ["linkedin", "products", "website"]
    assert len(project.regions) == 8
    assert [len(store.versions(s)) for s in ("website", "products")] == [2, 2]
    assert len(store.versions("linkedin")) == 2          # its last two recorded versions
    assert store.verify() == []
    website = project.statements["website"]
    assert {"corpus-1", "corpus-2"} <= set(website.sections)
    # Each release edited the real text: the two releases differ.
    first, second = store.versions("website")
    assert store.document(first, "global").fingerprint != store.document(second, "global").fingerprint


def test_generated_history_is_a_policy_that_changes_a_little_each_time(tmp_path):
    from privacykit.load.importer import check_capture, split_policy
    from synth import make_history

    folder = make_history(tmp_path / "history", 3, size=40_000)
    texts = [p.read_text() for p in sorted(folder.glob("*.md"))]
    assert len(texts) == 3 and all(len(t) > 35_000 for t in texts)
    assert texts[0] != texts[1] != texts[2]
    assert all(not check_capture(t, "h.md").problems for t in texts)
    imported = split_policy(texts[-1], "h.md")
    assert imported.title == "Privacy Policy" and len(imported.sections) > 5


def test_generated_translated_and_english_projects(tmp_path):
    from privacykit.render.resolve import resolve

    translated = load_project(make_project(tmp_path / "t", regions=11, versions=1, languages=10))
    languages = {r.id: translated.regions.language(r.id) for r in translated.regions if translated.regions.translates(r.id)}
    assert len(set(languages.values())) == 10 and "global" not in languages
    assert resolve(translated, "website", "de").section("browsing").markdown.startswith("Os registros")
    english = load_project(make_project(tmp_path / "e", regions=11, versions=1, languages=0))
    assert not any(english.regions.translates(r.id) for r in english.regions)
