"""Content YAML read through the C parser gives what the pure-Python round-trip loader gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from privacykit.errors import ContentError
from privacykit.load.frontmatter import split_front_matter
from privacykit.load.yamlio import load_yaml

ROOT = Path(__file__).resolve().parent.parent


def _content_yaml() -> list[tuple[str, str, int]]:
    """(name, YAML text, line offset) of every YAML file and front matter of the example, the golden
    project and the detector's regression cases."""
    found = []
    cases = [ROOT / "tests/classify" / name for name in ("cases.yml", "edits.yml", "probes.yml", "triggers.yml")]
    for path in sorted([*ROOT.glob("statements/**/*"), *ROOT.glob("tests/golden/**/*"), *cases]):
        if not path.is_file() or path.suffix not in (".yml", ".yaml", ".md"):
            continue
        text = path.read_text("utf-8", errors="replace")
        if path.suffix == ".md":
            if not text.startswith("---\n") or "\n---" not in text[3:]:
                continue
            text = text[4:text.index("\n---", 3) + 1]
        found.append((path.relative_to(ROOT).as_posix(), text, 1 if path.suffix == ".md" else 0))
    return found


def _positions(node, where="$") -> list:
    """Every value with its type and the line and column of every key and item, depth first."""
    if isinstance(node, CommentedMap):
        out = [(where, "map", node.lc.line, node.lc.col)]
        for key, value in node.items():
            out.append((f"{where}.{key}", "key", *node.lc.key(key)))
            out.extend(_positions(value, f"{where}.{key}"))
        return out
    if isinstance(node, CommentedSeq):
        out = [(where, "seq", node.lc.line, node.lc.col)]
        for i, value in enumerate(node):
            out.append((f"{where}[{i}]", "item", *node.lc.item(i)))
            out.extend(_positions(value, f"{where}[{i}]"))
        return out
    return [(where, type(node).__name__, node)]


def _read(text: str, name: str, offset: int, **options):
    try:
        return _positions(load_yaml(text, name, offset, **options))
    except ContentError as exc:
        return [str(p) for p in exc.problems]


def test_every_content_file_reads_the_same_through_the_c_parser():
    files = _content_yaml()
    assert len(files) > 100
    differing = [name for name, text, offset in files
                 if _read(text, name, offset) != _read(text, name, offset, comments=True)]
    assert differing == []


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n",                                  # duplicate key
    "a: &x 1\nb: *x\n",                              # alias
    "a: !!python/object x\n",                        # tag
    "a: [1, 2\nb: c\n",                              # syntax error
    "a:\n\tb: 1\n",                                  # tab
    "a:\n  - 1\n - 2\n",                             # indentation
    "a: " + "[" * 60 + "]" * 60 + "\n",              # too deep
    'a: "x\\ey"\n',                                  # control character
    "a: " + "9" * 5000 + "\n",                       # number too long
    "%YAML 1.1\n---\na: yes\n",                      # YAML 1.1 reads yes as true
    "a: yes\nb: 0x1F\nc: 1_000\nd: 2024-01-01\ne: |\n  kept\nf: 'q'\ng: 1.5\nh: ~\n",
])
def test_bad_and_unusual_yaml_reads_the_same(text):
    assert _read(text, "x.yml", 1) == _read(text, "x.yml", 1, comments=True)


def test_front_matter_reads_the_same_through_the_c_parser():
    text = "---\ntitle: Cookies\nregions:\n  only: [eu, uk]\ndeclares:\n  data_categories: [user.device]\n---\nBody\n"
    fast = split_front_matter(text, "cookies.md")
    assert _positions(fast.meta) == _positions(load_yaml(text.split("---\n")[1], "cookies.md", 1, comments=True))


def test_one_scan_finds_where_front_matter_ends():
    """`front_matter_end` is the one scan for the closing line (`---` or `...`): the section reader, the
    override stamp and the release notes' line for `translations:` agree on it."""
    from privacykit.load.frontmatter import front_matter_end
    from privacykit.translate.status import notes_line

    assert front_matter_end(["---", "title: T", "...", "Body", "---"]) == 2
    assert front_matter_end(["---\r", "title: T\r", "---\r", "Body"]) == 2
    assert front_matter_end(["title: T", "---"]) is None and front_matter_end(["---", "title: T"]) is None
    text = "---\nsummary: S\nacknowledge: []\n---\nNotes\n"
    assert notes_line(None, text) == 4 and notes_line(None, "Notes\n") is None
    assert split_front_matter(text, "notes.md").body_line == 5
