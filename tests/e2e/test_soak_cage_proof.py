"""The soak's proof of the cage window's operations (soak_proof.cage_account and
accountability_check), fed hand-made results: a clean run passes, and a lost operation, a
doubled one, a refusal that was posted anyway, or an accountability that does not add up
each fail the line that must catch them."""

from __future__ import annotations

from decimal import Decimal

from tests.e2e.soak_proof import Report, accountability_check, cage_account, collect_cage_ops, window_tally

FLOAT = Decimal("50000")
FOREIGN_LINE = "cage: each handover's foreign cash counted = expected = the window's own tally"


def _results() -> list[dict]:
    """A window's results file: shift 1 opened, an exchange, a fill, a refused credit, a
    handover to shift 2 (settled by its id after a restart), then a fill in doubt at the end."""
    return [
        {"e": "start"}, {"e": "shift", "shift": 1, "staff": "C410"},
        {"e": "intent", "i": 0, "id": "x-0", "kind": "fx_buy", "currency": "USD", "amount": "100", "rate": 1},
        {"e": "outcome", "i": 0, "id": "x-0", "kind": "fx_buy", "status": "done", "shift": 1, "drawer": "-8300.00"},
        {"e": "intent", "i": 1, "id": "t-1", "kind": "fill", "currency": "INR", "amount": "5000", "shift": 1},
        {"e": "outcome", "i": 1, "id": "t-1", "kind": "fill", "status": "done", "shift": 1, "drawer": "5000",
         "again_replayed": True},
        {"e": "intent", "i": 2, "id": "t-2", "kind": "credit", "currency": "INR", "amount": "90000", "shift": 1},
        {"e": "outcome", "i": 2, "id": "t-2", "kind": "credit", "status": "refused", "code": "insufficient_funds"},
        {"e": "intent", "i": 3, "id": "h-3", "kind": "handover", "currency": "INR", "amount": "46700.00",
         "from_shift": 1, "outgoing": "C410", "incoming": "C420", "count": "2000=23,500=1,200=1",
         "foreign": {"USD": "100"}},
        {"e": "shift", "shift": 2, "staff": "C420"},
        {"e": "outcome", "i": 3, "id": "h-3", "kind": "handover", "status": "done", "settled_by": "id",
         "to_shift": 2},
        {"e": "intent", "i": 4, "id": "t-4", "kind": "fill", "currency": "INR", "amount": "2500", "shift": 2},
        {"e": "outcome", "i": 4, "id": "t-4", "kind": "fill", "status": "done", "shift": 2, "drawer": "2500",
         "resend": True},
        {"e": "intent", "i": 5, "id": "t-5", "kind": "fill", "currency": "INR", "amount": "1000", "shift": 2},
        {"e": "outcome", "i": 5, "id": "t-5", "kind": "fill", "status": "in_doubt", "code": "LedgerUnavailable"},
    ]


def _ledger() -> dict[str, dict]:
    """The ledger as it should be for `_results()` (the in-doubt fill did not arrive)."""
    return {
        "x-0": {"kind": "fx_buy", "amount": Decimal("100.00"), "currency": "USD"},
        "t-1": {"kind": "fill", "amount": Decimal("5000.00"), "currency": "INR"},
        "h-3": {"kind": "handover", "amount": Decimal("46700.00"), "currency": "INR", "incoming": "C420",
                       "expected": Decimal("46700.00"), "foreign": {"USD": (Decimal("100.00"), Decimal("100.00"))}},
        "t-4": {"kind": "fill", "amount": Decimal("2500.00"), "currency": "INR"},
    }


def _account(lines: list[dict], rows: dict[str, dict]) -> dict[str, object]:
    report = Report()
    cage_account(report, list(collect_cage_ops(lines).values()), rows)
    return {c.name: c for c in report.checks}


def test_a_clean_cage_run_passes_every_line():
    checks = _account(_results(), _ledger())
    assert all(c.ok is not False for c in checks.values()), [c for c in checks.values() if c.ok is False]
    assert checks["cage: lost (told done, not in the ledger)"].value == "0"
    assert checks["cage: doubled (twice, altered, or unasked)"].value == "0"
    assert checks["  cage: in doubt, settled by id"].detail.startswith("posted 0, not posted 1")
    assert checks["cage: each handover's expected drawer = the window's own tally"].ok is True
    assert checks[FOREIGN_LINE].ok is True and "1 with foreign cash" in checks[FOREIGN_LINE].value


def test_a_lost_and_a_doubled_operation_fail_the_proof():
    rows = _ledger()
    del rows["t-1"]                                   # told done, the ledger has nothing: lost
    rows["t-99"] = {"kind": "fill", "amount": Decimal("5000.00"), "currency": "INR"}  # nobody asked: doubled
    checks = _account(_results(), rows)
    lost = checks["cage: lost (told done, not in the ledger)"]
    doubled = checks["cage: doubled (twice, altered, or unasked)"]
    assert (lost.ok, lost.value) == (False, "1") and "t-1" in lost.detail
    assert (doubled.ok, doubled.value) == (False, "1") and "t-99" in doubled.detail


def test_one_operation_told_done_twice_or_posted_with_other_details_is_doubled():
    lines = _results()
    # a second handover of shift 1 told "done": two drawers out of one
    lines += [{"e": "intent", "i": 6, "id": "h-6", "kind": "handover", "currency": "INR", "amount": "46700.00",
               "from_shift": 1, "outgoing": "C410", "incoming": "C420", "count": "2000=23,500=1,200=1"},
              {"e": "outcome", "i": 6, "id": "h-6", "kind": "handover", "status": "done", "to_shift": 3}]
    rows = _ledger()
    rows["x-0"] = {**rows["x-0"], "amount": Decimal("1000.00")}  # the exchange posted ten times over
    doubled = _account(lines, rows)["cage: doubled (twice, altered, or unasked)"]
    assert (doubled.ok, doubled.value) == (False, "2"), doubled


def test_a_refusal_in_the_ledger_and_a_handover_off_the_tally_fail():
    rows = _ledger()
    rows["t-2"] = {"kind": "credit", "amount": Decimal("90000.00"), "currency": "INR"}
    rows["h-3"] = {**rows["h-3"], "expected": Decimal("51700.00")}  # the db saw a fill twice
    checks = _account(_results(), rows)
    assert checks["cage: told refused, yet in the ledger"].ok is False
    assert checks["cage: each handover's expected drawer = the window's own tally"].ok is False


def test_an_id_sent_twice_that_is_not_answered_with_the_first_posting_fails():
    lines = [dict(r, again_replayed=False) if r.get("again_replayed") else r for r in _results()]
    assert _account(lines, _ledger())["cage: the same id sent twice answered with the first posting"].ok is False


def test_an_operation_without_any_answer_is_unresolved():
    lines = _results() + [{"e": "intent", "i": 6, "id": "t-6", "kind": "fill", "currency": "INR", "amount": "500"}]
    assert _account(lines, _ledger())["cage: unresolved (no final answer)"].ok is False


def _lines(drawer2: str, bank: str = "990000", markers: str = "1200") -> list[dict]:
    return [{"section": "drawer", "shift_id": 2, "terminal_id": "SOAK-CAGE", "amount": Decimal(drawer2),
             "ledger": Decimal(drawer2)},
            {"section": "drawer", "shift_id": 7, "terminal_id": "SOAK-T1", "amount": Decimal("300"),
             "ledger": Decimal("300")},
            {"section": "bank", "shift_id": None, "terminal_id": None, "amount": Decimal(bank), "ledger": Decimal(bank)},
            {"section": "markers", "shift_id": None, "terminal_id": None, "amount": Decimal(markers),
             "ledger": Decimal(markers)}]


def _accountability(lines: list[dict], independent: dict) -> dict[str, object]:
    report = Report()
    accountability_check(report, lines, independent, window_tally(_results(), FLOAT), "2026-12-04")
    return {c.name: c for c in report.checks}


def test_the_accountability_is_held_to_sums_from_the_ledger_and_to_the_window_tally():
    # the window's tally: shift 2 opened with the handover's count 46,700, then a fill of 2,500
    assert window_tally(_results(), FLOAT) == (2, Decimal("49200.00"))
    independent = {"drawers": {2: Decimal("49200"), 7: Decimal("300")}, "bank": Decimal("990000"),
                   "markers": Decimal("1200")}
    good = _accountability(_lines("49200"), independent)
    assert all(c.ok is True for c in good.values()), good
    # the API's bank differs from the transfers' sum, and a drawer is missing from it
    bad = _accountability(_lines("49200", bank="990500"), independent)
    assert bad["cage accountability = the ledger (every drawer + bank + markers)"].ok is False
    missing = _accountability(_lines("49200")[1:], independent)
    assert missing["cage accountability = the ledger (every drawer + bank + markers)"].ok is False
    # the database's drawer and the window's own account disagree (both sides say 49,700)
    off = _accountability(_lines("49700"), {**independent, "drawers": {2: Decimal("49700"), 7: Decimal("300")}})
    assert off["cage window's drawer = its own tally of what it was told"].ok is False


def test_foreign_cash_the_ledger_did_not_carry_with_the_drawer_fails():
    """The handed-over shift expected other dollars than the window counted (the carried cash
    lost or doubled on the way), or held euros the window never had."""
    for foreign in ({"USD": (Decimal("100.00"), Decimal("200.00"))},
                    {"USD": (Decimal("100.00"), Decimal("100.00")), "EUR": (Decimal("0.00"), Decimal("50.00"))},
                    {}):
        rows = _ledger()
        rows["h-3"] = {**rows["h-3"], "foreign": foreign}
        check = _account(_results(), rows)[FOREIGN_LINE]
        assert check.ok is False and "#3" in check.detail, (foreign, check)
