"""The troubleshooter's decision tree and how a sequence of answers walks it.

``content/tree.yml`` holds routing only (node ids, option ids, targets); the
wording lives in ``content/wizard.yml``; :mod:`treeload` loads and checks it.
Decisions call the pure rules in :mod:`rules`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from . import rules
from .errors import Where
from .facts import Facts


@dataclass(frozen=True)
class Option:
    id: str
    next: str
    amount: int | None = None  # generated amount options: upper bound (None: above all)
    lower: int = 0  # generated amount options: lower bound (exclusive)


@dataclass(frozen=True)
class Question:
    id: str
    options: tuple[Option, ...]
    source: str | None  # "devices", "day-amounts", ... when generated from facts
    where: Where
    at_least: str | None = None  # amounts: only above the lower bound of this answer

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Decision:
    id: str
    rule: str
    inputs: dict[str, str]
    then: dict[str, str]
    where: Where


@dataclass(frozen=True)
class Outcome:
    id: str
    article: str
    section: str
    tab: str | None
    where: Where


@dataclass(frozen=True)
class Tree:
    start: str
    questions: dict[str, Question]
    decisions: dict[str, Decision]
    outcomes: dict[str, Outcome]

    def targets(self, node_id: str) -> list[str]:
        if node_id in self.questions:
            return [o.next for o in self.questions[node_id].options]
        if node_id in self.decisions:
            return list(self.decisions[node_id].then.values())
        return []


Answers = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class State:
    """Where a sequence of answers leads: the next question, or an outcome with its facts."""

    trail: Answers
    question: Question | None = None
    outcome: Outcome | None = None
    params: dict[str, object] = field(default_factory=dict)


class UnknownAnswer(ValueError):
    """An answer names a node or option that the walk does not offer."""

    def __init__(self, node: str, option: str, valid: list[str]) -> None:
        self.node, self.option, self.valid = node, option, valid
        super().__init__(f"{node}={option}: choose one of {', '.join(valid)}")


# -- rules behind decision nodes ------------------------------------------------

Rule = Callable[[Facts, Mapping[str, Option]], tuple[str, dict[str, object]]]


def _withdrawal(facts: Facts, given: Mapping[str, Option]) -> tuple[str, dict[str, object]]:
    device = facts.device(given["device"].id)
    day, five = given["per_day"].amount, given["five_days"].amount
    allowed = rules.devices_allowing(facts, day, five)
    verdict = "within" if rules.allows(device.limits, day, five) else "over"
    return verdict, {"device": device, "allowed": allowed}


def _dsc_plus(facts: Facts, given: Mapping[str, Option]) -> tuple[str, dict[str, object]]:
    balance = given["balance"].amount
    eligible = balance is None or rules.dsc_plus_eligible(facts, balance)
    return ("eligible" if eligible else "not-eligible"), {}


def _sharing(facts: Facts, given: Mapping[str, Option]) -> tuple[str, dict[str, object]]:
    entity = given["entity"].id
    verdict = rules.sharing_eligibility(
        same_entity=entity == "same-entity",
        identity_identical=entity == "identical-identity",
        holds_temporary=given["temporary"].id == "yes",
    )
    return verdict.value, {}


RULES: dict[str, tuple[Rule, frozenset[str], frozenset[str]]] = {
    # rule: (function, input names, verdicts)
    "withdrawal": (
        _withdrawal,
        frozenset({"device", "per_day", "five_days"}),
        frozenset({"within", "over"}),
    ),
    "dsc-plus": (_dsc_plus, frozenset({"balance"}), frozenset({"eligible", "not-eligible"})),
    "sharing": (
        _sharing,
        frozenset({"entity", "temporary"}),
        frozenset(v.value for v in rules.Sharing),
    ),
}


# -- walking ------------------------------------------------------------------------


def walk(tree: Tree, facts: Facts, answers: Answers) -> State:
    """Follow ``answers`` (``(node, option)`` pairs, in order) from the start.

    Raises :class:`UnknownAnswer` when an answer does not fit the question reached.
    """
    node_id, given = tree.start, dict(answers)
    trail: list[tuple[str, str]] = []
    chosen: dict[str, Option] = {}
    while True:
        if node_id in tree.outcomes:
            return State(
                tuple(trail), outcome=tree.outcomes[node_id], params=_params(tree, facts, chosen)
            )
        if node_id in tree.decisions:
            decision = tree.decisions[node_id]
            fn = RULES[decision.rule][0]
            verdict, _ = fn(facts, {k: chosen[q] for k, q in decision.inputs.items()})
            node_id = decision.then[verdict]
            continue
        question = _narrowed(tree.questions[node_id], chosen)
        if node_id not in given:
            return State(tuple(trail), question=question)
        option = question.option(given.pop(node_id))
        if option is None:
            raise UnknownAnswer(node_id, dict(answers)[node_id], [o.id for o in question.options])
        trail.append((node_id, option.id))
        chosen[node_id] = option
        node_id = option.next


def _narrowed(question: Question, chosen: dict[str, Option]) -> Question:
    """A question whose amounts must exceed an earlier answer's lower bound."""
    if question.at_least is None or question.at_least not in chosen:
        return question
    floor = chosen[question.at_least].lower
    options = tuple(o for o in question.options if o.amount is None or o.amount > floor)
    return replace(question, options=options)


def _params(tree: Tree, facts: Facts, chosen: dict[str, Option]) -> dict[str, object]:
    """Facts the decisions on the way computed, for the outcome's wording."""
    params: dict[str, object] = {}
    for decision in tree.decisions.values():
        if all(q in chosen for q in decision.inputs.values()):
            fn = RULES[decision.rule][0]
            params |= fn(facts, {k: chosen[q] for k, q in decision.inputs.items()})[1]
    return params


@dataclass(frozen=True)
class Session:
    """A person's way through the tree: the answers so far, nothing else."""

    tree: Tree
    facts: Facts
    answers: Answers = ()

    @property
    def state(self) -> State:
        return walk(self.tree, self.facts, self.answers)

    def answer(self, option_id: str) -> Session:
        """The session after choosing ``option_id`` at the current question."""
        question = self.state.question
        if question is None:
            raise UnknownAnswer("", option_id, [])
        if question.option(option_id) is None:
            raise UnknownAnswer(question.id, option_id, [o.id for o in question.options])
        return Session(self.tree, self.facts, (*self.answers, (question.id, option_id)))

    def back(self) -> Session:
        return Session(self.tree, self.facts, self.answers[:-1])

    def restart(self) -> Session:
        return Session(self.tree, self.facts)


def check_answers(tree: Tree, answers: Answers) -> None:
    """Raise :class:`UnknownAnswer` for an answer to a node that does not exist."""
    for node_id, option in answers:
        if node_id not in tree.questions:
            raise UnknownAnswer(node_id, option, sorted(tree.questions))


def paths(tree: Tree, facts: Facts) -> Iterator[State]:
    """Every path from the start to an outcome, in tree order."""

    def extend(answers: Answers) -> Iterator[State]:
        state = walk(tree, facts, answers)
        if state.question is None:
            yield state
            return
        for option in state.question.options:
            yield from extend((*answers, (state.question.id, option.id)))

    yield from extend(())
