"""What ``clerk-desk calendar …`` does: load an official calendar (and compute the open cases'
deadlines again), list the known years."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from clerk_desk import paths
from clerk_desk.cli.tables import aligned_table
from clerk_desk.desk import Desk
from clerk_desk.domain.calendar import BUILTIN_SOURCE, BUILTIN_YEARS, date_message
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.i18n import QT_TRANSLATE_NOOP, msg, translate
from clerk_desk.services.calendars import CalendarFileRejected, CalendarStore
from clerk_desk.services.deadline_recompute import DeadlineChange

REFUSED_EXIT = 2
# The command line acts as the local administrator (as ``clerk-desk account`` does).
BY = "cli"


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
    with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
        changes = desk.intake.recompute_open_deadlines(by=BY)
    if args.json:
        result = {
            **official.to_dict(),
            "replaced": imported.replaced,
            "file": str(_store(args).path_of(official.year)),
            "recomputed": [change.to_dict() for change in changes],
        }
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
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
    for line in _change_lines(changes):
        print(line)
    return 0


def _change_lines(changes: list[DeadlineChange]) -> list[str]:
    # 重新计算了{count}件办件的承诺期限
    lines = [
        msg(
            QT_TRANSLATE_NOOP("core", "Recomputed the committed deadline of {count} case(s)"),
            count=len(changes),
        ).render()
    ]
    for change in changes:
        template = (
            # {case_no}：{old} → {new}（暂定）
            QT_TRANSLATE_NOOP("core", "{case_no}: {old} → {new} (provisional)")
            if change.provisional
            else QT_TRANSLATE_NOOP("core", "{case_no}: {old} → {new}")
        )
        line = msg(
            template,
            case_no=display_case_no(change.case_no),
            old=date_message(change.old_deadline),
            new=date_message(change.new_deadline),
        )
        lines.append(f"  {line.render()}")
    return lines


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
