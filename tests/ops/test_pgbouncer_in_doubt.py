"""In-doubt postings behind PgBouncer 1.18 in transaction mode: a server process serves one
client per transaction, so the process that ran a terminal's broken send may, by the time
replay looks, be running another terminal's transaction. Replay must not end that one, and
the entry must still settle. And the process id the terminal is told at login is PgBouncer's
own invention: it must not be taken for the server's."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import CashierError
from cashier_desktop.journal.replay import replay
from cashier_desktop.journal.store import Journal
from cashier_desktop.ledger import migrate
from cashier_desktop.ledger.db import make_engine, server_pid
from cashier_desktop.ledger.journal_port import PostgresLedger
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.seed import seed_staff
from tests.perf import bench_pgbouncer
from tests.perf.bench_pgbouncer import PgBouncer
from tests.support.factories import cmd, make_player
from tests.support.faults import OwnedPostgres

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not bench_pgbouncer.available(), reason="apt-get install pgbouncer")]


@pytest.fixture(scope="module")
def bouncer():
    """A server and PgBouncer (transaction mode, two server connections) in front of it."""
    server = OwnedPostgres()
    bouncer = None
    try:
        server.start()
        direct = make_engine(server.create_database("bench"))
        migrate.upgrade(direct)
        seed_staff(direct)
        bouncer = PgBouncer(server, "bench", pool_size=2)
        yield direct, bouncer
    finally:
        if bouncer is not None:
            bouncer.stop()
        direct.dispose()
        server.destroy()


def _alive(direct, pid: int) -> bool:
    with direct.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE pid = :p"), {"p": pid}).scalar() == 1


def test_behind_pgbouncer_the_terminal_does_not_take_the_poolers_process_id_for_the_servers(bouncer):
    direct, pgb = bouncer
    pooled = make_engine(pgb.url(), pool_size=1, prepared_statements=False)
    try:
        fairy = pooled.raw_connection()
        try:
            told = fairy.driver_connection.info.backend_pid
            assert not _alive(direct, told), "PgBouncer's id names no server process"
            assert server_pid(fairy) is None, "unknown: a broken send then waits for the statement timeout"
        finally:
            fairy.close()
        fairy = direct.raw_connection()
        try:
            real = fairy.driver_connection.execute("SELECT pg_backend_pid()").fetchone()[0]
            assert server_pid(fairy) == real, "a direct connection knows its server process"
        finally:
            fairy.close()
    finally:
        pooled.dispose()


def test_a_server_connection_reused_by_another_terminals_open_transaction_is_not_ended_and_the_entry_settles(
        bouncer, tmp_path):
    direct, pgb = bouncer
    terminal = make_engine(pgb.url(), pool_size=1, application_name="terminal-a", prepared_statements=False)
    other = make_engine(pgb.url(), pool_size=1, application_name="terminal-b", prepared_statements=False)
    journal = Journal(tmp_path / "journal.sqlite", terminal_id="T-A")
    try:
        port = PostgresLedger(terminal)
        posted = cmd("deposit", make_player(direct), "30", terminal_id="T-A")
        refused = cmd("deposit", "NO-SUCH-PLAYER", "31", terminal_id="T-A")
        post(terminal, posted)
        with pytest.raises(CashierError):
            post(terminal, refused)
        # The server process that ran both sends (PgBouncer hands out the last used one first).
        with direct.connect() as conn:
            ran = conn.execute(text("SELECT pid FROM pg_stat_activity WHERE application_name = 'terminal-a'"
                                    )).scalar_one()
        # Both answers were lost on the way back: in doubt, with the server process known.
        for c in (posted, refused):
            journal.append_pending(c, ledger=port.name)
            journal.mark_rejected(c.id, "in_doubt", "The connection broke while sending.", in_doubt=True,
                                  backend_pid=ran)
        # The sends broke seconds before what follows (a broken send is noticed at once, the
        # reuse comes later): the journal's record of the break is moved back by 5 s, so the
        # reuse falls clearly after it, whatever this machine's load does to round trips.
        _break_earlier(journal, [posted.id, refused.id], seconds=5)
        # Then PgBouncer gives that server connection to another terminal, which opens a transaction.
        b = other.connect()
        try:
            assert b.execute(text("SELECT pg_backend_pid()")).scalar_one() == ran, "the same server process"
            b.execute(text("SELECT 1 FROM players WHERE id = :p FOR UPDATE"), {"p": posted.player_id})

            report = replay(journal, port)

            assert _alive(direct, ran), "another terminal's transaction was not ended"
            assert b.execute(text("SELECT 1")).scalar_one() == 1
            b.commit()
        finally:
            b.close()
        assert report.found == 1 and report.confirmed_refused == 1 and report.still_in_doubt == 0, report
        assert journal.entry(posted.id).state == "posted"
        settled = journal.entry(refused.id)
        assert settled.state == "rejected" and not settled.in_doubt
    finally:
        journal.close()
        terminal.dispose()
        other.dispose()


def _break_earlier(journal: Journal, ids: list, seconds: float) -> None:
    """As if each entry's send had broken `seconds` earlier than the journal recorded it (the
    records are hash-chained, so the journal is asked, not edited)."""
    from datetime import timedelta
    recorded = journal.broken_send

    def earlier(entry_id):
        sent = recorded(entry_id)
        if sent is None or entry_id not in ids:
            return sent
        return sent[0], sent[1] - timedelta(seconds=seconds)
    journal.broken_send = earlier


def test_a_broken_send_still_running_behind_pgbouncer_is_ended_before_it_is_settled(bouncer, tmp_path):
    """The guard is not a blanket refusal: the send's own transaction, still open on its
    server process, is ended (it rolls back) and the entry settles as not posted."""
    direct, pgb = bouncer
    terminal = make_engine(pgb.url(), pool_size=1, application_name="terminal-c", prepared_statements=False)
    journal = Journal(tmp_path / "journal.sqlite", terminal_id="T-C")
    try:
        port = PostgresLedger(terminal)
        c = cmd("deposit", make_player(direct), "32", terminal_id="T-C")
        sender = terminal.connect()  # stands for the send: a transaction left open on its server process
        try:
            ran = sender.execute(text("SELECT pg_backend_pid()")).scalar_one()
            journal.append_pending(c, ledger=port.name)
            journal.mark_rejected(c.id, "in_doubt", "The connection broke while sending.", in_doubt=True,
                                  backend_pid=ran)
            report = replay(journal, port)
            assert not _alive(direct, ran), "the process that could still commit it was ended first"
        finally:
            sender.invalidate()
            sender.close()
        assert report.confirmed_refused == 1, report
        e = journal.entry(c.id)
        assert e.state == "rejected" and not e.in_doubt
    finally:
        journal.close()
        terminal.dispose()


def test_an_entry_whose_server_process_is_unknown_behind_pgbouncer_settles_after_the_statement_timeout(
        bouncer, tmp_path):
    """What a broken send behind PgBouncer records (no process id): nothing is ended, the entry
    stays in doubt while its statement could still run, and settles once it cannot."""
    direct, pgb = bouncer
    terminal = make_engine(pgb.url(), pool_size=1, prepared_statements=False)
    journal = Journal(tmp_path / "journal.sqlite", terminal_id="T-D")
    try:
        port = PostgresLedger(terminal)
        c = cmd("deposit", make_player(direct), "33", terminal_id="T-D")
        journal.append_pending(c, ledger=port.name)
        journal.mark_rejected(c.id, "in_doubt", "The connection broke while sending.", in_doubt=True,
                              backend_pid=None)
        assert journal.broken_send(c.id) is None
        report = replay(journal, port)
        assert report.still_in_doubt == 1 and journal.entry(c.id).in_doubt, report
        report = replay(journal, port, settle_after=0)  # as when the statement timeout has passed
        assert report.confirmed_refused == 1, report
        assert not journal.entry(c.id).in_doubt
    finally:
        journal.close()
        terminal.dispose()
