"""The page templates: statement page, index, archive, redline, notice, fragment.

Defaults ship with the package (`privacykit/templates/`); a project overrides any
of them by putting a file of the same name in its own `templates/` folder.
Templates run sandboxed too, with undefined variables as errors, and with HTML
autoescaping: section HTML is passed in already sanitized and marked safe.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, StrictUndefined, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..errors import ContentError, Problem, display_path


class TemplateSet:
    """Renders named templates, the project's own first, then the package's."""

    def __init__(self, project_templates: Path | None = None):
        loaders = []
        if project_templates is not None and project_templates.is_dir():
            loaders.append(FileSystemLoader(str(project_templates)))
        loaders.append(PackageLoader("privacykit", "templates"))
        self.env = ImmutableSandboxedEnvironment(
            loader=ChoiceLoader(loaders), undefined=StrictUndefined,
            autoescape=lambda name: bool(name) and name.endswith((".html", ".xml")),
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        )
        self.project_templates = project_templates
        self._digests: dict[str, str] = {}
        self._all: str | None = None

    def render(self, name: str, **context: Any) -> str:
        try:
            return self.env.get_template(name).render(**context)
        except TemplateError as exc:
            where = getattr(exc, "filename", None) or self._filename(name)
            line = getattr(exc, "lineno", None) or _template_line(exc, where)
            raise ContentError(Problem(display_path(where), line, f"template error: {exc}",
                                       "fix the template or remove the project's override")) from None

    def _filename(self, name: str) -> str:
        try:
            return self.env.get_template(name).filename or name
        except TemplateError:
            return name

    def digest(self, name: str) -> str:
        """A digest of a template's text: part of cache keys, so an edited template is re-rendered."""
        if name not in self._digests:
            self._digests[name] = hashlib.sha256(self.source(name).encode()).hexdigest()
        return self._digests[name]

    def digest_all(self) -> str:
        """A digest of every template (a page includes others): part of whole-page cache keys."""
        if self._all is None:
            digest = hashlib.sha256()
            for name in sorted(self.env.list_templates()):
                digest.update(f"{name}\0{self.source(name)}\0".encode())
            self._all = digest.hexdigest()
        return self._all

    def source(self, name: str) -> str:
        """The text of a template (used for static assets such as the stylesheet)."""
        return self.env.loader.get_source(self.env, name)[0]


def _template_line(exc: BaseException, filename: str) -> int | None:
    """The template line a render error happened on (Jinja puts template frames in the traceback)."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
