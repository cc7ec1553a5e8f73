"""``clerk-desk report daily / range``: the 日报 for scripts (JSON), people (a table), paper
(PDF) and Excel; refusals said in one line, nothing half-written, the desk untouched."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from case_factory import CLERK, FOOD_LICENCE, SEAL_FILING, Clock, make_case
from cli_process import clerk_desk
from openpyxl import load_workbook

from clerk_desk import cli
from clerk_desk.desk import Desk
from ui import launcher

MONDAY = datetime(2026, 9, 28, 9, 30)  # a working Monday
TUESDAY = MONDAY + timedelta(days=1)


def pdftotext(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True
    )
    return done.stdout


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``clerk-desk ARGV`` in this process (the console script, which hands over the PDF
    writer)."""
    try:
        code = launcher.main(list(argv))
    except SystemExit as refused:  # argparse's own refusal of an argument
        code = int(refused.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def desk_dir(tmp_path: Path, demo_template: Path) -> Path:
    root = tmp_path / "desk"
    shutil.copytree(demo_template, root)
    return root


@pytest.fixture
def day_of_cases(desk_dir: Path) -> Iterator[dict[str, list[str]]]:
    """Monday: two food licences and a seal filing taken in and accepted at window 3, one food
    licence left a draft (never counted); Tuesday: one seal filing. The case numbers by day."""
    desk = Desk.open(desk_dir, demo_mode=True)
    clock = Clock(MONDAY)
    made: dict[str, list[str]] = {"monday": [], "tuesday": []}
    try:
        for minutes, codes in ((0, (FOOD_LICENCE,)), (20, (FOOD_LICENCE,)), (45, (SEAL_FILING,))):
            clock.now = MONDAY + timedelta(minutes=minutes)
            case = make_case(desk, codes, clock=clock, accept_by=CLERK)
            made["monday"].append(str(case.case_no))
        clock.now = MONDAY + timedelta(hours=2)
        make_case(desk, (FOOD_LICENCE,), clock=clock)  # a draft, never saved
        clock.now = TUESDAY
        case = make_case(desk, (SEAL_FILING,), clock=clock, accept_by=CLERK)
        made["tuesday"].append(str(case.case_no))
    finally:
        desk.close()
    yield made


def report_json(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> dict[str, object]:
    code, out, err = run(capsys, "report", *argv, "--json", "--demo", "--data-dir", str(root))
    assert (code, err) == (0, "")
    data: dict[str, object] = json.loads(out)
    return data


# Refusals ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["daily", "--date", "2026-13-01"], "2026-13-01"),
        (["daily", "--date", "昨天"], "昨天"),
        (["range", "--from", "2026-09-30", "--to", "2026-09-28"], "2026-09-28"),
        (["range", "--from", "2025-01-01", "--to", "2026-06-30"], "366"),
        (["daily", "--date", "2999-01-01"], "2999-01-01"),
    ],
)
def test_a_bad_period_is_refused_before_the_desk_opens(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], said: str
) -> None:
    root = tmp_path / "never-made"
    out_file = tmp_path / "日报.xlsx"
    code, out, err = run(
        capsys, "report", *argv, "--xlsx", str(out_file), "--demo", "--data-dir", str(root)
    )
    assert code == 2 and out == ""
    assert err.startswith("错误：") and said in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not root.exists()  # the data folder was not even made
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_refusals_speak_english_when_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys,
        "report",
        "range",
        "--from",
        "2026-09-30",
        "--to",
        "2026-09-28",
        "--lang",
        "en",
        "--data-dir",
        str(tmp_path / "d"),
    )
    assert code == 2
    assert err == (
        "Error: The period ends (2026-09-28) before it starts (2026-09-30): swap the dates.\n"
    )


def test_an_output_that_cannot_be_written_is_refused_before_any_work(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, desk_dir: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "旧.json").write_text("{}", encoding="utf-8")
    before = sorted(p.name for p in folder.iterdir())
    common = ["--demo", "--data-dir", str(desk_dir), "--lang", "en"]
    cases = [
        (["--xlsx", str(folder)], f"{folder} is a folder"),
        (["--pdf", str(folder / "missing" / "日报.pdf")], f"{folder / 'missing'} does not exist"),
        (["--xlsx", str(folder / "a.xlsx"), "--pdf", str(folder / "a.xlsx")], "named twice"),
    ]
    for extra, said in cases:
        code, out, err = run(capsys, "report", "daily", "--date", "2026-09-28", *extra, *common)
        assert code == 2 and out == "", extra
        assert said in err and "Traceback" not in err, err
    assert sorted(p.name for p in folder.iterdir()) == before


def test_python_m_clerk_desk_cli_says_a_pdf_needs_the_desk_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, desk_dir: Path
) -> None:
    argv = ["report", "daily", "--pdf", str(tmp_path / "日报.pdf"), "--lang", "en"]
    code = cli.main([*argv, "--demo", "--data-dir", str(desk_dir)])
    err = capsys.readouterr().err
    assert code == 2 and "run the clerk-desk command" in err
    assert not (tmp_path / "日报.pdf").exists()


def test_argparse_refuses_a_range_without_its_ends(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "report", "range", "--from", "2026-09-28")
    assert code == 2 and "--to" in err


# Reports of known days -------------------------------------------------------------------


def events_on(root: Path, day: str) -> dict[str, int]:
    """The case events of ``day``, counted straight from the desk's database."""
    with sqlite3.connect(root / "desk.sqlite3") as db:
        rows = db.execute(
            "SELECT event, count(*) FROM case_events WHERE date(at) = ? GROUP BY event", (day,)
        ).fetchall()
    return {str(event): int(count) for event, count in rows}


def test_the_json_of_a_known_day_counts_its_cases(
    capsys: pytest.CaptureFixture[str], desk_dir: Path, day_of_cases: dict[str, list[str]]
) -> None:
    report = report_json(capsys, desk_dir, "daily", "--date", "2026-09-28", "--by", "陈静")
    assert report["date"] == "2026-09-28" and "from" not in report
    assert report["made_by"] == "陈静"
    totals = report["totals"]
    assert isinstance(totals, dict)
    counted = events_on(desk_dir, "2026-09-28")
    assert totals["received"] == counted["submit"] == len(day_of_cases["monday"]) == 3
    assert totals["accepted"] == counted["accept"] == 3
    assert totals["accepted_with_gaps"] == totals["notified_missing"] == totals["rejected"] == 0
    assert totals["decided"] == totals["delivered"] == totals["assisted"] == 0
    ratings = totals["ratings"]
    assert set(ratings) >= {"非常满意", "满意", "基本满意", "不满意", "非常不满意", "unrated"}
    breakdowns = report["breakdowns"]
    assert isinstance(breakdowns, dict)
    for dimension in ("window_category", "window", "clerk", "department", "item"):
        assert sum(row["received"] for row in breakdowns[dimension]) == 3, dimension
    items = {row["label"]: row["received"] for row in breakdowns["item"]}
    assert sorted(items.values()) == [1, 2]
    assert report_json(capsys, desk_dir, "daily", "--date", "2026-09-29")["totals"]["received"] == 1


def test_a_range_and_an_empty_day(
    capsys: pytest.CaptureFixture[str], desk_dir: Path, day_of_cases: dict[str, list[str]]
) -> None:
    both = report_json(capsys, desk_dir, "range", "--from", "2026-09-28", "--to", "2026-09-29")
    assert (both["from"], both["to"]) == ("2026-09-28", "2026-09-29") and "date" not in both
    assert both["totals"]["received"] == 4
    assert [day["received"] for day in both["days"]] == [3, 1]

    empty = report_json(capsys, desk_dir, "daily", "--date", "2026-09-27")
    assert empty["date"] == "2026-09-27"
    assert all(value in (0, None) for key, value in empty["totals"].items() if key != "ratings")
    code, out, err = run(
        capsys, "report", "daily", "--date", "2026-09-27", "--demo", "--data-dir", str(desk_dir)
    )
    assert (code, err) == (0, "")
    assert "2026-09-27" in out and "合计" in out


def test_the_table_at_the_terminal(
    capsys: pytest.CaptureFixture[str], desk_dir: Path, day_of_cases: dict[str, list[str]]
) -> None:
    code, out, err = run(
        capsys, "report", "daily", "--date", "2026-09-28", "--demo", "--data-dir", str(desk_dir)
    )
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "日报 2026-09-28" in lines[0]
    header = lines[2].split()
    assert header[:4] == ["窗口", "收件", "受理", "容缺受理"]
    total = next(line for line in lines if line.startswith("合计")).split()
    assert total[1:3] == ["3", "3"]
    assert "超期" in out or "Overdue" in out


def test_the_console_script_writes_the_workbook_and_the_pdf_whole(
    tmp_path: Path, desk_dir: Path, day_of_cases: dict[str, list[str]]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    xlsx, pdf = out / "日报.xlsx", out / "日报.pdf"
    done = clerk_desk(
        "report", "daily", "--date", "2026-09-28", "--xlsx", str(xlsx), "--pdf", str(pdf),
        "--by", "陈静", "--demo", "--data-dir", str(desk_dir),
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [f"已写入：{xlsx}", f"已写入：{pdf}"] or (
        str(xlsx) in done.stdout and str(pdf) in done.stdout
    )
    book = load_workbook(xlsx)
    assert book.sheetnames
    text = pdftotext(pdf)
    assert "2026年09月28日" in text and "陈静" in text
    assert sorted(p.name for p in out.iterdir()) == ["日报.pdf", "日报.xlsx"]


def test_a_file_that_fails_while_written_leaves_none_of_them(
    tmp_path: Path, desk_dir: Path, day_of_cases: dict[str, list[str]]
) -> None:
    """The workbook is written, then the PDF fails (a folder where nothing can be made):
    neither is left, and a file of the same name keeps its old content."""
    out = tmp_path / "out"
    out.mkdir()
    xlsx = out / "日报.xlsx"
    xlsx.write_text("old", encoding="utf-8")
    done = clerk_desk(
        "report", "daily", "--date", "2026-09-28", "--xlsx", str(xlsx),
        "--pdf", "/proc/日报.pdf", "--demo", "--data-dir", str(desk_dir),
    )  # fmt: skip
    assert done.returncode == 2 and done.stdout == ""
    assert "/proc/日报.pdf" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in out.iterdir()) == ["日报.xlsx"]
    assert xlsx.read_text(encoding="utf-8") == "old"


def test_demo_data_days_agree_with_their_events(tmp_path: Path) -> None:
    """Demo cases over a week, made by the real command: each day's report counts what the
    events of that day say, and the week adds the days up."""
    root = tmp_path / "hall"
    made = clerk_desk("demo-data", "--cases", "60", "--days", "7", "--seed", "3", "--demo",
                      "--data-dir", str(root))  # fmt: skip
    assert made.returncode == 0, made.stderr
    with sqlite3.connect(root / "desk.sqlite3") as db:
        days = [str(d) for (d,) in db.execute("SELECT DISTINCT date(at) FROM case_events")]
    days.sort()
    done = clerk_desk("report", "range", "--from", days[0], "--to", days[-1], "--json",
                      "--demo", "--data-dir", str(root))  # fmt: skip
    assert done.returncode == 0, done.stderr
    week = json.loads(done.stdout)
    by_day = {day["date"]: day for day in week["days"]}
    for day in days:
        counted = events_on(root, day)
        figures = by_day[day]
        assert figures["received"] == counted.get("submit", 0), day
        assert figures["accepted_with_gaps"] == counted.get("accept_with_gaps", 0), day
        assert figures["notified_missing"] == counted.get("notify_missing", 0), day
        assert figures["rejected"] == counted.get("reject", 0), day
    for key in ("received", "accepted", "notified_missing", "rejected", "decided"):
        assert week["totals"][key] == sum(day[key] for day in week["days"]), key
