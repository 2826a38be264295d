"""The one TCP proxy the tests own, between a client and a real server on 127.0.0.1.

Clients connect to `proxy.port`; every byte is forwarded to the target. The faults it
injects, without ever stopping the server (other tests on the machine's PostgreSQL are not
disturbed; the server sees nothing but closed sockets):

- `cut()`: every live connection is reset at once (as a dropped cable or a crashed NAT
  does); new connections are still accepted;
- `refuse()`: the server is gone — `cut()`, and every new connection is reset too until
  `accept()` (the client sees its connection refused or dropped, never a hang);
- `delay`: every chunk is held that many seconds before it is passed on, in each direction
  of each connection, so a round trip costs at least twice the delay (a slow network; the
  delay is the fault injected, not a wait for a condition).

Each direction of each connection has its own thread (so one connection's delay never
holds up another's). Breaking a connection never closes a socket under a thread blocked in
`recv()` on it: a `close()` from another thread does not wake that `recv()`, and the kernel
keeps the connection open (and silent) for as long as the `recv()` holds it — a client then
waits forever (a soak terminal hung in psycopg's wait after a server restart). Instead both
sockets are `shutdown(SHUT_RDWR)` (with SO_LINGER 0 set first), which wakes both pumps, and
the last pump out closes them (the peer then gets RST). `cut()` returns once that is done.
Callers must `close()` the proxy (it is also a context manager).
"""

from __future__ import annotations

import socket
import struct
import threading
import time

_LINGER_ZERO = struct.pack("ii", 1, 0)


def _reset(sock: socket.socket) -> None:
    """Close a socket no other thread uses, with SO_LINGER 0: the peer gets RST, not FIN."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _LINGER_ZERO)
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass


class _Link:
    """One proxied connection: the client's socket, the server's, and their two pumps."""

    def __init__(self, client: socket.socket, upstream: socket.socket) -> None:
        self.socks = (client, upstream)
        self.pumps: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._broken = False
        self._running = 2

    def break_(self, *, reset: bool) -> None:
        """Wake both pumps (shutdown wakes a blocked recv; close would not). Idempotent."""
        with self._lock:
            if self._broken:
                return
            self._broken = True
        for s in self.socks:
            try:
                if reset:
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _LINGER_ZERO)
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already shut down or reset by the peer

    def pump_done(self) -> bool:
        """Called by each pump as it exits; True for the last one, which closes the sockets."""
        with self._lock:
            self._running -= 1
            return self._running == 0

    def join(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        for t in self.pumps:
            if t is not threading.current_thread():
                t.join(max(0.0, deadline - time.monotonic()))


class TcpProxy:
    """Forward 127.0.0.1:`port` to (`host`, `target_port`); break or slow the path on demand."""

    def __init__(self, host: str = "127.0.0.1", target_port: int = 5432, *, delay: float = 0.0,
                 port: int = 0) -> None:
        self.target = (host, target_port)
        self.delay = delay
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", port))
        self._listener.listen(128)
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._links: set[_Link] = set()
        self._refusing = False
        self._closed = False
        self.accepted = 0  # connections forwarded
        self.refused = 0  # connections reset on arrival (refusing, or the target unreachable)
        self.cuts = 0
        self.chunks = 0  # chunks forwarded (both directions)
        self._acceptor = threading.Thread(target=self._accept, name=f"tcp-proxy-{self.port}", daemon=True)
        self._acceptor.start()

    # -- faults -------------------------------------------------------------------------
    def cut(self) -> None:
        """Reset every connection open now (new ones are still accepted); returns when they are closed."""
        with self._lock:
            self.cuts += 1
            victims = list(self._links)
        for link in victims:
            link.break_(reset=True)
        for link in victims:
            link.join(timeout=5)

    def refuse(self) -> None:
        """The server is gone: cut everything now and reset every new connection until `accept()`."""
        with self._lock:
            self._refusing = True
        self.cut()

    def accept(self) -> None:
        """The path is back: new connections are forwarded again."""
        with self._lock:
            self._refusing = False

    @property
    def open_connections(self) -> int:
        with self._lock:
            return len(self._links)

    def url(self, database_url: str) -> str:
        """`database_url` with host and port replaced by this proxy's."""
        from sqlalchemy.engine import make_url
        u = make_url(database_url)
        return u.set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)

    # -- plumbing -----------------------------------------------------------------------
    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # close(): the listener was shut down
            with self._lock:
                refusing = self._refusing or self._closed
            if refusing:
                self.refused += 1
                _reset(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                self.refused += 1
                _reset(client)
                continue
            for s in (client, upstream):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            link = _Link(client, upstream)
            link.pumps = [threading.Thread(target=self._pump, args=(link, a, b), daemon=True,
                                           name=f"tcp-proxy-{self.port}-pump")
                          for a, b in ((client, upstream), (upstream, client))]
            with self._lock:
                if self._refusing or self._closed:  # refused or closed while we connected
                    self.refused += 1
                    _reset(client)
                    _reset(upstream)
                    continue
                self._links.add(link)
                self.accepted += 1
                for t in link.pumps:  # started under the lock: a cut() sees them to join
                    t.start()

    def _pump(self, link: _Link, src: socket.socket, dst: socket.socket) -> None:
        reset = True
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    reset = False  # an orderly end from one side: end the other orderly too
                    break
                if self.delay:
                    time.sleep(self.delay)  # the injected latency
                with self._lock:
                    self.chunks += 1
                dst.sendall(data)
        except OSError:
            pass
        finally:
            link.break_(reset=reset)
            if link.pump_done():
                with self._lock:
                    self._links.discard(link)
                for s in link.socks:
                    try:
                        s.close()
                    except OSError:
                        pass

    def close(self) -> None:
        """Reset every connection, stop accepting, and wait for every thread to end."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self.refuse()
        try:
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() (close would not)
        except OSError:
            pass
        self._acceptor.join(timeout=5)
        try:
            self._listener.close()
        except OSError:
            pass

    def __enter__(self) -> "TcpProxy":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
