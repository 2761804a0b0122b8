"""Resolution: (statement, region) -> the one ordered document a reader sees.

A pure function of the loaded project: no I/O, no clock, no MkDocs. Each section
takes the nearest override along the region's fallback chain (`us-ca` -> `us`
-> `global`), skips itself where its `regions:` scope excludes the region, and
has its variables rendered in the content sandbox.
"""

from __future__ import annotations

from typing import Any

from ..errors import ContentError, ProblemLog
from ..model.blocks import split_body
from ..model.document import ResolvedDocument, ResolvedGroup, ResolvedSection, SectionTranslation
from ..model.statement import Project, Statement
from ..model.translation import Alignment, BlockState
from .markdown import image_problems, markup_problems, strip_hidden
from .sandbox import Namespace, render_content


def template_variables(project: Project, statement: Statement, region_id: str) -> dict[str, Any]:
    """Variables visible to content: statement variables, then the region's (nearest wins).

    The region itself is reachable as `region` (`{{ region.name }}`,
    `{{ region.privacy_email }}`) and the statement as `statement`.
    """
    region = project.regions[region_id]
    region_vars = project.regions.variables(region_id)
    variables: dict[str, Any] = dict(statement.variables)
    variables.update(region_vars)
    variables["region"] = Namespace(region_vars, id=region.id, name=region.name, locale=region.locale,
                                    laws=list(project.regions.laws(region_id)))
    variables["statement"] = Namespace(id=statement.id, title=statement.title)
    variables["statements"] = statement_links(project, region_id)
    return variables


def statement_links(project: Project, region_id: str) -> Namespace:
    """`{{ statements.<id> }}`: the address of the project's statement `<id>` as readers in the region
    find it (its page in force there), for a link from one statement to another
    (`[our product statement]({{ statements.products }})`). Absolute under `site_url`; without it,
    relative to a statement's page in force (`../products/`), which dated pages, fragments and PDFs
    cannot follow: `check` warns (`load.anchors.statement_link_warnings`). An id with hyphens is also
    reachable with underscores (`statements.smart_home` for `smart-home`)."""
    base = project.site_url.rstrip("/") + f"/{region_id}/" if project.site_url else "../"
    links = {sid: f"{base}{sid}/" for sid in project.statements}
    links.update({sid.replace("-", "_"): url for sid, url in links.items()})
    return Namespace(links)


def resolve(project: Project, statement_id: str, region_id: str, lint: bool = False) -> ResolvedDocument:
    """Resolve one statement for one region; raise `ContentError` on template errors.

    With `lint`, also refuse what the text may not show readers (images from other sites,
    images standing for words without alt text): `check` and the site build ask for it;
    a release of text already published elsewhere (an imported history) does not.
    A region whose language is not the source language reads the translation layer:
    each block in its translation when that is current, else in the source language
    (marked, so pages give it the source's `lang`).
    """
    statement = project.statements[statement_id]
    region = project.regions[region_id]
    variables = template_variables(project, statement, region_id)
    language = project.regions.language(region_id)
    translating = project.translations is not None and project.regions.translates(region_id)
    log = ProblemLog()
    sections: list[ResolvedSection] = []
    for group, entry, depth in statement.placed():
        section = statement.sections[entry.section_id]
        variant = section.variant_for(region_id, project.regions)
        if variant is None:
            continue
        try:
            # What readers never see (a <style> element…) is not part of the text they read.
            body = strip_hidden(render_content(variant.body, variables, variant.source, variant.body_line))
            title = render_content(variant.title, variables, variant.source, 2)
            translation = None
            if translating:
                alignment = project.translations.alignment(  # type: ignore[union-attr]
                    language, variant.source, variant.body, variant.title)
                translation, body, title = _translated(alignment, variant.body, body, title, variables,
                                                       variant.source, variant.body_line, language,
                                                       project.regions.source_language(region_id))
                body = strip_hidden(body)
        except ContentError as exc:
            log.extend(exc.problems)
            continue
        # Refused before any conversion: such a text would stop every build (sec45).
        heavy = markup_problems(body, variant.source, variant.body_line)
        if heavy:
            log.extend(heavy)
            continue
        if lint:
            log.extend(image_problems(body, variant.source, variant.body_line))
        sections.append(ResolvedSection(
            id=section.id, title=title, markdown=body, group=group.id, depth=depth,
            show_heading=variant.show_heading, kind=section.kind.value, owner=variant.owner,
            app_name=variant.app.name if variant.app else None,
            platforms=variant.app.platforms if variant.app else (),
            variant=variant.region, source=variant.source, facts=variant.facts, translation=translation,
        ))
    log.raise_if_any()
    groups = tuple(ResolvedGroup(g.id, g.heading) for g in statement.outline)
    if not translating:
        return ResolvedDocument(
            statement=statement.id, title=statement.title, region=region.id, region_name=region.name,
            locale=region.locale, groups=groups, sections=tuple(sections))
    # The statement's own words: its title and top headings.
    texts = project.translations.statement_alignment(language, statement)  # type: ignore[union-attr]
    shown = {b.block.text: b.shown for b in texts.blocks}
    return ResolvedDocument(
        statement=statement.id, title=texts.title.shown if texts.title else statement.title,
        region=region.id, region_name=region.name, locale=region.locale,
        groups=tuple(ResolvedGroup(g.id, shown.get(g.heading, g.heading) if g.heading else g.heading,
                                   g.heading) for g in groups),
        sections=tuple(sections), language=language,
        source_language=project.regions.source_language(region_id), source_title=statement.title)


# Private-use characters that mark, through Jinja, the blocks readers get in the source
# language; they never reach a resolved document.
_FALLBACK, _STALE, _END = "\ue000", "\ue001", "\ue002"


def _translated(alignment: Alignment, source_body: str, body: str, title: str, variables: dict[str, Any],
                source: str, line: int, language: str, source_language: str) -> tuple[SectionTranslation, str, str]:
    """The translated body and title, and what the section keeps of its source."""
    texts = []
    for block in alignment.blocks:
        if block.state is BlockState.TRANSLATED:
            texts.append(block.shown)
        else:
            texts.append((_STALE if block.state is BlockState.STALE else _FALLBACK) + block.block.text + _END)
    marked = render_content(split_body(source_body).fill(texts), variables, source, line)
    fallback: list[int] = []
    stale: list[int] = []
    for i, rendered in enumerate(split_body(marked).blocks):
        if _STALE in rendered.text:
            stale.append(i)
        if _STALE in rendered.text or _FALLBACK in rendered.text:
            fallback.append(i)
    translated_title = title
    if alignment.title is not None:
        if alignment.title.state is BlockState.TRANSLATED:
            translated_title = render_content(alignment.title.shown, variables, source, 2)
        else:
            fallback.insert(0, -1)
            if alignment.title.state is BlockState.STALE:
                stale.insert(0, -1)
    translation = SectionTranslation(language, title, body, tuple(fallback), tuple(stale), source_language)
    clean = marked.replace(_FALLBACK, "").replace(_STALE, "").replace(_END, "") if fallback else marked
    return translation, clean, translated_title


def resolve_all(project: Project, lint: bool = True) -> dict[tuple[str, str], ResolvedDocument]:
    """Resolve every statement for every region, reporting every problem at once.

    `lint` (see `resolve`) is for `check`; a site build passes False: the sanitizer already
    keeps what lint refuses off every page, and a build must not fail on a draft it may not show.
    """
    log = ProblemLog()
    out: dict[tuple[str, str], ResolvedDocument] = {}
    for statement_id in project.statements:
        for region in project.regions:
            try:
                out[(statement_id, region.id)] = resolve(project, statement_id, region.id, lint=lint)
            except ContentError as exc:
                log.extend(exc.problems)
    log.raise_if_any()
    return out
