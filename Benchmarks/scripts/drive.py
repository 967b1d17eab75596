"""Sends COUNT sequential keep-alive requests of one path to a bridge (Benchmarks/scripts/instructions.sh).

    drive.py ec2|gce BRIDGE_URL API_KEY SECRET_KEY BRIDGE_CONFIG STACKBRIDGE_BINARY COUNT

ec2: DescribeInstances of the zone with the user's instances, as end-to-end.sh sends it (one SigV4 request,
replayed). gce: instances.list of that zone with an access token from `stackbridge token`. Every answer must be
a 200 naming the instances, or the count would measure errors.
"""
import http.client
import json
import os
import subprocess
import sys
import urllib.parse

import boto3

sys.path.insert(0, os.path.dirname(__file__))
from sign_requests import ec2 as signed_ec2  # noqa: E402


def main(kind, base, key, secret, config, binary, count):
    host = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
    if kind == "ec2":
        client = boto3.client("ec2", endpoint_url=base, region_name="cloudstack-1", aws_access_key_id=key,
                              aws_secret_access_key=secret)
        zone = client.describe_availability_zones()["AvailabilityZones"][0]["ZoneName"]
        spec = signed_ec2(base, key, secret, "cloudstack-1", zone)
        url = urllib.parse.urlparse(spec["url"])
        path, headers, marker = url.path + "?" + url.query, spec["headers"], b"<instanceId>"
    else:
        token = subprocess.run([binary, "token", "--config", config, "--api-key", key], check=True, text=True,
                               capture_output=True, env=dict(os.environ, STACKBRIDGE_SECRET_KEY=secret)).stdout.strip()
        headers = {"Authorization": "Bearer " + token}
        connection.request("GET", "/compute/v1/projects/user1/zones", headers=headers)
        zone = json.loads(connection.getresponse().read())["items"][0]["name"]
        path, marker = f"/compute/v1/projects/user1/zones/{zone}/instances", b'"compute#instance"'
    for _ in range(count):
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200 or marker not in body:
            raise SystemExit(f"{kind}: {response.status} {body[:300]!r}")


if __name__ == "__main__":
    main(*sys.argv[1:7], int(sys.argv[7]))
