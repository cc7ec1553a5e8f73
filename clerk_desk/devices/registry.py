"""Finding and opening capture sources by name.

Names: ``file:PATH`` imports a file; ``twain:PRODUCT`` is a TWAIN source (Windows); anything
else is a SANE device name such as ``test:0`` or ``epson2:libusb:001:004`` (Linux).
``backends`` limits SANE to a private configuration naming only those backends
(``DEMO_BACKENDS`` in demo mode); ``None`` uses the system's SANE configuration.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from clerk_desk.devices.base import CaptureSource, DeviceError, DeviceInfo
from clerk_desk.devices.file_source import DEFAULT_MAX_IMPORT_MB, FileSource
from clerk_desk.devices.file_source import PREFIX as FILE_PREFIX
from clerk_desk.devices.twain_backend import PREFIX as TWAIN_PREFIX

ON_WINDOWS = sys.platform == "win32"


def list_devices(backends: Sequence[str] | None = None) -> list[DeviceInfo]:
    """Every scanner this machine can see (files are not listed: any path can be imported).

    A scanner that cannot be opened now (busy) is listed without its options.

    Raises ``OSError`` when the scanner subsystem itself cannot be used.
    """
    if ON_WINDOWS:
        from clerk_desk.devices.twain_backend import list_twain_devices

        return list_twain_devices()
    try:
        from clerk_desk.devices import sane_backend
    except ImportError as error:
        raise OSError(f"SANE is not installed: {error}") from error
    found = []
    for name, model in sane_backend.list_sane_devices(backends):
        try:
            found.append(sane_backend.describe_sane_device(name, model, backends))
        except DeviceError:
            found.append(DeviceInfo(name, model, "sane", (), (), ()))
    return found


def open_device(
    name: str,
    backends: Sequence[str] | None = None,
    max_import_mb: int = DEFAULT_MAX_IMPORT_MB,
) -> CaptureSource:
    """The source called ``name``; raises ``DeviceNotFound`` / ``DeviceBusy`` for a scanner."""
    if name.startswith(FILE_PREFIX):
        return FileSource(Path(name.removeprefix(FILE_PREFIX)), max_import_mb)
    if name.startswith(TWAIN_PREFIX):
        from clerk_desk.devices.twain_backend import TwainSource

        return TwainSource(name.removeprefix(TWAIN_PREFIX))
    from clerk_desk.devices import sane_backend

    info = sane_backend.describe_sane_device(name, name, backends)
    return sane_backend.SaneSource(info, backends)
