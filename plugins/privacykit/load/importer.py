"""Bring your history: split an existing policy in Markdown into a statement.

Policies captured from the web (Open Terms Archive, for instance) mark their headings
in many ways: ATX (`## Part`), setext (a line underlined with `===` or `---`, bold or
not), an empty `###` followed by the heading's words, a bold line standing alone, or,
in documents with no markup at all, a short line standing alone. The importer reads
them all; a document's first heading is its title when nothing else stands at its
level; the shallowest of the other levels gives the top headings of the outline, the
next one the sections, and deeper headings stay inside their section's text.

Nothing is lost: every word of the source is in the statement (`policy_words` checks
it), date lines ("Last updated …") stay text instead of becoming headings, and
elements readers never see (`<style>`, `<script>`, comments) are dropped and said so.
Section ids come from the heading text and, when an earlier version is given, from the
sections they match there (by text, then by title), so repeated or inserted headings do
not shift the ids of the sections after them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import partial

from ..errors import Problem
from ..model.paths import SECTIONS_DIR, STATEMENT_FILE
from ..render.markdown import fenced_lines, hidden_elements, strip_hidden
from .anchors import LINK_TO_ANCHOR
from .project import slugify

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")
_SETEXT_LINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_SETEXT = {"=": 1, "-": 2}
_LIST_ITEM = re.compile(r"^\s*(?:[*+-]|\d{1,9}[.)])(?:\s|$)")
_BOLD_LINE = re.compile(r"^ {0,3}(\*\*|__)(?P<text>(?:(?!\1).)+?)\1[ \t]*\\?[ \t]*$")
_EMPTY_LINK = re.compile(r"\[\]\([^)]*\)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")

# A heading is not a date line: "Last updated: March 5, 2024", "Effective 1 May 2023".
_DATE_WORDS = re.compile(
    r"^\W*(last\s+(updated|modified|revised|changed|reviewed)|updated|modified|revised|effective|"
    r"in\s+effect|valid\s+(from|as\s+of)|date\s+of|version\s+date|published|"
    r"zuletzt|stand|gültig|aktualisiert|dernière|mise\s+à\s+jour|en\s+vigueur|"
    r"última|actualizad|atualizad|vigente|en\s+vigor)\b", re.IGNORECASE)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|"
           "dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|"
           "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
           "janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro")
_DATE = re.compile(rf"\b(\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|"
                   rf"(\d{{1,2}}(st|nd|rd|th)?\.?\s+)?({_MONTHS})\.?\s+(\d{{1,2}}(st|nd|rd|th)?,?\s+)?\d{{4}})\b",
                   re.IGNORECASE)

# A policy needs more words than this to be a policy and not an error page.
MIN_POLICY_WORDS = 50
# In a history, a version with less than this part of the usual number of words is a broken capture.
MIN_PART_OF_USUAL = 0.2
# Bold or plain lines are headings only when a document uses at least this many of them.
MIN_CONVENTION = 2
MIN_PLAIN_CONVENTION = 3


@dataclass
class ImportedSection:
    id: str
    title: str
    body: str
    show_heading: bool = True
    line: int = 1           # the source line where the section starts
    base: str = ""          # the id it would have on its own (before ids are made unique)


@dataclass
class ImportedGroup:
    id: str
    heading: str | None
    sections: list[ImportedSection] = field(default_factory=list)
    line: int = 1
    base: str = ""


@dataclass
class ImportedStatement:
    """A policy split into an outline of groups and sections, ready to be written as files."""

    title: str
    groups: list[ImportedGroup]
    title_from_source: bool = True   # False: no heading could be the title, one was chosen
    title_lines: tuple[int, int] | None = None   # the source lines of the title heading (0-based, end excluded)
    dropped: list[tuple[int, str]] = field(default_factory=list)   # (line, what) left out as invisible
    unlinked: list[tuple[int, str]] = field(default_factory=list)  # (line, what) in-page links kept as words

    @property
    def sections(self) -> list[ImportedSection]:
        return [s for g in self.groups for s in g.sections]

    def files(self) -> dict[str, str]:
        """The statement as files relative to its folder (`statement.yml`, `sections/<id>.md`)."""
        out: dict[str, str] = {}
        outline = [f"# Imported policy: {_one_line(self.title)}", f"title: {_yaml_str(self.title)}", "outline:"]
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
                out[f"{SECTIONS_DIR}/{section.id}.md"] = "\n".join(front) + "\n\n" + escape_jinja(section.body)
        out[STATEMENT_FILE] = "\n".join(outline) + "\n"
        return out


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _one_line(text: str) -> str:
    return " ".join(text.split())


_JINJA_OPENER = re.compile(r"\{(?=[{%#])")


def escape_jinja(text: str) -> str:
    """Imported text is prose, never a template: every brace that would open a Jinja tag is
    written as an expression printing a brace, so no text (not even `{% endraw %}`) runs."""
    return _JINJA_OPENER.sub("{{ '{' }}", text)


def heading_text(raw: str) -> str:
    """A heading's words without its markup (links, emphasis, escapes)."""
    text = _EMPTY_LINK.sub("", raw)
    text = _LINK.sub(r"\1", text)
    text = text.replace("\\", "").strip().strip("*_").strip()
    return " ".join(text.split())


def is_date_line(text: str) -> bool:
    """'Last updated: March 5, 2024', 'Effective date: 1 May 2023', '5 March 2024'…"""
    words = text.split()
    if not words or len(words) > 12:
        return False
    if _DATE_WORDS.match(text):
        return True
    return bool(_DATE.search(text)) and len(words) <= 6


@dataclass(frozen=True)
class _Heading:
    index: int      # its first line
    level: int
    text: str
    body: int       # the first line after it (past a setext underline or a detached text line)
    style: str      # "atx", "setext", "bold" or "plain"


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
            or not text[0].isalnum() or (j + 1 < len(lines) and _SETEXT_LINE.match(lines[j + 1]))):
        return None
    return j


def _alone(lines: list[str], i: int) -> bool:
    """Line `i` is a paragraph of its own (blank lines, or the document's edges, around it)."""
    return (i == 0 or not lines[i - 1].strip()) and (i + 1 >= len(lines) or not lines[i + 1].strip())


def _short_line(text: str, words: int) -> bool:
    """A line that can name a part: short, not a sentence, not a list item, a quote or a table."""
    stripped = text.strip()
    return (bool(stripped) and len(stripped) <= 120 and len(stripped.split()) <= words
            and not stripped.endswith((".", ",", ";", ":", "…")) and not _LIST_ITEM.match(stripped)
            and not stripped.startswith((">", "|", "<", "!", "[", "`", "#", "=", "-", "+"))
            and "|" not in stripped and "](" not in stripped)


def _headings(lines: list[str]) -> list[_Heading]:
    """Every heading of the document, in order (see the module's docstring for the styles)."""
    found: list[_Heading] = []
    bold: list[_Heading] = []
    plain: list[_Heading] = []
    skip_to = -1
    code, _ = fenced_lines(lines)
    for i, line in enumerate(lines):
        if i in code or i <= skip_to or line.startswith(("    ", "\t")):
            continue
        m = _ATX.match(line)
        if m:
            text = heading_text(m.group(2) or "")
            if text:
                found.append(_Heading(i, len(m.group(1)), text, i + 1, "atx"))
            else:
                j = _detached_text(lines, i)
                # Without its words nearby, an empty heading is a separator: no section.
                if j is not None:
                    found.append(_Heading(i, len(m.group(1)), heading_text(lines[j]), j + 1, "atx"))
                    skip_to = j
            continue
        underline = _SETEXT_LINE.match(lines[i + 1]) if i + 1 < len(lines) else None
        if (underline and line.strip() and (i == 0 or not lines[i - 1].strip()) and not _LIST_ITEM.match(line)
                and not line.lstrip().startswith((">", "|")) and not _SETEXT_LINE.match(line)
                and heading_text(line)):
            found.append(_Heading(i, _SETEXT[underline.group(1)[0]], heading_text(line), i + 2, "setext"))
            skip_to = i + 1
            continue
        if not _alone(lines, i):
            continue
        m = _BOLD_LINE.match(line)
        if m and _short_line(heading_text(m.group("text")), 15):
            bold.append(_Heading(i, 0, heading_text(m.group("text")), i + 1, "bold"))
        elif _short_line(line, 12) and (line.strip()[0].isupper() or line.strip()[0].isdigit()):
            plain.append(_Heading(i, 0, heading_text(line), i + 1, "plain"))
    # Bold lines are headings where the document uses them so, one level below its others;
    # plain lines only in a document with no marked headings at all.
    deepest = max((h.level for h in found), default=1)
    if len([h for h in bold if not is_date_line(h.text)]) >= MIN_CONVENTION:
        found.extend(_Heading(h.index, min(deepest + 1, 6), h.text, h.body, h.style) for h in bold)
    elif len(found) <= 1 and len([h for h in plain if not is_date_line(h.text)]) >= MIN_PLAIN_CONVENTION:
        found.extend(_Heading(h.index, min(deepest + 1, 6), h.text, h.body, h.style) for h in plain)
    found.sort(key=lambda h: h.index)
    return found


def policy_words(markdown: str) -> list[str]:
    """The words of a Markdown text, markup aside: what must survive an import unchanged."""
    text = _EMPTY_LINK.sub(" ", strip_hidden(markdown))
    text = re.sub(r"\]\((?:[^()]|\([^)]*\))*\)", "] ", text)   # link and image targets
    text = re.sub(r"</?[A-Za-z][^>\n]*>", " ", text)            # tags (autolinks keep their words)
    text = html.unescape(text)
    return re.findall(r"[^\W_]+", text)


def drop_invisible(text: str) -> tuple[str, list[tuple[int, str]]]:
    """`text` without `<style>`, `<script>` and comments (readers never see them), and where
    each was, so the import can say what it left out."""
    dropped = [(text.count("\n", 0, start) + 1, what) for start, _, what in hidden_elements(text)]
    return strip_hidden(text), dropped


def split_policy(text: str, shown: str, previous: ImportedStatement | None = None,
                 fallback_title: str = "Privacy Policy") -> ImportedStatement:
    """Split a Markdown policy at its headings. With `previous` (the version before it), the
    sections keep the ids of the sections they match there."""
    text, dropped = drop_invisible(text.replace("\r\n", "\n").lstrip("\ufeff"))
    lines = text.split("\n")
    all_headings = _headings(lines)
    # Date lines stay text: written as plain lines where they were.
    rewrite = {h.index: h.text for h in all_headings if is_date_line(h.text) and h.style in ("atx", "setext")}
    skip = {h.body - 1 for h in all_headings if h.index in rewrite and h.body - 1 > h.index}
    headings = [h for h in all_headings if not is_date_line(h.text)]
    title_heading = None
    if headings:
        top = min(h.level for h in headings)
        if headings[0].level == top and sum(1 for h in headings if h.level == top) == 1:
            title_heading = headings[0]
    title = title_heading.text if title_heading else fallback_title
    if title_heading:
        skip |= set(range(title_heading.index, title_heading.body))
    rest = [h for h in headings if h is not title_heading]
    levels = sorted({h.level for h in rest})
    top = levels[0] if levels else 1
    section_level = levels[1] if len(levels) > 1 else top + 1
    starts = [h for h in rest if h.level <= section_level]
    # A heading split from its words (see `_detached_text`) that stays inside a section's
    # text is written whole again.
    for h in rest:
        if h not in starts and h.style == "atx" and h.body > h.index + 1:
            rewrite[h.index] = f"{'#' * h.level} {h.text}"
            skip |= set(range(h.index + 1, h.body))

    def body(start: int, end: int) -> str:
        kept = []
        for i in range(start, end):
            if i in skip:
                continue
            line = rewrite.get(i, lines[i])
            m = _ATX.match(line)
            if not (m and not heading_text(m.group(2) or "")):   # an empty separator heading
                kept.append(line)
        return "\n".join(kept).strip("\n") + "\n"

    groups: list[ImportedGroup] = []
    preamble = body(0, starts[0].index if starts else len(lines))
    if preamble.strip():
        groups.append(ImportedGroup("", None, [ImportedSection("", "Introduction", preamble, False, 1,
                                                               "preamble-text")], 1, "preamble"))
    for k, start in enumerate(starts):
        end = starts[k + 1].index if k + 1 < len(starts) else len(lines)
        text_below = body(start.body, end)
        if start.level == top:
            base = slugify(start.text)
            group = ImportedGroup("", start.text, [], start.index + 1, base)
            groups.append(group)
            # A top heading always holds a section, so its words reach the statement.
            group.sections.append(ImportedSection("", start.text, text_below, False, start.index + 1,
                                                  base + "-text"))
        else:
            if not groups:
                groups.append(ImportedGroup("", None, [], start.index + 1, "preamble"))
            groups[-1].sections.append(ImportedSection("", start.text, text_below, True, start.index + 1,
                                                       slugify(start.text)))
    for group in groups:
        # The text under a top heading is dropped only when there is none and sections follow.
        if len(group.sections) > 1 and not group.sections[0].show_heading and not group.sections[0].body.strip():
            del group.sections[0]
    statement = ImportedStatement(title, groups, title_from_source=title_heading is not None, dropped=dropped,
                                  title_lines=(title_heading.index, title_heading.body) if title_heading else None)
    assign_ids(statement, previous)
    statement.unlinked = link_anchors(statement, lines)
    return statement


# An in-page link, `[words](#anchor)` (not an image); its words may hold one level of brackets.
_INPAGE_LINK = re.compile(r"(?<!!)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)" + LINK_TO_ANCHOR)


def _anchor_key(words: str) -> str:
    """What a link's words and a heading share: their words, without numbering ("1.", "Section 2")
    or quotes, case aside."""
    found = re.findall(r"[^\W_]+", heading_text(words).casefold())
    while found and (found[0].isdigit() or found[0] in ("section", "part", "chapter")):
        found.pop(0)
    return " ".join(found)


def link_anchors(statement: ImportedStatement, lines: list[str]) -> list[tuple[int, str]]:
    """Point the captured policy's in-page links at the sections they name, in place.

    A capture keeps its source's anchors (`#_kfosu7ttf89l`), which name nothing on the published
    page, whose anchors are the ids of its sections and groups. An anchor is mapped to the group
    or section whose heading some link to it reads (a table of contents' `[1. About this
    Policy](#_kfo…)` maps every `[contact us](#_kfo…)` too); a link whose anchor no link's words
    map is written as its words alone. Returns those, as (source line, what) to report."""
    targets: dict[str, str] = {}
    for group in statement.groups:
        if group.heading and group.id:
            targets.setdefault(_anchor_key(group.heading), group.id)
        for section in group.sections:
            if section.show_heading and section.id:
                targets.setdefault(_anchor_key(section.title), section.id)
    targets.pop("", None)
    defined = set(targets.values()) | {g.id for g in statement.groups} | {s.id for s in statement.sections}
    anchors: dict[str, str] = {}
    for section in statement.sections:
        if "](#" in section.body:
            for words, anchor in _INPAGE_LINK.findall(section.body):
                if anchor and anchor not in defined and (target := targets.get(_anchor_key(words))):
                    anchors.setdefault(anchor, target)
    unlinked: list[tuple[int, str]] = []

    def relink(section: ImportedSection, match: re.Match[str]) -> str:
        words, anchor = match.group(1), match.group(2)
        if not anchor or anchor in defined:
            return match.group(0)
        if anchor in anchors:
            return f"[{words}](#{anchors[anchor]})"
        raw = f"](#{anchor})"
        line = next((i + 1 for i in range(max(section.line - 1, 0), len(lines)) if raw in lines[i]), section.line)
        unlinked.append((line, f"the link of “{heading_text(words)}” to #{anchor}, which no heading of the "
                               "policy names (its words are kept)"))
        return words

    for section in statement.sections:
        if "](#" in section.body:
            section.body = _INPAGE_LINK.sub(partial(relink, section), section.body)
    return unlinked


@dataclass(frozen=True)
class CaptureCheck:
    """What a captured version is made of, to tell a policy from an error page."""

    shown: str
    words: int
    first_line: int
    problems: tuple[Problem, ...]   # why it is no policy, on its own

    def against(self, usual_words: int | None) -> tuple[Problem, ...]:
        """Its problems, a version with far fewer words than the usual number of the other
        versions of the same policy counting as a broken capture."""
        if self.problems or not usual_words or self.words >= MIN_PART_OF_USUAL * usual_words:
            return self.problems
        return (Problem(self.shown, self.first_line, f"only {self.words} words where the other versions have about "
                        f"{usual_words}: an error page or a partial capture", "check that the file holds the policy"),)


def check_capture(text: str, shown: str) -> CaptureCheck:
    """Whether `text` is a policy: not empty, not an error page, not a headings-only capture."""
    text, _ = drop_invisible(text.replace("\r\n", "\n").lstrip("\ufeff"))
    lines = text.split("\n")
    words = len(policy_words(text))
    first = next((i + 1 for i, line in enumerate(lines) if line.strip()), 1)

    def found(line: int, message: str, hint: str = "check that the file holds the policy") -> CaptureCheck:
        return CaptureCheck(shown, words, first, (Problem(shown, line, message, hint),))

    if words == 0:
        return found(first, "no text")
    headings = [h for h in _headings(lines) if not is_date_line(h.text)]
    heading_words = sum(len(policy_words(lines[i])) for h in headings for i in range(h.index, h.body))
    if headings and words - heading_words < heading_words:
        return found(headings[0].index + 1, f"headings with almost no text ({words - heading_words} words of text "
                     f"under {len(headings)} headings): a partial capture", "import a complete capture of the policy")
    if words < MIN_POLICY_WORDS:
        return found(first, f"only {words} words: an error page or an empty capture, not a policy")
    return CaptureCheck(shown, words, first, ())


# -- stable ids ----------------------------------------------------------------------------

def assign_ids(statement: ImportedStatement, previous: ImportedStatement | None) -> None:
    """Give every group and section an id: the id of what it matches in `previous` (the same
    text, else the same heading, else the same text under another heading), or a new one
    made from its heading that `previous` did not use for something else. Group and
    section ids share one namespace."""
    used: set[str] = set()
    pairs = ((statement.groups, previous.groups if previous else []),
             (statement.sections, previous.sections if previous else []))
    for items, olds in pairs:
        matched = _match(items, olds)
        for item in items:
            item.id = matched.get(id(item), "")
            if item.id:
                used.add(item.id)
    for items, olds in pairs:
        reserved = used | {old.id for old in olds}
        for item in items:
            if not item.id:
                item.id = _fresh(item.base or "section", reserved)
                reserved.add(item.id)
                used.add(item.id)


def _fresh(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _content(item: ImportedGroup | ImportedSection) -> str:
    """An item's text as matching reads it: in-page links as their words (their anchors are
    made after matching, `link_anchors`)."""
    if isinstance(item, ImportedGroup):
        return "\n".join(_content(s) for s in item.sections)
    return _INPAGE_LINK.sub(r"\1", item.body) if "](#" in item.body else item.body


def _label(item: ImportedGroup | ImportedSection) -> str:
    return (item.heading or "") if isinstance(item, ImportedGroup) else item.title


def _stem(base: str) -> str:
    return base.removesuffix("-text")


# At most this many items sharing one heading are paired by their text; beyond, in order.
_MAX_SIMILARITY_PAIRS = 64


def _match(items: list, olds: list) -> dict[int, str]:
    """For each item (by object id), the id of the earlier item it continues."""
    out: dict[int, str] = {}
    free = list(olds)
    taken: set[int] = set()

    def take(item, old) -> None:
        out[id(item)] = old.id
        taken.add(id(old))

    # 1. The same heading and the same text.
    exact: dict[tuple[str, str], list] = {}
    for old in free:
        exact.setdefault((_label(old), _content(old)), []).append(old)
    for item in items:
        same = [o for o in exact.get((_label(item), _content(item)), ()) if id(o) not in taken]
        if same:
            take(item, same[0])
    # 2. The same heading (repeated headings paired by how much text they share).
    by_base: dict[str, list] = {}
    for old in free:
        if id(old) not in taken:
            by_base.setdefault(old.base, []).append(old)
    pending: dict[str, list] = {}
    for item in items:
        if id(item) not in out:
            pending.setdefault(item.base, []).append(item)
    for base, mine in pending.items():
        theirs = [o for o in by_base.get(base, ()) if id(o) not in taken]
        if not theirs:
            continue
        if len(mine) == 1 and len(theirs) == 1:
            take(mine[0], theirs[0])
            continue
        if len(mine) * len(theirs) > _MAX_SIMILARITY_PAIRS ** 2:
            for item, old in zip(mine, theirs, strict=False):
                take(item, old)
            continue
        words = {id(x): set(_content(x).lower().split()) for x in (*mine, *theirs)}
        scored = sorted(((len(words[id(a)] & words[id(b)]) / (len(words[id(a)] | words[id(b)]) or 1), -i, -j, a, b)
                         for i, a in enumerate(mine) for j, b in enumerate(theirs)),
                        key=lambda t: t[:3], reverse=True)
        for _, _, _, item, old in scored:
            if id(item) not in out and id(old) not in taken:
                take(item, old)
    # 2b. A heading that changed level (a section that became a top heading, or back).
    stems: dict[str, list] = {}
    for old in free:
        if id(old) not in taken:
            stems.setdefault(_stem(old.base), []).append(old)
    for item in items:
        if id(item) not in out:
            same = [o for o in stems.get(_stem(item.base), ()) if id(o) not in taken]
            if len(same) == 1:
                take(item, same[0])
    # 3. The same text under another heading (a renamed section).
    by_text: dict[str, list] = {}
    for old in free:
        if id(old) not in taken and _content(old).strip():
            by_text.setdefault(_content(old), []).append(old)
    for item in items:
        if id(item) not in out:
            same = [o for o in by_text.get(_content(item), ()) if id(o) not in taken]
            if same:
                take(item, same[0])
    return out
