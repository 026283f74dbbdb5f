"""The government bodies the suite names: real institutions, U.S. and foreign, written from general knowledge.

Canonical names follow GUIDELINES §4 and §8: a U.S. body is "U.S. " + its
official name; a foreign one carries its country's short name in front unless
its name already says the country. Each seed draws a part of the pool
(:mod:`bench.data.suite.pools`), so an extractor that memorized one suite's
bodies meets bodies it never saw in another. No body of the seed articles
(the Department of Commerce and its Bureau of Industry and Security) is here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Body:
    """A government body: canonical name, name as written, short form, acronym, owner, own-language name."""

    canonical: str
    full: str
    short: str | None = None
    acronym: str | None = None
    owner: str = ""  # "Britain's" for a foreign body; "" for a U.S. one
    native: str | None = None

    @property
    def foreign(self) -> bool:
        return bool(self.owner)


def _us(full: str, short: str | None = None, acronym: str | None = None) -> Body:
    return Body(f"U.S. {full}", full, short, acronym)


US_BODIES = (
    _us("Department of Labor", "Labor Department", "DOL"),
    _us("Department of Energy", "Energy Department", "DOE"),
    _us("Department of Transportation", "Transportation Department", "DOT"),
    _us("Department of Justice", "Justice Department", "DOJ"),
    _us("Department of Agriculture", "Agriculture Department", "USDA"),
    _us("Department of the Treasury", "Treasury Department"),
    _us("Department of Education", "Education Department"),
    _us("Department of Health and Human Services", acronym="HHS"),
    _us("Department of Homeland Security", "Homeland Security Department", "DHS"),
    _us("Department of the Interior", "Interior Department"),
    _us("Department of Veterans Affairs", "Veterans Affairs Department"),
    _us("Department of Housing and Urban Development", acronym="HUD"),
    _us("Department of State", "State Department"),
    _us("Department of Defense", "Defense Department", "DOD"),
    _us("Federal Trade Commission", acronym="FTC"),
    _us("Securities and Exchange Commission", acronym="SEC"),
    _us("Environmental Protection Agency", acronym="EPA"),
    _us("Federal Communications Commission", acronym="FCC"),
    _us("Food and Drug Administration", acronym="FDA"),
    _us("Federal Aviation Administration", acronym="FAA"),
    _us("Consumer Financial Protection Bureau", acronym="CFPB"),
    _us("Occupational Safety and Health Administration", acronym="OSHA"),
    _us("Federal Energy Regulatory Commission", acronym="FERC"),
    _us("National Highway Traffic Safety Administration", acronym="NHTSA"),
    _us("Commodity Futures Trading Commission", acronym="CFTC"),
    _us("Federal Deposit Insurance Corporation", acronym="FDIC"),
    _us("Internal Revenue Service", acronym="IRS"),
    _us("Small Business Administration", acronym="SBA"),
    _us("National Labor Relations Board", acronym="NLRB"),
    _us("Equal Employment Opportunity Commission", acronym="EEOC"),
    _us("Federal Railroad Administration", acronym="FRA"),
    _us("National Transportation Safety Board", acronym="NTSB"),
    _us("Nuclear Regulatory Commission", acronym="NRC"),
    _us("Centers for Disease Control and Prevention", acronym="CDC"),
    _us("Federal Emergency Management Agency", acronym="FEMA"),
    _us("Office of the Comptroller of the Currency", acronym="OCC"),
    _us("Federal Maritime Commission", acronym="FMC"),
    _us("Consumer Product Safety Commission", acronym="CPSC"),
    _us("Bureau of Labor Statistics", acronym="BLS"),
    _us("National Institutes of Health", acronym="NIH"),
    _us("Drug Enforcement Administration", acronym="DEA"),
    _us("Transportation Security Administration", acronym="TSA"),
    _us("Social Security Administration", acronym="SSA"),
    _us("Patent and Trademark Office", acronym="USPTO"),
)

FOREIGN_BODIES = (
    Body("UK Competition and Markets Authority", "Competition and Markets Authority", None, "CMA", "Britain's"),
    Body("UK Financial Conduct Authority", "Financial Conduct Authority", None, "FCA", "Britain's"),
    Body("UK Information Commissioner's Office", "Information Commissioner's Office", None, "ICO", "Britain's"),
    Body("UK Office of Communications", "Office of Communications", "Ofcom", None, "Britain's"),
    Body("UK Health and Safety Executive", "Health and Safety Executive", None, "HSE", "Britain's"),
    Body("German Federal Cartel Office", "Federal Cartel Office", None, None, "Germany's", "Bundeskartellamt"),
    Body("German Federal Financial Supervisory Authority", "Federal Financial Supervisory Authority", None, "BaFin",
         "Germany's"),
    Body("German Federal Network Agency", "Federal Network Agency", None, None, "Germany's", "Bundesnetzagentur"),
    Body("French Competition Authority", "Competition Authority", None, None, "France's",
         "Autorité de la concurrence"),
    Body("French Financial Markets Authority", "Financial Markets Authority", None, "AMF", "France's",
         "Autorité des marchés financiers"),
    Body("Italian Competition Authority", "Italian Competition Authority", None, "AGCM", "Italy's"),
    Body("Japan Financial Services Agency", "Financial Services Agency", None, "FSA", "Japan's"),
    Body("Japan Fair Trade Commission", "Japan Fair Trade Commission", None, "JFTC", "Japan's"),
    Body("Korea Fair Trade Commission", "Korea Fair Trade Commission", None, "KFTC", "South Korea's"),
    Body("Securities and Exchange Board of India", "Securities and Exchange Board of India", None, "SEBI", "India's"),
    Body("Competition Commission of India", "Competition Commission of India", None, "CCI", "India's"),
    Body("Australian Competition and Consumer Commission", "Australian Competition and Consumer Commission", None,
         "ACCC", "Australia's"),
    Body("Australian Securities and Investments Commission", "Australian Securities and Investments Commission",
         None, "ASIC", "Australia's"),
    Body("Irish Data Protection Commission", "Data Protection Commission", None, "DPC", "Ireland's"),
    Body("Monetary Authority of Singapore", "Monetary Authority of Singapore", None, "MAS", "Singapore's"),
    Body("Canadian Transportation Agency", "Canadian Transportation Agency", None, None, "Canada's"),
    Body("Brazilian Administrative Council for Economic Defense", "Administrative Council for Economic Defense",
         None, "CADE", "Brazil's"),
    Body("China Securities Regulatory Commission", "China Securities Regulatory Commission", None, "CSRC",
         "China's"),
    Body("Dutch Authority for Consumers and Markets", "Authority for Consumers and Markets", None, "ACM",
         "the Netherlands'"),
    Body("Swiss Financial Market Supervisory Authority", "Financial Market Supervisory Authority", None, "FINMA",
         "Switzerland's"),
    Body("Spanish National Securities Market Commission", "National Securities Market Commission", None, "CNMV",
         "Spain's"),
)
BODIES = US_BODIES + FOREIGN_BODIES


def short_forms(body: Body) -> tuple[str, ...]:
    """The short forms a body is written with: "Labor Department", "Dept. of Labor", "Bundeskartellamt".

    >>> short_forms(US_BODIES[0])
    ('Labor Department', 'Dept. of Labor')
    """
    forms = tuple(form for form in (body.short, body.native) if form)
    if body.full.startswith("Department of "):
        forms += ("Dept. of " + body.full.removeprefix("Department of "),)
    return forms


def surface_forms(body: Body) -> tuple[str, ...]:
    """Every form of a body the suite writes, canonical name excluded (its aliases)."""
    forms = (body.full, *short_forms(body), body.acronym)
    return tuple(dict.fromkeys(form for form in forms if form and form != body.canonical))
