"""`privacykit import`: an existing policy (and its dated history) becomes a statement.

Each earlier version is split into sections and released with its date, oldest
first; the current policy becomes the draft. Nothing is dropped silently: a version
that is not a policy (an error page, an empty or headings-only capture) stops the
import with every such file listed, or with `skip_invalid` is left out and listed; a
version replaced later the same day, or reading the same as the version before it,
is listed with its reason. Before anything is written, the words of every source are
checked against the text of its release (markup aside). Everything is written in a
temporary project and moved into place at the end, so a failed import writes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import statistics
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from ..changes.redline import redline
from ..errors import ContentError, PrivacykitError, Problem, UsageError, refuse_warnings
from ..load.importer import (
    CaptureCheck,
    ImportedStatement,
    StatedDate,
    check_capture,
    heading_sequence,
    policy_words,
    split_policy,
    stated_date,
    stray_underlines,
)
from ..load.policy_dates import DEFAULT_LOCALE, known_locale, numeric_order
from ..load.project import Loader, load_project
from ..load.settings import ProjectSettings, read_settings
from ..load.yamlio import MAX_FILE_BYTES, dump_yaml, load_yaml, read_text
from ..model.files import STATEMENT_ID
from ..model.paths import REGIONS_FILE, ProjectPaths
from ..model.region import LANGUAGE_TAG, primary_language
from ..model.statement import Project
from ..render import dates
from ..render.resolve import resolve
from ..render.templates import TemplateSet
from .gate import reset_release_notes
from .release import release
from .store import VersionStore

_DATED = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
MINIMAL_REGIONS = "# Regions of this project.\nregions:\n  global:\n    name: Global\n    locale: en-US\n"


def minimal_regions(locale: str) -> str:
    """The regions file an import writes where there is none: one region reading the policy's locale (and,
    past the default one, the language its statements are written in), written round-trip from the template."""
    regions = load_yaml(MINIMAL_REGIONS, REGIONS_FILE, comments=True)
    if locale != DEFAULT_LOCALE:
        region = regions["regions"]["global"]
        region["locale"] = locale
        region["language"] = primary_language(locale)
    return dump_yaml(regions)


def policy_locale(settings: ProjectSettings, given: str | None) -> str:
    """The locale a policy's dates are read in: `given` (`--locale`), else the project's default region's,
    else en-US. A locale CLDR does not know is refused, and so is one in another language than the one the
    project's statements are written in (final45a: its text would be published, and its manifest's `texts`
    signed, as that language)."""
    if given is not None and (not LANGUAGE_TAG.match(given) or not known_locale(given)):
        raise UsageError(Problem("--locale", None, f"'{given}' is no locale CLDR knows",
                                 "write the policy's language and region as a BCP 47 tag, such as de-DE or pt-BR"))
    regions_file = settings.paths.regions_file
    if not regions_file.is_file():
        return given or DEFAULT_LOCALE
    shown = settings.paths.shown(regions_file)
    data = load_yaml(read_text(regions_file, shown), shown, fast=True)
    regions = (data.get("regions") or {}) if isinstance(data, dict) else {}
    region = regions.get(settings.default_region) if isinstance(regions, dict) else None
    locale = region.get("locale") if isinstance(region, dict) else None
    if given is None:
        return locale if isinstance(locale, str) and known_locale(locale) else DEFAULT_LOCALE
    # The language the statements are written in, as the project reads it (its default region's root's).
    read = Loader(settings.paths).load_regions(known_laws=())     # (its problems are `check`'s to name)
    source = read.source_language(settings.default_region) if settings.default_region in read else None
    if source is not None and primary_language(source) != primary_language(given):
        raise UsageError(Problem("--locale", None, f"a {given} policy cannot be imported into this project: its "
                                 f"statements are written in '{source}' ({shown}, region "
                                 f"'{settings.default_region}'), and the text would be published as that language",
                                 "import it into a project of its own (--root NEW-FOLDER), whose regions read "
                                 f"{given}"))
    return given


@dataclass
class ImportReport:
    """What an import did with each file."""

    statement: str
    released: list[str] = field(default_factory=list)          # version ids
    skipped: list[Problem] = field(default_factory=list)      # files left out, with why
    merged: list[tuple[str, str]] = field(default_factory=list)  # (file, the later file of that day kept)
    dropped: list[Problem] = field(default_factory=list)      # invisible elements left out of a text
    # What the import read that the files do not say plainly (import43): each release's date and where it
    # comes from, dates that disagree with a file's name, list markers left out around headings. Said, but
    # not refused by `--strict` (nothing of the text is lost).
    notes: list[Problem] = field(default_factory=list)
    dated_by_policy: int = 0           # releases dated by the date their policy states (the others by file name)
    draft_date: str | None = None      # the date the current policy states, left out of the draft's text
    title: str = ""                    # the statement's title
    site_config: bool = False          # a minimal mkdocs.yml was written (the import created the project)
    unwrapped_said: bool = False
    locale: str = DEFAULT_LOCALE       # the locale the policies' dates are read in

    @property
    def warnings(self) -> list[Problem]:
        """Every file left out, merged or trimmed, with why (`--strict` fails on them), each once."""
        out = [*(Problem(p.file, p.line, f"not released: {p.message}", p.hint) for p in self.skipped),
               *(Problem(earlier, None, f"not released: replaced the same day by {later}", "a version is a day")
                 for earlier, later in self.merged),
               *self.dropped]
        return list(dict.fromkeys(out))


@dataclass(frozen=True)
class _Capture:
    """One dated file of a history (its text is read when it is imported, not kept)."""

    day: dt.date
    path: Path
    check: CaptureCheck

    @property
    def shown(self) -> str:
        return self.check.shown

    def text(self) -> str:
        return read_policy(self.path, self.shown)


def _capture(day: dt.date, path: Path) -> _Capture:
    return _Capture(day, path, check_capture(read_policy(path, path.as_posix()), path.as_posix()))


_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>])", re.IGNORECASE | re.DOTALL)


def read_policy(path: Path, shown: str) -> str:
    """A policy's text, refusing in one line what is no Markdown policy (import43): a PDF, an HTML page
    (its head, navigation and scripts would be imported as words; it is not converted, since what a
    page's main content is cannot be told faithfully from here), a file over the size every read is held to."""
    try:
        text = read_text(path, shown, links=True)   # a file named on the command line
    except ContentError as exc:
        head = b""
        if path.is_file():
            with path.open("rb") as handle:
                head = handle.read(8)
        if head.startswith(b"%PDF-"):
            raise ContentError(Problem(shown, None, "a PDF file, not Markdown",
                                       "extract its text (pdftotext -layout), mark its headings with # and "
                                       "import that .md file")) from None
        if any("over the limit" in p.message for p in exc.problems):
            raise ContentError(Problem(shown, None, f"file is {path.stat().st_size:,} bytes, over the "
                                       f"{MAX_FILE_BYTES:,} bytes privacykit reads from any one file",
                "the limit keeps a wrong or hostile file from filling memory and cannot be raised; a policy is "
                "rarely over 200 KB: check that the file holds the policy's text alone (not a saved page or "
                "several documents)")) from None
        raise
    if _HTML_START.match(text[:4000]):
        raise ContentError(Problem(shown, 1, "an HTML page, not Markdown (its head, menus and scripts would be "
                                   "imported as the policy's words)",
                                   "convert the policy's own part to Markdown first (for instance "
                                   "`pandoc -f html -t gfm`), then import the .md file"))
    return text


def dated_files(folder: Path, today: dt.date | None = None) -> list[tuple[dt.date, Path]]:
    """History files named by date (`2024-03-05.md`, `2024-03-05T003310Z.md`), oldest first.

    Raises a `UsageError` listing every file whose name is not a real date or is a date
    after `today` (a history records what was published).
    """
    today = today or dates.clock_today()
    found, problems = [], []
    for path in sorted(folder.iterdir()):
        m = _DATED.match(path.name)
        if not (path.is_file() and path.suffix == ".md" and m):
            continue
        try:
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            problems.append(Problem(path.as_posix(), None, f"'{m.group(0)}' is not a date",
                                    "name each version YYYY-MM-DD….md with the date it was published"))
            continue
        if day > today:
            problems.append(Problem(path.as_posix(), None, f"dated {day}, after today ({today})",
                                    "rename it with the date it was published"))
            continue
        found.append((day, path))
    if problems:
        raise UsageError(problems)
    return found


def import_policy(source: Path | str | ProjectSettings, policy: Path, statement_id: str,
                  history: Path | None = None, progress: Callable[[int, int, str], None] | None = None,
                  strict: bool = False, skip_invalid: bool = False, today: dt.date | None = None,
                  file_dates: bool = False, locale: str | None = None) -> ImportReport:
    """Import `policy` as statement `statement_id` with the releases found in `history`.

    `source` is the project's settings, or its root (read with its `mkdocs.yml`; a missing
    root is created). With `skip_invalid`, history files that are not a policy are listed in
    the report instead of stopping the import; with `strict`, any file left out, merged or
    trimmed fails it (nothing is written). Each release is dated by the effective or last-updated date
    its policy states in its opening when it states one that follows the release before (else, and with
    `file_dates` always, by its file's name); that date's line is then left out of the text. Dates are read
    in `locale` (`policy_locale`: else the default region's); a project the import creates reads it. A root that
    has neither a `mkdocs.yml` nor a statements folder (missing, or empty) gets a minimal configuration, so the
    project builds.
    """
    settings = source if isinstance(source, ProjectSettings) else read_settings(source)
    paths = settings.paths
    today = today or dates.clock_today()
    if not STATEMENT_ID.match(statement_id):
        raise UsageError(Problem("--statement", None, f"invalid statement id '{statement_id}'",
                                 "use lowercase letters, digits, '-' or '_'"))
    if paths.root.exists() and not paths.root.is_dir():
        raise UsageError(Problem(paths.root.as_posix(), None, "is not a folder", "pass a folder as --root"))
    for existing in (paths.statement(statement_id), paths.releases(statement_id)):
        if existing.exists():
            raise UsageError(Problem(paths.shown(existing), None, "already exists",
                                     "choose another --statement id or remove it first"))
    report = ImportReport(statement_id)
    report.locale = policy_locale(settings, locale)
    current = _capture(today, policy)
    captures = [_capture(day, path) for day, path in (dated_files(history, today) if history else [])]
    if history is not None and not captures:
        raise UsageError(Problem(history.as_posix(), None, "no dated Markdown files found",
                                 "name earlier versions YYYY-MM-DD….md"))
    valid = _valid_captures(current, captures, report, skip_invalid)
    days = _one_per_day(valid, report)

    created = not paths.root.exists()
    # A folder with no configuration and no statements is a new project, made here: whether the import created
    # the folder or the user did (`mkdir privacy && cd privacy`), it leaves what `build` needs.
    new_project = not paths.config_file.exists() and not paths.statements.exists()
    paths.root.mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix=".privacykit-import-", dir=paths.root) as tmp:
            # A scratch project with the project's regions, rules and templates: the releases
            # are judged and worded as they would be in place.
            work = replace(ProjectPaths.under(tmp), rules=paths.rules, templates=paths.templates)
            work.statements.mkdir()
            work.regions_file.write_text(paths.regions_file.read_text("utf-8") if paths.regions_file.exists()
                                         else minimal_regions(report.locale), encoding="utf-8")
            _import_history(replace(settings, paths=work), statement_id, days, current, report, progress, today,
                            file_dates)
            refuse_warnings(report.warnings, strict)
            paths.statements.mkdir(parents=True, exist_ok=True)
            if not paths.regions_file.exists():
                shutil.move(str(work.regions_file), str(paths.regions_file))
            # The notes of the next release, as a release leaves them: the file `check --against` asks decisions in,
            # ready to fill in (a new team had to guess its shape from the example).
            if not work.release_notes(statement_id).exists():
                reset_release_notes(work.release_notes(statement_id), statement_id)
            shutil.move(str(work.statement(statement_id)), str(paths.statement(statement_id)))
            if work.releases(statement_id).exists():
                paths.versions.mkdir(parents=True, exist_ok=True)
                shutil.move(str(work.releases(statement_id)), str(paths.releases(statement_id)))
            if new_project:
                _write_site_config(paths.config_file, report)
    except BaseException:
        if created and paths.root.is_dir() and not any(paths.root.iterdir()):
            paths.root.rmdir()
        raise
    return report


MINIMAL_SITE = """\
# A minimal MkDocs site for the imported statement (privacykit import); see the example's mkdocs.yml.
site_name: Privacy
# site_url: https://privacy.example.com/   # where the site is published: notices and fragments link to it
docs_dir: site-src
site_dir: site
theme:
  name: material
  font: false
plugins:
  - search
  - privacykit:
      statements_dir: statements
      versions_dir: versions
      default_region: global
"""


def _write_site_config(config_file: Path, report: ImportReport) -> None:
    """What `privacykit build` needs in a project the import made: `mkdocs.yml`, named after the policy's title
    (round-trip YAML: the template's comments are kept, the title quoted as it needs), and its docs folder."""
    config = load_yaml(MINIMAL_SITE, config_file.name, comments=True)
    config["site_name"] = report.title or "Privacy"
    config_file.write_text(dump_yaml(config), encoding="utf-8")
    (config_file.parent / config["docs_dir"]).mkdir(exist_ok=True)
    report.site_config = True


def _valid_captures(current: _Capture, captures: list[_Capture], report: ImportReport,
                    skip_invalid: bool) -> list[_Capture]:
    """The captures that are policies; the others are listed (or stop the import)."""
    counts = [c.check.words for c in (*captures, current)]
    usual = int(statistics.median(counts)) if len(counts) >= 3 else None
    problems = current.check.against(usual)
    if problems:
        raise ContentError(list(problems))
    valid: list[_Capture] = []
    invalid: list[Problem] = []
    for capture in captures:
        found = capture.check.against(usual)
        if found:
            invalid.extend(found)
        else:
            valid.append(capture)
    if invalid and not skip_invalid:
        raise ContentError([Problem(p.file, p.line, p.message, p.hint + ", or pass --skip-invalid to import "
                                    "the other versions") for p in invalid])
    report.skipped.extend(invalid)
    return valid


def _one_per_day(captures: list[_Capture], report: ImportReport) -> list[_Capture]:
    """A release is a day: the last capture of a day is that day's version."""
    by_day: dict[dt.date, _Capture] = {}
    for capture in captures:
        earlier = by_day.get(capture.day)
        if earlier is not None:
            report.merged.append((earlier.shown, capture.shown))
        by_day[capture.day] = capture
    return [by_day[day] for day in sorted(by_day)]


def _import_history(work: ProjectSettings, statement_id: str, days: list[_Capture], current: _Capture,
                    report: ImportReport, progress: Callable[[int, int, str], None] | None,
                    today: dt.date | None = None, file_dates: bool = False) -> None:
    """Release each day's capture in the scratch project `work`, then write the current
    policy as the draft."""
    today = today or dates.clock_today()
    store = VersionStore(work.paths)
    # The catalogs and templates the notices are worded with are read once for the whole
    # history, not once per release (a long history has hundreds).
    templates = TemplateSet(work.paths.templates)
    folder = work.paths.statement(statement_id)
    project: Project | None = None
    previous: ImportedStatement | None = None
    previous_files: dict[str, str] | None = None
    previous_shown = ""
    previous_text: str | None = None
    last_day: dt.date | None = None
    title = None
    for n, capture in enumerate(days):
        if progress:
            progress(n + 1, len(days), capture.path.name)
        text = capture.text()
        day, note, by_policy = _release_day(capture, text, last_day, today, file_dates, report.locale)
        imported = split_policy(text, capture.shown, previous, title or "Privacy Policy",
                                without_date=not file_dates, locale=report.locale)
        files = imported.files()
        if files == previous_files:
            report.skipped.append(Problem(capture.shown, None, f"is the same text as {previous_shown} once imported",
                                          "nothing to release"))
            continue
        _write(folder, files)
        try:
            project = _reload(project, work, statement_id)
            versions = store.versions(statement_id)
            # A capture whose text readers see the same (only list markers or spacing differ,
            # say) is no new version. That redline is the release's too (its verdict and summary
            # read it): it is not made again.
            checked = {project.default_region: redline(store.document(versions[-1], project.default_region),
                                                       resolve(project, statement_id, project.default_region))} \
                if versions else {}
            if checked and not checked[project.default_region].changed:
                report.skipped.append(Problem(capture.shown, None, f"reads the same as {previous_shown}",
                                              "only markup readers do not see differs"))
                continue
            version = release(project, store, statement_id, day.isoformat(), gate=False, verify=False,
                              templates=templates, redlines=checked, today=today)
        except PrivacykitError as exc:
            raise ContentError([Problem(capture.shown, None, f"cannot be released: {p}", "")
                                for p in exc.problems]) from None
        _note_dropped(imported, capture.shown, report)
        _check_words(text, capture.shown, imported, store.document(version, project.default_region).to_markdown())
        report.released.append(version.id)
        report.dated_by_policy += by_policy
        if note:
            report.notes.append(Problem(capture.shown, None, note))
        previous, previous_files, previous_shown, previous_text = imported, files, capture.shown, text
        last_day = day
        title = title or (imported.title if imported.title_from_source else None)
    # Releases were not verified one by one (see `release`): the whole chain is, once.
    tampered = store.verify([statement_id], signatures=False)
    if tampered:
        raise ContentError(tampered)
    text = current.text()
    imported = split_policy(text, current.shown, previous, title or "Privacy Policy", without_date=not file_dates,
                            locale=report.locale)
    if text != previous_text:     # the current policy is often the history's last file: said once
        _note_dropped(imported, current.shown, report)
    if imported.date_left_out and imported.stated:
        report.draft_date = imported.stated.date.isoformat()
        if imported.stated.other:
            report.notes.append(Problem(current.shown, imported.stated.index + 1, _guess(imported.stated,
                                                                                          report.locale)))
    stated = imported.stated
    if stated is not None and stated.language is not None and stated.language != primary_language(report.locale):
        # (final45a: a policy in another language than the one it is read in is published as that language)
        report.notes.append(Problem(current.shown, stated.index + 1, f"its date “{stated.text[:60]}” is written in "
                                    f"'{stated.language}', but the policy is read as {report.locale}, the language "
                                    "its text is published in; if the policy is in that other language, import it "
                                    "with --locale (into a project of its own when this one is written in another)"))
    report.title = imported.title
    if not imported.title_from_source:
        report.notes.append(Problem(current.shown, None, f"no heading stands alone as the policy's title: the "
                                    f"statement is titled “{imported.title}”", "change 'title:' in statement.yml"))
    _write(folder, imported.files())
    project = load_project(work)  # the imported draft must be valid before anything is moved
    _check_words(text, current.shown, imported, resolve(project, statement_id, project.default_region).to_markdown())


def _guess(stated: StatedDate, locale: str) -> str:
    """What the import says of a numeric date read both ways (03/05/2024)."""
    order = "month first" if numeric_order(locale).index("m") < numeric_order(locale).index("d") else "day first"
    return (f"“{stated.text[:60]}” reads as {stated.date} ({locale} writes the {order}), a guess: it could be "
            f"{stated.other} (pass --locale to read it in another convention)")


def _release_day(capture: _Capture, text: str, last: dt.date | None, today: dt.date,
                 file_dates: bool, locale: str = DEFAULT_LOCALE) -> tuple[dt.date, str, bool]:
    """The date a capture is released as, what the import says of it ("" when its file's name and
    the policy agree) and whether it is the policy's own: the effective or last-updated date the policy
    states in its opening, when it states one after the release before and not after today; else its
    file's date (after the release before). With `file_dates`, its file's date."""
    floor = last + dt.timedelta(days=1) if last else None
    by_file = max(capture.day, floor) if floor else capture.day
    shifted = f" (its file's date, {capture.day}, is not after the release before)" if by_file != capture.day else ""
    stated = None if file_dates else stated_date(text, locale)
    if stated is None:
        return by_file, (f"released as of {by_file}{shifted}" if shifted else ""), False
    said = f"“{stated.text[:60]}”"
    if stated.other:
        said += f" (read {locale}'s way: it could be {stated.other}, a guess)"
    if stated.date > today:
        return by_file, f"states {said}, after today: released as of {by_file}, its file's date{shifted}", False
    if floor and stated.date < floor:
        if stated.date == last:    # an edit the policy did not date
            return by_file, f"states {said} as the release before did: released as of {by_file}, its file's date", \
                False
        return by_file, f"states {said}, not after the release before ({last}): released as of {by_file}{shifted}", \
            False
    if stated.date != capture.day:
        return stated.date, (f"released as of {stated.date}, the date the policy states ({said}); its file's name "
                             f"says {capture.day} (pass --file-dates to date releases by their files' names)"), True
    return stated.date, (f"released as of {stated.date}, the date the policy states ({said})" if stated.other
                         else ""), True


def _reload(project: Project | None, work: ProjectSettings, statement_id: str) -> Project:
    """The project with the statement read again (regions and rules are read once)."""
    if project is None:
        return load_project(work)
    loader = Loader(work.paths)
    statement = loader.load_statement(work.paths.statement(statement_id), project.regions)
    loader.log.raise_if_any()
    return replace(project, statements=MappingProxyType({**project.statements, statement_id: statement}))


def _note_dropped(imported: ImportedStatement, shown: str, report: ImportReport) -> None:
    if imported.unwrapped and not report.unwrapped_said:
        # Said once for the import: a history's captures share their layout.
        report.unwrapped_said = True
        for run in imported.unwrapped:
            markers = run.markers[0] + ("–" + run.markers[-1] if len(run.markers) > 1 else "")
            report.notes.append(Problem(shown, run.line, f"the {len(run.markers)} items of a list that open on "
                                        f"headings are imported as those headings; the list's numbers ({markers}) "
                                        "are left out", "each heading keeps its own numbering"))
    report.dropped.extend(Problem(shown, line, f"left out {what}", "readers never see it")
                          for line, what in imported.dropped)
    report.dropped.extend(Problem(shown, line, f"left out {what}",
                                  "link it to a section by its id (#<section>) if it should stay a link")
                          for line, what in imported.unlinked)


def _check_words(source_text: str, shown: str, imported: ImportedStatement, record: str) -> None:
    """The words of the source equal the words of its record, in order (markup aside), and every
    heading of the source is a heading of the record, with no underline left as words (import43)."""
    # The title stands first in the record, wherever it stood in the source: both are compared
    # without it; so is the line of the date the release carries. The source is the text as read
    # (`normalized`: a list wrapping the headings unwrapped, its markers said).
    lines = (imported.source or source_text).split("\n")
    if imported.title_lines:
        start, end = imported.title_lines
        lines[start:end] = [""] * (end - start)
    if imported.date_left_out and imported.stated:
        lines[imported.stated.index] = ""
    body = record.split("\n", 1)[1] if "\n" in record else ""
    source = policy_words("\n".join(lines))
    kept = policy_words(body)
    hint = "report this policy to the privacykit maintainers; nothing was written"
    if source != kept:
        at = next((i for i, (a, b) in enumerate(zip(source, kept, strict=False)) if a != b),
                  min(len(source), len(kept)))
        missing = " ".join(source[at:at + 8]) or "(nothing)"
        found = " ".join(kept[at:at + 8]) or "(nothing)"
        raise ContentError(Problem(shown, None, f"the imported text would lose or change words: the source reads "
                                                f"“{missing}”, the statement “{found}”", hint))
    # Words alone miss a heading written as text: its underline is no word.
    wanted, have = heading_sequence("\n".join(lines)), heading_sequence(body)
    lost = _first_lost(wanted, have)
    if lost is not None:
        raise ContentError(Problem(shown, None, f"the imported text would turn the heading “{lost}” into text", hint))
    stray = stray_underlines(body)
    if stray:
        raise ContentError(Problem(shown, None, f"the imported text would show a heading's underline as words "
                                                f"(“{stray[0][:40]}”)", hint))


def _first_lost(wanted: list[str], have: list[str]) -> str | None:
    """The first of `wanted` (in order) that `have` does not hold in the same order, if any."""
    k = 0
    for heading in wanted:
        while k < len(have) and have[k] != heading:
            k += 1
        if k == len(have):
            return heading
        k += 1
    return None


def _write(folder: Path, files: dict[str, str]) -> None:
    """Replace the statement folder `folder` with `files` (relative to it)."""
    if folder.exists():
        shutil.rmtree(folder)
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
