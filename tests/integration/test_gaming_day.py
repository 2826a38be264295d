"""Gaming days and large cash: aggregation across terminals, ID over the CTR threshold, the MTL.

US-style settings for these tests (gaming-day window): CTR above 10,000, MTL at 3,000.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain.errors import IdentificationRequired
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.domain.policy import gaming_day, gaming_day_bounds
from cashier_desktop.ledger.cash_reports import log_mtl
from cashier_desktop.ledger.posting import post
from cashier_desktop.terminal import reports
from cashier_desktop.terminal.auth import policy_of
from cashier_desktop.terminal.authorize import posting_requirements, prior_totals
from cashier_desktop.terminal.counter import submit
from tests.integration.staff_helpers import new_staff, new_terminal
from tests.support.factories import cmd, make_player
from tests.support.shifts import make_services, open_test_shift

POLICY = {"policy.ctr_threshold": "10000", "policy.mtl_threshold": "3000", "policy.aggregation": "gaming_day",
          "policy.dual_control_threshold": "1000000", "policy.timezone": "America/New_York",
          "policy.gaming_day_start_hour": "6"}
INDIAN = {**POLICY, "policy.aggregation": "month", "policy.ctr_threshold": "1000000", "policy.timezone": "Asia/Kolkata"}


@pytest.fixture
def engine(policy_ledger):
    """This module's database storing POLICY: the desks' terminal logins post under it."""
    return policy_ledger(POLICY)


def _desk(engine, **extra):
    terminal = new_terminal()
    services = make_services(engine, terminal, **{**POLICY, **extra})
    cashier = new_staff(engine, "cashier", terminal=terminal)
    open_test_shift(engine, terminal, cashier.id)
    return services, cashier, terminal


def _deposit(desk, pid, amount, **kw):
    services, cashier, terminal = desk
    return submit(services, cashier, cmd(Kind.DEPOSIT, pid, amount, staff=cashier.id, terminal_id=terminal, **kw))


def test_cash_in_is_aggregated_across_two_terminals_and_id_is_required_over_the_threshold(engine):
    a, b = _desk(engine), _desk(engine)
    pid = make_player(engine)
    _deposit(a, pid, "6000")
    _deposit(b, pid, "4000")                       # exactly 10,000: not over
    with pytest.raises(IdentificationRequired, match="over the reporting threshold"):
        _deposit(a, pid, "0.01")                   # one cent over, on the other terminal
    r = _deposit(a, pid, "0.01", id_type="passport", id_number="Z1234567")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT id_type, id_number FROM ledger_transactions WHERE id = :i"),
                            {"i": r.id}).one() == ("passport", "Z1234567")


def test_the_terminal_itself_requires_id_over_the_threshold(ledger):
    """At a terminal login the database refuses too (above); on the session's ledger, whose
    stored threshold is the default, higher one, only the terminal's own check can refuse."""
    engine = ledger[1]
    terminal = new_terminal()
    services = make_services(engine, terminal, login=None, **POLICY)
    cashier = new_staff(engine, "cashier", terminal=terminal)
    open_test_shift(engine, terminal, cashier.id)
    pid = make_player(engine)
    _deposit((services, cashier, terminal), pid, "10000")
    with pytest.raises(IdentificationRequired, match="over the reporting threshold"):
        _deposit((services, cashier, terminal), pid, "0.01")


def test_cash_out_is_aggregated_separately_from_cash_in(engine):
    desk = _desk(engine)
    pid = make_player(engine)
    _deposit(desk, pid, "10000")
    services, cashier, terminal = desk
    # 10,000 in and then 10,000 out: neither direction is over 10,000.
    submit(services, cashier, cmd(Kind.WITHDRAWAL, pid, "10000", staff=cashier.id, terminal_id=terminal))
    totals = prior_totals(services, pid, Kind.WITHDRAWAL)
    assert totals.day == Decimal("10000.00") and totals.period == Decimal("10000.00")


def test_the_gui_is_warned_before_the_posting_that_crosses_where_the_terminal_decides(engine):
    # The owner's trusted path (no bound login): the terminal itself reads the day's totals.
    desk = _desk(engine, login=None)
    services, cashier, _ = desk
    pid = make_player(engine)
    _deposit(desk, pid, "9000")
    req = posting_requirements(services, cashier, Kind.DEPOSIT, pid, Money(Decimal("1000.01"), "INR"))
    assert req.needs_identification and "identification" in req.warnings[-1]
    assert not posting_requirements(services, cashier, Kind.DEPOSIT, pid, Money(Decimal("1000"), "INR")).needs_identification


def test_at_a_terminal_login_the_database_asks_for_identification_and_nothing_posts(engine):
    # A bound terminal does not read the totals first (one round trip per posting): the
    # database refuses the crossing posting, the dialog then asks for the document.
    desk = _desk(engine)
    services, cashier, terminal = desk
    pid = make_player(engine)
    _deposit(desk, pid, "9000")
    with pytest.raises(IdentificationRequired):
        _deposit(desk, pid, "1000.01")
    assert prior_totals(services, pid, Kind.DEPOSIT).day == Decimal("9000.00")
    done = _deposit(desk, pid, "1000.01", id_type="passport", id_number="Z-1")
    assert done.cash_after.amount == Decimal("10000.01")


def test_totals_stop_at_the_gaming_day_boundary(engine):
    services, cashier, terminal = _desk(engine)
    pid = make_player(engine)
    r = _deposit((services, cashier, terminal), pid, "2500")
    policy = policy_of(services)
    today = gaming_day(r.created_at, policy.gaming_day_start_hour, policy.timezone)
    start, end = gaming_day_bounds(today, policy.gaming_day_start_hour, policy.timezone)
    assert prior_totals(services, pid, Kind.DEPOSIT, at=end - timedelta(microseconds=1)).day == Decimal("2500.00")
    assert prior_totals(services, pid, Kind.DEPOSIT, at=end).day == Decimal("0.00")
    assert prior_totals(services, pid, Kind.DEPOSIT, at=start - timedelta(microseconds=1)).day == Decimal("0.00")


def _row_at(engine, pid: str, amount: str, at: datetime) -> uuid.UUID:
    """A deposit stamped at a fixed moment (the clock is the test's, not the database's)."""
    posting = uuid.uuid4()
    with engine.begin() as conn:
        conn.execute(text("""
            INSERT INTO ledger_transactions (id, request_hash, kind, player_id, amount, currency, cash_delta,
                credit_delta, drawer_delta, deposits_delta, withdrawals_delta, cash_after, credit_after,
                limit_after, approved_after, staff_id, created_at, hash)
            VALUES (:id, 'test', 'deposit', :p, :a, 'INR', 0, 0, 0, 0, 0, 0, 0, 0, false, 'C100', :ts, 'test')"""),
            {"id": posting, "p": pid, "a": Decimal(amount), "ts": at})
    return posting


NY = ZoneInfo("America/New_York")


# 06:30 and 05:59 local on a fixed date: with the day starting at 06:00 the first is that
# day's, the second still yesterday's; starting at 07:00 both are yesterday's.
@pytest.mark.parametrize("local, start_hour, want", [
    (datetime(2026, 3, 10, 6, 30), 6, date(2026, 3, 10)),
    (datetime(2026, 3, 10, 6, 30), 7, date(2026, 3, 9)),
    (datetime(2026, 3, 10, 5, 59, 59), 6, date(2026, 3, 9)),
    (datetime(2026, 3, 10, 6, 0), 6, date(2026, 3, 10)),
    (datetime(2026, 3, 10, 23, 30), 23, date(2026, 3, 10)),
    (datetime(2026, 3, 11, 0, 30), 23, date(2026, 3, 10)),
])
def test_the_start_hour_decides_which_gaming_day_a_posting_belongs_to(engine, local, start_hour, want):
    pid = make_player(engine)
    at = local.replace(tzinfo=NY).astimezone(timezone.utc)
    posting = _row_at(engine, pid, "3000", at)
    assert gaming_day(at, start_hour, "America/New_York") == want
    start, end = gaming_day_bounds(want, start_hour, "America/New_York")
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        assert log_mtl(conn, start=start, end=end, tz="America/New_York", start_hour=start_hour,
                       threshold=Decimal("3000"), player_id=pid, posting_id=posting) == 1
        logged = conn.execute(text("SELECT gaming_day FROM mtl_entries WHERE posting_id = :i"),
                              {"i": posting}).scalar_one()
    assert logged == want


def test_reaching_the_log_threshold_writes_an_mtl_entry_and_every_later_posting_too(engine):
    desk = _desk(engine)
    pid = make_player(engine)
    first = _deposit(desk, pid, "2999.99")
    crossing = _deposit(desk, pid, "0.01")          # day total exactly 3,000: logged
    later = _deposit(desk, pid, "10")
    with engine.connect() as conn:
        rows = conn.execute(text("""SELECT posting_id, day_total, direction FROM mtl_entries
                                    WHERE player_id = :p ORDER BY id"""), {"p": pid}).fetchall()
    assert [(r[0], r[1], r[2]) for r in rows] == [(crossing.id, Decimal("3000.00"), "in"),
                                                  (later.id, Decimal("3010.00"), "in")]
    assert first.id not in {r[0] for r in rows}


def test_the_mtl_report_fills_in_postings_that_reached_the_ledger_another_way(engine):
    # As the schema owner, whose tools fill in what reached the ledger outside the posting API.
    services = make_services(engine, new_terminal(), login=None, **POLICY)
    pid = make_player(engine)
    r = post(engine, cmd(Kind.DEPOSIT, pid, "5000", terminal_id="REPLAYED"))   # e.g. a journal replay
    policy = policy_of(services)
    day = gaming_day(r.created_at, policy.gaming_day_start_hour, policy.timezone)
    rows = [x for x in reports.mtl_report(services, day) if x.player_id == pid]
    assert [(x.posting_id, x.amount, x.day_total) for x in rows] == [(str(r.id), Decimal("5000.00"), Decimal("5000.00"))]
    csv_text = reports.to_csv(rows, reports.MTL_COLUMNS)
    assert csv_text.splitlines()[0].startswith("gaming_day,posted_at,player_id")
    assert str(r.id) in csv_text
    assert [x for x in reports.mtl_report(services, day - timedelta(days=1)) if x.player_id == pid] == []


def test_the_mtl_report_runs_at_a_terminal_login(engine):
    services, cashier, terminal = desk = _desk(engine)
    pid = make_player(engine)
    r = _deposit(desk, pid, "5000")                 # logged by the posting itself
    policy = policy_of(services)
    day = gaming_day(r.created_at, policy.gaming_day_start_hour, policy.timezone)
    rows = [x for x in reports.mtl_report(services, day) if x.player_id == pid]
    assert [x.posting_id for x in rows] == [str(r.id)]


def test_the_ctr_report_lists_each_player_and_direction_over_the_threshold(engine):
    desk = _desk(engine)
    services, cashier, terminal = desk
    over, under = make_player(engine), make_player(engine)
    first = _deposit(desk, over, "10000")
    _deposit(desk, over, "1", id_type="passport", id_number="P-1")
    _deposit(desk, under, "10000")
    day = gaming_day(first.created_at, 6, "America/New_York")
    rows = {(r.player_id, r.direction): r for r in reports.ctr_report(services, day)}
    assert (under, "in") not in rows
    row = rows[(over, "in")]
    assert (row.total, row.postings, row.id_type, row.id_number, row.period) == (
        Decimal("10001.00"), 2, "passport", "P-1", day.isoformat())


def test_the_indian_profile_aggregates_over_the_calendar_month(policy_ledger):
    engine = policy_ledger(INDIAN)
    services, cashier, terminal = _desk(engine, **INDIAN)
    pid = make_player(engine)
    _deposit((services, cashier, terminal), pid, "600000")
    policy = policy_of(services)
    # On a fixed clock: 6 lakh on 10 March are still in March's total the next gaming day
    # and at the month's last moment, and gone on 1 April after the gaming day starts.
    kol = ZoneInfo("Asia/Kolkata")
    fixed = make_player(engine)
    _row_at(engine, fixed, "600000", datetime(2026, 3, 10, 12, 0, tzinfo=kol))
    for local, day_total, period_total in [(datetime(2026, 3, 10, 13, 0), "600000", "600000"),
                                           (datetime(2026, 3, 11, 12, 0), "0", "600000"),
                                           (datetime(2026, 4, 1, 5, 59), "0", "600000"),
                                           (datetime(2026, 4, 1, 6, 0), "0", "0")]:
        totals = prior_totals(services, fixed, Kind.DEPOSIT, at=local.replace(tzinfo=kol))
        assert (totals.day, totals.period) == (Decimal(day_total), Decimal(period_total)), local
    with pytest.raises(IdentificationRequired, match="this month"):
        _deposit((services, cashier, terminal), pid, "400000.01")
    assert policy.aggregation == "month"


@pytest.mark.parametrize("tz, month", [("America/New_York", False), ("America/New_York", True),
                                       ("Asia/Kolkata", True), ("Asia/Kolkata", False)])
def test_the_databases_windows_agree_with_the_domains_around_boundaries_and_dst(engine, tz, month):
    """Rows stamped either side of gaming-day, month and DST boundaries: the one-round-trip SQL
    totals must equal sums over the windows `domain.policy` computes."""
    from cashier_desktop.domain.policy import Policy, period_of
    from cashier_desktop.ledger.cash_reports import prior_cash
    start_hour = 6
    zone = __import__("zoneinfo").ZoneInfo(tz)
    pid = make_player(engine)
    local = [datetime(2026, 3, 7, 5, 59, 59), datetime(2026, 3, 7, 6, 0), datetime(2026, 3, 8, 1, 30),
             datetime(2026, 3, 8, 5, 59), datetime(2026, 3, 8, 6, 0), datetime(2026, 3, 31, 23, 0),
             datetime(2026, 4, 1, 5, 59), datetime(2026, 4, 1, 6, 0), datetime(2026, 2, 28, 12, 0)]
    stamps = [d.replace(tzinfo=zone).astimezone(timezone.utc) for d in local]
    with engine.begin() as conn:
        for i, ts in enumerate(stamps):
            conn.execute(text("""
                INSERT INTO ledger_transactions (id, request_hash, kind, player_id, amount, currency, cash_delta,
                    credit_delta, drawer_delta, deposits_delta, withdrawals_delta, cash_after, credit_after,
                    limit_after, approved_after, staff_id, created_at, hash)
                VALUES (:id, 'test', 'deposit', :p, :a, 'INR', 0, 0, 0, 0, 0, 0, 0, 0, false, 'C100', :ts, 'test')"""),
                {"id": uuid.uuid4(), "p": pid, "a": Decimal(10 ** i), "ts": ts})
    policy = Policy(currency="INR", dual_control_threshold=Decimal(1), confirm_threshold=Decimal(1),
                    ctr_threshold=Decimal(1), mtl_threshold=Decimal(1), variance_threshold=Decimal(1),
                    floor_manager_approval_limit=Decimal(1), aggregation="month" if month else "gaming_day",
                    gaming_day_start_hour=start_hour, timezone=tz)
    with engine.connect() as conn:
        for at in stamps:
            day_start, day_end = gaming_day_bounds(gaming_day(at, start_hour, tz), start_hour, tz)
            period = period_of(at, policy)
            want_day = sum((Decimal(10 ** i) for i, ts in enumerate(stamps) if day_start <= ts < day_end), Decimal(0))
            want_period = sum((Decimal(10 ** i) for i, ts in enumerate(stamps) if period.start <= ts < period.end),
                              Decimal(0))
            got = prior_cash(conn, pid, "in", tz=tz, start_hour=start_hour, month=month, at=at)
            assert got == (want_day, want_period), at
