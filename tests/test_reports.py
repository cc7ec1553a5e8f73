"""The supervisor's figures: every figure equals a count made independently from the cases,
events and contacts; every breakdown adds up; bad periods are refused with a message; a report
made while another process writes is one consistent state."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from case_factory import Clock, make_case
from report_helpers import (
    EVENING,
    Hall,
    assert_counts,
    busy_days,
    expected_counts,
    expected_ratings,
    lead_department,
    lived_desk,
    load_hall,
    window_of,
)

from clerk_desk.desk import Desk
from clerk_desk.domain.ratings import RatingLevel
from clerk_desk.domain.report import Dimension, ReportPeriodError, parse_day
from local_cache.migrate import alembic_config, upgrade_to_head

NOW = EVENING
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def lived(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Iterator[Desk]:
    """160 demo cases over the three weeks before NOW, lived through review and output."""
    desk = lived_desk(tmp_path_factory.mktemp("reports") / "desk", demo_template, 160, 15)
    yield desk
    desk.close()


@pytest.fixture(scope="module")
def hall(lived: Desk) -> Hall:
    return load_hall(lived)


def test_every_total_of_every_day_equals_an_independent_count(lived: Desk, hall: Hall) -> None:
    days = busy_days(hall)
    assert len(days) >= 10
    for day in days:
        totals = lived.reports.report(day, day, "陈静").to_json()["totals"]
        assert_counts(totals, expected_counts(hall, day)["all"])
        assert_counts(totals["ratings"], expected_ratings(lived, day))
    # The days are not all alike: the check above compared real numbers.
    received = [lived.reports.report(d, d, "陈静").totals.cases.received for d in days]
    assert sum(received) > 100 and len(set(received)) > 3


@pytest.mark.parametrize(
    ("dimension", "key_of"),
    [
        (Dimension.WINDOW, lambda case: str(window_of(case))),
        (Dimension.CLERK, lambda case: case.created_by),
        (Dimension.DEPARTMENT, lead_department),
        (Dimension.ITEM, lambda case: case.items[0].basic_code),
    ],
)
def test_each_breakdown_row_equals_an_independent_count(
    lived: Desk, hall: Hall, dimension: Dimension, key_of: object
) -> None:
    day = busy_days(hall)[-3]
    report = lived.reports.report(day, day, "陈静").to_json()
    by_actor = dimension is Dimension.CLERK
    expected = expected_counts(hall, day, key_of, by_actor=by_actor)  # type: ignore[arg-type]
    rows = report["breakdowns"][str(dimension)]
    assert rows
    for row in rows:
        cases = {k: v for k, v in row.items() if k != "ratings"}
        assert_counts(cases, expected.get(row["key"], Counter()))
    busy = {key for key, counts in expected.items() if +counts}
    assert {row["key"] for row in rows} >= busy


def test_breakdowns_add_up_to_the_totals(lived: Desk, hall: Hall) -> None:
    days = busy_days(hall)
    report = lived.reports.report(days[0], days[-1], "陈静").to_json()
    totals = report["totals"]
    for dimension in Dimension:
        rows = report["breakdowns"][str(dimension)]
        for key in ("received", "accepted", "decided", "delivered", "notified_missing"):
            assert sum(row[key] for row in rows) == totals[key], (dimension, key)
        for key in ("contacts", "非常满意", "unrated"):
            assert sum(row["ratings"][key] for row in rows) == totals["ratings"][key]
    # The days of a range add up to it too.
    assert sum(day["received"] for day in report["days"]) == totals["received"]
    assert sum(report["received_by_hour"]) == totals["received"]
    # Ratings: every contact ended in exactly one place.
    ratings = totals["ratings"]
    buckets = [*(str(level) for level in RatingLevel), "struck", "unrated", "waiting"]
    assert sum(ratings[key] for key in buckets) == ratings["contacts"] > 0


def test_a_range_equals_the_sum_of_its_days(lived: Desk, hall: Hall) -> None:
    days = busy_days(hall)[-5:]
    whole = lived.reports.report(days[0], days[-1], "陈静").totals.cases
    summed = Counter[str]()
    for day in days:
        figures = lived.reports.report(day, day, "陈静").totals.cases.to_json()
        summed.update({k: v for k, v in figures.items() if isinstance(v, int)})
    # Days between the busy days (a weekend) had no business: the busy days are the range.
    counts = {k: v for k, v in whole.to_json().items() if isinstance(v, int)}
    assert counts == {key: summed[key] for key in counts}
    assert counts["received"] > 0


def test_the_overdue_list_holds_the_open_cases_past_their_deadline(lived: Desk, hall: Hall) -> None:
    day = NOW.date()
    report = lived.reports.report(day, day, "陈静")
    expected = {
        case.case_no
        for case in hall.cases
        if case.accepted_on is not None
        and case.concluded_at is None
        and str(case.state) != "closed"
        and case.committed_deadline is not None
        and case.committed_deadline < day
    }
    assert expected
    assert {case.case_no for case in report.overdue} == expected
    assert all(case.working_days_over >= 1 for case in report.overdue)
    hall_now = lived.reports.hall(day)
    assert {case.case_no for case in hall_now.overdue} == expected
    assert all(case.working_days_left >= 0 for case in hall_now.due_soon)


def test_a_past_day_lists_what_was_overdue_then(lived: Desk, hall: Hall) -> None:
    """A case concluded late was on the overdue list of the days before it was concluded."""
    late = next(
        case
        for case in hall.cases
        if case.concluded_at is not None
        and case.committed_deadline is not None
        and case.concluded_at.date() > case.committed_deadline + timedelta(days=1)
    )
    assert late.committed_deadline is not None and late.concluded_at is not None
    then = late.concluded_at.date() - timedelta(days=1)
    listed = {case.case_no for case in lived.reports.report(then, then, "陈静").overdue}
    assert late.case_no in listed
    after = {case.case_no for case in lived.reports.report(NOW.date(), NOW.date(), "").overdue}
    assert late.case_no not in after


def test_an_empty_day_gives_an_empty_report(lived: Desk) -> None:
    sunday = date(2026, 10, 4)  # before any demo case
    report = lived.reports.report(sunday, sunday, "陈静")
    data = report.to_json()
    assert data["date"] == "2026-10-04"
    assert data["totals"]["received"] == 0 and data["totals"]["ratings"]["unrated"] == 0
    assert data["totals"]["on_time_rate"] is None
    assert all(rows == [] for rows in data["breakdowns"].values())
    # Every department of the catalog had no business that day.
    assert len(data["idle_departments"]) == len({i.department for i in lived.catalog.items()})
    json.dumps(data)


def test_a_busy_day_names_the_departments_without_business(lived: Desk, hall: Hall) -> None:
    day = busy_days(hall)[-2]
    report = lived.reports.report(day, day, "陈静")
    busy = {row.key for row in report.breakdowns[Dimension.DEPARTMENT]}
    all_departments = {item.department for item in lived.catalog.items()}
    assert set(report.idle_departments) == all_departments - busy
    assert not set(report.idle_departments) & busy


def test_the_previous_period_is_the_one_just_before(lived: Desk, hall: Hall) -> None:
    day = busy_days(hall)[-1]
    before = day - timedelta(days=1)
    report = lived.reports.report(day, day, "陈静")
    assert report.previous.cases == lived.reports.report(before, before, "").totals.cases


@pytest.mark.parametrize(
    ("start", "end", "says_en", "says_zh"),
    [
        (date(2026, 11, 20), date(2026, 11, 1), "swap the dates", "对调"),
        (date(2025, 1, 1), date(2026, 11, 1), "at most 366 days", "366"),
        (date(2026, 12, 1), date(2026, 12, 2), "has not come yet", "2026-12-01"),
    ],
)
def test_a_bad_period_is_refused_with_what_to_fix(
    lived: Desk, start: date, end: date, says_en: str, says_zh: str
) -> None:
    with pytest.raises(ReportPeriodError) as refused:
        lived.reports.report(start, end, "陈静")
    assert says_en in refused.value.render("en")
    assert says_zh in refused.value.render("zh_CN")


def test_a_typed_date_must_be_a_date() -> None:
    assert parse_day(" 2026-11-20 ") == date(2026, 11, 20)
    for text in ("2026-13-01", "20.11.2026", "", "明天"):
        with pytest.raises(ReportPeriodError) as refused:
            parse_day(text)
        assert "YYYY-MM-DD" in refused.value.render("en")


def test_unmatched_searches_keep_the_text_only_and_never_numbers(lived: Desk) -> None:
    assert lived.reports.record_unmatched_search("  养犬   登记 ", 3)
    assert lived.reports.record_unmatched_search("养犬 登记", 5)
    assert lived.reports.record_unmatched_search("电动自行车上牌", 3)
    # An ID or phone number typed into the item search is personal data: never kept.
    assert not lived.reports.record_unmatched_search("340104199005010012", 3)
    assert not lived.reports.record_unmatched_search("13812345678", 3)
    assert not lived.reports.record_unmatched_search("   ", 3)
    gaps = lived.reports.unmatched_searches(NOW.date(), NOW.date())
    assert [(gap.text, gap.count) for gap in gaps] == [("养犬 登记", 2), ("电动自行车上牌", 1)]
    assert lived.reports.unmatched_searches(date(2026, 11, 1), date(2026, 11, 19)) == []


def test_an_upgraded_desk_counts_the_cases_it_already_held(
    tmp_path: Path, demo_template: Path
) -> None:
    """Migration 0011 fills the facts of the cases stored before it."""
    root = tmp_path / "desk"
    shutil.copytree(demo_template, root)
    desk = Desk.open(root, demo_mode=True, clock=Clock(NOW))
    make_case(desk, clock=Clock(NOW), accept_by="clerk")
    before = desk.reports.report(NOW.date(), NOW.date(), "").to_json()["totals"]
    assert before["received"] == before["accepted"] == 1
    from alembic import command

    command.downgrade(alembic_config(desk.database), "0010")
    upgrade_to_head(desk.database)
    after = desk.reports.report(NOW.date(), NOW.date(), "").to_json()["totals"]
    assert after == before
    desk.close()


WRITER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from case_factory import make_case
    from clerk_desk.desk import Desk
    desk = Desk.open({root!r}, demo_mode=True)
    print("ready", flush=True)
    end = time.monotonic() + 6
    made = 0
    while time.monotonic() < end:
        make_case(desk, accept_by="clerk")
        made += 1
    print(made, flush=True)
    desk.close()
    """
)


def test_a_report_made_while_another_process_writes_is_one_state(
    tmp_path: Path, demo_template: Path
) -> None:
    """Each accepted case writes its submit and accept events and opens its intake contact
    in one transaction; a report reading them in one transaction sees the three agree."""
    root = tmp_path / "desk"
    shutil.copytree(demo_template, root)
    desk = Desk.open(root, demo_mode=True)
    with subprocess.Popen(
        [sys.executable, "-c", WRITER.format(tests=str(ROOT / "tests"), root=str(root))],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    ) as writer:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        seen = set()
        deadline = time.monotonic() + 30
        while writer.poll() is None and time.monotonic() < deadline:
            today = desk.clock().date()
            totals = desk.reports.report(today, today, "").to_json()["totals"]
            assert totals["received"] == totals["accepted"] == totals["ratings"]["contacts"]
            seen.add(totals["received"])
        made = int(writer.stdout.readline())
        assert writer.wait(10) == 0
    assert made > 5 and len(seen) > 3  # the reports really ran while cases were written
    desk.close()


def test_without_comparison_the_figures_are_the_same(lived: Desk, hall: Hall) -> None:
    """The dashboard's 今日 reads only what it shows: the same figures, nothing before."""
    day = busy_days(hall)[-1]
    whole = lived.reports.report(day, day, "陈静")
    light = lived.reports.report(day, day, "陈静", compare=False)
    assert light.totals == whole.totals and light.breakdowns == whole.breakdowns
    assert whole.previous.cases.received > 0
    assert light.previous.cases.received == 0 and light.overdue == []
