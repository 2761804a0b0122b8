"""The channels a release's notices reach readers by (a closed set; the CLI's choices come from it)."""

from __future__ import annotations

import enum


class Channel(enum.Enum):
    """How a notice reaches readers: the two texts a release writes per region (`notices/<region>.email.md`,
    `.inapp.txt`)."""

    EMAIL = "email"
    IN_APP = "in-app"
