"""No import cycles in reader/, deferred and TYPE_CHECKING imports included.

Every module is parsed with ``ast``; each ``import``/``from ... import`` anywhere in it (in a
function, under ``if TYPE_CHECKING:``) is an edge to the reader module it names. A strongly
connected component of more than one module is a cycle.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "reader"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = name.split(".")
                    anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
            for target in targets:
                # the deepest reader module the import names (a name may be a function)
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name and target.startswith("reader"):
                    graph[name].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one member."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_graph_sees_deferred_and_type_checking_imports() -> None:
    graph = _graph()
    # reader.core.search imports the word-form search inside find() only
    assert "reader.core.kazakh.wordsearch" in graph["reader.core.search"]
    assert "reader.gui.main_window" in graph["reader.gui.features"]
    assert "reader.core.ner.entities" in graph["reader.export.common"]  # TYPE_CHECKING


def test_there_are_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def test_features_never_import_the_window() -> None:
    graph = _graph()
    # the composition root and the application that owns the window (and rebuilds it)
    allowed = {"reader.gui.features", "reader.gui.app", "reader.gui.window_host"}
    importers = sorted(m for m, deps in graph.items() if "reader.gui.main_window" in deps)
    assert [m for m in importers if m not in allowed] == []
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (PACKAGE / "gui").rglob("*.py"))
    assert "getattr(window" not in sources and "getattr(self.window" not in sources
