"""JSON Schemas of the files writers edit: section front matter, statement.yml, regions.yml.

Editors use them for autocompletion and validation (see README). They are generated from
the same vocabularies the loader checks, so they cannot drift:
`python -m privacykit.publish.schemas` rewrites `privacykit/schemas/`, and a test
fails when the committed files differ from what this module generates.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..model import vocabulary as vocab
from ..model.facts import FactKind

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ID = r"^[a-z0-9][a-z0-9_-]*$"
REGION = r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$"


def _keys(choices, description: str) -> dict:
    return {"type": "array", "uniqueItems": True, "description": description, "items": {"enum": sorted(choices)}}


def facts_schema() -> dict:
    props = {
        FactKind.DATA_CATEGORIES.value: _keys(vocab.data_categories(), "Fides data categories"),
        FactKind.DATA_USES.value: _keys(vocab.data_uses(), "Fides data uses"),
        FactKind.DATA_SUBJECTS.value: _keys(vocab.data_subjects(), "Fides data subjects"),
        FactKind.RECIPIENTS.value: _keys(vocab.RECIPIENTS, "Kinds of recipients"),
        FactKind.TRANSFER_COUNTRIES.value: _keys(vocab.countries(), "ISO 3166-1 alpha-2 country codes"),
        FactKind.RETENTION.value: {"anyOf": [
            {"type": "string", "pattern": r"^P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?$"},
            {"enum": sorted(vocab.RETENTION_KEYWORDS)}],
            "description": "ISO 8601 duration (P2Y, P90D) or a keyword"},
        FactKind.MINIMUM_AGE.value: {"type": "integer", "minimum": 0, "maximum": 21},
        FactKind.SELLS_DATA.value: {"type": "boolean"},
        FactKind.SHARES_FOR_ADVERTISING.value: {"type": "boolean"},
        FactKind.RIGHTS.value: _keys(vocab.RIGHTS, "Data protection rights offered"),
    }
    return {"type": "object", "additionalProperties": False, "properties": props}


def section_schema() -> dict:
    regions = {"type": "array", "items": {"type": "string", "pattern": REGION}}
    return {
        "$schema": DRAFT, "title": "privacykit section front matter",
        "description": "Front matter of statements/<statement>/sections/<id>.md and apps/<id>.md.",
        "type": "object", "additionalProperties": False, "required": ["title"],
        "properties": {
            "title": {"type": "string", "minLength": 1},
            "heading": {"type": "boolean", "description": "false hides the title on the page"},
            "owner": {"type": "string", "description": "Team that owns the section (required for apps)"},
            "regions": {"type": "object", "additionalProperties": False,
                        "properties": {"only": regions, "except": regions}},
            "app": {"type": "object", "additionalProperties": False, "required": ["name"],
                    "properties": {"name": {"type": "string"},
                                   "platforms": {"type": "array", "items": {"type": "string"}}}},
            "declares": facts_schema(),
            "based_on": {"type": "string", "pattern": "^[0-9a-f]{8,64}$",
                         "description": "Region overrides only: digest of the base text this override was "
                                        "reviewed against (written by `privacykit overrides --stamp`)"},
        },
    }


def statement_schema() -> dict:
    entry = {"anyOf": [{"type": "string", "pattern": ID},
                       {"type": "object", "minProperties": 1, "maxProperties": 1,
                        "additionalProperties": {"type": "array", "items": {"$ref": "#/$defs/entry"}}}]}
    return {
        "$schema": DRAFT, "title": "privacykit statement.yml", "type": "object",
        "additionalProperties": False, "required": ["title", "outline"],
        "$defs": {"entry": entry},
        "properties": {
            "title": {"type": "string"}, "description": {"type": "string"},
            "owners": {"type": "array", "items": {"type": "string"}},
            "variables": {"type": "object"},
            "outline": {"type": "array", "items": {
                "type": "object", "additionalProperties": False, "required": ["sections"],
                "properties": {"heading": {"type": "string"}, "id": {"type": "string", "pattern": ID},
                               "sections": {"type": "array", "items": {"$ref": "#/$defs/entry"}}}}},
        },
    }


def regions_schema() -> dict:
    return {
        "$schema": DRAFT, "title": "privacykit regions.yml", "type": "object",
        "additionalProperties": False, "required": ["regions"],
        "properties": {"regions": {
            "type": "object", "propertyNames": {"pattern": REGION},
            "additionalProperties": {
                "type": "object", "additionalProperties": False, "required": ["name"],
                "properties": {"name": {"type": "string"}, "parent": {"type": "string", "pattern": REGION},
                               "locale": {"type": "string"},
                               "language": {"type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                                            "description": "Language of the statement text (BCP 47); a region "
                                                           "in another language than its root reads translations"},
                               "laws": {"type": "array", "items": {"type": "string"}},
                               "variables": {"type": "object"}}}}},
    }


SCHEMAS = {"section.schema.json": section_schema, "statement.schema.json": statement_schema,
           "regions.schema.json": regions_schema}


def render() -> dict[str, str]:
    return {name: json.dumps(make(), indent=2, ensure_ascii=False) + "\n" for name, make in SCHEMAS.items()}


def main() -> None:
    folder = Path(__file__).resolve().parent.parent / "schemas"
    for name, text in render().items():
        (folder / name).write_text(text, encoding="utf-8")
        print(f"wrote {folder / name}")


if __name__ == "__main__":
    main()
