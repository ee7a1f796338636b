"""What Material for MkDocs' search needs so that customers' words find their pages.

Material segments Chinese title and text with jieba when it builds the index, but
not a page's keywords (its ``tags``), and its search box segments a Chinese query
without jieba: it cuts each run of Han characters greedily into the index's
tokens, looking only at the parts that end before the run's last character, and
searches each part as a prefix (``part*``). A keyword the index holds only whole
is therefore read through whatever shorter tokens the rest of the site happens
to hold, and the run's last word is lost (共享设备 is searched as 共享*).

So the keywords of a Chinese page are indexed as the search box reads them: each
Han run also without its last character, which is then the longest token the
box can find there, whatever else the index holds (共享设备 is searched as
共享设*, which finds the keyword and little else); and a word that mixes scripts
also with its runs shortened, as the box glues it back to its Latin part
(忘记PIN is searched as 忘PIN*).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from itertools import groupby

from ..languages.i18n import is_chinese
from ..project import Project


def search_words(project: Project, code: str) -> list[str]:
    """Words the search index keeps whole: Chinese glossary terms and customers' keywords.

    Material segments Chinese with jieba when it builds the search index; these
    words are added to jieba's dictionary so that 重新激活 or 提款上限 are found.
    Material hands jieba each run of Han characters alone, so a word that mixes
    scripts (忘記PIN, 数码安全卡+) or has a space counts by its Han runs too: were
    忘記 cut as 忘 and 記卡 somewhere, 忘 would be a token, and Material's query
    segmentation would then search 忘記PIN as 忘PIN.
    """
    if not is_chinese(code):
        return []
    lang = project.lang(code)
    words = [term.words[code] for term in project.content.glossary if code in term.words]
    words += [lang.t(keyword) for keyword in project.content.keywords.messages()]
    runs = [run for word in words for run in _han_runs(word) if len(run) > 1 and run != word]
    whole = [word for word in words if word and not any(c.isspace() for c in word)]
    return list(dict.fromkeys(whole + runs))


def search_tags(code: str) -> Callable[[list[str]], list[str]]:
    """How a page of language ``code`` lists its keywords for Material's search: each
    keyword, then, in Chinese, the forms in which the search box looks it up."""

    def tags(keywords: list[str]) -> list[str]:
        read = [_as_searched(word) for keyword in keywords for word in keyword.split()]
        runs = [run[:-1] for keyword in keywords for run in _han_runs(keyword) if len(run) > 1]
        return list(dict.fromkeys([*keywords, *read, *runs]))

    return tags if is_chinese(code) else list


def _as_searched(word: str) -> str:
    """``word`` with each run of two or more Han characters without its last one."""
    return "".join(run[:-1] if len(run) > 1 and _is_han(run[0]) else run for run in _runs(word))


def _han_runs(text: str) -> list[str]:
    return [run for run in _runs(text) if _is_han(run[0])]


def _runs(text: str) -> list[str]:
    """``text`` cut where it passes from Han characters to others and back."""
    return ["".join(run) for _, run in groupby(text, key=_is_han)]


def _is_han(char: str) -> bool:
    return unicodedata.name(char, "").startswith("CJK UNIFIED IDEOGRAPH")
