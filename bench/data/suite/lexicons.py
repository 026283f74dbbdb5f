"""The words the suite's templates are filled with, written for the suite.

Every person, company and place here is invented or generic; no name, number
or phrase comes from the seed articles (a test holds that). Government bodies
and titles are real institutions any news story may name.
"""

from __future__ import annotations

from dataclasses import dataclass

FIRST_NAMES = (
    "Amara", "Bettina", "Caius", "Delphine", "Emeka", "Farida", "Gideon", "Halvard", "Ines", "Joaquin", "Kerstin",
    "Lionel", "Marisol", "Nikhil", "Odalys", "Pernille", "Quentin", "Rosalind", "Soren", "Talia", "Ulrich", "Valeria",
    "Wendell", "Ximena", "Yusuf", "Zofia", "Anselm", "Briony", "Cormac", "Dagny",
)
OFFICIAL_SURNAMES = (
    "Abernathy", "Blomqvist", "Castellanos", "Drummond", "Eberhardt", "Fairweather", "Galloway", "Hollander",
    "Ishikawa", "Jablonski", "Kavanagh", "Lindqvist", "Montague", "Nakashima", "Okonkwo", "Pemberton", "Quintero",
    "Rasmussen", "Stroud", "Thackeray", "Underhill", "Vasquez", "Whitcombe", "Yardley", "Zelenko", "Ashworth",
    "Brannigan", "Cardenas", "Delacroix", "Ellsworth", "Fontaine", "Gundersen", "Hargreave", "Ingersoll", "Jessup",
    "Kowalczyk", "Larkspur", "Merriweather", "Northcott", "Oyelaran",
)
"""Surnames of officials: each names one person in a suite, so a surname alone resolves (aliases.json)."""
OTHER_SURNAMES = (
    "Alcott", "Brisbane", "Crowther", "Dunmore", "Everly", "Fitzgerald", "Gable", "Hawthorne", "Iverson", "Jolliffe",
    "Kinsella", "Lockhart", "Marlow", "Nettleton", "Ormsby", "Prescott", "Radcliffe", "Sutcliffe", "Tennant", "Voss",
)
"""Surnames of journalists, executives and analysts: never officials."""

COMPANIES = (
    "Northwind Systems", "Calloway Foods", "Brightline Logistics", "Veridian Labs", "Pinecrest Software",
    "Orchard Mobile", "Tidewater Energy", "Silverbirch Media", "Quarry Lane Bank", "Lumen Arc", "Marisol Telecom",
    "Kestrel Aerospace", "Bluestem Retail", "Copperfield Insurance", "Granite Peak Mining", "Riverstone Health",
    "Alder Robotics", "Fenwick Motors", "Oakhaven Pharmaceuticals", "Sandpiper Games",
)
CITIES = ("Denver", "Leeds", "Lyon", "Osaka", "Porto", "Tucson", "Bergen", "Cork", "Adelaide", "Dayton", "Graz",
          "Valencia", "Halifax", "Tampere")
STATES = ("Ohio", "Oregon", "Vermont", "Nevada", "Maine", "Iowa", "Montana", "Delaware")
PRODUCTS = ("the Lumo app", "its Vela browser", "the Parcel service", "its Quill platform", "the Tally wallet",
            "its Beacon messenger", "the Harbor cloud suite", "its Sprout payments app")
OUTLETS = ("the Harbor Times", "Metro Wire", "the Daily Ledger", "Coastline Radio", "the Evening Courier")
BANKS = ("Ridgeway Securities", "Stonebridge Capital", "Larchmont Partners", "Ferncliff Research")
UNIVERSITIES = ("the University of Leeds", "Tucson State University", "Bergen Technical College",
                "the Institute of Applied Economics")


@dataclass(frozen=True, slots=True)
class Body:
    """A government body: canonical name, full name as written, short form, acronym, and who it belongs to."""

    canonical: str
    full: str
    short: str | None
    acronym: str | None
    owner: str = ""  # "Britain's" for a foreign body; "" for a U.S. one


US_BODIES = (
    Body("U.S. Department of Labor", "Department of Labor", "Labor Department", "DOL"),
    Body("U.S. Department of Energy", "Department of Energy", "Energy Department", "DOE"),
    Body("U.S. Department of Transportation", "Department of Transportation", "Transportation Department", "DOT"),
    Body("U.S. Department of Justice", "Department of Justice", "Justice Department", "DOJ"),
    Body("U.S. Department of Agriculture", "Department of Agriculture", "Agriculture Department", "USDA"),
    Body("U.S. Department of the Treasury", "Department of the Treasury", "Treasury Department", None),
    Body("U.S. Department of Education", "Department of Education", "Education Department", None),
    Body("U.S. Federal Trade Commission", "Federal Trade Commission", None, "FTC"),
    Body("U.S. Securities and Exchange Commission", "Securities and Exchange Commission", None, "SEC"),
    Body("U.S. Environmental Protection Agency", "Environmental Protection Agency", None, "EPA"),
    Body("U.S. Federal Communications Commission", "Federal Communications Commission", None, "FCC"),
    Body("U.S. Food and Drug Administration", "Food and Drug Administration", None, "FDA"),
    Body("U.S. Federal Aviation Administration", "Federal Aviation Administration", None, "FAA"),
    Body("U.S. Consumer Financial Protection Bureau", "Consumer Financial Protection Bureau", None, "CFPB"),
    Body("U.S. Occupational Safety and Health Administration", "Occupational Safety and Health Administration",
         None, "OSHA"),
)
# GUIDELINES §8: a foreign body's canonical name carries its country, as a U.S. one carries "U.S.",
# unless its name already says it; the name as written without the country is an alias.
FOREIGN_BODIES = (
    Body("UK Competition and Markets Authority", "Competition and Markets Authority", None, "CMA", "Britain's"),
    Body("UK Financial Conduct Authority", "Financial Conduct Authority", None, "FCA", "Britain's"),
    Body("German Federal Cartel Office", "Federal Cartel Office", "Bundeskartellamt", None, "Germany's"),
    Body("European Commission", "European Commission", None, None, "the European Union's"),
    Body("Australian Competition and Consumer Commission", "Australian Competition and Consumer Commission",
         None, "ACCC", "Australia's"),
    Body("Japan Financial Services Agency", "Financial Services Agency", None, "FSA", "Japan's"),
    Body("Securities and Exchange Board of India", "Securities and Exchange Board of India", None, "SEBI", "India's"),
    Body("Korea Fair Trade Commission", "Korea Fair Trade Commission", None, "KFTC", "South Korea's"),
    Body("Irish Data Protection Commission", "Data Protection Commission", None, "DPC", "Ireland's"),
    Body("Monetary Authority of Singapore", "Monetary Authority of Singapore", None, "MAS", "the city-state's"),
)
BODIES = US_BODIES + FOREIGN_BODIES


@dataclass(frozen=True, slots=True)
class Title:
    """A government office: its canonical title and the forms written before a name."""

    canonical: str
    forms: tuple[str, ...]
    where: str = ""  # what the office is of, for an apposition: "of Ohio"


TITLES = (
    Title("Secretary of Labor", ("Labor Secretary", "Secretary of Labor")),
    Title("Secretary of Energy", ("Energy Secretary", "Secretary of Energy")),
    Title("Secretary of Transportation", ("Transportation Secretary", "Secretary of Transportation")),
    Title("Secretary of the Treasury", ("Treasury Secretary", "Secretary of the Treasury")),
    Title("Secretary of Agriculture", ("Agriculture Secretary", "Secretary of Agriculture")),
    Title("Attorney General", ("Attorney General",)),
    Title("Senator", ("Senator", "Sen.")),
    Title("Governor", ("Governor", "Gov.")),
    Title("Representative", ("Representative", "Rep.")),
    Title("Mayor", ("Mayor",)),
    Title("Prime Minister", ("Prime Minister",)),
    Title("Minister of Finance", ("Finance Minister", "Minister of Finance")),
)

EMPLOYEE_NOUNS = ("employees", "workers", "staff", "staffers", "personnel")
USER_NOUNS = ("users", "customers", "subscribers", "consumers", "account holders")
COMPANY_NOUNS = ("businesses", "companies", "firms", "organizations", "corporate clients")
UNITS = {
    "employees": ["employee", *EMPLOYEE_NOUNS[1:], "worker", "positions", "jobs", "staff members"],
    "users": ["user", "people", "persons", "individuals", "customer", *USER_NOUNS[1:]],
    "companies": ["company", "business", *COMPANY_NOUNS[:1], *COMPANY_NOUNS[2:], "enterprises", "client firms"],
}
"""Counted nouns by canonical unit, as aliases.json lists them."""

QUALIFIERS = {
    "lt": ("less than", "fewer than", "under"),
    "le": ("up to", "at most", "no more than"),
    "gt": ("more than", "over", "above"),
    "ge": ("at least",),
    "approx": ("about", "around", "some", "roughly", "approximately", "nearly", "almost", "an estimated"),
}
"""GUIDELINES §3: qualifier phrases by code."""

BOILERPLATE_LINES = (
    "Sign up for our morning newsletter.", "Share this article with a friend today.",
    "Follow us on social media for the latest headlines every Monday.", "Subscribe today and save 30% on your first year.",
    "Click here to get the app, used by 2 million readers.", "Read more: our coverage of the Department of Energy.",
)
"""Page furniture an INV case adds; some carry a date, a count or a body that is not the story's."""
TEASER_HEADINGS = ("Related Stories", "Most Read", "More From Business", "You May Also Like", "Trending Now")
