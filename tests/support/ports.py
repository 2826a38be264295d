"""Ports without the find-free-then-release race.

Six test runs share this machine: a port found free, released, and handed to a server later
can be taken in between. So either the server chooses (port 0) and the test reads the port
back from the server's own sockets, or the test holds the port until it is done with it.
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path


@contextlib.contextmanager
def refused_port():
    """A loopback TCP port that refuses connections and that nobody else can take while the
    `with` lasts: bound, never listening ("a server that is down", without a race)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.bind(("127.0.0.1", 0))
        yield s.getsockname()[1]
    finally:
        s.close()


def _group_pids(pgid: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == pgid:
                    pids.append(int(entry.name))
            except (ProcessLookupError, PermissionError):
                continue
    return pids


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    try:
        for fd in (Path("/proc") / str(pid) / "fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    except (FileNotFoundError, PermissionError):
        pass
    return inodes


def _bound_ports(pgid: int, tables: tuple[str, ...], state: str) -> set[int]:
    inodes = set().union(*(_socket_inodes(p) for p in _group_pids(pgid))) if pgid else set()
    ports = set()
    for table in tables:
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except FileNotFoundError:
            continue
        for line in lines:
            cols = line.split()
            if cols[3] == state and cols[9] in inodes:
                ports.add(int(cols[1].rsplit(":", 1)[1], 16))
    return ports


def listening_tcp_ports(pgid: int) -> set[int]:
    """TCP ports on which a process of process group `pgid` is listening (Linux /proc)."""
    return _bound_ports(pgid, ("/proc/net/tcp", "/proc/net/tcp6"), "0A")  # 0A = LISTEN


def bound_udp_ports(pgid: int) -> set[int]:
    """UDP ports a process of process group `pgid` has bound (Linux /proc)."""
    return _bound_ports(pgid, ("/proc/net/udp", "/proc/net/udp6"), "07")  # 07 = unconnected (bound)
