import CloudStack
import Foundation
import Pipeline
import Testing

@testable import GCE

@Suite("Firewalls on VPC networks (items of the VPC's gce-firewalls ACL list)")
struct VPCFirewallsTests {
    static let root = "/compute/v1/projects/user1/"

    static func user(_ bridge: TestBridge) -> CloudStackCredentials {
        CloudStackCredentials(apiKey: bridge.user.apiKey, secretKey: bridge.user.secretKey)
    }

    /// A custom network `prod` with the subnetwork `web` (10.20.1.0/24), made through the bridge; answers the region.
    static func prod(_ bridge: TestBridge, _ token: String, _ validator: SchemaValidator) async throws -> String {
        let (_, _, region) = try await NetworkWriteTests.zones(bridge, token)
        _ = try await DiskTests.run(
            bridge, .post, "global/networks", body: #"{"name": "prod", "autoCreateSubnetworks": false}"#, token: token,
            validator: validator)
        _ = try await DiskTests.run(
            bridge, .post, "regions/\(region)/subnetworks",
            body: #"{"name": "web", "network": "global/networks/prod", "ipCidrRange": "10.20.1.0/24"}"#, token: token, validator: validator)
        return region
    }

    /// The items of the `gce-firewalls` list of the VPC `vpcName`, in number order, read past the bridge.
    static func items(_ bridge: TestBridge, vpc vpcName: String = "prod") async throws -> [NetworkACLItem] {
        let vpc = try #require(try await bridge.client.listAll(CommandTable.listVPCs, ["name": vpcName], as: user(bridge)).first?.id)
        let lists = try await bridge.client.listAll(CommandTable.listNetworkACLLists, ["vpcid": vpc], as: user(bridge))
        let list = try #require(lists.first { $0.name == "gce-firewalls" }?.id)
        return try await bridge.client.listAll(CommandTable.listNetworkACLs, ["aclid": list], as: user(bridge))
            .sorted { ($0.number ?? 0) < ($1.number ?? 0) }
    }

    static func shape(_ item: NetworkACLItem) -> String {
        "\(item.number ?? -1) \(item.traffictype ?? "") \(item.action ?? "") \(item.protocol ?? "") \(item.startport ?? "-")"
            + "-\(item.endport ?? "-") \(item.icmptype.map { String($0) } ?? "") \(item.cidrlist ?? "")"
    }

    static func names(_ object: [String: Any], _ key: String = "items") -> [String] {
        (object[key] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
    }

    static let web = """
        {"name": "allow-web", "description": "web and ping", "network": "global/networks/prod", "priority": 900,
         "sourceRanges": ["10.0.0.0/8", "192.168.1.5"],
         "allowed": [{"IPProtocol": "tcp", "ports": ["22", "8000-8080"]}, {"IPProtocol": "icmp"}, {"IPProtocol": "50"}]}
        """

    @Test func vpcFirewallsAreACLItemsReadBackExactlyAndRunInPriorityOrder() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        _ = try await Self.prod(bridge, token, validator)
        let insert = await bridge.send(.post, Self.root + "global/firewalls", body: Self.web, token: token)
        #expect(insert.status == 200, "\(String(decoding: insert.body, as: UTF8.self))")
        validator.add("Operation", insert.body, label: "firewalls.insert")
        let operation = try FirewallsTests.object(insert)
        #expect(operation["targetLink"] as? String == "\(TestBridge.base)\(Self.root)global/firewalls/allow-web")
        let done = try await bridge.waitDone(operation, token: token)
        #expect(done["error"] == nil, "\(done)")
        _ = try await FirewallsTests.insert(
            bridge, token,
            #"{"name": "deny-ssh", "network": "prod", "priority": 900, "denied": [{"IPProtocol": "tcp", "ports": ["22"]}], "sourceRanges": ["203.0.113.0/24"]}"#
        )
        _ = try await FirewallsTests.insert(
            bridge, token,
            #"{"name": "dns-out", "network": "global/networks/prod", "priority": 100, "direction": "EGRESS", "allowed": [{"IPProtocol": "udp", "ports": ["53"]}], "destinationRanges": ["8.8.8.8"]}"#
        )
        _ = try await FirewallsTests.insert(
            bridge, token, #"{"name": "first", "network": "prod", "priority": 0, "allowed": [{"IPProtocol": "all"}]}"#)
        _ = try await FirewallsTests.insert(bridge, token, #"{"name": "ssh-default", "allowed": [{"IPProtocol": "tcp", "ports": ["22"]}]}"#)

        // CloudStack: one item per protocol and port range, numbered by priority (deny before allow), all tagged.
        let items = try await Self.items(bridge)
        #expect(
            items.map(Self.shape) == [
                "500 Ingress Allow all ---  0.0.0.0/0",
                "100500 Egress Allow udp 53-53  8.8.8.8/32",
                "900001 Ingress Deny tcp 22-22  203.0.113.0/24",
                "900500 Ingress Allow tcp 22-22  10.0.0.0/8,192.168.1.5/32",
                "900501 Ingress Allow tcp 8000-8080  10.0.0.0/8,192.168.1.5/32",
                "900502 Ingress Allow icmp --- -1 10.0.0.0/8,192.168.1.5/32",
                "900503 Ingress Allow 50 ---  10.0.0.0/8,192.168.1.5/32",
            ])
        #expect(
            items.map { $0.tags.first { $0.key == "gce-firewall" }?.value ?? "" } == [
                "first", "dns-out", "deny-ssh", "allow-web", "allow-web", "allow-web", "allow-web",
            ])
        #expect(try await FirewallsTests.groups(bridge).first { $0.name == "default" }?.ingressrule.count == 1)

        let get = await bridge.send(.get, Self.root + "global/firewalls/allow-web", token: token)
        #expect(get.status == 200)
        validator.add("Firewall", get.body, label: "firewalls.get")
        let firewall = try FirewallsTests.object(get)
        #expect(firewall["network"] as? String == "\(TestBridge.base)\(Self.root)global/networks/prod")
        #expect(firewall["description"] as? String == "web and ping")
        #expect(firewall["priority"] as? Int == 900)
        #expect(firewall["direction"] as? String == "INGRESS")
        #expect(firewall["sourceRanges"] as? [String] == ["10.0.0.0/8", "192.168.1.5"])
        #expect(firewall["targetTags"] == nil && firewall["denied"] == nil)
        let allowed = try #require(firewall["allowed"] as? [[String: Any]])
        #expect(allowed.compactMap { $0["IPProtocol"] as? String } == ["tcp", "icmp", "50"])
        #expect(allowed[0]["ports"] as? [String] == ["22", "8000-8080"])
        #expect(firewall["id"] as? String == operation["targetId"] as? String)

        let (_, deny) = try await bridge.compute(.get, "global/firewalls/deny-ssh", token: token)
        #expect(deny["allowed"] == nil)
        #expect((deny["denied"] as? [[String: Any]])?.first?["ports"] as? [String] == ["22"])
        let (_, out) = try await bridge.compute(.get, "global/firewalls/dns-out", token: token)
        #expect(out["destinationRanges"] as? [String] == ["8.8.8.8"] && out["sourceRanges"] == nil)

        let list = await bridge.send(.get, Self.root + "global/firewalls", token: token)
        validator.add("FirewallList", list.body, label: "firewalls.list")
        let listed = try FirewallsTests.object(list)
        #expect(Self.names(listed) == ["allow-web", "deny-ssh", "dns-out", "first", "ssh-default"])
        let networks = (listed["items"] as? [[String: Any]])?.compactMap { ($0["network"] as? String)?.split(separator: "/").last }
        #expect(networks == ["prod", "prod", "prod", "prod", "default"])
        let filtered = try FirewallsTests.object(
            await bridge.send(.get, Self.root + "global/firewalls?filter=priority%3D900", token: token))
        #expect(Self.names(filtered) == ["allow-web", "deny-ssh"])

        let effective = await bridge.send(.get, Self.root + "global/networks/prod/getEffectiveFirewalls", token: token)
        validator.add("NetworksGetEffectiveFirewallsResponse", effective.body, label: "networks.getEffectiveFirewalls")
        #expect(Self.names(try FirewallsTests.object(effective), "firewalls") == ["allow-web", "deny-ssh", "dns-out", "first"])
        let (_, onDefault) = try await bridge.compute(.get, "global/networks/default/getEffectiveFirewalls", token: token)
        #expect(Self.names(onDefault, "firewalls") == ["ssh-default"])
        let again = await bridge.send(.post, Self.root + "global/firewalls", body: Self.web, token: token)
        #expect(again.status == 409)
        #expect(try validator.problems() == [])
    }

    @Test func patchUpdateAndDeleteReplaceTheItemsOnTheSameNetwork() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        _ = try await Self.prod(bridge, token, validator)
        _ = try await FirewallsTests.insert(bridge, token, Self.web)
        let (_, before) = try await bridge.compute(.get, "global/firewalls/allow-web", token: token)

        let patch = try await DiskTests.run(
            bridge, .patch, "global/firewalls/allow-web", body: #"{"priority": 800, "sourceRanges": ["10.1.0.0/16"]}"#, token: token,
            validator: validator)
        #expect(patch["operationType"] as? String == "patch")
        let (_, patched) = try await bridge.compute(.get, "global/firewalls/allow-web", token: token)
        #expect(patched["id"] as? String == before["id"] as? String)
        #expect(patched["creationTimestamp"] as? String == before["creationTimestamp"] as? String)
        #expect(patched["priority"] as? Int == 800 && patched["sourceRanges"] as? [String] == ["10.1.0.0/16"])
        #expect(patched["description"] as? String == "web and ping")
        #expect(try await Self.items(bridge).map { "\($0.number ?? 0) \($0.cidrlist ?? "")" }.prefix(1) == ["800500 10.1.0.0/16"])
        #expect(try await Self.items(bridge).count == 4)

        // update without `network` keeps the firewall on prod; denied is what a VPC network takes.
        _ = try await DiskTests.run(
            bridge, .put, "global/firewalls/allow-web",
            body: #"{"name": "allow-web", "denied": [{"IPProtocol": "all"}], "sourceRanges": ["198.51.100.0/24"]}"#, token: token,
            validator: validator)
        let (_, updated) = try await bridge.compute(.get, "global/firewalls/allow-web", token: token)
        #expect((updated["network"] as? String)?.hasSuffix("/global/networks/prod") == true)
        #expect(updated["priority"] as? Int == 1000 && updated["description"] == nil && updated["allowed"] == nil)
        #expect(try await Self.items(bridge).map(Self.shape) == ["1000001 Ingress Deny all ---  198.51.100.0/24"])

        let move = await bridge.send(
            .patch, Self.root + "global/firewalls/allow-web", body: #"{"network": "global/networks/default"}"#, token: token)
        #expect(move.status == 400 && String(decoding: move.body, as: UTF8.self).contains("resource.network"))
        let tagged = await bridge.send(.patch, Self.root + "global/firewalls/allow-web", body: #"{"targetTags": ["web"]}"#, token: token)
        #expect(tagged.status == 400 && String(decoding: tagged.body, as: UTF8.self).contains("resource.targetTags"))

        let delete = try await DiskTests.run(bridge, .delete, "global/firewalls/allow-web", body: nil, token: token, validator: validator)
        #expect(delete["operationType"] as? String == "delete")
        #expect(try await Self.items(bridge).isEmpty)
        #expect(await bridge.send(.get, Self.root + "global/firewalls/allow-web", token: token).status == 404)
        #expect(try validator.problems() == [])
    }

    @Test(arguments: [
        (#"{"name": "x", "network": "prod", "allowed": [{"IPProtocol": "tcp"}], "targetTags": ["web"]}"#, 400, "resource.targetTags"),
        (#"{"name": "x", "network": "prod", "allowed": [{"IPProtocol": "tcp"}], "sourceTags": ["lb"]}"#, 400, "resource.sourceTags"),
        (
            #"{"name": "x", "network": "prod", "direction": "EGRESS", "allowed": [{"IPProtocol": "tcp"}], "sourceRanges": ["1.2.3.0/24"]}"#,
            400, "resource.sourceRanges"
        ),
        (#"{"name": "x", "network": "user1-network", "allowed": [{"IPProtocol": "tcp"}]}"#, 400, "resource.network"),
        (#"{"name": "x", "network": "global/networks/nope", "allowed": [{"IPProtocol": "tcp"}]}"#, 404, "networks/nope"),
    ])
    func whatAVPCNetworkCannotHoldIsRefusedBeforeAnyItem(body: String, status: Int, field: String) async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        _ = try await Self.prod(bridge, token, SchemaValidator())
        bridge.transport.log.reset()
        let response = await bridge.send(.post, Self.root + "global/firewalls", body: body, token: token)
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(response.status == status, "\(text)")
        #expect(text.contains(field), "\(text)")
        #expect(!bridge.transport.log.commands.contains("createNetworkACL"))
    }

    @Test func aVPCMadeElsewhereGetsTheListAndATierOnAnotherListIsRefused() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        try await RouteTests.vpc(bridge)
        let body = #"{"name": "ssh", "network": "corp", "allowed": [{"IPProtocol": "tcp", "ports": ["22"]}]}"#
        let refused = await bridge.send(.post, Self.root + "global/firewalls", body: body, token: token)
        let text = String(decoding: refused.body, as: UTF8.self)
        #expect(refused.status == 400 && text.contains("resource.network") && text.contains("corp-tier1"), "\(text)")
        #expect(try await Self.items(bridge, vpc: "corp").isEmpty)
        let vpc = try #require(try await bridge.client.listAll(CommandTable.listVPCs, ["name": "corp"], as: Self.user(bridge)).first?.id)
        let list = try #require(
            try await bridge.client.listAll(CommandTable.listNetworkACLLists, ["vpcid": vpc], as: Self.user(bridge))
                .first { $0.name == "gce-firewalls" }?.id)
        let tier = try #require(try await bridge.client.listAll(CommandTable.listNetworks, ["vpcid": vpc], as: Self.user(bridge)).first?.id)
        _ = try await bridge.client.run(
            CommandTable.replaceNetworkACLList, ["aclid": list, "networkid": tier], as: Self.user(bridge))
        _ = try await FirewallsTests.insert(bridge, token, body)
        #expect(try await Self.items(bridge, vpc: "corp").map(Self.shape) == ["1000500 Ingress Allow tcp 22-22  0.0.0.0/0"])
    }

    @Test func aFailedItemUndoesTheInsertAndAFailedPatchPutsTheOldFirewallBack() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        _ = try await Self.prod(bridge, token, SchemaValidator())
        bridge.transport.faults.refuse("createNetworkACL", nth: 3)
        let insert = await bridge.send(.post, Self.root + "global/firewalls", body: Self.web, token: token)
        #expect(insert.status >= 400, "\(String(decoding: insert.body, as: UTF8.self))")
        #expect(try await Self.items(bridge).isEmpty)
        #expect(await bridge.send(.get, Self.root + "global/firewalls/allow-web", token: token).status == 404)

        _ = try await FirewallsTests.insert(bridge, token, Self.web)
        let (_, before) = try await bridge.compute(.get, "global/firewalls/allow-web", token: token)
        bridge.transport.faults.refuse("createNetworkACL", nth: 2)
        let patch = await bridge.send(
            .patch, Self.root + "global/firewalls/allow-web",
            body: #"{"allowed": [{"IPProtocol": "udp", "ports": ["53", "123"]}]}"#, token: token)
        #expect(patch.status >= 400)
        let (_, after) = try await bridge.compute(.get, "global/firewalls/allow-web", token: token)
        let canonical = { (value: [String: Any]) in try JSONSerialization.data(withJSONObject: value, options: .sortedKeys) }
        #expect(try canonical(after) == canonical(before), "\(after) vs \(before)")
        #expect(try await Self.items(bridge).count == 4)
    }

    @Test func anInstanceOnATierHasItsVPCsFirewalls() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let region = try await Self.prod(bridge, token, validator)
        let (_, advanced, _) = try await NetworkWriteTests.zones(bridge, token)
        _ = try await DiskTests.run(
            bridge, .post, "zones/\(advanced)/instances",
            body: NetworkWriteTests.instanceBody(
                "vm-1", zone: advanced,
                interfaces: #"[{"network": "global/networks/prod", "subnetwork": "regions/\#(region)/subnetworks/web"}]"#),
            token: token, validator: validator)
        _ = try await FirewallsTests.insert(bridge, token, Self.web)
        _ = try await FirewallsTests.insert(bridge, token, #"{"name": "ssh-default", "allowed": [{"IPProtocol": "tcp", "ports": ["22"]}]}"#)
        let response = await bridge.send(
            .get, Self.root + "zones/\(advanced)/instances/vm-1/getEffectiveFirewalls?networkInterface=nic0", token: token)
        #expect(response.status == 200)
        validator.add("InstancesGetEffectiveFirewallsResponse", response.body, label: "instances.getEffectiveFirewalls")
        #expect(Self.names(try FirewallsTests.object(response), "firewalls") == ["allow-web"])
        #expect(try validator.problems() == [])
    }

    /// Concurrent inserts at one priority read the same free numbers; CloudStack keeps each number once per list (431 on
    /// the second), so each loser takes the next free number instead of failing the insert.
    @Test func concurrentInsertsAtOnePriorityEachGetTheirOwnNumbers() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        _ = try await Self.prod(bridge, token, SchemaValidator())
        let names = (1...8).map { "same-\($0)" }
        let results = try await withThrowingTaskGroup(of: (String, Int, String, String?).self) { group in
            for (index, name) in names.enumerated() {
                group.addTask {
                    let body = """
                        {"name": "\(name)", "network": "prod", "priority": 700,
                         "allowed": [{"IPProtocol": "tcp", "ports": ["\(8000 + index)", "\(9000 + index)"]}]}
                        """
                    let response = await bridge.send(.post, Self.root + "global/firewalls", body: body, token: token)
                    let text = String(decoding: response.body, as: UTF8.self)
                    guard response.status == 200 else { return (name, response.status, text, nil) }
                    let done = try await bridge.waitDone(try FirewallsTests.object(response), token: token)
                    return (name, response.status, text, done["status"] as? String == "DONE" && done["error"] == nil ? nil : "\(done)")
                }
            }
            var all: [(String, Int, String, String?)] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == names.count)
        for (name, status, body, failed) in results {
            #expect(status == 200, "\(name): \(body)")
            #expect(failed == nil, "\(name): \(failed ?? "")")
        }
        let items = try await Self.items(bridge)
        let numbers = items.compactMap(\.number)
        #expect(items.count == 16 && Set(numbers).count == 16, "\(numbers)")
        #expect(numbers.allSatisfy { (700_500...700_999).contains($0) }, "\(numbers)")
        for (index, name) in names.enumerated() {
            let (status, firewall) = try await bridge.compute(.get, "global/firewalls/\(name)", token: token)
            #expect(status == 200 && firewall["priority"] as? Int == 700, "\(name): \(firewall)")
            let ports = (firewall["allowed"] as? [[String: Any]])?.first?["ports"] as? [String]
            #expect(ports == ["\(8000 + index)", "\(9000 + index)"], "\(name): \(firewall)")
        }
    }

    @Test func ruleNumbersKeepPriorityOrderAndRunOut() {
        #expect(FirewallNumbers.allocate(2, priority: 0, deny: false, used: [500]) == [501, 502])
        #expect(FirewallNumbers.allocate(1, priority: 65535, deny: true, used: []) == [65_535_001])
        #expect(FirewallNumbers.range(priority: 65535, deny: false).upperBound <= Int(Int32.max))
        let full = Set(FirewallNumbers.range(priority: 7, deny: true))
        #expect(FirewallNumbers.allocate(1, priority: 7, deny: true, used: full) == nil)
        #expect(FirewallNumbers.allocate(1, priority: 7, deny: false, used: full) == [7500])
    }
}
