"""Generate large synthetic projects from real texts: statements x regions x versions x sections.

    python bench/synth.py OUT --regions 10 --versions 20 [--statements 4] [--extra-sections 20]

The first two statements are the Lenovo example's; each release edits a few sections of
the real text (a sentence appended, a number changed, a list item added), so redlines and
verdicts have real work to do. `--extra-sections` adds that many sections to each, cut
from the policies of the corpus (`../shared/corpus/privacy-policies/`). Statements beyond
two are the corpus' services, imported with their recorded history (`privacykit import
--history`): up to `--versions` of their real successive versions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXTRA_REGIONS = [("de", "Deutschland", "de-DE", "gdpr"), ("fr", "France", "fr-FR", "gdpr"),
                 ("jp", "Japan", "en-US", None), ("in", "India", "en-IN", None), ("mx", "México", "es-MX", None),
                 ("au", "Australia", "en-AU", None), ("ca", "Canada", "en-CA", None), ("kr", "Korea", "en-US", None)]


CORPUS = REPO.parent / "shared" / "corpus" / "privacy-policies"


# Languages given to every region but `global` when a benchmark asks for translated regions.
LANGUAGES = {"us": "es-US", "us-ca": "ko-KR", "eu": "it-IT", "uk": "cy-GB", "br": "pt-BR", "cn": "zh-CN",
             "de": "de-DE", "fr": "fr-FR", "jp": "ja-JP", "in": "hi-IN"}


def make_project(out: Path, regions: int, versions: int, seed: int = 7, progress=None, statements: int = 2,
                 extra_sections: int = 0, languages: int | None = None) -> Path:
    """Copy the example's draft, add regions, and release `versions` dated versions of each statement.

    `languages`: None keeps the example's (br and cn translated); 0 makes every region read
    English; N gives N regions a language of their own, each with the example's real
    Portuguese or Chinese translations as its text (the benchmark measures the machinery,
    not the language).
    """
    sys.path.insert(0, str(REPO / "plugins"))
    from privacykit.load.project import load_project
    from privacykit.versions.release import release
    from privacykit.versions.store import VersionStore

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copytree(REPO / "statements", out / "statements")
    shutil.copytree(REPO / "site-src", out / "site-src")
    config = (REPO / "mkdocs.yml").read_text().replace("preview_draft: true", "preview_draft: false")
    (out / "mkdocs.yml").write_text(config)
    for name in ("website", "products"):
        (out / "statements" / name / "release-notes.md").unlink(missing_ok=True)
    base = ["global", "us", "us-ca", "eu", "uk", "br", "cn"]
    text = (out / "statements/regions.yml").read_text()
    for rid, name, locale, law in EXTRA_REGIONS[: max(0, regions - len(base))]:
        parent = "eu" if law == "gdpr" else "global"
        text += f"  {rid}:\n    name: {name}\n    parent: {parent}\n    locale: {locale}\n"
    if languages is not None:
        text = _with_languages(out, text, languages)
    (out / "statements/regions.yml").write_text(text)

    rng = random.Random(seed)
    if extra_sections:
        _add_corpus_sections(out, extra_sections, rng)
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
    _import_corpus(out, statements - 2, versions)
    return out


def _with_languages(out: Path, regions_text: str, count: int) -> str:
    """regions.yml text with `count` regions in a language of their own, and their translations."""
    lines = [line for line in regions_text.split("\n") if not line.strip().startswith("language:")]
    chosen = dict(list(LANGUAGES.items())[:count])
    text = []
    for line in lines:
        text.append(line)
        region = line.strip().rstrip(":")
        if line.startswith("  ") and not line.startswith("    ") and region in chosen:
            text.append(f"    language: {chosen[region]}")
    for statement in ("website", "products"):
        folder = out / "statements" / statement / "translations"
        for n, language in enumerate(chosen.values()):
            if not (folder / language).exists():
                shutil.copytree(folder / ("pt-BR" if n % 2 == 0 else "zh-CN"), folder / language)
        if count == 0:
            shutil.rmtree(folder, ignore_errors=True)
    return "\n".join(text)


def _corpus_paragraphs() -> list[str]:
    paragraphs = []
    for service in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        latest = sorted(service.glob("*.md"))[-1].read_text("utf-8")
        paragraphs += [p.strip() for p in latest.split("\n\n")
                       if len(p.strip()) > 200 and not p.lstrip().startswith(("#", "|", "<", "{"))]
    return paragraphs


def _add_corpus_sections(out: Path, count: int, rng: random.Random) -> None:
    """Add `count` sections of corpus text to each Lenovo statement, under a new top heading."""
    paragraphs = _corpus_paragraphs()
    for name in ("website", "products"):
        folder = out / "statements" / name
        ids = []
        for k in range(count):
            ids.append(f"corpus-{k + 1}")
            text = "\n\n".join(rng.sample(paragraphs, 3)).replace("{", "(").replace("}", ")")
            (folder / "sections" / f"corpus-{k + 1}.md").write_text(
                f"---\ntitle: Additional terms {k + 1}\n---\n{text}\n", encoding="utf-8")
        outline = "".join(f"      - {i}\n" for i in ids)
        with open(folder / "statement.yml", "a", encoding="utf-8") as yml:
            yml.write(f"\n  - heading: Additional terms\n    id: additional-terms\n    sections:\n{outline}")


def _import_corpus(out: Path, count: int, versions: int) -> None:
    """Import `count` corpus services as statements, each with its last `versions` recorded versions."""
    import tempfile

    from privacykit.versions.importer import import_policy

    def has_headings(path: Path) -> bool:
        return any(line.startswith("#") for line in path.read_text("utf-8").splitlines())

    # Services whose policies have headings (the importer splits sections at headings).
    services = [p for p in sorted(CORPUS.iterdir()) if p.is_dir() and has_headings(sorted(p.glob("*.md"))[-1])]
    if count > len(services):
        raise SystemExit(f"the corpus has {len(services)} policies with headings; ask for at most "
                         f"{len(services) + 2} statements")
    for service in services[:count]:
        files = [f for f in sorted(service.glob("*.md")) if has_headings(f)][-versions:]
        with tempfile.TemporaryDirectory() as tmp:
            for path in files:
                shutil.copy(path, tmp)
            import_policy(out, files[-1], service.name.lower(), history=Path(tmp))


def make_history(out: Path, releases: int, size: int = 250_000, seed: int = 11,
                 last_day: dt.date | None = None) -> Path:
    """Write `releases` dated captures of one real policy of about `size` bytes into `out`,
    as Open Terms Archive records them: each differs from the one before by a few edits
    (words reworded, a sentence added, a number changed, a paragraph moved)."""
    rng = random.Random(seed)
    parts = [_one_heading_level(sorted(service.glob("*.md"))[-1].read_text("utf-8"))
             for service in sorted(p for p in CORPUS.iterdir() if p.is_dir())]
    text = "\n\n".join(parts)
    while len(text) < size:
        text += "\n\n" + text
    paragraphs = ["# Privacy Policy", *text[:size].split("\n\n")]
    plain = [i for i, p in enumerate(paragraphs) if len(p) > 200 and p[:1].isalpha()]
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    day = (last_day or dt.date.today()) - dt.timedelta(days=3 * releases)
    for n in range(releases):
        for i in rng.sample(plain, 4):
            words = paragraphs[i].split(" ")
            edit = rng.choice(["reword", "sentence", "number", "move"])
            if edit == "reword":
                k = rng.randrange(len(words))
                words[k] = rng.choice(["precise", "partners", "never", "retained", "advertising", "affiliates"])
                paragraphs[i] = " ".join(words)
            elif edit == "sentence":
                paragraphs[i] += f" Revision {n + 1} clarifies this paragraph."
            elif edit == "number":
                paragraphs[i] += f" We keep these records for {rng.randint(2, 90)} days."
            else:
                j = rng.choice(plain)
                paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
        day += dt.timedelta(days=3)
        (out / f"{day.isoformat()}T003300Z.md").write_text("\n\n".join(paragraphs), encoding="utf-8")
    return out


def _one_heading_level(text: str) -> str:
    """The text with every heading at level 2, so that policies put end to end read as one
    large policy with many sections (not as several documents with their own levels)."""
    lines = text.split("\n")
    out: list[str] = []
    underline = -1
    for i, line in enumerate(lines):
        if i == underline:
            continue
        atx = re.match(r"^#{1,6}\s+(.*\S)", line)
        if atx:
            out.append("## " + atx.group(1))
        elif line.strip() and i + 1 < len(lines) and re.fullmatch(r"(=+|-+)\s*", lines[i + 1]) \
                and (i == 0 or not lines[i - 1].strip()):
            out.append("## " + line.strip())
            underline = i + 1
        else:
            out.append(line)
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--regions", type=int, default=10)
    parser.add_argument("--versions", type=int, default=20)
    parser.add_argument("--statements", type=int, default=2, help="2 Lenovo statements, then corpus services")
    parser.add_argument("--extra-sections", type=int, default=0, help="corpus sections added to each Lenovo statement")
    args = parser.parse_args()
    make_project(args.out, args.regions, args.versions, statements=args.statements,
                 extra_sections=args.extra_sections)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
