"""The pages of the help centre for one language, independent of the site engine.

``pages`` returns Markdown by path and a navigation tree; the MkDocs hook only
hands them to MkDocs, so another engine could publish the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from .agentpages import agent_pages
from .content import PLATFORMS
from .project import Project
from .render import article_path, environment, render
from .webwizard import SECTION, wizard_pages
from .wizard import Words

NavItem = dict[str, "str | list[NavItem]"]


@dataclass(frozen=True)
class Pages:
    files: dict[str, str]
    nav: list[NavItem]


def pages(project: Project, code: str) -> Pages:
    """Every generated page of one language, with its navigation."""
    content = project.content
    lang = project.lang(code)
    env = environment(project.templates, lang, content)
    env.globals["platforms"] = PLATFORMS
    files = {"index.md": render(env, "home.md.j2", site=content.site)}
    nav: list[NavItem] = [{lang.t(content.site.home_title): "index.md"}]
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
    nav.append({lang.gettext("Troubleshooter"): f"{SECTION}/index.md"})
    others = {code: Words(project, project.lang(code)) for code in project.languages}
    files |= agent_pages(words, others, env)
    nav.append(
        {
            lang.gettext("For support agents"): [
                {lang.gettext("The troubleshooter at a glance"): "agents/index.md"},
                {lang.gettext("Replies for every outcome"): "agents/replies.md"},
                {lang.gettext("Rules and limits"): "agents/rules.md"},
            ]
        }
    )
    return Pages(files, nav)
