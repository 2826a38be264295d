"""`config check`, `config show`, `config path`, `config sample`: the configuration, inspected.

`check` loads the file and the environment exactly as every other command does and says
whether they are valid (exit 0) or which key in which file is wrong (exit 2, through the
`ConfigError` sentence). `show` prints every value with where it came from; secrets are
masked, and so is a password inside a database URL. `sample` prints the documented sample
file (resources/config.sample.toml is its output) from `config.KEYS`, so the sample can
never drift from the keys the program really reads.
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..config import DENOMINATIONS, ENV_ALIASES, KEYS, MONEY_DEFAULTS, Config, Key, default_config_path
from ..domain.currency import profile_for
from . import load, print_json

MASK = "********"

# Example values for keys whose default is computed or empty; shown commented out.
EXAMPLES: dict[str, Any] = {
    "ledger.url": "postgresql://cage01@db.cage.internal:5432/cashier",
    "terminal.id": "CAGE-01",
    "terminal.data_dir": "/var/lib/cashier-desktop",
    "terminal.journal": "/var/lib/cashier-desktop/journal-CAGE-01.sqlite",
    "currency.max_transaction": str(profile_for("INR").max_transaction),
    "currency.denominations": DENOMINATIONS["INR"],
    "policy.aggregation": "month",
    "pusher.app_id": "1234567",
    "pusher.key": "cage-app-key",
    "pusher.cluster": "ap2",
    "pusher.host": "pusher.cage.internal",
    "pusher.port": 6001,
    "log.file": "/var/log/cashier-desktop/cashier-desktop.log",
    "receipt.casino_name": "Casino Royale Goa",
    "receipt.casino_address": "MV Caravela, D B Marg, Panaji, Goa 403001",
}
DEFAULT_NOTES: dict[str, str] = {
    "ledger.url": "none: the embedded demo ledger",
    "terminal.id": "this computer's host name",
    "terminal.data_dir": "the user data directory (platformdirs)",
    "terminal.journal": "<data_dir>/journal-<terminal id>.sqlite",
    "currency.max_transaction": "per currency (INR 10000000.00, USD 1000000.00)",
    "currency.denominations": "per currency",
    "policy.aggregation": "month for INR, gaming_day otherwise",
    "pusher.app_id": "none: live balances over PostgreSQL LISTEN/NOTIFY",
    "log.file": "none: stderr only",
    "receipt.casino_name": "none: the receipt shows the program's name",
    "receipt.casino_address": "none",
}


def register(sub: argparse._SubParsersAction) -> None:
    cfg = sub.add_parser("config", help="check or show the configuration")
    csub = cfg.add_subparsers(dest="config_command", required=True)
    check = csub.add_parser("check", help="validate the file and the environment (exit 0 valid, 2 not)")
    check.set_defaults(func=cmd_check)
    show = csub.add_parser("show", help="every value and its source; secrets masked")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_show)
    path = csub.add_parser("path", help="the configuration file this program reads")
    path.set_defaults(func=cmd_path)
    sample = csub.add_parser("sample", help="print a sample file documenting every key")
    sample.set_defaults(func=cmd_sample)
    secret_keys = [k.name for k in KEYS if k.secret]
    setp = csub.add_parser("set-secret", help="store a secret in the OS keyring (read from a prompt or stdin, "
                           "never from the command line)")
    setp.add_argument("key", choices=secret_keys)
    setp.set_defaults(func=cmd_set_secret)
    delp = csub.add_parser("delete-secret", help="remove a secret from the OS keyring")
    delp.add_argument("key", choices=secret_keys)
    delp.set_defaults(func=cmd_delete_secret)


def toml_value(value: Any) -> str:
    """A value written as TOML (amounts as strings: the configuration refuses floats)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(str(v)) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _default_text(key: Key) -> tuple[str, Any]:
    """(what the documentation says the default is, the value shown in the sample)."""
    if key.name in MONEY_DEFAULTS["INR"]:
        inr, usd = MONEY_DEFAULTS["INR"][key.name], MONEY_DEFAULTS["USD"][key.name]
        return f"per currency (INR {inr}, USD {usd})", inr
    if key.default is not None:
        return toml_value(key.default), key.default
    note = DEFAULT_NOTES.get(key.name, "none")
    if key.name in EXAMPLES:
        return note, EXAMPLES[key.name]
    placeholder = {"str": "", "int": 0, "bool": False, "decimal": "0", "path": "", "list": []}[key.type]
    return note, placeholder


def sample_text() -> str:
    """The documented sample configuration: every key, commented out, with its default."""
    lines = [
        "# cashier-desktop configuration (TOML).",
        "#",
        "# Generated by `cashier-desktop config sample` from the program's own list of keys;",
        "# every key is here, commented out, with its default. Uncomment a line to change it.",
        "# Where the file is read from: --config PATH, else $CASHIER_CONFIG, else the user",
        "# configuration directory (`cashier-desktop config path` prints it).",
        "# Every key can also be set by the environment variable named with it, which wins",
        "# over this file. Keys marked SECRET are never read from this file: put them in the",
        "# OS keyring (service \"cashier-desktop\", user = the key's name, e.g.",
        "# `keyring set cashier-desktop ledger.password`) or in their environment variable.",
        "# `cashier-desktop config check` validates the result.",
    ]
    aliases = {name: alias for alias, name in ENV_ALIASES.items()}
    section = None
    for key in KEYS:
        sect, _, name = key.name.partition(".")
        if sect != section:
            section = sect
            lines += ["", f"[{sect}]"]
        env = key.env + (f" or {aliases[key.name]}" if key.name in aliases else "")
        lines.append(f"# {key.doc}")
        if key.secret:
            lines.append(f"# SECRET {name}: keyring \"cashier-desktop\" / \"{key.name}\", or {env}; never in this file")
            continue
        doc_default, shown = _default_text(key)
        lines.append(f"# type: {key.type}; default: {doc_default}; environment: {env}")
        lines.append(f"#{name} = {toml_value(shown)}")
    return "\n".join(lines) + "\n"


def mask_url(url: str) -> str:
    """A database URL with its password (if any) replaced by the mask."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return MASK
    if not parts.password:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:{MASK}@{netloc[1]}"))


def shown_values(config: Config) -> dict[str, Any]:
    """What `config show` prints: every key, secrets and URL passwords masked."""
    values = config.masked()
    if values.get("ledger.url"):
        values["ledger.url"] = mask_url(str(values["ledger.url"]))
    for k in KEYS:
        if isinstance(values.get(k.name), Decimal):
            values[k.name] = str(values[k.name])
    return values


def cmd_check(args) -> int:
    config = load(args)  # a ConfigError becomes the sentence and exit status 2 in main()
    where = str(config.path) if config.path else f"no file ({_path_of(args)} does not exist; defaults)"
    from_file = sum(1 for s in config.sources.values() if config.path and s == str(config.path))
    from_env = sum(1 for s in config.sources.values() if s.startswith("CASHIER_"))
    print(f"configuration valid: {where}; {from_file} keys from the file, {from_env} from the environment")
    for note in notes(config):
        print(f"note: {note}")
    return 0


def notes(config: Config) -> list[str]:
    """Valid but probably unintended: said by `config check`, never an error."""
    out = []
    if config.demo:
        out.append("no ledger.url: this terminal runs the embedded demo ledger")
    elif not config.get("ledger.password") and not urlsplit(str(config["ledger.url"])).password:
        out.append("no database password in the keyring or CASHIER_LEDGER_PASSWORD "
                   "(fine only with peer, certificate or trust authentication)")
    if config.get("pusher.app_id") and not config.get("pusher.secret"):
        out.append("pusher.app_id is set but the Pusher secret is not in the keyring or CASHIER_PUSHER_SECRET: "
                   "the live feed falls back to LISTEN/NOTIFY and `relay` will not start")
    return out


def cmd_show(args) -> int:
    config = load(args)
    values = shown_values(config)
    if args.json:
        print_json({"file": str(config.path) if config.path else None, "values": values,
                    "sources": {k.name: config.sources.get(k.name, "default") for k in KEYS}})
        return 0
    print(f"# file: {config.path or 'none (defaults and environment)'}")
    width = max(len(k.name) for k in KEYS)
    for k in KEYS:
        v = values.get(k.name)
        text = "" if v is None else (json.dumps(v) if isinstance(v, list) else str(v))
        print(f"{k.name:<{width}} = {text:<40} # {config.sources.get(k.name, 'default')}")
    return 0


def _path_of(args) -> Path:
    import os
    explicit = args.config or os.environ.get("CASHIER_CONFIG")
    return Path(explicit).expanduser() if explicit else default_config_path()


def cmd_path(args) -> int:
    path = _path_of(args)
    print(f"{path}{'' if path.exists() else '  (does not exist: defaults are used)'}")
    return 0


def _keyring():
    from ..domain.errors import ConfigError
    try:
        import keyring
        from keyring.backends.fail import Keyring as NoKeyring
    except ImportError:  # pragma: no cover - keyring is a dependency
        raise ConfigError("The keyring package is missing; set the secret in the environment instead.") from None
    if isinstance(keyring.get_keyring(), NoKeyring):
        raise ConfigError("This computer has no OS keyring (Secret Service, KWallet, Windows Credential Manager "
                          "or macOS Keychain); set the secret in its environment variable instead.")
    return keyring


def cmd_set_secret(args) -> int:
    import getpass
    import sys
    from ..config import APP, KEY_BY_NAME
    from ..domain.errors import ConfigError
    keyring = _keyring()
    key = KEY_BY_NAME[args.key]
    value = (getpass.getpass(f"{args.key}: ") if sys.stdin.isatty() else sys.stdin.readline()).strip()
    if not value:
        raise ConfigError(f"No value given for “{args.key}”; nothing was stored.")
    keyring.set_password(APP, key.name, value)
    print(f"stored “{args.key}” in the {type(keyring.get_keyring()).__name__} keyring "
          f"(service {APP}); {key.env} still wins when set")
    return 0


def cmd_delete_secret(args) -> int:
    from ..config import APP
    keyring = _keyring()
    try:
        keyring.delete_password(APP, args.key)
    except keyring.errors.PasswordDeleteError:
        print(f"“{args.key}” was not in the keyring")
        return 0
    print(f"removed “{args.key}” from the keyring")
    return 0


def cmd_sample(args) -> int:
    print(sample_text(), end="")
    return 0
