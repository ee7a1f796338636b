"""Embedded, stdlib-only verification library: HOTP/TOTP/OCRA plus explained demo devices.

Nothing here needs or asks for a real secret: demo devices derive their keys from
a seed containing "DEMO". Verification returns a :class:`Verdict` with a stable
:class:`Reason` code and parameters; rendering a hint for users is the caller's job.
Every invalid argument raises :class:`VerificationError`.
"""

from __future__ import annotations

from ._errors import VerificationError
from ._input import MAX_INPUT, MIN_KEY
from .challenge import Challenge, ChallengeLogin
from .codecard import CardChallenge, SecurityCodeCard, demo_code_card, swap_axes
from .demo import DEFAULT_SEED, demo_key
from .dsc import (
    DISPLAY_CHALLENGE,
    DISPLAY_OFF,
    DISPLAY_PIN,
    DISPLAY_PIN_ERROR,
    DSC_SUITE,
    DigitalSecurityCard,
    demo_dsc,
)
from .ibkey import IBKEY_SUITE, IBKey, demo_ibkey
from .ocra import OcraSuite, ocra, ocra_timestamp, parse_suite
from .otp import hotp, time_step, totp
from .result import Reason, Verdict
from .tempcode import IssuedCode, TemporaryCode, demo_temporary_code
from .totp_verifier import TotpVerifier, verify_totp
from .walkthrough import DscWalkthrough, WalkthroughStep, dsc_walkthrough

__all__ = [
    "DEFAULT_SEED",
    "DISPLAY_CHALLENGE",
    "DISPLAY_OFF",
    "DISPLAY_PIN",
    "DISPLAY_PIN_ERROR",
    "DSC_SUITE",
    "IBKEY_SUITE",
    "MAX_INPUT",
    "MIN_KEY",
    "CardChallenge",
    "Challenge",
    "ChallengeLogin",
    "DigitalSecurityCard",
    "DscWalkthrough",
    "IBKey",
    "IssuedCode",
    "OcraSuite",
    "Reason",
    "SecurityCodeCard",
    "TemporaryCode",
    "TotpVerifier",
    "VerificationError",
    "Verdict",
    "WalkthroughStep",
    "demo_code_card",
    "demo_dsc",
    "demo_ibkey",
    "demo_key",
    "demo_temporary_code",
    "dsc_walkthrough",
    "hotp",
    "ocra",
    "ocra_timestamp",
    "parse_suite",
    "swap_axes",
    "time_step",
    "totp",
    "verify_totp",
]
