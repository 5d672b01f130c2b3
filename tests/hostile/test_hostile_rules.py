"""Hostile rule packs (issue 7): a rules folder from elsewhere can neither run code, nor hang
the loader or a run, nor be wrong without a `file:line: message`. tests/test_rules.py covers
the ordinary mistakes (unknown key, wrong type, duplicate key, syntax error)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from checker.errors import RuleError
from checker.lexicons import CompiledLexicons, load_lexicons
from checker.models import Article, ArticleInfo
from checker.pipeline import Config, extract_facts
from checker.rules.loader import BUILTIN_RULES_DIR, load_rule_file
from tests.conftest import cli

CT001 = (BUILTIN_RULES_DIR / "CT001-contradiction.yaml").read_text(encoding="utf-8")
PREDICATES = load_lexicons([BUILTIN_RULES_DIR]).source.predicates


def _rule(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "XX001.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:subprocess.check_output [['touch', '{marker}']]",
        "!!python/name:os.system",
    ],
)
def test_python_tags_are_refused_and_never_run(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "ran"
    path = _rule(tmp_path, CT001.replace("title: ", f"title: {tag.format(marker=marker)}\n#", 1))
    with pytest.raises(RuleError, match="invalid YAML") as caught:
        load_rule_file(path)
    assert caught.value.line == _line_of(CT001, "title: ")
    assert not marker.exists()


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = _rule(tmp_path, "\n".join(levels) + "\n" + CT001)
    started = time.perf_counter()
    with pytest.raises(RuleError, match="aliases") as caught:
        load_rule_file(path)
    assert time.perf_counter() - started < 2
    assert caught.value.line == 2


def test_impossible_date_is_an_error_at_its_line(tmp_path: Path) -> None:
    """PyYAML raises a bare ValueError for '2025-24-10' (found by the fuzzer in front matter)."""
    text = CT001.replace("title: ", "released: 2025-24-10\ntitle: ", 1)
    with pytest.raises(RuleError, match="'2025-24-10' is not a valid date") as caught:
        load_rule_file(_rule(tmp_path, text))
    assert caught.value.line == _line_of(text, "released:")


def test_deeply_nested_yaml_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = _rule(tmp_path, "id: " + "[" * 50_000)
    with pytest.raises(RuleError, match="invalid YAML"):
        load_rule_file(path)


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("subject_in_key_for: [price_change, market_level, production, count]",
         "subject_in_key_for: [price_change, market_levels, production, count]",
         "subject_in_key_for"),
        ("    price_change: day", "    price_chnage: day", "price_chnage"),
        ("match:\n", "match:\n  predicates: [revenue, turnover]\n", "predicates: [revenue"),
    ],
)  # fmt: skip
def test_unknown_predicate_is_reported_at_its_line(
    tmp_path: Path, old: str, new: str, where: str
) -> None:
    text = CT001.replace(old, new)
    path = _rule(tmp_path, text)
    with pytest.raises(RuleError, match="unknown predicate") as caught:
        load_rule_file(path, PREDICATES)
    assert caught.value.render().startswith(f"{path}:{_line_of(text, where)}: unknown predicate")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("severity: error", "severity: [error]", "severity"),
        ("relative_tolerance: 0.02", "relative_tolerance: -1", "relative_tolerance"),
        ("relative_tolerance: 0.02", "relative_tolerance: .nan", "'.nan' is not a finite number"),
        ("relative_tolerance: 0.02", "relative_tolerance: .inf", "'.inf' is not a finite number"),
        ("id: CT001", "id: ../../etc", "id"),
        ("kind: contradiction", "kind: python", "kind"),
        ("undated_window: week", "undated_window: {week: 1}", "undated_window"),
    ],
)
def test_wrong_values_are_reported_at_their_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    text = CT001.replace(old, new)
    path = _rule(tmp_path, text)
    with pytest.raises(RuleError, match=message) as caught:
        load_rule_file(path, PREDICATES)
    assert caught.value.line == _line_of(text, new.split("\n")[0])


def test_unknown_pint_unit_in_a_lexicon_is_reported_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "lexicons").mkdir()
    path = tmp_path / "lexicons" / "units.yaml"
    path.write_text(
        "kind: units\nphysical:\n  Zq: {pint: __import__('os'), surfaces: [zorqs]}\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match="unknown pint unit") as caught:
        load_lexicons([tmp_path])
    assert caught.value.render().startswith(f"{path}:3: ")


def test_a_money_predicate_no_lexicon_defines_is_reported_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "lexicons").mkdir()
    path = tmp_path / "lexicons" / "predicates.yaml"
    path.write_text(
        "kind: predicates\npredicates:\n  building:\n    description: What is built.\n"
        "    cues: [build]\n    as_money: costt\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match="as_money names 'costt'") as caught:
        load_lexicons([tmp_path])
    assert caught.value.render().startswith(f"{path}:6: ")


def test_cli_validate_names_the_bad_reference(tmp_path: Path) -> None:
    _rule(tmp_path, CT001.replace("market_level, production,", "market_levle, production,"))
    result = cli("rules", "validate", str(tmp_path))
    assert result.returncode == 2
    assert "XX001.yaml:" in result.stderr and "unknown predicate 'market_levle'" in result.stderr


# --- no rule or lexicon field is a user regex: phrases are literals ---------------------------

EVIL = "(a+)+$"
HOSTILE_LEXICONS = {
    "predicates.yaml": "kind: predicates\npredicates:\n  revenue:\n    description: Money in.\n"
    f"    cues: ['{EVIL}', 'a+b', '.*']\n",
    "entities.yaml": "kind: entities\nentities:\n"
    f"  - {{name: Aaa, type: company, aliases: ['{EVIL}', '(a|a)*b']}}\n",
    "statuses.yaml": "kind: statuses\ndecisions:\n  approval:\n    description: Allowed.\n"
    f"    statuses:\n      approved: ['{EVIL}', '(a*)*c']\n",
}


def _hostile_config(tmp_path: Path) -> Config:
    folder = tmp_path / "rules"
    (folder / "lexicons").mkdir(parents=True)
    for name, text in HOSTILE_LEXICONS.items():
        (folder / "lexicons" / name).write_text(text, encoding="utf-8")
    return Config.load([folder])


def _compiled_patterns(lexicons: CompiledLexicons) -> list[re.Pattern[str]]:
    """Every regular expression the lexicons compile (some only when first used)."""
    lexicons.compile_patterns()
    found: list[re.Pattern[str]] = []
    for value in vars(lexicons).values():
        values = value.values() if isinstance(value, dict) else [value]
        found.extend(v for v in values if isinstance(v, re.Pattern))
    return found


def test_lexicon_phrases_reach_the_regex_engine_escaped(tmp_path: Path) -> None:
    lexicons = _hostile_config(tmp_path).lexicons
    patterns = _compiled_patterns(lexicons)
    assert len(patterns) > 5
    assert not any(EVIL in p.pattern for p in patterns), "a phrase reached re unescaped"
    # Loaded, and matched as the literal text it is (the alternation is a trie, so the escaped
    # phrase is not one piece of the pattern).
    found = lexicons.entity_pattern.search(f"said {EVIL} today")
    assert found is not None and found.group(0) == EVIL, "the phrases were not loaded"


@pytest.mark.parametrize("filler", ["a" * 30_000 + "!", "aaaa " * 6_000 + "c"])
def test_backtracking_phrases_cannot_hang_extraction(tmp_path: Path, filler: str) -> None:
    config = _hostile_config(tmp_path)
    text = f"Aaa said revenue reached 40 million dollars and approved the plan. {filler}\n"
    info = ArticleInfo(id="a.txt", path="a.txt", format="txt", sha256="0" * 64, chars=len(text))
    started = time.perf_counter()
    facts = extract_facts(Article(info=info, text=text), "t", config.lexicons)
    assert time.perf_counter() - started < 5
    assert facts and all(text[f.start : f.end] == f.quote for f in facts)
