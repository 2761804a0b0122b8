"""Resolution: (statement, region) -> the one ordered document a reader sees.

A pure function of the loaded project: no I/O, no clock, no MkDocs. Each section
takes the nearest override along the region's fallback chain (`us-ca` -> `us`
-> `global`), skips itself where its `regions:` scope excludes the region, and
has its variables rendered in the content sandbox.
"""

from __future__ import annotations

from typing import Any

from ..errors import ContentError, ProblemLog
from ..model.document import ResolvedDocument, ResolvedGroup, ResolvedSection
from ..model.statement import Project, Statement
from .markdown import strip_hidden
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
    return variables


def resolve(project: Project, statement_id: str, region_id: str) -> ResolvedDocument:
    """Resolve one statement for one region; raise `ContentError` on template errors."""
    statement = project.statements[statement_id]
    region = project.regions[region_id]
    variables = template_variables(project, statement, region_id)
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
        except ContentError as exc:
            log.extend(exc.problems)
            continue
        sections.append(ResolvedSection(
            id=section.id, title=title, markdown=body, group=group.id, depth=depth,
            show_heading=variant.show_heading, kind=section.kind.value, owner=variant.owner,
            app_name=variant.app.name if variant.app else None,
            platforms=variant.app.platforms if variant.app else (),
            variant=variant.region, source=variant.source, facts=variant.facts,
        ))
    log.raise_if_any()
    return ResolvedDocument(
        statement=statement.id, title=statement.title, region=region.id, region_name=region.name,
        locale=region.locale, groups=tuple(ResolvedGroup(g.id, g.heading) for g in statement.outline),
        sections=tuple(sections),
    )


def resolve_all(project: Project) -> dict[tuple[str, str], ResolvedDocument]:
    """Resolve every statement for every region, reporting every problem at once."""
    log = ProblemLog()
    out: dict[tuple[str, str], ResolvedDocument] = {}
    for statement_id in project.statements:
        for region in project.regions:
            try:
                out[(statement_id, region.id)] = resolve(project, statement_id, region.id)
            except ContentError as exc:
                log.extend(exc.problems)
    log.raise_if_any()
    return out
