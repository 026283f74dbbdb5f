"""factbench: a fact-extraction evaluation benchmark on real news text.

Importing this package is cheap: datasets, scikit-learn and spaCy are
imported only inside the functions that need them.
"""

__version__ = "0.1.0"
