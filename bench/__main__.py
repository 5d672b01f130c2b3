"""``python -m bench``: see bench/__init__.py."""

from __future__ import annotations

from bench.cli import main

raise SystemExit(main())
