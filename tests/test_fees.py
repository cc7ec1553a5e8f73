"""Fees: the amount an item charges, in the catalog (rules, workbook, database, demo data), and
the fee due on a case from its items at acceptance."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from case_factory import CLERK, FOOD_LICENCE, MONDAY, Clock, make_case
from openpyxl import load_workbook
from output_helpers import HOUSE_TRANSFER, SOCIAL_SECURITY_CARD

from clerk_desk.catalog_io import CatalogFileRejected, read_catalog, write_catalog, write_template
from clerk_desk.desk import Desk
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.catalog import Material, ServiceItem, validate_item

HOUSE_MORTGAGE = "000102720503"  # 不动产抵押登记: 80.00 yuan
FEE_HEADER = "收费金额(元)"


def item(**changes: Any) -> ServiceItem:
    base = ServiceItem(
        basic_code="110000000009",
        name="不动产转移登记",
        item_type="行政确认",
        department="自然资源和规划局",
        window_category="投资建设",
        legal_limit_days=30,
        promised_limit_days=1,
        case_kind="承诺件",
        version="2026.1",
        fee_charged=True,
        fee_standard="住宅80元/件",
        fee_yuan="80.00",
        materials=(Material("不动产登记申请书"),),
    )
    return replace(base, **changes)


def fee_problems(candidate: ServiceItem) -> list[str]:
    return [p.render("en") for p in validate_item(candidate) if p.where == "fee_yuan"]


# The rules ----------------------------------------------------------------------------------


def test_a_fee_in_yuan_with_two_decimals_on_a_charging_item_is_sound() -> None:
    assert validate_item(item()) == []
    assert validate_item(item(fee_yuan="123456789.00")) == []
    assert validate_item(item(fee_charged=False, fee_yuan="0.00")) == []
    assert validate_item(item(fee_yuan="0.00")) == []  # charged only in some situations


@pytest.mark.parametrize("fee", ["80", "80.5", "80.000", "-80.00", "八十", "", "1234567890.00"])
def test_a_fee_not_written_as_yuan_with_two_decimals_says_how_to_write_it(fee: str) -> None:
    assert fee_problems(item(fee_yuan=fee)) == [
        f"fee_yuan: write the fee in yuan with two decimals, e.g. 80.00 (0.00 when there is no "
        f"fee), not {fee!r}"
    ]


def test_an_amount_on_an_item_that_charges_nothing_is_refused() -> None:
    assert fee_problems(item(fee_charged=False)) == [
        "fee_yuan: the fee is 80.00 yuan, so the item must be marked as charging a fee; "
        "with no fee write 0.00"
    ]


# The workbook --------------------------------------------------------------------------------


def set_fee(path: Path, value: Any, charged: str = "是") -> None:
    workbook = load_workbook(path)
    sheet = workbook["事项"]
    headers = [cell.value for cell in sheet[1]]
    sheet.cell(2, headers.index(FEE_HEADER) + 1).value = value
    sheet.cell(2, headers.index("是否收费") + 1).value = charged
    workbook.save(path)


def test_the_template_has_the_fee_column_and_explains_it(tmp_path: Path) -> None:
    path = tmp_path / "模板.xlsx"
    write_template(path)
    workbook = load_workbook(path)
    headers = [cell.value for cell in workbook["事项"][1]]
    assert headers.index(FEE_HEADER) == headers.index("收费标准") + 1
    rows = workbook["说明"].iter_rows(min_row=4)
    explained = {str(row[0].value): str(row[1].value) for row in rows}
    assert "例如80.00" in explained[FEE_HEADER]
    assert "收费金额(元)为“0.00”" in explained["留空时的取值"]


def test_fees_round_trip_through_the_workbook(tmp_path: Path) -> None:
    path = tmp_path / "目录.xlsx"
    items = [item(), item(basic_code="110000000010", fee_charged=False, fee_yuan="0.00")]
    write_catalog(path, items, version="2026年第1版")
    assert read_catalog(path).items == items


@pytest.mark.parametrize(("typed", "stored"), [(80, "80.00"), (80.5, "80.50"), ("２０", "20.00")])
def test_an_amount_typed_as_a_number_is_read_as_yuan(
    tmp_path: Path, typed: Any, stored: str
) -> None:
    path = tmp_path / "目录.xlsx"
    write_catalog(path, [item()], version="1")
    set_fee(path, typed)
    assert read_catalog(path).items[0].fee_yuan == stored


def test_a_wrong_fee_cell_is_reported_at_its_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "目录.xlsx"
    write_catalog(path, [item()], version="1")
    set_fee(path, 80.123)
    with pytest.raises(CatalogFileRejected) as refusal:
        read_catalog(path)
    assert [problem.render("en") for problem in refusal.value.problems] == [
        f"sheet 事项, row 2, column {FEE_HEADER}: write the fee in yuan with two decimals, "
        "e.g. 80.00 (0.00 when there is no fee), not '80.123'"
    ]
    set_fee(path, "80.00", charged="否")
    with pytest.raises(CatalogFileRejected) as refusal:
        read_catalog(path)
    assert [problem.render("en") for problem in refusal.value.problems] == [
        f"sheet 事项, row 2, column {FEE_HEADER}: the fee is 80.00 yuan, so the item must be "
        "marked as charging a fee; with no fee write 0.00"
    ]


def test_a_workbook_from_before_the_fee_column_still_imports_without_fees(
    tmp_path: Path,
) -> None:
    path = tmp_path / "目录.xlsx"
    write_catalog(path, [item(fee_yuan="0.00")], version="1")
    workbook = load_workbook(path)
    sheet = workbook["事项"]
    sheet.delete_cols([cell.value for cell in sheet[1]].index(FEE_HEADER) + 1)
    workbook.save(path)
    assert read_catalog(path).items[0].fee_yuan == "0.00"


def test_an_imported_fee_is_kept_in_the_desks_catalog(demo_desk: Desk) -> None:
    demo_desk.catalog.replace_items([item(fee_yuan="550.00")], "2026年第2版", "目录.xlsx")
    found = demo_desk.catalog.item("110000000009")
    assert found is not None
    assert found.fee_yuan == "550.00"


# The demo catalog ------------------------------------------------------------------------------


def test_the_demo_catalog_charges_what_its_fee_standards_say(demo_desk: Desk) -> None:
    fees = {item.basic_code: item.fee_yuan for item in demo_desk.catalog.items()}
    assert fees[HOUSE_TRANSFER] == fees[HOUSE_MORTGAGE] == "80.00"  # 住宅 80元/件
    assert fees[SOCIAL_SECURITY_CARD] == "20.00"  # 补领、换领 工本费
    charging = {item.basic_code for item in demo_desk.catalog.items() if item.fee_charged}
    assert {code for code, fee in fees.items() if fee != "0.00"} <= charging


# The fee due on a case -----------------------------------------------------------------------


def test_acceptance_sets_the_fee_due_from_the_items(demo_desk: Desk) -> None:
    clock = Clock(MONDAY)
    house = make_case(demo_desk, (HOUSE_TRANSFER,), clock=clock, accept_by=CLERK)
    assert house.fee_due == "80.00"
    both = make_case(demo_desk, (HOUSE_TRANSFER, HOUSE_MORTGAGE), clock=clock, accept_by=CLERK)
    assert both.fee_due == "160.00"
    food = make_case(demo_desk, (FOOD_LICENCE,), clock=clock, accept_by=CLERK)
    assert food.fee_due == "0.00"
    stored = demo_desk.intake.case(both.uuid)
    assert stored is not None
    assert stored.state in (CaseState.ACCEPTED, CaseState.IN_REVIEW)
    assert stored.fee_due == "160.00"
