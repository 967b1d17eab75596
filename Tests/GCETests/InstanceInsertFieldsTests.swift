import Foundation
import Pipeline
import Testing

@testable import GCE

/// instances.insert reads or refuses every input member of the compute v1 `Instance` it is given: nothing the schema
/// has is silently dropped (UnsupportedInstanceFields.swift, ServiceAccounts.swift).
@Suite("instances.insert: every schema member read or refused")
struct InstanceInsertFieldsTests {
    /// What instances.insert reads (and honours, or checks against the one value CloudStack has), per schema.
    static let read: [String: Set<String>] = [
        "Instance": [
            "description", "disks", "labels", "machineType", "metadata", "name", "networkInterfaces", "reservationAffinity",
            "scheduling", "serviceAccounts", "tags",
            // Fingerprints are sent back from a get; GCE ignores them on insert.
            "fingerprint", "labelFingerprint",
        ],
        // `diskSizeGb` is what a get shows; sent back it is ignored, as GCE sizes a disk by `initializeParams`.
        "AttachedDisk": ["autoDelete", "boot", "deviceName", "diskSizeGb", "initializeParams", "interface", "mode", "source", "type"],
        "AttachedDiskInitializeParams": ["diskName", "diskSizeGb", "diskType", "sourceImage", "sourceSnapshot"],
        "NetworkInterface": ["accessConfigs", "fingerprint", "network", "networkIP", "subnetwork"],
    ]

    static func refusedList(_ schema: String) -> [String] {
        switch schema {
        case "Instance": UnsupportedInstanceFields.instance.map(\.name)
        case "AttachedDisk": UnsupportedInstanceFields.attachedDisk.map(\.name)
        case "AttachedDiskInitializeParams": UnsupportedInstanceFields.initializeParams.map(\.name)
        default: UnsupportedInstanceFields.networkInterface.map(\.name)
        }
    }

    @Test(arguments: ["Instance", "AttachedDisk", "AttachedDiskInitializeParams", "NetworkInterface"])
    func everyInputMemberOfTheRealSchemaIsReadOrRefused(schema: String) throws {
        let document = try DiscoveryAndTableTests.installedDocument()
        let schemas = try #require(document["schemas"] as? [String: Any])
        let properties = try #require((schemas[schema] as? [String: Any])?["properties"] as? [String: [String: Any]])
        let input = Set(
            properties.filter { !(($0.value["description"] as? String)?.contains("[Output Only]") ?? false) }.keys)
        let refused = Self.refusedList(schema)
        #expect(Set(refused).count == refused.count, "a member listed twice")
        #expect(Set(refused).isDisjoint(with: Self.read[schema] ?? []))
        let neither = input.subtracting(Self.read[schema] ?? []).subtracting(refused)
        #expect(neither.isEmpty, "\(schema) members neither read nor refused: \(neither.sorted())")
        #expect(Set(refused).isSubset(of: properties.keys), "\(schema): listed members the schema does not have")
    }

    /// An insert body around `fragment`, which is spliced into the Instance (`instance`), its boot disk (`disk`), the
    /// boot disk's initializeParams (`params`) or its first network interface (`nic`).
    static func body(zone: String, image: String, instance: String = "", disk: String = "", params: String = "", nic: String = "")
        -> String
    {
        func more(_ fragment: String) -> String { fragment.isEmpty ? "" : ", " + fragment }
        return """
            {"name": "strict-1", "machineType": "zones/\(zone)/machineTypes/small-instance"\(more(instance)),
             "disks": [{"boot": true\(more(disk)), "initializeParams": {"sourceImage": "global/images/\(image)"\(more(params))}}],
             "networkInterfaces": [{"network": "global/networks/default"\(more(nic))}]}
            """
    }

    @Test(arguments: [
        (#"instance:"canIpForward": true"#, "canIpForward"),
        (#"instance:"guestAccelerators": [{"acceleratorCount": 1}]"#, "guestAccelerators"),
        (#"instance:"minCpuPlatform": "Intel Skylake""#, "minCpuPlatform"),
        (#"instance:"shieldedInstanceConfig": {"enableSecureBoot": true}"#, "shieldedInstanceConfig"),
        (#"instance:"confidentialInstanceConfig": {"enableConfidentialCompute": true}"#, "confidentialInstanceConfig"),
        (#"instance:"resourcePolicies": ["regions/r/resourcePolicies/p"]"#, "resourcePolicies"),
        (#"instance:"sourceMachineImage": "global/machineImages/m""#, "sourceMachineImage"),
        (#"instance:"keyRevocationActionType": "STOP""#, "keyRevocationActionType"),
        (#"instance:"privateIpv6GoogleAccess": "ENABLE_OUTBOUND_VM_ACCESS_TO_GOOGLE""#, "privateIpv6GoogleAccess"),
        (#"instance:"scheduling": {"onHostMaintenance": "TERMINATE"}"#, "onHostMaintenance"),
        (#"instance:"scheduling": {"automaticRestart": false}"#, "automaticRestart"),
        (#"instance:"serviceAccounts": [{"email": "robot@example.iam.gserviceaccount.com", "scopes": []}]"#, "email"),
        (#"instance:"serviceAccounts": [{"email": "default"}, {"email": "default"}]"#, "serviceAccounts"),
        (#"instance:"deletionProtection": true"#, "deletionProtection"),
        (#"disk:"autoDelete": false"#, "autoDelete"), (#"disk:"deviceName": "other""#, "deviceName"),
        (#"disk:"mode": "READ_ONLY""#, "mode"), (#"disk:"guestOsFeatures": [{"type": "UEFI_COMPATIBLE"}]"#, "guestOsFeatures"),
        (#"disk:"source": "zones/z/disks/d""#, "source"),
        (#"params:"diskName": "another-name""#, "diskName"),
        (#"params:"labels": {"a": "b"}"#, "labels"), (#"params:"description": "root""#, "description"),
        (#"params:"provisionedIops": "3000""#, "provisionedIops"), (#"params:"resourcePolicies": ["p"]"#, "resourcePolicies"),
        (#"nic:"aliasIpRanges": [{"ipCidrRange": "/24"}]"#, "aliasIpRanges"),
        (#"nic:"stackType": "IPV4_IPV6""#, "stackType"), (#"nic:"nicType": "GVNIC""#, "nicType"), (#"nic:"queueCount": 4"#, "queueCount"),
    ])
    func aMemberCloudStackCannotHonourIsRefusedNamingIt(fragment: String, member: String) async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (zone, image, _) = try await InstanceTests.setting(bridge, token)
        let place = fragment.prefix { $0 != ":" }
        let text = String(fragment.dropFirst(place.count + 1))
        let body = Self.body(
            zone: zone, image: image, instance: place == "instance" ? text : "", disk: place == "disk" ? text : "",
            params: place == "params" ? text : "", nic: place == "nic" ? text : "")
        bridge.transport.log.reset()
        let response = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances", body: body, token: token)
        let answer = String(decoding: response.body, as: UTF8.self)
        #expect(response.status == 400, "\(answer)")
        #expect(answer.contains(member), "\(answer)")
        #expect(bridge.transport.log.commands == [])
    }

    /// What libcloud's `create_node` sends: every member at the value CloudStack has, and the default service account.
    @Test func libcloudsDefaultsAreAcceptedAndTheServiceAccountIsShownBack() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let (zone, image, _) = try await InstanceTests.setting(bridge, token)
        let body = Self.body(
            zone: zone, image: image,
            instance: """
                "canIpForward": false, "deletionProtection": false, "guestAccelerators": [], "minCpuPlatform": "Automatic",
                "scheduling": {"onHostMaintenance": "MIGRATE", "automaticRestart": true, "preemptible": false},
                "serviceAccounts": [{"email": "default", "scopes": ["https://www.googleapis.com/auth/devstorage.read_only", "compute"]}]
                """,
            disk: #""autoDelete": true, "type": "PERSISTENT", "mode": "READ_WRITE", "deviceName": "strict-1""#,
            params: #""diskName": "strict-1", "diskType": "zones/\#(zone)/diskTypes/pd-standard""#,
            nic: #""accessConfigs": [{"name": "External NAT", "type": "ONE_TO_ONE_NAT"}]"#)
        let insert = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances", body: body, token: token)
        #expect(insert.status == 200, "\(String(decoding: insert.body, as: UTF8.self))")
        _ = try await bridge.waitDone(try InstanceExtrasTests.object(insert), token: token)
        let get = await bridge.send(.get, "/compute/v1/projects/user1/zones/\(zone)/instances/strict-1", token: token)
        validator.add("Instance", get.body, label: "instances.get with a service account")
        let instance = try InstanceExtrasTests.object(get)
        let accounts = try #require(instance["serviceAccounts"] as? [[String: Any]])
        #expect(accounts.count == 1)
        #expect(accounts.first?["email"] as? String == "default")
        #expect(
            accounts.first?["scopes"] as? [String] == [
                "https://www.googleapis.com/auth/devstorage.read_only", "https://www.googleapis.com/auth/compute",
            ])
        #expect((instance["labels"] as? [String: String] ?? [:]).isEmpty, "the scopes tag is not a label")
        #expect(try validator.problems() == [])

        // instances.update takes the service account back unchanged, and refuses a change to it.
        let path = "/compute/v1/projects/user1/zones/\(zone)/instances/strict-1"
        let same = String(decoding: try JSONSerialization.data(withJSONObject: instance), as: UTF8.self)
        #expect(await bridge.send(.put, path, body: same, token: token).status == 200)
        var changed = instance
        changed["serviceAccounts"] = [["email": "default", "scopes": ["https://www.googleapis.com/auth/cloud-platform"]]]
        let refused = await bridge.send(
            .put, path, body: String(decoding: try JSONSerialization.data(withJSONObject: changed), as: UTF8.self), token: token)
        #expect(refused.status == 400)
        #expect(String(decoding: refused.body, as: UTF8.self).contains("serviceAccounts"))
    }

    /// The boot disk's `diskType` is the root volume's disk offering (deploy `overridediskofferingid`); an unknown
    /// one is 404 before anything is made.
    @Test func theBootDiskTypeIsTheRootVolumesDiskOffering() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (zone, image, _) = try await InstanceTests.setting(bridge, token)
        let (_, types) = try await bridge.compute(.get, "zones/\(zone)/diskTypes", token: token)
        let type = try #require(
            (types["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String }.first { $0 != BootDiskType.name })
        bridge.transport.log.reset()
        let unknown = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances",
            body: Self.body(zone: zone, image: image, params: #""diskType": "zones/\#(zone)/diskTypes/no-such-type""#), token: token)
        #expect(unknown.status == 404)
        #expect(!bridge.transport.log.commands.contains("deployVirtualMachine"))
        let insert = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances",
            body: Self.body(zone: zone, image: image, params: #""diskType": "zones/\#(zone)/diskTypes/\#(type)""#), token: token)
        #expect(insert.status == 200, "\(String(decoding: insert.body, as: UTF8.self))")
        _ = try await bridge.waitDone(try InstanceExtrasTests.object(insert), token: token)
        let (status, disk) = try await bridge.compute(.get, "zones/\(zone)/disks/strict-1", token: token)
        #expect(status == 200)
        #expect((disk["type"] as? String)?.hasSuffix("/diskTypes/\(type)") == true, "\(disk)")
    }
}
