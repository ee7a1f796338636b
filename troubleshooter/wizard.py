"""The troubleshooter in words: questions, options and outcomes in one language.

Shared by the terminal wizard, ``diagnose``, the web pages and the agent pages,
so that every place words a node the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from babel.lists import format_list

from .content import Block, Bullets, Note, Para, Steps, Table, Tabs
from .facts import Device
from .hints import N_
from .i18n import Lang
from .project import Project
from .tree import Option, Outcome, Question, State

AMOUNT_LABELS = {
    "up-to": N_("Up to %(amount)s"),
    "over": N_("More than %(amount)s"),
    "below": N_("Less than %(amount)s"),
    "from": N_("%(amount)s or more"),
}


@dataclass(frozen=True)
class Words:
    """One language's view of the troubleshooter."""

    project: Project
    lang: Lang

    def question(self, question: Question) -> str:
        return self.lang.t(self.project.content.wizard.questions[question.id].text)

    def option(self, question: Question, option: Option) -> str:
        facts = self.project.content.facts
        if question.source is None:
            return self.lang.t(
                self.project.content.wizard.questions[question.id].options[option.id]
            )
        if question.source == "devices":
            return self.device(facts.device(option.id.replace("-", "_")))
        kind, _, number = option.id.rpartition("-")
        return self.lang.gettext(AMOUNT_LABELS[kind]) % {"amount": self.lang.money(int(number))}

    def device(self, device: Device) -> str:
        name = self.lang.t(device.name)
        return (
            self.lang.gettext("%(device)s (legacy)") % {"device": name} if device.legacy else name
        )

    def params(self, state: State) -> dict[str, str]:
        out: dict[str, str] = {}
        if isinstance(device := state.params.get("device"), Device):
            out["device"] = self.lang.t(device.name)
        allowed = state.params.get("allowed")
        if isinstance(allowed, list):
            out["allowed"] = format_list([self.device(d) for d in allowed], locale=self.lang.code)
        return out

    def title(self, outcome: Outcome) -> str:
        return self.lang.t(self.project.content.wizard.outcomes[outcome.id].title)

    def diagnosis(self, state: State) -> str:
        assert state.outcome is not None
        text = self.project.content.wizard.outcomes[state.outcome.id].diagnosis
        return self.lang.t(text, **self.params(state))

    def reply(self, state: State) -> str:
        assert state.outcome is not None
        text = self.project.content.wizard.outcomes[state.outcome.id].reply
        return self.lang.t(text, **self.params(state))

    def article_title(self, outcome: Outcome) -> str:
        article = self.project.content.articles[outcome.article]
        section = article.section(outcome.section)
        assert section is not None
        return f"{self.lang.t(article.title)} — {self.lang.t(section.title)}"

    def trail(self, state: State) -> Iterator[tuple[str, str]]:
        """``(question, answer)`` in words, for each answer given so far."""
        for node_id, option_id in state.trail:
            question = self.project.tree.questions[node_id]
            option = question.option(option_id)
            assert option is not None
            yield self.question(question), self.option(question, option)

    def steps(self, outcome: Outcome) -> list[str]:
        """The article section behind an outcome as plain lines (one platform's tab only)."""
        article = self.project.content.articles[outcome.article]
        section = article.section(outcome.section)
        assert section is not None
        return list(self._lines(section.blocks, outcome.tab))

    def _lines(self, blocks: tuple[Block, ...], tab: str | None) -> Iterator[str]:
        for block in blocks:
            if isinstance(block, Para):
                yield self.lang.t(block.text)
            elif isinstance(block, Steps):
                yield from (f"{i}. {self.lang.t(s)}" for i, s in enumerate(block.items, 1))
            elif isinstance(block, Bullets):
                yield from (f"• {self.lang.t(s)}" for s in block.items)
            elif isinstance(block, Note):
                title, text = self.lang.t(block.title), self.lang.t(block.text)
                if title.endswith(("?", "？", "!", "！")):  # a question needs no colon
                    yield f"{title} {text}"
                else:
                    yield self.lang.gettext("%(title)s: %(text)s") % {"title": title, "text": text}
            elif isinstance(block, Table) and block.name == "withdrawal-limits":
                yield from self._limit_lines()
            elif isinstance(block, Tabs):
                for platform, body in block.tabs:
                    if tab is None or platform == tab:
                        yield from self._lines(body, tab)

    def _limit_lines(self) -> Iterator[str]:
        facts = self.project.content.facts
        line = self.lang.gettext("%(device)s: %(day)s per day, %(five)s in 5 business days")
        for device in facts.by_level(highest_first=False):
            yield "• " + line % {
                "device": self.device(device),
                "day": self.lang.money(device.limits.per_day),
                "five": self.lang.money(device.limits.five_days),
            }
