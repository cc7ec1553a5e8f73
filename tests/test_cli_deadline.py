"""``clerk-desk deadline`` and ``clerk-desk calendar …`` as a user runs them, on real files.

Expected dates come from the official 2026 calendar (see tests/test_legal_clock.py): National
Day 10-01 – 10-07 off, Sat 10-10 a make-up working day. The 2027 file is invented test data.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_desk import cli
from clerk_desk.resources import resource_path

TEST_2027 = {
    "year": 2027,
    "source": "测试用2027年节假日安排（虚构）",
    "holidays": ["2027-01-01", "2027-01-02", "2027-01-03"],
    "workdays": ["2027-01-09"],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def desk_args(tmp_path: Path) -> list[str]:
    return ["--data-dir", str(tmp_path / "desk"), "--lang", "en"]


def test_deadline_as_json(capsys: pytest.CaptureFixture[str], desk_args: list[str]) -> None:
    # 09-29, 09-30, (国庆 10-01 – 10-07 off), 10-08, 10-09, Sat 10-10 (调休): the 5th day.
    code, out, err = run(
        capsys, "deadline", "--from", "2026-09-28", "--days", "5", "--json", *desk_args
    )
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "deadline": "2026-10-10",
        "provisional": False,
        "accepted_on": "2026-09-28",
        "working_days": 5,
        "unknown_years": [],
        "calendar_source": "chinesecalendar 1.11.0",
        "pauses": [],
    }


def test_deadline_as_a_sentence(capsys: pytest.CaptureFixture[str], desk_args: list[str]) -> None:
    code, out, _ = run(capsys, "deadline", "--from", "2026-09-28", "--days", "5", *desk_args)
    assert (code, out) == (
        0,
        "Committed deadline: 2026-10-10 (5 working days after 2026-09-28; weekends, statutory "
        "holidays and make-up working days taken into account)\n",
    )
    code, out, _ = run(capsys, "deadline", "--from", "2026-10-01", "--days", "0", *desk_args)
    assert out == "Committed deadline: 2026-10-01 (即办件, decided the same day)\n"
    code, out, _ = run(
        capsys,
        "deadline",
        "--from",
        "2026-09-28",
        "--days",
        "5",
        "--pause",
        "2026-09-29/2026-09-30",
        *desk_args,
    )
    assert out.splitlines() == [
        "Committed deadline: 2026-10-13 (5 working days after 2026-09-28; weekends, statutory "
        "holidays and make-up working days taken into account)",
        "Not counted (special procedure): 2026-09-29 to 2026-09-30",
    ]


def test_provisional_until_the_year_is_imported(
    capsys: pytest.CaptureFixture[str], desk_args: list[str], tmp_path: Path
) -> None:
    asked = ["deadline", "--from", "2026-12-28", "--days", "5", *desk_args]
    code, out, _ = run(capsys, *asked)
    assert (code, out) == (
        0,
        "Provisional deadline: 2027-01-04. The official calendar of 2027 is not known to this "
        "desk, so only weekends were skipped there; load it with: clerk-desk calendar import "
        "FILE\n",
    )
    assert json.loads(run(capsys, *asked, "--json")[1])["unknown_years"] == [2027]

    source = tmp_path / "2027.json"
    source.write_text(json.dumps(TEST_2027, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "calendar", "import", str(source), *desk_args)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Loaded the official calendar of 2027 from {source}: 3 holidays, "
        "1 make-up working days (测试用2027年节假日安排（虚构）)",
        "Deadlines that reach 2027 are no longer provisional from now on",
        "Recomputed the committed deadline of 0 case(s)",
    ]
    stored = tmp_path / "desk" / "calendars" / "2027.json"
    assert json.loads(stored.read_text(encoding="utf-8")) == TEST_2027

    result = json.loads(run(capsys, *asked, "--json")[1])
    assert (result["deadline"], result["provisional"]) == ("2027-01-05", False)

    code, out, _ = run(capsys, "calendar", "import", str(source), *desk_args)
    assert out.startswith("Replaced the calendar of 2027 with ")


def test_calendar_list(
    capsys: pytest.CaptureFixture[str], desk_args: list[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "calendar", "list", *desk_args)
    assert (code, out.splitlines()[2]) == (0, "2004–2026  built in  chinesecalendar 1.11.0")
    assert len(out.splitlines()) == 3

    source = tmp_path / "2027.json"
    source.write_text(json.dumps(TEST_2027, ensure_ascii=False), encoding="utf-8")
    run(capsys, "calendar", "import", str(source), *desk_args)
    code, out, _ = run(capsys, "calendar", "list", "--json", *desk_args)
    listed = json.loads(out)
    assert [entry["year"] for entry in listed] == [*range(2004, 2027), 2027]
    assert listed[0] == {
        "year": 2004,
        "origin": "builtin",
        "source": "chinesecalendar 1.11.0",
        "in_use": True,
    }
    assert listed[-1] == {
        "year": 2027,
        "origin": "loaded",
        "source": "测试用2027年节假日安排（虚构）",
        "in_use": True,
        "holidays": 3,
        "workdays": 1,
        "file": str(tmp_path / "desk" / "calendars" / "2027.json"),
    }
    code, out, _ = run(capsys, "calendar", "list", *desk_args)
    assert out.splitlines()[3] == "2027       loaded    测试用2027年节假日安排（虚构）"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--from", "2026-09-28", "--days", "-1"],
            "The promised time limit must be a whole number of working days from 0 to 1000, not -1",
        ),
        (
            ["--from", "2026-13-01", "--days", "5"],
            "'2026-13-01' is not a date; write it as YYYY-MM-DD, e.g. 2026-09-28",
        ),
        (
            ["--from", "2026-09-28", "--days", "abc"],
            "--days must be a whole number of working days (0 for 即办件), not 'abc'",
        ),
        (
            ["--from", "28.09.2026", "--days", "5"],
            "'28.09.2026' is not a date; write it as YYYY-MM-DD, e.g. 2026-09-28",
        ),
        (
            ["--from", "2026-09-28", "--days", "5", "--pause", "2026-09-29"],
            "--pause takes START/END, e.g. 2026-10-12/2026-10-16, not '2026-09-29'",
        ),
        (
            ["--from", "2026-09-28", "--days", "5", "--pause", "2026-09-27/2026-09-29"],
            "A pause cannot start (2026-09-27) before the case was accepted (2026-09-28)",
        ),
    ],
)
def test_bad_input_is_refused_with_exit_2(
    capsys: pytest.CaptureFixture[str], desk_args: list[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "deadline", *argv, *desk_args)
    assert (code, out, err) == (2, "", f"Error: {message}\n")


def test_a_faulty_calendar_file_is_refused_whole(
    capsys: pytest.CaptureFixture[str], desk_args: list[str], tmp_path: Path
) -> None:
    source = tmp_path / "2027.json"
    faulty = {**TEST_2027, "holidays": ["2027-01-01", "2026-12-31"], "workdays": ["2027-01-01"]}
    source.write_text(json.dumps(faulty), encoding="utf-8")
    code, out, err = run(capsys, "calendar", "import", str(source), *desk_args)
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"Error: {source} was refused with 3 problem(s); no calendar was loaded. "
        "Fix these in the file and import it again:",
        "  - holidays: 2026-12-31 is not in 2027",
        "  - workdays: 2027-01-01 is a Monday to Friday, a working day anyway; "
        "a make-up working day must be a Saturday or Sunday",
        "  - 2027-01-01 is listed both as a holiday and as a make-up working day",
    ]
    assert not (tmp_path / "desk" / "calendars").exists()

    example = resource_path("calendars", "example-2026.json")
    code, _, err = run(capsys, "calendar", "import", str(example), *desk_args)
    assert code == 2
    assert "the official calendar of 2026 is built in" in err


def test_the_installed_command_exits_2_on_bad_input(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "clerk_desk", "deadline", "--data-dir", str(tmp_path)]
    done = subprocess.run(
        [*command, "--from", "2026-09-28", "--days", "x", "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert "--days must be a whole number" in done.stderr
    done = subprocess.run(
        [*command, "--from", "2026-09-28", "--days", "5", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, json.loads(done.stdout)["deadline"]) == (0, "2026-10-10")
