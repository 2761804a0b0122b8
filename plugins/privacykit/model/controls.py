"""Control characters: invisible to readers, invalid in XML, commands to a terminal.

Content may hold none of them (the loader refuses them with a line naming where),
but text frozen before that rule, or reaching us some other way, still has to be
written safely: `xml_text` keeps a feed well-formed and `terminal_text` keeps escape
sequences from reaching a reviewer's terminal.
"""

from __future__ import annotations

import re

# C0 controls other than tab, line feed and carriage return; DEL; C1 controls; and the
# bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which
# reorder what a reader sees ("Trojan Source"): no language of the project needs them yet
# (a right-to-left translation would, in its own files, and is then to be allowed there).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What XML 1.0 cannot hold at all, not even as a character reference.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# What a terminal may act on: every control but tab and line feed (a carriage return
# rewrites the line it ends), and the bidirectional overrides that reorder what it shows.
_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def first_control(text: str) -> tuple[int, str] | None:
    """(index, 'U+001B') of the first control character in `text`, or None."""
    found = CONTROL.search(text)
    return (found.start(), f"U+{ord(found.group()):04X}") if found else None


def xml_text(text: str) -> str:
    """`text` escaped for XML text and attributes, with characters XML cannot hold replaced by U+FFFD."""
    # What xml.sax.saxutils.escape does (it imports urllib, a tenth of every command's start-up).
    text = _NOT_XML.sub("\ufffd", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def terminal_text(text: str) -> str:
    """`text` with every character a terminal would act on shown as its escape (`\\u001b`).

    The escape is also what JSON would write for it, so JSON output stays valid JSON
    with the same meaning.
    """
    return _TERMINAL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
