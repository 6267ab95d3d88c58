"""The app's small JSON API for managers, and its health route.

The running app holds the DuckDB file (one process may open it), so the `afterward` command
line asks the app instead when it finds the file locked: it reads the server file the app
writes beside the database at start-up (`server_file`: the app's loopback address and an
API key, readable by the file's owner only) and calls these routes with
`Authorization: Bearer <key>`. A browser with a manager session may call them too.

Routes (all JSON; errors are {"error": message} with 400 for a refused request, 401 without
credentials, 404 for an unknown survey, 415 for a POST body that is not JSON, 503 when the database cannot be read):
- `GET  /api/v1/surveys`                       -> list of surveys (`manager_api.survey_list`)
- `POST /api/v1/surveys/{id}/close`            -> {"id", "status"}
- `POST /api/v1/surveys/{id}/links`            -> {"links", "notes"}; JSON body: base_url,
  invitations, rotate
- `GET  /api/v1/surveys/{id}/results`          -> `afterward results --json`
- `GET  /api/v1/surveys/{id}/export?format=csv&summary_only=0` -> {"files" (base64), "notes"}
- `GET  /api/v1/report?quarter=2026Q3&format=pdf` -> the file's bytes
- `GET  /api/v1/surveys/{id}/postmortem?format=md|html|pdf` -> the post-mortem file's bytes
- `POST /api/v1/import`                        -> `afterward import`: {"plan", "lines",
  "survey_id"}; JSON body: file (base64), filename, project, template_id, quarter, mapping
  (column -> question id), board, threshold, dry_run
- `POST /api/v1/surveys/{id}/invite`           -> `afterward invite`: 202 {"job": id} at once
  (sent in the background: `mail_jobs`); JSON body: emails (text), message, base_url; 409
  when a batch is being sent for the survey
- `POST /api/v1/surveys/{id}/remind`           -> `afterward remind`: 202 {"job": id}; JSON
  body: base_url, message
- `GET  /api/v1/mail-jobs/{id}`                -> the batch's progress (`MailJob.as_json`:
  total, sent, failed, done, error, report = the delivery report once done; reminders
  counts only)
- `GET  /api/v1/schedules`                     -> `afterward schedule list --json`
- `POST /api/v1/schedules`                     -> `afterward schedule add`: {"id",
  "description", "next_due_on", "recipients"}; JSON body: `manager_api.schedule_add`'s options
- `POST /api/v1/schedules/{id}/pause|resume`   -> {"id", "active", "next_due_on"}
- `POST /api/v1/schedules/{id}/edit`           -> `afterward schedule edit`: JSON body:
  `manager_api.schedule_edit`'s options
- `DELETE /api/v1/schedules/{id}`              -> {"id"}
- `POST /api/v1/schedules/run`                 -> what `recurring.run_due` did today
- `GET  /healthz` (no credentials): {"status": "ok"} when the database answers, else 503.
- Any other path under `/api/`: 404 {"error"} (405 with `Allow` for a known path asked with
  another method), never the Streamlit page.
"""

from __future__ import annotations

import base64
import hmac
import json
import os
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Match, Route

from afterward.services import manager_api
from afterward.settings import base_url, database_path
from afterward.web.manager_sessions import COOKIE_NAME, SESSIONS
from surveys.store import StoreError

API_PREFIX = "/api/v1"
HEALTH_PATH = "/healthz"
API_KEY = secrets.token_urlsafe(32)  # this server process's key; new at every start


def server_file(db_path: Path | None = None) -> Path:
    """Where the running app leaves its address and API key for the CLI: beside the database
    (`<database>.server.json`)."""
    db = Path(db_path or database_path())
    return db.with_name(db.name + ".server.json")


def write_server_file(address: str, port: int, db_path: Path | None = None) -> Path:
    """Write the server file (owner read/write only) for a server listening on address:port."""
    host = "127.0.0.1" if address in ("", "0.0.0.0", "::") else address  # noqa: S104
    path = server_file(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump({"url": f"http://{host}:{port}", "key": API_KEY, "pid": os.getpid()}, handle)
    return path


def remove_server_file(db_path: Path | None = None) -> None:
    """Remove the server file if it is this process's own (at shut-down)."""
    path = server_file(db_path)
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError):
        pass


def _authorised(request: Request) -> bool:
    given = request.headers.get("authorization", "")
    if given.startswith("Bearer ") and hmac.compare_digest(given[7:].encode(), API_KEY.encode()):
        return True
    return SESSIONS.valid(request.cookies.get(COOKIE_NAME))


def _error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


Handler = Callable[[Request, Any], Any]


def _endpoint(work: Handler) -> Callable[[Request], Awaitable[Response]]:
    """Authenticate, run `work(request, store)` off the event loop, map errors to JSON."""

    async def endpoint(request: Request) -> Response:
        if not _authorised(request):
            return _error("Log in as a manager (or use the app's API key).", 401)
        from afterward.web.session import shared_store

        body: Any = {}
        if request.method == "POST":
            # JSON only: a cross-site form cannot send it without the browser asking first.
            if request.headers.get("content-type", "").split(";")[0] != "application/json":
                return _error("Send the request body as application/json.", 415)
            try:
                body = await request.json()
            except ValueError:
                return _error("The request body must be JSON.", 400)
        request.state.body = body if isinstance(body, dict) else {}
        try:
            result = await run_in_threadpool(work, request, shared_store())
        except StoreError as exc:
            return _error(str(exc), 503)
        except LookupError as exc:
            return _error(str(exc), 404)
        except ValueError as exc:
            status = 404 if str(exc).startswith("No survey with id") else 400
            return _error(str(exc), status)
        return result if isinstance(result, Response) else JSONResponse(result)

    return endpoint


def _surveys(request: Request, store: Any) -> Any:
    return manager_api.survey_list(store)


def _close(request: Request, store: Any) -> Any:
    return manager_api.close_survey(store, request.path_params["survey_id"])


def _links(request: Request, store: Any) -> Any:
    body = request.state.body
    invitations = body.get("invitations")
    if invitations is not None and not isinstance(invitations, int):
        raise ValueError("invitations must be a whole number.")
    return manager_api.survey_links(
        store,
        request.path_params["survey_id"],
        base=str(body.get("base_url") or base_url()),
        invitations=invitations,
        rotate=bool(body.get("rotate")),
    )


def _results(request: Request, store: Any) -> Any:
    return manager_api.survey_results(store, request.path_params["survey_id"])


def _export(request: Request, store: Any) -> Any:
    params = request.query_params
    made = manager_api.export_files(
        store,
        request.path_params["survey_id"],
        params.get("format", ""),
        summary_only=params.get("summary_only", "0") in ("1", "true"),
    )
    files = {name: base64.b64encode(data).decode() for name, data in made["files"].items()}
    return {"files": files, "notes": made["notes"]}


def _report(request: Request, store: Any) -> Any:
    fmt = request.query_params.get("format", "pdf")
    data = manager_api.quarterly_report(store, request.query_params.get("quarter", ""), fmt)
    media = "application/pdf" if fmt == "pdf" else "text/html; charset=utf-8"
    return Response(data, media_type=media, headers={"Cache-Control": "no-store"})


def _postmortem(request: Request, store: Any) -> Any:
    from afterward.output.postmortem_document import MEDIA_TYPES

    fmt = request.query_params.get("format", "md")
    data = manager_api.postmortem_file(store, request.path_params["survey_id"], fmt)
    return Response(data, media_type=MEDIA_TYPES[fmt], headers={"Cache-Control": "no-store"})


IMPORT_OPTIONS = ("project", "template_id", "quarter", "mapping", "board", "threshold", "dry_run")


def _import(request: Request, store: Any) -> Any:
    body = request.state.body
    try:
        data = base64.b64decode(str(body.get("file", "")), validate=True)
    except ValueError:
        raise ValueError("file must be the export's bytes in base64.") from None
    mapping = body.get("mapping") or {}
    if not isinstance(mapping, dict):
        raise ValueError("mapping must be an object of column -> question id.")
    options = {k: body[k] for k in IMPORT_OPTIONS if k in body and body[k] is not None}
    options["mapping"] = {str(k): str(v) for k, v in mapping.items()}
    options["project"] = str(options.get("project", ""))
    options["template_id"] = str(options.get("template_id", ""))
    return manager_api.import_answers(store, data, str(body.get("filename", "")), **options)


def _invite(request: Request, store: Any) -> Any:
    body = request.state.body
    return _mail_job(
        lambda: manager_api.start_invite(
            store,
            request.path_params["survey_id"],
            emails=str(body.get("emails") or ""),
            base=str(body.get("base_url") or base_url()),
            message=str(body["message"]) if body.get("message") else None,
        )
    )


def _remind(request: Request, store: Any) -> Any:
    body = request.state.body
    return _mail_job(
        lambda: manager_api.start_remind(
            store,
            request.path_params["survey_id"],
            base=str(body.get("base_url") or base_url()),
            message=str(body["message"]) if body.get("message") else None,
        )
    )


def _mail_job(start: Callable[[], dict]) -> Response:
    """202 with the started job's id; 409 when the survey already has a batch being sent."""
    from afterward.services.mail_jobs import MailJobBusy

    try:
        return JSONResponse(start(), status_code=202)
    except MailJobBusy as exc:
        return _error(str(exc), 409)


def _mail_job_progress(request: Request, store: Any) -> Any:
    return manager_api.mail_job(request.path_params["job_id"])


SCHEDULE_OPTIONS = (
    "project",
    "template_id",
    "rule",
    "every_weeks",
    "dates",
    "first_on",
    "open_days",
    "threshold",
    "emails",
    "message",
    "remind_before_days",
)


def _schedule_add(request: Request, store: Any) -> Any:
    body = request.state.body
    options = {k: body[k] for k in SCHEDULE_OPTIONS if body.get(k) is not None}
    for key in ("every_weeks", "open_days", "threshold", "remind_before_days"):
        if key in options and not isinstance(options[key], int):
            raise ValueError(f"{key} must be a whole number.")
    if not isinstance(options.get("dates", []), list):
        raise ValueError("dates must be a list of days like 2026-12-04.")
    if "open_days" not in options:
        raise ValueError("open_days is required.")
    for key in ("project", "template_id", "rule", "first_on", "emails", "message"):
        if key in options:
            options[key] = str(options[key])
    options.setdefault("project", "")
    options.setdefault("template_id", "")
    options.setdefault("rule", "")
    return manager_api.schedule_add(store, **options)


def _schedule_edit(request: Request, store: Any) -> Any:
    body = request.state.body
    options = {k: body[k] for k in SCHEDULE_OPTIONS if body.get(k) is not None}
    options.pop("project", None)
    options.pop("template_id", None)
    for key in ("every_weeks", "open_days", "threshold", "remind_before_days"):
        if key in options and (isinstance(options[key], bool) or not isinstance(options[key], int)):
            raise ValueError(f"{key} must be a whole number.")
    if not isinstance(options.get("dates", []), list):
        raise ValueError("dates must be a list of days like 2026-12-04.")
    for key in ("rule", "first_on", "emails", "message"):
        if key in options:
            options[key] = str(options[key])
    if "dates" in options:
        options["dates"] = [str(d) for d in options["dates"]]
    return manager_api.schedule_edit(store, request.path_params["schedule_id"], **options)


def _schedule_list(request: Request, store: Any) -> Any:
    return manager_api.schedule_list(store)


def _schedule_pause(request: Request, store: Any) -> Any:
    return manager_api.schedule_set_active(store, request.path_params["schedule_id"], False)


def _schedule_resume(request: Request, store: Any) -> Any:
    return manager_api.schedule_set_active(store, request.path_params["schedule_id"], True)


def _schedule_remove(request: Request, store: Any) -> Any:
    return manager_api.schedule_remove(store, request.path_params["schedule_id"])


def _schedule_run(request: Request, store: Any) -> Any:
    return manager_api.schedule_run(store)


async def health(request: Request) -> Response:
    """For load balancers and uptime checks: 200 {"status": "ok"} when the database answers,
    503 {"status": "unavailable"} when it cannot be read. Says nothing about any survey."""
    from afterward.web.session import shared_store

    try:
        await run_in_threadpool(lambda: shared_store().schema_version())
    except Exception:  # any failure to reach the database means "not healthy"
        return JSONResponse({"status": "unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"}, headers={"Cache-Control": "no-store"})


async def _no_such_route(request: Request) -> Response:
    """Every path under /api/ that no route serves: JSON, not Streamlit's page. A path a
    route serves with other methods gets 405 and `Allow`; anything else 404."""
    allowed: set[str] = set()
    for route in API_ROUTES[:-1]:
        match, _ = route.matches(request.scope)
        if match == Match.PARTIAL and route.methods:
            allowed |= route.methods
    if allowed:
        response = _error(f"{request.method} is not allowed here.", 405)
        response.headers["Allow"] = ", ".join(sorted(allowed))
        return response
    return _error(f"No API route {request.url.path} (see the README for the API's routes).", 404)


API_ROUTES = [
    Route(HEALTH_PATH, health, methods=["GET", "HEAD"]),
    Route(f"{API_PREFIX}/surveys", _endpoint(_surveys), methods=["GET"]),
    Route(f"{API_PREFIX}/surveys/{{survey_id}}/close", _endpoint(_close), methods=["POST"]),
    Route(f"{API_PREFIX}/surveys/{{survey_id}}/links", _endpoint(_links), methods=["POST"]),
    Route(f"{API_PREFIX}/surveys/{{survey_id}}/results", _endpoint(_results), methods=["GET"]),
    Route(f"{API_PREFIX}/surveys/{{survey_id}}/export", _endpoint(_export), methods=["GET"]),
    Route(f"{API_PREFIX}/report", _endpoint(_report), methods=["GET"]),
    Route(f"{API_PREFIX}/import", _endpoint(_import), methods=["POST"]),
    Route(f"{API_PREFIX}/surveys/{{survey_id}}/invite", _endpoint(_invite), methods=["POST"]),
    Route(f"{API_PREFIX}/surveys/{{survey_id}}/remind", _endpoint(_remind), methods=["POST"]),
    Route(f"{API_PREFIX}/mail-jobs/{{job_id}}", _endpoint(_mail_job_progress), methods=["GET"]),
    Route(
        f"{API_PREFIX}/surveys/{{survey_id}}/postmortem", _endpoint(_postmortem), methods=["GET"]
    ),
    Route(f"{API_PREFIX}/schedules", _endpoint(_schedule_list), methods=["GET"]),
    Route(f"{API_PREFIX}/schedules", _endpoint(_schedule_add), methods=["POST"]),
    Route(f"{API_PREFIX}/schedules/run", _endpoint(_schedule_run), methods=["POST"]),
    Route(
        f"{API_PREFIX}/schedules/{{schedule_id}}/pause",
        _endpoint(_schedule_pause),
        methods=["POST"],
    ),
    Route(
        f"{API_PREFIX}/schedules/{{schedule_id}}/edit", _endpoint(_schedule_edit), methods=["POST"]
    ),
    Route(
        f"{API_PREFIX}/schedules/{{schedule_id}}/resume",
        _endpoint(_schedule_resume),
        methods=["POST"],
    ),
    Route(
        f"{API_PREFIX}/schedules/{{schedule_id}}", _endpoint(_schedule_remove), methods=["DELETE"]
    ),
    # Last: what no route above serves (an empty survey id, a typo) never reaches Streamlit.
    Route("/api/{rest:path}", _no_such_route),
]
