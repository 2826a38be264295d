"""Plain psycopg connections for LISTEN and for the relay, made from the ledger's engine.

LISTEN needs a connection of its own that never goes back to a pool, and the relay's
claim-publish-mark cycle is latency-critical; both use psycopg directly, with the same
server, database and credentials as the SQLAlchemy engine, and TCP keepalives so that a
silently dead server is noticed within seconds.
"""

from __future__ import annotations

from typing import Callable

import psycopg
from sqlalchemy.engine import Engine

Connector = Callable[[], psycopg.Connection]

KEEPALIVES = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 3}


def connector(engine: Engine, *, application_name: str, autocommit: bool = False,
              connect_timeout: int = 5) -> Connector:
    """A function opening a new psycopg connection to the engine's database."""
    _args, kwargs = engine.dialect.create_connect_args(engine.url)
    kwargs = {k: v for k, v in kwargs.items() if k != "context"}
    kwargs.update(application_name=application_name, connect_timeout=connect_timeout)
    if not str(kwargs.get("host", "")).startswith("/"):
        kwargs.update(KEEPALIVES)

    def connect() -> psycopg.Connection:
        return psycopg.connect(autocommit=autocommit, **kwargs)

    return connect
