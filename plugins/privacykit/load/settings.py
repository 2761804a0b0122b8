"""A project's settings: its paths and options, from `mkdocs.yml` or the defaults.

`mkdocs build` hands the plugin its options already checked by MkDocs; every other
command (`check`, `release`, `diff`…) reads the same options from `mkdocs.yml` here,
without importing MkDocs. Both end in `settings_from_options`, so a folder configured
once (`statements_dir: content`) is used by every command.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ContentError, Problem
from ..model.paths import CONFIG_FILE, SITE_DIR, STATEMENTS_DIR, TEMPLATES_DIR, VERSIONS_DIR, ProjectPaths
from .textfile import MAX_FILE_BYTES

PLUGIN = "privacykit"

# The plugin's options and their defaults (mkdocs/config.py declares the same for MkDocs;
# a test keeps the two equal).
OPTIONS: dict[str, tuple[type | tuple[type, ...], Any]] = {
    "statements_dir": (str, STATEMENTS_DIR),
    "versions_dir": (str, VERSIONS_DIR),
    "templates_dir": (str, TEMPLATES_DIR),
    "rules_file": ((str, type(None)), None),
    "default_region": (str, "global"),
    "build_date": ((str, type(None)), None),
    "preview_draft": (bool, False),
    "jobs": (int, 0),
    "recently_updated_days": (int, 90),
    "pdf": (bool, True),
    "pdf_cache_dir": (str, ".cache/pdf"),
}


@dataclass(frozen=True)
class ProjectSettings:
    """Everything a command needs to know about a project before loading its content."""

    paths: ProjectPaths
    default_region: str = "global"
    preview_draft: bool = False
    build_date: str | None = None
    jobs: int = 0
    site_url: str = ""      # MkDocs' site_url: where the site is published (notices link there)
    recently_updated_days: int = 90


def settings_from_options(root: Path | str, options: Mapping[str, Any], site_dir: str | Path | None = None,
                          config_file: Path | str | None = None, site_url: str | None = None) -> ProjectSettings:
    """Settings from the plugin's options (as MkDocs or `read_settings` found them)."""
    value = {name: options.get(name, default) if options.get(name) is not None else default
             for name, (_, default) in OPTIONS.items()}
    root = Path(root)
    site = Path(site_dir) if site_dir else Path(SITE_DIR)
    paths = ProjectPaths.under(
        root, statements=value["statements_dir"], versions=value["versions_dir"],
        templates=value["templates_dir"], rules=value["rules_file"],
        site=str(site), config_file=config_file)
    return ProjectSettings(paths, value["default_region"], value["preview_draft"], value["build_date"],
                           value["jobs"], site_url or "", value["recently_updated_days"])


def read_settings(root: Path | str, config_file: Path | str | None = None) -> ProjectSettings:
    """The settings of the project at `root`: its `mkdocs.yml` privacykit options, or the
    defaults when it has no `mkdocs.yml` (a content-only project, as in tests)."""
    path = Path(config_file) if config_file else Path(root) / CONFIG_FILE
    if not path.is_file():
        if config_file:
            raise ContentError(Problem(path.as_posix(), None, "MkDocs configuration not found",
                                       "run from the project root or pass --config-file"))
        return settings_from_options(root, {})
    # As in MkDocs, the folders named in mkdocs.yml are relative to it.
    root = path.parent
    shown = path.name if path.parent.resolve() == root.resolve() else path.as_posix()
    config = _read_config(path, shown)
    options = _plugin_options(config, shown)
    for name, given in options.items():
        if name in OPTIONS and given is not None and not _is(given, OPTIONS[name][0]):
            expected = OPTIONS[name][0]
            kind = expected.__name__ if isinstance(expected, type) else expected[0].__name__
            raise ContentError(Problem(shown, None, f"privacykit option '{name}' must be a {kind}, not {given!r}",
                                       "fix it under 'plugins: - privacykit:'"))
    site_dir = config.get("site_dir")
    if site_dir is not None and not isinstance(site_dir, str):
        raise ContentError(Problem(shown, None, f"site_dir must be a folder name, not {site_dir!r}", "fix site_dir"))
    site_url = config.get("site_url")
    if site_url is not None and not isinstance(site_url, str):
        raise ContentError(Problem(shown, None, f"site_url must be an address, not {site_url!r}",
                                   "write 'site_url: https://…/'"))
    return settings_from_options(root, options, site_dir, path, site_url)


def pages_folder(config_file: Path) -> Path | None:
    """The pages folder (MkDocs' `docs_dir`, default `docs`) of the project configured by
    `config_file`, or None without a configuration or a folder."""
    if not config_file.is_file():
        return None
    docs_dir = _read_config(config_file, config_file.name).get("docs_dir", "docs")
    folder = config_file.parent / docs_dir if isinstance(docs_dir, str) else None
    return folder if folder is not None and folder.is_dir() and not folder.is_symlink() else None


def _is(value: Any, expected: type | tuple[type, ...]) -> bool:
    # YAML booleans are ints to Python: an option that wants a number refuses `true`.
    if isinstance(value, bool) and expected is int:
        return False
    return isinstance(value, expected)


class _Unresolved:
    """A value MkDocs computes with a tag (`!relative`, `!!python/name:`) that privacykit cannot."""

    def __init__(self, tag: str):
        self.tag = tag

    def __repr__(self) -> str:
        return f"a value tagged {self.tag}"


def _config_yaml() -> Any:
    """A YAML reader of mkdocs.yml as MkDocs reads it for what privacykit needs: `!ENV` is
    resolved, other tags (Python names of Markdown extensions) are left unresolved."""
    # Imported here: a project without mkdocs.yml (and `classify` outside a project) needs no YAML.
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import SafeConstructor

    def env(constructor: SafeConstructor, node: Any) -> Any:
        names = constructor.construct_sequence(node) if node.id == "sequence" else [constructor.construct_scalar(node)]
        *variables, default = names if len(names) > 1 else [*names, None]
        return next((os.environ[v] for v in variables if v in os.environ), default)

    def unknown(constructor: SafeConstructor, suffix: str, node: Any) -> _Unresolved:
        return _Unresolved(str(node.tag))

    class ConfigConstructor(SafeConstructor):
        pass

    ConfigConstructor.add_constructor("!ENV", env)
    ConfigConstructor.add_multi_constructor("", unknown)
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = ConfigConstructor
    return yaml


def _read_config(path: Path, shown: str, depth: int = 0) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError(Problem(shown, None, f"cannot read file ({exc.strerror})", "check that it is readable")) \
            from None
    if len(data) > MAX_FILE_BYTES:
        raise ContentError(Problem(shown, None, "file is over the size limit", "keep mkdocs.yml small"))
    if b"!" in data:     # a tag (`!ENV` reads the environment): parsed at every start
        config = _parsed_config(data, shown)
    else:
        # What a file without tags parses to depends on its bytes alone: kept per machine, so a
        # short command (`classify` in a project) imports no YAML code (`machine_cache.py`).
        from ..machine_cache import ParsedCache, cache_folder

        config = ParsedCache(cache_folder()).parsed_bytes("mkdocs-config", data, [Path(__file__)],
                                                         lambda: _parsed_config(data, shown))
    if not isinstance(config, dict):
        raise ContentError(Problem(shown, 1, "mkdocs.yml must be a mapping", "start it with 'site_name: …'"))
    parent = config.pop("INHERIT", None)
    if isinstance(parent, str) and depth < 5:
        # MkDocs merges the inherited file under this one; the options privacykit reads are top-level keys.
        base = _read_config(path.parent / parent, parent, depth + 1)
        config = {**base, **config}
    return config


def _parsed_config(data: bytes, shown: str) -> Any:
    from ruamel.yaml.error import YAMLError

    yaml = _config_yaml()
    try:
        return yaml.load(data.decode("utf-8"))
    except (YAMLError, UnicodeDecodeError) as exc:
        raise ContentError(Problem(shown, None, f"invalid YAML: {' '.join(str(exc).split())}",
                                   "fix mkdocs.yml")) from None


def _plugin_options(config: dict[str, Any], shown: str) -> dict[str, Any]:
    plugins = config.get("plugins")
    entries: list[tuple[Any, Any]] = []
    if isinstance(plugins, list):
        for item in plugins:
            if isinstance(item, dict):
                entries.extend(item.items())
            else:
                entries.append((item, None))
    elif isinstance(plugins, dict):
        entries = list(plugins.items())
    for name, options in entries:
        if name != PLUGIN:
            continue
        if options is None:
            return {}
        if not isinstance(options, dict):
            raise ContentError(Problem(shown, None, "the privacykit plugin's options must be a mapping",
                                       "write '- privacykit: {statements_dir: …}'"))
        unresolved = [k for k, v in options.items() if isinstance(v, _Unresolved)]
        if unresolved:
            raise ContentError(Problem(shown, None, f"privacykit option '{unresolved[0]}' uses a YAML tag",
                                       "write a plain value (privacykit reads its options without MkDocs)"))
        return dict(options)
    return {}
