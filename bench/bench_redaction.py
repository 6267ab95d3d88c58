"""Measure redaction and blame detection on the evaluation sets.

Run from the repo root: `python bench/bench_redaction.py`. Reads, separately,
`../shared/eval/retro_dev.jsonl` (team-written) and `../shared/eval/real_retro_dev.jsonl`
(real public retros; no contact details in it) - measure only: nothing here is tuned to
them - and prints name recall without and with the roster, contact recall, the share of
name-free answers changed, blame recall and false positives (on the raw answer and, as the
app reads it, on the redacted one), and per-answer latency.
Also prints the same figures on the held-out sentences kept in the tests.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script, not a test: run from anywhere

from analysis import blame_encoder  # noqa: E402
from analysis.blame import blame_phrases, rule_and_reader_phrases  # noqa: E402
from analysis.redaction import redact  # noqa: E402

EVAL_DIR = ROOT.parent / "shared" / "eval"
EVAL = EVAL_DIR / "retro_dev.jsonl"
EVAL_SETS = {"team-written dev set": EVAL, "real retro dev set": EVAL_DIR / "real_retro_dev.jsonl"}
_PLACEHOLDERS = re.compile(r"\[(?:name|email|phone|handle)\]")


def name_caught(name: str, redacted: str) -> bool:
    """Caught when no word of the name survives (placeholders removed first)."""
    rest = _PLACEHOLDERS.sub(" ", redacted)
    parts = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", name)
    return not any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", rest) for p in parts)


def contact_caught(contact: str, redacted: str, original: str = "") -> bool:
    """Whether no piece of `contact` (its digit runs of three or more, an e-mail's mailbox)
    is left in `redacted` beyond what the rest of `original` holds: "123" of a phone may
    stay in a serial number "5CD1234XYZ" of the same answer."""
    rest = original.replace(contact, " ")
    return contact not in redacted and not any(
        len(run) >= 3 and redacted.count(run) > rest.count(run)
        for run in re.findall(r"[\w.+-]+", contact)
        if any(c.isdigit() for c in run) or "@" in contact and run == contact.split("@")[0]
    )


def evaluate(rows: list[dict]) -> dict[str, float]:
    names = names_caught = roster_caught = 0
    contacts = contacts_caught = 0
    clean = clean_changed = 0
    blame_pos = blame_hit = blame_neg = blame_fp = 0
    redacted_hit = redacted_fp = 0  # blame read after redaction, as the app does
    missed: list[str] = []
    for row in rows:
        text = row["text"]
        out = redact(text)
        out_roster = redact(text, roster=row["people_mentioned"])
        for name in row["people_mentioned"]:
            names += 1
            if name_caught(name, out):
                names_caught += 1
            else:
                missed.append(name)
            roster_caught += name_caught(name, out_roster)
        for contact in row.get("contact_details") or ():
            contacts += 1
            contacts_caught += contact_caught(contact, out, text)
        if not row["people_mentioned"] and not row.get("contact_details"):
            clean += 1
            clean_changed += out != text
        flagged = bool(blame_phrases(text))
        flagged_redacted = bool(blame_phrases(out))
        if row["blaming"]:
            blame_pos += 1
            blame_hit += flagged
            redacted_hit += flagged_redacted
        else:
            blame_neg += 1
            blame_fp += flagged
            redacted_fp += flagged_redacted
    return {
        "rows": len(rows),
        "name_recall": names_caught / names if names else float("nan"),
        "name_recall_roster": roster_caught / names if names else float("nan"),
        "names": names,
        "contact_recall": contacts_caught / contacts if contacts else float("nan"),
        "contacts": contacts,
        "clean_changed_rate": clean_changed / clean if clean else float("nan"),
        "clean_rows": clean,
        "blame_recall": blame_hit / blame_pos if blame_pos else float("nan"),
        "blame_fpr": blame_fp / blame_neg if blame_neg else float("nan"),
        "blame_recall_redacted": redacted_hit / blame_pos if blame_pos else float("nan"),
        "blame_fpr_redacted": redacted_fp / blame_neg if blame_neg else float("nan"),
        "blame_pos": blame_pos,
        "blame_neg": blame_neg,
        "missed_names": len(missed),
    }


def latency_ms(func, texts: list[str], repeat: int = 15) -> tuple[float, float, float]:
    """(median, p95, max) over answers of each answer's median time, in ms.

    The per-answer median over repeats keeps scheduler noise on a shared machine out. The
    blame encoder's per-text cache is emptied before each call, so every repeat pays what a
    respondent's first preview pays.
    """
    per_answer = []
    for text in texts:
        samples = []
        for _ in range(repeat):
            blame_encoder.probability.cache_clear()
            t0 = time.perf_counter()
            func(text)
            samples.append((time.perf_counter() - t0) * 1000)
        per_answer.append(statistics.median(samples))
    per_answer.sort()
    return statistics.median(per_answer), per_answer[int(len(per_answer) * 0.95)], per_answer[-1]


def show(title: str, figures: dict[str, float]) -> None:
    print(title)
    for key, value in figures.items():
        print(f"  {key:22s} {value:.3f}" if isinstance(value, float) else f"  {key:22s} {value}")


def score_blind_set(path: Path) -> None:
    """Print name recall, name-free lines changed and contact recall of one blind set, or
    for a blame set (BLAMING / NOT_BLAMING) recall and false alarms of `blame_phrases` on the
    raw answer and on the redacted one (what the app reads), of the rules and linear reader
    alone, and of the encoder alone at its threshold."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("blind_set", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    if hasattr(module, "BLAMING"):
        yes, no = module.BLAMING, module.NOT_BLAMING
        for label, flags in (
            ("shipped", lambda t: bool(blame_phrases(t))),
            # What the app reads at preview: the answer after redaction, names as "[name]".
            ("redacted", lambda t: bool(blame_phrases(redact(t)))),
            ("rules+reader", lambda t: bool(rule_and_reader_phrases(t))),
            ("encoder alone", lambda t: blame_encoder.probability(t) >= blame_encoder.THRESHOLD),
        ):
            found, alarms = sum(map(flags, yes)), sum(map(flags, no))
            print(
                f"blind set {path.name} {label:<13}: blame {found}/{len(yes)} = "
                f"{found / len(yes):.3f}, false alarms {alarms}/{len(no)} = {alarms / len(no):.3f}"
            )
        return
    names = [(redact(t), n.lstrip("@")) for t, ns in module.WITH_NAMES for n in ns]
    found = sum(name_caught(n, r) for r, n in names)
    changed = sum(redact(t) != t for t in module.NAME_FREE)
    contacts = [(redact(t), c, t) for t, cs in module.CONTACTS for c in cs]
    caught = sum(contact_caught(c, r, t) for r, c, t in contacts)
    print(
        f"blind set {path.name}: names {found}/{len(names)} = {found / max(len(names), 1):.3f}, "
        f"name-free changed {changed}/{len(module.NAME_FREE)}, contacts {caught}/{len(contacts)}"
    )


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(
        description="Redaction and blame detection on the evaluation sets: name, contact and "
        "blame recall, false positives, speed."
    )
    parser.add_argument(
        "--blind",
        nargs="*",
        default=[],
        metavar="FILE",
        help="also score sets of invented lines kept outside the repository: Python files "
        "with WITH_NAMES [(text, [names])], NAME_FREE [text] and CONTACTS [(text, [contacts])], "
        "or with BLAMING [text] and NOT_BLAMING [text]",
    )
    args = parser.parse_args()
    for path in args.blind:
        score_blind_set(Path(path))
    for title, path in EVAL_SETS.items():
        if not path.exists():
            print(f"{title} not found at {path}; skipping")
            continue
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        show(f"{title} {path}", evaluate(rows))
        for func in (redact, blame_phrases):
            med, p95, top = latency_ms(func, [r["text"] for r in rows], repeat=5)
            target = "  (target: redact under 1 ms per typical answer)" if func is redact else ""
            print(
                f"  {func.__name__ + ' ms/answer':22s} median {med:.3f}, p95 {p95:.3f}, "
                f"max {top:.3f}{target}"
            )
    try:
        from tests.analysis.test_blame import HELDOUT_BLAME
        from tests.analysis.test_redaction import HELDOUT
    except ImportError as exc:  # tests not importable: still print what we can
        print(f"held-out set unavailable: {exc}")
        return 0
    held = [
        {"text": t, "people_mentioned": list(p), "contact_details": list(c), "blaming": False}
        for t, p, c in HELDOUT
    ]
    figures = evaluate(held)
    blame_figures = ("recall", "fpr", "pos", "neg", "recall_redacted", "fpr_redacted")
    for key in blame_figures:  # these sentences are for names; blame has its own held-out set
        del figures["blame_" + key]
    show("held-out redaction sentences (tests/analysis/test_redaction.py)", figures)
    hits = [bool(blame_phrases(t)) for t, b in HELDOUT_BLAME if b]
    false = [bool(blame_phrases(t)) for t, b in HELDOUT_BLAME if not b]
    print("held-out blame sentences (tests/analysis/test_blame.py)")
    print(f"  blame_recall           {sum(hits) / len(hits):.3f}  ({len(hits)} blaming)")
    print(f"  blame_fpr              {sum(false) / len(false):.3f}  ({len(false)} not blaming)")
    big = "Ana said the deploy on Monday broke prod; ping @ops or +44 20 7946 0958. " * 200
    t0 = time.perf_counter()
    redact(big)
    print(f"  {len(big)}-char answer     {(time.perf_counter() - t0) * 1000:.1f} ms")
    for long in ("Ana " * 2000, "Ana, " * 2000 + "broke it"):
        t0 = time.perf_counter()
        blame_phrases(long)
        print(
            f"  blame, {len(long)}-char run of one name {(time.perf_counter() - t0) * 1000:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
