"""Monitoring: the integrity watch, alerts, supervised corrections, figures and reports.

An adapter layer beside `ledger/` and `realtime/`: it reads the ledger and the outbox,
writes alerts and run history, and never moves a balance by itself. Corrections happen
only when a supervisor asks, through `corrections.py`.
"""
