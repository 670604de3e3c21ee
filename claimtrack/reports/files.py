"""Writing a report or export file so that a failed write never costs the file it replaces.

The text goes to a temporary file in the same folder (so the rename below stays on one file system),
is flushed and fsynced, and only then renamed over the old file (`os.replace`, atomic on POSIX and
Windows): a full disk, a size limit or an interrupted run leaves the previous file byte for byte,
and the temporary file is removed. The new file keeps the old one's permissions (or, when new, gets
those of any new file) rather than the temporary file's owner-only ones. A link is followed (the
file it names is replaced, the link stays); a device or pipe (`-o /dev/stdout`) is written straight
into, since it cannot be replaced.
"""
from __future__ import annotations

import os
import stat
import tempfile
from contextlib import suppress
from pathlib import Path


def replace_file(path: Path | str, text: str, *, newline: str | None = "") -> None:
    """Write *text* (UTF-8) to *path* all or nothing; raises OSError, with the previous file intact."""
    path = Path(os.path.realpath(path))
    if path.exists() and not path.is_file():
        with path.open("w", encoding="utf-8", newline=newline) as out:
            out.write(text)
        return
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)  # the only way to read it; set straight back
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); where a folder cannot be opened (Windows) the rename stands."""
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
