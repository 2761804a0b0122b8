"""Read the materiality rule tables: the package's defaults, then the project's overrides."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from types import MappingProxyType

from ..errors import ContentError, ProblemLog
from ..model.files import RulesFile
from ..model.rules import Action, ChangeKind, Law, Rule, RuleTable
from .validate import validate
from .yamlio import load_yaml, read_text


def _parse(text: str, shown: str, log: ProblemLog, laws: dict[str, dict], fast: bool = False) -> dict[str, str]:
    """Merge the laws of one rule file into `laws`; return law id -> name. `fast` reads a file the
    toolkit ships (no line numbers needed) with the C parser."""
    try:
        node = load_yaml(text, shown, fast=fast)
    except ContentError as exc:
        log.extend(exc.problems)
        return {}
    table, problems = validate(RulesFile, node, shown, node)
    log.extend(problems)
    if table is None:
        return {}
    names = {}
    for law_id, spec in table.laws.items():
        if spec.name:
            names[law_id] = spec.name
        target = laws.setdefault(law_id, {})
        for kind, rule in (spec.rules or {}).items():
            change = ChangeKind(kind)
            target[change] = Rule(law_id, change, Action(rule.action), rule.source, rule.advance_days)
    return names


def load_rules(project_rules: Path | None = None, shown: str | None = None) -> RuleTable:
    """Default rules, overridden entry by entry by the project's rule file if it exists."""
    log = ProblemLog()
    laws: dict[str, dict] = {}
    names: dict[str, str] = {}
    default = resources.files("privacykit").joinpath("rules/default.yml").read_text("utf-8")
    # The shipped table is read with the C parser: it is a tenth of every command's start-up otherwise.
    names.update(_parse(default, "privacykit/rules/default.yml", log, laws, fast=True))
    if project_rules is not None and project_rules.exists():
        shown = shown or project_rules.as_posix()
        try:
            names.update(_parse(read_text(project_rules, shown), shown, log, laws))
        except ContentError as exc:
            log.extend(exc.problems)
    log.raise_if_any()
    return RuleTable(MappingProxyType({
        law_id: Law(law_id, names.get(law_id, law_id), MappingProxyType(rules)) for law_id, rules in laws.items()
    }))
