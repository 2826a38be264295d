"""Broadcasting alerts on `private-cage` through the realtime publisher (Pusher HTTP API).

The alerts table is the durable record and its trigger NOTIFYs `integrity_alerts` for
LISTEN/NOTIFY installs; this is the Pusher path. One `Publisher` is one keep-alive HTTP
connection and not thread-safe, so the announcer serialises calls with a lock.
"""

from __future__ import annotations

import threading


class PusherAnnouncer:
    """`(channel, event, data)` → one Pusher trigger; raises on failure (caller retries)."""

    def __init__(self, settings) -> None:
        from ..realtime.publisher import Publisher
        self._publisher = Publisher(settings)
        self._lock = threading.Lock()

    def __call__(self, channel: str, event: str, data: dict) -> None:
        with self._lock:
            self._publisher.trigger(channel, event, data)

    def close(self) -> None:
        with self._lock:
            self._publisher.close()


def announcer_from_config(config) -> PusherAnnouncer | None:
    """The Pusher announcer if `pusher.*` is configured with a secret, else None."""
    from ..realtime.publisher import PusherSettings
    settings = PusherSettings.from_config(config)
    if settings is None or not settings.secret:
        return None
    return PusherAnnouncer(settings)
