"""factcheck.read."""
