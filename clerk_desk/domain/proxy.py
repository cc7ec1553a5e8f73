"""代办 (proxy service): staff act for an applicant on a signed 代办服务委托书.

A 代办 has its own record, apart from the cases it produces: it is opened (委托, and the
代办受理单 given to the applicant), the signed authorisation is scanned, the staff member brings
in one or more cases for the applicant (each links back to it), it may stop for a while (中止,
with a 中止单), it ends as 办结 (done) or 终止 (given up, with the reason; 办结单 / 终止单), and a
call-back (回访) within :data:`CALLBACK_WORKING_DAYS` working days records how the applicant
found it. The applicant stays the 申报主体 throughout; the service is free.

The rules here are pure: :mod:`clerk_desk.services.proxy` stores the record and prints papers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from clerk_desk.domain.case import Applicant, MaterialFile
from clerk_desk.domain.followups import CallbackOutcome
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP

CALLBACK_WORKING_DAYS = 3  # 回访 within three working days of the end
MATTERS_MAX = 500


class ProxyRefused(UserError):
    """A step the record's state does not allow, or input that cannot be recorded."""


class ProxyState(StrEnum):
    OPEN = "open"  # 办理中
    PAUSED = "paused"  # 中止
    CONCLUDED = "concluded"  # 办结
    TERMINATED = "terminated"  # 终止


PROXY_STATE_LABELS = {
    ProxyState.OPEN: QT_TRANSLATE_NOOP("core", "In progress"),  # 办理中
    ProxyState.PAUSED: QT_TRANSLATE_NOOP("core", "Paused"),  # 中止
    ProxyState.CONCLUDED: QT_TRANSLATE_NOOP("core", "Concluded"),  # 办结
    ProxyState.TERMINATED: QT_TRANSLATE_NOOP("core", "Terminated"),  # 终止
}


class ProxyStepKind(StrEnum):
    OPENED = "opened"  # 委托受理
    AUTHORISED = "authorised"  # 委托书已扫描
    CASE_STARTED = "case_started"  # 为申请人受理办件
    PAUSED = "paused"
    RESUMED = "resumed"
    CONCLUDED = "concluded"
    TERMINATED = "terminated"
    CALLED_BACK = "called_back"  # 回访


STEP_LABELS = {
    ProxyStepKind.OPENED: QT_TRANSLATE_NOOP("core", "Authorisation taken"),  # 委托受理
    ProxyStepKind.AUTHORISED: QT_TRANSLATE_NOOP("core", "Signed authorisation scanned"),
    ProxyStepKind.CASE_STARTED: QT_TRANSLATE_NOOP("core", "Case started"),  # 办件受理
    ProxyStepKind.PAUSED: QT_TRANSLATE_NOOP("core", "Paused"),  # 中止
    ProxyStepKind.RESUMED: QT_TRANSLATE_NOOP("core", "Resumed"),  # 恢复
    ProxyStepKind.CONCLUDED: QT_TRANSLATE_NOOP("core", "Concluded"),  # 办结
    ProxyStepKind.TERMINATED: QT_TRANSLATE_NOOP("core", "Terminated"),  # 终止
    ProxyStepKind.CALLED_BACK: QT_TRANSLATE_NOOP("core", "Called back"),  # 已回访
}


class NextStep(StrEnum):
    """What the staff member has to do next on an open 代办."""

    SCAN_AUTHORISATION = "scan_authorisation"  # 扫描签字的委托书
    START_CASE = "start_case"  # 为申请人受理办件
    FOLLOW_CASES = "follow_cases"  # 跟进办件，办结
    RESUME_OR_END = "resume_or_end"  # 恢复或终止
    CALL_BACK = "call_back"  # 回访
    NONE = "none"  # 已回访，完结


NEXT_STEP_LABELS = {
    NextStep.SCAN_AUTHORISATION: QT_TRANSLATE_NOOP("core", "Scan the signed authorisation"),
    NextStep.START_CASE: QT_TRANSLATE_NOOP("core", "Start the applicant's case"),
    NextStep.FOLLOW_CASES: QT_TRANSLATE_NOOP("core", "Follow the cases to their end"),
    NextStep.RESUME_OR_END: QT_TRANSLATE_NOOP("core", "Resume or terminate"),
    NextStep.CALL_BACK: QT_TRANSLATE_NOOP("core", "Call the applicant back"),
    NextStep.NONE: QT_TRANSLATE_NOOP("core", "Done"),
}


@dataclass(frozen=True)
class ProxyStep:
    """One entry of the record's history: what happened, when, by whom, with what note."""

    kind: ProxyStepKind
    at: datetime
    by: str
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "kind": str(self.kind), "at": self.at.isoformat()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProxyStep:
        return cls(
            kind=ProxyStepKind(data["kind"]),
            at=datetime.fromisoformat(data["at"]),
            by=str(data["by"]),
            note=str(data.get("note", "")),
        )


@dataclass(frozen=True)
class Callback:
    """The 回访: the outcomes are those of a 差评 follow-up's call-back."""

    at: datetime
    by: str
    outcome: CallbackOutcome
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "outcome": str(self.outcome), "at": self.at.isoformat()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Callback:
        return cls(
            at=datetime.fromisoformat(data["at"]),
            by=str(data["by"]),
            outcome=CallbackOutcome(data["outcome"]),
            note=str(data.get("note", "")),
        )


@dataclass(frozen=True)
class ProxyRecord:
    """One 代办. ``staff`` / ``staff_name``: the 代办员 acting for the applicant; ``matters``:
    what the applicant asked to have done, in their words; ``item_codes``: the catalog items
    meant; ``due_on``: the date promised to the applicant; ``case_uuids``: the cases brought
    in for it. ``pause_reason`` / ``resume_on`` hold while paused; ``end_note`` says why it
    ended (the reason of a 终止); ``callback_due`` is set when it ends."""

    uuid: str
    number: str
    state: ProxyState
    applicant: Applicant
    matters: str
    item_codes: tuple[str, ...]
    staff: str
    staff_name: str
    opened_at: datetime
    due_on: date
    authorisation: MaterialFile | None = None
    case_uuids: tuple[str, ...] = ()
    pause_reason: str = ""
    resume_on: date | None = None
    ended_at: datetime | None = None
    end_note: str = ""
    callback_due: date | None = None
    callback: Callback | None = None
    steps: tuple[ProxyStep, ...] = field(default_factory=tuple)

    @property
    def ended(self) -> bool:
        return self.state in (ProxyState.CONCLUDED, ProxyState.TERMINATED)

    @property
    def finished(self) -> bool:
        """Ended and called back: nothing left to do."""
        return self.ended and self.callback is not None

    def next_step(self) -> tuple[NextStep, date | None]:
        """The next thing to do and the date it is due by (``None``: no date)."""
        if self.ended:
            if self.callback is None:
                return NextStep.CALL_BACK, self.callback_due
            return NextStep.NONE, None
        if self.state is ProxyState.PAUSED:
            return NextStep.RESUME_OR_END, self.resume_on
        if self.authorisation is None:
            return NextStep.SCAN_AUTHORISATION, self.opened_at.date()
        if not self.case_uuids:
            return NextStep.START_CASE, self.due_on
        return NextStep.FOLLOW_CASES, self.due_on

    def to_dict(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "number": self.number,
            "state": str(self.state),
            "applicant": {
                **asdict(self.applicant),
                "kind": str(self.applicant.kind),
                "id_kind": str(self.applicant.id_kind),
            },
            "matters": self.matters,
            "item_codes": list(self.item_codes),
            "staff": self.staff,
            "staff_name": self.staff_name,
            "opened_at": self.opened_at.isoformat(),
            "due_on": self.due_on.isoformat(),
            "authorisation": None if self.authorisation is None else self.authorisation.to_dict(),
            "case_uuids": list(self.case_uuids),
            "pause_reason": self.pause_reason,
            "resume_on": None if self.resume_on is None else self.resume_on.isoformat(),
            "ended_at": None if self.ended_at is None else self.ended_at.isoformat(),
            "end_note": self.end_note,
            "callback_due": None if self.callback_due is None else self.callback_due.isoformat(),
            "callback": None if self.callback is None else self.callback.to_dict(),
            "steps": [step.to_dict() for step in self.steps],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProxyRecord:
        authorisation = data.get("authorisation")
        callback = data.get("callback")
        return cls(
            uuid=data["uuid"],
            number=data["number"],
            state=ProxyState(data["state"]),
            applicant=Applicant.from_dict(data["applicant"]),
            matters=data.get("matters", ""),
            item_codes=tuple(data.get("item_codes", ())),
            staff=data["staff"],
            staff_name=data.get("staff_name", ""),
            opened_at=datetime.fromisoformat(data["opened_at"]),
            due_on=date.fromisoformat(data["due_on"]),
            authorisation=None if authorisation is None else MaterialFile.from_dict(authorisation),
            case_uuids=tuple(data.get("case_uuids", ())),
            pause_reason=data.get("pause_reason", ""),
            resume_on=_date(data.get("resume_on")),
            ended_at=_datetime(data.get("ended_at")),
            end_note=data.get("end_note", ""),
            callback_due=_date(data.get("callback_due")),
            callback=None if callback is None else Callback.from_dict(callback),
            steps=tuple(ProxyStep.from_dict(step) for step in data.get("steps", ())),
        )


def with_step(record: ProxyRecord, step: ProxyStep, **changes: Any) -> ProxyRecord:
    return replace(record, steps=(*record.steps, step), **changes)


def require(allowed: bool, template: str, **params: Any) -> None:
    if not allowed:
        raise ProxyRefused(template, **params)


def _datetime(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)
