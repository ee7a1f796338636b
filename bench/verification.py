"""Benchmark: our TOTP generation/verification against pyotp and a raw HMAC lower bound.

Run with ``make bench`` (all benchmarks) or ``python -m bench.verification``.
"""

from __future__ import annotations

import base64
import hmac
import struct
import time
from collections.abc import Callable

import pyotp

from troubleshooter.verification import forget_keys, totp, verify_totp

KEY = b"12345678901234567890"
AT = 1_111_111_111.0
REPEATS = 5
NUMBER = 20_000


def _best_ops(fn: Callable[[], object], number: int = NUMBER, repeats: int = REPEATS) -> float:
    """Best-of-``repeats`` operations per second for ``number`` calls of ``fn``."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, time.perf_counter() - start)
    return number / best


def _raw_bound() -> Callable[[], str]:
    pack = struct.Struct(">Q").pack
    counter = int(AT // 30)

    def raw() -> str:
        mac = hmac.digest(KEY, pack(counter), "sha1")
        o = mac[-1] & 15
        return f"{(int.from_bytes(mac[o : o + 4], 'big') & 0x7FFFFFFF) % 1_000_000:06d}"

    return raw


def main() -> dict[str, float]:
    """Run every measurement once, print the table and goals, and return the numbers."""
    secret = base64.b32encode(KEY).decode()
    reference = pyotp.TOTP(secret)
    code = totp(KEY, AT)
    if reference.at(AT) != code or not verify_totp(KEY, code, AT).accepted:
        raise SystemExit("implementations disagree; benchmark aborted")

    print("TOTP sha1, 6 digits; verify checks the current step's code with a +/-1 window")
    results = {
        "ours totp()": _best_ops(lambda: totp(KEY, AT)),
        "pyotp TOTP.at()": _best_ops(lambda: reference.at(AT)),
        "raw hmac.digest + truncate": _best_ops(_raw_bound()),
        "ours verify_totp(window=1)": _best_ops(lambda: verify_totp(KEY, code, AT, window=1)),
        "pyotp TOTP.verify(valid_window=1)": _best_ops(
            lambda: reference.verify(code, for_time=AT, valid_window=1)
        ),
        "ours verify_totp, key cache emptied first": _best_ops(
            lambda: (forget_keys(), verify_totp(KEY, code, AT, window=1))
        ),
    }
    width = max(map(len, results))
    for name, ops in results.items():
        print(f"{name:<{width}}  {ops:>12,.0f} ops/s")
    gen_ratio = results["ours totp()"] / results["pyotp TOTP.at()"]
    ver_ratio = results["ours verify_totp(window=1)"] / results["pyotp TOTP.verify(valid_window=1)"]
    raw_ratio = results["raw hmac.digest + truncate"] / results["ours totp()"]
    cache_ratio = (
        results["ours verify_totp(window=1)"] / results["ours verify_totp, key cache emptied first"]
    )
    print()
    goals = [
        ("generation ours/pyotp", gen_ratio, ""),
        (
            "verify     ours/pyotp",
            ver_ratio,
            "goal >= 2x: " + ("met" if ver_ratio >= 2 else "NOT met"),
        ),
        (
            "generation raw/ours  ",
            raw_ratio,
            "goal <= 2x: " + ("met" if raw_ratio <= 2 else "NOT met"),
        ),
        ("verify with/without key cache", cache_ratio, "what the bounded HMAC key cache buys"),
    ]
    for label, ratio, goal in goals:
        print(f"{label}: {ratio:5.2f}x  {goal}".rstrip())
    return {
        **results,
        "gen_ratio": gen_ratio,
        "verify_ratio": ver_ratio,
        "raw_ratio": raw_ratio,
        "cache_ratio": cache_ratio,
    }


if __name__ == "__main__":
    main()
