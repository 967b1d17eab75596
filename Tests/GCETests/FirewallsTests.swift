import CloudStack
import CloudStackSimulator
import Foundation
import Pipeline
import Testing

@testable import GCE

@Suite("Firewalls on the default network (security-group rules)")
struct FirewallsTests {
    static let root = "/compute/v1/projects/user1/"

    static func object(_ response: Response) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    /// user1's security groups as CloudStack answers them, read past the bridge.
    static func groups(_ bridge: TestBridge) async throws -> [SecurityGroup] {
        try await bridge.client.listAll(
            CommandTable.listSecurityGroups, as: CloudStackCredentials(apiKey: bridge.user.apiKey, secretKey: bridge.user.secretKey))
    }

    /// Inserts a firewall and waits for its operation; answers the operation as first answered.
    static func insert(_ bridge: TestBridge, _ token: String, _ body: String) async throws -> [String: Any] {
        let response = await bridge.send(.post, root + "global/firewalls", body: body, token: token)
        #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
        let operation = try object(response)
        let done = try await bridge.waitDone(operation, token: token)
        #expect(done["error"] == nil, "\(done)")
        return operation
    }

    static let web = """
        {"name": "allow-web", "description": "web and ping", "network": "global/networks/default", "priority": 900,
         "direction": "INGRESS", "sourceRanges": ["10.0.0.0/8", "192.168.1.5"], "targetTags": ["web", "api"],
         "allowed": [{"IPProtocol": "tcp", "ports": ["22", "8000-8080"]}, {"IPProtocol": "icmp"}, {"IPProtocol": "50"}],
         "logConfig": {"enable": false}, "disabled": false}
        """

    @Test func insertedFirewallReadsBackExactlyAndIsSecurityGroupRules() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let insert = await bridge.send(.post, Self.root + "global/firewalls", body: Self.web, token: token)
        #expect(insert.status == 200, "\(String(decoding: insert.body, as: UTF8.self))")
        validator.add("Operation", insert.body, label: "firewalls.insert")
        let operation = try Self.object(insert)
        #expect(operation["status"] as? String == "PENDING")
        #expect(operation["operationType"] as? String == "insert")
        #expect(operation["targetLink"] as? String == "\(TestBridge.base)\(Self.root)global/firewalls/allow-web")
        let done = try await bridge.waitDone(operation, token: token)
        #expect(done["error"] == nil)
        #expect(done["targetLink"] as? String == operation["targetLink"] as? String)
        #expect(done["targetId"] as? String == operation["targetId"] as? String)

        let get = await bridge.send(.get, Self.root + "global/firewalls/allow-web", token: token)
        #expect(get.status == 200)
        validator.add("Firewall", get.body, label: "firewalls.get")
        let firewall = try Self.object(get)
        #expect(firewall["name"] as? String == "allow-web")
        #expect(firewall["description"] as? String == "web and ping")
        #expect(firewall["network"] as? String == "\(TestBridge.base)\(Self.root)global/networks/default")
        #expect(firewall["priority"] as? Int == 900)
        #expect(firewall["direction"] as? String == "INGRESS")
        #expect(firewall["sourceRanges"] as? [String] == ["10.0.0.0/8", "192.168.1.5"])
        #expect(firewall["targetTags"] as? [String] == ["web", "api"])
        #expect(firewall["destinationRanges"] == nil)
        #expect(firewall["sourceTags"] == nil)
        let allowed = try #require(firewall["allowed"] as? [[String: Any]])
        #expect(allowed.count == 3)
        #expect(allowed[0]["IPProtocol"] as? String == "tcp")
        #expect(allowed[0]["ports"] as? [String] == ["22", "8000-8080"])
        #expect(allowed[1]["IPProtocol"] as? String == "icmp")
        #expect(allowed[1]["ports"] == nil)
        #expect(allowed[2]["IPProtocol"] as? String == "50")
        #expect(firewall["id"] as? String == operation["targetId"] as? String)
        let id = try #require(firewall["id"] as? String)
        #expect(await bridge.send(.get, Self.root + "global/firewalls/\(id)", token: token).status == 200)

        // CloudStack: one group per target tag, each with 4 rule shapes x 2 CIDRs, every rule tagged.
        let groups = try await Self.groups(bridge)
        for tag in ["web", "api"] {
            let group = try #require(groups.first { $0.name == "gce-tag-\(tag)" })
            #expect(group.ingressrule.count == 8)
            #expect(group.egressrule.isEmpty)
            let shapes = Set(
                group.ingressrule.map { "\($0.protocol ?? "")/\($0.startport ?? -9)/\($0.endport ?? -9)/\($0.icmptype ?? -9)" })
            #expect(shapes == ["tcp/22/22/-9", "tcp/8000/8080/-9", "icmp/-9/-9/-1", "50/0/65535/-9"])
            #expect(Set(group.ingressrule.compactMap(\.cidr)) == ["10.0.0.0/8", "192.168.1.5/32"])
            for rule in group.ingressrule {
                #expect(rule.tags.first { $0.key == "gce-firewall" }?.value == "allow-web")
            }
        }
        #expect(groups.first { $0.name == "default" }?.ingressrule.isEmpty == true)

        let list = await bridge.send(.get, Self.root + "global/firewalls", token: token)
        #expect(list.status == 200)
        validator.add("FirewallList", list.body, label: "firewalls.list")
        let items = try #require(try Self.object(list)["items"] as? [[String: Any]])
        #expect(items.count == 1)
        let canonical = { (value: [String: Any]) in try JSONSerialization.data(withJSONObject: value, options: .sortedKeys) }
        #expect(try canonical(items[0]) == canonical(firewall))
        let filtered = try Self.object(await bridge.send(.get, Self.root + "global/firewalls?filter=name%3Dnope", token: token))
        #expect(filtered["items"] == nil)

        let again = await bridge.send(.post, Self.root + "global/firewalls", body: Self.web, token: token)
        #expect(again.status == 409)
        #expect(try validator.problems() == [])
    }

    @Test func egressOnTheDefaultGroupThenPatchUpdateAndDelete() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        let validator = SchemaValidator()
        _ = try await Self.insert(
            bridge, token,
            #"{"name": "dns-out", "direction": "EGRESS", "allowed": [{"IPProtocol": "udp", "ports": ["53"]}], "destinationRanges": ["8.8.8.8/32"]}"#
        )
        let (_, created) = try await bridge.compute(.get, "global/firewalls/dns-out", token: token)
        #expect(created["destinationRanges"] as? [String] == ["8.8.8.8/32"])
        #expect(created["sourceRanges"] == nil)
        #expect(created["priority"] as? Int == 1000)
        #expect(created["targetTags"] == nil)
        let egress = try #require(try await Self.groups(bridge).first { $0.name == "default" }?.egressrule)
        #expect(egress.map { "\($0.protocol ?? "") \($0.startport ?? 0)-\($0.endport ?? 0) \($0.cidr ?? "")" } == ["udp 53-53 8.8.8.8/32"])

        let patch = await bridge.send(
            .patch, Self.root + "global/firewalls/dns-out",
            body: #"{"allowed": [{"IPProtocol": "udp", "ports": ["53"]}, {"IPProtocol": "tcp", "ports": ["53"]}], "priority": 10}"#,
            token: token)
        #expect(patch.status == 200)
        validator.add("Operation", patch.body, label: "firewalls.patch")
        #expect(try Self.object(patch)["operationType"] as? String == "patch")
        _ = try await bridge.waitDone(try Self.object(patch), token: token)
        let (_, patched) = try await bridge.compute(.get, "global/firewalls/dns-out", token: token)
        #expect(patched["id"] as? String == created["id"] as? String)
        #expect(patched["creationTimestamp"] as? String == created["creationTimestamp"] as? String)
        #expect(patched["priority"] as? Int == 10)
        #expect(patched["destinationRanges"] as? [String] == ["8.8.8.8/32"])
        #expect((patched["allowed"] as? [[String: Any]])?.compactMap { $0["IPProtocol"] as? String } == ["udp", "tcp"])
        #expect(try await Self.groups(bridge).first { $0.name == "default" }?.egressrule.count == 2)

        let update = await bridge.send(
            .put, Self.root + "global/firewalls/dns-out",
            body: #"{"name": "dns-out", "direction": "EGRESS", "allowed": [{"IPProtocol": "all"}]}"#, token: token)
        #expect(update.status == 200)
        #expect(try Self.object(update)["operationType"] as? String == "update")
        _ = try await bridge.waitDone(try Self.object(update), token: token)
        let (_, updated) = try await bridge.compute(.get, "global/firewalls/dns-out", token: token)
        validator.add("Firewall", try JSONSerialization.data(withJSONObject: updated).map { $0 }, label: "after update")
        #expect(updated["priority"] as? Int == 1000)
        #expect(updated["destinationRanges"] as? [String] == ["0.0.0.0/0"])
        #expect((updated["allowed"] as? [[String: Any]])?.first?["IPProtocol"] as? String == "all")
        #expect(updated["id"] as? String == created["id"] as? String)
        let rules = try #require(try await Self.groups(bridge).first { $0.name == "default" }?.egressrule)
        #expect(rules.map { "\($0.protocol ?? "") \($0.cidr ?? "")" } == ["all 0.0.0.0/0"])

        let unchanged = await bridge.send(.patch, Self.root + "global/firewalls/dns-out", body: #"{"priority": 1000}"#, token: token)
        #expect(try Self.object(unchanged)["status"] as? String == "DONE")

        let delete = await bridge.send(.delete, Self.root + "global/firewalls/dns-out", token: token)
        #expect(delete.status == 200)
        validator.add("Operation", delete.body, label: "firewalls.delete")
        let deleted = try await bridge.waitDone(try Self.object(delete), token: token)
        #expect(deleted["operationType"] as? String == "delete")
        // Once its rules are gone CloudStack keeps no trace of the name: the link falls back to the numeric id.
        #expect(deleted["targetId"] as? String == created["id"] as? String)
        #expect(deleted["targetLink"] as? String == "\(TestBridge.base)\(Self.root)global/firewalls/\(created["id"] as? String ?? "")")
        #expect(await bridge.send(.get, Self.root + "global/firewalls/dns-out", token: token).status == 404)
        #expect(try await Self.groups(bridge).first { $0.name == "default" }?.egressrule.isEmpty == true)
        let tags = try await bridge.client.listAll(
            CommandTable.listTags, ["resourcetype": "SecurityGroupRule"],
            as: CloudStackCredentials(apiKey: bridge.user.apiKey, secretKey: bridge.user.secretKey))
        #expect(tags.isEmpty)
        #expect(try validator.problems() == [])
    }

    @Test func sourceTagsBecomeGroupSourcesAndEffectiveFirewallsFollowInstanceTags() async throws {
        let (bridge, token, zone) = try await InstanceSetTests.withInstance()
        let validator = SchemaValidator()
        _ = try await Self.insert(
            bridge, token,
            #"{"name": "from-lb", "sourceTags": ["lb"], "targetTags": ["app"], "allowed": [{"IPProtocol": "6", "ports": ["443"]}]}"#)
        _ = try await Self.insert(bridge, token, #"{"name": "ssh-all", "allowed": [{"IPProtocol": "tcp", "ports": ["22"]}]}"#)
        let (_, fromLB) = try await bridge.compute(.get, "global/firewalls/from-lb", token: token)
        #expect(fromLB["sourceTags"] as? [String] == ["lb"])
        #expect(fromLB["sourceRanges"] == nil)
        let (_, ssh) = try await bridge.compute(.get, "global/firewalls/ssh-all", token: token)
        #expect(ssh["sourceRanges"] as? [String] == ["0.0.0.0/0"])
        let groups = try await Self.groups(bridge)
        let app = try #require(groups.first { $0.name == "gce-tag-app" })
        #expect(app.ingressrule.map { "\($0.protocol ?? "") \($0.startport ?? 0) \($0.securitygroupname ?? "")" } == ["tcp 443 gce-tag-lb"])
        #expect(groups.contains { $0.name == "gce-tag-lb" })

        let network = await bridge.send(.get, Self.root + "global/networks/default/getEffectiveFirewalls", token: token)
        #expect(network.status == 200)
        validator.add("NetworksGetEffectiveFirewallsResponse", network.body, label: "networks.getEffectiveFirewalls")
        let all = try #require(try Self.object(network)["firewalls"] as? [[String: Any]])
        #expect(all.compactMap { $0["name"] as? String } == ["from-lb", "ssh-all"])

        let path = Self.root + "zones/\(zone)/instances/app/getEffectiveFirewalls"
        let before = await bridge.send(.get, path + "?networkInterface=nic0", token: token)
        #expect(before.status == 200)
        validator.add("InstancesGetEffectiveFirewallsResponse", before.body, label: "instances.getEffectiveFirewalls")
        #expect((try Self.object(before)["firewalls"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["ssh-all"])
        #expect(await bridge.send(.get, path, token: token).status == 400)
        #expect(await bridge.send(.get, path + "?networkInterface=nic7", token: token).status == 400)
        #expect(await bridge.send(.get, Self.root + "global/networks/nope/getEffectiveFirewalls", token: token).status == 404)
        #expect(try validator.problems() == [])
    }

    @Test(arguments: [
        (#"{"name": "x", "denied": [{"IPProtocol": "tcp"}]}"#, "resource.denied"),
        (#"{"name": "x", "allowed": [{"IPProtocol": "tcp"}], "disabled": true}"#, "resource.disabled"),
        (#"{"name": "x", "allowed": [{"IPProtocol": "tcp"}], "logConfig": {"enable": true}}"#, "resource.logConfig.enable"),
        (
            #"{"name": "x", "allowed": [{"IPProtocol": "tcp"}], "logConfig": {"metadata": "INCLUDE_ALL_METADATA"}}"#,
            "resource.logConfig.metadata"
        ),
        (#"{"name": "x", "allowed": [{"IPProtocol": "tcp"}], "denied": [{"IPProtocol": "udp"}]}"#, "resource.denied"),
        (#"{"name": "x", "allowed": [{"IPProtocol": "tcp"}], "destinationRanges": ["1.2.3.0/24"]}"#, "resource.destinationRanges"),
        (
            #"{"name": "x", "direction": "EGRESS", "allowed": [{"IPProtocol": "tcp"}], "sourceRanges": ["1.2.3.0/24"]}"#,
            "resource.sourceRanges"
        ),
        (#"{"name": "x", "direction": "EGRESS", "allowed": [{"IPProtocol": "tcp"}], "sourceTags": ["a"]}"#, "resource.sourceTags"),
        (#"{"name": "x", "allowed": [{"IPProtocol": "tcp"}], "sourceServiceAccounts": ["a@b"]}"#, "resource.sourceServiceAccounts"),
        (#"{"name": "x", "allowed": [{"IPProtocol": "tcp"}], "targetServiceAccounts": ["a@b"]}"#, "resource.targetServiceAccounts"),
        (#"{"name": "x", "allowed": [{"IPProtocol": "tcp"}], "params": {"resourceManagerTags": {"a": "b"}}}"#, "resource.params"),
        (#"{"name": "x", "allowed": [{"IPProtocol": "sctp", "ports": ["9"]}]}"#, "resource.allowed[0].ports"),
        (#"{"name": "x", "allowed": [{"IPProtocol": "icmp", "ports": ["9"]}]}"#, "resource.allowed[0].ports"),
        (#"{"name": "x", "allowed": [{"IPProtocol": "tcp", "ports": ["90-80"]}]}"#, "resource.allowed[0].ports[0]"),
        (#"{"name": "x", "allowed": [{"IPProtocol": "gre"}]}"#, "resource.allowed[0].IPProtocol"),
        (#"{"name": "x", "allowed": [{"IPProtocol": "256"}]}"#, "resource.allowed[0].IPProtocol"),
        (#"{"name": "x", "allowed": [{"IPProtocol": "tcp"}], "sourceRanges": ["2001:db8::/32"]}"#, "resource.sourceRanges"),
        (#"{"name": "x", "allowed": [{"IPProtocol": "tcp"}], "sourceRanges": ["10.0.0.0/33"]}"#, "resource.sourceRanges"),
        (#"{"name": "x", "allowed": [{"IPProtocol": "tcp"}], "priority": 70000}"#, "resource.priority"),
        (#"{"name": "x", "allowed": [{"IPProtocol": "tcp"}], "direction": "SIDEWAYS"}"#, "resource.direction"),
        (#"{"name": "x", "allowed": [{"IPProtocol": "tcp"}], "targetTags": ["Bad Tag"]}"#, "resource.targetTags"),
        (#"{"name": "x"}"#, "resource.allowed"),
        (#"{"allowed": [{"IPProtocol": "tcp"}]}"#, "resource.name"),
    ])
    func whatSecurityGroupsCannotHoldIsRefusedNamingTheFieldWithNoCloudStackCall(body: String, field: String) async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        bridge.transport.log.reset()
        let response = await bridge.send(.post, Self.root + "global/firewalls", body: body, token: token)
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(response.status == 400, "\(text)")
        #expect(text.contains(field), "\(text)")
        #expect(bridge.transport.log.commands == [])
    }

    @Test func aRuleAnotherFirewallHoldsIsRefusedAndNothingIsLeftBehind() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        _ = try await Self.insert(bridge, token, #"{"name": "ssh", "allowed": [{"IPProtocol": "tcp", "ports": ["22"]}]}"#)
        let clash = await bridge.send(
            .post, Self.root + "global/firewalls",
            body: #"{"name": "ssh-too", "allowed": [{"IPProtocol": "udp"}, {"IPProtocol": "tcp", "ports": ["22"]}]}"#, token: token)
        #expect(clash.status == 400)
        #expect(String(decoding: clash.body, as: UTF8.self).contains("firewall ssh"))
        #expect(try await Self.groups(bridge).first { $0.name == "default" }?.ingressrule.count == 1)
        #expect(await bridge.send(.get, Self.root + "global/firewalls/ssh-too", token: token).status == 404)
        let rename = await bridge.send(.patch, Self.root + "global/firewalls/ssh", body: #"{"name": "other"}"#, token: token)
        #expect(rename.status == 400)
        #expect(await bridge.send(.delete, Self.root + "global/firewalls/nope", token: token).status == 404)
    }
}
