"""review36: the consent35 and ownrec35 readings stay linear on many sentences, and their guards say what they read."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from privacykit.changes import swapped, typed
from privacykit.cli import cli


def test_may_swap_reads_only_the_users_act() -> None:
    # (an ask or a setting without the user's act is `asks_again`'s, not a yes that can be swapped)
    assert swapped.may_swap("We share it only if you have said yes to personalised ads.")
    assert not swapped.may_swap("You can change your ad settings at any time.")
    assert swapped.asks_again("You can change your ad settings at any time.")


def test_may_swap_to_is_yes_swappeds_guard() -> None:
    old = "We share your address book with advertising partners if you have said yes to personalised ads."
    new = "We share your address book with advertising partners when you use the free plan."
    assert swapped.may_swap_to(new)
    assert swapped.yes_swapped(old, new) is not None
    assert not swapped.may_swap_to("We do not share your address book with advertising partners.")


def test_named_kinds_cached_and_unchanged() -> None:
    assert typed.input_recorded("We collect the pages you view.", "We record keystrokes on our pages.") == "keystrokes"
    assert typed.input_recorded("We record keystrokes.", "We record keystrokes on our pages.") is None


def _classify(tmp_path: Path, old: str, new: str) -> float:
    (tmp_path / "old.md").write_text(old)
    (tmp_path / "new.md").write_text(new)
    start = time.process_time()
    CliRunner().invoke(cli, ["classify", str(tmp_path / "old.md"), str(tmp_path / "new.md")])
    return time.process_time() - start


def test_way_cut_in_many_bullets_is_not_quadratic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A way to ask cut from each of many bullets: `_ways_told` read the whole new document for each (ownrec35)."""
    head = "# Privacy Policy\n\n## Your rights\n\n"
    line = "- You can make a request {} about your rights by emailing privacy@x.com{} or through our web form.\n"

    def doc(n: int) -> tuple[str, str]:
        return (head + "".join(line.format(i, ", by calling 1-800-555-0100,") for i in range(n)),
                head + "".join(line.format(i, "") for i in range(n)))
    small = _classify(tmp_path, *doc(60))
    large = _classify(tmp_path, *doc(240))
    capsys.readouterr()
    assert large < 10 * small + 1.0


def test_guided_reads_steps_not_any_see_how() -> None:
    from privacykit.changes.exercise import guided
    assert guided("To delete your account, follow the steps on our Help Center.")
    assert guided("See how to change your privacy settings in our Help Center.")
    assert guided("You can learn how on our Help page.")
    assert not guided("Your employer can see how you use Services they provided for your work.")
    assert not guided("To learn how our partners handle your personal data, please review their privacy statements.")


def test_copyright_line_is_not_a_lists_third_member() -> None:
    from privacykit.changes.prose import _COPYRIGHT_LINE
    assert _COPYRIGHT_LINE.search("Reddit, Inc. © 2024. All rights reserved.")
    assert _COPYRIGHT_LINE.search("(c) 2024 Example Ltd.")
    assert _COPYRIGHT_LINE.search("Copyright 2024 Example Ltd.")
    assert not _COPYRIGHT_LINE.search("We share (a) identifiers, (b) usage data and (c) the categories of third "
                                      "parties with Acme Analytics LLC.")
