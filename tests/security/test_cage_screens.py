"""What the screens read of the cage operations (migration 0018), as the terminal login on a
database made by `db create-roles`: the rates in force are the counter's to read; who may
approve what (the authority limits) only a supervisor's session reads; neither table is
readable directly."""

from __future__ import annotations

from decimal import Decimal

from cashier_desktop.domain.errors import NotAuthorized
from cashier_desktop.ledger import authority, exchange as fx
from tests.security.conftest import refused, session


def test_the_rates_in_force_list_every_currency_and_the_newest_rate(secure, terminal):
    supervisor = session(terminal, "S300", "3333")
    before = {r.currency: r.rate for r in fx.rates_in_force(terminal)}
    assert set(before) >= {"USD", "EUR"} and before["USD"] is None
    fx.set_rate(terminal, supervisor, "USD", Decimal("83"), Decimal("84"))
    newest = fx.set_rate(terminal, supervisor, "USD", Decimal("83.5"), Decimal("84.5"))
    usd = {r.currency: r for r in fx.rates_in_force(terminal)}["USD"]
    assert (usd.name, usd.rate.id, usd.rate.buy, usd.rate.sell, usd.rate.set_by) == (
        "US dollar", newest, Decimal("83.500000"), Decimal("84.500000"), "S300")
    assert "permission denied" in refused(terminal, "SELECT * FROM cage.fx_rates")


def test_only_a_supervisors_session_reads_the_authority_limits(secure, terminal):
    supervisor = session(terminal, "S300", "3333")
    authority.set_limit(terminal, session=supervisor, staff_id="C100", kind="withdrawal", limit=Decimal("5000"),
                        reason="probation")
    authority.set_limit(terminal, session=supervisor, staff_id="F200", kind="exchange", limit=Decimal("1"),
                        reason="typo")
    authority.set_limit(terminal, session=supervisor, staff_id="F200", kind="exchange", limit=None,
                        reason="typo corrected")
    rows = authority.limits_in_force(terminal, supervisor)
    assert [(r.staff_id, r.kind, r.max_amount, r.set_by, r.reason) for r in rows] == [
        ("C100", "withdrawal", Decimal("5000.00"), "S300", "probation")]  # a removed limit is no row
    for staff_id, pin in (("C100", "1111"), ("F200", "2222")):
        try:
            authority.limits_in_force(terminal, session(terminal, staff_id, pin))
        except NotAuthorized as exc:
            assert "manage staff" in str(exc) or "cannot" in str(exc)
        else:
            raise AssertionError(f"{staff_id} read the authority limits")
    assert "permission denied" in refused(terminal, "SELECT * FROM cage.authority_limits")
    assert refused(terminal, "SELECT * FROM cage.authority_limits_in_force(gen_random_uuid())")


def test_the_drawers_holding_counts_the_exchanges_local_cash_as_the_close_does(secure, terminal):
    from sqlalchemy import text
    from cashier_desktop.domain.money import Money
    from tests.security.test_posting_api_attacks import open_shift
    cashier, supervisor = session(terminal, "C100", "1111"), session(terminal, "S300", "3333")
    shift = open_shift(terminal, cashier, "100000")
    fx.set_rate(terminal, supervisor, "USD", Decimal("83"), Decimal("84"))
    fx.exchange(terminal, session=cashier, direction="buy", foreign=Money(Decimal("100"), "USD"))   # ₹8,300 out
    fx.exchange(terminal, session=cashier, direction="sell", foreign=Money(Decimal("10"), "USD"))   # ₹840 in
    with terminal.begin() as conn:
        held = [tuple(r) for r in conn.execute(text("SELECT * FROM cage.drawer_holding(:s, :id)"),
                                               {"s": supervisor, "id": shift})]
    assert held == [(None, None, Decimal("92540.00"))]  # 1,00,000 − 8,300 + 840
    with terminal.begin() as conn:
        closed = conn.execute(text("SELECT expected FROM cage.close_shift(:s, :id, :c)"),
                              {"s": cashier, "id": shift, "c": Decimal("92540.00")}).scalar_one()
    assert closed == sum(h[2] for h in held)
