"""Sandboxed Jinja for content written by contributors.

Section bodies may use variables (`{{ company }}`, `{{ region.privacy_email }}`)
and nothing more dangerous: the environment is immutable and sandboxed, an
undefined variable is an error, and an attempt to reach Python internals
(`{{ ''.__class__ }}`) is reported as a security error instead of quietly
rendering nothing.

Every render also runs on a budget (`RenderBudget`), because a few characters of
template can ask for hours of work or gigabytes of text: loop iterations and calls
are counted, text and numbers are checked before they are built, widths and counts
given to filters are capped, and source that nests too deeply is refused before it
is compiled. A template over any limit fails with one line naming its file and line.
"""

from __future__ import annotations

import inspect
import re
import sys
import time
import types
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from string import Formatter
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError, UndefinedError, nodes, pass_context
from jinja2.compiler import CodeGenerator, Frame
from jinja2.lexer import (
    TOKEN_ADD,
    TOKEN_BLOCK_BEGIN,
    TOKEN_LBRACE,
    TOKEN_LBRACKET,
    TOKEN_LPAREN,
    TOKEN_NAME,
    TOKEN_RBRACE,
    TOKEN_RBRACKET,
    TOKEN_RPAREN,
    TOKEN_SUB,
)
from jinja2.runtime import Context, LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import _PassArg

from ..errors import ContentError, Problem, excerpt

MAX_RANGE = 10_000          # range() and any width or count given to a filter or text method
MAX_OUTPUT = 2_000_000      # characters in a render's output and in any one text it builds
MAX_WORK = 20_000_000       # characters a render may build in all (every text operation, summed)
MAX_STEPS = 100_000         # loop iterations plus calls (filters, methods, macros)
MAX_CALL_DEPTH = 50         # macros calling macros
MAX_NESTING = 10            # brackets inside one tag, and blocks inside blocks
MAX_EXPRESSION_DEPTH = 100  # operators chained in one expression (a + b + c …)
MAX_DIGITS = 100            # whole numbers
MAX_EXPONENT = 64
MAX_SECONDS = 2.0           # processor time: a backstop for work the counts do not see

_MAX_NUMBER = 10 ** MAX_DIGITS
_BUDGET = "privacykit budget"  # not a name a template can write, so content cannot reach it
_SIMPLIFY = "simplify the template: content needs variables such as {{ company }}, not computation"
_PADDING = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
_OPENING_TAGS = frozenset({"for", "if", "macro", "call", "filter", "with", "block", "autoescape"})
# After a value that ends with a full stop ("Lenovo Tecnologia (Brazil) Ltda."): a sentence's own stop that
# follows it is dropped, as an abbreviation ending a sentence takes one stop. A noncharacter, never in text.
_STOP_MARK = "\ufdd0"


class ContentLimit(SecurityError):
    """A render went over one of its budgets; carries what to do about it."""

    def __init__(self, what: str, hint: str = _SIMPLIFY):
        super().__init__(what)
        self.what = what
        self.hint = hint


@dataclass
class RenderBudget:
    """What one render may still spend: steps, characters of text, processor time."""

    steps: int = MAX_STEPS
    work: int = MAX_WORK
    depth: int = 0
    # Reading the thread's clock is a system call: it is read every thousand steps, from the
    # first thousand on (a render that never gets that far never reads it).
    deadline: float | None = None
    until_clock: int = 1000

    def step(self, count: int = 1) -> None:
        """Spend `count` steps (a loop iteration's or a call's operations)."""
        self.steps -= count
        if self.steps < 0:
            raise ContentLimit(f"template takes more than {MAX_STEPS:,} loop steps and calls")
        self._tick(count)

    def text(self, size: int) -> None:
        """Spend `size` characters of built text; no single text may exceed the output limit."""
        if size > MAX_OUTPUT:
            raise ContentLimit(f"template builds a text of {size:,} characters, over the limit of {MAX_OUTPUT:,}")
        self.work -= size
        if self.work < 0:
            raise ContentLimit(f"template builds more than {MAX_WORK:,} characters of text in all")
        self._tick(size // 1000)

    def _tick(self, cost: int) -> None:
        self.until_clock -= cost
        if self.until_clock <= 0:
            self.until_clock = 1000
            now = time.thread_time()
            if self.deadline is None:
                self.deadline = now + MAX_SECONDS
            elif now > self.deadline:
                raise ContentLimit(f"template takes more than {MAX_SECONDS:g} seconds to render")


def _budget(context: Context) -> RenderBudget:
    budget = context.get(_BUDGET)
    if not isinstance(budget, RenderBudget):  # only `render_content` runs these templates
        raise SecurityError("content rendered without a budget")
    return budget


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple, dict)) else 0


def _check_result(budget: RenderBudget, value: Any) -> Any:
    """Charge a value built by the template; refuse huge texts and numbers."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _MAX_NUMBER:
        raise ContentLimit(f"template computes a number of more than {MAX_DIGITS} digits",
                           "write long numbers as text")
    budget.text(_size(value))
    return value


def _check_count(what: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        return
    if not 0 <= value <= MAX_RANGE:
        limit = "below 0" if value < 0 else f"over the limit of {MAX_RANGE:,}"
        raise ContentLimit(f"{what} {value} is {limit}", f"use widths and counts from 0 to {MAX_RANGE:,}")


# A printf conversion: flags, width, precision (`%-08.3f`, `%(name)10s`, `%*d`).
_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")
_DIGITS = re.compile(r"\d+")
_LONG_NUMBER = re.compile(rf"\d{{{MAX_DIGITS + 1}}}")
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def _formatted_size(template: str, widths: Iterable[str], arguments: Iterable[Any]) -> int:
    """Upper bound of a formatted text: the template, every width and precision, every argument."""
    size = len(template)
    for width in widths:
        if width == "*":
            raise ContentLimit("widths taken from the arguments ('*') are not allowed in content",
                               "write the width into the format")
        if width:
            if len(width) > len(str(MAX_RANGE)):
                raise ContentLimit(f"a format width {excerpt(width, 20)} is over the limit of {MAX_RANGE:,}",
                                   f"use widths and counts from 0 to {MAX_RANGE:,}")
            _check_count("a format width", int(width))
            size += int(width)
    return size + sum(len(str(a)) for a in arguments)


def _printf_size(template: str, arguments: Any) -> int:
    values = list(arguments.values()) if isinstance(arguments, dict) else \
        list(arguments) if isinstance(arguments, tuple) else [arguments]
    widths = [w for m in _PRINTF.finditer(template) for w in m.groups() if w]
    return _formatted_size(template, widths, values)


def _format_size(template: str, args: tuple, kwargs: dict) -> int:
    widths: list[str] = []
    for _, _, spec, _ in Formatter().parse(template):
        if spec and "{" in spec:
            raise ContentLimit("format fields nested in a format spec are not allowed in content",
                               "write the width into the format")
        widths.extend(_DIGITS.findall(spec or ""))
    return _formatted_size(template, widths, [*args, *kwargs.values()])


def _joined_size(separator: str, items: list) -> int:
    return len(separator) * max(len(items) - 1, 0) + sum(len(str(item)) for item in items)


def _replaced_size(text: str, old: str, new: str, count: Any = None) -> int:
    found = len(text) + 1 if old == "" else text.count(old)
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    return len(text) + found * max(len(new) - len(old), 0)


# Estimated size of a filter's result from its bound arguments, before it runs, for the
# filters whose arguments can multiply their input (indent a million lines by 10,000).
def _lines(text: Any) -> int:
    return str(text).count("\n") + 1


_FILTER_SIZES: dict[str, Callable[[dict[str, Any]], int]] = {
    "indent": lambda a: len(str(a["s"])) + _lines(a["s"]) * (
        len(a["width"]) if isinstance(a["width"], str) else int(a["width"])),
    "wordwrap": lambda a: len(str(a["s"])) + len(a["wrapstring"] or "\n") * (
        len(str(a["s"])) // max(int(a["width"]), 1) + _lines(a["s"])),
    "replace": lambda a: _replaced_size(str(a["s"]), str(a["old"]), str(a["new"]), a["count"]),
    "format": lambda a: _printf_size(str(a["value"]), a["kwargs"] or a["args"]),
    "center": lambda a: max(len(str(a["value"])), int(a["width"])),
    "join": lambda a: _joined_size(str(a["d"]), list(a["value"])),
}
# Arguments that are widths or counts: each must be from 0 to MAX_RANGE.
_FILTER_COUNTS: dict[str, tuple[str, ...]] = {
    "center": ("width",), "indent": ("width",), "wordwrap": ("width",), "truncate": ("length", "leeway"),
    "batch": ("linecount",), "slice": ("slices",), "round": ("precision",), "tojson": ("indent",),
    "urlize": ("trim_url_limit",),
}


def _budgeted_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a filter so each use is counted, its widths capped and its result checked."""
    pass_arg = _PassArg.from_obj(function)
    # The wrapped signature names the context Jinja passes in, unless the filter is one of
    # Jinja's sync/async pairs, whose plain function does not take it.
    signature = inspect.signature(function)
    if pass_arg is not None and _PassArg.from_obj(inspect.unwrap(function)) is not None:
        signature = signature.replace(parameters=list(signature.parameters.values())[1:])
    counts = _FILTER_COUNTS.get(name, ())
    estimate = _FILTER_SIZES.get(name)

    @pass_context
    def budgeted(context: Context, *args: Any, **kwargs: Any) -> Any:
        budget = _budget(context)
        budget.step()
        if name == "join" and args and not isinstance(args[0], (str, list, tuple)):
            args = (list(_counted(budget, args[0])), *args[1:])
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError:
            bound = None  # the filter itself says what is wrong with the call
        if bound is not None:
            bound.apply_defaults()
            arguments = bound.arguments
            for param in counts:
                _check_count(f"{name}() {param}", arguments.get(param))
            if estimate is not None:
                budget.text(estimate(arguments))
        budget.text(_size(args[0]) if args else 0)
        injected = {_PassArg.context: (context,), _PassArg.eval_context: (context.eval_ctx,),
                    _PassArg.environment: (context.environment,)}.get(pass_arg, ())  # type: ignore[arg-type]
        try:
            result = function(*injected, *args, **kwargs)
        except AssertionError as exc:  # Jinja checks some arguments with assert (truncate)
            raise ContentLimit(f"{name}(): {exc}", "check the filter's arguments") from None
        if isinstance(result, types.GeneratorType):
            result = _counted(budget, result)
        return _check_result(budget, result)

    return budgeted


def _counted(budget: RenderBudget, iterable: Iterable[Any]) -> Iterator[Any]:
    """Iterate, spending a step per item."""
    for item in iterable:
        budget.step()
        yield item


def _operations(body: list[nodes.Node]) -> int:
    return sum(1 + sum(1 for _ in child.find_all(nodes.Node)) for child in body)


def _literal_text(body: list[nodes.Node]) -> int:
    return sum(len(data.data) for child in body for data in
               ([child] if isinstance(child, nodes.TemplateData) else child.find_all(nodes.TemplateData)))


def _charge(node: nodes.Node, method: str, *values: nodes.Expr) -> nodes.Call:
    """A call of the environment's `method(context, *values)`, to spend budget at `node`."""
    return nodes.Call(nodes.EnvironmentAttribute(method), [nodes.ContextReference(), *values], [], None, None,
                      lineno=node.lineno)


class _BudgetedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with every loop and macro charged and every `~` concatenation checked."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.charges: dict[int, tuple[int, int]] = {}

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        # Each iteration and each macro call runs its body again: charge a step per operation
        # written in the body, and its literal text, so a short loop over a long body costs as
        # much as a long loop over a short one. Items a loop's `if` skips cost a step each.
        for loop in list(node.find_all(nodes.For)):
            loop.iter = _charge(loop.iter, "budgeted_loop", loop.iter)  # type: ignore[arg-type]
        blocks: list[nodes.For | nodes.Macro | nodes.CallBlock] = list(
            node.find_all((nodes.For, nodes.Macro, nodes.CallBlock)))
        for block in blocks:
            body = [*block.body, *([block.test] if isinstance(block, nodes.For) and block.test else [])]
            cost = (_operations(body), _literal_text(block.body))
            charge = nodes.ExprStmt(nodes.Const(cost), lineno=block.lineno)
            self.charges[id(charge)] = cost
            block.body.insert(0, charge)
        super().visit_Template(node, frame)

    def visit_ExprStmt(self, node: nodes.ExprStmt, frame: Frame) -> None:
        if id(node) not in self.charges:
            return super().visit_ExprStmt(node, frame)
        # A direct call: the sandbox's `call` would cost more than the body it charges.
        steps, text = self.charges[id(node)]
        self.writeline(f"environment.budgeted_steps(context, {steps}, {text})", node)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.budgeted_concat(context, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class ContentSandbox(ImmutableSandboxedEnvironment):
    """A sandbox that raises on unsafe access, and charges every render's budget."""

    code_generator_class = _BudgetedCodeGenerator
    # Repetition, powers, concatenation and printf formatting can build gigabytes from a few characters.
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any):
        super().__init__(finalize=self._output, **options)
        self.filters = {name: _budgeted_filter(name, f) for name, f in self.filters.items()}

    def unsafe_undefined(self, obj: Any, attribute: str):
        raise SecurityError(f"access to attribute '{attribute}' is not allowed in content")

    @staticmethod
    @pass_context
    def _output(context: Context, value: Any) -> str:
        """Every `{{ … }}` is charged for the text it writes."""
        text = str(value)
        _budget(context).text(len(text))
        return text + _STOP_MARK if text.endswith(".") else text

    def budgeted_loop(self, context: Context, iterable: Any) -> Iterator[Any]:
        """The iterable of a `{% for %}` loop, a step per item."""
        return _counted(_budget(context), iterable)

    def budgeted_steps(self, context: Context, steps: int, text: int) -> None:
        """Charge a loop's or a macro's body each time it runs."""
        budget = _budget(context)
        budget.step(steps)
        budget.text(text)

    def budgeted_concat(self, context: Context, parts: tuple[Any, ...]) -> str:
        """`a ~ b ~ c`, its size checked before it is built."""
        texts = [str(part) for part in parts]
        _budget(context).text(sum(len(t) for t in texts))
        return "".join(texts)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        budget = _budget(context)
        budget.step()
        if operator == "**" and isinstance(right, (int, float)):
            if abs(right) > MAX_EXPONENT:
                raise SecurityError(f"exponents above {MAX_EXPONENT} are not allowed in content")
            if isinstance(left, int) and isinstance(right, int) and left.bit_length() * right > 4 * MAX_DIGITS:
                raise ContentLimit(f"template computes a number of more than {MAX_DIGITS} digits",
                                   "write long numbers as text")
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(count, int) and len(seq) * count > MAX_OUTPUT:
                    raise SecurityError("repeating text that much is not allowed in content")
        if operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            budget.text(len(left) + len(right))
        if operator == "%" and isinstance(left, str):
            budget.text(_printf_size(left, right))
        return _check_result(budget, super().call_binop(context, operator, left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        budget = _budget(__context)
        budget.step()
        if __obj is range and args and any(isinstance(a, int) and abs(a) > MAX_RANGE for a in args):
            raise SecurityError(f"range() larger than {MAX_RANGE} is not allowed in content")
        if isinstance(__obj, LoopContext) and args:  # a recursive loop's `loop(children)`
            args = (_counted(budget, args[0]), *args[1:])
        owner = getattr(__obj, "__self__", None)
        if isinstance(__obj, types.BuiltinMethodType) and isinstance(owner, (str, bytes)):
            _check_text_method(budget, owner, __obj.__name__, args)
        if isinstance(__obj, Macro):
            if budget.depth >= MAX_CALL_DEPTH:
                raise ContentLimit(f"macros call each other more than {MAX_CALL_DEPTH} levels deep",
                                   "a macro may not call itself without end; remove the recursion")
            budget.depth += 1
            try:
                return _check_result(budget, super().call(__context, __obj, *args, **kwargs))
            finally:
                budget.depth -= 1
        return _check_result(budget, super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        template = value.__self__

        def checked(*args: Any, **kwargs: Any) -> str:
            # The budget is charged by `call`; here the widths are capped before formatting.
            mapping = args[0] if value.__name__ == "format_map" and args else {}
            size = _format_size(template, args if not mapping else (), kwargs or dict(mapping))
            if size > MAX_OUTPUT:
                raise ContentLimit(f"template builds a text of {size:,} characters, over the limit of {MAX_OUTPUT:,}")
            return wrapped(*args, **kwargs)

        return checked


def _check_text_method(budget: RenderBudget, text: str | bytes, method: str, args: tuple) -> None:
    """Text methods that can multiply their text (`'a'.center(10**9)`, `''.join(…)`)."""
    if method in _PADDING:
        for arg in args:
            _check_count(f"{method}() width", arg)
    if method == "join" and args and isinstance(args[0], (list, tuple)):
        budget.text(_joined_size(str(text), list(args[0])))
    elif method == "join" and args:
        raise ContentLimit("join() of a text takes a list in content", "use the join filter")
    elif method == "replace" and len(args) >= 2 and isinstance(text, str):
        budget.text(_replaced_size(text, str(args[0]), str(args[1]), args[2] if len(args) > 2 else None))
    budget.text(len(text))


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
    """Render a section body's Jinja with `variables` on a fresh budget; errors name file and line.

    `first_line` is the file line of the text's first line (after front matter).
    """
    if "{" not in text:
        return text  # the common case: plain Markdown, nothing to render
    name = f"<content {shown}>"
    try:
        _check_nesting(text, shown, first_line)
        tree = _ENV.parse(text, name, name)
        _check_tree(tree, shown, first_line)
        template = Template.from_code(_ENV, _ENV.compile(tree, name, name), _ENV.make_globals(None), None)
        template.name = name
        template.filename = name
        rendered = template.render({**variables, _BUDGET: RenderBudget()})
    except TemplateSyntaxError as exc:
        line = first_line + (exc.lineno or 1) - 1
        raise ContentError(Problem(shown, line, f"template syntax error: {exc.message}",
                                   "fix the {{ }} or {% %} markup, or write {{ '{{' }} for a literal brace")) from None
    except ContentLimit as exc:
        raise ContentError(Problem(shown, _error_line(name, first_line), exc.what, exc.hint)) from None
    except SecurityError as exc:
        raise ContentError(Problem(shown, _error_line(name, first_line), f"unsafe template: {exc}",
                                   "content may only use plain variables such as {{ company }}")) from None
    except UndefinedError as exc:
        raise ContentError(Problem(
            shown, _error_line(name, first_line), f"undefined variable: {exc.message}",
            "define it under 'variables:' in statement.yml or regions.yml, or fix its name")) from None
    except (RecursionError, MemoryError, SyntaxError):  # SyntaxError: Python's own nesting limits
        raise ContentError(Problem(shown, _error_line(name, first_line), "template nests or grows too much",
                                   _SIMPLIFY)) from None
    except (TemplateError, TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
        raise ContentError(Problem(shown, _error_line(name, first_line), f"template error: {exc}",
                                   "content may only use plain variables such as {{ company }}")) from None
    rendered = rendered.replace(_STOP_MARK + ".", "").replace(_STOP_MARK, "")
    if len(rendered) > MAX_OUTPUT:
        raise ContentError(Problem(shown, first_line, "template output is too large",
                                   "content may only use plain variables such as {{ company }}")) from None
    return rendered


# What content may write between braces (author44): a variable (`{{ company }}`), a variable's field
# (`{{ region.privacy_email }}`), and a quoted literal (`{{ '{{' }}` for a brace), as README documents.
_PLAIN_TAG = re.compile(r"\{\{-?\s*(?:[A-Za-z]\w*(?:\.[A-Za-z]\w*)*|'[^']*'|\"[^\"]*\")\s*-?\}\}$")
_PLAIN_NODES = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.Name, nodes.Getattr, nodes.Const)


def computed_expressions(text: str) -> list[tuple[int, str]]:
    """(line in `text`, the tag) of each `{{ … }}` or `{% … %}` that computes rather than names a plain variable:
    arithmetic (`{{ 7*7 }}` publishes "49"), filters, calls, tests, loops, sets, macros. `check` warns of each
    (and fails under --strict): a legal text says what it says, not what a template makes of it. Text that does
    not parse is the renderer's to refuse ([], here)."""
    if "{" not in text:
        return []
    try:
        tree = _ENV.parse(text)
    except TemplateSyntaxError:
        return []
    lines = text.split("\n")
    found: dict[int, str] = {}
    stack: list[nodes.Node] = [tree]
    while stack:
        node = stack.pop()
        field_walk = isinstance(node, nodes.Getattr) and (
            node.attr.startswith("_") or not isinstance(node.node, (nodes.Name, nodes.Getattr)))
        number = isinstance(node, nodes.Const) and not isinstance(node.value, str)
        plain = isinstance(node, _PLAIN_NODES) and not field_walk and not number
        if not plain:
            line = node.lineno or 1
            source = lines[line - 1] if line <= len(lines) else ""
            tags = [t for t in re.findall(r"\{[{%].*?[}%]\}", source) if not _PLAIN_TAG.match(t)]
            found.setdefault(line, tags[0] if tags else source.strip()[:60])
            continue
        stack.extend(node.iter_child_nodes())
    return sorted(found.items())


def _check_nesting(text: str, shown: str, first_line: int) -> None:
    """Refuse source nested deeper than Jinja's parser and Python's compiler can take.

    Both recurse once per level, so a few thousand `(` would end in a RecursionError;
    the check runs only when the text has enough brackets or tags to be that deep
    (after `{{` and `{%`, three brackets in prose or Markdown do not count).
    """
    for tag in _TAG.finditer(text):
        digits = _LONG_NUMBER.search(tag.group())
        if digits:
            raise ContentError(Problem(shown, first_line + text.count("\n", 0, tag.start() + digits.start()),
                                       f"number of more than {MAX_DIGITS} digits", "write long numbers as text"))
    tags = _TAG.findall(text)
    if len(tags) <= MAX_NESTING and all(len(t) < 200 for t in tags) \
            and sum(t.count("(") + t.count("[") + t.count("{") for t in tags) <= MAX_NESTING:
        return
    brackets, blocks, prefixes = 0, 0, 0
    previous = None
    for line, token, value in _ENV.lexer.tokenize(text):
        # `not not … x` and `- - … x` nest like brackets in the parser.
        prefixes = prefixes + 1 if value in ("not", "-", "+") and token in (TOKEN_NAME, TOKEN_SUB, TOKEN_ADD) else 0
        if token in (TOKEN_LPAREN, TOKEN_LBRACKET, TOKEN_LBRACE):
            brackets += 1
        elif token in (TOKEN_RPAREN, TOKEN_RBRACKET, TOKEN_RBRACE):
            brackets -= 1
        elif token == TOKEN_NAME and previous == TOKEN_BLOCK_BEGIN:
            if value in _OPENING_TAGS:
                blocks += 1
            elif value.startswith("end") and value[3:] in _OPENING_TAGS:
                blocks -= 1
        previous = token
        if max(brackets, blocks, prefixes) > MAX_NESTING:
            what = "brackets" if brackets > MAX_NESTING else "blocks" if blocks > MAX_NESTING else "operators"
            raise ContentError(Problem(shown, first_line + line - 1,
                                       f"template nests {what} more than {MAX_NESTING} levels deep",
                                       "split it into {% set %} steps"))


def _check_tree(tree: nodes.Template, shown: str, first_line: int) -> None:
    """Refuse expressions chained deeper than the compiler can take, and long number literals."""
    stack: list[tuple[nodes.Node, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_EXPRESSION_DEPTH:
            raise ContentError(Problem(shown, first_line + (node.lineno or 1) - 1,
                                       f"expression chains more than {MAX_EXPRESSION_DEPTH} operations",
                                       "split it into {% set %} steps"))
        if isinstance(node, nodes.Const) and isinstance(node.value, int) and abs(node.value) >= _MAX_NUMBER:
            raise ContentError(Problem(shown, first_line + (node.lineno or 1) - 1,
                                       f"number of more than {MAX_DIGITS} digits", "write long numbers as text"))
        deeper = depth + 1 if isinstance(node, nodes.Expr) else depth
        stack.extend((child, deeper) for child in node.iter_child_nodes())


def _error_line(template_name: str, first_line: int) -> int:
    """Find the template line of the error from Jinja's rewritten traceback."""
    tb = sys.exc_info()[2]
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == template_name:
            line = tb.tb_lineno
        tb = tb.tb_next
    return first_line + (line or 1) - 1
