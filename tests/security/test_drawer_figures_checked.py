"""A drawer's running figure is a cached balance, and `integrity` checks it (migration 0028).

`drawer_cash` (0023) decides which payouts a drawer may make. No login can write it; a
superuser with the triggers off can. After every kind of drawer movement — deposit,
withdrawal, a fill, an exchange either way — the figures agree with the shift's rows and the
check is clean, at the terminal login and in the watch's full run. A figure edited by hand
is named, with both amounts, by `integrity` at the terminal login and by the watch's full
check, which is then not clean (the players' count stays the players')."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import text

from cashier_desktop.domain.money import Money
from cashier_desktop.ledger import exchange as fx
from cashier_desktop.ledger.integrity import run_integrity
from cashier_desktop.monitoring.checks import run_full_check
from tests.security.conftest import session
from tests.security.test_posting_api_attacks import api_post, open_shift
from tests.support.drawer_fills import fill_drawer
from tests.support.factories import make_player


def _drawer_findings(engine) -> list:
    return [f for f in run_integrity(engine, chains=False) if f.check == "drawer_matches_ledger"]


def _a_busy_shift(secure, terminal) -> int:
    cashier = session(terminal, "C100", "1111")
    shift = open_shift(terminal, cashier, "10000")
    player = make_player(secure.admin)
    api_post(terminal, "deposit", player, "25000", session_id=cashier)
    api_post(terminal, "withdrawal", player, "20000", session_id=cashier)
    fill_drawer(terminal, cashier, "5000")
    supervisor = session(terminal, "S300", "3333")
    rate = fx.set_rate(terminal, supervisor, "USD", Decimal("80"), Decimal("85"))
    fx.exchange(terminal, session=cashier, direction="buy", foreign=Money(Decimal("50"), "USD"), quoted_rate=rate)
    fx.exchange(terminal, session=cashier, direction="sell", foreign=Money(Decimal("20"), "USD"), quoted_rate=rate)
    return shift


def test_every_drawer_movement_keeps_the_figures_equal_to_the_rows(secure, terminal, monitor):
    shift = _a_busy_shift(secure, terminal)
    with secure.admin.connect() as conn:
        figures = dict(conn.execute(text("SELECT btrim(currency), holding FROM drawer_cash WHERE shift_id = :s"),
                                    {"s": shift}).all())
    # ₹: float 10,000 + 25,000 − 20,000 + fill 5,000 − $50 bought at 80 + $20 sold at 85; $: 50 − 20
    assert figures == {"INR": Decimal("17700.00"), "USD": Decimal("30.00")}
    assert _drawer_findings(terminal) == []
    run = run_full_check(monitor, trigger="manual")
    assert run.clean and run.findings == {}


def test_a_figure_edited_by_hand_is_named_by_integrity_and_by_the_watchs_full_check(secure, terminal, monitor):
    shift = _a_busy_shift(secure, terminal)
    with secure.admin.begin() as conn:  # a superuser: no login may write the table
        conn.execute(text("UPDATE drawer_cash SET holding = holding + 100000 WHERE shift_id = :s AND currency = 'INR'"),
                     {"s": shift})
    [finding] = _drawer_findings(terminal)
    assert (finding.shift_id, finding.currency, finding.expected, finding.actual) == (
        shift, "INR", "17700.00", "117700.00")
    assert finding.sentence() == (f"shift {shift}, drawer in INR: its running figure is 117700.00, "
                                  "its rows add up to 17700.00")
    run = run_full_check(monitor, trigger="manual")
    assert not run.clean
    assert run.players_failing == 0
    [(key, [watched])] = run.findings.items()
    assert key == f"drawer of shift {shift} (INR)"
    assert (watched.expected, watched.actual) == ("17700.00", "117700.00")
    assert "running figure 117700.00, its rows add up to 17700.00" in watched.sentence()
