"""The home page's common cases: links that start the troubleshooter part of the way in.

Each case in ``content/site.yml`` lists option ids from the first question on;
they must walk the tree, so a renamed option is a content problem, not a dead link.
"""

from __future__ import annotations

from ..content.facts import Facts
from ..content.model import Site, Start
from ..errors import Problems
from .engine import Answers, Tree, UnknownAnswer, walk


def answers_of(tree: Tree, facts: Facts, start: Start) -> Answers:
    """The ``(question, option)`` pairs of a case; raises :class:`UnknownAnswer`."""
    answers: Answers = ()
    for option in start.answers:
        state = walk(tree, facts, answers)
        if state.question is None:
            raise UnknownAnswer("(outcome)", option, [])
        answers = (*answers, (state.question.id, option))
    walk(tree, facts, answers)
    return answers


def check_starts(site: Site, tree: Tree, facts: Facts) -> Problems:
    """Every common case walks the tree from its first question."""
    problems = Problems()
    for start in site.starts:
        try:
            answers_of(tree, facts, start)
        except UnknownAnswer as e:
            valid = f"choose one of: {', '.join(e.valid)}" if e.valid else "stop at the outcome"
            problems.add(
                start.where,
                f"the answers {'/'.join(start.answers)!r} leave the troubleshooter at {e.option!r}",
                f"{valid} (option ids from content/tree.yml, joined by /)",
            )
    return problems
