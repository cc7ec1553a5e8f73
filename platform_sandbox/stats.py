"""``stats``: what the platform holds, with every complete blob re-read and re-hashed."""

from __future__ import annotations

from sqlalchemy import func, select

from platform_sandbox import case_store
from platform_sandbox.blob_store import file_sha256
from platform_sandbox.models import BlobRow, CaseRow, EventRow
from platform_sandbox.platform import Platform


def collect(platform: Platform) -> dict[str, int]:
    with platform.database.read() as session:
        cases = session.scalar(select(func.count()).select_from(CaseRow)) or 0
        numbers = case_store.count_distinct_case_numbers(session)
        events = session.scalar(select(func.count()).select_from(EventRow)) or 0
        blobs = list(session.scalars(select(BlobRow.sha256).where(BlobRow.complete.is_(True))))
    verified = sum(1 for sha256 in blobs if _verified(platform, sha256))
    return {
        "cases": cases,
        "distinct_case_numbers": numbers,
        "events": events,
        "blobs": len(blobs),
        "blobs_verified": verified,
    }


def _verified(platform: Platform, sha256: str) -> bool:
    path = platform.blob_dir / sha256
    return path.exists() and file_sha256(path) == sha256
