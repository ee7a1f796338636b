"""A synthetic help centre of N articles per language, for the scale benchmark.

``make_project(dest, n)`` copies the project's skeleton (configuration, assets,
templates, facts, glossary, tree and wizard, and the real articles the tree
points at), writes ``n - 7`` generated articles with varied blocks, a
``site.yml`` listing all of them, and a Chinese catalog: the real catalog's
entries plus a pseudo-translation (Chinese characters) of every new string that
keeps its placeholders and the glossary's Chinese terms, so ``troubleshooter
check`` passes. Nothing it writes is committed: it goes to a temporary folder.

Try it: ``python -m bench.synthetic /tmp/kb 100 && cd /tmp/kb && mkdocs build``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml
from babel.messages.pofile import read_po, write_po

from bench._common import ROOT, copy_project
from troubleshooter.content.model import NOTE_KINDS
from troubleshooter.content.source import PLACEHOLDER
from troubleshooter.languages.i18n import catalog_path, languages

SKELETON = (
    "docs",
    "overrides",
    "overrides-material",
    "templates",
    "locales",
    "mkdocs.yml",
    "mkdocs.*.yml",
    "babel.cfg",
)
CONTENT = ("facts.yml", "glossary.yml", "external.yml", "tree.yml", "wizard.yml")
PER_TOPIC = 12
_TEXT = (
    "open the app and check that your phone shows the right time before you continue "
    "after a new phone you sign in again with the username and password of your account "
    "the code appears on the screen for a short while and changes every thirty seconds "
    "support can help when the device is lost stolen broken or no longer shows a code "
    "choose the device from the list then confirm the request with the button below "
    "a withdrawal above the limit needs a stronger device or a second confirmation step"
)
WORDS = _TEXT.split()
TERMS = (
    "IB Key",
    "Client Portal",
    "Digital Security Card+",
    "Security Code Card",
    "IBKR Mobile",
    "TWS",
    "Secure Login System",
)
FACTS = ("%(dsc_plus_threshold)s", "%(tws_m2fs)s", "%(limit_ibkr_mobile_day)s")
CJK = [chr(c) for c in range(0x4E00, 0x4E00 + 2000)]


def _sentence(rng: random.Random, words: int = 12) -> str:
    parts = rng.sample(WORDS, k=min(words, len(WORDS)))
    if rng.random() < 0.5:
        parts.insert(rng.randrange(len(parts)), rng.choice(TERMS))
    if rng.random() < 0.15:
        parts.insert(rng.randrange(len(parts)), rng.choice(FACTS))
    text = " ".join(parts)
    return text[0].upper() + text[1:] + "."


def _block(rng: random.Random, i: int, s: int, kind: int) -> dict[str, Any]:
    if kind == 0:
        return {"text": _sentence(rng, rng.randint(10, 30))}
    if kind == 1:
        return {"steps": [_sentence(rng, rng.randint(6, 16)) for _ in range(rng.randint(3, 6))]}
    if kind == 2:
        return {"list": [_sentence(rng, rng.randint(4, 10)) for _ in range(rng.randint(2, 5))]}
    if kind == 3:
        note = {"kind": NOTE_KINDS[(i + s) % len(NOTE_KINDS)], "title": _sentence(rng, 3)[:-1]}
        return {"note": note | {"text": _sentence(rng, 18)}}
    if kind == 4:
        return {
            "tabs": {
                "android": [{"text": _sentence(rng, 14)}],
                "ios": [{"text": _sentence(rng, 14)}, {"steps": [_sentence(rng, 8)] * 2}],
            }
        }
    if kind == 5 and i % 5 == 0:
        return {"table": "withdrawal-limits"}
    if kind == 6 and i > 0:
        return {"see": f"synthetic-{i - 1:04d}#section-1"}
    return {"text": _sentence(rng, 20)}


def article(i: int) -> dict[str, Any]:
    """The ``i``-th synthetic article: 2 to 5 sections of 2 to 5 varied blocks."""
    rng = random.Random(i)
    sections = []
    for s in range(1, rng.randint(2, 5) + 1):
        body = [_block(rng, i, s, rng.randrange(7)) for _ in range(rng.randint(2, 5))]
        sections.append({"id": f"section-{s}", "title": _sentence(rng, 4)[:-1], "body": body})
    data: dict[str, Any] = {"slug": f"synthetic-{i:04d}"}
    if i % 2:
        data["kb"] = f"KB9{i:04d}"
    data |= {
        "reviewed": dt.date(2026, 1 + i % 12, 1 + i % 28),
        "title": f"Synthetic article {_sentence(rng, 5)[:-1].lower()}",
        "summary": _sentence(rng, 20),
        "sections": sections,
    }
    if i > 0:
        data["related"] = [f"synthetic-{i - 1:04d}", "sls-overview"]
    return data


def pseudo_zh(msgid: str, glossary: list[tuple[str, str]]) -> str:
    """Chinese-looking text for ``msgid``: its placeholders and glossary terms kept."""
    digest = hashlib.sha256(msgid.encode()).digest()
    chars = "".join(
        CJK[(b * 7 + n) % len(CJK)] for n, b in enumerate(digest[: 4 + len(msgid) // 8])
    )
    terms = [zh for en, zh in glossary if re.search(rf"(?<!\w){re.escape(en)}(?!\w)", msgid)]
    placeholders = [f"%({name})s" for name in PLACEHOLDER.findall(msgid)]
    return "".join(terms) + chars + "".join(placeholders) + "。"


def make_project(dest: Path, n: int) -> Path:
    """A project of ``n`` articles (the real ones included) in ``dest``."""
    copy_project(dest, SKELETON)
    (dest / "content" / "articles").mkdir(parents=True)
    for name in CONTENT:
        shutil.copy2(ROOT / "content" / name, dest / "content" / name)
    real = sorted((ROOT / "content" / "articles").glob("*.yml"))
    for path in real:
        shutil.copy2(path, dest / "content" / "articles" / path.name)
    site = yaml.safe_load((ROOT / "content" / "site.yml").read_text(encoding="utf-8"))
    generated = [article(i) for i in range(max(0, n - len(real)))]
    for data in generated:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=88)
        (dest / "content" / "articles" / f"{data['slug']}.yml").write_text(text, encoding="utf-8")
    for start in range(0, len(generated), PER_TOPIC):
        slugs = [d["slug"] for d in generated[start : start + PER_TOPIC]]
        site["topics"].append(
            {"id": f"synthetic-{start // PER_TOPIC}", "title": "More answers", "articles": slugs}
        )
    (dest / "content" / "site.yml").write_text(
        yaml.safe_dump(site, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    _translate(dest, generated)
    return dest


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [" ".join(value.split())]
    if isinstance(value, dict):
        skip = {"slug", "kb", "id", "kind", "table", "see", "related"}
        return [s for k, v in value.items() if k not in skip for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _translate(dest: Path, generated: list[dict[str, Any]]) -> None:
    terms = yaml.safe_load((ROOT / "content" / "glossary.yml").read_text(encoding="utf-8"))
    for code in languages(dest / "locales")[1:]:
        po = catalog_path(dest / "locales", code)
        with po.open("rb") as f:
            catalog = read_po(f)
        glossary = [(t["en"], t[code]) for t in terms if code in t]
        for msgid in ["More answers", *(s for data in generated for s in _strings(data))]:
            if msgid not in catalog:
                catalog.add(msgid, pseudo_zh(msgid, glossary))
        with po.open("wb") as f:
            write_po(f, catalog, width=0, omit_header=False)


if __name__ == "__main__":
    make_project(Path(sys.argv[1]), int(sys.argv[2]))
