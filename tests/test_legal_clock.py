"""The legal clock against the official 2026 calendar, worked out by hand.

国务院办公厅关于2026年部分节假日安排的通知 (the days off and the make-up working days 调休):
  元旦   01-01 (Thu) – 01-03 off; Sun 01-04 works.
  春节   02-15 (Sun) – 02-23 (Mon) off; Sat 02-14 and Sat 02-28 work.
  清明   04-04 – 04-06 off.      劳动节 05-01 (Fri) – 05-05 (Tue) off; Sat 05-09 works.
  端午   06-19 – 06-21 off.      中秋   09-25 (Fri) – 09-27 off.
  国庆   10-01 (Thu) – 10-07 (Wed) off; Sun 09-20 and Sat 10-10 work.
Every expected date below is counted from this table, not by the code under test.

chinesecalendar 1.11.0 knows 2004–2026; 2027 is the first year it does not know. The files for
2027 written here are invented test data, not the official 2027 calendar.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from clerk_desk.domain.calendar import (
    BUILTIN_SOURCE,
    BUILTIN_YEARS,
    CalendarRejected,
    ClockInputError,
    Deadline,
    Level,
    OfficialYear,
    OpenClock,
    Pause,
    WorkCalendar,
    committed_deadline,
    date_message,
    deadline_status,
    official_year_from_dict,
    recompute_deadlines,
    supplement_deadline,
)
from clerk_desk.resources import resource_path
from clerk_desk.services.calendars import CalendarFileRejected, CalendarStore, StoredCalendarBroken

D = date.fromisoformat
BUILT_IN = WorkCalendar()
TEST_2027 = {
    "year": 2027,
    "source": "测试用2027年节假日安排（虚构）",
    "holidays": ["2027-01-01", "2027-01-02", "2027-01-03"],
    "workdays": ["2027-01-09"],
}


def deadline(accepted_on: str, days: int, *pauses: tuple[str, str]) -> Deadline:
    return committed_deadline(
        D(accepted_on),
        days,
        [Pause(D(start), D(end)) for start, end in pauses],
        calendar=BUILT_IN,
    )


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_builtin_calendar_ends_with_2026() -> None:
    """If this fails, chinesecalendar was upgraded: the 2027 tests below need a later year."""
    assert (BUILTIN_YEARS.start, BUILTIN_YEARS.stop) == (2004, 2027)


@pytest.mark.parametrize(
    ("accepted_on", "days", "expected", "why"),
    [
        ("2026-09-28", 5, "2026-10-10", "09-29, 09-30, 10-08, 10-09, Sat 10-10 (调休)"),
        ("2026-09-18", 1, "2026-09-20", "Sat 09-19 off, Sun 09-20 works"),
        ("2026-09-18", 2, "2026-09-21", "Sun 09-20, Mon 09-21"),
        ("2026-09-24", 1, "2026-09-28", "中秋 09-25 – 09-27 off"),
        ("2026-09-30", 1, "2026-10-08", "国庆 10-01 – 10-07 off"),
        ("2026-10-09", 2, "2026-10-12", "Sat 10-10 works, Sun 10-11 off, Mon 10-12"),
        ("2026-02-13", 1, "2026-02-14", "Sat 02-14 works"),
        ("2026-02-13", 2, "2026-02-24", "春节 02-15 – 02-23 off"),
        ("2026-02-13", 5, "2026-02-27", "02-14, 02-24, 02-25, 02-26, 02-27"),
        ("2026-02-13", 6, "2026-02-28", "Sat 02-28 works"),
        ("2026-02-13", 7, "2026-03-02", "Sun 03-01 off"),
        ("2026-02-12", 20, "2026-03-18", "02-13, 02-14, 02-24…02-28 (7), 03-02…03-18 (13)"),
        ("2025-12-31", 1, "2026-01-04", "元旦 01-01 – 01-03 off, Sun 01-04 works"),
        ("2026-04-02", 2, "2026-04-07", "04-03, then 清明 04-04 – 04-06 off, 04-07"),
        ("2026-04-30", 1, "2026-05-06", "劳动节 05-01 – 05-05 off"),
        ("2026-04-30", 4, "2026-05-09", "05-06, 05-07, 05-08, Sat 05-09 works"),
        ("2026-06-18", 1, "2026-06-22", "端午 06-19 – 06-21 off"),
    ],
)
def test_working_days_skip_holidays_and_count_make_up_days(
    accepted_on: str, days: int, expected: str, why: str
) -> None:
    result = deadline(accepted_on, days)
    assert result.deadline == D(expected), why
    assert (result.provisional, result.unknown_years) == (False, ())
    assert result.calendar_source == BUILTIN_SOURCE


def test_zero_days_is_the_acceptance_day_itself_whatever_the_day() -> None:
    assert deadline("2026-10-01", 0).deadline == D("2026-10-01")
    unknown_year = deadline("2027-03-01", 0)
    assert (unknown_year.deadline, unknown_year.provisional) == (D("2027-03-01"), False)


def test_acceptance_on_a_weekend_or_holiday_counts_from_the_next_day() -> None:
    assert deadline("2026-03-01", 1).deadline == D("2026-03-02")  # a Sunday
    assert deadline("2026-03-01", 5).deadline == D("2026-03-06")
    assert deadline("2026-10-03", 1).deadline == D("2026-10-08")  # inside 国庆
    assert deadline("2026-09-20", 1).deadline == D("2026-09-21")  # a make-up Sunday


def test_a_span_into_an_unknown_year_skips_weekends_only_and_is_provisional() -> None:
    result = deadline("2026-12-28", 5)
    # 12-29, 12-30, 12-31, then 2027: Fri 01-01 taken as working (no guessing), Mon 01-04.
    assert result.deadline == D("2027-01-04")
    assert (result.provisional, result.unknown_years) == (True, (2027,))
    assert result.calendar_source == BUILTIN_SOURCE
    assert deadline("2026-12-30", 1).provisional is False
    assert deadline("2026-12-31", 1).to_dict() == {
        "deadline": "2027-01-01",
        "provisional": True,
        "accepted_on": "2026-12-31",
        "working_days": 1,
        "unknown_years": [2027],
        "calendar_source": "",
        "pauses": [],
    }


def test_a_loaded_2027_calendar_ends_the_provisional_deadline(tmp_path: Path) -> None:
    store = CalendarStore(tmp_path / "calendars")
    imported = store.import_file(write_json(tmp_path / "2027.json", TEST_2027))
    assert (imported.official.year, imported.replaced) == (2027, False)
    calendar = store.work_calendar()

    result = committed_deadline(D("2026-12-28"), 5, calendar=calendar)
    # 12-29, 12-30, 12-31, 01-01 – 01-03 off in the file, Mon 01-04, Tue 01-05.
    assert (result.deadline, result.provisional) == (D("2027-01-05"), False)
    assert result.calendar_source == f"{BUILTIN_SOURCE}; 测试用2027年节假日安排（虚构）"
    assert committed_deadline(D("2027-01-07"), 2, calendar=calendar).deadline == D("2027-01-09")
    assert calendar.is_workday(D("2028-01-03")) is None

    stored = json.loads((tmp_path / "calendars" / "2027.json").read_text(encoding="utf-8"))
    assert stored == TEST_2027
    assert [year.year for year in store.loaded()] == [2027]


def test_importing_a_year_again_replaces_it(tmp_path: Path) -> None:
    store = CalendarStore(tmp_path / "calendars")
    store.import_file(write_json(tmp_path / "a.json", TEST_2027))
    corrected = {**TEST_2027, "holidays": ["2027-01-01"], "source": "更正"}
    assert store.import_file(write_json(tmp_path / "b.json", corrected)).replaced is True
    assert store.work_calendar().is_workday(D("2027-01-02")) is False  # a plain Saturday
    assert store.work_calendar().source(2027) == "更正"
    assert [path.name for path in (tmp_path / "calendars").iterdir()] == ["2027.json"]


def test_a_file_never_overrides_a_builtin_year(tmp_path: Path) -> None:
    store = CalendarStore(tmp_path / "calendars")
    example = resource_path("calendars", "example-2026.json")
    with pytest.raises(CalendarFileRejected) as refusal:
        store.import_file(example)
    assert [problem.render("en") for problem in refusal.value.problems] == [
        "the official calendar of 2026 is built in (chinesecalendar 1.11.0) and is not "
        "replaced by a file; only years after 2026 can be loaded"
    ]
    assert not (tmp_path / "calendars").exists()
    bogus = OfficialYear(2026, "bogus", frozenset({D("2026-03-02")}), frozenset())
    assert WorkCalendar([bogus]).is_workday(D("2026-03-02")) is True
    assert WorkCalendar([bogus]).loaded_years == ()


def test_the_shipped_example_is_the_real_2026_calendar() -> None:
    data = json.loads(resource_path("calendars", "example-2026.json").read_text(encoding="utf-8"))
    example = official_year_from_dict(data)
    assert example.workdays == {
        D(f"2026-{day}") for day in ("01-04", "02-14", "02-28", "05-09", "09-20", "10-10")
    }
    for offset in range(365):
        day = date.fromordinal(D("2026-01-01").toordinal() + offset)
        assert example.is_workday(day) is BUILT_IN.is_workday(day), day


def refused(data: Any) -> list[str]:
    with pytest.raises(CalendarRejected) as refusal:
        official_year_from_dict(data)
    return [problem.render("en") for problem in refusal.value.problems]


def test_a_faulty_calendar_is_refused_with_every_fault_named() -> None:
    assert refused(
        {
            "year": 2027,
            "source": " ",
            "holidays": ["2027-01-01", "2027-02-30", "2028-01-01", "2027-01-01", "20270105", 7],
            "workdays": ["2027-01-09", "2027-01-11", "2027-01-01"],
            "note": "x",
        }
    ) == [
        "unknown field note; the fields are year, source, holidays and workdays",
        "source must name the official notice the dates are taken from",
        "holidays: '2027-02-30' is not a date written as YYYY-MM-DD",
        "holidays: 2028-01-01 is not in 2027",
        "holidays: 2027-01-01 is listed twice",
        "holidays: '20270105' is not a date written as YYYY-MM-DD",
        "holidays: 7 is not a date written as YYYY-MM-DD",
        "workdays: 2027-01-01 is a Monday to Friday, a working day anyway; "
        "a make-up working day must be a Saturday or Sunday",
        "workdays: 2027-01-11 is a Monday to Friday, a working day anyway; "
        "a make-up working day must be a Saturday or Sunday",
        "2027-01-01 is listed both as a holiday and as a make-up working day",
    ]


def test_missing_and_mistyped_fields_are_named() -> None:
    assert refused({}) == [
        "year is missing",
        "source must name the official notice the dates are taken from",
        "holidays is missing",
        "workdays is missing",
    ]
    assert refused({"year": "2027", "source": "通知", "holidays": [], "workdays": "none"}) == [
        "year must be a whole number from 2000 to 2099, not '2027'",
        "workdays must be a list of dates written as YYYY-MM-DD",
        "holidays must list at least one day off",
    ]
    assert refused({**TEST_2027, "year": True})[0] == (
        "year must be a whole number from 2000 to 2099, not True"
    )
    assert refused([TEST_2027]) == [
        "the file must hold one JSON object with the fields year, source, holidays and workdays"
    ]


def test_unreadable_files_are_refused_and_nothing_is_stored(tmp_path: Path) -> None:
    store = CalendarStore(tmp_path / "calendars")
    broken = tmp_path / "broken.json"
    broken.write_text('{"year": 2027,\n "source": }', encoding="utf-8")
    gbk_file = tmp_path / "gbk_file.json"
    gbk_file.write_bytes('{"source": "节假日安排"}'.encode("gbk"))
    cases = {
        broken: "the file is not valid JSON: Expecting value (line 2)",
        gbk_file: "the file is not UTF-8 text",
        tmp_path / "missing.json": "the file cannot be read: No such file or directory",
    }
    for path, problem in cases.items():
        with pytest.raises(CalendarFileRejected) as refusal:
            store.import_file(path)
        assert refusal.value.render("en").startswith(f"{path} was refused with 1 problem(s)")
        assert [p.render("en") for p in refusal.value.problems] == [problem]
    assert store.loaded() == []


def test_a_damaged_stored_calendar_stops_the_clock_loudly(tmp_path: Path) -> None:
    folder = tmp_path / "calendars"
    folder.mkdir()
    (folder / "2027.json").write_text('{"year": 2027}', encoding="utf-8")
    with pytest.raises(StoredCalendarBroken) as refusal:
        CalendarStore(folder).work_calendar()
    assert "2027.json cannot be read" in refusal.value.render("en")


def test_paused_days_do_not_count() -> None:
    # 09-29 and 09-30 paused: 10-08, 10-09, Sat 10-10, 10-12, 10-13.
    assert deadline("2026-09-28", 5, ("2026-09-29", "2026-09-30")).deadline == D("2026-10-13")
    # A pause over days off changes nothing.
    assert deadline("2026-09-28", 5, ("2026-10-01", "2026-10-07")).deadline == D("2026-10-10")
    # A pause may start on the acceptance day: 09-30, 10-08, 10-09, 10-10, 10-12.
    assert deadline("2026-09-28", 5, ("2026-09-28", "2026-09-29")).deadline == D("2026-10-12")
    # Overlapping pauses are one long pause (09-29 – 10-09): 10-10, 10-12 … 10-15.
    overlapping = deadline(
        "2026-09-28", 5, ("2026-09-30", "2026-10-09"), ("2026-09-29", "2026-09-30")
    )
    assert overlapping.deadline == D("2026-10-15")
    assert [pause.start for pause in overlapping.pauses] == [D("2026-09-29"), D("2026-09-30")]
    # A pause after the deadline does not move it.
    assert deadline("2026-09-28", 5, ("2026-10-12", "2026-10-16")).deadline == D("2026-10-10")


def test_impossible_days_and_pauses_are_refused() -> None:
    messages = []
    for days, pauses in [
        (-1, ()),
        (1001, ()),
        (True, ()),
        (5, (("2026-10-09", "2026-10-08"),)),
        (5, (("2026-09-27", "2026-09-29"),)),
    ]:
        with pytest.raises(ClockInputError) as refusal:
            deadline("2026-09-28", days, *pauses)
        messages.append(refusal.value.render("en"))
    assert messages == [
        "The promised time limit must be a whole number of working days from 0 to 1000, not -1",
        "The promised time limit must be a whole number of working days from 0 to 1000, not 1001",
        "The promised time limit must be a whole number of working days from 0 to 1000, not True",
        "A pause cannot end (2026-10-08) before it starts (2026-10-09)",
        "A pause cannot start (2026-09-27) before the case was accepted (2026-09-28)",
    ]


@pytest.mark.parametrize(
    ("today", "level", "left"),
    [
        ("2026-09-28", Level.NORMAL, 5),
        ("2026-09-30", Level.NORMAL, 3),  # 10-08, 10-09, 10-10 remain
        ("2026-10-05", Level.NORMAL, 3),  # during the holiday
        ("2026-10-08", Level.NORMAL, 2),
        ("2026-10-09", Level.DUE_SOON, 1),
        ("2026-10-10", Level.DUE_SOON, 0),  # the deadline day
        ("2026-10-11", Level.OVERDUE, 0),  # a Sunday: no working day has passed yet
        ("2026-10-13", Level.OVERDUE, -2),
    ],
)
def test_traffic_light(today: str, level: Level, left: int) -> None:
    status = deadline_status(deadline("2026-09-28", 5), D(today), calendar=BUILT_IN)
    assert (status.level, status.working_days_left, status.provisional) == (level, left, False)


def test_traffic_light_labels_and_warning_width() -> None:
    due = deadline("2026-09-28", 5)
    wide = deadline_status(due, D("2026-09-30"), calendar=BUILT_IN, warn_days=4)
    assert (wide.level, wide.label.render("en")) == (Level.DUE_SOON, "Due soon")
    never = deadline_status(due, D("2026-10-10"), calendar=BUILT_IN, warn_days=0)
    assert never.label.render("en") == "On time"

    provisional = deadline_status(deadline("2026-12-28", 5), D("2026-12-28"), calendar=BUILT_IN)
    assert (provisional.working_days_left, provisional.provisional) == (5, True)
    assert provisional.label.render("en") == "On time (provisional)"
    # A final deadline checked on a day in an unknown year: 01-01 (assumed) and 01-04 passed.
    late = deadline_status(deadline("2026-12-30", 1), D("2027-01-04"), calendar=BUILT_IN)
    assert (late.level, late.working_days_left, late.provisional) == (Level.OVERDUE, -2, True)
    assert late.label.render("en") == "Overdue (provisional)"


def test_recompute_after_loading_a_calendar(tmp_path: Path) -> None:
    clocks = [
        OpenClock("a", D("2026-12-28"), 5),
        OpenClock("b", D("2026-09-28"), 5, (Pause(D("2026-09-29"), D("2026-09-30")),)),
        OpenClock("c", D("2026-12-31"), 0),
    ]
    before = recompute_deadlines(clocks, calendar=BUILT_IN)
    assert {key: (d.deadline, d.provisional) for key, d in before.items()} == {
        "a": (D("2027-01-04"), True),
        "b": (D("2026-10-13"), False),
        "c": (D("2026-12-31"), False),
    }
    store = CalendarStore(tmp_path / "calendars")
    store.import_file(write_json(tmp_path / "2027.json", TEST_2027))
    after = recompute_deadlines(clocks, calendar=store.work_calendar())
    assert after["a"].deadline == D("2027-01-05")
    assert after["a"].provisional is False
    assert after["b"] == before["b"]
    assert after["c"] == before["c"]


def test_dates_are_shown_in_the_language_of_the_desk() -> None:
    assert date_message(D("2026-10-01")).render("en") == "2026-10-01"


@pytest.mark.parametrize(
    ("days", "due"),
    [
        (0, date(2026, 9, 28)),
        (2, date(2026, 9, 30)),
        (3, date(2026, 10, 8)),
        (7, date(2026, 10, 10)),
    ],
)
def test_a_gap_supplement_deadline_counts_working_days_up_to_the_committed_one(
    days: int, due: date
) -> None:
    """Accepted Monday 09-28: 国庆 from 10-01 to 10-07; 10-10, a Saturday, is a working day."""
    committed = date(2026, 10, 10)
    assert supplement_deadline(date(2026, 9, 28), days, committed, calendar=WorkCalendar()) == due
