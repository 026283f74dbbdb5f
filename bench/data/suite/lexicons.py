"""The words the suite's templates are filled with: offices, qualifiers, counted nouns, goods and trades.

Written for the suite; no phrase comes from the seed articles or the Wikinews
texts (tests hold that). Names of people, companies, places and products are
not here: each seed draws them with Faker (:mod:`bench.data.suite.pools`).
Counted nouns are pools of ten or more, of which each seed draws a part.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Title:
    """A government office: canonical title, forms written before a name, appositions written after it."""

    canonical: str
    forms: tuple[str, ...]
    appositions: tuple[str, ...]


TITLES = (
    Title("Secretary of Labor", ("Labor Secretary", "Secretary of Labor", "U.S. Labor Secretary"),
          ("the labor secretary", "the secretary of labor")),
    Title("Secretary of Energy", ("Energy Secretary", "Secretary of Energy", "U.S. Energy Secretary"),
          ("the energy secretary", "the secretary of energy")),
    Title("Secretary of Transportation", ("Transportation Secretary", "Secretary of Transportation"),
          ("the transportation secretary",)),
    Title("Secretary of the Treasury", ("Treasury Secretary", "Secretary of the Treasury"),
          ("the treasury secretary",)),
    Title("Secretary of Agriculture", ("Agriculture Secretary", "Secretary of Agriculture"),
          ("the agriculture secretary",)),
    Title("Secretary of Education", ("Education Secretary", "Secretary of Education"), ("the education secretary",)),
    Title("Secretary of Homeland Security", ("Homeland Security Secretary", "Secretary of Homeland Security"),
          ("the homeland security secretary",)),
    Title("Attorney General", ("Attorney General", "U.S. Attorney General"),
          ("the attorney general", "the attorney general of {state}")),
    Title("Senator", ("Senator", "Sen.", "U.S. Senator", "{state} Sen."),
          ("a senator from {state}", "the senior senator from {state}", "a Republican senator from {state}",
           "a Democratic senator from {state}")),
    Title("Governor", ("Governor", "Gov.", "{state} Gov.", "{state} Governor"), ("the governor of {state}",)),
    Title("Representative", ("Representative", "Rep."), ("a member of Congress from {state}",)),
    Title("Mayor", ("Mayor", "{city} Mayor"), ("the mayor of {city}",)),
    Title("Prime Minister", ("Prime Minister",), ("the prime minister",)),
    Title("Minister of Finance", ("Finance Minister", "Minister of Finance"),
          ("the finance minister", "the country's finance minister")),
    Title("Minister of Trade", ("Trade Minister", "Minister of Trade"), ("the trade minister",)),
    Title("Ambassador", ("Ambassador", "U.S. Ambassador"), ("the ambassador to {country}",)),
    Title("Chancellor", ("Chancellor",), ("the chancellor",)),
)

QUALIFIERS = {
    "lt": ("less than", "fewer than", "under"),
    "le": ("up to", "at most", "no more than"),
    "gt": ("more than", "over", "above"),
    "ge": ("at least",),
    "approx": ("about", "around", "some", "roughly", "approximately", "nearly", "almost", "an estimated"),
}
"""GUIDELINES §3: qualifier phrases by code."""

STAFF_NOUNS = ("employees", "workers", "staff", "staffers", "personnel", "staff members", "members of staff",
               "associates", "colleagues", "direct employees")
USER_NOUNS = ("users", "customers", "subscribers", "consumers", "account holders", "members", "registered users",
              "monthly active users", "active users", "paying customers", "daily users", "listeners")
COMPANY_NOUNS = ("businesses", "companies", "firms", "organizations", "corporate clients", "enterprise customers",
                 "business customers", "small businesses", "merchants", "client firms", "employers",
                 "corporate customers")
UNIT_BASE_FORMS = {
    "employees": ("employee", "worker", "jobs", "positions", "staff member", "roles", "posts"),
    "users": ("user", "people", "customer", "individuals"),
    "companies": ("company", "business", "enterprises"),
}
"""Forms of each canonical unit listed in aliases.json besides the seed's drawn nouns."""

GOODS = ("heat pumps", "frozen meals", "bicycles", "solar panels", "office chairs", "running shoes", "baby food",
         "electric buses", "kitchen knives", "garden tools", "printers", "smart meters", "wind turbines",
         "medical gloves", "car batteries", "coffee machines", "school books", "paint", "steel pipes",
         "phone chargers", "pet food", "board games", "air filters", "ceramic tiles", "hearing aids")
TRADES = ("software maker", "grocer", "carmaker", "drugmaker", "shipping group", "insurer", "chipmaker", "airline",
          "retailer", "brewer", "toymaker", "steelmaker", "utility", "telecom operator", "food delivery firm",
          "logistics group", "game studio", "lender", "payments firm", "robotics company")
COMPANY_WORDS = ("Group", "Holdings", "Industries", "International", "Brands", "Enterprises", "Corp", "Inc",
                 "Company", "Partners", "Worldwide", "Global", "Ventures", "Works", "Trading", "& Co")
"""The second word of a company named after a surname; no trade, so that any trade in the copy fits it."""
PRODUCT_KINDS = ("app", "platform", "browser", "wallet", "messenger", "cloud suite", "streaming service",
                 "payments app", "banking app", "marketplace", "music service", "map app", "video service",
                 "fitness app", "game")
COUNTRIES = ("Canada", "Mexico", "Japan", "India", "Brazil", "Kenya", "Norway", "Chile", "Poland", "Vietnam",
             "Egypt", "Portugal")
US_STATES = ("Ohio", "Oregon", "Vermont", "Nevada", "Maine", "Iowa", "Montana", "Delaware", "Arizona", "Georgia",
             "Michigan", "Kansas", "Utah", "Idaho", "Alabama", "Colorado", "Wisconsin", "Kentucky", "Nebraska",
             "Tennessee")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
AP_MONTHS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
