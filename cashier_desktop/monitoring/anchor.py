"""Chain anchoring: the ledger's chain heads, signed and kept outside the database.

Every player's postings form a hash chain (`ledger_digest`), so an edited past row breaks
it — unless whoever edits it also recomputes every later hash, as a DBA with triggers off
can (issue 14, attack 12). Such a ledger is consistent with itself; only something kept
outside the database's reach can tell. The watch writes that something: at least hourly,
the heads of every chain that moved since the last anchor (player, posting id, seq, hash),
signed with HMAC-SHA256 under a key the database never sees (`monitor.anchor_key`, from
the keyring or `CASHIER_MONITOR_ANCHOR_KEY`), into a directory outside it
(`monitor.anchor_dir`). Each file names the signature of the one before it, so a removed
or reordered file is found too.

`verify_anchors` (run by `integrity` and the full check) checks every file's signature and
its link to the previous one, and that each anchored posting still exists with the anchored
hash: a re-chained ledger changes the hash of every anchored head after the edit.

What it cannot see: an edit made and re-chained between the last anchor and the next,
to rows no anchor has covered yet (at most `every` of history), and an attacker who holds
the key as well as the database.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from ..domain.errors import ConfigError
from ..ledger.integrity import Finding

log = logging.getLogger(__name__)

PREFIX = "anchor-"
FORMAT = 1


def _canonical(doc: dict) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _mac(key: bytes, doc: dict) -> str:
    return hmac.new(key, _canonical({k: v for k, v in doc.items() if k != "mac"}), hashlib.sha256).hexdigest()


def _files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob(f"{PREFIX}*.json") if p.is_file())


@dataclass(frozen=True)
class Anchorer:
    """Writes and checks the anchors of one directory with one key. Thread-safe for reads."""

    directory: Path
    key: bytes
    every_seconds: float = 3600.0

    @classmethod
    def from_config(cls, config) -> "Anchorer | None":
        """None when `monitor.anchor_dir` is not set; ConfigError if it is set without a key."""
        directory = config.get("monitor.anchor_dir")
        if not directory:
            return None
        key = config.get("monitor.anchor_key")
        if not key:
            raise ConfigError("monitor.anchor_dir is set but there is no anchor key: put it in the keyring "
                              "or CASHIER_MONITOR_ANCHOR_KEY (never in the database or the TOML file).")
        every = 60 * int(config.get("monitor.anchor_every_minutes", 60) or 60)
        return cls(Path(directory), key.encode(), float(min(every, 3600)))

    # --- writing -------------------------------------------------------------------------
    def _last(self) -> dict | None:
        files = _files(self.directory)
        if not files:
            return None
        return json.loads(files[-1].read_text())

    def due(self, now: float | None = None) -> bool:
        """Whether the newest anchor is older than `every_seconds` (or there is none)."""
        files = _files(self.directory) if self.directory.exists() else []
        if not files:
            return True
        return (now or time.time()) - files[-1].stat().st_mtime >= self.every_seconds

    def export(self, engine: Engine) -> Path:
        """Sign and write the heads of every chain that moved since the last anchor."""
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        last = self._last()
        since = int(last["upto_seq"]) if last else 0
        with engine.connect() as conn:
            rows = conn.execute(text("""SELECT DISTINCT ON (player_id) player_id, id, seq, hash
                FROM ledger_transactions WHERE seq > :s ORDER BY player_id, seq DESC"""), {"s": since}).fetchall()
            at = conn.execute(text("SELECT clock_timestamp()")).scalar()
        upto = max([since] + [int(r.seq) for r in rows])
        doc = {"format": FORMAT, "created_at": at.astimezone(timezone.utc).isoformat(),
               "since_seq": since, "upto_seq": upto, "prev_mac": last["mac"] if last else None,
               "heads": [[r.player_id, str(r.id), int(r.seq), r.hash] for r in rows]}
        doc["mac"] = _mac(self.key, doc)
        name = f"{PREFIX}{at.astimezone(timezone.utc).strftime('%Y%m%dT%H%M%S%fZ')}-{upto:012d}.json"
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".anchor-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w") as f:
                f.write(json.dumps(doc, indent=1))
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.directory / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        log.info("anchored %d chain heads up to seq %d in %s", len(rows), upto, name)
        return self.directory / name

    def export_if_due(self, engine: Engine) -> Path | None:
        return self.export(engine) if self.due() else None

    # --- checking ------------------------------------------------------------------------
    def verify(self, engine: Engine) -> list[Finding]:
        """Findings for every anchor that fails its signature or link, or whose head changed."""
        findings: list[Finding] = []
        if not self.directory.exists():
            return findings
        heads: dict[str, tuple[str, int, str, str]] = {}  # posting id -> (player, seq, hash, file)
        prev_mac = None
        for path in _files(self.directory):
            try:
                doc = json.loads(path.read_text())
            except (OSError, ValueError) as exc:
                findings.append(Finding("*", "chain_anchor", f"anchor {path.name} is unreadable: {exc}"))
                continue
            if not hmac.compare_digest(str(doc.get("mac", "")), _mac(self.key, doc)):
                findings.append(Finding("*", "chain_anchor", f"anchor {path.name} fails its signature"))
                continue
            if doc.get("prev_mac") != prev_mac:
                findings.append(Finding("*", "chain_anchor",
                                        f"anchor {path.name} does not follow the one before it (a file is missing)"))
            prev_mac = doc["mac"]
            for player, posting, seq, digest in doc.get("heads", []):
                heads[posting] = (player, seq, digest, path.name)
        if not heads:
            return findings
        with engine.connect() as conn:
            found = {str(r.id): r for r in conn.execute(text("""SELECT id, player_id, seq, hash
                FROM ledger_transactions WHERE id = ANY(CAST(:ids AS uuid[]))"""), {"ids": list(heads)})}
        for posting, (player, seq, digest, name) in sorted(heads.items(), key=lambda kv: kv[1][1]):
            row = found.get(posting)
            if row is None:
                findings.append(Finding(player, "chain_anchor", f"posting anchored in {name} is missing",
                                        None, posting, seq))
            elif row.hash != digest or row.player_id != player:
                findings.append(Finding(player, "chain_anchor",
                                        f"chain rewritten: anchored in {name} with hash {digest[:16]}…",
                                        row.hash, posting, seq))
        return findings


def anchor_findings(config, engine: Engine) -> list[Finding]:
    """What `integrity` adds: the anchors' findings when anchoring is configured."""
    anchorer = Anchorer.from_config(config)
    return anchorer.verify(engine) if anchorer else []


def now_utc() -> datetime:
    return datetime.now(timezone.utc)
