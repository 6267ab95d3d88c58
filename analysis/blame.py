"""Spot phrases that put the fault on one individual.

`blame_phrases` feeds a gentle nudge in the answer form ("retros work better when
they are about the system, not a person"); it never blocks an answer, so it leans
towards precision. Blame means one person is at fault: a named person (found with
the same rules as redaction, or an existing `[name]` placeholder), a single role
("the new PM", "their MD", "whoever wrote this") or the respondent ("my fault").
A team, a system or a process is not blame, nor is a person mentioned kindly
("not her fault", "thanks to Ana"), nor "to blame" about a thing.

Besides fixed shapes ("my fault", "blame goes to X"), blame is found as an idea: a
single person is the subject of a sentence or clause, and what follows up to the next
clause is about their failure (a failing verb, a duty not done, a corner cut, lateness
on a delivery, "should have"). Praise, opinions ("I think"), things that happened to
the person ("never got access") and people in object position do not count.
Blame with the person elsewhere in the sentence is found too: a passive agent ("was
broken by X"), a possessive whose work did the harm ("his change took prod down"), a
failure noun put on them ("an oversight by the PM", "X made a mistake") and modal
criticism ("could have warned us but chose not to"), clefts ("it was X who pushed the
broken ..."), counterfactuals ("if X had reviewed it, this would never have happened"),
trouble traced to one person ("the mess started when the intern ran ..."), withholding
("kept the feedback from us"), overpromising ("promised ... we couldn't build"). A comma
starts a new clause ("Let's be honest, X just didn't ..."); a person's work judged poor
("X's rushed estimate"). Requests ("whoever ..., please")
and yes/no questions are not blame.

The failing predicates are broad classes rather than fixed sentences: carelessness and
corner-cutting ("without a where clause", "with no tests", "the wrong branch"), neglect
("never showed up", "stopped answering"), obstruction ("blocks every ...", "sat on"),
misjudgement ("mis-...ed", "over-engineered"), competence judged about someone else ("has no
idea how to", "is not competent", "out of his depth"), and a bad result of what the person
did ("... and it cost the team two days"). The person may also be named in a relative
clause ("X, who skipped ..."), as the cause ("the launch was botched because X ..."), in
a duty left undone ("it was X's job to ... and she didn't"), in a false claim ("he said it
was tested. It was not tested."), in sarcasm ("thanks to X forgetting ...", "Classic X.")
or as the trouble itself ("what went wrong: our BA"). A thank-you sentence, a defence
("don't blame X"), a blame only considered ("it's tempting to blame X") and a
counterfactual about something that helped ("if X hadn't noticed ..., it would have been
worse") are not blame.

Issue 11 generalised these by shape. The text is first read as written whoever writes it
("didnt", "should of", a lower-case "i"; offsets still point into the input), and people
are found without a known name (@handles, user_name, initials, capitalised or lower-case
names in no dictionary, a rare surname that acts, a bare role at the start of a clause,
"you" said to a named person, a name alone followed by a subjectless act). Classes added:
sarcastic thanks that name a failure, broken, late or cut-short promises, claims the writer
contradicts, duties undone ("was meant to ... never happened"), rhetorical questions ("who
lets X near ..."), wishes ("wish X would stop ..."), work left sitting with one person,
trouble equated with or started by one person's act, scare-quoted acts and excuses, acts
at a bad moment (a freeze, peak hours, the night before go-live), approvals despite known
failures, secrets and personal data leaked, walking away, insinuations ("not naming names
but ..."), a broad lexicon of blameworthy acts and idioms of neglect. Exclusions added:
an act the writer vindicates ("and she was right", "good call") or the team agreed, a
benign reason ("because she was at a conference", "nobody paged her"), housekeeping
("dropped the unused indexes"), the cause put on a thing ("the runbook was outdated"),
blame reported or taken back, owning up, double negatives ("never misses a standup").

Later classes came from blind batches of invented answers (each scored once, then studied;
bench/RESULTS.md): bare roles with modifiers ("ops guy ignored ..."), reduced passives with
their agent ("change applied to prod by X outside the window"), possessive acts judged or
traced ("X's decision ... was a disaster", "the errors came from X's script", "thanks to
X's rounding logic"), rhetorical questions ("why did X ...?", "who ...? X does", "is it so
hard for X to ..."), promises nobody agreed to or the writer says cannot be kept, quoted
claims contradicted, warnings ignored, knowledge kept in one head, "mea culpa". Exclusions
from the same batches: machines named like roles ("build agent"), bare functions ("QA"),
speaker prefixes followed by a note or an action item, requests to a person ("@x can you
..."), planned work ("X will investigate why ..."), two people together, negated passives
and clefts, injuries, vindication anywhere in the answer, failures the writer calls
systemic. Blind batch 8 added causal links from one person's act to a bad outcome ("X
sitting on the review is why we slipped", "caused by a change X made", "after X's hotfix
went out, ...", "whose tweak turned out to be the root cause", "due to X not updating
..."), "that was X, and he knew the rule", a quote said right before the fall, decisions
judged short-sighted; and defences in the same sentence ("X did nothing wrong", "people
keep saying X ..., but she was waiting on ..."), losses that averted worse, credit ("the
only reason we noticed"), plans ("should have a draft Friday") and self-reflection.

Measured limit (bench/RESULTS.md): the rules find what they were shown. Blind batch 9,
written after batch 8 was studied, scored the same before and after that study (51 of 80)
and the same as the detector two rounds earlier: each round of rules carried over to
nothing new. Reaching issue 11's 0.85 on unseen writing needs another kind of model.

So where the rules find nothing, a learned reader (`analysis.blame_model`, word n-grams and
logistic regression over the team-written corpus) reads each sentence that names a person
and that the rules would not excuse (`_excused`); a sentence it gives at least
`blame_model.THRESHOLD` counts when it also names a failing, at least
`blame_model.PERSON_ONLY_THRESHOLD` when it does not. On unseen blind batches it finds 2-8
more of 80 with no new false alarm on the real dev set (bench/RESULTS.md).

That other kind of model is `analysis.blame_encoder`, all-MiniLM-L6-v2 fine-tuned on the
same corpus, and it has the last word (`_encoder_decides`). What the rules and the linear
reader find in an answer of more than eight words stands only when the encoder gives the
answer at least `blame_encoder.CONFIRM_THRESHOLD`. Where they find nothing, the encoder
flags the answer from `blame_encoder.THRESHOLD` and names the sentences that carry the
blame. The defences below (a systemic cause, someone cleared, a question asked in earnest,
...) hold for both. On ten helper-written batches nobody had read, this lifted recall from
0.80 to 0.88 while false alarms fell from 4.2 % to 1.3 % (bench/RESULTS.md, session of
2026-12-03 from 11:52). `rule_and_reader_phrases` is the same without the encoder, for
tests that pin the rules' shapes one by one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from itertools import chain

from analysis import blame_encoder as _blame_encoder
from analysis import blame_model as _blame_model
from analysis import redaction as _redaction
from analysis.redaction import _NOT_NAMES, _WORDS, _key, name_spans

# Word lists that redaction keeps for itself; a missing one (redaction is reworked by
# others) only makes the people found without a known name fewer, never an error.
_COMMON: frozenset[str] = getattr(_redaction, "_COMMON", frozenset())
_FIRST: frozenset[str] = getattr(_redaction, "_FIRST", frozenset())
_GIVEN: frozenset[str] = getattr(_redaction, "_GIVEN", frozenset())
_ANY_NAME_RAW: frozenset[str] = getattr(_redaction, "_ANY_NAME_RAW", frozenset())

__all__ = ["blame_phrases"]

# Names are masked with this private-use character (same length as the name) so
# that regexes can say "a person" and offsets still point into the input.
_MASK = "\ue000"
_PLACEHOLDER = re.compile(r"\[name\]")
# A whole masked name, matched from its first character only and never given back:
# keeps every pattern linear on long runs of names.
_RUN = rf"(?<!{_MASK}){_MASK}++"


def _trie(words: str) -> str:
    """A regex alternation of `words` (whitespace-separated) as a prefix tree: the same
    language as "a|b|c", but each position tries each first letter once."""
    tree: dict = {}
    for word in words.split():
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if ends else body

    return emit(tree)


# Heads of Faker's English occupation titles ("Nurse, adult" -> nurse, "Pharmacist,
# hospital" -> pharmacist; MIT, already the name gazetteer's source), less the heads that
# also name machines, groups or no one ("runner", "processor", "worker", "staff", "crew").
_NOT_ROLE_HEADS = frozenset(
    """boy copy crew land make staff sub emeritus worker processor runner streamer handler
    controller professional person visitor dealer trader practitioner associate""".split()
)


def _occupation_heads() -> str:
    """Space-separated lower-case head nouns of Faker's en_US job titles
    (`analysis.redaction.OCCUPATION_HEADS`) that name a single role here."""
    return " ".join(sorted(_redaction.OCCUPATION_HEADS - _NOT_ROLE_HEADS))


# A single role: the last word of "the (new) (project) manager"; the words before it are
# free, so "release manager" and "sound tech lead" need no entry of their own.
_ROLE_WORDS = (
    r"(?i:"
    + _trie(
        _occupation_heads()
        + """ pm md ceo cto cfo coo cio vp po ba em pmm ae sdr csm tam dba sre qa mc owner lead manager
        boss lad headteacher architect intern contractor consultant freelancer developer dev engineer designer tester
        analyst sponsor director sysadmin admin founder stakeholder contact hire guy person chap
        coordinator organiser organizer facilitator photographer caterer host emcee speaker translator
        interpreter operator approver rep representative reviewer captain technician tech officer
        supervisor planner copywriter writer marketer recruiter estimator auditor trainer coach
        moderator presenter programmer coder secretary assistant specialist strategist administrator
        executive principal salesperson salesman liaison associate clerk agent broker buyer
        advisor adviser counsel lawyer solicitor accountant bookkeeper controller treasurer producer
        editor illustrator animator artist researcher scientist statistician steward custodian
        champion mentor buddy newbie newcomer joiner trainee apprentice grad graduate junior senior
        chair chairperson landlord driver courier chef receptionist electrician inspector volunteer
        maintainer committer integrator implementer signatory gatekeeper handler master exec commander
        foreman forewoman painter roofer fitter plasterer plumber carpenter
        bricklayer welder tiler glazier cook waiter waitress bartender caretaker janitor bouncer
        usher rigger roadie dj bdfl announcer marshal paralegal medic
        drummer singer bassist guitarist accompanist organist pianist vocalist
        reporter subeditor sub-editor correspondent columnist invigilator proctor
        mechanic superintendent porter cashier storeman timetabler concierge housekeeper barman
        sommelier chief locum lifeguard dean sergeant
        constable nanny childminder sonographer phlebotomist zookeeper groundskeeper gardener farmer
        draughtsman drafter foreperson chargehand stagehand flyman wrangler showrunner commissioner
        ombudsman councillor mayor minister bailiff judge magistrate notary purser stewardess
        attendant signaller student postdoc pi co-pi"""
    )
    + r"|on-?call(?:\ engineer)?|head\ of\ [a-z]+|point\ of\ contact)"
)
# Nouns that make a role word before them name a thing, a group or a meeting, not one
# person: "the PM team", "the release manager role", "the QA lead's checklist" is a
# person's, but "the QA lead checklist", "the on-call rota", "the tech lead sync" are not.
_ROLE_THING = r"""(?:team|teams|folks|people|side|office|org|group|department|devs|engineers|crowd|env
    |environment|envs|server|servers|box|tool|tools|panel|console|build|builds|branch|pipeline|site|account
    |process|queue|board|channel|time|role|roles|slot|meeting|review|sync|call|report|dashboard|ticket|tickets
    |checklist|stage|phase|rota|rotation|roster|budget|sign-?off|cycle|capacity|backlog|suite|tests?|plan|cluster|database|db
    |instance|portal|login|credentials|access|bot|rights|privileges|permissions|password|passwords|tasks|work
    |guide|doc|docs|notes|page|update|updates|upgrade|patch|company|companies|firm|agency|provider|vendor
    |service|services|business|log|logs|sensor|sensors|probe|probes|reading|readings|alarm|alarms
    |warning|warnings|gauge|gauges|setting|settings|form|forms)\b"""
_ROLE = rf"""(?:\b(?i:the|our|their|your|that|this|my|his|her|a\s+certain)\s+
    (?:(?!(?:and|or|of|to|in|on|at|for|with|was|is|who|that|got|had|has|gave|made|took|did|were|are|be|been
        |gets|gives)\b(?!-))[\w'’-]+\s+){{0,3}}?
    {_ROLE_WORDS}\b(?!['’]s\b)(?!\s+{_ROLE_WORDS}\b)(?!\s+{_ROLE_THING}))"""
_PERSON = rf"(?:{_RUN}|\b[Hh]e\b|\b[Ss]he\b|{_ROLE}|\b[Ww]hoever\b|\b[Ss]ome(?:one|body)\b)"

_ADVERB = r"(?:(?:just|simply|again|also|then|apparently|clearly|basically|completely|totally)\s+)?"
_FAULT_VERB = r"""(?:broke|breaks|forgot|forgets|ignored|ignores|skipped|refused|botched|bypassed
    |overrode|misconfigured|hard-?coded|disabled|muted|deleted|ghosted|overpromised
    |over-promised|rushed|blew|caused|introduced|sat\ on|dropped\ the\ ball|messed\ up
    |screwed\ up|cocked\ up|went\ (?:silent|dark|quiet|awol|AWOL|missing)
    |disappears\ when|disappeared\ (?:when|during|mid-?|right\ when|just\ when)|vanishes\ when
    |got\ (?:greedy|lazy|sloppy|complacent|cocky|careless|arrogant)
    |thinks\ [^.!?]{0,40}?\ (?:is|are)\ beneath\ (?:him|her)
    |delivered\ (?:it|them|the\ [\w-]+)\ (?:\w+\ ){0,2}(?:days?|weeks?)\ (?:after|late|past)
    |didn't\ (?:even\ )?know\ what\ (?:a|an|the)\ [\w\ -]{1,30}?\ (?:was|is|were|meant)\b
    |(?:never|didn't|did\ not|doesn't|does\ not|won't|wouldn't|couldn't|refuses\ to
        |refused\ to|failed\ to|forgot\ to)\s+(?!(?:get|got|have|had|receive|received|know|hear
        |heard|need|mind|complain|hesitate|panic|lose|stop|stopped|gets|cause|caused|miss|misses|missed|forgets?|forgot|fails?|failed|touch|touched
        |skips?|skipped|breaks?|drops?|disappoints?|complains)\b)\w+
    |(?:kept|keeps)\s+(?:changing|moving|adding|ignoring|pushing|skipping|missing|forgetting)(?!\s+for\b)
    |denied|overruled|undercut|blamed\ (?:the|us|everyone|everybody|others)
    |changed\ (?:his|her|their)\ mind|changed\ the\ (?:scope|requirements|spec|priorities)
    |(?:pushed|merged|deployed|approved|shipped|released|signed\ off|changed|edited)\b
        [^.!?;\n]{0,60}?\b(?:without(?!\ (?:any\ |a\ single\ |a\ |major\ )?(?:issues?|problems?|incidents?|hitch
        |drama|downtime|errors?|complaints?|fuss|trouble)\b)|untested|unreviewed|on\ a\ friday|directly\ to\ prod)
    |(?:was|is)\s+(?:careless|sloppy|lazy|useless|clueless|incompetent|negligent|reckless
        |asleep|unreachable|nowhere\ to\ be\ found))"""

_FLAGS = re.VERBOSE
# A loose name: a capitalised word that was not recognised as a name ("Vusi"), used
# only where the words around it say "person".
_LOOSE = r"""\b(?!(?:It|That|This|There|What|Who|He|She|Let|Here|Where|Today|Everyone|Nobody
    |Everybody|Team|Nothing|Something|Anyone|Someone|One|Today|Tomorrow|Yesterday)\b)[A-Z][a-z]+(?:-[a-z]+)?"""
# "who"/"that" would make it a relative clause: "someone who didn't build it".
_SUBJECT_BLAME = re.compile(
    rf"{_PERSON}(?:\s+(?!(?:who|that|was|were|got|is|are|been|being|be)\b)\w+)?\s+{_ADVERB}"
    rf"{_FAULT_VERB}\b(?!\s+(?:nothing|nobody|no\s+one)\b)",
    _FLAGS,
)
# "X signed off the designs and then denied it": a second, later verb carries the fault.
_THEN_BLAME = re.compile(
    rf"""(?:{_RUN}|{_ROLE})\s+(?!who\b|that\b)\w+\b[^.!?;\n]{{0,60}}?
    (?<!\bcould\s)\b(?:and|but)\s*,?\s+(?:then\s+|(?:predictably|of\s+course|naturally|somehow|obviously),?\s+)?{_ADVERB}
    (?:{_FAULT_VERB}|truncated|dropped\s+the\s+(?:\w+\s+)?(?:table|database|db))\b""",
    _FLAGS,
)
# A person doing something "without checking" or "instead of" the safe thing.
_CORNER_CUT = re.compile(
    rf"""(?:{_RUN}|{_ROLE})\s+(?!who\b|that\b)\w+\b[^.!?;\n]{{0,70}}?\b(?:
        without\s+(?:(?:ever|even|first|actually|properly)\s+)?(?:(?!a\s+hitch)(?:\w+ing|asking|review|a\s+review|any\s+(?:review|tests?
            |warning|notice|docs|documentation|handover|sign-?off)))
        |instead\s+of\s+(?:\w+ing|raising|staging|the\b))""",
    _FLAGS,
)
# "He should have been more careful", "she is the problem".
_JUDGEMENT = re.compile(
    rf"""(?:{_RUN}|\b[Hh]e\b|\b[Ss]he\b|{_ROLE})\s+(?:
        should(?:n't|\s+not)?\s+have\s+(?!been\s+(?:told|informed|involved|consulted|asked
            |included|looped|given|warned|supported|helped|trained|paired)|had\s+to\b)
        |(?:is|was)\s+(?:the|a|our)\s+(?:real\s+)?(?:problem|issue|bottleneck|reason))""",
    _FLAGS,
)
_ON_THEM = re.compile(
    rf"""\b(?:[Tt]hat|[Tt]his|[Ii]t|[Tt]he\s+(?!(?:follow-?ups?|next|actions?|tasks?|ask|handover|agenda|invites?|booking|decision|call|ball|onus
        |rota|demo|review|writeup|write-up|retro|meeting|slides?|deck)\b)[\w-]+|(?i:the|that|this)\s+(?:[\w-]+\s+){{1,2}}?(?:failure|fault
        |mistake|error|outage|delay|slip|blunder|mess|screw-?up|breach|incident|fine|miss))(?:\s+one)?(?:['’]s|\s+is|\s+was)\s+(?:\w+ly\s+)?(?:all\s+)?on\s+(?:(?:him|her)\b|{_RUN}|{_ROLE})
    |\b[Bb]lame\s+(?:lies|sits|rests|falls)\s+(?:\w+ly\s+)?(?:with|on)\s+(?:(?:him|her)\b|{_RUN}|{_ROLE})
    |\b(?i:that|this|the)\s+(?:whole\s+|entire\s+)?(?:lost|wasted|missed|blown|failed|slipped|extra|late)\s+(?:[\w-]+\s+){{0,3}}?
        (?:is|was|['’]s)\s+(?:all\s+|entirely\s+|squarely\s+)?on\s+(?:(?:him|her)\b|{_RUN}|{_ROLE})
    |\b(?:[Ii]t|[Tt]hat)\s+was\s+(?:all\s+)?(?:his|her|{_RUN}['’]s|{_LOOSE}['’]s)\s+(?:changes?|fault|mistake
        |call|decision|doing|bug|code|config|commit|idea|typo)\b
    |\b(?:unprofessional|careless|sloppy|lazy|irresponsible|reckless)\s+of\s+(?:him|her|{_RUN})""",
    _FLAGS,
)
_WHOEVER = re.compile(
    r"\b[Ww]hoever\s+(?:wrote|set|configured|approved|merged|pushed|designed|decided|thought"
    r"|signed|built|made|changed|deployed|added|removed|deleted|promised|sold|estimated|ran|put|cut|let|left"
    r"|took|gave|sent|chose|picked|turned|switched|(?!(?:is|was)\b)[a-z]{3,}ed)\b",
    _FLAGS,
)
_POSSESSIVE_FAULT = re.compile(
    rf"(?:{_RUN}|{_ROLE}|\b(?:his|her|[Hh]is|[Hh]er)"
    # a role opening a sentence without an article: "Director's fault, full stop."
    rf"|(?:^|(?<=[.!?]\s)|(?<=\n))(?:(?!(?i:not|no|hardly|never)\b)[A-Za-z-]+\s+)?{_ROLE_WORDS}"
    r"(?=['’]s\s+(?:fault|mistake|screw-?up|cock-?up|blunder|negligence|carelessness|incompetence)\b(?![^.!\n]*\?)))"
    r"(?:['’]s)?\s+(?:own\s+)?"
    r"(?:fault|mistake|screw-?up|cock-?up|blunder|bad|doing|negligence|carelessness"
    # a decision, not a thing named with "call": "X's call tree worked", "X's call notes"
    r"|call(?!\s+(?:tree|centre|center|list|rota|logs?|sheet|queue|notes|script|plan|chain|flow)\b)"
    r"|incompetence|laziness|oversight(?!\s+(?:of|on|over)\b)"
    r"|lack\s+of\s+(?!(?:access|time|support|training|resources|experience|context)\b)\w+)\b",
    _FLAGS,
)
_FAULT_WITH = re.compile(
    rf"\b(?:[Ff]ault|[Bb]lame)\s+(?:is|was|lies|lay|goes|went)\s+(?:entirely\s+|squarely\s+)?"
    rf"(?:with|on|to)\s+{_PERSON}"
    rf"|(?:^|(?<=[.!?]\s))\s*(?i:it\s+)?(?i:is|was|['’]s)\s+(?:the\s+|all\s+the\s+)?(?i:fault)\s+of\s+{_PERSON}",
    _FLAGS,
)
_TO_BLAME = re.compile(
    rf"""{_PERSON}\s+(?:is|was|'s)\s+(?:(?:entirely|totally|solely|really)\s+)?to\s+blame
    # the blame moved on to someone else: "Tom is not really to blame, Sarah is"
    |{_PERSON}\s+(?:is|was)(?:\s+not|n['’]t)\s+(?:\w+\s+)?to\s+blame\s*,\s*{_PERSON}\s+(?:is|was)\s*(?=[.!;]|$)""",
    _FLAGS,
)
_BLAME_PERSON = re.compile(
    rf"\b(?:[Bb]lame|[Bb]lamed|(?:because|bcs|bc|cuz|coz|cos)\ of)\s+{_PERSON}(?!\s+team)", _FLAGS
)
# Time or money lost to one person's piece of work: "we lost the weekend to X's platform
# rewrite", "wasted two days on his 'quick' script" (not "spent two days on X's migration",
# "wasted no time on X's fix", X's release notes, or an illness or a holiday: the noun is
# work or a decision).
_LOST_TO_WORK = re.compile(
    rf"""\b(?i:lost|wasted|burned|burnt|blew|sank|sunk)\s+(?!(?i:no|not|zero|little|hardly|barely|very\s+little)\b)
    (?:[\w-]+\s+){{0,3}}?(?i:time|minutes?|hours?|hrs?|days?|nights?|weeks?|weekends?|sprints?|months?|mornings?
    |afternoons?|evenings?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|budget|money|cash)\s+(?i:to|on)\s+
    (?:{_RUN}['’]s|\b(?i:his|her))\s+(?:[\w'‘’"“”-]+\s+){{0,2}}?
    (?i:rewrite|re-?design|refactor|migration|changes?|script|idea|decision|plan|estimates?|config
        |patch|fix|hotfix|commit|merge|deploy(?:ment)?|release|experiment|shortcut|mistake|typo|bug
        |code|query|update|upgrade|branch|cleanup|clean-up|hack|workaround|pet\s+project)\b
    (?!\s+(?i:notes|docs|documentation|party|demo|walkthrough))""",
    _FLAGS,
)
_SELF = re.compile(
    r"""\b(?:[Mm]y\s+(?:own\s+)?(?:fault|bad|mistake|screw-?up|cock-?up|error|blunder|oversight)
    |\b[Mm]ea\s+culpa\b
    # "... weren't requested on time, and that responsibility was mine", "It was my call to
    # go ahead ... That was a bad call."
    |\b(?:that|the|this)\s+(?:responsibility|job|task)\s+was\s+mine\b
    |\b(?i:it|this)\s+was\s+my\s+(?:call|decision|idea)\b(?=[^.!?]*[.!?]\s*(?i:that|it)\s+was\s+(?:a\s+)?(?:bad|wrong|poor
        |terrible|the\s+wrong)\s+(?:call|decision|idea|choice|move))
    # "I own this one.", "the bad yield on lot 4471 is my responsibility"
    |\bI\s+own\s+(?:this|that)(?:\s+one)?\s*(?:[.!;]|$)
    # "I was the one who clicked publish on the broken template"
    |\bI(?:\s+was|['’]m)\s+the\s+one\s+who\s+(?:clicked|pushed|published|sent|uploaded|installed|approved|merged|deployed
        |released|shipped|picked|chose|ordered|signed)\b[^.!?]{0,60}?\b(?:the|a|an)\s+(?:broken|wrong|bad|untested|faulty)\b
    |\b(?:bad|poor|failed|lost|missed|late|low|wrong|broken)\s+(?:[\w-]+\s+){0,5}?(?:is|was)\s+(?:entirely\s+|all\s+)?my
        \s+responsibility\b
    |\b(?:[Mm]y\s+(?:call|decision|idea|choice)|[Mm]ine\s+was\s+the\s+(?:call|decision|idea|choice))\s+to\s+(?:skip|cut
        |drop|ignore|not|bypass|rush|remove|disable|scrap|delay
        |ship|go\s+live|push|deploy)
    |I\s+(?:really\s+|totally\s+|completely\s+|honestly\s+|kind\s+of\s+|sort\s+of\s+)?
        (?:screwed|messed|cocked|stuffed|fucked|f\*+ed)\s+(?:it\s+|this\s+|things\s+)?up
    |I\s+(?:broke|forgot|dropped\s+the\s+ball|misread|misconfigured|overlooked|botched|blew)\b
    |(?<!told\s)(?<!said\s)(?<!says\s)(?<!think\s)(?<!thinks\s)(?<!that\s)(?<!if\s)
        \bI\s+was\s+(?:(?:a\s+bit|too|really|very|so|just|pretty|way\s+too)\s+)?(?:careless|sloppy|negligent
        |reckless|lazy|complacent|overconfident|hasty|arrogant)\b
    |I(?:\s+(?:am|was)|['’]m)\s+(?:(?:the\s+)?(?:only\s+)?one\s+)?to\s+blame|I\s+take\s+(?:full\s+|the\s+)*blame
    # "I blame myself for leaving early", "... That was me, and I'm sorry." (not quoted:
    # "when people write 'I blame myself'")
    |(?<!['‘"“])\bI\s+(?:(?:can\s+only|only|mostly|partly|really)\s+)?blame\s+myself\b
    |(?:^|(?<=[.!?]\s)|(?<=,\s))(?i:that|it)\s+was\s+me\s*(?:,\s*and\s+I['’]m\s+sorry\s*(?:[.!]|$)|[.!]\s+(?:I['’]m\s+)?sorry\b)
    # "my estimate was the problem", "I take responsibility for the outage", "I'm the reason
    # we shipped late", "I was wrong.", "the cause was me not reading ..." (`_self_harm`
    # checks the named groups own harm: not "I take responsibility for the docs from now
    # on", "I'm the reason the customer renewed", "I told everyone it would work. I was wrong.")
    |\b[Mm]y\s+(?:own\s+)?(?:estimate|estimates|call|decision|code|plan|config|change|design|script|query)\s+(?:was|were|is)
        \s+(?:the\s+)?(?:real\s+|main\s+)?(?:problem|issue|cause|culprit|reason)\b
    |(?P<owned>I\s+(?:take|accept|own)\s+(?:full\s+|complete\s+|total\s+|the\s+)*responsibility\s+for\b)
    |(?P<reason>I(?:\s+am|\s+was|['’]m)\s+(?:the\s+)?(?:whole\s+|main\s+|only\s+)?reason\s+(?:why\s+|that\s+)?)
    |(?P<wrong>(?:^|(?<=[.!?]\s)|(?<=[,;]\s))I\s+was\s+wrong\s*(?:[.!]|$))
    |\b(?i:the)\s+(?:root\s+|real\s+|main\s+|biggest\s+)?(?:cause|culprit|reason|problem|failure|mistake)\s+(?:was|is)\s+me\b
        (?!\s+(?:and|being|getting|having)\b)
    # "a maths error that I introduced", "the bug I shipped on Friday"
    |\b(?:error|mistake|bug|typo|regression|blunder)s?\s+(?:that\s+|which\s+)?I\s+(?:had\s+)?(?:introduced|caused|made
        |created|shipped|pushed|committed)\b
    # "me. I wrote the date parser.": the writer opens the answer with themself (not "Who
    # found the leak? Me. I spotted it.")
    |(?P<meopen>^\s*(?i:me)\s*[.!]\s+(?:I|i)\s+(?!\w+ing\b)(?!(?:found|spotted|fixed|built|led|covered|stayed|joined
        |volunteered|noticed|helped|caught|saved|felt|learned|learnt|loved|enjoyed)\b)\w+(?:ed|t)\b)
    |I\s+(?:was|am|'m)\s+(?:the|a)\s+(?:real\s+|main\s+|biggest\s+|only\s+)?(?:problem|bottleneck|weak\s+link|blocker)
    |(?i:that|this|it|the\s+\w+)(?:\s+one)?(?:\s+was|\s+is|['’]s)\s+(?:all\s+|kinda\s+|kind\s+of\s+|partly\s+
        |mostly\s+|largely\s+)?on\s+me\b
    |(?:^|(?<=[.!?]\s))(?i:entirely|totally|completely|squarely|all|fully|100%|kinda|kind\s+of|partly|mostly
        |largely)\s+on\s+me\b(?!\s*(?:to\b|and\b|:|for\b))
    |\b[Mm]y\s+(?:own\s+)?(?:[\w-]+\s+)?(?:delay|hesitation|silence|inaction|slowness|typo|change|commit|script
        |config|push|deploy|migration|query|code|estimate|mistake)\s+(?:\w+\s+){0,3}?(?:cost|caused|broke
        |took\s+down|wiped|deleted|corrupted|led\s+to|triggered)\b
    |\bwas\s+(?:all\s+)?mine\b[.!,]*\s*(?i:oops|whoops|my\s+bad|sorry|mea\s+culpa|guilty)
    |\b(?i:that|it)\s+was\s+me\s*[,.;:\u2014-]+\s*I\s+(?:left|forgot|missed|didn['’]?t|did\s+not|never
        |broke|skipped|ignored|sat\s+on|dropped|lost|deleted)\b
    |\b(?:I|i)\s+(?!\w+ing\b)\w+(?:ed|t)\b[^.!?;\n]{0,60}?\bwithout\s+(?:ever|even|first|actually)\s+
        (?:checking|testing|seeing|reading|reviewing|verifying|confirming|running|looking\s+at|doing\s+a\s+test))""",
    _FLAGS,
)
# Blame where the person is not the grammatical subject: a passive agent ("was broken
# by X"), a possessive whose work did the harm ("his change took prod down"), a failure
# noun attributed to them ("an oversight by the PM"), or an outcome put "down to" them.
_AGENT = rf"(?:{_RUN}|{_ROLE}|\b(?:him|her|me)\b)"
_HARMED = r"""(?:broken|caused|deleted|wiped(?:\s+out)?|corrupted|introduced|overwritten|dropped
    |ignored|botched|bungled|taken\s+down|brought\s+down|messed\s+up|screwed\s+up|leaked
    |derailed|sabotaged|misconfigured|forgotten|skipped|blocked|held\s+up|trashed|nuked|muted|silenced|ruined|wrecked
    |disabled|switched\s+off|turned\s+off|left\s+broken|left\s+(?:half-?)?(?:done|finished|open|running)
    |damaged|harmed|hurt|jeopardi[sz]ed|compromised|soured|poisoned|undermined)"""
_OWNER = rf"""(?:{_RUN}['’]s|\b(?:[Hh]is|[Hh]er)
    |\b(?i:the|our|their|my)\s+(?:[a-z]+\s+)?{_ROLE_WORDS}['’]s)"""
# What befalls a person, not what they do: "her illness", "X's leave", "his funeral".
_MISFORTUNE = r"""(?:ill|illness|sick|sickness|leave|surgery|injury|accident
    |operation|funeral|wedding|party|baby|pregnancy|holiday|holidays|vacation|bereavement|health
    |diagnosis|death|passing|maternity|paternity|parental|burnout|visa|move|relocation|retirement
    |leaving|absence|departure|resignation|jury|strike|exams?|childcare|commute)"""
_PASSIVE_AGENT = re.compile(
    rf"""\b(?:was|were|got|been|is|are|gets)\s+(?:\w+ly\s+)?{_HARMED}\s+(?:\w+\s+){{0,3}}?
    by\s+(?:{_OWNER}|{_AGENT})(?!\s+(?:[\w-]+\s+)?{_MISFORTUNE}\b)
    |\b(?:was|were|got)\s+(?:\w+\s+){{0,2}}?(?!(?:restored|fixed|saved|rescued|resolved|recovered
        |repaired|rescheduled|handled)\b)\w+ed\s+(?:[\w-]+\s+){{0,6}}?by\s+{_AGENT}\s*,?\s+(?:bypassing
        |circumventing|side-?stepping)\b""",
    _FLAGS,
)
_POSSESSIVE_HARM = re.compile(
    rf"""{_OWNER}\s+(?!(?:team|squad|department|side|group|org|laptop|machine|account)\b)
    (?:[\w-]+\s+){{1,2}}?(?:(?:just|also|then)\s+)?(?:broke(?!\s+(?:down|nothing|anything))|caused|wiped|deleted|corrupted
    |overwrote|leaked|introduced|nuked|trashed|bypassed|circumvented|overrode|skipped\s+(?:the\s+)?(?:canary
    |review|tests|checks|staging|approval)|(?:took|brought|knocked)\s+(?:\w+\s+){{0,2}}down)\b""",
    _FLAGS,
)
_FAULT_BY = re.compile(
    rf"""\b(?:mistake|error|blunder|oversight|screw-?up|cock-?up|slip-?up|lapse|negligence
    |carelessness|miss|fail|failure|own\s+goal|misstep|fumble|gaffe|goof|howler|clanger)\s+(?:(?:by|from
    |on\s+the\s+part\s+of)\s+{_AGENT}|on\s+{_OWNER}\s+part\b)""",
    _FLAGS,
)
_DOWN_TO = re.compile(
    rf"""\b(?:(?:slipped|missed|lost|failed|late|wasted|blown|botched)\s+)?(?:outage|delay|slip|bug|failure|incident|mess|problem|breakage|downtime|regression
    |crash|loss|overrun|leak|miss|fiasco|disaster|milestone|deadline|launch|release|sprint|week|weekend
    |rework)s?\s+(?:\w+\s+){{0,3}}?(?:was|were|is|are)\s+
    (?:\w+ly\s+|all\s+)?(?:down\s+to|caused\s+by|triggered\s+by|the\s+fault\s+of)\s+(?:{_OWNER}\s+[\w-]+|{_AGENT})""",
    _FLAGS,
)
# "It was X who ...", "I'm the one who ...": the failure sits in the relative clause.
_CLEFT = re.compile(
    rf"""(?:\b(?i:it)\s+(?:was|is)|\b(?i:it)['’]s|(?:^|(?<=[.!?;:\n]))\s*(?i:was|is)|\bI['’]m|\bI\s+am|\bI\s+was
    |(?:{_RUN}|\b[Hh]e|\b[Ss]he)\s+(?:is|was|['’]s))\s+(?:\w+ly\s+)?(?:the\s+one|{_RUN}|{_ROLE}|him|her|me)
    \s+(?:who|that)\s+(?P<pred>[^.!?;\n]{{1,80}})""",
    _FLAGS,
)
# What someone having done is no deed of theirs in a counterfactual: "if X had joined
# earlier", "if X had been told", "... if X got the budget", "... if X could join".
# Being able to be there: "if X could join", "if X was able to come".
_AVAILABLE = r"""(?:could|can|would|will|might|was\s+able\s+to|were\s+able\s+to)\s+(?:join|attend|make\s+it|come
    |be\s+there|stay)\b"""
_NOT_A_DEED = rf"""(?:(?:not|never|been|known|had|joined|started|arrived|stayed|come|returned|got|gotten
    |received|heard|was|were|is|more|less|the|a|an|enough|time|access|any|some|help|support)\b
    |{_AVAILABLE})"""
# Wishes, not faults: "we'd have loved it if X presented" (but "would have loved it if X
# had bothered to show up" and "would have been nice if X had mentioned it" are reproaches;
# `_WISHED` reads "been great if X could join").
_WISHED_OUTCOME = r"""(?:loved|liked|enjoyed|appreciated|preferred|welcomed)\b(?![^.!?;\n]{0,40}?\bhad(?:n['’]t)?\b)"""
# Acts whose undoing is a reproach: "if X hadn't pushed it", "we'd have caught it if X
# hadn't switched off the alert" (but "if X hadn't noticed ..." is credit, `_GOOD_IF_NOT`).
_HARMFUL_ACT = r"""(?:pushed|merged|deployed|deleted|changed|ignored|skipped|rushed|broken|broke|touched
    |messed|removed|disabled|overridden|run|ran)\b"""
# What would have gone right: "we'd have caught it", "it would have been fine".
_GOOD_OUTCOME_VERB = r"""(?:been\s+(?:fine|ok|okay|alright|on\s+time|ready)|caught|spotted|noticed|shipped
    |finished|hit|met|avoided|prevented|saved|known|launched|released|gone\s+live)\b"""
# "If X had reviewed it ..., this would never have happened."
_COUNTERFACTUAL = re.compile(
    rf"""(?:\b(?i:if)\s+(?:only\s+)?(?:{_RUN}|\b[Hh]e\b|\b[Ss]he\b|\bI\b|{_ROLE})(?:\s+had|['’]d|(?=\s+actually\s))
    |(?:^|(?<=[.!?;:,\n]))\s*(?i:had)\s+(?:{_RUN}|\b[Hh]e\b|\b[Ss]he\b|\bI\b|{_ROLE}))(?:n['’]t|\s+not
    |\s+just|\s+only|\s+actually|\s+bothered\s+to)?\s+(?!(?:known|been|had|joined|arrived|more|less|the|a|an
    |enough|time|access|any|some)\b)\w+[^.!?;\n]{{0,80}}?(?:\b(?:would|might|could)|['’]d)(?:n['’]t
    |\s+not|\s+never)?(?:\s+(?:still\s+|even\s+)?(?:have|be)\b|['’]ve\b)
    |\b(?:would|could|might|['’]d)(?:\s+have|['’]ve)\s+(?!(?:it\s+)?{_WISHED_OUTCOME})[^.!?;\n]{{0,60}}?\bif\s+(?:only\s+)?
        (?:{_RUN}|{_ROLE})\s+(?:had\s+)?(?:actually\s+|just\s+|even\s+|bothered\s+to\s+)?(?!{_NOT_A_DEED})
        (?![\w]+n['’]t\b)[^\W\d_]+\b
    |\b(?:avoided|prevented|caught|fine|okay|ok)\s+(?:[\w-]+\s+){{0,4}}?if\s+(?:{_RUN}|{_ROLE})\s+had\s+
        (?!{_NOT_A_DEED})\w+
    |\b(?:\w+['’]d|would|could|might)(?:\s+have|['’]ve)\s+{_GOOD_OUTCOME_VERB}
        (?![^.!?;\n]{{0,30}}?\b(?:broken|bugs?|outage|wrong|corrupt\w*|regressions?|incident))
        [^.!?;\n]{{0,60}}?\bif\s+(?:{_RUN}|{_ROLE})\s+had(?:n['’]t|\s+not)\s+(?:just\s+|gone\s+and\s+)?
        (?:(?!(?:run|ran)\b){_HARMFUL_ACT}(?!\s+(?:teams?|jobs?|roles?|companies|departments|into)\b)
        |(?:switched|turned)\s+off|muted|silenced|wiped|overwritten|renamed|hard-?coded)""",
    _FLAGS,
)
# Frustration or distrust aimed at one person: "cleaning up after X's hotfix", "tired of
# covering for X", "X had one job", "why do we keep letting X deploy", "make sure X is never
# given prod access again".
_DISTRUST = re.compile(
    rf"""\b(?i:clean(?:ing|ed)?\s+up\s+after|mopp(?:ing|ed)\s+up\s+after|picking\s+up\s+the\s+pieces\s+after)
        \s+(?:{_RUN}|{_ROLE}|him|her)(?:['’]s\s+\S|\s*(?:[.!?,;]|$)|\s+(?i:again|every\s+time)\b)
    |\b(?i:tired|sick|done|fed\s+up|weary)\s+(?:of\s+|with\s+)?(?:\w+\s+){{0,2}}?(?:covering\s+for|cleaning\s+up
        \s+after|babysitting|redoing)\s+(?:{_RUN}|{_ROLE}|him|her)
    |(?:{_RUN}|{_ROLE})\s+had\s+(?:one|1)\s+job(?=\s*(?:[.!?\u2026]|$))
    |(?:{_RUN}|{_ROLE})\s+(?:is|be|gets?)\s+never\s+(?:again\s+)?(?:given|allowed|trusted|let)\b[^.!?\n]{{0,40}}?
        \b(?i:again)\b""",
    _FLAGS,
)
# "The mess started when the intern ran ...": trouble traced to what one person did.
_TROUBLE_WHEN = re.compile(
    rf"""\b(?i:mess|outage|incident|problems?|trouble|chaos|fire|breakage|downtime|delay
    |disaster|fiasco|things?|it|everything|sprint|project|release|launch)\s+(?:\w+\s+){{0,2}}?(?:started|began|kicked\s+off
    |happened|came|began|went\s+(?:sideways|wrong|south|downhill|pear-shaped|off\s+the\s+rails)|fell\s+apart
    |got\s+messy|unravelled|unraveled)
    \s+(?:\w+\s+)?(?:when|because|after|once|the\s+moment|the\s+minute|as\s+soon\s+as)\s+(?:{_RUN}|\b[Hh]e\b|\b[Ss]he\b|{_ROLE})
    \s+(?!(?:was|were|got|had|left|joined|went\s+on)\b)\w+""",
    _FLAGS,
)
_ANY_OWNER = rf"(?:{_OWNER}|\b(?:[Mm]y|[Hh]is|[Hh]er))"
_PERSONAL_FAILING = r"""(?:refusal|insistence|overconfidence|arrogance|stupidity|laziness|negligence
    |carelessness|incompetence|ego|typo|unwillingness|sloppiness|recklessness|impatience|complacency
    |inattention|hubris|stubbornness|indecision|dithering|micromanagement|absence|silence|meddling)"""
_WORK_NOUN = r"""(?:planning|estimates?|estimation|communication|judge?ment|call|decision|code|review
    |code\s+review|work|documentation|docs|handover|prioriti[sz]ation|testing|tickets?|specs?|requirements
    |leadership|management|analysis|design|fix|change|commit|script|config|deploy|migration)"""
# A person's own failing as a noun: "X's refusal to ...", "my negligence", "her typo"; a
# capitalised word nobody recognised as a name counts only with a failing only people have.
_FAILING_NOUN = re.compile(
    rf"""{_LOOSE}['’]s\s+(?:own\s+)?(?:\w+\s+)?{_PERSONAL_FAILING}\b
    |{_ANY_OWNER}\s+(?:own\s+)?(?:\w+\s+)?(?:{_PERSONAL_FAILING}|blunder|screw-?up|failure\s+to
    |(?:poor|bad|rushed|vague|sloppy|terrible|lazy|overengineered|over-engineered|half-baked|careless)
        \s+(?:\w+\s+)?{_WORK_NOUN}|(?:overengineered|over-engineered|half-baked)\s+\w+|inability
    |lack\s+of\s+(?:care|effort|planning|testing|communication|urgency|preparation|attention))\b""",
    _FLAGS,
)
# A person's work, then what it did: "X's quick fix took down ...", "her estimate was a guess".
_WORK_HARM = re.compile(
    rf"""{_OWNER}[\s,]+(?!(?:team|squad|department|side|group|org|van|car|flight|train|laptop
        |machine|family|kid|child|question|point|concern|view|feedback)\b)
    (?:(?!(?:what|how|why|which|where|when|about|whether|if|that)\b)[^\s.!?;]+[\s,]+){{0,8}}?(?:
    broke(?!\s+(?:down|nothing|anything))|breaks|took\s+(?:\w+\s+){{0,3}}?(?:down|out)|wiped|deleted|corrupted|killed
    |(?<!was\s)(?<!were\s)(?<!got\s)(?<!been\s)(?<!get\s)(?:wrecked|ruined|torpedoed|scuppered|hosed)
    |cost\s+us
    |cost\s+the|causes?|caused|derailed|bypassed|circumvented|overrode|drives?\s+\w+\s+away|is\s+why|was\s+why|(?:is|was)\s+the\s+(?:whole|main|real|only|sole|entire|single|actual|root)\s+(?:reason|cause)|(?:amounted|came\s+down)\s+to\s+['‘"“]|(?:is|was)\s+what\s+(?:\w+\s+){{0,2}}?(?:broke|took|caused|killed|brought|sank|blew)|is\s+the\s+reason
    |(?:was|is|are|were|has\s+been|have\s+been)\s+(?:\w+\s+){{0,2}}?(?:wrong|buggy|a\s+guess|fantasy|lazy|useless|broken|a\s+mess|rude
        |unhelpful|condescending|hostile|dismissive|passive-aggressive|vague|misleading|sloppy|careless|half-baked
        |incomprehensible|insulting|demoralising|demoralizing|cruel|harsh|brutal|toxic|nasty|mean|abusive
        |humiliating|belittling|always\s+like\s+this
        |nonsense|garbage|rubbish|terrible|awful|one\s+word|disaster|disastrous|fiasco|catastrophe|catastrophic|nightmare
        |train\s*wreck|mistake|blunder|reckless|full\s+of\s+(?:errors|mistakes|bugs|typos|holes)|riddled\s+with|(?:just|basically|literally|essentially)\s+['‘"“]|(?:wildly|hugely|massively|way\s+too|far\s+too|overly
        |absurdly|ridiculously)\s+(?:optimistic|low|high|off|wrong|short)|['‘"“]?lgtm|(?:pure\s+)?wishful\s+thinking|fiction|pie\s+in\s+the\s+sky
        |a\s+fairy\s*tale|delusional|(?:way|wildly|massively|hugely|badly|miles|completely
        |totally|so|really|way\s+way)\s+off|off\s+by|unrealistic|a\s+joke|made\s+up)|wrong\s+by
    |turned\s+into\s+(?:a|an)\s+[^.!?;]{{0,25}}?\b(?:rewrite|mess|nightmare|disaster|saga|fire|slog|headache
        |outage|incident|weeks?|months?|rework)\b|snowballed|backfired|blew\s+up|didn['’]t\s+(?:compile|work|build|run)
    |spill(?:s|ed)?\s+over|never\s+works|made\s+(?:it|things|the\s+\w+)\s+(?:worse|longer|harder|impossible)
    |locked\s+(?:the|a|an|all|our|every)\s+(?:[\w-]+\s+)?(?:table|database|db|accounts?|users|everyone|customers)
    |took\s+(?:\w+\s+)?(?:sprints|weeks|months)|(?:don['’]t|doesn['’]t|didn['’]t|do\s+not|does\s+not)\s+(?:actually|even
        |really)\s+\w+|(?:emailed|sent|charged|billed|notified|messaged|invoiced)\s+(?:every
        |all|each)|(?:had|contained|used)\s+(?:the|a)\s+wrong|(?:had|has)\s+(?:no|zero)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:whatsoever|at\s+all)|(?:we|everyone)\s+(?:all\s+)?paid|(?:meant|means)\s+
        (?:we|half|the\s+team|nobody|everyone)|let\s+(?:the\s+)?[\w-]+\s+(?:\w+\s+)?through)""",
    _FLAGS,
)
# "X, who skipped the review": a relative clause about a named person or a role.
# "Our PM's 'quick change'": a person's work named with scare quotes is judged.
_SCARE_QUOTED_WORK = re.compile(
    rf"""{_OWNER}\s+['‘"“](?:quick|small|minor|simple|tiny|harmless|little|temporary|one-line|5[- ]minute
    |two-minute|trivial|safe|tested)\s+[\w-]+['’"”]
    |(?:{_RUN}|{_ROLE})\s+(?:\w+\s+)?(?:thought|decided|figured|assumed|reckoned|declared|deemed)\s+(?:that\s+)?
        [^.!?\n]{{0,50}}?\b(?:was|were|is|are|would\s+be)\s+['‘"“](?:optional|unnecessary|overkill|not\s+needed
        |a\s+nice[- ]to[- ]have|a\s+formality|pointless|a\s+waste\s+of\s+time)['’"”]
        (?=\s*(?:[.!?;:)\u2026]|$|(?:for|here|this\s+time)\b))""",
    _FLAGS,
)
# "Ana promised the docs by Tuesday and they never came": a promise the writer says was
# broken.
_BROKEN_PROMISE = re.compile(
    rf"""(?:{_RUN}|\b[Hh]e|\b[Ss]he|{_ROLE})\s+(?:\w+\s+)?(?:promised|swore|guaranteed|committed\s+to
    |assured\s+\w+|said\s+(?:he|she)['’]d|said\s+(?:he|she)\s+would|told\s+(?:\w+\s+){{1,2}}(?:he|she)['’]?d)\b
    [^.!?\n]{{0,70}}?(?:\b(?:and|but|then|yet)\s+|[,;.]\s*|\s[-\u2013\u2014]+\s*)(?:(?:then|of\s+course|just|simply)\s*)?(?:\.{{2,}}|…)?\s*
    (?:(?i:it|they|that|nothing|the\s+[\w-]+|he|she|we|I|never)\s+)?(?:(?:still\s+)?(?:never|didn['’]t
        |did\s+not|hasn['’]t|haven['’]t|has\s+not|have\s+not|wasn['’]t|weren['’]t)\b
    |(?:are|am|['’]re|is|were|was)\s+still\s+waiting|came\s+(?:two|three|\w+)\s+(?:days|weeks)\s+late
    |(?:bailed|cancell?ed|disappeared|vanished|went\s+(?:quiet|silent|dark|awol|AWOL|on\s+(?:leave|holiday|vacation))
        |left\s+for\s+(?:the\s+)?(?:holiday|vacation|weekend))
    |(?:gave|delivered|offered|sent|allowed|allocated)\s+(?:them|us|him|her|it|QA|the\s+\w+)?\s*(?:only\s+|just\s+)?(?:a|one
        |half|two|three)\s+(?:day|days|hour|hours|afternoon|morning|week)
    |(?:arrived|came|landed|showed\s+up|shipped|was\s+delivered|were\s+delivered)\s+(?:the\s+following|a\s+week
        |a\s+month|(?:two|three|four|\w+)\s+(?:days|weeks|months)|late|after\s+the))""",
    _FLAGS,
)
# "Who lets X near the payment code": a rhetorical question about one person.
_WHO_LETS = re.compile(
    rf"""\b(?i:who)\s+(?:\w+\s+)?(?:lets|let|allowed|allows|gave|gives|trusted|trusts|hired|put)\s+
    (?:{_RUN}|{_ROLE}|him|her)\s+(?:\w+\s+){{0,2}}?(?:near|anywhere\s+near|touch|in\s+charge|access\s+to
    |admin|loose|run|lead|own)\b
    |\b(?i:why)\s+(?:does|did|would|is|was|do)\s+(?:{_RUN}|{_ROLE}|he|she)\s+(?:\w+\s+)?(?:keep|always
        |never|still|insist|refuse|ignore|skip)
    |\b(?i:why)\s+(?:was|were|is)\s+(?:{_RUN}|{_ROLE}|he|she)\s+(?:ever\s+|even\s+)?(?:allowed|let|given
        |trusted)""",
    _FLAGS,
)
# "I wish our CTO would stop rewriting the roadmap": the habit wished away is blame.
_WISH = re.compile(
    rf"""\b(?i:wish|if\s+only)\s+(?:that\s+)?(?:{_RUN}|{_ROLE}|he|she)\s+(?:would|['’]d|could|had)
    \s+(?:(?:just|actually|finally|ever|once|at\s+least)\s+)?(?:stop|start|learn|listen|listened
    |bother|bothered|answer|answered|reply|replied|respond|read|show\s+up|showed\s+up|own|admit|tell
    |told|asked|checked|tested|warned|mentioned|let\s+go|communicate|communicated|test|check|review
    |reviewed|escalated|followed)\b""",
    _FLAGS,
)
# "The ticket sat with X for three weeks": work left waiting on one person.
_SAT_WITH = re.compile(
    rf"""\b(?:sat|sits|sitting|stuck|languished|rotted|parked|waited|waiting|idled)\s+(?:with|on)\s+
    (?:{_RUN}|{_ROLE}|him|her)(?:['’]s\s+desk)?\s+(?:for\s+)?(?:\w+\s+){{0,2}}?(?:days|weeks|months|ages|forever)\b
    |(?:{_RUN}|{_ROLE})\s*,?\s+(?:just\s+)?(?:sat|sits|sitting)\s+on\s+(?:the|our|my|his|her|their|a|an|every)\s+
        (?:[\w-]+\s+){{0,3}}?(?:for\s+)?(?:\w+\s+){{0,2}}?(?:days|weeks|months|ages|forever)\b""",
    _FLAGS,
)
# "Outage #2 = X's cron job": trouble equated with a person's work.
_TROUBLE_IS = re.compile(
    rf"""\b(?:outage|incident|bug|delay|slip|mess|breakage|regression|crash|failure|fire|problem|issue)s?
    (?:\s*\#?\d+)?\s*(?:=|->|\u2192|:)\s*(?:{_OWNER})\s+(?!(?:team|squad|department|side|group|flight
        |train|family|laptop)\b)[\w-]+""",
    _FLAGS,
)
# Scare quotes round a good word said of a person's act: "decided to 'simplify' the model".
_SCARE_QUOTED_ACT = re.compile(
    rf"""(?:{_RUN}|{_ROLE}|\b[Hh]e\b|\b[Ss]he\b)[^.!?\n]{{0,40}}?['‘"“](?:(?:too|so|very|really)\s+)?(?:simplify|simplified|improve|improved
    |fix|fixed|tidy|tidied|clean\s+up|cleaned\s+up|optimi[sz]e|optimi[sz]ed|help|helped|refactor|refactored
    |tested|done|finished|working|ready|urgent|forgetting|forgot|busy|sick|reviewing|testing|streamline|streamlined|modernise|modernize|quick|small
    |minor|temporary|improvements?|fix(?:es)?)['’"”]
    |(?:{_RUN}|{_ROLE}|\b[Hh]e\b|\b[Ss]he\b)\s+(?:\w+ly\s+|just\s+)?['‘"“][a-z]+ed['’"”]""",
    _FLAGS,
)
_ELIDED = re.compile(
    rf"""(?:^|(?<=[.!?\n])|(?<=\?\s))\s*(?:[-*\u2022]\s*)?(?:{_RUN}|{_ROLE})(?:\s+(?:again|as\s+usual|of\s+course|obviously))?\s*[.!:]\s+
    (?P<pred>[a-z][^.!?\n]{{1,100}})""",
    _FLAGS,
)
_WHO_FAILED = re.compile(rf"(?:{_RUN}|{_ROLE}),?\s+who\s+(?P<pred>[^.!?;\n]{{1,80}})", _FLAGS)
# After a speaker prefix ("X: ..."), a sentence with its own subject or an action item is the
# speaker's note, not something X did.
_OWN_SUBJECT = re.compile(
    r"""(?:the|a|an|we|our|it|its|this|that|these|those|they|there|i|my|several|some|many|most|all
    |everyone|nobody|people|folks|add|update|write|document|fix|set|create|review|investigate|look
    |check|follow|share|draft|schedule|move|remove|make|ask|talk|plan|book|order|send|try|keep|start
    |stop|continue|consider|need|needs|let['’]s|please|pls|next\s+time|action)\b""",
    re.VERBOSE,
)
# A sentence that opens by asking one person for something: "@x can you look at why the
# build broke?", "X, pls share the slides, I missed the start".
_ADDRESSED = re.compile(
    rf"""\s*(?:[-*\u2022]\s*)?(?:{_RUN}|@[\w.-]+)\s*[:,]?\s+(?i:can\s+you|could\s+you|would\s+you|will\s+you
    |pls|please|plz)\b""",
    _FLAGS,
)
# A person's planned work: "X will investigate why ...", "X to look into ...".
_PLANNED = re.compile(
    r"""\s*(?:(?:will|['’]ll|is\s+going\s+to|to|is\s+to)\s+(?:\w+ly\s+)?(?:investigate|look|check|find|follow|dig|write
    |document|add|update|fix|review|set|draft|share|own|lead|figure|chase|confirm|ask|talk|schedule|sync|pair)\b)""",
    re.VERBOSE,
)
# An action item's "X to <verb>" ("Iman to book the room", "Bo to run the next retro"),
# not "nice of X to ...", "just for X to rewrite them": `_TO_WHOM` is checked before it.
_ACTION_ITEM = re.compile(r"\s*to\s+(?!(?:blame|be|have|thank)\b)[a-z]+\b(?!\s+(?:for|that)\b)")
# A mock action item: "Priya to ignore the warnings for the third time", "X to push
# untested code on a friday night. classic."
_MOCK_ITEM = re.compile(
    r"""(?i)^\s*to\s+(?:ignore|forget|skip|delete|hard-?code|break|miss|lose|drop|wipe|bypass|disable|vanish
    |disappear|go\s+(?:dark|missing|silent|awol)|drop\s+the\s+ball|change\s+the\s+scope)\b
    |\b(?:again|classic|peak|unbelievable|lol|running|like\s+(?:always|last\s+time)|as\s+usual
    |for\s+the\s+\w+\s+(?:time|sprint))\b""",
    re.VERBOSE,
)
_TO_WHOM = re.compile(
    r"(?i)\b(?:of|for|from|by|with|expect|want|wanted|asked|told|let|leave|left)\s+$"
)
# "I was wrong." confesses only after the writer's own call ("I pushed for the Friday
# release. ... I was wrong."), not after a belief ("I told everyone the tool would save
# time.") nor blame taken back ("I pointed at X's migration. I was wrong.").
_OWN_CALL = re.compile(
    r"""(?i)\bI\s+(?:pushed\s+for|insisted|argued\s+for|decided|overruled|signed\s+off|approved|merged|deployed
    |said\s+we\s+(?:didn['’]t|did\s+not|don['’]t|do\s+not)\s+need|talked\s+(?:everyone|the\s+team|us)\s+(?:into|out\s+of)
    |skipped|cut|dropped|chose|picked)\b""",
    re.VERBOSE,
)
_TAKEN_BACK = re.compile(
    r"""(?i)\b(?:(?:originally|at\s+first|blamed|accused|pointed|named|suspected|thought\s+it\s+was|my\s+first\s+answer)\b
    |(?:said|claimed|wrote|assumed|told\s+\w+)\s+(?:that\s+)?(?:\ue000+|(?:the\s+\w+|he|she)\b))""",
    re.VERBOSE,
)
# What "I take responsibility for" and "I'm the reason" own must be harm: "the outage",
# "the invoices went out twice", "we shipped late".
_OWNED_HARM = re.compile(
    r"""(?i)\b(?:late|twice|wrong|paged|p1|outage|incident|broke|broken|down|lost|missed|failed|failure
    |delay|delayed|slipped|mess|mistake|error|bug|crash|crashed|leak|leaked|duplicate|slow|overran|gap|gaps
    |backlog|overbook\w*|double-?book\w*)\b""",
    re.VERBOSE,
)


def _retraction(shadow: str) -> bool:
    """Whether the writer takes back blame laid earlier: "In standup I said X broke the
    build. I was wrong." (`_TAKEN_BACK` before an "I was wrong")."""
    m = re.search(r"(?i)\bI\s+was\s+(?:\w+\s+)?wrong\b", shadow)
    return bool(m) and bool(_TAKEN_BACK.search(shadow, 0, m.start()))


# Blame only as a first impulse, a rumour, hearsay or a belief since dropped ("My first
# instinct was to say it was my fault, but ...", "There's a rumour X ignored the warnings;
# she didn't", "I used to think the backlog was X's problem, but ..."), ...
_BLAME_FRAME = re.compile(
    r"""(?i)\b(?:(?:my\s+)?first\s+instinct|gut\s+(?:reaction|feeling)|(?:there['’]s|there\s+is|there\s+was)\s+a\s+rumou?r
    |rumou?rs?\s+(?:is|was|were|that|say|said)|(?:keep|kept)\s+hearing|used\s+to\s+(?:think|blame|believe|assume)
    |(?:would|['’]d)\s+normally\s+(?:say|blame)|(?:it['’]s|it\s+is|it\s+would\s+be)\s+(?:easy|tempting)\s+to\s+(?:say|blame)
    |(?:an?\s+)?apology\s+for\s+assuming|wouldn['’]t\s+call\s+it|would\s+not\s+call\s+it
    |(?:first|initial|original|early)\s+(?:incident\s+)?(?:report|write-?up|post-?mortem)\s+(?:blamed|said|named)
    |(?:customer|client|caller|complainant)\s+blamed
    |(?:initially|originally|first)\s+thought|thought\s+at\s+first|(?:was|am|['’]m)\s+tempted\s+to\s+(?:say|write|blame)
    |(?:someone|somebody|people|they|he|she|\ue000+)\s+asked\s+(?:me\s+)?(?:if|whether)\s+it\s+was\s+(?:my|his|her|their)
    |blaming\s+[^.;!?]{1,40}?\s+would\s+be\s+(?:unfair|wrong|too\s+easy|lazy)
    |(?:keep|kept|keeps)\s+saying|(?:we|you|one|I)\s+(?:could|can|might)\s+(?:easily\s+)?blame
    |(?:I['’]ve\s+|I\s+have\s+|I\s+)?(?:heard|hear)\s+(?:people|someone|somebody|folks|others|it)\s+(?:say|said|saying|claim)
    |(?:people|everyone|everybody|folks|some\s+people)\s+(?:jokes?|joked|like\s+to\s+say|love\s+to\s+say)
    |if\s+(?:anyone|anybody|someone|you)\s+(?:wants?|is\s+tempted|feels\s+like)\s+(?:to\s+)?(?:blame|point)
    |(?:was|were|am|['’]m)\s+(?:worried|afraid|scared)\s+(?:this|it|the\s+retro)\s+would\s+(?:turn|become|end\s+up)
    |(?:people|someone|somebody|they|everyone|everybody|some)\s+(?:will|would|might|may)\s+(?:probably\s+|likely\s+)?(?:say|claim|think|assume)
    |said\s+it\s+was\s+(?:his|her|their)\s+(?:own\s+)?fault|I\s+thought\s+I(?:['’]d|\s+had)|I\s+was\s+sure\s+I(?:['’]d|\s+had))\b""",
    re.VERBOSE,
)
# ... then turned, in the same answer, to what really happened: a contrast that goes on
# about a thing, or a plain denial ("she didn't, the warnings never reached her").
_TURNED_TO_A_THING = re.compile(
    r"""(?i)(?:\bbut|\bhowever|;|\s[-\u2013\u2014]\s)\s*(?:really\s+|actually\s+|honestly\s+|in\s+fact\s+|when\s+\w+\s+[^,.;!?]{0,40},?\s*
        |after\s+[^,.;!?]{1,40},\s*)?
    (?:the|a|an|our|their|its|it|that|three|two|several|this|there|nobody|no\s+one|i\s+reali[sz]ed)\b
    |[;.]\s*(?:he|she|\ue000+)\s+(?:didn['’]t|did\s+not|never\s+did|wasn['’]t)\s*[,.;]
    |\bshould\s+know\b|\b(?:not|isn['’]t|wasn['’]t)\s+(?:really\s+)?fair\b|\bunfair\b
    |\bsaw\s+it\s+as\s+(?:a|an)\s+(?:design|process|system|tooling|planning)\b
    |\bbut\b[^.!?]{0,60}\b(?:he|she|\ue000+)\s+actually\b
    |\bwas\s+corrected\b|\bturn(?:s|ed)\s+out\b
    |[.;]\s*(?:it|that)\s+(?:wasn['’]t|was\s+not)\b
    |\bbut\s+(?:he|she|they|\ue000+)\s+(?:was|were)\s+(?:only\s+|just\s+)?(?:following|doing\s+what|told\s+to)\b""",
    re.VERBOSE,
)


def _set_aside(shadow: str) -> bool:
    """Whether the answer sets aside the blame it reports (`_BLAME_FRAME`, then
    `_TURNED_TO_A_THING` after it)."""
    m = _BLAME_FRAME.search(shadow)
    return bool(m) and bool(_TURNED_TO_A_THING.search(shadow, m.end()))


def _self_harm(m: re.Match[str], shadow: str) -> bool:
    """Whether a `_SELF` match owns harm: "I take responsibility for" and "I'm the reason"
    with harm after them in the sentence (`_OWNED_HARM`; not "from now on"), "I was wrong."
    after the writer's own call (`_OWN_CALL`) with no blame taken back; any other form."""
    groups = m.groupdict()
    if groups.get("meopen"):  # "me. I deployed the wrong tag", not "me. I booked the flights"
        answer = shadow[m.start() :]
        return bool(
            _FAILING.search(answer)
            or _SLIP.search(answer)
            or _went_wrong(answer)
            or re.search(
                r"(?i)\b(?:lesson\s+learn[et]d?|my\s+bad|oops|sorry|at\s+\d+\s*am)\b", answer
            )
        )
    if groups.get("wrong"):
        return bool(_OWN_CALL.search(shadow, 0, m.start())) and not _TAKEN_BACK.search(shadow)
    if groups.get("owned") or groups.get("reason"):
        rest = re.split(r"[.!?\n]", shadow[m.end() :], maxsplit=1)[0]
        forward = re.search(
            r"(?i)\b(?:from\s+now\s+on|going\s+forward|now\s+that|next|happy\s+to)\b", rest
        )
        good = (
            _CAUGHT.search(rest)
            or _good_outcome(rest)  # "... we caught the bug early"
            or re.search(
                r"""(?i)\b(?:not|\w*n['’]t|nobody|no\s+one|never|fixed|found|solved|resolved|dropped|improved|faster
                |loads|knows|write-?up|dashboard|setup|checklist|runbook|detector|tool|reviewing|mine
                |budget|ping\s+me)\b""",
                rest,
                re.VERBOSE,
            )
        )
        return bool(_OWNED_HARM.search(rest) or _went_wrong(rest)) and not (forward or good)
    return True


# What follows "ask X." when X is the one who knows, not the one to blame.
_EXPLAINED = re.compile(
    r"(?i)\b(?:found|explained|wrote\s+(?:it\s+)?up|write-?up|figured|fixed|solved|traced|great|diagnosed)\b"
)
# What a "why ...? ask X." question must be about for the pointer to blame: harm done.
_ASKED_ABOUT_HARM = re.compile(
    r"""(?i)\b(?:broken|broke|down|wiped|leaked|pasted|posted|deleted|exposed|missing|lost|wrong|late
    |failing|failed|crashed|corrupted|empty|double-?booked|outage|bug|error|left\s+open|expired|twice|red
    |public|slip|slipped|fail|break|crash)\b""",
    re.VERBOSE,
)
# "as X said ...", "like X put it ...": a person quoted in agreement.
_QUOTED_BY = re.compile(r"(?i)(?:^|[\s(,;:])(?:as|like)\s+$")
_SAID = re.compile(r"\s*(?:said|says|put\s+it|mentioned|pointed\s+out|noted|wrote|joked)\b")
# An absence with "so" just before the subject: "I was off sick so I missed ...".
# Words that say a person was absent: "on leave", "off sick", "in hospital" (not "sick of",
# "ill-prepared").
_ABSENT = r"""(?:on\s+(?:leave|holiday|vacation|parental\s+leave|sick\s+leave)|off\s+sick|sick(?!\s+of\b)|ill(?![\w-])
    |unwell|in\s+hospital|out\s+of\s+(?:the\s+)?office)"""
_AWAY_SO = re.compile(
    rf"""(?i)\b(?P<who>I|he|she)\s+(?:was|were|am|['’]m|had\s+been)\s+(?:\w+\s+)?(?:{_ABSENT}|away|off)\b
    (?!\s+(?:of|to)\b)[^.!?;]{{0,60}}\bso\s+$""",
    re.VERBOSE,
)
# A second person joined to the subject: "X and the support lead ...".
_JOINT = re.compile(rf"(?:{_MASK}+|\b(?:[Hh]e|[Ss]he|I|me))\s*(?:,\s*)?(?:and|&|\+)\s+$")
_AFTER_BRACKET_VERB = re.compile(
    r"""\s*\)\s+(?:(?:just|never|always|again|also|really|totally|then|still)\s+)*(?:[a-z]+ed|[a-z]+n['’]t
    |slept|ran|broke|forgot|took|left|sent|went|kept|lost|hid|sat|let|set|cut|threw|made|gave|told|is|was
    |has|had|did|does|will|would|should|could|can|keeps|never|refuses|ignores)\b""",
    re.VERBOSE,
)
_NEGATED_CLEFT = re.compile(r"(?i)\b(?:wasn['’]t|was\s+not|isn['’]t|is\s+not|not)\b")
# "The launch was botched because the marketing lead published ...": a bad outcome put
# down to what one person did.
_BAD_OUTCOME = re.compile(
    r"""\b(?:burned|burnt|fell\s+apart|useless|botched|a\s+mess|wasted|derailed|a\s+write-?off|blew\s+up
    |a\s+disaster|a\s+fiasco|went\s+sideways|failed|broke|crashed|went\s+down|slipped|corrupted|flopped
    |went\s+(?:bad|badly|south|pear-shaped)|fell\s+(?:over|flat)|piled\s+up|ran\s+out
    |got\s+(?:swapped|mixed\s+up|mislabell?ed|misrouted|double-booked)
    |tanked|bombed|fizzled|stalled|ground\s+to\s+a\s+halt|dragged\s+on|overran|(?:was|were)\s+wrong
    |was\s+(?:late|delayed|lost|breached)|got\s+(?:lost|breached|corrupted)
    |missed\s+(?:the|our|a|an|its|their|every)\s+(?:[\w-]+\s+)?(?:deadline|milestone|date|window|launch|release
        |target|slot|sprint|goal|cut-?off|audit|submission)
    |(?:came|went|shipped|arrived|got\s+sent)\s+(?:back\s+|out\s+)?wrong|failed\s+(?:the|our|an?)\s+(?:audit
        |inspection|review|certification|test|check))\b""",
    re.VERBOSE,
)
# What is good to do without: "rolled out by X without any downtime" is no corner cut.
# (No spaces inside: it goes into verbose and plain patterns alike.)
_GOOD_WITHOUT = (
    r"(?:(?:any\s+|a\s+|a\s+single\s+)?(?:downtime|hitch|fuss|issues?|problems?|incidents?"
    r"|errors?|complaints?|drama|glitch|data\s+loss)\b"
    r"|(?:breaking|losing|dropping|missing|disrupting|interrupting)\b"
    r"|being\s+(?:asked|told|prompted|chased|reminded)\b)"
)
# "The config was pushed by X without anyone reviewing it": the fault is elsewhere in
# the sentence.
_CORNER = re.compile(
    rf"""\b(?:without\s+(?!{_GOOD_WITHOUT})(?:(?:even|ever)\s+)?(?:anyone|anybody|any|a|an|\w+ing)|w/o|w\s+no
    |caused|broke(?!\s+down)|broken|instead\s+of
    |and\s+never\s+(?:tested|checked|reviewed|documented|told\s+\w+|mentioned|announced|rolled\s+back)
    |with\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){{0,3}}?still\s+(?:switched\s+on|turned\s+on|on|enabled|live|active|in\s+place)
    |(?:nobody|no\s+one|no-one)\s+(?:was|were|got)\s+(?:told|informed|warned|asked)
    |outside\s+(?:of\s+)?(?:the\s+|a\s+|any\s+)?(?:agreed\s+)?(?:change|maintenance|release|deploy)\s+window
    |not\s+(?:recorded|documented|announced|communicated|logged|reviewed|tested)
    |untested|unreviewed|wrong|in\s+(?:about\s+|under\s+)?(?:\w+|\d+)\s+minutes)\b""",
    re.VERBOSE,
)
_GOOD_PARTICIPLE = r"""(?:found|caught|spotted|fixed|noticed|flagged|raised|reported|reviewed|tested
    |checked|solved|resolved|saved|rescued|handled|led|owned|approved|signed|suggested|proposed
    |requested|recommended|needed|asked|escalated|organi[sz]ed|hosted|helped|traced|diagnosed|discovered
    |debugged|tracked\s+down|written\s+up)"""
# The act named by its participle, passive ("was left broken by X") or reduced ("change
# applied to prod by X", "PR merged w/o review by X"); a good act ("fixed by X") never.
_BY_PERSON = re.compile(
    rf"""(?:\b(?:was|were|got)\s+(?:\w+ly\s+)?(?:(?:left|kept)\s+)?(?!{_GOOD_PARTICIPLE}\b)\w+(?:ed|en|t)\s+
        (?:(?:out|up|through)\s+)?(?:(?:to|in|on|into)\s+(?:[\w/'’-]+\s+){{1,2}}?)?
    |(?:approved|signed\s+off|okayed|waved\s+through)\s+(?=by\s+\S+\s+without\s+(?:even\s+|ever\s+)?(?:looking|reading
        |checking|testing|opening|running|asking|a\s+review|any\s+review|(?:a\s+single|any|one)\s+(?:test|check|review)))
    |(?<!\bwas\s)(?<!\bwere\s)(?<!\bgot\s)(?<!\bbeen\s)\b(?!{_GOOD_PARTICIPLE}\b)(?:[a-z]{{3,}}ed|made|written
        |run|set|put|sent|built|taken|given|done)\s+
        (?:[\w/'’-]+\s+){{0,4}}?)by\s+(?:{_RUN}|{_ROLE})""",
    _FLAGS,
)
_GOOD_ACT = re.compile(
    r"\s*(?:\w+ly\s+)?(?:found|caught|spotted|fixed|noticed|flagged|raised|warned|asked|insisted\s+on\s+testing"
    r"|restored|recovered|repaired|unblocked|rebuilt|rescued|reported|escalated|disclosed"
    r"|pointed\s+out|called\s+out|predicted|noticed|spotted|diagnosed|traced"
    r"|stepped|helped|saved|tested|reviewed|checked|reverted|mitigated|resolved|patched"
    r"|investigated|identified|debugged)\b"
)
# A question about a good act: "Who fixed it? It was Ana." is credit.
_GOOD_QUESTION = re.compile(r"(?i)\bwho" + _GOOD_ACT.pattern)
_STATE = re.compile(
    r"""\s*(?:was|were|is|had|has|got|left|joined|went\s+on|moved|needed|wasn['’]t|isn['’]t
    |couldn['’]t|could\s+not|didn['’]t\s+have|fell|took\s+(?:leave|time)|asked|flagged|warned)\b""",
    re.VERBOSE,
)
_BECAUSE = re.compile(
    rf"""\b(?:because|bc|cos|cause|due\s+to|reason\b[^.!?;\n]{{0,40}}?\b(?:is|was)\s+that)\s+(?P<who>{_RUN}|{_ROLE})(?P<pred>[^.!?;\n]{{1,80}})""",
    _FLAGS,
)
# The act named in one sentence, its author in the next: "The keys ended up in the public
# repo. That was X, and he knew the rule."
# A promise broken by habit, a sarcastic "perfect moment", a person's habit that cost the
# team, or a duty missed once more: "he says he'll check the logs and then he just doesn't",
# "X, bless her, decided fair week was the perfect moment to try ...", "X's habit of
# approving changes by email without reading them finally caught up with us", "Another
# week, another missed handover from the night supervisor".
_HABIT_COST = re.compile(
    rf"""(?:{_RUN}|{_ROLE}|\b[Hh]e|\b[Ss]he)\s+(?:(?:says|said|promises|promised|swears|swore)\s+(?:he|she)['’]ll|(?:says|said)
        \s+(?:he|she)\s+will)\s+\w+[^.!?]{{0,60}}?\band\s+then\s+(?:(?:he|she)\s+)?(?:just\s+|simply\s+)?(?:doesn['’]t|didn['’]t
        |never\s+(?:does|did))\b(?!\s+(?:even\s+)?(?:need|have\s+to|get\s+to))
    |(?:{_RUN}|{_ROLE}|\b[Hh]e|\b[Ss]he)(?:\s*,\s*bless\s+(?:him|her)\s*,)?\s+(?:decided|thought|figured)\s+(?:that\s+)?
        [^.!?]{{2,50}}?\s+(?:was|would\s+be)\s+(?:the\s+|a\s+)?(?:perfect|ideal)\s+(?:moment|time|day|week|night)\s+to\b
        (?![^.!?]*\b(?:worked|paid\s+off|without\s+a\s+hitch|smooth|smoothly|rightly|went\s+(?:well|fine|great)))
    |(?:{_RUN}['’]s|\b(?i:his|her)|(?:\b(?i:the|our)\s+(?:[\w-]+\s+)?{_ROLE_WORDS}['’]s))\s+(?:\w+\s+)?habit\s+of\s+
        \w+ing\b[^.!?]{{0,80}}?\b(?:caught\s+up\s+with|cost|bit|burned|burnt|hurt|sank|came\s+back\s+to\s+bite)\s+us\b
    |\b(?i:another)\s+(?:missed|skipped|forgotten|botched)\s+(?!(?:call|calls|message|messages|text|ping)\b)
        (?:[\w-]+\s+){{0,2}}?(?:from|by)\s+(?:{_RUN}|{_ROLE})
    # "every year X promises a fallback form, and every year he forgets"
    |(?:{_RUN}|{_ROLE}|\b[Hh]e|\b[Ss]he)\s+(?:promises|promised)\s+[^.!?]{{3,80}}?,?\s+and\s+(?:every\s+\w+\s+|each\s+\w+\s+|then\s+)?
        (?:he|she)\s+(?:forgets|forgot|doesn['’]t\s+(?:do|deliver|bother)|didn['’]t\s+(?:do|deliver|bother)
        |never\s+(?:does|did|delivers|delivered))\b
    # "X tweeted the link before anyone confirmed it worked": a risky act done first
    |(?:{_RUN}|{_ROLE}|\b[Hh]e|\b[Ss]he)\s+(?:pushed|merged|shipped|deployed|released|launched|sent|announced|posted|tweeted
        |published|emailed|signed|approved|switched|changed|deleted)\b[^.!?]{{0,60}}?\bbefore\s+
        (?:anyone|anybody|we|the\s+team)\s+(?:had\s+)?(?:confirmed|checked|tested|verified|reviewed|approved|signed\s+off)\b
    # "reading the runbook was beneath our digital officer" (not "nothing is beneath her")
    |(?<![Nn]othing\s)\b(?:was|is)\s+beneath\s+(?:{_RUN}|{_ROLE}|him|her)\b""",
    _FLAGS,
)
# An act told, then a closing question or aside that judges it: "The revenue manager set
# the cap to 15% for fair week. Who does that?", "He tagged it from his laptop. Need I say
# more?"
_JUDGED_BY_CLOSER = re.compile(
    rf"""(?:^|(?<=[.!?]\s))(?:{_RUN}|\b[Hh]e\b|\b[Ss]he\b|{_ROLE})(?P<act>\s+(?!(?:was|is|has|had)\b)\w+)[^.!?]{{3,200}}?[.!]
    \s+(?i:who\s+(?:even\s+|actually\s+|seriously\s+)?does\s+that|need\s+I\s+say\s+more|what\s+(?:was|were)\s+(?:he|she)
        \s+thinking|enough\s+said|say\s+no\s+more|I\s+rest\s+my\s+case)\s*[?.!]""",
    _FLAGS,
)
# Admiration in the told act: "... rebuilt it over a weekend and it just works", "... until 3am".
_WORKS = re.compile(
    r"(?i)\b(?:just\s+works|works\s+(?:perfectly|flawlessly)|until\s+\d+\s*(?:am|a\.m\.)|stayed\s+(?:late|up|until|behind)"
    r"|rebuilt|volunteered|covered\s+for|(?:his|her|their)\s+own|to\s+(?:help|keep|cover|support)"
    r"|(?:dropped|fell|halved)\s+by\s+(?:half|\d+))\b"
)
_THAT_WAS = re.compile(
    rf"""(?:^|(?<=[.!?]\s))(?i:that|this)\s+was\s+(?:all\s+|entirely\s+|100%\s+)?(?:{_RUN}|{_ROLE})
    (?:\s*,?\s+(?:and|who)\s+(?:he|she|they)\s+knew\s+(?:better|the\s+rule|the\s+rules|the\s+process|it)
    |\s*[.!]|\s*,?\s+again\b)""",
    _FLAGS,
)
# An outcome the writer says went well: such a cause is credit, not fault.
_GOOD_OUTCOME = re.compile(
    r"""\b(?:noticed|caught|spotted|avoided|prevented|saved|survived|recovered|averted|contained
    |made\s+it|on\s+time|under\s+budget|didn['’]t\s+(?:slip|fail|lose|miss|break)|no\s+longer
    |took\s+it\s+(?:well|fine|graciously|in\s+good\s+spirit)
    # the trouble kept small: "without an outage", "the outage was short", "resolved in 10 minutes"
    |without\s+(?:(?:a|an|any|much|major|further|real)\s+(?:[\w-]+\s+)?)?(?:outage|incident|downtime|issue|issues
        |problem|problems|drama|hiccup|hiccups|delay|delays|disruption|data\s+loss|loss)
    |(?:(?:the\s+)?(?:outage|incident|downtime|delay|disruption|impact|blip)\s+)?(?:was|were)\s+(?:very\s+|really\s+
        |pretty\s+|mercifully\s+)?(?:short|brief|minor|short-lived|contained)
    |(?:(?:the\s+)?(?:outage|incident|downtime|issue|problem|bug)\s+(?:was\s+|got\s+)?)?(?:resolved|restored|fixed
        |recovered|mitigated|back\s+up)\s+(?:with)?in\s+(?:\d+|a\s+few|under|minutes))\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Words that make an outcome after them unreal in its clause: hypothetical ("we'd have
# caught it", "could have noticed") or denied ("didn't get paid on time", "nobody noticed").
_UNREAL_BEFORE = re.compile(
    r"""(?i)(?:\b(?:would|could|should|might|must)(?:\s+not|n['’]t)?(?:\s+have|['’]ve)|['’]d\s+have
    |\b(?:not|never|nobody|no\s+one|none)|n['’]t)\b(?:\s+[\w'’-]+){0,3}?\s+$""",
    re.VERBOSE,
)

# "Had X not ...": a counterfactual denied with the person between (`_DID_HAPPEN`,
# `_GOOD_IF_NOT`).
_HAD_X_NOT = r"(?i:had)\s+(?:\S+\s+){1,3}?not"
# ... but a denied counterfactual happened: "it would have been worse if X hadn't noticed",
# "had X not noticed, we'd have been down".
_DID_HAPPEN = re.compile(
    rf"(?i)(?:\bif\s+(?:\S+\s+){{1,3}}?had(?:n['’]t|\s+not)|^\s*{_HAD_X_NOT})\s+(?:[\w'’-]+\s+)?$"
)
# Where a clause starts, looking back from an outcome: "..., we'd have caught it".
_CLAUSE_CUT = re.compile(r"[.!?;:,\n]|\b(?:and|but)\b")


def _good_outcomes(text: str) -> list[re.Match[str]]:
    """`_GOOD_OUTCOME` matches in `text` that happened: not hypothetical or denied by
    the words just before them in their clause (`_UNREAL_BEFORE`)."""
    found = []
    for m in _GOOD_OUTCOME.finditer(text):
        before = _CLAUSE_CUT.split(text[max(0, m.start() - 40) : m.start()])[-1]
        if not _UNREAL_BEFORE.search(before) or _DID_HAPPEN.search(before):
            found.append(m)
    return found


def _good_outcome(text: str) -> bool:
    """Whether `text` names a good outcome that happened (`_good_outcomes`)."""
    return bool(_good_outcomes(text))


def _without_good_outcomes(text: str) -> str:
    """`text` with each good outcome that happened blanked out ("... without issues")."""
    for m in reversed(_good_outcomes(text)):
        text = text[: m.start()] + " " + text[m.end() :]
    return text


# A bad outcome tied to one person's act by the words in between: "X sitting on the review
# for nine days is why we slipped", "caused by a config change X made", "two hours after X's
# hotfix went out, every invoice was wrong", "whose change turned out to be the root cause",
# "stop merging without review, since that's what caused the outage".
_CAUSAL = re.compile(
    rf"""(?:{_OWNER}\s+['‘"“]?[\w-]+['’"”]?|(?<![Ww]hat\s)(?<![Tt]hat\s)(?:{_RUN}|{_ROLE}))(?P<act>\s(?:(?!\bwhich\b)[^.!?;\n]){{0,80}}?)\s+
        (?:is|was|['’]s)\s+(?:the\s+(?:only\s+|main\s+|real\s+|whole\s+|sole\s+)?reason\s+(?:why\s+|that\s+)?
        |(?:exactly\s+|precisely\s+|basically\s+|literally\s+)?why\s+)[^.!?;\n]{{1,80}}
    |\b(?:caused|triggered|started|introduced)\s+by\s+(?:a|an|the|one)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_RUN}|{_ROLE})
        (?P<act2>\s+(?:had\s+)?(?:made|pushed|wrote|merged|shipped|deployed|ran|applied|added|did|sent
        |committed|introduced|rolled\s+out|forced\s+through|snuck\s+in|[a-z]+ed))\b[^.!?;\n]{{0,60}}
    |\b(?:after|once|when)\s+{_OWNER}\s+(?:['‘"“]?[\w-]+['’"”]?\s+){{1,3}}?(?:went\s+(?:out|live|in)|was\s+(?:deployed
        |merged|shipped|applied|released|pushed)|landed|shipped|got\s+merged)[^.!?;\n]{{0,20}},\s+[^.!?;\n]{{3,100}}
    |\b(?:whose|{_OWNER})\s+[^.!?;\n]{{0,60}}?(?<!\bwhat\s)(?<!\bwhich\s)\b(?:turned\s+out\s+to\s+be|proved\s+to\s+be
        |was|is)\s+(?:the\s+|a\s+)?(?:root\s+|real\s+|actual\s+)?cause\b[^.!?;\n]{{0,40}}
    |(?:{_RUN}|{_ROLE})[^.!?\n]{{0,25}}:\s*(?:please\s+)?(?:stop|quit|no\s+more)\s+\w+ing\b[^.!?\n]{{0,60}}?
        (?:since|because|as|,)\s+(?:that|this|it)(?:['’]s|\s+is|\s+was)\s+(?:\w+\s+)?what\s+(?:caused|broke|started
        |triggered|took\s+down)[^.!?;\n]{{0,40}}""",
    _FLAGS,
)
# "He said it was tested. It was not tested.": a claim the writer says was false.
_LIE = re.compile(
    rf"""(?:{_RUN}|\b[Hh]e|\b[Ss]he|{_ROLE})\s+(?:\w+\s+)?(?:said|claimed|swore|told\s+\w+(?:\s+\w+)?|insisted)
    \s+(?:that\s+)?(?:it|the\s+[\w-]+|everything|this|that)\s+(?:was|were|is|had\s+been)\s+
    (?P<claim>[\w-]+)\W{{1,4}}(?:[Ii]t|[Tt]hey|[Tt]hat|[Ii]t)\s+(?:was\s+not|wasn['’]?t|were\s+not|weren['’]?t
    |is\s+not|isn['’]?t|had\s+not\s+been|hadn['’]?t\s+been)\s+(?P=claim)""",
    _FLAGS,
)
_CLAIM_DENIED = re.compile(
    rf"""(?:{_RUN}|\b[Hh]e|\b[Ss]he|{_ROLE})\s+(?:\w+\s+)?(?:(?:said|claimed|swore|insisted|confirmed)\s+
    |(?:assured|told|promised)\s+(?:\w+\s+){{1,2}}?)(?:that\s+)?(?:it|the\s+[\w-]+
    |everything|this|that|all|they)\s+(?:was|were|is|are|had\s+been|would\s+be|worked|[a-z]+ed)\b[^.!?;\n]{{0,40}}?
    (?:[.!?;]+|,?\s+(?:but|and))\s*(?i:it|they|that|none|nothing|the\s+[\w-]+)(?:\s+\w+)?\s+(?:wasn['’]t|was\s+not
    |weren['’]t|were\s+not|isn['’]t|is\s+not|hadn['’]t|had\s+not|didn['’]t|did\s+not|never|hasn['’]t
    |has\s+not)\b(?!\s+(?:failed|broken|broke|crashed|missed|stopped|had\s+(?:a|any)\s+problem))""",
    _FLAGS,
)
# "It was X's job to ... and she just didn't", "ngozi was supposed to ... and didn't".
_DUTY_UNDONE = re.compile(
    rf"""(?:(?:{_ANY_OWNER})\s+(?:job|task|responsibility)
        |(?:{_RUN}|\b[Hh]e|\b[Ss]he|\b[Ii]|{_ROLE}|^\s*[a-z]+|(?<=[.!?]\s)[a-z]+)\s+(?:was|is)\s+
        (?:supposed|meant|expected|tasked|asked|instructed|told|reminded|responsible|in\s+charge|on\s+the\s+hook
        |on\s+point)(?:\s+(?:twice|repeatedly|again|(?:two|three|several|multiple)\s+times))?)
    \s+(?:to|for|of|with)\b[^.!?\n]{{0,70}}?(?:\b(?:and|but)\s+|[.;,]\s*|\s[-\u2013\u2014]+\s*)
    (?:(?i:he|she|I|just|then|simply|clearly|obviously|of\s+course|it|that|this|they|nothing|the\s+[\w-]+)(?:\.{{2,}}|…)?\s+){{0,2}}
    (?:didn['’]?t|did\s+not|never|forgot|wasn['’]t|was\s+not|fell\s+through|slipped|got\s+forgotten)\b
    (?!\s+(?:need|needed|have|had|mind|complain|hesitate|get|got|know|knew|hear|heard|receive|received|see|saw)\b)""",
    _FLAGS,
)
# Rhetorical questions aimed at one person: "is it so hard for X to read the runbook",
# "would it kill the PM to answer", "can we talk about how X merged ... 'small fix'?".
_RHETORICAL = re.compile(
    rf"""\b(?i:(?:is|was)\s+it\s+(?:really\s+|honestly\s+|actually\s+|just\s+)?(?:so|that|too)\s+(?:hard|difficult
        |much\s+to\s+ask)|how\s+(?:hard|difficult)\s+(?:is|was|can)\s+it|would\s+it\s+(?:kill|hurt))
        \s+(?:for\s+)?(?:{_RUN}|{_ROLE}|him|her)\s+to\b
    |\b(?i:pretend)\s+(?:that\s+)?(?:it\s+)?(?:wasn['’]t|was\s+not|isn['’]t)\s+(?:{_RUN}|{_ROLE})
    |\b(?i:why\s+is\s+it\s+always)\s+(?:{_OWNER}|{_RUN}|{_ROLE})
    |\b(?i:stop\s+letting)\s+(?:{_RUN}|{_ROLE})
    |\b(?i:was\s+it\s+(?:really\s+|honestly\s+|actually\s+)?necessary\s+for)\s+(?:{_RUN}|{_ROLE})\s+to\b
    # "how many times does X need to be told ...", "how often must X be reminded", "how many
    # times have we told the PM" (`_answered` and `_open_question` then check the question)
    |(?P<how>\b(?i:how\s+(?:many\s+(?:more\s+)?times|often))\s+(?i:does|do|did|must|has|have|is)\s+
        (?:{_RUN}|{_ROLE}|he\b|she\b)\s+(?i:(?:need|have|got)\s+to\s+be\s+|been\s+|be\s+|need\s+)
        (?i:told|reminded|warned|reminding|telling)\b(?!\s+(?i:off\s+)?by\b)
    |\b(?i:how\s+(?:many\s+(?:more\s+)?times|often))\s+(?i:do|did|must|have|had)\s+(?i:we|I)\s+
        (?i:(?:need|have|had)\s+to\s+)?(?i:tell|told|remind|reminded|warn|warned|chase|chased|nag|nagged)\s+
        (?:{_RUN}|{_ROLE}|him\b|her\b))
    # a question about what went wrong answered with whom to ask: "why was the flow broken
    # for three days? ask X." (not "why is the cache set up like this? ask X, she knows")
    |\b(?i:why\s+(?:was|were|did|had|is|are))\b(?P<why>[^?\n]{{5,150}})\?\s*(?i:just\s+|go\s+|you['’]d\s+have\s+to\s+)?(?i:ask)
        \s+(?:{_RUN}|{_ROLE})\s*(?:[.!]|$|(?i:lol)\b)
    |\b(?i:(?:do\s+we|does\s+any(?:one|body))\s+(?:really\s+|honestly\s+|actually\s+|seriously\s+)?need\s+(?:a|an|this|another)\s+(?:[\w-]+\s+){{0,2}}?to
        \s+(?:work\s+out|figure\s+out|find\s+out|know|see|tell|understand|realise|realize))\s+(?:that|who|why|how)\s+
        (?:{_RUN}|{_ROLE}|he|she)\s+\w+
    |\b(?i:it['’]s|it\s+is|it\s+was)\s+(?i:apparently\s+)?too\s+much\s+to\s+ask\s+(?:for\s+)?(?:{_RUN}|{_ROLE}|him|her)\s+to\b
    |\b(?i:how\s+(?:does|did|can|could|do))\s+(?:{_RUN}|{_ROLE}|he|she|(?i:a|an)\s+(?:[\w-]+\s+)?{_ROLE_WORDS})\s+go\s+
        (?:\w+\s+){{0,2}}?(?:days?|weeks?|months?|hours?)\s+without\s+(?:once\s+|even\s+)?\w+ing\b
    |\b(?i:can\s+we\s+(?:talk|chat|discuss)(?:\s+about)?|let['’]s\s+(?:talk\s+about|discuss)
        |(?:is\s+anyone|is\s+anybody|does\s+anyone|are\s+we)\s+(?:else\s+)?(?:going\s+to\s+|gonna\s+)?(?:talk|mention)(?:\s+about)?
        |are\s+we\s+(?:just\s+)?(?:going\s+to
        \s+|gonna\s+)?(?:ignore|ignoring|pretend|pretending))\s+(?:how|the\s+fact\s+that|that)\s+
        (?:{_RUN}|{_ROLE}|he|she)\s+\w+""",
    _FLAGS,
)
# A check or safeguard skipped: "skip the load test", "bypassed the review".
_SKIPPED = re.compile(
    r"""(?i)\b(?:skip|skipped|skipping|bypass|bypassed|bypassing|disabled?|disabling|ignored?|ignoring
    |turn(?:ed|ing)?\s+off)\s+(?:the\s+|a\s+|our\s+|all\s+)?(?:[\w-]+\s+){0,2}?(?:tests?|review|checks?
    |qa|staging|dry\s+run|rehearsal|backups?|alerts?|warnings?|runbook|sign-?off|approval|validation)\b""",
    re.VERBOSE,
)
# A skip that was agreed or had a reason: "X did, with the client's written approval".
_SANCTIONED = re.compile(
    r"""(?i)\b(?:approv\w*|agreed|signed\s+(?:it\s+)?off|request\w*|policy|because|after|as\s+agreed|within|good\s+thing
    |duplicates?|verified|planned|on\s+purpose|deliberately|replaced|obsolete|went\s+(?:perfectly|fine|well|smoothly))\b""",
    re.VERBOSE,
)
# What may open a "who ...?" before the skipped check: "who decided to skip ...".
_SKIP_OPENING = re.compile(
    r"(?i)\s*(?:(?:decided|chose|wanted|voted|agreed|insisted)\s+(?:on|to)\s+|approved\s+|signed\s+off\s+on\s+|said\s+to\s+)?"
)
# Acts that can go wrong when done against advice: "X pushed / chose / went ahead ...".
_RISKY_ACT = r"""(?:pushed|merged|shipped|deployed|released|launched|scheduled|chose|picked|went\s+ahead\s+(?:and|with)
    |changed|removed|deleted|dropped|skipped|ignored|promised|committed|signed|approved|rewrote|built|designed
    |moved|migrated|cut|switched|disabled|enabled|overrode|bypassed|hardcoded|hard-coded|rolled\s+out|sent)"""
# A failing done with the risk in view, a reply never sent, a warning waved away, a duty
# owned and never done: "X signed off knowing the totals were wrong", "X never got back to
# legal", "X saw the alerts and decided they were noise", "X owned the backup job and it
# was never tested".
_KNOWN_RISK = re.compile(
    rf"""(?:{_RUN}|{_ROLE}|\b[Hh]e|\b[Ss]he)\s+{_RISKY_ACT}\s+(?:[\w'’-]+\s+){{0,5}}?(?:(?<!not\s)knowing|despite\s+knowing
        |(?:although|even\s+though)\s+(?:he|she)\s+knew)\s+(?:(?:full\s+)?well\s+)?(?:that\s+)?[^.!?;\n]{{0,60}}?
        \b(?:was|were|is|are|had\s+been)\s+(?!not\b|never\b)(?:\w+\s+)?(?:broken|wrong|failing|flaky|buggy|incomplete|untested
        |corrupt(?:ed)?|not\s+ready|unsafe|insecure|out\s+of\s+date|red)\b
    # "he knew the sync was lagging and still opened the dates", "... and reported stable
    # numbers anyway", "the key had expired and he knew about it for a month"
    |(?:{_RUN}|{_ROLE}|\b[Hh]e|\b[Ss]he)\s+knew\s+(?:that\s+)?[^.!?;\n]{{3,60}}?\b(?:was|were|had\s+been|is|are)\s+(?:\w+\s+)?
        (?:lagging|growing|broken|wrong|failing|late|stale|expired|down|corrupt(?:ed)?|flaky|sticking|off|untested|overdue
        |out\s+of\s+date|not\s+ready)\b[^.!?;\n]{{0,20}}?\s+and\s+(?:(?:still|yet|then\s+still)\s+
        (?:{_RISKY_ACT}|opened|reported|signed|sold|published|posted|announced)\b|(?:{_RISKY_ACT}|opened|reported|signed)\b
        [^.!?;\n]{{3,80}}?\banyway\b|did\s+nothing\b)
    |\band\s+(?:{_RUN}|{_ROLE}|he|she)\s+(?:had\s+)?(?:known|knew)\s+(?:about\s+)?(?:it|this|that)\s+for\s+(?:a|an|two|three|four
        |five|six|several|\d+)\s+(?:days?|weeks?|months?)\b(?![^.!?]*\bbecause\b)
    |(?:{_RUN}|{_ROLE})\s+never\s+(?:got\s+back\s+to|replied\s+to|responded\s+to|followed\s+up\s+with|wrote\s+back\s+to)
        \s+(?:me|him|her|legal|finance|support|sales|procurement|(?:the|our|their)\s+(?:[\w-]+\s+)?(?:client|customer
        |vendor|supplier|hosts?|users?|board|auditors?|partners?|volunteers?|team|sponsor|landlord|venue))\b
    |(?:{_RUN}|{_ROLE})\s+(?:saw|noticed|spotted|got|read)\s+[^.!?;\n]{{3,60}}?\s+and\s+(?:just\s+)?(?:decided|assumed
        |figured|thought)\s+(?:they|it|that)\s+(?:were|was)\s+(?:just\s+)?(?:noise|nothing|harmless|false\s+alarms?
        |a\s+false\s+alarm|not\s+important)\b(?![^.!?\n]{{0,60}}\b(?:and\s+(?:it|they)\s+(?:was|were)|which\s+(?:it|they)
        \s+(?:was|were)|correct|correctly|right|confirmed|agreed|proved|same\s+view|after\s+(?:checking|confirming|testing)
        |enough\s+to)\b)
    |(?:{_RUN}|{_ROLE})\s+{_RISKY_ACT}\s+(?:[\w'’-]+\s+){{0,8}}?(?:even\s+though|although|despite
        \s+the\s+fact\s+that)\s+(?:we|I|everyone|everybody|the\s+team|the\s+users|(?:our|the)\s+\w+\s+team)\s+(?:had\s+)?
        (?:said|told|warned|asked|explained|objected|pointed\s+out|flagged)\b
    |(?:{_RUN}|{_ROLE})\s+{_RISKY_ACT}\s+(?:[\w'’-]+\s+){{0,8}}?despite\s+(?:our|my|everyone['’]s
        |repeated|several|all\s+the|the\s+team['’]s)\s+(?:\w+\s+)?(?:warnings?|advice|objections?|requests?|concerns)\b
    |(?:{_RUN}|{_ROLE})\s+(?:owned|was\s+responsible\s+for|was\s+in\s+charge\s+of)\s+[^.!?;\n]{{3,60}}?\s+and\s+(?:it|that
        |they)\s+(?:was|were)\s+never\s+(?:tested|checked|configured|set\s+up|done|finished|built|written|run|documented
        |reviewed|monitored|updated|patched|fixed|deployed|started|completed|renewed|rotated)\b""",
    _FLAGS,
)
# After a "how many times" question, what keeps it rhetorical: "? Seriously.", "? And
# still nothing", "? 🙄".
_QUESTION_END = re.compile(r"[^?]*\?+\s*")
_UNANSWERED = re.compile(
    r"""(?i)\s*(?:seriously|again|come\s+on|ugh|sigh|lol|smh|jeez|every\s+(?:single\s+)?(?:time|sprint|week)
    |[!?.🙄🙃😤]|(?:and\s+|but\s+)?(?:\w+\s+){0,3}?(?:he|she|\ue000+)\s+(?:\w+\s+){0,3}?(?:still|again|keeps|kept|never)\b
    |(?:and\s+)?(?:still\s+)?nothing(?:\s+changes|\s+changed)?\b)""",
    re.VERBOSE,
)


def _open_question(shadow: str, m: re.Match[str]) -> bool:
    """A "how many times" asked for real: quoted, embedded ("measure how many times ..."),
    about someone new ("does the new PM need to be reminded") or about a threshold
    ("... before we escalate")."""
    start = m.start("how")
    before = shadow[max(0, start - 40) : start]
    end = shadow.find("?", start)
    question = shadow[start : end if end >= 0 else len(shadow)]
    return bool(
        re.search(r"['‘\"“]\s*$", before)
        or re.search(
            r"(?i)\b(?:measure|track|count|ask(?:ed)?|wonder\w*|whether|question)\b[^.!?]*$",
            before,
        )
        or re.search(r"(?i)\b(?:new|newest|intern|joiner|newcomer)\b", m.group())
        or re.search(
            r"(?i)\bbefore\s+(?:we|I|it|they|the\s+\w+\s+)?(?:escalat|step|page|flag|rais)|\bper\s+(?:the\s+)?policy",
            question,
        )
    )


def _answered(shadow: str, at: int) -> bool:
    """Whether the question running on from `at` gets an answer: a rhetorical "how many
    times ...?" stands alone or is followed by exasperation or by the failing going on
    (`_UNANSWERED`); anything else after it answers it ("? Twice, and she was on it")."""
    end = _QUESTION_END.match(shadow, at)
    if end is None:
        return False
    rest = shadow[end.end() : end.end() + 160]
    return bool(rest.strip()) and not _UNANSWERED.match(rest)


# The writer as the cause of a harm: "the release slipped because of me", "because of me,
# prod was down for two hours", "thanks to me the migration took twice as long".
_BY_ME = r"(?:because\s+of|thanks\s+to|due\s+to|(?:cuz|coz|cos|bc)\s+of|on\s+account\s+of)\s+me\b"
_HARM_DONE = r"""(?:slipped|went\s+down|broke|crashed|failed|fell\s+over|(?:was|were|ran)\s+(?:\w+\s+)?late|missed|lost
    |had\s+to\s+(?:roll\s+back|redo|rework|wait|work|start\s+over|cancel)|churned|escalated|(?:got|was|were)\s+(?:\w+\s+)?delayed
    |(?:got|was|were)\s+wiped|(?:was|were)\s+down|went\s+out|took\s+(?:an\s+extra|twice|double|\w+\s+extra)
    |blew\s+up|unhappy|angry|shipped\s+a\s+broken)"""
_HARM_THEN_ME = re.compile(
    rf"""(?i)\b{_HARM_DONE}\b[^.!?\n]{{0,60}}?(?:,\s*)?(?:\b(?:all|and\s+that['’]?s|and\s+it['’]?s|honestly\s+it['’]?s)\s+)?{_BY_ME}""",
    re.VERBOSE,
)
_HARM_DONE_WORD = re.compile(rf"(?i)\b{_HARM_DONE}\b", re.VERBOSE)
_ME_THEN_HARM = re.compile(
    rf"(?i)(?:^|(?<=[.!?]\s)|(?<=\n))\s*{_BY_ME}\s*,?\s*(?P<after>[^.!?\n]{{5,140}})"
)
# Doubt, report, hypothesis or denial before it: "I thought the outage was because of me".
_DOUBTED = re.compile(
    r"(?i)\b(?:not|n['’]t|never|no|think|thought|said|says|claim\w*|blamed?|rumou?r\w*|felt|fear\w*|afraid"
    r"|worr\w+|wonder\w*|assum\w+|suspect\w*|maybe|if|whether|myth|nobody|no\s+one)\b"
)


def _self_caused(shadow: str) -> list[tuple[int, int]]:
    """Spans where the writer names themself as the cause of a harm (`_HARM_THEN_ME`,
    `_ME_THEN_HARM`): not in a question, not doubted or denied (`_DOUBTED`), not a good
    outcome, not followed by a reason that is no fault ("... because of me being off
    sick")."""
    spans = []
    for m in chain(_HARM_THEN_ME.finditer(shadow), _ME_THEN_HARM.finditer(shadow)):
        sentence, at = _sentence_and_offset(shadow, m.start())
        if sentence.rstrip().endswith("?") or _DOUBTED.search(sentence[:at]):
            continue
        if re.match(
            r"(?i)\s*(?:being|having|taking|on\s+leave|going)\b", shadow[m.end() : m.end() + 20]
        ):
            continue
        if m.re is _ME_THEN_HARM and (
            not (_HARM_DONE_WORD.search(m.group("after")) or _went_wrong(m.group("after")))
            or _good_outcome(m.group("after"))
        ):
            continue
        if m.re is _HARM_THEN_ME and _good_outcome(sentence):
            continue
        spans.append((m.start(), m.end()))
    return spans


# A person held back by others or by an end of contract: "because legal told him to wait".
_BLOCKED = re.compile(
    r"(?i)\b(?:told\s+(?:him|her|them)\s+to\s+(?:wait|hold)|was\s+blocked|on\s+hold|contract\s+(?:ended|ran\s+out)"
    r"|because\s+(?:she|he|we|they)|until|which\s+is\s+(?:standard|normal|fine|expected)|so\s+the\s+fix"
    r"|(?:was|were)\s+(?:told|asked)\s+not\s+to)\b"
)
# An absence given as the reason: ", he was on leave", "as she was off sick".
_AWAY = re.compile(
    rf"""(?i)(?:[,;:(]|\bas\b|\bsince\b|\bbecause\b|\s[-\u2013\u2014])\s*(?:he|she|they|\ue000+)\s+(?:was|were|had\s+been)
    \s+(?:\w+\s+)?{_ABSENT}\b""",
    re.VERBOSE,
)
# A question about a bad act answered with one person: "who deploys at 5pm on a Friday?
# X does, apparently".
_WHO_DID = re.compile(
    rf"""\b(?i:who)\s+(?P<q>[^?.!\n]{{3,100}})\?+\s*(?:(?i:apparently|obviously|of\s+course|well|oh(?:\s+right)?|yes|yep
        |right|guess\s+who|surprise|you\s+guessed\s+it|no\s+prizes?\s+for\s+guessing)[,:!]?\s+)?(?:{_RUN}|{_ROLE}|[Hh]e|[Ss]he)
    (?:\s+(?:does|did|do|has|had|was)\b|\s*,?\s*(?:(?i:apparently|obviously|of\s+course|naturally|who\s+else))?\s*[.!])""",
    _FLAGS,
)
# "The migration broke checkout. It was me.", "nobody else touched that job. it was Amir":
# a sentence naming a failing (or that nobody else had the thing in hand), then one person
# named as all of its cause in the next, or after a question between them ("Prod went
# down. Who pushed? It was Amir."), but not a question about a good act ("Who fixed it?").
_IT_WAS_X = re.compile(
    rf"""(?:^|(?<=[.!?;]\s)|(?<=\n))\s*(?i:it|that)\s+was\s+(?:(?i:all|obviously|of\s+course|always)\s+)?
    (?:{_RUN}|{_ROLE}|\b(?i:me)\b)\s*,?\s*(?:(?i:again|obviously|of\s+course|as\s+usual|every\s+time)\s*)?[.!]*\s*$""",
    _FLAGS,
)
_NOBODY_ELSE = re.compile(
    r"(?i)\b(?:nobody|no\s+one|no-one)\s+else\s+(?:\w+\s+)?(?:touched|changed|edited|ran|deployed|pushed"
    r"|modified|used|(?:had|has)\s+(?:access|the\s+(?:[\w-]+\s+)?(?:password|key|keys|credentials|login|rights)))\b"
)
# "Why did X merge at midnight with failing tests?": asks only to accuse.
_WHY_DID = re.compile(
    rf"""\b(?i:why)\s+(?:did|does|would|do|on\s+earth\s+did)\s+(?:{_RUN}|{_ROLE}|he|she)\s+(?P<q>[^?.!\n]{{3,100}})\?""",
    _FLAGS,
)
# "The errors came from X's script": trouble traced to a person's work (with _TROUBLE).
_CAME_FROM = re.compile(
    rf"""\b(?:came|comes|stem(?:s|med)?|originated|originates)\s+(?:straight\s+|directly\s+)?from\s+{_ANY_OWNER}\s+[\w-]+""",
    _FLAGS,
)
# The writer says the act was right after all: "Unpopular, but it was the right move."
_VINDICATED = re.compile(
    r"""\b(?:(?:he|she)\s+was\s+right(?:\s+all\s+along)?|it\s+was\s+the\s+right\s+(?:move|call|decision|thing|one)
    |(?:turned\s+out\s+to\s+be|proved\s+to\s+be)\s+the\s+right\s+(?:move|call|decision)
    # a decision the writer endorses: "it was absolutely right", "that decision aged really
    # well", "Good call, we had buffer", "did us a massive favour"
    |(?:it|that|this|which)\s+(?:was|is)\s+(?:absolutely|totally|completely|definitely|100%)\s+(?:the\s+)?right
    |(?:decision|call|choice|move)\s+(?:has\s+)?aged\s+(?:really\s+|very\s+|so\s+)?well
    |(?:^|(?<=[.!?]\s))(?:good|great|smart|wise)\s+call[,.!]?\s+(?:we|it|that|because|by|from|on|in\s+hindsight)\b
    |did\s+(?:us|everyone|the\s+team|all\s+of\s+us)\s+a\s+(?:\w+\s+)?favou?r)\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _vindicated(shadow: str) -> bool:
    """Whether the writer endorses the call (`_VINDICATED`) and means it: no sign of
    sarcasm in the answer, no harm in the rest of that sentence ("great call, we lost the
    whole weekend")."""
    if _SARCASM_SIGN.search(shadow):
        return False
    for m in _VINDICATED.finditer(shadow):
        before = shadow[: m.start()]
        if re.match(r"(?i)(?:good|great|smart|wise)\b", m.group()) and (
            _names_failing(_FAILING, before) or _went_wrong(before) or _SLIP.search(before)
        ):
            continue  # "X deleted the table. Good call by Y to have backups.": Y's call
        rest = re.split(r"[.!?\n]", shadow[m.end() :], maxsplit=1)[0]
        if re.search(
            r"(?i)\bsaid\s+no\s+one|\(it\s+(?:has|did|does)n['’]?t|\blol\b|\bapparently\b|\bas\s+always\b",
            shadow[m.end() : m.end() + 60],
        ):
            continue
        if not (
            _went_wrong(rest)
            or _CONSEQUENCE.search(rest)
            or re.search(
                r"(?i)\b(?:lost|cost|breach\w*|took\b.*\bdown|not|\(it\s+did\s+not)\b", rest
            )
        ):
            return True
    return False


# The writer defends the person in the same sentence: "X did nothing wrong, the tool ...",
# "people keep saying X held it up, but she was waiting on ...", "we lost an hour but
# avoided a much bigger mess".
_DEFENDED = re.compile(
    rf"""\bdid\s+nothing\s+wrong|\b(?:was|is)n['’]t\s+(?:his|her|{_RUN}['’]s)\s+fault|\b(?i:not)\s+(?:his|her|{_RUN}['’]s)\s+fault
    |\b(?i:people|everyone|everybody|some|they|folks|others)\s+(?:\w+\s+)?(?:saying|say|said|blame[sd]?|blaming|claim(?:ed)?
        |think|thought|assume[sd]?)\b[^.!?]{{0,80}}\bbut\s+(?:he|she|they|{_RUN})\s+(?:was|were|had)\b
    |\bbut\s+(?:\w+\s+){{0,3}}?(?:avoided|prevented|averted)\b
    |\b(?i:nobody|no\s+one|no-one)(?:['’]s|\s+is)\s+(?:to\s+blame|at\s+fault)
    |(?:\b(?:is|was|are|were)\s+(?i:not|n['’]t)\s+(?:\w+\s+)?(?:to\s+blame|at\s+fault)
        |\b(?i:nobody|no\s+one|no-one)\s+blamed\b)(?![^.!?;\n]*(?:\bbut\b|,\s*[\w\ue000]+\s+is\b))
    |\bI\s+(?:realised|realized|learned|learnt|noticed|found)\s+(?:that\s+)?I\s+(?:didn['’]t|did\s+not|hadn['’]t)\b
    # "The PM didn't cause this." (not "X didn't cause it, Y did")
    |\b(?:didn['’]t|did\s+not)\s+cause\s+(?:this|it|that|the\s+\w+)\s*[.!;](?!\s*[\w\ue000]+\s+did\b)
    # "if the PM had known about it, I'm sure she'd have raised it": not told, no fault
    |\b(?i:if)\s+(?:{_RUN}|{_ROLE}|he|she)\s+had\s+(?:known|heard|been\s+(?:told|warned|informed|copied))\b
        [^.!?;]{{0,60}}(?:would|['’]d)\s+(?:have|['’]ve)\s+\w+""",
    _FLAGS,
)
# The writer clears the person anywhere in the answer: the fault is taken on by the team
# ("that's on us", "our collective call"), the act called sound ("reasonable call", "did it
# by the book", "did exactly what the runbook says"), beyond the person ("not in his
# control", "none of us knew", "anyone would have done the same"), or the fault put on a
# thing by name ("the runbook was the problem", "fix the script, not the person").
_EXONERATED = re.compile(
    r"""\b(?:that['’]s|it['’]s|this\s+is|it\s+was|that\s+was|this\s+one['’]s)\s+on\s+(?:us|all\s+of\s+us)\b
    |\b(?:our|a)\s+(?:collective|shared|joint|group)\s+(?:call|decision|choice|failure|fault|mistake|miss)\b
    |\b(?:reasonable|right|sensible|fair|defensible|correct)\s+call\b|\b(?:did|done|ran|run)\s+(?:it\s+)?by\s+the\s+book\b
    |\bdid\s+everything\s+(?:right|correctly|properly)\b
    |\b(?:was|were|is)\s+the\s+(?:right|correct)\s+(?:one|call|decision|choice)\b
    # "we collectively decided", "didn't do anything wrong", "caught the problem, not caused
    # it", "was following the approval matrix", "My fault? No, our fault.", "Nothing X did
    # caused the mislabelling"
    |\bwe\s+(?:collectively|jointly|together)\s+(?:decided|agreed|chose|opted)\b
    |\b(?:didn['’]t|did\s+not)\s+do\s+anything\s+wrong\b|,\s*not\s+caus(?:ed|ing)\s+(?:it|them|this|that)\b
    |\b(?:(?:was|were)\s+(?:just\s+|only\s+)?following
        |(?<!had\s)(?<!have\s)(?<!['’]ve\s)(?<!never\s)(?<!not\s)(?<!n['’]t\s)(?<!if\s)followed)\s+(?:the|our)\s+(?:[\w-]+(?:['’]s)?\s+){0,2}?(?:matrix
        |process|procedure|runbook|policy|rules|checklist|playbook|docs?|instructions|guidance|sop|directions?|orders)\b
    # "Before anyone says it was X's fault: ...", "Not blaming the liaison; she had no authority"
    |\bbefore\s+(?:anyone|anybody|people|you)\s+(?:says?|asks?|blames?|points?|jumps?)\b
    |(?:^|(?<=[.!?]\s))(?:(?:I['’]m|I\s+am)\s+)?(?i:not)\s+blaming\s+(?![^.!?\n]*\bbut\b)
    # "the actual checkout break came from the payment app update": the fault put on a thing
    |\bthe\s+(?:actual|real)\s+(?:[\w-]+\s+)?(?:cause|problem|issue|break|breakage|failure|bug|culprit|trigger)
        \s+(?:came\s+from|was)\s+(?:the|a|an|our|their)\s+(?:[\w-]+\s+){0,3}?(?:update|change
        |release|patch|bug|outage|config(?:uration)?|script|tool|vendor|provider|carrier|system|service|api|app|platform
        |library|dependency|certificate|network|dns|database|server|cache)\b
    |(?:\b(?:my|his|her|the\s+[\w-]+['’]s)|\ue000+['’]s)\s+fault\s*\?\s*(?:no|not\s+really|nope|hardly)\b
    # "X's call ... was reasonable", "had nothing to apologise for", "not naming anyone",
    # "What failed was a downstream job"
    |\b(?:was|were)\s+(?:perfectly\s+|completely\s+|entirely\s+|totally\s+)?(?:reasonable|sensible|defensible|justified)\b
    |\b(?:nothing|anything)\s+to\s+apologi[sz]e\s+for\b|\bnot\s+naming\s+(?:anyone|anybody|names)\b(?![^.!?]*\bbut\b)
    |\bwhat\s+(?:actually\s+|really\s+)?(?:failed|broke|went\s+wrong)\s+was\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:job|script
        |process|tool|system|service|config|step|check|query|pipeline|migration|feed|integration|report|vendor)\b
    # "X taking the draft home wasn't the problem", "turned out not to be his", "so I
    # wouldn't single anyone out", "That's a procurement gap.", "did their best with the
    # information they had", "which the whole team had agreed to", "as blindsided as the
    # rest of us"
    |\b(?:was|is)(?:n['’]t|\s+not)\s+the\s+(?:real\s+)?(?:problem|issue|cause)\s*[;:,.\u2014\u2013-]
    |\bturned\s+out\s+(?:not\s+to\s+be|to\s+be\s+not)\s+(?:his|hers|theirs|mine)\b
    |\b(?:wouldn['’]t|would\s+not|won['’]t|will\s+not|don['’]t|do\s+not)\s+(?:want\s+to\s+)?single\s+(?:anyone|anybody|\w+)\s+out\b
    |\b(?:that['’]s|that\s+is|this\s+is|it['’]s|it\s+is)\s+(?:a|an)\s+(?:procurement|process|tooling|planning|staffing
        |budget|budgeting|system|systems|design|training|resourcing|funding|policy|communication)\s+(?:gap|problem|issue
        |failure|flaw)\b
    |\bdid\s+(?:their|his|her|my)\s+best\s+with\s+(?:the\s+|what\s+)?(?:information|info|data|time|knowledge|tools)?
    |\bwhich\s+(?:the\s+(?:whole\s+)?team|we\s+all|everyone|everybody)\s+(?:had\s+)?(?:agreed|signed\s+off|approved)\b
    |\bas\s+(?:blindsided|surprised|shocked|caught\s+out|much\s+in\s+the\s+dark)\s+as\s+(?:the\s+rest\s+of\s+us|everyone|anyone|we\s+were)\b|\b(?i:nothing)\s+\S+\s+did\s+(?:caused|led\s+to|broke)\b
    |\bdid\s+it\s+(?:through|via|following|per)\s+the\s+(?:normal|usual|standard|proper|agreed)\s+(?:process|procedure
        |route|channel)\b
    |\bwhich\s+(?:nobody|no\s+one|no-one)\s+should\s+(?:have\s+to|be\s+expected\s+to)\b
    |\bwe\s+(?:all\s+)?(?:agreed|decided|chose)\s+(?:as\s+a\s+(?:group|team)|together)\s+to\b
    |\bdid\s+(?:exactly\s+|just\s+)?what\s+the\s+(?:runbook|process|checklist|docs?|documentation|instructions|plan
        |playbook|procedure|guide|handover\s+doc)\s+(?:says|said|told|asked)
    |\bnot\s+(?:really\s+|entirely\s+)?in\s+(?:his|her|their|my)\s+control\b|\bnone\s+of\s+us\s+knew\s*(?:[.,;!]|$)
    # "Anyone would have done the same.", "Any of us would have approved it." (a sentence's end)
    |\b(?:anyone|any\s+of\s+us|anybody)\s+would\s+have\s+\w+(?:\s+(?:it|that|the\s+same))?\s*(?:[.!]|$)
    |\b(?:could|might)(?:['’]ve|\s+have)\s+been\s+(?:any\s+of\s+us|anyone|anybody)\b
    |\b(?:decision|call|choice)\s+we\s+(?:all\s+)?made\b|\bwe\s+(?:all\s+)?(?:made|took)\s+(?:it\s+)?together\b
    |\bthe\s+whole\s+(?:[\w-]+\s+)?(?:group|team|board|committee|leadership)\s+(?:made|took|owned)\s+(?:the|that)\s+(?:call|decision)\b
        (?![^.!?]*\bbut\b)
    |\bfix(?:ing)?\s+the\s+\w+,?\s+not\s+(?:the\s+(?:person|people|human|engineer)|hunt|blam|point)
    |\bnot\s+(?:his|her|their)\s+fault\s*(?:[.!]|$)|(?:^|(?<=[.!?]\s))not\s+on\s+(?:him|her|them)\s*(?:[.!]|$)
    |\bbefore\s+(?:anyone|anybody|you)\s+asks?\s*[:,-]\s*no\b|\bdid\s+what\s+(?:our|the)\s+(?:process|policy|runbook)\s+(?:allows
        |allowed|says|said)
    |(?<!without\s)\bwith\s+(?:two|three|four|[2-9])\s+approvals\b
    |\bthe\s+(?:\w+\s+)?(?:runbook|process|tooling|pipeline|template|docs|script|tool|checklist|calendar|system|policy
        |rules|setup|design|plan|budget|schedule|timeline)
        \s+(?:was|is)\s+the\s+(?:real\s+)?(?:problem|issue|culprit|cause)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# The sentence reports blame in order to reject it: "I'd push back on the idea that QA
# missed this", "I don't think it's fair to say X leaked it", "nobody should blame X",
# "it's easy to say 'X should have waited', but", "looks like X's mistake, but", "whoever
# merged it, doesn't matter", "please don't pile on X", "isn't really an X issue".
_REJECTED = re.compile(
    rf"""\bpush\s*back\s+(?:\w+\s+){{0,2}}on\b|\bnot\s+(?:sure\s+it['’]s\s+|really\s+)?fair\s+to\s+(?:say|blame|single)
    |\b(?:don['’]t|do\s+not)\s+think\s+(?:it['’]s|it\s+is)\s+fair\b
    |\b(?i:no|not)\s+(?:one|single)\s+(?:one\s+)?person\b
    # "people are annoyed with X, but he was never briefed": an anger reported, then answered
    |\b(?i:people|everyone|everybody|some|folks|others|a\s+few\s+people)\s+(?:are|were|seem|seemed|got)\s+(?:\w+\s+)?
        (?:annoyed|angry|upset|frustrated|mad|cross|unhappy)\s+(?:with|at)\s+[^.!?]{{0,60}}?,\s*but\b
    # "the mix-up was NOT X": the person named to be cleared
    |\b(?:was|is)\s+not\s+(?:{_RUN}|(?:{_ROLE})\b)(?:\s*[,;—–-]|\s+who\b|\s*$)(?![^.!?]{{0,80}}\bit\s+was\s+(?:{_RUN}|he\b|she\b))
    # blame others lay, answered with "but": "people say X caused the bug, but the logs ..."
    |\b(?i:people|everyone|everybody|some|they|folks|others)\s+(?:\w+\s+)?(?:say|says|said|claim|claimed|think|thought
        |assume[sd]?|blame[sd]?)\s+(?:that\s+)?(?:{_RUN}|(?:{_ROLE}|he|she)\b)[^.!?]{{0,80}}?,\s*but\b
    # a denial followed by what really happened: "X didn't ignore the reminder, the e-mails ..."
    |\b(?i:he|she)\s+(?:didn['’]t|did\s+not)\s+cause\s+(?:it|this|that|the\s+\w+)\s*(?:[.!;,]|$)
    |(?:{_RUN}|\b(?i:he|she)\b|{_ROLE})\s+(?:didn['’]t|did\s+not|wasn['’]t|was\s+not)\s+(?:ignor|caus|break|leak|skipp?
        |botch|hang\s+up|double-?book|overwrit)\w*\b[^.!?;,]{{0,60}}(?:[,;—–]|\s-\s)(?!\s*so\b)
    # "She didn't miss anything; the lab never sent the result"
    |(?:{_RUN}|\b(?i:he|she)\b|{_ROLE})\s+(?:didn['’]t|did\s+not)\s+(?:miss|forget|drop|skip|lose|break|ignore)
        \s+(?:anything|a\s+thing|the\s+[\w-]+\s*[.;]\s*(?i:the|it|that)\b)(?![^.!?]{{0,80}}\bbut\b)
    # the act's reason is a thing, not a person: "skipped step 4 because step 4 references a
    # tool we uninstalled", "cancelled the training because the vendor hadn't installed ..."
    |\bbecause\s+(?:of\s+)?(?:the|a|an|its|their|our|step\s+\d+)\s+(?![^.!?,]{{0,30}}(?:{_MASK}|\b(?i:he|she|I)\b|\b{_ROLE_WORDS}\b))
        (?:[\w-]+\s+){{0,3}}?(?:had|has|was|were|is|isn['’]t|wasn['’]t|hadn['’]t|references?|said|says|kept|didn['’]t
        |doesn['’]t|broke|failed|changed|went|came|told|asked|gave|required|requires|demanded)\b
    # the reason is what was done to the person: "because he was never given time to",
    # "because she was cast ten days before", "because that's how every job did it"
    |\bbecause\s+(?:he|she|they)\s+(?:was|were)\s+(?:never\s+|only\s+|just\s+)?(?:given|told|asked|cast|hired|moved
        |added|brought|pulled|put|sent|assigned|instructed)\b
    |\bbecause\s+that['’]s\s+(?:how|what)\s+(?:every|everyone|the\s+team|we|the\s+(?:\w+\s+)?\w+)\b
    # an appearance, then the correction: "it looks like X's fix broke it, but his fix was
    # fine", "looks like my mistake but the config was wrong"
    |\b(?:looks?|looked|seems?|seemed)\s+like\s+(?:[^.!?,]{{0,40}}?(?:{_RUN}|\b(?:he|she|his|her)\b)[^.!?]{{0,60}}?,\s*but
        |(?:{_RUN}['’]s|his|her|my)\s+(?:mistake|fault|error|doing)\b[^.!?]{{0,40}}\bbut)\b
    |\b(?:nobody|no\s+one|no-one)\s+should\s+(?:\w+\s+)?blame\b|\bwe\s+(?:shouldn['’]t|should\s+not)\s+(?:\w+\s+)?blame\b
    # "don't blame X" (not "I don't blame X, but he really should have ...")
    |\b(?:don['’]t|do\s+not|let['’]s\s+not|shouldn['’]t)\s+(?:\w+\s+)?(?:blame|pile\s+on|scapegoat|single\s+out)\b
        (?![^.!?]{{0,60}},\s*but\s+(?:he|she|{_RUN}))
    |\b(?:it['’]s|it\s+is|it\s+would\s+be)\s+(?:too\s+|very\s+|really\s+)?easy\s+to\s+(?:say|blame|point)\b[^.!?]{{0,120}}\bbut\b
    |\b(?:doesn['’]t|does\s+not|didn['’]t|did\s+not)\s+(?:really\s+)?matter\s+who\b|\bwho(?:ever)?\s+[^.!?,]{{1,40}},\s*(?:it\s+)?doesn['’]t\s+matter
    |\b(?:isn['’]t|is\s+not|wasn['’]t|was\s+not)\s+(?:really\s+)?(?:a|an)\s+{_RUN}\s+(?:issue|problem|thing)
    # a newcomer: "Chidi had only joined that week, so he couldn't jump in"
    |\b(?:had\s+)?only\s+(?:just\s+)?(?:joined|started|arrived)\s+(?:that|this|the|a)\s+(?:week|day|month|morning)\b
    # "I don't think any one person dropped the ball", "it wasn't in her remit"
    |\b(?:don['’]t|do\s+not|doesn['’]t)\s+think\s+any\s+(?:one\s+|single\s+)?(?:person|individual)\b(?![^.!?]*\bbut\b)
    |\b(?:was|is)(?:n['’]t|\s+not)\s+(?:in|part\s+of)\s+(?:his|her|their|my)\s+(?:remit|job|role|scope|brief
        |responsibilit(?:y|ies))\b(?![^.!?]*\banyway\b)
    # blame heard and answered: "we keep hearing 'the BA should have caught it'. Honestly, we ..."
    |\b(?:we|I)\s+(?:keep|kept)\s+hearing\b(?![^.!?]*\bfrom\s+(?:{_RUN}|{_ROLE}))
    # a denied act that is itself a failing: "X didn't overpromise; the business heard ..."
    |(?:{_RUN}|\b(?i:he|she)\b|{_ROLE})\s+(?:didn['’]t|did\s+not|never)\s+(?:overpromis|overcommitt?|misle[ad]|lie\b|lied)
        \w*[^.!?;,]{{0,60}}[,;—–](?!\s*(?i:he|she)\b)
    |(?:{_RUN}|\b(?i:he|she)\b|{_ROLE})\s+(?:forgot|missed|dropped|broke|skipped|ignored|lost)\s+nothing\b
        (?!\s*,?\s*(?:apart\s+from|except|but|other\s+than|besides))
    # the work called sound, then the real cause: "X's patch was fine; the test was flaky"
    |(?:{_RUN}['’]s|\b(?i:his|her)\b)\s+(?:[\w-]+\s+){{0,2}}?(?:was|were)\s+(?:perfectly\s+|totally\s+)?(?:fine|ok|okay|correct
        |right|sound|good)\s*[;:—–](?![^.!?]*\b(?:but|was\s+not|wasn['’]t|were\s+not|weren['’]t)\b)
    |\b(?:was|is)(?:n['’]t|\s+not)\s+(?:a|an)\s+(?:failure|mistake|lapse|screw-?up)\s*[,;:—–]
        (?![^.!?]*(?:{_RUN}|\b(?i:he|she)\b)\s+(?:chose|decided|skipped|ignored|never|didn['’]t|forgot))
    |\b(?:was|is)(?:n['’]t|\s+not)\s+the\s+(?:real\s+|main\s+)?(?:reason|cause)\s+(?:the|we|it|our|that|why|this)\b
        (?![^.!?]*[,;]\s*(?:{_RUN}|he\b|she\b|{_ROLE})\s+\w+)
    # help that was missing, not an act: "if the lead maintainer had a deputy, ..."
    |\b(?i:if)\s+(?:{_RUN}|{_ROLE}|he|she)\s+had\s+(?:had\s+)?(?:a|an|more|any|some|enough)\s+(?:[\w-]+\s+)?(?:deputy|backup
        |help|support|cover|budget|resources?|headcount|tools?|training|access|second|partner|assistant|shadow|direct\s+line
        |line|contact|number)\b
        (?!\s+(?:skills?|sense|clue))
    # "was working from test results that looked fine", "none of it was her doing", "I'd have
    # missed it too", "saying 'X broke it' is too simple", "X 'caused' the surge" (in doubt)
    |\bworking\s+(?:from|with|off)\s+[^.!?;]{{0,40}}?\b(?:looked|seemed)\s+(?:fine|ok|okay|right|good|correct|normal)\b
        (?![^.!?]*\b(?:ignored|skipped|never|didn['’]t|but)\b)
    |(?<!insists\s)(?<!insisted\s)(?<!claims\s)(?<!says\s)\bnone\s+of\s+(?:it|this|that)\s+(?:was|is)\s+(?:his|her|their)
        \s+(?:doing|fault)\b(?![^.!?]*\bbut\b)
    |\bI['’]d\s+have\s+(?:missed|done|made|approved|signed)\s+(?:it|that|the\s+same)(?:\s+\w+)?\s+too\b(?![^.!?]*\bbut\b)
    |\b(?:saying|to\s+say)\s+['‘"“](?:{_RUN}|{_ROLE}|he|she)\s+[^'’"”]{{1,40}}['’"”]\s+is\s+(?:too\s+simple|unfair|wrong|not\s+fair
        |lazy|too\s+easy)\b(?![^.!?]*[;:]\s*(?:{_RUN}|he\b|she\b))
    |(?:{_RUN}|{_ROLE})\s+['‘"“](?:caused|broke)['’"”]
    # "let's not turn this into a hunt for whoever clicked it"
    |\b(?:let['’]s\s+not|don['’]t|not\s+going\s+to)\s+(?:turn|make)\s+(?:this|it)\s+(?:into\s+)?(?:a|an)\s+(?:[\w-]+\s+)?
        (?:hunt|blame\s+game|witch-?hunt|trial|blame\s+session)\b(?![^.!?]*\bbut\b)
    # a denied approval, then a thing: "X never approved the cap; it was a default setting"
    |(?:{_RUN}|\b(?i:he|she)\b|{_ROLE})\s+never\s+(?:approved|set|changed|touched|configured|enabled|signed)\b
        [^.!?;]{{0,60}};\s*(?:it|that)\s+was\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:default|setting|bug|glitch|system|vendor
        |config|migration|script)\b
    # an assumption taken back: "I first assumed X had made a mistake, but it turned out ..."
    |\b(?:I|we)\s+(?:first\s+|initially\s+|originally\s+)?(?:assumed|thought|suspected)\b[^.!?]{{0,120}}\bbut\s+
        (?:then\s+)?(?:it\s+)?turned\s+out\b(?!\s+(?:that\s+)?(?:{_RUN}|he\b|she\b|{_ROLE}))""",
    _FLAGS | re.IGNORECASE,
)
# An answer that puts the failure on the system in so many words: "that's a process
# failure", "not a people problem", "That's a channel problem, not an [name] problem". It
# clears every sentence of the answer (`_systemic`: unless denied, "Not a process problem").
_SYSTEMIC = re.compile(
    r"""\b(?:(?:that|it|this)(?:['’]?s|\s+is|\s+was)\s+(?:a\s+|an\s+)?(?:system|systems|systemic|process|tooling|onboarding
        |organi[sz]ational|planning|staffing|resourcing|training|documentation|design|scheduling|management
        |prioriti[sz]ation|capacity|channel|form|budget|handover|config|configuration|tool|docs)
        \s+(?:failure|problem|issue|gap|fault)|not\s+(?:a|an)\s+(?:people|person|individual)
        \s+(?:problem|issue|failure|thing)|(?:a\s+)?systemic\s+(?:issue|problem|failure))\b
    |\bnot\s+an?\s+\ue000+\s+problem\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Looser signs that the writer sees the failure in the system ("The real issue is the alert
# rules", "Fix the pipeline", "QA sign-off isn't enforced anywhere", "a gate that should have
# blocked it", "Anyone would have"): too loose to clear what the rules find, they only keep
# the learned reader off the answer's sentences (`_gated`).
_ON_THE_SYSTEM = re.compile(
    r"""\bthe\s+real\s+(?:issue|problem|cause)\s+(?:is|was)\s+(?P<det>the|our|a|an)\b
    |\bfix\s+the\s+(?:pipeline|process|tool|tooling|checklist|form|template|system|workflow)\b
    |\b(?:isn['’]t|is\s+not|wasn['’]t|was\s+not)\s+enforced\b
    |\b(?:doesn['’]t|does\s+not)\s+(?:require|enforce)\b
    |\b(?:that|which)\s+should\s+have\s+(?:blocked|caught|stopped|flagged|prevented)\s+(?:it|that|this)\b
    |\b(?:allowed|permitted)\s+by\s+the\s+(?:tool|tooling|process|system|workflow)\b
    |\banyone\s+would\s+have\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Bad timing shared by `_BAD_MOMENT` and the reader's `_SLIP`: news held back ("waited
# until Thursday to mention it") and work done in the middle of a critical event.
_LATE_TO_TELL = (
    r"\bwait(?:ed|s)?\s+until\s+[^.!?;]{1,30}?\s+to\s+(?:mention|tell|say|raise|flag|report"
    r"|escalate|admit|share)\b"
    # "wait until the backlog hit 12,000 before approving temps"
    r"|\bwait(?:ed|s)?\s+until\s+[^.!?;]{1,40}?\s+(?:hit|reached)\b[^.!?;]{0,30}?\s+before\s+\w+ing\b"
)
_CRITICAL_EVENT = (
    r"(?:the\s+|a\s+|our\s+)?(?:\w+\s+)?(?:migration|go-?live|cut-?over|incident|outage|launch"
    r"|upgrade|rollout|release|deploy(?:ment)?|demo)\b"
)
_BAD_MOMENT = re.compile(
    r"(?i)\bon\s+a\s+(?:friday|weekend|bank\s+holiday)|\bat\s+(?:\d+\s*(?:am|pm)|midnight)"
    rf"|\bwithout\b(?!\s+{_GOOD_WITHOUT})|\bw/o\b|straight\s+to\s+prod"
    r"|\bmid-?(?:demo|launch|release|incident|sprint|migration|call|meeting|outage|freeze)\b"
    r"|\bduring\s+(?:the\s+|a\s+)?(?:demo|launch|freeze|code\s+freeze|incident|outage|peak)"
    rf"|{_LATE_TO_TELL}|\bin\s+the\s+middle\s+of\s+{_CRITICAL_EVENT}"
)
# A promise to the client the writer says cannot be kept: "X told the client we could do
# same-day delivery. We cannot."
_TOLD_WE_COULD = re.compile(
    rf"""(?:{_RUN}|{_ROLE}|\b[Hh]e|\b[Ss]he)\s+(?:\w+\s+)?(?:told|promised|assured)\s+(?:the\s+)?[\w-]+\s+(?:that\s+)?
    we\s+(?:could|would|can|will|['’]d)\b[^.!?\n]{{0,80}}[.!?]\s*(?:[Ww]e|[Ii]t|[Tt]hat)\s+(?:can['’]?not|cannot
    |couldn['’]t|could\s+not|won['’]t|can['’]t|never\s+could|was\s+never|isn['’]t|wasn['’]t)""",
    _FLAGS,
)
# A boast quoted and signed just before the fall: "'It'll be fine' - X, an hour before the outage".
_QUOTED_BOAST = re.compile(
    rf"""["“][^"”\n]{{5,120}}["”]\s*[-\u2013\u2014]+\s*(?:{_RUN}|{_ROLE})[^.!?\n]{{0,40}}?\bbefore\s+(?:the\s+)?
    (?:outage|incident|crash|failure|launch|release|breach|meltdown|rollback)
    |(?:^|\s)['‘"“][^\n]{{5,120}}?[,.!]?['’"”]\s*,?\s*(?:said|says|announced|declared|insisted|promised)\s+(?:{_RUN}|{_ROLE})
        [^.!?\n]{{0,30}}?\bbefore\b[^.!?\n]{{0,80}}?\b(?:fell\s+over|went\s+down|broke|crashed|died|failed|blew\s+up
        |caught\s+fire|melted|collapsed|stopped\s+working)""",
    _FLAGS,
)
# "Would have been lovely if a certain PO had read the doc": a wish said to one person.
_NICE_IF = re.compile(
    rf"""\b(?i:would\s+have\s+been|it['’]d\s+have\s+been|would['’]ve\s+been)\s+(?:\w+\s+)?(?:nice|lovely|great
    |helpful|good|useful|handy)\s+if\s+(?:{_RUN}|{_ROLE}|he|she)\s+(?:had|['’]d)\s+(?:\w+\s+)?\w+""",
    _FLAGS,
)
# "Really loved how X cancelled retro three times": praise words round a failing are sarcasm.
_LOVED_HOW = re.compile(
    rf"""\b(?i:loved|love|enjoyed|adored|liked|appreciated|admired)\s+how\s+(?:{_RUN}|{_ROLE}|he|she)\s+(?P<pred>[^.!?\n]{{3,100}})""",
    _FLAGS,
)
# "release notes: never written. X's job.", "X's job. No excuse."
_JOB_UNDONE = re.compile(
    rf"""\b(?:never|not)\s+(?:written|done|sent|updated|finished|delivered|started|booked|ordered)\W+\s*{_RUN}['’]s
    \s+(?:job|task|responsibility)|{_RUN}['’]s\s+(?:job|task|responsibility)\W+\s*(?i:no\s+excuse)""",
    _FLAGS,
)
# "X's first move was to blame the contractors".
_FIRST_MOVE = re.compile(
    rf"""{_OWNER}\s+(?:first\s+|only\s+|immediate\s+)?(?:move|reaction|response|instinct|answer)\s+was\s+to\s+
    (?:blame|ignore|deny|hide|point|shout|escalate\s+to|cover)""",
    _FLAGS,
)
# "Two juniors asked to move teams because of him", "it was her power board design all along".
_BECAUSE_OF_THEM = re.compile(
    rf"""\b(?:because|bcs|bc|cuz|coz|cos)\s+of\s+(?:him|her)\b(?!\s+(?:help|work|effort|support|hard))
    |\bwhen\s+it\s+was\s+(?:actually\s+|really\s+)?(?:his|her|{_RUN}['’]s)\s+(?:own\s+)?[\w-]+""",
    _FLAGS,
)
# A claim in quotes the writer contradicts: "X said the test 'looked fine'. It did not."
_QUOTED_CLAIM = re.compile(
    rf"""(?:{_RUN}|{_ROLE}|\b[Hh]e|\b[Ss]he)\s+(?:\w+\s+)?(?:said|told\s+(?:\w+\s+){{1,3}}?|swore|claimed|called\s+it
    |promised|insisted|assured\s+(?:\w+\s+){{1,2}}?)[^'‘"“\n]{{0,40}}['‘"“][^'’"”\n]{{2,80}}['’"”][^.!?\n]{{0,40}}?
    (?:[.!;,]|\s[-\u2013\u2014])\s*(?:[Ii]t|[Tt]hat|[Tt]hey|[Ww]e|the\s+[\w-]+)?\s*(?:did\s+not|didn['’]t|was\s+not|wasn['’]t
    |is\s+not|isn['’]t|were\s+not|weren['’]t|was\s+basically\s+not|basically\s+not|turns?\s+out|turned\s+out
    |covered\s+\d|had\s+not|hadn['’]t)""",
    _FLAGS,
)
# "thanks to X's join logic the numbers were wrong", "courtesy of X's estimates", "lasted four
# hours thanks to the on-call tech turning his phone off": the cause.
_CAUSE_THANKS = re.compile(
    rf"""\b(?i:thanks\s+to|courtesy\s+of)\s+(?:{_OWNER}\s+['‘"“]?[\w-]+|{_RUN}(?!['’]s)(?!\s*,?\s+for\b)(?!\s*,\s*who\b)
    |{_ROLE}\s+(?:\w+ly\s+)?(?!(?:being|getting|having)\b)\w+ing\b)""",
    _FLAGS,
)
_WAITING_ON = re.compile(
    rf"""\b(?:waiting|waited|wait)\s+(?:on|for)\s+(?:{_RUN}|{_ROLE})\s+to\s+\w+""",
    _FLAGS,
)
_EVERYTHING_THEY = re.compile(
    rf"""\b(?i:everything|anything|whatever)\s+{_RUN}\s+(?:touched|touches|wrote|writes|built|shipped|reviewed
    |deployed|merged|owned|owns)\b""",
    _FLAGS,
)
_STUCK = re.compile(r"(?i)\b(?:blocked|stuck|for\s+(?:\w+\s+)?(?:days|weeks|months))\b")
# Trouble that "came from one person": the writer points at an individual without a name.
_ONE_PERSON = re.compile(
    r"""\b(?i:came|comes|stems?|stemmed|started|starts|traces?\s+back|traced\s+back|boils\s+down|boiled\s+down
    |was\s+down|is\s+down|all\s+goes\s+back)\s+(?:down\s+)?(?:from|to)\s+(?:one|a\s+single|just\s+one|only\s+one)
    \s+(?:person|individual|guy|man|woman|dev|developer|engineer|member|manager|lead)\b""",
    re.VERBOSE,
)
_TROUBLE = re.compile(
    r"(?i)\b(?:creep|problems?|mess|delays?|issues?|outages?|bugs?|trouble|chaos|confusion|errors?"
    r"|mistakes?|fires?|slips?|failures?|breakages?|regressions?|incidents?|disasters?|drama|rework"
    r"|churn|overruns?|fallout|blame|scope\s+changes?|missed\s+deadlines?|slipped\s+(?:deadlines?|dates?))\b"
)


def _went_wrong(text: str) -> bool:
    """Whether `text` says something went wrong: a trouble noun or a bad outcome."""
    return bool(_TROUBLE.search(text) or _BAD_OUTCOME.search(text))


# A name on its own with "again": "X, again.", "classic X." is in _SARCASM.
_AGAIN = re.compile(
    rf"""(?:^|(?<=[.!?\n]))\s*(?:[-*\u2022]\s*)?(?:(?i:again|once\s+again|yet\s+again),?\s+{_RUN}
    |{_RUN},?\s+(?i:again|as\s+usual|strikes\s+again|at\s+it\s+again|once\s+again|yet\s+again))\s*(?:\.|$)""",
    _FLAGS,
)
# A harm or a cause labelled, then one person's work after the colon: "Root cause: X's
# change.", "Lost orders: X's script.", "Cause of the outage: the PM's sign-off." (the label
# must say something went wrong, `_went_wrong`, or name a cause; checked in `_phrases`).
_LABELLED_CAUSE = re.compile(
    rf"""(?:^|(?<=[.!?\n]))\s*(?:[-*\u2022]\s*)?(?P<label>[^.!?\n:]{{3,60}}):\s+(?:(?i:also|again|once\s+again)\s+)?
    (?:{_RUN}|{_ROLE})['’]s\s+(?:[\w-]+\s+){{0,2}}?(?i:change|changes|script|scripts|commit|commits|deploy|deployment
    |plugin|plugins|migration|code|config|configuration|pr|patch|query|fix|hotfix|tweak|edit|edits|decision|call
    |sign-?off|approval|update|upgrade|import|export|rule|macro|merge|push|release|setting|settings)\b""",
    _FLAGS,
)
_CAUSE_LABEL = re.compile(
    r"(?i)\b(?:root\s+cause|cause|caused\s+by|culprit|trigger|source|origin|what\s+(?:broke|went\s+wrong|happened)"
    r"|lost|broken|duplicate[sd]?|missing|wrong|failed|corrupt(?:ed)?|down)\b"
)
# A single role written bare at the start of a clause, with a word or two before it: "ops
# guy ignored the alerts", "scrum master cancelled every refinement". It counts only when
# a past-tense verb (or a refusal) follows at once, so "tech debt caused ..." is no person.
_BARE_ROLE_SUBJECT = re.compile(
    rf"""(?:^|(?<=[.!?;:\n])|(?<=[-*\u2022]\s)|(?<=--\s))\s*(?:[-*\u2022]+\s*|--+\s*)?
    (?P<subj>(?:(?!(?i:the|our|their|your|that|this|my|his|her|a|an|we|i|it|and|but|so|then)\b)[A-Za-z]+[ -]){{0,3}}?
        {_ROLE_WORDS})\s+
    (?=(?:(?:just|again|also|then|never|still|basically|literally|completely|totally|apparently|clearly
        |simply|\w+ly)\s+)*(?:[a-z]+ed|slept|didn['’]t|did\s+not|never|sat|forgot|broke|hid|let|took|went|kept
        |keeps|ran|left|threw|blew|won['’]t|wouldn['’]t|refuses|ignores|forgets|skips|breaks|set|put|chose|made|gave
        |told|sent)\b)""",
    _FLAGS,
)
# Role words that also name machines ("build agent", "ingress controller", "package
# manager"): with one of these words before them they are no person.
_MACHINE_HEADS = frozenset(
    """controller agent handler driver operator host master manager editor
    integrator implementer runner worker writer monitor broker scheduler""".split()
)
_MACHINE_PARTS = frozenset(
    """build ingress egress k8s kubernetes kube deployment replication admission node cluster
    network storage database db gpu device disk print error request exception signal
    message job task ci cd monitoring metrics log logging backup sync update install package
    cache secret secrets password window service session connection resource state dependency
    version certificate cert config configuration memory plugin extension container queue key
    volume traffic load workload identity access policy feature flag dns http api web proxy ssh
    vpn sql file vm git cron pipeline infra infrastructure server hardware software system app
    application browser schema migration index cloud pod printer graphics video audio usb
    bluetooth kernel display csi fan motor power temperature valve pump""".split()
)
_ROLE_PHRASE = re.compile(
    r"(?i)^\W*(?:(?:the|our|their|a|an|this|that|my)\s+)?([\w-]+)[\s-]+([\w-]+)"
)


def _machine(phrase: str) -> bool:
    """True when a phrase opens with a machine named like a role ("the build agent")."""
    m = _ROLE_PHRASE.match(phrase)
    return bool(m) and m.group(1).lower() in _MACHINE_PARTS and m.group(2).lower() in _MACHINE_HEADS


def _bare_role_blame(shadow: str) -> list[tuple[int, int]]:
    """Spans where a bare role ("ops guy", "scrum master") is the subject of a failing."""
    spans = []
    for m in _BARE_ROLE_SUBJECT.finditer(shadow):
        if _machine(m.group("subj")) or m.group("subj").lower() in _FUNCTIONS:
            continue  # "QA started two days before launch": a team's work, not a person
        sentence = _sentence_at(shadow, m.start("subj"))
        rest = shadow[m.end() : m.end() + _WINDOW]
        predicate = " ".join(_NEXT_CLAUSE.split(rest, maxsplit=1)[0].split()[:_PREDICATE_WORDS])
        if _PRAISE.search(sentence) or _JUSTIFIED.search(sentence) or _GOOD_ACT.match(rest):
            continue
        hit = _FAILING.search(predicate)
        if hit is not None and _RELATIVE.search(predicate, 0, hit.start()):
            hit = None  # "signed off a checklist that didn't include ...": the checklist's
        if hit is not None or _CONSEQUENCE.search(rest[:160]):
            spans.append(_clause(shadow, m.start("subj"), m.end()))
    return spans


# Role words that, bare, name a function or a team's work ("QA found ...", "Ops restarted").
_FUNCTIONS = frozenset({"qa", "ops", "dev", "devs", "sre", "it", "hr", "legal", "security"})


# Trouble traced to one person: "it traces back to X's deploy", "bad call by X",
# "the root cause is X skipping ...", "what went wrong: our BA", "Reason: X.", "Cause - X".
_TRACED = re.compile(
    rf"""\b(?:trac(?:es|ed|ing)\s+back|(?:comes?|came)\s+down)\s+to\s+(?:{_ANY_OWNER}\s+\w+|{_AGENT})
    |\b(?:bad|poor|terrible|awful|weak|wrong|questionable|lazy|sloppy)\s+(?:\w+\s+)?(?:call|decision|move
        |judgement|judgment|leadership|management|planning|communication|work|choice)\s+(?:by|from)\s+{_AGENT}
    |{_OWNER}\s+(?:[\w-]+\s+)?(?:decision|call|choice|idea|plan|move|insistence|refusal)\b[^.!?;\n]{{0,60}}?
        \b(?:was|were|is|proved|turned\s+out\s+to\s+be)\s+(?:\w+\s+)?(?:short-?sighted|a\s+mistake|wrong|naive
        |reckless|careless|a\s+bad\s+(?:idea|call|move)|misguided|ill-?advised|foolish|a\s+disaster|costly)\b
    |\b(?i:root\s+cause|real\s+cause|cause|reason|culprit|who\s+did\s+it|problem|issue|bottleneck
        |weak\s+link|what\s+went\s+wrong)\s*(?::|\s[-\u2013\u2014]|\s(?:was|is))\s+(?:just\s+|simply\s+|really\s+|honestly\s+|mostly\s+|partly\s+|largely\s+|basically\s+)?(?:{_RUN}|{_ROLE}|Mr\.?\s+{_LOOSE}
        |Ms\.?\s+{_LOOSE})(?=\s*(?:[.,;!:]|$|\s+\w+ing\b|\s+again\b)|\s+(?:is|was|keeps|kept)\s+(?:not|never)\b
        |\s+(?:isn['’]t|wasn['’]t|doesn['’]t|didn['’]t|never|won['’]t|can['’]t)\b)""",
    _FLAGS,
)
# "breaking" as harm, not "breaking down the problem", "breaking the epic up", "breaking news".
_BREAKING = (
    r"breaking(?!\s+(?:down|up|out|news)\b)"
    r"(?!\s+(?:the\s+|this\s+|that\s+|it\s+)?(?:[\w-]+\s+){0,2}?(?:down|up)\s+(?:for|into|in\s+to|so)\b)"
)
# Sarcasm aimed at one person: "thanks to X forgetting ...", "thanks X for breaking ...",
# "great job X, deploying on a bank holiday ...", "Classic X."
_SARCASM = re.compile(
    rf"""\b(?i:thanks|thank\s+you|cheers|great\s+job|well\s+done|nice\s+one|kudos)\s*,?\s+(?:to\s+|by\s+)?
        (?:{_RUN}|{_ROLE})\s*,?\s+(?:for\s+)?(?:(?:{_BREAKING}|forgetting|deleting
        |ignoring|skipping|wiping|nuking|taking\s+down|ruining|wasting)
        |(?:constantly|always|once\s+again|yet\s+again)\s+\w+ing)
    |\b(?:[Cc]lassic|[Tt]ypical)\s+{_RUN}
    |\b(?i:thanks|thank\s+you)\s+for\s+(?:ruining|breaking|wasting|nothing|making\s+\w+\s+worse)
    |\b(?:genius|brilliant)\s+move\b|\btruly\s+inspirational\b
    |\b[Ll]uckily\s+(?:{_RUN}|{_ROLE})\s+was\s+there\s+to\s+make\b
    |\b(?i:thanks|thank\s+you|cheers|kudos|shout[-\s]?outs?|props)\s*,?\s+(?:to\s+)?(?:{_RUN}|{_ROLE})\s*,?\s+for\s+
        ['‘"“][a-z]+ing['’"”]
    # "Nice of X to mention the breaking change AFTER we deployed": told too late
    |\b(?i:nice|good|kind|thoughtful|lovely)\s+of\s+(?:{_RUN}|{_ROLE})\s+to\s+(?:tell|mention|warn|let|inform|share
        |flag|say)\b[^.!?\n]{{0,60}}?\b(?:after|AFTER|once)\s+(?:we|the|it|everything|everyone)
    |\b(?i:nice|good|kind|thoughtful|lovely)\s+of\s+(?:{_RUN}|{_ROLE})\s+to\s+\w+\b[^.!?\n]{{0,60}}?\b(?:right\s+)?(?:on
        \s+top\s+of|in\s+the\s+middle\s+of|during)\s+(?:the\s+|our\s+)?(?:[\w-]+\s+)?(?:day|week|launch|release|exams?
        |freeze|demo|incident|outage|peak|run)\b""",
    _FLAGS,
)
# Fault owned or pinned without a failing verb: owning up with an apology ("I was the one who
# clicked delete. sorry all"), a claim the writer denies ("X said she'd tested it and she
# hadn't"), the person as what made it worse ("what made it painful was X refusing ...").
_ADMITTED = re.compile(
    rf"""\b[Ii](?:\s+was|\s+am|['’]m)\s+the\s+one\s+who\s+(?!{_GOOD_PARTICIPLE}\b)(?:\w+ed|told|said|ran|sent|made|put|set|took|gave|wrote)\b[^.!?\n,]{{0,60}}[.!?]+\s*
        (?:[^.!?\n]{{1,30}}[.!?]+\s*)?(?i:sorry|my\s+bad|oops|apologies|mea\s+culpa|i['’]m\s+sorry
        |clearly\s+(?:the\s+)?wrong|(?:a\s+)?big\s+mistake)
    # "X said she'd tested the payment flow and clearly she hadn't": a claim the writer denies
    |(?:{_RUN}|\b[Hh]e|\b[Ss]he|{_ROLE})\s+(?:said|claimed|swore|told\s+us)\s+(?:that\s+)?(?:she|he)['’]d\s+
        (?:\w+\s+)?(?:\w+(?:ed|en)|run|done|read|seen|made|built|sent|checked|set)\b[^.!?\n]{{0,60}}?(?:\b(?:and|but)\s+
        (?:\w+\s+)?|[.!?;]+\s*)(?i:she|he)\s+(?:\w+ly\s+)?(?:hadn['’]?t|had\s+not
        |didn['’]?t|did\s+not|never)\b
    # "what made it painful was X refusing to roll back"
    |\b(?i:what)\s+made\s+(?:it|this|things|the\s+\w+)\s+(?:so\s+|much\s+)?(?:painful|worse|longer|harder|messy
        |a\s+mess)\s+was\s+(?:{_RUN}|{_ROLE})\s+\w+ing\b""",
    _FLAGS,
)
# Thanks said to one person in a sentence about a failure is sarcasm: "great job X,
# really, deleting the staging db was a bold move", "thanks to X 'forgetting' the
# backup", "thanks X for that surprise". Sincere thanks name no failure.
_THANKED = re.compile(
    rf"""\b(?i:thanks(?:\s+(?:a\s+lot|so\s+much|again|very\s+much|for\s+nothing))?|thank\s+you|cheers|great\s+job|good\s+job|nice\s+job|great\s+work|well\s+done
    |nice\s+one|nice\s+work|kudos|bravo|hats\s+off|way\s+to\s+go
    |(?:wonderful|great|brilliant|fantastic|excellent|stellar|superb|amazing)\s+(?:planning|thinking|foresight|leadership
        |management|idea|call))\s*,?\s+(?:(?:to|again|by|from)\s+)?(?:{_RUN}|{_ROLE})""",
    _FLAGS,
)
_SARCASTIC = re.compile(
    r"""(?<!\bnot\s)(?<!\bnever\s)['‘"“]?\b(?:"""
    + _BREAKING
    + r"""|forgetting|deleting
    |ignoring|skipping|wiping|nuking|ruining|wasting|dropping|losing|leaking|overwriting|ghosting
    |botching|killing|taking\s+down|disappearing|vanishing|cancell?ing|derailing|messing\s+up
    |screwing\s+up|overpromising|changing\s+the\s+(?:scope|requirements|plan|deadline|spec))\b
    |['‘"“](?:quick|small|minor|simple|tiny|harmless|little|temporary)\s+[\w-]+['’"”]
    |['‘][a-z]+ing['’]|['‘][a-z]+ly['’]
    |\bfor\s+(?:(?:that|another)\s+(?:lovely\s+|nice\s+|wonderful\s+|great\s+|little\s+|fun\s+)?
        (?:all-nighter|weekend)|(?:that|the|this|another)\s+(?:lovely\s+|nice\s+|wonderful\s+|great\s+|little\s+|fun\s+)?
        (?:surprise|mess|headache|chaos|gift|extra\s+work|fire\s+drill|nightmare))\b
    |\b(?:bold|genius|brilliant|great)\s+(?:move|idea|call|choice)\b(?=[^.!?]*\b(?:lol|lmao|smh)\b|\s*/s\b)
    |\bfor\s+\w+ing\s+(?:\w+\s+){0,3}?without\s+(?:running|testing|asking|telling|checking|reviewing|any)
    |\bfor\s+(?:deploy|push|merg|releas|shipp|chang|restart|reboot|migrat|schedul|dropp|delet|upgrad|patch|rebas
        |launch|send|runn)ing\b[^.!?]{0,40}?\b(?:straight\s+to\s+(?:prod|production|main|master)|on\s+a\s+(?:friday|bank\s+holiday
        |weekend|sunday|saturday)|at\s+(?:midnight|\d+\s*(?:am|pm)))
    # "...: go-live during the storm season surge"
    |[:,]\s*(?:a\s+|the\s+)?[\w-]+\s+(?:during|in\s+the\s+middle\s+of|right\s+before)\s+(?:the\s+|our\s+|a\s+)?(?:[\w-]+\s+){0,3}?
        (?:peak|surge|rush|freeze|storm|exams?|busiest\s+\w+)\b
    |\b(?:we|I|everyone|the\s+team)\s+(?:all\s+)?(?:spent|lost|wasted|had\s+to\s+(?:redo|restore|rebuild
        |roll\s+back|work|stay|cancel|start\s+over|apologi[sz]e|explain))\b""",
    re.VERBOSE,
)


_RELATIVE_BEFORE = re.compile(r"\b(?:that|which)\s+(?:\w+\s+)?$")


def _cause_named(shadow: str) -> list[tuple[int, int]]:
    """Spans of the sentences `_IT_WAS_X` reads as one person named as the cause of the
    failing just before ("The migration broke checkout. It was me."). Each sentence is read
    once, so the work is linear in the text."""
    spans = []
    previous = before_question = ""  # the two sentences before
    for sent in _SENTENCE.finditer(shadow):
        current = sent.group()
        asked = previous.rstrip().endswith("?")
        if (
            _IT_WAS_X.match(current)
            and not (asked and _GOOD_QUESTION.search(previous))
            and (
                _NOBODY_ELSE.search(previous)
                or _read(previous)[2]
                or (asked and _read(before_question)[2])  # "The build broke. Who did it? It was X."
            )
        ):
            spans.append((sent.start(), sent.end()))
        if current.strip():
            before_question, previous = previous, current
    return spans


def _sarcasm(shadow: str) -> list[tuple[int, int]]:
    spans = []
    for sent in _SENTENCE.finditer(shadow):
        text = sent.group()
        m = _THANKED.search(text)
        # "thanks X for telling us it was down... an hour after": the ellipsis goes on
        if m and text.rstrip().endswith(("..", "\u2026")):
            rest = _SENTENCE.match(shadow, sent.end())
            text += rest.group() if rest else ""
        hit = _SARCASTIC.search(text) if m else None
        if hit is not None and _RELATIVE_BEFORE.search(
            text[max(0, hit.start() - 20) : hit.start()]
        ):
            hit = None  # "thanks X for fixing the test that kept breaking CI": the test broke it
        if m and hit is not None:
            spans.append((sent.start() + m.start(), sent.start() + len(text.rstrip(".!? "))))
    return spans


# Self-blame said with a possessive or a "let down": "my laziness", "I let the team down",
# "the mistake was mine", "it's totally on me".
_SELF_MORE = re.compile(
    r"""\b(?:[Mm]y\s+(?:own\s+)?(?:stupidity|laziness|negligence|carelessness|ego|pride|sloppiness
        |recklessness|impatience|complacency|inattention|overconfidence|stubbornness|(?:poor|rushed
        |sloppy|bad|lazy|careless|late)\s+(?:planning|estimates?|estimation|communication|judge?ment|call
        |decision|code|review|code\s+review|work|documentation|handover|prioriti[sz]ation|testing)
        |lack\s+of\s+(?:care|effort|planning|testing|communication|preparation|attention))
    |\b[Ii]\s+(?:really\s+|totally\s+|kind\s+of\s+)?let\s+(?:the\s+\w+|everyone|everybody|you\s+all|us|you)\s+down
    |\b[Ii]\s+let\s+my\s+(?:ego|pride|temper)|(?:mistake|fault|error|blame)\s+(?:was|is)\s+(?:all\s+)?mine
    |\b(?i:it['’]?s|its|it\s+is|it\s+was|that['’]s|that\s+is|this\s+is)\s+(?:all\s+|totally\s+|entirely\s+
        |squarely\s+|completely\s+|honestly\s+)?on\s+me\b
    # "Poor planning on my part", "sloppy review on my part"
    |\b(?i:poor|bad|sloppy|careless|lazy|lousy|terrible|awful|rushed|weak)\s+(?:[\w-]+\s+)?(?:planning|plan|review
        |reviewing|judge?ment|call|decision|communication|prep|preparation|work|testing|handover|estimate|estimation
        |oversight|execution|follow-?up|job|checking|scheduling|coordination)\s+on\s+my\s+part\b
    # "should've asked before I truncated the table": a lesson without a subject, the act mine
    |(?:^|(?<=[.!?]\s)|(?<=\n))(?i:(?:probably|definitely|really|honestly|in\s+hindsight,?|tbh,?)\s+)?
        (?i:should\s+have|should['’]ve|shoulda)\s+(?!been\b)(?:\w+\s+)?(?:checked|double-checked|asked|tested|confirmed
        |verified|looked|read|waited|told|warned|flagged|run|ran)\b[^.!?;\n]{0,60}?\b(?:before|when)\s+I\s+\w+)""",
    _FLAGS,
)
# Negligence is a person's trait even when the name was not recognised as one.
_TRAIT_OF = re.compile(
    r"\b[A-Z][a-z]+['’]s\s+(?:\w+\s+)?(?:negligence|carelessness|incompetence|laziness"
    r"|sloppiness|recklessness|arrogance)\b"
)
# "X's rushed estimate set us up to fail": the person's work judged as bad.
_POOR_WORK = re.compile(
    rf"""{_OWNER}\s+(?:rushed|sloppy|careless|botched|half-baked|untested|lazy|reckless
    |copy-pasted|broken|buggy)\s+[\w-]+""",
    _FLAGS,
)
# A pejorative verdict ("Careless.") only counts when a person is named nearby.
_VERDICT = re.compile(
    r"\b(?:[Cc]areless|[Ss]loppy|[Ll]azy|[Ii]ncompetent|[Cc]lueless|[Nn]egligent|[Rr]eckless"
    r"|[Uu]nprofessional)\b"
)
_NEGATED = re.compile(
    r"(?:(?:\b(?:not|no|never)|n['’]t)\s+(?:\w+\s+)?$|\b(?:nobody|no\ one|noone)['’]s\s*$"
    # "it's tempting to blame X", "before anyone blames X": blame considered, not laid
    r"|\b(?:tempting|easy|unfair|wrong|harsh|fair|tempted|want)\s+to\s+$|\b(?:anyone|anybody)\s+$"
    # "I don't think this was my fault"
    r"|\b(?:don['’]t|do\s+not|didn['’]t|did\s+not)\s+think\s+(?:\w+\s+){0,3}$)",
    re.IGNORECASE,
)
# --- blame as an idea: who is the subject, and is the sentence about their failure ---
# A subject is a single person at the start of a sentence or clause: a name, he/she,
# the writer ("I"), a single role ("the PM", "our designer"), "someone" or "whoever ...".
_LEAD = (
    r"""(?:^|(?<=[.!?;:,\n(\u2013\u2014])|(?<=\s-)|(?<=[-*\u2022]\s)|\b(?i:because|since|as|when|after|before
    |until|so|and|but|then|while|once|plus|cause|cos|coz|bc|cuz|why|idk|dunno|except(?:\s+that)?|other\s+than
    |(?:unfortunate|shame|pity|annoying|frustrating|sad|typical|ironic|funny|unhelpful|not\s+ideal|not\s+great)\s+that
    |(?:didn['’]t|doesn['’]t|did\s+not|does\s+not)\s+help\s+that)\b
    |\b(?i:(?:the\s+)?(?:truth|fact|problem|thing|reality)\s+is(?:\s+that)?|think|guess|feel
        \s+like|reckon|suspect|if\s+i['’]m\s+honest|it\s+was|it['’]s|that\s+was)
    |\b"""
    + _ROLE_WORDS  # a role written before the name: "maintainer X force-pushed ..."
    + r"""(?=\s+\ue000))\s*
    (?:(?i:once\s+again|yet\s+again|again|honestly|apparently|then|also|basically|clearly
        |sadly|unfortunately|of\s+course|obviously|as\s+usual|frankly|naturally|tbh|imo|imho|ngl|fwiw
        |seriously|idk|lol|ugh|sigh|well|so|look|yeah|and\s+then),?\s+)*"""
)
# A single role written without "the" at the start of a clause: "PM kept changing the scope".
_BARE_ROLE = r"\b(?:PM|PO|CTO|CEO|CFO|COO|EM|VP|TL|DBA|PMO\s+lead|tech\s+lead|team\s+lead)\b(?!\s+(?:team|teams|folks|side)\b)"
_SUBJECT = re.compile(
    rf"""{_LEAD}(?P<subj>{_RUN}(?!['’]s)|\b(?:[Hh]e|[Ss]he|I|i)\b|{_ROLE}|\b[Ss]ome(?:one|body)\b
        |\b[Ww]hoever\b|{_BARE_ROLE}|\b[Yy]ou(?=[^.!?\n]*{_MASK}|(?<={_MASK},\s[Yy]ou)))
    (?:\s*,\s*[^,.;!?\n]{{1,40}}?,|\s*\([^()\n]{{1,40}}\)|\s+[-\u2013\u2014]\s+[^-\u2013\u2014.!?\n]{{1,40}}?\s+[-\u2013\u2014])?   # "the client's product owner, X, ...", "X, as usual, ...", "the engineer (J. M.)"
    (?!\s*(?:,|&|\+|/|\band\b|\bor\b|\bwho\b|\bthat\b)\s)""",
    _FLAGS,
)
# Things whose absence is good news: "shipped it with zero downtime", "with no issues at
# all" (marked "(?#good-absence)" in `_FAILING`, where this lookahead goes).
_GOOD_ABSENCE = r"""(?!(?:surprises?|downtime|issues?|problems?|errors?|bugs?|incidents?
    |complaints?|drama|fuss|hiccups?|regressions?|defects?|delays?|outages?|fires?|rework|changes?
    |typos?)\b)"""
# A risky decision owned by one person: "the decision to skip QA was the director's alone",
# "the call to ship without a rollback plan was Dana's".
_DECISION_OWNED = re.compile(
    rf"""\b(?i:decision|call|choice)\s+to\s+(?:skip|cut|drop|ignore|bypass|rush|remove|disable
    |scrap|delay|postpone|ship|launch|go\s+live|push|overrule|override|cancel|not)\b[^.!?;\n]{{0,60}}?
    \b(?:was|were)\s+(?:(?:all|entirely|solely|only)\s+)?(?:{_RUN}['’]s|\b(?i:the|our|their|my)\s+
    (?:[a-z]+\s+)?{_ROLE_WORDS}['’]s)(?!\w)""",
    _FLAGS,
)
# What a person does wrong (verb forms only: "misconfigured", not "misconfiguration").
_FAILING = re.compile(
    r"""\b(?:
        (?<!\bnever\s)(?<!\brarely\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bgot\s)(?<!\bbeen\s)
        (?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?:broke|breaks|breaking|forgot|forgets|missed|misses|ignored|ignores|ignoring|skipped
        |skips|dropped(?!\s+(?:by|to|from|below|under)\s)|deleted|deletes|wiped|overwrote|overwritten|misconfigured|misread
        |misjudged|mislabell?ed|botched|bungled|fumbled|failed|fails|neglected|overlooked
        |refused|refuses|denied|denies|rejected|rejects|overruled|overrules|overrode|overrides|vetoes|undercuts
        |lied|lies\s+about
        |vanished|disappeared|ghosted|bailed|rushed|leaked|caused|causes|introduced|cancell?ed
        |cancels|hid|hides|hiding|silenced|muted|disabled|bypassed|sabotaged|stonewalled
        |blocked|derailed|withheld|sat\s+on|hoarded|undermined|overpromised|over-promised
        |overcommitted|hard-?coded|force[- ]?(?:pushed|merged)|hot-?patched|hot-?fixed\s+(?:it\s+)?(?:live|in\s+prod)|blew|killed|nuked|trashed|reverted\s+my
        |took\s+(?:prod|production|the\s+site|everything)\s+down)
      |(?:messed|screwed|cocked|stuffed|mucked)\s+(?:\w+\s+)?up
      |dropped\s+the\s+ball|went\s+(?:silent|dark|quiet|awol|missing|rogue|to\s+sleep|home\s+(?:early|sick\s+of|instead|without|halfway|mid))
      |bricked|dumped\s+(?:\w+\s+){0,4}?on(?:to)?\s+(?:me|us|the|her|his|their|everyone|whoever)
      # warnings ignored, knowledge hoarded, no action, own work approved, acts before the facts
      |(?:even\s+though|although|despite|after)\s+(?:\w+\s+){0,3}?(?:warned|told|asked|advised|begged|reminded)
        \s+(?:him|her)\b|despite\s+(?:\w+\s+)?(?:warnings?|objections?)
      |kept\s+(?:\w+\s+){0,4}?in\s+(?:his|her)\s+head|took\s+no\s+action|did\s+nothing\s+(?:for|about|until)
      |(?:approved|merged|signed\s+off)\s+(?:his|her)\s+own\s+(?:PR|pull\s+request|change|code|merge\s+request|work
        |expenses?)
      |before\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:results|tests?|review|approval|sign-?off|data|patch|fix|release
        |build|update|feature)\s+(?:were|was)\s+(?:in|back|done|ready|available|live|out|released|approved|merged)
      |despite\s+being\s+(?:warned|told|asked|reminded)
      |let\s+(?:it|them|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:sit|rot|languish|slide)
      |un-approved\s+(?:it|them)|reneged|backtracked|went\s+back\s+on|acted\s+(?:all\s+)?surprised
      # readiness claimed before it was true: "told the client it was live before it was"
      |(?:told|said|assured|promised|announced|confirmed)\b[^.!?;\n]{0,60}?\b(?:was|were|is|are|would\s+be)\s+
        (?:live|ready|done|fixed|finished|tested|safe|signed\s+off)\s+(?:before\s+(?:it|they)\s+(?:was|were)\b
        |when\s+(?:it|they|I|he|she|we)\s+(?:\w+ly\s+)?(?:wasn['’]t|weren['’]t|hadn['’]t|had\s+not|was\s+not|were\s+not)\b)
      |feigned\s+surprise|played\s+dumb
      |promised\b[^.!?;\n]{0,60}?,?\s+which\s+(?:had\s+)?(?:already\s+)?(?:been\s+)?(?:sold|given|promised|booked|taken
        |gone)
      |\bnot\s+(?:inform|tell|check|test|send|answer|reply|write|update|warn)\b(?=\s+(?:anybody|anyone|nobody|us|me|them
        |the))
      |(?:promised|committed|sold|agreed\s+to|signed\s+(?:us|the\s+team)\s+up\s+for)\b[^.!?;\n]{0,60}?\b(?:nobody|no\s+one
        |none\s+of\s+us)\s+(?:on\s+the\s+team\s+|in\s+the\s+team\s+)?(?:had\s+)?(?:agreed|signed\s+off|estimated
        |committed|asked\s+for|seen|reviewed)
      |(?<!\bto\s)(?:keeps|kept|keep)\s+(?!(?:reporting|trying|helping|going|working|improving|testing|checking
        |smiling|learning|asking\s+(?:good|the\s+right)|answering|supporting|updating\s+us)\b)\w+ing\b(?!\s+for\b)
      |(?:says|said|saying|say)\s+yes\s+to\s+(?:every|everything|all|any)\b
      |(?:pushed|pushing|argued|arguing|lobbied|lobbying)\s+(?:hard\s+)?for\s+(?:skipping|cutting|dropping|removing
        |bypassing|ignoring|delaying|shipping\s+without)
      |(?:approved|reviewed|signed\s+off|merged|rubber-?stamped)\b[^.!?;\n]{0,30}?\bin\s+(?:under\s+|less\s+than\s+)?(?:a|one
        |two|\d+)\s+(?:minute|minutes|seconds?)\b
      |(?:changed|pushed|deployed|merged|flipped|edited|updated|restarted|started)\b[^.!?;\n]{0,40}?\b(?:at\s+\d|late\s+on
        |on\s+(?:a\s+)?friday|before\s+(?:the\s+)?(?:weekend|holidays?))[^.!?;\n]{0,20}?\band\s+(?:then\s+)?(?:left
        |went\s+home|logged\s+off|signed\s+off|disappeared|went\s+offline|went\s+on\s+(?:holiday|leave|vacation))\b
      |refusing\s+to|insisting\s+(?:on|that)
      |(?:changes|changed|changing|flips|flipped|moved|moves|rewrote|rewrites)\s+(?:the\s+|our\s+|his\s+
        |her\s+|their\s+|all\s+the\s+)?(?:\w+\s+)?(?:scope|requirements|criteria|priorities|plan
        |spec|roadmap|design|goalposts|deadline|mind)
      |(?:didn't|didnt|did\s+not|never|hadn't|had\s+not|wouldn't|would\s+not|won't|couldn't|doesnt
        |(?:still\s+)?hasn't|(?:still\s+)?has\s+not
        |doesn't|does\s+not|don't|refused\s+to|failed\s+to|forgot\s+to|neglected\s+to
        |bothered\s+to|cared\s+to)
        \s+(?:even\s+|once\s+|really\s+|actually\s+|bother\s+to\s+)?
        (?!(?:get|got|have|had|receive|know|hear|need|mind|complain|hesitate|panic|give
            |expect|mean|realise|realize|intend|see\s+it\s+coming|stop|stopped|gets|back\s+down|let\s+us|knew|imagined
            |expected|dreamed|guessed
            |fail|miss\s+a|lose|blame|let|think|feel|believe|want|like|cause|break|misses|missed|forgets?|forgot
            |fails|failed|skips?|skipped|breaks|drops?|disappoints?|complains|touch|touched|go\s+near
            |seen|heard|met|used|been|known|realise|realize|appreciate|enjoy
            # done to the person ("is never given a break", "was never briefed")
            |given|offered|invited|consulted|included|thanked|briefed|shown|allowed
            # "what they could and couldn't do.": a limit, no failing
            |do(?=\s*(?:[.,;!?]|$))
            |really|even|actually|once|quite|fully|totally|properly)\b)[a-z]+
      |(?:was|is|were)n't\s+(?!\w+ed\b|told\b|given\b|shown\b|sent\b|taken\b)(?:thinking
        |listening|paying|reading|there|around|available|reachable|careful|prepared|honest)
      |(?:was|is|['’]s|(?:has|['’]s|had)\s+been)\s+(?:being\s+)?(?:(?:so|very|really|just|totally|completely
        |utterly|too)\s+)?(?:careless|sloppy|lazy|useless|clueless|incompetent|negligent
        |reckless|rude|awol|AWOL|asleep|unresponsive|unreachable|dismissive|nowhere\s+to\s+be
        |arrogant|hopeless|unreliable|disorgani[sz]ed|checked\s+out|hostile|condescending
        |impossible\s+to\s+(?:work\s+with|get|reach|pin\s+down|talk\s+to|deal\s+with|contact|find)
        |at\s+fault|the\s+weak\s+link)
      |should(?:\s+have|'ve|\s+not\s+have|n't\s+have)\s+(?!(?:a|an|the|some|something|it|them|one|two|three
        |\d+|more|less|enough|no|plenty|time|everything|all|had\s+to)\b)(?!been\s+(?:told|informed|involved
        |consulted|asked|included|looped|given|warned|supported|helped|trained|paired))
      |should\s+(?:make\s+sure|stop|learn\s+to|start\s+(?:listening|reading|testing))
      |(?:delivered|handed|sent|shipped|submitted|replied|responded|answered|approved|signed
        |merged|deployed|reviewed|showed\s+up|turned\s+up)\b[^.!?;]{0,40}?\b(?:late|overdue)\b
      |(?:is|was|are)\s+(?:too|always|so|far\s+too)\s+(?:slow|late)\b
      |(?:approved|merged|reviewed|signed\s+off|approve|merge|review|sign\s+off(?:\s+on)?)\s+(?:his|her|their)\s+own\b
      |promised\b[^.!?;\n]{0,60}?\bbefore\s+(?:a\s+single|any|anything|it|we|the\s+[\w-]+\s+(?:existed|worked|was))
      |left\s+(?!(?:early|late|work|home|for|at|the\s+(?:company|office|team|building|project)|us|me)\b)
        (?:the\s+|a\s+|an\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:on|open|running|enabled|unlocked
        |exposed|public|unsupervised|unattended|unguarded|unstaffed|unmonitored)\b
      |by\s+(?:mistake|accident)|accidentally|told\s+(?:nobody|no\s+one|noone)
      |kept\s+(?:it|this|that|(?:the|a|an|our|his|her)\s+(?:[\w'’-]+\s+){0,3}?[\w-]+)\s+to\s+(?:himself|herself|themselves)
      |after\s+the\s+deadline|past\s+the\s+deadline|at\s+the\s+last\s+minute
      |without\s+(?:(?:really|even|actually|properly|ever|first)\s+)?(?:(?!a\s+hitch)(?:\w+ing|asking|review|a\s+review
        |telling|any\s+(?:review|tests?|warning|notice|docs|handover|sign-?off)))
      |instead\s+of\s+\w+ing
      |with\s+(?:no|zero)\s+(?:review|tests?|testing|sign-?off|approval|backup|warning|notice|handover)
      |(?:handed\s+(?:over|off)|delivered|shipped|sent|submitted)\b[^.!?;\n]{0,40}?\bwith\s+(?:no|zero)\s+
        (?#good-absence)[\w-]+
      |lost\s+(?!access|time|sleep|track|touch|interest|patience)(?:it|them|the|our|all|every)\b
      |insisted\s+on|lets\s+(?!(?:us|me|you|everyone|everybody|people|him|her|the\s+team)\b)(?:[\w-]+\s+){1,3}?(?:run\s+(?:forever
        |over|long|wild)|drag(?:\s+on)?|slide|slip|rot)
      |let\s+(?!(?:us|me|you|everyone|everybody|people|him|her|the\s+team)\b)
        (?:it|them|things|(?:(?:the|our|a|an|his|her|their|every|all\s+the)\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)\s+
        (?:fail|slip|slide|rot|lapse|expire|break|die|drag|balloon|spiral|fester|linger|languish|creep
        |pile\s+up|get\s+out\s+of\s+hand|go\s+(?:stale|unanswered|unreviewed|unfixed|unpatched|red
            |out\s+of\s+date)
        |sit\s+(?:for|unanswered|unreviewed|idle|there|untouched)
        |run\s+(?:over|long|late|wild|on|forever|for\s+(?:hours|ages|ever)|past|\d+\s*(?:min|mins|minutes|hours|h)\b))
      |did\s+(?:zero|no|nil|little)\s+(?:research|testing|tests|checking|review|prep|homework
        |work|planning)
      |(?:is|was|['’]s)\s+(?:a|an|the)\s+(?:\w+\s+)?(?:liability|menace|nightmare\s+to\s+work)
      |(?!(?:found|noticed|spotted|flagged|caught|fixed|corrected|reported|replaced|removed|pointed
        |questioned|challenged|queried|highlighted|identified)\b)(?:\w+ed|sent|built|ran|chose|took|put|set
        |wrote)\s+the\s+wrong\b
      |(?:straight|directly)\s+(?:to|into|on)\s+(?:prod|production|main|master)
      |untested|unreviewed|(?:wasn't|was\s+not)\s+(?:thinking|careful)
      |(?:kept|keeps|hid|hides|withheld|withholds)\s+(?:\w+\s+){1,3}?from\s+(?:us|the\s+team
        |everyone|everybody|the\s+client|management)
      |(?:pushed|merged|shipped|deployed|committed|released|sent)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+)?
        (?:broken|buggy|faulty|bad|half-?finished|unfinished|incomplete|wip|untested)
      |(?<!\bthe\s)(?:committed|pushed|pasted|checked\s+in|uploaded|posted|texted|emailed|messaged|shared|leaked
        |read\s+out)\s+(?:his|her|the|a|an|our|their)?\s*(?:[\w-]+\s+)?
        (?:api\s+)?(?:token|tokens|secret|secrets|password|passwords|credentials|\.env|private\s+key)\b
        (?!\s+(?:rotation|manager|vault|policy))
      |ran\s+(?:an?\s+)?(?:rm\s+-r?f|drop\s+(?:table|database)|truncate|delete\s+from|force[- ]push|git\s+reset\s+--hard)
      |hard-?reset|reset\s+--hard|factory[- ]reset
      |['‘"“](?:to\s+be\s+safe|just\s+in\s+case|to\s+save\s+(?:it|time)|just\s+to\s+\w+(?:\s+\w+)?|temporarily|for\s+now
        |quickly|easier|faster|simpler|cleaner|more\s+efficient)['’"”]
      |let\s+(?:one\s+person|someone|a\s+single\s+person|one\s+guy)\s+(?:talk|dominate|ramble|monologue|hijack)
      |(?:booked|scheduled|planned|put|set|moved|arranged|called|organi[sz]ed|held|timed|slotted|pencilled|penciled)
        \s+(?:[\w'’-]+\s+){0,5}?(?:on|for)\s+the\s+same\s+(?:day|time|night|week|evening|morning)\s+as\b
      |(?:has|had|have)\s+been\s+(?:ignoring|skipping|sitting\s+on|dodging|avoiding)
      |made\s+(?:a|an|the|one|another)\s+(?:\w+\s+){0,2}?(?:mistake|error|blunder|mess|hash
        |bad\s+call|wrong\s+call)
      |(?:chose|decided|opted)\s+not\s+to|could(?:n't|\s+not)\s+be\s+bothered
      |(?:promised|committed|sold|agreed)\b[^.!?;]{0,50}?\b(?:we|nobody|no\s+one)\s+(?:had\s+no\s+(?:chance|hope|way)
        |stood\s+no\s+chance|don['’]t\s+have
        |do\s+not\s+have|never\s+had|haven['’]t\s+(?:got|built)|couldn't
        |could\s+not|can't|cannot|hadn't|had\s+not|never|didn't|did\s+not)
      |overs(?:old|ells?|elling)|ghosts|ghosting|for\s+no\s+(?:[\w-]+\s+)?reason
      |could(?:\s+have|'ve)\s+\w+[^.!?;]{0,60}?\b(?:but|and)\s+(?:didn't|did\s+not|never|chose
        |decided|instead)
      |should(?:n't|\s+not)\s+be\s+(?:allowed|trusted|let|doing|running|leading|in\s+charge|near|touching|handling
        |making|reviewing|managing)
      |owes?\s+(?:\w+\s+){0,2}(?:an\s+)?apology
      # approved or shipped despite known problems, "anyway", against advice
      |(?:signed\s+off|shipped|merged|approved|released|deployed|pushed|launched|went\s+live|closed)\b
        [^.!?;]{0,30}?\b(?:with\s+(?:\d+|several|multiple|known|open|failing|red|unresolved|critical|two|three
            |four|five|six|seven|eight|nine|ten|a\s+dozen|dozens\s+of|a\s+few|a\s+bunch\s+of|loads\s+of
            |outstanding|all\s+the)\s+(?:[\w-]+\s+)?(?:blockers|bugs|issues|tests|errors|defects|warnings
            |vulnerabilities|checks|comments|failures|alerts)
        |despite\s+(?:the\s+|all\s+the\s+|our\s+|my\s+|every\s+)?(?:[\w-]+\s+)?(?:warnings?|failures?|failing
            |objections?|concerns?|alerts?|errors?|bugs?|red\s+\w+))
      |(?:shipped|merged|deployed|pushed|released|launched|went\s+live|signed\s+off|approved|did\s+it
        |went\s+ahead)\b[^.!?;]{0,30}?\b(?:anyway|anyways|regardless|against\s+(?:\w+\s+){0,2}advice)
      |went\s+ahead\s+(?:and\s+\w+|with\s+\w+)[^.!?;]{0,40}?\b(?:without|despite|anyway|although|even\s+though)
      # habits complained about, and stopping a habit asked for
      |(?:is|was|are|were|['’]s|keeps|kept)\s+(?:constantly|always|forever|continually|repeatedly|still)\s+
        (?:changing|interrupting|cancell?ing|rescheduling|moving|complaining|missing|forgetting|skipping
        |ignoring|overriding|blocking|arguing|talking\s+over|shouting|undermining|overpromising|breaking
        |rewriting|second-guessing|micromanaging|dropping|late|pushing\s+back\s+on|dumping|adding)
      |(?:needs|has|have|ought)\s+to\s+(?:stop\s+\w+ing|learn\s+to|start\s+(?:listening|reading|testing
        |answering|showing))
      # dumping work, undermining people
      |(?:dumped|dumps|offloaded|offloads|pushed|pushes)\s+(?:\w+\s+){0,5}?(?:on|onto)\s+(?:us|me|the\s+team
        |everyone|the\s+rest\s+of\s+us|juniors?|the\s+(?:new|junior|other)\s+\w+|others|whoever)\b
      |passed\s+the\s+buck|threw\s+(?:\w+\s+){1,3}?under\s+the\s+bus|threw\s+(?:it|(?:[\w-]+\s+){1,4}?)\s*over\s+the\s+wall
      |(?:interrupts|interrupted|talks\s+over|talked\s+over|belittled|belittles|steamrolled|steamrolls
        |bulldozed|shouted\s+at|yelled\s+at|snapped\s+at|rolled\s+(?:his|her)\s+eyes)
      |took\s+(?:forever|ages)\s+to
      # a risky change at a bad moment: "upgraded the driver the night before go-live"
      |(?:(?:merg|push|deploy|chang|upgrad|reboot|restart|refactor|migrat|releas|shipp|dropp|delet|schedul
        |rebas|patch|announc|reorgani[sz]|reshuffl|swapp|switch|renam|mov|touch|start)(?:ed|d)
        |rolled\s+out|rewrote|kicked\s+off|began|threw\s+(?:out|away)|scrapped|binned|ditched|added|booked
        |handed\s+(?:over|in)|delivered|submitted|sent\s+(?:over|in|through)
        |cancell?ed|rescheduled|introduced|requested|asked\s+for
        |(?:decided|chose|wanted|tried|insisted|opted)\s+(?:on|to)\s+(?:merg|push|deploy|chang|upgrad|reboot|restart
            |refactor|migrat|releas|ship|drop|delet|rewrit|rebas|patch|announc|renam|mov|switch|swap)[a-z]*
        |ran)\s+(?:[\w.-]+\s+){0,6}?(?:(?:during|in\s+the\s+middle\s+of|halfway\s+through|right\s+before
            |mid-?)\s*(?:the\s+|a\s+|our\s+)?(?:code\s+|release\s+|change\s+)?(?:freeze|incident|outage|peak
            |launch|release|demo|migration|sprint|cutover|go-?live|busiest|black\s+friday|holiday\s+rush|rush\s+hour
            |deadline|audit|live\s+event|backup|deploy|deployment|upgrade|restore)
        |on\s+(?:launch|release|go-?live|demo|migration|cutover)\s+day
        |on\s+the\s+(?:release|launch|go-?live|demo|deadline|cutover|migration)\s+(?:weekend|day|week|night|date)
        |on\s+the\s+(?:last|final)\s+day\s+of
        |during\s+(?:business|peak|office|working)\s+hours|(?:at|during)\s+peak\s+(?:\w+\s+)?(?:hours|time|traffic|season|load)
        |(?:the\s+)?(?:day|night|week|morning|evening|hours?)\s+before\s+(?:we|the\s+team|it)\s+(?:went|shipped|launched|released
            |printed|published)|(?:at\s+noon|at\s+midday|at\s+lunchtime|in\s+the\s+middle\s+of\s+the
            \s+day)\s+on\s+a\s+(?:weekday|monday|tuesday|wednesday|thursday|friday)
        |(?:the\s+|a\s+|one\s+|two\s+|three\s+|\d+\s+)?(?:night|day|days|evening|morning|hour|hours|week|weeks)
            \s+before\s+(?:the\s+)?(?:go-?live|launch|release
            |demo|deadline|cutover|audit|event|board|review|migration))
      # against the rules, with no warning, out of all proportion
      |against\s+(?:the\s+)?(?:policy|advice|rules|process|guidelines|(?:everyone|everybody)['’]s\s+advice
        |(?:our|my|the\s+team['’]s|security['’]s|legal['’]s)\s+advice|(?:our|my)\s+(?:wishes|objections))
      |(?:with\s+(?:no|zero)|without\s+(?:a|any))\s+(?:heads-?up|heads\s+up|notice|warning|handover|hand-?off)
      |\bover\s+(?:a\s+|some\s+|every\s+|one\s+)?(?:missing\s+[\w-]+|typos?|cosmetic|nits?|nitpicks?|trivial|nothing
        |formatting|whitespace|naming|a\s+comma|semantics|(?:variable|function|file|branch)\s+names|tabs|spaces
        |semicolons|commas|wording|style|indentation)
      # data handled unsafely
      |with\s+(?:the\s+)?(?:live|real|production|prod)\s+(?:keys|credentials|secrets|passwords|tokens)
      |(?:production|prod|customer|live|personal|patient|client)\s+data\s+(?:to|onto|on)\s+(?:his|her|a|their)
        \s+(?:own\s+)?(?:laptop|phone|usb|personal|home)
      # walking away, holding things up, treating duties as optional
      |hung\s+up\s+on|walked\s+(?:out|away\s+from)|logged\s+off\s+(?:in\s+the\s+middle|mid|halfway|during|without)
      |bailed\s+on|dipped\s+out
      |(?:held|holds|holding)\s+up\s+(?:the|our|everything|everyone|us|every)|held\s+(?:\w+\s+){1,3}?hostage
      |(?:sits|sitting)\s+on\s+(?:every|each|all|the|our|my|his|her|pull|PRs|tickets)
      |treat(?:s|ed|ing)?\s+(?:\w+\s+){1,4}?(?:as|like)\s+(?:optional|a\s+formality|a\s+suggestion|an?\s+personal\s+attack
        |an\s+afterthought|a\s+nice-to-have|a\s+joke)
      |[a-z]+ed\s+(?:nobody['’]s|no\s+one['’]s|none\s+of\s+(?:the|our|my|his|her))
      |no\s+way\s+of\s+(?:keeping|meeting|delivering|hitting|building)|(?:nobody|no\s+one)\s+(?:could|can)
        \s+(?:test|build|implement|estimate|verify)
      |insist(?:ed|s)\s+(?:that\s+)?(?:we|everyone|the\s+team)\s+(?:skip|cut|drop
        |ignore|ship|rush|launch|push|bypass|go\s+live)
      |with\s+(?:no|zero)\s+(?:\w+\s+)?(?:engineers?|developers?|one\s+(?:from|on)|input|consultation|sign-?off
        |checks?|estimates?|discussion|warning|plan|review|tests?|testing|QA|docs|documentation|notes|context
        |comments|explanation|instructions)\b
      |on\s+red\b|(?:nobody|no\s+one)\s+(?:[\w-]+\s+){0,4}?(?:could|can)\s+(?:use|read|understand|debug|run
        |maintain|follow)|with\s+(?:a\s+)?(?:red|failing|broken)\s+(?:CI|ci|builds?|pipelines?|tests|checks)
      |was\s+(?:MIA|mia|a\s+no-?show)|no-?showed|overslept
      # more failing verbs: carelessness, neglect, obstruction, misjudgement
      |(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)mis(?!s)[a-z]{3,}ed|misunderstands|misreads|misjudges|mismanages|mixed\s+up|(?:rubber-?|rubber\s+)stamp(?:ed|s)?|hoard(?:s|ed|ing)?
      |micromanag(?:es|ed|ing)|spamm?ed|double-?booked|double-?booking|panicked|ghosted
      |(?:over|under)-?(?:complicated|engineered|committed|promised|sold|estimated|scoped|planned|booked
        |delivered|prepared)|overlooked|cut\s+(?:the\s+)?(?:[\w-]+\s+)?(?:corners|testing|tests|review|QA|checks)
      |cutting\s+corners|blocks\s+(?:every|all|any)|derail(?:s|ed|ing)|argues?\s+with|argued\s+with\s+(?:the\s+)?(?:client|customer|vendor|every|everyone|everybody)|undermines
      |(?:turned|switched|shut)\s+(?:off\s+)?(?:his|her|the)\s+(?:phone|laptop|slack|alerts?|alerting|monitoring
        |firewall|pager|notifications|backups?)
      |stopped\s+(?:answering|replying|responding|showing|turning|coming|testing|reviewing)
      |went\s+(?:back\s+to\s+sleep|with\s+(?:his|her)\s+gut|rogue|over\s+(?:my|our)\s+head)
      |kept\s+(?:quiet|silent)|kept\s+(?:the\s+|it\s+|this\s+|that\s+|[\w-]+\s+){1,3}(?:quiet|secret|under\s+wraps|hidden)
      |until\s+(?:the\s+)?(?:customers?|clients?|users?)\s+(?:noticed|complained|found\s+out|told\s+us)
      |with\s+(?:nobody|no\s+one)\s+(?:on\s+call|around|watching|available|on\s+standby)
      |moved\s+(?:the\s+)?(?:launch|deadline|release|date|go-?live)\s+(?:up|forward|earlier)
      |for\s+the\s+(?:third|fourth|fifth|nth|\d+(?:rd|th))\s+time
      |(?:we|the\s+company|the\s+business)\s+(?:can['’]t|cannot|could\s+not|couldn['’]t)\s+afford
      |(?:the\s+|a\s+)?test\s+[\w-]+\s+(?:to|at|on)\s+(?:real|live|actual|production|prod)\s+(?:customers|users|data|clients)
      |turned\s+(?:the|our|a|every)\s+[\w-]+\s+into\s+(?:a|an)\s+(?:blame|shouting|status|lecture|witch[- ]hunt|monologue
        |sales\s+pitch)
      |and\s+(?:nothing\s+else|no\s+(?:context|explanation|details|further\s+info))
      |(?:took|went\s+for|grabbed|had)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?(?:lunch|break|nap|coffee|walk|smoke)\s+(?:right\s+)?
        (?:during|in\s+the\s+middle\s+of|mid-?)
        \s*(?:the\s+|an\s+|a\s+)?(?:outage|incident|release|launch|deploy|migration|cutover|crunch)
      |['‘"“](?:not\s+my\s+(?:problem|job|area|concern)|won['’]t\s+fix)['’"”]
      |(?:assigned|gave|kept)\s+(?:himself|herself)\s+(?:all\s+)?(?:the\s+)?(?:interesting|best|fun|good|easy|visible)
      |like\s+a\s+league\s+table|named\s+and\s+shamed|(?:called|singled)\s+(?:\w+\s+)?out\s+in\s+front\s+of
      |(?:criticised|criticized|shouted\s+at|yelled\s+at|embarrassed|humiliated)\s+(?:\w+\s+){0,3}?in\s+front\s+of
      |(?:gave|granted|handed)\s+(?:everyone|everybody|all\s+\w+|the\s+\w+)\s+(?:root|admin|sudo|god\s+mode)\b
      |(?:three|four|five|six|several|\d+)\s+times\s+in\s+(?:one|a|the\s+same)\s+(?:week|day|sprint|month)
      |before\s+(?:we|we['’]d|anyone|anybody|the\s+team|QA|legal|security)\s+(?:had\s+)?(?:even\s+)?(?:reviewed|tested
        |seen|approved|read|checked|agreed|signed\s+off)
      |(?:deleted|removed|decommissioned|switched\s+off|turned\s+off|shut\s+down|retired)\b[^.!?;]{0,40}?\bbefore\s+(?:the
        \s+)?(?:new|replacement)\s+(?:one|version|\w+)\s+(?:was|were|had\s+been|existed)
      |(?:gave|sent|forwarded|showed|leaked|shared)\s+(?:the\s+)?(?:client|customer|vendor|press|competitor)s?\s+(?:our|the)\s+
        (?:internal|private|confidential)
      |burn(?:ed|t)\s+(?:everyone|us|the\s+team|people)\s+out
      |(?:feedback|review|salary|performance|promotion|disciplinary|pip)\b[^.!?;]{0,30}?\b(?:in|on|via)\s+(?:a\s+|the\s+)?(?:group
        \s+chat|public\s+channel|team\s+(?:meeting|channel)|all-?hands|front\s+of\s+(?:everyone|the\s+team))
      |took\s+credit|took\s+\w+\s+(?:days|weeks|months)\s+to\s+(?:look|review
        |reply|respond|answer|approve|sign)
      |prioriti[sz]ed\s+(?:his|her|the\s+\w+|\w+)[^.!?;]{0,40}?\bover\b|insist(?:s|ed)\s+on
      |(?:left|leaves)\s+(?:us|the\s+rest\s+of\s+us|everyone|the\s+team)\s+(?:to\s+(?:handle|clean|deal|fix|pick
        |cover|smooth|sort|explain|apologi[sz]e|mop|tidy|figure)
        |with\s+the\s+(?:mess|cleanup|clean-up)|the\s+(?:cleanup|clean-up|mess))
      |clocked\s+out|called\s+it\s+done|showed\s+up\s+(?:late|unprepared|drunk|hungover)
      # an act done on the wrong thing ("rolled back the wrong service"), not seeing or saying it
      |(?!(?:found|noticed|spotted|flagged|caught|fixed|corrected|reported|replaced|removed|pointed
        |explained|reali[sz]ed|discovered|identified|highlighted|questioned|mentioned|asked|saw|said
        |warned|undid|reverted|rolled\s+back|challenged|queried|doubted)\b)(?:[a-z]+ed|gave|gives|sent|sends|took|put|brought|told
        |made|picked|chose|wrote|ran|runs|set|bought|sold|hit|quoted|built|drew|spent|read|led|shipped
        |threw|used|uses|pulled|booked|printed|dropped|restarted|deployed|merged|pushed|sen[dt])
        \s+(?:(?!(?:found|noticed|spotted|flagged|caught|fixed|corrected|reported|replaced|removed
        |pointed|explained|questioned|challenged|queried)\b)[\w-]+\s+){0,4}?(?:the|a|an)\s+wrong\b
      |got\s+(?:[\w-]+\s+){0,4}?wrong\b
      |half[- ](?:finished|done|baked)
      |(?:to|in|into|on)\s+(?:a\s+|the\s+)?public\s+(?:\w+\s+)?(?:repo|repository|bucket|card|gist|channel|page
        |link|drive|folder|doc|site|forum|post|wiki)
      |(?:load\s+test|delete|drop|truncate|script|migration)\s+(?:\w+\s+){0,2}?against\s+(?:prod|production|live)\b
      |(?:uncommitted|untested|unreviewed|unapproved|unread|unopened|unchecked|unseen)
      |over\s+(?:a\s+|the\s+)?(?:failing|red|broken)\s+(?:build|CI|ci|checks?|tests?|pipeline)
      |(?:had|has)\s+no\s+(?:authority|right|mandate|business|approval|permission)\s+to
      |with\s+(?:his|her)\s+(?:phone|laptop|notifications|pager|slack)\s+(?:off|switched\s+off|on\s+silent|muted)
      |(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:that|which)\s+(?:then\s+|promptly\s+)?(?:locked|broke|deleted|wiped|took\s+down
        |corrupted|crashed|leaked|froze|killed|nuked|overwrote|brought\s+down|knocked\s+out|spammed|emailed\s+every)
      |(?:\d+|two|three|five|ten|fifteen|twenty|thirty|a\s+few)\s+(?:minutes|mins)\s+before\s+(?:the\s+)?(?:demo
        |launch|release|go-?live|deadline|meeting|call|cutover|event|it\s+started)
      |\blgtm\b
      |(?:upgrad|chang|cancel|start|merg|push|deploy|drop|announc|rewr|pull|began|begin)[a-z]*\s+
        (?:[\w,]+\s+){0,4}?(?:the|a)\s+(?:day|night|morning|week|hour)\s+before\b
      |(?:published|launched|announced|released|sent|went\s+live)\s+(?:\w+\s+){0,3}?(?:a\s+day|a\s+week
        |days|weeks|too)\s+early
      |(?:announced|promised|committed\s+to|sold|launched|published|shipped|released|merged|deployed)
        \s+[^.!?;]{0,40}?before\s+(?:it|they|anything|anyone)\s+(?:was|were|had\s+been)\s+(?:even\s+)?\w+ed
      |(?:closed|marked|declared|called|promised|announced|sold|shipped|released|signed\s+off)\b[^.!?;]{0,40}?
        \bbefore\s+(?:it|they|anything|anyone|we|we['’]d|the\s+[\w-]+)\s+(?:was|were|had|['’]d|could|did)?\s*
        (?:even|actually|properly|fully|really)\s+\w+
      |without\s+(?:even\s+)?(?:a|an|any|the)\s+(?!hitch)(?:[\w-]+\s+)?(?:review|tests?|testing|sign-?off
        |approval|backup|plan|where|check|dry[- ]run|rollback|warning|notice|description|research|input|consultation
        |discussion|data|feedback|user\s+testing|conversation|heads-?up|handover)
      |without\s+(?:even\s+|legal\s+|proper\s+|a\s+)?(?:opening|reading|looking|checking|testing
        |asking|telling|review|reviewing|running)
      |with\s+no\s+(?:\w+\s+)?(?:description|tests?|review|plan|backup|one\s+on\s+call|rollback)
      |no\s+(?:\w+\s+)?(?:plan|tests?|docs)\s+at\s+all
      |only\s+(?:ever\s+)?(?:tested|tests|test)\b
      |(?:is|was|are|were|['’]s)\s+(?:\w+\s+)?(?:stubborn|arrogant|unprepared|late|rude
        |dismissive|a\s+bottleneck|useless|unacceptable|careless|lazy|sloppy)\b
      |(?:is|was)\s+too\s+(?:\w+\s+)?(?:stubborn|proud|arrogant|lazy|busy\s+to|slow)
      |(?:was|is|were)\s+not\s+doing\s+(?:his|her|their)|\b(?:he|she)\s+not\s+(?:send|reply|answer)\b
      |should\s+never\s+have\s+(?!been\s+(?:put|left|given|asked|made|forced|placed))|should\s+be\s+ashamed
      |(?:let|lets)\s+(?:the\s+\w+|everyone|everybody|us|you|them)\s+down
      |let\s+(?:my|his|her)\s+(?:ego|pride|temper)
      |approv(?:ed|es)\s+(?:it\s+)?(?:himself|herself|everything|anything)
      |treats\s+\w+(?:\s+\w+)?\s+as\s+a\s+formality|as\s+a\s+formality|as\s+(?:mere\s+)?suggestions
      # a broad class of acts that are blameworthy whoever does them (not as an adjective: "the
      # abandoned branches")
      |(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)(?<!\bour\s)(?<!\bany\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)
      (?<!\btheir\s)(?:wasted|wastes|squandered|mocked|mocks|ridiculed|humiliated|bullied|bullies|harassed|badgered
        |strong-?armed|railroaded|hijacked|hijacks|monopoli[sz]ed|obstructed|badmouthed|bad-mouthed|misled
        |misleads|deceived|fabricated|faked|fudged|padded|sandbagged|plagiari[sz]ed|stole|abandoned|abandons
        |deserted|ditched|dodged|dodges|ducked|shirked|procrastinated|slacked|flaked|skived|butchered|mangled
        |trampled|nitpicked|dithered|flip-?flopped|reneged|snubbed|insulted|insults|patroni[sz]ed|scolded
        |scapegoated|hogged|hogs|skimped|glossed\s+over|covered\s+up|concealed|downplayed|downplays
        |whitewashed|sugar-?coated|exaggerated|overhyped|overstated|overcharged|gatekept
        |gatekeeps|stalled|stalls|vetoed\s+every|second-?guessed|second-?guesses|lectured|condescended
        |bikeshedded|rambled|waffled|quit\s+without|walked\s+off|stomped\s+on|brushed\s+(?:\w+\s+)?off
        |waved\s+(?:\w+\s+)?(?:off|away|through)|shot\s+down|laughed\s+off|shrugged\s+off)
      |dismiss(?:ed|es)\s+(?:\w+\s+){0,2}?(?:concerns?|warnings?|feedback|objections?|questions?|input|ideas?
        |suggestions?|risks?|bugs?|reports?)
      |(?:merged|deployed|pushed|shipped|released)\b[^.!?;]{0,50}?\band\s+(?:then\s+)?(?:logged\s+off|went\s+home
        |left\s+for\s+the\s+(?:day|weekend)|switched\s+off|disappeared|went\s+offline|went\s+to\s+bed)
      |(?:built|wrote|made|added|designed|created|shipped|spent\s+[^.!?;]{0,30}?on|spent\s+[^.!?;]{0,30}?\w+ing)\s+
        [^.!?;]{0,40}?(?:nobody|no\s+one)\s+(?:had\s+|was\s+)?(?:asked\s+for|wanted|needed|requested|touching|using)
      |(?:gave|granted|handed)\s+(?:[\w-]+\s+){0,3}?(?:admin|root|prod|production|superuser|owner)\s+(?:rights|access
        |privileges|permissions)
      |kept\s+(?:us|everyone|everybody|the\s+team)\s+(?:in\s+(?:a|an|the)|waiting|late|there|back|hanging)\b
      |(?:was|had\s+been)\s+(?:\w+\s+)?told\s+not\s+to|(?:despite|after)\s+being\s+told\s+not\s+to|against\s+instructions
      |works\s+(?:for\s+me|on\s+my\s+machine)
      |(?:keys|credentials|passwords?|secrets|tokens?)\s+(?:\w+\s+){0,3}?(?:in|into|on)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:repo
        |readme|wiki|slack|channel|ticket|commit|code|doc)\b
      |(?:promised|sold|committed\s+to|offered)\b[^.!?;]{0,40}?\b(?:nobody|no\s+one)\s+(?:had\s+)?[a-z]+ed\b
      |left\s+(?:no|zero)\s+(?:\w+\s+)?(?:documentation|docs|notes|handover|tests|comments|instructions|context)
      |(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:that|which)\s+(?:was|were)\s+(?:obviously\s+|clearly\s+|visibly\s+|still\s+
        |totally\s+|completely\s+)?(?:broken|wrong|buggy|incomplete|unfinished|failing|untested)
      |(?:emailed|sent|charged|billed|paid|notified|messaged|invoiced)\s+(?:\w+\s+){0,3}?(?:twice|double|three\s+times
        |\d+\s+times)
      |(?:shared|disclosed|revealed|leaked|posted|mentioned|read\s+out)\s+(?:my|his|her|someone['’]s|people['’]s|our
        |everyone['’]s)\s+(?:salary|salaries|pay|medical|health|personal|home\s+address|phone\s+number|performance
        |review|diagnosis)
      |(?:pushed|committed|merged|deployed)\s+(?:\w+\s+)?(?:to|into)\s+(?:main|master|prod|production)\s+again
      |yolo[- ]?\w+|cowboy(?:ed|ing)?|rage[- ]?quit\w*|blindsided|ambushed
      |(?:sprang|sprung|dropped|landed|threw)\s+(?:[\w-]+\s+){0,3}?on\s+(?:us|the\s+team|everyone)\b
      |(?:with|containing|including)\s+(?:a\s+|the\s+)?(?:customer['’]s|customers['’]|client['’]s|user['’]s|users['’]
        |personal|private|patient)\s+(?:personal\s+|private\s+)?(?:data|details|info|information|emails?|addresses|records)
      |(?:cc['’]?d|bcc['’]?d|forwarded|replied\s+all|reply-?all(?:ed)?)\s+(?:\w+\s+){0,4}?(?:on|to|with)?\s*(?:our\s+|the\s+|an?\s+)?
        (?:internal|private|confidential)
      |(?:credentials|passwords?|keys|secrets|tokens?)\s+(?:\w+\s+){0,3}?(?:on|in)\s+(?:a\s+)?(?:sticky\s+note|post-?it
        |plain\s*text|spreadsheet|text\s+file)
      |told\s+(?:the\s+)?(?:customers?|clients?|users?|them|everyone)\s+(?:that\s+)?(?:it|the\s+\w+)\s+was\s+(?:their|the
        \s+customer['’]s|the\s+client['’]s)\s+(?:fault|network|problem|side|end|config|issue|mistake|doing)
      |blamed\s+the\s+(?:customers?|clients?|users?)
      |without\s+(?:a\s+(?:single\s+)?word|saying\s+(?:a\s+word|anything)|so\s+much\s+as\s+a\s+\w+)
      |locked\s+(?:the|a|an|all|our|every)\s+(?:[\w-]+\s+)?(?:table|database|db|accounts?|users|everyone|customers)
      |(?:turned|switched|shut)\s+off\s+(?:the\s+)?(?:two-factor|2fa|mfa|backups?|monitoring|alerts?|alerting|logging
        |firewall|audit\s+log)
      |copy[- ]?past(?:ed|es)\s+(?:\w+\s+){0,2}?(?:another|someone\s+else['’]s|the\s+old|old|last\s+year['’]s|other)
      |(?:that\s+)?only\s+(?:he|she)\s+(?:can|could|knows|understands)
      |gold-?plat\w*|yak-?shav\w*|bike-?shedd?\w*
      |went\s+(?:to\s+lunch|home|offline|for\s+(?:a\s+)?(?:walk|coffee|lunch|a\s+run))\s+(?:in\s+the\s+middle\s+of|during|mid)
      |for\s+(?:his|her)\s+own\s+(?:testing|use|work|project|purposes|stuff|experiments)
      |(?:merged|deployed|pushed|shipped|released|changed|edited|updated|upgraded|migrated|restarted|deleted|dropped)
        \b[^.!?;]{0,50}?\band\s+(?:then\s+)?(?:logged\s+off|went\s+offline|went\s+home|switched\s+off|disappeared
        |left\s+for\s+the\s+(?:day|weekend))
      |made\s+the\s+(?:call|decision|choice)\s+to\s+(?:skip|cut|drop|ignore|not|bypass|rush|remove|disable|scrap
        |delay|postpone|go\s+live|ship)
      |(?:ran|built|pulled|generated|exported|made)\s+(?:\w+\s+){0,3}?(?:against|from|on)\s+(?:the\s+)?(?:test|staging
        |dev|wrong|old)\s+(?:db|database|data|environment|env|server)\s+and\s+(?:then\s+)?(?:sent|shared|published
        |presented|emailed|gave)
      |before\s+(?:even\s+)?(?:telling|asking|checking\s+with|consulting|informing|warning|talking\s+to)\s+(?:the|us
        |anyone|anybody|any|his|her|our|a\s+single|a|one)
      |(?:undid|reverted|wiped\s+out|overwrote|threw\s+away|lost)\s+(?:a\s+|an\s+|two\s+|three\s+|\w+\s+)?(?:week|weeks
        |days?|months?|hours?|everyone['’]s|all\s+(?:the|our))\s+(?:of\s+)?(?:\w+\s+)?(?:work|fixes|commits|changes
        |progress|effort)
      |(?:go|went)\s+(?:out|live)\s+with\s+(?:a\s+|an\s+)?(?:known|open|failing|critical|broken)
      |without\s+(?:any\s+|proper\s+|prior\s+)?(?:approval|sign-?off|permission|authori[sz]ation|budget)
      |(?:took|kept|walked\s+off\s+with|left\s+(?:\w+\s+){0,3}?with)\s+(?:\w+\s+){0,3}?the\s+only\s+(?:[\w-]+\s+)?(?:copy
        |laptop|key|keys|backup|login|password|device|machine|person)
      |(?:said|did)\s+nothing(?!\s+(?:was|is|were|had|would|could|went))|(?:having\s+)?(?:read|prepared|done|learned|contributed|tested|checked|reviewed
        |documented)\s+nothing\b
      |(?:with|using)\s+(?:last\s+(?:year|month|quarter|week|sprint)['’]s|the\s+old|old|outdated|stale|out-of-date
        |expired)\s+(?:[\w-]+\s+)?(?:numbers|data|prices|figures|rates|version|logo|copy|config|keys|certs?|branding
        |contacts|list|spec|designs?)
      |(?:had|has|with)\s+(?:no|zero)\s+(?#good-absence)[\w-]+(?:\s+[\w-]+)?\s+(?:whatsoever|at\s+all)
      # idioms of neglect
      |asleep\s+(?:at\s+the\s+wheel|on\s+the\s+job)|dropped\s+the\s+baton|fell\s+down\s+on|took\s+(?:his|her|their)
        \s+eye\s+off|left\s+(?:us|everyone|the\s+team|me)\s+(?:hanging|in\s+the\s+lurch|high\s+and\s+dry)|hung\s+(?:us|me
        |the\s+team)\s+out\s+to\s+dry|shot\s+from\s+the\s+hip|winged\s+it|phoned\s+it\s+in|half-?ass(?:ed)?|kicked\s+the\s+can
        |pulled\s+the\s+rug|jumped\s+the\s+gun|went\s+off\s+the\s+rails|lost\s+the\s+plot|buried\s+(?:his|her)\s+head
      |locked\s+(?:everyone|everybody|us|the\s+team|customers|users|people)\s+out
      |(?:vetoed|rejected|blocked|killed|dismissed)\s+(?:every|each|any)\s+\w+\s+that\s+(?:wasn['’]t|was\s+not|isn['’]t)
        \s+(?:his|her)
      |(?:turned|turns|made|makes)\s+every\s+\w+(?:\s+\w+)?\s+into\b
      |(?:shared|sent|emailed|posted|forwarded|uploaded|pasted|published|leaked)\s+(?:the\s+|a\s+|our\s+)?(?:[\w-]+\s+)?
        (?:raw|unredacted|un-?anonymi[sz]ed|confidential|private|personal|internal)\s+(?:[\w-]+\s+)?(?:data|list
        |file|export|records|details|notes|numbers|figures|salaries|emails)
      |slept\s+through|snoozed\s+(?:the|every|all)
      |thought\s+it\s+(?:was|would\s+be)\s+(?:ok|okay|fine|acceptable|a\s+good\s+idea|smart|clever|funny)\s+to
      |(?:his|her)\s+(?:own\s+)?(?:pet\s+(?:feature|project|idea)|agenda)
      |for\s+(?:himself|herself)(?:\s+and\s+(?:nobody|no\s+one)\s+else|\s+only|\s+first)
      |approv\w*\s+(?:[\w-]+\s+){0,3}?for\s+(?:himself|herself)\b
      |while\s+(?:the\s+|a\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:was|were)\s+still\s+(?:running|in\s+progress|live|going
        |open|happening)|(?:knew|known)\s+(?:about\s+)?[^.!?;]{0,40}?\b(?:and|but)\s+(?:said|did|told)\s+(?:nothing|nobody|no\s+one)
      |(?:decided|chose|went)\s+(?:on\s+(?:his|her)\s+own|unilaterally|alone|by\s+(?:himself|herself))|unilaterally
      |(?:nobody|no\s+one)\s+had\s+(?:vetted|checked|reviewed|tested|approved|verified|validated|seen|read|audited)
      |\w+ed\s+when\s+(?:it|they)\s+(?:wasn['’]?t|weren['’]?t|was\s+not)
      |(?:done|ready|fixed|finished|tested|working|live|complete|sorted)\s+when\s+(?:it|they)\s+(?:wasn['’]?t|weren['’]?t
        |was\s+not|hadn['’]?t|had\s+not|was\s+still|were\s+still)
      |(?:committed\s+to|promised|announced|sold|agreed\s+to|signed\s+off|closed|marked)\b[^.!?;]{0,40}?\bbefore\s+(?:the
        \s+[\w-]+|it|we|anyone)\s+(?:was|were|had\s+been|had)\s+(?:even\s+)?(?:done|finished|ready|complete|scoped
        |estimated|tested|reviewed|started|built|designed|approved|agreed)
      |(?:promised|said|claimed|swore)\b[^.!?;]{0,40}?\b(?:\w+\s+)(?:days|times|weeks|sprints|standups)\s+(?:in\s+a\s+row
        |running)
      |(?:kept|keeps)\s+(?!(?:reporting|trying|helping|going|working|improving|testing|checking|smiling
        |learning|answering|supporting)\b)(?:\w+ing|saying|calling|running|pulling)(?!\s+for\b)
      |spill(?:s|ed)?\s+over|contradict(?:ed|s)
      |blamed\s+(?:us|the\s+team|everyone|others|me)|blamed\s+(?:[\w-]+\s+){1,7}?for\s+(?:his|her|their)\s+own
      |(?:approved|reviewed|signed\s+off|merged|read|tested|closed)\s+(?:[\w-]+\s+){0,3}?in\s+(?:about\s+|under
        \s+|like\s+|less\s+than\s+)?(?:\d+|two|three|five|ten|a\s+few)\s+(?:seconds|minutes|mins|secs)
      |has\s+(?:\w+\s+)?checked\s+out|(?:that|which)\s+(?:nobody|no\s+one)\s+(?:had\s+|ever\s+)?(?:reviewed
        |tested|checked|approved|read|saw|signed\s+off|vetted|verified|validated|audited)
      |(?:slashed|gutted|axed|scrapped|cut)\s+(?:the\s+|our\s+|all\s+)?(?:[\w-]+\s+)?(?:budget|testing|QA
        |headcount|training|review|contractors)|(?:took|take)\s+(?:them|it)\s+(?:himself|herself)
      |clicks\s+around|decided\s+(?:that\s+)?we\s+(?:didn['’]t|did\s+not|don['’]t)\s+need
      |with\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){1,2}still\s+(?:in|on|there|enabled|attached|active)
      |without\s+(?:anyone|anybody|someone)\s+\w+ing
    )\b(?!\s+(?:nothing|nobody|no\s+one|no\s+time|no\s+effort)\b)""".replace(
        "(?#good-absence)", _GOOD_ABSENCE
    ),
    re.VERBOSE,
)
# Competence judged: said of someone else only ("I had no idea" is not a confession).
_THIRD_PERSON = re.compile(
    r"""\b(?:(?:(?:is|was|['’]s)\s+(?:(?:just|simply|really|clearly|honestly|frankly|obviously)\s+)?
        (?:not|never)|isn['’]t|wasn['’]t)\s+(?:(?:really|very|remotely|even|at\s+all)\s+)?(?:competent|qualified|capable|ready|a\s+team\s+player
        |reliable|up\s+to\s+(?:it|the\s+job)|cut\s+out\s+for|fit\s+(?:for|to))|incapable|out\s+of\s+(?:his|her|their)\s+depth
      |(?:has|had|have)\s+(?:no|zero)\s+(?:\w+\s+)?(?:clue|idea|sense|understanding|concept|discipline)
      |(?:doesn['’]?t|does\s+not|didn['’]?t|did\s+not|don['’]?t)\s+(?:even\s+|really\s+)?(?:know
        \s+(?:what\s+(?:he|she)|how\s+to|[A-Z]{2,}|the\s+basics)|understand\s+(?!why|how|what|where|when
        |that|the\s+(?:reason|context))|care|listen|bother)
      |(?:can['’]?t|cannot|can\s+not)\s+(?:really\s+|even\s+)?(?:run|manage|estimate|code|lead
        |organi[sz]e|plan|communicate|be\s+trusted)
      |(?:is|was|['’]s)\s+(?:\w+\s+)?the\s+worst\s+\w+
      |(?:is|was|['’]s)\s+(?:just\s+|really\s+|simply\s+)?(?:not|no)\s+(?:good|great|competent)\s+at)\b""",
    re.VERBOSE,
)
# What the person did, judged by its result: "... and it showed", "... cost the team two days".
_CONSEQUENCE = re.compile(
    r"""\b(?:cost\s+(?:us|the\s+team|everyone)|(?:we|everyone)(?:['’]re|\s+are)\s+(?:\w+\s+)?paying\s+for\s+it|backfired|blew\s+up\s+in\s+(?:our|everyone['’]s)\s+faces?
    |(?:burned|burnt)\s+out|drags?\s+(?:everyone|everybody|us|the\s+team)\s+down|no\s+wonder
    |(?:we|everyone)\s+(?:all\s+)?paid\s+for\s+it|look\s+where\s+that\s+got\s+us|and\s+here\s+we\s+are
    |(?:and\s+)?we\s+all\s+know\s+how\s+that\s+(?:went|ended)|(?:and\s+)?it\s+(?:bit|came\s+back\s+to\s+bite)\s+us|you\s+can\s+guess\s+the\s+rest|guess\s+what\s+happened
    |\bwe(?:['’]re|\s+are|\s+were)\s+(?:now\s+)?stuck\b
    |\bate\s+(?:up\s+|into\s+)?(?:half|most|all|the\s+whole|a\s+whole)\s+(?:of\s+)?(?:the\s+|our\s+)?(?:sprint|week|day
        |morning|afternoon|release|budget|buffer|timeline)\b
    |made\s+(?:it|things
    |everything)\s+worse|slowed\s+(?:everyone|everybody|us|the\s+team)\s+down|killed\s+us
    |found\s+out\s+(?:\w+\s+){0,4}?from\s+(?:Twitter|social\s+media|the\s+news|a\s+customer|customers)
    |just\s+(?:\w+\s+){1,6}?and\s+moved\s+on
    |had\s+to\s+(?:start\s+over|redo|rework|rebuild|throw\s+(?:it\s+|them\s+)?away|scrap)|by\s+which\s+(?:point|time)
    |too\s+late\s+to|which\s+is\s+(?:exactly|precisely)\s+what\s+(?:\w+\s+){0,5}?(?:prevent|avoid|forbid|stop)
    |to\s+['‘"“][a-z][a-z ]{1,25}[a-z](?=['’"”])|guess\s+who|after\s+(?:the\s+[\w-]+\s+|we\s+|they\s+)?had\s+already
    |which\s+(?:had\s+)?already\s+been\s+(?:sold|given|promised|booked|taken|rejected)
    |that['’]s\s+(?:why|how)\s+(?:we\s+(?:got|ended|lost|missed|slipped|broke|shipped)|the|everything)|['‘"“]to\s+[a-z][a-z ]{1,25}[a-z](?=['’"”])
    |(?:killed|ruined|wrecked|tanked|sank|derailed|blew\s+up)\s+(?:our|the|my|everyone['’]s)\s+(?:whole\s+|entire\s+)?(?:sprint
        |release|launch|timeline|plan|demo|week|weekend|momentum|deadline|schedule|estimate|quarter))\b""",
    re.VERBOSE,
)
# Sentences about thanks or good work are never blame ("thanks to X for ...").
_PRAISE = re.compile(
    r"""\b(?:(?<!\bless\s)(?<!\bno\s)thanks?|thank\s+you|kudos|shout[-\s]?outs?|props|well\s+done|great\s+(?:job|work)
    |(?:credit\s+where\s+(?:it['’]s\s+|it\s+is\s+)?due|credit\s+to|hats\s+off)(?![^.!?]*\bbut\b)
    |the\s+reason\s+[^.!?]{0,60}\b(?:looked|went|ran|were|was)\s+(?:so\s+|really\s+|very\s+)?(?:good|great|smooth|smoothly
        |well|nice|brilliant)\b
    |(?:lovely|beautiful|careful|thorough|top|decent)\s+(?:job|work)|\b(?:grateful|thankful)\s+to\b
    |\b(?:dropped|skipped|gave\s+up|cancell?ed|postponed|missed)\s+(?:his|her|their)\s+own\s+[\w\s-]{1,30}?\s+to\s+(?:help|cover
        |support|keep)\b
    |\b(?:want\s+to|like\s+to|must|have\s+to)\s+recogni[sz]e\b
    |\bstood\s+up\s+for\b|\bdropped\s+everything\s+to\s+(?:help|fix|cover|support|sort|get\s+(?:it|us|the))\b
    |never\s+stopped\s+(?:backing|supporting|helping|working|fighting|checking|caring|pushing\s+for)
    |(?:did\s+(?:an?\s+)?)?(?:incredible|amazing|fantastic|brilliant|excellent|awesome|superb|outstanding|stellar
        |heroic|wonderful|terrific|phenomenal|great|good|solid|fine)\s+(?:job|work|effort)
    |helped|saved|rescued|stepped\s+up|went\s+above|hero|appreciated?
    |,\s*(?:amazing|impressive|brilliant|awesome|legend|nice\s+one|all\s+good|love\s+it|respect)\b
    |stepped\s+in|(?:was|were)\s+(?:just\s+|absolutely\s+|really\s+)?(?:brilliant|amazing|fantastic|superb
        |excellent|outstanding|a\s+star|a\s+hero|a\s+lifesaver|spotless|flawless|immaculate|faultless
        |impeccable|perfect)
    # a person's work that repaired something ("X's PR fixed the broken login"), composure
    # and refusals that are credit ("stayed calm when everything broke", "never gave up on
    # the flaky test", "refused to cut corners"); none of them with a turn after it in the
    # sentence ("stayed calm but broke prod anyway")
    |(?:(?<=['’])s\s+(?:\w+\s+)?(?:fix|fixes|pr|patch|workaround|script|hotfix|tool|runbook|dashboard)
        \s+(?:fixed|unblocked|saved|rescued|resolved|repaired|restored|cleaned\s+up|got\s+us\s+through)
    |handled\s+(?:\w+\s+){0,2}?(?:well|brilliantly|calmly|superbly|beautifully)
    |favou?rite\s+(?:part|bit|moment)\s+was\s+(?!when\b)
    |stayed\s+(?:calm|cool|positive|patient)|kept\s+(?:calm|(?:his|her|their)\s+cool)
    |never\s+(?:once\s+)?(?:complained|panicked|gave\s+up|lost\s+(?:his|her|their)\s+(?:patience|cool|temper))
    |(?:didn['’]t|did\s+not)\s+(?:panic|flinch|complain)
    |refused\s+to\s+(?:cut\s+corners|skip\s+(?:the\s+)?(?:tests|review|checks)|ship\s+(?:it\s+)?untested))
    (?![^.!?;\n]*\b(?:but|except|yet|though|although|then|while|just|anyway
        |and\s+(?!(?:fixed|unblocked|saved|resolved|restored|repaired|helped|stayed|cleaned))\w+ed)\b)
    (?![^.!?;\n]*,\s*(?:he|she|they|[A-Z]\w+)\s+(?:just\s+)?\w+ed\b))""",
    re.IGNORECASE | re.VERBOSE,
)
# ".env", "v1.2" and titles ("Ms. Varga", "Dr. Okafor") stay inside a sentence.
_SENTENCE = re.compile(
    r"(?:[^.!?\n]|\.(?=\w)|(?<=\bMr)\.|(?<=\bMs)\.|(?<=\bMrs)\.|(?<=\bDr)\.|(?<=\bProf)\.)+[.!?]*"
)
# A new clause with its own subject: the predicate stops there.
_NEXT_CLAUSE = re.compile(
    r",?\s*\b(?:so|because|since|which|while|although|(?<!even\s)though|whereas)\b|,\s*(?:and|but)\b|;"
    r"|,\s*(?=(?:we|they|it|nobody|everyone|the\s+(?:team|process|client))\b)"
    r"|\b(?:and|but)\s+(?=(?:we|they|the|it|nobody|everyone|our|their|I)\b)"
    r"|\bthat\s+(?=(?:we|they|nobody|everyone|everybody|the\s+team|as\s+a\s+team)\b)"
    r"|\b(?:after|when|until|once)\s+(?=(?:the|a|an|our|their|we|they)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:\w+ed|did|had|was|were|broke|took|ran|went|made)\b)"
    r"|\s[\u2013\u2014]\s|\s-\s|\bturns?\s+out\b|\bturned\s+out\b"
)
_PREDICATE_WORDS = 16
_WINDOW = 300
# A passive predicate means something was done to the subject, not by them; a duty
# given to them ("was supposed to", "was asked to") can still be theirs to miss.
_DONE_TO = re.compile(
    r"""\s*(?:was|were|got|gets|is|has\s+been|had\s+been)\s+(?:(?:\w+ly|only|just|never|finally|then)\s+)?
    (?!(?:supposed|meant|expected|asked|tasked|told|assigned|allowed|trusted|given|put|left
        |handed|responsible|in\s+charge|warned|reminded)\b(?!\s+(?:the\s+)?wrong))
    (?!checked\s+out)(?:[\w-]+(?:ed|en)|brought|built|sent|kept|held|caught|paid|made|hit|thrown|drawn
    |stuck|sold|bought|taught|shown|seen|known|put|let|left|told)\b""",
    re.VERBOSE,
)
# "I" followed by an opinion or a state is the writer talking, not owning a fault.
# The person's main verb reports what they knew, saw or said about something else.
# What a person knew or saw (it may be their failing: "X knew the feed was broken and said
# nothing"), what they told others about a thing, what they asked about it.
_KNOWING = (
    r"had\s+no\s+idea|knew|reali[sz]ed|noticed|found|heard|saw|learn(?:ed|t)|discovered|warned"
    r"|flagged|spotted|pointed\s+out"
)
_TELLING = (
    r"mentioned|explained|(?<!never\s)(?:said|says|reported|confirmed"
    r"|told\s+(?:us|me|them|everyone|the\s+team))"
    # ... unless they then acted or failed to: "X said it was fine and didn't tell anyone",
    # "told us it would be read-only and then kept dispensing on it"
    r"(?![^.!?;\n]*\b(?:and|but)\s+(?:then\s+|still\s+)?(?:\w+ed|kept|didn['’]t|did\s+not|never"
    r"|forgot|went|left|took|made|let|told|said|broke|ran|put|sent|shipped)\b)"
)
_ABOUT_A_THING = r"\s+(?:that\s+)?(?:the|it|they|we|our|this|its|their)\b"
# a question asked about something else: "asked why the deploy was skipped", "I asked X why
# ..." (a masked person is one word here)
_ASKING = (
    r"(?:asked|wondered|queried|questioned|checked|wanted\s+to\s+know|wants?\s+to\s+know"
    r"|knows?|walked\s+(?:us|me|them|everyone)\s+through|(?:is|are|was|were)\s+(?:investigating"
    r"|looking\s+into|digging\s+into))\s+(?:[\w\ue000]+\s+){0,2}?(?:why|whether|if|how|what|when|who)\b"
)
_REPORTING = re.compile(
    rf"\s*(?:(?:\w+ly|just|only|never|also)\s+)?(?:(?:{_KNOWING}|{_TELLING}){_ABOUT_A_THING}|{_ASKING})"
)
# Told or asked, with no adverb before ("never mentioned the risk" is a failing).
_TOLD_OR_ASKED = re.compile(rf"\s*(?:(?:{_TELLING}){_ABOUT_A_THING}|{_ASKING})")
_SELF_STATE = re.compile(
    r"\s*(?:was|am|['’]m)\s+(?:\w+\s+)?(?:(?:too\s+)?(?:lazy|careless|sloppy|reckless|complacent"
    r"|overconfident)|(?:(?:way|far|much)\s+)?(?:too|so)\s+(?:proud|arrogant|stubborn|impatient|slow)"
    r"|asleep\s+(?:at\s+the\s+wheel|on\s+the\s+job)|out\s+of\s+my\s+depth|not\s+careful\s+enough)\b"
)
# Left with someone else's work: "I was the one who had to clean up the mess".
_LEFT_WITH = re.compile(
    r"\s*(?:had\s+to|got\s+to|was\s+left|got\s+(?:stuck|landed)|was\s+stuck|stayed\s+(?:late|up))\b"
)
_ONE_WHO = re.compile(
    r"\s*(?:was|is|['’]s)\s+(?:also\s+)?the\s+(?:one|person|first|only\s+one)\s+(?:who|that|to)\b"
)
_PUZZLED = re.compile(
    r"\s*(?:still\s+|really\s+|honestly\s+)?(?:don['’]t|do\s+not|didn['’]t|did\s+not|can['’]t|cannot)\s+"
    r"(?:get|understand|know|see|follow)\s+(?:why|how|what|where|when|who|whether|if)\b"
)
_OPINION = re.compile(
    r"\s*(?:['’]m|am|was|think|thought|feel|felt|guess|wonder|suppose|believe|reckon|hope"
    r"|wish|know|knew|agree|doubt)\b"
)


# An act agreed by the team, or a refusal for a stated defect, is no one's fault:
# "force-pushed the fix after we all agreed", "blocked the release because the suite
# was failing".
_JUSTIFIED = re.compile(
    r"""\b(?:as\s+(?:agreed|planned|discussed)|after\s+(?:we|everyone)\s+(?:all\s+)?agreed|by\s+design
    |with\s+(?:everyone['’]s|the\s+team['’]s|our|the\s+client['’]s)\s+(?:agreement|approval|blessing|ok|sign-?off))\b
    |\b(?:blocked|rejected|refused|held|stopped|paused|vetoed|delayed|halted|pulled|cancell?ed|postponed
        |aborted|skipped|called\s+off)\b[^.!?]{0,40}?
        \b(?:because|since|as|until)\s+(?:the|a|an|our|its|it|they)\b[^.!?]{0,40}?\b(?:failing|failed|broken
        |red|not\s+ready|incomplete|missing|unsafe|insecure|didn['’]t\s+pass|wasn['’]t\s+ready|had\s+no|down
        |unavailable|offline|unstable|flaky)\b
    # blame the writer takes back: "I originally wrote that X caused it, but I was wrong"
    |\bbut\s+I\s+was\s+wrong\b|\bI\s+was\s+wrong\s+(?:about|to\s+(?:blame|say|think|assume|point))\b
    |\bI\s+was\s+wrong\s*(?:[,;:—–]|\s-)\s*(?:it|the|that|this)\b
    |\b(?:I|we)\s+originally\s+(?:wrote|said|thought|blamed|assumed)\b|\bI\s+stand\s+corrected\b
    # a purpose or a sacrifice: "so people could attend both", "skipped lunch to get the fix out"
    |\bso\s+(?:that\s+)?(?:people|everyone|everybody|we|the\s+team)\s+(?:could|can|would)(?!n['’]t)\b
    |\b(?:skipped|missed|gave\s+up|cancell?ed)\s+(?:his|her|their|my)?\s*(?:lunch|breakfast|dinner|sleep|holiday
        |vacation|weekend|day\s+off|leave)\b
    |\bbecause\s+(?:nobody|no\s+one)\s+(?:needed|used|wanted|read|attended)\b|\bbecause\s+it\s+was\s+(?:useless|pointless
        |redundant|unused|not\s+needed|obsolete|no\s+longer\s+needed)\b
    |\beven\s+(?:ones|those|the\s+ones|things|code|designs?|tickets|prs?|PRs)\s+(?:he|she)\s+(?:didn['’]t|did\s+not
        |doesn['’]t|hasn['’]t)
    # the cause is the team's or the client's own doing: "late because we changed the spec"
    |\bbecause\s+(?:we|the\s+client|the\s+team|management|they|our\s+team)\s+(?:had\s+)?(?:changed|moved|added|asked
        |cut|didn['’]t|gave|kept|forgot|underestimated|delayed|reprioriti[sz]ed)\b
    # a defence of the person: "but he was only here a month", "to be fair to her"
    |\bbut\s+(?:he|she)\s+(?:was|had)\s+only\b|\bbut\s+(?:he|she)\s+(?:was|is)\s+(?:brand\s+|still\s+)?new\b
    |\bin\s+(?:his|her)\s+defen[cs]e\b|\bto\s+be\s+fair\s+to\s+(?:him|her)\b
    |\b(?:wasn['’]t|was\s+not)\s+even\s+(?:on\s+(?:shift|call|duty|the\s+rota)|there|here|around|working
        |in\s+(?:the\s+)?(?:office|country|building))\b
    |\bstop\s+(?:blaming|pinging|pointing\s+(?:fingers\s+)?at|picking\s+on|hassling|scapegoating)\s+(?:him|her|them|\ue000+)
    |\banyone\s+(?:else\s+)?(?:would|could)\s+have\b|\bcould\s+have\s+happened\s+to\s+anyone\b
    |\b(?:nobody|no\s+one|no-one)['’]s\s+fault\b|\bdid\s+(?:everything|all|what)\s+(?:he|she|they)\s+could\b
    |\b(?:broke|broken|fractured|sprained|hurt|injured)\s+(?:his|her|their|my)\s+(?:arm|wrist|leg|ankle|hand|foot|back
        |knee|finger|shoulder|collarbone|toe|nose|rib)s?\b
    |\bbecause\s+(?:it|the\s+\w+)\s+(?:clashed|conflicted|overlapped)\s+with\b
    |\b(?:dunno|don['’]t\s+know|not\s+sure|no\s+idea)\s+why\s+(?:people|everyone|everybody|folks|they|some)\s+
        (?:keep\s+|still\s+)?(?:say|saying|blame|blaming|think|point)
    |\bwithout\s+(?:her|him|\ue000+)\b[^.!?]{0,60}?\b(?:wouldn['’]t|would\s+not|couldn['’]t|could\s+not|would\s+never)\b
    |\bwent\s+(?:really\s+|so\s+|very\s+)?(?:smoothly|well|perfectly)\b(?![^.!?]{0,20}?\b(?:except|but|until
        |apart\s+from)\b)
    |\bfollowed\s+(?:the\s+|our\s+)?(?:checklist|runbook|process|procedure|playbook|instructions|steps|plan)\b
    # blame others lay, reported and then disputed: "people keep saying it was X's fault, but ..."
    |\b(?:people|everyone|everybody|they|some|others|folks|the\s+client|management)\s+(?:\w+\s+)?(?:say|says
        |saying|said|claim|claims|claimed|think|thinks|thought|assume|assumed|blame|blamed)\b[^.!?]{0,80}?\bbut\b
    # owning up is no blame: "owned up to her mistake in the retro, respect"
    |\b(?:owned\s+up\s+to|admitted(?:\s+to)?|apologi[sz]ed\s+for|took\s+responsibility\s+for|learned\s+from)\s+(?:his
        |her)\s+(?:own\s+)?(?:mistake|error|fault|slip)
    # the writer vindicates the act: "and she was right", "good call", "fair enough"
    |\b(?:(?:and\s+)?(?:he|she)\s+was\s+(?:right|correct)|(?:good|great|smart|right|wise|brave|fair)\s+(?:call|move
        |decision|choice|instinct)|fair\s+(?:enough|question|point)|long\s+overdue|(?:which|that|and\s+(?:it|that))
        \s+saved\s+us|as\s+(?:he|she)\s+should|it['’]s\s+healthy|which\s+we\s+(?:all\s+)?agreed|(?:it\s+)?went\s+fine)\b
    # a stated reason that is no fault: "missed the retro because she was at a conference"
    |\bbecause\s+(?:he|she|\ue000+)\s+(?:was|had\s+been)\s+(?:at|on|out|sick|ill|away|travelling|traveling|off|busy
        \s+with|covering|in\s+hospital|on\s+leave)\b
    |\bbecause\s+(?:nobody|no\s+one)\s+(?:had\s+)?(?:told|paged|invited|asked|gave|sent|informed|called|added
        |looped)\b
    |\b(?:skipped|missed)\s+(?:\w+\s+){1,3}?to\s+(?:handle|help|cover|deal\s+with|support|look\s+after)\b
    # junk removed is housekeeping: "dropped the unused indexes", "ignored the noise"
    |\b(?:dropped|deleted|killed|ditched|removed|scrapped|binned|nuked
        |wiped|cut|ignored|archived)(?![^.!?]{0,80}?\bbefore\s+(?:the\s+)?(?:new|replacement))\s+(?:all\s+)?
        (?:the\s+|our\s+|some\s+|those\s+|a\s+few\s+)?(?:[\w-]+\s+)?(?:unused|old|stale|obsolete|dead|legacy|zombie
        |duplicate|redundant|flaky|noisy|unnecessary|slides|noise|distractions?|busywork)\b
    # the writer puts the cause on a thing: "..., the notes were unclear"; or the person was left out
    |\b(?:the|our)\s+(?:[\w-]+\s+)?(?:notes|docs|documentation|spec|process|tool|runbook|template|instructions
        |ticket|requirements|alert|dashboard|contract|invite|email|message|brief|wording|request|question|spec)\s+(?:was
        |were|is|are)\s+(?:\w+\s+)?(?:unclear|wrong
        |missing|broken|outdated|out\s+of\s+date|confusing|misleading|ambiguous|buried|incomplete)\b
    |\b(?:wasn['’]t|was\s+not|weren['’]t)\s+(?:on\s+the\s+(?:invite|list|thread|channel|email)|in\s+the\s+loop|invited
        |told|informed|included|copied|cc['’]?d)\b
    |\bbecause\s+(?:his|her)\s+[\w-]+\s+(?:hadn['’]t|had\s+not|wasn['’]t|was\s+not|had\s+expired|expired
        |was\s+(?:cancelled|revoked|delayed|stuck))
    |\b(?:with|alongside)\s+(?:us|the\s+team|everyone)\s+(?:in|during|at)\s+(?:refinement|planning|the\s+\w+)
    |\bforgot\s+(?:his|her|my)\s+(?:charger|badge|lunch|umbrella|headphones|jacket|coat|mug|bag|wallet|glasses
        |water\s+bottle|laptop\s+charger|lanyard|pass|name\s+tag)
    |\b(?:broke|breaking)\s+(?:[\w-]+\s+){1,3}?down\s+into|\bblocked\s+off|\brushed\s+(?:\w+\s+){0,4}?to\s+help""",
    re.VERBOSE,
)


# What a person's act led to, said after "so" or "and now": "..., so every order was wrong".
_RESULT = re.compile(
    r"""\b(?:so|and\s+now|which\s+meant|meaning)\s+(?:[\w-]+\s+){0,4}?(?:was|were|got|went|is|are|had\s+to\s+be)
    \s+(?:all\s+|completely\s+|totally\s+)?(?:wrong|broken|lost|down|corrupted|redone|rolled\s+back|wasted
    |useless|unusable|late)\b
    |\b(?:and\s+now|so\s+now)\s+(?:nothing|none\s+of\s+it|no\s+one|nobody)\s+(?:works|can|could)
    |\b(?:and\s+now|so\s+now)\s+(?:we|everyone|the\s+team)(?:['’]re|\s+are|\s+is)?\s+(?:all\s+)?(?:surprised|stuck
        |paying|firefighting|scrambling|blocked|behind)
    |\band\s+(?:we|the\s+team|everyone|the\s+client|customers?)\s+(?:all\s+)?(?:paid|lost|had\s+to|spent|missed
        |ended\s+up|got\s+(?:charged|billed|paged)|were\s+(?:stuck|blocked|paged|down)
        |stayed\s+(?:down|offline|broken|blocked)|went\s+down|were\s+down)
    |\band\s+(?:broke|took\s+down|took\s+out|brought\s+down|killed|wiped|lost|missed|corrupted|deleted
        |overwrote|nuked|trashed|crashed)\b
    |(?:\band|[.!?])\s+(?:we|the\s+[\w-]+|nobody|no\s+one)\s+(?:couldn['’]t|could\s+not|can['’]t)\s+\w+
    |\band\s+(?:they|it)\s+(?:was|were)\s+(?:\w+\s+)?(?:way\s+off|wildly\s+off|wrong|useless|broken|nowhere\s+near)
    |\band\s+(?:the\s+)?(?:release|launch|deadline|sprint|date|milestone|project|demo)\s+(?:slipped|was\s+late
        |failed|was\s+missed|fell\s+over)""",
    re.VERBOSE,
)


_UNAWARE = re.compile(
    r"\s*(?:(?:didn['’]t|did\s+not|never)\s+(?:know|reali[sz]e|hear|see|get|have|receive|understand)"
    r"|(?:was|were)\s+(?:not|never)\s+(?:told|informed|asked))\b"
)


_RETRACTED = re.compile(
    r"\b(?:at\s+first|initially|turned\s+out|wrongly|unfairly|mistakenly|but\s+(?:it|that)\s+was(?:n['’]t|\s+not)?)\b"
)


# Blame others lay, reported: "people blame X for ... but ..."
_THEY_BLAME = re.compile(
    r"\b(?:people|everyone|everybody|they|some|others|folks|many|the\s+client|management)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


# Blame hinted at without a name: "not naming names but someone pushed to main again".
_INSINUATION = re.compile(
    r"""\b(?i:not\s+naming(?:\s+(?:any\s+)?names|\s+(?:him|her|anyone|anybody|who))?|naming\s+no\s+names|no\s+names\s+but|won['’]t\s+(?:say|name)\s+(?:who
    |names)|you\s+know\s+who\s+you\s+are|not\s+pointing\s+fingers\s+but|i['’]m\s+looking\s+at\s+you)\b""",
    re.VERBOSE,
)


_RELATIVE = re.compile(r"\b(?:that|which|who)\b")
# A failing inside a question the person asks or answers is not theirs: "X joined the call
# to explain why the reports were late", "X asked how the key leaked".
_WH_REPORT = re.compile(
    r"""\b(?:explain|explained|explaining|ask|asked|asking|wonder|wondered|wondering|find\s+out|found\s+out
    |figure\s+out|figured\s+out|understand|understood|show|showed|shown|walk(?:ed)?\s+us\s+through|tell|told\s+us)
    \s+(?:\w+\s+){0,2}?(?:why|how|what|whether)\b(?P<clause>[^,;]*)$""",
    re.IGNORECASE | re.VERBOSE,
)


def _subject_blame(shadow: str) -> list[tuple[int, int]]:
    """Spans where a single person is the subject and the rest of the clause is about
    their failure (not a list of fixed sentences: any subject, any failing verb)."""
    spans: list[tuple[int, int]] = []
    for sent in _SENTENCE.finditer(shadow):
        text = sent.group()
        if _PRAISE.search(text) or _JUSTIFIED.search(text):
            continue
        for m in _SUBJECT.finditer(text):
            rest = text[m.end() : m.end() + _WINDOW]  # bounded: linear on long inputs
            after = rest
            rest = _NEXT_CLAUSE.split(rest, maxsplit=1)[0]  # "..., so the mockups came late"
            if rest[:2] in ("'s", "’s"):
                rest = (" has" if rest[2:].lstrip().startswith("been") else " is") + rest[
                    2:
                ]  # "He's useless"
            words = rest.split()[:_PREDICATE_WORDS]
            predicate = " ".join(words)
            if m.group("subj").lower() == "whoever":
                predicate = " ".join(rest.split()[: _PREDICATE_WORDS + 8])
            if rest[:1].isalpha():  # "Anabel" is not "Ana" + "bel"
                continue
            if rest.lstrip().startswith(")") and not (
                rest.lstrip().startswith("):") or _AFTER_BRACKET_VERB.match(rest)
            ):
                continue  # "the day (Arjun) and night (Mei) shifts dropped ...": a name in brackets
            # names a noun; "on-call (Marit) slept through ..." is an apposition and counts
            if rest.lstrip().startswith(":") and _OWN_SUBJECT.match(rest.lstrip()[1:].lstrip()):
                continue  # "X: add an alert ...", "X: the map was confusing": a speaker's note
            if m.group("subj") in ("I", "i") and _OPINION.match(rest) and not _ONE_WHO.match(rest):
                if not (_SELF_STATE.match(rest) or _CONSEQUENCE.search(after)):
                    continue  # "I'm not sure this should have ...", "I think the PM ..."
            cleft = _ONE_WHO.match(rest)
            if cleft and _cleft_clears(rest[cleft.end() :]):
                continue  # "X was the one who noticed ...": credit; "... who had to clean up": not theirs
            if m.group("subj") in ("I", "i") and _PUZZLED.match(rest):
                continue  # "I still don't get why it stalled": a question, not a confession
            if _PLANNED.match(rest):
                continue  # "X will investigate why the job failed": an action item
            before = text[max(0, m.start("subj") - 40) : m.start("subj")]
            if (
                _ACTION_ITEM.match(rest)
                and not _TO_WHOM.search(before)
                and not _MOCK_ITEM.search(after)
                and not _SLIP.search(after.split(".")[0])
                and not _FAILING.search(after.split(".")[0].split(",")[0])
            ):
                continue  # "Iman to book the room for the next retro"
            if _QUOTED_BY.search(before) and _SAID.match(rest):
                continue  # "as X said in standup: '...'": the writer quotes and agrees
            away = _AWAY_SO.search(before)
            if away and away.group("who").lower() == m.group("subj").lower():
                continue  # "I was sick that week so I missed the decisions": an absence explained
            if _JOINT.search(before):
                continue  # "X and the support lead ran ...": two people, not one individual
            if _REPORTING.match(rest):
                continue  # "X had no idea the job was disabled": the failure is not theirs
            if _DONE_TO.match(rest):
                continue  # "X was paged for an outage ...": something happened to them
            hit = _FAILING.search(predicate) or _CONSEQUENCE.search(after)
            if (
                hit is not None
                and _GOOD_ACT.match(rest)
                and _RELATIVE.search(predicate, 0, max(0, hit.start()))
            ):
                hit = (
                    None  # "caught an invoice for work that was never delivered": not their failure
                )
            if hit is not None and hit.re is _FAILING:
                wh = _WH_REPORT.search(predicate, 0, hit.start())
                if wh and not re.search(r"\b(?:and|but|then)\b", wh.group("clause")):
                    hit = None  # "X joined the call to explain why the reports were late"
            acted = len(words) > 1 and not (
                _STATE.match(rest) or _GOOD_ACT.match(rest) or _UNAWARE.match(rest)
            )
            if hit is None and acted:  # an act with an object, then what it led to
                hit = _RESULT.search(after[:160])
            if hit is None and m.group("subj") in ("I", "i"):
                hit = _SELF_STATE.match(rest)  # "I was way too slow to escalate"
            if hit is None and m.group("subj") not in ("I", "i"):
                hit = _THIRD_PERSON.search(predicate)
            if hit is None:
                continue
            start = sent.start() + m.start("subj")
            spans.append((start, sent.start() + len(text.rstrip(".!? "))))
            break
    return spans


# "If X hadn't noticed the disk filling up, it would have been much worse": X did
# something that helped. Only a harmful act undone ("if X hadn't pushed ...") is blame.
_GOOD_IF_NOT = re.compile(
    rf"""had(?:n['’]t|\s+not)\s+(?!{_HARMFUL_ACT})\w+
    |{_HAD_X_NOT}\s+(?!{_HARMFUL_ACT})\w+
    |\b(?:worse|longer|a\s+disaster|lost\s+everything|much\s+more)\b""",
    re.VERBOSE,
)
# A counterfactual that names the good outcome first ("we'd have caught it if X hadn't
# ..."): its own pattern has checked the outcome, so no credit guard applies.
_OUTCOME_FIRST = re.compile(r"(?i)(?:\w+['’]d|would|could|might)\b")
# What befalls a person, not what they do, in the one or two words after the owner: "X's
# illness", "her leaving party" (not "X's push during the holiday freeze").
_CIRCUMSTANCE = re.compile(rf"(?i)\S+['’]s\s+(?:[\w-]+\s+)?{_MISFORTUNE}\b", re.VERBOSE)
_CLAUSE_END = re.compile(r"[.!?;\n]")
_MAX_PHRASE = 120


# A sentence that opens with an unknown capitalised word and then speaks of "he"/"she":
# "Olusegun doesn't know what he's doing" (the word is in no dictionary and no gazetteer).
_OPENING_WORD = re.compile(r"(?:^|(?<=[.!?\n]))\s*([A-Z][a-z]+(?:-[A-Za-z]+)?)\b(?!['’]s)[^.!?\n]*")
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|himself|herself)\b", re.IGNORECASE)


def _unknown_names(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _OPENING_WORD.finditer(text):
        word = m.group(1)
        if _PRONOUN.search(m.group()) and _key(word) not in _WORDS and _key(word) not in _NOT_NAMES:
            spans.append(m.span(1))
    return spans


# Informal spelling, written the same way whoever writes it: contractions without the
# apostrophe ("didnt", "wouldnt", "cant"), "should of", a lower-case "i", curly quotes.
_INFORMAL = re.compile(
    r"""\b(?:(?P<neg>(?:did|does|do|was|were|is|are|has|have|had|would|could|should|must|ai)n)t
    |(?P<can>ca)nt|(?P<wo>wo)nt(?=\s+(?:be|have|happen|work|do|help|go|listen|answer|reply|stop)\b)
    |(?P<modal>should|would|could|must|might)\s+of\b|(?P<im>im)(?=\s+(?:not|so|sorry|the|to|a)\b)
    |(?P<ive>ive)(?=\s+\w+(?:ed|en)\b))\b
    |(?<![\w.'’-])(?P<i>i)(?=\s|['’])|(?P<curly>’)
    |(?<![\w/])(?:(?P<without>w/o|w/out)|(?P<because>b/c))(?![\w/])
    |(?<=[^\W\d_]\s)(?P<item>\(?(?:[2-9]|[1-9]\d)\))(?=\s+[^\W\d_])""",
    re.VERBOSE | re.IGNORECASE,
)


def _informal_repl(m: re.Match[str]) -> str:
    word = m.group()
    if m.group("neg"):
        return word[:-1] + "'" + word[-1]
    if m.group("can"):
        return word[:2] + "n't"
    if m.group("wo"):
        return word[:2] + "n't"
    if m.group("modal"):
        return m.group("modal") + " have"
    if m.group("im"):
        return "I'm"
    if m.group("ive"):
        return "I've"
    if m.group("i"):
        return "I"
    if m.group("without"):
        return "without"
    if m.group("because"):
        return "because"
    if m.group("item"):
        # "... down a lot 2) Kelsey deleted ...": a new item of a numbered list, when the
        # item before it is there ("(on-call for week 2)" is no item)
        number = int(m.group("item").strip("()"))
        return ";" if f"{number - 1})" in m.string[: m.start()] else word
    return "'"


def _normalise(text: str) -> tuple[str, list[int]]:
    """`text` with informal spelling made regular, and for each of its characters (plus
    one past the end) the offset in `text` it came from, so spans map back."""
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _INFORMAL.finditer(text):
        pieces.append(text[pos : m.start()])
        offsets.extend(range(pos, m.start()))
        rep = _informal_repl(m)
        pieces.append(rep)
        width = m.end() - m.start()
        offsets.extend(m.start() + min(i, width - 1) for i in range(len(rep)))
        pos = m.end()
    pieces.append(text[pos:])
    offsets.extend(range(pos, len(text) + 1))
    return "".join(pieces), offsets


# People written without a name: an @handle, a user_name handle, initials ("JG", "J.G.")
# that are no common acronym, and a capitalised word at the start of a clause that is in
# no dictionary and no list of tools or places ("Olumide rewrote ...").
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z][\w.-]*[A-Za-z0-9]|\b[a-z]+_[a-z]+\d*\b(?=\s+[a-z])")
_ACRONYMS = frozenset(
    """AI AM BA BE CD CI CS CV DB DM EM EU FE FYI GA HR HW ID IP IT JS MC MD ML NB OK OS PA PC PM
    PO PR PS QA QE RC SW TS TV UI UK US UX VP""".split()
)
_INITIALS = re.compile(r"\b(?:[A-Z]\.\s?[A-Z]\.|[A-Z]{2}\b|(?<![.!?]\s)[B-HJ-Z]\.)(?=\s+[a-z])")
_CLAUSE_WORD = re.compile(
    r"""(?:^|(?<=[.!?\n;:,(])|(?<=\s[-\u2013\u2014])|\b(?:because|and|but|so|when|after|then|bc|cos)\b)
    \s*([A-Z][a-z]{2,}(?:-[A-Z]?[a-z]+)?)(?=(?:['’]s)?\s+[a-z])""",
    re.VERBOSE,
)


@functools.lru_cache(maxsize=4096)
def _word_like(key: str) -> bool:
    """True for an inflected or compound ordinary word ("hotfixes", "runbooks")."""
    if key in _WORDS or key in _NOT_NAMES or key.split("-")[0] in _WORDS:
        return True
    if any(
        key.endswith(suf) and key[: -len(suf)] in _WORDS
        for suf in ("s", "es", "ed", "ing", "er", "ers", "ly")
    ):
        return True
    if len(key) > 7 and key.endswith(_ABSTRACT_ENDINGS):
        return True  # "Misconfiguration", "Observability": nouns no dictionary listed
    stem = key[:-2] if key.endswith("es") else key[:-1] if key.endswith("s") else key
    return any(stem[:i] in _COMMON and stem[i:] in _COMMON for i in range(3, len(stem) - 2))


# Endings of abstract nouns that names (unknown to the gazetteers) do not have.
_ABSTRACT_ENDINGS = (
    "tion",
    "tions",
    "sion",
    "sions",
    "ment",
    "ments",
    "ness",
    "ity",
    "ities",
    "ism",
    "ology",
    "ing",
)


# Anywhere in a sentence, a capitalised word in no dictionary ("thanks a lot Florin for").
_CAPITALISED = re.compile(
    r"(?<=[a-z,] )([A-Z][a-z]{2,}(?:-[A-Z]?[a-z]+)?)(?=(?:['’]s)?[\s,.!?;:]|$)"
)
# "like Vendorly's service went down": what an organisation runs, not what a person owns
# (not "X's platform rewrite": there the person owns the work).
_ORG_OWNED = re.compile(
    r"['’]s\s+(?i:services?|apis?|platform|sdk|cloud|infrastructure|status\s+page|servers|cdn"
    r"|backend)(?=\s*(?:[.,;:!?)]|$)|\s+(?:went|was|is|were|had|has|going|goes|returned|started"
    r"|stopped|kept|broke|failed|for|in|on|to|and|without|that|which)\b)"
)
# A given name written in lower case at the start of a clause: "honestly rosalind just ...".
_LOWER_NAME = re.compile(
    r"""(?:^|(?<=[.!?\n;:,(-])|\b(?:honestly|because|bc|and|but|so|then|apparently|basically|again
    |seriously|also|plus)\b)\s*([a-z]{3,})(?=\s+(?:just|never|always|again|also|really|totally|didn't
    |did|kept|keeps|is|was|has|had|[a-z]+ed)\b)""",
    re.VERBOSE,
)


def _unnamed_people(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _HANDLE.finditer(text)]
    for m in _LOWER_NAME.finditer(text):
        word = m.group(1)
        if (word in _GIVEN or word in _FIRST) and word not in _COMMON and word not in _NOT_NAMES:
            spans.append(m.span(1))
    for m in _CAPITALISED.finditer(text):
        if not _word_like(_key(m.group(1))) and not _ORG_OWNED.match(text, m.end(1)):
            spans.append(m.span(1))
    spans += [m.span() for m in _INITIALS.finditer(text) if m.group() not in _ACRONYMS]
    for m in _CLAUSE_WORD.finditer(text):
        key = _key(m.group(1))
        if _ORG_OWNED.match(text, m.end(1)):
            continue
        if not _word_like(key):
            spans.append(m.span(1))
        elif _rare_name_like(key) and (
            _PAST_VERB.match(text, m.end(1)) or text.startswith(("'s ", "’s "), m.end(1))
        ):
            spans.append(m.span(1))  # "Rafferty vetoed ...": a rare word acting like a person
    return spans


# A word in a name gazetteer and in the dictionary but rare (a surname such as "Rafferty"),
# that is no team, tool or noun by its ending, and does something in the past tense,
# stands for a person.
_PAST_VERB = re.compile(
    r"""(?:\s*,\s*[^,.;!?\n]{1,30},)?\s+(?:(?:basically|just|again|also|then|never|always|totally|completely)\s+)?(?:[a-z]+ed|ran|broke|forgot|took
    |left|sent|wrote|made|gave|put|shut|told|went|kept|lost|hid|sat|let|set|cut|threw|drove|sold|spent|quit|stole
    |blew|keeps|refuses|didn['’]t|won['’]t|never)\b""",
    re.VERBOSE,
)
_NOUN_ENDINGS = (
    "ing",
    "tion",
    "sion",
    "ment",
    "ness",
    "ity",
    "ics",
    "ance",
    "ence",
    "ship",
    "ism",
    "ware",
)


def _rare_name_like(key: str) -> bool:
    return (
        key in _ANY_NAME_RAW
        and key not in _COMMON
        and key not in _NOT_NAMES
        and not key.endswith(_NOUN_ENDINGS)
        and not key.endswith("s")
    )


def _mask_people(text: str) -> str:
    """Replace each personal name (and `[name]`) with mask chars of equal length."""
    chars = list(text)
    spans = list(name_spans(text)) + [m.span() for m in _PLACEHOLDER.finditer(text)]
    spans += _unknown_names(text) + _unnamed_people(text)
    for start, end in spans:
        if text[start:end] in _NOT_A_PERSON:
            continue  # "was MIA": absent, not a Mia
        chars[start:end] = _MASK * (end - start)
    return "".join(chars)


_NOT_A_PERSON = frozenset({"MIA", "AWOL"})


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend a match to the end of its clause, so the phrase reads on its own."""
    stop = _CLAUSE_END.search(text, end, end + _MAX_PHRASE)
    limit = stop.start() if stop else len(text)
    return start, min(max(end, limit), start + _MAX_PHRASE, len(text))


_LEAD_WORDS = frozenset(
    """and but because since as when after before until so then while once plus cause cos
    coz that honestly apparently also again clearly basically just really sadly frankly
    unfortunately obviously naturally""".split()
)


# "Great job X, loved how you pushed to prod /s": the sarcasm tag turns praise of one
# person into blame.
_SARCASM_MARK = re.compile(rf"(?:{_RUN}|{_ROLE})[^\n]{{0,200}}?\s/s\b")
# Phrases that open a clause the way a conjunction does; the person after them is its subject.
_OPENING_PHRASE = re.compile(
    r"(?i)\b(?:(?:it\s+)?(?:turns?|turned)\s+out(?:\s+that)?|of\s+course|surprise,?\s+surprise"
    r"|guess\s+what|no\s+surprise(?:\s+but)?|not\s+to\s+point\s+fingers,?\s+but"
    # a verb of knowing opens the clause whose subject follows: "none of us knew X had ..."
    r"|(?:knew|know|found\s+out|find\s+out|realised|realized|noticed|discovered|learned|learnt)"
    r"(?:\s+that)?)\s*$"
)


def _object_position(shadow: str, start: int) -> bool:
    """True when the words before `start` make the person an object, not the subject."""
    before = shadow[max(0, start - 40) : start]
    before = re.split(r"[.!?;:\n(\u2013\u2014]", before)[-1]
    if before.rstrip().endswith(","):
        return False  # "Let's be honest, X just didn't ...": a new clause starts
    if _OPENING_PHRASE.search(before):
        return False  # "Turns out X never confirmed ...": the phrase opens X's clause
    words = re.findall(r"[A-Za-z']+", before)
    return bool(words) and words[-1].islower() and words[-1] not in _LEAD_WORDS


_REQUEST = re.compile(r"\b(?:please|pls|can\s+you|could\s+you)\b", re.IGNORECASE)
# "Was the outage caused by ...?" asks; it does not accuse.
_YES_NO = re.compile(
    r"\s*(?i:was|were|is|are|did|does|do|has|have|had|could|can|would|will)\b[^.!]*\?\s*$"
)


def _asks(sentence: str) -> bool:
    """A yes/no question that asks ("Was X on call?"), not one that accuses ("Did X even
    test it?", "Can someone explain why X thought that was fine??", "Was anyone surprised
    when X missed it again?")."""
    return bool(_YES_NO.match(sentence)) and not (
        re.search(
            r"(?i)\beven\b|\bexplain\b[^?]{0,20}\bwhy\b"
            r"|\b(?:anyone|anybody|everyone)\s+(?:really\s+|actually\s+)?(?:surprised|shocked)\b",
            sentence,
        )
        or _FRUSTRATION.search(sentence)
    )


def _sentence_and_offset(text: str, pos: int) -> tuple[str, int]:
    """The sentence of `text` that contains offset `pos`, with its end punctuation, and
    where `pos` falls in it."""
    lo, hi = max(0, pos - _WINDOW), min(len(text), pos + _WINDOW)  # bounded: linear
    start = max(text.rfind(c, lo, pos) for c in ".!?\n") + 1 or lo
    ends = [i for i in (text.find(c, pos, hi) for c in ".!?\n") if i != -1]
    return text[start : min(ends) + 1 if ends else hi], pos - start


def _sentence_at(text: str, pos: int) -> str:
    """The sentence of `text` that contains offset `pos`, with its end punctuation."""
    return _sentence_and_offset(text, pos)[0]


# A cheap word each pattern cannot match without; a text lacking it skips the pattern.
_CUES = {
    _SCARE_QUOTED_WORK: re.compile(r"(?:^|[\s(])['‘\"“]\w"),
    _SCARE_QUOTED_ACT: re.compile(r"(?:^|[\s(])['‘\"“]\w"),
    _JUDGEMENT: re.compile(r"(?i)should|problem|issue|bottleneck|reason"),
    _POSSESSIVE_FAULT: re.compile(
        r"(?i)fault|mistake|screw|cock|blunder|bad|doing|call|neglig|careless|incompet|lazi|oversight|lack"
    ),
    _BROKEN_PROMISE: re.compile(r"(?i)promis|swore|guarantee|committed|assured|said|told"),
    _CLAIM_DENIED: re.compile(r"(?i)said|claimed|swore|insisted|confirmed|assured|told|promised"),
    _LIE: re.compile(r"(?i)said|claimed|swore|insisted|told"),
    _WHO_LETS: re.compile(r"(?i)\b(?:who|why)\b"),
    _WISH: re.compile(r"(?i)wish|if\s+only"),
    _SAT_WITH: re.compile(
        r"(?i)\b(?:sat|sits|sitting|stuck|languished|rotted|parked|waited|waiting|idled)\b"
    ),
    _TROUBLE_IS: re.compile(r"[=:\u2192]|->"),
    _TO_BLAME: re.compile(r"(?i)blame"),
    _FAULT_WITH: re.compile(r"(?i)fault|blame"),
    _DUTY_UNDONE: re.compile(
        r"(?i)job|task|responsib|supposed|meant|expected|asked|instructed|told|reminded|charge|hook|point"
    ),
    _COUNTERFACTUAL: re.compile(r"(?i)\b(?:if|had)\b"),
    _TRACED: re.compile(
        r"(?i)trac|came|come|call|decision|move|judg|leadership|management|planning"
        r"|communication|work|choice|cause|reason|culprit|who\s+did|problem|issue|bottleneck|weak"
        r"|wrong"
    ),
    _DOWN_TO: re.compile(r"(?i)down\s+to|caused\s+by|triggered\s+by|fault\s+of"),
    _FAULT_BY: re.compile(r"(?i)\b(?:by|from|part)\b"),
    _PASSIVE_AGENT: re.compile(r"(?i)\bby\b"),
    _TROUBLE_WHEN: re.compile(r"(?i)\b(?:when|because|after|once|moment|minute|soon)\b"),
}
_CUE_BY_ID = {id(pattern): cue for pattern, cue in _CUES.items()}


_READER = _blame_model.load_reader()
_PERSON_WORD = re.compile(
    r"\b(?:[Hh]e|[Ss]he|him|her|his|I|my|me|myself|(?i:whoever|someone|somebody))\b"
)
# The writer alone ("the vendors were pushy with me all day"): enough for a sentence that
# names a failing ("I forgot the rota", "I approved it without really reading it"), not for
# one judged on the person alone ("I travelled all night, sorry if I was grumpy").
_WRITER_WORDS = frozenset({"I", "me", "my", "myself"})
# A step refused without another is caution, not a step skipped: "did not feel confident to
# re-deploy without speaking to the lead", "X never merges without a review".
_CAUTION = re.compile(
    r"""(?i)(?<!['‘"“])\b(?:never(?:,?\s+ever,?)?|(?:would|will|did|does|do|was|were|is|are)\s+not
    |(?:wouldn|won|didn|doesn|don|wasn|weren|isn|aren)['’]t|refused\s+to)\b
    (?!\s+(?:just|simply|even|stop|quit|wait|care|bother)\b)
    (?:(?!\b(?:and|but|then|so|yet|instead)\b)[^.!?;,\n]){0,60}?\bwithout\s+(?:[\w'’-]+\s+){0,3}?
    (?:ask|check|double-check|review|test|approv|sign|confirm|tell|consult|speak|talk|back|read|look|run|second)\w*""",
    re.VERBOSE,
)
# For the gate, a role opening a sentence without an article: "warehouse lead on B shift
# let the new hires ...", "ops lead once again ignored ...".
_BARE_ROLE_OPENING = re.compile(
    rf"""\s*(?:[-*\u2022]+\s*)?(?:(?!(?i:the|our|their|your|a|an|we|i|it|no|every|each|any|into|to|onto|from|on|in|off
        |of|with|at|for|by)\b)[A-Za-z]+\s+){{0,2}}?
    (?!(?i:master|main)\b){_ROLE_WORDS}\b(?!\s+{_ROLE_THING})""",
    _FLAGS,
)
# For the gate, a single role counts in any position, also as an owner ("the platform
# architect's decision", "one reviewer"): `_ROLE` itself leaves possessives out, because
# its rules read the role as a subject.
_ROLE_MENTION = re.compile(
    rf"""\b(?i:the|our|their|your|that|this|my|his|her|one|a\s+certain)\s+(?:[\w'’-]+\s+){{0,2}}?
    {_ROLE_WORDS}(?:['’]s)?\b(?!\s+{_ROLE_THING})""",
    _FLAGS,
)
_ROLE_ANYWHERE = re.compile(_ROLE, _FLAGS)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+")


def _careful(shadow: str, start: int, end: int) -> bool:
    """Whether the phrase ``shadow[start:end]`` holds a step refused without another
    (`_CAUTION`) and no failing outside it ("X never merges without a review" but not
    "..., but yesterday she pushed straight to prod with no review")."""
    phrase = shadow[start:end]
    return bool(_CAUTION.search(phrase)) and not (
        _names_failing(_FAILING, phrase) or _CONSEQUENCE.search(phrase)
    )


def _names_failing(pattern: re.Pattern[str], shadow: str) -> bool:
    """Whether `pattern` finds a failing in `shadow` outside a step refused without another
    (`_CAUTION`: "would not restart it without checking with the lead")."""
    careful = [m.span() for m in _CAUTION.finditer(shadow)]
    return any(
        not any(start <= m.start() and m.end() <= end for start, end in careful)
        for m in pattern.finditer(shadow)
    )


# The writer's exasperation or a fault framed without a failing word, in a sentence or
# the aside right after it: a repeat ("yet again", "... Again."), an aside ("come on",
# "genuinely asking", an eye-roll), the cause named ("that's the root cause"), a step
# bypassed ("bypassing validation"), knowing it ("knew it wasn't ready"), and the
# pre-emptive denial that blames ("not to point fingers, but"). A person named there is
# judged at the reader's lower bar (`blame_model.threshold_for`), not read as blame by
# itself. (Not "as usual", "courtesy of", "skipping", "again?" or "??": a review found
# them beside thanks, requests and plain absences.)
_FRUSTRATION = re.compile(
    r"""(?i)\b(?:(?:yet|once)\s+again\b|again\s*\.|come\s+on\b|genuinely\s+asking\b|seriously\s*[?!]
    |not\s+to\s+point\s+(?:any\s+)?fingers\b|pointing\s+fingers\b|bypassing\b|circumventing\b
    |contributing\s+factor\b|disabl(?:e|ing)\s+(?:the|all|every)\b
    |thanks\s+for\s+that\s*(?:\.|$)|\boh\s+right\b|^\s*turns\s+out\b|\bwhy\s*\?\?|\bbig\s+surprise\b|\bask\s+\ue000+\s+why\b
    |\bwho\s+thought\b[^.?!]{0,80}\bgood\s+idea\b
    |\bdid\s+(?:[\w\ue000]+\s+){1,3}even\s+(?:open|read|look|test|check|try|run|bother|glance)\b|(?:like|as)\s+(?:he|she)\s+always\s+(?:does|did)\b
    |chose\s+to\s+(?:skip|ignore|disable|bypass|not)\b
    |knew\s+(?:it|they|that)\s+(?:wasn['’]t|weren['’]t|was\s+not|were\s+not)\b|smh\b|ffs\b|ugh\b
    |that(?:['’]s|\s+is|\s+was)\s+(?:the\s+whole\s+story|it,\s+that['’]s|the\s+root\s+cause)\b)
    |[\U0001F644\U0001F926]""",
    re.VERBOSE,
)


def _read(shadow: str, framed: bool = False) -> tuple[str, bool, bool]:
    """A masked text as the learned reader reads it ("person" for each person, lower
    case), whether it names a person, and whether it names a failing or a bad outcome
    (always when `framed`: exasperation in it or the aside after it, `_FRUSTRATION`)."""
    slip = _names_failing(_SLIP, shadow) and _HANDED.search(shadow) is None
    fault = _names_failing(_FAILING, shadow) or bool(_CONSEQUENCE.search(shadow)) or slip
    fault = fault or framed or _went_wrong(_without_good_outcomes(shadow))  # not "without issues"
    person_words = {m.group(0) for m in _PERSON_WORD.finditer(shadow)}
    if not fault and not _SELF_AGENT.search(shadow):
        person_words -= _WRITER_WORDS
    person = (
        _MASK in shadow
        or bool(person_words)
        or bool(_ROLE_ANYWHERE.search(shadow))
        or bool(_ROLE_MENTION.search(shadow))
        or bool(_BARE_ROLE_OPENING.match(shadow))
        or bool(_BARE_ROLE_SUBJECT.search(shadow))
    )
    return re.sub(_MASK + "+", " person ", shadow).lower(), person, fault


# The writer named as the one who acted ("I was the one who insisted ...", "it was me who
# unplugged it"): a person for the reader's gate even without a failing word, as a name
# would be.
_SELF_AGENT = re.compile(
    r"""(?i)\b(?:i\s+(?:was|am)|i['’]m)\s+(?:also\s+)?the\s+(?:one|person)\s+(?:who|that)\b
    |\b(?:it|that)\s+was\s+(?:me|i)\s+(?:who|that)\b""",
    re.VERBOSE,
)


# A person handed the slip by someone else: "X was sent the uncorrected proofs".
_HANDED = re.compile(
    r"\ue000+\s+(?:was|were|got|had\s+been)\s+(?:sent|given|handed|shown|emailed|passed|forwarded)\b"
)
# Slips the learned reader may weigh at its lower bar, though no rule reads them as blame
# alone: work left undone ("uploaded the uncorrected proof", "left the hatch unlatched"),
# steps skipped ("cleared the alarm without inspection"), a wrong result, a whim.
_SLIP = re.compile(
    rf"""(?i)\bun(?:checked|tested|reviewed|approved|corrected|redacted|latched|locked|patched|signed
    |encrypted|attended|supervised|calibrated|labell?ed|verified|validated|documented|announced
    |authori[sz]ed|secured|fastened|sealed|proofed|edited)\b
    |\bwithout\s+(?:even\s+)?(?:any\s+|a\s+(?:single\s+)?|an\s+|one\s+)?(?:[\w-]+\s+)?(?:check|checking|inspection|inspecting|testing|tests?
    |review|reviewer|reviewing|approval|asking|telling|phoning|calling|consulting|reading|backup
    |back-up|sign-?off|handover|hand-?off|notice|warning|documentation|docs)\b
    |\bto\s+\ue000+\s+(?:went|go|goes|sat)\s+(?:\w+\s+)?unanswered\b|\bagainst\s+(?:the\s+|all\s+|everyone['’]s\s+)?(?:advice
    |warnings?|objections?|recommendations?)\b
    |\b(?:wrong|wrongly|incorrect|incorrectly|mistakenly)\b|\bby\s+mistake\b|\bon\s+a\s+whim\b
    |\b(?:wrote|with|left|shipped|delivered)\s+(?:zero|no)\s+(?:tests|docs|documentation|comments|handover\s+notes?)\b
    |\bzero\s+(?:docs|documentation|tests|handover)\b|\b(?:was|were)\s+supposed\s+to\b
    |\b(?:had|has|have)\s+never\s+been\s+(?:tested|checked|reviewed|verified)\b
    |\btwisted\b
    |{_LATE_TO_TELL}|\b(?:in\s+the\s+middle\s+of|halfway\s+through|during)\s+{_CRITICAL_EVENT}
    |\b(?:three|four|five|six|several|multiple)\s+times\b""",
    re.VERBOSE,
)


def reading(text: str) -> tuple[str, bool, bool]:
    """`text` as the learned reader (`analysis.blame_model`) reads it: people masked as
    "person", informal spelling normalised, lower case; then whether it names a person
    and whether it names a failing or a bad consequence."""
    return _read(_mask_people(_normalise(text)[0]))


_SARCASM_SIGN = re.compile(
    r"[\U0001F643\U0001F644\U0001F926]|(?:^|\s)/s\b|\bcool\s+cool\b|\breally\s+appreciate\s+it\b"
    r"|\b(?:great|nice|good)\s+(?:job|work)\b[^.!?]{0,30}?,\s*really\b|\bwas\s+inspired\s*[.!]"
    r"|\btruly\s+inspired\b|\bwhat\s+could\s+(?:possibly\s+)?go\s+wrong\b|\blove\s+that\s+for\s+us\b"
    # thanks for a bad outcome, praise of a misreading: "thanks for the weekend of incident
    # calls", "X's creative interpretation of 'freeze'", "really great. 👏"
    r"|\bthanks?\s+(?:you\s+)?for\s+the\s+(?:whole\s+|entire\s+)?(?:weekend|night|evening|week|month)s?\s+of\s+"
    r"(?:incidents?|incident\s+calls|firefighting|fire-fighting|pages|paging|rework|hotfixes|rollbacks|outages?|cleanup|clean-up)\b"
    r"|\bcreative\s+(?:interpretation|reading|take)\s+(?:of|on)\b|\breally\s+(?:great|smooth|helpful)[.!]+\s*\U0001F44F"
    # praise of two words closing an answer that thanked someone: "... Really stellar.",
    # "... Super helpful." (the reader still needs a failing in the thanked sentence)
    r"|^(?=.*\b(?:thanks?|thank\s+you|great\s+job|well\s+done|nice\s+work|good\s+job)\b)"
    r".*[.!?]\s+(?:really|super|truly|just|so|very)\s+(?:stellar|helpful|brilliant|great"
    r"|amazing|fantastic|wonderful|impressive|useful|professional|inspired|smooth)\s*[.!]*\s*$",
    re.IGNORECASE,
)


# "It was X who ...", "I was the one who ...": what follows says whether it is credit or
# someone else's work left to them.
_CREDIT_CLEFT = re.compile(
    r"(?i)\b(?:(?:it|that)\s+was\s+(?:\ue000+|[\w-]+(?:\s+[\w-]+)?)"
    r"|(?:was|is|am|['’]m)\s+the\s+(?:one|person|only\s+one))\s+(?:who|that)\b"
)
# "Ask X why the cache is fast": a pointer to who knows, unless the question is about harm.
_POINTER = re.compile(
    r"(?i)\bask\s+(?:\ue000+|him|her|(?:the|our)\s+\w+)\s+(?:why|how|what|about)\b(?P<q>[^.!?\n]*)"
)


_FINE_STATE = re.compile(
    r"""(?i)\b(?:works?|worked|fast|faster|quick|quicker|good|well|smooth|smoothly|better|clean|cheap
    |like\s+(?:this|that)|set\s+up|designed|configured|chosen|picked|structured)\b""",
    re.VERBOSE,
)


def _harmless_pointer(sentence: str) -> bool:
    """Whether the sentence sends the reader to someone about something that works
    (`_POINTER` with `_FINE_STATE`, no harm): "Ask X why the cache is so fast"."""
    m = _POINTER.search(sentence)
    return (
        bool(m)
        and bool(_FINE_STATE.search(m.group("q")))
        and not (_ASKED_ABOUT_HARM.search(m.group("q")) or _went_wrong(m.group("q")))
    )


# "helpful to whoever ...": someone served, not blamed.
_HELPED_WHOEVER = re.compile(
    r"(?i)\b(?:helpful|useful|grateful|thanks|credit|kudos|handy|available|open|valuable)\s+to\s+$"
)
# Credit by the harm avoided: "Without her we'd have published wrong splits."
_WITHOUT_THEM = re.compile(
    r"(?i)\bwithout\s+(?:him|her|them|\ue000+|(?:the|our)\s+\w+)\s*,?\s+(?:we|it|the\s+\w+|everything|this)"
    r"\s*(?:['’]d|would|could|might)(?:\s+have|['’]ve|\s+never)?\b"
)
# A wish, not a fault: "it would have been great if X could join", "we'd have loved it if".
_WISHED = re.compile(
    rf"""(?i)\b(?:would|could|might|['’]d)(?:\s+have|['’]ve)\s+(?:(?:it\s+)?{_WISHED_OUTCOME}
    |been\s+(?:great|nice|good|lovely|cool|helpful|amazing|fun|awesome|brilliant)\s+if\s+[^.!?;]{{1,40}}?
        \b{_AVAILABLE})""",
    re.VERBOSE,
)


def _cleft_clears(after: str) -> bool:
    """What follows "X was the one who" / "it was X who" clears X: a good act ("fixed it"),
    or work left to X with nobody else named ("had to clean up the mess"; "... clean up
    Y's mess" blames Y)."""
    return bool(_GOOD_ACT.match(after)) or bool(_LEFT_WITH.match(after) and not _read(after)[1])


def _excused(sentence: str) -> bool:
    """What the rules already read as no blame: praise (also a failing denied as a habit,
    "never misses a standup", or credit, "the idea came from X"), a justification, a
    defence, a good outcome or a benign reason in the sentence; never a sentence with a
    sign of sarcasm ("great job to our PM for promising ... 🙃")."""
    if _SARCASM_SIGN.search(sentence):
        return False  # "great job to our PM for promising 2-hour delivery 🙃": praise inverted
    credit = _CREDIT_CLEFT.search(sentence)
    return bool(
        # "It was X who fixed it.", "I was the one who had to clean up the mess."
        (credit and _cleft_clears(sentence[credit.end() :]))
        or _WITHOUT_THEM.search(sentence)
        or _harmless_pointer(sentence)
        or _WISHED.search(sentence)
        or _reports_or_plans(sentence)
        or _PRAISE.search(sentence)
        or _NEVER_FAILS.search(sentence)
        or _JUSTIFIED.search(sentence)
        or _DEFENDED.search(sentence)
        or _good_outcome(sentence)
        or _BENIGN.search(sentence)
        or _agreeing_quote(sentence)
        or _AWAY.search(sentence)
        or _NOT_RECEIVED.search(sentence)
    )


# What never reached a person is done to them: "X never got the invite", "the PM never
# received the memo".
_NOT_RECEIVED = re.compile(
    r"""(?i)\b(?:never|didn['’]t|did\s+not)\s+(?:got|get|received?)\s+(?:the|an?|any|our|my)\s+(?:[\w-]+\s+)?
    (?:invite|invitation|e-?mail|message|memo|access|link|notice|update|calendar\s+invite|handover)s?\b
    (?!\s+(?:done|in|out|to|sent|finished|over|through|across|signed|approved|written|fixed|request)\b)""",
    re.VERBOSE,
)


# A sentence that opens by quoting a person in agreement: "as X put it at standup: '...'"
# (the rules skip the same shape, `_QUOTED_BY` and `_SAID`).
_AGREEING_QUOTE = re.compile(rf"(?i)\W*(?:as|like)\s+{_MASK}+(?:\s+{_MASK}+)?{_SAID.pattern}")


def _agreeing_quote(sentence: str) -> bool:
    """The sentence quotes a person in agreement and names no one else and nothing gone
    wrong after the quote's opening ("as X said, Y's review was a rubber stamp" and "as X
    put it, 'staging is overrated' - then prod fell over" are still blame)."""
    m = _AGREEING_QUOTE.match(sentence)
    if m is None:
        return False
    rest = sentence[m.end() :]
    return _MASK not in rest and not _went_wrong(rest)


# "thanks to X, we caught the bug before release": caught in time (not "nobody caught",
# "found out from customers", "noticed only after").
_CAUGHT = re.compile(
    r"(?i)(?<!nobody\s)(?<!no\sone\s)(?<!never\s)(?<!n['’]t\s)"
    r"\b(?:(?:caught|noticed|spotted|found)\b[^.!?;\n]{0,40}?\b(?:before|in\s+time|early)\b"
    r"|(?:prevented|avoided|averted)\b)"
)
_TELLER = re.compile(r"\ue000+|\b(?:I|i|he|she|they|we)\b")


def _reports_or_plans(sentence: str) -> bool:
    """A person who tells, asks or explains something about a thing ("X said the
    migration failed because of the disk", "I asked X why the build failed") or who is
    to look into it ("X will check why the job keeps failing")."""
    for m in _TELLER.finditer(sentence):
        if _TOLD_OR_ASKED.match(sentence, m.end()):
            return True
        plan = _PLANNED.match(sentence, m.end())
        if plan and not plan.group().endswith("own"):  # "I'll own this: ..." owns up
            return True
    return False


_NEVER_FAILS = re.compile(
    r"""(?i)\b(?:never|rarely|hardly\s+ever|not\s+once)\s+(?:misses|missed|fails|forgets|drops|breaks
    |lets\s+(?:us|anyone|anybody|the\s+team)\s+down|complains)\b
    # credit for a good thing: "the idea came from one person, our designer"
    |\b(?:idea|ideas|suggestion|proposal|fix|solution|workaround|insight|breakthrough)\s+(?:came|come|was|were)\s+from\b""",
    re.VERBOSE,
)
# A sentence the learned reader must leave alone: the harm denied ("wasn't caused by",
# "without breaking anything", "no issues"), an injury or illness, a clash of calendars,
# days spent on someone else's trouble, something that happened to the person's belongings.
_BENIGN = re.compile(
    r"""(?i)\b(?:wasn['’]t|was\s+not|isn['’]t|not)\s+(?:(?!(?!(?:some|any|no|every)thing\b)\w+ing\b)\w+\s+)?(?:caused|due|because|down\s+to|on)\b
    |\bwithout\s+(?:breaking|any\s+(?:issues?|problems?|downtime|incident))|\bno\s+(?:issues|problems)\b
    |\b(?:broke|sprained|injured|hurt)\s+(?:his|her|their|my)\s+\w+|\b(?:ill|sick|unwell|in\s+hospital)\b
    |\b(?:he|she|they)(?:['’]s|['’]re|\s+is|\s+are)\s+(?:on\s+(?:holiday|leave|vacation)|away|off)\b
    |\b(?:told|asked)\s+to\s+stay\s+(?:at\s+)?home\b
    |\b(?:changed|switched|moved)\s+(?:teams|jobs|roles|departments|companies)\b
    |\b(?:was|were|got|had\s+been)\s+(?:\w+ly\s+)?(?:overruled|outvoted|overridden|sidelined|pulled\s+off|moved\s+off
        |reassigned|not\s+consulted|left\s+out)\b(?:\s+by\s+[^.!?;,\n]{1,40}?)?\s*(?:[.!;]|$)
    |\b(?:it|that)\s+was\s+(?:\ue000+|[\w-]+)['’]s\s+(?:day\s+off|days\s+off|holiday|vacation|annual\s+leave
        |birthday|wedding(?:\s+day)?|first\s+(?:day|week))\s*(?:[.!,;]|$)
    |\bif\s+(?:only\s+)?(?:\ue000+|\w+)(?:\s+had|['’]d)\s+(?:joined|started|arrived|been\s+(?:told|informed|involved
        |consulted|asked|included|looped|given|warned|supported|helped|trained|hired|there|here|around))\b
    |\blook(?:s|ed|ing)?\s+after\s+(?:his|her|their|my)\s+(?:kids?|children|son|daughter|baby|mum
        |mom|mother|dad|father|parents?|partner|family)\b|\b(?:childcare|bereavement|funeral
        |parental\s+leave|maternity|paternity)\b
    |\bclashed\s+with\b|\bspent\s+(?:\w+\s+)?(?:days|hours|weeks|ages|nights|the\s+weekend)\b|['’]s\s+(?:laptop|phone|car|train|flight|bus|charger)\b|\bforgot\s+(?:his|her|my)\s+(?:charger
    |laptop|badge|keys|lunch|umbrella)\b""",
    re.VERBOSE,
)


# "X didn't follow the rollback plan because the plan referenced a server that no longer
# exists": what the person did, then a cause that is a thing, not a person.
_BECAUSE_THING = re.compile(
    r"""(?i)\bbecause\s+(?=(?:the|a|an|its|it|our|their|this|that|these|those|\d+[\w,]*|[a-z]+s)\b)
    (?![^.!?;]*[\ue000'‘’"“”])""",
    re.VERBOSE,
)


# A slip denied and explained by what really happened: "X didn't miss the email, it went
# to spam", "X didn't sit on it, he posted it and nobody replied", "X didn't change the
# source. The client did", "our coordinator DID confirm the slot, the operator lost it".
_DENIED_SLIP = re.compile(
    rf"""(?:\ue000+|{_ROLE}|\b[Hh]e|\b[Ss]he)\s+(?i:didn['’]t|did\s+not)\s+(?:actually\s+|really\s+)?['‘]?(?:miss|forget|sit\s+on|ignore
        |skip|drop|break|lose|delete)\w*['’]?
        \b[^.!?;,\u2014\u2013]*(?:[,;\u2014\u2013]\s*(?P<then>it|the|a|an|our|their|nobody|no\s+one|someone\s+else
        |he|she)\b(?P<rest>(?:(?!\bbut\b)[^.!?])*)|[.!?]\s+(?i:the|a|our|their)\s+(?:[\w-]+\s+){{0,2}}?(?:did
        |(?:was|were|had\s+been)\s+(?:moved|changed|pulled|brought|cancelled|canceled|shortened|reset|deleted)))\b""",
    re.VERBOSE,
)


def _denied_slip(text: str, pos: int) -> bool:
    """Whether a blame found at offset `pos` of `text` lies in a person's slip that is
    denied and explained by what really happened (`_DENIED_SLIP`: a failing verb denied,
    then what did happen, in this clause or "The client did" in the next sentence); not
    when the person's own next act is a failing ("X didn't forget, he just ignored it"),
    and not past a "but" ("..., but Dave deleted the backup")."""
    lo = max(0, pos - _WINDOW)
    for m in _DENIED_SLIP.finditer(text, lo, min(len(text), pos + _WINDOW)):
        if not m.start() <= pos < m.end():
            continue
        if m.group("then") in ("he", "she") and _FAILING.search(m.group("rest") or ""):
            continue
        return True
    return False


def _external_reason(sentence: str, at: int) -> bool:
    """Whether the sentence explains what a person did (a blame found at offset `at`, before
    the reason) by a cause that names no person ("because the courier account had been
    closed", "because 40 bots were posting in it"); not "because the PM kept changing it",
    not a reason in scare quotes ("because it was 'annoying'")."""
    m = _BECAUSE_THING.search(sentence)
    if m is None or m.start() <= at:
        return False
    if _THEN_ANOTHER_CLAUSE.search(sentence, at, m.start()):
        return False  # "X ignored five pages and we lost the contract because ...": not X's act
    reason = re.split(r"(?i),\s*(?:and|but|so)\b|;", sentence[m.end() :], maxsplit=1)[0]
    return not (
        _ROLE_ANYWHERE.match(reason)
        or re.match(
            r"(?i)(?:the|a|an|our|their|this|that)\s+(?:[\w-]+\s+){0,2}?(?:person|guy|one|who)\b",
            reason,
        )
        # the person's own motive: "because it was faster", "... and he wanted to go home"
        or re.match(r"(?i)(?:it|that|this)(?:\s+was|\s+is|['’]s)\s+(?!\w+ing\b)", reason)
        or re.search(r"(?i)\b(?:he|she|him|her|his|hers|they|them|their|I|me|my)\b", reason)
    )


# A new clause with its own subject: "... and we lost the contract", "..., so the team".
_THEN_ANOTHER_CLAUSE = re.compile(
    r"(?i)(?:,|\band\b|\bso\b|\bbut\b)\s+(?:then\s+)?(?:we|they|it|the|our|everyone|everybody)\b"
)


# A claim answered at once: "... a training problem. It's not." / "... No."
_SAID_THEN_DENIED = re.compile(
    r"(?i)\s*[.!]?\s*(?:it|that)(?:['’]s|\s+is|\s+was)(?:\s+not|n['’]t)\s*(?:[.!;]|,\s*(?:it|that))|\s*[.!]?\s*no\s*[.!]"
)


def _claimed_then_denied(shadow: str, m: re.Match[str]) -> bool:
    """Whether the match is what someone says, denied right after ("X keeps saying it's
    a training problem. It's not.")."""
    return bool(_SAID_THEN_DENIED.match(shadow, m.end())) and bool(
        re.search(
            r"(?i)\b(?:says?|said|saying|claims?|claimed|claiming|insists?|insisted|thinks?)\s+(?:that\s+)?$",
            shadow[max(0, m.start() - 20) : m.start()],
        )
    )


def _exonerated(shadow: str) -> bool:
    """Whether the writer clears the person anywhere (`_EXONERATED`), not in a claim
    denied right after (`_claimed_then_denied`)."""
    return any(not _claimed_then_denied(shadow, m) for m in _EXONERATED.finditer(shadow))


def _systemic(shadow: str, pattern: re.Pattern[str] = _SYSTEMIC) -> bool:
    """Whether the answer puts the failure on the system (``pattern``: `_SYSTEMIC`, or
    `_ON_THE_SYSTEM` for the reader's gate), not in a denial ("Not a process problem,
    [name] just didn't follow it"), not as a person's ("[name]'s config problem") and not
    naming a person as the issue ("The real problem was the PM")."""
    for m in pattern.finditer(shadow):
        if re.search(
            r"(?i)(?:\bnot|n['’]t|\bno|\ue000['’]s|\bhis|\bher)\s+(?:a\s+|an\s+)?$",
            shadow[max(0, m.start() - 12) : m.start()],
        ):
            continue
        if _claimed_then_denied(shadow, m):
            continue  # "X keeps saying it's a training problem. It's not. She never ..."
        det = m.groupdict().get("det")
        if det is not None and (
            shadow.startswith(_MASK, m.end() + 1) or _ROLE_ANYWHERE.match(shadow, m.start("det"))
        ):
            continue
        return True
    return False


# A sentence whose verb is a bare auxiliary answers a question left out of it ("The SRE
# lead does.", "Our PM will."): without the question there is nothing to judge.
_ELLIPTIC = re.compile(
    r"(?i)\b(?:does|did|do|is|was|were|will|would|has|had|can|could|should)\s*[.!?]*\s*$"
)


def _elliptic(sentence: str, words: int) -> bool:
    """A short sentence (five words at most) ending on a bare auxiliary; a longer one
    ("..., like she always does.") says enough to judge."""
    return words <= 5 and bool(_ELLIPTIC.search(sentence))


def _rejects(shadow: str) -> bool:
    """Whether the answer rejects blame (`_REJECTED`) anywhere, not counting a "Because ..."
    that answers an accusing question rather than a "why" ("Did X even open the plan?
    Because the case was item 4." accuses; "Why did X redo it? Because the vendor ..."
    explains)."""
    for m in _REJECTED.finditer(shadow):
        head = shadow[: m.start()].rstrip()
        if m.group()[:7].lower() == "because" and head.endswith("?"):
            question = re.split(r"[.!?\n]\s*", head[:-1])[-1]
            if not re.match(r"(?i)\s*why\b", question):
                continue
        return True
    return False


def _sentence_bounds(shadow: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a masked text, split by `_SENTENCE_SPLIT`; an empty
    one where the text starts or ends on a split."""
    bounds, start = [], 0
    for cut in chain(_SENTENCE_SPLIT.finditer(shadow), [None]):
        end = cut.start() if cut is not None else len(shadow)
        bounds.append((start, end))
        start = cut.end() if cut is not None else end
    return bounds


def _gated(shadow: str) -> list[tuple[int, int, str, bool]]:
    """The sentences of a masked text the learned reader may judge, as (start, end,
    reading, names a failing): not excused, naming a person, and of two words or more
    when they name a failing, four or more when they only name a person ("X, again!" is
    too little to go on) and no short answer to a question left out (`_elliptic`). []
    when the answer defends or clears someone anywhere ("People say X caused it, but ...
    He never touched it.")."""
    if (
        _DEFENDED.search(shadow)
        or _rejects(shadow)
        or _JUSTIFIED.search(shadow)
        or _systemic(shadow, _ON_THE_SYSTEM)
    ):
        return []
    gated = []
    sarcastic = bool(_SARCASM_SIGN.search(shadow))  # "Great job by X, ... Truly inspired. 🙃"
    bounds = _sentence_bounds(shadow)
    # A sentence is framed by exasperation in it or in the aside after it ("X's script.
    # That's the root cause."), not by one about someone else earlier in the answer.
    vexed = [bool(_FRUSTRATION.search(shadow[a:b])) for a, b in bounds] + [False]
    for k, (start, end) in enumerate(bounds):
        sentence = shadow[start:end]
        words = len(sentence.split())
        if words >= 2 and (sarcastic or not _excused(sentence)):
            read, person, fault = _read(sentence, vexed[k] or vexed[k + 1])
            if person and (fault or (words >= 4 and not _elliptic(sentence, words))):
                gated.append((start, end, read, fault))
    return gated


def gated_readings(text: str) -> list[tuple[str, bool]]:
    """Readings of the sentences of `text` the learned reader may judge (see `_gated`),
    each with whether it names a failing or a bad outcome; [] when none passes the gate.
    `bench/bench_blame_learned.py` scores its experimental models through this, so
    experiment and shipped reader share one gate."""
    if not isinstance(text, str) or not text.strip():
        return []
    return [(read, fault) for _, _, read, fault in _gated(_mask_people(_normalise(text)[0]))]


def _learned_spans(
    shadow: str,
    reader: _blame_model.LinearReader | None,
    bar: Callable[[bool], float],
) -> list[tuple[int, int]]:
    """Sentences `_gated` lets through that `reader` gives at least `bar(names a
    failing)` (shipped: `blame_model.threshold_for`)."""
    if reader is None:
        return []
    return [
        (start, end)
        for start, end, read, fault in _gated(shadow)
        if reader.probability(read) >= bar(fault)
    ]


# An answer this short keeps what the rules find whatever the encoder says: the veto is for
# context the rules misread around a failing (a repair, praise, a duty done), which a short
# clause has no room for, and the encoder reads plain short blame ("X broke prod.") weakly.
# Measured (bench/RESULTS.md, session of 2026-12-03 from 11:52): on a reviewer's 135 blaming
# answers 114 -> 119 found and on the held-out test sentences 135 -> 141 of 152, with no
# new false alarm there and one more of 1,700 on helper batches 101-110.
_SHORT_ANSWER_WORDS = 8


def _encoder_decides(
    text: str, shadow: str, offsets: list[int], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The fine-tuned encoder (`analysis.blame_encoder`) has the last word on the answer.
    What the rules or the linear reader found stands when the encoder gives the answer at
    least `CONFIRM_THRESHOLD`, or when the answer is short (`_SHORT_ANSWER_WORDS`). Where
    they found nothing, the encoder alone names the answer's blaming sentences from
    `THRESHOLD` (`_encoder_spans`). The defences applied after this (a systemic cause,
    someone cleared, ...) hold for both."""
    chance = _blame_encoder.probability(text)
    if spans:
        short = len(text.split()) <= _SHORT_ANSWER_WORDS
        return spans if short or chance >= _blame_encoder.CONFIRM_THRESHOLD else []
    if chance < _blame_encoder.THRESHOLD:
        return []
    return _encoder_spans(text, shadow, offsets)


def _encoder_spans(text: str, shadow: str, offsets: list[int]) -> list[tuple[int, int]]:
    """The sentences of an answer the encoder flagged that it reads alone as at least
    `_SENTENCE_SHARE` likely to blame; the whole answer when none is."""
    bounds = [(a, b) for a, b in _sentence_bounds(shadow) if shadow[a:b].strip()]
    if len(bounds) > 1:
        carrying = [
            (a, b)
            for a, b in bounds
            if _blame_encoder.probability(text[offsets[a] : offsets[b]]) >= _SENTENCE_SHARE
        ]
        if carrying:
            return carrying
    return [(bounds[0][0], bounds[-1][1])] if bounds else []


# A sentence of an answer the encoder flags is named in the nudge when the encoder reads it
# alone as at least this likely to blame; the whole answer is named when none is.
_SENTENCE_SHARE = 0.5


def blame_phrases(text: str) -> list[str]:
    """Phrases of `text` that put fault on one individual; [] when there are none. The
    rules first; where they find nothing, the linear reader (`analysis.blame_model`) may
    name whole sentences; then the fine-tuned encoder (`analysis.blame_encoder`) confirms
    what they found or, where they found nothing, names the sentences it reads as blame."""
    return _phrases(text, learned=True)


def rule_and_reader_phrases(text: str) -> list[str]:
    """`blame_phrases` without the encoder's word: the rules and the linear reader, whose
    shapes the tests pin one by one (the encoder is measured as a whole instead)."""
    return _phrases(text, learned=True, encoder=False)


def rule_phrases(text: str) -> list[str]:
    """`blame_phrases` by the rules alone (the learned reader's training uses it)."""
    return _phrases(text, learned=False)


def phrases_read_by(
    text: str, reader: _blame_model.LinearReader, bar: Callable[[bool], float]
) -> list[str]:
    """`blame_phrases` with another learned reader and bar (`bar(names a failing)` gives
    the probability a gated sentence needs): every rule and filter as shipped, so
    `bench/bench_blame_learned.py` measures what would ship."""
    return _phrases(text, learned=True, reader=reader, bar=bar)


def _phrases(
    text: str,
    learned: bool,
    reader: _blame_model.LinearReader | None = None,
    bar: Callable[[bool], float] | None = None,
    encoder: bool = True,
) -> list[str]:
    if not isinstance(text, str) or not text.strip():
        return []
    normal, offsets = _normalise(text)
    shadow = _mask_people(normal)
    spans: list[tuple[int, int]] = []
    patterns = (
        _SELF,
        _POSSESSIVE_FAULT,
        _FAULT_WITH,
        _TO_BLAME,
        _BLAME_PERSON,
        _LOST_TO_WORK,
        _WHOEVER,
        _SUBJECT_BLAME,
        _THEN_BLAME,
        _CORNER_CUT,
        _JUDGEMENT,
        _ON_THEM,
        _PASSIVE_AGENT,
        _POSSESSIVE_HARM,
        _FAULT_BY,
        _DOWN_TO,
        _COUNTERFACTUAL,
        _TROUBLE_WHEN,
        _TRAIT_OF,
        _POOR_WORK,
        _FAILING_NOUN,
        _WORK_HARM,
        _LIE,
        _DUTY_UNDONE,
        _TRACED,
        _SELF_MORE,
        _SCARE_QUOTED_WORK,
        _BROKEN_PROMISE,
        _WHO_LETS,
        _WISH,
        _SAT_WITH,
        _TROUBLE_IS,
        _SCARE_QUOTED_ACT,
        _CLAIM_DENIED,
        _TOLD_WE_COULD,
        _QUOTED_BOAST,
        _NICE_IF,
        _JOB_UNDONE,
        _FIRST_MOVE,
        _BECAUSE_OF_THEM,
        _DECISION_OWNED,
        _DISTRUST,
        _KNOWN_RISK,
    )
    for m in _CLEFT.finditer(shadow):
        pred = m.group("pred")
        if _NEGATED_CLEFT.search(shadow[max(0, m.start() - 12) : m.end() - len(pred)]):
            continue  # "it wasn't X who broke prod": a defence
        if _GOOD_ACT.match(" " + pred):
            continue  # "X was the one who noticed the watchdog never re-armed": credit
        if (_FAILING.search(pred) or _CONSEQUENCE.search(pred)) and not _PRAISE.search(m.group()):
            spans.append(_clause(shadow, m.start(), m.end()))
    for m in _ELIDED.finditer(shadow):
        if _OWN_SUBJECT.match(m.group("pred")):
            continue  # "Dana: the venue map was confusing", "X: add an alert": a speaker's note
        pred = _NEXT_CLAUSE.split(m.group("pred"), maxsplit=1)[0]
        if (_FAILING.search(pred) or _CONSEQUENCE.search(pred)) and not _PRAISE.search(m.group()):
            spans.append(_clause(shadow, m.start(), m.end()))
    for m in _WHO_FAILED.finditer(shadow):
        if _NEGATED_CLEFT.search(shadow[max(0, m.start() - 12) : m.start()]):
            continue  # "it wasn't X who broke prod": a defence
        pred = _NEXT_CLAUSE.split(m.group("pred"), maxsplit=1)[0]
        if _FAILING.search(pred) and not _PRAISE.search(_sentence_at(shadow, m.start())):
            spans.append(_clause(shadow, m.start(), m.end()))
    for m in _BECAUSE.finditer(shadow):
        outcome = shadow[max(0, m.start("who") - _WINDOW) : m.start("who")]
        outcome = re.split(r"[.!?\n]", outcome)[-1]
        pred = _NEXT_CLAUSE.split(m.group("pred"), maxsplit=1)[0]
        if _DONE_TO.match(pred) or _PRAISE.search(_sentence_at(shadow, m.start())):
            continue
        if pred[:2] in ("'s", "’s"):
            continue  # "failed because X's laptop died": the thing, not the person, failed
        if _STATE.match(pred) and not _FAILING.search(pred):
            continue  # "late because X was on holiday": absence is not fault
        if _GOOD_ACT.match(pred):
            continue  # "delayed because X found a critical bug"
        if _good_outcome(outcome):
            continue  # "we avoided a worse mess because X rolled back"
        if _went_wrong(outcome) or _FAILING.search(pred):
            spans.append(_clause(shadow, m.start("who"), m.end()))
    for m in _HABIT_COST.finditer(shadow):
        sentence = _sentence_at(shadow, m.start())
        if not (_PRAISE.search(sentence) or _good_outcome(sentence)):
            spans.append(_clause(shadow, m.start(), m.end()))
    for m in _JUDGED_BY_CLOSER.finditer(shadow):
        told = m.group()
        failing = _names_failing(_FAILING, told) or _SLIP.search(told) or _BAD_MOMENT.search(told)
        # "X answered every e-mail personally. Who does that?": admiration, no failing
        admired = (
            _PRAISE.search(told)
            or _good_outcome(told)
            or _GOOD_ACT.match(m.group("act"))
            or _WORKS.search(told)
        )
        if failing and not admired:
            spans.append(_clause(shadow, m.start(), m.end()))
    for m in _THAT_WAS.finditer(shadow):
        before = shadow[max(0, m.start() - 200) : m.start()]
        if "knew" in m.group() or (_went_wrong(before) and not _PRAISE.search(before)):
            spans.append(_clause(shadow, m.start(), m.end()))
    for m in _CAUSAL.finditer(shadow):
        if _NEGATED.search(shadow[max(0, m.start() - 30) : m.start()]):
            continue
        sentence = _sentence_at(shadow, m.start())
        # Praise counts in the match's own part of the sentence: "kudos to most of you; less
        # thanks to X, whose change turned out to be the root cause" is still blame.
        part = shadow[shadow.rfind(";", 0, m.start()) + 1 : m.end()]
        if _PRAISE.search(part) or _good_outcome(m.group()):
            continue  # "X's dashboard is the only reason we noticed the leak": credit
        if _GOOD_ACT.match(m.group("act") or ""):
            continue
        if _went_wrong(sentence) or re.search(r"(?i)\b(?:wrong|root\s+cause|caused)\b", sentence):
            spans.append(_clause(shadow, m.start(), m.end()))
    for m in _BY_PERSON.finditer(shadow):
        if _NEGATED.search(shadow[max(0, m.start() - 30) : m.start()]):
            continue  # "the bug wasn't caused by X's change"
        sentence = _sentence_at(shadow, m.start())
        if (_CORNER.search(sentence) or _BAD_MOMENT.search(sentence)) and not _PRAISE.search(
            sentence
        ):
            spans.append(_clause(shadow, m.start(), m.end()))
    for m in _INSINUATION.finditer(shadow):
        sentence = _sentence_at(shadow, m.start())
        if _FAILING.search(sentence) or re.search(
            r"\bagain\b|looking\s+at\s+you|know\s+who", sentence, re.I
        ):
            spans.append(_clause(shadow, m.start(), m.end()))
    for m in chain(_SARCASM.finditer(shadow), _ADMITTED.finditer(shadow)):
        spans.append(_clause(shadow, m.start(), m.end()))
    for start, end in _sarcasm(shadow):
        spans.append(_clause(shadow, start, end))
    for start, end in _subject_blame(shadow) + _bare_role_blame(shadow):
        if not _NEGATED.search(shadow[max(0, start - 30) : start]):
            spans.append(_clause(shadow, start, end))
    rhetorical = []  # questions that accuse: not dropped as yes/no questions below
    for m in _RHETORICAL.finditer(shadow):
        sentence = _sentence_at(shadow, m.start())
        if _PRAISE.search(sentence):
            continue
        if m.group("why") is not None and (
            not (_ASKED_ABOUT_HARM.search(m.group("why")) or _went_wrong(m.group("why")))
            or _EXPLAINED.search(shadow, m.end(), m.end() + 100)
        ):
            continue  # "why did the tests get faster? ask Kemal.", "... ask X. she found it"
        if re.search(
            r"(?i)^(?:is|was)\b[^?]*\?\s*(?:(?:yes|yep)\s*,\s*(?!apparently)|not\s+at\s+all\b)",
            shadow[m.start() :],
        ):
            continue  # "was it so hard for the intern to get access? yes, ...": a real question
        if m.group("how") is not None and (
            _good_outcome(sentence) or _answered(shadow, m.end()) or _open_question(shadow, m)
        ):
            continue  # "how many times did we remind the PM? zero, she had it ready"
        if (
            m.group().lower().startswith(("can", "let", "are", "do"))
            or re.match(r"(?i)(?:is|does)\s+any(?:one|body)\b", m.group())
        ) and not (
            _FAILING.search(sentence)
            or _SARCASTIC.search(sentence)
            or _CORNER.search(sentence)
            or _BAD_MOMENT.search(sentence)
        ):
            continue  # "can we talk about how X ran the demo": only a failing makes it blame
        rhetorical.append(_clause(shadow, m.start(), m.end()))
    spans += rhetorical
    for m in _WHO_DID.finditer(shadow):
        question = m.group("q")
        if _GOOD_ACT.match(question) or _PRAISE.search(question):
            continue
        skipped = _SKIPPED.match(question, _SKIP_OPENING.match(question).end())
        if skipped and (
            _good_outcome(shadow[m.end() : m.end() + 120])
            or _SANCTIONED.search(shadow, m.end(), m.end() + 120)
        ):
            skipped = None  # "Who skipped the dry run? X, and the launch went perfectly"
        if _FAILING.search(question) or _BAD_MOMENT.search(question) or skipped:
            spans.append(_clause(shadow, m.start(), m.end()))
    for start, end in _self_caused(shadow):
        spans.append(_clause(shadow, start, end))
    for start, end in _cause_named(shadow):
        spans.append(_clause(shadow, start, end))
    for m in _LOVED_HOW.finditer(shadow):
        if _FAILING.search(m.group("pred")) or _CONSEQUENCE.search(m.group("pred")):
            spans.append(_clause(shadow, m.start(), m.end()))
    for m in _WHY_DID.finditer(shadow):
        question = m.group("q")
        if _PRAISE.search(question) or _GOOD_ACT.match(" " + question):
            continue
        if _FAILING.search(question) or _BAD_MOMENT.search(question) or _CORNER.search(question):
            rhetorical.append(_clause(shadow, m.start(), m.end()))
            spans.append(rhetorical[-1])
    for m in _CAME_FROM.finditer(shadow):
        sentence = _sentence_at(shadow, m.start())
        if _TROUBLE.search(sentence) and not _PRAISE.search(sentence):
            spans.append(_clause(shadow, m.start(), m.end()))
    for m in _QUOTED_CLAIM.finditer(shadow):
        spans.append(_clause(shadow, m.start(), m.end()))
    for m in _CAUSE_THANKS.finditer(shadow):
        sentence = _sentence_at(shadow, m.start())
        if _CAUGHT.search(sentence):
            continue  # "thanks to X, we caught the bug before release": credit
        if _went_wrong(_without_good_outcomes(sentence)):  # not "... without an outage"
            spans.append(_clause(shadow, m.start(), m.end()))
    for m in _WAITING_ON.finditer(shadow):
        if _STUCK.search(_sentence_at(shadow, m.start())):
            spans.append(_clause(shadow, m.start(), m.end()))
    for m in _EVERYTHING_THEY.finditer(shadow):
        if re.search(
            r"(?i)\b(?:not|never|nothing)\b[^.!?]{0,12}$",
            shadow[max(0, m.start() - 20) : m.start()],
        ):
            continue  # "not in anything X wrote": a defence
        if _went_wrong(shadow):
            spans.append(_clause(shadow, m.start(), m.end()))
    for m in _ONE_PERSON.finditer(shadow):
        sentence = _sentence_at(shadow, m.start())
        if _TROUBLE.search(sentence) and not _PRAISE.search(sentence):
            spans.append(_clause(shadow, m.start(), m.end()))
    for m in _AGAIN.finditer(shadow):
        if not _PRAISE.search(shadow[m.start() : m.end() + 200]):
            spans.append(_clause(shadow, m.start(), m.end()))
    for m in _LABELLED_CAUSE.finditer(shadow):
        label = m.group("label")
        if (_went_wrong(label) or _CAUSE_LABEL.search(label)) and not _PRAISE.search(label):
            spans.append(_clause(shadow, m.start("label"), m.end()))
    for m in _SARCASM_MARK.finditer(shadow):
        spans.append(_clause(shadow, m.start(), m.end()))  # "loved how X ... /s": praise inverted
    subject_first = (_SUBJECT_BLAME, _THEN_BLAME, _CORNER_CUT, _JUDGEMENT)
    # By identity: hashing or comparing a compiled pattern walks its whole program (~5 us
    # a time here, a fifth of this function's cost before).
    subject_first_ids = {id(p) for p in subject_first}
    for pattern in patterns:
        cue = _CUE_BY_ID.get(id(pattern))
        if cue is not None and not cue.search(shadow):
            continue  # the pattern's key word is absent: skip the costly scan
        for m in pattern.finditer(shadow):
            if _NEGATED.search(shadow[max(0, m.start() - 30) : m.start()]):
                continue  # "not her fault", "nobody's fault"
            if pattern is _WHOEVER and _REQUEST.search(_sentence_at(shadow, m.start())):
                continue  # "whoever merged it, please add a note": addressed, not blamed
            if pattern is _WHOEVER and _HELPED_WHOEVER.search(
                shadow, max(0, m.start() - 30), m.start()
            ):
                continue  # "his notes were really helpful to whoever picked it up"
            if id(pattern) in subject_first_ids and _object_position(shadow, m.start()):
                continue  # "we lost our only DBA and never ...": the person is no subject
            sentence = _sentence_at(shadow, m.start())
            if pattern is not _SELF and pattern is not _SELF_MORE and _PRAISE.search(sentence):
                continue
            if pattern is _KNOWN_RISK and (
                _AWAY.search(sentence) or _BLOCKED.search(sentence) or _good_outcome(sentence)
            ):
                continue  # "X never got back to me, he was on leave the whole month"
            if pattern is _SELF and not _self_harm(m, shadow):
                continue  # "I'm the reason the customer renewed": pride, not a confession
            if _JUSTIFIED.search(
                sentence.replace(m.group(), " ") if pattern is _COUNTERFACTUAL else sentence
            ):
                continue  # not "if X had followed the runbook": what X did not do
            if pattern is _BLAME_PERSON and (
                _RETRACTED.search(sentence)
                or re.search(r"(?i)\bI\s+was\s+wrong\b", shadow[m.end() :])
                or _THEY_BLAME.search(shadow[max(0, m.start() - 30) : m.start()])
            ):
                continue  # "we blamed X at first, but it turned out to be DNS"
            if pattern is _WORK_HARM and _CIRCUMSTANCE.match(m.group()):
                continue  # "X's illness made it impossible ...": what befell them, no deed
            if (
                pattern is _WORK_HARM
                and re.search(r"(?:reason|why)$", m.group())
                and _good_outcome(shadow[m.end() : m.end() + 80].split(".")[0])
            ):
                continue  # "X's dashboard is the only reason we noticed the leak": credit
            if pattern is _COUNTERFACTUAL and re.search(
                r"(?i)\bhad\s+(?:known|heard|been\s+(?:told|warned|informed|asked|invited|included|copied))\b",
                m.group(),
            ):
                continue  # "if the PM had known about it, she'd have raised it": not told
            if pattern is _COUNTERFACTUAL and re.search(
                r"(?i)\bwhich\s+(?:he|she|they|\ue000+)\s+did\b", sentence
            ):
                continue  # "fine if X had followed the runbook, which he did; ...": a defence
            if (
                pattern is _COUNTERFACTUAL
                and not _OUTCOME_FIRST.match(m.group())
                and _GOOD_IF_NOT.search(m.group())
            ):
                continue  # "if X hadn't noticed ..., it would have been worse": credit
            spans.append(_clause(shadow, m.start(), m.end()))
    if _MASK in shadow:
        for m in _VERDICT.finditer(shadow):
            if not _NEGATED.search(shadow[max(0, m.start() - 30) : m.start()]):
                spans.append(_clause(shadow, m.start(), m.end()))
    if learned and not spans:
        spans = _learned_spans(
            shadow, reader or _READER, bar if bar is not None else _blame_model.threshold_for
        )
    if learned and encoder and _blame_encoder.available():
        spans = _encoder_decides(text, shadow, offsets, spans)
    if (
        _systemic(shadow)
        or _vindicated(shadow)
        or _exonerated(shadow)
        or _retraction(shadow)
        or _set_aside(shadow)
    ):
        return []  # "..., but the script had no guard. That's a system failure."
    spans = [
        sp
        for sp in spans
        if not _ADDRESSED.match(_sentence_at(shadow, sp[0]))
        and not _DEFENDED.search(_sentence_at(shadow, sp[0]))
        and not _REJECTED.search(_sentence_at(shadow, sp[0]))
        and (sp in rhetorical or not _asks(_sentence_at(shadow, sp[0])))
        and not _machine(shadow[sp[0] : sp[1]])
        and not _external_reason(*_sentence_and_offset(shadow, sp[0]))
        and not _denied_slip(shadow, sp[0])
        and not _careful(shadow, *sp)
    ]
    spans.sort()
    phrases: list[str] = []
    last_end = -1
    for start, end in spans:
        if start < last_end:  # overlapping matches describe the same blame
            continue
        phrase = text[offsets[start] : offsets[end]].strip()
        if phrase:
            phrases.append(phrase)
        last_end = end
    return phrases
