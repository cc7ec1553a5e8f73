"""Which SANE configuration is used: the system's, or a private one naming chosen backends.

SANE reads ``dll.conf`` (and each backend its own file, e.g. ``test.conf``) from
``SANE_CONFIG_DIR``: a directory that names only ``test`` makes
listing take milliseconds instead of seconds of network probing, gives the tests and demo
sessions a real scanner to drive, and leaves the system configuration alone.

libsane reads ``SANE_CONFIG_DIR`` once per process and keeps the path, but it reopens the
files under it at every ``sane_init``. So this process points SANE at one fixed path, a
symbolic link, and switching configuration re-points the link.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

DEMO_BACKENDS = ("test",)
CONFIG_DIR_VARIABLE = "SANE_CONFIG_DIR"
_GIVEN_CONFIG_DIR = os.environ.get(CONFIG_DIR_VARIABLE, "").split(":")[0]
SYSTEM_CONFIG_DIR = Path(_GIVEN_CONFIG_DIR or "/etc/sane.d")

_folders: dict[str, tempfile.TemporaryDirectory[str]] = {}


def _folder(key: str) -> Path:
    """A temporary directory kept until the process exits (SANE reads its files lazily)."""
    if key not in _folders:
        _folders[key] = tempfile.TemporaryDirectory(prefix="clerk-desk-sane-")
    return Path(_folders[key].name)


def config_dir(backends: Sequence[str] | None) -> Path:
    """A directory whose ``dll.conf`` names ``backends``.

    ``None``: the system's directory (the one ``SANE_CONFIG_DIR`` named when the desk started,
    else ``/etc/sane.d``).
    """
    if backends is None:
        return SYSTEM_CONFIG_DIR
    folder = _folder("\n".join(backends))
    dll_conf = folder / "dll.conf"
    if not dll_conf.exists():
        dll_conf.write_text("".join(f"{name}\n" for name in backends), encoding="utf-8")
    return folder


def sane_environment(backends: Sequence[str] | None) -> dict[str, str]:
    """The environment for a SANE program run as a subprocess (``scanimage``)."""
    return dict(os.environ) | {CONFIG_DIR_VARIABLE: str(config_dir(backends))}


@contextmanager
def use_in_process(backends: Sequence[str] | None) -> Iterator[None]:
    """Point this process's SANE at ``backends``: call ``sane_init`` and use the devices
    inside.

    Each backend is a library with its own copy of SANE's configuration reader, which reads
    the variable when the backend is first loaded: at the first listing or opening of a
    device, not at ``sane_init``. The variable is set only for as long as the block runs, so
    programs this process starts afterwards (``scanimage``, another ``clerk-desk``) see the
    environment it was given. Without a ``test.conf`` here the test backend uses its
    built-in settings (an 80 × 100 mm page).
    """
    link = _folder("process") / "current"
    staged = link.with_name("staged")
    staged.unlink(missing_ok=True)
    staged.symlink_to(config_dir(backends), target_is_directory=True)
    staged.replace(link)
    given = os.environ.get(CONFIG_DIR_VARIABLE)
    os.environ[CONFIG_DIR_VARIABLE] = str(link)
    try:
        yield
    finally:
        if given is None:
            del os.environ[CONFIG_DIR_VARIABLE]
        else:
            os.environ[CONFIG_DIR_VARIABLE] = given
