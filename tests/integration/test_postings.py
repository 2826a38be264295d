"""Every posting kind and every refusal, on a real PostgreSQL ledger.

After each accepted posting the player's columns agree with the ledger and with the
report's rule `balance == total_deposits - total_withdrawals`; after each refusal nothing
was written.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text

from cashier_desktop.domain import errors as E
from cashier_desktop.domain.commands import PostingCommand
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger.posting import find_posting
from cashier_desktop.ledger.posting import post as owner_post
from cashier_desktop.ledger.queries import get_balance, get_posting, recent_postings, search_players
from tests.support.counter import counter_for
from tests.support.counter import post_at_terminal as post  # at a terminal login, in its shift, with sessions
from tests.support.factories import cmd, make_player

D = Decimal


def rows_of(engine, player: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM ledger_transactions WHERE player_id = :p"),
                            {"p": player}).scalar_one()


def assert_consistent(engine, player: str) -> None:
    """The player's cached columns equal the ledger sums and obey the report's rule."""
    with engine.connect() as conn:
        p = conn.execute(text("""SELECT balance, current_credit, credit_limit, total_deposits,
                                 total_withdrawals, version FROM players WHERE id = :p"""),
                         {"p": player}).one()
        s = conn.execute(text("""SELECT coalesce(sum(cash_delta), 0), coalesce(sum(credit_delta), 0),
                                 coalesce(sum(deposits_delta), 0), coalesce(sum(withdrawals_delta), 0),
                                 count(*) FROM ledger_transactions WHERE player_id = :p"""),
                         {"p": player}).one()
        findings = conn.execute(text("SELECT * FROM check_balance_integrity() WHERE player_id = :p"),
                                {"p": player}).fetchall()
        chain = conn.execute(text("SELECT * FROM verify_ledger_chain() WHERE player_id = :p"),
                             {"p": player}).fetchall()
    balance, credit, limit, deposits, withdrawals, _version = p
    assert balance == deposits - withdrawals, "the report's rule"
    assert (balance, credit, deposits, withdrawals) == (s[0], s[1], s[2], s[3])
    assert balance >= 0 and 0 <= credit <= limit
    assert findings == [] and chain == []


def refused(engine, player: str, command: PostingCommand, error: type[E.CashierError], match: str):
    """The command is refused with `error` and a sentence, and nothing at all is written."""
    before_rows = rows_of(engine, player)
    before = get_balance(engine, player, currency="INR") if player_exists(engine, player) else None
    with pytest.raises(error, match=match) as info:
        post(engine, command)
    assert str(info.value).endswith(".")
    assert rows_of(engine, player) == before_rows
    if before is not None:
        assert get_balance(engine, player, currency="INR") == before
    assert find_posting_of(engine, command.id) is None
    return info.value


def player_exists(engine, player: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(text("SELECT 1 FROM players WHERE id = :p"), {"p": player}).first() is not None


def find_posting_of(engine, posting_id):
    with engine.connect() as conn:
        return find_posting(conn, posting_id)


def approve(engine, player: str, limit: str, approver: str = "F200"):
    return post(engine, cmd("credit_line", player, limit, staff="F200", approver_id=approver))


# ---- accepted postings -------------------------------------------------------------

def test_a_balance_is_money_in_the_accounts_currency_which_the_ledger_knows_from_its_postings(engine):
    """The players table has no currency: an account's is its postings' (the cage's). The
    currency the reader names only fills in for an account with no posting yet."""
    fresh, posted = make_player(engine), make_player(engine)
    post(engine, cmd("deposit", posted, "250"))
    assert get_balance(engine, fresh, currency="USD").cash == Money(D("0.00"), "USD")
    b = get_balance(engine, posted, currency="USD")  # a reader that assumes the wrong currency
    assert (b.currency, b.cash, b.total) == ("INR", Money(D("250.00"), "INR"), Money(D("250.00"), "INR"))
    assert [x.currency for x in search_players(engine, posted, currency="USD")] == ["INR"]

def test_a_deposit_adds_cash_and_writes_one_hash_chained_row(engine):
    p = make_player(engine)
    r = post(engine, cmd("deposit", p, "10000"))
    assert (r.cash_before.amount, r.cash_after.amount, r.kind, r.replayed) == (D("0.00"), D("10000.00"), Kind.DEPOSIT, False)
    assert len(r.hash) == 64 and r.terminal_id == counter_for(engine).terminal and r.staff_id == "C100"
    b = get_balance(engine, p, currency="INR")
    assert b.portal_json() == {"playerId": p, "version": 1, "cashBalance": "10000.00",
                               "creditBalance": "0.00", "creditLimit": "0.00",
                               "creditApproved": False, "totalBalance": "10000.00"}
    assert (b.total_deposits.amount, b.total_withdrawals.amount) == (D("10000.00"), D("0.00"))
    assert rows_of(engine, p) == 1
    assert_consistent(engine, p)


def test_a_withdrawal_takes_cash_and_may_empty_the_account_exactly(engine):
    p = make_player(engine)
    post(engine, cmd("deposit", p, "500.50"))
    r = post(engine, cmd("withdrawal", p, "200.25"))
    assert (r.cash_before.amount, r.cash_after.amount) == (D("500.50"), D("300.25"))
    post(engine, cmd("withdrawal", p, "300.25"))
    b = get_balance(engine, p, currency="INR")
    assert (b.cash.amount, b.total_deposits.amount, b.total_withdrawals.amount) == (D("0.00"), D("500.50"), D("500.50"))
    assert_consistent(engine, p)


def test_a_credit_line_approval_sets_the_limit_and_approves_it(engine):
    p = make_player(engine)
    r = approve(engine, p, "50000")
    assert (r.limit_after.amount, r.approved_after, r.approver_id) == (D("50000.00"), True, "F200")
    b = get_balance(engine, p, currency="INR")
    assert (b.credit_limit.amount, b.credit_approved, b.cash.amount, b.credit.amount) == (D("50000.00"), True, D("0.00"), D("0.00"))
    assert b.available_credit.amount == D("50000.00")
    # a change of the line, then a withdrawal of it (limit 0 = not approved)
    approve(engine, p, "20000")
    post(engine, cmd("credit_line", p, "0", staff="F200", approver_id="F200"))
    b = get_balance(engine, p, currency="INR")
    assert (b.credit_limit.amount, b.credit_approved) == (D("0.00"), False)
    assert_consistent(engine, p)


def test_a_marker_within_the_limit_draws_credit_and_is_redeemed_in_cash(engine):
    p = make_player(engine)
    approve(engine, p, "1000")
    r = post(engine, cmd("marker_issue", p, "600"))
    assert (r.credit_before.amount, r.credit_after.amount, r.cash_after.amount) == (D("0.00"), D("600.00"), D("0.00"))
    post(engine, cmd("marker_issue", p, "400"))  # exactly up to the limit
    b = get_balance(engine, p, currency="INR")
    assert (b.credit.amount, b.available_credit.amount, b.portal_json()["totalBalance"]) == (D("1000.00"), D("0.00"), "1000.00")
    r = post(engine, cmd("marker_redeem", p, "250"))
    assert (r.credit_before.amount, r.credit_after.amount) == (D("1000.00"), D("750.00"))
    post(engine, cmd("marker_redeem", p, "750"))
    assert get_balance(engine, p, currency="INR").credit.amount == D("0.00")
    assert_consistent(engine, p)


def test_adjustments_in_and_out_move_cash_with_reason_and_approver(engine):
    p = make_player(engine)
    r = post(engine, cmd("adjust_in", p, "75", staff="S300", approver_id="S300", reason="count error"))
    assert (r.cash_after.amount, r.reason, r.approver_id) == (D("75.00"), "count error", "S300")
    post(engine, cmd("adjust_out", p, "25", staff="S300", approver_id="S300", reason="duplicate chip"))
    b = get_balance(engine, p, currency="INR")
    assert (b.cash.amount, b.total_deposits.amount, b.total_withdrawals.amount) == (D("50.00"), D("75.00"), D("25.00"))
    assert_consistent(engine, p)


@pytest.mark.parametrize("kind, setup", [
    ("deposit", []),
    ("withdrawal", [("deposit", "1000")]),
    ("marker_issue", [("credit_line", "1000")]),
    ("marker_redeem", [("credit_line", "1000"), ("marker_issue", "500")]),
    ("adjust_in", []),
    ("adjust_out", [("deposit", "1000")]),
])
def test_a_reversal_is_a_compensating_entry_that_restores_every_balance(engine, kind, setup):
    p = make_player(engine)
    for k, a in setup:
        post(engine, cmd(k, p, a, staff="F200", approver_id="F200") if k == "credit_line" else cmd(k, p, a))
    extra = {"staff": "S300", "approver_id": "S300", "reason": "test"} if kind.startswith("adjust") else {}
    before = get_balance(engine, p, currency="INR")
    original = post(engine, cmd(kind, p, "100", **extra))
    rv = post(engine, cmd("reversal", p, "100", staff="S300", approver_id="S300",
                          reverses_id=original.id, reason="keyed on the wrong player"))
    after = get_balance(engine, p, currency="INR")
    assert (after.cash.amount, after.credit.amount, after.total_deposits.amount, after.total_withdrawals.amount) == \
        (before.cash.amount, before.credit.amount, before.total_deposits.amount, before.total_withdrawals.amount)
    assert after.version == before.version + 2
    assert rv.kind is Kind.REVERSAL and rv.reverses_id == original.id and rv.approver_id == "S300"
    assert rv.reason == "keyed on the wrong player"
    # the original is still there, unchanged: a compensating entry, not an edit
    assert get_posting(engine, original.id).hash == original.hash
    assert [r.id for r in recent_postings(engine, p, 2)] == [rv.id, original.id]
    with engine.connect() as conn:
        drawer = conn.execute(text("SELECT sum(drawer_delta) FROM ledger_transactions WHERE id IN (:a, :b)"),
                              {"a": original.id, "b": rv.id}).scalar_one()
    assert drawer == 0
    assert_consistent(engine, p)


# ---- refusals ------------------------------------------------------------------------

def test_an_overdrawing_withdrawal_is_refused(engine):
    p = make_player(engine)
    post(engine, cmd("deposit", p, "100"))
    refused(engine, p, cmd("withdrawal", p, "100.01"), E.InsufficientFunds, "has 100.00 INR; cannot take 100.01")
    refused(engine, p, cmd("adjust_out", p, "101", staff="S300", approver_id="S300", reason="x"), E.InsufficientFunds,
            "cannot take")


def test_a_marker_over_the_limit_is_refused(engine):
    p = make_player(engine)
    approve(engine, p, "1000")
    post(engine, cmd("marker_issue", p, "900"))
    refused(engine, p, cmd("marker_issue", p, "100.01"), E.CreditLimitExceeded, "100.00 of credit available")


def test_a_marker_without_an_approved_line_is_refused(engine):
    p = make_player(engine)
    refused(engine, p, cmd("marker_issue", p, "1"), E.CreditNotApproved, "no approved credit line")
    approve(engine, p, "100")
    post(engine, cmd("credit_line", p, "0", staff="F200", approver_id="F200"))
    refused(engine, p, cmd("marker_issue", p, "1"), E.CreditNotApproved, "no approved credit line")


def test_a_marker_is_refused_when_approval_was_withdrawn_but_a_limit_remains(fresh_ledger):
    """Approval and limit move together through postings, but `credit_approved` is its own
    column (a supervisor's hand-made revoke, a restore): the guarded UPDATE checks it, not the
    limit alone."""
    _, engine = fresh_ledger
    p = make_player(engine)
    approve(engine, p, "1000")
    with engine.begin() as conn:
        conn.execute(text("UPDATE players SET credit_approved = false WHERE id = :p"), {"p": p})
    before = rows_of(engine, p)
    refused(engine, p, cmd("marker_issue", p, "1"), E.CreditNotApproved, "no approved credit line")
    assert rows_of(engine, p) == before
    assert get_balance(engine, p, currency="INR").credit.amount == D("0.00")


def test_a_credit_line_below_what_is_drawn_is_refused(engine):
    p = make_player(engine)
    approve(engine, p, "1000")
    post(engine, cmd("marker_issue", p, "600"))
    refused(engine, p, cmd("credit_line", p, "500", staff="F200", approver_id="F200"),
            E.CreditLimitExceeded, "below the 600.00 already drawn")


def test_a_marker_overpayment_is_refused(engine):
    p = make_player(engine)
    approve(engine, p, "1000")
    post(engine, cmd("marker_issue", p, "300"))
    refused(engine, p, cmd("marker_redeem", p, "300.01"), E.MarkerOverpaid, "owes 300.00 in markers")
    p2 = make_player(engine)
    refused(engine, p2, cmd("marker_redeem", p2, "1"), E.MarkerOverpaid, "owes 0.00")


def test_an_unknown_player_is_refused_for_every_kind(engine):
    ghost = f"ghost-{uuid.uuid4().hex[:8]}"
    for kind, extra in [("deposit", {}), ("withdrawal", {}), ("marker_issue", {}), ("marker_redeem", {}),
                        ("credit_line", {"staff": "F200", "approver_id": "F200"}),
                        ("adjust_in", {"staff": "S300", "approver_id": "S300", "reason": "x"})]:
        refused(engine, ghost, cmd(kind, ghost, "10", **extra), E.PlayerNotFound, f"no player “{ghost}”")
    with pytest.raises(E.PlayerNotFound):
        get_balance(engine, ghost, currency="INR")
    assert not player_exists(engine, ghost)


@pytest.mark.parametrize("evil", ["179'; DROP TABLE players; --", "1 OR 1=1", "x' OR 'x'='x",
                                  "179; UPDATE players SET balance = 1e9"])
def test_an_sql_injection_string_as_player_id_is_refused_and_harms_nothing(engine, evil):
    p = make_player(engine)
    post(engine, cmd("deposit", p, "10"))
    with pytest.raises(E.InvalidInput, match="not a player id"):
        cmd("deposit", evil, "10")
    with pytest.raises(E.InvalidInput, match="not a player id"):
        get_balance(engine, evil, currency="INR")
    # lookups take it as data, never as SQL
    assert search_players(engine, evil, currency="INR") == []
    assert search_players(engine, "%", currency="INR") == []  # a LIKE wildcard is escaped, not obeyed
    assert get_balance(engine, p, currency="INR").cash.amount == D("10.00")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM players WHERE balance >= 1e9")).scalar_one() == 0


def test_an_unknown_staff_member_or_approver_is_refused(engine):
    p = make_player(engine)
    # At a terminal login nobody posts without a session the database made for them ...
    refused(engine, p, cmd("deposit", p, "10", staff="NOBODY"), E.CashierError, "NOBODY.*must enter their PIN")
    refused(engine, p, cmd("credit_line", p, "10", staff="F200", approver_id="NOBODY"),
            E.CashierError, "NOBODY.*must enter their PIN")
    # ... and the schema owner's trusted path still checks that the staff member exists.
    for command in (cmd("deposit", p, "10", staff="NOBODY"), cmd("credit_line", p, "10", staff="F200",
                                                                   approver_id="NOBODY")):
        with pytest.raises(E.NotAuthorized, match="no staff member “NOBODY”"):
            owner_post(engine, command)
    assert rows_of(engine, p) == 0


def test_a_posting_into_a_shift_that_does_not_exist_is_refused(engine):
    p = make_player(engine)
    refused(engine, p, cmd("deposit", p, "10", shift_id=987654321), E.ShiftNotOpen, "is not the open shift")
    with pytest.raises(E.ShiftNotOpen, match="does not exist"):   # the owner's trusted path too
        owner_post(engine, cmd("deposit", p, "10", shift_id=987654321))
    assert rows_of(engine, p) == 0


def test_a_reversal_is_refused_for_an_unknown_posting_or_another_players_posting(engine):
    p, q = make_player(engine), make_player(engine)
    refused(engine, p, cmd("reversal", p, "10", staff="S300", approver_id="S300", reverses_id=uuid.uuid4(),
                           reason="x"), E.PostingNotFound, "no posting")
    original = post(engine, cmd("deposit", q, "10"))
    refused(engine, p, cmd("reversal", p, "10", staff="S300", approver_id="S300", reverses_id=original.id,
                           reason="x"), E.InvalidInput, f"belongs to player {q}")


def test_a_posting_is_reversed_only_once(engine):
    p = make_player(engine)
    original = post(engine, cmd("deposit", p, "100"))
    post(engine, cmd("reversal", p, "100", staff="S300", approver_id="S300", reverses_id=original.id, reason="x"))
    post(engine, cmd("deposit", p, "100"))
    refused(engine, p, cmd("reversal", p, "100", staff="S300", approver_id="S300", reverses_id=original.id,
                           reason="again"), E.AlreadyReversed, "already been reversed")
    assert_consistent(engine, p)


def test_a_credit_line_and_a_reversal_cannot_be_reversed(engine):
    p = make_player(engine)
    line = approve(engine, p, "1000")
    refused(engine, p, cmd("reversal", p, "1000", staff="S300", approver_id="S300", reverses_id=line.id,
                           reason="x"), E.NotReversible, "credit line cannot be reversed")
    dep = post(engine, cmd("deposit", p, "10"))
    rv = post(engine, cmd("reversal", p, "10", staff="S300", approver_id="S300", reverses_id=dep.id, reason="x"))
    refused(engine, p, cmd("reversal", p, "10", staff="S300", approver_id="S300", reverses_id=rv.id,
                           reason="x"), E.NotReversible, "reversal cannot itself be reversed")


def test_a_reversal_must_be_for_the_original_amount(engine):
    p = make_player(engine)
    dep = post(engine, cmd("deposit", p, "100"))
    refused(engine, p, cmd("reversal", p, "99.99", staff="S300", approver_id="S300", reverses_id=dep.id,
                           reason="x"), E.InvalidInput, "original amount, 100.00 INR")
    usd = PostingCommand(kind=Kind.REVERSAL, player_id=p, amount=Money(D("100"), "USD"), staff_id="S300",
                         approver_id="S300", reverses_id=dep.id, reason="x")
    # the database's stored policy (as `db create-roles` leaves it) refuses the currency first
    refused(engine, p, usd, E.CurrencyMismatch, "works in INR, not USD")


def test_a_reversal_that_would_overdraw_is_refused(engine):
    p = make_player(engine)
    dep = post(engine, cmd("deposit", p, "100"))
    post(engine, cmd("withdrawal", p, "60"))
    refused(engine, p, cmd("reversal", p, "100", staff="S300", approver_id="S300", reverses_id=dep.id,
                           reason="x"), E.InsufficientFunds, "cannot take 100.00")
    issue_player = make_player(engine)
    approve(engine, issue_player, "100")
    issue = post(engine, cmd("marker_issue", issue_player, "100"))
    post(engine, cmd("marker_redeem", issue_player, "100"))
    refused(engine, issue_player, cmd("reversal", issue_player, "100", staff="S300", approver_id="S300",
                                      reverses_id=issue.id, reason="x"), E.MarkerOverpaid, "owes 0.00")


def test_the_rule_holds_after_a_long_mixed_sequence(fresh_ledger):
    """Every kind in turn on one player; after each step the whole database is clean."""
    from cashier_desktop.ledger.integrity import run_integrity
    _, engine = fresh_ledger
    p = make_player(engine)
    steps = [cmd("deposit", p, "1000"), cmd("credit_line", p, "5000", staff="F200", approver_id="F200"),
             cmd("marker_issue", p, "2000"), cmd("withdrawal", p, "300"), cmd("marker_redeem", p, "500"),
             cmd("adjust_in", p, "10", staff="S300", approver_id="S300", reason="r"),
             cmd("adjust_out", p, "5", staff="S300", approver_id="S300", reason="r")]
    receipts = []
    for c in steps:
        receipts.append(post(engine, c))
        assert_consistent(engine, p)
        assert run_integrity(engine) == []
    for r in reversed(receipts):
        if r.kind is Kind.CREDIT_LINE:
            continue
        post(engine, cmd("reversal", p, str(r.amount.amount), staff="S300", approver_id="S300", reverses_id=r.id,
                         reason="unwind"))
        assert_consistent(engine, p)
        assert run_integrity(engine) == []
    b = get_balance(engine, p, currency="INR")
    assert (b.cash.amount, b.credit.amount, b.total_deposits.amount, b.total_withdrawals.amount) == (D("0.00"),) * 4
    assert b.version == 2 * len(steps) - 1


def test_a_second_reversal_says_already_reversed_even_when_the_balance_would_also_refuse(engine):
    p = make_player(engine)
    dep = post(engine, cmd("deposit", p, "100"))
    post(engine, cmd("reversal", p, "100", staff="S300", approver_id="S300", reverses_id=dep.id, reason="x"))
    refused(engine, p, cmd("reversal", p, "100", staff="S300", approver_id="S300", reverses_id=dep.id,
                           reason="again"), E.AlreadyReversed, "already been reversed")


def test_player_search_finds_by_id_prefix_card_prefix_and_name_prefix_in_any_case(engine):
    tag = uuid.uuid4().hex[:8]
    ids = [f"s{tag}-{i}" for i in range(3)]
    with engine.begin() as conn:
        for i, pid in enumerate(ids):
            conn.execute(text("INSERT INTO players (id, name, card_number) VALUES (:id, :n, :c)"),
                         {"id": pid, "n": f"Zed{tag} Number{i}", "c": f"K{tag}{i}"})
    assert [b.player_id for b in search_players(engine, f"s{tag}", currency="INR")] == ids
    assert [b.player_id for b in search_players(engine, f"s{tag}-1", currency="INR")] == [ids[1]]
    assert [b.player_id for b in search_players(engine, f"K{tag}2", currency="INR")] == [ids[2]]
    assert [b.player_id for b in search_players(engine, f"zED{tag}".upper(), currency="INR")] == ids
    assert [b.name for b in search_players(engine, f"zed{tag} number0", currency="INR")] == [f"Zed{tag} Number0"]
    assert len(search_players(engine, f"s{tag}", limit=2, currency="INR")) == 2
    assert search_players(engine, "", currency="INR") == [] and search_players(engine, f"s{tag}_", currency="INR") == []
