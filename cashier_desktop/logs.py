"""Logging for every entry point: stderr, or a rotating file, never a secret.

`setup_logging` is called once, by the CLI's `main`, before any command runs. Without
`log.file` records go to stderr (the systemd journal, for the relay service); with it, to
that file, rotated at `log.max_mb` megabytes keeping `log.backups` old files, and warnings
still reach stderr. `log.level` is the least severe record shown on stderr (`warning` by
default, so scripted CLI output stays clean; the relay service sets `info`). `--verbose` or `log.verbose` turns on debug records. Every record
passes through a filter that replaces the configured secrets (database password, Pusher
secret) by `********`, so a driver error that quotes a connection string cannot leak one.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from typing import Iterable

FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"
MASK = "********"
_OURS = "_cashier_desktop_handler"


class RedactSecrets(logging.Filter):
    """Replace each secret's text in the formatted message (and traceback) by a mask."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if s and len(s) >= 3}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for s in self.secrets:
            text = text.replace(s, MASK)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        clean = self.redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        return True


LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}


def setup_logging(*, verbose: bool = False, log_file: Path | str | None = None, level: str = "warning",
                  max_mb: int = 10, backups: int = 5, secrets: Iterable[str] = (),
                  stderr: bool = True) -> Path | None:
    """Install the handlers on the root logger (again: replaces the previous set).

    With `stderr=False` (a one-shot CLI command) nothing is logged to stderr unless
    `verbose`: the command's own sentence is all a script sees there.

    Returns:
        The log file in use, or None when logging to stderr only.
    Raises:
        OSError: the log file cannot be created (the caller says so and exits).
    """
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, _OURS, False) or isinstance(h, logging.StreamHandler) and h.stream in (sys.stderr, None):
            root.removeHandler(h)
            h.close()
    file_level = logging.DEBUG if verbose else min(logging.INFO, LEVELS.get(level, logging.WARNING))
    stderr_level = logging.DEBUG if verbose else LEVELS.get(level, logging.WARNING)
    redact = RedactSecrets(secrets)
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = []
    path = Path(log_file).expanduser() if log_file else None
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fh = logging.handlers.RotatingFileHandler(path, maxBytes=max(1, max_mb) * 1024 * 1024,
                                                  backupCount=max(0, backups), encoding="utf-8")
        fh.setLevel(file_level)
        handlers.append(fh)
    if sys.stderr is not None and (stderr or verbose):  # a windowed Windows build has no stderr at all
        sh = logging.StreamHandler(sys.stderr)
        # With a file, stderr gets warnings and worse; without one it is the log, at `level`.
        sh.setLevel(max(stderr_level, logging.WARNING) if path is not None and not verbose else stderr_level)
        handlers.append(sh)
    for h in handlers:
        h.setFormatter(formatter)
        h.addFilter(redact)
        setattr(h, _OURS, True)
        root.addHandler(h)
    # Lower the root level if our handlers need it, never raise it: whoever set it lower
    # (a test's log capture, an embedding program) keeps its records; handlers filter ours.
    needed = min(h.level for h in handlers) if handlers else file_level
    root.setLevel(min(root.level, needed) if root.level else needed)
    logging.captureWarnings(True)
    for noisy in ("urllib3", "websocket", "alembic.runtime.migration"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose else logging.WARNING)
    return path


def setup_from_config(config, *, verbose: bool = False, stderr: bool = True,
                      default_file: Path | None = None) -> Path | None:
    """`setup_logging` with the `log.*` keys of a loaded `Config` and its secrets
    (`default_file` when `log.file` is not set)."""
    # A secret is read (from the environment or the keyring) only where the configuration
    # will use it: the password with a configured ledger, the Pusher secret with Pusher.
    needed = {"ledger.password": config.values.get("ledger.url"),
              "pusher.secret": config.values.get("pusher.app_id")}
    secrets = [str(config.get(name)) for name, used in needed.items()
               if (used or name not in config.lazy_secrets) and config.get(name)]
    if config.values.get("ledger.url"):  # a password given inside the URL (environment only)
        from urllib.parse import unquote, urlsplit
        try:
            password = urlsplit(str(config.values["ledger.url"])).password
        except ValueError:
            password = None
        if password:
            secrets += [password, unquote(password)]
    return setup_logging(verbose=verbose or bool(config.get("log.verbose", False)),
                         log_file=config.get("log.file") or default_file,
                         level=str(config.get("log.level", "warning")),
                         max_mb=int(config.get("log.max_mb", 10)),
                         backups=int(config.get("log.backups", 5)), secrets=secrets, stderr=stderr)
