import Foundation
import Pipeline
import Testing

@testable import GCE

/// Issue #14 part A: every method builds and checks its whole input in `decode`, so malformed input of any kind
/// (body, names, filter, orderBy, pageToken, maxResults, fields) is refused with no CloudStack call at all.
///
/// The cases come from the real compute v1 discovery document: every served method, every name parameter in its
/// path, the list options it declares, and a request body when it takes one.
@Suite struct DecodeRefusalTests {
    /// A body each body-taking method refuses for its content (well-formed JSON): a new method needs a line here.
    static let invalidBodies: [String: String] = [
        "compute.addresses.insert": #"{"name": "a", "addressType": "INTERNAL"}"#,
        "compute.addresses.setLabels": #"{"labels": {"Bad": "x"}, "labelFingerprint": "AAAA"}"#,
        "compute.disks.bulkSetLabels": #"{"requests": [{"labels": {"Bad": "x"}, "labelFingerprint": "AAAA"}]}"#,
        "compute.disks.createSnapshot": #"{"name": "s", "snapshotEncryptionKey": {"rawKey": "x"}}"#,
        "compute.disks.insert": #"{"name": "d", "sizeGb": "0"}"#,
        "compute.disks.resize": #"{"sizeGb": "huge"}"#,
        "compute.disks.setLabels": #"{"labels": {"Bad": "x"}, "labelFingerprint": "AAAA"}"#,
        "compute.firewalls.insert": #"{"name": "fw", "allowed": [{"IPProtocol": "tcp"}], "denied": [{"IPProtocol": "udp"}]}"#,
        "compute.firewalls.patch": #"{"allowed": [{"IPProtocol": "tcp", "ports": ["70000"]}]}"#,
        "compute.firewalls.update": #"{"name": "fw", "allowed": [{"IPProtocol": "gre"}]}"#,
        "compute.globalAddresses.insert": #"{"name": "a", "address": "not-an-address"}"#,
        "compute.images.deprecate": #"{"state": "GONE"}"#,
        "compute.images.insert": #"{"name": "Not_A_Name", "sourceDisk": "zones/z/disks/d"}"#,
        "compute.images.patch": #"{"sourceDisk": "zones/z/disks/d"}"#,
        "compute.images.setLabels": #"{"labels": {"Bad": "x"}, "labelFingerprint": "AAAA"}"#,
        "compute.instanceGroups.addInstances": #"{"instances": [{"instance": 7}]}"#,
        "compute.instances.bulkInsert": #"{"count": "0", "namePattern": "vm-##", "instanceProperties": {}}"#,
        "compute.instanceGroups.insert": #"{"name": "Bad_Name"}"#,
        "compute.instanceGroups.listInstances": #"{"instanceState": "STOPPED"}"#,
        "compute.instanceGroups.removeInstances": #"{"instances": "all"}"#,
        "compute.instanceGroups.setNamedPorts": #"{"namedPorts": [{"name": "http", "port": 80}]}"#,
        "compute.instances.addAccessConfig": #"{"name": "External NAT", "setPublicPtr": true}"#,
        "compute.instances.addNetworkInterface": #"{"network": "global/networks/n", "networkIP": "not-an-address"}"#,
        "compute.instances.attachDisk": #"{"source": "zones/z/disks/d", "mode": "READ_ONLY"}"#,
        "compute.instances.insert":
            #"{"name": "ok", "machineType": "small-instance", "disks": [{"initializeParams": {"sourceImage": "global/images/i", "diskSizeGb": "big"}}]}"#,
        "compute.instances.setLabels": #"{"labels": {"Bad": "x"}, "labelFingerprint": "AAAA"}"#,
        "compute.instances.setMachineType": #"{"machineType": 4}"#,
        "compute.instances.setMetadata": #"{"items": [{"key": "ssh-keys", "value": "not a key"}], "fingerprint": "AAAA"}"#,
        "compute.instances.setName": #"{"name": "Bad_Name", "currentName": "ok"}"#,
        "compute.instances.setScheduling": #"{"preemptible": true}"#,
        "compute.instances.setTags": #"{"items": ["Bad Tag"], "fingerprint": "AAAA"}"#,
        "compute.instances.updateAccessConfig": #"{"networkTier": "STANDARD"}"#,
        "compute.instances.update": #"{"labels": {"Bad": "x"}}"#,
        "compute.networks.insert": #"{"name": "n", "autoCreateSubnetworks": false, "mtu": 9000}"#,
        "compute.networks.patch": #"{"routingConfig": {"routingMode": "GLOBAL"}}"#,
        "compute.projects.setCommonInstanceMetadata": #"{"items": [{"value": "no key"}]}"#,
        "compute.routes.insert":
            #"{"name": "r", "network": "global/networks/n", "destRange": "10.0.0.0/8", "nextHopInstance": "zones/z/instances/i"}"#,
        "compute.snapshots.insert": #"{"name": "s", "sourceDisk": "not-a-disk-link"}"#,
        "compute.snapshots.setLabels": #"{"labels": {"Bad": "x"}, "labelFingerprint": "AAAA"}"#,
        "compute.subnetworks.insert": #"{"name": "s", "network": "global/networks/n", "ipCidrRange": "10.0.0.5/24"}"#,
        "compute.subnetworks.patch": #"{"secondaryIpRanges": [{"rangeName": "r", "ipCidrRange": "10.9.0.0/24"}]}"#,
    ]

    struct Case: CustomStringConvertible {
        let method: HTTPMethod
        let uri: String
        let body: String?
        let why: String
        var description: String { "\(method.rawValue) \(uri) (\(why))" }
    }

    /// The served methods as the discovery document describes them: id, path, parameters, whether a body is taken.
    static func describedMethods() throws -> [(id: String, path: String, parameters: [String: [String: Any]], body: Bool)] {
        let document = try DiscoveryAndTableTests.installedDocument()
        let resources = try #require(document["resources"] as? [String: Any])
        var described: [String: (String, [String: [String: Any]], Bool)] = [:]
        for (_, resource) in resources {
            for (_, value) in ((resource as? [String: Any])?["methods"] as? [String: Any]) ?? [:] {
                guard let method = value as? [String: Any], let id = method["id"] as? String, let path = method["path"] as? String
                else { continue }
                let parameters = (method["parameters"] as? [String: [String: Any]]) ?? [:]
                described[id] = (path, parameters, method["request"] != nil)
            }
        }
        return try MethodTable.all.map { method in
            let (path, parameters, body) = try #require(described[method.id], "\(method.id)")
            return (method.id, path, parameters, body)
        }
    }

    static func cases() throws -> [Case] {
        var cases: [Case] = []
        for described in try describedMethods() {
            let method = try #require(MethodTable.all.first { $0.id == described.id })
            let names = PathTemplate(described.path).segments.compactMap { segment -> String? in
                if case .parameter(let name) = segment { return name }
                return nil
            }
            func uri(_ replacing: String? = nil, with bad: String = "") -> String {
                var path = described.path
                for name in names {
                    let value: String
                    if name == replacing {
                        value = bad
                    } else {
                        switch name {
                        case "project": value = "user1"
                        case "operation": value = "opi-jabcdefghijklmnopqrstuvwxyz-abcdefghijklmnopqrstuvwxyz"
                        default: value = "some-\(name.lowercased())"
                        }
                    }
                    path = path.replacingOccurrences(of: "{\(name)}", with: value)
                }
                return "/compute/v1/" + path
            }
            let body = described.body ? "{}" : nil
            cases.append(Case(method: method.httpMethod, uri: uri() + "?fields=items(name", body: body, why: "unbalanced fields mask"))
            cases.append(Case(method: method.httpMethod, uri: uri() + "?alt=proto", body: body, why: "alt"))
            cases.append(Case(method: method.httpMethod, uri: uri() + "?colour=red", body: body, why: "unknown query parameter"))
            for name in names where name != "project" && name != "operation" {
                cases.append(Case(method: method.httpMethod, uri: uri(name, with: "Not_A_Name"), body: body, why: "bad \(name)"))
            }
            if names.contains("operation") {
                cases.append(
                    Case(method: method.httpMethod, uri: uri("operation", with: "not-ours"), body: body, why: "foreign operation name"))
            }
            if described.parameters["filter"] != nil {
                for (query, why) in [
                    ("filter=name+eq+%27(%27", "unbalanced regular expression"), ("filter=name+%3D", "filter without value"),
                    ("orderBy=zone", "unsupported orderBy"), ("pageToken=not-a-token", "forged pageToken"),
                    ("maxResults=-1", "negative maxResults"), ("maxResults=501", "maxResults over 500"),
                ] {
                    cases.append(Case(method: method.httpMethod, uri: uri() + "?" + query, body: nil, why: why))
                }
            }
            if described.body {
                cases.append(Case(method: method.httpMethod, uri: uri(), body: #"{"name": "#, why: "truncated JSON"))
                cases.append(Case(method: method.httpMethod, uri: uri(), body: "[1, 2]", why: "body not an object"))
                let invalid = try #require(invalidBodies[described.id], "\(described.id) takes a body: add an invalid one to the table")
                cases.append(Case(method: method.httpMethod, uri: uri(), body: invalid, why: "invalid body content"))
                cases.append(Case(method: method.httpMethod, uri: uri(), body: #"{"colour": "red"}"#, why: "unknown body member"))
            }
        }
        return cases
    }

    @Test func everyMethodRefusesMalformedInputWithoutCallingCloudStack() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        let cases = try Self.cases()
        #expect(cases.count > MethodTable.all.count * 3)
        for testCase in cases {
            bridge.transport.log.reset()
            let response = await bridge.send(testCase.method, testCase.uri, body: testCase.body, token: token)
            let text = String(decoding: response.body, as: UTF8.self)
            let expected = testCase.why == "foreign operation name" ? 404 : 400
            #expect(response.status == expected, "\(testCase): \(text)")
            #expect(text.hasPrefix(#"{"error":{"code":"#), "\(testCase): \(text)")
            #expect(bridge.transport.log.commands == [], "\(testCase) called CloudStack")
        }
    }

    @Test func everyBodyTableEntryIsAServedMethodThatTakesABody() throws {
        let withBodies = Set(try Self.describedMethods().filter(\.body).map(\.id))
        #expect(Set(Self.invalidBodies.keys) == withBodies)
    }

    @Test func theSameRequestsWithValidInputDoReachCloudStack() async throws {
        // The counter above must be able to fail: a well-formed list and get do call CloudStack.
        let bridge = try TestBridge()
        let token = try await bridge.token()
        bridge.transport.log.reset()
        let (status, _) = try await bridge.compute(.get, "zones?filter=name+eq+%27.*%27&orderBy=name&maxResults=2", token: token)
        #expect(status == 200)
        #expect(bridge.transport.log.commands.contains("listZones"))
    }

    @Test(arguments: [
        (
            #"{"name": "a", "machineType": "m", "disks": [{"initializeParams": {"sourceImage": "i", "diskSizeGb": true}}]}"#,
            "resource.disks[0].initializeParams.diskSizeGb"
        ),
        (
            #"{"name": "a", "machineType": "m", "disks": [{"initializeParams": {"sourceImage": "i"}}], "labels": {"env": 1}}"#,
            "resource.labels.env"
        ),
        (
            #"{"name": "a", "machineType": "m", "disks": [{"initializeParams": {"sourceImage": "i"}}], "tags": {"items": "web"}}"#,
            "resource.tags.items"
        ),
        (
            #"{"name": "a", "machineType": "m", "disks": [{"initializeParams": {"sourceImage": "i"}}], "metadata": {"items": [{"value": "v"}]}}"#,
            "resource.metadata.items[0].key"
        ),
        (#"{"name": ["a"], "machineType": "m"}"#, "resource.name"),
        (
            #"{"name": "a", "machineType": "m", "disks": [{"initializeParams": {"sourceImage": "i", "diskSizeGb": "-5"}}]}"#,
            "resource.disks[0].initializeParams.diskSizeGb"
        ),
        (#"{"name": "a", "machineType": "m", "disks": [{}]}"#, "resource.disks[0].initializeParams.sourceImage"),
        (
            #"{"name": "a", "machineType": "zones/z/machineTypes/Big One", "disks": [{"initializeParams": {"sourceImage": "i"}}]}"#,
            "resource.machineType"
        ),
        (
            #"{"name": "a", "machineType": "m", "disks": [{"initializeParams": {"sourceImage": "global/images/My_Image"}}]}"#,
            "resource.disks[0].initializeParams.sourceImage"
        ),
        (
            #"{"name": "a", "machineType": "m", "disks": [{"initializeParams": {"sourceImage": "global/images/family/"}}]}"#,
            "resource.disks[0].initializeParams.sourceImage"
        ),
        (
            #"{"name": "a", "machineType": "m", "disks": [{"initializeParams": {"sourceImage": "i"}}], "networkInterfaces": [{"network": "global/networks/Lan 1"}]}"#,
            "resource.networkInterfaces[0].network"
        ),
    ])
    func instancesInsertNamesTheMemberItRefuses(body: String, member: String) throws {
        let request = MethodRequest(
            path: ["project": "p", "zone": "z"], query: FormFields([UInt8]()), body: Array(body.utf8))
        do {
            _ = try InstancesInsert.decode(request)
            Issue.record("accepted \(body)")
        } catch {
            #expect(error.status == 400)
            #expect(error.message.contains("'\(member)'"), "\(error.message)")
        }
    }

    @Test func referencesInOtherBodiesAreCheckedToo() throws {
        let setMachineType = MethodRequest(
            path: ["project": "p", "zone": "z", "instance": "i"], query: FormFields([UInt8]()),
            body: Array(#"{"machineType": "zones/z/machineTypes/N1 Standard"}"#.utf8))
        #expect(throws: GCEError.invalid("Invalid value for field 'machineType': 'zones/z/machineTypes/N1 Standard'")) {
            try InstancesSetMachineType.decode(setMachineType)
        }
        let image = MethodRequest(
            path: ["project": "p"], query: FormFields([UInt8]()),
            body: Array(#"{"name": "img", "sourceDisk": "projects/p/zones/z/disks/Data Disk"}"#.utf8))
        #expect(throws: GCEError.invalid("Invalid value for field 'resource.sourceDisk': 'projects/p/zones/z/disks/Data Disk'")) {
            try ImagesInsert.decode(image)
        }
    }

    @Test func aWellFormedInsertDecodesToWhatItSays() throws {
        let body = #"""
            {"name": "web-1", "machineType": "zones/z/machineTypes/custom-2-4096", "description": "d",
             "disks": [{"boot": true, "initializeParams": {"sourceImage": "global/images/family/f", "diskSizeGb": 20}}],
             "networkInterfaces": [{"network": "global/networks/default"}], "labels": {"b": "2", "a": "1"},
             "tags": {"items": ["http"]}, "metadata": {"items": [{"key": "ssh-keys", "value": "me:ssh-ed25519 AAAA me"}]}}
            """#
        let input = try InstancesInsert.decode(
            MethodRequest(path: ["project": "p", "zone": "z"], query: FormFields([UInt8]()), body: Array(body.utf8)))
        #expect(input.zone == "z")
        #expect(input.name == "web-1")
        #expect(input.machineType == "zones/z/machineTypes/custom-2-4096")
        #expect(input.sourceImage == "global/images/family/f")
        #expect(input.diskSizeGb == 20)
        #expect(input.interfaces.map(\.network) == ["default"])
        #expect(RequestedInterface.leftToCloudStack(input.interfaces), "default with nothing fixed lets CloudStack choose")
        #expect(input.labels.map(\.key) == ["a", "b"])
        #expect(input.networkTags == ["http"])
        #expect(input.sshKeys.keys.map(\.key) == ["AAAA"])
    }
}
