"""The fee of an item shows where the intake clerk sees the items: in the header strip."""

from __future__ import annotations

from collections.abc import Callable

from intake_helpers import Keyboard, choose_item, intake_of
from output_helpers import SOCIAL_SECURITY_CARD
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from ui_test_helpers import find

from ui.main_window import MainWindow
from ui.translations import Translators


def test_the_header_strip_shows_the_fee_of_the_items_chosen(
    qtbot: QtBot, main_window: Callable[..., MainWindow], translators: Translators
) -> None:
    translators.install("en")
    window = main_window("clerk", "demo-clerk")
    workspace = intake_of(window)
    header = find(workspace, QLabel, "intake.header")
    assert "Fee" not in header.text()
    choose_item(Keyboard(qtbot), workspace, SOCIAL_SECURITY_CARD, "社会保障卡补领、换领")
    assert "社会保障卡补领、换领 · Fee 20.00 yuan" in header.text()


def test_an_item_without_a_fee_shows_none(
    qtbot: QtBot, main_window: Callable[..., MainWindow], translators: Translators
) -> None:
    translators.install("en")
    window = main_window("clerk", "demo-clerk")
    workspace = intake_of(window)
    choose_item(Keyboard(qtbot), workspace, "spjy", "食品经营许可（新办）")
    assert "Fee" not in find(workspace, QLabel, "intake.header").text()
