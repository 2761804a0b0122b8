"""One exception family for everything a user can get wrong.

Every problem names where it is (file and line, or file and key), what is wrong
and what to do, and prints as exactly one line::

    statements/website/sections/retail.md:4: unknown data category 'user.contct.email';
        did you mean 'user.contact.email'?

Loaders collect problems instead of stopping at the first, so `privacykit check`
can list them all at once; a command that cannot go on raises `ContentError`
holding every problem found so far.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """A single thing wrong with the input: where, what, and what to do."""

    file: str
    line: int | None
    message: str
    hint: str = ""
    # The vocabulary (a `Term`'s label: "recipient") a value named in it is not a term of, for code that acts
    # on such problems; never shown, and no part of the problem's identity.
    term: str = field(default="", compare=False)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.message}"
        if self.hint:
            text += f"; {self.hint}"
        return " ".join(text.split())  # always one line, whatever a library put in the message


class PrivacykitError(Exception):
    """Base of every error the toolkit reports to a user (never a traceback)."""

    def __init__(self, problems: list[Problem] | Problem):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems = sorted(set(problems), key=_problem_order)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):
        # Travels from a build worker to the parent with its problems, not its text.
        return (type(self), (self.problems,))


class ContentError(PrivacykitError):
    """The content (statements, regions, sections, versions) is invalid."""


class UsageError(PrivacykitError):
    """A command was called with arguments that cannot work."""


class StrictError(PrivacykitError):
    """Warnings that `--strict` turns into a failure (as MkDocs' `--strict` does)."""


def refuse_warnings(warnings: list[Problem], strict: bool) -> None:
    """Raise `StrictError` with `warnings` when `strict` asks for a command to fail on them."""
    if strict and warnings:
        raise StrictError(warnings)


def _problem_order(problem: Problem) -> tuple:
    return (problem.file, problem.line or 0, problem.message)


def excerpt(value: str, limit: int = 40) -> str:
    """`value` shortened for a message: a 5,000-digit number must not become a 5,000-character line."""
    if len(value) <= limit:
        return value
    return f"{value[:limit // 2]}…{value[-(limit // 4):]} ({len(value):,} characters)"


def display_path(path: Path | str, root: Path | None = None) -> str:
    """Return `path` relative to `root` (or the working directory) for messages."""
    path = Path(path)
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


@dataclass
class ProblemLog:
    """Collects problems while loading, so all of them can be reported at once."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int | None, message: str, hint: str = "") -> None:
        self.problems.append(Problem(file, line, message, hint))

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ContentError(self.problems)
