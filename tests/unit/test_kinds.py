"""Every kind's fixed effect keeps balance == total_deposits - total_withdrawals."""

from decimal import Decimal

import pytest

from cashier_desktop.domain.kinds import REVERSIBLE, Effects, Kind, effects_of, reversal_effects

A = Decimal("125.50")


@pytest.mark.parametrize("kind, cash, credit, drawer", [
    (Kind.DEPOSIT, A, 0, A),
    (Kind.WITHDRAWAL, -A, 0, -A),
    (Kind.MARKER_ISSUE, 0, A, 0),
    (Kind.MARKER_REDEEM, 0, -A, A),
    (Kind.ADJUST_IN, A, 0, 0),
    (Kind.ADJUST_OUT, -A, 0, 0),
    (Kind.CREDIT_LINE, 0, 0, 0),
])
def test_each_kind_has_the_effect_in_the_architecture_table(kind, cash, credit, drawer):
    fx = effects_of(kind, A)
    assert (fx.cash, fx.credit, fx.drawer) == (Decimal(cash), Decimal(credit), Decimal(drawer))


@pytest.mark.parametrize("kind", [k for k in Kind if k is not Kind.REVERSAL])
def test_the_reports_rule_holds_after_every_kind(kind):
    fx = effects_of(kind, A)
    assert fx.cash == fx.deposits - fx.withdrawals


@pytest.mark.parametrize("kind", sorted(REVERSIBLE, key=lambda k: k.value))
def test_a_reversal_is_the_exact_opposite_totals_included(kind):
    fx, rv = effects_of(kind, A), reversal_effects(kind, A)
    total = Effects(fx.cash + rv.cash, fx.credit + rv.credit, fx.drawer + rv.drawer,
                    fx.deposits + rv.deposits, fx.withdrawals + rv.withdrawals)
    assert total == Effects()
    assert rv.cash == rv.deposits - rv.withdrawals


def test_a_reversal_has_no_effect_of_its_own_and_credit_lines_are_not_reversible():
    with pytest.raises(ValueError):
        effects_of(Kind.REVERSAL, A)
    assert Kind.CREDIT_LINE not in REVERSIBLE and Kind.REVERSAL not in REVERSIBLE


def test_cash_in_and_out_flags_follow_the_counter():
    assert {k for k in Kind if k.moves_cash_in} == {Kind.DEPOSIT, Kind.MARKER_REDEEM}
    assert {k for k in Kind if k.moves_cash_out} == {Kind.WITHDRAWAL}
    assert all(k.label for k in Kind)
