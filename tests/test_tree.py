"""The decision tree: the engine node by node on the fixture project's tree, and the
structure of the real tree (every outcome reachable, a way out of every question, no
pointless question, all paths as a reviewed golden file).

Routing tests assert the next node for an answer, never the prose.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURE
from tests.golden import assert_golden
from troubleshooter.content.facts import Facts
from troubleshooter.content.model import Content, load_content
from troubleshooter.project import Project
from troubleshooter.tree.engine import (
    Session,
    State,
    Tree,
    UnknownAnswer,
    check_answers,
    first_paths,
    paths,
    walk,
)
from troubleshooter.tree.load import load_tree

STRONGER = "withdrawal-needs-stronger-device"
NO_LIMIT = "withdrawal-no-limit"
SHARING = "share-device-conditions"
CONTACT = "contact-client-services"


@pytest.fixture(scope="module")
def facts(fixture_content: Content) -> Facts:
    return fixture_content.facts


def _pairs(answers: str) -> tuple[tuple[str, str], ...]:
    return tuple((n, o) for n, _, o in (a.partition("=") for a in answers.split()))


def next_node(tree: Tree, facts: Facts, answers: str) -> str:
    state = walk(tree, facts, _pairs(answers))
    node = state.question or state.outcome
    assert node is not None
    return node.id


ROUTES = [
    ("", "problem"),
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
    ("problem=withdrawal withdraw-device=dsc-plus", NO_LIMIT),
    ("problem=withdrawal withdraw-device=gold", NO_LIMIT),
    ("problem=withdrawal withdraw-device=scc withdraw-day=over-1000000", STRONGER),
    ("problem=withdrawal withdraw-device=not-sure", "withdrawal-limits"),
    ("problem=dsc-plus dsc-plus-balance=not-sure", "dsc-plus-check-balance"),
    ("problem=dsc-plus dsc-plus-balance=from-500000", "dsc-plus-eligible"),
    ("problem=dsc-plus dsc-plus-balance=below-500000", "dsc-plus-not-eligible"),
    ("problem=share-device share-entity=same-entity", "share-temporary"),
    (
        "problem=share-device share-entity=same-entity share-temporary=no",
        "share-device-eligible",
    ),
    (
        "problem=share-device share-entity=identical-identity share-temporary=no",
        "share-device-eligible",
    ),
    (
        "problem=share-device share-entity=different-identity",
        "share-device-ineligible-identity",
    ),
    ("problem=share-device", "share-entity"),
    ("problem=share-device share-entity=not-sure", SHARING),
    (
        "problem=share-device share-entity=same-entity share-temporary=yes",
        "share-device-ineligible-temporary",
    ),
    ("problem=opted-out rejoin-permission=yes", "rejoin-sls"),
    ("problem=opted-out rejoin-permission=no", "rejoin-sls-no-permission"),
    ("problem=opted-out rejoin-permission=not-sure", "rejoin-sls-no-permission"),
    ("problem=dsc dsc-problem=how-to-log-in", "dsc-login-steps"),
    ("problem=dsc dsc-problem=response-refused", "dsc-response-rejected"),
    ("problem=dsc dsc-problem=buttons-dead", "dsc-buttons"),
    ("problem=dsc dsc-problem=forgot-pin", "dsc-forgot-pin"),
    ("problem=dsc dsc-problem=not-sure", CONTACT),
    ("problem=not-sure", CONTACT),
]


@pytest.mark.parametrize(
    ("answers", "expected"), ROUTES, ids=[a.split()[-1] if a else "start" for a, _ in ROUTES]
)
def test_routing(fixture_tree: Tree, facts: Facts, answers: str, expected: str) -> None:
    assert next_node(fixture_tree, facts, answers) == expected


# -- the real tree's structure ---------------------------------------------------------


def _question_states(tree: Tree, facts: Facts) -> list[State]:
    out: list[State] = []

    def visit(answers: tuple[tuple[str, str], ...]) -> None:
        state = walk(tree, facts, answers)
        if state.question is None:
            return
        out.append(state)
        for option in state.question.options:
            visit((*answers, (state.question.id, option.id)))

    visit(())
    return out


def _ends(tree: Tree, facts: Facts, answers: tuple[tuple[str, str], ...]) -> set[tuple[str, str]]:
    """Every (outcome, its facts) reachable after ``answers``, not-sure escapes left out."""
    state = walk(tree, facts, answers)
    if state.outcome is not None:
        return {(state.outcome.id, repr(sorted(state.params.items())))}
    assert state.question is not None
    return set().union(
        *(_ends(tree, facts, (*answers, (state.question.id, o.id))) for o in state.question.answers)
    )


def test_every_outcome_of_the_real_tree_is_reachable(real_project: Project) -> None:
    tree = real_project.tree
    reached = {s.outcome.id for s in paths(tree, real_project.content.facts) if s.outcome}
    assert reached == set(tree.outcomes)


def test_every_question_offers_a_way_out(real_project: Project) -> None:
    for state in _question_states(real_project.tree, real_project.content.facts):
        assert state.question is not None
        assert state.question.option("not-sure") is not None, state.question.id


def test_no_question_is_asked_once_the_outcome_is_decided(real_project: Project) -> None:
    """Each question asked has two answers that lead to different outcomes or facts."""
    tree, facts = real_project.tree, real_project.content.facts
    for state in _question_states(tree, facts):
        assert state.question is not None
        ends = [
            _ends(tree, facts, (*state.trail, (state.question.id, o.id)))
            for o in state.question.answers
        ]
        assert len(set().union(*ends)) > 1, (state.trail, state.question.id)


def test_all_paths_match_the_reviewed_golden_file(real_project: Project) -> None:
    """Regenerate after a reviewed change of the tree: UPDATE_GOLDEN=1 make test."""
    lines = [
        " ".join(f"{n}={o}" for n, o in s.trail) + f" -> {s.outcome.id}"
        for s in paths(real_project.tree, real_project.content.facts)
        if s.outcome
    ]
    assert_golden("paths.txt", "\n".join(lines) + "\n")


# -- the engine, on the fixture tree -------------------------------------------------


def test_the_engine_reaches_every_outcome_of_the_fixture(fixture_tree: Tree, facts: Facts) -> None:
    reached = [s.outcome.id for s in paths(fixture_tree, facts) if s.outcome]
    assert set(reached) == set(fixture_tree.outcomes)
    assert reached[0] == "m2fs-choose-device", "paths come in tree order"


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
        ("problem=share-device share-entity=different-identity", "share-temporary"),
    ],
    ids=["unlimited-device", "legacy-unlimited", "scc-over-day", "app-over-day", "identity"],
)
def test_a_decided_answer_skips_its_questions(
    fixture_tree: Tree, facts: Facts, answers: str, not_asked: str
) -> None:
    state = walk(fixture_tree, facts, _pairs(answers))
    assert state.outcome is not None
    assert not_asked not in dict(state.trail)


@pytest.mark.parametrize("question", ["withdraw-day", "withdraw-five-days"])
def test_amount_options_do_not_overlap(fixture_tree: Tree, question: str) -> None:
    options = fixture_tree.questions[question].answers
    assert options[0].lower == 0 and options[-1].amount is None
    for before, after in zip(options, options[1:], strict=False):
        assert before.amount == after.lower  # (lower, upper]: each amount fits exactly one


def test_a_small_withdrawal_with_a_code_card_is_within_its_limits(
    fixture_tree: Tree, facts: Facts
) -> None:
    """150,000 in a day and in 5 days with a Security Code Card: the truthful answers fit."""
    day, five = (
        next(o for o in fixture_tree.questions[q].answers if o.lower < 150_000 <= (o.amount or 0))
        for q in ("withdraw-day", "withdraw-five-days")
    )
    answers = (("problem", "withdrawal"), ("withdraw-device", "scc"))
    answers += (("withdraw-day", day.id), ("withdraw-five-days", five.id))
    state = walk(fixture_tree, facts, answers)
    assert state.outcome is not None and state.outcome.id == "withdrawal-within-limit"


def test_a_stronger_device_outcome_names_the_devices_to_get(
    fixture_tree: Tree, facts: Facts
) -> None:
    answers = "problem=withdrawal withdraw-device=scc withdraw-day=over-1000000"
    state = walk(fixture_tree, facts, _pairs(answers))
    assert state.outcome is not None and state.outcome.id == STRONGER
    assert state.params["device"] == facts.device("scc")
    allowed = state.params["allowed"]
    assert isinstance(allowed, list)
    assert [d.id for d in allowed] == ["dsc_plus"], "only issued devices without a day limit"


@pytest.mark.parametrize("device", ["dsc-plus", "platinum", "gold"])
def test_a_device_without_limits_asks_no_amount_and_names_the_device(
    fixture_tree: Tree, facts: Facts, device: str
) -> None:
    state = walk(fixture_tree, facts, _pairs(f"problem=withdrawal withdraw-device={device}"))
    assert state.outcome is not None and state.outcome.id == NO_LIMIT
    assert [node for node, _ in state.trail] == ["problem", "withdraw-device"]
    assert state.params == {"device": facts.device(device)}


def _tree_with_limits(tmp_path: Path, device: str, old: str, new: str) -> tuple[Tree, Facts]:
    """The fixture tree over facts where one device's limits line reads ``new``."""
    shutil.copytree(FIXTURE / "content", tmp_path / "content")
    facts_file = tmp_path / "content" / "facts.yml"
    text = facts_file.read_text("utf-8")
    line = f"  - id: {device}\n"
    start = text.index(line)
    assert text.count(old, start) >= 1
    facts_file.write_text(text[:start] + text[start:].replace(old, new, 1), "utf-8")
    content = load_content(tmp_path / "content")
    return load_tree(tmp_path / "content" / "tree.yml", content), content.facts


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ("withdraw-day=over-1000000 withdraw-five-days=over-1500000", STRONGER),
        ("withdraw-day=up-to-200000 withdraw-five-days=up-to-600000", "withdrawal-within-limit"),
    ],
    ids=["over", "within"],
)
def test_a_device_limited_in_one_period_only_keeps_within_and_over(
    tmp_path: Path, answers: str, expected: str
) -> None:
    """The DSC without a day limit still has its 5-day limit: it is not unlimited."""
    tree, facts = _tree_with_limits(tmp_path, "dsc", "per_day: 1000000", "per_day: unlimited")
    state = walk(tree, facts, _pairs(f"problem=withdrawal withdraw-device=dsc {answers}"))
    assert state.outcome is not None and state.outcome.id == expected


def test_the_five_day_total_is_never_below_the_days_amount(tmp_path: Path) -> None:
    """at_least: a 5-day answer at or below the day's lower bound is not offered."""
    old, new = "five_days: 600000}", "five_days: 200000}"  # the code card: 200,000 both
    tree, facts = _tree_with_limits(tmp_path, "scc", old, new)
    assert "up-to-200000" in [o.id for o in tree.questions["withdraw-five-days"].options]
    answers = (
        "problem=withdrawal withdraw-device=ibkr-mobile withdraw-day=over-200000-up-to-1000000"
    )
    state = walk(tree, facts, _pairs(answers))
    assert state.question is not None and state.question.id == "withdraw-five-days"
    offered = [o.id for o in state.question.options]
    assert offered == [
        "over-200000-up-to-1000000",
        "over-1000000-up-to-1500000",
        "over-1500000",
        "not-sure",
    ]


def test_withdrawal_options_follow_the_limits_in_the_facts(
    tmp_path: Path, fixture_tree: Tree
) -> None:
    shutil.copytree(FIXTURE / "content", tmp_path / "content")
    facts_file = tmp_path / "content" / "facts.yml"
    scc = "    legacy: true\n    limits: {per_day: 200000, five_days: 600000}"
    text = facts_file.read_text("utf-8")
    assert text.count(scc) == 1
    facts_file.write_text(text.replace(scc, scc.replace("200000", "250000")), "utf-8")
    content = load_content(tmp_path / "content")
    tree = load_tree(tmp_path / "content" / "tree.yml", content)
    day = [o.id for o in tree.questions["withdraw-day"].options]
    assert "up-to-250000" in day
    assert "up-to-200000" not in day
    assert "up-to-200000" in [o.id for o in fixture_tree.questions["withdraw-day"].options]


def test_first_paths_are_the_first_in_tree_order(fixture_tree: Tree, facts: Facts) -> None:
    first = first_paths(fixture_tree, facts)
    assert set(first) == set(fixture_tree.outcomes)
    assert first["m2fs-choose-device"].trail == (
        ("problem", "choose-device"),
        ("m2fs-platform", "client-portal"),
    )
    # "not sure" about the card comes before "not sure" at the first question
    assert first[CONTACT].trail == (("problem", "dsc"), ("dsc-problem", "not-sure"))


def test_check_answers_refuses_an_unknown_node(fixture_tree: Tree) -> None:
    check_answers(fixture_tree, (("problem", "dsc"), ("dsc-problem", "anything")))
    with pytest.raises(UnknownAnswer) as err:
        check_answers(fixture_tree, (("problem", "dsc"), ("dsc-problm", "forgot-pin")))
    assert (err.value.node, err.value.option) == ("dsc-problm", "forgot-pin")
    assert err.value.valid == sorted(fixture_tree.questions)


def test_an_answer_off_the_path_names_the_valid_options(fixture_tree: Tree, facts: Facts) -> None:
    with pytest.raises(UnknownAnswer) as err:
        walk(fixture_tree, facts, _pairs("problem=withdrawal withdraw-device=abacus"))
    assert (err.value.node, err.value.option) == ("withdraw-device", "abacus")
    assert str(err.value) == f"withdraw-device=abacus: choose one of {', '.join(err.value.valid)}"
    assert "scc" in err.value.valid and "not-sure" in err.value.valid


def test_session_answers_back_and_restart(fixture_tree: Tree, facts: Facts) -> None:
    session = Session(fixture_tree, facts).answer("opted-out").answer("yes")
    assert session.state.outcome is not None
    assert session.state.outcome.id == "rejoin-sls"
    assert session.back().state.question is not None
    assert session.back().state.question.id == "rejoin-permission"
    assert session.restart().answers == ()
    assert session.restart().state.question == fixture_tree.questions[fixture_tree.start]
    assert session.back().answers == (("problem", "opted-out"),)
    with pytest.raises(UnknownAnswer) as err:
        Session(fixture_tree, facts).answer("nonsense")
    assert "opted-out" in err.value.valid
    with pytest.raises(UnknownAnswer) as err:
        session.answer("yes")  # the outcome is reached: no question left
    assert (err.value.node, err.value.option, err.value.valid) == ("", "yes", [])
    with pytest.raises(UnknownAnswer) as err:
        Session(fixture_tree, facts).answer("nonsense")
    assert (err.value.node, err.value.option) == ("problem", "nonsense")


def test_a_session_keeps_the_facts_its_decisions_need(fixture_tree: Tree, facts: Facts) -> None:
    session = Session(fixture_tree, facts)
    for option in ("withdrawal", "scc", "over-200000-up-to-1000000"):
        session = session.answer(option)
    assert session.state.question is not None
    assert session.state.question.id == "withdraw-five-days"
    back = session.back()
    assert back.answers == (("problem", "withdrawal"), ("withdraw-device", "scc"))
    assert back.state.question is not None and back.state.question.id == "withdraw-day"
    done = session.answer("up-to-600000")
    assert done.state.outcome is not None and done.state.outcome.id == STRONGER
    assert done.back().facts is facts and done.restart().facts is facts
