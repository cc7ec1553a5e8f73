"""The papers of a 代办 (proxy service) record: 委托书, 受理单, 中止单, 办结单 / 终止单, 回访记录.

Pure functions, no Qt, like ``case_papers``: the applicant's ID number and phone are masked
here. The papers print the record's 代办编号 top right (its QR code holds that number) and
always say the two things a 代办 must: the service is free, and the applicant stays the
申报主体.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import ClassVar

from clerk_desk.documents.case_papers import PaperContext
from clerk_desk.documents.formatting import Row, cn_date, cn_datetime
from clerk_desk.documents.papers import Applicant, PaperHeader
from clerk_desk.domain.case import Applicant as CaseApplicant
from clerk_desk.domain.case import ApplicantKind, CaseSummary
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.domain.case_states import STATE_LABELS
from clerk_desk.domain.followups import CallbackOutcome
from clerk_desk.domain.identity import mask_id_number, mask_phone
from clerk_desk.domain.proxy import ProxyRecord, ProxyState, ProxyStepKind
from clerk_desk.i18n import translate

PAPER_LANGUAGE = "zh_CN"  # papers are printed in Chinese whatever the window's language
OUTCOMES = {
    CallbackOutcome.SATISFIED: "满意",
    CallbackOutcome.UNSATISFIED: "不满意",
    CallbackOutcome.UNREACHABLE: "联系不上",
}


class ProxyPaperKind(StrEnum):
    AUTHORISATION = "authorisation"  # 代办服务委托书, signed by the applicant
    RECEIPT = "receipt"  # 代办受理单
    PAUSE = "pause"  # 代办中止单
    END = "end"  # 代办办结单 or 代办终止单, by the record's state
    CALLBACK = "callback"  # 代办回访记录


@dataclass(frozen=True)
class ProxyHead:
    """What every paper of a record shows: number, applicant (masked), what is to be done,
    by whom, since when and by when. ``items``: the catalog items as ``name（事项编码 code）``."""

    number: str
    applicant: Applicant
    matters: str
    items: tuple[str, ...]
    staff_name: str
    opened_at: datetime
    due_on: date

    @property
    def rows(self) -> list[Row]:
        """The table rows every paper starts with (see ``formatting.grid``)."""
        applicant = self.applicant
        rows: list[Row] = (
            [
                ("申请单位", applicant.organisation),
                ("统一社会信用代码", applicant.credit_code),
                ("法定代表人", applicant.name),
            ]
            if applicant.organisation
            else [("申请人", applicant.name), ("身份证件号码", applicant.id_number_masked)]
        )
        return [
            *rows,
            ("联系电话", applicant.phone),
            ("委托事项", self.matters),
            ("涉及事项", self.items),
            ("代办员", self.staff_name),
            ("委托时间", cn_datetime(self.opened_at)),
            ("承诺办结日期", cn_date(self.due_on)),
        ]


@dataclass(frozen=True)
class ProxyCaseLine:
    """A case brought in for the record, with where it stands (its result once ended)."""

    case_no: str
    items: str
    state: str
    decided_on: date | None


@dataclass(frozen=True)
class ProxyPaper:
    """The base of the record's papers: ``render.render_html`` prints any of them."""

    title: ClassVar[str]
    template: ClassVar[str]

    header: PaperHeader
    proxy: ProxyHead
    contact: str


@dataclass(frozen=True)
class AuthorisationPaper(ProxyPaper):
    """代办服务委托书: what the applicant authorises, signed by them and the 代办员, then
    scanned into the record."""

    title: ClassVar[str] = "代办服务委托书"
    template: ClassVar[str] = "proxy_authorisation.html.j2"

    centre_name: str


@dataclass(frozen=True)
class ProxyReceiptPaper(ProxyPaper):
    """代办受理单: the applicant's proof that the 代办 was taken on, and by when."""

    title: ClassVar[str] = "代办受理单"
    template: ClassVar[str] = "proxy_receipt.html.j2"

    authorised: bool  # the signed authorisation is on file


@dataclass(frozen=True)
class ProxyPausePaper(ProxyPaper):
    """代办中止单: why the 代办 stopped and when it is expected to go on."""

    title: ClassVar[str] = "代办中止单"
    template: ClassVar[str] = "proxy_pause.html.j2"

    paused_at: datetime
    reason: str
    resume_on: date | None
    cases: tuple[ProxyCaseLine, ...]


@dataclass(frozen=True)
class _ProxyEndPaper(ProxyPaper):
    """The paper of a 代办's end (one template): when, the 代办员's note, the cases."""

    template: ClassVar[str] = "proxy_end.html.j2"
    ending: ClassVar[str]

    ended_at: datetime
    note: str
    cases: tuple[ProxyCaseLine, ...]
    callback_due: date | None


@dataclass(frozen=True)
class ProxyConclusionPaper(_ProxyEndPaper):
    """代办办结单: every case at its end, with its result; ``note`` the 代办员's words."""

    title: ClassVar[str] = "代办办结单"
    ending: ClassVar[str] = "办结"


@dataclass(frozen=True)
class ProxyTerminationPaper(_ProxyEndPaper):
    """代办终止单: the 代办 given up, ``note`` the reason; the cases as they stand."""

    title: ClassVar[str] = "代办终止单"
    ending: ClassVar[str] = "终止"


@dataclass(frozen=True)
class ProxyCallbackPaper(ProxyPaper):
    """代办回访记录: how the 代办 ended and what the applicant said when called back."""

    title: ClassVar[str] = "代办回访记录"
    template: ClassVar[str] = "proxy_callback.html.j2"

    ended: str  # 办结 / 终止
    ended_at: datetime
    called_at: datetime
    called_by: str
    outcome: str
    note: str
    cases: tuple[ProxyCaseLine, ...]


def papers_for_record(record: ProxyRecord) -> list[ProxyPaperKind]:
    """The papers that apply to ``record`` now, in the order they are given: the 委托书 to
    sign until the 代办 ends, the 受理单 always, the 中止单 while paused, the 办结单 or 终止单
    once ended, the 回访记录 once called back."""
    kinds = [] if record.ended else [ProxyPaperKind.AUTHORISATION]
    kinds.append(ProxyPaperKind.RECEIPT)
    if record.state is ProxyState.PAUSED:
        kinds.append(ProxyPaperKind.PAUSE)
    if record.ended:
        kinds.append(ProxyPaperKind.END)
    if record.callback is not None:
        kinds.append(ProxyPaperKind.CALLBACK)
    return kinds


def proxy_paper(
    kind: ProxyPaperKind,
    record: ProxyRecord,
    context: PaperContext,
    cases: Sequence[CaseSummary],
    item_names: Mapping[str, str] | None = None,
) -> ProxyPaper:
    """The paper ``kind`` of ``record``; ``cases``: its cases as they stand
    (``desk.proxies.cases(record)``); ``item_names``: the catalog's names of the record's
    item codes (else the names its cases carry, else the code alone). Raises ``ValueError``
    for a paper that does not apply (see :func:`papers_for_record`)."""
    if kind not in papers_for_record(record):
        raise ValueError(f"no {kind} paper for a {record.state} 代办 record")
    header = context.header()
    head = _head(record, _names(cases, item_names))
    lines = tuple(_case_line(case) for case in cases)
    match kind:
        case ProxyPaperKind.AUTHORISATION:
            return AuthorisationPaper(header, head, context.contact, context.centre_name)
        case ProxyPaperKind.RECEIPT:
            return ProxyReceiptPaper(
                header, head, context.contact, record.authorisation is not None
            )
        case ProxyPaperKind.PAUSE:
            return ProxyPausePaper(
                header,
                head,
                context.contact,
                paused_at=_paused_at(record),
                reason=record.pause_reason,
                resume_on=record.resume_on,
                cases=lines,
            )
        case ProxyPaperKind.END:
            end = (
                ProxyConclusionPaper
                if record.state is ProxyState.CONCLUDED
                else ProxyTerminationPaper
            )
            return end(
                header,
                head,
                context.contact,
                ended_at=record.ended_at or context.printed_at,
                note=record.end_note,
                cases=lines,
                callback_due=record.callback_due,
            )
    callback = record.callback
    assert callback is not None  # papers_for_record offers CALLBACK only then
    return ProxyCallbackPaper(
        header,
        head,
        context.contact,
        ended="办结" if record.state is ProxyState.CONCLUDED else "终止",
        ended_at=record.ended_at or callback.at,
        called_at=callback.at,
        called_by=record.staff_name if callback.by == record.staff else callback.by,
        outcome=OUTCOMES[callback.outcome],
        note=callback.note,
        cases=lines,
    )


def _head(record: ProxyRecord, names: Mapping[str, str]) -> ProxyHead:
    return ProxyHead(
        number=record.number,
        applicant=_applicant(record.applicant),
        matters=record.matters,
        items=tuple(
            f"{names[code]}（事项编码 {code}）" if code in names else f"事项编码 {code}"
            for code in record.item_codes
        ),
        staff_name=record.staff_name or record.staff,
        opened_at=record.opened_at,
        due_on=record.due_on,
    )


def _names(cases: Sequence[CaseSummary], item_names: Mapping[str, str] | None) -> dict[str, str]:
    names = {
        code: name
        for case in cases
        for code, name in zip(case.item_codes, case.item_names, strict=False)
    }
    return {**names, **(item_names or {})}


def _applicant(applicant: CaseApplicant) -> Applicant:
    organisation = applicant.kind is ApplicantKind.ORGANISATION
    return Applicant(
        name=applicant.legal_representative if organisation else applicant.name,
        id_number_masked="" if organisation else mask_id_number(applicant.id_number),
        phone=mask_phone(applicant.phone) if applicant.phone else "",
        organisation=applicant.name if organisation else "",
        credit_code=applicant.credit_code if organisation else "",
    )


def _case_line(case: CaseSummary) -> ProxyCaseLine:
    return ProxyCaseLine(
        case_no=display_case_no(case.case_no) if case.case_no else "草稿（未编号）",
        items="、".join(case.item_names),
        state=translate("core", STATE_LABELS[case.state], PAPER_LANGUAGE),
        decided_on=case.decided_at.date() if case.decided_at else None,
    )


def _paused_at(record: ProxyRecord) -> datetime:
    """When the current pause began: the last 中止 step of the history."""
    return next(step.at for step in reversed(record.steps) if step.kind is ProxyStepKind.PAUSED)
