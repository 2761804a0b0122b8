"""`privacykit classify OLD NEW`: the verdict on one section change, for any law.

Needs no statement: each file is a section (front matter optional). The change is
judged under the laws named (GDPR by default, the reference most legal teams use);
with several, the strongest action wins. `all` names every law of the rule table.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, Problem
from ..load.frontmatter import split_front_matter
from ..load.project import declared_facts
from ..load.yamlio import read_text
from ..model.document import ResolvedDocument, ResolvedGroup, ResolvedSection
from ..model.rules import Action, RuleTable
from .verdict import Finding, region_verdict


class Classification(str, enum.Enum):
    EDITORIAL = "editorial"
    MATERIAL_NOTIFY = "material-notify"
    MATERIAL_CONSENT = "material-consent"


def read_section(path: Path) -> ResolvedSection:
    """A section file (front matter optional)."""
    return section_from_text(read_text(path, path.as_posix()), path.as_posix())


def _document(section: ResolvedSection) -> ResolvedDocument:
    return ResolvedDocument("classify", "classify", "any", "any", "en-US", (ResolvedGroup("g", None),), (section,))


@dataclass(frozen=True)
class ClassifyResult:
    classification: Classification
    findings: tuple[Finding, ...]


def section_from_text(text: str, shown: str = "<text>") -> ResolvedSection:
    """A section from text with optional front matter (for tests and evaluation)."""
    if text.lstrip().startswith("---"):
        doc = split_front_matter(text, shown)
        declares = doc.meta.get("declares")
        facts, problems = declared_facts(declares, shown, declares, doc.meta_offset)
        if problems:
            raise ContentError(problems)
        return ResolvedSection("section", str(doc.meta.get("title") or "section"), doc.body, "g", facts=facts)
    return ResolvedSection("section", "section", text if text.endswith("\n") else text + "\n", "g")


def classify_sections(old: ResolvedSection, new: ResolvedSection, rules: RuleTable,
                      laws: tuple[str, ...] = ("gdpr",)) -> ClassifyResult:
    if "all" in laws:
        laws = tuple(law for law in rules.laws if law != "default")
    unknown = [law for law in laws if law not in rules.laws]
    if unknown:
        raise ContentError(Problem("--law", None, f"unknown law '{unknown[0]}'",
                                   "use one of: all, " + ", ".join(rules.laws)))
    verdict = region_verdict(_document(old), _document(new), laws, rules)
    action = verdict.action
    if action is Action.CONSENT:
        classification = Classification.MATERIAL_CONSENT
    elif action in (Action.NOTIFY, Action.REVIEW):
        classification = Classification.MATERIAL_NOTIFY
    else:
        classification = Classification.EDITORIAL
    return ClassifyResult(classification, verdict.findings)


def classify_files(old: Path, new: Path, rules: RuleTable, laws: tuple[str, ...] = ("gdpr",)) -> ClassifyResult:
    for path in (old, new):
        if not path.is_file():
            raise ContentError(Problem(path.as_posix(), None, "cannot read file", "check the path"))
    return classify_sections(read_section(old), read_section(new), rules, laws)
