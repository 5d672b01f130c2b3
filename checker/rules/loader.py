"""Load rule files from rules folders, validated against the published rules schema."""

from __future__ import annotations

from pathlib import Path

from checker.errors import RuleError
from checker.rules.spec import RuleSpec
from checker.yamlsource import load_yaml, packaged_schema, validate


def _builtin_rules_dir() -> Path:
    """`rules/` of the source tree, or its installed copy `checker/builtin_rules/`."""
    source_tree = Path(__file__).resolve().parent.parent.parent / "rules"
    if (source_tree / "lexicons").is_dir():
        return source_tree
    return Path(__file__).resolve().parent.parent / "builtin_rules"


BUILTIN_RULES_DIR = _builtin_rules_dir()


def default_rule_dirs(extra: list[Path] | None = None) -> list[Path]:
    """The shipped rules folder followed by the user's folders (later ones override)."""
    dirs = [BUILTIN_RULES_DIR] if BUILTIN_RULES_DIR.is_dir() else []
    for folder in extra or []:
        if not folder.is_dir():
            raise RuleError("rules folder does not exist", path=str(folder))
        dirs.append(folder)
    return dirs


def rule_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yaml", ".yml"))


def load_rule_file(path: Path) -> RuleSpec:
    document = load_yaml(path)
    validate(document, packaged_schema("rules.schema.json"))
    return RuleSpec.model_validate(document.data)


def load_rules(dirs: list[Path]) -> list[RuleSpec]:
    """Every rule in ``dirs``; a rule id defined again in a later folder overrides the first."""
    by_id: dict[str, RuleSpec] = {}
    origin: dict[str, Path] = {}
    for folder in dirs:
        seen_here: dict[str, Path] = {}
        for path in rule_files(folder):
            rule = load_rule_file(path)
            if rule.id in seen_here:
                raise RuleError(f"rule id {rule.id} is also defined in {seen_here[rule.id]}",
                                path=str(path), line=1)  # fmt: skip
            seen_here[rule.id] = path
            by_id[rule.id] = rule
            origin[rule.id] = path
    return [by_id[rule_id] for rule_id in sorted(by_id)]
