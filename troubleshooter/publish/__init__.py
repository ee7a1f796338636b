"""Published pages (Markdown per language) and, at their edge, the site engines' glue."""
