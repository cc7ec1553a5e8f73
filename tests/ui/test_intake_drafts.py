"""Drafts save themselves and come back: after switching cases, and after ``kill -9``."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

from intake_helpers import FOOD_LICENCE_NAME, VALID_ID, Keyboard, choose_item, intake_of
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from ui_test_helpers import find, settle

from clerk_desk.desk import Desk
from clerk_desk.domain.case import MaterialMark
from ui.desk_worker import DeskWorker
from ui.intake.workspace import IntakeWorkspace
from ui.main_window import MainWindow
from ui.translations import Translators

OpenWindow = Callable[..., MainWindow]
ROOT = Path(__file__).resolve().parents[2]

DRIVER = """
import sys, time
from PySide6.QtWidgets import QApplication
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from clerk_desk.home import open_home
from ui.desk_worker import DeskWorker
from ui.intake.workspace import IntakeWorkspace

app = QApplication([])
worker = DeskWorker()
worker.open(open_home(sys.argv[1], demo_mode=True))
worker.wait_idle()
app.processEvents()
clerk = worker.desk.accounts.sign_in("clerk", "demo-clerk")
workspace = IntakeWorkspace(worker, clerk, worker.desk.settings)
workspace.resize(1366, 768)
workspace.show()

def settle():
    for _ in range(3):
        worker.wait_idle()
        app.processEvents()

settle()
QTest.keyClicks(workspace.chooser.search, "spjy")
rows = [workspace.chooser.results.item(i).text() for i in range(workspace.chooser.results.count())]
workspace.chooser.results.setCurrentRow(rows.index("食品经营许可（新办）"))
workspace.chooser.choose_current()
settle()
name = workspace.form.name
name.setFocus()
event = QInputMethodEvent()
event.setCommitString("陈晓梅")
QApplication.sendEvent(name, event)
QTest.keyClicks(workspace.form.id_number.edit, sys.argv[2])
QTest.keyClicks(workspace.form.phone.edit, "13912345678")
table = workspace.table
table.setFocus()
table.setCurrentIndex(table.model().index(0, 1))
QTest.keyClick(table, Qt.Key.Key_Space)
QTest.keyClick(table, Qt.Key.Key_Down)
QTest.keyClick(table, Qt.Key.Key_M)
saved = []
workspace.draftSaved.connect(lambda: saved.append(True))
while not saved:
    app.processEvents()
    time.sleep(0.01)
settle()
print("saved", flush=True)
while True:
    app.processEvents()
    time.sleep(0.05)
"""


def test_a_draft_is_saved_as_typed_and_offered_back(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk
) -> None:
    window = main_window("clerk", "demo-clerk")
    workspace = intake_of(window)
    keys = Keyboard(qtbot)
    choose_item(keys, workspace, "spjy", FOOD_LICENCE_NAME)
    with qtbot.waitSignal(workspace.draftSaved, timeout=3000):
        keys.type(find(workspace, QLineEdit, "applicant.name"), "陈晓梅")
    settle(workspace.worker)
    drafts = demo_desk.intake.list_drafts("clerk")
    assert [d.applicant_name for d in drafts] == ["陈晓梅"]

    keys.key(workspace, Qt.Key.Key_F2)
    settle(workspace.worker)
    offer = find(workspace, QLabel, "intake.draftsText")
    assert offer.isVisible()
    assert "陈晓梅" in offer.text() and FOOD_LICENCE_NAME in offer.text()
    assert find(workspace, QLineEdit, "applicant.name").text() == ""

    find(workspace, QPushButton, "intake.resumeDraft").click()
    settle(workspace.worker)
    assert find(workspace, QLineEdit, "applicant.name").text() == "陈晓梅"
    assert workspace.case is not None and workspace.case.uuid == drafts[0].uuid
    assert not offer.isVisible()


def test_a_killed_desk_offers_the_draft_with_everything_typed_and_marked(
    qtbot: QtBot, demo_template: Path, tmp_path: Path, translators: Translators
) -> None:
    data = tmp_path / "killed"
    shutil.copytree(demo_template, data)
    script = tmp_path / "driver.py"
    script.write_text(textwrap.dedent(DRIVER), encoding="utf-8")
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }
    with subprocess.Popen(
        [sys.executable, str(script), str(data), VALID_ID],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=environment,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        line = process.stdout.readline()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        assert line.strip() == "saved", process.stderr.read()
    assert process.returncode == -signal.SIGKILL

    worker = DeskWorker.for_desk(Desk.open(data, demo_mode=True))
    try:
        assert worker.desk is not None
        clerk = worker.desk.accounts.sign_in("clerk", "demo-clerk")
        workspace = IntakeWorkspace(worker, clerk, worker.desk.settings)
        qtbot.addWidget(workspace)
        settle(worker)
        offer = find(workspace, QLabel, "intake.draftsText")
        assert "陈晓梅" in offer.text() and FOOD_LICENCE_NAME in offer.text()
        find(workspace, QPushButton, "intake.resumeDraft").click()
        settle(worker)

        assert find(workspace, QLineEdit, "applicant.name").text() == "陈晓梅"
        assert find(workspace, QLineEdit, "applicant.idNumber").text() == VALID_ID
        assert find(workspace, QLineEdit, "applicant.phone").text() == "13912345678"
        assert workspace.chooser.codes() == ["000142130101"]
        marks = [m.mark for m in workspace.table.materials.materials[:2]]
        assert marks == [MaterialMark.RECEIVED, MaterialMark.MISSING]
    finally:
        worker.shutdown()
