"""Configuration validation: each kind of error stops with a sentence naming the key and
the file; `config show` never prints a secret; the sample documents exactly the keys."""

from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path

import pytest

from cashier_desktop.cli import main
from cashier_desktop.cli.config_cmds import sample_text
from cashier_desktop.config import KEYS, load_config
from cashier_desktop.domain.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "cashier.toml"
    path.write_text(body, encoding="utf-8")
    return path


def refusal(tmp_path: Path, body: str, env: dict | None = None) -> str:
    path = write(tmp_path, body)
    with pytest.raises(ConfigError) as info:
        load_config(path, env=env or {})
    message = str(info.value)
    assert str(path) in message, message
    return message


@pytest.mark.parametrize("body, key", [
    ('[ledger]\npool_size = "many"\n', "ledger.pool_size"),
    ("[ledger]\npool_size = true\n", "ledger.pool_size"),
    ('[offline]\nwithdrawals = "maybe"\n', "offline.withdrawals"),
    ("[policy]\nctr_threshold = 1000000.5\n", "policy.ctr_threshold"),
    ("[currency]\ncode = 356\n", "currency.code"),
    ("[terminal]\njournal = 5\n", "terminal.journal"),
    ("[currency]\ndenominations = 500\n", "currency.denominations"),
])
def test_a_value_of_the_wrong_type_is_refused_naming_key_and_file(tmp_path, body, key):
    assert f"“{key}”" in refusal(tmp_path, body)


@pytest.mark.parametrize("body, key", [
    ("[ledger]\npool = 5\n", "ledger.pool"),
    ('[ledgr]\nurl = "postgresql://db/cashier"\n', "ledgr.url"),
    ("top_level = 1\n", "top_level"),
    ("[log]\nfile = \"/tmp/x.log\"\n[log.extra]\nrotate = 1\n", "log.extra.rotate"),
])
def test_an_unknown_key_is_refused_naming_key_and_file(tmp_path, body, key):
    message = refusal(tmp_path, body)
    assert f"unknown key “{key}”" in message


@pytest.mark.parametrize("body, key", [
    ("[ledger]\npool_size = 0\n", "ledger.pool_size"),
    ("[pusher]\nport = 70000\n", "pusher.port"),
    ("[policy]\ngaming_day_start_hour = 24\n", "policy.gaming_day_start_hour"),
    ('[policy]\ntimezone = "Mars/Olympus_Mons"\n', "policy.timezone"),
    ('[policy]\naggregation = "weekly"\n', "policy.aggregation"),
    ('[currency]\ncode = "RUPEE"\n', "currency.code"),
    ('[currency]\ndenominations = ["500", "-1"]\n', "currency.denominations"),
    ('[currency]\npreferred_notes = ["500", "300"]\n', "currency.preferred_notes"),
    ('[log]\nlevel = "loud"\n', "log.level"),
    ('[ledger]\nurl = "mysql://db/cashier"\n', "ledger.url"),
    ('[policy]\nctr_threshold = "-5"\n', "policy.ctr_threshold"),
    ('[pusher]\napp_id = "abc"\nkey = "k"\ncluster = "ap2"\n', "pusher.app_id"),
])
def test_a_bad_value_is_refused_naming_key_and_file(tmp_path, body, key):
    assert f"“{key}”" in refusal(tmp_path, body)


@pytest.mark.parametrize("body, needed", [
    ('[pusher]\napp_id = "123"\ncluster = "ap2"\n', "pusher.key"),
    ('[pusher]\napp_id = "123"\nkey = "k"\n', "pusher.cluster"),
    ('[pusher]\nkey = "k"\n', "pusher.app_id"),
])
def test_a_missing_required_value_is_refused_naming_key_and_file(tmp_path, body, needed):
    assert f"“{needed}”" in refusal(tmp_path, body)


def test_pusher_with_a_self_hosted_host_needs_no_cluster(tmp_path):
    path = write(tmp_path, '[pusher]\napp_id = "123"\nkey = "k"\nhost = "127.0.0.1"\nport = 6001\ntls = false\n')
    cfg = load_config(path, env={})
    assert (cfg["pusher.host"], cfg["pusher.port"], cfg["pusher.tls"]) == ("127.0.0.1", 6001, False)


@pytest.mark.parametrize("body, key", [
    ('[ledger]\npassword = "hunter2hunter2"\n', "ledger.password"),
    ('[pusher]\nsecret = "s3cr3t"\n', "pusher.secret"),
    ('[ledger]\nurl = "postgresql://cage01:hunter2@db/cashier"\n', "ledger.url"),
])
def test_a_secret_in_the_file_is_refused(tmp_path, body, key):
    message = refusal(tmp_path, body)
    assert f"“{key}”" in message
    assert "never in the file" in message
    assert "hunter2" not in message and "s3cr3t" not in message


def test_a_password_in_the_url_from_the_environment_is_accepted(tmp_path):
    cfg = load_config(write(tmp_path, ""), env={"CASHIER_DATABASE_URL": "postgresql://u:pw@db/cashier"})
    assert cfg["ledger.url"] == "postgresql://u:pw@db/cashier"


def test_a_missing_file_given_explicitly_is_refused(tmp_path):
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(ConfigError, match=re.escape(str(missing))):
        load_config(missing, env={})
    with pytest.raises(ConfigError, match=re.escape(str(missing))):
        load_config(None, env={"CASHIER_CONFIG": str(missing)})


def test_a_file_that_is_not_toml_is_refused(tmp_path):
    assert "not valid TOML" in refusal(tmp_path, "[ledger\nurl = \n")


def test_a_bad_environment_value_names_the_variable(tmp_path):
    with pytest.raises(ConfigError, match="CASHIER_LEDGER_POOL_SIZE.*“ledger.pool_size”"):
        load_config(write(tmp_path, ""), env={"CASHIER_LEDGER_POOL_SIZE": "lots"})


def test_config_check_exits_2_with_the_sentence_and_0_when_valid(tmp_path, capsys):
    bad = write(tmp_path, "[ledger]\npool_size = \"many\"\n")
    assert main(["--config", str(bad), "config", "check"]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "“ledger.pool_size”" in err
    good = tmp_path / "good.toml"
    good.write_text('[terminal]\nid = "CAGE-07"\n[currency]\ncode = "USD"\n', encoding="utf-8")
    assert main(["--config", str(good), "config", "check"]) == 0
    assert f"configuration valid: {good}; 2 keys from the file" in capsys.readouterr().out


def test_config_show_never_prints_a_secret(tmp_path, capsys, monkeypatch):
    secrets = {"CASHIER_LEDGER_PASSWORD": "pw-Z9q7-ledger", "CASHIER_PUSHER_SECRET": "pw-Z9q7-pusher"}
    for k, v in secrets.items():
        monkeypatch.setenv(k, v)
    monkeypatch.setenv("CASHIER_DATABASE_URL", "postgresql://cage01:pw-Z9q7-url@db.cage:5432/cashier")
    cfg = write(tmp_path, '[pusher]\napp_id = "42"\nkey = "public-key"\nhost = "127.0.0.1"\n')
    assert main(["--verbose", "--config", str(cfg), "config", "show"]) == 0
    text = capsys.readouterr()
    assert main(["--config", str(cfg), "config", "show", "--json"]) == 0
    js = capsys.readouterr()
    for out in (text.out + text.err, js.out + js.err):
        assert "pw-Z9q7" not in out
        assert "********" in out
    data = json.loads(js.out)
    assert data["values"]["ledger.password"] == "********"
    assert data["values"]["pusher.secret"] == "********"
    assert data["values"]["ledger.url"] == "postgresql://cage01:********@db.cage:5432/cashier"
    assert data["values"]["pusher.key"] == "public-key"
    assert data["sources"]["pusher.key"] == str(cfg)
    assert data["sources"]["ledger.url"] == "CASHIER_DATABASE_URL"


def _sample_keys(text: str) -> tuple[set[str], set[str]]:
    section, assigned, secret = None, set(), set()
    for line in text.splitlines():
        if m := re.fullmatch(r"\[(\w+)\]", line):
            section = m.group(1)
        elif m := re.fullmatch(r"#(\w+) = .+", line):
            assigned.add(f"{section}.{m.group(1)}")
        elif m := re.fullmatch(r"# SECRET (\w+): .+", line):
            secret.add(f"{section}.{m.group(1)}")
    return assigned, secret


def test_the_sample_config_lists_exactly_the_keys_and_is_up_to_date():
    shipped = (ROOT / "resources" / "config.sample.toml").read_text(encoding="utf-8")
    assert shipped == sample_text(), (
        "resources/config.sample.toml is stale: regenerate it with "
        "`cashier-desktop config sample > resources/config.sample.toml`")
    assigned, secret = _sample_keys(shipped)
    assert assigned | secret == {k.name for k in KEYS}
    assert secret == {k.name for k in KEYS if k.secret}
    assert not assigned & secret


def test_the_sample_with_every_line_uncommented_is_a_valid_configuration(tmp_path):
    uncommented = re.sub(r"^#(\w+ = )", r"\1", sample_text(), flags=re.M)
    path = write(tmp_path, uncommented)
    assert len(tomllib.loads(uncommented)) > 5
    cfg = load_config(path, env={})
    for key in KEYS:
        if key.default is not None and not key.secret:
            assert cfg[key.name] == key.default, key.name


def test_config_check_notes_a_pusher_setup_without_its_secret(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CASHIER_PUSHER_SECRET", raising=False)
    # The environment only: whatever keyring this machine has stays out of the test.
    monkeypatch.setattr("cashier_desktop.config._secret", lambda key: os.environ.get(key.env) or None)
    cfg = write(tmp_path, '[ledger]\nurl = "postgresql://cage01@db/cashier"\n'
                          '[pusher]\napp_id = "42"\nkey = "k"\ncluster = "ap2"\n')
    assert main(["--config", str(cfg), "config", "check"]) == 0
    out = capsys.readouterr().out
    assert "note: pusher.app_id is set but the Pusher secret" in out
    assert "note: no database password" in out
    monkeypatch.setenv("CASHIER_PUSHER_SECRET", "s")
    monkeypatch.setenv("CASHIER_LEDGER_PASSWORD", "p")
    assert main(["--config", str(cfg), "config", "check"]) == 0
    assert "note:" not in capsys.readouterr().out


class _MemoryKeyring:
    """An in-memory keyring backend: the OS keyrings are not on a test machine."""

    def __new__(cls):
        from keyring.backend import KeyringBackend

        class Memory(KeyringBackend):
            priority = 1

            def __init__(self):
                super().__init__()
                self.store = {}

            def get_password(self, service, username):
                return self.store.get((service, username))

            def set_password(self, service, username, password):
                self.store[(service, username)] = password

            def delete_password(self, service, username):
                from keyring.errors import PasswordDeleteError
                if (service, username) not in self.store:
                    raise PasswordDeleteError(username)
                del self.store[(service, username)]

        return Memory()


def test_set_secret_stores_it_in_the_keyring_where_the_configuration_finds_it(tmp_path, capsys, monkeypatch):
    import io

    import keyring
    previous = keyring.get_keyring()
    backend = _MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        monkeypatch.delenv("CASHIER_PUSHER_SECRET", raising=False)
        monkeypatch.setattr("sys.stdin", io.StringIO("kr-secret-5150\n"))
        assert main(["config", "set-secret", "pusher.secret"]) == 0
        assert "kr-secret-5150" not in capsys.readouterr().out
        assert backend.store[("cashier-desktop", "pusher.secret")] == "kr-secret-5150"
        cfg = write(tmp_path, "")
        assert load_config(cfg)["pusher.secret"] == "kr-secret-5150"
        assert main(["--config", str(cfg), "config", "show"]) == 0
        assert "kr-secret-5150" not in capsys.readouterr().out
        assert main(["config", "delete-secret", "pusher.secret"]) == 0
        assert load_config(cfg)["pusher.secret"] is None
    finally:
        keyring.set_keyring(previous)


def test_set_secret_without_an_os_keyring_says_to_use_the_environment(capsys, monkeypatch):
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        assert main(["config", "set-secret", "ledger.password"]) == 2
        assert "no OS keyring" in capsys.readouterr().err
    finally:
        keyring.set_keyring(previous)


def test_receipt_and_language_keys_are_read_and_checked(tmp_path):
    cfg = load_config(write(tmp_path, '[receipt]\ncasino_name = "Casino Royale Goa"\n'
                                      'casino_address = "MV Caravela\\\\nPanaji, Goa"\npaper = "a4"\n'
                                      'auto_print = true\n[terminal]\nlanguage = "hi"\n'), env={})
    assert cfg["receipt.casino_name"] == "Casino Royale Goa" and cfg["receipt.paper"] == "a4"
    assert cfg["receipt.auto_print"] is True and cfg["terminal.language"] == "hi"
    defaults = load_config(write(tmp_path, ""), env={})
    assert defaults["receipt.paper"] == "80mm" and defaults["terminal.language"] == "en"
    assert defaults["receipt.auto_print"] is False and defaults.get("receipt.casino_name") is None
    assert "“receipt.paper” must be one of 80mm, a4" in refusal(tmp_path, '[receipt]\npaper = "letter"\n')
    assert "“terminal.language” must be one of en, hi" in refusal(tmp_path, '[terminal]\nlanguage = "fr"\n')
    assert "at most 200 characters" in refusal(tmp_path, f'[receipt]\ncasino_name = "{"x" * 201}"\n')
