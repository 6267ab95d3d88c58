"""Afterward's own HTTP routes (`afterward.web.http`) under Starlette's TestClient.

The app here is the routes and middleware alone (no Streamlit pages mounted): a page URL that
gets past the middleware answers 404, which is what "not redirected, not refused" looks like.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from starlette.applications import Starlette
from starlette.testclient import TestClient

from afterward.web.http import LOGIN_PATH, MIDDLEWARE, ROUTES
from tests.conftest import MANAGER_PASSWORD

NONCE = re.compile(r'name="nonce" value="([^"]+)"')


def http_app() -> Starlette:
    return Starlette(routes=ROUTES, middleware=MIDDLEWARE)


@contextmanager
def http_client(address: str = "203.0.113.9", app: Starlette | None = None) -> Iterator[TestClient]:
    """A TestClient from `address` that does not follow redirects (the tests look at them).
    The store and the login throttle are `st.cache_resource`: fresh for each test."""
    st.cache_resource.clear()
    try:
        with TestClient(
            app or http_app(), follow_redirects=False, client=(address, 50000)
        ) as client:
            yield client
    finally:
        st.cache_resource.clear()


def form_nonce(client: TestClient, next_path: str = "/") -> str:
    """GET the login form (which sets the nonce cookie) and return the nonce it carries."""
    page = client.get(LOGIN_PATH, params={"next": next_path})
    assert page.status_code == 200, page.text
    found = NONCE.search(page.text)
    assert found, page.text
    return found.group(1)


def post_password(client: TestClient, password: str = MANAGER_PASSWORD, next_path: str = "/"):
    """Fill in and send the login form as a browser would (nonce cookie and field)."""
    nonce = form_nonce(client, next_path)
    return client.post(LOGIN_PATH, data={"password": password, "next": next_path, "nonce": nonce})
