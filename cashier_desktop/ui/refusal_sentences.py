"""The rest of the domain's and the ledger's sentences a window can show, as templates.

domain_text.py words the counter's common sentences again in the terminal's language; these
are the others a person can meet in a window — role refusals, credit decisions, approvals,
staff sessions and lockouts, shifts, reversals, offline limits, alert corrections. Each
template is the English sentence with %1… for its variable parts; its pattern is made from it
(so the two cannot drift apart), and lupdate collects it for the .ts (context "DomainText").
Parts that are words (a role, an action, a kind, a status) are translated too.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEMPLATES: list[str] = [
    # role refusals (domain/roles.py `require`; the posting API's own)
    QT_TRANSLATE_NOOP("DomainText", "As a %1 you cannot %2; ask a %3."),
    QT_TRANSLATE_NOOP("DomainText", "As an %1 you cannot %2; ask a %3."),
    QT_TRANSLATE_NOOP("DomainText", "Only a supervisor can approve a %1 (%2 is a %3); nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "Only a supervisor may resolve an integrity alert."),
    QT_TRANSLATE_NOOP("DomainText", "Only a supervisor can administer staff (%1 is a %2)."),
    # credit decisions
    QT_TRANSLATE_NOOP("DomainText", "You filed this request; another floor manager or supervisor must decide it."),
    QT_TRANSLATE_NOOP("DomainText", "A limit of %1 is above your approval authority of %2."),
    QT_TRANSLATE_NOOP("DomainText", "A limit of %1 is above the approval authority of %2 (%3)."),
    QT_TRANSLATE_NOOP("DomainText", "The limit %1 is above the approval authority of %2 (%3); nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "Give a reason for denying the request."),
    QT_TRANSLATE_NOOP("DomainText", "Credit request %1 was already %2 by %3."),
    QT_TRANSLATE_NOOP("DomainText", "Credit request %1 was already %2."),
    QT_TRANSLATE_NOOP("DomainText", "There is no credit request %1."),
    # approvals (dual control)
    QT_TRANSLATE_NOOP("DomainText", "%1 must enter their PIN to approve this."),
    QT_TRANSLATE_NOOP("DomainText", "You cannot approve your own transaction; another staff member must."),
    QT_TRANSLATE_NOOP("DomainText", "%1 is a %2 and cannot approve; ask a floor manager or supervisor."),
    QT_TRANSLATE_NOOP("DomainText", "The approver named on the posting (%1) is not the one who entered their PIN (%2)."),
    QT_TRANSLATE_NOOP("DomainText", "The %1 named (%2) is not the one who entered their PIN (%3); nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "The %1 (%2) must enter their PIN at this terminal; nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "Staff member %1 is a %2 and cannot approve; nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "Staff member %1 is disabled and cannot approve; nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "The approver must be someone other than the issuer (%1); nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "There is no staff member “%1” to approve this; nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "A %1 of %2 needs a second person: a floor manager or supervisor must approve it "
                                    "with their PIN."),
    QT_TRANSLATE_NOOP("DomainText", "A %1 needs an approver; nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "A %1 needs an approver."),
    QT_TRANSLATE_NOOP("DomainText", "A %1 needs a reason."),
    # staff sessions, PINs, lockouts
    QT_TRANSLATE_NOOP("DomainText", "%1 is no longer an active staff member; log in again."),
    QT_TRANSLATE_NOOP("DomainText", "%1 is no longer an active staff member."),
    QT_TRANSLATE_NOOP("DomainText", "Log in at the terminal first: the ledger needs your staff session. Nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "Log in at the terminal first: the ledger needs your staff session."),
    QT_TRANSLATE_NOOP("DomainText", "That staff session is not valid; log in again."),
    QT_TRANSLATE_NOOP("DomainText", "The staff session of %1 has ended; log in again."),
    QT_TRANSLATE_NOOP("DomainText", "The PIN of %1 must be re-set by a supervisor before it can be used."),
    QT_TRANSLATE_NOOP("DomainText", "%1 is locked after too many wrong PINs until %2 (database time); ask a supervisor "
                                    "to reset the PIN."),
    QT_TRANSLATE_NOOP("DomainText", "%1 is locked after too many wrong PINs on this terminal until %2 UTC; the ledger "
                                    "is offline."),
    QT_TRANSLATE_NOOP("DomainText", "Too many wrong PINs: %1 is locked on this terminal until %2 UTC."),
    QT_TRANSLATE_NOOP("DomainText", "A PIN is %1 to 12 digits."),
    QT_TRANSLATE_NOOP("DomainText", "That is not a staff id."),
    # shifts
    QT_TRANSLATE_NOOP("DomainText", "Shift %1 belongs to %2; only they or a supervisor can close it."),
    QT_TRANSLATE_NOOP("DomainText", "%1 postings are still waiting for the ledger; the shift can be closed once they "
                                    "are posted."),
    QT_TRANSLATE_NOOP("DomainText", "%1 posting is still waiting for the ledger; the shift can be closed once they "
                                    "are posted."),
    QT_TRANSLATE_NOOP("DomainText", "There is no shift %1."),
    QT_TRANSLATE_NOOP("DomainText", "You cannot sign off your own shift; another supervisor must."),
    QT_TRANSLATE_NOOP("DomainText", "Shift %1 has a variance of %2: write what was found before signing off."),
    QT_TRANSLATE_NOOP("DomainText", "You cannot see another cashier's shift report; ask a supervisor."),
    QT_TRANSLATE_NOOP("DomainText", "Terminal %1 already has an open shift; close it first."),
    QT_TRANSLATE_NOOP("DomainText", "The count adds up to %1, not %2."),
    QT_TRANSLATE_NOOP("DomainText", "Give the opening float: an amount or a count by denomination."),
    QT_TRANSLATE_NOOP("DomainText", "The opening float cannot be negative."),
    QT_TRANSLATE_NOOP("DomainText", "Shift %1 is already closed."),
    QT_TRANSLATE_NOOP("DomainText", "Shift %1 is closed; open a shift on this terminal first. Nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "Shift %1 was already signed off by %2."),
    QT_TRANSLATE_NOOP("DomainText", "Shift %1 is still open; it is signed off after its count."),
    QT_TRANSLATE_NOOP("DomainText", "Shift %1 is not the open shift of terminal %2; nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "Shift %1 at terminal %2 is %3's drawer and only they post into it: hand the "
                                    "drawer over first (a handover); nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "The ledger is offline and no open shift is known on this terminal; nothing can "
                                    "be taken until a shift is open."),
    QT_TRANSLATE_NOOP("DomainText", "%1 pieces of %2 is not a plausible count."),
    QT_TRANSLATE_NOOP("DomainText", "Denomination %1 is counted twice."),
    QT_TRANSLATE_NOOP("DomainText", "The quantity for %1 must be a whole number."),
    QT_TRANSLATE_NOOP("DomainText", "The quantity for %1 cannot be negative."),
    QT_TRANSLATE_NOOP("DomainText", "%1 is not a denomination of this currency (%2)."),
    # reversals and corrections
    QT_TRANSLATE_NOOP("DomainText", "Posting %1 has already been reversed."),
    QT_TRANSLATE_NOOP("DomainText", "There is no posting %1 to reverse."),
    QT_TRANSLATE_NOOP("DomainText", "A reversal must be for the original amount, %1."),
    QT_TRANSLATE_NOOP("DomainText", "Posting %1 belongs to player %2, not %3."),
    QT_TRANSLATE_NOOP("DomainText", "Say which posting to reverse."),
    QT_TRANSLATE_NOOP("DomainText", "Alert %1 was already resolved (%2)."),
    QT_TRANSLATE_NOOP("DomainText", "Alert %1 still holds (%2); adopt or revert it instead."),
    QT_TRANSLATE_NOOP("DomainText", "There is no alert %1."),
    QT_TRANSLATE_NOOP("DomainText", "Reverting would leave player %1 at cash %2, credit %3 of limit %4 (postings were "
                                    "made on top of the outside change); adopt it instead."),
    # integrity findings (ledger/integrity.py `Finding.sentence`) and alert corrections
    QT_TRANSLATE_NOOP("DomainText", "player %1: %2: expected %3, found %4"),
    QT_TRANSLATE_NOOP("DomainText", "player %1: posting %2 (#%3): %4"),
    QT_TRANSLATE_NOOP("DomainText", "player %1: hash chain: %2"),
    QT_TRANSLATE_NOOP("DomainText", "chain anchors: %1"),
    QT_TRANSLATE_NOOP("DomainText", "Alert %1 adopted: %2 of %3 recorded as posting %4; player %5's balances are "
                                    "unchanged."),
    QT_TRANSLATE_NOOP("DomainText", "Alert %1 reverted: player %2's columns restored from the ledger."),
    QT_TRANSLATE_NOOP("DomainText", "Alert %1 dismissed: player %2 agrees with the ledger."),
    # offline
    QT_TRANSLATE_NOOP("DomainText", "The ledger is offline: a %1 cannot be made until it is back."),
    QT_TRANSLATE_NOOP("DomainText", "A %1 cannot be taken offline; nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "Terminal %1 may take at most %2 per posting and %3 per shift offline; nothing "
                                    "was posted."),
    QT_TRANSLATE_NOOP("DomainText", "The terminal's journal is busy in another program; nothing was posted. Try again."),
    # amounts, ids, receipts
    QT_TRANSLATE_NOOP("DomainText", "This cage works in %1, not %2."),
    QT_TRANSLATE_NOOP("DomainText", "Player %1 no longer exists."),
    QT_TRANSLATE_NOOP("DomainText", "The amount must be positive; nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "The amount must be positive; use the other action to take money out."),
    QT_TRANSLATE_NOOP("DomainText", "Enter an amount after the currency sign."),
    QT_TRANSLATE_NOOP("DomainText", "“%1” is not an amount: only digits, commas and one decimal point."),
    QT_TRANSLATE_NOOP("DomainText", "“%1” is not a well-formed amount; check the commas and the decimal point."),
    QT_TRANSLATE_NOOP("DomainText", "“%1” is not an amount."),
    QT_TRANSLATE_NOOP("DomainText", "Amounts have at most two decimal places (paise/cents)."),
    QT_TRANSLATE_NOOP("DomainText", "That amount is too large to record."),
    QT_TRANSLATE_NOOP("DomainText", "That is not a player id (letters, digits, “-”, “_” or “.”, at most 64)."),
    QT_TRANSLATE_NOOP("DomainText", "That is not a receipt code (it should start with “CDR1:” as printed in the QR code)."),
    QT_TRANSLATE_NOOP("DomainText", "The receipt code's posting id is damaged."),
    QT_TRANSLATE_NOOP("DomainText", "The receipt code's hash is damaged (it should be 64 hexadecimal digits)."),
    # denominations (migration 0016)
    QT_TRANSLATE_NOOP("DomainText", "%1 is not a note or coin of %2 (%3)."),
    # notes at the counter (domain/notes.py; the ledger's own, migration 0022)
    QT_TRANSLATE_NOOP("DomainText", "The notes come to %1 but the amount is %2; nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "“%1” is not DENOMINATIONxPIECES (e.g. 500x4)."),
    QT_TRANSLATE_NOOP("DomainText", "The notes of %1 are given twice."),
    QT_TRANSLATE_NOOP("DomainText", "The pieces of %1 must be a whole number."),
    QT_TRANSLATE_NOOP("DomainText", "%1 pieces of %2 is not a plausible number of notes."),
    QT_TRANSLATE_NOOP("DomainText", "The notes in and out come to %1 but this posting moves %2 in the drawer; "
                                    "nothing was posted."),
    # a payout the drawer cannot hold (migration 0023), a handover's id (migration 0024)
    QT_TRANSLATE_NOOP("DomainText", "The drawer cannot pay out %1: that is more than it should hold. Request a fill "
                                    "from the main bank; nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "The drawer cannot pay out %1: that is more than it should hold. The drawer can "
                                    "pay out only the %2 it holds: taken in this shift or handed over with the "
                                    "drawer; nothing was posted."),
    # foreign cash counted at a handover or close (migration 0032)
    QT_TRANSLATE_NOOP("DomainText", "The two counts of the foreign cash differ (%1 and %2): count it again together. "
                                    "Nothing was changed."),
    QT_TRANSLATE_NOOP("DomainText", "“%1” is not a foreign currency this cage exchanges; nothing was changed."),
    QT_TRANSLATE_NOOP("DomainText", "Foreign cash is counted per currency, e.g. {\"USD\": {\"100\": 3}}; nothing was "
                                    "changed."),
    QT_TRANSLATE_NOOP("DomainText", "%1 is this cage's own currency: count it with the drawer, not as foreign cash."),
    QT_TRANSLATE_NOOP("DomainText", "The two counts differ (%1 and %2): count the drawer again together. Nothing was "
                                    "changed."),
    QT_TRANSLATE_NOOP("DomainText", "Handover %1 was already made with different details; nothing was changed."),
    QT_TRANSLATE_NOOP("DomainText", "Handover %1 was made at terminal %2, not %3; nothing was changed."),
    # identification on file (migration 0016)
    QT_TRANSLATE_NOOP("DomainText", "Give the document's type and number with its expiry."),
    QT_TRANSLATE_NOOP("DomainText", "This %1 expired on %2; an expired document cannot be put on file."),
    QT_TRANSLATE_NOOP("DomainText", "The player's %1 %2 expired on %3; ask for a valid document. Nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "The player's %1 on file expired on %2; ask for a valid document (type and number). Nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "“%1” is not a date; give the expiry as YYYY-MM-DD."),
    QT_TRANSLATE_NOOP("DomainText", "The image of a document must be a JPEG or PNG picture."),
    QT_TRANSLATE_NOOP("DomainText", "The image is %1 bytes; an image of a document may be at most 2 MB."),
    QT_TRANSLATE_NOOP("DomainText", "Enter the number of the identification document (at most 64 characters)."),
    QT_TRANSLATE_NOOP("DomainText", "Identification is put on file only online: log in again when the ledger is back."),
]

# Words inside those sentences: roles, what a role cannot do, a request's status.
WORDS: dict[str, str] = {
    "cashier": QT_TRANSLATE_NOOP("DomainText", "cashier"),
    "floor manager": QT_TRANSLATE_NOOP("DomainText", "floor manager"),
    "supervisor": QT_TRANSLATE_NOOP("DomainText", "supervisor"),
    "approver": QT_TRANSLATE_NOOP("DomainText", "approver"),
    "approved": QT_TRANSLATE_NOOP("DomainText", "approved"),
    "denied": QT_TRANSLATE_NOOP("DomainText", "denied"),
    "take a deposit": QT_TRANSLATE_NOOP("DomainText", "take a deposit"),
    "pay a withdrawal": QT_TRANSLATE_NOOP("DomainText", "pay a withdrawal"),
    "issue a marker": QT_TRANSLATE_NOOP("DomainText", "issue a marker"),
    "redeem a marker": QT_TRANSLATE_NOOP("DomainText", "redeem a marker"),
    "open a shift": QT_TRANSLATE_NOOP("DomainText", "open a shift"),
    "close a shift": QT_TRANSLATE_NOOP("DomainText", "close a shift"),
    "file a credit request": QT_TRANSLATE_NOOP("DomainText", "file a credit request"),
    "approve credit": QT_TRANSLATE_NOOP("DomainText", "approve credit"),
    "deny credit": QT_TRANSLATE_NOOP("DomainText", "deny credit"),
    "authorise a dual-control step": QT_TRANSLATE_NOOP("DomainText", "authorise a dual-control step"),
    "reverse a posting": QT_TRANSLATE_NOOP("DomainText", "reverse a posting"),
    "adjust a balance": QT_TRANSLATE_NOOP("DomainText", "adjust a balance"),
    "sign off a shift": QT_TRANSLATE_NOOP("DomainText", "sign off a shift"),
    "manage staff": QT_TRANSLATE_NOOP("DomainText", "manage staff"),
    "run reports": QT_TRANSLATE_NOOP("DomainText", "run reports"),
    "sign for the main bank": QT_TRANSLATE_NOOP("DomainText", "sign for the main bank"),
    "hash does not match its chain (row altered, inserted or a predecessor deleted)":
        QT_TRANSLATE_NOOP("DomainText", "hash does not match its chain (row altered, inserted or a predecessor deleted)"),
    "player columns or last hash differ from the newest ledger row":
        QT_TRANSLATE_NOOP("DomainText", "player columns or last hash differ from the newest ledger row"),
    "player has a chain hash but no ledger rows":
        QT_TRANSLATE_NOOP("DomainText", "player has a chain hash but no ledger rows"),
}


def _pattern(template: str) -> re.Pattern:
    """The English sentence's shape: the template with each %N as a lazy group."""
    parts = re.split(r"%\d", template)
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in parts) + "$")


PATTERNS: list[tuple[re.Pattern, str]] = [(_pattern(t), t) for t in TEMPLATES]
