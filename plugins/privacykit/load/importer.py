"""Bring your history: split an existing policy in Markdown into a statement.

The title is the first level-1 heading; the top headings of the outline are the
shallowest headings below it; each heading one level deeper starts a section,
and deeper headings stay inside their section's text. Text directly under a top
heading becomes a section without a visible heading. Section ids come from the
heading text, so the same heading keeps the same id across versions and the
redline can align them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import ContentError, Problem
from ..model.paths import SECTIONS_DIR, STATEMENT_FILE
from .project import slugify

_ATX = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")
_SETEXT = {"=": 1, "-": 2}
_EMPTY_LINK = re.compile(r"\[\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclass
class ImportedSection:
    id: str
    title: str
    body: str
    show_heading: bool = True


@dataclass
class ImportedGroup:
    id: str
    heading: str | None
    sections: list[ImportedSection] = field(default_factory=list)


@dataclass
class ImportedStatement:
    title: str
    groups: list[ImportedGroup]

    def files(self) -> dict[str, str]:
        """The statement as files relative to its folder (`statement.yml`, `sections/<id>.md`)."""
        out: dict[str, str] = {}
        outline = [f"# Imported policy: {self.title}", f"title: {_yaml_str(self.title)}", "outline:"]
        for group in self.groups:
            if group.heading:
                outline.append(f"  - heading: {_yaml_str(group.heading)}")
                outline.append(f"    id: {group.id}")
            else:
                outline.append(f"  - id: {group.id}")
            outline.append("    sections:")
            for section in group.sections:
                outline.append(f"      - {section.id}")
                front = ["---", f"title: {_yaml_str(section.title)}"]
                if not section.show_heading:
                    front.append("heading: false")
                front.append("---")
                out[f"{SECTIONS_DIR}/{section.id}.md"] = \
                    "\n".join(front) + "\n\n" + _escape_jinja(section.body)
        out[STATEMENT_FILE] = "\n".join(outline) + "\n"
        return out


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _escape_jinja(text: str) -> str:
    """Imported text is prose, never a template: keep literal braces literal."""
    if "{{" in text or "{%" in text or "{#" in text:
        return "{% raw %}" + text.rstrip("\n") + "{% endraw %}\n"
    return text


def heading_text(raw: str) -> str:
    text = _EMPTY_LINK.sub("", raw)
    text = _LINK.sub(r"\1", text)
    text = text.replace("\\", "").strip().strip("*_").strip()
    return text


@dataclass(frozen=True)
class _Heading:
    index: int      # its first line
    level: int
    text: str
    body: int       # the first line after it (past a setext underline or a detached text line)


def _detached_text(lines: list[str], i: int) -> int | None:
    """The line holding the text of an empty heading at `i`, when a converter split them.

    Policies copied from web pages often come out as an empty `###` followed, after a blank
    line, by the heading's words on a line of their own ("Control over your information").
    """
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j >= len(lines) or j > i + 2:
        return None
    text = lines[j].strip()
    if (len(text) > 100 or text.endswith((".", ":", ",", ";")) or text.startswith(("#", "*", "-", ">", "|", "_", "["))
            or not text[0].isalnum()):
        return None
    return j


def _headings(lines: list[str]) -> list[_Heading]:
    """Every ATX and setext heading outside code fences, in order."""
    found = []
    fenced = False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced:
            continue
        m = _ATX.match(line)
        if m:
            text = heading_text(m.group(2) or "")
            if text:
                found.append(_Heading(i, len(m.group(1)), text, i + 1))
            else:
                j = _detached_text(lines, i)
                # Without its words nearby, an empty heading is a separator: no section.
                if j is not None:
                    found.append(_Heading(i, len(m.group(1)), heading_text(lines[j]), j + 1))
            continue
        if (i + 1 < len(lines) and line.strip() and not line.startswith((" ", "*", "-", ">"))
                and re.fullmatch(r"=+|-+", lines[i + 1].strip() or "x") and len(lines[i + 1].strip()) >= 3):
            found.append(_Heading(i, _SETEXT[lines[i + 1].strip()[0]], heading_text(line), i + 2))
    return found


def split_policy(text: str, shown: str) -> ImportedStatement:
    """Split a Markdown policy at its headings; raise when it has none."""
    lines = text.replace("\r\n", "\n").split("\n")
    headings = _headings(lines)
    if not headings:
        raise ContentError(Problem(shown, 1, "no headings found",
                                   "the policy needs Markdown headings (# Title, ## Part) to be split into sections"))
    title = next((h.text for h in headings if h.level == 1), None)
    body_headings = [h for h in headings if h.level > 1] or headings
    if title is None:
        title = "Privacy Policy"
    top = min(h.level for h in body_headings)
    used: set[str] = set()

    def unique(base: str) -> str:
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        used.add(candidate)
        return candidate

    groups: list[ImportedGroup] = []
    starts = [h for h in body_headings if h.level <= top + 1]
    first_line = starts[0].index if starts else len(lines)
    titles = {i for h in headings if h.level == 1 and h not in starts for i in range(h.index, h.body)}
    # A heading split from its words (see `_detached_text`) that stays inside a section's
    # text is written whole again.
    rewrite = {h.index: f"{'#' * h.level} {h.text}" for h in headings
               if _ATX.match(lines[h.index]) and h.body > h.index + 1 and h.level > 1 and h not in starts}
    skip = titles | {h.body - 1 for h in headings if h.index in rewrite}
    preamble = _body(lines, 0, first_line, skip, rewrite)
    if preamble.strip():
        groups.append(ImportedGroup(unique("introduction"), None,
                                    [ImportedSection(unique("introduction-text"), "Introduction", preamble, False)]))
    for k, start in enumerate(starts):
        level, heading = start.level, start.text
        end = starts[k + 1].index if k + 1 < len(starts) else len(lines)
        body = _body(lines, start.body, end, skip, rewrite)
        if level == top:
            group = ImportedGroup(unique(slugify(heading)), heading)
            groups.append(group)
            if body.strip():
                group.sections.append(ImportedSection(unique(slugify(heading) + "-text"), heading, body, False))
        else:
            if not groups:
                groups.append(ImportedGroup(unique("introduction"), None))
            groups[-1].sections.append(ImportedSection(unique(slugify(heading)), heading, body or "\n"))
    groups = [g for g in groups if g.sections]
    if not groups:
        raise ContentError(Problem(shown, 1, "the policy has headings but no text",
                                   "import a policy with text under its headings"))
    return ImportedStatement(title, groups)


def _body(lines: list[str], start: int, end: int, skip: set[int], rewrite: dict[int, str]) -> str:
    """The text from `start` to `end`: title lines left out, split headings joined again,
    empty separator headings dropped."""
    kept = []
    for i in range(start, end):
        if i in skip:
            continue
        line = rewrite.get(i, lines[i])
        m = _ATX.match(line)
        if not (m and not heading_text(m.group(2) or "")):
            kept.append(line)
    return "\n".join(kept).strip("\n") + "\n"
