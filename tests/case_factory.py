"""The one way the tests make cases: through the real IntakeService of a real desk.

``make_case`` takes a draft through the service as a clerk would (items chosen, an applicant
in person, every material marked), and with ``accept_by`` accepts it (受理: case number,
deadline, three outbox rows: submit, accept and the route to its departments that follows at
once). ``routed_case`` is that accepted case, in review; ``review_service`` is the desk's
review service on a settable clock. Everything has a sensible default, and each
test overrides only what it is about. The small real files a clerk attaches (a one-page PDF,
a 1×1 PNG) and a settable clock live here too.
"""

from __future__ import annotations

import random
import struct
import zlib
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

from clerk_desk.desk import Desk
from clerk_desk.domain.case import Applicant, Case, MaterialMark
from clerk_desk.domain.identity import make_id_number
from clerk_desk.services.intake import IntakeService
from clerk_desk.services.proxy import ProxyService
from clerk_desk.services.review import ReviewService

FOOD_LICENCE = "000142130101"  # 食品经营许可（新办）, 5 days, two gap-allowed materials
SEAL_FILING = "000042810600"  # 公章刻制备案, 即办件, no gap allowed
TAX_PACKAGE = "000253010700"  # 新办纳税人涉税事项套餐, 即办件
SOLE_TRADER = "000142110300"  # 个体工商户设立登记, 即办件, issues a licence (证照)
MARKET = "市场监督管理局"  # the department of the food licence and the sole trader
POLICE = "公安局"  # the department of the seal filing
REVIEWER = "reviewer"
FORM = "食品经营许可申请书"  # the food licence's application form, a key material
CLERK = "clerk"
MONDAY = datetime(2026, 9, 28, 9, 30)  # a working Monday morning
IN_PERSON = {"applicant": "self", "procedure": "general"}


class Clock:
    """A settable clock, so deadlines and case numbers are known in advance."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def intake_service(desk: Desk, clock: Clock | None = None) -> IntakeService:
    """The desk's intake (with its stored calendars) on ``clock``, or ``desk.intake`` itself."""
    if clock is None:
        return desk.intake
    return IntakeService(
        desk.database, desk.catalog, desk.settings, clock, desk.intake.work_calendar
    )


def proxy_service(desk: Desk, clock: Clock) -> ProxyService:
    """The desk's 代办 records on ``clock``; the desk's intake, which starts their cases, moves
    to the same clock."""
    desk.intake.clock = clock
    return ProxyService(desk.database, desk.intake, desk.settings, clock, desk.intake.work_calendar)


def review_service(desk: Desk, clock: Clock | None = None) -> ReviewService:
    """The desk's review service (its calendar) on ``clock``, or ``desk.review`` itself."""
    if clock is None:
        return desk.review
    return ReviewService(
        desk.database, desk.catalog, desk.settings, clock, desk.intake.work_calendar
    )


def routed_case(
    desk: Desk,
    codes: Sequence[str] = (FOOD_LICENCE,),
    *,
    clock: Clock | None = None,
    applicant: Applicant | None = None,
) -> Case:
    """An accepted case, routed to its departments (in review), as the desk stores it."""
    return make_case(desk, codes, clock=clock, applicant=applicant, accept_by=CLERK)


def person(name: str = "李娜", sequence: int = 12, phone: str = "13812345678") -> Applicant:
    """An individual with a valid ID number (born 1990-05-01 in Hefei; ``sequence`` varies it)."""
    return Applicant(
        name=name,
        id_number=make_id_number("340104", date(1990, 5, 1), sequence),
        phone=phone,
    )


def make_case(
    desk: Desk | IntakeService,
    codes: Sequence[str] = (FOOD_LICENCE,),
    *,
    clock: Clock | None = None,
    applicant: Applicant | None = None,
    answers: Mapping[str, str] = IN_PERSON,
    mark: MaterialMark | None = MaterialMark.RECEIVED,
    attach: Path | None = None,
    attach_to: str | None = None,
    accept_by: str | None = None,
    clerk: str = CLERK,
) -> Case:
    """A case for ``codes`` made through the real service of ``desk`` (or the service given).

    - ``applicant``: default :func:`person`; ``answers``: the situation answers (in person).
    - ``mark``: every material's mark (``None`` leaves them unchecked).
    - ``attach``: a file attached to ``attach_to`` (default: the first material), saved.
    - ``accept_by``: accepts the case as that user; otherwise it stays an unsaved draft
      (saved only when a file was attached), as the workspace holds it while typing.
    """
    service = desk if isinstance(desk, IntakeService) else intake_service(desk, clock)
    case = service.create_draft(codes, clerk)
    case.applicant = applicant or person()
    case.answers = dict(answers)
    service.refresh_materials(case)
    if mark is not None:
        for material in case.materials:
            material.mark = mark
    if attach is not None:
        service.attach_file(case, attach_to or case.materials[0].name, attach)
        service.save_draft(case)
    if accept_by is not None:
        case = service.accept(case, accept_by)
    return case


def mark(case: Case, name: str, value: MaterialMark, note: str = "") -> None:
    """Mark the material called ``name`` as the clerk would with its key."""
    material = next(m for m in case.materials if m.name == name)
    material.mark = value
    material.note = note


# Files a clerk attaches ----------------------------------------------------------------

MINIMAL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def padded_pdf(size: int, seed: int = 20) -> bytes:
    """A valid one-page PDF of exactly ``size`` bytes: the page of :data:`MINIMAL_PDF` and an
    unreferenced stream of random bytes (a large scan, as far as an upload cares)."""
    body = MINIMAL_PDF.removesuffix(b"trailer<</Root 1 0 R>>\n%%EOF\n")
    head = b"4 0 obj<</Length %d>>stream\n"
    tail = b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    fixed = len(body) + len(head % 0) + len(tail)
    length = size - fixed
    while len(body) + len(head % length) + length + len(tail) > size:
        length -= 1
    padding = random.Random(seed).randbytes(length)
    pdf = body + head % length + padding + tail
    return pdf + b" " * (size - len(pdf))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def tiny_png() -> bytes:
    """A valid 1×1 white PNG, made by hand (signature, IHDR, IDAT, IEND)."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )


def write_pdf(folder: Path, name: str = "营业执照.pdf") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(MINIMAL_PDF)
    return path


def write_png(folder: Path, name: str = "门头照片.png") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(tiny_png())
    return path
