"""Rule files: schema validation with file:line errors, overrides, and every rule's examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.errors import RuleError
from checker.lexicons import load_lexicons
from checker.pipeline import Config, check_paths
from checker.rules.loader import BUILTIN_RULES_DIR, load_rule_file, load_rules, rule_files
from checker.rules.spec import RuleSpec
from tests.conftest import write_corpus

VALID = (BUILTIN_RULES_DIR / "UM001-unit-mismatch.yaml").read_text(encoding="utf-8")


def _broken(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "XX001.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_rules_and_lexicons_are_valid() -> None:
    rules = load_rules([BUILTIN_RULES_DIR])
    assert [r.id for r in rules] == sorted(r.id for r in rules)
    assert load_lexicons([BUILTIN_RULES_DIR]).source.predicates


def test_unknown_key_is_reported_at_its_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, VALID.replace("severity: warning", "severity: warning\nseverty: info"))
    with pytest.raises(RuleError) as caught:
        load_rule_file(path)
    assert caught.value.line == 4
    assert "severty" in caught.value.message
    assert caught.value.render().startswith(f"{path}:4: ")


def test_wrong_type_is_reported_at_its_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, VALID.replace("report_converted: true", "report_converted: maybe"))
    with pytest.raises(RuleError) as caught:
        load_rule_file(path)
    line = VALID.splitlines().index("  report_converted: true") + 1
    assert caught.value.line == line
    assert "report_converted" in caught.value.message


def test_bad_severity_names_the_allowed_values(tmp_path: Path) -> None:
    path = _broken(tmp_path, VALID.replace("severity: warning", "severity: fatal"))
    with pytest.raises(RuleError, match="fatal") as caught:
        load_rule_file(path)
    assert caught.value.line == 3


def test_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, "id: XX001\nkind: [unit_mismatch\nseverity: info\n")
    with pytest.raises(RuleError, match="invalid YAML") as caught:
        load_rule_file(path)
    assert caught.value.line is not None


def test_duplicate_keys_are_rejected(tmp_path: Path) -> None:
    path = _broken(
        tmp_path, VALID.replace("severity: warning", "severity: warning\nseverity: info")
    )
    with pytest.raises(RuleError, match="duplicate key 'severity'") as caught:
        load_rule_file(path)
    assert caught.value.line == 4


def test_missing_required_key_is_reported(tmp_path: Path) -> None:
    path = _broken(tmp_path, VALID.replace("kind: unit_mismatch\n", ""))
    with pytest.raises(RuleError, match="'kind' is a required property"):
        load_rule_file(path)


def test_user_rules_folder_overrides_a_builtin_rule(tmp_path: Path) -> None:
    write_corpus(tmp_path, {"UM001.yaml": VALID.replace("enabled: true", "").replace(
        "severity: warning", "severity: error\nenabled: false")})  # fmt: skip
    rules = {r.id: r for r in Config.load([tmp_path]).rules}
    assert rules["UM001"].enabled is False


def _examples() -> list[tuple[RuleSpec, str, object]]:
    cases = []
    for path in rule_files(BUILTIN_RULES_DIR):
        rule = load_rule_file(path)
        cases += [(rule, "pass", case) for case in rule.examples.pass_]
        cases += [(rule, "fail", case) for case in rule.examples.fail]
    return cases


@pytest.mark.parametrize(
    ("rule", "outcome", "case"),
    _examples(),
    ids=[f"{r.id}_{o}_{c.name}" for r, o, c in _examples()],
)
def test_rule_example(rule: RuleSpec, outcome: str, case, tmp_path: Path, config: Config) -> None:
    folder = write_corpus(tmp_path / "topic", case.articles)
    report, _ = check_paths([str(folder)], config)
    fired = [f for f in report.findings if f.rule == rule.id]
    if case.findings is not None:
        assert len(fired) == case.findings, [f.message for f in fired]
    elif outcome == "fail":
        assert fired, f"{rule.id} should fire on {case.name}"
    else:
        assert not fired, [f.message for f in fired]


def test_rules_documentation_is_generated_from_the_rule_files() -> None:
    from checker.rules.docs import render
    from tests.conftest import ROOT

    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render(load_rules([BUILTIN_RULES_DIR])), (
        "docs/rules.md is stale: run `python -m checker.rules.docs` and commit the result"
    )


def _contradictions(tmp_path: Path, articles: dict[str, str], config: Config) -> list:
    report, _ = check_paths([str(write_corpus(tmp_path / "story", articles))], config)
    return [f for f in report.findings if f.rule == "CT001"]


def test_figures_tenfold_apart_are_a_warning_not_an_error(tmp_path: Path, config: Config) -> None:
    [finding] = _contradictions(tmp_path, {
        "a.txt": "October 30, 2026\nAbout 300 employees of Brennhof gathered at the gate.",
        "b.txt": "October 29, 2026\nBrennhof has about 27,500 employees worldwide.",
    }, config)  # fmt: skip
    assert finding.severity.value == "warning" and "92 times apart" in finding.reason


def test_figures_a_digit_apart_stay_an_error(tmp_path: Path, config: Config) -> None:
    [finding] = _contradictions(tmp_path, {
        "a.txt": "October 29, 2026\nBrennhof said 520 jobs will go in Germany.",
        "b.txt": "October 30, 2026\nBrennhof said 620 jobs will go in Germany.",
    }, config)  # fmt: skip
    assert finding.severity.value == "error"


def test_a_loose_word_against_a_figure_is_a_warning(tmp_path: Path, config: Config) -> None:
    [finding] = _contradictions(tmp_path, {
        "a.txt": "October 29, 2026\nBrennhof employs 1,400 workers at its Lechtal plant.",
        "b.txt": "October 30, 2026\nBrennhof employs hundreds of workers at its Lechtal plant.",
    }, config)  # fmt: skip
    assert finding.severity.value == "warning" and "loose word" in finding.reason
