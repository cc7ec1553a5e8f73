"""The 日报 on paper: a report to an A4 landscape PDF, a print preview or a printer.

The HTML comes from ``clerk_desk.reports.paper.report_html``; pages, their footer (第 N 页 共
M 页), the fonts and the mended ToUnicode maps are ``ui.printing``'s, as for every paper.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from clerk_desk.domain.report import Report
from clerk_desk.reports.paper import report_html
from ui.naming import named
from ui.printing import PaperPreviewDialog, print_to_printer, render_pdf


def write_report_pdf(report: Report, path: Path, printed_at: datetime) -> int:
    """Write the report as an A4 landscape PDF at ``path``; return the number of pages.

    Uses no widgets, so it may run on a worker thread (as ``ui.printing.render_pdf``); a
    QGuiApplication must exist for the fonts.
    """
    return render_pdf(report_html(report, printed_at), path, landscape=True)


def print_report(report: Report, printer: QPrinter, printed_at: datetime) -> int:
    """Print the report on a printer the supervisor set up (QPrintDialog): A4 landscape."""
    return print_to_printer(report_html(report, printed_at), printer, landscape=True)


class ReportPreviewDialog(PaperPreviewDialog):
    """The print preview of a report, A4 landscape, painted as it will print; the supervisor
    prints from its toolbar (the printed time is when the preview was opened)."""

    def __init__(self, report: Report, printed_at: datetime, parent: QWidget | None = None) -> None:
        super().__init__(report_html(report, printed_at), parent, landscape=True)
        named(self, "report.preview", self.tr("Print preview of the report"))
