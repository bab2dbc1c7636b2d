"""Evidence-synthesis commands: ``meta``, and the contrast formats of ``export``."""

from __future__ import annotations

import argparse
import sys

from kg.cli.targets import reader


def synthesis_bytes(target, args: argparse.Namespace) -> bytes:
    """The store's contrasts in one synthesis format; warnings (conflicting sources, unknown
    baseline SEs) go to standard error."""
    from kg.synthesis.contrasts import contrasts

    items = contrasts(target)
    if args.format == "contrasts":
        from kg.synthesis.exports import contrasts_csv

        return contrasts_csv(items).encode()
    if args.format == "fhir":
        from kg.synthesis.fhir import bundle_json

        return bundle_json(items).encode()
    from kg.synthesis.exports import network_csv
    from kg.synthesis.network import select, studies

    network = studies(select(items, args.outcome, args.measure))
    if not network:
        raise ValueError(f"no {args.measure} contrast with a standard error on {args.outcome!r}")
    for study in network:
        for warning in study.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    return network_csv(args.format, network).encode()


def meta_command(args: argparse.Namespace) -> int:
    from kg.files import write_atomically
    from kg.synthesis.contrasts import contrasts
    from kg.synthesis.meta import pool, study_effects, table

    with reader(args) as target:
        items = contrasts(target)
    effects = study_effects(items, args.outcome, args.treatment, args.comparator, args.measure)
    if len(effects) < 2:
        found = ", ".join(f"{e.label} ({e.source.source_file})" for e in effects) or "none"
        raise ValueError(
            f"{args.measure} of {args.treatment} vs {args.comparator} on {args.outcome!r}: "
            f"{len(effects)} trial(s) with a standard error ({found}); pooling needs two or more"
        )
    result = pool([e.y for e in effects], [e.se for e in effects])
    log = effects[0].source.log_scale
    print(f"{args.outcome}: {args.treatment} vs {args.comparator} ({args.measure})")
    print(table(effects, result, log, args.measure))
    if log:
        from kg.synthesis.plot import forest

        caption = f"{args.outcome}: {args.treatment} vs {args.comparator}"
        write_atomically(forest(effects, result, args.measure, caption).encode(), args.svg)
        print(f"wrote {args.svg}", file=sys.stderr)
    else:
        print("no forest plot: the plot's axis is logarithmic, for ratios only", file=sys.stderr)
    return 0
