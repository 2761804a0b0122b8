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


# A heading of words, spaces and the punctuation Markdown leaves as it is (or makes typographic, which
# `_WORDS` passes over alike): its visible text is its text, and it has no numbering to take off.
_PLAIN_TITLE = compiled(r"[A-Za-z][A-Za-z ,?'’-]*")


def _title_key(title: str) -> str:
    """A heading as compared between versions: no numbering, case, anchors or punctuation."""
    if _PLAIN_TITLE.fullmatch(title):
        # (speed23b: its words alone, without converting it; the key is the same.)
        return " ".join(_WORDS.findall(title.lower()))
    text = visible_text(title).lower()
    text = _NUMBERING.sub("", text.strip())
    return " ".join(_WORDS.findall(text))


def _slug(text: str) -> str:
    return "-".join(_WORDS.findall(text.lower()))[:60] or "section"


def _heading_of(line: str, below: str | None, opens: bool) -> tuple[int, int, str] | None:
    """The heading `line` is (lines it takes, level, title), or None: an ATX heading, or a line underlined by
    `below` with === or --- (at least two) where it `opens` a block (after a blank line)."""
    atx = _ATX.match(line)
    if atx:
        return 1, len(atx.group(1)), atx.group(2)
    underline = _SETEXT.match(below) if below is not None else None
    if underline and below and line.strip() and len(below.strip()) >= 2 and not _is_list_or_table(line) and opens:
        return 2, 1 if underline.group(1).startswith("=") else 2, line.strip()
    return None


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
        found = _heading_of(line, lines[i + 1] if i + 1 < len(lines) else None, i == 0 or not lines[i - 1].strip())
        if found is not None:
            headings.append((i, *found))
    if LIST_ITEM_HEADINGS:
        taken = {first for first, _, _, _ in headings}
        headings = sorted(headings + [h for h in _list_item_headings(lines) if h[0] not in taken])
    if not headings:
        headings = _plain_headings(lines)
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
            sections.append((current, _dedented(body) if LIST_ITEM_HEADINGS else body))
        current, start = heading, first + size
    body = "\n".join(lines[start:]).strip("\n")
    if body.strip() or current:
        sections.append((current, _dedented(body) if LIST_ITEM_HEADINGS else body))
    return visible_text(title), sections


def _dedented(body: str) -> str:
    """A section's Markdown less the indentation all its lines share: a section under a heading inside a list
    item, as the item's content reads it (its own lists, "    * Delete Data: …", lists again)."""
    lines = body.split("\n")
    cut = min((len(line) - len(line.lstrip(" ")) for line in lines if line.strip()), default=0)
    return body if not cut else "\n".join(line[cut:] if line.strip() else "" for line in lines)


# fold26: a heading inside a list item is still a heading (LinkedIn's captures up to 2025-04 nest theirs in a
# numbered list: "1.  Introduction" underlined by an indented "----", "    ### Services" under it). Off, a policy
# written so is one section.
LIST_ITEM_HEADINGS = True
# A list item's marker, up to three spaces in, and the spaces after it: the item's content starts where they end.
_LIST_MARKER = compiled(r"^ {0,3}(?:\d{1,9}[.)]|[-*+])(?: {1,4}(?=\S)|\s*$)")


def _list_item_headings(lines: list[str]) -> list[tuple[int, int, int, str]]:
    """The headings written inside list items (first line, lines it takes, level, title), each read as the
    item's content is: the line less the item's indentation (its marker on the item's first line). An ATX
    heading, or a line of the item underlined with === or --- at the item's indentation after the item's
    first line or a blank line. An item ends at a line written left of its content; items nest."""
    found: list[tuple[int, int, int, str]] = []
    columns: list[int] = []          # the content column of each open item, innermost last
    views: list[str | None] = []     # each line as its innermost item's content reads it (None: outside items)
    in_fence = False
    for line in lines:
        if not line.strip():
            views.append("" if columns else None)
            continue
        indent = len(line) - len(line.lstrip(" "))
        while columns and indent < columns[-1]:
            columns.pop()
        base = columns[-1] if columns else 0
        marker = _LIST_MARKER.match(line[base:]) if not in_fence else None
        if marker is not None:
            columns.append(base + marker.end())
            views.append(line[base + marker.end():])
        else:
            views.append(line[base:] if columns else None)
        if _FENCE.match(line.lstrip()):
            in_fence = not in_fence
    first_of_item = {i for i, line in enumerate(lines)
                     if views[i] is not None and _LIST_MARKER.match(line.lstrip(" ")) is not None}
    in_fence = False
    for i, view in enumerate(views):
        if view is None:
            continue
        if _FENCE.match(view):
            in_fence = not in_fence
            continue
        if in_fence or not view.strip():
            continue
        heading = _heading_of(view, views[i + 1] if i + 1 < len(views) else None,
                              i in first_of_item or not lines[i - 1].strip())
        if heading is not None:
            found.append((i, *heading))
    return found


# A line that closes as a sentence, a clause or a bracket does; and a run of three digits (a street number,
# a postcode): no heading.
_CLOSING = (".", ":", ";", ",", ")", "?", "!")
_THREE_DIGITS = compiled(r"\d{3}")
# A heading's number ("3.", "2.1", "IV.", "A)").
_NUMBERED = compiled(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVX]{1,4}[.)]|[A-Z][.)])\s+")


def _plain_headings(lines: list[str]) -> list[tuple[int, int, int, str]]:
    """The headings of a policy written without heading markup (text copied from a web page or a PDF,
    as Quora's captures are): a paragraph of one short line, capitalised, without closing punctuation,
    a link, a list or table mark, a label's colon or a street number, with body text under it before the next such line
    ("Information We Collect", "3. How We Share Your Information", "**Your Choices**"). One with nothing
    under it is a line of the text before it (an empty "Overview", an address block's "Attn: Privacy").
    Read only where the policy has no heading markup at all, so a bold line inside a marked-up section
    stays in its section. The splitter of the labelled sets (tests/classify/corpus/extract.py,
    `is_plain_heading`) reads such lines nearly the same way, and in marked-up policies too; it also takes a
    line closing with "?" or "!" ("What is tailored advertising?") and a label's line ("Attn: Privacy"), which
    this rule refuses. The labelled ids are keyed by the headings it finds, and this rule would move some
    (fold24: 15 development ids gone, 9 new, 9 kept with other texts; in the test half 2 new, 3 other texts),
    so the two stay apart."""
    found: list[tuple[int, int, int, str]] = []
    for i, raw in enumerate(lines):
        line = raw.strip()
        bold = re.fullmatch(r"(\*\*|__)(.+)\1", line)
        if bold:
            line = bold.group(2).strip()
        alone = (i == 0 or not lines[i - 1].strip()) and (i + 1 >= len(lines) or not lines[i + 1].strip())
        words = _NUMBERED.sub("", line)
        if alone and 0 < len(line) <= 70 and words[:1].isupper() and not line.endswith(_CLOSING) \
                and not _is_list_or_table(line) and "](" not in line and not _THREE_DIGITS.search(line) \
                and ": " not in line:     # a label and its value ("Attn: Privacy", "Effective date: …")
            found.append((i, 1, 2, line))
    # Keep those with body text under them before the next one.
    kept = []
    for n, heading in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(lines)
        if "\n".join(lines[heading[0] + 1:end]).strip():
            kept.append(heading)
    return kept


def _is_list_or_table(line: str) -> bool:
    stripped = line.lstrip()
    return stripped.startswith(("|", "* ", "- ", "+ ", ">"))


# The id of the document that holds one section compared alone (`classify` of two section files, the labelled
# section pairs): the rest of its policy is unknown, so nothing can be said of what the whole document names.
SECTION_ALONE = "classify"


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


# split30: a title several sections bear ("Your rights" under each region's heading, "Contact" under each product's)
# pairs each new one with the old one of that title whose text it shares most. Off, they pair in order, and a
# section of that title inserted before the others shifts every pairing after it by one.
REPEATED_BY_CONTENT = True


def _repeated_by_content(old_by_key: dict[str, list[ResolvedSection]], new: ResolvedDocument, new_keys: list[str],
                         renamed: dict[int, str], taken: set[str]) -> None:
    """Pair the sections of a title borne by more than one section on either side by the words they share (most
    similar first, when they share at least a third), taking the paired old ones out of `old_by_key`; what is left
    of such a title pairs in order, as any other title does."""
    counts: dict[str, int] = {}
    for key in new_keys:
        counts[key] = counts.get(key, 0) + 1
    repeated = [key for key, old_ones in old_by_key.items()
                if key in counts and (len(old_ones) > 1 or counts[key] > 1)]
    for key in repeated:
        olds = old_by_key[key]
        old_words = [set(_WORDS.findall(s.markdown.lower())) for s in olds]
        scored = []
        for index, k in enumerate(new_keys):
            if k != key:
                continue
            words = set(_WORDS.findall(new.sections[index].markdown.lower()))
            for position, candidate in enumerate(old_words):
                if words and candidate:
                    score = len(words & candidate) / max(len(words), len(candidate))
                    if score >= 1 / 3:
                        scored.append((score, index, position))
        used: set[int] = set()
        for _, index, position in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
            if index in renamed or position in used:
                continue
            renamed[index] = olds[position].id
            taken.add(olds[position].id)
            used.add(position)
        old_by_key[key] = [s for position, s in enumerate(olds) if position not in used]


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
    new_keys = [_title_key(section.title) for section in new.sections]
    if REPEATED_BY_CONTENT:
        _repeated_by_content(old_by_key, new, new_keys, renamed, taken)
    for index in range(len(new.sections)):
        if index in renamed:
            continue
        same = old_by_key.get(new_keys[index])
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
