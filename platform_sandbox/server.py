"""Running the app under uvicorn on a socket bound here, so ``--port 0`` works.

The first and only line on stdout is ``clerk-desk sandbox listening on http://HOST:PORT``,
printed once uvicorn accepts connections; the processes that start the sandbox (tests,
training mode) read the address from it. Uvicorn's own logs go to stderr.
"""

from __future__ import annotations

import logging
import socket
import sys
import threading

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


def _stop_at_end_of_stdin(server: uvicorn.Server) -> None:
    """The training desk holds our stdin open; when it dies (even by kill -9) the pipe ends."""
    while sys.stdin.buffer.read(4096):
        pass
    server.should_exit = True


def serve(platform: Platform, host: str, port: int, exit_with_stdin: bool = False) -> None:
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named explicitly: asyncio sets TCP_NODELAY on accepted connections only for
    # sockets whose proto says TCP; without it every reply on a kept-alive connection waits
    # ~40 ms for the peer's delayed ACK (Nagle).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
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
    if exit_with_stdin:
        threading.Thread(target=_stop_at_end_of_stdin, args=(server,), daemon=True).start()
    server.run(sockets=[sock])
