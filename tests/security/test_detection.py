"""Issue 14, attacks 2, 6, 7, 8 and the telemetry writes: detection that what it watches
cannot switch off. Each attack is made by the login that would make it (terminal, relay,
monitor) on a database made by `db create-roles`, and the test asserts the database's
refusal; where only detection can answer (a superuser), it asserts the alert within 1 s."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import pytest
from sqlalchemy import text
from sqlalchemy import exc as saexc

from cashier_desktop.ledger.posting import post
from cashier_desktop.monitoring import corrections
from cashier_desktop.monitoring.alerts import list_alerts
from cashier_desktop.monitoring.checks import last_run
from cashier_desktop.monitoring.schedule import Schedule
from cashier_desktop.monitoring.watch import Watch
from tests.support.factories import cmd, make_player
from tests.support.role_logins import (CASHIER, CASHIER_PIN, SUPERVISOR, SUPERVISOR_PIN, RunningWatch,
                                       cage_db, refused, staff_session, within_a_second)

__all__ = ["cage_db"]  # the fixture, imported for pytest


def tampered_player(admin, amount: str = "500000") -> str:
    """A player with one deposit, then a hand-written UPDATE of their balance (the incident)."""
    player = make_player(admin)
    post(admin, cmd("deposit", player, "100", staff=CASHIER))
    with admin.begin() as conn:
        conn.execute(text("UPDATE players SET balance = balance + CAST(:a AS numeric) WHERE id = :p"),
                     {"a": amount, "p": player})
    return player


def open_alert(engine, player: str):
    return next((a for a in list_alerts(engine, status="open") if a.player_id == player), None)


def tampered_and_alerted(admin, monitor):
    """A player tampered with while a watch (as the monitor login) follows the outbox; their alert."""
    with Watch(monitor, schedule=None) as w:
        w.step()  # the watch's cursor starts at the end of the outbox
        player = tampered_player(admin)
        w.step()
    alert = open_alert(monitor, player)
    assert alert is not None
    return alert


def sqlstate_of(info) -> str | None:
    return getattr(info.value.orig, "sqlstate", None)


# --- attack 2: a detected UPDATE laundered by a terminal -------------------------------------

def test_a_terminal_cannot_dismiss_an_alert_or_rewrite_its_evidence_by_update(cage_db):
    _, admin, logins = cage_db
    _, monitor = logins.as_group("monitor")
    _, terminal = logins.as_group("terminal")
    alert = tampered_and_alerted(admin, monitor)
    for sql in ("UPDATE integrity_alerts SET status = 'dismissed' WHERE id = :a",
                "UPDATE integrity_alerts SET evidence = '{}'::jsonb WHERE id = :a",
                "DELETE FROM integrity_alerts WHERE id = :a",
                "INSERT INTO integrity_alert_evidence (alert_id, checks, evidence) VALUES (:a, '{}', '{}')",
                "SELECT id FROM integrity_alerts WHERE id = :a FOR UPDATE"):
        assert "integrity_alert" in refused(terminal, sql, {"a": alert.id})
    assert open_alert(admin, alert.player_id).id == alert.id


def test_adopting_without_a_supervisors_authenticated_session_is_refused(cage_db):
    _, admin, logins = cage_db
    _, monitor = logins.as_group("monitor")
    _, terminal = logins.as_group("terminal")
    alert = tampered_and_alerted(admin, monitor)
    # The old function took the staff id on trust: no login may call it any more.
    assert "adopt_player_change" in refused(terminal, """SELECT * FROM adopt_player_change(:a, :id, 'S300',
        'T1', 'laundered', 'INR')""", {"a": alert.id, "id": uuid.uuid4()})
    # A session that is no one's, and a cashier's real session, are refused by the database.
    for session in (str(uuid.uuid4()), staff_session(terminal, CASHIER, CASHIER_PIN)):
        with pytest.raises(saexc.DBAPIError) as info:
            with terminal.begin() as conn:
                conn.execute(text("SELECT * FROM cage.adopt_player_change(CAST(:s AS uuid), :a, :id, 'T1', 'x', 'INR')"),
                             {"s": session, "a": alert.id, "id": uuid.uuid4()})
        assert sqlstate_of(info) in ("CA001", "CA023")
    # A wrong PIN gives a session the database will not honour.
    wrong = staff_session(terminal, SUPERVISOR, "999999")
    with pytest.raises(Exception):
        corrections.dismiss(terminal, alert.id, session=wrong, terminal_id="T1", reason="laundered")
    assert open_alert(admin, alert.player_id) is not None, "the alert is still open"
    # The supervisor who logs in at this terminal may adopt; the row names them, not an argument.
    session = staff_session(terminal, SUPERVISOR, SUPERVISOR_PIN)
    done = corrections.adopt(terminal, alert.id, session=session, terminal_id="T1", reason="counted twice",
                             currency="INR")
    assert done.alert.status == "adopted" and done.alert.resolved_by == SUPERVISOR
    # Resolved is final: not even the owner's trigger lets it be reopened or re-resolved.
    with pytest.raises(saexc.DBAPIError):
        with admin.begin() as conn:
            conn.execute(text("UPDATE integrity_alerts SET status = 'open' WHERE id = :a"), {"a": alert.id})


def test_a_session_made_at_another_terminal_login_is_refused_there(cage_db):
    _, admin, logins = cage_db
    _, monitor = logins.as_group("monitor")
    _, terminal = logins.as_group("terminal")
    _, other = logins.as_group("terminal")
    alert = tampered_and_alerted(admin, monitor)
    stolen = staff_session(other, SUPERVISOR, SUPERVISOR_PIN)
    with pytest.raises(Exception):
        corrections.revert(terminal, alert.id, session=stolen, terminal_id="T1", reason="stolen token")
    assert open_alert(admin, alert.player_id) is not None


# --- attack 6: a future-dated clean run ------------------------------------------------------

def test_a_future_dated_clean_run_neither_stops_the_nightly_check_nor_shows_as_the_last_run(cage_db):
    _, admin, logins = cage_db
    _, terminal = logins.as_group("terminal")
    _, monitor = logins.as_group("monitor")
    forged = """INSERT INTO integrity_runs (trigger, started_at, finished_at, players_total, players_failing,
        findings_count, clean) VALUES ('schedule', '2099-01-01', '2099-01-01', 1, 0, 0, true)"""
    assert "integrity_runs" in refused(terminal, forged)
    with admin.begin() as conn:  # a superuser can write it: the watch must not believe it
        conn.execute(text(forged))
    player = tampered_player(admin)
    assert last_run(monitor) is None, "a run dated 2099 is not the last run"
    watch = Watch(monitor, schedule=Schedule(), publish=None)
    run = watch.run_scheduled_if_due()
    assert run is not None and not run.clean and player in run.findings
    assert last_run(monitor)["id"] == run.id


# --- attack 7: a lock held on the alerts -----------------------------------------------------

def test_a_lock_held_on_every_alert_does_not_stall_the_watch(cage_db):
    _, admin, logins = cage_db
    _, terminal = logins.as_group("terminal")
    _, monitor = logins.as_group("monitor")
    alert = tampered_and_alerted(admin, monitor)
    first = alert.player_id
    assert "integrity_alerts" in refused(terminal, "SELECT * FROM integrity_alerts FOR UPDATE")
    running = RunningWatch(monitor).start()
    locker = admin.connect()
    try:
        locker.execute(text("SELECT id FROM integrity_alerts FOR UPDATE"))  # held open, as in the attack
        with admin.begin() as conn:  # the locked alert's player moves again …
            conn.execute(text("UPDATE players SET balance = balance + 1 WHERE id = :p"), {"p": first})
        second = tampered_player(admin)  # … and a new player is tampered with
        within_a_second(lambda: open_alert(monitor, second), "the new player's alert")

        def more_evidence():
            with monitor.connect() as conn:
                return conn.execute(text("SELECT count(*) FROM integrity_alert_evidence WHERE alert_id = :a"),
                                    {"a": alert.id}).scalar()
        within_a_second(more_evidence, "evidence appended to the locked alert")
    finally:
        locker.rollback()
        locker.close()
        running.stop()


def test_the_monitor_login_cannot_rewrite_alert_evidence_nor_read_pin_verifiers(cage_db):
    _, admin, logins = cage_db
    _, monitor = logins.as_group("monitor")
    alert = tampered_and_alerted(admin, monitor)
    assert "integrity_alerts" in refused(monitor, "UPDATE integrity_alerts SET evidence = '{}'::jsonb WHERE id = :a",
                                         {"a": alert.id})
    assert "integrity_alerts" in refused(monitor, "UPDATE integrity_alerts SET status = 'dismissed' WHERE id = :a",
                                         {"a": alert.id})
    assert "integrity_alerts" in refused(monitor, "DELETE FROM integrity_alerts")
    assert "integrity_alert_evidence" in refused(monitor, "UPDATE integrity_alert_evidence SET evidence = '{}'")
    assert "integrity_alert_evidence" in refused(monitor, "DELETE FROM integrity_alert_evidence")
    assert "staff_auth" in refused(monitor, "SELECT verifier FROM cage.staff_auth")


# --- attack 8: the relay login -----------------------------------------------------------------

def test_the_relay_cannot_delete_mark_what_it_was_not_handed_or_lock_the_outbox(cage_db):
    _, admin, logins = cage_db
    _, relay = logins.as_group("relay")
    player = make_player(admin)
    post(admin, cmd("deposit", player, "100", staff=CASHIER))
    assert "balance_events" in refused(relay, "DELETE FROM balance_events")
    assert "balance_events" in refused(relay, "UPDATE balance_events SET published_at = now()")
    assert "balance_events" in refused(relay, "SELECT id FROM balance_events FOR UPDATE")
    for mode in ("ACCESS EXCLUSIVE", "EXCLUSIVE", "SHARE", "ROW EXCLUSIVE"):
        assert "balance_events" in refused(relay, f"LOCK TABLE balance_events IN {mode} MODE")
    with admin.connect() as conn:
        event = conn.execute(text("SELECT max(id) FROM balance_events")).scalar()
    # Marking a row the claim did not hand this transaction is refused.
    refused(relay, "SELECT cage.relay_mark_published(ARRAY[CAST(:e AS bigint)])", {"e": event})
    # Claimed in one transaction, marked in another: refused too.
    with relay.begin() as conn:
        assert event in [r.id for r in conn.execute(text("SELECT id FROM cage.relay_claim(10)"))]
    refused(relay, "SELECT cage.relay_mark_published(ARRAY[CAST(:e AS bigint)])", {"e": event})
    with relay.begin() as conn:
        ids = [r.id for r in conn.execute(text("SELECT id FROM cage.relay_claim(10)"))]
        assert conn.execute(text("SELECT cage.relay_mark_published(CAST(:i AS bigint[]))"), {"i": ids}).scalar() == 1
    # Published but not yet read by the watch: the prune leaves it.
    with relay.begin() as conn:
        assert conn.execute(text("SELECT cage.relay_prune(0, 1000)")).scalar() == 0
    with admin.connect() as conn:
        assert conn.execute(text("SELECT published_by FROM balance_events WHERE id = :e"), {"e": event}).scalar() \
            in [name for name in logins.logins]


def test_an_outbox_row_deleted_before_the_watch_read_it_raises_an_alert_within_a_second(cage_db):
    _, admin, logins = cage_db
    _, monitor = logins.as_group("monitor")
    quiet = make_player(admin)
    post(admin, cmd("deposit", quiet, "100", staff=CASHIER))
    running = RunningWatch(monitor).start()
    try:
        within_a_second(lambda: not running.watch._gaps and running.watch._cursor is not None, "the watch idle")
        # A superuser's posting-shaped change whose outbox row vanishes before the watch reads it.
        with admin.begin() as conn:
            conn.execute(text("UPDATE players SET balance = balance + 1, total_deposits = total_deposits + 1 "
                              "WHERE id = :p"), {"p": quiet})
            conn.execute(text("DELETE FROM balance_events WHERE player_id = :p AND published_at IS NULL "
                              "AND id = (SELECT max(id) FROM balance_events)"), {"p": quiet})
        alert = within_a_second(lambda: open_alert(monitor, quiet), "the deleted row's alert")
        assert "outbox_row_deleted" in alert.checks
    finally:
        running.stop()


# --- telemetry: through functions that stamp the login ---------------------------------------

def test_terminal_telemetry_goes_through_functions_that_stamp_the_login(cage_db):
    _, admin, logins = cage_db
    login, terminal = logins.as_group("terminal")
    _, other = logins.as_group("terminal")
    for sql in ("INSERT INTO terminal_heartbeats (terminal_id) VALUES ('T9')",
                "INSERT INTO feed_acks (terminal_id, player_id, version, received_at) VALUES ('T9', 'p', 1, now())",
                "INSERT INTO refused_postings (outcome, code, message) VALUES ('refused', 'x', 'forged')",
                "UPDATE terminal_heartbeats SET seen_at = now()"):
        refused(terminal, sql)
    now = datetime.now(timezone.utc)
    with terminal.begin() as conn:
        acks = conn.execute(text("""SELECT cage.terminal_heartbeat('T9', 'C100', 0, 'connected', 0.5, 'test',
            ARRAY['p1'], ARRAY[CAST(3 AS bigint)], ARRAY[CAST(:n AS timestamptz)])"""), {"n": now}).scalar()
        conn.execute(text("""SELECT cage.note_refused_posting('refused', 'insufficient_funds', 'no', NULL, 'withdrawal',
            'p1', 5, 'INR', 'C100', 'T9')"""))
    assert acks == 1
    with admin.connect() as conn:
        assert conn.execute(text("SELECT db_login FROM terminal_heartbeats WHERE terminal_id = 'T9'")).scalar() == login
        assert conn.execute(text("SELECT db_login FROM feed_acks WHERE terminal_id = 'T9'")).scalar() == login
        assert conn.execute(text("SELECT db_login FROM refused_postings")).scalar() == login
    # Another terminal's login cannot report as T9.
    refused(other, """SELECT cage.terminal_heartbeat('T9', 'C100', 0, 'connected', 0.5, 'test',
        ARRAY[]::text[], ARRAY[]::bigint[], ARRAY[]::timestamptz[])""")


def test_a_watch_step_stuck_on_a_lock_is_cancelled_by_its_watchdog_and_the_watch_goes_on(cage_db):
    """The watchdog behind the lock_timeout: a step that makes no progress is cancelled."""
    _, admin, logins = cage_db
    _, monitor = logins.as_group("monitor")

    class NoLockTimeout(Watch):  # as if a statement waited where lock_timeout does not reach
        def _db(self):
            import psycopg
            if self._conn is None or self._conn.closed:
                self._conn = psycopg.connect(self._url(), autocommit=True)
            return self._conn

    running = RunningWatch(monitor)
    running.watch.__class__ = NoLockTimeout
    running.watch.stall_seconds = 0.3
    running.start()
    locker = admin.connect()
    try:
        locker.execute(text("LOCK TABLE balance_events IN ACCESS EXCLUSIVE MODE"))  # held open
        within_a_second(lambda: running.watch.restarts >= 1, "the stuck step cancelled", timeout=3.0)
        locker.rollback()
        player = tampered_player(admin)
        within_a_second(lambda: open_alert(monitor, player), "the watch alerting again", timeout=3.0)
    finally:
        locker.rollback()
        locker.close()
        running.stop()
