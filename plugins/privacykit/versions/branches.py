"""Releases a branch adds, against the branch it merges into (chain44): `privacykit verify --base REF`.

The site publishes from main, so a release belongs on main's history: one a pull request adds must follow
main's latest release. Two branches that both released from the same release, merged, fork the history
(`verify` then stops every build); the gate of a pull request refuses the second one before the merge,
naming the fix (rebase on main and release again), while nothing has been published from it.
"""

from __future__ import annotations

from ..errors import Problem, UsageError
from . import git
from .store import DATE_FOLDER, VersionStore


def released_at(store: VersionStore, statement: str, ref: str) -> list[str] | None:
    """The release dates of `statement` in git revision `ref` (its folders under the versions folder), oldest
    first; None when the project is in no git repository. A `ref` git does not know is a `UsageError`."""
    repository = git.top(store.root)
    if repository is None:
        return None
    try:
        folder = store.folder(statement).resolve().relative_to(repository).as_posix()
    except ValueError:
        raise UsageError(Problem(store.shown(store.folder(statement)), None, f"the releases of '{statement}' are "
                                 f"outside the git repository at {repository}, so git cannot list them in '{ref}'",
                                 "keep the versions folder inside the repository, or leave out --base")) from None
    if not git.knows_commit(store.root, ref):
        raise UsageError(Problem("--base", None, f"git does not know the revision '{ref}'",
                                 "fetch it first (git fetch origin main), or name another branch"))
    listed = git.run(store.root, "ls-tree", "--name-only", ref, f"{folder}/") or ""
    names = [line.rsplit("/", 1)[-1] for line in listed.splitlines()]
    return sorted(name for name in names if DATE_FOLDER.match(name))


def base_problems(store: VersionStore, ref: str, statements: list[str] | None = None) -> list[Problem]:
    """One problem per statement whose first release added since `ref` does not follow `ref`'s latest release:
    "release B follows P, but main's latest release is A: rebase the branch on main and release again"."""
    problems: list[Problem] = []
    for statement in statements or store.statements():
        base = released_at(store, statement, ref)
        if base is None:
            raise UsageError(Problem("--base", None, "the project is not in a git repository",
                                     "run the gate in a clone of the repository"))
        on_base = set(base)
        added = [v for v in store.versions(statement) if v.id not in on_base]
        if not added:
            continue
        first = added[0]
        # main's latest release, unless this branch withdrew it (on the record) before releasing again
        withdrawn = {w.id for w in store.withdrawals(statement)[0]}
        kept = [day for day in base if day not in withdrawn]
        head = kept[-1] if kept else None
        follows = first.previous.isoformat() if first.previous else None
        if follows == head:
            continue
        said = f"follows {follows}" if follows else "records no predecessor"
        problems.append(Problem(
            store.shown(first.folder), None,
            f"release {first.id}, added by this branch, {said}, but {ref}'s latest release is {head or 'none'}",
            f"rebase the branch on {ref} and release again after {head} (drop the commit that made {first.id}: it "
            "was never published); release from main only (README: \"Two branches that both released\")"))
    return problems
