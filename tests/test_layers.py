"""The layers of ARCHITECTURE.md, checked on the code itself.

Every module under cms/ and translations/ (migrations aside) is parsed with ``ast`` and its
imports, module-level or inside functions, are mapped to apps. An app may import an app of
a lower layer; it may never import one of a higher layer, and no two apps may depend on
each other, directly or through others. Inside an app, no two modules import each other
either (importing ``a.b.c`` runs ``a/b/__init__.py`` too, so that counts). Modules stay
under MAX_LINES. ARCHITECTURE.md mirrors LAYERS.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("cms", "translations")
MAX_LINES = 400

# Top to bottom. A name is an app: a package, or a module standing alone (cms.urls).
LAYERS: list[tuple[str, list[str]]] = [
    (
        "site & demo",
        [
            "cms.urls",
            "cms.wsgi",
            "cms.settings",
            "cms.demo",
            "cms.syndication",
            "cms.measurement",
            "cms.catalogue",
        ],
    ),
    (
        "content",
        [
            "cms.home",
            "cms.stories",
            "cms.galleries",
            "cms.provinces",
            "cms.people",
            "cms.events",
            "cms.press",
            "cms.clarifications",
            "cms.submissions",
            "cms.newsletters",
            "cms.social",
            "cms.displays",
        ],
    ),
    (
        "services",
        ["cms.aggregator", "cms.search", "translations", "cms.ops", "cms.accounts"],
    ),
    ("bottom", ["cms.core", "cms.taxonomy", "cms.text"]),
]
LAYER_OF = {app: depth for depth, (_, apps) in enumerate(LAYERS) for app in apps}


def source_files() -> list[Path]:
    return sorted(
        path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    )


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def app_of(module: str) -> str | None:
    """The app a dotted module name belongs to, None outside our packages."""
    for app in sorted(LAYER_OF, key=len, reverse=True):
        if module == app or module.startswith(app + "."):
            return app
    return None


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, at any depth (functions and methods included)."""
    module = module_name(path)
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            # `from cms import demo` imports the app cms.demo.
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def app_imports() -> dict[str, dict[str, set[str]]]:
    """{importing app: {imported app: {modules of the importer that do it}}}."""
    graph: dict[str, dict[str, set[str]]] = {}
    for path in source_files():
        module = module_name(path)
        if module == "cms":  # the project package itself: empty
            continue
        importer = app_of(module)
        assert importer, f"{module} belongs to no layer: add its app to LAYERS"
        for target in imported_modules(path):
            imported = app_of(target)
            if imported and imported != importer:
                graph.setdefault(importer, {}).setdefault(imported, set()).add(module)
    return graph


def module_imports() -> dict[str, dict[str, set[str]]]:
    """{module: {module or package it imports, itself or through a submodule: {module}}}."""
    modules = {module_name(path): path for path in source_files()}

    def known(name: str) -> str:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name

    graph: dict[str, dict[str, set[str]]] = {}
    for module, path in modules.items():
        for target in imported_modules(path):
            name = known(target)
            while name and name not in PACKAGES:
                # A module's own packages are running already when it is imported.
                if name != module and not module.startswith(name + "."):
                    graph.setdefault(module, {})[name] = {module}
                name = name.rpartition(".")[0]
    return graph


def cycles(graph: dict[str, dict[str, set[str]]], nodes=None) -> list[list[str]]:
    """Strongly connected groups of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(app: str) -> None:
        index[app] = low[app] = len(index)
        stack.append(app)
        for other in graph.get(app, {}):
            if other not in index:
                visit(other)
                low[app] = min(low[app], low[other])
            elif other in stack:
                low[app] = min(low[app], index[other])
        if low[app] == index[app]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == app:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(nodes or LAYER_OF):
        if node not in index:
            visit(node)
    return groups


def test_no_app_imports_a_higher_layer():
    upward = [
        f"{importer} ({LAYERS[LAYER_OF[importer]][0]}) imports {imported} "
        f"({LAYERS[LAYER_OF[imported]][0]}) in {', '.join(sorted(modules))}"
        for importer, targets in sorted(app_imports().items())
        for imported, modules in sorted(targets.items())
        if LAYER_OF[imported] < LAYER_OF[importer]
    ]
    assert not upward, "\n".join(upward)


def test_no_two_apps_import_each_other():
    graph = app_imports()
    found = []
    for group in cycles(graph):
        edges = [
            f"  {a} -> {b} in {', '.join(sorted(graph[a][b]))}"
            for a in group
            for b in group
            if b in graph.get(a, {})
        ]
        found.append(" <-> ".join(group) + "\n" + "\n".join(edges))
    assert not found, "\n".join(found)


def test_no_two_modules_import_each_other():
    graph = module_imports()
    found = [" <-> ".join(group) for group in cycles(graph, nodes=graph)]
    assert not found, "\n".join(found)


def test_modules_stay_under_the_line_limit():
    too_long = [
        f"{path.relative_to(ROOT)}: {lines} lines"
        for path in source_files()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert not too_long, "\n".join(too_long)


def test_checker_sees_function_level_and_relative_imports(tmp_path):
    package = tmp_path / "cms" / "search"
    package.mkdir(parents=True)
    module = package / "views.py"
    module.write_text(
        "from . import query\n"
        "from .backends import base\n"
        "def view():\n"
        "    from cms.aggregator.models import NewsItem\n"
        "    import translations.tasks\n"
    )
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        found = imported_modules(module)
    finally:
        ROOT = saved
    assert {"cms.search.query", "cms.search.backends.base", "cms.aggregator.models"} <= found
    assert "translations.tasks" in found
