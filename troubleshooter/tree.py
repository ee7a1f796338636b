"""The troubleshooter's decision tree: load, check, and walk it.

``content/tree.yml`` holds routing only (node ids, option ids, targets); the
wording lives in ``content/wizard.yml``. Questions whose options come from facts
are generated here at load, and decisions call the pure rules in :mod:`rules`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import rules
from .content import PLATFORMS, SLUG, Content
from .errors import ContentError, Problems, Where
from .facts import Facts
from .source import Node, load_yaml


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


def generated_options(facts: Facts, source: str) -> list[Option] | None:
    """Options computed from the facts (``next`` is filled in by the caller)."""
    if source == "devices":
        return [Option(d.id.replace("_", "-"), "") for d in facts.by_level()]
    bands = {"day-amounts": rules.day_bands, "five-day-amounts": rules.five_day_bands}
    if source in bands:
        return [Option(b.id, "", b.upper, b.lower) for b in bands[source](facts)]
    if source == "balance":
        threshold = facts.money["dsc_plus_threshold"]
        return [
            Option(f"below-{threshold}", "", threshold - 1),
            Option(f"from-{threshold}", "", threshold),
        ]
    return None


SOURCES = ("devices", "day-amounts", "five-day-amounts", "balance")


# -- loading and checking -----------------------------------------------------


def _read_question(node_id: str, node: Node, facts: Facts) -> Question:
    f = node.mapping((), ("ask", "ask_from", "next", "at_least"))
    if "ask" in f:
        options = tuple(Option(key, target.str()) for key, target in f["ask"].items())
        return Question(node_id, options, None, node.where)
    source = f["ask_from"].str() if "ask_from" in f else ""
    generated = generated_options(facts, source)
    if generated is None:
        node._report(
            f"question {node_id!r} has no options",
            f"give 'ask:' options or 'ask_from:' one of {', '.join(SOURCES)}",
        )
        return Question(node_id, (), None, node.where)
    if "next" not in f:
        node._report(f"generated question {node_id!r} has no 'next'", "add next: <node id>")
        return Question(node_id, (), source, node.where)
    target = f["next"].str()
    options = tuple(Option(o.id, target, o.amount, o.lower) for o in generated)
    at_least = f["at_least"].str() if "at_least" in f else None
    return Question(node_id, options, source, node.where, at_least)


def _read_decision(node_id: str, node: Node) -> Decision:
    f = node.mapping(("decide", "inputs", "then"))
    rule = f["decide"].str() if "decide" in f else ""
    if rule and rule not in RULES:
        f["decide"]._report(f"unknown rule {rule!r}", f"use one of: {', '.join(RULES)}")
    inputs = {k: v.str() for k, v in f["inputs"].items()} if "inputs" in f else {}
    then = {k: v.str() for k, v in f["then"].items()} if "then" in f else {}
    if rule in RULES:
        _, names, verdicts = RULES[rule]
        if set(inputs) != names:
            node._report(
                f"rule {rule!r} takes the inputs {', '.join(sorted(names))}",
                "name exactly these under 'inputs:'",
            )
        if set(then) != verdicts:
            node._report(
                f"rule {rule!r} decides {', '.join(sorted(verdicts))}",
                "route exactly these verdicts under 'then:'",
            )
    return Decision(node_id, rule, inputs, then, node.where)


def load_tree(path: Path, content: Content) -> Tree:
    """Load ``tree.yml`` and check it against the content; raises :class:`ContentError`."""
    problems = Problems()
    root = load_yaml(path, problems)
    if root is None:
        raise ContentError(problems.items)
    top = root.mapping(("start", "nodes", "outcomes"))
    questions: dict[str, Question] = {}
    decisions: dict[str, Decision] = {}
    for node_id, node in top["nodes"].items() if "nodes" in top else []:
        if not SLUG.match(node_id):
            node._report(f"node id {node_id!r} is not a slug", "use lower-case words and hyphens")
        if isinstance(node.value, dict) and "decide" in node.value:
            decisions[node_id] = _read_decision(node_id, node)
        else:
            questions[node_id] = _read_question(node_id, node, content.facts)
    outcomes: dict[str, Outcome] = {}
    for outcome_id, node in top["outcomes"].items() if "outcomes" in top else []:
        f = node.mapping(("article",), ("tab",))
        slug, _, section = (f["article"].str() if "article" in f else "").partition("#")
        tab = f["tab"].str() if "tab" in f else None
        outcomes[outcome_id] = Outcome(outcome_id, slug, section, tab, node.where)
    problems.raise_if_any()
    tree = Tree(top["start"].str(), questions, decisions, outcomes)
    _check(tree, content, Where.of(path, 1), problems)
    problems.raise_if_any()
    return tree


def _check(tree: Tree, content: Content, top: Where, problems: Problems) -> None:
    nodes: dict[str, Question | Decision] = {**tree.questions, **tree.decisions}
    if tree.start not in nodes:
        problems.add(top, f"start node {tree.start!r} does not exist", "name a question node")
    for node in nodes.values():
        for target in tree.targets(node.id):
            if target not in nodes and target not in tree.outcomes:
                problems.add(
                    node.where,
                    f"{node.id!r} leads to unknown node {target!r}",
                    "use the id of a node or an outcome",
                )
    for question in tree.questions.values():
        if question.at_least is not None and question.at_least not in tree.questions:
            problems.add(
                question.where,
                f"at_least names unknown question {question.at_least!r}",
                "name an amount question that comes before this one",
            )
    for decision in tree.decisions.values():
        for name, source in decision.inputs.items():
            if source not in tree.questions:
                problems.add(
                    decision.where,
                    f"input {name!r} names unknown question {source!r}",
                    "name a question that comes before this decision",
                )
    for outcome in tree.outcomes.values():
        article = content.articles.get(outcome.article)
        if article is None or article.section(outcome.section) is None:
            problems.add(
                outcome.where,
                f"outcome {outcome.id!r} links to unknown section "
                f"'{outcome.article}#{outcome.section}'",
                "use 'slug#section-id' of an existing article section",
            )
        if outcome.tab is not None and outcome.tab not in PLATFORMS:
            problems.add(
                outcome.where, f"unknown tab {outcome.tab!r}", f"use {' or '.join(PLATFORMS)}"
            )
    _check_wording(tree, content, problems)
    if problems.items:
        return
    reached, cycle = _reach(tree)
    for node_id in sorted(set(nodes) | set(tree.outcomes)):
        if node_id not in reached:
            where = nodes[node_id].where if node_id in nodes else tree.outcomes[node_id].where
            problems.add(
                where,
                f"{node_id!r} cannot be reached from {tree.start!r}",
                "route an option to it or remove it",
            )
    if cycle:
        where = nodes[cycle[0]].where
        problems.add(
            where,
            f"the tree loops: {' → '.join(cycle)}",
            "route one of these options forward to a new node or an outcome",
        )


def _check_wording(tree: Tree, content: Content, problems: Problems) -> None:
    """Every question, option and outcome has its words in wizard.yml, and nothing else does."""
    wizard = content.wizard
    for question in tree.questions.values():
        text = wizard.questions.get(question.id)
        if text is None:
            problems.add(
                question.where,
                f"question {question.id!r} has no wording",
                "add its text under questions: in content/wizard.yml",
            )
            continue
        if question.source is None:
            for option in question.options:
                if option.id not in text.options:
                    problems.add(
                        text.where,
                        f"option {question.id}={option.id} has no label",
                        "add it under the question's options: in content/wizard.yml",
                    )
        for extra in sorted(set(text.options) - {o.id for o in question.options}):
            problems.add(
                text.where,
                f"label for unknown option {question.id}={extra}",
                "remove it or add the option to content/tree.yml",
            )
    for outcome in tree.outcomes.values():
        if outcome.id not in wizard.outcomes:
            problems.add(
                outcome.where,
                f"outcome {outcome.id!r} has no wording",
                "add title, diagnosis and reply under outcomes: in content/wizard.yml",
            )
    for extra in sorted(set(wizard.questions) - set(tree.questions)):
        problems.add(
            wizard.questions[extra].where,
            f"wording for unknown question {extra!r}",
            "remove it or add the question to content/tree.yml",
        )
    for extra in sorted(set(wizard.outcomes) - set(tree.outcomes)):
        problems.add(
            wizard.outcomes[extra].where,
            f"wording for unknown outcome {extra!r}",
            "remove it or add the outcome to content/tree.yml",
        )


def _reach(tree: Tree) -> tuple[set[str], list[str]]:
    """Every node reachable from the start, and one cycle if there is any."""
    reached: set[str] = set()
    cycle: list[str] = []

    def visit(node_id: str, stack: list[str]) -> None:
        nonlocal cycle
        if node_id in stack:
            cycle = cycle or [*stack[stack.index(node_id) :], node_id]
            return
        if node_id in reached:
            return
        reached.add(node_id)
        for target in tree.targets(node_id):
            visit(target, [*stack, node_id])

    visit(tree.start, [])
    return reached, cycle


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
