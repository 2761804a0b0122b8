"""Where a project keeps its files.

Every module asks a `ProjectPaths` for a folder or file; none names one itself, so a
project that calls its content folder `content/` (the `statements_dir` option of
`mkdocs.yml`) is read, released, checked and built the same as one using the defaults.

The layout *inside* the folders is fixed and named here once: a statement folder holds
`statement.yml`, `sections/`, `apps/` and `release-notes.md`; a release folder holds
`manifest.yml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The default folders, relative to the project root (mkdocs.yml's folder).
STATEMENTS_DIR = "statements"
VERSIONS_DIR = "versions"
TEMPLATES_DIR = "templates"
SITE_DIR = "site"
CONFIG_FILE = "mkdocs.yml"

# The fixed layout inside them.
REGIONS_FILE = "regions.yml"
STATEMENT_FILE = "statement.yml"
SECTIONS_DIR = "sections"
APPS_DIR = "apps"
NOTES_FILE = "release-notes.md"
RULES_FILE = "rules.yml"
VOCABULARY_FILE = "vocabulary.yml"
NOTICES_SENT_SUFFIX = "notices-sent.yml"


@dataclass(frozen=True)
class ProjectPaths:
    """The folders and files of one project, as absolute or root-relative paths.

    `rules` is the project's optional rule-table overrides; `site` is where builds go.
    """

    root: Path
    config_file: Path
    statements: Path
    versions: Path
    templates: Path
    rules: Path
    site: Path

    @classmethod
    def under(cls, root: Path | str, *, statements: str = STATEMENTS_DIR, versions: str = VERSIONS_DIR,
              templates: str = TEMPLATES_DIR, rules: str | None = None, site: str = SITE_DIR,
              config_file: Path | str | None = None) -> ProjectPaths:
        """Paths of a project at `root`; folder names are relative to it (the defaults when not given)."""
        root = Path(root)
        content = root / statements
        return cls(root=root, config_file=Path(config_file) if config_file else root / CONFIG_FILE,
                   statements=content, versions=root / versions, templates=root / templates,
                   rules=root / rules if rules else content / RULES_FILE, site=root / site)

    def shown(self, path: Path | str) -> str:
        """`path` as messages show it: relative to the project root when it is inside it."""
        path = Path(path)
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    @property
    def regions_file(self) -> Path:
        return self.statements / REGIONS_FILE

    @property
    def vocabulary_file(self) -> Path:
        """The project's own kinds of recipient (optional)."""
        return self.statements / VOCABULARY_FILE

    def statement(self, statement_id: str) -> Path:
        """The folder of one statement's draft."""
        return self.statements / statement_id

    def statement_file(self, statement_id: str) -> Path:
        return self.statement(statement_id) / STATEMENT_FILE

    def release_notes(self, statement_id: str) -> Path:
        """The draft's release notes (acknowledgements and summary of the next release)."""
        return self.statement(statement_id) / NOTES_FILE

    def releases(self, statement_id: str) -> Path:
        """The folder of one statement's frozen releases."""
        return self.versions / statement_id

    def notices_sent(self, statement_id: str) -> Path:
        """The record of one statement's notices sent (`privacykit notices sent`): beside its releases' folder,
        not inside it, since `verify` refuses any file a release's manifest does not list."""
        return self.versions / f"{statement_id}.{NOTICES_SENT_SUFFIX}"

    def watched(self) -> list[Path]:
        """What a live preview watches for edits."""
        return [self.statements, self.versions, self.templates, self.rules]
