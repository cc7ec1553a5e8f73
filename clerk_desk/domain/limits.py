"""The one set of size limits the desk and the platform both check.

A value the window accepts must be accepted by the platform and the other way round, or a
case gets stuck between them; so every limit lives here, in the shared domain, and the
window, the imports, the intake service and ``platform_sandbox`` read it from here.
"""

from __future__ import annotations

# Text fields, in characters.
NAME_MAX = 200  # a person's or an organisation's name, a legal representative
SHORT_TEXT_MAX = 64  # ID numbers, phone numbers, codes, choices
ADDRESS_MAX = 500
TEXT_MAX = 10_000  # notes, reasons, conditions, acceptance standards, catalog names

# Accounts (the platform's sign-in takes no more).
USERNAME_MAX = SHORT_TEXT_MAX
PASSWORD_MAX = 256

# Catalog numbers.
WORKING_DAYS_MAX = 1000  # 法定/承诺办结时限, in working days; also what a deadline can count
VISITS_MAX = 99  # 到办事现场次数
COPIES_MAX = 99  # 份数 of a material
REUSE_DAYS_MAX = 36_500

# Official calendars (one year per file).
CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR = 2000, 2099

# Imported files.
IMPORT_MB_DEFAULT = 50  # the ``max_import_mb`` setting's default
XLSX_UNCOMPRESSED_MB_MAX = 100  # all parts of a workbook, unpacked
XLSX_RATIO_MAX = 100  # unpacked size / packed size of one part (a zip bomb is far above)
XLSX_ROWS_MAX = 20_000  # rows of one sheet
XLSX_COLUMNS_MAX = 64  # columns read of one sheet
IMAGE_PIXELS_MAX = 80_000_000  # an A3 page at 600 dpi is 70 million
PDF_PAGE_INCHES_MAX = 50  # the longer side of a page; A0 is 46.8 inches
PDF_POINTS_PER_INCH = 72

# Scanning.
SCAN_RESOLUTION_MIN, SCAN_RESOLUTION_MAX = 50, 2400
SCAN_PAGES_MAX = 500  # pages one scan may deliver

# The applicant's and the agent's free-text fields, by attribute name.
APPLICANT_TEXT_LIMITS = (
    ("name", NAME_MAX),
    ("legal_representative", NAME_MAX),
    ("address", ADDRESS_MAX),
)
AGENT_TEXT_LIMITS = (("name", NAME_MAX),)


def too_long(record: object, limits: tuple[tuple[str, int], ...]) -> list[tuple[str, int, int]]:
    """``(field, length, most)`` of each text field of ``record`` over its limit."""
    found = []
    for name, most in limits:
        length = len(getattr(record, name))
        if length > most:
            found.append((name, length, most))
    return found
