"""`stackbridge demo` as a newcomer meets it: every line of its banner, pasted into bash.

The demo is started with and without `--https`. Its banner is split into headings (checked against what the
demo really serves) and indented lines, each pasted into a fresh bash after the `export` lines printed above
it, with none of the test environment's client settings. Each kind of line has a check; a line of no known
kind fails the test, and so does a banner missing a kind. gcloud is not installed: for its lines the printed
access-token file must be accepted as a bearer token at the printed `api_endpoint_overrides` value.
"""

import ast
import hashlib
import json
import os
import re
import shlex
import ssl
import stat
import subprocess
import urllib.request
from pathlib import Path

import pytest

from harness import binary, free_port, stop, wait_for_line

# What the test environment may carry (other fixtures point these at their own CA or bridge): never inherited.
CLIENT_VARIABLES = re.compile(r"^(AWS_|GOOGLE_|CLOUDSDK_|REQUESTS_CA_BUNDLE$|CURL_CA_BUNDLE$|SSL_CERT_FILE$|HTTPLIB2_CA_CERTS$|"
                              r"STACKBRIDGE_)")
EXPORTS = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION", "AWS_CA_BUNDLE",
           "GOOGLE_APPLICATION_CREDENTIALS", "REQUESTS_CA_BUNDLE", "HTTPLIB2_CA_CERTS",
           "CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE", "CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE"}
CA_EXPORTS = {"AWS_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "HTTPLIB2_CA_CERTS", "CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE"}


def start_demo(directory: Path, https: bool, state_dir: Path | None):
    ports = {name: free_port() for name in ("http", "https", "admin", "simulator")}
    config = directory / "demo.yaml"
    config.write_text(f"""
server:
  loops: 1
  http: {{enabled: true, address: "127.0.0.1", port: {ports["http"]}}}
  https: {{address: "127.0.0.1", port: {ports["https"]}}}
admin: {{enabled: true, address: "127.0.0.1", port: {ports["admin"]}}}
log: {{accessLog: false}}
simulator: {{address: "127.0.0.1", port: {ports["simulator"]}, jobDurationMilliseconds: 200}}
""")
    tmpdir = directory / "tmp"
    tmpdir.mkdir()
    args = [binary(), "demo", "--config", str(config)]
    if https:
        args.append("--https")
    if state_dir is not None:
        args += ["--state-dir", str(state_dir)]
    environment = {k: v for k, v in os.environ.items() if not CLIENT_VARIABLES.match(k)}
    environment["TMPDIR"] = str(tmpdir)
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=open(directory / "demo.log", "w"), text=True,
                               env=environment)
    try:
        banner = "".join(wait_for_line(process, r"^Stop with Ctrl-C\.$"))
    except Exception:
        stop(process)
        raise
    return process, banner, ports, tmpdir


class Pasting:
    """Pastes banner lines into bash the way a person would: each after the exports printed above it."""

    def __init__(self, directory: Path):
        self.exports: list[str] = []
        home = directory / "home"
        home.mkdir()
        # No ~/.aws, ~/.config/gcloud or user site-packages of the person running the tests.
        self.base = {k: v for k, v in os.environ.items() if not CLIENT_VARIABLES.match(k)}
        self.base["HOME"] = str(home)

    def run(self, line: str) -> str:
        script = "set -e\n" + "\n".join(self.exports + [line]) + "\n"
        done = subprocess.run(["bash", "-c", script], env=self.base, capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, f"{line}\nexit {done.returncode}\nstdout: {done.stdout}\nstderr: {done.stderr}"
        return done.stdout

    def environment(self) -> dict:
        """The variables the printed exports set, as bash sees them."""
        script = "\n".join(self.exports) + "\npython3 -c 'import json, os; print(json.dumps(dict(os.environ)))'"
        done = subprocess.run(["bash", "-c", script], env=self.base, capture_output=True, text=True, check=True)
        seen = json.loads(done.stdout)
        return {name: seen[name] for name in EXPORTS if name in seen}


GCE_NAME = re.compile(r"[a-z]([-a-z0-9]{0,61}[a-z0-9])?")


def gce_name(cloudstack_name: str) -> str:
    """docs/gce.md "Names": a valid GCE name stays, any other becomes its slug (`cs-` first if it would not
    start with a letter). The demo cloud has no collisions among its zones, so no suffixes."""
    return cloudstack_name if GCE_NAME.fullmatch(cloudstack_name) else slug(cloudstack_name, 63)


def slug(name: str, room: int) -> str:
    text = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return (text if text[:1].isalpha() else "cs-" + text)[:room].rstrip("-")


def instance_name(vm: dict) -> str:
    """docs/gce.md "Names", instances: named from the VM alone; a name that is not a valid GCE name becomes its
    slug, cut to leave room, plus `-` and eight base-36 digits (least significant first) of the first eight
    bytes of SHA-256 of the VM's UUID."""
    if GCE_NAME.fullmatch(vm["name"]):
        return vm["name"]
    value = int.from_bytes(hashlib.sha256(vm["id"].encode()).digest()[:8], "big")
    digits = ""
    for _ in range(8):
        value, digit = divmod(value, 36)
        digits += "0123456789abcdefghijklmnopqrstuvwxyz"[digit]
    return slug(vm["name"], 63 - 1 - 8) + "-" + digits


def get_json(url, token=None, ca=None):
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token} if token else {})
    context = ssl.create_default_context(cafile=ca) if ca else None
    with urllib.request.urlopen(request, timeout=30, context=context) as response:
        return json.loads(response.read())


def check_private_file(path: str, folder: str):
    assert os.path.dirname(path) == folder, path
    mode = stat.S_IMODE(os.stat(path).st_mode)
    assert mode == 0o600, f"{path}: {oct(mode)}"


def check_banner(banner: str, directory: Path, https: bool, ports: dict):
    from cs import CloudStack

    lines = banner.splitlines()
    assert lines[-1] == "Stop with Ctrl-C."
    scheme, port = ("https", ports["https"]) if https else ("http", ports["http"])
    url = f"{scheme}://127.0.0.1:{port}"
    facts: dict = {}
    seen: set = set()
    pasting = Pasting(directory)
    commands = []

    # Headings first: they name the URL, folder, project and zone the commands must then agree with.
    for line in lines:
        if not line or line.startswith("  "):
            continue
        if m := re.fullmatch(r"StackBridge demo is running at (\S+) \(CloudStack simulator on 127\.0\.0\.1:(\d+)\)", line):
            assert m.group(1) == url and int(m.group(2)) == ports["simulator"]
            seen.add("running")
        elif m := re.fullmatch(r"Client files( \(removed when the demo stops\))?: (.+)", line):
            facts["folder"], facts["temporary"] = m.group(2), bool(m.group(1))
            assert stat.S_IMODE(os.stat(facts["folder"]).st_mode) == 0o700 or not facts["temporary"]
            seen.add("folder")
        elif m := re.fullmatch(r"HTTPS certificate from a throw-away CA \(its key was never written down\): (.+)", line):
            facts["ca"] = m.group(1)
            seen.add("ca")
        elif m := re.fullmatch(r"EC2 \(awscli / boto3\), as CloudStack user (\S+)/(\S+):", line):
            facts["account"] = m.group(1)
            seen.add("ec2 heading")
        elif m := re.fullmatch(r"GCE \(google-cloud-compute / google-api-python-client\): project (\S+), zone (\S+), "
                               r"API endpoint (\S+)", line):
            facts["project"], facts["zone"] = m.group(1), m.group(2)
            assert m.group(3) == url + "/compute/v1/"
            seen.add("gce heading")
        elif m := re.fullmatch(r"GCE access token for scripts \(also in (.+), valid (\d+) s, renewed every (\d+) s\):", line):
            facts["token file"] = m.group(1)
            assert int(m.group(2)) == 3600 and int(m.group(3)) == 1800
            seen.add("token heading")
        elif line == ("gcloud (these settings last for this shell; `gcloud config set api_endpoint_overrides/compute` "
                      "keeps them):"):
            seen.add("gcloud heading")
        elif m := re.fullmatch(r"CloudStack admin key pair \(simulator only\): (\S+) / (\S+)", line):
            facts["admin"] = (m.group(1), m.group(2))
            seen.add("admin")
        elif line == "Stop with Ctrl-C.":
            seen.add("stop")
        else:
            pytest.fail(f"a banner line no test checks: {line!r}")
    assert "ca" in facts if https else "ca" not in facts
    folder = facts["folder"]
    if https:
        check_private_file(facts["ca"], folder)
    check_private_file(facts["token file"], folder)

    # What the demo's user really has, asked of the simulator directly with the printed admin pair.
    simulator = CloudStack(endpoint=f"http://127.0.0.1:{ports['simulator']}/client/api", key=facts["admin"][0],
                           secret=facts["admin"][1])
    machines = simulator.listVirtualMachines(account=facts["account"]).get("virtualmachine", [])
    assert machines, "the demo user has no instances"
    in_zone = sorted(instance_name(vm) for vm in machines if gce_name(vm["zonename"]) == facts["zone"])
    assert in_zone, f"no instance of {facts['account']} in {facts['zone']}"
    with open(facts["token file"]) as handle:
        file_token = handle.read()
    assert file_token == file_token.strip() and file_token

    def instances(endpoint, token):
        answer = get_json(f"{endpoint}projects/{facts['project']}/zones/{facts['zone']}/instances", token, facts.get("ca"))
        return sorted(item["name"] for item in answer.get("items", []))

    for line in lines:
        if not line.startswith("  "):
            continue
        command = line[2:]
        assert not command.startswith(" "), line
        words = shlex.split(command)
        if words[0] == "export":
            assert len(words) == 2, line
            name, _, value = words[1].partition("=")
            assert name in EXPORTS, f"an export no test checks: {line!r}"
            pasting.exports.append(command)
            kind = "export " + name
        elif words[0] == "aws":
            assert words[:3] == ["aws", "--endpoint-url", url] and words[3:] == ["ec2", "describe-instances"], line
            answer = json.loads(pasting.run(command))
            ids = sorted(i["InstanceId"] for r in answer["Reservations"] for i in r["Instances"])
            assert len(ids) == len(machines), answer
            facts["ec2 ids"] = ids
            kind = "aws"
        elif words[:2] == ["python3", "-c"] and "import boto3" in words[2]:
            assert sorted(ast.literal_eval(pasting.run(command).strip())) == facts["ec2 ids"]
            kind = "boto3"
        elif words[:2] == ["python3", "-c"] and words[2].startswith("from google.cloud import compute_v1;"):
            assert sorted(ast.literal_eval(pasting.run(command).strip())) == in_zone
            kind = "google-cloud-compute"
        elif words[:2] == ["python3", "-c"] and words[2].startswith("from googleapiclient.discovery import build;"):
            assert sorted(ast.literal_eval(pasting.run(command).strip())) == in_zone
            kind = "google-api-python-client"
        elif len(words) >= 3 and words[0].startswith("STACKBRIDGE_SECRET_KEY=") and words[2] == "token":
            assert os.path.samefile(words[1], binary())
            assert f"--endpoint={url}" in words
            assert ("--ca-file=" + facts["ca"] in words) if https else not any(w.startswith("--ca-file") for w in words)
            token = pasting.run(command).strip()
            assert token.startswith("sb1.") and token != file_token
            assert instances(url + "/compute/v1/", token) == in_zone
            kind = "token"
        elif words[0] == "gcloud":
            assert words[1:4] == ["compute", "instances", "list"], line
            options = dict(w[2:].split("=", 1) for w in words[4:])
            assert set(options) == {"project", "zones", "access-token-file"}, line
            assert options["project"] == facts["project"] and options["zones"] == facts["zone"]
            assert options["access-token-file"] == facts["token file"]
            endpoint = pasting.environment()["CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE"]
            assert endpoint == url + "/compute/v1/"
            assert instances(endpoint, file_token) == in_zone
            kind = "gcloud"
        else:
            pytest.fail(f"a banner line no test pastes: {line!r}")
        commands.append(kind)
        seen.add(kind)

    # Every export as bash sees it, after the commands that used them.
    exported = pasting.environment()
    assert set(exported) == (EXPORTS if https else EXPORTS - CA_EXPORTS)
    key_file = exported["GOOGLE_APPLICATION_CREDENTIALS"]
    check_private_file(key_file, folder)
    info = json.loads(Path(key_file).read_text())
    assert info["type"] == "service_account" and info["token_uri"] == url + "/token"
    assert info["project_id"] == facts["project"] and "PRIVATE KEY" in info["private_key"]
    for name in CA_EXPORTS & set(exported):
        assert exported[name] == facts["ca"], name
    if https:
        # The CA alone vouches for the listener (no other trust store is consulted).
        assert get_json(url + "/compute/v1/projects/" + facts["project"], file_token, facts["ca"])["name"] == facts["project"]
    wanted = {"running", "folder", "ec2 heading", "gce heading", "token heading", "gcloud heading", "admin", "stop", "aws",
              "boto3", "google-cloud-compute", "google-api-python-client", "token", "gcloud"}
    wanted |= {"export " + name for name in exported}
    assert seen == wanted | ({"ca"} if https else set()), seen ^ wanted
    # Nothing in the folder the banner does not name, and every file private.
    named = {key_file, facts["token file"]} | ({facts["ca"], folder + "/server.pem", folder + "/server.key"} if https else set())
    present = {str(p) for p in Path(folder).iterdir()}
    assert present == named, present ^ named
    for path in present:
        check_private_file(path, folder)
    return facts


def test_plain_http_demo_banner_pasted_line_by_line(tmp_path):
    process, banner, ports, tmpdir = start_demo(tmp_path, https=False, state_dir=None)
    try:
        facts = check_banner(banner, tmp_path, https=False, ports=ports)
    finally:
        code = stop(process)
    assert code == 0, (tmp_path / "demo.log").read_text()
    # The fresh folder was under $TMPDIR and went away with the demo.
    assert facts["temporary"] and Path(facts["folder"]).parent == tmpdir.resolve()
    assert not Path(facts["folder"]).exists()


def test_https_demo_banner_pasted_line_by_line(tmp_path):
    state = tmp_path / "state"
    process, banner, ports, _ = start_demo(tmp_path, https=True, state_dir=state)
    try:
        facts = check_banner(banner, tmp_path, https=True, ports=ports)
        # The plain listener keeps answering next to the HTTPS one.
        token = (state / "access-token").read_text()
        assert get_json(f"http://127.0.0.1:{ports['http']}/compute/v1/projects/{facts['project']}", token)["name"] == facts["project"]
    finally:
        code = stop(process)
    assert code == 0, (tmp_path / "demo.log").read_text()
    # --state-dir is kept, with what the demo wrote.
    assert not facts["temporary"] and facts["folder"] == str(state.resolve())
    assert (state / "service-account.json").exists() and (state / "ca.pem").exists()


def test_token_against_the_simulator_configuration_points_at_the_running_demo(tmp_path):
    done = subprocess.run([binary(), "token", "--api-key", "k"], capture_output=True, text=True,
                          env={**{k: v for k, v in os.environ.items() if not CLIENT_VARIABLES.match(k)},
                               "STACKBRIDGE_SECRET_KEY": "s"})
    assert done.returncode != 0
    assert "stackbridge token --endpoint URL" in done.stderr
