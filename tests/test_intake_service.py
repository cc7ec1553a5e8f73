"""Intake on a real desk: drafts, the four decisions, one transaction each, finding cases."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest
from case_factory import (
    CLERK,
    FOOD_LICENCE,
    SEAL_FILING,
    TAX_PACKAGE,
    Clock,
    intake_service,
    make_case,
    mark,
    person,
)
from sqlalchemy import func, select

from clerk_desk.desk import Desk
from clerk_desk.domain.calendar import WorkCalendar, committed_deadline
from clerk_desk.domain.case import Agent, Applicant, ApplicantKind, MaterialMark
from clerk_desk.domain.case_states import CaseState, TransitionRefused
from clerk_desk.domain.identity import make_id_number
from clerk_desk.domain.ratings import ContactKind
from clerk_desk.services.intake import (
    CaseQuery,
    DecisionRefused,
    IntakeError,
    ListFacts,
    SearchKind,
)
from clerk_desk.services.ratings import OUTBOX_KINDS as RATING_OUTBOX_KINDS
from local_cache.repositories import case_repo
from local_cache.schema import CaseEventRow, CaseRecord, OutboxRow

MONDAY = datetime(2026, 9, 28, 9, 30)  # before the National Day holidays
DESIGN = "与食品经营相适应的主要设备设施布局、操作流程等文件"  # 容缺 allowed
RULES = "食品安全自查、从业人员健康管理、进货查验记录等食品安全管理制度"  # 容缺 allowed
FORM = "食品经营许可申请书"  # key material


@pytest.fixture
def clock() -> Clock:
    return Clock(MONDAY)


def _counts(desk: Desk) -> tuple[int, int, int]:
    """Decided cases (with a number), events, outbox rows of events (a decision also opens a
    service contact for the visitor's rating: its row is counted apart)."""
    with desk.database.read() as session:
        return (
            session.scalar(
                select(func.count()).select_from(CaseRecord).where(CaseRecord.case_no.is_not(None))
            )
            or 0,
            session.scalar(select(func.count()).select_from(CaseEventRow)) or 0,
            session.scalar(
                select(func.count())
                .select_from(OutboxRow)
                .where(OutboxRow.kind.not_in(RATING_OUTBOX_KINDS))
            )
            or 0,
        )


def test_a_draft_pins_the_items_and_keeps_everything_typed(demo_desk: Desk, clock: Clock) -> None:
    service = intake_service(demo_desk, clock)
    case = service.create_draft([FOOD_LICENCE, SEAL_FILING], CLERK)
    item = demo_desk.catalog.item(FOOD_LICENCE)
    assert item is not None
    assert case.number_label == "草稿" and case.state is CaseState.DRAFT
    pinned = case.items[0]
    assert (pinned.version, pinned.promised_limit_days, pinned.legal_limit_days) == (
        item.version,
        item.promised_limit_days,
        item.legal_limit_days,
    )
    case.applicant = Applicant(
        ApplicantKind.ORGANISATION,
        name="合肥味道餐饮有限公司",
        credit_code="91340100BAA397UYK0",
        legal_representative="王强",
        phone="0551-65123456",
    )
    case.agent = Agent(name="赵六", id_number=make_id_number("340104", date(1985, 1, 2), 7))
    case.answers = {"procedure": "general"}
    service.refresh_materials(case)
    mark(case, "营业执照", MaterialMark.RECEIVED)
    mark(case, FORM, MaterialMark.DEFECTIVE, "缺少法定代表人签字")
    clock.now += timedelta(minutes=3)
    service.save_draft(case)

    assert [d.uuid for d in service.list_drafts(CLERK)] == [case.uuid]
    assert service.list_drafts("someone-else") == []
    assert service.case(case.uuid) == case
    assert "授权委托书" in [m.name for m in case.materials]
    assert service.events(case.uuid) == []  # a draft stays on the desk: nothing to sync
    assert _counts(demo_desk) == (0, 0, 0)


def test_accept_writes_case_event_and_outbox_in_one_go(demo_desk: Desk, clock: Clock) -> None:
    service = intake_service(demo_desk, clock)
    case = service.accept(make_case(service), CLERK)

    # Accepted (受理), and handed to the item's department (流转) in the same transaction.
    assert case.state is CaseState.IN_REVIEW
    assert case.accepted_on == MONDAY.date()
    assert case.committed_deadline == date(2026, 10, 10)  # 5 working days over 国庆, 10-10 调休
    assert not case.deadline_provisional
    assert case.received_at == case.decided_at == MONDAY
    assert _counts(demo_desk) == (1, 3, 3)
    contacts = demo_desk.ratings.contacts_of(case.uuid)
    assert [(c.kind, c.seq, c.staff) for c in contacts] == [(ContactKind.INTAKE, 1, CLERK)]
    events = service.events(case.uuid)
    assert [(e.event, e.from_state, e.to_state, e.seq) for e in events] == [
        ("submit", "draft", "received", 1),
        ("accept", "received", "accepted", 2),
        ("route", "accepted", "in_review", 3),
    ]
    assert {e.desk_id for e in events} == {demo_desk.settings.get("desk_id")}
    assert events[1].payload["deadline"]["deadline"] == "2026-10-10"
    (part,) = case.parts
    assert (part.department, part.deadline) == ("市场监督管理局", date(2026, 10, 10))
    assert events[2].payload == {"parts": [part.to_dict()]}
    with demo_desk.database.read() as session:
        outbox = list(session.scalars(select(OutboxRow).order_by(OutboxRow.id)))
    assert [(o.event_uuid, o.case_uuid, o.kind) for o in outbox] == [
        (events[0].uuid, case.uuid, "submit"),
        (events[1].uuid, case.uuid, "accept"),
        (contacts[0].uuid, case.uuid, "contact"),  # the visitor rates this contact
        (events[2].uuid, case.uuid, "route"),
    ]
    assert outbox[1].payload["case"]["case_no"] == case.case_no
    assert service.case(case.uuid) == case
    assert demo_desk.catalog.usage_counts() == {FOOD_LICENCE: 1}


def test_an_older_applicant_with_a_code_issued_after_their_birth_is_accepted(
    demo_desk: Desk, clock: Clock
) -> None:
    """浦东 310115 exists from 1992; a resident born in 1955 carries it on a real card."""
    service = intake_service(demo_desk, clock)
    number = make_id_number("310115", date(1955, 3, 1), 123)
    case = make_case(
        service, applicant=Applicant(name="沈阿婆", id_number=number, phone="13812345678")
    )

    case = service.accept(case, CLERK)

    assert case.state is CaseState.IN_REVIEW
    assert case.applicant.id_number == number


def test_a_refused_decision_writes_nothing_and_says_what_is_missing(
    demo_desk: Desk, clock: Clock
) -> None:
    service = intake_service(demo_desk, clock)
    case = make_case(service)
    mark(case, "营业执照", MaterialMark.MISSING)
    mark(case, FORM, MaterialMark.DEFECTIVE, "未签字")
    mark(case, RULES, MaterialMark.UNCHECKED)
    case.applicant.phone = "1381234567"
    with pytest.raises(DecisionRefused) as refused:
        service.accept(case, CLERK)
    phone, *materials = (problem.render("en") for problem in refused.value.problems)
    assert phone.startswith("Phone: ")
    assert materials == [
        "“食品经营许可申请书” does not meet the standard: 未签字",
        "“营业执照” is missing",
        f"“{RULES}” has not been checked",
    ]
    assert refused.value.render("en") == "; ".join(
        ["“Accept” is not possible yet: " + phone, *materials]
    )
    with pytest.raises(TransitionRefused):
        service.reject(make_case(service), CLERK, reason="  ")
    assert _counts(demo_desk) == (0, 0, 0)
    assert case.case_no is None


def test_deadline_is_the_longest_promise_of_the_bundle(demo_desk: Desk, clock: Clock) -> None:
    service = intake_service(demo_desk, clock)
    case = service.accept(make_case(service, (SEAL_FILING, FOOD_LICENCE, TAX_PACKAGE)), CLERK)
    assert (
        case.committed_deadline
        == committed_deadline(MONDAY.date(), 5, calendar=WorkCalendar()).deadline
    )
    instant = service.accept(make_case(service, (SEAL_FILING,)), CLERK)
    assert instant.committed_deadline == MONDAY.date()  # 即办件: the same day


def test_a_deadline_in_an_unknown_year_is_provisional(demo_desk: Desk, clock: Clock) -> None:
    clock.now = datetime(2026, 12, 30, 10, 0)
    case = intake_service(demo_desk, clock).accept(
        make_case(intake_service(demo_desk, clock)), CLERK
    )
    assert case.committed_deadline is not None and case.committed_deadline.year == 2027
    assert case.deadline_provisional


def test_accept_with_gaps(demo_desk: Desk, clock: Clock) -> None:
    service = intake_service(demo_desk, clock)
    case = make_case(service)
    mark(case, DESIGN, MaterialMark.MISSING)
    mark(case, RULES, MaterialMark.GAP)

    with pytest.raises(DecisionRefused) as no_deadline:
        service.accept_with_gaps(case, CLERK, None)
    assert no_deadline.value.problems[-1].render("en") == (
        "Enter the deadline for supplying the missing materials"
    )
    with pytest.raises(DecisionRefused, match="to the committed deadline 2026-10-10"):
        service.accept_with_gaps(case, CLERK, date(2026, 10, 12))
    mark(case, FORM, MaterialMark.MISSING)
    with pytest.raises(DecisionRefused, match="“食品经营许可申请书” is a key material"):
        service.accept_with_gaps(case, CLERK, date(2026, 10, 9))
    with pytest.raises(DecisionRefused, match="use “Accept with gaps”"):
        service.accept(case, CLERK)
    assert _counts(demo_desk) == (0, 0, 0)

    mark(case, FORM, MaterialMark.RECEIVED)
    accepted = service.accept_with_gaps(case, CLERK, date(2026, 10, 9))
    assert accepted.state is CaseState.IN_REVIEW  # routed at once; the gaps follow
    assert accepted.supplement_deadline == date(2026, 10, 9)
    assert {m.name for m in accepted.materials if m.mark is MaterialMark.GAP} == {DESIGN, RULES}
    *_, decision, route = service.events(accepted.uuid)
    assert route.event == "route"
    assert decision.event == "accept_with_gaps"
    assert decision.payload["gaps"] == [DESIGN, RULES]
    assert decision.payload["supplement_deadline"] == "2026-10-09"


def test_the_supplement_deadline_offered_counts_the_settings_working_days(
    demo_desk: Desk, clock: Clock
) -> None:
    """From Monday 09-28: 09-29, 09-30, then 国庆 until 10-08; 10-10 is a 调休 Saturday."""
    service = intake_service(demo_desk, clock)
    case = make_case(service)
    assert demo_desk.settings.get("gap_supplement_days") == 5
    assert service.supplement_dates(case) == (date(2026, 10, 10), date(2026, 10, 10))

    demo_desk.settings.set("gap_supplement_days", 3)
    assert service.supplement_dates(case) == (date(2026, 10, 8), date(2026, 10, 10))

    demo_desk.settings.set("gap_supplement_days", 9)  # never past the committed deadline
    assert service.supplement_dates(case) == (date(2026, 10, 10), date(2026, 10, 10))

    demo_desk.settings.set("gap_supplement_days", 2)
    mark(case, DESIGN, MaterialMark.MISSING)
    offered, _ = service.supplement_dates(case)
    accepted = service.accept_with_gaps(case, CLERK, offered)
    assert accepted.supplement_deadline == date(2026, 9, 30)


def test_gaps_need_something_missing(demo_desk: Desk, clock: Clock) -> None:
    service = intake_service(demo_desk, clock)
    with pytest.raises(DecisionRefused, match="use “Accept” instead"):
        service.accept_with_gaps(make_case(service), CLERK, date(2026, 9, 30))


def test_notify_missing_then_the_visitor_returns(demo_desk: Desk, clock: Clock) -> None:
    service = intake_service(demo_desk, clock)
    case = make_case(service)
    mark(case, "营业执照", MaterialMark.UNCHECKED)
    with pytest.raises(DecisionRefused, match="“营业执照” has not been checked"):
        service.notify_missing(case, CLERK)
    mark(case, "营业执照", MaterialMark.MISSING)
    mark(case, FORM, MaterialMark.DEFECTIVE, "未加盖公章")

    waiting = service.notify_missing(case, CLERK, note="请于5个工作日内补齐")
    assert waiting.state is CaseState.AWAITING_SUPPLEMENT
    notice = service.events(waiting.uuid)[-1]
    assert notice.event == "notify_missing"
    assert [(m["name"], m["problem"], m["note"]) for m in notice.payload["missing"]] == [
        (FORM, "defective", "未加盖公章"),
        ("营业执照", "missing", ""),
    ]
    licence = next(m for m in waiting.materials if m.name == "营业执照")
    assert notice.reason.startswith(f"1. {FORM}")
    assert f"2. 营业执照（{licence.acceptance_standard}）" in notice.reason
    assert notice.reason.endswith("请于5个工作日内补齐")

    clock.now = datetime(2026, 9, 30, 14, 0)
    returned = service.case(waiting.uuid)
    assert returned is not None
    mark(returned, "营业执照", MaterialMark.RECEIVED)
    mark(returned, FORM, MaterialMark.RECEIVED)
    accepted = service.accept(returned, CLERK)
    assert accepted.case_no == waiting.case_no
    assert accepted.received_at == MONDAY  # received once, at the first visit
    assert accepted.accepted_on == date(2026, 9, 30)
    assert [e.event for e in service.events(accepted.uuid)] == [
        "submit",
        "notify_missing",
        "supplement",
        "accept",
        "route",
    ]


def test_a_case_awaiting_a_supplement_is_taken_up_by_its_number(
    demo_desk: Desk, clock: Clock
) -> None:
    service = intake_service(demo_desk, clock)
    case = make_case(service)
    mark(case, "营业执照", MaterialMark.MISSING)
    waiting = service.notify_missing(case, CLERK)
    assert waiting.case_no is not None
    decided = _counts(demo_desk)

    clock.now = datetime(2026, 9, 30, 10, 0)
    spaced = "-".join((waiting.case_no[:6], waiting.case_no[6:14], waiting.case_no[14:]))
    back = service.returning_case(spaced)
    assert back.uuid == waiting.uuid
    assert next(m for m in back.materials if m.name == "营业执照").mark is MaterialMark.MISSING
    # Still not all there: another notice, same number; then what was brought, 受理.
    again = service.notify_missing(back, CLERK, note="仍缺营业执照")
    assert again.case_no == waiting.case_no
    back = service.returning_case(waiting.case_no)
    mark(back, "营业执照", MaterialMark.RECEIVED)
    accepted = service.accept(back, CLERK)
    assert accepted.case_no == waiting.case_no
    assert [e.event for e in service.events(accepted.uuid)][-6:] == [
        "notify_missing",
        "supplement",
        "notify_missing",
        "supplement",
        "accept",
        "route",
    ]
    # Every step is an event of that case and goes to the outbox; no new case.
    assert _counts(demo_desk) == (decided[0], decided[1] + 5, decided[2] + 5)

    with pytest.raises(IntakeError, match="only a case awaiting a supplement"):
        service.returning_case(waiting.case_no)
    with pytest.raises(IntakeError, match="There is no case numbered 123"):
        service.returning_case("123")


def test_supplement_on_its_own_and_refused_twice(demo_desk: Desk, clock: Clock) -> None:
    service = intake_service(demo_desk, clock)
    case = make_case(service)
    mark(case, "营业执照", MaterialMark.MISSING)
    waiting = service.notify_missing(case, CLERK)
    back = service.supplement(waiting, CLERK)
    assert back.state is CaseState.RECEIVED and back.case_no == waiting.case_no
    with pytest.raises(TransitionRefused, match="“Received”; “Supplement” is not possible"):
        service.supplement(back, CLERK)


def test_reject_needs_its_reason(demo_desk: Desk, clock: Clock) -> None:
    service = intake_service(demo_desk, clock)
    with pytest.raises(TransitionRefused, match="“Do not accept” needs a reason"):
        service.reject(make_case(service), CLERK, "")
    rejected = service.reject(make_case(service), CLERK, "申请事项不属于本机关职权范围")
    assert rejected.state is CaseState.REJECTED
    assert service.events(rejected.uuid)[-1].reason == "申请事项不属于本机关职权范围"
    assert _counts(demo_desk) == (1, 2, 2)


def test_a_decided_case_is_decided_once(demo_desk: Desk, clock: Clock) -> None:
    service = intake_service(demo_desk, clock)
    case = service.accept(make_case(service), CLERK)
    before = _counts(demo_desk)
    with pytest.raises(TransitionRefused, match="“In review”; “Do not accept” is not possible"):
        service.reject(case, CLERK, "理由")
    with pytest.raises(IntakeError):
        service.save_draft(case)
    assert _counts(demo_desk) == before


def test_unknown_item_is_refused(demo_desk: Desk, clock: Clock) -> None:
    with pytest.raises(IntakeError, match="no item with basic code NOPE"):
        intake_service(demo_desk, clock).create_draft(["NOPE"], CLERK)


def test_a_returning_applicant_is_offered_for_auto_fill(demo_desk: Desk, clock: Clock) -> None:
    service = intake_service(demo_desk, clock)
    first = person("张伟", sequence=33, phone="138 1234 5678")
    first.address = "安徽省合肥市蜀山区长江西路1号"
    service.accept(make_case(service, applicant=first), CLERK)
    clock.now += timedelta(days=1)
    moved = person("张伟", sequence=33, phone="13900001111")
    moved.address = "安徽省合肥市包河区徽州大道2号"
    service.reject(make_case(service, applicant=moved), CLERK, "不属于受理范围")

    found = service.previous_applicant(first.id_number.lower())
    assert found is not None
    assert (found.name, found.address, found.phone) == ("张伟", moved.address, "+8613900001111")
    assert service.previous_applicant(make_id_number("340104", date(1990, 5, 1), 99)) is None


def test_the_last_case_of_a_returning_applicant(demo_desk: Desk, clock: Clock) -> None:
    service = intake_service(demo_desk, clock)
    first = service.accept(make_case(service, applicant=person("李娜", 1)), CLERK)
    clock.now += timedelta(days=1)
    latest = service.reject(
        make_case(service, [SEAL_FILING], applicant=person("李娜", 1)), CLERK, "理由"
    )
    service.create_draft([FOOD_LICENCE], CLERK)  # a draft is not a case yet
    found = service.last_case(first.applicant.id_number.lower())
    assert found is not None and found.uuid == latest.uuid
    assert found.item_codes == (SEAL_FILING,)
    assert service.last_case(make_id_number("340104", date(1990, 5, 1), 99)) is None


def test_find_cases_by_each_kind(demo_desk: Desk, clock: Clock) -> None:
    service = intake_service(demo_desk, clock)
    li = service.accept(make_case(service, applicant=person("李娜", 1, "13800000001")), CLERK)
    clock.now += timedelta(days=1)
    wang = service.reject(
        make_case(service, applicant=person("王芳", 2, "13800000002")), CLERK, "理由"
    )
    service.create_draft([SEAL_FILING], CLERK)
    assert li.case_no is not None and wang.case_no is not None

    def found(text: str = "", **options: object) -> list[str]:
        return [c.uuid for c in service.find_cases(CaseQuery(text, **options))]  # type: ignore[arg-type]

    assert found() == [wang.uuid, li.uuid]  # newest first, no drafts
    assert found(li.case_no) == [li.uuid]
    assert found(li.case_no[:14], kind=SearchKind.CASE_NO) == [li.uuid]
    assert found(li.case_no[:6]) == [wang.uuid, li.uuid]
    assert found("-".join((li.case_no[:6], li.case_no[6:14]))) == [li.uuid]
    assert found(li.applicant.id_number) == [li.uuid]
    assert found(li.applicant.id_number[:10], kind=SearchKind.ID_NUMBER) == []
    assert found(li.applicant.id_number[-4:]) == [li.uuid]  # "尾号" as clerks ask
    assert found("138-0000-0002") == [wang.uuid]
    assert found("13800000002", kind=SearchKind.PHONE) == [wang.uuid]
    assert found("王") == [wang.uuid]
    assert found(state=CaseState.REJECTED) == [wang.uuid]
    assert found(received_from=MONDAY.date(), received_to=MONDAY.date()) == [li.uuid]
    assert found(received_from=MONDAY.date() + timedelta(1)) == [wang.uuid]
    assert len(found(state=CaseState.DRAFT)) == 1
    row = service.find_cases(CaseQuery(li.case_no))[0]
    assert (row.applicant_name, row.item_codes, row.state) == (
        "李娜",
        (FOOD_LICENCE,),
        CaseState.IN_REVIEW,
    )


def test_list_facts_name_organisations_instant_items_and_pending_gaps(
    demo_desk: Desk, clock: Clock
) -> None:
    service = intake_service(demo_desk, clock)
    normal = service.accept(make_case(service), CLERK)
    instant = service.accept(make_case(service, [SEAL_FILING]), CLERK)
    company = make_case(service, [SEAL_FILING])
    company.applicant = Applicant(
        kind=ApplicantKind.ORGANISATION,
        name="合肥味道餐饮有限公司",
        credit_code="91340100BAA397UYK0",
        legal_representative="王强",
        phone="0551-65123456",
    )
    company = service.accept(company, CLERK)
    gappy = make_case(service)
    mark(gappy, DESIGN, MaterialMark.MISSING)
    gappy = service.accept_with_gaps(gappy, CLERK, date(2026, 10, 9))

    facts = service.list_facts([c.uuid for c in (normal, instant, company, gappy)])
    assert facts[normal.uuid] == ListFacts(organisation=False, instant=False, gaps_pending=False)
    assert facts[instant.uuid].instant and not facts[instant.uuid].organisation
    assert facts[company.uuid].organisation
    assert facts[gappy.uuid].gaps_pending


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"


def test_two_character_names_are_found_among_a_thousand_cases(
    demo_desk: Desk, clock: Clock
) -> None:
    """An FTS5 trigram index cannot find 李娜 (two characters); the indexed prefix range can."""
    service = intake_service(demo_desk, clock)
    template = service.accept(make_case(service, applicant=person("模板", 1)), CLERK)
    rng = random.Random(7)
    names = [
        rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        for _ in range(1000)
    ]
    names[100] = names[500] = "李娜"
    names[200] = "王李娜"
    names[300] = "李娜娜"
    with demo_desk.database.write() as session:
        for number, name in enumerate(names):
            data = template.to_dict()
            data.update(
                uuid=f"00000000-0000-0000-0000-{number:012d}", case_no=None, state="accepted"
            )
            data["applicant"] = {**data["applicant"], "name": name}
            data["received_at"] = (MONDAY - timedelta(minutes=number)).isoformat()
            case_repo.insert_case(session, data)
    expected = {
        f"00000000-0000-0000-0000-{i:012d}" for i, n in enumerate(names) if n.startswith("李娜")
    }
    assert len(expected) >= 3
    by_name = service.find_cases(CaseQuery("李娜", limit=2000))
    assert {c.uuid for c in by_name} == expected
    assert all(c.applicant_name.startswith("李娜") for c in by_name)
    assert not any(c.applicant_name == "王李娜" for c in by_name)
    exact = [c for c in by_name if c.applicant_name == "李娜"]
    assert len(exact) == sum(1 for n in names if n == "李娜")
