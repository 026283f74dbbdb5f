"""Rebuilding a GUM document's text and placing its entity mentions (bench/data/gum.py).

The fixture is the first three sentences of GUM's ``GUM_news_afghan``
(Wikinews, CC BY 2.5; GUM annotations CC BY 4.0; see gold/wikinews/ATTRIBUTION.md),
with the machine summaries left out.
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.data.gum import GumEntity, read_gum

FIXTURE = Path(__file__).parent / "fixtures" / "gum_news_afghan_excerpt.conllu"
REPO = Path(__file__).resolve().parent.parent

HEADLINE = "After visa snags, all-girl Afghan team honored for 'courageous achievement' at international robotics competition"
BODY = ('A group of Afghan teenagers was awarded a silver medal for "courageous achievement" on Tuesday in the FIRST '
        "Global Challenge Robot Olympics in the Daughters of the American Revolution Constitution Hall in Washington D.C.")


def test_text_is_headline_then_paragraphs_joined_as_space_after_says():
    doc = read_gum(FIXTURE.read_text(encoding="utf-8"))
    assert doc.text == f"{HEADLINE}\n\nFriday, July 21, 2017\n\n{BODY}\n"
    assert doc.name == "GUM_news_afghan"
    assert doc.meta["dateCreated"] == "2017-07-18"
    assert doc.meta["title"] == HEADLINE


def test_entities_sit_on_their_tokens_nested_and_repeated_groups_alike():
    doc = read_gum(FIXTURE.read_text(encoding="utf-8"))
    dateline = len(HEADLINE) + 2
    body = dateline + len("Friday, July 21, 2017") + 2
    times = [e for e in doc.entities if e.etype == "time"]
    assert times == [
        GumEntity("time", dateline, dateline + 6, "Friday"),
        GumEntity("time", dateline + 8, dateline + 21, "July 21, 2017"),  # group 7 again, in apposition
        GumEntity("time", dateline + 17, dateline + 21, "2017"),
        GumEntity("time", body + BODY.index("Tuesday"), body + BODY.index("Tuesday") + 7, "Tuesday"),
    ]
    team = [e for e in doc.entities if e.identity == "Afghan_Girls_Robotics_Team"]
    assert [e.text for e in team] == ["all-girl Afghan team", "A group of Afghan teenagers"]
    assert all(doc.text[e.start:e.end] == e.text for e in doc.entities)


def test_shipped_wikinews_texts_match_their_gum_entities():
    """Every shipped GUM mention still slices to its text: the texts and the entity layer were built together."""
    directory = REPO / "gold" / "wikinews"
    files = {json.loads(line)["id"]: json.loads(line)["file"]
             for line in (directory / "documents" / "manifest.jsonl").read_text(encoding="utf-8").splitlines()}
    texts = {doc_id: (directory / "documents" / name).read_text(encoding="utf-8") for doc_id, name in files.items()}
    mentions = [json.loads(line) for line in (directory / "gum_entities.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(texts) == 43 and len(mentions) > 5000
    assert all(texts[m["doc_id"]][m["start"]:m["end"]] == m["text"] for m in mentions)
