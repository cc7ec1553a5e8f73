"""A desk cache of 1,000,000 cases over two years for the supervisor's benchmarks, built once.

The schema is the desk's own (``Desk.open`` runs the real migrations on a fresh data dir, and
the demo catalog is loaded into it); the rows are then written in bulk with ``executemany``
(indexes dropped, transactions of 50,000 cases, the indexes built again from their own SQL,
then ANALYZE), as ``bench_review_queue`` does. Every case has:

- a row in ``cases`` with a small but valid JSON document (applicant, items, parts with their
  outcome, delivery, dates), its ``case_facts`` row made from that document by
  :func:`local_cache.repositories.case_facts.fact_row` (what the desk writes);
- its history in ``case_events``: submit, the intake decision (受理 88 %, 容缺受理 5 %, 一次告知
  5 % — most of those accepted a few working days later —, 不予受理 2 %), route, the
  decision (approve, deny 3 %) after a handling time within the item's promised limit (one in
  twenty late), result ready, and the delivery (at the window 70 %, or shipped and signed for)
  zero to three working days later; one in a hundred withdrawn while in review. What would
  happen after the benchmarked day has not happened: those cases are still open.
- for the cases of the last 60 days (one in ten before) the service contacts of their intake
  decision and their hand-over, 85 % rated (10 % of those by default), 2 % of the benchmarked
  day's still asking; each 差评 has its follow-up steps up to the benchmarked day, a day or
  so apart (回访核实, 整改, 回复, 回访: most closed, one in twenty stuck on the way, one in
  thirty struck on appeal).

The benchmarked day (``DAY``) receives 5,000 cases; the 995,000 others are spread over the
working days of the two years before it (about 2,000 a day), so the day also sees the
decisions, conclusions and deliveries of earlier cases. The finished data dir is kept in a
cache directory under a name holding ``VERSION`` and the migrations it was made with, so the
next run opens it at once; change ``VERSION`` whenever the rows made here change.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from clerk_desk.desk import Desk
from clerk_desk.domain.calendar import WorkCalendar
from clerk_desk.domain.case_number import make_case_no
from clerk_desk.domain.catalog import ServiceItem
from clerk_desk.domain.ratings import CHANNEL, RatingLevel
from clerk_desk.services import demo_people
from local_cache.repositories.case_facts import fact_row

VERSION = "report-cache-2"
CASES = 1_000_000
DAY = date(2026, 12, 4)  # a Friday: the benchmarked day, the last of the cache
DAY_RECEIVED = 5_000
CLOSING = datetime.combine(DAY, datetime.min.time()) + timedelta(hours=16)  # no later steps
FIRST_DAY = date(2024, 12, 2)
CENTRE = "340100"
CENTRE_NAME = "合肥市政务服务中心"
WINDOWS = 40
BATCH = 50_000
SEED = 20261207
CONTACTS_ALL_DAYS = 60  # every case of the last 60 days has its contacts; one in ten before
DESK_ID = "00000000-0000-4000-8000-000000000001"
LEVELS = tuple(RatingLevel)
LEVEL_WEIGHTS = (70, 20, 6, 3, 1)
MIGRATIONS = Path(__file__).resolve().parent.parent / "local_cache" / "migrations" / "versions"
VARIANT = {digit: "89ab"[int(digit, 16) % 4] for digit in "0123456789abcdef"}
TABLES = ("cases", "case_facts", "case_events", "contacts", "ratings", "followup_steps")

CASE_INSERT = (
    "INSERT INTO cases (uuid, case_no, state, rated, applicant_name, applicant_number, "
    "applicant_phone, item_codes, item_names, created_by, created_at, updated_at, received_at, "
    "decided_at, committed_deadline, deadline_provisional, data) "
    "VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)"
)
FACT_COLUMNS = (
    "case_uuid", "case_no", "state", "window_number", "clerk", "department", "item_code",
    "item_name", "case_kind", "service_kind", "legal_limit_days", "received_at", "accepted_on",
    "committed_deadline", "concluded_at", "outcome", "delivery_method", "closed_at",
)  # fmt: skip
FACT_INSERT = (
    f"INSERT INTO case_facts ({', '.join(FACT_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in FACT_COLUMNS)})"
)
EVENT_INSERT = (
    "INSERT INTO case_events (uuid, case_uuid, seq, event, from_state, to_state, at, by, "
    "desk_id, reason, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '{}')"
)
CONTACT_INSERT = (
    "INSERT INTO contacts (uuid, case_uuid, case_no, kind, seq, event_uuid, staff, staff_name, "
    "staff_no, window_number, department, opened_at, expires_at, state, pressed_level, "
    "pressed_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
RATING_INSERT = (
    "INSERT INTO ratings (uuid, contact_uuid, case_uuid, case_no, contact_kind, seq, staff, "
    "staff_name, window_number, department, channel, rated_at, level, reasons, "
    "reasons_version, comment, origin, rater_name, rater_phone) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', 1, '', ?, '', '')"
)
STEP_INSERT = (
    "INSERT INTO followup_steps (uuid, rating_uuid, kind, by, at, payload) "
    "VALUES (?, ?, ?, 'supervisor', ?, ?)"
)
INTAKE_OUTCOMES = (("accept", 88), ("accept_with_gaps", 5), ("notify_missing", 5),
                   ("reject", 2))  # fmt: skip


def stamp(moment: datetime) -> str:
    """A datetime as SQLAlchemy stores it in SQLite (``YYYY-MM-DD HH:MM:SS.ffffff``)."""
    text = moment.isoformat(" ")
    return text if len(text) > 19 else text + ".000000"


def _sql(value: Any) -> Any:
    if isinstance(value, datetime):
        return stamp(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def working_days(calendar: WorkCalendar) -> list[date]:
    days, day = [], FIRST_DAY
    while day <= DAY:
        if calendar.is_workday(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def migrations_key() -> str:
    """A hash of the migrations' files, names and contents: a changed schema builds anew."""
    digest = hashlib.sha256()
    for path in sorted(MIGRATIONS.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:10]


@dataclass
class Rows:
    """The rows of one batch of cases, table by table."""

    cases: list[tuple[Any, ...]] = field(default_factory=list)
    facts: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    contacts: list[tuple[Any, ...]] = field(default_factory=list)
    ratings: list[tuple[Any, ...]] = field(default_factory=list)
    steps: list[tuple[Any, ...]] = field(default_factory=list)


class Generator:
    """Makes the cases one by one, in the order they were received."""

    def __init__(self, items: list[ServiceItem]) -> None:
        self.rng = random.Random(SEED)
        self.calendar = WorkCalendar()
        self.days = working_days(self.calendar)
        self.position = {day: n for n, day in enumerate(self.days)}
        self.items = items
        self.deadlines: dict[tuple[date, int], date] = {}
        self.sequences: dict[tuple[date, int], int] = {}
        self.people = [
            (demo_people.person_name(self.rng), demo_people.id_number(self.rng, FIRST_DAY),
             "+86" + demo_people.mobile(self.rng))
            for _ in range(20_000)
        ]  # fmt: skip
        self.contacts_from = DAY - timedelta(days=CONTACTS_ALL_DAYS)

    def _uuid(self) -> str:
        """A random version-4 UUID in its text form (``uuid.UUID`` is slow for millions)."""
        h = f"{self.rng.getrandbits(128):032x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{VARIANT[h[16]]}{h[17:20]}-{h[20:]}"

    def _deadline(self, day: date, days: int) -> date:
        key = (day, days)
        if key not in self.deadlines:
            self.deadlines[key] = self.calendar.add_working_days(day, days).deadline
        return self.deadlines[key]

    def _later(self, day: date, working: int) -> date | None:
        """``working`` working days after ``day``; None past the benchmarked day."""
        at = self.position[day] + working
        return self.days[at] if at < len(self.days) else None

    def _moment(self, day: date) -> datetime:
        return datetime.combine(day, datetime.min.time()) + timedelta(
            hours=9, seconds=self.rng.randrange(8 * 3600), microseconds=self.rng.randrange(10**6)
        )

    def day_of(self, index: int) -> date:
        others = CASES - DAY_RECEIVED
        if index >= others:
            return DAY
        return self.days[index * (len(self.days) - 1) // others]

    def case(self, index: int, rows: Rows) -> None:
        rng = self.rng
        day = self.day_of(index)
        item = rng.choice(self.items)
        window = rng.randint(1, WINDOWS)
        clerk = f"clerk{window:02d}"
        self.sequences[(day, window)] = sequence = self.sequences.get((day, window), 0) + 1
        case_no = make_case_no(CENTRE, day, window, sequence)
        case_uuid = self._uuid()
        name, number, phone = rng.choice(self.people)
        received = self._moment(day)
        events: list[tuple[str, str, str, datetime, str]] = [
            ("submit", "draft", "received", received, clerk)
        ]
        contacts: list[tuple[str, datetime, str]] = []  # kind, opened, staff
        outcome = rng.choices([o for o, _ in INTAKE_OUTCOMES], [w for _, w in INTAKE_OUTCOMES])[0]
        decided = received + timedelta(minutes=rng.randint(3, 15))
        contacts.append(("intake", decided, clerk))
        state = "received"
        accepted_at: datetime | None = None
        if outcome == "reject":
            events.append(("reject", "received", "rejected", decided, clerk))
            state = "rejected"
        elif outcome == "notify_missing":
            events.append(("notify_missing", "received", "awaiting_supplement", decided, clerk))
            state = "awaiting_supplement"
            back = self._later(day, rng.randint(1, 5)) if rng.random() < 0.7 else None
            if back is not None:
                accepted_at = self._moment(back)
                events.append(("supplement", state, "received", accepted_at, clerk))
                events.append(("accept", "received", "accepted", accepted_at, clerk))
                contacts.append(("intake", accepted_at, clerk))
        else:
            accepted_at = decided
            events.append((outcome, "received", "accepted", decided, clerk))
        immediate = item.case_kind == "即办件"
        promised = 0 if immediate else max(1, item.promised_limit_days)
        data: dict[str, Any] = {
            "uuid": case_uuid,
            "case_no": case_no,
            "created_by": clerk,
            "received_at": received.isoformat(),
            "applicant": {"name": name, "id_number": number, "phone": phone},
            "items": [
                {"basic_code": item.basic_code, "name": item.name,
                 "department": item.department, "case_kind": item.case_kind,
                 "legal_limit_days": item.legal_limit_days}
            ],
        }  # fmt: skip
        part: dict[str, Any] = {"department": item.department, "item_codes": [item.basic_code],
                                "lead": True, "state": "in_review"}  # fmt: skip
        concluded: datetime | None = None
        updated = events[-1][3]
        if accepted_at is not None:
            accepted_on = accepted_at.date()
            data["accepted_on"] = accepted_on.isoformat()
            data["committed_deadline"] = self._deadline(accepted_on, promised).isoformat()
            data["parts"] = [part]
            state = "in_review"
            routed = accepted_at + timedelta(minutes=1)
            events.append(("route", "accepted", "in_review", routed, clerk))
            if rng.random() < 0.01:
                gone = self._later(accepted_on, rng.randint(0, max(promised, 1)))
                if gone is not None:
                    events.append(("withdraw", state, "closed", self._moment(gone), clerk))
                    state = "closed"
            if state != "closed":
                handling = rng.randint(0, promised) if promised else 0
                if promised and rng.random() < 0.05:
                    handling = promised + rng.randint(1, 10)
                done = self._later(accepted_on, handling)
                if done is not None:
                    concluded = max(routed + timedelta(minutes=5), self._moment(done))
                    denied = rng.random() < 0.03
                    part.update(state="decided", outcome="denied" if denied else "approved")
                    events.append(("deny" if denied else "approve", state, "decided",
                                   concluded, "reviewer"))  # fmt: skip
                    data["concluded_at"] = concluded.isoformat()
                    state = "decided"
                    handed = self._later(concluded.date(), rng.randint(0, 3))
                    if handed is not None:
                        out = max(concluded + timedelta(minutes=5), self._moment(handed))
                        if rng.random() < 0.7:
                            data["delivery"] = {"method": "window"}
                            events.append(("result_ready", state, "ready_for_pickup",
                                           concluded, "reviewer"))  # fmt: skip
                            events.append(("hand_over", "ready_for_pickup", "delivered",
                                           out, clerk))  # fmt: skip
                            contacts.append(("handover", out, clerk))
                        else:
                            data["delivery"] = {"method": "courier"}
                            events.append(("ship", state, "shipped", concluded, clerk))
                            events.append(("deliver", "shipped", "delivered", out, clerk))
                        state = "delivered"
        updated = max(at for _, _, _, at, _ in events)
        data["state"] = state
        data["updated_at"] = updated.isoformat()
        kind = rng.random()
        if kind < 0.03:
            data["assistance"] = {"kind": "assisted"}
        elif kind < 0.04:
            data["assistance"] = {"kind": "proxy"}
        document = json.dumps(data, ensure_ascii=False)
        rows.cases.append(
            (case_uuid, case_no, state, name, number, phone, item.basic_code, item.name, clerk,
             stamp(received), stamp(updated), stamp(received),
             stamp(concluded) if concluded else None, data.get("committed_deadline"), document)
        )  # fmt: skip
        fact = fact_row(data)
        assert fact is not None
        rows.facts.append(tuple(_sql(fact[column]) for column in FACT_COLUMNS))
        event_uuids = []
        for seq, (event, from_state, to_state, at, by) in enumerate(events, start=1):
            event_uuid = self._uuid()
            event_uuids.append(event_uuid)
            rows.events.append(
                (event_uuid, case_uuid, seq, event, from_state, to_state, stamp(at), by, DESK_ID)
            )
        if day >= self.contacts_from or rng.random() < 0.1:
            for seq, (contact_kind, opened, staff) in enumerate(contacts, start=1):
                self._contact(rows, case_uuid, case_no, contact_kind, seq, opened, staff,
                              window, item.department, event_uuids[0])  # fmt: skip

    def _contact(
        self,
        rows: Rows,
        case_uuid: str,
        case_no: str,
        kind: str,
        seq: int,
        opened: datetime,
        staff: str,
        window: int,
        department: str,
        event_uuid: str,
    ) -> None:
        rng = self.rng
        contact_uuid = self._uuid()
        chance = rng.random()
        state = "rated" if chance < 0.85 else "unrated"
        if opened.date() == DAY and chance > 0.98:
            state = "open"
        rated_at = opened + timedelta(seconds=rng.randint(10, 120))
        level = rng.choices(LEVELS, LEVEL_WEIGHTS)[0] if state == "rated" else None
        rows.contacts.append(
            (contact_uuid, case_uuid, case_no, kind, seq, event_uuid, staff, staff,
             f"{window:04d}", window, department, stamp(opened),
             stamp(opened + timedelta(minutes=10)), state, level and str(level),
             stamp(rated_at) if level else None,
             None if state == "open" else stamp(rated_at))
        )  # fmt: skip
        if level is None:
            return
        rating_uuid = self._uuid()
        origin = "default" if rng.random() < 0.1 else "active"
        rows.ratings.append(
            (rating_uuid, contact_uuid, case_uuid, case_no, kind, seq, staff, staff, window,
             department, CHANNEL, stamp(rated_at), str(level), origin)
        )  # fmt: skip
        if level in (RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED):
            self._follow_up(rows, rating_uuid, rated_at)

    def _follow_up(self, rows: Rows, rating_uuid: str, rated_at: datetime) -> None:
        """The steps of a 差评 by the benchmarked day: one a working day or so apart; the
        older ones are mostly closed (回访 done), one in thirty struck on appeal."""
        rng = self.rng
        steps: list[tuple[str, str]] = [("verify", "{}")]
        if rng.random() < 1 / 30:
            steps.append(("appeal", '{"decision": "strike"}'))
        else:
            steps += [("rectify", "{}"), ("reply", "{}"), ("callback", "{}")]
            if rng.random() < 0.05:  # stuck on the way
                del steps[rng.randint(1, 3) :]
        for n, (kind, payload) in enumerate(steps, start=1):
            at = rated_at + timedelta(days=n, hours=rng.randint(0, 6))
            if at >= CLOSING:
                break
            rows.steps.append((self._uuid(), rating_uuid, kind, stamp(at), payload))

    def batches(self) -> Iterator[Rows]:
        rows = Rows()
        for index in range(CASES):
            self.case(index, rows)
            if len(rows.cases) == BATCH:
                yield rows
                rows = Rows()
        if rows.cases:
            yield rows


def _load(path: Path, items: list[ServiceItem]) -> dict[str, int]:
    connection = sqlite3.connect(path, isolation_level=None)
    counts = dict.fromkeys(TABLES, 0)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA cache_size = -1000000")
        marks = ", ".join(f"'{table}'" for table in TABLES)
        indexes = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            f"AND tbl_name IN ({marks}) AND sql IS NOT NULL"
        ).fetchall()
        for name, _ in indexes:
            connection.execute(f'DROP INDEX "{name}"')
        started = time.perf_counter()
        for rows in Generator(items).batches():
            connection.execute("BEGIN")
            for table, sql, batch in (
                ("cases", CASE_INSERT, rows.cases),
                ("case_facts", FACT_INSERT, rows.facts),
                ("case_events", EVENT_INSERT, rows.events),
                ("contacts", CONTACT_INSERT, rows.contacts),
                ("ratings", RATING_INSERT, rows.ratings),
                ("followup_steps", STEP_INSERT, rows.steps),
            ):
                connection.executemany(sql, batch)
                counts[table] += len(batch)
            connection.execute("COMMIT")
            print(f"  {counts['cases']:,} cases", end="\r", flush=True)
        inserted = time.perf_counter()
        for _, sql in indexes:
            connection.execute(sql)
        connection.execute("ANALYZE")
        done = time.perf_counter()
        connection.execute("PRAGMA journal_mode = WAL")
    finally:
        connection.close()
    print(
        f"wrote {', '.join(f'{count:,} {table}' for table, count in counts.items())} "
        f"in {inserted - started:.0f} s, built {len(indexes)} indexes and ANALYZE "
        f"in {done - inserted:.0f} s ({path.stat().st_size / 2**30:.1f} GiB)"
    )
    return counts


def cached_data_dir(cache_dir: Path | None = None) -> Path:
    """The data dir of the big cache, built first when this version is not there yet."""
    base = cache_dir or Path(tempfile.gettempdir()) / "clerk-desk-bench"
    root = base / f"{VERSION}-{migrations_key()}"
    if (root / "complete").exists():
        print(f"report cache: {root} (built before)")
        return root / "desk"
    shutil.rmtree(root, ignore_errors=True)
    building = root.with_name(root.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    started = time.perf_counter()
    with Desk.open(building / "desk") as desk:  # the schema, by the desk's own migrations
        desk.catalog.load_demo()
        desk.settings.update(centre_name=CENTRE_NAME, centre_code=CENTRE)
        desk.settings.save()
        items = desk.catalog.items()
        path = desk.database.path
    _load(path, items)
    (building / "complete").write_text(f"built in {time.perf_counter() - started:.0f} s\n")
    building.rename(root)
    print(f"report cache built in {time.perf_counter() - started:.0f} s: {root}")
    return root / "desk"
