"""The visitor's view of a case: what the customer display may show, masked (no display)."""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal

from case_factory import CLERK, MONDAY, Clock, make_case, person
from output_helpers import ready_case

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Agent, ApplicantKind, MaterialMark
from clerk_desk.domain.ratings import ContactKind
from clerk_desk.services.visitor_view import (
    MaterialState,
    Stage,
    counter_view,
    load_view,
    view_of,
)


def everything(view: object) -> str:
    return repr(asdict(view))  # type: ignore[call-overload]


def test_a_draft_shows_the_items_and_the_checklist_as_marked_masked(demo_desk: Desk) -> None:
    applicant = person("李小龙", 7, phone="13987654321")
    applicant.address = "安徽省合肥市蜀山区长江西路100号3栋"
    case = make_case(demo_desk, applicant=applicant, mark=None)
    case.agent = Agent(name="王五", id_number="340104198001010011", phone="13700001111")
    case.materials[0].mark = MaterialMark.RECEIVED
    case.materials[1].mark = MaterialMark.GAP
    case.materials[2].mark = MaterialMark.DEFECTIVE
    demo_desk.intake.save_draft(case)

    view = load_view(demo_desk.database, demo_desk.settings, case.uuid, ContactKind.INTAKE)
    assert view is not None
    assert view.stage is Stage.TAKING_IN and view.case_no == ""
    assert view.items == ("食品经营许可（新办）",)
    assert view.applicant == "李**" and view.agent == "王*"
    assert view.applicant_number == applicant.id_number[:6] + "********" + applicant.id_number[-4:]
    states = [m.state for m in view.materials]
    assert states[:3] == [MaterialState.RECEIVED, MaterialState.GAP, MaterialState.MISSING]
    assert set(states[3:]) == {MaterialState.PENDING}
    assert view.received == 1 and view.missing == (case.materials[2].name,)
    assert view.deadline is None
    shown = everything(view)
    for secret in (
        "李小龙",
        applicant.id_number,
        "13987654321",
        "4321",
        "长江西路",
        "王五",
        "340104198001010011",
        "13700001111",
    ):
        assert secret not in shown


def test_an_accepted_case_has_its_deadline_and_an_organisation_its_name(
    demo_desk: Desk,
) -> None:
    applicant = person("张三", 8)
    applicant.kind = ApplicantKind.ORGANISATION
    applicant.name = "合肥某某餐饮有限公司"
    applicant.credit_code = "91340100MA2N7QXK0H"
    case = make_case(demo_desk, clock=Clock(MONDAY), applicant=applicant, accept_by=CLERK)
    view = view_of(case, ContactKind.INTAKE, demo_desk.settings)
    assert view.stage is Stage.ACCEPTED
    assert view.deadline == case.committed_deadline and view.deadline is not None
    assert view.case_no and view.applicant == "合肥某某餐饮有限公司"
    assert view.applicant_number == ""


def test_a_hand_over_lists_what_is_handed_over(demo_desk: Desk) -> None:
    case = ready_case(demo_desk, Clock(MONDAY), applicant=person("陈六", 9))
    view = view_of(case, ContactKind.HANDOVER, demo_desk.settings)
    assert view.stage is Stage.HANDING_OVER
    assert view.documents and any("准予" in d for d in view.documents)
    assert view.to_pay == Decimal("0.00") or view.to_pay > 0
    assert view.materials  # the checklist stays available, the display shows the documents


def test_the_counter_names_the_clerk_by_staff_number_or_user_name(demo_desk: Desk) -> None:
    demo_desk.settings.set("window_number", 3)
    counter = counter_view(demo_desk.database, demo_desk.settings, "clerk")
    assert counter.window_number == 3 and counter.centre_name
    assert counter.clerk_name and counter.staff_no  # 工号, else the user name
    nobody = counter_view(demo_desk.database, demo_desk.settings, "ghost")
    assert (nobody.clerk_name, nobody.staff_no) == ("ghost", "ghost")
