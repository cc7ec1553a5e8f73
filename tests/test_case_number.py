"""Case numbers: printable, checkable, unique across desks, never reused after a crash."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from datetime import date, datetime
from pathlib import Path

import pytest
from case_factory import CLERK, Clock, intake_service, make_case, person
from sqlalchemy import func, select

from clerk_desk.desk import Desk
from clerk_desk.domain.case_number import (
    CaseNumberError,
    display_case_no,
    is_valid_case_no,
    make_case_no,
    parse_case_no,
)
from clerk_desk.domain.case_states import CaseEvent
from clerk_desk.services.case_log import DeskPlace, record
from clerk_desk.services.intake import IntakeService
from local_cache.schema import CaseRecord

DAY = date(2026, 11, 28)
MORNING = datetime(2026, 11, 28, 9, 0)


def test_format_parts_and_check_character() -> None:
    number = make_case_no("340100", DAY, 3, 42)
    assert len(number) == 22
    assert number[:21] == "340100" + "20261128" + "003" + "0042"
    assert display_case_no(number) == f"340100-20261128-003-0042-{number[-1]}"
    parts = parse_case_no(display_case_no(number))
    assert parts is not None
    assert (parts.centre_code, parts.day, parts.window, parts.sequence) == ("340100", DAY, 3, 42)


def test_every_single_typo_and_neighbour_swap_is_caught() -> None:
    number = make_case_no("340100", DAY, 3, 42)
    assert is_valid_case_no(number)
    for position in range(21):
        for digit in "0123456789":
            if digit != number[position]:
                typo = number[:position] + digit + number[position + 1 :]
                assert not is_valid_case_no(typo), typo
        swapped = (
            number[:position] + number[position + 1] + number[position] + number[position + 2 :]
        )
        if swapped != number:
            assert not is_valid_case_no(swapped), swapped


def test_an_x_check_character_is_accepted_in_either_case() -> None:
    number = next(
        n for n in (make_case_no("340100", DAY, 3, s) for s in range(1, 100)) if n.endswith("X")
    )
    assert is_valid_case_no(number.lower())
    assert not is_valid_case_no(number[:-1] + "0")


@pytest.mark.parametrize(
    ("centre", "window", "sequence"),
    [("34010", 3, 1), ("340100", 0, 1), ("340100", 1000, 1), ("340100", 3, 10_000)],
)
def test_parts_out_of_range_are_refused(centre: str, window: int, sequence: int) -> None:
    with pytest.raises(CaseNumberError):
        make_case_no(centre, DAY, window, sequence)


def _accept(service: IntakeService, name: str = "李娜") -> str:
    case = service.accept(make_case(service, applicant=person(name)), CLERK)
    assert case.case_no is not None
    return case.case_no


def test_numbers_are_unique_and_in_sequence_per_window_and_day(demo_desk: Desk) -> None:
    clock = Clock(MORNING)
    service = intake_service(demo_desk, clock)
    first_day = [_accept(service) for _ in range(30)]
    clock.now = datetime(2026, 11, 29, 9, 0)
    next_day = _accept(service)
    assert len(set(first_day)) == 30
    assert [parse_case_no(n).sequence for n in first_day] == list(range(1, 31))  # type: ignore[union-attr]
    assert next_day == make_case_no("340100", date(2026, 11, 29), 3, 1)


def test_a_second_desk_process_on_the_same_data_continues_the_sequence(demo_desk: Desk) -> None:
    """Two Desk objects on one file (an old process still running, a restart): no duplicate."""
    clock = Clock(MORNING)
    before = [_accept(intake_service(demo_desk, clock)) for _ in range(3)]
    with Desk.open(demo_desk.data_dir.root, demo_mode=True) as second:
        during = [_accept(intake_service(second, clock)) for _ in range(3)]
    after = [_accept(intake_service(demo_desk, clock)) for _ in range(3)]
    numbers = before + during + after
    assert len(set(numbers)) == 9
    assert [parse_case_no(n).sequence for n in numbers] == list(range(1, 10))  # type: ignore[union-attr]


def test_a_failure_inside_the_transaction_leaves_no_case_and_no_gap(demo_desk: Desk) -> None:
    clock = Clock(MORNING)
    service = intake_service(demo_desk, clock)
    first = _accept(service)
    refused = make_case(service)
    with pytest.raises(RuntimeError), demo_desk.database.write() as session:
        record(
            session,
            refused,
            CaseEvent.SUBMIT,
            by=CLERK,
            at=clock(),
            place=DeskPlace.from_settings(demo_desk.settings),
        )
        raise RuntimeError("power cut")
    stored = service.case(refused.uuid)
    assert stored is not None and stored.case_no is None
    second = _accept(service)
    assert parse_case_no(second).sequence == parse_case_no(first).sequence + 1  # type: ignore[union-attr]


def test_a_killed_process_before_commit_reuses_nothing_visible(
    demo_desk: Desk, tmp_path: Path
) -> None:
    """kill -9 in the middle of a decision: after restart the number was never stored, and
    the next decision gets it; numbers committed before the kill stay taken."""
    root = demo_desk.data_dir.root
    clock = Clock(MORNING)
    committed = _accept(intake_service(demo_desk, clock))
    demo_desk.close()
    script = textwrap.dedent(
        f"""
        import os, signal
        from datetime import datetime
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from case_factory import CLERK, Clock, intake_service, make_case
        from clerk_desk.desk import Desk
        from clerk_desk.domain.case_states import CaseEvent
        from clerk_desk.services.case_log import DeskPlace, record

        desk = Desk.open({str(root)!r}, demo_mode=True)
        clock = Clock(datetime(2026, 11, 28, 9, 0))
        case = make_case(intake_service(desk, clock))
        with desk.database.write() as session:
            record(session, case, CaseEvent.SUBMIT, by=CLERK, at=clock(),
                   place=DeskPlace.from_settings(desk.settings))
            session.flush()
            print(case.case_no, flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    killed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert killed.returncode == -9
    shown_to_nobody = killed.stdout.strip()
    assert is_valid_case_no(shown_to_nobody)
    with Desk.open(root, demo_mode=True) as reopened:
        assert reopened.database.integrity_check() == []
        service = intake_service(reopened, clock)
        assert service.case_by_number(shown_to_nobody) is None
        assert service.case_by_number(committed) is not None
        assert _accept(service) == shown_to_nobody


def test_two_windows_of_one_centre_never_collide(demo_desk: Desk, tmp_path: Path) -> None:
    other_root = tmp_path / "window-4"
    shutil.copytree(demo_desk.data_dir.root, other_root)
    clock = Clock(MORNING)
    with Desk.open(other_root, demo_mode=True) as other:
        other.settings.update(window_number=4)
        theirs = {_accept(intake_service(other, clock)) for _ in range(5)}
    ours = {_accept(intake_service(demo_desk, clock)) for _ in range(5)}
    assert len(ours | theirs) == 10
    assert {parse_case_no(n).window for n in theirs} == {4}  # type: ignore[union-attr]


def test_a_fresh_desk_without_setup_issues_no_number(fresh_desk: Desk, demo_desk: Desk) -> None:
    fresh_desk.catalog.replace(demo_desk.catalog.items(), version="t", source="test")
    service = intake_service(fresh_desk, Clock(MORNING))
    case = make_case(service)
    with pytest.raises(CaseNumberError):
        service.accept(case, CLERK)
    with fresh_desk.database.read() as session:
        assert (
            session.scalar(
                select(func.count()).select_from(CaseRecord).where(CaseRecord.case_no.is_not(None))
            )
            == 0
        )
