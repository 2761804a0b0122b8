"""In-page links of a statement's sections and the anchors its page defines.

A statement's page has one anchor per top heading (its group's id) and per section (its id);
headings inside a section's text have none. A link `[words](#anchor)` or `<a href="#anchor">`
to any other anchor points nowhere: an imported policy's table of contents keeps its
source's anchors (`#_kfosu7ttf89l`) unless the import maps them (`load.importer.link_anchors`).
`check` warns of each, and so does the site build (`build --strict` fails on them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import Problem
from ..model.statement import Project, SectionKind, Statement

# The end of a Markdown link to an anchor of the page, `](#anchor)`, its anchor captured (empty: the page's
# top). The importer reads the link's words before it (`load.importer`).
LINK_TO_ANCHOR = r"\]\(#([^()\s]*)\)"
# An in-page link's anchor: `[words](#anchor)` or `<a href="#anchor">`.
_IN_PAGE = re.compile(LINK_TO_ANCHOR + r"|\bhref=[\"']#([^\"'\s]*)[\"']")


def _lines_with(project: Project, marker: str,
                kind: SectionKind | None = None) -> Iterator[tuple[Statement, str, list[tuple[int, str]]]]:
    """Each section text (a section's base and each region's override; of sections of `kind` only, where
    given) that holds `marker`: its statement, its file, and the lines (line number, text) that hold it."""
    for statement in project.statements.values():
        for section in statement.sections.values():
            if kind is not None and section.kind is not kind:
                continue
            for variant in (section.base, *section.overrides.values()):
                if marker in variant.body:
                    yield statement, variant.source, [(variant.body_line + offset, line) for offset, line
                                                      in enumerate(variant.body.split("\n")) if marker in line]


def dead_anchors(project: Project) -> list[Problem]:
    """One warning per in-page link whose anchor no group or section of its statement defines
    (the page's anchors are their ids), at its file and line; `--strict` makes them fail."""
    warnings = []
    defined = {statement.id: {g.id for g in statement.outline if g.id} | set(statement.sections)
               for statement in project.statements.values()}
    for statement, source, lines in _lines_with(project, "#"):
        for number, line in lines:
            for match in _IN_PAGE.finditer(line):
                anchor = match.group(1) or match.group(2)
                if not anchor:
                    warnings.append(Problem(
                        source, number, "a link to # alone goes nowhere its words say (the top of the page)",
                        "link to a section (#<section>), another statement ({{ statements.<id> }}) or "
                        "a page's address, or keep the words without the link"))
                elif anchor not in defined[statement.id]:
                    warnings.append(Problem(
                        source, number,
                        f"the link to #{anchor} points nowhere: no section or heading of {statement.id} has that id",
                        "link to a section by its id (#<section>), or keep the words without the link"))
    return warnings


# A link without words: `[](…)` (an image's `![](…)` aside) or `<a href="…"></a>`, nothing but spaces or invisible
# characters (a zero-width space, a byte order mark) between its brackets or tags.
_INVISIBLE = r"[\s\u200b-\u200d\u2060\ufeff]*"
_WORDLESS = re.compile(rf"(?<![!\\])\[{_INVISIBLE}\]\(\s*<?([^()\s>]*)"
                       rf"|<a\b[^>]*\bhref=[\"']([^\"']*)[\"'][^>]*>{_INVISIBLE}</a\s*>", re.IGNORECASE)


def wordless_links(project: Project) -> list[Problem]:
    """One warning per link without words (LinkedIn's `…used in this way[](https://…/a7152512)`, kept by
    its capture from an icon): the page shows nothing to click, and a screen reader names the link by its
    address, or not at all (WCAG 2.4.4; axe's link-name)."""
    warnings = []
    for _, source, lines in _lines_with(project, "]("):
        warnings += _wordless(source, lines)
    for _, source, lines in _lines_with(project, "</a"):
        warnings += _wordless(source, lines)
    return warnings


def _wordless(source: str, lines: list[tuple[int, str]]) -> list[Problem]:
    return [Problem(source, number, f"the link to {match.group(1) or match.group(2) or 'nothing'} has no words: "
                    "readers see nothing to follow, and a screen reader reads its address",
                    "give it the words of what it opens ([help article](…)), or remove it")
            for number, line in lines for match in _WORDLESS.finditer(line)]


def link_warnings(project: Project) -> list[Problem]:
    """What is wrong with the links of the project's sections: in-page links to no anchor, and links without
    words. `check` and the site build both warn of them; `--strict` fails."""
    return dead_anchors(project) + wordless_links(project)


def fragment_anchors(project: Project) -> list[Problem]:
    """One warning per app section with an in-page link when the project has no `site_url`: its
    fragment, embedded in another site's page, can only link to the statement page by an address
    relative to the fragment's file, which a page that fetched the fragment cannot follow (embed44;
    with `site_url` the fragment links to the statement page absolutely)."""
    if project.site_url:
        return []
    warnings = []
    for _, source, lines in _lines_with(project, "#", SectionKind.APP):
        found = next(((number, match) for number, line in lines if (match := _IN_PAGE.search(line))), None)
        if found:
            number, match = found
            warnings.append(Problem(
                source, number,
                f"the link to #{match.group(1) or match.group(2)} cannot be followed from the app's "
                "fragment in another site's page: the project has no site_url",
                "set site_url in mkdocs.yml (fragments then link to the statement page by its full address)"))
    return warnings


_STATEMENT_LINK = re.compile(r"\{\{-?\s*statements\.")


def statement_link_warnings(project: Project) -> list[Problem]:
    """One warning per section that links to another statement (`{{ statements.<id> }}`) when the
    project has no `site_url`: the address is then relative to a statement's page in force, which
    its dated pages, fragments and PDFs cannot follow (polish45)."""
    if project.site_url:
        return []
    warnings = []
    for _, source, lines in _lines_with(project, "statements."):
        number = next((number for number, line in lines if _STATEMENT_LINK.search(line)), None)
        if number is not None:
            warnings.append(Problem(
                source, number,
                "the link to another statement is relative to the page in force: its dated "
                "pages, fragments and PDF cannot follow it, as the project has no site_url",
                "set site_url in mkdocs.yml (the link is then the statement's full address)"))
    return warnings
