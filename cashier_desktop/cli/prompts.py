"""PINs for headless use: from the environment or a prompt, never an argument."""

from __future__ import annotations

import getpass
import os
import sys

from ..domain.errors import AuthenticationFailed


def read_pin(env_var: str, prompt: str) -> str:
    pin = os.environ.get(env_var)
    if pin:
        return pin
    if not sys.stdin.isatty():
        line = sys.stdin.readline().strip()
        if line:
            return line
        raise AuthenticationFailed(f"No PIN given: set {env_var} or type it at the prompt.")
    return getpass.getpass(prompt)
