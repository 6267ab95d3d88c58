"""Every benchmark script still starts: `bench/*.py --help` imports what it needs and exits 0
(the benchmarks themselves run by hand; their figures live in bench/RESULTS.md)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPTS = sorted((ROOT / "bench").glob("*.py"))


def test_there_are_benchmarks() -> None:
    assert len(SCRIPTS) >= 5


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_benchmark_script_starts(script: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(script), "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage" in done.stdout.lower()


# The respondent-path benchmarks also run end to end in their quick mode (a real server on
# loopback, a few seconds of load or two page loads): their checks of stored == acknowledged
# and of the page's readiness marker would otherwise only run by hand.
QUICK = {
    "bench_respondent_load.py": "locust",  # the `bench` extra, not `test`
    "bench_time_to_form.py": "playwright",
}


@pytest.mark.parametrize("name", sorted(QUICK))
def test_respondent_benchmark_runs_quick(name: str) -> None:
    needed = QUICK[name]
    # find_spec, not import: importing locust would monkey-patch this process with gevent.
    if importlib.util.find_spec(needed) is None:
        pytest.skip(f"{needed} is not installed (pip install -e '.[bench]' for locust)")
    if name == "bench_time_to_form.py" and not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian chromium is not installed (.ci/run installs it)")
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / name), "--quick"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    assert "target" in done.stdout
