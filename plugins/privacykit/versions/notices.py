"""Notices of a release: the e-mail and in-app texts readers of each region get.

A notice tells readers what the company acts on: the changes acknowledged with a decision
other than `none` (one plain line each, `changes/reader.py`), the release's summary, the
effective date and a link to the redline. It is written in the region's language where the
catalog has it; otherwise in English, and its `Content-Language` says so. Links are absolute
(the project's `site_url`), since an e-mail cannot follow a link relative to a site.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape

from ..changes.reader import Phrase, ReaderWords, reader_lines, sentence_gap, titles_of
from ..changes.verdict import Finding, Verdict
from ..model.document import ResolvedDocument
from ..model.region import primary_language
from ..model.rules import Action
from ..model.statement import Project
from ..render.dates import format_date
from ..render.templates import TemplateSet


@dataclass(frozen=True)
class NoticePlan:
    """What the notices of one release say besides its changes.

    `effective` is the date the release takes effect; `version` names it in the link to the
    redline (`draft` for a preview of the draft). `summary` is the release notes' summary, in the
    statement's own language, and `summaries` its translations by language (`pt-BR`): a region
    that reads another language gets its translation, or no summary.
    """

    effective: dt.date
    version: str
    summary: str = ""
    summaries: Mapping[str, str] = field(default_factory=dict)


def notice_regions(verdict: Verdict) -> dict[str, list[Finding]]:
    """Region -> the changes its readers are told about: those decided `notify` or `consent`
    (a change the writer decided `none` for is not announced, and one the rules leave editorial is
    when the writer decided more, such as a translation that changed meaning)."""
    out: dict[str, list[Finding]] = {}
    if verdict.undecided:       # imported history: nobody was told anything then
        return out
    for region in verdict.regions:
        told = [f for f in region.findings if f.decided in (Action.NOTIFY, Action.CONSENT)]
        if told:
            out[region.region] = told
    return out


def changes_url(project: Project, region: str, statement: str, version: str) -> str:
    """The redline a notice links to: absolute under `site_url`, else relative to the site's root."""
    path = f"{region}/{statement}/{version}/changes/"
    return f"{project.site_url.rstrip('/')}/{path}" if project.site_url else f"/{path}"


def render_notices(project: Project, verdict: Verdict, statement: str, plan: NoticePlan, templates: TemplateSet,
                   documents: Mapping[str, ResolvedDocument] | None = None,
                   previous: Mapping[str, ResolvedDocument] | None = None) -> dict[str, bytes]:
    """`notices/<region>.email.md` and `.inapp.txt` for every region whose readers are told of a change.

    `verdict` carries the writer's decisions (`Verdict.acknowledged`); `documents` are the texts
    the release publishes per region (section titles in the readers' language), resolved when
    not given; `previous` the texts of the release before, by region: a section they lack is added
    whole, and its changes' lines follow a line naming it ("We added a section “Moto Pulse”.").
    """
    from ..render.resolve import resolve

    out = {}
    for region_id, told in notice_regions(verdict).items():
        region = verdict.region(region_id)
        assert region is not None
        info = project.regions[region_id]
        document = documents.get(region_id) if documents else None
        document = document or resolve(project, statement, region_id)
        words = ReaderWords.of(templates, info.locale, project.regions.source_language(region_id) or "en",
                               project.vocabulary.recipient_names())
        t = templates.strings(info.locale)
        titles = titles_of(document, project.regions.source_language(region_id))
        before = previous.get(region_id) if previous else None
        lines = _lines(told, words, titles, _added(document, before))
        words_locale = templates.words_locale(info.locale)
        context = {
            "t": t, "language": words_locale,
            "statement_title": document.title,
            "region_name": templates.region_name(region_id, info.locale, info.name),
            "effective": format_date(plan.effective, words_locale),
            "consent": region.decision is Action.CONSENT, "lines": lines,
            "changes": sentence_gap(info.locale).join(lines),      # the lines as one paragraph (in-app)
            "summary": _summary(plan, words_locale,
                                project.regions.source_language(region_id) or "en"),
            "changes_url": changes_url(project, region_id, statement, plan.version),
        }
        out[f"notices/{region_id}.email.md"] = templates.render("notice-email.md", **context).encode("utf-8")
        inapp = templates.render("notice-inapp.txt", **context).strip() + "\n"
        out[f"notices/{region_id}.inapp.txt"] = inapp.encode("utf-8")
    return out


def _added(document: ResolvedDocument, before: ResolvedDocument | None) -> frozenset[str]:
    """The sections of `document` the release before (`before`) did not have: added whole."""
    if before is None:
        return frozenset()
    return frozenset(s.id for s in document.sections) - {s.id for s in before.sections}


def _lines(told: list[Finding], words: ReaderWords, titles: Mapping[str, Phrase], added: frozenset[str]) -> list[str]:
    """One plain line per change; the changes of a section added whole follow a line naming the section
    ("We added a section “Moto Pulse”." before "We now collect heart rate…", author44), so a reader knows
    which app or part of the statement they are about."""
    def new_section(finding: Finding) -> str | None:
        sections = [s for s in finding.sections if s in titles]
        return sections[0] if sections and set(finding.sections) <= added else None

    order: dict[str | None, list[Finding]] = {}
    for finding in told:
        order.setdefault(new_section(finding), []).append(finding)
    lines: list[str] = []
    for sid, found in sorted(order.items(), key=lambda item: item[0] is None):
        if sid is not None:
            before, _, after = words.strings["page_section_added"].partition("{section}")
            lines.append(f"{before}{titles[sid].text}{after}")
        lines += [line.text for line in reader_lines(found, words, titles) if line.text not in lines]
    return lines


def _summary(plan: NoticePlan, language: str, source_language: str) -> str:
    """The summary in the notice's language: its translation, or the summary itself when the notice is
    in the statement's own language. A notice in another language whose summary has no translation gets
    the summary in the statement's language, marked with it (`<p lang="en">…</p>`, author44): the release
    says what it is about in every region, and a screen reader reads it in its own language."""
    translated = plan.summaries.get(language) or plan.summaries.get(primary_language(language))
    if translated:
        return translated.strip()
    same = primary_language(language) == primary_language(source_language)
    if same or not plan.summary.strip():
        return plan.summary.strip()
    return f'<p lang="{escape(source_language)}">{escape(plan.summary.strip())}</p>'


def statement_url(project: Project, region: str, statement: str) -> str:
    """The statement's page in a region (the version in force): absolute under `site_url`, else from the root."""
    path = f"{region}/{statement}/"
    return f"{project.site_url.rstrip('/')}/{path}" if project.site_url else f"/{path}"


def render_recalls(project: Project, statement: str, effective: dt.date, notices: Mapping[str, bytes],
                   documents: Mapping[str, ResolvedDocument], templates: TemplateSet) -> dict[str, bytes]:
    """The recall notices of a withdrawn release (withdraw44): for every region its `notices` (region -> the
    release's `notices/<region>.email.md`) told of the change, `notices/<region>.email.md` and `.inapp.txt`
    saying the change announced for `effective` will not take effect, in the language the first notice was
    written in (its `Content-Language`), with the statement's title as that notice gave it (`documents`,
    the withdrawn release's texts) and an absolute link (`site_url`) to the statement in force."""
    out = {}
    for region_id, data in sorted(notices.items()):
        text = data.decode("utf-8", "replace")
        language = next((line.split(":", 1)[1].strip() for line in text.splitlines()[:5]
                         if line.startswith("Content-Language:")), "en") or "en"
        if not templates.speaks(language):
            language = "en"     # (a catalog that lost the language since: English words, and a header saying so)
        document = documents.get(region_id)
        if region_id in project.regions:
            default_name = project.regions[region_id].name
        else:       # (a region since removed: the name its frozen text recorded)
            default_name = document.region_name if document is not None else region_id
        context = {
            "t": templates.strings(language), "language": language,
            "statement_title": document.title if document is not None else statement,
            "region_name": templates.region_name(region_id, language, default_name),
            "effective": format_date(effective, language),
            "statement_url": statement_url(project, region_id, statement),
        }
        out[f"notices/{region_id}.email.md"] = templates.render("recall-email.md", **context).encode("utf-8")
        inapp = templates.render("recall-inapp.txt", **context).strip() + "\n"
        out[f"notices/{region_id}.inapp.txt"] = inapp.encode("utf-8")
    return out


def earliest_effective(verdict: Verdict, released: dt.date, latest: dt.date) -> tuple[dt.date, int]:
    """The earliest effective date `release` accepts for a release made on `released` after a release
    effective `latest`, and the days of notice it gives: the most notice any region's rules ask
    for (`Verdict.notice_shortfalls`), and at least a day after the latest release."""
    days = max((r.advance_days for r in verdict.regions), default=0)
    return max(released + dt.timedelta(days=days), latest + dt.timedelta(days=1)), days
