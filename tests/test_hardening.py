"""Hostile content, sandbox escapes, YAML bombs, paths, and fuzzed loader and redline."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privacykit.changes.redline import reading, rebuild, redline
from privacykit.cli import cli
from privacykit.errors import ContentError
from privacykit.load.project import load_project
from privacykit.mkdocs.build import build_site
from privacykit.model.document import ResolvedDocument, ResolvedGroup, ResolvedSection
from privacykit.testing.plugin import write_project

HOSTILE = [
    "<script>alert('x01')</script>",
    "<img src=x onerror=alert('x02')>",
    "<a href=\"javascript:alert('x03')\">click</a>",
    "[click](javascript:alert('x04'))",
    "![img](javascript:alert('x05'))",
    "<iframe src=\"https://evil.example/x06\"></iframe>",
    "<object data=\"evil.swf\">x07</object>",
    "<embed src=\"evil.swf\" title=\"x08\">",
    "<svg onload=alert('x09')>",
    "<svg><script>alert('x10')</script></svg>",
    "<div style=\"background:url(javascript:alert('x11'))\">text</div>",
    "<p style=\"width: expression(alert('x12'))\">text</p>",
    "<a href=\"&#106;avascript:alert('x13')\">entity</a>",
    "<a href=\"jav&#x09;ascript:alert('x14')\">tab</a>",
    "[x15](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<a href=\"data:text/html,<script>alert('x16')</script>\">data</a>",
    "<body onload=alert('x17')>",
    "<input autofocus onfocus=alert('x18')>",
    "<details open ontoggle=alert('x19')>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('x20')>",
    "<form action=\"javascript:alert('x21')\"><button>x</button></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('x22')\">",
    "<link rel=stylesheet href=\"javascript:alert('x23')\">",
    "<base href=\"javascript:alert('x24')//\">",
    "<a href=\" javascript:alert('x25')\">space</a>",
    "[x26](JaVaScRiPt:alert('x26'))",
    "<scr<script>ipt>alert('x27')</script>",
    "<img src=\"x\" alt=\"x28\" onmouseover=\"alert('x28')\">",
    "<a href=\"vbscript:msgbox('x29')\">vb</a>",
    "[ref][x31]\n\n[x31]: javascript:alert('x31')",
    "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert('x32')\">hex</a>",
    "<IMG SRC=JaVaScRiPt:alert('x33')>",
]
MARKERS = [f"x{n:02d}" for n in range(1, 37)]
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "svg", "math", "form", "meta", "base", "input", "style",
                  "link", "body", "details"}


class HostileScanner(HTMLParser):
    """Finds any hostile payload that survived as markup (text content is harmless)."""

    def __init__(self, markers):
        super().__init__(convert_charrefs=True)
        self.markers = markers
        self.found: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = (value or "").lower()
            if name.startswith("on") and any(m in value for m in self.markers):
                self.found.append(f"<{tag} {name}=…>")
            if re.sub(r"[\s\x00-\x1f]", "", value).startswith(("javascript:", "vbscript:", "data:text")):
                self.found.append(f"<{tag} {name}={value[:30]}>")
            if "expression(" in value:
                self.found.append(f"<{tag} style=expression>")
        if tag in DANGEROUS_TAGS and any(m in " ".join(v or "" for _, v in attrs) for m in self.markers):
            self.found.append(f"<{tag}>")
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.stack and self.stack[-1] in ("script", "style") and any(m in data for m in self.markers):
            self.found.append(f"<{self.stack[-1]}> with payload")


def scan(html: str) -> list[str]:
    scanner = HostileScanner(MARKERS)
    scanner.feed(html)
    return scanner.found


def hostile_project(root: Path) -> Path:
    body = "\n\n".join(HOSTILE) + "\n\n{{ '<script>alert(\"x30\")</script>' }}\n"
    write_project(root, {
        "statements/web/sections/cookies.md": "---\ntitle: Cookies <script>x34</script>\nowner: legal\n---\n" + body,
        "statements/web/apps/widget.md": ("---\ntitle: Widget\nowner: apps\napp: {name: Widget, platforms: [web]}\n"
                                          "---\n" + body),
        "statements/regions.yml": ("regions:\n  global: {name: \"Global <img src=x onerror=alert('x36')>\"}\n"
                                   "  us: {name: United States, parent: global}\n"),
        "statements/web/statement.yml": ("title: \"Example <script>alert('x35')</script>\"\n"
                                         "variables: {company: Example, privacy_email: a@example.com}\n"
                                         "outline:\n  - heading: Collect\n"
                                         "    sections: [account, cookies, {apps: [widget]}, contact]\n"),
        "statements/web/sections/apps.md": "---\ntitle: Apps\nowner: legal\n---\nOur apps.\n",
        "site-src/.gitkeep": "",
        "mkdocs.yml": "site_name: T\ndocs_dir: site-src\ntheme: {name: material}\nplugins: [privacykit]\n",
    })
    return root


def test_hostile_catalogue_never_reaches_readers(tmp_path):
    assert len(HOSTILE) >= 25
    root = hostile_project(tmp_path / "p")
    result = CliRunner().invoke(cli, ["release", "--root", str(root), "web", "--effective", "2024-01-01"])
    assert result.exit_code == 0, result.output
    site = build_site(root / "mkdocs.yml", root / "site", build_date="2024-02-01")
    checked = 0
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            assert scan(path.read_text()) == [], path
            checked += 1
        elif path.suffix == ".json" and "api" in path.parts:
            for section in json.loads(path.read_text()).get("sections", []):
                assert scan(section["html"]) == [], path
    assert checked > 10
    fragment = (site / "fragments/web/us/latest/widget.html").read_text()
    assert scan(fragment) == [] and "<script" not in fragment.lower() and "<iframe" not in fragment.lower()
    # The scanner itself finds what it is meant to find.
    assert scan(HOSTILE[1]) and scan(HOSTILE[2]) and scan(HOSTILE[0])


SANDBOX = [
    ("{{ ''.__class__.__mro__ }}", "access to attribute '__class__' is not allowed in content"),
    ("{{ cycler.__init__.__globals__ }}", "access to attribute '__init__' is not allowed in content"),
    ("{{ region.__class__.__init__.__globals__ }}", "access to attribute '__class__' is not allowed in content"),
    ("{{ ''.__class__.__subclasses__() }}", "access to attribute '__class__' is not allowed in content"),
    ("{{ '{0.__class__}'.format(company) }}", "access to attribute '__class__' is not allowed in content"),
    ("{{ (company|attr('__class__')) }}", "access to attribute '__class__' is not allowed in content"),
    ("{{ self._TemplateReference__context }}", "access to attribute '_TemplateReference__context' is not allowed"),
    ("{% for x in range(100000000) %}{% endfor %}", "range() larger than 10000 is not allowed in content"),
    ("{{ 'a' * 10000000000 }}", "repeating text that much is not allowed in content"),
    ("{{ 9 ** 99999999 }}", "exponents above 64 are not allowed in content"),
]


@pytest.mark.parametrize("template, message", SANDBOX, ids=[t for t, _ in SANDBOX])
def test_sandbox_escapes_fail_with_a_clear_line(statement_project, template, message):
    root = statement_project({"statements/web/sections/contact.md": f"---\ntitle: Contact\n---\nLine.\n{template}\n"})
    result = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert result.exit_code == 1
    (line,) = result.output.splitlines()
    assert line.startswith("statements/web/sections/contact.md:5: ") and message in line


YAML_CASES = [
    ("billion laughs", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
     "statements/regions.yml:1: YAML anchors and aliases are not allowed; write the value out in full"),
    ("object tag", "regions: !!python/object/apply:os.system ['echo owned']\n",
     "statements/regions.yml:1: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed; "
     "remove the tag; plain values are enough"),
    ("duplicate key", "regions:\n  global: {name: Global}\n  global: {name: Again}\n",
     "statements/regions.yml:3: duplicate key \"global\"; keep one of the two entries"),
    ("oversized", "regions:\n  global: {name: Global}\n# " + "x" * 1_000_100 + "\n",
     "statements/regions.yml: file is 1,000,137 bytes, over the limit of 1,000,000; split it into smaller sections"),
]


@pytest.mark.parametrize("name, text, message", YAML_CASES, ids=[c[0] for c in YAML_CASES])
def test_hostile_yaml_is_refused(statement_project, name, text, message):
    root = statement_project({"statements/regions.yml": text})
    result = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == message


@pytest.mark.parametrize("files, message", [
    ({"statements/web/sections/sección.md": "---\ntitle: X\n---\nX.\n"},
     "statements/web/sections/sección.md: invalid section file name 'sección.md'"),
    ({"statements/web/sections/contact.ＵＳ.md": "---\ntitle: X\n---\nX.\n"},
     "statements/web/sections/contact.ＵＳ.md: invalid section file name 'contact.ＵＳ.md'"),
    ({"statements/regions.yml": "regions:\n  global: {name: G}\n  ../etc: {name: Escape, parent: global}\n"},
     "statements/regions.yml:3: invalid region id '../etc'"),
    ({"statements/Web Site/statement.yml": "title: T\noutline: []\n"},
     "statements/Web Site: invalid statement id 'Web Site'"),
    ({"versions/web/../../../etc/manifest.yml": None, "versions/web/latest/manifest.yml": "statement: web\n"},
     "versions/web/latest: not a release folder"),
])
def test_paths_that_could_escape_are_refused(statement_project, files, message):
    root = statement_project({k: v for k, v in files.items() if v is not None})
    command = ["verify"] if any(k.startswith("versions/") for k in files) else ["check"]
    result = CliRunner().invoke(cli, [*command, "--root", str(root)])
    assert result.exit_code == 1
    assert any(line.startswith(message) for line in result.output.splitlines()), result.output


def test_symlinked_section_is_refused(statement_project, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret\n---\nsecret\n")
    root = statement_project()
    (root / "statements/web/sections/leak.md").symlink_to(secret)
    result = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert "statements/web/sections/leak.md: section files may not be symbolic links; copy the file instead" \
        in result.output


def test_release_and_diff_refuse_path_like_versions(statement_project):
    root = statement_project()
    result = CliRunner().invoke(cli, ["release", "--root", str(root), "web", "--effective", "../../etc"])
    assert result.output == ("--effective: invalid --effective '../../etc': expected YYYY-MM-DD; "
                             "write the date as YYYY-MM-DD\n")
    result = CliRunner().invoke(cli, ["diff", "--root", str(root), "web", "../../etc", "draft"])
    assert result.exit_code == 1 and "no version '../../etc'" in result.output


# -- fuzzing -------------------------------------------------------------------------------

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
markdown_text = st.text(alphabet=st.sampled_from(list("ab c.\n*-#[]()_{}%:!<>&'\"16é")), max_size=120)


@FUZZ
@given(front=st.text(max_size=80), body=markdown_text)
def test_loader_never_crashes(tmp_path_factory, front, body):
    root = tmp_path_factory.mktemp("fuzz")
    write_project(root, {"statements/web/sections/cookies.md": f"---\n{front}\n---\n{body}"})
    try:
        from privacykit.render.resolve import resolve_all

        resolve_all(load_project(root))
    except ContentError as exc:
        assert all(str(p) and "\n" not in str(p) for p in exc.problems)


def _doc(sections: list[tuple[str, str]]) -> ResolvedDocument:
    return ResolvedDocument("s", "S", "r", "R", "en-US", (ResolvedGroup("g", None),),
                            tuple(ResolvedSection(sid, sid, text, "g") for sid, text in sections))


paragraphs = st.lists(st.sampled_from([
    "We collect your name.", "* Access", "* Erasure", "Children aged 16 and over.", "We do not sell data.",
    "# Heading", "We keep logs for 30 days.", "Contact [us](mailto:a@b.c).", "**Bold** text here.",
    "We may share data with partners.", "Random words go here", "1. First", "2. Second"]), max_size=6)
documents = st.lists(st.tuples(st.sampled_from(["a", "b", "c", "d", "e"]), paragraphs), max_size=5,
                     unique_by=lambda t: t[0]).map(lambda secs: [(sid, "\n\n".join(p) + "\n") for sid, p in secs])


@FUZZ
@given(old=documents, new=documents)
def test_redline_recovers_both_sides(old, new):
    a, b = _doc(old), _doc(new)
    data = json.loads(json.dumps(redline(a, b).to_dict()))
    assert rebuild(data, "old") == reading(a)
    assert rebuild(data, "new") == reading(b)


@FUZZ
@given(doc=documents)
def test_redline_of_a_document_with_itself_is_empty(doc):
    d = _doc(doc)
    result = redline(d, d)
    assert not result.changed and result.summary() == "no changes"


@FUZZ
@given(st.lists(st.sampled_from(["us", "website", "2024-03-05", "changes", "archive"]), max_size=4),
       st.lists(st.sampled_from(["us", "website", "2024-03-05", "changes", "feed.xml"]), max_size=4),
       st.booleans())
def test_relative_links_match_posix_paths(source, target, folder):
    """Links between pages equal what posixpath computes (the fast path must not drift)."""
    import posixpath

    from privacykit.publish.site import relative_url

    from_url = "".join(f"{part}/" for part in source)
    to_url = "/".join(target) + ("/" if folder and target else "")
    expected = posixpath.relpath("/" + to_url, "/" + (from_url or "."))
    expected = "./" if expected == "." else expected + ("/" if to_url.endswith("/") or to_url == "" else "")
    assert relative_url(from_url, to_url) == expected
