"""Lists over a few thousand VMs (issue #16): boto3's DescribeInstances paginator and google-api-python-client's
`list_next` walk a simulator seeded with 2,400 VMs per user through a bridge of their own, and every instance
comes exactly once, the same set as the unpaginated list."""

import base64
import re
import secrets
import subprocess
import time
import urllib.request

import boto3
import google_auth_httplib2
import httplib2
import pytest
from google.oauth2.credentials import Credentials
from googleapiclient.discovery import build

from harness import binary, free_port, page_size, stop, wait_for_line

VMS = 2400


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    directory = tmp_path_factory.mktemp("lists")
    simulator = subprocess.Popen([binary(), "simulator", "--port", "0", "--job-milliseconds", "0", "--vms", str(VMS)],
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    bridge = None
    try:
        text = "".join(wait_for_line(simulator, r"^\s+user\s+user2/"))
        url = re.search(r"listening on (\S+)", text).group(1)
        keys = re.findall(r"^\s+(admin|user)\s+\S+: apiKey=(\S+) secretKey=(\S+)", text, re.M)
        admin = next((k, s) for kind, k, s in keys if kind == "admin")
        user = next((k, s) for kind, k, s in keys if kind == "user")
        port, admin_port = free_port(), free_port()
        config = directory / "bridge.yaml"
        pages = f", pageSize: {page_size()}" if page_size() else ""
        config.write_text(f"""
server: {{loops: 1, http: {{address: "127.0.0.1", port: {port}}}, publicURL: "http://127.0.0.1:{port}"}}
admin: {{address: "127.0.0.1", port: {admin_port}}}
log: {{accessLog: false, level: warning}}
cloudstack: {{endpoint: "{url}", adminApiKey: "{admin[0]}", adminSecretKey: "{admin[1]}"{pages}}}
gce: {{tokenKey: "{base64.b64encode(secrets.token_bytes(32)).decode()}"}}
""")
        bridge = subprocess.Popen([binary(), "serve", "--config", str(config)], stdout=subprocess.PIPE,
                                  stderr=open(directory / "stderr.log", "w"), text=True)
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{admin_port}/readyz", timeout=2)
                break
            except OSError:
                assert bridge.poll() is None and time.monotonic() < deadline, (directory / "stderr.log").read_text()
                time.sleep(0.1)
        token = subprocess.run([binary(), "token", "--config", str(config), "--api-key", user[0]], check=True,
                               capture_output=True, text=True, env={"STACKBRIDGE_SECRET_KEY": user[1]}).stdout.strip()
        yield f"http://127.0.0.1:{port}", user, token
    finally:
        if bridge:
            stop(bridge)
        stop(simulator)


def test_boto3_paginator_walks_every_instance_once(big):
    endpoint, (key, secret), _ = big
    ec2 = boto3.client("ec2", endpoint_url=endpoint, region_name="cloudstack-1", aws_access_key_id=key,
                       aws_secret_access_key=secret)
    everything = [i["InstanceId"] for r in ec2.describe_instances()["Reservations"] for i in r["Instances"]]
    assert len(everything) == VMS
    for size in (500, 1000):
        pages = list(ec2.get_paginator("describe_instances").paginate(PaginationConfig={"PageSize": size}))
        ids = [i["InstanceId"] for p in pages for r in p["Reservations"] for i in r["Instances"]]
        assert len(ids) == len(set(ids)) == VMS
        assert set(ids) == set(everything)
        assert all(sum(len(r["Instances"]) for r in p["Reservations"]) == size for p in pages[:-1])
    # A filter CloudStack cannot apply (a wildcard): pages still cover exactly the matching instances.
    zone = ec2.describe_instances()["Reservations"][0]["Instances"][0]["Placement"]["AvailabilityZone"]
    wildcard = [{"Name": "availability-zone", "Values": [zone[:-1] + "*"]}]
    matching = {i["InstanceId"] for r in ec2.describe_instances(Filters=wildcard)["Reservations"] for i in r["Instances"]}
    paged = [i["InstanceId"] for p in ec2.get_paginator("describe_instances").paginate(
        Filters=wildcard, PaginationConfig={"PageSize": 500}) for r in p["Reservations"] for i in r["Instances"]]
    assert 0 < len(matching) < VMS
    assert len(paged) == len(set(paged)) and set(paged) == matching


def test_google_api_client_list_next_walks_every_instance_once(big):
    endpoint, _, token = big
    http = google_auth_httplib2.AuthorizedHttp(Credentials(token=token), http=httplib2.Http())
    compute = build("compute", "v1", http=http, client_options={"api_endpoint": endpoint + "/compute/v1/"})
    names = []
    request = compute.instances().aggregatedList(project="user1", maxResults=500)
    while request is not None:
        answer = request.execute()
        names += [i["name"] for scope in answer.get("items", {}).values() for i in scope.get("instances", [])]
        request = compute.instances().aggregatedList_next(request, answer)
    assert len(names) == len(set(names)) == VMS
    zone = compute.zones().list(project="user1").execute()["items"][0]["name"]
    in_zone = []
    request = compute.instances().list(project="user1", zone=zone, maxResults=500)
    while request is not None:
        answer = request.execute()
        in_zone += [i["name"] for i in answer.get("items", [])]
        request = compute.instances().list_next(request, answer)
    assert len(in_zone) == len(set(in_zone)) and 0 < len(in_zone) <= VMS
    assert set(in_zone) <= set(names)
