"""privacykit: privacy statements as Markdown sections, published as a versioned static site."""

from pathlib import Path

__version__ = "0.1.0"


def shipped_file(relative: str) -> Path:
    """A file privacykit ships inside its package (`data/terms.txt`, `rules/default.yml`…).

    The package is always installed as files (a wheel or an editable install), so a path next
    to this module serves; `importlib.resources` would add its imports to every start-up.
    """
    return Path(__file__).parent / relative
