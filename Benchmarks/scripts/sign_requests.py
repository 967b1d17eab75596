"""Prints signed requests for the end-to-end benchmark, one per line as JSON.

EC2: a SigV4-signed GET DescribeInstances (valid for 15 minutes, so wrk can replay it).
CloudStack: a signed listVirtualMachines (signatureVersion 3, expires in 1 hour) for the nginx
proxy hop and the simulator baseline, signed with the `cs` library's rules.
"""
import json
import sys
import urllib.parse

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def ec2(endpoint, key, secret, region, zone):
    query = {"Action": "DescribeInstances", "Version": "2016-11-15",
             "Filter.1.Name": "availability-zone", "Filter.1.Value.1": zone}
    url = endpoint + "/?" + urllib.parse.urlencode(query, quote_via=urllib.parse.quote)
    request = AWSRequest(method="GET", url=url)
    SigV4Auth(Credentials(key, secret), "ec2", region).add_auth(request)
    return {"url": request.url, "headers": {k: v for k, v in request.headers.items()}}


def cloudstack(endpoint, key, secret):
    import datetime
    from cs.client import CloudStack
    client = CloudStack(endpoint=endpoint, key=key, secret=secret, expiration=3600)
    params = {"command": "listVirtualMachines", "response": "json", "apiKey": key,
              "signatureVersion": "3",
              "expires": (datetime.datetime.utcnow() + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S+0000")}
    client._sign(params)
    return {"url": endpoint + "?" + urllib.parse.urlencode(params), "headers": {}}


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "ec2":
        print(json.dumps(ec2(*sys.argv[2:7])))
    else:
        print(json.dumps(cloudstack(*sys.argv[2:5])))
