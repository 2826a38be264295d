"""The counter's verbs with typed inputs: the GUI and the CLI both call these, and only these,
to move money or read what the cashier is shown, so the two cannot compose an action
differently (an approver's PIN checked in one and not the other, a reversal built two ways).

Opening and closing shifts and credit requests have their verbs in `shifts.py` and
`credit.py`; this module holds the postings, the balance and the integrity check. The cage
operations of issue 17 have theirs in `fx.py` (exchange, rates), `credit_lines.py`
(temporary lines, credit history, markers due and aging), `authority.py` (limits per staff
member) and `drawer.py` (a drawer by denomination); the GUI and the CLI call those modules,
named here so that this module stays the map of what a person can do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from ..domain.commands import PostingCommand, new_id
from ..domain.errors import InvalidInput
from ..domain.kinds import Kind
from ..domain.money import Money
from ..domain.notes import Notes
from ..domain.receipts import Balance, PendingReceipt, Receipt
from .auth import StaffMember, verify_approver
from .counter import submit
from .services import Services
from . import authority, credit_lines, drawer, fx  # noqa: F401 - the cage operations' verbs (see above)
from .fx import exchange, rates, set_rate  # noqa: F401 - the exchange's verbs by name


@dataclass(frozen=True, slots=True)
class Credentials:
    """A second person's staff id and PIN as typed (dual control). The database checks the
    PIN (`verify_approver`); whether this person may approve is decided by `authorize`."""

    staff_id: str
    pin: str = field(repr=False)


def posting_command(terminal_id: str, staff_id: str, kind: Kind, player_id: str, amount: Money, *,
                    posting_id: UUID | None = None, shift_id: int | None = None, approver_id: str | None = None,
                    reason: str | None = None, id_type: str | None = None, id_number: str | None = None,
                    notes_in: Notes = (), notes_out: Notes = ()) -> PostingCommand:
    """The one way a counter posting is composed (the posting dialog, the CLI's `post`,
    `deposit`/`withdraw`): a fresh id unless the caller keeps one for a retry, on this terminal."""
    return PostingCommand(id=posting_id or new_id(), kind=kind, player_id=player_id, amount=amount,
                          staff_id=staff_id, terminal_id=terminal_id, shift_id=shift_id, approver_id=approver_id,
                          reason=reason, id_type=id_type, id_number=id_number, notes_in=notes_in,
                          notes_out=notes_out)


def post(services: Services, staff: StaffMember, cmd: PostingCommand,
         approver: Credentials | None = None, *, id_expires: str | date | None = None
         ) -> Receipt | PendingReceipt:
    """Post `cmd` for the logged-in `staff`, with the approver's PIN verified first if given.

    With `id_expires`, the document typed at the counter (`cmd.id_type`, `cmd.id_number`) is
    put on file first: an expired one is refused there, before anything is posted, and the
    posting then records it as the document on file. Exactly once by `cmd.id`: the same
    command sent again answers with the first outcome."""
    from .id_documents import file_typed_document
    file_typed_document(services, staff, cmd.player_id, cmd.id_type, cmd.id_number, id_expires)
    second = None
    if approver is not None:
        second = verify_approver(services, approver.staff_id, approver.pin,
                                 terminal_id=cmd.terminal_id or services.config.terminal_id)
    return submit(services, staff, cmd, second)


def deposit(services: Services, staff: StaffMember, player_id: str, amount: Money, *,
            posting_id: UUID | None = None, approver: Credentials | None = None,
            id_type: str | None = None, id_number: str | None = None) -> Receipt | PendingReceipt:
    """Cash in for a player (the drawer gains it)."""
    return post(services, staff, _command(services, staff, Kind.DEPOSIT, player_id, amount, posting_id,
                                          approver, id_type=id_type, id_number=id_number), approver)


def withdraw(services: Services, staff: StaffMember, player_id: str, amount: Money, *,
             posting_id: UUID | None = None, approver: Credentials | None = None,
             id_type: str | None = None, id_number: str | None = None) -> Receipt | PendingReceipt:
    """Cash out to a player (the drawer pays it)."""
    return post(services, staff, _command(services, staff, Kind.WITHDRAWAL, player_id, amount, posting_id,
                                          approver, id_type=id_type, id_number=id_number), approver)


def reversal(services: Services, staff_id: str, reverses_id: UUID, reason: str | None, *,
             amount: Money | None = None, posting_id: UUID | None = None,
             approver_id: str | None = None, player_id: str | None = None) -> PostingCommand:
    """The command that undoes posting `reverses_id` (a correction: it needs a reason, and the
    issuer approves it unless `approver_id` names someone else).

    Without `amount` (or `player_id`) the original posting is looked up for them (one read);
    the GUI, which shows the original, passes both."""
    if amount is None or player_id is None:
        original = services.ledger.posting(reverses_id)
        if original is None:
            raise InvalidInput(f"There is no posting {reverses_id} to reverse.")
        amount = amount if amount is not None else original.amount
        player_id = player_id or original.player_id
    return PostingCommand(
        id=posting_id or new_id(), kind=Kind.REVERSAL, player_id=player_id, amount=amount, staff_id=staff_id,
        terminal_id=services.config.terminal_id, approver_id=approver_id or staff_id,
        reverses_id=reverses_id, reason=reason.strip() if reason else reason)


def reverse(services: Services, staff: StaffMember, reverses_id: UUID, reason: str, *,
            amount: Money | None = None, posting_id: UUID | None = None, player_id: str | None = None,
            approver: Credentials | None = None) -> Receipt | PendingReceipt:
    """Undo posting `reverses_id` (see `reversal`)."""
    cmd = reversal(services, staff.id, reverses_id, reason, amount=amount, posting_id=posting_id,
                   approver_id=approver.staff_id if approver else None, player_id=player_id)
    return post(services, staff, cmd, approver)


def balance(services: Services, player_id: str) -> Balance:
    """One player's balances (PlayerNotFound if none); the cash seen is remembered for
    offline withdrawals."""
    from .lookups import player_balance
    return player_balance(services, player_id)


def integrity(services: Services, *, chains: bool = True) -> list:
    """Every discrepancy between cached balances and the ledger (hash chains too unless
    `chains` is False), plus the anchors' findings when anchoring is configured. Findings,
    not exceptions: an empty list means clean."""
    from ..ledger.integrity import run_integrity
    from ..monitoring.anchor import anchor_findings
    return run_integrity(services.engine, chains=chains) + anchor_findings(services.config, services.engine)


def _command(services: Services, staff: StaffMember, kind: Kind, player_id: str, amount: Money,
             posting_id: UUID | None, approver: Credentials | None, **extra) -> PostingCommand:
    return posting_command(services.config.terminal_id, staff.id, kind, player_id, amount, posting_id=posting_id,
                           approver_id=approver.staff_id if approver else None, **extra)
