"""Split a section file into its YAML front matter and its Markdown body."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import ContentError, Problem
from ..model.controls import first_control
from .yamlio import load_yaml, refuse_controls


@dataclass(frozen=True)
class FrontMatterDocument:
    meta: Any            # round-trip mapping, keeps line numbers
    body: str
    body_line: int       # 1-based line of the body's first line in the file
    meta_offset: int     # add to a YAML line (1-based within the block) for the file line


def front_matter_end(lines: list[str]) -> int | None:
    """The index of the line that closes the front matter opened by `lines[0]` (`---`, or YAML's
    `...`), or None: no front matter, or none closed."""
    if not lines or lines[0].strip() != "---":
        return None
    return next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)


def split_front_matter(text: str, shown: str, fast: bool = False) -> FrontMatterDocument:
    """Parse `---\\n<yaml>\\n---\\n<markdown>`; the front matter is required."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ContentError(Problem(shown, 1, "missing front matter",
                                   "start the file with a '---' line, 'title: …', and a closing '---' line"))
    end = front_matter_end(lines)
    if end is None:
        raise ContentError(Problem(shown, 1, "front matter is not closed",
                                   "add a line '---' after the front matter"))
    yaml_text = "\n".join(lines[1:end])
    # `fast`: the C parser, without line numbers (see `load_yaml`).
    meta = load_yaml(yaml_text, shown, line_offset=1, fast=fast)
    if fast and "\\" in yaml_text:
        refuse_controls(meta, shown, 1)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ContentError(Problem(shown, 2, "front matter must be a mapping of keys",
                                   "write 'key: value' lines such as 'title: …'"))
    body_lines = lines[end + 1:]
    # Leading blank lines are not part of the text; count them for line numbers.
    skipped = 0
    while skipped < len(body_lines) and not body_lines[skipped].strip():
        skipped += 1
    body = "\n".join(body_lines[skipped:]).rstrip() + "\n"
    found = first_control(body)
    if found:
        raise ContentError(Problem(shown, end + 2 + skipped + body.count("\n", 0, found[0]),
                                   f"control character {found[1]} in the text",
                                   "remove it: readers cannot see it, and feeds and terminals break on it"))
    return FrontMatterDocument(meta, body, end + 2 + skipped, 1)
