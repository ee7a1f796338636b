"""The decision tree node by node, all its paths, and its checks.

Routing tests assert the next node for an answer, never the prose.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from troubleshooter.content.model import load_content
from troubleshooter.tree.engine import Session, State, Tree, UnknownAnswer, paths, walk
from troubleshooter.tree.load import load_tree

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


STRONGER = "withdrawal-needs-stronger-device"
SHARING = "share-device-conditions"
CONTACT = "contact-client-services"


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
        "problem=withdrawal withdraw-device=scc withdraw-day=over-200000-up-to-1000000 "
        "withdraw-five-days=up-to-600000",
        "withdrawal-needs-stronger-device",
    ),
    (
        "problem=withdrawal withdraw-device=ibkr-mobile withdraw-day=over-200000-up-to-1000000 "
        "withdraw-five-days=over-1000000-up-to-1500000",
        "withdrawal-needs-stronger-device",
    ),
    ("problem=withdrawal withdraw-device=dsc-plus", "withdrawal-within-limit"),
    ("problem=withdrawal withdraw-device=scc withdraw-day=over-1000000", STRONGER),
    ("problem=withdrawal withdraw-device=not-sure", "withdrawal-limits"),
    ("problem=dsc-plus dsc-plus-balance=not-sure", "dsc-plus-check-balance"),
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
        "problem=share-device share-situation=want-to-share share-entity=different-identity",
        "share-device-ineligible-identity",
    ),
    ("problem=share-device share-situation=not-sure", "share-entity"),
    ("problem=share-device share-situation=want-to-share share-entity=not-sure", SHARING),
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
    ("problem=dsc dsc-problem=forgot-pin", "dsc-forgot-pin"),
    ("problem=dsc dsc-problem=not-sure", CONTACT),
    ("problem=lost-phone", "lost-phone"),
    ("problem=ib-key ibkey-situation=lost-or-stolen", "lost-phone"),
    ("problem=ib-key ibkey-situation=not-sure", "ibkey-os"),
    (
        "problem=ib-key ibkey-situation=reinstalled-or-new-phone ibkey-os=not-sure",
        "reactivate-ibkey",
    ),
    ("problem=not-sure", CONTACT),
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
    assert set(REQUIRED) | {"lost-phone", CONTACT} <= reached


def _question_states() -> list[State]:
    out: list[State] = []

    def visit(answers: tuple[tuple[str, str], ...]) -> None:
        state = walk(TREE, FACTS, answers)
        if state.question is None:
            return
        out.append(state)
        for option in state.question.options:
            visit((*answers, (state.question.id, option.id)))

    visit(())
    return out


def _ends(answers: tuple[tuple[str, str], ...]) -> set[tuple[str, str]]:
    """Every (outcome, its facts) reachable after ``answers``, not-sure escapes left out."""
    state = walk(TREE, FACTS, answers)
    if state.outcome is not None:
        return {(state.outcome.id, repr(sorted(state.params.items())))}
    assert state.question is not None
    return set().union(
        *(_ends((*answers, (state.question.id, o.id))) for o in state.question.answers)
    )


def test_every_question_offers_a_way_out() -> None:
    for state in _question_states():
        assert state.question is not None
        assert state.question.option("not-sure") is not None, state.question.id


def test_no_question_is_asked_once_the_outcome_is_decided() -> None:
    """Each question asked has two answers that lead to different outcomes or facts."""
    for state in _question_states():
        assert state.question is not None
        ends = [_ends((*state.trail, (state.question.id, o.id))) for o in state.question.answers]
        assert len(set().union(*ends)) > 1, (state.trail, state.question.id)


@pytest.mark.parametrize(
    ("answers", "not_asked"),
    [
        ("problem=withdrawal withdraw-device=dsc-plus", "withdraw-day"),
        ("problem=withdrawal withdraw-device=gold", "withdraw-day"),
        ("problem=withdrawal withdraw-device=scc withdraw-day=over-1000000", "withdraw-five-days"),
        (
            "problem=withdrawal withdraw-device=ibkr-mobile withdraw-day=over-1000000",
            "withdraw-five-days",
        ),
        (
            "problem=share-device share-situation=want-to-share share-entity=different-identity",
            "share-temporary",
        ),
    ],
    ids=["unlimited-device", "legacy-unlimited", "scc-over-day", "app-over-day", "identity"],
)
def test_a_decided_answer_skips_its_questions(answers: str, not_asked: str) -> None:
    pairs = tuple(tuple(a.split("=")) for a in answers.split())
    state = walk(TREE, FACTS, pairs)  # type: ignore[arg-type]
    assert state.outcome is not None
    assert not_asked not in dict(state.trail)


@pytest.mark.parametrize("question", ["withdraw-day", "withdraw-five-days"])
def test_amount_options_do_not_overlap(question: str) -> None:
    options = TREE.questions[question].answers
    assert options[0].lower == 0 and options[-1].amount is None
    for before, after in zip(options, options[1:], strict=False):
        assert before.amount == after.lower  # (lower, upper]: each amount fits exactly one


def test_a_small_withdrawal_with_a_code_card_is_within_its_limits() -> None:
    """150,000 in a day and in 5 days with a Security Code Card: the truthful answers fit."""
    day = next(
        o for o in TREE.questions["withdraw-day"].answers if o.lower < 150_000 <= (o.amount or 0)
    )
    five = next(
        o
        for o in TREE.questions["withdraw-five-days"].answers
        if o.lower < 150_000 <= (o.amount or 0)
    )
    answers = (("problem", "withdrawal"), ("withdraw-device", "scc"))
    answers += (("withdraw-day", day.id), ("withdraw-five-days", five.id))
    state = walk(TREE, FACTS, answers)
    assert state.outcome is not None and state.outcome.id == "withdrawal-within-limit"


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
