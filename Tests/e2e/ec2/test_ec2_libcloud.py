"""Apache libcloud's EC2 driver against StackBridge: nodes, images, sizes, key pairs."""

import time
import uuid
from urllib.parse import urlparse

import libcloud.security
import pytest
from libcloud.compute.base import NodeImage, NodeSize
from libcloud.compute.providers import get_driver
from libcloud.compute.types import NodeState, Provider

from ec2_helpers import boto3_client, featured_image, smallest_type


@pytest.fixture(scope="module")
def driver(stackbridge):
    url = urlparse(stackbridge.ec2_endpoint)
    secure = url.scheme == "https"
    if secure:
        libcloud.security.CA_CERTS_PATH = stackbridge.ca_file
    # libcloud accepts only AWS region names and signs EC2 with SigV2 for us-east-1: SigV2 carries no
    # region, so the bridge's own region name does not matter here.
    cls = get_driver(Provider.EC2)
    return cls(stackbridge.access_key, stackbridge.secret_key, region="us-east-1", host=url.hostname, port=url.port,
               secure=secure, signature_version="2")


def wait_for(driver, node_id, state, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        nodes = [n for n in driver.list_nodes() if n.id == node_id]
        if nodes and nodes[0].state == state:
            return nodes[0]
        time.sleep(0.2)  # poll interval; the simulator's jobs take 200 ms
    raise AssertionError(f"{node_id} did not reach {state}")


def test_images_and_sizes(driver, stackbridge):
    images = driver.list_images()
    assert images and all(image.id.startswith("ami-") for image in images)
    assert driver.list_sizes()


def test_create_reboot_destroy_node(driver, stackbridge):
    ec2 = boto3_client(stackbridge)
    image = NodeImage(id=featured_image(ec2), name=None, driver=driver)
    size_id = smallest_type(ec2)
    size = NodeSize(id=size_id, name=size_id, ram=0, disk=0, bandwidth=None, price=None, driver=driver)
    name = "lc-" + uuid.uuid4().hex[:8]
    node = driver.create_node(name=name, size=size, image=image)
    try:
        running = wait_for(driver, node.id, NodeState.RUNNING)
        assert running.name == name
        assert running.private_ips
        assert driver.reboot_node(running)
    finally:
        assert driver.destroy_node(node)
    assert node.id not in [n.id for n in driver.list_nodes() if n.state == NodeState.RUNNING]


def test_key_pairs(driver):
    name = "lc-" + uuid.uuid4().hex[:8]
    pair = driver.create_key_pair(name)
    assert pair.private_key and pair.fingerprint
    assert name in [k.name for k in driver.list_key_pairs()]
    assert driver.delete_key_pair(pair)
    assert name not in [k.name for k in driver.list_key_pairs()]
