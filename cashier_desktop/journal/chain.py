"""The journal's hash chain: record hashing, the state each record leads to, verification.

The journal is append-only: an entry's life (pending → posted / rejected / rejected on
replay, then perhaps resolved) is a series of records, each hashed over the previous
record's hash and its own content. The `entries` table is only an index derived from the
records; `verify` rebuilds it from the chain and reports every difference, so an edited,
inserted or deleted record — or an edited index row — is named.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

GENESIS = "0" * 64

# Record types. The state of an entry is what its records say, in order.
PENDING = "pending"                          # the intent, written before anything is sent
OFFLINE = "offline"                          # the send failed: the entry was taken offline
POSTED = "posted"                            # the ledger accepted it (live, replayed or found)
REJECTED = "rejected"                        # refused at the counter (or never sent)
REJECTED_ON_REPLAY = "rejected_on_replay"    # refused by the ledger when replayed
RESOLVED = "resolved"                        # a supervisor dealt with a rejection on replay
RETRY = "retry"                              # the same id submitted again after a refusal

RECORD_TYPES = (PENDING, OFFLINE, POSTED, REJECTED, REJECTED_ON_REPLAY, RESOLVED, RETRY)
STATES = (PENDING, POSTED, REJECTED, REJECTED_ON_REPLAY)

# Which record may follow an entry's current state (state, in_doubt) → allowed types.
_ALLOWED = {
    (PENDING, False): {OFFLINE, POSTED, REJECTED, REJECTED_ON_REPLAY},
    (REJECTED, True): {POSTED, REJECTED},    # refused while in doubt: the ledger decides
    (REJECTED, False): {RETRY},
    (REJECTED_ON_REPLAY, False): {RESOLVED},
    (POSTED, False): {RESOLVED},             # only a posting found after a refusal needs it
}


def canonical(body: dict) -> str:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def record_hash(prev_hash: str, entry_id: str, rtype: str, at: str, body: str) -> str:
    """sha256 over the previous record's hash and this record's content."""
    raw = "\x1f".join((prev_hash, entry_id, rtype, at, body))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class IllegalTransition(ValueError):
    pass


def apply(entry: dict | None, entry_id: str, seq: int, rtype: str, at: str, body: dict) -> dict:
    """The entry index row after one more record (the reducer append and verify share).

    Args:
        entry: the row so far, or None for the entry's first record.
        body: the record's decoded content.
    Returns:
        A new row (dict with the `entries` table's columns).
    Raises:
        IllegalTransition: the record cannot follow the entry's current state.
    """
    if entry is None:
        if rtype != PENDING:
            raise IllegalTransition(f"entry {entry_id} starts with a {rtype} record, not its intent")
        cmd = body["command"]
        return {
            "id": entry_id, "seq": seq, "state": PENDING, "ledger": body.get("ledger", ""),
            "kind": cmd["kind"], "player_id": cmd["player_id"], "amount": cmd["amount"],
            "currency": cmd["currency"], "staff_id": cmd["staff_id"],
            "terminal_id": cmd.get("terminal_id") or "", "shift_id": cmd.get("shift_id"),
            "offline": int(bool(body.get("offline"))), "in_doubt": 0,
            "command": canonical(cmd), "receipt": None, "code": None, "reason": None,
            "resolved_by": None, "resolution": None, "created_at": at, "updated_at": at,
            "last_seq": seq,
        }
    if rtype == PENDING:
        raise IllegalTransition(f"entry {entry_id} has a second intent record")
    key = (entry["state"], bool(entry["in_doubt"]))
    if rtype not in _ALLOWED.get(key, set()):
        raise IllegalTransition(f"entry {entry_id}: a {rtype} record cannot follow state {entry['state']}")
    row = dict(entry, updated_at=at, last_seq=seq)
    if rtype == OFFLINE:
        row["offline"] = 1
        if row["shift_id"] is None and body.get("shift_id") is not None:
            # the shift the terminal knew when it took the entry offline (the database would have
            # chosen it): offline totals per shift count it, as the ledger's replay will
            row["shift_id"] = body["shift_id"]
    elif rtype == POSTED:
        was_refused = entry["state"] == REJECTED
        row.update(state=POSTED, receipt=canonical(body["receipt"]), in_doubt=0,
                   code="posted_after_refusal" if was_refused else None,
                   reason=("Posted by the ledger although the counter was told it was refused "
                           "(the connection was lost mid-posting).") if was_refused else None)
    elif rtype in (REJECTED, REJECTED_ON_REPLAY):
        row.update(state=rtype, code=body.get("code"), reason=body.get("reason"),
                   in_doubt=int(bool(body.get("in_doubt"))))
    elif rtype == RETRY:
        row.update(state=PENDING, offline=int(bool(body.get("offline"))), in_doubt=0, code=None, reason=None,
                   command=canonical(body["command"]), amount=body["command"]["amount"],
                   shift_id=body["command"].get("shift_id"))
    elif rtype == RESOLVED:
        if entry["state"] == POSTED and entry["code"] != "posted_after_refusal":
            raise IllegalTransition(f"entry {entry_id}: a normal posting has nothing to resolve")
        if entry["resolved_by"]:
            raise IllegalTransition(f"entry {entry_id} is already resolved")
        row.update(resolved_by=body["staff_id"], resolution=body["note"])
    return row


@dataclass(frozen=True, slots=True)
class JournalFinding:
    """One problem `verify` found; `sentence()` says which record or entry."""

    problem: str
    seq: int | None = None
    entry_id: str | None = None

    def sentence(self) -> str:
        where = f"record #{self.seq}" if self.seq is not None else "journal"
        if self.entry_id:
            where += f" (entry {self.entry_id})"
        return f"{where}: {self.problem}"

    def to_json(self) -> dict:
        return asdict(self)


ENTRY_COLUMNS = ("id", "seq", "state", "ledger", "kind", "player_id", "amount", "currency", "staff_id",
                 "terminal_id", "shift_id", "offline", "in_doubt", "command", "receipt", "code", "reason",
                 "resolved_by", "resolution", "created_at", "updated_at", "last_seq")


def verify_records(records, head: tuple[int, str] | None, stored_entries: dict[str, dict]
                   ) -> list[JournalFinding]:
    """Walk the chain and compare the derived index with the stored one.

    Args:
        records: (seq, entry_id, type, at, body, prev_hash, hash) tuples in seq order.
        head: (seq, hash) of the last record as written at append time, or None if empty.
        stored_entries: the `entries` table, by id.
    Returns:
        Findings; an empty list means the journal is intact.
    """
    findings: list[JournalFinding] = []
    derived: dict[str, dict] = {}
    hashes: list[tuple[int, str, str]] = []  # (seq, entry_id, stored hash) of records seen
    last_seq, last_hash = 0, GENESIS
    for seq, entry_id, rtype, at, body, prev_hash, stored in records:
        gap = seq != last_seq + 1
        if gap:
            missing = f"#{last_seq + 1}" if seq == last_seq + 2 else f"#{last_seq + 1}–#{seq - 1}"
            findings.append(JournalFinding(f"record {missing} missing before it (deleted)", seq, entry_id))
        if record_hash(prev_hash, entry_id, rtype, at, body) != stored:
            findings.append(JournalFinding("its content was altered (hash does not match)", seq, entry_id))
        if prev_hash != last_hash and not gap:
            earlier = next((h for h in reversed(hashes[:-1]) if h[2] == prev_hash), None)
            if earlier is not None and len(hashes) >= 1:
                bad = hashes[-1]
                findings.append(JournalFinding(
                    f"was inserted: the chain goes from #{earlier[0]} straight to #{seq}", bad[0], bad[1]))
            else:
                findings.append(JournalFinding(
                    "does not follow the record before it: a record was deleted or replaced before it",
                    seq, entry_id))
        hashes.append((seq, entry_id, stored))
        last_seq, last_hash = seq, stored
        try:
            decoded = json.loads(body)
            derived[entry_id] = apply(derived.get(entry_id), entry_id, seq, rtype, at, decoded)
        except IllegalTransition as exc:
            findings.append(JournalFinding(f"out of order: {exc}", seq, entry_id))
        except (ValueError, KeyError, TypeError):
            findings.append(JournalFinding("its content is not a readable record", seq, entry_id))
    if head is not None and (head[0] != last_seq or head[1] != last_hash):
        findings.append(JournalFinding(
            f"the chain ends at record #{last_seq} but the journal's head says #{head[0]}: "
            "the last records were deleted or replaced"))
    elif head is None and last_seq:
        findings.append(JournalFinding("the journal's head is missing"))
    for entry_id in sorted(set(derived) | set(stored_entries)):
        want, have = derived.get(entry_id), stored_entries.get(entry_id)
        if want is None:
            findings.append(JournalFinding("has an index row but no records (inserted)", have and have["seq"],
                                           entry_id))
        elif have is None:
            findings.append(JournalFinding("has records but no index row (deleted)", want["seq"], entry_id))
        else:
            diff = [c for c in ENTRY_COLUMNS if str(want[c]) != str(have[c])]
            if diff:
                findings.append(JournalFinding(
                    f"its index row was edited ({', '.join(diff)} differ from its records)", want["seq"],
                    entry_id))
    return findings
