"""Papers on paper: HTML → QTextDocument → PDF file, print preview or printer.

Every page gets the footer ``第 N 页 共 M 页``: QTextDocument.print_() does not number pages
the Chinese way, so the document is laid out on the printer's page and each page is painted
here with its footer.

Papers are set in serif type as government papers are: Chinese in a Song (宋体) face, Noto
Serif CJK SC (Debian's fonts-noto-cjk) or SimSun on Windows, a sans family only where no serif
CJK font is installed; Latin letters and digits in a Latin serif (Times New Roman on Windows,
DejaVu Serif on Debian). The Latin face comes first for two reasons of copied-out text: Qt
shapes the digits of a code like 91340100MA2N7QXK0H with Noto CJK into glyphs its PDFs give no
text for (the 2, 7 and 0 vanish), and ligatures are switched off so "fi" copies as two letters.
With Noto, Qt's PDFs would also extract some characters as Kangxi radicals (⼈ for 人):
``pdf_text.repair_to_unicode`` mends the PDF after writing it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractEventDispatcher, QEventLoop, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from clerk_desk.documents.formatting import page_footer
from ui.pdf_text import repair_to_unicode

LATIN_FAMILIES = ("Times New Roman", "DejaVu Serif")
CJK_FAMILIES = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
    "NSimSun",
    "FangSong",
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
)
LIGATURES = QFont.Tag("liga")
MARGINS_MM = QMarginsF(18, 15, 18, 12)
FOOTER_PT = 9
FOOTER_HEIGHT_PT = 24


def installed(families: tuple[str, ...]) -> tuple[str, ...]:
    available = set(QFontDatabase.families())
    return tuple(family for family in families if family in available)


def paper_font(point_size: float = 10.5) -> QFont:
    font = QFont()
    font.setFamilies([*installed(LATIN_FAMILIES), *installed(CJK_FAMILIES)])
    font.setPointSizeF(point_size)
    font.setFeature(LIGATURES, 0)
    return font


def configure_a4(printer: QPrinter, landscape: bool = False) -> None:
    """A4 with the paper margins, upright unless ``landscape`` (wide tables, e.g. the 日报)."""
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            orientation,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )


def ensure_event_dispatcher() -> None:
    """Give a plain Python thread (e.g. a ThreadPoolExecutor worker) a Qt event dispatcher.

    QTextDocument lays a long document out in steps driven by a timer; in a thread Qt did not
    start, starting that timer warns "event dispatcher has already been destroyed". Creating a
    QEventLoop installs a dispatcher for the thread, which stays for the thread's lifetime.
    """
    if QAbstractEventDispatcher.instance() is None:
        QEventLoop()


def paint_document(html: str, printer: QPrinter) -> int:
    """Lay ``html`` out on the printer's pages and paint each with its footer; return pages."""
    ensure_event_dispatcher()
    body = printer.pageRect(QPrinter.Unit.DevicePixel)
    footer_height = FOOTER_HEIGHT_PT * printer.resolution() / 72
    page_size = QSizeF(body.width(), body.height() - footer_height)

    document = QTextDocument()
    document.documentLayout().setPaintDevice(printer)
    document.setDefaultFont(paper_font())
    document.setDocumentMargin(0)
    document.setPageSize(page_size)
    document.setHtml(html)
    pages = document.pageCount()

    painter = QPainter(printer)
    painter.setFont(paper_font(FOOTER_PT))
    try:
        for index in range(pages):
            if index:
                printer.newPage()
            top = index * page_size.height()
            painter.save()
            painter.translate(0, -top)
            document.drawContents(painter, QRectF(0, top, page_size.width(), page_size.height()))
            painter.restore()
            painter.drawText(
                QRectF(0, page_size.height(), page_size.width(), footer_height),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                page_footer(index + 1, pages),
            )
    finally:
        painter.end()
    return pages


def render_pdf(html: str, path: Path, landscape: bool = False) -> int:
    """Write ``html`` as an A4 PDF at ``path`` (turned ``landscape`` if asked); return the
    number of pages.

    Uses no widgets, so it may run on a worker thread: checked from a ``threading.Thread``
    in the tests (see ``ensure_event_dispatcher``). A QGuiApplication must exist for the fonts.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    configure_a4(printer, landscape)
    pages = paint_document(html, printer)
    repair_to_unicode(path, installed(CJK_FAMILIES))
    return pages


def print_to_printer(html: str, printer: QPrinter, landscape: bool = False) -> int:
    """Print on a printer the clerk set up (e.g. in QPrintDialog); A4 with the paper margins."""
    configure_a4(printer, landscape)
    return paint_document(html, printer)


class PaperPreviewDialog(QPrintPreviewDialog):
    """A print preview of one paper, painted exactly as it will print.

    The dialog only points at its printer, so the printer is kept here for the dialog's life.
    """

    def __init__(self, html: str, parent: QWidget | None = None, landscape: bool = False) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_a4(printer, landscape)
        super().__init__(printer, parent)
        self._printer = printer
        self._html = html
        self.paintRequested.connect(self._paint)

    def _paint(self, printer: QPrinter) -> None:
        paint_document(self._html, printer)


def print_preview(html: str, parent: QWidget | None = None, landscape: bool = False) -> int:
    """Show the preview modally; the clerk prints from its toolbar. Returns the dialog result."""
    return PaperPreviewDialog(html, parent, landscape).exec()
