"""The 日报 of a busy day in a desk cache of 1,000,000 cases: ``desk.reports.report(day, day)``
(compute), then the workbook (``clerk_desk.reports.workbook.write_workbook``) and the PDF
(``ui.report_pdf.write_report_pdf``), against one raw SQL aggregation of the same day run with
sqlite3 in the same run (the day's events joined with their case facts, counted by event).

The cache is :mod:`report_cache`'s: built once (minutes; the build time is printed) and kept
in ``$CLERK_DESK_BENCH_CACHE`` (default ``<tmp>/clerk-desk-bench``) under a name holding its
version and the migrations, so later runs open it at once. The day has 5,000 cases received
and the decisions, conclusions and deliveries of earlier cases. The measurement runs in a
child process (this file as a script, offscreen: the PDF is drawn by Qt); the first report
after the desk opens is printed, then the median of ``ROUNDS`` rounds is measured. The
workbook and the PDF are measured when their modules are there; until then the total is the
compute alone, and its row says so. The report's totals must equal the raw SQL's counts of
the events behind them (``CHECKED``), or the benchmark fails.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from datetime import time as day_time
from pathlib import Path
from typing import Any

from gui_probe import run_child
from report import Result, Target
from report_cache import CASES, DAY, DAY_RECEIVED, cached_data_dir, stamp

ROUNDS = 5
TARGET_S = 2.0
CACHE_ENV = "CLERK_DESK_BENCH_CACHE"
DATA_DIR_ENV = "CLERK_DESK_BENCH_REPORT_DIR"
RAW_SQL = (
    "SELECT e.event, count(*) FROM case_events e "
    "JOIN case_facts f ON f.case_uuid = e.case_uuid "
    "WHERE e.at >= ? AND e.at < ? GROUP BY e.event"
)
# The report's figures that one kind of event makes, checked against the raw SQL's counts.
CHECKED = {
    "received": ("submit",),
    "accepted": ("accept",),
    "accepted_with_gaps": ("accept_with_gaps",),
    "notified_missing": ("notify_missing",),
    "rejected": ("reject",),
    "decided": ("approve", "deny"),  # the cache's cases have one department: its decision
    "delivered_in_person": ("hand_over",),
    "delivered_by_courier": ("deliver",),
    "closed": ("withdraw", "terminate"),
}
NAME = f"日报 of one day ({DAY_RECEIVED:,} received) in {CASES:,} cases"
BASELINE = "one raw SQL: the day's events ⋈ case_facts, GROUP BY event"


def _parts() -> dict[str, Any]:
    """The writers present on this branch: name → function."""
    found: dict[str, Any] = {}
    try:
        from clerk_desk.reports.workbook import write_workbook

        found["xlsx"] = write_workbook
    except ImportError:
        pass
    try:
        from ui.report_pdf import write_report_pdf

        found["pdf"] = write_report_pdf
    except ImportError:
        pass
    return found


def _seconds(action: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def day_bounds() -> tuple[str, str]:
    """The benchmarked day as the raw SQL's bounds (timestamps as the desk stores them)."""
    begin = datetime.combine(DAY, day_time())
    return stamp(begin), stamp(begin + timedelta(days=1))


def _round(
    desk: Any, connection: sqlite3.Connection, parts: dict[str, Any], folder: Path
) -> tuple[dict[str, float], Any, dict[str, int], int | None]:
    """One report made and written, and the raw SQL: the seconds of each."""
    bounds = day_bounds()
    seconds: dict[str, float] = {}
    seconds["compute"], report = _seconds(lambda: desk.reports.report(DAY, DAY, "值班长"))
    pages = None
    if "xlsx" in parts:
        seconds["xlsx"], _ = _seconds(lambda: parts["xlsx"](report, folder / "日报.xlsx"))
    if "pdf" in parts:
        seconds["pdf"], pages = _seconds(
            lambda: parts["pdf"](report, folder / "日报.pdf", datetime.now())
        )
    seconds["raw"], counted = _seconds(lambda: connection.execute(RAW_SQL, bounds).fetchall())
    return seconds, report, dict(counted), pages


def measure() -> dict[str, Any]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from clerk_desk.desk import Desk

    app = QApplication([])  # the PDF is laid out and drawn by Qt
    parts = _parts()
    times: dict[str, list[float]] = {"compute": [], **{name: [] for name in parts}, "raw": []}
    with (
        tempfile.TemporaryDirectory() as tmp,
        Desk.open(Path(os.environ[DATA_DIR_ENV])) as desk,
    ):
        connection = sqlite3.connect(desk.database.path)
        try:
            # The first round comes just after the desk opened (cold); then ROUNDS measured.
            first, report, by_event, pages = _round(desk, connection, parts, Path(tmp))
            for _ in range(ROUNDS):
                seconds, report, by_event, pages = _round(desk, connection, parts, Path(tmp))
                for name, value in seconds.items():
                    times[name].append(value)
        finally:
            connection.close()
    app.quit()
    figures = report.totals.cases.to_json()
    for figure, events in CHECKED.items():
        counted = sum(by_event.get(event, 0) for event in events)
        if figures[figure] != counted:
            raise RuntimeError(f"{figure}: the report says {figures[figure]}, raw SQL {counted}")
    if figures["received"] != DAY_RECEIVED:
        raise RuntimeError(f"received {figures['received']}, not {DAY_RECEIVED}")
    return {
        "parts": [name for name in ("xlsx", "pdf") if name in parts],
        "median": {name: statistics.median(values) for name, values in times.items()},
        "first": first,
        "events": by_event,
        "decided": report.totals.cases.decided,
        "delivered": report.totals.cases.delivered,
        "overdue": len(report.overdue),
        "contacts": report.totals.ratings.contacts,
        "pages": pages,
    }


def run() -> list[Result]:
    cache = os.environ.get(CACHE_ENV)
    started = time.perf_counter()
    data_dir = cached_data_dir(Path(cache) if cache else None)
    print(f"report cache ready in {time.perf_counter() - started:.0f} s")
    os.environ[DATA_DIR_ENV] = str(data_dir)
    measured, reason = run_child(__file__)
    if measured is None:
        print(f"report benchmark not available: {reason}")
        return [Result(NAME, "s", None, note=reason)]
    median, first = measured["median"], measured["first"]
    parts = measured["parts"]
    total = median["compute"] + sum(median[name] for name in parts)
    print(
        f"the day: {measured['events']}; {measured['decided']} concluded, "
        f"{measured['delivered']} delivered, {measured['overdue']} overdue, "
        f"{measured['contacts']} service contacts"
        + (f"; {measured['pages']} PDF pages" if measured["pages"] else "")
    )
    print(
        "first report after opening: "
        + ", ".join(f"{name} {value:.2f} s" for name, value in first.items())
    )
    print(
        f"median of {ROUNDS}: "
        + ", ".join(f"{name} {value:.3f} s" for name, value in median.items())
    )
    missing = [name for name in ("xlsx", "pdf") if name not in parts]
    what = " + ".join(["compute", *parts])
    note = f"median of {ROUNDS}; first after opening {sum(first.values()) - first['raw']:.2f} s"
    if missing:
        note += f"; {' and '.join(missing)} not on this branch yet, not counted"
    results = [
        Result(
            f"{NAME}: {what}",
            "s",
            total,
            baseline=median["raw"],
            baseline_name=BASELINE,
            target=Target(TARGET_S),
            note=note,
        ),
        Result(
            f"{NAME}: compute (desk.reports.report)",
            "s",
            median["compute"],
            baseline=median["raw"],
            baseline_name=BASELINE,
        ),
    ]
    titles = {"xlsx": "workbook (write_workbook)", "pdf": "PDF (write_report_pdf)"}
    results += [Result(f"{NAME}: {titles[name]}", "s", median[name]) for name in parts]
    return results


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    print(json.dumps(measure()))
