"""Supervised corrections of an alert: adopt, revert or dismiss. Never automatic.

- **adopt**: the outside change becomes part of the ledger. The SQL function
  `adopt_player_change` (migration 0005) appends an adjustment row whose deltas are the
  difference between the player's row and the ledger sums, chained with `ledger_digest`
  from the newest row of the player's chain, and re-anchors `players.last_hash` on it.
  The balances the player was shown do not move a second time.
- **revert**: `revert_player_change` restores the columns from the ledger; the outbox
  trigger broadcasts the change like any other; the audit log records before and after.
- **dismiss**: only when the alert no longer holds (the player passes every check now).

Each runs in one transaction holding the alert's and the player's row locks, writes an
audit-log entry naming the supervisor and their reason, and closes the alert.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID, uuid4

from sqlalchemy import text
from sqlalchemy import exc as saexc
from sqlalchemy.engine import Engine

from ..domain.errors import CashierError, InvalidInput, NotAuthorized
from ..ledger.db import map_error, sqlstate, warn_if_gui_thread
from .alerts import (Alert, AlertNotOpen, AlertStillHolds, ChainBroken, NothingToCorrect,
                     RevertNotPossible, get_alert)
from .checks import check_players

# The correction functions' refusals, and the ledger's own controls (migration 0002).
_SQLSTATES = {"CDA01": AlertNotOpen, "CDA02": NothingToCorrect, "CDA03": ChainBroken,
              "CDA04": RevertNotPossible, "CA001": NotAuthorized}


@dataclass(frozen=True)
class Correction:
    """What a supervisor's decision did: the closed alert, and the ledger row if adopted."""

    alert: Alert
    action: str
    posting_id: UUID | None = None
    kind: str | None = None
    amount: str | None = None

    def sentence(self) -> str:
        if self.action == "adopt":
            return (f"Alert {self.alert.id} adopted: {self.kind} of {self.amount} recorded as posting "
                    f"{self.posting_id}; player {self.alert.player_id}'s balances are unchanged.")
        if self.action == "revert":
            return f"Alert {self.alert.id} reverted: player {self.alert.player_id}'s columns restored from the ledger."
        return f"Alert {self.alert.id} dismissed: player {self.alert.player_id} agrees with the ledger."

    def to_json(self) -> dict:
        return {"action": self.action, "alert": self.alert.to_json(),
                "postingId": str(self.posting_id) if self.posting_id else None,
                "kind": self.kind, "amount": self.amount, "message": self.sentence()}


def _reason(reason: str | None) -> str:
    if not reason or not reason.strip():
        raise InvalidInput("A correction needs a reason.")
    return reason.strip()


def _mapped(exc: Exception) -> BaseException:
    cls = _SQLSTATES.get(sqlstate(exc) or "")
    if cls is not None:
        diag = getattr(getattr(exc, "orig", None), "diag", None)
        return cls(getattr(diag, "message_primary", None) or str(exc))
    return map_error(exc)


def _label(conn, action: str, alert_id: int) -> None:
    # The outbox row of a revert names what made it (application_name is captured there).
    conn.execute(text("SELECT set_config('application_name', :n, true)"),
                 {"n": f"cashier-desktop {action} alert {alert_id}"})


def adopt(engine: Engine, alert_id: int, *, staff_id: str, terminal_id: str, reason: str,
          currency: str, posting_id: UUID | None = None) -> Correction:
    """Record the outside change as an adjustment posting; the balances stay as shown."""
    warn_if_gui_thread("adopt")
    why, pid = _reason(reason), posting_id or uuid4()
    try:
        with engine.begin() as conn:
            _label(conn, "adopt", alert_id)
            row = conn.execute(text("SELECT * FROM adopt_player_change(:a, :id, :s, :t, :r, :c)"),
                               {"a": alert_id, "id": pid, "s": staff_id, "t": terminal_id, "r": why,
                                "c": currency}).one()
            alert = get_alert(conn, alert_id)
    except saexc.DBAPIError as exc:
        mapped = _mapped(exc)
        raise (mapped if mapped is not exc else exc) from None
    return Correction(alert, "adopt", row.posting_id, row.kind, str(row.amount))


def revert(engine: Engine, alert_id: int, *, staff_id: str, terminal_id: str, reason: str) -> Correction:
    """Restore the player's columns from the ledger (broadcast through the outbox)."""
    warn_if_gui_thread("revert")
    why = _reason(reason)
    try:
        with engine.begin() as conn:
            _label(conn, "revert", alert_id)
            conn.execute(text("SELECT revert_player_change(:a, :s, :t, :r)"),
                         {"a": alert_id, "s": staff_id, "t": terminal_id, "r": why})
            alert = get_alert(conn, alert_id)
    except saexc.DBAPIError as exc:
        mapped = _mapped(exc)
        raise (mapped if mapped is not exc else exc) from None
    return Correction(alert, "revert")


def dismiss(engine: Engine, alert_id: int, *, staff_id: str, terminal_id: str, reason: str) -> Correction:
    """Close an alert that no longer holds; refused (AlertStillHolds) while it does."""
    warn_if_gui_thread("dismiss")
    why = _reason(reason)
    try:
        with engine.begin() as conn:
            alert = get_alert(conn, alert_id, for_update=True)
            if alert is None:
                raise AlertNotOpen(f"There is no alert {alert_id}.")
            if not alert.is_open:
                raise AlertNotOpen(f"Alert {alert_id} was already resolved ({alert.status}).")
            conn.execute(text("SELECT 1 FROM players WHERE id = :p FOR SHARE"), {"p": alert.player_id})
            findings = check_players(conn, [alert.player_id]).get(alert.player_id, [])
            chain_ok = conn.execute(text("SELECT chain_ok FROM ledger_state(:p)"), {"p": alert.player_id}).scalar()
            if findings or not chain_ok:
                what = "; ".join(f.sentence() for f in findings[:3]) or "its ledger chain is broken"
                raise AlertStillHolds(f"Alert {alert_id} still holds ({what}); adopt or revert it instead.")
            conn.execute(text("""UPDATE integrity_alerts SET status = 'dismissed',
                    resolved_at = clock_timestamp(), resolved_by = :s, resolution_reason = :r,
                    updated_at = clock_timestamp() WHERE id = :id"""),
                         {"id": alert_id, "s": staff_id, "r": why})
            conn.execute(text("""INSERT INTO audit_log (staff_id, terminal_id, action, detail)
                VALUES (:s, :t, 'integrity.dismiss', jsonb_build_object('alert', CAST(:id AS bigint),
                    'player', CAST(:p AS text), 'reason', CAST(:r AS text)))"""),
                         {"s": staff_id, "t": terminal_id, "id": alert_id, "p": alert.player_id, "r": why})
            alert = get_alert(conn, alert_id)
    except CashierError:
        raise
    except saexc.DBAPIError as exc:
        mapped = _mapped(exc)
        raise (mapped if mapped is not exc else exc) from None
    return Correction(alert, "dismiss")
