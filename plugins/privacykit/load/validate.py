"""Validate a file's content with its model (`model/files.py`) and report each error as one
`file:line: what is wrong; what to do` problem, at the line ruamel.yaml read it from."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Annotated, Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..errors import Problem, excerpt
from ..model import vocabulary as vocab
from ..model.validation import ERROR_TYPE, Expect, FileModel, Key
from .yamlio import line_of, plain

M = TypeVar("M", bound=FileModel)


def validate(model: type[M], data: Any, shown: str, node: Any = None, offset: int = 0,
             top_line: int | None = 1, context: dict | None = None) -> tuple[M | None, list[Problem]]:
    """`data` validated by `model`, or None with every problem found.

    `node` is the same content as round-trip YAML (for line numbers; without it problems
    name the `top_line`); `offset` is added to its lines (front matter starts on line 2).
    `context` reaches the validators (a project's own terms: see `model.validation.Term`).
    """
    data = plain(data)
    try:
        return model.model_validate(data, context=context), []
    except ValidationError as exc:
        return None, [_problem(model, data, node, error, shown, offset, top_line) for error in exc.errors()]


def salvage(model: type[M], data: Any) -> M | None:
    """`data` validated by `model` without the keys that have problems (their defaults
    instead), or None: what is right in an entry stays usable while its problems are
    reported (a region with a bad locale is still a region other files may name)."""
    data = plain(data)
    if not isinstance(data, dict):
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        wrong = {error["loc"][0] for error in exc.errors() if error["loc"]}
    try:
        return model.model_validate({k: v for k, v in data.items() if k not in wrong})
    except ValidationError:
        return None


class _Names(dict):
    """Template values; a name nobody gave stays as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _problem(model: type[FileModel], data: Any, node: Any, error: Any, shown: str, offset: int,
             top_line: int | None) -> Problem:
    loc = [part for part in error["loc"] if part != "[key]"]
    steps = list(_walk(model, loc))
    names = _Names(file=shown)
    parent = _at(data, loc[:-1])
    if isinstance(parent, dict):
        names.update({str(k): v for k, v in parent.items() if isinstance(v, (str, int, float))})
    for (_, key_name), part in zip(steps, loc, strict=False):
        if key_name:
            names[key_name] = part
    kind = error["type"]
    ctx = error.get("ctx") or {}
    term = ""
    if kind == ERROR_TYPE:
        term = ctx.get("term") or ""
        names["value"] = _shown(ctx.get("value"))
        message, hint = ctx.get("message", ""), ctx.get("hint", "")
    elif kind == "extra_forbidden":
        found = _unwrap(steps[len(loc) - 2][0] if len(loc) > 1 else model)[0]
        owner: type[FileModel] = found if isinstance(found, type) and issubclass(found, FileModel) else model
        key = str(loc[-1])
        names["key"] = key
        special = {k: (m, h) for k, m, h in owner.labels.keys}
        if key in special:
            message, hint = special[key]
        else:
            allowed = [f.alias or name for name, f in owner.model_fields.items()]
            suggestion = _braces(vocab.suggest(key, allowed))
            message = owner.labels.unknown
            hint = f"{owner.labels.hint}; {suggestion}" if owner.labels.hint else suggestion
    elif kind == "missing":
        expect = _expect(_field_metadata(model, loc))
        names["value"] = _shown(error.get("input"))
        if expect is not None:
            message, hint = expect.missing or expect.message, expect.missing_hint or expect.hint
        else:
            message, hint = f"'{loc[-1]}' is missing", f"add '{loc[-1]}: …'"
    else:
        names["value"] = _shown(error.get("input"))
        where = ".".join(str(p) for p in loc) or "the file"
        message, hint = f"{where}: {_braces(error['msg'])}", "see the file's JSON Schema in privacykit/schemas/"
    return Problem(shown, _line(node, loc, offset, top_line), message.format_map(names), hint.format_map(names),
                   term)


def _shown(value: Any) -> Any:
    """A value as a message shows it: a long text or number shortened (5,000 digits are no message)."""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return excerpt(str(value))
    return value


def _braces(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _holds(container: Any, part: Any) -> bool:
    """Whether `container` (a mapping or a list) has a key or index `part`."""
    if isinstance(container, dict):
        return part in container
    return isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container)


def _at(data: Any, loc: list) -> Any:
    for part in loc:
        if not _holds(data, part):
            return None
        data = data[part]
    return data


def _line(node: Any, loc: list, offset: int, top_line: int | None) -> int | None:
    """The line of the deepest key or item of `loc` that `node` holds (its own line if none)."""
    if not isinstance(node, (CommentedMap, CommentedSeq)):
        return top_line
    line = line_of(node, None, top_line, offset)
    for part in loc:
        if not _holds(node, part):
            break
        line, node = line_of(node, part, line, offset), node[part]
    return line


# -- walking a model along an error's location ---------------------------------------------------

def _walk(model: type[FileModel], loc: list) -> Iterator[tuple[Any, str | None]]:
    """For each part of `loc`: the model (or type) it leads into, and the name of the key it is
    when it is a mapping's key named by `Key` (`{law}`, `{region}`)."""
    current: Any = model
    for part in loc:
        current, key_name = _step(current, part)
        yield current, key_name


def _step(annotation: Any, part: Any) -> tuple[Any, str | None]:
    annotation, _ = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, info in annotation.model_fields.items():
            if part in (name, info.alias):
                return _unwrap(info.annotation)[0], None
        return None, None
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin is dict and len(args) == 2:
        _, key_meta = _unwrap(args[0])
        key_name: str | None = next((m.name for m in key_meta if isinstance(m, Key)), None)
        return _unwrap(args[1])[0], key_name
    if origin in (list, tuple) and args:
        return _unwrap(args[0])[0], None
    return None, None


def _unwrap(annotation: Any) -> tuple[Any, list]:
    """The type under `Annotated[...]` and `X | None`, with the metadata found on the way."""
    metadata: list = []
    while True:
        if get_origin(annotation) is Annotated:
            args = get_args(annotation)
            annotation, metadata = args[0], [*metadata, *args[1:]]
            continue
        if get_origin(annotation) in (typing.Union, types.UnionType):
            arms = [a for a in get_args(annotation) if a is not type(None)]
            if len(arms) == 1:
                annotation = arms[0]
                continue
        return annotation, metadata


def _field_metadata(model: type[FileModel], loc: list) -> list:
    """The metadata of the field at `loc` (where a required value is missing)."""
    owner: Any = model
    for part in loc[:-1]:
        owner, _ = _step(owner, part)
    owner, _ = _unwrap(owner)
    if not (isinstance(owner, type) and issubclass(owner, BaseModel)):
        return []
    for name, info in owner.model_fields.items():
        if loc and loc[-1] in (name, info.alias):
            return [*info.metadata, *_unwrap(info.annotation)[1]]
    return []


def _expect(metadata: list) -> Expect | None:
    """The field's own message for a missing value (the innermost `Expect` is the type's)."""
    found = [m for m in metadata if isinstance(m, Expect)]
    return next((m for m in reversed(found) if m.missing), found[0] if found else None)
