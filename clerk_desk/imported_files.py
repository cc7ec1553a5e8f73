"""Files named by the person at the desk, checked before they are opened.

Opening a FIFO blocks until someone writes to it, and reading a device or ``/dev/zero`` never
ends: only regular files are read, and their size is known before a byte is.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP


class NotARegularFile(UserError):
    """A folder, a pipe, a socket or a device where a file was expected."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            # {path} 不是普通文件（而是文件夹、管道或设备）；请选择文件本身
            QT_TRANSLATE_NOOP(
                "core",
                "{path} is not a regular file (it is a folder, a pipe or a device); "
                "choose the file itself",
            ),
            path=str(path),
        )


def regular_file_size(path: Path) -> int:
    """The size of ``path``; :class:`NotARegularFile` unless it is a regular file (a link to
    one is followed). ``OSError`` (missing, no permission) is the caller's to word."""
    status = os.stat(path)
    if not stat.S_ISREG(status.st_mode):
        raise NotARegularFile(path)
    return status.st_size


def read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file (see :func:`regular_file_size`)."""
    regular_file_size(path)
    return path.read_bytes()
