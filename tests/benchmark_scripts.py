"""Importing a benchmark script from its path: ``benchmarks/`` is a folder of scripts, not a package,
and the sdist ships ``tests/`` without it (the test is skipped there)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).parents[1] / "benchmarks"


def load_script(name: str) -> ModuleType:
    """``benchmarks/NAME.py`` as a module, registered under its own name (its dataclasses look their
    module up)."""
    path = BENCHMARKS / f"{name}.py"
    if not path.is_file():
        pytest.skip(f"{path} is not in this tree")
    spec = importlib.util.spec_from_file_location(f"ctkg_benchmark_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
