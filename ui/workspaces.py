"""The admin's settings form (the settings workspace)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerk_desk.devices.base import DeviceInfo
from clerk_desk.devices.registry import list_devices
from clerk_desk.errors import UserError
from clerk_desk.settings import report_time
from clerk_desk.sync.connection import check_address
from ui.desk_worker import DeskWorker
from ui.display.evaluator import EvaluatorKeysError, parse_keys
from ui.intake.scanning import window_scanner
from ui.naming import named
from ui.theme import align_spin_box, set_role

LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))
FONT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
# What scanners commonly offer; the scanner says which it lacks when asked for one.
SCAN_RESOLUTIONS = (150, 200, 300, 600)
# SANE backends that reach scanners over the network.
NETWORK_BACKENDS = frozenset({"net", "airscan", "escl", "saned"})


class SettingsPage(QWidget):
    """The administrator's desk settings. Language applies at the next start; text size and
    the high-contrast theme as soon as they are saved (the main window applies them).

    ``accounts`` (the accounts panel) sits beside the settings card, so both fit a 1366×768
    screen; the page scrolls when a larger text size needs more room. A save is announced as
    a change notice (the sync timer takes the new interval).
    """

    saved = Signal()

    def __init__(
        self,
        worker: DeskWorker,
        accounts: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._sized: list[QWidget] = []  # filled once the fields exist
        if worker.desk is None:
            raise RuntimeError("the settings page needs an open desk")
        self.worker = worker
        settings = self.settings = worker.desk.settings
        self.setObjectName("workspace.settings")
        heading = QLabel(self.tr("Settings"))
        heading.setProperty("role", "title")

        self.idle_minutes = named(
            QSpinBox(), "settings.idleLockMinutes", self.tr("Lock after idle minutes")
        )
        align_spin_box(self.idle_minutes)
        self.idle_minutes.setRange(0, 240)
        self.idle_minutes.setSpecialValueText(self.tr("never"))
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setValue(int(settings.get("idle_lock_minutes")))

        self.language = named(QComboBox(), "settings.language", self.tr("Language"))
        for code, label in LANGUAGES:
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language"))))

        self.font_scale = named(QComboBox(), "settings.fontScale", self.tr("Text size"))
        for scale in FONT_SCALES:
            self.font_scale.addItem(f"{round(scale * 100)} %", scale)
        current = float(settings.get("font_scale"))
        nearest = min(range(len(FONT_SCALES)), key=lambda i: abs(FONT_SCALES[i] - current))
        self.font_scale.setCurrentIndex(nearest)

        self.high_contrast = named(
            QCheckBox(self.tr("High contrast")),
            "settings.highContrast",
            self.tr("High-contrast theme"),
        )
        self.high_contrast.setToolTip(
            self.tr("Black text on white with strong focus rings, for every window of this desk")
        )
        self.high_contrast.setChecked(bool(settings.saved("high_contrast")))
        self.guided_intake = named(
            QCheckBox(self.tr("Guided intake")),
            "settings.guidedIntake",
            self.tr("Start each intake guided (assisted service)"),
        )
        self.guided_intake.setToolTip(
            self.tr("One question per page in large type, for visitors who need help")
        )
        self.guided_intake.setChecked(bool(settings.saved("guided_intake")))

        self.platform_url = named(
            QLineEdit(str(settings.saved("platform_url"))),
            "settings.platformUrl",
            self.tr("Central platform address"),
        )
        # Left empty, this run may still sync: demo mode starts the training platform.
        running = "" if settings.saved("platform_url") else str(settings.get("platform_url"))
        self.platform_url.setPlaceholderText(
            self.tr("empty: this run syncs with {url}").format(url=running)
            if running
            else self.tr("empty: work on its own")
        )
        self.ca_bundle = named(
            QLineEdit(str(settings.saved("ca_bundle"))),
            "settings.caBundle",
            self.tr("CA certificate file"),
        )
        self.ca_bundle.setPlaceholderText(self.tr("empty: the system's certificates"))
        self.allow_plain_http = named(
            QCheckBox(self.tr("Allow unencrypted http:// to another computer")),
            "settings.allowPlainHttp",
            self.tr("Allow unencrypted http:// to another computer"),
        )
        self.allow_plain_http.setChecked(bool(settings.saved("allow_plain_http")))
        self.sync_interval = named(
            QSpinBox(), "settings.syncInterval", self.tr("Sync every (seconds)")
        )
        align_spin_box(self.sync_interval)
        self.sync_interval.setRange(5, 3600)
        self.sync_interval.setSuffix(self.tr(" s"))
        self.sync_interval.setValue(int(settings.saved("sync_interval_seconds")))
        self.centre_phone = named(
            QLineEdit(str(settings.saved("centre_phone"))),
            "settings.centrePhone",
            self.tr("Enquiry phone printed on papers"),
        )
        self.review_body = named(
            QLineEdit(str(settings.saved("review_body"))),
            "settings.reviewBody",
            self.tr("Administrative review body printed on refusals"),
        )
        self.review_body.setPlaceholderText(
            self.tr("empty: the people's government named in the centre's name")
        )
        self.progress_url = named(
            QLineEdit(str(settings.saved("progress_url"))),
            "settings.progressUrl",
            self.tr("Progress page of the platform, {case_no} for the number"),
        )
        self.progress_url.setPlaceholderText(self.tr("empty: the QR code holds the case number"))
        self.gap_days = named(
            QSpinBox(), "settings.gapSupplementDays", self.tr("Working days to supply gaps")
        )
        align_spin_box(self.gap_days)
        self.gap_days.setRange(0, 60)
        self.gap_days.setSuffix(self.tr(" working days"))
        self.gap_days.setValue(int(settings.saved("gap_supplement_days")))
        self.warn_days = named(
            QSpinBox(), "settings.reviewWarnDays", self.tr("Working days left when due soon")
        )
        align_spin_box(self.warn_days)
        self.warn_days.setRange(0, 30)
        self.warn_days.setSuffix(self.tr(" working days"))
        self.warn_days.setValue(int(settings.saved("review_warn_days")))
        self.report_time = named(
            QLineEdit(str(settings.saved("daily_report_time"))),
            "settings.dailyReportTime",
            self.tr("Time the daily report is made by itself (HH:MM, empty: never)"),
        )
        self.report_time.setPlaceholderText(self.tr("HH:MM, e.g. 18:30; empty: never"))
        self.report_time.setToolTip(
            self.tr("After this time each day the day's report is saved in the data folder")
        )
        self.scanner = named(
            QComboBox(), "settings.scannerDevice", self.tr("This window's scanner")
        )
        self._list_scanners()
        self.scan_resolution = self._choice(
            "settings.scanResolution",
            self.tr("Scan resolution"),
            [(self.tr("{dpi} dpi").format(dpi=dpi), dpi) for dpi in SCAN_RESOLUTIONS],
            int(settings.saved("scan_resolution")),
        )
        self.scan_mode = self._choice(
            "settings.scanMode",
            self.tr("Scan colour"),
            [
                (self.tr("colour"), "colour"),
                (self.tr("grey"), "grey"),
                (self.tr("black and white"), "bw"),
            ],
            str(settings.saved("scan_mode")),
        )
        self.scan_source = self._choice(
            "settings.scanSource",
            self.tr("Paper source"),
            [
                (self.tr("flatbed"), "flatbed"),
                (self.tr("feeder"), "feeder"),
                (self.tr("feeder, both sides"), "duplex"),
            ],
            str(settings.saved("scan_source")),
        )

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(7)
        for text, field in (
            (self.tr("Idle loc&k"), self.idle_minutes),
            (self.tr("Lan&guage"), self._beside(self.language, self.guided_intake)),
            (self.tr("Te&xt size"), self._beside(self.font_scale, self.high_contrast)),
            (self.tr("Platfor&m"), self.platform_url),
            (self.tr("&CA file"), self.ca_bundle),
            ("", self.allow_plain_http),
            (self.tr("S&ync every"), self.sync_interval),
            (self.tr("Enquiry p&hone"), self.centre_phone),
            (self.tr("Review &body"), self.review_body),
            (self.tr("Progress &query URL"), self.progress_url),
            (self.tr("Gap days (&Z)"), self.gap_days),
            (self.tr("Due-soon days (&J)"), self.warn_days),
            # Every letter of the page has its field already: reached by Tab only.
            (self.tr("Daily report at"), self.report_time),
            (self.tr("&Scanner"), self.scanner),
            (self.tr("Resolut&ion"), self.scan_resolution),
            (self.tr("C&olour"), self.scan_mode),
            (self.tr("Paper &feed"), self.scan_source),
        ):
            if not text:
                form.addRow(field)
                continue
            caption = QLabel(text)
            caption.setBuddy(field)
            form.addRow(caption, field)

        self.save_button = named(QPushButton(self.tr("Sa&ve")), "settings.save", self.tr("Save"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.status = named(QLabel(), "settings.status", self.tr("Settings message"))
        self.status.setWordWrap(True)
        # Below the scrolling page, always in view, whatever the text size.
        save_bar = QFrame()
        save_bar.setObjectName("settings.saveBar")
        save_bar.setProperty("role", "card")
        buttons = QHBoxLayout(save_bar)
        buttons.setContentsMargins(32, 8, 32, 8)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)

        card = QFrame()
        card.setProperty("role", "card")
        # As wide as its fields ask (wider at a larger text size), never stretched.
        card.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.setSpacing(14)
        hint = QLabel(
            self.tr(
                "Language and the platform address take effect the next time the desk starts; "
                "text size and contrast at once."
            )
        )
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        inner.addLayout(form)
        inner.addWidget(hint)

        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(card, 0, Qt.AlignmentFlag.AlignTop)
        right = QVBoxLayout()
        right.setSpacing(16)
        right.addWidget(self._display_settings())
        if accounts is not None:
            right.addWidget(accounts, 1)
        else:
            right.addStretch(1)
        columns.addLayout(right, 1)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(16)
        layout.addWidget(heading)
        layout.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setObjectName("settings.scroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.viewport().setAutoFillBackground(False)
        content.setAutoFillBackground(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(scroll, 1)
        outer.addWidget(save_bar)
        self._sized = self._sized_fields()
        self._fit_fields()

    def _display_settings(self) -> QFrame:
        """The customer display and 好差评: which screen, the rating device's keys, how long
        the display waits, the 整改 days, the platform's code order; in a card of their own
        above the accounts, so the page still fits the hall's 1366×768 screen."""
        settings = self.settings
        self.display_screen = named(
            QComboBox(), "settings.displayScreen", self.tr("Screen of the customer display")
        )
        self._list_screens()
        self.evaluator_keys = named(
            QLineEdit(str(settings.saved("evaluator_keys"))),
            "settings.evaluatorKeys",
            self.tr("Keys of the rating device, best level first"),
        )
        self.evaluator_keys.setPlaceholderText("F13,F14,F15,F16,F17")
        self.evaluator_keys.setToolTip(
            self.tr("4 or 5 key names separated by commas, best level first")
        )
        self.evaluator_error = named(
            QLabel(), "settings.evaluatorKeysError", self.tr("Problem with the rating keys")
        )
        self.evaluator_error.setProperty("role", "error")
        self.evaluator_error.setWordWrap(True)
        self.evaluator_error.hide()
        self.evaluator_keys.textChanged.connect(self._check_keys)
        self.rating_timeout = named(
            QSpinBox(), "settings.ratingTimeout", self.tr("Seconds the display waits for a rating")
        )
        align_spin_box(self.rating_timeout)
        self.rating_timeout.setRange(30, 1800)
        self.rating_timeout.setSuffix(self.tr(" s"))
        self.rating_timeout.setValue(int(settings.saved("rating_timeout_seconds")))
        self.followup_days = named(
            QSpinBox(), "settings.followupDays", self.tr("Working days to answer a poor rating")
        )
        align_spin_box(self.followup_days)
        self.followup_days.setRange(1, 30)
        self.followup_days.setSuffix(self.tr(" working days"))
        self.followup_days.setValue(int(settings.saved("followup_days")))
        self.code_order = self._choice(
            "settings.ratingCodeOrder",
            self.tr("The platform's rating codes"),
            [
                (self.tr("national: 1 = very satisfied"), "national"),
                (self.tr("reversed: 1 = very dissatisfied"), "reversed"),
            ],
            str(settings.saved("rating_code_order")),
        )
        heading = QLabel(self.tr("Customer display and ratings"))
        heading.setProperty("role", "subtitle")
        # The message about the keys right under their field.
        keys_cell = QWidget()
        keys_layout = QVBoxLayout(keys_cell)
        keys_layout.setContentsMargins(0, 0, 0, 0)
        keys_layout.setSpacing(2)
        keys_layout.addWidget(self.evaluator_keys)
        keys_layout.addWidget(self.evaluator_error)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        cells = (
            # Two pairs a row: three would not fit 1366 px beside the form at 100 %.
            (0, 0, self.tr("Customer scr&een"), self.display_screen, self.display_screen),
            (0, 2, self.tr("Rating keys"), keys_cell, self.evaluator_keys),
            (1, 0, self.tr("Rating wait"), self.rating_timeout, self.rating_timeout),
            (1, 2, self.tr("Rating codes"), self.code_order, self.code_order),
            (2, 0, self.tr("Poor rating days"), self.followup_days, self.followup_days),
        )
        for row, column, text, cell, field in cells:
            caption = QLabel(text)
            caption.setBuddy(field)
            grid.addWidget(
                caption, row, column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
            )
            grid.addWidget(cell, row, column + 1, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(column + 1, 1)
        card = QFrame()
        card.setObjectName("settings.display")
        card.setProperty("role", "card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(16, 8, 16, 8)
        inner.setSpacing(6)
        inner.addWidget(heading)
        inner.addLayout(grid)
        return card

    def _list_screens(self) -> None:
        """The screens present now by name (a screen without one cannot be remembered), the
        chosen one said to be missing when it is unplugged."""
        chosen = str(self.settings.saved("display_screen"))
        box = self.display_screen
        box.clear()
        box.addItem(self.tr("movable window"), "")
        for screen in QGuiApplication.screens():
            if not screen.name():
                continue
            size = screen.size()
            box.addItem(
                self.tr("{name} ({width}×{height})").format(
                    name=screen.name(), width=size.width(), height=size.height()
                ),
                screen.name(),
            )
        if chosen and box.findData(chosen) < 0:
            box.addItem(self.tr("{name} (not connected now)").format(name=chosen), chosen)
        box.setCurrentIndex(max(0, box.findData(chosen)))

    def _check_keys(self) -> str | None:
        """The rating keys as saved ("F13,F14,…"), or None with the problem said beside."""
        try:
            keys = parse_keys(self.evaluator_keys.text())
        except EvaluatorKeysError as error:
            self.evaluator_error.setText(str(error))
            self.evaluator_error.show()
            return None
        self.evaluator_error.clear()
        self.evaluator_error.hide()
        names = [name.strip() for name in self.evaluator_keys.text().split(",") if name.strip()]
        assert len(names) == len(keys)
        return ",".join(names)

    def _list_scanners(self) -> None:
        """Ask SANE (TWAIN on Windows) for the scanners on the device thread: probing the
        network for scanners can take seconds."""
        chosen, backends = window_scanner(self.settings)
        self.scanner.addItem(self.tr("Looking for scanners…"), chosen)
        self.scanner.setEnabled(False)

        def find(_: object) -> tuple[list[DeviceInfo], str]:
            try:
                return list_devices(backends), ""
            except OSError as error:
                return [], str(error)

        self.worker.run_device(find, lambda found: self._show_scanners(*found), owner=self)

    def _show_scanners(self, devices: list[DeviceInfo], problem: str) -> None:
        chosen, _ = window_scanner(self.settings)
        self.scanner.clear()
        self.scanner.addItem(self.tr("none (import files only)"), "")
        for device in devices:
            self.scanner.addItem(self._scanner_label(device), device.name)
            self.scanner.setItemData(
                self.scanner.count() - 1, device.name, Qt.ItemDataRole.ToolTipRole
            )
        if chosen and self.scanner.findData(chosen) < 0:
            self.scanner.addItem(self.tr("{name} (not found now)").format(name=chosen), chosen)
        self.scanner.setCurrentIndex(max(0, self.scanner.findData(chosen)))
        self.scanner.setToolTip(problem)
        self.scanner.setEnabled(True)

    def _scanner_label(self, device: DeviceInfo) -> str:
        """The scanner as the hall knows it: its make and model (SANE's placeholder vendor
        "Noname" left out) and how it is connected; SANE's test devices are called so."""
        backend, _, rest = device.name.partition(":")
        if backend == "test":
            return self.tr("Demo scanner {number} (SANE test device)").format(
                number=int(rest or 0) + 1 if rest.isdigit() else rest
            )
        model = device.model.removeprefix("Noname ").strip() or device.name
        if "usb" in rest.lower():
            connection = self.tr("USB")
        elif backend in NETWORK_BACKENDS:
            connection = self.tr("network")
        else:
            connection = backend
        return f"{model} ({connection})"

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_fields()

    def _fit_fields(self) -> None:
        """Fields at least 200 px at 100 % text, and as wide as their placeholder at any size
        (a placeholder cannot scroll); the page scrolls when they need more room."""
        for field in self._sized:
            if isinstance(field, QComboBox) and field is not self.code_order:
                field.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            metrics = field.fontMetrics()
            placeholder = field.placeholderText() if isinstance(field, QLineEdit) else ""
            needed = metrics.horizontalAdvance(placeholder) + 3 * metrics.height()
            field.setMinimumWidth(max(round(200 * metrics.height() / 20), needed))

    def _sized_fields(self) -> list[QWidget]:
        return [
            self.idle_minutes, self.language, self.font_scale, self.platform_url,
            self.ca_bundle, self.sync_interval, self.centre_phone, self.review_body,
            self.progress_url, self.gap_days, self.warn_days, self.report_time, self.scanner,
            self.scan_resolution, self.scan_mode, self.scan_source, self.display_screen,
            self.evaluator_keys, self.rating_timeout, self.followup_days, self.code_order,
        ]  # fmt: skip

    @staticmethod
    def _beside(field: QWidget, extra: QWidget) -> QWidget:
        """Two controls in one row of the form (the page has no height to spare)."""
        cell = QWidget()
        row = QHBoxLayout(cell)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addWidget(field, 1)
        row.addWidget(extra)
        cell.setFocusProxy(field)  # the caption's mnemonic
        return cell

    @staticmethod
    def _choice(
        name: str, accessible: str, choices: list[tuple[str, object]], current: object
    ) -> QComboBox:
        box = named(QComboBox(), name, accessible)
        for text, value in choices:
            box.addItem(text, value)
        box.setCurrentIndex(max(0, box.findData(current)))
        return box

    def save(self) -> None:
        settings = self.settings
        url, bundle = self.platform_url.text().strip(), self.ca_bundle.text().strip()
        keys = self._check_keys()
        if keys is None:
            self.status.setText(self.tr("Not saved: the rating keys cannot be used"))
            set_role(self.status, "error")
            self.evaluator_keys.setFocus()
            return
        try:
            at = report_time(self.report_time.text())  # checked before anything changes
            check_address(url, bundle, self.allow_plain_http.isChecked())
            settings.update(
                idle_lock_minutes=self.idle_minutes.value(),
                language=str(self.language.currentData()),
                font_scale=float(self.font_scale.currentData()),
                high_contrast=self.high_contrast.isChecked(),
                guided_intake=self.guided_intake.isChecked(),
                platform_url=url,
                ca_bundle=bundle,
                allow_plain_http=self.allow_plain_http.isChecked(),
                sync_interval_seconds=self.sync_interval.value(),
                centre_phone=self.centre_phone.text().strip(),
                review_body=self.review_body.text().strip(),
                progress_url=self.progress_url.text().strip(),
                gap_supplement_days=self.gap_days.value(),
                review_warn_days=self.warn_days.value(),
                scanner_device=str(self.scanner.currentData() or ""),
                scan_resolution=int(self.scan_resolution.currentData()),
                scan_mode=str(self.scan_mode.currentData()),
                scan_source=str(self.scan_source.currentData()),
                display_screen=str(self.display_screen.currentData() or ""),
                evaluator_keys=keys,
                rating_timeout_seconds=self.rating_timeout.value(),
                followup_days=self.followup_days.value(),
                rating_code_order=str(self.code_order.currentData()),
                daily_report_time=at.strftime("%H:%M") if at is not None else "",
            )
            settings.save()
        except UserError as error:
            self.status.setProperty("role", "error")
            self.status.setText(error.render())
        except OSError as error:
            self.status.setProperty("role", "error")
            self.status.setText(
                self.tr("The settings could not be saved: {error}").format(
                    error=error.strerror or error
                )
            )
        else:
            self.status.setProperty("role", "muted")
            self.status.setText(self.tr("Saved."))
            self.worker.announce()
            self.saved.emit()
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
