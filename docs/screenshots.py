"""Make the report screenshots of docs/ci.md: regex, rules and learned on the bundled gold, at 1400 and 390 px wide.

Usage: python docs/screenshots.py   (needs Chromium, chromedriver and selenium, as the browser tests do)
"""

from __future__ import annotations

import base64
import shutil
import tempfile
from pathlib import Path

from bench.data.gold import load_gold
from bench.presentation.html_report import Run, write_report
from bench.pipeline.run import evaluate

DOCS = Path(__file__).resolve().parent
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--hide-scrollbars")
# (file, width, what to show at the top, height)
SHOTS = (("report-1400.png", 1400, "body", 1250), ("report-1400-article.png", 1400, "#doc-001_1ffe1e35e2256c17", 900),
         ("report-390.png", 390, "body", 1500), ("report-390-article.png", 390, "#doc-001_1ffe1e35e2256c17", 1300))


def _driver(profile: str, width: int):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": 900, "pixelRatio": 1}})
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def main() -> None:
    gold = load_gold()
    runs = [Run(name, evaluate(name)) for name in ("regex", "rules", "learned")]
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        write_report(page, gold, runs)
        for name, width, anchor, height in SHOTS:
            driver = _driver(str(Path(folder) / f"profile-{name}"), width)
            try:
                driver.get(page.as_uri())
                top = driver.execute_script(f"return document.querySelector('{anchor}').getBoundingClientRect().top + scrollY")
                shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                              "clip": {"x": 0, "y": top, "width": width, "height": height, "scale": 1}})
            finally:
                driver.quit()
            (DOCS / name).write_bytes(base64.b64decode(shot["data"]))
            print(f"wrote docs/{name} ({(DOCS / name).stat().st_size:,} B)")


if __name__ == "__main__":
    main()
