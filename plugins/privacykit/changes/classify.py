"""`privacykit classify OLD NEW`: the verdict on one section change, for any law.

Needs no statement: each file is a section (front matter optional). The change is
judged under every law of the rule table, and the strongest action wins, so the
answer is what the strictest jurisdiction would require.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, Problem, ProblemLog
from ..load.frontmatter import split_front_matter
from ..load.yamlio import read_text
from ..model.document import ResolvedDocument, ResolvedGroup, ResolvedSection
from ..model.facts import parse_facts
from ..model.rules import Action, RuleTable
from .verdict import Finding, region_verdict


class Classification(str, enum.Enum):
    EDITORIAL = "editorial"
    MATERIAL_NOTIFY = "material-notify"
    MATERIAL_CONSENT = "material-consent"


def read_section(path: Path) -> ResolvedSection:
    """A section file (front matter optional) as a one-section resolved document part."""
    shown = path.as_posix()
    text = read_text(path, shown)
    if text.lstrip().startswith("---"):
        doc = split_front_matter(text, shown)
        facts, problems = parse_facts(doc.meta.get("declares"))
        if problems:
            log = ProblemLog()
            for p in problems:
                log.add(shown, None, p.message, p.hint)
            log.raise_if_any()
        return ResolvedSection("section", str(doc.meta.get("title") or path.stem), doc.body, "g", facts=facts)
    return ResolvedSection("section", path.stem, text, "g")


def _document(section: ResolvedSection) -> ResolvedDocument:
    return ResolvedDocument("classify", "classify", "any", "any", "en-US", (ResolvedGroup("g", None),), (section,))


@dataclass(frozen=True)
class ClassifyResult:
    classification: Classification
    findings: tuple[Finding, ...]


def classify_sections(old: ResolvedSection, new: ResolvedSection, rules: RuleTable) -> ClassifyResult:
    laws = tuple(law for law in rules.laws if law != "default")
    verdict = region_verdict(_document(old), _document(new), laws, rules)
    action = verdict.action
    if action is Action.CONSENT:
        classification = Classification.MATERIAL_CONSENT
    elif action in (Action.NOTIFY, Action.REVIEW):
        classification = Classification.MATERIAL_NOTIFY
    else:
        classification = Classification.EDITORIAL
    return ClassifyResult(classification, verdict.findings)


def classify_files(old: Path, new: Path, rules: RuleTable) -> ClassifyResult:
    for path in (old, new):
        if not path.is_file():
            raise ContentError(Problem(path.as_posix(), None, "cannot read file", "check the path"))
    return classify_sections(read_section(old), read_section(new), rules)
