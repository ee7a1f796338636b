"""The agent commands: reply, article, search and limits, in English and Chinese."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner, Result

from tests.conftest import real_outcome_ids
from tests.languages import CHINESE, LANGS, OTHERS, chinese
from troubleshooter.cli.main import main
from troubleshooter.content.facts import Facts
from troubleshooter.project import Project
from troubleshooter.publish.pages import pages
from troubleshooter.textwidth import cell_width, join, wrap
from troubleshooter.tree.words import Words

OUTCOMES = real_outcome_ids()
# The real project, set once per module from the session's ``real_project`` (not at import:
# a content error must fail tests, not their collection).
PROJECT: Project
WORDS: dict[str, Words]
FACTS: Facts


@pytest.fixture(autouse=True, scope="module")
def _project(real_project: Project) -> None:
    global PROJECT, WORDS, FACTS
    PROJECT, FACTS = real_project, real_project.content.facts
    WORDS = {code: Words(real_project, real_project.lang(code)) for code in LANGS}


CJK = re.compile(r"[\u4e00-\u9fff]")


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("command", ["reply", "article", "search", "limits"])
def test_agent_commands_have_help(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


# -- reply -------------------------------------------------------------------------


@pytest.mark.parametrize("outcome", OUTCOMES)
@pytest.mark.parametrize("lang", LANGS)
def test_every_outcome_has_a_reply_in_every_language(outcome: str, lang: str) -> None:
    result = invoke("reply", outcome, "--lang", lang)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()
    assert "%(" not in result.stdout
    if lang in CHINESE:
        assert CJK.search(result.stdout)


STRONGER = "withdrawal-needs-stronger-device"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_every_reply_opens_and_closes_as_a_support_message(outcome: str, lang: str) -> None:
    """A greeting, an apology where the answer is no, the next steps, then a closing line."""
    lines = invoke("reply", outcome, "--lang", lang).stdout.strip().splitlines()
    words, wizard = WORDS[lang], PROJECT.content.wizard
    assert lines[0] == words.lang.t(wizard.frame["greeting"])
    assert lines[-1] == words.lang.t(wizard.frame["closing"])
    apology = wizard.outcomes[outcome].apology
    assert (lines[1] == words.lang.t(apology)) if apology else (lines[1] != lines[0])
    fallbacks = words.still_stuck(PROJECT.tree.outcomes[outcome])
    assert fallbacks and [f"- {f}" for f in fallbacks] == lines[-1 - len(fallbacks) : -1]


def test_negative_outcomes_apologise() -> None:
    negative = {STRONGER, "dsc-plus-not-eligible", "share-device-ineligible-identity"}
    negative |= {"share-device-ineligible-temporary", "temporary-access", "lost-phone"}
    apologising = {k for k, v in PROJECT.content.wizard.outcomes.items() if v.apology}
    assert negative <= apologising


def _stronger(device: str, *answers: str) -> str:
    args = ["reply", STRONGER, "--answer", f"withdraw-device={device}"]
    for answer in answers:
        args += ["--answer", answer]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("device", ["scc", "dsc", "ibkr-mobile"])
def test_a_stronger_device_reply_names_the_customers_device_and_one_they_can_get(
    device: str,
) -> None:
    text = _stronger(device, "withdraw-day=over-1000000")
    own = FACTS.device(device)
    assert str(WORDS["en"].lang.t(own.name)) in text
    others = [d for d in FACTS.devices if d.legacy and d is not own]
    assert not [d.name.text for d in others if d.name.text in text.replace("Card+", "")]
    assert WORDS["en"].obtainable(FACTS.device("dsc_plus")) in text


def test_a_security_code_card_user_within_the_apps_limits_can_use_ib_key() -> None:
    text = _stronger(
        "scc",
        "withdraw-day=over-200000-up-to-1000000",
        "withdraw-five-days=over-600000-up-to-1000000",
    )
    mobile, card = (WORDS["en"].obtainable(FACTS.device(d)) for d in ("ibkr_mobile", "dsc_plus"))
    assert f"{mobile} or {card}" in text


def test_reply_without_the_device_is_written_for_the_general_case() -> None:
    text = invoke("reply", STRONGER).stdout
    general = PROJECT.content.wizard.outcomes[STRONGER].reply_general
    assert general is not None and WORDS["en"].lang.t(general) in text
    legacy = [d.name.text for d in FACTS.devices if d.legacy]
    assert not [name for name in legacy if name in text.replace("Card+", "")]


def test_reply_of_a_fixed_outcome_needs_no_answers() -> None:
    result = invoke("reply", "dsc-buttons")
    assert result.exit_code == 0 and result.stderr == ""
    assert WORDS["en"].reply(PROJECT.tree.outcomes["dsc-buttons"]) in result.stdout


@pytest.mark.parametrize(
    ("args", "listed"),
    [
        (["nowhere"], "reactivate-ibkey-android, reactivate-ibkey-ios"),
        (["dsc-buttons", "--answer", "problem=nonsense"], "ib-key, lost-phone, choose-device"),
        (["dsc-buttons", "--answer", "nowhere=1"], "problem"),
        (["dsc-buttons", "--answer", "problem=withdrawal"], "do not lead to dsc-buttons"),
        (["dsc-buttons", "--answer", "problem"], "NODE=OPTION"),
    ],
)
def test_reply_rejects_bad_input_listing_the_choices(args: list[str], listed: str) -> None:
    result = invoke("reply", *args)
    assert result.exit_code == 2
    assert listed in result.output


# -- article -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", CHINESE)
def test_article_by_kb_id_in_chinese(lang: str) -> None:
    zh = PROJECT.lang(lang)
    article = PROJECT.content.articles["share-device"]
    result = invoke("article", "kb2481", "--lang", lang)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    title = zh.t(article.title)
    assert lines[0] == title and lines[1] == "=" * cell_width(title)
    _ = zh.gettext
    assert _("Article %(kb)s") % {"kb": article.kb} in result.stdout
    assert zh.date(article.reviewed) in result.stdout
    for section in article.sections:
        assert zh.t(section.title) in lines
    assert "1. " in result.stdout  # numbered steps
    assert "  | " + zh.t(article.sections[2].blocks[1].title) in lines  # type: ignore[union-attr]
    overview = PROJECT.content.articles["sls-overview"]
    related = join(zh.t(overview.title), _("(%(kb)s)") % {"kb": overview.kb})
    assert related in result.stdout and "（" in related  # related, full-width brackets


@pytest.mark.parametrize("lang", CHINESE)
def test_article_tables_are_aligned_columns_with_double_width_chinese(lang: str) -> None:
    result = invoke("article", "m2fs", "--lang", lang)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    rule = next(i for i, line in enumerate(lines) if re.fullmatch(r"-+( +-+){2}", line))
    rows = lines[rule + 1 : rule + 9]
    assert any(WORDS[lang].device(FACTS.device("dsc_plus")) in row for row in rows)
    # amounts are right-aligned: every row ends at the same screen column
    assert {cell_width(row) for row in rows} == {cell_width(lines[rule])}


def test_article_shows_both_platform_tabs() -> None:
    result = invoke("article", "reactivate-ib-key")
    assert result.exit_code == 0
    assert "\nAndroid:\n" in result.stdout and "\niOS:\n" in result.stdout


@pytest.mark.parametrize("lang", LANGS)
def test_article_markdown_is_the_generated_page(lang: str) -> None:
    result = invoke("article", "KB2481", "--markdown", "--lang", lang)
    assert result.exit_code == 0
    assert result.stdout == pages(PROJECT, lang).files["articles/share-device.md"]


def test_unknown_article_lists_slugs_and_kb_ids() -> None:
    result = invoke("article", "KB9999")
    assert result.exit_code == 2
    assert "share-device (KB2481)" in result.output and "m2fs" in result.output


# -- search ---------------------------------------------------------------------------


def ids(output: str) -> list[str]:
    """The ids at the end of result lines, in (…) or, in Chinese, （…）."""
    return re.findall(r"[(（](?:[^()（）]*?, )?([a-z0-9-]+)(?:, KB\d+)?[)）]$", output, re.M)


def test_search_chinese_word_finds_the_article_first() -> None:
    result = invoke("search", "共享")
    assert result.exit_code == 0
    assert ids(result.stdout)[0] == "share-device"
    assert "en/articles/share-device/" in result.stdout


@pytest.mark.parametrize("lang", OTHERS)
def test_search_english_word_finds_articles_and_outcomes(lang: str) -> None:
    result = invoke("search", "reactivate", "--lang", lang)
    assert result.exit_code == 0
    found = ids(result.stdout)
    assert found[0] == "reactivate-ib-key"
    assert {"reactivate-ibkey-android", "reactivate-ibkey-ios"} <= set(found)
    assert "troubleshooter diagnose --answer problem=ib-key" in result.stdout
    asked = PROJECT.lang(lang)  # printed in the language asked for
    assert asked.t(PROJECT.content.articles["reactivate-ib-key"].title) in result.stdout


@pytest.mark.parametrize(
    "words",
    [["安全设备"], ["重新激活"], ["共享", "device"], ["IB", "key"]]
    + [[chinese(code, "共享设备")] for code in CHINESE if code != "zh"],
)
def test_search_matches_words_in_either_language(words: list[str]) -> None:
    result = invoke("search", *words)
    assert result.exit_code == 0 and ids(result.stdout)


@pytest.mark.parametrize(
    ("words", "first"),
    [
        (["粉纸"], "opt-back-in"),
        (["lost", "phone"], "reactivate-ib-key"),
        (["忘记PIN"], "dsc-login"),
    ],
)
def test_search_finds_customers_words(words: list[str], first: str) -> None:
    """An agent finds a case with the customer's own words (content/keywords.yml)."""
    result = invoke("search", *words)
    assert result.exit_code == 0 and ids(result.stdout)[0] == first


def test_search_needs_every_word() -> None:
    assert invoke("search", "共享", "xyzzy").exit_code == 1
    result = invoke("search", "xyzzy")
    assert result.exit_code == 1 and "xyzzy" in result.output


# -- limits ----------------------------------------------------------------------------


def sections(output: str) -> list[tuple[str, str]]:
    """(can, cannot) text of each period."""
    out = []
    for period in output.split("\n\n")[:2]:
        can, _, cannot = period.partition("Limit too low:")
        out.append((can, cannot))
    return out


def test_limits_per_day_and_over_five_days() -> None:
    result = invoke("limits", "1200000")
    assert result.exit_code == 0
    (day_can, day_cannot), (five_can, five_cannot) = sections(result.stdout)
    assert "Digital Security Card+" in day_can and "IBKR Mobile app" not in day_can
    assert "IBKR Mobile app" in day_cannot and "Digital Security Card (legacy)" in day_cannot
    assert "Digital Security Card (legacy)" in five_can and "IBKR Mobile app" in five_cannot
    assert invoke("limits", "1,200,000").stdout == result.stdout


@pytest.mark.parametrize("lang", CHINESE)
def test_limits_in_chinese_format_money_per_locale(lang: str) -> None:
    result = invoke("limits", "1,200,000", "--lang", lang)
    assert result.exit_code == 0
    zh = WORDS[lang]
    assert zh.lang.money(1_200_000) in result.stdout and "美元" in zh.lang.money(1_200_000)
    for device in ("dsc_plus", "platinum"):  # one still issued, one legacy
        assert zh.device(FACTS.device(device)) in result.stdout
    assert zh.lang.gettext("%(device)s (legacy)") != "%(device)s (legacy)"


@pytest.mark.parametrize(("chinese", "digits"), [("120万", "1,200,000"), ("1.5万", "15000")])
def test_limits_in_chinese_take_amounts_as_chinese_write_them(chinese: str, digits: str) -> None:
    result = invoke("limits", chinese, "--lang", "zh")
    assert result.exit_code == 0
    assert result.stdout == invoke("limits", digits, "--lang", "zh").stdout


@pytest.mark.parametrize("amount", ["1.23456万", "万", "x万", "1,000万"])
def test_limits_refuses_a_chinese_amount_that_is_not_whole(amount: str) -> None:
    assert invoke("limits", "--", amount, "--lang", "zh").exit_code == 2


@pytest.mark.parametrize("amount", ["1.5m", "12,00", "-5", "1 200 000", "abc", "120万"])
def test_limits_rejects_other_amounts(amount: str) -> None:
    result = invoke("limits", "--", amount)
    assert result.exit_code == 2
    assert "1,200,000" in result.output  # shows how to write it


# -- text width ------------------------------------------------------------------------


def test_wrap_breaks_chinese_between_characters_but_not_before_punctuation() -> None:
    lines = wrap("如果找不到申请入口，请致电客户服务。", 10)
    assert all(cell_width(line) <= 10 for line in lines)
    assert not any(line.startswith(("，", "。")) for line in lines)
    assert "".join(lines) == "如果找不到申请入口，请致电客户服务。"
    assert wrap("Log in to Client Portal", 12) == ["Log in to", "Client", "Portal"]


def test_join_leaves_no_space_next_to_wide_characters() -> None:
    assert join("安全登录系统概览", "（KB1131）") == "安全登录系统概览（KB1131）"
    assert join("Overview", "(KB1131)") == "Overview (KB1131)"
