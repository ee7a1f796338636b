"""Business rules as small pure functions over the facts: limits and eligibility."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..content.facts import Device, Facts, Limits


@dataclass(frozen=True)
class Band:
    """An amount range ``(lower, upper]``; ``upper`` None means above every limit."""

    id: str
    lower: int
    upper: int | None


def amount_bands(limits: list[int | None]) -> list[Band]:
    """Ranges that do not overlap, split at every distinct finite limit: one answer each."""
    edges = sorted({x for x in limits if x is not None})
    bands, lower = [], 0
    for edge in edges:
        bands.append(Band(f"over-{lower}-up-to-{edge}" if lower else f"up-to-{edge}", lower, edge))
        lower = edge
    bands.append(Band(f"over-{lower}", lower, None))
    return bands


def day_bands(facts: Facts) -> list[Band]:
    return amount_bands([d.limits.per_day for d in facts.devices])


def five_day_bands(facts: Facts) -> list[Band]:
    return amount_bands([d.limits.five_days for d in facts.devices])


def within(limit: int | None, amount: int | None) -> bool:
    """Whether ``amount`` (None: more than any finite limit) fits under ``limit``."""
    if limit is None:
        return True
    return amount is not None and amount <= limit


def unlimited(limits: Limits) -> bool:
    """Whether a device has no withdrawal limit at all: neither per day nor over 5 business days."""
    return limits.per_day is None and limits.five_days is None


def allows(limits: Limits, per_day: int | None, five_days: int | None) -> bool:
    return within(limits.per_day, per_day) and within(limits.five_days, five_days)


def devices_allowing(facts: Facts, per_day: int | None, five_days: int | None) -> list[Device]:
    """Devices (current ones first, strongest first) that can confirm such a withdrawal."""
    return [d for d in facts.by_level() if allows(d.limits, per_day, five_days)]


def devices_to_get(facts: Facts, per_day: int | None, five_days: int | None) -> list[Device]:
    """Devices still issued (legacy ones are not) that can confirm such a withdrawal,
    those that any account can get before those that need a balance."""
    issued = [d for d in devices_allowing(facts, per_day, five_days) if not d.legacy]
    return sorted(issued, key=lambda d: d.requires_balance is not None)


def dsc_plus_eligible(facts: Facts, balance: int) -> bool:
    """An IBKR Mobile user qualifies for the DSC+ from the threshold balance upwards."""
    return balance >= facts.money["dsc_plus_threshold"]


class Sharing(Enum):
    ELIGIBLE = "eligible"
    IDENTITY_DIFFERS = "identity-differs"
    TEMPORARY_DEVICE = "temporary-device"


def sharing_eligibility(
    same_entity: bool, identity_identical: bool, holds_temporary: bool
) -> Sharing:
    """Both sharing conditions: same entity or identical identity data; no temporary device."""
    if not (same_entity or identity_identical):
        return Sharing.IDENTITY_DIFFERS
    if holds_temporary:
        return Sharing.TEMPORARY_DEVICE
    return Sharing.ELIGIBLE


def share_owner(devices: list[Device]) -> Device:
    """The device to share: the highest security level among those involved."""
    return max(devices, key=lambda d: (d.level, not d.legacy))
