"""Logging: stderr or a rotating file, --verbose, and no secret ever written."""

from __future__ import annotations

import logging
import sys

import pytest

from cashier_desktop.cli import main
from cashier_desktop.logs import RedactSecrets, setup_logging


@pytest.fixture(autouse=True)
def restore_root_logger():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for h in list(root.handlers):
        if h not in handlers:
            root.removeHandler(h)
            h.close()
    for h in handlers:
        if h not in root.handlers:
            root.addHandler(h)
    root.setLevel(level)


def test_the_log_file_rotates_at_its_size_and_keeps_the_backups(tmp_path):
    path = tmp_path / "logs" / "cashier.log"
    assert setup_logging(log_file=path, max_mb=1, backups=2) == path
    line = "x" * 1000
    for i in range(2600):  # about 2.6 MB through a 1 MB file
        logging.getLogger("cashier_desktop.test").info("%05d %s", i, line)
    for h in logging.getLogger().handlers:
        h.flush()
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["cashier.log", "cashier.log.1", "cashier.log.2"]
    assert all(p.stat().st_size <= 1024 * 1024 for p in path.parent.iterdir())
    assert "02599" in path.read_text()


def test_verbose_writes_debug_records_and_quiet_does_not(tmp_path):
    path = tmp_path / "cashier.log"
    setup_logging(log_file=path)
    logging.getLogger("cashier_desktop.test").debug("quiet-debug")
    logging.getLogger("cashier_desktop.test").info("quiet-info")
    setup_logging(log_file=path, verbose=True)
    logging.getLogger("cashier_desktop.test").debug("loud-debug")
    for h in logging.getLogger().handlers:
        h.flush()
    text = path.read_text()
    assert "quiet-info" in text and "loud-debug" in text and "quiet-debug" not in text


def test_secrets_are_masked_in_messages_and_tracebacks(tmp_path):
    path = tmp_path / "cashier.log"
    setup_logging(log_file=path, secrets=["pw-ledger-77", "pw-pusher-77"])
    log = logging.getLogger("cashier_desktop.test")
    log.warning("connecting to postgresql://u:%s@db/cashier", "pw-ledger-77")
    try:
        raise RuntimeError("auth failed for secret pw-pusher-77")
    except RuntimeError:
        log.exception("publish failed")
    for h in logging.getLogger().handlers:
        h.flush()
    text = path.read_text()
    assert "pw-ledger-77" not in text and "pw-pusher-77" not in text
    assert "postgresql://u:********@db/cashier" in text
    assert "RuntimeError: auth failed for secret ********" in text


def test_redaction_leaves_messages_without_secrets_alone():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "balance %s", ("10.00",), None)
    assert RedactSecrets(["pw-1234"]).filter(record) and record.getMessage() == "balance 10.00"


def test_the_cli_logs_to_the_configured_file_and_never_the_secret(tmp_path, monkeypatch, capsys):
    log_file = tmp_path / "var" / "cashier.log"
    cfg = tmp_path / "cashier.toml"
    cfg.write_text(f'[log]\nfile = "{log_file.as_posix()}"\nmax_mb = 2\nbackups = 3\n', encoding="utf-8")
    monkeypatch.setenv("CASHIER_LEDGER_PASSWORD", "pw-cli-4242")
    assert main(["--verbose", "--config", str(cfg), "config", "check"]) == 0
    logging.getLogger("cashier_desktop.test").info("after setup: pw-cli-4242")
    for h in logging.getLogger().handlers:
        h.flush()
    text = log_file.read_text()
    assert "after setup: ********" in text and "pw-cli-4242" not in text
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(log_file))
    assert (handler.maxBytes, handler.backupCount) == (2 * 1024 * 1024, 3)


def test_a_windowed_program_without_stderr_still_logs_to_its_file(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stderr", None)
    path = tmp_path / "cashier.log"
    setup_logging(log_file=path)
    logging.getLogger("cashier_desktop.test").error("no console here")
    for h in logging.getLogger().handlers:
        h.flush()
    assert "no console here" in path.read_text()


def test_a_password_inside_the_database_url_is_masked_too(tmp_path, monkeypatch):
    log_file = tmp_path / "cashier.log"
    cfg = tmp_path / "cashier.toml"
    cfg.write_text(f'[log]\nfile = "{log_file.as_posix()}"\n', encoding="utf-8")
    monkeypatch.setenv("CASHIER_DATABASE_URL", "postgresql://cage01:pw-in-url-31@db/cashier")
    assert main(["--config", str(cfg), "config", "check"]) == 0
    logging.getLogger("cashier_desktop.test").warning("could not reach postgresql://cage01:pw-in-url-31@db")
    for h in logging.getLogger().handlers:
        h.flush()
    text = log_file.read_text()
    assert "cage01:********@db" in text and "pw-in-url-31" not in text
