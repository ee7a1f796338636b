"""``troubleshooter build-docs``: one language as a project any engine builds, no hook involved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import BIN, ROOT, lang_tag, run
from tests.languages import CHINESE, LANGS, OTHERS
from troubleshooter.engines.builddocs import config_file
from troubleshooter.engines.material_search import search_tags
from troubleshooter.project import Project


def build_docs(out: Path, *args: str, root: Path = ROOT) -> tuple[int, str, str]:
    result = run(
        [str(BIN / "troubleshooter"), "build-docs", "--out", str(out), "--root", str(root), *args],
        cwd=out.parent,
    )
    return result.returncode, result.stdout, result.stderr


def _pages(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text("utf-8") for p in sorted(site.rglob("*.html"))}


def _index(site: Path) -> tuple[object, list[str]]:
    """The search index: its settings, and its entries in any order (file order differs)."""
    data = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    entries = sorted(json.dumps(d, sort_keys=True, ensure_ascii=False) for d in data["docs"])
    return data["config"], entries


@pytest.mark.parametrize("lang", LANGS)
def test_plain_mkdocs_builds_the_same_site_as_the_hook(
    lang: str, tmp_path: Path, built_site: Path
) -> None:
    out = tmp_path / "docs-tree"
    code, stdout, stderr = build_docs(out, "--lang", lang)
    assert code == 0, stderr
    config = out / "mkdocs.yml"
    assert str(config) in stdout
    assert "hooks" not in yaml.load(config.read_text("utf-8"), Loader=yaml.Loader)
    # From another folder, with no hook anywhere: the build needs only the written tree.
    build = run([str(BIN / "mkdocs"), "build", "--strict", "-f", str(config)], cwd=tmp_path)
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stderr, build.stderr
    site = out / "site" / lang
    assert _pages(site) == _pages(built_site / lang)
    assert _index(site) == _index(built_site / lang)
    root_page = (out / "site" / "index.html").read_text("utf-8")
    assert root_page == (built_site / "index.html").read_text("utf-8")
    articles = {p.stem for p in (ROOT / "content" / "articles").glob("*.yml")}
    assert {p.parent.name for p in (site / "articles").glob("*/index.html")} == articles


@pytest.mark.parametrize("lang", CHINESE)
def test_chinese_search_keeps_glossary_words_through_the_search_settings(
    tmp_path: Path, real_project: Project, lang: str
) -> None:
    out = tmp_path / lang
    assert build_docs(out, "--lang", lang)[0] == 0
    config = yaml.load((out / "mkdocs.yml").read_text("utf-8"), Loader=yaml.Loader)
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    words = Path(search["jieba_dict_user"]).read_text("utf-8").split()
    terms = {t.words[lang] for t in real_project.content.glossary if lang in t.words}
    terms = {term for term in terms if " " not in term}
    assert terms and terms <= set(words)


@pytest.mark.parametrize(
    ("lang", "keyword", "tags"),
    [
        pytest.param("en", "share a device", ["share a device"], id="English-as-written"),
        pytest.param("zh", "共享设备", ["共享设备", "共享设"], id="run-without-its-last"),
        pytest.param("zh", "忘记PIN", ["忘记PIN", "忘PIN", "忘"], id="mixed-as-searched"),
        pytest.param(
            "zh-Hant", "致電IBKR客服", ["致電IBKR客服", "致IBKR客", "致", "客"], id="two-runs"
        ),
        pytest.param(
            "zh", "临时码 共享设备", ["临时码 共享设备", "临时", "共享设"], id="two-words"
        ),
        pytest.param("zh", "A股", ["A股"], id="one-character-run-as-written"),
    ],
)
def test_chinese_keywords_are_tagged_as_the_search_box_reads_them(
    lang: str, keyword: str, tags: list[str]
) -> None:
    """Material's search box looks a Han run up without its last character and glues it
    back to the Latin beside it: a Chinese keyword is tagged in those forms too."""
    assert search_tags(lang)([keyword]) == tags


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_only_material_gets_the_search_forms_of_keywords(tmp_path: Path, engine: str) -> None:
    """Zensical shows a page's keywords under it, and segments Chinese queries itself."""
    out = tmp_path / engine
    assert build_docs(out, "--lang", "zh", "--engine", engine)[0] == 0
    page = (out / "docs" / "articles" / "dsc-login.md").read_text("utf-8")
    front = yaml.safe_load(page.split("---")[1])
    assert "忘记PIN" in front["tags"]
    assert ("忘PIN" in front["tags"]) == (engine == "mkdocs")


def test_a_folder_holding_something_else_is_refused_untouched(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", "utf-8")
    code, _, stderr = build_docs(out, "--lang", "en")
    assert code == 2
    assert "--out" in stderr and "build-docs" in stderr
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_an_earlier_output_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "tree"
    assert build_docs(out, "--lang", "en")[0] == 0
    (out / "docs" / "stale.md").write_text("# old", "utf-8")
    assert build_docs(out, "--lang", "zh-Hant")[0] == 0
    assert not (out / "docs" / "stale.md").exists()
    assert "language: zh-Hant" in (out / "mkdocs.yml").read_text("utf-8")


def test_bad_content_writes_nothing(tmp_path: Path, project: Path) -> None:
    facts = project / "content" / "facts.yml"
    facts.write_text(facts.read_text("utf-8") + "\n  bad: [unclosed\n", "utf-8")
    out = tmp_path / "tree"
    code, _, stderr = build_docs(out, "--lang", "en", root=project)
    assert code == 1
    assert "facts.yml:" in stderr and "Traceback" not in stderr
    assert not out.exists()


@pytest.mark.parametrize("lang", OTHERS)
def test_a_broken_language_configuration_is_reported_with_its_line(
    tmp_path: Path, project: Path, lang: str
) -> None:
    name = config_file(lang)
    config = project / name
    config.write_text(config.read_text("utf-8") + "theme: [unclosed\n", "utf-8")
    code, _, stderr = build_docs(tmp_path / lang, "--lang", lang, root=project)
    assert code == 1
    assert f"{name}:" in stderr and "YAML" in stderr and "Traceback" not in stderr
    config.unlink()
    code, _, stderr = build_docs(tmp_path / lang, "--lang", lang, root=project)
    assert code == 1
    assert f"{name}:1: no such MkDocs configuration" in stderr


def test_zensical_builds_the_generated_tree(tmp_path: Path, built_site: Path) -> None:
    """Zensical (pinned in pyproject.toml) builds every page, with the theme's words."""
    out = tmp_path / "zensical"
    assert build_docs(out, "--lang", "en", "--engine", "zensical")[0] == 0
    assert not (out / "overrides" / "partials" / "search.html").exists()  # Material's only
    build = run([str(BIN / "zensical"), "build", "--strict", "-f", "mkdocs.yml"], cwd=out)
    assert build.returncode == 0, build.stdout + build.stderr
    site = out / "site" / "en"
    assert set(_pages(site)) == set(_pages(built_site / "en"))
    not_found = (site / "404.html").read_text("utf-8")
    assert "Page not found" in not_found
    for lang in LANGS:
        assert f'href="/{lang}/" hreflang="{lang_tag(lang)}"' in not_found
