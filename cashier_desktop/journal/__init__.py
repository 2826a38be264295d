"""The terminal's local write-ahead journal (SQLite), its replay and reconciliation.

Nothing here talks to PostgreSQL directly: replay and reconciliation take the ledger as
a small port (`replay.LedgerPort`) that `terminal/` provides, so layers stay downward.
"""
