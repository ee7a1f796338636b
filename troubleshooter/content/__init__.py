"""The content model: YAML sources with line numbers, facts, articles, site, keywords."""
