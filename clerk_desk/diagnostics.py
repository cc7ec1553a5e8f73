"""Headless checks of the machine and the data directory (``clerk-desk doctor``).

Every check returns a :class:`CheckResult`: what was checked, whether it passed, what was
found and, when it did not pass, what to do. A failed check is either an ``error`` (the desk
cannot work properly: no Chinese font, a broken database) or a ``warning`` (the desk works
with less: no printer, no scanner, platform offline).

No Qt here: ``ui/app.py``'s ``--self-test`` runs :func:`headless_checks` and adds its own Qt
checks on top. External tools (``fc-list``, ``lpstat``) run as subprocesses
with timeouts, so a hanging driver never hangs the doctor.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from clerk_desk.devices.base import DeviceInfo
from clerk_desk.devices.registry import list_devices
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg
from clerk_desk.paths import DataDir
from clerk_desk.resources import resource_path
from clerk_desk.settings import Settings, SettingsError
from clerk_desk.storage_errors import StorageError
from local_cache.db import Database
from local_cache.faults import StorageFault
from local_cache.migrate import current_revision, head_revision

SC_FONT_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimSun",
)
FONT_PACKAGES = "fonts-noto-cjk fonts-wqy-microhei"
COMMAND_TIMEOUT_S = 10.0
PLATFORM_TIMEOUT_S = 3.0
HEALTH_PATH = "/api/v1/health"
# Debian's package for lpstat and lp (the CUPS server itself is the package "cups").
CUPS_CLIENT_PACKAGE = "cups-client"
# What the window needs to start the training platform (it runs ``python -m platform_sandbox``).
TRAINING_PLATFORM_MODULES = ("platform_sandbox", "fastapi", "uvicorn")
TRAINING_PLATFORM_FOLDER = "platform"  # under the demo data dir, as the window uses it
TRANSLATION_LANGUAGES = ("zh_CN",)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class CheckResult:
    """One line of the doctor's report.

    ``severity`` says how bad a failure is; for a passed check it is the severity the check
    would have had, which keeps the JSON shape the same for every row.
    """

    name: str
    title: Message
    ok: bool
    severity: Severity
    detail: Message
    remedy: Message | None = None

    @property
    def status(self) -> str:
        return "ok" if self.ok else self.severity.value

    @property
    def is_error(self) -> bool:
        return not self.ok and self.severity is Severity.ERROR

    def as_dict(self, language: str | None = None) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title.render(language),
            "status": self.status,
            "ok": self.ok,
            "severity": self.severity.value,
            "detail": self.detail.render(language),
            "remedy": self.remedy.render(language) if self.remedy else None,
        }


def _run(command: Sequence[str], timeout: float, env: dict[str, str] | None = None) -> str:
    """Run a tool and return its stdout; raises OSError/SubprocessError on any failure."""
    completed = subprocess.run(
        list(command),
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    if completed.returncode != 0:
        raise subprocess.CalledProcessError(
            completed.returncode, command, completed.stdout, completed.stderr
        )
    return completed.stdout


def _install_hint(packages: str) -> Message:
    return msg(
        QT_TRANSLATE_NOOP(
            "core", "Install: sudo apt-get install --no-install-recommends {packages}"
        ),
        packages=packages,
    )


def _found(names: str) -> Message:
    """A detail that is only data (names of fonts, printers, devices): nothing to translate."""
    return Message("{names}", {"names": names})


def _failure_text(error: Exception) -> str:
    if isinstance(error, subprocess.CalledProcessError):
        output = (error.stderr or error.stdout or "").strip()
        return output.splitlines()[-1] if output else f"exit code {error.returncode}"
    return str(error)


def check_cjk_font() -> CheckResult:
    """A Simplified-Chinese font must be installed, or every Chinese character is a box.

    Only SC families count: with a JP font alone fontconfig draws 直, 骨, 令 in Japanese forms.
    """
    title = msg(QT_TRANSLATE_NOOP("core", "Chinese (Simplified) font"))
    remedy = _install_hint(FONT_PACKAGES)
    if shutil.which("fc-list") is None:
        return CheckResult(
            "cjk_font",
            title,
            False,
            Severity.ERROR,
            msg(QT_TRANSLATE_NOOP("core", "fontconfig (fc-list) is not installed")),
            _install_hint(f"fontconfig {FONT_PACKAGES}"),
        )
    try:
        output = _run(["fc-list", ":lang=zh-cn", "family"], COMMAND_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError) as error:
        return CheckResult(
            "cjk_font",
            title,
            False,
            Severity.ERROR,
            msg(
                QT_TRANSLATE_NOOP("core", "fc-list failed: {error}"),
                error=_failure_text(error),
            ),
            remedy,
        )
    installed = {name.strip() for line in output.splitlines() for name in line.split(",")}
    found = [family for family in SC_FONT_FAMILIES if family in installed]
    if not found:
        return CheckResult(
            "cjk_font",
            title,
            False,
            Severity.ERROR,
            msg(QT_TRANSLATE_NOOP("core", "No Simplified Chinese font is installed")),
            remedy,
        )
    return CheckResult("cjk_font", title, True, Severity.ERROR, _found(", ".join(found)))


def check_data_dir(location: DataDir) -> CheckResult:
    """Write, fsync and remove a temp file where the desk keeps its data.

    A data directory that does not exist yet is checked through its nearest existing parent,
    since the desk creates it at first start; the doctor itself creates nothing.
    """
    title = msg(QT_TRANSLATE_NOOP("core", "Data directory"))
    folder = location.root
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=".doctor-", suffix=".tmp")
        try:
            os.write(fd, b"clerk-desk doctor\n")
            os.fsync(fd)
        finally:
            os.close(fd)
            os.remove(name)
    except OSError as error:
        return CheckResult(
            "data_dir",
            title,
            False,
            Severity.ERROR,
            msg(
                QT_TRANSLATE_NOOP("core", "Cannot write in {path}: {error}"),
                path=str(folder),
                error=error.strerror or str(error),
            ),
            msg(
                QT_TRANSLATE_NOOP(
                    "core", "Give this user write access to {path}, or start with --data-dir"
                ),
                path=str(folder),
            ),
        )
    if folder != location.root:
        detail = msg(
            QT_TRANSLATE_NOOP("core", "{path} will be created at first start"),
            path=str(location.root),
        )
    else:
        detail = msg(QT_TRANSLATE_NOOP("core", "{path} is writable"), path=str(location.root))
    return CheckResult("data_dir", title, True, Severity.ERROR, detail)


def check_settings(location: DataDir) -> tuple[CheckResult, Settings | None]:
    """The settings file must be readable by this version; returns it for later checks."""
    title = msg(QT_TRANSLATE_NOOP("core", "Settings"))
    try:
        settings = Settings.load(location.config_file)
    except SettingsError as error:
        return (
            CheckResult(
                "settings",
                title,
                False,
                Severity.ERROR,
                error.message,
                msg(
                    QT_TRANSLATE_NOOP("core", "Fix or remove {path}"),
                    path=str(location.config_file),
                ),
            ),
            None,
        )
    if location.config_file.exists():
        detail = msg(
            QT_TRANSLATE_NOOP("core", "{path} ({mode} mode)"),
            path=str(location.config_file),
            mode=settings.get("mode"),
        )
    else:
        detail = msg(QT_TRANSLATE_NOOP("core", "Not set up yet: defaults apply"))
    return CheckResult("settings", title, True, Severity.ERROR, detail), settings


def check_database(path: Path) -> CheckResult:
    """``PRAGMA integrity_check`` and the Alembic revision (must be this program's head)."""
    title = msg(QT_TRANSLATE_NOOP("core", "Database"))
    if not path.exists():
        return CheckResult(
            "database",
            title,
            True,
            Severity.ERROR,
            msg(QT_TRANSLATE_NOOP("core", "{path} will be created at first start"), path=str(path)),
        )
    try:
        database = Database(path)
    except StorageFault as fault:
        return CheckResult(
            "database",
            title,
            False,
            Severity.ERROR,
            StorageError(fault.kind, path).message,
            msg(QT_TRANSLATE_NOOP("core", "Restore the database from a backup")),
        )
    try:
        problems = database.integrity_check()
        current = current_revision(database)
    except (SQLAlchemyError, OSError, StorageFault) as error:
        return CheckResult(
            "database",
            title,
            False,
            Severity.ERROR,
            msg(
                QT_TRANSLATE_NOOP("core", "{path} cannot be read: {error}"),
                path=str(path),
                error=str(error.__cause__ if isinstance(error, StorageFault) else error),
            ),
            msg(QT_TRANSLATE_NOOP("core", "Restore the database from a backup")),
        )
    finally:
        database.dispose()
    if problems:
        return CheckResult(
            "database",
            title,
            False,
            Severity.ERROR,
            msg(
                QT_TRANSLATE_NOOP("core", "Integrity check failed: {problems}"),
                problems="; ".join(problems[:5]),
            ),
            msg(QT_TRANSLATE_NOOP("core", "Restore the database from a backup")),
        )
    head = head_revision()
    if current != head:
        return CheckResult(
            "database",
            title,
            False,
            Severity.ERROR,
            msg(
                QT_TRANSLATE_NOOP(
                    "core", "Schema revision is {current}, this program needs {head}"
                ),
                current=current or "-",
                head=head or "-",
            ),
            msg(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Start clerk-desk once to upgrade an older database; "
                    "a newer one needs a newer clerk-desk",
                )
            ),
        )
    return CheckResult(
        "database",
        title,
        True,
        Severity.ERROR,
        msg(
            QT_TRANSLATE_NOOP("core", "Integrity ok, schema revision {revision}"),
            revision=current or "-",
        ),
    )


def check_printers() -> CheckResult:
    """Printers known to CUPS. Without any, papers can still be saved as PDF."""
    title = msg(QT_TRANSLATE_NOOP("core", "Printers"))
    if shutil.which("lpstat") is None:
        return CheckResult(
            "printers",
            title,
            False,
            Severity.WARNING,
            msg(QT_TRANSLATE_NOOP("core", "No CUPS client (lpstat): printing to PDF only")),
            _install_hint(CUPS_CLIENT_PACKAGE),
        )
    try:
        output = _run(["lpstat", "-e"], COMMAND_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError) as error:
        return CheckResult(
            "printers",
            title,
            False,
            Severity.WARNING,
            msg(
                QT_TRANSLATE_NOOP("core", "CUPS did not answer ({error}): printing to PDF only"),
                error=_failure_text(error),
            ),
            msg(QT_TRANSLATE_NOOP("core", "Start CUPS: sudo systemctl start cups")),
        )
    printers = [line.strip() for line in output.splitlines() if line.strip()]
    if not printers:
        return CheckResult(
            "printers",
            title,
            False,
            Severity.WARNING,
            msg(QT_TRANSLATE_NOOP("core", "No printer is set up: printing to PDF only")),
            msg(QT_TRANSLATE_NOOP("core", "Add the window's printer in the CUPS settings")),
        )
    return CheckResult("printers", title, True, Severity.WARNING, _found(", ".join(printers)))


SCANNER_LISTING_SECONDS = 20.0


def check_scanners(
    backends: Sequence[str] | None = None,
    chosen: str = "",
    timeout: float = SCANNER_LISTING_SECONDS,
) -> CheckResult:
    """Scanners SANE can see, and whether the window's chosen one (``chosen``) is among them;
    none is a warning (pages can still be imported from files). A listing that does not
    finish within ``timeout`` seconds (a network backend probing an unreachable host) is
    reported instead of holding the report up."""
    title = msg(QT_TRANSLATE_NOOP("core", "Scanners"))

    def warning(detail: Message, remedy: Message) -> CheckResult:
        return CheckResult("scanners", title, False, Severity.WARNING, detail, remedy)

    try:
        scanners = _listed_within(backends, timeout)
    except TimeoutError:
        return warning(
            msg(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Listing scanners took longer than {seconds} s: "
                    "a scanner backend is waiting for a device that does not answer",
                ),
                seconds=f"{timeout:g}",
            ),
            msg(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Check with scanimage -L; comment out unused backends "
                    "(e.g. net) in /etc/sane.d/dll.conf",
                )
            ),
        )
    except OSError as error:
        return warning(
            msg(
                QT_TRANSLATE_NOOP("core", "Listing scanners failed: {error}"),
                error=_failure_text(error),
            ),
            _install_hint("sane-utils libsane1"),
        )
    if not scanners:
        return warning(
            msg(QT_TRANSLATE_NOOP("core", "No scanner found: pages can only be imported")),
            msg(QT_TRANSLATE_NOOP("core", "Connect the scanner and check it with scanimage -L")),
        )
    found = ", ".join(f"{device.name} ({device.model})" for device in scanners)
    if chosen and not chosen.startswith("file:") and chosen not in {d.name for d in scanners}:
        return warning(
            msg(
                QT_TRANSLATE_NOOP(
                    "core", "This window's scanner {device} is not connected; found: {found}"
                ),
                device=chosen,
                found=found,
            ),
            msg(
                QT_TRANSLATE_NOOP(
                    "core", "Connect and switch on the scanner, or choose another in Settings"
                )
            ),
        )
    return CheckResult("scanners", title, True, Severity.WARNING, _found(found))


def _listed_within(backends: Sequence[str] | None, timeout: float) -> list[DeviceInfo]:
    """``list_devices`` on a daemon thread, so a listing that hangs cannot keep the
    process from exiting; ``TimeoutError`` after ``timeout`` seconds."""
    outcome: Future[list[DeviceInfo]] = Future()

    def listing() -> None:
        try:
            outcome.set_result(list_devices(backends))
        except BaseException as error:  # handed to the waiting thread, which re-raises it
            outcome.set_exception(error)

    threading.Thread(target=listing, name="doctor-scanners", daemon=True).start()
    return outcome.result(timeout)


def check_platform(url: str, ca_bundle: str = "") -> CheckResult:
    """``GET {url}/api/v1/health``. Offline is a warning: the desk queues work and syncs later."""
    title = msg(QT_TRANSLATE_NOOP("core", "Central platform"))
    if not url.strip():
        return CheckResult(
            "platform",
            title,
            True,
            Severity.WARNING,
            msg(QT_TRANSLATE_NOOP("core", "Not configured: the desk works on its own")),
        )
    health = url.strip().rstrip("/") + HEALTH_PATH
    context = ssl.create_default_context(cafile=ca_bundle or None)
    try:
        with urllib.request.urlopen(health, timeout=PLATFORM_TIMEOUT_S, context=context) as reply:
            status = reply.status
    except (OSError, ValueError) as error:
        reason = error.reason if isinstance(error, urllib.error.URLError) else error
        return CheckResult(
            "platform",
            title,
            False,
            Severity.WARNING,
            msg(
                QT_TRANSLATE_NOOP("core", "{url} is not reachable: {error}"),
                url=health,
                error=str(reason),
            ),
            msg(
                QT_TRANSLATE_NOOP(
                    "core", "Check the network and the platform address in the settings"
                )
            ),
        )
    return CheckResult(
        "platform",
        title,
        True,
        Severity.WARNING,
        msg(QT_TRANSLATE_NOOP("core", "{url} answered {status}"), url=health, status=status),
    )


def check_training_platform(folder: Path) -> CheckResult:
    """Demo mode without a platform: the window starts the reference platform itself (see
    ``ui/embedded_platform.py``); this says so, and whether it can (without starting it)."""
    title = msg(QT_TRANSLATE_NOOP("core", "Central platform"))
    if getattr(sys, "frozen", False):
        return CheckResult(
            "platform",
            title,
            False,
            Severity.WARNING,
            msg(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Demo mode: this installed desk does not include the training platform;"
                    " the desk works on its own",
                )
            ),
            msg(QT_TRANSLATE_NOOP("core", "Give a platform with --platform URL")),
        )
    missing = [name for name in TRAINING_PLATFORM_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        return CheckResult(
            "platform",
            title,
            False,
            Severity.WARNING,
            msg(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Demo mode: the training platform cannot start, {modules} missing;"
                    " the desk works on its own",
                ),
                modules=", ".join(missing),
            ),
            msg(QT_TRANSLATE_NOOP("core", "Reinstall clerk-desk")),
        )
    return CheckResult(
        "platform",
        title,
        True,
        Severity.WARNING,
        msg(
            QT_TRANSLATE_NOOP(
                "core",
                "Demo mode: the window starts the training platform on this machine,"
                " with its data in {path}",
            ),
            path=str(folder),
        ),
    )


def check_resources() -> CheckResult:
    """The shipped demo catalog and translations (.ts read by the core, .qm loaded by Qt)."""
    title = msg(QT_TRANSLATE_NOOP("core", "Resources"))
    wanted = [resource_path("catalog", "demo_catalog.json")]
    for language in TRANSLATION_LANGUAGES:
        wanted.append(resource_path("translations", f"clerk_desk_{language}.ts"))
        wanted.append(resource_path("translations", f"clerk_desk_{language}.qm"))
    missing = [str(path) for path in wanted if not path.is_file()]
    if missing:
        return CheckResult(
            "resources",
            title,
            False,
            Severity.ERROR,
            msg(QT_TRANSLATE_NOOP("core", "Missing: {files}"), files=", ".join(missing)),
            msg(QT_TRANSLATE_NOOP("core", "Reinstall clerk-desk")),
        )
    return CheckResult(
        "resources",
        title,
        True,
        Severity.ERROR,
        msg(
            QT_TRANSLATE_NOOP("core", "{count} files under {path}"),
            count=len(wanted),
            path=str(resource_path()),
        ),
    )


def headless_checks(location: DataDir, demo: bool) -> list[CheckResult]:
    """Every check that needs no Qt, in report order.

    In demo mode the scanner check looks only for the SANE ``test`` backend, the device demo
    and training sessions scan from, and without a platform configured (or given with
    ``--platform``) the platform row says the window starts the training platform.
    """
    settings_result, settings = check_settings(location)
    url = settings.get("platform_url") if settings else ""
    ca_bundle = settings.get("ca_bundle") if settings else ""
    return [
        check_cjk_font(),
        check_data_dir(location),
        settings_result,
        check_database(location.database),
        check_resources(),
        check_printers(),
        check_scanners(
            ("test",) if demo else None,
            (settings.get("scanner_device") if settings else "") or ("test:0" if demo else ""),
        ),
        (
            check_training_platform(location.root / TRAINING_PLATFORM_FOLDER)
            if demo and not url
            else check_platform(url, ca_bundle)
        ),
    ]


def has_errors(results: Sequence[CheckResult]) -> bool:
    return any(result.is_error for result in results)
