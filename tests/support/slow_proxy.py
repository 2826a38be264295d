"""A TCP proxy on 127.0.0.1 that delays every chunk it forwards: a slow ledger on demand.

Each direction of each connection has its own thread that holds every chunk for `delay`
seconds before passing it on, so each round trip to the server costs at least twice the
delay. The delay is the fault being injected (a slow network), not a wait for a condition.
"""

from __future__ import annotations

import socket
import threading
import time


class SlowProxy:
    """Forward 127.0.0.1:`port` to `target`, adding `delay` seconds to every chunk.

    Callers must `close()` it (or use it as a context manager).
    """

    def __init__(self, target_host: str, target_port: int, delay: float) -> None:
        self.target = (target_host, target_port)
        self.delay = delay
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self.chunks = 0
        threading.Thread(target=self._accept, name=f"slow-proxy-{self.port}", daemon=True).start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._socks += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while not self._stop.is_set():
                data = src.recv(65536)
                if not data:
                    break
                time.sleep(self.delay)  # the injected latency
                self.chunks += 1
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self) -> None:
        self._stop.set()
        self._listener.close()
        with self._lock:
            for s in self._socks:
                try:
                    s.close()
                except OSError:
                    pass

    def __enter__(self) -> "SlowProxy":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
