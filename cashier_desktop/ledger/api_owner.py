"""The owner of the database API: a role no one logs in as (issue 14).

Every SECURITY DEFINER function runs with its owner's privileges. Owned by the schema
owner (who may ALTER, DROP, disable triggers and rewrite the ledger), a bug in one of them
would be a bug with the owner's powers. `hand_api_to_owner` (run by `db create-roles`)
gives every SECURITY DEFINER function in `cage` and `public` to `<prefix>_api_owner`:
NOLOGIN, NOINHERIT, a member of no role, granted to no login but the schema owner (so a
later migration's CREATE OR REPLACE by the schema owner still works), and holding exactly
the table privileges the functions' bodies use — no ALTER, TRUNCATE, TRIGGER, no UPDATE or
DELETE of the ledger, the audit log or the MTL, no writes to the permission matrix, the
policy or the terminal bindings, no CREATE in any schema.

The loop reads `pg_proc`, so functions a later migration adds are handed over by the next
`db create-roles` (which the README says to run after every `db upgrade`).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from . import catalog_snapshot
from .catalog_snapshot import CatalogSnapshot
from .roles import TableGrant, _q  # noqa: PLC2701 - one quoting rule for every role module
from .roles import _columns as _table_columns  # noqa: PLC2701 - one catalog read for every role module

API_SCHEMAS = ("public", "cage")

# What the definer functions' bodies (migrations 0009–0012) and the triggers they fire do
# to each table; `update` names the only columns they set.
API_OWNER_TABLES: dict[str, TableGrant] = {
    "public.players": TableGrant(update=(
        "balance", "current_credit", "credit_limit", "credit_approved", "total_deposits",
        "total_withdrawals", "version", "updated_at", "last_hash")),
    "public.staff": TableGrant(insert=True, update=("active",)),  # staff_add, staff_set_active
    "public.shifts": TableGrant(insert=True, update=(
        "status", "closed_at", "closed_by", "closing_count", "counted", "expected", "variance",
        "needs_signoff", "signed_off_by", "signed_off_at", "signoff_note",
        "postings")),  # the shift's count of its postings, raised by cage._post (0025)
    "public.ledger_transactions": TableGrant(insert=True),  # append only
    "public.credit_requests": TableGrant(insert=True, update=(
        "status", "decided_by", "decided_at", "decision_reason", "approved_limit", "posting_id")),
    "public.audit_log": TableGrant(insert=True),
    "public.mtl_entries": TableGrant(insert=True),
    "public.balance_events": TableGrant(insert=True, delete=True, update=("published_at", "published_by")),
    "public.outbox_sleepers": TableGrant(),
    "public.outbox_deletions": TableGrant(insert=True),
    "public.integrity_alerts": TableGrant(insert=True, update=(
        "status", "resolved_at", "resolved_by", "resolution_reason", "posting_id", "updated_at", "evidence")),
    "public.terminal_heartbeats": TableGrant(insert=True, update=(
        "staff_id", "seen_at", "pending_entries", "feed_state", "last_event_age_s", "app_version", "db_login",
        "refused_entries")),
    "public.feed_acks": TableGrant(insert=True),
    "public.refused_postings": TableGrant(insert=True),
    "public.feed_tokens": TableGrant(insert=True, delete=True),
    "public.relay_claims": TableGrant(insert=True, delete=True, update=("ids",)),
    "public.monitor_cursors": TableGrant(),
    "cage.staff_auth": TableGrant(insert=True, update=(
        "kdf", "iterations", "salt", "verifier", "failed_attempts", "locked_until", "lockouts",
        "pin_set_at", "last_attempt_at")),
    "cage.auth_rules": TableGrant(),
    "cage.staff_sessions": TableGrant(insert=True, update=("ended_at",)),
    "cage.terminal_logins": TableGrant(),
    "cage.policy": TableGrant(),
    "cage.actions": TableGrant(),
    "cage.role_rights": TableGrant(),
    "cage.kind_actions": TableGrant(),
    "cage.cash_totals": TableGrant(insert=True, update=("total",)),  # cage.count_cash, inside a posting
    # Migration 0013 (cage operations): every table append-only for the API.
    "cage.authority_limits": TableGrant(insert=True),               # cage.set_authority_limit
    # An exchange holds its currency's row FOR SHARE, a rate change FOR UPDATE: a row lock
    # needs UPDATE on some column, and `name` is the one whose change harms no figure.
    "cage.fx_currencies": TableGrant(update=("name",)),
    "cage.fx_rates": TableGrant(insert=True),                       # cage.set_fx_rate
    "public.fx_exchanges": TableGrant(insert=True),                 # cage.exchange
    "public.temporary_credit_lines": TableGrant(insert=True),       # cage.grant_temporary_credit
    "public.markers": TableGrant(insert=True),                      # cage.record_marker
    "public.marker_allocations": TableGrant(insert=True),
    "cage.markers_outstanding": TableGrant(),                       # a view (read)
    "public.posting_notes": TableGrant(insert=True),                # cage.post_with_notes
    # Migration 0016: identification on file, denominations, exchange reversal.
    "public.player_id_documents": TableGrant(insert=True),          # cage.add_id_document
    "public.id_document_uses": TableGrant(insert=True),             # cage._post / cage.exchange
    "cage.denominations": TableGrant(),                             # cage.note_pieces (read)
    # Migration 0019: handover, fills and credits with the main bank.
    "public.shift_handovers": TableGrant(insert=True),              # cage.handover_shift
    "public.bank_transfers": TableGrant(insert=True),               # cage.bank_transfer
    "public.bank_balances": TableGrant(insert=True, update=("balance", "updated_at")),
    # Migration 0023: each drawer's holding per currency, kept by the drawer_cash triggers.
    "public.drawer_cash": TableGrant(insert=True, update=("holding", "updated_at")),
    # Migration 0024: a handover's id (exactly-once), written by cage.handover_shift.
    "public.handover_requests": TableGrant(insert=True),
    # Migration 0030: the cheques the cage takes per currency (read by cage.currency_cheques).
    "cage.cheque_instruments": TableGrant(),
    # Migration 0031: an exchange's foreign notes (cage.exchange_with_notes; no login reads them).
    "public.exchange_notes": TableGrant(insert=True),
    # Migration 0032: foreign cash counted at a handover or close (cage.count_foreign).
    "public.shift_foreign_counts": TableGrant(insert=True),
}


def api_owner_name(prefix: str) -> str:
    return f"{prefix}_api_owner"


def _qualified(name: str) -> str:
    schema, table = name.split(".", 1)
    return f"{_q(schema)}.{_q(table)}"


def _columns(conn: Connection, name: str) -> set[str]:
    schema, table = name.split(".", 1)
    return _table_columns(conn, table, schema)


def _ensure_nologin_role(conn: Connection, role: str) -> None:
    """NOLOGIN, NOINHERIT, in no role, granted to no one but the schema owner (current_user)."""
    if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": role}).first() is None:
        conn.exec_driver_sql(f"CREATE ROLE {_q(role)} NOLOGIN NOINHERIT")
    conn.exec_driver_sql(f"ALTER ROLE {_q(role)} NOLOGIN NOINHERIT")
    for (group,) in conn.execute(text("""SELECT g.rolname FROM pg_auth_members m
            JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member
            WHERE r.rolname = :n"""), {"n": role}):
        conn.exec_driver_sql(f"REVOKE {_q(group)} FROM {_q(role)}")
    for (member,) in conn.execute(text("""SELECT r.rolname FROM pg_auth_members m
            JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member
            WHERE g.rolname = :n AND r.rolname <> current_user"""), {"n": role}):
        conn.exec_driver_sql(f"REVOKE {_q(role)} FROM {_q(member)}")
    superuser = conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar()
    if not superuser:  # to hand functions over, and to CREATE OR REPLACE them in later migrations
        conn.exec_driver_sql(f"GRANT {_q(role)} TO current_user")


def _grant(conn: Connection, role: str) -> None:
    """Set (not add) the role's privileges: exactly API_OWNER_TABLES, the schemas' USAGE and
    EXECUTE on their functions (the API's helpers are revoked from PUBLIC)."""
    for schema in API_SCHEMAS:
        conn.exec_driver_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA {_q(schema)} FROM {_q(role)}")
        conn.exec_driver_sql(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {_q(schema)} FROM {_q(role)}")
        conn.exec_driver_sql(f"REVOKE CREATE ON SCHEMA {_q(schema)} FROM {_q(role)}")
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {_q(schema)} TO {_q(role)}")
        conn.exec_driver_sql(f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {_q(schema)} TO {_q(role)}")
    snapshot = catalog_snapshot.current(conn)
    for name, g in API_OWNER_TABLES.items():
        if not _exists(conn, name, snapshot):
            continue
        table = _qualified(name)
        privs = [p for p, on in (("SELECT", g.select), ("INSERT", g.insert), ("DELETE", g.delete)) if on]
        conn.exec_driver_sql(f"GRANT {', '.join(privs)} ON TABLE {table} TO {_q(role)}")
        cols = [c for c in g.update if c in _columns(conn, name)]
        if cols:
            conn.exec_driver_sql(f"GRANT UPDATE ({', '.join(_q(c) for c in cols)}) ON TABLE {table} TO {_q(role)}")
        if g.insert:
            for seq in _sequences_of(conn, name, snapshot):
                conn.exec_driver_sql(f"GRANT USAGE ON SEQUENCE {seq} TO {_q(role)}")


def _exists(conn: Connection, name: str, snapshot: CatalogSnapshot | None) -> bool:
    """Whether relation `schema.name` exists (as `to_regclass` says)."""
    if snapshot is not None:
        return snapshot.has(*name.split(".", 1))
    return conn.execute(text("SELECT to_regclass(:n)"), {"n": name}).scalar() is not None


def _sequences_of(conn: Connection, name: str, snapshot: CatalogSnapshot | None) -> list[str]:
    """The sequences table `schema.name` owns (serial and identity columns), quoted."""
    if snapshot is not None:
        return [f"{_q(s)}.{_q(n)}" for s, n in snapshot.sequences.get(tuple(name.split(".", 1)), ())]
    return list(conn.execute(text("""SELECT s.oid::regclass::text FROM pg_class s
            JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
            WHERE s.relkind = 'S' AND d.refobjid = CAST(:t AS regclass)"""), {"t": name}).scalars())


def _audit_policy(conn: Connection, role: str) -> None:
    """audit_log's row-level security lets only its owner write `staff.%` rows (0009); the
    authentication functions write them, so their owner gets a policy of its own."""
    if not _exists(conn, "public.audit_log", catalog_snapshot.current(conn)):
        return
    policy = _q(f"{role}_writes")
    conn.exec_driver_sql(f"DROP POLICY IF EXISTS {policy} ON public.audit_log")
    conn.exec_driver_sql(f"CREATE POLICY {policy} ON public.audit_log FOR INSERT TO {_q(role)} WITH CHECK (true)")


def definer_functions(conn: Connection) -> list[tuple[str, str]]:
    """(function, owner) of every SECURITY DEFINER function in the API's schemas."""
    return [(f, o) for f, o in conn.execute(text("""
        SELECT p.oid::regprocedure::text, pg_get_userbyid(p.proowner) FROM pg_proc p
        WHERE p.prosecdef AND p.pronamespace::regnamespace::text = ANY(:s)
        ORDER BY 1"""), {"s": list(API_SCHEMAS)})]


def hand_api_to_owner(conn: Connection, prefix: str) -> list[str]:
    """Make `<prefix>_api_owner` and give it every SECURITY DEFINER function; report lines.

    ALTER … OWNER needs the new owner to have CREATE on the schema: granted and revoked
    again inside this transaction, so the API's owner never creates anything."""
    role = api_owner_name(prefix)
    _ensure_nologin_role(conn, role)
    _grant(conn, role)
    _audit_policy(conn, role)
    handed = 0
    for schema in API_SCHEMAS:
        conn.exec_driver_sql(f"GRANT CREATE ON SCHEMA {_q(schema)} TO {_q(role)}")
    for function, owner in definer_functions(conn):
        if owner != role:
            conn.exec_driver_sql(f"ALTER FUNCTION {function} OWNER TO {_q(role)}")
            handed += 1
    for schema in API_SCHEMAS:
        conn.exec_driver_sql(f"REVOKE CREATE ON SCHEMA {_q(schema)} FROM {_q(role)}")
    return [f"{role} owns every SECURITY DEFINER function ({handed} handed over)"]


def drop_api_owner(conn: Connection, prefix: str) -> None:
    """Give the API back to the connected role, then drop `<prefix>_api_owner` (test and
    bench teardown: `DROP OWNED BY` alone would drop the API with it)."""
    role = api_owner_name(prefix)
    if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": role}).first() is None:
        return
    conn.exec_driver_sql(f"REASSIGN OWNED BY {_q(role)} TO current_user")
    conn.exec_driver_sql(f"DROP OWNED BY {_q(role)}")
    conn.exec_driver_sql(f"DROP ROLE {_q(role)}")
