#!/usr/bin/env python3
"""Writes the ec2-request fuzz seeds: requests botocore signs with the target's key pair at its fixed time.

Usage: scripts/fuzz-seeds-ec2-request.py Tests/Fuzz/Corpus/ec2-request
"""
import datetime, time, sys, os
from urllib.parse import urlencode
import botocore.auth as auth
from botocore.auth import SigV4Auth, SigV4QueryAuth, SigV2Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

EPOCH = 1796212800
fixed = datetime.datetime.fromtimestamp(EPOCH, datetime.timezone.utc).replace(tzinfo=None)
auth.get_current_datetime = lambda *a, **k: fixed
real_gmtime = time.gmtime
auth.time.gmtime = lambda *a: real_gmtime(EPOCH)
creds = Credentials("FUZZACCESSKEY", "fuzz-secret-key")
host = "127.0.0.1:8787"
out = sys.argv[1]

def text(method, target, headers, body=b""):
    head = f"{method} {target}\n" + "".join(f"{k}: {v}\n" for k, v in headers.items())
    return head.encode() + b"\n" + body

def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)

cases = {
    "describe-instances": {"Action": "DescribeInstances", "Version": "2016-11-15", "Filter.1.Name": "instance-state-name",
                           "Filter.1.Value.1": "running", "MaxResults": "5"},
    "run-instances": {"Action": "RunInstances", "Version": "2016-11-15", "ImageId": "ami-0123456789abcdef0123456789abcdef",
                      "MinCount": "1", "MaxCount": "1", "InstanceType": "t3.micro", "DryRun": "true",
                      "TagSpecification.1.ResourceType": "instance", "TagSpecification.1.Tag.1.Key": "Name",
                      "TagSpecification.1.Tag.1.Value": "web <&>"},
}
for name, params in cases.items():
    body = urlencode(params).encode()
    request = AWSRequest(method="POST", url=f"http://{host}/", data=body,
                         headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "Host": host})
    SigV4Auth(creds, "ec2", "cloudstack-1").add_auth(request)
    write(f"v4-post-{name}", text("POST", "/", dict(request.headers.items()), body))
    request = AWSRequest(method="GET", url=f"http://{host}/", params=params, headers={"Host": host})
    SigV4QueryAuth(creds, "ec2", "cloudstack-1", expires=300).add_auth(request)
    request.prepare()
    target = request.url.split(host, 1)[1]
    write(f"v4-presigned-{name}", text("GET", target, {"Host": host}))
    request = AWSRequest(method="POST", url=f"http://{host}/", data=dict(params),
                         headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "Host": host})
    SigV2Auth(creds).add_auth(request)
    body = urlencode(request.data).encode()
    write(f"v2-post-{name}", text("POST", "/", {"Host": host, "Content-Type": "application/x-www-form-urlencoded"}, body))
write("unsigned-register", text("POST", "/", {"Host": host, "Content-Type": "application/x-www-form-urlencoded"},
                                b"Action=RegisterSecretKey&AWSAccessKeyId=x&AWSSecretKey=y"))
