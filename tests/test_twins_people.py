"""Twin people: who is found, and how a cast renames them word for word."""

from __future__ import annotations

import pytest

from bench.data.twins.cast import cast_of, draw_cast
from bench.data.twins.edits import apply
from bench.data.twins.people import (
    PersonName,
    gum_people,
    name_of_identity,
    official_people,
    parse_name,
    pattern_people,
)
from bench.data.twins.pools import first_names, last_names


@pytest.mark.parametrize(("text", "expected"), [
    ("US Commerce Secretary Gina M. Raimondo", PersonName("Gina", "Raimondo")),
    ("Raimondo's", PersonName("", "Raimondo")),
    ("Joseph R. Biden Jr.", PersonName("Joseph", "Biden")),
    ("then-President Donald J. Trump", PersonName("Donald", "Trump")),
    ("Biologist Nick Bos", PersonName("Nick", "Bos")),
    ("Prof. Patrizia d'Ettorre", PersonName("Patrizia", "d'Ettorre")),
    ("Vincent van Gogh", PersonName("Vincent", "Gogh")),
    ("US political activist and philosopher Noam Chomsky", PersonName("Noam", "Chomsky")),
    ("President Obama", PersonName("", "Obama")),
    ("The team", None),
    ("I", None),
])
def test_a_name_is_the_last_run_of_capitalized_words_without_titles(text, expected):
    assert parse_name(text) == expected


def test_an_identity_gives_the_name_without_its_disambiguation():
    assert name_of_identity("George_H._W._Bush") == PersonName("George", "Bush")
    assert name_of_identity("Michael_Skinner_%28magician%29") == PersonName("Michael", "Skinner")


TEXT = ("The news, first reported by independent journalist Kim Zetter, follows a ban. Kaspersky Lab said so. "
        "Opinion: Will Big Tech transform school? (Reporting by Chandni Shah and Kanjyik Ghosh in Bengaluru; "
        "Editing by Sherry Jacob-Phillips) REUTERS/Dado Ruvic/File Photo. Elon Musk says more.")


def test_patterns_find_people_after_role_words_in_credits_and_with_known_first_names():
    found = pattern_people(TEXT, frozenset(), frozenset({"the", "news", "first"}))
    assert found == {PersonName("Kim", "Zetter"), PersonName("Chandni", "Shah"), PersonName("Kanjyik", "Ghosh"),
                     PersonName("Sherry", "Jacob-Phillips"), PersonName("Dado", "Ruvic")}


def test_gum_people_come_by_identity_or_by_a_plausible_bare_name():
    mentions = [
        {"doc_id": "a", "type": "person", "text": "Biologist Nick Bos"},
        {"doc_id": "a", "type": "person", "text": "Bos"},  # a surname alone makes nobody
        {"doc_id": "a", "type": "person", "text": "Muslims", "identity": "Muslims"},  # a group, no given name
        {"doc_id": "a", "type": "person", "text": "Jet Pilot"},  # words the set writes in lower case
        {"doc_id": "a", "type": "person", "text": "the head of Kaspersky Lab"},  # not a bare name, no known first name
        {"doc_id": "b", "type": "person", "text": "he", "identity": "Noam_Chomsky"},
        {"doc_id": "b", "type": "organization", "text": "Wikinews", "identity": "Wikinews"},
    ]
    found = gum_people(mentions, frozenset(), frozenset({"jet", "pilot", "head"}))
    assert found == {"a": {PersonName("Nick", "Bos")}, "b": {PersonName("Noam", "Chomsky")}}


def test_an_official_brings_the_names_of_all_its_forms():
    officials = official_people({"Joe Biden": ["Biden", "Joseph R. Biden Jr."]}, frozenset())
    assert officials == {"Joe Biden": {PersonName("Joe", "Biden"), PersonName("", "Biden"), PersonName("Joseph", "Biden")}}


CAST = cast_of({"Gina": "Ana", "Wilson": "Sue", "Alfred": "Tom"}, {"Raimondo": "Lowe", "Or": "Reeves", "Nobel": "Hart"})
PEOPLE = [PersonName("Gina", "Raimondo"), PersonName("Wilson", "Or"), PersonName("Alfred", "Nobel")]


def test_a_cast_renames_full_names_surnames_and_possessives_and_nothing_else():
    text = "Gina Raimondo said; Raimondo’s plan, the Raimondo-led team. Raimondos and Gina stay."
    assert apply(text, CAST.edits(text, PEOPLE))[0] == "Ana Lowe said; Lowe’s plan, the Lowe-led team. Raimondos and Gina stay."


def test_a_surname_that_is_also_a_word_of_the_text_is_not_renamed_where_it_opens_a_sentence():
    text = "Wilson Or said it. Or else, said Or, he would go. “Or not.”"
    assert apply(text, CAST.edits(text, PEOPLE, frozenset({"or"})))[0] == \
        "Sue Reeves said it. Or else, said Reeves, he would go. “Or not.”"


def test_a_surname_before_a_capitalized_word_names_something_else():
    text = "Alfred Nobel endowed the Nobel Peace Prize; Nobel died."
    assert apply(text, CAST.edits(text, PEOPLE))[0] == "Tom Hart endowed the Nobel Peace Prize; Hart died."


def test_rename_maps_alias_forms_and_the_inverse_maps_back():
    assert [CAST.rename(form) for form in ("Gina Raimondo", "Raimondo", "Gina M. Raimondo")] == \
        ["Ana Lowe", "Lowe", "Ana M. Lowe"]
    assert CAST.inverse().rename("Ana M. Lowe") == "Gina M. Raimondo"


def test_a_drawn_cast_is_seeded_fresh_and_one_to_one():
    people = [PersonName("Gina", "Raimondo"), PersonName("Joe", "Biden"), PersonName("Kim", "Zetter"),
              PersonName("", "Trump")]
    taken = {"gina", "raimondo", "joe", "biden", "kim", "zetter", "trump", "smith", "mary"}
    cast = draw_cast(people, 4, taken)
    assert cast == draw_cast(people, 4, taken) and cast != draw_cast(people, 5, taken)
    new = [*cast.given.values(), *cast.surnames.values()]
    assert len(set(new)) == len(new) == 7 and not {name.lower() for name in new} & taken
    assert cast.given["Gina"] in first_names("female") and cast.given["Joe"] in first_names("male")
    assert set(cast.surnames.values()) <= last_names()


def test_faker_s_pools_give_at_least_a_hundred_thousand_names():
    assert len(first_names()) * len(last_names()) >= 10**5
