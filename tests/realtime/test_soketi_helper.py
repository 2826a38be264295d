"""The soketi test helper never reports a server that is not its own (ports taken by others)."""

from __future__ import annotations

import http.server
import socket
import threading

from tests.support.ports import bound_udp_ports, listening_tcp_ports, refused_port
from tests.support.soketi import Soketi, free_tcp_port


class _Ready(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - an impostor that answers /ready like soketi
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"OK")

    def log_message(self, *args):
        pass


def test_a_port_taken_by_another_server_before_the_start_is_left_for_fresh_ports():
    impostor = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Ready)
    taken = impostor.server_address[1]
    threading.Thread(target=impostor.serve_forever, daemon=True).start()
    server = Soketi(port=taken, metrics_port=free_tcp_port())
    try:
        server.start()
        assert server.port != taken
        assert {server.port, server.metrics_port} <= listening_tcp_ports(server.proc.pid)
    finally:
        server.stop()
        impostor.shutdown()
        impostor.server_close()


def test_a_held_port_refuses_connections_and_cannot_be_bound_by_anyone_else():
    with refused_port() as port:
        with socket.socket() as other:
            try:
                other.bind(("127.0.0.1", port))
                bound = True
            except OSError:
                bound = False
        assert not bound
        try:
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
            connected = True
        except ConnectionRefusedError:
            connected = False
        assert not connected


def test_a_cluster_udp_port_taken_before_the_start_is_left_for_fresh_ports():
    """soketi exits at once when its cluster discovery port is taken: the helper starts it
    again on ports of its own instead of failing the test that wanted a server."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        server = Soketi(cluster_port=taken.getsockname()[1])
        try:
            server.start()
            assert server.cluster_port != taken.getsockname()[1]
            assert server.cluster_port in bound_udp_ports(server.proc.pid)
        finally:
            server.stop()


def test_a_restart_slower_than_the_clash_window_is_not_taken_for_a_clash(tmp_path, monkeypatch):
    """A restart appends to the first run's log, which already says "up and running": on a
    busy machine a restart that takes over 3 s to listen was read as a port clash, and the
    soak died healing a soketi kill. Only the new process's lines count."""
    import tests.support.soketi as soketi_module

    real = soketi_module.SOKETI
    slow = tmp_path / "slow-soketi"
    slow.write_text(f"#!/bin/sh\nsleep 4\nexec {real} \"$@\"\n")
    slow.chmod(0o755)
    server = Soketi()
    try:
        server.start()
        server.kill()
        monkeypatch.setattr(soketi_module, "SOKETI", slow)
        server.start(timeout=30)
        assert server.ready()
        assert {server.port, server.metrics_port} <= listening_tcp_ports(server.proc.pid)
    finally:
        server.stop()
