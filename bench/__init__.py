"""Speed benchmark for checker's extraction, compared with quantulum3 on the same texts.

Run it from the repository root with ``python -m bench`` (``--help`` for the options). It
prints a table and writes nothing into the repository unless ``--write-md`` is given, which
rewrites the figures section of BENCHMARKS.md. Generated data goes to a temporary folder.

On generated news with planted findings (BENCHMARKS.md, "Scale and planted findings"):
``python -m bench.generate`` writes the corpus and its manifest, ``python -m bench.planted``
scores checker's recall on it, ``python -m bench.diagnose`` says why each miss is missed and
``python -m bench.scale`` times whole runs and stages at several sizes.
"""

from __future__ import annotations

MB = 1_000_000  # bytes of UTF-8 text; every MB and MB/s figure uses this decimal megabyte
