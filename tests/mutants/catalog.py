"""The curated mutants: each breaks one invariant that protects money or evidence.

Snippets must occur exactly once in their file (else the run reports the mutant *stale*
and fails). Tests are node ids relative to the repository root; keep them to the few that
guard the invariant, so that a run stays well under 20 minutes.
"""

from __future__ import annotations

from .model import Mutant

# --- where things live --------------------------------------------------------------
COMMANDS = "cashier_desktop/domain/commands.py"
POLICY = "cashier_desktop/domain/policy.py"
POSTING = "cashier_desktop/ledger/posting.py"
ROLES = "cashier_desktop/ledger/roles.py"
API_OWNER = "cashier_desktop/ledger/api_owner.py"
M0001 = "cashier_desktop/ledger/migrations/versions/0001_ledger_core.py"
M0002 = "cashier_desktop/ledger/migrations/versions/0002_staff_controls.py"
M0010 = "cashier_desktop/ledger/migrations/versions/0010_posting_api.py"
M0013 = "cashier_desktop/ledger/migrations/versions/0013_cage_operations.py"
M0018 = "cashier_desktop/ledger/migrations/versions/0018_counter_screens.py"
M0019 = "cashier_desktop/ledger/migrations/versions/0019_handover_and_transfers.py"
M0021 = "cashier_desktop/ledger/migrations/versions/0021_shift_owner_posts.py"
M0022 = "cashier_desktop/ledger/migrations/versions/0022_notes_at_the_counter.py"
M0023 = "cashier_desktop/ledger/migrations/versions/0023_drawer_never_negative.py"
M0024 = "cashier_desktop/ledger/migrations/versions/0024_handover_once.py"
M0029 = "cashier_desktop/ledger/migrations/versions/0029_authority_for_every_kind.py"
M0031 = "cashier_desktop/ledger/migrations/versions/0031_foreign_notes.py"
M0032 = "cashier_desktop/ledger/migrations/versions/0032_foreign_cash_counted.py"
M0033 = "cashier_desktop/ledger/migrations/versions/0033_signoff_names_foreign_variance.py"
M0034 = "cashier_desktop/ledger/migrations/versions/0034_foreign_cash_accountable.py"
M0035 = "cashier_desktop/ledger/migrations/versions/0035_accountability_reads_drawer_rows.py"
T_FOREIGN_ACCOUNT = "tests/security/test_foreign_accountability.py"
CASH_REPORTS = "cashier_desktop/ledger/cash_reports.py"
CHAIN = "cashier_desktop/journal/chain.py"
STORE = "cashier_desktop/journal/store.py"
OWNERS = "cashier_desktop/journal/owners.py"
REPLAY = "cashier_desktop/journal/replay.py"
JOURNALED = "cashier_desktop/terminal/journaled.py"
ONLINE = "cashier_desktop/terminal/online.py"
AUTHORIZE = "cashier_desktop/terminal/authorize.py"

# --- the tests that guard them --------------------------------------------------------
T_COMMANDS = "tests/unit/test_commands.py"
T_POLICY = "tests/unit/test_policy.py"
T_OFFLINE = "tests/unit/test_offline_policy.py"
T_ALLOWANCE = "tests/security/test_offline_allowance.py"
T_IDEM = "tests/integration/test_idempotency.py"
T_POSTINGS = "tests/integration/test_postings.py"
T_MODEL = "tests/integration/test_ledger_model.py"
T_TAMPER = "tests/integration/test_tampering.py"
T_DUAL = "tests/integration/test_dual_control.py"
T_PERM = "tests/integration/test_permissions.py"
T_ROLES = "tests/integration/test_db_roles.py"
T_CANNOT = "tests/security/test_threat_model_cannot.py"
T_API_OWNER = "tests/security/test_api_owner.py"
T_API_OWNER_SO = "tests/security/test_api_owner_schema_owner.py"
T_JOURNAL = "tests/integration/test_journal.py"
T_CLAIMS = "tests/integration/test_journal_claims.py"
T_REPLAY = "tests/integration/test_replay.py"
T_CREDIT = "tests/integration/test_credit_requests.py"
T_SHIFTS = "tests/integration/test_shifts.py"
T_IN_DOUBT = "tests/integration/test_in_doubt_answers.py"
T_FX = "tests/security/test_cage_exchange.py"
T_AUTHORITY = "tests/security/test_cage_authority.py"
T_AUTHORITY_ALL = "tests/security/test_cage_authority_every_kind.py"
T_CREDIT_LINES = "tests/security/test_cage_credit_lines.py"
T_NOTES = "tests/security/test_cage_drawer_notes.py"
M0016 = "cashier_desktop/ledger/migrations/versions/0016_id_on_file_and_denominations.py"
T_IDFILE = "tests/security/test_cage_id_on_file.py"
T_FX_REV = "tests/security/test_cage_exchange_reversal.py"
T_DENOM = "tests/security/test_cage_denominations.py"
T_HANDOVER = "tests/security/test_cage_handover.py"
T_TRANSFERS = "tests/security/test_cage_transfers.py"
T_SHIFT_OWNER = "tests/security/test_cage_shift_owner.py"
T_DRAWER = "tests/security/test_drawer_never_negative.py"


def _fp_drop(mid: str, *fields: str, why: str) -> Mutant:
    pops = "; ".join(f'body.pop("{f}")' for f in fields)
    return Mutant(mid, COMMANDS, 'body.pop("shift_id")', f'body.pop("shift_id"); {pops}', why, (T_COMMANDS,))


MUTANTS: list[Mutant] = [
    # -- idempotency: same id + different request = conflict ---------------------------
    _fp_drop("fp-approver-reason", "approver_id", "reason",
             why="the idempotency fingerprint covers the approver and the reason"),
    _fp_drop("fp-reverses", "reverses_id", why="the fingerprint covers which posting a reversal reverses"),
    _fp_drop("fp-currency", "currency", why="the fingerprint covers the currency"),
    _fp_drop("fp-amount", "amount", why="the fingerprint covers the amount"),
    _fp_drop("fp-id-number", "id_number", why="the fingerprint covers the player's ID number"),
    Mutant("fp-keeps-shift", COMMANDS, 'body.pop("shift_id")', 'pass',
           "a journal entry replayed after its shift changed is the same request (shift left out)",
           (T_COMMANDS,)),
    Mutant("idem-conflict-ignored", POSTING, 'if row._mapping["request_hash"] != cmd.request_hash():',
           "if False:", "the ledger refuses a known id with a different request (IdempotencyConflict)",
           (T_IDEM,)),
    Mutant("idem-journal-conflict-ignored", JOURNALED, "if e.command.request_hash() != cmd.request_hash():",
           "if False:", "the terminal refuses a journaled id reused for a different request",
           (T_IDEM, T_REPLAY)),

    # -- ledger guards and CHECKs (the migrations, run by every test database) -----------
    Mutant("check-balance-not-negative", M0001, "CONSTRAINT balance_not_negative CHECK (balance >= 0),",
           "CONSTRAINT balance_not_negative CHECK (balance >= -1000000),",
           "the database itself keeps a player's cash balance at or above zero", (T_TAMPER,)),
    Mutant("check-credit-within-limit", M0001,
           "CHECK (current_credit >= 0 AND current_credit <= credit_limit)", "CHECK (current_credit >= 0)",
           "the database itself keeps drawn credit within the limit", (T_TAMPER,)),
    Mutant("check-amount-not-negative", M0001, "amount            numeric(14,2) NOT NULL CHECK (amount >= 0),",
           "amount            numeric(14,2) NOT NULL,", "a ledger row's amount is never negative",
           (T_TAMPER, T_MODEL)),
    Mutant("ledger-update-allowed", M0001,
           "CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger_transactions",
           "CREATE TRIGGER ledger_append_only BEFORE DELETE ON ledger_transactions",
           "ledger rows are append-only, even for the owner", (T_TAMPER,)),
    Mutant("audit-update-allowed", M0001, "CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_log",
           "CREATE TRIGGER audit_append_only BEFORE DELETE ON audit_log",
           "the audit log is append-only, even for the owner", (T_TAMPER,)),
    Mutant("reversed-twice", M0001, "CREATE UNIQUE INDEX ledger_reversed_once", "CREATE INDEX ledger_reversed_once",
           "a posting is reversed at most once", (T_TAMPER, T_POSTINGS)),
    Mutant("guard-cash", M0010, "    IF pl.balance + v_cash < 0 THEN\n", "    IF false THEN\n",
           "a posting never takes cash below zero (guarded UPDATE, refused with a sentence)", (T_POSTINGS,)),
    Mutant("guard-credit-limit", M0010,
           "    IF pl.current_credit + v_credit > v_limit THEN\n", "    IF false THEN\n",
           "a marker never draws beyond the credit limit (guarded UPDATE, refused with a sentence)",
           (T_POSTINGS,)),
    Mutant("guard-credit-approved", M0010, "    IF p_kind = 'marker_issue' AND NOT pl.credit_approved THEN\n",
           "    IF false THEN\n", "a marker needs an approved credit line", (T_POSTINGS,)),
    Mutant("guard-marker-overpaid", M0010, "    IF pl.current_credit + v_credit < 0 THEN\n", "    IF false THEN\n",
           "a marker redemption never pays back more than is owed", (T_POSTINGS, T_TAMPER)),
    # ledger_check_controls(), the trigger that refuses a row written around cage.post: 0002
    # and 0007 wrote it first, but 0010's CREATE OR REPLACE is the one that runs, so these
    # mutants point there (a mutant of the replaced text changed nothing and survived).
    Mutant("db-approver-is-issuer", M0010, "AND NEW.approver_id = NEW.staff_id THEN", "AND false THEN",
           "the database refuses an approver who is the issuer", (T_DUAL, T_PERM)),
    Mutant("db-disabled-approver", M0010, "IF NOT a.active THEN", "IF false THEN",
           "the database refuses an approval by a disabled staff member", (T_DUAL, T_PERM)),
    Mutant("db-correction-needs-supervisor", M0010,
           "IF NEW.kind IN ('reversal', 'adjust_in', 'adjust_out') AND a.role <> 'supervisor' THEN",
           "IF false THEN", "only a supervisor approves a correction (in the database)", (T_DUAL, T_PERM)),
    Mutant("db-approval-limit", M0010, "AND NEW.amount > a.approval_limit THEN", "AND false THEN",
           "a floor manager cannot approve a credit line above their authority (in the database)",
           (T_DUAL, T_PERM, T_CREDIT)),
    Mutant("db-shift-closed", M0010, "IF s.status <> 'open' THEN", "IF false THEN",
           "nothing posts into a closed shift", (T_SHIFTS,)),
    Mutant("db-approver-required", M0010,
           "IF NEW.kind IN ('reversal', 'adjust_in', 'adjust_out', 'credit_line') THEN", "IF false THEN",
           "a correction or credit line without an approver is refused by the database", (T_PERM, T_DUAL)),
    Mutant("db-credit-decider-is-requester", M0002, "CHECK (decided_by IS NULL OR decided_by <> requested_by);",
           "CHECK (true);", "a credit request is decided by someone other than its requester", (T_CREDIT,)),

    # -- the ledger's hash chain -----------------------------------------------------------
    Mutant("ledger-digest-no-amount", M0001, "concat_ws('|', prev, id::text, player, kind, amount::text,",
           "concat_ws('|', prev, id::text, player, kind,", "the ledger hash covers the amount", (T_TAMPER,)),
    Mutant("ledger-digest-no-prev", M0001, "concat_ws('|', prev, id::text, player, kind, amount::text,",
           "concat_ws('|', id::text, player, kind, amount::text,",
           "the ledger hash chains each row to the one before it", (T_TAMPER,)),
    Mutant("ledger-digest-no-time", M0001, "coalesce(id_number, ''), extract(epoch FROM created)::text)",
           "coalesce(id_number, ''))", "the ledger hash covers the row's time", (T_TAMPER,)),
    Mutant("ledger-digest-no-reason", M0001, "coalesce(reverses::text, ''), coalesce(reason, ''),",
           "coalesce(reverses::text, ''),", "the ledger hash covers a correction's reason", (T_TAMPER,)),
    Mutant("ledger-verify-blind", M0001, "FROM chained c WHERE c.hash <> c.expect", "FROM chained c WHERE false",
           "verify_ledger_chain reports a row whose hash does not match", (T_TAMPER,)),

    # -- the journal's hash chain ------------------------------------------------------------
    Mutant("journal-hash-no-at", CHAIN, 'raw = "\\x1f".join((prev_hash, entry_id, rtype, at, body))',
           'raw = "\\x1f".join((prev_hash, entry_id, rtype, body))',
           "the journal's record hash covers the record's time", (T_JOURNAL,)),
    Mutant("journal-hash-no-type", CHAIN, 'raw = "\\x1f".join((prev_hash, entry_id, rtype, at, body))',
           'raw = "\\x1f".join((prev_hash, entry_id, at, body))',
           "the journal's record hash covers the record's type", (T_JOURNAL,)),
    Mutant("journal-hash-no-body", CHAIN, 'raw = "\\x1f".join((prev_hash, entry_id, rtype, at, body))',
           'raw = "\\x1f".join((prev_hash, entry_id, rtype, at))',
           "the journal's record hash covers the record's content", (T_JOURNAL,)),
    Mutant("journal-hash-no-prev", CHAIN, 'raw = "\\x1f".join((prev_hash, entry_id, rtype, at, body))',
           'raw = "\\x1f".join((entry_id, rtype, at, body))',
           "the journal's record hash chains to the record before it", (T_JOURNAL,)),
    Mutant("journal-verify-blind", CHAIN, "if record_hash(prev_hash, entry_id, rtype, at, body) != stored:",
           "if False:", "verify names a record whose hash does not match", (T_JOURNAL,)),
    Mutant("journal-refused-then-posted", CHAIN, "(REJECTED, False): {RETRY},", "(REJECTED, False): {RETRY, POSTED},",
           "a certain refusal is final: no posted record may follow it", (T_JOURNAL, T_REPLAY)),

    # -- journal claims: one answer per posting ---------------------------------------------
    Mutant("claims-inflight-counted-queued", STORE,
           "return sum(1 for (owner,) in rows if owner is None or not (owner == self.owner or is_alive(self.path, owner)))",
           "return len(rows)", "an entry a live process is sending right now is not counted as queued",
           (T_CLAIMS, T_REPLAY)),
    Mutant("claims-held-elsewhere-ignored", STORE,
           "return owner is not None and owner != self.owner and is_alive(self.path, owner)", "return False",
           "replay never touches an entry another live process holds", (T_CLAIMS, T_REPLAY)),
    Mutant("claims-dead-owner-kept", STORE,
           "return row[0] if row[0] == self.owner or is_alive(self.path, row[0]) else None", "return row[0]",
           "a dead process's claims are free at once", (T_CLAIMS, T_REPLAY)),
    Mutant("claims-intent-unclaimed", STORE,
           "                                                \"offline\": offline})\n            self._claim(str(cmd.id))\n",
           "                                                \"offline\": offline})\n",
           "the process that writes an intent claims it in the same transaction", (T_CLAIMS, T_REPLAY)),
    Mutant("owners-remote-claim-dead", OWNERS, "return True  # a journal on a shared folder", "return False  #",
           "a claim made from another machine is never taken for dead", (T_CLAIMS,)),
    Mutant("journaled-no-wait-for-other-sender", JOURNALED, "            e = self._await_other_sender(cmd)",
           "            pass", "a posting another live process is sending gets that process's answer",
           (T_IN_DOUBT, T_CLAIMS)),

    # -- replay's in-doubt handling ------------------------------------------------------------
    Mutant("replay-settles-too-early", REPLAY, "if (now - e.updated_at).total_seconds() < settle_after:",
           "if False:", "a broken send's refusal is confirmed only after its statement can no longer run",
           (T_REPLAY,)),
    Mutant("replay-found-ignored", REPLAY,
           '            if entry_id in found:\n                if journal.mark_posted(entry_id, found[entry_id], how="found"):',
           '            if False:\n                if journal.mark_posted(entry_id, found[entry_id], how="found"):',
           "an in-doubt refusal that the ledger has is recorded as posted", (T_REPLAY,)),
    Mutant("replay-refusal-not-flagged", REPLAY, "journal.mark_rejected_on_replay(e.id, exc.code, str(exc))",
           "journal.mark_rejected(e.id, exc.code, str(exc))",
           "a posting refused on replay (the cash already moved) is flagged for a supervisor", (T_REPLAY,)),
    Mutant("replay-busy-is-refusal", REPLAY, "except LedgerBusy as exc:  # rolled back, not refused: it stays pending",
           "except ZeroDivisionError as exc:", "a busy ledger on replay leaves the entry pending, not refused",
           (T_IN_DOUBT, T_REPLAY)),
    Mutant("journaled-in-doubt-told-refused", JOURNALED, 'if e.state == "rejected" and e.in_doubt:',
           "if False:", "an in-doubt entry is never answered 'refused' on a lookup", (T_IN_DOUBT, T_REPLAY)),
    Mutant("journaled-broken-send-refused", JOURNALED,
           'while it was being sent; the replay settles it by its id.", in_doubt=True)',
           'while it was being sent; the replay settles it by its id.", in_doubt=False)',
           "a send that failed unexpectedly is recorded in doubt, not refused", (T_IN_DOUBT, T_REPLAY)),
    Mutant("journaled-lost-connection-refused", JOURNALED,
           '"the replay settles it by its id.", in_doubt=True, backend_pid=cause.backend_pid)',
           '"the replay settles it by its id.", in_doubt=False, backend_pid=cause.backend_pid)',
           "a connection lost mid-send is recorded in doubt, not refused", (T_REPLAY,)),
    Mutant("replay-settles-while-the-statement-runs", "cashier_desktop/journal/replay.py",
           "return bool(gone(pid, started_before=recorded_at))", "return True",
           "an in-doubt refusal is settled early only once its server process is gone",
           ("tests/integration/test_in_doubt_answers.py",)),
    Mutant("replay-ends-another-terminals-transaction", "cashier_desktop/ledger/journal_port.py",
           "if xact_start > server_now - timedelta(seconds=age_before):",
           "if False:",
           "replay ends a server process only inside the broken send's own transaction, never another "
           "terminal's on a connection PgBouncer reused", ("tests/ops/test_pgbouncer_in_doubt.py",)),
    Mutant("replay-ends-a-transaction-it-cannot-tell-apart", "cashier_desktop/ledger/journal_port.py",
           "if xact_start > server_now - timedelta(seconds=age_after):", "if False:",
           "a transaction begun within a round trip of the break is neither ended nor taken for gone",
           ("tests/integration/test_in_doubt_answers.py",)),
    Mutant("pooler-process-id-taken-for-the-servers", "cashier_desktop/ledger/db.py",
           'if not fairy.info.get("server_pid_known", False):', "if False:",
           "behind a pooler the process id the login reported is not taken for the server process's",
           ("tests/ops/test_pgbouncer_in_doubt.py",)),
    Mutant("journaled-running-statement-refused", JOURNALED,
           "if found is None and not self.port.backend_gone(cause.backend_pid):", "if False:",
           "'not posted' is said only when the server process that ran the statement is gone",
           (T_REPLAY, "tests/e2e/test_crash_windows.py")),

    # -- offline caps -----------------------------------------------------------------------------
    Mutant("offline-deposit-cap", ONLINE, "if amount > self.deposit_cap:", "if amount > self.deposit_cap * 2:",
           "an offline deposit is within the per-transaction cap", (T_OFFLINE,)),
    Mutant("offline-shift-cap", ONLINE, "if taken_in_shift + amount > self.shift_cap:",
           "if amount > self.shift_cap:", "offline deposits in a shift stay within the shift cap", (T_OFFLINE,)),
    Mutant("offline-pending-withdrawals", ONLINE, "available = last_known_cash - pending_withdrawals",
           "available = last_known_cash", "offline withdrawals count those already pending", (T_OFFLINE,)),
    Mutant("offline-withdrawals-disabled", ONLINE, "if not self.withdrawals:", "if False:",
           "offline withdrawals are refused unless enabled", (T_OFFLINE,)),
    Mutant("offline-withdrawal-cap", ONLINE, "if amount > self.withdrawal_cap:", "if amount > self.withdrawal_cap * 2:",
           "an offline withdrawal is within its cap", (T_OFFLINE,)),
    Mutant("offline-login-allowance-per-posting", ONLINE, "if amount > self.limit:", "if amount > self.limit * 2:",
           "nothing is taken offline above the database login's per-posting allowance", (T_OFFLINE, T_ALLOWANCE)),
    Mutant("offline-login-allowance-per-shift", ONLINE, "if taken_in_shift + amount > self.total:",
           "if amount > self.total:", "offline postings in a shift stay within the login's per-shift allowance",
           (T_OFFLINE, T_ALLOWANCE)),
    Mutant("offline-login-allowance-not-learned", JOURNALED,
           "self.link.learn_allowance(self.port.offline_allowance())", "pass",
           "the terminal learns its login's offline allowance whenever it reaches the ledger", (T_ALLOWANCE,)),
    Mutant("offline-broken-send-outside-shift", JOURNALED,
           "self._record(self.journal.mark_offline, cmd.id, shift_id=cmd.shift_id)",
           "self._record(self.journal.mark_offline, cmd.id)",
           "a posting whose send broke counts in its shift's offline total, as the ledger counts it",
           (T_ALLOWANCE,)),

    # -- approval rules and ID thresholds -------------------------------------------------------------
    Mutant("policy-dual-control-boundary", POLICY, "amount >= policy.dual_control_threshold",
           "amount > policy.dual_control_threshold", "dual control starts AT the threshold", (T_POLICY,)),
    Mutant("policy-ctr-ignores-prior", POLICY, "if period_total > policy.ctr_threshold:",
           "if value > policy.ctr_threshold:", "ID is required when the period's total crosses the CTR threshold",
           (T_POLICY,)),
    Mutant("policy-mtl-ignores-day", POLICY, "logs_mtl = prior.day + value >= policy.mtl_threshold",
           "logs_mtl = value >= policy.mtl_threshold", "the MTL counts the gaming day's earlier cash",
           (T_POLICY,)),
    Mutant("policy-gaming-day-start", POLICY, "return (local - timedelta(hours=start_hour)).date()",
           "return local.date()", "before the start hour it is still yesterday's gaming day",
           (T_POLICY, "tests/integration/test_gaming_day.py")),
    Mutant("policy-shortage-no-signoff", POLICY, "return abs(variance) >= self.variance_threshold",
           "return variance >= self.variance_threshold", "a large shortage needs a sign-off, like an overage",
           (T_POLICY, T_SHIFTS)),
    Mutant("authorize-own-approval", AUTHORIZE,
           "if wanted == staff.id or (approver is not None and approver.id == staff.id):", "if False:",
           "the terminal refuses an approver who is the issuer (offline, its check is the only one)",
           (T_DUAL, f"{T_PERM}::test_the_matrix_holds_offline_too")),
    Mutant("authorize-credit-authority", AUTHORIZE, "if authority is not None and cmd.amount.amount > authority:",
           "if False:", "the terminal refuses a credit line above the approver's authority", (T_DUAL, T_CREDIT)),
    Mutant("authorize-other-staff-id", AUTHORIZE, "if cmd.staff_id != staff.id:", "if False:",
           "a posting is made only under the logged-in staff id", (T_DUAL, T_PERM)),
    Mutant("authorize-currency", AUTHORIZE, "if cmd.amount.currency != policy.currency:", "if False:",
           "a posting is in the cage's currency (offline, the terminal's check is the only one)",
           (f"{T_PERM}::test_offline_the_terminal_alone_refuses_another_currency", T_DUAL)),
    Mutant("authorize-disabled-staff", AUTHORIZE, "if rec is None or not rec.active:", "if rec is None:",
           "a disabled staff member cannot post or approve (the terminal's check, at the owner's services)",
           (f"{T_PERM}::test_the_terminal_itself_refuses_a_staff_member_disabled_since_login", T_DUAL)),
    Mutant("authorize-id-required", AUTHORIZE,
           "        if req.needs_identification and not _valid_document_on_file(services, staff, cmd.player_id):\n",
           "        if False:\n", "a posting over the CTR threshold needs the player's ID",
           (T_DUAL, T_PERM, "tests/integration/test_gaming_day.py")),

    # -- role grants as they stand today (ledger/roles.py) -----------------------------------------------
    Mutant("grant-terminal-staff-active-limit", ROLES,
           '"staff": TableGrant(),\n    "shifts": TableGrant(),',
           '"staff": TableGrant(update=("active", "approval_limit")),\n    "shifts": TableGrant(),',
           "a terminal cannot change staff `active` or `approval_limit`", (T_ROLES,)),
    Mutant("grant-terminal-staff-role", ROLES,
           '"staff": TableGrant(),\n    "shifts": TableGrant(),',
           '"staff": TableGrant(update=("role",)),\n    "shifts": TableGrant(),',
           "a terminal cannot change a staff member's role (PINs live in cage.staff_auth, no login's)",
           (T_ROLES,)),
    Mutant("grant-terminal-outbox", ROLES,
           '"mtl_entries": TableGrant(),\n    "balance_events": TableGrant(),',
           '"mtl_entries": TableGrant(),\n    "balance_events": TableGrant(insert=True, update=("published_at",)),',
           "a terminal cannot publish or hide outbox events", (T_ROLES,)),
    Mutant("grant-terminal-alerts", ROLES, '"integrity_alerts": TableGrant(),\n    "integrity_alert_evidence": TableGrant(),',
           '"integrity_alerts": TableGrant(insert=True),\n    "integrity_alert_evidence": TableGrant(),',
           "a terminal cannot write integrity alerts (it resolves them only through cage.* corrections)",
           (T_ROLES,)),
    Mutant("grant-terminal-cursor", ROLES, '"monitor_cursors": TableGrant(),\n    "watch_hourly": TableGrant(),\n}',
           '"monitor_cursors": TableGrant(update=("last_id", "updated_at")),\n    "watch_hourly": TableGrant(),\n}',
           "a terminal cannot move the watch's cursor", (T_ROLES,)),
    Mutant("grant-terminal-player-name", ROLES, '"players": TableGrant(),\n    # PIN verifiers',
           '"players": TableGrant(update=("name",)),\n    # PIN verifiers',
           "a terminal cannot rename a player", (T_ROLES,)),
    Mutant("grant-terminal-ledger-update", ROLES, '"ledger_transactions": TableGrant(),\n    "credit_requests": TableGrant(),',
           '"ledger_transactions": TableGrant(update=("amount",)),\n    "credit_requests": TableGrant(),',
           "a terminal cannot UPDATE ledger rows (refused by the grant, not only the trigger)", (T_ROLES,)),
    Mutant("grant-relay-players", ROLES,
           '"players": TableGrant(),\n    "outbox_sleepers": TableGrant(insert=True, delete=True, update=("name", "since")),  # LISTEN consumers\n}',
           '"players": TableGrant(update=("balance",)),\n    "outbox_sleepers": TableGrant(insert=True, delete=True, update=("name", "since")),  # LISTEN consumers\n}',
           "the relay cannot change a balance", (T_ROLES,)),
    Mutant("grant-monitor-resolves-alerts", ROLES, '"integrity_alerts": TableGrant(insert=True, update=("announced_at",)),',
           '"integrity_alerts": TableGrant(insert=True, update=("announced_at", "status", "resolved_by")),',
           "the watch raises alerts but cannot resolve them", (T_ROLES,)),
    Mutant("grant-terminal-credit-decision", ROLES,
           '"credit_requests": TableGrant(),\n    "audit_log": TableGrant(insert=True),',
           '"credit_requests": TableGrant(update=("status", "decided_by")),\n    "audit_log": TableGrant(insert=True),',
           "a terminal cannot decide a credit request by UPDATE (only through cage.decide_credit)", (T_CANNOT,)),
    Mutant("grant-staff-admin-approval-limit", ROLES, '"staff": TableGrant(),\n}\nGROUPS',
           '"staff": TableGrant(update=("approval_limit",)),\n}\nGROUPS',
           "a staff-admin login changes staff only through cage.staff_* with a supervisor's session",
           (T_CANNOT,)),

    # -- cage operations (migration 0013, issue 17) ------------------------------------------
    Mutant("fx-rate-lock", M0013, "WHERE f.code = p_currency FOR SHARE;", "WHERE f.code = p_currency;",
           "a rate change waits for an exchange in progress (and it for the change): never half applied",
           (f"{T_FX}::test_a_rate_changed_mid_posting_applies_wholly_or_not_at_all",
            f"{T_FX}::test_an_exchange_waits_for_a_rate_change_in_progress_and_then_uses_the_new_rate")),
    Mutant("fx-round-buy-down", M0013, "WHEN 'buy' THEN floor(p_foreign * p_rate * 100) / 100",
           "WHEN 'buy' THEN round(p_foreign * p_rate * 100) / 100",
           "when the cage pays out for foreign cash it rounds down to the paisa",
           (f"{T_FX}::test_the_inr_amount_is_rounded_to_the_paisa_in_the_cages_favour",)),
    Mutant("fx-round-sell-up", M0013, "ELSE ceil(p_foreign * p_rate * 100) / 100 END",
           "ELSE round(p_foreign * p_rate * 100) / 100 END",
           "when the cage is paid for foreign cash it rounds up to the paisa",
           (f"{T_FX}::test_the_inr_amount_is_rounded_to_the_paisa_in_the_cages_favour",)),
    Mutant("fx-quote-checked", M0013, "IF p_quoted_rate IS NOT NULL AND p_quoted_rate <> r.id THEN",
           "IF false THEN", "an exchange quoted at a rate that has since changed is refused",
           (f"{T_FX}::test_a_rate_changed_mid_posting_applies_wholly_or_not_at_all",)),
    Mutant("fx-exchange-counts-ledger-cash", M0013,
           "IF greatest(v_in_per, v_out_per) + v_fx_per > pol.ctr_threshold",
           "IF v_fx_per > pol.ctr_threshold",
           "an exchange's INR amount is added to the player's cash totals for the identification threshold",
           (f"{T_FX}::test_foreign_cash_counts_toward_the_identification_threshold_in_inr",)),
    Mutant("fx-posting-counts-exchanges", M0013,
           "               v_per_total + coalesce(sum(x.local_amount), 0)\\n",
           "               v_per_total + 0 * coalesce(sum(x.local_amount), 0)\\n",
           "a later posting counts the player's exchanges toward the identification threshold",
           (f"{T_FX}::test_foreign_cash_counts_toward_the_identification_threshold_in_inr",)),
    Mutant("fx-drawer-expects-exchange", M0013, "SELECT sum(x.drawer_local_delta) FROM public.fx_exchanges x",
           "SELECT sum(0) FROM public.fx_exchanges x",
           "the INR an exchange pays out or takes in is in the shift's expected cash",
           (f"{T_FX}::test_an_exchange_posts_foreign_in_and_inr_out_in_one_row_and_the_drawer_expects_both",)),
    Mutant("fx-rate-by-supervisor", M0013, "    IF st.role <> 'supervisor' THEN\n", "    IF false THEN\n",
           "only a supervisor's session sets an exchange rate",
           (f"{T_FX}::test_a_terminal_login_cannot_write_rates_or_exchanges_and_a_cashier_cannot_set_a_rate",)),
    Mutant("authority-issuer-limit", M0013, "IF v_mine IS NOT NULL AND p_amount > v_mine AND",
           "IF false AND", "above the issuer's own authority limit a second person must approve",
           (f"{T_AUTHORITY}::test_over_the_cashiers_own_limit_a_deposit_needs_a_second_person_within_their_limit",
            f"{T_AUTHORITY}::test_a_limit_applies_to_exchanges_in_inr")),
    Mutant("authority-approver-limit", M0013, "IF v_theirs IS NOT NULL AND p_amount > v_theirs THEN",
           "IF false THEN", "the second approver's own authority limit must cover the amount",
           (f"{T_AUTHORITY}::test_over_the_cashiers_own_limit_a_deposit_needs_a_second_person_within_their_limit",)),
    Mutant("authority-in-post", M0013,
           "PERFORM cage.check_authority(st.staff_id, v_approver, p_kind, p_amount, p_currency);",
           "PERFORM 1;", "cage._post enforces the authority limits",
           (f"{T_AUTHORITY}::test_over_the_cashiers_own_limit_a_deposit_needs_a_second_person_within_their_limit",)),
    Mutant("holding-counts-exchanges", M0018, "(SELECT sum(x.drawer_local_delta) FROM public.fx_exchanges x",
           "(SELECT sum(0) FROM public.fx_exchanges x",
           "a drawer's expected holding includes the local cash its exchanges moved, as the close does",
           ("tests/security/test_cage_screens.py::"
            "test_the_drawers_holding_counts_the_exchanges_local_cash_as_the_close_does",)),
    Mutant("authority-limits-read-by-supervisor", M0018, "PERFORM cage.session_with_right(p_session, 'manage_staff');",
           "PERFORM 1;", "only a supervisor's session reads who may approve what",
           ("tests/security/test_cage_screens.py::test_only_a_supervisors_session_reads_the_authority_limits",)),
    Mutant("authority-set-by-supervisor", M0013, "cage.session_with_right(p_session, 'manage_staff')",
           "cage.session_with_right(p_session, NULL)", "only a supervisor's session sets an authority limit",
           (f"{T_AUTHORITY}::test_only_a_supervisors_session_sets_a_limit_and_no_login_writes_the_table",)),
    Mutant("credit-temporary-expires", M0013, "AND t.expires_at > p_at),", "),",
           "a temporary credit line is not in force after its expiry",
           (f"{T_CREDIT_LINES}::test_a_temporary_line_is_in_force_until_its_expiry_and_then_the_permanent_one_by_itself",)),
    Mutant("credit-marker-uses-effective-line", M0013,
           "WHEN p_kind = 'marker_issue' THEN cage.effective_credit_limit(p_player, v_at)",
           "WHEN false THEN 0", "a marker is issued against the line in force (a temporary one before it expires)",
           (f"{T_CREDIT_LINES}::test_a_temporary_line_is_in_force_until_its_expiry_and_then_the_permanent_one_by_itself",
            f"{T_CREDIT_LINES}::test_a_temporary_line_alone_lets_a_marker_be_issued_within_it")),
    Mutant("credit-temporary-two-people", M0013, "IF ap.staff_id IS NULL OR ap.staff_id = st.staff_id THEN",
           "IF ap.staff_id IS NULL THEN", "a temporary line is approved by someone other than who asked for it",
           (f"{T_CREDIT_LINES}::test_a_temporary_line_needs_a_different_approver_with_the_right",)),
    Mutant("marker-oldest-first", M0013, "ORDER BY o.issued_at, o.posting_id LOOP",
           "ORDER BY o.issued_at DESC, o.posting_id LOOP", "a redemption pays the oldest markers first",
           (f"{T_CREDIT_LINES}::test_a_redemption_pays_the_oldest_markers_first_partially_and_aging_buckets_what_is_owed",)),
    # 0022 made post_with_notes again (0013's body is no longer what runs): pointed there.
    Mutant("notes-add-up", M0022, "IF v_value <> v.drawer_delta THEN", "IF false THEN",
           "the notes recorded with a posting add up to its drawer movement",
           (f"{T_NOTES}::test_notes_that_do_not_add_up_to_the_posting_refuse_it_whole",)),
    Mutant("notes-holding-supervisor-only", M0013, "cage.session_with_right(p_session, 'sign_off_shift')",
           "cage.session_with_right(p_session, NULL)", "the expected holding by denomination is for a supervisor (the cashier's count is blind)",
           (f"{T_NOTES}::test_the_cashiers_count_stays_blind",)),
    Mutant("fx-mtl-threshold", M0013, "WHERE d.total >= pol.mtl_threshold;", "WHERE true;",
           "an exchange is logged in the MTL only when the player's day total reaches the threshold",
           (f"{T_FX}::test_an_exchange_below_the_mtl_threshold_is_not_logged",)),
    Mutant("ctr-report-counts-exchanges", CASH_REPORTS,
           "WHERE x.player_id IS NOT NULL AND x.reverses_id IS NULL AND x.created_at >= :s AND x.created_at < :e",
           "WHERE false", "the CTR report counts a player's exchanges as cash in and cash out",
           (f"{T_FX}::test_foreign_cash_counts_toward_the_identification_threshold_in_inr",)),
    Mutant("ctr-report-not-reversals", CASH_REPORTS, "x.player_id IS NOT NULL AND x.reverses_id IS NULL AND",
           "x.player_id IS NOT NULL AND", "the CTR report does not count an exchange's reversal as cash",
           (f"{T_FX_REV}::test_a_reversal_is_not_cash_toward_the_threshold_as_a_posting_reversal_is_not",)),
    Mutant("fx-player-lock", M0013, "PERFORM 1 FROM public.players p WHERE p.id = p_player FOR NO KEY UPDATE;",
           "PERFORM 1 FROM public.players p WHERE p.id = p_player;",
           "two exchanges for one player are decided one after the other (the identification threshold)",
           (f"{T_FX}::test_two_terminals_exchanging_for_one_player_at_once_are_decided_one_after_the_other",)),
    Mutant("marker-reversal-cancels-that-marker", M0013,
           "AND (p_row.kind = 'marker_redeem' OR o.posting_id = p_row.reverses_id)", "AND true",
           "a reversed marker issue cancels that marker, not the oldest one",
           (f"{T_CREDIT_LINES}::test_a_reversed_marker_is_cancelled_and_a_reversed_redemption_is_owed_again",)),
    Mutant("marker-redemption-reversal-owed-again", M0013, "SELECT p_row.id, a.marker_id, -a.amount",
           "SELECT p_row.id, a.marker_id, a.amount", "a reversed redemption makes its markers owed again",
           (f"{T_CREDIT_LINES}::test_a_reversed_marker_is_cancelled_and_a_reversed_redemption_is_owed_again",)),
    Mutant("authority-not-own", M0013, "IF p_staff = st.staff_id THEN", "IF false THEN",
           "a supervisor cannot set their own authority limit",
           (f"{T_AUTHORITY}::test_only_a_supervisors_session_sets_a_limit_and_no_login_writes_the_table",)),
    Mutant("fx-shift-lock", M0013, "WHERE s.terminal_id = c.terminal AND s.status = 'open' FOR KEY SHARE;",
           "WHERE s.terminal_id = c.terminal AND s.status = 'open';",
           "an exchange while the drawer closes lands before the count or is refused",
           (f"{T_FX}::test_an_exchange_while_the_drawer_closes_lands_before_the_count_or_is_refused",)),
    Mutant("markers-due-by-date", M0013, "WHERE o.outstanding > 0 AND o.due_date <= p_by ORDER BY",
           "WHERE o.outstanding > 0 ORDER BY", "the floor manager's queue lists only markers falling due by the date",
           (f"{T_CREDIT_LINES}::test_the_floor_managers_queue_lists_markers_falling_due_and_a_cashier_cannot_read_it",)),
    # -- handover, fills and credits, accountability (migration 0019, issue 17) -------------
    Mutant("handover-counts-agree", M0019, "    IF p_out_counted <> p_in_counted THEN\n", "    IF false THEN\n",
           "a handover whose two counts differ changes nothing (the difference would be cash no shift holds)",
           (f"{T_HANDOVER}::test_a_handover_the_counts_or_pins_of_which_do_not_hold_changes_nothing",)),
    Mutant("handover-two-people", M0019, "    IF st_out.staff_id = st_in.staff_id THEN\n", "    IF false THEN\n",
           "the incoming cashier is someone other than the outgoing one",
           (f"{T_HANDOVER}::test_a_cashier_cannot_hand_over_to_themselves_nor_someone_take_over_a_drawer_not_theirs",)),
    Mutant("handover-ends-outgoing-session", M0019, "    PERFORM cage.staff_logout(p_out_session);\n",
           "    PERFORM 1;\n", "after a handover the outgoing cashier's session posts nothing more",
           (f"{T_HANDOVER}::test_postings_after_the_handover_belong_to_the_incoming_shift_and_the_outgoing_session_ends",)),
    Mutant("transfer-two-people", M0019, "    IF snd.staff_id = rcv.staff_id THEN\n", "    IF false THEN\n",
           "a fill or credit is signed by two different people",
           (f"{T_TRANSFERS}::test_a_fill_without_two_proper_signatures_is_refused_and_moves_nothing",)),
    Mutant("transfer-bank-right", M0019, "    PERFORM cage.require_right(bnk.role, 'bank_transfer');\n",
           "    PERFORM 1;\n", "the bank's side of a transfer is signed by someone with the right",
           (f"{T_TRANSFERS}::test_a_cashier_cannot_sign_for_the_main_bank",)),
    Mutant("transfer-window-custodian", M0019, "        IF win.staff_id <> sh.staff_id THEN\n",
           "        IF false THEN\n", "the window's side of a fill or credit is signed by the drawer's own cashier",
           (f"{T_TRANSFERS}::test_a_fill_without_two_proper_signatures_is_refused_and_moves_nothing",)),
    Mutant("bank-not-negative", M0019, "    IF v_bank + v_bank_delta < 0 THEN\n", "    IF false THEN\n",
           "a fill the bank cannot cover is refused with a sentence",
           (f"{T_TRANSFERS}::test_a_fill_the_bank_cannot_cover_is_refused_and_the_bank_never_goes_negative",)),
    Mutant("bank-row-lock", M0019, "WHERE b.currency = pol.currency FOR UPDATE;\n    IF NOT FOUND THEN  -- the first",
           "WHERE b.currency = pol.currency;\n    IF NOT FOUND THEN  -- the first",
           "transfers racing for the bank's last cash are decided one after the other",
           (f"{T_TRANSFERS}::test_fills_racing_for_the_last_of_the_bank_never_overdraw_it",
            f"{T_TRANSFERS}::test_a_fill_waiting_for_another_is_decided_on_the_balance_that_one_left")),
    # -- a drawer never pays out what it should not hold (0023), a handover's id (0024) -----
    Mutant("drawer-never-negative", M0023, "    IF p_delta < 0 AND v_after < 0 AND p_refuse THEN\n", "    IF false THEN\n",
           "no payout (withdrawal, reversal, exchange, credit to the bank) takes a drawer below zero",
           (f"{T_DRAWER}::test_a_withdrawal_beyond_the_drawer_is_refused_by_the_database_and_moves_nothing",
            f"{T_TRANSFERS}::test_a_fill_the_bank_cannot_cover_is_refused_and_the_bank_never_goes_negative")),
    Mutant("drawer-payouts-serialised", M0023,
           "    UPDATE public.drawer_cash d SET holding = d.holding + p_delta, updated_at = now()\n"
           "    WHERE d.shift_id = p_shift AND d.currency = p_currency\n"
           "    RETURNING d.holding INTO v_after;\n",
           "    SELECT d.holding + p_delta INTO v_after FROM public.drawer_cash d\n"
           "    WHERE d.shift_id = p_shift AND d.currency = p_currency;\n",
           "the drawer's holding is kept in its row (not only read), so each payout sees the one before",
           (f"{T_DRAWER}::test_a_withdrawal_beyond_the_drawer_is_refused_by_the_database_and_moves_nothing",
            f"{T_DRAWER}::test_two_withdrawals_racing_for_one_drawer_cannot_both_post")),
    Mutant("drawer-records-cash-paid-offline", M0023,
           "NEW.drawer_delta, NOT NEW.offline_attested);", "NEW.drawer_delta, true);",
           "a withdrawal the terminal attests it paid offline is recorded on replay even if the drawer's "
           "figure goes short (the cash has left; the player must be debited)",
           (f"{T_DRAWER}::"
            "test_a_withdrawal_the_terminal_attests_it_paid_offline_is_recorded_and_the_drawer_shows_short",)),
    Mutant("handover-answers-its-id", M0024, "    IF q.id IS NOT NULL THEN\n", "    IF false THEN\n",
           "a handover resent with its id answers with the first instead of handing over again",
           (f"{T_HANDOVER}::test_a_handover_sent_again_with_its_id_answers_with_the_first_and_hands_over_once",)),
    Mutant("offline-shift-cashier", ONLINE, "if known is not None and known[0] == shift_id and known[1] != staff_id:",
           "if False:", "an offline posting by someone other than the shift's cashier is refused at the counter",
           ("tests/unit/test_offline_policy.py::"
            "test_an_offline_posting_by_someone_other_than_the_known_shifts_cashier_is_refused_in_the_ledgers_sentence",)),
    Mutant("close-expects-transfers", M0019, "coalesce((SELECT sum(b.drawer_delta) FROM public.bank_transfers b\\n",
           "coalesce((SELECT sum(0) FROM public.bank_transfers b\\n",
           "a shift's expected cash at close includes its fills and credits",
           (f"{T_TRANSFERS}::test_a_fill_and_a_credit_move_cash_between_bank_and_window_with_both_signatures",)),
    Mutant("fill-shift-lock", M0019, "WHERE s.terminal_id = v_terminal AND s.status = 'open' FOR KEY SHARE;",
           "WHERE s.terminal_id = v_terminal AND s.status = 'open';",
           "a fill while the drawer closes lands before the count or is refused",
           (f"{T_TRANSFERS}::test_a_fill_while_the_drawer_closes_is_refused_with_a_sentence_and_moves_nothing",)),
    Mutant("accountability-supervisor-only", M0019, "cage.session_with_right(p_session, 'run_reports')",
           "cage.session_with_right(p_session, NULL)",
           "open drawers' expected cash (the accountability) is for a supervisor: the cashier's count is blind",
           (f"{T_TRANSFERS}::test_the_accountability_shows_open_drawers_expected_cash_so_only_a_supervisor_reads_it",)),
    # -- only the shift's cashier posts into it (migration 0021, issue 17) ----------------------
    Mutant("post-shift-owner", M0021, "IF NOT c.trusted AND v_shift IS NOT NULL", "IF false AND v_shift IS NOT NULL",
           "a deposit, withdrawal or marker goes into a shift only for that shift's cashier",
           (f"{T_SHIFT_OWNER}::test_a_second_cashier_cannot_post_into_a_shift_opened_by_someone_else",
            f"{T_SHIFT_OWNER}::test_an_offline_entry_attesting_another_cashier_is_refused_on_replay")),
    Mutant("exchange-shift-owner", M0021, "IF EXISTS (SELECT 1 FROM public.shifts s WHERE s.id = v_shift",
           "IF false AND EXISTS (SELECT 1 FROM public.shifts s WHERE s.id = v_shift",
           "an exchange goes into a shift only for that shift's cashier",
           (f"{T_SHIFT_OWNER}::test_a_second_cashier_cannot_exchange_currency_in_someone_elses_drawer",)),
    # -- the API's owner, a role no one logs in as (ledger/api_owner.py) ----------------------
    Mutant("api-owner-not-handed-over", API_OWNER, "        if owner != role:\n", "        if False:\n",
           "every SECURITY DEFINER function belongs to the NOLOGIN API owner, not the schema owner",
           (T_API_OWNER,)),
    Mutant("api-owner-keeps-create", API_OWNER,
           'conn.exec_driver_sql(f"REVOKE CREATE ON SCHEMA {_q(schema)} FROM {_q(role)}")\n    return',
           'pass\n    return',
           "the API's owner holds CREATE on its schemas only during the hand-over", (T_API_OWNER, T_API_OWNER_SO)),
    Mutant("api-owner-staff-role", API_OWNER, '"public.staff": TableGrant(insert=True, update=("active",)),',
           '"public.staff": TableGrant(insert=True, update=("active", "role")),',
           "a bug in a definer function cannot change a staff member's role", (T_API_OWNER,)),

    # -- identification on file, denominations, exchange reversal (migration 0016) -----------------
    Mutant("id-capture-serialised", M0016, "p.id = p_player FOR NO KEY UPDATE;", "p.id = p_player;",
           "two captures of one document at once put it on file once",
           (f"{T_IDFILE}::test_two_terminals_capturing_one_document_at_once_put_it_on_file_once",)),
    Mutant("id-typed-expired-refused", M0016, "            IF d.expires_on < v_today THEN\n",
           "            IF false THEN\n", "a typed document that is on file and has expired is refused",
           (f"{T_IDFILE}::test_an_expired_document_on_file_is_refused_with_one_sentence_and_nothing_is_posted",)),
    Mutant("id-on-file-valid-only", M0016, "x.expires_on >= v_today ORDER BY", "true ORDER BY",
           "only a valid document on file is used for a posting",
           (f"{T_IDFILE}::test_an_expired_document_on_file_is_refused_with_one_sentence_and_nothing_is_posted",)),
    Mutant("id-on-file-recorded", M0016, "p_id_number := v_doc_number;\n            END IF;\n",
           "NULL;\n            END IF;\n", "the document on file is recorded on the posting as if typed",
           (f"{T_IDFILE}::test_a_document_captured_once_is_used_for_a_deposit_over_the_threshold",)),
    Mutant("fx-reversal-serialised", M0016,
           "PERFORM pg_advisory_xact_lock(hashtextextended('cage.reverse_exchange:' || p_original::text, 0));",
           "PERFORM 1;", "two reversals of one exchange are taken one after the other: the second is refused",
           (f"{T_FX_REV}::test_two_supervisors_reversing_one_exchange_at_once_exactly_one_wins",
            f"{T_FX_REV}::test_a_reversal_waits_for_one_in_progress_and_is_then_refused")),
    Mutant("fx-reversal-not-cash", M0016, 'x.player_id = p_player AND x.reverses_id IS NULL\\n"',
           'x.player_id = p_player\\n"', "an exchange reversal is not cash toward the threshold (as a posting's)",
           (f"{T_FX_REV}::test_a_reversal_is_not_cash_toward_the_threshold_as_a_posting_reversal_is_not",)),
    Mutant("count-denomination-checked", M0016, "        PERFORM count(*) FROM cage.note_pieces(p_count, p_currency);\n",
           "        PERFORM 1;\n", "a drawer count holds only the currency's notes and coins",
           (f"{T_DENOM}::test_the_database_refuses_a_drawer_count_with_a_note_the_currency_does_not_have",)),
    Mutant("notes-denomination-checked", M0022, "FROM cage.note_pieces(p_notes_in, p_currency) i",
           "FROM cage.note_pieces(p_notes_in) i",
           "a posting's notes must be denominations of its currency",
           (f"{T_DENOM}::test_a_note_that_is_not_a_denomination_of_the_currency_is_refused_and_nothing_is_posted",)),
    Mutant("authority-in-transfer", M0029,
           "PERFORM cage.check_authority(snd.staff_id, v_approver, p_kind, p_amount::numeric(14,2), pol.currency);",
           "PERFORM 1;", "a transfer above its sender's authority limit needs a third person",
           (f"{T_AUTHORITY_ALL}::test_a_fill_above_the_bank_signers_limit_needs_a_third_person_who_is_recorded",)),
    Mutant("authority-temporary-line", M0029, "'temporary_credit', p_limit::numeric(14,2),",
           "'temporary_credit', 0::numeric,", "a temporary line above its approver's authority limit is refused",
           (f"{T_AUTHORITY_ALL}::test_a_temporary_line_above_the_approvers_limit_is_refused_and_another_approver_"
            "grants_it",)),
    Mutant("exchange-notes-add-up", M0031, "IF v_sum <> v_row.foreign_amount THEN", "IF false THEN",
           "an exchange's foreign notes must add up to its foreign amount",
           ("tests/security/test_cage_foreign_notes.py::test_notes_that_do_not_add_up_or_are_not_the_currencys_"
            "refuse_the_whole_exchange",)),
    Mutant("foreign-counts-agree", M0032,
           "IF cage.foreign_count_words(p_out_foreign) <> cage.foreign_count_words(p_in_foreign) THEN",
           "IF false THEN",
           "the two cashiers' counts of the foreign cash at a handover must agree",
           ("tests/security/test_cage_foreign_carried.py::test_two_foreign_counts_that_differ_change_nothing",)),
    Mutant("foreign-uncounted-is-missing", M0032,
           "SELECT f.currency FROM cage.shift_foreign_cash(p_shift) f WHERE p_moment = 'close' AND f.expected <> 0",
           "SELECT f.currency FROM cage.shift_foreign_cash(p_shift) f WHERE false",
           "foreign cash the drawer should hold and nobody counted is recorded at close as missing",
           ("tests/security/test_cage_foreign_carried.py::test_a_close_that_does_not_count_the_dollars_records_"
            "them_missing_for_the_supervisor",)),
    Mutant("foreign-carried-in-figure", M0032,
           "WHERE f.shift_id = s.id AND f.moment = 'open' AND btrim(f.currency) = p_currency), 0)",
           "WHERE false), 0)",
           "the foreign cash handed over with the drawer is in the incoming drawer's figure",
           ("tests/security/test_cage_foreign_carried.py::test_the_foreign_cash_goes_with_the_drawer_and_the_"
            "incoming_cashier_can_pay_it_out",)),
    Mutant("signoff-names-foreign", M0033, "WHERE f.shift_id = p_shift AND f.moment = 'close' AND f.variance <> 0))",
           "WHERE false))",
           "the ledger's sign-off refusal names a foreign variance, not only the local one",
           ("tests/security/test_cage_foreign_carried.py::test_the_database_refuses_a_silent_signoff_naming_the_"
            "dollars_and_logs_them_at_signoff",)),
    Mutant("foreign-accountability-carried", M0034, "WHERE f.shift_id = p_shift AND f.moment = 'open'\n",
           "WHERE false\n", "the foreign cash handed over with a drawer is in the cage's accountability",
           (f"{T_FOREIGN_ACCOUNT}::test_the_drawers_dollars_are_in_the_accountability_and_follow_a_handover",)),
    Mutant("foreign-accountability-stored-row", M0034,
           "CASE WHEN v_now THEN coalesce(st.holding, 0) ELSE coalesce(fi.figure, 0) END,",
           "coalesce(fi.figure, 0),", "the accountability sets a drawer's stored foreign row beside its rows' figure",
           (f"{T_FOREIGN_ACCOUNT}::test_a_drawers_foreign_row_written_by_hand_disagrees_with_its_rows",)),
    Mutant("accountability-reads-drawer-row", M0035, '"           CASE WHEN v_now THEN coalesce((SELECT d.holding',
           '"           CASE WHEN false THEN coalesce((SELECT d.holding',
           "the accountability sets a drawer's own rupee row beside its rows' figure",
           (f"{T_FOREIGN_ACCOUNT}::test_a_drawers_rupee_row_written_by_hand_disagrees_in_the_accountability_too",)),
]
