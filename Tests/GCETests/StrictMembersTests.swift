import Foundation
import Testing

@testable import GCE

/// Issue #14: a request member the method does not take is refused, never dropped. Names the schema does not have
/// get Google's "Unknown name" 400; schema fields CloudStack cannot honour get a 400 naming the field (their
/// no-op values pass); output-only members sent back from a get pass; unknown query parameters are refused.
/// Every refusal happens in `decode`: zero CloudStack calls.
@Suite struct StrictMembersTests {
    static func body(zone: String, image: String, name: String = "strict-1", extra: String = "", disk: String = "", nic: String = "")
        -> String
    {
        """
        {"name": "\(name)", "machineType": "zones/\(zone)/machineTypes/small-instance"\(extra),
         "disks": [{"boot": true, "initializeParams": {"sourceImage": "global/images/\(image)"}\(disk)}],
         "networkInterfaces": [{"network": "global/networks/default"\(nic)}]}
        """
    }

    static func message(_ body: [UInt8]) -> String {
        let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        return (object?["error"] as? [String: Any])?["message"] as? String ?? ""
    }

    @Test func unhonouredInstanceFieldsAreRefusedNamingThemWithoutCallingCloudStack() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (zone, image, _) = try await InstanceTests.setting(bridge, token)
        let refused: [(field: String, extra: String, disk: String, nic: String)] = [
            ("resource.deletionProtection", #", "deletionProtection": true"#, "", ""),
            ("resource.hostname", #", "hostname": "web.example.com""#, "", ""),
            ("resource.disks[0].diskEncryptionKey", "", #", "diskEncryptionKey": {"rawKey": "AAAA"}"#, ""),
            ("resource.networkInterfaces[0].aliasIpRanges", "", "", #", "aliasIpRanges": [{"ipCidrRange": "10.9.0.0/24"}]"#),
            ("resource.scheduling.preemptible", #", "scheduling": {"preemptible": true}"#, "", ""),
            ("resource.scheduling.provisioningModel", #", "scheduling": {"provisioningModel": "SPOT"}"#, "", ""),
            (
                "resource.reservationAffinity.consumeReservationType",
                #", "reservationAffinity": {"consumeReservationType": "SPECIFIC_RESERVATION"}"#, "", ""
            ),
        ]
        for (field, extra, disk, nic) in refused {
            bridge.transport.log.reset()
            let response = await bridge.send(
                .post, "/compute/v1/projects/user1/zones/\(zone)/instances",
                body: Self.body(zone: zone, image: image, extra: extra, disk: disk, nic: nic), token: token)
            #expect(response.status == 400, "\(field)")
            let leaf = field.split(separator: ".").last.map(String.init) ?? field
            if field.hasPrefix("resource.scheduling.") {
                // As instances.setScheduling answers: the one value CloudStack offers, and why.
                #expect(Self.message(response.body).hasPrefix("Invalid value for field '\(field)': "), "\(field)")
                #expect(Self.message(response.body).contains("CloudStack 4.18 only offers \(leaf)"), "\(field)")
            } else {
                #expect(
                    Self.message(response.body) == "Invalid value for field '\(field)': \(leaf) is not supported by this CloudStack cloud")
            }
            #expect(bridge.transport.log.commands == [], "\(field) called CloudStack")
        }
        // Their default values change nothing and are accepted.
        let defaults =
            #", "deletionProtection": false, "hostname": "", "scheduling": {"preemptible": false, "provisioningModel": "STANDARD", "#
            + #""automaticRestart": true}, "reservationAffinity": {"consumeReservationType": "ANY_RESERVATION"}"#
        let accepted = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances",
            body: Self.body(zone: zone, image: image, extra: defaults, disk: #", "diskEncryptionKey": {}"#), token: token)
        #expect(accepted.status == 200, "\(String(decoding: accepted.body, as: UTF8.self))")
        let operation = try #require(try JSONSerialization.jsonObject(with: Data(accepted.body)) as? [String: Any])
        let done = try await bridge.waitDone(operation, token: token)
        #expect(done["error"] == nil)
    }

    @Test func namesOutsideTheSchemaAreUnknownAtAnyDepth() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (zone, image, _) = try await InstanceTests.setting(bridge, token)
        let cases: [(String, String)] = [
            (
                Self.body(zone: zone, image: image, extra: #", "colour": "red""#),
                #"Invalid JSON payload received. Unknown name "colour" at 'instance': Cannot find field."#
            ),
            (
                Self.body(zone: zone, image: image, disk: #", "initializeParams2": {}"#),
                #"Invalid JSON payload received. Unknown name "initializeParams2" at 'instance.disks[0]': Cannot find field."#
            ),
            (
                Self.body(zone: zone, image: image, extra: #", "scheduling": {"spot": true}"#),
                #"Invalid JSON payload received. Unknown name "spot" at 'instance.scheduling': Cannot find field."#
            ),
        ]
        for (body, expected) in cases {
            bridge.transport.log.reset()
            let response = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances", body: body, token: token)
            #expect(response.status == 400)
            #expect(Self.message(response.body) == expected)
            #expect(bridge.transport.log.commands == [])
        }
        bridge.transport.log.reset()
        let labels = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances/x/setLabels",
            body: #"{"labels": {"a": "b"}, "labelFingerprint": "AAAA", "label": "c"}"#, token: token)
        #expect(labels.status == 400)
        #expect(
            Self.message(labels.body)
                == #"Invalid JSON payload received. Unknown name "label" at 'instancesSetLabelsRequest': Cannot find field."#)
        #expect(bridge.transport.log.commands == [])
    }

    @Test func unknownQueryParametersAreRefusedAndStandardOnesPass() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        for uri in ["zones?colour=red", "zones/z1?maxResults=3", "global/images?pageSize=2"] {
            bridge.transport.log.reset()
            let response = await bridge.send(.get, "/compute/v1/projects/user1/" + uri, token: token)
            #expect(response.status == 400, "\(uri)")
            let name = String(uri.split(separator: "?")[1].split(separator: "=")[0])
            #expect(
                Self.message(response.body)
                    == "Invalid JSON payload received. Unknown name \"\(name)\": Cannot bind query parameter. "
                    + "Field '\(name)' could not be found in request message.")
            #expect(bridge.transport.log.commands == [], "\(uri)")
        }
        for uri in [
            "zones?alt=json&prettyPrint=false&$alt=json", "zones?maxResults=2&orderBy=name", "aggregated/instances?includeAllScopes=true",
            "global/images?quotaUser=q",
        ] {
            let response = await bridge.send(.get, "/compute/v1/projects/user1/" + uri, token: token)
            #expect(response.status == 200, "\(uri): \(String(decoding: response.body, as: UTF8.self))")
        }
    }

    @Test func aResourceFromAGetSentBackIsNotRefusedForItsOutputOnlyFields() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let (zone, image, _) = try await InstanceTests.setting(bridge, token)
        let first = await bridge.send(
            .post, "/compute/v1/projects/user1/zones/\(zone)/instances",
            body: Self.body(zone: zone, image: image, extra: #", "labels": {"env": "prod"}, "tags": {"items": ["web"]}"#),
            token: token)
        #expect(first.status == 200, "\(String(decoding: first.body, as: UTF8.self))")
        let operation = try #require(try JSONSerialization.jsonObject(with: Data(first.body)) as? [String: Any])
        _ = try await bridge.waitDone(operation, token: token)
        let (status, fetched) = try await bridge.compute(.get, "zones/\(zone)/instances/strict-1", token: token)
        #expect(status == 200)
        #expect(fetched["id"] != nil && fetched["kind"] != nil && fetched["selfLink"] != nil && fetched["status"] != nil)
        #expect(fetched["labelFingerprint"] != nil && fetched["creationTimestamp"] != nil)
        var copy = fetched
        copy["name"] = "strict-2"
        // The boot disk as a get shows it, plus what a new instance needs to create one.
        var disks = try #require(fetched["disks"] as? [[String: Any]])
        disks[0].removeValue(forKey: "source")
        // An input member, not output-only: the boot disk's device name is its instance's (a different one is refused).
        disks[0]["deviceName"] = "strict-2"
        disks[0]["initializeParams"] = ["sourceImage": "global/images/\(image)"]
        copy["disks"] = disks
        // The interface's address is the first instance's now (networkIP is honoured): GCE would refuse it too.
        var interfaces = try #require(fetched["networkInterfaces"] as? [[String: Any]])
        interfaces[0].removeValue(forKey: "networkIP")
        // The access config's `natIP` is the first instance's address, in use: GCE refuses it too (docs/decisions/0013).
        interfaces[0]["accessConfigs"] = (interfaces[0]["accessConfigs"] as? [[String: Any]])?.map { $0.filter { $0.key != "natIP" } }
        copy["networkInterfaces"] = interfaces
        let body = String(decoding: try JSONSerialization.data(withJSONObject: copy), as: UTF8.self)
        let second = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances", body: body, token: token)
        #expect(second.status == 200, "\(String(decoding: second.body, as: UTF8.self))")
        let secondOperation = try #require(try JSONSerialization.jsonObject(with: Data(second.body)) as? [String: Any])
        #expect(try await bridge.waitDone(secondOperation, token: token)["error"] == nil)
        let (_, made) = try await bridge.compute(.get, "zones/\(zone)/instances/strict-2", token: token)
        #expect(made["labels"] as? [String: String] == ["env": "prod"])
    }
}
