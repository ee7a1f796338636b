"""The command line: every command documented, diagnose and paths, the wizard in a terminal."""

from __future__ import annotations

import json
import re
import subprocess

import pexpect
import pytest
from click.testing import CliRunner

from tests.conftest import BIN, ROOT
from tests.languages import LANGS, OTHERS
from troubleshooter.cli.main import gettext_for, main
from troubleshooter.hints import HINTS
from troubleshooter.project import Project
from troubleshooter.textwidth import cell_width
from troubleshooter.tree import rules
from troubleshooter.tree.engine import Question, Session, paths
from troubleshooter.tree.words import Words
from troubleshooter.verification import Reason

COMMANDS = sorted(main.commands)  # type: ignore[attr-defined]


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command: str) -> None:
    code, output = invoke(command, "--help")
    assert code == 0 and "Usage:" in output
    assert f"troubleshooter {command}" in (ROOT / "README.md").read_text("utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_diagnose_prints_json(real_project: Project, lang: str) -> None:
    code, output = invoke(
        "diagnose",
        "--json",
        "--lang",
        lang,
        "--answer",
        "problem=choose-device",
        "--answer",
        "m2fs-platform=tws",
        "--answer",
        "tws-dropdown=no",
    )
    assert code == 0
    result = json.loads(output)
    assert result["outcome"] == "m2fs-upgrade-tws"
    assert result["article"] == "m2fs#tws"
    words = Words(real_project, real_project.lang(lang))
    assert result["title"] == words.title(real_project.tree.outcomes["m2fs-upgrade-tws"])
    assert result["trail"][-1] == {"node": "tws-dropdown", "option": "no"}


@pytest.mark.parametrize("lang", OTHERS)
def test_diagnose_in_chinese_uses_chinese_words(lang: str) -> None:
    code, output = invoke(
        "diagnose",
        "--lang",
        lang,
        "--answer",
        "problem=dsc",
        "--answer",
        "dsc-problem=buttons-dead",
    )
    assert code == 0
    _ = gettext_for(lang)
    assert _("What to do:") in output
    assert _("Your answers (read them out if you call Client Services):")[:5] in output


UNLIMITED = ("dsc-plus", "platinum", "gold")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("device", UNLIMITED)
def test_diagnose_says_a_device_without_limits_has_none(
    real_project: Project, lang: str, device: str
) -> None:
    """No amount is asked, and the answer is not "within the limits" of a device with none."""
    answers = ("--answer", "problem=withdrawal", "--answer", f"withdraw-device={device}")
    code, output = invoke("diagnose", "--lang", lang, *answers)
    assert code == 0, output
    words, tree = Words(real_project, real_project.lang(lang)), real_project.tree
    facts = real_project.content.facts
    assert rules.unlimited(facts.device(device).limits)
    assert words.title(tree.outcomes["withdrawal-no-limit"]) in output
    assert words.title(tree.outcomes["withdrawal-within-limit"]) not in output
    for question in ("withdraw-day", "withdraw-five-days"):
        assert words.question(tree.questions[question]) not in output
    name = words.lang.t(facts.device(device).name)
    diagnosis = output.split("\n\n")[1].replace("\n", "")
    assert name in diagnosis


@pytest.mark.parametrize(
    ("answers", "listed"),
    [
        (["problem=nonsense"], "ib-key, lost-phone, choose-device"),
        (["nowhere=1"], "problem"),
        (["problem=share-device"], "share-situation=want-to-share"),
    ],
)
def test_diagnose_rejects_bad_answers_listing_valid_choices(
    answers: list[str], listed: str
) -> None:
    code, output = invoke("diagnose", *[a for ans in answers for a in ("--answer", ans)])
    assert code == 2
    assert listed in output


def test_every_path_of_paths_json_diagnoses_to_its_outcome() -> None:
    code, output = invoke("paths", "--json")
    assert code == 0
    paths = json.loads(output)["paths"]
    one_per_outcome = {p["outcome"]: p for p in paths}
    assert len(one_per_outcome) >= 20
    for path in one_per_outcome.values():
        args = [
            a for step in path["trail"] for a in ("--answer", f"{step['node']}={step['option']}")
        ]
        code, output = invoke("diagnose", "--json", *args)
        assert code == 0, output
        assert json.loads(output)["outcome"] == path["outcome"]


def test_check_reports_valid_content() -> None:
    code, output = invoke("check")
    assert code == 0
    assert "Content is valid" in output


def _wizard(lang: str) -> pexpect.spawn:
    return pexpect.spawn(
        str(BIN / "troubleshooter"),
        ["wizard", "--lang", lang],
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 120),
        env={"PATH": str(BIN), "LANGUAGE": lang},
    )


def _numbers(session: Session, *numbers: int) -> tuple[Session, list[Question]]:
    """The session after choosing the options numbered ``numbers``, and the questions asked."""
    asked = []
    for n in numbers:
        question = session.state.question
        assert question is not None
        asked.append(question)
        session = session.answer(question.options[n - 1].id)
    return session, asked


def test_wizard_in_a_terminal_goes_back_restarts_and_ends_with_the_trail(
    real_project: Project,
) -> None:
    words = Words(real_project, real_project.lang("en"))
    start = Session(real_project.tree, real_project.content.facts)
    end, (first, second, third) = _numbers(start, 1, 1, 2)
    assert end.state.outcome is not None
    child = _wizard("en")
    child.expect_exact(words.question(first))
    child.sendline("12")
    child.expect_exact(f"Please type a number from 1 to {len(first.options)}")
    child.sendline("b")
    child.expect("This is the first question")
    child.sendline("１")  # full-width digits and letters work as typed on a Chinese keyboard
    child.expect_exact(words.question(second))
    child.sendline("ｂ")
    child.expect_exact(words.question(first))
    child.sendline("1")
    child.sendline("r")
    child.expect_exact(words.question(first))
    child.sendline("1")
    child.expect_exact(words.question(second))
    child.sendline("1")
    child.expect_exact(words.question(third))
    child.sendline("2")
    child.expect_exact(f"== {words.title(end.state.outcome)} ==")
    child.expect("Still stuck")
    child.expect("Your answers")
    child.expect_exact(words.option(first, first.options[0]))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


CHALLENGE_SHOWN = "Login screen: username and password accepted. Challenge code: %(code)s"


def _code(translation: str, digits: int) -> str:
    """A pattern for the few characters before ``%(code)s`` in ``translation``, then the code."""
    before = translation.split("%(code)s")[0][-3:]
    return re.escape(before) + rf"\s*(\d{{{digits}}})"


def test_wizard_in_chinese_offers_a_practice_after_a_refused_response(
    real_project: Project,
) -> None:
    """Each expected text is the start of its translation in the catalog (lines may wrap)."""
    _ = gettext_for("zh")
    tree, words = real_project.tree, Words(real_project, real_project.lang("zh"))
    child = _wizard("zh")
    for node, option in (("problem", "dsc"), ("dsc-problem", "response-refused")):
        question = tree.questions[node]
        child.expect_exact(words.question(question)[:6])
        child.sendline(str([o.id for o in question.options].index(option) + 1))
    child.expect_exact(_("Your answers (read them out if you call Client Services):")[:4])
    child.expect(r"y/n")
    child.sendline("y")
    child.expect(_code(_(CHALLENGE_SHOWN), 6))
    challenge = child.match.group(1)
    child.expect_exact(_("Type the PIN on the card")[:4])
    child.sendline("1234")
    child.expect_exact(_("Type the challenge code on the card")[:4])
    child.sendline(challenge)
    child.expect(_code(_("The card shows the response code %(code)s"), 8))
    child.sendline(child.match.group(1))
    child.expect_exact(_(HINTS[Reason.ACCEPTED])[:4])
    child.expect(pexpect.EOF)


def _piped(args: list[str], stdin: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "troubleshooter"), *args],
        input=stdin,
        text=True,
        capture_output=True,
        timeout=60,
        env={"LANGUAGE": lang},
    )


@pytest.mark.parametrize("stdin", ["5\n2\n", "q\n", ""], ids=["answers", "quit", "eof"])
def test_wizard_works_when_piped(real_project: Project, stdin: str) -> None:
    words = Words(real_project, real_project.lang("en"))
    end, _ = _numbers(Session(real_project.tree, real_project.content.facts), 5, 2)
    assert end.state.outcome is not None
    result = _piped(["wizard"], stdin)
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    title = f"== {words.title(end.state.outcome)} =="
    assert (title in result.stdout) == (stdin == "5\n2\n")


def test_wizard_offers_practice_on_the_first_login_with_the_card(real_project: Project) -> None:
    tree = real_project.tree
    state = next(
        s for s in paths(tree, real_project.content.facts) if s.outcome and s.outcome.practice
    )
    numbers = [
        [o.id for o in tree.questions[node].options].index(option) + 1
        for node, option in state.trail
    ]
    result = _piped(["wizard"], "".join(f"{n}\n" for n in numbers) + "n\n")
    assert "Practise with a demo card now?" in result.stdout


@pytest.mark.parametrize("lang", LANGS)
def test_wizard_wraps_to_the_terminal_without_breaking_words(lang: str) -> None:
    """Lines fit 40 columns; English words stay whole; Chinese breaks between characters."""
    child = pexpect.spawn(
        str(BIN / "troubleshooter"),
        ["wizard", "--lang", lang],
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 40),
        env={"PATH": str(BIN), "LANGUAGE": lang, "COLUMNS": "40"},
    )
    child.expect([gettext_for(code)("Your choice") for code in LANGS])
    child.sendline("2")  # the lost phone: a long outcome
    child.expect(pexpect.EOF)
    lines = child.before.replace("\r", "").splitlines()[1:]  # the echo of the answer aside
    assert all(cell_width(line) <= 40 or len(line.split()) == 1 for line in lines)  # or a path
    words = {w for line in lines for w in line.split()}
    if lang == "en":
        assert "Client" in words and "Services" in " ".join(lines)
        assert not [w for w in words if w in ("Cli", "ent", "Serv", "ices")]


def test_command_help_follows_the_language_of_the_environment() -> None:
    assert "Show this message" in _piped(["--help"], "", "en").stdout
    wizard_help = "Answer a few questions and get the fix: one question at a time."
    chinese = gettext_for("zh")(wizard_help)
    assert chinese != wizard_help
    assert chinese[:6] in _piped(["--help"], "", "zh_CN.UTF-8").stdout
    traditional = gettext_for("zh-Hant")(wizard_help)
    assert traditional != chinese
    assert traditional[:6] in _piped(["--help"], "", "zh_TW.UTF-8").stdout
    assert traditional[:6] in _piped(["--help"], "", "zh_HK.UTF-8").stdout


@pytest.mark.parametrize(
    "answers",
    [
        ["problem=dsc", "dsc-problem=buttons-dead", "ibkey-os=android"],
        ["problem=ib-key", "problem=dsc", "dsc-problem=buttons-dead"],
    ],
    ids=["off-the-path", "twice"],
)
def test_diagnose_rejects_answers_it_did_not_use(answers: list[str]) -> None:
    code, output = invoke("diagnose", *[a for ans in answers for a in ("--answer", ans)])
    assert code == 2
    assert "not on the path" in output
    assert "the path taken: problem=dsc dsc-problem=buttons-dead" in output
