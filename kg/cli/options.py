"""Command-line options shared by several ``ctkg`` commands."""

from __future__ import annotations

import argparse


def store_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--store",
        metavar="DIR",
        help="store folder (default: $CTKG_STORE or ~/.local/share/ctkg/store)",
    )


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return int(text)


def base_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--base", help="base IRI for instance data (default: $CTKG_BASE_IRI or https://w3id.org/ctkg/id/)"
    )


def endpoint_options(p: argparse.ArgumentParser, write: bool = False, loads: bool = False) -> None:
    """--endpoint and --timeout; with ``write`` where updates go (--update-url, --graph-store,
    --union); with ``loads`` how documents are sent (--protocol, --batch-size, ...)."""
    p.add_argument(
        "--endpoint",
        metavar="URL",
        help="SPARQL query endpoint of a remote store, instead of the embedded one"
        " (default: $CTKG_ENDPOINT or the config file); it must query the union of named graphs"
        " as its default graph (oxigraph serve --union-default-graph; Fuseki tdb:unionDefaultGraph)",
    )
    p.add_argument("--timeout", type=float, metavar="S", help="seconds to wait for the server (default 60)")
    if not write:
        return
    p.add_argument(
        "--update-url", metavar="URL", help="SPARQL Update endpoint (default: derived from --endpoint)"
    )
    p.add_argument(
        "--graph-store", metavar="URL", help="Graph Store endpoint (default: derived from --endpoint)"
    )
    p.add_argument(
        "--union",
        choices=("server", "kept"),
        help="server: the server queries the union of the named graphs (default); kept: ctkg keeps"
        " it, as a set, in the server's default graph, as in the embedded store (faster: Oxigraph"
        " without --union-default-graph)",
    )
    if not loads:
        return
    p.add_argument(
        "--protocol",
        choices=("gsp", "update", "bulk"),
        default="gsp",
        help="gsp: PUT each graph (Graph Store Protocol); update: SPARQL Update batches; bulk: new"
        " graphs as N-Quads, many per request, one transaction each (Oxigraph's /store; others: gsp)",
    )
    p.add_argument("--batch-size", type=int, default=50, metavar="N", help="graphs per batch (default 50)")
    p.add_argument(
        "--max-request-bytes",
        type=int,
        default=8_000_000,
        metavar="B",
        help="larger graphs go in pieces to a temporary graph, then MOVE (default 8000000)",
    )


MEASURES = ("HR", "OR", "RR", "ratio", "MD", "RD")


def synthesis_options(p: argparse.ArgumentParser, endpoint_required: bool = False) -> None:
    """The outcome and effect measure of a network or meta-analysis.  ``meta`` names the outcome
    ``--endpoint`` (its remote store is then ``--sparql``); ``export``, whose ``--endpoint`` is
    the remote store, names it ``--outcome``."""
    names = ("--endpoint", "--outcome") if endpoint_required else ("--outcome",)
    p.add_argument(
        *names,
        dest="outcome",
        required=endpoint_required,
        default=None if endpoint_required else "overall survival",
        metavar="NAME",
        help="the trial endpoint, by its plain name or title (export default: overall survival)",
    )
    p.add_argument("--measure", choices=MEASURES, default="HR", help="effect measure to analyse (default HR)")
    if endpoint_required:
        p.add_argument("--sparql", dest="endpoint", metavar="URL", help="SPARQL endpoint of a remote store")
        p.add_argument(
            "--timeout", type=float, metavar="S", help="seconds to wait for the server (default 60)"
        )
