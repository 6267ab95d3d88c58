"""Single sign-on (st.login) when `[auth]` is configured in secrets."""

from tests.pages.helpers import texts

AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "x" * 32,
    "client_id": "afterward",
    "client_secret": "s",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


def test_login_page_offers_single_sign_on_when_configured(app):
    app.secrets["auth"] = AUTH
    app.user = {"is_logged_in": False}
    app.run()
    assert "Log in with single sign-on" in [b.label for b in app.button]


def test_no_single_sign_on_button_without_auth_settings(app):
    app.run()
    assert "Log in with single sign-on" not in [b.label for b in app.button]


def test_signed_in_manager_on_the_allow_list_sees_the_dashboard(app):
    app.secrets["auth"] = AUTH
    app.secrets["afterward"] = {"manager_emails": ["Lead@Example.com"]}
    app.user = {"is_logged_in": True, "email": "lead@example.com"}
    app.run()
    assert not app.exception
    assert texts(app.title) == ["Overview"]


def test_signed_in_person_off_the_allow_list_sees_only_the_login(app):
    app.secrets["auth"] = AUTH
    app.secrets["afterward"] = {"manager_emails": ["lead@example.com"]}
    app.user = {"is_logged_in": True, "email": "someone@example.com"}
    app.run()
    assert texts(app.title) == ["Afterward"]
