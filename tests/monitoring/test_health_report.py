"""The health report of a seeded period: right totals, and a PDF that renders to PNG."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import InsufficientFunds
from cashier_desktop.ledger.posting import post
from cashier_desktop.monitoring import corrections
from cashier_desktop.monitoring.alerts import list_alerts
from cashier_desktop.monitoring.checks import run_full_check
from cashier_desktop.monitoring.health import build_report
from cashier_desktop.ui.markdown_pdf import write_pdf
from cashier_desktop.monitoring.refusals import record_refusal
from cashier_desktop.monitoring.watch import Watch
from tests.support.databases import login_as
from tests.support.factories import cmd, make_player
from tests.support.role_logins import staff_session


def _seed(engine) -> str:
    player = make_player(engine)
    watch = Watch(login_as(engine, "monitor"), schedule=None)
    watch.step()
    for amount in ("100", "200", "300"):
        post(engine, cmd("deposit", player, amount))
    post(engine, cmd("withdrawal", player, "50"))
    for _ in range(2):
        refused = cmd("withdrawal", player, "400000")  # under the stored dual-control threshold
        with pytest.raises(InsufficientFunds) as info:
            post(engine, refused)
        record_refusal(engine, refused, info.value)
    with engine.begin() as conn:
        conn.execute(text("UPDATE players SET balance = balance + 25 WHERE id = :p"), {"p": player})
        conn.execute(text("""INSERT INTO shifts (terminal_id, staff_id, currency, status, opening_float,
                closed_at, counted, expected, variance)
            VALUES ('T-1', 'C100', 'INR', 'closed', 1000, now(), 900, 1000, -100),
                   ('T-2', 'C100', 'INR', 'signed_off', 1000, now(), 1000, 1000, 0)"""))
    watch.step()
    watch.close()
    alert = list_alerts(engine)[0]
    corrections.adopt(engine, alert.id, session=staff_session(engine, "S300", "3333"), terminal_id="T-SUP", reason="counted and confirmed",
                      currency="INR")
    run_full_check(engine, trigger="manual")
    return player


def test_the_health_report_of_a_seeded_day_has_the_right_totals(fresh_ledger):
    _, engine = fresh_ledger
    started = datetime.now(timezone.utc) - timedelta(seconds=1)
    _seed(engine)
    report = build_report(engine, "day", variance_threshold=Decimal("50"))
    j = report.to_json()
    assert j["postings"]["deposit"] == {"count": 3, "amount": "600.00"}
    assert j["postings"]["withdrawal"] == {"count": 1, "amount": "50.00"}
    assert j["postings"]["adjust_in"] == {"count": 1, "amount": "25.00"}
    assert j["postings_total"] == 5
    # Four postings, the hand-made UPDATE, and the adoption restating total_deposits (the UPDATE
    # left it behind); the balances shown did not move with it.
    assert j["balance_updates"] == 6
    assert j["refused"] == {"insufficient_funds": 2} and j["failed"] == {}
    assert [(a["status"], a["resolved_by"]) for a in j["alerts"]] == [("adopted", "S300")]
    assert [r["clean"] for r in j["integrity_runs"]] == [True]
    assert j["consistency_score"] == 1.0
    assert j["shifts"] == {"closed": 1, "signed_off": 1}
    assert [s["terminal_id"] for s in j["shifts_needing_signoff"]] == ["T-1"]
    md = report.to_markdown()
    assert "| postings | 5 |" in md and "| refused | insufficient_funds | 2 |" in md
    assert "adopted by S300: counted and confirmed" in md
    # A period that ended before the seeding sees none of it.
    empty = build_report(engine, "week", until=started).to_json()
    assert empty["postings_total"] == 0 and empty["alerts"] == [] and empty["refused"] == {}


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_the_health_report_pdf_renders_to_png(fresh_ledger, qapp, tmp_path):
    from PySide6.QtGui import QImage
    _, engine = fresh_ledger
    _seed(engine)
    pdf = write_pdf(build_report(engine, "month").to_markdown(), tmp_path / "health.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=60)
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages
    image = QImage(str(pages[0]))
    assert not image.isNull() and image.width() > 200
    dark = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height() // 2, 2)
               if image.pixelColor(x, y).lightness() < 128)
    assert dark > 200, "the first page has text on it"
