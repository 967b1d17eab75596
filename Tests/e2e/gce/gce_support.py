"""Helpers for the GCE end-to-end tests: tokens obtained through the bridge's own OAuth endpoints."""

import base64
import hashlib
import secrets
import time
import urllib.parse

import requests

REDIRECT = "http://127.0.0.1:8087/"
SCOPE = "https://www.googleapis.com/auth/compute"


def authorization_code_grant(bridge, session=None):
    """Runs the consent form (as a person would) with PKCE S256 and exchanges the code; returns the token JSON."""
    session = session or requests.Session()
    session.verify = bridge.ca_file
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    query = {"client_id": bridge.api_key, "redirect_uri": REDIRECT, "response_type": "code", "scope": SCOPE,
             "state": "e2e", "code_challenge": challenge, "code_challenge_method": "S256"}
    page = session.get(bridge.gce_base_url + "/o/oauth2/auth", params=query)
    assert page.status_code == 200 and "secret_key" in page.text
    consent = session.post(bridge.gce_base_url + "/o/oauth2/auth", allow_redirects=False,
                           data=dict(query, api_key=bridge.api_key, secret_key=bridge.secret_key, decision="allow"))
    assert consent.status_code == 302, consent.text
    location = urllib.parse.urlparse(consent.headers["Location"])
    fields = urllib.parse.parse_qs(location.query)
    assert fields["state"] == ["e2e"]
    token = session.post(bridge.gce_base_url + "/oauth2/token", data={
        "grant_type": "authorization_code", "code": fields["code"][0], "redirect_uri": REDIRECT,
        "client_id": bridge.api_key, "client_secret": bridge.secret_key, "code_verifier": verifier})
    assert token.status_code == 200, token.text
    body = token.json()
    assert body["token_type"] == "Bearer" and isinstance(body["expires_in"], int) and body["refresh_token"]
    return body


def credentials(bridge, expired=False):
    """google-auth user credentials whose token_uri is the bridge; `expired` forces a refresh on first use."""
    import datetime

    from google.oauth2.credentials import Credentials

    grant = authorization_code_grant(bridge)
    creds = Credentials(token=grant["access_token"], refresh_token=grant["refresh_token"],
                        token_uri=bridge.gce_base_url + "/oauth2/token", client_id=bridge.api_key,
                        client_secret=bridge.secret_key, scopes=[SCOPE])
    if expired:
        creds.token = "sb1.expired"
        creds.expiry = datetime.datetime.utcnow() - datetime.timedelta(seconds=10)
    return creds


def compute_client(bridge):
    """google-api-python-client's compute v1 built from the bridge's own discovery document (so it must hold every
    method a test calls), authorised with credentials() over the bridge's CA."""
    import google_auth_httplib2
    import httplib2
    from googleapiclient.discovery import build

    http = google_auth_httplib2.AuthorizedHttp(credentials(bridge), http=httplib2.Http(ca_certs=bridge.ca_file))
    return build("compute", "v1", http=http,
                 discoveryServiceUrl=bridge.gce_base_url + "/discovery/v1/apis/{api}/{apiVersion}/rest")


def first_zone_and_image(compute, project):
    zones = compute.zones().list(project=project).execute()["items"]
    zone = next(z["name"] for z in zones if "basic" in z["name"])
    images = compute.images().list(project=project).execute()["items"]
    image = next(i for i in images if i["status"] == "READY")
    types = compute.machineTypes().list(project=project, zone=zone).execute()["items"]
    machine_type = min(types, key=lambda t: t["memoryMb"])
    return zone, image, machine_type


def libcloud_driver(bridge, token_dir):
    """libcloud's GCE driver on the bridge: an installed-app token file (expired, so its first call refreshes through
    the bridge) and both of its connections pointed at the bridge's host and port."""
    import datetime
    import json
    import urllib.parse

    import libcloud.security
    from libcloud.compute.drivers.gce import GCENodeDriver

    libcloud.security.CA_CERTS_PATH = bridge.ca_file
    grant = authorization_code_grant(bridge)
    expire = datetime.datetime.utcnow() - datetime.timedelta(seconds=60)
    token_file = token_dir / "token.json"
    token_file.write_text(json.dumps({"access_token": grant["access_token"], "refresh_token": grant["refresh_token"],
                                      "token_type": "Bearer", "expire_time": expire.strftime("%Y-%m-%dT%H:%M:%SZ")}))
    url = urllib.parse.urlparse(bridge.gce_base_url)
    driver = GCENodeDriver(bridge.api_key, bridge.secret_key, project=bridge.project, auth_type="IA",
                           credential_file=str(token_file))
    for connection in (driver.connection, driver.connection.oauth2_credential.oauth2_conn):
        connection.host = url.hostname
        connection.port = url.port
        connection.connect()
    return driver


def wait_operation(compute, project, operation):
    """Waits for a zonal, regional or global operation of the discovery client with its scope's `wait` method;
    DONE without an error, or the test fails."""
    for _ in range(100):
        if "zone" in operation:
            op = compute.zoneOperations().wait(project=project, zone=operation["zone"].rsplit("/", 1)[-1],
                                               operation=operation["name"]).execute()
        elif "region" in operation:
            op = compute.regionOperations().wait(project=project, region=operation["region"].rsplit("/", 1)[-1],
                                                 operation=operation["name"]).execute()
        else:
            op = compute.globalOperations().wait(project=project, operation=operation["name"]).execute()
        if op["status"] == "DONE":
            assert "error" not in op, op
            return op
        time.sleep(0.2)
    raise AssertionError(f"operation {operation['name']} never finished")


def finish_operation(clients, project, operation, region=None, zone=None):
    """Waits on the bridge for a google-cloud-compute operation of a region, a zone or the project (the client's own
    poller would ask Google): `clients` holds the scope's operations client by class name. DONE without an error, or
    the test fails."""
    from google.cloud import compute_v1

    for _ in range(100):
        if region:
            done = clients["RegionOperationsClient"].wait(project=project, region=region, operation=operation.name)
        elif zone:
            done = clients["ZoneOperationsClient"].wait(project=project, zone=zone, operation=operation.name)
        else:
            done = clients["GlobalOperationsClient"].wait(project=project, operation=operation.name)
        if done.status == compute_v1.Operation.Status.DONE:
            assert not done.error.errors, done.error
            return done
        time.sleep(0.2)
    raise AssertionError(f"operation {operation.name} never finished")
