"""`cashier-desktop verify-receipt PAYLOAD`: does the ledger still hold exactly this posting?

Exit 0 with one sentence on stdout when id and hash match the ledger row and the row still
matches its hash; exit 2 with one sentence on stderr otherwise (also for a payload that is
not a receipt code); exit 3 when the ledger cannot be reached.
"""

from __future__ import annotations

import argparse
import sys

from . import EXIT_OK, EXIT_REFUSED, open_from_args, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify-receipt", help="check a receipt's QR code against the ledger")
    p.add_argument("payload", help="the QR code's text, e.g. CDR1:<posting id>:<hash>")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify_receipt)


def cmd_verify_receipt(args) -> int:
    from ..domain.receipt_code import parse_payload
    from ..terminal.receipts import verification_sentence, verify_receipt
    parse_payload(args.payload)  # a damaged payload is refused before any connection
    services = open_from_args(args, journal=False)
    try:
        v = verify_receipt(services, args.payload)
    finally:
        services.close()
    sentence = verification_sentence(v)
    if args.json:
        print_json({"ok": v.ok, "problem": v.problem or None, "posting_id": str(v.posting_id),
                    "sentence": sentence})
    if v.ok:
        if not args.json:
            print(sentence)
        return EXIT_OK
    print(f"cashier-desktop: {sentence}", file=sys.stderr)
    return EXIT_REFUSED
