"""Demo data: the report's player 179 among others, and one staff member of each role."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.engine import Engine

from ..domain.commands import PostingCommand
from ..domain.kinds import Kind
from ..domain.money import Money
from .posting import post
from .staff import add_staff

DEMO_STAFF = [
    ("C100", "Asha Rao", "cashier", "1111", None),
    ("F200", "Farid Khan", "floor_manager", "2222", Decimal("1000000.00")),
    ("S300", "Sunita Menon", "supervisor", "3333", None),
]
_FIRST = ["Aarav", "Diya", "Kabir", "Meera", "Rohan", "Ananya", "Vikram", "Isha", "Arjun", "Priya",
          "Nikhil", "Tara", "Sameer", "Leela", "Dev", "Zoya", "Ravi", "Neha", "Karan", "Pooja"]
_LAST = ["Sharma", "Iyer", "Fernandes", "Nair", "Gupta", "D'Souza", "Reddy", "Kapoor", "Bose", "Mehta"]
# A fixed namespace: the same demo deposit has the same id on every run (idempotent seeding).
_SEED_NS = uuid.UUID("6f1d7f0e-8a55-4c59-9d0c-3b0ad1c0f179")


def seed_staff(engine: Engine) -> None:
    for sid, name, role, pin, limit in DEMO_STAFF:
        add_staff(engine, sid, name, role, pin, approval_limit=limit, exist_ok=True)


def seed_players(engine: Engine, count: int = 50, *, start: int = 101, batch: int = 50_000) -> int:
    """Create players `start`..`start+count-1` (and 179 always), in bulk, idempotently."""
    created = 0
    with engine.begin() as conn:
        for lo in range(start, start + count, batch):
            hi = min(lo + batch, start + count) - 1
            created += conn.execute(text("""
                INSERT INTO players (id, name, card_number)
                SELECT g::text,
                       (CAST(:f AS text[]))[1 + (g * 7) % :nf] || ' ' || (CAST(:l AS text[]))[1 + (g * 3) % :nl],
                       'C' || lpad(g::text, 9, '0')
                FROM generate_series(CAST(:lo AS bigint), CAST(:hi AS bigint)) g
                ON CONFLICT (id) DO NOTHING"""), {"lo": lo, "hi": hi, "f": _FIRST, "nf": len(_FIRST),
                                                  "l": _LAST, "nl": len(_LAST)}).rowcount
        created += conn.execute(text("""INSERT INTO players (id, name, card_number)
            VALUES ('179', 'Rahul Verma', 'C000000179') ON CONFLICT DO NOTHING""")).rowcount
    return created


def needs_seeding(engine: Engine) -> bool:
    """True for a ledger with no staff yet (a demo ledger just created)."""
    with engine.connect() as conn:
        return bool(conn.execute(text("SELECT NOT EXISTS (SELECT 1 FROM staff)")).scalar())


# Demo exchange rates (INR per unit; the cage buys low and sells high), set by the supervisor.
DEMO_FX_RATES = {"USD": (Decimal("83.00"), Decimal("84.50")), "EUR": (Decimal("89.50"), Decimal("91.50"))}


def seed_fx_rates(engine: Engine) -> None:
    """USD and EUR rates for the demo, once (as the owner: the rates table is append-only and
    a terminal sets rates only through cage.set_fx_rate with a supervisor's session)."""
    with engine.begin() as conn:
        if conn.execute(text("SELECT to_regclass('cage.fx_rates')")).scalar() is None:
            return
        for code, (buy, sell) in DEMO_FX_RATES.items():
            conn.execute(text("""INSERT INTO cage.fx_rates (currency, buy_rate, sell_rate, valid_from, set_by)
                SELECT :c, :b, :s, now(), 'S300'
                WHERE NOT EXISTS (SELECT 1 FROM cage.fx_rates r WHERE r.currency = :c)"""),
                         {"c": code, "b": buy, "s": sell})


DEMO_BANK = Decimal("1000000.00")
_DEMO_BANK_ID = uuid.uuid5(_SEED_NS, "main-bank-opening")


def seed_bank(engine: Engine) -> None:
    """The demo's main bank opens with 10,00,000 from the count room: one `fund` through
    `cage.bank_transfer`, signed by the demo supervisor and floor manager (their PINs are
    the demo's), once by its fixed id. Needs the stored policy (the bank's currency)."""
    with engine.begin() as conn:
        ready = conn.execute(text("""SELECT to_regclass('public.bank_transfers') IS NOT NULL
            AND EXISTS (SELECT 1 FROM cage.policy)""")).scalar()
        if not ready or conn.execute(text("SELECT EXISTS (SELECT 1 FROM bank_transfers WHERE id = :i)"),
                                     {"i": _DEMO_BANK_ID}).scalar():
            return
    pins = {sid: pin for sid, _name, _role, pin, _limit in DEMO_STAFF}
    sessions = []
    for sid in ("S300", "F200"):  # a session is usable once its login has committed
        with engine.begin() as conn:
            sessions.append(conn.execute(text("SELECT cage.staff_login(:s, :p)"), {"s": sid, "p": pins[sid]}).scalar_one())
    with engine.begin() as conn:
        conn.execute(text("SELECT * FROM cage.bank_transfer(:i, 'demo-bank', 'fund', :a, :s, :r, 'demo: the count room')"),
                     {"i": _DEMO_BANK_ID, "a": DEMO_BANK, "s": sessions[0], "r": sessions[1]})
        for token in sessions:
            conn.execute(text("SELECT cage.staff_logout(:t)"), {"t": token})


def seed_demo(engine: Engine, players: int = 50, *, currency: str = "INR") -> None:
    """Staff, players, and a few demo deposits through real postings (never by UPDATE)."""
    seed_staff(engine)
    seed_players(engine, players)
    if currency == "INR":
        seed_fx_rates(engine)
    for i, pid in enumerate(["101", "102", "103", "104", "105"]):
        if int(pid) >= 101 + players:
            break
        post(engine, PostingCommand(
            id=uuid.uuid5(_SEED_NS, pid), kind=Kind.DEPOSIT, player_id=pid,
            amount=Money(Decimal(5000 * (i + 1)), currency), staff_id="C100", terminal_id="DEMO-SEED"))
