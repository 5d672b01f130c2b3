"""Lexicons: predicates, entity aliases and unit vocabulary, read from `rules/lexicons/*.yaml`.

Lexicons are data the user extends; each file is validated against
``checker/schemas/lexicons.schema.json`` (generated from the models below) and later files
add to earlier ones, so a user's `--rules DIR` can add cues, aliases and conversions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from checker.yamlsource import load_yaml, packaged_schema, validate


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PredicateEntry(_Strict):
    description: str = Field(title="What the predicate means")
    cues: list[str] = Field(min_length=1, title="Words that name it (all inflections)")


class PredicateLexicon(_Strict):
    kind: Literal["predicates"]
    predicates: dict[str, PredicateEntry] = Field(title="Canonical predicate -> its cues")


EntityType = Literal["company", "government", "country", "outlet", "person", "organization"]


class EntityEntry(_Strict):
    name: str = Field(min_length=1, title="Canonical name")
    type: EntityType
    aliases: list[str] = Field(default_factory=list, title="Other spellings of the name")


class EntityLexicon(_Strict):
    kind: Literal["entities"]
    entities: list[EntityEntry]


class Conversion(_Strict):
    from_: str = Field(alias="from", title="Unit converted from (canonical singular)")
    to: str = Field(title="Unit converted to")
    factor: float = Field(gt=0, title="How many `to` units one `from` unit holds")
    item: str | None = Field(default=None, title="Product the factor applies to (any if absent)")
    source: str = Field(min_length=1, title="Where the factor comes from")


class PhysicalUnit(_Strict):
    pint: str = Field(min_length=1, title="pint unit name, e.g. megawatt_hour")
    surfaces: list[str] = Field(min_length=1, title="How the unit is written after a number")


class UnitLexicon(_Strict):
    kind: Literal["units"]
    nouns: dict[str, str] = Field(default_factory=dict, title="Irregular plural -> singular")
    currencies: dict[str, str] = Field(default_factory=dict, title="Symbol or word -> ISO 4217")
    conversions: list[Conversion] = Field(default_factory=list)
    physical: dict[str, PhysicalUnit] = Field(
        default_factory=dict, title="Canonical symbol (MW, MWh, km) -> pint name and surfaces"
    )
    generic_counters: list[str] = Field(
        default_factory=list,
        title="Nouns that count one of whatever the item is (unit, piece), so they match any unit",
    )


StatusName = Literal["pending", "conditional", "approved", "halted", "denied"]


class DecisionEntry(_Strict):
    description: str = Field(title="What the decision is")
    statuses: dict[StatusName, list[str]] = Field(
        min_length=1, title="Status -> the phrases that state it (all inflections spelled out)"
    )


class StatusLexicon(_Strict):
    kind: Literal["statuses"]
    decisions: dict[str, DecisionEntry] = Field(title="Decision (a predicate) -> its statuses")


AnyLexicon = PredicateLexicon | EntityLexicon | UnitLexicon | StatusLexicon
LexiconFile = Annotated[AnyLexicon, Field(discriminator="kind")]
LEXICON_ADAPTER: TypeAdapter[AnyLexicon] = TypeAdapter(LexiconFile)


def _alternation(phrases: list[str]) -> str:
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@dataclass
class Lexicons:
    """All lexicon data, merged, with the patterns compiled once."""

    predicates: dict[str, PredicateEntry] = field(default_factory=dict)
    entities: list[EntityEntry] = field(default_factory=list)
    nouns: dict[str, str] = field(default_factory=dict)
    currencies: dict[str, str] = field(default_factory=dict)
    conversions: list[Conversion] = field(default_factory=list)
    generic_counters: set[str] = field(default_factory=set)
    physical: dict[str, PhysicalUnit] = field(default_factory=dict)
    # phrase (lower case, single spaces) -> (decision, status)
    status_cues: dict[str, tuple[str, str]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def add(self, lexicon: AnyLexicon) -> None:
        if isinstance(lexicon, PredicateLexicon):
            for name, entry in lexicon.predicates.items():
                old = self.predicates.get(name)
                cues = [*(old.cues if old else []), *entry.cues]
                self.predicates[name] = PredicateEntry(description=entry.description, cues=cues)
        elif isinstance(lexicon, EntityLexicon):
            self.entities.extend(lexicon.entities)
        elif isinstance(lexicon, StatusLexicon):
            for decision, entry in lexicon.decisions.items():
                for status, phrases in entry.statuses.items():
                    for phrase in phrases:
                        self.status_cues[" ".join(phrase.lower().split())] = (decision, status)
        else:
            self.nouns.update({k.lower(): v for k, v in lexicon.nouns.items()})
            self.currencies.update(lexicon.currencies)
            self.conversions.extend(lexicon.conversions)
            self.generic_counters.update(lexicon.generic_counters)
            self.physical.update(lexicon.physical)

    def compile(self) -> CompiledLexicons:
        cue_to_predicate = {
            " ".join(cue.lower().split()): name
            for name, entry in sorted(self.predicates.items())
            for cue in entry.cues
        }
        alias_to_entity: dict[str, EntityEntry] = {}
        for entity in self.entities:
            for alias in (entity.name, *entity.aliases):
                alias_to_entity.setdefault(alias, entity)
        cue_index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, predicate in cue_to_predicate.items():
            words = tuple(phrase.split())
            cue_index.setdefault(words[0], []).append((words, predicate))
        for entries in cue_index.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        return CompiledLexicons(
            source=self,
            cue_index=cue_index,
            cue_to_predicate=cue_to_predicate,
            entity_pattern=_entity_pattern(list(alias_to_entity)),
            alias_to_entity=alias_to_entity,
            canonical_names={e.name.lower(): e for e in self.entities},
            physical_pattern=_physical_pattern(self.physical),
            physical_of={
                surface: symbol
                for symbol, unit in self.physical.items()
                for surface in (symbol, *unit.surfaces)
            },
            physical_dimension=physical_dimensions(self.physical),
            currency_folded={k.lower().replace(" ", ""): v for k, v in self.currencies.items()},
            status_pattern=_phrase_pattern(list(self.status_cues)),
        )


def _entity_pattern(aliases: list[str]) -> re.Pattern[str]:
    """Any alias as a whole word. The lookahead on the aliases' first letters lets ``re`` reject
    most positions of a text before it tries the long alternation (about 3x faster)."""
    if not aliases:
        return re.compile(r"(?!)")
    first = "".join(sorted({re.escape(alias.strip()[0]) for alias in aliases if alias.strip()}))
    return re.compile(rf"(?=[{first}])(?<![\w&])(?:{_alternation(aliases)})(?![\w&])")


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Any of the lower-case ``phrases`` as whole words, for the case-folded text."""
    if not phrases:
        return re.compile(r"(?!)")
    first = "".join(sorted({re.escape(p.strip()[0]) for p in phrases if p.strip()}))
    return re.compile(rf"(?=[{first}])\b(?:{_alternation(phrases)})\b")


def _physical_pattern(units: dict[str, PhysicalUnit]) -> re.Pattern[str]:
    """A unit written right after a number: '400 MWh', '298-megawatt', '2-8°C'."""
    surfaces = sorted({s for symbol, u in units.items() for s in (symbol, *u.surfaces)},
                      key=len, reverse=True)  # fmt: skip
    if not surfaces:
        return re.compile(r"(?!)")
    parts = [f"(?i:{re.escape(s)})" if s.islower() and len(s) > 3 else re.escape(s)
             for s in surfaces]  # fmt: skip
    return re.compile(rf"(?:\s?-\s?|\s|\u00a0)?(?P<unit>{'|'.join(parts)})(?![\w])")


DIMENSION_NAMES = {
    (("[length]", 2), ("[mass]", 1), ("[time]", -3)): "power",
    (("[length]", 2), ("[mass]", 1), ("[time]", -2)): "energy",
    (("[length]", 1),): "length",
    (("[length]", 2),): "area",
    (("[length]", 3),): "volume",
    (("[mass]", 1),): "mass",
    (("[temperature]", 1),): "temperature",
    (("[time]", 1),): "duration",
    (("[length]", 1), ("[time]", -1)): "speed",
    (("[current]", -1), ("[length]", 2), ("[mass]", 1), ("[time]", -3)): "voltage",
}


def physical_dimensions(units: dict[str, PhysicalUnit]) -> dict[str, str]:
    """Dimension name of each canonical physical unit, read from pint."""
    if not units:
        return {}
    from checker.units import registry  # pint is slow to import; only physical units need it

    dimensions = {}
    for symbol, unit in units.items():
        try:
            dimensionality = registry().Quantity(1, unit.pint).dimensionality
        except Exception as exc:  # pint raises several error types for unknown names
            raise ValueError(f"unknown pint unit {unit.pint!r} for {symbol}: {exc}") from None
        key = tuple(sorted(dict(dimensionality).items()))
        dimensions[symbol] = DIMENSION_NAMES.get(key, "physical")
    return dimensions


@dataclass(frozen=True)
class CompiledLexicons:
    source: Lexicons
    cue_index: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> (words, predicate)
    cue_to_predicate: dict[str, str]
    entity_pattern: re.Pattern[str]
    alias_to_entity: dict[str, EntityEntry]
    canonical_names: dict[str, EntityEntry]
    physical_pattern: re.Pattern[str]
    physical_of: dict[str, str]
    physical_dimension: dict[str, str]
    currency_folded: dict[str, str]  # currency symbol or word, lower case, no spaces -> ISO
    status_pattern: re.Pattern[str]  # status phrases, matched on case-folded text

    def status_of(self, phrase: str) -> tuple[str, str] | None:
        """(decision, status) a status phrase states."""
        return self.source.status_cues.get(" ".join(phrase.split()))

    def predicate_of(self, cue: str) -> str | None:
        return self.cue_to_predicate.get(" ".join(cue.lower().split()))

    def entity_of(self, alias: str) -> EntityEntry | None:
        return self.alias_to_entity.get(alias) or self.canonical_names.get(alias.lower())


def load_lexicons(rule_dirs: list[Path]) -> CompiledLexicons:
    """Read `lexicons/*.yaml` of every rules folder, in order, validated against the schema."""
    lexicons = Lexicons()
    schema = packaged_schema("lexicons.schema.json")
    for folder in rule_dirs:
        for path in sorted((folder / "lexicons").glob("*.y*ml")):
            document = load_yaml(path)
            validate(document, schema)
            lexicons.add(LEXICON_ADAPTER.validate_python(document.data))
            lexicons.files.append(str(path))
    return lexicons.compile()
