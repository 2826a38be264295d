"""A TCP proxy on 127.0.0.1 that a test owns, to cut connections to a real server.

Clients connect to `proxy.port`; every byte is forwarded to the target. `cut()` resets
every live connection at once (RST, as a dropped cable or a crashed NAT does);
`refuse()` resets new connections too until `accept()`, so a client sees "connection
refused"-like failures for as long as the outage lasts. The server itself never notices
anything but closed sockets, so tests can break the path without stopping the machine's
own PostgreSQL.
"""

from __future__ import annotations

import selectors
import socket
import struct
import threading
import time


def _reset(sock: socket.socket) -> None:
    """Close with SO_LINGER 0: the peer gets RST, not an orderly FIN."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass


class FaultProxy:
    """Forward 127.0.0.1:`port` to `target`; break the path on demand.

    One selector thread moves the bytes, so the proxy adds no thread per connection.
    Callers must `close()` it (it is also a context manager); it never outlives that.
    """

    def __init__(self, target_host: str, target_port: int, *, port: int = 0) -> None:
        self.target = (target_host, target_port)
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", port))
        self._listener.listen(128)
        self._listener.setblocking(False)
        self.port: int = self._listener.getsockname()[1]
        self._sel = selectors.DefaultSelector()
        self._sel.register(self._listener, selectors.EVENT_READ, None)
        self._peers: dict[socket.socket, socket.socket] = {}
        self._lock = threading.Lock()
        self._refusing = False
        self._cut_requested = False
        self._stop = threading.Event()
        self.cuts = 0
        self.accepted = 0
        self.refused = 0
        self._thread = threading.Thread(target=self._loop, name=f"fault-proxy-{self.port}", daemon=True)
        self._thread.start()

    # -- faults -------------------------------------------------------------------------
    def cut(self) -> None:
        """Reset every connection open now (new ones are still accepted)."""
        with self._lock:
            self._cut_requested = True
            self.cuts += 1
        deadline = time.monotonic() + 5
        while self._cut_requested and time.monotonic() < deadline and self._thread.is_alive():
            time.sleep(0.005)

    def refuse(self) -> None:
        """Cut everything now and reset every new connection until `accept()`."""
        with self._lock:
            self._refusing = True
        self.cut()

    def accept(self) -> None:
        with self._lock:
            self._refusing = False

    @property
    def open_connections(self) -> int:
        with self._lock:
            return len(self._peers) // 2

    # -- plumbing -----------------------------------------------------------------------
    def _loop(self) -> None:
        while not self._stop.is_set():
            for key, _ in self._sel.select(timeout=0.05):
                if key.fileobj is self._listener:
                    self._on_accept()
                else:
                    self._on_data(key.fileobj)
            if self._cut_requested:
                self._drop_all()
                with self._lock:
                    self._cut_requested = False
        self._drop_all()

    def _on_accept(self) -> None:
        try:
            client, _ = self._listener.accept()
        except (BlockingIOError, OSError):
            return
        with self._lock:
            refusing = self._refusing
        if refusing:
            self.refused += 1
            _reset(client)
            return
        try:
            upstream = socket.create_connection(self.target, timeout=2)
        except OSError:
            self.refused += 1
            _reset(client)
            return
        for s in (client, upstream):
            s.setblocking(False)
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._lock:
            self._peers[client] = upstream
            self._peers[upstream] = client
            self.accepted += 1
        self._sel.register(client, selectors.EVENT_READ, None)
        self._sel.register(upstream, selectors.EVENT_READ, None)

    def _on_data(self, sock: socket.socket) -> None:
        peer = self._peers.get(sock)
        if peer is None:
            return
        try:
            data = sock.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self._drop(sock, reset=False)
            return
        try:
            peer.setblocking(True)
            peer.settimeout(5)
            peer.sendall(data)
            peer.setblocking(False)
        except OSError:
            self._drop(sock, reset=True)

    def _drop(self, sock: socket.socket, *, reset: bool) -> None:
        with self._lock:
            peer = self._peers.pop(sock, None)
            if peer is not None:
                self._peers.pop(peer, None)
        for s in (sock, peer):
            if s is None:
                continue
            try:
                self._sel.unregister(s)
            except (KeyError, ValueError):
                pass
            if reset:
                _reset(s)
            else:
                try:
                    s.close()
                except OSError:
                    pass

    def _drop_all(self) -> None:
        with self._lock:
            socks = list(self._peers)
        for s in socks:
            if s in self._peers:
                self._drop(s, reset=True)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        try:
            self._sel.unregister(self._listener)
        except (KeyError, ValueError):
            pass
        self._listener.close()
        self._sel.close()

    def __enter__(self) -> "FaultProxy":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
