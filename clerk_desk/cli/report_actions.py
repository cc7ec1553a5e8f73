"""What ``clerk-desk report daily / range`` does: the supervisor's figures for scripts (JSON),
for paper and Excel (files), and for a person at the terminal (a short table).

Everything the command was given is checked before the desk is opened: the dates and the
period, and every output file (nothing is computed, and nothing half-written, when one of
them cannot be written). The report itself is one read transaction (``desk.reports``).
"""

from __future__ import annotations

import argparse
import getpass
import os
from datetime import date, datetime
from pathlib import Path

from clerk_desk.cli.tables import aligned_table
from clerk_desk.desk import Desk
from clerk_desk.domain.report import (
    CASE_COLUMNS,
    DIMENSION_TITLES,
    RATING_COLUMNS,
    Dimension,
    Report,
    Row,
    Unit,
    check_period,
    parse_day,
)
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, msg
from clerk_desk.reports.files import (
    PdfWriter,
    check_outputs,
    report_json_text,
    write_report_files,
)

# The few figures of the terminal's table (titles from the printed columns, so they read as
# on paper): what came in, what was decided about it, what went out, and how it was rated.
SUMMARY_CASE_KEYS = (
    "received",
    "accepted",
    "accepted_with_gaps",
    "notified_missing",
    "rejected",
    "decided",
    "delivered",
    "on_time_rate",
)
SUMMARY_RATING_KEYS = ("contacts", "satisfaction_rate", "bad")
TOTAL_LABEL = "合计"


class ReportCommandError(UserError):
    pass


def daily(args: argparse.Namespace) -> int:
    day = parse_day(args.date) if args.date is not None else None
    return _run(args, day, day)


def period(args: argparse.Namespace) -> int:
    return _run(args, parse_day(args.start), parse_day(args.end))


def _run(args: argparse.Namespace, start: date | None, end: date | None) -> int:
    xlsx, pdf = _path(args.xlsx), _path(args.pdf)
    write_pdf: PdfWriter | None = getattr(args, "write_pdf", None)
    if pdf is not None and write_pdf is None:
        raise ReportCommandError(
            # PDF 需要桌面程序的排版组件：请用 clerk-desk 命令运行，而不是 python -m clerk_desk.cli
            QT_TRANSLATE_NOOP(
                "core",
                "A PDF needs the desk's page layout: run the clerk-desk command, "
                "not python -m clerk_desk.cli",
            )
        )
    check_outputs(xlsx, pdf)
    today = datetime.now().date()
    if start is not None and end is not None:
        check_period(start, end, today)
    with Desk.open(args.data_dir, demo_mode=args.demo) as desk:
        today = desk.clock().date()
        first, last = start or today, end or today
        report = desk.reports.report(first, last, args.by or computer_user())
    written = write_report_files(report, xlsx=xlsx, pdf=pdf, json_path=None, write_pdf=write_pdf)
    if args.json:
        print(report_json_text(report))
        return 0
    if not written:
        for line in summary_lines(report):
            print(line)
        return 0
    for path in written:
        # 已写入 {path}
        print(msg(QT_TRANSLATE_NOOP("core", "Written: {path}"), path=str(path)).render())
    return 0


def _path(text: str | None) -> Path | None:
    return None if text is None else Path(text).expanduser()


def computer_user() -> str:
    """制表人 when ``--by`` is not given: the full name of the computer's user (the GECOS
    field on Linux), else the login name."""
    try:
        login = getpass.getuser()
    except (OSError, KeyError):
        return ""
    if os.name == "posix":
        import pwd

        try:
            full = pwd.getpwnam(login).pw_gecos.split(",")[0].strip()
        except KeyError:
            full = ""
        if full:
            return full
    return login


def summary_lines(report: Report) -> list[str]:
    """The report at the terminal: its heading, the figures by window and the total, what is
    overdue and which departments had no business."""
    if report.is_daily:
        period_text = report.start.isoformat()
    else:
        period_text = f"{report.start.isoformat()} ~ {report.end.isoformat()}"
    title = "日报" if report.is_daily else "统计报表"
    lines = [" ".join(part for part in (report.centre_name, title, period_text) if part), ""]
    titles = {key: text for key, text, _ in (*CASE_COLUMNS, *RATING_COLUMNS)}
    units = {key: unit for key, _, unit in (*CASE_COLUMNS, *RATING_COLUMNS)}
    keys = (*SUMMARY_CASE_KEYS, *SUMMARY_RATING_KEYS)
    headers = [DIMENSION_TITLES[Dimension.WINDOW], *(titles[key] for key in keys)]
    rows = [
        _summary_row(row.label, row, keys, units)
        for row in report.breakdowns.get(Dimension.WINDOW, [])
    ]
    rows.append(_summary_row(TOTAL_LABEL, report.totals, keys, units))
    lines.extend(aligned_table(headers, rows))
    lines.append("")
    lines.append(
        # 超期未办结 {count} 件
        msg(
            QT_TRANSLATE_NOOP("core", "Overdue and not concluded: {count}"),
            count=len(report.overdue),
        ).render()
    )
    if report.idle_departments:
        lines.append(
            # 无业务的部门：{departments}
            msg(
                QT_TRANSLATE_NOOP("core", "Departments with no business: {departments}"),
                departments="、".join(report.idle_departments),
            ).render()
        )
    return lines


def _summary_row(label: str, row: Row, keys: tuple[str, ...], units: dict[str, Unit]) -> list[str]:
    figures = {**row.cases.to_json(), **row.ratings.to_json()}
    return [label, *(format_figure(figures[key], units[key]) for key in keys)]


def format_figure(value: object, unit: Unit) -> str:
    """A figure as printed: counts as they are, rates as percentages, days with two decimals,
    — for a rate of nothing."""
    if value is None:
        return "—"
    if unit is Unit.RATE and isinstance(value, float):
        return f"{value * 100:.1f}%"
    if unit is Unit.DAYS and isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
