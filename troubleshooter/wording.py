"""The troubleshooter's wording (``content/wizard.yml``): English source strings by id.

The tree holds routing only; every question, option label, outcome title,
diagnosis and agent reply is written here and translated in the catalogs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import Problems, Where
from .source import Msg, load_yaml


@dataclass(frozen=True)
class QuestionText:
    text: Msg
    options: dict[str, Msg]
    where: Where


@dataclass(frozen=True)
class OutcomeText:
    title: Msg
    diagnosis: Msg
    reply: Msg
    where: Where


@dataclass(frozen=True)
class Wizard:
    questions: dict[str, QuestionText]
    outcomes: dict[str, OutcomeText]

    def messages(self) -> Iterator[Msg]:
        for q in self.questions.values():
            yield q.text
            yield from q.options.values()
        for o in self.outcomes.values():
            yield from (o.title, o.diagnosis, o.reply)


def read_wizard(path: Path, problems: Problems) -> Wizard | None:
    root = load_yaml(path, problems)
    if root is None:
        return None
    top = root.mapping(("questions", "outcomes"))
    questions = {}
    for qid, node in top["questions"].items() if "questions" in top else []:
        f = node.mapping(("text",), ("options",))
        options = {k: v.msg() for k, v in f["options"].items()} if "options" in f else {}
        if "text" in f:
            questions[qid] = QuestionText(f["text"].msg(), options, node.where)
    outcomes = {}
    for oid, node in top["outcomes"].items() if "outcomes" in top else []:
        f = node.mapping(("title", "diagnosis", "reply"))
        if len(f) == 3:
            outcomes[oid] = OutcomeText(
                f["title"].msg(), f["diagnosis"].msg(), f["reply"].msg(), node.where
            )
    return Wizard(questions, outcomes)
