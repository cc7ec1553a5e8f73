"""``clerk-desk proxy list / show``: 代办 records for scripts and people."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from case_factory import CLERK, FOOD_LICENCE, SEAL_FILING, Clock, person, proxy_service, write_pdf

from clerk_desk import cli
from clerk_desk.desk import Desk
from clerk_desk.domain.case import Case
from clerk_desk.domain.followups import CallbackOutcome
from clerk_desk.domain.proxy import ProxyRecord
from clerk_desk.domain.roles import Clerk, Role

MONDAY = datetime(2026, 9, 28, 9, 30)
STAFF = Clerk("clerk", "张晓燕", (Role.INTAKE_CLERK,), "", "A0101")


def run(capsys: pytest.CaptureFixture[str], desk: Desk, *argv: str) -> tuple[int, str, str]:
    code = cli.main(
        ["proxy", *argv, "--demo", "--data-dir", str(desk.data_dir.root), "--lang", "en"]
    )
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@dataclass(frozen=True)
class Records:
    waiting: ProxyRecord  # opened, the signed authorisation not scanned yet
    paused: ProxyRecord  # with a case, paused
    done: ProxyRecord  # terminated and called back
    case: Case


@pytest.fixture
def records(demo_desk: Desk, tmp_path: Path) -> Records:
    clock = Clock(MONDAY)
    proxies = proxy_service(demo_desk, clock)
    done = proxies.open(person("赵刚", 3), "公章刻制", [SEAL_FILING], STAFF)
    proxies.terminate(done.uuid, CLERK, "申请人改为本人办理")
    done = proxies.call_back(done.uuid, CLERK, CallbackOutcome.SATISFIED, "满意")
    clock.now = MONDAY + timedelta(minutes=10)
    paused = proxies.open(person("王秀英", 1), "办理食品经营许可", [FOOD_LICENCE], STAFF)
    proxies.attach_authorisation(paused.uuid, write_pdf(tmp_path, "委托书.pdf"), CLERK)
    case = proxies.start_case(paused.uuid, [], STAFF)
    paused = proxies.pause(paused.uuid, "等待申请人补充房产证明", CLERK, date(2026, 10, 9))
    clock.now = MONDAY + timedelta(minutes=20)
    waiting = proxies.open(person("李娜", 2), "办理公章刻制备案", [SEAL_FILING], STAFF)
    return Records(waiting, paused, done, case)


def test_list_json_gives_the_unfinished_soonest_due_first(
    demo_desk: Desk, records: Records, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, demo_desk, "list", "--json")
    assert (code, err) == (0, "")
    listed = json.loads(out)
    assert [r["number"] for r in listed] == [records.waiting.number, records.paused.number]
    waiting, paused = listed
    assert (waiting["next_step"], waiting["next_due"]) == ("scan_authorisation", "2026-09-28")
    assert waiting["overdue"] is (date(2026, 9, 28) < date.today())
    assert waiting["applicant"]["name"] == "李娜"
    assert "*" in waiting["applicant"]["id_number"] and "*" in waiting["applicant"]["phone"]
    assert (paused["state"], paused["next_step"]) == ("paused", "resume_or_end")
    assert paused["pause_reason"] == "等待申请人补充房产证明"
    assert paused["authorisation"]["name"] == "委托书.pdf"
    assert [(c["uuid"], c["state"], c["items"]) for c in paused["cases"]] == [
        (records.case.uuid, "draft", [FOOD_LICENCE])
    ]

    everything = json.loads(run(capsys, demo_desk, "list", "--all", "--json")[1])
    assert [r["number"] for r in everything] == [
        records.waiting.number,
        records.paused.number,
        records.done.number,
    ]
    done = everything[2]
    assert (done["state"], done["next_step"], done["callback"]["outcome"]) == (
        "terminated",
        "none",
        "satisfied",
    )


def test_list_as_a_table(
    demo_desk: Desk, records: Records, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, demo_desk, "list")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == [
        "代办",
        "number",
        "State",
        "Applicant",
        "Matters",
        "Next",
        "step",
        "Due",
    ]
    assert len(lines) == 4
    assert lines[2].startswith(records.waiting.number)
    assert "李*" in lines[2] and "办理公章刻制备案" in lines[2]
    assert "王**" in lines[3] and "2026-10-09" in lines[3]


def test_show_as_json_and_as_sentences(
    demo_desk: Desk, records: Records, capsys: pytest.CaptureFixture[str]
) -> None:
    number = records.paused.number
    code, out, err = run(capsys, demo_desk, "show", number.lower(), "--json")
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert (shown["uuid"], shown["next_due"]) == (records.paused.uuid, "2026-10-09")
    assert [s["kind"] for s in shown["steps"]] == ["opened", "authorised", "case_started", "paused"]

    code, out, _ = run(capsys, demo_desk, "show", number)
    assert code == 0
    assert f"代办 number: {number}" in out
    assert "Matters: 办理食品经营许可" in out
    assert "Items: 食品经营许可（新办）（000142130101）" in out
    assert "Authorisation: 委托书.pdf" in out
    assert "等待申请人补充房产证明" in out.splitlines()[-1]
    assert out.splitlines()[-2].endswith("草稿")  # the case started, named by its number


def test_an_unknown_number_is_refused(demo_desk: Desk, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, demo_desk, "show", "DB20260928-03-999")
    assert (code, out) == (2, "")
    assert err == "Error: This desk has no 代办 record numbered DB20260928-03-999\n"
