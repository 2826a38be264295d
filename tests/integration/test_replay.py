"""Journal first, ledger second: offline postings, in-doubt lookups and replay, on real
PostgreSQL through a TCP proxy the test cuts (the machine's server never stops)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import InsufficientFunds, OfflineNotAllowed, ShiftError, ShiftNotOpen
from cashier_desktop.domain.receipts import PendingReceipt, Receipt
from cashier_desktop.ledger.posting import post
from cashier_desktop.ledger.queries import get_balance
from cashier_desktop.terminal.session import login
from cashier_desktop.terminal.shifts import close_shift
from tests.support.factories import cmd, make_player
from tests.support.journal_terminal import open_terminal


@pytest.fixture
def terminal(ledger, tmp_path):
    url, engine = ledger
    t = open_terminal(url, engine, tmp_path, offline_withdrawals=True)
    yield t
    t.close()


@pytest.fixture
def funded_terminal(ledger, tmp_path):
    """`terminal`, whose drawer opens with ₹1,00,000: its tests pay out (0023)."""
    url, engine = ledger
    t = open_terminal(url, engine, tmp_path, offline_withdrawals=True, float_amount="100000")
    yield t
    t.close()


def ledger_ids(engine, player) -> list[str]:
    with engine.connect() as conn:
        return [str(r[0]) for r in conn.execute(
            text("SELECT id FROM ledger_transactions WHERE player_id = :p ORDER BY seq"), {"p": player})]


def test_an_online_posting_is_journaled_with_its_receipt(terminal, engine):
    player = make_player(engine)
    r = terminal.post("deposit", player, "100")
    assert isinstance(r, Receipt) and r.shift_id == terminal.shift_id
    e = terminal.journal.entry(r.id)
    assert e.state == "posted" and e.receipt.seq == r.seq and not e.offline
    assert terminal.link.online and terminal.link.pending_count() == 0


def test_the_same_id_posted_twice_returns_the_original_receipt_once(terminal, engine):
    player = make_player(engine)
    staff = terminal.login()
    c = cmd("deposit", player, "40", terminal_id=terminal.terminal_id)
    from cashier_desktop.terminal.counter import submit
    first, again = submit(terminal.services, staff, c), submit(terminal.services, staff, c)
    assert again.replayed and again.id == first.id and len(ledger_ids(engine, player)) == 1


def test_cut_ledger_turns_the_terminal_offline_and_deposits_come_back_pending(terminal, engine):
    player = make_player(engine)
    staff = terminal.login()
    seen = []
    terminal.link.add_listener(seen.append)
    terminal.proxy.refuse()
    r = terminal.post("deposit", player, "500", staff=staff)
    assert isinstance(r, PendingReceipt) and r.to_json()["status"] == "pending"
    assert r.banner == "OFFLINE — PENDING" and r.shift_id == terminal.shift_id
    assert not terminal.link.online and seen and seen[0].state == "offline"
    assert terminal.link.pending_count(terminal.shift_id) == 1
    assert ledger_ids(engine, player) == []
    terminal.proxy.accept()
    report = terminal.services.local.replay()
    assert report.complete and report.posted == 1
    assert terminal.link.online and seen[-1].state == "online" and seen[-1].pending == 0
    assert ledger_ids(engine, player) == [str(r.id)]
    assert get_balance(engine, player, currency="INR").cash.amount == Decimal("500.00")


def test_pending_entries_replay_in_order_with_their_original_ids(terminal, engine):
    player = make_player(engine)
    post(engine, cmd("deposit", player, "100", terminal_id=terminal.terminal_id, shift_id=terminal.shift_id))
    terminal.link.remember_balance(player, Decimal("100.00"))
    staff = terminal.login()
    terminal.proxy.refuse()
    taken = [terminal.post(k, player, a, staff=staff) for k, a in
             [("withdrawal", "60"), ("deposit", "10"), ("withdrawal", "40"), ("deposit", "5")]]
    assert all(isinstance(r, PendingReceipt) for r in taken)
    terminal.proxy.accept()
    report = terminal.services.local.replay()
    assert report.complete and report.posted == 4 and not report.rejected
    assert ledger_ids(engine, player)[1:] == [str(r.id) for r in taken]
    assert get_balance(engine, player, currency="INR").cash.amount == Decimal("15.00")


def test_a_pending_entry_already_in_the_ledger_is_found_not_resent(terminal, engine):
    player = make_player(engine)
    c = cmd("deposit", player, "70", terminal_id=terminal.terminal_id, shift_id=terminal.shift_id)
    terminal.journal.append_pending(c, ledger=terminal.link.ledger_name)
    post(engine, c)  # committed, then the terminal died before its journal update
    report = terminal.services.local.replay()
    assert report.found == 1 and report.posted == 0
    assert terminal.journal.entry(c.id).state == "posted"
    assert ledger_ids(engine, player) == [str(c.id)]


def test_an_offline_withdrawal_the_ledger_refuses_is_rejected_on_replay_never_dropped(terminal, engine):
    player = make_player(engine)
    post(engine, cmd("deposit", player, "100", terminal_id=terminal.terminal_id, shift_id=terminal.shift_id))
    terminal.link.remember_balance(player, Decimal("100.00"))
    staff = terminal.login()
    post(engine, cmd("withdrawal", player, "90", terminal_id="T-OTHER"))  # elsewhere, unseen here
    terminal.proxy.refuse()
    w = terminal.post("withdrawal", player, "50", staff=staff)
    d = terminal.post("deposit", player, "20", staff=staff)
    terminal.proxy.accept()
    report = terminal.services.local.replay()
    assert [x["id"] for x in report.rejected] == [str(w.id)]
    e = terminal.journal.entry(w.id)
    assert e.state == "rejected_on_replay" and "cannot take" in e.reason and e.needs_attention
    assert terminal.journal.entry(d.id).state == "posted", "a later deposit does not rescue the earlier refusal"
    assert get_balance(engine, player, currency="INR").cash.amount == Decimal("30.00")
    assert terminal.link.status().needs_attention == 1


def test_a_refusal_in_the_middle_of_a_batch_keeps_order_and_posts_the_rest(terminal, engine):
    player = make_player(engine)
    terminal.link.remember_balance(player, Decimal("1000.00"))  # stale: the player has nothing
    staff = terminal.login()
    terminal.proxy.refuse()
    first = terminal.post("deposit", player, "10", staff=staff)
    w = terminal.post("withdrawal", player, "15", staff=staff)
    later = [terminal.post("deposit", player, "10", staff=staff) for _ in range(3)]
    terminal.proxy.accept()
    report = terminal.services.local.replay()
    assert report.posted == 4 and [x["id"] for x in report.rejected] == [str(w.id)]
    assert ledger_ids(engine, player) == [str(first.id)] + [str(r.id) for r in later]


def test_replay_stops_when_the_ledger_goes_again_and_keeps_the_rest_pending(terminal, engine):
    player = make_player(engine)
    staff = terminal.login()
    terminal.proxy.refuse()
    for _ in range(3):
        terminal.post("deposit", player, "1", staff=staff)
    report = terminal.services.local.replay()
    assert report.unavailable and report.remaining == 3 and not terminal.link.online
    assert terminal.journal.verify() == []


def test_offline_caps_at_their_boundaries_through_the_counter(ledger, tmp_path):
    url, engine = ledger
    t = open_terminal(url, engine, tmp_path, offline_deposit_cap="100", offline_shift_cap="150")
    try:
        player = make_player(engine)
        staff = t.login()
        t.proxy.refuse()
        assert isinstance(t.post("deposit", player, "100.00", staff=staff), PendingReceipt)
        with pytest.raises(OfflineNotAllowed, match="above ₹100.00"):
            t.post("deposit", player, "100.01", staff=staff)
        assert isinstance(t.post("deposit", player, "50.00", staff=staff), PendingReceipt)
        with pytest.raises(OfflineNotAllowed, match="at most ₹0.00 more"):
            t.post("deposit", player, "0.01", staff=staff)
        with pytest.raises(OfflineNotAllowed, match="withdrawals cannot be paid"):
            t.post("withdrawal", player, "1", staff=staff)
        with pytest.raises(OfflineNotAllowed, match="credit"):
            t.post("marker_issue", player, "1", staff=staff)
        refused = [e for e in t.journal.entries() if e.state == "rejected"]  # credit: refused before
        assert len(refused) == 3 and not any(e.in_doubt for e in refused)
        assert t.link.pending_count(t.shift_id) == 2
    finally:
        t.close()


def test_a_shift_cannot_close_while_its_journal_has_pending_entries(terminal, engine):
    player = make_player(engine)
    session = login(terminal.services, "C100", "1111")
    terminal.proxy.refuse()
    terminal.post("deposit", player, "25", staff=session.staff)
    terminal.proxy.accept()
    with pytest.raises(ShiftError, match="1 posting is still waiting"):
        close_shift(terminal.services, session, "20=1,5=1")
    terminal.services.local.replay()
    closed = close_shift(terminal.services, session, "20=1,5=1")
    assert closed.status == "closed" and closed.variance.amount == Decimal("0.00")


def test_a_refusal_online_is_journaled_as_rejected_and_raised(terminal, engine):
    player = make_player(engine)
    with pytest.raises(InsufficientFunds):
        terminal.post("withdrawal", player, "5")
    [e] = [e for e in terminal.journal.entries() if e.command.player_id == player]
    assert e.state == "rejected" and e.code == "insufficient_funds" and not e.in_doubt
    assert ledger_ids(engine, player) == []


@pytest.mark.parametrize("pipeline", [True, False])
def test_a_batch_stops_at_the_first_posting_that_fails_and_commits_only_what_came_before(engine, pipeline):
    from cashier_desktop.ledger.journal_port import PostgresLedger
    port = PostgresLedger(engine, pipeline=pipeline)
    player = make_player(engine)
    done = post(engine, cmd("deposit", player, "1"))
    batch = [cmd("deposit", player, "2"), cmd("deposit", player, "3"),
             cmd("deposit", player, "1", id=done.id),  # already in the ledger: a duplicate key
             cmd("deposit", player, "4")]
    receipts = port.post_batch(batch)
    assert [r.id for r in receipts] == [batch[0].id, batch[1].id]
    assert ledger_ids(engine, player) == [str(done.id), str(batch[0].id), str(batch[1].id)]
    overdraw = [cmd("deposit", player, "5"), cmd("withdrawal", player, "1000"), cmd("deposit", player, "6")]
    receipts = port.post_batch(overdraw)
    assert [r.id for r in receipts] == [overdraw[0].id]
    assert receipts[0].cash_after.amount == Decimal("11.00")
    assert port.post_batch([cmd("deposit", player, "7"), cmd("deposit", "nobody-at-all", "1")]) != []
    assert get_balance(engine, player, currency="INR").cash.amount == Decimal("18.00")


@pytest.mark.parametrize("pipeline", [True, False])
def test_a_batch_gives_the_receipts_the_ledger_holds_and_leaves_reversals_to_post(engine, pipeline):
    """Every receipt of a batch equals the ledger row read back; a reversal ends the batch
    (it is posted alone, through `posting.post`)."""
    import dataclasses

    from cashier_desktop.ledger.posting import find_posting
    from cashier_desktop.ledger.journal_port import PostgresLedger
    port = PostgresLedger(engine, pipeline=pipeline)
    player = make_player(engine)
    original = post(engine, cmd("deposit", player, "250"))
    batch = [cmd("deposit", player, "20"),
             cmd("credit_line", player, "1000", approver_id="F200", reason="review"),
             cmd("marker_issue", player, "300"),
             cmd("withdrawal", player, "5", id_type="passport", id_number="Z1"),
             cmd("reversal", player, "250", approver_id="S300", reason="keyed twice", reverses_id=original.id),
             cmd("deposit", player, "1")]
    receipts = port.post_batch(batch)
    assert [r.id for r in receipts] == [c.id for c in batch[:4]]
    assert [(r.cash_after.amount, r.credit_after.amount) for r in receipts] == [
        (Decimal("270.00"), Decimal("0.00")), (Decimal("270.00"), Decimal("0.00")),
        (Decimal("270.00"), Decimal("300.00")), (Decimal("265.00"), Decimal("300.00"))]
    with engine.connect() as conn:
        for r in receipts:
            assert dataclasses.replace(find_posting(conn, r.id), replayed=False) == r


def test_a_refusal_whose_send_broke_is_looked_up_and_flagged_if_the_ledger_had_it(funded_terminal, engine):
    terminal = funded_terminal
    from cashier_desktop.terminal.reconciling import reconcile_shift
    player = make_player(engine)
    post(engine, cmd("deposit", player, "100"))  # elsewhere, outside this shift
    absent = cmd("withdrawal", player, "10", terminal_id=terminal.terminal_id, shift_id=terminal.shift_id)
    landed = cmd("withdrawal", player, "20", terminal_id=terminal.terminal_id, shift_id=terminal.shift_id)
    for c in (absent, landed):  # the connection broke mid-send; policy refused it offline
        terminal.journal.append_pending(c, ledger=terminal.link.ledger_name)
        terminal.journal.mark_rejected(c.id, "offline_not_allowed", "The ledger is offline.", in_doubt=True)
    post(engine, landed)  # ...but this one had committed before the connection went
    report = terminal.services.local.replay()
    # Absent, but the broken send's statement could still be running on the server for up
    # to the statement timeout: not yet "refused".
    assert report.found == 1 and report.confirmed_refused == 0 and report.still_in_doubt == 1
    assert terminal.journal.entry(absent.id).in_doubt
    terminal.services.local.poster.settle_after = 0  # as if the statement timeout had passed
    report = terminal.services.local.replay()
    assert report.found == 0 and report.confirmed_refused == 1 and report.posted == 0
    a, b = terminal.journal.entry(absent.id), terminal.journal.entry(landed.id)
    assert a.state == "rejected" and not a.in_doubt
    assert b.state == "posted" and b.code == "posted_after_refusal" and b.needs_attention
    assert ledger_ids(engine, player)[1:] == [str(landed.id)], "nothing resent"
    rec = reconcile_shift(terminal.services, terminal.shift_id)
    assert not rec.clean and [ln.id for ln in rec.unresolved] == [str(landed.id)]
    terminal.journal.resolve(landed.id, "S300", "cash was not paid; reversal posted")
    assert reconcile_shift(terminal.services, terminal.shift_id).clean


def _breaks_after(port, *, commit: bool, then=None, sent: bool = True, backend_pid: int | None = None):
    """Make the next send break the way a dropped connection does: after (or before) the
    ledger committed it, the terminal hears only LedgerUnavailable (`sent` False: the
    connection could not even be made; `backend_pid`: the server process that ran it)."""
    from cashier_desktop.domain.errors import LedgerUnavailable
    real = port.post

    def post_then_break(c):
        port.post = real
        if commit:
            real(c)
        if then is not None:
            then()
        broke = LedgerUnavailable("connection lost mid-commit")
        broke.sent, broke.backend_pid = sent, backend_pid
        raise broke
    port.post = post_then_break


def test_a_send_that_broke_after_the_commit_is_answered_with_its_receipt_not_a_refusal(funded_terminal, engine):
    terminal = funded_terminal
    player = make_player(engine)
    post(engine, cmd("deposit", player, "50000"))
    staff = terminal.login()
    poster = terminal.services.local.poster
    _breaks_after(poster.port, commit=True)
    r = terminal.post("withdrawal", player, "30000", staff=staff)  # above the offline cap
    assert isinstance(r, Receipt) and r.cash_after.amount == Decimal("20000.00")
    e = terminal.journal.entry(r.id)
    assert e.state == "posted" and e.code != "posted_after_refusal" and not e.needs_attention


def test_a_send_that_never_left_the_terminal_is_refused_plainly(terminal, engine):
    player = make_player(engine)
    post(engine, cmd("deposit", player, "50000"))
    staff = terminal.login()
    _breaks_after(terminal.services.local.poster.port, commit=False, sent=False)
    with pytest.raises(OfflineNotAllowed):
        terminal.post("withdrawal", player, "30000", staff=staff)
    assert get_balance(engine, player, currency="INR").cash.amount == Decimal("50000.00")
    [e] = [e for e in terminal.journal.entries() if e.command.player_id == player]
    assert e.state == "rejected" and not e.in_doubt


def test_a_broken_send_whose_server_process_is_unknown_is_in_doubt_not_refused(terminal, engine):
    """The ledger has no row *yet*, but the statement may still be running on the server:
    "refused" could turn out to be a lie, so the cashier hears "in doubt"."""
    from cashier_desktop.domain.errors import PostingInDoubt
    player = make_player(engine)
    post(engine, cmd("deposit", player, "50000"))
    staff = terminal.login()
    _breaks_after(terminal.services.local.poster.port, commit=False)
    with pytest.raises(PostingInDoubt):
        terminal.post("withdrawal", player, "30000", staff=staff)
    [e] = [e for e in terminal.journal.entries() if e.command.player_id == player]
    assert e.state == "rejected" and e.in_doubt


def test_a_broken_send_still_running_on_the_server_is_stopped_before_it_is_called_refused(terminal, engine, ledger):
    """The terminal's connection broke while its statement waited for a row lock on the
    server. Before answering "refused", the terminal terminates that server process (a
    terminated transaction rolls back); the statement can then never commit later."""
    import threading

    import psycopg
    from cashier_desktop.ledger import posting as posting_mod
    url, _ = ledger
    player = make_player(engine)
    post(engine, cmd("deposit", player, "50000"))
    staff = terminal.login()
    c = cmd("withdrawal", player, "30000", terminal_id=terminal.terminal_id, shift_id=terminal.shift_id)
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    stray = psycopg.connect(dsn, autocommit=True)
    outcome = {}
    with engine.begin() as blocker:
        blocker.execute(text("SELECT 1 FROM players WHERE id = :p FOR UPDATE"), {"p": player})

        def run_stray():
            try:
                stray.execute(posting_mod.statement_for(c, offline=False), posting_mod.api_params(c))
                outcome["done"] = True
            except psycopg.Error as exc:
                outcome["error"] = exc
        t = threading.Thread(target=run_stray)
        t.start()
        with engine.connect() as conn:  # wait until it is really waiting for the lock
            for _ in range(500):
                waiting = conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid AND "
                                            "wait_event_type = 'Lock'"), {"pid": stray.info.backend_pid}).scalar()
                if waiting:
                    break
                conn.execute(text("SELECT pg_sleep(0.01)"))
            assert waiting, "the stray statement never waited for the lock"
        _breaks_after(terminal.services.local.poster.port, commit=False, backend_pid=stray.info.backend_pid)
        with pytest.raises(OfflineNotAllowed):
            terminal.post_command(c, staff=staff)
    t.join(10)
    assert "error" in outcome and "done" not in outcome
    assert get_balance(engine, player, currency="INR").cash.amount == Decimal("50000.00")
    assert str(c.id) not in ledger_ids(engine, player)
    [e] = [e for e in terminal.journal.entries() if e.command.player_id == player]
    assert e.state == "rejected" and not e.in_doubt


def test_a_send_that_broke_before_the_commit_is_refused_plainly_once_the_ledger_says_so(terminal, engine):
    import psycopg
    player = make_player(engine)
    post(engine, cmd("deposit", player, "50000"))
    staff = terminal.login()
    gone = psycopg.connect(str(engine.url.set(drivername="postgresql").render_as_string(hide_password=False)))
    pid = gone.info.backend_pid
    gone.close()  # the server process that ran the broken send has exited
    _breaks_after(terminal.services.local.poster.port, commit=False, backend_pid=pid)
    with pytest.raises(OfflineNotAllowed):
        terminal.post("withdrawal", player, "30000", staff=staff)
    assert get_balance(engine, player, currency="INR").cash.amount == Decimal("50000.00")
    assert [e.state for e in terminal.journal.entries() if e.command.player_id == player] == ["rejected"]
    assert not any(e.in_doubt for e in terminal.journal.entries() if e.command.player_id == player)


def test_when_the_ledger_cannot_be_asked_the_cashier_hears_in_doubt_and_replay_settles_it(funded_terminal,
                                                                                             engine):
    terminal = funded_terminal
    from cashier_desktop.domain.errors import PostingInDoubt
    player = make_player(engine)
    post(engine, cmd("deposit", player, "50000"))
    staff = terminal.login()
    _breaks_after(terminal.services.local.poster.port, commit=True, then=terminal.proxy.cut)
    with pytest.raises(PostingInDoubt, match="may have gone through"):
        terminal.post("withdrawal", player, "30000", staff=staff)
    [e] = [e for e in terminal.journal.entries() if e.command.player_id == player]
    assert e.in_doubt
    terminal.proxy.accept()
    report = terminal.services.local.replay()
    assert report.found == 1
    settled = terminal.journal.entry(e.id)
    assert settled.state == "posted" and settled.needs_attention  # a supervisor confirms the cash
    assert get_balance(engine, player, currency="INR").cash.amount == Decimal("20000.00")


def test_a_refused_id_is_never_sent_again_even_when_it_would_now_pass(terminal, engine):
    """Refused is final: the player has the money now, but the same id repeats its refusal
    (the cashier starts a new posting) — a refusal shown to the cashier never posts later."""
    from cashier_desktop.domain.errors import AlreadyRefused
    player = make_player(engine)
    staff = terminal.login()
    c = cmd("withdrawal", player, "100", terminal_id=terminal.terminal_id, staff=staff.id)
    with pytest.raises(InsufficientFunds):
        terminal.post_command(c, staff=staff)
    post(engine, cmd("deposit", player, "1000"))
    with pytest.raises(AlreadyRefused, match="was refused"):
        terminal.post_command(c, staff=staff)
    assert str(c.id) not in ledger_ids(engine, player)
    assert terminal.journal.entry(c.id).state == "rejected"


def test_a_deposit_taken_offline_a_moment_after_the_shift_opened_joins_that_shift(ledger, tmp_path):
    """The terminal knows its shift the moment it opens it, not only after a later online
    posting: offline one second later, a deposit is still taken into the new shift."""
    from cashier_desktop.terminal.shifts import open_shift
    url, engine = ledger
    t = open_terminal(url, engine, tmp_path, shift=False)
    try:
        player = make_player(engine)
        session = login(t.services, "C100", "1111")
        shift = open_shift(t.services, session, float_amount="0")
        t.proxy.refuse()
        r = t.post("deposit", player, "40", staff=session.staff)
        assert isinstance(r, PendingReceipt) and r.shift_id == shift.id
        t.proxy.accept()
        assert t.services.local.replay().posted == 1
        close_shift(t.services, session, "20=2")  # online; from now on the terminal knows: no shift
        t.proxy.refuse()
        with pytest.raises(ShiftNotOpen, match="no open shift is known"):
            t.post("deposit", player, "5", staff=session.staff)
    finally:
        t.close()


@pytest.mark.parametrize("change", [{"amount": "5000"}, {"kind": "withdrawal"}, {"player": "other"}],
                         ids=["amount", "kind", "player"])
def test_an_id_queued_offline_and_reused_for_a_different_request_is_refused_by_the_terminal(
        terminal, engine, change):
    """While the ledger is away only the journal knows the id: the terminal itself must see that
    the same id now asks for something else (else the cashier pays 5,000 on a 500 receipt)."""
    from cashier_desktop.domain.errors import IdempotencyConflict
    player, other = make_player(engine), make_player(engine)
    post(engine, cmd("deposit", player, "1000"))
    staff = terminal.login()
    terminal.proxy.refuse()
    first = cmd("deposit", player, "500", staff=staff.id, terminal_id=terminal.terminal_id)
    assert isinstance(terminal.post_command(first, staff=staff), PendingReceipt)
    kind, who, amount = change.get("kind", "deposit"), other if "player" in change else player, change.get("amount", "500")
    reused = cmd(kind, who, amount, staff=staff.id, terminal_id=terminal.terminal_id, id=first.id)
    with pytest.raises(IdempotencyConflict, match="different request"):
        terminal.post_command(reused, staff=staff)
    terminal.proxy.accept()
    terminal.services.local.replay()
    assert ledger_ids(engine, player)[-1] == str(first.id) and ledger_ids(engine, other) == []
    assert get_balance(engine, player, currency="INR").cash.amount == Decimal("1500.00")


def test_a_withdrawal_taken_offline_that_the_drawer_cannot_hold_is_refused_on_replay(terminal, engine):
    """The drawer opened with ₹0 (0023): the terminal cannot know the drawer's holding at the
    counter (a blind count; no login reads it), so the offline entry is taken within the
    offline allowance and the ledger refuses it on replay, as it refuses one online."""
    player = make_player(engine)
    post(engine, cmd("deposit", player, "500"))  # elsewhere, outside this shift
    terminal.link.remember_balance(player, Decimal("500.00"))
    staff = terminal.login()
    terminal.proxy.refuse()
    w = terminal.post("withdrawal", player, "40", staff=staff)
    assert terminal.journal.entry(w.id).state == "pending"
    terminal.proxy.accept()
    report = terminal.services.local.replay()
    assert [x["id"] for x in report.rejected] == [str(w.id)]
    e = terminal.journal.entry(w.id)
    assert (e.state, e.code) == ("rejected_on_replay", "drawer_short") and e.needs_attention
    assert "The drawer cannot pay out ₹40.00" in e.reason
    assert ledger_ids(engine, player)[1:] == []
