"""打印: the papers of a 代办 that apply now (委托书 to sign, 受理单, 中止单, 办结单 / 终止单,
回访记录), previewed as they will print, printed on the device thread.

The papers are made on the database thread (the record's cases and the catalog's item names
come from the desk); printing goes to the window's default printer, or without one to PDF
files in the desk's ``papers`` folder, as the intake's papers do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from clerk_desk.documents.case_papers import PaperContext
from clerk_desk.documents.proxy_papers import papers_for_record, proxy_paper
from clerk_desk.documents.render import render_html
from clerk_desk.errors import UserError
from ui.desk_worker import DeskWorker, JobControl
from ui.intake.dialogs import ok_cancel_buttons
from ui.naming import named
from ui.printing import PaperPreviewDialog, print_to_printer, render_pdf
from ui.theme import set_role

if TYPE_CHECKING:
    from clerk_desk.desk import Desk

PREVIEW_KEY = "Alt+V"


@dataclass(frozen=True)
class ProxyPrintout:
    title: str
    html: str


def load_papers(desk: Desk, record_uuid: str, clerk: str) -> tuple[str, list[ProxyPrintout]]:
    """The record's number and its papers that apply now, as HTML (database thread)."""
    proxies = desk.proxies
    record = proxies.record(record_uuid)
    number = desk.settings.get("window_number")
    context = PaperContext.from_settings(
        desk.settings,
        window=f"{number}号窗口" if number else "",
        clerk=clerk,
        printed_at=proxies.clock(),
    )
    cases = proxies.cases(record)
    items = desk.intake.catalog_items(record.item_codes) if record.item_codes else []
    names = {item.basic_code: item.name for item in items}
    printouts = []
    for kind in papers_for_record(record):
        paper = proxy_paper(kind, record, context, cases, names)
        printouts.append(ProxyPrintout(paper.title, render_html(paper)))
    return record.number, printouts


class ProxyPapersDialog(QDialog):
    """The papers listed; Enter prints the chosen one, Alt+V previews it."""

    printed = Signal(list)  # the PDF files written when no printer is set up

    def __init__(
        self,
        worker: DeskWorker,
        number: str,
        printouts: list[ProxyPrintout],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("proxy.papersDialog")
        self.setWindowTitle(self.tr("Papers of {number}").format(number=number))
        self.worker = worker
        self.number = number
        self.printouts = printouts
        self.preview: PaperPreviewDialog | None = None
        caption = QLabel(self.tr("&Papers that apply now"))
        self.list = named(QListWidget(), "proxy.papers", self.tr("Papers that apply now"))
        self.list.addItems([printout.title for printout in printouts])
        self.list.setCurrentRow(0)
        caption.setBuddy(self.list)
        self.preview_button = named(
            QPushButton(self.tr("{key} Preview").format(key=PREVIEW_KEY)),
            "proxy.papersDialog.preview",
            self.tr("Preview"),
        )
        self.preview_button.setToolTip(self.tr("Show the chosen paper as it will print"))
        self.preview_button.setAutoDefault(False)
        self.preview_button.clicked.connect(self.show_preview)
        QShortcut(QKeySequence(PREVIEW_KEY), self).activated.connect(self.show_preview)
        self.message = named(QLabel(), "proxy.papersDialog.message", self.tr("Printing"))
        self.message.setWordWrap(True)
        buttons, self.ok = ok_cancel_buttons(self, "proxy.papersDialog", self.tr("Print"))
        self.ok.setToolTip(self.tr("Print the chosen paper (Enter)"))
        buttons.accepted.connect(self.print_current)
        buttons.addButton(self.preview_button, buttons.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.list)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _current(self) -> ProxyPrintout | None:
        row = self.list.currentRow()
        return self.printouts[row] if 0 <= row < len(self.printouts) else None

    def show_preview(self) -> None:
        printout = self._current()
        if printout is None:
            return
        self.preview = PaperPreviewDialog(printout.html, self)
        self.preview.setObjectName("proxy.previewDialog")
        self.preview.show()

    def print_current(self) -> None:
        """On the default printer, on the device thread; without one, as a PDF file."""
        printout = self._current()
        if printout is None or self.worker.desk is None:
            return
        html = printout.html
        path = self.worker.desk.data_dir.root / "papers" / f"{self.number}-{printout.title}.pdf"
        printer_name = QPrinterInfo.defaultPrinterName()
        self.ok.setEnabled(False)
        set_role(self.message, "muted")
        self.message.setText(self.tr("Printing…"))

        def run(_: JobControl) -> list[Path]:
            if printer_name:
                printer = QPrinter(QPrinter.PrinterMode.HighResolution)
                printer.setPrinterName(printer_name)
                print_to_printer(html, printer)
                return []
            path.parent.mkdir(parents=True, exist_ok=True)
            render_pdf(html, path)
            return [path]

        self.worker.run_device(run, self._printed, self._failed, owner=self)

    def _printed(self, paths: list[Path]) -> None:
        self.ok.setEnabled(True)
        if paths:
            text = self.tr("No printer is set up; saved as PDF: {paths}").format(
                paths="；".join(str(path) for path in paths)
            )
        else:
            text = self.tr("Printed")
        self.message.setText(text)
        self.printed.emit(paths)

    def _failed(self, error: UserError) -> None:
        self.ok.setEnabled(True)
        set_role(self.message, "error")
        self.message.setText(error.render())
