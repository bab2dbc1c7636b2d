"""Evidence synthesis from the graph: contrasts ready for meta-analysis, exports for R network
meta-analysis packages and FHIR Evidence, and pairwise pooling with a forest plot."""
