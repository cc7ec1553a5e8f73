"""The 统计 workspace leaves pyqtgraph out of start-up: the main window of a supervisor is
built without it; the charts import it when the workspace is first shown."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from stats_helpers import TIMEOUT_MS
from ui_test_helpers import find, show_active

from clerk_desk.desk import Desk
from ui.desk_worker import DeskWorker
from ui.stats.workspace import StatsWorkspace

SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from clerk_desk.desk import Desk
from clerk_desk.domain.roles import Workspace
from ui.desk_worker import DeskWorker
from ui.main_window import MainWindow
desk = Desk.open(sys.argv[1], demo_mode=True)
worker = DeskWorker.for_desk(desk)
clerk = desk.accounts.sign_in("supervisor", "demo-super")
window = MainWindow(worker, clerk, idle_ms=0)
window.show()
app.processEvents()
print("built", "pyqtgraph" in sys.modules, "numpy" in sys.modules, flush=True)
stats = window.workspaces[Workspace.STATISTICS]
stats.built.connect(lambda: print("shown", "pyqtgraph" in sys.modules, flush=True))
stats.refreshed.connect(app.quit)
QTimer.singleShot(20_000, app.quit)
window.show_workspace(Workspace.STATISTICS)
app.exec()
window.close()
worker.shutdown()
"""


def test_pyqtgraph_is_imported_only_when_statistics_is_first_shown(
    tmp_path: Path, demo_template: Path
) -> None:
    root = tmp_path / "data"
    shutil.copytree(demo_template, root)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(Path.cwd())}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(root)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith(("built", "shown"))]
    assert lines == ["built False False", "shown True"], (done.stdout, done.stderr[-2000:])


def test_the_workspace_has_its_pages_and_takes_another(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker
) -> None:
    clerk = demo_desk.accounts.sign_in("supervisor", "demo-super")
    workspace = StatsWorkspace(demo_worker, clerk)
    qtbot.addWidget(workspace)
    assert workspace.objectName() == "workspace.statistics"
    tabs = find(workspace, QTabWidget, "stats.tabs")
    assert tabs.accessibleName()
    summary = QLabel("日报")
    summary.setObjectName("stats.summary")
    workspace.add_page(summary, "日报(&D)")
    assert tabs.count() == 4
    with qtbot.waitSignal(workspace.refreshed, timeout=TIMEOUT_MS):
        show_active(qtbot, workspace)
    assert workspace.today is not None and workspace.today.isVisible()
    # Ctrl+PgDn and Ctrl+PgUp walk the pages, round the end.
    workspace.setFocus()
    bar = tabs.tabBar()
    assert bar.hasFocus()
    qtbot.keyClick(bar, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1
    assert workspace.trends is not None
    qtbot.waitUntil(lambda: workspace.trends.load is not None, timeout=TIMEOUT_MS)
    qtbot.keyClick(bar, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(bar, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 3


def test_every_widget_of_the_pages_is_named(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker
) -> None:
    clerk = demo_desk.accounts.sign_in("supervisor", "demo-super")
    workspace = StatsWorkspace(demo_worker, clerk)
    qtbot.addWidget(workspace)
    with qtbot.waitSignal(workspace.refreshed, timeout=TIMEOUT_MS):
        show_active(qtbot, workspace)
    interactive = (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractItemView)
    unnamed = [
        f"{type(widget).__name__} {widget.objectName()!r} {widget.accessibleName()!r}"
        for widget in workspace.findChildren(QWidget)
        if isinstance(widget, interactive)
        and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        and widget.window() is workspace  # not a combo box's popup list
        and (not widget.objectName() or not widget.accessibleName())
    ]
    assert unnamed == []
