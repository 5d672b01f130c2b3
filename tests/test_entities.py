"""Entity resolution: aliases from rules/lexicons/entities.yaml, then the same name without
corporate words, then close spellings (rapidfuzz)."""

from __future__ import annotations

import pytest

from checker.extract import main_subject
from checker.extract.context import (
    find_entities,
    is_company_name,
    is_institution,
    lower_case_words,
)
from checker.lexicons import normalize_name
from checker.models import Article, ArticleInfo
from checker.pipeline import Config, extract_facts


@pytest.mark.parametrize(
    ("written", "entity"),
    [
        ("Alibaba Group Holding Ltd.", "Alibaba"),  # an alias as written
        ("Tencent Holding", "Tencent"),  # corporate words dropped
        ("Nvidia Corporation", "Nvidia"),
        ("Byte Dance", "ByteDance"),  # a close spelling
        ("Bytedance", "ByteDance"),
    ],
)
def test_names_resolve_to_the_known_entity(written: str, entity: str, config: Config) -> None:
    found = config.lexicons.resolve_entity(written)
    assert found is not None and found.name == entity


@pytest.mark.parametrize("written", ["Apple Daily", "Appleton", "Nvidea Labs", "Orbex"])
def test_other_names_stay_unknown(written: str, config: Config) -> None:
    assert config.lexicons.resolve_entity(written) is None


def test_corporate_words_and_punctuation_do_not_count() -> None:
    assert normalize_name("The Kestrel Biologics N.V.") == normalize_name("Kestrel Biologics NV")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Headcount at Marova has now reached 4,040 employees.", "Marova"),  # not "Mar"
        ("Janssen shipped 2 million doses to Ghana.", "Janssen"),
        ("Octavia Mining said output rose.", "Octavia Mining"),
        ("Selora employs 2,300 people at its plant.", "Selora"),  # a first word before a verb
        ("Ulvara's workforce has reached 8,390 employees.", "Ulvara"),  # ... or a possessive
    ],
)
def test_unknown_names_that_start_like_a_month_or_lead_a_sentence_are_names(
    sentence: str, name: str, config: Config
) -> None:
    assert name in [m.name for m in find_entities(sentence, 0, config.lexicons)]


@pytest.mark.parametrize("sentence", ["March was busy, with 400 units shipped.",
                                      "Analysts said 400 units shipped.",
                                      "People have waited 10 days for water."])  # fmt: skip
def test_a_month_or_a_plural_noun_opening_a_sentence_is_no_name(
    sentence: str, config: Config
) -> None:
    assert find_entities(sentence, 0, config.lexicons) == []


def test_a_currency_sign_is_not_the_country_it_abbreviates(config: Config) -> None:
    mentions = find_entities("Ulvara will invest US$2 billion in HK$ bonds.", 0, config.lexicons)
    assert [m.name for m in mentions] == ["Ulvara"]


def test_a_common_word_in_the_possessive_opening_a_sentence_is_no_name(config: Config) -> None:
    assert find_entities("Today's order of 400 units was the largest.", 0, config.lexicons) == []


def test_a_common_word_after_a_wire_dateline_opens_the_sentence(config: Config) -> None:
    sentence = "TALVIK, March 3 (Reuters) - Headcount at Orbelle has now reached 9,100 employees."
    names = [m.name for m in find_entities(sentence, 0, config.lexicons)]
    assert "Headcount" not in names
    assert "Orbelle" in names


def test_a_demonym_alone_is_an_adjective_not_a_name(config: Config) -> None:
    sentence = "The first 300,000 doses came from Belgian drugmaker Kestrel Biologics."
    names = [m.name for m in find_entities(sentence, 0, config.lexicons)]
    assert "Belgian" not in names
    assert "Kestrel Biologics" in names


def test_a_sentence_opening_word_the_article_also_writes_in_lower_case_is_no_name(
    config: Config,
) -> None:
    article = "Power was cut to 48,000 homes. Crews worked to restore power overnight."
    sentence = "Power was cut to 48,000 homes."
    assert find_entities(sentence, 0, config.lexicons, lower_case_words(article).__contains__) == []
    assert [m.name for m in find_entities(sentence, 0, config.lexicons)] == ["Power"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Meridia Chief Executive Ines Carvalho opened the plant.", ["Meridia", "Ines Carvalho"]),
        ("Health Minister Amina Otieno visited the clinic.", ["Amina Otieno"]),
        ("Deputy Finance Minister Jo Kang spoke.", ["Jo Kang"]),
        ("The loan of EUR 185 million came from Banco Atlantico.", ["Banco Atlantico"]),
    ],
)
def test_a_title_inside_a_name_separates_organization_and_person(
    sentence: str, names: list[str], config: Config
) -> None:
    found = find_entities(sentence, 0, config.lexicons)
    assert [m.name for m in found] == names
    assert all(sentence[m.start : m.end] == m.name for m in found)


def test_a_dateline_place_before_a_dash_is_no_name(config: Config) -> None:
    sentence = "HOLLIS SPRINGS -- Governor Adaeze Whitford announced an $18 million package."
    assert "HOLLIS SPRINGS" not in [m.name for m in find_entities(sentence, 0, config.lexicons)]


def test_a_datelines_region_and_outlet_are_no_names(config: Config) -> None:
    sentence = "KESSMARK, Aldmark, June 9 (Carrowline) - Ravlen Automotive recalled 210,000 cars."
    names = [m.name for m in find_entities(sentence, 0, config.lexicons)]
    assert names == ["Ravlen Automotive"]


def test_a_country_named_as_an_adjective_is_no_article_s_main_subject(config: Config) -> None:
    text = (
        "Orsk cleared its shareholder vote. Bidders from big US instrument groups stayed away, "
        "and the US review is slower than the European one."
    )
    assert main_subject(text, config.lexicons) is None


def test_a_country_before_a_function_word_still_counts(config: Config) -> None:
    found = main_subject("The US and China agreed. The US filing was late.", config.lexicons)
    assert found is not None and found.name == "United States"


def test_a_name_that_begins_with_all_keeps_it(config: Config) -> None:
    mentions = find_entities("All Nippon Airways ordered 20 jets.", 0, config.lexicons)
    assert "All Nippon Airways" in [m.name for m in mentions]


def test_a_country_that_acts_is_an_article_s_main_subject(config: Config) -> None:
    found = main_subject("The US said it would review the deal.", config.lexicons)
    assert found is not None and found.name == "United States"


def test_an_international_body_is_no_article_s_main_subject(config: Config) -> None:
    text = (
        "Nvidia shipped 4,000 chips to Jakarta. The United Nations welcomed the deal, and "
        "a UN envoy said the UN would monitor it."
    )
    found = main_subject(text, config.lexicons)
    assert found is not None and found.name == "Nvidia"


def test_a_toll_that_names_nobody_is_not_given_the_article_s_main_subject(
    config: Config,
) -> None:
    text = (
        "Nvidia said it would send 4,000 chips to the region. Nvidia also pledged aid. "
        "At least 15 people died in the storm, officials said."
    )
    info = ArticleInfo(id="t.txt", path="t.txt", format="txt", sha256="0" * 64, chars=len(text))
    facts = extract_facts(Article(info=info, text=text), "t", config.lexicons)
    assert {f.quote: f.subject for f in facts} == {"4,000 chips": "Nvidia",
                                                   "At least 15 people": None}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "In the five days to Wednesday, 1,860 operations were postponed, according to an "
        "internal briefing seen by the Post.",
        "The Wendshire Evening Post counted 1,860 postponed operations.",
    ],
)
def test_a_publication_is_never_the_subject_of_a_figure(text: str, config: Config) -> None:
    info = ArticleInfo(id="t", path="t", format="txt", sha256="0" * 64, chars=len(text))
    facts = extract_facts(Article(info=info, text=text), "t", config.lexicons)
    assert facts and all(f.subject is None for f in facts)


def _facts(text: str, config: Config) -> list:
    info = ArticleInfo(id="t", path="t", format="txt", sha256="0" * 64, chars=len(text))
    return extract_facts(Article(info=info, text=text), "t", config.lexicons)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("China's Alibaba ordered 200,000 chips last month.", "Alibaba"),
        ("The carrier ordered 28 trainsets from Japan's Hoshida Heavy Industries.",
         "Hoshida Heavy Industries"),
        ("Japan's Nikkei reported that Toyota will build 300,000 cars.", "Toyota"),
    ],
)  # fmt: skip
def test_a_name_in_the_possessive_before_another_says_where_it_is_from(
    text: str, subject: str, config: Config
) -> None:
    [fact] = _facts(text, config)
    assert fact.subject == subject


def test_a_speaker_s_own_company_stays_the_subject(config: Config) -> None:
    [fact] = _facts("Nvidia's Jensen Huang said the company will ship 5,000 units.", config)
    assert fact.subject == "Nvidia" and fact.attribution.source == "Jensen Huang"


def test_a_country_naming_a_unit_is_not_the_country(config: Config) -> None:
    text = "Residents used 41 US gallons a day; the plant costs US$910 million."
    mentions = find_entities(text, 0, config.lexicons)
    assert "United States" not in [m.name for m in mentions]


def test_a_company_named_again_by_its_first_word_speaks_as_an_organization(
    config: Config,
) -> None:
    text = ("Lumex Systems, which is based in Sulvara, courts buyers abroad.\n\n"
            "Lumex reported annual revenue of US$9 billion.")  # fmt: skip
    [fact] = _facts(text, config)
    assert fact.attribution.kind.value == "organization" and fact.subject == "Lumex"


@pytest.mark.parametrize(
    ("name", "institution"),
    [("Ministry of Mining", True), ("Capital Region Authority", True),
     ("Acme Corporation Ltd", False), ("Lumex Systems", False)],
)  # fmt: skip
def test_a_company_s_trade_word_does_not_make_a_public_body_a_company(
    name: str, institution: bool
) -> None:
    assert is_institution(name) is institution


@pytest.mark.parametrize("name", ["Halvex AG", "Quorvale Chemicals Ltd", "Kestrel Pty Ltd"])
def test_a_legal_form_makes_a_name_a_company_s(name: str) -> None:
    assert is_company_name(name)
