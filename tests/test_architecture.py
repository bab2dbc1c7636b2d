"""The import rules of README's "Architecture" section hold: each layer imports only the layers
below it (kg.cli may import anything; nothing imports kg.cli)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).parents[1] / "kg"

FOUNDATION = {
    "kg",  # the package itself: its version
    "kg.namespaces",
    "kg.resources",
    "kg.model",
    "kg.model_base",
    "kg.model_results",
    "kg.pools",
    "kg.progress",
    "kg.swap",
    "kg.triples",
    "kg.files",
    "kg.jsonld",
    "kg.figures",
}
READING = {"kg.sources", "kg.extraction", "kg.normalize", "kg.lexicon", "kg.fetch", "kg.inputs"}
MAPPING = {"kg.mapping", "kg.mapping_results", "kg.mapping_writer", "kg.iris"}
STORES = {"kg.stores"}
GRAPH = {
    "kg.build",
    "kg.bulk",
    "kg.distributed",
    "kg.validate",
    "kg.shacl_sparql",
    "kg.queries",
    "kg.paging",
    "kg.export",
    "kg.owl",
    "kg.enrich",
    "kg.summary",
    "kg.findings",
    "kg.typed_nodes",
}
SERVING = {"kg.web", "kg.synthesis"}

# what each layer may import besides itself and the foundation
ALLOWED = {
    "foundation": set(),
    "reading": READING,
    "mapping": MAPPING | {"kg.extraction", "kg.stores.graphs"},  # graph IRIs are minted by the stores
    "stores": STORES,
    "graph": READING | MAPPING | STORES | GRAPH,
    "serving": STORES | GRAPH | SERVING,
}
LAYERS = {
    "foundation": FOUNDATION,
    "reading": READING,
    "mapping": MAPPING,
    "stores": STORES,
    "graph": GRAPH,
    "serving": SERVING,
}


def _unit(module: str, units: set[str]) -> str | None:
    """The longest known unit (module or package) a dotted module name falls in."""
    if module == "kg":
        return module if module in units else None
    parts = module.split(".")
    for n in range(len(parts), 1, -1):  # "kg" alone names the package, not all of it
        if ".".join(parts[:n]) in units:
            return ".".join(parts[:n])
    return None


def _layer(module: str) -> str:
    for name, units in LAYERS.items():
        if _unit(module, units) is not None:
            return name
    raise AssertionError(f"{module}: in no layer of README's Architecture section")


def _imports() -> list[tuple[str, str]]:
    """(importing module, imported kg module) for every kg import in the package."""
    found = []
    for path in KG.rglob("*.py"):
        module = ".".join(path.relative_to(KG.parent).with_suffix("").parts).removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "kg":
                found += [(module, node.module)]
            elif isinstance(node, ast.Import):
                found += [(module, a.name) for a in node.names if a.name.split(".")[0] == "kg"]
    return found


IMPORTS = _imports()


def test_every_module_belongs_to_a_layer():
    for module, _ in IMPORTS:
        if not module.startswith("kg.cli"):
            _layer(module)


@pytest.mark.parametrize("layer", list(LAYERS))
def test_a_layer_imports_only_what_is_below_it(layer):
    allowed = FOUNDATION | ALLOWED[layer]
    broken = [
        f"{module} imports {target}"
        for module, target in IMPORTS
        if not module.startswith("kg.cli")
        and _layer(module) == layer
        and not target.startswith("kg.cli")
        and _unit(target, allowed) is None
    ]
    assert broken == []


def test_nothing_imports_the_command_line():
    assert [(m, t) for m, t in IMPORTS if t.startswith("kg.cli") and not m.startswith("kg.cli")] == []


def test_the_rules_can_fail():
    """A parser importing the stores breaks the one-way data flow: the check sees it."""
    assert _layer("kg.sources.pubmed_page") == "reading"
    assert _unit("kg.stores.embedded", FOUNDATION | ALLOWED["reading"]) is None
