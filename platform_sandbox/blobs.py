"""``HEAD|PATCH|GET /blobs/{sha256}``: files by content hash, uploaded resumably.

PATCH reads its body itself (streamed, never more than the blob still lacks), so it is the one
``async`` route; the disk and database work then runs in the thread pool like every other. A
reviewer reads only the blobs a case of their department names.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Request, Response
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from clerk_desk.domain.permissions import Call
from platform_sandbox import blob_store, case_store
from platform_sandbox.blob_store import MAX_BLOB_BYTES, BlobStatus
from platform_sandbox.case_models import SHA256_PATTERN
from platform_sandbox.deps import PlatformDep, Principal, require
from platform_sandbox.errors import (
    ErrorBody,
    Problem,
    error_responses,
    forbidden,
    invalid,
    not_found,
)
from platform_sandbox.scoping import blob_department

router = APIRouter(tags=["blobs"])

BlobHash = Annotated[str, Path(pattern=SHA256_PATTERN, description="sha256 of the bytes")]
Writer = Annotated[Principal, Depends(require(Call.BLOB_WRITE))]
Reader = Annotated[Principal, Depends(require(Call.BLOB_READ))]
OFFSET_MEDIA_TYPE = "application/offset+octet-stream"
_STATUS_HEADERS = {
    "Upload-Offset": {"description": "bytes the platform holds", "schema": {"type": "integer"}},
    "Upload-Length": {
        "description": "the blob's total size, once known",
        "schema": {"type": "integer"},
    },
    "Blob-Complete": {
        "description": "1 when complete and verified",
        "schema": {"type": "string", "enum": ["0", "1"]},
    },
}


def _status_headers(found: BlobStatus) -> dict[str, str]:
    headers = {"Upload-Offset": str(found.held), "Blob-Complete": "1" if found.complete else "0"}
    if found.length is not None:
        headers["Upload-Length"] = str(found.length)
    return headers


@router.head(
    "/blobs/{sha256}",
    status_code=200,
    response_class=Response,
    responses={
        200: {"description": "what the platform holds", "headers": _STATUS_HEADERS},
        **error_responses(401, 403, 404, 422),
    },
)
def head_blob(sha256: BlobHash, platform: PlatformDep, _who: Writer) -> Response:
    found = blob_store.status(platform, sha256)
    if found is None:
        raise not_found("平台尚未持有该文件")
    return Response(status_code=200, headers=_status_headers(found))


@router.patch(
    "/blobs/{sha256}",
    status_code=204,
    response_class=Response,
    responses={
        204: {"description": "appended", "headers": _STATUS_HEADERS},
        409: {
            "model": ErrorBody,
            "description": "offset_mismatch: the platform holds another offset (Upload-Offset)",
        },
        **error_responses(401, 403, 413, 422),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {OFFSET_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}},
        }
    },
)
async def patch_blob(
    sha256: BlobHash,
    request: Request,
    platform: PlatformDep,
    _who: Writer,
    upload_offset: Annotated[int, Header(ge=0, le=MAX_BLOB_BYTES)],
    upload_length: Annotated[int, Header(ge=0)],
    content_type: Annotated[str, Header()] = "",
) -> Response:
    if upload_length > MAX_BLOB_BYTES:
        raise blob_store.too_large()
    if content_type.split(";")[0].strip().lower() != OFFSET_MEDIA_TYPE:
        raise invalid([Problem(field="header.content-type", message=f"应为{OFFSET_MEDIA_TYPE}")])
    data = await _read_body(request, max(upload_length - upload_offset, 0))
    found = await run_in_threadpool(
        blob_store.append, platform, sha256, upload_offset, upload_length, data
    )
    return Response(status_code=204, headers=_status_headers(found))


async def _read_body(request: Request, room: int) -> bytes:
    """The body, refused (422) as soon as it is longer than the blob still lacks."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > room:
            raise invalid([Problem(field="body", message="数据超出Upload-Length")])
        chunks.append(chunk)
    return b"".join(chunks)


@router.get(
    "/blobs/{sha256}",
    response_class=FileResponse,
    responses={
        200: {
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
            "description": "the bytes",
        },
        **error_responses(401, 403, 404, 422),
    },
)
def get_blob(sha256: BlobHash, platform: PlatformDep, who: Reader) -> FileResponse:
    department = blob_department(who)
    if department is not None:
        with platform.database.read() as session:
            if not case_store.blob_of_department(session, sha256, who.centre_code, department):
                raise forbidden("该文件不属于当前审批人员所在部门的办件")
    path = blob_store.complete_path(platform, sha256)
    if path is None:
        raise not_found("平台尚未持有该文件的全部内容")
    return FileResponse(path, media_type="application/octet-stream")
