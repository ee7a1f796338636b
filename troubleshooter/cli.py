"""The ``troubleshooter`` command line."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from .errors import ContentError
from .i18n import cli_translations
from .practice import DEVICES, PRACTICES, Console
from .project import DEFAULT_ROOT, Project, load_project
from .site import pages

LANGS = ("en", "zh")


def _env_lang() -> str:
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def gettext_for(lang: str) -> Callable[[str], str]:
    return cli_translations(DEFAULT_ROOT / "locales", lang).gettext


_ = gettext_for(_env_lang())

lang_option = click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=_env_lang,
    show_default="en",
    help=_("Language of the output."),
)
root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_ROOT,
    help=_("Project folder holding content/, templates/ and locales/."),
)


def project_or_exit(root: Path) -> Project:
    """The checked project, or exit 1 printing every content problem."""
    try:
        return load_project(root)
    except ContentError as e:
        for problem in e.problems:
            click.echo(str(problem), err=True)
        click.echo(_("%(count)s problem(s) found.") % {"count": len(e.problems)}, err=True)
        sys.exit(1)


@click.group(help=_("Secure Login help: check the content, diagnose problems, practise logins."))
@click.version_option(package_name="troubleshooter")
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


@main.command(help=_("Practise a login with a demo security device (never a real one)."))
@click.argument("device", type=click.Choice(DEVICES))
@lang_option
def practice(device: str, lang: str) -> None:
    gettext = gettext_for(lang)
    io = Console(
        say=click.echo,
        ask=lambda text: str(
            click.prompt(text, default="", show_default=False, prompt_suffix=gettext(": "))
        ),
        gettext=gettext,
    )
    click.echo(gettext("Practice mode: a simulation with demo codes. Press Ctrl-C to leave."))
    try:
        while True:
            PRACTICES[device](io)
            if not click.confirm(gettext("Another round?"), default=False):
                break
    except (click.Abort, EOFError):
        click.echo()
    click.echo(gettext("Practice finished."))
