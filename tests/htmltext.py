"""Visible text of HTML pages, for comparing what readers see."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class _Text(HTMLParser):
    SKIP = frozenset({"script", "style", "nav"})

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP or ("class", "headerlink") in attrs:
            self.skipping.append(tag)

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def visible_words(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts)).split()


def statement_body(page_html: str) -> str:
    """The statement part of a built page (inside Material's article, without the chrome)."""
    start = page_html.index('<div class="pk-statement"')
    return page_html[start:page_html.index("</article>", start)]
