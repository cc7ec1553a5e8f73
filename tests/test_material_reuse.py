"""材料复用: a returning applicant's ID-card pages from an earlier case, attached by reference."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from case_factory import CLERK, Clock, intake_service, make_case, person
from PIL import Image

from clerk_desk.desk import Desk
from clerk_desk.devices.base import ColourMode
from clerk_desk.domain.case import Applicant, Case, CaseMaterial, MaterialMark
from clerk_desk.domain.case_number import display_case_no
from clerk_desk.imaging.encode import encode_page
from clerk_desk.services.intake import IntakeService
from clerk_desk.services.pages import PageService

RESIDENCE_PERMIT = "000042743200"  # 居住证申领
ID_CARD = "申请人居民身份证"  # reusable for 365 days in the demo catalog
PHOTO = "本人近期相片"  # not reusable
TODAY = datetime(2026, 9, 14, 9, 30)


@pytest.fixture
def clock() -> Clock:
    return Clock(TODAY)


@pytest.fixture
def pages(demo_desk: Desk, clock: Clock) -> PageService:
    return PageService(demo_desk.intake.files, demo_desk.database, clock)


def material(case: Case, name: str) -> CaseMaterial:
    return next(m for m in case.materials if m.name == name)


def scanned_case(
    service: IntakeService, pages: PageService, applicant: Applicant, accept: bool = True
) -> Case:
    """A case for 居住证申领 with two ID-card pages and a photo page; accepted or a draft."""
    case = make_case(service, (RESIDENCE_PERMIT,), applicant=applicant)
    front, back = (Image.new("L", (400, 250), shade) for shade in (180, 200))
    pages.add_pages(case, ID_CARD, [encode_page(front, ColourMode.GREY)])
    pages.add_pages(case, ID_CARD, [encode_page(back, ColourMode.GREY)])
    photo = Image.new("RGB", (200, 280), (90, 120, 200))
    pages.add_pages(case, PHOTO, [encode_page(photo, ColourMode.COLOUR)])
    if not accept:
        service.save_draft(case)
        return case
    return service.accept(case, CLERK)


def returning(service: IntakeService, applicant: Applicant) -> Case:
    return make_case(service, (RESIDENCE_PERMIT,), applicant=applicant, mark=None)


def test_the_catalog_marks_id_cards_reusable_and_old_documents_read_as_not(
    demo_desk: Desk, clock: Clock
) -> None:
    case = returning(intake_service(demo_desk, clock), person())
    assert material(case, ID_CARD).reuse_days == 365
    assert material(case, PHOTO).reuse_days == 0
    stored = material(case, ID_CARD).to_dict()
    del stored["reuse_days"]
    assert CaseMaterial.from_dict(stored).reuse_days == 0


def test_a_returning_applicants_id_card_is_offered_and_reused_by_reference(
    demo_desk: Desk, pages: PageService, clock: Clock
) -> None:
    service = intake_service(demo_desk, clock)
    applicant = person("王芳", 31)
    clock.now = TODAY - timedelta(days=10)
    earlier = scanned_case(service, pages, applicant)
    clock.now = TODAY
    stored_before = sorted(p.name for p in pages.files.root.rglob("*") if p.is_file())

    case = returning(service, person("王芳", 31))
    offers = pages.reusable_for(case)

    assert [(o.material_name, o.case_no, o.captured_on) for o in offers] == [
        (ID_CARD, earlier.case_no, date(2026, 9, 4))
    ]
    pages.reuse(case, ID_CARD, offers[0])
    reused = material(case, ID_CARD)
    assert reused.files == material(earlier, ID_CARD).files
    assert [f.name for f in reused.files] == ["第1页.jpg", "第2页.jpg"]
    assert reused.mark is MaterialMark.ATTACHED
    assert earlier.case_no is not None and display_case_no(earlier.case_no) in reused.note
    assert material(case, PHOTO).files == ()
    assert sorted(p.name for p in pages.files.root.rglob("*") if p.is_file()) == stored_before

    service.save_draft(case)
    assert pages.reusable_for(case) == []  # the ID card has its pages now


def test_the_applicant_is_found_however_the_id_number_was_typed(
    demo_desk: Desk, pages: PageService, clock: Clock
) -> None:
    service = intake_service(demo_desk, clock)
    applicant = person("赵敏", 41)
    clock.now = TODAY - timedelta(days=3)
    scanned_case(service, pages, applicant)
    clock.now = TODAY
    typed = person("赵敏", 41)
    typed.id_number = f" {typed.id_number.lower()} "
    assert [o.material_name for o in pages.reusable_for(returning(service, typed))] == [ID_CARD]


def test_pages_older_than_the_reuse_period_are_not_offered(
    demo_desk: Desk, pages: PageService, clock: Clock
) -> None:
    service = intake_service(demo_desk, clock)
    applicant = person("陈静", 52)
    clock.now = TODAY - timedelta(days=366)
    scanned_case(service, pages, applicant)
    clock.now = TODAY
    assert pages.reusable_for(returning(service, applicant)) == []


def test_a_drafts_pages_are_not_offered(demo_desk: Desk, pages: PageService, clock: Clock) -> None:
    service = intake_service(demo_desk, clock)
    applicant = person("刘洋", 63)
    clock.now = TODAY - timedelta(days=2)
    scanned_case(service, pages, applicant, accept=False)
    clock.now = TODAY
    assert pages.reusable_for(returning(service, applicant)) == []


def test_another_applicants_pages_are_not_offered(
    demo_desk: Desk, pages: PageService, clock: Clock
) -> None:
    service = intake_service(demo_desk, clock)
    clock.now = TODAY - timedelta(days=2)
    scanned_case(service, pages, person("周杰", 74))
    clock.now = TODAY
    assert pages.reusable_for(returning(service, person("吴刚", 75))) == []


def test_the_period_counts_from_capture_not_from_receipt(
    demo_desk: Desk, pages: PageService, clock: Clock
) -> None:
    """Pages scanned into a draft that waited a week before it was taken in."""
    service = intake_service(demo_desk, clock)
    applicant = person("孙丽", 86)
    clock.now = TODAY - timedelta(days=367)
    case = scanned_case(service, pages, applicant, accept=False)
    clock.now = TODAY - timedelta(days=360)
    service.accept(case, CLERK)
    clock.now = TODAY
    assert pages.reusable_for(returning(service, applicant)) == []
    clock.now = TODAY - timedelta(days=2)
    assert [o.material_name for o in pages.reusable_for(returning(service, applicant))] == [ID_CARD]
