"""A fake of the terminal's ledger port (`terminal.ledger_port.CageLedger`) and of its local
side, in memory: what the terminal's services ask of them is recorded, so a unit test can
say what the terminal refused by itself (nothing reached the ledger) and what it sent.

It keeps only what the services read back; the rules the database enforces (sessions,
rights, expected cash) are the integration tests' business. `test_ledger_port.py` checks
that this fake and the PostgreSQL adapter both have every method of the port.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from decimal import Decimal

from cashier_desktop.config import load_config
from cashier_desktop.domain.errors import AuthenticationFailed, InvalidInput, LedgerUnavailable
from cashier_desktop.domain.money import Money
from cashier_desktop.domain.receipts import Balance
from cashier_desktop.ledger.credit import CreditRequest
from cashier_desktop.ledger.shifts import DrawerTotals, ShiftRecord
from cashier_desktop.terminal.auth import StaffMember
from cashier_desktop.terminal.services import Services
from cashier_desktop.terminal.session import Session

TERMINAL = "T-UNIT"
NOW = datetime(2026, 1, 2, 9, 30, tzinfo=timezone.utc)
STAFF = {  # id: (pin, name, role, approval limit)
    "C100": ("1111", "Asha Rao", "cashier", None),
    "C101": ("1212", "Ben Das", "cashier", None),
    "F200": ("2222", "Farah Khan", "floor_manager", None),
    "F201": ("2323", "Gita Iyer", "floor_manager", Decimal("5000.00")),
    "S300": ("3333", "Sam Roy", "supervisor", None),
    "S301": ("3434", "Tara Sen", "supervisor", None),
}


def member(staff_id: str) -> StaffMember:
    _pin, name, role, limit = STAFF[staff_id]
    return StaffMember(staff_id, name, role, limit, uuid.uuid4())


def session_of(staff_id: str, shift: ShiftRecord | None = None) -> Session:
    return Session(staff=member(staff_id), terminal_id=TERMINAL, shift=shift)


def shift_record(shift_id: int = 1, *, staff_id: str = "C100", status: str = "open", opening: str = "1000",
                 counted: str | None = None, expected: str | None = None, needs_signoff: bool = False,
                 currency: str = "INR") -> ShiftRecord:
    def money(v):
        return None if v is None else Money(Decimal(v), currency)
    variance = None if counted is None else Money(Decimal(counted) - Decimal(expected), currency)
    return ShiftRecord(
        id=shift_id, terminal_id=TERMINAL, staff_id=staff_id, currency=currency, status=status, opened_at=NOW,
        opening_float=money(opening), opening_count=None, closed_at=None if status == "open" else NOW,
        closed_by=None if status == "open" else staff_id, closing_count=None, counted=money(counted),
        expected=money(expected), variance=variance, signed_off_by=None, signed_off_at=None, signoff_note=None,
        needs_signoff=needs_signoff)


@dataclass
class FakeLedger:
    """The ledger port in memory. `calls` names every method called, in order."""

    shifts_by_id: dict[int, ShiftRecord] = field(default_factory=dict)
    requests: dict[int, CreditRequest] = field(default_factory=dict)
    players: dict[str, Balance] = field(default_factory=dict)
    denominations: list[Decimal] | None = field(default_factory=lambda: [Decimal(d) for d in
                                                                         ("500", "200", "100", "50", "20", "10")])
    drawer_moves: dict[int, Decimal] = field(default_factory=dict)  # shift → net drawer effect
    unreachable: bool = False
    calls: list[str] = field(default_factory=list)
    sent: dict[str, dict] = field(default_factory=dict)  # method → its last arguments
    handovers: dict[uuid.UUID, tuple[int, int]] = field(default_factory=dict)
    closed_tokens: list[uuid.UUID] = field(default_factory=list)
    audited: list[tuple] = field(default_factory=list)
    prior: dict = field(default_factory=dict)  # (player, "in"/"out") → cash already moved today
    roles: dict = field(default_factory=dict)  # staff id → role now (changed since login)
    inactive: set = field(default_factory=set)  # staff ids deactivated since login
    postings: dict = field(default_factory=dict)  # posting id → Receipt
    facts: dict = field(default_factory=dict)  # posting id → ReceiptFacts
    documents: dict = field(default_factory=dict)  # player id → [IdDocument] on file

    def _call(self, method: str, /, **args) -> None:
        self.calls.append(method)
        self.sent[method] = args
        if self.unreachable:
            raise LedgerUnavailable("The ledger cannot be reached.")

    # staff sessions
    def open_staff_session(self, staff_id, pin, *, purpose, terminal_id):
        self._call("open_staff_session", staff_id=staff_id, purpose=purpose, terminal_id=terminal_id)
        if staff_id not in STAFF or STAFF[staff_id][0] != pin:
            raise AuthenticationFailed("Staff id or PIN not recognised.")
        _pin, name, role, limit = STAFF[staff_id]
        return uuid.uuid4(), staff_id, name, role, limit

    def close_staff_session(self, token):
        self._call("close_staff_session", token=token)
        self.closed_tokens.append(token)

    def audit(self, action, *, staff_id=None, terminal_id=None):
        self._call("audit", action=action)
        self.audited.append((action, staff_id, terminal_id))

    def staff_names(self, staff_ids):
        self._call("staff_names", staff_ids=staff_ids)
        return {i: STAFF[i][1] for i in staff_ids if i in STAFF}

    def active_staff(self):
        self._call("active_staff")
        return [(i, name, role) for i, (_p, name, role, _l) in STAFF.items()]

    def store_policy(self, policy):
        self._call("store_policy", policy=policy)

    def counter_context(self, staff_ids, terminal_id, *, prior=None):
        self._call("counter_context", staff_ids=staff_ids, terminal_id=terminal_id, prior=prior)
        from cashier_desktop.ledger.staff import StaffRecord
        records = {i: StaffRecord(i, STAFF[i][1], self.roles.get(i, STAFF[i][2]), i not in self.inactive, STAFF[i][3])
                   for i in staff_ids if i in STAFF}
        shift = next((s for s in self.shifts_by_id.values() if s.terminal_id == terminal_id and s.is_open), None)
        return records, shift.id if shift else None, (self._prior(prior) if prior is not None else None)

    def prior_cash(self, query):
        self._call("prior_cash", query=query)
        return self._prior(query)

    def _prior(self, query):
        day = self.prior.get((query.player_id, query.direction), Decimal("0"))
        return day, day

    def log_mtl(self, *, start, end, tz, start_hour, threshold, player_id, posting_id):
        self._call("log_mtl", player_id=player_id, posting_id=posting_id, threshold=threshold)
        return 1

    # staff administration
    def add_staff(self, session, staff_id, name, role, pin, approval_limit):
        self._call("add_staff", staff_id=staff_id, name=name, role=role, approval_limit=approval_limit)

    def set_staff_active(self, session, staff_id, active):
        self._call("set_staff_active", staff_id=staff_id, active=active)
        return staff_id in STAFF

    def reset_staff_pin(self, session, staff_id, pin):
        self._call("reset_staff_pin", staff_id=staff_id)
        return staff_id in STAFF

    def staff_list(self):
        self._call("staff_list")
        return [(i, name, role, True, limit, None, False) for i, (_p, name, role, limit) in STAFF.items()]

    # large-cash reports
    def mtl_rows(self, day, *, start, end, tz, start_hour, threshold, fill_in):
        self._call("mtl_rows", day=day, threshold=threshold, fill_in=fill_in)
        return []

    def ctr_rows(self, *, start, end, threshold, label):
        self._call("ctr_rows", threshold=threshold, label=label)
        return []

    # authority limits
    def authority_limits(self, session):
        self._call("authority_limits", session=session)
        return []

    def set_authority_limit(self, *, session, staff_id, kind, limit, reason):
        self._call("set_authority_limit", staff_id=staff_id, kind=kind, limit=limit, reason=reason)
        return 1

    # shifts
    def cash_denominations(self, currency):
        self._call("cash_denominations", currency=currency)
        return list(self.denominations or [])

    def open_shift_of(self, terminal_id):
        self._call("open_shift_of", terminal_id=terminal_id)
        return next((s for s in self.shifts_by_id.values() if s.terminal_id == terminal_id and s.is_open), None)

    def shift(self, shift_id):
        self._call("shift", shift_id=shift_id)
        return self.shifts_by_id.get(shift_id)

    def shifts(self, *, terminal_id, status, staff_id, limit):
        self._call("shifts", status=status)
        return [s for s in self.shifts_by_id.values() if status in (None, s.status)][:limit]

    def open_shift(self, *, terminal_id, staff_id, currency, opening_float, opening_count, session):
        self._call("open_shift", terminal_id=terminal_id, staff_id=staff_id, currency=currency,
                   opening_float=opening_float, opening_count=opening_count, session=session)
        shift = replace(shift_record(len(self.shifts_by_id) + 1, staff_id=staff_id, currency=currency),
                        opening_float=Money(opening_float, currency), opening_count=opening_count)
        self.shifts_by_id[shift.id] = shift
        return shift

    def close_shift(self, shift_id, *, closed_by, counted, closing_count, variance_threshold, session, foreign=None):
        self._call("close_shift", shift_id=shift_id, closed_by=closed_by, counted=counted,
                   closing_count=closing_count, variance_threshold=variance_threshold, foreign=foreign)
        open_ = self.shifts_by_id[shift_id]
        expected = open_.opening_float.amount + self.drawer_moves.get(shift_id, Decimal("0"))
        closed = replace(shift_record(shift_id, staff_id=open_.staff_id, status="closed",
                                      opening=str(open_.opening_float.amount), counted=str(counted),
                                      expected=str(expected),
                                      needs_signoff=abs(counted - expected) >= variance_threshold),
                         closed_by=closed_by, closing_count=closing_count)
        self.shifts_by_id[shift_id] = closed
        return closed

    def sign_off_shift(self, shift_id, *, by, note, session):
        self._call("sign_off_shift", shift_id=shift_id, by=by, note=note)
        done = replace(self.shifts_by_id[shift_id], status="signed_off", signed_off_by=by, signed_off_at=NOW,
                       signoff_note=note)
        self.shifts_by_id[shift_id] = done
        return done

    def closed_shift_figures(self, shift_id):
        self._call("closed_shift_figures", shift_id=shift_id)
        moved = self.drawer_moves.get(shift_id, Decimal("0"))
        return DrawerTotals(max(moved, Decimal("0")), max(-moved, Decimal("0")), 1 if moved else 0), ()

    def drawer_holding(self, session, shift_id):
        self._call("drawer_holding", shift_id=shift_id)
        return []

    def drawer_foreign_holding(self, session, shift_id):
        self._call("drawer_foreign_holding", shift_id=shift_id)
        return []

    def shift_exchanges(self, shift_id):
        self._call("shift_exchanges", shift_id=shift_id)
        return []

    def handed_over_shift(self, handover_id):
        self._call("handed_over_shift", handover_id=handover_id)
        done = self.handovers.get(handover_id)
        return self.shifts_by_id[done[0]] if done else None

    def foreign_counts(self, shift_id):
        self._call("foreign_counts", shift_id=shift_id)
        return ()

    def hand_over(self, *, handover_id, shift_id, outgoing_session, incoming_session, outgoing_counted,
                  outgoing_count, incoming_counted, incoming_count, outgoing_foreign=None, incoming_foreign=None):
        self._call("hand_over", handover_id=handover_id, shift_id=shift_id, outgoing_session=outgoing_session,
                   incoming_session=incoming_session, outgoing_counted=outgoing_counted,
                   incoming_counted=incoming_counted, outgoing_foreign=outgoing_foreign,
                   incoming_foreign=incoming_foreign)
        if handover_id in self.handovers:
            closed_id, opened_id = self.handovers[handover_id]
            return self.shifts_by_id[closed_id], self.shifts_by_id[opened_id], True
        closed = self.close_shift(shift_id, closed_by=self.shifts_by_id[shift_id].staff_id,
                                  counted=outgoing_counted, closing_count=outgoing_count,
                                  variance_threshold=Decimal("1000000"), session=outgoing_session)
        incoming = self.sent["open_staff_session"]["staff_id"]
        opened = self.open_shift(terminal_id=TERMINAL, staff_id=incoming, currency=closed.currency,
                                 opening_float=incoming_counted, opening_count=incoming_count,
                                 session=incoming_session)
        self.calls[-2:] = []  # the database's own steps, not calls of the service
        self.handovers[handover_id] = (closed.id, opened.id)
        return closed, opened, False

    # credit requests
    def request_credit(self, player_id, limit, note, by, *, session):
        self._call("request_credit", player_id=player_id, limit=limit, note=note, by=by)
        req = credit_request(len(self.requests) + 1, player_id=player_id, limit=limit, by=by, note=note)
        self.requests[req.id] = req
        return req

    def credit_request(self, request_id):
        self._call("credit_request", request_id=request_id)
        return self.requests.get(request_id)

    def credit_requests(self, *, status, player_id, limit):
        self._call("credit_requests", status=status, player_id=player_id, limit=limit)
        return [r for r in self.requests.values() if status in (None, r.status)
                and player_id in (None, r.player_id)][:limit]

    def decide_credit(self, request_id, *, approve, session, staff_id, terminal_id, limit=None, reason=None,
                      posting_id=None, request_hash=None, currency=None):
        self._call("decide_credit", request_id=request_id, approve=approve, staff_id=staff_id, limit=limit,
                   reason=reason, posting_id=posting_id, currency=currency)
        req = self.requests[request_id]
        if req.status != "pending":
            raise InvalidInput("decided already (the database's answer)")
        decided = replace(req, status="approved" if approve else "denied", decided_by=staff_id, decided_at=NOW,
                          approved_limit=limit, decision_reason=reason, posting_id=posting_id)
        self.requests[request_id] = decided
        return decided, (("receipt", posting_id) if approve else None)

    def credit_contexts(self, player_ids):
        self._call("credit_contexts", player_ids=player_ids)
        return {p: ("context", p) for p in player_ids}

    # credit lines and markers
    def grant_temporary_credit(self, *, session, approver_session, player_id, limit, expires_at, reason):
        self._call("grant_temporary_credit", approver_session=approver_session, player_id=player_id,
                   limit=limit, expires_at=expires_at, reason=reason)
        return 1

    def credit_changes(self, player_id):
        self._call("credit_changes", player_id=player_id)
        return []

    def effective_limit(self, player_id):
        self._call("effective_limit", player_id=player_id)
        return Decimal("0")

    def line_in_force(self, player_id):
        self._call("line_in_force", player_id=player_id)
        return Decimal("0"), None

    def markers(self, player_id):
        self._call("markers", player_id=player_id)
        return []

    def markers_due(self, session, by):
        self._call("markers_due", by=by)
        return []

    def marker_aging(self, as_of):
        self._call("marker_aging", as_of=as_of)
        return []

    # foreign exchange and the main bank
    def rates_in_force(self):
        self._call("rates_in_force")
        return []

    def set_rate(self, session, currency, buy, sell):
        self._call("set_rate", currency=currency, buy=buy, sell=sell)
        return 1

    def exchange(self, *, session, direction, foreign, posting_id, approver_session, player_id, quoted_rate,
                 id_type, id_number, notes=None):
        self._call("exchange", direction=direction, foreign=foreign, approver_session=approver_session,
                   player_id=player_id, id_type=id_type, id_number=id_number, notes=notes)
        return ("exchange", posting_id)

    def reverse_exchange(self, *, session, original_id, reason, reversal_id, approver_session):
        self._call("reverse_exchange", original_id=original_id, reason=reason, approver_session=approver_session)
        return ("reversed", original_id)

    def bank_transfer(self, *, kind, amount, sender_session, receiver_session, transfer_id, reason=None,
                      terminal_id=None, approver_session=None):
        self._call("bank_transfer", kind=kind, amount=amount, sender_session=sender_session,
                   receiver_session=receiver_session, reason=reason, terminal_id=terminal_id,
                   approver_session=approver_session)
        return ("transfer", kind)

    def accountability(self, session, day):
        self._call("accountability", day=day)
        return []

    def foreign_accountability(self, session, day):
        self._call("foreign_accountability", day=day)
        return []

    # identification on file
    def add_id_document(self, *, session, player_id, doc_type, doc_number, expires_on, image):
        self._call("add_id_document", player_id=player_id, doc_type=doc_type, doc_number=doc_number,
                   expires_on=expires_on)
        return 1

    def id_documents(self, *, session, player_id):
        self._call("id_documents", player_id=player_id, session=session)
        return list(self.documents.get(player_id, []))

    def id_document_image(self, *, session, document_id):
        self._call("id_document_image", document_id=document_id)
        return None

    # reads for the counter screens
    def search_players(self, query, *, limit, currency):
        self._call("search_players", query=query, currency=currency)
        return [b for p, b in sorted(self.players.items()) if p.startswith(query)][:limit]

    def balance(self, player_id, *, currency):
        self._call("balance", player_id=player_id, currency=currency)
        return self.players[player_id]

    def balances(self, player_ids, *, currency):
        self._call("balances", player_ids=player_ids, currency=currency)
        return [self.players[p] for p in player_ids if p in self.players]

    def open_alert_id(self, player_id):
        self._call("open_alert_id", player_id=player_id)
        return None

    def recent_postings(self, player_id, *, limit):
        self._call("recent_postings", player_id=player_id, limit=limit)
        return []

    def shift_receipts(self, shift_id):
        self._call("shift_receipts", shift_id=shift_id)
        return []

    def posting(self, posting_id):
        self._call("posting", posting_id=posting_id)
        return self.postings.get(posting_id)

    def player_history(self, player_id, flt, *, offset, limit):
        self._call("player_history", player_id=player_id, offset=offset, limit=limit)
        return ("page", player_id)

    def identification_on_file(self, player_id):
        self._call("identification_on_file", player_id=player_id)
        return None

    def receipt_facts(self, posting_id):
        self._call("receipt_facts", posting_id=posting_id)
        return self.facts[posting_id]

    def verify_receipt(self, code):
        self._call("verify_receipt", code=code)
        return ("verified", code)


def credit_request(request_id: int, *, player_id: str = "101", limit: Decimal = Decimal("10000.00"),
                   by: str = "C100", note: str | None = None, status: str = "pending") -> CreditRequest:
    return CreditRequest(id=request_id, player_id=player_id, requested_limit=limit, note=note, requested_by=by,
                         requested_at=NOW, status=status, decided_by=None if status == "pending" else "F201",
                         decided_at=None, approved_limit=None, decision_reason=None, posting_id=None)


def balance(player_id: str, cash: str = "700") -> Balance:
    return Balance.of_amounts("INR", player_id=player_id, version=3, cash=cash, credit="0", credit_limit="0",
                              credit_approved=False, total_deposits=cash, total_withdrawals="0", name="A Player")


@dataclass
class FakeLocal:
    """The local side as these services use it: what it was told, and its pending postings."""

    pending: int = 0
    online: bool = True
    journal = None
    link = None
    shifts: list = field(default_factory=list)
    logins: list = field(default_factory=list)
    balances: list = field(default_factory=list)
    offline_causes: list = field(default_factory=list)

    def remember_shift(self, shift_id, staff_id=None):
        self.shifts.append((shift_id, staff_id))

    def remember_login(self, staff, pin):
        self.logins.append(staff.id)

    def remember_balance(self, player_id, cash):
        self.balances.append((player_id, cash))

    def pending_count(self, shift_id=None):
        return self.pending

    def authenticate_offline(self, staff_id, pin, cause):
        self.offline_causes.append(cause)
        return StaffMember(staff_id, "offline", "cashier")

    def carry_on_offline(self, cause):
        self.offline_causes.append(cause)

    def close(self):
        pass


def services(ledger: FakeLedger | None = None, local: FakeLocal | None = None, **config) -> Services:
    """Terminal services on the fakes: INR, this terminal, the given configuration."""
    overrides = {"terminal.id": TERMINAL, "ledger.url": None, "policy.variance_threshold": "50",
                 "policy.floor_manager_approval_limit": "25000"}
    overrides.update(config)
    cfg = load_config(env={"CASHIER_CONFIG": ""}, overrides=overrides)
    return Services(cfg, engine=None, local=local or FakeLocal(), ledger=ledger or FakeLedger())  # type: ignore[arg-type]
