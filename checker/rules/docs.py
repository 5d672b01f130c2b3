"""Generate docs/rules.md from the rule files (`python -m checker.rules.docs`).

A test regenerates it and fails if the committed copy drifts from the rules.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from checker.rules.loader import BUILTIN_RULES_DIR, load_rules
from checker.rules.spec import ArithmeticParams, FactorPattern, QuantityPattern, RuleSpec

HEADER = """# Rules

<!-- Generated from the files in rules/ by `python -m checker.rules.docs`: do not edit. -->

Each rule is a YAML file in `rules/` with a stable id. Silence one by overriding it in your own
`--rules DIR` with `enabled: false`; tune it by overriding its `params`.

| id | kind | severity | title |
|---|---|---|---|
"""


def _examples(rule: RuleSpec) -> list[str]:
    lines = []
    for outcome, cases in (
        ("Fires on", rule.examples.fail),
        ("Stays silent on", rule.examples.pass_),
    ):
        for case in cases:
            lines.append(f"**{outcome}** `{case.name}`:")
            lines.append("")
            lines.extend(f"> `{name}`: {text}" for name, text in sorted(case.articles.items()))
            lines.append("")
    return lines


def _pattern(pattern: QuantityPattern) -> str:
    """'count or energy', 'currency per the other factor', 'share' for one part of a relation."""
    words = " or ".join([*(pattern.units or []), *(pattern.dimensions or [])]) or "any quantity"
    if isinstance(pattern, FactorPattern) and pattern.per == "other_factor":
        words += " per one of the other factor"
    return f"({words})"


def _relations(rule: RuleSpec) -> list[str]:
    """The relations of an arithmetic rule, one readable line each."""
    if not isinstance(rule.params, ArithmeticParams):
        return []
    lines = ["Relations checked:", ""]
    for relation in rule.params.relations:
        product = " × ".join(_pattern(factor) for factor in relation.factors)
        lines.append(f"- `{relation.name}`: {relation.title}: "
                     f"{product} = {_pattern(relation.total)}")  # fmt: skip
    return [*lines, ""]


def _section(rule: RuleSpec) -> list[str]:
    params = rule.params.model_dump(mode="json", exclude={"relations"})
    lines = [
        f"## {rule.id}: {rule.title}",
        "",
        f"Kind `{rule.kind}`, severity `{rule.severity}`.",
        "",
    ]
    lines += [rule.description.strip(), ""]
    lines += [f"Message: `{rule.message}`", ""]
    if params:
        lines += ["| parameter | value |", "|---|---|"]
        lines += [f"| `{key}` | `{json.dumps(value)}` |" for key, value in sorted(params.items())]
        lines.append("")
    return lines + _relations(rule) + _examples(rule)


def render(rules: list[RuleSpec]) -> str:
    table = "".join(f"| {r.id} | {r.kind} | {r.severity} | {r.title} |\n" for r in rules)
    body: list[str] = []
    for rule in rules:
        body += ["", *_section(rule)]
    return HEADER + table + "\n".join(body).rstrip() + "\n"


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/rules.md")
    target.write_text(render(load_rules([BUILTIN_RULES_DIR])), encoding="utf-8")
    print(target)


if __name__ == "__main__":
    main()
