"""GCE end-to-end settings: every HTTPS client in these tests trusts only the bridge's test CA.

requests gives REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE priority over a session's own `verify`, and google-auth's
token refresh and google-cloud-compute build their own sessions, so the environment is where the CA must go.
Session scope, so it is in place before the module-scoped client fixtures are built.
"""

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))


@pytest.fixture(scope="session", autouse=True)
def trust_the_bridge(stackbridge):
    names = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE")
    saved = {name: os.environ.get(name) for name in names}
    os.environ.update({name: stackbridge.ca_file for name in names})
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
