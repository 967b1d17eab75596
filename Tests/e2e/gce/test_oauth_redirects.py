"""Issue #11 defect 3, over a real socket: a redirect URI with userinfo once passed as loopback, and the bridge
answered 302 to evil.example carrying the authorization code. Every one of these must get 400 and no Location,
whether the consent page is fetched (GET) or the person "allows" with the right key pair (POST), with and without
a PKCE `plain` challenge the attacker chose."""

import http.client
import urllib.parse

import pytest

HOSTILE = ["http://localhost:1@evil.example/cb", "http://127.0.0.1:80@evil.example/cb", "http://[::1]:1@evil.example/cb"]


def exchange(bridge, method, fields):
    """One raw HTTP/1.1 exchange with the bridge's plain listener: no client library follows anything."""
    host, port = urllib.parse.urlsplit(bridge.http_url).hostname, urllib.parse.urlsplit(bridge.http_url).port
    connection = http.client.HTTPConnection(host, port, timeout=10)
    body = urllib.parse.urlencode(fields)
    if method == "GET":
        connection.request("GET", "/o/oauth2/auth?" + body)
    else:
        connection.request("POST", "/o/oauth2/auth", body=body,
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    payload = response.read()
    connection.close()
    return response.status, response.getheader("Location"), payload


@pytest.mark.parametrize("redirect_uri", HOSTILE)
@pytest.mark.parametrize("pkce", [False, True])
def test_userinfo_redirects_are_refused_with_400_and_never_redirected(stackbridge, redirect_uri, pkce):
    fields = [("client_id", stackbridge.api_key), ("redirect_uri", redirect_uri), ("response_type", "code"),
              ("scope", "https://www.googleapis.com/auth/compute"), ("state", "s")]
    if pkce:
        fields += [("code_challenge", "attacker-chosen-verifier-0123456789abcdefghijklm"),
                   ("code_challenge_method", "plain")]
    for method, extra in [("GET", []), ("POST", [("decision", "allow"), ("secret_key", stackbridge.secret_key)])]:
        status, location, body = exchange(stackbridge, method, fields + extra)
        assert status == 400, (method, status, location)
        assert location is None
        assert b"code=" not in body


def test_a_loopback_redirect_still_gets_its_code(stackbridge):
    """The control: the same request with a real loopback URI is redirected there with a code."""
    fields = [("client_id", stackbridge.api_key), ("redirect_uri", "http://127.0.0.1:8087/cb"), ("response_type", "code"),
              ("scope", "https://www.googleapis.com/auth/compute"), ("state", "s"), ("decision", "allow"),
              ("secret_key", stackbridge.secret_key)]
    status, location, _ = exchange(stackbridge, "POST", fields)
    assert status == 302
    assert location.startswith("http://127.0.0.1:8087/cb?code=")
