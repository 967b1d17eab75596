import CloudStack
import Foundation
import TestSupport
import Testing

/// listApis.json (CloudStack 4.18), parsed with Foundation: name -> API entry.
private func loadApis() -> [String: [String: Any]] {
    guard let data = try? Data(contentsOf: Fixtures.cloudstackDirectory.appendingPathComponent("listApis.json")),
        let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [:] }
    let list = ((root["listapisresponse"] as? [String: Any])?["api"] ?? root["api"]) as? [[String: Any]] ?? []
    return Dictionary(list.map { ($0["name"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
}

/// Every response field name of a command, including nested ones.
private func responseFields(_ command: String, in apis: [String: [String: Any]]) -> Set<String> {
    func collect(_ fields: [[String: Any]]) -> Set<String> {
        var out: Set<String> = []
        for field in fields {
            if let name = field["name"] as? String { out.insert(name) }
            if let nested = field["response"] as? [[String: Any]] { out.formUnion(collect(nested)) }
        }
        return out
    }
    return collect(apis[command]?["response"] as? [[String: Any]] ?? [])
}

@Test func tableMatchesListApis() throws {
    let apis = loadApis()
    #expect(apis.count > 700)
    #expect(CommandTable.all.count == Set(CommandTable.all.map(\.name)).count, "names unique")
    #expect(CommandTable.all.map(\.name) == CommandTable.all.map(\.name).sorted(), "alphabetical")
    for descriptor in CommandTable.all {
        let api = try #require(apis[descriptor.name], "\(descriptor.name) is not a 4.18 API")
        #expect((api["isasync"] as? Bool) == descriptor.isAsync, "\(descriptor.name) isasync")
        #expect(descriptor.responseKey == descriptor.name.lowercased() + "response")
        let readOnly = descriptor.name.hasPrefix("list") || descriptor.name.hasPrefix("get") || descriptor.name == "queryAsyncJobResult"
        #expect(descriptor.isIdempotent == readOnly, "\(descriptor.name) idempotence")
    }
    #expect(!CommandTable.registerTemplate.descriptor.isIdempotent)
    #expect(CommandTable.queryAsyncJobResult.descriptor.isIdempotent)
}

@Test func modelFieldsAreListApisNames() {
    let apis = loadApis()
    let models: [(String, [String], String)] = [
        ("VirtualMachine", VirtualMachine.wireFieldNames, "listVirtualMachines"), ("Nic", Nic.wireFieldNames, "listVirtualMachines"),
        ("AffinityGroup", AffinityGroup.wireFieldNames, "listVirtualMachines"), ("Tag", Tag.wireFieldNames, "listTags"),
        ("ResourceDetail", ResourceDetail.wireFieldNames, "listResourceDetails"),
        ("SecurityGroup", SecurityGroup.wireFieldNames, "listSecurityGroups"),
        ("SecurityGroupRule", SecurityGroupRule.wireFieldNames, "authorizeSecurityGroupIngress"),
        ("Template", Template.wireFieldNames, "listTemplates"), ("Volume", Volume.wireFieldNames, "listVolumes"),
        ("Snapshot", Snapshot.wireFieldNames, "listSnapshots"), ("Zone", Zone.wireFieldNames, "listZones"),
        ("Region", Region.wireFieldNames, "listRegions"), ("ServiceOffering", ServiceOffering.wireFieldNames, "listServiceOfferings"),
        ("DiskOffering", DiskOffering.wireFieldNames, "listDiskOfferings"), ("SSHKeyPair", SSHKeyPair.wireFieldNames, "createSSHKeyPair"),
        ("Network", Network.wireFieldNames, "listNetworks"), ("VPC", VPC.wireFieldNames, "listVPCs"),
        ("PublicIPAddress", PublicIPAddress.wireFieldNames, "listPublicIpAddresses"), ("Account", Account.wireFieldNames, "listAccounts"),
        ("User", User.wireFieldNames, "listUsers"), ("UserKeys", UserKeys.wireFieldNames, "getUserKeys"),
        ("ResourceLimit", ResourceLimit.wireFieldNames, "listResourceLimits"),
        ("Capabilities", Capabilities.wireFieldNames, "listCapabilities"),
        ("VMPassword", VMPassword.wireFieldNames, "getVMPassword"),
    ]
    for (model, names, command) in models {
        let known = responseFields(command, in: apis)
        #expect(!names.isEmpty)
        for name in names { #expect(known.contains(name), "\(model).\(name) not in \(command)'s response") }
    }
}

@Test func modelPropertiesAreTheWireNames() {
    // Reflection labels are the Swift property names: they must equal the wire names one to one.
    let labels = Mirror(reflecting: VirtualMachine()).children.compactMap(\.label)
    #expect(labels.sorted() == VirtualMachine.wireFieldNames.sorted())
    let ruleLabels = Mirror(reflecting: SecurityGroupRule()).children.compactMap(\.label)
    #expect(ruleLabels.sorted() == SecurityGroupRule.wireFieldNames.sorted())
}
