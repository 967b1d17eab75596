import CloudStack
import Foundation
import Pipeline
import Testing

@testable import GCE

@Suite("addresses.*, globalAddresses.*, instances.addAccessConfig / deleteAccessConfig / updateAccessConfig")
struct AddressTests {
    static let project = "/compute/v1/projects/user1/"
    /// Not a command the bridge sends; the test removes the account's networks with it.
    static let deleteNetwork = AsyncCommand<SuccessResult>("deleteNetwork", jobResult: nil)

    /// The advanced zone, the local region and an instance there (which gives the account an isolated network).
    static func setting(_ bridge: TestBridge, _ token: String, instance: String? = "web-1", accessConfigs: String = "")
        async throws -> (zone: String, region: String)
    {
        let (_, zones) = try await bridge.compute(.get, "zones", token: token)
        let zone = try #require(
            (zones["items"] as? [[String: Any]])?.first { ($0["name"] as? String)?.contains("advanced") == true }?["name"] as? String)
        let (_, regions) = try await bridge.compute(.get, "regions", token: token)
        let region = try #require((regions["items"] as? [[String: Any]])?.first?["name"] as? String)
        if let instance { try await Self.insertInstance(bridge, token, zone: zone, name: instance, accessConfigs: accessConfigs) }
        return (zone, region)
    }

    static func insertInstance(_ bridge: TestBridge, _ token: String, zone: String, name: String, accessConfigs: String = "")
        async throws
    {
        let (_, images) = try await bridge.compute(.get, "global/images", token: token)
        let image = try #require((images["items"] as? [[String: Any]])?.first?["name"] as? String)
        let interface = accessConfigs.isEmpty ? "{}" : #"{"accessConfigs": \#(accessConfigs)}"#
        let body = """
            {"name": "\(name)", "machineType": "zones/\(zone)/machineTypes/small-instance",
             "disks": [{"boot": true, "initializeParams": {"sourceImage": "global/images/\(image)"}}],
             "networkInterfaces": [\(interface)]}
            """
        let (status, operation) = try await bridge.compute(.post, "zones/\(zone)/instances", body: body, token: token)
        #expect(status == 200, "\(operation)")
        let done = try await bridge.waitDone(operation, token: token)
        #expect(done["error"] == nil, "\(done)")
    }

    /// A mutating call answered with an operation (validated), waited for; returns the finished operation.
    static func run(
        _ bridge: TestBridge, _ method: HTTPMethod, _ path: String, body: String? = nil, token: String, validator: SchemaValidator
    )
        async throws -> [String: Any]
    {
        try await DiskTests.run(bridge, method, path, body: body, token: token, validator: validator)
    }

    /// Reserves the address `pub` and answers its IP.
    static func reserve(_ bridge: TestBridge, _ token: String, region: String, validator: SchemaValidator) async throws -> String {
        _ = try await Self.run(bridge, .post, "regions/\(region)/addresses", body: #"{"name": "pub"}"#, token: token, validator: validator)
        let (_, reserved) = try await bridge.compute(.get, "regions/\(region)/addresses/pub", token: token)
        return try #require(reserved["address"] as? String)
    }

    static func natIP(_ bridge: TestBridge, _ token: String, zone: String, instance: String) async throws -> (String?, String?) {
        let (_, vm) = try await bridge.compute(.get, "zones/\(zone)/instances/\(instance)", token: token)
        let nic = (vm["networkInterfaces"] as? [[String: Any]])?.first
        let config = (nic?["accessConfigs"] as? [[String: Any]])?.first
        return (config?["natIP"] as? String, config?["name"] as? String)
    }

    @Test func insertGetListLabelAndDelete() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (_, region) = try await Self.setting(bridge, token)
        let op = try await Self.run(
            bridge, .post, "regions/\(region)/addresses",
            body:
                #"{"name": "web-ip", "description": "front door", "labels": {"env": "prod"}, "addressType": "EXTERNAL", "networkTier": "PREMIUM"}"#,
            token: token, validator: validator)
        #expect(op["operationType"] as? String == "insert")
        #expect((op["targetLink"] as? String)?.hasSuffix("/regions/\(region)/addresses/web-ip") == true)
        #expect((op["region"] as? String)?.hasSuffix("/regions/\(region)") == true)
        let get = await bridge.send(.get, Self.project + "regions/\(region)/addresses/web-ip", token: token)
        #expect(get.status == 200)
        validator.add("Address", get.body, label: "addresses.get")
        var address = try DiskTests.object((get.status, get.body))
        #expect(address["status"] as? String == "RESERVED")
        #expect(address["description"] as? String == "front door")
        #expect(address["labels"] as? [String: String] == ["env": "prod"])
        #expect((address["address"] as? String)?.hasPrefix("172.16.") == true)
        #expect(address["users"] == nil)
        // By numeric id too.
        let byID = await bridge.send(.get, Self.project + "regions/\(region)/addresses/\(address["id"] as? String ?? "")", token: token)
        #expect(byID.status == 200)
        // A chosen address is acquired as asked (associateIpAddress ipaddress=…); it cannot be reserved twice.
        bridge.transport.log.reset()
        _ = try await Self.run(
            bridge, .post, "regions/\(region)/addresses", body: #"{"name": "fixed", "address": "172.16.7.9"}"#, token: token,
            validator: validator)
        #expect(bridge.transport.log.all.contains { $0.contains("command=associateIpAddress") && $0.contains("ipaddress=172.16.7.9") })
        let (_, fixed) = try await bridge.compute(.get, "regions/\(region)/addresses/fixed", token: token)
        #expect(fixed["address"] as? String == "172.16.7.9")
        let twice = await bridge.send(
            .post, Self.project + "regions/\(region)/addresses", body: #"{"name": "twice", "address": "172.16.7.9"}"#, token: token)
        #expect(twice.status == 400, "\(String(decoding: twice.body, as: UTF8.self))")
        let outside = await bridge.send(
            .post, Self.project + "regions/\(region)/addresses", body: #"{"name": "outside", "address": "10.9.9.9"}"#, token: token)
        #expect(outside.status == 400)
        #expect(String(decoding: outside.body, as: UTF8.self).contains("resource.address"))
        let again = await bridge.send(.post, Self.project + "regions/\(region)/addresses", body: #"{"name": "web-ip"}"#, token: token)
        #expect(again.status == 409)
        // Lists: the reserved addresses, filterable; the aggregated list has the region's scope.
        let list = await bridge.send(.get, Self.project + "regions/\(region)/addresses", token: token)
        validator.add("AddressList", list.body, label: "addresses.list")
        let names =
            (try DiskTests.object((list.status, list.body))["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(names.contains("web-ip") && names.contains("fixed"))
        #expect(!names.contains("outside") && !names.contains("twice"))
        let (_, filtered) = try await bridge.compute(.get, "regions/\(region)/addresses?filter=labels.env+%3D+prod", token: token)
        #expect((filtered["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["web-ip"])
        let aggregated = await bridge.send(.get, Self.project + "aggregated/addresses", token: token)
        validator.add("AddressAggregatedList", aggregated.body, label: "addresses.aggregatedList")
        let scopes = try DiskTests.object((aggregated.status, aggregated.body))["items"] as? [String: [String: Any]]
        let scoped = (scopes?["regions/\(region)"]?["addresses"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(scoped.sorted() == names.sorted())
        // Labels need the current fingerprint.
        let fingerprint = try #require(address["labelFingerprint"] as? String)
        let stale = await bridge.send(
            .post, Self.project + "regions/\(region)/addresses/web-ip/setLabels",
            body: #"{"labelFingerprint": "AAAAAAAAAAA=", "labels": {"b": "2"}}"#, token: token)
        #expect(stale.status == 412)
        let labelled = try await Self.run(
            bridge, .post, "regions/\(region)/addresses/web-ip/setLabels",
            body: #"{"labelFingerprint": "\#(fingerprint)", "labels": {"b": "2"}}"#, token: token, validator: validator)
        #expect(labelled["operationType"] as? String == "setLabels")
        (_, address) = try await bridge.compute(.get, "regions/\(region)/addresses/web-ip", token: token)
        #expect(address["labels"] as? [String: String] == ["b": "2"])
        #expect(address["name"] as? String == "web-ip")
        // Delete: gone, the name free again.
        let deleted = try await Self.run(bridge, .delete, "regions/\(region)/addresses/web-ip", token: token, validator: validator)
        #expect(deleted["operationType"] as? String == "delete")
        #expect(await bridge.send(.get, Self.project + "regions/\(region)/addresses/web-ip", token: token).status == 404)
        #expect(await bridge.send(.delete, Self.project + "regions/\(region)/addresses/web-ip", token: token).status == 404)
        #expect(await bridge.send(.get, Self.project + "regions/elsewhere/addresses/fixed", token: token).status == 404)
        #expect(try validator.problems() == [])
    }

    @Test func sourceNatAddressesAreInUseAndKept() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (_, region) = try await Self.setting(bridge, token)
        let credentials = CloudStackCredentials(apiKey: bridge.user.apiKey, secretKey: bridge.user.secretKey)
        let sourceNat = try await bridge.client.listAll(CommandTable.listPublicIpAddresses, ["issourcenat": "true"], as: credentials)
        let ip = try #require(sourceNat.first?.ipaddress, "the instance's isolated network has a source NAT address")
        let name = "ip-" + ip.split(separator: ".").joined(separator: "-")
        let get = await bridge.send(.get, Self.project + "regions/\(region)/addresses/\(name)", token: token)
        #expect(get.status == 200)
        validator.add("Address", get.body, label: "addresses.get source NAT")
        let address = try DiskTests.object((get.status, get.body))
        #expect(address["address"] as? String == ip)
        #expect(address["status"] as? String == "IN_USE")
        bridge.transport.log.reset()
        let delete = await bridge.send(.delete, Self.project + "regions/\(region)/addresses/\(name)", token: token)
        #expect(delete.status == 400)
        #expect(String(decoding: delete.body, as: UTF8.self).contains("source NAT"))
        #expect(!bridge.transport.log.commands.contains("disassociateIpAddress"))
        #expect(try validator.problems() == [])
    }

    @Test func insertWithNothingToHoldTheAddressIsAClearError() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (_, region) = try await Self.setting(bridge, token, instance: nil)
        // No isolated network or VPC left in the advanced zone: CloudStack acquires public IPs for one of them only.
        let credentials = CloudStackCredentials(apiKey: bridge.user.apiKey, secretKey: bridge.user.secretKey)
        for network in try await bridge.client.listAll(CommandTable.listNetworks, as: credentials) where network.type == "Isolated" {
            _ = try await bridge.client.run(Self.deleteNetwork, ["id": network.id ?? ""], as: credentials)
        }
        bridge.transport.log.reset()
        let response = await bridge.send(.post, Self.project + "regions/\(region)/addresses", body: #"{"name": "early"}"#, token: token)
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(response.status == 400, "\(text)")
        #expect(text.contains("network or VPC"), "\(text)")
        #expect(!bridge.transport.log.commands.contains("associateIpAddress"))
    }

    @Test func insertRefusesWhatCloudStackCannotDoWithoutCallingIt() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (_, region) = try await Self.setting(bridge, token, instance: nil)
        for (body, field) in [
            (#"{"name": "a", "addressType": "INTERNAL"}"#, "resource.addressType"),
            (#"{"name": "a", "ipVersion": "IPV6"}"#, "resource.ipVersion"),
            (#"{"name": "a", "purpose": "GCE_ENDPOINT"}"#, "resource.purpose"),
            (#"{"name": "a", "networkTier": "STANDARD"}"#, "resource.networkTier"),
            (#"{"name": "a", "prefixLength": 24}"#, "resource.prefixLength"),
            (#"{"name": "a", "subnetwork": "regions/r/subnetworks/s"}"#, "resource.subnetwork"),
            (#"{"name": "a", "network": "global/networks/default"}"#, "resource.network"),
            (#"{"name": "a", "ipv6EndpointType": "VM"}"#, "resource.ipv6EndpointType"),
            (#"{"name": "a", "address": "172.16.300.1"}"#, "resource.address"),
            (#"{"name": "Bad_Name"}"#, "resource.name"),
            (#"{"description": "no name"}"#, "resource.name"),
        ] {
            bridge.transport.log.reset()
            let response = await bridge.send(.post, Self.project + "regions/\(region)/addresses", body: body, token: token)
            let text = String(decoding: response.body, as: UTF8.self)
            #expect(response.status == 400, "\(body): \(text)")
            #expect(text.contains(field), "\(body): \(text)")
            #expect(bridge.transport.log.commands.isEmpty, "\(body): \(bridge.transport.log.commands)")
        }
    }

    @Test func globalAddressesAreEmptyAndRefused() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let list = await bridge.send(.get, Self.project + "global/addresses", token: token)
        #expect(list.status == 200)
        validator.add("AddressList", list.body, label: "globalAddresses.list")
        #expect(try DiskTests.object((list.status, list.body))["items"] == nil)
        #expect(await bridge.send(.get, Self.project + "global/addresses/lb", token: token).status == 404)
        #expect(await bridge.send(.delete, Self.project + "global/addresses/lb", token: token).status == 404)
        bridge.transport.log.reset()
        let insert = await bridge.send(.post, Self.project + "global/addresses", body: #"{"name": "lb"}"#, token: token)
        #expect(insert.status == 400)
        #expect(String(decoding: insert.body, as: UTF8.self).contains("global addresses are not supported"))
        #expect(bridge.transport.log.commands.isEmpty)
        #expect(try validator.problems() == [])
    }

    @Test func reservedAccessConfigFollowsStaticNat() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (zone, region) = try await Self.setting(bridge, token)
        let ip = try await Self.reserve(bridge, token, region: region, validator: validator)
        let base = "zones/\(zone)/instances/web-1"
        let added = try await Self.run(
            bridge, .post, base + "/addAccessConfig?networkInterface=nic0",
            body: #"{"name": "external-nat", "type": "ONE_TO_ONE_NAT", "natIP": "\#(ip)"}"#, token: token, validator: validator)
        #expect(added["operationType"] as? String == "addAccessConfig")
        #expect(try await Self.natIP(bridge, token, zone: zone, instance: "web-1") == (ip, "external-nat"))
        let inUse = await bridge.send(.get, Self.project + "regions/\(region)/addresses/pub", token: token)
        validator.add("Address", inUse.body, label: "addresses.get IN_USE")
        let address = try DiskTests.object((inUse.status, inUse.body))
        #expect(address["status"] as? String == "IN_USE")
        #expect((address["users"] as? [String])?.first?.hasSuffix("/zones/\(zone)/instances/web-1") == true)
        // In use: not deletable, and a second access config is refused.
        let busy = await bridge.send(.delete, Self.project + "regions/\(region)/addresses/pub", token: token)
        #expect(busy.status == 400)
        #expect(String(decoding: busy.body, as: UTF8.self).contains("resourceInUseByAnotherResource"))
        let second = await bridge.send(.post, Self.project + base + "/addAccessConfig?networkInterface=nic0", body: "{}", token: token)
        #expect(second.status == 400)
        // updateAccessConfig changes nothing CloudStack keeps: a no-op is DONE, a new address or a PTR is refused.
        _ = try await Self.run(
            bridge, .post, base + "/updateAccessConfig?networkInterface=nic0", body: #"{"name": "external-nat"}"#, token: token,
            validator: validator)
        bridge.transport.log.reset()
        let ptr = await bridge.send(
            .post, Self.project + base + "/updateAccessConfig?networkInterface=nic0",
            body: #"{"name": "external-nat", "setPublicPtr": true, "publicPtrDomainName": "web.example."}"#, token: token)
        #expect(ptr.status == 400)
        #expect(String(decoding: ptr.body, as: UTF8.self).contains("setPublicPtr"))
        #expect(bridge.transport.log.commands.isEmpty)
        let wrongName = await bridge.send(
            .post, Self.project + base + "/deleteAccessConfig?networkInterface=nic0&accessConfig=other", token: token)
        #expect(wrongName.status == 400)
        let removed = try await Self.run(
            bridge, .post, base + "/deleteAccessConfig?networkInterface=nic0&accessConfig=external-nat", token: token, validator: validator)
        #expect(removed["operationType"] as? String == "deleteAccessConfig")
        #expect(try await Self.natIP(bridge, token, zone: zone, instance: "web-1").0 == nil)
        let (_, after) = try await bridge.compute(.get, "regions/\(region)/addresses/pub", token: token)
        #expect(after["status"] as? String == "RESERVED")
        #expect(after["users"] == nil)
        // An address that is not the project's, and a NIC that does not exist.
        let foreign = await bridge.send(
            .post, Self.project + base + "/addAccessConfig?networkInterface=nic0", body: #"{"natIP": "172.16.99.99"}"#, token: token)
        #expect(foreign.status == 400)
        #expect(String(decoding: foreign.body, as: UTF8.self).contains("natIP"))
        let noNic = await bridge.send(.post, Self.project + base + "/addAccessConfig?networkInterface=nic3", body: "{}", token: token)
        #expect(noNic.status == 400)
        #expect(String(decoding: noNic.body, as: UTF8.self).contains("networkInterface"))
        #expect(try validator.problems() == [])
    }

    @Test func ephemeralAccessConfigIsAcquiredAndReleased() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (zone, region) = try await Self.setting(bridge, token)
        let base = "zones/\(zone)/instances/web-1"
        // What CloudStack holds for the account, asked directly: ephemeral addresses are hidden from addresses.list.
        let credentials = CloudStackCredentials(apiKey: bridge.user.apiKey, secretKey: bridge.user.secretKey)
        func publicIPs() async -> Int {
            let rows = try? await bridge.client.listAll(CommandTable.listPublicIpAddresses, as: credentials)
            return rows?.filter { $0.issourcenat != true }.count ?? -1
        }
        let before = await publicIPs()
        _ = try await Self.run(
            bridge, .post, base + "/addAccessConfig?networkInterface=nic0", body: "{}", token: token, validator: validator)
        let (nat, name) = try await Self.natIP(bridge, token, zone: zone, instance: "web-1")
        #expect(nat?.hasPrefix("172.16.") == true)
        #expect(name == "External NAT")
        #expect(await publicIPs() == before + 1)
        // Ephemeral addresses are not reserved addresses.
        let (_, list) = try await bridge.compute(.get, "regions/\(region)/addresses", token: token)
        #expect(!((list["items"] as? [[String: Any]]) ?? []).contains { $0["address"] as? String == nat })
        _ = try await Self.run(
            bridge, .post, base + "/deleteAccessConfig?networkInterface=nic0&accessConfig=External+NAT", token: token, validator: validator)
        #expect(await publicIPs() == before)
        // instances.insert with an ephemeral access config; instances.delete releases the address.
        try await Self.insertInstance(
            bridge, token, zone: zone, name: "web-2", accessConfigs: #"[{"type": "ONE_TO_ONE_NAT", "name": "External NAT"}]"#)
        #expect(try await Self.natIP(bridge, token, zone: zone, instance: "web-2").0 != nil)
        #expect(await publicIPs() == before + 1)
        _ = try await Self.run(bridge, .delete, "zones/\(zone)/instances/web-2", token: token, validator: validator)
        #expect(await publicIPs() == before)
        #expect(try validator.problems() == [])
    }

    @Test func insertWithReservedNatIP() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (zone, region) = try await Self.setting(bridge, token)
        let ip = try await Self.reserve(bridge, token, region: region, validator: validator)
        try await Self.insertInstance(bridge, token, zone: zone, name: "web-2", accessConfigs: #"[{"natIP": "\#(ip)"}]"#)
        #expect(try await Self.natIP(bridge, token, zone: zone, instance: "web-2").0 == ip)
        let (_, used) = try await bridge.compute(.get, "regions/\(region)/addresses/pub", token: token)
        #expect(used["status"] as? String == "IN_USE")
        // The reserved address stays when its instance is deleted.
        _ = try await Self.run(bridge, .delete, "zones/\(zone)/instances/web-2", token: token, validator: validator)
        let (_, kept) = try await bridge.compute(.get, "regions/\(region)/addresses/pub", token: token)
        #expect(kept["status"] as? String == "RESERVED")
        let (_, images) = try await bridge.compute(.get, "global/images", token: token)
        let image = try #require((images["items"] as? [[String: Any]])?.first?["name"] as? String)
        // A natIP that is not reserved, more than one access config, and unsupported fields: refused before any deploy.
        for (configs, field) in [
            (#"[{"natIP": "172.16.99.99"}]"#, "natIP"), (#"[{}, {}]"#, "accessConfigs"),
            (#"[{"networkTier": "STANDARD"}]"#, "networkTier"), (#"[{"setPublicPtr": true}]"#, "setPublicPtr"),
            (#"[{"publicPtrDomainName": "a.example."}]"#, "publicPtrDomainName"), (#"[{"type": "DIRECT_IPV6"}]"#, "type"),
        ] {
            bridge.transport.log.reset()
            let body = """
                {"name": "web-3", "machineType": "small-instance", "disks": [{"initializeParams": {"sourceImage": "global/images/\(image)"}}],
                 "networkInterfaces": [{"accessConfigs": \(configs)}]}
                """
            let response = await bridge.send(.post, Self.project + "zones/\(zone)/instances", body: body, token: token)
            let text = String(decoding: response.body, as: UTF8.self)
            #expect(response.status == 400, "\(configs): \(text)")
            #expect(text.contains(field), "\(configs): \(text)")
            #expect(!bridge.transport.log.commands.contains("deployVirtualMachine"))
        }
        #expect(try validator.problems() == [])
    }
}
