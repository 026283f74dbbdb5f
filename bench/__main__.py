"""``python -m bench``: the same command line as the ``bench`` script."""

from bench.cli.main import app

app(prog_name="bench")
