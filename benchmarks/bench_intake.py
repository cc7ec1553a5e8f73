"""A scripted standard intake driven through the real widgets, keyboard only: how many
keystrokes and clicks it takes, and how long from the first keystroke to the receipt PDF.

The intake: 食品经营许可（新办） found by typing ``spjy``, the situations answered (餐饮服务,
一般程序), an individual applicant (name, ID number, phone), the five materials marked
received, 受理 (F9), the papers printed (Enter on 打印). Only key events are sent, always to
the widget that has the focus, so every focus move is a Tab or an arrow that is counted; the
name is committed by an input method as a pinyin IME delivers it, and counted as the pinyin
keys a clerk presses for it (``chenxiaomei`` and Space). With no printer set up the desk saves
the papers as PDF files in its data directory; the run ends when they are written.

The returning applicant's intake, counted the same way: 王芳 came before (a case with her
business licence and ID card scanned, made before the runs, not counted); the clerk types her
ID number in the item search and Enter (she is filled in and her last item offered first),
Enter takes that item (answered as last time, the cursor on the checklist), U and Enter reuse
the licence and ID card pages, Space marks the other three, F9, Enter prints. The goal is at
most 40 keys.

Each run is a new case (F2, not timed). The baseline, in the same process: rendering the same
papers (受理通知书 and 材料接收清单) to PDF with ``ui.printing.render_pdf`` alone, so the ratio is
what the desk adds on top of printing. It all runs in a child process (this file as a script)
on the offscreen platform, on a demo desk in a temporary directory.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from gui_probe import run_child
from report import Result, Target

RUNS = 5
TIMEOUT_S = 30.0
HERE = Path(__file__).resolve().parent
ITEM_QUERY = "spjy"
ITEM_CODE = "000142130101"  # 食品经营许可（新办）
# In the order Tab reaches them after the chosen items, top to bottom.
SITUATIONS = ("situation.business.catering", "situation.procedure.general")
NAME, NAME_PINYIN = "陈晓梅", "chenxiaomei "
PHONE = "13912345678"
RETURNING, RETURNING_SEQUENCE, RETURNING_PHONE = "王芳", 21, "13812345678"
REUSED = ("营业执照", "法定代表人（负责人）居民身份证")
RETURNING_GOAL = 40
NAME_TIME = f"Scripted standard intake to the receipt PDF (median of {RUNS})"
NAME_KEYS = "Keystrokes for that intake (clicks: 0)"
NAME_RETURNING_KEYS = "Keystrokes for a returning applicant's intake (auto-fill, reuse)"


def measure() -> dict[str, Any]:
    """Set up Qt and a signed-in demo window, then run the intake RUNS times."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from clerk_desk.desk import Desk
    from ui.app import apply_appearance
    from ui.desk_worker import DeskWorker
    from ui.main_window import MainWindow
    from ui.translations import Translators

    app = QApplication([])
    Translators(app).install("zh_CN")
    with tempfile.TemporaryDirectory() as tmp:
        desk = Desk.open(Path(tmp) / "desk", demo_mode=True)
        apply_appearance(app, float(desk.settings.get("font_scale")))
        worker = DeskWorker.for_desk(desk)
        try:
            clerk = desk.accounts.sign_in("clerk", "demo-clerk")
            _earlier_case(desk)
            window = MainWindow(worker, clerk, idle_ms=0)
            window.show()
            window.activateWindow()
            _wait(lambda: window.isActiveWindow() and window.isVisible(), "the window to show")
            return _intakes(window)
        finally:
            worker.shutdown()


def _intakes(window: Any) -> dict[str, Any]:

    from ui.intake.workspace import IntakeWorkspace
    from ui.printing import render_pdf

    workspace = window.findChild(IntakeWorkspace, "workspace.intake")
    workspace.auto_preview = False
    _wait(lambda: workspace.chooser.index is not None, "the catalog's search index")
    seconds, strokes, baseline, returning = [], [], [], []
    for _ in range(RUNS):
        _new_case(workspace)
        keys = _Keys()
        _returning_intake(keys, workspace)
        returning.append(keys.strokes)
    for _ in range(RUNS):
        _new_case(workspace)
        keys = _Keys()
        started = time.perf_counter()
        _standard_intake(keys, workspace)
        seconds.append(time.perf_counter() - started)
        strokes.append(keys.strokes)
        receipt = workspace.printed_paths[0]
        if not (Path(receipt).stat().st_size and "受理通知书" in Path(receipt).name):
            raise RuntimeError(f"no receipt was written: {workspace.printed_paths}")
        pages = workspace.paper_html()
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            for index, html in enumerate(pages):
                render_pdf(html, Path(tmp) / f"{index}.pdf")
            baseline.append(time.perf_counter() - started)
    return {
        "seconds": seconds,
        "strokes": strokes,
        "baseline": baseline,
        "returning": returning,
    }


def _new_case(workspace: Any) -> None:
    """F2 (not counted): the next case starts with the cursor in the item search."""
    from PySide6.QtCore import Qt

    workspace.setFocus()
    _Keys().key(Qt.Key.Key_F2)
    _wait(lambda: workspace.case is None and _focused() == "intake.itemSearch", "F2")


def _returning_id() -> str:
    from clerk_desk.domain.identity import make_id_number

    return make_id_number("340104", date(1990, 5, 1), RETURNING_SEQUENCE)


def _earlier_case(desk: Any) -> None:
    """王芳's earlier food licence, accepted, with her licence and ID card scanned."""
    import io

    from PIL import Image

    from clerk_desk.domain.case import Applicant, MaterialMark

    intake = desk.intake
    case = intake.create_draft([ITEM_CODE], "clerk")
    case.applicant = Applicant(name=RETURNING, id_number=_returning_id(), phone=RETURNING_PHONE)
    case.answers = {"applicant": "self", "business": "catering", "procedure": "general"}
    case = intake.refresh_materials(case)
    page = io.BytesIO()
    Image.new("L", (850, 1100), 255).save(page, "PNG")
    for name in REUSED:
        case = intake.attach_generated(case, name, f"{name}.png", page.getvalue(), "image/png")
    for material in case.materials:
        material.mark = MaterialMark.RECEIVED
    intake.save_draft(case)
    intake.accept(case, "clerk")


def _returning_intake(keys: _Keys, workspace: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from clerk_desk.domain.case import MaterialMark
    from ui.intake.reuse import ReuseDialog

    keys.type(_returning_id())
    keys.key(Qt.Key.Key_Return)
    results = workspace.chooser.results

    def top() -> object:
        item = results.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    _wait(lambda: top() == ITEM_CODE and workspace.form.name.text(), "the applicant filled in")
    keys.key(Qt.Key.Key_Return)
    _wait(
        lambda: _focused() == "materials.table" and workspace.table.model().rowCount() == 5,
        "the checklist, answered as last time",
    )
    _wait(lambda: workspace.capture.reuse_bar.isVisible(), "the reuse offer")
    keys.key(Qt.Key.Key_U)
    _wait(lambda: isinstance(_focus_widget().window(), ReuseDialog), "the reuse dialog")
    keys.key(Qt.Key.Key_Return)
    materials = workspace.table.materials.materials
    _wait(lambda: all(m.files for m in materials if m.name in REUSED), "the pages reused")
    # The offscreen platform does not give the window back its activation as a window
    # manager does when a dialog closes.
    workspace.window().activateWindow()
    _wait(lambda: _focused() == "materials.table", "the checklist again")
    for row, material in enumerate(materials):
        if row:
            keys.key(Qt.Key.Key_Down)
        if material.mark is MaterialMark.UNCHECKED:
            keys.key(Qt.Key.Key_Space)
    accept = workspace.findChild(QPushButton, "intake.accept")
    _wait(accept.isEnabled, "受理 to be possible")
    keys.key(Qt.Key.Key_F9)
    _wait(lambda: _focused() == "intake.printPapers", "the decision")
    keys.key(Qt.Key.Key_Return)
    _wait(lambda: bool(workspace.printed_paths), "the papers")


def _standard_intake(keys: _Keys, workspace: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from clerk_desk.domain.identity import make_id_number

    keys.type(ITEM_QUERY)
    results = workspace.chooser.results

    def codes() -> list[str]:
        return [results.item(row).data(Qt.ItemDataRole.UserRole) for row in range(results.count())]

    _wait(lambda: ITEM_CODE in codes(), "the item among the results")
    keys.key(Qt.Key.Key_Down, codes().index(ITEM_CODE))
    keys.key(Qt.Key.Key_Return)
    _wait(lambda: workspace.case is not None and workspace.table.model().rowCount(), "the draft")
    for name in SITUATIONS:
        keys.tab_to(name)
        if not _focus_widget().isChecked():  # an arrow inside the group already checked it
            keys.key(Qt.Key.Key_Space)
        _settle(workspace)  # the clerk sees the checklist change before going on
    _wait(lambda: workspace.table.model().rowCount() == 5, "the five materials")
    keys.tab_to("applicant.name")
    keys.type_chinese(NAME, NAME_PINYIN)
    keys.tab_to("applicant.idNumber")
    keys.type(make_id_number("340104", date(1990, 5, 1), 12))
    keys.tab_to("applicant.phone")
    keys.type(PHONE)
    keys.tab_to("materials.table")
    for row in range(workspace.table.model().rowCount()):
        if row:
            keys.key(Qt.Key.Key_Down)
        keys.key(Qt.Key.Key_Space)
    accept = workspace.findChild(QPushButton, "intake.accept")
    _wait(accept.isEnabled, "受理 to be possible")
    keys.key(Qt.Key.Key_F9)
    _wait(lambda: _focused() == "intake.printPapers", "the decision")
    keys.key(Qt.Key.Key_Return)
    _wait(lambda: bool(workspace.printed_paths), "the papers")


class _Keys:
    """Key events to the focused widget, counted."""

    def __init__(self) -> None:
        self.strokes = 0
        self.trace: list[str] = []

    def key(self, key: Any, times: int = 1) -> None:
        from PySide6.QtTest import QTest

        for _ in range(times):
            QTest.keyClick(_focus_widget(), key)
            self.strokes += 1

    def type(self, text: str) -> None:
        from PySide6.QtTest import QTest

        QTest.keyClicks(_focus_widget(), text)
        self.strokes += len(text)

    def type_chinese(self, text: str, pinyin: str) -> None:
        """What a pinyin IME delivers once the clerk typed ``pinyin`` (Space picks the word)."""
        from PySide6.QtGui import QInputMethodEvent
        from PySide6.QtWidgets import QApplication

        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(_focus_widget(), event)
        self.strokes += len(pinyin)

    def tab_to(self, name: str, most: int = 40) -> None:
        """Tab until ``name`` has the focus; inside its radio group, Right moves to the option,
        and checks it, as arrows do in an exclusive group."""
        from PySide6.QtCore import Qt

        group = name.rsplit(".", 1)[0] + "."
        for _ in range(most):
            focused = _focused()
            if focused == name:
                return
            in_group = name.startswith("situation.") and focused.startswith(group)
            if in_group:
                self.key(Qt.Key.Key_Right)
            else:
                self.key(Qt.Key.Key_Tab)
            self.trace.append(_focused())
        raise RuntimeError(f"{name} not reached with {most} keys: {self.trace[-most:]}")


def _focus_widget() -> Any:
    """Where a real key press goes: the focus widget, else the active window."""
    from PySide6.QtWidgets import QApplication

    widget = QApplication.focusWidget() or QApplication.activeWindow()
    if widget is None:
        raise RuntimeError("no window is active")
    return widget


def _focused() -> str:
    from PySide6.QtWidgets import QApplication

    widget = QApplication.focusWidget()
    return "" if widget is None else widget.objectName()


def _settle(workspace: Any) -> None:
    """Every desk job done and its result shown: answering a situation rebuilds the panel."""
    from PySide6.QtWidgets import QApplication

    workspace.worker.wait_idle()
    QApplication.processEvents()


def _wait(done: Callable[[], object], what: str) -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + TIMEOUT_S
    while not done():
        if time.perf_counter() > deadline:
            raise RuntimeError(f"timed out waiting for {what} (focus: {_focused()!r})")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def run() -> list[Result]:
    measured, reason = run_child(__file__)
    if measured is None:
        print(f"intake benchmark not available: {reason}")
        return [
            Result(NAME_TIME, "s", None, note=reason),
            Result(NAME_KEYS, "keys", None),
            Result(NAME_RETURNING_KEYS, "keys", None, target=Target(RETURNING_GOAL)),
        ]
    print("runs", " ".join(f"{s:.2f}s" for s in measured["seconds"]), "keys", measured["strokes"])
    print(
        "keys: new applicant",
        statistics.median(measured["strokes"]),
        "· returning applicant",
        statistics.median(measured["returning"]),
        f"(goal ≤ {RETURNING_GOAL})",
    )
    print("printing alone", " ".join(f"{s:.2f}s" for s in measured["baseline"]))
    return [
        Result(
            NAME_TIME,
            "s",
            statistics.median(measured["seconds"]),
            statistics.median(measured["baseline"]),
            "the same two papers rendered to PDF alone",
        ),
        Result(NAME_KEYS, "keys", statistics.median(measured["strokes"])),
        Result(
            NAME_RETURNING_KEYS,
            "keys",
            statistics.median(measured["returning"]),
            target=Target(RETURNING_GOAL),
        ),
    ]


if __name__ == "__main__":
    print(json.dumps(measure()))
