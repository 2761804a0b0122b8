"""Redline output: HTML fragments with <ins>/<del>, a Markdown report, and JSON.

The HTML is built only from escaped text, so nothing in a statement can inject
markup into a redline page. The Markdown reports (pull-request comments) put content
on one line each, escaped: a title cannot end its list item, open an HTML comment that
hides the rest of the report, or add markup.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape
from typing import Any

from ..model.facts import ChangeKind
from ..model.rules import Action
from .facts import SHORTER_OR_HIGHER
from .patterns import compiled
from .redline import (
    Block,
    BlockChange,
    BlockStatus,
    LinkChange,
    Redline,
    SectionChange,
    SectionStatus,
    Unit,
    WordOp,
    word_diff_text,
)
from .styled import Runs, clean, joined_styles, marked, styled, styles
from .verdict import ALREADY_SAID

_BLOCK_NOTES = {
    BlockStatus.WHITESPACE: "spacing changed only",
    BlockStatus.FORMATTING: "formatting changed; the text is the same",
    BlockStatus.MOVED: "moved within the section",
}


def _marked_html(words: tuple[WordOp, ...], old: Runs | None = None, new: Runs | None = None,
                 at_old: int = 0, at_new: int = 0) -> str:
    """Words marked with <ins>/<del>, with the links and emphasis of their side (`old` and `new`:
    the runs of that side's text, None for plain text; the words begin at `at_old` and `at_new`)."""
    return marked(((w.op, w.text) for w in words), old, new, at_old, at_new)


def _link_html(change: LinkChange) -> str:
    old = f"<del>{escape(change.old)}</del>" if change.old else "no link"
    new = f"<ins>{escape(change.new)}</ins>" if change.new else "no link"
    return f"link “{escape(change.text)}”: {old} → {new}"


def _block_note(change: BlockChange, titles: dict[str, str] | None) -> str | None:
    """What a block's badge says: its kind of change, and where a moved block came from or went."""
    if change.origin or change.destination:
        other = change.origin or change.destination or ""
        where = (titles or {}).get(other, other)
        return f"moved from “{where}”" if change.origin else f"moved to “{where}”"
    if change.moved:
        return _BLOCK_NOTES[BlockStatus.MOVED]
    if change.status is BlockStatus.FORMATTING and change.links:
        return "link changed; the text is the same"
    return _BLOCK_NOTES.get(change.status)


def block_html(change: BlockChange, titles: dict[str, str] | None = None, base: str | None = None) -> str:
    """One block as HTML: words marked with <ins>/<del>, whole blocks wrapped in them, links and
    emphasis kept (`base`: the statement's page seen from the page showing the redline, put before
    relative link targets), a changed
    link with its old and new target; a paragraph split or merged is one change (`_unit_html`).
    `titles` (section id -> title) names the section a moved block came from or went to."""
    if change.unit is not None:
        return _unit_html(change, change.unit, base)
    cls = f"pk-redline__block pk-redline__block--{change.status.value} pk-redline__block--{change.kind.value}"
    prefix = "• " if change.kind == "li" else ""
    old, new = _styles(change.old, base), _styles(change.new, base)
    if change.status is BlockStatus.CHANGED:
        inner = _marked_html(change.words, old, new)
    elif change.status is BlockStatus.ADDED:
        inner = f"<ins>{styled(change.new.text, new)}</ins>"  # type: ignore[union-attr]
    elif change.status is BlockStatus.REMOVED:
        inner = f"<del>{styled(change.old.text, old)}</del>"  # type: ignore[union-attr]
    else:
        inner = styled(change.new.text, new) if change.new is not None else styled(change.old.text, old)  # type: ignore[union-attr]
    if old or new:
        inner = clean(inner)        # (escaped text alone needs no sanitizer)
    note = _block_note(change, titles)
    if note:
        inner += f' <span class="pk-badge">{escape(note)}</span>'
    for link in change.links:
        inner += f' <span class="pk-redline__link">{_link_html(link)}</span>'
    return f'<p class="{cls}">{prefix}{inner}</p>'


def _styles(block: Block | None, base: str | None) -> Runs | None:
    return styles(block, base) if block is not None and "<" in block.html else None


def unit_note(unit: Unit) -> str:
    """What a split or merged paragraph's badge says."""
    n = len(unit.blocks)
    note = f"paragraph split in {n}" if unit.kind == "split" else f"{n} paragraphs merged into one"
    return note if unit.changed else note + "; the words are the same"


def _unit_html(change: BlockChange, unit: Unit, base: str | None) -> str:
    """A paragraph split in several (each new part a paragraph) or several merged into one, with its
    word changes across the parts, as one change in a group that says so."""
    olds, news = change.sides()
    old = joined_styles(olds, base) if any("<" in b.html for b in olds) else None
    new = joined_styles(news, base) if any("<" in b.html for b in news) else None
    lines = []
    pieces = unit.cut()
    for n, ((piece, at_old, at_new), block) in enumerate(zip(pieces, news, strict=True)):
        inner = _marked_html(piece, old, new, at_old, at_new)
        inner = clean(inner) if old or new else inner
        if n == len(pieces) - 1:
            inner += f' <span class="pk-badge">{escape(unit_note(unit))}</span>'
        prefix = "• " if block.kind == "li" else ""
        lines.append(f'<p class="pk-redline__part pk-redline__block--{block.kind.value}">{prefix}{inner}</p>')
    for link in change.links:
        lines.append(f'<p class="pk-redline__part"><span class="pk-redline__link">{_link_html(link)}</span></p>')
    status = change.status.value if unit.changed else "formatting"
    return (f'<div class="pk-redline__block pk-redline__block--{status} pk-redline__block--{unit.kind}">'
            + "".join(lines) + "</div>")


def section_title_html(change: SectionChange, shown: str | None = None) -> str:
    """A section's title as HTML: a changed title with its old words struck, a heading that
    appeared or was hidden said so; `shown` is the title as the redline heads it, when words tell
    it apart from another section's (`Redline.distinct_titles`)."""
    title = _marked_html(change.title_words) if change.renamed else escape(change.title)
    if shown and shown != change.title and shown.startswith(change.title):
        title += escape(shown[len(change.title):])
    if change.heading_toggled:
        title += ' <span class="pk-badge">' + ("heading now shown" if change.heading_shown else
                                                "heading no longer shown") + "</span>"
    return title


def headings_html(result: Redline, labels: tuple[str, str] = ("Title:", "Heading:"),
                  label_lang: str | None = None) -> list[str]:
    """The statement title and top headings readers see changed, one HTML line each, each after
    its label (`labels`: the title's and a heading's, in the page's language, `label_lang` when
    the compared text is in another)."""
    title, heading = (escape(label) for label in labels)
    if label_lang:
        title, heading = (f'<span lang="{escape(label_lang)}">{label}</span>' for label in (title, heading))
    lines = []
    if result.title_changed:
        lines.append(f"{title} " + _marked_html(word_diff_text(result.old_title or "", result.title)))
    for group in result.headings:
        lines.append(f"{heading} " + _marked_html(word_diff_text(group.old_heading or "", group.heading or "")))
    return [f'<p class="pk-redline__block pk-redline__block--heading">{line}</p>' for line in lines]


# A pull-request comment is cut by GitHub at 65,536 characters: the report stops listing
# blocks (never inside one) before that.
MARKDOWN_LIMIT = 60_000
# Unchanged words kept on each side of a change in the Markdown report.
CONTEXT_CHARS = 80


def redline_markdown(result: Redline, title: str | None = None, limit: int = MARKDOWN_LIMIT) -> str:
    """A Markdown report for a pull-request comment: summary, then each change.

    Every line is complete: marked words are never cut, every <ins>/<del> is closed on its
    line, and only unchanged words around a change are shortened.
    """
    heading = title or (f"Changes to {_code(result.statement)} ({md_text(result.region)}): "
                        f"{md_text(result.old_label)} → {md_text(result.new_label)}")
    lines = [f"### {heading}", "", f"**{_md(result.summary())}**", ""]
    if result.title_changed:
        lines.append(f"- title: {_marked_md(word_diff_text(result.old_title or '', result.title))}")
    for group in result.headings:
        lines.append(f"- heading: {_marked_md(word_diff_text(group.old_heading or '', group.heading or ''))}")
    titles = {s.id: s.title for s in result.sections}
    pending = [(section, block) for section in result.sections if section.is_change
               for block in (None, *section.blocks)
               if block is None or (block.status is not BlockStatus.EQUAL and not block.part)]
    size = sum(len(line) + 1 for line in lines)
    for n, (section, block) in enumerate(pending):
        line = _section_line(section) if block is None else f"  - {_block_markdown(block, titles)}"
        if size + len(line) > limit:
            rest = sum(1 for _, b in pending[n:] if b is not None)
            lines.append(f"- … {rest} more changed blocks: run `privacykit diff` for the whole redline")
            break
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines).rstrip() + "\n"


def _section_line(section: SectionChange) -> str:
    label = section.label
    if section.renamed:
        label += f", was titled “{_md(section.old_title or '')}”"
    if section.heading_toggled:
        label += ", heading now shown" if section.heading_shown else ", heading no longer shown"
    if section.status is SectionStatus.CHANGED and all(
            b.status is BlockStatus.EQUAL for b in section.blocks):
        label += "; text unchanged"
    return f"- **{_md(section.title)}** ({_code(section.id)}): {label}"


def _block_markdown(block: BlockChange, titles: dict[str, str]) -> str:
    links = "".join(f"; {_link_md(link)}" for link in block.links)
    if block.unit is not None:
        # The parts of a split paragraph are told apart by a pilcrow where each new one begins.
        if block.unit.changed:
            marked = " ¶ ".join(_marked_md(piece) for piece in block.unit.pieces())
        else:
            marked = _shorten(" ¶ ".join(_md(b.text) for b in block.sides()[1]))
        return f"{_md(unit_note(block.unit))}: {marked}{links}"
    if block.status is BlockStatus.CHANGED:
        moved = f"{_md(_block_note(block, titles) or '')}, changed: " if block.origin or block.moved else ""
        return moved + _marked_md(block.words) + links
    if block.status is BlockStatus.ADDED:
        return f"added: <ins>{_md(block.new.text)}</ins>"  # type: ignore[union-attr]
    if block.status is BlockStatus.REMOVED:
        return f"removed: <del>{_md(block.old.text)}</del>"  # type: ignore[union-attr]
    note = _block_note(block, titles) or block.status.value
    return f"{_md(note)}: {_shorten(_md((block.new or block.old).text))}{links}"  # type: ignore[union-attr]


def _link_md(change: LinkChange) -> str:
    old = f"<del>{_md(change.old)}</del>" if change.old else "no link"
    new = f"<ins>{_md(change.new)}</ins>" if change.new else "no link"
    return f"link “{_md(change.text)}”: {old} → {new}"


def _marked_md(words: tuple[WordOp, ...]) -> str:
    """Marked words in full; unchanged runs between them shortened to their edges."""
    parts = []
    for k, word in enumerate(words):
        if word.op == "insert":
            parts.append(f"<ins>{_md(word.text)}</ins>")
        elif word.op == "delete":
            parts.append(f"<del>{_md(word.text)}</del>")
        else:
            parts.append(_md(_context(word.text, first=k == 0, last=k == len(words) - 1)))
    return "".join(parts)


def _context(text: str, first: bool, last: bool) -> str:
    """Unchanged text kept only near the changes around it, cut at word boundaries."""
    if len(text) <= 2 * CONTEXT_CHARS + 5:
        return text
    head = "" if first else text[:CONTEXT_CHARS].rsplit(" ", 1)[0]
    tail = "" if last else text[-CONTEXT_CHARS:].split(" ", 1)[-1]
    if not head and not tail:
        return "…"
    # Only the space the ellipsis brings is trimmed: the run's own spaces next to a change stay, or
    # "encryption <del>when</del>" would read "encryption<del>when</del>" (gov44).
    return (f"{head} … " if head else "… ") + tail if tail else f"{head} …"


def _shorten(text: str, limit: int = 300) -> str:
    """An unchanged block cut at a word boundary (used only where nothing is marked)."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def md_text(text: str, strip: bool = True) -> str:
    """Content as Markdown text on one line: whitespace runs become one space and `&`, `<`, `>`
    are escaped, so it can neither end the line it is on nor open markup or an HTML comment."""
    joined = re.sub(r"\s+", " ", str(text))
    return escape(joined.strip() if strip else joined, quote=False)


_MARKDOWN_SPECIAL = compiled(r"([\\`*_\[\]|~])")


def _md(text: str) -> str:
    """Text readers see, as literal Markdown on one line: its `*`, `_`, `|` or brackets are
    shown, never read as emphasis, links or table cells (spaces at its ends are kept)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", md_text(text, strip=False))


def _code(text: str) -> str:
    """An identifier in backticks, exactly as `check` prints it: a code span shows its characters
    literally, so `->` stays `->` (an escaped `&gt;` would be shown as typed and could not be pasted
    into the release notes: gate43). Whitespace runs become one space, so it stays on its line, and
    a backtick inside (it would end the span) is dropped."""
    return "`" + re.sub(r"\s+", " ", str(text)).strip().replace("`", "") + "`"


def _cell(text: str) -> str:
    """Content in a Markdown table cell (a `|` would start another cell)."""
    return md_text(text).replace("|", "\\|")


def redline_html(result: Redline) -> str:
    """A standalone HTML fragment of the whole redline (for `privacykit diff --format html`)."""
    parts = [f"<p><strong>{escape(result.sentence())}</strong></p>"]
    parts.extend(headings_html(result))
    titles = {s.id: s.title for s in result.sections} | result.distinct_titles()
    for section in result.sections:
        if section.is_change:
            parts.append(f"<h3>{section_title_html(section, titles[section.id])} ({escape(section.label)})</h3>")
            parts.extend(block_html(b, titles) for b in section.blocks
                         if (b.status is not BlockStatus.EQUAL or _all_equal(section)) and not b.part)
    return "\n".join(parts) + "\n"


def _all_equal(section: SectionChange) -> bool:
    """A renamed section whose text did not change is shown with its text."""
    return all(b.status is BlockStatus.EQUAL for b in section.blocks)


def redline_json(result: Redline) -> str:
    """The complete redline as JSON: both sides can be rebuilt from it (`redline.rebuild`)."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


@dataclass(frozen=True)
class Reversal:
    """A change of the draft that takes back one readers were told of (gate43): `ref` (a reduction) undoes
    change `undone` of release `release`, told to readers of `regions` (decided `decision`)."""

    ref: str
    undone: str
    release: str
    decision: str
    regions: tuple[str, ...]


def reversals(verdict, releases) -> list[Reversal]:
    """The draft's reductions that take back a value an earlier release told readers of (decided `notify` or
    `consent`), newest release first: readers were told "we now share …" and, unless told again, believe it."""
    out = []
    for finding in verdict.merged_findings():
        fact = finding.declared
        if finding.kind is not ChangeKind.REDUCTION or fact is None:
            continue
        for release in reversed(list(releases)):
            told = [(r.region, g) for r in (release.verdict.regions if release.verdict else ())
                    for g in r.findings if g.kind is not ChangeKind.REDUCTION and g.declared is not None
                    and g.declared.fact is fact.fact and g.declared.value == fact.value
                    and g.decided in (Action.NOTIFY, Action.CONSENT)]
            if told:
                strongest = Action.strongest(g.decided for _, g in told)
                out.append(Reversal(finding.ref, told[0][1].id, release.id, strongest.value,
                                    tuple(dict.fromkeys(region for region, _ in told))))
                break
    return out


@dataclass(frozen=True)
class PendingRelease:
    """A release between the version a draft is compared with and the draft (not yet in force):
    judged when it was released, with the decisions its manifest records."""

    label: str
    effective: str
    verdict: Any        # its Verdict, or None for a first release
    # The regions it includes where it is no version (it left their text as it was: `versions.regional`).
    unchanged: tuple[str, ...] = ()


def verdict_markdown(verdict, redlines: dict | None = None, owners: dict[str, list[str]] | None = None,
                     lines: dict[str, str] | None = None, pending: tuple[PendingRelease, ...] = (),
                     compared: str | None = None, reversed_: tuple[Reversal, ...] = (),
                     new_regions: tuple[tuple[str, tuple[str, ...], int], ...] = ()) -> str:
    """A Markdown report of a verdict for a pull-request comment: per region the rules' action and the
    decision taken; per change its id, what readers will read (`lines`, by change ref), why, and the
    decision with its reason (marked where weaker than the rules); then the redline summaries.

    `pending` are the releases between `compared` (the version asked about, in force) and the draft:
    the draft is judged against the last of them, as its release will be, and they are listed with
    the decisions recorded when they were released. `new_regions` (id, laws, sections) are the regions
    no release includes yet: the next release publishes them for the first time (release43)."""
    start = compared or verdict.old_label
    lines = lines or {}
    out = [f"## Privacy statement {_code(verdict.statement)}: {md_text(start)} → {md_text(verdict.new_label)}", ""]
    if pending:
        listed = ", ".join(f"{md_text(p.label)}" for p in pending)
        out += [f"Released, not yet in force: {listed} (below, with the decisions recorded in each release). "
                f"The draft is judged as its release will be: against {md_text(verdict.old_label)}, "
                "with the draft's release notes.", ""]
    # (a region whose changes the notes have not decided yet leaves the whole undecided: gate43)
    undecided = [r.region for r in verdict.regions if any(f.acknowledged is None for f in r.material)]
    decided = f"not decided yet in {', '.join(undecided)}" if undecided else _ACTION_TEXT[verdict.decision.value]
    out.append(f"**Overall: {_ACTION_TEXT[verdict.action.value]}; decided: {md_text(decided)}**")
    out.append("")
    out += _region_table(verdict, with_laws=True)
    for region, laws, sections in new_regions:
        out.append(f"| {_cell(region)} | {_cell(', '.join(laws) or '—')} | first publication: the whole text "
                   f"({sections} sections) | no earlier version to notify; review the whole text under its laws "
                   "before release | published from the next release |")
    # What needs the writer's decision (what the gate refuses until the notes decide) apart from what is told
    # for information, with why it needs none (gate42): a region's "editorial" never sits above a line that
    # reads like a decision to take.
    findings = verdict.merged_findings()
    decide = [f for f in findings if needs_decision(verdict, f)]
    told = [f for f in findings if not needs_decision(verdict, f)]
    if decide:
        out += ["", "### Needs your decision", "",
                "Each change below needs a decision in the release notes (`acknowledge:` with "
                "`decision: none | notify | consent` and a reason); one with none recorded yet stops the release.",
                ""]
    for finding in decide:
        out += _finding_lines(verdict, finding, lines.get(finding.ref))
    if told:
        out += ["", "### For information (no decision needed)", ""]
    for finding in told:
        out += _information_lines(verdict, finding)
    if reversed_:
        out += ["", "### Takes back what readers were told", "",
                "Readers were told of these changes and, unless told again, still believe them. Consider a "
                "notice (the lawyer decides): acknowledge the change with `decision: notify` and a reason, and "
                "the notices tell readers the line below.", ""]
    for item in reversed_:
        out.append(f"- {_code(item.ref)} takes back {_code(item.undone)} of the release {md_text(item.release)} "
                   f"(told to readers in {md_text(', '.join(item.regions))}: {md_text(item.decision)})")
        if lines.get(item.ref):
            out.append(f"  - readers would read: “{md_text(lines[item.ref])}”")
    for release in pending:
        out += ["", f"### Released {md_text(release.label)}, in force from {md_text(release.effective)}", ""]
        if release.unchanged:
            out += [f"No new version in {md_text(', '.join(release.unchanged))}: it leaves their text as it was, so "
                    "nothing is published or notified there (versions44).", ""]
        if release.verdict is None:
            out.append("First release: nothing to compare with.")
            continue
        out += _region_table(release.verdict, with_laws=False)
        out.append("")
        for finding in release.verdict.merged_findings():
            if finding.action is not _NONE:
                out += _finding_lines(release.verdict, finding, None)
    if owners:
        out += ["", "### Owners to review", ""]
        out += [f"- {md_text(owner)}: {', '.join(_code(s) for s in sections)}" for owner, sections in owners.items()]
    for result in (redlines or {}).values():
        out += ["", redline_markdown(result).rstrip()]
    return "\n".join(out) + "\n"


def _region_table(verdict, with_laws: bool) -> list[str]:
    head = "| region | laws | what changed | rules ask | decision |" if with_laws else \
        "| region | rules ask | decision |"
    out = [head, "| --- " * (head.count("|") - 1) + "|"]
    for region in verdict.regions:
        action = _ACTION_TEXT[region.action.value]
        if region.action.value == "notify" and region.advance_days:
            action += f" ({region.advance_days} days ahead)"
        decision = _ACTION_TEXT[region.decision.value]
        if any(f.acknowledged is None for f in region.material):
            decision = "not decided yet"
        elif any(f.weaker_than_rules for f in region.findings):
            decision += " — weaker than the rules"
        if with_laws:
            laws = ", ".join(region.laws) or "—"
            out.append(f"| {_cell(region.region)} | {_cell(laws)} | {_cell(_what_changed(region))} | {action} | "
                       f"{decision} |")
        else:
            out.append(f"| {_cell(region.region)} | {action} | {decision} |")
    return out


def _what_changed(region) -> str:
    """The redline's summary of the region's source text, and the sections whose translation alone changed
    (year45: a late translation read "no changes" in its own region's row, the report listing its change)."""
    translated = {s for f in region.findings if f.origin.value == "translation" for s in f.sections}
    if not translated:
        return region.redline_summary
    n = len(translated)
    said = f"translation of {n} section{'s' if n != 1 else ''} changed"
    return said if region.redline_summary in ("", "no changes") else f"{region.redline_summary}; {said}"


def needs_decision(verdict, finding) -> bool:
    """A change that needs the writer's decision: one the rules (or a text signal's review) ask an action for in
    some region, exactly what the gate refuses unacknowledged; or one the writer decided about anyway."""
    return finding.action is not _NONE or any(f.acknowledged is not None for r in verdict.regions
                                              for f in r.findings if f.ref == finding.ref)


def no_decision_reason(finding) -> str:
    """Why a change needs no decision, in a reviewer's words."""
    kind = finding.kind.value if finding.kind is not None else ""
    if finding.origin.value == "translation":
        return "a change of translation alone (its source text is as it was) is editorial"
    if finding.description.endswith(ALREADY_SAID):
        return ("the previous text already said so: the declaration catches up with what readers were told, "
                "the practice is not new")
    if kind == "narrower_change":
        return "narrower than a value already declared"
    if SHORTER_OR_HIGHER in finding.description:
        return "a shorter period or a higher age than before"
    if kind == "reduction":
        return "less than before (a value no longer declared)"
    if not finding.rules:
        return "no rule of this region's laws asks anything for this kind of change"
    return "the rules ask no action: " + finding.why()


def _information_lines(verdict, finding) -> list[str]:
    regions = verdict.regions_with(finding.ref)
    sections = md_text(", ".join(finding.sections)) or "—"
    description = finding.description.removesuffix(ALREADY_SAID)
    return [f"- {_code(finding.ref)} — {md_text(description)} (sections: {sections}; "
            f"regions: {md_text(', '.join(regions))})",
            f"  - no decision needed: {md_text(no_decision_reason(finding))}"]


def _finding_lines(verdict, finding, line: str | None) -> list[str]:
    regions = verdict.regions_with(finding.ref)
    sections = md_text(", ".join(finding.sections)) or "—"
    out = [f"- {_code(finding.ref)} — {md_text(finding.description)} "
           f"(sections: {sections}; regions: {md_text(', '.join(regions))})"]
    told = finding.action is not _NONE or any(f.decided is not _NONE for r in verdict.regions for f in r.findings
                                              if f.ref == finding.ref)
    if line and told:
        out.append(f"  - readers read: “{md_text(line)}”")
    out.append(f"  - why: {md_text(finding.why())}")
    # (the generic findings this reading explains on its sentence, one fact told once: fragile41)
    out += [f"  - also read as: {md_text(f.description)} ({_code(f.id)})" for f in finding.folded]
    decided = [(r.region, f) for r in verdict.regions for f in r.findings if f.ref == finding.ref and f.acknowledged]
    if not decided:
        if finding.action is not _NONE:
            out.append("  - decision: none recorded yet")
        return out
    ack = decided[0][1].acknowledged
    by = f" (by {md_text(ack.by)})" if ack.by else ""
    out.append(f"  - decision: {md_text(ack.decision.value)}{by} — {md_text(ack.reason) or 'no reason given'}")
    weaker = [f"{region} ({f.ruled.value}: {', '.join(sorted({r.source for r in f.rules}))})"
              for region, f in decided if f.weaker_than_rules]
    if weaker:
        out.append(f"  - weaker than the rules in {md_text('; '.join(weaker))}")
    return out


_NONE = Action.NONE
_ACTION_TEXT = {"none": "editorial (no action)", "review": "needs legal review", "notify": "notify users",
                "consent": "ask for consent again"}
