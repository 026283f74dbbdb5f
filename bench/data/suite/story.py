"""News copy around the sentences a case tests: a headline or dateline, a lede, quotations, background, page lines.

Context capabilities are short articles built like news copy: a headline
and/or a dateline, a lede, the paragraph holding the tested sentences with a
quotation (about one sentence in five) and a sentence of body copy, sometimes
a background paragraph, sometimes page furniture. Plain capabilities get, half
the time, one sentence of body copy before or after theirs. Every sentence
added here is fact-free (:mod:`bench.data.suite.fillers`, the seed's part of each pool); furniture lines
may name bodies, numbers and dates, and are never labeled.
"""

from __future__ import annotations

from collections.abc import Sequence

from bench.data.suite import furniture as fu
from bench.data.suite.drafts import Piece
from bench.data.suite.templates import Fill, compose

Sentence = tuple[Piece, ...]


def line(template: str, fill: Fill) -> Sentence:
    return compose(template, fill)


def padded(fill: Fill, sentence: Sentence, chance: float = 0.5) -> Sentence:
    """A plain case's sentence, with a sentence of body copy before or after it ``chance`` of the time."""
    rng = fill.rng
    if rng.random() >= chance:
        return sentence
    extra = line(rng.choice(fill.pools.copy["body"] + fill.pools.copy["ledes"]), fill)
    return (*extra, " ", *sentence) if rng.random() < 0.5 else (*sentence, " ", *extra)


def _joined(parts: Sequence[Sentence], separator: str) -> Sentence:
    out: list[Piece] = []
    for index, part in enumerate(parts):
        if index:
            out.append(separator)
        out.extend(part)
    return tuple(out)


def furniture_line(fill: Fill) -> Sentence:
    """A page line of this suite: a boilerplate line or a credit, never labeled."""
    pools = fill.pools
    return line(fill.rng.choice(pools.boilerplate_lines + pools.credit_lines), fill)


def teaser_block(fill: Fill, headlines: Sequence[str]) -> Sentence:
    """A teaser heading of this suite and three headlines under it."""
    chosen = fill.rng.sample(list(headlines), 3)
    return line("{heading}\n" + "\n".join(chosen), fill)


def article(fill: Fill, core: Sequence[Sentence], *, headline: Sentence | None = None, dateline: Sentence | None = None,
            lede_is_core: bool = False, background: Sequence[Sentence] = (), top: Sequence[Sentence] = (),
            bottom: Sequence[Sentence] = (), furniture: bool = True) -> Sentence:
    """A short news article around the ``core`` sentences (in order), with at least three sentences.

    Args:
        headline, dateline: given ones, or None for a drawn fact-free headline (some of the time) and an
            undated dateline (AP style); an article always has one or the other.
        lede_is_core: the first core sentence opens the article, after the dateline.
        background: a background paragraph's sentences (a fact-free one is drawn some of the time when empty).
        top, bottom: paragraphs before the headline and after the story (teasers, other stories, credits).
    """
    rng, copy = fill.rng, fill.pools.copy
    if headline is None and rng.random() < 0.6:
        headline = line(rng.choice(copy["headlines"]), fill)
    if dateline is None and (headline is None or rng.random() < 0.5):
        dateline = line(rng.choice(fu.DATELINES), fill)
    core = list(core)
    lede = core.pop(0) if lede_is_core else line(rng.choice(copy["ledes"]), fill)
    body = core + [line(rng.choice(copy["quotes"]), fill)]
    if rng.random() < 0.6 or len(body) < 3:
        body.insert(rng.randrange(len(body) + 1), line(rng.choice(copy["body"]), fill))
    if not background and rng.random() < 0.4:
        background = [line(template, fill) for template in rng.sample(copy["background"], 2)]
    paragraphs = [*top]
    if headline is not None:
        paragraphs.append(headline)
    paragraphs.append((*dateline, *lede) if dateline is not None else lede)
    split = rng.randrange(1, len(body)) if len(body) > 2 and rng.random() < 0.5 else len(body)
    paragraphs += [_joined(body[:split], " ")] + ([_joined(body[split:], " ")] if body[split:] else [])
    if background:
        paragraphs.append(_joined(background, " "))
    paragraphs += bottom
    if furniture and rng.random() < 0.3:
        paragraphs.append(furniture_line(fill))
    return _joined(paragraphs, "\n\n")
