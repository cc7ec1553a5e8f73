"""What may be attached to a case's materials: PDF, JPEG, PNG or TIFF files up to the
``max_import_mb`` setting, whose pages can be shown and printed.

The type is decided by the extension *and* the first bytes of the file, so a text file
renamed ``.pdf`` is refused before anything is copied into the file store; then the file gets
the checks of an imported one (:func:`clerk_desk.devices.file_source.check_pages`), so that
an encrypted PDF or a giant image is refused now, not when the case is printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clerk_desk.domain.limits import IMPORT_MB_DEFAULT
from clerk_desk.errors import UserError
from clerk_desk.i18n import QT_TRANSLATE_NOOP
from clerk_desk.imported_files import regular_file_size

ALLOWED_TYPES_TEXT = "PDF、JPEG、PNG、TIFF"


@dataclass(frozen=True)
class FileType:
    label: str
    media_type: str
    extensions: tuple[str, ...]
    signatures: tuple[bytes, ...]


FILE_TYPES = (
    FileType("PDF", "application/pdf", (".pdf",), (b"%PDF-",)),
    FileType("JPEG", "image/jpeg", (".jpg", ".jpeg"), (b"\xff\xd8\xff",)),
    FileType("PNG", "image/png", (".png",), (b"\x89PNG\r\n\x1a\n",)),
    FileType("TIFF", "image/tiff", (".tif", ".tiff"), (b"II*\x00", b"MM\x00*")),
)
# For file dialogs: "*.pdf *.jpg …".
ALLOWED_PATTERNS = tuple(f"*{ext}" for kind in FILE_TYPES for ext in kind.extensions)
_SIGNATURE_LENGTH = max(len(sig) for kind in FILE_TYPES for sig in kind.signatures)


class AttachmentError(UserError):
    pass


def check_attachment(path: Path, max_import_mb: int = IMPORT_MB_DEFAULT) -> str:
    """The file's media type, or a :class:`~clerk_desk.errors.UserError` saying what is wrong."""
    try:
        size = regular_file_size(path)
        with path.open("rb") as file:
            head = file.read(_SIGNATURE_LENGTH)
    except OSError as error:
        raise AttachmentError(
            # 无法读取文件 {name}（{error}）
            QT_TRANSLATE_NOOP("core", "The file {name} cannot be read ({error})"),
            name=path.name,
            error=error.strerror or str(error),
        ) from error
    kind = next((k for k in FILE_TYPES if path.suffix.lower() in k.extensions), None)
    if kind is None:
        raise AttachmentError(
            # 不能导入 {name}：只允许 PDF、JPEG、PNG、TIFF 文件
            QT_TRANSLATE_NOOP(
                "core", "{name} cannot be attached: only {allowed} files are allowed"
            ),
            name=path.name,
            allowed=ALLOWED_TYPES_TEXT,
        )
    if not head.startswith(kind.signatures):
        raise AttachmentError(
            # {name} 的内容不是 {kind} 文件；只允许 PDF、JPEG、PNG、TIFF 文件
            QT_TRANSLATE_NOOP(
                "core",
                "{name} is not really a {kind} file (its content does not match); "
                "only {allowed} files are allowed",
            ),
            name=path.name,
            kind=kind.label,
            allowed=ALLOWED_TYPES_TEXT,
        )
    if size > max_import_mb * 1024 * 1024:
        raise AttachmentError(
            # {name} 大小为 {size} MB，超过 {limit} MB 的上限
            QT_TRANSLATE_NOOP(
                "core", "{name} is {size} MB; files up to {limit} MB can be attached"
            ),
            name=path.name,
            size=f"{size / 1024 / 1024:.1f}",
            limit=max_import_mb,
        )
    # pdfium is loaded when a file is first attached, not when the desk starts.
    from clerk_desk.devices.file_source import check_pages

    check_pages(path, max_import_mb)
    return kind.media_type
