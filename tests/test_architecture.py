"""The package's shape: subpackages by concept, no import cycle between them, and
ARCHITECTURE.md naming only subpackages that exist."""

from __future__ import annotations

import ast
import re
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "troubleshooter"
MAX_TOP_LEVEL_MODULES = 10


def _unit(module: str) -> str:
    """The subpackage a module belongs to, or the module itself when it is top-level."""
    parts = module.split(".")
    if len(parts) > 2 or (PACKAGE / parts[-1]).is_dir():
        return ".".join(parts[:2])
    return module


def _imports(path: Path) -> set[str]:
    """Modules of the package that ``path`` imports when it runs (not for type checking)."""
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text("utf-8"))
    type_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for stmt in block.body
        for node in ast.walk(stmt)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            # "from . import x" may name a module.
            names = [f"{target}.{alias.name}" for alias in node.names]
            found |= {n for n in names if _is_module(n)} or {target}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {m for m in found if m.split(".")[0] == "troubleshooter"}


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def dependencies() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        unit = _unit(module)
        targets = {_unit(m) for m in _imports(path)} - {unit, "troubleshooter"}
        graph.setdefault(unit, set()).update(targets)
    return graph


def test_no_import_cycle_between_subpackages_and_top_level_modules() -> None:
    graph = dependencies()
    assert "troubleshooter.tree" in graph["troubleshooter.publish"]  # the graph sees imports
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as e:
        raise AssertionError(f"import cycle: {' -> '.join(e.args[1])}") from e
    assert order.index("troubleshooter.verification") < order.index("troubleshooter.demo")


def test_few_modules_directly_in_the_package() -> None:
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(modules) <= MAX_TOP_LEVEL_MODULES, modules


def test_architecture_names_only_subpackages_that_exist() -> None:
    text = (ROOT / "ARCHITECTURE.md").read_text("utf-8")
    named = set(re.findall(r"`troubleshooter/(\w+)/`", text))
    existing = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert named == existing
