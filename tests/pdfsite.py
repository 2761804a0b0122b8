"""The PDF project: a small project of the example's shape whose build publishes archival PDFs.

The example's whole build renders 42 PDFs of 734 pages; the tests of those PDFs (tests/test_pdf.py,
the Chinese PDF of tests/test_page_language.py) check properties that do not depend on length.
This project is the example's own statements, regions, translations and templates with a short outline
(a few sections of each statement, every one of them translated to pt-BR and zh-CN), released
twice with `privacykit release` (so that each statement has an earlier version), then built with
its PDFs: each PDF is a real one of the product, in English, Portuguese and Chinese.
"""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUILD_DATE = "2024-06-01"
# The regions kept: English (global), pt-BR (br) and zh-CN with its CJK fonts (cn). A PDF costs
# about a second and a half of CPU however short it is: the project has 12 (2 statements,
# 2 releases, 3 regions).
REGIONS = ("global", "br", "cn")
# The outline of each release: (heading id, sections) in the example's outline, whose headings
# and sections are translated; the second release adds the last entry.
OUTLINES = {
    "website": [("introduction", ["introduction"]), ("protection", ["security"]), ("contact-us", ["contact"]),
                ("childrens-privacy", ["children"])],
    "products": [("protection", ["security"]), ("contact-us", ["contact"]), ("childrens-privacy", ["children"])],
}
RELEASES = ("2024-03-05", "2024-05-01")


def _outline(statement: Path, count: int) -> None:
    """Give `statement` the first `count` entries of its outline, with their sections and translations."""
    from privacykit.load.yamlio import dump_yaml, load_yaml

    source = REPO / "statements" / statement.name
    for _, sections in OUTLINES[statement.name][:count]:
        for section in sections:
            for path in [*source.glob(f"sections/{section}.md"), *source.glob(f"sections/{section}.*.md"),
                         *source.glob(f"translations/*/sections/{section}.yml"),
                         *source.glob(f"translations/*/sections/{section}.*.yml")]:
                region = path.name.split(".")[1] if path.name.count(".") == 2 else None
                if region is None or region in REGIONS:
                    (statement / path.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy(path, statement / path.relative_to(source))
    config = load_yaml((source / "statement.yml").read_text("utf-8"), "statement.yml")
    entries = {entry["id"]: entry for entry in config["outline"]}
    config["outline"] = [{**entries[id_], "sections": sections}
                         for id_, sections in OUTLINES[statement.name][:count]]
    (statement / "statement.yml").write_text(dump_yaml(config), "utf-8")


def write_project(root: Path) -> Path:
    """The project's files before its first release."""
    from privacykit.load.yamlio import dump_yaml, load_yaml

    shutil.copytree(REPO / "statements", root / "statements",
                    ignore=lambda folder, names: [n for n in names if n in ("sections", "apps")])
    shutil.copytree(REPO / "site-src", root / "site-src")
    shutil.copytree(REPO / "templates", root / "templates")      # its catalog of region names
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    regions = load_yaml((root / "statements/regions.yml").read_text("utf-8"), "regions.yml")
    regions["regions"] = {name: regions["regions"][name] for name in REGIONS}
    (root / "statements/regions.yml").write_text(dump_yaml(regions), "utf-8")
    return root


def release_twice(root: Path) -> None:
    """Release every statement on each of RELEASES, the second adding a section (its changes
    acknowledged with the decision `check` asks for)."""
    import re

    from conftest import run_cli

    for n, effective in enumerate(RELEASES):
        for statement in OUTLINES:
            _outline(root / "statements" / statement, len(OUTLINES[statement]) - (0 if n else 1))
            (root / f"statements/{statement}/release-notes.md").write_text(
                f"---\nsummary: Release {n + 1}.\nacknowledge: []\n---\nNotes.\n", "utf-8")
        asked = run_cli(root, "check", "--against", "in-force").output
        for statement in OUTLINES:
            changes = re.findall(rf"statements/{statement}/release-notes.md: unacknowledged (\w+) change '([^']+)'",
                                 asked)
            entries = "".join(f"  - change: {ref}\n    decision: {decision}\n    reason: Reviewed.\n"
                              for decision, ref in changes)
            (root / f"statements/{statement}/release-notes.md").write_text(
                f"---\nsummary: Release {n + 1}.\nacknowledge:\n{entries or '  []'}\n---\nNotes.\n", "utf-8")
            # The example's dates are past: the notice period cannot be kept, as the CLI says.
            past = ["--force-notice", "The example's own release dates."] if n else []
            result = run_cli(root, "release", statement, "--effective", effective, *past)
            assert result.exit_code == 0, result.output


def build(folder: Path) -> Path:
    """Write, release and build the PDF project in `folder`; return its site."""
    from privacykit.mkdocs.build import build_site

    root = write_project(folder / "project")
    release_twice(root)
    return build_site(root / "mkdocs.yml", root / "site", build_date=BUILD_DATE, pdf=True)
