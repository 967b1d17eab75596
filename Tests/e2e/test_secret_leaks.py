"""Known secrets never reach a log line or an error body, whatever fails.

Real `stackbridge` processes, with debug logging and the access log on, their standard output and error
captured to files: a demo (bridge + simulator) and a `serve` whose CloudStack endpoint is a closed port. Every
kind of failure is provoked (wrong SigV4/SigV2 signatures, CloudStack errors, backend down, bad and forged
tokens, bad client secrets, bad consent, bad configuration) and every body and every line is searched for each
secret: the user's CloudStack secret key, the admin secret key, the GCE token key (as configured and as raw
bytes in hex/base64url) and the EC2 static credential's secret. The demo's banner is the only place a demo
key is meant to be printed (it is the demo's instructions on standard output), so it is left out of the search.
"""

import base64
import os
import re
import secrets
import subprocess
import time
import urllib.parse
from pathlib import Path

import pytest
import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from harness import binary, free_port, stop, wait_for_line

REGION = "cloudstack-1"


def ec2(url, params, key, secret):
    """One SigV4-signed EC2 Query POST; returns (status, body) without any client library parsing it."""
    body = urllib.parse.urlencode(dict(params, Version="2016-11-15"))
    request = AWSRequest(method="POST", url=url + "/", data=body,
                         headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    SigV4Auth(Credentials(key, secret), "ec2", REGION).add_auth(request)
    response = requests.post(url + "/", data=body, headers=dict(request.headers), timeout=30)
    return response.status_code, response.text


def sigv2(url, params, key):
    """A SigV2 GET with a made-up signature."""
    query = dict(params, AWSAccessKeyId=key, SignatureMethod="HmacSHA256", SignatureVersion="2",
                 Timestamp=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), Version="2016-11-15",
                 Signature=base64.b64encode(secrets.token_bytes(32)).decode())
    response = requests.get(url + "/", params=query, timeout=30)
    return response.status_code, response.text


def variants(secret: str):
    """The secret as written, and as raw bytes in the other encodings a careless log line might use."""
    forms = {secret}
    try:
        raw = base64.b64decode(secret, validate=True)
        if len(raw) >= 16:
            forms |= {raw.hex(), base64.urlsafe_b64encode(raw).rstrip(b"=").decode()}
    except Exception:
        pass
    return forms


def assert_absent(secrets_by_name, texts):
    for name, secret in secrets_by_name.items():
        for form in variants(secret):
            for where, text in texts:
                assert form not in text, f"{name} appears in {where}"


class Recorder:
    """Every response body, kept to be searched at the end."""

    def __init__(self):
        self.bodies = []

    def keep(self, what, status, body, expect=None):
        self.bodies.append((what, body))
        if expect is not None:
            assert status in expect, (what, status, body[:300])
        return status, body


def start(arguments, directory, ready):
    stdout, stderr = directory / "stdout.log", directory / "stderr.log"
    process = subprocess.Popen([binary()] + arguments, stdout=open(stdout, "w"), stderr=open(stderr, "w"), text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"exited {process.returncode}: {stderr.read_text()}")
        if ready():
            return process, stdout, stderr
        time.sleep(0.1)
    stop(process)
    raise RuntimeError("not ready: " + stderr.read_text())


def healthy(admin_port):
    def check():
        try:
            return requests.get(f"http://127.0.0.1:{admin_port}/healthz", timeout=1).status_code == 200
        except requests.RequestException:
            return False
    return check


def banner_and_rest(stdout_text):
    head, marker, rest = stdout_text.partition("Stop with Ctrl-C.")
    assert marker, "no demo banner"
    return head, rest


def test_demo_failures_leak_no_secret(tmp_path):
    token_key = base64.b64encode(secrets.token_bytes(32)).decode()
    http, admin, sim = free_port(), free_port(), free_port()
    config = tmp_path / "c.yaml"
    config.write_text(f"""
server: {{http: {{address: "127.0.0.1", port: {http}}}, publicURL: "http://127.0.0.1:{http}"}}
admin: {{address: "127.0.0.1", port: {admin}}}
log: {{accessLog: true, level: debug}}
simulator: {{port: {sim}, jobDurationMilliseconds: 100}}
gce: {{tokenKey: "{token_key}"}}
""")
    process, stdout, stderr = start(["demo", "--config", str(config)], tmp_path, healthy(admin))
    url = f"http://127.0.0.1:{http}"
    record = Recorder()
    try:
        deadline = time.time() + 30
        while "Stop with Ctrl-C." not in stdout.read_text() and time.time() < deadline:
            time.sleep(0.1)
        banner, _ = banner_and_rest(stdout.read_text())
        key = re.search(r"AWS_ACCESS_KEY_ID=(\S+)", banner).group(1)
        secret = re.search(r"AWS_SECRET_ACCESS_KEY=(\S+)", banner).group(1)
        admin_key, admin_secret = re.search(r"admin key pair \(simulator only\): (\S+) / (\S+)", banner).groups()
        known = {"user secret key": secret, "admin secret key": admin_secret, "gce.tokenKey": token_key}

        # EC2: wrong signatures (SigV4 with a near-miss secret, SigV2 made up), for the user and the admin.
        for who, (k, s) in {"user": (key, secret), "admin": (admin_key, admin_secret)}.items():
            record.keep(f"sigv4 wrong {who}", *ec2(url, {"Action": "DescribeInstances"}, k, s[:-1] + "x"), expect={401, 403})
            record.keep(f"sigv2 wrong {who}", *sigv2(url, {"Action": "DescribeRegions"}, k), expect={401, 403})
        record.keep("unknown key", *ec2(url, {"Action": "DescribeInstances"}, "AKIANOTAKEY", secret), expect={401, 403})
        # EC2: CloudStack refuses or cannot find things, and bad input.
        for params in [
            {"Action": "TerminateInstances", "InstanceId.1": "i-0000000000000dead"},
            {"Action": "RunInstances", "ImageId": "ami-00000000deadbeef", "MinCount": "1", "MaxCount": "1"},
            {"Action": "CreateKeyPair", "KeyName": "leak-test"}, {"Action": "CreateKeyPair", "KeyName": "leak-test"},
            {"Action": "ImportKeyPair", "KeyName": "bad", "PublicKeyMaterial": base64.b64encode(b"ssh-rsa AAAA").decode()},
            {"Action": "DescribeInstances", "Filter.1.Name": "no-such-filter", "Filter.1.Value.1": "x"},
            {"Action": "ReleaseAddress", "AllocationId": "eipalloc-0000dead"},
            {"Action": "DeleteSecurityGroup", "GroupName": "default"},
            {"Action": "NoSuchAction"},
        ]:
            record.keep(params["Action"], *ec2(url, params, key, secret), expect={200, 400, 404, 409, 500, 503})

        # GCE: bad and forged bearer tokens, bad client secrets, bad grants, bad consent.
        zones = url + "/compute/v1/projects/user1/zones"
        for token in ["nonsense", "sb1." + "A" * 200, "ey" + "J" * 100 + ".x.y", token_key]:
            r = requests.get(zones, headers={"Authorization": "Bearer " + token}, timeout=30)
            record.keep("bearer", r.status_code, r.text + str(r.headers), expect={401})
        for fields in [
            {"grant_type": "authorization_code", "code": "sb1.forged", "redirect_uri": "http://127.0.0.1:1/",
             "client_id": key, "client_secret": secret},
            {"grant_type": "refresh_token", "refresh_token": "sb1.forged", "client_id": key, "client_secret": secret},
            {"grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": "a.b.c"},
            {"grant_type": "password", "username": key, "password": secret},
        ]:
            r = requests.post(url + "/oauth2/token", data=fields, timeout=30)
            record.keep("token " + fields["grant_type"], r.status_code, r.text, expect={400, 401})
        consent = {"client_id": key, "redirect_uri": "http://127.0.0.1:8087/", "response_type": "code",
                   "scope": "https://www.googleapis.com/auth/compute", "decision": "allow"}
        r = requests.post(url + "/o/oauth2/auth", data=dict(consent, secret_key=secret[::-1]), allow_redirects=False, timeout=30)
        record.keep("consent wrong secret", r.status_code, r.text, expect={401})
        r = requests.post(url + "/o/oauth2/auth", data=dict(consent, secret_key=secret), allow_redirects=False, timeout=30)
        assert r.status_code == 302
        code = urllib.parse.parse_qs(urllib.parse.urlparse(r.headers["Location"]).query)["code"][0]
        r = requests.post(url + "/oauth2/token", timeout=30, data={
            "grant_type": "authorization_code", "code": code, "redirect_uri": "http://127.0.0.1:8087/",
            "client_id": key, "client_secret": secret[:-1]})
        record.keep("exchange wrong client secret", r.status_code, r.text, expect={400, 401})
        r = requests.post(url + "/oauth2/token", timeout=30, data={
            "grant_type": "authorization_code", "code": code, "redirect_uri": "http://127.0.0.1:8087/",
            "client_id": key, "client_secret": secret})
        assert r.status_code == 200, r.text
        access = r.json()["access_token"]
        for method, path in [("GET", "/zones/no-such-zone"), ("GET", "/zones/no-such-zone/instances/nothing"),
                             ("DELETE", "/global/images/nothing"), ("POST", "/zones/x/instances")]:
            r = requests.request(method, url + "/compute/v1/projects/user1" + path, json={"name": "?"},
                                 headers={"Authorization": "Bearer " + access}, timeout=30)
            record.keep("gce " + path, r.status_code, r.text, expect={400, 403, 404})
        r = requests.get(url + "/oauth2/tokeninfo", params={"access_token": access}, timeout=30)
        record.keep("tokeninfo", r.status_code, r.text, expect={200})
    finally:
        assert stop(process) == 0
    _, after_banner = banner_and_rest(stdout.read_text())
    logs = stderr.read_text()
    assert "msg=started" in logs, "no application log captured"
    # The search itself finds what it looks for: the banner does hold the demo's key pairs.
    with pytest.raises(AssertionError):
        assert_absent({"user secret key": secret}, [("banner", banner)])
    with pytest.raises(AssertionError):
        assert_absent({"admin secret key": admin_secret}, [("banner", banner)])
    assert "DescribeInstances" in after_banner, "no access log captured"
    assert_absent(known, record.bodies + [("access log", after_banner), ("application log", logs)])


def test_backend_down_and_static_credentials_leak_no_secret(tmp_path):
    admin_secret = secrets.token_urlsafe(40)
    static_secret = secrets.token_urlsafe(30)
    token_key = base64.b64encode(secrets.token_bytes(32)).decode()
    credentials = tmp_path / "static.txt"
    credentials.write_text(f"AKSTATICLEAKTEST {static_secret}\n")
    os.chmod(credentials, 0o600)
    http, admin, dead = free_port(), free_port(), free_port()
    config = tmp_path / "c.yaml"
    config.write_text(f"""
server: {{http: {{address: "127.0.0.1", port: {http}}}, publicURL: "http://127.0.0.1:{http}"}}
admin: {{address: "127.0.0.1", port: {admin}}}
log: {{accessLog: true, level: debug}}
cloudstack:
  endpoint: "http://127.0.0.1:{dead}/client/api"
  adminApiKey: "ADMINLEAKTEST"
  adminSecretKey: "{admin_secret}"
  retries: {{maxAttempts: 2}}
  timeouts: {{responseMilliseconds: 2000}}
ec2: {{credentialSources: [static, cloudstack], staticCredentialsFile: "{credentials}"}}
gce: {{tokenKey: "{token_key}"}}
""")
    process, stdout, stderr = start(["serve", "--config", str(config)], tmp_path, healthy(admin))
    url = f"http://127.0.0.1:{http}"
    record = Recorder()
    try:
        record.keep("readyz", requests.get(f"http://127.0.0.1:{admin}/readyz", timeout=30).status_code,
                    requests.get(f"http://127.0.0.1:{admin}/readyz", timeout=30).text, expect={503})
        for params in [{"Action": "DescribeInstances"}, {"Action": "DescribeAvailabilityZones"},
                       {"Action": "CreateKeyPair", "KeyName": "k"}]:
            record.keep("backend down " + params["Action"], *ec2(url, params, "AKSTATICLEAKTEST", static_secret),
                        expect={500, 502, 503, 504})
        record.keep("wrong static secret", *ec2(url, {"Action": "DescribeInstances"}, "AKSTATICLEAKTEST", static_secret[1:]),
                    expect={401, 403})
        record.keep("admin key, cloudstack down", *ec2(url, {"Action": "DescribeInstances"}, "ADMINLEAKTEST", admin_secret),
                    expect={401, 403, 500, 502, 503, 504})
        r = requests.post(url + "/o/oauth2/auth", allow_redirects=False, timeout=30, data={
            "client_id": "ADMINLEAKTEST", "redirect_uri": "http://127.0.0.1:8087/", "response_type": "code",
            "decision": "allow", "secret_key": admin_secret})
        record.keep("consent backend down", r.status_code, r.text, expect={503})
        r = requests.post(url + "/oauth2/token", timeout=30, data={
            "grant_type": "refresh_token", "refresh_token": "sb1.x", "client_id": "ADMINLEAKTEST", "client_secret": admin_secret})
        record.keep("refresh backend down", r.status_code, r.text, expect={400, 401, 503})
    finally:
        assert stop(process) == 0
    known = {"admin secret key": admin_secret, "static secret": static_secret, "gce.tokenKey": token_key}
    logs, access = stderr.read_text(), stdout.read_text()
    assert "DescribeInstances" in access and "msg=started" in logs, "no log captured"
    assert_absent(known, record.bodies + [("access log", access), ("application log", logs)])


def test_bad_configuration_names_the_key_but_never_its_secret_value(tmp_path):
    bad_token_key = "c2VjcmV0LXRva2VuLWtleS1vbmx5LTIz"  # base64, but of 24 bytes: refused
    master = "bWFzdGVyLWtleS10aGF0LWlzLW5vdC0zMi1ieXRlcw"
    admin_secret = secrets.token_urlsafe(40)
    config = tmp_path / "bad.yaml"
    config.write_text(f"""
server: {{http: {{port: 70000}}}}
cloudstack: {{endpoint: "http://127.0.0.1:1/client/api", adminApiKey: "A", adminSecretKey: "{admin_secret}"}}
ec2: {{registry: {{path: "{tmp_path / 'registry.db'}", masterKey: "{master}"}}}}
gce: {{tokenKey: "{bad_token_key}"}}
""")
    texts = []
    for command in (["serve"], ["check-config"]):
        result = subprocess.run([binary()] + command + ["--config", str(config)], capture_output=True, text=True, timeout=30)
        assert result.returncode == 78, (command, result.stderr)
        assert "gce.tokenKey" in result.stderr and "ec2.registry.masterKey" in result.stderr
        texts += [(" ".join(command) + " stderr", result.stderr), (" ".join(command) + " stdout", result.stdout)]
    # A valid configuration printed by check-config shows the secret keys redacted.
    good = tmp_path / "good.yaml"
    good.write_text(f"""
cloudstack: {{endpoint: "http://127.0.0.1:1/client/api", adminApiKey: "A", adminSecretKey: "{admin_secret}"}}
gce: {{tokenKey: "{base64.b64encode(b'k' * 32).decode()}"}}
""")
    result = subprocess.run([binary(), "check-config", "--config", str(good)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert "gce.tokenKey" in result.stdout
    texts += [("check-config (valid) stdout", result.stdout), ("check-config (valid) stderr", result.stderr)]
    assert_absent({"adminSecretKey": admin_secret, "tokenKey": bad_token_key, "masterKey": master,
                   "valid tokenKey": base64.b64encode(b"k" * 32).decode()}, texts)
