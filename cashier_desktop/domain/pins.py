"""PIN rules and the terminal's offline PIN verifier (Argon2id).

Online, PINs are checked by the database (PBKDF2-HMAC-SHA256 in `cage.staff_login`); the
Argon2id here only protects the copy a terminal keeps in its journal for offline logins.
That copy can be stolen with the file, so it is tuned to about one second a guess
(256 MiB, 5 passes): the whole 6-digit space costs about 10⁶ CPU-seconds on such a core.
`CASHIER_ARGON2_PROFILE=cheap` makes it instant for tests, never for a real cage.

New PINs are 6 to 12 digits (`NEW_PIN_DIGITS`); only the demo staff, seeded by the
schema owner, keep their 4-digit PINs.
"""

from __future__ import annotations

import os
import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from .errors import InvalidInput

NEW_PIN_DIGITS = 6
_hashers: dict[str, PasswordHasher] = {}


def _hasher() -> PasswordHasher:
    profile = os.environ.get("CASHIER_ARGON2_PROFILE", "default")
    if profile not in _hashers:
        if profile == "cheap":
            _hashers[profile] = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
        else:
            _hashers[profile] = PasswordHasher(time_cost=5, memory_cost=262144, parallelism=1)
    return _hashers[profile]


def check_pin_format(pin: str, *, min_digits: int = 4) -> str:
    if not isinstance(pin, str) or not re.fullmatch(f"[0-9]{{{min_digits},12}}", pin):
        raise InvalidInput(f"A PIN is {min_digits} to 12 digits.")
    return pin


def hash_pin(pin: str) -> str:
    """The offline verifier of a PIN (about one second of CPU and 256 MiB by default)."""
    return _hasher().hash(check_pin_format(pin))


def pin_matches(pin_hash: str, pin: str) -> bool:
    """True if `pin` matches; never raises for a wrong PIN or a damaged hash."""
    try:
        return _hasher().verify(pin_hash, pin)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
