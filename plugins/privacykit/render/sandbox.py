"""Sandboxed Jinja for content written by contributors.

Section bodies may use variables (`{{ company }}`, `{{ region.privacy_email }}`)
and nothing more dangerous: the environment is immutable and sandboxed, an
undefined variable is an error, and an attempt to reach Python internals
(`{{ ''.__class__ }}`) is reported as a security error instead of quietly
rendering nothing.
"""

from __future__ import annotations

import sys
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from ..errors import ContentError, Problem

MAX_RANGE = 10_000
MAX_OUTPUT = 2_000_000


class ContentSandbox(ImmutableSandboxedEnvironment):
    """A sandbox that raises on unsafe attribute access instead of returning undefined."""

    def unsafe_undefined(self, obj: Any, attribute: str):
        raise SecurityError(f"access to attribute '{attribute}' is not allowed in content")

    # Repetition and powers can allocate gigabytes from a few characters ('a' * 10**10).
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator: str, left, right):
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64:
            raise SecurityError("exponents above 64 are not allowed in content")
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(count, int) and len(seq) * count > MAX_OUTPUT:
                    raise SecurityError("repeating text that much is not allowed in content")
        return super().call_binop(context, operator, left, right)

    def call(self, __context, __obj, *args, **kwargs):
        if __obj is range and args and any(isinstance(a, int) and abs(a) > MAX_RANGE for a in args):
            raise SecurityError(f"range() larger than {MAX_RANGE} is not allowed in content")
        return super().call(__context, __obj, *args, **kwargs)


def _environment() -> ContentSandbox:
    env = ContentSandbox(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.globals.clear()
    env.globals["range"] = range
    return env


_ENV = _environment()


class Namespace(dict):
    """Variables reachable as attributes (`region.name`) inside templates."""

    def __getattr__(self, name: str):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def render_content(text: str, variables: dict[str, Any], shown: str, first_line: int) -> str:
    """Render a section body's Jinja with `variables`; errors name file and line.

    `first_line` is the file line of the text's first line (after front matter).
    """
    if "{" not in text:
        return text  # the common case: plain Markdown, nothing to render
    name = f"<content {shown}>"
    try:
        template = _ENV.from_string(text)
        template.name = name
        template.filename = name
        rendered = template.render(variables)
    except TemplateSyntaxError as exc:
        line = first_line + (exc.lineno or 1) - 1
        raise ContentError(Problem(shown, line, f"template syntax error: {exc.message}",
                                   "fix the {{ }} or {% %} markup, or write {{ '{{' }} for a literal brace")) from None
    except SecurityError as exc:
        raise ContentError(Problem(shown, _error_line(name, first_line), f"unsafe template: {exc}",
                                   "content may only use plain variables such as {{ company }}")) from None
    except UndefinedError as exc:
        raise ContentError(Problem(
            shown, _error_line(name, first_line), f"undefined variable: {exc.message}",
            "define it under 'variables:' in statement.yml or regions.yml, or fix its name")) from None
    except (TemplateError, TypeError, ValueError, ArithmeticError, OverflowError, MemoryError) as exc:
        raise ContentError(Problem(shown, _error_line(name, first_line), f"template error: {exc}",
                                   "content may only use plain variables such as {{ company }}")) from None
    if len(rendered) > MAX_OUTPUT:
        raise ContentError(Problem(shown, first_line, "template output is too large",
                                   "content may only use plain variables such as {{ company }}")) from None
    return rendered


def _error_line(template_name: str, first_line: int) -> int:
    """Find the template line of the error from Jinja's rewritten traceback."""
    tb = sys.exc_info()[2]
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == template_name:
            line = tb.tb_lineno
        tb = tb.tb_next
    return first_line + (line or 1) - 1
