"""`privacykit diff` and `privacykit fragment`: show a redline or an app's section of any version."""

from __future__ import annotations

from pathlib import Path

from ..changes.redline import redline
from ..changes.report import redline_html, redline_json, redline_markdown
from ..errors import Problem, UsageError
from ..load.project import load_project
from ..load.settings import ProjectSettings
from ..model.statement import Project
from ..versions import lookup
from ..versions.store import Version, VersionStore

FORMATS = {"md": redline_markdown, "html": redline_html, "json": redline_json}


def diff(source: Path | str | ProjectSettings, statement: str, old: str, new: str, region: str | None = None,
         fmt: str = "md") -> str:
    """The redline of `statement` in `region` (default: the default region) from version `old` to `new`,
    as Markdown, HTML or JSON. Versions are named as `lookup.VersionName` reads them."""
    project = load_project(source)
    region = _region(project, region or project.default_region)
    store = VersionStore(project.paths)
    first, before = lookup.document_for(project, store, statement, old, region)
    second, after = lookup.document_for(project, store, statement, new, region)
    return FORMATS[fmt](redline(before, after, _label(old, first), _label(new, second)))


def _label(name: str, version: Version | None) -> str:
    """A version as the redline names it: a name that stands for a release says which (`in-force (2024-03-05)`,
    year45), so the heading dates both sides."""
    return f"{name} ({version.id})" if version is not None and name != version.id else name


def fragment(source: Path | str | ProjectSettings, statement: str, section: str, region: str,
             version_name: str = "in-force") -> str:
    """The self-contained HTML fragment of one section, as apps embed it."""
    # The site's modules (Jinja and the page templates) are loaded here only: `diff` starts without them.
    from ..publish.fragments import fragment_html
    from ..render.dates import format_date
    from ..render.templates import TemplateSet, fill_text

    project = load_project(source)
    region = _region(project, region)
    version, document = lookup.document_for(project, VersionStore(project.paths), statement, version_name, region)
    found = document.section(section)
    if found is None:
        raise UsageError(Problem(section, None, f"statement '{statement}' has no section '{section}' in region "
                                 f"'{region}'", "check the section id and its 'regions:' scope"))
    label = version.id if version else "draft"
    templates = TemplateSet(project.paths.templates)
    words = templates.strings(document.locale)
    if version is None:
        name = templates.region_name(region, document.locale, project.regions[region].name)
        meta = fill_text(words["draft_page_title"], title=document.title, region=name)
    else:  # the date as the site's fragment writes it (`SiteContext.date`), never the id
        date = format_date(version.effective_date, templates.words_locale(document.locale))
        meta = fill_text(words["fragment_meta"], title=document.title, date=date, version=date)
    language = document.text_language(project.regions.source_language(region))
    return fragment_html(found, document, label, meta, language)


def _region(project: Project, region: str) -> str:
    if region not in project.regions:
        raise UsageError(Problem("--region", None, f"no region '{region}'",
                                 "use one of: " + ", ".join(project.regions.ids)))
    return region
