"""First start outside demo mode: the centre, this window, and the first administrator.

Mistakes are shown beside the field they concern and nothing typed is ever cleared.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.catalog import WINDOW_CATEGORIES
from clerk_desk.domain.roles import MIN_PASSWORD_LENGTH
from clerk_desk.errors import UserError
from clerk_desk.home import CENTRE_CODE
from ui.desk_worker import DeskWorker
from ui.naming import named
from ui.theme import align_spin_box


class SetupDialog(QDialog):
    def __init__(self, worker: DeskWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.setObjectName("setup")
        self.setWindowTitle(self.tr("Comprehensive Window Desk · First start"))
        self.errors: dict[str, QLabel] = {}
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(10)
        self._grid.setColumnStretch(1, 0)
        self._grid.setColumnStretch(2, 1)

        self.centre_code = self._line("setup.centreCode", self.tr("Centre &code"))
        self.centre_code.setPlaceholderText(self.tr("6 digits, e.g. 340100"))
        self.centre_code.setMaxLength(6)
        self.centre_name = self._line("setup.centreName", self.tr("Centre &name"))
        self.window_number = named(QSpinBox(), "setup.windowNumber", self.tr("Window number"))
        align_spin_box(self.window_number)
        self.window_number.setRange(1, 999)
        self._add_row("setup.windowNumber", self.tr("&Window number"), self.window_number)
        self.window_category = named(
            QComboBox(), "setup.windowCategory", self.tr("Window category")
        )
        self.window_category.addItems(WINDOW_CATEGORIES)
        self._add_row("setup.windowCategory", self.tr("Window cate&gory"), self.window_category)
        self._section(self.tr("First administrator"))
        self.admin_name = self._line("setup.adminName", self.tr("Administrator's na&me"))
        self.admin_username = self._line("setup.adminUsername", self.tr("&User name"))
        self.admin_username.setPlaceholderText(self.tr("letters, digits, '.' or '_'"))
        self.password = self._line("setup.password", self.tr("&Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("at least {n} characters").format(n=MIN_PASSWORD_LENGTH)
        )
        self.password_again = self._line("setup.passwordAgain", self.tr("Password &again"))
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)

        intro = QLabel(
            self.tr(
                "This desk is starting for the first time. Enter the service centre, this "
                "window, and the administrator who will create the other accounts."
            )
        )
        intro.setWordWrap(True)
        title = QLabel(self.tr("Set up this desk"))
        title.setProperty("role", "title")
        self.error = named(QLabel(), "setup.error", self.tr("Setup message"))
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.submit = named(
            QPushButton(self.tr("Finish setup")), "setup.submit", self.tr("Finish setup")
        )
        self.submit.setProperty("primary", True)
        self.submit.clicked.connect(self.finish)
        cancel = named(QPushButton(self.tr("Cancel")), "setup.cancel", self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        for button in (self.submit, cancel):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.submit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(self._grid)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(760)
        self.centre_code.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter moves to the next field and finishes on the last; Esc never drops the form."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.focusWidget() in (self.password_again, self.submit):
                self.finish()
            else:
                self.focusNextChild()
            return
        if event.key() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)

    def _line(self, name: str, label: str) -> QLineEdit:
        field = named(QLineEdit(), name, label.replace("&", ""))
        self._add_row(name, label, field)
        return field

    def _add_row(self, name: str, label: str, field: QWidget) -> None:
        row = self._grid.rowCount()
        caption = QLabel(label)
        caption.setBuddy(field)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        field.setMinimumWidth(280)
        error = named(
            QLabel(),
            f"{name}.error",
            self.tr("Problem with {field}").format(field=label.replace("&", "")),
        )
        error.setProperty("role", "error")
        error.setWordWrap(True)
        self._grid.addWidget(caption, row, 0)
        self._grid.addWidget(field, row, 1)
        self._grid.addWidget(error, row, 2)
        self.errors[name] = error

    def _section(self, text: str) -> None:
        label = QLabel(text)
        label.setProperty("role", "subtitle")
        self._grid.addWidget(label, self._grid.rowCount(), 0, 1, 3)

    def _problems(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if not CENTRE_CODE.match(self.centre_code.text().strip()):
            problems["setup.centreCode"] = self.tr("Enter the 6-digit division code, e.g. 340100")
        if not self.centre_name.text().strip():
            problems["setup.centreName"] = self.tr("Enter the centre's name")
        if not self.admin_name.text().strip():
            problems["setup.adminName"] = self.tr("Enter the administrator's name")
        if not self.admin_username.text().strip():
            problems["setup.adminUsername"] = self.tr("Enter a user name")
        if len(self.password.text()) < MIN_PASSWORD_LENGTH:
            problems["setup.password"] = self.tr(
                "The password needs at least {n} characters"
            ).format(n=MIN_PASSWORD_LENGTH)
        elif self.password_again.text() != self.password.text():
            problems["setup.passwordAgain"] = self.tr("The two passwords differ")
        return problems

    def finish(self) -> None:
        problems = self._problems()
        for name, label in self.errors.items():
            label.setText(problems.get(name, ""))
        self.error.clear()
        if problems:
            first = next(name for name in self.errors if name in problems)
            field = self.findChild(QWidget, first)
            if field is not None:
                field.setFocus()
            return
        if not self.submit.isEnabled():
            return
        self.submit.setEnabled(False)
        centre_code = self.centre_code.text().strip()
        centre_name = self.centre_name.text()
        window_number = self.window_number.value()
        window_category = self.window_category.currentText()
        admin_username = self.admin_username.text()
        admin_password = self.password.text()
        admin_display_name = self.admin_name.text()
        self.worker.run(
            lambda desk: desk.complete_setup(
                centre_code,
                centre_name,
                window_number,
                window_category,
                admin_username,
                admin_password,
                admin_display_name,
            ),
            self._done,
            self._refused,
        )

    def _done(self, _: None) -> None:
        self.submit.setEnabled(True)
        self.accept()

    def _refused(self, error: UserError) -> None:
        self.submit.setEnabled(True)
        self.error.setText(error.render())
