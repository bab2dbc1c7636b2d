"""The graph as OWL: the axioms OWL reasoning needs beyond the plain RDF (``axioms``), inferred
types by HermiT or SPARQL rules (``reasoner``), the ontology's HTML reference (``docs``) and
the Protégé bundle of the OWL export (``protege``)."""
