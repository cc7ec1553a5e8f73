"""Pushing the outbox to the real sandbox platform over HTTP: cases, their files, and resends."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import requests
from case_factory import CLERK, FORM, Clock, intake_service, make_case, mark, write_pdf
from platform_fixtures import SandboxProcess
from sqlalchemy import select
from sync_helpers import PlatformView, platform_desk

from clerk_desk import cli
from clerk_desk.desk import Desk
from clerk_desk.domain.case import MaterialMark
from local_cache.schema import OutboxRow


def _files(desk: Desk, case_uuid: str) -> list[str]:
    case = desk.intake.case(case_uuid)
    assert case is not None
    return [f.sha256 for m in case.materials if m.name == FORM for f in m.files]


def test_an_accepted_case_with_a_file_reaches_the_platform_once(
    tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess
) -> None:
    desk = platform_desk(tmp_path / "desk", demo_template, sandbox_server.url)
    case = make_case(
        desk,
        clock=Clock(datetime.now()),
        attach=write_pdf(tmp_path / "files"),
        attach_to=FORM,
        accept_by=CLERK,
    )
    assert desk.sync.status().pending == 4  # submit, accept, its rating contact, route

    report = desk.sync.run_pass()

    platform = PlatformView(sandbox_server.url)
    view = platform.case(case.uuid)
    assert (view["case_no"], view["state"]) == (case.case_no, "in_review")
    assert [event["event"] for event in view["history"]] == ["submit", "accept", "route"]
    (sha256,) = _files(desk, case.uuid)
    assert platform.blob_sha256(sha256) == sha256
    assert report.pushed == 4
    status = report.status
    assert (status.online, status.pending, status.refused, status.last_error) == (True, 0, 0, "")
    assert status.last_success is not None
    with desk.database.read() as session:
        assert session.scalars(select(OutboxRow)).all() == []

    again = desk.sync.run_pass()
    assert again.pushed == 0
    assert len(platform.case(case.uuid)["history"]) == 3
    desk.close()


def test_a_row_sent_again_after_a_lost_reply_creates_nothing_new(
    tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess
) -> None:
    desk = platform_desk(tmp_path / "desk", demo_template, sandbox_server.url)
    case = make_case(
        desk,
        clock=Clock(datetime.now()),
        attach=write_pdf(tmp_path / "files"),
        attach_to=FORM,
        accept_by=CLERK,
    )
    with desk.database.read() as session:
        rows = [
            {c.name: getattr(row, c.name) for c in OutboxRow.__table__.columns}
            for row in session.scalars(select(OutboxRow))
        ]
    desk.sync.run_once()
    # The platform committed, but the replies never arrived: the rows are still there.
    with desk.database.write() as session:
        session.add_all(OutboxRow(**row) for row in rows)

    report = desk.sync.run_pass()

    assert (report.pushed, report.status.pending, report.status.refused) == (4, 0, 0)
    platform = PlatformView(sandbox_server.url)
    assert platform.case_count() == 1
    assert [event["event"] for event in platform.case(case.uuid)["history"]] == [
        "submit",
        "accept",
        "route",
    ]
    desk.close()


def test_an_upload_cut_off_resumes_from_the_platform_s_offset(
    tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess
) -> None:
    desk = platform_desk(tmp_path / "desk", demo_template, sandbox_server.url)
    case = make_case(
        desk,
        clock=Clock(datetime.now()),
        attach=write_pdf(tmp_path / "files"),
        attach_to=FORM,
        accept_by=CLERK,
    )
    (sha256,) = _files(desk, case.uuid)
    content = desk.intake.files.path_for(sha256).read_bytes()
    platform = PlatformView(sandbox_server.url)
    # The first half arrived before the connection broke.
    half = len(content) // 2
    reply = requests.patch(
        f"{sandbox_server.url}/api/v1/blobs/{sha256}",
        data=content[:half],
        headers={
            "Authorization": f"Bearer {platform.token('clerk')}",
            "Upload-Offset": "0",
            "Upload-Length": str(len(content)),
            "Content-Type": "application/offset+octet-stream",
        },
        timeout=10,
    )
    assert reply.status_code == 204 and reply.headers["Upload-Offset"] == str(half)

    report = desk.sync.run_pass()

    assert report.pushed == 4
    assert platform.blob_sha256(sha256) == sha256
    desk.close()


def test_a_deadline_recomputed_from_the_command_line_goes_in_a_signed_in_name(
    tmp_path: Path,
    demo_template: Path,
    sandbox_server: SandboxProcess,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``clerk-desk calendar import`` records the recomputation as by ``cli``, which has no
    platform account: a signed-in user allowed to send it does, and the payload keeps ``cli``."""
    desk = platform_desk(tmp_path / "desk", demo_template, sandbox_server.url)
    now = datetime.now()
    case = make_case(
        desk,
        clock=Clock(now),
        attach=write_pdf(tmp_path / "files"),
        attach_to=FORM,
        accept_by=CLERK,
    )
    assert case.committed_deadline is not None
    desk.sync.run_pass()
    later = case.committed_deadline + timedelta(days=1)
    with desk.database.write() as session:
        session.add(
            OutboxRow(
                event_uuid=str(uuid.uuid4()),
                case_uuid=case.uuid,
                kind="deadline_recomputed",
                payload={
                    "change": {
                        "case_uuid": case.uuid,
                        "case_no": case.case_no,
                        "old_deadline": case.committed_deadline.isoformat(),
                        "old_provisional": False,
                        "new_deadline": later.isoformat(),
                        "provisional": False,
                        "at": now.isoformat(),
                        "by": "cli",
                    },
                    "case": {**case.to_dict(), "committed_deadline": later.isoformat()},
                },
                created_at=now,
            )
        )

    report = desk.sync.run_pass()

    assert (report.pushed, report.status.pending, report.status.waiting_for) == (1, 0, ())
    history = PlatformView(sandbox_server.url).case(case.uuid)["history"]
    last = history[-1]
    assert (last["event"], last["by"], last["payload"]["recorded_by"]) == (
        "deadline_recomputed",
        "clerk",
        "cli",
    )
    assert last["payload"]["new_deadline"] == later.isoformat()

    desk.sync.run_pass()  # the event comes back with the pull: the history shows it
    assert [event.event for event in desk.intake.events(case.uuid)][-1] == "deadline_recomputed"
    desk.close()
    assert case.case_no is not None
    code = cli.main(["case", "show", case.case_no, "--demo", "--data-dir", str(tmp_path / "desk")])
    assert code == 0
    assert "期限重算" in capsys.readouterr().out.splitlines()[-1]


def test_a_case_sent_back_for_materials_then_accepted_reaches_the_platform_step_by_step(
    tmp_path: Path, demo_template: Path, sandbox_server: SandboxProcess
) -> None:
    """The supplement recorded before the acceptance carries only the returned materials,
    which is all the platform lets a supplement change."""
    desk = platform_desk(tmp_path / "desk", demo_template, sandbox_server.url)
    clock = Clock(datetime.now())
    service = intake_service(desk, clock)
    case = make_case(service)
    mark(case, "营业执照", MaterialMark.MISSING)
    waiting = service.notify_missing(case, "clerk")
    clock.now += timedelta(minutes=5)
    mark(waiting, "营业执照", MaterialMark.RECEIVED)
    accepted = service.accept(waiting, "clerk")

    status = desk.sync.run_once()

    assert (status.pending, status.refused) == (0, 0), desk.sync.problems()
    view = PlatformView(sandbox_server.url).case(accepted.uuid)
    assert accepted.committed_deadline is not None
    assert [event["event"] for event in view["history"]] == [
        "submit",
        "notify_missing",
        "supplement",
        "accept",
        "route",
    ]
    assert view["document"]["committed_deadline"] == accepted.committed_deadline.isoformat()
    assert view["document"]["case_no"] == accepted.case_no
    desk.close()
