"""The golden site: the whole published output of a tiny project, against reviewed files.

A change to what the site publishes shows here as a readable diff. After an intended
change, rewrite the golden files with `make golden` and review the diff before committing.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

from goldensite import EXPECTED, GOLDEN_DATE, differences, published, write_expected


def test_the_golden_site_publishes_what_was_reviewed(golden_site, request):
    actual = published(golden_site)
    if request.config.getoption("--privacykit-update"):   # as `make golden` runs it
        write_expected(actual)
    # Every kind of page and file is there: a golden set missing one would prove nothing.
    for path in ["index.html", "us/web/index.html", "us/web/2024-01-10/index.html", "us/web/2024-06-01/changes/index.html",
                 "us/web/archive/index.html", "br/web/draft/index.html", "br/web/draft/changes/index.html",
                 "br/devices/draft/notice/index.html", "api/v1/index.json", "api/v1/web/br.json",
                 "api/v1/devices/us/2024-01-10.json", "fragments/devices/br/latest/notes-app.html", "fragments/fragment.css",
                 "global/web/feed.xml", "assets/privacykit.css"]:
        assert path in actual, path
    assert differences(actual) == "", "the published site differs from tests/golden/expected (make golden)"


def test_the_golden_site_builds_the_same_with_properdocs(golden_site, golden_copy):
    """ProperDocs (the maintained MkDocs 1.x fork) runs the plugin and the Material theme as
    they are: every file is the same as MkDocs', but for the generator named in each page."""
    site = golden_copy / "pd-site"
    epoch = str(int(__import__("datetime").datetime.fromisoformat(f"{GOLDEN_DATE}T00:00:00+00:00").timestamp()))
    env = {**os.environ, "PRIVACYKIT_BUILD_DATE": GOLDEN_DATE, "SOURCE_DATE_EPOCH": epoch}
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "-q", "-f", str(golden_copy / "mkdocs.yml"),
                             "-d", str(site)], capture_output=True, text=True, env=env, cwd=golden_copy)
    assert result.returncode == 0, result.stderr[-2000:]
    assert 'content="mkdocs-ProperDocs ' in (site / "us/web/index.html").read_text()
    assert differences(published(site)) == ""

    def files(folder):
        generator = re.compile(r'<meta name="generator" content="[^"]*">')
        return {p.relative_to(folder).as_posix(): generator.sub("", p.read_text("utf-8", errors="replace"))
                for p in sorted(folder.rglob("*")) if p.is_file()}

    mkdocs_files, properdocs_files = files(golden_site), files(site)
    assert sorted(properdocs_files) == sorted(mkdocs_files)
    assert [path for path in mkdocs_files if mkdocs_files[path] != properdocs_files[path]] == []


def test_the_golden_files_are_reviewed_text():
    """Golden files are small text a reviewer can read in a diff."""
    files = [p for p in EXPECTED.rglob("*") if p.is_file()]
    assert len(files) >= 60
    assert all(p.stat().st_size < 64_000 for p in files)
