"""bench gold show: a self-contained review page, every mention highlighted with its id, type and value inline."""

from __future__ import annotations

from html.parser import HTMLParser

from conftest import SMALL_TEXTS, small_fact_records

from bench.data.documents import Document
from bench.data.gold import Gold
from bench.facts import Fact
from bench.normalize.aliases import AliasTable
from bench.presentation.review_page import review_page


class ArticleReader(HTMLParser):
    """The text of each article box, and the labels inside it, as a reader sees them."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.articles: list[str] = []
        self.labels: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "meta":  # a void element: no end tag
            return
        classes = dict(attrs).get("class") or ""
        self.stack.append((tag, classes))
        if classes == "text":
            self.articles.append("")
            self.labels.append([])
        elif classes.startswith("tag "):
            self.labels[-1].append("")

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"unbalanced </{tag}>"
        self.stack.pop()

    def handle_data(self, data):
        inside = [classes for _, classes in self.stack]
        if any(c.startswith("tag ") for c in inside):
            self.labels[-1][-1] += data
        elif "text" in inside:
            self.articles[-1] += data


def read(path) -> tuple[str, ArticleReader]:
    page = path.read_text(encoding="utf-8")
    reader = ArticleReader()
    reader.feed(page)
    assert reader.stack == []
    return page, reader


def test_every_mention_has_its_id_type_and_value_inline(cli, small_gold, tmp_path):
    out = tmp_path / "review.html"
    result = cli("gold", "show", small_gold(), "-o", out)
    assert result.exit_code == 0 and result.stderr == f"wrote {out}\n"
    page, reader = read(out)
    # The article text is intact once the labels are set aside.
    assert reader.articles == [text for text, _ in SMALL_TEXTS.values()]
    expected = {"rail": [], "ferry": []}
    for record in small_fact_records():
        value = record["value"]
        shown = (f"{value['name']} ({value['title']})" if record["type"] == "official"
                 else f"{value['qualifier']} {value['count']:,} {value['unit']}" if isinstance(value, dict) else value)
        expected[record["doc_id"]].append(f"{record['id']} {record['type']}: {shown}")
    assert reader.labels == [expected["rail"], expected["ferry"]]
    assert "title=" not in page  # nothing hides behind a hover


def test_the_page_is_self_contained(cli, small_gold, tmp_path):
    out = tmp_path / "review.html"
    cli("gold", "show", small_gold(), "-o", out)
    page = out.read_text(encoding="utf-8").lower()
    for outside in ("http:", "https:", "<script", "src=", "<link", "@import", "url("):
        assert outside not in page
    assert '<meta name="viewport"' in page


def test_unreviewed_prelabels_are_flagged(cli, write_jsonl, tmp_path):
    docs = write_jsonl("docs.jsonl", [{"id": "d", "text": "Closed on 4 June 2023 and in 2024."}])
    cli("gold", "init", tmp_path / "mine", "--docs", docs, "--prelabel", "regex")
    out = tmp_path / "review.html"
    cli("gold", "show", tmp_path / "mine", "-o", out)
    page, reader = read(out)
    assert reader.labels[0] and all(label.endswith(" unreviewed") for label in reader.labels[0])
    assert f"{len(reader.labels[0])} not reviewed yet" in page


def marked_text(text: str, facts: list[Fact], unreviewed: set[str]) -> str:
    """The markup of the page's text box for one document of ``text`` and ``facts``."""
    gold = Gold("1", "sha256:" + "0" * 64, (Document("d", text),), tuple(facts), AliasTable(),
                unreviewed=tuple((fact_id, 1) for fact_id in sorted(unreviewed)))
    page = review_page(gold, "set")
    return page.split('<div class="text">', 1)[1].split("</div></section>", 1)[0]


def test_overlapping_mentions_cut_at_every_boundary():
    facts = [Fact("d", "date", "2024", "abcd", 0, 4, "x"), Fact("d", "agency", "Cdef Office", "cdef", 2, 6, "y")]
    assert marked_text("abcdef!", facts, {"y"}) == (
        '<span class="m t-date">ab</span>'
        '<span class="m t-date"><span class="m t-agency">cd</span></span>'
        '<span class="tag t-date"><b>x</b> date: 2024</span>'
        '<span class="m t-agency">ef</span>'
        '<span class="tag t-agency unreviewed"><b>y</b> agency: Cdef Office <span class="flag">unreviewed</span></span>!')


def test_text_is_escaped():
    assert marked_text("<b>&", [Fact("d", "agency", "A&B", "&", 3, 4, "<i>")], set()) == (
        '&lt;b&gt;<span class="m t-agency">&amp;</span><span class="tag t-agency"><b>&lt;i&gt;</b> agency: A&amp;B</span>')
