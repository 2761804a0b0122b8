"""One definition per editable file: the models the loader validates with and the editor
JSON Schemas are generated from (`python -m privacykit.publish.schemas`).

| file | model |
| --- | --- |
| `<content>/regions.yml` | `RegionsFile` |
| `<content>/<statement>/statement.yml` | `StatementFile` |
| `sections/<id>.md` front matter | `SectionFront` |
| `sections/<id>.<region>.md` front matter | `OverrideFront` |
| `apps/<id>.md` front matter | `AppFront` |
| rule tables (`rules.yml`, the package's defaults) | `RulesFile` |
| `release-notes.md` front matter | `ReleaseNotesFront` |
| `<content>/vocabulary.yml` | `VocabularyFile` |

What one file cannot know is checked by the loader afterwards: references between files
(an outline naming a section without a file, an unknown region or law) and uniqueness
across items (a section placed twice, two top headings with one id).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar

from pydantic import Field, StrictBool, ValidationError
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from .facts import ChangeKind, Declares
from .region import LANGUAGE_TAG
from .translation import PublishedAs
from .validation import ERROR_TYPE, Expect, FileModel, Key, Labels, Term, Unique, invalid
from .vocabulary import PROJECT_TERM

SECTION_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
STATEMENT_ID = SECTION_ID
REGION_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# A GitHub user or org/team (CODEOWNERS), without the '@' that `privacykit owners --prefix` adds.
_NAME = r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9])?"
OWNER = re.compile(rf"^{_NAME}(?:/{_NAME})?$")
LOCALE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
DIGEST = re.compile(r"^[0-9a-f]{8,64}$")

IDS_HINT = "use lowercase letters, digits, '-' or '_'"
Text = Annotated[str, Field(min_length=1)]
Owner = Annotated[str, Field(pattern=OWNER.pattern), Expect(
    "invalid owner '{value}'", "name a user or a team (org/team) with letters, digits, '.', '_' or '-', without '@'")]
RegionRef = Annotated[str, Field(pattern=REGION_ID.pattern),
                      Expect("invalid region id '{value}'", "use lowercase letters, digits and hyphens, like 'us-ca'")]


# -- sections -----------------------------------------------------------------------------------

class RegionScopeSpec(FileModel):
    """`regions:` of a section: where it applies (each region with its children)."""

    labels: ClassVar[Labels] = Labels("'regions' must have 'only:' or 'except:' with a list of regions, not '{key}'",
                                      "write e.g. 'regions: {{only: [eu, uk]}}'")
    only: Annotated[list[RegionRef], Expect("'only' must be a list of regions", "write e.g. 'only: [eu, uk]'")] \
        = Field(default_factory=list)
    except_: Annotated[list[RegionRef], Expect("'except' must be a list of regions", "write e.g. 'except: [cn]'")] \
        = Field(default_factory=list, alias="except")


class AppSpec(FileModel):
    """`app:` of an app section: the app's name (default: the title) and platforms."""

    labels: ClassVar[Labels] = Labels("unknown key '{key}' in 'app'")
    name: Annotated[str, Expect("the app's 'name' must be text", "write 'name: …'")] | None = None
    platforms: Annotated[list[Annotated[str, Expect("invalid platform '{value}'", "write a platform name")]],
                         Unique("platform"),
                         Expect("'platforms' must be a list", "write e.g. 'platforms: [android, ios]'")] \
        = Field(default_factory=list)


_NO_TITLE = Expect("section has no title", "add 'title: …' to the front matter")
_HEADING = Expect("'heading' must be true or false", "write 'heading: false' to hide the section title")
_DECLARES = Expect("'declares' must be a mapping of fact kinds",
                   "write e.g. 'declares: {{data_categories: [user.contact.email]}}'")
_SCOPE = Expect("'regions' must have 'only:' or 'except:' with a list of regions",
                "write e.g. 'regions: {{only: [eu, uk]}}'")


class SectionFront(FileModel):
    """Front matter of a section, `<content>/<statement>/sections/<id>.md`."""

    labels: ClassVar[Labels] = Labels("unknown key '{key}' in front matter", keys=(
        ("app", "'app' is only allowed in apps/ sections", "move the file to apps/ or remove 'app:'"),))
    title: Annotated[Text, _NO_TITLE]
    heading: Annotated[StrictBool, _HEADING, Field(description="false hides the title on the page")] = True
    owner: Annotated[Owner, Field(description="Team that owns the section, reviews its changes")] | None = None
    regions: Annotated[RegionScopeSpec, _SCOPE] | None = None
    declares: Annotated[Declares, _DECLARES] | None = None


class AppFront(SectionFront):
    """Front matter of an app section, `<content>/<statement>/apps/<id>.md`: its product team owns it."""

    labels: ClassVar[Labels] = Labels("unknown key '{key}' in front matter")
    owner: Annotated[Owner, Expect("invalid owner '{value}'", "name a user or a team (org/team)",
                                   missing="app section has no owner",
                                   missing_hint="add 'owner: <team>' so the product team is asked to review its "
                                                "changes"),
                     Field(description="Product team that owns the section (required)")]
    app: Annotated[AppSpec, Expect("'app' must be a mapping",
                                   "write 'app: {{name: …, platforms: [...]}}'")] | None = None


class OverrideFront(FileModel):
    """Front matter of a region's override, `sections/<id>.<region>.md`: what it leaves out comes from the base."""

    labels: ClassVar[Labels] = Labels("unknown key '{key}' in front matter",
                                      "an override cannot change 'regions' or 'app'")
    title: Annotated[Text, _NO_TITLE] | None = None
    heading: Annotated[StrictBool, _HEADING] | None = None
    owner: Owner | None = None
    declares: Annotated[Declares, _DECLARES] | None = None
    based_on: Annotated[str, Field(pattern=DIGEST.pattern, description=(
        "Digest of the base text this override was reviewed against (written by `privacykit overrides --stamp`)")),
        Expect("'based_on' must be the digest of the base text", "run: privacykit overrides --stamp {file}")] | None \
        = None


# -- statement.yml ------------------------------------------------------------------------------

class OutlineEntries:
    """The sections of a top heading: section ids, or `id: [child ids]` to nest (apps under a section)."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(self._validate)

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: Any) -> JsonSchemaValue:
        # A recursive definition pydantic cannot make: `_Schemas` puts it in place.
        return {ENTRIES_MARK: True}

    def _validate(self, value: Any) -> list:
        if not isinstance(value, list):
            raise invalid("'sections' must be a list of section ids", "write 'sections: [id, …]'", value)
        errors: list[Any] = []
        self._check(value, (), errors)
        if errors:
            raise ValidationError.from_exception_data("outline", errors)
        return value

    def _check(self, items: list, loc: tuple, errors: list) -> None:
        for index, item in enumerate(items):
            if isinstance(item, dict) and len(item) == 1:
                ((section, children),) = item.items()
                if not (isinstance(section, str) and SECTION_ID.match(section)):
                    errors.append(_error("invalid section id '{value}' in the outline", IDS_HINT, section,
                                         (*loc, index)))
                if isinstance(children, list):
                    self._check(children, (*loc, index, section), errors)
                elif children is not None:
                    errors.append(_error("the sections nested under '{value}' must be a list",
                                         "write '{value}: [child ids]'", section, (*loc, index, section)))
            elif isinstance(item, str) and SECTION_ID.match(item):
                continue
            else:
                errors.append(_error("invalid outline entry '{value}'",
                                     "write a section id, or 'id: [child ids]' to nest sections", item, (*loc, index)))


def _error(message: str, hint: str, value: Any, loc: tuple) -> Any:
    from pydantic_core import InitErrorDetails

    return InitErrorDetails(type=invalid(message, hint, value), loc=loc, input=value)


ENTRY = "outline_entry"
ENTRIES_MARK = "x-privacykit-outline-entries"
ENTRY_SCHEMA = {"anyOf": [
    {"type": "string", "pattern": SECTION_ID.pattern},
    {"type": "object", "minProperties": 1, "maxProperties": 1, "propertyNames": {"pattern": SECTION_ID.pattern},
     "additionalProperties": {"anyOf": [{"type": "array", "items": {"$ref": f"#/$defs/{ENTRY}"}},
                                        {"type": "null"}]}}]}


class OutlineGroupSpec(FileModel):
    """A top heading of the outline (the seed's question-style headings) and its sections."""

    labels: ClassVar[Labels] = Labels("unknown key '{key}' in an outline item")
    heading: Annotated[str, Expect("a top heading must be text", "quote it: heading: \"…\"")] | None = None
    id: Annotated[str, Field(pattern=SECTION_ID.pattern), Expect(
        "invalid outline group id '{value}'", IDS_HINT,
    ), Field(description="Anchor of the top heading (default: made from the heading)")] | None = None
    sections: Annotated[list, OutlineEntries(), Expect(
        "'sections' must be a list of section ids", "write 'sections: [id, …]'",
        missing="an outline item needs 'sections:'", missing_hint="write '- heading: …' then 'sections: [id, …]'")]


class StatementFile(FileModel):
    """`<content>/<statement>/statement.yml`: title, outline of top headings, variables and owners."""

    labels: ClassVar[Labels] = Labels("unknown key '{key}' in statement.yml")
    title: Annotated[Text, Expect("statement has no title", "add 'title: …'")]
    description: Annotated[str, Expect("'description' must be text", "write 'description: …'")] | None = None
    owners: Annotated[list[Owner], Unique("owner"),
                      Expect("'owners' must be a list of teams", "write e.g. 'owners: [legal-web]'")] | None = None
    variables: Annotated[dict[str, Any], Expect("'variables' must be a mapping",
                                                "write 'name: value' lines")] | None = None
    outline: Annotated[list[Annotated[OutlineGroupSpec, Expect(
        "an outline item needs 'sections:'", "write '- heading: …' then 'sections: [id, …]'")]],
        Expect("'outline' must be a list of top headings", "write '- heading: …' items each with 'sections: [...]'",
               missing="statement has no outline", missing_hint="add 'outline:' with top headings and their sections")]


# -- regions.yml --------------------------------------------------------------------------------

class RegionSpec(FileModel):
    """One region: its readers' language, the laws that protect them, and variables."""

    labels: ClassVar[Labels] = Labels("unknown key '{key}' in region '{region}'")
    name: Annotated[str, Expect("the name of region '{region}' must be text", "write 'name: …'"),
                    Field(description="Shown to readers (default: the id)")] | None = None
    parent: Annotated[str, Field(pattern=REGION_ID.pattern), Expect(
        "invalid parent '{value}' of region '{region}'", "name another region's id, like 'us'"),
        Field(description="Region whose text this one falls back to")] | None = None
    locale: Annotated[str, Field(pattern=LOCALE.pattern), Expect(
        "invalid locale '{value}' of region '{region}'", "write a language tag such as 'pt-BR'"),
        Field(description="BCP 47 language tag of the readers, such as pt-BR (default: en)")] | None = None
    language: Annotated[str, Field(pattern=LANGUAGE_TAG.pattern), Expect(
        "region '{region}' has invalid language '{value}'", "write a language tag such as 'pt-BR' or 'zh-CN'"),
        Field(description="Language its readers read statements in, when it differs from the parent's")] | None = None
    laws: Annotated[list[Annotated[str, Expect("invalid law '{value}' in region '{region}'", "name a law id")]],
                    Unique("law"), Expect("the laws of region '{region}' must be a list", "write 'laws: [gdpr]'"),
                    Field(description="Laws whose rules judge changes for these readers")] | None = None
    variables: Annotated[dict[str, Any], Expect("variables of region '{region}' must be a mapping",
                                                "write 'name: value' lines")] | None = None


class RegionsFile(FileModel):
    """`<content>/regions.yml`: every region, with its fallback parent."""

    labels: ClassVar[Labels] = Labels("unknown key '{key}' in regions.yml")
    regions: Annotated[dict[Annotated[str, Key("region"), Field(pattern=REGION_ID.pattern), Expect(
        "invalid region id '{value}'", "use lowercase letters, digits and hyphens, like 'us-ca'")],
        Annotated[RegionSpec, Expect("region '{region}' must be a mapping", "give it at least 'name:'")]],
        Field(min_length=1), Expect("no regions defined", "add a 'regions:' mapping with at least 'global'")]


# -- rule tables ------------------------------------------------------------------------------

ACTIONS = ("consent", "none", "notify")

# A rule's three fields, as `RuleSpec` and its `other:` rule both write them.
RuleAction = Annotated[str, Term("action", lambda: ACTIONS, "unknown action '{value}' in rule '{kind}' of law '{law}'",
                                 "use one of: " + ", ".join(ACTIONS)),
                       Expect("unknown action '{value}' in rule '{kind}' of law '{law}'",
                              "use one of: " + ", ".join(ACTIONS), missing="rule '{kind}' of law '{law}' has no action",
                              missing_hint="add action: none, notify or consent")]
AdvanceDays = Annotated[int, Field(ge=0), Expect("invalid advance_days '{value}' in rule '{kind}'",
                                                 "use a whole number of days, 0 or more")]
RuleSource = Annotated[Text, Expect("rule '{kind}' of law '{law}' cites no source",
                                    "add source: the article or section the duty comes from")]


class OtherRuleSpec(FileModel):
    """What a `new_sensitive_data` rule requires for a sensitive category its law does not list as special."""

    labels: ClassVar[Labels] = Labels("unknown key '{key}' in the 'other' rule of '{kind}'")
    action: RuleAction
    advance_days: AdvanceDays = 0
    source: RuleSource


class RuleSpec(FileModel):
    """What one kind of change requires under one law, and where the duty comes from."""

    labels: ClassVar[Labels] = Labels("unknown key '{key}' in rule '{kind}'")
    action: RuleAction
    advance_days: AdvanceDays = 0
    source: RuleSource
    # For `new_sensitive_data`: the categories this law treats as special (a key and the keys under it). A new
    # category the built-in list calls sensitive but this law does not is judged by its `new_data_category` rule.
    special: Annotated[list[str], Expect("the special categories of rule '{kind}' must be a list of category keys",
                                         "write special: [user.biometric, user.health_and_medical, …]")] | None = None
    # For `new_sensitive_data` with `special`: the rule for the other sensitive categories (without it, the law's
    # `new_data_category` rule judges them).
    other: Annotated[OtherRuleSpec, Expect("the 'other' rule of '{kind}' must be a mapping",
                                           "write other: {{action: consent, source: …}}")] | None = None


class LawSpec(FileModel):
    labels: ClassVar[Labels] = Labels("unknown key '{key}' in law '{law}'")
    name: Annotated[str, Expect("the name of law '{law}' must be text", "write 'name: …'")] | None = None
    rules: Annotated[dict[Annotated[str, Key("kind"), Term(
        "change kind", lambda: [k.value for k in ChangeKind], "unknown change kind '{value}' in law '{law}'")],
        Annotated[RuleSpec, Expect("rule '{kind}' of law '{law}' must be a mapping",
                                   "write {{action: notify, advance_days: 30, source: …}}")]],
        Expect("the rules of law '{law}' must be a mapping", "write 'rules:' then one line per kind of change")] \
        | None = None


class RulesFile(FileModel):
    """A rule table: per law, what each kind of change requires. A project's `rules.yml`
    overrides single entries of the package's defaults."""

    labels: ClassVar[Labels] = Labels("unknown key '{key}' in the rule file")
    laws: Annotated[dict[Annotated[str, Key("law")], Annotated[LawSpec, Expect(
        "law '{law}' must be a mapping", "give it 'name:' and 'rules:'")]],
        Expect("a rule file needs a 'laws:' mapping", "see plugins/privacykit/rules/default.yml")]


# -- the project's vocabulary ---------------------------------------------------------------

class RecipientKindSpec(FileModel):
    """A kind of recipient a project adds to the closed list, and the words that name it in prose."""

    labels: ClassVar[Labels] = Labels("unknown key '{key}' in recipient '{recipient}'", "use 'name' and 'phrases'")
    name: Annotated[Text, Expect("recipient '{recipient}' has no name", "write 'name: Fraud prevention providers'")]
    phrases: Annotated[list[Text], Expect("'phrases' of recipient '{recipient}' must be a list of words",
                                          "write 'phrases: [fraud-prevention partners, …]'")] \
        = Field(default_factory=list)


class VocabularyFile(FileModel):
    """`vocabulary.yml`: the kinds of recipient a project adds to the closed list. A key here
    may be declared in any section's `recipients:`; its name and phrases let `check`
    recognise it in the text."""

    labels: ClassVar[Labels] = Labels("unknown key '{key}' in the vocabulary",
                                      "write 'recipients:' with one entry per kind of recipient")
    recipients: Annotated[dict[Annotated[str, Key("recipient"), Field(pattern=PROJECT_TERM.pattern), Expect(
        "invalid recipient key '{value}'", "use lower case letters, digits and underscores")],
        Annotated[RecipientKindSpec, Expect("recipient '{recipient}' must be a mapping",
                                            "write {{name: …, phrases: [...]}}")]],
        Expect("'recipients' must be a mapping of keys",
               "write 'recipients: {{fraud_prevention_providers: {{name: …, phrases: [...]}}}}'")] \
        = Field(default_factory=dict)


# -- release notes ------------------------------------------------------------------------------

DECISIONS = ("none", "notify", "consent")


class AcknowledgementSpec(FileModel):
    """The writer's decision about one change `check` or `release` reported."""

    labels: ClassVar[Labels] = Labels("unknown key '{key}' in the acknowledgement of '{change}'")
    change: Annotated[Text, Expect("invalid acknowledgement {value!r}",
                                   "write '- {{change: <id>, decision: notify, reason: …}}'"),
                      Field(description="The change as `check` printed it, `<id>@<digest of its text>`, such as "
                                        "new_incompatible_use:train_ai_system@3f2a9c01d4")]
    decision: Annotated[str, Term("decision", lambda: DECISIONS,
                                  "acknowledgement of '{change}' has decision '{value}'",
                                  "use one of: " + ", ".join(DECISIONS)),
                        Expect("acknowledgement of '{change}' has decision '{value}'",
                               "use one of: " + ", ".join(DECISIONS))]
    # Required: the gate says so, naming the regions where the decision is weaker than the rules.
    reason: Annotated[Text, Expect("acknowledgement of '{change}' gives no reason",
                                   "add 'reason: …' (it is kept with the release)"),
                      Field(description="Why (kept with the release; required, and printed by the check "
                                        "report where the decision is weaker than the rules)")] | None = None
    # Who decided (gov44; evidence44 reads the same field for bundles): optional, printed by the check report.
    by: Annotated[Text, Expect("'by' of the acknowledgement of '{change}' must name who decided",
                               "write 'by: Jane Doe (legal)' or leave it out"),
                  Field(description="Who decided (a name or a team), printed by the check report, kept with the "
                                    "release and in evidence bundles")] | None = None


class ReleaseNotesFront(FileModel):
    """Front matter of `release-notes.md`: the next release's summary and the writer's decisions."""

    labels: ClassVar[Labels] = Labels("unknown key '{key}' in the release notes")
    summary: Annotated[str, Expect("'summary' must be text", "write 'summary: …' on one line")] | None = None
    summary_translations: Annotated[dict[Annotated[str, Key("language")], Annotated[Text, Expect(
        "the summary in '{language}' must be text", "write it on one line")]],
        Expect("'summary_translations' must map languages to the summary in them",
               "write e.g. 'summary_translations: {{pt-BR: …, zh-CN: …}}'"),
        Field(description="The summary in the languages translated regions read (their notices say it)")] \
        | None = None
    acknowledge: Annotated[list[Annotated[AcknowledgementSpec, Expect(
        "invalid acknowledgement {value!r}", "write '- {{change: <id>, decision: notify, reason: …}}'")]],
        Expect("'acknowledge' must be a list", "write '- {{change: <id>, decision: notify, reason: …}}' items")] \
        | None = None
    translations: Annotated[dict[Annotated[str, Key("region")], Annotated[str, Term(
        "publication", lambda: [p.value for p in PublishedAs],
        "region '{region}' is published as '{value}', which privacykit does not know",
        "use one of: " + ", ".join(p.value for p in PublishedAs))]],
        Expect("'translations' must map regions to how they are published",
               "write e.g. 'translations: {{br: source-binding}}' (" + ", ".join(p.value for p in PublishedAs) + ")"),
        Field(description="Translated regions with stale or untranslated blocks: how they are published meanwhile")] \
        | None = None


# -- JSON Schemas -------------------------------------------------------------------------------

class _Schemas(GenerateJsonSchema):
    """JSON Schema 2020-12 of a model, with the recursive outline entry defined once."""

    def generate(self, schema: core_schema.CoreSchema, mode: Any = "validation") -> JsonSchemaValue:
        out = super().generate(schema, mode)
        if _place_entries(out):
            out.setdefault("$defs", {})[ENTRY] = ENTRY_SCHEMA
        _closed_keys(out)
        return out


def _closed_keys(node: Any) -> None:
    """Mappings whose keys follow a pattern accept no other key (as the models refuse them)."""
    if isinstance(node, dict):
        if "patternProperties" in node:
            node.setdefault("additionalProperties", False)
        for value in node.values():
            _closed_keys(value)
    elif isinstance(node, list):
        for value in node:
            _closed_keys(value)


def _place_entries(node: Any) -> bool:
    """Replace each outline-entries mark in a schema by the array of entries; True if one was found."""
    found = False
    if isinstance(node, dict):
        if node.pop(ENTRIES_MARK, False):
            node.update({"type": "array", "items": {"$ref": f"#/$defs/{ENTRY}"}})
            found = True
        for value in node.values():
            found = _place_entries(value) or found
    elif isinstance(node, list):
        for value in node:
            found = _place_entries(value) or found
    return found


SCHEMAS: dict[str, tuple[type[FileModel], str]] = {
    "section.schema.json": (SectionFront, "privacykit section front matter (sections/<id>.md)"),
    "override.schema.json": (OverrideFront, "privacykit region override front matter (sections/<id>.<region>.md)"),
    "app.schema.json": (AppFront, "privacykit app section front matter (apps/<id>.md)"),
    "statement.schema.json": (StatementFile, "privacykit statement.yml"),
    "regions.schema.json": (RegionsFile, "privacykit regions.yml"),
    "rules.schema.json": (RulesFile, "privacykit rule table (rules.yml)"),
    "release-notes.schema.json": (ReleaseNotesFront, "privacykit release notes front matter (release-notes.md)"),
    "vocabulary.schema.json": (VocabularyFile, "privacykit project vocabulary (vocabulary.yml)"),
}


def json_schema(model: type[FileModel], title: str) -> dict[str, Any]:
    """The editor JSON Schema of `model`, as published in `privacykit/schemas/`."""
    schema = model.model_json_schema(schema_generator=_Schemas)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": title}


__all__ = ["ERROR_TYPE", "SCHEMAS", "json_schema"]
