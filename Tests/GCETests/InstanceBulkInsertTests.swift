import Foundation
import Pipeline
import Testing

@testable import GCE

/// instances.bulkInsert: one instances.insert per name, one zonal `bulkInsert` operation, minCount all-or-nothing,
/// and every member of its two schemas honoured or refused before any deploy.
@Suite("instances.bulkInsert")
struct InstanceBulkInsertTests {
    /// What instances.bulkInsert reads, per schema; `InstanceProperties` members are the `Instance` members of the
    /// same name, read or refused by instances.insert.
    static let read: [String: Set<String>] = [
        "BulkInsertInstanceResource": InstancesBulkInsert.read,
        "BulkInsertInstanceResourcePerInstanceProperties": ["name"],
        "InstanceProperties": InstanceInsertFieldsTests.read["Instance"] ?? [],
    ]

    static func refusedList(_ schema: String) -> [String] {
        switch schema {
        case "BulkInsertInstanceResource": InstancesBulkInsert.refused.map(\.name)
        case "BulkInsertInstanceResourcePerInstanceProperties": ["hostname"]
        default: InstancesBulkInsert.refusedProperties.map(\.name) + UnsupportedInstanceFields.instance.map(\.name)
        }
    }

    @Test(arguments: ["BulkInsertInstanceResource", "BulkInsertInstanceResourcePerInstanceProperties", "InstanceProperties"])
    func everyInputMemberOfTheRealSchemaIsReadOrRefused(schema: String) throws {
        let document = try DiscoveryAndTableTests.installedDocument()
        let schemas = try #require(document["schemas"] as? [String: Any])
        let properties = try #require((schemas[schema] as? [String: Any])?["properties"] as? [String: [String: Any]])
        let input = Set(properties.filter { !(($0.value["description"] as? String)?.contains("[Output Only]") ?? false) }.keys)
        let refused = Self.refusedList(schema)
        #expect(Set(refused).count == refused.count, "a member listed twice")
        #expect(Set(refused).isDisjoint(with: Self.read[schema] ?? []))
        let neither = input.subtracting(Self.read[schema] ?? []).subtracting(refused)
        #expect(neither.isEmpty, "\(schema) members neither read nor refused: \(neither.sorted())")
        if schema != "InstanceProperties" {
            #expect(Set(refused).isSubset(of: properties.keys), "\(schema): listed members the schema does not have")
        }
        #expect(!input.isEmpty)
    }

    /// A bulkInsert body: `members` (with a trailing comma) then `instanceProperties` with `more` spliced in.
    static func body(_ members: String, image: String, more: String = "") -> String {
        """
        {\(members) "instanceProperties": {"machineType": "small-instance",
         "disks": [{"boot": true, "initializeParams": {"sourceImage": "global/images/\(image)"}}\(more.hasPrefix("disks:") ? ", " + more.dropFirst(6) : "")],
         "networkInterfaces": [{"network": "global/networks/default"}]\(more.isEmpty || more.hasPrefix("disks:") ? "" : ", " + more)}}
        """
    }

    static func names(_ bridge: TestBridge, zone: String, token: String) async throws -> [String] {
        let (status, list) = try await bridge.compute(.get, "zones/\(zone)/instances", token: token)
        #expect(status == 200)
        return ((list["items"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }.sorted()
    }

    @Test func namePatternAndPerInstancePropertiesNameTheInstances() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (zone, image, _) = try await InstanceTests.setting(bridge, token)
        let path = "/compute/v1/projects/user1/zones/\(zone)/instances/bulkInsert"

        bridge.transport.log.reset()
        let first = await bridge.send(
            .post, path, body: Self.body(#""count": "2", "namePattern": "vm-####","#, image: image, more: #""labels": {"env": "dev"}"#),
            token: token)
        #expect(first.status == 200, "\(String(decoding: first.body, as: UTF8.self))")
        // Both deploys are submitted before either is waited for, so CloudStack runs them side by side.
        let commands = bridge.transport.log.commands
        let deploys = commands.indices.filter { commands[$0] == "deployVirtualMachine" }
        #expect(deploys.count == 2)
        #expect(deploys.last.map { $0 < (commands.firstIndex(of: "queryAsyncJobResult") ?? 0) } == true, "\(commands)")
        validator.add("Operation", first.body, label: "instances.bulkInsert")
        let operation = try InstanceExtrasTests.object(first)
        #expect(operation["operationType"] as? String == "bulkInsert")
        #expect(operation["status"] as? String == "DONE")
        #expect(operation["error"] == nil)
        #expect((operation["targetLink"] as? String)?.hasSuffix("/projects/user1/zones/\(zone)") == true, "\(operation)")
        #expect((operation["zone"] as? String)?.hasSuffix("/zones/\(zone)") == true)
        #expect(try await Self.names(bridge, zone: zone, token: token) == ["vm-0001", "vm-0002"])

        // operations.get and wait answer the same operation; the zone list shows each instance's insert.
        let name = try #require(operation["name"] as? String)
        let (getStatus, got) = try await bridge.compute(.get, "zones/\(zone)/operations/\(name)", token: token)
        #expect(getStatus == 200)
        #expect(got["operationType"] as? String == "bulkInsert" && got["status"] as? String == "DONE" && got["error"] == nil)
        #expect(got["targetLink"] as? String == operation["targetLink"] as? String)
        // Its name is no capability: another account asking for it in its own project gets 404.
        let other = try await TenancyTests.intruderToken(bridge)
        let foreign = await bridge.send(.get, "/compute/v1/projects/user2/zones/\(zone)/operations/\(name)", token: other)
        #expect(foreign.status == 404, "\(String(decoding: foreign.body, as: UTF8.self))")
        let listed = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/operations", token: token)
        validator.add("OperationList", listed.body, label: "zoneOperations.list after a bulkInsert")
        let items = (try InstanceExtrasTests.object(listed)["items"] as? [[String: Any]]) ?? []
        #expect(items.filter { $0["operationType"] as? String == "insert" }.count == 2, "\(items)")

        // Numbering continues after the highest matching name; named instances come first, the pattern fills up.
        let mixed = await bridge.send(
            .post, path,
            body: Self.body(#""count": "3", "namePattern": "vm-####", "perInstanceProperties": {"app-a": {}},"#, image: image),
            token: token)
        #expect(mixed.status == 200, "\(String(decoding: mixed.body, as: UTF8.self))")
        let named = await bridge.send(
            .post, path,
            body: Self.body(#""count": "2", "perInstanceProperties": {"db-a": {"name": "db-a"}, "db-b": {}},"#, image: image),
            token: token)
        #expect(named.status == 200, "\(String(decoding: named.body, as: UTF8.self))")
        #expect(
            try await Self.names(bridge, zone: zone, token: token) == [
                "app-a", "db-a", "db-b", "vm-0001", "vm-0002", "vm-0003", "vm-0004",
            ])

        let get = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/instances/vm-0002", token: token)
        validator.add("Instance", get.body, label: "an instance bulkInsert made")
        #expect(try InstanceExtrasTests.object(get)["labels"] as? [String: String] == ["env": "dev"])
        #expect(try validator.problems() == [])
    }

    @Test(arguments: [
        (#""count": "1", "namePattern": "a-#", "sourceInstanceTemplate": "global/instanceTemplates/t","#, "", "sourceInstanceTemplate"),
        (#""count": "1", "namePattern": "a-#", "locationPolicy": {"targetShape": "ANY"},"#, "", "locationPolicy"),
        (
            #""count": "1", "namePattern": "a-#", "instanceFlexibilityPolicy": {"instanceSelections": {"x": {}}},"#, "",
            "instanceFlexibilityPolicy"
        ),
        (#""count": "1", "perInstanceProperties": {"a-1": {"hostname": "a.example.com"}},"#, "", "perInstanceProperties.a-1.hostname"),
        (#""count": "1", "perInstanceProperties": {"a-1": {"name": "other"}},"#, "", "perInstanceProperties.a-1.name"),
        (#""count": "1", "perInstanceProperties": {"Bad_Name": {}},"#, "", "perInstanceProperties"),
        (#""count": "1", "namePattern": "a-#","#, #""canIpForward": true"#, "resource.instanceProperties.canIpForward"),
        (
            #""count": "1", "namePattern": "a-#","#, #""resourceManagerTags": {"tagKeys/1": "tagValues/2"}"#,
            "instanceProperties.resourceManagerTags"
        ),
        (#""count": "1", "namePattern": "a-#","#, #""scheduling": {"onHostMaintenance": "TERMINATE"}"#, "onHostMaintenance"),
        (
            #""count": "1", "namePattern": "a-#","#, #"disks:{"initializeParams": {"diskSizeGb": "0"}}"#,
            "resource.instanceProperties.disks[1]"
        ),
        (#""count": "0", "namePattern": "a-#","#, "", "resource.count"),
        (#""count": "101", "namePattern": "a-###","#, "", "resource.count"),
        (#""namePattern": "a-#","#, "", "resource.count"),
        (#""count": "2", "minCount": "3", "namePattern": "a-#","#, "", "resource.minCount"),
        (#""count": "2", "namePattern": "a-#-#","#, "", "resource.namePattern"),
        (#""count": "2", "namePattern": "9-#","#, "", "resource.namePattern"),
        (#""count": "2", "namePattern": "a-###################","#, "", "resource.namePattern"),
        (#""count": "2","#, "", "resource.namePattern"),
        (#""count": "2", "perInstanceProperties": {"a-1": {}},"#, "", "resource.namePattern"),
        (#""count": "1", "perInstanceProperties": {"a-1": {}, "a-2": {}},"#, "", "resource.perInstanceProperties"),
        (#""count": "10", "namePattern": "a-#","#, "", "resource.namePattern"),
    ])
    func aRefusedMemberIsA400NamingItAndNothingIsDeployed(members: String, more: String, named: String) async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (zone, image, _) = try await InstanceTests.setting(bridge, token)
        bridge.transport.log.reset()
        let response = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/bulkInsert", body: Self.body(members, image: image, more: more),
            token: token)
        let answer = String(decoding: response.body, as: UTF8.self)
        #expect(response.status == 400, "\(answer)")
        #expect(answer.contains(named), "\(answer)")
        #expect(!bridge.transport.log.commands.contains("deployVirtualMachine"))
        #expect(try await Self.names(bridge, zone: zone, token: token) == [])
    }

    @Test func aNameThatExistsIsA409BeforeAnyDeploy() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (zone, image, _) = try await InstanceTests.setting(bridge, token)
        let path = "/compute/v1/projects/user1/zones/\(zone)/instances/bulkInsert"
        let made = await bridge.send(
            .post, path, body: Self.body(#""count": "1", "perInstanceProperties": {"taken": {}},"#, image: image), token: token)
        #expect(made.status == 200)
        bridge.transport.log.reset()
        let again = await bridge.send(
            .post, path, body: Self.body(#""count": "2", "namePattern": "new-#", "perInstanceProperties": {"taken": {}},"#, image: image),
            token: token)
        #expect(again.status == 409, "\(String(decoding: again.body, as: UTF8.self))")
        #expect(String(decoding: again.body, as: UTF8.self).contains("instances/taken"))
        #expect(!bridge.transport.log.commands.contains("deployVirtualMachine"))
        // The first instance's own refusal is the answer, as instances.insert gives it.
        let unknown = await bridge.send(
            .post, path, body: Self.body(#""count": "2", "namePattern": "new-#","#, image: "no-such-image"), token: token)
        #expect(unknown.status == 404, "\(String(decoding: unknown.body, as: UTF8.self))")
        #expect(!bridge.transport.log.commands.contains("deployVirtualMachine"))
        #expect(try await Self.names(bridge, zone: zone, token: token) == ["taken"])
    }

    /// The second instance cannot attach the disk the first one took: with minCount 2 the first is deleted again and
    /// the operation carries the error; with minCount 1 the first stays.
    @Test func fewerThanMinCountDeletesWhatWasMadeAndTheOperationSaysSo() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (zone, image, _) = try await InstanceTests.setting(bridge, token)
        let (diskStatus, disk) = try await bridge.compute(
            .post, "zones/\(zone)/disks", body: #"{"name": "shared", "sizeGb": "1"}"#, token: token)
        #expect(diskStatus == 200)
        _ = try await bridge.waitDone(disk, token: token)
        let path = "/compute/v1/projects/user1/zones/\(zone)/instances/bulkInsert"
        let shared = #"disks:{"source": "zones/\#(zone)/disks/shared"}"#
        bridge.transport.log.reset()
        let failed = await bridge.send(
            .post, path, body: Self.body(#""count": "2", "minCount": "2", "namePattern": "bulk-#","#, image: image, more: shared),
            token: token)
        #expect(failed.status == 200, "\(String(decoding: failed.body, as: UTF8.self))")
        validator.add("Operation", failed.body, label: "instances.bulkInsert below minCount")
        let operation = try InstanceExtrasTests.object(failed)
        #expect(operation["operationType"] as? String == "bulkInsert" && operation["status"] as? String == "DONE")
        let errors = try #require((operation["error"] as? [String: Any])?["errors"] as? [[String: Any]])
        #expect(errors.first?["code"] as? String == "CONDITION_NOT_MET", "\(errors)")
        #expect(bridge.transport.log.commands.filter { $0 == "deployVirtualMachine" }.count == 1)
        #expect(bridge.transport.log.commands.contains("destroyVirtualMachine"))
        #expect(try await Self.names(bridge, zone: zone, token: token) == [])
        let (_, disks) = try await bridge.compute(.get, "zones/\(zone)/disks", token: token)
        let left = (disks["items"] as? [[String: Any]]) ?? []
        #expect(left.compactMap { $0["name"] as? String } == ["shared"], "\(left)")
        #expect(left.first?["users"] == nil, "the shared disk is detached again")
        let name = try #require(operation["name"] as? String)
        let (_, got) = try await bridge.compute(.get, "zones/\(zone)/operations/\(name)", token: token)
        #expect(got["error"] != nil && got["status"] as? String == "DONE", "\(got)")

        let partial = await bridge.send(
            .post, path, body: Self.body(#""count": "2", "minCount": "1", "namePattern": "bulk-#","#, image: image, more: shared),
            token: token)
        #expect(partial.status == 200, "\(String(decoding: partial.body, as: UTF8.self))")
        #expect(try InstanceExtrasTests.object(partial)["error"] == nil)
        #expect(try await Self.names(bridge, zone: zone, token: token) == ["bulk-1"])
        #expect(try validator.problems() == [])
    }
}

/// `BulkInsertNames` alone: the run of `#` as a zero-padded index, numbering after the highest existing match, and
/// no more names than the run has digits for.
@Suite("instances.bulkInsert names")
struct BulkInsertNamesTests {
    @Test func numberingContinuesAfterTheHighestMatchAndStopsAtTheRunsWidth() throws {
        let pattern = try BulkInsertNames.Pattern("web-##-x")
        #expect(pattern.index(of: "web-07-x") == 7)
        #expect(pattern.index(of: "web-7-x") == nil && pattern.index(of: "web-100-x") == nil && pattern.index(of: "web-0a-x") == nil)
        let names = BulkInsertNames(named: ["web-40-x"], pattern: pattern, count: 3)
        #expect(try names.names(existing: ["web-07-x", "web-100-x", "other"]) == ["web-40-x", "web-41-x", "web-42-x"])
        #expect(throws: GCEError.self) { try names.names(existing: ["web-98-x"]) }
        #expect(try BulkInsertNames(named: [], pattern: pattern, count: 2).names(existing: ["web-97-x"]) == ["web-98-x", "web-99-x"])
        let widest = try BulkInsertNames.Pattern("a" + String(repeating: "#", count: 18))
        #expect(throws: GCEError.self) {
            try BulkInsertNames(named: [], pattern: widest, count: 2).names(existing: ["a" + String(repeating: "9", count: 18)])
        }
        #expect(throws: GCEError.self) { try BulkInsertNames.Pattern("a-#x#") }
        #expect(throws: GCEError.self) { try BulkInsertNames.Pattern("a-" + String(repeating: "#", count: 62)) }
    }
}
