"""Every longer sentence the GUI shows, in one place (Electrum's gui/messages.py).

Short labels stay next to their widgets; anything a cashier has to read and understand
lives here so it can be reviewed (and one day translated) as a whole.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


APP_TITLE = QT_TRANSLATE_NOOP("messages", "Cashier cage")

LEDGER_UNAVAILABLE = QT_TRANSLATE_NOOP("messages", "The ledger cannot be reached. The terminal is offline: only what the "
                      "offline policy allows is taken, and it is sent when the ledger is back.")
UNEXPECTED = QT_TRANSLATE_NOOP("messages", "Something went wrong on this terminal and nothing was changed by it. "
              "Try again; if it happens again, call a supervisor.")
OFFLINE_BANNER = QT_TRANSLATE_NOOP("messages", "OFFLINE — the ledger cannot be reached. Deposits within the offline cap are "
                  "kept on this terminal and sent when it is back. No credit, no reversals.")
FEED_DOWN = QT_TRANSLATE_NOOP("messages", "Not live: balances on screen may be out of date.")
LOGIN_HINT = QT_TRANSLATE_NOOP("messages", "Enter your staff id and PIN, then press Enter.")
LOCKED_OUT = QT_TRANSLATE_NOOP("messages", "Locked until {until}. A supervisor can reset the PIN sooner.")
NO_SHIFT = QT_TRANSLATE_NOOP("messages", "No shift is open on this terminal. Count the opening float to open one (Ctrl+O).")
NOT_YOUR_SHIFT = QT_TRANSLATE_NOOP("messages", "Shift #{id} on this terminal is {owner}'s drawer, so you cannot post "
                                   "into it: {owner} logs in and hands it over to you (Ctrl+Shift+H).")
SHIFT_OPENED = QT_TRANSLATE_NOOP("messages", "Shift #{id} is open with a float of {float}. Postings go to this shift.")
SHIFT_CLOSE_CONFIRM = QT_TRANSLATE_NOOP("messages", "Close shift #{id} with {counted} counted? Press Enter again to close it, "
                       "Esc to go back. A closed shift cannot take postings.")
SHIFT_CLOSE_BLIND = QT_TRANSLATE_NOOP("messages", "Count the drawer by denomination. The expected figure is not shown: "
                     "the system compares after you submit.")
SHIFT_OPEN_COUNT = QT_TRANSLATE_NOOP("messages", "Count the opening float by denomination. The total updates as you type.")
CONFIRM_LARGE = QT_TRANSLATE_NOOP("messages", "This is a large amount. Check it with the player and press Enter to confirm, Esc to go back.")
APPROVER_NEEDED = QT_TRANSLATE_NOOP("messages", "This needs a second staff member (floor manager or supervisor). "
                   "They enter their own staff id and PIN here.")
ID_NEEDED = QT_TRANSLATE_NOOP("messages", "The player's cash today would go over the reporting threshold. Record the "
             "identification document before posting.")
PENDING_RECEIPT = QT_TRANSLATE_NOOP("messages", "OFFLINE — PENDING: taken while the ledger was unreachable; it will be posted when it is back.")
REFUSED_ON_REPLAY = QT_TRANSLATE_NOOP("messages", "The ledger refused the {kind} of {amount} for player {player} taken "
                     "offline (posting {id}). The cash is in the drawer, not on the player's account: call a "
                     "supervisor.")
REFUSED_ON_REPLAY_CLOSE = QT_TRANSLATE_NOOP("messages", "{count} posting(s) taken offline in this shift were refused "
                           "on replay: the drawer holds {amount} that is on no player's account. Call a supervisor "
                           "before closing.")
REPRINT = QT_TRANSLATE_NOOP("messages", "REPRINT")
CLOSE_WAITING = QT_TRANSLATE_NOOP("messages", "Waiting for work in progress to finish before closing…")
SEARCH_HINT = QT_TRANSLATE_NOOP("messages", "Player id, name or card number (F2)")
BALANCE_ALERT = QT_TRANSLATE_NOOP("messages", "⚠ Integrity alert {id} is open on this balance: the figures may not be what the "
                 "ledger says. Call a supervisor before paying out.")
NOT_POSSIBLE = QT_TRANSLATE_NOOP("messages", "{what} is not possible for this player now (no credit line with room, no marker "
                "to redeem, or the ledger is offline).")
PICK_PLAYER = QT_TRANSLATE_NOOP("messages", "Find a player first (F2).")
INTEGRITY_CLEAN = QT_TRANSLATE_NOOP("messages", "Integrity check: clean. Every balance agrees with the ledger and every chain verifies.")
REVERSE_HINT = QT_TRANSLATE_NOOP("messages", "A reversal posts the exact opposite of the selected posting. Give the reason.")
SIGNOFF_HINT = QT_TRANSLATE_NOOP("messages", "Sign-off records that you reviewed this shift's count and variance. Add a note.")
CREDIT_REQUEST_HINT = QT_TRANSLATE_NOOP("messages", "Ask for a credit line for this player. A floor manager approves or denies it.")
DENY_HINT = QT_TRANSLATE_NOOP("messages", "Give the reason for the denial; the cashier and the audit log will see it.")
HANDOVER_OUTGOING = QT_TRANSLATE_NOOP("messages", "Outgoing cashier: count the drawer you hand over by denomination, "
                                      "then press Enter. The next cashier counts it again without seeing your count.")
HANDOVER_INCOMING = QT_TRANSLATE_NOOP("messages", "Incoming cashier: count the same drawer by denomination, then enter your "
                                      "staff id and PIN. The two counts must agree.")
HANDED_OVER = QT_TRANSLATE_NOOP("messages", "Shift #{old} handed over; shift #{new} is open for {staff}. {staff}, log in.")


# Read translated: `messages.NO_SHIFT` is the sentence in the terminal's language (Qt's
# translator, ui/i18n.py); the English above is the source lupdate collects.
_ENGLISH = {_k: _v for _k, _v in list(globals().items()) if _k.isupper() and isinstance(_v, str)}
for _k in _ENGLISH:
    del globals()[_k]


def __getattr__(name: str) -> str:
    if name in _ENGLISH:
        return QCoreApplication.translate("messages", _ENGLISH[name])
    raise AttributeError(name)
