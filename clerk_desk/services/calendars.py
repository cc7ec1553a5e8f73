"""Official calendars an admin loaded, kept in the data dir as ``calendars/<year>.json``.

A file for a year that ``chinesecalendar`` already knows is refused: the built-in calendar is
authoritative for its years, and two sources for one year could only disagree. A file for a
year already loaded replaces it (a corrected notice). After a load the open deadlines must be
computed again (:func:`clerk_desk.domain.calendar.recompute_deadlines`).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clerk_desk.domain.calendar import (
    BUILTIN_SOURCE,
    BUILTIN_YEARS,
    CalendarRejected,
    OfficialYear,
    WorkCalendar,
    official_year_from_dict,
)
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message
from clerk_desk.imported_files import read_regular_file

STORED_NAME = re.compile(r"^(\d{4})\.json$")


class CalendarFileRejected(UserError):
    """A calendar file with any fault; nothing was loaded. ``problems`` lists every fault."""

    def __init__(self, path: Path, problems: list[Message]) -> None:
        self.problems = problems
        super().__init__(
            QT_TRANSLATE_NOOP(
                "core",
                "{path} was refused with {count} problem(s); no calendar was loaded. "
                "Fix these in the file and import it again:",
            ),
            path=str(path),
            count=len(problems),
        )


class StoredCalendarBroken(UserError):
    """A stored calendar file no longer reads back; deadlines must not silently ignore it."""


@dataclass(frozen=True)
class Imported:
    official: OfficialYear
    replaced: bool


class CalendarStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def loaded(self) -> list[OfficialYear]:
        """Every stored calendar, by year (also those a newer chinesecalendar supersedes)."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in sorted(self.folder.iterdir()):
            if STORED_NAME.match(path.name):
                found.append(self._read_stored(path))
        return found

    def work_calendar(self) -> WorkCalendar:
        return WorkCalendar(self.loaded())

    def import_file(self, path: Path) -> Imported:
        """Validate ``path`` and store it; raise :class:`CalendarFileRejected` on any fault."""
        official = _official_year(path, _decode(path))
        target = self.path_of(official.year)
        replaced = target.exists()
        _write_atomically(target, official.to_dict())
        return Imported(official, replaced)

    def path_of(self, year: int) -> Path:
        return self.folder / f"{year}.json"

    def _read_stored(self, path: Path) -> OfficialYear:
        try:
            return official_year_from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, RecursionError, CalendarRejected) as error:
            raise StoredCalendarBroken(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The stored calendar {path} cannot be read ({error}); "
                    "import the official calendar of that year again",
                ),
                path=str(path),
                error=str(error).splitlines()[0],
            ) from error


def _decode(path: Path) -> Any:
    try:
        return json.loads(read_regular_file(path).decode("utf-8"))
    except OSError as error:
        problem = Message(
            QT_TRANSLATE_NOOP("core", "the file cannot be read: {error}"),
            {"error": error.strerror or str(error)},
        )
    except UnicodeDecodeError:
        problem = Message(QT_TRANSLATE_NOOP("core", "the file is not UTF-8 text"))
    except json.JSONDecodeError as error:
        problem = Message(
            QT_TRANSLATE_NOOP("core", "the file is not valid JSON: {error} (line {line})"),
            {"error": error.msg, "line": error.lineno},
        )
    except (RecursionError, ValueError):
        # Nested thousands deep, or a number of thousands of digits: no calendar looks so.
        problem = Message(
            # 文件不是日历：嵌套过深或数字过长
            QT_TRANSLATE_NOOP(
                "core", "the file is not a calendar: it is nested too deep or has too long a number"
            )
        )
    raise CalendarFileRejected(path, [problem])


def _official_year(path: Path, data: Any) -> OfficialYear:
    try:
        official = official_year_from_dict(data)
    except CalendarRejected as refusal:
        problems = refusal.problems
    else:
        if official.year not in BUILTIN_YEARS:
            return official
        problems = [
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "the official calendar of {year} is built in ({source}) and is not "
                    "replaced by a file; only years after {last} can be loaded",
                ),
                {"year": official.year, "source": BUILTIN_SOURCE, "last": BUILTIN_YEARS[-1]},
            )
        ]
    raise CalendarFileRejected(path, problems)


def _write_atomically(path: Path, data: dict[str, Any]) -> None:
    """A crash mid-write leaves the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
