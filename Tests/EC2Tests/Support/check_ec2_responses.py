#!/usr/bin/env python3
"""Parses EC2 Query responses with botocore's own parser and service model.

stdin: JSON list of {"operation": "DescribeInstances", "status": 200, "body": "<base64>"}.
stdout: JSON list, one entry per input, of
  {"parsed": <botocore's parsed dict>, "unknown": [element paths the model does not know],
   "missing": [required members absent], "root": "<root tag>", "error": {"Code", "Message"} or null}.
Usable by hand too: `python3 check_ec2_responses.py < cases.json`.
"""
import base64
import datetime
import json
import sys
from xml.etree import ElementTree

import botocore.parsers
import botocore.session

MODEL = botocore.session.get_session().get_service_model("ec2")
PARSER = botocore.parsers.create_parser("ec2")
# Other Query services answered on the EC2 endpoint (a case's optional "service"): STS, whose results are
# wrapped in <OperationResult> beside <ResponseMetadata>.
SERVICES = {"sts": (botocore.session.get_session().get_service_model("sts"), botocore.parsers.create_parser("query"))}


def local(tag):
    return tag.split("}", 1)[-1]


def walk(element, shape, path, unknown, missing):
    children = list(element)
    if shape.type_name == "structure":
        members = {m.serialization.get("name", key): (key, m) for key, m in shape.members.items()}
        seen = set()
        for child in children:
            name = local(child.tag)
            where = path + "/" + name
            if name in members:
                seen.add(members[name][0])
                walk(child, members[name][1], where, unknown, missing)
            elif not (path == "" and name == "requestId"):
                unknown.append(where)
        for required in shape.required_members:
            if required not in seen:
                missing.append(path + "/" + required)
    elif shape.type_name == "list":
        member_name = shape.member.serialization.get("name", "member")
        for child in children:
            if local(child.tag) == member_name:
                walk(child, shape.member, path + "/" + member_name, unknown, missing)
            else:
                unknown.append(path + "/" + local(child.tag))
    elif children:
        unknown.append(path + "/*")


def plain(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    raise TypeError(type(value))


def check(case):
    body = base64.b64decode(case["body"])
    model, parser = SERVICES.get(case.get("service"), (MODEL, PARSER))
    operation = model.operation_model(case["operation"])
    response = {"body": body, "headers": {}, "status_code": case["status"]}
    parsed = parser.parse(response, operation.output_shape)
    root = ElementTree.fromstring(body)
    unknown, missing = [], []
    error = parsed.get("Error") if case["status"] >= 300 else None
    if error is None and operation.output_shape is not None and model is not MODEL:
        wrapper = operation.output_shape.serialization.get("resultWrapper")
        results = [child for child in root if local(child.tag) == wrapper]
        unknown += ["/" + local(child.tag) for child in root if local(child.tag) not in (wrapper, "ResponseMetadata")]
        if results:
            walk(results[0], operation.output_shape, "/" + wrapper, unknown, missing)
        else:
            missing.append("/" + str(wrapper))
    elif error is None and operation.output_shape is not None:
        walk(root, operation.output_shape, "", unknown, missing)
    parsed.pop("ResponseMetadata", None)
    return {"parsed": parsed, "unknown": unknown, "missing": missing, "root": local(root.tag), "error": error}


def main():
    cases = json.load(sys.stdin)
    print(json.dumps([check(case) for case in cases], default=plain))


if __name__ == "__main__":
    main()
