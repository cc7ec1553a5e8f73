"""Change notices from real writes: every committed write is noticed, whoever wrote it."""

from __future__ import annotations

from case_factory import CLERK, Clock, intake_service, make_case
from test_intake_service import MONDAY

from clerk_desk.changes import Changes
from clerk_desk.desk import Desk
from local_cache.repositories import sync_repo


def test_a_decision_names_its_case_and_queues_work_for_the_platform(demo_desk: Desk) -> None:
    service = intake_service(demo_desk, Clock(MONDAY))
    case = make_case(service)
    service.save_draft(case)
    saved = demo_desk.take_changes()
    assert saved.cases == {case.uuid}
    assert not saved.outbox and not saved.queued

    service.accept(case, CLERK)

    changes = demo_desk.take_changes()
    assert changes.cases == {case.uuid}
    assert changes.outbox and changes.queued
    assert not demo_desk.take_changes()  # taken once


def test_pushing_empties_the_outbox_without_queueing_more(demo_desk: Desk) -> None:
    service = intake_service(demo_desk, Clock(MONDAY))
    service.accept(make_case(service), CLERK)
    demo_desk.take_changes()
    with demo_desk.database.read() as session:
        row = sync_repo.outbox(session)[0]
    with demo_desk.database.write() as session:
        sync_repo.delete_outbox(session, row.id)  # a plain DELETE statement, no ORM object

    changes = demo_desk.take_changes()
    assert changes == Changes(outbox=True)


def test_a_rolled_back_write_announces_nothing(demo_desk: Desk) -> None:
    service = intake_service(demo_desk, Clock(MONDAY))
    service.save_draft(make_case(service))
    demo_desk.take_changes()
    try:
        with demo_desk.database.write() as session:
            session.connection().exec_driver_sql("DELETE FROM cases")
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert not demo_desk.take_changes()


def test_settings_and_accounts_are_announced(demo_desk: Desk) -> None:
    demo_desk.take_changes()
    demo_desk.settings.save()
    demo_desk.accounts.log("zhangsan", "window_locked")
    changes = demo_desk.take_changes()
    assert changes.settings and changes.accounts and not changes.cases


def test_changes_combine() -> None:
    combined = Changes(cases=frozenset({"a"})) | Changes(outbox=True)
    assert combined == Changes(cases=frozenset({"a"}), outbox=True)
    assert not Changes()
