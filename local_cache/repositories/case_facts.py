"""The ``case_facts`` row of a case: what the supervisor's figures need, one narrow row each.

Kept in step with the case document by :mod:`local_cache.repositories.case_repo` (every write
of a case rewrites its row), so a report over a day of a million-case cache reads a few
thousand narrow rows instead of their JSON documents. See
:mod:`clerk_desk.domain.report` for what is counted under which column.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from local_cache.schema import CaseFact

IMMEDIATE = "即办件"
COMMITTED = "承诺件"
_WINDOW = slice(14, 17)  # the window number inside a case number


def fact_row(data: dict[str, Any]) -> dict[str, Any] | None:
    """The row of a case document; ``None`` for a draft (never counted)."""
    if data["state"] == "draft":
        return None
    items = data["items"]
    first = items[0] if items else {}
    parts = data.get("parts") or []
    lead = next((part for part in parts if part.get("lead")), parts[0] if parts else None)
    case_no = data.get("case_no") or ""
    window = case_no[_WINDOW]
    delivery = data.get("delivery") or {}
    assistance = data.get("assistance") or {}
    outcomes = [part.get("outcome") for part in parts]
    concluded_at = _datetime(data.get("concluded_at"))
    return {
        "case_uuid": data["uuid"],
        "case_no": case_no,
        "state": data["state"],
        "window_number": int(window) if window.isdigit() else None,
        "clerk": data["created_by"],
        "department": lead["department"] if lead else first.get("department", ""),
        "item_code": first.get("basic_code", ""),
        "item_name": first.get("name", ""),
        "case_kind": (
            IMMEDIATE if items and all(i["case_kind"] == IMMEDIATE for i in items) else COMMITTED
        ),
        "service_kind": assistance.get("kind", ""),
        "legal_limit_days": max((int(i.get("legal_limit_days") or 0) for i in items), default=0),
        "received_at": _datetime(data.get("received_at")),
        "accepted_on": _date(data.get("accepted_on")),
        "committed_deadline": _date(data.get("committed_deadline")),
        "concluded_at": concluded_at,
        "outcome": (
            ("denied" if outcomes and all(o == "denied" for o in outcomes) else "approved")
            if concluded_at is not None
            else ""
        ),
        "delivery_method": delivery.get("method", ""),
        "closed_at": (
            datetime.fromisoformat(data["updated_at"]) if data["state"] == "closed" else None
        ),
    }


def write_facts(
    session: Session, documents: Sequence[dict[str, Any]], *, replace: bool = True
) -> None:
    """Make the ``case_facts`` rows of ``documents`` what the documents say."""
    connection = session.connection()
    if replace:
        uuids = [data["uuid"] for data in documents]
        connection.execute(delete(CaseFact).where(CaseFact.case_uuid.in_(uuids)))
    rows = [row for row in map(fact_row, documents) if row is not None]
    if rows:
        connection.execute(insert(CaseFact), rows)


def _datetime(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)
