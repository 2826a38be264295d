"""Staff authentication the database checks (issue 14, attacks 5 and 11), tried by the
login that would try it on a database made by `db create-roles` / `add-login`.

Demo staff (seeded by the owner): C100/1111 cashier, F200/2222 floor manager, S300/3333
supervisor.
"""

from __future__ import annotations

import hashlib
import os
import stat
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy import exc as saexc

from cashier_desktop.domain.errors import AccountLocked, AuthenticationFailed, SessionInvalid
from cashier_desktop.journal.store import Journal
from cashier_desktop.ledger.db import in_transaction
from cashier_desktop.terminal.auth import authenticate
from cashier_desktop.terminal.offline import authenticate_offline, remember_login, send_offline_logins
from cashier_desktop.ledger.journal_port import PostgresLedger
from cashier_desktop.terminal.online import Link, OfflinePolicy
from tests.security.conftest import refused, session


def _who(engine, token):
    """What the database says a session is (errors mapped to the domain's)."""
    return in_transaction(engine, lambda conn: conn.execute(
        text("SELECT staff_id, role FROM cage.session_staff(:t)"), {"t": token}).one())


def _auth_row(admin, staff_id):
    with admin.connect() as conn:
        return conn.execute(text("SELECT failed_attempts, lockouts, locked_until FROM cage.staff_auth "
                                 "WHERE staff_id = :i"), {"i": staff_id}).one()


# -- PBKDF2 in SQL is PBKDF2 -------------------------------------------------------------

@pytest.mark.parametrize("password, salt, iterations", [
    (b"1111", b"salt", 1),
    (b"123456", bytes(range(16)), 2),
    (b"000000", b"", 1000),
    (b"9" * 80, b"a-longer-salt-than-usual-0123456789", 17),  # key longer than the block: hashed first
    (b"246813", bytes.fromhex("5f1c9a0e7b3d42c8a6f0e19d2b7c4a58e3d6f0b1928c7a4e5d3f6b0a1c2e9d84"), 100_000),  # production count
])
def test_the_databases_pbkdf2_equals_hashlib_bit_for_bit(engine, password, salt, iterations):
    with engine.connect() as conn:
        ours = conn.execute(text("SELECT cage.pbkdf2_sha256(:p, :s, :n)"),
                            {"p": password, "s": salt, "n": iterations}).scalar_one()
    assert bytes(ours) == hashlib.pbkdf2_hmac("sha256", password, salt, iterations)


def test_a_stored_verifier_is_pbkdf2_of_the_pin_with_its_salt(fresh_ledger):
    _, admin = fresh_ledger
    with admin.connect() as conn:
        kdf, n, salt, verifier = conn.execute(text(
            "SELECT kdf, iterations, salt, verifier FROM cage.staff_auth WHERE staff_id = 'S300'")).one()
    assert kdf == "pbkdf2-sha256" and len(bytes(salt)) == 32
    assert bytes(verifier) == hashlib.pbkdf2_hmac("sha256", b"3333", bytes(salt), n)


# -- attack 5: PIN hashes, lockouts, audit rows --------------------------------------------

@pytest.mark.parametrize("who", ["terminal", "monitor", "relay"])
def test_no_login_reads_a_pin_verifier(request, who):
    engine = request.getfixturevalue(who)
    assert "permission denied" in refused(engine, "SELECT verifier, salt FROM cage.staff_auth")
    assert 'column "pin_hash" does not exist' in refused(engine, "SELECT pin_hash FROM staff")


def test_a_terminal_cannot_reset_or_extend_a_lockout(terminal, secure):
    assert "permission denied" in refused(terminal, "UPDATE cage.staff_auth SET failed_attempts = 0, "
                                                    "locked_until = NULL WHERE staff_id = 'S300'")
    assert "permission denied" in refused(terminal, "UPDATE cage.staff_auth SET locked_until = 'infinity' "
                                                    "WHERE staff_id = 'F200'")
    assert "permission denied" in refused(terminal, "UPDATE staff SET active = true WHERE id = 'C100'")
    assert "permission denied" in refused(terminal, "INSERT INTO staff (id, name, role) "
                                                    "VALUES ('X1', 'x', 'supervisor')")
    assert "permission denied" in refused(terminal, "SELECT cage.owner_set_pin('S300', '123456', 6)")
    assert "permission denied" in refused(terminal, "SELECT cage.store_pin('S300', '123456')")
    token = session(terminal, "S300", "3333")  # even with a supervisor's own session
    assert "permission denied" in refused(terminal, "SELECT cage.staff_reset_pin(:t, 'F200', '135790')", {"t": token})


def test_a_terminal_cannot_write_audit_rows_as_someone_else_or_at_another_time(terminal, secure):
    with terminal.begin() as conn:
        row_id = conn.execute(text("""INSERT INTO audit_log (at, staff_id, action, detail, db_user)
            VALUES ('2001-01-01', 'S300', 'note', '{}', 'postgres') RETURNING id""")).scalar_one()
    with secure.admin.connect() as conn:
        db_user, recent = conn.execute(text(
            "SELECT db_user, at > clock_timestamp() - interval '1 minute' FROM audit_log WHERE id = :i"),
            {"i": row_id}).one()
    assert (db_user, recent) == (terminal.login, True)
    # the database's own login rows cannot be forged
    assert "row-level security" in refused(terminal, """INSERT INTO audit_log (staff_id, action, detail)
        VALUES ('S300', 'staff.login', '{"outcome": "ok"}')""")


# -- sessions ----------------------------------------------------------------------------

def test_a_session_belongs_to_the_login_that_made_it(terminal, terminal_b):
    token = session(terminal, "C100", "1111")
    assert _who(terminal, token) == ("C100", "cashier")
    with pytest.raises(SessionInvalid, match="not known here"):
        _who(terminal_b, token)
    with pytest.raises(SessionInvalid, match="not known here"):
        _who(terminal, uuid.uuid4())


def test_a_disabled_members_session_ends(terminal, secure):
    token = session(terminal, "C100", "1111")
    with secure.admin.begin() as conn:
        conn.execute(text("UPDATE staff SET active = false WHERE id = 'C100'"))
    with pytest.raises(SessionInvalid, match="no longer an active staff member"):
        _who(terminal, token)


def test_an_expired_session_is_refused(terminal, secure):
    token = session(terminal, "C100", "1111")
    with secure.admin.begin() as conn:
        conn.execute(text("UPDATE cage.staff_sessions SET expires_at = clock_timestamp() WHERE token = :t"),
                     {"t": token})
    with pytest.raises(SessionInvalid, match="has ended"):
        _who(terminal, token)


def test_the_outcome_of_a_guess_is_invisible_until_it_is_committed(terminal, secure):
    """A guesser who could see the answer and then roll back would never be counted."""
    with terminal.connect() as conn:
        trans = conn.begin()
        token = conn.execute(text("SELECT cage.staff_login('S300', '3333')")).scalar_one()
        assert token is not None  # a token whatever the PIN: it says nothing
        mine = conn.execute(text("SELECT count(*) FROM audit_log WHERE action LIKE 'staff.%'")).scalar_one()
        assert mine == 0  # this transaction's login rows are hidden from it
        with pytest.raises(saexc.DBAPIError, match="only after the login that made it has committed"):
            conn.execute(text("SELECT * FROM cage.session_staff(:t)"), {"t": token}).all()
        trans.rollback()
    # the error-as-oracle trick: a wrong PIN never raises, so rolling back a failure is not possible
    for _ in range(5):
        with terminal.begin() as conn:
            conn.execute(text("SELECT CASE WHEN cage.staff_login('F200', '0000') IS NULL "
                              "THEN 1 / (0 * extract(epoch FROM clock_timestamp()))::int END"))
    failed, lockouts, until = _auth_row(secure.admin, "F200")
    assert lockouts == 1 and until is not None


def test_every_attempt_is_audited_by_the_database(terminal, secure):
    session(terminal, "C100", "0000")
    session(terminal, "C100", "1111")
    with secure.admin.connect() as conn:
        rows = conn.execute(text("""SELECT action, detail->>'outcome', db_user FROM audit_log
            WHERE staff_id = 'C100' AND action LIKE 'staff.login%' ORDER BY id""")).all()
    assert [tuple(r) for r in rows] == [("staff.login_refused", "wrong_pin", terminal.login),
                                        ("staff.login", "ok", terminal.login)]


# -- lockouts grow and alert (attack 11, online) --------------------------------------------

def test_repeated_lockouts_grow_longer_and_raise_an_integrity_alert(terminal, secure):
    minutes = []
    for _round in range(3):
        for _ in range(5):
            token = session(terminal, "F200", "0000")
        with pytest.raises(AccountLocked):
            _who(terminal, token)
        with secure.admin.begin() as conn:
            minutes.append(conn.execute(text(
                "SELECT round(extract(epoch FROM locked_until - last_attempt_at) / 60) FROM cage.staff_auth "
                "WHERE staff_id = 'F200'")).scalar_one())
            # what the clock would do: the lock runs out (the counters stay the database's)
            conn.execute(text("UPDATE cage.staff_auth SET locked_until = clock_timestamp() WHERE staff_id = 'F200'"))
    assert minutes == [5, 10, 20]
    with secure.admin.connect() as conn:
        alert = conn.execute(text("""SELECT source, checks, evidence->>'lockouts', evidence->>'db_login'
            FROM integrity_alerts WHERE player_id = 'staff:F200' AND status = 'open'""")).one()
    assert alert == ("auth", ["repeated_lockout"], "3", terminal.login)
    from cashier_desktop.monitoring.alerts import list_alerts
    from cashier_desktop.monitoring.corrections import dismiss
    shown = list_alerts(secure.admin)[0]
    assert shown.summary().startswith(f"Alert {shown.id}: staff F200 locked out 3 times in a row")
    # a supervisor closes it like any alert, with a reason
    assert dismiss(secure.admin, shown.id, session=session(secure.admin, "S300", "3333"), terminal_id="T-SEC-1",
                   reason="F200 forgot the new PIN").alert.status == "dismissed"
    # the right PIN while locked is refused too, and a success resets the run of lockouts
    for _ in range(5):
        session(terminal, "F200", "0000")
    with pytest.raises(AccountLocked):
        _who(terminal, session(terminal, "F200", "2222"))


def test_five_guesses_every_few_minutes_forever_is_no_longer_possible(terminal, secure):
    """The report's pattern: guess 5, wait out the lock, guess 5 again. Each lock doubles."""
    total_minutes = 0
    for _ in range(8):
        for _ in range(5):
            session(terminal, "S300", "0000")
        with secure.admin.begin() as conn:
            total_minutes += conn.execute(text(
                "SELECT extract(epoch FROM locked_until - last_attempt_at) / 60 FROM cage.staff_auth "
                "WHERE staff_id = 'S300'")).scalar_one()
            conn.execute(text("UPDATE cage.staff_auth SET locked_until = clock_timestamp() WHERE staff_id = 'S300'"))
    # 40 guesses cost 5+10+…+640 minutes: over 21 hours, against 40 minutes before
    assert total_minutes >= 5 * (2 ** 8 - 1)


def test_guessing_cannot_lock_anyone_out_for_ever(terminal, secure):
    """Wrong PINs are the only lever a terminal has on a lockout: each lock is at most a day."""
    with secure.admin.begin() as conn:
        conn.execute(text("UPDATE cage.staff_auth SET lockouts = 30 WHERE staff_id = 'F200'"))
    for _ in range(5):
        session(terminal, "F200", "0000")
    with secure.admin.connect() as conn:
        hours = conn.execute(text("SELECT extract(epoch FROM locked_until - last_attempt_at) / 3600 "
                                  "FROM cage.staff_auth WHERE staff_id = 'F200'")).scalar_one()
    assert hours == 24


# -- staff administration -----------------------------------------------------------------

def test_only_a_supervisors_session_at_a_staff_admin_login_adds_staff(terminal, secure):
    office = secure.login("staff_admin", terminal_id="T-OFFICE")
    cashier = session(office, "C100", "1111")
    supervisor = session(office, "S300", "3333")
    add = "SELECT cage.staff_add(:s, 'N900', 'New Hire', 'cashier', :p)"
    assert "permission denied" in refused(terminal, add, {"s": session(terminal, "S300", "3333"), "p": "135790"})
    assert "Only a supervisor" in refused(office, add, {"s": cashier, "p": "135790"})
    assert "6 to 12 digits" in refused(office, add, {"s": supervisor, "p": "1357"})
    with office.begin() as conn:
        conn.execute(text(add), {"s": supervisor, "p": "135790"})
    assert _who(office, session(office, "N900", "135790")) == ("N900", "cashier")
    with secure.admin.connect() as conn:
        by = conn.execute(text("SELECT staff_id, db_user FROM audit_log WHERE action = 'staff.add'")).one()
    assert tuple(by) == ("S300", office.login)


def test_a_pre_0009_argon2_pin_must_be_re_set(terminal, secure):
    with secure.admin.begin() as conn:
        conn.execute(text("UPDATE cage.staff_auth SET kdf = 'argon2id-legacy' WHERE staff_id = 'C100'"))
    with pytest.raises(AuthenticationFailed, match="must be re-set"):
        _who(terminal, session(terminal, "C100", "1111"))


def test_the_python_login_uses_the_databases_answer(terminal):
    member = authenticate(terminal, "F200", "2222", terminal_id="T-SEC-1")
    assert (member.id, member.role, member.approval_limit) == ("F200", "floor_manager", Decimal("1000000.00"))
    assert _who(terminal, member.session_token) == ("F200", "floor_manager")
    with pytest.raises(AuthenticationFailed, match="^Staff id or PIN not recognised.$"):
        authenticate(terminal, "F200", "9999")


# -- attack 11, offline: the journal ------------------------------------------------------

def _offline(tmp_path, ledger_name="ledger"):
    journal = Journal(tmp_path / "cage" / "journal.db", terminal_id="T-SEC-1")
    link = Link(journal, ledger_name, OfflinePolicy(Decimal("1"), Decimal("1"), False, Decimal("0")),
                terminal_id="T-SEC-1")
    return journal, link


def test_the_journal_file_is_0600_in_a_0700_folder(tmp_path):
    old = os.umask(0o022)
    try:
        journal, _ = _offline(tmp_path)
        journal.remember_staff("ledger", "C100", "Asha", "cashier", "x")
    finally:
        os.umask(old)
    folder = tmp_path / "cage"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for f in folder.iterdir():
        if f.is_dir():  # the owners' lock folder (journal/owners.py): private too
            assert stat.S_IMODE(f.stat().st_mode) == 0o700, f.name
            assert all(stat.S_IMODE(g.stat().st_mode) == 0o600 for g in f.iterdir())
            continue
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f.name
    journal.close()


def test_the_journal_keeps_no_database_verifier_only_a_slow_local_one(tmp_path, terminal, monkeypatch):
    journal, link = _offline(tmp_path, PostgresLedger(terminal).name)
    member = authenticate(terminal, "C100", "1111")
    remember_login(journal, link.ledger_name, member, "1111")
    name, role, verifier = journal.cached_staff(link.ledger_name, "C100")
    assert verifier.startswith("$argon2id$")
    # the production parameters (tests run the cheap profile): 256 MiB, 5 passes ≈ 1 s a guess
    from argon2 import PasswordHasher
    from cashier_desktop.domain import pins
    monkeypatch.setenv("CASHIER_ARGON2_PROFILE", "default")
    hasher = pins._hasher()
    assert isinstance(hasher, PasswordHasher)
    assert (hasher.memory_cost, hasher.time_cost) == (262144, 5)
    journal.close()


def test_offline_logins_lock_out_and_reach_the_audit_log_on_replay(tmp_path, terminal, secure):
    port = PostgresLedger(terminal)
    journal, link = _offline(tmp_path, port.name)
    remember_login(journal, port.name, authenticate(terminal, "C100", "1111"), "1111")
    outcomes = []
    for _ in range(12):  # the report: 12 wrong PINs, then the right one worked
        try:
            authenticate_offline(journal, link, "C100", "0000", attempts=5, minutes=5)
        except (AuthenticationFailed, AccountLocked) as exc:
            outcomes.append(type(exc).__name__)
    assert outcomes[:4] == ["AuthenticationFailed"] * 4 and set(outcomes[4:]) == {"AccountLocked"}
    with pytest.raises(AccountLocked):
        authenticate_offline(journal, link, "C100", "1111", attempts=5, minutes=5)
    assert send_offline_logins(journal, port) == 13
    assert send_offline_logins(journal, port) == 0  # sent once
    with secure.admin.connect() as conn:
        rows = conn.execute(text("""SELECT detail->>'outcome', db_user FROM audit_log
            WHERE action = 'offline_login' AND staff_id = 'C100' ORDER BY id""")).all()
    assert [r[0] for r in rows] == ["wrong_pin"] * 4 + ["locked"] * 9
    assert {r[1] for r in rows} == {terminal.login}
    journal.close()


# -- the CLI contract (real processes) ------------------------------------------------------

def _cli_env(tmp_path, url: str, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASHIER_")}
    env.update({"CASHIER_DATABASE_URL": url, "CASHIER_TERMINAL_ID": "T-SEC-1", "CASHIER_ARGON2_PROFILE": "cheap",
                "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
                "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state"),
                "CASHIER_JOURNAL": str(tmp_path / "journal" / "journal.sqlite"), "QT_QPA_PLATFORM": "offscreen"})
    env.update(extra)
    return env


def _run(env, *args):
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "cashier_desktop", *args], env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)


def _one_sentence(result, needle: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cashier-desktop: ") and needle in lines[0], result.stderr
    for leak in ("Traceback", "[parameters", "sqlalche.me", "WARNING", "[SQL"):
        assert leak not in result.stderr + result.stdout


def _login_url(secure, engine) -> str:
    from sqlalchemy.engine import make_url
    return make_url(secure.url).set(username=engine.login, password=secure.password).render_as_string(
        hide_password=False)


@pytest.mark.parametrize("posting_id", ["", "   "])
def test_post_refuses_an_empty_id(tmp_path, terminal, secure, posting_id):
    env = _cli_env(tmp_path, _login_url(secure, terminal), CASHIER_PIN="1111")
    result = _run(env, "post", "deposit", "--player", "101", "--amount", "100", "--staff", "C100", "--id", posting_id)
    _one_sentence(result, "--id is empty")
    assert "posting id" not in result.stderr
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE player_id = '101' "
                                 "AND amount = 100")).scalar_one() == 0


def test_privilege_errors_are_one_sentence_without_parameters(tmp_path, terminal, secure):
    env = _cli_env(tmp_path, _login_url(secure, terminal), CASHIER_PIN="3333", CASHIER_NEW_PIN="135790")
    added = _run(env, "staff", "add", "N777", "--name", "New Hire", "--role", "cashier", "--staff", "S300")
    _one_sentence(added, "may not do that")
    assert "135790" not in added.stderr
    seeded = _run(env, "db", "seed-demo", "--players", "2")
    _one_sentence(seeded, "may not do that")
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM staff WHERE id = 'N777'")).scalar_one() == 0


def test_a_refused_post_prints_no_posting_id(tmp_path, terminal, secure):
    env = _cli_env(tmp_path, _login_url(secure, terminal), CASHIER_PIN="0000")
    result = _run(env, "post", "deposit", "--player", "101", "--amount", "100", "--staff", "C100")
    _one_sentence(result, "not recognised")
    assert "posting id" not in result.stderr and result.stdout == ""


def test_an_offline_refusal_is_one_line_and_the_logs_go_to_the_log_file(tmp_path):
    env = _cli_env(tmp_path, "postgresql://nobody@127.0.0.1:1/cashier", CASHIER_PIN="1111")
    result = _run(env, "post", "deposit", "--player", "101", "--amount", "100", "--staff", "C100")
    _one_sentence(result, "logged in on this terminal before")
    logs = list((tmp_path / "state").rglob("*.log"))
    assert logs and "WARNING" in "".join(p.read_text() for p in logs)
    verbose = _run(env, "--verbose", "post", "deposit", "--player", "101", "--amount", "100", "--staff", "C100")
    assert verbose.returncode == 2 and "WARNING" in verbose.stderr


def test_an_offline_login_right_after_an_online_one_waits_for_the_slow_verifier(tmp_path, terminal, monkeypatch):
    """The verifier (≈1 s, production parameters here) is computed off the login's path; an
    offline login that comes before it is done waits for it instead of failing."""
    from cashier_desktop.terminal.offline import finish_remembering, remember_login_later
    monkeypatch.setenv("CASHIER_ARGON2_PROFILE", "default")
    port = PostgresLedger(terminal)
    journal, link = _offline(tmp_path, port.name)
    remember_login_later(journal, port.name, authenticate(terminal, "C100", "1111"), "1111")
    assert authenticate_offline(journal, link, "C100", "1111").id == "C100"
    finish_remembering(journal)
    journal.close()
