"""Message templates: `{name}` placeholders only, so a rule file cannot reach into objects."""

from __future__ import annotations

from string import Formatter

from checker.errors import RuleError


def template_fields(template: str) -> list[str]:
    return [field for _, field, _, _ in Formatter().parse(template) if field]


def check_template(template: str, allowed: set[str], path: str) -> None:
    for field in template_fields(template):
        if field not in allowed:
            known = ", ".join(sorted(allowed))
            raise RuleError(f"message placeholder {{{field}}} is unknown (known: {known})", path)


def render(template: str, values: dict[str, str]) -> str:
    out = []
    for literal, field, _, _ in Formatter().parse(template):
        out.append(literal)
        if field:
            out.append(values.get(field, f"{{{field}}}"))
    return "".join(out)
