"""Building blocks for the models of editable files (`model/files.py`).

A model is the one definition of a file: pydantic validates content with it, and the
editor JSON Schemas are generated from it. These annotations carry what pydantic alone
does not say: the writer-facing message of each problem (one line, with what to do), the
vocabulary of a field (checked lazily, published as an `enum`), and ids that must be
unique in a list. `load/validate.py` turns the errors into `file:line` problems.

Messages are templates: `{value}` is the value found, `{file}` the file, and any other
`{name}` a key on the way to the value (`Key("law")` names a mapping's keys) or a
sibling field of the mapping the value is in.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError, core_schema

from . import vocabulary as vocab

ERROR_TYPE = "privacykit"


def invalid(message: str, hint: str = "", value: Any = None, term: str = "") -> PydanticCustomError:
    """A validation error with a writer-facing message and hint (templates, see the module doc); `term`:
    the vocabulary `value` is not a term of (`Problem.term`)."""
    return PydanticCustomError(ERROR_TYPE, "{message}", {"message": message, "hint": hint, "value": value,
                                                         "term": term})


@dataclass(frozen=True)
class Expect:
    """The message when a field's value has the wrong type or is out of bounds, and the
    message when the field is required and missing (`missing`, default: the same).

    Errors found inside the value (an unknown term in a list) keep their own messages.
    """

    message: str
    hint: str = ""
    missing: str = ""
    missing_hint: str = ""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_wrap_validator_function(self._validate, handler(source))

    def _validate(self, value: Any, handler: Callable[[Any], Any]) -> Any:
        try:
            return handler(value)
        except ValidationError as exc:
            if all(not e["loc"] and e["type"] != ERROR_TYPE for e in exc.errors()):
                raise invalid(self.message, self.hint, value) from None
            raise


@dataclass(frozen=True)
class Term:
    """One term of a closed vocabulary: a Fides key, a recipient kind, a country code…

    A project may add terms of its own: validation context `{"terms": {label: [...]}}`
    (`load.validate.validate(..., context=…)`) adds them to the vocabulary named `label`.
    """

    label: str                                   # "data category", as messages name it
    choices: Callable[[], Collection[str]]       # called when a value is checked or a schema written
    message: str = ""                            # default: "unknown <label> '<value>'"
    hint: str = ""                               # default: the nearest valid term
    project_terms: str = ""                      # a pattern the project's own terms follow (schema only)

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.with_info_plain_validator_function(self._validate)

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        known = {"enum": sorted(self.choices())}
        # An editor cannot know the project's own terms: it accepts any of the right shape.
        return {"anyOf": [known, {"type": "string", "pattern": self.project_terms}]} if self.project_terms else known

    def _validate(self, value: Any, info: core_schema.ValidationInfo) -> str:
        choices = self.choices()
        extra = ((info.context or {}).get("terms") or {}).get(self.label)
        if extra:
            choices = {*choices, *extra}
        if not isinstance(value, str) or value not in choices:
            hint = self.hint or _literal(vocab.suggest(str(value), choices))
            raise invalid(self.message or f"unknown {self.label} '{{value}}'", hint, value, self.label)
        return value


def _literal(text: str) -> str:
    """`text` as a message template that shows it as it is."""
    return text.replace("{", "{{").replace("}", "}}")


@dataclass(frozen=True)
class Unique:
    """A list whose items may appear only once (`uniqueItems` in the schema)."""

    label: str

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_wrap_validator_function(self._validate, handler(source))

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        out = handler.resolve_ref_schema(handler(schema))
        out["uniqueItems"] = True
        return out

    def _validate(self, value: Any, handler: Callable[[Any], Any]) -> Any:
        errors: list[InitErrorDetails] = []
        result = None
        try:
            result = handler(value)
        except ValidationError as exc:
            if not isinstance(value, list):
                raise
            errors = [_again(e) for e in exc.errors()]
        if isinstance(value, list):
            seen: set[Any] = set()
            for index, item in enumerate(value):
                if isinstance(item, (str, int)) and not isinstance(item, bool):
                    if item in seen:
                        errors.append(InitErrorDetails(
                            type=invalid(f"{self.label} '{{value}}' is listed twice", "remove the duplicate", item),
                            loc=(index,), input=item))
                    seen.add(item)
        if errors:
            raise ValidationError.from_exception_data("duplicates", errors)
        return result


def _again(error: Any) -> InitErrorDetails:
    """An error of a nested validation, to raise again with others."""
    ctx = error.get("ctx") or {}
    if error["type"] == ERROR_TYPE:
        kind: Any = invalid(ctx.get("message", ""), ctx.get("hint", ""), ctx.get("value"), ctx.get("term", ""))
    else:
        kind = PydanticCustomError(error["type"], error["msg"])
    return InitErrorDetails(type=kind, loc=tuple(error["loc"]), input=error.get("input"))


@dataclass(frozen=True)
class Key:
    """Names the keys of a mapping in messages: `dict[Annotated[str, Key("law")], Law]` gives `{law}`."""

    name: str


@dataclass(frozen=True)
class Labels:
    """How a model speaks of itself in messages.

    `unknown` is the message of a key the model does not have (`{key}` is the key), with
    `hint` before the nearest valid key; `keys` gives a whole message and hint for one
    key in particular ('app' in a section outside apps/).
    """

    unknown: str
    hint: str = ""
    keys: tuple[tuple[str, str, str], ...] = ()


class FileModel(BaseModel):
    """Base of every model of an editable file: unknown keys and loose types are refused."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    labels: ClassVar[Labels] = Labels("unknown key '{key}'")
