"""The main window: tabs by role, keyboard switching, status bar, the admin's settings form."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from intake_helpers import FOOD_LICENCE_NAME, Keyboard, choose_item, intake_of
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)
from pytestqt.qtbot import QtBot
from ui_test_helpers import find

from clerk_desk.desk import Desk
from clerk_desk.domain.roles import Workspace
from clerk_desk.settings import Settings
from ui.app import apply_appearance
from ui.desk_worker import DeskWorker
from ui.main_window import MainWindow
from ui.translations import Translators

OpenWindow = Callable[..., MainWindow]


def tab_texts(window: MainWindow) -> list[str]:
    names = [f"main.tab.{workspace.value}" for workspace in Workspace]
    tabs = [window.findChild(QPushButton, name) for name in names]
    return [tab.text() for tab in tabs if tab is not None and tab.isVisible()]


@pytest.mark.parametrize(
    ("username", "password", "tabs"),
    [
        ("clerk", "demo-clerk", ["受理", "出件", "PROXY"]),
        ("reviewer", "demo-review", ["审批", "RATINGS"]),
        ("output", "demo-output", ["出件"]),
        ("supervisor", "demo-super", ["受理", "审批", "出件", "RATINGS", "统计", "PROXY"]),
        ("admin", "demo-admin", ["统计", "设置"]),
    ],
)
def test_the_role_decides_the_tabs(
    main_window: OpenWindow, username: str, password: str, tabs: list[str]
) -> None:
    # 好差评 and 代办 once the catalogue has them (their strings come with the next .ts).
    later = {
        "RATINGS": QApplication.translate("MainWindow", "Ratings"),
        "PROXY": QApplication.translate("MainWindow", "Proxy service"),
    }
    expected = [later.get(tab, tab) for tab in tabs]
    assert tab_texts(main_window(username, password)) == expected


def test_top_bar_and_status_bar_say_who_and_where(main_window: OpenWindow) -> None:
    window = main_window("clerk", "demo-clerk")
    assert find(window, QLabel, "main.clerk").text() == "张敏"
    assert find(window, QLabel, "main.window").text() == "3号窗口"
    assert find(window, QLabel, "status.centre").text() == "中心 340100 合肥市政务服务中心（演示）"
    assert find(window, QLabel, "status.window").text() == "3号窗口 企业开办"
    assert find(window, QLabel, "status.clerk").text() == "张敏"
    assert find(window, QLabel, "status.sync").text() == "未配置平台"
    assert find(window, QPushButton, "main.lock").accessibleName() == "锁定"


def test_sync_state_is_offline_once_a_platform_is_configured(
    main_window: OpenWindow, demo_desk: Desk
) -> None:
    demo_desk.settings.set("platform_url", "https://platform.example")
    window = main_window("clerk", "demo-clerk")
    # The engine's status follows from the database thread and adds what waits to upload.
    assert find(window, QLabel, "status.sync").text().startswith("离线")


def test_ctrl_number_switches_workspaces(qtbot: QtBot, main_window: OpenWindow) -> None:
    window = main_window("supervisor", "demo-super")
    assert window.current_workspace() is Workspace.INTAKE
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace() is Workspace.OUTPUT
    assert find(window, QPushButton, "main.tab.output").isChecked()
    qtbot.mouseClick(find(window, QPushButton, "main.tab.review"), Qt.MouseButton.LeftButton)
    assert window.current_workspace() is Workspace.REVIEW


def test_admin_saves_settings_to_the_desk_file(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk
) -> None:
    window = main_window("admin", "demo-admin", idle_ms=None)
    assert window.idle.timeout_ms == 5 * 60_000
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace() is Workspace.SETTINGS
    find(window, QSpinBox, "settings.idleLockMinutes").setValue(12)
    language = find(window, QComboBox, "settings.language")
    language.setCurrentIndex(language.findData("en"))
    scale = find(window, QComboBox, "settings.fontScale")
    scale.setCurrentIndex(scale.findData(1.5))
    qtbot.mouseClick(find(window, QPushButton, "settings.save"), Qt.MouseButton.LeftButton)
    assert find(window, QLabel, "settings.status").text() == "已保存。"
    stored = Settings.load(demo_desk.data_dir.config_file)
    assert stored.get("idle_lock_minutes") == 12
    assert stored.get("language") == "en"
    assert stored.get("font_scale") == 1.5
    assert window.idle.timeout_ms == 12 * 60_000


def test_admin_sets_the_platform_address_with_the_sync_engine_s_rules(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk
) -> None:
    demo_desk.settings.override("platform_url", "http://127.0.0.1:9")  # this run's training one
    window = main_window("admin", "demo-admin", idle_ms=None)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    address = find(window, QLineEdit, "settings.platformUrl")
    assert address.text() == ""  # the file's value, not this run's override
    status = find(window, QLabel, "settings.status")
    save = find(window, QPushButton, "settings.save")

    qtbot.keyClicks(address, "http://10.1.2.3:8000")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "未加密的 http://" in status.text()
    assert address.text() == "http://10.1.2.3:8000"
    assert Settings.load(demo_desk.data_dir.config_file).get("platform_url") == ""

    find(window, QCheckBox, "settings.allowPlainHttp").setChecked(True)
    find(window, QSpinBox, "settings.syncInterval").setValue(60)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert status.text() == "已保存。"
    stored = Settings.load(demo_desk.data_dir.config_file)
    assert stored.get("platform_url") == "http://10.1.2.3:8000"
    assert stored.get("allow_plain_http") is True
    assert stored.get("sync_interval_seconds") == 60
    assert demo_desk.settings.get("platform_url") == "http://127.0.0.1:9"


def test_admin_sets_what_the_papers_print_and_the_gap_days(
    qtbot: QtBot, main_window: OpenWindow, demo_desk: Desk
) -> None:
    window = main_window("admin", "demo-admin", idle_ms=None)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    find(window, QLineEdit, "settings.centrePhone").setText(" 0551-12345678 ")
    find(window, QLineEdit, "settings.reviewBody").setText("合肥市人民政府")
    find(window, QLineEdit, "settings.progressUrl").setText("https://zwfw.example/p?no={case_no}")
    gap_days = find(window, QSpinBox, "settings.gapSupplementDays")
    assert gap_days.value() == 5
    gap_days.setValue(3)

    qtbot.mouseClick(find(window, QPushButton, "settings.save"), Qt.MouseButton.LeftButton)

    assert find(window, QLabel, "settings.status").text() == "已保存。"
    stored = Settings.load(demo_desk.data_dir.config_file)
    assert stored.get("centre_phone") == "0551-12345678"
    assert stored.get("review_body") == "合肥市人民政府"
    assert stored.get("progress_url") == "https://zwfw.example/p?no={case_no}"
    assert stored.get("gap_supplement_days") == 3


def test_english_and_chinese_tabs_differ(
    qtbot: QtBot, demo_desk: Desk, demo_worker: DeskWorker, translators: Translators
) -> None:
    clerk = demo_desk.accounts.sign_in("supervisor", "demo-super")
    chinese = MainWindow(demo_worker, clerk, idle_ms=0)
    qtbot.addWidget(chinese)
    translators.install("en")
    english = MainWindow(demo_worker, clerk, idle_ms=0)
    qtbot.addWidget(english)
    for window in (chinese, english):
        window.show()
    # The ratings tab's own 好差评 and the 代办 tab's come with the next .ts.
    assert [tab_texts(chinese)[i] for i in (0, 1, 2, 4)] == ["受理", "审批", "出件", "统计"]
    assert tab_texts(english) == [
        "Intake",
        "Review",
        "Output",
        "Ratings",
        "Statistics",
        "Proxy service",
    ]
    assert find(english, QLabel, "status.sync").text() == "Platform not configured"


# A 1366×768 screen less a 40 px taskbar and a 30 px title bar.
HALL_SCREEN = (1366, 768 - 40 - 30)


@pytest.fixture
def text_scale(qapp: QApplication) -> Iterator[Callable[[float], None]]:
    """Apply the desk's appearance at a text size; the test application's is put back."""
    font, style = qapp.font(), qapp.style().name()

    def scale(value: float) -> None:
        apply_appearance(qapp, value)

    yield scale
    qapp.setStyleSheet("")
    qapp.setStyle(style)
    qapp.setFont(font)


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_the_window_fits_a_hall_screen_with_its_status_bar_and_checklist(
    qtbot: QtBot, main_window: OpenWindow, text_scale: Callable[[float], None], scale: float
) -> None:
    text_scale(scale)
    window = main_window("clerk", "demo-clerk")
    workspace = intake_of(window)
    choose_item(Keyboard(qtbot), workspace, "spjy", FOOD_LICENCE_NAME)
    assert window.minimumSizeHint().height() <= HALL_SCREEN[1]
    window.resize(*HALL_SCREEN)
    qtbot.waitExposed(window)
    bar = window.statusBar()
    assert bar.isVisible()
    assert bar.mapTo(window, QPoint(0, bar.height())).y() <= window.height()
    table = workspace.table
    assert table.viewport().height() >= sum(table.rowHeight(row) for row in range(3))
