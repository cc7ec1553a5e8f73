"""``clerk-desk report …``: the arguments. The work is in :mod:`report_actions`."""

from __future__ import annotations

import argparse

from clerk_desk.cli.lazy import lazy_handler

ACTIONS = "clerk_desk.cli.report_actions"


def register(
    subcommands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    report = subcommands.add_parser(
        "report",
        parents=[common],
        help="日报 and period reports: the supervisor's figures as a table, JSON, an Excel "
        "workbook or a PDF",
    )
    actions = report.add_subparsers(dest="report_command", metavar="ACTION", required=True)

    daily = actions.add_parser(
        "daily", parents=[common], help="the 日报 of one day (by default today's, to print tonight)"
    )
    daily.add_argument("--date", metavar="YYYY-MM-DD", help="the day to report (default: today)")
    _outputs(daily)
    daily.set_defaults(handler=lazy_handler(ACTIONS, "daily"))

    period = actions.add_parser(
        "range", parents=[common], help="the figures of a week, a month … (at most a year)"
    )
    period.add_argument(
        "--from", dest="start", metavar="YYYY-MM-DD", required=True, help="first day"
    )
    period.add_argument(
        "--to", dest="end", metavar="YYYY-MM-DD", required=True, help="last day (included)"
    )
    _outputs(period)
    period.set_defaults(handler=lazy_handler(ACTIONS, "period"))


def _outputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the report as JSON (date or from/to, totals, ratings, breakdowns, …)",
    )
    parser.add_argument("--xlsx", metavar="FILE", help="write the Excel workbook to FILE")
    parser.add_argument("--pdf", metavar="FILE", help="write the PDF (A4 landscape) to FILE")
    parser.add_argument(
        "--by",
        metavar="NAME",
        help="制表人 printed on the report (default: this computer user's full name)",
    )
