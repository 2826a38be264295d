"""PIN hashing with Argon2id.

The cost profile is configuration: `default` (RFC 9106 low-memory, ~0.1 s a hash) for
production, `cheap` for tests (`CASHIER_ARGON2_PROFILE=cheap`), never for a real cage.
"""

from __future__ import annotations

import os
import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from .errors import InvalidInput

_PIN = re.compile(r"[0-9]{4,12}")
_hashers: dict[str, PasswordHasher] = {}


def _hasher() -> PasswordHasher:
    profile = os.environ.get("CASHIER_ARGON2_PROFILE", "default")
    if profile not in _hashers:
        if profile == "cheap":
            _hashers[profile] = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
        else:
            _hashers[profile] = PasswordHasher()
    return _hashers[profile]


def check_pin_format(pin: str) -> str:
    if not isinstance(pin, str) or not _PIN.fullmatch(pin):
        raise InvalidInput("A PIN is 4 to 12 digits.")
    return pin


def hash_pin(pin: str) -> str:
    return _hasher().hash(check_pin_format(pin))


def pin_matches(pin_hash: str, pin: str) -> bool:
    """True if `pin` matches; never raises for a wrong PIN or a damaged hash."""
    try:
        return _hasher().verify(pin_hash, pin)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
