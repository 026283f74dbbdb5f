"""The capability suite: short generated news documents with exact gold, one capability at a time (CheckList style).

``pools`` draws what one seed writes with (Faker names, and a part of every
word, furniture and agency pool in ``lexicons``, ``furniture`` and
``agency_pool``, and a wording from ``phrasebook``); ``templates`` is the small
frame language and ``drafts`` the mentions a case is written with; ``dates``, ``counts``, ``agencies``,
``officials`` and the ``context_*`` modules hold each capability's frames,
``story`` and ``fillers`` the news copy around them, ``variants`` the INV and
DIR transformations, ``catalog`` the list of capabilities with their
``real_examples``, ``build`` the seeded generator, ``writer`` the atomic
writer, ``load`` the reader and ``skeletons`` the measure of how many distinct
sentences a suite holds.
"""
