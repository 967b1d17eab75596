import Crypto
import Foundation

@testable import CloudStackSimulator

/// Calls every implemented command with valid parameters and checks each response against listApis.json.
final class FidelityWalk {
    let cloud = TestCloud()
    var problems: [String] = []
    var visited = Set<String>()
    /// The objects each command returned (list items, single objects, job results), for the sample comparison.
    var objects: [String: [(name: String, object: [String: JSONValue])]] = [:]

    func fail(_ text: String) { problems.append(text) }

    /// Runs one command; returns the object it produced (job result object for async commands).
    @discardableResult
    func run(_ client: TestClient, _ command: String, _ params: [(String, String)] = []) -> [String: JSONValue] {
        visited.insert(command)
        guard let api = APIListing.commands[command] else {
            fail("\(command) is not in listApis.json")
            return [:]
        }
        for (name, _) in params where api.params[name.lowercased()] == nil && !name.contains("[") {
            fail("\(command) sent parameter \(name) that listApis does not declare")
        }
        for (name, _) in params where name.contains("[") {
            let base = String(name.prefix { $0 != "[" }).lowercased()
            if api.params[base]?.type != "map" { fail("\(command) map parameter \(base) is not a map in listApis") }
        }
        let answer = client.call(command, params)
        let responseName = command.lowercased() + "response"
        guard answer.status == 200, let inner = JSONValue.parse(answer.body)?.object?[responseName]?.object else {
            fail("\(command) answered \(answer.status): \(answer.text.prefix(300))")
            return [:]
        }
        if api.isAsync {
            guard let jobID = inner["jobid"]?.string, Set(inner.keys).isSubset(of: ["id", "jobid"]) else {
                fail("\(command) async reply is not {id?,jobid}: \(answer.text)")
                return [:]
            }
            cloud.clock.advance(milliseconds: 1000)
            visited.insert("queryAsyncJobResult")
            let jobAnswer = client.call("queryAsyncJobResult", [("jobid", jobID)])
            guard let job = JSONValue.parse(jobAnswer.body)?.object?["queryasyncjobresultresponse"]?.object else {
                fail("\(command) job query failed: \(jobAnswer.text)")
                return [:]
            }
            problems += APIListing.check(
                job, against: APIListing.commands["queryAsyncJobResult"]?.response ?? [:], path: "queryAsyncJobResult(\(command))")
            guard job["jobstatus"]?.int == 1, let result = job["jobresult"]?.object else {
                fail("\(command) job did not succeed: \(jobAnswer.text.prefix(400))")
                return [:]
            }
            return checkObject(command, result, api: api, isJobResult: true)
        }
        return checkObject(command, inner, api: api, isJobResult: false)
    }

    private func checkObject(_ command: String, _ inner: [String: JSONValue], api: APICommand, isJobResult: Bool) -> [String: JSONValue] {
        // The authorize jobresult is a SecurityGroupResponse, though listApis lists rule fields for it.
        var fields =
            command.hasPrefix("authorizeSecurityGroup") ? (APIListing.commands["listSecurityGroups"]?.response ?? [:]) : api.response
        // listResourceDetails writes ResourceDetailResponse (QueryManagerImpl.createResourceDetailsResponse),
        // whose `fordisplay` listApis leaves out: it reports the command's declared ResourceTagResponse.
        if command == "listResourceDetails" { fields["fordisplay"] = APIField(type: "boolean", nested: [:]) }
        if inner.isEmpty || inner["count"] != nil {
            if let count = inner["count"], count.int == nil { fail("\(command) count is not a number") }
            var first: [String: JSONValue] = [:]
            for (key, value) in inner where key != "count" {
                for (index, item) in (value.array ?? []).enumerated() {
                    guard let object = item.object else { fail("\(command).\(key)[\(index)] is not an object"); continue }
                    problems += APIListing.check(object, against: fields, path: "\(command).\(key)[\(index)]")
                    objects[command, default: []].append((key, object))
                    if first.isEmpty { first = object }
                }
            }
            return first
        }
        if inner.count == 1, let (key, value) = inner.first, let object = value.object, isJobResult || fields[key] == nil {
            problems += APIListing.check(object, against: fields, path: "\(command).\(key)")
            objects[command, default: []].append((key, object))
            return object
        }
        problems += APIListing.check(inner, against: fields, path: command)
        objects[command, default: []].append(("", inner))
        return inner
    }

    func id(_ object: [String: JSONValue]) -> String { object["id"]?.string ?? "" }

    /// The whole walk: every command in CommandTable at least once.
    func walk() {
        let admin = cloud.admin, user = cloud.user1
        let zones = cloud.admin.call("listZones").inner("listzonesresponse")["zone"] as? [[String: Any]] ?? []
        let basic = zones.first { $0["networktype"] as? String == "Basic" }?["id"] as? String ?? ""
        let advanced = zones.first { $0["networktype"] as? String == "Advanced" }?["id"] as? String ?? ""
        run(user, "listZones", [("available", "true")])
        run(user, "listRegions")
        let offering = run(user, "listServiceOfferings")
        run(user, "listDiskOfferings")
        run(user, "listCapabilities")
        run(user, "listResourceLimits")
        run(admin, "listAccounts", [("listall", "true")])
        let users = run(admin, "listUsers", [("listall", "true")])
        run(admin, "getUser", [("userapikey", user.apiKey)])
        run(admin, "getUserKeys", [("id", id(users))])
        let templates =
            cloud.admin.call("listTemplates", [("templatefilter", "featured")]).inner("listtemplatesresponse")["template"]
            as? [[String: Any]] ?? []
        let passwordTemplate = templates.first { $0["passwordenabled"] as? Bool == true }?["id"] as? String ?? ""
        run(user, "listTemplates", [("templatefilter", "executable")])
        let osType = id(run(user, "listOsTypes"))
        let networkOffering = id(run(user, "listNetworkOfferings"))
        let vpcOffering = id(run(user, "listVPCOfferings"))
        let diskOfferings =
            cloud.user1.call("listDiskOfferings").inner("listdiskofferingsresponse")["diskoffering"] as? [[String: Any]] ?? []
        let small = diskOfferings.first { $0["disksize"] as? Int == 5 }?["id"] as? String ?? ""
        let large = diskOfferings.first { $0["disksize"] as? Int == 20 }?["id"] as? String ?? ""

        run(user, "createSSHKeyPair", [("name", "k1")])
        let generated = RSAKeyPair.generate(bits: 1024)
        run(user, "registerSSHKeyPair", [("name", "k2"), ("publickey", generated?.openSSHPublicKey(comment: "me@host") ?? "")])
        run(user, "listSSHKeyPairs")
        let group = run(user, "createSecurityGroup", [("name", "web"), ("description", "web servers")])
        let ingress = run(
            user, "authorizeSecurityGroupIngress",
            [
                ("securitygroupid", id(group)), ("protocol", "tcp"), ("startport", "22"),
                ("endport", "22"), ("cidrlist", "0.0.0.0/0"),
            ])
        let egress = run(
            user, "authorizeSecurityGroupEgress",
            [
                ("securitygroupid", id(group)), ("protocol", "icmp"), ("icmptype", "-1"),
                ("icmpcode", "-1"), ("usersecuritygrouplist[0].account", "user1"),
                ("usersecuritygrouplist[0].group", "default"),
            ])
        // A rule takes tags as resource type SecurityGroupRule and lists them on the rule.
        run(
            user, "createTags",
            [
                ("resourceids", ingress["ingressrule"]?.array?.first?.object?["ruleid"]?.string ?? ""),
                ("resourcetype", "SecurityGroupRule"), ("tags[0].key", "gce-firewall"), ("tags[0].value", "ssh"),
            ])
        run(user, "listSecurityGroups", [("securitygroupname", "web")])
        run(user, "listTags", [("resourcetype", "SecurityGroupRule")])

        let vm = run(
            user, "deployVirtualMachine",
            [
                ("zoneid", basic), ("serviceofferingid", id(offering)), ("templateid", passwordTemplate),
                ("keypair", "k1"), ("securitygroupids", id(group)), ("name", "web-1"),
            ])
        run(user, "listVirtualMachines", [("userdata", "true")])
        run(user, "stopVirtualMachine", [("id", id(vm))])
        let bigger = cloud.user1.call("listServiceOfferings", [("name", "Medium Instance")]).inner("listserviceofferingsresponse")
        let medium = (bigger["serviceoffering"] as? [[String: Any]])?.first?["id"] as? String ?? ""
        let customOfferings = cloud.user1.call("listServiceOfferings", [("name", "Custom")]).inner("listserviceofferingsresponse")
        let customOffering = (customOfferings["serviceoffering"] as? [[String: Any]])?.first?["id"] as? String ?? ""
        // CloudStack 4.18 takes a custom offering's sizes as details here, and lists them in the VM's `details`.
        let resized = run(
            user, "changeServiceForVirtualMachine",
            [
                ("id", id(vm)), ("serviceofferingid", customOffering), ("details[0].cpuNumber", "4"),
                ("details[0].memory", "8192"),
            ])
        if resized["cpunumber"]?.int != 4 || resized["details"]?.object?["memory"]?.string != "8192" {
            fail("changeServiceForVirtualMachine to a custom offering did not apply its details: \(resized)")
        }
        run(user, "changeServiceForVirtualMachine", [("id", id(vm)), ("serviceofferingid", medium)])
        run(user, "startVirtualMachine", [("id", id(vm))])
        run(user, "scaleVirtualMachine", [("id", id(vm)), ("serviceofferingid", id(offering))])
        run(user, "rebootVirtualMachine", [("id", id(vm))])
        run(user, "updateVirtualMachine", [("id", id(vm)), ("userdata", "I2Nsb3VkLWNvbmZpZw=="), ("displayname", "Web 1")])
        run(user, "getVMPassword", [("id", id(vm))])

        let volume = run(user, "createVolume", [("name", "data-1"), ("diskofferingid", small), ("zoneid", basic)])
        run(user, "attachVolume", [("id", id(volume)), ("virtualmachineid", id(vm))])
        run(user, "listVolumes", [("virtualmachineid", id(vm))])
        run(user, "detachVolume", [("id", id(volume))])
        run(user, "resizeVolume", [("id", id(volume)), ("diskofferingid", large)])
        let custom = diskOfferings.first { $0["iscustomized"] as? Bool == true }?["id"] as? String ?? ""
        run(user, "changeOfferingForVolume", [("id", id(volume)), ("diskofferingid", custom), ("size", "30")])
        let root =
            cloud.user1.call("listVolumes", [("virtualmachineid", id(vm)), ("type", "ROOT")]).inner("listvolumesresponse")["volume"]
            as? [[String: Any]] ?? []
        // A ROOT volume names its compute offering (4.18's compute-only disk offering) as the service offering.
        if root.first?["serviceofferingname"] as? String == nil || root.first?["diskofferingid"] != nil {
            fail("a ROOT volume must name its compute offering as serviceoffering*, not diskoffering*")
        }
        let snapshot = run(user, "createSnapshot", [("volumeid", root.first?["id"] as? String ?? "")])
        run(user, "listSnapshots", [("volumeid", root.first?["id"] as? String ?? ""), ("snapshottype", "MANUAL")])
        let backgroundBackup = run(
            user, "createSnapshot",
            [
                ("volumeid", root.first?["id"] as? String ?? ""), ("asyncbackup", "true"), ("name", "tagged"), ("tags[0].key", "k"),
                ("tags[0].value", "v"),
            ])
        cloud.clock.advance(milliseconds: 1000)
        run(user, "listSnapshots", [("id", id(backgroundBackup)), ("tags[0].key", "k"), ("tags[0].value", "v")])
        let restored = run(user, "createVolume", [("snapshotid", id(snapshot)), ("name", "restored")])
        if restored["snapshotid"]?.string != id(snapshot) { fail("createVolume from a snapshot does not show its snapshotid") }
        run(user, "attachVolume", [("id", id(restored)), ("virtualmachineid", id(vm))])
        run(user, "createTemplate", [("name", "golden"), ("displaytext", "golden"), ("ostypeid", osType), ("snapshotid", id(snapshot))])
        let registered = run(
            user, "registerTemplate",
            [
                ("name", "imported"), ("displaytext", "imported"), ("format", "QCOW2"),
                ("hypervisor", "Simulator"), ("url", "http://example.org/i.qcow2"), ("zoneid", basic),
            ])
        run(user, "updateTemplatePermissions", [("id", id(registered)), ("accounts", "user2"), ("op", "add")])
        run(user, "updateTemplate", [("id", id(registered)), ("displaytext", "renamed"), ("name", "renamed")])
        run(user, "listTemplatePermissions", [("id", id(registered))])
        run(user, "deleteTemplate", [("id", id(registered))])

        run(user, "createTags", [("resourceids", id(vm)), ("resourcetype", "UserVm"), ("tags[0].key", "env"), ("tags[0].value", "prod")])
        run(user, "listTags", [("resourcetype", "UserVm")])
        run(user, "listVirtualMachines", [("tags[0].key", "env"), ("tags[0].value", "prod")])
        run(user, "deleteTags", [("resourceids", id(vm)), ("resourcetype", "UserVm"), ("tags[0].key", "env")])
        let rootVolume = root.first?["id"] as? String ?? ""
        run(user, "createTags", [("resourceids", rootVolume), ("resourcetype", "Volume"), ("tags[0].key", "k"), ("tags[0].value", "v")])
        run(
            user, "createTags", [("resourceids", id(snapshot)), ("resourcetype", "Snapshot"), ("tags[0].key", "k"), ("tags[0].value", "v")])
        run(user, "listTags", [("key", "k"), ("value", "v"), ("resourceid", rootVolume), ("resourcetype", "Volume"), ("listall", "true")])
        run(user, "deleteTags", [("resourceids", rootVolume), ("resourcetype", "Volume"), ("tags[0].key", "k"), ("tags[0].value", "v")])

        let vpc = run(
            user, "createVPC",
            [
                ("name", "vpc1"), ("displaytext", "vpc1"), ("cidr", "10.10.0.0/16"), ("vpcofferingid", vpcOffering),
                ("zoneid", advanced),
            ])
        run(user, "listVPCs")
        let network = run(
            user, "createNetwork",
            [
                ("name", "tier1"), ("displaytext", "tier1"), ("networkofferingid", networkOffering),
                ("zoneid", advanced),
            ])
        run(user, "listNetworks", [("zoneid", advanced)])
        let vm2 = run(
            user, "deployVirtualMachine",
            [
                ("zoneid", advanced), ("serviceofferingid", id(offering)), ("templateid", passwordTemplate),
                ("networkids", id(network)),
            ])
        let second = run(
            user, "createNetwork",
            [("name", "tier2"), ("displaytext", "tier2"), ("networkofferingid", networkOffering), ("zoneid", advanced)])
        let plugged = run(user, "addNicToVirtualMachine", [("virtualmachineid", id(vm2)), ("networkid", id(second))])
        let nic = plugged["nic"]?.array?.compactMap(\.object).first { $0["networkid"]?.string == id(second) }
        run(user, "removeNicFromVirtualMachine", [("virtualmachineid", id(vm2)), ("nicid", nic?["id"]?.string ?? "")])
        run(user, "deleteNetwork", [("id", id(second))])
        let ip = run(user, "associateIpAddress", [("networkid", id(network))])
        run(user, "listPublicIpAddresses")
        run(user, "listPortForwardingRules", [("ipaddressid", id(ip))])
        run(user, "listIpForwardingRules", [("virtualmachineid", id(vm2))])
        run(user, "enableStaticNat", [("ipaddressid", id(ip)), ("virtualmachineid", id(vm2))])
        run(user, "listVirtualMachines", [("id", id(vm2))])
        run(user, "disableStaticNat", [("ipaddressid", id(ip))])
        run(user, "disassociateIpAddress", [("id", id(ip))])
        // A chosen address (GCE addresses.insert `address`), tagged as GCE names it.
        let chosen = run(user, "associateIpAddress", [("networkid", id(network)), ("ipaddress", "172.16.9.9")])
        run(
            user, "createTags",
            [
                ("resourceids", id(chosen)), ("resourcetype", "PublicIpAddress"), ("tags[0].key", "gce-address-name"),
                ("tags[0].value", "web"),
            ])
        run(user, "listPublicIpAddresses", [("ipaddress", "172.16.9.9")])
        run(user, "disassociateIpAddress", [("id", id(chosen))])
        run(user, "listAsyncJobs")

        // Affinity groups (EC2 placement groups).
        run(user, "listAffinityGroupTypes")
        let spread = run(user, "createAffinityGroup", [("name", "spread-1"), ("type", "host anti-affinity"), ("description", "d")])
        run(user, "createAffinityGroup", [("name", "cluster-1"), ("type", "host affinity")])
        run(user, "listAffinityGroups", [("type", "host anti-affinity")])
        run(user, "deleteAffinityGroup", [("id", id(spread))])
        run(user, "deleteAffinityGroup", [("name", "cluster-1")])

        // Instance groups (GCE instanceGroups): membership through the VM's `group`.
        let web = run(user, "createInstanceGroup", [("name", "web-group")])
        run(user, "updateInstanceGroup", [("id", id(web)), ("name", "web-servers")])
        let joined = run(user, "updateVirtualMachine", [("id", id(vm2)), ("group", "web-servers")])
        if joined["groupid"]?.string != id(web) || joined["group"]?.string != "web-servers" {
            fail("updateVirtualMachine group did not put the VM in the existing group: \(joined)")
        }
        let moved = run(user, "updateVirtualMachine", [("id", id(vm2)), ("group", "batch")])
        run(user, "listInstanceGroups", [("name", "batch")])
        run(user, "listInstanceGroups", [("id", id(web))])
        run(user, "deleteInstanceGroup", [("id", moved["groupid"]?.string ?? "")])
        run(user, "deleteInstanceGroup", [("id", id(web))])
        // deleteVmGroup expunges the group's VM mappings: the VM stays, in no group.
        let left = run(user, "listVirtualMachines", [("id", id(vm2))])
        if id(left) != id(vm2) || left["groupid"] != nil || left["group"] != nil {
            fail("deleteInstanceGroup left the VM in the deleted group: \(left)")
        }

        let ingressRule = ingress["ingressrule"]?.array?.first?.object?["ruleid"]?.string ?? ""
        let egressRule = egress["egressrule"]?.array?.first?.object?["ruleid"]?.string ?? ""
        run(user, "revokeSecurityGroupIngress", [("id", ingressRule)])
        run(user, "revokeSecurityGroupEgress", [("id", egressRule)])
        run(user, "deleteSnapshot", [("id", id(snapshot))])
        run(user, "deleteSnapshot", [("id", id(backgroundBackup))])
        run(user, "deleteVolume", [("id", id(volume))])
        run(user, "destroyVirtualMachine", [("id", id(vm)), ("volumeids", id(restored))])
        run(admin, "recoverVirtualMachine", [("id", id(vm))])
        run(admin, "destroyVirtualMachine", [("id", id(vm))])
        run(admin, "expungeVirtualMachine", [("id", id(vm))])
        run(admin, "destroyVirtualMachine", [("id", id(vm2)), ("expunge", "true")])
        run(user, "deleteNetwork", [("id", id(network))])
        run(user, "deleteVPC", [("id", id(vpc))])
        let tierOffering = id(run(user, "listNetworkOfferings", [("forvpc", "true")]))
        walkRouting(user: user, admin: admin, zone: advanced, vpcOffering: vpcOffering, networkOffering: tierOffering)
        walkNics(
            user: user, admin: admin, zone: advanced, offering: id(offering), template: passwordTemplate, networkOffering: networkOffering)
        walkVpnConnections(user: user, zone: advanced, vpcOffering: vpcOffering)
        run(user, "deleteSSHKeyPair", [("name", "k2")])
        run(user, "deleteSecurityGroup", [("id", id(group))])
    }
}
