"""Sentences without a fact: news copy around the sentence a case tests.

None names a date, a count of people or organizations, a government body or
an official, so a case's gold is exactly its tested mentions. Speakers of
quotations are spokespeople, executives and analysts, never officials.
Written for the suite (tests check no eight words in a row come from the seed
articles or the Wikinews texts).
"""

from __future__ import annotations

HEADLINES = (
    "{co} rethinks its plans for {city}", "{co} under pressure as demand for {goods} cools",
    "What the shake-up at {co} means for {city}", "{co} bets on {goods} again", "Questions mount over {co} strategy",
    "{co} faces a hard choice", "Inside the turnaround at {co}", "{co} and {co2}: a rivalry heats up",
    "Why {co} is changing course", "{co} seeks a way back to growth", "A difficult stretch for {co}",
    "{co} reshapes its business", "The long road ahead for {co}", "{co} weighs its next move in {city}",
    "A new chapter for {co}", "Can {co} win back its customers?",
)
LEDES = (
    "{co}, the {trade} based in {city}, is reshaping its business as demand for {goods} slows.",
    "{co} is under pressure to cut costs after a difficult stretch for makers of {goods}.",
    "The {trade} {co} has become one of the best-known names in {city}.",
    "{co} has set out a new plan for its business in {city}.",
    "Investors are watching {co} closely as the {trade} tries to win back customers.",
    "{co} is betting that demand for {goods} will pick up again.",
    "A long-running dispute over prices has put {co} in the spotlight.",
    "{co}, a {trade} with deep roots in {city}, faces a hard choice.",
    "The fortunes of {co} have turned quickly.",
    "{co} is trying to shake off a run of bad news.",
    "For {co}, the coming months will decide whether its bet on {goods} pays off.",
    "{co} wants to grow beyond its home market of {city}.",
    "Few companies in {city} have had a year as turbulent as {co}.",
    "{co} is looking for new ways to sell its {goods}.",
    "The mood inside {co} has darkened as sales of {goods} stall.",
)
BODY = (
    "The company did not give a reason.", "Its shares were little changed in afternoon trading.",
    "{co} has struggled with rising costs.", "Analysts had expected the move.",
    "The decision surprised some investors.",
    "Rivals have made similar changes.", "The details were not made public.",
    "{co} declined to say how much the plan would cost.", "The company expects demand to recover.",
    "Suppliers were told of the change in a letter.", "The move follows a long review of the business.",
    "It was not clear how customers would be affected.",
    "Competition from cheaper imports has weighed on the company.",
    "The plan still needs the approval of shareholders.", "{co} sells most of its {goods} in {city}.",
    "The company has faced criticism over its pricing.", "Talks with suppliers are continuing.",
    "A final decision is expected soon.", "Demand for {goods} has been uneven.",
    "The {trade} said the change would make it more efficient.", "No timetable was given.",
    "Customers have been told to expect delays.", "The shift has been months in the making.",
    "Some staff learned of the plan from the press.", "Costs for raw materials remain high.",
)
QUOTES = (
    "“We are confident in the plan,” said {p}, a spokesperson for {co}.",
    "“This is the right decision for the business,” {p}, the chief executive of {co}, said in a written statement.",
    "“Customers will not notice any difference,” said {p}, who runs the {city} operation.",
    "“The market has changed and we have to change with it,” {p} told reporters.",
    "“It was a difficult choice,” said {p}, an adviser to {co}.",
    "“We expect a lot of interest,” said {p} of {bank}.",
    "“Nothing is decided yet,” {p} said.",
    "“The figures speak for themselves,” said {p}, an analyst at {bank}.",
    "“We have been clear with our people from the start,” {p} said.",
    "“It is too early to say what this means,” said {p}, a professor at {uni}.",
    "“They have not explained the decision,” said {p}, a former manager at {co}.",
    "“We will keep listening to our customers,” {p} wrote in a note to clients.",
    "“People want better value,” said {p} of {co}.",
    "“I think they moved too slowly,” said {p}, a longtime customer.",
    "“We did not take this step lightly,” {p}, a spokesperson for {co}, said by email.",
    "“The {city} site remains important to us,” said {p}.",
    "“It is a fair outcome,” said {p}, a lawyer for {co}.",
    "“We will see how the market reacts,” said {p} of {bank}.",
    "“There is no easy answer,” {p} said in an interview.",
    "“Our focus is on the long term,” said {p}, the finance chief of {co}.",
    "“We owe our customers a clear answer,” said {p}, who sits on the board of {co}.",
    "“It is a bold bet,” said {p} of {bank}, “but not a reckless one.”",
    "“I would not rule anything out,” {p} said when asked about the future of the {city} site.",
    "“The mood is cautious,” said {p}, a consultant who works with companies like {co}.",
    "“Our view has not changed,” {p}, an analyst at {bank}, wrote in a note.",
)
BACKGROUND = (
    "{co} was founded by two engineers and makes {goods}.", "The company has expanded into {city2} in recent years.",
    "{co} has changed owners several times.", "It is best known for its {goods}.",
    "The {trade} grew quickly after it bought a smaller rival.", "{co} has long argued that its prices are fair.",
    "Its main rival is {co2}, which is based in {city2}.", "Much of its growth has come from sales abroad.",
    "The firm listed its shares on the stock market several years ago.",
    "{co} has faced questions about its accounts before.",
    "The company moved its headquarters to {city} from {city2}.", "Its founders still own a large stake.",
    "It began as a small workshop and grew into a household name.", "{co} sells its {goods} through its own shops.",
    "The company has spent heavily on new machines.", "Its biggest market is abroad.",
)
POOLS = {"headlines": HEADLINES, "ledes": LEDES, "body": BODY, "quotes": QUOTES, "background": BACKGROUND}
"""Each seed draws a part of every pool (:mod:`bench.data.suite.pools`)."""
