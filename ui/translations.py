"""Loading the UI language: English source strings, or the Simplified Chinese catalogue."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from clerk_desk import i18n
from clerk_desk.resources import resource_path

QM_NAME = "clerk_desk_{language}.qm"


def qm_path(language: str) -> Path:
    return resource_path("translations", QM_NAME.format(language=language))


def effective_language(requested: str | None, configured: str | None) -> str:
    """``--lang`` wins over the setting; anything unknown falls back to the default."""
    for candidate in (requested, configured):
        if candidate in i18n.SUPPORTED_LANGUAGES:
            return str(candidate)
    return i18n.DEFAULT_LANGUAGE


class Translators:
    """The translators installed on the application, replaceable when the language changes."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []

    def install(self, language: str) -> bool:
        """Install ``language`` for Qt and core messages; False if its catalogue is missing."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        i18n.set_language(language)
        if language == "en":
            QLocale.setDefault(QLocale("en_US"))
            return True
        QLocale.setDefault(QLocale(language))
        ours = QTranslator(self._app)
        if not ours.load(str(qm_path(language))):
            return False
        qt_own = QTranslator(self._app)
        translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for translator, loaded in (
            (ours, True),
            (qt_own, qt_own.load(f"qtbase_{language}", translations)),
        ):
            if loaded:
                self._app.installTranslator(translator)
                self._installed.append(translator)
        return True
