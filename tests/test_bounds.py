"""Words cut from a sentence, read by what they bound (`privacykit.changes.bounds`, concept27)."""

from __future__ import annotations

from privacykit.changes.bounds import (
    bound_cut,
    bounds_added,
    breadth_cut,
    choice_dropped,
    cut_runs,
    ending_delayed,
    reader_act,
)
from privacykit.changes.editorial import respelled
from privacykit.changes.items import RETENTION_CUES, Item, quantities
from privacykit.changes.text import number_value


def test_cut_runs_are_the_words_lost_and_nothing_else() -> None:
    assert cut_runs("to prevent an imminent and serious threat", "to prevent a threat") == [["imminent", "and", "serious"]]
    assert cut_runs("we keep logs", "we keep server logs") is None              # a word added
    assert cut_runs("we keep logs for a year", "we keep logs for a month") is None  # a word replaced
    assert cut_runs("we keep logs", "we keep logs") is None


def test_a_bound_of_degree_extent_or_need_cut() -> None:
    assert bound_cut("We may share it in cases of significant and documented fraud.",
                     "We may share it in cases of fraud.") == ["significant", "documented"]
    assert bound_cut("We share your number with the courier where necessary.",
                     "We share your number with the courier.") == ["necessary"]
    # a run holding a word that bounds nothing is another change
    assert bound_cut("We keep a limited set of server logs.", "We keep a set of logs.") is None
    assert bound_cut("We keep the logs necessary for billing.", "We keep logs for billing.") is None


def test_bound_words_added_narrow() -> None:
    assert bounds_added("to prevent harm", "to prevent serious and imminent harm")
    assert not bounds_added("to prevent harm", "to prevent harm and fraud")


def test_a_right_given_for_less() -> None:
    assert breadth_cut("You can ask us to stop it temporarily or permanently.",
                       "You can ask us to stop it temporarily.") == "or permanently"
    assert breadth_cut("You can download all the data we hold.", "You can download the data we hold.") == "all"
    # every alternative cut: the right is no longer bounded to either; a longer clause cut is others' to read
    assert breadth_cut("Send it to our desk or at privacy@example.org.", "Send it to our desk.") is None
    assert breadth_cut("You can ask us to stop it temporarily or permanently.", "You can ask us to stop it.") is None


def test_a_choice_over_a_practice_dropped() -> None:
    assert choice_dropped("You can control whether your profile is indexed by search engines.",
                          "Your profile may be indexed by search engines.")
    assert choice_dropped("You can stop us from showing your workouts on the leaderboard.",
                          "We show your workouts on the leaderboard.")
    # a choice still offered, a denial, or another practice
    assert not choice_dropped("You can control whether your profile is indexed by search engines.",
                              "Your profile may be indexed by search engines unless you hide it.")
    assert not choice_dropped("You can control whether your profile is indexed by search engines.",
                              "Your profile is not indexed by search engines.")
    assert not choice_dropped("You can decide whether other members see your birthday.",
                              "We send reminders by email.")


def test_what_the_reader_can_do() -> None:
    assert reader_act("Teen account holders can close their account at any time.")
    assert reader_act("You may withdraw your consent.")
    assert not reader_act("We may delete inactive accounts at any time.")


def test_a_figure_written_in_several_words_is_read_whole() -> None:
    """notify37: "one hundred eighty days" is 180 days, not "eighty days"; the same figure in digits is no change."""
    assert number_value("one hundred eighty") == 180
    assert number_value("a hundred and twenty") == 120
    assert number_value("forty-five") == 45
    assert number_value("hundred") is None and number_value("several") is None
    kept = quantities("IP addresses we collect are kept for up to one hundred eighty days and then erased.",
                      RETENTION_CUES)
    assert [q.amount for q in kept if q.item is Item.RETENTION] == [180.0]
    assert respelled("deleted after one hundred eighty days") == respelled("deleted after 180 days")
    assert ending_delayed("Your post stops being shown within fourteen days.",
                          "Your post stops being shown within one hundred twenty days.") == (
        "fourteen days", "one hundred twenty days")
    assert ending_delayed("Your post stops being shown within 120 days.",
                          "Your post stops being shown within one hundred twenty days.") is None
