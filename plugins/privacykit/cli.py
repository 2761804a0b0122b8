"""The `privacykit` command's entry point, and what its commands share: errors reported as one line
each, and `classify`.

The commands, their options and their help are the click group in `cli_app`; `privacykit.cli.cli` is
that group, imported when it is first asked for. `privacykit classify OLD NEW` is run by scripts and CI
on every change, and importing click and defining every command's options was about a tenth of its
start (speed24). So its plain form, the command name, two file arguments and any `--law LAW`, is run
here without click, by the same code (`run_classify`), with the same output, errors and exit status.
Any other command line goes to click as before: an option but `--law` (`--root`, `-f`, `--help`), a
global option, an argument click would refuse (a path it cannot read, `-`), a law that looks like an
option, shell completion asked, or an output stream click would write through a wrapper of its own
(none, or ASCII).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO, cast

from .errors import PrivacykitError

# Failures of the machine or the user's rights, not of privacykit: reported as one line.
ENVIRONMENT_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS}

# `classify` as both its forms know it, the plain one here and click's command (`cli_app.classify`):
# its help, its `--law` option's help and the laws judged under when none is named.
CLASSIFY_HELP = "Is the change from section file OLD to NEW material? Last line: the answer."
LAW_OPTION = "--law"
LAW_HELP = "Law to judge under (repeatable; 'all' for the strictest of every law)."
DEFAULT_LAWS = ("gdpr",)


def __getattr__(name: str) -> Any:
    """The names of `cli_app` (the click group `cli` above all), imported when first asked for."""
    if name.startswith("__"):
        raise AttributeError(name)
    from . import cli_app

    try:
        return getattr(cli_app, name)
    except AttributeError:
        raise AttributeError(f"module 'privacykit.cli' has no attribute {name!r}") from None


# Set while a plain `classify` runs without click: its output is written as click.echo writes it.
_PLAIN: list[bool] = []


def _echo(message: str = "", err: bool = False) -> None:
    """`terminal.echo(message, err=err)`; without click, what click.echo writes to a stream it does not
    wrap (`_plain_classify` checks that) once `terminal_text` has made every escape visible: the message
    and a line feed, flushed."""
    if not _PLAIN:
        from .terminal import echo

        echo(message, err=err)
        return
    from .model.controls import terminal_text

    stream = sys.stderr if err else sys.stdout
    stream.write(terminal_text(message) + "\n")
    stream.flush()


def _debug() -> bool:
    click = sys.modules.get("click")  # no click context without click
    context = click.get_current_context(silent=True) if click is not None else None
    flag = bool(context and context.find_root().params.get("debug"))
    return flag or bool(os.environ.get("PRIVACYKIT_DEBUG"))


def reports_errors(command):
    """Print `PrivacykitError`s as one line per problem and exit 1; a bug as one line, exit 2."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except PrivacykitError as exc:
            if _debug():
                import traceback

                traceback.print_exc()
            for problem in exc.problems:
                _echo(str(problem), err=True)
            sys.exit(1)
        except OSError as exc:
            if exc.errno not in ENVIRONMENT_ERRORS or _debug():
                raise
            # Full disk, permissions: builds and releases are atomic, nothing was half-written.
            where = exc.filename or "privacykit"
            _echo(f"{where}: {exc.strerror or exc}; free space or fix permissions, then run again", err=True)
            sys.exit(1)
        except Exception as exc:
            if _debug():
                raise
            message = " ".join(f"{type(exc).__name__}: {exc}".split())
            _echo(f"privacykit: internal error ({message}); run again with --debug to see where, "
                  "and report it", err=True)
            sys.exit(2)
    return wrapper


@contextlib.contextmanager
def loading_modules() -> Iterator[None]:
    """Pause the cyclic garbage collector while a command imports the engine's modules.

    Importing the detector creates tens of thousands of objects that live as long as the
    process (classes, compiled patterns, tables); collections triggered by their count
    find nothing to free and cost a tenth of a short command's start-up."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def run_classify(root: Path, config_file: Path | None, old: Path, new: Path, laws: tuple[str, ...]) -> None:
    """`privacykit classify` (`CLASSIFY_HELP`), by either form."""
    from .changes.patterns import seeded_re
    from .class_code import compiled_class_code

    # The modules' dataclasses and the patterns they and Markdown's converter compile through `re` come
    # from the machine's caches (speed24).
    with loading_modules(), compiled_class_code(), seeded_re():
        from .changes.classify import classify_files
        from .load.rules import load_rules
        from .render.markdown import prepare_converter

        prepare_converter()
        if _IN_MAIN:
            # What was made so far lives as long as the process: out of the collector's sight, the first
            # collection after the pause does not walk every object the imports made (about 20 ms). Not
            # where `classify` is called in a process that goes on (click's test runner).
            gc.freeze()
    _ENDS_AT_ONCE.append(True)

    # The project's own kinds of recipient (its vocabulary.yml), as `check` reads them (gate42).
    from .load.nearby import vocabulary_for

    vocabulary, vocabulary_shown, found = vocabulary_for(root, config_file, (old, new))
    paths = found.paths
    result = classify_files(old, new, load_rules(paths.rules, paths.shown(paths.rules)), tuple(laws),
                            vocabulary=vocabulary, vocabulary_shown=vocabulary_shown)
    for finding in result.findings:
        _echo(f"- {finding.action.value}: {finding.description} [{finding.id}]")
        _echo(f"  why: {finding.why()}")
    shown = 20
    for note in result.editorial[:shown]:
        _echo(f"- editorial: {note.describe()}")
    if len(result.editorial) > shown:
        _echo(f"- editorial: … and {len(result.editorial) - shown} more")
    if not result.findings and not result.editorial:
        _echo("- no change of facts and no text signal")
    _echo(result.classification.value)


def _plain_classify(args: list[str]) -> tuple[Path, Path, tuple[str, ...]] | None:
    """(OLD, NEW, laws) of `classify OLD NEW [--law LAW]…` when click would take them as they are (see
    the module's docstring), else None."""
    if not args or args[0] != "classify":
        return None
    if any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ):
        return None  # shell completion: click's to answer
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if stream is None or not encoding or getattr(stream, "errors", None) is None:
            return None
        import codecs

        if codecs.lookup(encoding).name == "ascii":
            return None
    positional: list[str] = []
    laws: list[str] = []
    rest = args[1:]
    i = 0
    joined = f"{LAW_OPTION}="
    while i < len(rest):
        arg = rest[i]
        if arg == LAW_OPTION and i + 1 < len(rest) and rest[i + 1] and not rest[i + 1].startswith("-"):
            laws.append(rest[i + 1])
            i += 2
        elif arg.startswith(joined) and len(arg) > len(joined) and not arg[len(joined):].startswith("-"):
            laws.append(arg[len(joined):])
            i += 1
        elif arg and not arg.startswith("-"):
            positional.append(arg)
            i += 1
        else:
            return None
    if len(positional) != 2:
        return None
    # click's Path type refuses a path that exists and cannot be read, the project root (`.`) included.
    if any(os.path.exists(p) and not os.access(p, os.R_OK) for p in (*positional, ".")):
        return None
    return Path(positional[0]), Path(positional[1]), tuple(laws) or DEFAULT_LAWS


class _PacifyFlushWrapper:
    """A stream whose flush ignores a closed pipe (what click puts on stdout and stderr then)."""

    def __init__(self, wrapped: Any) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.wrapped, attr)


def _run_plain(old: Path, new: Path, laws: tuple[str, ...]) -> None:
    """A plain `classify` without click, ended as click's standalone mode ends a command."""
    _PLAIN.append(True)
    exit_code = 0
    try:
        reports_errors(run_classify)(Path("."), None, old, new, laws)
    except (EOFError, KeyboardInterrupt):
        from gettext import gettext

        _echo(err=True)
        _echo(gettext("Aborted!"), err=True)
        exit_code = 1
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        sys.stdout = cast(TextIO, _PacifyFlushWrapper(sys.stdout))
        sys.stderr = cast(TextIO, _PacifyFlushWrapper(sys.stderr))
        exit_code = 1
    sys.exit(exit_code)


# Set by a command whose process holds nothing to release when it ends (`classify`): no thread, no
# temporary file, no output but stdout and stderr.
_ENDS_AT_ONCE: list[bool] = []


# Set when the process runs one command (`main`) and ends.
_IN_MAIN: list[bool] = []


def main() -> None:  # console-script entry point
    _IN_MAIN.append(True)
    plain = _plain_classify(sys.argv[1:])
    try:
        if plain is None:
            from .cli_app import cli

            cli()
        else:
            _run_plain(*plain)
    except SystemExit as exc:
        if _ENDS_AT_ONCE and (exc.code is None or isinstance(exc.code, int)):
            _end_at_once(exc.code or 0)
        raise


def _end_at_once(code: int) -> None:
    """End the process with `code` without tearing the interpreter down (speed24).

    Freeing every module, pattern and table one by one took 50 to 80 ms of a `classify` of two small
    files: a sixth of it. What an ordinary exit does that matters is done first: the `atexit`
    functions (the per-machine caches write themselves back there) and flushing stdout and stderr.
    If a stream cannot be flushed (a closed pipe), the ordinary exit reports it as before."""
    import atexit

    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover - `python -m privacykit.cli`
    # The module as its commands import it (`cli_app` imports `reports_errors` from it), not this copy.
    from privacykit.cli import main as _main

    _main()
