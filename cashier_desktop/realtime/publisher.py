"""Publishing `balance.updated` through the Pusher HTTP API (`pusher` package).

A publish counts only when the server said so in the body: soketi answers a refused call
(bad signature, unknown app) with status 200 and `{"error": …}`, so a status code alone
would mark events published that nobody received. Anything else — a refusal, a
connection error, a timeout — raises `PublishFailed` and the relay keeps the rows.
"""

from __future__ import annotations

import http.client
import json
import logging
import socket
import ssl
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import pusher
import requests
from pusher.http import process_response

log = logging.getLogger(__name__)

EVENT = "balance.updated"
CAGE_CHANNEL = "private-cage"
MAX_BATCH = 10  # Pusher's limit of events per batch call (soketi's default too)


def player_channel(player_id: str) -> str:
    return f"private-player-{player_id}"


class PublishFailed(Exception):
    """The Pusher API did not accept a call; nothing in it may be marked published."""


@dataclass(frozen=True)
class PusherSettings:
    """Where the Pusher API is; built from config (`pusher.*`)."""

    app_id: str
    key: str
    secret: str
    cluster: str | None = None
    host: str | None = None
    port: int | None = None
    tls: bool = True
    timeout: float = 5.0
    # Terminals: the relay host's private-channel auth endpoint (realtime/feed_auth.py);
    # a terminal is configured with this and never with the secret.
    auth_endpoint: str | None = None

    @classmethod
    def from_config(cls, config) -> "PusherSettings | None":
        """None when Pusher is not configured (the LISTEN/NOTIFY fallback then applies)."""
        app_id, key = config.get("pusher.app_id"), config.get("pusher.key")
        if not app_id or not key:
            return None
        return cls(app_id=str(app_id), key=key, secret=config.get("pusher.secret") or "",
                   cluster=config.get("pusher.cluster"), host=config.get("pusher.host"),
                   port=config.get("pusher.port"), tls=bool(config.get("pusher.tls", True)),
                   auth_endpoint=config.get("pusher.auth_endpoint") or None)

    def http_client(self) -> pusher.Pusher:
        kw: dict[str, Any] = {"ssl": self.tls, "timeout": self.timeout, "backend": KeepAliveBackend}
        if self.host:
            kw["host"] = self.host
            if self.port:
                kw["port"] = self.port
        elif self.cluster:
            kw["cluster"] = self.cluster
        return pusher.Pusher(app_id=self.app_id, key=self.key, secret=self.secret, **kw)


class KeepAliveBackend:
    """The `pusher` client's transport on one persistent `http.client` connection.

    The default (`requests`) costs about a millisecond of CPU per call, which caps a relay
    at a few hundred calls a second on a busy machine; this does the same HTTP in a
    fraction. A call that finds its kept-alive connection closed by the server is sent
    once more on a new one (at worst a duplicate, which subscribers drop by version).
    """

    def __init__(self, client: Any, **_options: Any) -> None:
        self.client = client
        self._conn: http.client.HTTPConnection | None = None

    def _connection(self) -> tuple[http.client.HTTPConnection, bool]:
        if self._conn is not None:
            return self._conn, True
        c = self.client
        if c.ssl:
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                c.host, c.port, timeout=c.timeout, context=ssl.create_default_context())
        else:
            conn = http.client.HTTPConnection(c.host, c.port, timeout=c.timeout)
        conn.connect()
        conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._conn = conn
        return conn, False

    def send_request(self, request: Any) -> Any:
        while True:
            conn, reused = self._connection()
            try:
                conn.request(request.method, request.signed_path, body=request.body, headers=request.headers)
                resp = conn.getresponse()
                body = resp.read().decode("utf-8", "replace")
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if reused:
                    continue
                raise
            except (http.client.HTTPException, OSError):
                self.close()
                raise
            if resp.will_close:
                self.close()
            return process_response(resp.status, body)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _checked(response: Any) -> Any:
    if isinstance(response, dict) and response.get("error"):
        raise PublishFailed(f"the Pusher API refused the call: {response['error']}")
    return response


class Publisher:
    """One HTTP client (one keep-alive connection). Not for use by two threads at once."""

    def __init__(self, settings: PusherSettings) -> None:
        if not settings.secret:
            raise PublishFailed("no Pusher secret (keyring or CASHIER_PUSHER_SECRET)")
        self.settings = settings
        self.client = settings.http_client()

    def trigger_batch(self, items: Sequence[dict]) -> None:
        """Send up to `MAX_BATCH` items (`channel`, `name`, `data`) in one call, in order."""
        if not items:
            return
        if len(items) > MAX_BATCH:
            raise ValueError(f"at most {MAX_BATCH} events per batch call")
        batch = [{"channel": i["channel"], "name": i["name"],
                  "data": i["data"] if isinstance(i["data"], str) else json.dumps(i["data"])}
                 for i in items]
        try:
            _checked(self.client.trigger_batch(batch, already_encoded=True))
        except PublishFailed:
            raise
        except (pusher.errors.PusherError, requests.RequestException, http.client.HTTPException,
                ValueError, OSError) as exc:
            raise PublishFailed(f"the Pusher API call failed: {exc}") from exc

    def publish(self, payloads: Iterable[dict]) -> int:
        """Publish each payload to the cage and its player's channel, in order; count them.

        Raises `PublishFailed` at the first refused call; payloads before it are delivered.
        """
        items: list[dict] = []
        done = 0
        pending = 0
        for payload in payloads:
            data = json.dumps(payload, separators=(",", ":"))
            pair = [{"channel": CAGE_CHANNEL, "name": EVENT, "data": data},
                    {"channel": player_channel(payload["playerId"]), "name": EVENT, "data": data}]
            if len(items) + 2 > MAX_BATCH:
                self.trigger_batch(items)
                done += pending
                items, pending = [], 0
            items.extend(pair)
            pending += 1
        if items:
            self.trigger_batch(items)
            done += pending
        return done

    def trigger(self, channel: str, event: str, data: dict) -> None:
        """One event on one channel (tools and the bare-hop benchmark)."""
        self.trigger_batch([{"channel": channel, "name": event, "data": data}])

    def close(self) -> None:
        inner = getattr(self.client, "_pusher_client", self.client)
        backend = getattr(inner, "http", None)
        if backend is not None:
            backend.close()
