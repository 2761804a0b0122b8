"""The redline page kind: "Review previous version", one version against the one before it,
with the verdict on its changes for the region's readers."""

from __future__ import annotations

import re
from html import escape
from typing import Any

from markupsafe import Markup

from ..changes.reader import Phrase, ReaderLine, ReaderWords, reader_line, titles_of
from ..changes.redline import BlockStatus, SectionStatus, redline
from ..changes.report import block_html, headings_html, section_title_html
from ..changes.verdict import ALREADY_SAID, Finding, RegionVerdict
from ..model.document import ResolvedDocument
from ..model.region import primary_language
from ..model.rules import Action
from ..render.dates import format_date
from ..render.templates import fill_text, other_language
from ..versions.store import Version
from .context import RegionalStatement, SiteContext
from .page import Edition, SitePage, TocEntry, anchor, relative_url
from .wording import heading_words


def release_redline(site: SiteContext, regional: RegionalStatement, version: Version) -> list[SitePage]:
    """The redline of a release against the release it replaced in this region (none for the first)."""
    previous = regional.edition_before(version)
    if previous is None:
        return []
    edition = regional.editions[version.id]
    return redline_pages(site, same_language_before(site, regional, version, previous), edition,
                         f"{edition.url}changes/", version.region_verdict(regional.region.id))


def same_language_before(site: SiteContext, regional: RegionalStatement, version: Version,
                         previous: Edition) -> Edition:
    """The edition a release's redline compares with: the one it replaced, or, when that one's text
    was in another language (a release that published a translation), the latest earlier one in
    the language of this release's text, if any (a word diff across languages means nothing)."""
    source = site.source_language(regional.region.id)
    language = regional.editions[version.id].document.text_language(source)
    if _same_language(previous.document.text_language(source), language):
        return previous
    earlier = regional.versions[: regional.versions.index(version)]
    for candidate in reversed(earlier):
        edition = regional.editions[candidate.id]
        if _same_language(edition.document.text_language(source), language):
            return edition
    return previous


def _same_language(a: str, b: str) -> bool:
    return primary_language(a) == primary_language(b)


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
    region_source = site.source_language(new.document.region)
    translation_only = None
    if not _same_language(old.document.text_language(region_source), new.document.text_language(region_source)):
        # No earlier text in this language: say what the release did instead of a word diff across
        # languages, and whether the source text changed (its redline is linked either way).
        source_changed = any(c.is_change for c in _redline(site, source_old, source_new).sections)
        translation_only = fill_text(t["translation_published_changed" if source_changed
                                       else "translation_published_unchanged"],
                                     language=t.get(f"name_{language.split('-')[0]}", language))
    return [redline_page(site, old, new, url, verdict, source_link=link, review=review,
                         translation_only=translation_only),
            redline_page(site, source_old, source_new, f"{url}source/", verdict, text_lang=language, review=review,
                         title_note=link["text"])]


def redline_page(site: SiteContext, old: Edition, new: Edition, url: str, verdict: RegionVerdict | None = None,
                 source_link: dict[str, str] | None = None, text_lang: str | None = None,
                 review: bool = False, title_note: str | None = None,
                 translation_only: str | None = None) -> SitePage:
    """The redline of `new` against `old` at `url`, with the region's `verdict` on the changes: for
    readers, one plain line per change and the company's decision; with `review` (draft pages), also
    the signals, the rules and their sources, and the decision against the rules.

    Every insertion and deletion starts with a visually hidden word ("inserted:") that screen
    readers speak; a moved section says where it was; the changed sections are the page's
    table of contents. `translation_only` (a release that published a translation, with no
    earlier text in its language) is what the page says instead of comparing the texts."""
    locale = new.document.locale
    t = site.words(locale)
    sentence_locale = site.templates.words_locale(locale)
    source = site.source_language(new.document.region)
    new_lang = text_lang or new.document.text_language(source)
    old_lang = text_lang or old.document.text_language(source)
    result = _redline(site, old, new)
    changed = [] if translation_only else [change for change in result.sections if change.is_change]
    # One heading per section: two sections of one title are told apart by their opening words.
    distinct = result.distinct_titles()

    def context() -> dict[str, Any]:
        sections = []
        titles = {c.id: c.title for c in result.sections} | distinct
        deleted_lang = old_lang if old_lang != new_lang else None
        # A relative link of the statement (a section's #anchor) leads to the statement's page.
        base = relative_url(url, new.url)
        for change in changed:
            # A section that changed only its title or heading is shown with its text.
            everything = all(b.status is BlockStatus.EQUAL for b in change.blocks)
            blocks = [spoken(block_html(b, titles, base), t, deleted_lang, locale) for b in change.blocks
                      if (b.status is not BlockStatus.EQUAL or everything) and not b.part]
            label = t["badge_" + change.label.replace(" ", "_")]
            title = spoken(section_title_html(change, distinct[change.id]), t, deleted_lang, locale)
            sections.append({"id": anchor(change.id), "title": title, "status": change.status.value,
                             "label": label, "blocks": blocks,
                             "moved_from": moved_from(old.document, new.document, change.id, t) if change.moved
                             or change.status is SectionStatus.MOVED else None})
        between = t["redline_between_draft"] if new.version is None else t["redline_between"]
        return {"statement": new.document.statement, "region": new.document.region, "locale": locale, "t": t,
                "summary": summary(result.counts(), t), "sections": sections, "notices": [],
                "headings": [] if translation_only else [
                    spoken(line, t, None, locale) for line in
                    headings_html(result, (t["redline_title_label"], t["redline_heading_label"]),
                                  locale if new_lang != locale else None)],
                "translation_only": translation_only,
                "verdict": verdict_view(verdict, t, site.reader_words(new.document.region),
                                        titles_of(new.document, site.source_language(new.document.region)), review,
                                        {c.id: c.status for c in result.sections}),
                # (dates inside the catalog's sentences: English ones where the catalog lacks the language)
                "old_date": edition_date(old, sentence_locale, t),
                "new_date": edition_date(new, sentence_locale, t), "old_url": relative_url(url, old.url),
                "new_url": relative_url(url, new.url), "source_link": source_link,
                "text_lang": new_lang if new_lang != locale else None, "between": between}

    html = site.render_page("redline.html", lambda: (
        old.document.fingerprint, new.document.fingerprint, new.document.statement, new.document.region,
        locale, old.label, new.label, old.url, new.url, url, repr(verdict), repr(source_link), new_lang,
        old_lang, review, translation_only), context)
    _, region_name, title_lang = heading_words(site, new.document.region, new.document.region_name)
    title = fill_text(t["redline_title"], title=site.statement_title(new.document.statement, new.document.region),
                      region=region_name, date=edition_date(new, sentence_locale, t))
    if title_note:      # the redline of a translation's source: its own title, in the page's words
        title = f"{title} — {title_note}"
    toc = tuple(TocEntry(distinct[change.id], change.id, 2, lang=other_language(new_lang, locale))
                for change in changed)
    return SitePage(url, title, html, toc, locale=locale, archived=True, draft=new.version is None,
                    statement=new.document.statement, navigation=site.navigation(new.document.region),
                    title_part=title if title_lang else "", title_lang=title_lang)


def _redline(site: SiteContext, old: Edition, new: Edition) -> Any:
    """The redline of two editions' texts, once per build."""
    return site.cache.redlines.get_or_make((old.document.fingerprint, new.document.fingerprint),
                                           lambda: redline(old.document, new.document, old.label, new.label))


_MARKS = re.compile(r'<(ins|del)>|</(ins|del)>|<span class="pk-badge">')


def spoken(block: str, t: dict[str, str], deleted_lang: str | None, locale: str) -> Markup:
    """A redline block whose marks speak: each `<ins>`/`<del>` starts with a visually hidden
    "inserted:"/"deleted:" and ends with "(end of insertion)"/"(end of deletion)" in the page's
    language (real text, which every screen reader reads, unlike CSS content: the pattern WAI
    and axe's authors give for `ins`/`del`, whose roles most screen readers do not announce);
    deleted words in another language than the new text say so (`deleted_lang`), and the
    redline's notes, which are English, say that too."""
    # (the page's words are English, marked so, where the catalog lacks the page's language)
    page_lang = str(t.get("fallback_attrs") or "") or f' lang="{escape(locale)}"'

    def mark(match: re.Match[str]) -> str:
        tag, end = match.group(1), match.group(2)
        if end is not None:
            word = t["inserted_end"] if end == "ins" else t["deleted_end"]
            return f'<span class="pk-sr-only"{page_lang}> ({escape(word)})</span></{end}>'
        if tag is None:
            return match.group(0) if primary_language(locale) == "en" else '<span class="pk-badge" lang="en">'
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
                 titles: dict[str, Phrase], review: bool = False,
                 statuses: dict[str, SectionStatus] | None = None) -> dict[str, Any] | None:
    """A region's verdict shaped for the redline template's verdict box.

    Readers get the decision the company took and one plain line per change it acts on, in their
    language (`page_line`: the most telling one, the most specific lines first; `statuses` are the
    redline's sections by id). `review` (draft pages) adds, per change, what reviewers need: the signal, the rules'
    action with their sources, the decision and its reason, and whether it is weaker than the rules.
    """
    if region is None:
        return None
    action = region.decision
    shown = list(region.findings) if review else [f for f in region.findings if f.decided is not Action.NONE]
    ranked = []
    statuses = statuses or {}
    # A section added whole is named first, once, whatever its changes' own lines say ("We added a section
    # “Moto Pulse”.", then "We now collect heart rate…"), with the strongest decision of its changes (author44).
    added: dict[str, list[Finding]] = {}
    for finding in shown:
        whole = {statuses.get(s) for s in finding.sections}
        sid = next((s for s in finding.sections if s in titles), None)
        if sid is not None and whole == {SectionStatus.ADDED}:
            added.setdefault(sid, []).append(finding)
    for sid, found in added.items():
        line = section_line(words, "page_section_added", titles[sid])
        decided = max((f.decided for f in found), key=lambda a: a.weight)
        ranked.append((_ADDED, {"line": line.html, "decision": decided.value}))
    seen = {change["line"] for _, change in ranked}
    for finding in shown:
        rank, line = page_line(finding, words, titles, statuses)
        if not review and line.html in seen:
            continue    # readers read a line once (two changes of one sentence, a section's generic line)
        seen.add(line.html)
        change: dict[str, Any] = {"line": line.html, "decision": finding.decided.value}
        if review:
            change.update(_review(finding))
        ranked.append((rank, change))
    changes = [change for _, change in sorted(ranked, key=lambda pair: pair[0])]
    # A release whose decision was never recorded (imported history) names no decision to readers.
    title = t["verdict_changes"] if action is Action.REVIEW and not review else t[f"verdict_{action.value}"]
    return {"action": action.value, "kind": _VERDICT_KINDS[action], "title": title, "changes": changes,
            "review": review}


# How telling a page line is: a change's own line, a section added or removed whole, a line that
# only names the section, a fact already stated (nothing changes for readers).
_ADDED, _SPECIFIC, _SECTION, _GENERIC, _ALREADY = range(5)
_GENERIC_FRAMES = frozenset({"reader_other", "reader_wording", "reader_translation", "reader_other_general"})


def page_line(finding: Finding, words: ReaderWords, titles: dict[str, Phrase],
              statuses: dict[str, SectionStatus]) -> tuple[int, ReaderLine]:
    """The line a page shows for `finding`, and how telling it is (lower is more specific).

    A fact the previous text already stated changes nothing for readers: its line says so rather
    than "We now …" (which the finding's own line would say). A change whose own line only names
    its section ("We changed how “…” describes …") in a section the redline shows added or
    removed whole says that instead ("We added a section “…”")."""
    title = next((titles[s] for s in finding.sections if s in titles), None)
    if finding.description.endswith(ALREADY_SAID):
        return _ALREADY, section_line(words, "page_already_said" if title else "page_already_said_general", title)
    line = reader_line(finding, words, titles)
    if line.frame not in _GENERIC_FRAMES:    # a line only naming the section is generic by its frame, not its text
        return _SPECIFIC, line
    whole = {statuses.get(s) for s in finding.sections}
    if title is not None and whole == {SectionStatus.ADDED}:
        return _SECTION, section_line(words, "page_section_added", title)
    if title is not None and whole == {SectionStatus.REMOVED}:
        return _SECTION, section_line(words, "page_section_removed", title)
    return _GENERIC, line


def section_line(words: ReaderWords, frame: str, title: Phrase | None) -> ReaderLine:
    """A line of the reader catalog (`words.strings[frame]`) whose one value is a section's title."""
    before, _, after = words.strings[frame].partition("{section}")
    if title is None:
        return ReaderLine(before, Markup(escape(before)), words.language)
    return ReaderLine(f"{before}{title.text}{after}",
                      Markup(f"{escape(before)}{title.marked(words.language)}{escape(after)}"), words.language)


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
