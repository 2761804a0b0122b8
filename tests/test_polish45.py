"""Small defects readers saw (polish45): a doubled full stop after a name, a link to `#`, a raw date
in a fragment's footer, English labels on a Chinese page, two clocks, and the API's text in embedding."""

from __future__ import annotations

import pytest

from privacykit.render.resolve import resolve
from privacykit.render.templates import fill, fill_text


@pytest.mark.parametrize("statement", ["website", "products"])
@pytest.mark.parametrize("region", ["br"])
def test_a_controller_whose_name_ends_with_a_stop_ends_the_sentence_with_one(example_project, statement, region):
    text = resolve(example_project, statement, region).section("contact").markdown
    assert "Lenovo Tecnologia (Brazil) Ltda. Para exercer" in text
    assert "Ltda.." not in text
    assert "Lenovo Tecnologia (Brazil) Ltda.  \n" in text  # the address line keeps the name as written


def test_the_catalog_puts_a_name_ending_with_a_stop_at_a_sentence_end_with_one():
    assert fill_text("Write to {name}.", name="Example Ltd.") == "Write to Example Ltd."
    assert str(fill("Escreva a {name}. Obrigado.", name="Exemplo Ltda.")) == "Escreva a Exemplo Ltda. Obrigado."
    assert fill_text("{name}, or {other}.", name="A Inc.", other="B") == "A Inc., or B."
    assert fill_text("{missing}.", name="x.") == "{missing}."
