"""Markdown pages from the content model, one language at a time (Jinja2 + Babel).

Content strings are data, never template code: they reach the page through the
``t`` filter, which translates, fills in facts and escapes Markdown and HTML so
that a string renders as the text it is. Translations of the templates' own
strings (``_("...")``) are escaped the same way: only the values the template
passes in (a link, a code) are markup.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from ..content.model import Article, Content
from ..content.source import CONTROL, PLACEHOLDER, Msg
from ..demo import dsc_walkthrough
from ..errors import ContentError, Problem, Problems, Where
from ..hints import N_
from ..languages.i18n import SOURCE_LANG, Lang

STEP_LABELS = {
    "press": N_("Hold “press”"),
    "enter-pin": N_("Enter the PIN, press “OK”"),
    "enter-challenge": N_("Enter the challenge code, press “OK”"),
}
# Material's search.boost: articles and troubleshooter answers, the pages customers
# look for, rank above any other page; an article, the fuller answer, a little higher.
SEARCH_BOOST = {"article": 3, "outcome": 2}
# How a page's keywords (translated) become its search tags.
Tags = Callable[[list[str]], list[str]]
_BLANK_RUNS = re.compile(r"\n{3,}")
_ESCAPE_ANYWHERE = re.compile(r"([\\`*_\[\]{}|])")
# Block syntax at the start of a line: "#", "+", "-" take a backslash; "1." and
# "1)" escape their punctuation; "!!!" (admonition), "===" (tab) and "~~~" (fence)
# are not backslash-escapable in Python-Markdown, so their first character
# becomes a character reference.
_ESCAPE_AT_START = re.compile(r"^(?:([#+-])|(\d+)([.)])|([!=~]))")


def _escape_start(m: re.Match[str]) -> str:
    if m[1]:
        return "\\" + m[1]
    if m[2]:
        return f"{m[2]}\\{m[3]}"
    return f"&#{ord(m[4])};"


@cache  # pure, and a page repeats most of its texts (trails, options, labels)
def escape_md(text: str) -> str:
    """Text that Markdown (with our extensions) shows literally, on one line.

    Whitespace runs fold to one space, as in the source strings: a line break or
    an indent in a translation would otherwise start a new block (a heading
    underline, a code block) or leave the note or table the text belongs to.
    """
    return _ESCAPE_AT_START.sub(_escape_start, _escape_inline(" ".join(text.split())))


@cache
def _escape_inline(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace('"', "&quot;")
    return _ESCAPE_ANYWHERE.sub(r"\\\1", text)


class Message(str):
    """A translated template string as Markdown; ``plain`` is its unescaped text."""

    plain: str


def message(translation: str, values: Mapping[str, object]) -> Message:
    """A translation with its ``%(name)s`` placeholders filled in by ``values``.

    The translation's own text is escaped; the values are markup the template
    made (a link, a code span). A stray ``%`` or an unknown placeholder is text.
    """
    parts = PLACEHOLDER.split(" ".join(translation.split()))
    texts, names = parts[::2], parts[1::2]
    escaped = [_escape_inline(text) for text in texts]
    escaped[0] = _ESCAPE_AT_START.sub(_escape_start, escaped[0])
    unknown = {name: f"%({name})s" for name in names if name not in values}
    out = Message(
        _join(
            escaped, [str(values[n]) if n in values else _escape_inline(unknown[n]) for n in names]
        )
    )
    out.plain = _join(texts, [str(values[n]) if n in values else unknown[n] for n in names])
    return out


def _join(texts: list[str], values: list[str]) -> str:
    return "".join(t + v for t, v in zip(texts, [*values, ""], strict=True))


_BYTECODE_CACHE = jinja2.FileSystemBytecodeCache()


def environment(
    templates: Path, lang: Lang, content: Content, tags: Tags = list
) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Compiled templates are kept (checked against their source) in a private
        # folder of the system's temporary directory: each build and each language
        # is a new process, and compiling the templates is a good part of its work.
        bytecode_cache=_BYTECODE_CACHE,
    )
    env.globals["_"] = lambda msgid, **values: message(lang.gettext(msgid), values)

    def links(markdown: str) -> str:
        """Escaped text with the addresses that site.yml lists turned into links."""
        for text, url in content.site.links.items():
            markdown = markdown.replace(escape_md(text), f"[{escape_md(text)}]({url})")
        return markdown

    def t(msg: Msg | str, **params: str) -> str:
        return nowrap(escape_md(lang.t(msg, **params)), lang.amounts)

    env.filters["t"] = t
    # A page's keywords as its search tags, a YAML flow list for its front matter.
    # JSON is YAML, but for characters YAML refuses: they would break the front matter.
    env.filters["tags"] = lambda msgs: json.dumps(
        tags([CONTROL.sub("", lang.t(m)) for m in msgs]), ensure_ascii=False
    )
    env.filters["links"] = links
    env.filters["md"] = lambda text: nowrap(escape_md(text), lang.amounts)
    env.filters["attr"] = attr
    env.filters["money"] = lambda sum: nowrap(
        escape_md(lang.money(sum, content.facts.currency)), lang.amounts
    )
    env.filters["date"] = lang.date
    env.globals.update(
        lang=lang,
        content=content,
        facts=content.facts,
        dsc_walkthrough=dsc_walkthrough(),
        step_labels=STEP_LABELS,
        search_boost=SEARCH_BOOST,
    )
    # How a command of the agents' pages asks for this language.
    env.globals["lang_option"] = "" if lang.code == SOURCE_LANG else f" --lang {lang.code}"
    env.globals["raise"] = _fail
    return env


def nowrap(markup: str, amounts: frozenset[str]) -> str:
    """``markup`` with each of ``amounts`` kept on one line (``100万美元`` on a phone)."""
    pattern = _amount_pattern(amounts)
    return pattern.sub(r'<span class="nowrap">\g<0></span>', markup) if pattern else markup


@cache  # a language's amounts are one set: build its pattern once, not per string
def _amount_pattern(amounts: frozenset[str]) -> re.Pattern[str] | None:
    if not amounts:
        return None
    alternatives = "|".join(map(re.escape, sorted(amounts, key=len, reverse=True)))
    return re.compile(rf"(?<![\d.,])(?:{alternatives})")


def _fail(message: str) -> None:
    """``raise("...")`` in a template: a case the template cannot render."""
    raise jinja2.TemplateRuntimeError(message)


def attr(value: object) -> str:
    """Text for an HTML attribute value; a translated message gives its plain text.

    Markdown's inline syntax is written as character references: the table
    extension splits rows at ``|`` and code spans take backticks before an
    inline HTML tag is recognised, even inside its attributes.
    """
    text = html.escape(value.plain if isinstance(value, Message) else str(value), quote=True)
    return _ESCAPE_ANYWHERE.sub(lambda m: f"&#{ord(m[1])};", text)


def render(env: jinja2.Environment, template: str, **context: Any) -> str:
    """Render one template; template errors become content problems with file and line."""
    try:
        return _BLANK_RUNS.sub("\n\n", env.get_template(template).render(**context))
    except jinja2.TemplateSyntaxError as e:
        where = Where.of(e.filename or template, e.lineno or 1)
        raise ContentError(
            [Problem(where, f"template error: {e.message}", "fix the Jinja2 syntax")]
        ) from e
    except jinja2.UndefinedError as e:
        raise ContentError(
            [
                Problem(
                    Where(f"templates/{template}", 1),
                    f"template error: {e.message}",
                    "use a name the renderer provides",
                )
            ]
        ) from e
    except jinja2.TemplateRuntimeError as e:
        raise ContentError(
            [Problem(Where(f"templates/{template}", 1), f"template error: {e}", "handle it there")]
        ) from e
    except jinja2.TemplateNotFound as e:
        raise ContentError(
            [Problem(Where(f"templates/{e.name}", 1), "template not found", "restore the file")]
        ) from e
    except jinja2.TemplateError as e:
        raise ContentError(
            [Problem(Where(f"templates/{template}", 1), f"template error: {e}", "fix the template")]
        ) from e


def check_templates(templates: Path) -> Problems:
    """Jinja2 syntax errors of every template under ``templates``, with file and line."""
    problems = Problems()
    if not templates.is_dir():
        problems.add(Where.of(templates, 1), "no templates folder", "restore templates/")
        return problems
    env = jinja2.Environment()
    for path in sorted(templates.rglob("*.j2")):
        try:
            env.parse(path.read_text("utf-8"), path.name, str(path))
        except jinja2.TemplateSyntaxError as e:
            problems.add(
                Where.of(path, e.lineno or 1),
                f"template error: {e.message}",
                "fix the Jinja2 syntax",
            )
        except (UnicodeDecodeError, OSError) as e:
            problems.add(Where.of(path, 1), f"cannot read the template ({e})", "save it as UTF-8")
    return problems


def article_path(article: Article) -> str:
    return f"articles/{article.slug}.md"
