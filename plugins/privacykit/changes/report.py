"""Redline output: HTML fragments with <ins>/<del>, a Markdown report, and JSON.

The HTML is built only from escaped text, so nothing in a statement can inject
markup into a redline page. The Markdown reports (pull-request comments) put content
on one line each, HTML-escaped: a title cannot end its list item, open an HTML comment
that hides the rest of the report, or add markup.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from html import escape
from typing import Any

from ..model.rules import Action
from .redline import BlockChange, BlockStatus, Redline

_BLOCK_NOTES = {
    BlockStatus.WHITESPACE: "spacing changed only",
    BlockStatus.FORMATTING: "formatting or link changed; the text is the same",
    BlockStatus.MOVED: "moved within the section",
}


def block_html(change: BlockChange) -> str:
    """One block as HTML: words marked with <ins>/<del>, whole blocks wrapped in them."""
    cls = f"pk-redline__block pk-redline__block--{change.status.value} pk-redline__block--{change.kind}"
    prefix = "• " if change.kind == "li" else ""
    if change.status is BlockStatus.CHANGED:
        inner = "".join(
            escape(w.text) if w.op == "equal" else
            f"<ins>{escape(w.text)}</ins>" if w.op == "insert" else f"<del>{escape(w.text)}</del>"
            for w in change.words)
    elif change.status is BlockStatus.ADDED:
        inner = f"<ins>{escape(change.new.text)}</ins>"  # type: ignore[union-attr]
    elif change.status is BlockStatus.REMOVED:
        inner = f"<del>{escape(change.old.text)}</del>"  # type: ignore[union-attr]
    else:
        inner = escape(change.new.text)  # type: ignore[union-attr]
    note = _BLOCK_NOTES.get(change.status)
    if note:
        inner += f' <span class="pk-badge">{note}</span>'
    return f'<p class="{cls}">{prefix}{inner}</p>'


def redline_markdown(result: Redline, title: str | None = None) -> str:
    """A Markdown report for a pull-request comment: summary, then each changed section."""
    heading = title or (f"Changes to {_code(result.statement)} ({md_text(result.region)}): "
                        f"{md_text(result.old_label)} → {md_text(result.new_label)}")
    lines = [f"### {heading}", "", f"**{md_text(result.summary())}**", ""]
    for section in result.sections:
        if not section.is_change:
            continue
        label = section.label
        if section.old_title and section.old_title != section.title:
            label += f", was titled “{md_text(section.old_title)}”"
        lines.append(f"- **{md_text(section.title)}** ({_code(section.id)}): {label}")
        for block in section.blocks:
            if block.status is BlockStatus.EQUAL:
                continue
            lines.append(f"  - {_block_markdown(block)}")
    return "\n".join(lines).rstrip() + "\n"


def _block_markdown(block: BlockChange) -> str:
    if block.status is BlockStatus.CHANGED:
        shortened = _shorten_words(block.words)
        return "".join(md_text(text, strip=False) if op == "equal" else f"<ins>{md_text(text, strip=False)}</ins>"
                       if op == "insert" else f"<del>{md_text(text, strip=False)}</del>" for op, text in shortened)
    side = block.old if block.status is BlockStatus.REMOVED else block.new
    text = md_text(_shorten(side.text if side else ""))
    if block.status is BlockStatus.ADDED:
        return f"added: <ins>{text}</ins>"
    if block.status is BlockStatus.REMOVED:
        return f"removed: <del>{text}</del>"
    return f"{_BLOCK_NOTES[block.status]}: {text}"


def _shorten(text: str, limit: int = 600) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _shorten_words(words, limit: int = 600) -> list[tuple[str, str]]:
    """The word changes of a block, cut after `limit` characters (the last one ends in '…')."""
    out: list[tuple[str, str]] = []
    used = 0
    for word in words:
        text = word.text.replace("\n", " ")
        if used + len(text) > limit - 1:
            out.append((word.op, text[: max(0, limit - 1 - used)] + "…"))
            break
        out.append((word.op, text))
        used += len(text)
    return out


def md_text(text: str, strip: bool = True) -> str:
    """Content as Markdown text on one line: whitespace runs become one space and `&`, `<`, `>`
    are escaped, so it can neither end the line it is on nor open markup or an HTML comment."""
    joined = re.sub(r"\s+", " ", str(text))
    return html.escape(joined.strip() if strip else joined, quote=False)


def _code(text: str) -> str:
    """An identifier in backticks (a backtick inside would end the code span: it is dropped)."""
    return f"`{md_text(text).replace('`', '')}`"


def _cell(text: str) -> str:
    """Content in a Markdown table cell (a `|` would start another cell)."""
    return md_text(text).replace("|", "\\|")


def redline_html(result: Redline) -> str:
    """A standalone HTML fragment of the whole redline (for `privacykit diff --format html`)."""
    parts = [f"<p><strong>{escape(result.sentence())}</strong></p>"]
    for section in result.sections:
        if section.is_change:
            parts.append(f"<h3>{escape(section.title)} ({section.label})</h3>")
            parts.extend(block_html(b) for b in section.blocks if b.status is not BlockStatus.EQUAL)
    return "\n".join(parts) + "\n"


def redline_json(result: Redline) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


@dataclass(frozen=True)
class PendingRelease:
    """A release between the version a draft is compared with and the draft (not yet in force):
    judged when it was released, with the decisions its manifest records."""

    label: str
    effective: str
    verdict: Any        # its Verdict, or None for a first release


def verdict_markdown(verdict, redlines: dict | None = None, owners: dict[str, list[str]] | None = None,
                     lines: dict[str, str] | None = None, pending: tuple[PendingRelease, ...] = (),
                     compared: str | None = None) -> str:
    """A Markdown report of a verdict for a pull-request comment: per region the rules' action and the
    decision taken; per change its id, what readers will read (`lines`, by change ref), why, and the
    decision with its reason (marked where weaker than the rules); then the redline summaries.

    `pending` are the releases between `compared` (the version asked about, in force) and the draft:
    the draft is judged against the last of them, as its release will be, and they are listed with
    the decisions recorded when they were released."""
    start = compared or verdict.old_label
    lines = lines or {}
    out = [f"## Privacy statement {_code(verdict.statement)}: {md_text(start)} → {md_text(verdict.new_label)}", ""]
    if pending:
        listed = ", ".join(f"{md_text(p.label)}" for p in pending)
        out += [f"Released, not yet in force: {listed} (below, with the decisions recorded in each release). "
                f"The draft is judged as its release will be: against {md_text(verdict.old_label)}, "
                "with the draft's release notes.", ""]
    out.append(f"**Overall: {_ACTION_TEXT[verdict.action.value]}; decided: {_ACTION_TEXT[verdict.decision.value]}**")
    out.append("")
    out += _region_table(verdict, with_laws=True)
    findings = verdict.merged_findings()
    if findings:
        out += ["", "### Changes", ""]
    for finding in findings:
        out += _finding_lines(verdict, finding, lines.get(finding.ref))
    for release in pending:
        out += ["", f"### Released {md_text(release.label)}, in force from {md_text(release.effective)}", ""]
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
            out.append(f"| {_cell(region.region)} | {_cell(laws)} | {_cell(region.redline_summary)} | {action} | "
                       f"{decision} |")
        else:
            out.append(f"| {_cell(region.region)} | {action} | {decision} |")
    return out


def _finding_lines(verdict, finding, line: str | None) -> list[str]:
    regions = verdict.regions_with(finding.ref)
    sections = md_text(", ".join(finding.sections)) or "—"
    out = [f"- {_code(finding.ref)} — {md_text(finding.description)} "
           f"(sections: {sections}; regions: {md_text(', '.join(regions))})"]
    if line and finding.action is not _NONE:
        out.append(f"  - readers read: “{md_text(line)}”")
    out.append(f"  - why: {md_text(finding.why())}")
    decided = [(r.region, f) for r in verdict.regions for f in r.findings if f.ref == finding.ref and f.acknowledged]
    if not decided:
        if finding.action is not _NONE:
            out.append("  - decision: none recorded yet")
        return out
    ack = decided[0][1].acknowledged
    out.append(f"  - decision: {md_text(ack.decision.value)} — {md_text(ack.reason) or 'no reason given'}")
    weaker = [f"{region} ({f.ruled.value}: {', '.join(sorted({r.source for r in f.rules}))})"
              for region, f in decided if f.weaker_than_rules]
    if weaker:
        out.append(f"  - weaker than the rules in {md_text('; '.join(weaker))}")
    return out


_NONE = Action.NONE
_ACTION_TEXT = {"none": "editorial (no action)", "review": "needs legal review", "notify": "notify users",
                "consent": "ask for consent again"}
