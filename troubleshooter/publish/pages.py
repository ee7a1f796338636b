"""The pages of the help centre for one language, independent of the site engine.

``pages`` returns Markdown by path and a navigation tree; the MkDocs hook only
hands them to MkDocs, so another engine could publish the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..content.model import PLATFORMS
from ..tree.engine import walk
from ..tree.starts import answers_of
from ..tree.words import Words
from .agentpages import agent_pages
from .render import Tags, article_path, environment, render
from .webwizard import SECTION, page_path, wizard_pages

if TYPE_CHECKING:  # loading a project checks the templates (render): only its type here
    from ..project import Project

NavItem = dict[str, "str | list[NavItem]"]


@dataclass(frozen=True)
class Pages:
    files: dict[str, str]
    nav: list[NavItem]


def pages(project: Project, code: str, tags: Tags = list) -> Pages:
    """Every generated page of one language, with its navigation. ``tags`` lists a
    page's keywords (translated) as its search tags: the words themselves, unless the
    site engine's search needs them in a form of its own."""
    content = project.content
    lang = project.lang(code)
    env = environment(project.templates, lang, content, tags)
    env.globals["platforms"] = PLATFORMS
    tree, facts = project.tree, content.facts
    starts = [
        (start.title, page_path(walk(tree, facts, answers_of(tree, facts, start))))
        for start in content.site.starts
    ]
    files = {"index.md": render(env, "home.md.j2", site=content.site, starts=starts)}
    nav: list[NavItem] = [
        {lang.t(content.site.home_title): "index.md"},
        {lang.gettext("Troubleshooter"): f"{SECTION}/index.md"},
    ]
    for topic in content.site.topics:
        entries: list[NavItem] = []
        for slug in topic.articles:
            article = content.articles[slug]
            path = article_path(article)
            files[path] = render(env, "article.md.j2", article=article, root="../")
            entries.append({lang.t(article.title): path})
        nav.append({lang.t(topic.title): entries})
    words = Words(project, lang)
    files |= wizard_pages(words, env)
    # The agents' pages stay out of the customers' navigation (a footer link leads there).
    others = {code: Words(project, project.lang(code)) for code in project.languages}
    files |= agent_pages(words, others, env)
    return Pages(files, nav)
