"""A whole policy as sections: split at its headings, and two versions aligned section by section.

`privacykit classify` is given two files: a section each, or two whole policies as published
(Markdown with ATX `#` or setext `===`/`---` headings, numbered or not). A policy is split at
every heading; the sections of the two versions are paired by title (ignoring numbering,
case and punctuation), then the rest by content (shared words), so a renamed or renumbered
section is compared with itself and not reported as removed and added.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model.document import ResolvedDocument, ResolvedGroup, ResolvedSection
from .patterns import compiled
from .redline import visible_text

_ATX = compiled(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = compiled(r"^ {0,3}(=+|-+)\s*$")
_FENCE = compiled(r"^ {0,3}(```|~~~)")
_NUMBERING = compiled(r"^(?:[\divxlc]+[.)]|\d+(?:\.\d+)*\.?|[a-z][.)]|section \d+[.:]?|part \d+[.:]?)\s+",
                      re.IGNORECASE)
_WORDS = compiled(r"[a-z0-9]+")

GROUP = "policy"


def _title_key(title: str) -> str:
    """A heading as compared between versions: no numbering, case, anchors or punctuation."""
    text = visible_text(title).lower()
    text = _NUMBERING.sub("", text.strip())
    return " ".join(_WORDS.findall(text))


def _slug(text: str) -> str:
    return "-".join(_WORDS.findall(text.lower()))[:60] or "section"


def split_policy(markdown: str) -> tuple[str, list[tuple[str, str]]]:
    """(document title, [(section title, section Markdown)]) of a whole policy.

    Text before the first heading is a section with an empty title. A first top-level
    heading with nothing before it is the document's title.
    """
    lines = markdown.split("\n")
    headings: list[tuple[int, int, int, str]] = []    # (first line, lines it takes, level, title)
    in_fence = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        atx = _ATX.match(line)
        if atx:
            headings.append((i, 1, len(atx.group(1)), atx.group(2)))
            continue
        underline = _SETEXT.match(lines[i + 1]) if i + 1 < len(lines) else None
        # A line underlined with === or --- (at least two) after a blank line is a heading.
        if underline and line.strip() and len(lines[i + 1].strip()) >= 2 and not _is_list_or_table(line) \
                and (i == 0 or not lines[i - 1].strip()):
            headings.append((i, 2, 1 if underline.group(1).startswith("=") else 2, line.strip()))
    title = ""
    if headings and headings[0][2] == 1 and not "\n".join(lines[:headings[0][0]]).strip():
        first, size, _, heading = headings.pop(0)
        title = heading
        lines = lines[first + size:]
        headings = [(f - first - size, n, level, h) for f, n, level, h in headings]
    sections: list[tuple[str, str]] = []
    start, current = 0, ""
    for first, size, _, heading in headings:
        body = "\n".join(lines[start:first]).strip("\n")
        if body.strip() or current:
            sections.append((current, body))
        current, start = heading, first + size
    body = "\n".join(lines[start:]).strip("\n")
    if body.strip() or current:
        sections.append((current, body))
    return visible_text(title), sections


def _is_list_or_table(line: str) -> bool:
    stripped = line.lstrip()
    return stripped.startswith(("|", "* ", "- ", "+ ", ">"))


def policy_document(markdown: str, name: str = "policy") -> ResolvedDocument:
    """A whole policy as a resolved document, one section per heading."""
    title, parts = split_policy(markdown)
    sections = []
    used: dict[str, int] = {}
    for heading, body in parts:
        base = _slug(_title_key(heading)) if heading else "preamble"
        used[base] = used.get(base, 0) + 1
        sid = base if used[base] == 1 else f"{base}-{used[base]}"
        sections.append(ResolvedSection(sid, visible_text(heading), body + "\n", GROUP))
    return ResolvedDocument(name, title or name, "any", "any", "en-US", (ResolvedGroup(GROUP, None),),
                            tuple(sections))


def align(old: ResolvedDocument, new: ResolvedDocument) -> ResolvedDocument:
    """`new` with its sections renamed to the ids of the old sections they continue.

    Titles are compared first (without numbering); sections left over on both sides are
    paired by the words they share, most similar first, when they share at least half.
    """
    old_by_key: dict[str, list[ResolvedSection]] = {}
    for section in old.sections:
        old_by_key.setdefault(_title_key(section.title), []).append(section)
    renamed: dict[int, str] = {}
    taken: set[str] = set()
    left_new = []
    for index, section in enumerate(new.sections):
        same = old_by_key.get(_title_key(section.title))
        if same:
            renamed[index] = same.pop(0).id
            taken.add(renamed[index])
        else:
            left_new.append(index)
    left_old = [s for s in old.sections if s.id not in taken]
    if left_new and left_old:
        old_words = [(s, set(_WORDS.findall(s.markdown.lower()))) for s in left_old]
        scored = []
        for index in left_new:
            words = set(_WORDS.findall(new.sections[index].markdown.lower()))
            for position, (_, candidate) in enumerate(old_words):
                if words and candidate:
                    score = len(words & candidate) / max(len(words), len(candidate))
                    if score >= 0.5:
                        scored.append((score, index, position))
        used_old: set[int] = set()
        for _, index, position in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
            if index in renamed or position in used_old:
                continue
            renamed[index] = old_words[position][0].id
            used_old.add(position)
    old_ids = {s.id for s in old.sections}
    sections = []
    for index, section in enumerate(new.sections):
        sid = renamed.get(index)
        if sid is None:
            sid = section.id
            while sid in old_ids:      # a new section must not take the id of an old one it is not
                sid += "-new"
        sections.append(replace(section, id=sid))
    return replace(new, sections=tuple(sections))
