"""Load rule files from rules folders, validated against the published rules schema."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

import pydantic

from checker.errors import RuleError
from checker.rules.grouping import COUNT
from checker.rules.spec import RuleSpec
from checker.yamlsource import (
    Location,
    YamlDocument,
    load_yaml,
    model_error,
    packaged_schema,
    validate,
)


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


def load_rule_file(path: Path, predicates: Collection[str] | None = None) -> RuleSpec:
    """One rule, validated; with ``predicates`` (the lexicons' names), a predicate the rule
    names that no lexicon defines is an error at its line, not a rule that silently never
    matches."""
    document = load_yaml(path)
    schema = packaged_schema("rules.schema.json")
    _validate_params_of_kind(document, schema)
    validate(document, schema)
    if predicates is not None:
        _check_predicate_names(document, predicates)
    try:
        return RuleSpec.model_validate(document.data)
    except pydantic.ValidationError as exc:
        raise model_error(document, exc) from None


def _validate_params_of_kind(document: YamlDocument, schema: dict[str, Any]) -> None:
    """Check `params` against the parameters of the rule's own kind first: the schema allows
    any kind's parameters there, and its 'not valid under any of the given schemas' would not
    say which parameter is wrong."""
    data = document.data
    if not isinstance(data, dict) or not isinstance(data.get("params"), dict):
        return
    name = "".join(word.capitalize() for word in str(data.get("kind")).split("_")) + "Params"
    if name in schema.get("$defs", {}):
        validate(document, {"$defs": schema["$defs"], "$ref": f"#/$defs/{name}"}, ("params",))


def _check_predicate_names(document: YamlDocument, predicates: Collection[str]) -> None:
    """Every predicate a rule names is the lexicon's, or `count` (checker.rules.grouping)."""
    for location, name in _predicate_references(document.data):
        if name not in predicates and name != COUNT:
            known = ", ".join(sorted([*predicates, COUNT]))
            raise document.error(f"unknown predicate {name!r} (known: {known})", location)


def _predicate_references(data: object) -> Iterator[tuple[Location, str]]:
    """(location, name) of every predicate name a rule file writes."""
    if not isinstance(data, dict):
        return
    for section, key in (("match", "predicates"), ("match", "exclude_predicates"),
                         ("params", "subject_in_key_for")):  # fmt: skip
        names = (data.get(section) or {}).get(key) or []
        yield from (((section, key, index), str(name)) for index, name in enumerate(names))
    windows = (data.get("params") or {}).get("undated_window_by_predicate") or {}
    yield from (
        (("params", "undated_window_by_predicate", name, "__key__"), str(name)) for name in windows
    )


def load_rules(dirs: list[Path], predicates: Collection[str] | None = None) -> list[RuleSpec]:
    """Every rule in ``dirs``; a rule id defined again in a later folder overrides the first.
    ``predicates``: the predicate names rules may refer to (unchecked when None)."""
    by_id: dict[str, RuleSpec] = {}
    origin: dict[str, Path] = {}
    for folder in dirs:
        seen_here: dict[str, Path] = {}
        for path in rule_files(folder):
            rule = load_rule_file(path, predicates)
            if rule.id in seen_here:
                raise RuleError(f"rule id {rule.id} is also defined in {seen_here[rule.id]}",
                                path=str(path), line=1)  # fmt: skip
            seen_here[rule.id] = path
            by_id[rule.id] = rule
            origin[rule.id] = path
    return [by_id[rule_id] for rule_id in sorted(by_id)]
