"""fragile41: the fragile spots the last round left (no new reading).

Each test pins one fix: a German text with no jurisdiction cue ruled by the law of the countries that write it, one
finding per fact in the report, a policy's own name before "account", and a denial read by its scope.
"""

from __future__ import annotations

from privacykit.changes.boundary import ruling, seat_outside_german_law, spoken_word_ruling
from privacykit.changes.classify import classify_sections, section_from_text
from privacykit.load.rules import load_rules

RULES = load_rules()


def judge(old: str, new: str):
    return classify_sections(section_from_text(old), section_from_text(new), RULES, ("gdpr",))


# -- 1. a German text with no jurisdiction cue ------------------------------------------------------------------------

def test_a_german_text_with_no_jurisdiction_cue_needs_consent_to_record_calls():
    """§ 201 StGB (DE), Art. 179ter StGB (CH), § 120 StGB (AT): the German-speaking countries put the recording of the
    spoken word on a yes; a German text that names no statute, register or seat is read by them."""
    old = "Telefongespräche mit unserem Kundenservice werden nicht aufgezeichnet. Wir speichern Ihre Bestellungen.\n"
    new = "Telefongespräche mit unserem Kundenservice werden aufgezeichnet. Wir speichern Ihre Bestellungen.\n"
    assert judge(old, new).classification.value == "material-consent"
    # (the same change in English, no cue: a notice on legitimate interests)
    assert judge("We do not record calls with our customer service. We keep your orders.\n",
                 "Calls with our customer service are recorded. We keep your orders.\n"
                 ).classification.value == "material-notify"


def test_a_german_text_naming_a_seat_elsewhere_is_ruled_by_that_seat():
    seat = "Verantwortlicher ist die Example Music Ltd, 1 Main Street, Dublin, Irland. "
    old = seat + "Telefonate mit unserem Kundenservice werden nicht aufgezeichnet.\n"
    new = seat + "Telefonate mit unserem Kundenservice werden zu Schulungszwecken aufgezeichnet.\n"
    assert judge(old, new).classification.value == "material-notify"
    assert seat_outside_german_law("The controller is Example AB, Stockholm, Schweden.")
    assert not seat_outside_german_law("The controller is Beispiel GmbH, Wien, Österreich.")
    # (a union or a region is no seat)
    assert not seat_outside_german_law("Der Verantwortliche hat seinen Sitz in der Europäischen Union.")


def test_the_condition_lives_in_the_rule_file():
    """`unless` stops a condition; the language is an input, not code's decision."""
    said = "We record your calls with our support team."
    assert ruling("spoken_word_recorded", frozenset({"written_in_german"})).action == "consent"
    assert ruling("spoken_word_recorded", frozenset({"written_in_german", "seat_outside_german_law"})).action \
        == "notify"
    assert spoken_word_ruling(said, "", "", "de").inputs == ("written_in_german",)
    assert spoken_word_ruling(said, "", "", "fr").action == "notify"
