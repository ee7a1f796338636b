"""The support agents' reference pages: the flowchart, every outcome with its replies
beside the English, and the rules as tables. One language's pages at a time."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from ..hints import DOCUMENTED, HINTS, example, hint
from ..languages.i18n import language_name
from ..tree.engine import first_paths
from ..tree.words import Words
from ..verification import Reason
from .flowchart import branches, flowchart_svg, outline
from .render import render
from .webwizard import segments

SECTION = "agents"


@dataclass(frozen=True)
class OutcomeRow:
    id: str
    title: str
    when: str
    article: str
    article_title: str
    page: str
    replies: dict[str, str]  # language -> reply
    symptom: tuple[str, str]  # the last question and the answer that led here


def outcome_rows(words: Words, others: dict[str, Words]) -> list[OutcomeRow]:
    """Every outcome in tree order, with its general reply in each language."""
    rows = []
    for outcome_id, state in first_paths(words.project.tree, words.project.content.facts).items():
        assert state.outcome is not None
        outcome = state.outcome
        replies = {code: w.reply(outcome) for code, w in others.items()}
        symptom = list(words.trail(state))[-1]
        rows.append(
            OutcomeRow(
                outcome_id,
                words.title(outcome),
                words.diagnosis(state),
                f"{outcome.article}.md#{outcome.section}",
                words.article_title(outcome),
                "/".join(segments(state)) + "/",
                replies,
                symptom,
            )
        )
    return rows


def reply_columns(code: str, languages: list[str]) -> list[list[str]]:
    """The replies table's columns: English, then the page's language; on the English
    page, every other language in one column (the customer's), each reply labelled."""
    english, *others = languages
    if code == english:
        return [[english], others] if others else [[english]]
    return [[english], [code]]


def agent_pages(words: Words, others: dict[str, Words], env: jinja2.Environment) -> dict[str, str]:
    """Markdown of the agents' pages by path; ``others`` words the replies side by side."""
    columns = reply_columns(words.lang.code, list(others))
    shown = {code for column in columns for code in column}  # replies cost: only these
    rows = outcome_rows(words, {code: w for code, w in others.items() if code in shown})
    pages = {row.id: "../troubleshooter/" + row.page for row in rows}  # from agents/
    tree = words.project.tree
    start = tree.questions[tree.start]
    charts, direct = [], []  # an answer that ends at once is a link, not a chart
    for option_id, root in branches(tree):
        option = start.option(option_id)
        assert option is not None
        title, ident = words.option(start, option), f"branch-{option_id}"
        if root in tree.outcomes:
            page = next(row.page for row in rows if row.id == root)
            direct.append((title, words.title(tree.outcomes[root]), page))
            continue
        charts.append(
            (
                ident,
                title,
                flowchart_svg(words, pages.get, root, f"{ident}-chart", title),
                outline(words, pages.get, root, f"{ident}-outline"),
            )
        )
    hints = [
        (reason.value, hint(example(reason), words.lang.translations), reason in DOCUMENTED)
        for reason in HINTS
        if reason is not Reason.ACCEPTED
    ]
    by_id = {row.id: row for row in rows}
    _, share = words.sections(tree.role("sharing-rule"))[0]
    names = {code: language_name(code, words.lang.code) for code in others}
    context = {
        "words": words,
        "rows": rows,
        "root": "../",
        "languages": others,
        "language_names": names,
        "reply_columns": columns,
        "hints": hints,
        "known_errors": [row for row in rows if tree.outcomes[row.id].known_error],
        "dsc_plus": by_id[tree.role("dsc-plus-rule").id].when,
        "sharing": share.blocks,
    }
    return {
        f"{SECTION}/index.md": render(
            env, "agents/index.md.j2", charts=charts, direct=direct, **context
        ),
        f"{SECTION}/replies.md": render(env, "agents/replies.md.j2", **context),
        f"{SECTION}/rules.md": render(env, "agents/rules.md.j2", **context),
    }
