"""The decision tree: routing, rules, its words in a language, agents' replies."""
