"""`cashier-desktop` command line: a contract other tools script against.

Exit status: 0 done, 1 a check found problems, 2 refused (a sentence on stderr),
3 the ledger could not be reached. Each area registers its subcommands from its own
module in `COMMAND_MODULES`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from pathlib import Path
from typing import Callable

from .. import __version__
from ..domain.errors import CashierError, LedgerUnavailable, PostingInDoubt

COMMAND_MODULES = ["ledger_cmds", "config_cmds", "selfcheck", "roles_cmds", "realtime_cmds", "staff_cmds",
                   "journal_cmds", "monitor_cmds", "receipt_cmds", "ops_cmds", "cage_cmds", "bank_cmds",
                   "id_cmds"]

EXIT_OK, EXIT_FINDINGS, EXIT_REFUSED, EXIT_UNAVAILABLE = 0, 1, 2, 3
# "In doubt" is not "refused": the posting may have gone through; the cash must not change
# hands until the terminal has settled it with the ledger.
EXIT_IN_DOUBT = 4


_VALUE_OPTIONS = ("--config", "--database-url", "--terminal", "--journal")


def _opens_gui(argv: list[str]) -> bool:
    """True when the command line asks for the window (no command, or `gui`): the other
    commands' modules, and the database stack they import, then load after it shows."""
    tokens = iter(argv)
    for tok in tokens:
        if tok in _VALUE_OPTIONS:
            next(tokens, None)
        elif tok.split("=", 1)[0] in _VALUE_OPTIONS or tok in ("--verbose", "-v"):
            continue
        elif tok.startswith("-"):
            return False  # --help, --version, anything unknown: the full parser answers
        else:
            return tok == "gui"
    return True


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cashier-desktop", description="Casino cage terminal.")
    parser.add_argument("--version", action="version", version=f"cashier-desktop {__version__}")
    parser.add_argument("--config", help="configuration file (default: user config directory)")
    parser.add_argument("--database-url", help="PostgreSQL URL (or CASHIER_DATABASE_URL)")
    parser.add_argument("--terminal", help="this terminal's id (or CASHIER_TERMINAL_ID)")
    parser.add_argument("--journal", help="journal file (or CASHIER_JOURNAL)")
    parser.add_argument("--verbose", "-v", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="open the terminal window (the default)")
    gui.set_defaults(func=_run_gui)
    for name in COMMAND_MODULES if commands else ():
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from ..ui.app import run
    return run(load(args))


def load(args: argparse.Namespace):
    """The configuration with the command-line overrides applied (read once per run)."""
    cached = getattr(args, "_loaded_config", None)
    if cached is not None:
        return cached
    from ..config import load_config
    config = load_config(args.config, overrides={"ledger.url": args.database_url,
                                                 "terminal.id": args.terminal,
                                                 "terminal.journal": args.journal})
    args._loaded_config = config
    return config


# Long-running services log to stderr (the systemd journal); every other command keeps
# stderr for its one-line refusal and logs to the log file (stderr too with --verbose).
SERVICE_COMMANDS = {"gui", "relay", "watch", None}


def default_log_file() -> Path:
    import platformdirs
    return Path(platformdirs.user_log_dir("cashier-desktop")) / "cli.log"


def _setup_logging(args: argparse.Namespace) -> None:
    """Logging from `log.*` and `--verbose` (cashier_desktop/logs.py). A configuration
    that does not load still gets logging; the command then reports the error."""
    from ..domain.errors import ConfigError
    from ..logs import setup_from_config, setup_logging
    service = getattr(args, "command", None) in SERVICE_COMMANDS
    quiet = {} if service else {"stderr": False, "default_file": default_log_file()}
    try:
        setup_from_config(load(args), verbose=args.verbose, **quiet)
    except ConfigError:
        setup_logging(verbose=args.verbose, log_file=quiet.get("default_file"), stderr=service)
    except OSError as exc:
        setup_logging(verbose=args.verbose)
        logging.getLogger(__name__).warning("cannot write the log file (%s); logging to stderr", exc)


def open_from_args(args: argparse.Namespace, **kw):
    from ..terminal.services import open_services
    return open_services(load(args), **kw)


def print_json(data) -> None:
    print(json.dumps(data, indent=2, sort_keys=True, default=str))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(commands=not _opens_gui(argv))
    args = parser.parse_args(argv)
    _setup_logging(args)
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", _run_gui)
    try:
        return int(func(args) or 0)
    except PostingInDoubt as exc:
        print(f"cashier-desktop: {exc}", file=sys.stderr)
        return EXIT_IN_DOUBT
    except CashierError as exc:
        print(f"cashier-desktop: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except LedgerUnavailable as exc:
        print(f"cashier-desktop: {exc}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - a database refusal is a sentence, never a dump
        sentence = database_refusal(exc)
        if sentence is None:
            raise
        logging.getLogger(__name__).info("refused by the database (%s, SQLSTATE %s)", type(exc).__name__,
                                         getattr(getattr(exc, "orig", exc), "sqlstate", None))
        print(f"cashier-desktop: {sentence}", file=sys.stderr)
        return EXIT_UNAVAILABLE if isinstance(sentence, _Unavailable) else EXIT_REFUSED


class _Unavailable(str):
    """A refusal sentence that means the ledger could not be reached (exit 3)."""


def database_refusal(exc: BaseException) -> str | None:
    """One sentence for an error the database raised (None if it is not one): the
    server's primary message only, never the statement or its parameters (which can
    carry PINs), never a link. A missing privilege says which login lacked it."""
    orig = getattr(exc, "orig", None) or exc
    diag = getattr(orig, "diag", None)
    if diag is None or getattr(orig, "sqlstate", None) is None:
        return None
    from ..ledger.db import map_error
    mapped = map_error(exc)
    if isinstance(mapped, LedgerUnavailable):
        return _Unavailable(str(mapped) or "The ledger cannot be reached.")
    if isinstance(mapped, CashierError):
        return str(mapped)
    primary = (diag.message_primary or "the ledger refused this").rstrip(".")
    if orig.sqlstate == "42501":
        return f"This database login may not do that ({primary}); ask the administrator."
    return f"The ledger refused this: {primary}."
