"""Open a shift for a test directly through the ledger code (posting via the counter needs one)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.engine import Engine

from cashier_desktop.ledger.shifts import insert_shift


def open_test_shift(engine: Engine, terminal_id: str, staff_id: str = "C100", float_amount="0",
                    currency: str = "INR") -> int:
    """Open a shift on `terminal_id` for `staff_id` with an opening float; returns its id."""
    with engine.begin() as conn:
        return insert_shift(conn, terminal_id=terminal_id, staff_id=staff_id, currency=currency,
                            opening_float=Decimal(str(float_amount)))


def make_services(engine: Engine, terminal_id: str = "T-TEST", **policy):
    """Terminal services on an existing test engine, with config overrides by key name
    (e.g. `**{"policy.dual_control_threshold": "1000"}`). Never close them: the engine is shared."""
    from cashier_desktop.config import load_config
    from cashier_desktop.terminal.services import Services
    overrides = {"terminal.id": terminal_id, "ledger.url": None, **policy}
    config = load_config(env={"CASHIER_CONFIG": ""}, overrides=overrides)
    return Services(config=config, engine=engine)
