"""One palette for every page: Okabe–Ito colours, one per fact type, text on them at WCAG AA, read by both pages."""

from __future__ import annotations

import re

from wcag import contrast

from bench.data.documents import Document
from bench.data.gold import Gold
from bench.facts import FACT_TYPES, Fact
from bench.normalize.aliases import AliasTable
from bench.presentation.html_report import build_report
from bench.presentation.html_report.articles import LINES, SYMBOLS
from bench.presentation.palette import KIND_COLOURS, OKABE_ITO, TYPE_COLOURS, UI_COLOURS, css_variables, tint
from bench.presentation.review_page import review_page

# Okabe & Ito (2008), "Color Universal Design": the eight colours, as published.
PUBLISHED = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
GOLD = Gold("1", "sha256:" + "a" * 64, (Document("d", "On 3 May the Office said so."),),
            (Fact("d", "date", "2024-05-03", "3 May", 3, 8, "f1"), Fact("d", "agency", "Office", "Office", 13, 19, "f2")),
            AliasTable())


def test_each_fact_type_has_its_own_okabe_ito_colour():
    assert set(OKABE_ITO.values()) == PUBLISHED
    assert list(TYPE_COLOURS) == list(FACT_TYPES)
    assert len(set(TYPE_COLOURS.values())) == len(FACT_TYPES) and set(TYPE_COLOURS.values()) <= PUBLISHED
    assert set(KIND_COLOURS.values()) <= PUBLISHED
    assert list(KIND_COLOURS) == list(SYMBOLS) == list(LINES)  # every outcome kind the report marks has a colour


def test_text_on_every_coloured_background_meets_wcag_aa():
    """Every pairing the pages' stylesheets use, computed by the WCAG 2 formula (tests/wcag.py)."""
    ink, quiet, on_colour = UI_COLOURS["ink"], UI_COLOURS["quiet"], UI_COLOURS["on-colour"]
    pairs = [(on_colour, colour, f"label on {name}") for name, colour in TYPE_COLOURS.items()]
    pairs += [(ink, tint(colour), f"text on the {name} tint") for name, colour in TYPE_COLOURS.items()]
    pairs += [(colour, UI_COLOURS["paper"], f"{name} on paper") for name, colour in UI_COLOURS.items()
              if name in ("ink", "quiet", "link", "flag", "on-colour")]
    pairs += [(on_colour, UI_COLOURS["mark"], "the marked mention"), (ink, UI_COLOURS["quote"], "an error's context"),
              (quiet, UI_COLOURS["quote"], "small print in a context")]
    poor = [(what, round(contrast(text, paper), 2)) for text, paper, what in pairs if contrast(text, paper) < 4.5]
    assert not poor


def test_a_tint_is_the_colour_at_30_percent_on_white():
    # by hand: 0.3 * 0xE6 + 0.7 * 255 = 247.5 -> F8; 0.3 * 0x9F + 178.5 = 226.2 -> E2; 0 + 178.5 -> B2 (178.49... in floats)
    assert tint("#E69F00") == "#F8E2B2" and tint("#FFFFFF") == "#FFFFFF"


def _style(page: str) -> str:
    return re.search(r"<style>(.*?)</style>", page, re.S).group(1)


def test_both_pages_take_every_colour_from_the_palette():
    report, review = build_report(GOLD), review_page(GOLD, "set")
    declared = []
    for page in (report, review):
        style = _style(page)
        root = re.match(r"\s*:root\{(.*?)\}", style).group(1)
        declared.append(dict(re.findall(r"--([\w-]+):(#[0-9A-F]{6});", root)))
        rest = style[style.index("}", style.index(":root")) + 1:]
        assert not re.findall(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|rgb\(", rest)  # no colour but through the palette
    assert declared[0] == declared[1] == css_variables()
    assert declared[0]["t-date"] == "#E69F00"  # date is orange on both pages
    assert ".lab.t-date{background:var(--t-date)}" in _style(report)
    assert ".t-date{border-color:var(--t-date);background:var(--t-date-tint)}" in _style(review)
