"""Issue #15's scenario in one go, with google-api-python-client against the bridge: a custom network with a
subnetwork, a firewall opening a port range for a network tag, a reserved address, an instance in that subnetwork
with the tag, every get and list checked; then all of it deleted (each operation
waited on) and CloudStack, asked through its own API with the admin key, shown to hold nothing of it.

Firewalls on custom (VPC) networks are not served yet (decision 0012), so the tag firewall is on `default` as 0012
allows: its target group `gce-tag-<tag>` is a CloudStack security group, which this test also sees removed of the
firewall's rules."""


import pytest
from cs import CloudStack
from googleapiclient.errors import HttpError

from gce_support import compute_client, wait_operation as done

PREFIX = "e2e-scn-net"


@pytest.fixture(scope="module")
def compute(stackbridge):
    return compute_client(stackbridge)


def names(answer):
    return [item["name"] for item in answer.get("items", [])]


def test_network_firewall_address_and_instance_in_one_go(compute, stackbridge):
    project = stackbridge.project
    base = f"{stackbridge.gce_base_url}/compute/v1/projects/{project}"
    region = compute.regions().list(project=project).execute()["items"][0]["name"]
    zone = next(z["name"] for z in compute.zones().list(project=project).execute()["items"] if "advanced" in z["name"])
    image = next(i for i in compute.images().list(project=project).execute()["items"] if i["status"] == "READY")
    machine_type = min(compute.machineTypes().list(project=project, zone=zone).execute()["items"], key=lambda t: t["memoryMb"])
    network, subnetwork, firewall, address, instance, tag = (
        PREFIX, f"{PREFIX}-web", f"{PREFIX}-allow-web", f"{PREFIX}-ip", f"{PREFIX}-vm", f"{PREFIX}-web")

    done(compute, project, compute.networks().insert(project=project, body={
        "name": network, "autoCreateSubnetworks": False, "description": "scenario"}).execute())
    done(compute, project, compute.subnetworks().insert(project=project, region=region, body={
        "name": subnetwork, "network": f"global/networks/{network}", "ipCidrRange": "10.88.1.0/24"}).execute())
    done(compute, project, compute.firewalls().insert(project=project, body={
        "name": firewall, "network": "global/networks/default", "direction": "INGRESS", "priority": 900,
        "allowed": [{"IPProtocol": "tcp", "ports": ["8000-8090"]}], "sourceRanges": ["203.0.113.0/24"],
        "targetTags": [tag]}).execute())
    done(compute, project, compute.addresses().insert(project=project, region=region, body={"name": address}).execute())
    reserved = compute.addresses().get(project=project, region=region, address=address).execute()
    assert reserved["status"] == "RESERVED" and not reserved.get("users")
    cloudstack = CloudStack(endpoint=stackbridge.simulator_url + "/client/api", key=stackbridge.admin_key,
                            secret=stackbridge.admin_secret)

    def instance_body(access_config):
        return {
            "name": instance, "machineType": machine_type["selfLink"], "tags": {"items": [tag]},
            "disks": [{"boot": True, "initializeParams": {"sourceImage": image["selfLink"]}}],
            "networkInterfaces": [{
                "network": f"global/networks/{network}", "subnetwork": f"regions/{region}/subnetworks/{subnetwork}",
                "accessConfigs": [access_config]}]}

    # The reserved address was acquired for this account's isolated network (decision 0013), and CloudStack's static
    # NAT gives an address only to an instance on its own network: the bridge says so, naming natIP, before it deploys.
    with pytest.raises(HttpError) as refused:
        compute.instances().insert(project=project, zone=zone, body=instance_body(
            {"name": "external-nat", "type": "ONE_TO_ONE_NAT", "natIP": reserved["address"]})).execute()
    assert refused.value.resp.status == 400 and "accessConfigs[0].natIP" in str(refused.value)
    assert not [v for v in cloudstack.listVirtualMachines(listall=True, fetch_list=True) if v["name"] == instance]
    done(compute, project, compute.instances().insert(project=project, zone=zone, body=instance_body(
        {"name": "external-nat", "type": "ONE_TO_ONE_NAT"})).execute())

    # Every get and list.
    got_network = compute.networks().get(project=project, network=network).execute()
    assert got_network["autoCreateSubnetworks"] is False and got_network["description"] == "scenario"
    assert got_network["subnetworks"] == [f"{base}/regions/{region}/subnetworks/{subnetwork}"]
    assert network in names(compute.networks().list(project=project).execute())
    got_subnetwork = compute.subnetworks().get(project=project, region=region, subnetwork=subnetwork).execute()
    assert got_subnetwork["ipCidrRange"] == "10.88.1.0/24" and got_subnetwork["network"] == f"{base}/global/networks/{network}"
    assert subnetwork in names(compute.subnetworks().list(project=project, region=region).execute())
    got_firewall = compute.firewalls().get(project=project, firewall=firewall).execute()
    assert got_firewall["allowed"] == [{"IPProtocol": "tcp", "ports": ["8000-8090"]}]
    assert got_firewall["targetTags"] == [tag] and got_firewall["priority"] == 900
    assert got_firewall["sourceRanges"] == ["203.0.113.0/24"]
    assert firewall in names(compute.firewalls().list(project=project).execute())
    still_reserved = compute.addresses().get(project=project, region=region, address=address).execute()
    assert still_reserved["status"] == "RESERVED" and not still_reserved.get("users")
    assert address in names(compute.addresses().list(project=project, region=region).execute())
    vm = compute.instances().get(project=project, zone=zone, instance=instance).execute()
    nic = vm["networkInterfaces"][0]
    assert nic["network"] == f"{base}/global/networks/{network}"
    assert nic["subnetwork"] == f"{base}/regions/{region}/subnetworks/{subnetwork}"
    assert nic["networkIP"].startswith("10.88.1.")
    [config] = nic["accessConfigs"]
    assert config["name"] == "external-nat" and config["natIP"] and config["natIP"] != reserved["address"]
    assert vm["tags"]["items"] == [tag]
    assert instance in names(compute.instances().list(project=project, zone=zone).execute())

    vpc_ids = {v["id"] for v in cloudstack.listVPCs(listall=True, fetch_list=True) if v["name"] == network}
    tier_ids = {n["id"] for n in cloudstack.listNetworks(listall=True, fetch_list=True) if n.get("vpcid") in vpc_ids}
    vm_ids = {v["id"] for v in cloudstack.listVirtualMachines(listall=True, fetch_list=True) if v["name"] == instance}
    ip_ids = {ip["id"] for ip in cloudstack.listPublicIpAddresses(listall=True, fetch_list=True)
              if ip["ipaddress"] in (reserved["address"], config["natIP"])}
    assert len(vpc_ids) == 1 and len(tier_ids) == 1 and len(vm_ids) == 1 and len(ip_ids) == 2

    # Delete all of it, waiting on each operation.
    done(compute, project, compute.instances().delete(project=project, zone=zone, instance=instance).execute())
    done(compute, project, compute.addresses().delete(project=project, region=region, address=address).execute())
    done(compute, project, compute.firewalls().delete(project=project, firewall=firewall).execute())

    # CloudStack deletes a tier only once its VMs are expunged (expunge.delay): an operator expunges the destroyed VM
    # here, as CloudStack's expunge thread would later (as test_gce_networks_write does).
    admin = CloudStack(endpoint=stackbridge.simulator_url + "/client/api", key=stackbridge.admin_key,
                       secret=stackbridge.admin_secret, fetch_result=True, poll_interval=0.2, job_timeout=60)
    destroyed = [v for v in admin.listVirtualMachines(listall="true", fetch_list=True) if v["id"] in vm_ids]
    assert [v["state"] for v in destroyed] == ["Destroyed"]
    admin.expungeVirtualMachine(id=destroyed[0]["id"])
    done(compute, project, compute.subnetworks().delete(project=project, region=region, subnetwork=subnetwork).execute())
    done(compute, project, compute.networks().delete(project=project, network=network).execute())

    # Nothing is left in CloudStack.
    leftover_vms = [v for v in cloudstack.listVirtualMachines(listall=True, fetch_list=True)
                    if v["id"] in vm_ids and v["state"] not in ("Destroyed", "Expunging")]
    assert not leftover_vms
    assert not [v for v in cloudstack.listVPCs(listall=True, fetch_list=True) if v["id"] in vpc_ids]
    assert not [n for n in cloudstack.listNetworks(listall=True, fetch_list=True) if n["id"] in tier_ids]
    assert not [ip for ip in cloudstack.listPublicIpAddresses(listall=True, fetch_list=True) if ip["id"] in ip_ids]
    assert not [t for t in cloudstack.listTags(listall=True, fetch_list=True)
                if t["key"].startswith("gce-firewall") and t.get("value") == firewall]
    rules = [r for g in cloudstack.listSecurityGroups(listall=True, fetch_list=True)
             for r in g.get("ingressrule", []) if r.get("startport") == 8000 and r.get("endport") == 8090]
    assert not rules
    assert network not in names(compute.networks().list(project=project).execute())
    assert firewall not in names(compute.firewalls().list(project=project).execute())
    assert address not in names(compute.addresses().list(project=project, region=region).execute())
