"""A cage window for the soak: exchanges, fills, credits and handovers under fire (issue 17).

Run as a subprocess: `python -m tests.e2e.soak_cage SPEC.json`. It opens the terminal's own
services at a terminal login bound to its own terminal id (`add-login --terminal-id`),
through the same fault proxy as the soak terminals, and calls the counter's verbs
(`terminal/fx.py`, `bank.py`, `handover.py`), one operation after another at a steady pace:

- exchanges: the cage buys or sells USD/EUR at the rate in force (the quoted rate's id is
  sent, as the counter's F4 dialog does);
- fills and credits between its window and the main bank (the floor manager signs the
  bank's side with their PIN at the window);
- handovers of the drawer between its two cashiers (both PINs, both count).

Every operation has an id, so a retry after a broken connection is exactly-once: exchanges,
transfers and handovers are keyed by their UUID (`cage.exchange`, `cage.bank_transfer` and,
since 0024, `cage.handover_shift` answer a resend with the first). A handover killed
mid-send is settled after the restart by its id (`handover_requests`): the restarted window
already works as whoever's drawer is open. Results are the soak terminals' format (intent before, outcome after,
fsync'd); `soak_proof.cage_account` counts lost and doubled from them.

The cashier counts blind: the count at a handover is the writer's own tally of its drawer
(the shift's float plus what its answered operations moved), so a handover's variance is
0 exactly when the database's drawer agrees with what the writer was told.
"""

from __future__ import annotations

import faulthandler
import json
import logging
import os
import random
import signal
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

from cashier_desktop.config import load_config
from cashier_desktop.domain.errors import CashierError, LedgerBusy, LedgerUnavailable, PostingInDoubt
from cashier_desktop.domain.money import Money
from cashier_desktop.ledger.handover import handed_over_shift
from cashier_desktop.terminal import bank, fx, handover, shifts
from cashier_desktop.terminal.session import login
from cashier_desktop.terminal.services import open_services
from cashier_desktop.terminal.verbs import Credentials

from tests.e2e.soak_terminal import Results, read_results

log = logging.getLogger("soak.cage")

TERMINAL = "SOAK-CAGE"
LOGIN = "soak_cage_window"
CASHIERS = {"C410": "4101", "C420": "4202"}   # the window's two cashiers (handovers between them)
BANK_SIGNER = ("F200", "2222")                # the bank's side of fills and credits
OPENING_FLOAT = Decimal("50000")
LOW_DRAWER = Decimal("25000")                 # below this the window asks for a fill
NAMESPACE = uuid.UUID("5c1e7a52-0a59-4d8e-b7c4-3f0c5e17ca9e")
WEIGHTS = [("fx_buy", 35), ("fx_sell", 25), ("fill", 22), ("credit", 18)]
SEND_TWICE_EVERY = 4                          # every fourth money operation is sent twice
HANDOVER_EVERY = 5                            # every fifth operation hands the drawer over
INR_NOTES = (2000, 500, 200, 100, 50, 20, 10, 5, 2, 1)
FOREIGN_NOTES = {"USD": (100, 50, 20, 10, 5, 2, 1), "EUR": (500, 200, 100, 50, 20, 10, 5, 2, 1)}
RETRYABLE = (LedgerUnavailable, LedgerBusy, PostingInDoubt)  # not answered: nothing, or not known
_stop = False


def op_id(run: str, i: int) -> uuid.UUID:
    """The one UUID operation `i` of the cage writer has in run `run`, whatever restarts happen."""
    return uuid.uuid5(NAMESPACE, f"{run}:{TERMINAL}:{i}")


def plan_op(spec: dict, i: int) -> dict:
    """Operation `i`: deterministic, so a restart rebuilds the same kind, amount and id.

    Foreign amounts are even, so every local figure at the seeded rates (x.00 / x.50) is
    whole rupees and the drawer can be counted in notes exactly."""
    rng = random.Random(f"{spec['seed']}:{TERMINAL}:{i}")
    kinds, weights = zip(*WEIGHTS)
    kind = "handover" if i % HANDOVER_EVERY == HANDOVER_EVERY - 1 else rng.choices(kinds, weights)[0]
    op = {"i": i, "id": str(op_id(spec["run"], i)), "kind": kind}
    if kind.startswith("fx_"):
        op.update(currency=rng.choice(["USD", "EUR"]), amount=str(rng.randint(1, 50) * 2))
    elif kind == "fill":
        op.update(currency="INR", amount=str(rng.randint(1, 40) * 500))
    elif kind == "credit":
        op.update(currency="INR", amount=str(rng.randint(1, 30) * 500))
    else:
        op.update(currency="INR", amount="0")
    return op


def count_of(amount: Decimal, notes: tuple[int, ...] = INR_NOTES) -> str:
    """A count by INR notes (or `notes`) of `amount` (whole units; nothing for less than zero)."""
    left = max(int(amount), 0)
    parts = []
    for note in notes:
        n, left = divmod(left, note)
        if n:
            parts.append(f"{note}={n}")
    return ",".join(parts) or "2000=0"


def _on_term(signum, frame) -> None:  # noqa: ANN001
    global _stop
    _stop = True


def _stopping(spec: dict) -> bool:
    return _stop or Path(spec["stop_file"]).exists() or time.time() > spec["deadline"]


def _until_answered(fn, spec: dict):
    """Call `fn` until the ledger answers (a value or a refusal); past the hard deadline the
    last RETRYABLE error is raised (the proof settles that operation by its id)."""
    delay = 0.1
    while True:
        try:
            return fn()
        except RETRYABLE:
            if time.time() > spec["deadline"]:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


class CageWindow:
    """The window's state: services, the cashier at it, the open shift, the drawer tally."""

    def __init__(self, spec: dict, services, results: Results) -> None:
        self.spec, self.services, self.results = spec, services, results
        self.session = None
        self.rates: dict[str, int] = {}

    # -- start-up -------------------------------------------------------------------------
    def start(self) -> None:
        """Rates in force, then the cashier whose drawer is open (or C410 opens one)."""
        self.rates = _until_answered(lambda: {r.currency: r.rate.id for r in fx.rates(self.services)
                                              if r.rate is not None}, self.spec)
        self._take_window()

    def _take_window(self) -> None:
        def attempt():
            shift = shifts.current_shift(self.services, TERMINAL)
            staff = shift.staff_id if shift is not None else sorted(CASHIERS)[0]
            session = login(self.services, staff, CASHIERS[staff], terminal_id=TERMINAL)
            if session.shift is None:
                try:
                    session.shift = shifts.open_shift(self.services, session, float_amount=str(OPENING_FLOAT))
                except CashierError:  # our own earlier life opened it just before a kill
                    session.shift = shifts.current_shift(self.services, TERMINAL)
                    if session.shift is None:
                        raise
            return session
        self.session = _until_answered(attempt, self.spec)
        self.results.write("shift", shift=self.session.shift.id, staff=self.session.staff.id)

    def tally(self) -> Decimal:
        """What the drawer should hold by the writer's own account: the shift's float plus
        the drawer side of every answered operation in this shift (from the results file)."""
        shift = self.session.shift
        total = shift.opening_float.amount
        for r in read_results(Path(self.spec["results"])):
            if r.get("e") == "outcome" and r.get("status") == "done" and r.get("shift") == shift.id:
                total += Decimal(r.get("drawer", "0"))
        return total

    def foreign_tally(self, currency: str) -> Decimal:
        """The `currency` the drawer holds by the writer's own account: what the handover that
        opened this shift carried in (0032; a shift the window opened itself starts with
        none), and the answered exchanges of this shift."""
        shift = self.session.shift
        past = read_results(Path(self.spec["results"]))
        intents = {r["i"]: r for r in past if r.get("e") == "intent"}
        total = Decimal("0")
        for r in past:
            op = intents.get(r.get("i"), {})
            if (r.get("e") == "outcome" and r.get("status") == "done" and r.get("to_shift") == shift.id
                    and op.get("kind") == "handover"):
                total += Decimal(op.get("foreign", {}).get(currency, "0"))
            if (r.get("e") == "outcome" and r.get("status") == "done" and r.get("shift") == shift.id
                    and op.get("currency") == currency and op.get("kind") in ("fx_buy", "fx_sell")):
                total += Decimal(op["amount"]) * (1 if op["kind"] == "fx_buy" else -1)
        return total

    # -- operations -----------------------------------------------------------------------
    def perform(self, op: dict) -> dict:
        """Do `op` until answered; returns the outcome's fields."""
        try:
            if op["kind"] == "handover":
                return self._handover(op)
            outcome = _until_answered(lambda: self._money_op(op), self.spec)
            if op["i"] % SEND_TWICE_EVERY == 1:
                # The same id sent again at once (Enter pressed twice, a retry whose first answer
                # did arrive): the database must answer with the first posting, never post again.
                again = _until_answered(lambda: self._money_op(op), self.spec)
                outcome["again_replayed"] = again["replayed"] and again["drawer"] == outcome["drawer"]
            return outcome
        except RETRYABLE as exc:
            return {"status": "in_doubt", "code": type(exc).__name__, "reason": str(exc)[:200]}
        except CashierError as exc:
            return {"status": "refused", "code": exc.code, "reason": str(exc)[:300]}

    def _money_op(self, op: dict) -> dict:
        staff, pid = self.session.staff, uuid.UUID(op["id"])
        amount = Money(Decimal(op["amount"]), op["currency"])
        if op["kind"].startswith("fx_"):
            x = fx.exchange(self.services, staff, op["kind"][3:], amount, quoted_rate=op["rate"], posting_id=pid)
            drawer = -x.local.amount if x.direction == "buy" else x.local.amount
            return {"status": "done", "replayed": x.replayed, "shift": x.shift_id, "drawer": str(drawer),
                    "local": str(x.local.amount), "rate": str(x.rate)}
        verb = bank.fill if op["kind"] == "fill" else bank.credit
        t = verb(self.services, self.session, amount, Credentials(*BANK_SIGNER), transfer_id=pid)
        drawer = t.amount.amount if t.kind == "fill" else -t.amount.amount
        return {"status": "done", "replayed": t.replayed, "shift": t.shift_id, "drawer": str(drawer),
                "bank_after": str(t.bank_after.amount)}

    def _handover(self, op: dict) -> dict:
        """Hand the drawer to the other cashier under the operation's id: a retry after a lost
        answer sends the same id and hears the first handover (`replayed`). After a restart
        the window works as whoever's drawer is open; if that is no longer the outgoing
        cashier, the id says whether this handover went through."""
        from_shift, incoming, hid = op["from_shift"], op["incoming"], uuid.UUID(op["id"])
        if self.session.staff.id != op["outgoing"]:
            earlier = _until_answered(lambda: handed_over_shift(self.services.engine, hid), self.spec)
            current = _until_answered(lambda: shifts.current_shift(self.services, TERMINAL), self.spec)
            done = earlier is not None and earlier.id == from_shift
            return {"status": "done" if done else "refused", "settled_by": "id",
                    "to_shift": current.id if current else None, "code": None if done else "not handed over"}
        while True:
            try:
                foreign = "; ".join(f"{c}:{count_of(Decimal(a), FOREIGN_NOTES[c])}"
                                    for c, a in sorted(op.get("foreign", {}).items()))
                h = handover.hand_over(self.services, self.session, Credentials(incoming, CASHIERS[incoming]),
                                       op["count"], op["count"], handover_id=hid, foreign=foreign,
                                       incoming_foreign=foreign)
            except RETRYABLE:
                if time.time() > self.spec["deadline"]:
                    raise
                time.sleep(0.2)
                continue
            self.session = h.incoming
            self.results.write("shift", shift=h.opened.id, staff=h.incoming.staff.id)
            return {"status": "done", "to_shift": h.opened.id, "shift": from_shift, "replayed": h.replayed,
                    "variance": str(h.closed.variance.amount) if h.closed.variance else None,
                    "expected": str(h.closed.expected.amount) if h.closed.expected else None}

    def intent(self, i: int) -> dict:
        """The intent line of operation `i`, with what a resend must repeat exactly.

        A drawer running low is filled instead of paying out more, and a sale of dollars or
        euros the drawer has not taken in this shift becomes a purchase of them: the database
        refuses a payout the drawer cannot hold (0023), a cashier asks for a fill first. The
        largest payout (₹15,000 credit, $100 at ~₹84) is below LOW_DRAWER, so with the steering
        no payout is refused."""
        op = plan_op(self.spec, i)
        tally = self.tally()
        if op["kind"] == "fx_sell" and self.foreign_tally(op["currency"]) < Decimal(op["amount"]):
            op.update(kind="fx_buy", steered=True)
        if op["kind"] in ("fx_buy", "credit") and tally < LOW_DRAWER:
            op.update(kind="fill", currency="INR", amount=str(OPENING_FLOAT / 2), steered=True)
        if op["kind"].startswith("fx_"):
            op["rate"] = self.rates.get(op["currency"])
        elif op["kind"] == "handover":
            out = self.session.staff.id
            op.update(from_shift=self.session.shift.id, outgoing=out,
                      incoming=next(s for s in sorted(CASHIERS) if s != out), count=count_of(tally),
                      amount=str(tally),
                      # both cashiers count the foreign cash too; it goes with the drawer (0032)
                      foreign={c: str(a) for c in sorted(FOREIGN_NOTES)
                               if (a := self.foreign_tally(c)) > 0})
        else:
            op["shift"] = self.session.shift.id
        return op


def run(spec: dict) -> int:
    results = Results(Path(spec["results"]))
    past = read_results(Path(spec["results"]))
    intents = {r["i"]: r for r in past if r.get("e") == "intent"}
    answered = {r["i"] for r in past if r.get("e") == "outcome"}
    in_doubt = sorted(set(intents) - answered)
    next_i = max(intents) + 1 if intents else 0
    results.write("start", pid=os.getpid(), resume_from=next_i, in_doubt=in_doubt)

    os.environ["CASHIER_TERMINAL_ID"] = TERMINAL
    config = load_config(env=dict(os.environ))
    services = _until_answered(lambda: open_services(config, url=spec["database_url"], migrate_schema=False,
                                                     seed=False, journal=False,
                                                     application_name="soak-cage"), spec)
    try:
        window = CageWindow(spec, services, results)
        window.start()
        for i in in_doubt:  # killed mid-operation: the same operation again, by its id (or shift)
            _answer(window, results, intents[i], resend=True)
        i = next_i
        while not _stopping(spec):
            _answer(window, results, window.intent(i))
            i += 1
            time.sleep(random.uniform(0.5, 1.5) / spec["rate"])
        results.write("end", next_i=i)
        return 0
    finally:
        services.close()


def _answer(window: CageWindow, results: Results, op: dict, *, resend: bool = False) -> None:
    if not resend:
        results.write("intent", **op)
    t0 = time.perf_counter()
    outcome = window.perform(op)
    results.write("outcome", i=op["i"], id=op["id"], kind=op["kind"], resend=resend,
                  ms=(time.perf_counter() - t0) * 1000, **outcome)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    spec = json.loads(Path(argv[0]).read_text())
    logging.basicConfig(level=logging.INFO, format=f"%(asctime)s {TERMINAL} %(levelname)s %(name)s: %(message)s")
    signal.signal(signal.SIGTERM, _on_term)
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    return run(spec)


if __name__ == "__main__":
    sys.exit(main())
