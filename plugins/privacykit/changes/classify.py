"""`privacykit classify OLD NEW`: the verdict on a change of a section or of a whole policy, for any law.

Needs no statement. A file with front matter is one section (its `declares:` are judged
too); any other file is a whole policy, split at its headings and aligned section by
section with the other version (`changes/policy.py`). The change is judged under the laws
named (GDPR by default, the reference most legal teams use); with several, the strongest
action wins. `all` names every law of the rule table.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ContentError, Problem
from ..load.textfile import read_text
from ..model.document import ResolvedDocument, ResolvedGroup, ResolvedSection
from ..model.facts import FIELDS, FactKind
from ..model.rules import Action, RuleTable
from .editorial import EditorialKind
from .language import english_share
from .policy import SECTION_ALONE, align, policy_document
from .prose import EditorialNote, Tuning
from .verdict import Finding, region_verdict

if TYPE_CHECKING:
    from ..model.vocabulary import ProjectVocabulary


class Classification(str, enum.Enum):
    EDITORIAL = "editorial"
    MATERIAL_NOTIFY = "material-notify"
    MATERIAL_CONSENT = "material-consent"


def _document(section: ResolvedSection) -> ResolvedDocument:
    return ResolvedDocument(SECTION_ALONE, SECTION_ALONE, "any", "any", "en-US", (ResolvedGroup("g", None),),
                            (section,))


@dataclass(frozen=True)
class ClassifyResult:
    classification: Classification
    findings: tuple[Finding, ...]
    editorial: tuple[EditorialNote, ...] = ()


def section_from_text(text: str, shown: str = "<text>", vocabulary: ProjectVocabulary | None = None,
                      vocabulary_shown: str | None = None) -> ResolvedSection:
    """A section from text with optional front matter (for tests and evaluation). `vocabulary` is the
    project's (its own kinds of recipient may be declared), read from `vocabulary_shown`."""
    if text.lstrip().startswith("---"):
        # Front matter needs the YAML and `declares:` readers: loaded only for such files.
        from ..load.frontmatter import split_front_matter
        from ..load.project import declared_facts

        doc = split_front_matter(text, shown)
        declares = doc.meta.get("declares")
        facts, problems = declared_facts(declares, shown, declares, doc.meta_offset, vocabulary=vocabulary)
        if problems:
            raise ContentError([_naming_vocabulary(p, vocabulary_shown) for p in problems])
        return ResolvedSection("section", str(doc.meta.get("title") or "section"), doc.body, "g", facts=facts)
    return ResolvedSection("section", "section", text if text.endswith("\n") else text + "\n", "g")


def _naming_vocabulary(problem: Problem, vocabulary_shown: str | None) -> Problem:
    """An unknown recipient's message says where a project adds its own kinds (gate42): the project's
    vocabulary file when classify read one, else how to make it read one."""
    if problem.term != FIELDS[FactKind.RECIPIENTS.value].label:
        return problem
    where = (f"or add it to {vocabulary_shown}" if vocabulary_shown
             else "or, for a kind of recipient the project adds in its statements/vocabulary.yml, "
                  "pass --root <project>")
    return replace(problem, hint=f"{problem.hint} ({where})" if problem.hint else where)


def classify_sections(old: ResolvedSection, new: ResolvedSection, rules: RuleTable,
                      laws: tuple[str, ...] = ("gdpr",), tuning: Tuning | None = None,
                      vocabulary: ProjectVocabulary | None = None) -> ClassifyResult:
    """The verdict on one section's change."""
    return classify_documents(_document(old), _document(new), rules, laws, tuning, vocabulary)


def classify_documents(old: ResolvedDocument, new: ResolvedDocument, rules: RuleTable,
                       laws: tuple[str, ...] = ("gdpr",), tuning: Tuning | None = None,
                       vocabulary: ProjectVocabulary | None = None) -> ClassifyResult:
    """The verdict on a change between two documents (whole policies, or one section each);
    `tuning` is the prose reader's free choices (for evaluations; its defaults otherwise); `vocabulary`
    the project's, whose kinds of recipient the text is read with, as `check` reads it."""
    if "all" in laws:
        laws = tuple(law for law in rules.laws if law != "default")
    unknown = [law for law in laws if law not in rules.laws]
    if unknown:
        raise ContentError(Problem("--law", None, f"unknown law '{unknown[0]}'",
                                   "use one of: all, " + ", ".join(rules.laws)))
    terms = None
    if vocabulary is not None and vocabulary.recipients:
        from .terms import project_lexicon

        terms = project_lexicon(vocabulary)
    verdict = region_verdict(old, new, laws, rules, terms=terms, tuning=tuning)
    action = verdict.action
    if action is Action.CONSENT:
        classification = Classification.MATERIAL_CONSENT
    elif action in (Action.NOTIFY, Action.REVIEW):
        classification = Classification.MATERIAL_NOTIFY
    else:
        classification = Classification.EDITORIAL
    return ClassifyResult(classification, verdict.findings, verdict.editorial)


def _has_front_matter(text: str) -> bool:
    return text.lstrip().startswith("---\n") or text.lstrip().startswith("---\r\n")


def read_policy_text(path: Path) -> str:
    """A file's text, refused with one line when it is missing, empty, binary or not UTF-8."""
    shown = path.as_posix()
    if not path.is_file():
        raise ContentError(Problem(shown, None, "cannot read file", "check the path"))
    text = read_text(path, shown, links=True)   # a file named on the command line
    if "\x00" in text:
        raise ContentError(Problem(shown, 1 + text[:text.index("\x00")].count("\n"),
                                   "binary file (contains NUL bytes)", "give a Markdown or text file"))
    if not text.strip():
        raise ContentError(Problem(shown, None, "file is empty", "give a section or a whole policy in Markdown"))
    return text


def classify_files(old: Path, new: Path, rules: RuleTable, laws: tuple[str, ...] = ("gdpr",),
                   tuning: Tuning | None = None, vocabulary: ProjectVocabulary | None = None,
                   vocabulary_shown: str | None = None) -> ClassifyResult:
    """The verdict on the change from file `old` to file `new` (sections with front matter, or policies);
    `vocabulary` is the project's (read from `vocabulary_shown`), as `check` uses it."""
    return classify_texts(read_policy_text(old), read_policy_text(new), rules, laws, tuning,
                          shown=(old.as_posix(), new.as_posix()), vocabulary=vocabulary,
                          vocabulary_shown=vocabulary_shown)


def classify_texts(old_text: str, new_text: str, rules: RuleTable, laws: tuple[str, ...] = ("gdpr",),
                   tuning: Tuning | None = None, shown: tuple[str, str] = ("<old>", "<new>"),
                   vocabulary: ProjectVocabulary | None = None,
                   vocabulary_shown: str | None = None) -> ClassifyResult:
    """The verdict on the change from text `old_text` to `new_text`, read as `classify_files` reads
    files (a section when either has front matter, else a whole policy); `shown` names the two sides."""
    if _has_front_matter(old_text) or _has_front_matter(new_text):
        return classify_sections(section_from_text(old_text, shown[0], vocabulary, vocabulary_shown),
                                 section_from_text(new_text, shown[1], vocabulary, vocabulary_shown),
                                 rules, laws, tuning, vocabulary)
    short, other = sorted((old_text, new_text), key=len)
    if len(short.strip()) < NOT_A_POLICY_CHARS and len(other) > 10 * len(short):
        # An error page or an empty capture in place of a version: there is nothing to compare.
        side = shown[0] if short is old_text else shown[1]
        note = EditorialNote("", EditorialKind.NOT_A_POLICY, side,
                             f"{len(short.strip()):,} characters against {len(other.strip()):,}")
        return ClassifyResult(Classification.EDITORIAL, (), (note,))
    shares = (english_share(old_text), english_share(new_text))
    if max(shares) >= 0.15 and min(shares) <= 0.05:
        # A version in another language than the other (a translation) cannot be compared word for word.
        side = shown[0] if shares[0] < shares[1] else shown[1]
        note = EditorialNote("", EditorialKind.OTHER_LANGUAGE, side, "")
        return ClassifyResult(Classification.EDITORIAL, (), (note,))
    old_doc = policy_document(old_text)
    new_doc = align(old_doc, policy_document(new_text))
    return classify_documents(old_doc, new_doc, rules, laws, tuning, vocabulary)


# A version this much shorter than the other, and this short, is not a policy (an error page).
NOT_A_POLICY_CHARS = 1000
