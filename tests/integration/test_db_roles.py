"""The least-privilege roles, exercised by really connecting as them (LOGIN roles with
passwords in the test cluster): what a terminal and the relay can and cannot do."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy import exc as saexc
from sqlalchemy.engine import make_url

from cashier_desktop.cli import main
from cashier_desktop.ledger import roles
from cashier_desktop.ledger.integrity import run_integrity
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.queries import get_balance
from cashier_desktop.ledger.shifts import close_shift_row, insert_shift
from tests.support.factories import cmd, make_player
from tests.support.logins import denied as refused
from tests.support.logins import least_privilege


@pytest.fixture
def role_set(fresh_ledger):
    url, admin = fresh_ledger
    prefix = f"t{uuid.uuid4().hex[:8]}"
    with least_privilege(url, admin, prefix=prefix, terminal_id=f"T-{prefix}") as rs:
        assert f"created role {rs.prefix}_terminal" in rs.report
        yield rs


@pytest.fixture
def terminal(role_set):
    eng = role_set.login("terminal")
    return eng.login, eng


@pytest.fixture
def relay(role_set):
    eng = role_set.login("relay")
    return eng.login, eng


def at_the_counter(eng, staff_id: str = "C100", pin: str = "1111", *, open_shift: bool = True):
    """A staff session at the terminal login (cage.staff_login), with the terminal's shift open."""
    with eng.begin() as conn:  # a session is usable once its login committed
        token = conn.execute(text("SELECT cage.staff_login(:s, :p)"), {"s": staff_id, "p": pin}).scalar_one()
    if open_shift:
        with eng.begin() as conn:
            conn.execute(text("SELECT cage.open_shift(:t, 0, p_currency => 'INR')"), {"t": token})
    return token


def test_terminal_role_posts_reads_and_runs_the_integrity_check(role_set, terminal):
    login, eng = terminal
    player = make_player(role_set.admin)
    token = at_the_counter(eng)
    receipt = post(eng, cmd("deposit", player, "10000", session=token, terminal_id=role_set.terminal_id))
    assert receipt.cash_after.amount == Decimal("10000.00")
    assert receipt.terminal_id == role_set.terminal_id, "the terminal is the login's, not the command's"
    assert post(eng, cmd("withdrawal", player, "2500", session=token, terminal_id=role_set.terminal_id)).cash_after.amount == Decimal("7500.00")
    assert get_balance(eng, player, currency="INR").cash.amount == Decimal("7500.00")
    assert run_integrity(eng) == []
    with role_set.admin.connect() as conn:
        changed_by = conn.execute(text("SELECT DISTINCT changed_by FROM balance_events WHERE player_id = :p"),
                                  {"p": player}).scalars().all()
    assert changed_by == [login], "the outbox row names the terminal's login, not the trigger's owner"


def test_terminal_role_cannot_update_ledger_rows_or_delete_audit_rows(role_set, terminal):
    _, eng = terminal
    player = make_player(role_set.admin)
    post(eng, cmd("deposit", player, "100", session=at_the_counter(eng), terminal_id=role_set.terminal_id))
    # "permission denied", not the append-only trigger's refusal (the same SQLSTATE): the
    # grant itself refuses, so a grant widened to these columns fails here.
    ledger = "permission denied for table ledger_transactions"
    assert ledger in refused(eng, "UPDATE ledger_transactions SET amount = 1 WHERE player_id = :p", {"p": player})
    assert ledger in refused(eng, "DELETE FROM ledger_transactions WHERE player_id = :p", {"p": player})
    with eng.begin() as conn:
        conn.execute(text("INSERT INTO audit_log (action) VALUES ('test.login')"))
    assert "permission denied for table audit_log" in refused(eng, "DELETE FROM audit_log")
    assert "permission denied for table audit_log" in refused(eng, "UPDATE audit_log SET action = 'nothing happened'")
    assert "ledger_transactions" in refused(eng, "TRUNCATE ledger_transactions")


def test_terminal_role_cannot_change_staff_and_lockouts_change_only_by_logging_in(role_set, terminal):
    _, eng = terminal
    assert "staff" in refused(eng, "UPDATE staff SET role = 'supervisor' WHERE id = 'C100'")
    assert "staff" in refused(eng, "UPDATE staff SET active = true WHERE id = 'C100'")
    assert "staff" in refused(eng, "INSERT INTO staff (id, name, role) VALUES ('X1', 'x', 'supervisor')")
    assert "staff_auth" in refused(eng, "UPDATE cage.staff_auth SET failed_attempts = 0 WHERE staff_id = 'C100'")
    with eng.begin() as conn:  # a wrong PIN through the database's function is counted
        conn.execute(text("SELECT cage.staff_login('C100', '0000')"))
    with role_set.admin.connect() as conn:
        assert conn.execute(text("SELECT a.failed_attempts, s.role FROM staff s JOIN cage.staff_auth a "
                                 "ON a.staff_id = s.id WHERE s.id = 'C100'")).one() == (1, "cashier")


# One statement per column: a grant widened by one column fails its own case (a combined
# statement would still be refused for the other column and hide the regression).
@pytest.mark.parametrize("column, value", [
    ("active", "false"), ("active", "true"), ("approval_limit", "99999999"), ("approval_limit", "NULL"),
    ("role", "'supervisor'"), ("name", "'someone'"), ("id", "'C999'"),
])
def test_terminal_role_cannot_change_this_staff_column(role_set, terminal, column, value):
    _, eng = terminal
    assert "staff" in refused(eng, f"UPDATE staff SET {column} = {value} WHERE id = 'F200'")
    with role_set.admin.connect() as conn:
        row = conn.execute(text("SELECT active, approval_limit, role FROM staff WHERE id = 'F200'")).one()
    assert row.active and row.role == "floor_manager"


def test_terminal_role_cannot_publish_hide_or_delete_outbox_events(role_set, terminal):
    """The relay alone marks an event published (or deletes it): a terminal that could would
    make a balance change invisible to every screen."""
    _, eng = terminal
    player = make_player(role_set.admin)
    post(eng, cmd("deposit", player, "100", session=at_the_counter(eng), terminal_id=role_set.terminal_id))
    for sql in ("UPDATE balance_events SET published_at = clock_timestamp() WHERE player_id = :p",
                "UPDATE balance_events SET payload = '{}'::jsonb WHERE player_id = :p",
                "DELETE FROM balance_events WHERE player_id = :p"):
        assert "balance_events" in refused(eng, sql, {"p": player})
    with role_set.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM balance_events WHERE player_id = :p AND published_at IS NULL"),
                            {"p": player}).scalar() == 1


def test_terminal_role_cannot_raise_alerts_or_move_the_watchs_cursor(role_set, terminal):
    """Only the watch writes alerts and its cursor: a terminal that could move the cursor past
    its own outside change, or flood alerts, would blind the integrity watch."""
    _, eng = terminal
    with role_set.admin.begin() as conn:
        conn.execute(text("INSERT INTO monitor_cursors (name, last_id) VALUES ('watch', 5)"))
    assert "integrity_alerts" in refused(eng, """INSERT INTO integrity_alerts (player_id, source, checks, evidence)
        VALUES ('p', 'watch', ARRAY['cash_matches_ledger'], '{}'::jsonb)""")
    assert "monitor_cursors" in refused(eng, "UPDATE monitor_cursors SET last_id = 1000000 WHERE name = 'watch'")
    assert "monitor_cursors" in refused(eng, "UPDATE monitor_cursors SET updated_at = now() WHERE name = 'watch'")
    assert "monitor_cursors" in refused(eng, "INSERT INTO monitor_cursors (name, last_id) VALUES ('other', 9)")
    assert "monitor_cursors" in refused(eng, "DELETE FROM monitor_cursors")
    with role_set.admin.connect() as conn:
        assert conn.execute(text("SELECT last_id FROM monitor_cursors WHERE name = 'watch'")).scalar() == 5


def test_monitor_role_raises_alerts_but_cannot_resolve_them_or_post(role_set):
    eng = role_set.login("monitor")
    player = make_player(role_set.admin)
    with eng.begin() as conn:
        alert = conn.execute(text("""INSERT INTO integrity_alerts (player_id, source, checks, evidence)
            VALUES (:p, 'watch', ARRAY['cash_matches_ledger'], '{}'::jsonb) RETURNING id"""), {"p": player}).scalar()
        # later evidence is appended, never written over (migration 0011)
        conn.execute(text("""INSERT INTO integrity_alert_evidence (alert_id, checks, evidence)
            VALUES (:a, ARRAY['cash_matches_ledger'], '{"more": 1}'::jsonb)"""), {"a": alert})
    for column, value in (("status", "'dismissed'"), ("resolved_by", "'S300'"), ("resolved_at", "now()"),
                          ("evidence", "'{}'::jsonb"),
                          ("resolution_reason", "'fine'"), ("player_id", "'other'")):
        assert "integrity_alerts" in refused(eng, f"UPDATE integrity_alerts SET {column} = {value} WHERE id = :a",
                                             {"a": alert})
    with pytest.raises(saexc.ProgrammingError) as info:
        post(eng, cmd("deposit", player, "1"))
    assert "permission denied" in str(info.value.orig)
    assert "players" in refused(eng, "UPDATE players SET balance = 1 WHERE id = :p", {"p": player})
    with role_set.admin.connect() as conn:
        assert conn.execute(text("SELECT status FROM integrity_alerts WHERE id = :a"), {"a": alert}).scalar() == "open"


def test_terminal_role_cannot_forge_events_create_players_or_change_the_schema(role_set, terminal):
    _, eng = terminal
    player = make_player(role_set.admin)
    assert "balance_events" in refused(eng, """INSERT INTO balance_events (player_id, version, payload)
                                             VALUES (:p, 99, '{}'::jsonb)""", {"p": player})
    assert "players" in refused(eng, "INSERT INTO players (id) VALUES (:p)", {"p": player + "x"})
    assert "players" in refused(eng, "UPDATE players SET name = 'someone else' WHERE id = :p", {"p": player})
    assert "players" in refused(eng, "DELETE FROM players WHERE id = :p", {"p": player})
    refused(eng, "CREATE TABLE public.skim (id int)")
    refused(eng, "CREATE FUNCTION public.ledger_digest_shadow() RETURNS int LANGUAGE sql AS 'SELECT 1'")


def test_terminal_role_opens_and_closes_a_shift(role_set, terminal):
    _, eng = terminal
    token = at_the_counter(eng, open_shift=False)
    with eng.begin() as conn:  # through the API: the shift is the login's terminal's
        shift_id = insert_shift(conn, terminal_id=role_set.terminal_id, staff_id="C100", currency="INR",
                                opening_float=Decimal("1000"), session=token)
    with eng.begin() as conn:
        closed = close_shift_row(conn, shift_id, closed_by="C100", counted=Decimal("1000"), closing_count=None,
                                 variance_threshold=Decimal("50"), session=token)
    assert closed.status == "closed"
    assert "shifts" in refused(eng, "UPDATE shifts SET opening_float = 0 WHERE id = :s", {"s": shift_id})


def test_relay_role_drains_the_outbox_but_cannot_post_or_read_staff(role_set, relay, terminal):
    _, relay_eng = relay
    player = make_player(role_set.admin)
    post(terminal[1], cmd("deposit", player, "500", session=at_the_counter(terminal[1]),
                           terminal_id=role_set.terminal_id))
    with relay_eng.begin() as conn:  # the relay's API (migration 0011): claim, then mark what it was handed
        ids = [r.id for r in conn.execute(text("SELECT id, player_id FROM cage.relay_claim(100)"))
               if r.player_id == player]
        assert ids
        assert conn.execute(text("SELECT cage.relay_mark_published(CAST(:i AS bigint[]))"),
                            {"i": ids}).scalar() == len(ids)
        assert conn.execute(text("SELECT balance FROM players WHERE id = :p"), {"p": player}).scalar() == 500
    assert "balance_events" in refused(relay_eng, "DELETE FROM balance_events")
    assert "balance_events" in refused(relay_eng, "UPDATE balance_events SET published_at = now()")
    with pytest.raises(saexc.ProgrammingError) as info:
        post(relay_eng, cmd("deposit", player, "1"))
    assert "permission denied" in str(info.value.orig)
    assert "balance_events" in refused(relay_eng, "UPDATE balance_events SET payload = '{}'::jsonb")
    # the relay has USAGE on `cage` (its outbox functions) but no right on the verifiers
    assert "staff_auth" in refused(relay_eng, "SELECT verifier FROM cage.staff_auth")
    assert "players" in refused(relay_eng, "UPDATE players SET balance = 0 WHERE id = :p", {"p": player})
    with role_set.admin.connect() as conn:
        assert conn.execute(text("SELECT balance FROM players WHERE id = :p"), {"p": player}).scalar() == 500


def test_staff_admin_role_manages_staff_only_through_a_supervisors_session(role_set):
    eng = role_set.login("staff_admin")
    assert "staff" in refused(eng, "UPDATE staff SET role = 'floor_manager' WHERE id = 'C100'")
    with eng.begin() as conn:
        token = conn.execute(text("SELECT cage.staff_login('S300', '3333')")).scalar_one()
    with eng.begin() as conn:
        assert conn.execute(text("SELECT cage.staff_set_active(:t, 'C100', false)"), {"t": token}).scalar_one()
    with role_set.admin.connect() as conn:
        assert conn.execute(text("SELECT active FROM staff WHERE id = 'C100'")).scalar_one() is False
    assert "ledger_transactions" in refused(eng, "DELETE FROM ledger_transactions")


def test_create_roles_twice_gives_the_same_grants_and_covers_every_table(role_set):
    def grants():
        with role_set.admin.connect() as conn:
            return sorted(conn.execute(text("""
                SELECT grantee, table_name, privilege_type FROM information_schema.role_table_grants
                WHERE grantee LIKE :p UNION ALL
                SELECT grantee, table_name || '.' || column_name, privilege_type
                FROM information_schema.column_privileges WHERE grantee LIKE :p"""),
                {"p": role_set.prefix + "%"}).all())
    before = grants()
    report = roles.create_roles(role_set.admin, prefix=role_set.prefix)
    assert f"refreshed role {role_set.prefix}_relay" in report
    assert grants() == before
    assert roles.unclassified_tables(role_set.admin) == [], (
        "a migration added tables that no role may use: give each a TableGrant in cashier_desktop/ledger/roles.py")


def test_the_cli_creates_roles_and_logins_and_the_login_passes_selfcheck(role_set, monkeypatch, capsys, tmp_path):
    assert main(["--database-url", role_set.url, "db", "create-roles", "--prefix", role_set.prefix]) == 0
    assert f"refreshed role {role_set.prefix}_terminal" in capsys.readouterr().out
    login = f"{role_set.prefix}_cli_login"
    role_set.logins.append(login)
    monkeypatch.setenv("CASHIER_NEW_LOGIN_PASSWORD", "short")
    assert main(["--database-url", role_set.url, "db", "add-login", login, "--group", "terminal",
                 "--prefix", role_set.prefix]) == 2
    assert "--terminal-id" in capsys.readouterr().err
    assert main(["--database-url", role_set.url, "db", "add-login", login, "--group", "terminal",
                 "--terminal-id", "T-CLI", "--prefix", role_set.prefix]) == 2
    assert "at least 12 characters" in capsys.readouterr().err
    monkeypatch.setenv("CASHIER_NEW_LOGIN_PASSWORD", role_set.password)
    assert main(["--database-url", role_set.url, "db", "add-login", login, "--group", "terminal",
                 "--terminal-id", "T-CLI", "--prefix", role_set.prefix]) == 0
    # Without --offline-limit the operator is told, not left to find out at the first replay.
    assert "terminal T-CLI may take NOTHING offline" in capsys.readouterr().out
    assert main(["--database-url", role_set.url, "db", "add-login", login, "--group", "terminal",
                 "--terminal-id", "T-CLI", "--offline-limit", "5000", "--offline-total", "20000",
                 "--prefix", role_set.prefix]) == 0
    assert "terminal T-CLI may take offline at most ₹5,000.00 per posting and ₹20,000.00 per shift" \
        in capsys.readouterr().out
    assert main(["--database-url", role_set.url, "db", "add-login", login, "--group", "terminal",
                 "--terminal-id", "T-CLI", "--prefix", role_set.prefix]) == 0  # again: the allowance stays
    assert "at most ₹5,000.00 per posting" in capsys.readouterr().out
    terminal_url = make_url(role_set.url).set(username=login, password=role_set.password)
    rc = main(["--database-url", terminal_url.render_as_string(hide_password=False),
               "--journal", str(tmp_path / "journal.sqlite"), "selfcheck", "--no-qt"])
    out = capsys.readouterr().out
    assert rc == 0, out
    assert f"as {login}" in out and "selfcheck: all checks passed" in out
