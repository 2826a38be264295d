"""Choosing the terminal's balance feed: Pusher when configured, else LISTEN/NOTIFY.

The contract for the GUI (callbacks come from the feed's own worker thread, in order;
wrap them in Qt signals, never touch a widget in them):

    feed = open_feed(config, engine, on_balance, on_state, fetch=...)
    feed.start(); feed.watch({"179", "101"}); ...; feed.stop()
    feed.state            -> FeedState
    feed.last_event_age() -> float | None (seconds)

`on_balance(Balance)` is called only with something newer than what the feed reported
before for that player (stale and duplicate events are dropped; a gap or a reconnect
makes it fetch from the ledger). Over Pusher it hears every player on `private-cage`,
not only the watched ones; `watch` decides who is fetched at once and after reconnects.
A balance built from an event carries the name last fetched for that player.
`on_state(FeedState)` on every change; the final `STOPPED` is reported from the thread
that calls `stop()`.
"""

from __future__ import annotations

from typing import Callable, Protocol

from sqlalchemy.engine import Engine

from ..domain.receipts import Balance
from .feed_base import FeedState, OnState
from .pg_feed import PgFeed
from .publisher import PusherSettings
from .pusher_feed import PusherFeed
from .view import Fetch

__all__ = ["Feed", "FeedState", "open_feed", "ledger_fetch"]


class Feed(Protocol):
    state: FeedState

    def start(self) -> None: ...
    def stop(self) -> None: ...
    def watch(self, player_ids: set[str]) -> None: ...
    def last_event_age(self) -> float | None: ...


def ledger_fetch(engine: Engine, currency: str) -> Fetch:
    """The default refetch: the players' committed balances from the ledger (`currency`, the
    cage's, for an account with no posting yet)."""
    from ..ledger.queries import get_balances

    return lambda ids: get_balances(engine, list(ids), currency=currency)


def open_feed(config, engine: Engine, on_balance: Callable[[Balance], None],
              on_state: OnState | None = None, *, fetch: Fetch | None = None) -> Feed:
    """A feed (not started) over Pusher if `pusher.app_id` and `key` are set with the relay
    host's `pusher.auth_endpoint` (a terminal: it proves its database login there and holds
    no secret) or, on the relay host itself, the secret; else over PostgreSQL LISTEN/NOTIFY.
    Its balances are in the cage's currency (`currency.code`), the one every posting is in."""
    currency = config["currency.code"]
    fetch = fetch or ledger_fetch(engine, currency)
    settings = PusherSettings.from_config(config)
    if settings is not None and settings.auth_endpoint:
        from .feed_auth import TokenSource, endpoint_authorizer
        authorize = endpoint_authorizer(settings.auth_endpoint, TokenSource(engine))
        return PusherFeed(settings, fetch, on_balance, on_state, currency=currency, authorize=authorize)
    if settings is not None and settings.secret:
        return PusherFeed(settings, fetch, on_balance, on_state, currency=currency)
    return PgFeed(engine, fetch, on_balance, on_state, currency=currency)
