"""The troubleshooter's wording (``content/wizard.yml``): English source strings by id.

The tree holds routing only; every question, option label and hint, outcome
title, diagnosis, agent reply and "still stuck" fallback is written here and
translated in the catalogs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problems, Where
from .source import PLACEHOLDER, Msg, Node, load_yaml

# Placeholders that the troubleshooter's decisions fill in for outcome wording:
# a reply that uses one also needs a reply_general for when they are unknown.
ANSWER_PARAMS = frozenset({"device", "device_limits", "allowed"})
FRAME = ("greeting", "still_stuck", "closing")


@dataclass(frozen=True)
class Label:
    """An option's label and, where a customer could misread it, a one-line hint."""

    text: Msg
    hint: Msg | None = None


@dataclass(frozen=True)
class QuestionText:
    text: Msg
    options: dict[str, Label]
    where: Where
    legacy_hint: Msg | None = None  # generated device options: under a legacy device


@dataclass(frozen=True)
class OutcomeText:
    title: Msg
    diagnosis: Msg
    reply: Msg
    still_stuck: tuple[str, ...]
    where: Where
    reply_general: Msg | None = None
    apology: Msg | None = None


@dataclass(frozen=True)
class Wizard:
    questions: dict[str, QuestionText]
    outcomes: dict[str, OutcomeText]
    still_stuck: dict[str, Msg]
    frame: dict[str, Msg]

    def messages(self) -> Iterator[Msg]:
        for q in self.questions.values():
            yield q.text
            for label in q.options.values():
                yield label.text
                if label.hint:
                    yield label.hint
            if q.legacy_hint:
                yield q.legacy_hint
        for o in self.outcomes.values():
            yield from (o.title, o.diagnosis, o.reply)
            yield from (m for m in (o.reply_general, o.apology) if m is not None)
        yield from self.still_stuck.values()
        yield from self.frame.values()


def _label(node: Node) -> Label:
    if not isinstance(node.value, dict):
        return Label(node.msg())
    f = node.mapping(("label",), ("hint",))
    return Label(f["label"].msg() if "label" in f else node.msg(), _optional(f, "hint"))


def _optional(fields: dict[str, Node], key: str) -> Msg | None:
    return fields[key].msg() if key in fields else None


def read_wizard(path: Path, problems: Problems) -> Wizard | None:
    root = load_yaml(path, problems)
    if root is None:
        return None
    top = root.mapping(("questions", "outcomes", "still_stuck", "reply_frame"))
    questions = {}
    for qid, node in top["questions"].items() if "questions" in top else []:
        f = node.mapping(("text",), ("options", "not_sure", "legacy_hint"))
        options = {k: _label(v) for k, v in f["options"].items()} if "options" in f else {}
        if "not_sure" in f:
            options["not-sure"] = _label(f["not_sure"])
        if "text" in f:
            questions[qid] = QuestionText(
                f["text"].msg(), options, node.where, _optional(f, "legacy_hint")
            )
    still_stuck = (
        {k: v.msg() for k, v in top["still_stuck"].items()} if "still_stuck" in top else {}
    )
    frame = {}
    if "reply_frame" in top:
        frame = {k: v.msg() for k, v in top["reply_frame"].mapping(FRAME).items()}
    outcomes = {}
    for oid, node in top["outcomes"].items() if "outcomes" in top else []:
        f = node.mapping(
            ("title", "diagnosis", "reply", "still_stuck"), ("reply_general", "apology")
        )
        if not {"title", "diagnosis", "reply", "still_stuck"} <= set(f):
            continue
        fallbacks = tuple(item.str() for item in f["still_stuck"].seq())
        for item in f["still_stuck"].seq():
            if item.value not in still_stuck:
                item._report(
                    f"unknown fallback {item.value!r}",
                    f"use one of the still_stuck keys: {', '.join(still_stuck)}",
                )
        text = OutcomeText(
            f["title"].msg(),
            f["diagnosis"].msg(),
            f["reply"].msg(),
            fallbacks,
            node.where,
            _optional(f, "reply_general"),
            _optional(f, "apology"),
        )
        if text.reply_general is None and uses_answers(text.reply):
            f["reply"]._report(
                f"the reply of {oid!r} names the customer's answers but has no general form",
                "add reply_general: a reply for when the answers are not known",
            )
        outcomes[oid] = text
    return Wizard(questions, outcomes, still_stuck, frame)


def uses_answers(msg: Msg) -> bool:
    """Whether a text names facts that only the customer's answers decide."""
    return bool(set(PLACEHOLDER.findall(msg.text)) & ANSWER_PARAMS)
