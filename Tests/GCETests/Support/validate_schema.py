#!/usr/bin/env python3
"""Checks JSON documents against the compute v1 discovery schemas (the document google-api-python-client installs).

Input on stdin: one JSON object per line, {"schema": "InstanceList", "label": "...", "body": {...}}.
Output: one line per problem, "label: path: problem"; exit status 1 when there is any.
Strict: unknown fields, wrong JSON types (int64/uint64 must be strings, int32 numbers), values outside an enum.
"""
import json
import os
import sys

import googleapiclient

DOC = json.load(open(os.path.join(os.path.dirname(googleapiclient.__file__), "discovery_cache", "documents", "compute.v1.json")))
SCHEMAS = DOC["schemas"]


def check(value, schema, path, problems):
    if "$ref" in schema:
        return check(value, SCHEMAS[schema["$ref"]], path, problems)
    kind = schema.get("type")
    fmt = schema.get("format")
    if kind == "object":
        if not isinstance(value, dict):
            problems.append(f"{path}: expected object, got {type(value).__name__}")
            return
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            if key in props:
                check(item, props[key], f"{path}.{key}", problems)
            elif extra is not None:
                check(item, extra, f"{path}[{key!r}]", problems)
            else:
                problems.append(f"{path}: unknown field {key!r}")
    elif kind == "array":
        if not isinstance(value, list):
            problems.append(f"{path}: expected array, got {type(value).__name__}")
            return
        for i, item in enumerate(value):
            check(item, schema.get("items", {}), f"{path}[{i}]", problems)
    elif kind == "string":
        if not isinstance(value, str):
            problems.append(f"{path}: expected string ({fmt or 'string'}), got {type(value).__name__}")
            return
        if fmt in ("int64", "uint64"):
            try:
                number = int(value)
                if fmt == "uint64" and number < 0:
                    problems.append(f"{path}: negative uint64")
            except ValueError:
                problems.append(f"{path}: {value!r} is not a decimal {fmt}")
        if "enum" in schema and value not in schema["enum"]:
            problems.append(f"{path}: {value!r} not in enum")
    elif kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(f"{path}: expected integer, got {type(value).__name__}")
    elif kind == "number":
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            problems.append(f"{path}: expected number, got {type(value).__name__}")
    elif kind == "boolean":
        if not isinstance(value, bool):
            problems.append(f"{path}: expected boolean, got {type(value).__name__}")
    elif kind == "any" or kind is None:
        pass
    else:
        problems.append(f"{path}: unhandled schema type {kind}")


def main():
    problems = []
    for line in sys.stdin:
        if not line.strip():
            continue
        entry = json.loads(line)
        name = entry["schema"]
        if name not in SCHEMAS:
            problems.append(f"{entry.get('label')}: no schema {name}")
            continue
        found = []
        check(entry["body"], SCHEMAS[name], name, found)
        problems += [f"{entry.get('label')}: {p}" for p in found]
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
