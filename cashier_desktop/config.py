"""Configuration: one TOML file, overridden by `CASHIER_*` environment variables.

Every key is declared once in `KEYS` with its type, default and a line of documentation;
an unknown key, a wrong type or a bad value stops the program with a sentence naming the
key and the file. Secrets (database password, Pusher secret) never come from the file:
only from the OS keyring or the environment.
"""

from __future__ import annotations

import os
import socket
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import platformdirs

from .domain.currency import CurrencyProfile, profile_for
from .domain.errors import ConfigError

APP = "cashier-desktop"

# Money defaults per currency (REGULATORY.md): INR for India, USD for the US profile.
MONEY_DEFAULTS: dict[str, dict[str, str]] = {
    "INR": {"policy.dual_control_threshold": "500000", "policy.confirm_threshold": "100000",
            "policy.ctr_threshold": "1000000", "policy.mtl_threshold": "500000",
            "policy.variance_threshold": "4000", "policy.floor_manager_approval_limit": "1000000",
            "offline.deposit_cap": "50000", "offline.shift_cap": "500000",
            "offline.withdrawal_cap": "20000"},
    "USD": {"policy.dual_control_threshold": "10000", "policy.confirm_threshold": "5000",
            "policy.ctr_threshold": "10000", "policy.mtl_threshold": "3000",
            "policy.variance_threshold": "50", "policy.floor_manager_approval_limit": "25000",
            "offline.deposit_cap": "500", "offline.shift_cap": "5000",
            "offline.withdrawal_cap": "200"},
}
DENOMINATIONS = {
    "INR": ["2000", "500", "200", "100", "50", "20", "10", "5", "2", "1"],
    "USD": ["100", "50", "20", "10", "5", "2", "1", "0.25", "0.10", "0.05", "0.01"],
}


@dataclass(frozen=True)
class Key:
    name: str
    type: str  # str, int, bool, decimal, path, list
    default: Any
    doc: str
    secret: bool = False

    @property
    def env(self) -> str:
        return "CASHIER_" + self.name.replace(".", "_").upper()


KEYS: list[Key] = [
    Key("ledger.url", "str", None, "PostgreSQL URL without password; empty = embedded demo ledger"),
    Key("ledger.password", "str", None, "database password (keyring or CASHIER_LEDGER_PASSWORD only)", secret=True),
    Key("ledger.pool_size", "int", 5, "connections per process"),
    Key("ledger.prepared_statements", "bool", True,
        "server-side prepared statements; false behind PgBouncer in transaction mode (1.18)"),
    Key("terminal.id", "str", None, "this terminal's id (default: the host name)"),
    Key("terminal.data_dir", "path", None, "where the journal and the embedded ledger live"),
    Key("terminal.journal", "path", None, "the journal file (default: <data_dir>/journal-<terminal>.sqlite)"),
    Key("terminal.language", "str", "en", "language of this workstation's windows and receipts: en or hi"),
    Key("currency.code", "str", "INR", "ISO currency of this cage"),
    Key("currency.max_transaction", "decimal", None, "per-transaction maximum (default per currency)"),
    Key("currency.denominations", "list", None, "note/coin denominations for counts (default per currency)"),
    Key("currency.preferred_notes", "list", None,
        "notes a posting's amount is split into at the counter, largest first (default per currency)"),
    Key("policy.dual_control_threshold", "decimal", None, "withdrawal/marker at or above needs a second PIN"),
    Key("policy.confirm_threshold", "decimal", None, "amounts at or above ask for confirmation in the GUI"),
    Key("policy.ctr_threshold", "decimal", None, "cash in or out above this per period needs ID and a CTR"),
    Key("policy.mtl_threshold", "decimal", None, "cash in or out at or above this per gaming day is logged (MTL)"),
    Key("policy.aggregation", "str", None, "large-cash window: 'gaming_day' or 'month' (INR: month)"),
    Key("policy.gaming_day_start_hour", "int", 6, "hour (0-23, local) the gaming day starts"),
    Key("policy.timezone", "str", "Asia/Kolkata", "the cage's time zone for gaming days"),
    Key("policy.variance_threshold", "decimal", None, "shift variance at or above needs supervisor sign-off"),
    Key("policy.floor_manager_approval_limit", "decimal", None, "default credit approval authority"),
    Key("policy.lockout_attempts", "int", 5, "failed PINs before an offline lockout (online: cage.auth_rules)"),
    Key("policy.lockout_minutes", "int", 5, "first offline lockout's minutes, doubling (online: cage.auth_rules)"),
    Key("offline.deposit_cap", "decimal", None, "largest single deposit taken offline"),
    Key("offline.shift_cap", "decimal", None, "total taken offline per shift"),
    Key("offline.withdrawals", "bool", False, "allow withdrawals offline (against last known balance)"),
    Key("offline.withdrawal_cap", "decimal", None, "largest single withdrawal offline"),
    Key("pusher.app_id", "str", None, "Pusher app id (digits); empty = LISTEN/NOTIFY feed"),
    Key("pusher.key", "str", None, "Pusher app key"),
    Key("pusher.secret", "str", None, "Pusher secret (keyring or CASHIER_PUSHER_SECRET only)", secret=True),
    Key("pusher.auth_endpoint", "str", None, "terminals: the relay host's channel auth URL (then no secret on the terminal)"),
    Key("pusher.cluster", "str", None, "Pusher cluster (e.g. ap2)"),
    Key("pusher.host", "str", None, "self-hosted Pusher-compatible host"),
    Key("pusher.port", "int", None, "its port"),
    Key("pusher.tls", "bool", True, "use TLS"),
    Key("relay.batch_size", "int", 500, "outbox rows per publish batch"),
    Key("relay.retention_hours", "int", 168, "published outbox rows kept this long"),
    Key("relay.metrics_port", "int", 0, "Prometheus metrics port (0 = off)"),
    Key("relay.auth_port", "int", 0, "relay host: serve the terminals' channel auth endpoint on this port (0 = off)"),
    Key("relay.auth_host", "str", "127.0.0.1", "relay host: the address the channel auth endpoint listens on"),
    Key("monitor.metrics_port", "int", 0, "the integrity watch's Prometheus metrics port on 127.0.0.1 (0 = off)"),
    Key("monitor.full_check_time", "str", "04:00", "local time (HH:MM, policy.timezone) of the nightly full integrity check"),
    Key("monitor.full_check_every_minutes", "int", 0, "run the full check every N minutes instead (0 = nightly)"),
    Key("monitor.anchor_dir", "path", None, "where the watch writes signed chain-head anchors (outside the database); empty = off"),
    Key("monitor.anchor_key", "str", None, "HMAC key of the anchors (keyring or CASHIER_MONITOR_ANCHOR_KEY only)", secret=True),
    Key("monitor.anchor_every_minutes", "int", 60, "anchor the chain heads this often (at most hourly)"),
    Key("monitor.heartbeat_seconds", "int", 15, "how often a terminal reports it is alive (offline after 4 missed)"),
    Key("receipt.casino_name", "str", None, "casino name printed at the top of every receipt"),
    Key("receipt.casino_address", "str", None, "casino address printed under the name (a line break as \\n)"),
    Key("receipt.paper", "str", "80mm", "receipt layout: 80mm (thermal roll) or a4"),
    Key("receipt.auto_print", "bool", False, "print every new receipt at once on the default printer"),
    Key("log.file", "path", None, "log file (rotated); default: stderr only"),
    Key("log.verbose", "bool", False, "debug logging"),
    Key("log.level", "str", "warning", "least severe record on stderr: debug, info, warning or error"),
    Key("log.max_mb", "int", 10, "rotate the log file at this many megabytes"),
    Key("log.backups", "int", 5, "rotated log files kept"),
]
KEY_BY_NAME = {k.name: k for k in KEYS}
# Whole-number keys and their allowed range (inclusive; None = unbounded).
INT_RANGES: dict[str, tuple[int, int | None]] = {
    "ledger.pool_size": (1, 200), "policy.gaming_day_start_hour": (0, 23),
    "policy.lockout_attempts": (1, 100), "policy.lockout_minutes": (0, None),
    "pusher.port": (1, 65535), "relay.batch_size": (1, 100_000), "relay.retention_hours": (0, None),
    "relay.metrics_port": (0, 65535), "log.max_mb": (1, 100_000), "log.backups": (0, 1000),
    "monitor.metrics_port": (0, 65535), "monitor.full_check_every_minutes": (0, None), "monitor.heartbeat_seconds": (1, 3600),
    "monitor.anchor_every_minutes": (1, 60), "relay.auth_port": (0, 65535),
}
CHOICES: dict[str, tuple[str, ...]] = {
    "policy.aggregation": ("month", "gaming_day"),
    "log.level": ("debug", "info", "warning", "error"),
    "terminal.language": ("en", "hi"),
    "receipt.paper": ("80mm", "a4"),
}
# Short names the issues and scripts use.
ENV_ALIASES = {"CASHIER_DATABASE_URL": "ledger.url", "CASHIER_JOURNAL": "terminal.journal"}


def _same_amount(a: str, b: str) -> bool:
    try:
        return Decimal(a) == Decimal(b)
    except InvalidOperation:
        return False


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP)) / "config.toml"


def _convert(key: Key, value: Any, where: str) -> Any:
    def bad(expected: str) -> ConfigError:
        return ConfigError(f"{where}: “{key.name}” must be {expected}, not {value!r}.")
    if value is None:
        return None
    if key.type == "str":
        if not isinstance(value, str):
            raise bad("text")
        return value
    if key.type == "int":
        if isinstance(value, bool):
            raise bad("a whole number")
        if isinstance(value, str):
            try:
                value = int(value)
            except ValueError:
                raise bad("a whole number") from None
        if not isinstance(value, int):
            raise bad("a whole number")
        return value
    if key.type == "bool":
        if isinstance(value, str) and value.lower() in ("1", "true", "yes", "on", "0", "false", "no", "off"):
            return value.lower() in ("1", "true", "yes", "on")
        if not isinstance(value, bool):
            raise bad("true or false")
        return value
    if key.type == "decimal":
        if isinstance(value, (bool, float)):
            raise bad("an amount written as a string or integer (no floats)")
        try:
            d = Decimal(str(value))
        except InvalidOperation:
            raise bad("an amount") from None
        if not d.is_finite() or d < 0:
            raise bad("a non-negative amount")
        return d
    if key.type == "path":
        if not isinstance(value, str):
            raise bad("a path")
        return Path(value).expanduser()
    if key.type == "list":
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, list):
            raise bad("a list")
        return [str(v) for v in value]
    raise AssertionError(key.type)


def _flatten(data: dict, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in data.items():
        name = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(_flatten(v, name + "."))
        else:
            out[name] = v
    return out


def _secret(key: Key) -> str | None:
    value = os.environ.get(key.env)
    if value:
        return value
    try:
        import keyring
        from keyring.errors import KeyringError
        try:
            return keyring.get_password(APP, key.name)
        except KeyringError:
            return None
    except Exception:  # noqa: BLE001 - no keyring backend at all: environment only
        return None


@dataclass
class Config:
    values: dict[str, Any]
    path: Path | None = None
    sources: dict[str, str] = field(default_factory=dict)
    # Secrets not in the environment are looked up in the OS keyring on first use only:
    # a keyring call costs a few hundred milliseconds, and demo mode never needs one.
    lazy_secrets: set[str] = field(default_factory=set)

    def _resolve(self, name: str) -> None:
        if name in self.lazy_secrets:
            self.lazy_secrets.discard(name)
            self.values[name] = _secret(KEY_BY_NAME[name]) or None

    def __getitem__(self, name: str) -> Any:
        self._resolve(name)
        return self.values[name]

    def get(self, name: str, default: Any = None) -> Any:
        self._resolve(name)
        v = self.values.get(name)
        return default if v is None else v

    @property
    def currency(self) -> CurrencyProfile:
        return profile_for(self["currency.code"], self.values.get("currency.max_transaction"))

    @property
    def terminal_id(self) -> str:
        return self["terminal.id"]

    @property
    def demo(self) -> bool:
        return not self.values.get("ledger.url")

    def masked(self) -> dict[str, Any]:
        """Every value, secrets masked, as `config show` prints them."""
        out = {}
        for k in KEYS:
            self._resolve(k.name)
            v = self.values.get(k.name)
            if k.secret:
                out[k.name] = "********" if v else None
            else:
                out[k.name] = str(v) if isinstance(v, (Decimal, Path)) else v
        return out


def load_config(path: str | Path | None = None, env: dict[str, str] | None = None,
                overrides: dict[str, Any] | None = None) -> Config:
    """Read the TOML file (if any), then the environment, then explicit overrides."""
    env = os.environ if env is None else env
    explicit = path or env.get("CASHIER_CONFIG")
    cfg_path = Path(explicit).expanduser() if explicit else default_config_path()
    raw: dict[str, Any] = {}
    if cfg_path.exists():
        try:
            raw = _flatten(tomllib.loads(cfg_path.read_text(encoding="utf-8")))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{cfg_path}: not valid TOML ({exc}).") from None
    elif explicit:
        raise ConfigError(f"The configuration file {cfg_path} does not exist.")
    values: dict[str, Any] = {k.name: k.default for k in KEYS}
    lazy: set[str] = set()
    sources: dict[str, str] = {k.name: "default" for k in KEYS}
    for name, value in raw.items():
        key = KEY_BY_NAME.get(name)
        if key is None:
            raise ConfigError(f"{cfg_path}: unknown key “{name}”.")
        if key.secret:
            raise ConfigError(f"{cfg_path}: “{name}” is a secret; put it in the keyring or {key.env}, "
                              "never in the file.")
        values[name] = _convert(key, value, str(cfg_path))
        sources[name] = str(cfg_path)
    for alias, name in ENV_ALIASES.items():
        if env.get(alias) and not env.get(KEY_BY_NAME[name].env):
            values[name] = _convert(KEY_BY_NAME[name], env[alias], f"environment {alias}")
            sources[name] = alias
    for key in KEYS:
        if key.secret:
            values[key.name] = env.get(key.env) or None
            if values[key.name] is None and env is os.environ:
                lazy.add(key.name)
            continue
        if env.get(key.env) not in (None, ""):
            values[key.name] = _convert(key, env[key.env], f"environment {key.env}")
            sources[key.name] = key.env
    for name, value in (overrides or {}).items():
        if value is not None:
            values[name] = _convert(KEY_BY_NAME[name], value, "command line")
            sources[name] = "command line"
    # Derived defaults
    code = str(values["currency.code"]).upper()
    if len(code) != 3 or not code.isalpha():
        raise ConfigError(f"{sources['currency.code']}: “currency.code” must be a three-letter code, not {code!r}.")
    values["currency.code"] = code
    money = MONEY_DEFAULTS.get(code, MONEY_DEFAULTS["USD"])
    for name, default in money.items():
        if values.get(name) is None:
            values[name] = Decimal(default)
    if values["currency.max_transaction"] is None:
        values["currency.max_transaction"] = profile_for(code).max_transaction
    if values["currency.denominations"] is None:
        values["currency.denominations"] = DENOMINATIONS.get(code, DENOMINATIONS["USD"])
    if values["policy.aggregation"] is None:
        values["policy.aggregation"] = "month" if code == "INR" else "gaming_day"
    if values["policy.aggregation"] not in ("month", "gaming_day"):
        raise ConfigError(f"{sources['policy.aggregation']}: “policy.aggregation” must be 'month' or 'gaming_day'.")
    if not 0 <= values["policy.gaming_day_start_hour"] <= 23:
        raise ConfigError(f"{sources['policy.gaming_day_start_hour']}: “policy.gaming_day_start_hour” must be 0–23.")
    if values["terminal.id"] is None:
        values["terminal.id"] = socket.gethostname().split(".")[0][:32] or "TERMINAL"
    if values["terminal.data_dir"] is None:
        values["terminal.data_dir"] = Path(platformdirs.user_data_dir(APP))
    if values["terminal.journal"] is None:
        values["terminal.journal"] = Path(values["terminal.data_dir"]) / f"journal-{values['terminal.id']}.sqlite"
    if values["pusher.app_id"] and not str(values["pusher.app_id"]).isdigit():
        raise ConfigError(f"{sources['pusher.app_id']}: “pusher.app_id” must be all digits.")
    _check_values(values, sources, str(cfg_path))
    return Config(values, cfg_path if cfg_path.exists() else None, sources, lazy)


def _check_values(values: dict[str, Any], sources: dict[str, str], file: str) -> None:
    """Ranges, choices, URLs and the values that are required together."""
    def fail(name: str, what: str) -> ConfigError:
        return ConfigError(f"{sources.get(name, 'configuration')}: “{name}” {what}")
    for name, (low, high) in INT_RANGES.items():
        v = values.get(name)
        if v is not None and (v < low or (high is not None and v > high)):
            raise fail(name, f"must be {low}–{high}, not {v}." if high is not None
                       else f"must be {low} or more, not {v}.")
    for name, allowed in CHOICES.items():
        v = values.get(name)
        if v is not None and v not in allowed:
            raise fail(name, f"must be one of {', '.join(allowed)}, not {v!r}.")
    url = values.get("ledger.url")
    if url:
        from urllib.parse import urlsplit
        parts = urlsplit(url)
        if parts.scheme not in ("postgresql", "postgres", "postgresql+psycopg"):
            raise fail("ledger.url", f"must be a postgresql:// URL, not {parts.scheme or url!r}.")
        if parts.password and sources.get("ledger.url") == file:
            raise fail("ledger.url", "contains a password; put it in the keyring or CASHIER_LEDGER_PASSWORD, "
                       "never in the file.")
    try:
        from zoneinfo import ZoneInfo
        ZoneInfo(values["policy.timezone"])
    except (KeyError, ValueError, ImportError, OSError):
        raise fail("policy.timezone", f"is not a known time zone: {values.get('policy.timezone')!r}.") from None
    for name in ("receipt.casino_name", "receipt.casino_address"):
        if len(values.get(name) or "") > 200:
            raise fail(name, "must be at most 200 characters (it is printed on an 80 mm receipt).")
    for d in values.get("currency.preferred_notes") or []:
        if not any(_same_amount(d, x) for x in values.get("currency.denominations") or []):
            raise fail("currency.preferred_notes", f"must list denominations of the currency; {d!r} is not one.")
    for d in values.get("currency.denominations") or []:
        try:
            ok = Decimal(d).is_finite() and Decimal(d) > 0
        except InvalidOperation:
            ok = False
        if not ok:
            raise fail("currency.denominations", f"must list positive amounts; {d!r} is not one.")
    if values.get("pusher.app_id"):
        if not values.get("pusher.key"):
            raise fail("pusher.app_id", "is set, so “pusher.key” is required too.")
        if not values.get("pusher.cluster") and not values.get("pusher.host"):
            raise fail("pusher.app_id", "is set, so “pusher.cluster” (Pusher Channels) or “pusher.host” "
                       "(a self-hosted server) is required too.")
    elif values.get("pusher.key"):
        raise fail("pusher.key", "is set but “pusher.app_id” is not; set both or neither.")


def database_url(cfg: Config) -> str | None:
    """The ledger URL with the password from keyring/environment spliced in."""
    url = cfg.get("ledger.url")
    if not url:
        return None
    password = cfg.get("ledger.password")
    if password and "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.split("@", 1)
        if ":" not in creds:
            from urllib.parse import quote
            url = f"{scheme}://{creds}:{quote(password, safe='')}@{host}"
    return url
