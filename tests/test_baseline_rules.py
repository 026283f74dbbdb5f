"""baselines.rules: each rule pinned by sentences written for the test (none from the gold articles)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baselines.rules import RulesExtractor
from baselines.rules.boilerplate import boilerplate_spans
from baselines.rules.gazetteer import load_gazetteer
from bench.data.documents import Document
from bench.extraction.extractor import as_facts
from bench.facts import Count, Official

WEDNESDAY = dt.date(2031, 5, 14)


def extract(text: str, published: dt.date | None = WEDNESDAY, fact_type: str | None = None) -> list[tuple]:
    """(type, text, value) of every fact, in text order; checked against the prediction contract."""
    document = Document("t", text, published)
    facts = as_facts(RulesExtractor().extract(document), document)
    return [(f.type, f.text, f.value) for f in sorted(facts, key=lambda f: f.start) if fact_type in (None, f.type)]


def values(text: str, fact_type: str, published: dt.date | None = WEDNESDAY) -> list:
    return [value for _, _, value in extract(text, published, fact_type)]


def texts(text: str, fact_type: str) -> list[str]:
    return [span for _, span, _ in extract(text, WEDNESDAY, fact_type)]


# --- dates -----------------------------------------------------------------

def test_date_styles_spans_as_written():
    text = ("The plant opened on March 14, 2029, expanded by 14 March 2030 and closes Oct. 3; "
            "a 2027 law applies, as it has since 1988, and it reopens in May.")
    assert extract(text, fact_type="date") == [
        ("date", "March 14, 2029", "2029-03-14"), ("date", "14 March 2030", "2030-03-14"),
        ("date", "Oct. 3", "2031-10-03"), ("date", "2027", "2027"), ("date", "1988", "1988"),
        ("date", "May", "2031-05"),
    ]


def test_weekday_followed_by_its_date_is_one_mention():
    assert extract("The mill said on Friday, March 14, it would close.", fact_type="date") == [
        ("date", "Friday, March 14", "2031-03-14"),
    ]


def test_relative_dates_resolve_against_the_published_date():
    text = "The mill said on Monday that talks failed last month; a vote comes this week and another next month."
    assert values(text, "date") == ["2031-05-12", "2031-04", "2031-W20", "2031-06"]


def test_relative_dates_without_published_date_are_dropped():
    assert values("The mill said on Monday that talks failed last month, on June 3, 2030.", "date", None) == ["2030-06-03"]


def test_relative_words_inside_quotations_are_skipped_absolute_dates_kept():
    text = ('"We are acting today," the mayor said. “From June 3, 2032 we close, and Monday we start.” '
            "Workers left on Tuesday.")
    assert texts(text, "date") == ["June 3, 2032", "Tuesday"]


@pytest.mark.parametrize(
    "text",
    ["The firm has traded for 20 years.", "It ended thirty days later.", "It was nearly a month after the vote.",
     "The mill was built three decades ago."],
)
def test_durations_are_not_dates(text):
    assert values(text, "date") == []


@pytest.mark.parametrize(
    "text",
    ["Crowds filled the 2028 Summer Games in the capital.", "Her team's 2030 Expo Pavilion drew crowds.",
     "It still runs Windows 2000 on old machines.", "It hired 2000 workers.", "Sales rose 2025% that year.",
     "May I ask a question?", "April Moreno said the plan was sound.", "Singer Nora May said so.",
     "Its Black Friday sales rose.", "The Sunday Ledger reported it.", "The team scored 1600 points."],
)
def test_years_in_names_counts_and_look_alike_months_are_not_dates(text):
    assert values(text, "date") == []


def test_a_year_range_after_a_determiner_is_two_dates():
    assert values("The 2029-2030 season ended early.", "date") == ["2029", "2030"]


def test_years_after_prepositions_stay_dates():
    assert values("In 2019 Congress passed it; the law of 2021 followed, and in June Moreno spoke.", "date") == [
        "2019", "2021", "2031-06",
    ]


def test_punctuation_parts_a_year_from_a_capitalized_word_before_it():
    assert values("It opened in Lima, 2019. Acme said so. 2020 was harder than the 2030 elections.", "date") == [
        "2019", "2020", "2030"]


def test_weekdays_and_months_used_attributively_stay_dates():
    assert values("In its Monday filing and a June memo, the board said on Friday Acme erred.", "date") == [
        "2031-05-12", "2031-06", "2031-05-09",
    ]


# --- counts ----------------------------------------------------------------

def test_count_span_is_qualifier_and_number_without_noun():
    text = "The lab has more than 3 million users and 18,500 corporate clients, and employs about 1,200 staff."
    assert extract(text, fact_type=None) == [
        ("user_count", "more than 3 million", Count(3000000, "gt", "users")),
        ("user_count", "18,500", Count(18500, "eq", "companies")),
        ("headcount", "about 1,200", Count(1200, "approx", "employees")),
    ]


def test_a_qualifier_belongs_to_the_number_it_precedes():
    assert values("used by over 9 million people and 7,000 firms", "user_count") == [
        Count(9000000, "gt", "users"), Count(7000, "eq", "companies"),
    ]


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [("fewer than", "lt"), ("under", "lt"), ("up to", "le"), ("no more than", "le"), ("over", "gt"),
     ("above", "gt"), ("at least", "ge"), ("nearly", "approx"), ("some", "approx"), ("an estimated", "approx")],
)
def test_each_qualifier_in_a_sentence(phrase, qualifier):
    assert values(f"The cuts hit {phrase} 80 workers.", "headcount") == [Count(80, qualifier, "employees")]


@pytest.mark.parametrize(
    ("noun", "fact_type", "unit"),
    [("employees", "headcount", "employees"), ("staff", "headcount", "employees"), ("workers", "headcount", "employees"),
     ("positions", "headcount", "employees"), ("jobs", "headcount", "employees"), ("users", "user_count", "users"),
     ("customers", "user_count", "users"), ("consumers", "user_count", "users"), ("people", "user_count", "users"),
     ("companies", "user_count", "companies"), ("businesses", "user_count", "companies"),
     ("organizations", "user_count", "companies"), ("firms", "user_count", "companies")],
)
def test_each_counted_unit_decides_the_type(noun, fact_type, unit):
    assert extract(f"The app counts 650 {noun} in Chile.", fact_type=None) == [
        (fact_type, "650", Count(650, "eq", unit)),
    ]


def test_people_count_employees_when_hiring_or_layoffs_are_spoken_of():
    assert values("The plant employs 900 people.", "headcount") == [Count(900, "eq", "employees")]
    assert values("The layoffs will affect roughly 60 people.", "headcount") == [Count(60, "approx", "employees")]


def test_a_workforce_or_an_employer_before_the_number_counts_employees():
    assert values("It has a workforce of 2,000 and employs some 300 engineers.", "headcount") == [
        Count(2000, "eq", "employees"), Count(300, "approx", "employees"),
    ]


def test_quotes_between_number_and_noun_are_tolerated():
    assert extract("She said “fewer than 30” staff would go.", fact_type="headcount") == [
        ("headcount", "fewer than 30", Count(30, "lt", "employees")),
    ]


def test_number_words_and_vague_numbers():
    text = "It has twenty-five thousand subscribers, fifty workers and dozens of firms."
    assert values(text, "user_count") + values(text, "headcount") == [
        Count(25000, "eq", "users"), Count(24, "approx", "companies"), Count(50, "eq", "employees"),
    ]


@pytest.mark.parametrize(
    "text",
    ["It paid $45 million to 30 consultants.", "Sales to users rose 12% last year.", "It spent €3 billion on firms.",
     "The firm has 20 years of history.", "One of the world's largest companies.", "50 of its employees left.",
     "The plant is 3D printed for people.", "It ranks the top 10 companies.", "Most Fortune 500 companies use it.",
     "One customer said so.", "It has 1 employee."],
)
def test_money_percentages_durations_and_uncounted_numbers_are_rejected(text):
    assert [t for t, _, _ in extract(text)] in ([], ["date"])


# --- officials -------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Energy Secretary Alan Mercer said so.", "Alan Mercer", "Secretary of Energy"),
        ("U.S. Treasury Secretary Alan Mercer said so.", "Alan Mercer", "Secretary of the Treasury"),
        ("US secretary of energy Alan Mercer said so.", "Alan Mercer", "Secretary of Energy"),
        ("Secretary of State Alan Mercer said so.", "Alan Mercer", "Secretary of State"),
        ("It was signed by President Dana Holt in May.", "Dana Holt", "President"),
        ("It was signed by then-President Dana Holt.", "Dana Holt", "President"),
        ("It was signed by former President Dana Holt.", "Dana Holt", "President"),
        ("French President Dana Holt spoke.", "Dana Holt", "President"),
        ("Vice President Dana Holt spoke.", "Dana Holt", "Vice President"),
        ("Senator Paula Brandt objected.", "Paula Brandt", "Senator"),
        ("Sen. Paula Brandt objected.", "Paula Brandt", "Senator"),
        ("Gov. Paula Brandt objected.", "Paula Brandt", "Governor"),
        ("Attorney General Paula Brandt objected.", "Paula Brandt", "Attorney General"),
        ("Prime Minister Paula Brandt objected.", "Paula Brandt", "Prime Minister"),
        ("Norwegian Foreign Minister Paula Brandt objected.", "Paula Brandt", "Minister of Foreign Affairs"),
        ("FBI Director Paula Brandt objected.", "Paula Brandt", "Director of the Federal Bureau of Investigation"),
    ],
)
def test_each_title_form_with_the_name_as_span(text, name, title):
    assert extract(text, fact_type="official") == [("official", name, Official(name, title))]


@pytest.mark.parametrize(
    "text",
    ["Independent journalist Kim Halvorsen reported it.", "Reporter Sam Ortiz contributed.",
     "Acme President Tom Reyes declined to comment.", "Company president Tom Reyes declined.",
     "CEO Lena Fox declined.", "Chief operating officer Lena Fox declined.", "Founder Lena Fox declined.",
     "Analyst Lena Fox said so.", "Marketing Director Lena Fox said so.", "US officials said so."],
)
def test_journalists_company_roles_and_unnamed_officials_are_rejected(text):
    assert values(text, "official") == []


def test_surnames_resolve_to_the_full_name_met_earlier_with_a_title():
    text = ("Mercer warned early. Commerce Secretary Alan Mercer said the rule stands. "
            "Mercer added that Mercer’s staff agreed, and Mr. Mercer left. Alan Mercer returned.")
    expected = Official("Alan Mercer", "Secretary of Commerce")
    assert extract(text, fact_type="official") == [
        ("official", "Alan Mercer", expected), ("official", "Mercer", expected), ("official", "Mercer", expected),
        ("official", "Mercer", expected), ("official", "Alan Mercer", expected),
    ]


def test_surnames_of_untitled_people_others_and_administrations_are_not_resolved():
    text = ("President Dana Holt spoke; journalist Kim Halvorsen listened. Halvorsen wrote it up. "
            "Ray Holt, a nephew, smiled. The Holt administration and Holt's administration backed the Holt-era rule.")
    assert texts(text, "official") == ["Dana Holt"]


def test_a_surname_right_after_the_full_name_ends_a_sentence_is_resolved():
    text = "So said Energy Secretary Jo Ann Vale. Vale’s office declined to comment."
    assert texts(text, "official") == ["Jo Ann Vale", "Vale"]


def test_modifiers_stop_at_a_conjunction_unless_it_is_part_of_the_office():
    text = "Chilean President Rosa Mendes and Danish Foreign Minister Erik Sand met Health and Human Services Secretary Ivo Blum."
    assert values(text, "official") == [
        Official("Rosa Mendes", "President"), Official("Erik Sand", "Minister of Foreign Affairs"),
        Official("Ivo Blum", "Secretary of Health and Human Services"),
    ]


def test_lowercase_cabinet_words_before_secretary():
    assert values("The press secretary Nia Cole and the energy secretary Ivo Blum spoke.", "official") == [
        Official("Nia Cole", "Press Secretary"), Official("Ivo Blum", "Secretary of Energy"),
    ]


def test_a_one_word_name_after_a_title_takes_the_full_name_seen_before():
    text = "President Dana Holt spoke. Later President Holt left."
    assert values(text, "official") == [Official("Dana Holt", "President")] * 2


# --- agencies --------------------------------------------------------------

def test_gazetteer_names_in_their_written_forms():
    text = ("The Justice Department and the Department of Justice met the FTC, the Federal Reserve and "
            "Britain's Competition and Markets Authority.")
    assert extract(text, fact_type="agency") == [
        ("agency", "Justice Department", "U.S. Department of Justice"),
        ("agency", "Department of Justice", "U.S. Department of Justice"),
        ("agency", "FTC", "U.S. Federal Trade Commission"),
        ("agency", "Federal Reserve", "U.S. Federal Reserve"),
        ("agency", "Competition and Markets Authority", "UK Competition and Markets Authority"),
    ]


def test_a_generic_name_stops_before_a_possessive_that_opens_another():
    assert texts("The Ministry of Fisheries and Peru's Maritime Safety Agency agreed.", "agency") == [
        "Ministry of Fisheries", "Maritime Safety Agency",
    ]


def test_ambiguous_acronyms_count_only_after_the_full_name():
    assert values("BIS rules apply.", "agency") == []
    assert values("The Bureau of Industry and Security wrote the rule; BIS said so.", "agency") == [
        "U.S. Bureau of Industry and Security"] * 2


def test_generic_patterns_name_bodies_the_gazetteer_lacks():
    text = ("The Ministry of Digital Affairs, the Lagos State Water Commission, the Maritime Safety Agency "
            "and the Department of Rural Roads agreed.")
    assert texts(text, "agency") == [
        "Ministry of Digital Affairs", "Lagos State Water Commission", "Maritime Safety Agency",
        "Department of Rural Roads",
    ]


@pytest.mark.parametrize(
    "text",
    ["The US barred the sale.", "The government agreed.", "US officials and the US authorities agreed.",
     "The Holt administration agreed.", "The Xinhua News Agency reported it.", "Its legal department agreed."],
)
def test_metonymy_administrations_and_media_are_not_agencies(text):
    assert values(text, "agency") == []


def test_a_department_inside_an_official_title_is_not_an_agency():
    text = "Secretary of the Department of Energy Alan Mercer and Energy Secretary Alan Mercer spoke."
    assert values(text, "agency") == []
    assert values(text, "official") == [Official("Alan Mercer", "Secretary of Energy")] * 2


# --- boilerplate -----------------------------------------------------------

STORY = ("The regional water board approved the new pricing plan after a long public hearing, and officials "
         "said the first bills would arrive within weeks of the vote.")


@pytest.mark.parametrize(
    "heading",
    ["Check Also", "Next In World News", "Others Also Read", "Related Stories", "Read More", "You May Also Like",
     "Leave a Reply"],
)
def test_teaser_sections_are_skipped_until_the_story_resumes(heading):
    text = (f"{STORY}\n\n{heading}\n\nRival utility hires 500 workers in Ohio\n"
            f"The Maritime Safety Agency fined a shipper on June 3, accusing it of …\n"
            f"{STORY} Then the agency fined a second shipper on June 9 and a third one, in a long list of cases...\n\n"
            f"{STORY} It hired 40 workers.")
    assert extract(text) == [("headcount", "40", Count(40, "eq", "employees"))]


def test_a_teaser_section_without_story_after_it_runs_to_the_end():
    text = f"{STORY}\n\nCheck Also\n\nA long story about 300 workers that the regional board did approve in a hurry here.\n"
    assert extract(text) == []


@pytest.mark.parametrize(
    "line",
    ["(Reporting by Jo Kim in Lagos; Editing by Ray Patel)", "Follow us on our channel for 50 updates from Sen. Ann Lee!",
     "We earlier reported that Senator Ann Lee hired 40 staff in March.",
     "This is AI generated summarization, which may have errors. For context, always refer to the full article."],
)
def test_boilerplate_lines_are_skipped(line):
    assert extract(f"{STORY}\n\n{line}") == []


def test_credits_are_skipped_but_the_caption_is_read():
    text = ("A worker walks past the plant, June 3, 2030. WIRE/Ann Lee/File Photo\n\nA story. – Example.com\n"
            "Photo: A bus at a depot on May 2, 2031. (Photo by Lee Chan/Agency Images, 2029)\nImage credit: Ray Do, 2028")
    spans = boilerplate_spans(text)
    assert values(text, "date") == ["2030-06-03", "2031-05-02"]
    assert all(spans.covers(text.index(s)) for s in ("WIRE/", "Example.com", "Photo by", "Image credit"))
    assert not spans.covers(text.index("June")) and not spans.covers(text.index("Photo:"))


def test_inline_teasers_are_skipped():
    assert extract(f"{STORY}\nRead more: Rival hires 3,000 workers\nAlso read: Rival hires 40 staff") == []


# --- the whole extractor ---------------------------------------------------

def test_gazetteer_aliases_name_one_body_each():
    gazetteer = load_gazetteer()
    assert not set(gazetteer.agencies) & set(gazetteer.ambiguous)
    us_names = [name for name in gazetteer.agencies.values() if name.startswith("U.S.")]
    assert len(set(us_names)) >= 60


def test_an_article_end_to_end():
    text = (
        "Harbor Analytics to cut jobs\n\n"
        "Harbor Analytics will lay off about 1,200 employees starting Aug. 14, the firm said on Monday, weeks after "
        "the Federal Trade Commission opened an inquiry. Treasury Secretary Alan Mercer said in a May interview that "
        "the review continues. Mercer added: “We may act today.”\n\nRelated Stories\n\nRival hires 40 workers\n"
    )
    assert extract(text) == [
        ("headcount", "about 1,200", Count(1200, "approx", "employees")),
        ("date", "Aug. 14", "2031-08-14"),
        ("date", "Monday", "2031-05-12"),
        ("agency", "Federal Trade Commission", "U.S. Federal Trade Commission"),
        ("official", "Alan Mercer", Official("Alan Mercer", "Secretary of the Treasury")),
        ("date", "May", "2031-05"),
        ("official", "Mercer", Official("Alan Mercer", "Secretary of the Treasury")),
    ]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aeiou tnrsAMPSD0123456789,.$%“”\"'-\n")), max_size=120))
def test_any_text_gives_facts_that_meet_the_prediction_contract(text):
    extract(text)
