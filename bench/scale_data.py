"""Build a realistic synthetic organisation for the scale benchmarks.

Run from the repo root:
    /work/venv/bin/python bench/scale_data.py --out bench/out/scale.duckdb [--responses 100000]

200 projects x 12 quarters, one survey per project-quarter (4 templates, created through
``surveys.setup.create_survey``), ~100k responses and ~1M answers loaded through
``Store.bulk_load`` in chunks (DataFrame scans), some invitations and action items.
Free text is composed from phrase fragments written for this file (never the eval sets),
so there are many distinct texts. Prints the load time and rows/s.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script, not a test: make the packages importable

from surveys.questionnaire import NO, YES, load_templates  # noqa: E402
from surveys.setup import create_survey  # noqa: E402
from surveys.store import Store  # noqa: E402

# Share of surveys per template; responses per survey come from a skewed distribution.
TEMPLATE_SHARE = {
    "project-postmortem": 0.35,
    "client-feedback": 0.25,
    "incident-postmortem": 0.25,
    "sprint-retro": 0.15,
}
TEXT_ANSWERED = 0.9  # a free-text question is left empty one time in ten

# --- phrase fragments (written for this benchmark) ---------------------------------------
OPENERS = [
    "",
    "Honestly, ",
    "I think ",
    "In my view ",
    "Again ",
    "As usual ",
    "Frankly, ",
    "From where I sat ",
    "To be fair ",
    "Looking back, ",
    "For the second time ",
    "Mostly ",
    "Once more ",
    "Sadly ",
    "It seemed that ",
    "On this one ",
    "Near the end ",
    "Early on ",
    "During the last weeks ",
    "Overall ",
]
PROBLEMS = {
    "estimation_schedule": [
        "the deadline was set before anyone estimated the work",
        "we committed to far more stories than the sprint could hold",
        "the plan had no buffer for the migration",
        "estimates were guesses made under pressure from sales",
        "the launch date never moved even when scope doubled",
        "we kept working weekends to catch up with the schedule",
    ],
    "communication_gaps": [
        "nobody told the support team about the change",
        "the handoff between backend and mobile was a single chat message",
        "decisions were made in meetings half the team never heard about",
        "the incident channel was chaotic and updates came late",
        "status reports said green while the team knew it was red",
        "we found out about the outage from a customer tweet",
    ],
    "requirements_change": [
        "requirements changed every week without a change request",
        "the client added features after sign-off",
        "the acceptance criteria were rewritten during testing",
        "scope crept in through small favours nobody tracked",
        "the design was redone twice after development started",
    ],
    "staffing_resources": [
        "two senior developers left in the middle of the project",
        "only one person knew how the billing service worked",
        "the team was stretched across three projects at once",
        "we had no tester for most of the quarter",
        "people were burning out by the second month",
    ],
    "tech_debt_tooling": [
        "the legacy build took forty minutes and failed randomly",
        "the old payment module nobody dares to touch slowed everything",
        "flaky integration tests blocked merges for days",
        "the staging environment was broken more often than not",
        "our internal deployment tool kept timing out",
    ],
    "testing_quality": [
        "testing started far too late",
        "the regression suite missed the checkout bug",
        "code reviews were rubber stamps",
        "nobody tested the upgrade path from the old version",
        "we shipped without load testing",
    ],
    "deployment_configuration": [
        "a config flag was different in production",
        "the certificate expired over the weekend",
        "the rollback script had never been run",
        "a DNS change went out without review",
        "secrets were copied by hand between environments",
    ],
    "client_expectations": [
        "the client expected daily demos we never agreed to",
        "approvals from the client took weeks",
        "the client's team changed their priorities without telling us",
        "expectations about the first release were never written down",
        "the client signed off on designs they had not read",
    ],
    "goals_scope_unclear": [
        "nobody could say what success looked like",
        "the product owner and the sponsor wanted different things",
        "it was unclear who owned the roadmap",
        "the goals of the project changed with every steering meeting",
        "scope boundaries with the platform team were never settled",
    ],
    "monitoring_alerting": [
        "the alert fired but went to an unmonitored channel",
        "we had no dashboard for the queue backlog",
        "alerts were so noisy that people ignored them",
        "the runbook was out of date",
        "detection took hours because logs were not searchable",
    ],
}
CONSEQUENCES = [
    "",
    ", so we lost a week",
    ", which cost us the first release",
    ", and quality suffered",
    ", and the client noticed",
    ", so people got frustrated",
    ", which caused rework",
    ", and we missed the milestone",
    ", so the incident lasted longer than it should have",
    ", and support had to apologise to customers",
    ", which nobody escalated",
    ", and morale dropped",
    ", which made the last sprint painful",
]
SUGGESTIONS = [
    "",
    " Next time we should estimate together.",
    " We need a written change process.",
    " Let's add a release checklist.",
    " A weekly sync with support would help.",
    " Pair more often on the risky parts.",
    " Fix the build before new features.",
    " Agree on success criteria up front.",
    " Put alert ownership in the runbook.",
    " Keep a buffer in the plan.",
    " Write down what the client approved.",
    " Automate the config checks.",
]
GOOD = [
    "the team helped each other a lot",
    "the demo to the client went really well",
    "pairing on the hard parts paid off",
    "the new pipeline saved hours every day",
    "our daily standups stayed short and useful",
    "the on-call handover was smooth",
    "we shipped the core feature on time",
    "the designers and developers worked closely",
    "incident communication was calm and clear",
    "the retrospective actions from last time worked",
    "monitoring caught the problem before customers did",
    "the client gave fast feedback",
]
GOOD_TAIL = [
    "",
    " and I hope we keep that.",
    ", thanks to everyone involved.",
    " for once.",
    ", which made a real difference.",
    " and it showed in the results.",
]

TEXT_STYLE = {  # question id -> "good" (what went well) or "bad" (problems, causes, fixes)
    "went_well": "good",
    "continue": "good",
    "start": "bad",
    "stop": "bad",
    "went_wrong": "bad",
    "root_cause": "bad",
    "do_differently": "bad",
    "what_happened": "bad",
    "contributing_factors": "bad",
    "prevent_next_time": "bad",
}
_BAD_PHRASES = [(c, p) for c, ps in PROBLEMS.items() for p in ps]


def compose_texts(
    rng: np.random.Generator, n: int, style: str, project_bias: np.ndarray
) -> list[str]:
    """n distinct-ish free-text answers; `project_bias` nudges each towards one category."""
    opener = rng.integers(len(OPENERS), size=n)
    if style == "good":
        body, tail = rng.integers(len(GOOD), size=n), rng.integers(len(GOOD_TAIL), size=n)
        return [
            f"{OPENERS[o]}{GOOD[b]}{GOOD_TAIL[t]}".strip().capitalize()
            for o, b, t in zip(opener, body, tail, strict=True)
        ]
    # Half the answers talk about the project's own recurring problem.
    phrase = np.where(rng.random(n) < 0.5, project_bias, rng.integers(len(_BAD_PHRASES), size=n))
    second = np.where(rng.random(n) < 0.25, rng.integers(len(_BAD_PHRASES), size=n), -1)
    consequence = rng.integers(len(CONSEQUENCES), size=n)
    suggestion = rng.integers(len(SUGGESTIONS), size=n)
    out = []
    for o, p, s, c, g in zip(opener, phrase, second, consequence, suggestion, strict=True):
        text = f"{OPENERS[o]}{_BAD_PHRASES[p][1]}{CONSEQUENCES[c]}."
        if s >= 0 and s != p:
            text += f" Also {_BAD_PHRASES[s][1]}."
        out.append((text + SUGGESTIONS[g]).strip().capitalize())
    return out


def quarters(count: int, last: str = "2026Q3") -> list[str]:
    year, q = int(last[:4]), int(last[-1])
    out = []
    for _ in range(count):
        out.append(f"{year}Q{q}")
        year, q = (year, q - 1) if q > 1 else (year - 1, 4)
    return out[::-1]


def quarter_start(quarter: str) -> date:
    return date(int(quarter[:4]), 3 * (int(quarter[-1]) - 1) + 1, 1)


def answers_for(
    rng: np.random.Generator,
    questionnaire,
    response_ids: np.ndarray,
    survey_ids: np.ndarray,
    bias: np.ndarray,
) -> pd.DataFrame:
    """Typed answer rows for responses of one template (vectorised per question)."""
    parts = []
    n = len(response_ids)
    for q in questionnaire.questions:
        kind = q.kind
        if q.scale is not None:
            low, high = q.scale
            centre = rng.normal(0.6 * high, 0.2 * high, size=n)
            values = np.clip(np.rint(centre), low, high)
            parts.append(
                pd.DataFrame(
                    {
                        "response_id": response_ids,
                        "survey_id": survey_ids,
                        "question_id": q.id,
                        "value_number": values,
                    }
                )
            )
        elif kind == "yes_no":
            yes = rng.random(n) < 0.6
            parts.append(
                pd.DataFrame(
                    {
                        "response_id": response_ids,
                        "survey_id": survey_ids,
                        "question_id": q.id,
                        "value_number": yes.astype(float),
                        "value_choice": np.where(yes, YES, NO),
                    }
                )
            )
        elif kind == "single_choice":
            weights = rng.dirichlet(np.ones(len(q.options)) * 2)
            picked = rng.choice(np.array(q.options, dtype=object), size=n, p=weights)
            parts.append(
                pd.DataFrame(
                    {
                        "response_id": response_ids,
                        "survey_id": survey_ids,
                        "question_id": q.id,
                        "value_choice": picked,
                    }
                )
            )
        elif kind == "multiple_choice":
            picks = rng.random((n, len(q.options))) < 0.55
            rows, cols = np.nonzero(picks)
            parts.append(
                pd.DataFrame(
                    {
                        "response_id": response_ids[rows],
                        "survey_id": survey_ids[rows],
                        "question_id": q.id,
                        "value_choice": np.array(q.options, dtype=object)[cols],
                    }
                )
            )
        elif q.free_text:
            keep = rng.random(n) < TEXT_ANSWERED
            texts = compose_texts(rng, int(keep.sum()), TEXT_STYLE.get(q.id, "bad"), bias[keep])
            parts.append(
                pd.DataFrame(
                    {
                        "response_id": response_ids[keep],
                        "survey_id": survey_ids[keep],
                        "question_id": q.id,
                        "value_text": np.array(texts, dtype=object),
                    }
                )
            )
        else:
            raise ValueError(f"no generator for question kind {kind!r}")
    frame = pd.concat(parts, ignore_index=True)
    for column in ("value_number", "value_text", "value_choice"):
        if column not in frame:
            frame[column] = None
    return frame[
        ["response_id", "survey_id", "question_id", "value_number", "value_text", "value_choice"]
    ]


def expected_answers(questionnaire) -> float:
    total = 0.0
    for q in questionnaire.questions:
        if q.free_text:
            total += TEXT_ANSWERED
        elif q.multiple:
            total += 0.55 * len(q.options)
        else:
            total += 1.0
    return total


def build(
    out: Path,
    responses: int,
    answers_target: int,
    projects: int,
    n_quarters: int,
    chunk: int,
    seed: int,
) -> dict[str, float]:
    rng = np.random.default_rng(seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", ".wal"):
        Path(f"{out}{suffix}").unlink(missing_ok=True)
    templates = load_templates()[0]
    store = Store(out)
    timings: dict[str, float] = {}

    # -- surveys: one per project-quarter --------------------------------------------------
    start = time.perf_counter()
    names = [
        f"Project {i:03d} {w}"
        for i, w in zip(
            range(projects),
            np.resize(
                ["Atlas", "Beacon", "Cobalt", "Delta", "Ember", "Falcon", "Garnet", "Harbor"],
                projects,
            ),
            strict=True,
        )
    ]
    template_ids = list(TEMPLATE_SHARE)
    project_template = rng.choice(template_ids, size=projects, p=list(TEMPLATE_SHARE.values()))
    all_quarters = quarters(n_quarters)
    surveys = []
    for name, template_id in zip(names, project_template, strict=True):
        for quarter in all_quarters:
            # Most projects keep their template; some quarters use another one.
            tid = template_id if rng.random() < 0.8 else rng.choice(template_ids)
            opens = quarter_start(quarter) + timedelta(days=int(rng.integers(0, 60)))
            survey_id = create_survey(
                store,
                project=name,
                template_id=tid,
                quarter=quarter,
                opens_on=opens,
                closes_on=opens + timedelta(days=28),
                templates=templates,
                threshold=int(rng.choice([3, 3, 3, 5])),
            )
            surveys.append((survey_id, name, tid, quarter, opens))
    # Only the latest quarter stays open: close the rest through the store.
    for survey_id, _, _, quarter, _ in surveys:
        if quarter != all_quarters[-1]:
            store.set_survey_status(survey_id, "closed")
    timings["surveys_s"] = time.perf_counter() - start

    # -- responses per survey: skewed sizes, scaled so answers land near the target ----------
    frame = pd.DataFrame(
        surveys, columns=["survey_id", "project", "template_id", "quarter", "opens_on"]
    )
    per_template = {t: expected_answers(templates[t]) for t in template_ids}
    frame["weight"] = rng.lognormal(0.0, 0.8, size=len(frame))
    frame.loc[rng.random(len(frame)) < 0.04, "weight"] = 0.0  # a few surveys below threshold
    wanted = answers_target / responses  # answers per response to aim for
    big = frame["template_id"].map(per_template).to_numpy()
    # Give richer questionnaires more respondents until the mean answers/response fits.
    k = 1.0
    for _ in range(60):
        w = frame["weight"].to_numpy() * np.where(big >= wanted, k, 1.0)
        if (w * big).sum() / w.sum() < wanted:
            k *= 1.1
        else:
            break
    share = w / w.sum()
    counts = np.floor(share * responses).astype(int)
    counts[frame["weight"].to_numpy() == 0] = rng.integers(
        0, 3, size=int((frame["weight"] == 0).sum())
    )
    counts[np.argsort(-share)[: responses - counts.sum()]] += 1
    frame["responses"] = counts
    bias_of_project = {p: int(rng.integers(len(_BAD_PHRASES))) for p in names}

    # -- invitations for a third of the surveys ----------------------------------------------
    start = time.perf_counter()
    invited = frame.sample(frac=1 / 3, random_state=seed)
    for row in invited.itertuples():
        store.add_invitations(
            row.survey_id, [secrets.token_hex(32) for _ in range(int(row.responses * 1.4) + 2)]
        )
    timings["invitations_s"] = time.perf_counter() - start

    # -- responses and answers in chunks of surveys --------------------------------------------
    load_s = gen_s = 0.0
    loaded_responses = loaded_answers = 0
    order = frame.sample(frac=1.0, random_state=seed).reset_index(drop=True)
    boundaries = np.searchsorted(
        order["responses"].cumsum().to_numpy(), np.arange(chunk, responses + chunk, chunk)
    )
    begin = 0
    for end in list(dict.fromkeys(boundaries.tolist())) + [len(order)]:
        part = order.iloc[begin : end + 1]
        begin = end + 1
        if part.empty:
            continue
        t0 = time.perf_counter()
        response_frames, answer_frames = [], []
        for template_id, group in part.groupby("template_id"):
            n = int(group["responses"].sum())
            if n == 0:
                continue
            raw = rng.bytes(16 * n)
            ids = np.array(
                [str(uuid.UUID(bytes=raw[i : i + 16], version=4)) for i in range(0, 16 * n, 16)],
                dtype=object,
            )
            sids = np.repeat(group["survey_id"].to_numpy(), group["responses"].to_numpy())
            opens = np.repeat(group["opens_on"].to_numpy(), group["responses"].to_numpy())
            days = pd.to_timedelta(rng.integers(0, 29, size=n), unit="D")
            response_frames.append(
                pd.DataFrame(
                    {
                        "response_id": ids,
                        "survey_id": sids,
                        "submitted_on": (pd.to_datetime(opens) + days).date,
                    }
                )
            )
            bias = np.array(
                [
                    bias_of_project[p]
                    for p in np.repeat(group["project"].to_numpy(), group["responses"].to_numpy())
                ]
            )
            answer_frames.append(answers_for(rng, templates[template_id], ids, sids, bias))
        if not response_frames:
            continue
        responses_frame = pd.concat(response_frames, ignore_index=True)
        answers_frame = pd.concat(answer_frames, ignore_index=True)
        t1 = time.perf_counter()
        store.bulk_load(responses_frame, answers_frame)
        t2 = time.perf_counter()
        gen_s += t1 - t0
        load_s += t2 - t1
        loaded_responses += len(responses_frame)
        loaded_answers += len(answers_frame)
        print(
            f"  chunk: {len(responses_frame):>7,} responses {len(answers_frame):>9,} answers "
            f"loaded in {t2 - t1:5.2f} s",
            flush=True,
        )
    timings.update(
        generate_s=gen_s, load_s=load_s, responses=loaded_responses, answers=loaded_answers
    )

    # -- action items ------------------------------------------------------------------------
    start = time.perf_counter()
    categories = list(PROBLEMS)
    project_ids = store.projects().set_index("name")["project_id"]
    actions = 0
    for name in rng.choice(names, size=min(300, projects * 2)):
        quarter = str(rng.choice(all_quarters[:-1]))
        status = str(rng.choice(["open", "in_progress", "done", "done", "not_doing"]))
        action_id = store.create_action(
            project_id=project_ids[name],
            title=f"Follow up on {rng.choice(categories)}",
            owner=str(rng.choice(["Tech lead", "Delivery manager", "QA lead", "SRE on call"])),
            quarter=quarter,
            due_on=quarter_start(quarter) + timedelta(days=80),
            category=str(rng.choice(categories)),
            status="open" if status == "not_doing" else status,
        )
        if status == "not_doing":
            store.set_action_status(action_id, "not_doing", "superseded by a platform change")
        actions += 1
    timings["actions_s"] = time.perf_counter() - start
    timings["actions"] = actions
    timings["surveys"] = len(surveys)
    with store._cursor() as cur:  # benchmark-only peek: counts straight from the file
        timings["distinct_texts"] = cur.execute(
            "SELECT count(DISTINCT value_text) FROM answers WHERE value_text IS NOT NULL"
        ).fetchone()[0]
        timings["texts"] = cur.execute(
            "SELECT count(*) FROM answers WHERE value_text IS NOT NULL"
        ).fetchone()[0]
        cur.execute("CHECKPOINT")
    store.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "scale.duckdb")
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument(
        "--answers", type=int, default=None, help="target answer rows (default 10 per response)"
    )
    parser.add_argument("--projects", type=int, default=200)
    parser.add_argument("--quarters", type=int, default=12)
    parser.add_argument("--chunk", type=int, default=10_000, help="responses per bulk_load")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    start = time.perf_counter()
    t = build(
        args.out,
        args.responses,
        args.answers or 10 * args.responses,
        args.projects,
        args.quarters,
        args.chunk,
        args.seed,
    )
    total = time.perf_counter() - start
    rows = t["responses"] + t["answers"]
    print(f"\nscale db: {args.out} ({Path(args.out).stat().st_size / 2**20:.0f} MiB)")
    print(
        f"projects {args.projects}, quarters {args.quarters}, surveys {t['surveys']:,} "
        f"(created in {t['surveys_s']:.1f} s), invitations in {t['invitations_s']:.1f} s, "
        f"actions {t['actions']} in {t['actions_s']:.1f} s"
    )
    print(
        f"responses {t['responses']:,}, answers {t['answers']:,}, free texts {t['texts']:,} "
        f"({t['distinct_texts']:,} distinct)"
    )
    print(
        f"generate {t['generate_s']:.1f} s; bulk_load {t['load_s']:.1f} s = "
        f"{rows / t['load_s']:,.0f} rows/s ({t['answers'] / t['load_s']:,.0f} answers/s); "
        f"total {total:.1f} s"
    )


if __name__ == "__main__":
    main()
