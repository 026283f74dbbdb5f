"""Headless Chromium for the page tests: Debian's chromium and chromium-driver, driven by selenium.

Without them a test skips, except under CI=true, where it fails: CI must run the browser tests
(.ci/run installs them; a test never does).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run")
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


def start(profile: Path, phone: bool = False):
    """A headless Chromium with its own profile folder, as a phone (390 px) or a desktop window."""
    browser, driver, reason = _chromium()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}: CI must run the browser tests")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    if phone:
        options.add_experimental_option("mobileEmulation", PHONE)
    else:
        options.add_argument("--window-size=1400,1000")
    return webdriver.Chrome(service=Service(driver), options=options)
