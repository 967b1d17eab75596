"""Process helpers shared by the end-to-end tests and their fixtures (conftest.py)."""

import os
import re
import socket
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def page_size():
    """The bridges' ``cloudstack.pageSize`` from $STACKBRIDGE_PAGE_SIZE (None: the default, 500)."""
    value = os.environ.get("STACKBRIDGE_PAGE_SIZE")
    return int(value) if value else None


def page_size_setting() -> str:
    """A ``cloudstack:`` block setting the page size, or nothing (for configs with no other cloudstack keys)."""
    return f"cloudstack: {{pageSize: {page_size()}}}\n" if page_size() else ""


def binary() -> str:
    path = os.environ.get("STACKBRIDGE_BINARY") or str(ROOT / ".build" / "debug" / "stackbridge")
    if not os.access(path, os.X_OK):
        pytest.fail(f"stackbridge binary not found at {path}: run `swift build` (make test does)", pytrace=False)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_test_ca(directory: Path) -> tuple[Path, Path, Path]:
    """A CA and a server certificate for localhost/127.0.0.1 signed by it."""
    ca_key, ca_cert = directory / "ca.key", directory / "ca.pem"
    key, csr, cert = directory / "server.key", directory / "server.csr", directory / "server.pem"
    run = lambda *args: subprocess.run(args, check=True, capture_output=True)
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca_key, "-out", ca_cert,
        "-days", "2", "-subj", "/CN=StackBridge test CA")
    run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr, "-subj", "/CN=localhost")
    ext = directory / "ext.cnf"
    ext.write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                   "keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n")
    run("openssl", "x509", "-req", "-in", csr, "-CA", ca_cert, "-CAkey", ca_key, "-CAcreateserial",
        "-out", cert, "-days", "2", "-extfile", ext)
    return ca_cert, cert, key


def wait_for_line(process: subprocess.Popen, pattern: str, timeout: float = 60.0) -> list[str]:
    """Reads stdout lines until one matches; returns all lines read."""
    lines, deadline = [], time.time() + timeout
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            if process.poll() is not None:
                raise RuntimeError(f"stackbridge exited with {process.returncode}: {''.join(lines)}")
            continue
        lines.append(line)
        if re.search(pattern, line):
            return lines
    raise RuntimeError(f"timed out waiting for {pattern!r}: {''.join(lines)}")


def stop(process: subprocess.Popen) -> int:
    process.terminate()
    try:
        return process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait()
