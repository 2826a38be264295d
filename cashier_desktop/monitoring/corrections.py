"""Supervised corrections of an alert: adopt, revert or dismiss. Never automatic.

- **adopt**: the outside change becomes part of the ledger. The SQL function
  `adopt_player_change` (migration 0005) appends an adjustment row whose deltas are the
  difference between the player's row and the ledger sums, chained with `ledger_digest`
  from the newest row of the player's chain, and re-anchors `players.last_hash` on it.
  The balances the player was shown do not move a second time.
- **revert**: `revert_player_change` restores the columns from the ledger; the outbox
  trigger broadcasts the change like any other; the audit log records before and after.
- **dismiss**: only when the alert no longer holds (the player passes every check now).

Each is one call of a `cage.*` function (migration 0011) that authenticates the
supervisor's staff session in the database, then runs in one transaction holding the
alert's and the player's row locks, writes an audit-log entry naming the supervisor and
their reason, and closes the alert. No login can UPDATE `integrity_alerts` directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID, uuid4

from sqlalchemy import text
from sqlalchemy import exc as saexc
from sqlalchemy.engine import Engine

from ..domain.errors import InvalidInput, NotAuthorized
from ..ledger.db import map_error, warn_if_gui_thread
from .alerts import Alert, get_alert



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


def _label(conn, action: str, alert_id: int) -> None:
    # The outbox row of a revert names what made it (application_name is captured there).
    conn.execute(text("SELECT set_config('application_name', :n, true)"),
                 {"n": f"cashier-desktop {action} alert {alert_id}"})


def _session(session: UUID | str | None) -> str:
    if not session:
        raise NotAuthorized("A supervisor must log in (with their PIN) to resolve an alert.")
    return str(session)


def _call(engine: Engine, action: str, alert_id: int, sql: str, params: dict):
    try:
        with engine.begin() as conn:
            _label(conn, action, alert_id)
            row = conn.execute(text(sql), params).first()
            return row, get_alert(conn, alert_id)
    except saexc.DBAPIError as exc:
        mapped = map_error(exc)  # the correction functions' SQLSTATEs are in ledger.db's one table
        raise (mapped if mapped is not exc else exc) from None


def adopt(engine: Engine, alert_id: int, *, session: UUID | str | None, terminal_id: str, reason: str,
          currency: str, posting_id: UUID | None = None) -> Correction:
    """Record the outside change as an adjustment posting; the balances stay as shown.

    `session` is the supervisor's authenticated staff session: the database finds who they
    are and checks their role (`cage.adopt_player_change`); no staff id is taken on trust.
    """
    warn_if_gui_thread("adopt")
    why, pid = _reason(reason), posting_id or uuid4()
    row, alert = _call(engine, "adopt", alert_id,
                       "SELECT * FROM cage.adopt_player_change(CAST(:s AS uuid), :a, :id, :t, :r, :c)",
                       {"s": _session(session), "a": alert_id, "id": pid, "t": terminal_id, "r": why,
                        "c": currency})
    return Correction(alert, "adopt", row.posting_id, row.kind, str(row.amount))


def revert(engine: Engine, alert_id: int, *, session: UUID | str | None, terminal_id: str,
           reason: str) -> Correction:
    """Restore the player's columns from the ledger (broadcast through the outbox)."""
    warn_if_gui_thread("revert")
    why = _reason(reason)
    _row, alert = _call(engine, "revert", alert_id,
                        "SELECT cage.revert_player_change(CAST(:s AS uuid), :a, :t, :r)",
                        {"s": _session(session), "a": alert_id, "t": terminal_id, "r": why})
    return Correction(alert, "revert")


def dismiss(engine: Engine, alert_id: int, *, session: UUID | str | None, terminal_id: str,
            reason: str) -> Correction:
    """Close an alert that no longer holds; refused (AlertStillHolds) while it does."""
    warn_if_gui_thread("dismiss")
    why = _reason(reason)
    _row, alert = _call(engine, "dismiss", alert_id,
                        "SELECT cage.dismiss_alert(CAST(:s AS uuid), :a, :t, :r)",
                        {"s": _session(session), "a": alert_id, "t": terminal_id, "r": why})
    return Correction(alert, "dismiss")
