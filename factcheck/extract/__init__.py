"""factcheck.extract."""
