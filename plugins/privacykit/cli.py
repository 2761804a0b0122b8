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
from .terminal import echo


def reports_errors(command):
    """Turn `PrivacykitError`s into one line per problem on stderr and exit 1."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except PrivacykitError as exc:
            for problem in exc.problems:
                echo(str(problem), err=True)
            sys.exit(1)
        except ValueError as exc:  # invalid dates and similar argument problems
            echo(f"error: {exc}", err=True)
            sys.exit(1)
        except OSError as exc:  # full disk, permissions: nothing was half-written
            where = exc.filename or "privacykit"
            echo(f"{where}: {exc.strerror or exc}; free space or fix permissions, then run again", err=True)
            sys.exit(1)
    return wrapper


def terminal_progress(verb: str):
    """A progress bar on stderr when it is a terminal; None in CI logs and pipes."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def show(done: int, total: int, label: str) -> None:
        width = 30
        filled = int(width * done / max(total, 1))
        echo(f"{verb} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label[:40]:<40}",
             nl=False, err=True, overwrite=True)

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
    untranslated = _translation_check(project)
    sections = sum(len(s.sections) for s in project.statements.values())
    summary = (f"ok: {len(project.statements)} statements, {sections} sections, "
               f"{len(project.regions)} regions, {len(documents)} resolved documents{untranslated}")
    if against is None:
        echo(summary)
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
    echo(report, nl=False)
    if report_file:
        report_file.write_text(report, encoding="utf-8")
    if problems:
        raise PrivacykitError(problems)
    echo(summary)


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
@click.option("--no-pdf", is_flag=True, help="Skip the archival PDFs (a quicker preview).")
@reports_errors
def build(root: Path, config_file: Path | None, site_dir: Path | None, build_date: str | None,
          strict: bool, jobs: int | None, no_pdf: bool) -> None:
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
    out = build_site(config_file, site_dir, strict=strict, build_date=build_date, progress=progress, jobs=jobs,
                     pdf=False if no_pdf else None)
    if progress:
        echo(err=True)
    echo(f"built {out}")


@cli.command(context_settings={"ignore_unknown_options": True})
@click.argument("mkdocs_args", nargs=-1, type=click.UNPROCESSED)
def serve(mkdocs_args: tuple[str, ...]) -> None:
    """Live preview (runs `mkdocs serve`, which watches statements/ and templates/)."""
    from mkdocs.__main__ import cli as mkdocs_cli

    mkdocs_cli.main(["serve", *mkdocs_args])


def _translation_check(project) -> str:
    """List stale and untranslated blocks; fail unless the release notes say how their regions are published."""
    from .translate.status import gap_report, published_as, translation_gaps
    from .translate.status import gate_problems as translation_gate
    from .versions.gate import draft_notes_path, read_release_notes

    gaps = translation_gaps(project)
    refused = project.translations.refused() if project.translations is not None else []
    if refused:
        raise PrivacykitError(refused)
    if not gaps:
        return ""
    problems: list[Problem] = []
    for statement in project.statements:
        path = draft_notes_path(project, statement)
        notes = read_release_notes(path, path.relative_to(project.root).as_posix() if path.is_relative_to(
            project.root) else None)
        published, wrong = published_as(notes.located or notes.meta, notes.shown, project.regions)
        mine = [g for g in gaps if g.source_file.startswith(f"statements/{statement}/")]
        problems += wrong + translation_gate(mine, published, notes.shown)
    for line in gap_report(gaps):
        echo(str(line), err=True)
    if problems:
        raise PrivacykitError(problems)
    stale = sum(1 for g in gaps if g.state.value == "stale")
    return (f"; translations: {stale} stale and {len(gaps) - stale} untranslated blocks, "
            "published as the release notes state")


@cli.command()
@root_option
@click.argument("statement")
@click.option("--effective", required=True, metavar="YYYY-MM-DD", help="Date the release takes effect.")
@click.option("--notes", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Release notes (default: statements/STATEMENT/release-notes.md, which is then reset).")
@click.option("--force-notice", default=None, metavar="REASON",
              help="Release although the effective date gives less notice than the rules ask; REASON is recorded.")
@click.option("--sign-key", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="KEY",
              help="SSH private key that signs the release (default: $PRIVACYKIT_SIGNING_KEY); required when "
                   "versions/allowed_signers exists.")
@click.option("--timestamp", "timestamp_url", default=None, metavar="URL",
              help="RFC 3161 timestamping authority to timestamp the release with (default: timestamp: url: "
                   "in versions/evidence.yml).")
@reports_errors
def release(root: Path, statement: str, effective: str, notes: Path | None, force_notice: str | None,
            sign_key: Path | None, timestamp_url: str | None) -> None:
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
    attestor = _attestor(store, sign_key, timestamp_url)
    # An override behind its base would publish an outdated promise in its region.
    problems = override_problems(project, statement) if statement in project.statements else []
    if problems:
        raise PrivacykitError(problems)
    default_notes = draft_notes_path(project, statement) if statement in project.statements else None
    # The release verifies the statement's history itself, inside its lock.
    version = make_release(project, store, statement, effective, notes or default_notes,
                           force_notice=force_notice, reset_notes=notes is None,
                           attest=attestor.attest if attestor.active else None)
    if notes is None and default_notes is not None and default_notes.exists():
        echo(f"kept the release notes with the release; {statement}/{NOTES_FILE} is ready for the next one")
    verdict = ""
    if version.verdict:
        decided = {r.get("decision") for r in (version.verdict.get("regions") or {}).values()}
        strongest = next((a for a in ("consent", "notify", "review", "none") if a in decided), "none")
        verdict = f", rules: {version.verdict.get('action')}, decided: {strongest}"
    signed = ", signed" if attestor.key else ""
    signed += ", timestamped" if attestor.timestamp_url else ""
    echo(f"released {statement} {version.id}: {version.summary} ({len(version.regions)} regions"
         f"{verdict}{signed}) -> {version.shown}/")


def _attestor(store, key: Path | None, timestamp_url: str | None):
    """Who signs and which authority timestamps new releases (refused before anything is written)."""
    from .evidence.attest import Attestor
    from .evidence.settings import load_evidence_settings

    settings = load_evidence_settings(store.base, store.root)
    shown = store.shown(settings.signers) if settings.signers else "versions/allowed_signers"
    return Attestor.for_release(settings, key, timestamp_url, shown)


@cli.command()
@root_option
@click.argument("statements", nargs=-1)
@click.option("--key", "sign_key", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="KEY",
              help="SSH private key to sign with (default: $PRIVACYKIT_SIGNING_KEY).")
@click.option("--timestamp", "timestamp_url", default=None, metavar="URL",
              help="Also timestamp releases that have no token (the token then proves the date of signing).")
@reports_errors
def sign(root: Path, statements: tuple[str, ...], sign_key: Path | None, timestamp_url: str | None) -> None:
    """Sign (and timestamp) the releases of STATEMENTS that are not signed yet (default: all).

    Each release is verified first; a release that is already signed keeps its signature.
    """
    from .evidence.attest import Attestor
    from .evidence.settings import load_evidence_settings
    from .versions.store import SIGNATURE, TIMESTAMP, VersionStore

    store = VersionStore(root)
    settings = load_evidence_settings(store.base, store.root)
    attestor = Attestor.for_release(settings, sign_key, timestamp_url)
    if not attestor.active:
        raise UsageError(Problem("--key", None, "nothing to do", "pass --key (and/or --timestamp)"))
    known = store.statements()
    unknown = [s for s in statements if s not in known]
    if unknown:
        raise UsageError(Problem("versions", None, f"no releases of '{unknown[0]}'",
                                 "use one of: " + (", ".join(known) or "none yet")))
    done = 0
    for statement in statements or known:
        with store.locked(statement):
            problems = store.verify([statement], signatures=False)
            if problems:
                raise PrivacykitError(problems)
            for version in store.versions(statement):
                wanted = (attestor.key and not (version.folder / SIGNATURE).exists()) or \
                         (attestor.timestamp_url and not (version.folder / TIMESTAMP).exists())
                if wanted:
                    attestor.attest(version.folder)
                    echo(f"attested {statement} {version.id}")
                    done += 1
    echo(f"{done} releases signed or timestamped")


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
    attested = store.attestations.values()
    signers = sorted({f"{a.signer} {a.fingerprint}" for a in attested if a.signer})
    signed = sum(1 for a in attested if a.signer)
    timestamped = sum(1 for a in attested if a.timestamped)
    proof = ""
    if signed or timestamped:
        proof = f", {signed} signed" + (f" by {', '.join(signers)}" if signers else "") + \
                f", {timestamped} timestamped"
    # The heads vouch for every release through the manifest chain: a CI log that prints
    # them is a record kept outside the repository.
    echo(f"ok: {count} releases intact{proof}" + (f"; latest manifests: {heads}" if heads else ""))


@cli.command()
@root_option
@click.argument("statement", required=False)
@click.option("--region", default=None, help="Region whose text is asked for (default: the default region).")
@click.option("--at", "on", default=None, metavar="YYYY-MM-DD", help="The date in question (default: today).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE.zip",
              help="Where to write the bundle (default: evidence-STATEMENT-REGION-DATE.zip).")
@click.option("--no-pdf", is_flag=True, help="Leave the archival PDF out of the bundle.")
@click.option("--verify", "bundle_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="BUNDLE.zip", help="Re-check a bundle instead (needs no repository).")
@reports_errors
def evidence(root: Path, statement: str | None, region: str | None, on: str | None, output: Path | None,
             no_pdf: bool, bundle_path: Path | None) -> None:
    """Write an evidence bundle: what STATEMENT said in a region on a date, and what proves it.

    The zip holds the text then in force (Markdown and PDF), its release and the chain of
    manifests to the latest, signatures, timestamps, the trusted keys and certificates, and a
    README with the commands a third party runs to re-check it with standard tools.
    """
    import datetime as dt

    from .evidence.bundle import check_bundle_files, make_bundle, read_bundle, write_bundle

    if bundle_path is not None:
        if statement or region or on or output:
            raise UsageError(Problem("--verify", None, "a bundle is re-checked on its own",
                                     "pass only --verify BUNDLE.zip"))
        if not bundle_path.is_file():
            raise UsageError(Problem(str(bundle_path), None, "bundle not found", "check the path"))
        check = check_bundle_files(read_bundle(bundle_path))
        for finding in check.findings:
            echo(f"ok: {finding}")
        if not check.ok:
            raise PrivacykitError([Problem(str(bundle_path), None, problem, "do not rely on this bundle")
                                   for problem in check.problems])
        echo(f"{bundle_path}: the bundle verifies")
        return
    if not statement:
        raise UsageError(Problem("evidence", None, "no statement given", "name one, or pass --verify BUNDLE.zip"))
    from .evidence.pdf import PdfCache, archival_pdf, cache_dir
    from .load.project import load_project
    from .render.dates import parse_iso_date
    from .versions.store import VersionStore

    project = load_project(root)
    region = region or project.default_region
    if region not in project.regions:
        raise UsageError(Problem("--region", None, f"unknown region '{region}'",
                                 "use one of: " + ", ".join(project.regions.ids)))
    day = parse_iso_date(on, "--at") if on else dt.date.today()
    store = VersionStore(root)
    from .evidence.bundle import in_force_on

    version, _ = in_force_on(store, statement, region, day)
    pdf = None if no_pdf else archival_pdf(project, store, version, region, PdfCache(cache_dir(root)))
    bundle = make_bundle(store, statement, region, day, pdf)
    target = output or Path(f"evidence-{statement}-{region}-{day.isoformat()}.zip")
    write_bundle(bundle, target)
    echo(f"wrote {target}: {statement} in {region} on {day.isoformat()} was the release of {version.id} "
         f"({len(bundle.files)} files; see its README.md)")


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
            echo(f"{item.override.source}: based_on {item.current} ({item.base.source})")
        return
    width = max((len(s.override.source) for s in states), default=0)
    for item in states:
        detail = {"current": f"reviewed against {item.current}",
                  "changed": f"BASE CHANGED since {item.recorded} (now {item.current})",
                  "untracked": "no based_on: changes to the base are not tracked"}[item.state]
        echo(f"{item.override.source:<{width}}  {item.state:<9}  {detail}")
    counts = {state: sum(1 for s in states if s.state == state) for state in ("current", "changed", "untracked")}
    echo(f"{len(states)} overrides: {counts['current']} current, {counts['changed']} changed, "
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
    echo(render(result), nl=False)


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
        echo(f"- {finding.action.value}: {finding.description} [{finding.id}]")
        echo(f"  why: {finding.why()}")
    if not result.findings:
        echo("- no change of facts and no text signal")
    echo(result.classification.value)


@cli.command()
@root_option
@click.option("--prefix", default="@", show_default=True,
              help="Put before each owner (e.g. '@lenovo/' for GitHub teams).")
@reports_errors
def owners(root: Path, prefix: str) -> None:
    """Print a CODEOWNERS file: every section file with the team that owns it."""
    from .load.project import load_project
    from .publish.owners import codeowners

    echo(codeowners(load_project(root), prefix), nl=False)


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
    language = document.text_language(project.regions.source_language(region))
    echo(fragment_html(found, document, label, meta, language), nl=False)


@cli.group()
def translate() -> None:
    """Hand statements to translators (XLIFF 1.2 or PO) and take their translations back."""


@translate.command("export")
@root_option
@click.option("--region", "region_id", required=True, help="Region whose readers the translation is for.")
@click.option("--format", "fmt", type=click.Choice(["xliff", "po"]), default="xliff", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: <region>.<language>.xlf or .po in the current folder).")
@reports_errors
def translate_export(root: Path, region_id: str, fmt: str, output: Path | None) -> None:
    """Write one unit per block readers of a region see, with its translation and state."""
    from .load.project import load_project
    from .model.translation import BlockState
    from .translate.formats import ExchangeFormat, write_po, write_xliff
    from .translate.units import export_units

    project = load_project(root)
    region = _translated_region(project, region_id)
    language = project.regions.language(region)
    units = export_units(project, region)
    exchange = ExchangeFormat(fmt)
    write = write_xliff if exchange is ExchangeFormat.XLIFF else write_po
    content = write(units, project.regions.source_language(region), language)
    target = output or Path(f"{region}.{language}{exchange.suffix}")
    temporary = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    temporary.write_bytes(content)
    os.replace(temporary, target)
    counts = {state: sum(1 for u in units if u.state is state) for state in BlockState}
    echo(f"exported {len(units)} units for {region} ({language}) to {target}: "
               f"{counts[BlockState.TRANSLATED]} translated, {counts[BlockState.STALE]} stale, "
               f"{counts[BlockState.MISSING]} new")


@translate.command("import")
@root_option
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--region", "region_id", default=None,
              help="Region whose language the file is in (default: the file's target language); "
                   "required for a folder of Markdown files.")
@click.option("--dry-run", is_flag=True, help="Validate and count, write nothing.")
@reports_errors
def translate_import(root: Path, source: Path, region_id: str | None, dry_run: bool) -> None:
    """Validate a translated XLIFF or PO file (or a folder of Markdown files) and take its translations."""
    from .load.project import load_project
    from .translate.formats import read_exchange, read_markdown_folder
    from .translate.units import apply_units

    project = load_project(root)
    language = project.regions.language(_translated_region(project, region_id)) if region_id else None
    aligned_problems: list[Problem] = []
    if source.is_dir():
        if language is None:
            raise UsageError(Problem(str(source), None, "a folder of Markdown files needs --region",
                                     "name the region whose language the files are in"))
        units, aligned_problems = read_markdown_folder(project, language, source)
    else:
        file_language, units = read_exchange(source, str(source))
        language = language or file_language
        if language is None:
            raise UsageError(Problem(str(source), None, "the file names no target language",
                                     "pass --region"))
    report = apply_units(project, language, units, write=not dry_run)
    for problem in aligned_problems + report.obsolete:
        echo(str(problem), err=True)
    echo(report.summary(language) + (" (dry run: nothing written)" if dry_run else ""))


def _translated_region(project, region_id: str) -> str:
    if region_id not in project.regions:
        raise UsageError(Problem("--region", None, f"unknown region '{region_id}'",
                                 "use one of: " + ", ".join(project.regions.ids)))
    if not project.regions.translates(region_id):
        raise UsageError(Problem("--region", None,
                                 f"region '{region_id}' reads the source language "
                                 f"({project.regions.language(region_id)}): there is nothing to translate",
                                 "give the region a 'language:' in statements/regions.yml"))
    return region_id


@cli.command("import")
@root_option
@click.argument("policy", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--statement", "statement_id", required=True, help="Id of the new statement (folder name).")
@click.option("--history", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of earlier versions named YYYY-MM-DD….md, released oldest first.")
@reports_errors
def import_command(root: Path, policy: Path, statement_id: str, history: Path | None) -> None:
    """Import an existing POLICY (Markdown) as a statement, with its dated history."""
    from .versions.importer import import_policy

    for path in (policy, history):
        if path is not None and not path.exists():
            raise UsageError(Problem(str(path), None, "not found", "check the path"))
    progress = terminal_progress("importing")
    report = import_policy(root, policy, statement_id, history, progress)
    if progress:
        echo(err=True)
    for name, reason in report.skipped:
        echo(f"skipped {name}: {reason}")
    echo(f"imported {statement_id}: {len(report.released)} releases, draft from {policy.name}")


def main() -> None:  # console-script entry point
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()
