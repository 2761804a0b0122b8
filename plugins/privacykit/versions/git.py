"""git as the gates read it (chain44's `verify --base`, gov44's rules base): one way to ask, one way to fail.

A project outside a git repository, or on a machine without git, is "not in git" alike (`top` is None): each
caller says what that means for it. A revision or file git does not have is None (the caller names it). git that
does not answer in time is one line, never a traceback.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import Problem, UsageError

TIMEOUT = 30     # seconds: a local repository answers in well under one


def run(root: Path, *args: str) -> str | None:
    """What `git -C root ARGS` prints (UTF-8, undecodable bytes replaced); None when git fails (not a repository,
    an unknown revision or path) or is not installed."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=TIMEOUT, check=False)
    except OSError:
        return None
    except subprocess.TimeoutExpired:
        raise UsageError(Problem(str(root), None, f"git {args[0]} gave no answer within {TIMEOUT} s",
                                 "check the repository (git status answers?), then run again")) from None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def top(root: Path) -> Path | None:
    """The top folder of the git repository `root` is in (resolved); None outside git, or without git."""
    found = run(root, "rev-parse", "--show-toplevel")
    return Path(found.strip()).resolve() if found is not None else None


def knows_commit(root: Path, ref: str) -> bool:
    """git knows `ref` here, as a commit."""
    return run(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}") is not None
