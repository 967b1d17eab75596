"""Issue #11: each reproduction over a real socket against the real binary. Every one used to crash the
process or pin a loop thread; now each gets the API's own error (EC2 XML, GCE JSON) and the bridge keeps serving."""

import os
import sys
import time
import urllib.parse

import botocore.auth
import botocore.awsrequest
import botocore.credentials
import pytest
from cs import CloudStack
import requests
from botocore.exceptions import ClientError

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "ec2"))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "gce"))

from ec2_helpers import boto3_client, featured_image, smallest_type, terminate  # noqa: E402
from gce_support import authorization_code_grant  # noqa: E402


def assert_still_serving(bridge):
    assert bridge.process.poll() is None, "the bridge process exited"
    regions = boto3_client(bridge).describe_regions()["Regions"]
    assert regions


def assert_ec2_error(response, status, code=None):
    assert response.status_code == status, response.text
    assert response.text.startswith("<?xml") and "<Response><Errors><Error><Code>" in response.text, response.text
    if code:
        assert f"<Code>{code}</Code>" in response.text, response.text


def assert_gce_error(response, status, mentions):
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == status and mentions in error["message"], error


@pytest.fixture(scope="module")
def gce_token(stackbridge):
    # requests prefers REQUESTS_CA_BUNDLE over a session's `verify` (see gce/conftest.py), so the consent flow's
    # HTTPS calls need the test CA in the environment while they run.
    names = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE")
    saved = {name: os.environ.get(name) for name in names}
    os.environ.update({name: stackbridge.ca_file for name in names})
    try:
        return authorization_code_grant(stackbridge)["access_token"]
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def compute(bridge, token, path, **kwargs):
    return requests.get(f"{bridge.http_url}/compute/v1/projects/{bridge.project}/{path}",
                        headers={"Authorization": "Bearer " + token}, timeout=30, **kwargs)


def test_http_date_with_a_huge_year_is_refused_before_login(stackbridge):
    response = requests.get(stackbridge.http_url + "/?Action=DescribeRegions&Version=2016-11-15", headers={
        "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261202/cloudstack-1/ec2/aws4_request, "
                         "SignedHeaders=date;host, Signature=00",
        "Date": "Wed, 02 Dec 1000000000000 05:00:00 GMT"}, timeout=30)
    assert 400 <= response.status_code < 500
    assert_ec2_error(response, response.status_code)
    assert_still_serving(stackbridge)


DEEP_NAME = "a." * 30_000 + "a"


def test_deeply_dotted_parameter_names_are_refused_unsigned(stackbridge):
    body = "Action=RegisterSecretKey&AWSAccessKeyId=x&AWSSecretKey=y&" + DEEP_NAME + "=1"
    response = requests.post(stackbridge.http_url + "/", data=body, timeout=30,
                             headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert_ec2_error(response, 400, "InvalidParameterValue")
    assert len(response.content) < 2000, "the name is clipped in the message"
    assert_still_serving(stackbridge)


def test_deeply_dotted_parameter_names_are_refused_signed(stackbridge):
    body = "Action=DescribeInstances&Version=2016-11-15&" + DEEP_NAME + "=1"
    request = botocore.awsrequest.AWSRequest(method="POST", url=stackbridge.http_url + "/", data=body,
                                             headers={"Content-Type": "application/x-www-form-urlencoded"})
    credentials = botocore.credentials.Credentials(stackbridge.access_key, stackbridge.secret_key)
    botocore.auth.SigV4Auth(credentials, "ec2", stackbridge.region).add_auth(request)
    response = requests.post(stackbridge.http_url + "/", data=body, headers=dict(request.headers.items()), timeout=30)
    assert_ec2_error(response, 400, "InvalidParameterValue")
    assert_still_serving(stackbridge)


def test_deeply_nested_filters_are_a_gce_400(stackbridge, gce_token):
    # Parentheses unescaped (RFC 3986 allows them in a query), so the URL stays under the front end's header cap.
    deep = "(" * 2000 + "name%20%3D%20x" + ")" * 2000
    response = compute(stackbridge, gce_token, "zones?filter=" + deep)
    assert_gce_error(response, 400, "filter")
    assert_still_serving(stackbridge)


def test_catastrophic_regex_answers_promptly(stackbridge, gce_token):
    zone = compute(stackbridge, gce_token, "zones").json()["items"][0]["name"]
    started = time.monotonic()
    responses = [compute(stackbridge, gce_token, f"zones/{zone}/instances", params={"filter": "zone eq '(.+)+x'"})
                 for _ in range(2)]
    assert all(r.status_code == 200 for r in responses), [r.text for r in responses]
    # Generous: a backtracking engine never answers at all; the test only guards against a hang.
    assert time.monotonic() - started < 20
    backreference = compute(stackbridge, gce_token, "zones", params={"filter": r"name eq '(a)\\1'"})
    assert_gce_error(backreference, 400, "filter")
    matched = compute(stackbridge, gce_token, "zones", params={"filter": f"name eq '{zone[:3]}.*'"}).json()
    assert zone in [item["name"] for item in matched.get("items", [])]
    assert_still_serving(stackbridge)


def test_jwt_with_overflowing_lifetime_is_refused(stackbridge, gce_token):
    from google.auth import crypt, jwt

    issued = requests.post(stackbridge.http_url + "/oauth2/serviceAccountKeys",
                           headers={"Authorization": "Bearer " + gce_token}, timeout=30)
    assert issued.status_code == 200, issued.text
    info = issued.json()
    signer = crypt.RSASigner.from_service_account_info(info)
    claims = {"iss": info["client_email"], "aud": info["token_uri"], "scope": "https://www.googleapis.com/auth/compute",
              "iat": -1, "exp": 9223372036854775807}
    token = jwt.encode(signer, claims).decode()
    as_bearer = compute(stackbridge, token, "zones")
    assert as_bearer.status_code == 401, as_bearer.text
    assert as_bearer.json()["error"]["code"] == 401
    grant = requests.post(stackbridge.http_url + "/token", timeout=30, data={
        "grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": token})
    assert grant.status_code == 400 and grant.json()["error"] == "invalid_grant", grant.text
    assert_still_serving(stackbridge)


def test_characters_xml_forbids_never_reach_a_response(stackbridge):
    ec2 = boto3_client(stackbridge)
    # RegisterImage refuses such a name, as EC2 does; CloudStack takes it, so the template is made there.
    with pytest.raises(ClientError) as refused:
        ec2.register_image(Name="img\uffff", ImageLocation="https://images.example.org/disk.qcow2")
    assert refused.value.response["Error"]["Code"] == "InvalidParameterValue"
    cloudstack = CloudStack(endpoint=stackbridge.simulator_url + "/client/api", key=stackbridge.access_key,
                            secret=stackbridge.secret_key)
    zone = cloudstack.listZones(fetch_list=True)[0]["id"]
    os_type = cloudstack.listOsTypes(fetch_list=True)[0]["id"]
    template = cloudstack.registerTemplate(name="img\uffff", displaytext="img", format="QCOW2", hypervisor="Simulator",
                                           url="https://images.example.org/disk.qcow2", zoneid=zone, ostypeid=os_type)
    uuid = (template.get("template") or [template])[0]["id"]
    image = "ami-" + uuid.replace("-", "")
    ec2.modify_image_attribute(ImageId=image, LaunchPermission={"Add": [{"Group": "all"}]})
    described = ec2.describe_images(ImageIds=[image])["Images"]
    assert [i["Name"] for i in described] == ["img\ufffd"]
    assert len(ec2.describe_images()["Images"]) >= 2

    run = ec2.run_instances(ImageId=featured_image(ec2), InstanceType=smallest_type(ec2), MinCount=1, MaxCount=1,
                            TagSpecifications=[{"ResourceType": "instance",
                                                "Tags": [{"Key": "Name", "Value": "web\ufffe\uffff"}]}])
    instance = run["Instances"][0]["InstanceId"]
    try:
        reservations = ec2.describe_instances(InstanceIds=[instance])["Reservations"]
        tags = reservations[0]["Instances"][0].get("Tags", [])
        # Tags reach CloudStack after the deploy job; whenever they are listed, botocore must parse them.
        assert all(tag["Value"] == "web\ufffd\ufffd" for tag in tags if tag["Key"] == "Name"), tags
    finally:
        terminate(ec2, [instance])

    # An error that echoes input, and one before authentication: botocore still parses both.
    with pytest.raises(ClientError) as echoed:
        ec2.describe_images(ImageIds=["ami-\uffff"])
    assert echoed.value.response["Error"]["Code"].startswith("InvalidAMIID")
    unauthenticated = requests.get(stackbridge.http_url + "/?Action=Nope\uffff&Version=2016-11-15", timeout=30)
    from botocore.parsers import EC2QueryParser
    parsed = EC2QueryParser().parse({"status_code": unauthenticated.status_code, "headers": {},
                                     "body": unauthenticated.content}, None)
    assert parsed["Error"]["Code"]
    ec2.deregister_image(ImageId=image)
    assert_still_serving(stackbridge)
