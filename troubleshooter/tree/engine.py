"""The troubleshooter's decision tree and how a sequence of answers walks it.

``content/tree.yml`` holds routing only (node ids, option ids, targets); the
wording lives in ``content/wizard.yml``; :mod:`treeload` loads and checks it.
Decisions call the pure rules in :mod:`rules`. A question is asked only while
its answer can still change the outcome: once every answer (the ``not-sure``
escape aside) leads to the same outcome with the same facts, the walk skips it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from ..content.facts import Facts
from ..errors import Where
from . import rules

NOT_SURE = "not-sure"  # the escape option every question has


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

    @property
    def answers(self) -> tuple[Option, ...]:
        """The options that answer the question (all but the ``not-sure`` escape)."""
        return tuple(o for o in self.options if o.id != NOT_SURE)


@dataclass(frozen=True)
class Decision:
    id: str
    rule: str
    inputs: dict[str, str]
    then: dict[str, str]
    where: Where


@dataclass(frozen=True)
class Outcome:
    """An answer: the article sections whose steps it shows, in order, and its roles."""

    id: str
    sections: tuple[tuple[str, str], ...]  # (article slug, section id)
    tab: str | None
    where: Where
    practice: str | None = None  # the demo device its pages offer
    known_error: bool = False  # the question before it names an error a customer reports

    @property
    def article(self) -> str:
        return self.sections[0][0]

    @property
    def section(self) -> str:
        return self.sections[0][1]


@dataclass(frozen=True)
class Tree:
    start: str
    questions: dict[str, Question]
    decisions: dict[str, Decision]
    outcomes: dict[str, Outcome]
    roles: dict[str, str] = field(default_factory=dict)  # role -> outcome id
    # Results reachable from a node given the answers so far (see :func:`_results`).
    memo: dict[Hashable, frozenset[Hashable]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def role(self, name: str) -> Outcome:
        """The outcome that plays a role the product's pages name (checked at load)."""
        return self.outcomes[self.roles[name]]

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
    if rules.unlimited(device.limits):
        return "unlimited", {"device": device}
    day, five = given["per_day"].amount, given["five_days"].amount
    if rules.allows(device.limits, day, five):
        return "within", {"device": device}
    return "over", {"device": device, "allowed": rules.devices_to_get(facts, day, five)}


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
        frozenset({"unlimited", "within", "over"}),
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
            node_id = _decide(facts, tree.decisions[node_id], chosen)
            continue
        question = _narrowed(tree.questions[node_id], chosen)
        if not asked(tree, facts, question, chosen):
            chosen[node_id] = question.answers[0]
            node_id = question.answers[0].next
            continue
        if node_id not in given:
            return State(tuple(trail), question=question)
        option = question.option(given.pop(node_id))
        if option is None:
            raise UnknownAnswer(node_id, dict(answers)[node_id], [o.id for o in question.options])
        trail.append((node_id, option.id))
        chosen[node_id] = option
        node_id = option.next


def _decide(facts: Facts, decision: Decision, chosen: Mapping[str, Option]) -> str:
    fn = RULES[decision.rule][0]
    verdict, _ = fn(facts, {k: chosen[q] for k, q in decision.inputs.items()})
    return decision.then[verdict]


def asked(tree: Tree, facts: Facts, question: Question, chosen: Mapping[str, Option]) -> bool:
    """Whether the answer to ``question`` can still change the outcome or its facts."""
    return len(_results(tree, facts, question.id, chosen)) > 1


def _results(
    tree: Tree, facts: Facts, node_id: str, chosen: Mapping[str, Option]
) -> frozenset[Hashable]:
    """Every (outcome, facts) that the answers to come can still reach from ``node_id``.

    The ``not-sure`` escapes are left out: they are a way out, not an answer.
    """
    key = (node_id, tuple(sorted(chosen.items())))
    if key in tree.memo:
        return tree.memo[key]
    if node_id in tree.outcomes:
        params = _params(tree, facts, chosen)
        found: frozenset[Hashable] = frozenset(
            {(node_id, tuple(sorted((k, _frozen(v)) for k, v in params.items())))}
        )
    elif node_id in tree.decisions:
        found = _results(tree, facts, _decide(facts, tree.decisions[node_id], chosen), chosen)
    else:
        question = _narrowed(tree.questions[node_id], chosen)
        found = frozenset().union(
            *(_results(tree, facts, o.next, {**chosen, node_id: o}) for o in question.answers)
        )
    tree.memo[key] = found
    return found


def _frozen(value: object) -> Hashable:
    return tuple(value) if isinstance(value, list) else value


def _narrowed(question: Question, chosen: Mapping[str, Option]) -> Question:
    """A question whose amounts must exceed an earlier answer's lower bound."""
    if question.at_least is None or question.at_least not in chosen:
        return question
    floor = chosen[question.at_least].lower
    options = tuple(o for o in question.options if o.amount is None or o.amount > floor)
    return replace(question, options=options)


def _params(tree: Tree, facts: Facts, chosen: Mapping[str, Option]) -> dict[str, object]:
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


def first_paths(tree: Tree, facts: Facts) -> dict[str, State]:
    """The first path (in tree order) to each outcome."""
    out: dict[str, State] = {}
    for state in paths(tree, facts):
        assert state.outcome is not None
        out.setdefault(state.outcome.id, state)
    return out
