"""Region overrides follow their base text: `based_on:` records which text they were written against.

An override (`contact.br.md`, a translation `retail.br.md`) copies its base and changes it.
When the base changes later (a new data category, a new recipient), the override does not,
and a region silently keeps the old promise. An override that names the digest of the base
text it was reviewed against (`based_on: 3f2a9c41d0b7`) is flagged by `privacykit check`
and refused by `privacykit release` as soon as the base differs; `privacykit overrides`
lists every override's state, and `--stamp` records a review.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, Problem
from ..model.statement import Project, SectionVariant
from .frontmatter import split_front_matter
from .yamlio import dump_yaml, line_of, load_yaml, read_exact_text, read_text

DIGEST = re.compile(r"^[0-9a-f]{8,64}$")
SHOWN_LENGTH = 12


def base_digest(base: SectionVariant) -> str:
    """The digest of a base section's text as writers see it (title and Markdown body)."""
    return hashlib.sha256(f"{base.title}\n{base.body}".encode()).hexdigest()[:SHOWN_LENGTH]


@dataclass(frozen=True)
class OverrideState:
    override: SectionVariant
    base: SectionVariant
    current: str                 # digest of the base as it is now

    @property
    def recorded(self) -> str | None:
        return self.override.based_on

    @property
    def state(self) -> str:
        """'current', 'changed' (the base changed since the recorded review) or 'untracked'."""
        if self.recorded is None:
            return "untracked"
        return "current" if self.current.startswith(self.recorded[:SHOWN_LENGTH]) else "changed"


def override_states(project: Project, statement: str | None = None) -> list[OverrideState]:
    return [OverrideState(variant, section.base, base_digest(section.base))
            for sid, content in project.statements.items() if statement in (None, sid)
            for section in content.sections.values()
            for variant in section.overrides.values()]


def override_problems(project: Project, statement: str | None = None) -> list[Problem]:
    """One problem per override (of `statement`, or of all) whose base changed since its review."""
    problems = []
    for item in override_states(project, statement):
        if item.state != "changed":
            continue
        problems.append(Problem(
            item.override.source, _based_on_line(project, item.override),
            f"{item.base.source} changed since this override was written (based_on {item.recorded}, "
            f"now {item.current})",
            f"bring the override up to date with it, then run: privacykit overrides --stamp {item.override.source}"))
    return problems


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
    meta = load_yaml("\n".join(line.removesuffix("\r") for line in lines[1:end]), shown, line_offset=1)
    if meta is None:
        meta = load_yaml("{}", shown)
    meta["based_on"] = digest
    newline = "\r\n" if lines[0].endswith("\r") else "\n"
    front = ("---\n" + dump_yaml(meta)).replace("\n", newline)
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    temporary.write_bytes((bom + front + "\n".join(lines[end:])).encode("utf-8"))
    os.replace(temporary, path)
