"""The golden desk reports rendered in a real headless browser (Debian's chromium): findings
above the article, each chart beside its finding, and no chart label on another label or on
the plot, measured on the laid-out page.

The page itself runs no script and forbids it; the test renders a copy with the
Content-Security-Policy removed and a measuring script added, and reads what the script wrote
from ``--dump-dom``. FACTCHECK_SCREENSHOTS=DIR also saves a screenshot of each report there.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ..conftest import GOLDEN, ROOT

BROWSER = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--mute-audio"]
PAGES = sorted((ROOT / "reports").glob("*.html")) + [GOLDEN / "formats" / "article.html"]
MEASURE = """<script>
(function () {
 let out;
 try {
  const box = e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
  out = {files: [], cards: [], charts: [], scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth};
  for (const s of document.querySelectorAll('section.file')) {
    out.files.push({findings: box(s.querySelector('h3[id$="-findings"]')), article: box(s.querySelector('h3[id$="-article"]')),
                    cards: [...s.querySelectorAll('.finding')].map(box)});
  }
  for (const c of document.querySelectorAll('.finding')) {
    const chart = c.querySelector('figure.chart');
    out.cards.push({text: box(c.querySelector('.finding-text')), chart: chart ? box(chart) : null});
  }
  for (const svg of document.querySelectorAll('svg.chart')) {
    out.charts.push({box: box(svg), plot: box(svg.querySelector('rect.plot')),
                     texts: [...svg.querySelectorAll('text')].map(t => [...box(t), t.textContent])});
  }
 } catch (e) { out = {error: String(e)}; }
  const pre = document.createElement('pre');
  pre.id = 'factcheck-layout';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""

pytestmark = pytest.mark.skipif(BROWSER is None, reason="no headless browser (the CI installs Debian's chromium)")


def browse(page: Path, work: Path, width: int) -> dict[str, Any]:
    source = page.read_text(encoding="utf-8")
    assert "<script" not in source
    copy = work / page.name
    copy.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", source).replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    run = subprocess.run([BROWSER, *FLAGS, f"--user-data-dir={work / 'profile'}", f"--window-size={width},1000", "--dump-dom", copy.as_uri()],  # type: ignore[list-item]
                         capture_output=True, text=True, timeout=180)
    found = re.search(r'<pre id="factcheck-layout">(.*?)</pre>', run.stdout, re.S)
    assert found, run.stderr[-2000:]
    shots = os.environ.get("FACTCHECK_SCREENSHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        subprocess.run([BROWSER, *FLAGS, f"--user-data-dir={work / 'profile'}", f"--window-size={width},3200",  # type: ignore[list-item]
                        f"--screenshot={Path(shots) / f'{page.stem}-{width}.png'}", page.as_uri()], capture_output=True, timeout=180)
    layout: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    assert "error" not in layout, f"{page.name} is not a desk report: {layout.get('error')}"
    return layout


def overlap(a: list[float], b: list[float], slack: float = 0.5) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def check_layout(layout: dict[str, Any], beside: bool) -> None:
    assert layout["files"]
    for file in layout["files"]:
        assert file["findings"][1] < file["article"][1], "findings come before the article"
        assert all(card[3] <= file["article"][1] for card in file["cards"])
    for card in layout["cards"]:
        if card["chart"] and beside:
            assert card["chart"][0] >= card["text"][2] - 1 and card["chart"][1] < card["text"][3], "the chart is beside its finding"
    for chart in layout["charts"]:
        texts = chart["texts"]
        assert len(texts) >= 8
        for i, a in enumerate(texts):
            assert chart["box"][0] - 1 <= a[0] and a[2] <= chart["box"][2] + 1, f"label outside the chart: {a[4]}"
            assert chart["box"][1] - 1 <= a[1] and a[3] <= chart["box"][3] + 1, f"label outside the chart: {a[4]}"
            assert not overlap(a, chart["plot"]), f"label on the plot: {a[4]}"
            for b in texts[i + 1:]:
                assert not overlap(a, b), f"labels collide: {a[4]!r} and {b[4]!r}"


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_golden_report_layout_in_a_real_browser(page: Path, tmp_path: Path) -> None:
    layout = browse(page, tmp_path, 1280)
    check_layout(layout, beside=True)
    charts = page.read_text(encoding="utf-8").count("<svg ")
    assert len(layout["charts"]) == charts


def test_narrow_screen_stacks_the_chart_and_keeps_the_order(tmp_path: Path) -> None:
    page = GOLDEN / "formats" / "article.html"
    layout = browse(page, tmp_path, 480)
    check_layout(layout, beside=False)
    for card in layout["cards"]:
        if card["chart"]:
            assert card["chart"][1] >= card["text"][3] - 1, "on a narrow screen the chart goes below its finding"
