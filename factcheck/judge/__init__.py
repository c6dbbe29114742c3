"""factcheck.judge."""
