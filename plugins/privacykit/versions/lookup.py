"""One way to name a version: `draft`, `latest`, `in-force`, `in-force@YYYY-MM-DD` or a release date.

Every command, the gate, the site and the API find versions through these functions, so
"the version in force" means the same everywhere: the latest release whose effective
date is on or before the day asked about; before the first release takes effect there is
none (the first release is then *upcoming*, not in force).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import Problem, UsageError
from ..model.document import ResolvedDocument
from ..model.statement import Project
from ..render import dates
from .store import Version, VersionStore


class Selector(str, enum.Enum):
    """How a version is named."""

    DRAFT = "draft"        # the unreleased text in the content folder
    LATEST = "latest"      # the last release, even if it takes effect later
    IN_FORCE = "in-force"  # the release in force on a day (today unless named)
    DATE = "date"          # the release effective on exactly this date


NAMES_HINT = "name a release date (YYYY-MM-DD), 'in-force', 'in-force@YYYY-MM-DD', 'latest' or 'draft'"


@dataclass(frozen=True)
class VersionName:
    """A parsed version name. `day` is the effective date (DATE) or the day asked about (IN_FORCE)."""

    selector: Selector
    day: dt.date | None = None

    @classmethod
    def parse(cls, text: str) -> VersionName:
        """Read a version name as written on the command line; raise `UsageError` on anything else."""
        name, _, day = text.partition("@")
        if name in (Selector.DRAFT.value, Selector.LATEST.value) and not day:
            return cls(Selector(name))
        if name == Selector.IN_FORCE.value:
            return cls(Selector.IN_FORCE, _date(day, text) if day else None)
        if not day:
            return cls(Selector.DATE, _date(name, text))
        raise UsageError(Problem(text, None, f"no version '{text}'", NAMES_HINT))

    def __str__(self) -> str:
        if self.selector is Selector.DATE:
            return self.day.isoformat() if self.day else ""
        if self.selector is Selector.IN_FORCE and self.day:
            return f"{self.selector.value}@{self.day.isoformat()}"
        return self.selector.value


def _date(text: str, whole: str) -> dt.date:
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(Problem(whole, None, f"no version '{whole}'", NAMES_HINT)) from None


def in_force(versions: Sequence[Version], on: dt.date) -> Version | None:
    """The latest version whose effective date is on or before `on` (None before the first takes effect)."""
    current = None
    for version in versions:
        if version.effective_date <= on:
            current = version
    return current


def upcoming(versions: Sequence[Version], on: dt.date) -> Version | None:
    """The first version that takes effect after `on`."""
    return next((v for v in versions if v.effective_date > on), None)


def find(versions: Sequence[Version], name: VersionName, today: dt.date) -> Version | None:
    """The release `name` designates among `versions` (oldest first), or None when there is none
    (and always None for `draft`). `today` is the day `in-force` is about unless the name gives one."""
    if name.selector is Selector.DRAFT:
        return None
    if name.selector is Selector.LATEST:
        return versions[-1] if versions else None
    if name.selector is Selector.IN_FORCE:
        return in_force(versions, name.day or today)
    return next((v for v in versions if v.effective_date == name.day), None)


def version_for(project: Project, store: VersionStore, statement: str, name: str | VersionName,
                today: dt.date | None = None) -> Version | None:
    """The release called `name`, or None for `draft`; raise `UsageError` when there is no such release."""
    if statement not in project.statements:
        raise UsageError(Problem(project.paths.shown(project.paths.statements), None,
                                 f"unknown statement '{statement}'", "use one of: " + ", ".join(project.statements)))
    parsed = name if isinstance(name, VersionName) else VersionName.parse(name)
    today = today or dates.clock_today()
    if parsed.selector is Selector.DRAFT:
        return None
    if parsed.selector is Selector.DATE:
        # Only that release's manifest is read (a long history has hundreds); when there is
        # no such release, the message lists the known versions.
        return store.get(statement, str(parsed))
    versions = store.versions(statement)
    version = find(versions, parsed, today)
    if version is not None:
        return version
    where = store.shown(store.folder(statement))
    if not versions:
        raise UsageError(Problem(where, None, f"statement '{statement}' has no {parsed} version",
                                 "release it first with 'privacykit release'"))
    raise UsageError(Problem(where, None, f"no release of '{statement}' is in force on {parsed.day or today} "
                                          f"(the first takes effect on {versions[0].id})",
                             "name 'latest' or a release date instead"))


def document_for(project: Project, store: VersionStore, statement: str, name: str | VersionName, region: str,
                 today: dt.date | None = None) -> tuple[Version | None, ResolvedDocument]:
    """The version called `name` (None for the draft) and its resolved document in `region`: `in-force`,
    `in-force@DATE` and `latest` name the region's version (`versions.regional`)."""
    parsed = name if isinstance(name, VersionName) else VersionName.parse(name)
    version = version_for(project, store, statement, parsed, today)
    if version is not None and parsed.selector in (Selector.IN_FORCE, Selector.LATEST) and region in version.regions:
        # The region's version (year45): a release that left its text as it was is none there, as the pages,
        # archive, API and evidence bundles say; the words are the same, the name is the one readers saw.
        from .regional import versions_in

        own = [v for v in versions_in(store, statement, region) if v.effective_date <= version.effective_date]
        version = own[-1] if own else version
    if version is None:
        # Only the draft is rendered (Jinja): naming two releases starts without the renderer.
        from ..render.resolve import resolve

        return None, resolve(project, statement, region)
    if region not in version.regions:
        raise UsageError(Problem(version.shown, None, f"version {version.id} has no region '{region}'",
                                 "use one of: " + ", ".join(version.regions)))
    return version, store.document(version, region)
