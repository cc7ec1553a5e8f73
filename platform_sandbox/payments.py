"""A fee paid through the payment code (缴款码), reported back to the platform.

The payment channel names the case number and the amount; the platform stores a ``pay`` event
by the user ``platform`` (desk ``platform``, method ``code``) through the same rules as a
desk's payment (:mod:`platform_sandbox.applied_events`), so it is in the change feed and every
desk pulls it. A wrong amount, a case with nothing due or one past paying is refused.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select

from clerk_desk.domain.case import PaymentMethod
from clerk_desk.domain.case_states import CaseEvent, CaseState
from clerk_desk.domain.output_rules import payment_code
from platform_sandbox import case_store
from platform_sandbox.applied_events import applied_case
from platform_sandbox.case_models import CaseDoc, EventDoc
from platform_sandbox.errors import not_found
from platform_sandbox.models import CaseRow
from platform_sandbox.platform import Platform

PLATFORM_USER = "platform"


def record_payment(
    platform: Platform, case_no: str, amount: str, number: str, at: datetime
) -> dict[str, Any]:
    """Store the payment of ``amount`` on case ``case_no``; the reply of the stored event.
    Raises :class:`~platform_sandbox.errors.ApiError` (404, 409, 422) when refused."""
    with platform.database.write() as session:
        counter = case_store.lock_writers(session)
        row = session.scalar(select(CaseRow).where(CaseRow.case_no == case_no))
        if row is None:
            raise not_found(f"找不到办件{case_no}")
        held = CaseDoc.model_validate(row.document).model_dump(mode="json")
        event = EventDoc(
            uuid=str(uuid.uuid4()),
            case_uuid=row.uuid,
            seq=row.event_count + 1,
            event=CaseEvent.PAY,
            from_state=CaseState(row.state),
            to_state=CaseState(row.state),
            at=at,
            by=PLATFORM_USER,
            desk_id=PLATFORM_USER,
            reason="",
            payload={
                "number": number or payment_code(case_no),
                "method": str(PaymentMethod.CODE),
                "amount": amount,
                "payer": held["applicant"]["name"],
            },
        ).model_dump(mode="json")
        case_store.apply_document(row, applied_case(held, event))
        return case_store.record(session, counter, row, event, "event")
