"""The schema, as numbered migrations; a database records the ones it has applied."""

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: collect — projects, surveys, links, responses, answers.
    (
        """CREATE TABLE settings (
            key VARCHAR PRIMARY KEY,
            value VARCHAR NOT NULL)""",
        """CREATE TABLE projects (
            project_id UUID PRIMARY KEY,
            name VARCHAR NOT NULL UNIQUE,
            roster VARCHAR[] NOT NULL DEFAULT [],
            is_sample BOOLEAN NOT NULL DEFAULT false,
            created_on DATE NOT NULL)""",
        """CREATE TABLE surveys (
            survey_id UUID PRIMARY KEY,
            project_id UUID NOT NULL,
            template_id VARCHAR NOT NULL,
            questionnaire_json VARCHAR NOT NULL,
            title VARCHAR NOT NULL,
            quarter VARCHAR NOT NULL,
            opens_on DATE NOT NULL,
            closes_on DATE,
            status VARCHAR NOT NULL CHECK (status IN ('open', 'closed')),
            anonymity_threshold INTEGER NOT NULL DEFAULT 3 CHECK (anonymity_threshold >= 1),
            created_on DATE NOT NULL)""",
        # A link is only a hash of its token. An invitation keeps whether it was used:
        # never when, never by which response.
        """CREATE TABLE links (
            token_hash VARCHAR PRIMARY KEY,
            survey_id UUID NOT NULL,
            kind VARCHAR NOT NULL CHECK (kind IN ('open', 'invitation')),
            used BOOLEAN NOT NULL DEFAULT false)""",
        # Random ids and a day, nothing else: no time, no link, no browser data.
        """CREATE TABLE responses (
            response_id UUID PRIMARY KEY,
            survey_id UUID NOT NULL,
            submitted_on DATE NOT NULL,
            receipt_hash VARCHAR UNIQUE)""",
        # The questions of each survey, so SQL can pick ratings and texts by kind.
        """CREATE TABLE survey_questions (
            survey_id UUID NOT NULL,
            question_id VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            prompt VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (survey_id, question_id))""",
        # One typed row per answered question (one per picked option for multiple choice).
        """CREATE TABLE answers (
            response_id UUID NOT NULL,
            survey_id UUID NOT NULL,
            question_id VARCHAR NOT NULL,
            value_number DOUBLE,
            value_text VARCHAR,
            value_choice VARCHAR)""",
    ),
    # 2: understand and follow up — analysis of free text, manager reviews, themes, actions.
    (
        """CREATE TABLE text_analysis (
            response_id UUID NOT NULL,
            question_id VARCHAR NOT NULL,
            survey_id UUID NOT NULL,
            category VARCHAR NOT NULL,
            confidence DOUBLE NOT NULL,
            second_category VARCHAR,
            theme_id INTEGER NOT NULL DEFAULT -1,
            model_key VARCHAR NOT NULL,
            PRIMARY KEY (response_id, question_id))""",
        # A manager's confirmed or corrected category for one answer.
        """CREATE TABLE category_reviews (
            response_id UUID NOT NULL,
            question_id VARCHAR NOT NULL,
            category VARCHAR NOT NULL,
            reviewed_on DATE NOT NULL,
            PRIMARY KEY (response_id, question_id))""",
        """CREATE TABLE theme_state (
            name VARCHAR PRIMARY KEY,
            state_json VARCHAR NOT NULL,
            saved_on DATE NOT NULL)""",
        """CREATE TABLE theme_edits (
            position INTEGER PRIMARY KEY,
            edit_json VARCHAR NOT NULL,
            made_on DATE NOT NULL)""",
        """CREATE TABLE action_items (
            action_id UUID PRIMARY KEY,
            project_id UUID NOT NULL,
            title VARCHAR NOT NULL,
            owner VARCHAR NOT NULL,
            due_on DATE,
            status VARCHAR NOT NULL
                CHECK (status IN ('open', 'in_progress', 'done', 'not_doing')),
            status_reason VARCHAR NOT NULL DEFAULT '',
            theme_id INTEGER,
            category VARCHAR,
            quarter VARCHAR NOT NULL,
            created_on DATE NOT NULL,
            done_on DATE)""",
    ),
    # 3: remember which question is the stakeholder role, for role breakdowns.
    ("ALTER TABLE survey_questions ADD COLUMN breakdown BOOLEAN NOT NULL DEFAULT false",),
    # 4: results are published in releases. A submission waits in the pending tables (kept
    # in shuffled order, so their physical order says nothing about arrival) until the gate
    # releases its survey's pending responses as one group; released rows move to
    # `responses`/`answers`, a release at a time, shuffled within it. Every view reads only
    # the released tables. What was stored before this migration counts as release 1.
    (
        # No keys: every batch rewrites these small tables in random order (ids are random
        # uuid4s, receipts random 128-bit codes kept as hashes); columns keep NOT NULL.
        """CREATE TABLE pending_responses (
            response_id UUID NOT NULL,
            survey_id UUID NOT NULL,
            submitted_on DATE NOT NULL,
            receipt_hash VARCHAR)""",
        """CREATE TABLE pending_answers (
            response_id UUID NOT NULL,
            survey_id UUID NOT NULL,
            question_id VARCHAR NOT NULL,
            value_number DOUBLE,
            value_text VARCHAR,
            value_choice VARCHAR)""",
        """CREATE TABLE survey_releases (
            survey_id UUID NOT NULL,
            release_no INTEGER NOT NULL,
            responses INTEGER NOT NULL,
            released_on DATE NOT NULL,
            PRIMARY KEY (survey_id, release_no))""",
        """INSERT INTO survey_releases
            SELECT survey_id, 1, count(*), max(submitted_on) FROM responses GROUP BY survey_id""",
    ),
    # 5: how many distinct responses contain each candidate label term of a theme, so a
    # theme's name and keywords only use words enough people wrote (the quote threshold).
    (
        """CREATE TABLE theme_term_support (
            theme_id INTEGER NOT NULL,
            term VARCHAR NOT NULL,
            responses INTEGER NOT NULL,
            PRIMARY KEY (theme_id, term))""",
        # The threshold floor (3) holds for surveys created before it existed, too.
        "UPDATE surveys SET anonymity_threshold = 3 WHERE anonymity_threshold < 3",
    ),
    # 6: a survey's shareable (open) link is the same for everyone it was handed to, so its
    # token is kept and can be shown again (`afterward links`); rotating replaces it.
    # Invitations stay hashes only. Open links made before this migration have no token kept:
    # they keep working, and showing one again means rotating it.
    ("ALTER TABLE links ADD COLUMN shared_token VARCHAR",),
    # 7: an answer that says nothing ("N/A", "-", "nothing") is kept out of every count and
    # theme; its analysis row says so. Stored analysis is redone by the next analysis run.
    (
        "ALTER TABLE text_analysis ADD COLUMN non_answer BOOLEAN NOT NULL DEFAULT false",
        "DELETE FROM text_analysis",
    ),
    # 8: the post-mortem of a survey and the action items' history. An action may name the
    # survey whose post-mortem decided it; its status changes are kept one row per day (the
    # last change of a day wins), so "when was it done" never needs a finer time.
    (
        "ALTER TABLE action_items ADD COLUMN survey_id UUID",
        """CREATE TABLE action_status_history (
            action_id UUID NOT NULL,
            changed_on DATE NOT NULL,
            status VARCHAR NOT NULL
                CHECK (status IN ('open', 'in_progress', 'done', 'not_doing')),
            reason VARCHAR NOT NULL DEFAULT '',
            PRIMARY KEY (action_id, changed_on))""",
        """INSERT INTO action_status_history
            SELECT action_id, created_on, 'open', '' FROM action_items
            WHERE done_on IS NULL OR done_on > created_on""",
        """INSERT INTO action_status_history
            SELECT action_id, coalesce(done_on, created_on), status, status_reason
            FROM action_items
            WHERE status <> 'open' OR done_on IS NOT NULL
            ON CONFLICT DO UPDATE SET status = excluded.status, reason = excluded.reason""",
        # One post-mortem per survey: its one named owner, where it stands, and the summaries
        # the owner writes for each section of the document (JSON object section -> text).
        """CREATE TABLE postmortems (
            survey_id UUID PRIMARY KEY,
            owner VARCHAR NOT NULL,
            status VARCHAR NOT NULL CHECK (status IN ('draft', 'in_review', 'published')),
            summaries_json VARCHAR NOT NULL DEFAULT '{}',
            created_on DATE NOT NULL,
            updated_on DATE NOT NULL)""",
    ),
    # 9: reaching people and recurring retros. Invitation e-mail addresses sit in a table of
    # their own: the survey, the address and the hash of its current single-use link (so a
    # reminder goes only to unused invitations) — no response id, no time; deleted when the
    # survey closes. Schedules open a survey from a questionnaire on their days, invite their
    # recipients and close it after `open_days`; `last_run_on` lets a restart catch up.
    (
        """CREATE TABLE invitation_addresses (
            survey_id UUID NOT NULL,
            email VARCHAR NOT NULL,
            token_hash VARCHAR NOT NULL,
            PRIMARY KEY (survey_id, email))""",
        """CREATE TABLE retro_schedules (
            schedule_id UUID PRIMARY KEY,
            project_id UUID NOT NULL,
            template_id VARCHAR NOT NULL,
            rule VARCHAR NOT NULL CHECK (rule IN ('every_n_weeks', 'quarter_end', 'dates')),
            every_weeks INTEGER,
            dates DATE[] NOT NULL DEFAULT [],
            first_on DATE NOT NULL,
            open_days INTEGER NOT NULL CHECK (open_days >= 1),
            threshold INTEGER NOT NULL CHECK (threshold >= 3),
            message VARCHAR NOT NULL DEFAULT '',
            active BOOLEAN NOT NULL DEFAULT true,
            last_run_on DATE,
            created_on DATE NOT NULL)""",
        """CREATE TABLE schedule_recipients (
            schedule_id UUID NOT NULL,
            email VARCHAR NOT NULL,
            PRIMARY KEY (schedule_id, email))""",
        # Which survey each schedule opened (to close it on time and not open it twice).
        """CREATE TABLE schedule_runs (
            schedule_id UUID NOT NULL,
            due_on DATE NOT NULL,
            survey_id UUID NOT NULL,
            PRIMARY KEY (schedule_id, due_on))""",
    ),
    # 10: a schedule may remind those who have not answered `remind_before_days` days before
    # its survey closes (NULL: no reminder); `reminded_on` records the day a run's reminder
    # went out, so a rerun or a restart never sends it twice.
    (
        "ALTER TABLE retro_schedules ADD COLUMN remind_before_days INTEGER",
        "ALTER TABLE schedule_runs ADD COLUMN reminded_on DATE",
    ),
    # 11: how many released responses a survey's last row-level export held (no row: none
    # made). A survey reopened after such an export may be row-exported again only once at
    # least the quote threshold of new responses is released, so two exports never differ by
    # a handful of people (`afterward.services.exports`). A count, never a time.
    (
        """CREATE TABLE survey_row_exports (
            survey_id UUID PRIMARY KEY,
            responses INTEGER NOT NULL CHECK (responses >= 0))""",
    ),
    # 12: an action's status history keeps every change, each its own row: `seq` numbers an
    # action's changes 1, 2, 3… in the order made (a count, never a time; days stay days).
    # A reason belongs only to "not doing": the reasons other statuses kept are cleared.
    (
        """CREATE TABLE action_status_changes (
            action_id UUID NOT NULL,
            seq INTEGER NOT NULL CHECK (seq >= 1),
            changed_on DATE NOT NULL,
            status VARCHAR NOT NULL
                CHECK (status IN ('open', 'in_progress', 'done', 'not_doing')),
            reason VARCHAR NOT NULL DEFAULT '',
            PRIMARY KEY (action_id, seq))""",
        """INSERT INTO action_status_changes
            SELECT action_id, row_number() OVER (PARTITION BY action_id ORDER BY changed_on),
                   changed_on, status, CASE WHEN status = 'not_doing' THEN reason ELSE '' END
            FROM action_status_history""",
        "DROP TABLE action_status_history",
        "ALTER TABLE action_status_changes RENAME TO action_status_history",
        "UPDATE action_items SET status_reason = '' WHERE status <> 'not_doing'",
    ),
    # 13: the surveys reopened after they closed with released responses. Views by role wait
    # until a survey takes no more answers; a second closing would give a second moment whose
    # role groups could differ by one person, so a reopened survey never shows them again
    # (`afterward.services.gates`). No time, no count.
    ("CREATE TABLE survey_reopens (survey_id UUID PRIMARY KEY)",),
)
