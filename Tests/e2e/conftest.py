"""Starts real StackBridge processes for the end-to-end tests.

* ``stackbridge``: ``stackbridge demo`` (the bridge in front of its built-in CloudStack simulator)
  with an HTTP and an HTTPS listener; the HTTPS certificate is issued at test time by a throwaway
  test CA (no private key is ever committed).
* ``simulator``: ``stackbridge simulator`` alone, for the CloudStack client libraries; its URL and a
  user's keys are also exported as SIMULATOR_URL / SIMULATOR_API_KEY / SIMULATOR_SECRET_KEY.

The binary is $STACKBRIDGE_BINARY (``make test`` sets it) or .build/debug/stackbridge. $STACKBRIDGE_PAGE_SIZE, when
set, is the bridges' ``cloudstack.pageSize`` (``make test-release`` sets a small one, so lists span CloudStack pages).
"""

import base64
import os
import re
import secrets
import socket
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from harness import binary, free_port, make_test_ca, page_size_setting, stop, wait_for_line


@dataclass
class Bridge:
    process: subprocess.Popen
    directory: Path
    http_url: str
    https_url: str
    admin_url: str
    access_key: str
    secret_key: str
    admin_key: str
    admin_secret: str
    region: str
    ca_file: str
    # The demo's built-in CloudStack simulator, reachable with the admin key pair.
    simulator_url: str = ""

    # Names the EC2 and GCE suites use.
    @property
    def ec2_endpoint(self) -> str:
        return self.https_url

    @property
    def gce_base_url(self) -> str:
        return self.https_url

    @property
    def api_key(self) -> str:
        return self.access_key

    @property
    def project(self) -> str:
        return "user1"


@pytest.fixture(scope="session")
def stackbridge(tmp_path_factory) -> Bridge:
    directory = tmp_path_factory.mktemp("stackbridge")
    ca, cert, key = make_test_ca(directory)
    http_port, https_port, admin_port, simulator_port = (free_port() for _ in range(4))
    config = directory / "stackbridge.yaml"
    config.write_text(f"""
server:
  loops: 2
  http: {{enabled: true, address: "127.0.0.1", port: {http_port}}}
  https: {{enabled: true, address: "127.0.0.1", port: {https_port}, certificate: "{cert}", privateKey: "{key}"}}
  publicURL: "https://127.0.0.1:{https_port}"
admin: {{enabled: true, address: "127.0.0.1", port: {admin_port}}}
log: {{accessLog: false}}
simulator: {{address: "127.0.0.1", port: {simulator_port}, jobDurationMilliseconds: 200}}
gce: {{tokenKey: "{base64.b64encode(secrets.token_bytes(32)).decode()}"}}
{page_size_setting()}""")
    process = subprocess.Popen([binary(), "demo", "--config", str(config)], stdout=subprocess.PIPE,
                               stderr=open(directory / "stderr.log", "w"), text=True)
    try:
        banner = "".join(wait_for_line(process, r"Stop with Ctrl-C"))
    except Exception:
        stop(process)
        raise
    find = lambda pattern: re.search(pattern, banner).group(1)
    admin = re.search(r"admin key pair \(simulator only\): (\S+) / (\S+)", banner)
    bridge = Bridge(
        process=process, directory=directory, http_url=f"http://127.0.0.1:{http_port}",
        https_url=f"https://127.0.0.1:{https_port}", admin_url=f"http://127.0.0.1:{admin_port}",
        access_key=find(r"AWS_ACCESS_KEY_ID=(\S+)"), secret_key=find(r"AWS_SECRET_ACCESS_KEY=(\S+)"),
        admin_key=admin.group(1), admin_secret=admin.group(2),
        region=find(r"AWS_DEFAULT_REGION=(\S+)"), ca_file=str(ca),
        simulator_url=f"http://127.0.0.1:{simulator_port}")
    yield bridge
    assert stop(process) == 0, (directory / "stderr.log").read_text()


@dataclass
class SimulatorProcess:
    url: str
    users: list
    admin: tuple


@pytest.fixture(scope="session")
def simulator() -> SimulatorProcess:
    process = subprocess.Popen([binary(), "simulator", "--port", "0", "--job-milliseconds", "200"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    # The banner lists the admin, then the seeded users; user2 is the last line of it.
    lines = wait_for_line(process, r"^\s+user\s+user2/")
    url = re.search(r"listening on (\S+)", "".join(lines)).group(1)
    users, admin = [], None
    text = "".join(lines)
    for kind, key, secret in re.findall(r"^\s+(admin|user)\s+\S+: apiKey=(\S+) secretKey=(\S+)", text, re.M):
        if kind == "admin":
            admin = (key, secret)
        else:
            users.append((key, secret))
    yield SimulatorProcess(url=url, users=users, admin=admin)
    stop(process)


@pytest.fixture(scope="session", autouse=True)
def simulator_environment(request):
    """Exports the simulator's URL and a user's keys for tests that read them from the environment."""
    wanted = any("test_simulator_clients" in item.nodeid for item in request.session.items)
    if wanted and not os.environ.get("SIMULATOR_URL"):
        sim = request.getfixturevalue("simulator")
        key, secret = sim.users[0]
        os.environ.update(SIMULATOR_URL=sim.url, SIMULATOR_API_KEY=key, SIMULATOR_SECRET_KEY=secret)
    yield
