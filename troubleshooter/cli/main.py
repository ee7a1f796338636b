"""The ``troubleshooter`` command line."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..engines import builddocs
from ..errors import ContentError
from ..languages.i18n import Lang, best_language, catalog_path, cli_translations, languages
from ..project import DEFAULT_ROOT, Project, load_project
from ..publish.pages import pages
from ..tree import agent
from ..tree.engine import UnknownAnswer, check_answers, walk
from ..tree.engine import paths as all_paths
from ..tree.words import Words
from . import clicktext
from . import search as finder
from .practice import DEVICES, Console, session
from .terminal import ArticleText, article_ref_error
from .wizard import diagnosis_json, echo_lines, outcome_lines, run_wizard

LANGS = tuple(languages(DEFAULT_ROOT / "locales"))  # English, then every catalog


def _env_lang() -> str:
    """The language of the environment's locale if we have it: ``zh_CN.UTF-8`` → ``zh``,
    ``zh_TW.UTF-8`` or ``zh_HK.UTF-8`` → ``zh-Hant``."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return best_language(value.split(":")[0], LANGS) or LANGS[0]
    return LANGS[0]


def gettext_for(lang: str) -> Callable[[str], str]:
    return cli_translations(DEFAULT_ROOT / "locales", lang).gettext


_ = gettext_for(_env_lang())
ngettext = cli_translations(DEFAULT_ROOT / "locales", _env_lang()).ngettext

lang_option = click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=_env_lang,
    show_default=_env_lang(),  # English, or the language of your locale
    help=_("Language of the output."),
)
root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_ROOT,
    help=_("Project folder holding content/, templates/ and locales/."),
)


def _cut(text: str, limit: int = 60) -> str:
    """What the person typed, shortened for an error message that stays one line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def project_or_exit(root: Path) -> Project:
    """The checked project, or exit 1 printing every content problem."""
    try:
        return load_project(root)
    except ContentError as e:
        for problem in e.problems:
            click.echo(str(problem), err=True)
        count = len(e.problems)
        found = ngettext("%(count)s problem found.", "%(count)s problems found.", count)
        click.echo(found % {"count": count}, err=True)
        sys.exit(1)


class _Localised(clicktext.Group):
    """The command group, with click's own words in the language of the environment."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        clicktext.install(DEFAULT_ROOT / "locales", _env_lang())
        return super().main(*args, **kwargs)


@click.group(
    cls=_Localised,
    help=_("Secure Login help: check the content, diagnose problems, practise logins."),
)
@click.version_option(package_name="troubleshooter", help=_("Show the version and exit."))
def main() -> None:
    pass


@main.command(
    help=_("Validate all content and translations; print each problem as path:line: problem — fix.")
)
@root_option
def check(root: Path) -> None:
    project = project_or_exit(root)
    try:
        for code in project.languages:
            pages(project, code)
    except ContentError as e:
        for problem in e.problems:
            click.echo(str(problem), err=True)
        sys.exit(1)
    click.echo(
        _("Content is valid: %(articles)s articles in %(langs)s languages.")
        % {"articles": len(project.content.articles), "langs": len(project.languages)}
    )


@main.command(
    "build-docs",
    help=_("Write one language's pages and a mkdocs.yml without hooks, to build with any engine."),
)
@click.option("--lang", type=click.Choice(LANGS), required=True, help=_("Language of the site."))
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help=_("Folder to write (new, empty, or written by build-docs before)."),
)
@click.option(
    "--engine",
    type=click.Choice(builddocs.ENGINES),
    default="mkdocs",
    show_default=True,
    help=_("Engine that builds the folder: Zensical gets no Material-only templates."),
)
@root_option
def build_docs(lang: str, out: Path, engine: str, root: Path) -> None:
    project = project_or_exit(root)
    try:
        config = builddocs.write_docs(project, lang, out, engine)
    except builddocs.OutFolderError as e:
        raise click.BadParameter(_(e.message) % {"path": e.path}, param_hint="--out") from e
    except ContentError as e:
        for problem in e.problems:
            click.echo(str(problem), err=True)
        sys.exit(1)
    command = "zensical build" if engine == "zensical" else "mkdocs build --strict"
    click.echo(
        _("Wrote %(config)s; build it with: %(command)s -f %(config)s")
        % {"config": config, "command": command}
    )


@main.command(help=_("Practise a login with a demo security device (never a real one)."))
@click.argument("device", type=click.Choice(DEVICES))
@lang_option
def practice(device: str, lang: str) -> None:
    translations = cli_translations(DEFAULT_ROOT / "locales", lang)
    gettext = translations.gettext
    io = Console(
        say=click.echo,
        ask=lambda text: str(
            click.prompt(text, default="", show_default=False, prompt_suffix=gettext(": "))
        ),
        translations=translations,
    )
    click.echo(gettext("Practice mode: a simulation with demo codes. Press Ctrl-C to leave."))
    practise = session(device)
    try:
        while True:
            practise(io)
            if not click.confirm(gettext("Another round?"), default=False):
                break
    except (click.Abort, EOFError):
        click.echo()
    click.echo(gettext("Practice finished."))


def _width() -> int:
    """The terminal's width in columns, at most 100 (long lines are hard to read)."""
    return min(shutil.get_terminal_size((80, 24)).columns, 100)


def _lang(project: Project, lang: str) -> Lang:
    """The project's ``lang``; a language without a catalog under ``--root`` is a usage error."""
    if lang not in project.languages:
        raise click.BadParameter(
            _("%(root)s has no catalog for %(lang)r: add %(path)s or choose one of %(choices)s")
            % {
                "root": project.root,
                "lang": lang,
                "path": catalog_path(Path("locales"), lang),
                "choices": ", ".join(project.languages),
            },
            param_hint="--lang",
        )
    return project.lang(lang)


def _words(root: Path, lang: str) -> Words:
    project = project_or_exit(root)
    return Words(project, _lang(project, lang))


def _pairs(answers: tuple[str, ...], gettext: Callable[[str], str]) -> tuple[tuple[str, str], ...]:
    """``NODE=OPTION`` arguments as pairs; a malformed one is a usage error."""
    pairs: list[tuple[str, str]] = []
    for answer in answers:
        node, sep, option = answer.partition("=")
        if not sep:
            raise click.UsageError(
                gettext("write each answer as NODE=OPTION, not %(answer)r")
                % {"answer": _cut(answer)}
            )
        pairs.append((node, option))
    return tuple(pairs)


def _unknown_answer(e: UnknownAnswer, words: Words) -> click.UsageError:
    gettext = words.lang.gettext
    what = (
        gettext("unknown option %(option)r for %(node)s")
        if e.node in words.project.tree.questions
        else gettext("unknown question %(node)r")
    )
    return click.UsageError(
        what % {"node": _cut(e.node), "option": _cut(e.option)}
        + "\n"
        + gettext("valid choices: %(choices)s") % {"choices": ", ".join(e.valid)}
    )


@main.command(help=_("Answer a few questions and get the fix: one question at a time."))
@lang_option
@root_option
def wizard(lang: str, root: Path) -> None:
    words = _words(root, lang)
    gettext = words.lang.gettext

    def ask(text: str) -> str:
        return str(click.prompt(text, default="", show_default=False, prompt_suffix=gettext(": ")))

    try:
        run_wizard(words, ask, click.echo, _width())
    except (click.Abort, EOFError):
        click.echo()


@main.command(help=_("Diagnose without questions: give every answer as NODE=OPTION."))
@click.option(
    "--answer",
    "answers",
    multiple=True,
    metavar="NODE=OPTION",
    help=_("One answer as NODE=OPTION; give one for each question on the path."),
)
@click.option("--json", "as_json", is_flag=True, help=_("Print the result as JSON."))
@lang_option
@root_option
def diagnose(answers: tuple[str, ...], as_json: bool, lang: str, root: Path) -> None:
    words = _words(root, lang)
    gettext = words.lang.gettext
    pairs = _pairs(answers, gettext)
    tree = words.project.tree
    try:
        check_answers(tree, pairs)
        state = walk(tree, words.project.content.facts, pairs)
    except UnknownAnswer as e:
        raise _unknown_answer(e, words) from e
    if state.question is not None:
        question = state.question
        raise click.UsageError(
            gettext("no answer for %(node)s (%(text)s)")
            % {"node": question.id, "text": words.question(question)}
            + "\n"
            + gettext("valid choices: %(choices)s")
            % {"choices": ", ".join(f"{question.id}={o.id}" for o in question.options)}
        )
    nodes = [node for node, _ in pairs]
    unused = [f"{n}={o}" for n, o in pairs if (n, o) not in state.trail or nodes.count(n) > 1]
    if unused:
        raise click.UsageError(
            gettext("these answers are not on the path: %(answers)s")
            % {"answers": _cut(", ".join(unused))}
            + "\n"
            + gettext("the path taken: %(path)s")
            % {"path": " ".join(f"{n}={o}" for n, o in state.trail)}
        )
    if as_json:
        click.echo(diagnosis_json(words, state))
    else:
        echo_lines(outcome_lines(words, state, _width()))


@main.command(help=_("List every path from the first question to an outcome."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the paths as JSON."))
@root_option
def paths(as_json: bool, root: Path) -> None:
    project = project_or_exit(root)
    states = list(all_paths(project.tree, project.content.facts))
    if as_json:
        click.echo(
            json.dumps(
                {
                    "paths": [
                        {
                            "trail": [{"node": n, "option": o} for n, o in s.trail],
                            "outcome": s.outcome.id if s.outcome else None,
                        }
                        for s in states
                    ]
                },
                indent=2,
            )
        )
        return
    for state in states:
        assert state.outcome is not None
        click.echo(" ".join(f"{n}={o}" for n, o in state.trail) + f" -> {state.outcome.id}")


answer_option = click.option(
    "--answer",
    "answers",
    multiple=True,
    metavar="NODE=OPTION",
    help=_("The customer's answer on the way to the outcome; the reply names their device."),
)


@main.command(help=_("Print the agent reply of a troubleshooter outcome, ready to paste."))
@click.argument("outcome")
@answer_option
@lang_option
@root_option
def reply(outcome: str, answers: tuple[str, ...], lang: str, root: Path) -> None:
    words = _words(root, lang)
    gettext = words.lang.gettext
    try:
        text = agent.reply(words, outcome, _pairs(answers, gettext))
    except agent.UnknownOutcome as e:
        raise click.UsageError(
            gettext("unknown outcome %(outcome)r") % {"outcome": _cut(outcome)}
            + "\n"
            + gettext("valid choices: %(choices)s") % {"choices": ", ".join(e.valid)}
        ) from e
    except UnknownAnswer as e:
        raise _unknown_answer(e, words) from e
    except agent.NoPath as e:
        raise click.UsageError(
            gettext("these answers do not lead to %(outcome)s") % {"outcome": outcome}
        ) from e
    click.echo(text)


@main.command(help=_("Print an article in the terminal, by slug or KB id."))
@click.argument("ref", metavar="SLUG-or-KBID")
@click.option("--markdown", is_flag=True, help=_("Print the generated Markdown instead."))
@lang_option
@root_option
def article(ref: str, markdown: bool, lang: str, root: Path) -> None:
    words = _words(root, lang)
    found = words.project.content.article_for(ref)
    if found is None:
        raise click.UsageError(article_ref_error(words.project, _cut(ref), words.lang))
    if markdown:
        click.echo(pages(words.project, lang).files[f"articles/{found.slug}.md"], nl=False)
        return
    echo_lines(ArticleText(words, _width()).render(found))


@main.command(help=_("Find articles and troubleshooter outcomes; words may be English or Chinese."))
@click.argument("words", nargs=-1, required=True)
@lang_option
@root_option
def search(words: tuple[str, ...], lang: str, root: Path) -> None:
    project = project_or_exit(root)
    gettext = _lang(project, lang).gettext
    results = finder.search(finder.entries(project), list(words))
    if not results:
        click.echo(gettext(finder.NO_RESULTS) % {"words": _cut(" ".join(words))}, err=True)
        sys.exit(1)
    echo_lines(list(finder.result_lines(project, lang, results)))


@main.command(
    help=_("Which security devices can confirm a withdrawal of AMOUNT (account currency).")
)
@click.argument("amount")
@lang_option
@root_option
def limits(amount: str, lang: str, root: Path) -> None:
    words = _words(root, lang)
    value = agent.parse_amount(amount, lang)
    if value is None:
        raise click.BadParameter(
            words.lang.gettext(agent.BAD_AMOUNT) % {"amount": _cut(amount)}, param_hint="AMOUNT"
        )
    echo_lines(list(agent.limit_lines(words, value)))
