"""Driver for lists-at-scale.sh: times whole-account lists and single pages through the bridge, each against the same
rows paged from CloudStack directly (the account, one zone, or one page of 500).

Every case runs once per round, interleaved over the rounds; medians are printed as a Markdown table with
wall time, bridge CPU (utime+stime from /proc), bridge peak RSS (VmRSS sampled every 5 ms) and RSS 0.3 s after;
after the last round, the bridge's RSS once it has been quiet for 14 s (it gives a large list's heap back 1 s after the
last large answer and again 12 s later, when the CloudStack pages read ahead for walks nobody continued and the zone
volumes kept for GCE's instance lists have been let go: EventLoops' HeapReturn, CloudStack's PageReadAhead and
Catalog) against its idle RSS after start.

Before the rounds, once: the first page of each instance list cold (nothing remembered yet), against the CloudStack
pages it needs read directly: the page of VMs and the volumes it joins, which CloudStack 4.18 lists only by account or
zone (a second table).
"""
import json
import os
import statistics
import sys
import threading
import time
import urllib.request

import re
import urllib.parse

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from cs.client import CloudStack

bridge, sim, key, secret, token, base, zone, bridge_pid, rounds, cs_zone = sys.argv[1:11]
bridge_pid, rounds = int(bridge_pid), int(rounds)
ticks = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


ec2 = boto3.client("ec2", endpoint_url=bridge, region_name="cloudstack-1", aws_access_key_id=key, aws_secret_access_key=secret)
cloudstack = CloudStack(endpoint=sim, key=key, secret=secret)


def ec2_raw(extra, action="DescribeInstances", marker=b"<instanceId>"):
    """One SigV4-signed DescribeInstances (or `action`) read as bytes: (items, nextToken), items counted by `marker`.
    Parsing 10,000 instances with botocore costs the client seconds of Python, which would hide the bridge's own
    time."""
    query = {"Action": action, "Version": "2016-11-15", **extra}
    request = AWSRequest(method="GET", url=bridge + "/?" + urllib.parse.urlencode(query, quote_via=urllib.parse.quote))
    SigV4Auth(Credentials(key, secret), "ec2", "cloudstack-1").add_auth(request)
    body = urllib.request.urlopen(urllib.request.Request(request.url, headers=dict(request.headers)), timeout=600).read()
    next_token = re.search(rb"<nextToken>([^<]*)</nextToken>", body)
    return body.count(marker), next_token.group(1).decode() if next_token else None


def ec2_all():
    return ec2_raw({})[0]


def ec2_paged(size, action="DescribeInstances", marker=b"<instanceId>", pages=None, **extra):
    def run():
        count, next_token, page = 0, None, 0
        while True:
            query = {**extra, "MaxResults": str(size), **({"NextToken": next_token} if next_token else {})}
            rows, next_token = ec2_raw(query, action, marker)
            page += 1
            if page == pages:
                return count + rows
            count += rows
            if not next_token:
                return count
    return run


def gce_get(url):
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(request, timeout=600))


def gce_paged(path, size, aggregated, pages=None, key="instances"):
    def run():
        count, page_token, page = 0, None, 0
        while True:
            page += 1
            answer = gce_get(f"{base}/{path}?maxResults={size}" + (f"&pageToken={page_token}" if page_token else ""))
            if aggregated:
                count += sum(len(scope.get(key, [])) for scope in answer.get("items", {}).values())
            else:
                count += len(answer.get("items", []))
            page_token = answer.get("nextPageToken")
            if not page_token or page == pages:
                return count
    return run


def gce_zone_all():
    return len(gce_get(f"{base}/zones/{zone}/instances").get("items", []))


def cloudstack_paged(size, pages=None, command="listVirtualMachines", item="virtualmachine", **scope):
    def run():
        count, page = 0, 1
        while True:
            rows = getattr(cloudstack, command)(page=page, pagesize=size, **scope).get(item, [])
            count += len(rows)
            if len(rows) < size or page == pages:
                return count
            page += 1
    return run


zone_id = next(z["id"] for z in cloudstack.listZones().get("zone", []) if z["name"] == cs_zone)
ACCOUNT, ZONE_ROWS, ONE_PAGE = ("CloudStack listVirtualMachines, pages of 500 (direct)",
                                "CloudStack listVirtualMachines, one zone, pages of 500 (direct)",
                                "CloudStack listVirtualMachines, one page of 500 (direct)")
VOLUMES, ZONE_VOLUMES = ("CloudStack listVolumes, pages of 500 (direct)",
                         "CloudStack listVolumes, one zone, pages of 500 (direct)")
# (name, run, the direct CloudStack case it is compared with)
cases = [
    (ACCOUNT, cloudstack_paged(500), ACCOUNT),
    (ZONE_ROWS, cloudstack_paged(500, zoneid=zone_id), ZONE_ROWS),
    (ONE_PAGE, cloudstack_paged(500, pages=1), ONE_PAGE),
    ("EC2 DescribeInstances, unpaginated", ec2_all, ACCOUNT),
    ("EC2 DescribeInstances, paged at 500", ec2_paged(500), ACCOUNT),
    ("EC2 DescribeInstances, paged at 1,000", ec2_paged(1000), ACCOUNT),
    ("EC2 DescribeInstances, first page of 500", lambda: ec2_raw({"MaxResults": "500"})[0], ONE_PAGE),
    ("GCE instances.list (one zone), pages of 500", gce_paged(f"zones/{zone}/instances", 500, False), ZONE_ROWS),
    ("GCE instances.list (one zone), first page of 500", gce_paged(f"zones/{zone}/instances", 500, False, pages=1),
     ONE_PAGE),
    ("GCE instances.aggregatedList, pages of 500", gce_paged("aggregated/instances", 500, True), ACCOUNT),
    ("GCE instances.aggregatedList, first page of 500", gce_paged("aggregated/instances", 500, True, pages=1),
     ONE_PAGE),
    (VOLUMES, cloudstack_paged(500, command="listVolumes", item="volume"), VOLUMES),
    (ZONE_VOLUMES, cloudstack_paged(500, command="listVolumes", item="volume", zoneid=zone_id), ZONE_VOLUMES),
    ("GCE disks.list (one zone), pages of 500", gce_paged(f"zones/{zone}/disks", 500, False), ZONE_VOLUMES),
    ("GCE disks.aggregatedList, pages of 500", gce_paged("aggregated/disks", 500, True, key="disks"), VOLUMES),
]

# DescribeTags: the simulator seeds two tags a VM (20,000) and none on NICs. Its instance tags paged against listTags
# paged directly; its first page (one listTags page); and the first page of network interface tags, which reads the
# details of the NICs of the VMs of the CloudStack pages its bound allows (4 of 500: 2,000 listResourceDetails, 8 at
# a time) and finds none, against those calls made directly one after the other.
TAGS, TAG_PAGE, NIC_DETAILS = ("CloudStack listTags, instances, pages of 500 (direct)",
                               "CloudStack listTags, one page of 500 (direct)",
                               "CloudStack listVirtualMachines, 4 pages of 500, and their NICs' listResourceDetails (direct)")


def nic_details(pages):
    def run():
        found = 0
        for page in range(1, pages + 1):
            for vm in cloudstack.listVirtualMachines(page=page, pagesize=500).get("virtualmachine", []):
                for nic in vm.get("nic", []):
                    found += len(cloudstack.listResourceDetails(resourcetype="Nic", resourceid=nic["id"],
                                                                fordisplay="true").get("resourcedetail", []))
        return found
    return run


by_type = lambda ec2_type: {"Filter.1.Name": "resource-type", "Filter.1.Value.1": ec2_type}
cases += [
    (TAGS, cloudstack_paged(500, command="listTags", item="tag", resourcetype="UserVm"), TAGS),
    (TAG_PAGE, cloudstack_paged(500, pages=1, command="listTags", item="tag"), TAG_PAGE),
    (NIC_DETAILS, nic_details(4), NIC_DETAILS),
    ("EC2 DescribeTags, instances, paged at 500", ec2_paged(500, "DescribeTags", b"<resourceId>", **by_type("instance")), TAGS),
    ("EC2 DescribeTags, first page of 500", ec2_paged(500, "DescribeTags", b"<resourceId>", pages=1), TAG_PAGE),
    ("EC2 DescribeTags, network interfaces, first page of 500",
     ec2_paged(500, "DescribeTags", b"<resourceId>", pages=1, **by_type("network-interface")), NIC_DETAILS),
]

# CASES (comma-separated parts of case names, e.g. "EC2,disks") keeps those cases and the direct ones they compare with.
if os.environ.get("CASES"):
    parts = os.environ["CASES"].split(",")
    kept = [case for case in cases if any(part in case[0] for part in parts)]
    cases = [case for case in cases if case in kept or any(case[0] == other[2] for other in kept)]

def measure(run):
    """(wall s, bridge CPU s, bridge peak RSS MB, RSS MB 0.3 s after, rows) of one run."""
    peak = [rss_mb(bridge_pid)]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss_mb(bridge_pid))
            time.sleep(0.005)
    sampler = threading.Thread(target=sample)
    sampler.start()
    cpu0, t0 = cpu_seconds(bridge_pid), time.monotonic()
    rows = run()
    wall, cpu = time.monotonic() - t0, cpu_seconds(bridge_pid) - cpu0
    done.set()
    sampler.join()
    time.sleep(0.3)
    return wall, cpu, peak[0], rss_mb(bridge_pid), rows


def then(first, *rest):
    """Runs `first` and then each of `rest`; the rows are `first`'s (a page of VMs, then the volumes it joins)."""
    def run():
        rows = first()
        for other in rest:
            other()
        return rows
    return run


idle = rss_mb(bridge_pid)

# Cold first pages, once, before anything is remembered: a page of instances joins their volumes, which CloudStack
# 4.18 lists by account or zone only (listVolumes takes no list of VM ids), so a first page with nothing held reads
# them all: EC2 the account's ROOT and DATADISK volumes (remembered 10 minutes and 10 s), GCE the zones' volumes
# (held 10 s). Each is compared with those CloudStack pages read directly, one after the other.
one_vm_page = cloudstack_paged(500, pages=1)
volumes_of = lambda **scope: cloudstack_paged(500, command="listVolumes", item="volume", **scope)
cold_cases = [
    ("EC2 DescribeInstances, first page of 500, cold", lambda: ec2_raw({"MaxResults": "500"})[0],
     "one page of VMs, the account's ROOT and DATADISK volumes", then(one_vm_page, volumes_of(type="ROOT"),
                                                                      volumes_of(type="DATADISK"))),
    ("GCE instances.aggregatedList, first page of 500, cold", gce_paged("aggregated/instances", 500, True, pages=1),
     "one page of VMs, the account's volumes", then(one_vm_page, volumes_of())),
    ("GCE instances.list (one zone), first page of 500, cold", gce_paged(f"zones/{zone}/instances", 500, False, pages=1),
     "one page of the zone's VMs, the zone's volumes",
     then(cloudstack_paged(500, pages=1, zoneid=zone_id), volumes_of(zoneid=zone_id))),
]
if os.environ.get("CASES"):
    cold_cases = [case for case in cold_cases if any(part in case[0] for part in os.environ["CASES"].split(","))]
cold = []
for index, (name, run, direct_name, direct) in enumerate(cold_cases):
    if index and "GCE" in name and "GCE" in cold_cases[index - 1][0]:
        time.sleep(11.0)  # the zone's disks the case before read are let go after 10 s
    direct_wall = measure(direct)[0]
    cold.append((name, measure(run), direct_name, direct_wall))

results = {name: [] for name, _, _ in cases}
for _ in range(rounds):
    for name, run, _ in cases:
        results[name].append(measure(run))

time.sleep(14.0)
settled = rss_mb(bridge_pid)
print(f"bridge idle RSS after start: {idle:.1f} MB; after the lists, quiet for 14 s: {settled:.1f} MB "
      f"({(settled / idle - 1) * 100:+.0f}%); rounds: {rounds}")
print("| case | rows | wall s (median) | vs the same rows paged directly | bridge CPU s | peak RSS MB | RSS after MB |")
print("|---|---|---|---|---|---|---|")
for name, _, compared in cases:
    rs = results[name]
    med = lambda i: statistics.median(r[i] for r in rs)
    baseline = statistics.median(r[0] for r in results[compared])
    assert rs[0][4] == results[compared][0][4], f"{name}: {rs[0][4]} rows, its baseline {results[compared][0][4]}"
    cpu = "" if compared == name else f"{med(1):.2f}"
    print(f"| {name} | {rs[0][4]} | {med(0):.3f} | {med(0) / baseline:.2f}x | {cpu} | {max(r[2] for r in rs):.1f} | {med(3):.1f} |")

if cold:
    print()
    print("| cold case (once, before the rounds) | rows | wall s | the CloudStack pages it needs, read directly | their wall s "
          "| vs those | bridge CPU s | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    for name, (wall, cpu, peak, _, rows), direct_name, direct_wall in cold:
        print(f"| {name} | {rows} | {wall:.3f} | {direct_name} | {direct_wall:.3f} | {wall / direct_wall:.2f}x | {cpu:.2f} "
              f"| {peak:.1f} |")
