"""Region overrides follow their base text: `based_on:` records which text they were written against.

An override (`contact.br.md`, a translation `retail.br.md`) copies its base and changes it.
When the base changes later (a new data category, a new recipient), the override does not,
and a region silently keeps the old promise. An override that names the digest of the base
text it was reviewed against (`based_on: 3f2a9c41d0b7`) is flagged by `privacykit check`
and refused by `privacykit release` as soon as the base differs; `privacykit overrides`
lists every override's state, and `--stamp` records a review.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..atomic import replace_file
from ..errors import ContentError, Problem, UsageError
from ..model.statement import Project, SectionVariant
from .frontmatter import front_matter_end, split_front_matter
from .yamlio import dump_yaml, line_of, load_yaml, read_exact_text, read_text

SHOWN_LENGTH = 12


def base_digest(base: SectionVariant) -> str:
    """The digest of what an override restates of its base: title, Markdown body and declared
    facts (a new recipient declared in the base is a change the override must follow).

    A base that declares no facts keeps the digest of its title and body alone, as recorded
    before facts were part of it."""
    text = f"{base.title}\n{base.body}"
    if not base.facts.is_empty():
        text += "\n" + json.dumps(base.facts.to_dict(), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:SHOWN_LENGTH]


class OverrideStatus(str, enum.Enum):
    CURRENT = "current"        # reviewed against the base as it is now
    CHANGED = "changed"        # the base changed since the recorded review
    UNTRACKED = "untracked"    # no `based_on`: changes to the base go unnoticed


@dataclass(frozen=True)
class OverrideState:
    override: SectionVariant
    base: SectionVariant
    current: str                 # digest of the base as it is now

    @property
    def recorded(self) -> str | None:
        return self.override.based_on

    @property
    def state(self) -> OverrideStatus:
        if self.recorded is None:
            return OverrideStatus.UNTRACKED
        if self.current.startswith(self.recorded[:SHOWN_LENGTH]):
            return OverrideStatus.CURRENT
        return OverrideStatus.CHANGED


def override_states(project: Project, statement: str | None = None) -> list[OverrideState]:
    return [OverrideState(variant, section.base, base_digest(section.base))
            for sid, content in project.statements.items() if statement in (None, sid)
            for section in content.sections.values()
            for variant in section.overrides.values()]


def override_problems(project: Project, statement: str | None = None) -> list[Problem]:
    """One problem per override (of `statement`, or of all) whose base changed since its review."""
    problems = []
    for item in override_states(project, statement):
        if item.state is not OverrideStatus.CHANGED:
            continue
        problems.append(Problem(
            item.override.source, _based_on_line(project, item.override),
            f"{item.base.source} changed since this override was written (based_on {item.recorded}, "
            f"now {item.current})",
            f"bring the override up to date with it, then run: privacykit overrides --stamp {item.override.source}"))
    return problems


def untracked_overrides(project: Project, statement: str | None = None) -> list[Problem]:
    """Warnings: overrides that record no `based_on`, so a change to their base goes unnoticed."""
    return [Problem(item.override.source, None,
                    f"this override records no based_on: changes to {item.base.source} will not be flagged",
                    f"after reviewing it against its base, run: privacykit overrides --stamp {item.override.source}")
            for item in override_states(project, statement) if item.state is OverrideStatus.UNTRACKED]


def stamp_overrides(project: Project, files: Iterable[Path]) -> list[OverrideState]:
    """Record a review of each override in `files` (named from the working directory or the
    project root) against its base as it is now; `UsageError` if one is not an override."""
    root = project.paths.root
    by_path = {(root / s.override.source).resolve(): s for s in override_states(project)}
    found = {f: by_path.get(f.resolve()) or by_path.get((root / f).resolve()) for f in files}
    problems = [Problem(str(f), None, "not a region override of this project",
                        f"name a file such as {project.paths.shown(project.paths.statements)}"
                        "/<statement>/sections/<id>.<region>.md")
                for f, item in found.items() if item is None]
    if problems:
        raise UsageError(problems)
    stamped = [item for item in found.values() if item is not None]
    for item in stamped:
        stamp(root / item.override.source, item.override.source, item.current)
    return stamped


def _based_on_line(project: Project, variant: SectionVariant) -> int | None:
    path = Path(project.root) / variant.source
    try:
        doc = split_front_matter(read_text(path, variant.source), variant.source)
    except ContentError:
        return None
    return line_of(doc.meta, "based_on", None, doc.meta_offset)


def stamp(path: Path, shown: str, digest: str) -> None:
    """Record in an override's front matter that it was reviewed against the base `digest`.

    Only the `based_on:` line is written: it replaces the one there, or is added at the end of the
    front matter, so every other line stays as its author laid it out (long `declares` lines, quotes,
    flow lists, comments) and no line gains trailing spaces. The file's own line ends and byte-order
    mark are kept, the body byte for byte; the file is replaced atomically. Front matter written as
    one flow mapping (`{title: …}`) is written again round-trip, as wide as its lines are.
    """
    text = read_exact_text(path, shown)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = text[len(bom):].split("\n")  # a CRLF file's lines keep their "\r"
    end = front_matter_end(lines)
    if end is None:
        raise ContentError(Problem(shown, 1, "missing front matter", "start the file with a '---' block"))
    front = [line.removesuffix("\r") for line in lines[1:end]]
    meta = load_yaml("\n".join(front), shown, line_offset=1, comments=True)
    newline = "\r\n" if lines[0].endswith("\r") else "\n"
    written = _with_based_on(front, meta, digest)
    if written is None:
        if meta is None:
            meta = load_yaml("{}", shown)
        meta["based_on"] = digest
        # As wide as its longest line, so no value is wrapped short of how its author wrote it.
        width = max([4096, *(len(line) for line in front)])
        written = [line.rstrip() for line in dump_yaml(meta, width).rstrip("\n").split("\n")]
    head = "\n".join(["---", *written]) + "\n"
    replace_file(path, (bom + head.replace("\n", newline) + "\n".join(lines[end:])).encode("utf-8"))


def _with_based_on(front: list[str], meta, digest: str) -> list[str] | None:
    """The front matter's lines with `based_on: <digest>` in place of the key's line (and any indented
    continuation of its value), or after the last line; None when the front matter is not a block
    mapping, or the result would not read back as `meta` with the new `based_on`."""
    from ruamel.yaml.comments import CommentedMap

    if meta is not None and not (isinstance(meta, CommentedMap) and not meta.fa.flow_style()):
        return None
    entry = f"based_on: {digest}"
    out = list(front)
    line = line_of(meta, "based_on") if meta is not None and "based_on" in meta else None
    if line is not None and 1 <= line <= len(out) and out[line - 1].startswith("based_on"):
        stop = line
        while stop < len(out) and out[stop][:1] in (" ", "\t") and not out[stop].lstrip().startswith("#"):
            stop += 1
        out[line - 1:stop] = [entry]
    elif line is not None:
        return None
    else:
        last = max((i for i, text in enumerate(out) if text.strip()), default=-1)
        out.insert(last + 1, entry)  # after the last written line, before any blank lines that end it
    try:
        again = load_yaml("\n".join(out), "front matter")
    except ContentError:
        return None
    expected = dict(meta or {}, based_on=digest)
    return out if isinstance(again, dict) and dict(again) == expected else None
