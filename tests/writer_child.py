"""A writer process for the reliability tests: submits responses and acknowledges each one.

Run as `python -m tests.writer_child DB SURVEY_ID [--fsize BYTES]`; prints `ack <n>` after
each committed response (n = its marker rating) and `fail <n>` when storage refused it.
"""

from __future__ import annotations

import resource
import signal
import sys

from surveys.store import AnswerRow, StorageUnavailable, Store

ANSWERS_PER_RESPONSE = 5


def main() -> None:
    path, survey_id = sys.argv[1], sys.argv[2]
    if "--fsize" in sys.argv:
        limit = int(sys.argv[sys.argv.index("--fsize") + 1])
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of dying
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    store = Store(path)
    for marker in range(1, 100_000):
        rows = [
            AnswerRow(f"q{i}", value_number=float(marker), value_text="z" * 500)
            for i in range(ANSWERS_PER_RESPONSE)
        ]
        try:
            store.record_response(survey_id, rows)
        except StorageUnavailable:
            print(f"fail {marker}", flush=True)
            if marker > 200:
                break
            continue
        print(f"ack {marker}", flush=True)


if __name__ == "__main__":
    main()
