"""One definition per editable file: the loader and the published JSON Schemas give the same verdict."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from conftest import REPO
from privacykit.errors import ContentError, ProblemLog
from privacykit.load.project import load_project
from privacykit.load.validate import validate
from privacykit.load.vocabulary import load_vocabulary, validation_context
from privacykit.model.files import SCHEMAS
from privacykit.testing.plugin import MINIMAL_PROJECT, write_project
from privacykit.versions.gate import read_release_notes
from test_bad_input import CASES as BAD_INPUT

SCHEMA_DIR = REPO / "plugins/privacykit/schemas"
SECTION = "statements/web/sections/cookies.md"
OVERRIDE = "statements/web/sections/contact.br.md"
APP = "statements/web/apps/widget.md"
STATEMENT = "statements/web/statement.yml"
REGIONS = "statements/regions.yml"
RULES = "statements/rules.yml"
NOTES = "statements/web/release-notes.md"
VOCABULARY = "statements/vocabulary.yml"
WITH_APP = ("title: T\noutline:\n  - heading: H\n    sections: [account, {cookies: [widget]}, contact]\n")

# Files the loader and the schemas judge alike (valid or not), beyond the bad-input catalogue.
FIXTURES: dict[str, dict[str, str]] = {
    # The three places where the hand-written schemas and the loader disagreed.
    "a base section may not say based_on": {SECTION: "---\ntitle: Cookies\nbased_on: 0123456789ab\n---\nText.\n"},
    "an override may leave its title to the base": {OVERRIDE: "---\nowner: legal-br\n---\nTexto.\n"},
    "a region may leave its name to its id": {REGIONS: "regions:\n  global: {locale: en-US}\n"},
    "an app section names its owner": {APP: "---\ntitle: Widget\napp: {name: Widget}\n---\nText.\n",
                                       STATEMENT: WITH_APP},
    "an app's name defaults to its title": {APP: "---\ntitle: Widget\nowner: apps\n---\nText.\n",
                                            STATEMENT: WITH_APP},
    "platforms are a list": {APP: "---\ntitle: W\nowner: apps\napp: {platforms: ios}\n---\nText.\n",
                             STATEMENT: WITH_APP},
    "a locale is a language tag": {REGIONS: "regions:\n  global: {name: G, locale: [pt]}\n"},
    "laws are a list": {REGIONS: "regions:\n  global: {name: G, laws: 5}\n"},
    "a parent is a region id": {REGIONS: "regions:\n  global: {name: G}\n  us: {name: US, parent: [x]}\n"},
    "variables are a mapping": {STATEMENT: "title: T\nvariables: [a, b]\noutline:\n  - sections: [account]\n"},
    "owners are a list": {STATEMENT: "title: T\nowners: 5\noutline:\n  - sections: [account]\n"},
    "only is a list": {SECTION: "---\ntitle: Cookies\nregions: {only: 5}\n---\nText.\n"},
    "an outline group id is an id": {STATEMENT: "title: T\noutline:\n  - heading: H\n    id: 'a\"><img src=x>'\n"
                                                "    sections: [account]\n"},
    "an owner is a user or a team": {SECTION: "---\ntitle: C\nowner: \"legal\\n* @attacker\"\n---\nText.\n"},
    "retention P alone is no duration": {SECTION: "---\ntitle: C\ndeclares: {retention: P}\n---\nText.\n"},
    "a valid duration": {SECTION: "---\ntitle: C\ndeclares: {retention: P18M, minimum_age: 16}\n---\nText.\n"},
    "null declares": {SECTION: "---\ntitle: C\ndeclares:\n---\nText.\n"},
    "rules: an unknown action": {RULES: "laws:\n  gdpr:\n    rules:\n      new_data_use: {action: warn, source: x}\n"},
    "rules: a valid override": {RULES: "laws:\n  gdpr:\n    rules:\n      new_data_use: {action: notify, "
                                       "advance_days: 14, source: GDPR Art. 13(3)}\n"},
    "rules: no source": {RULES: "laws:\n  gdpr:\n    rules:\n      new_data_use: {action: notify}\n"},
    "notes: a decision that is none of the three": {
        NOTES: "---\nacknowledge:\n  - {change: 'new_data_use:x', decision: maybe, reason: r}\n---\n"},
    "notes: a decision with its reason": {
        NOTES: "---\nsummary: S\nacknowledge:\n  - {change: 'new_data_use:x', decision: notify, reason: r}\n---\n"},
    "an override cannot change where a section applies": {OVERRIDE: "---\nregions: {only: [br]}\n---\nTexto.\n"},
    "an override's based_on is a digest": {OVERRIDE: "---\nbased_on: 12345\n---\nTexto.\n"},
    "notes: the template release leaves": {NOTES: "---\nsummary:\nacknowledge: []\n---\n"},
    "vocabulary: a project's recipient kind, declared": {
        VOCABULARY: "recipients:\n  ticketing_partners: {name: Ticketing partners, phrases: [ticketing partners]}\n",
        SECTION: "---\ntitle: Cookies\ndeclares: {recipients: [ticketing_partners, affiliates]}\n---\nText.\n"},
    "vocabulary: a key is lower case": {VOCABULARY: "recipients:\n  Ticketing: {name: Ticketing partners}\n"},
    "vocabulary: a kind has a name": {VOCABULARY: "recipients:\n  ticketing_partners: {phrases: [tickets]}\n"},
}


def _kind(rel: str) -> str | None:
    """The schema of a project file, from where it is."""
    name = rel.rsplit("/", 1)[-1]
    if "/translations/" in rel:
        return None  # translation files: the translation layer reads them
    if name == "regions.yml":
        return "regions.schema.json"
    if name == "statement.yml":
        return "statement.schema.json"
    if name == "rules.yml":
        return "rules.schema.json"
    if name == "release-notes.md":
        return "release-notes.schema.json"
    if name == "vocabulary.yml":
        return "vocabulary.schema.json"
    if "/apps/" in rel:
        return "app.schema.json"
    if "/sections/" in rel:
        return "override.schema.json" if name.count(".") == 2 else "section.schema.json"
    return None


def _content(path: Path):
    """The YAML a file holds (its front matter for Markdown), or None when it does not parse."""
    try:
        text = path.read_text("utf-8")
        if path.suffix == ".md":
            match = re.match(r"---\n(.*?)\n?---\n", text, flags=re.S)
            if match is None:
                return None
            text = match.group(1)
        data = YAML(typ="safe").load(text)
    except (UnicodeDecodeError, YAMLError, ValueError):
        return None  # not text, not YAML, or a number Python will not read
    return {} if data is None and path.suffix == ".md" else data


def _files(root: Path):
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and _kind(rel):
            yield rel, path


def _verdicts(root: Path) -> list[tuple[str, bool, bool]]:
    """(file, the loader's verdict, the published schema's verdict) for every editable file."""
    out = []
    # A project's own recipient kinds reach the loader's validation as context.
    vocabulary = next((path for rel, path in _files(root) if _kind(rel) == "vocabulary.schema.json"), None)
    context = validation_context(load_vocabulary(vocabulary, "vocabulary.yml", ProblemLog())) if vocabulary else None
    for rel, path in _files(root):
        data = _content(path)
        if data is None:
            continue  # not YAML at all: no schema applies, and the loader refuses it
        name = _kind(rel)
        model, _ = SCHEMAS[name]
        valid_for_loader = validate(model, data, rel, context=context)[0] is not None
        schema = json.loads((SCHEMA_DIR / name).read_text())
        valid_for_schema = jsonschema.Draft202012Validator(schema).is_valid(data)
        out.append((rel, valid_for_loader, valid_for_schema))
    return out


def test_the_published_schemas_are_generated_from_the_models():
    from privacykit.publish import schemas

    assert sorted(schemas.render()) == sorted(p.name for p in SCHEMA_DIR.glob("*.json") if p.name != "api-v1.schema.json")
    for name, text in schemas.render().items():
        assert (SCHEMA_DIR / name).read_text() == text, f"run: python -m privacykit.publish.schemas ({name})"


def test_every_example_file_is_valid_for_loader_and_schema(tmp_path):
    verdicts = _verdicts(REPO / "statements")
    assert len(verdicts) > 100
    assert [(rel, loader, schema) for rel, loader, schema in verdicts if not (loader and schema)] == []
    rules = tmp_path / "rules.yml"
    rules.write_text(resources.files("privacykit").joinpath("rules/default.yml").read_text("utf-8"))
    assert _verdicts(tmp_path) == [("rules.yml", True, True)]


CATALOGUE = {**{f"bad input: {k}": files for k, (files, _) in BAD_INPUT.items()}, **FIXTURES}


@pytest.mark.parametrize("case", sorted(CATALOGUE))
def test_loader_and_schema_agree_on_every_fixture(case, tmp_path):
    root = write_project(tmp_path, CATALOGUE[case])
    verdicts = _verdicts(root)
    assert [(rel, loader, schema) for rel, loader, schema in verdicts if loader != schema] == []
    # The loader reports exactly the model's problems for these files (and perhaps others,
    # about references between files).
    model_problems = set()
    context = validation_context(load_vocabulary(root / VOCABULARY, VOCABULARY, ProblemLog()))
    for rel, path in _files(root):
        data = _content(path)
        if data is not None and rel in CATALOGUE[case]:
            model_problems |= {(p.file, p.message)
                               for p in validate(SCHEMAS[_kind(rel)][0], data, rel, context=context)[1]}
    try:
        load_project(root)
        reported = set()
    except ContentError as exc:
        reported = {(p.file, p.message) for p in exc.problems}
    if NOTES in CATALOGUE[case]:
        try:
            reported |= {(p.file, p.message) for p in read_release_notes(root / NOTES, NOTES).problems}
        except ContentError as exc:    # notes that cannot be read at all (no front matter: sec43's case)
            reported |= {(p.file, p.message) for p in exc.problems}
    assert model_problems <= reported


def test_the_fixtures_cover_valid_and_invalid_files_of_every_kind(tmp_path):
    seen: dict[tuple[str, bool], int] = {}
    for n, files in enumerate(CATALOGUE.values()):
        root = write_project(tmp_path / str(n), files)
        for rel, loader, _ in _verdicts(root):
            if rel in files:
                seen[(_kind(rel), loader)] = seen.get((_kind(rel), loader), 0) + 1
    assert {kind for kind, valid in seen if not valid} == set(SCHEMAS)
    assert {kind for kind, valid in seen if valid} == set(SCHEMAS)


def test_minimal_project_is_valid_for_both():
    assert all(_kind(rel) for rel in MINIMAL_PROJECT)
