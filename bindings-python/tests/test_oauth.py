"""tikapi.oauth: thin wrappers over the core's authorisation helpers."""

import pytest
from tikapi import oauth


def test_link_has_the_popup_form():
    link = oauth.authorization_url(
        client_id="c_1234567890",
        redirect_uri="https://app.example/cb",
        scopes=["view_profile", "EXPLORE"],
        state="xyz",
        country="us",
        email="a@b.co",
    )
    assert link == (
        "https://tikapi.io/account/authorize?client_id=c_1234567890"
        "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&scope=VIEW_PROFILE%2BEXPLORE"
        "&state=xyz&email=a%40b.co&country=us"
    )


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"scopes": ["view_profil"]}, "did you mean VIEW_PROFILE?"),
        ({"scopes": []}, "at least one scope"),
        ({"scopes": "VIEW_PROFILE"}, "not one string"),
        ({"scopes": ["LIVE"], "redirect_uri": "/cb"}, "redirect_uri"),
        ({"scopes": ["LIVE"], "client_id": ""}, "client_id is required"),
    ],
)
def test_bad_link_arguments_are_named(kwargs, needle):
    args = {"client_id": "c_1234567890", "redirect_uri": "http://127.0.0.1:1/cb", **kwargs}
    with pytest.raises(oauth.OAuthError) as e:
        oauth.authorization_url(**args)
    assert needle in str(e.value)
    assert e.value.kind == "invalid_argument"
    assert isinstance(e.value, ValueError)


def test_redirect_gives_key_scopes_state_and_hides_the_key():
    token = "C5BGTXRtQs7jiy4CNURuwLXbDxRl2VIk"
    auth = oauth.parse_redirect(
        f"http://127.0.0.1:1/cb?access_token={token}&scope=VIEW_PROFILE%2Bexplore&state=s1",
        expected_state="s1",
    )
    assert auth.account_key == token
    assert auth.scopes == ["VIEW_PROFILE", "EXPLORE"]
    assert auth.state == "s1"
    assert token not in repr(auth)


@pytest.mark.parametrize(
    ("query", "expected", "kind"),
    [
        ("access_token=SecretTokenValue123&state=evil", "good", "state_mismatch"),
        ("state=good", "good", "missing_token"),
        ("type=error&message=Authorization+has+been+canceled+by+user.", None, "denied"),
    ],
)
def test_bad_redirects(query, expected, kind):
    with pytest.raises(oauth.OAuthError) as e:
        oauth.parse_redirect(f"http://x.y/cb?{query}", expected)
    assert e.value.kind == kind
    assert "SecretTokenValue123" not in str(e.value)


def test_required_scopes():
    assert oauth.required_scopes("user.info") == ["VIEW_PROFILE"]
    assert oauth.required_scopes("user.live.chat") == ["LIVE", "SEND_MESSAGES"]
    assert oauth.required_scopes("public.check") == []
    with pytest.raises(oauth.OAuthError) as e:
        oauth.required_scopes("user.nope")
    assert e.value.kind == "unknown_endpoint"
    assert ("EDIT_PROFILE", "edit") in oauth.SCOPES
