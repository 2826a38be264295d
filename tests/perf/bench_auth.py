"""Staff-authentication benchmarks: what a PIN check costs, online and offline.

(a) A login through the database (`terminal.auth.authenticate`: `cage.staff_login` with the
    production 100,000 PBKDF2 iterations, then `cage.session_staff`), median. Target: well
    under a second (≤ 500 ms). Reference: the same two calls with a 1,000-iteration verifier,
    so the ratio shows what the key stretching costs.
(b) One guess against the journal's offline verifier (Argon2id, production parameters),
    median of a few. Target: about a second (≥ 500 ms), the brake on a copied journal.
"""

from __future__ import annotations

import statistics
import time

from sqlalchemy import text

from cashier_desktop.domain import pins
from cashier_desktop.ledger.seed import seed_staff
from cashier_desktop.terminal.auth import authenticate
from tests.support.databases import DatabaseFactory


def _ms(fn, count: int) -> list[float]:
    out = []
    for _ in range(count):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _set_iterations(engine, n: int) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE cage.auth_rules SET iterations = :n"), {"n": n})
        conn.execute(text("SELECT cage.owner_set_pin('S300', '3333', 4)"))


def run(quick: bool) -> list[dict]:
    n = 5 if quick else 20
    factory = DatabaseFactory()
    try:
        _, engine = factory.create(pool_size=2)
        seed_staff(engine)
        login = lambda: authenticate(engine, "S300", "3333")  # noqa: E731
        slow, cheap = [], []
        for _ in range(2):  # alternate, so drift on a busy machine hits both sides alike
            _set_iterations(engine, 100_000)
            slow += _ms(login, n)
            _set_iterations(engine, 1_000)
            cheap += _ms(login, n)
        _set_iterations(engine, 100_000)
        med = statistics.median
        rows = [{"name": "login through the database (PBKDF2 100,000 iterations), median",
                 "value": round(med(slow), 1), "unit": "ms", "reference": round(med(cheap), 1),
                 "ratio": round(med(slow) / med(cheap), 2), "target": "≤ 500"}]
    finally:
        factory.close()
    import os
    saved = os.environ.get("CASHIER_ARGON2_PROFILE")
    os.environ["CASHIER_ARGON2_PROFILE"] = "default"
    try:
        verifier = pins.hash_pin("135790")
        guesses = _ms(lambda: pins.pin_matches(verifier, "000000"), 3 if quick else 5)
    finally:
        if saved is None:
            os.environ.pop("CASHIER_ARGON2_PROFILE", None)
        else:
            os.environ["CASHIER_ARGON2_PROFILE"] = saved
    rows.append({"name": "one guess against the journal's offline verifier (Argon2id), median",
                 "value": round(statistics.median(guesses), 1), "unit": "ms", "target": "≥ 500"})
    return rows
