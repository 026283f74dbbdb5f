"""MkDocs hook: Markdown files kept elsewhere in the repository, shown as pages of the site.

The README is the site's home page; CONTRIBUTING.md, the changelogs and the gold sets' guidelines and
READMEs appear at their repository paths (``gold/GUIDELINES.md``). They are read where they are when the site is built, so
nothing is copied by hand or goes stale. Every page links as GitHub reads it, by paths in the repository
(the README to ``docs/scoring.md``, a docs page to ``../gold/GUIDELINES.md``); each such link is
pointed at the page in the site, and ``mkdocs build --strict`` fails on any link that still leads nowhere.
Lists are read as GitHub reads them too (see :func:`lists_as_github_reads_them`).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]
PAGES = {  # path in the repository: path in the site
    "README.md": "index.md",
    "CONTRIBUTING.md": "CONTRIBUTING.md",
    "CHANGELOG.md": "CHANGELOG.md",
    "gold/GUIDELINES.md": "gold/GUIDELINES.md",
    "gold/CHANGELOG.md": "gold/CHANGELOG.md",
    "gold/capabilities/README.md": "gold/capabilities/README.md",
    "gold/wikinews/README.md": "gold/wikinews/README.md",
    "gold/wikinews/ATTRIBUTION.md": "gold/wikinews/ATTRIBUTION.md",
    "gold/wikinews/ADJUDICATION.md": "gold/wikinews/ADJUDICATION.md",
}
_IN_REPOSITORY = {site: repository for repository, site in PAGES.items()}
_LINK = re.compile(r"\]\((?P<target>[^)#\s:]+)(?P<rest>[^)]*)\)")  # relative links only: a URL has a colon
_ITEM = re.compile(r"(?P<indent> *)(?:[-*+]|\d+\.) ")
_OPENS_A_LIST = re.compile(r"(?:[-*+]|1\.) ")  # what may start a list right under a paragraph line on GitHub


def on_files(files: Files, config) -> Files:
    for repository, site in PAGES.items():
        files.append(File.generated(config, site, abs_src_path=str(ROOT / repository)))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Each relative link, read from where the page lies in the repository, pointed at its page in the site."""
    site_folder = posixpath.dirname(page.file.src_uri) or "."
    repository_folder = posixpath.dirname(_IN_REPOSITORY.get(page.file.src_uri, "docs/" + page.file.src_uri))

    def point(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(repository_folder, match["target"]))
        site = PAGES.get(target) or (target.removeprefix("docs/") if target.startswith("docs/") else None)
        if site is None:
            return match[0]  # left as written: mkdocs reports it if it leads nowhere
        return f"]({posixpath.relpath(site, site_folder)}{match['rest']})"

    return lists_as_github_reads_them(_LINK.sub(point, markdown))


def lists_as_github_reads_them(markdown: str) -> str:
    """Lists written for GitHub, made to render the same in Python-Markdown.

    GitHub starts a list right under a paragraph line and nests an item indented two spaces; Python-Markdown
    wants a blank line before the list and four spaces. Code fences are left alone.

    >>> lists_as_github_reads_them("Included:\\n- a\\n  - b\\n    more")
    'Included:\\n\\n- a\\n    - b\\n    more'
    """
    lines: list[str] = []
    in_fence = in_list = False
    for line in markdown.split("\n"):
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        item = None if in_fence else _ITEM.match(line)
        if item and not item["indent"] and _OPENS_A_LIST.match(line) and lines and lines[-1].strip() and not in_list:
            lines.append("")
        elif item and in_list and 0 < len(item["indent"]) < 4:
            line = "  " + line
        if not in_fence:
            in_list = bool(item) or (in_list and line.strip() != "" and line.startswith(" "))
        lines.append(line)
    return "\n".join(lines)
