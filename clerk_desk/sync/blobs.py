"""Uploading a case's files to the platform: content-addressed, resumed from the server's offset.

The platform says how many bytes of a blob it holds (HEAD); the rest goes in 1 MiB PATCHes
from there. A failure anywhere leaves what arrived on the platform, so the next attempt (in
this process or after a restart) continues where the last one stopped.
"""

from __future__ import annotations

from clerk_desk.sync.client import PlatformClient
from clerk_desk.sync.errors import Refused
from local_cache.file_store import FileStore

CHUNK_SIZE = 1 << 20
OFFSET_MISMATCH = "offset_mismatch"
# A platform that keeps disagreeing about the offset is not converging; stop and retry later.
_MAX_MISMATCHES = 5


def upload(client: PlatformClient, token: str, files: FileStore, sha256: str) -> None:
    """Make the platform hold the whole blob ``sha256``. A file this desk does not hold
    (a case pulled from elsewhere) is left to the platform, which names it if it is missing."""
    try:
        path = files.path_for(sha256)
    except ValueError:
        return  # not a hash at all: the platform names the field when the case goes
    if not path.is_file():
        return
    total = path.stat().st_size
    offset, complete = client.blob_offset(token, sha256)
    mismatches = 0
    with path.open("rb") as source:
        while not complete:
            source.seek(offset)
            chunk = source.read(CHUNK_SIZE)
            if not chunk and offset > 0:
                raise Refused(409, OFFSET_MISMATCH, f"platform holds {offset} of {total} bytes")
            try:
                offset, complete = client.patch_blob(token, sha256, offset, total, chunk)
            except Refused as refused:
                mismatches += 1
                if refused.code != OFFSET_MISMATCH or mismatches > _MAX_MISMATCHES:
                    raise
                offset, complete = client.blob_offset(token, sha256)
