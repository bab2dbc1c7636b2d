"""The scale benchmark's steps (entry point: ``python benchmarks/scale.py``)."""
