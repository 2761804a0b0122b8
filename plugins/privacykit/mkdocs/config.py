"""Schema of the `privacykit` plugin's options in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class PrivacykitConfig(base.Config):
    statements_dir = c.Type(str, default="statements")
    """Folder of the content, relative to mkdocs.yml."""
    versions_dir = c.Type(str, default="versions")
    """Folder of frozen releases, relative to mkdocs.yml."""
    templates_dir = c.Type(str, default="templates")
    """Folder of template overrides, relative to mkdocs.yml (optional)."""
    default_region = c.Type(str, default="global")
    """Region whose pages appear in the navigation."""
    build_date = c.Optional(c.Type(str))
    """Date the site is built for (YYYY-MM-DD); default: $PRIVACYKIT_BUILD_DATE, $SOURCE_DATE_EPOCH, today."""
    preview_draft = c.Type(bool, default=False)
    """Also publish each statement's unreleased draft at <region>/<statement>/draft/ with its redline."""
    jobs = c.Type(int, default=0)
    """Processes a build may use: 0 for one per available core, 1 to build in this process only."""
    pdf = c.Type(bool, default=True)
    """Publish an archival PDF of every released version (`mkdocs serve` and `--no-pdf` skip them)."""
    pdf_cache_dir = c.Type(str, default=".cache/pdf")
    """Where PDFs are kept between builds, relative to mkdocs.yml (outside the site folder; gitignore it)."""
