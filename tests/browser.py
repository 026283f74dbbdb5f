"""Headless Chromium for the page tests: Debian's chromium and chromium-driver, driven by selenium.

Without them a test skips, except under CI=true, where it fails: CI must run the browser tests
(.ci/run installs them; a test never does). Downloads go to the profile folder (:func:`downloads`);
axe-core, for the accessibility scans, is read from tests/.axe (:func:`axe_script`).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run",
         "--disable-ipc-flooding-protection")  # a test may follow hundreds of in-page links: more than 200 in 10 s
PHONE = {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3}}


def _chromium() -> tuple[str | None, str | None, str | None]:
    """Paths of chromium and chromedriver, or the reason the tests cannot run."""
    browser = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    driver = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)
    try:
        import selenium  # noqa: F401
    except ImportError:
        return browser, driver, "selenium is not installed (pip install '.[test]')"
    if browser is None or driver is None:
        return browser, driver, "Chromium or chromedriver is missing (Debian: apt-get install chromium chromium-driver)"
    return browser, driver, None


def downloads(profile: Path) -> Path:
    """Where the browser started with ``profile`` saves what a page downloads."""
    return profile / "downloads"


def start(profile: Path, phone: bool = False):
    """A headless Chromium with its own profile folder, as a phone (390 px) or a desktop window."""
    browser, driver, reason = _chromium()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}: CI must run the browser tests")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    class Chrome(webdriver.Chrome):
        def get(self, url: str) -> None:
            """Open ``url`` and return once its document is loaded: on a loaded machine (the suite runs on two
            pytest-xdist workers) chromedriver has returned with a report half parsed, its articles not there yet."""
            super().get(url)
            WebDriverWait(self, 30).until(lambda driver: driver.execute_script("return document.readyState") == "complete")

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    # a page's downloads (the report's CSV files) land in the profile folder, never in the home folder
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads(profile)),
                                              "download.prompt_for_download": False})
    if phone:
        options.add_experimental_option("mobileEmulation", PHONE)
    else:
        options.add_argument("--window-size=1400,1000")
    return Chrome(service=Service(driver), options=options)


AXE = Path(__file__).with_name(".axe") / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(
  result => done(result.violations.map(v => [v.id, v.impact, v.nodes.slice(0, 3).map(n => n.target.join(' '))])),
  error => done([['axe failed', 'critical', [String(error)]]]));
"""


def axe_script() -> str:
    """axe-core's script, which .ci/run installs with npm into tests/.axe; without it a test skips, except under
    CI=true, where it fails."""
    if not AXE.is_file():
        reason = f"axe-core is missing ({AXE}): npm install --prefix tests/.axe --no-save axe-core@4"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}: CI must run the accessibility scans")
        pytest.skip(reason)
    return AXE.read_text(encoding="utf-8")


def axe_violations(driver, impacts: tuple[str, ...] = ("serious", "critical")) -> list[list]:
    """The page's axe-core violations of the given impacts: [rule, impact, first offending elements]."""
    driver.set_script_timeout(60)
    driver.execute_script(axe_script())
    return [v for v in driver.execute_async_script(AXE_RUN) if v[1] in impacts]
