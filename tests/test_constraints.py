"""constraints.txt, the versions `make install` takes, stays inside pyproject.toml's ranges: a lock that a user's
own install (`pip install privacykit`) could never resolve to would test something nobody runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
tomllib = pytest.importorskip("tomllib")     # Python 3.11+; pytest itself brings `packaging`


def _pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (REPO / "constraints.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} pins no version"
            assert canonicalize_name(name) not in pins, f"constraints.txt: {name} twice"
            pins[canonicalize_name(name)] = version.strip()
    return pins


def test_every_requirement_is_pinned_within_its_range():
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    pins = _pins()
    requirements = [Requirement(r) for r in [*project["dependencies"], *project["optional-dependencies"]["test"]]]
    outside = [f"{r.name} {pins.get(canonicalize_name(r.name), 'unpinned')} (pyproject: {r.specifier or 'any'})"
               for r in requirements
               if canonicalize_name(r.name) not in pins or not r.specifier.contains(pins[canonicalize_name(r.name)],
                                                                                    prereleases=True)]
    assert not outside, "constraints.txt: " + "; ".join(outside) + ": run `make lock` and review the diff"


def test_the_install_reads_the_constraints():
    makefile = (REPO / "Makefile").read_text("utf-8")
    assert "-e '.[test]' -c constraints.txt" in makefile and "$(STAMP): pyproject.toml constraints.txt" in makefile
