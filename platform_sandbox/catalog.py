"""``GET /api/v1/catalog``: the service catalog, versioned, with ETag / If-None-Match."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from sqlalchemy import select

from clerk_desk.domain.permissions import Call
from platform_sandbox.canonical import digest
from platform_sandbox.deps import PlatformDep, Principal, require
from platform_sandbox.errors import error_responses, not_found
from platform_sandbox.models import CatalogRow

router = APIRouter(tags=["catalog"])
VERSION_LENGTH = 16


class CatalogDocument(BaseModel):
    """The format of ``resources/catalog/demo_catalog.json``; ``version`` is the ETag's."""

    model_config = ConfigDict(extra="allow")

    version: str
    items: list[dict[str, Any]]
    bundles: list[dict[str, Any]] = []


def catalog_version(document: dict[str, Any]) -> str:
    """A short sha256 of the catalog's canonical JSON."""
    return digest(document)[:VERSION_LENGTH]


@router.get(
    "/catalog",
    response_model=CatalogDocument,
    responses={
        304: {"description": "the catalog is still the version named in If-None-Match"},
        **error_responses(401, 403, 404),
    },
)
def get_catalog(
    platform: PlatformDep,
    _principal: Annotated[Principal, Depends(require(Call.CATALOG))],
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    with platform.database.read() as session:
        row = session.scalar(select(CatalogRow).where(CatalogRow.id == 1))
    if row is None:
        raise not_found("平台尚未载入事项目录")
    etag = f'"{row.version}"'
    if if_none_match is not None and _matches(if_none_match, row.version):
        return Response(status_code=304, headers={"ETag": etag})
    return JSONResponse({**row.document, "version": row.version}, headers={"ETag": etag})


def _matches(header: str, version: str) -> bool:
    tags = {tag.strip().removeprefix("W/").strip('"') for tag in header.split(",")}
    return "*" in tags or version in tags
