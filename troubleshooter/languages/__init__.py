"""Languages: gettext catalogs, the content extractor for Babel, translation checks."""
