"""Reads of the review queues (``case_parts``) and the output finder (``cases``).

The queue reads name ``is_open = 1`` literally so SQLite answers them from the partial
covering index ``ix_case_parts_queue``: a department's open parts in deadline order, without
touching the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from local_cache.repositories.case_repo import TextMatch, documents, find
from local_cache.schema import CasePartRow

QUEUE_COLUMNS = (
    "case_uuid, case_no, applicant_name, item_codes, item_names, case_state, part_state, "
    "window_number, deadline, received_at"
)
_QUEUE = (
    f"SELECT {QUEUE_COLUMNS} FROM case_parts WHERE department = ? AND is_open = 1 ORDER BY deadline"
)
_BY_DEADLINE = text(
    "SELECT deadline, count(*) FROM case_parts "
    "WHERE department = :department AND is_open = 1 GROUP BY deadline"
)
_ITEMS = text(
    "SELECT DISTINCT item_codes, item_names FROM case_parts "
    "WHERE department = :department AND is_open = 1"
)
_OPEN_COUNT = text("SELECT count(*) FROM case_parts WHERE department = :department AND is_open = 1")


def open_parts(session: Session, department: str) -> list[tuple[Any, ...]]:
    """The department's open parts as plain tuples of :data:`QUEUE_COLUMNS` (dates as
    stored: ISO text), earliest deadline first."""
    result = session.connection().exec_driver_sql(_QUEUE, (department,))
    try:
        return list(result.cursor.fetchall())  # the driver's tuples: no Row object per part
    finally:
        result.close()


def open_by_deadline(session: Session, department: str) -> list[tuple[str | None, int]]:
    """How many open parts of the department fall due on each deadline (ISO text)."""
    return [(row[0], row[1]) for row in session.execute(_BY_DEADLINE, {"department": department})]


def open_item_sets(session: Session, department: str) -> list[tuple[str, str]]:
    """The distinct (codes, names) of the department's open parts, as stored."""
    return [(row[0], row[1]) for row in session.execute(_ITEMS, {"department": department})]


def version(session: Session, department: str) -> tuple[int, int]:
    """Changes when the department's open parts may have: every write of a case gives its
    parts new ids (which only grow), and a deletion lowers the count."""
    last = session.scalar(select(func.max(CasePartRow.id))) or 0
    count = session.scalar(_OPEN_COUNT, {"department": department}) or 0
    return last, count


def ready_cases(
    session: Session, matches: Sequence[TextMatch], states: Sequence[str], limit: int
) -> list[dict[str, Any]]:
    """The documents of the cases in ``states`` that match (any of ``matches``; all when
    empty), newest received first."""
    uuids: list[str] = []
    for state in states:
        uuids += [row.uuid for row in find(session, matches, state=state, limit=limit)]
    found = documents(session, uuids)
    return [found[uuid] for uuid in uuids if uuid in found]
