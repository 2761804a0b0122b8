"""Name a version on the command line: a date, `in-force`, `latest` or `draft`."""

from __future__ import annotations

import datetime as dt

from ..errors import Problem, UsageError
from ..model.document import ResolvedDocument
from ..model.statement import Project
from ..render.resolve import resolve
from .store import Version, VersionStore


def version_for(project: Project, statement: str, name: str, on: dt.date | None = None) -> Version | None:
    """The release called `name` (a date, `in-force`, `latest`); None for `draft`."""
    if statement not in project.statements:
        raise UsageError(Problem("statements", None, f"unknown statement '{statement}'",
                                 "use one of: " + ", ".join(project.statements)))
    if name == "draft":
        return None
    store = VersionStore(project.root)
    if name in ("in-force", "latest"):
        versions = store.versions(statement)
        version = store.in_force(versions, on or dt.date.today()) if name == "in-force" else \
            (versions[-1] if versions else None)
        if version is None:
            raise UsageError(Problem(f"versions/{statement}", None, f"statement '{statement}' has no {name} version",
                                     "release it first with 'privacykit release'"))
        return version
    return store.get(statement, name)


def document_for(project: Project, statement: str, name: str, region: str,
                 on: dt.date | None = None) -> ResolvedDocument:
    """The resolved document of `statement` in `region` for the version called `name`."""
    version = version_for(project, statement, name, on)
    if version is None:
        return resolve(project, statement, region)
    if region not in version.regions:
        raise UsageError(Problem(version.shown, None, f"version {version.id} has no region '{region}'",
                                 "use one of: " + ", ".join(version.regions)))
    return VersionStore(project.root).document(version, region)
