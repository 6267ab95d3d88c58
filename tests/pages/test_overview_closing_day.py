"""The Overview's participation chart: a survey whose closing day has passed takes no more
answers even while its stored status still says "open" (a scheduled close not run yet, or a
survey created with a closing day), so its hidden bar says "No responses" / "hidden: too
few", never "N more needed" (`manager_views.gated_participation`'s status)."""

from __future__ import annotations

import json
from datetime import timedelta

import clock
from afterward.services.manager_views import gated_participation
from surveys import setup
from surveys.store import Scope, Store
from tests.pages.test_manager_pages import open_page


def _survey(store: Store, project: str, days_ago_closed: int | None) -> str:
    today = clock.today()
    return setup.create_survey(
        store,
        project=project,
        template_id="sprint-retro",
        opens_on=today - timedelta(days=60),
        closes_on=None if days_ago_closed is None else today - timedelta(days=days_ago_closed),
    )


def _bars(at) -> dict[str, str]:
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return {
        label.split(" · ")[0]: text
        for trace in spec["data"]
        for label, text in zip(trace["y"], trace["text"], strict=True)
    }


def test_a_survey_past_its_closing_day_is_closed_on_the_overview(app, db_path):
    with Store(db_path) as store:
        past = _survey(store, "Tern", days_ago_closed=1)
        running = _survey(store, "Heron", days_ago_closed=None)
        today_last = _survey(store, "Plover", days_ago_closed=0)  # closes at the end of today
        assert store.survey(past).status == "open"  # nobody closed it
        statuses = gated_participation(store, Scope())
    assert dict(zip(statuses["survey_id"], statuses["status"], strict=True)) == {
        past: "closed",
        running: "open",
        today_last: "open",
    }
    at = open_page(app, "overview")
    bars = _bars(at)
    assert bars["Tern"] == "No responses"
    assert bars["Heron"] == "hidden: 3 more needed"
    assert bars["Plover"] == "hidden: 3 more needed"
