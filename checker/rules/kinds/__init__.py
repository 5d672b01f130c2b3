"""One module per rule kind; each exposes ``check(rule, group, context) -> list[Finding]``."""
