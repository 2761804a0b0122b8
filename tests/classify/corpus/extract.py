"""Candidate section changes and document pairs from the real policy histories, and the labelled sets.

    python tests/classify/corpus/extract.py candidates [SERVICE...]   # print candidate pairs as YAML
    python tests/classify/corpus/extract.py build                     # write dev.yml, test.yml, documents-*.yml

`candidates` splits every version of a service in ../shared/corpus/privacy-policies into sections at
its headings, aligns the sections of consecutive versions (by heading text, else by content) and
prints every section whose text differs, trimmed to the changed paragraphs with one paragraph of
context each side; a change already seen in an earlier pair is printed once, with the later pairs
named under `also`. `build` joins those candidates with the labels written by hand in `labels/`
(real changes and document pairs, one file per service) and `synthetic/` (edits written on real
text), checks that every candidate has exactly one label, and writes the dev and test halves. The
extraction is deterministic, so the same corpus always gives the same ids.

The whole-document revisions written blind (`revisions-dev.yml`, `revisions-test.yml` and the edit
scripts in `revisions/`) are not built here: they are written by hand and read by `evaluate.py`.
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "privacy-policies"
CORPUS_REF = "../shared/corpus/privacy-policies"  # how the document files name the corpus

# The split is by service, fixed before any tuning: the detector is tuned on `dev` only.
DEV_SERVICES = ("LinkedIn", "Quora", "Reddit", "Spotify")
TEST_SERVICES = ("Pinterest", "Snapchat", "Telegram", "Twitch")
# The Lenovo seed's synthetic edits are split by the section they edit.
LENOVO_SOURCE = "lenovo"
# Edits written and labelled blind (seed and own text), kept on the development side whole.
WRITTEN_SOURCE = "written"
LABELS = ("editorial", "material-notify", "material-consent")

# A capture shorter than this is an error page of the archive's crawler, not a version of the policy.
MIN_POLICY_CHARS = 1000
# Sections longer than this keep only their changed paragraphs and one paragraph of context.
TRIM_ABOVE_CHARS = 1800
GAP = "[…]"

ATX = re.compile(r"^(#{1,6})[ \t]*(.*?)[ \t#]*$")
SETEXT_RULE = re.compile(r"^(=+|-+)[ \t]*$")
LIST_OR_QUOTE = re.compile(r"^\s*([*+>|-]|\d+[.)])\s")


@dataclass
class Section:
    """One heading and the text under it, as written in the version."""

    heading: str
    lines: list[str] = field(default_factory=list)
    plain: bool = False  # the heading is a plain or bold line, not Markdown heading markup

    @property
    def text(self) -> str:
        return "\n".join(self.lines).strip("\n")

    @property
    def key(self) -> str:
        return heading_key(self.heading)


@dataclass
class Candidate:
    """A section whose text differs between two consecutive versions of a service."""

    id: str
    service: str
    old_file: str
    new_file: str
    heading: str
    old: str
    new: str
    also: list[str] = field(default_factory=list)
    pairs: list[str] = field(default_factory=list)  # every version pair the change occurs in, first one first

    @property
    def source(self) -> str:
        return f"corpus {self.service} {stamp(self.old_file)} -> {stamp(self.new_file)}, section “{self.heading}”"


def stamp(file_name: str) -> str:
    """The capture time of a corpus file, as written in its name (2023-05-08T085342Z)."""
    return Path(file_name).stem


def heading_key(heading: str) -> str:
    """A heading reduced to its words: no links, emphasis, numbering or punctuation."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    text = re.sub(r"[*_`\\]", "", text)
    text = re.sub(r"^\s*(\d+(\.\d+)*\.?|[ivx]+\.)\s+", "", text.lower())
    return " ".join(re.findall(r"\w+", text))


def language(text: str) -> str:
    """English or German, by the commonest conjunction: the archive switched Telegram to German."""
    return "de" if len(re.findall(r"\bund\b", text)) > len(re.findall(r"\band\b", text)) else "en"


def is_policy(text: str) -> bool:
    """False for the crawler's error pages ("We're all mixed up"), true for a captured policy."""
    return len(text.strip()) >= MIN_POLICY_CHARS


def split_sections(text: str) -> list[Section]:
    """Split a Markdown policy at its headings.

    Headings are ATX (`## x`, and an empty `### ` whose title is the next line), setext (a line
    underlined with === or ---), and a short one-line paragraph with no closing punctuation (Quora
    and Pinterest write some headings as plain lines; a policy's captures do not always agree on
    the markup, so every capture is split by the same rules).
    Headings inside list items are not read here, though the tool reads them (`policy._list_item_headings`,
    fold26): LinkedIn's captures up to 2025-04 nest theirs in a numbered list, and reading them would move 23
    labelled development ids (the "table-of-contents" ones among them) and give 2 others other texts.
    """
    lines = text.splitlines()
    sections = [Section("(preamble)")]
    i = 0
    while i < len(lines):
        line = lines[i]
        heading, plain = None, False
        start = i
        atx = ATX.match(line)
        if atx:
            heading = atx.group(2)
            if not heading.strip():
                # An empty ATX heading is followed by its title as a plain line.
                j = i + 1
                while j < len(lines) and not lines[j].strip():
                    j += 1
                if j < len(lines) and len(lines[j]) <= 120:
                    heading, i = lines[j].strip(), j
        elif (
            i + 1 < len(lines)
            and line.strip()
            and SETEXT_RULE.match(lines[i + 1])
            and not LIST_OR_QUOTE.match(line)
            and (i == 0 or not lines[i - 1].strip())
        ):
            heading = line.strip()
            i += 1
        elif is_plain_heading(lines, i):
            heading, plain = line.strip().strip("*_").strip(), True
        if heading is not None:
            # The section keeps its heading as written (an ATX heading's own lines, a setext title without its rule).
            sections.append(Section(heading.strip(), lines[start : i + 1] if atx else [line.strip()], plain))
            i += 1
            continue
        sections[-1].lines.append(line)
        i += 1
    # A plain line with nothing under it before the next heading is a line of an address block.
    merged: list[Section] = []
    for section in sections:
        if merged and merged[-1].plain and not "\n".join(merged[-1].lines[1:]).strip():
            last = merged.pop()
            if merged:
                merged[-1].lines += ["", *last.lines]
            else:
                section.lines = [*last.lines, "", *section.lines]
        merged.append(section)
    if not merged[0].text.strip():
        merged.pop(0)
    return merged


def is_plain_heading(lines: list[str], i: int) -> bool:
    """A one-line paragraph of a few capitalised words without closing punctuation, plain or bold.

    Nearly the tool's rule (`privacykit.changes.policy._plain_headings`), which also refuses a line closing with
    "?" or "!" and a label's line ("Attn: Privacy"): this one is kept, since the labelled ids are keyed by the
    headings it finds and the tool's rule would move some (fold24)."""
    line = lines[i].strip()
    if re.fullmatch(r"(\*\*|__).+\1", line):
        line = line[2:-2].strip()
    alone = (i == 0 or not lines[i - 1].strip()) and (i + 1 >= len(lines) or not lines[i + 1].strip())
    return (
        alone
        and 0 < len(line) <= 70
        and line[0].isupper()
        and not line.endswith((".", ":", ";", ",", ")"))
        and not LIST_OR_QUOTE.match(line)
        and "](" not in line
        and not re.search(r"\d{3}", line)  # street and postcode lines of an address
    )


def align(old: list[Section], new: list[Section]) -> Iterator[tuple[Section | None, Section | None]]:
    """Pair the sections of two versions: by heading words, then the rest by content.

    The content pass runs over every section left unpaired, wherever it stands, so a section
    that moved or was renamed still meets its old self. Sections left without a partner are
    added or removed sections.
    """
    matcher = difflib.SequenceMatcher(None, [s.key for s in old], [s.key for s in new], autojunk=False)
    pairs: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.update(zip(range(i1, i2), range(j1, j2), strict=True))
    left = [i for i in range(len(old)) if i not in pairs]
    right = [j for j in range(len(new)) if j not in pairs.values()]
    scored = sorted(
        ((similarity(old[i].text, new[j].text), i, j) for i in left for j in right), key=lambda t: (-t[0], t[1], t[2])
    )
    for ratio, i, j in scored:
        if ratio > 0.5 and i not in pairs and j not in pairs.values():
            pairs[i] = j
    by_new = {j: i for i, j in pairs.items()}
    removed = [i for i in range(len(old)) if i not in pairs]
    for j, section in enumerate(new):
        partner = by_new.get(j)
        yield (old[partner] if partner is not None else None), section
    for i in removed:
        yield old[i], None


def similarity(a: str, b: str) -> float:
    """Share of words two texts have in common, in order."""
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def is_rewrite(aligned: list[tuple[Section | None, Section | None]]) -> bool:
    """Fewer than half of the sections found a counterpart: a new document, not an edited one."""
    return 2 * sum(1 for old, new in aligned if old and new) < len(aligned)


def units(text: str) -> list[tuple[str, int]]:
    """The pieces a long section is trimmed by, each with the number of its paragraph.

    A paragraph is one piece; a paragraph that is itself long (a table, a long list) is cut
    into its lines, so one changed table row does not keep the whole table.
    """
    pieces: list[tuple[str, int]] = []
    for number, block in enumerate(b.strip("\n") for b in re.split(r"\n[ \t]*\n", text) if b.strip()):
        lines = block.split("\n") if len(block) > TRIM_ABOVE_CHARS else [block]
        pieces.extend((line, number) for line in lines)
    return pieces


def trim(old: str, new: str) -> tuple[str, str]:
    """Keep a long section's changed paragraphs (or table rows) with one piece of context each side.

    The first piece (the heading) stays first. Whole paragraphs, or whole lines of a long table
    or list, are kept, so no changed sentence is cut; the parts left out are marked with the
    same gap mark on both sides.
    """
    if max(len(old), len(new)) <= TRIM_ABOVE_CHARS:
        return old, new
    a, b = units(old), units(new)
    opcodes = difflib.SequenceMatcher(None, [t for t, _ in a], [t for t, _ in b], autojunk=False).get_opcodes()
    changed = [op for op in opcodes if op[0] != "equal"]
    if not changed:  # only blank lines moved
        return old, new
    # Ranges of changed pieces widened by one each side; ranges that touch are merged.
    groups: list[list[int]] = []
    for _, i1, i2, j1, j2 in changed:
        lo_a, hi_a, lo_b, hi_b = max(i1 - 1, 0), min(i2 + 1, len(a)), max(j1 - 1, 0), min(j2 + 1, len(b))
        if groups and (lo_a <= groups[-1][1] or lo_b <= groups[-1][3]):
            groups[-1][1], groups[-1][3] = max(groups[-1][1], hi_a), max(groups[-1][3], hi_b)
        else:
            groups.append([lo_a, hi_a, lo_b, hi_b])

    def cut(pieces: list[tuple[str, int]], spans: Iterable[tuple[int, int]]) -> str:
        if not pieces:  # an added or removed section has no text on one side
            return ""
        kept = [0]
        for lo, hi in spans:
            for k in range(max(lo, kept[-1] + 1), hi):
                kept.append(k)
        out = pieces[0][0]
        for previous, k in itertools.pairwise(kept):
            if k > previous + 1:
                out += f"\n\n{GAP}\n\n"
            else:
                out += "\n" if pieces[k][1] == pieces[previous][1] else "\n\n"
            out += pieces[k][0]
        if kept[-1] < len(pieces) - 1:
            out += f"\n\n{GAP}"
        return out

    return cut(a, ((g[0], g[1]) for g in groups)), cut(b, ((g[2], g[3]) for g in groups))


def edit_signature(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """The words an edit removes and inserts, in order: the same edit made in several sections or
    versions (a heading style changed everywhere, a flip back and forth between two captures) has
    one signature, and is one case. An edit of whitespace only has the empty signature."""
    a, b = old.split(), new.split()
    return tuple(
        (" ".join(a[i1:i2]), " ".join(b[j1:j2]))
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        if tag != "equal"
    )


def fingerprint(old: str, new: str) -> str:
    """A short hash of a candidate's texts: a label written for other texts is caught, not misapplied."""
    return hashlib.sha1(f"{old}\0{new}".encode()).hexdigest()[:10]


def slug(text: str, words: int = 5) -> str:
    """The first words of a heading as an ASCII id part ("Änderungen" gives "anderungen")."""
    ascii_text = unicodedata.normalize("NFKD", heading_key(text)).encode("ascii", "ignore").decode()
    return "-".join(ascii_text.split()[:words]) or "section"


def versions(service: str) -> list[Path]:
    """The captured versions of a service that are the policy itself, oldest first."""
    return sorted(p for p in (CORPUS / service).glob("*.md") if is_policy(p.read_text("utf-8")))


def document_pairs(service: str) -> list[tuple[Path, Path]]:
    """Every consecutive pair of captures of a service whose text differs (error pages included)."""
    files = sorted((CORPUS / service).glob("*.md"))
    return [(a, b) for a, b in itertools.pairwise(files) if a.read_bytes() != b.read_bytes()]


def candidates(service: str) -> list[Candidate]:
    """The changed sections of consecutive policy versions of one service, each change once.

    Error pages are skipped (the versions either side of one are compared). So are pairs in two
    languages, whose sections are translations rather than edits, and rewrites, whose sections
    mostly have no counterpart: those are judged as whole documents only.
    """
    found: dict[tuple[tuple[str, str], ...], Candidate] = {}
    ids: Counter[str] = Counter()
    files = versions(service)
    for old_path, new_path in itertools.pairwise(files):
        old_text, new_text = old_path.read_text("utf-8"), new_path.read_text("utf-8")
        if old_text == new_text or language(old_text) != language(new_text):
            continue
        old_sections, new_sections = split_sections(old_text), split_sections(new_text)
        aligned = list(align(old_sections, new_sections))
        if is_rewrite(aligned):
            continue
        for old, new in aligned:
            before, after = old.text if old else "", new.text if new else ""
            if before == after:
                continue
            before, after = trim(before, after)
            pair = f"{stamp(old_path.name)} -> {stamp(new_path.name)}"
            signature = edit_signature(before, after)
            if signature in found:
                found[signature].also.append(f"{pair}, section “{heading_key((new or old).heading)}”")  # type: ignore[union-attr]
                found[signature].pairs.append(pair)
                continue
            heading = (new or old).heading  # type: ignore[union-attr]
            base = f"{service.lower()}-{stamp(old_path.name)[:10]}-{slug(heading)}"
            ids[base] += 1
            case_id = base if ids[base] == 1 else f"{base}-{ids[base]}"
            found[signature] = Candidate(
                case_id, service, old_path.name, new_path.name, heading_key(heading) or heading, before, after
            )
            found[signature].pairs.append(pair)
    return list(found.values())


# -- building the labelled halves -------------------------------------------------------------

yaml = YAML()
yaml.width = 4096
yaml.indent(mapping=2, sequence=4, offset=2)


def load(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text("utf-8")) or {}


def labelled_sections(service: str, labels: dict, problems: list[str]) -> list[dict]:
    """The real changed sections of one service, each with its hand label."""
    cases = []
    found = candidates(service)
    for candidate in found:
        label = labels.get(candidate.id)
        if label is None:
            problems.append(f"labels/{service}.yml: no label for section change {candidate.id}")
            continue
        if label.get("text") != fingerprint(candidate.old, candidate.new):
            problems.append(f"labels/{service}.yml: {candidate.id} was labelled for other texts; label it again")
            continue
        case = {"id": candidate.id, "label": label["label"], "kind": label["kind"], "source": candidate.source}
        if candidate.also:
            case["also"] = candidate.also
        case.update(old=candidate.old, new=candidate.new, why=label["why"])
        cases.append(case)
    known = {c.id for c in found}
    problems.extend(f"labels/{service}.yml: {key} is not a candidate any more" for key in labels if key not in known)
    return cases


def labelled_documents(service: str, labels: dict, problems: list[str]) -> list[dict]:
    """Every differing consecutive pair of one service, with its document-level label."""
    cases = []
    pairs = document_pairs(service)
    for old, new in pairs:
        key = f"{stamp(old.name)} -> {stamp(new.name)}"
        label = labels.get(key)
        if label is None:
            problems.append(f"labels/{service}.yml: no document label for {key}")
            continue
        case = {
            "id": f"{service.lower()}-{stamp(old.name)}",
            "label": label["label"],
            "kind": label["kind"],
            "source": f"corpus {service} {key}",
            "old_file": f"{CORPUS_REF}/{service}/{old.name}",
            "new_file": f"{CORPUS_REF}/{service}/{new.name}",
            "why": label["why"],
        }
        if label.get("capture"):
            case["capture"] = label["capture"]
        cases.append(case)
    known = {f"{stamp(a.name)} -> {stamp(b.name)}" for a, b in pairs}
    problems.extend(
        f"labels/{service}.yml: document pair {key} is not in the corpus" for key in labels if key not in known
    )
    return cases


def synthetic(name: str) -> list[dict]:
    path = HERE / "synthetic" / f"{name}.yml"
    return list(load(path).get("cases", [])) if path.exists() else []


def lenovo_halves() -> tuple[list[dict], list[dict]]:
    """The seed's edits, split by the section they edit: alternate sections go to each half."""
    cases = synthetic(LENOVO_SOURCE)
    sections = sorted({c["section"] for c in cases})
    dev_sections = set(sections[0::2])
    dev = [c for c in cases if c["section"] in dev_sections]
    return dev, [c for c in cases if c["section"] not in dev_sections]


def header(title: str, made: list[str], rule: str, cases: list[dict]) -> str:
    """The comment block on top of a labelled file: what it is, how it was made, the split, the counts."""

    def counts(group: list[dict]) -> str:
        tally = Counter(c["label"] for c in group)
        return ", ".join(f"{tally[label]} {label}" for label in LABELS)

    real = [c for c in cases if c["source"].startswith("corpus")]
    made_up = [c for c in cases if not c["source"].startswith("corpus")]
    lines = [
        f"# {title}",
        "# Written by `python tests/classify/corpus/extract.py build` from the hand labels in labels/ and synthetic/;",
        "# edit those, not this file. Labels are judged under the EU GDPR for the company that publishes the",
        "# statement, from the texts alone: editorial (no notice), material-notify (tell users before it takes",
        "# effect), material-consent (a fresh legal basis or consent is needed).",
        *(f"# {line}" for line in made),
        f"# Split: {rule}",
        f"# Counts: {len(cases)} cases: {counts(cases)}.",
    ]
    if made_up:
        lines.append(f"#   real {len(real)}: {counts(real)}; synthetic {len(made_up)}: {counts(made_up)}.")
    artefacts = [c for c in cases if c.get("capture")]
    if artefacts:
        policy = [c for c in cases if not c.get("capture")]
        lines.append(f"#   without the {len(artefacts)} capture artefacts, {len(policy)} pairs: {counts(policy)}.")
    return "\n".join(lines) + "\n"


def readable(text: str) -> str:
    """Multi-line texts as YAML literal blocks, so the files read like the policies and diff by line.

    Texts a literal block cannot hold exactly (trailing spaces, tabs, odd line breaks) stay quoted.
    """
    lines = text.split("\n")
    plain = all(line == line.rstrip() and "\t" not in line for line in lines) and "\r" not in text
    return LiteralScalarString(text) if len(lines) > 1 and plain and text == text.strip() else text


def write(path: Path, head: str, cases: list[dict]) -> None:
    """Write one labelled file, checking that it reads back to exactly the same cases."""
    shown = [
        {key: readable(value) if key in ("old", "new") else value for key, value in case.items()} for case in cases
    ]
    out = StringIO()
    yaml.dump({"cases": shown}, out)
    if YAML(typ="safe").load(out.getvalue())["cases"] != cases:
        raise AssertionError(f"{path.name}: the YAML does not read back to the same texts")
    path.write_text(head + out.getvalue(), "utf-8")


SECTIONS_MADE = [
    "Real cases: every section whose text differs between consecutive captures of a service (sections found",
    "at headings, paired by heading words, then by content), trimmed to the changed paragraphs or table rows",
    "with one piece of context each side ([…] marks a cut); an edit that recurs is one case, its other",
    "occurrences listed under `also`. Synthetic cases: an excerpt of a real version (old, verbatim) edited by hand (new).",
]
DOCUMENTS_MADE = [
    "Every consecutive pair of captures of a service whose text differs, labelled by the strongest change in it.",
    "`capture` marks pairs that are artefacts of the archive (error_page, truncated, language, different_document):",
    "leave them out when measuring the detector on policy changes.",
]


def build(into: Path = HERE) -> list[str]:
    """Write the four labelled files into a folder; return the problems found (nothing is written if any)."""
    problems: list[str] = []
    halves: dict[str, tuple[list[dict], list[dict]]] = {}
    lenovo = dict(zip(("dev", "test"), lenovo_halves(), strict=True))
    for half, services in (("dev", DEV_SERVICES), ("test", TEST_SERVICES)):
        sections: list[dict] = []
        documents: list[dict] = []
        for service in services:
            labels = load(HERE / "labels" / f"{service}.yml")
            sections += labelled_sections(service, labels.get("sections") or {}, problems)
            sections += synthetic(service)
            documents += labelled_documents(service, labels.get("documents") or {}, problems)
        sections += lenovo[half]
        if half == "dev":
            sections += synthetic(WRITTEN_SOURCE)
        halves[half] = (sections, documents)
    every = [c for sections, _ in halves.values() for c in sections]
    problems += check(every) + check([c for _, documents in halves.values() for c in documents])
    if problems:
        return problems
    for half, services in (("dev", DEV_SERVICES), ("test", TEST_SERVICES)):
        sections, documents = halves[half]
        other = "test" if half == "dev" else "dev"
        rule = (
            f"by service, fixed before any tuning: this {half} half holds {', '.join(services)} (real changes and their"
            f" synthetic edits) and the Lenovo seed's edits of every other section in name order; the {other} half"
            " holds the other four services and the remaining seed sections."
        )
        write(into / f"{half}.yml", header(f"Section changes, {half} half", SECTIONS_MADE, rule, sections), sections)
        doc_rule = f"by service, as for the sections: {', '.join(services)}."
        head = header(f"Whole-document version pairs, {half} half", DOCUMENTS_MADE, doc_rule, documents)
        head += f"# old_file and new_file are relative to the repository root ({CORPUS_REF} is the shared corpus).\n"
        write(into / f"documents-{half}.yml", head, documents)
    return []


def check(cases: list[dict]) -> list[str]:
    """Ids unique, labels from the closed set, a kind and a reason on every case."""
    problems = [f"duplicate id {i}" for i, n in Counter(c["id"] for c in cases).items() if n > 1]
    for case in cases:
        if case.get("label") not in LABELS:
            problems.append(f"{case['id']}: label {case.get('label')!r} is not one of {', '.join(LABELS)}")
        problems.extend(f"{case['id']}: no {key}" for key in ("kind", "why", "source") if not case.get(key))
    return problems


def main(argv: list[str]) -> int:
    if argv[:1] == ["candidates"]:
        services = argv[1:] or sorted(DEV_SERVICES + TEST_SERVICES)
        out = [
            {"id": c.id, "source": c.source, "also": c.also, "old": c.old, "new": c.new}
            for service in services
            for c in candidates(service)
        ]
        yaml.dump({"candidates": out}, sys.stdout)
        return 0
    if argv[:1] == ["build"]:
        problems = build()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    print("usage: extract.py candidates [SERVICE...] | build", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
