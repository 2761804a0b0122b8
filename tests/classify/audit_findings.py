"""An audit of findings and reader lines, not only verdicts, on consecutive real captures.

    python tests/classify/audit_findings.py > /tmp/audit.txt          # every pair with a finding
    python tests/classify/audit_findings.py --service Reddit          # one service
    python tests/classify/audit_findings.py --marks marks.yml         # count the pairs marked wrong

For every consecutive pair of captures of the development services (the shared corpus's Reddit, Spotify,
LinkedIn and Quora: the services whose section pairs `corpus/dev.yml` holds), the detector classifies the two
whole policies as `privacykit classify OLD NEW` does, and the audit lists each finding that asks for more than
nothing: its description (what reviewers read), the reader line built from it (what the public redline and the
notices say), and the sentence of the new text it quotes. A person marks each line right or wrong by reading
the text; `--marks` reads such marks (a YAML map of "service old new #n" -> "ok" | "finding" | "line" | "both")
and counts the wrong findings and the wrong reader lines. The output is not committed; only the development
services are ever read.
"""

from __future__ import annotations

import argparse
import sys
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "plugins"))

from privacykit.changes.classify import classify_files, read_policy_text  # noqa: E402
from privacykit.changes.policy import policy_document  # noqa: E402
from privacykit.changes.reader import Phrase, ReaderWords, reader_line  # noqa: E402
from privacykit.load.rules import load_rules  # noqa: E402
from privacykit.render.templates import TemplateSet  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "privacy-policies"
SERVICES = ("Reddit", "Spotify", "LinkedIn", "Quora")


def pairs(service: str) -> list[tuple[Path, Path]]:
    files = sorted((CORPUS / service).glob("*.md"))
    return list(pairwise(files))


def audit(services: tuple[str, ...], out=sys.stdout) -> int:
    rules = load_rules()
    words = ReaderWords.of(TemplateSet(None), "en-US")
    told = 0
    for service in services:
        for old, new in pairs(service):
            result = classify_files(old, new, rules)
            shown = [f for f in result.findings if f.action.value != "none"]
            if not shown:
                continue
            titles = {s.id: Phrase(s.title) for s in policy_document(read_policy_text(new)).sections}
            print(f"== {service} {old.stem} {new.stem}: {result.classification.value}", file=out)
            for n, finding in enumerate(shown, 1):
                told += 1
                print(f"  #{n} {finding.action.value}: {finding.description}", file=out)
                print(f"     reader: {reader_line(finding, words, titles).text}", file=out)
    return told


def count(marks_path: Path) -> None:
    from ruamel.yaml import YAML

    marks = YAML(typ="safe").load(marks_path.read_text()) or {}
    wrong_finding = sum(v in ("finding", "both") for v in marks.values())
    wrong_line = sum(v in ("line", "both") for v in marks.values())
    print(f"{len(marks)} marked: {wrong_finding} wrong findings, {wrong_line} wrong reader lines")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--service", action="append", choices=SERVICES)
    parser.add_argument("--marks", type=Path)
    args = parser.parse_args()
    if args.marks:
        count(args.marks)
        return
    told = audit(tuple(args.service or SERVICES))
    print(f"{told} findings told", file=sys.stderr)


if __name__ == "__main__":
    main()
