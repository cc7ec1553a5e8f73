"""``clerk-desk ratings list / followups``: the 好差评 for scripts and people, never the
rater's details."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from case_factory import CLERK, FOOD_LICENCE, SEAL_FILING, Clock, make_case, person
from cli_process import clerk_desk

from clerk_desk import cli
from clerk_desk.desk import Desk
from clerk_desk.domain.followups import StepKind
from clerk_desk.domain.ratings import RatingLevel
from clerk_desk.domain.roles import Clerk, Role
from clerk_desk.services.ratings import RatingService

MONDAY = datetime(2026, 9, 28, 9, 30)
TUESDAY = datetime(2026, 9, 29, 10, 0)
WEDNESDAY = datetime(2026, 9, 30, 14, 0)
MARKET = Clerk("reviewer", "王建国", (Role.REVIEWER,), "市场监督管理局")
SUPERVISOR = Clerk("supervisor", "陈静", (Role.SUPERVISOR,), "")
RATER = "欧阳雪"  # the applicant at the counter: rated the contacts, never printed here
RATER_PHONE = "13987654321"


def run(capsys: pytest.CaptureFixture[str], desk: Desk, *argv: str) -> tuple[int, str, str]:
    code = cli.main([*argv, "--demo", "--data-dir", str(desk.data_dir.root)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def rate(
    desk: Desk,
    clock: Clock,
    at: datetime,
    level: RatingLevel | None,
    reasons: tuple[str, ...] = (),
    comment: str = "",
    codes: tuple[str, ...] = (FOOD_LICENCE,),
) -> str:
    """A case accepted at ``at`` and its contact rated ``level`` by the visitor half a minute
    later (``None``: they walked away); the case number."""
    clock.now = at
    case = make_case(
        desk,
        codes,
        clock=clock,
        accept_by=CLERK,
        applicant=person(RATER, 7, phone=RATER_PHONE),
    )
    ratings = RatingService(desk.database, desk.settings, clock, desk.intake.work_calendar)
    contact = ratings.waiting_contact()
    assert contact is not None and contact.case_uuid == case.uuid
    clock.now = at + timedelta(seconds=30)
    if level is None:
        clock.now = contact.expires_at
        ratings.walk_away(contact.uuid)
    else:
        ratings.press(contact.uuid, level)
        clock.now += timedelta(seconds=20)
        ratings.submit(contact.uuid, reasons, comment)
    assert case.case_no is not None
    return case.case_no


@pytest.fixture
def rated(demo_desk: Desk) -> dict[str, str]:
    """Three contacts rated (one 差评 being followed up, one struck) and one left unrated."""
    clock = Clock(MONDAY)
    numbers = {
        "good": rate(demo_desk, clock, MONDAY, RatingLevel.VERY_SATISFIED, ("G01", "G02"), "很快"),
        "walked": rate(demo_desk, clock, MONDAY + timedelta(hours=1), None),
        "poor": rate(demo_desk, clock, TUESDAY, RatingLevel.DISSATISFIED, ("P01",), "等太久"),
        "struck": rate(
            demo_desk, clock, WEDNESDAY, RatingLevel.VERY_DISSATISFIED, codes=(SEAL_FILING,)
        ),
    }
    ratings = RatingService(
        demo_desk.database, demo_desk.settings, clock, demo_desk.intake.work_calendar
    )
    by_case = {r.case_no: r for r in ratings.ratings_on()}
    clock.now = WEDNESDAY + timedelta(hours=2)
    poor = by_case[numbers["poor"]].uuid
    ratings.add_step(poor, StepKind.VERIFY, {"finding": "true", "notes": "高峰等候"}, MARKET)
    struck = by_case[numbers["struck"]].uuid
    police = Clerk("police", "孙伟", (Role.REVIEWER,), "公安局")
    ratings.add_step(struck, StepKind.VERIFY, {"finding": "malicious"}, police)
    ratings.add_step(
        struck, StepKind.APPEAL, {"decision": "strike", "reason": "与办件无关"}, SUPERVISOR
    )
    return numbers


def test_list_json_has_the_fields_scripts_need_and_no_rater(
    demo_desk: Desk, rated: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, demo_desk, "ratings", "list", "--json")
    assert (code, err) == (0, "")
    listed = json.loads(out)
    assert [r["case_no"] for r in listed] == [rated["good"], rated["poor"], rated["struck"]]
    good = listed[0]
    assert good["contact"] == "intake" and good["seq"] == 1
    assert good["level"] == "非常满意"
    assert good["staff"] == CLERK and good["staff_name"] == "张敏"
    assert good["rated_at"] == (MONDAY + timedelta(seconds=30)).isoformat()  # the press
    assert good["window_number"] == 3 and good["department"] == "市场监督管理局"
    assert [r["text"] for r in good["reasons"]] == ["办事效率高", "服务态度好"]
    assert good["comment"] == "很快"
    assert (good["origin"], good["struck"]) == ("active", False)
    assert good["channel"] == "政务大厅其他终端"
    assert [(r["level"], r["struck"]) for r in listed[1:]] == [
        ("不满意", False),
        ("非常不满意", True),
    ]
    assert listed[2]["department"] == "公安局"
    assert all("rater_name" not in r and "rater_phone" not in r for r in listed)
    assert RATER not in out and RATER_PHONE not in out


def test_list_filters_by_the_day_of_the_press(
    demo_desk: Desk, rated: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, demo_desk, "ratings", "list", "--json", "--date", "2026-09-29")
    assert code == 0
    assert [r["case_no"] for r in json.loads(out)] == [rated["poor"]]
    code, out, _ = run(capsys, demo_desk, "ratings", "list", "--json", "--date", "2026-10-01")
    assert (code, json.loads(out)) == (0, [])


def test_list_as_a_table_counts_the_unrated(
    demo_desk: Desk, rated: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, demo_desk, "ratings", "list", "--lang", "en")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == [
        "Case",
        "number",
        "Rating",
        "no.",
        "Service",
        "contact",
        "Rating",
        "level",
        "Served",
        "by",
        "Window",
        "no.",
        "Department",
        "Rated",
        "at",
        "Rating",
        "reasons",
        "Rating",
        "comment",
        "Rating",
        "origin",
        "Note",
    ]
    assert lines[2].split() == [
        rated["good"],
        "1",
        "Intake",
        "非常满意",  # the national name of the level, in every language
        "张敏",
        "3",
        "市场监督管理局",
        "2026-09-28",
        "09:30",
        "办事效率高、服务态度好",
        "很快",
        "By",
        "the",
        "visitor",
    ]
    assert lines[4].split()[-1] == "Struck"
    assert lines[-1] == (
        "Visitors' ratings: 非常满意 1、满意 0、基本满意 0、不满意 1、非常不满意 1; "
        "default 0; unrated 1; struck 1"
    )
    assert RATER not in out


def test_an_empty_desk_says_so(demo_desk: Desk, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, demo_desk, "ratings", "list", "--lang", "en")[:2] == (
        0,
        "No ratings found\n",
    )
    assert run(capsys, demo_desk, "ratings", "followups", "--lang", "en")[:2] == (
        0,
        "No poor ratings to follow up\n",
    )
    assert run(capsys, demo_desk, "ratings", "list", "--json")[:2] == (0, "[]\n")


def test_followups_json_as_a_supervisor_sees_them_without_the_rater(
    demo_desk: Desk, rated: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, demo_desk, "ratings", "followups", "--json")
    assert (code, err) == (0, "")
    listed = json.loads(out)
    assert [f["rating"]["case_no"] for f in listed] == [rated["struck"], rated["poor"]]
    struck, poor = listed
    assert (struck["state"], struck["overdue"]) == ("struck", False)
    assert [s["kind"] for s in struck["steps"]] == ["verify", "appeal"]
    assert struck["steps"][1]["payload"] == {"decision": "strike", "reason": "与办件无关"}
    assert struck["rating"]["struck"] is True
    assert poor["state"] == "rectifying"
    # 5 working days after 29 September: 国庆 is off, Saturday 10 October is worked
    assert poor["deadline"] == "2026-10-12"
    assert poor["overdue"] is True  # long past, not rectified nor replied to
    assert poor["possible_steps"] == ["rectify", "appeal"]
    assert poor["steps"][0]["by"] == "reviewer"
    assert all("rater_name" not in f["rating"] for f in listed)
    assert RATER not in out and RATER_PHONE not in out
    code, out, _ = run(
        capsys, demo_desk, "ratings", "followups", "--json", "--department", "公安局"
    )
    assert [f["rating"]["case_no"] for f in json.loads(out)] == [rated["struck"]]


def test_followups_as_a_table_flag_the_overdue(
    demo_desk: Desk, rated: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, demo_desk, "ratings", "followups", "--lang", "en")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == [
        "Case",
        "number",
        "Rating",
        "level",
        "Department",
        "Rated",
        "at",
        "Follow-up",
        "state",
        "Follow-up",
        "deadline",
        "Overdue",
        "Steps",
        "taken",
    ]
    assert lines[2].split() == [
        rated["struck"],
        "非常不满意",
        "公安局",
        "2026-09-30",
        "14:00",
        "Struck",
        "2026-10-13",
        "Verification、Appeal",
        "review",
    ]
    assert lines[3].split() == [
        rated["poor"],
        "不满意",
        "市场监督管理局",
        "2026-09-29",
        "10:00",
        "To",
        "rectify",
        "2026-10-12",
        "Overdue",
        "Verification",
    ]


@pytest.mark.parametrize("text", ["9999-99-99", "2026-13-01", "2026-02-30", "yesterday", ""])
def test_a_bad_date_is_refused_naming_it(
    demo_desk: Desk, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    code, out, err = run(capsys, demo_desk, "ratings", "list", "--date", text, "--lang", "en")
    assert (code, out) == (2, "")
    assert err == f"Error: “{text}” is not a date; write it as YYYY-MM-DD, e.g. 2026-09-28\n"


def test_the_console_command_lists_ratings(demo_desk: Desk, rated: dict[str, str]) -> None:
    root = str(demo_desk.data_dir.root)
    done = clerk_desk(
        "ratings", "list", "--json", "--date", "2026-09-28", "--demo", "--data-dir", root
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert [(r["case_no"], r["level"]) for r in json.loads(done.stdout)] == [
        (rated["good"], "非常满意")
    ]
    refused = clerk_desk("ratings", "list", "--date", "9999-99-99", "--demo", "--data-dir", root)
    assert refused.returncode == 2
    assert "9999-99-99" in refused.stderr and "YYYY-MM-DD" in refused.stderr
