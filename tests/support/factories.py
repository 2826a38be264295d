"""Fresh random ids and ready-made commands for tests."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.engine import Engine

from cashier_desktop.domain.commands import PostingCommand
from cashier_desktop.domain.kinds import Kind
from cashier_desktop.domain.money import Money


def random_player_id(prefix: str = "p") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def make_player(engine: Engine, player_id: str | None = None, name: str = "Test Player") -> str:
    pid = player_id or random_player_id()
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO players (id, name) VALUES (:id, :n)"), {"id": pid, "n": name})
    return pid


def cmd(kind: Kind | str, player: str, amount: str | Decimal | int, staff: str = "C100",
        **kw) -> PostingCommand:
    return PostingCommand(kind=Kind(kind), player_id=player, amount=Money(Decimal(str(amount)), "INR"),
                          staff_id=staff, terminal_id=kw.pop("terminal_id", "T-TEST"), **kw)
