"""pytest plugin `privacykit.testing` (registered through the `pytest11` entry point).

Fixtures:

* `statement_snapshot(statement, region)` — renders a statement for a region and
  compares it with the golden file `snapshots/<statement>.<region>.md` next to the
  test file; a mismatch fails with a unified diff. `pytest --privacykit-update`
  writes the golden files instead (`--snapshot-update` too, unless another plugin such
  as syrupy or pytest-snapshot owns that option).
* `section_snapshot(statement, section, region)` — the same for one section
  (golden file `snapshots/<statement>.<section>.<region>.md`); product teams pin
  their app section with it.
* `statement_project(files)` — writes a temporary project from a dict of files
  and returns its root. Start from `MINIMAL_PROJECT` and override or add files.

The project rendered is the one at `--privacykit-root` (default: pytest's rootdir).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

import pytest

UPDATE = "--privacykit-update"
OLD_UPDATE = "--snapshot-update"   # the first name; other snapshot plugins use it too


def pytest_addoption(parser) -> None:
    group = parser.getgroup("privacykit")
    group.addoption(UPDATE, action="store_true", default=False,
                    help="Write privacykit snapshot files instead of comparing with them.")
    group.addoption("--privacykit-root", default=None,
                    help="Project root the snapshot fixtures render (default: the rootdir).")


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args) -> None:
    """Keep the old option name, unless another plugin registered it.

    Every installed plugin has added its options when this hook runs, and the command
    line is not parsed yet: registering `--snapshot-update` from `pytest_addoption` would
    break pytest's start whenever syrupy or pytest-snapshot is installed too.
    """
    if not _registered(parser, OLD_UPDATE):
        parser.getgroup("privacykit").addoption(
            OLD_UPDATE, action="store_true", default=False, dest="privacykit_old_update",
            help=f"The same as {UPDATE} (kept while no other plugin uses this name).")


def _registered(parser, name: str) -> bool:
    groups = [parser._anonymous, *parser._groups]  # pytest's parser has no public list of its options
    return any(name in option.names() for group in groups for option in group.options)


def _update(config) -> bool:
    return bool(config.getoption(UPDATE) or getattr(config.option, "privacykit_old_update", False))


class Snapshot:
    """Compares rendered text with a golden file, or writes it with --privacykit-update."""

    def __init__(self, folder: Path, update: bool):
        self.folder = folder
        self.update = update

    def check(self, name: str, text: str) -> None:
        path = self.folder / name
        if self.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        if not path.exists():
            pytest.fail(f"{path}: snapshot is missing; run pytest {UPDATE} to create it", pytrace=False)
        try:
            expected = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            pytest.fail(f"{path}: snapshot is not valid UTF-8; delete it and run pytest {UPDATE}",
                        pytrace=False)
        if expected != text:
            diff = "".join(difflib.unified_diff(expected.splitlines(keepends=True), text.splitlines(keepends=True),
                                                fromfile=f"{path.name} (snapshot)", tofile=f"{path.name} (rendered)"))
            pytest.fail(f"{path}: rendered text differs from the snapshot "
                        f"(run pytest {UPDATE} if the change is intended)\n{diff}", pytrace=False)


def _project_root(request) -> Path:
    option = request.config.getoption("--privacykit-root")
    return Path(option) if option else Path(request.config.rootpath)


def _resolved(root: Path, statement: str, region: str):
    """The resolved document, or a one-line test failure naming the content problem."""
    from ..errors import PrivacykitError
    from ..load.project import load_project
    from ..render.resolve import resolve

    try:
        project = load_project(root)
        if statement not in project.statements or region not in project.regions:
            pytest.fail(f"no statement '{statement}' or region '{region}' in {root}", pytrace=False)
        return resolve(project, statement, region)
    except PrivacykitError as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture
def statement_snapshot(request) -> Callable[..., None]:
    """`statement_snapshot(statement, region, root=None)`: pin a whole resolved statement."""
    snapshot = Snapshot(Path(request.path).parent / "snapshots", _update(request.config))

    def check(statement: str, region: str, root: Path | str | None = None) -> None:
        document = _resolved(Path(root) if root else _project_root(request), statement, region)
        snapshot.check(f"{statement}.{region}.md", document.to_markdown())

    return check


@pytest.fixture
def section_snapshot(request) -> Callable[..., None]:
    """`section_snapshot(statement, section, region, root=None)`: pin one section as readers see it."""
    snapshot = Snapshot(Path(request.path).parent / "snapshots", _update(request.config))

    def check(statement: str, section: str, region: str, root: Path | str | None = None) -> None:
        found = _resolved(Path(root) if root else _project_root(request), statement, region).section(section)
        if found is None:
            pytest.fail(f"statement '{statement}' has no section '{section}' in region '{region}'", pytrace=False)
        snapshot.check(f"{statement}.{section}.{region}.md", f"# {found.title}\n\n{found.markdown}")

    return check

MINIMAL_PROJECT: dict[str, str] = {
    "statements/regions.yml": (
        "regions:\n"
        "  global:\n"
        "    name: Global\n"
        "    locale: en-US\n"
        "    variables:\n"
        "      privacy_email: privacy@example.com\n"
        "  us:\n"
        "    name: United States\n"
        "    parent: global\n"
        "  br:\n"
        "    name: Brasil\n"
        "    parent: global\n"
        "    locale: pt-BR\n"
        "    laws: [lgpd]\n"
    ),
    "statements/web/statement.yml": (
        "title: Example Privacy Statement\n"
        "variables:\n"
        "  company: Example Corp\n"
        "outline:\n"
        "  - heading: What do we collect?\n"
        "    id: collect\n"
        "    sections: [account, cookies]\n"
        "  - heading: How may I contact us?\n"
        "    id: contact-us\n"
        "    sections: [contact]\n"
    ),
    "statements/web/sections/account.md": (
        "---\n"
        "title: Your account\n"
        "owner: legal\n"
        "declares:\n"
        "  data_categories: [user.contact.email, user.name]\n"
        "  data_uses: [essential.service.authentication]\n"
        "---\n"
        "When you create an account, {{ company }} collects your name and e-mail address.\n"
    ),
    "statements/web/sections/cookies.md": (
        "---\n"
        "title: Cookies\n"
        "owner: legal\n"
        "declares:\n"
        "  data_categories: [user.device.cookie_id]\n"
        "  data_uses: [analytics.reporting]\n"
        "---\n"
        "We use cookies to measure visits.\n"
    ),
    "statements/web/sections/contact.md": (
        "---\n"
        "title: Contact\n"
        "owner: legal\n"
        "---\n"
        "Write to {{ privacy_email }}.\n"
    ),
}


def write_project(root: Path, files: dict[str, str | bytes | None], base: dict | None = None) -> Path:
    """Write `base` (default: MINIMAL_PROJECT) updated with `files` under `root`.

    A value of None removes that file from the base.
    """
    merged: dict[str, str | bytes | None] = dict(MINIMAL_PROJECT if base is None else base)
    merged.update(files)
    for rel, content in merged.items():
        if content is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def statement_project(tmp_path: Path) -> Callable[..., Path]:
    """Factory fixture: build a temporary project from a dict of files; returns its root."""
    counter = {"n": 0}

    def make(files: dict[str, str | bytes | None] | None = None, base: dict | None = None) -> Path:
        counter["n"] += 1
        root = tmp_path / f"project{counter['n']}"
        root.mkdir()
        return write_project(root, files or {}, base)

    return make
