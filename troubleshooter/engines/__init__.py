"""The site engines' glue, at the edge: the MkDocs hook and ``build-docs``."""
