"""Credit lines, temporary and permanent, their history, and markers with due dates, aging
and partial redemption (issue 17), as the terminal login on a database made by
`db create-roles`."""

from __future__ import annotations

import time
import uuid
from datetime import timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import ApprovalRequired, NotAuthorized
from cashier_desktop.ledger import credit_lines
from tests.security.conftest import refused, session
from tests.security.test_posting_api_attacks import api_post, api_refusal, open_shift
from tests.support.factories import make_player


def permanent_line(secure, player: str, limit: str) -> None:
    """The owner's credit_line posting (what an approved request posts)."""
    with secure.admin.begin() as conn:
        conn.execute(text("""SELECT * FROM cage.post(:id, 'h', 'credit_line', :p, :l, 'INR',
            p_staff => 'F200', p_approver => 'F200', p_reason => 'annual review')"""),
                     {"id": uuid.uuid4(), "p": player, "l": Decimal(limit)})


def db_now(engine):
    with engine.connect() as conn:
        return conn.execute(text("SELECT clock_timestamp()")).scalar_one()


@pytest.fixture
def desk(secure, terminal):
    cashier = session(terminal, "C100", "1111")
    floor = session(terminal, "F200", "2222")
    open_shift(terminal, cashier)
    return {"cashier": cashier, "floor": floor}


def test_a_temporary_line_is_in_force_until_its_expiry_and_then_the_permanent_one_by_itself(secure, terminal, desk):
    player = make_player(secure.admin)
    permanent_line(secure, player, "100000")
    expires = db_now(secure.admin) + timedelta(seconds=2)
    credit_lines.grant_temporary(terminal, session=desk["cashier"], approver_session=desk["floor"],
                                 player_id=player, limit=Decimal("180000"), expires_at=expires,
                                 reason="tournament weekend")
    assert credit_lines.effective_limit(terminal, player) == Decimal("180000")
    api_post(terminal, "marker_issue", player, "150000", session_id=desk["cashier"])  # above the permanent line
    deadline = time.monotonic() + 10
    while credit_lines.effective_limit(terminal, player) != Decimal("100000"):  # the expiry, no job
        assert time.monotonic() < deadline, "the temporary line did not lapse"
        time.sleep(0.05)
    assert "credit available" in api_refusal(terminal, "CA006", "marker_issue", player, "1",
                                             session_id=desk["cashier"])
    api_post(terminal, "marker_redeem", player, "60000", session_id=desk["cashier"])  # paying back still works
    api_post(terminal, "marker_issue", player, "10000", session_id=desk["cashier"])  # 100k line, 90k+10k drawn


def test_a_temporary_line_alone_lets_a_marker_be_issued_within_it(secure, terminal, desk):
    player = make_player(secure.admin)  # no permanent line at all
    credit_lines.grant_temporary(terminal, session=desk["cashier"], approver_session=desk["floor"], player_id=player,
                                 limit=Decimal("5000"), expires_at=db_now(secure.admin) + timedelta(hours=1),
                                 reason="one evening")
    api_post(terminal, "marker_issue", player, "5000", session_id=desk["cashier"])
    api_refusal(terminal, "CA006", "marker_issue", player, "0.01", session_id=desk["cashier"])
    with secure.admin.connect() as conn:
        assert conn.execute(text("SELECT credit_approved FROM players WHERE id = :p"), {"p": player}).scalar() is False


def test_every_change_is_kept_as_the_players_credit_history(secure, terminal, desk):
    player = make_player(secure.admin)
    permanent_line(secure, player, "100000")
    permanent_line(secure, player, "120000")
    expires = db_now(secure.admin) + timedelta(days=3)
    credit_lines.grant_temporary(terminal, session=desk["cashier"], approver_session=desk["floor"],
                                 player_id=player, limit=Decimal("200000"), expires_at=expires,
                                 reason="high roller visit")
    got = [(h.line, h.old_limit, h.new_limit, h.requested_by, h.approved_by, h.reason)
           for h in credit_lines.history(terminal, player)]
    assert got == [("permanent", Decimal("0"), Decimal("100000.00"), "F200", "F200", "annual review"),
                   ("permanent", Decimal("100000.00"), Decimal("120000.00"), "F200", "F200", "annual review"),
                   ("temporary", Decimal("120000.00"), Decimal("200000.00"), "C100", "F200", "high roller visit")]
    assert "permission denied" in refused(terminal, "UPDATE temporary_credit_lines SET expires_at = 'infinity'")
    assert "permission denied" in refused(
        terminal, "INSERT INTO temporary_credit_lines (player_id, credit_limit, expires_at, old_limit, requested_by, "
                  "approved_by, reason) VALUES (:p, 1e9, 'infinity', 0, 'C100', 'F200', 'x')", {"p": player})


def test_a_temporary_line_needs_a_different_approver_with_the_right(secure, terminal, desk):
    player = make_player(secure.admin)
    expires = db_now(secure.admin) + timedelta(days=1)
    with pytest.raises(ApprovalRequired):
        credit_lines.grant_temporary(terminal, session=desk["floor"], approver_session=desk["floor"],
                                     player_id=player, limit=Decimal("1000"), expires_at=expires, reason="x")
    other_cashier = desk["cashier"]
    with pytest.raises(NotAuthorized):
        credit_lines.grant_temporary(terminal, session=desk["floor"], approver_session=other_cashier,
                                     player_id=player, limit=Decimal("1000"), expires_at=expires, reason="x")
    with pytest.raises(NotAuthorized):  # above the floor manager's authority (₹10,00,000)
        credit_lines.grant_temporary(terminal, session=desk["cashier"], approver_session=desk["floor"],
                                     player_id=player, limit=Decimal("1000000.01"), expires_at=expires, reason="x")
    assert credit_lines.effective_limit(terminal, player) == Decimal("0")


def test_a_redemption_pays_the_oldest_markers_first_partially_and_aging_buckets_what_is_owed(secure, terminal, desk):
    player = make_player(secure.admin)
    permanent_line(secure, player, "100000")
    first = api_post(terminal, "marker_issue", player, "100", session_id=desk["cashier"])
    second = api_post(terminal, "marker_issue", player, "50", session_id=desk["cashier"])
    api_post(terminal, "marker_redeem", player, "120", session_id=desk["cashier"])
    got = credit_lines.markers(terminal, player)
    assert [m.outstanding for m in got] == [Decimal("0.00"), Decimal("30.00")]
    assert [m.due_date for m in got] == [m.issued_at.astimezone(timezone.utc).date() + timedelta(days=30)
                                         for m in got]  # the policy's marker term
    today = got[0].issued_at.astimezone(timezone.utc).date()
    aging = {a.player_id: a for a in credit_lines.aging(terminal, today)}[player]
    assert (aging.buckets["0–30"], aging.overdue) == (Decimal("30.00"), Decimal("0"))
    later = {a.player_id: a for a in credit_lines.aging(terminal, today + timedelta(days=45))}[player]
    assert (later.buckets["0–30"], later.buckets["31–60"], later.overdue) == (0, Decimal("30.00"), Decimal("30.00"))
    oldest = {a.player_id: a for a in credit_lines.aging(terminal, today + timedelta(days=91))}[player]
    assert oldest.buckets["90+"] == Decimal("30.00")
    assert first.cash_delta == second.cash_delta == 0


def posted_id(engine, kind: str, player: str, amount: str, cashier) -> uuid.UUID:
    pid = uuid.uuid4()
    with engine.begin() as conn:
        conn.execute(text("SELECT * FROM cage.post(:id, 'h', :k, :p, :a, 'INR', p_session => :s)"),
                     {"id": pid, "k": kind, "p": player, "a": Decimal(amount), "s": cashier})
    return pid


def reverse(engine, supervisor, player: str, original, amount: str) -> None:
    with engine.begin() as conn:
        conn.execute(text("""SELECT * FROM cage.post(:id, 'h', 'reversal', :p, :a, 'INR', p_session => :s,
            p_reverses => :r, p_reason => 'keyed in error')"""),
                     {"id": uuid.uuid4(), "p": player, "a": Decimal(amount), "s": supervisor, "r": original})


def test_a_reversed_marker_is_cancelled_and_a_reversed_redemption_is_owed_again(secure, terminal, desk):
    player = make_player(secure.admin)
    permanent_line(secure, player, "100000")
    supervisor = session(terminal, "S300", "3333")
    first = posted_id(terminal, "marker_issue", player, "100", desk["cashier"])
    second = posted_id(terminal, "marker_issue", player, "50", desk["cashier"])
    reverse(terminal, supervisor, player, second, "50")
    redemption = posted_id(terminal, "marker_redeem", player, "40", desk["cashier"])
    assert [m.outstanding for m in credit_lines.markers(terminal, player)] == [Decimal("60.00"), Decimal("0.00")]
    reverse(terminal, supervisor, player, redemption, "40")
    assert [(m.posting_id, m.outstanding) for m in credit_lines.markers(terminal, player)] == [
        (first, Decimal("100.00")), (second, Decimal("0.00"))]


def test_the_floor_managers_queue_lists_markers_falling_due_and_a_cashier_cannot_read_it(secure, terminal, desk):
    player = make_player(secure.admin)
    permanent_line(secure, player, "100000")
    marker = posted_id(terminal, "marker_issue", player, "70", desk["cashier"])
    posted_id(terminal, "marker_redeem", player, "20", desk["cashier"])
    due = credit_lines.markers(terminal, player)[0].due_date
    assert [q for q in credit_lines.markers_due(terminal, desk["floor"], due) if q[0] == player] == [
        (player, marker, due, Decimal("50.00"))]
    assert [q for q in credit_lines.markers_due(terminal, desk["floor"], due - timedelta(days=1))
            if q[0] == player] == []
    with pytest.raises(NotAuthorized):
        credit_lines.markers_due(terminal, desk["cashier"], due)
