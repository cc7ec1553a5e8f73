"""The dishonesty list (失信名单): CSV import refused whole on any fault, look-up however a
number is typed, and 容缺受理 refused for a listed applicant (real desk, real files)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from case_factory import CLERK, Clock, intake_service, make_case, mark, person

from clerk_desk import cli
from clerk_desk.desk import Desk
from clerk_desk.domain.case import Applicant, ApplicantKind, MaterialMark
from clerk_desk.domain.case_states import CaseState
from clerk_desk.domain.identity import make_id_number
from clerk_desk.services.credit_list import CreditList, CreditListFileRejected
from clerk_desk.services.intake import DecisionRefused

MONDAY = datetime(2026, 9, 28, 9, 30)
DESIGN = "与食品经营相适应的主要设备设施布局、操作流程等文件"  # 容缺 allowed
LI_NA = make_id_number("340104", date(1990, 5, 1), 12)
WANG = make_id_number("340104", date(1985, 3, 2), 7)
COMPANY = "91340100MA2N0K2X3L"
HEADER = "证件号码/统一社会信用代码,名称,来源,列入日期,备注\n"


def _valid_credit_code() -> str:
    """A credit code with a correct check character (GB 32100-2015)."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    body = COMPANY[:17]
    total = sum(alphabet.index(char) * weight for char, weight in zip(body, weights, strict=True))
    return body + alphabet[(31 - total % 31) % 31]


CREDIT_CODE = _valid_credit_code()


def _csv(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "失信名单.csv"
    path.write_text(text, encoding=encoding)
    return path


def _good_file(tmp_path: Path, encoding: str = "utf-8") -> Path:
    lowered = LI_NA[:-1] + LI_NA[-1].lower()
    return _csv(
        tmp_path,
        HEADER
        + f"{lowered},李娜,信用中国（合肥）,2026-03-15,\n"
        + f"{CREDIT_CODE.lower()},合肥某某商贸有限公司,市场监管部门,2025/12/01,经营异常\n",
        encoding,
    )


def test_import_then_look_up_however_typed(demo_desk: Desk, tmp_path: Path) -> None:
    credit = CreditList(demo_desk.database, Clock(MONDAY))
    loaded = credit.import_file(_good_file(tmp_path, "gb18030"))
    assert [entry.number for entry in loaded] == [LI_NA, CREDIT_CODE]
    listing = credit.is_listed(f" {LI_NA.lower()} ")
    assert listing is not None
    assert (listing.name, listing.source, listing.listed_on) == (
        "李娜",
        "信用中国（合肥）",
        date(2026, 3, 15),
    )
    company = credit.is_listed(CREDIT_CODE.lower())
    assert company is not None and company.note == "经营异常"
    assert credit.is_listed(WANG) is None
    assert credit.is_listed("not a number") is None


def test_a_bad_file_is_refused_whole_with_every_problem(demo_desk: Desk, tmp_path: Path) -> None:
    credit = CreditList(demo_desk.database, Clock(MONDAY))
    credit.import_file(_good_file(tmp_path))
    bad = _csv(
        tmp_path,
        HEADER
        + f"{WANG},王伟,法院,2026-01-05,\n"
        + "12345,,法院,2026-01-05,\n"
        + f"{WANG},王伟,,2026-13-01,\n"
        + f"{CREDIT_CODE},某公司,市场监管部门,2027-01-01,\n",
    )
    with pytest.raises(CreditListFileRejected) as refused:
        credit.import_file(bad)
    assert [problem.render("en") for problem in refused.value.problems] == [
        "Line 3, “证件号码/统一社会信用代码”: “12345” is neither a valid ID number nor a valid "
        "unified social credit code",
        "Line 3, “名称”: must not be empty",
        f"Line 4, “证件号码/统一社会信用代码”: {WANG} repeats line 2",
        "Line 4, “来源”: must not be empty",
        "Line 4, “列入日期”: “2026-13-01” is not a date up to today (format 2026-03-15)",
        "Line 5, “列入日期”: “2027-01-01” is not a date up to today (format 2026-03-15)",
    ]
    assert "refused with 6 problem(s); the list was not changed" in str(refused.value)
    assert [entry.number for entry in credit.listings()] == [LI_NA, CREDIT_CODE]


def test_a_file_without_the_columns_is_refused(demo_desk: Desk, tmp_path: Path) -> None:
    credit = CreditList(demo_desk.database, Clock(MONDAY))
    with pytest.raises(CreditListFileRejected) as refused:
        credit.import_file(_csv(tmp_path, "姓名,来源\n张三,法院\n"))
    assert [problem.render("en") for problem in refused.value.problems] == [
        "The file has no column 证件号码/统一社会信用代码、名称、列入日期"
    ]


def test_a_listed_applicant_cannot_be_accepted_with_gaps(demo_desk: Desk, tmp_path: Path) -> None:
    clock = Clock(MONDAY)
    service = intake_service(demo_desk, clock)
    service.credit_list.import_file(_good_file(tmp_path))
    case = make_case(service, applicant=person())
    mark(case, DESIGN, MaterialMark.MISSING)
    with pytest.raises(DecisionRefused) as refused:
        service.accept_with_gaps(case, CLERK, date(2026, 10, 9))
    assert [problem.render("en") for problem in refused.value.problems] == [
        "The applicant is on the dishonesty list (source: 信用中国（合肥）); "
        "accepting with gaps is not allowed"
    ]
    stored = service.case(case.uuid)
    assert stored is not None and stored.state is CaseState.DRAFT

    other = make_case(service, applicant=person("王伟", 7))
    mark(other, DESIGN, MaterialMark.MISSING)
    assert service.accept_with_gaps(other, CLERK, date(2026, 10, 9)).state is CaseState.IN_REVIEW


def test_a_listed_organisation_cannot_be_accepted_with_gaps(
    demo_desk: Desk, tmp_path: Path
) -> None:
    service = intake_service(demo_desk, Clock(MONDAY))
    service.credit_list.import_file(_good_file(tmp_path))
    case = make_case(service)
    case.applicant = Applicant(
        kind=ApplicantKind.ORGANISATION,
        name="合肥某某商贸有限公司",
        credit_code=CREDIT_CODE.lower(),
        phone="13812345678",
    )
    mark(case, DESIGN, MaterialMark.MISSING)
    assert any(
        "dishonesty list (source: 市场监管部门)" in problem.render("en")
        for problem in service.gap_problems(case, date(2026, 10, 9))
    )


def test_credit_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    base = ["--data-dir", str(tmp_path / "desk"), "--lang", "en"]
    good = _good_file(tmp_path)
    assert cli.main(["credit", "import", str(good), *base]) == 0
    assert "Loaded the dishonesty list from" in capsys.readouterr().out
    assert cli.main(["credit", "list", "--json", *base]) == 0
    parties = json.loads(capsys.readouterr().out)
    assert [(p["number"], p["name"], p["listed_on"]) for p in parties] == [
        (LI_NA, "李娜", "2026-03-15"),
        (CREDIT_CODE, "合肥某某商贸有限公司", "2025-12-01"),
    ]
    assert cli.main(["credit", "list", *base]) == 0
    table = capsys.readouterr().out
    assert "Listed on" in table and "信用中国（合肥）" in table

    bad = _csv(tmp_path, HEADER + "12345,某人,法院,2026-01-05,\n")
    assert cli.main(["credit", "import", str(bad), *base]) == 2
    err = capsys.readouterr().err
    assert "the list was not changed" in err
    assert "  - Line 2, “证件号码/统一社会信用代码”: “12345” is neither" in err
