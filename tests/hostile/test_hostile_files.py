"""Hostile files (issue 7): each bad input is one clear line naming the file, or a warning
with --keep-going; none crashes the run or leaks into the text.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.ingest import IngestOptions, load_articles
from tests.conftest import cli

ARTICLE = (
    "Harbour Authority said on Tuesday that 12,000 containers passed through the new terminal "
    "in its first month, up from 9,500 at the old quay.\n"
)
OTHER = "The regional grid operator said demand peaked at 4,200 megawatts on Monday evening.\n"


def _collecting(**options: object) -> tuple[IngestOptions, list[str]]:
    warnings: list[str] = []
    return IngestOptions(warn=warnings.append, **options), warnings  # type: ignore[arg-type]


# --- ordinary bad files ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\n", "file is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("latin1.txt", "Caf\u00e9 prices rose 5%.".encode("latin-1"), "not valid UTF-8"),
        ("bad.jsonl", b'{"text": "ok"}\n{not json}\n', "invalid JSON"),
        ("notext.json", b'{"title": "x"}', "missing or empty 'text'"),
    ],
)
def test_bad_files_raise_a_clear_input_error(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        load_articles([str(path)])
    assert str(path) in caught.value.render()


def test_non_utf8_error_names_line_and_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"First line.\nCaf\xe9 prices rose.\n")
    with pytest.raises(InputError) as caught:
        load_articles([str(path)])
    assert caught.value.line == 2
    assert "byte offset 15" in caught.value.message


def test_bad_jsonl_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok"}\n{not json}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_articles([str(path)])
    assert caught.value.line == 2


# --- size ---------------------------------------------------------------------------------


def test_file_over_max_bytes_is_too_large_naming_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(ARTICLE * 100, encoding="utf-8")
    with pytest.raises(InputError, match=r"too large \(\d+ bytes; the limit is 1000") as caught:
        load_articles([str(path)], IngestOptions(max_bytes=1000))
    assert caught.value.render().startswith(f"{path}: too large")


def test_file_at_max_bytes_is_read(tmp_path: Path) -> None:
    path = tmp_path / "exact.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    size = path.stat().st_size
    [article] = load_articles([str(path)], IngestOptions(max_bytes=size))
    assert article.text == ARTICLE


def test_cli_max_bytes_exits_2_with_one_line_and_no_report(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE * 50, encoding="utf-8")
    out = tmp_path / "out"
    result = cli("check", str(tmp_path / "in"), "--out", str(out), "--no-cache",
                 "--max-bytes", "500")  # fmt: skip
    assert result.returncode == 2
    assert "a.txt: too large" in result.stderr
    assert not (out / "report.json").exists()


# --- unreadable, special and linked files --------------------------------------------------


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    with pytest.raises(InputError, match="cannot read file: Permission denied"):
        load_articles([str(path)])


def test_read_error_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What an unreadable file gives, whoever runs the test (root ignores permissions)."""
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match="cannot read file: Permission denied") as caught:
        load_articles([str(path)])
    assert caught.value.path == str(path)


def test_fifo_is_refused_instead_of_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(InputError, match="not a regular file"):
        load_articles([str(tmp_path)])


def test_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    with pytest.raises(InputError, match="not a regular file"):
        load_articles([str(tmp_path / "zero.txt")])


@pytest.mark.parametrize("given", ["folder", "file"])
def test_symlink_loop_is_an_input_error(tmp_path: Path, given: str) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(InputError, match="broken symlink or symlink loop"):
        load_articles([str(tmp_path if given == "folder" else loop)])


def test_two_links_pointing_at_each_other_are_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    with pytest.raises(InputError, match="symlink loop"):
        load_articles([str(tmp_path)])


def test_folder_symlink_loop_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "again").symlink_to(tmp_path, target_is_directory=True)
    assert [a.id for a in load_articles([str(tmp_path)])] == ["a.txt"]


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "private.txt"
    outside.write_text(OTHER, encoding="utf-8")
    folder = tmp_path / "bundle"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "leak.txt").symlink_to(outside)
    with pytest.raises(InputError, match="symlink to a file outside the folder given"):
        load_articles([str(folder)])


def test_symlink_inside_the_folder_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "same.txt").symlink_to(tmp_path / "a.txt")
    assert len(load_articles([str(tmp_path)])) == 1


def test_symlink_named_on_the_command_line_is_followed(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    [article] = load_articles([str(tmp_path / "link.txt")])
    assert article.text == ARTICLE


# --- duplicates -----------------------------------------------------------------------------


def test_duplicate_articles_are_read_once_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    options, warnings = _collecting()
    assert [a.id for a in load_articles([str(tmp_path)], options)] == ["a.txt", "b.txt"]
    [warning] = warnings
    assert "copy.txt" in warning and "same text as 'a.txt'" in warning


def test_duplicate_jsonl_items_are_read_once(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [{"id": "x", "text": ARTICLE}, {"id": "y", "text": ARTICLE}]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    options, warnings = _collecting()
    assert [a.id for a in load_articles([str(path)], options)] == ["feed.jsonl#x"]
    assert "feed.jsonl#y" in warnings[0]


def test_cli_reports_a_duplicate_once_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = cli("check", str(folder), "--out", str(out), "--no-cache", "--quiet")
    assert result.returncode == 0
    assert "same text as 'a.txt'" in result.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in report["articles"]] == ["a.txt"]


# --- HTML: scripts and styles never become text ---------------------------------------------

PAGE = """<!doctype html><html><head><title>Port traffic</title>
<style>body {{ width: 9100px }} .price::after {{ content: "7300 tonnes" }}</style>
<script>var leaked = "8400 containers"; {inline}</script></head>
<body><article><h1>Port traffic</h1>
<p>{article}</p>
<script type="module">document.write("6200 containers")</script>
<noscript>5100 containers were hidden</noscript>
<p onclick="alert('3300 tonnes')">{other}</p>
<style>p {{ margin: 4400px }}</style>
<!-- 2200 containers in a comment -->
</article></body></html>"""


@pytest.mark.parametrize(
    "inline",
    ["alert(1)", "</scr" + "ipt><p>hidden 1900 units</p><script>", "<!--", "]]>", "\u2028"],
)
def test_html_scripts_styles_and_comments_never_reach_the_text(tmp_path: Path, inline: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(inline=inline, article=ARTICLE, other=OTHER), encoding="utf-8")
    [article] = load_articles([str(path)])
    assert "12,000 containers" in article.text and "4,200 megawatts" in article.text
    for planted in ("8400", "6200", "5100", "3300", "2200", "7300", "9100", "4400", "alert"):
        assert planted not in article.text


# --- JSONL and --keep-going -----------------------------------------------------------------


def _feed(path: Path) -> Path:
    good = json.dumps({"id": "one", "text": ARTICLE})
    other = json.dumps({"id": "two", "text": OTHER})
    path.write_text(f"{good}\n{{'single': 'quotes'}}\n{other}\n", encoding="utf-8")
    return path


def test_bad_jsonl_line_stops_the_run_naming_its_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_articles([str(_feed(tmp_path / "feed.jsonl"))])
    assert caught.value.render().startswith(f"{tmp_path / 'feed.jsonl'}:2: invalid JSON")


def test_keep_going_reads_the_other_lines_and_warns(tmp_path: Path) -> None:
    options, warnings = _collecting(keep_going=True)
    articles = load_articles([str(_feed(tmp_path / "feed.jsonl"))], options)
    assert [a.id for a in articles] == ["feed.jsonl#one", "feed.jsonl#two"]
    [warning] = warnings
    assert warning.startswith(f"{tmp_path / 'feed.jsonl'}:2: invalid JSON on this line: ")
    assert warning.endswith("(line skipped)")


def test_keep_going_skips_bad_files_and_reads_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "c.txt").write_bytes(b"Caf\xe9 prices rose 5%.")
    (tmp_path / "d.txt").write_text(OTHER, encoding="utf-8")
    options, warnings = _collecting(keep_going=True)
    assert [a.id for a in load_articles([str(tmp_path)], options)] == ["a.txt", "d.txt"]
    assert [w.split(":")[0].rsplit("/", 1)[-1] for w in warnings] == ["b.txt", "c.txt"]
    assert all(w.endswith("(skipped)") for w in warnings)


def test_keep_going_with_nothing_readable_is_still_an_error(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    options, _ = _collecting(keep_going=True)
    with pytest.raises(InputError, match="no article could be read"):
        load_articles([str(tmp_path)], options)


def test_cli_without_keep_going_exits_2_and_writes_no_report(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("check", str(_feed(tmp_path / "feed.jsonl")), "--out", str(out), "--no-cache")
    assert result.returncode == 2
    assert "feed.jsonl:2: invalid JSON" in result.stderr
    assert not out.exists()


def test_cli_keep_going_writes_the_report_and_lists_the_warning(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("check", str(_feed(tmp_path / "feed.jsonl")), "--out", str(out), "--no-cache",
                 "--keep-going", "--quiet")  # fmt: skip
    assert result.returncode == 0
    assert "warning:" in result.stderr and "feed.jsonl:2: invalid JSON" in result.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(report["articles"]) == 2


# --- structures that exhaust a parser -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("deep.json", "[" * 100_000, "JSON nested too deeply"),
        ("deep.jsonl", '{"text": ' + "[" * 100_000, "JSON nested too deeply"),
        ("deep.md", "---\ntitle: " + "[" * 100_000 + "\n---\nBody.\n", "nested too deeply"),
    ],
)
def test_deep_nesting_is_an_input_error_not_a_crash(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_articles([str(path)])


def test_front_matter_impossible_date_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "dated.md"
    path.write_text("---\ntitle: Port\npublished: 2025-24-10\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a valid date") as caught:
        load_articles([str(path)])
    assert caught.value.line == 3


def test_front_matter_aliases_are_refused(tmp_path: Path) -> None:
    """Nested aliases ('billion laughs') would expand when the title is turned into text."""
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = tmp_path / "laughs.md"
    path.write_text("---\n" + "\n".join(levels) + "\ntitle: *a9\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(InputError, match="aliases"):
        load_articles([str(path)])
