"""The engine does not depend on MkDocs: only privacykit.mkdocs may import it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import privacykit


def engine_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(privacykit.__path__, "privacykit."):
        if not info.name.startswith(("privacykit.mkdocs", "privacykit.testing")):
            names.append(info.name)
    return names


def test_engine_modules_import_no_mkdocs():
    modules = engine_modules()
    assert "privacykit.render.resolve" in modules and "privacykit.load.project" in modules
    code = (
        "import sys\n"
        f"for name in {modules!r}:\n"
        "    __import__(name)\n"
        "print(sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
