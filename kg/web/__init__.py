"""The knowledge graph on the web: ``ctkg serve`` (the SPARQL 1.1 Protocol and dereferenceable
IRIs, one WSGI application), trial pages with forest plots, a SPARQL editor, and the same pages
published as static files.

``kg.web.server.serve`` runs the server; ``kg.web.app.make_app`` is its WSGI application, for
any WSGI server; ``kg.web.publish.publish`` writes the static site.  This package file imports
nothing: query worker processes import ``kg.web.workers`` and must start quickly.
"""
