"""One-click sample data, so a new user sees every chart working on an empty database.

Six made-up projects over the eight quarters ending with the current one, answered through
all four shipped questionnaires. Ratings tell stories (one project's schedule gets
realistic after an estimation action, another's communication slides), recurring
problems rise and fall across projects, and one or two surveys stay below the anonymity
threshold so the hidden state shows. Every sample project is created with
`is_sample=True`, so `Store.remove_sample()` takes all of it away again.

Free text is written here already in stored (redacted) form: names appear as `[name]`.
Responses and answers go in through one `Store.bulk_load` call.
"""

from __future__ import annotations

import contextlib
import random
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pandas as pd

from clock import quarter_dates, quarter_of, shift_quarter, today
from surveys import links, setup
from surveys.questionnaire import (
    NO,
    YES,
    AnswerRow,
    Questionnaire,
    SingleChoiceQuestion,
    load_templates,
)
from surveys.store import Store

QUARTERS = 8
INVITATIONS_PER_OPEN_SURVEY = 12

# Eight numbers, one per sample quarter (oldest first).
Trend = tuple[float, float, float, float, float, float, float, float]


@dataclass(frozen=True)
class SampleProject:
    """A made-up project: which questionnaire it runs, when, and the story its answers tell."""

    name: str
    template_id: str
    first: int  # index of its first sample quarter (0 = oldest)
    last: int  # index of its last sample quarter (7 = current)
    ratings: Mapping[str, Trend]  # mean answer per quarter for likert/rating questions
    themes: Mapping[str, Trend]  # how often each problem theme comes up per quarter
    roles: Mapping[str, float] = field(default_factory=dict)  # breakdown option -> weight
    small: frozenset[int] = frozenset()  # quarters whose survey got too few responses
    incidents: tuple[str, ...] = ()  # survey titles per quarter (incident reviews)


@dataclass(frozen=True)
class SampleSummary:
    projects: int
    surveys: int
    responses: int
    answers: int
    texts: int
    actions: int
    invitations: int
    below_threshold: int
    quarters: tuple[str, ...]
    postmortems: int = 0

    def line(self) -> str:
        return (
            f"Loaded the sample: {self.projects} projects, {self.surveys} surveys, "
            f"{self.responses} responses, {self.actions} actions over {self.quarters[0]}"
            f"\u2013{self.quarters[-1]} (remove with `afterward demo --remove`)."
        )


@dataclass(frozen=True)
class SampleAction:
    """An action item decided in a sample quarter, and the days its status changed.

    Days count from the first day of the quarter it was decided in (so a step past ~91 lands
    in a later quarter); steps that would fall after today happen today instead.
    """

    project: str
    quarter: int  # sample quarter index in which it was decided
    title: str
    owner: str
    category: str
    due_days: int  # days after the start of its quarter; negative: -N means N days from today
    steps: tuple[tuple[str, int], ...] = ()  # (status, day) after being decided, oldest first
    reason: str = ""  # why it is "not doing"
    decided_days: int = 70  # after the quarter's retrospective closed

    @property
    def status(self) -> str:
        return self.steps[-1][0] if self.steps else "open"


@dataclass(frozen=True)
class SamplePostmortem:
    """A post-mortem of one sample survey: who runs it, where it stands, what they wrote."""

    project: str
    quarter: int
    owner: str
    status: str
    summaries: Mapping[str, str]


# -- what people wrote ------------------------------------------------------------------------
# Per theme: root-cause category, complaints (what went wrong / stop / contributing factors),
# fixes (do differently / start / prevent), and for incidents a few "what happened" stories.


@dataclass(frozen=True)
class Theme:
    category: str
    complaints: tuple[str, ...]
    fixes: tuple[str, ...]
    stories: tuple[str, ...] = ()


THEMES: dict[str, Theme] = {
    "flaky_ci": Theme(
        "tech_debt_tooling",
        (
            "Flaky CI. Again.",
            "ci pipeline red half the time for reasons that have nothing to do with the change",
            "The integration tests fail randomly, so everyone just hits re-run until it goes "
            "green, which hides the real failures.",
            "flaky e2e suite, 40 min builds",
            "We lost most of a day to a build that failed on a timing-dependent test. Nobody "
            "trusts the pipeline any more.",
            "Retrying CI jobs has become part of the workflow, which is mad when you think about "
            "it",
            "Build queue backed up every afternoon, PRs sat waiting for runners.",
            "CI flakyness (the snapshot tests mostly)",
            "tests that pass locally and fail in CI, every single sprint",
            "Pipeline instability. Merges got batched up at the end of the sprint because no one "
            "wanted to fight the build, then everything landed at once and broke staging.",
            "the docker layer cache in CI keeps getting invalidated so every run is a cold build",
            "red builds on main for days and we just kept merging on top",
            "The test suite takes 35 minutes and fails about one run in four for no reason anyone "
            "can explain. People have stopped reading the failures, they just re-run. Last month "
            "a real bug got through exactly that way and we spent two days on a hotfix.",
            "ci is slow and flaky. thats it thats the retro",
            "Integration environment shared by three teams, so our tests failed whenever somebody "
            "else was running theirs",
            "Seperate from the flaky tests, the runners are underpowered and builds queue for "
            "ages.",
        ),
        (
            "Quarantine flaky tests automatically and give someone time each sprint to fix them.",
            "track flaky tests on a board, fix the top 5 every sprint",
            "More CI runners, or at least split the slow suite out so a PR gets feedback in "
            "under ten minutes.",
            "Make a red build block merges again. Right now nobody looks.",
            "invest a sprint in the pipeline, seriously",
            "Give every flaky test an owner and a deadline, otherwise delete it.",
            "Run the slow end-to-end suite nightly instead of on every PR.",
        ),
        (
            "A real test failure was retried until it passed (the suite is flaky anyway) and the "
            "bug went out with the release.",
        ),
    ),
    "app_store": Theme(
        "deployment_configuration",
        (
            "App Store review took nine days and the launch date was already announced.",
            "apple rejected the build twice over the privacy manifest, no slack in the plan for "
            "that",
            "Submitted to the stores the day before launch: store review is not a step in our "
            "release process.",
            "play store review was quick, app store not so much",
            "Store review delays. Every release.",
            "we keep planning releases as if store approval is instant",
            "Expedited review request was turned down and marketing had already scheduled the "
            "push notification.",
            "app review rejection for a login screen wording issue, cost us a week",
        ),
        (
            "Submit to the app stores at least a week before any public date.",
            "Add store review to the release checklist as its own step",
            "phased release + submit early, announce only after approval",
        ),
    ),
    "estimation": Theme(
        "estimation_schedule",
        (
            "The estimates were made before anyone had looked at the existing codebase.",
            "timeline was fantasy from day one",
            "We committed to a date in the pitch and then tried to make the work fit it.",
            "Schedule too tight, no contingency at all, every small surprise became a crisis",
            "underestimated the data migration by about 3x",
            "Deadlines were set top-down and the team was never asked.",
            "the plan had no room for bugs, holidays or sickness. it assumed everything goes right",
            "Honestly the estimate was a guess wearing a spreadsheet.",
            "Too many things marked 'small' that turned out to be epics.",
            "overcommited in sprint planning, every sprint",
            "We said yes to the date in week one and spent the next four months explaining why it "
            "was wrong. Nobody had looked at the legacy API, nobody had allowed for the security "
            "review, and the design phase overran by three weeks before a line of code was "
            "written.",
            "estimates were optimistic, to put it kindly",
            "The go-live date was fixed by marketing before the scope was known",
        ),
        (
            "Estimate with the people doing the work and add a buffer for the unknowns.",
            "re-plan at each milestone instead of defending the original date",
            "Break the work down before committing to a date; no date without a spike on the "
            "risky bits.",
            "track estimate vs actual so we learn something",
            "Keep 20% of every sprint free for the stuff we always forget.",
            "Estimate in ranges, not single dates.",
        ),
    ),
    "missing_tests": Theme(
        "testing_quality",
        (
            "Hardly any automated tests on the checkout flow, so every change was a gamble.",
            "bugs found in UAT that unit tests would have caught",
            "QA was squeezed into the last two days",
            "No regression suite, so we re-tested everything by hand before each release and "
            "still missed things.",
            "test coverage on the new API is basically zero",
            "Regressions in features that worked last sprint. We don't have tests for the old "
            "stuff.",
            "Testing happened after development instead of alongside it.",
            "no test data that looked like production, so the edge cases only showed up live",
            "UAT turned into our test phase. the client found bugs we should have found weeks "
            "before",
            "We skipped the load test to hit the date and the site fell over on launch morning.",
            "missing tests around payments, which is the one place we really need them",
        ),
        (
            "Write the acceptance tests before UAT, not after.",
            "Definition of done should include tests. No tests, not done.",
            "Get QA involved from the first sprint",
            "build a proper regression suite for the core flows",
            "Budget time for testing in the estimate instead of squeezing it at the end.",
            "Production-like test data in staging (anonymised!)",
        ),
        (
            "A refactor of the currency rounding shipped without tests and charged some customers "
            "a cent too much for two days.",
            "A migration ran fine on the test data set and locked the main table in production, "
            "because prod has fifty times more rows.",
        ),
    ),
    "unclear_goals": Theme(
        "goals_scope_unclear",
        (
            "Nobody could tell me what success looked like for this project.",
            "goals changed depending on who you asked",
            "We built what was in the ticket, not what the business needed, because the why was "
            "never explained.",
            "unclear scope. the brief was one paragraph",
            "The MVP kept growing because there was no agreed definition of minimum.",
            "Didn't know who the actual decision maker was on the client side",
            "Success criteria were never written down, so at the end everyone had a different "
            "view of whether it worked.",
            "vague requirements + no product owner = guesswork",
            "we prioritised features nobody had asked for because the objectives were so fuzzy",
            "Three stakeholders, three different definitions of done. We found out at the final "
            "demo.",
            "I still don't know what problem this project was meant to solve",
            "Project started without a real brief, just a deck from the pitch. Half the team "
            "thought we were rebuilding the shop, the other half thought we were only reskinning "
            "it. That confusion lasted well into the second month.",
            "no clear product vision",
        ),
        (
            "Write down goals and success criteria at kick-off and get them signed off.",
            "one named product owner with the final say on scope",
            "Agree what's out of scope as explicitly as what's in.",
            "kickoff workshop with the client before any estimates",
            "Write a one-page brief with the goal, the non-goals and how we'll measure success.",
        ),
    ),
    "late_changes": Theme(
        "requirements_change",
        (
            "Requirements changed two weeks before go-live.",
            "late change requests kept landing mid-sprint and nobody said no",
            "The design was reworked after development had started, which threw away about a "
            "month of work.",
            "scope creep. lots of it",
            "Client changed the data model in UAT",
            "Change requests were accepted verbally and never costed, so the schedule absorbed "
            "all of them.",
            "constant reprioritisation, we started three things and finished one",
            "Requirements arrived in dribs and drabs over email, so we were always building "
            "against an out-of-date picture.",
        ),
        (
            "Freeze scope before UAT; changes after that go into the next release.",
            "Every change request gets an estimate and an explicit yes from the client before "
            "we start on it.",
            "keep a change log the client can see",
            "Change requests through a proper process, not a hallway chat.",
            "say no more often, or at least 'yes, and here is what moves out'",
        ),
    ),
    "key_person": Theme(
        "staffing_resources",
        (
            "Only [name] could fix the billing jobs, and they were on holiday the week it broke.",
            "Too much depended on one person. When they were off sick the whole thing stalled.",
            "bus factor of 1 on the billing integration",
            "We were two people short for most of the project and never backfilled.",
            "Key knowledge lives in one head. Nothing is written down.",
            "the on-call rota is basically three people, everyone's tired",
            "Everything had to go through [name] for approval, and [name] was in meetings all day.",
            "people got pulled onto other projects half way through",
            "When [name] left in the middle of the project we lost all the knowledge of the "
            "integration, there was no handover and no docs, and the new people spent three weeks "
            "reverse-engineering it.",
            "understaffed from start to finish",
            "one person is a single point of failure for the whole mobile app",
            "we breached the SLA on two tickets because the on-call rota had a gap over the "
            "weekend",
        ),
        (
            "Pair on the critical systems so at least two people can deploy and debug them.",
            "rotate who does releases so more than one of us can do them",
            "Backfill people when they move off the project instead of hoping we cope.",
            "cross-training. bigger on-call rota",
            "Nobody should be the only person who can do a thing. Write it down, teach someone.",
        ),
        (
            "The database failover needed someone who knew the replication setup; the one "
            "person who did was on a plane. We waited about an hour.",
            "Outage during the holidays, half the rota away, and the responder had never "
            "touched this service before.",
        ),
    ),
    "cert_config": Theme(
        "deployment_configuration",
        (
            "The TLS certificate on the gateway expired and nobody got a warning.",
            "cert expiry, again. renewal was a manual calendar reminder",
            "A config change meant for staging went to production because both read the same "
            "env file.",
            "Misconfigured load balancer health check took the API out of rotation.",
            "k8s secret was rotated but the pods weren't restarted, so they kept the old "
            "credentials",
            "Feature flag defaulted to on in prod and off in staging. Nobody noticed until "
            "customers did.",
            "Manual deploy steps. One got skipped.",
            "DNS change with a 24h TTL and no rollback plan",
            "The cert renewal cron job had been failing silently for months.",
            "Env vars differ between staging and prod in ways nobody has documented",
            "misconfigured helm values, the replica count was 1 in production",
        ),
        (
            "Automate certificate renewal and alert 30 days before expiry.",
            "Config as code, reviewed in a PR like everything else",
            "Deploys should be one command with no manual steps",
            "separate prod and staging config properly, and diff them before every release",
            "Put every certificate in one inventory with its expiry date and an owner.",
            "a pre-deploy check that compares the config against the last good release",
        ),
        (
            "Card payments started failing mid-morning. The certificate on the gateway had "
            "expired overnight; renewal was a manual job and the reminder went to a shared "
            "mailbox.",
            "Deploy pushed a config file with the staging database URL to prod. Writes failed "
            "for about 25 minutes until we rolled back.",
            "The health check path changed in the release but the load balancer config didn't, "
            "so every instance was marked unhealthy.",
            "cert on the internal API expired, services couldn't talk to each other, took a "
            "while to figure out because the error just said connection reset",
        ),
    ),
    "noisy_alerts": Theme(
        "monitoring_alerting",
        (
            "So many alerts fire every night that the real one got ignored.",
            "alert fatigue. on-call gets paged for disk at 80% on a box that's been at 80% for "
            "a year",
            "We found out from a customer post on social media, not from our monitoring.",
            "The dashboard showed green while checkout was failing, because we only monitor the "
            "health endpoint.",
            "the pager went off 60 times in one shift, almost all of it noise",
            "no alert on queue depth so the backlog grew for hours",
            "Alerts go to a channel nobody reads.",
            "Monitoring covers CPU and memory but nothing a customer would notice. Error rate on "
            "payments went to 30% and no alert fired at all.",
            "too many alerts, not enough signal",
            "on-call got woken up three nights running for alerts that needed no action",
        ),
        (
            "Page only on symptoms customers feel (SLO burn) and send everything else to a "
            "ticket queue.",
            "Delete or fix every alert that fired without anyone acting on it last month.",
            "synthetic checks on checkout + login",
            "Alert on queue depth and consumer lag",
            "Write down which alerts page and which don't, and review it every quarter.",
            "define SLOs for the payment flow and alert on those",
        ),
        (
            "The queue consumer died and the backlog grew for about four hours. There was an "
            "alert, but it was buried among forty others in the channel.",
            "Customers reported failed refunds before any alert fired. Our monitoring only checks "
            "that the service responds, not that refunds succeed.",
            "Latency alert fired at 2am, on-call assumed it was the usual noise and silenced it. "
            "It wasn't.",
        ),
    ),
    "sales_promises": Theme(
        "client_expectations",
        (
            "Sales promised features that were never scoped.",
            "the client was told SSO was included. it was not in the SOW",
            "Expectations were set during the sales process and the delivery team only found "
            "out at kickoff.",
            "The proposal promised a 6 week delivery for what is clearly a 4 month project.",
            "Sales sold a roadmap item as if it already existed",
            "sales overpromising, us underdelivering, same story as last year",
            "Handover from sales to delivery was a single call with no notes.",
            "The SOW and the pitch deck described two different products.",
            "Sales promised an SLA of 99.99% which our hosting can't give.",
            "Client believed the mobile app was part of the deal because sales had shown a "
            "mockup. It wasn't scoped, wasn't estimated and wasn't in the contract, but by the "
            "time we found out they'd told their board about it.",
            "feature promised in the sales call that didnt exist",
        ),
        (
            "Delivery should review the SOW before it goes to the client.",
            "A proper handover from sales with everything that was promised, in writing.",
            "no custom features in a proposal without an estimate from the team",
            "Get a tech lead on the last sales call before signing.",
        ),
    ),
    "slow_approvals": Theme(
        "client_expectations",
        (
            "Waiting on client approvals stalled us for weeks.",
            "designs sat in the client's inbox for 10 days",
            "Sign-off needed three people on their side and they were never in the same meeting.",
            "UAT feedback came back a month late and then all at once",
            "client approvals slow, so we started building on assumptions and then had to redo "
            "bits",
            "Every design round waited a week for feedback, so a two week phase took six.",
            "the client's legal review of the DPA took longer than the build",
        ),
        (
            "Agree approval turnaround times in the SOW.",
            "Book the sign-off meetings for the whole project at kickoff",
            "if there's no feedback in 5 working days we proceed, agreed up front",
            "Name one approver on the client side who can actually say yes.",
        ),
    ),
    "comms": Theme(
        "communication_gaps",
        (
            "Decisions were made in calls and never written down.",
            "I found out about the deadline change from the client, not from our own team.",
            "Too many channels: chat, email, ticket comments, a group chat with the client... "
            "things got lost.",
            "status updates stopped halfway through the project",
            "The client felt out of the loop and honestly so did we.",
            "Standups turned into status reports for the manager instead of the team talking "
            "to each other.",
            "nobody told support about the release, so they were blindsided by the tickets",
            "information went client -> account manager -> PM -> team and got distorted at "
            "every hop",
            "communication between the two offices was poor, the timezone overlap is one hour",
            "Comms. Just comms.",
            "The client changed the launch date in a meeting the team wasn't invited to and we "
            "heard about it a week later, second hand, from someone in sales. By then we'd "
            "already planned the sprint around the old date.",
            "Nobody owned the client relationship after the account manager moved on",
            "Lots of meetings, very little information.",
            "we recieved the updated designs by email but the tickets still pointed at the old "
            "ones",
        ),
        (
            "Weekly written status note to everyone, client included.",
            "Keep a decision log and link it from the project page",
            "One channel per project, with the client in it.",
            "Tell support before every release, with notes.",
            "Fewer meetings, more written updates.",
            "a short fortnightly call with the client where we go through risks, not just progress",
        ),
    ),
    # The client's own voice, for client feedback.
    "client_scope": Theme(
        "client_expectations",
        (
            "What we were told in the sales meetings and what ended up in the contract did not "
            "match.",
            "We assumed reporting was included. Apparently not.",
            "The initial proposal was optimistic and we planned our launch around it.",
            "expectations on our side were set too high early on",
        ),
        (
            "Put everything that is promised into the SOW.",
            "Be realistic in the proposal, we would rather hear the real timeline up front.",
        ),
    ),
    "client_approvals": Theme(
        "client_expectations",
        (
            "To be fair, our internal sign-off was slow and that cost time.",
            "We didn't always have the right people available to approve designs.",
            "Our legal team took a long time over the data processing agreement, which held "
            "things up.",
        ),
        (
            "Agree a sign-off schedule with us at the start.",
            "Chase us harder when approvals are late!",
        ),
    ),
    "client_changes": Theme(
        "requirements_change",
        (
            "We changed our minds on the onboarding flow late, sorry about that.",
            "Some of our requests came in late. It would help if you pushed back more clearly "
            "on cost and time.",
            "A few changes we asked for mid-way turned out to be much bigger than we thought and "
            "nobody warned us.",
        ),
        ("Push back on our change requests with a cost and a date.",),
    ),
    "client_comms": Theme(
        "communication_gaps",
        (
            "We sometimes didn't know what was happening for a week or two at a time.",
            "updates were irregular",
            "Hard to know who to contact about what. Our account manager changed twice.",
            "Reports were very technical; we needed a plain summary for our board.",
            "Would have liked to hear about the delay earlier rather than at the demo.",
        ),
        (
            "Send a short weekly update, even if nothing changed.",
            "One point of contact please.",
            "Tell us early when something is going to be late.",
        ),
    ),
    "client_schedule": Theme(
        "estimation_schedule",
        (
            "Delivery was about six weeks later than the original plan.",
            "the timeline slipped and we only found out close to the date",
            "UAT was rushed because development ran over.",
        ),
        ("Build some contingency into the plan you show us.",),
    ),
}

# Sprint retros ask "what should we stop doing?": some answer with a habit, not a complaint.
STOPS: dict[str, tuple[str, ...]] = {
    "flaky_ci": (
        "Stop merging on a red build.",
        "stop re-running failed jobs without looking at why they failed",
        "Stop adding end-to-end tests for things a unit test can cover",
    ),
    "late_changes": (
        "Stop taking new work into the sprint after planning.",
        "stop saying yes to every change in the middle of the sprint",
        "Stop treating 'small tweak' requests as free.",
    ),
    "noisy_alerts": (
        "Stop paging for things that can wait until morning.",
        "stop muting alerts instead of fixing them",
    ),
    "key_person": (
        "Stop routing every database question to the same person.",
        "stop skipping the handover notes when someone goes on leave",
    ),
    "unclear_goals": (
        "Stop starting tickets that have no acceptance criteria.",
        "stop planning the sprint before the goal is agreed",
    ),
}

TEAM_POSITIVES = (
    "Pairing on the tricky parts.",
    "Good team spirit even under pressure",
    "The daily standup stayed short and useful.",
    "demos every sprint kept the client engaged",
    "Code reviews were quick and kind.",
    "Feature flags let us ship in small pieces.",
    "the new staging environment is a massive improvement",
    "Retros actually led to changes this time.",
    "Design and dev sat together, which saved a lot of back and forth.",
    "On-call handover notes were excellent",
    "Postmortems are blameless and it shows.",
    "Clear ownership of each workstream.",
    "we said no to a couple of late requests and it paid off",
    "The runbook for the database failover was spot on.",
    "Good collaboration with the client's IT team",
    "shipping small PRs",
    "Automated deploys to staging on every merge.",
    "Having a product owner who was around most days",
    "The incident channel was calm: one person coordinating, the others fixing.",
    "writing ADRs for the big decisions",
    "Kept the sprint goal small and hit it",
    "the mob debugging session was great, learned loads",
    "Favourite bit: the customer interviews before we built anything.",
    "honest conversations in the retro",
    "Thanks to [name] for keeping the release notes up to date.",
    "the k8s migration went smoother than anyone expected",
    "Good prioritization by the PO, we always knew what was next",
    "Sensible prioritisation, and the PO protected the sprint from drive-by requests",
    "The UAT phase was well organised and the client's testers were great",
    "honestly the best-run project I've been on here",
    "The new CI caching cut our build times in half!",
    "Everyone was willing to help each other out",
    "tight feedback loop with the client's ops team",
    "Incident comms to customers were quick and honest.",
    "we finally wrote down the on-call runbooks",
)

CLIENT_POSITIVES = (
    "The team was responsive and genuinely cared about our users.",
    "Great quality of work, the portal is fast and our staff like it.",
    "Good advice on what to leave out of the first release.",
    "Demos every two weeks were really useful.",
    "Very flexible when we needed to change priorities.",
    "the designer understood our brand straight away",
    "Launch day went smoothly.",
    "Professional and friendly throughout.",
    "You were honest with us when things went wrong, which we appreciated.",
    "the training sessions for our staff were excellent",
    "Quick fixes after launch, great support",
    "[name] explained the technical trade-offs in plain language, which our board appreciated.",
)

_OPENERS = ("Again: ", "Biggest one for me: ", "Same as last time: ", "Mainly: ", "IMO ")
_CLOSERS = (" (again)", " imo", ", as usual", " - same as last quarter", "!!", " fwiw")
_JOINERS = (". Also, ", ". On top of that ", " and ", "; plus ", ". And ")

# Questions by what their free text is about; the rest (went wrong, root cause, stop,
# contributing factors) get complaints.
_FIX = frozenset({"do_differently", "start", "prevent_next_time"})
_POSITIVE = frozenset({"went_well", "continue"})

# -- the projects -------------------------------------------------------------------------------

SAMPLE_PROJECTS: tuple[SampleProject, ...] = (
    SampleProject(
        name="Lighthouse mobile app",
        template_id="project-postmortem",
        first=0,
        last=7,
        roles={"Team member": 0.72, "Client": 0.12, "Manager": 0.1, "Other": 0.06},
        ratings={
            # Estimation action decided in quarter 3: schedules become realistic afterwards.
            "schedule_realistic": (2.0, 2.1, 1.9, 2.2, 3.0, 3.4, 3.8, 4.0),
            "schedule_detailed": (2.6, 2.5, 2.7, 2.8, 3.4, 3.6, 3.8, 3.9),
            "goals_clear": (3.5, 3.6, 3.4, 3.6, 3.7, 3.6, 3.8, 3.7),
            "communication": (6.8, 7.0, 6.6, 7.1, 7.2, 7.0, 7.4, 7.3),
        },
        themes={
            "estimation": (5, 5, 6, 5, 2, 2, 2.5, 1),
            "app_store": (3, 3, 3, 4, 3, 3, 2, 2),
            "flaky_ci": (1, 1, 2, 2, 3, 3, 4, 4),
            "missing_tests": (3, 3, 2, 1, 1, 0.5, 0.5, 0.5),
            "key_person": (0.5, 0.5, 1, 1, 1, 2, 2, 2),
            "comms": (1, 1, 1, 1, 1, 1, 1, 1),
        },
    ),
    SampleProject(
        name="Orchard web shop",
        template_id="project-postmortem",
        first=0,
        last=7,
        roles={"Team member": 0.6, "Client": 0.26, "Manager": 0.1, "Other": 0.04},
        ratings={
            # Communication slides quarter after quarter; goals clear up after the kick-off fix.
            "communication": (8.0, 7.8, 7.4, 6.8, 6.0, 5.4, 4.8, 4.3),
            "goals_clear": (2.5, 2.4, 2.6, 3.4, 3.8, 3.9, 4.0, 4.0),
            "schedule_realistic": (3.2, 3.1, 3.0, 3.1, 2.9, 2.8, 2.7, 2.8),
            "schedule_detailed": (3.3, 3.2, 3.3, 3.4, 3.3, 3.2, 3.1, 3.2),
        },
        themes={
            "comms": (0.5, 1, 1, 2, 3, 4, 4, 5),
            "unclear_goals": (4, 4, 4, 1, 1, 0.5, 0.5, 0.5),
            "sales_promises": (1, 2, 2, 3, 3, 4, 4, 4),
            "late_changes": (2, 2, 3, 2, 2, 3, 2, 2),
            "slow_approvals": (1, 1, 1, 2, 2, 2, 2, 2),
            "missing_tests": (2, 2, 1, 1, 1, 1, 0.5, 0.5),
        },
    ),
    SampleProject(
        name="Payments platform",
        template_id="incident-postmortem",
        first=0,
        last=7,
        roles={
            "Responder or on-call": 0.55,
            "Engineering, not responding": 0.2,
            "Support or customer-facing": 0.15,
            "Manager": 0.07,
            "Other": 0.03,
        },
        ratings={
            "detected_quickly": (2.3, 2.4, 2.6, 3.2, 3.6, 3.8, 3.9, 4.0),
            "response_quality": (5.4, 5.6, 5.9, 6.4, 6.9, 7.1, 7.4, 7.6),
        },
        themes={
            # Certificate renewal automated in quarter 2: the theme disappears.
            "cert_config": (4, 4, 3, 0, 0, 0, 0, 0),
            "noisy_alerts": (2, 3, 3, 4, 4, 4, 3, 3),
            "key_person": (2, 2, 2, 3, 3, 3, 4, 4),
            "missing_tests": (1, 1, 1, 1, 1, 1, 1, 1),
            "flaky_ci": (0.3, 0.3, 1, 1, 1, 1, 2, 2),
        },
        small=frozenset({5}),
        incidents=(
            "Card gateway certificate expired",
            "Staging config deployed to production",
            "Internal API certificate expiry",
            "Refund queue backlog",
            "Settlement job missed its window",
            "Search outage on the night shift",
            "Database failover delay",
            "Duplicate charge after retry",
        ),
    ),
    SampleProject(
        name="Kestrel client portal",
        template_id="client-feedback",
        first=2,
        last=7,
        ratings={
            "recommend": (8.0, 8.0, 7.8, 6.6, 5.6, 6.2, 7.0, 7.6),
            "communication": (7.5, 7.5, 7.2, 6.0, 5.4, 6.1, 6.9, 7.3),
            "schedule_realistic": (3.6, 3.6, 3.3, 2.6, 2.4, 2.9, 3.3, 3.5),
            "goals_clear": (3.9, 3.9, 3.8, 3.7, 3.6, 3.8, 3.9, 4.0),
        },
        themes={
            "client_scope": (1, 1, 1, 3, 3, 2, 1, 1),
            "client_approvals": (2, 2, 2, 2, 2, 1, 1, 1),
            "client_changes": (1, 1, 1, 2, 3, 2, 1, 1),
            "client_comms": (1, 1, 1, 3, 4, 2, 1, 1),
            "client_schedule": (1, 1, 1, 3, 3, 2, 1, 1),
        },
        small=frozenset({2}),
    ),
    SampleProject(
        name="Data pipeline",
        template_id="sprint-retro",
        first=0,
        last=7,
        ratings={
            "workload_sustainable": (3.4, 3.3, 3.2, 3.0, 2.9, 2.8, 2.7, 2.6),
            "goals_clear": (3.0, 3.1, 3.2, 3.3, 3.3, 3.5, 3.6, 3.6),
            "sprint_rating": (6.6, 6.5, 6.3, 6.0, 6.2, 5.9, 5.8, 5.6),
        },
        themes={
            # Flaky tests quarantined in quarter 4, yet the theme keeps coming back.
            "flaky_ci": (3, 4, 4, 4, 3, 4, 4, 4),
            "late_changes": (2, 2, 3, 3, 3, 2, 3, 3),
            "noisy_alerts": (1, 1, 1, 2, 2, 2, 2, 2),
            "key_person": (1, 1, 1, 1, 2, 2, 3, 3),
            "unclear_goals": (2, 2, 2, 1, 1, 1, 1, 1),
        },
    ),
    SampleProject(
        name="Helpdesk migration",
        template_id="project-postmortem",
        first=2,
        last=6,
        roles={"Team member": 0.55, "Client": 0.3, "Manager": 0.12, "Other": 0.03},
        ratings={
            "goals_clear": (3.4, 3.4, 3.3, 3.2, 3.3, 3.4, 3.4, 3.4),
            "schedule_realistic": (3.0, 3.0, 2.9, 2.7, 2.6, 2.8, 3.0, 3.0),
            "schedule_detailed": (3.1, 3.1, 3.0, 3.0, 3.1, 3.2, 3.2, 3.2),
            "communication": (6.5, 6.5, 6.4, 6.1, 6.0, 6.3, 6.5, 6.5),
        },
        themes={
            "key_person": (2, 2, 3, 3, 4, 3, 2, 2),
            "cert_config": (2, 2, 2, 2, 1, 1, 1, 1),
            "sales_promises": (1, 1, 1, 2, 2, 2, 2, 2),
            "late_changes": (2, 2, 2, 2, 2, 2, 2, 2),
            "comms": (1, 1, 1, 2, 2, 2, 2, 2),
            "missing_tests": (1, 1, 1, 1, 1, 1, 1, 1),
        },
    ),
)

# Done actions went open -> in progress -> done on different days. Each tells a story the
# "Did it work?" view can read once the analysis has run: certificate expiry is never raised
# again after renewal was automated (it worked); the web shop's communication complaints keep
# growing after the fortnightly risk call (still raised); missing tests are raised less; the
# helpdesk's last change and this quarter's decision log are too recent to judge.
SAMPLE_ACTIONS: tuple[SampleAction, ...] = (
    SampleAction("Lighthouse mobile app", 2, "Acceptance tests for checkout and login before UAT",
                 "QA lead", "testing_quality", 150,
                 (("in_progress", 80), ("done", 140))),
    SampleAction("Lighthouse mobile app", 3,
                 "Estimate with the team, add a 20% buffer and re-plan at every milestone",
                 "Delivery lead", "estimation_schedule", 88,
                 (("in_progress", 74), ("done", 86))),
    SampleAction("Lighthouse mobile app", 4,
                 "Run the slow end-to-end suite nightly and quarantine flaky UI tests",
                 "Tech lead", "tech_debt_tooling", 90,
                 (("in_progress", 75), ("done", 87))),
    SampleAction("Lighthouse mobile app", 5,
                 "Submit builds to the app stores a week before any announced date",
                 "Mobile lead", "deployment_configuration", 100, (("in_progress", 90),)),
    SampleAction("Lighthouse mobile app", 6,
                 "Pair a second developer on every release of the mobile build",
                 "Engineering manager", "staffing_resources", 120),
    SampleAction("Orchard web shop", 2,
                 "Kick-off workshop with written goals and success criteria signed by the client",
                 "Project manager", "goals_scope_unclear", 110,
                 (("in_progress", 72), ("done", 96))),
    SampleAction("Orchard web shop", 3, "Fortnightly risk call with the client",
                 "Account manager", "communication_gaps", 60,
                 (("in_progress", 25), ("done", 40)), decided_days=15),
    SampleAction("Orchard web shop", 5, "Weekly written status note to the client and the team",
                 "Account manager", "communication_gaps", 110),
    SampleAction("Orchard web shop", 6, "Delivery reviews every SOW before it is sent",
                 "Head of delivery", "client_expectations", 120, (("not_doing", 85),),
                 "Sales wants proposals out within two days; revisit at annual planning."),
    SampleAction("Orchard web shop", 7, "Keep a decision log linked from the project page",
                 "Project manager", "communication_gaps", 30,
                 (("in_progress", 3), ("done", 9)), decided_days=1),
    SampleAction("Payments platform", 0,
                 "Automate certificate renewal and alert 30 days before expiry",
                 "Platform team", "deployment_configuration", 270,
                 (("in_progress", 110), ("done", 262))),
    SampleAction("Payments platform", 4,
                 "Page only on customer-facing symptoms; send the rest to a ticket queue",
                 "SRE lead", "monitoring_alerting", -45, (("in_progress", 95),)),
    SampleAction("Payments platform", 6, "Cross-train a second responder for database failover",
                 "Engineering manager", "staffing_resources", 70),
    SampleAction("Kestrel client portal", 4, "Agree a five-day approval turnaround in the SOW",
                 "Account manager", "client_expectations", 90,
                 (("in_progress", 75), ("done", 84))),
    SampleAction("Kestrel client portal", 7,
                 "One named point of contact for the client, with a backup",
                 "Account manager", "communication_gaps", -21, decided_days=2),
    SampleAction("Data pipeline", 4, "Quarantine flaky tests and fix the ten worst",
                 "Data platform team", "tech_debt_tooling", 80,
                 (("in_progress", 30), ("done", 70)), decided_days=10),
    SampleAction("Data pipeline", 5, "Freeze requirements two weeks before each release",
                 "Product owner", "requirements_change", 30, (("not_doing", 40),),
                 "The migration needs same-week changes; we re-plan explicitly instead.",
                 decided_days=20),
    SampleAction("Helpdesk migration", 4,
                 "Document mail routing and SSO set-up; rotate who deploys",
                 "IT operations", "staffing_resources", 100, (("in_progress", 85),)),
    SampleAction("Helpdesk migration", 6,
                 "Train a second administrator on the mail gateway before hand-over",
                 "IT operations", "staffing_resources", 88,
                 (("in_progress", 76), ("done", 86))),
)  # fmt: skip

# One post-mortem in each status, run by a made-up owner, on surveys whose results are out.
# Summaries are keyed by the questionnaire's text question ids (the document's sections).
SAMPLE_POSTMORTEMS: tuple[SamplePostmortem, ...] = (
    SamplePostmortem(
        "Payments platform", 0, "Ines Marchetti", "published",
        {
            "went_wrong": "The gateway certificate ran out overnight and card payments "
            "failed until a new one was installed by hand.",
            "root_causes": "Renewal depended on a calendar reminder sent to a shared "
            "mailbox that nobody watched.",
            "do_differently": "Renew automatically and warn the platform team a month "
            "ahead.",
        },
    ),
    SamplePostmortem(
        "Lighthouse mobile app", 4, "Dara Oyelaran", "published",
        {
            "went_wrong": "Builds failed for reasons unrelated to the change, so people "
            "re-ran them until green.",
            "do_differently": "Move the slowest suite to a nightly run and quarantine flaky "
            "tests.",
            "actions": "The nightly suite is in place; flaky tests are now rare.",
        },
    ),
    SamplePostmortem(
        "Lighthouse mobile app", 6, "Tobias Wren", "in_review",
        {
            "schedule": "Estimates held for most of the quarter.",
            "went_well": "Pairing on the release build spread the know-how.",
            "went_wrong": "Store review and unreliable builds still cost us days before "
            "release.",
        },
    ),
    SamplePostmortem(
        "Helpdesk migration", 6, "Kalani Brooks", "draft",
        {
            "root_causes": "Mail routing knowledge sat with one administrator.",
            "goals": "The cut-over date was clear; what 'done' meant for old tickets was not.",
        },
    ),
)  # fmt: skip


# -- loading ---------------------------------------------------------------------------------------


def sample_quarters(on: date | None = None) -> list[tuple[str, date, date]]:
    """The eight quarters ending with the one containing `on`: (label, first day, last day)."""
    current = quarter_of(on or today())
    labels = [shift_quarter(current, -back) for back in range(QUARTERS - 1, -1, -1)]
    return [(label, *quarter_dates(label)) for label in labels]


def load_sample(store: Store, *, seed: int = 7) -> SampleSummary:
    """Create the sample projects, surveys, responses and actions; refuses a second load."""
    if store.has_sample():
        raise ValueError(
            "The sample is already loaded. Remove it first (`afterward demo --remove`)."
        )
    taken = [p.name for p in SAMPLE_PROJECTS if store.project_by_name(p.name) is not None]
    if taken:
        raise ValueError(f"Cannot load the sample: a real project is already called {taken[0]!r}.")
    rng = random.Random(seed)
    templates = load_templates()[0]
    quarters = sample_quarters()
    current = len(quarters) - 1
    on = today()
    response_rows: list[dict[str, object]] = []
    answer_rows: list[dict[str, object]] = []
    surveys = invitations = below = 0
    live_responses = live_answers = live_texts = 0
    survey_ids: dict[tuple[str, int], str] = {}
    for project in SAMPLE_PROJECTS:
        store.create_project(project.name, is_sample=True)
        questionnaire = templates[project.template_id]
        for qi in range(project.first, project.last + 1):
            label, start, end = quarters[qi]
            if qi == current:
                opens_on, closes_on = start, end
                last_day = on
            else:
                opens_on = start + timedelta(days=rng.randint(40, 60))
                closes_on = min(opens_on + timedelta(days=rng.randint(14, 21)), end)
                last_day = closes_on
            title = _title(project, questionnaire, qi, label)
            survey_id = setup.create_survey(
                store,
                project=project.name,
                template_id=project.template_id,
                title=title,
                quarter=label,
                opens_on=opens_on,
                closes_on=closes_on,
                templates=templates,
            )
            survey_ids[project.name, qi] = survey_id
            surveys += 1
            invitation_tokens: list[str] = []
            if qi == current:
                # A shareable link only where the survey's threshold allows one (the open-link
                # rule, kept in links.issue_open_link); the others take invitations only.
                with contextlib.suppress(ValueError):
                    links.issue_open_link(store, survey_id)
                invitation_tokens = links.issue_invitations(
                    store, survey_id, INVITATIONS_PER_OPEN_SURVEY
                )
                invitations += INVITATIONS_PER_OPEN_SURVEY
            else:
                store.set_survey_status(survey_id, "closed")
            if qi in project.small:
                count = 2
                below += 1
            elif qi == current:
                count = rng.randint(5, 9)
            else:
                count = rng.randint(6, 14)
            span = (last_day - opens_on).days
            for index in range(count):
                if invitation_tokens:
                    # The open survey is answered through its invitations, as people would.
                    rows = _answers(rng, project, questionnaire, qi)
                    store.record_response(
                        survey_id, rows, invitation_hash=links.token_hash(invitation_tokens[index])
                    )
                    live_responses += 1
                    live_answers += len(rows)
                    live_texts += sum(r.value_text is not None for r in rows)
                    continue
                response_id = str(uuid.uuid4())
                submitted = opens_on + timedelta(days=min(span, int(rng.expovariate(1 / 4))))
                response_rows.append(
                    {"response_id": response_id, "survey_id": survey_id, "submitted_on": submitted}
                )
                for row in _answers(rng, project, questionnaire, qi):
                    answer_rows.append(
                        {
                            "response_id": response_id,
                            "survey_id": survey_id,
                            "question_id": row.question_id,
                            "value_number": row.value_number,
                            "value_text": row.value_text,
                            "value_choice": row.value_choice,
                        }
                    )
    responses = pd.DataFrame(response_rows, columns=["response_id", "survey_id", "submitted_on"])
    answers = pd.DataFrame(
        answer_rows,
        columns=["response_id", "survey_id", "question_id", "value_number", "value_text",
                 "value_choice"],
    )  # fmt: skip
    store.bulk_load(responses, answers)
    actions = _create_actions(store, quarters, survey_ids)
    postmortems = _create_postmortems(store, survey_ids)
    return SampleSummary(
        projects=len(SAMPLE_PROJECTS),
        surveys=surveys,
        responses=len(responses) + live_responses,
        answers=len(answers) + live_answers,
        texts=int(answers["value_text"].notna().sum()) + live_texts,
        actions=actions,
        invitations=invitations,
        below_threshold=below,
        quarters=tuple(q[0] for q in quarters),
        postmortems=postmortems,
    )


def _title(project: SampleProject, questionnaire: Questionnaire, qi: int, label: str) -> str:
    if project.incidents:
        return f"Incident review: {project.incidents[qi]}"
    return f"{questionnaire.title}: {project.name} {label}"


def _answers(
    rng: random.Random, project: SampleProject, questionnaire: Questionnaire, qi: int
) -> list[AnswerRow]:
    """One response's answer rows, each question answered (or skipped) by its kind's sampler
    and stored as the question stores it. Raises KeyError for a kind without a sampler."""
    rows: list[AnswerRow] = []
    numbers: dict[str, float] = {}
    for q in questionnaire.questions:
        value = ANSWER_SAMPLERS[q.kind](rng, project, q, qi, numbers)
        if value is None:
            continue
        if q.scale is not None:
            numbers[q.id] = float(value)
        rows.extend(q.answer_rows(value))
    return rows


# A sampler answers one question of one sample response like its project would, or skips it
# (None): (rng, project, question, quarter index, numeric answers given so far) -> answer.
Sampler = Callable[[random.Random, SampleProject, Any, int, Mapping[str, float]], Any]


def _on_scale(typical: float, spread: float) -> Sampler:
    """Numeric answers around the project's mean for the question (else `typical`)."""

    def answer(
        rng: random.Random,
        project: SampleProject,
        q: Any,
        qi: int,
        numbers: Mapping[str, float],
    ) -> int:
        low, high = q.scale
        mean = project.ratings.get(q.id, (typical,) * QUARTERS)[qi]
        return min(high, max(low, round(rng.gauss(mean, spread))))

    return answer


def _yes_no(
    rng: random.Random, project: SampleProject, q: Any, qi: int, numbers: Mapping[str, float]
) -> str | None:
    yes = rng.random() < _yes_chance(q.id, numbers, qi)
    if q.required or rng.random() < 0.9:
        return YES if yes else NO
    return None


def _multiple_choice(
    rng: random.Random, project: SampleProject, q: Any, qi: int, numbers: Mapping[str, float]
) -> list[str]:
    picked = rng.sample(q.options, rng.choice((1, 1, 2, 2, 3)))
    return sorted(picked, key=q.options.index)


def _free_text(
    rng: random.Random, project: SampleProject, q: Any, qi: int, numbers: Mapping[str, float]
) -> str | None:
    return _text(rng, project, q.id, qi) if rng.random() < 0.72 else None


# One sampler per question kind (tests check every kind in `KINDS` has one).
ANSWER_SAMPLERS: dict[str, Sampler] = {
    "likert": _on_scale(3.6, 0.8),
    "rating": _on_scale(7.0, 1.4),
    "yes_no": _yes_no,
    "single_choice": lambda rng, project, q, qi, numbers: _single_choice(rng, project, q, qi),
    "multiple_choice": _multiple_choice,
    "text": _free_text,
}


def _yes_chance(question_id: str, numbers: Mapping[str, float], qi: int) -> float:
    if question_id == "sprint_goal_met":
        return min(0.95, max(0.05, (numbers.get("sprint_rating", 6) - 3) / 6))
    if question_id == "work_again":
        return 0.95 if numbers.get("recommend", 7) >= 6 else 0.35
    if question_id == "runbook_helped":
        return 0.25 + 0.07 * qi
    return 0.5


def _single_choice(
    rng: random.Random, project: SampleProject, q: SingleChoiceQuestion, qi: int
) -> str | None:
    if q.breakdown:
        if not project.roles or rng.random() < 0.08:
            return None  # the role question is optional and some skip it
        return rng.choices(list(project.roles), weights=list(project.roles.values()))[0]
    if q.id == "detection":
        # After the alerting work, automated alerts overtake customer reports.
        alert = 0.15 + 0.08 * qi
        weights = [alert, 0.15, max(0.05, 0.5 - 0.06 * qi), 0.15, 0.05]
        return rng.choices(q.options, weights=weights[: len(q.options)])[0]
    if q.id == "severity":
        return rng.choices(q.options, weights=[0.1, 0.3, 0.4, 0.2][: len(q.options)])[0]
    return rng.choice(q.options)


def _text(rng: random.Random, project: SampleProject, question_id: str, qi: int) -> str:
    client = project.template_id == "client-feedback"
    if question_id in _POSITIVE:
        return _vary(rng, rng.choice(CLIENT_POSITIVES if client else TEAM_POSITIVES))
    names = list(project.themes)
    weights = [project.themes[n][qi] for n in names]
    name = rng.choices(names, weights=weights)[0]
    theme = THEMES[name]
    if question_id == "stop" and name in STOPS and rng.random() < 0.6:
        return _vary(rng, rng.choice(STOPS[name]))
    if question_id == "what_happened":
        return rng.choice(theme.stories or theme.complaints)
    if question_id in _FIX:
        return _vary(rng, rng.choice(theme.fixes))
    text = rng.choice(theme.complaints)
    if rng.random() < 0.18:  # a ramble across two problems
        other = THEMES[rng.choices(names, weights=weights)[0]]
        second = rng.choice(other.complaints)
        if second != text:
            text = text.rstrip(".!") + rng.choice(_JOINERS) + _lower_first(second)
    return _vary(rng, text)


def _vary(rng: random.Random, text: str) -> str:
    roll = rng.random()
    if roll < 0.1:
        return text.lower()
    if roll < 0.2:
        return text.rstrip(".")
    if roll < 0.26:
        return rng.choice(_OPENERS) + _lower_first(text)
    if roll < 0.34:
        return text.rstrip(".!") + rng.choice(_CLOSERS)
    return text


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first[1].isupper() or first[1].isdigit() or first.startswith("[")):
        return text  # an acronym (CI, UAT, TLS) or a redaction marker keeps its case
    return text[:1].lower() + text[1:]


# Templates whose surveys are post-mortems: their actions name the survey they came from.
POSTMORTEM_TEMPLATES = frozenset({"project-postmortem", "incident-postmortem"})


def _create_actions(
    store: Store,
    quarters: list[tuple[str, date, date]],
    survey_ids: Mapping[tuple[str, int], str],
) -> int:
    """Store SAMPLE_ACTIONS with their status histories on past days; returns how many."""
    projects = {p.name: p for p in SAMPLE_PROJECTS}
    on = today()
    for action in SAMPLE_ACTIONS:
        label, start, _ = quarters[action.quarter]
        if action.due_days < 0:
            due_on = on - timedelta(days=action.due_days)
        else:
            due_on = start + timedelta(days=action.due_days)
        from_postmortem = projects[action.project].template_id in POSTMORTEM_TEMPLATES
        action_id = store.create_action(
            project_id=store.project_by_name(action.project).project_id,
            title=action.title,
            owner=action.owner,
            quarter=label,
            due_on=due_on,
            category=action.category,
            survey_id=survey_ids.get((action.project, action.quarter)) if from_postmortem else None,
            created_on=min(start + timedelta(days=action.decided_days), on),
        )
        for status, days in action.steps:
            reason = action.reason if status == "not_doing" else ""
            day = min(start + timedelta(days=days), on)
            store.set_action_status(action_id, status, reason, on=day)
    return len(SAMPLE_ACTIONS)


def _create_postmortems(store: Store, survey_ids: Mapping[tuple[str, int], str]) -> int:
    """Store SAMPLE_POSTMORTEMS on their surveys; returns how many."""
    for postmortem in SAMPLE_POSTMORTEMS:
        store.save_postmortem(
            survey_ids[postmortem.project, postmortem.quarter],
            owner=postmortem.owner,
            status=postmortem.status,
            summaries=dict(postmortem.summaries),
        )
    return len(SAMPLE_POSTMORTEMS)
