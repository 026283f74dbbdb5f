"""The capability suite: short generated documents with exact gold, one capability at a time (CheckList style).

``drafts`` holds the pieces a case is written with, ``lexicons`` the words
(written for the suite, nothing from the seed articles), ``dates``,
``counts``, ``names`` and ``context`` the capabilities' templates,
``variants`` the INV and DIR transformations, ``catalog`` the list of
capabilities, ``build`` the seeded generator and writer, ``load`` the reader.
"""
