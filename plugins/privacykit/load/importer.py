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

import datetime as dt
import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import partial

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ..errors import Problem
from ..model.paths import SECTIONS_DIR, STATEMENT_FILE
from ..render.markdown import fenced_lines, hidden_elements, strip_hidden
from .anchors import LINK_TO_ANCHOR
from .policy_dates import DEFAULT_LOCALE, ReadDate, find_dates, names_a_month
from .project import slugify
from .yamlio import dump_yaml

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")
_SETEXT_LINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_SETEXT = {"=": 1, "-": 2}
_LIST_ITEM = re.compile(r"^\s*(?:[*+-]|\d{1,9}[.)])(?:\s|$)")
_BOLD_LINE = re.compile(r"^ {0,3}(\*\*|__)(?P<text>(?:(?!\1).)+?)\1[ \t]*\\?[ \t]*$")
_EMPTY_LINK = re.compile(r"\[\]\([^)]*\)")
# A heading's own anchor as captures write it: `{#id}` (Markdown attribute lists), an empty link to
# itself (`[](#id)`), or an HTML `id`/`name` attribute.
_ATTR_ID = re.compile(r"\{[ \t]*#([A-Za-z][\w:.-]*)[ \t]*\}")
_OWN_ANCHOR = re.compile(r"\{[ \t]*#([A-Za-z][\w:.-]*)[ \t]*\}|\[\]\(#([^()\s]+)\)|\b(?:id|name)=[\"']([^\"'\s]+)[\"']")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")

# A heading is not a date line: "Last updated: March 5, 2024", "Effective 1 May 2023", "最終更新日：2024年3月5日".
_DATE_WORDS = re.compile(
    r"^\W*(?:(last\s+(updated|modified|revised|changed|reviewed)|updated|modified|revised|effective|"
    r"in\s+effect|valid\s+(from|as\s+of)|date\s+of|version\s+date|published|"
    r"zuletzt|stand|gültig|aktualisiert|dernière|mise\s+à\s+jour|en\s+vigueur|"
    r"última|ultima|actualizad\w*|atualizad\w*|vigente|en\s+vigor|em\s+vigor|aggiornat\w*|in\s+vigore|"
    r"laatst\s+bijgewerkt|bijgewerkt|van\s+kracht)\b|"
    r"最終更新|更新日|改定日|施行日|制定日|発効日|更新日期|最后更新|最後更新|生效日期|生效|修订日期|修訂日期|시행일|최종\s*수정)",
    re.IGNORECASE)
# On a line naming an effective date and another, the effective one is the policy's.
_EFFECTIVE = re.compile(r"\b(effective|in\s+effect|valid|gültig|wirksam|en\s+vigueur|vigente|en\s+vigor|"
                        r"em\s+vigor|in\s+vigore|van\s+kracht)\b|施行|発効|生效|시행", re.IGNORECASE)

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
    source: str = ""                  # the text as read (`normalized`): what the statement must hold word for word
    unwrapped: list[Unwrapped] = field(default_factory=list)   # lists of headings written as headings
    stated: StatedDate | None = None  # the date the policy states in its opening
    date_left_out: bool = False       # that date's line is left out of the text (the release carries it)

    @property
    def sections(self) -> list[ImportedSection]:
        return [s for g in self.groups for s in g.sections]

    def files(self) -> dict[str, str]:
        """The statement as files relative to its folder (`statement.yml`, `sections/<id>.md`), their YAML
        written by ruamel.yaml's round-trip writer (`_yaml_text`): a title is quoted as YAML needs it, whatever
        its characters (a colon, a quote, a leading `-` or `#`)."""
        out: dict[str, str] = {}
        for section in self.sections:
            out[f"{SECTIONS_DIR}/{section.id}.md"] = section_file(section)
        out[STATEMENT_FILE] = _yaml_text(self.outline())
        return out

    def outline(self) -> CommentedMap:
        """`statement.yml` as round-trip data: the title, then each group (its heading and id) and its
        sections' ids, under a comment naming the imported policy."""
        outline = CommentedSeq()
        for group in self.groups:
            entry = CommentedMap()
            if group.heading:
                entry["heading"] = _quoted(group.heading)
            entry["id"] = group.id
            entry["sections"] = CommentedSeq(section.id for section in group.sections)
            outline.append(entry)
        statement = CommentedMap([("title", _quoted(self.title)), ("outline", outline)])
        statement.yaml_set_start_comment(f"Imported policy: {_one_line(self.title)}")
        return statement


def section_file(section: ImportedSection) -> str:
    """A section's Markdown file: its front matter (round-trip YAML) and its text. A section's title is a
    template too (`{{ company }} and you`): escaped as its text is."""
    front = CommentedMap([("title", _quoted(escape_jinja(section.title)))])
    if not section.show_heading:
        front["heading"] = False
    return f"---\n{_yaml_text(front)}---\n\n{escape_jinja(section.body)}"


# Imported titles stay whole on their line, as the importer has always written them: at the writer's
# usual width, Pinterest's 120-character headings would be folded over two lines.
_UNWRAPPED = 1 << 20


def _yaml_text(data: CommentedMap) -> str:
    """`data` as YAML through the project's round-trip writer, no line folded."""
    return dump_yaml(data, width=_UNWRAPPED)


def _quoted(text: str) -> DoubleQuotedScalarString:
    """A title as a double-quoted YAML string: the writer escapes what needs escaping, and every
    imported title reads the same whatever its characters (as the importer has always written them)."""
    return DoubleQuotedScalarString(text)


def _slug(text: str) -> str:
    """A heading's id, its letters without their accents ("6.1. Ökosystem" is `6-1-okosystem`, as the
    captures' own anchors write it, not `6-1-kosystem`)."""
    return slugify(_unaccented(text.replace("ß", "ss").replace("ẞ", "SS")))


def _unaccented(text: str) -> str:
    """`text` with its letters' accents taken off ("Ökosystem" -> "Okosystem")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _one_line(text: str) -> str:
    return " ".join(text.split())


_JINJA_OPENER = re.compile(r"\{(?=[{%#])")


def escape_jinja(text: str) -> str:
    """Imported text is prose, never a template: every brace that would open a Jinja tag is
    written as an expression printing a brace, so no text (not even `{% endraw %}`) runs."""
    return _JINJA_OPENER.sub("{{ '{' }}", text)


# Emphasis inside a heading's words: `**Twitch.tv** **Privacy Notice**`, `_Effective_ date`.
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)([^*_]+?)(?<=\S)\3(?![\w*])")


def heading_text(raw: str) -> str:
    """A heading's words without its markup (links, emphasis, escapes)."""
    text = _EMPTY_LINK.sub("", raw)
    text = _ATTR_ID.sub("", text)
    text = _LINK.sub(r"\1", text)
    # Two emphases written together (`**Twitch.tv****Privacy Notice**`) are two words.
    text = text.replace("****", "** **").replace("____", "__ __")
    while "*" in text or "_" in text:
        unmarked = _EMPHASIS.sub(lambda m: m.group(2) if m.group(1) else m.group(4), text)
        if unmarked == text:
            break
        text = unmarked
    text = text.replace("\\", "").strip().strip("*_").strip()
    return " ".join(text.split())


def is_date_line(text: str) -> bool:
    """'Last updated: March 5, 2024', 'Effective date: 1 May 2023', '5 March 2024'…"""
    words = text.split()
    if not words or len(words) > 12:
        return False
    if _DATE_WORDS.match(text):
        return True
    return len(words) <= 6 and names_a_month(text)


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


def _announced(lines: list[str]) -> set[int]:
    """The short lines right after a paragraph ending in a colon, up to the next longer one: what the colon
    announces (Quora's "… or send mail to:" above "Quora, Inc." / "Attn: Privacy" / "605 Castro Street"),
    never headings of their own (import45)."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        if not line.rstrip().endswith(":") or (i + 1 < len(lines) and lines[i + 1].strip()):
            continue
        for j in range(i + 1, len(lines)):
            text = lines[j].strip()
            if not text:
                if j - 1 > i and lines[j - 1].strip() and lines[j - 2].strip():
                    break       # a paragraph of several lines (an address with line breaks) is the whole of it
                continue
            if (len(text) > 120 or len(text.split()) > 12 or text.startswith("#") or text.endswith(":")
                    or (text.endswith((".", "!", "?")) and len(text.split()) >= 5)):
                break           # a sentence: the text goes on
            out.add(j)
    return out


def _headings(lines: list[str]) -> list[_Heading]:
    """Every heading of the document, in order (see the module's docstring for the styles)."""
    found: list[_Heading] = []
    bold: list[_Heading] = []
    plain: list[_Heading] = []
    skip_to = -1
    code, _ = fenced_lines(lines)
    announced: set[int] | None = None
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
            announced = _announced(lines) if announced is None else announced
            if i not in announced:
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


_ITEM_START = re.compile(r"^( {0,3})(\d{1,9}[.)]|[*+-])( {1,4})(?=\S)")
_HEADING_ITEM_ATX = re.compile(r"^#{1,6}(?:[ \t]|$)")


@dataclass(frozen=True)
class Unwrapped:
    """A list whose items are the policy's headings, written as headings (import43)."""

    line: int           # the source line (1-based) of the first item
    markers: tuple[str, ...]   # the list's numbers or bullets, which the statement leaves out


# A list's first item as CommonMark lets it interrupt a paragraph: a bullet, or an ordered item numbered 1.
_INTERRUPTING_ITEM = re.compile(r"^ {0,3}(?:[*+-]|1[.)])[ \t]+\S")


def separate_lists(lines: list[str]) -> list[str]:
    """`lines` with a blank line before every list that starts right under a paragraph's line.

    The converters that captured the policies write CommonMark, where such a list is a list (Pinterest's
    "… we use your information to:" above "* Recommend Pins, …"); the site's Markdown reads the items as
    the paragraph's words, their bullets shown. The blank line changes no word (import45)."""
    code, _ = fenced_lines(lines)
    out: list[str] = []
    paragraph = False       # the block going on is a paragraph (not a list, a table, a quote, code or a heading)
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or i in code:
            paragraph = False
        elif paragraph and _INTERRUPTING_ITEM.match(line):
            out.append("")
            paragraph = False
        elif not out or not out[-1].strip():
            paragraph = not (_LIST_ITEM.match(line) or line.startswith(("    ", "\t"))
                             or stripped.startswith((">", "|", "#", "<")) or _SETEXT_LINE.match(line))
        elif _SETEXT_LINE.match(line):
            paragraph = False
        out.append(line)
    return out


def unwrap_heading_items(text: str) -> tuple[str, list[Unwrapped]]:
    """`text` with every list item that opens on a heading written as that heading and its text.

    Captures of web pages (LinkedIn's up to 2025-04) wrap a whole policy in an ordered list whose
    items open on a setext heading (`2. 1\\. Data We Collect` above an indented `-----`) or an
    ATX one (`- ## Data`). CommonMark reads those as headings inside list items; written into a
    section as they are, a site's Markdown shows the numbers, the heading and its underline as
    words. Each such item loses its marker and its indentation (the item's number is markup the
    heading's own numbering repeats), and the markers left out are returned to be said."""
    lines = text.split("\n")
    if not any(_ITEM_START.match(line) for line in lines):
        return text, []
    code, _ = fenced_lines(lines)
    out: list[str] = []
    found: list[Unwrapped] = []
    run: list[str] = []
    run_line = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _ITEM_START.match(line) if i not in code else None
        width = len(m.group(0)) if m else 0
        rest = line[width:]
        setext = (m is not None and i + 1 < len(lines) and len(lines[i + 1]) - len(lines[i + 1].lstrip(" ")) >= width
                  and _SETEXT_LINE.match(lines[i + 1][width:]) is not None and bool(heading_text(rest)))
        if m and (setext or _HEADING_ITEM_ATX.match(rest)):
            if not run:
                run_line = i + 1
            run.append(m.group(2))
            out.append(rest)
            j = i + 1
            if setext:
                out.append(lines[j][width:].rstrip())
                j += 1
            # The item's text: its blank lines and the lines indented at least as far as its words,
            # each without the item's indentation (that of its first line of text, up to 3 more).
            dedent = width
            for k in range(j, len(lines)):
                if lines[k].strip():
                    dedent = min(max(len(lines[k]) - len(lines[k].lstrip(" ")), width), width + 3)
                    break
            while j < len(lines):
                nxt = lines[j]
                if not nxt.strip():
                    out.append("")
                elif nxt.startswith(" " * width):
                    out.append(nxt[min(dedent, len(nxt) - len(nxt.lstrip(" "))):])
                else:
                    break
                j += 1
            i = j
            continue
        if run and line.strip():
            found.append(Unwrapped(run_line, tuple(run)))
            run = []
        out.append(line)
        i += 1
    if run:
        found.append(Unwrapped(run_line, tuple(run)))
    return ("\n".join(out), found) if found else (text, [])


def policy_words(markdown: str) -> list[str]:
    """The words of a Markdown text, markup aside: what must survive an import unchanged."""
    text = _EMPTY_LINK.sub(" ", strip_hidden(markdown))
    text = re.sub(r"\]\((?:[^()]|\([^)]*\))*\)", "] ", text)   # link and image targets
    text = re.sub(r"</?[A-Za-z][^>\n]*>", " ", text)            # tags (autolinks keep their words)
    text = _ATTR_ID.sub(" ", text)                                 # `{#id}` after a heading: its anchor
    text = html.unescape(text)
    return re.findall(r"[^\W_]+", text)


def heading_sequence(markdown: str) -> list[str]:
    """The words of every marked heading (ATX or setext, date lines aside) of `markdown`, in order: an
    import keeps each heading of its source a heading (the fidelity check compares these, import43)."""
    return [h.text for h in _headings(markdown.split("\n"))
            if h.style in ("atx", "setext") and not is_date_line(h.text)]


_UNDERLINE = re.compile(r"^\s*(?:-{3,}|={3,})\s*$")


def stray_underlines(markdown: str) -> list[str]:
    """Lines of `markdown` that underline text as a setext heading where a site's Markdown shows them
    as words: under a list item's first line, or indented into a list item's text."""
    lines = markdown.split("\n")
    code, _ = fenced_lines(lines)
    return [lines[i - 1].strip() + " / " + lines[i].strip() for i in range(1, len(lines))
            if i not in code and _UNDERLINE.match(lines[i]) and lines[i - 1].strip()
            and (_ITEM_START.match(lines[i - 1]) or lines[i].startswith("    "))]


def drop_invisible(text: str) -> tuple[str, list[tuple[int, str]]]:
    """`text` without `<style>`, `<script>` and comments (readers never see them), and where
    each was, so the import can say what it left out."""
    dropped = [(text.count("\n", 0, start) + 1, what) for start, _, what in hidden_elements(text)]
    return strip_hidden(text), dropped


def normalized(text: str) -> tuple[str, list[tuple[int, str]], list[Unwrapped]]:
    """The text the importer reads: LF line ends (a lone CR too), no byte-order mark, no element
    readers never see, headings written inside list items unwrapped (`unwrap_heading_items`)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text, dropped = drop_invisible(text)
    text, unwrapped = unwrap_heading_items(text)
    return text, dropped, unwrapped


# The stated date is looked for in the policy's opening: up to this many lines of text before its
# first heading after the title.
_DATE_LINES = 8


def read_date(text: str, locale: str = DEFAULT_LOCALE) -> ReadDate | None:
    """The first date of `text` (`find_dates`: in the policy's language, CLDR's month names and patterns),
    the first after "effective" (in the languages `_EFFECTIVE` knows) if the line names an effective date
    and another."""
    found = find_dates(text, locale)
    if not found:
        return None
    effective = _EFFECTIVE.search(text)
    after = [read for read in found if effective and read.start > effective.start()]
    return after[0] if after else found[0]


def parse_date(text: str, locale: str = DEFAULT_LOCALE) -> dt.date | None:
    """The day `read_date` reads in `text`, if any."""
    read = read_date(text, locale)
    return read.day if read else None


@dataclass(frozen=True)
class StatedDate:
    """The date a policy states for itself ("Effective: August 16, 2024"), in its opening."""

    index: int          # the line (0-based, in the normalized text)
    date: dt.date
    text: str           # the line's words
    other: dt.date | None = None   # a numeric date's other reading (03/05/2024): `date` is the locale's guess
    language: str | None = None    # the language of its month names or date words (None: numeric)


def _stated_date(lines: list[str], headings: list[_Heading], locale: str = DEFAULT_LOCALE) -> StatedDate | None:
    title_end = headings[0].body if headings and headings[0].index <= 1 else 0
    limit = next((h.index for h in headings if h.index >= title_end and not is_date_line(h.text)), len(lines))
    seen = 0
    for i in range(title_end, limit):
        if not lines[i].strip():
            continue
        seen += 1
        if seen > _DATE_LINES:
            break
        words = heading_text(lines[i])
        if is_date_line(words) and _alone(lines, i) and (read := read_date(words, locale)):
            return StatedDate(i, read.day, words, read.other, read.language)
    # A date heading (`### Last updated May 2, 2024`) before the first heading of text counts too.
    for h in headings:
        if is_date_line(h.text) and h.index < limit and (read := read_date(h.text, locale)):
            return StatedDate(h.index, read.day, h.text, read.other, read.language)
    return None


def stated_date(text: str, locale: str = DEFAULT_LOCALE) -> StatedDate | None:
    """The effective or last-updated date the policy `text` states in its opening, if it states one,
    read in the policy's `locale` (its language's month names; its order of a numeric date's day and month)."""
    lines = normalized(text)[0].split("\n")
    return _stated_date(lines, _headings(lines), locale)


def split_policy(text: str, shown: str, previous: ImportedStatement | None = None,
                 fallback_title: str = "Privacy Policy", without_date: bool = False,
                 locale: str = DEFAULT_LOCALE) -> ImportedStatement:
    """Split a Markdown policy at its headings. With `previous` (the version before it), the
    sections keep the ids of the sections they match there. With `without_date`, the line stating
    the policy's date (`stated_date`) is left out: the release carries that date."""
    text, dropped, unwrapped = normalized(text)
    lines = text.split("\n")
    all_headings = _headings(lines)
    stated = _stated_date(lines, all_headings, locale)
    # Date lines stay text: written as plain lines where they were.
    rewrite = {h.index: h.text for h in all_headings if is_date_line(h.text) and h.style in ("atx", "setext")}
    skip = {h.body - 1 for h in all_headings if h.index in rewrite and h.body - 1 > h.index}
    if without_date and stated:
        # The date's line, and a heading that carries it (its marker may stand lines above its words,
        # `##### ` then the date: the heading is rewritten at the marker's line).
        skip |= {stated.index, *(i for h in all_headings if h.index <= stated.index < h.body
                                 for i in range(h.index, h.body))}
    headings = [h for h in all_headings if not is_date_line(h.text)]
    title_heading = None
    if headings:
        top = min(h.level for h in headings)
        alone = headings[0].level == top and sum(1 for h in headings if h.level == top) == 1
        # In a policy whose headings are bold or plain lines, the line it opens on is its title
        # ("Privacy Policy" above "Effective date: …"), not one of its parts (import43).
        opening = (headings[0].style in ("bold", "plain") and len(headings) > 1
                   and headings[0].index == next(i for i, line in enumerate(lines) if line.strip()))
        if alone or opening:
            title_heading = headings[0]
    title = title_heading.text if title_heading else fallback_title
    if title_heading:
        skip |= set(range(title_heading.index, title_heading.body))
    rest = [h for h in headings if h is not title_heading]
    levels = sorted({h.level for h in rest})
    top = levels[0] if levels else 1
    # Sections are the level just below the top headings: a deeper heading (an h4 under h2s) stays
    # in its section's text at its own level, as the source shows it (import43).
    section_level = top + 1
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
        return re.sub(r"\n{3,}", "\n\n", "\n".join(separate_lists(kept))).strip("\n") + "\n"

    groups: list[ImportedGroup] = []
    preamble = body(0, starts[0].index if starts else len(lines))
    if preamble.strip():
        # The opening text is named in redlines by the policy's own title (it has no heading).
        groups.append(ImportedGroup("", None, [ImportedSection("", title, preamble, False, 1,
                                                               "preamble-text")], 1, "preamble"))
    for k, start in enumerate(starts):
        end = starts[k + 1].index if k + 1 < len(starts) else len(lines)
        text_below = body(start.body, end)
        if start.level == top:
            base = _slug(start.text)
            group = ImportedGroup("", start.text, [], start.index + 1, base)
            groups.append(group)
            # A top heading always holds a section, so its words reach the statement.
            group.sections.append(ImportedSection("", start.text, text_below, False, start.index + 1,
                                                  base + "-text"))
        else:
            if not groups:
                groups.append(ImportedGroup("", None, [], start.index + 1, "preamble"))
            groups[-1].sections.append(ImportedSection("", start.text, text_below, True, start.index + 1,
                                                       _slug(start.text)))
    for group in groups:
        # The text under a top heading is dropped only when there is none and sections follow.
        if len(group.sections) > 1 and not group.sections[0].show_heading and not group.sections[0].body.strip():
            del group.sections[0]
    statement = ImportedStatement(title, groups, title_from_source=title_heading is not None, dropped=dropped,
                                  title_lines=(title_heading.index, title_heading.body) if title_heading else None,
                                  source=text, unwrapped=unwrapped, stated=stated,
                                  date_left_out=bool(without_date and stated))
    assign_ids(statement, previous)
    statement.unlinked = link_anchors(statement, lines, all_headings)
    return statement


# An in-page link, `[words](#anchor)` (not an image); its words may hold one level of brackets.
_INPAGE_LINK = re.compile(r"(?<!!)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)" + LINK_TO_ANCHOR)
_KEY_FILLERS = frozenset({"and", "the", "of", "a", "an", "to", "for", "in", "on", "with", "we", "you", "your",
                          "our", "us", "how", "what", "do", "is", "are"})


def _anchor_key(words: str) -> str:
    """What a link's words and a heading share: their words, without numbering ("1.", "Section 2"),
    quotes or "and" (`&` is no word), case aside."""
    found = re.findall(r"[^\W_]+", heading_text(words).casefold())
    while found and (found[0].isdigit() or found[0] in ("section", "part", "chapter")):
        found.pop(0)
    return " ".join(w for w in found if w != "and")


def _word_stem(word: str) -> str:
    for suffix in ("ing", "ion", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)]
    return word


def _stems(words: str) -> set[str]:
    """The stems of `words`, accents aside (an anchor writes "ubermittelt" for "übermittelt")."""
    return {_word_stem(w) for w in re.findall(r"[^\W_\d]+", _unaccented(words.casefold())) if w not in _KEY_FILLERS}


def link_anchors(statement: ImportedStatement, lines: list[str],
                 headings: list[_Heading] | None = None) -> list[tuple[int, str]]:
    """Point the captured policy's in-page links at the sections they name, in place.

    A capture keeps its source's anchors (`#_kfosu7ttf89l`, `#data`), which name nothing on the
    published page, whose anchors are the ids of its sections and groups. Each anchor is mapped,
    in this order, to the group or section that holds: the heading (or element) the source gives
    that id (`{#id}`, `[](#id)` in a heading, an HTML `id` or `name`); the heading some link to it
    reads (a table of contents' `[1. About this Policy](#_kfo…)` maps every `[contact us](#_kfo…)`
    too; a heading inside a section's text maps to its section); an anchor that is already the id
    of a group or section is kept; else the one heading whose words hold every word of the anchor
    (`#information-collected` for "What Information We Collect"). A link no heading answers is
    written as its words alone; those are returned, once per anchor, as (source line, what)."""
    title_at = statement.title_lines[0] if statement.title_lines else -1
    holder = _holders(statement, [h for h in headings or [] if h.index != title_at])
    defined = {g.id for g in statement.groups if g.id} | {s.id for s in statement.sections}
    own: dict[str, str] = {}
    title = statement.title_lines or (-1, -1)
    for i, line in enumerate(lines):
        if "#" in line or "id=" in line or "name=" in line:
            for m in _OWN_ANCHOR.finditer(line):
                if m.group(2) and not _ATX.match(line):    # `[](#id)` elsewhere is a link, not an anchor
                    continue
                # The title's anchor is the page's top (`#`).
                own.setdefault(m.group(1) or m.group(2) or m.group(3),
                               "" if title[0] <= i < title[1] else _holder_at(holder, i))
    if statement.title_from_source:
        by_title = {_anchor_key(statement.title): "", _slug(statement.title): ""}
    else:
        by_title = {}
    # A heading's key names the group or section it opens, else the one holding it; a group's or
    # section's own heading comes before a heading inside a text that reads the same.
    by_key: dict[str, str] = {}
    for structural in (True, False):
        for _, key, target, opens in holder.keys:
            if key and opens is structural:
                by_key.setdefault(key, target)
    anchors: dict[str, str] = {}
    links = [(w, a) for section in statement.sections if "](#" in section.body
             for w, a in _INPAGE_LINK.findall(section.body) if a]
    for words, anchor in links:
        if anchor in anchors:
            continue
        if anchor in own:
            anchors[anchor] = own[anchor]
        elif named := by_key.get(_anchor_key(words)):
            anchors[anchor] = named
        elif _anchor_key(words) in by_title or anchor in by_title:
            anchors[anchor] = ""
    numbered = _numbered_headings(headings or [], holder, title_at)
    for words, anchor in links:
        if anchor in anchors:
            continue
        if anchor in defined:
            anchors[anchor] = anchor
        elif worded := _by_anchor_words(anchor, holder):
            anchors[anchor] = worded
        elif (number := _SECTION_NUMBER.match(heading_text(words))) and numbered.get(number.group(1)):
            anchors[anchor] = numbered[number.group(1)]
    unlinked: list[tuple[int, str]] = []
    told: set[str] = set()

    def relink(section: ImportedSection, match: re.Match[str]) -> str:
        words, anchor = match.group(1), match.group(2)
        if not anchor:
            return match.group(0)
        if not words.strip():       # `[](#id)`: readers see nothing (on a heading, the source's own anchor)
            return ""
        if anchor in anchors:
            return f"[{words}](#{anchors[anchor]})"    # `#` alone: the page's top (the title)
        if anchor not in told:
            told.add(anchor)
            raw = f"](#{anchor})"
            line = next((i + 1 for i in range(max(section.line - 1, 0), len(lines)) if raw in lines[i]),
                        section.line)
            unlinked.append((line, f"the link of “{heading_text(words)}” to #{anchor}, which no heading of the "
                                   "policy names (its words are kept)"))
        return words

    for section in statement.sections:
        if "](#" in section.body:
            section.body = _INPAGE_LINK.sub(partial(relink, section), section.body)
    return unlinked


# A link naming a part by its number: "Abschnitt 6.3", "section 12", "8.5", "3.1.1 Optionale Daten".
_SECTION_NUMBER = re.compile(r"^(?:[^\W\d_]+\s+)?(\d{1,3}(?:\.\d{1,3})*)\.?(?:\s|$)")
_HEADING_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?\s")


def _numbered_headings(headings: list[_Heading], holder: _Holders, title_at: int) -> dict[str, str]:
    """Each number that opens exactly one heading ("6.3. Welche Daten …"), to the group or section holding it."""
    found: dict[str, list[str]] = {}
    for h in headings:
        m = _HEADING_NUMBER.match(h.text)
        if m and h.index != title_at:
            found.setdefault(m.group(1), []).append(_holder_at(holder, h.index))
    return {number: targets[0] for number, targets in found.items() if len(targets) == 1 and targets[0]}


@dataclass
class _Holders:
    starts: list[tuple[int, str]]            # (source line, 0-based) where each group or section starts, its id
    keys: list[tuple[int, str, str, bool]]   # every heading: (line, key, the id holding it, is a group or section)
    structural: set[str]


def _holders(statement: ImportedStatement, headings: list[_Heading]) -> _Holders:
    starts: list[tuple[int, str]] = []
    structural: set[str] = set()
    for group in statement.groups:
        for section in group.sections:
            starts.append((section.line - 1, section.id))
        if group.heading and group.id:
            starts.append((group.line - 1, group.id))    # after its text section: a heading's line is its group's
    starts.sort(key=lambda t: t[0])
    for group in statement.groups:
        if group.heading and group.id:
            structural.add(group.id)
        structural.update(s.id for s in group.sections if s.show_heading)
    holder = _Holders(starts, [], structural)
    for h in headings:
        target = _holder_at(holder, h.index)
        holder.keys.append((h.index, _anchor_key(h.text), target,
                            any(line == h.index for line, _ in starts) and target in structural))
    return holder


def _holder_at(holder: _Holders, index: int) -> str:
    """The id of the group or section whose text holds source line `index` (0-based)."""
    found = holder.starts[0][1] if holder.starts else ""
    for line, ident in holder.starts:
        if line > index:
            break
        found = ident
    return found


def _by_anchor_words(anchor: str, holder: _Holders) -> str | None:
    """The one group or section heading whose words hold every word of `anchor` (stems, fillers aside)."""
    wanted = _stems(anchor.replace("-", " ").replace("_", " "))
    if not wanted:
        return None
    fits = sorted((len(_stems(key)), target) for _, key, target, structural in holder.keys
                  if structural and wanted <= _stems(key))
    if not fits or (len(fits) > 1 and fits[0][0] == fits[1][0] and fits[0][1] != fits[1][1]):
        return None
    return fits[0][1]


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
    text = normalized(text)[0]
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
