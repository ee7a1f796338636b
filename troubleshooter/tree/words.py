"""The troubleshooter in words: questions, options and outcomes in one language.

Shared by the terminal wizard, ``diagnose``, the web pages and the agent pages,
so that every place words a node the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from babel.lists import format_list

from ..content.facts import Device, Limits
from ..content.model import Block, Bullets, Example, Note, Para, Section, Steps, Table, Tabs
from ..demo import dsc_walkthrough
from ..hints import N_
from ..languages.i18n import Lang
from .engine import Option, Outcome, Question, State

if TYPE_CHECKING:  # the project is built from the tree, so only its type is needed here
    from ..project import Project

BALANCE_LABELS = {
    "below": N_("Less than %(amount)s"),
    "from": N_("%(amount)s or more"),
}
UP_TO = N_("Up to %(amount)s")
OVER = N_("More than %(amount)s")
BETWEEN = N_("More than %(lower)s and up to %(upper)s")
LIMITS = N_("%(day)s per day and %(five)s over 5 business days")
NEEDS_BALANCE = N_("%(device)s (from an account balance of %(balance)s)")


@dataclass(frozen=True)
class Words:
    """One language's view of the troubleshooter."""

    project: Project
    lang: Lang

    def question(self, question: Question) -> str:
        return self.lang.t(self.project.content.wizard.questions[question.id].text)

    def option(self, question: Question, option: Option) -> str:
        labels = self.project.content.wizard.questions[question.id].options
        if option.id in labels:
            return self.lang.t(labels[option.id].text)
        _, money = self.lang.gettext, self.lang.money
        if question.source == "devices":
            return self.device(self.project.content.facts.device(option.id))
        if question.source == "balance":
            kind = option.id.partition("-")[0]  # both sides of the threshold, named by it
            threshold = self.project.content.facts.money["dsc_plus_threshold"]
            return _(BALANCE_LABELS[kind]) % {"amount": money(threshold)}
        if option.amount is None:
            return _(OVER) % {"amount": money(option.lower)}
        if not option.lower:
            return _(UP_TO) % {"amount": money(option.amount)}
        return _(BETWEEN) % {"lower": money(option.lower), "upper": money(option.amount)}

    def hint(self, question: Question, option: Option) -> str | None:
        """One line under an option that a customer could misread, if it has one."""
        text = self.project.content.wizard.questions[question.id]
        label = text.options.get(option.id)
        if label is not None:
            return self.lang.t(label.hint) if label.hint else None
        legacy = (
            question.source == "devices" and self.project.content.facts.device(option.id).legacy
        )
        return self.lang.t(text.legacy_hint) if legacy and text.legacy_hint else None

    def device(self, device: Device) -> str:
        name = self.lang.t(device.name)
        return (
            self.lang.gettext("%(device)s (legacy)") % {"device": name} if device.legacy else name
        )

    def limits(self, limits: Limits) -> str:
        money = self.lang.money
        return self.lang.gettext(LIMITS) % {
            "day": money(limits.per_day),
            "five": money(limits.five_days),
        }

    def obtainable(self, device: Device) -> str:
        """A device's name and, if only some accounts can get it, the balance it needs."""
        if device.requires_balance is None:
            return self.device(device)
        balance = self.lang.money(self.project.content.facts.money[device.requires_balance])
        return self.lang.gettext(NEEDS_BALANCE) % {
            "device": self.device(device),
            "balance": balance,
        }

    def params(self, state: State) -> dict[str, str]:
        out: dict[str, str] = {}
        if isinstance(device := state.params.get("device"), Device):
            out["device"] = self.lang.t(device.name)
            out["device_limits"] = self.limits(device.limits)
        allowed = state.params.get("allowed")
        if isinstance(allowed, list):
            names = [self.obtainable(d) for d in allowed]
            out["allowed"] = format_list(names, style="or", locale=self.lang.locale)
        return out

    def title(self, outcome: Outcome) -> str:
        return self.lang.t(self.project.content.wizard.outcomes[outcome.id].title)

    def diagnosis(self, state: State) -> str:
        assert state.outcome is not None
        text = self.project.content.wizard.outcomes[state.outcome.id].diagnosis
        return self.lang.t(text, **self.params(state))

    def reply(self, outcome: Outcome, state: State | None = None) -> str:
        """The agent's reply, framed as a support message.

        Without ``state`` (the customer's answers are not known) a reply that would
        name the customer's device takes its general form.
        """
        wizard, t = self.project.content.wizard, self.lang.t
        text = wizard.outcomes[outcome.id]
        if state is None and text.reply_general is not None:
            body = t(text.reply_general)
        else:
            body = t(text.reply, **(self.params(state) if state else {}))
        parts = [t(wizard.frame["greeting"])]
        if text.apology:
            parts.append(t(text.apology))
        parts += [body, t(wizard.frame["still_stuck"])]
        parts += [f"- {line}" for line in self.still_stuck(outcome)]
        parts.append(t(wizard.frame["closing"]))
        return "\n".join(parts)

    def still_stuck(self, outcome: Outcome) -> list[str]:
        """What to try if the outcome's fix does not work, in order."""
        wizard = self.project.content.wizard
        return [self.lang.t(wizard.still_stuck[k]) for k in wizard.outcomes[outcome.id].still_stuck]

    def sections(self, outcome: Outcome) -> list[tuple[str, Section]]:
        """The article sections an outcome shows, each with its article's slug."""
        articles = self.project.content.articles
        out = []
        for slug, section_id in outcome.sections:
            section = articles[slug].section(section_id)
            assert section is not None
            out.append((slug, section))
        return out

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
        """The article sections behind an outcome as plain lines (one platform's tab only)."""
        lines: list[str] = []
        for number, (_, section) in enumerate(self.sections(outcome)):
            if number:
                lines += ["", self.lang.t(section.title)]
            lines += self._lines(section.blocks, outcome.tab)
        return lines

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
            elif isinstance(block, Example):
                yield from self._example_lines()
            elif isinstance(block, Tabs):
                for platform, body in block.tabs:
                    if tab is None or platform == tab:
                        yield from self._lines(body, tab)

    def _example_lines(self) -> Iterator[str]:
        _ = self.lang.gettext
        walk = dsc_walkthrough()
        yield _("Worked example with a demo card")
        yield _("The login screen shows the challenge code %(challenge)s.") % {
            "challenge": walk.challenge
        }
        for step in walk.steps:
            yield f"  {_('The card shows')} {step.display}  ←  {step.typed or '—'}"

    def _limit_lines(self) -> Iterator[str]:
        facts = self.project.content.facts
        line = self.lang.gettext("%(device)s: %(day)s per day, %(five)s in 5 business days")
        for device in facts.by_level(highest_first=False):
            yield "• " + line % {
                "device": self.device(device),
                "day": self.lang.money(device.limits.per_day),
                "five": self.lang.money(device.limits.five_days),
            }
