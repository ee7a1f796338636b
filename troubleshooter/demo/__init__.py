"""Demo security devices built on :mod:`troubleshooter.verification`, and what shows them.

Simulated Digital Security Card+, IB Key and Security Code Card, each with the
login screen that knows it; the practice pages, the terminal practice and the
worked example of the DSC article use them. Keys derive from a seed containing
"DEMO": nothing here needs or asks for a real secret.
"""

from __future__ import annotations

from .codecard import CardChallenge, SecurityCodeCard, demo_code_card, swap_axes
from .dsc import (
    DEMO_PIN,
    DISPLAY_CHALLENGE,
    DISPLAY_OFF,
    DISPLAY_PIN,
    DISPLAY_PIN_ERROR,
    DSC_SUITE,
    DigitalSecurityCard,
    demo_dsc,
)
from .ibkey import IBKEY_SUITE, IBKey, demo_ibkey
from .keys import DEFAULT_SEED, demo_key
from .login import Challenge, ChallengeLogin
from .reasons import DemoVerdict, DeviceReason
from .walkthrough import DscWalkthrough, WalkthroughStep, dsc_walkthrough

__all__ = [
    "DEFAULT_SEED",
    "DISPLAY_CHALLENGE",
    "DISPLAY_OFF",
    "DEMO_PIN",
    "DISPLAY_PIN",
    "DISPLAY_PIN_ERROR",
    "DSC_SUITE",
    "IBKEY_SUITE",
    "CardChallenge",
    "Challenge",
    "ChallengeLogin",
    "DemoVerdict",
    "DeviceReason",
    "DigitalSecurityCard",
    "DscWalkthrough",
    "IBKey",
    "SecurityCodeCard",
    "WalkthroughStep",
    "demo_code_card",
    "demo_dsc",
    "demo_ibkey",
    "demo_key",
    "dsc_walkthrough",
    "swap_axes",
]
