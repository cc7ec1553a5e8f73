"""The platform's catalog: fetched with ``If-None-Match``, stored through the catalog service.

A catalog whose version the desk already holds only has its ETag remembered, so a desk
seeded with the same demo catalog is not rebuilt (pinyin and all) on its first sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from clerk_desk.services.catalog import CatalogService, catalog_from_dict
from clerk_desk.sync.client import PlatformClient, unreadable_reply
from clerk_desk.sync.writer import SessionWriter
from local_cache.db import Database
from local_cache.repositories import sync_repo

ETAG = "catalog_etag"
SOURCE = "platform"


@dataclass
class CatalogSync:
    database: Database
    write: SessionWriter
    client: PlatformClient
    catalog: CatalogService

    def run(self, token: str) -> bool:
        """Whether the local catalog was replaced. A catalog that breaks the desk's rules
        raises :class:`~clerk_desk.services.catalog.CatalogRejected`; nothing is changed."""
        with self.database.read() as session:
            etag = sync_repo.get_state(session, ETAG)
        fetched = self.client.catalog(token, etag)
        if fetched is None:
            return False
        new_etag, data = fetched
        try:
            catalog = catalog_from_dict(data)
        except (KeyError, TypeError, ValueError) as error:
            raise unreadable_reply() from error
        replaced = catalog.version != self.catalog.meta().get("version")
        if replaced:
            self.write.run(
                partial(
                    self.catalog.replace,
                    catalog.items,
                    version=catalog.version,
                    source=SOURCE,
                    bundles=catalog.bundles,
                )
            )
        self.write(partial(sync_repo.set_state, key=ETAG, value=new_etag))
        return replaced
