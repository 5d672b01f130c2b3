"""Alternations of many phrases written as a trie, so ``re`` reads each character once.

``re`` tries the branches of ``(?:million|millions|milliard|...)`` one after another at every
position; written as ``mil(?:li(?:on(?:s)?|ard))`` it tests each character once. The trie
matches what the plain alternation sorted longest first matches: where several phrases fit
at one position, the longest is tried first and the shorter ones on backtracking.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Node = dict[str, "_Node"]
_END = ""  # the key marking that a phrase ends at a node


def trie_alternation(phrases: Iterable[str], ignore_case: bool = False) -> str:
    """A regex matching any of ``phrases``, a space in one matching any run of white space
    (as ``checker.lexicons._alternation`` writes them). With ``ignore_case`` (for a pattern
    compiled with re.IGNORECASE) phrases are merged in lower case; phrases outside ASCII then
    keep the plain alternation, since re folds some letters differently from str.lower."""
    cleaned = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    plain = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in cleaned)
    if any(_has_other_space(p) for p in cleaned) or (
        ignore_case and not all(p.isascii() for p in cleaned)
    ):
        return plain  # a tab or a case variant could match in two branches: keep the order
    root: _Node = {}
    for phrase in cleaned:
        node = root
        for char in phrase.lower() if ignore_case else phrase:
            node = node.setdefault(r"\s+" if char == " " else re.escape(char), {})
        node[_END] = {}
    return _branches(root)


def _has_other_space(phrase: str) -> bool:
    return any(char.isspace() and char != " " for char in phrase)


def _branches(node: _Node) -> str:
    """The regex of a node: its branches (longer phrases first, by greedy ``?``)."""
    branches = [unit + _branches(child) for unit, child in node.items() if unit != _END]
    if not branches:
        return ""
    if len(branches) == 1 and _END not in node:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if _END in node else group
