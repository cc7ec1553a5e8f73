"""The desk and the platform check one set of limits (``clerk_desk.domain.limits``): what the
window accepts the platform accepts, and what the platform would refuse is refused at the
window, with a message, before a case can get stuck between them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from case_factory import FOOD_LICENCE, Clock, intake_service, make_case, person
from pydantic import ValidationError

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Agent, Case
from clerk_desk.domain.catalog import validate_item
from clerk_desk.domain.intake_rules import basics_problems
from clerk_desk.domain.limits import ADDRESS_MAX, NAME_MAX, TEXT_MAX, WORKING_DAYS_MAX
from clerk_desk.services.intake import DecisionRefused
from platform_sandbox.case_checks import identity_problems
from platform_sandbox.case_models import CaseDoc, ItemDoc

TODAY = date(2026, 9, 14)


def agent(name: str) -> Agent:
    other = person(sequence=13)
    return Agent(name=name, id_number=other.id_number, phone=other.phone)


@pytest.fixture
def case(demo_desk: Desk) -> Case:
    return make_case(
        intake_service(demo_desk, Clock(datetime(2026, 9, 14, 9, 30))), (FOOD_LICENCE,)
    )


def desk_says(case: Case) -> list[str]:
    return [problem.render() for problem in basics_problems(case, TODAY)]


def platform_says(case: Case) -> list[str]:
    document = CaseDoc.model_validate(case.to_dict())
    return [f"{p.field}: {p.message}" for p in identity_problems(document, TODAY)]


def test_a_name_and_an_address_at_the_limit_pass_at_the_window_and_on_the_platform(
    case: Case,
) -> None:
    case.applicant = replace(person(), name="李" * NAME_MAX, address="路" * ADDRESS_MAX)
    case.agent = agent("王" * NAME_MAX)
    assert desk_says(case) == []
    assert platform_says(case) == []


def test_one_character_over_is_refused_at_the_window_as_on_the_platform(case: Case) -> None:
    case.applicant = replace(person(), name="李" * (NAME_MAX + 1), address="路" * (ADDRESS_MAX + 1))
    case.agent = agent("王" * (NAME_MAX + 1))
    assert desk_says(case) == [
        "申请人名称：最多 200 个字符，现有 201 个",
        "地址：最多 500 个字符，现有 501 个",
        "代理人姓名：最多 200 个字符，现有 201 个",
    ]
    assert platform_says(case) == [
        "case.applicant.name: 最多 200 个字符，现有 201 个",
        "case.applicant.address: 最多 500 个字符，现有 501 个",
        "case.agent.name: 最多 200 个字符，现有 201 个",
    ]


def test_catalog_days_over_the_limit_are_refused_by_the_catalog_as_by_the_platform(
    demo_desk: Desk,
) -> None:
    item = demo_desk.catalog.item(FOOD_LICENCE)
    assert item is not None
    longest = replace(item, legal_limit_days=WORKING_DAYS_MAX, promised_limit_days=WORKING_DAYS_MAX)
    assert validate_item(longest) == []
    ItemDoc.model_validate({**item.to_dict(), "legal_limit_days": WORKING_DAYS_MAX})
    over = replace(longest, legal_limit_days=WORKING_DAYS_MAX + 1)
    assert [p.render() for p in validate_item(over)] == [
        "legal_limit_days: 须为 0 到 1000 之间的整数，而不是 1001"
    ]
    with pytest.raises(ValidationError):
        ItemDoc.model_validate({**item.to_dict(), "legal_limit_days": WORKING_DAYS_MAX + 1})


def test_a_reason_longer_than_the_platform_stores_is_refused_and_the_case_kept(
    demo_desk: Desk,
) -> None:
    service = intake_service(demo_desk, Clock(datetime(2026, 9, 14, 9, 30)))
    case = make_case(service, (FOOD_LICENCE,))
    service.save_draft(case)
    with pytest.raises(DecisionRefused) as refused:
        service.reject(case, "clerk", "理" * (TEXT_MAX + 1))
    assert [p.render() for p in refused.value.problems] == ["理由最多 10000 个字符，现有 10001 个"]
    assert case.case_no is None
    rejected = service.reject(case, "clerk", "理" * TEXT_MAX)
    assert rejected.case_no is not None


def test_a_material_note_longer_than_the_platform_stores_is_named(case: Case) -> None:
    material = case.materials[0]
    material.note = "备" * (TEXT_MAX + 1)
    assert desk_says(case) == [f"材料“{material.name}”的备注最多 10000 个字符，现有 10001 个"]
    material.note = "备" * TEXT_MAX
    assert desk_says(case) == []
