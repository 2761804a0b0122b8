"""Read the materiality rule tables: the package's defaults, then the project's overrides."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .. import shipped_file
from ..errors import ContentError, ProblemLog
from ..machine_cache import ParsedCache, cache_folder
from ..model.rules import Action, ChangeKind, Law, Rule, RuleTable

DEFAULT_RULES = "privacykit/rules/default.yml"


def _parse(text: str, shown: str, log: ProblemLog, laws: dict[str, dict]) -> dict[str, str]:
    """Merge the laws of one rule file into `laws`; return law id -> name."""
    from ..model.files import RulesFile
    from .validate import validate
    from .yamlio import load_yaml

    try:
        node = load_yaml(text, shown)
    except ContentError as exc:
        log.extend(exc.problems)
        return {}
    table, problems = validate(RulesFile, node, shown, node)
    log.extend(problems)
    if table is None:
        return {}
    return _merge({law_id: {"name": spec.name,
                            "rules": {kind: rule.model_dump() for kind, rule in (spec.rules or {}).items()}}
                   for law_id, spec in table.laws.items()}, laws)


def _merge(table: dict[str, Any], laws: dict[str, dict]) -> dict[str, str]:
    """Merge a valid table (law id -> name and rules) into `laws`; return law id -> name."""
    names = {}
    for law_id, spec in table.items():
        if spec.get("name"):
            names[law_id] = spec["name"]
        target = laws.setdefault(law_id, {})
        for kind, rule in (spec.get("rules") or {}).items():
            change = ChangeKind(kind)
            other = rule.get("other")
            target[change] = Rule(law_id, change, Action(rule["action"]), rule["source"],
                                  int(rule.get("advance_days") or 0), tuple(rule.get("special") or ()),
                                  Rule(law_id, change, Action(other["action"]), other["source"],
                                       int(other.get("advance_days") or 0)) if other else None)
    return names


def default_rules_text() -> str:
    """The rule table privacykit ships (`rules/default.yml`)."""
    return shipped_file("rules/default.yml").read_text("utf-8")


def default_rules_table() -> dict[str, Any]:
    """The laws of the rule table privacykit ships, as plain data (law id -> name and rules)."""
    from .yamlio import load_yaml

    return load_yaml(default_rules_text(), DEFAULT_RULES, fast=True)["laws"]


def _yaml_library() -> Path:
    """ruamel.yaml's `__init__.py`, which states its version, found without importing it."""
    spec = importlib.util.find_spec("ruamel.yaml")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("ruamel.yaml, a dependency of privacykit, is not installed", name="ruamel.yaml")
    return Path(spec.origin)


def load_rules(project_rules: Path | None = None, shown: str | None = None,
               cache: ParsedCache | None = None) -> RuleTable:
    """Default rules, overridden entry by entry by the project's rule file if it exists.

    `cache` keeps the shipped table's parsed form (default: the machine's cache folder)."""
    log = ProblemLog()
    laws: dict[str, dict] = {}
    # The shipped table is trusted (a test validates it with the model every project file goes
    # through): read with the C parser and without the model, and kept parsed per machine,
    # keyed by the table, the module that reads YAML and the YAML library's version (the parser
    # is most of a start-up; another ruamel.yaml may read the table otherwise).
    cache = cache or ParsedCache(cache_folder())
    table = cache.parsed("rules", (shipped_file("rules/default.yml"), Path(__file__).parent / "yamlio.py",
                                   _yaml_library()), default_rules_table)
    names = _merge(table, laws)
    if project_rules is not None and project_rules.exists():
        from .yamlio import read_text

        shown = shown or project_rules.as_posix()
        try:
            names.update(_parse(read_text(project_rules, shown), shown, log, laws))
        except ContentError as exc:
            log.extend(exc.problems)
    log.raise_if_any()
    return RuleTable(MappingProxyType({
        law_id: Law(law_id, names.get(law_id, law_id), MappingProxyType(rules)) for law_id, rules in laws.items()
    }))
