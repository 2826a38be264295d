"""The domain's sentences in the terminal's language.

Refusals and warnings are written in English by domain/, terminal/ and ledger/ (no Qt there),
with the figures already in them ("Player 179 has ₹100.00; cannot take ₹500.00."). The GUI
recognises the ones a cashier meets at the counter by their shape and words them again from a
template that goes through Qt's translator like every other string (context "DomainText", so
lupdate collects the templates and the .ts carries their Hindi). A sentence not listed here is
shown as written.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from .i18n import current_language, kind_name

_T = "DomainText"
# (pattern of the English sentence, template with %1… for its captured parts, in order)
PATTERNS: list[tuple[re.Pattern, str]] = [(re.compile(p), t) for p, t in [
    (r"^Player (\S+) has (.+?); cannot take (.+?)\.$",
     QT_TRANSLATE_NOOP("DomainText", "Player %1 has %2; cannot take %3.")),
    (r"^Player (\S+) has no approved credit line\.$",
     QT_TRANSLATE_NOOP("DomainText", "Player %1 has no approved credit line.")),
    (r"^Player (\S+) has (.+?) of credit available; cannot issue (.+?)\.$",
     QT_TRANSLATE_NOOP("DomainText", "Player %1 has %2 of credit available; cannot issue %3.")),
    (r"^The new limit (.+?) is below the (.+?) already drawn by player (\S+)\.$",
     QT_TRANSLATE_NOOP("DomainText", "The new limit %1 is below the %2 already drawn by player %3.")),
    (r"^Player (\S+) owes (.+?) in markers; cannot redeem (.+?)\.$",
     QT_TRANSLATE_NOOP("DomainText", "Player %1 owes %2 in markers; cannot redeem %3.")),
    (r"^Player (\S+) does not have enough cash for this\.$",
     QT_TRANSLATE_NOOP("DomainText", "Player %1 does not have enough cash for this.")),
    (r"^There is no player “(.+)”\.$", QT_TRANSLATE_NOOP("DomainText", "There is no player “%1”.")),
    (r"^Staff id or PIN not recognised\.$", QT_TRANSLATE_NOOP("DomainText", "Staff id or PIN not recognised.")),
    (r"^Staff id or PIN not recognised\. The ledger is offline: only staff who have logged in on this "
     r"terminal before can log in now\.$",
     QT_TRANSLATE_NOOP("DomainText", "Staff id or PIN not recognised. The ledger is offline: only staff who "
                                     "have logged in on this terminal before can log in now.")),
    (r"^Too many wrong PINs: (\S+) is locked for (\d+) minutes?\.$",
     QT_TRANSLATE_NOOP("DomainText", "Too many wrong PINs: %1 is locked for %2 minutes.")),
    (r"^(\S+) is locked after too many wrong PINs; try again in (\d+) minutes? or ask a supervisor to "
     r"reset the PIN\.$",
     QT_TRANSLATE_NOOP("DomainText", "%1 is locked after too many wrong PINs; try again in %2 minutes or ask "
                                     "a supervisor to reset the PIN.")),
    (r"^Terminal (\S+) has no open shift; open a shift before posting\.$",
     QT_TRANSLATE_NOOP("DomainText", "Terminal %1 has no open shift; open a shift before posting.")),
    (r"^Terminal (\S+) has no open shift to close\.$",
     QT_TRANSLATE_NOOP("DomainText", "Terminal %1 has no open shift to close.")),
    (r"^A posting can only be made under your own staff id\.$",
     QT_TRANSLATE_NOOP("DomainText", "A posting can only be made under your own staff id.")),
    (r"^The ledger is offline: deposits above (.+?) cannot be taken until it is back \((.+?) asked\)\.$",
     QT_TRANSLATE_NOOP("DomainText", "The ledger is offline: deposits above %1 cannot be taken until it is "
                                     "back (%2 asked).")),
    (r"^The ledger is offline and this shift has taken (.+?) offline; the limit is (.+?), so at most (.+?) "
     r"more can be taken\.$",
     QT_TRANSLATE_NOOP("DomainText", "The ledger is offline and this shift has taken %1 offline; the limit "
                                     "is %2, so at most %3 more can be taken.")),
    (r"^The ledger is offline: withdrawals cannot be paid until it is back\.$",
     QT_TRANSLATE_NOOP("DomainText", "The ledger is offline: withdrawals cannot be paid until it is back.")),
    (r"^The ledger is offline: withdrawals above (.+?) cannot be paid until it is back \((.+?) asked\)\.$",
     QT_TRANSLATE_NOOP("DomainText", "The ledger is offline: withdrawals above %1 cannot be paid until it "
                                     "is back (%2 asked).")),
    (r"^The ledger is offline: credit cannot be issued, changed or redeemed until it is back\.$",
     QT_TRANSLATE_NOOP("DomainText", "The ledger is offline: credit cannot be issued, changed or redeemed "
                                     "until it is back.")),
    (r"^(.+?) of (.+?) is at or above (.+?): a floor manager or supervisor must approve with their PIN\.$",
     QT_TRANSLATE_NOOP("DomainText", "%1 of %2 is at or above %3: a floor manager or supervisor must approve "
                                     "with their PIN.")),
    (r"^This takes the player's cash in this (month|gaming day) to (.+?), over the reporting threshold of "
     r"(.+?): (?:record the player's|this posting needs the player's) identification \(type and number\); "
     r"a CTR will be due\.$",
     QT_TRANSLATE_NOOP("DomainText", "This takes the player's cash in this %1 to %2, over the reporting "
                                     "threshold of %3: record the player's identification (type and number); "
                                     "a CTR will be due.")),
    (r"^This takes the player's cash out this (month|gaming day) to (.+?), over the reporting threshold of "
     r"(.+?): (?:record the player's|this posting needs the player's) identification \(type and number\); "
     r"a CTR will be due\.$",
     QT_TRANSLATE_NOOP("DomainText", "This takes the player's cash out this %1 to %2, over the reporting "
                                     "threshold of %3: record the player's identification (type and number); "
                                     "a CTR will be due.")),
    (r"^The amount must be more than zero\.$", QT_TRANSLATE_NOOP("DomainText", "The amount must be more than zero.")),
    (r"^Enter an amount\.$", QT_TRANSLATE_NOOP("DomainText", "Enter an amount.")),
    (r"^That is not a number\.$", QT_TRANSLATE_NOOP("DomainText", "That is not a number.")),
    (r"^Use the digits 0–9 only\.$", QT_TRANSLATE_NOOP("DomainText", "Use the digits 0–9 only.")),
    (r"^Amounts have at most two decimal places\.$",
     QT_TRANSLATE_NOOP("DomainText", "Amounts have at most two decimal places.")),
    (r"^Type the amount in full, without an exponent\.$",
     QT_TRANSLATE_NOOP("DomainText", "Type the amount in full, without an exponent.")),
    (r"^(.+?) is above the per-transaction maximum of (.+?)\.$",
     QT_TRANSLATE_NOOP("DomainText", "%1 is above the per-transaction maximum of %2.")),
]]
# An integrity alert's one-line summary (monitoring/alerts.py, `Alert.summary`).
_ALERT = re.compile(r"^Alert (\d+): the balance of player (\S+) disagrees with the ledger \(failed: (.+?)\)"
                    r"(?:\. It was changed without a posting at (.+?), by the database login “(.*?)”"
                    r"(?: from the computer (\S+))?)?\.$")
_ALERT_TEMPLATES = {
    1: QT_TRANSLATE_NOOP("DomainText", "Alert %1: the balance of player %2 disagrees with the ledger (failed: %3)."),
    2: QT_TRANSLATE_NOOP("DomainText", "Alert %1: the balance of player %2 disagrees with the ledger (failed: %3). "
                                       "It was changed without a posting at %4, by the database login “%5”."),
    3: QT_TRANSLATE_NOOP("DomainText", "Alert %1: the balance of player %2 disagrees with the ledger (failed: %3). "
                                       "It was changed without a posting at %4, by the database login “%5” from "
                                       "the computer %6."),
}
CHECKS = {
    "cash matches ledger": QT_TRANSLATE_NOOP("DomainText", "cash matches ledger"),
    "credit matches ledger": QT_TRANSLATE_NOOP("DomainText", "credit matches ledger"),
    "balance is deposits minus withdrawals": QT_TRANSLATE_NOOP("DomainText", "balance is deposits minus withdrawals"),
    "deposits match ledger": QT_TRANSLATE_NOOP("DomainText", "deposits match ledger"),
    "withdrawals match ledger": QT_TRANSLATE_NOOP("DomainText", "withdrawals match ledger"),
    "credit within limit": QT_TRANSLATE_NOOP("DomainText", "credit within limit"),
    "balance not negative": QT_TRANSLATE_NOOP("DomainText", "balance not negative"),
    "last hash matches ledger": QT_TRANSLATE_NOOP("DomainText", "last hash matches ledger"),
    "limit matches ledger": QT_TRANSLATE_NOOP("DomainText", "limit matches ledger"),
    "approval matches ledger": QT_TRANSLATE_NOOP("DomainText", "approval matches ledger"),
    "balance check": QT_TRANSLATE_NOOP("DomainText", "balance check"),
}
# Refusal codes (domain/errors.py `code`), as the dashboard counts them.
ERROR_CODES = {
    "refused": QT_TRANSLATE_NOOP("ErrorCode", "refused"),
    "invalid_amount": QT_TRANSLATE_NOOP("ErrorCode", "invalid amount"),
    "invalid_input": QT_TRANSLATE_NOOP("ErrorCode", "invalid input"),
    "insufficient_funds": QT_TRANSLATE_NOOP("ErrorCode", "insufficient funds"),
    "credit_limit_exceeded": QT_TRANSLATE_NOOP("ErrorCode", "credit limit exceeded"),
    "credit_not_approved": QT_TRANSLATE_NOOP("ErrorCode", "credit not approved"),
    "marker_overpaid": QT_TRANSLATE_NOOP("ErrorCode", "marker overpaid"),
    "player_not_found": QT_TRANSLATE_NOOP("ErrorCode", "player not found"),
    "posting_not_found": QT_TRANSLATE_NOOP("ErrorCode", "posting not found"),
    "not_reversible": QT_TRANSLATE_NOOP("ErrorCode", "not reversible"),
    "already_reversed": QT_TRANSLATE_NOOP("ErrorCode", "already reversed"),
    "idempotency_conflict": QT_TRANSLATE_NOOP("ErrorCode", "idempotency conflict"),
    "not_authorized": QT_TRANSLATE_NOOP("ErrorCode", "not authorized"),
    "authentication_failed": QT_TRANSLATE_NOOP("ErrorCode", "authentication failed"),
    "account_locked": QT_TRANSLATE_NOOP("ErrorCode", "account locked"),
    "approval_required": QT_TRANSLATE_NOOP("ErrorCode", "approval required"),
    "identification_required": QT_TRANSLATE_NOOP("ErrorCode", "identification required"),
    "shift_not_open": QT_TRANSLATE_NOOP("ErrorCode", "shift not open"),
    "shift_error": QT_TRANSLATE_NOOP("ErrorCode", "shift error"),
    "currency_mismatch": QT_TRANSLATE_NOOP("ErrorCode", "currency mismatch"),
    "offline_not_allowed": QT_TRANSLATE_NOOP("ErrorCode", "offline not allowed"),
    "in_doubt": QT_TRANSLATE_NOOP("ErrorCode", "in doubt"),
    "config_error": QT_TRANSLATE_NOOP("ErrorCode", "configuration error"),
    "ledger_unavailable": QT_TRANSLATE_NOOP("ErrorCode", "ledger unavailable"),
}


def reason_text(code: str) -> str:
    """A refusal code in words, in the terminal's language (unknown codes: underscores to spaces)."""
    if code in ERROR_CODES:
        return QCoreApplication.translate("ErrorCode", ERROR_CODES[code])
    return code.replace("_", " ")


def _alert(m: re.Match) -> str:
    parts = list(m.groups())
    parts[2] = ", ".join(QCoreApplication.translate(_T, CHECKS[c]) if c in CHECKS else c
                         for c in parts[2].split(", "))
    present = [p for p in parts if p is not None]
    template = _ALERT_TEMPLATES[1 if len(present) == 3 else 2 if len(present) == 5 else 3]
    line = QCoreApplication.translate(_T, template)
    for i, part in enumerate(present, start=1):
        line = line.replace(f"%{i}", part)
    return line


_WORDS = {"month": QT_TRANSLATE_NOOP("DomainText", "month"),
          "gaming day": QT_TRANSLATE_NOOP("DomainText", "gaming day"),
          # the types cage.check_authority names that are not posting kinds (migration 0029)
          "fill": QT_TRANSLATE_NOOP("DomainText", "fill"),
          "credit": QT_TRANSLATE_NOOP("DomainText", "credit"),
          "fund": QT_TRANSLATE_NOOP("DomainText", "fund"),
          "remit": QT_TRANSLATE_NOOP("DomainText", "remit"),
          "temporary credit": QT_TRANSLATE_NOOP("DomainText", "temporary credit")}
_KIND_LABELS = {"Deposit", "Withdrawal", "Marker issue", "Marker redemption", "Credit line", "Reversal",
                "Adjustment (in)", "Adjustment (out)"}


def _part(text: str) -> str:
    """A captured part: a kind's label (any case), a role, an action or a window word is
    translated too; figures and ids stay."""
    from .refusal_sentences import WORDS
    from ..domain.kinds import Kind
    if text in _KIND_LABELS or text.capitalize() in _KIND_LABELS:
        return kind_name(next(k for k in Kind if k.label.lower() == text.lower()))
    if text.replace(" ", "_") in {k.value for k in Kind}:  # the database's "adjust in", "marker redeem"
        return kind_name(Kind(text.replace(" ", "_")))
    if text in _WORDS:
        return QCoreApplication.translate(_T, _WORDS[text])
    if text in WORDS:
        return QCoreApplication.translate(_T, WORDS[text])
    if text in CHECKS:  # an integrity check's name in a finding
        return QCoreApplication.translate(_T, CHECKS[text])
    return text


def translate_sentence(text: str) -> str:
    """`text` in the terminal's language if it is one of the counter's known sentences."""
    if current_language() == "en" or not text:
        return text
    out = []
    for line in text.split("\n"):
        alert = _ALERT.match(line)
        if alert:
            out.append(_alert(alert))
            continue
        from .cage_sentences import PATTERNS as CAGE  # first: more specific than the general refusals
        from .refusal_sentences import PATTERNS as MORE
        for rx, template in CAGE + PATTERNS + MORE:
            m = rx.match(line)
            if m:
                line = QCoreApplication.translate(_T, template)
                for i, part in enumerate(m.groups(), start=1):
                    line = line.replace(f"%{i}", _part(part))
                break
        out.append(line)
    return "\n".join(out)
