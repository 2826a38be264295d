"""Private-channel auth for terminals, served by the relay host: no terminal holds the secret.

Issue 14, attack 10: with the Pusher secret every terminal held, anyone at a cage PC could
sign a subscription to any channel and publish a fake `balance.updated` through the HTTP
API. Now only the relay host has the secret. A terminal proves its database login instead:

1. it asks the database for a short-lived token (`cage.feed_token()`, EXECUTE for terminal
   logins only; the row names the login — migration 0011);
2. pysher posts `socket_id` and `channel_name` to the relay host's endpoint
   (`pusher.auth_endpoint`) with `Authorization: Bearer <token>`;
3. the endpoint looks the token up as the relay login (`cage.feed_token_login`), allows only
   the channels a terminal reads (`private-cage`, `private-player-<id>`), and answers
   `{"auth": "key:HMAC-SHA256(secret, socket_id:channel)"}`. Anything else: 403.

A subscriber cannot publish: server events need the secret, and client events (`client-*`,
which soketi refuses unless the app enables them) are never `balance.updated`. The relay is
the only writer of the channels the portal and the terminals read.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

from sqlalchemy import text
from sqlalchemy.engine import Engine

from .publisher import CAGE_CHANNEL

log = logging.getLogger(__name__)

_PLAYER_CHANNEL = re.compile(r"^private-player-[A-Za-z0-9._-]{1,64}$")
_SOCKET_ID = re.compile(r"^\d{1,20}\.\d{1,20}$")
_TOKEN = re.compile(r"^[0-9a-fA-F-]{36}$")
MAX_BODY = 4096

Verify = Callable[[str], "str | None"]        # token -> database login, or None
Authorize = Callable[[str, str], str]         # (socket_id, channel) -> auth string


class FeedAuthRefused(Exception):
    """The endpoint refused a subscription (unknown token, or a channel the terminal may not read)."""


def terminal_may_read(channel: str) -> bool:
    """The channels a cage terminal reads: the cage's, and any player's."""
    return channel == CAGE_CHANNEL or bool(_PLAYER_CHANNEL.match(channel))


def db_verifier(engine: Engine) -> Verify:
    """Look a terminal's token up in the database (as the relay host's login)."""
    def verify(token: str) -> str | None:
        if not _TOKEN.match(token or ""):
            return None
        with engine.connect() as conn:
            return conn.execute(text("SELECT cage.feed_token_login(CAST(:t AS uuid))"), {"t": token}).scalar()
    return verify


class FeedAuthServer:
    """The relay host's auth endpoint (HTTP, POST `/pusher/auth`). Start, then `url`; `stop()` ends it.

    Holds the Pusher key and secret; never logs a token or a signature.
    """

    def __init__(self, key: str, secret: str, verify: Verify, *, host: str = "127.0.0.1", port: int = 0) -> None:
        from .pusher_feed import channel_auth

        self.refusals = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, fmt, *args) -> None:  # noqa: D401 - quiet: our own log lines only
                return

            def _answer(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                if self.path.split("?")[0] != "/pusher/auth":
                    self._answer(404, {"error": "not found"})
                    return
                length = int(self.headers.get("Content-Length") or 0)
                if length > MAX_BODY:
                    self._answer(413, {"error": "too large"})
                    return
                form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8", "replace"))
                socket_id = (form.get("socket_id") or [""])[0]
                channel = (form.get("channel_name") or [""])[0]
                bearer = self.headers.get("Authorization", "")
                token = bearer[7:].strip() if bearer.lower().startswith("bearer ") else ""
                try:
                    login = verify(token) if token else None
                except Exception:  # noqa: BLE001 - the database is down: refuse, say so in the log
                    log.warning("feed auth: could not check a token (database unreachable?)")
                    self._answer(503, {"error": "cannot check the terminal now"})
                    return
                if login is None:
                    server.refusals += 1
                    self._answer(403, {"error": "unknown or expired terminal token"})
                    return
                if not _SOCKET_ID.match(socket_id) or not terminal_may_read(channel):
                    server.refusals += 1
                    log.warning("feed auth: %s may not read %r", login, channel[:80])
                    self._answer(403, {"error": "this terminal may not read that channel"})
                    return
                self._answer(200, {"auth": channel_auth(key, secret, socket_id, channel)})

        self._httpd = ThreadingHTTPServer((host, port), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="feed-auth", daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/pusher/auth"

    def start(self) -> "FeedAuthServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)


class TokenSource:
    """A terminal's feed token from the database, renewed before it expires (10 minutes)."""

    def __init__(self, engine: Engine, *, renew_after: float = 300.0) -> None:
        self.engine = engine
        self.renew_after = renew_after
        self._token: str | None = None
        self._at = 0.0
        self._lock = threading.Lock()

    def __call__(self) -> str:
        with self._lock:
            if self._token is None or time.monotonic() - self._at > self.renew_after:
                with self.engine.begin() as conn:
                    self._token = str(conn.execute(text("SELECT cage.feed_token()")).scalar_one())
                self._at = time.monotonic()
            return self._token


def endpoint_authorizer(url: str, token: Callable[[], str], *, timeout: float = 5.0) -> Authorize:
    """Ask the relay host's endpoint to sign (socket_id, channel); FeedAuthRefused if it will not."""
    def authorize(socket_id: str, channel: str) -> str:
        body = urllib.parse.urlencode({"socket_id": socket_id, "channel_name": channel}).encode()
        req = urllib.request.Request(url, data=body, method="POST", headers={
            "Authorization": f"Bearer {token()}", "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return json.loads(resp.read())["auth"]
        except urllib.error.HTTPError as exc:
            raise FeedAuthRefused(f"the feed auth endpoint refused {channel} ({exc.code})") from None
    return authorize
