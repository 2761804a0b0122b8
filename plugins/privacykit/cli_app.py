"""The `privacykit` command: wiring only. Each command parses its arguments, calls the engine
(`privacykit.commands` and the packages below it) and prints what comes back.

Bad input is printed as one line per problem (`file:line: what; what to do`) with exit
status 1 and no traceback. Warnings (worth a look, not a failure) go to stderr; `--strict`
makes them fail, as MkDocs' `--strict` does. Anything else is a bug: one line that says
so, exit status 2, and `--debug` shows its traceback.

The entry point, the error reporting every command shares and `classify`'s own code are in
`privacykit.cli`, which imports this module only for a command line other than a plain
`classify` (speed24).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from . import __version__
from .cli import (
    CLASSIFY_HELP,
    DEFAULT_LAWS,
    LAW_HELP,
    LAW_OPTION,
    loading_modules,  # noqa: F401 - shared
    reports_errors,
    run_classify,
)
from .errors import PrivacykitError, Problem, UsageError
from .model.channels import Channel
from .terminal import echo


def warn(warnings: list[Problem]) -> None:
    """Print warnings on stderr, one line each. The checks of a command each say what they find without knowing
    what the others said: a line given twice in one call is printed once, on purpose (`dict.fromkeys`, first
    order kept; chain44)."""
    for line in dict.fromkeys(f"warning: {problem}" for problem in warnings):
        echo(line, err=True)


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


def project_options(command):
    """`--root` and `--config-file`: where the project is and which mkdocs.yml names its folders."""
    config = click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
                          help="MkDocs configuration naming the project's folders (default: ROOT/mkdocs.yml).")
    root = click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
                        show_default=True, help="Project root (holds mkdocs.yml, which names the other folders).")
    return root(config(command))


def settings(root: Path, config_file: Path | None):
    from .load.settings import read_settings

    return read_settings(root, config_file)


strict_option = click.option("--strict", is_flag=True, help="Fail on warnings too.")


class OneLineUsage(click.ClickException):
    """A usage error click found (an unknown option, a missing argument, a value not allowed) as every
    other bad input is reported: one line, exit status 1 (exit status 2 is a bug's)."""

    exit_code = 1

    def show(self, file=None) -> None:
        echo(self.message, err=True)


def one_line_usage(error: click.UsageError, command: str) -> OneLineUsage:
    """`error` as one line: the command, what is wrong (click's words) and where its help is.

    `command` is the command's path when click's error names no context (an option's value missing)."""
    if error.ctx is not None:
        command = error.ctx.command_path
    what = " ".join(error.format_message().split()).rstrip(".")
    what = what[:1].lower() + what[1:]
    return OneLineUsage(f"{command}: {what}; see {command} --help")


def _help_shown(bare: click.exceptions.NoArgsIsHelpError) -> click.exceptions.Exit:
    """A bare group name (`privacykit`, `privacykit translate`) asks for its help: print it, exit 0 (exit 2 is
    a bug's, and 1 bad input's)."""
    assert bare.ctx is not None
    echo(bare.ctx.get_help())
    return click.exceptions.Exit(0)


class OneLineUsageGroup(click.Group):
    """The `privacykit` group: click's usage errors, for any command under it, become `OneLineUsage`.

    One place for every command (their arguments are parsed inside the group's `invoke`); `--help`
    and a bare group name prints its help and exits 0."""

    group_class = type  # `translate` and any other group under it: this class too

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as error:
            _reported(error, f"{parent.command_path} {info_name}" if parent is not None
                      else (info_name or "privacykit"))

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            # An error click raises while parsing a subcommand's arguments names no context: the
            # subcommand is the one click resolved (`invoked_subcommand`), if it got that far.
            sub = ctx.invoked_subcommand
            _reported(error, f"{ctx.command_path} {sub}" if sub else ctx.command_path)


def _reported(error: click.UsageError, command: str) -> NoReturn:
    """The one handler of click's usage errors under the group: a bare group name prints its help
    (exit 0), any other error is one line (`one_line_usage`) naming `command` when click names none."""
    if isinstance(error, click.exceptions.NoArgsIsHelpError):
        raise _help_shown(error) from None
    raise one_line_usage(error, command) from error


@click.group(cls=OneLineUsageGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="privacykit")
@click.option("--debug", is_flag=True, help="Print the traceback of any error (also: $PRIVACYKIT_DEBUG=1).")
def cli(debug: bool) -> None:
    """Author, version and publish privacy statements written in Markdown."""


@cli.command()
@project_options
@click.option("--against", default=None, metavar="VERSION",
              help="Also judge what the draft changes against a release (a date, 'in-force', 'in-force@DATE' or "
                   "'latest'): print a Markdown report and fail on unacknowledged material changes.")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the Markdown report to this file (for a pull-request comment).")
@click.option("--rules-base", default=None, metavar="REF",
              help="With --against: compare the project's rules with those of this git revision (default: "
                   "origin/$GITHUB_BASE_REF on a pull request, else the commit of the last release); a weaker "
                   "rule needs an acknowledgement.")
@strict_option
@reports_errors
def check(root: Path, config_file: Path | None, against: str | None, report_file: Path | None,
          rules_base: str | None, strict: bool) -> None:
    """Validate statements, regions, sections and templates; list every problem."""
    from .atomic import replace_file
    from .commands.check import check as run_check
    from .commands.check import input_problems_report

    if report_file and not report_file.parent.is_dir():
        raise UsageError(Problem("--report", None, f"no folder {report_file.parent} to write the report in",
                                 "create the folder first, or name a file in an existing one"))
    try:
        result = run_check(settings(root, config_file), against, rules_base=rules_base)
    except PrivacykitError as exc:
        # The workflow comments whatever the report says: a check that could not judge the draft says why
        # (file:line, what to do), never leaves the pull request without a comment (gate43).
        if report_file:
            replace_file(report_file, input_problems_report(exc.problems).encode("utf-8"))
        raise
    warn(result.translation_gaps)  # stale or untranslated blocks: worth a look, as every warning
    if result.report is not None:
        echo(result.report, nl=False)
        if report_file:
            replace_file(report_file, result.report.encode("utf-8"))
    elif report_file and against is not None and result.problems:
        # Draft notes that cannot be read stop the gate before its report (sec43): the comment says why.
        replace_file(report_file, input_problems_report(result.problems).encode("utf-8"))
    if not strict:
        warn(result.warnings)
    # --strict fails on stale translations (a translation of words the source no longer has), never on blocks
    # not translated yet: a new language is work in progress, published as the release notes say (i18n44).
    failures = result.problems + (result.warnings + result.stale_translations() if strict else [])
    if failures:
        raise PrivacykitError(failures)
    echo(result.summary)



@cli.command()
@project_options
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: site_dir of mkdocs.yml).")
@click.option("--date", "build_date", default=None, metavar="YYYY-MM-DD",
              help="Build the site as of this date (default: $SOURCE_DATE_EPOCH or today).")
@click.option("--strict", is_flag=True,
              help="Fail where `check --strict` fails (before anything is written), and on MkDocs warnings.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None,
              help="Processes to build with: 0 for one per core (the default), 1 for this process only.")
@click.option("--no-pdf", is_flag=True, help="Skip the archival PDFs (a quicker preview).")
@reports_errors
def build(root: Path, config_file: Path | None, site_dir: Path | None, build_date: str | None,
          strict: bool, jobs: int | None, no_pdf: bool) -> None:
    """Build the site atomically (a failed build leaves the old site untouched).

    The site is static: a release takes effect on the site only when it is built on or after its
    effective date, so the last line names the next such date (rebuild then)."""
    from .mkdocs.build import build_site
    from .model.paths import CONFIG_FILE
    from .publish.api import built_next_change
    from .render.dates import build_date as resolve_build_date

    resolve_build_date(build_date, what="--date")  # a date that cannot be built stops here, in one line
    config_file = config_file or root / CONFIG_FILE
    if not config_file.exists():
        raise UsageError(Problem(str(config_file), None, "MkDocs configuration not found",
                                 "run from the project root or pass --config-file"))
    project = settings(root, config_file)
    if strict:
        # `--strict` means what it means for `check`: every problem and warning fails, before
        # anything is written (MkDocs' own warnings then fail the build too).
        from .commands.check import check as run_check

        result = run_check(project)
        warn(result.translation_gaps)
        if result.problems or result.warnings or result.stale_translations():
            raise PrivacykitError(result.problems + result.warnings + result.stale_translations())
    progress = terminal_progress("building")
    out = build_site(config_file, site_dir, strict=strict, build_date=build_date, progress=progress, jobs=jobs,
                     pdf=False if no_pdf else None, checked=strict)
    if progress:
        echo(err=True)
    echo(f"built {out}")
    coming = built_next_change(out)
    if coming is not None:
        echo(coming.message())


@cli.command(context_settings={"ignore_unknown_options": True})
@click.argument("mkdocs_args", nargs=-1, type=click.UNPROCESSED)
def serve(mkdocs_args: tuple[str, ...]) -> None:
    """Live preview (runs `mkdocs serve`, which watches the content, versions and templates)."""
    from mkdocs.__main__ import cli as mkdocs_cli

    mkdocs_cli.main(["serve", *mkdocs_args])


@cli.command()
@project_options
@click.argument("statement")
@click.option("--effective", default=None, metavar="YYYY-MM-DD", help="Date the release takes effect.")
@click.option("--withdraw", "withdraw", multiple=True, metavar="YYYY-MM-DD",
              help="Withdraw this release (the latest, not yet in force) instead: it is kept on the record, "
                   "marked withdrawn, never published; needs --reason. Repeat it to withdraw several latest "
                   "releases, newest first, one record each.")
@click.option("--reason", default=None, metavar="TEXT", help="Why the release is withdrawn (recorded).")
@click.option("--unpublished", is_flag=True,
              help="With --withdraw: the release was made on a branch beside another branch's release (both follow "
                   "one release, merged) and never published, so it is withdrawn even in force; recorded so.")
@click.option("--by", "by", default=None, metavar="NAME",
              help="With --withdraw: who decided the withdrawal (recorded, and put in evidence bundles).")
@click.option("--notes", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Release notes (default: release-notes.md in the statement's folder, which is then reset).")
@click.option("--force-notice", default=None, metavar="REASON",
              help="Release although the effective date gives less notice than the rules ask; REASON is recorded.")
@click.option("--sign-key", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="KEY",
              help="SSH private key that signs the release (default: $PRIVACYKIT_SIGNING_KEY); required when "
                   "versions/allowed_signers exists.")
@click.option("--timestamp", "timestamp_url", default=None, metavar="URL",
              help="RFC 3161 timestamping authority to timestamp the release with (default: timestamp: url: "
                   "in versions/evidence.yml).")
@click.option("--record-past", default=None, metavar="REASON",
              help="Record a release whose effective date is before today (UTC) on purpose; REASON is kept in "
                   "the manifest, and verify names it as recorded after it took effect.")
@click.option("--rules-base", default=None, metavar="REF",
              help="Compare the project's rules with those of this git revision, as check --against does "
                   "(default: origin/$GITHUB_BASE_REF on a pull request, else the commit of the last release); "
                   "a weaker rule needs an acknowledgement in the release notes.")
@strict_option
@reports_errors
def release(root: Path, config_file: Path | None, statement: str, effective: str | None, withdraw: tuple[str, ...],
            reason: str | None, unpublished: bool, notes: Path | None, force_notice: str | None, strict: bool,
            sign_key: Path | None, timestamp_url: str | None, record_past: str | None, by: str | None,
            rules_base: str | None) -> None:
    """Freeze the draft of STATEMENT into <versions>/STATEMENT/<date>/ (atomic, immutable).

    Refused when a material or unreviewed change is not acknowledged in the release
    notes, or when the effective date gives less notice than a rule asks. With --withdraw
    DATE --reason TEXT, withdraw that release instead (only before it takes effect).
    It is judged and dated by today in UTC, by the clock: $PRIVACYKIT_BUILD_DATE and
    $SOURCE_DATE_EPOCH date builds only.
    """
    from .commands.release import clock_note, release_draft, withdraw_release
    from .versions.store import notice_regions

    if unpublished and not withdraw:
        raise UsageError(Problem("--unpublished", None, "--unpublished qualifies a withdrawal",
                                 "give it with --withdraw DATE --reason TEXT"))
    if withdraw and (effective is not None or notes is not None or force_notice is not None
                     or record_past is not None or rules_base is not None):
        raise UsageError(Problem("--withdraw", None, "--withdraw is given alone (with --reason)",
                                 "withdraw first, then release the corrected draft with --effective"))
    if not withdraw and by is not None:
        raise UsageError(Problem("--by", None, "--by names who decided a withdrawal (with --withdraw)",
                                 "for a release, write 'by:' in each acknowledgement of the release notes"))
    if not withdraw and effective is None:
        raise UsageError(Problem("--effective", None, "missing --effective YYYY-MM-DD",
                                 "give the date the release takes effect (or --withdraw DATE --reason TEXT)"))
    note = clock_note()     # (said first, and never refused: the variable changes nothing here, withdraw44)
    if note is not None:
        warn([note])
    if withdraw:
        for done in withdraw_release(settings(root, config_file), statement, list(withdraw), reason or "",
                                     sign_key=sign_key, unpublished=unpublished, by=by):
            echo(withdrawn_line(statement, done))
        return
    assert effective is not None
    result = release_draft(settings(root, config_file), statement, effective, notes, force_notice, strict=strict,
                           sign_key=sign_key, timestamp_url=timestamp_url, record_past=record_past,
                           rules_base=rules_base)
    warn(result.warnings)
    version = result.version
    if result.rerun is not None:      # (chain44)
        if result.rerun == "finished":
            echo(f"finished the interrupted release of {statement} {version.id}: its release notes are reset "
                 f"for the next one (those of {version.id} are in {version.shown}/notes.md)")
        else:
            echo(f"{statement} {version.id} is already released from this draft -> {version.shown}/; "
                 "nothing written")
        return
    if result.notes_reset is not None:
        echo(f"kept the release notes with the release; {statement}/{result.notes_reset.name} is ready "
                   "for the next one")
    verdict = ""
    if version.verdict is not None:
        verdict = f", rules: {version.verdict.action.value}, decided: {version.verdict.decision.value}"
    attestor = result.attestor
    signed = ", signed" if attestor and attestor.key else ""
    signed += ", timestamped" if attestor and attestor.timestamp_url else ""
    echo(f"released {statement} {version.id}: {version.summary} ({len(version.regions)} regions"
         f"{verdict}{signed}) -> {version.shown}/")
    told = notice_regions(version.files)
    if told:        # (year45: the release line said nothing of them; a withdrawal names its recalls)
        echo(f"its notices were written: send each region's e-mail and in-app notice in {version.shown}/notices/ "
             f"({', '.join(told)}) to its readers before {version.id}, then record it: privacykit notices sent "
             f"{statement} {version.id} --region R …")


def withdrawn_line(statement: str, done) -> str:
    """One line per release `release --withdraw` dealt with (withdraw44): withdrawn now, a withdrawal a stop
    interrupted finished, or withdrawn already (nothing written); and the recall notices to send."""
    w = done.withdrawal
    if done.already:
        if done.notes_offered:      # (a rerun after a stop before the notes were offered: fix44)
            return (f"{statement} {w.id} is already withdrawn (on {w.withdrawn_on}: {w.reason}) -> {w.shown}/; "
                    f"its release notes are offered back, commented, in {done.notes_offered}")
        return (f"{statement} {w.id} is already withdrawn (on {w.withdrawn_on}: {w.reason}) -> {w.shown}/; "
                "nothing written")
    head = "finished the interrupted withdrawal of" if done.finished else "withdrew"
    how = f"made on a branch beside {w.beside}, never published" if w.unpublished else "never in force, not published"
    # (the latest release left, which a release withdrawn beside another does not follow: chain44)
    goes_on = done.head if done.head is not None else w.previous
    line = (f"{head} {statement} {w.id} ({how}): {w.reason} -> {w.shown}/; "
            f"the history goes on from {goes_on.isoformat() if goes_on else 'no release'}; "
            f"its release notes are in {w.shown}/release/notes.md"
            + (f" (offered back, commented, in {done.notes_offered})" if done.notes_offered else ""))
    regions = w.recall_regions()
    if regions:
        line += (f"; its notices were written: send the recall notices in {w.shown}/notices/ "
                 f"({', '.join(regions)}) to those readers")
    return line


@cli.command()
@project_options
@click.argument("statements", nargs=-1)
@click.option("--key", "sign_key", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="KEY",
              help="SSH private key to sign with (default: $PRIVACYKIT_SIGNING_KEY).")
@click.option("--timestamp", "timestamp_url", default=None, metavar="URL",
              help="Also timestamp releases that have no token (the token then proves the date of signing).")
@reports_errors
def sign(root: Path, config_file: Path | None, statements: tuple[str, ...], sign_key: Path | None,
         timestamp_url: str | None) -> None:
    """Sign (and timestamp) the releases of STATEMENTS that are not signed yet (default: all).

    Each release is verified first; a release that is already signed keeps its signature.
    """
    from .evidence.attest import Attestor
    from .versions.store import SIGNATURE, TIMESTAMP, VersionStore

    store = VersionStore(settings(root, config_file).paths)
    attestor = Attestor.for_release(store.evidence(), sign_key, timestamp_url)
    if not attestor.active:
        raise UsageError(Problem("--key", None, "nothing to do", "pass --key (and/or --timestamp)"))
    attestor.check_key()  # a file that cannot sign is one line, not "0 releases signed"
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
            for withdrawal in store.withdrawals(statement)[0]:      # release43: withdrawals are signed too
                for folder in (withdrawal.folder / "release", withdrawal.folder):
                    if (attestor.key and not (folder / SIGNATURE).exists()) or \
                            (attestor.timestamp_url and not (folder / TIMESTAMP).exists()):
                        attestor.attest(folder)
                        echo(f"attested {statement} {store.shown(folder)}")
                        done += 1
    echo(f"{done} releases signed or timestamped")


TRUSTED_HELP = ("Trust only signatures by the keys in FILE (an allowed_signers file or SHA256: fingerprints) kept "
                "outside the repository; default: $PRIVACYKIT_TRUSTED_SIGNERS (a path, or the fingerprints). Every "
                "release must then be signed by one of them.")


@cli.command()
@project_options
@click.option("--trusted-signers", "trusted", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="FILE", help=TRUSTED_HELP)
@click.option("--base", "base", default=None, metavar="REF",
              help="In the gate of a pull request: also refuse a release this branch adds that does not follow the "
                   "latest release of git revision REF (the branch it merges into, e.g. origin/main).")
@click.option("--expect-heads", "expect_heads", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="FILE", help="A heads file kept outside the repository (written by --write-heads, e.g. "
                                   "published with the site): each head and withdrawal it records must still be "
                                   "in the history, so a rollback is named.")
@click.option("--write-heads", "write_heads", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="FILE", help="Once the history verifies, write its heads file to FILE (for the next "
                                   "--expect-heads).")
@reports_errors
def verify(root: Path, config_file: Path | None, trusted: Path | None, expect_heads: Path | None,
           write_heads: Path | None, base: str | None) -> None:
    """Recompute the hash of every released file; name each one edited after release."""
    from .evidence.signing import TRUST_VARIABLE
    from .versions.store import VersionStore

    if write_heads is not None and not write_heads.parent.is_dir():
        raise UsageError(Problem("--write-heads", None, f"no folder {write_heads.parent} to write the heads file in",
                                 "create the folder first, or name a file in an existing one"))
    store = VersionStore(settings(root, config_file).paths)
    problems = store.verify(trusted=trusted)
    if base is not None:        # (chain44: a release made on a branch must follow main's latest)
        from .versions.branches import base_problems

        problems += base_problems(store, base)
    if expect_heads is not None:
        if not expect_heads.is_file():
            raise UsageError(Problem(str(expect_heads), None, "heads file not found",
                                     "give the heads file an earlier privacykit verify --write-heads wrote"))
        problems += store.check_heads(expect_heads.read_text(encoding="utf-8", errors="replace"), str(expect_heads))
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
    withdrawals = [w for s in store.statements() for w in store.withdrawals(s)[0]]
    unpublished = [w for w in withdrawals if w.unpublished]
    withdrawn = len(withdrawals) - len(unpublished)
    proof += f", {withdrawn} withdrawn before taking effect" if withdrawn else ""
    # (chain44: a release one branch made beside another's, withdrawn as never published: said with which)
    proof += "".join(f", {w.statement} {w.id} withdrawn as made on a branch beside {w.beside} and never published"
                     for w in unpublished)
    echo(f"ok: {count} releases intact{proof}" + (f"; latest manifests: {heads}" if heads else "")
         + (f"; every head and withdrawal {expect_heads} records is still there" if expect_heads else ""))
    _dates_said(store)
    if write_heads is not None:
        from .atomic import replace_file

        replace_file(write_heads, store.heads_text().encode("utf-8"))
        echo(f"wrote the heads to {write_heads}: keep it outside the repository for the next --expect-heads")
    if trusted is None and not os.environ.get(TRUST_VARIABLE, "").strip():
        _unpinned(store, store.evidence().signers)    # last, where a log ends


def _unpinned(store, allowed: Path | None) -> None:
    """What an unpinned `verify` says, on stderr: what the repository's own signers file (`allowed`) cannot rule
    out (`signer_warnings`), then, once (and as a GitHub Actions annotation there), that signatures were checked
    without a pin: a workflow passes an empty $PRIVACYKIT_TRUSTED_SIGNERS when its variable is unset (gov44)."""
    from .evidence.attest import signer_warnings
    from .evidence.signing import TRUST_VARIABLE

    warn(signer_warnings(allowed, store.attestations, store.shown(allowed) if allowed else ""))
    if allowed is None and not any(a.signer for a in store.attestations.values()):
        return      # nothing is signed: there is nothing a pin would decide
    where = store.shown(allowed) if allowed else "the repository's allowed_signers"
    said = "empty" if TRUST_VARIABLE in os.environ else "not set"
    message = (f"no trusted signers are pinned (${TRUST_VARIABLE} is {said}): signatures were checked against "
               f"{where}, which anyone who can edit the repository can change")
    hint = (f"set ${TRUST_VARIABLE} to the signers' fingerprints, kept outside the repository (in GitHub: "
            "Settings > Secrets and variables > Actions > Variables; README, Evidence)")
    if os.environ.get("GITHUB_ACTIONS") == "true":
        echo(f"::warning title=privacykit verify is not pinned::{message}; {hint}", err=True)
    else:
        echo(f"warning: {message}; {hint}", err=True)


def _dates_said(store) -> None:
    """What the releases' dates prove (evidence44): each token's time, and a warning for a release recorded
    after it took effect or a token later than the day it proves; imported history in one line a statement."""
    from .evidence.attest import dates_of

    said: list[Problem] = []
    for statement in store.statements():
        imported: list[str] = []
        for version in store.versions(statement):
            attestation = store.attestations.get((statement, version.id))
            notice = max((r.advance_days or 0 for r in version.verdict.regions), default=0) \
                if version.verdict is not None else 0
            dates = dates_of(version.id, version.released.isoformat() if version.released else None,
                             attestation.timestamped if attestation else None, notice,
                             version.recorded_past, version.imported)
            if dates.line:
                echo(f"timestamp: {statement} {dates.line}")
            if version.imported and dates.late and not dates.others:
                imported.append(version.id)     # (imported history is recorded late: said once a statement)
                continue
            said += [Problem(f"{version.shown}/manifest.yml", None, w) for w in dates.said]
        if imported:
            said.append(Problem(store.shown(store.folder(statement)), None, f"{len(imported)} imported releases "
                                f"({imported[0]} to {imported[-1]}) were recorded after they took effect, when the "
                                "history was imported (what was published, not a decision)"))
    warn(said)


@cli.command()
@project_options
@click.argument("statement", required=False)
@click.option("--region", default=None, help="Region whose text is asked for (default: the default region).")
@click.option("--at", "on", default=None, metavar="YYYY-MM-DD", help="The date in question (default: today).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE.zip",
              help="Where to write the bundle (default: evidence-STATEMENT-REGION-DATE.zip).")
@click.option("--no-pdf", is_flag=True, help="Leave the archival PDF out of the bundle.")
@click.option("--verify", "bundle_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="BUNDLE.zip", help="Re-check a bundle instead (needs no repository).")
@click.option("--sign-key", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="KEY",
              help="SSH private key that signs the bundle's bundle.json (default: $PRIVACYKIT_SIGNING_KEY); its "
                   "allowed signers line must list the privacykit-evidence namespace.")
@click.option("--trusted-signers", "trusted", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="FILE", help="With --verify: " + TRUSTED_HELP + " A bundle carries its own allowed signers, "
                                   "which prove nothing without it.")
@click.option("--trusted-tsa", "trusted_tsa", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="PEM", help="With --verify: check the tokens against these timestamping authority "
                                  "certificates (kept outside the bundle) instead of the trust/tsa.pem the bundle "
                                  "carries, which proves nothing on its own.")
@reports_errors
def evidence(root: Path, config_file: Path | None, statement: str | None, region: str | None, on: str | None,
             output: Path | None, no_pdf: bool, bundle_path: Path | None, sign_key: Path | None,
             trusted: Path | None, trusted_tsa: Path | None) -> None:
    """Write an evidence bundle: what STATEMENT said in a region on a date, and what proves it.

    The zip holds the text then in force (Markdown and PDF), its release and the chain of
    manifests to the latest, signatures, timestamps, the trusted keys and certificates, and a
    README with the commands a third party runs to re-check it with standard tools. With a
    key, bundle.json (which lists the sha256 of every other file) is signed too.
    """
    import os

    from .evidence.attest import KEY_VARIABLE
    from .evidence.bundle import (
        check_bundle_files,
        check_pinned,
        make_bundle,
        read_bundle,
        signing_signer,
        write_bundle,
    )
    from .evidence.signing import SignatureError, load_pin

    if bundle_path is not None:
        if statement or region or on or output or sign_key:
            raise UsageError(Problem("--verify", None, "a bundle is re-checked on its own",
                                     "pass only --verify BUNDLE.zip"))
        if not bundle_path.is_file():
            raise UsageError(Problem(str(bundle_path), None, "bundle not found", "check the path"))
        try:
            pin = load_pin(trusted)
        except SignatureError as exc:
            raise UsageError(Problem("--trusted-signers", None, str(exc), "give an allowed_signers file or "
                                     "SHA256: fingerprints kept outside the repository")) from None
        if trusted_tsa is not None and not trusted_tsa.is_file():
            raise UsageError(Problem(str(trusted_tsa), None, "TSA certificates not found",
                                     "give the authority's certificate chain (PEM) kept outside the bundle"))
        files = read_bundle(bundle_path)
        check = check_bundle_files(files, tsa=trusted_tsa)
        if check.ok and pin is not None:
            check_pinned(files, check, pin)
        if not check.ok:      # what is wrong, once each, and nothing that reads as reassurance
            raise PrivacykitError([Problem(str(bundle_path), None, problem, "do not rely on this bundle")
                                   for problem in check.problems])
        for finding in check.outer + check.findings:
            echo(f"ok: {finding}")
        for note in check.notes:
            echo(f"note: {note}")
        echo(f"{bundle_path}: the bundle verifies" + ("" if check.signed else " (its bundle.json is not signed)"))
        return
    if not statement:
        raise UsageError(Problem("evidence", None, "no statement given", "name one, or pass --verify BUNDLE.zip"))
    if trusted is not None:
        raise UsageError(Problem("--trusted-signers", None, "the option checks a bundle (with --verify)",
                                 "to pin the keys a bundle is made from, set PRIVACYKIT_TRUSTED_SIGNERS"))
    if trusted_tsa is not None:
        raise UsageError(Problem("--trusted-tsa", None, "the option checks a bundle (with --verify)",
                                 "pass --verify BUNDLE.zip --trusted-tsa PEM"))
    from .evidence.pdf import PdfCache, archival_pdf, cache_dir
    from .load.project import load_project
    from .render import dates
    from .render.dates import parse_iso_date
    from .versions.store import VersionStore

    project = load_project(settings(root, config_file))
    region = region or project.default_region
    if region not in project.regions:
        raise UsageError(Problem("--region", None, f"unknown region '{region}'", project.regions.suggest(region)))
    day = parse_iso_date(on, "--at") if on else dates.clock_today()
    store = VersionStore(project.paths)
    from .evidence.bundle import in_force_on

    version, _ = in_force_on(store, statement, region, day)
    key = sign_key or (Path(os.environ[KEY_VARIABLE]) if os.environ.get(KEY_VARIABLE) else None)
    signer = signing_signer(store, key, sign_key is None) if key is not None else None  # one line, nothing made
    pdf = None if no_pdf else archival_pdf(project, store, version, region, PdfCache(cache_dir(root)))
    today = dates.clock_today()
    bundle = make_bundle(store, statement, region, day, pdf, today, key, signer)
    target = output or Path(f"evidence-{statement}-{region}-{day.isoformat()}.zip")
    write_bundle(bundle, target)
    tense = "is scheduled to be" if day > today else "was"
    signed = f"signed by {signer}" if signer else "unsigned"
    index = json.loads(bundle.files["bundle.json"])
    # (a version scheduled after today is not "still in force": no release made so far changes it)
    until = (f"until {index['superseded_on']}" if index["superseded_on"] else
             "no later release changes it" if day > today else "still in force")
    echo(f"wrote {target}: {statement} in {region} on {day.isoformat()} {tense} its version of {version.id} "
         f"(fingerprint {index['fingerprint'][:12]}…, {until}; {len(bundle.files)} files, {signed}; see its "
         "README.md)")


@cli.command()
@project_options
@click.option("--stamp", "stamp_files", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              metavar="FILE", help="Record that this override was reviewed against its base as it is now "
                                   "(repeatable).")
@reports_errors
def overrides(root: Path, config_file: Path | None, stamp_files: tuple[Path, ...]) -> None:
    """List region overrides and whether their base text changed since they were reviewed."""
    from .load.overrides import OverrideStatus, override_states, stamp_overrides
    from .load.project import load_project

    project = load_project(settings(root, config_file))
    if stamp_files:
        for item in stamp_overrides(project, stamp_files):
            echo(f"{item.override.source}: based_on {item.current} ({item.base.source})")
        return
    states = override_states(project)
    width = max((len(s.override.source) for s in states), default=0)
    for item in states:
        detail = {OverrideStatus.CURRENT: f"reviewed against {item.current}",
                  OverrideStatus.CHANGED: f"BASE CHANGED since {item.recorded} (now {item.current})",
                  OverrideStatus.UNTRACKED: "no based_on: changes to the base are not tracked"}[item.state]
        echo(f"{item.override.source:<{width}}  {item.state.value:<9}  {detail}")
    counts = {status: sum(1 for s in states if s.state is status) for status in OverrideStatus}
    echo(f"{len(states)} overrides: {counts[OverrideStatus.CURRENT]} current, "
               f"{counts[OverrideStatus.CHANGED]} changed, {counts[OverrideStatus.UNTRACKED]} untracked")


@cli.command()
@project_options
@click.argument("statement")
@click.argument("from_version", metavar="FROM")
@click.argument("to_version", metavar="TO")
@click.option("--region", default=None, help="Region to compare (default: the default region).")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True)
@reports_errors
def diff(root: Path, config_file: Path | None, statement: str, from_version: str, to_version: str,
         region: str | None, fmt: str) -> None:
    """Redline of STATEMENT between two versions (a date, 'in-force', 'in-force@DATE', 'latest' or 'draft')."""
    from .commands.show import diff as run_diff

    echo(run_diff(settings(root, config_file), statement, from_version, to_version, region, fmt), nl=False)


@cli.command(help=CLASSIFY_HELP)
@project_options
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option(LAW_OPTION, "laws", multiple=True, default=DEFAULT_LAWS, show_default=True, help=LAW_HELP)
@reports_errors
def classify(root: Path, config_file: Path | None, old: Path, new: Path, laws: tuple[str, ...]) -> None:
    """`cli.CLASSIFY_HELP`: the help, shared with the plain form `cli.py` runs without click."""
    run_classify(root, config_file, old, new, laws)


@cli.command()
@project_options
@click.option("--prefix", default=None, metavar="PREFIX",
              help="Put before each owner (e.g. '@lenovo/' for GitHub teams; default '@'). With --check, the "
                   "committed file must name each owner so; without, names are compared whatever their prefix.")
@click.option("--check", "compare", is_flag=True,
              help="Print nothing; fail where the committed CODEOWNERS (.github/, the root or docs/) and the "
                   "project's owner: lines disagree.")
@reports_errors
def owners(root: Path, config_file: Path | None, prefix: str, compare: bool) -> None:
    """Print a CODEOWNERS file: every section file with the team that owns it."""
    from .load.project import load_project
    from .publish.owners import CODEOWNERS_PLACES, codeowners, committed_codeowners, owner_drift, unowned

    project = load_project(settings(root, config_file))
    text = codeowners(project, prefix or "@")     # (checks the prefix either way)
    if not compare:
        warn(unowned(project))
        echo(text, nl=False)
        return
    if committed_codeowners(project) is None:
        raise UsageError(Problem(project.paths.shown(project.paths.root / CODEOWNERS_PLACES[0]), None,
                                 "no CODEOWNERS file to compare with", f"write one: privacykit owners --prefix "
                                 f"{prefix or '@'} > {CODEOWNERS_PLACES[0]}"))
    drift = owner_drift(project, prefix=prefix)
    if drift:
        raise PrivacykitError(drift)
    echo(f"ok: {project.paths.shown(committed_codeowners(project) or '')} names the owners the project gives")


@cli.command()
@project_options
@click.argument("statement")
@click.argument("section")
@click.option("--region", required=True, help="Region whose text to render.")
@click.option("--version", "version_name", default="in-force", show_default=True,
              help="A release date, 'in-force', 'in-force@DATE', 'latest' or 'draft'.")
@reports_errors
def fragment(root: Path, config_file: Path | None, statement: str, section: str, region: str,
             version_name: str) -> None:
    """Print the self-contained HTML fragment of one section (as apps embed it)."""
    from .commands.show import fragment as run_fragment

    echo(run_fragment(settings(root, config_file), statement, section, region, version_name), nl=False)


@cli.group()
def notices() -> None:
    """Record what was done with the notices a release wrote."""


@notices.command("sent")
@project_options
@click.argument("statement")
@click.argument("release_date", metavar="RELEASE_DATE")
@click.option("--region", "regions", multiple=True, required=True, metavar="R",
              help="Region whose notice was sent (repeatable).")
@click.option("--channel", type=click.Choice([c.value for c in Channel]), default=None,
              help="The one channel it was sent by (default: both, e-mail and in-app).")
@click.option("--on", "sent_on", default=None, metavar="YYYY-MM-DD", help="Day it was sent (default: today, UTC).")
@click.option("--late", is_flag=True, help="It was sent after the release took effect: recorded as late.")
@click.option("--by", "by", default=None, metavar="NAME", help="Who sent it (recorded).")
@click.option("--note", default=None, metavar="TEXT", help="A note kept with the entry (the mailing's id…).")
@reports_errors
def notices_sent(root: Path, config_file: Path | None, statement: str, release_date: str, regions: tuple[str, ...],
                 channel: str | None, sent_on: str | None, late: bool, by: str | None, note: str | None) -> None:
    """Record that the notices of release RELEASE_DATE of STATEMENT were sent to each --region's readers.

    Appended to <versions>/STATEMENT.notices-sent.yml; judged by today in UTC, by the clock."""
    from .render import dates
    from .versions.sent import channels_said, record_sent
    from .versions.store import VersionStore

    today = dates.clock_today()
    day = dates.parse_iso_date(sent_on, "--on") if sent_on is not None else today
    channels = (Channel(channel),) if channel else tuple(Channel)
    store = VersionStore(settings(root, config_file).paths)
    path, entries = record_sent(store, statement, release_date, regions, channels, day, today, by=by, note=note,
                                late=late)
    late_said = " (late: after it took effect)" if late else ""
    echo(f"recorded the notices of {statement} {release_date} to {', '.join(e.region for e in entries)} as sent "
         f"{channels_said(channels)} on {day}{late_said} -> {store.shown(path)}")


@cli.group()
def translate() -> None:
    """Hand statements to translators (XLIFF 1.2 or PO) and take their translations back."""


@translate.command("export")
@project_options
@click.option("--region", "region_id", required=True, help="Region whose readers the translation is for.")
@click.option("--format", "fmt", type=click.Choice(["xliff", "po"]), default="xliff", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: <region>.<language>.xlf or .po in the current folder).")
@reports_errors
def translate_export(root: Path, config_file: Path | None, region_id: str, fmt: str, output: Path | None) -> None:
    """Write one unit per block readers of a region see, with its translation and state."""
    from .commands.translate import export_translation

    result = export_translation(settings(root, config_file), region_id, fmt, output)
    echo(result.summary)


@translate.command("import")
@project_options
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--region", "region_id", default=None,
              help="Region whose language the file is in (default: the file's target language); "
                   "required for a folder of Markdown files.")
@click.option("--dry-run", is_flag=True, help="Validate and count, write nothing.")
@reports_errors
def translate_import(root: Path, config_file: Path | None, source: Path, region_id: str | None,
                     dry_run: bool) -> None:
    """Validate a translated XLIFF or PO file (or a folder of Markdown files) and take its translations."""
    from .commands.translate import import_translation

    result = import_translation(settings(root, config_file), source, region_id, dry_run)
    for problem in result.problems:
        echo(str(problem), err=True)
    echo(result.summary)


@cli.command("import")
@project_options
@click.argument("policy", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--statement", "statement_id", required=True, help="Id of the new statement (folder name).")
@click.option("--history", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of earlier versions named YYYY-MM-DD….md, released oldest first.")
@click.option("--skip-invalid", is_flag=True,
              help="Leave out history files that are not a policy (error pages, partial captures) and list them.")
@click.option("--file-dates", is_flag=True,
              help="Date each release by its file's name, not by the date the policy states.")
@click.option("--locale", default=None, metavar="LOCALE",
              help="The policy's language and region (de-DE, fr-FR, ja-JP): how its dates are read; in an "
                   "existing project, its language must be the one its statements are written in (default: the "
                   "default region's locale, else en-US).")
@strict_option
@reports_errors
def import_command(root: Path, config_file: Path | None, policy: Path, statement_id: str, history: Path | None,
                   skip_invalid: bool, file_dates: bool, locale: str | None, strict: bool) -> None:
    """Import an existing POLICY (Markdown) as a statement, with its dated history."""
    from .render.dates import clock_today
    from .versions.importer import import_policy

    for path in (policy, history):
        if path is not None and not path.exists():
            raise UsageError(Problem(str(path), None, "not found", "check the path"))
    progress = terminal_progress("importing")
    report = import_policy(settings(root, config_file), policy, statement_id, history, progress, strict=strict,
                           skip_invalid=skip_invalid, file_dates=file_dates, locale=locale)
    if progress:
        echo(err=True)
    # Every file left out, merged or trimmed is said, with why; so is every date the policy and its file disagree on.
    warn(report.warnings + report.notes)
    if report.released:
        echo("dates: " + ("each release by its file's name (--file-dates)" if file_dates else
                          f"{report.dated_by_policy} of {len(report.released)} releases by the date their policy "
                          "states, the others by their file's name (--file-dates: all by file name)"))
    if report.draft_date:
        echo(f"the draft states {report.draft_date}: its date line is left out of the text (a release carries "
             "its date: `privacykit release --effective`)")
    echo(f"imported {statement_id}: {len(report.released)} releases, draft from {policy.name}")
    where = "" if root == Path(".") else f" --root {root}"
    if report.site_config:
        echo(f"wrote mkdocs.yml and site-src/ for the new project: `privacykit build{where}` makes its site")
    if not report.released:
        # A statement without a release is not published: a first build showed an empty home page, unexplained.
        stated = f" (the {report.draft_date} the policy states is past: add --record-past \"REASON\")" \
            if report.draft_date and report.draft_date < clock_today().isoformat() else ""
        echo(f"nothing of {statement_id} is published until it is released: `privacykit release {statement_id}"
             f"{where} --effective YYYY-MM-DD`{stated}")
