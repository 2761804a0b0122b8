"""`statements/vocabulary.yml`: the kinds of recipient a project adds to the closed list.

```yaml
recipients:
  fraud_prevention_providers:
    name: Fraud prevention providers
    phrases: [fraud-prevention partners, anti-fraud services]
```

A key added here may be declared in any section's `recipients:` (it reaches validation as
the context `{"terms": {"recipient": [...]}}`); its name and phrases teach the detector to
recognise it in prose, so `check` can say when a section names it undeclared.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ContentError, ProblemLog
from ..model.files import VocabularyFile
from ..model.vocabulary import RECIPIENTS, ProjectVocabulary, RecipientKind
from .validate import validate
from .yamlio import line_of, load_yaml, read_text

if TYPE_CHECKING:
    from .settings import ProjectSettings


def load_vocabulary(path: Path, shown: str, log: ProblemLog) -> ProjectVocabulary:
    """The project's vocabulary (empty when the file is absent); problems go to `log`."""
    if not path.exists():
        return ProjectVocabulary()
    try:
        node = load_yaml(read_text(path, shown), shown)
    except ContentError as exc:
        log.extend(exc.problems)
        return ProjectVocabulary()
    if node is None:
        return ProjectVocabulary()
    spec, problems = validate(VocabularyFile, node, shown, node)
    log.extend(problems)
    if spec is None:
        return ProjectVocabulary()
    kinds = []
    for key, entry in spec.recipients.items():
        if key in RECIPIENTS:
            log.add(shown, line_of(node.get("recipients"), key), f"recipient '{key}' is already in the vocabulary",
                    "remove it from vocabulary.yml")
            continue
        kinds.append(RecipientKind(key, entry.name.strip(), tuple(p.strip() for p in entry.phrases)))
    return ProjectVocabulary(tuple(kinds))


def validation_context(vocabulary: ProjectVocabulary) -> dict | None:
    """What `load.validate.validate` needs to accept the project's own terms (None: nothing added)."""
    if not vocabulary.recipients:
        return None
    return {"terms": {"recipient": [r.key for r in vocabulary.recipients]}}


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
