"""Read-only lookups: balances, player search, a player's recent postings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from ..domain.commands import check_player_id
from ..domain.errors import PlayerNotFound
from ..domain.kinds import Kind
from ..domain.receipts import Balance, Receipt
from .db import reading, warn_if_gui_thread
from .posting import RECEIPT_COLUMNS, receipt_of_row

# The players table has no currency: the ledger knows an account's currency from its
# postings (every one in the cage's currency, which the posting API enforces). The first
# posting's is read through the (player_id, seq) index; a player with none yet is in the
# currency the caller names (the cage's, from its configuration).
_BALANCE_COLUMNS = """id, version, balance, current_credit, credit_limit, credit_approved,
    total_deposits, total_withdrawals, name,
    (SELECT btrim(l.currency) FROM ledger_transactions l WHERE l.player_id = players.id
     ORDER BY l.seq LIMIT 1) AS currency"""


def _balance(row, currency: str) -> Balance:
    m = row._mapping
    return Balance.of_amounts(
        m["currency"] or currency, player_id=m["id"], version=m["version"], cash=m["balance"],
        credit=m["current_credit"], credit_limit=m["credit_limit"], credit_approved=m["credit_approved"],
        total_deposits=m["total_deposits"], total_withdrawals=m["total_withdrawals"], name=m["name"])


def _run(engine: Engine, name: str, sql: str, params: dict):
    warn_if_gui_thread(name)
    with reading(engine) as conn:
        return conn.execute(text(sql), params).fetchall()


def get_balance(engine: Engine, player_id: str, *, currency: str) -> Balance:
    """The player's balances in the portal's shape, as `Money` in the account's currency
    (`currency`, the cage's, for an account with no posting yet); PlayerNotFound if there is none."""
    player_id = check_player_id(player_id)
    rows = _run(engine, "get_balance", f"SELECT {_BALANCE_COLUMNS} FROM players WHERE id = :id",
                {"id": player_id})
    if not rows:
        raise PlayerNotFound.of(player_id)
    return _balance(rows[0], currency)


def get_balances(engine: Engine, player_ids: list[str], *, currency: str) -> list[Balance]:
    """Several players at once (a refetch after a reconnect or a gap)."""
    if not player_ids:
        return []
    rows = _run(engine, "get_balances",
                f"SELECT {_BALANCE_COLUMNS} FROM players WHERE id = ANY(:ids) ORDER BY id",
                {"ids": list(player_ids)})
    return [_balance(r, currency) for r in rows]


def search_players(engine: Engine, query: str, limit: int = 20, *, currency: str) -> list[Balance]:
    """Players whose id, card number or name starts with `query` (case-insensitive name).

    The `COLLATE "C"` matches the prefix indexes of migration 0001, so the LIKE prefix and
    the ORDER BY ... LIMIT are both served by one index range scan.
    """
    q = (query or "").strip()
    if not q:
        return []
    pattern = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = _run(engine, "search_players", f"""
        (SELECT {_BALANCE_COLUMNS} FROM players WHERE id COLLATE "C" LIKE :p
         ORDER BY id COLLATE "C" LIMIT :n)
        UNION
        (SELECT {_BALANCE_COLUMNS} FROM players WHERE card_number COLLATE "C" LIKE :p
         ORDER BY card_number COLLATE "C" LIMIT :n)
        UNION
        (SELECT {_BALANCE_COLUMNS} FROM players WHERE lower(name) COLLATE "C" LIKE lower(:p)
         ORDER BY lower(name) COLLATE "C" LIMIT :n)
        ORDER BY id LIMIT :n""", {"p": pattern, "n": limit})
    return [_balance(r, currency) for r in rows]


def recent_postings(engine: Engine, player_id: str, limit: int = 20) -> list[Receipt]:
    rows = _run(engine, "recent_postings", f"""
        SELECT {RECEIPT_COLUMNS} FROM ledger_transactions WHERE player_id = :id
        ORDER BY seq DESC LIMIT :n""", {"id": check_player_id(player_id), "n": limit})
    return [receipt_of_row(r, replayed=False) for r in rows]


def postings_of_shift(engine: Engine, shift_id: int) -> list[Receipt]:
    warn_if_gui_thread("postings_of_shift")
    with reading(engine) as conn:
        return postings_where(conn, shift_id=shift_id)


def postings_where(conn: Connection, *, shift_id: int | None = None, terminal_id: str | None = None,
                   since: datetime | None = None, until: datetime | None = None) -> list[Receipt]:
    """The postings of a shift, or of a terminal over [since, until), in ledger order, as receipts
    (the shift's screen, reconciliation)."""
    return [receipt_of_row(r) for r in posting_rows(conn, shift_id=shift_id, terminal_id=terminal_id,
                                                    since=since, until=until)]


def posting_rows(conn: Connection, *, shift_id: int | None = None, terminal_id: str | None = None,
                 since: datetime | None = None, until: datetime | None = None) -> list:
    """The one query of a shift's (or a terminal's) postings, in ledger order: the receipt's
    columns and the drawer's side (`drawer_delta`), behind the shift's screen, the shift report
    (`shifts.shift_postings`) and reconciliation."""
    where, params = ["true"], {}
    if shift_id is not None:
        where.append("shift_id = :shift")
        params["shift"] = shift_id
    if terminal_id is not None:
        where.append("terminal_id = :terminal")
        params["terminal"] = terminal_id
    if since is not None:
        where.append("created_at >= :since")
        params["since"] = since
    if until is not None:
        where.append("created_at < :until")
        params["until"] = until
    return conn.execute(text(f"SELECT {RECEIPT_COLUMNS}, drawer_delta FROM ledger_transactions "
                             f"WHERE {' AND '.join(where)} ORDER BY seq"), params).fetchall()


def open_alert_id(engine: Engine, player_id: str) -> int | None:
    """The newest open integrity alert on this player's balance, or None."""
    rows = _run(engine, "open_alert_id", "SELECT id FROM integrity_alerts WHERE player_id = :p AND status = 'open' "
                "ORDER BY id DESC LIMIT 1", {"p": player_id})
    return rows[0][0] if rows else None


def ledger_count(engine: Engine) -> int:
    return _run(engine, "ledger_count", "SELECT count(*) FROM ledger_transactions", {})[0][0]


@dataclass(frozen=True, slots=True)
class ServerFacts:
    """Who this engine logs in as, on which server version, and how many players it reads."""

    user: str
    version: str
    players: int


def server_facts(engine: Engine) -> ServerFacts:
    """The self-check's one look at the ledger. A plain connection, not `reading`: the
    self-check reports the driver's own words when the server cannot be reached."""
    with engine.connect() as conn:
        user, version = conn.execute(text("SELECT current_user, current_setting('server_version')")).one()
        players = conn.execute(text("SELECT count(*) FROM players")).scalar_one()
    return ServerFacts(user, version, players)


def get_posting(engine: Engine, posting_id) -> Receipt | None:
    rows = _run(engine, "get_posting", f"SELECT {RECEIPT_COLUMNS} FROM ledger_transactions WHERE id = :id",
                {"id": posting_id})
    return receipt_of_row(rows[0]) if rows else None


__all__ = ["get_balance", "get_balances", "search_players", "recent_postings", "postings_of_shift",
           "ledger_count", "get_posting", "Kind"]
