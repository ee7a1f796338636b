"""The decision tree node by node, all its paths, and its checks.

Routing tests assert the next node for an answer, never the prose.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from troubleshooter.content import load_content
from troubleshooter.tree import Session, State, Tree, UnknownAnswer, paths, walk
from troubleshooter.treeload import load_tree

CONTENT = load_content(ROOT / "content")
TREE = load_tree(ROOT / "content" / "tree.yml", CONTENT)
FACTS = CONTENT.facts
GOLDEN = Path(__file__).parent / "golden" / "paths.txt"
REQUIRED = (
    "reactivate-ibkey-android",
    "reactivate-ibkey-ios",
    "reset-app-android",
    "temporary-access",
    "m2fs-choose-device",
    "m2fs-upgrade-tws",
    "withdrawal-within-limit",
    "withdrawal-needs-stronger-device",
    "dsc-plus-eligible",
    "dsc-plus-not-eligible",
    "share-device-eligible",
    "share-device-ineligible-identity",
    "share-device-ineligible-temporary",
    "share-device-error-level-too-low",
    "share-device-pending-compliance",
    "rejoin-sls",
    "rejoin-sls-no-permission",
    "dsc-login-steps",
    "dsc-response-rejected",
    "dsc-buttons",
)


def next_node(answers: str, tree: Tree = TREE) -> str:
    pairs = tuple(tuple(a.split("=")) for a in answers.split())
    state = walk(tree, FACTS, pairs)  # type: ignore[arg-type]
    node = state.question or state.outcome
    assert node is not None
    return node.id


ROUTES = [
    ("", "problem"),
    ("problem=ib-key", "ibkey-situation"),
    ("problem=ib-key ibkey-situation=reinstalled-or-new-phone", "ibkey-os"),
    (
        "problem=ib-key ibkey-situation=reinstalled-or-new-phone ibkey-os=android",
        "reactivate-ibkey-android",
    ),
    (
        "problem=ib-key ibkey-situation=reinstalled-or-new-phone ibkey-os=ios",
        "reactivate-ibkey-ios",
    ),
    ("problem=ib-key ibkey-situation=app-misbehaves app-os=android", "reset-app-android"),
    ("problem=ib-key ibkey-situation=cannot-reactivate", "temporary-access"),
    ("problem=ib-key ibkey-situation=no-device", "temporary-access"),
    ("problem=choose-device m2fs-platform=client-portal", "m2fs-choose-device"),
    ("problem=choose-device m2fs-platform=tws tws-dropdown=yes", "m2fs-choose-device"),
    ("problem=choose-device m2fs-platform=tws tws-dropdown=no", "m2fs-upgrade-tws"),
    ("problem=withdrawal", "withdraw-device"),
    ("problem=withdrawal withdraw-device=scc", "withdraw-day"),
    ("problem=withdrawal withdraw-device=scc withdraw-day=up-to-200000", "withdraw-five-days"),
    (
        "problem=withdrawal withdraw-device=scc withdraw-day=up-to-200000 "
        "withdraw-five-days=up-to-600000",
        "withdrawal-within-limit",
    ),
    (
        "problem=withdrawal withdraw-device=scc withdraw-day=up-to-1000000 "
        "withdraw-five-days=up-to-600000",
        "withdrawal-needs-stronger-device",
    ),
    (
        "problem=withdrawal withdraw-device=ibkr-mobile withdraw-day=up-to-1000000 "
        "withdraw-five-days=up-to-1500000",
        "withdrawal-needs-stronger-device",
    ),
    (
        "problem=withdrawal withdraw-device=dsc-plus withdraw-day=over-1000000 "
        "withdraw-five-days=over-1500000",
        "withdrawal-within-limit",
    ),
    ("problem=dsc-plus dsc-plus-balance=from-500000", "dsc-plus-eligible"),
    ("problem=dsc-plus dsc-plus-balance=below-500000", "dsc-plus-not-eligible"),
    ("problem=share-device share-situation=want-to-share", "share-entity"),
    (
        "problem=share-device share-situation=want-to-share share-entity=same-entity "
        "share-temporary=no",
        "share-device-eligible",
    ),
    (
        "problem=share-device share-situation=want-to-share share-entity=identical-identity "
        "share-temporary=no",
        "share-device-eligible",
    ),
    (
        "problem=share-device share-situation=want-to-share share-entity=different-identity "
        "share-temporary=no",
        "share-device-ineligible-identity",
    ),
    (
        "problem=share-device share-situation=want-to-share share-entity=same-entity "
        "share-temporary=yes",
        "share-device-ineligible-temporary",
    ),
    (
        "problem=share-device share-situation=error-level-too-low",
        "share-device-error-level-too-low",
    ),
    ("problem=share-device share-situation=request-pending", "share-device-pending-compliance"),
    ("problem=opted-out rejoin-permission=yes", "rejoin-sls"),
    ("problem=opted-out rejoin-permission=no", "rejoin-sls-no-permission"),
    ("problem=opted-out rejoin-permission=not-sure", "rejoin-sls-no-permission"),
    ("problem=dsc dsc-problem=how-to-log-in", "dsc-login-steps"),
    ("problem=dsc dsc-problem=response-refused", "dsc-response-rejected"),
    ("problem=dsc dsc-problem=buttons-dead", "dsc-buttons"),
]


@pytest.mark.parametrize(
    ("answers", "expected"), ROUTES, ids=[a.split()[-1] if a else "start" for a, _ in ROUTES]
)
def test_routing(answers: str, expected: str) -> None:
    assert next_node(answers) == expected


def _all() -> list[State]:
    return list(paths(TREE, FACTS))


def test_every_required_outcome_is_reachable() -> None:
    reached = {s.outcome.id for s in _all() if s.outcome}
    assert set(REQUIRED) <= reached


def test_all_paths_match_the_reviewed_golden_file() -> None:
    """Regenerate after a reviewed change of the tree: UPDATE_GOLDEN=1 make test."""
    lines = [
        " ".join(f"{n}={o}" for n, o in s.trail) + f" -> {s.outcome.id}"
        for s in _all()
        if s.outcome
    ]
    text = "\n".join(lines) + "\n"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_withdrawal_options_follow_the_limits_in_the_facts(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    facts_file = tmp_path / "content" / "facts.yml"
    scc = "    legacy: true\n    limits: {per_day: 200000, five_days: 600000}"
    text = facts_file.read_text("utf-8")
    assert text.count(scc) == 1
    facts_file.write_text(text.replace(scc, scc.replace("200000", "250000")), "utf-8")
    content = load_content(tmp_path / "content")
    day = [
        o.id
        for o in load_tree(tmp_path / "content" / "tree.yml", content)
        .questions["withdraw-day"]
        .options
    ]
    assert "up-to-250000" in day
    assert "up-to-200000" not in day
    assert "up-to-200000" in [o.id for o in TREE.questions["withdraw-day"].options]


def test_session_answers_back_and_restart() -> None:
    session = Session(TREE, FACTS).answer("ib-key").answer("no-device")
    assert session.state.outcome is not None
    assert session.state.outcome.id == "temporary-access"
    assert session.back().state.question is not None
    assert session.back().state.question.id == "ibkey-situation"
    assert session.restart().answers == ()
    with pytest.raises(UnknownAnswer) as err:
        Session(TREE, FACTS).answer("nonsense")
    assert "ib-key" in err.value.valid
