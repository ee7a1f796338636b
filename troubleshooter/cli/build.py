"""All-or-nothing site builds: every language, or no change to ``site/`` at all.

Each language is built by ``mkdocs build --strict`` into one temporary folder
next to ``site/``; a failed build, or any warning in its log, stops everything
and removes the temporary folder. Only when every language built cleanly does
the new folder replace ``site/`` (two renames on one file system), so the
previous site stays as it was, byte for byte, after any failure.

Run it as ``python -m troubleshooter.cli.build [--root DIR] [--site DIR]``
(``make site`` does); it exits 1 when the build fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click

from ..engines.builddocs import config_file
from ..languages.i18n import languages
from ..project import DEFAULT_ROOT
from .main import _

SHARED_CONFIG = "mkdocs.yml"
# MkDocs' progress messages and jieba's, which loads its dictionary for Chinese.
_NOISE = re.compile(r"INFO|Building prefix dict|Loading model|Prefix dict has been built|Dump")


class BuildError(Exception):
    """A build that failed: its lines say why; ``site/`` was not changed."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class Language:
    code: str
    config: str  # relative to the project root


def site_languages(root: Path) -> list[Language]:
    """Every language of the project (English, then one per catalog) with its configuration."""
    return [Language(code, config_file(code)) for code in languages(root / "locales")]


def build_site(root: Path, site: Path, echo: Callable[[str], None] = print) -> None:
    """Build every language into ``site``; raises :class:`BuildError` leaving ``site`` as it was."""
    root, site = root.resolve(), site.resolve()
    if not (root / SHARED_CONFIG).is_file():
        raise BuildError(
            [
                _("%(path)s: no such file — point --root at the project folder")
                % {"path": root / SHARED_CONFIG}
            ]
        )
    langs = site_languages(root)
    missing = [lang.config for lang in langs if not (root / lang.config).is_file()]
    if missing:
        raise BuildError(
            [
                _("%(path)s: no such file — add it (README: Adding a language)")
                % {"path": root / config}
                for config in missing
            ]
        )
    _check_replaceable(site)
    site.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
    try:
        for lang in langs:
            _build_one(root, lang, new / lang.code)
            echo(_("Built %(lang)s (%(config)s).") % {"lang": lang.code, "config": lang.config})
        _replace(site, new)
    finally:
        shutil.rmtree(new, ignore_errors=True)


def _build_one(root: Path, lang: Language, dest: Path) -> None:
    args = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", lang.config, "-d", str(dest)]
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(args, cwd=root, env=env, capture_output=True, text=True)
    log = (result.stdout + result.stderr).splitlines()
    # --strict counts MkDocs' own warnings; a warning logged elsewhere fails the build too.
    if result.returncode != 0 or any(line.startswith("WARNING") for line in log):
        raise BuildError(
            [
                _("%(config)s: the %(lang)s build failed (exit %(code)s):")
                % {"config": lang.config, "lang": lang.code, "code": result.returncode}
            ]
            + [f"  {line}" for line in _why(log)]
        )


def _why(log: list[str]) -> list[str]:
    """What a failed build's log says, without progress lines; of a traceback, its last line."""
    lines = [line for line in log if line.strip() and not _NOISE.match(line)]
    if any(line.startswith("Traceback") for line in lines):
        return lines[-1:]
    return lines


def _check_replaceable(site: Path) -> None:
    """Fail before building when the old site could not be removed afterwards."""
    if site.exists() and not site.is_dir():
        raise BuildError([_("%(path)s: is not a folder — move it away") % {"path": site}])
    folders = [site.parent, *(Path(f) for f, _dirs, _files in os.walk(site))]
    for folder in folders:
        if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
            raise BuildError(
                [_("%(path)s: not writable — fix its permissions (chmod u+w)") % {"path": folder}]
            )


def _replace(site: Path, new: Path) -> None:
    """Put ``new`` in the place of ``site``; on any error ``site`` is as it was."""
    if not site.exists():
        new.rename(site)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{site.name}-old-", dir=site.parent))
    try:
        site.rename(old / site.name)
        try:
            new.rename(site)
        except OSError:
            (old / site.name).rename(site)
            raise
    except OSError as e:
        shutil.rmtree(old, ignore_errors=True)
        raise BuildError(
            [_("%(path)s: cannot replace it (%(error)s)") % {"path": site, "error": e.strerror}]
        ) from e
    shutil.rmtree(old, ignore_errors=True)


@click.command(help=_("Build every language of the site, or change nothing."))
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_ROOT,
    help=_("Project folder holding content/, templates/ and locales/."),
)
@click.option(
    "--site",
    type=click.Path(path_type=Path),
    default=None,
    help=_("Folder to replace with the new site (default: ROOT/site)."),
)
def main(root: Path, site: Path | None) -> None:
    try:
        build_site(root, site or root / "site", echo=lambda line: click.echo(line, err=True))
    except BuildError as e:
        for line in e.lines:
            click.echo(line, err=True)
        click.echo(
            _("Nothing was changed in %(site)s.") % {"site": site or root / "site"}, err=True
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
