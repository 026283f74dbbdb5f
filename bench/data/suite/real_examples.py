"""For each capability, the error in real news text it stands for, with a located example.

Examples are quoted from the five seed articles (``articles``, seeds/) or the
Wikinews texts (``wikinews``, gold/wikinews/documents/), by document id and
character offsets into the final text; a test checks that each quote is the
text at its offsets. They cite text spans, never labels (the Wikinews labels
are still being adjudicated). Quotes are citations, not suite content: no case
is written from them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RealExample:
    """A span of a bundled text showing the error a capability stands for."""

    set: str  # "articles" (seeds/) or "wikinews" (gold/wikinews/documents/)
    doc_id: str
    start: int
    quote: str
    error: str

    @property
    def end(self) -> int:
        return self.start + len(self.quote)

    def to_dict(self) -> dict:
        return {"set": self.set, "doc_id": self.doc_id, "start": self.start, "end": self.end, "quote": self.quote,
                "error": self.error}


_A, _W = "articles", "wikinews"
_RAW = {
    "date.absolute": (_A, "002_df5a8af1619a8075", 1441, "Sept. 29",
                      "An AP-style day without a year is missed, or not dated in the published year."),
    "date.month_year": (_A, "001_1ffe1e35e2256c17", 1628, "April",
                        "A month named alone is a date at month precision, in the year the text implies."),
    "date.relative": (_A, "001_1ffe1e35e2256c17", 107, "Monday",
                      "A weekday must be resolved against the published date, not dropped or dated at random."),
    "date.yearless_tense": (_W, "news_defector", 3848, "September 24",
                            "A day without a year takes its year from the published date and the clause's tense: "
                            "a past event after the published day happened the year before."),
    "date.negatives": (_A, "001_1ffe1e35e2256c17", 393, "nearly 20 years", "A duration read as a date."),
    "headcount.numbers": (_A, "004_040a006920baa8a4", 1000, "less than 50",
                          "The number of employees a layoff affects is a headcount; its number must be read."),
    "headcount.qualifiers": (_A, "000_bb2ab41b9a4ff015", 1125, "less than 50",
                             "The qualifier belongs to the count (lt): dropped, it turns 'under 50' into "
                             "'exactly 50'."),
    "headcount.staff_nouns": (_A, "003_be890f1a7484a10d", 439, "“less than 50” workers",
                              "The staff noun after the number, past a closing quotation mark, makes it a headcount."),
    "headcount.negatives": (_W, "news_ie9", 1966, "39 percent", "A percentage counts no staff."),
    "user_count.forms": (_A, "001_1ffe1e35e2256c17", 1108, "over 400 million",
                         "A scaled count is read with its scale word and its qualifier."),
    "user_count.negatives": (_W, "interview_herrick", 6634, "millions of readers",
                             "Readers of a site are not users of a product."),
    "agency.full_names": (_W, "news_warming", 2314, "U.S. Environmental Protection Agency",
                          "A body's full name is an agency mention, named canonically."),
    "agency.short_forms": (_W, "news_asylum", 1485, "State Department",
                           "A short form names the same body as the full name."),
    "agency.acronyms": (_W, "news_nasa", 3662, "NASA", "An acronym alone is a mention of its body."),
    "agency.foreign": (_W, "news_worship", 323, "Greek Ministry of Culture",
                       "A foreign body is an agency too, told apart by its country."),
    "agency.negatives": (_A, "002_df5a8af1619a8075", 437, "the Biden administration",
                         "An administration is the whole executive, not a named body."),
    "official.title_name": (_W, "news_flag", 1361, "Prime Minister John Key",
                            "A title before a name makes the person an official with that title."),
    "official.apposition": (_W, "news_asylum", 1507, "John Kerry, the Secretary of State",
                            "A title in apposition after the name gives the office."),
    "official.surname": (_A, "000_bb2ab41b9a4ff015", 1557, "Raimondo said US businesses",
                         "A surname alone refers back to the titled official met earlier."),
    "official.former": (_W, "interview_cocktail", 362, "former Pennsylvania Senator Rick Santorum",
                        "A former office keeps its title."),
    "official.negatives": (_A, "000_bb2ab41b9a4ff015", 544, "independent journalist Kim Zetter",
                           "A journalist named with a role is not an official."),
    "context.quoted_relative_dates": (_A, "000_bb2ab41b9a4ff015", 1518, "the action that we are taking today",
                                      "A relative date inside a quotation is the speaker's, not the article's."),
    "context.background_same_story": (_A, "001_1ffe1e35e2256c17", 1698, "Founded in Moscow in 1997",
                                      "A background sentence of the story is labeled like the rest of it."),
    "context.other_story_paragraph": (_A, "003_be890f1a7484a10d", 1907,
                                      "We earlier reported that a woman from Arizona",
                                      "A closing paragraph about an unrelated story is not the story."),
    "context.teaser_navigation": (_A, "001_1ffe1e35e2256c17", 2365,
                                  "Canada’s Competition Bureau has taken legal action",
                                  "A teaser under a heading names a body of another story."),
    "context.bylines_credits": (_A, "002_df5a8af1619a8075", 1567,
                                "(Reporting by Chandni Shah and Kanjyik Ghosh in Bengaluru; Editing by "
                                "Sherry Jacob-Phillips)", "People in a credit line are journalists, never labeled."),
    "context.headline_dateline": (_W, "news_afghan", 115, "Friday, July 21, 2017",
                                  "The dateline above the story is a date of the page, and is labeled."),
    "context.officials_among_executives": (_A, "002_df5a8af1619a8075", 997,
                                           "senior leadership, including the chief business development officer, "
                                           "chief operating officer", "Company executives are not officials."),
    "context.agency_vs_metonymy": (_A, "003_be890f1a7484a10d", 579, "Moscow’s control over the corporation",
                                   "A capital standing for a government is no agency."),
    "context.multi_number_sentence": (_A, "001_1ffe1e35e2256c17", 1108,
                                      "over 400 million people and 240,000 companies",
                                      "Two numbers in one sentence count different things, each with its own "
                                      "qualifier and unit."),
    "context.contractors_executives": (_W, "news_election", 5798, "70 members of the Legislative Council",
                                       "A count of people in one role or body is not an organization's headcount."),
    "context.users_non_count": (_W, "news_ie9", 207, "IE6 users", "A number naming a version counts nobody."),
    "context.people_employed_or_users": (_A, "001_1ffe1e35e2256c17", 1100, "used by over 400 million people",
                                         "People who use a product are users, not staff: the verb decides."),
    "context.count_noun_before": (_A, "001_1ffe1e35e2256c17", 1172, "the exact number of US users is unclear",
                                  "The counted noun can come before the number; here none follows, so nothing "
                                  "is counted."),
    "inv.other_names": (_A, "001_1ffe1e35e2256c17", 80, "Kaspersky Lab announced on Monday",
                        "The facts do not depend on which company is named; an extractor keyed on known names "
                        "fails on new ones."),
    "inv.boilerplate_line": (_A, "002_df5a8af1619a8075", 1661,
                             "Follow us on our official WhatsApp channel for breaking news alerts and key updates!",
                             "A page line is furniture: adding one changes no fact."),
    "inv.title_case": (_A, "001_1ffe1e35e2256c17", 0, "Kaspersky Shuts Down US Operations Following Ban",
                       "A Title Case headline is read like body text; casing changes no fact."),
    "dir.published_date": (_A, "003_be890f1a7484a10d", 300, "on Tuesday",
                           "A weekday names another day when the article is published on another date."),
    "dir.number": (_A, "001_1ffe1e35e2256c17", 1136, "240,000 companies",
                   "Another number must give another count."),
}
REAL_EXAMPLES = {capability: RealExample(*raw) for capability, raw in _RAW.items()}
