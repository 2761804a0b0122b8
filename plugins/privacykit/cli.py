"""The `privacykit` command: wiring only; each command calls into the engine.

Every user error is printed as one line per problem (`file:line: what; what to
do`) with exit status 1 — never a traceback.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import PrivacykitError, Problem, UsageError


def reports_errors(command):
    """Turn `PrivacykitError`s into one line per problem on stderr and exit 1."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except PrivacykitError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            sys.exit(1)
        except ValueError as exc:  # invalid dates and similar argument problems
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        except OSError as exc:  # full disk, permissions: nothing was half-written
            where = exc.filename or "privacykit"
            click.echo(f"{where}: {exc.strerror or exc}; free space or fix permissions, then run again", err=True)
            sys.exit(1)
    return wrapper


def terminal_progress(verb: str):
    """A progress bar on stderr when it is a terminal; None in CI logs and pipes."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def show(done: int, total: int, label: str) -> None:
        width = 30
        filled = int(width * done / max(total, 1))
        click.echo(f"\r{verb} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label[:40]:<40}",
                   nl=False, err=True)

    return show


root_option = click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
                           show_default=True, help="Project root (holds mkdocs.yml and statements/).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="privacykit")
def cli() -> None:
    """Author, version and publish privacy statements written in Markdown."""


@cli.command()
@root_option
@click.option("--against", default=None, metavar="VERSION",
              help="Also judge what the draft changes against a release (a date, 'in-force' or 'latest'): "
                   "print a Markdown report and fail on unacknowledged material changes.")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the Markdown report to this file (for a pull-request comment).")
@reports_errors
def check(root: Path, against: str | None, report_file: Path | None) -> None:
    """Validate statements, regions, sections and templates; list every problem."""
    from .load.overrides import override_problems
    from .load.project import load_project
    from .render.resolve import resolve_all

    project = load_project(root)
    documents = resolve_all(project)
    drifted = override_problems(project)
    if drifted:
        raise PrivacykitError(drifted)
    sections = sum(len(s.sections) for s in project.statements.values())
    summary = (f"ok: {len(project.statements)} statements, {sections} sections, "
               f"{len(project.regions)} regions, {len(documents)} resolved documents")
    if against is None:
        click.echo(summary)
        return
    from .changes.redline import redline
    from .changes.report import verdict_markdown
    from .publish.owners import changed_by_owner
    from .versions.gate import draft_notes_path, draft_verdict, gate_problems, read_release_notes, resolve_against
    from .versions.store import VersionStore

    store = VersionStore(root)
    tampered = store.verify(list(project.statements))
    if tampered:
        raise PrivacykitError(tampered)
    reports, problems = [], []
    for statement in project.statements:
        version = resolve_against(project, store, statement, against)
        if version is None:
            reports.append(f"## Privacy statement `{statement}`\n\nNot released yet: nothing to compare.\n")
            continue
        drafts = {r: documents[(statement, r)] for s, r in documents if s == statement}
        verdict = draft_verdict(project, store, statement, version, drafts=drafts)
        region = project.default_region
        result = redline(store.document(version, region), drafts[region], version.id, "draft") \
            if region in version.regions else None
        owner_of = {s.id: s.base.owner for s in project.statements[statement].sections.values()}
        owners: dict[str, list[str]] = {}
        for rid in version.regions:
            if (statement, rid) in documents:
                changed = redline(store.document(version, rid), documents[(statement, rid)])
                for owner, ids in changed_by_owner(changed, owner_of).items():
                    owners[owner] = sorted(set(owners.get(owner, [])) | set(ids))
        reports.append(verdict_markdown(verdict, {region: result} if result and result.changed else {}, owners))
        notes_path = draft_notes_path(project, statement)
        notes = read_release_notes(notes_path, notes_path.relative_to(root).as_posix()
                                   if notes_path.is_relative_to(root) else None)
        problems.extend(gate_problems(verdict, notes))
    report = "\n".join(reports)
    click.echo(report, nl=False)
    if report_file:
        report_file.write_text(report, encoding="utf-8")
    if problems:
        raise PrivacykitError(problems)
    click.echo(summary)


@cli.command()
@root_option
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="MkDocs configuration (default: <root>/mkdocs.yml).")
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: site_dir of mkdocs.yml).")
@click.option("--date", "build_date", default=None, metavar="YYYY-MM-DD",
              help="Build the site as of this date (default: $SOURCE_DATE_EPOCH or today).")
@click.option("--strict", is_flag=True, help="Treat MkDocs warnings as errors.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None,
              help="Processes to build with: 0 for one per core (the default), 1 for this process only.")
@reports_errors
def build(root: Path, config_file: Path | None, site_dir: Path | None, build_date: str | None,
          strict: bool, jobs: int | None) -> None:
    """Build the site atomically (a failed build leaves the old site untouched)."""
    from .mkdocs.build import build_site
    from .render.dates import parse_iso_date

    if build_date:
        parse_iso_date(build_date, "--date")
    config_file = config_file or root / "mkdocs.yml"
    if not config_file.exists():
        raise UsageError(Problem(str(config_file), None, "MkDocs configuration not found",
                                 "run from the project root or pass --config-file"))
    progress = terminal_progress("building")
    out = build_site(config_file, site_dir, strict=strict, build_date=build_date, progress=progress, jobs=jobs)
    if progress:
        click.echo(err=True)
    click.echo(f"built {out}")


@cli.command(context_settings={"ignore_unknown_options": True})
@click.argument("mkdocs_args", nargs=-1, type=click.UNPROCESSED)
def serve(mkdocs_args: tuple[str, ...]) -> None:
    """Live preview (runs `mkdocs serve`, which watches statements/ and templates/)."""
    from mkdocs.__main__ import cli as mkdocs_cli

    mkdocs_cli.main(["serve", *mkdocs_args])


@cli.command()
@root_option
@click.argument("statement")
@click.option("--effective", required=True, metavar="YYYY-MM-DD", help="Date the release takes effect.")
@click.option("--notes", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Release notes (default: statements/STATEMENT/release-notes.md, which is then reset).")
@click.option("--force-notice", default=None, metavar="REASON",
              help="Release although the effective date gives less notice than the rules ask; REASON is recorded.")
@reports_errors
def release(root: Path, statement: str, effective: str, notes: Path | None, force_notice: str | None) -> None:
    """Freeze the draft of STATEMENT into versions/STATEMENT/<date>/ (atomic, immutable).

    Refused when a material or unreviewed change is not acknowledged in the release
    notes, or when the effective date gives less notice than a rule asks.
    """
    from .load.overrides import override_problems
    from .load.project import load_project
    from .versions.gate import NOTES_FILE, draft_notes_path
    from .versions.release import release as make_release
    from .versions.store import VersionStore

    if notes is not None and not notes.is_file():
        raise UsageError(Problem(str(notes), None, "release notes file not found", "check the path"))
    project = load_project(root)
    store = VersionStore(root)
    problems = store.verify([statement])
    # An override behind its base would publish an outdated promise in its region.
    problems += override_problems(project, statement) if statement in project.statements else []
    if problems:
        raise PrivacykitError(problems)
    default_notes = draft_notes_path(project, statement) if statement in project.statements else None
    version = make_release(project, store, statement, effective, notes or default_notes,
                           force_notice=force_notice)
    if notes is None and default_notes is not None and default_notes.exists():
        default_notes.write_text(f"---\n# Release notes of the next {statement} release (see README).\n"
                                 "summary:\nacknowledge: []\n---\n", encoding="utf-8")
        click.echo(f"kept the release notes with the release; {statement}/{NOTES_FILE} is ready for the next one")
    verdict = ""
    if version.verdict:
        decided = {r.get("decision") for r in (version.verdict.get("regions") or {}).values()}
        strongest = next((a for a in ("consent", "notify", "review", "none") if a in decided), "none")
        verdict = f", rules: {version.verdict.get('action')}, decided: {strongest}"
    click.echo(f"released {statement} {version.id}: {version.summary} ({len(version.regions)} regions"
               f"{verdict}) -> {version.shown}/")


@cli.command()
@root_option
@reports_errors
def verify(root: Path) -> None:
    """Recompute the hash of every released file; name each one edited after release."""
    from .versions.store import VersionStore

    store = VersionStore(root)
    problems = store.verify()
    if problems:
        raise PrivacykitError(problems)
    count = sum(len(store.versions(s)) for s in store.statements())
    heads = "; ".join(f"{s} {store.versions(s)[-1].id} sha256:{store.head(s)}"
                      for s in store.statements() if store.versions(s))
    # The heads vouch for every release through the manifest chain: a CI log that prints
    # them is a record kept outside the repository.
    click.echo(f"ok: {count} releases intact" + (f"; latest manifests: {heads}" if heads else ""))


@cli.command()
@root_option
@click.option("--stamp", "stamp_files", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              metavar="FILE", help="Record that this override was reviewed against its base as it is now "
                                   "(repeatable).")
@reports_errors
def overrides(root: Path, stamp_files: tuple[Path, ...]) -> None:
    """List region overrides and whether their base text changed since they were reviewed."""
    from .load.overrides import override_states, stamp
    from .load.project import load_project

    project = load_project(root)
    states = override_states(project)
    if stamp_files:
        by_path = {(root / s.override.source).resolve(): s for s in states}
        # A file is named from the working directory or from the project root.
        found = {f: by_path.get(f.resolve()) or by_path.get((root / f).resolve()) for f in stamp_files}
        problems = [Problem(str(f), None, "not a region override of this project",
                            "name a file such as statements/<statement>/sections/<id>.<region>.md")
                    for f, item in found.items() if item is None]
        if problems:
            raise UsageError(problems)
        for item in found.values():
            stamp(root / item.override.source, item.override.source, item.current)
            click.echo(f"{item.override.source}: based_on {item.current} ({item.base.source})")
        return
    width = max((len(s.override.source) for s in states), default=0)
    for item in states:
        detail = {"current": f"reviewed against {item.current}",
                  "changed": f"BASE CHANGED since {item.recorded} (now {item.current})",
                  "untracked": "no based_on: changes to the base are not tracked"}[item.state]
        click.echo(f"{item.override.source:<{width}}  {item.state:<9}  {detail}")
    counts = {state: sum(1 for s in states if s.state == state) for state in ("current", "changed", "untracked")}
    click.echo(f"{len(states)} overrides: {counts['current']} current, {counts['changed']} changed, "
               f"{counts['untracked']} untracked")


@cli.command()
@root_option
@click.argument("statement")
@click.argument("from_version", metavar="FROM")
@click.argument("to_version", metavar="TO")
@click.option("--region", default=None, help="Region to compare (default: the default region).")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True)
@reports_errors
def diff(root: Path, statement: str, from_version: str, to_version: str, region: str | None, fmt: str) -> None:
    """Redline of STATEMENT between two versions (a date, 'in-force' or 'draft')."""
    from .changes.redline import redline
    from .changes.report import redline_html, redline_json, redline_markdown
    from .load.project import load_project
    from .versions.select import document_for

    project = load_project(root)
    region = region or project.default_region
    if region not in project.regions:
        raise UsageError(Problem("--region", None, f"unknown region '{region}'",
                                 "use one of: " + ", ".join(project.regions.ids)))
    old = document_for(project, statement, from_version, region)
    new = document_for(project, statement, to_version, region)
    result = redline(old, new, from_version, to_version)
    render = {"json": redline_json, "md": redline_markdown, "html": redline_html}[fmt]
    click.echo(render(result), nl=False)


@cli.command()
@root_option
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--law", "laws", multiple=True, default=("gdpr",), show_default=True,
              help="Law to judge under (repeatable; 'all' for the strictest of every law).")
@reports_errors
def classify(root: Path, old: Path, new: Path, laws: tuple[str, ...]) -> None:
    """Is the change from section file OLD to NEW material? Last line: the answer."""
    from .changes.classify import classify_files
    from .load.rules import load_rules

    content = root / "statements"
    result = classify_files(old, new, load_rules(content if content.is_dir() else None, root), tuple(laws))
    for finding in result.findings:
        click.echo(f"- {finding.action.value}: {finding.description} [{finding.id}]")
        click.echo(f"  why: {finding.why()}")
    if not result.findings:
        click.echo("- no change of facts and no text signal")
    click.echo(result.classification.value)


@cli.command()
@root_option
@click.option("--prefix", default="@", show_default=True,
              help="Put before each owner (e.g. '@lenovo/' for GitHub teams).")
@reports_errors
def owners(root: Path, prefix: str) -> None:
    """Print a CODEOWNERS file: every section file with the team that owns it."""
    from .load.project import load_project
    from .publish.owners import codeowners

    click.echo(codeowners(load_project(root), prefix), nl=False)


@cli.command()
@root_option
@click.argument("statement")
@click.argument("section")
@click.option("--region", required=True, help="Region whose text to render.")
@click.option("--version", "version_name", default="in-force", show_default=True,
              help="A release date, 'in-force', 'latest' or 'draft'.")
@reports_errors
def fragment(root: Path, statement: str, section: str, region: str, version_name: str) -> None:
    """Print the self-contained HTML fragment of one section (as apps embed it)."""
    from .load.project import load_project
    from .publish.api import fragment_html
    from .render.templates import TemplateSet, fill_text
    from .versions.select import document_for, version_for

    project = load_project(root)
    if region not in project.regions:
        raise UsageError(Problem("--region", None, f"no region '{region}'",
                                 "use one of: " + ", ".join(project.regions.ids)))
    document = document_for(project, statement, version_name, region)
    found = document.section(section)
    if found is None:
        raise UsageError(Problem(section, None, f"statement '{statement}' has no section '{section}' in region "
                                 f"'{region}'", "check the section id and its 'regions:' scope"))
    version = version_for(project, statement, version_name)
    label = version.id if version else "draft"
    words = TemplateSet(root / "templates").strings(document.locale)
    meta = fill_text(words["fragment_meta"], title=document.title, version=label)
    click.echo(fragment_html(found, document, label, meta), nl=False)


@cli.command("import")
@root_option
@click.argument("policy", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--statement", "statement_id", required=True, help="Id of the new statement (folder name).")
@click.option("--history", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of earlier versions named YYYY-MM-DD….md, released oldest first.")
@click.option("--skip-invalid", is_flag=True,
              help="Leave out history files that are not a policy (error pages, partial captures) and list them.")
@reports_errors
def import_command(root: Path, policy: Path, statement_id: str, history: Path | None, skip_invalid: bool) -> None:
    """Import an existing POLICY (Markdown) as a statement, with its dated history."""
    from .versions.importer import import_policy

    for path in (policy, history):
        if path is not None and not path.exists():
            raise UsageError(Problem(str(path), None, "not found", "check the path"))
    progress = terminal_progress("importing")
    report = import_policy(root, policy, statement_id, history, progress, skip_invalid=skip_invalid)
    if progress:
        click.echo(err=True)
    for problem in report.skipped:
        click.echo(f"skipped {problem}")
    for earlier, later in report.merged:
        click.echo(f"merged {earlier}: replaced the same day by {later} (a version is a day)")
    for problem in report.dropped:
        click.echo(f"dropped {problem}")
    click.echo(f"imported {statement_id}: {len(report.released)} releases, draft from {policy.name}")


def main() -> None:  # console-script entry point
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()
