"""Speed benchmark for checker's extraction, compared with quantulum3 on the same texts.

Run it from the repository root with ``python -m bench`` (``--help`` for the options). It
prints a table and writes nothing into the repository unless ``--write-md`` is given, which
rewrites the figures section of BENCHMARKS.md. Generated data goes to a temporary folder.
"""

from __future__ import annotations

MB = 1_000_000  # bytes of UTF-8 text; every MB and MB/s figure uses this decimal megabyte
