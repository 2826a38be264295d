"""Cage policy: thresholds, gaming days, and what a posting needs before it is submitted.

Every figure is configuration (REGULATORY.md gives the defaults per currency). The rules:
- dual control: a withdrawal or marker issue AT OR ABOVE the threshold needs a second
  person's PIN, of a role that may authorise, who is not the issuer;
- confirmation: amounts at or above the confirmation threshold are confirmed in the GUI;
- CTR: a cash posting that would take the player's total for the period (cash in and cash
  out counted separately) ABOVE the reporting threshold needs identification;
- MTL: a cash posting that takes the player's gaming-day total AT OR ABOVE the log
  threshold is written to the multiple transaction log;
- shift variance at or above the variance threshold needs a supervisor's sign-off.
The aggregation window is the gaming day (US) or the calendar month of the gaming day
(India); a gaming day starts at a configured local hour in the cage's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Any, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import ConfigError
from .formatting import format_money
from .kinds import Kind
from .money import Money

ZERO = Decimal("0.00")
# Dual control applies to what leaves the cage on the issuer's word alone.
DUAL_CONTROL_KINDS = frozenset({Kind.WITHDRAWAL, Kind.MARKER_ISSUE})
# Postings that need an open shift on the terminal: everything at the counter. Credit-line
# approvals and balance adjustments are desk decisions and move no drawer cash.
SHIFT_FREE_KINDS = frozenset({Kind.CREDIT_LINE, Kind.ADJUST_IN, Kind.ADJUST_OUT})


@dataclass(frozen=True, slots=True)
class Policy:
    currency: str
    dual_control_threshold: Decimal
    confirm_threshold: Decimal
    ctr_threshold: Decimal
    mtl_threshold: Decimal
    variance_threshold: Decimal
    floor_manager_approval_limit: Decimal
    aggregation: str = "gaming_day"  # or "month"
    gaming_day_start_hour: int = 6
    timezone: str = "Asia/Kolkata"
    lockout_attempts: int = 5
    lockout_minutes: int = 5

    def __post_init__(self) -> None:
        if self.aggregation not in ("gaming_day", "month"):
            raise ConfigError("“policy.aggregation” must be 'gaming_day' or 'month'.")
        if not 0 <= self.gaming_day_start_hour <= 23:
            raise ConfigError("“policy.gaming_day_start_hour” must be 0–23.")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(f"“policy.timezone” {self.timezone!r} is not a known time zone.") from None

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> "Policy":
        """From the configuration's flat key → value mapping (`Config.values`)."""
        def dec(name: str) -> Decimal:
            return Decimal(str(values[name]))
        return cls(
            currency=str(values["currency.code"]),
            dual_control_threshold=dec("policy.dual_control_threshold"),
            confirm_threshold=dec("policy.confirm_threshold"),
            ctr_threshold=dec("policy.ctr_threshold"),
            mtl_threshold=dec("policy.mtl_threshold"),
            variance_threshold=dec("policy.variance_threshold"),
            floor_manager_approval_limit=dec("policy.floor_manager_approval_limit"),
            aggregation=str(values.get("policy.aggregation") or "gaming_day"),
            gaming_day_start_hour=int(values.get("policy.gaming_day_start_hour", 6)),
            timezone=str(values.get("policy.timezone") or "Asia/Kolkata"),
            lockout_attempts=int(values.get("policy.lockout_attempts", 5)),
            lockout_minutes=int(values.get("policy.lockout_minutes", 5)),
        )

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def today(self, now: datetime | None = None) -> date:
        """The cage's date (its time zone), as the database dates markers and documents: the
        machine's own date is a day off for hours around midnight when the two zones differ."""
        return (now or datetime.now(timezone.utc)).astimezone(self.zone).date()

    def needs_signoff(self, variance: Decimal) -> bool:
        return abs(variance) >= self.variance_threshold


def gaming_day(ts: datetime, start_hour: int, tz: str) -> date:
    """The gaming day a moment belongs to.

    Args:
        ts: an aware timestamp (naive ones are taken as UTC).
        start_hour: the local hour (0-23) at which a gaming day starts.
        tz: the cage's IANA time zone.
    Returns:
        The local date of the gaming day: before `start_hour`, it is still yesterday's.
    """
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=timezone.utc)
    local = ts.astimezone(ZoneInfo(tz))
    return (local - timedelta(hours=start_hour)).date()


def gaming_day_bounds(day: date, start_hour: int, tz: str) -> tuple[datetime, datetime]:
    """[start, end) of a gaming day as aware UTC timestamps."""
    zone = ZoneInfo(tz)
    start = datetime.combine(day, time(start_hour), zone)
    end = datetime.combine(day + timedelta(days=1), time(start_hour), zone)
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc)


@dataclass(frozen=True, slots=True)
class Period:
    """One aggregation window: a gaming day, or the calendar month of gaming days."""

    kind: str  # "gaming_day" | "month"
    first_day: date
    start: datetime
    end: datetime

    @property
    def label(self) -> str:
        return self.first_day.isoformat() if self.kind == "gaming_day" else self.first_day.strftime("%Y-%m")


def period_of_day(day: date, policy: Policy) -> Period:
    """The aggregation period that contains gaming day `day`."""
    if policy.aggregation == "gaming_day":
        start, end = gaming_day_bounds(day, policy.gaming_day_start_hour, policy.timezone)
        return Period("gaming_day", day, start, end)
    first = day.replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    start, _ = gaming_day_bounds(first, policy.gaming_day_start_hour, policy.timezone)
    end, _ = gaming_day_bounds(nxt, policy.gaming_day_start_hour, policy.timezone)
    return Period("month", first, start, end)


def period_of(ts: datetime, policy: Policy) -> Period:
    return period_of_day(gaming_day(ts, policy.gaming_day_start_hour, policy.timezone), policy)


def direction_of(kind: Kind) -> str | None:
    """'in' for cash handed over by the player, 'out' for cash paid out, else None."""
    kind = Kind(kind)
    if kind.moves_cash_in:
        return "in"
    if kind.moves_cash_out:
        return "out"
    return None


@dataclass(frozen=True, slots=True)
class PriorTotals:
    """A player's cash already moved in the posting's direction: this period and this gaming day."""

    period: Decimal = ZERO
    day: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class Requirements:
    """What a posting needs before it is submitted, so the GUI can ask for it up front."""

    needs_approver: bool = False
    needs_identification: bool = False
    needs_confirmation: bool = False
    needs_shift: bool = True
    logs_mtl: bool = False
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> dict:
        return {"needs_approver": self.needs_approver, "needs_identification": self.needs_identification,
                "needs_confirmation": self.needs_confirmation, "needs_shift": self.needs_shift,
                "logs_mtl": self.logs_mtl, "warnings": list(self.warnings)}


def needs_dual_control(policy: Policy, kind: Kind, amount: Decimal) -> bool:
    return Kind(kind) in DUAL_CONTROL_KINDS and amount >= policy.dual_control_threshold


def requirements(policy: Policy, kind: Kind, amount: Money | Decimal,
                 prior: PriorTotals | None = None) -> Requirements:
    """What a posting of `kind` for `amount` needs, given the player's totals so far.

    Args:
        policy: the cage's thresholds.
        kind: the posting kind.
        amount: the posting's amount.
        prior: the player's cash already moved in the same direction this aggregation
            period and this gaming day (ignored for kinds that move no counter cash).
    Returns:
        The requirements; `warnings` are sentences to show before submitting.
    """
    kind = Kind(kind)
    value = amount.amount if isinstance(amount, Money) else Decimal(amount)
    prior = prior or PriorTotals()
    warnings: list[str] = []
    fmt = lambda d: format_money(Money(d, policy.currency))  # noqa: E731
    needs_approver = needs_dual_control(policy, kind, value) or kind in (
        Kind.REVERSAL, Kind.ADJUST_IN, Kind.ADJUST_OUT, Kind.CREDIT_LINE)
    if needs_dual_control(policy, kind, value):
        warnings.append(f"{kind.label} of {fmt(value)} is at or above {fmt(policy.dual_control_threshold)}: "
                        "a floor manager or supervisor must approve with their PIN.")
    direction = direction_of(kind)
    needs_id = logs_mtl = False
    if direction is not None:
        period_total = prior.period + value
        if period_total > policy.ctr_threshold:
            needs_id = True
            window = "gaming day" if policy.aggregation == "gaming_day" else "month"
            word = "in" if direction == "in" else "out"
            warnings.append(f"This takes the player's cash {word} this {window} to {fmt(period_total)}, "
                            f"over the reporting threshold of {fmt(policy.ctr_threshold)}: "
                            "record the player's identification (type and number); a CTR will be due.")
        logs_mtl = prior.day + value >= policy.mtl_threshold
    return Requirements(
        needs_approver=needs_approver, needs_identification=needs_id,
        needs_confirmation=value >= policy.confirm_threshold and kind is not Kind.CREDIT_LINE,
        needs_shift=kind not in SHIFT_FREE_KINDS, logs_mtl=logs_mtl, warnings=tuple(warnings))
