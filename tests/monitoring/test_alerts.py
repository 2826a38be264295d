"""A hand-made UPDATE is caught within seconds, announced, and corrected only by a supervisor."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import AuthenticationFailed, InvalidInput, NotAuthorized
from cashier_desktop.ledger.integrity import run_integrity
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.queries import get_balance
from cashier_desktop.monitoring.alerts import AlertNotOpen, AlertStillHolds, RevertNotPossible, list_alerts
from cashier_desktop.monitoring.announce import PusherAnnouncer
from cashier_desktop.terminal import monitoring
from tests.monitoring.conftest import settings_of, wait_until
from tests.support.databases import login_as
from tests.support.factories import cmd, make_player


def _hand_update(engine, sql: str, player: str) -> None:
    with engine.begin() as conn:
        conn.execute(text("SELECT set_config('application_name', 'psql-dba', true)"))
        conn.execute(text(sql), {"p": player})


def _open_alert(engine, player: str):
    found = [a for a in list_alerts(engine, status="open") if a.player_id == player]
    return found[0] if found else None


def _ledger_rows(engine, player: str) -> list:
    with engine.connect() as conn:
        return conn.execute(text("SELECT kind, amount, cash_delta, deposits_delta FROM ledger_transactions "
                                 "WHERE player_id = :p ORDER BY seq"), {"p": player}).fetchall()


def _audit(engine, action: str) -> list[dict]:
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT detail FROM audit_log WHERE action = :a ORDER BY id"),
                                           {"a": action})]


def test_a_plain_update_raises_a_watch_alert_on_private_cage_with_the_evidence(
        fresh_ledger, soketi, watches, alert_listeners):
    _, engine = fresh_ledger
    heard = alert_listeners(soketi)
    watches.start(engine, publish=PusherAnnouncer(settings_of(soketi)))
    player = make_player(engine)
    post(engine, cmd("deposit", player, "100"))
    assert heard.on("private-cage") == [], "nothing to announce before the hand-made change"
    _hand_update(engine, "UPDATE players SET balance = balance + 10000 WHERE id = :p", player)
    # The 5 s target is measured by tests/perf/bench_monitoring.py (alert latency); here the
    # wait is only a bound, and what is asserted is who caught it: the watch, from the event.
    wait_until(lambda: heard.on("private-cage"), timeout=30, what="integrity.alert on private-cage")
    event = heard.on("private-cage")[0]
    assert event["playerId"] == player
    assert event["source"] == "watch", "caught by the watch from the outbox event, not by a full check"
    with engine.connect() as conn:
        changed_at = conn.execute(text("SELECT max(created_at) FROM balance_events WHERE player_id = :p"),
                                  {"p": player}).scalar_one()
    assert _open_alert(engine, player).raised_at >= changed_at, "raised after the change it reports"
    assert "cash_matches_ledger" in event["checks"]
    assert event["cached"]["cash"] == "10100.00" and event["ledger"]["cash"] == "100.00"
    alert = _open_alert(engine, player)
    change = next(c for c in alert.evidence["changes"] if not c["explained_by"])
    assert change["application_name"] == "psql-dba" and change["changed_by"] == "postgres"
    assert change["old"]["cashBalance"] == "100.00" and change["new"]["cashBalance"] == "10100.00"
    assert change["client_addr"] == "127.0.0.1"
    # The deposit's own event is recognised as explained by its posting.
    assert any(c["explained_by"] for c in alert.evidence["changes"])


def test_adopting_leaves_one_adjustment_an_audit_entry_a_clean_ledger_and_the_balance_unmoved(
        fresh_ledger, watches, make_services):
    url, engine = fresh_ledger
    watches.start(engine)
    player = make_player(engine)
    post(engine, cmd("deposit", player, "100"))
    _hand_update(engine, "UPDATE players SET balance = balance + 10000 WHERE id = :p", player)
    wait_until(lambda: _open_alert(engine, player), timeout=5, what="alert")
    alert = _open_alert(engine, player)
    before = get_balance(engine, player, currency="INR")
    services = make_services(url)
    with pytest.raises(NotAuthorized):
        monitoring.adopt_alert(services, alert.id, staff_id="C100", pin="1111", reason="x")
    with pytest.raises(AuthenticationFailed):
        monitoring.adopt_alert(services, alert.id, staff_id="S300", pin="0000", reason="x")
    with pytest.raises(InvalidInput):
        monitoring.adopt_alert(services, alert.id, staff_id="S300", pin="3333", reason="  ")
    done = monitoring.adopt_alert(services, alert.id, staff_id="S300", pin="3333",
                                  reason="portal top-up confirmed with the player")
    assert done.alert.status == "adopted" and done.alert.resolved_by == "S300"
    rows = _ledger_rows(engine, player)
    assert [r.kind for r in rows] == ["deposit", "adjust_in"]
    assert rows[1].amount == Decimal("10000.00") and rows[1].cash_delta == Decimal("10000.00")
    with engine.connect() as conn:   # posted at the login bound to the terminal, as at a real counter
        assert conn.execute(text("""SELECT l.terminal_id FROM ledger_transactions t
            JOIN cage.terminal_logins l ON l.login = t.db_login WHERE t.player_id = :p AND t.kind = 'adjust_in'"""),
            {"p": player}).scalar_one_or_none() == "T-MON"
    after = get_balance(engine, player, currency="INR")
    assert after.cash.amount == before.cash.amount == Decimal("10100.00")
    assert run_integrity(engine) == []
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM player_checks((SELECT p FROM players p WHERE id = :p))"),
                            {"p": player}).scalar() == 0
    entries = [d for d in _audit(engine, "integrity.adopt") if d["player"] == player]
    assert len(entries) == 1 and entries[0]["reason"] == "portal top-up confirmed with the player"
    # The ledger now explains the balance: later postings chain on and stay clean.
    post(engine, cmd("withdrawal", player, "10100"))
    assert run_integrity(engine) == []
    with pytest.raises(AlertNotOpen):
        monitoring.adopt_alert(services, alert.id, staff_id="S300", pin="3333", reason="again")


def test_adopting_a_change_that_also_moved_the_totals_touches_nothing_but_the_chain_anchor(
        fresh_ledger, watches, make_services):
    url, engine = fresh_ledger
    watches.start(engine)
    player = make_player(engine)
    _hand_update(engine, "UPDATE players SET balance = balance + 10000, "
                         "total_deposits = total_deposits + 10000 WHERE id = :p", player)
    wait_until(lambda: _open_alert(engine, player), timeout=5, what="alert")
    version = get_balance(engine, player, currency="INR").version
    monitoring.adopt_alert(make_services(url), _open_alert(engine, player).id, staff_id="S300", pin="3333",
                           reason="the report's ₹10,000 for player 179, confirmed")
    after = get_balance(engine, player, currency="INR")
    assert after.version == version and after.cash.amount == Decimal("10000.00")
    assert run_integrity(engine) == []


def test_reverting_restores_the_columns_and_the_feed_shows_it(fresh_ledger, soketi, relays, subscribers,
                                                             watches, make_services):
    url, engine = fresh_ledger
    heard, _ = subscribers.subscribe(soketi, ["private-cage"])
    relays.start(engine, soketi)
    watches.start(engine)
    player = make_player(engine)
    post(engine, cmd("deposit", player, "250"))
    _hand_update(engine, "UPDATE players SET balance = 99999, credit_limit = 5000 WHERE id = :p", player)
    wait_until(lambda: _open_alert(engine, player), timeout=5, what="alert")
    services = make_services(url)
    done = monitoring.revert_alert(services, _open_alert(engine, player).id, staff_id="S300", pin="3333",
                                   reason="nobody authorised this change")
    assert done.alert.status == "reverted"
    b = get_balance(engine, player, currency="INR")
    assert (b.cash.amount, b.credit_limit.amount, b.credit_approved) == (Decimal("250.00"), Decimal("0.00"), False)
    assert run_integrity(engine) == []

    def feed_shows_revert() -> bool:
        mine = [d for d in heard.on("private-cage") if d["playerId"] == player]
        return bool(mine) and mine[-1]["version"] == b.version and mine[-1]["cashBalance"] == "250.00"
    wait_until(feed_shows_revert, timeout=10, what="the revert on the feed")
    entry = [d for d in _audit(engine, "integrity.revert") if d["player"] == player][0]
    assert entry["before"]["cashBalance"] == "99999.00" and entry["after"]["cash"] == "250.00"
    with engine.connect() as conn:
        app = conn.execute(text("SELECT application_name FROM balance_events WHERE player_id = :p "
                                "ORDER BY id DESC LIMIT 1"), {"p": player}).scalar()
    assert app.startswith("cashier-desktop revert alert")


def test_reverting_is_refused_when_postings_since_would_make_the_ledger_balance_negative(
        fresh_ledger, watches, make_services):
    url, engine = fresh_ledger
    watches.start(engine)
    player = make_player(engine)
    _hand_update(engine, "UPDATE players SET balance = 500, total_deposits = 500 WHERE id = :p", player)
    post(engine, cmd("withdrawal", player, "300"))
    wait_until(lambda: _open_alert(engine, player), timeout=5, what="alert")
    with pytest.raises(RevertNotPossible, match="adopt it instead"):
        monitoring.revert_alert(make_services(url), _open_alert(engine, player).id, staff_id="S300",
                                pin="3333", reason="undo")
    assert get_balance(engine, player, currency="INR").cash.amount == Decimal("200.00")


def test_dismissing_an_alert_that_still_holds_is_refused_and_allowed_once_it_no_longer_holds(
        fresh_ledger, watches, make_services):
    url, engine = fresh_ledger
    watches.start(engine)
    player = make_player(engine)
    post(engine, cmd("deposit", player, "100"))
    _hand_update(engine, "UPDATE players SET balance = balance + 1 WHERE id = :p", player)
    wait_until(lambda: _open_alert(engine, player), timeout=5, what="alert")
    alert = _open_alert(engine, player)
    services = make_services(url)
    with pytest.raises(AlertStillHolds, match="still holds"):
        monitoring.dismiss_alert(services, alert.id, staff_id="S300", pin="3333", reason="looks fine")
    assert _open_alert(engine, player).id == alert.id
    # The DBA puts it back by hand: the alert no longer holds and may be dismissed.
    _hand_update(engine, "UPDATE players SET balance = balance - 1 WHERE id = :p", player)
    done = monitoring.dismiss_alert(services, alert.id, staff_id="S300", pin="3333",
                                    reason="DBA undid the change at once")
    assert done.alert.status == "dismissed"
    assert [d for d in _audit(engine, "integrity.dismiss") if d["player"] == player]
    assert run_integrity(engine) == []


def test_adopting_an_outside_credit_line_records_it_as_a_credit_line_posting(fresh_ledger, watches, make_services):
    url, engine = fresh_ledger
    watches.start(engine)
    player = make_player(engine)
    _hand_update(engine, "UPDATE players SET credit_limit = 50000, credit_approved = true WHERE id = :p", player)
    wait_until(lambda: _open_alert(engine, player), timeout=5, what="alert")
    alert = _open_alert(engine, player)
    assert {"limit_matches_ledger", "approval_matches_ledger"} <= set(alert.checks)
    done = monitoring.adopt_alert(make_services(url), alert.id, staff_id="S300", pin="3333",
                                  reason="line approved on paper by the credit committee")
    assert done.kind == "credit_line" and done.amount == "50000.00"
    assert run_integrity(engine) == []
    post(engine, cmd("marker_issue", player, "1000"))  # the adopted line is now usable
    assert run_integrity(engine) == []


def test_a_tampered_ledger_row_is_found_and_cannot_be_adopted_reverted_or_dismissed(fresh_ledger, make_services):
    from cashier_desktop.monitoring.alerts import ChainBroken
    from cashier_desktop.monitoring.watch import Watch
    url, engine = fresh_ledger
    player = make_player(engine)
    post(engine, cmd("deposit", player, "100"))
    with engine.begin() as conn:  # as only a superuser could: rewrite history, triggers off
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text("UPDATE ledger_transactions SET amount = 1 WHERE player_id = :p"), {"p": player})
    with Watch(login_as(engine, "monitor"), schedule=None) as watch:
        run = watch.full_check("manual")
    assert player in run.findings and any(f.check == "hash_chain" for f in run.findings[player])
    alert = _open_alert(engine, player)
    assert alert.source == "full_check" and alert.evidence["ledger"]["chainIntact"] is False
    services = make_services(url)
    for act in (monitoring.adopt_alert, monitoring.revert_alert):
        with pytest.raises(ChainBroken, match="chain of player"):
            act(services, alert.id, staff_id="S300", pin="3333", reason="try")
    with pytest.raises(AlertStillHolds):
        monitoring.dismiss_alert(services, alert.id, staff_id="S300", pin="3333", reason="try")
    assert _open_alert(engine, player).id == alert.id
