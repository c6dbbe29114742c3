"""factcheck.attribution."""
