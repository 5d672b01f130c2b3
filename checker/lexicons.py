"""Lexicons: predicates, entity aliases and unit vocabulary, read from `rules/lexicons/*.yaml`.

Lexicons are data the user extends; each file is validated against
``checker/schemas/lexicons.schema.json`` (generated from the models below) and later files
add to earlier ones, so a user's `--rules DIR` can add cues, aliases and conversions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from rapidfuzz import fuzz, process

from checker.regex_trie import trie_alternation
from checker.units import DimensionMemo, dimension_of
from checker.yamlsource import YamlDocument, load_yaml, model_error, packaged_schema, validate


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PredicateEntry(_Strict):
    description: str = Field(title="What the predicate means")
    cues: list[str] = Field(min_length=1, title="Words that name it (all inflections)")
    as_money: str | None = Field(
        default=None,
        title="The predicate its cues name when the number is a sum of money",
        description='"build a EUR 130 million park" states a cost, not an output.',
    )
    sums_only: bool = Field(
        default=False,
        title="Only sums of money (or percentage changes of them) take it",
        description='"six hospitals ... a C$16.9 billion price tag": a count or a length is '
        "never a cost, so such a figure passes over the cue to the next one.",
    )
    counts_only: bool = Field(
        default=False,
        title="Only counts take it: never a sum of money or a measurement",
        description='"demanding $5 million and claiming 1.3GB of staff files": "staff" names '
        "a count of employees, so neither figure takes the cue.",
    )
    weak: bool = Field(
        default=False,
        title="Its cues are generic verbs another predicate's cue outweighs",
        description='"The death toll rose to 23": "rose" names a change of anything, so the '
        "cue of another predicate in the number's clause wins over it.",
    )
    counts: str | None = Field(
        default=None,
        title="The noun a bare figure of this predicate counts",
        description='"The death toll rose to nine": a toll with no noun of its own counts '
        'people, so it joins the timeline of "four people died".',
    )
    counted_as: list[str] = Field(
        default_factory=list,
        title="Nouns (singular) whose counts under this predicate count what `counts` names",
        description='"15 deaths", "47 confirmed cases": deaths and cases are people here.',
    )


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
    symbol_alone: bool = Field(
        default=True,
        title="Whether the symbol alone after a number names the unit; false for a symbol "
        "that is also a common word ('in'), read only after a larger unit ('5 ft 2 in')",
    )
    smaller_part: str | None = Field(
        default=None,
        title="Symbol of a smaller unit that adds to this one when written after it: ft -> in "
        "('5 ft 2 in' is 5 1/6 ft), lb -> oz",
    )
    glued: list[str] = Field(
        default_factory=list,
        title="Symbols read only glued to the number, in a sentence that speaks of the unit's "
        "dimension",
        description="'Temperatures reached 44.6C' (a temperature cue in the sentence), never "
        "'Gate 12C' or 'the 5C'.",
    )


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
    broad_nouns: list[str] = Field(
        default_factory=list,
        title="Counted nouns (singular) too broad to say on their own what is measured "
        "('person', 'child'): a count of any other noun that no predicate cue names is "
        "compared with the other such counts of that noun ('12 clinics', '25 clinics')",
    )
    own_measures: list[str] = Field(
        default_factory=list,
        title="Physical dimensions a figure of which is what it measures (temperature): its "
        "predicate is the dimension, whatever cue lies near it ('a record 44.6C ... as the "
        "death toll rose' is a temperature, not deaths)",
    )
    context_cues: dict[str, list[str]] = Field(
        default_factory=dict,
        title="'currency' or a physical dimension (mass, length) -> words that say a sentence "
        "speaks of it; they decide words after a number that name two things ('pounds', a glued "
        "'m')",
    )
    measure_words: dict[str, list[str]] = Field(
        default_factory=dict,
        title="Physical dimension -> words that say what the number right before them "
        "measures ('1.8m tall', '30m deep')",
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
    broad_nouns: set[str] = field(default_factory=set)
    own_measures: set[str] = field(default_factory=set)
    physical: dict[str, PhysicalUnit] = field(default_factory=dict)
    # phrase (lower case, single spaces) -> (decision, status)
    status_cues: dict[str, tuple[str, str]] = field(default_factory=dict)
    context_cues: dict[str, list[str]] = field(default_factory=dict)
    measure_words: dict[str, list[str]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    dimensions: dict[str, str] = field(default_factory=dict)  # of `physical`, found at load

    def add(self, lexicon: AnyLexicon) -> None:
        if isinstance(lexicon, PredicateLexicon):
            for name, entry in lexicon.predicates.items():
                old = self.predicates.get(name)
                cues = [*(old.cues if old else []), *entry.cues]
                as_money = entry.as_money or (old.as_money if old else None)
                weak = entry.weak or (old.weak if old else False)
                sums_only = entry.sums_only or (old.sums_only if old else False)
                counts_only = entry.counts_only or (old.counts_only if old else False)
                counts = entry.counts or (old.counts if old else None)
                counted_as = [*(old.counted_as if old else []), *entry.counted_as]
                self.predicates[name] = PredicateEntry(description=entry.description, cues=cues,
                                                       as_money=as_money, weak=weak,
                                                       sums_only=sums_only,
                                                       counts_only=counts_only, counts=counts,
                                                       counted_as=counted_as)  # fmt: skip
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
            self.broad_nouns.update(lexicon.broad_nouns)
            self.own_measures.update(lexicon.own_measures)
            self.physical.update(lexicon.physical)
            for dimension, cues in lexicon.context_cues.items():
                self.context_cues[dimension] = [*self.context_cues.get(dimension, []), *cues]
            for dimension, words in lexicon.measure_words.items():
                old = self.measure_words.get(dimension, [])
                self.measure_words[dimension] = [*old, *words]

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
        missing = {s: u for s, u in self.physical.items() if s not in self.dimensions}
        found = {**self.dimensions, **physical_dimensions(missing)}
        dimensions = {symbol: found[symbol] for symbol in self.physical}
        return CompiledLexicons(
            source=self,
            cue_index=cue_index,
            cue_to_predicate=cue_to_predicate,
            weak_predicates=frozenset(
                name for name, entry in self.predicates.items() if entry.weak
            ),
            sums_only=frozenset(name for name, entry in self.predicates.items() if entry.sums_only),
            counts_only=frozenset(
                name for name, entry in self.predicates.items() if entry.counts_only
            ),
            money_predicate={
                name: entry.as_money
                for name, entry in sorted(self.predicates.items())
                if entry.as_money
            },
            counted_noun={
                name: entry.counts
                for name, entry in sorted(self.predicates.items())
                if entry.counts
            },
            alias_to_entity=alias_to_entity,
            canonical_names={e.name.lower(): e for e in self.entities},
            normalized_aliases={
                normalize_name(alias): entity
                for alias, entity in alias_to_entity.items()
                if normalize_name(alias)
            },
            physical_of={
                surface: symbol
                for symbol, unit in self.physical.items()
                for surface in (symbol, *unit.surfaces)
            },
            physical_dimension=dimensions,
            currency_folded={fold_currency(k): v for k, v in self.currencies.items()},
        )

    def measure_word_patterns(self) -> dict[str, re.Pattern[str]]:
        return {
            dimension: re.compile(rf"(?:\s+|-)?(?:{_alternation(words)})(?!\w)", re.IGNORECASE)
            for dimension, words in self.measure_words.items()
            if words
        }

    def _context_patterns(self, dimensions: dict[str, str]) -> dict[str, re.Pattern[str]]:
        """Per dimension, its cue words and its unit surfaces written after a number ('10 dm',
        '5 kg'); for currency also its signs and upper-case codes ('£', 'US$', 'GBP').
        Surfaces that name two things ('pounds', 'm') are no evidence either way."""
        folded = {fold_currency(k) for k in self.currencies}
        units: dict[str, list[str]] = {}
        for symbol, unit in self.physical.items():
            forms = _written_forms({symbol: unit}, every_symbol=False)
            surfaces = [s for s in forms if len(s) > 1 and fold_currency(s) not in folded]
            units.setdefault(dimensions.get(symbol, "physical"), []).extend(surfaces)
        signs = _alternation([k for k in self.currencies if not k.isalpha()])
        codes = _alternation([k for k in self.currencies if k.isalpha() and k.isupper()])
        patterns = {}
        for dimension in {*self.context_cues, *units, "currency"}:
            words = _alternation(self.context_cues.get(dimension, []))
            after_number = _alternation(units.get(dimension, []))
            parts = [
                rf"(?<!\w)(?:{words})(?!\w)" if words else "",
                rf"(?<=\d)\s?(?:{after_number})(?!\w)" if after_number else "",
            ]
            if dimension == "currency":
                parts += [
                    rf"(?-i:{signs})" if signs else "",
                    rf"(?<!\w)(?-i:{codes})(?!\w)" if codes else "",
                ]
            alternatives = "|".join(part for part in parts if part)
            patterns[dimension] = re.compile(alternatives or "(?!)", re.IGNORECASE)
        return patterns


# A name differing from a known alias only by these words or by punctuation is that entity.
_CORPORATE_WORDS = re.compile(
    r"\b(?:inc|incorporated|corp|corporation|ltd|limited|llc|plc|co|company|holdings?|group|nv|"
    r"sa|ag|gmbh|se|spa|bv|the)\b"
)
FUZZY_CUTOFF = 92
MIN_FUZZY_LENGTH = 5


def normalize_name(name: str) -> str:
    """'Alibaba Group Holding Ltd.' -> 'alibaba': lower case, no corporate words, no
    punctuation, single spaces."""
    spelled = re.sub(r"[^\w\s]", " ", name.lower().replace(".", ""))  # "N.V." is "nv"
    words = _CORPORATE_WORDS.sub(" ", spelled)
    return " ".join(words.split())


def _entity_pattern(aliases: list[str]) -> re.Pattern[str]:
    """Any alias as a whole word. The lookahead on the aliases' first letters lets ``re`` reject
    most positions of a text before it tries the long alternation (about 3x faster), and the
    alternation is a trie (1.5x faster again)."""
    if not aliases:
        return re.compile(r"(?!)")
    first = "".join(sorted({re.escape(alias.strip()[0]) for alias in aliases if alias.strip()}))
    return re.compile(rf"(?=[{first}])(?<![\w&])(?:{trie_alternation(aliases)})(?![\w&])")


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Any of the lower-case ``phrases`` as whole words, for the case-folded text (a trie:
    nearly every letter starts some phrase, so the lookahead rejects few positions)."""
    if not phrases:
        return re.compile(r"(?!)")
    first = "".join(sorted({re.escape(p.strip()[0]) for p in phrases if p.strip()}))
    return re.compile(rf"(?=[{first}])\b(?:{trie_alternation(phrases)})\b")


_SPACES_AND_DOTS = re.compile(r"[\s.]")


@lru_cache(maxsize=4096)  # called for every figure, on a few dozen distinct spellings
def fold_currency(written: str) -> str:
    """A currency as looked up: lower case, without spaces or dots ('U.S. $' -> 'us$')."""
    return _SPACES_AND_DOTS.sub("", written).lower()


def _physical_pattern(
    units: dict[str, PhysicalUnit], measure_words: dict[str, list[str]]
) -> re.Pattern[str]:
    """A unit written right after a number: '400 MWh', '298-megawatt', '2-8°C', or in
    brackets as table headings write it: '20 (kg)', '20 [kg]'. The unit is group `unit` or
    group `bracketed`. A symbol that is also a word ('in') counts only where the word cannot
    be: before a measure word or at the end of a clause ('2 in thick', 'is 2 in.'). A
    unit joined to digits by a hyphen is a code ('24703 L-202'), not a unit."""
    unit = _surface_alternation(_written_forms(units, every_symbol=False))
    if not unit:
        return re.compile(r"(?!)")
    word_symbols = _surface_alternation([s for s, u in units.items() if not u.symbol_alone])
    measure = _alternation([word for words in measure_words.values() for word in words])
    if word_symbols:
        after = rf"[\s-]+(?:{measure})(?!\w)|" if measure else ""
        unit += rf"|(?:{word_symbols})(?=\s*(?:[.;:)\]]|\Z)|{after}(?!))"
    return re.compile(
        rf"(?:\s?-\s?|\s|\u00a0)?(?P<unit>{unit})(?![\w]|-\d)"
        rf"|\s?(?:(?P<paren>\()|(?P<square>\[)|(?P<brace>\{{)|<)(?P<bracketed>{unit})"
        r"(?(paren)\)|(?(square)\]|(?(brace)\}|>)))"
    )


def _written_forms(units: dict[str, PhysicalUnit], every_symbol: bool) -> list[str]:
    """How the lexicon writes its units: the surfaces, and the symbols (every one, or only
    those read alone after a number)."""
    forms = []
    for symbol, unit in units.items():
        forms.extend(unit.surfaces)
        if every_symbol or unit.symbol_alone:
            forms.append(symbol)
    return forms


def _surface_alternation(surfaces: list[str]) -> str:
    """Unit surfaces, longest first; words longer than three letters in any case ('Kilometres'),
    symbols exactly as written ('MW' is not 'mW')."""
    ordered = sorted(set(surfaces), key=len, reverse=True)
    return "|".join(f"(?i:{re.escape(s)})" if s.islower() and len(s) > 3 else re.escape(s)
                    for s in ordered)  # fmt: skip


def _compound_pattern(units: dict[str, PhysicalUnit]) -> re.Pattern[str]:
    """A second number and unit right after a measurement: '5 ft| 2 in', '5 feet| and 2
    inches'. Every symbol counts here, even one not read alone ('in')."""
    unit = _surface_alternation(_written_forms(units, every_symbol=True))
    if not unit:
        return re.compile(r"(?!)")
    return re.compile(
        rf"\s+(?:and\s+)?(?P<number>\d+(?:\.\d+)?)(?:\s?-\s?|\s|\u00a0)?(?P<unit>{unit})(?!\w)"
    )


def _check_pint_units(
    document: YamlDocument, lexicon: AnyLexicon, memo: DimensionMemo | None
) -> dict[str, str]:
    """The dimension of each physical unit of this file; an unknown pint unit is a mistake in
    this file, reported at its line."""
    dimensions = {}
    for symbol, unit in (getattr(lexicon, "physical", None) or {}).items():
        try:
            dimensions.update(physical_dimensions({symbol: unit}, memo))
        except ValueError as exc:
            raise document.error(str(exc), ("physical", symbol, "pint")) from None
    return dimensions


def _check_money_predicates(
    document: YamlDocument, lexicon: AnyLexicon, known: dict[str, PredicateEntry]
) -> None:
    """'as_money' names a predicate this file or an earlier one defines."""
    for name, entry in (getattr(lexicon, "predicates", None) or {}).items():
        if entry.as_money is not None and entry.as_money not in known:
            raise document.error(
                f"predicate {name!r}: as_money names {entry.as_money!r}, which no lexicon "
                "defines (define it in this file or an earlier one)",
                ("predicates", name, "as_money"),
            )


def physical_dimensions(
    units: dict[str, PhysicalUnit], memo: DimensionMemo | None = None
) -> dict[str, str]:
    """Dimension name of each canonical physical unit, read from pint (or ``memo``)."""
    dimensions = {}
    for symbol, unit in units.items():
        try:
            dimensions[symbol] = dimension_of(unit.pint, memo)
        except ValueError as exc:
            raise ValueError(f"unknown pint unit {unit.pint!r} for {symbol}: {exc}") from None
    return dimensions


@dataclass(frozen=True)
class CompiledLexicons:
    """The lexicons as extraction and the rules look them up. The regular expressions, which
    only extraction reads, are compiled when first used (a run that finds every article in
    the cache never compiles them); compile_patterns compiles them all at once."""

    source: Lexicons
    cue_index: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> (words, predicate)
    money_predicate: dict[str, str]  # predicate -> what its cues name before a sum of money
    weak_predicates: frozenset[str]  # predicates whose cues other cues outweigh
    sums_only: frozenset[str]  # predicates only sums of money (or changes of them) take
    counts_only: frozenset[str]  # predicates only counts take
    counted_noun: dict[str, str]  # predicate -> the noun its bare figures count
    cue_to_predicate: dict[str, str]
    alias_to_entity: dict[str, EntityEntry]
    canonical_names: dict[str, EntityEntry]
    physical_of: dict[str, str]
    physical_dimension: dict[str, str]
    currency_folded: dict[str, str]  # fold_currency(symbol or word) -> ISO 4217

    @cached_property
    def entity_pattern(self) -> re.Pattern[str]:
        return _entity_pattern(list(self.alias_to_entity))

    @cached_property
    def physical_pattern(self) -> re.Pattern[str]:
        return _physical_pattern(self.source.physical, self.source.measure_words)

    @cached_property
    def compound_pattern(self) -> re.Pattern[str]:
        """A smaller unit after a measurement ('5 ft| 2 in')."""
        return _compound_pattern(self.source.physical)

    @cached_property
    def context_patterns(self) -> dict[str, re.Pattern[str]]:
        """'currency' or a dimension -> its cues."""
        return self.source._context_patterns(self.physical_dimension)

    @cached_property
    def measure_word_patterns(self) -> dict[str, re.Pattern[str]]:
        """Dimension -> the words that may follow a number of it."""
        return self.source.measure_word_patterns()

    @cached_property
    def status_pattern(self) -> re.Pattern[str]:
        """Status phrases, matched on case-folded text."""
        return _phrase_pattern(list(self.source.status_cues))

    @cached_property
    def toll_of_noun(self) -> dict[str, str]:
        """Noun (singular) -> the predicate whose `counted_as` lists it: "15 deaths", "47
        confirmed cases" are tolls that count the people the predicate counts."""
        return {
            noun: name
            for name in sorted(self.counted_noun)
            for noun in self.source.predicates[name].counted_as
        }

    @cached_property
    def glued_units(self) -> tuple[re.Pattern[str], dict[str, str]]:
        """The symbols read only glued to digits ('44.6C'), and the unit each one writes."""
        written = {g: symbol for symbol, unit in self.source.physical.items() for g in unit.glued}
        if not written:
            return re.compile(r"(?!)"), written
        return re.compile(rf"(?:{_surface_alternation(list(written))})(?![\w°])"), written

    def compile_patterns(self) -> None:
        """Compile every pattern now: before worker processes fork, so they share them."""
        for name in ("entity_pattern", "physical_pattern", "compound_pattern",
                     "context_patterns", "measure_word_patterns", "status_pattern",
                     "glued_units"):  # fmt: skip
            getattr(self, name)

    def status_of(self, phrase: str) -> tuple[str, str] | None:
        """(decision, status) a status phrase states."""
        return self.source.status_cues.get(" ".join(phrase.split()))

    normalized_aliases: dict[str, EntityEntry] = field(default_factory=dict)
    resolved: dict[str, EntityEntry | None] = field(default_factory=dict)

    def predicate_of(self, cue: str) -> str | None:
        return self.cue_to_predicate.get(" ".join(cue.lower().split()))

    def entity_of(self, alias: str) -> EntityEntry | None:
        return self.alias_to_entity.get(alias) or self.canonical_names.get(alias.lower())

    def resolve_entity(self, name: str) -> EntityEntry | None:
        """The known entity a name written in the text stands for: an alias as written; else
        the same name without corporate suffixes and punctuation ("Alibaba Group Holding
        Ltd." is Alibaba); else a close spelling (rapidfuzz ratio >= FUZZY_CUTOFF: "Byte
        Dance", "Tencent Holding"). Results are remembered per name."""
        exact = self.entity_of(name)
        if exact is not None:
            return exact
        if name in self.resolved:
            return self.resolved[name]
        key = normalize_name(name)
        found = self.normalized_aliases.get(key)
        if found is None and len(key) >= MIN_FUZZY_LENGTH:
            match = process.extractOne(key, list(self.normalized_aliases), scorer=fuzz.ratio,
                                       score_cutoff=FUZZY_CUTOFF)  # fmt: skip
            found = self.normalized_aliases[match[0]] if match else None
        self.resolved[name] = found
        return found


def lexicon_files(rule_dirs: list[Path]) -> list[str]:
    """The lexicon files of the rules folders, in the order they are read."""
    return [
        str(path) for folder in rule_dirs for path in sorted((folder / "lexicons").glob("*.y*ml"))
    ]


def load_lexicons(rule_dirs: list[Path], memo: DimensionMemo | None = None) -> CompiledLexicons:
    """Read `lexicons/*.yaml` of every rules folder, in order, validated against the schema;
    the dimensions of physical units come from pint, or from ``memo`` when it knows them."""
    lexicons = Lexicons()
    schema = packaged_schema("lexicons.schema.json")
    for name in lexicon_files(rule_dirs):
        document = load_yaml(Path(name))
        validate(document, schema)
        try:
            lexicon = LEXICON_ADAPTER.validate_python(document.data)
        except ValidationError as exc:
            raise model_error(document, exc) from None
        lexicons.dimensions.update(_check_pint_units(document, lexicon, memo))
        lexicons.add(lexicon)
        _check_money_predicates(document, lexicon, lexicons.predicates)
        lexicons.files.append(name)
    return lexicons.compile()


def singular(noun: str, lexicons: CompiledLexicons) -> str:
    """'chips' -> 'chip', 'companies' -> 'company', 'people' -> 'person', 'GPUs' -> 'GPU'."""
    irregular = lexicons.source.nouns.get(noun.lower())
    if irregular:
        return irregular
    if noun[:-1].isupper() and noun.endswith("s"):
        return noun[:-1]
    if noun.isupper() and len(noun) > 1:
        return noun  # "14,000 TEU": an abbreviation keeps its capitals
    word = noun.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
