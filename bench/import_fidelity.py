"""Audit the import's fidelity on real policies: every capture of the corpus and the seed (import45).

    python bench/import_fidelity.py                       # corpus and seed, the table of counts
    python bench/import_fidelity.py --lost 20             # and the 20 most frequent losses of each kind
    python bench/import_fidelity.py --site-packages DIR   # where markdown-it-py is, if not in this Python

What a reader of the source sees is its CommonMark rendering (the captures are CommonMark, with GitHub's
tables): markdown-it-py with its table, strikethrough and footnote rules, which are no dependency of
privacykit (`pip install markdown-it-py mdit-py-plugins` into any folder and pass it). What a reader of the
statement sees is the site's own rendering of each imported section (`markdown_to_html`), under the
statement's title, its groups' headings and its shown section titles.

Each element is counted by its kind and its words (headings, lists, nested lists, list items, tables, rows,
links with their target, bold, italics, line breaks, quotes, code, footnote references, "Term: text"
paragraphs). An element is kept when the statement holds an element of the same kind with the same words
(the two multisets' intersection). By design, and so not counted as lost: a heading's level (the outline
decides it), an in-page link's anchor (remapped to the section it names; it is compared by its words), an
empty heading or a link without words (readers see nothing), and a link, bold or italics spanning a whole
heading or a paragraph that the statement makes a heading (the heading's own markup). The share kept is the
figure; `--lost` names what is lost, to be read against the source.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
CORPUS = ROOT.parent / "shared" / "corpus" / "privacy-policies"
SEED = ROOT.parent / "shared" / "seed"
KINDS = ("heading", "list", "nested-list", "item", "table", "row", "link", "strong", "em", "br", "blockquote",
         "code", "footnote-ref", "def-line")
_WRAPPERS = {"a": "link", "strong": "strong", "b": "strong", "em": "em", "i": "em"}


def words(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


class Elements(HTMLParser):
    """The elements of an HTML text by (kind, words), and the inline ones spanning a whole block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: Counter[tuple[str, str]] = Counter()
        self.whole: list[tuple[str, str]] = []     # (kind, words) of a link or emphasis spanning its block
        self.stack: list[tuple[str, list[str], dict[str, str | None]]] = []
        self.inline: list[tuple[str, str]] = []
        self.lists = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.found[("br", "")] += 1
            return
        if tag in ("ul", "ol"):
            self.found[("nested-list", "")] += bool(self.lists)
            self.lists += 1
        self.stack.append((tag, [], dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self.lists -= 1
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                _, parts, attrs = self.stack.pop(k)
                raw = "".join(parts)
                if self.stack:
                    self.stack[-1][1].append(f" {raw} ")
                self._count(tag, words(raw), attrs, raw)
                return

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.stack:
            self.stack[-1][1].append(data)

    def _count(self, tag: str, text: str, attrs: dict[str, str | None], raw: str) -> None:
        kind = _WRAPPERS.get(tag)
        if kind:
            self.inline.append((kind, text))
        if re.fullmatch(r"h[1-6]", tag) or tag == "p":
            self.whole.extend(x for x in self.inline if x[1] == text)
            self.inline = []
        if re.fullmatch(r"h[1-6]", tag):
            self.found[("heading", text)] += bool(text)
        elif tag in ("ul", "ol", "table"):
            self.found[("list" if tag != "table" else "table", "")] += 1
        elif tag in ("li", "tr", "blockquote"):
            self.found[({"li": "item", "tr": "row"}.get(tag, tag), text[:80])] += 1
        elif tag == "a" and attrs.get("href") and text and "footnote" not in (attrs.get("class") or ""):
            href = attrs["href"] or ""
            self.found[("link", text + ("" if href.startswith("#") else f" -> {href}"))] += 1
        elif kind in ("strong", "em") or tag == "code":
            self.found[(kind or "code", text)] += 1
        elif tag == "sup" and "footnote-ref" in (attrs.get("class") or ""):
            self.found[("footnote-ref", "")] += 1
        elif tag == "p" and re.match(r"^\s*[^\n:]{2,60}:\s+\S", raw) and not raw.strip().startswith("http"):
            self.found[("def-line", text[:80])] += 1


# Markup a reader sees as characters: emphasis markers, a link's brackets, a bullet or a heading's hashes.
_SHOWN_MARKUP = re.compile(r"\*\*|__|\]\(|(?:^|\n)\s*(?:[*+]\s|#{1,6}\s)|\[\^\d")


def elements(html: str, headings: set[str] | None = None) -> Counter[tuple[str, str]]:
    """The elements of `html`; with `headings` (the statement's), the heading markup of each left out."""
    parser = Elements()
    parser.feed(html)
    parser.close()
    found = Counter(parser.found)
    for m in _SHOWN_MARKUP.finditer("".join(parser.text)):
        found[("shown-markup", m.group(0).strip())] += 1
    headings = headings if headings is not None else {t for k, t in found if k == "heading"}
    for kind, text in parser.whole:
        key = next((x for x in found if x[0] == kind and x[1].split(" -> ")[0] == text and found[x] > 0), None)
        if key and text in headings:
            found[key] -= 1
    return +found


def measure(path: Path, reference) -> tuple[Counter, Counter]:
    from html import escape

    from privacykit.load.importer import normalized, split_policy
    from privacykit.render.markdown import markdown_to_html

    raw = path.read_text("utf-8")
    imported = split_policy(raw, path.as_posix())
    parts = [f"<h1>{escape(imported.title)}</h1>"]
    for group in imported.groups:
        if group.heading:
            parts.append(f"<h2>{escape(group.heading)}</h2>")
        for section in group.sections:
            if section.show_heading:
                parts.append(f"<h3>{escape(section.title)}</h3>")
            parts.append(markdown_to_html(section.body))
    record = elements("\n".join(parts))
    headings = {t for k, t in record if k == "heading"}
    source = elements(reference.render(normalized(raw)[0]), headings)
    return source, record


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site-packages", type=Path, help="a folder holding markdown-it-py and mdit-py-plugins")
    parser.add_argument("--lost", type=int, default=0, help="name this many of the most frequent losses per kind")
    parser.add_argument("files", nargs="*", type=Path, help="Markdown policies (default: the corpus and the seed)")
    args = parser.parse_args()
    if args.site_packages:
        sys.path.insert(0, str(args.site_packages))
    try:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.footnote import footnote_plugin
    except ImportError:
        print("markdown-it-py is needed: pip install markdown-it-py mdit-py-plugins --target DIR, then pass "
              "--site-packages DIR", file=sys.stderr)
        return 1
    reference = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin)
    files = args.files or [*sorted(CORPUS.glob("*/*.md")), *sorted(SEED.glob("*.md"))]
    totals: dict[str, list[int]] = {k: [0, 0] for k in KINDS}
    lost: dict[str, Counter[tuple[str, str]]] = {k: Counter() for k in KINDS}
    shown: Counter[tuple[str, str]] = Counter()
    for path in files:
        source, record = measure(path, reference)
        kept = source & record
        for (kind, text), n in (record - source).items():
            if kind == "shown-markup":
                shown[(path.parent.name + "/" + path.name, text)] += n
        for (kind, text), n in source.items():
            if kind == "shown-markup":
                continue
            totals[kind][0] += n
            totals[kind][1] += kept[(kind, text)]
        for (kind, text), n in (source - record).items():
            if kind != "shown-markup":
                lost[kind][(path.parent.name, text[:70])] += n
    print(f"{len(files)} policies\n{'kind':12} {'source':>8} {'kept':>8} {'share':>7}")
    for kind in KINDS:
        s, k = totals[kind]
        print(f"{kind:12} {s:8} {k:8} {k / s if s else 1:7.1%}")
    s, k = sum(t[0] for t in totals.values()), sum(t[1] for t in totals.values())
    print(f"{'all':12} {s:8} {k:8} {k / s:7.1%}")
    print(f"markup shown as characters in the statement and not in the source: {sum(shown.values())}")
    for (where, text), n in shown.most_common(args.lost):
        print(f"shown: {n} × {where}: {text}")
    for kind in KINDS:
        for (where, text), n in lost[kind].most_common(args.lost):
            print(f"lost {kind}: {n} × {where}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
