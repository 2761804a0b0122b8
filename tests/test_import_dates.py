"""A policy's own date, read in its own language (import45): CLDR's month names and date patterns."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import CORPUS, REPO, run_cli
from privacykit.load.importer import is_date_line, split_policy, stated_date
from privacykit.load.policy_dates import find_dates, month_names, numeric_order
from privacykit.render.dates import format_date
from privacykit.versions.store import VersionStore

MARCH_5 = dt.date(2024, 3, 5)
TWITCH = CORPUS / "Twitch"


@pytest.fixture(scope="module")
def example_texts(example_project) -> dict[str, str]:
    """The example's website statement as its readers in the global, br (pt-BR) and cn (zh-CN) regions read it."""
    from privacykit.render.resolve import resolve

    return {region: resolve(example_project, "website", region).to_markdown() for region in ("global", "br", "cn")}


def dated(text: str, line: str) -> str:
    """`text` (a resolved statement: its title, then its opening) with `line` as the line under its title."""
    title, rest = text.split("\n", 1)
    return f"{title}\n\n{line}\n{rest}"


# The date as the package's own pages write it in each locale (render/dates.py, a table apart from CLDR's
# patterns the importer reads), under the label the policies of that language use.
@pytest.mark.parametrize(("locale", "label", "region"), [
    ("de-DE", "Zuletzt aktualisiert: ", "global"),
    ("fr-FR", "Mise à jour : ", "global"),
    ("es-ES", "Última actualización: ", "global"),
    ("pt-BR", "Última atualização: ", "br"),
    ("ja-JP", "最終更新日：", "cn"),
    ("zh-CN", "更新日期：", "cn"),
    ("en-GB", "Last updated: ", "global"),
    ("en-US", "Last updated: ", "global"),
])
def test_a_policy_states_its_date_in_its_own_language(example_texts, locale, label, region):
    line = label + format_date(MARCH_5, locale)
    text = dated(example_texts[region], line)
    stated = stated_date(text, locale)
    assert stated is not None and stated.date == MARCH_5 and stated.other is None, (line, stated)
    # Read in an English project too: a date with month names has one reading in whatever language it is.
    assert stated_date(text).date == MARCH_5
    imported = split_policy(text, "policy.md", without_date=True, locale=locale)
    assert imported.date_left_out and line not in "\n".join(s.body for s in imported.sections)
    assert line in split_policy(text, "policy.md", locale=locale).sections[0].body    # a date line stays text


def test_the_briefs_lines_and_cldr_forms():
    for line, locale in [("Zuletzt aktualisiert: 5. März 2024", "de-DE"), ("Mise à jour : 5 mars 2024", "fr-FR"),
                         ("Última actualización: 5 de marzo de 2024", "es-ES"), ("最終更新日：2024年3月5日", "ja-JP"),
                         ("更新日期：2024年3月5日", "zh-CN"), ("Stand: 5. Mär. 2024", "de-DE"),
                         ("Dernière mise à jour : 5 mars 2024", "fr-FR"), ("Atualizado em 5 de mar. de 2024", "pt-BR"),
                         ("Effective 5th March 2024", "en-US"), ("Last updated: Mar 5, 2024", "en-GB")]:
        assert is_date_line(line), line
        assert [r.day for r in find_dates(line, locale)] == [MARCH_5], line
    # The names are CLDR's: every language's twelve months, none written here.
    assert month_names("de")["märz"] == 3 and month_names("fr")["févr"] == 2 and month_names("es")["sept"] == 9
    assert "1er mars 2024" and find_dates("En vigueur le 1er mars 2024", "fr-FR")[0].day == dt.date(2024, 3, 1)
    # Words that are no date stay no date: a version number, a month without its day, a sentence.
    assert find_dates("Version 2.0.1 of the terms", "en-US") == []
    assert not is_date_line("We keep your data for 12 months after 2024 ends, as the law says we must.")


def test_a_numeric_date_follows_the_locale_and_is_a_guess_when_it_reads_both_ways():
    assert numeric_order("en-US") == "mdy" and numeric_order("en-GB") == "dmy" and numeric_order("de-DE") == "dmy"
    assert numeric_order("ja-JP") == "ymd"
    # Twitch writes "Last modified on 04/29/2022": month first, one reading (there is no 29th month).
    real = sorted(TWITCH.glob("*.md"))[0].read_text("utf-8")
    assert real.startswith("Last modified on 04/29/2022")
    stated = stated_date(real)
    assert stated is not None and stated.date == dt.date(2022, 4, 29) and stated.other is None
    assert stated_date(real, "en-GB").date == dt.date(2022, 4, 29)    # read day first it is no date: not a guess
    # The same capture saying 03/05/2024 reads both ways: the locale's way, said to be a guess.
    ambiguous = real.replace("04/29/2022", "03/05/2024", 1)
    us, gb = stated_date(ambiguous, "en-US"), stated_date(ambiguous, "en-GB")
    assert (us.date, us.other) == (MARCH_5, dt.date(2024, 5, 3))
    assert (gb.date, gb.other) == (dt.date(2024, 5, 3), MARCH_5)
    assert stated_date(real.replace("04/29/2022", "05.03.2024", 1), "de-DE").date == MARCH_5
    assert stated_date(real.replace("04/29/2022", "2024/3/5", 1), "en-US").other is None    # year first: one way


def _history(tmp_path: Path, text: str, day: str) -> tuple[Path, Path]:
    history = tmp_path / "history"
    history.mkdir()
    (history / f"{day}.md").write_text(text, encoding="utf-8")
    return history, history / f"{day}.md"


def test_import_reads_a_portuguese_policys_date_and_the_new_project_speaks_its_locale(tmp_path, example_texts):
    text = dated(example_texts["br"], "Última atualização: 5 de março de 2024")
    history, latest = _history(tmp_path, text, "2024-03-07")
    result = run_cli(tmp_path / "p", "import", str(latest), "--statement", "site", "--history", str(history),
                     "--locale", "pt-BR")
    assert result.exit_code == 0, result.output
    assert [v.id for v in VersionStore(tmp_path / "p").versions("site")] == ["2024-03-05"]
    assert "released as of 2024-03-05, the date the policy states (“Última atualização: 5 de março de 2024”)" \
        in result.output
    regions = (tmp_path / "p/statements/regions.yml").read_text("utf-8")
    assert "locale: pt-BR" in regions and "language: pt" in regions
    assert run_cli(tmp_path / "p", "check").exit_code == 0


def test_import_says_an_ambiguous_numeric_date_is_a_guess(tmp_path):
    real = sorted(TWITCH.glob("*.md"))[0].read_text("utf-8").replace("04/29/2022", "03/05/2022", 1)
    history, latest = _history(tmp_path, real, "2022-07-11")
    result = run_cli(tmp_path / "p", "import", str(latest), "--statement", "twitch", "--history", str(history),
                     "--locale", "en-GB")
    assert result.exit_code == 0, result.output
    assert [v.id for v in VersionStore(tmp_path / "p").versions("twitch")] == ["2022-05-03"]
    assert "(read en-GB's way: it could be 2022-03-05, a guess)" in result.output
    assert "“Last modified on 03/05/2022” reads as 2022-05-03 (en-GB writes the day first), a guess: it could be " \
        "2022-03-05" in result.output


def test_an_unknown_locale_is_refused_in_one_line(tmp_path):
    policy = sorted(TWITCH.glob("*.md"))[0]
    result = run_cli(tmp_path / "p", "import", str(policy), "--statement", "twitch", "--locale", "xx-QQ")
    assert result.exit_code == 1 and len(result.output.splitlines()) == 1, result.output
    assert "--locale: 'xx-QQ' is no locale CLDR knows" in result.output
    assert not (tmp_path / "p").exists()


def test_the_example_regions_locale_is_the_default(tmp_path):
    """An import into a project reads dates in its default region's locale (the example's global: en-US)."""
    from privacykit.errors import UsageError
    from privacykit.load.settings import read_settings
    from privacykit.versions.importer import policy_locale

    assert policy_locale(read_settings(REPO), None) == "en-US"
    assert policy_locale(read_settings(REPO), "en-IE") == "en-IE"     # the project's language, another way
    with pytest.raises(UsageError, match="statements are written in 'en'"):
        policy_locale(read_settings(REPO), "de-DE")                    # final45a: another language is refused


def test_telegrams_german_change_log_dates_are_dates():
    """Telegram's German policy ends on its history, one bold date a line (`**31\\. März 2024**`): date lines,
    read with CLDR's German names, never parts of the outline."""
    text = (CORPUS / "Telegram/2026-08-22T010824Z.md").read_text("utf-8")
    lines = [line for line in text.split("\n") if line.startswith("**") and line.rstrip().endswith("2024**")]
    # One entry is written the English way in the German text: read too (English is a fallback language).
    assert lines == ["**31\\. März 2024**", "**23\\. September 2024**", "**September 29, 2024**"]
    from privacykit.load.importer import heading_text, parse_date

    assert [parse_date(heading_text(line), "de-DE") for line in lines] == [dt.date(2024, 3, 31), dt.date(2024, 9, 23),
                                                                               dt.date(2024, 9, 29)]
    assert all(is_date_line(heading_text(line)) for line in lines)
    imported = split_policy(text, "telegram.md", locale="de-DE")
    assert not any("2024" in (g.heading or "") for g in imported.groups)
    assert not any("2024" in s.title for s in imported.sections if s.show_heading)


def test_a_policy_in_another_language_than_the_projects_is_refused_in_one_line(example_copy, example_texts):
    """final45a: the example's statements are written in English; a German policy imported into it would be
    published as English (`lang="en"`) and its release would sign `texts: {global: {language: en-US}}`."""
    german = dated(example_texts["global"], "Zuletzt aktualisiert: 5. März 2024")
    policy = example_copy.parent / "datenschutz.md"
    policy.write_text(german, encoding="utf-8")
    result = run_cli(example_copy, "import", str(policy), "--statement", "shop", "--locale", "de-DE")
    assert result.exit_code == 1 and len(result.output.splitlines()) == 1, result.output
    assert result.output.startswith("--locale: a de-DE policy cannot be imported into this project: its statements "
                                    "are written in 'en' (statements/regions.yml, region 'global')"), result.output
    assert "import it into a project of its own (--root NEW-FOLDER)" in result.output
    assert not (example_copy / "statements/shop").exists() and not (example_copy / "versions/shop").exists()
    # The same language in another region's way (en-GB writes the day first) is the project's language.
    result = run_cli(example_copy, "import", str(policy), "--statement", "shop", "--locale", "en-GB")
    assert result.exit_code == 0, result.output
    assert [v.id for v in VersionStore(example_copy).versions("shop")] == []     # no history: a draft only
    assert (example_copy / "statements/shop/statement.yml").is_file()


def test_a_policy_whose_date_is_in_another_language_than_it_is_read_in_is_said(tmp_path, example_texts):
    """final45a: without --locale a German policy's date is still read (a fallback language), but its text would be
    published as en-US; the import says so on the date's line. With --locale de-DE it is not said."""
    policy = tmp_path / "datenschutz.md"
    policy.write_text(dated(example_texts["global"], "Zuletzt aktualisiert: 5. März 2024"), encoding="utf-8")
    result = run_cli(tmp_path / "p", "import", str(policy), "--statement", "site")
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if "is written in 'de'" in line]
    assert said == [f"warning: {policy}:3: its date “Zuletzt aktualisiert: 5. März 2024” is written in 'de', but the "
                    "policy is read as en-US, the language its text is published in; if the policy is in that other "
                    "language, import it with --locale (into a project of its own when this one is written in "
                    "another)"], result.output
    # A note, as the import's other notes: --strict does not fail on it (the policy may quote a date in English).
    assert run_cli(tmp_path / "r", "import", str(policy), "--statement", "site", "--strict").exit_code == 0
    result = run_cli(tmp_path / "q", "import", str(policy), "--statement", "site", "--locale", "de-DE", "--strict")
    assert result.exit_code == 0 and "is written in" not in result.output, result.output
