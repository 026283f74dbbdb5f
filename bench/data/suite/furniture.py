"""Page furniture: what surrounds a story on a news page and is never labeled (GUIDELINES §0, §8).

Each pool holds ten or more entries; each seed draws a part of every pool
(:mod:`bench.data.suite.pools`), so no fixed marker announces the unlabeled
text in every suite. Templates use the slots of :mod:`bench.data.suite.templates`;
``{body}`` is a government body's name written as plain text (furniture is not
the story, so it is no mention), ``{year}`` and ``{weekday}`` likewise.
"""

from __future__ import annotations

OTHER_STORY_MARKERS = (
    "In other news,", "In a separate story,", "In unrelated news,", "In other business news,",
    "Elsewhere in the news,", "In a separate development,", "In an unrelated development,", "Also in the news,",
    "In other headlines,", "Elsewhere in business,", "In other corporate news,", "Turning to other news,",
    "In news from elsewhere,", "Separately, in an unrelated case,", "In other company news,",
    "Meanwhile, in other news,",
)
TEASER_HEADINGS = (
    "Related Stories", "Most Read", "More From Business", "You May Also Like", "Trending Now", "Read Next",
    "Editor's Picks", "Popular Now", "Top Stories", "Recommended for You", "More on This Topic", "Latest Headlines",
    "Don't Miss", "Also on the Wire",
)
BOILERPLATE_LINES = (
    "Sign up for our morning newsletter.",
    "Share this article with a friend.",
    "Follow {outlet} on social media for the latest headlines.",
    "Subscribe today and save {pct}% on your first year.",
    "Get the {paper} app, used by {k} million readers.",
    "Read more: our coverage of the {body}.",
    "Copyright {year} {paper}. All rights reserved.",
    "This story has been updated with additional details.",
    "Have a news tip? Email our newsroom.",
    "Join {k},000 readers who get our business briefing every {weekday}.",
    "Listen to this article ({k} min)",
    "Corrections: see our standards page for how we fix errors.",
    "Our journalists follow the {paper} editorial code.",
    "Advertisement",
)
CREDIT_LINES = (
    "(Reporting by {p} in {city}; Editing by {p2})",
    "Photo: {p}/{paper}",
    "Additional reporting by {p}; writing by {p2}",
    "{p} contributed reporting from {city}.",
    "Image: {p} for {outlet}",
    "(Editing by {p} and {p2})",
    "Compiled by {p}",
    "Graphics by {p}; editing by {p2}",
    "Photograph: {p}/{paper}",
    "Written by {p} with reporting by {p2} in {city}",
    "By {p}, {outlet}",
    "Contact the reporter: {p}",
)
NAVIGATION_LINES = (
    "Home > Business > {trade_title}", "Skip to main content", "Menu", "Sections", "Search", "Back to top",
    "Markets | Companies | Jobs", "Print this page", "Share on social media", "Comments ({k})",
)
DATELINES = ("{CITY} ({wire}) - ", "{CITY} - ", "{city} — ", "{CITY} ({wire}) — ")
"""Datelines without a date (AP style); a dated one is built where a capability needs it."""
