"""A temporary credit line that lapses while its player is on the counter's panel: the panel
shows the permanent line again by itself, soon after the expiry (a lapse is no posting, so no
balance event brings it), and F7 follows the line in force."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import text

from cashier_desktop.domain.kinds import Kind
from tests.ui.conftest import find_player, log_in, wait_until

LAPSES_IN_S = 3


def _lines(engine, player: str) -> None:
    """Set-up as the schema owner: a permanent line of ₹10,000 and a temporary one of ₹50,000
    that lapses a few seconds from now by the database's clock."""
    with engine.begin() as conn:
        conn.execute(text("""SELECT * FROM cage.post(:id, 'h', 'credit_line', :p, 10000, 'INR',
            p_staff => 'F200', p_approver => 'F200', p_reason => 'annual review')"""),
                     {"id": uuid.uuid4(), "p": player})
        conn.execute(text("""INSERT INTO temporary_credit_lines (player_id, credit_limit, expires_at, old_limit,
            requested_by, approved_by, reason) VALUES (:p, 50000, clock_timestamp() + make_interval(secs => :s),
            10000, 'C100', 'F200', 'tournament evening')"""), {"p": player, "s": LAPSES_IN_S})


def test_the_panel_drops_a_lapsed_temporary_line_by_itself(qtbot, terminal, engine, player):
    window = log_in(qtbot, terminal, "C100", "1111")
    _lines(engine, player)
    find_player(qtbot, window, player)
    tab = window.cashier
    wait_until(qtbot, lambda: tab.panel.values["limit"].text() == "₹50,000.00", what="the temporary line shown")
    assert tab.lapse_timer.isActive()
    wait_until(qtbot, lambda: tab.panel.values["limit"].text() == "₹10,000.00", timeout=LAPSES_IN_S + 10,
               what="the permanent line again after the lapse")
    assert tab.panel.values["available"].text() == "₹10,000.00"
    assert not tab.lapse_timer.isActive()
    with engine.connect() as conn:  # what the ledger issues markers against now
        assert conn.execute(text("SELECT cage.effective_credit_limit(:p)"), {"p": player}).scalar_one() \
            == Decimal("10000.00")
    assert tab.buttons[Kind.MARKER_ISSUE].isEnabled()  # the permanent line has room


def test_another_player_on_the_panel_disarms_the_previous_players_lapse(qtbot, terminal, engine, player):
    from tests.support.factories import make_player
    window = log_in(qtbot, terminal, "C100", "1111")
    _lines(engine, player)
    find_player(qtbot, window, player)
    tab = window.cashier
    wait_until(qtbot, lambda: tab.lapse_timer.isActive(), what="the lapse armed")
    other = make_player(engine, name="Ravi Iyer")
    find_player(qtbot, window, other)
    wait_until(qtbot, lambda: tab.panel.player_id == other, what="the other player on the panel")
    assert not tab.lapse_timer.isActive()
