"""Sentence-level context of a fact: who says it, how hedged it is, when, and about whom.

These are cue grammars over one sentence. A wire story's dateline ("(Reuters) –") attributes
the article's own unattributed reporting to that outlet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from checker.datelines import DATELINE
from checker.lexicons import CompiledLexicons

_NAME = r"(?:[A-Z][\w&.'’-]*(?:\s+(?:of\s+|the\s+|for\s+|and\s+)?[A-Z][\w&.'’-]*){0,5})"
SPEECH_VERB_WORDS = (
    "reported", "reports", "said", "says", "told", "wrote", "writes", "stated", "states",
    "announced", "announces", "confirmed", "confirms", "estimated", "estimates", "projected",
    "projects", "predicted", "predicts", "noted", "notes", "added", "adds", "claimed", "claims",
    "cited", "citing", "stressed", "warned", "forecast", "forecasts",
)  # fmt: skip
_SPEECH_VERBS = (
    r"(?:has\s+|had\s+|have\s+)?(?:previously\s+|also\s+|repeatedly\s+|earlier\s+)?"
    rf"(?:{'|'.join(SPEECH_VERB_WORDS)})"
)
ATTRIBUTION_PATTERNS = [
    ("anonymous", re.compile(
        r"\b(?:(?:people|persons?|sources?|individuals|officials|insiders|executives)\s+"
        r"(?:familiar|briefed|with\s+(?:direct\s+)?knowledge|close\s+to|who\s+(?:asked|requested|"
        r"declined|spoke))|(?:informed|unnamed|anonymous|industry)\s+sources|sources\s+said|"
        r"according\s+to\s+(?:informed\s+|unnamed\s+)?(?:sources|people|a\s+person|insiders)|"
        r"according\s+to\s+(?:two|three|four|five|several|some|many|\d+)\s+(?:[a-z-]+\s+){0,2}"
        r"(?:officials|people|sources|executives|insiders|diplomats|analysts|employees|persons))|"
        # Unnamed people named by role: "health officials said", "police told reporters".
        r"\b(?:officials|authorities|police|analysts|experts|economists|investigators|"
        r"prosecutors|researchers|scientists|doctors|diplomats|traders|executives|organi[sz]ers)"
        r"\s+(?:have\s+|had\s+)?(?:said|say|says|told|estimated|estimate|reported|confirmed|"
        r"warned|believe|believed)\b",
        re.IGNORECASE)),
    ("self", re.compile(
        r"\b(?:the|The)\s+(?:company|firm|group|ministry|agency|government|council|regulator|"
        r"operator|developer|manufacturer|utility|department|authority|bank|airline|carrier|"
        r"automaker|carmaker|chipmaker|drugmaker|planemaker|maker|retailer|lender|insurer|"
        r"miner|startup|producer|supplier|provider|exchange|committee|commission|board|city|"
        r"municipality|hospital|university|police|army|military|union|court|port|airport|"
        r"cabinet|administration|embassy|school|club|plant|mill|refinery)\s+"
        r"(?:said|says|announced|confirmed|stated|added)\b|"
        r"\b(?:a|an|the)\s+(?:[a-z]+\s+)?(?:spokesman|spokeswoman|spokesperson)\s+"
        r"(?:said|says|told|added)\b")),
    ("according", re.compile(rf"\baccording\s+to\s+(?:the\s+)?(?P<src>{_NAME})")),
    ("verb_after", re.compile(rf"(?P<src>(?:The\s+)?{_NAME})\s+{_SPEECH_VERBS}\b")),
    ("appositive", re.compile(
        rf"(?P<src>{_NAME}),\s+(?:[^,]{{1,80}}),\s+{_SPEECH_VERBS}\b"
        rf"|,\s+(?P<src2>{_NAME}),\s+{_SPEECH_VERBS}\b")),
    ("citing", re.compile(
        rf"\b(?:citing|cited\s+by|as\s+reported\s+by|reported\s+by)\s+(?:the\s+)?(?P<src>{_NAME})")),
    ("said_name", re.compile(rf"\b(?:said|says|added|according\s+to)\s+(?P<src>{_NAME})")),
    ("told", re.compile(rf"\btold\s+(?P<src>(?:the\s+)?{_NAME})")),
    ("pronoun", re.compile(r"\b(?:he|she|they)\s+(?:said|says|added|adds|told)\b", re.IGNORECASE)),
]  # fmt: skip
# Words one of which every match of each pattern above contains, whole and in lower case (the
# speech verb, "according", the role of unnamed sources): a sentence that has none of them
# skips that pattern. Letters that the case-insensitive patterns equate with ASCII ones
# ("ſaid", "İnsiders") let every pattern run.
_ATTRIBUTION_NEEDS = {
    "anonymous": frozenset(
        "people person persons source sources individuals officials insiders executives informed "
        "unnamed anonymous industry according authorities police analysts experts economists "
        "investigators prosecutors researchers scientists doctors diplomats traders organisers "
        "organizers".split()
    ),
    "self": frozenset("said says announced confirmed stated added told".split()),
    "according": frozenset({"according"}),
    "verb_after": frozenset(SPEECH_VERB_WORDS),
    "appositive": frozenset(SPEECH_VERB_WORDS),
    "citing": frozenset({"citing", "cited", "reported"}),
    "said_name": frozenset({"said", "says", "added", "according"}),
    "told": frozenset({"told"}),
    "pronoun": frozenset({"said", "says", "added", "adds", "told"}),
}
_ATTRIBUTION_WORD = re.compile(
    r"\b(?:"
    + "|".join(sorted(set().union(*_ATTRIBUTION_NEEDS.values()), key=len, reverse=True))
    + r")\b"
)
CASE_TRAPS = re.compile("[İıſ]")
_PERSON_TITLES = re.compile(
    r"\b(?:CEO|chief|president|minister|spokesperson|spokesman|spokeswoman|director|chairman|"
    r"analyst|professor|secretary|governor|official|manager|founder|columnist|economist)\b",
    re.IGNORECASE,
)
# A company's legal form ("Ltd", "plc", "AG"): it makes a name a company's, and it is no part
# of what the company is called (checker.normalize drops it from subjects).
LEGAL_FORMS = (r"Ltd|Limited|Inc|Incorporated|plc|PLC|LLC|Corp|Co|GmbH|AG|SA|S\.A|NV|N\.V|SE|"
               r"SpA|S\.p\.A|BV|B\.V|Pty|KK|Oyj|ASA|AB")  # fmt: skip
_COMPANY_SUFFIX = re.compile(rf"\b(?:{LEGAL_FORMS}|Group|Holdings?|Technologies)\b\.?")
# The trade word that ends a company's name ("Lumex Systems"). Not a legal suffix: a public
# body may carry one too ("Ministry of Mining", "Capital Region Authority").
_TRADE_WORD = re.compile(
    r"\b(?:Systems|Industries|Motors|Airlines|Airways|Pharmaceuticals|Pharma|Biologics|"
    r"Therapeutics|Labs|Laboratories|Electronics|Semiconductors?|Robotics|Aerospace|Logistics|"
    r"Networks|Solutions|Dynamics|Ventures|Capital|Partners|Mining|Minerals|Chemicals|Foods|"
    r"Brands|Enterprises)\b"
)

# Head words that make a name an institution ("Ministry of Health") or a publication
# ("Vaccine Supply Weekly") rather than a person.
_INSTITUTION = re.compile(
    r"\b(?:Ministry|Department|Agency|Authority|Bureau|Commission|Council|Hospital|University|"
    r"Bank|Board|Office|Institute|Court|Police|Government|Directorate|Administration|"
    r"Association|Federation|Union|Organi[sz]ation|Fund|Service|Corporation|Company|Committee|"
    r"Parliament|Senate|Congress|Regulator|Exchange|Center|Centre|Foundation|Group)\b"
)
_PUBLICATION_WORDS = frozenset(
    "Weekly Times Post News Journal Daily Herald Gazette Tribune Magazine Telegraph Guardian "
    "Observer Courier Chronicle Newswire Monitor Examiner Dispatch Inquirer".split()
)
_PUBLICATION = re.compile(rf"\b(?:{'|'.join(sorted(_PUBLICATION_WORDS))})\b")
_STATEMENT = re.compile(r"\b(?:statement|filing|press\s+release|news\s+release|report)\b")
# A name introduced by what kind of organization it is ("energy developer Meridia Energia
# said"), or speaking of itself as "it" ("Meridia Energia said Wednesday it will build"), is a
# company, whatever its words; a person is "he" or "she".
_ORGANIZATION_NOUN = re.compile(
    r"\b(?:company|firm|developer|maker|operator|utility|carrier|lender|insurer|retailer|"
    r"start-?up|manufacturer|producer|supplier|drugmaker|chipmaker|automaker|carmaker|airline|"
    r"conglomerate|miner|subsidiary|contractor|builder|distributor|group)\s+$"
)
_SPEAKS_AS_IT = re.compile(
    r"\s+(?:said|says|announced|confirmed)\s+(?:on\s+)?(?:[A-Z][a-z]+day\s+)?(?:that\s+)?"
    r"(?:its\b|it\s+(?:will|plans|expects|aims|intends)\s+(?!take|be\b))"
)

# Cue words of each modality, lower case: they are matched on the case-folded text.
MODALITY_CUES = {
    # "decided not to buy 500 chips" negates the purchase; "told 8,600 households not to
    # drink the water" negates the drinking, not the count (see find_modality).
    "negated_infinitive": r"not\s+to(?=\s)",
    "negated": r"not|never|no\s+longer|yet\s+to|n't|declined\s+to|refused\s+to|denied|without",
    # "may" before a number is the month ("RENNET BAY, May 5 (Reuters) -").
    # "may" before a number, after "in"/"of"/"since"... or before a full stop is the month.
    # (The lookbehinds follow "may" so that only a "may" pays for them.)
    "hypothetical": r"could|would|might|"
    r"may(?<!\bin\smay)(?<!\bof\smay)(?<!\bby\smay)(?<!\bsince\smay)(?<!\buntil\smay)"
    r"(?<!\bfrom\smay)(?<!\blast\smay)(?<!\bnext\smay)(?<!\bthis\smay)(?<!\bearly\smay)"
    r"(?<!\blate\smay)(?<!mid-may)(?!\s+\d)(?!\s*[.,;:])|"
    r"if|potential|potentially|possible|possibly|"
    r"should|hypothetical|contingent",
    # "plans to", not the noun: "sources briefed on the plan said" hedges nothing. "Would"
    # in reported speech is "will" moved into the past ("the mayor said the campus would
    # bring 1,200 jobs"), matched from the reporting verb on so it is not read as a hedge.
    "expected": r"(?:said|says|told|announced|added|promised|predicted|estimated|expected|"
    r"confirmed)"
    r"\s+(?:that\s+)?(?:[\w'’-]+(?:[,.]\d+)*\s+){0,4}?would|"
    r"expected|expects|expect|aims?|aiming|plans?\s+to|planned|planning|intends?|"
    r"intended|will|set\s+to|scheduled|forecasts?|projected|anticipated?|targets?|targeting|is\s+to|"
    r"are\s+to|going\s+to|on\s+track|foresees?|outlook|guidance|predicts?|"
    # "The Bank now projects GDP growth of 1.1%": the verb, not the noun ("12 projects")
    r"(?:now|also|still|it|which)\s+projects",
    "reported": r"reportedly|reported|according\s+to|said|says|told|understood|claimed|alleged|"
    r"allegedly",
}
_MODALITY_CUE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{kind}>{cues})" for kind, cues in MODALITY_CUES.items()) + r")\b"
)


@dataclass(frozen=True, slots=True)
class AttributionCue:
    kind: str  # outlet | person | organization | anonymous | none
    source: str | None
    cue: str | None


def _classify_source(
    name: str, lexicons: CompiledLexicons, context: str, preceding: str = ""
) -> AttributionCue:
    cleaned = re.sub(r"^(?:the|The)\s+", "", name).strip(" ,.")
    entity = lexicons.entity_of(cleaned) or lexicons.resolve_entity(name.strip(" ,."))
    if entity is not None:
        kind = {"outlet": "outlet", "person": "person"}.get(entity.type, "organization")
        return AttributionCue(kind, entity.name, context)
    if _PUBLICATION.search(cleaned):
        return AttributionCue("outlet", cleaned, context)
    if (
        is_company_name(cleaned)
        or _INSTITUTION.search(cleaned)
        or _STATEMENT.search(context)
        or _ORGANIZATION_NOUN.search(preceding)
        or _SPEAKS_AS_IT.match(context, context.find(cleaned) + len(cleaned))
    ):
        return AttributionCue("organization", cleaned, context)
    return AttributionCue("person", cleaned, context)


# Titles before a name ("Health Minister Amina Otieno", "Meridia Chief Executive Ines Carvalho"):
# everything up to the last title word goes, the name stays.
_TITLE_WORDS = re.compile(
    r"^(?:(?:the|The)\s+)?(?:[A-Z][\w.&-]*\s+){0,4}?(?:(?:CEO|Chief\s+Executive|President|"
    r"Vice\s+President|Minister|Spokesperson|Spokesman|Spokeswoman|Secretary|Chairman|"
    r"Chairwoman|Director|Governor|Mayor|Senator|Commissioner|Officer|Manager|Dr\.?|Mr\.?|"
    r"Ms\.?|Mrs\.?|Professor|Prof\.)\s+)+"
)
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# Whole words only: "Marova", "Janssen" and "Octavia" are names, not months.
_MONTH_WORD = re.compile(
    r"^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    rf"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|{_WEEKDAYS})\b"
)
# "On Tuesday the Aldmark Vehicle Safety Agency said": the time the sentence opens with is
# not part of the speaker's name. (A month alone opens names too: "May Chen said".)
_TIME_BEFORE_NAME = re.compile(
    rf"^(?:(?:On\s+|Last\s+|This\s+)?(?:{_WEEKDAYS})|Today|Yesterday|"
    r"(?:In|By|Last|This|Early|Late|Since)\s+(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December))\s+(?:the\s+)?(?=[A-Z])"
)
_NOT_SOURCES = frozenset(
    [
        "It",
        "This",
        "That",
        "There",
        "They",
        "He",
        "She",
        "We",
        "Chinese",
        "Some",
        "Many",
        "Others",
        "Media",
        "Both",
        "Analysts",
        "Officials",
        "Regulators",
        "Companies",
    ]
)


def find_attribution(sentence: str, lexicons: CompiledLexicons) -> AttributionCue | None:
    """The source a sentence names for what it states, or None when it names none.

    A named outlet wins over other speakers in the same sentence ("A told B ..., Bloomberg
    reported"; "people familiar with the matter told Reuters"): the outlet is whom the reader
    must trust for the whole sentence. Unnamed sources come next, then named speakers.
    """
    anonymous: AttributionCue | None = None
    fallback: AttributionCue | None = None
    present = set(_ATTRIBUTION_WORD.findall(sentence.lower()))
    every = CASE_TRAPS.search(sentence) is not None
    for kind, pattern in ATTRIBUTION_PATTERNS:
        if not every and present.isdisjoint(_ATTRIBUTION_NEEDS[kind]):
            continue  # none of the words every match of this pattern has
        for match in pattern.finditer(sentence):
            cue = _cue_of(kind, match, lexicons, sentence)
            if cue is None:
                continue
            if cue.kind == "outlet":
                return cue
            if cue.kind == "anonymous":
                anonymous = anonymous or cue
            fallback = fallback or cue
    return anonymous or fallback


def _cue_of(
    kind: str, match: re.Match[str], lexicons: CompiledLexicons, sentence: str
) -> AttributionCue | None:
    if kind == "anonymous":
        return AttributionCue("anonymous", None, match.group(0))
    if kind == "pronoun":
        return AttributionCue("person", None, match.group(0))
    if kind == "self":
        return AttributionCue("organization", None, match.group(0))
    raw = match.group("src") or (match.groupdict().get("src2") or "")
    source = _TIME_BEFORE_NAME.sub("", _TITLE_WORDS.sub("", raw).strip())
    first = source.split()[0] if source else ""
    if not source or first in _NOT_SOURCES or _MONTH_WORD.match(source):
        return None
    if source.endswith(("'s", "’s")):
        return None  # "Alibaba's reported interest": a possessive, not a speaker
    # "Germany's Angela Merkel said", "Japan's Nikkei reported": the speaker is the name
    # possessed; the possessor says where it is from.
    source = _POSSESSOR.sub("", source)
    context = sentence[match.start() : match.end() + 40]
    named_at = match.start("src") if match.group("src") else match.start("src2")
    cue = _classify_source(source, lexicons, context, sentence[max(0, named_at - 30) : named_at])
    cue = AttributionCue(cue.kind, cue.source, match.group(0))
    if kind == "told" and cue.kind != "outlet":
        return None  # "A told B": B is the listener; only "told Reuters" names a channel
    return cue


# (characters before, characters after) the number in which each cue counts. A negation
# binds tightly to its verb; a modal or plan verb governs the whole clause around the number.
MODALITY_WINDOWS = {"negated": (60, 20), "hypothetical": (150, 60), "expected": (150, 60)}


def modality_cues(folded: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, modality) of every hedge, negation or reporting cue in a sentence, read
    once on the case-folded text and shared by all the numbers of the sentence."""
    return [
        (m.start(), m.end(), m.lastgroup or "")
        for m in _MODALITY_CUE.finditer(folded, start, end)
        if not _hedges_nothing(m, folded, end)
    ]


def _hedges_nothing(cue: re.Match[str], folded: str, end: int) -> bool:
    """A cue word that is part of something else: a negation inside a compound (a
    "do-not-drink notice", a "never-ending queue"), an "if" addressed to the reader."""
    word = cue.group()
    if word == "if":
        return _CLAUSE_ENDS_IN_COLON.match(folded, cue.end(), end) is not None
    if cue.lastgroup == "negated":
        return folded[cue.start() - 1 : cue.start()] == "-" or folded.startswith("-", cue.end())
    return False


# "If you missed the news: a valve failed and 45,000 litres leaked" is addressed to the reader;
# what follows the colon is not conditional.
_CLAUSE_ENDS_IN_COLON = re.compile(r"[^,;:]{0,80}:")


def find_modality(cues: list[tuple[int, int, str]], start: int, end: int, sentence_start: int,
                  sentence_end: int, attributed: bool, look_after: bool = True,
                  reach: int | None = None) -> str:  # fmt: skip
    """asserted | reported | expected | hypothetical | negated for the number at [start, end).

    Hedges and negations are read in a window around the number, so "analysts do not expect
    a delay, but the plant cost $2bn" does not hedge the cost. A verb's own modal comes before
    it ("could halt", "has not approved"), so a status phrase is read with ``look_after``
    false. ``reach`` narrows the window before the number (a price tag, see ``price_tag``).
    """
    for modality, (before, after) in MODALITY_WINDOWS.items():
        after = after if look_after else 0
        before = before if reach is None else min(before, reach)
        lo, hi = max(sentence_start, start - before), min(sentence_end, end + after)
        if any(kind == modality and lo <= s and e <= hi for s, e, kind in cues):
            return modality
        if modality == "negated" and any(
            kind == "negated_infinitive" and lo <= s and e <= start for s, e, kind in cues
        ):
            return modality
    if attributed or any(kind == "reported" for _, _, kind in cues):
        return "reported"
    return "asserted"


@dataclass(frozen=True, slots=True)
class EntityMention:
    start: int
    end: int
    name: str  # canonical when the lexicon knows it, else as written
    type: str | None
    # Where the name this one possesses starts ("Japan's Hoshida Heavy Industries"), if any.
    owns: int | None = None


_PROPER_NAME = re.compile(
    r"(?<![\w.])(?:[A-Z][a-z]+[A-Za-z]*|[A-Z]{2,}[a-z]*)(?:\s+(?:[A-Z][a-z]+[A-Za-z]*|[A-Z]{2,}))*"
)
_NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "By",
        "What",
        "Who",
        "Why",
        "How",
        "Where",
        "Which",
        "Whether",
        "Dr",
        "Mr",
        "Mrs",
        "Ms",
        "Prof",
        "Since",
        "Until",
        "From",
        "After",
        "Before",
        "During",
        "Over",
        "Under",
        "Of",
        "To",
        "With",
        "In",
        "On",
        "At",
        "For",
        "But",
        "And",
        "Or",
        "GMT",  # a time zone, never an actor
        "UTC",
        "As",
        "If",
        "When",
        "While",
        "It",
        "Its",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Their",
        "They",
        "He",
        "She",
        "We",
        "Our",
        "Both",
        "Some",
        "Many",
        "Most",
        "Such",
        "Chinese",
        "American",
        "European",
        "Japanese",
        "Korean",
        "Taiwanese",
        "Indian",
        "Russian",
        "British",
        "French",
        "German",
        "AI",
        "Read",
        "Follow",
        "Source",
        "Sources",
        "Share",
        "Comments",
        "CEO",
        # plural and collective nouns that open sentences with no "-s" to give them away
        "People",
        "Children",
        "Women",
        "Men",
        "Staff",
        "Everyone",
        "Anyone",
        "Nobody",
        "Several",
        "Each",
        "Every",
        "Another",
    ]
)


# A demonym alone is an adjective ("Belgian drugmaker Kestrel" names Kestrel); at the head of
# a longer name it stays ("Kenyan Health Ministry", "Swiss Re").
_DEMONYMS = frozenset(
    "Belgian Portuguese Spanish Italian Dutch Swedish Norwegian Danish Finnish Polish Greek "
    "Turkish Irish Canadian Mexican Brazilian Australian Kenyan Nigerian Egyptian Israeli "
    "Iranian Indonesian Malaysian Vietnamese Singaporean Pakistani Ukrainian Austrian Czech "
    "Hungarian Romanian Swiss Saudi".split()
)


_VERB_AFTER_NAME = re.compile(
    r"\s+(?:will|would|could|can|may|said|says|has|have|had|is|was|plans|planned|aims|expects|"
    r"reported|announced|told|sold|bought|shipped|invested|ordered|delivered|approved|agreed|"
    r"employs|employed|hired|builds|built|makes|made|operates|owns|owned|produces|produced|"
    r"signed|won|raised|received|booked|posted|unveiled|launched|"
    # not "began", "rose", "resumed": "Construction began", "Output rose" open sentences too
    r"confirmed|denied|delayed|completed|became|wants|needs|faces|"
    # ... or a noun a company owns: "Orbex shares fell", "Orbex executives said"
    r"shares|stock|sales|revenue|profit|executives|officials|spokesman|spokeswoman|chief)\b"
)


_POSSESSIVE_AFTER_NAME = re.compile(r"['’]s\s")
# A place before a common noun describes it: "the US filing", "big US instrument groups";
# before a function word it is a noun ("the US and China", "sold in the US on Monday").
_BEFORE_A_NOUN = re.compile(
    r"(?:\s+|-)(?!(?:and|or|but|nor|to|in|on|at|by|for|from|with|of|as|than|into|over|after|"
    r"before|since|until|this|that|last|next|is|are|was|were|has|have|had)\b)[a-z]"
)


def modifies_a_noun(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is used as an adjective ('the US filing', 'a
    UK-based firm') rather than as an actor ('the US said', 'the US will')."""
    return bool(_BEFORE_A_NOUN.match(text, end)) and not _VERB_AFTER_NAME.match(text, end)


_LABEL_AFTER = re.compile(r"[*_]*\s*:")
# Sentence-initial possessives that are no names: "Today's figures", "Last year's order".
_COMMON_POSSESSORS = frozenset(["Today", "Yesterday", "Tomorrow", "Year", "Week", "Month"])


def _acts_as_subject(sentence: str, end: int, word: str) -> bool:
    """'Orbex will invest ...', "Orbex's workforce ...": a sentence-initial word followed by
    a verb or a possessive, and not a plural common noun ('Analysts said'), is a name."""
    if _POSSESSIVE_AFTER_NAME.match(sentence, end):
        return word not in _COMMON_POSSESSORS
    return not word.endswith("s") and bool(_VERB_AFTER_NAME.match(sentence, end))


def _opens_sentence(sentence: str, position: int, lead: int) -> bool:
    """Whether only quotes, brackets or the wire dateline ending at ``lead`` stand before
    ``position``."""
    begin = lead if lead <= position else 0
    return not sentence[begin:position].strip(" \"“‘'(*_#>-•")


def _dateline_lead(sentence: str) -> int:
    """Where a wire dateline opening the sentence ends, or 0."""
    if "(" not in sentence[:110]:
        return 0  # the common case: no outlet in brackets near the start, no dateline
    lead = DATELINE.match(sentence)  # "PORT ALDANE, May 23 (Bloomberg) - "
    return lead.end() if lead is not None else 0


_LOWER_CASE_WORD = re.compile(r"(?<![\w-])[a-z][a-z'’-]*(?![\w-])")


def lower_case_words(text: str) -> frozenset[str]:
    """The words an article writes in lower case: a sentence-opening "Power" that is also
    written "power" is a common word, not a name."""
    return frozenset(_LOWER_CASE_WORD.findall(text))


def find_entities(
    sentence: str,
    offset: int,
    lexicons: CompiledLexicons,
    is_common_word: Callable[[str], bool] = lambda word: False,
) -> list[EntityMention]:
    """Known entities (by alias) and other proper names in a sentence, in text order."""
    mentions: list[EntityMention] = []
    taken: list[tuple[int, int]] = []
    for match in lexicons.entity_pattern.finditer(sentence):
        entity = lexicons.entity_of(match.group(0))
        if entity is None or names_a_unit(sentence, match.start(), match.end(), lexicons):
            continue  # "US$2 billion", "41 US gallons": a unit's country, not the country
        mentions.append(EntityMention(offset + match.start(), offset + match.end(), entity.name,
                                      entity.type))  # fmt: skip
        taken.append((match.start(), match.end()))
    lead: int | None = None  # where a wire dateline ends, read once when first needed
    for match in _PROPER_NAME.finditer(sentence):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        words = match.group(0).split()
        while words and words[0] in _NOT_NAMES:
            words.pop(0)
        if (
            not words
            or names_a_unit(sentence, match.start(), match.end(), lexicons)  # "US$", "US gallons"
            or any(map(str.isdigit, match.group(0)))
            or _MONTH_WORD.match(words[0])
            or (len(words) == 1 and words[0] in lexicons.physical_of)  # "MW", "MWh", "GWh"
            or (len(words) == 1 and words[0] in lexicons.source.currencies)  # "EUR", "USD"
            or (len(words) == 1 and words[0] in _DEMONYMS)
        ):
            continue
        # "The Nasdaq index fell": after a leading determiner the capital marks a name.
        after_the = match.group(0).startswith(("The ", "the "))
        if lead is None:
            lead = _dateline_lead(sentence)
        at_start = not after_the and _opens_sentence(sentence, match.start(), lead)
        name = " ".join(words)
        if at_start and len(words) == 1 and _LABEL_AFTER.match(sentence, match.end()):
            continue  # a list item's label ("**Deaths:** At least 15 people ...")
        if (
            at_start
            and len(words) == 1
            and (not _acts_as_subject(sentence, match.end(), name) or is_common_word(name.lower()))
        ):
            continue  # a capitalized first word is usually just the start of the sentence
        if match.start() < lead:
            continue  # a dateline's region or outlet ("KESSMARK, Aldmark, June 9 (Carrowline)")
        if at_start and name.isupper() and _DATELINE_PLACE_END.match(sentence, match.end()):
            continue  # a dateline's place ("RENNET BAY, May 5 (Reuters) -"), not an actor
        start = match.start() + match.group(0).index(words[0])
        for low, high in _around_title(name, lexicons, is_common_word):
            part = name[low:high]
            known = lexicons.resolve_entity(part)  # "Tencent Holding", "Byte Dance"
            kind = known.type if known else _unknown_name_type(part)
            mentions.append(EntityMention(offset + start + low, offset + start + high,
                                          known.name if known else part, kind))  # fmt: skip
    mentions.sort(key=lambda m: m.start)
    _mark_possessors(sentence, offset, mentions)
    return mentions


_POSSESSOR = re.compile(r"^.*['’]s\s+(?=[A-Z])")
_POSSESSIVE_BETWEEN = re.compile(r"['’]s\s+(?:the\s+)?")


def _mark_possessors(sentence: str, offset: int, mentions: list[EntityMention]) -> None:
    """ "China's Alibaba", "Japan's Hoshida Heavy Industries": a name in the possessive right
    before another names where the second is from, or whose it is."""
    if len(mentions) < 2 or ("'s" not in sentence and "’s" not in sentence):
        return
    for index in range(len(mentions) - 1):
        first, second = mentions[index], mentions[index + 1]
        if first.end < second.start and _POSSESSIVE_BETWEEN.fullmatch(
            sentence, first.end - offset, second.start - offset
        ):
            mentions[index] = replace(first, owns=second.start)


# Symbols ("in", "m", "t") are also words: only a unit's name ("gallons", "tons") counts.
_WORD_AFTER = re.compile(r"\s?(\$|[A-Za-z]{4,}\b)")


def names_a_unit(text: str, start: int, end: int, lexicons: CompiledLexicons) -> bool:
    """Whether the name text[start:end] is part of a unit's or a currency's name: "US$",
    "HK$", "US dollars", "US gallons" (a country's code: longer names are left alone, which
    keeps this off the hot path)."""
    if text.startswith("$", end):
        return True
    if end - start > 4:
        return False
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return False
    word = after.group(1)
    return word == "$" or word in lexicons.physical_of or word.lower() in lexicons.currency_folded


def _unknown_name_type(name: str) -> str | None:
    """A name the lexicon does not know is untyped, but for a publication's ("the Post",
    "Wendshire Evening Post"), which reports on the story and is never its subject."""
    return "outlet" if name.rsplit(" ", 1)[-1] in _PUBLICATION_WORDS else None


# What follows a dateline's place in capitals: "RENNET BAY, May 5", "HOLLIS SPRINGS -- ".
_DATELINE_PLACE_END = re.compile(r",|\s*(?:--|[-–—])\s")


# A title inside a run of capitalized words: "Meridia Chief Executive Ines Carvalho" names a
# company and a person, "Health Minister Amina Otieno" a portfolio and a person.
_TITLE_INSIDE = re.compile(
    r"(?<!\S)(?:Chief\s+(?:Executive|Financial|Operating)(?:\s+Officer)?|CEO|CFO|COO|"
    r"Vice\s+President|President|Prime\s+Minister|Minister|Spokesperson|Spokesman|"
    r"Spokeswoman|Secretary|Chairman|Chairwoman|Chair|Director|Governor|Mayor|Senator|"
    r"Commissioner)(?!\S)"
)


def _around_title(
    name: str, lexicons: CompiledLexicons, is_common_word: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """The spans of ``name`` that name someone: the whole name, or, around a title inside
    it, the person after it and the organization before it (kept when the lexicon knows it
    or it is no common word: "Meridia" stays, "Health" goes)."""
    title = _TITLE_INSIDE.search(name)
    if title is None or title.start() == 0 or title.end() == len(name):
        return [(0, len(name))]
    before = name[: title.start()].rstrip()
    spans = [(title.end() + 1, len(name))]
    if lexicons.resolve_entity(before) or not (
        is_common_word(before.lower()) or set(before.split()) <= _PORTFOLIO_WORDS
    ):
        spans.insert(0, (0, len(before)))
    return spans


# Words before a title that name a portfolio or a rank, not an organization.
_PORTFOLIO_WORDS = frozenset(
    "Health Finance Defence Defense Foreign Interior Energy Trade Economy Economic Education "
    "Transport Justice Agriculture Labour Labor Environment Home Culture Industry Commerce "
    "Treasury State Deputy Acting Former Senior Junior Assistant Associate Executive Regional "
    "Provincial County City Fire Police Press Communications Communication Managing".split()
)


@dataclass(frozen=True, slots=True)
class PredicateCue:
    start: int
    end: int
    predicate: str


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def find_predicate_cues(
    sentence: str, offset: int, lexicons: CompiledLexicons
) -> list[PredicateCue]:
    """Every predicate cue of a sentence, read once and shared by all its numbers.

    Words are looked up in an index keyed by a cue's first word, which is several times faster
    than one large case-insensitive alternation over the sentence."""
    # The words in lower case in one pass (they hold no space); their offsets only once a
    # cue is found, since most words begin none.
    found = _WORD.findall(sentence)
    words = " ".join(found).lower().split(" ") if found else []
    spans: list[tuple[int, int]] = []
    cues = []
    index = lexicons.cue_index
    position = 0
    while position < len(words):
        entries = index.get(words[position])
        taken = 1
        if entries:
            for phrase, predicate in entries:
                size = len(phrase)
                if tuple(words[position : position + size]) == phrase:
                    spans = spans or [m.span() for m in _WORD.finditer(sentence)]
                    if size > 1 and not _only_spaces_between(sentence, spans, position, size):
                        continue  # "cut 1,400 jobs" is no "cut jobs": a number lies between
                    start, end = spans[position][0], spans[position + size - 1][1]
                    cues.append(PredicateCue(offset + start, offset + end, predicate))
                    taken = size
                    break
        position += taken
    return cues


def _only_spaces_between(
    sentence: str, spans: list[tuple[int, int]], position: int, size: int
) -> bool:
    """Whether the ``size`` words from ``position`` are written as one phrase: nothing but
    white space between them (no number, no punctuation)."""
    return all(
        sentence[spans[i][1] : spans[i + 1][0]].isspace()
        for i in range(position, position + size - 1)
    )


# Where a clause ends between a cue and its number: a comma, a semicolon or "while".
_CLAUSE_GAP = re.compile(r"[,;:]|\b(?:while|whereas|but)\b")


def nearest_predicate(
    cues: list[PredicateCue],
    start: int,
    end: int,
    weak: frozenset[str] = frozenset(),
    text: str = "",
) -> str | None:
    """The predicate whose cue is nearest the number (cues just after it count as nearer).
    When that cue is a ``weak`` predicate's (a verb of change), another predicate's cue in
    the number's own clause wins: "the death toll ... has now risen to 23" is a toll."""
    ranked = sorted((_distance(cue, start, end), index, cue) for index, cue in enumerate(cues)
                    if cue.end <= start or cue.start >= end)  # fmt: skip
    if not ranked:
        return None
    nearest = ranked[0][2]
    if nearest.predicate in weak:
        for _, _, cue in ranked[1:]:
            gap = (cue.end, start) if cue.end <= start else (end, cue.start)
            if cue.predicate not in weak and not _CLAUSE_GAP.search(text, *gap):
                return cue.predicate
    return nearest.predicate


def _distance(cue: PredicateCue, start: int, end: int) -> float:
    return (cue.start - end) * 0.8 if cue.start >= end else float(start - cue.end)


# The verb governing a number when no predicate cue names it: a participle right after its
# noun phrase ("8,700 children had been vaccinated") or right before the number ("vaccinated
# 8,700 children"). Auxiliaries and hedges in between are skipped.
_VERB_AFTER = re.compile(
    r"\s*,?\s*(?:(?:have|has|had|were|was|are|is|be|been|being|will|would|could|already|now|"
    r"so\s+far|reportedly|also|not)\s+){0,3}(?P<verb>[a-z]{3,}(?:ed|en))\b"
)
_VERB_BEFORE = re.compile(  # "- Operations postponed: 1,140": a label's participle too
    r"\b(?P<verb>[a-z]{3,}ed)(?:(?:\*\*|__)?:(?:\*\*|__)?)?\s+"
    r"(?:(?:about|some|around|roughly|more\s+than|over|nearly|almost|"
    r"at\s+least|a\s+total\s+of|an\s+estimated|another|only|just)\s+)?$"
)
VERB_ROOM = 40


def governing_verb(text: str, start: int, end: int, sentence_start: int,
                   sentence_end: int) -> str | None:  # fmt: skip
    """The participle governing the figure at [start, end) (its noun phrase included), as
    written in lower case, for a fact whose sentence names no predicate cue."""
    after = _VERB_AFTER.match(text, end, min(sentence_end, end + VERB_ROOM))
    if after:
        return after.group("verb")
    before = _VERB_BEFORE.search(text, max(sentence_start, start - VERB_ROOM), start)
    return before.group("verb") if before else None


# Head words of public bodies, which report on others: unlike _INSTITUTION (an organization,
# not a person), not the words companies are named with (Corporation, Bank, Fund, Group).
_PUBLIC_BODY = re.compile(
    r"\b(?:Ministry|Department|Agency|Authority|Bureau|Commission|Council|Hospital|University|"
    r"Board|Office|Institute|Court|Police|Government|Directorate|Administration|Association|"
    r"Federation|Union|Organi[sz]ation|Service|Committee|Parliament|Senate|Congress|Regulator|"
    r"Center|Centre)\b"
)


def is_company_name(name: str) -> bool:
    """'Lumex Systems', 'Orbex Holdings', 'Kestrel Biologics': a company's legal suffix or
    trade word in the name."""
    return _COMPANY_SUFFIX.search(name) is not None or _TRADE_WORD.search(name) is not None


def is_institution(name: str) -> bool:
    """'Ministry of Health', 'Port Authority': a body that reports on others, not a company
    ('Acme Corporation' speaks of itself)."""
    return _PUBLIC_BODY.search(name) is not None and _COMPANY_SUFFIX.search(name) is None


# A sum of money that names what something is worth ("a project worth EUR 310m", "a EUR 130
# million park", "at a cost of $2bn") states the thing's price, whatever the verb of the
# clause: "will build a EUR 130 million park" plans the building, not the price. Only a
# hedge right before the tag ("could be worth", "a potential $2bn deal") qualifies it.
_PRICE_TAG = re.compile(
    r"(?:\b(?:worth|valued\s+at|costing|priced\s+at|(?:cost|price|value|budget|price\s+tag)"
    r"\s+of|(?P<article>an?))\s+(?:(?:estimated|potential|possible|planned|proposed)\s+)?)$",
    re.IGNORECASE,
)
PRICE_TAG_REACH = 30


def price_tag_reach(text: str, start: int, sentence_start: int) -> int | None:
    """How far before a sum of money a hedge may stand when the sum is a price tag: up to
    the tag itself after "a"/"an" ("a potential $2bn deal"), a little further after "worth"
    and the like ("could be worth"); None when the sum is no price tag."""
    match = _PRICE_TAG.search(text, max(sentence_start, start - 40), start)
    if match is None:
        return None
    return start - match.start() + (0 if match.group("article") else PRICE_TAG_REACH)
