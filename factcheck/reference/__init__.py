"""factcheck.reference."""
