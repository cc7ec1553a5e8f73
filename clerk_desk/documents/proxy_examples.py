"""One example of every paper of a 代办 record, for the tests and ``tools/render_papers.py``.

An elderly applicant asks the centre on Tuesday 2026-12-08 to renew her 老年人优待证 and her
社会保障卡 for her; the record goes from 委托 to 回访. People and numbers are invented; the
items are those of the demo catalog.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from clerk_desk.documents.case_papers import PaperContext
from clerk_desk.documents.examples import HEADER
from clerk_desk.documents.proxy_papers import ProxyPaper, ProxyPaperKind, proxy_paper
from clerk_desk.domain.case import Applicant, CaseSummary, MaterialFile
from clerk_desk.domain.case_number import make_case_no
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.followups import CallbackOutcome
from clerk_desk.domain.proxy import Callback, ProxyRecord, ProxyState, ProxyStep, ProxyStepKind

OPENED = datetime(2026, 12, 8, 9, 20)
PAUSED = datetime(2026, 12, 9, 15, 5)
ENDED = datetime(2026, 12, 15, 16, 40)
CALLED = datetime(2026, 12, 17, 10, 0)
ITEM_NAMES = {"000063040100": "老年人优待证办理", "000123042100": "社会保障卡补领、换领"}
CONTEXT = PaperContext(
    centre_name=HEADER.centre_name,
    window="8号窗口（帮代办）",
    clerk="刘洋",
    printed_at=OPENED,
    phone="0551-12345678",
)
STAFF = "liuyang"

OPEN = ProxyRecord(
    uuid="6f1c3a52-0b7e-4d1f-9a55-7d2f8c0e4b11",
    number="DB20261208-08-001",
    state=ProxyState.OPEN,
    applicant=Applicant(
        name="张桂兰",
        id_number="340104194203151226",
        phone="13955106688",
        address="合肥市蜀山区长江西路100号",
    ),
    matters="办理老年人优待证，补领社会保障卡（原卡遗失，已挂失）",
    item_codes=tuple(ITEM_NAMES),
    staff=STAFF,
    staff_name="刘洋",
    opened_at=OPENED,
    due_on=date(2026, 12, 15),
    steps=(ProxyStep(ProxyStepKind.OPENED, OPENED, STAFF),),
)
SCAN = MaterialFile("0" * 64, "委托书.pdf", 182_000, "application/pdf", OPENED)


def _case(number: str, name: str, code: str, state: CaseState) -> CaseSummary:
    decided = ENDED if state is CaseState.DELIVERED else None
    return CaseSummary(
        uuid=f"case-{code}",
        case_no=number,
        state=state,
        rated=False,
        applicant_name="张桂兰",
        applicant_number="340104194203151226",
        item_codes=(code,),
        item_names=(name,),
        created_by=STAFF,
        updated_at=ENDED,
        received_at=OPENED,
        decided_at=decided,
        committed_deadline=date(2026, 12, 15),
        deadline_provisional=False,
    )


def cases(state: CaseState) -> tuple[CaseSummary, ...]:
    """The record's two cases, both in ``state``."""
    return tuple(
        _case(make_case_no("340100", OPENED.date(), 8, sequence), name, code, state)
        for sequence, (code, name) in enumerate(ITEM_NAMES.items(), start=3)
    )


def record_at(state: ProxyState) -> ProxyRecord:
    """The example record in ``state``: paused waiting for a photo, concluded (and called
    back) or terminated at the applicant's wish."""
    authorised = replace(
        OPEN,
        authorisation=SCAN,
        case_uuids=tuple(case.uuid for case in cases(CaseState.RECEIVED)),
    )
    match state:
        case ProxyState.OPEN:
            return authorised
        case ProxyState.PAUSED:
            reason = "申请人住院，需待出院后补拍社会保障卡照片"
            return replace(
                authorised,
                state=state,
                pause_reason=reason,
                resume_on=date(2026, 12, 14),
                steps=(*OPEN.steps, ProxyStep(ProxyStepKind.PAUSED, PAUSED, STAFF, reason)),
            )
    ended = replace(
        authorised,
        state=state,
        ended_at=ENDED,
        callback_due=date(2026, 12, 18),
        end_note="两项均已办结，证卡已转交申请人本人"
        if state is ProxyState.CONCLUDED
        else "申请人家属已自行办理，申请人撤回委托",
    )
    note = "申请人对代办服务满意，希望今后继续提供上门服务"
    return replace(ended, callback=Callback(CALLED, STAFF, CallbackOutcome.SATISFIED, note))


def all_examples() -> dict[str, ProxyPaper]:
    """Every 代办 paper by a file-name-friendly key."""
    at_end = replace(CONTEXT, printed_at=ENDED)
    concluded = record_at(ProxyState.CONCLUDED)
    terminated = record_at(ProxyState.TERMINATED)
    done = cases(CaseState.DELIVERED)
    return {
        "proxy_authorisation": proxy_paper(
            ProxyPaperKind.AUTHORISATION, OPEN, CONTEXT, (), item_names=ITEM_NAMES
        ),
        "proxy_receipt": proxy_paper(
            ProxyPaperKind.RECEIPT, record_at(ProxyState.OPEN), CONTEXT, (), ITEM_NAMES
        ),
        "proxy_pause": proxy_paper(
            ProxyPaperKind.PAUSE,
            record_at(ProxyState.PAUSED),
            replace(CONTEXT, printed_at=PAUSED),
            cases(CaseState.IN_REVIEW),
        ),
        "proxy_conclusion": proxy_paper(ProxyPaperKind.END, concluded, at_end, done),
        "proxy_termination": proxy_paper(
            ProxyPaperKind.END, terminated, at_end, cases(CaseState.IN_REVIEW)
        ),
        "proxy_callback": proxy_paper(
            ProxyPaperKind.CALLBACK, concluded, replace(CONTEXT, printed_at=CALLED), done
        ),
    }
