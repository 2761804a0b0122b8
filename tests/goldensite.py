"""The golden site: a tiny project's whole built output against reviewed files.

`tests/golden/project/` is a small project (two statements, three regions, releases, a
draft with changes, one app); `tests/golden/expected/` holds what its build on
`GOLDEN_DATE` publishes, as reviewed text:

- every file privacykit writes itself, as it is: fragments, feeds, stylesheet, and the API
  JSON re-indented (the version documents are published compact, on one line), so that a
  diff shows the field that changed;
- every page, as what privacykit hands the theme: the page title, language, robots
  directive, canonical address, skip link, navigation and table of contents the theme
  shows, then the page's `<article>`. The rest
  of the theme's chrome (and MkDocs' own sitemap, search index and 404 page) belongs to
  the theme and is left out, so a Material update does not rewrite the golden files.

After an intended change, rewrite them with `make golden` and review the diff.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"
PROJECT = GOLDEN / "project"
EXPECTED = GOLDEN / "expected"
GOLDEN_DATE = "2024-07-01"
THEME_FILES = re.compile(r"^(404\.html|sitemap\.xml(\.gz)?|search/.*|assets/(javascripts|stylesheets|images)/.*)$")


def copy_project(target: Path) -> Path:
    """A working copy of the golden project (a build must not write into the repository)."""
    shutil.copytree(PROJECT, target, ignore=shutil.ignore_patterns("site"))
    return target


def published(site: Path) -> dict[str, str]:
    """What privacykit published in a built site, by path, as the golden files keep it."""
    out = {}
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or THEME_FILES.match(relative):
            continue
        if relative.endswith(".pdf"):
            # Archival PDFs are binary: their content is checked by tests/test_pdf.py.
            out[relative] = "(archival PDF)\n"
            continue
        text = path.read_text(encoding="utf-8")
        if relative.endswith(".json"):
            text = json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
        elif relative.endswith(".html") and "<article" in text:
            text = page_view(text)
        out[relative] = text
    return out


_CHROME = [("title", r"<title>(.*?)</title>"), ("language", r'<html[^>]*\slang="([^"]*)"'),
           ("robots", r'<meta name="robots" content="([^"]*)">'),
           ("canonical", r'<link rel="canonical" href="([^"]*)">'),
           ("skip link", r'<a href="([^"]*)" class="md-skip">')]


class _Navigation(HTMLParser):
    """The links of a page's primary navigation and of its table of contents (the sidebar's),
    each with its depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.navigation: list[str] = []
        self.contents: list[str] = []
        self._navs: list[str] = []
        self._lists = 0
        self._link: list[str] | None = None
        self._sidebar = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "div" and a.get("data-md-type") == "toc":
            self._sidebar = True
        if tag == "nav":
            self._navs.append("primary" if "md-nav--primary" in classes else
                              "secondary" if "md-nav--secondary" in classes else "nav")
        if tag == "ul" and self._sidebar:
            self._lists += 1
        if tag == "a" and "md-nav__link" in classes and self._navs:
            if "secondary" not in self._navs:
                current = " (current)" if a.get("aria-current") else ""
                self._link = [self.navigation, f"{a['href']}", current]
            elif self._sidebar:
                lang = f" (lang {a['lang']})" if a.get("lang") else ""
                self._link = [self.contents, f"{'  ' * (self._lists - 1)}{a['href']}", lang]
            if self._link is not None:
                self._link.append("")

    def handle_endtag(self, tag):
        if tag == "nav" and self._navs:
            self._navs.pop()
        if tag == "ul" and self._sidebar:
            self._lists -= 1
        if tag == "a" and self._link is not None:
            target, href, current, text = self._link
            target.append(f"{href} {' '.join(text.split())}{current}")
            self._link = None

    def handle_data(self, data):
        if self._link is not None:
            self._link[3] += data


def page_view(html: str) -> str:
    """A built page as the golden files keep it: what privacykit put into the theme."""
    lines = [f"{name}: {_first(pattern, html)}" for name, pattern in _CHROME]
    links = _Navigation()
    links.feed(html)
    lines += ["navigation:", *(f"  {line}" for line in links.navigation)]
    lines += ["table of contents:", *links.contents]
    body = html[html.index("<article"):html.index("</article>") + len("</article>")]
    kept = [line.rstrip() for line in body.splitlines()]
    # Templates leave runs of blank lines; one is as readable and says the same.
    kept = [line for i, line in enumerate(kept) if line or (i and kept[i - 1])]
    return "\n".join(lines) + "\n---\n" + "\n".join(kept) + "\n"


def _first(pattern: str, text: str) -> str:
    match = re.search(pattern, text, flags=re.S)
    return match.group(1) if match else "(none)"


def differences(actual: dict[str, str], expected_dir: Path = EXPECTED, limit: int = 400) -> str:
    """A readable report of how `actual` differs from the golden files ('' when equal)."""
    expected = {p.relative_to(expected_dir).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(expected_dir.rglob("*")) if p.is_file()} if expected_dir.exists() else {}
    report = [f"published but not in the golden files: {path}" for path in sorted(set(actual) - set(expected))]
    report += [f"in the golden files but not published: {path}" for path in sorted(set(expected) - set(actual))]
    for path in sorted(set(actual) & set(expected)):
        if actual[path] != expected[path]:
            report += list(difflib.unified_diff(expected[path].splitlines(), actual[path].splitlines(),
                                                f"golden/{path}", f"built/{path}", lineterm="", n=2))
    if len(report) > limit:
        report = [*report[:limit], f"... and {len(report) - limit} more lines"]
    return "\n".join(report)


def write_expected(actual: dict[str, str], expected_dir: Path = EXPECTED) -> None:
    """Replace the golden files with `actual` (`make golden`)."""
    if expected_dir.exists():
        shutil.rmtree(expected_dir)
    for path, text in actual.items():
        target = expected_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
