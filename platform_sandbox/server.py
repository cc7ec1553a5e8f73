"""Running the app under uvicorn on a socket bound here, so ``--port 0`` works.

The first and only line on stdout is ``clerk-desk sandbox listening on http://HOST:PORT``,
printed once uvicorn accepts connections; the processes that start the sandbox (tests,
training mode) read the address from it. Uvicorn's own logs go to stderr.
"""

from __future__ import annotations

import logging
import socket
import sys

import uvicorn

from platform_sandbox.app import create_app
from platform_sandbox.platform import Platform

READY_LINE = "clerk-desk sandbox listening on http://{host}:{port}"
# The default thread pool (40) is enough for twenty desks, each with a request or two in flight.
BACKLOG = 256


class _AnnouncingServer(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, address: str) -> None:
        super().__init__(config)
        self.address = address

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            print(self.address, flush=True)


def serve(platform: Platform, host: str, port: int) -> None:
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(BACKLOG)
    bound_port = sock.getsockname()[1]
    shown_host = f"[{host}]" if family == socket.AF_INET6 else host
    config = uvicorn.Config(
        create_app(platform),
        log_config=None,
        access_log=False,
        log_level="warning",
        timeout_graceful_shutdown=5,
    )
    server = _AnnouncingServer(config, READY_LINE.format(host=shown_host, port=bound_port))
    server.run(sockets=[sock])
