"""The README's set-up commands work as written: the first makes a virtual environment, installs and scores.

It runs from a clean copy of the checkout (the files git tracks or would track), in bash, with this
interpreter first on PATH as ``python3``. One step is added between making the environment and installing
into it: a .pth file that appends this environment's site-packages after the new one's own, as
tests/test_install.py does, so pip finds the dependencies already installed instead of downloading them for
minutes. pip still builds and installs factbench itself into the new environment, fetching only the build
backend from the package index this machine is configured with, and ``bench`` then runs from there.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The two commands, as the README and the getting-started page must give them (written here by hand).
INSTALL = "python3 -m venv .venv && . .venv/bin/activate && pip install . && bench eval --extractor regex"
TESTS = 'python3 -m venv .venv && . .venv/bin/activate && pip install ".[test]" && python -m pytest -q'


def commands(page: Path) -> list[str]:
    """The lines of a page's bash blocks that make a virtual environment."""
    blocks = re.findall(r"```bash\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)
    return [line for block in blocks for line in block.splitlines() if line.startswith("python3 -m venv")]


def test_the_readme_and_the_getting_started_page_give_the_two_commands():
    assert commands(ROOT / "README.md") == [INSTALL, TESTS]
    assert commands(ROOT / "docs" / "getting-started.md") == [INSTALL, TESTS]


def clean_copy(destination: Path) -> Path:
    """The checkout's tracked and untracked files, none that git ignores (.venv, site, caches)."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                            capture_output=True, text=True)
    if listed.returncode != 0:
        if os.environ.get("CI") == "true":
            pytest.fail(f"git ls-files: {listed.stderr.strip()}")
        pytest.skip(f"not a git checkout, so no clean copy of it can be made: {listed.stderr.strip()}")
    for name in filter(None, listed.stdout.split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the work tree is listed too
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination


def test_the_first_command_makes_a_venv_installs_factbench_and_scores_the_regex_baseline(cli, tmp_path):
    make_venv, activate, install, evaluate = INSTALL.split(" && ")
    checkout = clean_copy(tmp_path / "checkout")
    borrowed = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()})
    own_site_packages = '"$(python -c "import sysconfig; print(sysconfig.get_paths()[\'purelib\'])")"'
    borrow = f"printf '%s\\n' {shlex.join(borrowed)} > {own_site_packages}/borrowed-dependencies.pth"
    script = " && ".join([make_venv, activate, borrow, install, evaluate])
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}", PIP_NO_CACHE_DIR="1")

    done = subprocess.run(["bash", "-c", f"set -euo pipefail; {script}"], cwd=checkout, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, (done.stderr or done.stdout)[-3000:]
    assert done.stdout.endswith(cli("eval", "--extractor", "regex").stdout)  # after what pip prints
    venv_python = checkout / ".venv" / "bin" / "python"
    where = subprocess.run([venv_python, "-c", "import bench, importlib.metadata as m; "
                            "print(bench.__file__); print(m.distribution('factbench').locate_file(''))"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.split()
    own = str(checkout / ".venv")
    assert all(path.startswith(own) for path in where), where  # installed into the new venv, not borrowed
