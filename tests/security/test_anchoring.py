"""Issue 14, attack 12: a DBA edits a past ledger row with triggers off and recomputes the
chain. The ledger is then consistent with itself (`integrity` clean); the chain heads the
watch signed and exported beforehand are not, and the full check raises an alert."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import text

from cashier_desktop.ledger.integrity import run_integrity
from cashier_desktop.ledger.posting import post
from cashier_desktop.monitoring.alerts import list_alerts
from cashier_desktop.monitoring.anchor import Anchorer
from cashier_desktop.monitoring.watch import Watch
from tests.support.factories import cmd, make_player
from tests.support.role_logins import CASHIER, cage_db

__all__ = ["cage_db"]

_DIGEST = """ledger_digest(:prev, t.id, t.player_id, t.kind, t.amount, t.currency, t.cash_delta, t.credit_delta,
    t.drawer_delta, t.cash_after, t.credit_after, t.limit_after, t.approved_after, t.staff_id, t.approver_id,
    t.terminal_id, t.shift_id, t.reverses_id, t.reason, t.id_type, t.id_number, t.created_at)"""


def rewrite_and_rechain(admin, player: str, extra: str = "900") -> None:
    """What the DBA did: triggers off, the first deposit made bigger, every hash recomputed."""
    with admin.begin() as conn:
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        first = conn.execute(text("SELECT id FROM ledger_transactions WHERE player_id = :p ORDER BY seq LIMIT 1"),
                             {"p": player}).scalar()
        conn.execute(text("""UPDATE ledger_transactions SET amount = amount + CAST(:x AS numeric),
            cash_delta = cash_delta + CAST(:x AS numeric), deposits_delta = deposits_delta + CAST(:x AS numeric)
            WHERE id = :id"""), {"x": extra, "id": first})
        conn.execute(text("UPDATE ledger_transactions SET cash_after = cash_after + CAST(:x AS numeric) "
                          "WHERE player_id = :p"), {"x": extra, "p": player})
        prev = ""
        for (tid,) in conn.execute(text("SELECT id FROM ledger_transactions WHERE player_id = :p ORDER BY seq"),
                                   {"p": player}).fetchall():
            prev = conn.execute(text(f"SELECT {_DIGEST} FROM ledger_transactions t WHERE t.id = :id"),
                                {"prev": prev, "id": tid}).scalar()
            conn.execute(text("UPDATE ledger_transactions SET hash = :h WHERE id = :id"), {"h": prev, "id": tid})
        conn.execute(text("""UPDATE players SET balance = balance + CAST(:x AS numeric),
            total_deposits = total_deposits + CAST(:x AS numeric), last_hash = :h WHERE id = :p"""),
                     {"x": extra, "h": prev, "p": player})


def test_a_rechained_ledger_is_clean_to_integrity_but_not_to_the_signed_anchors(cage_db, tmp_path):
    _, admin, logins = cage_db
    _, monitor = logins.as_group("monitor")
    player = make_player(admin)
    for amount in ("100", "200", "300"):
        post(admin, cmd("deposit", player, amount, staff=CASHIER))
    anchorer = Anchorer(tmp_path / "anchors", uuid.uuid4().hex.encode())
    first = anchorer.export(monitor)  # as the watch would, hourly, with a key the database never sees
    assert (first.stat().st_mode & 0o777) == 0o600
    assert anchorer.verify(monitor) == []

    rewrite_and_rechain(admin, player)
    assert run_integrity(admin, chains=True) == [], "the re-chained ledger is consistent with itself"
    found = anchorer.verify(monitor)
    assert [(f.player_id, f.check) for f in found] == [(player, "chain_anchor")]
    assert "rewritten" in found[0].sentence()

    # The nightly full check (as the monitor login) raises the alert.
    with Watch(monitor, schedule=None, anchor=anchorer) as watch:
        run = watch.full_check("manual")
    assert not run.clean and [f.check for f in run.findings[player]] == ["chain_anchor"]
    assert [a.player_id for a in list_alerts(monitor) if "chain_anchor" in a.checks] == [player]


def test_a_forged_or_missing_anchor_file_is_a_finding(cage_db, tmp_path):
    _, admin, logins = cage_db
    _, monitor = logins.as_group("monitor")
    player = make_player(admin)
    post(admin, cmd("deposit", player, "100", staff=CASHIER))
    anchorer = Anchorer(tmp_path / "anchors", b"k" * 32)
    one = anchorer.export(monitor)
    post(admin, cmd("deposit", player, "50", staff=CASHIER))
    two = anchorer.export(monitor)
    post(admin, cmd("deposit", player, "25", staff=CASHIER))
    anchorer.export(monitor)
    assert anchorer.verify(monitor) == []
    # Whoever rewrites a head in the file without the key breaks its signature.
    doc = json.loads(two.read_text())
    doc["heads"][0][3] = "0" * 64
    two.write_text(json.dumps(doc))
    assert any("signature" in f.expected for f in anchorer.verify(monitor))
    # A removed file breaks the link of the one after it.
    two.unlink()
    assert any("missing" in f.expected for f in anchorer.verify(monitor))
    assert one.exists()
    # A key other than the watch's verifies nothing.
    assert all("signature" in f.expected for f in Anchorer(tmp_path / "anchors", b"x" * 32).verify(monitor))


def test_the_integrity_command_compares_the_ledger_with_the_anchors_it_is_configured_with(cage_db, tmp_path):
    from tests.integration.test_cli_ledger import Cli

    url, admin, logins = cage_db
    _, monitor = logins.as_group("monitor")
    player = make_player(admin)
    post(admin, cmd("deposit", player, "100", staff=CASHIER))
    post(admin, cmd("deposit", player, "200", staff=CASHIER))
    key = uuid.uuid4().hex
    Anchorer(tmp_path / "anchors", key.encode()).export(monitor)
    rewrite_and_rechain(admin, player)
    cli = Cli(url, tmp_path / "home")
    plain = cli("integrity")
    assert plain.returncode == 0, plain.stdout + plain.stderr  # the re-chained ledger alone looks clean
    anchored = cli("integrity", CASHIER_MONITOR_ANCHOR_DIR=str(tmp_path / "anchors"),
                   CASHIER_MONITOR_ANCHOR_KEY=key)
    assert anchored.returncode == 1, anchored.stdout + anchored.stderr
    assert f"player {player}: posting" in anchored.stdout and "chain rewritten" in anchored.stdout
    wrong_key = cli("integrity", CASHIER_MONITOR_ANCHOR_DIR=str(tmp_path / "anchors"),
                    CASHIER_MONITOR_ANCHOR_KEY="not-the-watch-key")
    assert wrong_key.returncode == 1 and "fails its signature" in wrong_key.stdout
