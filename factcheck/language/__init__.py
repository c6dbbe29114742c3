"""factcheck.language."""
