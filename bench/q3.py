"""quantulum3, run on the same texts as checker.

quantulum3 has two ways to choose between units that share a surface form ("pound" as mass or
currency): a scikit-learn classifier (its ``[classifier]`` extra, with a model shipped in the
wheel) and, when scikit-learn is missing, a heuristic. Both run offline. The shipped model is a
pickle tied to the scikit-learn version it was built with; when it does not load, it is
retrained here, offline, from the training data shipped in the same wheel into a temporary
file (quantulum3's own ``train_classifier``), never into site-packages or the repository.
"""

from __future__ import annotations

import importlib.util
import logging
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.corpus import Doc
from bench.timing import Measurement, once, repeat

HEURISTIC = "heuristic"
CLASSIFIER = "classifier"


def installed() -> bool:
    return importlib.util.find_spec("quantulum3") is not None


@contextmanager
def _quiet() -> Iterator[list[warnings.WarningMessage]]:
    logging.getLogger("quantulum3").setLevel(logging.ERROR)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught


class Quantulum:
    """quantulum3's ``parser.parse`` in one of its two disambiguation modes."""

    def __init__(self, allow_classifier: bool = True) -> None:
        self.notes: list[str] = []
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self.classifier_path: str | None = None
        with _quiet() as caught:
            from quantulum3 import classifier, parser

        self._clf, self._parser = classifier, parser
        self.notes += [f"import warning: {w.message}".split(". ")[0] for w in caught]
        self.modes = [HEURISTIC]
        self.classifier_setup_s: float | None = None
        if allow_classifier and classifier.USE_CLF:
            self.classifier_setup_s = once(self._load_classifier)
            self.modes.append(CLASSIFIER)

    def _load_classifier(self) -> None:
        try:
            with _quiet():
                if self._clf.classifier().loaded:
                    self.notes.append("classifier: the model shipped with quantulum3 loads")
                    return
            reason = "the shipped model is missing"
        except Exception as exc:  # a pickle from another scikit-learn version
            reason = f"the shipped model does not load ({type(exc).__name__}: {exc})"
        self._tmp = tempfile.TemporaryDirectory(prefix="quantulum3-clf-")
        path = str(Path(self._tmp.name) / "clf.joblib")
        with _quiet():
            self._clf.train_classifier(store=True, output_path=path, n_jobs=1)
        self.classifier_path = path
        self.notes.append(
            f"classifier: {reason}; retrained offline from quantulum3's shipped training data "
            "into a temporary file (not timed)"
        )

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()

    @contextmanager
    def mode(self, name: str) -> Iterator[None]:
        saved = self._clf.USE_CLF
        self._clf.USE_CLF = name == CLASSIFIER
        try:
            yield
        finally:
            self._clf.USE_CLF = saved

    def parse(self, text: str, mode: str) -> list[Any]:
        kwargs = {"classifier_path": self.classifier_path} if mode == CLASSIFIER else {}
        with self.mode(mode), _quiet():
            return self._parser.parse(text, **kwargs)

    def run(self, docs: list[Doc], mode: str) -> int:
        with self.mode(mode), _quiet():
            kwargs = {"classifier_path": self.classifier_path} if mode == CLASSIFIER else {}
            return sum(len(self._parser.parse(doc.text, **kwargs)) for doc in docs)

    def measure(self, docs: list[Doc], mode: str, runs: int) -> Measurement:
        first = once(lambda: self.parse(docs[0].text, mode))  # loads units, builds its regexes
        times, quantities = repeat(lambda: self.run(docs, mode), runs)
        return Measurement(
            f"quantulum3 parse ({mode})", times, sum(d.nbytes for d in docs), len(docs),
            quantities,
            note="per article: quantulum3.parser.parse(text); quantities counted as facts",
            extra={"first_call_s": first},
        )  # fmt: skip
