"""The figures as Markdown: printed by ``python -m bench`` and, with ``--write-md``, written
between the markers of BENCHMARKS.md's figures section."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bench.sidebyside import Case
from bench.timing import Measurement

START = "<!-- bench:figures:start (python -m bench --write-md rewrites this section) -->"
END = "<!-- bench:figures:end -->"

EXTRACTION_TARGET = 1.0  # MB/s per core
RATIO_TARGET = 100.0
END_TO_END_TARGET, END_TO_END_STRETCH = 2.0, 5.0


@dataclass
class Results:
    machine: dict[str, str]
    corpus: list[str]
    runs: int
    floor: Measurement | None = None
    extraction: Measurement | None = None
    cli: Measurement | None = None
    cli_fixed: Measurement | None = None
    subset_extraction: Measurement | None = None
    quantulum: list[Measurement] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _f(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _rate(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def _row(m: Measurement, scope: str, extrapolated: bool = False) -> str:
    mbps = f"{m.mb_per_s:.3f}" + (" (extrapolated)" if extrapolated else "")
    return (
        f"| {m.step} | {scope} | {len(m.times)} | {_f(min(m.times))} | {_f(m.median)} | "
        f"{_f(max(m.times))} | {mbps} | {_rate(m.articles_per_s)} | {_rate(m.facts_per_s)} |"
    )


def _scope(m: Measurement) -> str:
    return f"{m.mb:.3f} MB, {m.articles} article{'s' if m.articles != 1 else ''}"


def table(r: Results) -> list[str]:
    lines = [
        "| step | texts | runs | min s | median s | max s | MB/s (median) | articles/s | facts/s |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for m in (r.floor, r.extraction, r.cli, r.cli_fixed, r.subset_extraction):
        if m is not None:
            lines.append(_row(m, _scope(m)))
    for m in r.quantulum:
        lines.append(_row(m, _scope(m), extrapolated=True))
    return lines


def ratios(r: Results) -> list[str]:
    if not r.quantulum or r.extraction is None:
        return ["quantulum3 not measured: no ratio."]
    lines = []
    for q in r.quantulum:
        full = r.extraction.mb_per_s / q.mb_per_s
        text = f"- checker extraction / {q.step}: **{full:.1f}x** (checker on the full corpus)"
        if r.subset_extraction is not None:
            same = r.subset_extraction.mb_per_s / q.mb_per_s
            text += f"; {same:.1f}x on the identical subset"
        lines.append(text)
    return lines


def _verdict(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def targets(r: Results) -> list[str]:
    lines = []
    if r.extraction is not None:
        v = r.extraction.mb_per_s
        lines.append(
            f"- extraction >= {EXTRACTION_TARGET:g} MB/s per core: {v:.3f} MB/s on one core: "
            f"{_verdict(v >= EXTRACTION_TARGET)}"
        )
    if r.extraction is not None and r.quantulum:
        worst = min(r.extraction.mb_per_s / q.mb_per_s for q in r.quantulum)
        lines.append(
            f"- extraction >= {RATIO_TARGET:g}x quantulum3: {worst:.1f}x against quantulum3's "
            f"faster mode: {_verdict(worst >= RATIO_TARGET)}"
        )
    if r.cli is not None:
        v = r.cli.mb_per_s
        text = (
            f"- end to end >= {END_TO_END_TARGET:g} MB/s per core (stretch "
            f"{END_TO_END_STRETCH:g}): {v:.3f} MB/s wall time of the whole CLI run: "
            f"{_verdict(v >= END_TO_END_TARGET)}, stretch {_verdict(v >= END_TO_END_STRETCH)}"
        )
        if r.cli_fixed is not None and r.cli.median > r.cli_fixed.median:
            marginal = r.cli.mb / (r.cli.median - r.cli_fixed.median)
            text += (
                f" (less the {r.cli_fixed.median:.2f} s that a one-article run takes: "
                f"{marginal:.3f} MB/s, {_verdict(marginal >= END_TO_END_TARGET)})"
            )
        lines.append(text)
    return lines


def side_by_side(cases: list[Case]) -> list[str]:
    lines = []
    for case in cases:
        lines += [
            f"**{case.phrase}** ({case.source}):",
            "",
            f"> {case.sentence}",
            "",
            "| tool | quote | value | unit |",
            "| --- | --- | --- | --- |",
        ]
        rows = [(x.tool, x.quote, x.value, x.unit) for x in case.readings]
        heur = [row[1:] for row in rows if row[0] == "quantulum3 (heuristic)"]
        clf = [row[1:] for row in rows if row[0] == "quantulum3 (classifier)"]
        if heur and heur == clf:  # the same reading in both modes: show it once
            rows = [row for row in rows if row[0] != "quantulum3 (classifier)"]
            rows = [("quantulum3 (both modes)", *row[1:]) if row[0] == "quantulum3 (heuristic)"
                    else row for row in rows]  # fmt: skip
        for row in rows:
            cells = [cell.replace("|", "\\|") for cell in row]
            lines.append("| " + " | ".join(f"`{c}`" if i == 1 else c
                                           for i, c in enumerate(cells)) + " |")  # fmt: skip
        if not case.readings:
            lines.append("| (nothing found) | | | |")
        lines.append("")
    return lines


def render(r: Results) -> str:
    lines = ["### Machine", ""]
    lines += [f"- {key}: {value}" for key, value in r.machine.items()]
    lines += ["", "### Corpus", ""]
    lines += [f"- {line}" for line in r.corpus]
    lines += ["", f"### Figures (min / median / max of {r.runs} runs, single process)", ""]
    lines += table(r)
    lines += ["", "### Ratio to quantulum3", ""]
    lines += ratios(r)
    lines += ["", "### Targets (from the issue)", ""]
    lines += targets(r)
    if r.cases:
        lines += ["", "### Side by side on the seeds", ""]
        lines += side_by_side(r.cases)[:-1]  # it ends with a blank line
    if r.notes:
        lines += ["", "### Notes from this run", ""]
        lines += [f"- {note}" for note in r.notes]
    return "\n".join(lines).rstrip() + "\n"


def write_md(path: Path, body: str) -> None:
    """Replace the text between the markers of ``path`` with ``body``."""
    text = path.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise ValueError(f"{path}: markers {START!r} and {END!r} not found")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n\n{body}\n{END}{tail}", encoding="utf-8")
