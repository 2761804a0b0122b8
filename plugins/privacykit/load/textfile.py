"""Reading the text files privacykit is given, safely: kind, size and encoding checked first.

Kept apart from YAML reading so that commands that read plain text (`classify`) start without
loading a YAML parser.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path, PurePath

from ..errors import ContentError, Problem

MAX_FILE_BYTES = 1_000_000


def read_text(path: Path, shown: str, limit: int | None = MAX_FILE_BYTES, links: bool = False) -> str:
    """Read a UTF-8 text file (without its byte-order mark, with LF line ends), refusing
    binary, oversized or mis-encoded files.

    `limit` is None for files the toolkit wrote itself and vouches for by their hash (a
    release's frozen files): a large release must stay readable. `links` is True only for a
    file named on the command line (a policy to import or classify): a project's own files
    may not be symbolic links (see `read_exact_text`).
    """
    text = read_exact_text(path, shown, limit, links)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n")


def read_exact_text(path: Path, shown: str, limit: int | None = MAX_FILE_BYTES, links: bool = False) -> str:
    """Read a UTF-8 text file as it is (byte-order mark and line ends kept), with the checks
    of `read_text`: for files the toolkit rewrites in part and must otherwise keep intact.

    The kind and size of the file are checked on the open descriptor before anything is
    read, and no more than the limit is ever read: a named pipe would block for ever, and
    a device such as /dev/zero never ends. Unless `links`, a symbolic link is refused: the
    file itself (opened with O_NOFOLLOW) and every folder of `shown`, the path as messages
    show it (relative to the project), so a link in content cannot pull in a file from
    outside the project (regions.yml, release notes, a translations folder).
    """
    if not links:
        _refuse_links(Path(path), shown)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | (0 if links else getattr(os, "O_NOFOLLOW", 0))
    try:
        # Opening a named pipe without O_NONBLOCK waits for a writer.
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not links:
            raise ContentError(Problem(shown, None, "a symbolic link (content files may not be links)",
                                       "copy the file into the project instead")) from None
        raise ContentError(Problem(shown, None, f"cannot read file ({exc.strerror})",
                                   "check that it exists and is readable")) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ContentError(Problem(shown, None, f"not a regular file ({_kind(info.st_mode)})",
                                       "replace it with a plain text file"))
        if limit is None:
            raw = handle.read()
        else:
            raw = handle.read(limit + 1) if info.st_size <= limit else b""
    size = max(info.st_size, len(raw))
    if limit is not None and size > limit:
        raise ContentError(Problem(shown, None,
                                   f"file is {size:,} bytes, over the limit of {limit:,}",
                                   "split it into smaller sections"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(Problem(shown, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                                   "save the file as UTF-8")) from None
    return text


def _refuse_links(path: Path, shown: str) -> None:
    """Refuse `path` when one of the folders `shown` names (the part of `path` inside the project) is a
    symbolic link; a path shown whole (outside the project) is checked only at its last part."""
    parts = PurePath(shown).parts
    if PurePath(shown).is_absolute() or path.parts[-len(parts):] != parts:
        return
    for depth in range(1, len(parts)):
        folder = path.parents[depth - 1]
        if folder.is_symlink():
            raise ContentError(Problem(PurePath(*parts[:len(parts) - depth]).as_posix(), None,
                                       "a symbolic link (content folders may not be links)",
                                       "copy the folder into the project instead"))


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))
    return next((name for test, name in kinds if test(mode)), "not a file")


def linked_pages(folder: Path, shown_folder: str, relative: list[str]) -> list[Problem]:
    """The files of the pages folder (`relative` to `folder`, as MkDocs found them) that are symbolic
    links or lie in a linked folder, one problem each (a linked folder once).

    MkDocs follows links and copies what they point to into the site: a link to /proc/self/environ or
    .git/config would publish the build's environment (a CI job's tokens) or the checkout's credentials.
    """
    problems: list[Problem] = []
    seen: set[str] = set()
    for name in sorted(relative):
        parts = PurePath(name).parts
        for depth in range(1, len(parts) + 1):
            inside = PurePath(*parts[:depth]).as_posix()
            if inside in seen:
                break
            if (folder / inside).is_symlink():
                seen.add(inside)
                what = "folder" if (folder / inside).is_dir() else "file"
                problems.append(Problem(f"{shown_folder}/{inside}", None,
                                        f"a symbolic link (the site would publish the {what} it points to, "
                                        "from the machine that builds it)",
                                        f"copy the {what} into {shown_folder}/ instead"))
                break
    return problems


def pages_folder_links(folder: Path, shown_folder: str) -> list[Problem]:
    """`linked_pages` for every entry of the pages folder MkDocs would publish (names starting with
    a dot are left out, as MkDocs leaves them), found without following any link."""
    found = []
    for base, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if not f.startswith(".")]
        inside = Path(base).relative_to(folder)
        found += [(inside / name).as_posix() for name in files if not name.startswith(".")]
        found += [(inside / name).as_posix() for name in folders if (Path(base) / name).is_symlink()]
    return linked_pages(folder, shown_folder, found)
