"""checker: find contradictions, unit mismatches and unsupported claims across news sources."""

__version__ = "0.1.0"
