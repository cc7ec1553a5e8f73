"""The catalog workbook: template, round trip, and refusal of a faulty file with every problem.

Workbooks are real .xlsx files in temp dirs, edited with openpyxl the way an administrator
edits them in Excel; problems are checked as the rendered lines the administrator reads.
"""

from __future__ import annotations

import os
import time
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from clerk_desk.catalog_io import (
    CatalogFileError,
    CatalogFileRejected,
    read_catalog,
    write_catalog,
    write_template,
)
from clerk_desk.catalog_io.cell_formats import CellError, parse_conditions, parse_options
from clerk_desk.catalog_io.template_content import EXAMPLE_ITEM
from clerk_desk.desk import Desk
from clerk_desk.domain.catalog import (
    WINDOW_CATEGORIES,
    Material,
    ServiceItem,
    Situation,
    SituationOption,
)

WHO = Situation(
    "applicant", "由谁办理", (SituationOption("self", "本人"), SituationOption("agent", "代办"))
)


def small_catalog() -> list[ServiceItem]:
    """Three items; materials land on 材料 rows 2-3 (A), 4 (B), 5-6 (C); 情形 rows 2 (A), 3 (C)."""
    common: dict[str, Any] = {
        "item_type": "行政许可",
        "department": "市场监督管理局",
        "case_kind": "承诺件",
        "version": "2026.1",
    }
    return [
        ServiceItem(
            basic_code="110000000001",
            name="企业设立登记",
            window_category="企业开办",
            legal_limit_days=3,
            promised_limit_days=1,
            situations=(WHO,),
            materials=(
                Material("设立登记申请书", acceptance_standard="签字齐全\n日期准确"),
                Material("授权委托书", applies_when={"applicant": ("agent",)}),
            ),
            **common,
        ),
        ServiceItem(
            basic_code="110000000002",
            name="食品经营许可",
            window_category="生产经营准入",
            legal_limit_days=10,
            promised_limit_days=5,
            fee_charged=True,
            fee_standard="=不收费（此处以等号开头，须原样保留）",
            courier_allowed=True,
            materials=(Material("营业执照", form="核验原件", source="政府部门核发", copies=0),),
            **common,
        ),
        ServiceItem(
            basic_code="110000000003",
            name="建筑工程施工许可证核发",
            window_category="投资建设",
            legal_limit_days=20,
            promised_limit_days=7,
            situations=(WHO,),
            materials=(
                Material("施工许可申请表", gap_allowed=True, promise_allowed=True),
                Material("经办人身份证", form="复印件", applies_when={"applicant": ("agent",)}),
            ),
            **common,
        ),
    ]


def set_cell(path: Path, sheet: str, row: int, header: str, value: Any) -> None:
    """Change one cell, found by its column header, as an administrator would in Excel."""
    workbook = load_workbook(path)
    worksheet = workbook[sheet]
    column = next(cell.column for cell in worksheet[1] if cell.value == header)
    worksheet.cell(row, column).value = value
    workbook.save(path)


def problems_of(path: Path) -> list[str]:
    with pytest.raises(CatalogFileRejected) as refusal:
        read_catalog(path)
    return [problem.render("en") for problem in refusal.value.problems]


@pytest.fixture
def workbook_path(tmp_path: Path) -> Path:
    path = tmp_path / "目录.xlsx"
    write_catalog(path, small_catalog(), version="2026年第1版")
    return path


def test_template_has_the_sheets_headers_and_drop_downs_an_administrator_fills_in(
    tmp_path: Path,
) -> None:
    path = tmp_path / "模板.xlsx"
    write_template(path)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["说明", "事项", "材料", "情形"]
    item_headers = [cell.value for cell in workbook["事项"][1]]
    assert item_headers[:8] == [
        "基本编码",
        "事项名称",
        "事项类型",
        "实施主体",
        "窗口类别",
        "法定办结时限(工作日)",
        "承诺办结时限(工作日)",
        "办件类型",
    ]
    assert {"到办事现场次数", "是否收费", "收费标准", "审批结果名称", "审批结果类型"} <= set(
        item_headers
    )
    assert {"是否支持物流快递", "事项版本", "实施编码", "受理条件", "设定依据"} <= set(item_headers)
    assert [cell.value for cell in workbook["材料"][1]] == [
        "基本编码",
        "材料名称",
        "必要性",
        "容缺",
        "告知承诺",
        "形式",
        "份数",
        "来源渠道",
        "受理标准",
        "填报须知",
        "空白表格",
        "示例样表",
        "适用情形",
        "可复用天数",
    ]
    assert [cell.value for cell in workbook["情形"][1]] == ["基本编码", "情形代码", "问题", "选项"]

    drop_downs = {
        str(validation.sqref).split(":")[0]: validation.formula1
        for validation in workbook["事项"].data_validations.dataValidation
    }
    assert drop_downs["E2"] == '"' + ",".join(WINDOW_CATEGORIES) + '"'
    assert drop_downs["J2"] == '"是,否"'

    assert workbook["事项"]["B2"].value == "食品经营许可"
    assert workbook["情形"]["D2"].value == "first=首次申请;change=变更;renew=延续"
    assert "application=change,renew" in [c.value for c in workbook["材料"]["M"]]
    instructions = {row[0]: row[1] for row in workbook["说明"].iter_rows(values_only=True)}
    assert "目录版本" in instructions
    assert "application=change,renew;applicant=agent" in instructions["适用情形（材料）"]


def test_the_untouched_template_imports_as_its_example_item(tmp_path: Path) -> None:
    path = tmp_path / "模板.xlsx"
    write_template(path)
    assert read_catalog(path).items == [EXAMPLE_ITEM]


def test_export_then_import_gives_the_same_items_and_version(workbook_path: Path) -> None:
    imported = read_catalog(workbook_path)
    assert imported.items == small_catalog()
    assert imported.version == "2026年第1版"
    assert imported.material_count == 5


def test_demo_catalog_survives_a_round_trip(demo_desk: Desk, tmp_path: Path) -> None:
    items = demo_desk.catalog.items()
    path = tmp_path / "demo.xlsx"
    write_catalog(path, items, version="demo")
    assert read_catalog(path).items == items


def test_without_a_version_cell_the_version_is_file_name_and_modification_time(
    workbook_path: Path,
) -> None:
    workbook = load_workbook(workbook_path)
    workbook["说明"]["B2"] = None
    workbook.save(workbook_path)
    modified = datetime(2026, 3, 2, 9, 30, 5).timestamp()
    os.utime(workbook_path, (modified, modified))
    assert read_catalog(workbook_path).version == "目录 2026-03-02 09:30:05"


def test_values_typed_the_excel_way_are_understood(workbook_path: Path) -> None:
    """Numbers typed as numbers, TRUE/FALSE cells, full-width brackets and separators."""
    workbook = load_workbook(workbook_path)
    items = workbook["事项"]
    items["F1"] = "法定办结时限（工作日）"
    items["A2"] = 110000000001
    items["F2"] = 3.0
    items["G2"] = "１"
    items["J3"] = True
    workbook["材料"]["A2"] = 110000000001.0
    workbook["材料"]["M3"] = " applicant＝agent "
    workbook["情形"]["D2"] = "self＝本人；agent＝代办；"
    workbook.save(workbook_path)
    assert read_catalog(workbook_path).items == small_catalog()


def test_a_faulty_workbook_is_refused_with_every_problem_located(workbook_path: Path) -> None:
    set_cell(workbook_path, "事项", 2, "法定办结时限(工作日)", "五")
    set_cell(workbook_path, "事项", 3, "事项名称", None)
    set_cell(workbook_path, "事项", 3, "窗口类别", "便民服务")
    set_cell(workbook_path, "事项", 4, "承诺办结时限(工作日)", 30)
    workbook = load_workbook(workbook_path)
    workbook["事项"].append([cell.value for cell in workbook["事项"][4]])
    workbook["材料"].append(["119999999999", "身份证"])
    workbook["情形"]["D2"] = "self本人;agent=代办"
    workbook.save(workbook_path)
    set_cell(workbook_path, "材料", 6, "适用情形", "applicant=robot")

    assert problems_of(workbook_path) == [
        "sheet 事项, row 2, column 法定办结时限(工作日): "
        "must be a whole number of 0 or more, not '五'",
        "sheet 事项, row 3, column 事项名称: this cell must not be empty",
        "sheet 事项, row 3, column 窗口类别: "
        "'便民服务' is not one of: 企业开办、投资建设、生产经营准入、社会事务",
        "sheet 事项, row 4, column 承诺办结时限(工作日): promised time limit 30 days is longer "
        "than the legal limit 20 days; the promise must not exceed the law",
        "sheet 事项, row 5, column 基本编码: basic code 110000000003 is already used on row 4",
        "sheet 材料, row 6, column 适用情形: situation 'applicant' has no option robot",
        "sheet 材料, row 7, column 基本编码: "
        "no item on sheet 事项 has basic code 119999999999; add the item or correct the code",
        "sheet 情形, row 2, column 选项: cannot read 'self本人'; write the options as "
        "code=label separated by semicolons, e.g. first=首次申请;renew=延续",
    ]


def test_rule_problems_point_at_the_material_or_situation_row(workbook_path: Path) -> None:
    workbook = load_workbook(workbook_path)
    workbook["材料"]["B3"] = "设立登记申请书"
    workbook["材料"]["A4"] = "110000000003"
    workbook["情形"]["D3"] = "self=本人"
    workbook["事项"]["H3"] = "即办件"
    workbook.save(workbook_path)
    assert problems_of(workbook_path) == [
        "sheet 事项, row 3, column 基本编码: an item needs at least one material",
        "sheet 事项, row 3, column 办件类型: with a promised limit of 5 days the case kind "
        "must be 承诺件",
        "sheet 材料, row 3, column 材料名称: material '设立登记申请书' is listed twice",
        "sheet 材料, row 6, column 适用情形: situation 'applicant' has no option agent",
        "sheet 情形, row 3, column 情形代码: a situation needs at least two options",
    ]


def test_missing_sheets_and_columns_are_named(workbook_path: Path) -> None:
    workbook = load_workbook(workbook_path)
    del workbook["情形"]
    workbook["材料"].delete_cols(7)
    workbook.save(workbook_path)
    assert problems_of(workbook_path) == [
        "sheet 材料, row 1, column 份数: this column is missing from the header row; add it back",
        "sheet 情形: this sheet is missing; start from the template written by "
        "“clerk-desk catalog export-template FILE”",
    ]


def test_reuse_days_round_trip_and_an_older_workbook_without_the_column_means_not_reusable(
    tmp_path: Path,
) -> None:
    items = small_catalog()
    licence = items[1].materials[0]
    items[1] = replace(items[1], materials=(replace(licence, reuse_days=365),))
    path = tmp_path / "复用.xlsx"
    write_catalog(path, items, version="复用")
    assert read_catalog(path).items[1].materials[0].reuse_days == 365
    assert read_catalog(path).items == items

    workbook = load_workbook(path)
    materials = workbook["材料"]
    column = next(cell.column for cell in materials[1] if cell.value == "可复用天数")
    materials.delete_cols(column)
    workbook.save(path)
    assert read_catalog(path).items == small_catalog()


def test_reuse_days_must_be_a_whole_number(workbook_path: Path) -> None:
    set_cell(workbook_path, "材料", 4, "可复用天数", "一年")
    set_cell(workbook_path, "材料", 5, "可复用天数", -1)
    assert problems_of(workbook_path) == [
        "sheet 材料, row 4, column 可复用天数: must be a whole number of 0 or more, not '一年'",
        "sheet 材料, row 5, column 可复用天数: must be a whole number of 0 or more, not '-1'",
    ]


def test_a_workbook_without_items_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "空.xlsx"
    write_catalog(path, [], version="空")
    assert problems_of(path) == [
        "sheet 事项, row 2: the sheet has no items; fill in one row per item"
    ]


def test_problems_are_rendered_in_the_ui_language(workbook_path: Path) -> None:
    set_cell(workbook_path, "事项", 2, "事项名称", " ")
    with pytest.raises(CatalogFileRejected) as refusal:
        read_catalog(workbook_path)
    assert refusal.value.render("en").startswith(f"{workbook_path} was refused with 1 problem(s)")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("目录.csv", b"a,b\n", "is not an Excel workbook (.xlsx)"),
        ("目录.xls", b"\xd0\xcf\x11\xe0", "is not an Excel workbook (.xlsx)"),
        ("damaged.xlsx", b"PK\x03\x04 truncated", "cannot be read as an .xlsx workbook"),
    ],
)
def test_files_that_are_no_workbook_get_a_clear_message(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CatalogFileError) as refusal:
        read_catalog(path)
    assert expected in refusal.value.render("en")


def test_a_zip_that_is_not_a_workbook_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    with pytest.raises(CatalogFileError) as refusal:
        read_catalog(path)
    assert "cannot be read as an .xlsx workbook" in refusal.value.render("en")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(CatalogFileError) as refusal:
        read_catalog(tmp_path / "nowhere.xlsx")
    assert refusal.value.render("en") == f"There is no file {tmp_path / 'nowhere.xlsx'}"


def test_writing_refuses_other_suffixes_and_leaves_no_partial_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogFileError):
        write_template(tmp_path / "模板.xls")
    with pytest.raises(CatalogFileError) as refusal:
        write_template(tmp_path / "no-such-folder" / "模板.xlsx")
    assert "Cannot write" in refusal.value.render("en")
    assert list(tmp_path.iterdir()) == []


def test_writing_replaces_an_existing_file(workbook_path: Path) -> None:
    before = workbook_path.stat().st_mtime_ns
    time.sleep(0.01)
    write_template(workbook_path)
    assert workbook_path.stat().st_mtime_ns > before
    assert read_catalog(workbook_path).items == [EXAMPLE_ITEM]


def test_workbooks_built_by_hand_are_read_by_header_not_position(tmp_path: Path) -> None:
    """An administrator may reorder columns; a header row is all the reader relies on."""
    source = tmp_path / "source.xlsx"
    write_catalog(source, small_catalog()[:1], version="手工")
    original = load_workbook(source)
    rebuilt = Workbook()
    rebuilt.remove(rebuilt.worksheets[0])
    for title in original.sheetnames:
        columns = list(original[title].iter_cols(values_only=True))
        target = rebuilt.create_sheet(title)
        for row in zip(*reversed(columns), strict=True):
            target.append(row)
    path = tmp_path / "reordered.xlsx"
    rebuilt.save(path)
    assert read_catalog(path).items == small_catalog()[:1]


def test_the_applicability_cell_format_reads_several_situations_and_options() -> None:
    assert parse_conditions("application=first,renew;applicant=agent") == {
        "application": ("first", "renew"),
        "applicant": ("agent",),
    }
    assert parse_conditions("application＝first、renew；") == {"application": ("first", "renew")}
    assert parse_conditions("  ") == {}


@pytest.mark.parametrize(
    ("parse", "text", "expected"),
    [
        (parse_conditions, "applicant=", "cannot read 'applicant='"),
        (parse_conditions, "agent", "cannot read 'agent'"),
        (parse_conditions, "applicant=self;applicant=agent", "situation 'applicant' appears twice"),
        (parse_options, "self=本人;self=本人办理", "option code self appears twice"),
        (parse_options, "self=;agent=代办", "cannot read 'self='"),
    ],
)
def test_malformed_structured_cells_say_how_to_write_them(
    parse: Callable[[str], object], text: str, expected: str
) -> None:
    with pytest.raises(CellError) as refusal:
        parse(text)
    assert refusal.value.render("en").startswith(expected)
