"""Alembic environment: runs on the connection handed in by `ledger.migrate`."""

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - always called through ledger.migrate
    raise RuntimeError("run migrations through `cashier-desktop db upgrade`")
context.configure(connection=connection, target_metadata=None, transaction_per_migration=True)
with context.begin_transaction():
    context.run_migrations()
