"""Realtime commands: `relay` (outbox → Pusher) and `feed watch` (live balances as JSON lines)."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading

from . import EXIT_UNAVAILABLE, open_from_args


def register(sub: argparse._SubParsersAction) -> None:
    r = sub.add_parser("relay", help="publish balance changes from the outbox to Pusher (long-running)")
    r.add_argument("--once", action="store_true", help="publish what is waiting, then exit")
    r.add_argument("--batch-size", type=int, help="outbox rows per cycle (relay.batch_size)")
    r.add_argument("--lanes", type=int, default=4, help="parallel HTTP connections (per-player order kept)")
    r.add_argument("--poll-interval", type=float, default=1.0, help="seconds between polls without NOTIFY")
    r.set_defaults(func=cmd_relay)

    f = sub.add_parser("feed", help="the live balance feed")
    fsub = f.add_subparsers(dest="feed_command", required=True)
    w = fsub.add_parser("watch", help="print balance events as JSON lines as they arrive")
    w.add_argument("player", nargs="?", help="only this player (fetched at start and on reconnects)")
    w.add_argument("--count", type=int, help="exit after this many events")
    w.add_argument("--timeout", type=float, help="exit after this many seconds")
    w.set_defaults(func=cmd_feed_watch)


def _stop_on_signals(stop: threading.Event) -> None:
    def handler(_signo, _frame) -> None:
        stop.set()
    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def cmd_relay(args) -> int:
    import psycopg

    from ..domain.errors import LedgerUnavailable
    from ..realtime.publisher import PublishFailed
    from ..realtime.relay import open_relay
    services = open_from_args(args, application_name="cashier-desktop relay", journal=False)
    relay = auth = None
    try:
        relay = open_relay(services.config, services.engine, batch_size=args.batch_size,
                           lanes=args.lanes, poll_interval=args.poll_interval)
        if args.once:
            try:
                n = relay.drain()
                pruned = relay.prune()
            except PublishFailed as exc:
                print(f"cashier-desktop: {exc}; nothing unpublished was marked.", file=sys.stderr)
                return EXIT_UNAVAILABLE
            except psycopg.OperationalError as exc:
                raise LedgerUnavailable(str(exc).splitlines()[0] if str(exc) else "") from exc
            print(json.dumps({"published": n, "pruned": pruned}), flush=True)
            return 0
        stop = threading.Event()
        _stop_on_signals(stop)
        threading.Thread(target=lambda: (stop.wait(), relay.stop()), daemon=True).start()
        auth_port = services.config.get("relay.auth_port", 0)
        if auth_port:
            # The terminals' private-channel auth: only this host holds the Pusher secret.
            from ..realtime.feed_auth import FeedAuthServer, db_verifier
            from ..realtime.publisher import PusherSettings
            settings = PusherSettings.from_config(services.config)
            auth = FeedAuthServer(settings.key, settings.secret, db_verifier(services.engine),
                                  host=services.config.get("relay.auth_host", "127.0.0.1"), port=auth_port).start()
            print(f"relay: channel auth at {auth.url}", file=sys.stderr, flush=True)
        print("relay: running", file=sys.stderr, flush=True)
        relay.run()
        return 0
    finally:
        if auth is not None:
            auth.stop()
        if relay is not None:
            relay.close()
        services.close()


def cmd_feed_watch(args) -> int:
    from ..realtime.feeds import open_feed
    services = open_from_args(args, application_name="cashier-desktop feed", journal=False)
    stop = threading.Event()
    seen = 0
    lock = threading.Lock()

    def on_balance(b) -> None:
        nonlocal seen
        if args.player and b.player_id != args.player:
            return
        line = {**b.portal_json(), "totalDeposits": str(b.total_deposits.amount),
                "totalWithdrawals": str(b.total_withdrawals.amount)}
        with lock:
            print(json.dumps(line, sort_keys=True), flush=True)
            seen += 1
            if args.count and seen >= args.count:
                stop.set()

    def on_state(state) -> None:
        print(f"feed: {state.value}", file=sys.stderr, flush=True)

    feed = open_feed(services.config, services.engine, on_balance, on_state)
    feed.view.follow_all = not args.player  # every player: refetch all heard of on reconnects
    try:
        _stop_on_signals(stop)
        feed.start()
        if args.player:
            feed.watch({args.player})
        stop.wait(args.timeout)
    finally:
        feed.stop()
        services.close()
    return 0
