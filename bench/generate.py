"""A deterministic news corpus with planted findings, and its manifest.

    python -m bench.generate OUT --articles 1000 [--topics 200] [--seed 7]

writes OUT/<topic folder>/<nn>_<outlet>.txt (one folder per topic: checker reads each folder
given as one topic) and OUT/manifest.json: the planted findings in the `planted:` format of
tests/gold/FORMAT.md, with `corpus: "."` so checker.evaluation can score a report against it.
The same arguments give the same bytes: one random.Random(seed) drives everything, and
nothing depends on the clock, the file system order or hash seeds.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from bench.phrasing import (
    ANALYST_QUOTES,
    FILLER,
    MONTHS,
    NOISE,
    OUTLETS,
    TITLE_VERBS,
    TITLES,
    WEEKDAYS,
    person,
    pick,
)  # fmt: skip
from bench.plants import Statement, TopicPlan, plan_topic
from bench.stories import Story, article_date, make_story

ARTICLE_BYTES = (2000, 4000)
DEFAULT_ARTICLES_PER_TOPIC = 5
MIN_ARTICLES_PER_TOPIC = 3


@dataclass(frozen=True)
class Generated:
    """What one generation wrote."""

    root: Path
    articles: int
    topics: int
    bytes: int
    planted: int


def topic_sizes(articles: int, topics: int) -> list[int]:
    """Articles per topic, as even as possible, each topic at least three articles."""
    topics = max(1, min(topics, articles // MIN_ARTICLES_PER_TOPIC))
    base, extra = divmod(articles, topics)
    return [base + (i < extra) for i in range(topics)]


def choose_outlets(rng: random.Random, count: int) -> list[tuple[str, bool, str]]:
    """Distinct outlets when there are enough, with at least one wire and one without a
    dateline, in a shuffled order."""
    wires = [o for o in OUTLETS if o[1]]
    others = [o for o in OUTLETS if not o[1]]
    chosen = [pick(rng, tuple(wires)), pick(rng, tuple(others))]
    rest = [o for o in OUTLETS if o not in chosen]
    rng.shuffle(rest)
    chosen += [rest[i % len(rest)] for i in range(count - 2)]
    rng.shuffle(chosen)
    return chosen


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def header(
    story: Story, outlet: tuple[str, bool, str], day_offset: int, rng: random.Random
) -> tuple[list[str], str]:
    """Title, byline and date lines, and the dateline that opens a wire story's first line."""
    day = article_date(story, day_offset)
    slots = {**story.slots(), "verb": pick(rng, TITLE_VERBS)}
    lines = [pick(rng, TITLES).format(**slots), ""]
    if outlet[1]:
        lines += [f"By {person(rng)}", f"{MONTHS[day.month - 1]} {day.day}, {day.year}", ""]
        month = MONTHS[day.month - 1][:3]
        dateline = f"{story.city.upper()}, {month} {day.day} ({outlet[0]}) - "
        return lines, dateline
    if outlet[0].endswith(("Digest", "Desk", "Buzz", "Weekly")):
        lines += [f"Published {day.isoformat()}", ""]
    else:
        lines += [f"By {person(rng)} | {day.day} {MONTHS[day.month - 1]} {day.year}", ""]
    return lines, ""


class Filler:
    """Background sentences for one article, none repeated until all have been used."""

    def __init__(self, story: Story, outlet: tuple[str, bool, str], rng: random.Random) -> None:
        self.story, self.outlet, self.rng = story, outlet, rng
        self.deck: list[str] = []

    def next(self) -> str:
        if not self.deck:
            self.deck = [*FILLER, pick(self.rng, ANALYST_QUOTES), pick(self.rng, ANALYST_QUOTES)]
            self.rng.shuffle(self.deck)
        slots = {**self.story.slots(), "weekday": pick(self.rng, WEEKDAYS)}
        return self.deck.pop().format(person=person(self.rng), outlet=self.outlet[2], **slots)


def noise(title: str, outlet: tuple[str, bool, str], rng: random.Random) -> str:
    return pick(rng, NOISE).format(title=title, outlet=outlet[0], footnote=rng.randint(1, 9))


def body(statements: list[Statement], story: Story, outlet: tuple[str, bool, str], title: str,
         target: int, rng: random.Random) -> list[list[Statement] | str]:  # fmt: skip
    """Paragraphs of two or three sentences, the article's statements spread among filler
    until the article reaches ``target`` bytes, with scraping noise lines between some."""
    pending = list(statements)
    rng.shuffle(pending)
    parts: list[list[Statement] | str] = []
    fill = Filler(story, outlet, rng)
    size = 0
    while pending or size < target:
        paragraph = []
        for _ in range(rng.randint(2, 3)):
            if pending and (rng.random() < 0.6 or size >= target):
                paragraph.append(pending.pop())
            else:
                paragraph.append(Statement(fill.next()))
            size += len(paragraph[-1].text) + 1
        parts.append(paragraph)
        if rng.random() < 0.25:
            parts.append(noise(title, outlet, rng))
    return parts


def render(
    plan: TopicPlan, index: int, rng: random.Random
) -> tuple[str, list[tuple[int, str, int]]]:
    """Article ``index`` of the plan as text, and where its planted quotes start:
    (entry, quote, offset)."""
    outlet, story = plan.outlets[index], plan.story
    lines, dateline = header(story, outlet, index, rng)
    target = rng.randint(*ARTICLE_BYTES) - len("\n".join(lines)) - 120
    text = "\n".join(lines) + "\n"
    located: list[tuple[int, str, int]] = []
    for number, part in enumerate(
        body(plan.statements[index], story, outlet, lines[0], target, rng)
    ):
        if isinstance(part, str):
            text += part + "\n\n"
            continue
        text += dateline if number == 0 else ""
        for sentence in part:
            for entry, quote in sentence.quotes:
                located.append((entry, quote, len(text) + sentence.text.index(quote)))
            text += sentence.text + " "
        text = text[:-1] + "\n\n"
    text += f"{noise(lines[0], outlet, rng)}\n"
    return text, located


def occurrence(text: str, quote: str, start: int) -> int:
    """Which occurrence of ``quote`` starts at ``start``, counted as checker.evaluation.locate
    counts (overlapping matches)."""
    count, found = 0, -1
    while True:
        found = text.find(quote, found + 1)
        count += 1
        if found == start:
            return count
        if found < 0 or found > start:
            raise ValueError(f"{quote!r} not at {start}")


def write_topic(
    root: Path, story: Story, plan: TopicPlan, rng: random.Random
) -> tuple[int, list[dict[str, object]]]:
    """Write the topic's articles; returns their bytes and the manifest entries with located
    quotes."""
    folder = root / story.folder
    folder.mkdir(parents=True, exist_ok=True)
    facts: dict[int, list[dict[str, object]]] = {i: [] for i in range(len(plan.entries))}
    written = 0
    for index, outlet in enumerate(plan.outlets):
        name = f"{index + 1:02d}_{_slug(outlet[0])}.txt"
        text, located = render(plan, index, rng)
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        written += len(data)
        for entry, quote, start in located:
            path = f"{story.folder}/{name}"
            facts[entry].append(
                {"article": path, "quote": quote, "occurrence": occurrence(text, quote, start)}
            )
    entries = [{**e, "facts": facts[i]} for i, e in enumerate(plan.entries) if facts[i]]
    return written, entries


def generate(root: Path, articles: int, topics: int | None = None, seed: int = 7) -> Generated:
    """Write ``articles`` articles over ``topics`` topics (default: five articles each) and
    the manifest under ``root``."""
    rng = random.Random(seed)
    sizes = topic_sizes(articles, topics or max(1, articles // DEFAULT_ARTICLES_PER_TOPIC))
    planted: list[dict[str, object]] = []
    total = 0
    for index, size in enumerate(sizes):
        story = make_story(rng, index)
        plan = plan_topic(story, index, choose_outlets(rng, size), rng)
        written, entries = write_topic(root, story, plan, rng)
        total += written
        planted += entries
    manifest = {"generator": "bench.generate", "seed": seed, "articles": sum(sizes),
                "topics": len(sizes), "bytes": total, "corpus": ".",
                "planted": planted}  # fmt: skip
    (root / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return Generated(root, sum(sizes), len(sizes), total, len(planted))


def topic_folders(root: Path) -> list[str]:
    """The topic folders of a generated corpus, in order (one checker topic each)."""
    return sorted(str(p) for p in root.iterdir() if p.is_dir())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate", description=__doc__.split("\n")[0]
    )
    parser.add_argument("out", type=Path, help="folder to write (created; should be empty)")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--topics", type=int, default=None, help="default: articles / 5")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    made = generate(args.out, args.articles, args.topics, args.seed)
    print(f"{made.articles} articles, {made.topics} topics, {made.bytes:,} bytes, "
          f"{made.planted} planted entries -> {made.root}")  # fmt: skip


if __name__ == "__main__":
    main()
