"""Demo key derivation: every simulated device key comes from an obviously fake seed."""

from __future__ import annotations

import hashlib

from ..verification import MAX_INPUT, VerificationError

__all__ = ["DEFAULT_SEED", "DEMO_PREFIX", "demo_key"]

DEMO_PREFIX = "troubleshooter-demo:"
"""Prefix of every derivation; docs/assets/dsc-practice.js derives the same keys."""
DEFAULT_SEED = "DEMO-ONLY"


def demo_key(seed: str, label: str) -> bytes:
    """Return the 32-byte key ``sha256("troubleshooter-demo:" + seed + ":" + label)``.

    ``seed`` must contain "DEMO" (any case) so a real secret is never mistaken for
    one; raises VerificationError otherwise or when seed/label is not a short str.
    """
    for name, value in (("seed", seed), ("label", label)):
        if not isinstance(value, str) or not 1 <= len(value) <= MAX_INPUT:
            raise VerificationError(f"demo {name} must be a str of 1-{MAX_INPUT} characters")
    if "DEMO" not in seed.upper():
        raise VerificationError("demo seed must contain 'DEMO'; never use a real secret")
    return hashlib.sha256(f"{DEMO_PREFIX}{seed}:{label}".encode()).digest()
