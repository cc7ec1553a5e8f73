"""Render the main screens to PNG at 1366×768 (offscreen) to look at them.

``python tools/screenshots.py [OUT_DIR] [--lang en]``: sign-in (demo), first-start setup,
main window as intake clerk and as administrator (with its settings and accounts), the 受理
workspace (empty, mid-intake with an ID number error, with a scanned page, after 受理, a returning
applicant's licence offered for reuse and the reuse dialog), the case look-up (F3) and a case
awaiting a supplement opened from it, the
status bar offline with a sync problem and the sync problems window, the lock screen and the
crash dialog.
Every desk is created in a temporary directory, so nothing real is touched.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import socket
from datetime import date, datetime

from PySide6.QtWidgets import QApplication, QRadioButton, QWidget

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Applicant, MaterialMark
from clerk_desk.domain.identity import make_id_number
from clerk_desk.domain.roles import Role, Workspace
from clerk_desk.errors import UserError
from clerk_desk.services.accounts import MAX_FAILURES
from local_cache.repositories import sync_repo
from ui.accounts_page import AccountsPanel
from ui.app import apply_appearance
from ui.crash import CrashDialog, build_report
from ui.desk_worker import DeskWorker
from ui.intake.decision_bar import Decision
from ui.intake.page import IntakePage
from ui.intake.reuse import ReuseDialog
from ui.intake.workspace import IntakeWorkspace
from ui.main_window import MainWindow
from ui.setup_dialog import SetupDialog
from ui.sign_in import SignInWindow
from ui.translations import Translators

SIZE = (1366, 768)


def save(app: QApplication, widget: QWidget, out: Path, name: str, size: bool = True) -> None:
    if size:
        widget.resize(*SIZE)
    widget.show()
    app.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)
    widget.close()


def save_accounts_refusal(app: QApplication, demo: DeskWorker, out: Path) -> None:
    """The settings workspace with a locked-out account selected and a refused reviewer."""
    assert demo.desk is not None
    for _ in range(MAX_FAILURES):
        with contextlib.suppress(UserError):
            demo.desk.accounts.sign_in("output", "wrong password")
    window = MainWindow(demo, demo.desk.accounts.sign_in("admin", "demo-admin"), idle_ms=0)
    window.show_workspace(Workspace.SETTINGS)
    demo.wait_idle()
    app.processEvents()
    panel = window.findChild(AccountsPanel, "accounts")
    assert panel is not None
    panel.select("output")
    panel.username.setText("zhaoliu")
    panel.display_name.setText("赵六")
    panel.role_boxes[Role.REVIEWER].setChecked(True)
    panel.password.setText("a-long-password")
    panel.password_again.setText("a-long-password")
    panel.add_account()
    demo.wait_idle()
    app.processEvents()
    save(app, window, out, "main_admin_accounts")


def save_intake(app: QApplication, demo: DeskWorker, out: Path) -> None:
    """受理 empty, mid-intake with an ID number error, and after 受理 with the receipt."""
    assert demo.desk is not None
    window = MainWindow(demo, demo.desk.accounts.sign_in("clerk", "demo-clerk"), idle_ms=0)
    window.resize(*SIZE)
    window.show()
    intake = window.findChild(IntakeWorkspace, "workspace.intake")
    assert intake is not None
    intake.auto_preview = False

    def settle() -> None:
        for _ in range(3):
            demo.wait_idle()
            app.processEvents()

    settle()
    window.grab().save(str(out / "intake_empty.png"))
    choose(intake, "食品经营许可（新办）")
    settle()
    for key in ("business.catering", "procedure.general"):
        button = intake.findChild(QRadioButton, f"situation.{key}")
        assert button is not None
        button.setChecked(True)
    settle()
    intake.form.name.setText("陈晓梅")
    valid = make_id_number("340104", date(1990, 5, 1), 12)
    intake.form.id_number.edit.setText(valid[:17] + ("1" if valid[17] == "0" else "0"))
    intake.form.phone.edit.setText("13912345678")
    intake.form.id_number.show_full()
    for row in range(2):
        intake.table.set_mark(row, MaterialMark.RECEIVED)
    intake.table.setFocus()
    settle()
    window.grab().save(str(out / "intake_mid.png"))
    names = [material.name for material in intake.table.materials.materials]
    licence = names.index("营业执照")
    intake.table.setCurrentIndex(intake.table.model().index(licence, 1))
    # SANE's test device in demo mode: a page arrives on the device thread.
    intake.capture.scan(licence)
    deadline = time.monotonic() + 20
    while intake.capture.scanner.busy() and time.monotonic() < deadline:
        settle()
    settle()
    window.grab().save(str(out / "intake_pages.png"))
    intake.form.id_number.edit.setText(valid)
    for row in range(2, intake.table.model().rowCount()):
        intake.table.set_mark(row, MaterialMark.RECEIVED)
    settle()
    intake.decide(Decision.ACCEPT)
    settle()
    window.grab().save(str(out / "intake_accepted.png"))
    intake.new_case()
    settle()
    choose(intake, "食品经营许可（新办）")
    settle()
    intake.form.id_number.edit.setText(valid)
    settle()
    intake.table.setFocus()
    intake.table.setCurrentIndex(intake.table.model().index(licence, 1))
    settle()
    window.grab().save(str(out / "intake_reuse.png"))
    intake.capture.ask_reuse(licence)
    settle()
    dialog = intake.findChild(ReuseDialog, "materials.reuseDialog")
    assert dialog is not None
    dialog.grab().save(str(out / "intake_reuse_dialog.png"))
    dialog.reject()
    names = ("intake_empty", "intake_mid", "intake_pages", "intake_accepted", "intake_reuse")
    for name in (*names, "intake_reuse_dialog"):
        print(out / f"{name}.png")
    window.close()


def save_cases(app: QApplication, demo: DeskWorker, out: Path) -> None:
    """The case look-up (F3) over the demo cases, and a 待补正 case opened from it."""
    assert demo.desk is not None
    window = MainWindow(demo, demo.desk.accounts.sign_in("clerk", "demo-clerk"), idle_ms=0)
    window.resize(*SIZE)
    window.show()
    page = window.findChild(IntakePage, "intake.page")
    assert page is not None

    def settle() -> None:
        for _ in range(3):
            demo.wait_idle()
            app.processEvents()

    settle()
    # The newest case: one given the 一次性告知 for its missing business licence.
    intake = demo.desk.intake
    case = intake.create_draft(["000142130101"], "clerk")
    case.applicant = Applicant(
        name="王芳", id_number=make_id_number("340104", date(1988, 3, 2), 31), phone="13812345678"
    )
    case.answers = {"applicant": "self", "business": "catering", "procedure": "general"}
    case = intake.refresh_materials(case)
    for material in case.materials:
        missing = material.name == "营业执照"
        material.mark = MaterialMark.MISSING if missing else MaterialMark.RECEIVED
    intake.notify_missing(case, "clerk")
    page.toggle_look_up()
    settle()
    window.grab().save(str(out / "case_list.png"))
    model = page.cases.model
    waiting = next(
        row
        for row, case in enumerate(model.rows)
        if case.summary.state.value == "awaiting_supplement"
    )
    page.cases.open_case(model.index(waiting, 0))
    settle()
    detail = page.cases.detail
    assert detail is not None
    settle()
    detail.grab().save(str(out / "case_detail.png"))
    detail.close()
    for name in ("case_list", "case_detail"):
        print(out / f"{name}.png")
    window.close()


def choose(intake: IntakeWorkspace, name: str) -> None:
    intake.chooser.search.setText("spjy")
    rows = [intake.chooser.results.item(i).text() for i in range(intake.chooser.results.count())]
    intake.chooser.results.setCurrentRow(rows.index(name))
    intake.chooser.choose_current()


def save_sync(app: QApplication, demo: DeskWorker, out: Path) -> None:
    """The status bar offline with a refused item, and the sync problems window.

    The refusal is written as the engine records a 422 (the platform is not started here);
    the pass runs against a closed loopback port, so the desk is offline with its reason."""
    assert demo.desk is not None
    desk = demo.desk
    with desk.database.write() as session:
        row = sync_repo.outbox(session)[0]
        sync_repo.add_problem(
            session,
            outbox_id=row.id,
            case_uuid=row.case_uuid,
            kind=row.kind,
            status_code=422,
            reason="请求内容不符合要求",
            fields=[["case.applicant.id_number", "第18位校验码应为9"]],
            created_at=datetime.now(),
        )
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    desk.settings.override("platform_url", f"http://127.0.0.1:{closed.getsockname()[1]}")
    closed.close()
    desk.sync.run_once()
    window = MainWindow(demo, desk.accounts.sign_in("clerk", "demo-clerk"), idle_ms=0)
    window.resize(*SIZE)
    window.show()
    window.sync.refresh()
    for _ in range(3):
        demo.wait_idle()
        app.processEvents()
    window.grab().save(str(out / "sync_offline.png"))
    window.show_sync_problems()
    dialog = window.problems_dialog
    assert dialog is not None
    for _ in range(3):
        demo.wait_idle()
        app.processEvents()
    dialog.grab().save(str(out / "sync_problems.png"))
    for name in ("sync_offline", "sync_problems"):
        print(out / f"{name}.png")
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("/tmp/shots"))
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    Translators(app).install(args.lang)
    apply_appearance(app, args.scale)
    with tempfile.TemporaryDirectory(prefix="clerk-desk-shots-") as tmp:
        demo = DeskWorker.for_desk(Desk.open(Path(tmp, "demo"), demo_mode=True))
        fresh = DeskWorker.for_desk(Desk.open(Path(tmp, "fresh")))
        try:
            assert demo.desk is not None
            save(app, SignInWindow(demo.desk.home, demo), out, "sign_in")
            setup = SetupDialog(fresh)
            setup.finish()
            save(app, setup, out, "setup_errors", size=False)
            accounts = demo.desk.accounts
            for username, password in (("clerk", "demo-clerk"), ("admin", "demo-admin")):
                window = MainWindow(demo, accounts.sign_in(username, password), idle_ms=0)
                save(app, window, out, f"main_{username}")
            window = MainWindow(demo, accounts.sign_in("admin", "demo-admin"), idle_ms=0)
            window.show_workspace(Workspace.SETTINGS)
            demo.wait_idle()
            app.processEvents()
            save(app, window, out, "main_admin_settings")
            save_accounts_refusal(app, demo, out)
            save_intake(app, demo, out)
            save_cases(app, demo, out)
            save_sync(app, demo, out)
            window = MainWindow(demo, accounts.sign_in("clerk", "demo-clerk"), idle_ms=0)
            window.lock()
            window.lock_screen.password.setText("wrong")
            window.lock_screen.try_unlock()
            demo.wait_idle()
            app.processEvents()
            save(app, window, out, "lock")
            try:
                raise RuntimeError("example failure for the screenshot")
            except RuntimeError as error:
                report = build_report(RuntimeError, error, error.__traceback__, None)
            save(app, CrashDialog(report, out / "crash-example.txt"), out, "crash", size=False)
        finally:
            demo.shutdown()
            fresh.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
