"""``clerk-desk catalog …`` as a user runs it: real files, real desks in temp dirs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from clerk_desk import cli
from clerk_desk.cli.tables import display_width
from clerk_desk.desk import Desk

DEMO_CODE = "000142130101"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def demo_args(desk: Desk) -> list[str]:
    return ["--demo", "--data-dir", str(desk.data_dir.root), "--lang", "en"]


def test_template_filled_in_and_imported_into_a_new_desk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "模板.xlsx"
    data = ["--data-dir", str(tmp_path / "desk"), "--lang", "en"]
    code, out, _ = run(capsys, "catalog", "export-template", str(template), *data)
    assert (code, out) == (0, f"Wrote the catalog template to {template}\n")

    workbook = load_workbook(template)
    workbook["说明"]["B2"] = "2026-试行"
    workbook.save(template)
    code, out, err = run(capsys, "catalog", "import", str(template), *data)
    assert (code, err) == (0, "")
    assert out == f"Imported 1 items and 6 materials from {template} (catalog version 2026-试行)\n"

    code, out, _ = run(capsys, "catalog", "list", "--json", *data)
    listed = json.loads(out)
    assert [item["basic_code"] for item in listed] == ["EXAMPLE00001"]
    assert listed[0]["materials"][3]["applies_when"] == {"application": ["change", "renew"]}


def test_a_faulty_file_is_refused_whole_and_the_catalog_stays(
    demo_desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = demo_desk.catalog.items()
    version_before = demo_desk.catalog.meta()["version"]
    path = tmp_path / "目录.xlsx"
    assert run(capsys, "catalog", "export", str(path), *demo_args(demo_desk))[0] == 0
    workbook = load_workbook(path)
    workbook["事项"]["F2"] = "五"
    workbook["事项"]["G3"] = 999
    workbook["事项"]["B4"] = None
    workbook.save(path)

    code, out, err = run(capsys, "catalog", "import", str(path), *demo_args(demo_desk))
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0] == (
        f"Error: {path} was refused with 3 problem(s); nothing was imported and the current "
        "catalog is unchanged. Fix these in the workbook and import it again:"
    )
    assert lines[1] == (
        "  - sheet 事项, row 2, column 法定办结时限(工作日): "
        "must be a whole number of 0 or more, not '五'"
    )
    assert lines[2].startswith(
        "  - sheet 事项, row 3, column 承诺办结时限(工作日): promised time limit 999 days"
    )
    assert lines[3] == "  - sheet 事项, row 4, column 事项名称: this cell must not be empty"
    assert len(lines) == 4
    assert demo_desk.catalog.items() == before
    assert demo_desk.catalog.meta()["version"] == version_before


def test_problem_locations_are_the_spreadsheets_own_in_the_default_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Row numbers and headers are the spreadsheet's own, whatever the message language."""
    path = tmp_path / "模板.xlsx"
    data = ["--data-dir", str(tmp_path / "desk")]
    run(capsys, "catalog", "export-template", str(path), *data)
    workbook = load_workbook(path)
    workbook["材料"]["A3"] = "NOSUCHCODE"
    workbook.save(path)
    code, _, err = run(capsys, "catalog", "import", str(path), *data)
    assert code == 2
    [problem] = [line for line in err.splitlines() if "NOSUCHCODE" in line]
    assert "材料" in problem and "基本编码" in problem and "3" in problem


def test_a_file_that_is_no_workbook_is_refused_with_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "目录.csv"
    path.write_text("基本编码,事项名称\n", encoding="utf-8")
    code, out, err = run(
        capsys, "catalog", "import", str(path), "--data-dir", str(tmp_path / "d"), "--lang", "en"
    )
    assert (code, out) == (2, "")
    assert err == (
        f"Error: {path} is not an Excel workbook (.xlsx); save it from Excel or WPS as .xlsx "
        "and import that file\n"
    )


def test_export_and_import_round_trip_the_demo_catalog(
    demo_desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.xlsx"
    code, out, _ = run(capsys, "catalog", "export", str(path), *demo_args(demo_desk))
    items = demo_desk.catalog.items()
    materials = sum(len(item.materials) for item in items)
    assert (code, out) == (0, f"Exported {len(items)} items and {materials} materials to {path}\n")

    other = ["--data-dir", str(tmp_path / "other"), "--lang", "en"]
    code, out, _ = run(capsys, "catalog", "import", str(path), *other)
    assert code == 0
    assert out.startswith(f"Imported {len(items)} items and {materials} materials")
    assert "(catalog version demo-" in out
    imported = Desk.open(tmp_path / "other")
    try:
        assert imported.catalog.items() == items
    finally:
        imported.close()


def test_list_json_carries_every_item_with_its_materials(
    demo_desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "catalog", "list", "--json", *demo_args(demo_desk))
    assert code == 0
    assert "食品经营许可" in out  # Chinese as is, not \\u escapes
    listed = json.loads(out)
    assert len(listed) == demo_desk.catalog.count()
    food = next(item for item in listed if item["basic_code"] == DEMO_CODE)
    expected = demo_desk.catalog.item(DEMO_CODE)
    assert expected is not None
    assert food["name"] == expected.name
    assert food["window_category"] == "生产经营准入"
    assert food["department"] == expected.department
    assert (food["legal_limit_days"], food["promised_limit_days"]) == (
        expected.legal_limit_days,
        expected.promised_limit_days,
    )
    assert [m["name"] for m in food["materials"]] == [m.name for m in expected.materials]
    assert {"necessity", "form", "copies", "source", "applies_when"} <= set(food["materials"][0])


def test_list_prints_an_aligned_table(demo_desk: Desk, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalog", "list", *demo_args(demo_desk))
    assert code == 0
    header, rule, *rows = out.splitlines()
    assert set(rule.replace(" ", "")) == {"-"}
    assert header.split() == [
        "Basic",
        "code",
        "Name",
        "Window",
        "category",
        "Department",
        "Legal",
        "days",
        "Promised",
        "days",
        "Materials",
    ]
    assert len(rows) == demo_desk.catalog.count()
    food = next(row for row in rows if row.startswith(DEMO_CODE))
    assert food.split()[1:3] == ["食品经营许可（新办）", "生产经营准入"]
    window_column = display_width(header[: header.index("Window")])
    for row in rows:
        category = row.split()[2]
        assert display_width(row[: row.index(category)]) == window_column


def test_list_of_an_empty_catalog_says_how_to_fill_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "catalog", "list", "--data-dir", str(tmp_path / "d"), "--lang", "en")
    assert (code, out) == (
        0,
        "The catalog is empty; import one with: clerk-desk catalog import FILE\n",
    )


@pytest.mark.slow
def test_the_real_command_line_imports_and_lists(tmp_path: Path) -> None:
    template = tmp_path / "模板.xlsx"
    data = ["--data-dir", str(tmp_path / "desk"), "--lang", "en"]

    def clerk_desk(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "clerk_desk", *argv, *data],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )

    assert clerk_desk("catalog", "export-template", str(template)).returncode == 0
    imported = clerk_desk("catalog", "import", str(template))
    assert (imported.returncode, imported.stderr) == (0, "")
    assert imported.stdout.startswith("Imported 1 items and 6 materials")
    listed = clerk_desk("catalog", "list", "--json")
    assert json.loads(listed.stdout)[0]["name"] == "食品经营许可"

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    refused = clerk_desk("catalog", "import", str(broken))
    assert refused.returncode == 2
    assert "cannot be read as an .xlsx workbook" in refused.stderr
    assert "Traceback" not in refused.stderr
