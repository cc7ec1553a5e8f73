"""A line edit with its message underneath: quiet while what is typed can still become right,
the whole problem once the clerk leaves the field. Nothing typed is ever changed or refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from clerk_desk.domain.identity import (
    DocumentKind,
    Validation,
    id_number_partial_ok,
    validate_credit_code,
    validate_document,
    validate_phone,
)
from clerk_desk.domain.identity.result import bad_character, digits, wrong_length
from clerk_desk.i18n import Message
from ui.naming import named
from ui.theme import set_role

Check = Callable[[str], Validation]
# Whether a text that fails ``Check`` may still become valid as the clerk types on.
StillTyping = Callable[[str, Validation], bool]

_BAD_CHARACTER = bad_character(0, "", digits()).template
_WRONG_LENGTH = wrong_length(0, 0).template
ID_KINDS = (DocumentKind.RESIDENT_ID, DocumentKind.RESIDENCE_PERMIT)
CREDIT_CODE_LENGTH = 18
MOBILE_LENGTH = 11


def _only(problems: tuple[Message, ...], template: str) -> bool:
    return all(problem.template == template for problem in problems)


def document_check(kind: Callable[[], DocumentKind]) -> tuple[Check, StillTyping]:
    """The check of the document kind chosen now, and its "still typing" rule."""

    def check(text: str) -> Validation:
        return validate_document(kind(), text, date.today())

    def still_typing(text: str, result: Validation) -> bool:
        if kind() in ID_KINDS:
            return id_number_partial_ok(text, date.today())
        return not any(problem.template == _BAD_CHARACTER for problem in result.problems)

    return check, still_typing


def credit_code_check() -> tuple[Check, StillTyping]:
    def still_typing(_text: str, result: Validation) -> bool:
        return len(result.value) < CREDIT_CODE_LENGTH and _only(result.problems, _WRONG_LENGTH)

    return validate_credit_code, still_typing


def phone_check() -> tuple[Check, StillTyping]:
    def still_typing(_text: str, result: Validation) -> bool:
        short = len(result.value) < MOBILE_LENGTH
        return short and not any(p.template == _BAD_CHARACTER for p in result.problems)

    return validate_phone, still_typing


class CheckedField(QWidget):
    """``edit`` over ``message``; ``valid`` is emitted with the checked value when it is."""

    valid = Signal(str)

    def __init__(
        self,
        name: str,
        accessible: str,
        checks: tuple[Check, StillTyping],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.check, self.still_typing = checks
        self.edit = named(QLineEdit(), name, accessible)
        self.message = named(
            QLabel(), f"{name}Error", self.tr("{field} message").format(field=accessible)
        )
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.edit.textChanged.connect(self._typed)
        self.edit.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)
        self.show_full()

    def _typed(self, text: str) -> None:
        result = self.check(text)
        if result.ok:
            self._say(" ".join(note.render() for note in result.notes), error=False)
            self.valid.emit(result.value)
        elif not text.strip() or self.still_typing(text, result):
            self._say("")
        else:
            self._say_problems(result)

    def show_full(self) -> None:
        """Everything wrong with a non-empty text (on leaving the field, on loading)."""
        text = self.edit.text()
        result = self.check(text)
        if text.strip() and not result.ok:
            self._say_problems(result)
        else:
            self._typed(text)

    def refuse(self, text: str) -> None:
        """A refusal of what was typed (from the service), beside the field; the text stays."""
        self._say("⚠ " + text, error=True)

    def _say_problems(self, result: Validation) -> None:
        self._say("⚠ " + "；".join(problem.render() for problem in result.problems), error=True)

    def _say(self, text: str, error: bool = True) -> None:
        set_role(self.message, "error" if error else "muted")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            self.show_full()
        return super().eventFilter(watched, event)
