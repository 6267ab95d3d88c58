"""Blame detection: table-driven cases, a held-out set in our own words, dev floors.

None of these sentences come from the dev set; `HELDOUT_BLAME` is written for
these tests so that the measured figures are not only on `retro_dev.jsonl`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.blame import reading, rule_and_reader_phrases
from analysis.redaction import redact

REPO = Path(__file__).resolve().parents[2]
EVAL = REPO.parent / "shared" / "eval" / "retro_dev.jsonl"

BLAMING = [
    "Tomasz broke prod on Friday.",
    "it was Nkechi's fault, plain and simple",
    "Haruto pushed a config change straight to prod. Careless.",
    "the PM never shares anything with the devs",
    "The new PM kept changing the priorities every week.",
    "their MD overruled the estimate and then blamed us",
    "Whoever wrote this migration should not be allowed near SQL.",
    "My fault, I forgot to renew the certificate.",
    "I screwed up the release notes.",
    "Honestly the delay is on me.",
    "[name] ignored the alerts for two days.",
    "[name]'s mistake cost us a week.",
    "The contractor deleted the backup bucket without asking.",
    "The fault lies with Bartek, who skipped the review.",
]


@pytest.mark.parametrize("text", BLAMING)
def test_blame_found(text: str) -> None:
    phrases = rule_and_reader_phrases(text)
    assert phrases, text
    assert all(p in text for p in phrases)  # phrases are substrings of the input


NOT_BLAMING = [
    "The frontend team was late with the designs.",
    "The QA team never got a stable build.",
    "Not her fault: the requirements changed under her.",
    "Thanks to Oksana for catching the regression.",
    "The cache is to blame for the stale prices.",
    "Our process never forced a second review.",
    "Nobody's fault really, the vendor API changed overnight.",
    "The deploy pipeline skipped the smoke tests.",
    "We underestimated the data migration.",
    "Kwabena and Ingrid paired on the fix and it went well.",
    "The client changed the scope twice after sign-off.",
    "Monitoring missed the disk filling up.",
    "Have someone who didn't write the code review the runbook.",
    "",
    "🙂",
]


@pytest.mark.parametrize("text", NOT_BLAMING)
def test_no_blame(text: str) -> None:
    assert rule_and_reader_phrases(text) == []


def test_phrase_points_at_the_blame() -> None:
    assert rule_and_reader_phrases("Deploys were fine. Tomasz broke prod on Friday.") == [
        "Tomasz broke prod on Friday"
    ]


def test_works_on_redacted_text() -> None:
    text = "Tomasz broke prod on Friday."
    assert rule_and_reader_phrases(redact(text)) == ["[name] broke prod on Friday"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_blame_is_total(text: str) -> None:
    phrases = rule_and_reader_phrases(text)
    assert all(p in text for p in phrases)


# --- held-out set in our own words: (text, puts fault on one individual?) ---------------

HELDOUT_BLAME: list[tuple[str, bool]] = [
    ("Radek merged his branch on a Friday without running the tests.", True),
    ("The outage was Cosmin's fault; he hard-coded the region.", True),
    ("Our account manager promised a date nobody had estimated, and then went silent.", True),
    ("Leilani ignored every message about the API change.", True),
    ("The new tech lead refused to write anything down.", True),
    ("Whoever set the alert threshold to 99% clearly never looked at the graph.", True),
    ("It's my fault, I approved the PR without reading it.", True),
    ("I messed up the estimate for the payments work.", True),
    ("Blame goes to Mustafa for the schema change.", True),
    ("Thiago forgot to tell anyone he was off for two weeks.", True),
    ("Their CTO kept moving the goalposts.", True),
    ("Priyanka deployed to prod instead of staging.", True),
    ("The intern deleted the shared calendar and nobody noticed.", True),
    ("That one was on me, I should have flagged it earlier.", True),
    ("Dariusz never answered a single email from us.", True),
    ("The product owner didn't show up to a single review.", True),
    ("Eilidh is the real problem, not the process.", True),
    ("Kenji botched the data import and we lost a day.", True),
    ("Our PM overpromised to the client again.", True),
    ("Honestly Hamid was careless with the keys.", True),
    ("The backend team delivered the API two weeks late.", False),
    ("Our estimates were off because nobody had seen the legacy code.", False),
    ("Not Lucía's fault, she inherited the mess.", False),
    ("Thanks to Padraig we caught it before launch.", False),
    ("The flaky test suite is to blame for most of the delays.", False),
    ("The vendor's API broke twice in one week.", False),
    ("Nobody owned the release checklist.", False),
    ("Scope kept changing because the client had no single decision maker.", False),
    ("Zainab and Olga ran a great retro.", False),
    ("The deploy script ignored the exit code.", False),
    ("Alerts went to a channel that nobody watched.", False),
    ("We should have asked for help earlier as a team.", False),
    ("Communication between design and dev broke down.", False),
    ("It is nobody's fault, the certificate authority changed its rules.", False),
    ("The mobile devs never got access to the staging keys.", False),
    ("Budget was cut in Q2 and the team halved.", False),
    ("Wanjiru was on leave, and nobody else knew the payout job.", False),
    ("Process, not people: our review rules let it through.", False),
    ("The migration tool skipped rows with null ids.", False),
    ("Kubernetes restarted the pods without draining them.", False),
    ("Onboarding docs were out of date, so new starters guessed.", False),
    ("Support escalated quickly and the fix went out the same day.", False),
    ("The whole squad underestimated the testing effort.", False),
    ("Great job by Seo-yeon on the incident timeline.", False),
    ("Leadership changed priorities mid-quarter.", False),
    ("The steering group never agreed on the goals.", False),
    ("Requirements arrived late from the client's legal department.", False),
    ("Our monitoring did not cover the batch jobs.", False),
    ("Henrik handed over cleanly before his leave.", False),
    ("A single point of failure: one person knew the billing engine.", False),
    # Second batch, written later and first measured before any rule change.
    ("Ingeborg merged the hotfix without a review and took prod down.", True),
    ("My bad, I misread the runbook.", True),
    ("The new architect ignored every concern we raised.", True),
    ("Honestly, it was Akosua's fault we slipped.", True),
    ("whoever approved this budget never talked to engineering", True),
    ("Our sponsor kept adding features in every demo.", True),
    ("Sunniva never updates the tickets.", True),
    ("The platform team was overloaded all quarter.", False),
    ("The load balancer is to blame for the 502s.", False),
    ("Not Magnus's fault, the spec was wrong.", False),
    ("Thanks to Tariq the rollback was quick.", False),
    ("Our release process had no owner.", False),
    # Third batch (issue 11), measured before the subject/failure detector: 0.35 recall.
    ("Oskar promised the client a feature we had never scoped.", True),
    ("the scrum master cancelled every retro this quarter", True),
    ("Once again Bettina pushed untested code and left for the weekend.", True),
    ("Faisal had the only admin password and wouldn't share it.", True),
    ("Our designer handed over the mockups a week after the deadline.", True),
    ("Because Rowan skipped the handover, nobody knew the cron existed.", True),
    ("The release manager approved a build that failed half its checks.", True),
    ("Their project lead lied about the status for a month.", True),
    ("Mirela disappeared for two weeks in the middle of the sprint.", True),
    ("He rewrote the auth module alone and broke SSO for everyone.", True),
    ("I didn't test the rollback script, that's on me.", True),
    ("The QA lead signed off without opening the app.", True),
    ("Gustavo keeps committing straight to main.", True),
    ("our PO changes the acceptance criteria after we start", True),
    ("Emeka misconfigured the DNS and we were down for an hour.", True),
    ("The delivery manager hid the risks from the steering group.", True),
    ("The contractor left hard-coded credentials in the repo.", True),
    ("Anneke should have told us the API was deprecated.", True),
    ("The on-call engineer silenced the pager and went to sleep.", True),
    ("Whoever scheduled the migration during peak hours wasn't thinking.", True),
    ("Oskar presented the roadmap to the board.", False),
    ("Bettina covered on-call over the holidays, thank you!", False),
    ("Our designer joined halfway through, so the mockups came late.", False),
    ("The release manager was out sick and the process had no backup.", False),
    ("We didn't test the rollback script as a team.", False),
    ("Emeka found the DNS misconfiguration within minutes.", False),
    ("The ops team forgot to renew the certificate.", False),
    ("Management kept changing the priorities.", False),
    ("Faisal asked for the admin password twice and never got it.", False),
    ("The scrum master did a great job keeping retros short.", False),
    ("Mirela was pulled onto another project by leadership.", False),
    ("The API broke because the vendor changed the schema.", False),
    ("Nobody told Gustavo that main was protected now.", False),
    ("The tests didn't run because the CI runner was full.", False),
    ("Rowan wrote the handover doc, which helped a lot.", False),
    ("Anneke and the data team rebuilt the pipeline in a week.", False),
    ("He joined in March and ramped up fast.", False),
    ("The contractor's contract ended before the handover.", False),
    ("Without a product owner, decisions stalled.", False),
    ("Kudos to Emeka for staying late to fix the DNS.", False),
    # Fourth batch, written after the detector's first version: it caught 7 of 15.
    ("Lorenzo copied the prod database to his laptop and lost it.", True),
    ("The finance lead sat on the invoice approval for three weeks.", True),
    ("Ayumi merged her own PR at midnight with no review.", True),
    ("When Piotr rotated the keys he forgot the mobile app.", True),
    ("Our architect insisted on microservices nobody needed.", True),
    ("The tester marked everything as passed without running it.", True),
    ("She never replies to anything in the channel.", True),
    ("The new hire wiped the staging bucket on day two.", True),
    ("Honestly, Declan just doesn't read the tickets.", True),
    ("the account manager told the client it was done when it wasn't", True),
    ("Sven ignored the runbook and restarted the primary.", True),
    ("I pushed the wrong config to production.", True),
    ("Our CTO vetoed the fix at the last minute.", True),
    ("Whoever owns the billing cron let it fail silently for a month.", True),
    ("Katarzyna keeps scheduling meetings over our focus time.", True),
    ("Lorenzo walked us through the new backup process.", False),
    ("The finance team approved invoices late all quarter.", False),
    ("Ayumi reviewed every PR that week, which helped a lot.", False),
    ("Piotr rotated the keys on schedule.", False),
    ("Our architect left and the design decisions were never written down.", False),
    ("The tester was only allocated two days for the whole release.", False),
    ("She flagged the risk in week one and we ignored it.", False),
    ("The new hire had no laptop for a week.", False),
    ("Declan and Sven paired on the incident.", False),
    ("The runbook was missing the restart step.", False),
    ("We pushed the wrong config because the template was wrong.", False),
    ("Our CTO joined the retro and listened.", False),
    ("The billing cron failed silently because alerting was off.", False),
    ("Katarzyna was double-booked by the scheduling tool.", False),
    ("Thanks Sven for restarting the primary so fast.", False),
    ("The estimate was wrong, not anyone's fault.", False),
    ("Product and engineering never agreed on the MVP.", False),
    # Fifth batch (issue 11), written after the detector: first measured 10 of 15, 1 FP.
    ("Jonas approved his own change request and shipped it.", True),
    ("The analyst exported the customer list to a personal drive.", True),
    ("Priscilla left the feature flag on after the test.", True),
    ("Our scrum master skipped planning twice.", True),
    ("Dmitri didn't document anything before he left.", True),
    ("The lead dev refuses to review anyone else's code.", True),
    ("Halima promised marketing a launch date without asking us.", True),
    ("my mistake: I ran the migration against prod", True),
    ("The support manager closed the tickets without fixing them.", True),
    ("Rafael broke the build and went on holiday.", True),
    ("Their product owner never turned up to demos.", True),
    ("I forgot to cancel the old subscription.", True),
    ("Bogdan is too slow to review and it blocks everyone.", True),
    ("The consultant overwrote our configs with his defaults.", True),
    ("Whoever wrote the retry loop never tested it against a timeout.", True),
    ("Jonas presented the results at the all-hands.", False),
    ("The analyst joined late because of the visa delay.", False),
    ("Priscilla's flag system saved us during the rollback.", False),
    ("Our scrum master was on parental leave most of the quarter.", False),
    ("Dmitri left the company and nobody picked up his work.", False),
    ("The lead dev was stretched across three projects.", False),
    ("Halima asked for a launch date and we couldn't give one.", False),
    ("The migration ran against prod because the env var defaulted to it.", False),
    ("The support team closed tickets to hit the SLA target.", False),
    ("Rafael fixed the build before he went on holiday.", False),
    ("The product owner role was vacant for two months.", False),
    ("Nobody cancelled the old subscription.", False),
    ("Reviews were slow because only two people could approve.", False),
    ("The consultant's contract ended mid-migration.", False),
    ("Thanks Bogdan for the thorough reviews.", False),
    # Sixth batch, written after the fifth's fixes: first measured 10 of 15, 0 FP.
    ("Elif renamed the production bucket and every job failed.", True),
    ("The tech writer published the draft docs by mistake.", True),
    ("Our team lead agreed to the deadline without checking with anyone.", True),
    ("Nnamdi kept the incident to himself for a day.", True),
    ("the vendor's engineer restarted the cluster mid-demo", True),
    ("Agnieszka never answers on-call pages at night.", True),
    ("I approved the invoice without reading it.", True),
    ("Mehmet changed the API contract and told nobody.", True),
    ("The CFO cut the budget after we had hired.", True),
    ("Tobias was rude to the client in the review.", True),
    ("Ewa copied the wrong environment variables into prod.", True),
    ("The new engineer force-pushed over the release branch.", True),
    ("Hiroshi disabled the alerts because they were noisy and forgot them.", True),
    ("The PM's spreadsheet was the only plan and she lost it.", True),
    ("Sasha rushed the migration to make the demo.", True),
    ("Elif renamed the buckets as agreed in the design review.", False),
    ("The tech writer was only brought in a week before launch.", False),
    ("Our team agreed to the deadline under pressure.", False),
    ("Nnamdi raised the incident within five minutes.", False),
    ("The vendor restarted the cluster during our demo.", False),
    ("Agnieszka covers more on-call than anyone else.", False),
    ("The invoice was approved because the process has no second check.", False),
    ("The API contract changed and the announcement went to an old list.", False),
    ("Budget cuts arrived after we had hired.", False),
    ("Tobias handled a difficult client meeting calmly.", False),
    ("The wrong environment variables came from a stale template.", False),
    ("Branch protection was off, so force-pushes went through.", False),
    ("Alerts were disabled during the noisy migration and never re-enabled.", False),
    ("The plan lived in one spreadsheet with no backup.", False),
    ("Sasha and Ewa paired on the migration.", False),
]

# Seventh batch (issue 11), written before the passive-agent, possessive-harm, failure-noun
# and modal-criticism cues: first measured 8 of 15 recall with 2 of 17 false positives.
SEVENTH_BATCH: list[tuple[str, bool]] = [
    ("Wendell pulled the plug on the staging database during the demo.", True),
    ("The release was delayed because she couldn't be bothered to write the changelog.", True),
    ("The PM is the reason we shipped half a feature.", True),
    ("The new contractor wiped out two days of work with a bad rebase.", True),
    ("Whoever merged that PR on Thursday owes us all an apology.", True),
    ("Totally my fault, I dropped the ball on the vendor contract.", True),
    ("The payment flow was broken by Ximena's refactor.", True),
    ("Priya was careless with the production credentials.", True),
    ("Nobody on the team but Tom knew the export job, and he didn't tell anyone.", True),
    ("Anselm's hotfix took down checkout for an hour.", True),
    ("Our designer made a huge mistake with the colour contrast and we failed the audit.", True),
    ("Marguerite could have warned us about the freeze but chose not to.", True),
    ("The outage was entirely down to Ruairi.", True),
    ("It was a careless oversight by the tech lead.", True),
    ("I should have double-checked the numbers before sending them.", True),
    ("Wendell demoed the staging database to the client.", False),
    ("The PM was juggling four projects at once.", False),
    ("The new contractor had to rebase two days of work after the repo move.", False),
    ("Whoever merged on Thursday, please add a note to the changelog.", False),
    ("We all missed it in review.", False),
    ("The payment flow was rebuilt by Ximena and works much better now.", False),
    ("Priya lost her laptop on the train, which was stressful for her.", False),
    ("Tom was the only one who knew the export job, which is a process gap.", False),
    ("Who approved the change to the payment limits?", False),
    ("The contrast issue came from an outdated design system.", False),
    ("Huge thanks to Marguerite for warning us about the freeze.", False),
    ("Ruairi was paged at 3am for an outage he didn't cause.", False),
    ("Our tooling made it far too easy to deploy the wrong branch.", False),
    ("The finance team sent the numbers before the data was final.", False),
    ("Anselm wrote the hotfix and Dalia reviewed it.", False),
    ("Was the outage caused by the config change or the database?", False),
    ("The tech lead's oversight of the architecture kept us on track.", False),
]
HELDOUT_BLAME += SEVENTH_BATCH

# Eighth batch, written after the seventh's fixes and measured before any change for it
# (the honest unseen figure for those fixes): 7 of 15 recall, 1 of 17 false positives.
EIGHTH_BATCH: list[tuple[str, bool]] = [
    ("Colm signed the vendor contract without reading the SLA section.", True),
    ("Thanks to Birgit's sloppy handover we spent a week guessing.", True),
    ("The data engineer truncated the events table instead of the temp one.", True),
    ("I'm the one who broke the nightly export, sorry all.", True),
    ("Yusra's negligence with the backups cost us the March data.", True),
    ("The release got derailed by our product manager's last-minute asks.", True),
    ("Frankly the architect was arrogant and wouldn't listen to anyone.", True),
    ("Odile has been ignoring the security tickets for months.", True),
    ("If Lars had reviewed it properly this would never have happened.", True),
    ("He's useless at estimating and everyone pays for it.", True),
    ("The whole mess started when the intern ran the cleanup script on prod.", True),
    ("Whoever configured the firewall left port 22 open to the world.", True),
    ("It was Matteo who pushed the broken schema, not the pipeline.", True),
    ("I let the certificate expire, that one's mine.", True),
    ("Our client lead kept the feedback from us until the final week.", True),
    ("Colm read the SLA section aloud at the kickoff.", False),
    ("Birgit's handover notes were thorough and saved us a week.", False),
    ("The events table was truncated by a faulty cron job.", False),
    ("I'm the one who found the broken nightly export.", False),
    ("Yusra restored the March data from backups.", False),
    ("The release was derailed by a supplier strike.", False),
    ("The architect was overruled by the steering committee.", False),
    ("Odile has been triaging the security tickets for months.", False),
    ("If we had a second reviewer this would never have happened.", False),
    ("Estimating is hard when requirements keep moving.", False),
    ("The whole mess started when the cleanup script hit prod without a guard.", False),
    ("The firewall template left port 22 open by default.", False),
    ("Was it Matteo who pushed the schema change?", False),
    ("We let the certificate expire because nobody owned renewals.", False),
    ("Our client lead shared the feedback as soon as it arrived.", False),
    ("Everyone on the team missed the warning signs.", False),
    ("Lars reviewed it and suggested a simpler fix.", False),
]
HELDOUT_BLAME += EIGHTH_BATCH

# Ninth batch, written after the eighth's fixes and measured before any change for it
# (the honest unseen figure for them): 7 of 15 recall, 0 of 17 false positives. Three of
# the names it blames are not found by redaction at the start of a sentence.
NINTH_BATCH: list[tuple[str, bool]] = [
    ("Gunnhild took the only staging slot for a week and wouldn't give it up.", True),
    ("Nobody was told about the freeze because the delivery lead sat on the email.", True),
    ("Typical Bram, he promised the client a demo we couldn't build.", True),
    ("the intern's script nuked the analytics tables", True),
    ("We lost the deal because our sales engineer oversold the integration.", True),
    ("I am responsible for the outage; I skipped the canary.", True),
    ("Ottoline's lack of follow-up meant the vendor never got our specs.", True),
    ("Let's be honest, Florin just didn't care about the deadline.", True),
    ("He pushed back every review for no reason and the sprint slipped.", True),
    ("Our QA person signed off on a build she never installed.", True),
    ("Credit where due, but Ines really blew the client call.", True),
    ("Whoever thought a Friday cutover was a good idea was wrong.", True),
    ("The CEO's pet project ate half our capacity and he wouldn't hear otherwise.", True),
    ("Sorry team, that regression is mine: I merged without running the suite.", True),
    ("Petra ghosts us every time there is a hard question.", True),
    ("Gunnhild booked the staging slot as agreed in planning.", False),
    ("The delivery lead forwarded the freeze email the same day.", False),
    ("Bram promised the client we'd share progress weekly, and we did.", False),
    ("The intern's script cleaned up the analytics tables nicely.", False),
    ("We lost the deal because the integration wasn't ready.", False),
    ("I am responsible for the on-call rota this quarter.", False),
    ("Ottoline followed up with the vendor twice.", False),
    ("Florin was out of office when the deadline moved.", False),
    ("Reviews were pushed back because the team was at a conference.", False),
    ("Our QA person had no device to install the build on.", False),
    ("Ines took over the client call at short notice and did well.", False),
    ("A Friday cutover turned out to be a bad idea for all of us.", False),
    ("The CEO asked us to prioritise the partner integration.", False),
    ("The regression slipped through because the suite has no payment tests.", False),
    ("Did Petra get an answer to her question about the API?", False),
    ("Nobody on the team knew the cutover plan well enough.", False),
    ("Bram and Florin stayed late to get the demo working.", False),
]
HELDOUT_BLAME += NINTH_BATCH

# Tenth batch, written after the ninth's fixes and measured before any change for it:
# 5 of 15 recall, 0 of 17 false positives, the same as the detector before batch seven.
# Each fresh batch brings new shapes, so cue lists alone stay near half recall on unseen
# text; the later fixes here (acronym roles, "let X lapse", "did zero research", "X's
# rushed estimate") are tuned on it.
TENTH_BATCH: list[tuple[str, bool]] = [
    ("Sebastián rolled out the pricing change to every market at once.", True),
    ("The vendor manager let our support contract lapse.", True),
    ("Our lead never once asked how the team was doing.", True),
    ("I'll own this one: I scheduled the maintenance during peak traffic.", True),
    ("Half the bugs came from Dagny's copy-pasted validation code.", True),
    ("The DBA dropped an index on prod to speed up his own query.", True),
    ("Kofi was supposed to book the venue and never did.", True),
    ("Honestly the ops guy is a liability.", True),
    ("Whoever picked this library did zero research.", True),
    ("The outage traces back to a command Ilse ran by hand.", True),
    ("She talked over everyone in the planning meeting and decisions went her way.", True),
    ("My screw-up: the invoices went out with the wrong VAT rate.", True),
    ("Leopold promised a fix by Monday and then went on leave without telling anyone.", True),
    ("The UX lead threw away a month of research without discussing it.", True),
    ("Tamsin's rushed estimate set the whole project up to fail.", True),
    ("Sebastián rolled out the pricing change market by market as planned.", False),
    ("The support contract lapsed because renewals had no owner.", False),
    ("Our lead asked how the team was doing every Friday.", False),
    ("Maintenance was scheduled during peak traffic by the old cron defaults.", False),
    ("Dagny rewrote the validation code and the bug count dropped.", False),
    ("The DBA added an index on prod after the review.", False),
    ("Kofi booked the venue two months ahead.", False),
    ("The ops team is stretched thin.", False),
    ("We picked this library under time pressure.", False),
    ("The outage traces back to a missing timeout in the client library.", False),
    ("She chaired the planning meeting and kept it on time.", False),
    ("The invoices went out with the wrong VAT rate because the tax table was stale.", False),
    ("Leopold handed over to Dagny before his leave.", False),
    ("The UX lead shared a month of research with the whole team.", False),
    ("Estimates were rushed because sales needed a number that day.", False),
    ("Did anyone tell Tamsin the deadline had moved?", False),
    ("We never wrote the runbook, and it showed.", False),
]
HELDOUT_BLAME += TENTH_BATCH


# Written after the last change to the detector and never tuned on (kept out of
# HELDOUT_BLAME on purpose). Seen, though not tuned sentence by sentence, during issue 11's
# work: no longer an honest unseen figure.
ELEVENTH_BATCH: list[tuple[str, bool]] = [
    ("Mariusz scheduled the data migration on the night before launch.", True),
    ("The compliance officer held the release hostage over a typo.", True),
    ("Our frontend dev shipped the redesign with the old API keys baked in.", True),
    ("I misread the contract and we quoted the wrong hours.", True),
    ("Whoever signed off the capacity plan clearly never opened the dashboard.", True),
    ("Tove treats every code review like a personal attack.", True),
    ("The account director sold a feature that does not exist.", True),
    ("He walked out of the incident call halfway through.", True),
    ("Annika's copy of the config was the one that went live, and it was wrong.", True),
    ("The platform lead overrode the rollback decision and we stayed down longer.", True),
    ("Bartholomew sits on pull requests for days.", True),
    ("Our tester only checked the happy path and called it done.", True),
    ("She cut the load tests to save a day and the site fell over.", True),
    ("That whole week of rework is on Quentin.", True),
    ("The ops engineer restarted the wrong node in the middle of the backup.", True),
    ("Mariusz ran the data migration rehearsal twice before launch.", False),
    ("The compliance review found a typo and we fixed it in an hour.", False),
    ("Our frontend dev rotated the API keys after the audit.", False),
    ("I read the contract twice and still missed the hours clause, it was buried.", False),
    ("The capacity plan was signed off before the new dashboard existed.", False),
    ("Tove gave really detailed code reviews this sprint.", False),
    ("The sales team sold a feature that was still on the roadmap.", False),
    ("He joined the incident call from the airport.", False),
    ("Annika kept the config docs up to date.", False),
    ("The platform team decided to roll forward instead of back.", False),
    ("Pull requests wait for days because we have two reviewers.", False),
    ("Our tester had one afternoon for the whole regression pass.", False),
    ("The load tests were cut from the plan to hit the date.", False),
    ("Shout-out to Quentin for the rework on the export.", False),
    ("The wrong node was restarted because the host names were swapped in the inventory.", False),
    ("Can someone explain why the backup overlapped with the restart?", False),
    ("The ops engineer was on call alone for three weeks.", False),
]


def _score(rows: list[tuple[str, bool]]) -> tuple[float, float]:
    pos = [bool(rule_and_reader_phrases(t)) for t, b in rows if b]
    neg = [bool(rule_and_reader_phrases(t)) for t, b in rows if not b]
    return sum(pos) / len(pos), sum(neg) / len(neg)


def test_heldout_figures() -> None:
    recall, fpr = _score(HELDOUT_BLAME)
    # Floors just under the measured figures (bench/bench_redaction.py prints them).
    # Lower than before only because harder unseen batches were added (see above).
    assert recall >= 0.93, recall  # measured 0.961 (146 of 152); 0.888 (135) before issue 11
    assert fpr <= 0.03, fpr  # measured 0.000 (170 rows)


def test_seventh_batch_figures() -> None:
    """The newest batch on its own, so a regression on unseen shapes shows up here."""
    recall, fpr = _score(SEVENTH_BATCH)
    assert recall >= 0.8, recall  # measured 0.933 (14 of 15); 0.533 before the new cues
    assert fpr <= 1 / 17, fpr  # measured 0.000 (0 of 17); 2 of 17 before


def test_eighth_batch_figures() -> None:
    """Clefts, counterfactuals, withholding, possessive agents, contractions."""
    recall, fpr = _score(EIGHTH_BATCH)
    assert recall >= 0.85, recall  # measured 1.000 (15 of 15); 0.467 before its fixes
    assert fpr <= 1 / 17, fpr  # measured 0.000 (0 of 17); 1 of 17 before


def test_ninth_batch_figures() -> None:
    """Clauses after a comma, overpromising, 'oversold', 'for no reason', 'X's lack of'."""
    recall, fpr = _score(NINTH_BATCH)
    assert recall >= 0.8, recall  # measured 0.867 (13 of 15); 0.733 before issue 11's classes
    assert fpr <= 1 / 17, fpr  # measured 0.000 (0 of 17)


def test_tenth_batch_figures() -> None:
    """The latest batch: no false positives, recall above what it was before its fixes."""
    recall, fpr = _score(TENTH_BATCH)
    assert recall >= 0.8, recall  # measured 0.867 (13 of 15); 0.600 before issue 11's classes
    assert fpr <= 1 / 17, fpr  # measured 0.000 (0 of 17)


def test_untuned_batch_figures() -> None:
    """Written untuned, but its sentences were in view while issue 11's classes were added
    (timing, walking away, 'treats ... as', a cost 'on X'), so it is no longer held-out."""
    recall, fpr = _score(ELEVENTH_BATCH)
    assert recall >= 0.8, recall  # measured 0.867 (13 of 15); 0.400 (6) before issue 11
    assert fpr <= 1 / 17, fpr  # measured 0.059 (1 of 17)


CORPUS = REPO / "analysis" / "corpus" / "blame.yaml"


def test_training_corpus_figures() -> None:
    """The team's invented tuning corpus (blaming one individual vs hard negatives). The
    detector was tuned on it, so these are training figures, not held-out ones."""
    import yaml

    corpus = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    rows = [(t, True) for t in corpus["blaming"]] + [(t, False) for t in corpus["not_blaming"]]
    recall, fpr = _score(rows)
    # Issue 11 added 615 blaming and 848 not-blaming invented rows (one shape class at a time),
    # then seven blind batches (550 / 609 rows) and three blind batches of non-blaming answers
    # that mention people (450 rows), once each had been scored and studied.
    # Then blind batches 13-20 (639 / 1350 rows), which also train the learned reader, and
    # blind batches 22-35 (1120 / 2379 rows; most of what the new batches hold, the rules
    # never saw), then helper batches 36-52 (1,360 / 2,890 rows, studied before they were
    # added), then helper batches 53-60 (640 / 1,352 rows, scored unread in two sessions
    # first).
    assert recall >= 0.83, recall  # measured 0.844 (4436 of 5253); 0.850 before batches 53-60
    assert fpr <= 0.014, fpr  # measured 0.012 (121 of 10323); 0.013 (6 of 454) at first


def test_dev_set_figures() -> None:
    if not EVAL.exists():
        pytest.skip(f"dev set not found at {EVAL}")
    rows = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines()]
    recall, fpr = _score([(r["text"], r["blaming"]) for r in rows])
    assert recall >= 0.85, recall  # measured 0.933 (14 of 15)
    assert fpr <= 0.03, fpr  # measured 0.000 (0 of 205)


REAL = REPO.parent / "shared" / "eval" / "real_retro_dev.jsonl"


def test_real_set_figures() -> None:
    """Real public retros (measure only): no blame flagged on items that do not blame."""
    if not REAL.exists():
        pytest.skip(f"real set not found at {REAL}")
    rows = [json.loads(line) for line in REAL.read_text(encoding="utf-8").splitlines()]
    recall, fpr = _score([(r["text"], r["blaming"]) for r in rows])
    assert fpr == 0.0, fpr  # measured 0.000 (0 of 163)
    assert recall >= 0.5, recall  # measured 0.500 (1 of 2 blaming items)


def test_long_runs_of_names_finish_and_read_right() -> None:
    """A name repeated 2,000 times (the speed is measured in `bench/bench_redaction.py`,
    ~1 s for both on two shared cores; the ceiling here only catches a regex that
    backtracks without end, which would take minutes)."""
    import time

    t0 = time.perf_counter()
    assert rule_and_reader_phrases("Ana " * 2000) == []
    assert rule_and_reader_phrases("Ana, " * 2000 + "broke it") != []
    assert time.perf_counter() - t0 < 30.0


# Issue 11: classes of blame added after studying the misses of the first fresh batch by
# grammatical shape (tests/analysis/blame_fresh_batch.py). One invented sentence per
# class; none comes from an evaluation file or from either fresh batch.
NEW_CLASSES: list[tuple[str, str]] = [
    ("informal spelling", "if Wren had checked the logs we wouldnt have lost a day"),
    ("lower-case i", "i was the one who merged it without reading, my bad"),
    ("handle", "@dario_k deleted the staging bucket"),
    ("initials", "JT ignored the rollback plan"),
    ("unknown capitalised name", "Olusola rewrote the importer without telling anyone"),
    ("sarcastic thanks", "cheers Dobromir, deleting the prod bucket was a bold move"),
    ("thanks to X and a loss", "Thanks to Ermenegildo we spent Sunday restoring backups"),
    ("broken promise", "Fenella promised the export by Friday and it never came"),
    ("duty undone", "Ottokar was meant to renew the licence but it never happened"),
    ("rhetorical who lets", "who lets Wiremu anywhere near the billing cron"),
    ("wish a habit away", "I wish our director would stop moving the launch date"),
    ("work sat with one person", "the contract sat with the legal counsel for six weeks"),
    ("trouble equated with work", "outage 3: Perpetua's migration script"),
    ("scare-quoted work", "the PM's 'small tweak' took checkout down for an hour"),
    ("scare-quoted act", "our PO decided to 'simplify' the billing model"),
    ("signed off despite failures", "the release manager signed off with nine open blockers"),
    ("let it run", "the facilitator let the retro run 90 min"),
    ("any act on the wrong thing", "the account manager quoted the client the wrong price"),
    ("competence with adverbs", "Dagfinn is clearly not competent enough to lead this"),
    ("risky change at a bad moment", "Ottilie upgraded the cluster the night before launch"),
    ("against advice", "Gervase deployed it against everyone's advice"),
    ("walking away", "the incident lead logged off in the middle of the outage"),
    ("a cost on one person", "That whole wasted week is on Anneliese."),
    ("result after so", "Ruadhan pasted the old rates into the sheet, so every invoice was wrong"),
    ("claim contradicted", "Pelagia said the tests passed. They hadn't even run."),
    ("rubber-stamping", "Sindri approved 40 PRs in five minutes"),
    ("broad blameworthy act", "Yevgenia misled the client about the timeline"),
    ("concerns dismissed", "our CTO dismissed every risk we raised"),
    ("blamed others for own fault", "Lysander blamed support for his own typo"),
    ("self counterfactual", "if I had double checked the numbers we'd have caught it"),
    ("cleft without it", "was me who forgot to book the venue"),
    ("data leaked to a public place", "the intern pasted the API keys into a public channel"),
    (
        "left others to clean up",
        "Hildegard walked away from the incident and left us to explain it to the client",
    ),
    ("a name alone, then the act", "the outage? Gunnar. restarted the wrong node by hand."),
    ("an idiom of neglect", "our delivery lead was asleep at the wheel all quarter"),
    ("work sent with stale data", "Clothilde sent the board pack with last quarter's figures"),
    ("closed before it was done", "Teodoro closed the ticket before it was actually fixed"),
    ("a promise trailing off", "Maelys said she'd update the runbook and just... didn't"),
    ("a rare surname acting", "Rafferty vetoed the rollback and we stayed down all night"),
    ("a chat opener before the subject", "tbh Wynfrith was checked out the whole sprint"),
    ("personal data shared", "the analyst emailed the raw salary data to the whole department"),
    (
        "a failure because of what one person did",
        "the import failed because Sunniva ran it against the old schema",
    ),
    ("merge and leave", "Eskil merged the schema change at 6pm and went home"),
    (
        "a kept-waiting complaint",
        "the director kept us waiting two hours for a five-minute decision",
    ),
    ("risky access granted", "Hyginus gave the agency admin rights on the production account"),
    (
        "a promise kept late",
        "Wendeline promised the export by monday, it arrived the following thursday",
    ),
    ("sold what we do not have", "our account exec sold an integration we don't have"),
    ("estimates judged", "Kasimira's estimates are wildly optimistic every single sprint"),
    (
        "sarcastic thanks for a risky push",
        "cheers Torvald for deploying straight to prod on a bank holiday",
    ),
    (
        "a promise across sentences",
        "Liesbeth said she'd book the room. She didn't, and we lost the slot.",
    ),
    (
        "trouble started when one person acted",
        "Things went sideways when Ilaria decided to refactor the billing module",
    ),
    (
        "a heavy change at peak time",
        "The DBA ran the ALTER on the orders table at noon on a weekday.",
    ),
    ("told not to, did anyway", "the intern pushed to main, and he was told not to"),
    (
        "acting before telling those affected",
        "Our VP announced the reorg on Slack before telling the managers",
    ),
    (
        "walking off with the only copy",
        "Anselma left the office with the only laptop that could sign the release",
    ),
    (
        "a call to skip, and its irony",
        "our lead made the call to skip the security review, and here we are",
    ),
    ("a scare-quoted excuse", "Pilar kept 'forgetting' to assign reviewers"),
    ("'s been", "he's been useless since day one"),
    (
        "wrong data sent on",
        "the analyst ran the report against the test db and sent it to the board",
    ),
    ("whoever and any past act", "whoever flushed the queue on release day, why"),
    ("my call to skip", "it was my call to skip the dry run and it bit us"),
    ("still hasn't", "the architect still hasn't answered our questions from March"),
    ("gold-plating", "Tilde spent a week gold-plating a report nobody reads"),
    (
        "the shared thing taken for oneself",
        "Jarl took the staging env for his own testing all week",
    ),
    ("work judged rude", "Anouk's review comments were rude and unhelpful"),
    ("a secret committed", "Rasmus committed his api token to the repo again"),
    ("a destructive command", "the intern ran rm -rf on the shared server"),
    ("a scare-quoted justification", "Halvard hard-reset the production database 'to be safe'"),
    ("a scheduling clash", "the PM scheduled the launch on the same day as the company offsite"),
    (
        "work with the wrong formula",
        "Ingrid's spreadsheet had the wrong formula and we invoiced everyone double",
    ),
    ("a scare-quoted act", "Kirsti 'reviewed' my PR in 30 seconds"),
    ("slang for recklessness", "Sten yolo-merged his PR at 5pm friday"),
    ("'MIA' is absence, not a name", "ngl the PO was MIA for most of the sprint"),
    (
        "customer data sent around",
        "Tobbe pinged the whole company channel with a customer's personal data",
    ),
    ("sprung on the team", "the CTO sprang a re-architecture on us halfway through the quarter"),
    ("a bare role at the start", "PM kept changing the scope every week"),
    ("a bare role in a bullet", "- PO never showed up to refinement"),
    ("'you' said to a named person", "You broke prod, Ansgar."),
    ("an insinuation", "Not naming names but someone pushed to main again"),
    ("committed before it was ready", "our PM committed to a date before the spike was done"),
    ("a promise broken day after day", "Joost promised the fix by EOD three days in a row"),
    ("'done' when it was not", "Gro told the client it was done when it wasn't even started"),
    ("should not be doing", "honestly [name] should not be doing code reviews"),
    ("a secret left in a document", "Fridtjof kept the API keys in the repo readme"),
    (
        "an act and what we could not do",
        "Asbjorn took the demo laptop home and we couldn't present",
    ),
    ("a private fact disclosed", "our manager shared my salary in a team meeting"),
    ("a thing accepted though broken", "the PO accepted a story that was obviously broken"),
    ("done twice to everyone", "the intern's script emailed every customer twice"),
    ("without a word", "our lead dev rewrote my module over the weekend without a word"),
    ("the writer too slow", "i was way too slow to escalate and it made the outage longer"),
    ("security switched off", "Magnhild turned off two-factor on the admin account a year ago"),
    ("knowledge kept to oneself", "the architect designed a system only he can deploy"),
    ("a clash with the release", "our EM scheduled the offsite on the release weekend"),
    ("others' work undone", "Ottilia merged the branches backwards and undid a week of fixes"),
    ("released with a known defect", "the QA lead let the release go out with a known crash"),
    ("out of all proportion", "Oddvar blocked the merge for a week over variable names"),
    ("handed over with nothing", "Randi handed the project over with zero notes"),
    ("kept quiet until found out", "Preben kept the incident quiet until the customer noticed"),
    ("nobody left on call", "the release manager shipped on a public holiday with nobody on call"),
    ("feedback given in public", "Our EM gave the promotion feedback in a group chat"),
    ("work that does not do its job", "the contractor's tests don't actually test anything"),
    ("a habit let run", "our scrum master lets standups run forever"),
    ("work full of errors", "Henrietta's spreadsheet was full of errors"),
    ("internal facts given out", "the account manager gave the client our internal timeline"),
    ("a promise then leave", "Maiken promised the report by friday and went on leave"),
    ("a break taken mid-incident", "Ansel took a two-hour lunch during the outage"),
    (
        "the best work kept for oneself",
        "the team lead assigned himself all the interesting tickets",
    ),
    (
        "presented before review",
        "our designer presented the mockups as final before we'd even reviewed them",
    ),
    ("root for everyone", "the sysadmin gave everyone root because it was 'easier'"),
    (
        "the old removed before the new exists",
        "Jadranka deleted the old runbook before the new one was written",
    ),
    (
        "'live' while still in QA",
        "Quillon told the client the feature was live when it was still in QA",
    ),
    ("thrown over the wall", "the PM threw the new requirements over the wall on the last day"),
    (
        "a cost the company cannot bear",
        "the sales director gave the client a discount we can't afford",
    ),
    ("a meeting turned sour", "the facilitator turned the retro into a blame session"),
]
NEW_EXCLUSIONS: list[tuple[str, str]] = [
    (
        "a refusal for a stated defect",
        "The QA lead blocked the release because the regression suite was failing.",
    ),
    ("an act the team agreed", "Ilaria force-pushed the branch after we all agreed to reset it."),
    (
        "a question asked about something else",
        "Wolfram asked why the deploy was skipped and got no answer",
    ),
    ("a blame taken back", "We blamed Casimir at first, but it turned out to be a DNS issue"),
    ("a role word naming a thing", "the QA env kept falling over, Leandro spent days on it"),
    ("a failing word as an adjective", "Philomena cleaned up the abandoned branches"),
    ("sincere thanks to a person", "Thanks to Rosaura for restoring the backups over the weekend."),
    ("pride, not fault", "I'm proud of how we handled the missed deadline as a team"),
    ("another subject after 'after'", "She rebuilt the calendar after the sync tool deleted it."),
    ("a plural ordinary word at the start", "Workarounds were added by hand and never documented."),
    ("not knowing is no fault", "I didn't know the job had moved, so we lost an hour"),
    (
        "a noun after a bad-timing verb stem",
        "Our release captain paused merges during the code freeze.",
    ),
    ("a claim confirmed", "Pelagia said the tests passed, and they had."),
    ("a wish for more of someone", "I wish Odalys could stay on the project longer."),
    (
        "thanks naming no failure",
        "Great job Dobromir, the migration was a bold move and it paid off",
    ),
    (
        "leaving early is no fault",
        "Ermentrude left early on Friday for a family thing, totally fine",
    ),
    ("a failure because of a person's thing", "the demo failed because Sunniva's laptop died"),
    (
        "a common word acting is no person",
        "Scope kept growing because the requirements were never frozen.",
    ),
    ("the writer vindicates the act", "Brunhilde vetoed the Friday deploy and she was right"),
    (
        "a benign reason for an absence",
        "Ludovica missed the planning because she was at a conference",
    ),
    ("not told by anyone", "Yolanthe couldn't join the incident call because nobody paged her"),
    ("housekeeping, not damage", "the DBA dropped the unused indexes and queries got faster"),
    ("a negated object", "Annelie wasted no time getting the fix out"),
    ("advocacy, not a habit", "Wiebke kept pushing for better tests"),
    ("'said nothing was'", "Ignacy said nothing was broken, and it wasn't"),
    (
        "the cause put on a thing",
        "I followed the runbook and still missed a step, the runbook was outdated",
    ),
    ("left out of the loop", "Gaudenzia wasn't on the invite so she missed the decision"),
    ("a personal item forgotten", "Faustino forgot his charger, we lent him one"),
    ("a possessive work that broke nothing", "the intern's first PR broke nothing"),
    ("a verb is no role modifier", "the vendor got admin rights through a misconfigured role"),
    (
        "blame others lay, reported",
        "people blame Kalinde for slow reviews but she covers three teams",
    ),
    ("kept on track", "Hugo kept us on track despite the date moving twice"),
    ("owning up", "Dagmara owned up to her mistake in the retro, respect"),
    ("'shared' as an adjective", "Hortense rotated the shared admin password and told everyone"),
    ("a double negative is praise", "Padraig never misses a standup"),
    (
        "a purpose stated",
        "the PM scheduled the retro on the same day as the demo so people could attend both",
    ),
    ("a sacrifice", "Brendan skipped lunch to get the fix out, please don't do that"),
    (
        "something nobody needed removed",
        "Cathal dropped the meeting because nobody needed it anymore",
    ),
    ("taking what nobody wanted", "Sorcha took the on-call shift nobody wanted"),
    (
        "a quoted word far from any person",
        "Bertil: I guess new members would be 'approved' to join later",
    ),
    ("'you' with praise", "You did great, Ansgar!"),
    ("a bare role with an action item", "PM to send the agenda before Friday"),
    ("'you' with nobody named", "you broke it, but so did all of us at some point"),
    ("the person is the one ignored", "Helle raised concerns early and was ignored by all of us"),
    ("a company named 'partner'", "the integration partner kept changing their API"),
    (
        "the cause put on the message",
        "I misread the client's email, but the email was genuinely ambiguous",
    ),
    (
        "a defence after 'but'",
        "the previous PM left no documentation, but he was only here a month",
    ),
    (
        "a good act about someone else's failure",
        "Ingebjorg caught an invoice for work that was never delivered",
    ),
    ("the writer busy", "I was so busy this sprint"),
    (
        "a concession about someone's diligence",
        "the architect reviews every design, even ones he didn't write",
    ),
    (
        "planned leave is no fault",
        "our release manager was on holiday during the launch, planned months ago",
    ),
    (
        "late because of our own change",
        "the contractor delivered two weeks late because we changed the spec",
    ),
]

# Classes generalised from the second blind batch's misses (by shape; these sentences are
# new, none of them is from the batch).
NEW_CLASSES += [
    ("a bare role with a modifier", "infra guy wiped the prod volumes without a backup"),
    ("a bare role after a dash", "-- product owner skipped every backlog refinement this quarter"),
    ("a bare role sitting on work", "qa lead sat on the test plan for two weeks"),
    ("passive with two verbs", "the demo env was left broken by Eero the night before the pitch"),
    ("reduced relative by a person", "hotfix pushed w/o review by Sunniva, took payments down"),
    ("agent outside the change window", "router config edited by Radu outside the change window"),
    (
        "muted, and nobody told",
        "the pager was silenced by the on-call engineer and nobody was told",
    ),
    ("a possessive act that bypassed", "Root cause: Ilse's deploy bypassed the staging checks"),
    (
        "a decision judged a disaster",
        "Ruairi's decision to swap the ORM mid-project was a disaster",
    ),
    (
        "a call as the whole reason",
        "the director's call to drop the beta is the whole reason we slipped",
    ),
    ("'bcs of' a person", "the import broke bcs of Nnamdi's script"),
    ("a rhetorical 'so hard for X'", "Is it that hard for Wojciech to update the ticket?"),
    ("a rhetorical 'would it kill'", "would it kill the PM to answer a message before Friday"),
    (
        "'can we talk about how'",
        "Can we talk about how Grete deleted the shared drive 'by accident'?",
    ),
    (
        "a question answered with a name",
        "who ships a migration at midnight? Stanislav does, apparently",
    ),
    (
        "trouble from one person",
        "All the rework came from one person who ignored the design review",
    ),
    ("a name and 'again'", "Bogdana, again. Second release she forgot the changelog."),
    (
        "a consequence for the sprint",
        "she handed the specs over a week late, which wrecked our sprint",
    ),
    ("a duty undone with an ellipsis", "Oddny was supposed to book the venue and just... didn't"),
    ("'not naming' alone", "someone (not naming) kept merging to main without tests"),
]
# ... and from the third blind batch's misses and false positives (again new sentences).
NEW_CLASSES += [
    (
        "a reduced relative with an irregular participle",
        "The outage came from a patch made by Ulrike on a Friday at 6pm.",
    ),
    (
        "a promise nobody agreed to",
        "our account lead promised a go-live date nobody on the team had estimated",
    ),
    (
        "'who ...? apparently X does'",
        "Who restarts the database mid-demo? Apparently Tadeusz does.",
    ),
    (
        "'great job by X' and a failure",
        "Great job by Halvard deleting the shared calendar, lovely morning",
    ),
    ("a bad outcome 'bc' of an act", "the newsletter flopped bc Ximena sent it to the test list"),
    ("'unfortunate that X ...'", "Unfortunate that Leocadia leaked the pricing to the competitor."),
    ("work dumped on others", "Gerlinde dumped all her open tickets on the interns before leaving"),
    ("'why did X ...?'", "Why did Anselm push the schema change at midnight without a review?"),
    (
        "thanks with a scare-quoted adverb",
        "Thanks, Quirin, for 'briefly' taking the VPN down during payroll.",
    ),
    (
        "a role before a handle",
        "Timeline: maintainer @vasko force-pushed over the tag and broke every mirror.",
    ),
    (
        "trouble from a person's work",
        "The invoice errors came from Brunhild's macro, which she never tested.",
    ),
    (
        "'the moment X decided'",
        "it all went sideways the moment Wendelin decided to skip the vendor's guide",
    ),
    (
        "self as the bottleneck",
        "I was the bottleneck this sprint, every review sat in my queue for days",
    ),
    (
        "'except X ...'",
        "Good launch overall, except Sigrun skipped the smoke test and checkout broke",
    ),
    ("'pretend it wasn't X'", "let's all pretend it wasn't Ottokar who disabled the backups"),
    ("'just ... and moved on'", "The alert was real; Vidar just silenced it and moved on."),
]
# ... and from the fourth blind batch's misses and false positives (new sentences).
NEW_CLASSES += [
    (
        "warned and went ahead",
        "Mr. Ferreira pushed the cutover even though security warned him twice.",
    ),
    (
        "knowledge kept in one head",
        "our billing lead kept every pricing rule in his head and then resigned",
    ),
    (
        "a consequence for others",
        "Art lead changed the palette twice; each time the modellers had to start over.",
    ),
    ("too late to matter", "Radim reviewed the PR a week later, by which point main had moved on."),
    ("a bare role with three modifiers", "day-shift dispatch supervisor ignored the disk alarm"),
    (
        "a promise the writer says cannot be kept",
        "Zainab told the client we could ship in May. We cannot.",
    ),
    (
        "a stall put down to a person",
        "The audit stalled because Joakim redefined the scope every week.",
    ),
    ("a scare-quoted purpose", "Ms. Varga copied the patient list to a USB stick to 'save time'."),
    (
        "a quoted boast before the fall",
        '"Trust me, it is a one-line change" - Oswaldo, an hour before the outage.',
    ),
    (
        "a wish said to 'a certain' role",
        "Would have been nice if a certain tech lead had read the RFC.",
    ),
    (
        "'loved how X' with a failing",
        "Loved how our PM cancelled planning three times and then asked for dates.",
    ),
    (
        "'first move was to blame'",
        "Benedikt's first move was to blame QA instead of reading his own diff.",
    ),
    (
        "'let it sit'",
        "Launch slipped because Wanjiru let the contract sit in her inbox for a month.",
    ),
    (
        "un-approved after the work",
        "The client lead approved the copy, then un-approved it after print.",
    ),
    (
        "harsh review comments",
        "Eamon's review comments were brutal and two interns stopped contributing.",
    ),
    ("because of him", "Two people asked to leave the project because of him."),
    ("the writer's 'mea culpa'", "Mea culpa: I signed off the invoice without checking the hours."),
    (
        "'didn't help that X ...'",
        "Didn't help that the venue manager kept overruling the fire marshal.",
    ),
    (
        "broken English negation",
        "Problem was mostly Mr. Novak, he not inform anybody about the shutdown.",
    ),
    ("a job left undone", "- changelog: never written. Ilkka's job. no excuse"),
    (
        "an act before the results",
        "Our CTO signed the vendor contract before the benchmark results were in.",
    ),
]
NEW_EXCLUSIONS += [
    (
        "'never touched it' defends",
        "People say Jiri caused the bug, but the logs say otherwise. He never touched it.",
    ),
    (
        "reported it herself",
        "Ms. Laine reported the leak herself as soon as she saw the misconfigured bucket.",
    ),
    (
        "an incredible job",
        "Rosalind did an incredible job rebooking the band after the agency double-booked them.",
    ),
    (
        "cancelled because it was down",
        "Kasimir cancelled the load test because the cluster was down, and said so right away.",
    ),
    (
        "blame the writer takes back",
        "I originally wrote that Agnes caused the mismatch, but I was wrong: it was a sync bug.",
    ),
]
NEW_EXCLUSIONS += [
    (
        "'nobody's fault' later in the sentence",
        "Rasmus couldn't ship earlier because legal hadn't signed, which is nobody's fault",
    ),
    (
        "did everything she could",
        "The lineup fell apart after two cancellations — Jorunn did everything she could.",
    ),
    (
        "a good act before a failure",
        "@mirek restored the deleted branch after the protection rule failed.",
    ),
    (
        "a dash starts a new clause",
        "Ilka and I debugged the disk alert — turns out rotation was never configured.",
    ),
    (
        "a failure the writer calls systemic",
        "The intern ran the script against prod, but nothing stopped it. That's a process failure.",
    ),
    (
        "without her it would not have happened",
        "Mette got the parts couriered in time — without her the demo wouldn't have happened.",
    ),
    (
        "the reason it went smoothly",
        "Ottilie's checklist is the reason the second run went smoothly.",
    ),
    (
        "followed the checklist",
        "Whoever deployed on Monday followed the runbook exactly; the runbook was missing a step.",
    ),
    (
        "a participle after 'the'",
        "The new tester raised the hardcoded token in her first week and we still haven't fixed it.",
    ),
]
NEW_EXCLUSIONS += [
    ("a machine named like a role", "the ingress controller dropped half the requests"),
    ("a build agent", "the build agent skipped the integration tests again"),
    ("a package manager", "Our package manager broke the lockfile twice"),
    ("a good act by a person", "The crash was fixed by Liesel in ten minutes."),
    ("a neutral question answered", "Who owns the runbook? The SRE lead does."),
    ("a question about a good act", "Who fixed the outage? Priya did!"),
    ("an idea from one person", "The idea came from one person, our designer."),
    ("a kudos 'again'", "Yusuf, again!"),
    ("a talk about a neutral act", "Can we talk about how Priya ran the demo?"),
    ("not even on shift", "the DBA wasn't even on call when it failed, stop pinging her"),
    (
        "blame reported then disputed",
        "people say it was Arvid's mistake but the form was confusing",
    ),
    ("tech debt is no person", "Tech debt caused most of the delay."),
]

# From the misses of blind batches 5 and 6 (new sentences).
NEW_CLASSES += [
    (
        "an incident triggered by a person's work",
        "The outage was triggered by Benedek's hand edit to the DNS zone.",
    ),
    ("work judged the root cause", "Ottoline's call to skip the soak test is the root cause."),
    ("work that has been a mess", "Yaw's handling of the vendor has been a mess since March."),
    (
        "a scare-quoted excuse with 'too'",
        "The rollout failed - Kalinda was 'too busy' to update the config.",
    ),
    (
        "an act before the patch was live",
        "Support drowned because Radu announced the fix before the patch was live.",
    ),
    (
        "warned and did it anyway",
        "Sigrid pinned the old driver despite being warned about the bug.",
    ),
    (
        "a quoted claim contradicted",
        "Tancredi said the migration was 'basically done'. It was basically not started.",
    ),
    (
        "a cause named with 'thanks to'",
        "Invoices were wrong for a month thanks to Ilaria's rounding logic.",
    ),
    ("'courtesy of' a person's work", "Another missed deadline, courtesy of Ingeborg's estimates."),
    (
        "blocked waiting on one person",
        "We were blocked for a week waiting on Auberon to approve one PR.",
    ),
    ("everything one person touched", "Everything Leocadio touched this sprint needed rework."),
    ("'why is it always X's'", "Why is it always Imre's deploys that need a rollback?"),
    ("'stop letting X'", "Stop letting Dagfinn edit the firewall rules."),
    (
        "an outcome put down to a role's act",
        "The notes were wrong because the docs lead copy-pasted last year's.",
    ),
    (
        "'and, predictably, truncated'",
        "the contractor got prod access and, predictably, truncated the orders table",
    ),
]
# From blind batch 7's false positives (8 of 100 before; new sentences).
NEW_EXCLUSIONS += [
    ("an injury", "Maren broke her ankle and was out for a week; the plan had no slack for it."),
    (
        "the writer puzzled",
        "Oskar, can you explain the retry logic? I still don't get why it stalled.",
    ),
    ("'not in anything X wrote'", "The memory bug was in the SDK, not in anything Priyanka wrote."),
    ("a benign clash", "Tomasz missed the demo because it clashed with the board meeting."),
    (
        "a warning vindicated",
        "Inka pointed out in May that nobody had tested restores. She was right.",
    ),
    (
        "a call vindicated later",
        "The art director made the call to cut the level. Unpopular, but it was the right move.",
    ),
    (
        "others' blame questioned",
        "dunno why people keep saying it was Arno's change. it was reverted and it kept failing",
    ),
    (
        "'the one who noticed'",
        "Zuzana was the one who noticed the backup job never ran; she wrote it up.",
    ),
]
# From a second blind batch of 150 such answers (3 flagged before: 2.0%).
NEW_EXCLUSIONS += [
    (
        "an action item about a failure",
        "Sione will investigate why the backup job failed for a week",
    ),
    (
        "a good act after a thing broke",
        "our DBA rebuilt the replica after the vendor's patch broke replication",
    ),
    (
        "two people together",
        "Amara and the release lead ran the rollback together during the incident",
    ),
]
# From a blind batch of 150 non-blaming answers that mention people (9 flagged before).
NEW_EXCLUSIONS += [
    (
        "thanks, and the failing is the test's",
        "Thanks Wiremu for fixing the job that kept breaking deploys",
    ),
    (
        "a handle then an action item",
        "@ikaur: add a retry to the export (it failed twice this week)",
    ),
    (
        "a speaker then a sentence of its own",
        "Folake: the signage was unclear and a few of us were late.",
    ),
    (
        "a negated passive",
        "The outage wasn't caused by Pieter's migration, the disk was already full.",
    ),
    ("a request to a person", "@lkoval can you check why the nightly job failed?"),
    (
        "names listed in brackets",
        "Handover between the day (Arjun) and night (Mei) shifts dropped a page.",
    ),
    ("a negated cleft", "it wasnt Eitan who broke staging, the cron job did"),
    (
        "sincere thanks for work at night",
        "Kudos to the on-call engineer for writing up the timeline at 2am.",
    ),
]
NEW_EXCLUSIONS += [
    ("a bare function is no person", "QA started two days before the release."),
    ("a gerund is no person", "Prefetching hammered the cache and the site couldn't serve pages"),
    (
        "the failing is the relative clause's",
        "Release manager signed off a checklist that didn't include the new service.",
    ),
]
NEW_EXCLUSIONS.append(
    (
        "an abstract noun is no person",
        "Deduplication in the ingest job caused workers to hold memory they didn't use.",
    )
)

# From blind batch 8 (57 of 80 found before it was studied; the next blind batch, 9, was
# found no better after: rules learnt from one batch did not carry over to the next).
NEW_CLASSES += [
    (
        "a person's act is why it went wrong",
        "Marit parking the vendor contract for a month is why the launch slipped.",
    ),
    (
        "caused by work a person did",
        "The data loss was caused by a cleanup job Tevita ran against the wrong bucket.",
    ),
    (
        "after a person's change went out",
        "Ten minutes after Oksana's patch was deployed, checkout returned errors for everyone.",
    ),
    (
        "whose change was the root cause",
        "Kudos to most of you; less thanks to Idris, whose quick schema tweak turned out to be the root cause.",
    ),
    (
        "an order to stop what caused it",
        "Action for Lucas: stop skipping the staging step, since that's exactly what caused Tuesday's outage.",
    ),
    (
        "due to a person not doing",
        "The confusion was due to Halvard not updating the status page for half a day.",
    ),
    (
        "a bad outcome because of a person",
        "We missed the submission deadline because our lead author rewrote the methods section overnight.",
    ),
    (
        "the problem is a person not doing",
        "The problem is Cosmin is not reading the alerts before he closes them.",
    ),
    (
        "fault of, non-native",
        "Is fault of Radek, he delete the old index and not tell to the team.",
    ),
    (
        "a person sat on the work",
        "Our sponsor, Ms. Vasquez, sat on the budget sign-off for five weeks.",
    ),
    ("my act cost us", "Honestly my late review cost the team a full day of rework."),
    (
        "it was mine, oops",
        "The report that went to every client with the wrong totals was mine. Sorry.",
    ),
    (
        "'who' answered with the name",
        "Who approved a release with failing tests at midnight? Sunniva, apparently.",
    ),
    (
        "a person's decision judged",
        "Eamon's call to skip the pilot was short-sighted and it showed.",
    ),
    (
        "sarcastic thanks with scare quotes",
        "Thanks to Ottilie for 'tidying' the config by deleting half of it.",
    ),
    (
        "that was a person, who knew the rule",
        "Production credentials were pasted into the public chat. That was Benedek, and he knew the rule.",
    ),
    (
        "a quote said right before the fall",
        "'Nothing can go wrong with this one,' said Kalani, minutes before the database fell over.",
    ),
    (
        "counterfactual with 'even'",
        "if Jonas had just checked the backup we wouldn't even be talking about this",
    ),
    (
        "promised before it worked",
        "Can we talk about how Nuno promised the board a live demo before anything worked?",
    ),
]
NEW_EXCLUSIONS += [
    (
        "credit: the only reason we noticed",
        "Yara's alert is the only reason we caught the leak in time. Great work.",
    ),
    (
        "a shout out with a space",
        "Shout out to whoever cleaned up the runbooks, they finally make sense.",
    ),
    (
        "a plan, not a regret",
        "I'll write up the rollback steps, should have a first version on Friday.",
    ),
    (
        "did nothing wrong",
        "Teodora did nothing wrong, the scheduler fired the job twice on its own.",
    ),
    (
        "a loss that avoided worse",
        "When Ilias paused the rollout we lost half a day but avoided a far worse incident.",
    ),
    (
        "something never seen",
        "Could our release lead walk us through the freeze calendar? I've never seen it.",
    ),
    (
        "learning about oneself",
        "I realised I didn't really know how billing worked until I sat with the finance team.",
    ),
    (
        "others' blame answered",
        "Everyone keeps saying Jaroslav held up the merge, but he was waiting on the legal review.",
    ),
    (
        "which is why, of a passive",
        "Ruairi was moved to the incident mid-sprint, which is why his tickets slipped.",
    ),
    ("an answer of a bare auxiliary", "Who signs off the rota each week? Our PM will."),
    ("a reason that is a thing", "Reason: the vendor shipped the firmware late."),
    ("care at home", "Kwabena stayed home to look after his daughter, so the cutover slipped."),
    ("'who did it' answered with nobody", "Who did it: nobody, the nightly cron job did."),
    ("an organisation's service went down", "Checkout broke because Zorvex's service went down."),
    (
        "an organisation's service is no person's",
        "The SDK update broke integrations such as Zorvex's API without any notice to them.",
    ),
]


NEW_CLASSES += [
    ("a cause label naming one person", "Reason: Wendeline."),
    ("a cause label with a dash", "Cause - Casimir, again."),
    ("'who did it' answered with a name", "Who did it: Thorvald. Why: 'it was quicker'."),
    # A reviewer's finds on the first version of three gate rules: none may clear these.
    (
        "a long sentence ending on an auxiliary is no short answer",
        "Ana knew the migration would lock the table and ran it at peak anyway, like she always does.",
    ),
    ("sent home for a fault", "Ana was sent home for ignoring every page during the outage."),
    (
        "a person's work on a platform is theirs, not an organisation's",
        "We lost the weekend to Szczepanski's platform rewrite that nobody asked for.",
    ),
    ("time lost to one person's work", "Burned most of Tuesday on Wojtek's hotfix, twice."),
    ("time wasted on his or her work", "we wasted a whole sprint on her 'simple' config change"),
    (
        "a counterfactual with I'd",
        "If I'd proofread the flyer properly we wouldn't have reprinted 500.",
    ),
    (
        "the writer as the one who acted",
        "I was the one who waved the release through without a soak test.",
    ),
    (
        "the writer as the one who acted, at the reader's bar",
        "It was me who switched off the backup job to save disk.",
    ),
    (
        "an ambiguous given name before 'had bothered'",
        "if Frank had bothered to test on Safari we'd have known",
    ),
    (
        "a counterfactual with would've",
        "if the night porter had locked the side door the van would've still been there",
    ),
    (
        "a counterfactual with 'actually'",
        "if Quentin actually read the brief we'd have had the right logo",
    ),
    (
        "the outcome first, then 'if X had'",
        "we would have gone live on Monday if Ilse had signed the DPA",
    ),
    (
        "the outcome first, then 'if X' in the past",
        "we'd have hit the date if Bertil answered a single email",
    ),
    (
        "thanks for another weekend",
        "cheers Radka for another weekend of babysitting your cron jobs",
    ),
    (
        "a creative interpretation",
        "Thanks to Ilse's creative interpretation of 'code freeze' we shipped four new bugs.",
    ),
    (
        "a chief of a desk",
        "our copy chief sat on the correction for an hour while the error spread",
    ),
    ("'it was X' after nobody else", "no one else had the vault password. it was Teodor."),
    ("'it was me' after a failing", "The schema migration broke checkout. It was me."),
    ("'oh right' after a who-question", "Who pushed to prod during the freeze? Oh right, Teodor."),
    (
        "been nice if X had",
        "Would have been nice if the head of sales had mentioned the promo before it went live.",
    ),
    (
        "could, for once",
        "we'd have finished on time if Mr Grant could keep to a schedule for once in his life",
    ),
    ("a cleft ending up doing the deed", "Ana was the one who ended up deleting the prod bucket."),
    ("left to clean up someone's mess", "I was the one who had to clean up Ana's mess."),
    (
        "been nice if X could be bothered",
        "It would have been nice if Ana could be bothered to test it.",
    ),
    ("loved it if X had bothered", "We would have loved it if Ana had bothered to show up."),
    ("so much time lost", "We lost so much time on Ana's refactor."),
    ("a week lost to code review comments", "We lost a week to Ana's code review comments."),
    (
        "'it was X' after a failing and a question",
        "The build broke again. Who did it? It was Amir.",
    ),
]

NEW_EXCLUSIONS += [
    (
        "the outcome first, then help someone lacked",
        "We would have finished sooner if Ilse had more support.",
    ),
    (
        "the outcome first, then someone's absence",
        "we'd have hit the date if Bertil hadn't been off sick",
    ),
    (
        "the outcome first, then someone joining",
        "It would have been easier if Bertil had joined earlier.",
    ),
    (
        "a counterfactual about someone kept out of the loop",
        "If Ilse had been looped in earlier, she would have flagged the clash.",
    ),
    ("thanks for a weekend, plainly", "Thanks Radka for the weekend of load testing, it paid off."),
    ("thanks for the weekend, bare", "Big thanks to Radka for the weekend."),
    (
        "a temperature log is no temp worker",
        "Credit to Oskar, but the temp log sheet still lets anyone skip a reading.",
    ),
    ("a role's log is a thing", "The dispatcher log showed every call answered within a minute."),
    (
        "credit in a cleft after a failure",
        "The nightly build broke. It was Teodor who fixed it before standup.",
    ),
    ("a day off after a failure", "The deploy failed on Friday. It was Teodor's day off."),
    ("'it was X' after no failing", "Who organised the offsite? It was Teodor."),
    (
        "'it was X' answering who fixed it",
        "The server crashed at midnight. Who fixed it? It was Ana.",
    ),
    ("'it was X' after nobody else helped", "Nobody else volunteered to help. It was Ana."),
    ("no time lost", "We wasted no time on Ana's fix, it just worked."),
    ("little time lost", "We lost very little time on Ana's patch."),
    ("midnight oil, not time lost", "burned the midnight oil on Ana's release"),
    ("a day on release notes", "We lost a day on Ana's release notes review."),
    ("an electrical conductor", "The conductor failed and the whole circuit tripped."),
    ("a cleaner script and temp files", "The cleaner script deleted the temp files."),
    ("a vet bill", "The vet bill wiped out our budget."),
    ("a wish someone could join", "It would have been great if Ana could join the demo."),
    ("a wish someone presented", "We would have loved it if Ana presented the results."),
    ("joined late, contracted", "If I'd joined earlier I'd have loved to help."),
    ("thanks for a great weekend", "Thanks Ana for the great weekend in Lisbon!"),
    ("left to clean up", "I was the one who had to clean up the mess."),
    (
        "'it was X' after nobody else had the courage",
        "Nobody else had the courage to say it. It was Ana.",
    ),
    ("'it was X' after nobody else knew", "Nobody else knew the answer. It was Ana."),
    ("not a single minute lost", "We lost not a single minute on Ana's fix."),
]

NEW_EXCLUSIONS += [
    (
        "the writer as the one who did something good",
        "I was the one who set up the new on-call rota, happy to walk anyone through it.",
    ),
    (
        "I'd known: no act of the writer's",
        "If I'd known about the freeze earlier I would have planned around it.",
    ),
]

NEW_EXCLUSIONS += [
    ("time lost to a person's illness", "We lost three days to Radka's flu, nobody's fault."),
    ("time spent, not lost", "We spent two days on Radka's migration and it went fine."),
    ("time lost to a thing", "We lost the weekend to the platform rewrite."),
]


@pytest.mark.parametrize(("shape", "text"), NEW_CLASSES, ids=[c for c, _ in NEW_CLASSES])
def test_new_blame_class_found(shape: str, text: str) -> None:
    phrases = rule_and_reader_phrases(text)
    assert phrases, (shape, text)
    assert all(p in text for p in phrases)


@pytest.mark.parametrize(("shape", "text"), NEW_EXCLUSIONS, ids=[c for c, _ in NEW_EXCLUSIONS])
def test_new_exclusion_holds(shape: str, text: str) -> None:
    assert rule_and_reader_phrases(text) == [], (shape, text)


def test_informal_spelling_phrase_maps_back_to_the_input() -> None:
    """Offsets found on the regularised text ("wouldn't") point into the text as typed."""
    text = "Deploys were fine. if Wren had checked the logs we wouldnt have lost a day"
    assert rule_and_reader_phrases(text) == [
        "if Wren had checked the logs we wouldnt have lost a day"
    ]


def test_fresh_batch_figures() -> None:
    """The first fresh batch (written blind to the detector). Its misses were studied by
    shape for issue 11, so since then these are tuning figures, not held-out ones; the
    second blind batch is scored by the lead."""
    from tests.analysis.blame_fresh_batch import FRESH_BATCH

    recall, fpr = _score(FRESH_BATCH)
    assert recall >= 0.95, recall  # measured 1.000 (60 of 60); 0.700 (42) before issue 11 work
    assert fpr <= 1 / 80, fpr  # measured 0.000 (0 of 80)


@pytest.mark.parametrize(
    "text",
    [
        "The locum radiographer didn't check the request form and scanned the wrong knee.",
        "Our copywriter ignored the brand guide and the client rejected every banner.",
        "The night pharmacist skipped the second check, so the wrong strength went out.",
    ],
)
def test_occupations_are_single_roles(text: str) -> None:
    """Faker's occupation titles give the role nouns ("radiographer", "pharmacist")."""
    assert rule_and_reader_phrases(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The radiographer spotted the fracture the first reader missed, thank goodness.",
        "The CI runner ignored the cache and rebuilt everything.",
        "The worker pool skipped jobs when the queue filled up.",
    ],
)
def test_occupations_without_fault_and_machine_heads_are_not_blame(text: str) -> None:
    assert rule_and_reader_phrases(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Slow reply to the sponsor. That was me, I forgot to forward it for a week.",
        "I signed the venue contract without ever reading the cancellation clause.",
        "Kofi merged the schema change without even running the migrations locally.",
    ],
)
def test_owning_up_and_corners_cut_with_an_adverb(text: str) -> None:
    assert rule_and_reader_phrases(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Who set up the shared board? That was me, I hope it helped.",
        "I was the one who told the client about the delay, and they took it well.",
    ],
)
def test_owning_a_good_act_is_not_blame(text: str) -> None:
    assert rule_and_reader_phrases(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Mr Abara left the car park unattended and two vans were scratched.",
        "Our illustrator handed over the posters with zero bleed margins the night before print.",
    ],
)
def test_neglect_and_hand_over_with_something_missing(text: str) -> None:
    assert rule_and_reader_phrases(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Nadia shipped the release with zero downtime!",
        "Li sent the invoices with no issues at all.",
        "We left the booth unattended for lunch and nothing happened.",
    ],
)
def test_absence_that_is_good_news_is_not_blame(text: str) -> None:
    assert rule_and_reader_phrases(text) == [], text


def test_a_risky_decision_owned_by_one_person() -> None:
    assert rule_and_reader_phrases(
        "The choice to skip the dress rehearsal was the producer's alone."
    )
    assert (
        rule_and_reader_phrases("The decision to push the launch to Friday was the team's.") == []
    )
    text = "The decision to postpone was the CEO's, and honestly it was the right call."
    assert rule_and_reader_phrases(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # A passive act by one person with a corner cut in the rest of the clause.
        "The firewall rule was approved by Oskar without even reading the diff.",
        "Our cache config was pushed out by Lindiwe without a review.",
        "The export job was changed by the contractor and never tested.",
        "The release was rolled out by Wen with the debug flag still switched on.",
        "Hotfixes were applied to prod by Arvid without a change ticket.",
        # Promising what the team stood no chance of delivering.
        "The account manager promised a launch date we had no chance of hitting.",
        # Work handed over at the last moment by one person.
        "the copywriter handed over the final texts the day before the deadline",
        # A bare role sleeping through a page.
        "On-call engineer slept through two pages in a row.",
    ],
)
def test_passive_corners_hopeless_promises_and_late_handovers(text: str) -> None:
    assert rule_and_reader_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "The upgrade was pushed by Mateus without any downtime.",
        "The migration was finished by Ana without breaking anything.",
        "The budget was approved by the CFO without a fuss.",
        "We promised the client a date we had no chance of hitting.",
        "We handed over the designs the day before the deadline.",
        "I'd like Kalani to keep facilitating the retro, she's good at it.",
    ],
)
def test_good_absences_team_promises_and_wishes_to_continue_are_not_blame(text: str) -> None:
    assert not rule_and_reader_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "the schema change was botched by me, wrong index. lesson learned",
        "our delivery lead says yes to everything the client asks and we pay for it",
        "It was Radu who pushed for skipping the load test.",
        "Should have been caught. Inés reviewed it and approved in under a minute.",
        "Teodor flipped the feature flag at 6pm and went offline.",
        "the illustrator handed off the assets with no dark-mode versions. again.",
    ],
)
def test_self_passive_yes_to_everything_rushed_approvals_and_leaving(text: str) -> None:
    assert rule_and_reader_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "I regret that we didn't push back harder as a team on the scope.",
        "We said yes to every request from sales and paid for it.",
        "The team pushed for skipping the beta, in hindsight a mistake.",
        "Zanele approved the budget in under a minute, amazing.",
    ],
)
def test_team_regrets_praise_and_plain_leaving_are_not_blame(text: str) -> None:
    assert not rule_and_reader_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nice of Oluwaseun to mention the schema change AFTER we released.",
        "i was the one who dropped the staging db. sorry all",
        "Astrid said she'd run the smoke tests and she clearly hadn't.",
        "What made it worse was Henrique refusing to page anyone.",
    ],
)
def test_late_warnings_owning_up_denied_claims_and_what_made_it_worse(text: str) -> None:
    assert rule_and_reader_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nice of Oluwaseun to bring pastries after the release.",
        "I was the one who fixed it, sorry it took so long to ship.",
        "Astrid said she'd run the smoke tests and she had, all green.",
        "What made it easier was Henrique pairing with the new joiners.",
    ],
)
def test_kindness_late_fixes_kept_claims_and_help_are_not_blame(text: str) -> None:
    assert not rule_and_reader_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "He said he'd checked the backups. He hadn't.",
        "I was the one who said the cutover was safe. It wasn't. I'm sorry.",
        "Nice of Gunnar to book the database upgrade right on top of payroll day.",
        "The lab feed went live broken. It was signed off by Anil without a single test message.",
        "The incident commander refused to call the vendor.",
    ],
)
def test_denied_claims_late_apologies_bad_timing_and_blind_sign_offs(text: str) -> None:
    assert rule_and_reader_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "Keiko tuned the alert rules and pages dropped by half.",
        "He stepped in as host at the last minute and was brilliant.",
        "Nobody's to blame for Tendai's absence, he was in hospital.",
        "The printer driver update broke label printing on two wards.",
    ],
)
def test_measured_drops_praise_defences_and_machine_roles_are_not_blame(text: str) -> None:
    assert not rule_and_reader_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "Stock ran out on day two. Turns out Halvard never placed the reorder.",
        "Not to point fingers but Oyelaran was supposed to book the van and clearly didn't.",
        "I pushed the config to the wrong region. Entirely on me.",
        "Loved how Brannagh renamed every column the day before the export /s",
    ],
)
def test_opening_phrases_obvious_omissions_owning_up_and_sarcasm_tags(text: str) -> None:
    assert rule_and_reader_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "Turns out the handheld scanners never synced the parcels.",
        "Turns out Halvard never got the invite, so we resent it.",
        "Of course Oyelaran sorted it out within minutes.",
        "love how the deploy pipeline takes an hour now /s",
    ],
)
def test_opening_phrases_without_a_failing_person_are_not_blame(text: str) -> None:
    assert not rule_and_reader_phrases(text)


def test_learned_reader_weights_match_the_corpus() -> None:
    """The shipped weights were fitted on the corpora and rules as they are now (rewrite
    them with `python -m analysis.blame_model` after changing a corpus, the blame or
    redaction rules, or the features)."""
    from analysis import blame, blame_model

    shipped = json.loads(blame_model.MODEL_PATH.read_text(encoding="utf-8"))
    assert shipped["corpus_key"] == blame_model.corpus_key()
    assert shipped["threshold"] == blame_model.THRESHOLD
    assert shipped["person_only_threshold"] == blame_model.PERSON_ONLY_THRESHOLD
    assert blame._READER is not None


def test_learned_reader_scores_like_scikit_learn() -> None:
    """The plain-number reader gives scikit-learn's probability for the same fit."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from analysis import blame_model

    readings = [
        "person forgot the backup and we lost a day",
        "person forgot the keys again and we lost the room",
        "person skipped the review and the build broke",
        "person skipped the checks and the release broke",
        "thanks person for the backup plan",
        "thanks person for the review notes",
        "the vendor api broke the build again",
        "the build broke after the vendor update",
    ]
    labels = [1, 1, 1, 1, 0, 0, 0, 0]
    shipped = blame_model.fit(readings, labels)
    reader = blame_model.LinearReader(
        {g: tuple(v) for g, v in shipped["weights"].items()}, shipped["intercept"]
    )
    vectoriser = TfidfVectorizer(ngram_range=(1, 3), min_df=2, sublinear_tf=True)
    model = LogisticRegression(C=blame_model.C, max_iter=3000, class_weight="balanced")
    model.fit(vectoriser.fit_transform(readings), labels)
    for text in ("person forgot the review and the build broke", "thanks person, the vendor"):
        expected = model.predict_proba(vectoriser.transform([text]))[0, 1]
        assert reader.probability(text) == pytest.approx(expected, abs=1e-4)


def test_learned_reader_finds_blame_the_rules_miss() -> None:
    """Where the rules find nothing, a sentence naming a person and a bad outcome can
    still be read as blame (blind batch 19, never read: 59 -> 61 of 80, no more alarms)."""
    from analysis.blame import rule_phrases

    text = "Imke approved the invoice twice so we paid the supplier double"
    assert rule_phrases(text) == []
    assert rule_and_reader_phrases(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Ottilie didn't ignore the alarm, the pager app had logged her out.",
        "Tancredi forgot the permit renewal, and honestly that's on us: the reminder went to an old inbox.",
        "Yes, Corvin deleted the folder. Reasonable call at the time, it was marked as a temp copy.",
        "I don't think it's fair to say Wilma ruined the launch; the date moved twice.",
        "Hedda missed the cutover because the calendar invite went out with the wrong time zone.",
        "Roderick broke the staging config, but he did exactly what the handover doc said.",
        "I would push back on the idea that the courier lost it; the depot closed early.",
        "Whoever approved the banner text, it doesn't matter, proofing should be a step.",
        "Looked like Rosalind's mistake at first, but the template had the old logo baked in.",
    ],
)
def test_blame_rejected_excused_or_taken_on_by_the_team_is_not_blame(text: str) -> None:
    """Blame the writer reports to reject, an act whose reason is a thing, a denial
    followed by what happened, or a fault the team takes on (all fired before)."""
    assert rule_and_reader_phrases(text) == [], text


PERSON_ONLY_BLAME = [
    "Grete promised the signage for Tuesday and it turned up the following Monday.",
    "Why does Olwen get to bypass the change board every single time?",
    "Ferdinand told the client the feature was done when nobody had even started it.",
    "Apparently Ingrid thinks code review is optional for her own changes.",
]


def test_learned_reader_reads_a_person_without_failing_words() -> None:
    """A sentence that names a person but none of the failing words can still be blame at
    the higher bar (`blame_model.PERSON_ONLY_THRESHOLD`); the rules alone miss these.
    Counted, not one by one: the reader's scores for such sentences sit near that bar
    (0.86-0.99 here), so each refit moves one of them across it; the held-out recall
    floors above measure its quality."""
    from analysis.blame import rule_phrases

    assert all(rule_phrases(text) == [] for text in PERSON_ONLY_BLAME)
    found = [text for text in PERSON_ONLY_BLAME if rule_and_reader_phrases(text) == [text]]
    assert len(found) >= 2, found


@pytest.mark.parametrize(
    "text",
    [
        "Anselm never misses a handover, even on his days off.",
        "People keep saying the caretaker locked us out, but the key safe code had been changed.",
        "Isn't really an Evander issue that the export failed, the API changed under us.",
    ],
)
def test_learned_reader_stays_silent_on_praise_and_defences(text: str) -> None:
    assert rule_and_reader_phrases(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Halvor didn't ignore the disk alert - it landed in a muted channel.",
        "Tove missed the cutover because she was never told the date moved.",
        "Jens hard-coded the region because that's how every service in the repo did it.",
        "It looks like Sigrun's patch broke the export, but her patch only exposed an old bug.",
        "Whoever paused the queue had five minutes and no dashboard. Any of us would have paused it.",
        "Einar didn't write the migration notes because nobody budgeted time for them. "
        "That's a planning issue.",
    ],
)
def test_denials_reasons_done_to_the_person_and_planning_failures_are_not_blame(
    text: str,
) -> None:
    """A denial before a dash, a reason that is what was done to the person ("was never
    told"), a habit of the whole codebase, an appearance corrected, "any of us would
    have", a planning issue (all fired before)."""
    assert rule_and_reader_phrases(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Solveig wasn't ignoring the pager, her phone was enrolled in the new do-not-disturb policy.",
        "Liv shipped without the load test because the rig was down and we told her to go ahead. "
        "That was a decision we made together.",
        "Ragnar had only joined that week and had no access yet, so he couldn't help with the outage.",
        "Arvid ran the purge on prod because both configs sit in one folder with near-identical "
        "names. Could've been any of us.",
    ],
)
def test_a_decision_made_together_and_a_newcomer_are_not_blamed(text: str) -> None:
    assert rule_and_reader_phrases(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "great job to our PM for promising same-day refunds without asking finance 🙃",
        "night shift lead once again ignored the temperature alarms and the vaccines spoiled",
    ],
)
def test_praise_with_a_sarcasm_sign_and_a_role_opening_a_sentence(text: str) -> None:
    """An upside-down face turns the praise round; a role without an article opening the
    sentence is still one person."""
    assert rule_and_reader_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "I know people are annoyed with Torben, but he's a volunteer who was never briefed.",
        "ok the ticketing mix-up was NOT Ingrid, the vendor sent the wrong batch",
        "It was not Ingrid who broke the build.",
    ],
)
def test_anger_answered_and_a_person_cleared_by_name(text: str) -> None:
    assert rule_and_reader_phrases(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Not Ulrik's fault the freezer warmed - the pump lost power overnight and didn't restart.",
        "Britt did not hang up on the supplier, the conference line dropped twice.",
        "Noor didn't double-book the hall, the booking calendar showed it as free.",
        "No one person caused this.",
        "Whoever merged the chart bump did it through the normal process with two approvals.",
        "Maren was covering three sites with no backup, which nobody should have to do.",
    ],
)
def test_cleared_by_name_by_the_process_or_by_sympathy(text: str) -> None:
    assert rule_and_reader_phrases(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Whoever merged the schema change did what our process allows. "
        "Let's fix the process, not hunt for a person.",
        "whoever approved the config did it with two approvals and green CI; the checks never "
        "covered IPv6.",
        "Mirela spotted the rounding bug, she didn't cause it. The bug was in the vendor's library.",
    ],
)
def test_the_process_followed_and_a_finder_who_did_not_cause_it(text: str) -> None:
    assert rule_and_reader_phrases(text) == [], text


def test_band_members_are_single_roles() -> None:
    text = "we lost a day of recording because our drummer 'forgot' to back up the session files"
    assert rule_and_reader_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dave merged it with 0 approvals and broke prod.",
        "Dave skipped review instead of going through the normal process, and broke prod.",
        "Nobody should have to clean up after Dave every week",
        "Anyone else would have tested it, but Dave pushed it straight to prod.",
        "Dave didn't do it by the book and the migration failed.",
        "None of us knew Dave had deleted the backups",
        "We agreed together on a code freeze and Dave ignored it",
        "Dave ignored the alerts. The new hire had only joined that week.",
        "Dave never touched the runbook, so the restore failed.",
        "Dave didn't delete the old keys, so they leaked.",
        "we should just blame Dave, he deleted the prod database",
        "It isn't a big issue, but Dave keeps breaking the build",
        "It looks like a small thing, but Dave skipping the review cost us two days",
        "I don't blame Dave, but he really should have checked the logs.",
        "It was not Ingrid who broke the build, it was Dave.",
    ],
)
def test_blame_beside_the_words_that_clear_someone_still_counts(text: str) -> None:
    """The exonerations and rejections of this issue must not swallow blame that sits
    beside their words (review of the session's rules: each of these was lost once)."""
    assert rule_and_reader_phrases(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The dispatcher dropped half the events after the deploy.",
        "The builder failed to tag the image again.",
        "Merged into master on Friday and the release broke.",
        "Pushed to master without review and broke prod, classic.",
    ],
)
def test_software_named_like_trades_and_the_master_branch_are_no_people(text: str) -> None:
    assert rule_and_reader_phrases(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "the new seasonal lad left the mixer running unattended overnight.",
        "Our headteacher ignored the timetable clash and forty pupils had no teacher.",
    ],
)
def test_a_lad_and_a_headteacher_are_single_roles(text: str) -> None:
    assert rule_and_reader_phrases(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Dr Ferreira joined the sponsor call to explain why the visit reports were late.",
        "The on-call rotation ignored the disk alert because it fires every day.",
    ],
)
def test_a_role_word_before_a_meeting_or_a_rota_names_no_person(text: str) -> None:
    """One list of nouns after a role word that make it a thing (`blame._ROLE_THING`),
    shared by the rules and the learned reader's gate."""
    assert rule_and_reader_phrases(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Thanks to Oskar, we got through the holiday weekend without an outage.",
        "Thanks to Adaeze the outage was short.",
        "Thanks to Oskar, the incident was resolved in 12 minutes.",
        "Thanks Adaeze for breaking the migration plan down for us.",
        "Kenji reverted the change that caused the outage.",
    ],
)
def test_thanks_for_a_small_outage_a_revert_and_a_refusal_to_blame_are_no_blame(
    text: str,
) -> None:
    """Found by a fresh reviewer: causal "thanks to X" beside trouble kept small, "breaking
    ... down for us" as analysis, a fix that names what caused the outage."""
    assert rule_and_reader_phrases(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Thanks to Dave forgetting the cert, we had an outage.",
        "thanks Dave for breaking prod on a Friday",
        "I wouldn't blame the PM, but she really should have told us.",
    ],
)
def test_sarcastic_thanks_and_blame_after_but_still_count(text: str) -> None:
    assert rule_and_reader_phrases(text), text


@pytest.mark.parametrize(
    "text",
    [
        "I would not blame anyone but Marek, who pushed on Friday.",
        "I wouldn't blame the tooling, Tomas simply ignored the warnings.",
        "Thanks to Marek the release slipped again, the delay was minor but it keeps happening.",
        "Kenji rolled back the wrong release and took down checkout.",
        "Thanks Dave for breaking the login page up again, classic.",
        "Thanks Ana for breaking the database down, now nothing works.",
    ],
)
def test_the_exceptions_do_not_swallow_blame_beside_them(text: str) -> None:
    """A second reviewer's finds: each was lost to an exception of this session once."""
    assert rule_and_reader_phrases(text), text


def test_an_industry_leader_is_no_teammate() -> None:
    text = "The industry leader dropped their prices and our sales missed target."
    assert rule_and_reader_phrases(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # A fresh reviewer's finds (session of 2026-12-01 from 15:23): questions,
        # explanations and news about a thing, credit for work that repaired something,
        # composure, a person cleared, and action items.
        "I asked Helga why the build failed",
        "Helga walked me through why the migration broke",
        "Sanjay knows why the cache broke, ask him",
        "Efua wants to know why the migration failed",
        "Ines said the migration failed because of the disk",
        "Ines told us the customer cancelled",
        "Efua is investigating why the outage happened",
        "Sanjay will check why the job keeps failing",
        "Olga's PR fixed the broken login",
        "Yaw's workaround got us through the broken deploy",
        "Yaw's quick fix unblocked three services",
        "Olga never complained despite the long hours",
        "Efua never gave up on the flaky test",
        "Sanjay stayed calm when everything broke",
        "The tech lead refused to cut corners",
        "Efua didn't panic during the outage",
        "The outage was handled well by Olga",
        "Olga is not to blame",
        "Nobody blamed Olga, and rightly so",
        "Thanks to Fiona, we caught the bug before release",
    ],
)
def test_reports_questions_credit_and_composure_are_no_blame(text: str) -> None:
    assert rule_and_reader_phrases(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "I'm to blame for the missed deadline",
        "I'm the one to blame for the outage",
        "This one's on Dario",
        "Blame sits squarely with the facilitator",
        # what a person said, then did or failed to do, stays theirs
        "He said it was 'just a config change' and didn't tell anyone. It took down payments.",
        "The ops lead told us the old system would be read-only and then kept using it for two days.",
        "Paula knew the feed was broken at 7 and said nothing till 9",
        "I'll own this: I dismissed the freezer warning as a sensor glitch and went home.",
    ],
)
def test_blame_beside_those_shapes_is_still_found(text: str) -> None:
    assert rule_and_reader_phrases(text) != []


@pytest.mark.parametrize(
    "text",
    [
        # A second reviewer's finds: an excuse in one clause must not clear blame in the next.
        "Tom was not at fault for the first outage, but the second was all his fault",
        "Nobody blamed Tom, but it was his fault",
        "Tom is not really to blame, Sarah is",
        "Tom stayed calm but broke prod anyway",
        "Tom never lost his cool, but he deleted the backups",
        "Tom never complained, he just ignored the alerts and let prod burn",
        "Tom kept calm and deleted prod",
        "My favourite part was when Tom broke prod",
        "Thanks to Tom we found out about the outage from customers",
        "Thanks to Tom, nobody caught the bug and it shipped",
    ],
)
def test_an_excuse_in_one_clause_does_not_clear_blame_in_the_next(text: str) -> None:
    assert rule_and_reader_phrases(text) != []


@pytest.mark.parametrize(
    "text",
    [
        # work left undone, a step skipped, a wrong result: the reader weighs them as failings
        "Idris sent the uncorrected price list to every stockist.",
        "The night porter left the loading bay door unlocked and two pallets went missing.",
        "It was the payroll clerk who entered the overtime rates wrong, again.",
        "The site supervisor signed the scaffold off without inspection.",
        # newsroom and registry roles are single roles
        "Our correspondent quoted the minister out of context and we had to apologise.",
    ],
)
def test_slips_and_newsroom_roles_are_read_as_blame(text: str) -> None:
    assert rule_and_reader_phrases(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "Tunde found the unpatched server during the audit and fixed it.",
        "The registrar explained what went wrong with the enrolment feed.",
        "We shipped the build without testing because the deadline moved.",
    ],
)
def test_slips_found_explained_or_owned_by_the_team_are_no_blame(text: str) -> None:
    assert rule_and_reader_phrases(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # the writer puts the failure on the system in so many words
        "Mirela approved the hotfix. The deploy tool doesn't require a second reviewer, which is the gap.",
        "Tariq switched off the pager because it had paged forty times for nothing. The real issue is the alert rules.",
    ],
)
def test_an_answer_that_puts_the_failure_on_the_system_is_no_blame(text: str) -> None:
    assert rule_and_reader_phrases(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # denied, or the person's own: still blame
        "Not a tooling problem at all: Gustavo just skipped the smoke test again.",
        "Tom's config problem broke the release.",
        "The real issue is that Dana never reads the runbook.",
        "Tom deleted prod. That's a big problem.",
    ],
)
def test_system_words_denied_or_owned_by_a_person_still_blame(text: str) -> None:
    assert rule_and_reader_phrases(text) != []


def test_what_a_person_did_for_a_reason_that_is_a_thing_is_no_blame() -> None:
    text = "Leon muted the channel because 300 bot messages an hour were drowning it."
    assert rule_and_reader_phrases(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Priya didn't run the migration script because she couldn't be bothered.",
        "Leon skipped the review because the PM told him to ship it.",
        "Leon disabled the alarm because it was 'annoying'.",
        "The release slipped because the release manager went home early.",
    ],
)
def test_a_reason_that_is_a_person_or_in_scare_quotes_still_blames(text: str) -> None:
    assert rule_and_reader_phrases(text) != []


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # a slip denied, and what really happened
        (
            "Marta didn't miss the handover note, it landed in the shared inbox nobody watches.",
            False,
        ),
        ("Our events lead didn't forget the coach booking, the company lost it.", False),
        # the person's own next act is a failing, or another sentence blames: still blame
        ("Marta didn't forget the note, she just ignored it.", True),
        (
            "Marta didn't miss the handover note, it went to spam. Then Joel deleted the backups.",
            True,
        ),
    ],
)
def test_a_slip_denied_by_what_really_happened(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # what the person did not do, said as a counterfactual
        ("We would have been fine if Tom had followed the runbook.", True),
        ("We'd have caught the bug if Tom had written one test.", True),
        ("Tom followed the runbook, so we were fine.", False),
        ("We'd have caught it if the PM had known about the change.", False),
        # frustration or distrust aimed at one person
        ("We spent the retro cleaning up after Tom's hotfix.", True),
        ("I'm tired of covering for Tom's missed inspections.", True),
        ("Make sure Tom is never given prod access again.", True),
        ("Tom had one job.", True),
        ("Thanks for covering for Ana while she was off.", False),
        ("Cleaning up after the storm took two days.", False),
    ],
)
def test_counterfactuals_and_frustration_with_one_person(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


def test_sarcasm_anywhere_in_the_answer_lets_the_reader_judge_its_praise() -> None:
    """Praise excuses a sentence from the learned reader, unless the answer is sarcastic."""
    from analysis.blame import gated_readings

    praise = "Great work by our release manager, restarting the queue mid-batch."
    assert gated_readings(praise) == []
    assert gated_readings(praise + " Truly inspired.") != []
    assert gated_readings(praise + " 🙃") != []


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        ("Farid told the council the app was live before it was. Now we look silly.", True),
        ("I told the wards the system was ready when I hadn't seen the final test results.", True),
        ("Farid told the council the app was live.", False),
        ("Farid told us the app would be ready when the vendor patch landed.", False),
    ],
)
def test_readiness_claimed_before_it_was_true(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # a second reviewer's finds on this round: system words inside a person's failing,
        # a role named as the issue, denials that are consequences, motives, literal clean-ups
        ("Marta knew about the config issue for a month and never raised it.", True),
        ("The PM's config problem took the site down for six hours.", True),
        ("This is not really a process problem; Dave just ignored the runbook.", True),
        ("The real problem was the PM, who signed off without testing anything.", True),
        ("Dave turned off the linter that should have caught it.", True),
        (
            "Anyone would have missed that alert, honestly. But Dave deleted the prod database on purpose.",
            True,
        ),
        ("Dave never deployed the hotfix, the outage lasted two days.", True),
        ("Dave didn't change the admin password, the attacker walked right in.", True),
        ("Ana didn't miss the note, it went to spam, but Dave deleted the backup.", True),
        ("Dave DID tell the client it was ready when it wasn't.", True),
        ("Dave skipped the tests because it was Friday and he wanted to go home.", True),
        ("Dave merged without review because it was faster.", True),
        (
            "Dave ignored five pages and we lost the contract because the outage ran past the SLA.",
            True,
        ),
        ("Sam had one job this sprint, the migration, and she nailed it.", False),
        ("Our cashier is never given a break on Saturdays, that needs fixing.", False),
        (
            "Volunteers spent two hours cleaning up after the caterer left, the hall looked spotless.",
            False,
        ),
        (
            "We would have caught it much earlier if Priya had joined from day one, but hiring took months.",
            False,
        ),
        (
            "It would have been fine if Sam had followed the runbook, which he did; the runbook was out of date.",
            False,
        ),
        ("The domain registrar never sent the renewal notice.", False),
    ],
)
def test_second_review_of_the_system_denial_reason_and_distrust_rules(
    text: str, blames: bool
) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


def test_a_person_handed_a_slip_is_not_blamed_for_it() -> None:
    assert rule_and_reader_phrases("Priya was sent the uncorrected proofs by the printer.") == []


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # a step refused without another is caution, not a corner cut
        (
            "The on-call engineer saw the fix but did not feel safe to restart the cluster "
            "without checking with the lead.",
            False,
        ),
        ("Priya never merges without a review, so this one surprised us", False),
        ("Our DBA wouldn't touch prod without a second pair of eyes.", False),
        ("Dave never deploys without breaking something", True),
        ("Dave pushed it live without testing, not for the first time", True),
        ("Raj didn't wait for CI and merged without a review.", True),
        ("Raj won't stop pushing to main without review.", True),
        (
            "Kim never deploys without checking, but yesterday she pushed straight to prod "
            "with no review.",
            True,
        ),
        ("Sam never, ever merges without getting a review.", False),
        ("I wasn't going to restart prod without checking with the lead.", False),
        # the writer only as the one something happened to
        ("The stallholders next to us were pushy with me all weekend.", False),
        # blame moved on to someone else
        ("Sam isn't to blame, Jo is.", True),
        ("Tom is not to blame - Sarah is not either", False),
        # a verb of knowing opens the clause of the person who failed
        ("Nobody realised Priya had deleted the staging bucket", True),
        ("We found out Dave had skipped the smoke tests", True),
        ("We knew Dave was off sick that week", False),
    ],
)
def test_caution_writer_as_object_and_clauses_after_knowing(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    "text",
    [
        "lead tech signed off the calibration w/o actually running it",
        "Dave merged it w/o review b/c he was in a hurry",
    ],
)
def test_shorthand_without_and_because_read_as_words(text: str) -> None:
    assert rule_and_reader_phrases(text)


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # self-blame without "my fault"
        ("Sloppy review on my part, the typo was right there.", True),
        (
            "should've checked the export before I emailed it to the whole list. lesson learned",
            True,
        ),
        ("Should have run the tests before I merged.", True),
        ("We should have checked before we changed it", False),
        ("Should have been checked before I arrived.", False),
        ("Weak signal on my part during the call.", False),
        ("I joined late. Sorry all.", False),
        ("I approved it without really reading it.", True),
        # bare roles, duties repeated and undone
        ("Producer's fault, full stop.", True),
        ("Designer's mockups were lovely", False),
        ("Not manager's fault.", False),
        ("Manager's fault? Not really, it's the process.", False),
        ("Producer's call was the right one.", False),
        ("Ines was reminded twice to renew the certificate and did not.", True),
        ("Ines was told to stay home and didn't need to come in after all", False),
        ("She was reminded again to file the report and didn't have time.", False),
        ("He was told to hold the release and never got the message.", False),
        # the blame moved on, and beliefs are no facts
        ("The intern isn't to blame, the lead is.", True),
        ("Tom isn't to blame, Sarah is right that the process is.", False),
        (
            "At first we thought Raj forgot the backups, but the job had been disabled by the "
            "platform team.",
            False,
        ),
        # shorthand and good outcomes
        ("Raj merged it w/out a review.", True),
        ("Sam deployed w/o issues.", False),
    ],
)
def test_self_blame_present_habits_bare_roles_and_repeated_duties(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # a numbered list: each item is its own clause
        (
            "What went wrong: 1) staging was down a lot 2) vendor docs outdated 3) Kelsey "
            "deleted the pricing table in prod 4) too many meetings",
            True,
        ),
        ("Went well: 1) pairing 2) Kelsey ran the demo 3) fast reviews", False),
        # the outcome first, then a harmful act undone
        ("We'd have caught the double refunds if Priya hadn't turned off the alert.", True),
        ("We would have shipped on time if Maria hadn't been ill.", False),
        ("It would have been much worse if Tom hadn't noticed the disk.", False),
        ("We'd have run out of disk if Dave hadn't removed the old logs.", False),
        ("Kudos to 1) Dave who broke the deploy time record 2) Priya", False),
        # care for a colleague is no distrust
        ("We should stop Ana from getting paged at night.", False),
        ("Let's stop Priya from pushing herself so hard, she's burning out.", False),
        ("Please don't let Priya near the release this week, she's on holiday.", False),
        ("kinda on me tbh, I promised the old links would keep working", True),
        ("Mostly on me to organise the next retro.", False),
    ],
)
def test_numbered_lists_undone_harm_and_care(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # a possessive word-name before a piece of work, and harm it did
        ("Good week, but Nick's schema change wrecked the Thursday demo.", True),
        ("The rain ruined the outdoor demo.", False),
        ("Our release manager's habit of batching made it impossible to bisect.", True),
        # the writer's own carelessness
        ("Looking back I was careless with the cut-over checklist.", True),
        ("I was careful with the cut-over checklist.", False),
        # a dismissal in scare quotes
        ("Our CTO decided pen testing was 'optional' for this one.", True),
        # passive with the agent, then the rule skipped or the faulty work
        ("The limit was raised straight in prod by the PM, bypassing change control.", True),
        ("The broken build was fixed by Ana.", False),
        ("The faulty pump was replaced by the technician.", False),
        (
            "The hotfix was deployed by Dave, skipping staging because staging was down and "
            "the runbook allows it for sev1.",
            False,
        ),
        ("The faulty script was written by Dave in 2015 and served us well for nine years.", False),
        # what befell a person, reported speech, a quoted word that is no dismissal
        ("Dave's illness made it impossible to finish the migration on time.", False),
        ("Dave's leaving party wrecked half the team for Friday.", False),
        ("I was told I was careless but the checklist was missing that step.", False),
        ("Dave thought the handbook was 'optional' reading, which is fair, it's 200 pages.", False),
    ],
)
def test_work_that_wrecked_carelessness_and_dismissals(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # a second reviewer's finds: brackets are no list items, a circumstance only
        # right after the owner, the victim of a wreck, tasks "on me", a team change
        ("Kelsey (on-call for week 2) deleted the prod table.", True),
        ("Kelsey merged it (see step 3) without any review.", True),
        ("Kelsey's change to the health check took down prod.", True),
        ("Kelsey's push during the holiday freeze broke prod.", True),
        ("That one was kinda on me.", True),
        ("Kelsey's weekend was ruined by the pager.", False),
        ("Kelsey's departure made it impossible to ship on time.", False),
        ("Largely on me: the dashboards, the alerts and the runbook.", False),
        ("Mostly on me and Kelsey for the next sprint.", False),
        ("We'd have hit the date if Kelsey hadn't changed teams mid-sprint.", False),
    ],
)
def test_brackets_circumstances_victims_and_tasks(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # an outcome that did not happen is no good outcome: hypothetical or denied
        (
            "We'd have caught the leak in review if Marek hadn't waved the PR through "
            "without reading it.",
            True,
        ),
        ("The release might have survived if Marek hadn't rebooted the wrong node.", True),
        (
            "Crews got short rest because Marek entered the limit as 6 and nobody caught it, "
            "mostly because he called it 'trivial'.",
            True,
        ),
        # ... while one that happened still clears the sentence
        ("Marek's cleanup script ran and every clinic got its invoice on time.", False),
        ("We didn't panic and recovered in 10 minutes, thanks to Marek's runbook.", False),
        ("Thanks to Marek we caught the bad index before release.", False),
        ("Marek noticed the failing import and we recovered in 10 minutes.", False),
    ],
)
def test_outcomes_that_did_not_happen_are_not_good_outcomes(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # exasperation anywhere in the answer lowers the reader's bar for a named person
        ("Marek's spreadsheet. That's the root cause.", True),
        # a question that accuses is no question asked
        ("Did Marek even test it? Genuinely asking.", True),
        # ... but the same words beside credit, a plain question or a team's habit
        ("Again, thanks to Marek for covering the weekend.", False),
        ("Root cause: the disk filled up. Marek found it within minutes.", False),
        ("As usual Marek ran a great retro.", False),
        ("Did Marek ever get the new laptop? Asking for the onboarding doc.", False),
        ("Marek was on call again. Pager was quiet.", False),
        ("Not to point fingers, but the runbook was out of date and nobody owned it.", False),
        ("We keep skipping the canary. Marek raised it twice.", False),
        ("Marek. Again, thanks for covering the weekend!", False),
        ("I'll own this one: Marek to draft the runbook, I'll review.", False),
        ("I did it! The migration finally finished.", False),
        # a review's finds: requests, thanks, absences, pride, someone else's sentence
        ("Can Ravi share his slides again?", False),
        ("Could Ravi run the onboarding session again? It was great.", False),
        ("Who is on call over Christmas?? Ravi or Ana?", False),
        ("Can we get Ravi on the hiring panel?? He's great at it.", False),
        ("Ravi's root-cause doc should be required reading.", False),
        ("Courtesy of Ana: a spreadsheet that finally tracks all our licences.", False),
        ("Ravi, as usual, brought cake on his birthday.", False),
        ("Ravi. Again. Legend.", False),
        ("Who answered every customer email? Ana. As usual.", False),
        ("We're skipping the retro next week because Ana is on holiday.", False),
        ("I did it. Deployed my first service to prod 🎉", False),
        ("I'll own this one. Ravi will help me with the rollout plan.", False),
    ],
)
def test_exasperation_frames_a_fault_for_the_reader(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        ("Hard to call it anything but carelessness on Marek's part. He was warned twice.", True),
        ("No mistake on Marek's part, the docs were wrong.", False),
        ("Any oversight on the vendor's part was covered by the contract.", False),
    ],
)
def test_a_failing_on_someones_part(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        (
            "Marek's 'temporary' change was approved as temporary with a follow-up ticket "
            "that got lost. Not on him.",
            False,
        ),
        (
            "Before anyone asks: no, Marek didn't set retries to 0 by hand. The default "
            "changed in the upgrade.",
            False,
        ),
        ("Marek broke the deploy. Not on him? Absolutely on him.", True),
    ],
)
def test_a_person_cleared_in_a_short_aside(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # "had X not noticed" is the same credit as "if X hadn't noticed"
        ("Had Priya not noticed the cert expiry, we'd have been down all weekend.", False),
        ("Had the PM not noticed, we would have lost the data.", False),
        ("Had Priya not pushed the config, we'd have been fine.", True),
        ("Priya had not noticed the alert, so we lost a day.", True),
    ],
)
def test_had_someone_not_noticed_is_credit(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # a decision the writer endorses clears the answer
        ("Tariq chose to cancel the pilot a month early and it was the right one.", False),
        ("The CFO picked the hosted option over a rebuild; that decision aged well.", False),
        ("Noor pushed the launch back. People moaned but it was absolutely right.", False),
        ("Kemal flagged the holiday freeze early. Great call, we had slack because of him.", False),
        ("the tester who logged the timezone bug did us a huge favour", False),
        ("Kemal skipped the review and broke prod. Not a good call.", True),
        ("Kemal skipped the review and broke prod. Good call, as always.", True),
        # a burden, not a fault
        ("Wen shouldn't have had to run the migration alone; we need a rota.", False),
        ("Wen should have run the migration with a second pair of eyes.", True),
        # an action item, a quote in agreement, an absence explained
        ("Bea to order the new badges, the old batch never arrived", False),
        (
            "Nice of Wiremu to mention AFTER the release that he knew the export was off by a day.",
            True,
        ),
        ("Nice of Bea to bring cake on release day.", False),
        ("as Kofi put it at standup: 'the queue doesn't care about our deadline'. fair", False),
        ("i was off sick the week of cutover so i missed most of the planning", False),
        ("i skipped the planning so i missed the cutover risks", True),
    ],
)
def test_endorsed_calls_burdens_action_items_quotes_and_absences(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # the writer's own fault, said plainly
        ("I take full responsibility for the billing outage; I muted the alerts.", True),
        ("i'm the reason the invoices went out twice", True),
        ("I argued for the Sunday cutover. The others said wait. I was wrong.", True),
        ("The root cause was me not reading the migration notes.", True),
        ("me. I typed the wrong region into the config.", True),
        ("I thought the supplier would deliver on time. I was wrong.", False),
        ("I said earlier it was Dario's commit - I was wrong, it was the cache.", False),
        ("I'm the reason we hit the date, I kept the scope tight.", False),
        # a failing or bad outcome named in other words
        ("The part where Ilse left a week before go-live without handover was not fine.", True),
        ("Tickets to Okonkwo went unanswered for a fortnight; we guessed the schema.", True),
        ("the rollout went badly because Fenna decided she knew better than the checklist", True),
        ("the retros ran long because the facilitator let them, and it ate half the sprint", True),
        (
            "the consultant set every timeout to zero and then left the project. thanks for that.",
            True,
        ),
        ("who decided to send the PINs by plain e-mail? oh right, the support manager.", True),
        ("the freelancer wrote zero tests and left. we found out in production.", True),
        ("it was Sander not testing the iOS build at all, the app crashed on launch", True),
        # accusing questions
        ("Did Tomas even read the checklist? Step 3 was the whole point.", True),
        ("Was it really so hard for Ines to reply to the supplier? Three weeks of silence.", True),
        ("why was the admin password posted in the team channel? ask Marit.", True),
        ("Why is the cache set up like this? Ask Marit, she knows the history.", False),
        ("Can someone explain why the lead approved an unencrypted export? Because I can't.", True),
        ("Was Marit on call that night?", False),
        ("Ilse left for a new job in March and we threw her a party.", False),
    ],
)
def test_self_blame_failings_in_other_words_and_accusing_questions(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # "why ...? ask X." blames only when the question is about harm
        ("why did we choose postgres over mongo? ask Ilka.", False),
        ("Why did the rollout go so smoothly? Ask the SRE.", False),
        ("why is the export broken again? ask Ilka.", True),
        ("why did the release slip by two weeks? ask Ilka", True),
        ("why did the deploy fail three times? go ask Ilka lol", True),
        ("why were the customers charged twice? ask Ilka.", True),
        ("was it so hard for the new hire to get a laptop? yes, IT took two weeks.", False),
        # "Me. I ..." answers "who did it?" or opens a confession
        ("Who caught the race condition? Me. I spotted it in the logs.", False),
        ("me. I deployed the wrong tag on friday.", True),
        # "I'm the reason", "I take responsibility" own harm, not pride or a new duty
        ("I'm the reason the onboarding was smooth, I wrote the guide.", False),
        ("I'm the reason we caught the leak before launch.", False),
        ("I'm the reason we shipped two weeks late.", True),
        ("I take responsibility for the release notes from now on.", False),
        ("I take responsibility for the outage on Monday.", True),
        # "I was wrong." after the writer's own call, not a belief or blame taken back
        ("I promised the new tool would save a day a week. I was wrong.", False),
        ("I blamed Tarek's migration in standup. I was wrong. The disk was full.", False),
        ("I decided we could skip the dry run. I was wrong.", True),
        ("The problem was me being off sick the week of cutover.", False),
        # a sentence-initial reason clears; an accusing question's "Because" does not
        ("Because the API was down, Tarek missed the sync deadline.", False),
        ("Why did Tarek redo the schema? Because the vendor changed the format.", False),
        # endorsement is not sarcasm
        ("Tarek pushed to prod on a friday. Great call, we lost the weekend.", True),
        ("Tarek broke the build. Rolling back at once was a great call, it saved hours.", True),
        ("Like I said before, Tarek never reads the runbook and it bit us again.", True),
        # the absence and the deed must be the same person's
        ("I was away that week so Tarek deployed the wrong branch.", True),
        # a mock action item
        ("Tarek to ignore the security team's warnings for the third time.", True),
        ("Tarek went offline for his wedding and we were fine.", False),
        ("Tarek ate all the pizza at the retro lol", False),
    ],
)
def test_review_finds_on_self_blame_questions_calls_and_absences(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # sarcastic praise, exasperated asides
        ("great job Ilka, really. wiping the staging data 'to tidy up' was inspired.", True),
        ("Great job Ilka, really, the demo was smooth.", False),
        ("the lead approved going live in the middle of the harvest peak. why??", True),
        ("Big surprise, Ilka's ticket was the one closed without a fix.", True),
        ("Ask Ilka why the refund job ran twice. Go on.", True),
        ("Ask Ilka why the cache works so well, she built it.", False),
        ("My estimate was the problem: I said two weeks and it took nine.", True),
        ("The launch was ruined by the events coordinator who double-booked the hall.", True),
        # credit, patience, a service and an inability
        ("Ilka spotted the doubled reads. Without her we'd have published wrong results.", False),
        ("The memory bug was traced by Ilka after two long nights.", False),
        ("their support rep kept reporting the crash patiently until we fixed it", False),
        ("his notes were really helpful to whoever picked the module up", False),
        ("I learned a lot about porting rules, never knew it was so complex.", False),
        ("Our vendor's account manager was honest about what they could and couldn't do.", False),
        ("Ilka was on holiday during cutover and nobody else knew the password. Vault it.", False),
    ],
)
def test_sarcastic_praise_asides_and_credit_after_the_third_review(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # "me. I ..." confesses only with a failing or an apology in the answer
        ("me. I booked the venue for everyone.", False),
        ("me. I reviewed every PR this sprint", False),
        ("me. I merged the hotfix at 2am. sorry all.", True),
        # unanswered messages name the person they were sent to
        ("emails to the vendor went unanswered until Femi phoned them", False),
        ("why was the report wrong? ask Dana. she found the root cause in the feed", False),
        # pride and new duties, negated harm
        ("I'm the reason we weren't late this time", False),
        ("I'm the reason nobody got paged this weekend", False),
        (
            "I take full responsibility for the error budget dashboard, ping me with questions",
            False,
        ),
        # blame laid on someone and taken back
        ("In standup I said Dana broke the build. I was wrong, sorry Dana.", False),
        ("Earlier I claimed Dana pushed untested code; I was wrong.", False),
        # someone else's call endorsed after a failing, and sarcasm
        ("Bo deleted the customer table. Good call by Dana to keep backups.", True),
        ("Kim was late to every standup. good call, we started without her", True),
        ("Tom ignored my warning. That decision has aged very well (it hasn't)", True),
        # answered rhetorical questions, "sick of", a failing inside an action item
        ("was it so hard for Nils to ping us? no, it wasn't, he just didn't.", True),
        ("I was sick of waiting so I merged it without review", True),
        ("Bram to clean up after breaking staging", True),
    ],
)
def test_second_review_of_self_blame_pointers_calls_and_action_items(
    text: str, blames: bool
) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # "how many times" aimed at one person
        ("How many times does Oskar have to be told to update the changelog?", True),
        ("how many times do we need to remind the PM about the freeze?", True),
        ("How many times have we run this retro?", False),
        ("how many times did I ask the vendor for the logs", False),
        ("How many times has the PM been reminded about the code freeze?", True),
        ("How often must Oskar be reminded to update the changelog?", True),
        ("How many times does Oskar need to be told? And he still forgets.", True),
        ("How many times did we remind the PM? Twice, and she was on it.", False),
        # ... not a question asked for real, answered, quoted or about a newcomer
        ("How many times should we remind him before escalating, per the policy? Twice.", False),
        ("How many times did we have to remind the PM? Zero, she had everything ready.", False),
        (
            "How many times does the new PM need to be reminded of the dates? She just joined.",
            False,
        ),
        ("Ana asked 'how many times does Oskar need to be told?', which was unfair.", False),
        ("We should measure how many times do we need to remind the on-call engineer.", False),
        # the writer as the cause of a harm
        ("The release slipped a week because of me.", True),
        ("Because of me, prod was down for two hours.", True),
        ("We missed the bug because of me not testing on Safari.", True),
        ("We never missed a deadline because of me.", False),
        ("Nobody lost data because of me.", False),
        ("Thanks to me, we hit the date.", False),
        # "because of me" for a success or a doubt is no confession
        ("The launch went great because of me lol", False),
        ("The regression was caught before release because of me.", False),
        ("I thought the outage was because of me, turned out it was the DNS provider.", False),
        # a sentence that opens by quoting someone in agreement
        ("as Kofi put it at standup: 'the queue doesn't care about our deadline'. fair", False),
        ("Like Ana said: the plan was fine.", False),
        ("as Kofi said, Dan broke prod again.", True),
        ("As Ana said, Wiktor's code review was a rubber stamp, as usual.", True),
        # a burden on a role, not its fault
        ("Our only tester had one afternoon for the whole regression pass.", False),
    ],
)
def test_how_many_times_self_credit_and_agreeing_quotes(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # a failing done with the risk in view
        ("Joanna signed off the release knowing the totals were wrong.", True),
        ("Marco deployed not knowing the config was broken - nobody had told him.", False),
        ("The release manager shipped it knowing the migration was broken.", True),
        ("Joanna signed off knowing the totals were not off.", False),
        ("Joanna waited, knowing the vendor was down, and told us early.", False),
        # a reply never sent, unless the person was away
        ("Our PM never got back to legal about the contract.", True),
        ("Sam never got back to me, he was on leave the whole month.", False),
        ("The vendor never got back to us about the invoice.", False),
        # a warning waved away; a duty owned and never done
        ("Priya saw the disk alerts for days and decided they were noise.", True),
        (
            "Ines got the alert at 3am and decided it was a false alarm, correctly as it happens.",
            False,
        ),
        ("The team saw the alerts and decided they were noise.", False),
        ("Lucas owned the backup job and it was never tested.", True),
        ("Lucas owned the backup job and it never failed once.", False),
        # a safeguard skipped, answered with one person
        ("Who decided to skip the smoke tests? Farid.", True),
        ("who approved skipping the security review? the PM.", True),
        ("Who decided to skip the dry run? Marco did, with the client's written approval.", False),
        ("Who turned off the old backups? Kwame did, after the new ones had been verified.", False),
        # a risky act against the advice given
        ("Our designer chose tiny tap targets even though we said the users wear gloves.", True),
        ("The PM scheduled the launch despite our objections.", True),
        ("Kemal joined the call even though we said it was optional.", False),
        ("Kemal pushed the fix even though we said it could wait, and it saved the launch.", False),
        ("The team shipped it even though we said it was risky.", False),
        # "was it really necessary for X to ..."
        ("Was it really necessary for Brendan to reply-all to the entire list?", True),
        ("Is it necessary for the PM to attend every standup, or could we rotate?", False),
    ],
)
def test_known_risks_unanswered_messages_waved_warnings_and_skipped_checks(
    text: str, blames: bool
) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # a failure of a multi-word kind put on a role
        ("The compliance failure is on the area manager.", True),
        ("The follow-up is on the PM.", False),
        ("The decision is on the director.", False),
        # harm done by a person, not what befell them
        ("The supplier relationship was soured by him, not by the price.", True),
        ("The release was held up by her sick leave.", False),
        # the writer's own slip, named as the failure or as the error they made
        ("Looking back, the real mistake was me not asking for help.", True),
        ("The report had a rounding error that I introduced on Tuesday.", True),
        # sarcastic "thanks to" a role doing harm; credit stays credit
        (
            "The outage ran two hours longer thanks to the night lead switching off the alerts.",
            True,
        ),
        ("We hit the date thanks to the PM pushing back on scope.", False),
        # a clash is blame only when someone booked it
        ("Two new starters began the same week; one started on the same day as the audit.", False),
        ("He booked the offsite on the same day as the launch.", True),
        # a slip denied outright
        ("He didn't miss anything; the courier never delivered the parcel.", False),
    ],
)
def test_blame_shapes_from_a_held_out_batch(text: str, blames: bool) -> None:
    """Shapes from a helper-written held-out batch (2026-12-03), in other words."""
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # blame reported as an impulse, a rumour or a dropped belief, then set aside
        (
            "My gut reaction was to call it my fault, but really the checklist skips that step.",
            False,
        ),
        ("There was a rumour Ivo left the valve open; he didn't, the gauge was faulty.", False),
        (
            "I used to think the late invoices were Rhea's problem, but the tool batches them weekly.",
            False,
        ),
        ("The caller blamed our agent, but the agent read the script word for word.", False),
        (
            "I owe Bo an apology for assuming he'd skipped the backup; the cron job was disabled.",
            False,
        ),
        # the frame without a turn to a thing is still blame
        ("I used to think Tomas was careful, but he deleted the backup twice this month.", True),
        (
            "There's a rumour that Dev skipped the review, and it's true: he merged it himself.",
            True,
        ),
    ],
)
def test_blame_set_aside_after_a_rumour_or_first_instinct(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # a negation inside a quoted label is no careful refusal
        (
            "Noor closed the outage ticket as 'won't fix' without asking anyone, and it came back at launch.",
            True,
        ),
        ("Noor never merges without asking for a review.", False),
        # a rhetorical question accuses
        ("Was anybody surprised when Piet skipped the supplier call again?", True),
        ("Was Piet on the supplier call?", False),
    ],
)
def test_quoted_labels_and_rhetorical_questions(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        ("Odile's migration was flawless; the cutover took ten minutes.", False),
        (
            "People asked if it was her fault. It wasn't: the supplier shipped the wrong part.",
            False,
        ),
        ("Blaming the installer would be unfair; the drawings we sent were out of date.", False),
        ("I initially thought I'd broken the export, but it turns out the API changed.", False),
        (
            "I was tempted to write 'the intern broke it', but he was following the wiki page.",
            False,
        ),
        ("In hindsight the director's call to hold the release was the right one.", False),
        ("She didn't miss the cut-off; the cut-off was moved without telling anyone.", False),
        # the same words with the blame kept
        ("I initially thought Ole was careful, but he pushed untested code again.", True),
        ("Blaming the tools is easy, but Ole deleted the branch himself.", True),
    ],
)
def test_blame_raised_and_set_aside_second_batch(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        (
            "Everyone keeps saying it was Lior's fault, but honestly the form had no validation.",
            False,
        ),
        (
            "We could blame whoever wrote the old macro, but it worked for years and we outgrew it.",
            False,
        ),
        ("We jointly decided to drop the pilot site, and it was the wrong call.", False),
        ("He didn't do anything wrong; the checklist itself was missing a step.", False),
        ("The duty nurse caught the mix-up, not caused it.", False),
        (
            "Whoever signed it off was following the approval matrix, which needs a second signer.",
            False,
        ),
        ("My fault? No, our fault. We all agreed to skip the dry run.", False),
        ("Nothing Oren did caused the outage; the scheduler fired twice.", False),
        ("Ilse moved from support to sales halfway through the quarter.", False),
        # blame kept
        ("Oren changed the schema halfway through the cutover and never told anyone.", True),
    ],
)
def test_blame_set_aside_third_batch(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        ("I own that one. I said the migration was tested and it was not.", True),
        ("The poor response time last week is my responsibility; I skipped the load test.", True),
        ("The leak started because the site lead emailed his password to a contractor.", True),
        ("Releases are my responsibility from next sprint.", False),
        ("I own the on-call rota now.", False),
        ("The PM shared the roadmap with the client.", False),
    ],
)
def test_owned_failures_and_secrets_sent_out(text: str, blames: bool) -> None:
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # an act at the worst moment, or repeated, is a failing for the learned reader
        ("Can we discuss how Hollis rebooted the primary in the middle of the cutover?", True),
        ("Is anybody going to mention how the on-call lead logged off during the outage?", True),
        ("Is anybody going to mention how the on-call lead stayed until 5am to fix it?", False),
        # a thanked act with a failing, closed by two words of praise: sarcasm
        ("Thanks, Oren, for wiping the staging data twice by mistake. Super helpful.", True),
        ("Thanks, Oren, for staying late to fix the wrongly set alert. Super helpful.", False),
        # "without a single <kind of> test"
        (
            "Great job to whoever signed off the release without a single regression test. "
            "Truly impressive.",
            True,
        ),
        ("We shipped without a single regression in the checkout flow.", False),
    ],
)
def test_bad_moments_repeats_and_closing_sarcasm(text: str, blames: bool) -> None:
    """Shapes from helper-written held-out batches 89 and 90 (2026-12-03), in other words."""
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    "text",
    [
        "Marta pulled the go-live date forward four times to suit her own roadmap.",
        "Tobi restarted the primary in the middle of the migration.",
        "The lead went home during the cutover.",
    ],
)
def test_repeats_and_bad_moments_name_a_failing_for_the_reader(text: str) -> None:
    """An act repeated "four times" or done "in the middle of the migration" names a
    failing, so the learned reader judges the sentence at its lower bar."""
    assert reading(text)[1:] == (True, True)


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # defences: the process followed, blame pre-empted or declined, the fault on a thing
        (
            "Whoever signed the change followed the usual release process; the process is thin.",
            False,
        ),
        ("The lead was following the board's directions when she cut the scope.", False),
        ("Before anybody says it was Ilse's fault: the courier lost the parcel.", False),
        ("Not blaming the night nurse; she had no way to see the queue.", False),
        ("Not blaming anyone, but Ilse deleted the backup.", True),
        (
            "Pavel's quick fix got blamed in chat; the real breakage came from the vendor patch.",
            False,
        ),
        ("I don't think it was my fault or anyone's; the tool was never ready.", False),
        (
            "If the architect had known about the limit, she'd have flagged it; nobody told her.",
            False,
        ),
        ("If the architect had read the ticket she would have known.", True),
        ("She didn't skip the review. The review was cancelled by the board.", False),
        ("She didn't miss the cut-off, she ignored it.", True),
        # a reason of its own clause: a later "he" is no motive
        (
            "Tom swapped the fields late because the vendor sent new specs, and he told us at once.",
            False,
        ),
    ],
)
def test_defences_held_out_batches_89_90(text: str, blames: bool) -> None:
    """False-alarm shapes from helper-written batches 89 and 90 (2026-12-03), reworded."""
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        ("Root cause: Hamid's change.", True),
        ("Corrupted invoices: Hamid's import script. Missing stock: Hamid's import script.", True),
        ("What went wrong: the lead's rushed sign-off.", True),
        ("Best part: Hamid's import script.", False),
        ("Root cause: not Hamid's change, the cache.", False),
        ("Lost orders: the payment gateway.", False),
        ("Fix: Hamid's patch.", False),
    ],
)
def test_a_harm_labelled_then_one_persons_work(text: str, blames: bool) -> None:
    """'Root cause: X's change.': a label that says something went wrong, then one
    person's work after the colon (shape from helper batch 90, reworded)."""
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        # blame heard, joked about or feared, then set aside
        ("I've heard people say Ravi broke the freezer. He didn't. The door seal failed.", False),
        (
            "Everyone jokes that Ravi never reads email, but he actually answered within the hour.",
            False,
        ),
        (
            "If anyone wants to blame Ravi for the typo, they should know the template was wrong.",
            False,
        ),
        (
            "I was afraid this would turn into 'Ravi broke it'; the group saw it as a design flaw.",
            False,
        ),
        ("I hear people saying 'she never checks anything', and that's not fair.", False),
        # the fault on a gap, a policy or everyone's shared state
        ("Ravi taking the laptop home wasn't the problem; we had no backup at all.", False),
        ("Hats off to Ravi for owning a mistake that turned out not to be his.", False),
        (
            "Whoever approved it worked from the same bad numbers, so I wouldn't single anyone out.",
            False,
        ),
        (
            "He never ran it on the old tablets because we had none. That's a procurement gap.",
            False,
        ),
        ("Whoever wrote the notes did their best with the information they had.", False),
        ("Ravi muted the alerts, which the whole team had agreed to.", False),
        ("The lead was as blindsided as the rest of us when the link dropped.", False),
        ("My fault? Not really, and not anyone's.", False),
        ("Credit where it's due: Ravi's backups meant we lost nothing.", False),
        ("Credit where due, but Ravi really fumbled the handover.", True),
        (
            "Whoever approved it did so under a policy with no training check, so the policy is the issue.",
            False,
        ),
    ],
)
def test_defences_held_out_batches_91_92(text: str, blames: bool) -> None:
    """False-alarm shapes from helper-written batches 91 and 92 (2026-12-03), reworded."""
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        ("The permits weren't filed on time, and that responsibility was mine.", True),
        ("It was my call to open both venues at once. That was the wrong call.", True),
        ("It was my call to open both venues at once. It was the right call.", False),
        (
            "The kiln broke because the visiting student ran it for nine hours unsupervised.",
            True,
        ),
        ("The scheduler on the night shift cancelled the backup buses without asking.", False),
        ("The student presented the poster at the conference.", False),
        ("Why did Oskar wait until Friday to mention the figures were off?", True),
        ("Why did we wait until Friday to tell the client?", False),
    ],
)
def test_owned_calls_new_roles_and_late_warnings(text: str, blames: bool) -> None:
    """Missed shapes from helper-written batches 91 and 92 (2026-12-03), reworded."""
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        (
            "People will probably say it was the porter's fault, but honestly the map was wrong.",
            False,
        ),
        (
            "The sous chef said it was his fault, but really the fridge failure would sink anyone.",
            False,
        ),
        ("Ines's call to open the doors early was reasonable with what we knew.", False),
        (
            "I thought I'd lost the guest list, but after checking, the export had dropped it.",
            False,
        ),
        ("Ines is the reason the tables looked so good; she redid them by hand.", False),
        ("Ines's fault? No. The supplier sent half the order.", False),
        ("Whoever wrote the first menu did a lovely job; scaling it was the trouble.", False),
        ("He apologised on the night, but he had nothing to apologise for.", False),
        ("Credit to the head of finance for being open with the board.", False),
        ("I'm not naming anyone; the pipeline had no row-count checks.", False),
        ("Ines's migration was fine. What failed was a downstream job.", False),
        ("Our lead never stopped backing us through the incident.", False),
        ("Ines never gets enough credit for the alerts she built.", False),
        ("The PM didn't cause this. The brief had gone stale.", False),
        # still blame
        ("Ines never tested the export and it dropped forty names.", True),
        ("Ines's fault, plain and simple: she skipped the checks.", True),
    ],
)
def test_defences_held_out_batches_93_94(text: str, blames: bool) -> None:
    """False-alarm shapes from helper-written batches 93 and 94 (2026-12-03), reworded."""
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        ("Thankful to the head nurse for signing off overtime without a fight.", False),
        ("I don't think any one person caused the backlog; the intake form did.", False),
        ("The buyer never chased the supplier, but that wasn't in her remit.", False),
        ("We keep hearing 'the planner should have seen it'. We all should have.", False),
        ("Whoever set up the old routing did a decent job for its time.", False),
        (
            "The board chair said 'this one is mine', but the whole board made the call together.",
            False,
        ),
        ("Ruth didn't overcommit; sales turned a maybe into a promise.", False),
        ("Ruth deleted the old queue as per the plan; the plan had the order wrong.", False),
        ("Ruth wasn't the reason we slipped. The courier lost two pallets.", False),
        ("If the charge nurse had a deputy, nights would not stall.", False),
        ("The night lead forgot nothing; the step was never written down.", False),
        ("Ruth's import was fine; the source file had changed format.", False),
        ("Ruth's leave wasn't a failure, it was booked months ago.", False),
        (
            "I first assumed whoever ran the export had made a mistake, but it turned out the disk was full.",
            False,
        ),
        ("The area manager stood up for the crew instead of hunting for a culprit.", False),
        ("Let's not turn this into a hunt for whoever pressed send.", False),
        ("The director never approved the limit; it was a default setting in the tool.", False),
        ("I dropped everything to help the warehouse on Friday.", False),
        ("Ruth knew the scanner was slow and still finished the count on time.", False),
        ("Ruth answered every complaint herself. Who does that?", False),
        ("Ruth thought Monday would be a good time for the demo.", False),
        ("Great work from Ruth, finishing the manual before the release was even cut!", False),
        ("Her habit of writing the checklist first saved us twice.", False),
        ("Why did Ruth wait until the tests were green before merging?", False),
        ("I was the one who booked the venue. Lesson learned: book early, it was great.", False),
        # still blame
        ("Do we honestly need a post-mortem to work out that Ruth skipped the stock check?", True),
        ("I blame myself for leaving the cage unlocked.", True),
        ("I'm the one who pushed the wrong price file. That was me, and I'm sorry.", True),
        ("I take responsibility for the onboarding gap; my slides skipped the new screens.", True),
        ("She knew the count was off and still signed the report.", True),
        ("He knew the valve was sticking and reported it as fine anyway.", True),
        ("The licence had lapsed and he knew about it for three weeks.", True),
        (
            "The planner set the cut-off at noon on the busiest day without asking anyone. Who does that?",
            True,
        ),
        ("He pushed the price list straight from his laptop. Need I say more?", True),
        ("Ruth always disappears when the tills go down.", True),
        ("Ruth's habit of signing invoices without reading them finally cost us.", True),
        ("Another month, another skipped stocktake from the depot manager.", True),
        ("Elsa keeps saying it's a tooling problem. It's not. She never ran the checks.", True),
        ("Why did the depot manager wait until the queue hit 400 before calling the agency?", True),
        # sincere thanks for acting early reads like sarcasm about acting too early: not blame
        ("Great job from Ruth, posting the prices before the sale was even approved.", False),
        (
            "Kudos to the duty lead for calling the supplier before the queue had even formed.",
            False,
        ),
        ("Brilliant planning from our PM: stocktake during the holiday rush peak.", True),
        ("Ruth says she'll update the rota and then she just doesn't.", True),
        ("Ruth, bless her, decided launch week was the perfect time to redo the menus.", True),
        (
            "I asked Ruth why she thought Monday was the best time to launch; her reasons held up.",
            False,
        ),
        (
            "Ruth decided launch day was the perfect moment to test failover, and it paid off.",
            False,
        ),
        ("The floor manager got lazy about the handover notes.", True),
        ("Apparently Ruth thinks checking the labels is beneath her.", True),
        ("Keep Ruth away from extra meetings so she can finish the migration.", False),
        ("How does a shift lead go two weeks without reading the incident log?", True),
        ("Ruth cared more about the patients than about her own break.", False),
        ("How does a shift lead go three weeks without a day off? The rota has to change.", False),
        ("Another missed call from the pharmacy; my phone was on silent.", False),
        ("Her habit of checking on the night staff caught two near-misses.", False),
        ("Ruth knew the numbers were bad and still told the client the truth.", False),
        ("Ruth dropped her own deadline to help the new hire. Who even does that?", False),
        ("When people write 'I blame myself' here, I push back: it was planning.", False),
        # defences that must not hide the blame that follows them
        ("The weather wasn't the reason we lost the booking; Karl never confirmed it.", True),
        ("Approving refunds wasn't in his remit, and he approved forty of them anyway.", True),
        ("She didn't overpromise; she invented a delivery date out of thin air.", True),
        ("Mark forgot nothing, apart from telling the client we'd moved the launch.", True),
        ("Let's not turn this into a blame game, but Sven deleted the shared drive.", True),
        ("The whole team made the call to go live, but Nadia quietly turned off the alerts.", True),
        ("Our account manager never told the resellers about the price change.", True),
        ("Apparently it's too much to ask for Ruth to label the crates.", True),
        ("I was the one who said we didn't need cover on launch day. Clearly wrong.", True),
    ],
)
def test_shapes_from_blind_batches_95_to_97(text: str, blames: bool) -> None:
    """Shapes from helper-written batches 95-97 (2026-12-03), reworded: defences, then
    blame told by habit, by a closing question, by sarcastic praise or by a claim denied."""
    assert bool(rule_and_reader_phrases(text)) is blames


@pytest.mark.parametrize(
    ("text", "blames"),
    [
        ("I want to recognise Ruth, who fixed the label printer without being asked.", False),
        ("Whoever signed it off was working from figures that looked fine.", False),
        ("Ruth took the complaints for a week, and none of it was her doing.", False),
        ("Big thanks to Ruth, who caught the spike and got the banner up in minutes.", False),
        ("Ruth's call tree worked perfectly once we used it.", False),
        ("Any of us would have missed it; I'd have missed it too.", False),
        ("The PM is not the reason this happened. The deadline is.", False),
        ("Someone said the buyer 'caused' the shortage. Shortages happen every winter.", False),
        ("Saying 'Ruth broke it' is too simple; three systems failed together.", False),
        ("I'm the one who found the broken export.", False),
        # a fresh reviewer's attacks on these shapes: praise and plans stay unflagged
        ("Thanks, Ruth, for the extra cover on peak day.", False),
        ("Thanks Ruth for getting the site back up ten minutes after it went down.", False),
        ("Great work by Ruth, staying calm during the storm.", False),
        ("Ruth spotted the typo before anyone approved the invoice.", False),
        ("Nothing is beneath our site manager; she mopped the floor with us.", False),
        ("I was the one who warned everyone about the broken lift.", False),
        ("Jarvis (our chat assistant) answered most of the questions.", False),
        # still blame, and not hidden by a defence next to it
        ("Ruth knew the freezer was failing at noon and did nothing about it.", True),
        ("Every quarter Ruth promises a proper handover, and every quarter she forgets.", True),
        ("Mine was the decision to skip the rehearsal, and I regret it.", True),
        ("I was the one who pushed the wrong price file live.", True),
        ("Ruth posted the link before anyone checked it worked.", True),
        ("Apparently reading the checklist was beneath our shift lead.", True),
        (
            "Honestly I'd have missed it too, but Ruth was told three times and still shipped it.",
            True,
        ),
        (
            "She insists none of it was her doing, but the audit log shows she approved every change.",
            True,
        ),
        ("I want to call out Ruth for pushing untested prices live on a Friday.", True),
    ],
)
def test_shapes_from_blind_batches_99_100(text: str, blames: bool) -> None:
    """Shapes from helper-written batches 99 and 100 (2026-12-03), reworded, and a fresh
    reviewer's attacks on them: defences that stop where blame follows, praise left alone,
    then blame told by a broken promise, a risky act done first or owning a call."""
    assert bool(rule_and_reader_phrases(text)) is blames
