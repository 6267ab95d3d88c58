"""The `afterward` command: set up surveys and links without the browser."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from afterward.backends import LocalBackend, RemoteBackend, connect
from afterward.services import exports, manager_api, publishing
from afterward.services.survey_admin import SURVEY_LIST_KEYS
from afterward.settings import DEFAULT_BASE_URL, configured_base_url, database_path
from surveys import links, sample, setup
from surveys.questionnaire import load_templates
from surveys.store import Store, StoreError


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except BrokenPipeError:  # `afterward survey list | head`: the reader has had enough
        sys.stdout = None  # type: ignore[assignment]
        return 0
    except StoreError as exc:
        print(f"afterward: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"afterward: {exc}", file=sys.stderr)
        return 2


def _id_argument(kind: str, listing: str) -> Callable[[str], str]:
    """An id argument's type: refused (exit 2) when empty, before anything is opened."""

    def checked(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError(
                f"give a {kind} id (`afterward {listing}` shows them), not an empty one"
            )
        return text.strip()

    return checked


_survey_id = _id_argument("survey", "survey list")
_schedule_id = _id_argument("schedule", "schedule list")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="afterward",
        description="Anonymous retrospectives: set-up from the command line.",
        epilog="Exit status: 0 done; 1 the environment failed (database unreadable, corrupt or "
        "in use by another program, app unreachable, some e-mails not sent); 2 bad input "
        "(unknown survey, wrong option, missing database file or output folder).",
    )
    commands = parser.add_subparsers(title="commands")

    templates = commands.add_parser("templates", help="list questionnaire ids and titles")
    templates.set_defaults(run=_templates)

    survey = commands.add_parser("survey", help="create or close a survey")
    survey_commands = survey.add_subparsers(title="survey commands", required=True)
    create = survey_commands.add_parser("create", help="create a survey; prints its id last")
    create.add_argument("--project", required=True, help="project name (created when new)")
    create.add_argument("--template", required=True, help="questionnaire id (see `templates`)")
    create.add_argument("--title")
    create.add_argument("--quarter", help="quarter under review, e.g. 2026Q3")
    create.add_argument(
        "--threshold",
        type=int,
        default=setup.DEFAULT_THRESHOLD,
        help=f"anonymity threshold, at least {setup.MIN_THRESHOLD} (default %(default)s)",
    )
    create.set_defaults(run=_survey_create)
    listing = survey_commands.add_parser(
        "list", help="every survey: id, project, title, quarter, status, responses"
    )
    listing.add_argument("--json", action="store_true", help="a JSON array on stdout")
    listing.set_defaults(run=_survey_list)
    close = survey_commands.add_parser("close", help="stop a survey taking answers")
    close.add_argument("survey_id", type=_survey_id)
    close.set_defaults(run=_survey_close)

    link = commands.add_parser(
        "links",
        help="print the survey's open link (made the first time; threshold 5 or more), "
        "or N new single-use links",
    )
    link.add_argument("survey_id", type=_survey_id)
    link.add_argument("--invitations", type=int, metavar="N")
    link.add_argument(
        "--rotate",
        action="store_true",
        help="replace the open link with a new one (the old one stops working)",
    )
    link.add_argument("--base-url", default=None, help="default: AFTERWARD_BASE_URL")
    link.set_defaults(run=_links)

    export = commands.add_parser(
        "export",
        help="export a survey through the anonymity gate",
        description=(
            "Export a survey through the anonymity gate. Row-level exports only for closed "
            "surveys: while a survey takes answers, two exports a few responses apart would "
            "differ by exactly those people's rows, so it is refused (nothing written); close "
            "it first or use --summary-only. Each free-text question goes in a table of its "
            "own (CSV/Parquet: OUT.text-QUESTION next to OUT; XLSX: a sheet), shuffled on "
            "its own, so no row joins a person's words with their ratings and role."
        ),
    )
    export.add_argument("survey_id", type=_survey_id)
    export.add_argument("--format", choices=exports.FORMATS, required=True)
    export.add_argument(
        "--out",
        required=True,
        type=Path,
        help="file to write (CSV and Parquet write the other tables beside it)",
    )
    export.add_argument(
        "--summary-only",
        action="store_true",
        help="only counts and means per question and role (allowed while the survey is open)",
    )
    export.set_defaults(run=_export)

    results = commands.add_parser(
        "results",
        help="what a manager may see of one survey now (released responses, gated)",
    )
    results.add_argument("survey_id", type=_survey_id)
    results.add_argument("--json", action="store_true", help="one JSON object on stdout")
    results.set_defaults(run=_results)

    report_cmd = commands.add_parser("report", help="write the quarterly process review")
    report_cmd.add_argument("--quarter", required=True, help="quarter under review, e.g. 2026Q3")
    report_cmd.add_argument("--out", required=True, type=Path, help="file to write: .pdf or .html")
    report_cmd.set_defaults(run=_report)

    postmortem = commands.add_parser(
        "postmortem",
        help="write a survey's post-mortem document (prefilled from its gated results)",
    )
    postmortem.add_argument("survey_id", type=_survey_id)
    postmortem.add_argument(
        "--out", required=True, type=Path, help="file to write: .md, .html or .pdf"
    )
    postmortem.set_defaults(run=_postmortem)

    imported = commands.add_parser(
        "import",
        help="import answers exported from another tool into a new closed survey",
        description=(
            "Import answers exported from Google Forms, Microsoft Forms, Typeform or "
            "SurveyMonkey (CSV/XLSX), Parabol or a retro board into a new closed survey. "
            "Columns are matched to the questionnaire's questions by prompt or id; identity "
            "columns (timestamps, e-mail, names, respondent ids) are never stored, dates only "
            "give the quarter, free text is redacted. Prints the mapping, then the new "
            "survey id as the last line."
        ),
    )
    imported.add_argument("file", type=Path)
    imported.add_argument("--project", required=True, help="project name (created when new)")
    imported.add_argument("--template", required=True, help="questionnaire id (see `templates`)")
    imported.add_argument("--quarter", help="quarter the answers belong to, e.g. 2026Q1")
    imported.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=question_id",
        help="match a column to a question (empty question id: skip the column); repeatable",
    )
    imported.add_argument(
        "--board", action="store_true", help="one column per board column, each cell a card"
    )
    imported.add_argument(
        "--threshold",
        type=int,
        default=setup.DEFAULT_THRESHOLD,
        help="anonymity threshold of the new survey (default %(default)s)",
    )
    imported.add_argument(
        "--dry-run", action="store_true", help="show what would be stored; store nothing"
    )
    imported.set_defaults(run=_import)

    invite = commands.add_parser(
        "invite",
        help="e-mail one single-use link per address (AFTERWARD_SMTP_URL, AFTERWARD_MAIL_FROM)",
        description=(
            "E-mail one new single-use link per address. FILE has one address per line, or is "
            "a CSV with an email column. Addresses are kept apart from answers, only for "
            "`afterward remind`, and deleted when the survey closes. Exit status: 0 when every "
            "message was sent, 1 when some were not (listed on stderr), 2 for bad input."
        ),
    )
    invite.add_argument("survey_id", type=_survey_id)
    invite.add_argument("--emails", required=True, type=Path, metavar="FILE")
    invite.add_argument(
        "--message-file",
        type=Path,
        metavar="F",
        help="the message text; {link}, {survey}, {project}, {threshold} are filled in "
        "(default: a short text saying the survey is anonymous and the link works once)",
    )
    invite.add_argument("--base-url", default=None, help="default: AFTERWARD_BASE_URL")
    invite.set_defaults(run=_invite)

    remind = commands.add_parser(
        "remind",
        help="e-mail a new single-use link to invited addresses whose link is still unused",
        description=(
            "E-mail a new single-use link (it replaces the earlier one, which stops working) "
            "to each invited address whose link is still unused. Prints counts only, never "
            "who was reminded. Exit status: 0 when every reminder was sent, 1 when some were "
            "not, 2 for bad input."
        ),
    )
    remind.add_argument("survey_id", type=_survey_id)
    remind.add_argument("--base-url", default=None, help="default: AFTERWARD_BASE_URL")
    remind.set_defaults(run=_remind)

    _schedule_parser(commands)

    demo = commands.add_parser("demo", help="load the one-click sample data (or remove it)")
    demo.add_argument("--remove", action="store_true", help="remove the sample data instead")
    demo.set_defaults(run=_demo)
    return parser


def _schedule_parser(commands: argparse._SubParsersAction) -> None:
    schedule = commands.add_parser(
        "schedule",
        help="recurring retros: a survey opened on a rhythm, invitations sent, closed on time",
        description=(
            "Recurring retros. The app opens a survey from the questionnaire on each due "
            "day, e-mails the recipients their single-use links (when AFTERWARD_SMTP_URL "
            "and AFTERWARD_MAIL_FROM are set) and closes it after --open-days days. Every N "
            "weeks from --first-on; at quarter end it opens --open-days days before the "
            "quarter's last day and closes on that day; or on given dates."
        ),
    )
    actions = schedule.add_subparsers(title="schedule commands", required=True)
    add = actions.add_parser("add", help="set a project's retro to recur; prints its id last")
    add.add_argument("--project", required=True, help="project name (created when new)")
    add.add_argument("--template", required=True, help="questionnaire id (see `templates`)")
    rule = add.add_mutually_exclusive_group(required=True)
    rule.add_argument("--every-weeks", type=int, metavar="N", help="every N weeks")
    rule.add_argument(
        "--quarter-end", action="store_true", help="in the last --open-days days of each quarter"
    )
    rule.add_argument(
        "--dates", metavar="DAY,DAY", help="on these days, e.g. 2026-12-04,2027-01-15"
    )
    add.add_argument("--open-days", type=int, required=True, help="days each survey stays open")
    add.add_argument(
        "--threshold",
        type=int,
        default=setup.DEFAULT_THRESHOLD,
        help=f"anonymity threshold, at least {setup.MIN_THRESHOLD} (default %(default)s)",
    )
    add.add_argument("--emails", type=Path, metavar="FILE", help="recipients: one address a line")
    add.add_argument("--message", default="", help="invitation text ({link} is the link)")
    add.add_argument("--first-on", metavar="DAY", help="first due day (default today)")
    add.add_argument(
        "--remind-days-before",
        type=int,
        metavar="N",
        help="e-mail those who have not answered N days before each survey closes",
    )
    add.set_defaults(run=_schedule_add)
    edit = actions.add_parser(
        "edit",
        help="change a recurring retro (only what is given); surveys already open keep theirs",
    )
    edit.add_argument("schedule_id", type=_schedule_id)
    new_rule = edit.add_mutually_exclusive_group()
    new_rule.add_argument("--every-weeks", type=int, metavar="N", help="every N weeks")
    new_rule.add_argument(
        "--quarter-end", action="store_true", help="in the last --open-days days of each quarter"
    )
    new_rule.add_argument("--dates", metavar="DAY,DAY", help="on these days")
    edit.add_argument("--first-on", metavar="DAY", help="the every-N-weeks rhythm's first day")
    edit.add_argument("--open-days", type=int, help="days each survey stays open")
    edit.add_argument("--threshold", type=int, help="anonymity threshold of the next surveys")
    edit.add_argument(
        "--emails", type=Path, metavar="FILE", help="replace the recipients: one address a line"
    )
    edit.add_argument("--message", default=None, help="invitation text ({link} is the link)")
    edit.add_argument(
        "--remind-days-before",
        type=int,
        metavar="N",
        help="remind those who have not answered N days before the close (0: no reminder)",
    )
    edit.set_defaults(run=_schedule_edit)
    listing = actions.add_parser("list", help="every recurring retro and its next due day")
    listing.add_argument("--json", action="store_true", help="a JSON array on stdout")
    listing.set_defaults(run=_schedule_list)
    for name, text in (
        ("pause", "stop opening surveys (open ones still close on their day)"),
        ("resume", "open surveys again from today"),
        ("remove", "delete the schedule (its surveys stay)"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("schedule_id", type=_schedule_id)
        action.set_defaults(run=_schedule_change, action=name)
    run = actions.add_parser("run", help="open, invite and close what is due today now")
    run.set_defaults(run=_schedule_run)


def _open_store() -> Store:
    return publishing.open_store(database_path())


@contextmanager
def _backend(create: bool = False) -> Iterator[LocalBackend | RemoteBackend]:
    """The database, or the running app that holds it (`afterward.backends.connect`).
    Without `create`, a missing database file is bad input (ValueError, exit 2): a
    mistyped AFTERWARD_DB must not silently become a new, empty database."""
    path = Path(database_path())
    if not create and not path.exists():
        raise ValueError(
            f"No database at {path} (AFTERWARD_DB). Check the path; `afterward survey "
            "create` or `afterward demo` make a new one."
        )
    app = connect(path)
    try:
        yield app
    finally:
        app.close()


def _templates(_: argparse.Namespace) -> int:
    valid, broken = load_templates()
    for template_id, questionnaire in sorted(valid.items()):
        print(f"{template_id}\t{questionnaire.title}")
    for item in broken:
        print(f"broken: {item.error}", file=sys.stderr)
    return 0


def _survey_create(args: argparse.Namespace) -> int:
    with _open_store() as store:
        survey_id = setup.create_survey(
            store,
            project=args.project,
            template_id=args.template,
            title=args.title,
            quarter=args.quarter,
            threshold=args.threshold,
        )
        survey = store.survey(survey_id)
    print(f"Created {survey.title!r} for {survey.project_name} ({survey.quarter}).")
    print(survey_id)
    return 0


def _survey_list(args: argparse.Namespace) -> int:
    with _backend() as app:
        surveys = app.survey_list()
    if args.json:  # the documented keys only (a public contract)
        listed = [{k: row[k] for k in SURVEY_LIST_KEYS} for row in surveys]
        print(json.dumps(listed, ensure_ascii=False))
        return 0
    if not surveys:
        print("No surveys yet. Create one with `afterward survey create`.")
        return 0
    for row in surveys:
        if row.get("shown", True):
            state = "results shown"
        else:
            state = f"results hidden: fewer than {row.get('threshold', '?')} (threshold)"
        waiting = f", {row['waiting']} waiting" if row["waiting"] else ""
        print(
            f"{row['id']}  {row['quarter']}  {row['status']:<6}  {row['responses']:>5} "
            f"response(s){waiting}, {state}  {row['project']} · {row['title']}"
        )
    return 0


def _survey_close(args: argparse.Namespace) -> int:
    with _backend() as app:
        app.close_survey(args.survey_id)
    print(f"Closed {args.survey_id}.")
    return 0


def _links(args: argparse.Namespace) -> int:
    if args.invitations is not None:
        links.check_invitation_count(args.invitations)  # before any warning
    base = args.base_url or configured_base_url()
    if base is None:
        print(
            f"afterward: warning: no AFTERWARD_BASE_URL or --base-url, so links point at "
            f"{DEFAULT_BASE_URL}, which only works on this machine.",
            file=sys.stderr,
        )
        base = DEFAULT_BASE_URL
    with _backend() as app:
        made = app.survey_links(
            args.survey_id, base=base, invitations=args.invitations, rotate=args.rotate
        )
    for note in made["notes"]:
        print(f"afterward: note: {note}", file=sys.stderr)
    for link in made["links"]:
        print(link)
    return 0


def _link_base(given: str | None) -> str:
    base = given or configured_base_url()
    if base is None:
        print(
            f"afterward: warning: no AFTERWARD_BASE_URL or --base-url, so links point at "
            f"{DEFAULT_BASE_URL}, which only works on this machine.",
            file=sys.stderr,
        )
        base = DEFAULT_BASE_URL
    return base


def _read_text(path: Path) -> str:
    from afterward.services.mailing import decode_address_file

    try:
        return decode_address_file(path.read_bytes())
    except OSError as exc:
        raise ValueError(f"Cannot read {path}: {exc.strerror or exc}.") from None


class _MailProgress:
    """Prints a mail batch's progress on stderr (counts only), at most once every
    `every_s` seconds and only once it has run that long, so a short batch prints none."""

    def __init__(self, every_s: float = 1.0) -> None:
        self.every_s = every_s
        self.last = time.monotonic()

    def __call__(self, job: dict) -> None:
        now = time.monotonic()
        if job["done"] or now - self.last < self.every_s:
            return
        self.last = now
        print(f"afterward: {job['progress']}", file=sys.stderr, flush=True)


def _delivery(report: dict) -> int:
    """Print a delivery report: failures on stderr, the counts on stdout; the exit status."""
    lines = report["lines"]
    print(lines[0])
    for line in lines[1:]:
        print(f"afterward: {line}", file=sys.stderr)
    if report["failed_count"] or report["invalid"]:
        print("afterward: some messages were not sent (see above).", file=sys.stderr)
        return 1
    return 0


def _invite(args: argparse.Namespace) -> int:
    emails = _read_text(args.emails)
    message = _read_text(args.message_file) if args.message_file else None
    base = _link_base(args.base_url)
    with _backend() as app:
        report = app.invite(
            args.survey_id, progress=_MailProgress(), emails=emails, message=message, base=base
        )
    return _delivery(report)


def _remind(args: argparse.Namespace) -> int:
    base = _link_base(args.base_url)
    with _backend() as app:
        report = app.remind(args.survey_id, progress=_MailProgress(), base=base)
    return _delivery(report)


def _out_folder(out: Path) -> None:
    """Refuse (ValueError, exit 2) an --out whose folder does not exist: never create it."""
    if not out.parent.is_dir():
        raise ValueError(f"Cannot write {out}: the folder {out.parent} does not exist.")


def _export(args: argparse.Namespace) -> int:
    with _backend() as app:  # refused before anything is written
        made = app.export_files(args.survey_id, args.format, args.summary_only)
    _out_folder(args.out)  # after the gate's answer: a refusal is the message that matters
    try:
        written = manager_api.write_export_files(made["files"], args.out)
    except OSError as exc:
        raise ValueError(f"Cannot write {args.out}: {exc.strerror or exc}.") from None
    for path in written:
        print(f"Wrote {path}")
    for note in made["notes"]:
        print(f"Note: {note}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from afterward.output.quarterly_report import report_format

    fmt = report_format(args.out)  # a wrong suffix fails before any work
    _out_folder(args.out)
    with _backend() as app:
        return _write(args.out, app.quarterly_report(args.quarter, fmt))


def _postmortem(args: argparse.Namespace) -> int:
    from afterward.output.postmortem_document import document_format

    fmt = document_format(args.out)  # a wrong extension fails before any work
    _out_folder(args.out)
    with _backend() as app:
        return _write(args.out, app.postmortem_file(args.survey_id, fmt))


def _write(out: Path, data: bytes) -> int:
    """Write a made file (report, post-mortem) and say where. Raises ValueError (exit 2)
    when it cannot be written (a folder of that name, no permission, a full disk)."""
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise ValueError(f"Cannot write {out}: {exc.strerror or exc}.") from None
    print(f"Wrote {out}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from afterward.services.importing import parse_mapping

    mapping = parse_mapping(args.map)
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise ValueError(f"Cannot read {args.file}: {exc.strerror or exc}.") from None
    with _backend(create=True) as app:
        made = app.import_answers(
            data,
            args.file.name,
            project=args.project,
            template_id=args.template,
            quarter=args.quarter,
            mapping=mapping,
            board=args.board,
            threshold=args.threshold,
            dry_run=args.dry_run,
        )
    for line in made["lines"]:
        print(line)
    if made["survey_id"] is None:
        print("Dry run: nothing stored.")
    else:
        print(made["survey_id"])
    return 0


def _recipients_file(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"Cannot read {path}: {getattr(exc, 'strerror', exc)}.") from None


def _schedule_add(args: argparse.Namespace) -> int:
    emails = _recipients_file(args.emails) or ""
    if args.every_weeks is not None:
        rule, dates = "every_n_weeks", None
    elif args.quarter_end:
        rule, dates = "quarter_end", None
    else:
        rule, dates = "dates", [d for d in args.dates.split(",") if d.strip()]
    with _backend(create=True) as app:
        made = app.schedule_add(
            project=args.project,
            template_id=args.template,
            rule=rule,
            every_weeks=args.every_weeks,
            dates=dates,
            first_on=args.first_on,
            open_days=args.open_days,
            threshold=args.threshold,
            emails=emails,
            message=args.message,
            remind_before_days=args.remind_days_before,
        )
    print(
        f"Recurring retro for {args.project}: {made['description']}; "
        f"{made['recipients']} recipient(s); next due {made['next_due_on'] or 'never'}."
    )
    print(made["id"])
    return 0


def _schedule_edit(args: argparse.Namespace) -> int:
    options: dict = {
        "open_days": args.open_days,
        "threshold": args.threshold,
        "emails": _recipients_file(args.emails),
        "message": args.message,
        "first_on": args.first_on,
        "remind_before_days": args.remind_days_before,
    }
    if args.every_weeks is not None:
        options |= {"rule": "every_n_weeks", "every_weeks": args.every_weeks}
    elif args.quarter_end:
        options["rule"] = "quarter_end"
    elif args.dates is not None:
        options |= {"rule": "dates", "dates": [d for d in args.dates.split(",") if d.strip()]}
    options = {k: v for k, v in options.items() if v is not None}
    if not options:
        raise ValueError("Nothing to change: give at least one option (see --help).")
    with _backend() as app:
        made = app.schedule_edit(args.schedule_id, **options)
    days = made["remind_before_days"]
    reminder = f"reminder {days} day(s) before the close" if days else "no reminder"
    print(
        f"Changed {made['id']}: {made['description']}; {made['recipients']} recipient(s); "
        f"{reminder}; next due {made['next_due_on'] or 'never'}."
    )
    return 0


def _schedule_list(args: argparse.Namespace) -> int:
    with _backend() as app:
        rows = app.schedule_list()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    if not rows:
        print("No recurring retros yet. Add one with `afterward schedule add`.")
        return 0
    for row in rows:
        state = f"next {row['next_due_on'] or 'never'}" if row["active"] else "paused"
        print(
            f"{row['id']}  {row['project']} · {row['template']} · {row['description']} · "
            f"{row['recipients']} recipient(s) · {state} · last run {row['last_run_on'] or '-'}"
        )
    return 0


def _schedule_change(args: argparse.Namespace) -> int:
    with _backend() as app:
        if args.action == "remove":
            app.schedule_remove(args.schedule_id)
            print(f"Removed {args.schedule_id}; the surveys it opened stay.")
            return 0
        made = app.schedule_set_active(args.schedule_id, args.action == "resume")
    if made["active"]:
        print(f"Resumed {args.schedule_id}; next due {made['next_due_on'] or 'never'}.")
    else:
        print(f"Paused {args.schedule_id}; surveys already open still close on their day.")
    return 0


def _schedule_run(_: argparse.Namespace) -> int:
    with _backend() as app:
        report = app.schedule_run()
    for line in report["lines"]:
        print(line)
    return 1 if report["errors"] else 0


def _results(args: argparse.Namespace) -> int:
    with _backend() as app:
        shown = app.survey_results(args.survey_id)
    if args.json:
        print(json.dumps(shown, ensure_ascii=False))
        return 0
    print(
        f"{shown['released_responses']} released response(s) shown (threshold "
        f"{shown['threshold']}); {shown['waiting']} waiting for the next release."
    )
    for question in shown["questions"]:
        mean = "" if question["mean"] is None else f" mean {question['mean']:.2f}"
        print(f"  {question['id']}: n={question['n']}{mean} {question['distribution']}")
    for key in ("roles", "categories", "themes"):
        if shown[key]:
            print(f"{key}: " + "; ".join(", ".join(map(str, row.values())) for row in shown[key]))
    return 0


def _demo(args: argparse.Namespace) -> int:
    with _open_store() as store:
        if args.remove:
            if not store.has_sample():
                print("No sample data to remove.")
                return 0
            store.remove_sample()
            print("Removed the sample data; real projects are untouched.")
            return 0
        summary = sample.load_sample(store)
        publishing.publish_due(store)  # the open surveys' answers, as the app would
    print(summary.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
