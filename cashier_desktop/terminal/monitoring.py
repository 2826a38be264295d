"""What a supervisor does about the ledger's health: alerts, corrections, dashboard, reports.

Qt-free, so the CLI and the GUI share it. Reading (alerts, dashboard, report) needs a
connection only; every correction needs a supervisor's PIN and a reason, is checked with
the same lockout and audit as a login, and is never applied automatically. After a
correction the cage is told (`integrity.resolved` on `private-cage`) so banners clear.
"""

from __future__ import annotations

import logging
from datetime import datetime

from ..domain.roles import Action, require
from ..monitoring import corrections
from ..monitoring.alerts import CAGE_CHANNEL, RESOLVED_EVENT, Alert, alert_by_id, list_alerts
from ..monitoring.corrections import Correction
from ..monitoring.dashboard import Dashboard, collect
from ..monitoring.health import HealthReport, build_report
from .auth import StaffMember, authenticate_at, policy_of

log = logging.getLogger(__name__)


def open_alerts(services) -> list[Alert]:
    """Alerts awaiting a supervisor, newest first."""
    return list_alerts(services.engine, status="open")


def alerts(services, *, status: str | None = None, limit: int = 100) -> list[Alert]:
    return list_alerts(services.engine, status=status, limit=limit)


def alert(services, alert_id: int) -> Alert | None:
    return alert_by_id(services.engine, alert_id)


def dashboard(services) -> Dashboard:
    return collect(services.engine, heartbeat_seconds=services.config.get("monitor.heartbeat_seconds", 15))


def health_report(services, period: str, *, until: datetime | None = None) -> HealthReport:
    return build_report(services.engine, period, until=until,
                        variance_threshold=services.config.get("policy.variance_threshold") or 0)


def supervisor(services, staff_id: str, pin: str) -> StaffMember:
    """The supervisor whose PIN this is (lockout and audit as a login), or a refusal."""
    member = authenticate_at(services.ledger, staff_id, pin,
                             terminal_id=services.config.terminal_id, purpose="approval")
    require(member.role, Action.ADJUST)
    return member


def _tell_cage(services, done: Correction) -> Correction:
    announcer = services.announcer
    if announcer is not None:
        try:
            announcer(CAGE_CHANNEL, RESOLVED_EVENT, {"alertId": done.alert.id, "playerId": done.alert.player_id,
                                                     "status": done.alert.status, "by": done.alert.resolved_by,
                                                     "message": done.sentence()})
        except Exception as exc:  # noqa: BLE001 - the decision is recorded; the broadcast is a courtesy
            log.warning("could not broadcast the resolution of alert %s: %s", done.alert.id, exc)
    return done


def _session_of(who) -> str | None:
    """The supervisor's database session (issued by `cage.staff_login` when they logged in)."""
    return getattr(who, "session_token", None)


def adopt_alert(services, alert_id: int, *, staff_id: str, pin: str, reason: str) -> Correction:
    """Adopt the outside change: an adjustment posting records it; balances stay as shown."""
    who = supervisor(services, staff_id, pin)
    return _tell_cage(services, corrections.adopt(
        services.engine, alert_id, session=_session_of(who), terminal_id=services.config.terminal_id,
        reason=reason, currency=services.config["currency.code"]))


def revert_alert(services, alert_id: int, *, staff_id: str, pin: str, reason: str) -> Correction:
    """Revert the outside change: the columns are restored from the ledger and broadcast."""
    who = supervisor(services, staff_id, pin)
    return _tell_cage(services, corrections.revert(
        services.engine, alert_id, session=_session_of(who), terminal_id=services.config.terminal_id, reason=reason))


def dismiss_alert(services, alert_id: int, *, staff_id: str, pin: str, reason: str) -> Correction:
    """Dismiss an alert that no longer holds (refused while it does)."""
    who = supervisor(services, staff_id, pin)
    return _tell_cage(services, corrections.dismiss(
        services.engine, alert_id, session=_session_of(who), terminal_id=services.config.terminal_id, reason=reason))
