"""Where the browser tests find Chromium and put their pictures, and what they measure.

Screenshots go to a temporary folder, or to the folder named by
STORYLINE_SCREENSHOTS (``STORYLINE_SCREENSHOTS=docs/screenshots`` refreshes the
pictures in the docs), so a test run never rewrites tracked files.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SHOTS = Path(os.environ.get("STORYLINE_SCREENSHOTS") or tempfile.mkdtemp(prefix="storyline-shots-"))
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def shot(page: Any, name: str, full: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=full)
