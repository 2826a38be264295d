"""Least-privilege PostgreSQL roles for terminals, the relay and staff administration.

`create_roles` makes three NOLOGIN group roles and grants each exactly what its program
does; `add_login` makes a LOGIN role (one per terminal PC, one per relay host) inside a
group, so every row the database attributes (`audit_log.db_user`,
`balance_events.changed_by`) names the machine that wrote it.

- `<prefix>_terminal`: reads what the counter shows (never PIN verifiers) and EXECUTEs the
  `cage` API (postings, shifts, credit, staff login, telemetry, corrections with a
  supervisor's session); it writes no table directly. A login of this group is bound to one
  terminal (`add-login … --terminal-id`) and posts only as that terminal.
- `<prefix>_relay`: SELECT on the outbox and players; claims, marks published and prunes
  only through `cage.relay_*` (it may mark only what its claim handed it, prune only what
  the watch has read). It cannot post, read staff, touch the ledger or LOCK the outbox.
- `<prefix>_monitor`: the integrity watch (monitoring/): reads the ledger and the outbox,
  raises alerts, appends their evidence and keeps its cursor and run history; it cannot
  post, resolve alerts, rewrite evidence or read PIN hashes.
- `<prefix>_staff_admin`: a terminal that may also add staff, disable them and set PINs
  (`staff add|disable|reset-pin`, for the supervisor's office) — only through
  `cage.staff_add` / `staff_set_active` / `staff_reset_pin`, which check a supervisor's
  session (migration 0009). No group reads PIN verifiers or writes lockouts
  (`cage.staff_auth`); every terminal EXECUTEs `cage.staff_login` and its companions.

Every SECURITY DEFINER function is handed to `<prefix>_api_owner`, a role no one logs in
as, with only the privileges the API uses (`api_owner.py`).

Run as the schema owner after every `db upgrade`: grants are set, not added, so a second
run gives the same result, and tables a later migration adds get their grants then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from . import catalog_snapshot

from ..domain.errors import InvalidInput

BALANCE_COLUMNS = ("balance", "current_credit", "credit_limit", "credit_approved",
                   "total_deposits", "total_withdrawals", "last_hash")


@dataclass(frozen=True)
class TableGrant:
    """What one role may do to one table; `update` lists the only columns it may change."""

    select: bool = True
    insert: bool = False
    delete: bool = False
    update: tuple[str, ...] = ()
    # SELECT on these columns only (instead of the whole table): e.g. staff without pin_hash.
    select_columns: tuple[str, ...] = ()


TERMINAL: dict[str, TableGrant] = {
    # Money, shifts and credit decisions move only through the posting API (schema `cage`,
    # migration 0010): a terminal login reads these tables and writes none of them.
    "players": TableGrant(),
    # PIN verifiers and lockouts live in cage.staff_auth (0009): no login role reads or
    # writes them; cage.staff_login is the only way a counter changes.
    "staff": TableGrant(),
    "shifts": TableGrant(),
    "ledger_transactions": TableGrant(),
    "credit_requests": TableGrant(),
    "audit_log": TableGrant(insert=True),
    "mtl_entries": TableGrant(),
    "balance_events": TableGrant(),
    "outbox_sleepers": TableGrant(insert=True, delete=True, update=("name", "since")),  # LISTEN consumers
    "alembic_version": TableGrant(),
    # cage operations (migration 0013): written only by cage.exchange / grant_temporary_credit / _post
    "fx_exchanges": TableGrant(),
    "temporary_credit_lines": TableGrant(),
    "markers": TableGrant(),
    "marker_allocations": TableGrant(),
    # identification on file (migration 0016): which document a posting used (ids only);
    # the documents themselves only through cage.id_documents_of / id_document_image
    "id_document_uses": TableGrant(),
    # handover, fills and credits (migration 0019): written only by cage.handover_shift / bank_transfer
    "shift_handovers": TableGrant(),
    "handover_requests": TableGrant(),  # a handover's id (0024)
    "shift_foreign_counts": TableGrant(),  # foreign cash counted at handover and close (0032)
    "bank_balances": TableGrant(),
    "bank_transfers": TableGrant(),
    # Monitoring (migrations 0005, 0011): read only. A terminal reports through
    # cage.terminal_heartbeat / cage.note_refused_posting (which stamp its login) and
    # resolves alerts through cage.adopt/revert_player_change and cage.dismiss_alert.
    "terminal_heartbeats": TableGrant(),
    "feed_acks": TableGrant(),
    "refused_postings": TableGrant(),
    "integrity_runs": TableGrant(),
    "integrity_alerts": TableGrant(),
    "integrity_alert_evidence": TableGrant(),
    "monitor_cursors": TableGrant(),
    "watch_hourly": TableGrant(),
}
MONITOR: dict[str, TableGrant] = {  # the integrity watch: reads the ledger, raises alerts
    "players": TableGrant(),
    "ledger_transactions": TableGrant(),
    "balance_events": TableGrant(),
    "outbox_sleepers": TableGrant(insert=True, delete=True, update=("name", "since")),  # LISTEN consumers
    "staff": TableGrant(select_columns=("id", "name", "role", "active", "approval_limit",
                                        "failed_attempts", "locked_until", "created_at")),
    "audit_log": TableGrant(),
    # Alerts: raised once; later evidence is appended; only the announcement is marked.
    "integrity_alerts": TableGrant(insert=True, update=("announced_at",)),
    "integrity_alert_evidence": TableGrant(insert=True),
    "outbox_deletions": TableGrant(),
    "monitor_cursors": TableGrant(insert=True, update=("last_id", "gaps", "updated_at")),
    "watch_hourly": TableGrant(insert=True, update=("events", "checks", "discrepant")),
    "integrity_runs": TableGrant(insert=True, update=(
        "finished_at", "players_total", "players_failing", "findings_count", "clean", "findings", "error")),
    "terminal_heartbeats": TableGrant(),
    "feed_acks": TableGrant(),
    "refused_postings": TableGrant(),
    "alembic_version": TableGrant(),
    "fx_exchanges": TableGrant(),
    "temporary_credit_lines": TableGrant(),
    "markers": TableGrant(),
    "marker_allocations": TableGrant(),
    "id_document_uses": TableGrant(),
    "shift_handovers": TableGrant(),
    "handover_requests": TableGrant(),  # a handover's id (0024)
    "bank_balances": TableGrant(),
    "bank_transfers": TableGrant(),
}
RELAY: dict[str, TableGrant] = {
    # Claim, mark and prune only through cage.relay_* (migration 0011): no UPDATE or DELETE,
    # so no row lock of its own choosing and no LOCK TABLE beyond ACCESS SHARE.
    "balance_events": TableGrant(),
    "players": TableGrant(),
    "outbox_sleepers": TableGrant(insert=True, delete=True, update=("name", "since")),  # LISTEN consumers
}
STAFF_ADMIN: dict[str, TableGrant] = {  # on top of everything the terminal role has
    # staff are added, disabled and re-PINned only through cage.staff_add / staff_set_active /
    # staff_reset_pin, which check a supervisor's session (migration 0009)
    "staff": TableGrant(),
}
GROUPS: dict[str, dict[str, TableGrant]] = {"terminal": TERMINAL, "relay": RELAY, "monitor": MONITOR,
                                            "staff_admin": STAFF_ADMIN}
# Tables no group may touch (none today); listed so that `unclassified_tables` is exact.
NO_ACCESS: set[str] = {"relay_claims", "feed_tokens",
                       "posting_notes",  # read through cage.drawer_holding (blind counts) and one posting's through cage.posting_notes
                       "drawer_cash",  # a drawer's expected holding (0023): blind counts
                       "exchange_notes",  # an exchange's foreign notes (0031): cage.drawer_foreign_holding
                       # ID numbers and images (0016): a staff session reads one player's
                       # through cage.id_documents_of / id_document_image (each image view audited)
                       "player_id_documents"}
# The database API (schema `cage`, SECURITY DEFINER) each group may call.
FUNCTIONS: dict[str, tuple[str, ...]] = {
    "terminal": (
        # staff sessions (migration 0009, H1's; listed here so the corrections can be tested)
        "cage.staff_login(text, text, text, text)", "cage.session_staff(uuid)", "cage.staff_logout(uuid)",
        "cage.terminal_heartbeat(text, varchar, integer, text, double precision, text, text[], bigint[], timestamptz[])",
        "cage.note_refused_posting(text, text, text, uuid, text, varchar, numeric, text, varchar, text)",
        "cage.terminal_refused_entries(text, integer)",  # migration 0020
        "cage.adopt_player_change(uuid, bigint, uuid, text, text, text)",
        "cage.revert_player_change(uuid, bigint, text, text)",
        "cage.dismiss_alert(uuid, bigint, text, text)",
        "cage.feed_token()",  # proves this login to the relay host's feed auth endpoint
    ),
    "relay": ("cage.relay_claim(integer)", "cage.relay_mark_published(bigint[])",
              "cage.relay_prune(integer, integer)", "cage.feed_token_login(uuid)"),
    "monitor": (),
    "staff_admin": (),
}
# Public functions no login may call: they trust a staff id argument (the cage.* wrappers
# above authenticate the supervisor's session and call them as their owner).
OWNER_ONLY_FUNCTIONS = ("adopt_player_change(bigint, uuid, varchar, text, text, text)",
                        "revert_player_change(bigint, varchar, text, text)",
                        "_open_alert_for_correction(bigint)")
_IDENT = re.compile(r"^[a-z_][a-z0-9_]{0,47}$")
# Trigger functions that write where the invoking role may not: they run as their owner.
DEFINER_FUNCTIONS = ("players_outbox()",)


def role_name(prefix: str, group: str) -> str:
    if not _IDENT.match(prefix) or group not in GROUPS:
        raise InvalidInput(f"“{prefix}” is not a usable role prefix (lower-case letters, digits, _).")
    return f"{prefix}_{group}"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _tables(conn: Connection) -> set[str]:
    return set(conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars())


def _columns(conn: Connection, table: str, schema: str = "public") -> set[str]:
    """The table's columns, from create-roles' snapshot or the catalog (information_schema
    costs ~20× more)."""
    snapshot = catalog_snapshot.current(conn)
    if snapshot is not None:
        return set(snapshot.columns.get((schema, table), ()))
    return set(conn.execute(text("""SELECT a.attname FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = :s AND c.relname = :t AND a.attnum > 0 AND NOT a.attisdropped"""),
        {"s": schema, "t": table}).scalars())


def _owned_sequences(conn: Connection, table: str) -> list[str]:
    snapshot = catalog_snapshot.current(conn)
    if snapshot is not None:
        return [name for schema, name in snapshot.sequences.get(("public", table), ()) if schema == "public"]
    return list(conn.execute(text("""
        SELECT s.relname FROM pg_class s
        JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
        JOIN pg_class t ON t.oid = d.refobjid
        WHERE s.relkind = 'S' AND t.relname = :t AND t.relnamespace = 'public'::regnamespace"""),
        {"t": table}).scalars())


def unclassified_tables(engine: Engine) -> list[str]:
    """Tables of the schema that no group's grants mention: a migration added them and
    this module was not told what each program may do with them."""
    known = set().union(*GROUPS.values()) | NO_ACCESS
    with engine.connect() as conn:
        return sorted(_tables(conn) - known)


def _ensure_role(conn: Connection, name: str) -> bool:
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    if not exists:
        conn.exec_driver_sql(f"CREATE ROLE {_q(name)} NOLOGIN")
    return not exists


def _grant_tables(conn: Connection, role: str, grants: dict[str, TableGrant], tables: set[str]) -> list[str]:
    notes = []
    for table, g in sorted(grants.items()):
        if table not in tables:
            continue
        privs = [p for p, on in (("SELECT", g.select and not g.select_columns), ("INSERT", g.insert),
                                 ("DELETE", g.delete)) if on]
        if g.select_columns:
            present = _columns(conn, table)
            cols = [c for c in g.select_columns if c in present]
            conn.exec_driver_sql(f"GRANT SELECT ({', '.join(_q(c) for c in cols)}) "
                                 f"ON TABLE {_q(table)} TO {_q(role)}")
        if privs:
            conn.exec_driver_sql(f"GRANT {', '.join(privs)} ON TABLE {_q(table)} TO {_q(role)}")
        if g.update:
            present = _columns(conn, table)
            cols = [c for c in g.update if c in present]
            missing = sorted(set(g.update) - present)
            if missing:
                notes.append(f"note: {table} has no column(s) {', '.join(missing)}; not granted")
            if cols:
                conn.exec_driver_sql(f"GRANT UPDATE ({', '.join(_q(c) for c in cols)}) "
                                     f"ON TABLE {_q(table)} TO {_q(role)}")
        if g.insert:
            for seq in _owned_sequences(conn, table):
                conn.exec_driver_sql(f"GRANT USAGE ON SEQUENCE {_q(seq)} TO {_q(role)}")
    return notes


# The posting API (schema `cage`, migration 0010) a terminal login may call; everything
# else in `cage` (its tables, `_post`) only the functions themselves reach.
TERMINAL_API = ("bound_terminal", "offline_allowance", "post", "replay_offline", "open_shift", "close_shift", "signoff_shift",
                "request_credit", "decide_credit",
                # cage operations (migration 0013)
                "exchange", "set_fx_rate", "fx_rate_at", "shift_foreign_cash", "set_authority_limit",
                "grant_temporary_credit", "effective_credit_limit", "credit_history", "player_markers",
                "marker_aging", "markers_due", "post_with_notes", "drawer_holding",
                # identification on file, denominations, exchange reversal (migration 0016)
                "add_id_document", "id_documents_of", "id_document_image", "currency_denominations",
                "reverse_exchange",
                # the screens' reads of them (migration 0018)
                "fx_rates_in_force", "authority_limits_in_force",
                # handover, fills and credits, accountability (migration 0019)
                "handover_shift", "bank_transfer", "accountability",
                # a posting taken offline with its notes (migration 0022)
                "replay_offline_with_notes",
                # one posting's notes, for its receipt read back from the ledger (migration 0026)
                "posting_notes",
                # the cheques the cage takes per currency, beside its chips (migration 0030)
                "currency_cheques",
                # an exchange's foreign notes, a drawer's foreign holding by note (migration 0031)
                "exchange_with_notes", "drawer_foreign_holding",
                # the drawers' foreign cash in the cage's accountability (migration 0034)
                "foreign_accountability")


def _grant_api(conn: Connection, names: dict[str, str], database: str) -> list[str]:
    """EXECUTE on the terminal's API functions; no temporary tables for anyone (a TEMP
    table named like a real one could shadow it in a function without a pinned path)."""
    conn.exec_driver_sql(f"REVOKE TEMPORARY ON DATABASE {_q(database)} FROM PUBLIC")
    for role in names.values():
        conn.exec_driver_sql(f"REVOKE TEMPORARY ON DATABASE {_q(database)} FROM {_q(role)}")
    if conn.execute(text("SELECT to_regnamespace('cage')")).scalar() is None:
        return ["note: no schema cage (run `db upgrade`); no API granted"]
    for role in names.values():
        conn.exec_driver_sql(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA cage FROM {_q(role)}")
    terminal = names["terminal"]
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA cage TO {_q(terminal)}")
    procs = conn.execute(text("""SELECT p.oid::regprocedure::text FROM pg_proc p
        WHERE p.pronamespace = 'cage'::regnamespace AND p.proname = ANY(:n)"""),
        {"n": list(TERMINAL_API)}).scalars().all()
    for proc in procs:
        conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {proc} TO {_q(terminal)}")
    from .api_tables import sync_rights
    sync_rights(conn)  # the permission matrix the API enforces = domain/roles.py
    return []


# Staff authentication (schema `cage`, migration 0009): what each group may EXECUTE.
STAFF_AUTH_API: dict[str, tuple[str, ...]] = {
    "terminal": ("staff_login", "session_staff", "staff_logout", "staff_locks"),
    "staff_admin": ("staff_add", "staff_set_active", "staff_reset_pin"),
}


def _grant_staff_auth(conn: Connection, names: dict[str, str]) -> None:
    """EXECUTE on the staff-authentication functions (after any REVOKE on schema `cage`).
    The PBKDF2 helper, the verifier table and `owner_set_pin` stay the owner's."""
    if conn.execute(text("SELECT to_regnamespace('cage')")).scalar() is None:
        return
    for group, functions in STAFF_AUTH_API.items():
        role = names[group]
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA cage TO {_q(role)}")
        procs = conn.execute(text("""SELECT p.oid::regprocedure::text FROM pg_proc p
            WHERE p.pronamespace = 'cage'::regnamespace AND p.proname = ANY(:n)"""),
            {"n": list(functions)}).scalars().all()
        for proc in procs:
            conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {proc} TO {_q(role)}")


def _grant_detection(conn: Connection, names: dict[str, str]) -> None:
    """EXECUTE on the detection API (migration 0011: telemetry, corrections, the relay's
    outbox functions, feed tokens); the old corrections that trust a staff id for no one.
    Adds only: run it after whatever revokes the schema's functions first."""
    has_cage = conn.execute(text("SELECT to_regnamespace('cage')")).scalar() is not None
    for group, role in names.items():
        for fn in OWNER_ONLY_FUNCTIONS:
            if conn.execute(text("SELECT to_regprocedure(:f)"), {"f": fn}).scalar() is not None:
                conn.exec_driver_sql(f"REVOKE EXECUTE ON FUNCTION {fn} FROM {_q(role)}")
        if not has_cage or not FUNCTIONS.get(group):
            continue
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA cage TO {_q(role)}")
        for fn in FUNCTIONS[group]:
            if conn.execute(text("SELECT to_regprocedure(:f)"), {"f": fn}).scalar() is not None:
                conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {fn} TO {_q(role)}")


def create_roles(engine: Engine, *, prefix: str = "cashier") -> list[str]:
    """Create (or refresh) the group roles and their grants; returns report lines.

    Must run as the owner of the schema with CREATEROLE (or as a superuser).
    """
    names = {g: role_name(prefix, g) for g in GROUPS}
    report: list[str] = []
    with engine.begin() as conn:
        # Role creation races between two admins are settled by one lock.
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7217002)")
        conn.info[catalog_snapshot.KEY] = catalog_snapshot.read(conn, ("public", "cage"))
        batched = _Batched(conn)
        try:
            report += _create_roles(batched, names, prefix)  # type: ignore[arg-type]
            batched.flush()
        finally:
            conn.info.pop(catalog_snapshot.KEY, None)
    return report


class _Batched:
    """A connection whose parameterless statements (GRANT, REVOKE, ALTER …) are queued and sent
    together, as one simple-protocol query, before the next read or at the end: create-roles
    is some four hundred of them, each otherwise a round trip. A read sees every statement
    queued before it, so the order of effects is the code's order."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._queued: list[str] = []

    def exec_driver_sql(self, sql: str, *params) -> None:
        if params:
            self.flush()
            self._conn.exec_driver_sql(sql, *params)
        else:
            self._queued.append(sql)

    def flush(self) -> None:
        if self._queued:
            statements, self._queued = self._queued, []
            self._conn.exec_driver_sql(";\n".join(statements))

    def execute(self, *args, **kw):
        self.flush()
        return self._conn.execute(*args, **kw)

    def __getattr__(self, name: str):
        self.flush()
        return getattr(self._conn, name)


def _create_roles(conn: Connection, names: dict[str, str], prefix: str) -> list[str]:
    """create_roles' work, inside its transaction and with its catalog snapshot."""
    report: list[str] = []
    tables = _tables(conn)
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    for group, role in names.items():
        created = _ensure_role(conn, role)
        # Set, not add: start from nothing on every table, sequence and function.
        conn.exec_driver_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {_q(role)}")
        conn.exec_driver_sql(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {_q(role)}")
        conn.exec_driver_sql(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM {_q(role)}")
        conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {_q(database)} TO {_q(role)}")
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {_q(role)}")
        report.append(f"{'created' if created else 'refreshed'} role {role}")
    conn.exec_driver_sql(f"GRANT {_q(names['terminal'])} TO {_q(names['staff_admin'])}")
    for group, role in names.items():
        report += _grant_tables(conn, role, GROUPS[group], tables)
    for group in ("terminal", "monitor"):
        conn.exec_driver_sql(f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO {_q(names[group])}")
    report += _grant_api(conn, names, database)
    _grant_staff_auth(conn, names)
    _grant_detection(conn, names)  # after the REVOKE on schema cage in _grant_api
    # Nobody but the owner creates objects in the schema (the PostgreSQL 15 default).
    conn.exec_driver_sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    # The outbox trigger inserts into balance_events, which terminals may not write:
    # it runs as its owner, and the row names the connected login (session_user).
    for fn in DEFINER_FUNCTIONS:
        if conn.execute(text("SELECT to_regprocedure(:f)"), {"f": fn}).scalar() is not None:
            conn.exec_driver_sql(f"ALTER FUNCTION {fn} SECURITY DEFINER SET search_path = public, pg_temp")
    from .api_owner import hand_api_to_owner
    report += hand_api_to_owner(conn, prefix)  # after every definer function is made
    if "balance_events" in tables and "changed_by" in _columns(conn, "balance_events"):
        conn.exec_driver_sql("ALTER TABLE balance_events ALTER COLUMN changed_by SET DEFAULT session_user")
    unknown = sorted(tables - set().union(*GROUPS.values()) - NO_ACCESS)
    for t in unknown:
        report.append(f"warning: table {t} is in no role's grants (cashier_desktop/ledger/roles.py); "
                      "no role but the owner can use it")
    if "audit_log" in tables:
        conn.execute(text("""INSERT INTO audit_log (action, detail)
            VALUES ('db.create_roles', jsonb_build_object('roles', CAST(:r AS text)))"""),
            {"r": ", ".join(names.values())})
    return report


def add_login(engine: Engine, name: str, group: str, password: str, *, prefix: str = "cashier",
              terminal_id: str | None = None, offline_limit=None, offline_total=None) -> None:
    """Create (or update) LOGIN role `name` as a member of the group role.

    A terminal login is bound to `terminal_id`: the posting API takes the terminal of every
    posting and shift from the login, never from an argument; an unbound terminal login
    can read but not post (the CLI requires --terminal-id for the terminal group).

    The password is hashed (SCRAM-SHA-256) here, so it never reaches the server's log.
    """
    if not _IDENT.match(name):
        raise InvalidInput(f"“{name}” is not a usable login name (lower-case letters, digits, _).")
    group_role = role_name(prefix, group)
    with engine.begin() as conn:
        if not conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": group_role}).first():
            raise InvalidInput(f"There is no role {group_role}; run `cashier-desktop db create-roles` first.")
        raw = conn.connection.driver_connection
        verifier = raw.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256").decode()
        literal = "'" + verifier.replace("'", "''") + "'"
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
        verb = "ALTER" if exists else "CREATE"
        conn.exec_driver_sql(f"{verb} ROLE {_q(name)} LOGIN PASSWORD {literal}")
        conn.exec_driver_sql(f"GRANT {_q(group_role)} TO {_q(name)}")
        for other in GROUPS:
            if other != group:
                conn.exec_driver_sql(f"REVOKE {_q(role_name(prefix, other))} FROM {_q(name)}")
        if terminal_id is not None:
            if group not in ("terminal", "staff_admin") or not terminal_id.strip():
                raise InvalidInput("Only a terminal login is bound to a terminal (--terminal-id T1).")
            from .api_tables import bind_terminal
            bind_terminal(conn, name, terminal_id.strip(), offline_limit=offline_limit,
                          offline_total=offline_total)
