"""Thresholds, gaming days and what a posting needs before it is submitted."""

from datetime import date, datetime, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from cashier_desktop.config import load_config
from cashier_desktop.domain.errors import ConfigError
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.domain.policy import (Policy, PriorTotals, gaming_day, gaming_day_bounds, period_of,
                                           period_of_day, requirements)

IST = "Asia/Kolkata"


def inr(**kw) -> Policy:
    values = dict(currency="INR", dual_control_threshold=Decimal("500000"), confirm_threshold=Decimal("100000"),
                  ctr_threshold=Decimal("1000000"), mtl_threshold=Decimal("500000"),
                  variance_threshold=Decimal("4000"), floor_manager_approval_limit=Decimal("1000000"),
                  aggregation="month", gaming_day_start_hour=6, timezone=IST)
    values.update(kw)
    return Policy(**values)


def test_the_policy_comes_from_the_configuration_with_per_currency_defaults():
    cfg = load_config(env={"CASHIER_CONFIG": ""}, overrides={"currency.code": "USD"})
    p = Policy.from_values(cfg.values)
    assert (p.dual_control_threshold, p.ctr_threshold, p.mtl_threshold, p.variance_threshold) == (
        Decimal("10000"), Decimal("10000"), Decimal("3000"), Decimal("50"))
    assert p.aggregation == "gaming_day"
    assert Policy.from_values(load_config(env={"CASHIER_CONFIG": ""}).values).aggregation == "month"


def test_a_bad_time_zone_is_a_configuration_error():
    with pytest.raises(ConfigError, match="time zone"):
        inr(timezone="Mars/Olympus")


def test_the_gaming_day_turns_at_the_start_hour_local_time():
    zone = ZoneInfo(IST)
    before = datetime(2026, 3, 10, 5, 59, 59, 999999, tzinfo=zone)
    at = datetime(2026, 3, 10, 6, 0, 0, tzinfo=zone)
    assert gaming_day(before, 6, IST) == date(2026, 3, 9)
    assert gaming_day(at, 6, IST) == date(2026, 3, 10)
    # The same instants seen in UTC land on the same gaming days.
    assert gaming_day(before.astimezone(timezone.utc), 6, IST) == date(2026, 3, 9)
    assert gaming_day(at.astimezone(timezone.utc), 6, IST) == date(2026, 3, 10)


def test_gaming_day_bounds_are_24_hours_except_across_a_dst_change():
    start, end = gaming_day_bounds(date(2026, 3, 10), 6, IST)
    assert start == datetime(2026, 3, 10, 0, 30, tzinfo=timezone.utc)
    assert (end - start).total_seconds() == 24 * 3600
    start, end = gaming_day_bounds(date(2026, 3, 7), 6, "America/New_York")  # spans spring forward
    assert (end - start).total_seconds() == 23 * 3600


def test_the_month_window_runs_from_the_first_gaming_day_to_the_next_months():
    p = inr()
    period = period_of_day(date(2026, 2, 14), p)
    assert period.label == "2026-02" and period.kind == "month"
    assert period.start == datetime(2026, 2, 1, 0, 30, tzinfo=timezone.utc)
    assert period.end == datetime(2026, 3, 1, 0, 30, tzinfo=timezone.utc)
    # 1 March 05:00 IST is still the last gaming day of February.
    assert period_of(datetime(2026, 3, 1, 5, 0, tzinfo=ZoneInfo(IST)), p).label == "2026-02"


def test_the_gaming_day_window_is_one_day():
    p = inr(aggregation="gaming_day")
    assert period_of_day(date(2026, 2, 14), p).label == "2026-02-14"


@pytest.mark.parametrize("amount, needed", [("499999.99", False), ("500000.00", True), ("500000.01", True)])
@pytest.mark.parametrize("kind", [Kind.WITHDRAWAL, Kind.MARKER_ISSUE])
def test_dual_control_starts_exactly_at_the_threshold(kind, amount, needed):
    req = requirements(inr(), kind, Money(Decimal(amount), "INR"))
    assert req.needs_approver is needed
    assert any("second person" in w or "must approve" in w for w in req.warnings) is needed


def test_deposits_never_need_dual_control():
    assert not requirements(inr(), Kind.DEPOSIT, Money(Decimal("900000"), "INR")).needs_approver


def test_corrections_and_credit_lines_always_name_an_approver():
    for kind in (Kind.REVERSAL, Kind.ADJUST_IN, Kind.ADJUST_OUT, Kind.CREDIT_LINE):
        assert requirements(inr(), kind, Money(Decimal("1"), "INR")).needs_approver


@pytest.mark.parametrize("prior, amount, needed", [
    ("900000", "99999.99", False),   # 9,99,999.99
    ("900000", "100000.00", False),  # exactly 10,00,000: not above
    ("900000", "100000.01", True),   # one paisa over
    ("1000000", "0.01", True),
])
def test_identification_is_needed_when_the_period_total_would_go_over_the_ctr_threshold(prior, amount, needed):
    req = requirements(inr(), Kind.DEPOSIT, Money(Decimal(amount), "INR"), PriorTotals(period=Decimal(prior)))
    assert req.needs_identification is needed
    if needed:
        assert "identification" in req.warnings[-1] and "this month" in req.warnings[-1]


def test_the_mtl_logs_at_or_over_its_threshold_on_the_days_total():
    p = inr()
    assert not requirements(p, Kind.WITHDRAWAL, Money(Decimal("0.01"), "INR"),
                            PriorTotals(period=Decimal("0"), day=Decimal("499999.98"))).logs_mtl
    assert requirements(p, Kind.WITHDRAWAL, Money(Decimal("0.01"), "INR"),
                        PriorTotals(day=Decimal("499999.99"))).logs_mtl


def test_non_cash_kinds_never_need_identification():
    req = requirements(inr(), Kind.MARKER_ISSUE, Money(Decimal("5000000"), "INR"), PriorTotals(period=Decimal("9e6")))
    assert not req.needs_identification and not req.logs_mtl


def test_confirmation_and_shift_needs():
    p = inr()
    assert requirements(p, Kind.DEPOSIT, Money(Decimal("100000"), "INR")).needs_confirmation
    assert not requirements(p, Kind.DEPOSIT, Money(Decimal("99999.99"), "INR")).needs_confirmation
    assert requirements(p, Kind.DEPOSIT, Money(Decimal("1"), "INR")).needs_shift
    assert not requirements(p, Kind.CREDIT_LINE, Money(Decimal("1"), "INR")).needs_shift


def test_variance_needs_signoff_at_or_over_the_threshold_either_way():
    p = inr()
    assert p.needs_signoff(Decimal("4000")) and p.needs_signoff(Decimal("-4000"))
    assert not p.needs_signoff(Decimal("3999.99"))


def test_the_cages_today_is_its_own_zones_date_not_the_machines():
    late_utc = datetime(2026, 12, 4, 19, 0, tzinfo=timezone.utc)  # 00:30 on the 5th in Kolkata
    assert inr(timezone="Asia/Kolkata").today(late_utc) == date(2026, 12, 5)
    assert inr(timezone="America/New_York").today(late_utc) == date(2026, 12, 4)
