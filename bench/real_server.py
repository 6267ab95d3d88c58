"""The real Afterward server on loopback for the benchmarks (`streamlit run dashboard.py`,
a free port, its own DuckDB file), started the way tests/browser/conftest.py starts it.
Imported by the bench scripts as a sibling module (bench/ is on sys.path when they run)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "bench-manager-password"


def free_port() -> int:
    """A TCP port on 127.0.0.1 free at the time of asking."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 90) -> None:
    """Poll `url` until it answers 200. Raises RuntimeError when the process exits or
    `seconds` pass first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the server exited ({process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")


def stop(process: subprocess.Popen | None) -> None:
    """Terminate `process` (kill after 20 s) and wait for it; None or exited: nothing."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Server:
    """The app on 127.0.0.1 with its own database; `cli` runs `afterward` against it."""

    def __init__(self, db_path: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "AFTERWARD_DB": str(db_path),
            "AFTERWARD_ADMIN_PASSWORD": PASSWORD,
            "AFTERWARD_BASE_URL": self.url,
        }
        self.process: subprocess.Popen | None = None
        self.log = db_path.with_suffix(".log")

    def cli(self, *args: str) -> str:
        """stdout of `afterward ARGS` (raises CalledProcessError when it fails)."""
        done = subprocess.run(
            [sys.executable, "-m", "afterward.cli", *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        return done.stdout

    def start(self) -> float:
        """Start the server; returns the seconds until it answered its health check."""
        started = time.monotonic()
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
                    "--server.port", str(self.port), "--server.address", "127.0.0.1",
                    "--server.headless", "true", "--browser.gatherUsageStats", "false",
                ],
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )  # fmt: skip
        try:
            wait_until_up(f"{self.url}/_stcore/health", self.process)
        except RuntimeError as exc:
            self.stop()
            raise RuntimeError(f"{exc}; see {self.log}") from None
        return time.monotonic() - started

    def stop(self) -> None:
        stop(self.process)
        self.process = None


def main(argv: list[str] | None = None) -> int:
    """Start the app on a free loopback port with the given database, print its address,
    and keep it running until Ctrl+C (what the benchmarks do, by hand)."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="DuckDB file (created if new)")
    args = parser.parse_args(argv)
    server = Server(args.db)
    seconds = server.start()
    print(f"{server.url} up in {seconds:.1f} s (manager password {PASSWORD}); Ctrl+C stops it")
    try:
        server.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
