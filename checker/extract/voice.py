"""Whose voice a sentence speaks in, using the whole article, not the sentence alone.

A sentence names its own source when it can ("..., Reuters reported"). Otherwise: a quotation
takes the speaker named in the sentence next to it in the same paragraph; a press release
speaks for the company that issues it; a wire story's dateline covers its own reporting.
Names the article itself marks as companies ("Kestrel Biologics NV") make a later bare
"Kestrel said" an organization rather than a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from checker.extract.context import (
    AttributionCue,
    EntityMention,
    find_attribution,
    is_company_name,
    lower_case_words,
)
from checker.lexicons import CompiledLexicons
from checker.models import Span

_CORPORATE_SUFFIX = (
    r"(?:NV|N\.V\.|Inc\.?|Ltd\.?|Limited|plc|PLC|LLC|SA|S\.A\.|AG|GmbH|Corp\.?|Corporation|"
    r"Co\.|Lda\.?|SpA|S\.p\.A\.|AB|ASA|Oyj|BV|B\.V\.|SE|Group|Holdings)"
)
_ORGANIZATION = re.compile(
    rf"\b(?P<name>[A-Z][\w&-]+(?:\s+[A-Z][\w&-]+){{0,3}}),?\s+{_CORPORATE_SUFFIX}(?![\w])"
)
_RELEASE_VERB = (
    r"(?:today|this\s+morning)\s+(?:announced|confirmed|said|reported|unveiled|launched|"
    r"published|released)\b"
)
_PRESS_RELEASE = re.compile(
    rf"(?P<org>[A-Z][\w&-]+(?:\s+[A-Z][\w&-]+){{0,3}})(?:,?\s+{_CORPORATE_SUFFIX})?"
    rf"(?:\s*\([^)]{{0,60}}\))?,?\s+{_RELEASE_VERB}"
)
# What every press-release opening contains: searched first, because the opening pattern
# tries a company name at every capital letter of the window.
_PRESS_RELEASE_VERB = re.compile(rf"\s{_RELEASE_VERB}")
_TRAILING_SUFFIX = re.compile(rf"\s+{_CORPORATE_SUFFIX}$")
# Capitalized words that stand before a surname without being a first name.
_NOT_FIRST_NAMES = frozenset(
    """The A An In On At By For Of And But Or So Yet If As When While After Before Because Since
    Although Though However Meanwhile Still Also Even Only Both That This These Those Its His Her
    Their Our Minister President Director Executive Chief Officer Secretary Spokesperson Mr Mrs
    Ms Dr Professor Nurse Doctor Said Says""".split()
)
_OPENING_QUOTE = re.compile(r"^\s*[\"“‘']")
PRESS_RELEASE_WINDOW = 1200


_ORGANIZATION_NOUN = re.compile(
    r"\b(?:company|firm|developer|maker|manufacturer|operator|utility|group|producer|supplier|"
    r"drugmaker|automaker|carmaker|chipmaker|airline|bank|insurer|retailer|start-?up|conglomerate|"
    r"agency|ministry|regulator|hospital|university)\s+(?P<name>[A-Z][\w&-]+(?:\s+[A-Z][\w&-]+){0,3})"
)


def organizations_named(text: str) -> dict[str, str]:
    """Short name -> full name of every company the article marks as one, by a corporate
    suffix ("Kestrel Biologics NV") or a noun before it ("energy developer Meridia Energia")."""
    names: dict[str, str] = {}
    for pattern in (_ORGANIZATION, _ORGANIZATION_NOUN):
        for match in pattern.finditer(text):
            full = match.group("name")
            names.setdefault(full, full)
            names.setdefault(full.split()[0], full)
    return names


def press_release_voice(text: str) -> str | None:
    """The company a press release speaks for ('Kestrel Biologics NV today confirmed ...')."""
    if not _PRESS_RELEASE_VERB.search(text, 0, PRESS_RELEASE_WINDOW):
        return None
    match = _PRESS_RELEASE.search(text, 0, PRESS_RELEASE_WINDOW)
    if not match:
        return None
    return _TRAILING_SUFFIX.sub("", match.group("org")).strip() or None


@dataclass
class ArticleVoice:
    """Attribution of each sentence of one article, computed on demand and remembered."""

    text: str
    sentences: list[Span]
    lexicons: CompiledLexicons
    dateline_outlet: str | None
    press_org: str | None = None
    _own: dict[int, AttributionCue | None] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        text: str,
        sentences: list[Span],
        lexicons: CompiledLexicons,
        dateline_outlet: str | None,
    ) -> ArticleVoice:
        return cls(text, sentences, lexicons, dateline_outlet, press_release_voice(text))

    # Whole-article readings, each computed the first time a sentence needs it: many articles
    # never do, and each is a scan of the full text.
    @cached_property
    def organizations(self) -> dict[str, str]:
        return organizations_named(self.text)

    @cached_property
    def common_words(self) -> frozenset[str]:
        return lower_case_words(self.text)

    def is_common_word(self, word: str) -> bool:
        """Whether the article writes ``word`` in lower case (read once, when first asked)."""
        return word in self.common_words

    @cached_property
    def main_subject(self) -> EntityMention | None:
        from checker.extract import main_subject  # the package imports this module

        return main_subject(self.text, self.lexicons, self.sentences)

    @cached_property
    def main_item(self) -> str | None:
        from checker.extract import main_item  # the package imports this module

        return main_item(self.text)

    def own(self, index: int) -> AttributionCue | None:
        if index not in self._own:
            span = self.sentences[index]
            cue = find_attribution(self.text[span.start : span.end], self.lexicons)
            self._own[index] = self._resolve_organization(cue)
        return self._own[index]

    def _resolve_organization(self, cue: AttributionCue | None) -> AttributionCue | None:
        """Companies the article names with a suffix, and people by their full name."""
        if cue is None or cue.kind != "person" or not cue.source:
            return cue
        full = self.organizations.get(cue.source) or self.organizations.get(cue.source.split()[0])
        if full and (cue.source == full or " " not in cue.source):
            return AttributionCue("organization", full, cue.cue)
        if " " not in cue.source:
            full = self._full_name(cue.source)
            kind = "organization" if is_company_name(full) else "person"  # "Lumex Systems"
            return AttributionCue(kind, full, cue.cue)
        return cue

    def _full_name(self, surname: str) -> str:
        """'Achieng' -> 'Grace Achieng', 'Wei' -> 'Wei Shaojun': the first place the article
        gives the longer name (not at a sentence start, where any word is capitalized)."""
        name = re.escape(surname)
        pattern = rf"\b([A-Z][a-z]+)\s+{name}\b(?!\s+[A-Z])|\b{name}\s+([A-Z][a-z]+)\b(?=\s*[,(])"
        for match in re.finditer(pattern, self.text):
            if match.group(1) and match.group(1) in _NOT_FIRST_NAMES:
                continue
            return (
                f"{match.group(1)} {surname}" if match.group(1) else f"{surname} {match.group(2)}"
            )
        return surname

    def _previous_speaker(self, index: int) -> AttributionCue | None:
        """'he says': the person named most recently before, within a few sentences."""
        for earlier in range(index - 1, max(-1, index - 6), -1):
            cue = self.own(earlier)
            if cue is not None and cue.kind == "person" and cue.source:
                return cue
        return None

    def attribution(self, index: int) -> AttributionCue | None:
        own = self.own(index)
        if own is not None and own.kind == "person" and own.source is None:
            earlier = self._previous_speaker(index)
            return AttributionCue("person", earlier.source, own.cue) if earlier else own
        if own is not None and own.kind == "anonymous" and self.dateline_outlet:
            # A wire story's unnamed sources spoke to the wire: it vouches for what they said.
            return AttributionCue("outlet", self.dateline_outlet, own.cue)
        if own is not None:
            return own
        span = self.sentences[index]
        if _OPENING_QUOTE.match(self.text, span.start):
            for neighbour in (index + 1, index - 1):
                if self._same_paragraph(index, neighbour) and self.own(neighbour):
                    return self.own(neighbour)
        if self.press_org:
            return AttributionCue("organization", self.press_org, "press release")
        if self.dateline_outlet:
            return AttributionCue("outlet", self.dateline_outlet, "dateline")
        return None

    def _same_paragraph(self, a: int, b: int) -> bool:
        if not 0 <= b < len(self.sentences):
            return False
        first, second = sorted((self.sentences[a], self.sentences[b]), key=lambda s: s.start)
        return "\n\n" not in self.text[first.end : second.start]
