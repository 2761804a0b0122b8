"""The project `classify` reads its files with (gate42): where its `statements/vocabulary.yml` is.

Kept apart from `load/vocabulary.py`, whose YAML and validation imports a plain `classify` of two
policies must not pay for (`tests/test_layering.py`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.vocabulary import ProjectVocabulary
    from .settings import ProjectSettings


def vocabulary_for(root: Path, config_file: Path | None,
                   files: tuple[Path, ...]) -> tuple[ProjectVocabulary | None, str | None, ProjectSettings]:
    """The project `classify` reads files of (gate42): the one at `root` (or `config_file`), else the nearest
    folder above the first file with a `mkdocs.yml`. Returns its vocabulary (None when it has no
    vocabulary file), how messages name that file, and the project's settings."""
    from .settings import read_settings

    given = config_file is not None or (Path(root) / "mkdocs.yml").is_file() or Path(root) != Path(".")
    settings = read_settings(root, config_file)
    if not given:
        for file in files:
            found = next((d for d in Path(file).resolve().parents if (d / "mkdocs.yml").is_file()), None)
            if found is not None:
                settings = read_settings(found)
                break
    paths = settings.paths
    path = paths.vocabulary_file
    if not path.is_file() or not any(_has_front_matter(file) for file in files):
        # Only a section's `declares:` and the prose beside it are read with the project's terms: two plain
        # policies need no YAML (the command stays quick, `classify` in README).
        return None, None, settings
    shown = paths.shown(path) if paths.root.resolve() == Path.cwd().resolve() else path.as_posix()
    from ..errors import ContentError, ProblemLog
    from .vocabulary import load_vocabulary  # YAML and validation: only for a project's sections

    log = ProblemLog()
    vocabulary = load_vocabulary(path, shown, log)
    if log:
        raise ContentError(log.problems)
    return vocabulary, shown, settings


def _has_front_matter(file: Path) -> bool:
    try:
        with Path(file).open("rb") as handle:
            return handle.read(64).lstrip().startswith(b"---")
    except OSError:
        return False
