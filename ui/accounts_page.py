"""The administrator's accounts section of 设置: the list of accounts, adding one, and the
actions on the selected one (details and 工号, new password, disable/enable, unlock).

Every desk call runs on the database thread; a change and the fresh list come back from one
job, so the table never shows a state the database does not have.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.domain.accounts import (
    STAFF_NO_MAX,
    STATE_LABELS,
    AccountError,
    AccountState,
    AccountSummary,
)
from clerk_desk.domain.roles import ROLE_LABELS, Clerk, Role
from clerk_desk.errors import UserError
from clerk_desk.i18n import translate
from ui.desk_worker import DeskWorker
from ui.intake.dialogs import ok_cancel_buttons
from ui.naming import named
from ui.sign_in import role_labels
from ui.table_headers import column_header

if TYPE_CHECKING:
    from clerk_desk.desk import Desk

Index = QModelIndex | QPersistentModelIndex
Rows = list[AccountSummary]


class AccountsModel(QAbstractTableModel):
    """The accounts as rows: user name, person, roles, department, 工号, state."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: Rows = []

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("User name"),
            self.tr("Person"),
            self.tr("Roles"),
            self.tr("Department"),
            self.tr("Staff number"),
            self.tr("State"),
        )

    def set_rows(self, rows: Rows) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, username: str) -> int:
        return next((i for i, row in enumerate(self.rows) if row.username == username), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        account = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                account.username,
                account.display_name,
                role_labels(account.roles),
                account.department,
                account.staff_no,
                translate("core", STATE_LABELS[account.state]),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and account.state is AccountState.LOCKED:
            until = account.locked_until.strftime("%H:%M") if account.locked_until else ""
            return self.tr("Locked after failed sign-ins until {time}").format(time=until)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_header(self.headers(), section, orientation, role)


def without_mnemonic(text: str) -> str:
    """A button's text as a screen reader should say it: no "(&X)" or "&", no ellipsis."""
    return re.sub(r"\(&\w\)|&", "", text).rstrip("…").strip()


def error_label(object_name: str, accessible_name: str) -> QLabel:
    """A message shown under its field, hidden while there is nothing to say."""
    label = named(QLabel(), object_name, accessible_name)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def password_field(object_name: str, accessible_name: str) -> QLineEdit:
    field = named(QLineEdit(), object_name, accessible_name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class PasswordDialog(QDialog):
    """A new password for one account, typed twice; the dialog closes once it is saved."""

    def __init__(
        self, worker: DeskWorker, username: str, by: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.username = username
        self.by = by
        self.setObjectName("accounts.passwordDialog")
        self.setWindowTitle(self.tr("New password for {username}").format(username=username))
        self.password = password_field("accounts.newPassword", self.tr("New password"))
        self.again = password_field("accounts.newPasswordAgain", self.tr("New password again"))
        self.error = error_label("accounts.passwordDialog.error", self.tr("Password message"))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for text, field in (
            (self.tr("&New password"), self.password),
            (self.tr("&Again"), self.again),
        ):
            caption = QLabel(text)
            caption.setBuddy(field)
            field.setMinimumWidth(240)
            form.addRow(caption, field)
        form.addRow("", self.error)
        buttons, self.ok = ok_cancel_buttons(
            self, "accounts.passwordDialog", self.tr("Set password")
        )
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        if self.password.text() != self.again.text():
            show_error(self.error, self.tr("The two passwords differ"))
            self.again.setFocus()
            return
        self.ok.setEnabled(False)
        username, password, by = self.username, self.password.text(), self.by
        self.worker.run(
            lambda desk: desk.accounts.set_password(username, password, by=by),
            lambda _: self.accept(),
            self._refused,
            owner=self,
        )

    def _refused(self, error: UserError) -> None:
        self.ok.setEnabled(True)
        show_error(self.error, error.render())
        self.password.setFocus()


class EditAccountDialog(QDialog):
    """The person's name, department and 工号 of one account; a refusal shows under its field,
    with what was typed kept. The dialog closes once the change is saved."""

    def __init__(
        self,
        worker: DeskWorker,
        account: AccountSummary,
        by: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.username = account.username
        self.by = by
        self.setObjectName("accounts.editDialog")
        self.setWindowTitle(self.tr("Account {username}").format(username=account.username))
        self.display_name = named(
            QLineEdit(account.display_name), "accounts.edit.name", self.tr("Person's name")
        )
        self.department = named(
            QLineEdit(account.department), "accounts.edit.department", self.tr("Department")
        )
        self.staff_no = named(
            QLineEdit(account.staff_no), "accounts.edit.staffNo", self.tr("Staff number")
        )
        self.staff_no.setMaxLength(STAFF_NO_MAX)
        self.errors = {
            "display_name": error_label("accounts.edit.name.error", self.tr("Name message")),
            "department": error_label(
                "accounts.edit.department.error", self.tr("Department message")
            ),
            "staff_no": error_label("accounts.edit.staffNo.error", self.tr("Staff number message")),
            "": error_label("accounts.edit.error", self.tr("Account message")),
        }
        self.inputs = {
            "display_name": self.display_name,
            "department": self.department,
            "staff_no": self.staff_no,
        }
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for text, key in (
            (self.tr("&Name"), "display_name"),
            (self.tr("Depar&tment"), "department"),
            (self.tr("Staff number (&1)"), "staff_no"),
        ):
            field = self.inputs[key]
            caption = QLabel(text)
            caption.setBuddy(field)
            field.setMinimumWidth(240)
            form.addRow(caption, field)
            form.addRow("", self.errors[key])
            field.textChanged.connect(lambda _, k=key: show_error(self.errors[k], ""))
        form.addRow("", self.errors[""])
        buttons, self.ok = ok_cancel_buttons(self, "accounts.editDialog", self.tr("Save"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.staff_no.setFocus()

    def save(self) -> None:
        self.ok.setEnabled(False)
        username, by = self.username, self.by
        name, department = self.display_name.text(), self.department.text()
        staff_no = self.staff_no.text()
        self.worker.run(
            lambda desk: desk.accounts.update(
                username, name, None, department, by=by, staff_no=staff_no
            ),
            lambda _: self.accept(),
            self._refused,
            owner=self,
        )

    def _refused(self, error: UserError) -> None:
        self.ok.setEnabled(True)
        field = error.field if isinstance(error, AccountError) else ""
        key = field if field in self.inputs else ""
        show_error(self.errors[key], error.render())
        if key:
            self.inputs[key].setFocus()


class AccountsPanel(QFrame):
    """Accounts for the administrator ``admin_clerk``; changes are logged as made by them."""

    def __init__(
        self, worker: DeskWorker, admin_clerk: Clerk, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.by = admin_clerk.username
        self.pending = False
        self.setObjectName("accounts")
        self.setProperty("role", "card")
        heading = QLabel(self.tr("Accounts"))
        heading.setProperty("role", "subtitle")

        self.model = AccountsModel(self)
        self.table = named(QTableView(), "accounts.table", self.tr("Accounts"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        # Three rows in view at any text size; the page gives the table what room is left.
        rows = 3 * self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(header.sizeHint().height() + rows)
        # Its wish for more rows never makes the settings page scroll; it takes what is left.
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.edit = self._button(self.tr("Edit… (&2)"), "accounts.edit", self.open_edit_dialog)
        self.reset_password = self._button(
            self.tr("Set &password…"), "accounts.resetPassword", self.open_password_dialog
        )
        self.toggle_active = self._button(
            self.tr("&Disable"), "accounts.toggleActive", self.toggle_selected
        )
        self.unlock = self._button(self.tr("Un&lock"), "accounts.unlock", self.unlock_selected)
        self.error = named(QLabel(), "accounts.error", self.tr("Accounts message"))
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for button in (self.edit, self.reset_password, self.toggle_active, self.unlock):
            actions.addWidget(button)
        actions.addWidget(self.error, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self._add_form())

        self._selection_changed()
        self.refresh()

    def _button(self, text: str, object_name: str, slot: Callable[[], None]) -> QPushButton:
        button = named(QPushButton(text), object_name, without_mnemonic(text))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _add_form(self) -> QWidget:
        box = QWidget()
        box.setObjectName("accounts.add")
        title = QLabel(self.tr("Add an account"))
        title.setProperty("role", "subtitle")
        self.username = named(QLineEdit(), "accounts.add.username", self.tr("New user name"))
        self.display_name = named(QLineEdit(), "accounts.add.name", self.tr("Person's name"))
        self.department = named(QLineEdit(), "accounts.add.department", self.tr("Department"))
        self.department.setPlaceholderText(self.tr("Needed for a reviewer"))
        self.staff_no = named(QLineEdit(), "accounts.add.staffNo", self.tr("Staff number"))
        self.staff_no.setMaxLength(STAFF_NO_MAX)
        self.password = password_field("accounts.add.password", self.tr("Password"))
        self.password_again = password_field(
            "accounts.add.passwordAgain", self.tr("Password again")
        )
        self.role_boxes: dict[Role, QCheckBox] = {}
        roles_row = QHBoxLayout()
        roles_row.setSpacing(14)
        roles_row.setContentsMargins(0, 0, 0, 0)
        for role in Role:
            label = translate("core", ROLE_LABELS[role])
            check = named(QCheckBox(label), f"accounts.add.role.{role.value}", label)
            self.role_boxes[role] = check
            roles_row.addWidget(check)
        roles_row.addStretch(1)
        roles = QWidget()
        roles.setObjectName("accounts.add.roles")
        roles.setLayout(roles_row)

        self.field_errors = {
            "username": error_label("accounts.add.username.error", self.tr("User name message")),
            "display_name": error_label("accounts.add.name.error", self.tr("Name message")),
            "roles": error_label("accounts.add.roles.error", self.tr("Roles message")),
            "department": error_label(
                "accounts.add.department.error", self.tr("Department message")
            ),
            "staff_no": error_label("accounts.add.staffNo.error", self.tr("Staff number message")),
            "password": error_label("accounts.add.password.error", self.tr("Password message")),
            "password_again": error_label(
                "accounts.add.passwordAgain.error", self.tr("Password again message")
            ),
        }
        self.field_inputs: dict[str, QWidget] = {
            "username": self.username,
            "display_name": self.display_name,
            "roles": self.role_boxes[Role.INTAKE_CLERK],
            "department": self.department,
            "staff_no": self.staff_no,
            "password": self.password,
            "password_again": self.password_again,
        }
        self.submit = named(
            QPushButton(self.tr("Add account")), "accounts.add.submit", self.tr("Add account")
        )
        self.submit.setProperty("primary", True)
        self.submit.setAutoDefault(False)
        self.submit.clicked.connect(self.add_account)
        self.status = named(QLabel(), "accounts.status", self.tr("Account added message"))
        self.status.setProperty("role", "muted")

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        cells = (
            (0, 0, self.tr("&User name"), self.username, "username", 1),
            (0, 2, self.tr("&Name"), self.display_name, "display_name", 1),
            (1, 0, self.tr("&Roles"), roles, "roles", 3),
            (2, 0, self.tr("Depar&tment"), self.department, "department", 1),
            (2, 2, self.tr("Staff number (&1)"), self.staff_no, "staff_no", 1),
            (3, 0, self.tr("Pass&word"), self.password, "password", 1),
            (3, 2, self.tr("&Again"), self.password_again, "password_again", 1),
        )
        for row, column, text, field, key, span in cells:
            caption = QLabel(text)
            caption.setBuddy(self.field_inputs[key])
            # Level with the field, not with the field and its message below.
            caption.setMinimumHeight(field.sizeHint().height())
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(caption, row, column, Qt.AlignmentFlag.AlignTop)
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(field)
            cell.addWidget(self.field_errors[key])
            grid.addLayout(cell, row, column + 1, 1, span)
        for line_edit in (
            self.username,
            self.display_name,
            self.department,
            self.staff_no,
            self.password,
            self.password_again,
        ):
            line_edit.returnPressed.connect(self.add_account)

        submit_row = QHBoxLayout()
        submit_row.addWidget(self.submit)
        submit_row.addWidget(self.status, 1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addLayout(submit_row)
        return box

    def selected(self) -> AccountSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def select(self, username: str) -> None:
        row = self.model.row_of(username)
        if row >= 0:
            self.table.selectRow(row)

    def _selection_changed(self) -> None:
        account = self.selected()
        for button in (self.edit, self.reset_password, self.toggle_active):
            button.setEnabled(account is not None)
        self.unlock.setEnabled(account is not None and account.state is AccountState.LOCKED)
        enable = account is not None and not account.active
        text = self.tr("&Enable") if enable else self.tr("&Disable")
        self.toggle_active.setText(text)
        self.toggle_active.setAccessibleName(without_mnemonic(text))

    def refresh(self) -> None:
        self.worker.run(lambda desk: desk.accounts.account_rows(), self._show_rows)

    def _show_rows(self, rows: Rows) -> None:
        current = self.selected()
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        if current is not None:
            self.select(current.username)
        self._selection_changed()

    def _change(
        self,
        change: Callable[[Desk], object],
        done: Callable[[], None],
        refused: Callable[[UserError], None],
    ) -> None:
        """Run ``change`` and read the list back in the same desk job."""

        def job(desk: Desk) -> Rows:
            change(desk)
            return desk.accounts.account_rows()

        def changed(rows: Rows) -> None:
            self._show_rows(rows)
            done()

        self.worker.run(job, changed, refused, owner=self)

    def _say(self, text: str = "") -> None:
        self.error.setText(text)

    def toggle_selected(self) -> None:
        account = self.selected()
        if account is None:
            return
        username, active, by = account.username, not account.active, self.by
        self._say()
        self._change(
            lambda desk: desk.accounts.set_active(username, active, by=by),
            lambda: None,
            lambda error: self._say(error.render()),
        )

    def unlock_selected(self) -> None:
        account = self.selected()
        if account is None:
            return
        username, by = account.username, self.by
        self._say()
        self._change(
            lambda desk: desk.accounts.unlock(username, by=by),
            lambda: None,
            lambda error: self._say(error.render()),
        )

    def open_password_dialog(self) -> None:
        account = self.selected()
        if account is None:
            return
        self._say()
        dialog = PasswordDialog(self.worker, account.username, self.by, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()

    def open_edit_dialog(self) -> None:
        account = self.selected()
        if account is None:
            return
        self._say()
        dialog = EditAccountDialog(self.worker, account, self.by, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()

    def add_account(self) -> None:
        if self.pending:
            return
        for label in self.field_errors.values():
            show_error(label, "")
        self.status.clear()
        if self.password.text() != self.password_again.text():
            self._field_refused("password_again", self.tr("The two passwords differ"))
            return
        username = self.username.text()
        password = self.password.text()
        name = self.display_name.text()
        department = self.department.text()
        staff_no = self.staff_no.text()
        roles = [role for role, box in self.role_boxes.items() if box.isChecked()]
        by = self.by
        self.pending = True
        self.submit.setEnabled(False)
        self._change(
            lambda desk: desk.accounts.create(
                username, password, name, roles, department, by=by, staff_no=staff_no
            ),
            lambda: self._added(username),
            self._add_refused,
        )

    def _added(self, username: str) -> None:
        self._done()
        created = username.strip().lower()
        for field in (
            self.username,
            self.display_name,
            self.department,
            self.staff_no,
            self.password,
            self.password_again,
        ):
            field.clear()
        for box in self.role_boxes.values():
            box.setChecked(False)
        self.select(created)
        self.status.setText(self.tr("Added account {username}.").format(username=created))
        self.username.setFocus()

    def _add_refused(self, error: UserError) -> None:
        """The message goes beside the field it is about; what was typed stays."""
        self._done()
        field = error.field if isinstance(error, AccountError) else ""
        if field in self.field_errors:
            self._field_refused(field, error.render())
        else:
            self._say(error.render())

    def _field_refused(self, field: str, text: str) -> None:
        show_error(self.field_errors[field], text)
        self.field_inputs[field].setFocus()

    def _done(self) -> None:
        self.pending = False
        self.submit.setEnabled(True)
