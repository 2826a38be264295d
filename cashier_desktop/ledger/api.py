"""The ledger's public API for the terminal's services: one object bound to the engine, so
no service above holds an engine or opens a connection (`terminal.ledger_port.CageLedger`
is the port this adapts to; the composition root builds one per program).

Each method is one unit of work: a transaction (`in_transaction`) or an autocommit read
(`reading`), with driver errors mapped to domain errors by those two helpers. The SQL stays
in the modules it always lived in; this class only binds them to the engine.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy.engine import Engine

from ..domain.errors import PlayerNotFound
from ..domain.money import Money
from ..domain.policy import Policy
from ..domain.receipt_code import ReceiptCode
from ..domain.receipts import Balance, Receipt
from . import audit as _audit
from . import authority as _authority
from . import credit as _credit
from . import credit_lines as _lines
from . import handover as _handover
from . import history as _history
from . import id_documents as _ids
from . import queries as _queries
from . import receipt_check as _receipts
from . import shifts as _shifts
from . import staff as _staff
from .api_tables import store_policy
from . import staff_admin as _staff_admin
from .cash_reports import CtrRow, MtlRow, PriorCashQuery, ctr_rows, log_mtl, mtl_rows
from .credit_context import CreditContext, credit_contexts
from .drawer_holding import ForeignHolding, Holding, drawer_foreign_holding, drawer_holding
from . import exchange as _fx
from . import foreign_counts as _foreign
from . import transfers as _transfers
from .exchange import shift_exchanges
from .exchange_reversal import reverse_exchange
from .db import in_transaction, reading
from .denominations import cash_denominations
from .staff_sessions import close_staff_session, open_staff_session


class Ledger:
    """The PostgreSQL ledger behind `Services.ledger`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _tx(self, fn):
        return in_transaction(self.engine, fn)

    # staff sessions ---------------------------------------------------------------------
    def open_staff_session(self, staff_id: str, pin: str, *, purpose: str,
                           terminal_id: str | None) -> tuple[UUID, str, str, str, Decimal | None]:
        return open_staff_session(self.engine, staff_id, pin, purpose=purpose, terminal_id=terminal_id)

    def close_staff_session(self, token: UUID) -> None:
        close_staff_session(self.engine, token)

    def audit(self, action: str, *, staff_id: str | None = None, terminal_id: str | None = None) -> None:
        _audit.record(self.engine, action, staff_id=staff_id, terminal_id=terminal_id)

    def staff_names(self, staff_ids: list[str]) -> dict[str, str]:
        return _staff.staff_names(self.engine, staff_ids)

    def active_staff(self) -> list[tuple[str, str, str]]:
        return _authority.active_staff(self.engine)

    def store_policy(self, policy: Policy) -> None:
        with self.engine.begin() as conn:  # as before: a driver error is not mapped here
            store_policy(conn, policy)

    def counter_context(self, staff_ids: list[str], terminal_id: str, *, prior: PriorCashQuery | None = None
                        ) -> tuple[dict[str, _staff.StaffRecord], int | None, tuple[Decimal, Decimal] | None]:
        """The staff records, the terminal's open shift and (when asked) the player's prior
        cash, on ONE connection: what a posting's online authorization reads."""
        with reading(self.engine) as conn:  # driver errors come out as domain errors
            records, shift_id = _shifts.counter_context(conn, staff_ids, terminal_id)
            return records, shift_id, (prior.ask(conn) if prior is not None else None)

    def prior_cash(self, query: PriorCashQuery) -> tuple[Decimal, Decimal]:
        """(this gaming day's, this period's) cash of a player in one direction."""
        with reading(self.engine) as conn:
            return query.ask(conn)

    def log_mtl(self, *, start: datetime, end: datetime, tz: str, start_hour: int, threshold: Decimal,
                player_id: str, posting_id: UUID) -> int:
        """The MTL entry of one accepted posting, if it reached the threshold (idempotent)."""
        with self.engine.connect() as conn:  # one statement: autocommit, one round trip
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            return log_mtl(conn, start=start, end=end, tz=tz, start_hour=start_hour, threshold=threshold,
                           player_id=player_id, posting_id=posting_id)

    # staff administration ---------------------------------------------------------------
    def add_staff(self, session: UUID, staff_id: str, name: str, role: str, pin: str,
                  approval_limit: Decimal | None) -> None:
        self._tx(lambda conn: _staff_admin.add(conn, session, staff_id, name, role, pin, approval_limit))

    def set_staff_active(self, session: UUID, staff_id: str, active: bool) -> bool:
        return self._tx(lambda conn: _staff_admin.set_active_as(conn, session, staff_id, active))

    def reset_staff_pin(self, session: UUID, staff_id: str, pin: str) -> bool:
        return self._tx(lambda conn: _staff_admin.reset_pin_as(conn, session, staff_id, pin))

    def staff_list(self) -> list[tuple]:
        return self._tx(_staff_admin.list_staff)

    # large-cash reports -----------------------------------------------------------------
    def mtl_rows(self, day: date, *, start: datetime, end: datetime, tz: str, start_hour: int, threshold: Decimal,
                 fill_in: bool) -> list[MtlRow]:
        """The day's MTL, completed from the ledger first with `fill_in` (one transaction)."""
        def work(conn):
            if fill_in:
                log_mtl(conn, start=start, end=end, tz=tz, start_hour=start_hour, threshold=threshold)
            return mtl_rows(conn, day)
        return self._tx(work)

    def ctr_rows(self, *, start: datetime, end: datetime, threshold: Decimal, label: str) -> list[CtrRow]:
        with reading(self.engine) as conn:
            return ctr_rows(conn, start=start, end=end, threshold=threshold, label=label)

    # authority limits -------------------------------------------------------------------
    def authority_limits(self, session: UUID) -> list[_authority.AuthorityLimit]:
        return _authority.limits_in_force(self.engine, session)

    def set_authority_limit(self, *, session: UUID, staff_id: str, kind: str, limit: Decimal | None,
                            reason: str) -> int:
        return _authority.set_limit(self.engine, session=session, staff_id=staff_id, kind=kind, limit=limit,
                                    reason=reason)

    # shifts -----------------------------------------------------------------------------
    def cash_denominations(self, currency: str) -> list[Decimal]:
        return cash_denominations(self.engine, currency)

    def open_shift_of(self, terminal_id: str) -> _shifts.ShiftRecord | None:
        return _shifts.find_open_shift(self.engine, terminal_id)

    def shift(self, shift_id: int) -> _shifts.ShiftRecord | None:
        return self._tx(lambda conn: _shifts.get_shift(conn, shift_id))

    def shifts(self, *, terminal_id: str | None, status: str | None, staff_id: str | None,
               limit: int) -> list[_shifts.ShiftRecord]:
        return self._tx(lambda conn: _shifts.list_shift_rows(conn, terminal_id=terminal_id, status=status,
                                                             staff_id=staff_id, limit=limit))

    def open_shift(self, *, terminal_id: str, staff_id: str, currency: str, opening_float: Decimal,
                   opening_count: dict | None, session: UUID | None) -> _shifts.ShiftRecord:
        def work(conn):
            # the API checks the session and right, takes the login's terminal and audits it
            shift_id = _shifts.insert_shift(conn, terminal_id=terminal_id, staff_id=staff_id, currency=currency,
                                            opening_float=opening_float, opening_count=opening_count,
                                            session=session)
            return _shifts.get_shift(conn, shift_id)
        return self._tx(work)

    def close_shift(self, shift_id: int, *, closed_by: str, counted: Decimal, closing_count: dict | None,
                    variance_threshold: Decimal, session: UUID | None,
                    foreign: dict | None = None) -> _shifts.ShiftRecord:
        return self._tx(lambda conn: _shifts.close_shift_row(
            conn, shift_id, closed_by=closed_by, counted=counted, closing_count=closing_count,
            variance_threshold=variance_threshold, session=session, foreign=foreign))

    def foreign_counts(self, shift_id: int) -> tuple[_foreign.ForeignCount, ...]:
        with reading(self.engine) as conn:
            return _foreign.foreign_counts(conn, shift_id)

    def sign_off_shift(self, shift_id: int, *, by: str, note: str | None,
                       session: UUID | None) -> _shifts.ShiftRecord:
        return self._tx(lambda conn: _shifts.signoff_shift_row(conn, shift_id, by=by, note=note, session=session))

    def closed_shift_figures(self, shift_id: int
                             ) -> tuple[_shifts.DrawerTotals, tuple[_shifts.ShiftPosting, ...]]:
        return self._tx(lambda conn: (_shifts.drawer_totals(conn, shift_id),
                                      tuple(_shifts.shift_postings(conn, shift_id))))

    def drawer_holding(self, session: UUID, shift_id: int) -> list[Holding]:
        return drawer_holding(self.engine, session, shift_id)

    def drawer_foreign_holding(self, session: UUID, shift_id: int) -> list[ForeignHolding]:
        return drawer_foreign_holding(self.engine, session, shift_id)

    def shift_exchanges(self, shift_id: int) -> list:
        return shift_exchanges(self.engine, shift_id)

    def handed_over_shift(self, handover_id: UUID) -> _shifts.ShiftRecord | None:
        return _handover.handed_over_shift(self.engine, handover_id)

    def hand_over(self, *, handover_id: UUID, shift_id: int, outgoing_session: UUID | None,
                  incoming_session: UUID | None, outgoing_counted: Decimal, outgoing_count: dict | None,
                  incoming_counted: Decimal, incoming_count: dict | None, outgoing_foreign: dict | None = None,
                  incoming_foreign: dict | None = None) -> tuple[_shifts.ShiftRecord, _shifts.ShiftRecord, bool]:
        return _handover.hand_over_once(
            self.engine, handover_id=handover_id, shift_id=shift_id, outgoing_session=outgoing_session,
            incoming_session=incoming_session, outgoing_counted=outgoing_counted, outgoing_count=outgoing_count,
            incoming_counted=incoming_counted, incoming_count=incoming_count, outgoing_foreign=outgoing_foreign,
            incoming_foreign=incoming_foreign)

    # credit requests --------------------------------------------------------------------
    def request_credit(self, player_id: str, limit: Decimal, note: str | None, by: str, *,
                       session: UUID | None) -> _credit.CreditRequest:
        def work(conn):
            if not _credit.player_exists(conn, player_id):
                raise PlayerNotFound.of(player_id)
            # the API checks the session's right and writes the audit row
            return _credit.insert_request(conn, player_id, limit, note, by, session=session)
        return self._tx(work)

    def credit_request(self, request_id: int) -> _credit.CreditRequest | None:
        with reading(self.engine) as conn:
            return _credit.get_request(conn, request_id)

    def credit_requests(self, *, status: str | None, player_id: str | None,
                        limit: int) -> list[_credit.CreditRequest]:
        return self._tx(lambda conn: _credit.list_requests(conn, status=status, player_id=player_id, limit=limit))

    def decide_credit(self, request_id: int, *, approve: bool, session: UUID | None, staff_id: str,
                      terminal_id: str, limit: Decimal | None = None, reason: str | None = None,
                      posting_id: UUID | None = None, request_hash: str | None = None,
                      currency: str | None = None) -> tuple[_credit.CreditRequest, Receipt | None]:
        """ONE transaction: the request locked, the line posted (an approval), the decision
        and its audit row written (`cage.decide_credit`), and the request read back."""
        def work(conn):
            receipt = _credit.decide_in_database(
                conn, request_id, approve=approve, session=session, staff_id=staff_id, terminal_id=terminal_id,
                limit=limit, reason=reason, posting_id=posting_id, request_hash=request_hash, currency=currency)
            return _credit.get_request(conn, request_id), receipt
        return self._tx(work)

    def credit_contexts(self, player_ids: list[str]) -> dict[str, CreditContext]:
        return credit_contexts(self.engine, player_ids)

    # credit lines and markers -----------------------------------------------------------
    def grant_temporary_credit(self, *, session: UUID, approver_session: UUID | None, player_id: str,
                               limit: Decimal, expires_at: datetime, reason: str) -> int:
        return _lines.grant_temporary(self.engine, session=session, approver_session=approver_session,
                                      player_id=player_id, limit=limit, expires_at=expires_at, reason=reason)

    def credit_changes(self, player_id: str) -> list[_lines.CreditChange]:
        return _lines.history(self.engine, player_id)

    def effective_limit(self, player_id: str) -> Decimal:
        return _lines.effective_limit(self.engine, player_id)

    def line_in_force(self, player_id: str) -> tuple[Decimal, float | None]:
        return _lines.line_in_force(self.engine, player_id)

    def markers(self, player_id: str) -> list[_lines.Marker]:
        return _lines.markers(self.engine, player_id)

    def markers_due(self, session: UUID, by: date) -> list[tuple[str, UUID, date, Decimal]]:
        return _lines.markers_due(self.engine, session, by)

    def marker_aging(self, as_of: date | None) -> list[_lines.Aging]:
        return _lines.aging(self.engine, as_of)

    # foreign exchange and the main bank -------------------------------------------------
    def rates_in_force(self) -> list[_fx.CurrencyRate]:
        return _fx.rates_in_force(self.engine)

    def set_rate(self, session: UUID, currency: str, buy: Decimal, sell: Decimal) -> int:
        return _fx.set_rate(self.engine, session, currency, buy, sell)

    def exchange(self, *, session: UUID, direction: str, foreign: Money, posting_id: UUID | None,
                 approver_session: UUID | None, player_id: str | None, quoted_rate: int | None,
                 id_type: str | None, id_number: str | None, notes: dict[str, int] | None = None) -> _fx.Exchange:
        return _fx.exchange(self.engine, session=session, direction=direction, foreign=foreign,
                            posting_id=posting_id, approver_session=approver_session, player_id=player_id,
                            quoted_rate=quoted_rate, id_type=id_type, id_number=id_number, notes=notes)

    def reverse_exchange(self, *, session: UUID, original_id: UUID, reason: str, reversal_id: UUID | None,
                         approver_session: UUID | None) -> _fx.Exchange:
        return reverse_exchange(self.engine, session=session, original_id=original_id, reason=reason,
                                reversal_id=reversal_id, approver_session=approver_session)

    def bank_transfer(self, *, kind: str, amount: Money, sender_session: UUID | None,
                      receiver_session: UUID | None, transfer_id: UUID | None, reason: str | None = None,
                      terminal_id: str | None = None, approver_session: UUID | None = None) -> _transfers.Transfer:
        return _transfers.transfer(self.engine, kind=kind, amount=amount, sender_session=sender_session,
                                   receiver_session=receiver_session, transfer_id=transfer_id, reason=reason,
                                   terminal_id=terminal_id, approver_session=approver_session)

    def accountability(self, session: UUID | None, day: date | None) -> list[_transfers.AccountabilityLine]:
        return _transfers.accountability(self.engine, session, day)

    def foreign_accountability(self, session: UUID | None, day: date | None) -> list[_transfers.AccountabilityLine]:
        return _transfers.foreign_accountability(self.engine, session, day)

    # identification on file ------------------------------------------------------------
    def add_id_document(self, *, session: UUID, player_id: str, doc_type: str, doc_number: str,
                        expires_on: date, image: bytes | None) -> int:
        return _ids.add_document(self.engine, session=session, player_id=player_id, doc_type=doc_type,
                                 doc_number=doc_number, expires_on=expires_on, image=image)

    def id_documents(self, *, session: UUID, player_id: str) -> list[_ids.IdDocument]:
        return _ids.documents_of(self.engine, session=session, player_id=player_id)

    def id_document_image(self, *, session: UUID, document_id: int) -> tuple[str, bytes] | None:
        return _ids.document_image(self.engine, session=session, document_id=document_id)

    # reads for the counter screens ------------------------------------------------------
    def search_players(self, query: str, *, limit: int, currency: str) -> list[Balance]:
        return _queries.search_players(self.engine, query, limit=limit, currency=currency)

    def balance(self, player_id: str, *, currency: str) -> Balance:
        return _queries.get_balance(self.engine, player_id, currency=currency)

    def balances(self, player_ids: list[str], *, currency: str) -> list[Balance]:
        return _queries.get_balances(self.engine, player_ids, currency=currency)

    def open_alert_id(self, player_id: str) -> int | None:
        return _queries.open_alert_id(self.engine, player_id)

    def recent_postings(self, player_id: str, *, limit: int) -> list[Receipt]:
        return _queries.recent_postings(self.engine, player_id, limit=limit)

    def shift_receipts(self, shift_id: int) -> list[Receipt]:
        return _queries.postings_of_shift(self.engine, shift_id)

    def posting(self, posting_id: UUID | str) -> Receipt | None:
        return _queries.get_posting(self.engine, posting_id)

    def player_history(self, player_id: str, flt: _history.HistoryFilter, *, offset: int,
                       limit: int) -> _history.HistoryPage:
        return _history.player_history(self.engine, player_id, flt, offset=offset, limit=limit)

    def identification_on_file(self, player_id: str) -> _history.IdOnFile | None:
        return _history.identification_on_file(self.engine, player_id)

    def receipt_facts(self, posting_id: UUID) -> _receipts.ReceiptFacts:
        return _receipts.receipt_facts(self.engine, posting_id)

    def verify_receipt(self, code: ReceiptCode) -> _receipts.Verification:
        return _receipts.verify(self.engine, code)
