"""Hostile content, sandbox escapes, YAML bombs, paths, and fuzzed loader and redline."""

from __future__ import annotations

import hashlib
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
from privacykit.testing.plugin import MINIMAL_PROJECT, write_project

HOSTILE = [
    # Resources from another site tell it who reads the statement (a tracking pixel). First:
    # Markdown's forms are read as Markdown only before the raw HTML blocks further down.
    "![x37](https://tracker.example/p.gif?uid=x37)",
    "<img src=\"//tracker.example/x38.gif\" alt=\"x38\">",
    "<img src=\"/\\tracker.example/x39.gif\" alt=\"x39\">",
    "<img src=\" https://tracker.example/x40.gif\" alt=\"x40\">",
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
    # Last: its unclosed <style> swallows (and so would hide) every payload after it.
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('x20')>",
]
MARKERS = [f"x{n:02d}" for n in range(1, 41)]
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
            if tag == "img" and name == "src" and re.match(r"\s*([a-z][a-z0-9+.-]*:|[/\\]{2})", value):
                self.found.append(f"<img src={value[:30]}> from another site")
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
    assert "tracker.example" not in fragment
    # The scanner itself finds what it is meant to find.
    assert all(scan(next(h for h in HOSTILE if marker in h)) for marker in ("x01", "x02", "x03", "x38", "x39", "x40"))


HOSTILE_GROUP_ID = "collect\"><img src=x onerror=alert('x31')>"
HOSTILE_HEADING = "What do we collect? <img src=x onerror=alert('x32')>"
HOSTILE_ANCHOR = "collect-img-src-x-onerror-alert-x31-" + hashlib.sha256(HOSTILE_GROUP_ID.encode()).hexdigest()[:8]


def hostile_group_site(root: Path, monkeypatch) -> Path:
    """A built site whose outline group has a hostile id and heading.

    The loader should refuse such an id; the site must stay safe even if one got through,
    so the id is put into the project after loading.
    """
    import dataclasses

    import privacykit.publish.build as publish_build

    write_project(root, {"site-src/.keep": "", "mkdocs.yml": (
        "site_name: T\ndocs_dir: site-src\ntheme: {name: material}\nplugins: [search, privacykit]\n")})
    load = publish_build.load_project

    def with_hostile_group(*args, **kwargs):
        project = load(*args, **kwargs)
        web = project.statements["web"]
        outline = (dataclasses.replace(web.outline[0], id=HOSTILE_GROUP_ID, heading=HOSTILE_HEADING),
                   *web.outline[1:])
        statements = dict(project.statements, web=dataclasses.replace(web, outline=outline))
        return dataclasses.replace(project, statements=type(project.statements)(statements))

    import privacykit.commands.release as release_command

    monkeypatch.setattr(publish_build, "load_project", with_hostile_group)
    # Released with the hostile group (a statement with no release is not published at its address).
    monkeypatch.setattr(release_command, "load_project", with_hostile_group)
    released = CliRunner().invoke(cli, ["release", "--root", str(root), "web", "--effective", "2024-01-01"])
    assert released.exit_code == 0, released.output
    return build_site(root / "mkdocs.yml", root / "site", build_date="2024-02-01")


def test_a_hostile_group_id_never_reaches_a_page_unescaped(tmp_path, monkeypatch):
    """Table of contents, headings and the search index all carry a safe anchor made from
    the id, the same in the link and in the heading it links to (the skip link leads to
    the page's title)."""
    site = hostile_group_site(tmp_path / "p", monkeypatch)
    anchor = HOSTILE_ANCHOR
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 4
    for path in pages:
        html = path.read_text()
        assert scan(html) == [], path
        assert "<img src=x" not in html, path
    page = (site / "us/web/index.html").read_text()
    assert f'<h2 id="{anchor}">' in page                                   # the heading
    assert f'href="#{anchor}" class="md-nav__link"' in page                # its table-of-contents entry
    assert '<a href="#__title" class="md-skip">' in page                       # the skip link
    assert page.count("What do we collect? &lt;img src=x onerror=alert(") >= 2     # heading and contents, as text
    index = json.loads((site / "search/search_index.json").read_text())
    locations = [doc["location"] for doc in index["docs"]]
    assert f"us/web/#{anchor}" in locations
    for doc in index["docs"]:
        assert not set(doc["location"]) & set("\"'<> "), doc["location"]
        assert scan(doc["title"]) == [] and "<img" not in doc["title"], doc["title"]


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


# Templates that ask for hours of work, gigabytes of text or endless recursion. Each must fail
# at once with one line; run in a child process with a memory cap and a time-out, so that a
# regression fails this test instead of hanging or exhausting the machine that runs it.
SIMPLIFY = "simplify the template: content needs variables such as {{ company }}, not computation"
WIDTHS = "use widths and counts from 0 to 10,000"
RUNAWAY = {
    "loops": ("{% for a in range(10000) %}{% for b in range(10000) %}{% for c in range(10000) %}"
              "{% endfor %}{% endfor %}{% endfor %}",
              f"template takes more than 100,000 loop steps and calls; {SIMPLIFY}"),
    "powers": ("{{ ((9**64)**64)**64 }}", "template computes a number of more than 100 digits; write long numbers as text"),
    "center": ("{{ 'a'|center(10**9) }}", f"center() width 1000000000 is over the limit of 10,000; {WIDTHS}"),
    "printf": ("{{ '%01000000000d'|format(1) }}", f"a format width 1000000000 is over the limit of 10,000; {WIDTHS}"),
    "str-format": ("{{ '{:>1000000000}'.format(1) }}",
                   f"a format width 1000000000 is over the limit of 10,000; {WIDTHS}"),
    "indent": ("{{ company|indent(10**9) }}", f"indent() width 1000000000 is over the limit of 10,000; {WIDTHS}"),
    "ljust": ("{{ company.ljust(10**9) }}", f"ljust() width 1000000000 is over the limit of 10,000; {WIDTHS}"),
    "doubling": ("{% set s = 'ab' %}" + "{% set s = s ~ s %}" * 30 + "{{ s }}",
                 f"template builds a text of 2,097,152 characters, over the limit of 2,000,000; {SIMPLIFY}"),
    "replace": ("{% set s = company * 1000 %}{{ s|replace('', s) }}",
                f"template builds a text of 144,024,000 characters, over the limit of 2,000,000; {SIMPLIFY}"),
    "join": ("{% set s = 'x' * 1000000 %}{{ range(10000)|join(s) }}",
             f"template builds a text of 9,999,038,890 characters, over the limit of 2,000,000; {SIMPLIFY}"),
    "buffered": ("{% set s = 'x' * 1000000 %}{% set t %}{% for i in range(100) %}{{ s }}{% endfor %}{% endset %}",
                 f"template builds more than 20,000,000 characters of text in all; {SIMPLIFY}"),
    "recursion": ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
                  "macros call each other more than 50 levels deep; "
                  "a macro may not call itself without end; remove the recursion"),
    "parentheses": ("{{ " + "(" * 500 + "1" + ")" * 500 + " }}",
                    "template nests brackets more than 10 levels deep; split it into {% set %} steps"),
    "negations": ("{{ " + "not " * 3000 + "1 }}",
                  "template nests operators more than 10 levels deep; split it into {% set %} steps"),
    "chain": ("{{ " + " + ".join(["1"] * 3000) + " }}",
              "expression chains more than 100 operations; split it into {% set %} steps"),
    "blocks": ("{% if 1 %}" * 200 + "{% endif %}" * 200,
               "template nests blocks more than 10 levels deep; split it into {% set %} steps"),
    "loops-after-set-blocks": ("{% set a %}x{% endset %}" * 30 + "{% for a in [1] %}" * 25 + "{% endfor %}" * 25,
                               "template nests blocks more than 10 levels deep; split it into {% set %} steps"),
    "truncate": ("{{ company|truncate(-5) }}", f"truncate() length -5 is below 0; {WIDTHS}"),
    "literal": ("{{ " + "9" * 5000 + " }}", "number of more than 100 digits; write long numbers as text"),
}


def test_runaway_templates_fail_at_once_with_one_line_each(statement_project):
    import resource
    import subprocess
    import sys

    files = {f"statements/web/sections/r-{name}.md": f"---\ntitle: R\nowner: legal\n---\n{template}\n"
             for name, (template, _) in RUNAWAY.items()}
    outline = ", ".join(f"r-{name}" for name in RUNAWAY)
    files["statements/web/statement.yml"] = ("title: T\nvariables: {company: Example Corp}\noutline:\n"
                                             f"  - heading: H\n    sections: [account, cookies, contact, {outline}]\n")
    root = statement_project(files)

    def two_gigabytes():
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    result = subprocess.run([sys.executable, "-c", "from privacykit.cli import main; main()", "check",
                             "--root", str(root)], capture_output=True, text=True, timeout=300,
                            preexec_fn=two_gigabytes)
    assert result.returncode == 1 and result.stdout == "", result.stderr[-2000:]
    assert result.stderr.splitlines() == sorted(f"statements/web/sections/r-{name}.md:5: {message}"
                                                for name, (_, message) in RUNAWAY.items())


def test_a_template_within_its_budget_renders(statement_project):
    """The budget leaves room for what content does: loops over short lists, filters, formats."""
    template = ("{% for country in ['Brazil', 'China'] %}{{ loop.index }}. {{ country|upper }} {% endfor %}"
                "{{ '%05.1f'|format(3.14159) }} {{ '{:>6}'.format('x') }} {{ company|center(16) }} "
                "{{ 'a b c d e f'|wordwrap(3)|replace('\\n', '/') }} {{ (2 ** 64) * 3 }} "
                "{% macro item(n) %}[{{ n }}]{% endmacro %}{% for n in range(300) %}{{ item(n) if n > 297 }}{% endfor %}")
    root = statement_project({"statements/web/sections/contact.md": f"---\ntitle: Contact\n---\n{template}\n"})
    from privacykit.render.resolve import resolve

    text = resolve(load_project(root), "web", "global").section("contact").markdown
    assert text == ("1. BRAZIL 2. CHINA 003.1      x   Example Corp   a b/c d/e f 55340232221128654848 "
                    "[298][299]\n")


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
    from privacykit.render.resolve import resolve_all

    try:
        resolve_all(load_project(root))
    except ContentError as exc:
        # Each problem names a file of the project and says what is wrong in words, not as a
        # Python object; str() prints it as one line.
        assert exc.problems
        for problem in exc.problems:
            assert problem.file.startswith("statements/") and problem.message.strip(), problem
            assert "Traceback" not in problem.message and " object at 0x" not in str(problem), problem


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

    from privacykit.publish.page import relative_url

    from_url = "".join(f"{part}/" for part in source)
    to_url = "/".join(target) + ("/" if folder and target else "")
    expected = posixpath.relpath("/" + to_url, "/" + (from_url or "."))
    expected = "./" if expected == "." else expected + ("/" if to_url.endswith("/") or to_url == "" else "")
    assert relative_url(from_url, to_url) == expected


# -- content refused by check: one line each, itself safe to print ---------------------------

WIDGET = "---\ntitle: Widget\nowner: apps\napp: {name: Widget, platforms: [web]}\n---\n"
APPS = {"statements/web/statement.yml": ("title: T\nvariables: {company: Example Corp}\noutline:\n  - heading: H\n"
                                         "    sections: [account, cookies, {apps: [widget]}, contact]\n"),
        "statements/web/sections/apps.md": "---\ntitle: Apps\nowner: legal\n---\nOur apps.\n",
        "statements/web/apps/widget.md": WIDGET + "Tap Start.\n"}
CONTROL = "remove it: readers cannot see it, and feeds and terminals break on it"
ELSEWHERE = ("save it in the project's docs folder (the build copies it into the site) and link it by its path "
             "there, or write in words what it shows")
REFUSED = {
    "tracking pixel in an app section": (
        {"statements/web/apps/widget.md": WIDGET + "Tap ![](https://tracker.example/p.gif?uid=1) to start.\n"},
        f"statements/web/apps/widget.md:6: image from another site (https://tracker.example/p.gif?uid=1); {ELSEWHERE}"),
    "protocol-relative image": (
        {"statements/web/apps/widget.md": WIDGET + "Tap Start.\n\n<img src=\"//tracker.example/p.gif\" alt=\"\">\n"},
        f"statements/web/apps/widget.md:8: image from another site (//tracker.example/p.gif); {ELSEWHERE}"),
    "image standing for a word without alt text": (
        {"statements/web/apps/widget.md": WIDGET + "To delete a run, touch ![](/images/menu.png) > Running.\n"},
        "statements/web/apps/widget.md:6: image in a sentence has no alt text; "
        "write the word it stands for as its alt text: ![Menu](…)"),
    "control character in a region name": (
        {"statements/regions.yml": MINIMAL_PROJECT["statements/regions.yml"].replace("Brasil", '"Brasil\\e[2J"')},
        f"statements/regions.yml:11: control character U+001B in a value; {CONTROL}"),
    "bell in a section title": (
        {"statements/web/sections/cookies.md": "---\ntitle: \"Cookies\\a\"\nowner: legal\n---\nText.\n"},
        f"statements/web/sections/cookies.md:2: control character U+0007 in a value; {CONTROL}"),
    "screen-clearing escape in a section": (
        {"statements/web/sections/cookies.md": "---\ntitle: Cookies\n---\nWe sell nothing.\n\n"
                                               "\x1b[2J\x1b[1;1HWe never sold anything.\n"},
        f"statements/web/sections/cookies.md:6: control character U+001B in the text; {CONTROL}"),
    "terminal hyperlink in a section": (
        {"statements/web/sections/cookies.md": "---\ntitle: Cookies\n---\n"
                                               "See \x1b]8;;https://evil.example\x07our policy\x1b]8;;\x07.\n"},
        f"statements/web/sections/cookies.md:4: control character U+001B in the text; {CONTROL}"),
    "eight-bit control sequence in a section": (
        {"statements/web/sections/cookies.md": "---\ntitle: Cookies\n---\nText \x9b2J here.\n"},
        f"statements/web/sections/cookies.md:4: control character U+009B in the text; {CONTROL}"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_content_that_must_not_reach_readers_is_refused_by_check(statement_project, case):
    files, expected = REFUSED[case]
    root = statement_project({**APPS, **files})
    result = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [expected]
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", result.output)


def test_a_release_summary_with_a_control_character_is_refused(statement_project):
    root = statement_project({"statements/web/release-notes.md": "---\nsummary: \"New\\e[2J\"\nacknowledge: []\n---\n"})
    result = CliRunner().invoke(cli, ["release", "--root", str(root), "web", "--effective", "2024-01-10"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"statements/web/release-notes.md:2: control character U+001B in a value; "
                                          f"{CONTROL}"]


def test_the_feed_stays_well_formed_whatever_a_frozen_summary_holds():
    """A release frozen before control characters were refused still gives a valid feed."""
    import datetime as dt
    import xml.etree.ElementTree as ET

    from privacykit.publish.api import VersionEntry
    from privacykit.publish.feeds import atom_feed
    from privacykit.versions.store import Version

    version = Version("web", dt.date(2024, 1, 10), Path("versions/web/2024-01-10"), "versions/web/2024-01-10",
                      summary="We changed\x1b[2J things\x00 & \"more\"\x0c.", regions=("br",))
    feed = atom_feed("web", "Privacy <Statement>\x07", "br", "Bra\x08sil", [VersionEntry(version, "br")],
                     'https://example.com/"x')
    root = ET.fromstring(feed)
    atom = "{http://www.w3.org/2005/Atom}"
    assert root.find(f"{atom}title").text == "Privacy <Statement>\ufffd (Bra\ufffdsil)"
    assert root.find(f"{atom}entry/{atom}summary").text == "We changed\ufffd[2J things\ufffd & \"more\"\ufffd."
    assert root.find(f"{atom}link").get("href") == 'https://example.com/"x/br/web/'


def test_what_commands_print_cannot_drive_the_terminal(statement_project):
    """Text the loader allows (a lone carriage return) is printed as escapes; a bidi override it
    refuses (sec43), naming file and line, with the override shown as an escape."""
    root = statement_project()
    assert CliRunner().invoke(cli, ["release", "--root", str(root), "web", "--effective", "2024-01-10"]).exit_code == 0
    cookies = root / "statements/web/sections/cookies.md"
    cookies.write_text("---\ntitle: Cookies\nowner: legal\n---\nWe use cookies.\n\nWe \u202eevil\u202c sell.\n")
    refused = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert refused.exit_code == 1
    assert "statements/web/sections/cookies.md:7: control character U+202E in the text" in refused.output
    assert "\u202e" not in refused.output
    cookies.write_text("---\ntitle: Cookies\nowner: legal\n---\nWe use cookies to measure visits.\rWe sell it all.\n")
    for fmt in ("md", "html", "json"):
        result = CliRunner().invoke(cli, ["diff", "--root", str(root), "web", "2024-01-10", "draft", "--format", fmt])
        assert result.exit_code == 0, result.output
        assert not re.search("[\r\u202a-\u202e\u2066-\u2069]", result.output), fmt
    json.loads(CliRunner().invoke(cli, ["diff", "--root", str(root), "web", "2024-01-10", "draft",
                                        "--format", "json"]).output)


def test_every_command_prints_through_one_safe_function():
    """`privacykit.terminal.echo` is the only way out to the terminal (new commands included);
    `print` is left to the two maintenance scripts (`python -m …`) that name a file they wrote."""
    package = Path(__file__).resolve().parent.parent / "plugins/privacykit"
    writers = re.compile(r"\bclick\.(echo|secho)\(|\bsys\.std(out|err)\.write\(")
    printers = re.compile(r"^\s*print\(", re.MULTILINE)
    scripts = {"model/vocabulary.py", "publish/schemas.py"}
    found = {path.relative_to(package).as_posix(): path.read_text() for path in package.rglob("*.py")}
    assert "cli.py" in found and scripts <= set(found)
    assert sorted(name for name, text in found.items() if writers.search(text)) == ["terminal.py"]
    assert sorted(name for name, text in found.items() if printers.search(text) and name not in scripts) == []


def test_no_page_or_fragment_of_the_example_loads_anything_from_another_site(example_site):
    """The Moto Body section showed Motorola's menu icon from help.motorola.com; its draft now
    says "Menu", and the frozen release that still holds the image is published without it."""
    pages = sorted(example_site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        found = [f for f in scan(path.read_text("utf-8")) if "another site" in f]
        assert found == [], path
    frozen = (example_site / "fragments/products/us/2024-03-05/moto-body.html").read_text("utf-8")
    assert "help.motorola.com" not in frozen and "To delete a run, touch  &gt; Running." in frozen
    assert "To delete a run, touch Menu &gt; Running." in (example_site / "us/products/draft/index.html").read_text()


def test_a_value_of_a_sign_and_underscores_alone_is_one_line(tmp_path):
    """ruamel.yaml's number reader fails with an IndexError on a plain "-_" (found by the fuzz test)."""
    write_project(tmp_path, {"statements/web/sections/cookies.md": "---\n-_\n---\nText.\n"})
    from privacykit.render.resolve import resolve_all

    with pytest.raises(ContentError) as caught:
        resolve_all(load_project(tmp_path))
    assert "cannot read" in str(caught.value) and "cookies.md" in str(caught.value)


@pytest.mark.parametrize("linked", ["statements/regions.yml", "statements/web/release-notes.md"])
def test_a_content_file_linked_from_outside_is_refused(statement_project, tmp_path, linked):
    # Every content file is opened by one function, which refuses links (sec43): not only sections.
    root = statement_project({"statements/web/release-notes.md": "---\nacknowledged: []\n---\nNotes.\n"})
    outside = tmp_path / "outside"
    (root / linked).rename(outside)
    (root / linked).symlink_to(outside)
    result = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert result.exit_code == 1
    assert f"{linked}: a symbolic link (content files may not be links); copy the file into the project " \
           "instead" in result.output


def test_a_translations_folder_linked_from_outside_is_refused(example_copy, tmp_path):
    folder = example_copy / "statements/website/translations"
    folder.rename(tmp_path / "translations")
    folder.symlink_to(tmp_path / "translations")
    result = CliRunner().invoke(cli, ["check", "--root", str(example_copy)])
    assert result.exit_code == 1
    assert "statements/website/translations: a symbolic link (content folders may not be links)" in result.output


@pytest.mark.parametrize("markup, line, said", [
    ("    <style>code\n\nWe sell your data.\n", 7, "a <style> element left open hides: code We sell your data"),
    ("<math><mtext><table><mglyph><style></style><b>x</b>\n\nWe sell your data.\n\nTo anyone.\n", 7,
     "the sanitizer removes 7 words with the markup around them, from 'x'"),
])
def test_text_the_sanitizer_would_drop_is_warned_of(statement_project, markup, line, said):
    # Nothing is dropped silently (sec43): the reader would never see these words.
    root = statement_project({"statements/web/sections/cookies.md":
                              f"---\ntitle: Cookies\nowner: legal\n---\nWe use cookies.\n\n{markup}"})
    result = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert result.exit_code == 0
    assert f"warning: statements/web/sections/cookies.md:{line}: text readers never see: {said}; close the " \
           "element, or write the markup as text (in backticks)" in result.output
    closed = statement_project({"statements/web/sections/cookies.md":
                                "---\ntitle: Cookies\nowner: legal\n---\nWe use cookies.\n\n<style>p{}</style>\n"})
    # A closed one is dropped whole, and said where it stands (author44).
    assert CliRunner().invoke(cli, ["check", "--root", str(closed)]).output.splitlines()[0] == (
        "warning: statements/web/sections/cookies.md:7: a <style> element is dropped: pages, the legal record and "
        "the redline leave it out; remove it (content is text; the theme styles pages), or write it as text in "
        "backticks")


# -- sec45: a security reviewer's pass --------------------------------------------------------

SITE = {"mkdocs.yml": "site_name: T\ndocs_dir: src\ntheme: {name: material}\nplugins: [privacykit]\n",
        "src/.keep": ""}


def test_a_link_in_the_pages_folder_never_publishes_what_it_points_to(statement_project, tmp_path):
    """MkDocs follows links in docs_dir and copies their target into the site: a committed link to
    /proc/self/environ published the build's environment (a CI job's tokens), one to .git/config the
    checkout's credentials. The build refuses each link, one line each, and publishes nothing."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=sekrit\n")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/notes.txt").write_text("TOKEN=sekrit\n")
    root = statement_project(SITE)
    assert CliRunner().invoke(cli, ["release", "--root", str(root), "web", "--effective", "2024-01-10"]).exit_code == 0
    (root / "src/leak.txt").symlink_to(secret)
    (root / "src/environ.txt").symlink_to("/proc/self/environ")
    (root / "src/folder").symlink_to(tmp_path / "outside")
    said = "a symbolic link (the site would publish the {0} it points to, from the machine that builds it); " \
           "copy the {0} into src/ instead"
    # `check` (the pull request's gate) says it before the merge; `build` refuses it in any case.
    for command in ("check", "build"):
        result = CliRunner().invoke(cli, [command, "--root", str(root)])
        assert result.exit_code == 1
        assert result.output.splitlines() == [f"src/environ.txt: {said.format('file')}",
                                              f"src/folder: {said.format('folder')}",
                                              f"src/leak.txt: {said.format('file')}"], command
    assert not (root / "site").exists()
    # The same files, copied in, are published.
    for name in ("leak.txt", "environ.txt", "folder"):
        (root / "src" / name).unlink()
    (root / "src/leak.txt").write_text("public\n")
    assert CliRunner().invoke(cli, ["check", "--root", str(root)]).exit_code == 0
    assert CliRunner().invoke(cli, ["build", "--root", str(root)]).exit_code == 0
    assert (root / "site/leak.txt").read_text() == "public\n"


@pytest.mark.parametrize("body, line, said", [
    ("".join("    " * i + "- item\n" for i in range(600)), 26,
     "lists or quotes nested 21 levels deep, over the limit of 20; flatten them: a statement needs a few levels"),
    ("".join("> " * i + "quoted\n\n" for i in range(1, 400)), 45,
     "lists or quotes nested 21 levels deep, over the limit of 20; flatten them: a statement needs a few levels"),
    ("Intro.\n\n" + "[" * 50_000 + "x" + "]" * 50_000 + "\n", 7,
     "50,000 '[' in one paragraph, over the limit of 500; split the paragraph, or write the brackets as \\["),
    ("Intro.\n\n" + "[x](" * 5_000 + "\n", 7,
     "5,000 '[' in one paragraph, over the limit of 500; split the paragraph, or write the brackets as \\["),
], ids=["nested list", "nested quotes", "nested brackets", "open links"])
def test_markdown_that_would_stop_every_build_is_refused_before_release(statement_project, body, line, said):
    """A 600-level list passed check and release, then every build failed on a RecursionError (an
    "internal error"), with the text frozen in the signed history; 50,000 brackets in a paragraph took
    Python-Markdown hours. `check` and `release` refuse both in one line, at once."""
    import time

    root = statement_project({"statements/web/sections/cookies.md": f"---\ntitle: Cookies\nowner: legal\n---\n{body}"})
    started = time.monotonic()
    for command in (["check"], ["release", "web", "--effective", "2024-01-10"]):
        result = CliRunner().invoke(cli, [command[0], "--root", str(root), *command[1:]])
        assert result.exit_code == 1
        assert result.output.splitlines() == [f"statements/web/sections/cookies.md:{line}: {said}"]
    assert time.monotonic() - started < 60
    assert not (root / "versions/web").exists()


def test_markup_within_the_limits_converts(statement_project):
    """Twenty levels and 500 brackets a paragraph are left to Python-Markdown (a few tenths of a second)."""
    from privacykit.render.markdown import MAX_BRACKETS, MAX_NESTING, markup_problems

    nested = "".join("    " * i + "- item\n" for i in range(MAX_NESTING + 1))
    links = " ".join(["[us](#contact)"] * MAX_BRACKETS) + "\n"
    assert markup_problems(nested, "s.md", 1) == [] and markup_problems(links, "s.md", 1) == []
    assert markup_problems(nested.replace("- item\n", "- item\n" + "    " * (MAX_NESTING + 1) + "- deeper\n", 1),
                           "s.md", 5)[0].line == 6
    assert markup_problems(links + "\n" + links.replace("[us]", "\\[us\\]"), "s.md", 1) == []
    root = statement_project({"statements/web/sections/cookies.md": f"---\ntitle: Cookies\nowner: legal\n---\n{nested}"})
    assert CliRunner().invoke(cli, ["check", "--root", str(root)]).exit_code == 0


def test_the_example_workflow_gives_a_fork_s_pull_request_no_write_token_and_still_its_report():
    """Under `pull_request` a fork's run gets a read-only token: the comment step failed its check, the
    push to "fix" that being `pull_request_target`, which runs the fork's code with a write token and the
    secrets. The workflow stays on `pull_request`, comments only on the repository's own branches, and puts
    the report on the run's summary for every pull request."""
    from ruamel.yaml import YAML

    root = Path(__file__).resolve().parent.parent
    workflow = YAML(typ="safe").load((root / "docs/ci-workflow.yml").read_text())
    triggers = workflow.get("on") or workflow.get(True)     # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and "pull_request_target" not in triggers
    assert workflow["permissions"] == {"contents": "read"}
    steps = workflow["jobs"]["check"]["steps"]
    gate = next(i for i, step in enumerate(steps) if step.get("id") == "gate")
    summary = next(i for i, step in enumerate(steps) if "$GITHUB_STEP_SUMMARY" in step.get("run", ""))
    comment = next(i for i, step in enumerate(steps) if "sticky-pull-request-comment" in step.get("uses", ""))
    assert gate < summary < comment and "report.md" in steps[summary]["run"]
    assert steps[comment]["if"] == "github.event.pull_request.head.repo.full_name == github.repository"
    # No value a pull request's author writes (title, branch, body) is pasted into a script.
    assert not re.search(r"\$\{\{\s*github\.(event\.pull_request|head_ref)", (root / "docs/ci-workflow.yml").read_text())


def test_the_example_workflow_pins_every_action_by_its_commit():
    """A tag (`actions/checkout@v4`) is moved to other code by whoever controls the action's repository, and the
    workflow's publishing job runs it with a token that writes the site: every action is pinned by its full
    commit id, with the release it is named beside it for whoever updates it."""
    from ruamel.yaml import YAML

    root = Path(__file__).resolve().parent.parent
    text = (root / "docs/ci-workflow.yml").read_text()
    workflow = YAML(typ="safe").load(text)
    used = [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert len(used) >= 6
    assert [u for u in used if not re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u)] == []
    assert all(re.search(r"@[0-9a-f]{40}  # v\d+\.\d+\.\d+", line) for line in text.splitlines() if "uses:" in line)


def test_a_fragment_page_runs_nothing_even_if_markup_got_past_the_sanitizer(tmp_path, browser):
    """The standalone fragment page is what an app's webview holds, often with a bridge to the app's code.
    Its Content-Security-Policy is the second wall (sec45): markup that got past the sanitizer (put into
    the page after it here) runs no script, loads nothing from another site and posts no form, while the
    page's own stylesheet and its site's images still work."""
    from browsing import serving
    from privacykit.publish.fragments import fragment_page

    document = _doc([("widget", "Tap Start.\n")])
    bypass = ('<section class="pk-fragment"><style>.pk-fragment{color:rgb(1, 2, 3)}</style><h2>Widget</h2>'
              '<p>Tap Start.</p><img src="/menu.png" alt="menu" id="own">'
              "<img src=x onerror=\"document.title='handler ran'\">"
              "<script>document.title='script ran'</script>"
              '<img src="http://127.0.0.2:9/pixel.gif" id="pixel">'
              '<iframe srcdoc="<script>parent.document.title=1</script>"></iframe></section>\n')
    page = fragment_page(bypass, document.sections[0], document)
    (tmp_path / "widget.page.html").write_text(page)
    (tmp_path / "menu.png").write_bytes(bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"))
    tab = browser.new_page()
    refused: list[str] = []
    tab.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text
           else None)
    with serving(tmp_path) as address:
        tab.goto(f"{address}/widget.page.html")
        tab.wait_for_load_state("load")
        assert tab.title() == "widget \u2013 S"   # neither script renamed the page
        assert tab.evaluate("getComputedStyle(document.querySelector('.pk-fragment')).color") == "rgb(1, 2, 3)"
        assert tab.evaluate("document.getElementById('own').naturalWidth") == 1
        assert tab.evaluate("document.getElementById('pixel').naturalWidth") == 0
    tab.close()
    assert len(refused) >= 3, refused
