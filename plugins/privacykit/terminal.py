"""What privacykit prints: every command's output and errors go through `echo`.

Reports quote content (section text in `diff`, titles and owners in `check`), and
content is untrusted: an escape sequence in it could clear a reviewer's screen,
rewrite what a report seems to say, or (OSC 8, OSC 52) plant links and fill the
clipboard. `echo` shows every such character as its escape (`\\u001b`) instead.
"""

from __future__ import annotations

import click

from .model.controls import terminal_text


def echo(message: str = "", nl: bool = True, err: bool = False, overwrite: bool = False) -> None:
    """Print `message` (to stderr with `err`) with control characters made visible.

    With `overwrite`, the message replaces the terminal's current line (a progress bar):
    the one carriage return privacykit writes itself.
    """
    click.echo(("\r" if overwrite else "") + terminal_text(message), nl=nl, err=err)
