"""The outbox relay on a real PostgreSQL and a real soketi."""

from __future__ import annotations

import errno

import threading
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.config import load_config
from cashier_desktop.domain.amounts import parse_amount
from cashier_desktop.domain.commands import PostingCommand
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.ledger.posting import post
from cashier_desktop.realtime.publisher import CAGE_CHANNEL, PublishFailed, player_channel
from tests.realtime.conftest import settings_of, wait_until
from tests.support.factories import cmd, make_player, random_player_id


def _refusal(conn, sql: str) -> str:
    from sqlalchemy import exc

    try:
        with conn.begin():
            conn.execute(text(sql))
    except exc.ProgrammingError as e:
        return str(e.orig)
    return "allowed"


def unpublished(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM balance_events WHERE published_at IS NULL")).scalar()


def test_the_reports_deposit_of_10000_to_player_179_reaches_the_portals_channel(
        rt_ledger, soketi, relays, subscribers):
    """A terminal posts ₹10,000 to player 179; the portal's subscriber hears 10000.00."""
    from cashier_desktop.terminal.auth import authenticate
    from cashier_desktop.terminal.counter import submit
    from cashier_desktop.terminal.services import open_services
    from tests.support.shifts import open_test_shift

    url, engine = rt_ledger
    make_player(engine, "179", name="Rahul Verma")
    portal, _ = subscribers.subscribe(soketi, [player_channel("179")])
    relays.start(engine, soketi)
    config = load_config(env={"CASHIER_TERMINAL_ID": "T-179"})
    services = open_services(config, url=url, journal=False)
    try:
        open_test_shift(engine, "T-179", "C100")
        staff = authenticate(services.engine, "C100", "1111")
        amount = parse_amount("₹10,000", services.currency)
        receipt = submit(services, staff, PostingCommand(kind=Kind.DEPOSIT, player_id="179", amount=amount,
                                                         staff_id="C100", terminal_id="T-179"))
    finally:
        services.close()
    assert receipt.cash_after.amount == Decimal("10000.00")
    wait_until(lambda: portal.on(player_channel("179")), 10, "the portal hears the deposit")
    event = portal.on(player_channel("179"))[0]
    assert event["cashBalance"] == "10000.00"
    assert event["playerId"] == "179" and event["version"] == 1
    assert event["totalBalance"] == "10000.00" and event["creditBalance"] == "0.00"
    wait_until(lambda: unpublished(engine) == 0, 5, "the outbox row marked published")


def test_a_plain_update_outside_the_terminal_is_in_the_outbox_with_who_did_it(rt_engine):
    player = make_player(rt_engine)
    with rt_engine.begin() as conn:
        conn.execute(text("SET LOCAL application_name = 'psql-by-hand'"))
        conn.execute(text("UPDATE players SET balance = balance + 10000, "
                          "total_deposits = total_deposits + 10000 WHERE id = :p"), {"p": player})
        conn.execute(text("UPDATE players SET name = 'renamed' WHERE id = :p"), {"p": player})
    with rt_engine.connect() as conn:
        rows = conn.execute(text("SELECT version, payload, old_values, changed_by, application_name "
                                 "FROM balance_events WHERE player_id = :p"), {"p": player}).fetchall()
    assert len(rows) == 1, "a change that moves no balance column writes no event"
    version, payload, old, changed_by, app = rows[0]
    assert version == 1 and payload["version"] == 1
    assert payload["cashBalance"] == "10000.00" and old["cashBalance"] == "0.00"
    assert changed_by == "postgres" and app == "psql-by-hand"


def test_a_refused_publish_marks_nothing_and_the_rows_go_out_once_the_secret_is_right(
        rt_engine, soketi, relays, subscribers):
    heard, _ = subscribers.subscribe(soketi, [CAGE_CHANNEL])
    player = make_player(rt_engine)
    post(rt_engine, cmd("deposit", player, "5"))
    bad = relays.make(rt_engine, soketi, settings=settings_of(soketi, secret="not-the-secret"))
    try:
        with pytest.raises(PublishFailed, match="refused|failed"):
            bad.drain_once()
    finally:
        bad.close()
    assert unpublished(rt_engine) == 1
    good = relays.make(rt_engine, soketi)
    try:
        assert good.drain() == 1
    finally:
        good.close()
    assert unpublished(rt_engine) == 0
    wait_until(lambda: heard.on(CAGE_CHANNEL), 5, "the event on the cage channel")


def test_two_relays_at_once_publish_every_event_and_never_reorder_a_player(
        rt_engine, soketi, relays, subscribers):
    heard, _ = subscribers.subscribe(soketi, [CAGE_CHANNEL])
    players = [make_player(rt_engine) for _ in range(6)]
    per_player = 25

    def hammer(pid: str) -> None:
        for _ in range(per_player):
            post(rt_engine, cmd("deposit", pid, "1"))

    relays.start(rt_engine, soketi, batch_size=7, lanes=2)
    relays.start(rt_engine, soketi, batch_size=5, lanes=3)
    threads = [threading.Thread(target=hammer, args=(p,)) for p in players]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wait_until(lambda: sum(len(v) for v in heard.versions_by_player(CAGE_CHANNEL).values())
               >= len(players) * per_player, 20, "every event heard")
    wait_until(lambda: unpublished(rt_engine) == 0, 5, "outbox drained")
    got = heard.versions_by_player(CAGE_CHANNEL)
    for pid in players:
        assert got[pid] == list(range(1, per_player + 1)), f"player {pid} heard {got[pid]}"
    assert sum(r.stats.published for r, _ in relays.running) == len(players) * per_player


def watch_has_read_everything(engine) -> None:
    """Put the watch's cursor at the newest outbox row (the relay prunes only behind it)."""
    with engine.begin() as conn:
        conn.execute(text("""INSERT INTO monitor_cursors (name, last_id)
            VALUES ('watch', (SELECT coalesce(max(id), 0) FROM balance_events))
            ON CONFLICT (name) DO UPDATE SET last_id = EXCLUDED.last_id"""))


def test_published_rows_are_pruned_after_the_retention_and_unpublished_ones_never(rt_engine, soketi, relays):
    a, b = make_player(rt_engine), make_player(rt_engine)
    post(rt_engine, cmd("deposit", a, "1"))
    relay = relays.make(rt_engine, soketi, retention_hours=0)
    try:
        assert relay.drain() == 1
        post(rt_engine, cmd("deposit", b, "1"))  # not yet published
        assert relay.prune() == 0, "nothing is pruned before the watch has read it"
        watch_has_read_everything(rt_engine)
        assert relay.prune() == 1
    finally:
        relay.close()
    with rt_engine.connect() as conn:
        left = conn.execute(text("SELECT player_id, published_at FROM balance_events")).fetchall()
    assert [(r[0], r[1]) for r in left] == [(b, None)]
    keep = relays.make(rt_engine, soketi, retention_hours=168)
    try:
        assert keep.drain() == 1 and keep.prune() == 0
    finally:
        keep.close()


def test_the_relay_waits_out_a_pusher_outage_and_loses_nothing(rt_engine, own_soketi, relays, subscribers):
    player = random_player_id()
    make_player(rt_engine, player)
    relay = relays.start(rt_engine, own_soketi)
    post(rt_engine, cmd("deposit", player, "1"))
    wait_until(lambda: unpublished(rt_engine) == 0, 10, "first event published")
    own_soketi.kill()
    for _ in range(5):
        post(rt_engine, cmd("deposit", player, "1"))
    wait_until(lambda: relay.stats.publish_failures >= 2, 10, "the relay failing and backing off")
    assert unpublished(rt_engine) == 5
    own_soketi.start()
    heard, _ = subscribers.subscribe(own_soketi, [player_channel(player)])
    wait_until(lambda: unpublished(rt_engine) == 0, 15, "backlog published after the outage")
    post(rt_engine, cmd("deposit", player, "1"))
    wait_until(lambda: any(d["version"] == 7 for d in heard.on(player_channel(player))), 10, "live again")


def test_the_relay_exports_prometheus_metrics_on_loopback(rt_engine, soketi, relays):
    import urllib.request

    from tests.support.soketi import free_tcp_port

    player = make_player(rt_engine)
    post(rt_engine, cmd("deposit", player, "1"))
    # The relay binds the port it is given (it has no "choose and tell"): a probed port can be
    # taken by another run before the relay binds it, so a clash is retried with another port
    # (once bound, the port is the relay's; the test never reads a port it did not bind).
    for attempt in range(5):
        port = free_tcp_port()
        try:
            relay = relays.make(rt_engine, soketi, metrics_port=port)
            break
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE or attempt == 4:
                raise
    try:
        assert relay.drain() == 1
        body = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    finally:
        relay.close()
    assert "relay_events_published_total 1.0" in body
    assert "relay_publish_lag_seconds_count 1.0" in body


def test_the_relay_runs_under_the_least_privileged_relay_role(rt_ledger, soketi, relays, subscribers):
    import uuid

    from sqlalchemy.engine import make_url

    from cashier_desktop.ledger import roles
    from cashier_desktop.ledger.db import make_engine

    url, admin = rt_ledger
    prefix = f"rt{uuid.uuid4().hex[:8]}"
    login = f"{prefix}_relay_login"
    roles.create_roles(admin, prefix=prefix)
    roles.add_login(admin, login, "relay", uuid.uuid4().hex + "Aa1", prefix=prefix)
    relay_engine = make_engine(make_url(url).set(username=login).render_as_string(hide_password=False))
    try:
        with relay_engine.connect() as conn:
            assert conn.execute(text("SELECT current_user")).scalar() == login
            conn.rollback()
            assert "permission denied" in _refusal(conn, "UPDATE balance_events SET payload = '{}'::jsonb")
        heard, _ = subscribers.subscribe(soketi, [CAGE_CHANNEL])
        player = make_player(admin)
        post(admin, cmd("deposit", player, "1"))
        relay = relays.make(relay_engine, soketi, retention_hours=0)
        try:
            assert relay.drain() == 1
            watch_has_read_everything(admin)
            assert relay.prune() == 1
        finally:
            relay.close()
        wait_until(lambda: heard.on(CAGE_CHANNEL), 10, "published by the relay role")
    finally:
        relay_engine.dispose()
        with admin.begin() as conn:
            for name in [login] + [roles.role_name(prefix, g) for g in roles.GROUPS]:
                if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first():
                    conn.exec_driver_sql(f'DROP OWNED BY "{name}"')
                    conn.exec_driver_sql(f'DROP ROLE "{name}"')
            from cashier_desktop.ledger.api_owner import drop_api_owner
            drop_api_owner(conn, prefix)
