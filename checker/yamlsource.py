"""Safe YAML loading that remembers where every value came from, for `path:line: message` errors.

Rule and lexicon files are read with PyYAML's safe constructors only, duplicate keys are
rejected, and every error (syntax or schema) names the file and the line of the offending node.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pydantic
import yaml

from checker.errors import RuleError

Location = tuple[Any, ...]


# libyaml's parser when PyYAML has it (about 10x faster); the constructors are Python either way.
_FAST_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class NoAliasLoader(yaml.SafeLoader):
    """SafeLoader (plain data only, no Python objects) that refuses anchors' aliases: a few
    lines of nested aliases expand to billions of nodes ("billion laughs") in anything that
    walks the result, and checker's files never need them."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed; write the value out", event.start_mark
            )
        return super().compose_node(parent, index)  # type: ignore[misc]


def _construct_checked_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    """A date-shaped value that is no date ('2025-24-10') is a YAML error at its line; PyYAML
    itself raises a bare ValueError there, which would be an internal error."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"'{node.value}' is not a valid date ({exc})", node.start_mark
        ) from None


def _construct_finite_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    """.nan and .inf are refused: a NaN tolerance would make every comparison false."""
    value = loader.construct_yaml_float(node)
    if math.isnan(value) or math.isinf(value):
        raise yaml.constructor.ConstructorError(
            None, None, f"'{node.value}' is not a finite number", node.start_mark
        )
    return value


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key '{key}' (first at line {seen[key]})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=True)


NoAliasLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_checked_timestamp)


class _LineLoader(_FAST_BASE):  # type: ignore[valid-type,misc]
    """Fast safe loader: refuses duplicate keys, impossible dates and non-finite floats.
    Aliases are caught after composing (a shared node); see ``_compose_and_construct``."""


class _StrictLineLoader(NoAliasLoader):
    """The same checks on the pure-Python composer, which can name the alias's own line."""


for _loader in (_LineLoader, _StrictLineLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_checked_timestamp)
    _loader.add_constructor("tag:yaml.org,2002:float", _construct_finite_float)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _index_lines(node: yaml.Node, path: Location, lines: dict[Location, int]) -> None:
    """Map every path (tuple of keys and indices) inside ``node`` to its 1-based line."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[(*path, key)] = value_node.start_mark.line + 1
            _index_lines(value_node, (*path, key), lines)
            lines[(*path, key, "__key__")] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, (*path, index), lines)


class YamlDocument:
    """A parsed YAML file with the line of every value."""

    def __init__(self, path: Path, data: Any, lines: dict[Location, int]) -> None:
        self.path = path
        self.data = data
        self.lines = lines

    def line_of(self, location: Location) -> int | None:
        """Line of the deepest node on ``location`` that the file has."""
        location = tuple(location)
        while location:
            if location in self.lines:
                return self.lines[location]
            location = location[:-1]
        return self.lines.get((), None)

    def error(self, message: str, location: Location = ()) -> RuleError:
        return RuleError(message, path=str(self.path), line=self.line_of(location))


def load_yaml(path: Path) -> YamlDocument:
    """Parse ``path`` safely; a syntax error becomes a RuleError with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read file: {exc}", path=str(path)) from None
    try:
        node, data = _compose_and_construct(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or str(exc)
        raise RuleError(f"invalid YAML: {problem}", path=str(path), line=line) from None
    except yaml.YAMLError as exc:
        raise RuleError(f"invalid YAML: {exc}", path=str(path)) from None
    except RecursionError:  # '[[[[...' nested deeper than the parser's stack
        raise RuleError("invalid YAML: nested too deeply", path=str(path)) from None
    lines: dict[Location, int] = {}
    if node is not None:
        _index_lines(node, (), lines)
    return YamlDocument(path, data, lines)


def _compose_and_construct(text: str) -> tuple[yaml.Node | None, Any]:
    """Parse once: the node tree (for line numbers) and the data built from it. An alias
    shows up as a node reached twice; the strict composer then re-reads the text to raise
    the error at the alias's own line."""
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        if _has_shared_node(node):
            _StrictLineLoader(text).get_single_node()
            raise yaml.YAMLError("aliases (*name) are not allowed; write the value out")
        return node, loader.construct_document(node)
    finally:
        loader.dispose()


def _has_shared_node(root: yaml.Node) -> bool:
    """True when some node is reached twice (an alias); linear in distinct nodes."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                stack.extend((key_node, value_node))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False


@cache
def packaged_schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped in checker/schemas/."""
    text = resources.files("checker.schemas").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


def validate(document: YamlDocument, schema: dict[str, Any], at: Location = ()) -> None:
    """Raise a RuleError at the line of the first schema violation (the most specific one).
    With ``at``, validate only the value at that location (``schema`` then describes it)."""
    value = document.data
    for key in at:
        value = value[key]
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(value), key=_error_order)
    if errors:
        error = jsonschema.exceptions.best_match(errors) or errors[0]
        raise document.error(_describe(error, at), (*at, *_location(error)))


def model_error(document: YamlDocument, exc: pydantic.ValidationError) -> RuleError:
    """A pydantic error the schema did not catch, at the line of the value it names."""
    first = exc.errors()[0]
    where = "/".join(str(part) for part in first["loc"])
    return document.error(f"{where}: {first['msg']}", tuple(first["loc"]))


def _location(error: jsonschema.ValidationError) -> Location:
    """Where to point: an unexpected key's own line, else the offending value's line."""
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        extras = sorted(str(k) for k in error.instance if k not in allowed)
        if extras:
            return (*path, extras[0], "__key__")
    return path


def _error_order(error: jsonschema.ValidationError) -> tuple[int, str]:
    return (-len(error.absolute_path), error.message)


def _describe(error: jsonschema.ValidationError, at: Location = ()) -> str:
    where = "/".join(str(part) for part in (*at, *error.absolute_path))
    prefix = f"{where}: " if where else ""
    if error.validator == "additionalProperties":
        return f"{prefix}{error.message} (check the spelling of the key)"
    if error.validator == "required":
        return f"{prefix}{error.message}"
    return f"{prefix}{error.message}"
