"""Every longer sentence the GUI shows, in one place (Electrum's gui/messages.py).

Short labels stay next to their widgets; anything a cashier has to read and understand
lives here so it can be reviewed (and one day translated) as a whole.
"""

APP_TITLE = "Cashier cage"

LEDGER_UNAVAILABLE = ("The ledger cannot be reached. The terminal is offline: only what the "
                      "offline policy allows is taken, and it is sent when the ledger is back.")
UNEXPECTED = ("Something went wrong on this terminal and nothing was changed by it. "
              "Try again; if it happens again, call a supervisor.")
OFFLINE_BANNER = ("OFFLINE — the ledger cannot be reached. Deposits within the offline cap are "
                  "kept on this terminal and sent when it is back. No credit, no reversals.")
FEED_DOWN = "Not live: balances on screen may be out of date."
LOGIN_HINT = "Enter your staff id and PIN, then press Enter."
LOCKED_OUT = "Locked until {until}. A supervisor can reset the PIN sooner."
NO_SHIFT = "No shift is open on this terminal. Count the opening float to open one (Ctrl+O)."
SHIFT_OPENED = "Shift #{id} is open with a float of {float}. Postings go to this shift."
SHIFT_CLOSE_CONFIRM = ("Close shift #{id} with {counted} counted? Press Enter again to close it, "
                       "Esc to go back. A closed shift cannot take postings.")
SHIFT_CLOSE_BLIND = ("Count the drawer by denomination. The expected figure is not shown: "
                     "the system compares after you submit.")
SHIFT_OPEN_COUNT = "Count the opening float by denomination. The total updates as you type."
CONFIRM_LARGE = "This is a large amount. Check it with the player and press Enter to confirm, Esc to go back."
APPROVER_NEEDED = ("This needs a second staff member (floor manager or supervisor). "
                   "They enter their own staff id and PIN here.")
ID_NEEDED = ("The player's cash today would go over the reporting threshold. Record the "
             "identification document before posting.")
PENDING_RECEIPT = "OFFLINE — PENDING: taken while the ledger was unreachable; it will be posted when it is back."
REPRINT = "REPRINT"
CLOSE_WAITING = "Waiting for work in progress to finish before closing…"
SEARCH_HINT = "Player id, name or card number (F2)"
BALANCE_ALERT = ("⚠ Integrity alert {id} is open on this balance: the figures may not be what the "
                 "ledger says. Call a supervisor before paying out.")
NOT_POSSIBLE = ("{what} is not possible for this player now (no credit line with room, no marker "
                "to redeem, or the ledger is offline).")
PICK_PLAYER = "Find a player first (F2)."
INTEGRITY_CLEAN = "Integrity check: clean. Every balance agrees with the ledger and every chain verifies."
REVERSE_HINT = "A reversal posts the exact opposite of the selected posting. Give the reason."
SIGNOFF_HINT = "Sign-off records that you reviewed this shift's count and variance. Add a note."
CREDIT_REQUEST_HINT = "Ask for a credit line for this player. A floor manager approves or denies it."
DENY_HINT = "Give the reason for the denial; the cashier and the audit log will see it."
