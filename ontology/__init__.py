"""kg's ontology (kg.ttl), SHACL shapes (shapes.ttl) and named queries (queries/*.rq).

This folder stays at the top of the repository and is installed as the package `kg.ontology`
(see pyproject.toml), so an installed kg finds these files without the source tree. Code locates
them through kg.ontology_files, never by path arithmetic of its own.
"""
