"""Where the command line gets its answers: the database itself, or the running app.

DuckDB lets one process hold the file. `connect()` opens the database when it is free
(`LocalBackend`); when the app holds it, it reads the server file the app wrote beside the
database (`afterward.web.api.server_file`) and asks the app's JSON API (`RemoteBackend`).
Both give the same answers: each method calls, or is served by, the same function of
`afterward.services.manager_api`.
"""

from __future__ import annotations

import base64
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from afterward.services import manager_api, publishing
from afterward.settings import database_path
from surveys.store import DatabaseLocked, Store, StoreError

TIMEOUT_SECONDS = 120  # a first report on a large database can take a while
POLL_SECONDS = 0.5  # how often the command line asks the app how an e-mail batch is going
Progress = Callable[[dict[str, Any]], None]  # told a mail job's JSON (`MailJob.as_json`)


class AppUnreachable(StoreError):
    """The database is locked and the app that holds it cannot be asked."""


class LocalBackend:
    """The database opened by this process (the app is not running)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def close(self) -> None:
        self.store.close()

    def survey_list(self) -> list[dict[str, Any]]:
        return manager_api.survey_list(self.store)

    def close_survey(self, survey_id: str) -> dict[str, Any]:
        return manager_api.close_survey(self.store, survey_id)

    def survey_links(self, survey_id: str, **options: Any) -> dict[str, Any]:
        return manager_api.survey_links(self.store, survey_id, **options)

    def survey_results(self, survey_id: str) -> dict[str, Any]:
        return manager_api.survey_results(self.store, survey_id)

    def export_files(self, survey_id: str, fmt: str, summary_only: bool) -> dict[str, Any]:
        return manager_api.export_files(self.store, survey_id, fmt, summary_only=summary_only)

    def quarterly_report(self, quarter: str, fmt: str) -> bytes:
        return manager_api.quarterly_report(self.store, quarter, fmt)

    def postmortem_file(self, survey_id: str, fmt: str) -> bytes:
        return manager_api.postmortem_file(self.store, survey_id, fmt)

    def import_answers(self, data: bytes, filename: str, **options: Any) -> dict[str, Any]:
        return manager_api.import_answers(self.store, data, filename, **options)

    def schedule_add(self, **options: Any) -> dict[str, Any]:
        return manager_api.schedule_add(self.store, **options)

    def schedule_list(self) -> list[dict[str, Any]]:
        return manager_api.schedule_list(self.store)

    def schedule_set_active(self, schedule_id: str, active: bool) -> dict[str, Any]:
        return manager_api.schedule_set_active(self.store, schedule_id, active)

    def schedule_edit(self, schedule_id: str, **options: Any) -> dict[str, Any]:
        return manager_api.schedule_edit(self.store, schedule_id, **options)

    def schedule_remove(self, schedule_id: str) -> dict[str, Any]:
        return manager_api.schedule_remove(self.store, schedule_id)

    def schedule_run(self) -> dict[str, Any]:
        return manager_api.schedule_run(self.store)

    def invite(
        self, survey_id: str, progress: Progress | None = None, **options: Any
    ) -> dict[str, Any]:
        """Send in this process (it is the command line's own); `progress` as it goes."""
        return manager_api.invite_by_email(self.store, survey_id, progress=progress, **options)

    def remind(
        self, survey_id: str, progress: Progress | None = None, **options: Any
    ) -> dict[str, Any]:
        return manager_api.remind_by_email(self.store, survey_id, progress=progress, **options)


class RemoteBackend:
    """The running app, through its JSON API (`afterward.web.api`)."""

    def __init__(self, url: str, key: str) -> None:
        self.url = url.rstrip("/")
        self.key = key

    def close(self) -> None:
        pass

    def _call(
        self,
        method: str,
        path: str,
        body: dict | None = None,
        *,
        timeout: float = TIMEOUT_SECONDS,
        **query: Any,
    ) -> bytes:
        from afterward.web.api import API_PREFIX

        address = f"{self.url}{API_PREFIX}{path}"
        if query:
            address += "?" + urllib.parse.urlencode(query)
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(address, data=data, method=method)  # noqa: S310
        request.add_header("Authorization", f"Bearer {self.key}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:  # noqa: S310
                return reply.read()
        except urllib.error.HTTPError as exc:
            try:
                message = json.loads(exc.read()).get("error") or exc.reason
            except (ValueError, AttributeError):
                message = str(exc.reason)
            if exc.code == 503:
                raise StoreError(message) from None
            raise ValueError(message) from None
        except (urllib.error.URLError, OSError) as exc:
            raise AppUnreachable(
                f"The database is in use by the app at {self.url}, which did not answer "
                f"({exc}). Try again, or stop the app and run the command again."
            ) from None

    def _json(self, raw: bytes) -> Any:
        """The app's answer decoded. Raises AppUnreachable (a StoreError) when it is not
        JSON: whatever answered at the server file's address is not this app's API."""
        try:
            return json.loads(raw)
        except ValueError:
            raise AppUnreachable(
                f"The app at {self.url} answered something that is not JSON "
                f"({raw[:60]!r}...). Is the server file beside the database from another "
                "program? Restart the app, or stop it and run the command again."
            ) from None

    def survey_list(self) -> list[dict[str, Any]]:
        return self._json(self._call("GET", "/surveys"))

    def close_survey(self, survey_id: str) -> dict[str, Any]:
        return self._json(self._call("POST", f"/surveys/{_quote(survey_id)}/close", {}))

    def survey_links(self, survey_id: str, **options: Any) -> dict[str, Any]:
        body = {
            "base_url": options.get("base"),
            "invitations": options.get("invitations"),
            "rotate": bool(options.get("rotate")),
        }
        return self._json(self._call("POST", f"/surveys/{_quote(survey_id)}/links", body))

    def survey_results(self, survey_id: str) -> dict[str, Any]:
        return self._json(self._call("GET", f"/surveys/{_quote(survey_id)}/results"))

    def export_files(self, survey_id: str, fmt: str, summary_only: bool) -> dict[str, Any]:
        reply = self._json(
            self._call(
                "GET",
                f"/surveys/{_quote(survey_id)}/export",
                format=fmt,
                summary_only=int(summary_only),
            )
        )
        files = {name: base64.b64decode(data) for name, data in reply["files"].items()}
        return {"files": files, "notes": reply["notes"]}

    def quarterly_report(self, quarter: str, fmt: str) -> bytes:
        return self._call("GET", "/report", quarter=quarter, format=fmt)

    def postmortem_file(self, survey_id: str, fmt: str) -> bytes:
        return self._call("GET", f"/surveys/{_quote(survey_id)}/postmortem", format=fmt)

    def import_answers(self, data: bytes, filename: str, **options: Any) -> dict[str, Any]:
        body = {"file": base64.b64encode(data).decode(), "filename": filename, **options}
        return self._json(self._call("POST", "/import", body))

    def schedule_add(self, **options: Any) -> dict[str, Any]:
        return self._json(self._call("POST", "/schedules", options))

    def schedule_list(self) -> list[dict[str, Any]]:
        return self._json(self._call("GET", "/schedules"))

    def schedule_set_active(self, schedule_id: str, active: bool) -> dict[str, Any]:
        action = "resume" if active else "pause"
        return self._json(self._call("POST", f"/schedules/{_quote(schedule_id)}/{action}", {}))

    def schedule_edit(self, schedule_id: str, **options: Any) -> dict[str, Any]:
        path = f"/schedules/{_quote(schedule_id)}/edit"
        return self._json(self._call("POST", path, options))

    def schedule_remove(self, schedule_id: str) -> dict[str, Any]:
        return self._json(self._call("DELETE", f"/schedules/{_quote(schedule_id)}"))

    def schedule_run(self) -> dict[str, Any]:
        return self._json(self._call("POST", "/schedules/run", {}))

    def invite(
        self, survey_id: str, progress: Progress | None = None, **options: Any
    ) -> dict[str, Any]:
        """The app sends in the background: start the batch, then follow it to the end."""
        body = {
            "emails": options.get("emails"),
            "message": options.get("message"),
            "base_url": options.get("base"),
        }
        started = self._json(self._call("POST", f"/surveys/{_quote(survey_id)}/invite", body))
        return self._follow(started["job"], progress)

    def remind(
        self, survey_id: str, progress: Progress | None = None, **options: Any
    ) -> dict[str, Any]:
        body = {"message": options.get("message"), "base_url": options.get("base")}
        started = self._json(self._call("POST", f"/surveys/{_quote(survey_id)}/remind", body))
        return self._follow(started["job"], progress)

    def _follow(self, job_id: str, progress: Progress | None) -> dict[str, Any]:
        """Ask how the mail job goes until it is done; its delivery report. Raises ValueError
        with the job's error when the batch could not run (e.g. mail server unreachable)."""
        while True:
            job = self._json(self._call("GET", f"/mail-jobs/{_quote(job_id)}"))
            if progress is not None:
                progress(job)
            if job["done"]:
                if job["error"]:
                    raise ValueError(job["error"])
                return job["report"]
            time.sleep(POLL_SECONDS)


def _quote(part: str) -> str:
    return urllib.parse.quote(part, safe="")


def connect(db_path: Path | None = None) -> LocalBackend | RemoteBackend:
    """The database when it is free, else the app that holds it.

    Raises DatabaseLocked when another process holds the file and no running app left its
    server file; the store's StoreError when the file cannot be opened.
    """
    from afterward.web.api import server_file

    path = Path(db_path or database_path())
    try:
        return LocalBackend(publishing.open_store(path))
    except DatabaseLocked:
        try:
            found = json.loads(server_file(path).read_text(encoding="utf-8"))
            return RemoteBackend(found["url"], found["key"])
        except (OSError, ValueError, KeyError, TypeError):
            raise DatabaseLocked(
                f"{path} is in use by another process that is not the Afterward app (or the "
                "app's server file is missing). Stop that process, or run the command again "
                "once it has finished."
            ) from None
