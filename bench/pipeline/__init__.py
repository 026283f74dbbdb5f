"""Running extractors and then scoring them: the one package that does both.

``bench.extraction`` runs an extractor and ``bench.scoring`` scores
predictions; neither imports the other. The jobs that need both live here,
one module each: :mod:`.run` (a run on a gold set or a suite, scored),
:mod:`.twins` (a run on a set and on its seeded twins), :mod:`.ledger` (what a
run took, measured as it goes), :mod:`.gate` (the CI gate's re-run),
:mod:`.readme` (the runs behind the generated tables) and :mod:`.prelabel`
(an extractor's facts as pre-labels of a new gold set).
"""
