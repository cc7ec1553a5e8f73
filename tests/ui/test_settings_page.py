"""设置 as the administrator meets it: one key per mnemonic, what an empty platform address
means in this run, scanners by the names the hall knows, 保存 always in view."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from ui_test_helpers import find

from clerk_desk.desk import Desk
from clerk_desk.domain.roles import Workspace
from ui.main_window import MainWindow
from ui.translations import Translators

OpenWindow = Callable[..., MainWindow]


def _mnemonics(page: object) -> list[str]:
    texts = [label.text() for label in page.findChildren(QLabel) if label.buddy() is not None]
    texts += [button.text() for button in page.findChildren(QAbstractButton)]
    keys = []
    for text in texts:
        found = re.search(r"&([^&\s])", text.replace("&&", ""))
        if found:
            keys.append(found.group(1).upper())
    return keys


def test_no_two_controls_of_the_settings_page_share_a_mnemonic(
    main_window: OpenWindow, translators: Translators
) -> None:
    for language in ("zh_CN", "en"):
        translators.install(language)
        window = main_window("admin", "demo-admin")
        page = window.workspaces[Workspace.SETTINGS]
        keys = _mnemonics(page)
        assert len(keys) > 10
        assert sorted(keys) == sorted(set(keys)), (language, keys)
        window.close()


def test_an_empty_platform_address_says_what_this_run_syncs_with(
    main_window: OpenWindow, demo_desk: Desk
) -> None:
    demo_desk.settings.override("platform_url", "http://127.0.0.1:8731")
    window = main_window("admin", "demo-admin")
    field = find(window, QLineEdit, "settings.platformUrl")
    assert field.text() == ""
    assert "http://127.0.0.1:8731" in field.placeholderText()
    assert "单机" not in field.placeholderText()


def test_scanners_are_listed_by_name_and_connection(qtbot: QtBot, main_window: OpenWindow) -> None:
    window = main_window("admin", "demo-admin")
    scanner = find(window, QComboBox, "settings.scannerDevice")
    qtbot.waitUntil(scanner.isEnabled, timeout=10_000)
    labels = [scanner.itemText(i) for i in range(scanner.count())]
    assert "演示扫描仪 1（SANE 测试设备）" in labels
    assert not any("Noname" in label or "frontend-tester" in label for label in labels)


def test_save_stays_in_view_on_a_small_screen(qtbot: QtBot, main_window: OpenWindow) -> None:
    window = main_window("admin", "demo-admin")
    window.resize(1366, 600)
    window.show_workspace(Workspace.SETTINGS)
    qtbot.waitExposed(window)
    save = find(window, QPushButton, "settings.save")
    assert save.isVisible()
    corner = save.mapTo(window, QPoint(save.width(), save.height()))
    assert corner.y() <= window.height() - window.statusBar().height()
