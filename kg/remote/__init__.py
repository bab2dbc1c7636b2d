"""Remote triple stores: where the endpoint is (config), how to read it (SPARQL 1.1 Protocol
through SPARQLWrapper), how to write it (Graph Store HTTP Protocol or SPARQL Update)."""

from kg.remote.config import Endpoint, RemoteError, resolve_endpoint

__all__ = ["Endpoint", "RemoteError", "resolve_endpoint"]
