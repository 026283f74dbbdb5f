"""Boilerplate: the parts of a page that are not the story, found by generic patterns and skipped.

Heuristic, in three kinds:

- **Teaser headings** ("Check Also", "Next In Tech News", "Others Also Read",
  "Related Stories", "Read More", "You May Also Like", "Leave a Reply", ...): a
  short line that is only the heading opens a section of other stories' headlines
  and snippets. Everything after it is skipped up to the next *story-like*
  paragraph: at least 20 words ending in sentence punctuation, not in an
  ellipsis (teaser snippets end in "…"), and not itself a heading. When no such
  paragraph follows, the rest of the document is skipped.
- **Boilerplate lines**, skipped to the end of the line: "Follow us on …",
  "Sign up …", "Subscribe …", "Share this …", "Reporting by …; Editing by …",
  "Read more: …", and closing paragraphs that summarize another story
  ("We earlier reported that …", "In other news, …").
- **Inline credits and notices**, skipped as matched: wire photo credits
  ("AGENCY/Photographer Name/File Photo"), "Photo by …" and "Image credit: …" to
  the end of the line (a caption itself, "Photo: …", is story text), an outlet
  credit closing a paragraph ("– Outlet.com"), and "This is AI generated
  summarization …" disclaimers with their follow-up sentence.
"""

from __future__ import annotations

import re

from baselines.anchors import anchored_finditer, keyword_offsets
from baselines.rules.spans import Spans
from bench.normalize.patterns import literal_first

_LINE = re.compile(r"[^\n]+")
_HEADING = re.compile(
    r"(?:Check Also|Next In\b.{0,40}|Others Also Read|Also Read|Read Also|Read More|Related(?: \w+){0,2}|"
    r"More (?:From|In|On|Stories|News)\b.{0,40}|You May Also Like|You Might Also Like|Recommended(?: \w+)?|"
    r"Trending(?: \w+)?|Most (?:Read|Popular|Viewed)|Popular(?: \w+)?|Latest (?:News|Stories)|See Also|"
    r"Leave a (?:Reply|Comment)|Comments?|Share This(?: \w+)?|Tags?|Topics)\s*:?",
    re.IGNORECASE,
)
_LINE_BOILERPLATE = re.compile(
    r"\s*\(?(?:Follow us\b|Sign up\b|Subscribe\b|Share this\b|Click here\b|Read more\s*:|Also read\s*:|"
    r"(?:Additional )?Reporting by\b|Writing by\b|Editing by\b|Compiled by\b|We (?:earlier|previously|also) reported\b|"
    r"In other news\b|Your email address will not be published)",
    re.IGNORECASE,
)
# Each inline pattern starts with what must be there ("/", the domain's ".", a word),
# so that the regex engine skips the rest of the text in C; the credit's start is found
# by looking back from there.
_CREDIT = re.compile(r"/(?<=[A-Z]{2}/)[A-Z][a-z]+(?: [A-Z][\w.'’-]*)*(?:/[^\n/]+)*")
_CREDIT_AGENCY = re.compile(r"(?<![\w/])[A-Z]{2,}$")
_OUTLET = re.compile(r"\.(?:com|net|org|co\.uk|ph|in)(?=[ \t]*(?:\n|$))")
_OUTLET_NAME = re.compile(r"[–—-] ?[A-Z][\w-]*$")
_NOTICE = re.compile(literal_first([
    *(f"{word}(?: by| credits?:| courtesy)[^\\n]*(?=\\n|$)" for word in ("Photo", "Image", "Picture")),
    r"This is (?:an )?AI[- ]generated summar\w*[^.\n]*\.(?:\s*For context[^.\n]*\.)?",
]))
_NOTICE_WORDS = keyword_offsets(("Photo", "Image", "Picture", "This is"), ("Photo", "Image", "Picture", "This is"))
_STORY_END = re.compile(r"[.!?][\"”’')]*\s*$")


def _is_story(paragraph: str) -> bool:
    """A paragraph that reads as the article's own prose rather than a teaser or headline."""
    ending = paragraph.rstrip()
    if ending.endswith(("...", "…")) or paragraph.count(" ") < 19:
        return False
    return bool(_STORY_END.search(ending)) and not _is_heading(paragraph)


def _is_heading(line: str) -> bool:
    return len(line) <= 60 and _HEADING.fullmatch(line.strip()) is not None


def _inline_spans(text: str) -> list[tuple[int, int]]:
    """Credits and notices: each pattern's anchor found first, the start looked for just before it."""
    ranges = [match.span() for match in anchored_finditer(_NOTICE, text, _NOTICE_WORDS)]
    for pattern, start_pattern in ((_CREDIT, _CREDIT_AGENCY), (_OUTLET, _OUTLET_NAME)):
        for match in pattern.finditer(text):
            start = start_pattern.search(text, max(0, match.start() - 40), match.start())
            if start:
                ranges.append((start.start(), match.end()))
    return ranges


def boilerplate_spans(text: str) -> Spans:
    """Character ranges of ``text`` that are navigation, teasers, credits or notices."""
    ranges = _inline_spans(text)
    section_start = None
    for line in _LINE.finditer(text):
        body = line.group()
        if section_start is not None:
            if not _is_story(body):
                continue
            ranges.append((section_start, line.start()))
            section_start = None
        if _is_heading(body):
            section_start = line.start()
        elif _LINE_BOILERPLATE.match(body):
            ranges.append(line.span())
    if section_start is not None:
        ranges.append((section_start, len(text)))
    return Spans.of(ranges)
