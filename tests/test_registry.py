"""The registry of declared facts: one place says what a fact holds, how it compares and which rules judge it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import REPO
from privacykit.changes.facts import fact_changes
from privacykit.load.rules import load_rules
from privacykit.model.facts import FACT_FIELDS, ChangeKind, Comparison, DeclaredFacts, FactKind, fact_change_kinds
from privacykit.testing.plugin import write_project

SAMPLES = {FactKind.DATA_CATEGORIES: "user.biometric", FactKind.DATA_USES: "train_ai_system",
           FactKind.DATA_SUBJECTS: "job_applicant", FactKind.RECIPIENTS: "data_brokers",
           FactKind.TRANSFER_COUNTRIES: "IN", FactKind.RETENTION: "P1Y->P5Y", FactKind.MINIMUM_AGE: "16->13",
           FactKind.SELLS_DATA: "True", FactKind.SHARES_FOR_ADVERTISING: "True", FactKind.RIGHTS: "erasure"}


def test_every_fact_has_one_field_and_every_kind_of_change_a_default_rule_and_a_reader_sentence():
    from privacykit.changes.facts import FactChange
    from privacykit.changes.reader import Phrase, ReaderWords, reader_line
    from privacykit.changes.verdict import Finding, Origin
    from privacykit.model.rules import Action
    from privacykit.render.templates import TemplateSet

    assert [f.kind for f in FACT_FIELDS] == list(FactKind)
    default = load_rules().laws["default"].rules
    assert fact_change_kinds() <= set(default)
    words = ReaderWords.of(TemplateSet(None), "en-US")
    general = {words.strings["reader_other"].replace("{section}", "Cookies"), words.strings["reader_other_general"]}
    for field in FACT_FIELDS:
        for kind in field.change_kinds():
            change = FactChange(kind, field.kind, SAMPLES[field.kind], "detail", ("cookies",))
            finding = Finding(change.id, kind, Origin.FACT, "detail", ("cookies",), Action.NOTIFY, fact=change)
            line = reader_line(finding, words, {"cookies": Phrase("Cookies")}).text
            assert line not in general and "{" not in line, (field.kind, kind, line)


def test_the_shipped_rule_table_passes_the_model_project_rule_files_go_through():
    """`load_rules` reads the shipped table without the model (start-up); this keeps it valid."""
    from privacykit.errors import ProblemLog
    from privacykit.load.rules import DEFAULT_RULES, _parse, default_rules_text

    log = ProblemLog()
    laws: dict[str, dict] = {}
    names = _parse(default_rules_text(), DEFAULT_RULES, log, laws)
    assert not log.problems
    fast = load_rules()
    assert names == {law_id: law.name for law_id, law in fast.laws.items() if law.name != law_id}
    assert {law_id: dict(rules) for law_id, rules in laws.items()} == {
        law_id: dict(law.rules) for law_id, law in fast.laws.items()}


def test_each_comparison_gives_its_kinds():
    before = DeclaredFacts(recipients=["affiliates"], retention="P1Y", minimum_age=16, sells_data=False,
                           rights=["access", "erasure"])
    after = DeclaredFacts(recipients=["affiliates", "advertising_partners"], retention="P2Y", minimum_age=13,
                          sells_data=True, rights=["access"])
    kinds = {change.fact: change.kind for change in fact_changes(before, after)}
    assert kinds == {FactKind.RECIPIENTS: ChangeKind.NEW_RECIPIENT, FactKind.RETENTION: ChangeKind.LONGER_RETENTION,
                     FactKind.MINIMUM_AGE: ChangeKind.LOWER_MINIMUM_AGE, FactKind.SELLS_DATA: ChangeKind.STARTS_SELLING,
                     FactKind.RIGHTS: ChangeKind.REMOVED_RIGHT}
    back = {change.fact: change.kind for change in fact_changes(after, before)}
    assert set(back.values()) == {ChangeKind.REDUCTION}
    assert {f.comparison for f in FACT_FIELDS} == set(Comparison)


# Adding a fact: a FactField (with its kind of change) in the registry, and rules.
NEW_FACT = {
    "    RIGHTS = \"rights\"\n": "    RIGHTS = \"rights\"\n    PROFILES_USERS = \"profiles_users\"\n",
    "    REDUCTION = \"reduction\"\n": "    REDUCTION = \"reduction\"\n    STARTS_PROFILING = \"starts_profiling\"\n",
    "\n)\nFIELDS: dict": ("\n    FactField(FactKind.PROFILES_USERS, Flag(\"Users are profiled\"), Comparison.FLAG,"
                        " \"profiles users\", ChangeKind.STARTS_PROFILING),\n)\nFIELDS: dict"),
}
RULES = ("      starts_profiling:        {action: notify, advance_days: 0, source: \"Statement promise\"}\n"
         "      narrower_change:")
SCRIPT = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from click.testing import CliRunner
    from privacykit.cli import cli
    from privacykit.model.files import SCHEMAS, json_schema
    from privacykit.versions import release as release_module
    import datetime as dt
    refuse = release_module.refuse_past_effective     # the suite's day for that refusal (conftest: TEST_TODAY)
    release_module.refuse_past_effective = lambda effective, why, today: refuse(effective, why, dt.date(2024, 1, 1))
    root = Path(sys.argv[1])
    run = lambda *args: CliRunner().invoke(cli, [args[0], "--root", str(root), *args[1:]])
    schema = json.dumps(json_schema(*SCHEMAS["section.schema.json"]))
    first = run("check")
    if first.exit_code:
        print(json.dumps({"check": first.output}))
        sys.exit()
    released = run("release", "web", "--effective", "2024-01-10").exit_code
    cookies = root / "statements/web/sections/cookies.md"
    cookies.write_text(cookies.read_text().replace("profiles_users: false", "profiles_users: true"))
    against = run("check", "--against", "in-force")
    print(json.dumps({"schema": "profiles_users" in schema, "released": released, "report": against.output}))
""")


def _with_new_fact(tmp_path: Path, with_rule: bool) -> dict:
    package = tmp_path / "pkg" / "privacykit"
    shutil.copytree(REPO / "plugins/privacykit", package, ignore=shutil.ignore_patterns("__pycache__"))
    facts = package / "model/facts.py"
    text = facts.read_text()
    for old, new in NEW_FACT.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    facts.write_text(text)
    if with_rule:
        rules = package / "rules/default.yml"
        rules.write_text(rules.read_text().replace("      narrower_change:", RULES, 1))
    root = write_project(tmp_path / "project", {"statements/web/sections/cookies.md": (
        "---\ntitle: Cookies\nowner: legal\ndeclares:\n  data_categories: [user.device.cookie_id]\n"
        "  profiles_users: false\n---\nWe use cookies to measure visits.\n")})
    env = {**os.environ, "PYTHONPATH": str(package.parent)}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(root)], capture_output=True, text=True, env=env,
                          check=True)
    import json

    return json.loads(done.stdout.splitlines()[-1])


def test_a_new_fact_needs_only_the_registry_and_the_rule_table(tmp_path):
    result = _with_new_fact(tmp_path, with_rule=True)
    assert result["schema"] and result["released"] == 0
    assert "`starts_profiling:True@" in result["report"] and "` — now profiles users" in result["report"]
    assert "default: notify (Statement promise)" in result["report"]
    assert "unacknowledged notify change 'starts_profiling:True@" in result["report"]
    # Without a sentence of its own in the catalog, readers are told where the change is.
    assert "readers read: “We changed how “Cookies” describes what we do with your information.”" in result["report"]


def test_a_kind_of_change_without_a_rule_is_a_check_error(tmp_path):
    result = _with_new_fact(tmp_path, with_rule=False)
    assert result["check"].splitlines()[0] == (
        "statements/regions.yml: no rule judges 'starts_profiling' changes in region 'br' (laws: lgpd); "
        "add a rule for 'starts_profiling' to statements/rules.yml under one of these laws or 'default'")


def test_a_project_may_add_terms_to_a_vocabulary():
    from privacykit.load.validate import validate
    from privacykit.model.facts import Declares

    declares = {"recipients": ["insurers"]}
    _, problems = validate(Declares, declares, "x.md")
    assert [p.message for p in problems] == ["unknown recipient 'insurers'"]
    model, problems = validate(Declares, declares, "x.md", context={"terms": {"recipient": ["insurers"]}})
    assert problems == [] and model.recipients == ["insurers"]
