"""Read aloud (朗读): the button speaks its text through Qt's mock engine (the suite's engine,
set in ``tests/conftest.py``); without an engine the button is hidden and nothing fails."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from ui_test_helpers import show_active

from ui.speech import ENGINE_VARIABLE, MOCK_ENGINE, ReadAloud, read_aloud_button

QUESTION = "您要办理什么事项？"


def page_with_button(qtbot: QtBot, reader: ReadAloud, text: str = QUESTION) -> QWidget:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    layout.addWidget(
        read_aloud_button("guided.readAloud", "朗读问题", lambda: text, page, reader=reader)
    )
    return page


def engines(reader: ReadAloud) -> list[QTextToSpeech]:
    return reader.findChildren(QTextToSpeech)


def test_the_button_reads_the_question_aloud_by_click_and_by_its_key(qtbot: QtBot) -> None:
    assert ReadAloud.engine_name() == MOCK_ENGINE
    reader = ReadAloud()
    page = page_with_button(qtbot, reader)
    button = page.findChild(QPushButton, "guided.readAloud")
    assert button is not None
    assert button.accessibleName() == "朗读问题"
    assert "F4" in button.text() and "F4" in button.toolTip()
    assert button.accessibleDescription()
    assert engines(reader) == []  # nothing loaded until the button is shown

    show_active(qtbot, page)
    assert button.isVisible() and reader.available
    assert button.width() >= 60 and button.height() >= 60
    assert len(engines(reader)) == 1
    with qtbot.waitSignal(reader.spoken, timeout=2000) as spoken:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert spoken.args == [QUESTION]
    with qtbot.waitSignal(reader.spoken, timeout=2000) as spoken:
        qtbot.keyClick(page, Qt.Key.Key_F4)
    assert spoken.args == [QUESTION]
    reader.stop()
    qtbot.waitUntil(lambda: engines(reader)[0].state() is QTextToSpeech.State.Ready)

    reader.availabilityChanged.emit(False)  # as when the engine reports an error
    assert not button.isVisible()


def test_without_an_engine_the_button_is_hidden_and_reading_does_nothing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENGINE_VARIABLE, "none")
    assert ReadAloud.engine_name() is None
    reader = ReadAloud()
    page = page_with_button(qtbot, reader)
    show_active(qtbot, page)
    button = page.findChild(QPushButton, "guided.readAloud")
    assert button is not None and not button.isVisible()
    assert not reader.available
    with qtbot.assertNotEmitted(reader.spoken):
        qtbot.keyClick(page, Qt.Key.Key_F4)
        reader.say(QUESTION)
        reader.stop()
    assert engines(reader) == []


def test_the_system_engine_is_the_first_that_is_not_qts_mock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(ENGINE_VARIABLE)
    real = [name for name in QTextToSpeech.availableEngines() if name != MOCK_ENGINE]
    assert ReadAloud.engine_name() == (real[0] if real else None)
    monkeypatch.setenv(ENGINE_VARIABLE, "speechd")
    assert ReadAloud.engine_name() == "speechd"


def test_empty_text_is_not_spoken_and_the_reader_is_shared_per_engine(qtbot: QtBot) -> None:
    reader = ReadAloud.shared()
    assert ReadAloud.shared() is reader
    with qtbot.assertNotEmitted(reader.spoken):
        reader.say("   ")
