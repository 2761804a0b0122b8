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
from .frontmatter import split_front_matter
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

    The front matter is rewritten round-trip (comments and key order stay) with the file's
    own line ends; the byte-order mark and the body are kept byte for byte; the file is
    replaced atomically.
    """
    text = read_exact_text(path, shown)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = text[len(bom):].split("\n")  # a CRLF file's lines keep their "\r"
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if not lines or lines[0].strip() != "---" or end is None:
        raise ContentError(Problem(shown, 1, "missing front matter", "start the file with a '---' block"))
    meta = load_yaml("\n".join(line.removesuffix("\r") for line in lines[1:end]), shown, line_offset=1,
                     comments=True)
    if meta is None:
        meta = load_yaml("{}", shown)
    meta["based_on"] = digest
    newline = "\r\n" if lines[0].endswith("\r") else "\n"
    front = ("---\n" + dump_yaml(meta)).replace("\n", newline)
    replace_file(path, (bom + front + "\n".join(lines[end:])).encode("utf-8"))
