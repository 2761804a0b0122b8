"""Benchmarks, each reported as a ratio against a baseline measured in the same run.

    make bench            # or: .venv/bin/python bench/run.py [--versions N]

1. Site build of the Lenovo example with N releases (version pages and redlines) against
   one plain `mkdocs build` per version, the way mike publishes versions (measured once
   for one version's pages as plain Markdown, times N).
2. Redline of real consecutive policy versions from the shared corpus against
   difflib.SequenceMatcher over the words of the whole texts.
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "privacy-policies"
sys.path.insert(0, str(REPO / "tests"))


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def site_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def bench_site(versions: int) -> None:
    from privacykit.load.project import load_project
    from privacykit.mkdocs.build import build_site
    from privacykit.render.resolve import resolve_all
    from privacykit.versions.release import release
    from privacykit.versions.store import VersionStore

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in ("statements", "site-src"):
            shutil.copytree(REPO / name, work / name)
        shutil.copy(REPO / "mkdocs.yml", work / "mkdocs.yml")
        section = work / "statements/website/sections/retention.md"
        base = section.read_text()
        store = VersionStore(work)
        for n in range(versions):
            section.write_text(base + f"\nRevision {n + 1} of this section.\n")
            for statement in ("website", "products"):
                if statement == "products":
                    app = work / "statements/products/apps/lenovo-vantage.md"
                    app.write_text(app.read_text() + f"\nRevision {n + 1}.\n")
                release(load_project(work), store, statement, f"2020-{1 + n // 28:02d}-{1 + n % 28:02d}")
        ours, _ = timed(lambda: build_site(work / "mkdocs.yml", work / "site", build_date="2026-01-01"))
        pages = sum(1 for _ in (work / "site").rglob("index.html"))
        size = site_size(work / "site")

        # Baseline: the pages of one version as plain Markdown, built by plain mkdocs.
        plain = work / "plain"
        (plain / "docs").mkdir(parents=True)
        for (statement, region), document in resolve_all(load_project(work)).items():
            target = plain / "docs" / region / statement / "index.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(document.to_markdown())
        (plain / "mkdocs.yml").write_text("site_name: Plain\ntheme: {name: material}\n")
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        config = load_config(str(plain / "mkdocs.yml"))
        one, _ = timed(lambda: build(config))
    mike = one * versions
    print(f"site build, {versions} releases x 2 statements x 7 regions: {pages} pages, {size / 1e6:.1f} MB")
    print(f"  privacykit build        {ours:6.2f} s")
    print(f"  mkdocs per version      {mike:6.2f} s  ({one:.2f} s x {versions}, as mike does)")
    print(f"  ratio                   {mike / ours:6.1f}x faster")


def bench_redline() -> None:
    from privacykit.changes.redline import redline
    from test_redline import _as_document

    ours_total = base_total = 0.0
    pairs = 0
    for service in ("Telegram", "Reddit", "Spotify", "LinkedIn"):
        files = sorted((CORPUS / service).glob("*.md"))
        for old_path, new_path in zip(files, files[1:]):
            old_text, new_text = old_path.read_text("utf-8"), new_path.read_text("utf-8")
            old_doc, new_doc = _as_document(old_text), _as_document(new_text)
            t, _ = timed(lambda: redline(old_doc, new_doc))
            ours_total += t
            a, b = old_text.split(), new_text.split()
            t, _ = timed(lambda: difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
            base_total += t
            pairs += 1
    print(f"redline of {pairs} consecutive real versions (Telegram, Reddit, Spotify, LinkedIn):")
    print(f"  privacykit redline      {ours_total * 1000 / pairs:8.1f} ms per pair")
    print(f"  difflib over words      {base_total * 1000 / pairs:8.1f} ms per pair")
    print(f"  ratio                   {base_total / ours_total:8.1f}x faster")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--versions", type=int, default=10)
    args = parser.parse_args()
    bench_redline()
    bench_site(args.versions)


if __name__ == "__main__":
    main()
