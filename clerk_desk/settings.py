"""Desk settings, declared in one place, stored as JSON with a version and migrations.

Modelled on Picard's options.py / config_upgrade.py: each option is declared once with its
type and default; the file on disk carries ``settings_version`` and older files are upgraded
step by step by the functions in ``MIGRATIONS``.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any

from clerk_desk.domain.followups import FOLLOWUP_DAYS_DEFAULT
from clerk_desk.domain.limits import IMPORT_MB_DEFAULT
from clerk_desk.domain.ratings import RATING_TIMEOUT_SECONDS_DEFAULT
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg
from clerk_desk.storage_errors import StorageError
from local_cache.faults import writing

SETTINGS_VERSION = 2


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    doc: str
    check: Callable[[Any], None] | None = None  # raises SettingsError for a value out of range


def report_time(text: str) -> time | None:
    """The time of day the 日报 is made by itself ("HH:MM"), ``None`` when empty (off)."""
    if not text.strip():
        return None
    hours, colon, minutes = text.strip().partition(":")
    if (
        colon
        and hours.isascii()
        and minutes.isascii()
        and hours.isdigit()
        and minutes.isdigit()
        and len(minutes) == 2
        and len(hours) in (1, 2)
        and int(hours) < 24
        and int(minutes) < 60
    ):
        return time(int(hours), int(minutes))
    raise SettingsError(
        # 日报自动生成时间“{value}”无效：请按 HH:MM 填写（如 18:30），留空则不自动生成
        QT_TRANSLATE_NOOP(
            "core",
            "The daily report time “{value}” is not a time: write it as HH:MM (e.g. 18:30), "
            "or leave it empty to make no report by itself",
        ),
        value=text,
    )


def _check_report_time(value: str) -> None:
    report_time(value)


OPTIONS: tuple[Option, ...] = (
    Option("mode", str, "production", "production or demo; a data dir is never used for both"),
    Option("centre_code", str, "", "6-digit administrative division code of the service centre"),
    Option("centre_name", str, "", "name of the service centre, the heading line of papers"),
    Option("centre_phone", str, "", "enquiry phone (咨询电话) printed on papers; empty: none"),
    Option(
        "review_body",
        str,
        "",
        "行政复议机关 named on 不予受理通知书; empty: the people's government of the centre's area",
    ),
    Option(
        "progress_url",
        str,
        "",
        "platform progress page, {case_no} replaced by the number; empty: QR holds the number",
    ),
    Option("gap_supplement_days", int, 5, "working days given to supply 容缺 materials"),
    Option("review_warn_days", int, 2, "a review is 即将到期 with this many working days left"),
    Option(
        "rating_timeout_seconds",
        int,
        RATING_TIMEOUT_SECONDS_DEFAULT,
        "seconds the customer display waits for the visitor's rating",
    ),
    Option("followup_days", int, FOLLOWUP_DAYS_DEFAULT, "working days to fix and answer a 差评"),
    Option("rating_code_order", str, "national", "platform's rating codes: national or reversed"),
    Option("display_screen", str, "", "screen of the customer display; empty: a movable window"),
    Option(
        "evaluator_keys",
        str,
        "F13,F14,F15,F16,F17",
        "keys a hardware evaluator sends, best level first (4 or 5, comma-separated)",
    ),
    Option("window_number", int, 0, "number of this comprehensive window"),
    Option("window_category", str, "", "one of the four window categories"),
    Option("desk_id", str, "", "stable id of this desk installation (UUID)"),
    Option("language", str, "zh_CN", "UI language: zh_CN or en"),
    Option("idle_lock_minutes", int, 5, "lock the window after this many idle minutes (0: never)"),
    Option("font_scale", float, 1.0, "UI text scale, 1.0 to 2.0"),
    Option("high_contrast", bool, False, "high-contrast theme (black on white, strong focus)"),
    Option(
        "guided_intake", bool, False, "this window starts each intake in the guided (帮办) mode"
    ),
    Option("platform_url", str, "", "central platform base URL; empty when not configured"),
    Option("ca_bundle", str, "", "CA bundle file for the platform's TLS certificate"),
    Option("allow_plain_http", bool, False, "allow http:// to a platform that is not loopback"),
    Option("sync_interval_seconds", int, 30, "seconds between background sync passes"),
    Option("request_timeout_seconds", float, 10.0, "timeout of every request to the platform"),
    Option("scanner_device", str, "", "this window's scanner (device name); empty: none chosen"),
    Option("max_import_mb", int, IMPORT_MB_DEFAULT, "largest file, in MB, that can be imported"),
    Option("scan_resolution", int, 200, "dots per inch of this window's scans"),
    Option("scan_mode", str, "grey", "colour, grey or bw (black and white) for scans"),
    Option("scan_source", str, "flatbed", "flatbed, feeder or duplex"),
    Option(
        "daily_report_time",
        str,
        "",
        "HH:MM after which the day's 日报 is made into the data folder's reports; empty: off",
        _check_report_time,
    ),
)
OPTIONS_BY_NAME = {option.name: option for option in OPTIONS}


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """v1 stored the idle lock in seconds as ``lock_after_seconds``."""
    seconds = data.pop("lock_after_seconds", None)
    if seconds is not None:
        if isinstance(seconds, bool) or not isinstance(seconds, int):
            raise SettingsError(
                QT_TRANSLATE_NOOP("core", "Setting {name} must be of type {type}, not {value!r}"),
                name="lock_after_seconds",
                type="int",
                value=seconds,
            )
        data["idle_lock_minutes"] = max(0, seconds // 60)
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}

# Values given on the command line (``--platform URL``) for this run of the program: every
# settings file loaded afterwards in this process takes them as overrides.
_run_overrides: dict[str, Any] = {}


def set_run_overrides(values: dict[str, Any]) -> None:
    """Replace this process's command-line overrides (checked like settings values)."""
    checked = {name: _coerce(OPTIONS_BY_NAME[name], value) for name, value in values.items()}
    _run_overrides.clear()
    _run_overrides.update(checked)


class SettingsError(UserError):
    pass


class Settings:
    """Typed access to the desk's settings file."""

    def __init__(self, path: Path, values: dict[str, Any]) -> None:
        self.path = path
        self._values = values
        self._overrides: dict[str, Any] = dict(_run_overrides)
        self._saved = False

    @classmethod
    def load(cls, path: Path) -> Settings:
        values = {option.name: option.default for option in OPTIONS}
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError, RecursionError) as exc:
                raise SettingsError(
                    QT_TRANSLATE_NOOP(
                        "core", "Settings file {path} cannot be read ({error}); fix or remove it"
                    ),
                    path=str(path),
                    error=_first_line(exc),
                ) from exc
            if not isinstance(data, dict):
                raise SettingsError(
                    QT_TRANSLATE_NOOP("core", "Settings file {path} is not a JSON object"),
                    path=str(path),
                )
            data = upgrade(data)
            for name, value in data.items():
                if name in OPTIONS_BY_NAME:
                    values[name] = _coerce(OPTIONS_BY_NAME[name], value)
        return cls(path, values)

    def get(self, name: str) -> Any:
        if name in self._overrides:
            return self._overrides[name]
        return self._values[name]

    def saved(self, name: str) -> Any:
        """The value in the settings file, whatever this run overrides (for the settings page,
        which must not save the training platform's address of this run)."""
        return self._values[name]

    def override(self, name: str, value: Any) -> None:
        """Use ``value`` for ``name`` in this run only; it is never saved."""
        if name not in OPTIONS_BY_NAME:
            raise KeyError(name)
        self._overrides[name] = _coerce(OPTIONS_BY_NAME[name], value)

    def set(self, name: str, value: Any) -> None:
        if name not in OPTIONS_BY_NAME:
            raise KeyError(name)
        self._values[name] = _coerce(OPTIONS_BY_NAME[name], value)

    def update(self, **values: Any) -> None:
        for name, value in values.items():
            self.set(name, value)

    def as_dict(self) -> dict[str, Any]:
        return {**self._values, **self._overrides}

    def save(self) -> None:
        """Write atomically: a crash mid-write never leaves half a settings file. The folder
        is the data folder, made when the desk opened: if it is gone, that is said, never
        papered over with a new one."""
        data = {"settings_version": SETTINGS_VERSION, **self._values}
        with writing(StorageError, self.path):
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".config.", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(data, handle, ensure_ascii=False, indent=2, sort_keys=True)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                with suppress(OSError):  # the folder may be gone; report the first error
                    os.unlink(tmp)
                raise
        self._saved = True

    def take_saved(self) -> bool:
        """Whether the file was saved since the last call (for the change notices)."""
        saved, self._saved = self._saved, False
        return saved


def _first_line(error: BaseException) -> str | Message:
    if isinstance(error, RecursionError) or type(error) is ValueError:
        # json.loads: nested thousands deep, or an integer past 4300 digits.
        # 嵌套层数过多或数字过长
        return msg(QT_TRANSLATE_NOOP("core", "nested too deep or a number too long"))
    return str(error).splitlines()[0][:200]


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    version = data.pop("settings_version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise SettingsError(
            # 设置文件中的 settings_version 必须是正整数，而不是 {value}；请修正或删除该文件
            QT_TRANSLATE_NOOP(
                "core",
                "settings_version must be a positive whole number, not {value}; "
                "fix or remove the settings file",
            ),
            value=json.dumps(version)[:40],
        )
    if version > SETTINGS_VERSION:
        raise SettingsError(
            QT_TRANSLATE_NOOP(
                "core",
                "Settings were written by a newer clerk_desk (version {found}); "
                "update this program",
            ),
            found=version,
        )
    while version < SETTINGS_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data


def _coerce(option: Option, value: Any) -> Any:
    if option.type is float and isinstance(value, int):
        return float(value)
    if not isinstance(value, option.type) or (option.type is int and isinstance(value, bool)):
        raise SettingsError(
            QT_TRANSLATE_NOOP("core", "Setting {name} must be of type {type}, not {value!r}"),
            name=option.name,
            type=option.type.__name__,
            value=value,
        )
    if option.check is not None:
        option.check(value)
    return value
