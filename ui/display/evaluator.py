"""A hardware evaluator (评价器) that sends keys: 4 or 5 keys, best level first.

While the display asks for a rating, an application-wide event filter takes those keys, so a
press on the evaluator never reaches the clerk's window (nor fires a shortcut there).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence

from clerk_desk.domain.ratings import LEVELS, RatingLevel

KEY_COUNTS = (4, 5)


class EvaluatorKeysError(ValueError):
    """The setting cannot be used; ``str()`` says why, in the UI's language."""


def parse_keys(text: str) -> dict[int, RatingLevel]:
    """``"F13,F14,F15,F16,F17"`` → key code → level, best first. 4 keys stand for 非常满意, 满意,
    基本满意, 不满意. Raises :class:`EvaluatorKeysError` with a message for the clerk."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if len(names) not in KEY_COUNTS:
        raise EvaluatorKeysError(
            QCoreApplication.translate(
                "Evaluator", "Give 4 or 5 keys separated by commas, not {count}"
            ).format(count=len(names))
        )
    keys: dict[int, RatingLevel] = {}
    for name, level in zip(names, LEVELS, strict=False):
        sequence = QKeySequence(name)
        # QKeySequence is indexable (its stubs do not say so).
        combination = sequence[0] if sequence.count() == 1 else None  # type: ignore[index]
        if (
            combination is None
            or combination.keyboardModifiers() != Qt.KeyboardModifier.NoModifier
            or combination.key() == Qt.Key.Key_unknown
        ):
            raise EvaluatorKeysError(
                QCoreApplication.translate("Evaluator", "“{name}” is not a single key").format(
                    name=name
                )
            )
        key = int(combination.key().value)
        if key in keys:
            raise EvaluatorKeysError(
                QCoreApplication.translate("Evaluator", "“{name}” is given twice").format(name=name)
            )
        keys[key] = level
    return keys


class Evaluator(QObject):
    """Installed on the application only while a rating is asked for (:meth:`listen`)."""

    pressed = Signal(object)  # RatingLevel

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.keys: dict[int, RatingLevel] = {}
        self.listening = False

    def configure(self, text: str) -> str:
        """Use the keys of the setting; an unusable setting leaves the evaluator off and
        returns why ("" when fine)."""
        try:
            self.keys = parse_keys(text)
        except EvaluatorKeysError as error:
            self.keys = {}
            return str(error)
        return ""

    def listen(self, on: bool) -> None:
        app = QCoreApplication.instance()
        if app is None or on == self.listening:
            return
        self.listening = on
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
            QEvent.Type.ShortcutOverride,
        ):
            return False
        assert isinstance(event, QKeyEvent)
        level = self.keys.get(event.key())
        if level is None or event.modifiers() not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress and not event.isAutoRepeat():
            self.pressed.emit(level)
        return True
