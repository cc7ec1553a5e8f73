"""What ``clerk-desk calendar …`` does: load an official calendar, list the known years."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from clerk_desk import paths
from clerk_desk.cli.tables import aligned_table
from clerk_desk.domain.calendar import BUILTIN_SOURCE, BUILTIN_YEARS
from clerk_desk.i18n import QT_TRANSLATE_NOOP, msg, translate
from clerk_desk.services.calendars import CalendarFileRejected, CalendarStore

REFUSED_EXIT = 2


def _store(args: argparse.Namespace) -> CalendarStore:
    return CalendarStore(paths.resolve(args.data_dir, args.demo).calendars)


def import_calendar(args: argparse.Namespace) -> int:
    try:
        imported = _store(args).import_file(args.file)
    except CalendarFileRejected as refusal:
        print(
            translate("core", "Error: {message}").format(message=refusal.render()), file=sys.stderr
        )
        for problem in refusal.problems:
            print(f"  - {problem.render()}", file=sys.stderr)
        return REFUSED_EXIT
    official = imported.official
    template = (
        QT_TRANSLATE_NOOP(
            "core",
            "Replaced the calendar of {year} with {path}: {holidays} holidays, "
            "{workdays} make-up working days ({source})",
        )
        if imported.replaced
        else QT_TRANSLATE_NOOP(
            "core",
            "Loaded the official calendar of {year} from {path}: {holidays} holidays, "
            "{workdays} make-up working days ({source})",
        )
    )
    print(
        msg(
            template,
            year=official.year,
            path=args.file,
            holidays=len(official.holidays),
            workdays=len(official.workdays),
            source=official.source,
        )
    )
    print(
        msg(
            QT_TRANSLATE_NOOP(
                "core", "Deadlines that reach {year} are no longer provisional from now on"
            ),
            year=official.year,
        )
    )
    return 0


def list_calendars(args: argparse.Namespace) -> int:
    """Built-in years first, then every loaded file (``in_use`` false once built in)."""
    years: list[dict[str, Any]] = [
        {"year": year, "origin": "builtin", "source": BUILTIN_SOURCE, "in_use": True}
        for year in BUILTIN_YEARS
    ]
    store = _store(args)
    for official in store.loaded():
        years.append(
            {
                "year": official.year,
                "origin": "loaded",
                "source": official.source,
                "in_use": official.year not in BUILTIN_YEARS,
                "holidays": len(official.holidays),
                "workdays": len(official.workdays),
                "file": str(store.path_of(official.year)),
            }
        )
    if args.json:
        print(json.dumps(years, ensure_ascii=False, indent=2))
        return 0
    headers = [
        translate("core", text)
        for text in (
            QT_TRANSLATE_NOOP("core", "Years"),
            QT_TRANSLATE_NOOP("core", "Calendar"),
            QT_TRANSLATE_NOOP("core", "Source"),
        )
    ]
    built_in = translate("core", QT_TRANSLATE_NOOP("core", "built in"))
    rows = [[f"{BUILTIN_YEARS[0]}–{BUILTIN_YEARS[-1]}", built_in, BUILTIN_SOURCE]]
    for entry in years[len(BUILTIN_YEARS) :]:
        origin = (
            QT_TRANSLATE_NOOP("core", "loaded")
            if entry["in_use"]
            else QT_TRANSLATE_NOOP("core", "loaded, superseded by the built-in calendar")
        )
        rows.append([entry["year"], translate("core", origin), entry["source"]])
    for line in aligned_table(headers, rows):
        print(line)
    return 0
