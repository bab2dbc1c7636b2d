"""The knowledge graph on the web: dereferenceable IRIs, trial pages with forest plots, a SPARQL
editor, and the same pages published as static files.

``kg.web.app.make_app`` is the WSGI application ``ctkg serve`` mounts for every path but
``/sparql`` and ``/update``; ``kg.web.publish.publish`` writes the static site.
"""
