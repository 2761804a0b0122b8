"""pytest plugin `privacykit.testing` (registered through the `pytest11` entry point).

Fixtures:

* `statement_project` — a factory: `statement_project({"statements/...": "text"})`
  writes a temporary project from a dict of files and returns its root. Start
  from `MINIMAL_PROJECT` and override or add files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

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
