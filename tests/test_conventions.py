"""The house rules as tests (after datasette's tests/test_docs.py): the layering read from
the import graph, one home for each rule, thin pages, and a README that describes the tree.

Each check has a positive control, so a check that could never fail is itself caught.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP_PACKAGES = ("surveys", "analysis", "afterward", "clock")
PROJECT_TOP = {*APP_PACKAGES, "app_pages", "dashboard", "navigation"}
PAGE_LIMIT = 150  # lines: pages read input, call the wiring layer and draw


def app_files() -> list[Path]:
    files = [ROOT / "dashboard.py", ROOT / "navigation.py"]
    for top in (*APP_PACKAGES, "app_pages"):
        files += sorted((ROOT / top).rglob("*.py"))
    return files


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imported_modules(source: str, module: str = "", is_package: bool = False) -> set[str]:
    """Every module a source file imports, anywhere in the file (functions included), as a
    dotted name; relative imports are resolved against `module`."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join([*base, node.module] if node.module else base)
            else:
                prefix = node.module or ""
            found.add(prefix)
            # `from package import module` imports that module too.
            found.update(f"{prefix}.{alias.name}" for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.add(str(node.args[0].value))
    return found


def top_levels(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def import_graph() -> dict[Path, set[str]]:
    graph = {}
    for path in app_files():
        graph[path] = imported_modules(
            path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py"
        )
    return graph


# -- the import graph ------------------------------------------------------------------------


def test_the_import_reader_sees_every_form_of_import() -> None:
    """Positive control: the forms a substring check would miss are all found."""
    source = (
        "from duckdb import connect\n"
        "import duckdb.typing as t\n"
        "def later():\n    import streamlit as st\n"
        "from . import sibling\n"
        "from ..store import Store\n"
        "mod = importlib.import_module('analysis.themes')\n"
    )
    found = imported_modules(source, "surveys.store.aggregates")
    assert {"duckdb", "duckdb.typing", "streamlit", "analysis.themes"} <= found
    assert "surveys.store.sibling" in found
    assert "surveys.Store" in found or "surveys.store" in found
    assert "surveys" in top_levels(imported_modules("from ..store import Store", "surveys.x.y"))


def layering_violations(graph: dict[Path, set[str]]) -> list[str]:
    problems = []
    for path, modules in graph.items():
        rel = path.relative_to(ROOT).as_posix()
        tops = top_levels(modules)
        own = rel.split("/")[0].removesuffix(".py")
        if "duckdb" in tops and not rel.startswith("surveys/store/"):
            problems.append(f"{rel}: imports duckdb (only surveys/store/ may)")
        if own == "analysis" and tops & {
            "surveys",
            "afterward",
            "streamlit",
            "duckdb",
            "app_pages",
        }:
            problems.append(f"{rel}: analysis/ imports {sorted(tops & PROJECT_TOP - {own})}")
        if own == "surveys" and tops & {"analysis", "afterward", "streamlit", "app_pages"}:
            problems.append(f"{rel}: surveys/ imports {sorted(tops & {'analysis', 'afterward'})}")
        if own == "clock" and tops & (PROJECT_TOP | {"streamlit", "duckdb", "pandas"}) - {own}:
            problems.append(f"{rel}: clock/ must import nothing of the project")
        if own == "afterward" and "app_pages" in tops:
            problems.append(f"{rel}: the wiring layer imports a page")
        if rel.startswith(("afterward/services/", "afterward/output/")) and "streamlit" in tops:
            problems.append(f"{rel}: services and output must work without Streamlit")
        if own in ("app_pages", "dashboard", "navigation") and tops & (
            PROJECT_TOP - {"afterward", own}
        ):
            problems.append(
                f"{rel}: pages import only afterward/, not {sorted(tops & PROJECT_TOP)}"
            )
    return problems


def test_layering_holds_across_the_import_graph() -> None:
    """surveys/ collects and stores (only surveys/store/ imports duckdb), analysis/ is pure,
    afterward/ is the one wiring layer that imports both, pages import only afterward/."""
    assert layering_violations(import_graph()) == []


def test_layering_check_catches_a_violation() -> None:
    fake = {
        ROOT / "analysis" / "x.py": {"duckdb"},
        ROOT / "surveys" / "y.py": {"analysis.redaction"},
        ROOT / "app_pages" / "manager" / "z.py": {"surveys.store"},
        ROOT / "clock" / "__init__.py": {"surveys.setup"},
    }
    assert len(layering_violations(fake)) == 5  # analysis: duckdb twice over (both rules)


# -- one home for each rule ------------------------------------------------------------------


def code_outside(allowed: set[str]) -> list[tuple[str, str]]:
    return [
        (path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8"))
        for path in app_files()
        if path.relative_to(ROOT).as_posix() not in allowed
    ]


COUNTED = re.compile(r"responses|answers|count|\bn\b")
SQL_GATE = re.compile(
    r"(responses|answers|count)[\w.()*]*\s*(<|>|<=|>=)\s*[\w.]*threshold"
    r"|threshold\s*(<|>|<=|>=)\s*[\w.]*(responses|answers|count)"
)


def threshold_comparisons(rel: str, source: str) -> list[str]:
    """Comparisons of a count with a threshold ("enough responses to show?"), in Python and
    in SQL strings. Checking that a threshold setting is in range is not one of them."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            text = ast.unparse(node)
            if "threshold" in text and COUNTED.search(text):
                found.append(f"{rel}:{node.lineno}: {text}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if SQL_GATE.search(node.value):
                found.append(f"{rel}:{node.lineno}: SQL compares a count with a threshold")
    return found


def test_only_the_gate_compares_counts_with_a_threshold() -> None:
    gate = {"analysis/anonymity.py"}
    found = [
        hit for rel, source in code_outside(gate) for hit in threshold_comparisons(rel, source)
    ]
    assert found == []
    # Positive control: the check sees both forms.
    assert threshold_comparisons("x.py", "shown = f['responses'] >= f['threshold']")
    assert threshold_comparisons("x.py", "q = 'WHERE c.responses >= s.anonymity_threshold'")


QUARTER_MATH = re.compile(r"month\s*-\s*1\)\s*//\s*3|//\s*3\s*\+\s*1|\*\s*4\s*\+|index\s*//\s*4")
TODAY = re.compile(r"\bdate\.today\(\)|datetime\.now\(|datetime\.utcnow\(|\btime\.localtime\(")


def test_quarters_and_today_live_only_in_the_clock() -> None:
    clock = {"clock/__init__.py"}
    quarter_math = [rel for rel, source in code_outside(clock) if QUARTER_MATH.search(source)]
    today = [rel for rel, source in code_outside(clock) if TODAY.search(source)]
    assert quarter_math == [] and today == []
    assert QUARTER_MATH.search((ROOT / "clock" / "__init__.py").read_text())  # control


def status_literals(source: str) -> list[int]:
    """Lines where an action status only actions have is written as a string of its own
    (docstrings that mention one are prose, not a definition)."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and node.value in ("in_progress", "not_doing")
    ]


def test_action_statuses_are_defined_once() -> None:
    home = {
        "surveys/store/records.py",  # the definition
        "surveys/store/schema.py",  # migration history: the CHECK constraint as created
        "surveys/sample.py",  # sample data names the status of each sample action
    }
    found = [
        f"{rel}:{line}" for rel, source in code_outside(home) for line in status_literals(source)
    ]
    assert found == []
    assert status_literals((ROOT / "surveys/store/records.py").read_text())  # control


def test_no_import_time_copy_of_the_taxonomy() -> None:
    """The categories in effect are read at use time: no module-level CATEGORIES mapping."""
    for path in app_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else []
            if isinstance(node, ast.AnnAssign):
                targets = [node.target]
            names = {t.id for t in targets if isinstance(t, ast.Name)}
            assert not names & {"CATEGORIES", "CATEGORY_NAMES"}, path


# -- thin pages and a true README ------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [ROOT / "dashboard.py", ROOT / "navigation.py", *sorted((ROOT / "app_pages").rglob("*.py"))],
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_pages_stay_thin(page: Path) -> None:
    lines = len(page.read_text(encoding="utf-8").splitlines())
    assert lines <= PAGE_LIMIT, f"{lines} lines: move logic into afterward/services"


def readme_layout() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Layout\n(.*?)(?=^## )", text, flags=re.M | re.S)
    assert match, "README.md needs a '## Layout' section"
    return match.group(1)


def test_readme_layout_names_only_paths_that_exist() -> None:
    named = re.findall(r"`([\w./-]+(?:/|\.py|\.yaml))`", readme_layout())
    assert named, "the layout section names no paths"
    missing = [p for p in named if not (ROOT / p.replace("*", "")).exists() and "*" not in p]
    assert missing == []


def test_readme_layout_describes_every_package() -> None:
    layout = readme_layout()
    packages = [
        path.parent.relative_to(ROOT).as_posix() + "/"
        for top in APP_PACKAGES
        for path in (ROOT / top).rglob("__init__.py")
    ]
    undescribed = [p for p in packages if f"`{p}`" not in layout]
    assert undescribed == []
    # And every page folder.
    for folder in ("app_pages/public/", "app_pages/manager/"):
        assert f"`{folder}`" in layout


def test_no_two_modules_share_a_name() -> None:
    """A module's name says its one job. Pages are exempt: they live in `app_pages/` and are
    named after the subject they show (`app_pages/manager/themes.py` shows themes)."""
    seen: dict[str, list[str]] = {}
    for top in APP_PACKAGES:
        for path in (ROOT / top).rglob("*.py"):
            if path.name != "__init__.py":
                seen.setdefault(path.stem, []).append(path.relative_to(ROOT).as_posix())
    assert {name: paths for name, paths in seen.items() if len(paths) > 1} == {}


def test_no_pages_folder_beside_the_router() -> None:
    """A `pages/` folder next to the main script puts Streamlit in its legacy multipage mode
    until the first `st.navigation` call: the first visitor after a start who opens a deep
    link gets "Page not found" over the right page (streamlit#8860). Pages live in
    `app_pages/`."""
    assert not (ROOT / "pages").exists()
