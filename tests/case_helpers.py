"""Building cases for the case tests: a fixed clock, valid applicants, marked checklists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Applicant, Case, MaterialMark
from clerk_desk.domain.identity import make_id_number
from clerk_desk.services.intake import IntakeService

FOOD_LICENCE = "000142130101"  # 食品经营许可（新办）, 5 days, two gap-allowed materials
SEAL_FILING = "000042810600"  # 公章刻制备案, 即办件, no gap allowed
TAX_PACKAGE = "000253010700"  # 新办纳税人涉税事项套餐, 即办件
CLERK = "clerk"


class Clock:
    """A settable clock, so deadlines and case numbers are known in advance."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def intake(desk: Desk, clock: Clock) -> IntakeService:
    return IntakeService(desk.database, desk.catalog, desk.settings, clock)


def person(name: str = "李娜", sequence: int = 12, phone: str = "13812345678") -> Applicant:
    return Applicant(
        name=name,
        id_number=make_id_number("340104", date(1990, 5, 1), sequence),
        phone=phone,
    )


def draft(
    service: IntakeService,
    codes: Sequence[str] = (FOOD_LICENCE,),
    applicant: Applicant | None = None,
    mark: MaterialMark | None = MaterialMark.RECEIVED,
) -> Case:
    """A draft for the applicant in person (本人), every material given ``mark``."""
    case = service.create_draft(codes, CLERK)
    case.applicant = applicant or person()
    case.answers = {"applicant": "self", "procedure": "general"}
    service.refresh_materials(case)
    if mark is not None:
        for material in case.materials:
            material.mark = mark
    return case


def mark(case: Case, name: str, value: MaterialMark, note: str = "") -> None:
    material = next(m for m in case.materials if m.name == name)
    material.mark = value
    material.note = note
