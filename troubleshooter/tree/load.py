"""Loading and checking the decision tree (``content/tree.yml``) against the content.

Questions whose options come from facts are generated here at load; every
problem (unknown target, loop, unreachable node, a question without its
``not-sure`` escape or never asked, outcome without an article section, missing
words, unknown role) is reported with its file and line.
"""

from __future__ import annotations

from pathlib import Path

from ..content.facts import Facts
from ..content.model import PLATFORMS, Content
from ..content.source import SLUG, SLUG_FIX, Node, load_yaml
from ..errors import ContentError, Problems, Where
from . import rules
from .engine import NOT_SURE, RULES, Decision, Option, Outcome, Question, Tree, walk


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


def _read_question(node_id: str, node: Node, facts: Facts) -> Question:
    f = node.mapping((), ("ask", "ask_from", "next", "at_least", "not_sure"))
    if "ask" in f:
        asked = []
        for key, value in f["ask"].items():
            if not SLUG.match(key):
                value._report(f"option id {key!r} is not a slug", SLUG_FIX)
            asked.append(Option(key, value.str()))
        return Question(node_id, tuple(asked), None, node.where)
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
    if "not_sure" in f:
        options += (Option(NOT_SURE, f["not_sure"].str()),)
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
    top = root.mapping(("start", "nodes", "outcomes"), ("roles",))
    questions: dict[str, Question] = {}
    decisions: dict[str, Decision] = {}
    for node_id, node in top["nodes"].items() if "nodes" in top else []:
        if not SLUG.match(node_id):
            node._report(f"node id {node_id!r} is not a slug", SLUG_FIX)
        if isinstance(node.value, dict) and "decide" in node.value:
            decisions[node_id] = _read_decision(node_id, node)
        else:
            questions[node_id] = _read_question(node_id, node, content.facts)
    outcomes: dict[str, Outcome] = {}
    for outcome_id, node in top["outcomes"].items() if "outcomes" in top else []:
        if not SLUG.match(outcome_id):
            node._report(f"outcome id {outcome_id!r} is not a slug", SLUG_FIX)
        outcomes[outcome_id] = _read_outcome(outcome_id, node)
    roles = {k: v.str() for k, v in top["roles"].items()} if "roles" in top else {}
    problems.raise_if_any()
    tree = Tree(top["start"].str(), questions, decisions, outcomes, roles)
    _check(tree, content, Where.of(path, 1), problems)
    for role, outcome_id in roles.items():
        if outcome_id not in outcomes:
            problems.add(
                Where.of(path, top["roles"].value.key_lines[role]),
                f"role {role!r} names unknown outcome {outcome_id!r}",
                "name an outcome listed under outcomes:",
            )
    for role in sorted(set(ROLES) - set(roles)):
        problems.add(
            Where.of(path, 1),
            f"no outcome plays the role {role!r} ({ROLES[role]})",
            f"add '{role}: <outcome id>' under roles:",
        )
    problems.raise_if_any()
    _check_inputs_asked(tree, problems)
    problems.raise_if_any()
    _check_asked(tree, content.facts, problems)
    problems.raise_if_any()
    return tree


# Outcomes that the product's pages and commands need by role.
ROLES = {
    "contact": "where 'not sure' ends when nothing better helps",
    "dsc-plus-rule": "its diagnosis states the DSC+ rule on the agents' page",
    "sharing-rule": "its article section states the sharing conditions on the agents' page",
}


def _read_outcome(outcome_id: str, node: Node) -> Outcome:
    f = node.mapping(("article",), ("tab", "practice", "known_error"))
    refs = []
    if "article" in f:
        items = f["article"].seq() if isinstance(f["article"].value, list) else [f["article"]]
        refs = [item.str() for item in items]
    sections = tuple((slug, section) for slug, _, section in (r.partition("#") for r in refs))
    return Outcome(
        outcome_id,
        sections or (("", ""),),
        f["tab"].str() if "tab" in f else None,
        node.where,
        practice=f["practice"].str() if "practice" in f else None,
        known_error=f["known_error"].bool() if "known_error" in f else False,
    )


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
    for question in tree.questions.values():
        if question.option(NOT_SURE) is None:
            fix = "add 'not_sure: <node>'" if question.source else "add the option 'not-sure'"
            problems.add(
                question.where,
                f"question {question.id!r} has no way out for a customer who is not sure",
                f"{fix}, leading to the most useful answer at that point",
            )
        if not question.answers:
            problems.add(
                question.where,
                f"question {question.id!r} offers no answer besides 'not-sure'",
                "add the options a customer can choose",
            )
    for outcome in tree.outcomes.values():
        for slug, section in outcome.sections:
            article = content.articles.get(slug)
            if article is None or article.section(section) is None:
                problems.add(
                    outcome.where,
                    f"outcome {outcome.id!r} links to unknown section '{slug}#{section}'",
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


def _check_inputs_asked(tree: Tree, problems: Problems) -> None:
    """Every path to a decision asks the questions whose answers the decision takes."""
    needed = {q for d in tree.decisions.values() for q in d.inputs.values()}
    seen: set[tuple[str, frozenset[str]]] = set()
    reported: set[str] = set()

    def visit(node_id: str, asked: frozenset[str]) -> None:
        if (node_id, asked) in seen or node_id in tree.outcomes:
            return
        seen.add((node_id, asked))
        decision = tree.decisions.get(node_id)
        if decision is not None:
            missing = sorted(set(decision.inputs.values()) - asked)
            if missing:
                if node_id not in reported:
                    reported.add(node_id)
                    problems.add(
                        decision.where,
                        f"decision {node_id!r} takes the answer to {missing[0]!r}, "
                        "which a path to it does not ask",
                        "route every path to this decision through that question",
                    )
                return
        else:
            asked |= {node_id} & needed
        for target in tree.targets(node_id):
            visit(target, asked)

    visit(tree.start, frozenset())


def _check_asked(tree: Tree, facts: Facts, problems: Problems) -> None:
    """A question that no path asks cannot change any outcome: it is dead routing."""
    asked_somewhere: set[str] = set()

    def visit(answers: tuple[tuple[str, str], ...]) -> None:
        state = walk(tree, facts, answers)
        if state.question is None:
            return
        asked_somewhere.add(state.question.id)
        for option in state.question.options:
            visit((*answers, (state.question.id, option.id)))

    visit(())
    for question in tree.questions.values():
        if question.id not in asked_somewhere:
            problems.add(
                question.where,
                f"question {question.id!r} is never asked: on every path that reaches it, "
                "all its answers lead to the same outcome",
                "remove it, or route its options to outcomes that differ",
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
