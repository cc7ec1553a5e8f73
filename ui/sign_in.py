"""The sign-in window; in demo mode it lists the demo accounts so trainees can pick one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_desk import demo
from clerk_desk.domain.roles import ROLE_LABELS, Clerk, Role
from clerk_desk.errors import UserError
from clerk_desk.home import DeskHome
from clerk_desk.i18n import translate
from ui.desk_worker import DeskWorker
from ui.naming import named
from ui.theme import set_role


def role_labels(roles: tuple[Role, ...]) -> str:
    return "、".join(translate("core", ROLE_LABELS[role]) for role in roles)


class SignInWindow(QWidget):
    signedIn = Signal(object)
    # The accepted user name and password, for the platform sign-in (not kept anywhere).
    credentialsAccepted = Signal(str, str)

    def __init__(self, home: DeskHome, worker: DeskWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.worker = worker
        self.pending = False
        self.setObjectName("signIn")
        self.setProperty("role", "window")
        self.setWindowTitle(self.tr("Comprehensive Window Desk · Sign in"))

        title = QLabel(self.tr("Comprehensive Window Desk"))
        title.setProperty("role", "title")
        centre = QLabel(self._centre_line())
        centre.setProperty("role", "subtitle")

        self.username = named(QLineEdit(), "signIn.username", self.tr("User name"))
        self.password = named(QLineEdit(), "signIn.password", self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.submit = named(QPushButton(self.tr("Sign in")), "signIn.submit", self.tr("Sign in"))
        self.submit.setProperty("primary", True)
        self.submit.setAutoDefault(True)
        self.error = named(QLabel(), "signIn.error", self.tr("Sign-in message"))
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setMinimumHeight(self.error.fontMetrics().height() * 2)
        self.error.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self._label(self.tr("&User name"), self.username), self.username)
        form.addRow(self._label(self.tr("&Password"), self.password), self.password)
        form.addRow("", self.submit)
        form.addRow("", self.error)

        card = QFrame()
        card.setProperty("role", "card")
        card.setMinimumWidth(380)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(28, 24, 28, 20)
        card_layout.setSpacing(12)
        card_layout.addWidget(title)
        card_layout.addWidget(centre)
        card_layout.addLayout(form)

        row = QHBoxLayout()
        row.setSpacing(24)
        row.addStretch(1)
        row.addWidget(card, 0, Qt.AlignmentFlag.AlignTop)
        self.demo_accounts: QTableWidget | None = None
        if home.demo_mode:
            row.addWidget(self._demo_panel(), 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        if home.demo_mode:
            banner = named(
                QLabel(self.tr("Demo / training mode · sample data")),
                "signIn.demoBanner",
                self.tr("Demo / training mode · sample data"),
            )
            banner.setProperty("role", "banner")
            banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            outer.addWidget(banner)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.username.returnPressed.connect(self._username_entered)
        self.password.returnPressed.connect(self.sign_in)
        self.submit.clicked.connect(self.sign_in)
        self.username.setFocus()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _centre_line(self) -> str:
        settings = self.home.settings
        name = settings.get("centre_name")
        number = settings.get("window_number")
        if not name:
            return ""
        if not number:
            return str(name)
        return self.tr("{centre} · Window {number}").format(centre=name, number=number)

    def _demo_panel(self) -> QFrame:
        panel = QFrame()
        panel.setProperty("role", "card")
        heading = QLabel(self.tr("Demo accounts (click or press Enter to fill in)"))
        heading.setProperty("role", "subtitle")
        table = named(
            QTableWidget(len(demo.DEMO_ACCOUNTS), 4),
            "signIn.demoAccounts",
            self.tr("Demo accounts"),
        )
        table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Password"), self.tr("Role"), self.tr("Person")]
        )
        for row, account in enumerate(demo.DEMO_ACCOUNTS):
            values = (
                account.username,
                account.password,
                role_labels(account.roles),
                account.display_name,
            )
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.resizeColumnsToContents()
        height = header.height() + sum(table.rowHeight(r) for r in range(table.rowCount())) + 4
        table.setFixedHeight(height)
        table.setMinimumWidth(440)
        table.clicked.connect(self._demo_account_chosen)
        table.activated.connect(self._demo_account_chosen)
        self.demo_accounts = table
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(20, 20, 20, 20)
        layout.addWidget(heading)
        layout.addWidget(table)
        return panel

    def _demo_account_chosen(self, index: QModelIndex) -> None:
        self.use_demo_account(index.row())

    def use_demo_account(self, row: int) -> None:
        account = demo.DEMO_ACCOUNTS[row]
        self.username.setText(account.username)
        self.password.setText(account.password)
        self.error.clear()
        self.password.setFocus()

    def _username_entered(self) -> None:
        if self.password.text():
            self.sign_in()
        else:
            self.password.setFocus()

    def sign_in(self) -> None:
        if not self.username.text().strip():
            self.error.setText(self.tr("Enter your user name"))
            self.username.setFocus()
            return
        if not self.password.text():
            self.error.setText(self.tr("Enter your password"))
            self.password.setFocus()
            return
        if self.pending:
            return
        self.pending = True
        self.submit.setEnabled(False)
        set_role(self.error, "muted")
        self.error.setText(self.tr("Signing in…"))
        username, password = self.username.text(), self.password.text()
        self.worker.run(
            lambda desk: desk.accounts.sign_in(username, password),
            lambda clerk: self._signed_in(clerk, password),
            self._refused,
            owner=self,
        )

    def _signed_in(self, clerk: Clerk, password: str) -> None:
        self._done()
        self.error.clear()
        self.password.clear()
        self.credentialsAccepted.emit(clerk.username, password)
        self.signedIn.emit(clerk)

    def _refused(self, error: UserError) -> None:
        """The same message for a wrong name and a wrong password; the name stays typed."""
        self._done()
        self.error.setText(error.render())
        self.password.clear()
        self.password.setFocus()

    def _done(self) -> None:
        self.pending = False
        self.submit.setEnabled(True)
        set_role(self.error, "error")
