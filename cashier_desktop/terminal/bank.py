"""Fills and credits at the window, and the cage's total accountability.

A fill brings cash from the main bank to this window's drawer, a credit takes it back; the
window's cashier is logged in, the bank's person enters their PIN at the window (two
signatures, two people). `fund` / `remit` move cash between the bank and the outside
(count room, treasury), signed by two people with the right. Above a signer's authority
limit for the kind, a third person (`approver`) enters their PIN too. The database decides
(`cage.bank_transfer`); the checks here only answer sooner.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

from ..domain.errors import InvalidInput
from ..domain.money import Money
from ..domain.roles import Action, require
from ..ledger.db import warn_if_gui_thread
from ..ledger.transfers import AccountabilityLine, Transfer
from .auth import verify_approver
from .session import Session
from .verbs import Credentials


def _bank_signer(services, session: Session, bank: Credentials):
    if bank.staff_id == session.staff.id:
        raise InvalidInput("The bank's side must be signed by someone other than you.")
    member = verify_approver(services, bank.staff_id, bank.pin, terminal_id=session.terminal_id)
    require(member.role, Action.BANK_TRANSFER)
    return member


def _approver_session(services, session: Session, approver: Credentials | None, *signers: str) -> UUID | None:
    """The third person's session (None: no approver); never one of the two who sign."""
    if approver is None:
        return None
    if approver.staff_id in signers:
        raise InvalidInput("The approver must be someone other than the two who sign.")
    return verify_approver(services, approver.staff_id, approver.pin, terminal_id=session.terminal_id).session_token


def fill(services, session: Session, amount: Money, bank: Credentials, *, transfer_id: UUID | None = None,
         approver: Credentials | None = None) -> Transfer:
    """Cash from the main bank into this window's drawer: the bank's person sends, the
    window's cashier (`session`) receives."""
    warn_if_gui_thread("fill")
    member = _bank_signer(services, session, bank)
    return services.ledger.bank_transfer(kind="fill", amount=amount, sender_session=member.session_token,
                                         receiver_session=session.staff.session_token, transfer_id=transfer_id,
                                         terminal_id=session.terminal_id,
                                         approver_session=_approver_session(services, session, approver,
                                                                            bank.staff_id, session.staff.id))


def credit(services, session: Session, amount: Money, bank: Credentials, *,
           transfer_id: UUID | None = None, approver: Credentials | None = None) -> Transfer:
    """Cash from this window's drawer back to the main bank: the window's cashier sends,
    the bank's person receives."""
    warn_if_gui_thread("credit")
    member = _bank_signer(services, session, bank)
    return services.ledger.bank_transfer(kind="credit", amount=amount, sender_session=session.staff.session_token,
                                         receiver_session=member.session_token, transfer_id=transfer_id,
                                         terminal_id=session.terminal_id,
                                         approver_session=_approver_session(services, session, approver,
                                                                            bank.staff_id, session.staff.id))


def move_bank_cash(services, session: Session, kind: str, amount: Money, witness: Credentials, reason: str, *,
                   transfer_id: UUID | None = None, approver: Credentials | None = None) -> Transfer:
    """`fund` (cash into the bank from outside the cage) or `remit` (out of it), signed by
    `session` and a witness, both with the right, with where the cash comes from or goes."""
    warn_if_gui_thread("move_bank_cash")
    if kind not in ("fund", "remit"):
        raise InvalidInput("Cash moves into the bank (fund) or out of it (remit).")
    require(session.staff.role, Action.BANK_TRANSFER)
    if not (reason or "").strip():
        raise InvalidInput("Say where the cash comes from or goes to.")
    member = _bank_signer(services, session, witness)
    sender, receiver = session.staff.session_token, member.session_token
    return services.ledger.bank_transfer(kind=kind, amount=amount, sender_session=sender, receiver_session=receiver,
                                         transfer_id=transfer_id, reason=reason.strip(),
                                         approver_session=_approver_session(services, session, approver,
                                                                            witness.staff_id, session.staff.id))


def accountability(services, session: Session, day: date | None = None) -> list[AccountabilityLine]:
    """The cage's total accountability at the end of gaming day `day` (or now): every drawer,
    the bank, the markers outstanding, each beside the ledger's figure, then each drawer's
    foreign cash per currency (`currency` set: a total of its own). A supervisor's."""
    warn_if_gui_thread("accountability")
    require(session.staff.role, Action.RUN_REPORTS)
    token = session.staff.session_token
    return services.ledger.accountability(token, day) + services.ledger.foreign_accountability(token, day)


def totals_by_currency(lines: list[AccountabilityLine]) -> dict[str | None, Decimal]:
    """Each currency's own total: None (the cage's currency) first, then each foreign currency
    in the order its lines come. No rate turns dollars into rupees here."""
    totals: dict[str | None, Decimal] = {None: Decimal("0")}
    for line in lines:
        totals[line.currency] = totals.get(line.currency, Decimal("0")) + line.amount
    return totals
