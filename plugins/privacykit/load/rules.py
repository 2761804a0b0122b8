"""Read the materiality rule tables: the package's defaults, then the project's overrides."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from types import MappingProxyType

from ..errors import ContentError, ProblemLog
from ..model import vocabulary as vocab
from ..model.rules import Action, ChangeKind, Law, Rule, RuleTable
from .yamlio import line_of, load_yaml, read_text

PROJECT_RULES = "rules.yml"
RULE_KEYS = ("action", "advance_days", "source")


def _parse(text: str, shown: str, log: ProblemLog, laws: dict[str, dict], fast: bool = False) -> dict[str, str]:
    """Merge the laws of one rule file into `laws`; return law id -> name (`fast`: a file
    the toolkit ships, read without line numbers)."""
    try:
        doc = load_yaml(text, shown, fast=fast)
    except ContentError as exc:
        log.extend(exc.problems)
        return {}
    raw = doc.get("laws") if isinstance(doc, dict) else None
    if not isinstance(raw, dict):
        log.add(shown, 1, "a rule file needs a 'laws:' mapping", "see plugins/privacykit/rules/default.yml")
        return {}
    names = {}
    kinds = {k.value for k in ChangeKind}
    actions = {a.value for a in Action if a is not Action.REVIEW}
    for law_id, spec in raw.items():
        law_id = str(law_id)
        line = line_of(raw, law_id)
        if not isinstance(spec, dict):
            log.add(shown, line, f"law '{law_id}' must be a mapping", "give it 'name:' and 'rules:'")
            continue
        if spec.get("name"):
            names[law_id] = str(spec["name"])
        rules = spec.get("rules") or {}
        target = laws.setdefault(law_id, {})
        for kind, rule in rules.items():
            rline = line_of(rules, kind, line)
            if kind not in kinds:
                log.add(shown, rline, f"unknown change kind '{kind}' in law '{law_id}'",
                        vocab.suggest(str(kind), kinds))
                continue
            if not isinstance(rule, dict):
                log.add(shown, rline, f"rule '{kind}' of law '{law_id}' must be a mapping",
                        "write {action: notify, advance_days: 30, source: …}")
                continue
            for key in rule:
                if key not in RULE_KEYS:
                    log.add(shown, line_of(rule, key, rline), f"unknown key '{key}' in rule '{kind}'",
                            vocab.suggest(str(key), RULE_KEYS))
            action = str(rule.get("action"))
            if action not in actions:
                log.add(shown, line_of(rule, "action", rline),
                        f"unknown action '{action}' in rule '{kind}' of law '{law_id}'",
                        "use one of: " + ", ".join(sorted(actions)))
                continue
            days = rule.get("advance_days", 0)
            if isinstance(days, bool) or not isinstance(days, int) or days < 0:
                log.add(shown, line_of(rule, "advance_days", rline), f"invalid advance_days '{days}' in rule '{kind}'",
                        "use a whole number of days, 0 or more")
                continue
            if not rule.get("source"):
                log.add(shown, rline, f"rule '{kind}' of law '{law_id}' cites no source",
                        "add source: the article or section the duty comes from")
                continue
            target[ChangeKind(kind)] = Rule(law_id, ChangeKind(kind), Action(action), str(rule["source"]), days)
    return names


def load_rules(content_dir: Path | None = None, shown_root: Path | None = None) -> RuleTable:
    """Default rules, overridden entry by entry by `<content_dir>/rules.yml` if present."""
    log = ProblemLog()
    laws: dict[str, dict] = {}
    names: dict[str, str] = {}
    default = resources.files("privacykit").joinpath("rules/default.yml").read_text("utf-8")
    # The shipped rules are valid (a test loads them); they need no line numbers.
    names.update(_parse(default, "privacykit/rules/default.yml", log, laws, fast=True))
    if content_dir is not None:
        path = content_dir / PROJECT_RULES
        if path.exists():
            shown = path.relative_to(shown_root).as_posix() if shown_root else path.as_posix()
            try:
                names.update(_parse(read_text(path, shown), shown, log, laws))
            except ContentError as exc:
                log.extend(exc.problems)
    log.raise_if_any()
    return RuleTable(MappingProxyType({
        law_id: Law(law_id, names.get(law_id, law_id), MappingProxyType(rules)) for law_id, rules in laws.items()
    }))
