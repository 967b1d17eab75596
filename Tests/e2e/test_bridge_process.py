"""The stackbridge process itself: listeners, admin endpoints, TLS, refusals, signals."""

import http.client
import os
import signal
import ssl
import subprocess
import time
import urllib.error
import urllib.request
import warnings

import pytest

from harness import binary, free_port, stop, wait_for_line


def get(url, **kwargs):
    try:
        with urllib.request.urlopen(url, timeout=10, **kwargs) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_admin_endpoints(stackbridge):
    assert get(stackbridge.admin_url + "/healthz")[0] == 200
    status, _, body = get(stackbridge.admin_url + "/readyz")
    assert status == 200, body
    status, headers, body = get(stackbridge.admin_url + "/metrics")
    assert status == 200
    assert headers["Content-Type"].startswith("text/plain")
    assert b"stackbridge_backend_pool_connections" in body


def test_unknown_paths_are_404_and_carry_a_request_id(stackbridge):
    status, headers, _ = get(stackbridge.http_url + "/nothing-here")
    assert status == 404
    assert len(headers["x-request-id"]) == 32


def test_https_serves_with_the_test_ca_and_refuses_tls_1_1(stackbridge):
    context = ssl.create_default_context(cafile=stackbridge.ca_file)
    status, _, _ = get(stackbridge.https_url + "/nothing-here", context=context)
    assert status == 404
    old = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    old.load_verify_locations(stackbridge.ca_file)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        old.minimum_version = ssl.TLSVersion.TLSv1
        old.maximum_version = ssl.TLSVersion.TLSv1_1
    old.set_ciphers("DEFAULT:@SECLEVEL=0")
    # The client really offers TLS 1.1 (SECLEVEL=0); the refusal is the server's protocol_version alert.
    with pytest.raises(urllib.error.URLError, match="PROTOCOL_VERSION"):
        get(stackbridge.https_url + "/", context=old)


def test_oversized_headers_get_431_in_the_api_format(stackbridge):
    connection = http.client.HTTPConnection("127.0.0.1", int(stackbridge.http_url.rsplit(":", 1)[1]), timeout=10)
    connection.request("GET", "/?Action=DescribeRegions", headers={"X-Big": "a" * 9000})
    response = connection.getresponse()
    body = response.read()
    assert response.status == 431
    assert b"<Response><Errors><Error>" in body
    # A refusal is an answer like any other: it carries the request id, in the header and the body.
    request_id = response.getheader("x-request-id")
    assert len(request_id) == 32
    assert f"<RequestID>{request_id}</RequestID>".encode() in body


def raw_exchange(port, data: bytes) -> bytes:
    """Sends raw bytes and reads until the server closes the connection."""
    import socket
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(data)
        chunks = []
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def http_port(bridge) -> int:
    return int(bridge.http_url.rsplit(":", 1)[1])


def test_headers_past_evhttps_own_limit_get_the_ec2_431_not_html(stackbridge):
    answer = raw_exchange(http_port(stackbridge),
                          b"GET /?Action=DescribeRegions HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40000 + b"\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 431 ")
    assert b"<Response><Errors><Error>" in answer
    assert b"<html" not in answer.lower()
    assert b"x-request-id: " in answer.lower()


def test_a_body_over_the_limit_gets_the_gce_413_not_html(stackbridge):
    answer = raw_exchange(http_port(stackbridge),
                          b"POST /compute/v1/projects/user1/zones/z/instances HTTP/1.1\r\nHost: x\r\n"
                          b"Content-Type: application/json\r\nContent-Length: 3000000\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 413 ")
    import json
    error = json.loads(answer.split(b"\r\n\r\n", 1)[1])["error"]
    assert error["code"] == 413
    assert b"<html" not in answer.lower()


def test_two_content_lengths_get_one_400_and_the_connection_closes(stackbridge):
    answer = raw_exchange(http_port(stackbridge),
                          b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                          b"Content-Length: 21\r\nContent-Length: 5\r\n\r\nAction=DescribeRegionsGET /nothing HTTP/1.1\r\nHost: x\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400 ")
    assert answer.count(b"HTTP/1.1 ") == 1
    assert b"<Response><Errors><Error>" in answer


def test_refusals_get_an_access_log_line(tmp_path):
    port, admin, sim = free_port(), free_port(), free_port()
    config = tmp_path / "c.yaml"
    config.write_text(f"""
server: {{http: {{address: "127.0.0.1", port: {port}}}}}
admin: {{address: "127.0.0.1", port: {admin}}}
log: {{accessLog: true}}
simulator: {{port: {sim}}}
""")
    process = subprocess.Popen([binary(), "demo", "--config", str(config)], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    try:
        wait_for_line(process, r"Stop with Ctrl-C")
        answer = raw_exchange(port, b"GET /?Action=DescribeRegions HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n")
        request_id = next(line.split(b": ", 1)[1].strip() for line in answer.split(b"\r\n")
                          if line.lower().startswith(b"x-request-id:")).decode()
        lines = wait_for_line(process, r"status=431", timeout=10)
        assert any(request_id in line and "api=ec2" in line for line in lines), lines[-3:]
    finally:
        assert stop(process) == 0


def test_sighup_reloads_and_sigterm_drains_and_exits_zero(tmp_path):
    """A private instance: SIGHUP keeps serving, SIGTERM exits 0."""
    port, admin, sim = free_port(), free_port(), free_port()
    config = tmp_path / "c.yaml"
    config.write_text(f"""
server: {{http: {{address: "127.0.0.1", port: {port}}}, shutdownGraceSeconds: 5}}
admin: {{address: "127.0.0.1", port: {admin}}}
simulator: {{port: {sim}}}
""")
    log = tmp_path / "stderr.log"
    process = subprocess.Popen([binary(), "demo", "--config", str(config)], stdout=subprocess.PIPE,
                               stderr=open(log, "w"), text=True)
    try:
        wait_for_line(process, r"Stop with Ctrl-C")
        process.send_signal(signal.SIGHUP)
        # The bridge says it handled the signal (no HTTPS here, so nothing to reload); then it still serves.
        deadline = time.time() + 10
        while "nothing to reload" not in log.read_text() and time.time() < deadline:
            time.sleep(0.05)
        assert "nothing to reload" in log.read_text()
        assert process.poll() is None
        assert get(f"http://127.0.0.1:{admin}/healthz")[0] == 200
    finally:
        assert stop(process) == 0


def test_invalid_configuration_exits_78(tmp_path):
    config = tmp_path / "bad.yaml"
    config.write_text("server:\n  http:\n    port: 70000\n")
    result = subprocess.run([binary(), "serve", "--config", str(config)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 78
    assert "server.http.port" in result.stderr


def test_sigterm_lets_a_request_in_flight_finish(tmp_path):
    """A request still waiting on (slow) CloudStack when SIGTERM arrives gets its answer; exit 0."""
    import threading
    import boto3
    from botocore.config import Config
    port, admin, sim = free_port(), free_port(), free_port()
    config = tmp_path / "c.yaml"
    config.write_text(f"""
server: {{http: {{address: "127.0.0.1", port: {port}}}, shutdownGraceSeconds: 10}}
admin: {{address: "127.0.0.1", port: {admin}}}
simulator: {{port: {sim}, latencyMilliseconds: 1500}}
""")
    process = subprocess.Popen([binary(), "demo", "--config", str(config)], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    try:
        banner = "".join(wait_for_line(process, r"Stop with Ctrl-C"))
        import re
        key = re.search(r"AWS_ACCESS_KEY_ID=(\S+)", banner).group(1)
        secret = re.search(r"AWS_SECRET_ACCESS_KEY=(\S+)", banner).group(1)
        client = boto3.client("ec2", endpoint_url=f"http://127.0.0.1:{port}", region_name="cloudstack-1",
                              aws_access_key_id=key, aws_secret_access_key=secret,
                              config=Config(retries={"max_attempts": 1}, read_timeout=30))
        result = {}
        worker = threading.Thread(target=lambda: result.update(zones=client.describe_availability_zones()))
        started = time.time()
        worker.start()
        # SIGTERM once the request is waiting on CloudStack: a backend connection is in use.
        in_use = re.compile(r'backend_pool_connections\{[^}]*state="in_use"[^}]*\} ([0-9.]+)')
        deadline, waiting = time.time() + 10, False
        while time.time() < deadline and not waiting:
            waiting = any(float(v) >= 1 for v in in_use.findall(get(f"http://127.0.0.1:{admin}/metrics")[2].decode()))
            time.sleep(0.02)
        assert waiting, "the request never reached CloudStack"
        process.send_signal(signal.SIGTERM)
        worker.join(timeout=30)
        assert [z["State"] for z in result["zones"]["AvailabilityZones"]] == ["available", "available"]
        assert time.time() - started >= 1.5
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            stop(process)


def test_sighup_swaps_the_served_certificate(tmp_path):
    """Replace the certificate files, SIGHUP: new connections get the new certificate."""
    import shutil
    from harness import make_test_ca
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    ca1, cert1, key1 = make_test_ca(first)
    ca2, cert2, key2 = make_test_ca(second)
    live_cert, live_key = tmp_path / "live.pem", tmp_path / "live.key"
    shutil.copy(cert1, live_cert)
    shutil.copy(key1, live_key)
    https, admin, sim = free_port(), free_port(), free_port()
    config = tmp_path / "c.yaml"
    config.write_text(f"""
server:
  http: {{enabled: false}}
  https: {{enabled: true, address: "127.0.0.1", port: {https}, certificate: "{live_cert}", privateKey: "{live_key}"}}
admin: {{address: "127.0.0.1", port: {admin}}}
simulator: {{port: {sim}}}
""")
    process = subprocess.Popen([binary(), "demo", "--config", str(config)], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)

    def served_by(ca):
        context = ssl.create_default_context(cafile=str(ca))
        try:
            get(f"https://127.0.0.1:{https}/", context=context)
            return True
        except urllib.error.URLError:
            return False

    try:
        wait_for_line(process, r"Stop with Ctrl-C")
        assert served_by(ca1) and not served_by(ca2)
        shutil.copy(cert2, live_cert)
        shutil.copy(key2, live_key)
        assert served_by(ca1)  # no reload without the signal
        process.send_signal(signal.SIGHUP)
        deadline = time.time() + 5
        while not served_by(ca2) and time.time() < deadline:
            time.sleep(0.1)
        assert served_by(ca2) and not served_by(ca1)
    finally:
        assert stop(process) == 0


def start_with_descriptor_limit(tmp_path, limit: int, max_connections: int):
    """A private instance (one loop) under `ulimit -n limit`; stderr goes to a file."""
    import resource
    port, admin, sim = free_port(), free_port(), free_port()
    config = tmp_path / "c.yaml"
    config.write_text(f"""
server: {{loops: 1, http: {{address: "127.0.0.1", port: {port}}}, limits: {{maxConnections: {max_connections}}}}}
admin: {{address: "127.0.0.1", port: {admin}}}
simulator: {{port: {sim}}}
""")
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    stderr = open(tmp_path / "stderr.log", "w")
    process = subprocess.Popen([binary(), "demo", "--config", str(config)], stdout=subprocess.PIPE, stderr=stderr, text=True,
                               preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (limit, hard)))
    wait_for_line(process, r"Stop with Ctrl-C")
    return process, port, tmp_path / "stderr.log"


def cpu_seconds(pid: int) -> float:
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle_flood(port: int, count: int) -> list:
    import socket
    flood = []
    for _ in range(count):
        try:
            flood.append(socket.create_connection(("127.0.0.1", port), timeout=2))
        except OSError:
            break
    return flood


def flood_and_check_no_spin(process, port):
    """Opens 400 idle connections, then asserts the bridge uses under 0.3 s of CPU over the next second.

    Spinning is CPU over wall time, so this one check has to measure over a real second."""
    flood = idle_flood(port, 400)
    time.sleep(0.5)
    before = cpu_seconds(process.pid)
    time.sleep(1.0)
    assert cpu_seconds(process.pid) - before < 0.3
    return flood


def test_an_idle_flood_under_a_low_descriptor_limit_neither_spins_nor_starves(tmp_path):
    """The derived cap keeps accept() clear of EMFILE; idle connections make room for live ones."""
    process, port, stderr = start_with_descriptor_limit(tmp_path, 256, 0)
    try:
        flood = flood_and_check_no_spin(process, port)
        for _ in range(5):
            status, _, _ = get(f"http://127.0.0.1:{port}/nothing-here")
            assert status == 404
        assert "Too many open files" not in stderr.read_text()
        for sock in flood:
            sock.close()
        assert process.poll() is None
    finally:
        assert stop(process) == 0


def test_accept_failures_pause_accepting_and_are_logged_rarely(tmp_path):
    """A cap set above the descriptor limit makes accept() fail with EMFILE: no spin, one log line."""
    process, port, stderr = start_with_descriptor_limit(tmp_path, 256, 100000)
    try:
        flood = flood_and_check_no_spin(process, port)
        for sock in flood:
            sock.close()
        # Descriptors come back; accepting resumes after the 100 ms pause.
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                if get(f"http://127.0.0.1:{port}/nothing-here")[0] == 404:
                    break
            except OSError:
                time.sleep(0.2)
        assert get(f"http://127.0.0.1:{port}/nothing-here")[0] == 404
        assert process.poll() is None
        stop(process)
        log = stderr.read_text()
        # One line per loop per 10 s, however many accepts failed; none of libevent's own.
        assert log.count("accept failed") == 1, log[-2000:]
        assert "Error from accept() call" not in log
    finally:
        if process.poll() is None:
            stop(process)


def test_over_https_evhttps_own_error_pages_are_replaced_too(stackbridge):
    """The buffer watches sit on the TLS bufferevent's plaintext side: same answer as over HTTP."""
    import socket
    context = ssl.create_default_context(cafile=stackbridge.ca_file)
    port = int(stackbridge.https_url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        with context.wrap_socket(raw, server_hostname="127.0.0.1") as sock:
            sock.sendall(b"GET /compute/v1/projects/user1/zones HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40000 + b"\r\n\r\n")
            chunks = []
            while True:
                try:
                    chunk = sock.recv(65536)
                except (ssl.SSLError, ConnectionResetError):
                    break
                if not chunk:
                    break
                chunks.append(chunk)
    answer = b"".join(chunks)
    assert answer.startswith(b"HTTP/1.1 431 ")
    import json
    assert json.loads(answer.split(b"\r\n\r\n", 1)[1])["error"]["code"] == 431
