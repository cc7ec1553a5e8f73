"""综合窗口统一出件: fees paid, results handed over at the window or sent by courier.

Each step is one ``database.write()`` transaction: the case as *stored* is loaded, a caller
holding an older copy is refused (someone else moved the case meanwhile), the event is
applied to a copy with :func:`~clerk_desk.domain.case_effects.apply_event` (the rules the
platform applies too) and the case row, the event and its outbox row are written together.
So a hand-over interrupted at any point is either wholly recorded or not at all, and a second
hand-over of the same result is refused instead of recorded twice.

An agent's 授权委托书 scanned at the window is copied into the desk's file store before the
transaction (like an intake attachment), so the case never refers to a file that is not there.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from clerk_desk.domain import output_rules
from clerk_desk.domain.calendar import WorkCalendar
from clerk_desk.domain.case import Case, DeliveryMethod, MaterialFile, PaymentMethod
from clerk_desk.domain.case_effects import apply_event
from clerk_desk.domain.case_states import (
    EVENT_LABELS,
    STATE_LABELS,
    CaseEvent,
    CaseState,
)
from clerk_desk.domain.identity import DEFAULT_DOCUMENT_KIND, DocumentKind
from clerk_desk.domain.ratings import ContactKind
from clerk_desk.domain.review_rules import EventRefused
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP, Message, msg
from clerk_desk.services.attachments import check_attachment
from clerk_desk.services.case_log import DeskPlace, record
from clerk_desk.services.ratings import open_contact
from clerk_desk.settings import Settings
from local_cache.db import Database
from local_cache.file_store import FileStore
from local_cache.repositories import case_repo

# The collector's name is not what :meth:`OutputService.collector_problems` checks.
_ANY_NAME = "collector"


class OutputRefused(UserError):
    """An output step that cannot be recorded on the case as stored: it is gone, another
    desk or window moved it meanwhile, or its result already left the centre."""


class OutputService:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        clock: Callable[[], datetime],
        files: FileStore,
        work_calendar: Callable[[], WorkCalendar],
    ) -> None:
        self.database = database
        self.settings = settings
        self.clock = clock
        self.files = files
        self.work_calendar = work_calendar

    # Steps ---------------------------------------------------------------------------------

    def pay(
        self,
        case: Case,
        clerk: str,
        *,
        method: PaymentMethod,
        amount: str,
        payer: str,
        number: str = "",
    ) -> Case:
        """缴费 (table 14): the whole amount outstanding, by cash, bank card or payment code.
        Without a 缴款单号 the desk makes one from the case's payment code and a counter."""
        payload: dict[str, Any] = {
            "number": number.strip(),
            "method": str(method),
            "amount": amount.strip(),
            "payer": payer,
        }
        return self._record(case, clerk, CaseEvent.PAY, payload)

    def hand_over(
        self,
        case: Case,
        clerk: str,
        *,
        collector_name: str,
        collector_id_number: str,
        collector_id_kind: DocumentKind = DEFAULT_DOCUMENT_KIND,
        collector_is_agent: bool = False,
        authorisation: Path | None = None,
        e_licence_number: str = "",
    ) -> Case:
        """窗口领取: the collector is the applicant (same ID number) or an agent with a
        授权委托书 (on the case already, or the scan ``authorisation`` stored now)."""
        payload: dict[str, Any] = {
            "collector_name": collector_name,
            "collector_id_kind": str(collector_id_kind),
            "collector_id_number": collector_id_number,
            "collector_is_agent": collector_is_agent,
            "e_licence_number": e_licence_number,
        }
        if authorisation is not None:
            payload["authorisation"] = self._store(authorisation).to_dict()
        return self._record(case, clerk, CaseEvent.HAND_OVER, payload)

    def ship(
        self,
        case: Case,
        clerk: str,
        *,
        recipient: str,
        address: str,
        phone: str,
        company: str,
        tracking_number: str,
    ) -> Case:
        """邮寄送达 (table 15): only where every item of the case allows courier delivery."""
        payload: dict[str, Any] = {
            "recipient": recipient,
            "address": address,
            "phone": phone,
            "company": company,
            "tracking_number": tracking_number,
        }
        return self._record(case, clerk, CaseEvent.SHIP, payload)

    def deliver(self, case: Case, clerk: str, *, signed_by: str) -> Case:
        """快递签收: the parcel reached the applicant; who signed for it."""
        return self._record(case, clerk, CaseEvent.DELIVER, {"signed_by": signed_by})

    # Live checks ---------------------------------------------------------------------------

    def release_problems(
        self, case: Case, method: DeliveryMethod = DeliveryMethod.WINDOW
    ) -> list[Message]:
        """What keeps the result from leaving the centre now by ``method``: the case is not
        ready for pick-up, a fee is unpaid, an item is not sent by courier. Empty: allowed."""
        problems = []
        if case.state is not CaseState.READY_FOR_PICKUP:
            problems.append(
                msg(
                    # 办件当前状态为“{state}”，结果待取件后才能发放
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The case is “{state}”; the result is released once it is ready "
                        "for pick-up",
                    ),
                    state=msg(STATE_LABELS[case.state]),
                )
            )
        due = output_rules.outstanding(case)
        if due > 0:
            problems.append(
                msg(
                    # 尚有 {amount} 元费用未缴纳，缴清后才能发放结果
                    QT_TRANSLATE_NOOP(
                        "core", "{amount} yuan are still unpaid; the result is released once paid"
                    ),
                    amount=str(due),
                )
            )
        if method is DeliveryMethod.COURIER and not all(i.courier_allowed for i in case.items):
            problems.append(
                msg(
                    # 该办件有事项不支持快递送达，请通知申请人到窗口领取
                    QT_TRANSLATE_NOOP(
                        "core",
                        "An item of this case is not delivered by courier; ask the applicant "
                        "to collect it at the window",
                    )
                )
            )
        return problems

    def collector_problems(
        self,
        case: Case,
        collector_id_number: str,
        *,
        collector_id_kind: DocumentKind = DEFAULT_DOCUMENT_KIND,
        collector_is_agent: bool = False,
        has_authorisation: bool = False,
    ) -> list[Message]:
        """What is wrong with the collector as typed so far (the hand-over's own check): an
        ID number that is invalid or not the applicant's, an agent without a 授权委托书."""
        payload: dict[str, Any] = {
            "collector_name": _ANY_NAME,
            "collector_id_kind": str(collector_id_kind),
            "collector_id_number": collector_id_number,
            "collector_is_agent": collector_is_agent,
            "authorisation": has_authorisation,
        }
        try:
            output_rules.checked_collector(case, payload, self.clock().date())
        except EventRefused as refused:
            return [refused.message]
        return []

    def output_deadline(self, case: Case) -> date | None:
        """§44: the day by which an approved result must reach the applicant (10 working days
        after the case was concluded, on the desk's calendar); None when nothing was approved."""
        return output_rules.output_deadline(case, self.work_calendar())

    def next_payment_number(self, case: Case) -> str:
        """The 缴款单号 a payment recorded now gets when none is typed."""
        return f"{output_rules.payment_code(case.case_no or '')}-{len(case.payments) + 1}"

    # Recording -----------------------------------------------------------------------------

    def _store(self, path: Path) -> MaterialFile:
        """A scanned 授权委托书, checked and safe in the file store before the case refers to it."""
        media_type = check_attachment(path, int(self.settings.get("max_import_mb")))
        stored = self.files.put(path)
        return MaterialFile(stored.sha256, path.name, stored.size, media_type, self.clock())

    def _record(self, case: Case, clerk: str, event: CaseEvent, payload: dict[str, Any]) -> Case:
        """Apply ``event`` to the stored case and write case, event and outbox row in one
        transaction; refuse a case that is gone, changed meanwhile or already released."""
        now = self.clock()
        calendar = self.work_calendar()
        place = DeskPlace.from_settings(self.settings)
        with self.database.write() as session:
            data = case_repo.load(session, case.uuid)
            if data is None:
                raise OutputRefused(
                    # 本机没有办件{number}
                    QT_TRANSLATE_NOOP("core", "Case {number} is not on this desk"),
                    number=case.number_label,
                )
            stored = Case.from_dict(data)
            _refuse_released(stored, event)
            if stored.to_dict() != Case.from_dict(case.to_dict()).to_dict():
                raise OutputRefused(
                    # 办件{number}已被修改（现为“{state}”），请重新打开后再办理“{event}”
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Case {number} was changed meanwhile (it is now “{state}”); open it "
                        "again and repeat “{event}”",
                    ),
                    number=stored.number_label,
                    state=msg(STATE_LABELS[stored.state]),
                    event=msg(EVENT_LABELS[event]),
                )
            if event is CaseEvent.PAY and not payload["number"]:
                payload["number"] = self.next_payment_number(stored)
            after = copy.deepcopy(stored)
            apply_event(after, event, payload, reason="", at=now, by=clerk, calendar=calendar)
            recorded = record(session, after, event, by=clerk, at=now, place=place, payload=payload)
            if event is CaseEvent.HAND_OVER:
                open_contact(
                    session,
                    recorded,
                    ContactKind.HANDOVER,
                    staff=clerk,
                    at=now,
                    settings=self.settings,
                )
            return recorded


def _refuse_released(stored: Case, event: CaseEvent) -> None:
    """A result that already left the centre is not handed over or shipped again: say when
    and to whom, rather than the life cycle's general refusal."""
    delivery = stored.delivery
    if delivery is None or event not in (CaseEvent.HAND_OVER, CaseEvent.SHIP):
        return
    if delivery.method is DeliveryMethod.WINDOW:
        raise OutputRefused(
            # 办件{number}的结果已于{at}交给{collector}，不能再次发放
            QT_TRANSLATE_NOOP(
                "core",
                "The result of case {number} was handed over to {collector} at {at}; it is "
                "not handed over again",
            ),
            number=stored.number_label,
            collector=delivery.collector_name,
            at=delivery.at.strftime("%Y-%m-%d %H:%M"),
        )
    raise OutputRefused(
        # 办件{number}的结果已于{at}寄出（物流单号{tracking}），不能再次发放
        QT_TRANSLATE_NOOP(
            "core",
            "The result of case {number} was sent by courier at {at} (tracking number "
            "{tracking}); it is not released again",
        ),
        number=stored.number_label,
        tracking=delivery.tracking_number,
        at=delivery.at.strftime("%Y-%m-%d %H:%M"),
    )
