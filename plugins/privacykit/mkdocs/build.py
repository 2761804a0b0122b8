"""Run a whole MkDocs build atomically: into a temporary folder, then swap it in.

A build that fails half-way leaves the previous `site/` exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..errors import ContentError, PrivacykitError, Problem, UsageError
from ..publish.cache import RenderCache
from ..render.dates import build_date as resolve_build_date
from .plugin import PrivacykitPlugin, site_dir_refusal


def build_site(config_file: Path, site_dir: Path | None = None, strict: bool = False,
               build_date: str | None = None, quiet: bool = True, progress=None,
               incremental: bool = False, jobs: int | None = None, cache: RenderCache | None = None,
               pdf: bool | None = None, checked: bool = False) -> Path:
    """Build the site described by `config_file`; return the final site folder.

    `incremental` builds as `mkdocs serve` does: in one process, keeping rendered pages in
    `cache` for the next build that is given the same cache. `jobs` overrides the plugin's
    `jobs` option (processes the build may use; 0 for one per core); `pdf` its `pdf` option
    (archival PDFs). In MkDocs' strict mode the plugin runs `check --strict` and fails on what it lists;
    `checked` says the caller has just done so (`privacykit build --strict`).
    """
    config_file = Path(config_file)
    logging.getLogger("mkdocs").setLevel(logging.WARNING if quiet else logging.INFO)
    try:
        config = load_config(str(config_file), strict=strict)
    except MkDocsException as exc:
        raise ContentError(Problem(config_file.name, None, str(exc).strip(), "fix mkdocs.yml")) from None
    for plugin in config.plugins.values():
        if isinstance(plugin, PrivacykitPlugin):
            plugin.progress = progress
            plugin.checked = checked
            if cache is not None:
                plugin.cache = cache
            if build_date:
                plugin.config.build_date = build_date
            if jobs is not None:
                plugin.config.jobs = jobs
            if pdf is not None:
                plugin.config.pdf = pdf
    # MkDocs stamps the sitemap (and its gzip header) with the build time: pin it to the
    # build date so two builds of the same inputs and date are byte-identical.
    day = resolve_build_date(build_date, what="--date")
    final = Path(site_dir) if site_dir else Path(config.site_dir)
    refused = site_dir_refusal(config, final, "--site-dir" if site_dir else None)
    if refused is not None:
        raise UsageError(refused)
    final.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(final)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}-staging-", dir=final.parent))
    # Held until this process ends: a build that finds the folder unlocked knows its
    # builder was killed, and removes it.
    staging_lock = os.open(staging, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(staging_lock, fcntl.LOCK_EX)
    previous_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime(day.year, day.month, day.day,
                                                          tzinfo=dt.timezone.utc).timestamp()))
    # MkDocs logs a plugin's error before aborting; it is reported once, as our own line.
    own_errors = _OwnErrors(config)
    build_log = logging.getLogger("mkdocs.commands.build")
    build_log.addFilter(own_errors)
    try:
        config.site_dir = str(staging)
        try:
            config.plugins.on_startup(command="serve" if incremental else "build", dirty=False)
            build(config)
        except MkDocsException as exc:
            raise _original_error(config, exc, config_file) from None
        finally:
            config.plugins.on_shutdown()
        _swap(staging, final)
    finally:
        build_log.removeFilter(own_errors)
        if previous_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous_epoch
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        os.close(staging_lock)
    return final


def remove_stale_staging(final: Path) -> None:
    """Remove what killed builds left next to `final`: staging folders no live build holds
    locked, and previous sites whose swapping process is gone."""
    staging = re.compile(rf"^\.{re.escape(final.name)}-staging-|^\.site-[a-z0-9_]{{8}}$")
    old = re.compile(rf"^\.{re.escape(final.name)}-old-(\d+)$")
    for entry in final.parent.iterdir():
        if entry.is_symlink() or not entry.is_dir():
            continue
        if staging.match(entry.name):
            fd = os.open(entry, os.O_RDONLY | os.O_DIRECTORY)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue            # a build running now
            finally:
                os.close(fd)
            shutil.rmtree(entry, ignore_errors=True)
        elif (match := old.match(entry.name)) and not _alive(int(match.group(1))):
            shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class _OwnErrors(logging.Filter):
    """Drops MkDocs' log line of an error a privacykit plugin raised (the caller prints it)."""

    def __init__(self, config):
        super().__init__()
        self.plugins = [p for p in config.plugins.values() if isinstance(p, PrivacykitPlugin)]

    def filter(self, record: logging.LogRecord) -> bool:
        errors = {str(p.error) for p in self.plugins if p.error is not None}
        return not (record.levelno >= logging.ERROR and record.getMessage() in errors)


def _original_error(config, exc: MkDocsException, config_file: Path) -> PrivacykitError:
    """The privacykit error behind a failed build (the plugin keeps it), or MkDocs' own."""
    for plugin in config.plugins.values():
        error = getattr(plugin, "error", None)
        if isinstance(error, PrivacykitError):
            return error
    return ContentError(Problem(config_file.name, None, f"MkDocs build failed: {str(exc).strip()}",
                                "fix the problem MkDocs names"))


def _swap(staging: Path, final: Path) -> None:
    """Replace `final` with `staging` with one rename (plus one for the old copy)."""
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}-old-{os.getpid()}")
        os.rename(final, old)
    try:
        os.rename(staging, final)
    except OSError:
        if old is not None:
            os.rename(old, final)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
