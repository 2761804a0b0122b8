"""Redline output: HTML fragments with <ins>/<del>, a Markdown report, and JSON.

The HTML is built only from escaped text, so nothing in a statement can inject
markup into a redline page.
"""

from __future__ import annotations

import json
from html import escape

from .redline import BlockChange, BlockStatus, Redline

_TAGS = {"p": "p", "li": "p", "h": "p"}
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
    heading = title or f"Changes to `{result.statement}` ({result.region}): {result.old_label} → {result.new_label}"
    lines = [f"### {heading}", "", f"**{result.summary()}**", ""]
    for section in result.sections:
        if not section.is_change:
            continue
        label = section.label
        if section.old_title and section.old_title != section.title:
            label += f", was titled “{section.old_title}”"
        lines.append(f"- **{section.title}** (`{section.id}`): {label}")
        for block in section.blocks:
            if block.status is BlockStatus.EQUAL:
                continue
            lines.append(f"  - {_block_markdown(block)}")
    return "\n".join(lines).rstrip() + "\n"


def _block_markdown(block: BlockChange) -> str:
    if block.status is BlockStatus.CHANGED:
        text = "".join(w.text if w.op == "equal" else f"<ins>{w.text}</ins>" if w.op == "insert"
                       else f"<del>{w.text}</del>" for w in block.words)
        return _shorten(text)
    if block.status is BlockStatus.ADDED:
        return f"added: <ins>{_shorten(block.new.text)}</ins>"  # type: ignore[union-attr]
    if block.status is BlockStatus.REMOVED:
        return f"removed: <del>{_shorten(block.old.text)}</del>"  # type: ignore[union-attr]
    return f"{_BLOCK_NOTES[block.status]}: {_shorten(block.new.text)}"  # type: ignore[union-attr]


def _shorten(text: str, limit: int = 600) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


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


def verdict_markdown(verdict, redlines: dict | None = None, owners: dict[str, list[str]] | None = None) -> str:
    """A Markdown report of a verdict (with redline summaries) for a pull-request comment."""
    lines = [f"## Privacy statement `{verdict.statement}`: {verdict.old_label} → {verdict.new_label}", ""]
    lines.append(f"**Overall: {_ACTION_TEXT[verdict.action.value]}**")
    lines.append("")
    lines.append("| region | laws | what changed | action |")
    lines.append("| --- | --- | --- | --- |")
    for region in verdict.regions:
        action = _ACTION_TEXT[region.action.value]
        if region.action.value == "notify" and region.advance_days:
            action += f" ({region.advance_days} days ahead)"
        laws = ", ".join(region.laws) or "—"
        lines.append(f"| {region.region} | {laws} | {region.redline_summary} | {action} |")
    findings = verdict.merged_findings()
    if findings:
        lines += ["", "### Changes", ""]
    for finding in findings:
        regions = verdict.regions_with(finding.id)
        lines.append(f"- `{finding.id}` — {finding.description} (sections: {', '.join(finding.sections) or '—'}; "
                     f"regions: {', '.join(regions)})")
        lines.append(f"  - why: {finding.why()}")
    if owners:
        lines += ["", "### Owners to review", ""]
        lines += [f"- {owner}: {', '.join(f'`{s}`' for s in sections)}" for owner, sections in owners.items()]
    for result in (redlines or {}).values():
        lines += ["", redline_markdown(result).rstrip()]
    return "\n".join(lines) + "\n"


_ACTION_TEXT = {"none": "editorial (no action)", "review": "needs legal review", "notify": "notify users",
                "consent": "ask for consent again"}
