"""The business rules on their own: limits, bands and eligibility (fixture project's facts)."""

from __future__ import annotations

import pytest

from troubleshooter.content.facts import Facts, Limits
from troubleshooter.content.model import Content
from troubleshooter.tree.rules import (
    Band,
    Sharing,
    allows,
    amount_bands,
    devices_allowing,
    devices_to_get,
    dsc_plus_eligible,
    share_owner,
    sharing_eligibility,
    unlimited,
    within,
)


@pytest.fixture(scope="module")
def facts(fixture_content: Content) -> Facts:
    return fixture_content.facts


def test_bands_split_at_every_distinct_limit() -> None:
    assert amount_bands([200, None, 100, 200]) == [
        Band("up-to-100", 0, 100),
        Band("over-100-up-to-200", 100, 200),
        Band("over-200", 200, None),
    ]


@pytest.mark.parametrize(
    ("limit", "amount", "ok"),
    [
        pytest.param(100, 100, True, id="at-the-limit"),
        pytest.param(100, 101, False, id="above"),
        pytest.param(None, 10**12, True, id="unlimited"),
        pytest.param(None, None, True, id="unlimited-above-all"),
        pytest.param(100, None, False, id="above-all-finite"),
    ],
)
def test_within(limit: int | None, amount: int | None, ok: bool) -> None:
    assert within(limit, amount) is ok


def test_both_periods_must_fit() -> None:
    assert allows(Limits(100, 300), 100, 300)
    assert not allows(Limits(100, 300), 100, 301)
    assert not allows(Limits(100, 300), 101, 300)


def test_unlimited_means_no_limit_in_either_period(facts: Facts) -> None:
    assert unlimited(Limits(None, None))
    assert not unlimited(Limits(None, 300))
    assert not unlimited(Limits(100, None))
    assert {d.id for d in facts.devices if unlimited(d.limits)} == {"dsc_plus", "platinum", "gold"}


def test_devices_allowing_follow_the_limits_table(facts: Facts) -> None:
    assert {d.id for d in devices_allowing(facts, 200_000, 600_000)} == {
        d.id for d in facts.devices
    }
    assert {d.id for d in devices_allowing(facts, 1_000_000, 1_500_000)} == {
        "dsc",
        "dsc_plus",
        "gold",
        "platinum",
    }
    over_all = devices_allowing(facts, None, None)
    assert {d.id for d in over_all} == {"dsc_plus", "gold", "platinum"}
    assert over_all[0].id == "dsc_plus", "current devices come before legacy ones"


def test_dsc_plus_threshold_comes_from_the_facts(facts: Facts) -> None:
    threshold = facts.money["dsc_plus_threshold"]
    assert dsc_plus_eligible(facts, threshold)
    assert not dsc_plus_eligible(facts, threshold - 1)


@pytest.mark.parametrize(
    ("same", "identical", "temporary", "verdict"),
    [
        (True, False, False, Sharing.ELIGIBLE),
        (False, True, False, Sharing.ELIGIBLE),
        (False, False, False, Sharing.IDENTITY_DIFFERS),
        (False, False, True, Sharing.IDENTITY_DIFFERS),
        (True, False, True, Sharing.TEMPORARY_DEVICE),
    ],
)
def test_sharing_needs_both_conditions(
    same: bool, identical: bool, temporary: bool, verdict: Sharing
) -> None:
    assert sharing_eligibility(same, identical, temporary) is verdict


def test_the_shared_device_is_the_strongest_one(facts: Facts) -> None:
    by_id = {d.id: d for d in facts.devices}
    assert share_owner([by_id["scc"], by_id["dsc_plus"], by_id["ibkr_mobile"]]).id == "dsc_plus"


def test_a_tie_in_level_goes_to_the_device_still_issued(facts: Facts) -> None:
    by_id = {d.id: d for d in facts.devices}
    assert by_id["gold"].level == by_id["dsc_plus"].level
    assert share_owner([by_id["gold"], by_id["dsc_plus"]]).id == "dsc_plus"
    assert share_owner([by_id["dsc_plus"], by_id["gold"]]).id == "dsc_plus"


def test_devices_to_get_are_issued_ones_those_for_any_account_first(facts: Facts) -> None:
    got = devices_to_get(facts, 200_000, 600_000)
    assert [d.id for d in got] == ["ibkr_mobile", "dsc_plus"]
    assert all(not d.legacy for d in got)
    assert [d.id for d in devices_to_get(facts, None, None)] == ["dsc_plus"]
