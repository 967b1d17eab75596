"""A TLS scan of the demo's HTTPS listener with sslyze (an independent TLS client built on its own OpenSSL):
only TLS 1.2 and 1.3 are accepted, TLS 1.2 suites are all ECDHE with an AEAD (no RSA key exchange, no CBC,
3DES, RC4, export, NULL or anonymous suites), the full chain (leaf and intermediate) is sent and validates to
the test root, and the classic checks (compression, client renegotiation, Heartbleed, CCS injection) are clean.
The results are written to docs/reliability.md ("Cryptography and secrets")."""

import subprocess
from pathlib import Path

import pytest
from sslyze import (CertificateInfoExtraArgument, ScanCommand, ScanCommandsExtraArguments, Scanner,
                    ServerNetworkConfiguration, ServerNetworkLocation, ServerScanRequest, ServerScanStatusEnum)

from harness import binary, free_port, stop, wait_for_line

WEAK_MARKERS = ("CBC", "3DES", "DES", "RC4", "NULL", "anon", "EXPORT", "MD5", "PSK", "SRP", "IDEA", "SEED", "CAMELLIA")


def make_chain(directory: Path):
    """root CA -> intermediate CA -> leaf for localhost/127.0.0.1; returns (root, chain file, leaf key)."""
    run = lambda *args: subprocess.run([str(a) for a in args], check=True, capture_output=True)
    root_key, root = directory / "root.key", directory / "root.pem"
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", root_key, "-out", root, "-days", "2",
        "-subj", "/CN=StackBridge scan root", "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    ca_ext = directory / "ca.cnf"
    ca_ext.write_text("basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n")
    inter_key, inter_csr, inter = directory / "inter.key", directory / "inter.csr", directory / "inter.pem"
    run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", inter_key, "-out", inter_csr,
        "-subj", "/CN=StackBridge scan intermediate")
    run("openssl", "x509", "-req", "-in", inter_csr, "-CA", root, "-CAkey", root_key, "-CAcreateserial",
        "-out", inter, "-days", "2", "-extfile", ca_ext)
    leaf_ext = directory / "leaf.cnf"
    leaf_ext.write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                        "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n")
    leaf_key, leaf_csr, leaf = directory / "leaf.key", directory / "leaf.csr", directory / "leaf.pem"
    run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", leaf_key, "-out", leaf_csr, "-subj", "/CN=localhost")
    run("openssl", "x509", "-req", "-in", leaf_csr, "-CA", inter, "-CAkey", inter_key, "-CAcreateserial",
        "-out", leaf, "-days", "2", "-extfile", leaf_ext)
    chain = directory / "chain.pem"
    chain.write_text(leaf.read_text() + inter.read_text())
    return root, chain, leaf_key


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    directory = tmp_path_factory.mktemp("tls-scan")
    root, chain, key = make_chain(directory)
    https, admin, sim = free_port(), free_port(), free_port()
    config = directory / "c.yaml"
    config.write_text(f"""
server:
  http: {{enabled: false}}
  https: {{enabled: true, address: "127.0.0.1", port: {https}, certificate: "{chain}", privateKey: "{key}"}}
admin: {{address: "127.0.0.1", port: {admin}}}
log: {{accessLog: false}}
simulator: {{port: {sim}}}
""")
    process = subprocess.Popen([binary(), "demo", "--config", str(config)], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    try:
        wait_for_line(process, r"Stop with Ctrl-C")
        request = ServerScanRequest(
            server_location=ServerNetworkLocation(hostname="localhost", port=https, ip_address="127.0.0.1"),
            network_configuration=ServerNetworkConfiguration(tls_server_name_indication="localhost", network_timeout=10),
            scan_commands={
                ScanCommand.CERTIFICATE_INFO, ScanCommand.SSL_2_0_CIPHER_SUITES, ScanCommand.SSL_3_0_CIPHER_SUITES,
                ScanCommand.TLS_1_0_CIPHER_SUITES, ScanCommand.TLS_1_1_CIPHER_SUITES, ScanCommand.TLS_1_2_CIPHER_SUITES,
                ScanCommand.TLS_1_3_CIPHER_SUITES, ScanCommand.TLS_COMPRESSION, ScanCommand.SESSION_RENEGOTIATION,
                ScanCommand.HEARTBLEED, ScanCommand.OPENSSL_CCS_INJECTION, ScanCommand.TLS_FALLBACK_SCSV,
                ScanCommand.ELLIPTIC_CURVES,
            },
            scan_commands_extra_arguments=ScanCommandsExtraArguments(
                certificate_info=CertificateInfoExtraArgument(custom_ca_file=root)),
        )
        scanner = Scanner()
        scanner.queue_scans([request])
        results = list(scanner.get_results())
        assert len(results) == 1
        assert results[0].scan_status == ServerScanStatusEnum.COMPLETED, results[0].connectivity_error_trace
        yield results[0].scan_result
    finally:
        assert stop(process) == 0


def accepted(attempt):
    assert attempt.error_trace is None, attempt.error_trace
    return [suite.cipher_suite.name for suite in attempt.result.accepted_cipher_suites]


def test_only_tls_1_2_and_1_3_are_accepted(scan):
    for name in ("ssl_2_0_cipher_suites", "ssl_3_0_cipher_suites", "tls_1_0_cipher_suites", "tls_1_1_cipher_suites"):
        assert accepted(getattr(scan, name)) == [], name
    assert accepted(scan.tls_1_2_cipher_suites)
    assert accepted(scan.tls_1_3_cipher_suites)


def test_tls_1_2_suites_are_forward_secret_aeads_only(scan):
    suites = accepted(scan.tls_1_2_cipher_suites)
    print("TLS 1.2 suites:", suites)
    for name in suites:
        assert name.startswith("TLS_ECDHE_"), f"{name}: not ECDHE (RSA key exchange or DHE)"
        assert name.endswith("_GCM_SHA256") or name.endswith("_GCM_SHA384") or "CHACHA20_POLY1305" in name, name
        assert not any(marker in name for marker in WEAK_MARKERS), name
    assert set(suites) == {
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
    }


def test_tls_1_3_suites_are_the_standard_aeads(scan):
    suites = set(accepted(scan.tls_1_3_cipher_suites))
    print("TLS 1.3 suites:", sorted(suites))
    assert suites <= {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"}
    assert "TLS_AES_128_GCM_SHA256" in suites


def test_the_full_chain_is_sent_and_validates_to_the_root(scan):
    assert scan.certificate_info.error_trace is None, scan.certificate_info.error_trace
    deployment = scan.certificate_info.result.certificate_deployments[0]
    received = [c.subject.rfc4514_string() for c in deployment.received_certificate_chain]
    print("received chain:", received)
    assert received == ["CN=localhost", "CN=StackBridge scan intermediate"]
    custom = [r for r in deployment.path_validation_results if r.trust_store.name == "Supplied CA file"]
    assert custom and custom[0].was_validation_successful, [r.validation_error for r in custom]
    assert len(custom[0].verified_certificate_chain) == 3
    assert deployment.received_chain_has_valid_order
    # The root is the client's to have; sending it would only waste bytes.
    assert deployment.received_chain_contains_anchor_certificate is False
    assert deployment.verified_chain_has_sha1_signature is False


def test_no_compression_no_client_renegotiation_no_heartbleed_no_ccs_injection(scan):
    assert scan.tls_compression.result.supports_compression is False
    renegotiation = scan.session_renegotiation.result
    assert renegotiation.is_vulnerable_to_client_renegotiation_dos is False
    assert scan.heartbleed.result.is_vulnerable_to_heartbleed is False
    assert scan.openssl_ccs_injection.result.is_vulnerable_to_ccs_injection is False
    assert scan.tls_fallback_scsv.result.supports_fallback_scsv is True


def test_key_exchange_groups_are_modern_curves(scan):
    curves = {c.name for c in scan.elliptic_curves.result.supported_curves}
    print("groups:", sorted(curves))
    assert curves and curves <= {"X25519", "X448", "prime256v1", "secp256r1", "secp384r1", "secp521r1"}
