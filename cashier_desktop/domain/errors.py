"""Errors the person at the counter can read.

Every `CounterError` renders, through `str()`, as one plain sentence for the cashier. Two
kinds: a `CashierError` is a refusal (nothing was posted; the CLI exits 2), a
`PostingInDoubt` is not (it may have posted: do not hand over the cash yet; the CLI exits
4). `LedgerUnavailable` is different in kind: an infrastructure failure that turns the
terminal offline and never loses the request.
"""

from __future__ import annotations


class CounterError(Exception):
    """Something the counter shows as one plain sentence (`str()`)."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class CashierError(CounterError):
    """A refusal with a sentence for the counter. Nothing was posted."""

    code = "refused"


class InvalidAmount(CashierError):
    code = "invalid_amount"

    @classmethod
    def not_positive(cls) -> "InvalidAmount":
        return cls("The amount must be more than zero.")

    @classmethod
    def too_large(cls) -> "InvalidAmount":
        """Above what NUMERIC(14,2) holds."""
        return cls("That amount is too large to record.")


class InvalidInput(CashierError):
    code = "invalid_input"

    @classmethod
    def no_staff_member(cls, staff_id: str) -> "InvalidInput":
        return cls(f"There is no staff member {staff_id}.")

    @classmethod
    def no_credit_request(cls, request_id: int) -> "InvalidInput":
        return cls(f"There is no credit request {request_id}.")

    @classmethod
    def counted_twice(cls, denomination: str) -> "InvalidInput":
        return cls(f"Denomination {denomination} is counted twice.")

    @classmethod
    def own_currency_as_foreign(cls, code: str) -> "InvalidInput":
        return cls(f"{code} is this cage's own currency: count it with the drawer, not as foreign cash.")

    @classmethod
    def not_a_uuid(cls, typed: str) -> "InvalidInput":
        return cls(f"“{typed}” is not a UUID.")

    @classmethod
    def not_a_posting_id(cls, typed: str) -> "InvalidInput":
        return cls(f"“{typed}” is not a posting id.")


class InsufficientFunds(CashierError):
    code = "insufficient_funds"


class CreditLimitExceeded(CashierError):
    code = "credit_limit_exceeded"


class CreditNotApproved(CashierError):
    code = "credit_not_approved"


class MarkerOverpaid(CashierError):
    code = "marker_overpaid"


class PlayerNotFound(CashierError):
    code = "player_not_found"

    @classmethod
    def of(cls, player_id: str) -> "PlayerNotFound":
        """The one sentence for it (the GUI's translations match this wording)."""
        return cls(f"There is no player “{player_id}”.")


class PostingNotFound(CashierError):
    code = "posting_not_found"


class NotReversible(CashierError):
    code = "not_reversible"


class AlreadyReversed(CashierError):
    code = "already_reversed"


class IdempotencyConflict(CashierError):
    code = "idempotency_conflict"

    @classmethod
    def of(cls, posting_id) -> "IdempotencyConflict":
        """The same id with another request: in the journal or in the ledger, one sentence."""
        return cls(f"Posting id {posting_id} was already used for a different request; nothing was posted.")


class NotAuthorized(CashierError):
    code = "not_authorized"

    @classmethod
    def not_own_id(cls) -> "NotAuthorized":
        """Online or offline, a posting is made under the logged-in person's id only."""
        return cls("A posting can only be made under your own staff id.")


class AuthenticationFailed(CashierError):
    code = "authentication_failed"


class AccountLocked(CashierError):
    code = "account_locked"


class SessionInvalid(CashierError):
    """A staff session the database does not accept (unknown, expired, ended, another
    terminal login's, or its staff member disabled): log in again."""
    code = "session_invalid"


class ApprovalRequired(CashierError):
    code = "approval_required"

    @classmethod
    def pin_of(cls, approver_id: str) -> "ApprovalRequired":
        return cls(f"{approver_id} must enter their PIN to approve this.")


class IdentificationRequired(CashierError):
    code = "identification_required"


class ShiftNotOpen(CashierError):
    code = "shift_not_open"

    @classmethod
    def no_shift(cls, shift_id: int) -> "ShiftNotOpen":
        return cls(f"There is no shift {shift_id}.")


class ShiftError(CashierError):
    code = "shift_error"


class CurrencyMismatch(CashierError):
    code = "currency_mismatch"


class OfflineNotAllowed(CashierError):
    code = "offline_not_allowed"


class RateChanged(CashierError):
    """The exchange rate changed after it was quoted to the player: quote again."""

    code = "rate_changed"


class DrawerShort(CashierError):
    """The drawer cannot pay out that much cash (the database's check, 0023): the cashier
    asks the main bank for a fill. The sentence names no drawer figure (blind count)."""

    code = "drawer_short"


class DocumentExpired(CashierError):
    """The player's identification document (typed, or the one on file) has expired: ask for
    a valid one. Nothing was posted or put on file."""

    code = "document_expired"


class PostingInDoubt(CounterError):
    """The connection broke while the posting was being sent, and the ledger could not be
    asked whether it arrived. Not a refusal: it may have been posted. The journal keeps it
    in doubt and the replay settles it by its id."""

    code = "in_doubt"


class AlreadyRefused(CashierError):
    """This posting id was refused before. A refusal is final: the id is never sent again, so
    a refusal the cashier was shown can never turn into a posting later."""

    code = "already_refused"


class LedgerBusy(CashierError):
    """The ledger answered, but could not do it now: a lock it waited for too long, a
    statement cancelled by its timeout, repeated serialization conflicts, no free
    connection on this terminal. The statement was rolled back (or never sent): nothing was
    posted, and the terminal is not offline."""

    code = "ledger_busy"


class JournalBusy(CashierError):
    """The terminal's journal stayed locked by another program past its busy timeout;
    nothing was journaled, so nothing was sent."""

    code = "journal_busy"


class ConfigError(CashierError):
    code = "config_error"


# A supervisor's decision on an integrity alert (the correction functions, migration 0005).
class AlertNotOpen(CashierError):
    code = "alert_not_open"


class AlertStillHolds(CashierError):
    code = "alert_still_holds"


class NothingToCorrect(CashierError):
    code = "nothing_to_correct"


class ChainBroken(CashierError):
    code = "chain_broken"


class RevertNotPossible(CashierError):
    code = "revert_not_possible"


class LedgerUnavailable(Exception):
    """The ledger could not be reached or the connection broke mid-transaction.

    Not a refusal: the request may or may not have committed (in doubt), and the
    journal keeps it for replay with the same id.
    """

    code = "ledger_unavailable"
    # Set by the adapter when it knows: `sent` False means the request never left the
    # terminal (no connection could be made), so it cannot have posted; `backend_pid` is the
    # server process that was running it when the connection broke (see `settle`).
    sent: bool = True
    backend_pid: int | None = None

    def __str__(self) -> str:
        detail = super().__str__()
        return "The ledger cannot be reached right now" + (f" ({detail})." if detail else ".")
