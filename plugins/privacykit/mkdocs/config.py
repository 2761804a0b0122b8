"""Schema of the `privacykit` plugin's options in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..model.paths import STATEMENTS_DIR, TEMPLATES_DIR, VERSIONS_DIR


class PrivacykitConfig(base.Config):
    statements_dir = c.Type(str, default=STATEMENTS_DIR)
    """Folder of the content, relative to mkdocs.yml."""
    versions_dir = c.Type(str, default=VERSIONS_DIR)
    """Folder of frozen releases, relative to mkdocs.yml."""
    templates_dir = c.Type(str, default=TEMPLATES_DIR)
    """Folder of template overrides, relative to mkdocs.yml (optional)."""
    rules_file = c.Optional(c.Type(str))
    """The project's rule-table overrides, relative to mkdocs.yml (default: rules.yml in statements_dir)."""
    default_region = c.Type(str, default="global")
    """Region whose pages appear in the navigation."""
    build_date = c.Optional(c.Type(str))
    """Date the site is built for (YYYY-MM-DD); default: $PRIVACYKIT_BUILD_DATE, $SOURCE_DATE_EPOCH, today."""
    preview_draft = c.Type(bool, default=False)
    """Also publish each statement's unreleased draft at <region>/<statement>/draft/ with its redline."""
    jobs = c.Type(int, default=0)
    """Processes a build may use: 0 for one per available core, 1 to build in this process only."""
    recently_updated_days = c.Type(int, default=90)
    """Days after its text changed during which the page in force says it was recently updated."""
    pdf = c.Type(bool, default=True)
    """Publish an archival PDF of every released version (`mkdocs serve` and `--no-pdf` skip them)."""
    pdf_cache_dir = c.Type(str, default=".cache/pdf")
    """Where PDFs are kept between builds, relative to mkdocs.yml (outside the site folder; gitignore it)."""
