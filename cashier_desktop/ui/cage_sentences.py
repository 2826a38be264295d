"""The sentences of the cage operations (exchange, rates, authority limits, temporary lines) in
the terminal's language: templates as refusal_sentences.py makes them (context "DomainText"),
matched first by `domain_text.translate_sentence` (before the general role refusal, so "set an
exchange rate" is worded whole). The English is the database's (0013) or the terminal's
(terminal/fx.py, credit_lines.py, authority.py) after `cage_sentence` put its amounts in the
cage's format."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from .refusal_sentences import _pattern

TEMPLATES: list[str] = [
    # exchange
    QT_TRANSLATE_NOOP("DomainText", "The %1 rate changed since it was quoted; quote the player again. Nothing was "
                                    "posted."),
    QT_TRANSLATE_NOOP("DomainText", "There is no %1 rate in force; a supervisor must set one."),
    QT_TRANSLATE_NOOP("DomainText", "The cage does not exchange %1."),
    QT_TRANSLATE_NOOP("DomainText", "An exchange of %1 must name the player (the MTL logs it); nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "This takes the player's cash this gaming day to %1, over the reporting threshold "
                                    "of %2: this exchange needs the player's identification (type and number). "
                                    "Nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "This takes the player's cash this month to %1, over the reporting threshold of "
                                    "%2: this exchange needs the player's identification (type and number). Nothing "
                                    "was posted."),
    QT_TRANSLATE_NOOP("DomainText", "An exchange is taken at a terminal, by a terminal login."),
    QT_TRANSLATE_NOOP("DomainText", "An exchange is between %1 and a foreign currency."),
    QT_TRANSLATE_NOOP("DomainText", "This needs the ledger: log in again when the terminal is back online."),
    # authority limits
    QT_TRANSLATE_NOOP("DomainText", "A exchange of %1 is above the authority of %2 (%3): a second person must approve "
                                    "it with their PIN. Nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "A %1 of %2 is above the authority of %3 (%4): a second person must approve it "
                                    "with their PIN. Nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "A exchange of %1 is above the authority of the approver %2 (%3); nothing was "
                                    "posted."),
    QT_TRANSLATE_NOOP("DomainText", "A %1 of %2 is above the authority of the approver %3 (%4); nothing was posted."),
    QT_TRANSLATE_NOOP("DomainText", "The approver must be someone other than the two who sign (%1); nothing was "
                                    "posted."),
    QT_TRANSLATE_NOOP("DomainText", "The approver must be someone other than the two who sign."),
    QT_TRANSLATE_NOOP("DomainText", "You cannot set your own authority limit; another supervisor must."),
    QT_TRANSLATE_NOOP("DomainText", "Give a reason for the authority limit."),
    QT_TRANSLATE_NOOP("DomainText", "“%1” is not a transaction type with an authority limit (%2)."),
    # rates
    QT_TRANSLATE_NOOP("DomainText", "As a %1 you cannot set an exchange rate; ask a supervisor."),
    QT_TRANSLATE_NOOP("DomainText", "The buy rate cannot be higher than the sell rate: the cage would lose on every "
                                    "pair."),
    QT_TRANSLATE_NOOP("DomainText", "A rate needs a positive buy rate no higher than the sell rate."),
    # temporary credit lines
    QT_TRANSLATE_NOOP("DomainText", "A temporary line is approved by someone other than who asked for it, with their "
                                    "PIN."),
    QT_TRANSLATE_NOOP("DomainText", "A temporary line is approved by someone other than who asked for it."),
    QT_TRANSLATE_NOOP("DomainText", "A temporary line is approved by a second person with their PIN."),
    QT_TRANSLATE_NOOP("DomainText", "A temporary line lasts 1 to %1 days."),
    QT_TRANSLATE_NOOP("DomainText", "A temporary line needs an expiry in the future."),
    QT_TRANSLATE_NOOP("DomainText", "Give a reason for the temporary line."),
]

PATTERNS = [(_pattern(t), t) for t in TEMPLATES]
