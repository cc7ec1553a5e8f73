"""Read aloud (朗读): the guided intake's question and summary spoken by the system's engine.

Qt TextToSpeech with the engine the system has (``speechd`` on Debian: speech-dispatcher with
espeak-ng and its Mandarin voice, see ``scripts/setup.sh``), in a Chinese voice when the engine
has one. The environment variable ``CLERK_DESK_TTS_ENGINE`` names the engine instead (the tests
use Qt's own ``mock`` engine); ``none`` switches reading aloud off. Without a working engine the
read-aloud buttons are hidden and nothing fails.

The engine is created lazily: on the first :meth:`ReadAloud.say`, or when a read-aloud button
is first shown and asks whether reading aloud works; never at import.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QPushButton, QWidget

from ui.naming import named

log = logging.getLogger(__name__)

ENGINE_VARIABLE = "CLERK_DESK_TTS_ENGINE"
NO_ENGINE = "none"
MOCK_ENGINE = "mock"  # Qt's test engine: speaks nothing, never chosen by itself
READ_ALOUD_KEY = "F4"
TARGET_PX = 60  # the guided intake's smallest touch target at 100 %
_SHARED: dict[str | None, ReadAloud] = {}


def _chinese_first(locales: list[QLocale]) -> QLocale | None:
    """zh_CN, else another Chinese locale, else None."""
    chinese = [loc for loc in locales if loc.language() is QLocale.Language.Chinese]
    china = [loc for loc in chinese if loc.territory() is QLocale.Country.China]
    preferred = china or chinese
    return preferred[0] if preferred else None


class ReadAloud(QObject):
    """One speech engine. ``spoken(text)`` tells the text handed to the engine;
    ``availabilityChanged(False)`` when the engine fails (its buttons hide)."""

    spoken = Signal(str)
    availabilityChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = self.engine_name()
        self._speech: QTextToSpeech | None = None
        self._failed = False

    @staticmethod
    def engine_name() -> str | None:
        """``CLERK_DESK_TTS_ENGINE`` when set ("none": no engine), else the system's first
        engine other than Qt's mock one; None when there is none. Loads no engine."""
        chosen = os.environ.get(ENGINE_VARIABLE, "").strip()
        if chosen:
            return None if chosen == NO_ENGINE else chosen
        engines = [name for name in QTextToSpeech.availableEngines() if name != MOCK_ENGINE]
        return engines[0] if engines else None

    @classmethod
    def shared(cls) -> ReadAloud:
        """The application's reader for the engine named now (one engine per process)."""
        name = cls.engine_name()
        reader = _SHARED.get(name)
        if reader is None:
            reader = _SHARED[name] = cls(QCoreApplication.instance())
        return reader

    @property
    def available(self) -> bool:
        """Whether reading aloud works: an engine is named, loaded and not in error."""
        speech = self._speech_engine()
        return speech is not None and not self._failed

    def say(self, text: str) -> None:
        """Speak ``text`` (what is being spoken stops); nothing when no engine works."""
        text = text.strip()
        speech = self._speech_engine() if text else None
        if speech is None or self._failed:
            return
        speech.say(text)
        self.spoken.emit(text)

    def stop(self) -> None:
        if self._speech is not None and not self._failed:
            self._speech.stop()

    def _speech_engine(self) -> QTextToSpeech | None:
        if self.engine is None:
            return None
        if self._speech is None:
            self._speech = QTextToSpeech(self.engine, self)
            if self._speech.state() is QTextToSpeech.State.Error:
                self._fail(self._speech.errorString())
            else:
                self._speech.errorOccurred.connect(
                    lambda _reason, message: self._fail(str(message))
                )
                chinese = _chinese_first(self._speech.availableLocales())
                if chinese is not None:
                    self._speech.setLocale(chinese)
        return self._speech

    def _fail(self, message: str) -> None:
        if self._failed:
            return
        log.info("read aloud: engine %s unavailable: %s", self.engine, message)
        self._failed = True
        self.availabilityChanged.emit(False)


class ReadAloudButton(QPushButton):
    """Speaks ``text()`` when pressed; hidden while reading aloud does not work."""

    def __init__(
        self,
        text: Callable[[], str],
        reader: ReadAloud,
        shortcut: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.reader = reader
        self._text = text
        self._checked = False
        self.setText(self.tr("{key} Read aloud").format(key=shortcut))
        self.setShortcut(QKeySequence(shortcut))
        self.setAutoDefault(False)
        self.setMinimumSize(TARGET_PX, TARGET_PX)
        hint = self.tr("Read the text aloud ({key})").format(key=shortcut)
        self.setToolTip(hint)
        self.setAccessibleDescription(hint)
        self.clicked.connect(self.read)
        reader.availabilityChanged.connect(self._availability)
        if reader.engine is None:
            self.setVisible(False)

    def read(self) -> None:
        self.reader.say(self._text())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._checked:
            self._checked = True
            if not self.reader.available:
                self.setVisible(False)

    def _availability(self, available: bool) -> None:
        if not available:
            self.setVisible(False)


def read_aloud_button(
    object_name: str,
    accessible_name: str,
    text: Callable[[], str],
    parent: QWidget | None = None,
    *,
    shortcut: str = READ_ALOUD_KEY,
    reader: ReadAloud | None = None,
) -> QPushButton:
    """A button "F4 朗读" that reads ``text()`` aloud (the application's reader unless
    ``reader`` is given); hidden when no engine works. Its shortcut is a window shortcut of a
    visible button: keep one such button visible per window (e.g. one per stacked page)."""
    button = ReadAloudButton(text, reader or ReadAloud.shared(), shortcut, parent)
    return named(button, object_name, accessible_name)
