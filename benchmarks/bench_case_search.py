"""Case search over 1,000,000 cached cases, each kind through ``IntakeService.find_cases``,
against the same indexed SQL run directly with sqlite3 in the same run.

Making a million cases through the services would take hours, so the rows are written in
bulk into a real desk database (created by the desk's own migrations): the schema's indexes
are dropped, the rows inserted in transactions of 50,000, and the indexes created again
from their own stored SQL before anything is measured. The rows look like the desk's own:
three years of working days, 40 windows, names drawn like real Chinese names (about a third
of two characters), valid ID numbers (some applicants come back), organisations with credit
codes, E.164 phones, the states of a live centre, and a JSON document of the real size (the
materials of the real catalog items).

Each search kind is asked as the clerk types it into the case list (``SearchKind.AUTO``):
the service's WHERE clause, ORDER BY and LIMIT are written out by hand for the baseline.
"""

from __future__ import annotations

import gc
import json
import random
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench_search import p95
from report import Result, Target

from clerk_desk.desk import Desk
from clerk_desk.domain.calendar import WorkCalendar
from clerk_desk.domain.case_number import make_case_no
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.catalog import ServiceItem
from clerk_desk.domain.materials import merge_materials
from clerk_desk.resources import resource_path
from clerk_desk.services import demo_people
from clerk_desk.services.catalog import DEMO_CATALOG, read_catalog_json
from clerk_desk.services.intake import CaseQuery, SearchKind

CASES = 1_000_000
BATCH = 50_000
QUERIES_PER_KIND = 100
TARGET_MS = 50.0
SEED = 20260928
CENTRE = "340100"
WINDOWS = 40
FIRST_DAY = date(2023, 10, 9)
LAST_DAY = date(2026, 9, 30)
RETURNING_SHARE = 0.15  # applicants who had a case here before
STATES = (
    ("accepted", 40), ("in_review", 15), ("decided", 5), ("ready_for_pickup", 3),
    ("delivered", 20), ("awaiting_supplement", 6), ("rejected", 3), ("closed", 3), ("draft", 5),
)  # fmt: skip
SUMMARY = (
    "uuid, case_no, state, rated, applicant_name, applicant_number, item_codes, item_names, "
    "created_by, updated_at, received_at, decided_at, committed_deadline, deadline_provisional"
)
BASELINE = (
    f"SELECT {SUMMARY} FROM cases WHERE {{where}} "
    "ORDER BY received_at DESC, uuid LIMIT 200 OFFSET 0"
)
DIGITS_WHERE = (
    "((case_no >= ? AND case_no < ?) OR applicant_number = ? OR applicant_phone = ?) "
    "AND state != 'draft'"
)
NAME_WHERE = "(applicant_name >= ? AND applicant_name < ?) AND state != 'draft'"
RANGE_WHERE = "state = ? AND received_at >= ? AND received_at < ?"
AFTER = "\U0010ffff"
INSERT = (
    "INSERT INTO cases (uuid, case_no, state, rated, applicant_name, applicant_number, "
    "applicant_phone, item_codes, item_names, created_by, created_at, updated_at, received_at, "
    "decided_at, committed_deadline, deadline_provisional, data) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass
class Samples:
    """Values to search for, taken from the generated rows as they go by."""

    case_numbers: list[str] = field(default_factory=list)
    id_numbers: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    two_character_names: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)

    def keep(self, rng: random.Random, row: tuple[Any, ...]) -> None:
        if row[1] is None or rng.random() > 4 * QUERIES_PER_KIND / CASES:
            return
        self.case_numbers.append(row[1])
        name, number, phone = row[4], row[5], row[6]
        if len(number) == 18 and not number.startswith("9"):
            self.id_numbers.append(number)
            (self.two_character_names if len(name) == 2 else self.names).append(name)
        self.phones.append(phone.removeprefix("+86"))


def _stamp(moment: datetime) -> str:
    """SQLAlchemy's storage format for DateTime on SQLite, microseconds always written."""
    return f"{moment:%Y-%m-%d %H:%M:%S}.000000"


def _materials_json(item: ServiceItem) -> str:
    """The item's checklist as a decided case stores it, marks and all."""
    materials = merge_materials([item], {})
    documents = []
    for material in materials:
        data = material.to_dict()
        data.update(mark="received", received_form=material.form, received_copies=1)
        documents.append(data)
    return json.dumps(documents)


def _item_json(item: ServiceItem) -> str:
    return json.dumps(
        [
            {
                "basic_code": item.basic_code,
                "version": item.version,
                "name": item.name,
                "department": item.department,
                "promised_limit_days": item.promised_limit_days,
                "legal_limit_days": item.legal_limit_days,
                "case_kind": item.case_kind,
            }
        ]
    )


def working_days(calendar: WorkCalendar) -> list[date]:
    days = []
    day = FIRST_DAY
    while day <= LAST_DAY:
        if calendar.is_workday(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def generate(items: list[ServiceItem], samples: Samples) -> Iterator[tuple[Any, ...]]:
    """The rows, day by day; each window's numbers follow the time of day."""
    rng = random.Random(SEED)
    days = working_days(WorkCalendar())
    per_day = CASES // len(days) + 1
    fragments = {item.basic_code: (_item_json(item), _materials_json(item)) for item in items}
    states = [state for state, _ in STATES]
    weights = [weight for _, weight in STATES]
    clerks = [f"clerk{window:02d}" for window in range(1, WINDOWS + 1)]
    returning: list[tuple[str, str, str]] = []
    made = 0
    for day in days:
        sequences = [0] * (WINDOWS + 1)
        opening = datetime.combine(day, datetime.min.time()) + timedelta(hours=9)
        seconds = sorted(rng.randrange(8 * 3600) for _ in range(min(per_day, CASES - made)))
        for second in seconds:
            moment = opening + timedelta(seconds=second + (3600 if second >= 3 * 3600 else 0))
            window = rng.randint(1, WINDOWS)
            state = rng.choices(states, weights)[0]
            item = rng.choice(items)
            if returning and rng.random() < RETURNING_SHARE:
                name, number, phone = rng.choice(returning)
            elif rng.random() < 0.3:
                name, number = demo_people.organisation_name(rng), demo_people.credit_code(rng)
                phone = "+86" + demo_people.mobile(rng)
            else:
                name, number = demo_people.person_name(rng), demo_people.id_number(rng, day)
                phone = "+86" + demo_people.mobile(rng)
                if len(returning) < 50_000:
                    returning.append((name, number, phone))
            draft = state == "draft"
            case_no = None
            if not draft:
                sequences[window] += 1
                case_no = make_case_no(CENTRE, day, window, sequences[window])
            deadline = day + timedelta(days=item.promised_limit_days * 7 // 5)
            case_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            head = json.dumps(
                {
                    "uuid": case_uuid,
                    "case_no": case_no,
                    "state": state,
                    "applicant": {"name": name, "id_number": number, "phone": phone},
                    "created_at": moment.isoformat(),
                }
            )
            item_json, materials_json = fragments[item.basic_code]
            data = f'{head[:-1]}, "items": {item_json}, "materials": {materials_json}}}'
            row = (
                case_uuid,
                case_no,
                state,
                int(state == "delivered" and rng.random() < 0.6),
                name,
                number,
                phone,
                item.basic_code,
                item.name,
                clerks[window - 1],
                _stamp(moment - timedelta(minutes=5)),
                _stamp(moment),
                None if draft else _stamp(moment),
                None if draft else _stamp(moment),
                None if draft or state in ("rejected", "awaiting_supplement") else str(deadline),
                0,
                data,
            )
            samples.keep(rng, row)
            made += 1
            yield row


def load(path: Path, items: list[ServiceItem]) -> Samples:
    """Write the rows with the indexes dropped, then build the indexes from their own SQL."""
    samples = Samples()
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA cache_size = -1000000")
        indexes = connection.execute(
            "SELECT name, sql FROM sqlite_master "
            "WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL"
        ).fetchall()
        for name, _ in indexes:
            connection.execute(f'DROP INDEX "{name}"')
        started = time.perf_counter()
        rows = generate(items, samples)
        while batch := [row for _, row in zip(range(BATCH), rows, strict=False)]:
            connection.execute("BEGIN")
            connection.executemany(INSERT, batch)
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
        f"wrote {CASES:,} cases in {inserted - started:.0f} s, "
        f"built {len(indexes)} indexes in {done - inserted:.0f} s "
        f"({path.stat().st_size / 2**30:.1f} GiB)"
    )
    return samples


@dataclass(frozen=True)
class Kind:
    """One search kind: the queries as typed, and the same search as raw SQL parameters."""

    name: str
    queries: list[CaseQuery]
    where: str
    params: Callable[[CaseQuery], tuple[Any, ...]]


def digits_params(query: CaseQuery) -> tuple[Any, ...]:
    text = query.text
    phone = f"+86{text}" if len(text) == 11 and text.startswith("1") else text
    return (text, text + AFTER, text, phone)


def name_params(query: CaseQuery) -> tuple[Any, ...]:
    return (query.text, query.text + AFTER)


def range_params(query: CaseQuery) -> tuple[Any, ...]:
    assert query.received_from is not None and query.received_to is not None
    after = query.received_to + timedelta(days=1)
    return (str(query.state), f"{query.received_from} 00:00:00.000000", f"{after} 00:00:00.000000")


def kinds(samples: Samples) -> list[Kind]:
    rng = random.Random(SEED + 1)
    n = QUERIES_PER_KIND

    def texts(values: list[str]) -> list[CaseQuery]:
        return [CaseQuery(text=value, kind=SearchKind.AUTO) for value in values[:n]]

    prefixes = [
        number[: rng.choice((14, 17))] for number in samples.case_numbers[:n]
    ]  # centre + date, or centre + date + window
    ranges = []
    for _ in range(n):
        start = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days - 7))
        state = CaseState(rng.choice(("accepted", "in_review", "delivered", "rejected")))
        ranges.append(
            CaseQuery(state=state, received_from=start, received_to=start + timedelta(days=6))
        )
    return [
        Kind("case number prefix", texts(prefixes), DIGITS_WHERE, digits_params),
        Kind("full ID number", texts(samples.id_numbers), DIGITS_WHERE, digits_params),
        Kind("2-character name", texts(samples.two_character_names), NAME_WHERE, name_params),
        Kind("full name", texts(samples.names), NAME_WHERE, name_params),
        Kind("phone", texts(samples.phones), DIGITS_WHERE, digits_params),
        Kind("date range + state", ranges, RANGE_WHERE, range_params),
    ]


def elapsed_ms(search: Callable[[CaseQuery], object], query: CaseQuery) -> float:
    start = time.perf_counter()
    search(query)
    return (time.perf_counter() - start) * 1000


def measure(desk: Desk, connection: sqlite3.Connection, kind: Kind) -> Result:
    sql = BASELINE.format(where=kind.where)

    def raw(query: CaseQuery) -> list[Any]:
        return connection.execute(sql, kind.params(query)).fetchall()

    ours: list[float] = []
    theirs: list[float] = []
    found = 0
    for round_number in range(2):  # the first round warms the caches
        for query in kind.queries:
            a = elapsed_ms(desk.intake.find_cases, query)
            b = elapsed_ms(raw, query)
            if round_number:
                ours.append(a)
                theirs.append(b)
    for query in kind.queries:
        rows = desk.intake.find_cases(query)
        expected = raw(query)
        assert [r.uuid for r in rows] == [r[0] for r in expected], kind.name
        found += len(rows)
    print(
        f"{kind.name}: {len(kind.queries)} queries, {found / len(kind.queries):.0f} rows on "
        f"average; p95 {p95(ours):.2f} ms (raw SQL {p95(theirs):.2f} ms)"
    )
    return Result(
        f"Case search p95, {CASES:,} cases: {kind.name}",
        "ms",
        p95(ours),
        p95(theirs),
        "raw indexed SQL",
        Target(TARGET_MS),
    )


def run() -> list[Result]:
    demo_path = resource_path(*DEMO_CATALOG)
    if not demo_path.exists():
        return [Result("Case search", "ms", None, note=f"no {demo_path.name}")]
    items = read_catalog_json(demo_path).items
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "desk"
        Desk.open(root).close()  # the schema, by the desk's own migrations
        with Desk.open(root) as desk:
            path = desk.database.path
        samples = load(path, items)
        gc.collect()
        with Desk.open(root) as desk:
            connection = sqlite3.connect(path)
            try:
                return [measure(desk, connection, kind) for kind in kinds(samples)]
            finally:
                connection.close()
