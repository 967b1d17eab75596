"""Service-account key files issued by the bridge, used the way Google's are: google-auth's
service_account.Credentials with google-api-python-client (JWT-bearer grant at the key file's token_uri) and
with google-cloud-compute (which sends a self-signed JWT as the bearer token)."""

import json

import google_auth_httplib2
import httplib2
import requests
from google.cloud import compute_v1
from google.oauth2 import service_account
from googleapiclient.discovery import build

from gce_support import SCOPE, authorization_code_grant


def key_file(bridge):
    access = authorization_code_grant(bridge)["access_token"]
    response = requests.post(bridge.gce_base_url + "/oauth2/serviceAccountKeys",
                             headers={"Authorization": "Bearer " + access}, verify=bridge.ca_file)
    assert response.status_code == 200, response.text
    info = response.json()
    assert info["type"] == "service_account" and info["token_uri"] == bridge.gce_base_url + "/token"
    return info


def test_jwt_bearer_grant_with_google_api_python_client(stackbridge):
    creds = service_account.Credentials.from_service_account_info(key_file(stackbridge), scopes=[SCOPE])
    http = google_auth_httplib2.AuthorizedHttp(creds, http=httplib2.Http(ca_certs=stackbridge.ca_file))
    compute = build("compute", "v1", http=http, client_options={"api_endpoint": stackbridge.gce_base_url + "/compute/v1/"})
    zones = compute.zones().list(project=stackbridge.project).execute()
    assert zones["items"] and creds.token.startswith("sb1.")


def test_self_signed_jwt_with_google_cloud_compute(stackbridge):
    info = key_file(stackbridge)
    creds = service_account.Credentials.from_service_account_info(info, scopes=[SCOPE])
    client = compute_v1.ZonesClient(credentials=creds, client_options={"api_endpoint": stackbridge.gce_base_url})
    zones = list(client.list(project=stackbridge.project))
    assert zones
    # GAPIC clients set always_use_jwt_access: the bearer was a self-signed JWT, not a bridge token.
    assert client._transport._credentials.token.startswith("ey")
    # Revoking the key id refuses it from then on.
    revoked = requests.post(stackbridge.gce_base_url + "/oauth2/revoke", data={"token": info["private_key_id"]},
                            verify=stackbridge.ca_file)
    assert revoked.status_code == 200
    fresh = service_account.Credentials.from_service_account_info(info, scopes=[SCOPE])
    again = compute_v1.ZonesClient(credentials=fresh, client_options={"api_endpoint": stackbridge.gce_base_url})
    try:
        list(again.list(project=stackbridge.project))
        raise AssertionError("a revoked key was accepted")
    except Exception as error:
        assert "401" in str(error) or "Unauthorized" in str(error) or "invalid" in str(error).lower(), error
