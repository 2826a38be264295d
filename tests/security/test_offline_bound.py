"""A terminal bound to its database login (the production set-up) loses the ledger in the
middle of a posting: the posting is taken offline into the shift the terminal knows, and the
replay posts it there once, through the database's offline allowance."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import text

from cashier_desktop.domain.receipts import PendingReceipt
from tests.support.factories import make_player
from tests.support.journal_terminal import open_terminal
from tests.support.shifts import open_test_shift


def test_a_bound_terminal_cut_mid_posting_takes_it_offline_into_its_shift(secure, tmp_path):
    eng = secure.login("terminal", terminal_id="T-SEC-OFF", offline_limit=Decimal("1000"),
                       offline_total=Decimal("5000"))
    shift = open_test_shift(secure.admin, "T-SEC-OFF")
    url = eng.url.render_as_string(hide_password=False)
    t = open_terminal(url, secure.admin, tmp_path, terminal_id="T-SEC-OFF", shift=False)
    try:
        player = make_player(secure.admin)
        staff = t.login()
        t.proxy.refuse()
        r = t.post("deposit", player, "50", staff=staff)
        assert isinstance(r, PendingReceipt) and r.shift_id == shift
        t.proxy.accept()
        report = t.services.local.replay()
        assert report.posted == 1 and report.complete
        with secure.admin.connect() as conn:
            rows = conn.execute(text("SELECT shift_id, terminal_id, amount FROM ledger_transactions "
                                     "WHERE id = :id"), {"id": r.id}).all()
        assert [(s, tid, a) for s, tid, a in rows] == [(shift, "T-SEC-OFF", Decimal("50.00"))]
    finally:
        t.close()
