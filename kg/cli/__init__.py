"""The ``ctkg`` command: a thin layer over the library; data on stdout, progress on stderr.

One module per kind of command (``loading``, ``reading``, ``serving``), the parser in ``parser``,
shared options in ``options``; this module only dispatches and turns known errors into exit 2.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from kg.cli.loading import build_command, example_command, fetch_command, remove_command
from kg.cli.parser import parser as _parser
from kg.cli.reading import (
    explain_command,
    export_command,
    queries_command,
    query_command,
    summary_command,
    validate_command,
)
from kg.cli.serving import docs_command, enrich_command, publish_command, reason_command, serve_command
from kg.cli.synthesis import meta_command

COMMANDS = {
    "example": example_command,
    "build": build_command,
    "validate": validate_command,
    "queries": queries_command,
    "query": query_command,
    "export": export_command,
    "summary": summary_command,
    "serve": serve_command,
    "explain": explain_command,
    "remove": remove_command,
    "fetch": fetch_command,
    "reason": reason_command,
    "docs": docs_command,
    "enrich": enrich_command,
    "publish": publish_command,
    "meta": meta_command,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from kg.build import BuildError
    from kg.enrich import EnrichError
    from kg.fetch import FetchError
    from kg.queries import QueryError
    from kg.sources import SourceError
    from kg.stores.embedded import StoreError
    from kg.stores.endpoint import RemoteError

    try:
        return COMMANDS[args.command](args)
    except (
        SourceError,
        BuildError,
        QueryError,
        StoreError,
        FetchError,
        RemoteError,
        EnrichError,
        ValueError,
    ) as err:
        print(f"ctkg {args.command}: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
