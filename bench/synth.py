"""Generate large synthetic projects from the Lenovo example: statements x regions x versions.

    python bench/synth.py OUT --regions 10 --versions 20

Each release edits a few sections of the real text (a sentence appended, a number
changed, a list item added), so redlines and verdicts have real work to do.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXTRA_REGIONS = [("de", "Deutschland", "de-DE", "gdpr"), ("fr", "France", "fr-FR", "gdpr"),
                 ("jp", "Japan", "en-US", None), ("in", "India", "en-IN", None), ("mx", "México", "es-MX", None),
                 ("au", "Australia", "en-AU", None), ("ca", "Canada", "en-CA", None), ("kr", "Korea", "en-US", None)]


def make_project(out: Path, regions: int, versions: int, seed: int = 7, progress=None) -> Path:
    """Copy the example's draft, add regions, and release `versions` dated versions of each statement."""
    sys.path.insert(0, str(REPO / "plugins"))
    from privacykit.load.project import load_project
    from privacykit.versions.release import release
    from privacykit.versions.store import VersionStore

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copytree(REPO / "statements", out / "statements")
    shutil.copytree(REPO / "site-src", out / "site-src")
    (out / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text().replace("preview_draft: true", "preview_draft: false"))
    for name in ("website", "products"):
        (out / "statements" / name / "release-notes.md").unlink(missing_ok=True)
    base = ["global", "us", "us-ca", "eu", "uk", "br", "cn"]
    text = (out / "statements/regions.yml").read_text()
    for rid, name, locale, law in EXTRA_REGIONS[: max(0, regions - len(base))]:
        parent = "eu" if law == "gdpr" else "global"
        text += f"  {rid}:\n    name: {name}\n    parent: {parent}\n    locale: {locale}\n"
    (out / "statements/regions.yml").write_text(text)

    rng = random.Random(seed)
    by_statement = {
        name: [p for p in sorted((out / "statements" / name).glob("*/*.md")) if p.name.count(".") == 1]
        for name in ("website", "products")}
    store = VersionStore(out)
    start = dt.date(2015, 1, 1)
    for n in range(versions):
        for path in rng.sample(by_statement["website"], 3) + rng.sample(by_statement["products"], 3):
            body = path.read_text()
            edit = rng.choice(["sentence", "item", "number"])
            if edit == "sentence":
                body = body.rstrip("\n") + f"\n\nRevision {n + 1}: we clarified this section for readers.\n"
            elif edit == "item":
                body = body.rstrip("\n") + f"\n\n* Revision {n + 1} adds this list item.\n"
            else:
                body = body.replace("16", str(15 + n % 3), 1) if "16" in body else body + f"\nUpdated in {2015 + n}.\n"
            path.write_text(body)
        project = load_project(out)
        day = start + dt.timedelta(days=120 * n)
        for statement in ("website", "products"):
            release(project, store, statement, day.isoformat(), today=day, gate=False)
        if progress:
            progress(n + 1, versions)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--regions", type=int, default=10)
    parser.add_argument("--versions", type=int, default=20)
    args = parser.parse_args()
    make_project(args.out, args.regions, args.versions)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
