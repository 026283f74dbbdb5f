"""bench gold init: a new gold set from your documents, pre-labelled, reviewed, then scored with bench eval --gold."""

from __future__ import annotations

import json

import pytest
from conftest import SMALL_TEXTS, small_fact_records

from bench.data.gold import load_gold
from bench.data.gold_set import article_file_name
from bench.data.resources import gold_dir

# A labeller written for the test: each surface, wherever it stands, with a fixed value.
# One value is wrong (the Friday after, not before), one find is false ("Ferry"), one boundary
# is short ("2,000"), and "workers" is a unit alias the bundled table knows.
PRELABELLER = '''
from bench.facts import Count, Fact

FINDS = [
    ("4 June 2023", "date", "2023-06-04"),
    ("Friday", "date", "2023-06-09"),
    ("75", "headcount", Count(75, "eq", "workers")),
    ("Office of Rail Standards", "agency", "Office of Rail Standards"),
    ("Ferry", "agency", "Ferry Board"),
    ("2,000", "user_count", Count(2000, "eq", "riders")),
]

def finds(document):
    """Fixed strings with fixed values."""
    if "FAIL" in document.text:
        raise RuntimeError("cannot read this one")
    out = []
    for surface, kind, value in FINDS:
        at = document.text.find(surface)
        if at >= 0:
            out.append(Fact(document.id, kind, value, surface, at, at + len(surface)))
    return out
'''


@pytest.fixture()
def labeller(tmp_path):
    path = tmp_path / "finds_plugin.py"
    path.write_text(PRELABELLER)
    return f"{path}:finds"


@pytest.fixture()
def docs(write_jsonl):
    return write_jsonl("docs.jsonl", [{"id": doc_id, "text": text, "published": published}
                                      for doc_id, (text, published) in SMALL_TEXTS.items()])


def at(doc_id: str, surface: str) -> tuple[int, int]:
    start = SMALL_TEXTS[doc_id][0].index(surface)
    return start, start + len(surface)


def prelabel(fact_id, doc_id, fact_type, surface, value) -> dict:
    start, end = at(doc_id, surface)
    return {"id": fact_id, "doc_id": doc_id, "type": fact_type, "text": surface, "start": start, "end": end,
            "value": value, "reviewed": False}


EXPECTED_PRELABELS = [
    prelabel("001-01", "rail", "date", "4 June 2023", "2023-06-04"),
    prelabel("001-02", "rail", "agency", "Office of Rail Standards", "Office of Rail Standards"),
    prelabel("001-03", "rail", "date", "Friday", "2023-06-09"),
    prelabel("001-04", "rail", "headcount", "75", {"count": 75, "qualifier": "eq", "unit": "employees"}),
    prelabel("002-01", "ferry", "agency", "Ferry", "Ferry Board"),
    prelabel("002-02", "ferry", "user_count", "2,000", {"count": 2000, "qualifier": "eq", "unit": "riders"}),
    prelabel("002-03", "ferry", "agency", "Office of Rail Standards", "Office of Rail Standards"),
]


def read_lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_init_without_prelabels_writes_a_valid_empty_set(cli, docs, tmp_path):
    result = cli("gold", "init", tmp_path / "mine", "--docs", docs)
    assert result.exit_code == 0 and result.stderr == f"wrote {tmp_path / 'mine'}: 2 documents\n"
    gold = load_gold(tmp_path / "mine")
    assert gold.facts == () and gold.version == "0.1.0"
    assert [(d.id, d.text, d.published and d.published.isoformat()) for d in gold.documents] == [
        (doc_id, text, published) for doc_id, (text, published) in SMALL_TEXTS.items()]
    assert json.loads((tmp_path / "mine" / "aliases.json").read_text()) == json.loads((gold_dir() / "aliases.json").read_text())
    assert sorted(p.name for p in (tmp_path / "mine" / "documents").iterdir()) == ["0001_rail.txt", "0002_ferry.txt", "manifest.jsonl"]
    assert cli("validate", "--gold", tmp_path / "mine").exit_code == 0


def test_article_file_names_are_portable_and_unique():
    names = [article_file_name(n, doc_id) for n, doc_id in enumerate(["a/b", "a:b", "..", "Ä"], 1)]
    assert names == ["0001_a_b.txt", "0002_a_b.txt", "0003.txt", "0004.txt"]


def test_init_refuses_a_directory_that_holds_something(cli, docs, tmp_path):
    target = tmp_path / "taken"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    result = cli("gold", "init", target, "--docs", docs)
    assert result.exit_code == 2
    assert result.stderr == f"error: {target}: DIR: already exists and is not an empty directory; choose a new one\n"
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_init_refuses_bad_documents_and_leaves_nothing(cli, write_jsonl, tmp_path):
    bad = write_jsonl("bad.jsonl", [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}])
    result = cli("gold", "init", tmp_path / "mine", "--docs", bad)
    assert result.exit_code == 2 and result.stderr == f"error: {bad}:2: id: duplicate document id 'a'\n"
    assert not (tmp_path / "mine").exists() and [p.name for p in tmp_path.iterdir()] == ["bad.jsonl"]


def test_a_document_the_prelabeller_fails_on_gets_no_prelabels_and_exit_3(cli, labeller, write_jsonl, tmp_path):
    docs = write_jsonl("docs.jsonl", [{"id": "ok", "text": "On 4 June 2023."}, {"id": "bad", "text": "FAIL on 4 June 2023"}])
    result = cli("gold", "init", tmp_path / "mine", "--docs", docs, "--prelabel", labeller)
    assert result.exit_code == 3
    assert "failed: bad: RuntimeError: cannot read this one\n" in result.stderr
    assert [(f["doc_id"], f["text"]) for f in read_lines(tmp_path / "mine" / "facts.jsonl")] == [("ok", "4 June 2023")]


def review(directory) -> None:
    """What the annotator does after reading the review page: the gold becomes the hand labels."""
    (directory / "facts.jsonl").write_text("".join(json.dumps(r) + "\n" for r in small_fact_records()), encoding="utf-8")
    aliases = json.loads((directory / "aliases.json").read_text())
    del aliases["units"]["riders"]
    aliases["units"]["users"].append("riders")
    aliases["officials"]["Ada Quill"] = ["Quill"]
    aliases["titles"]["Director"] = []
    (directory / "aliases.json").write_text(json.dumps(aliases), encoding="utf-8")


def test_prelabel_review_and_eval(cli, labeller, docs, tmp_path):
    target = tmp_path / "mine"
    result = cli("gold", "init", target, "--docs", docs, "--prelabel", labeller)
    assert result.exit_code == 0, result.stderr
    assert read_lines(target / "facts.jsonl") == EXPECTED_PRELABELS
    assert result.stderr.splitlines() == [
        f"added to {target / 'aliases.json'}: agencies: 'Office of Rail Standards' (check it)",
        f"added to {target / 'aliases.json'}: agencies: 'Ferry Board' (check it)",
        f"added to {target / 'aliases.json'}: agencies: 'Ferry' as an alias of 'Ferry Board' (check it)",
        f"added to {target / 'aliases.json'}: units: 'riders' (check it)",
        f"wrote {target}: 2 documents, 7 pre-labels to review",
    ]

    refused = cli("eval", "-e", labeller, "--gold", target)
    assert refused.exit_code == 2
    assert refused.stderr == (f"error: {target / 'facts.jsonl'}:1: reviewed: 7 facts not reviewed yet (lines 1, 2, 3, 4, 5, …); "
                              f'review them (bench gold show {target} -o review.html), delete each "reviewed": '
                              'false, then score\n')
    assert cli("score", target / "facts.jsonl", "--gold", target).exit_code == 2
    listed = cli("validate", "--gold", target)
    assert listed.exit_code == 2 and listed.stdout.splitlines() == [
        f'{target / "facts.jsonl"}:{n}: reviewed: pre-labelled fact not reviewed yet: check it, then delete "reviewed": false'
        for n in range(1, 8)]

    review(target)
    assert cli("validate", "--gold", target).exit_code == 0
    scored = json.loads(cli("eval", "-e", labeller, "--gold", target, "--no-ci", "-f", "json").stdout)
    rows = {row["label"]: (row["tp"], row["fp"], row["fn"]) for row in scored["rows"]}
    # Gold facts: rail dates 06-04, 06-02, 2023-08, 2024 and ferry 05-01; one headcount; one user count
    # (gt 2000 users); the agency in both articles; the official in both. The labeller finds 06-04 (right),
    # 06-09 (wrong), the headcount, the agency twice, "Ferry Board" (false), and eq 2000 users (wrong qualifier).
    assert rows == {"date": (1, 1, 4), "headcount": (1, 0, 0), "user_count": (0, 1, 1), "agency": (2, 1, 0),
                    "official": (0, 0, 2), "micro": (4, 3, 7), "macro": (4, 3, 7)}
    micro = next(row for row in scored["rows"] if row["label"] == "micro")
    assert (micro["precision"], micro["recall"], micro["f1"]) == pytest.approx((4 / 7, 4 / 11, 8 / 18))


def test_reviewed_true_counts_as_reviewed(cli, small_gold):
    facts = small_fact_records()
    facts[0]["reviewed"] = True
    result = cli("validate", "--gold", small_gold(facts))
    assert result.exit_code == 0 and result.stdout == ""
