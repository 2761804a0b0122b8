"""The redline page kind: "Review previous version", one version against the one before it,
with the verdict on its changes for the region's readers."""

from __future__ import annotations

import re
from html import escape
from typing import Any

from markupsafe import Markup

from ..changes.reader import Phrase, ReaderWords, reader_lines, titles_of
from ..changes.redline import BlockStatus, SectionStatus, redline
from ..changes.report import block_html, headings_html, section_title_html
from ..changes.verdict import Finding, RegionVerdict
from ..model.document import ResolvedDocument
from ..model.rules import Action
from ..render.dates import format_date
from ..render.templates import fill_text
from ..versions.store import Version
from .context import RegionalStatement, SiteContext
from .page import Edition, SitePage, TocEntry, anchor, relative_url
from .statement import other_language


def release_redline(site: SiteContext, regional: RegionalStatement, version: Version) -> list[SitePage]:
    """The redline of a release against the release it replaced in this region (none for the first)."""
    previous = regional.edition_before(version)
    if previous is None:
        return []
    edition = regional.editions[version.id]
    return redline_pages(site, previous, edition, f"{edition.url}changes/", version.region_verdict(regional.region.id))


def redline_pages(site: SiteContext, old: Edition, new: Edition, url: str,
                  verdict: RegionVerdict | None = None, review: bool = False) -> list[SitePage]:
    """The redline of `new` against `old`; for a translated text, also the redline of its source text
    (at `<url>source/`, linked from the first)."""
    if not (old.document.is_translation or new.document.is_translation):
        return [redline_page(site, old, new, url, verdict, review=review)]
    source = new.document.in_source_language()
    language = site.source_language(new.document.region) or source.language or "en"
    t = site.words(new.document.locale)
    link = {"url": "source/", "lang": language,
            "text": fill_text(t["source_redline"], language=t.get(f"name_{language.split('-')[0]}", language))}
    source_old = Edition(old.document.in_source_language(), old.version, old.url)
    source_new = Edition(source, new.version, new.url)
    return [redline_page(site, old, new, url, verdict, source_link=link, review=review),
            redline_page(site, source_old, source_new, f"{url}source/", verdict, text_lang=language, review=review,
                         title_note=link["text"])]


def redline_page(site: SiteContext, old: Edition, new: Edition, url: str, verdict: RegionVerdict | None = None,
                 source_link: dict[str, str] | None = None, text_lang: str | None = None,
                 review: bool = False, title_note: str | None = None) -> SitePage:
    """The redline of `new` against `old` at `url`, with the region's `verdict` on the changes: for
    readers, one plain line per change and the company's decision; with `review` (draft pages), also
    the signals, the rules and their sources, and the decision against the rules.

    Every insertion and deletion starts with a visually hidden word ("inserted:") that screen
    readers speak; a moved section says where it was; the changed sections are the page's
    table of contents."""
    locale = new.document.locale
    t = site.words(locale)
    source = site.source_language(new.document.region)
    new_lang = text_lang or new.document.text_language(source)
    old_lang = text_lang or old.document.text_language(source)
    result = site.cache.redlines.get_or_make((old.document.fingerprint, new.document.fingerprint),
                                             lambda: redline(old.document, new.document, old.label, new.label))
    changed = [change for change in result.sections if change.is_change]
    # One heading per section: two sections of one title are told apart by their opening words.
    distinct = result.distinct_titles()

    def context() -> dict[str, Any]:
        sections = []
        titles = {c.id: c.title for c in result.sections} | distinct
        deleted_lang = old_lang if old_lang != new_lang else None
        for change in changed:
            # A section that changed only its title or heading is shown with its text.
            everything = all(b.status is BlockStatus.EQUAL for b in change.blocks)
            blocks = [spoken(block_html(b, titles), t, deleted_lang, locale) for b in change.blocks
                      if b.status is not BlockStatus.EQUAL or everything]
            label = t["badge_" + change.label.replace(" ", "_")]
            title = spoken(section_title_html(change, distinct[change.id]), t, deleted_lang, locale)
            sections.append({"id": anchor(change.id), "title": title, "status": change.status.value,
                             "label": label, "blocks": blocks,
                             "moved_from": moved_from(old.document, new.document, change.id, t) if change.moved
                             or change.status is SectionStatus.MOVED else None})
        between = t["redline_between_draft"] if new.version is None else t["redline_between"]
        return {"statement": new.document.statement, "region": new.document.region, "locale": locale, "t": t,
                "summary": summary(result.counts(), t), "sections": sections, "notices": [],
                "headings": [spoken(line, t, None, locale) for line in
                             headings_html(result, (t["redline_title_label"], t["redline_heading_label"]),
                                           locale if new_lang != locale else None)],
                "verdict": verdict_view(verdict, t, site.reader_words(new.document.region),
                                        titles_of(new.document, site.source_language(new.document.region)), review),
                "old_date": edition_date(old, locale, t),
                "new_date": edition_date(new, locale, t), "old_url": relative_url(url, old.url),
                "new_url": relative_url(url, new.url), "source_link": source_link,
                "text_lang": new_lang if new_lang != locale else None, "between": between}

    html = site.render_page("redline.html", lambda: (
        old.document.fingerprint, new.document.fingerprint, new.document.statement, new.document.region,
        locale, old.label, new.label, old.url, new.url, url, repr(verdict), repr(source_link), new_lang,
        old_lang, review), context)
    title = fill_text(t["redline_title"], title=site.statement_title(new.document.statement, new.document.region),
                      region=site.region_name(new.document.region, new.document.region_name),
                      date=edition_date(new, locale, t))
    if title_note:      # the redline of a translation's source: its own title, in the page's words
        title = f"{title} — {title_note}"
    toc = tuple(TocEntry(distinct[change.id], change.id, 2, lang=other_language(new_lang, locale))
                for change in changed)
    return SitePage(url, title, html, toc, locale=locale, archived=True, draft=new.version is None,
                    statement=new.document.statement, navigation=site.navigation(new.document.region))


_MARKS = re.compile(r'<(ins|del)>|<span class="pk-badge">')


def spoken(block: str, t: dict[str, str], deleted_lang: str | None, locale: str) -> Markup:
    """A redline block whose marks speak: each `<ins>`/`<del>` starts with a visually hidden
    "inserted:"/"deleted:" in the page's language (real text, which every screen reader reads,
    unlike CSS content); deleted words in another language than the new text say so
    (`deleted_lang`), and the redline's notes, which are English, say that too."""
    page_lang = f' lang="{escape(locale)}"'

    def mark(match: re.Match[str]) -> str:
        tag = match.group(1)
        if tag is None:
            return match.group(0) if locale.split("-")[0] == "en" else '<span class="pk-badge" lang="en">'
        word = t["inserted"] if tag == "ins" else t["deleted"]
        lang = f' lang="{escape(deleted_lang)}"' if tag == "del" and deleted_lang else ""
        return f'<{tag}{lang}><span class="pk-sr-only"{page_lang}>{escape(word)} </span>'

    return Markup(_MARKS.sub(mark, block))


def moved_from(old: ResolvedDocument, new: ResolvedDocument, section_id: str, t: dict[str, str]) -> str:
    """Where a moved section was in `old`: under another heading, after another section, or first."""
    before = [s.id for s in old.sections]
    if section_id not in before:
        return ""
    index = before.index(section_id)
    section = old.sections[index]
    headings = {group.id: group.heading for group in old.groups}
    now = next((s for s in new.sections if s.id == section_id), None)
    if now is not None and now.group != section.group and headings.get(section.group):
        return fill_text(t["moved_from_group"], place=headings[section.group] or "")
    if index == 0:
        return t["moved_from_start"]
    return fill_text(t["moved_from_after"], place=old.sections[index - 1].title)


_VERDICT_KINDS = {Action.CONSENT: "danger", Action.NOTIFY: "warning", Action.REVIEW: "warning",
                  Action.NONE: "success"}


def verdict_view(region: RegionVerdict | None, t: dict[str, str], words: ReaderWords,
                 titles: dict[str, Phrase], review: bool = False) -> dict[str, Any] | None:
    """A region's verdict shaped for the redline template's verdict box.

    Readers get the decision the company took and one plain line per change it acts on, in their
    language. `review` (draft pages) adds, per change, what reviewers need: the signal, the rules'
    action with their sources, the decision and its reason, and whether it is weaker than the rules.
    """
    if region is None:
        return None
    action = region.decision
    shown = list(region.findings) if review else [f for f in region.findings if f.decided is not Action.NONE]
    changes = []
    for finding in shown:
        line = reader_lines([finding], words, titles)[0]
        change: dict[str, Any] = {"line": line.html, "decision": finding.decided.value}
        if review:
            change.update(_review(finding))
        changes.append(change)
    # A release whose decision was never recorded (imported history) names no decision to readers.
    title = t["verdict_changes"] if action is Action.REVIEW and not review else t[f"verdict_{action.value}"]
    return {"action": action.value, "kind": _VERDICT_KINDS[action], "title": title, "changes": changes,
            "review": review}


def _review(finding: Finding) -> dict[str, Any]:
    """What a reviewer reads under a change's line: the signal, the rules, the decision against them."""
    rules = "; ".join(f"{r.law}: {r.action.value} ({r.source})" for r in finding.rules)
    ack = finding.acknowledged
    return {"ref": finding.ref, "description": finding.description, "action": finding.action.value,
            "why": rules or "no rule; a lawyer must decide",
            "decided": ack.decision.value if ack else None, "reason": ack.reason if ack else "",
            "weaker": finding.weaker_than_rules}


def edition_date(edition: Edition, locale: str, t: dict[str, str]) -> str:
    """An edition's effective date in the reader's language ("Draft" for the draft)."""
    if edition.version is None:
        return t["draft_title"]
    return format_date(edition.version.effective_date, locale)


def summary(counts: dict[str, int], t: dict[str, str]) -> str:
    """'3 sections changed, 1 added, 1 heading changed' in the reader's language."""
    parts: list[str] = []
    for status in ("changed", "added", "removed", "moved", "headings"):
        n = counts.get(status)
        if n:
            key = ("lead_" if not parts else "then_") + status + ("_one" if n == 1 else "")
            parts.append(fill_text(t[key], n=n))
    if counts.get("title"):
        parts.append(t["lead_title" if not parts else "then_title"])
    return t["list_separator"].join(parts) if parts else t["no_changes"]
