"""Refusals only a simulated device or its login screen can give (beyond the OTP ones)."""

from __future__ import annotations

import enum
from typing import TypeAlias

from ..verification import Reason, Verdict

__all__ = ["DemoVerdict", "DeviceReason"]


class DeviceReason(enum.Enum):
    """Stable reason codes, like :class:`Reason` (used as catalog keys and in the page script)."""

    CHALLENGE_ECHOED = "challenge-echoed"
    STALE_CHALLENGE = "stale-challenge"
    EXPIRED = "expired"
    WRONG_PIN = "wrong-pin"
    TRANSPOSED_CELL = "transposed-cell"


DemoVerdict: TypeAlias = Verdict[Reason | DeviceReason]
