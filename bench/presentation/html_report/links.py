"""Links from a number to the list behind it: a section and a filter in the URL fragment, shareable as it is.

``#errors?run=0&type=date`` shows the errors of the first run (in the page's
order) of type date; ``#cases?cap=date.absolute&run=1`` the cases of a
capability the second run erred on. The page's script reads the fragment on
load and whenever it changes (``report.js``); the filters it knows are
:data:`ERROR_FILTERS` and :data:`CASE_FILTERS`.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

ERROR_FILTERS = ("run", "kind", "type", "side", "doc", "cap")  # side: fn (a gold side) or fp (a predicted side)
CASE_FILTERS = ("cap", "run")


def filter_link(section: str, **filters: str | int) -> str:
    """The fragment that opens ``section`` filtered; values are percent-encoded.

    >>> filter_link("errors", run=0, type="date"), filter_link("cases", cap="a b&c")
    ('#errors?run=0&type=date', '#cases?cap=a%20b%26c')
    """
    return f"#{section}?" + urlencode(filters, quote_via=quote)


def doc_anchor(doc_id: str) -> str:
    """The id of an article shown in full."""
    return f"doc-{doc_id}"
