"""A department's review queue in a desk cache of 1,000,000 cases, 50,000 of them open in
市场监督管理局: opening the 审批 workspace (``review_queue`` unfiltered + ``review_counts`` on a
fresh ``WorkQueue``) and each filter change (item, state, window), against the same indexed
SQL run directly with sqlite3 in the same run.

The rows are written in bulk into a real desk database made by the desk's own migrations
(indexes dropped, rows inserted in transactions of 50,000, indexes built again from their own
SQL, then ANALYZE), as ``bench_case_search`` does. Three years of working days, 40 windows,
the real catalog's items and limits, deadlines from the real calendar. The open parts (90 % in
review, 10 % paused; 40,000 more open in other departments) were taken in within their item's
limit before the measured day, one in ten up to 5 working days earlier still (late); the rest
of the cases are decided and handed out. Each case has its ``case_parts`` row
as ``case_repo`` writes it; the JSON documents are kept short (the queue never reads them).
"""

from __future__ import annotations

import gc
import json
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench_case_search import CENTRE, FIRST_DAY, LAST_DAY, WINDOWS, working_days
from bench_search import p95
from report import Result, Target

from clerk_desk.desk import Desk
from clerk_desk.domain.calendar import WorkCalendar
from clerk_desk.domain.case_number import make_case_no
from clerk_desk.domain.catalog import ServiceItem
from clerk_desk.resources import resource_path
from clerk_desk.services import demo_people
from clerk_desk.services.catalog import DEMO_CATALOG, read_catalog_json
from clerk_desk.services.work_queue import QueueFilter, WorkQueue

CASES = 1_000_000
OPEN_HERE = 50_000
OPEN_ELSEWHERE = 40_000
RECENT = 120_000  # the open cases are drawn from the most recent ones
BATCH = 50_000
ROUNDS = 10
DEPARTMENT = "市场监督管理局"
WARN_DAYS = 2
TODAY = LAST_DAY
OPEN_TARGET_MS = 200.0
FILTER_TARGET_MS = 50.0
SEED = 20261207
CLOSED_STATES = (("delivered", 80), ("ready_for_pickup", 4), ("shipped", 2), ("decided", 4),
                 ("closed", 4), ("rejected", 6))  # fmt: skip
QUEUE_SQL = (
    "SELECT case_uuid, case_no, applicant_name, item_codes, item_names, case_state, "
    "part_state, window_number, deadline, received_at FROM case_parts "
    "WHERE department = ? AND is_open = 1{where} ORDER BY deadline"
)
COUNT_SQL = (
    "SELECT deadline, count(*) FROM case_parts "
    "WHERE department = ? AND is_open = 1 GROUP BY deadline"
)
CASE_INSERT = (
    "INSERT INTO cases (uuid, case_no, state, rated, applicant_name, applicant_number, "
    "applicant_phone, item_codes, item_names, created_by, created_at, updated_at, received_at, "
    "decided_at, committed_deadline, deadline_provisional, data) "
    "VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)"
)
PART_INSERT = (
    "INSERT INTO case_parts (case_uuid, department, lead, part_state, case_state, is_open, "
    "deadline, window_number, item_codes, item_names, case_no, applicant_name, received_at) "
    "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _stamp(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S}.000000"


class Deadlines:
    """The part deadline of each (acceptance day, limit), from the real calendar, once."""

    def __init__(self) -> None:
        self.calendar = WorkCalendar()
        self.known: dict[tuple[date, int], str] = {}

    def __call__(self, day: date, days: int) -> str:
        key = (day, days)
        if key not in self.known:
            self.known[key] = self.calendar.add_working_days(day, days).deadline.isoformat()
        return self.known[key]


def generate(items: list[ServiceItem]) -> Iterator[tuple[tuple[Any, ...], tuple[Any, ...] | None]]:
    """(case row, part row or None) for every case, in the order they were received."""
    rng = random.Random(SEED)
    days = working_days(WorkCalendar())
    per_day = CASES // len(days) + 1
    here = [item for item in items if item.department == DEPARTMENT]
    elsewhere = [item for item in items if item.department != DEPARTMENT]
    recent = list(range(CASES - RECENT, CASES))
    chosen = rng.sample(recent, OPEN_HERE + OPEN_ELSEWHERE)
    open_here, open_elsewhere = set(chosen[:OPEN_HERE]), set(chosen[OPEN_HERE:])
    people = [
        (demo_people.person_name(rng), demo_people.id_number(rng, FIRST_DAY),
         "+86" + demo_people.mobile(rng))
        for _ in range(20_000)
    ]  # fmt: skip
    states = [state for state, _ in CLOSED_STATES]
    weights = [weight for _, weight in CLOSED_STATES]
    deadline = Deadlines()
    sequences: dict[tuple[date, int], int] = {}
    for index in range(CASES):
        day = days[min(index // per_day, len(days) - 1)]
        if index in open_here or index in open_elsewhere:
            item = rng.choice(here if index in open_here else elsewhere)
            # Taken in within the item's limit (one in ten up to 5 working days before that).
            late = rng.randint(1, 5) if rng.random() < 0.1 else 0
            day = days[-1 - rng.randint(0, item.promised_limit_days) - late]
            state = "paused" if rng.random() < 0.1 else "in_review"
            part_state, is_open = state, 1
        else:
            item = rng.choice(items)
            state = rng.choices(states, weights)[0]
            part_state, is_open = "decided", 0
        moment = datetime.combine(day, datetime.min.time()) + timedelta(
            hours=9, seconds=rng.randrange(7 * 3600)
        )
        window = rng.randint(1, WINDOWS)
        sequences[(day, window)] = sequence = sequences.get((day, window), 0) + 1
        case_no = make_case_no(CENTRE, day, window, sequence)
        name, number, phone = rng.choice(people)
        case_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        due = deadline(day, item.promised_limit_days)
        received = _stamp(moment)
        part = {"department": item.department, "item_codes": [item.basic_code],
                "state": part_state, "deadline": due, "lead": True}  # fmt: skip
        data = json.dumps(
            {"uuid": case_uuid, "case_no": case_no, "state": state,
             "applicant": {"name": name, "id_number": number, "phone": phone},
             "items": [{"basic_code": item.basic_code, "name": item.name}],
             "parts": [] if state == "rejected" else [part]},
            ensure_ascii=False,
        )  # fmt: skip
        clerk = f"clerk{window:02d}"
        case_row = (case_uuid, case_no, state, name, number, phone, item.basic_code, item.name,
                    clerk, received, received, received, received, due, data)  # fmt: skip
        part_row = None
        if state != "rejected":
            part_row = (case_uuid, item.department, part_state, state, is_open, due, window,
                        item.basic_code, item.name, case_no, name, received)  # fmt: skip
        yield case_row, part_row


def load(path: Path, items: list[ServiceItem]) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA cache_size = -1000000")
        indexes = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name IN ('cases', 'case_parts') AND sql IS NOT NULL"
        ).fetchall()
        for name, _ in indexes:
            connection.execute(f'DROP INDEX "{name}"')
        started = time.perf_counter()
        rows = generate(items)
        while batch := [row for _, row in zip(range(BATCH), rows, strict=False)]:
            connection.execute("BEGIN")
            connection.executemany(CASE_INSERT, [case for case, _ in batch])
            connection.executemany(PART_INSERT, [part for _, part in batch if part is not None])
            connection.execute("COMMIT")
        inserted = time.perf_counter()
        for _, sql in indexes:
            connection.execute(sql)
        connection.execute("ANALYZE")
        done = time.perf_counter()
        connection.execute("PRAGMA journal_mode = WAL")
    finally:
        connection.close()
    print(
        f"wrote {CASES:,} cases and their parts in {inserted - started:.0f} s, "
        f"built {len(indexes)} indexes in {done - inserted:.0f} s "
        f"({path.stat().st_size / 2**30:.1f} GiB)"
    )


def elapsed_ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def measure_open(desk: Desk, connection: sqlite3.Connection) -> Result:
    def ours() -> None:
        queue = WorkQueue(desk.database, desk.intake.work_calendar)  # nothing kept yet
        queue.review_queue(DEPARTMENT, QueueFilter(), TODAY, WARN_DAYS)
        queue.review_counts(DEPARTMENT, TODAY, WARN_DAYS)

    def raw() -> None:
        connection.execute(QUEUE_SQL.format(where=""), (DEPARTMENT,)).fetchall()
        connection.execute(COUNT_SQL, (DEPARTMENT,)).fetchall()

    mine, theirs = _rounds(ours, raw)
    rows = desk.queue.review_queue(DEPARTMENT, QueueFilter(), TODAY, WARN_DAYS)
    expected = connection.execute(QUEUE_SQL.format(where=""), (DEPARTMENT,)).fetchall()
    assert len(rows) == len(expected) == OPEN_HERE
    assert [row.uuid for row in rows] == [row[0] for row in expected]
    counts = desk.queue.review_counts(DEPARTMENT, TODAY, WARN_DAYS)
    print(
        f"open the queue: {len(rows):,} rows, {dict(counts)}; p95 {p95(mine):.1f} ms "
        f"(median {statistics.median(mine):.1f}), raw SQL p95 {p95(theirs):.1f} ms"
    )
    return Result(
        f"Review queue: open ({OPEN_HERE:,} open of {CASES:,} cases)",
        "ms",
        p95(mine),
        p95(theirs),
        "raw indexed SQL",
        Target(OPEN_TARGET_MS),
    )


def measure_filter(
    desk: Desk, connection: sqlite3.Connection, kind: str, filters: list[QueueFilter]
) -> Result:
    def ours(queue_filter: QueueFilter) -> Callable[[], object]:
        return lambda: desk.queue.review_queue(DEPARTMENT, queue_filter, TODAY, WARN_DAYS)

    def raw(queue_filter: QueueFilter) -> Callable[[], object]:
        where, params = _where(queue_filter)
        sql = QUEUE_SQL.format(where=where)
        return lambda: connection.execute(sql, (DEPARTMENT, *params)).fetchall()

    desk.queue.review_queue(DEPARTMENT, QueueFilter(), TODAY, WARN_DAYS)  # the open workspace
    mine: list[float] = []
    theirs: list[float] = []
    found = 0
    for queue_filter in filters:
        a, b = _rounds(ours(queue_filter), raw(queue_filter))
        mine += a
        theirs += b
        rows = desk.queue.review_queue(DEPARTMENT, queue_filter, TODAY, WARN_DAYS)
        where, params = _where(queue_filter)
        expected = connection.execute(QUEUE_SQL.format(where=where), (DEPARTMENT, *params))
        assert sorted(row.uuid for row in rows) == sorted(row[0] for row in expected), kind
        found += len(rows)
    print(
        f"filter by {kind}: {len(filters)} values, {found / len(filters):,.0f} rows on average; "
        f"p95 {p95(mine):.1f} ms (raw SQL p95 {p95(theirs):.1f} ms)"
    )
    return Result(
        f"Review queue: filter by {kind}",
        "ms",
        p95(mine),
        p95(theirs),
        "raw indexed SQL",
        Target(FILTER_TARGET_MS),
    )


def _where(queue_filter: QueueFilter) -> tuple[str, tuple[Any, ...]]:
    clauses, params = [], []
    if queue_filter.item_code is not None:
        clauses.append("instr(',' || item_codes || ',', ?) > 0")
        params.append(f",{queue_filter.item_code},")
    if queue_filter.state is not None:
        clauses.append("part_state = ?")
        params.append(queue_filter.state)
    if queue_filter.window_number is not None:
        clauses.append("window_number = ?")
        params.append(queue_filter.window_number)
    return "".join(f" AND {clause}" for clause in clauses), tuple(params)


def _rounds(ours: Callable[[], object], raw: Callable[[], object]) -> tuple[list[float], ...]:
    mine: list[float] = []
    theirs: list[float] = []
    for round_number in range(ROUNDS + 1):  # the first round warms the caches
        a, b = elapsed_ms(ours), elapsed_ms(raw)
        if round_number:
            mine.append(a)
            theirs.append(b)
    return mine, theirs


def run() -> list[Result]:
    demo_path = resource_path(*DEMO_CATALOG)
    if not demo_path.exists():
        return [Result("Review queue", "ms", None, note=f"no {demo_path.name}")]
    items = read_catalog_json(demo_path).items
    here = sorted(item.basic_code for item in items if item.department == DEPARTMENT)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "desk"
        with Desk.open(root) as desk:  # the schema, by the desk's own migrations
            path = desk.database.path
        load(path, items)
        gc.collect()
        with Desk.open(root) as desk:
            connection = sqlite3.connect(path)
            try:
                return [
                    measure_open(desk, connection),
                    measure_filter(
                        desk, connection, "item", [QueueFilter(item_code=code) for code in here]
                    ),
                    measure_filter(
                        desk,
                        connection,
                        "state",
                        [QueueFilter(state=state) for state in ("in_review", "paused")],
                    ),
                    measure_filter(
                        desk,
                        connection,
                        "window",
                        [QueueFilter(window_number=window) for window in range(1, 11)],
                    ),
                ]
            finally:
                connection.close()
