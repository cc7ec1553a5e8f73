"""代办 in the window, by keyboard: 委托 (a real PDF imported as the signed authorisation),
受理办件 (the draft opens in 受理 marked 代办), a refused 办结, 终止, and the 回访, with the
list saying the next step and its date at each stage."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from case_factory import SEAL_FILING, person
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from ui_test_helpers import type_text

from clerk_desk.domain.assistance import AssistanceKind
from clerk_desk.domain.calendar.legal_clock import LEVEL_LABELS
from clerk_desk.domain.proxy import NEXT_STEP_LABELS, NextStep, ProxyState
from clerk_desk.domain.roles import Workspace
from clerk_desk.i18n import translate
from ui.intake.page import IntakePage
from ui.main_window import MainWindow
from ui.printing import render_pdf
from ui.proxy.dialogs import ProxyStepDialog
from ui.proxy.model import DUE, NEXT_STEP, STATE
from ui.proxy.new_dialog import NewProxyDialog
from ui.proxy.papers import ProxyPapersDialog
from ui.proxy.workspace import ProxyWorkspace

WAIT_MS = 5000
APPLICANT = person("王秀英")
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def focused(qtbot: QtBot) -> QWidget:
    """The widget with the focus; once a dialog closed, the window is active again (as a
    window manager does it; offscreen nobody does)."""
    if QApplication.activeWindow() is None:
        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "main")
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def key(qtbot: QtBot, k: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    qtbot.keyClick(focused(qtbot), k, modifier)


def typed(qtbot: QtBot, text: str) -> None:
    """Typed into the focused field: digits as keys, Chinese as an input method commits it."""
    type_text(qtbot, focused(qtbot), text)


def shown(ws: ProxyWorkspace, column: int) -> str:
    """The chosen row's text in ``column``, as the list shows it."""
    index = ws.list.table.currentIndex()
    return str(index.siblingAtColumn(column).data())


def settled(qtbot: QtBot, ws: ProxyWorkspace) -> None:
    qtbot.waitUntil(lambda: not ws.loading, timeout=WAIT_MS)


def expect_row(qtbot: QtBot, ws: ProxyWorkspace, step: NextStep) -> None:
    """The list's row says the next step and its date with 正常 / 临期 / 超期 in words."""
    word = translate("core", NEXT_STEP_LABELS[step])
    qtbot.waitUntil(lambda: shown(ws, NEXT_STEP) == word, timeout=WAIT_MS)
    line = ws.current()
    assert line is not None and line.due is not None and line.light is not None
    level = translate("core", LEVEL_LABELS[line.light.level])
    assert level in ("正常", "临期", "超期")
    assert shown(ws, DUE) == f"{line.due.isoformat()} {level}"


def dialog_of(qtbot: QtBot, ws: ProxyWorkspace) -> QWidget:
    qtbot.waitUntil(lambda: ws.dialog is not None and ws.dialog.isActiveWindow(), timeout=WAIT_MS)
    assert ws.dialog is not None
    return ws.dialog


def test_a_proxy_runs_from_authorisation_to_call_back_by_keyboard(
    qtbot: QtBot, main_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = main_window("clerk", "demo-clerk")
    key(qtbot, Qt.Key.Key_3, CTRL)
    assert window.current_workspace() is Workspace.PROXY
    ws = window.workspaces[Workspace.PROXY]
    assert isinstance(ws, ProxyWorkspace)
    settled(qtbot, ws)
    assert ws.model.rowCount() == 0

    # 新建代办: the applicant, the matters, the item found by typing; the date defaults.
    key(qtbot, Qt.Key.Key_F2)
    new = dialog_of(qtbot, ws)
    assert isinstance(new, NewProxyDialog)
    for mnemonic, text in (
        (Qt.Key.Key_N, APPLICANT.name),
        (Qt.Key.Key_R, APPLICANT.id_number),
        (Qt.Key.Key_P, APPLICANT.phone),
        (Qt.Key.Key_M, "办理公章刻制备案"),
        (Qt.Key.Key_I, "公章刻制"),
    ):
        key(qtbot, mnemonic, ALT)
        typed(qtbot, text)
    qtbot.waitUntil(lambda: new.chooser.results.currentItem() is not None, timeout=WAIT_MS)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: new.codes == [SEAL_FILING], timeout=WAIT_MS)
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: ws.dialog is None and ws.model.rowCount() == 1, timeout=WAIT_MS)
    settled(qtbot, ws)
    expect_row(qtbot, ws, NextStep.SCAN_AUTHORISATION)
    assert shown(ws, STATE) == translate("core", "In progress")

    # 导入委托书: the signed authorisation, a real PDF, typed into the file dialog.
    scan = tmp_path / "委托书.pdf"
    render_pdf("<h1>代办服务委托书</h1><p>委托人：王秀英（签字）</p>", scan)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setText(str(scan))
        qtbot.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(200, answer)
    key(qtbot, Qt.Key.Key_F4)
    expect_row(qtbot, ws, NextStep.START_CASE)
    line = ws.current()
    assert line is not None and line.record.authorisation is not None
    assert line.record.authorisation.name == "委托书.pdf"

    # 扫描委托书 (Shift+F4): the window's scanner (SANE's test device on the demo desk)
    # replaces the import.
    key(qtbot, Qt.Key.Key_F4, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(
        lambda: (
            (current := ws.current()) is not None
            and current.record.authorisation is not None
            and current.record.authorisation.name.startswith(line.record.number)
        ),
        timeout=30_000,
    )
    expect_row(qtbot, ws, NextStep.START_CASE)

    # 受理办件: the draft opens in 受理, the applicant's, marked 代办.
    key(qtbot, Qt.Key.Key_F6)
    intake = window.workspaces[Workspace.INTAKE]
    assert isinstance(intake, IntakePage)
    qtbot.waitUntil(
        lambda: (
            window.current_workspace() is Workspace.INTAKE and intake.workspace.case is not None
        ),
        timeout=WAIT_MS,
    )
    case = intake.workspace.case
    assert case is not None
    assert case.applicant.name == APPLICANT.name
    assert [item.basic_code for item in case.items] == [SEAL_FILING]
    assert case.assistance.kind is AssistanceKind.PROXY
    assert case.assistance.proxy_no == line.record.number
    assert f"代办 {line.record.number}" in intake.workspace.header.text()  # said on screen

    # Back in 代办: the case listed with its state; Enter on it opens it in 受理 again.
    key(qtbot, Qt.Key.Key_3, CTRL)
    expect_row(qtbot, ws, NextStep.FOLLOW_CASES)
    qtbot.waitUntil(lambda: ws.detail.cases.count() == 1, timeout=WAIT_MS)
    assert "草稿" in ws.detail.cases.item(0).text()
    key(qtbot, Qt.Key.Key_Return)  # from the search box into the list
    key(qtbot, Qt.Key.Key_Return)  # on the 代办: to its cases
    assert QApplication.focusWidget() is ws.detail.cases
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_workspace() is Workspace.INTAKE, timeout=WAIT_MS)
    key(qtbot, Qt.Key.Key_3, CTRL)

    # 中止 with a reason and a resume date (a date written wrongly is said beside it), 恢复.
    key(qtbot, Qt.Key.Key_F7)
    pause = dialog_of(qtbot, ws)
    typed(qtbot, "等待申请人补充房产证明")
    key(qtbot, Qt.Key.Key_O, ALT)
    typed(qtbot, "12/14")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    wrong = pause.findChild(QLabel, "proxy.pauseDialog.resume_onMessage")
    assert wrong is not None and wrong.isVisible() and "2026-12-14" in wrong.text()
    resume_on = (date.today() + timedelta(days=30)).isoformat()
    QApplication.focusWidget().selectAll()  # type: ignore[union-attr]
    typed(qtbot, resume_on)
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: ws.dialog is None, timeout=WAIT_MS)
    expect_row(qtbot, ws, NextStep.RESUME_OR_END)
    assert shown(ws, DUE).startswith(resume_on)
    key(qtbot, Qt.Key.Key_F8)
    expect_row(qtbot, ws, NextStep.FOLLOW_CASES)

    # 办结 is refused while the draft is open: said in the form, in the service's words.
    key(qtbot, Qt.Key.Key_F9)
    conclude = dialog_of(qtbot, ws)
    assert isinstance(conclude, ProxyStepDialog)
    typed(qtbot, "已办完")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "草稿" in conclude.general.text(), timeout=WAIT_MS)
    assert conclude.isVisible() and conclude.text("note") == "已办完"
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: ws.dialog is None, timeout=WAIT_MS)

    # 终止 with its reason; then the 回访 is due.
    key(qtbot, Qt.Key.Key_F10)
    terminate = dialog_of(qtbot, ws)
    key(qtbot, Qt.Key.Key_Return, CTRL)  # no reason: refused beside the field
    message = terminate.findChild(QLabel, "proxy.terminateDialog.reasonMessage")
    assert message is not None
    qtbot.waitUntil(message.isVisible, timeout=WAIT_MS)
    typed(qtbot, "申请人改为本人办理")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: ws.dialog is None, timeout=WAIT_MS)
    expect_row(qtbot, ws, NextStep.CALL_BACK)
    assert shown(ws, STATE) == translate("core", "Terminated")

    # 打印: the papers that apply now; the 终止单 printed (no printer here: a PDF).
    key(qtbot, Qt.Key.Key_P, CTRL)
    papers = dialog_of(qtbot, ws)
    assert isinstance(papers, ProxyPapersDialog)
    titles = [papers.list.item(row).text() for row in range(papers.list.count())]
    assert titles == ["代办受理单", "代办终止单"]
    key(qtbot, Qt.Key.Key_Down)
    with qtbot.waitSignal(papers.printed, timeout=WAIT_MS) as printed:
        key(qtbot, Qt.Key.Key_Return)
    [pdf] = printed.args[0]
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "代办终止单" in text and "申请人改为本人办理" in text
    key(qtbot, Qt.Key.Key_V, ALT)  # the preview, painted as it will print
    qtbot.waitUntil(lambda: papers.preview is not None and papers.preview.isVisible())
    assert papers.preview is not None
    papers.preview.close()
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: ws.dialog is None, timeout=WAIT_MS)

    # 回访: recorded, and the 代办 leaves the open list.
    key(qtbot, Qt.Key.Key_F11)
    dialog_of(qtbot, ws)
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: ws.dialog is None and ws.model.rowCount() == 0, timeout=WAIT_MS)
    assert window.desk.proxies.record(line.uuid).callback is not None
    assert window.desk.proxies.record(line.uuid).state is ProxyState.TERMINATED
