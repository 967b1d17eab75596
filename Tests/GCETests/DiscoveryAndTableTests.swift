import Foundation
import TestSupport
import Testing

@testable import GCE

@Suite("Discovery document, method table, lists and filters")
struct DiscoveryAndTableTests {
    static func installedDocument() throws -> [String: Any] {
        let dir = try Subprocess.run("python3", ["-c", "import googleapiclient,os;print(os.path.dirname(googleapiclient.__file__))"])
            .output.trimmingCharacters(in: .whitespacesAndNewlines)
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/discovery_cache/documents/compute.v1.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyMethodIsInTheRealDiscoveryDocumentVerbatim() throws {
        let document = try Self.installedDocument()
        let resources = try #require(document["resources"] as? [String: Any])
        var methods: [String: (String, String)] = [:]
        for (_, resource) in resources {
            for (_, method) in ((resource as? [String: Any])?["methods"] as? [String: Any]) ?? [:] {
                guard let m = method as? [String: Any], let id = m["id"] as? String else { continue }
                methods[id] = (m["httpMethod"] as? String ?? "", m["path"] as? String ?? "")
            }
        }
        var ids = Set<String>()
        for method in MethodTable.all {
            #expect(ids.insert(method.id).inserted, "duplicate \(method.id)")
            let real = try #require(methods[method.id], "\(method.id) is not a compute v1 method")
            #expect(real.0 == method.httpMethod.rawValue, "\(method.id)")
            #expect(real.1 == method.path, "\(method.id)")
        }
        #expect(MethodTable.all.count == 120)
        #expect(MethodTable.all.map(\.id) == MethodTable.all.map(\.id).sorted())
    }

    @Test func servedDiscoveryPointsAtTheBridgeWithPatternsIntact() async throws {
        let bridge = try TestBridge()
        let response = await bridge.send(.get, "/discovery/v1/apis/compute/v1/rest")
        #expect(response.status == 200)
        let served = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect(served["rootUrl"] as? String == TestBridge.base + "/")
        #expect(served["servicePath"] as? String == "compute/v1/")
        #expect(served["baseUrl"] as? String == TestBridge.base + "/compute/v1/")
        let real = try Self.installedDocument()
        let servedResources = try #require(served["resources"] as? [String: Any])
        let realResources = try #require(real["resources"] as? [String: Any])
        for name in ["instances", "zones", "zoneOperations", "images"] {
            let a = try #require((servedResources[name] as? [String: Any])?["methods"] as? [String: Any])
            let b = try #require((realResources[name] as? [String: Any])?["methods"] as? [String: Any])
            for (method, value) in a {
                let params = ((value as? [String: Any])?["parameters"] as? [String: Any]) ?? [:]
                let realParams = ((b[method] as? [String: Any])?["parameters"] as? [String: Any]) ?? [:]
                for (param, spec) in params {
                    #expect((spec as? [String: Any])?["pattern"] as? String == (realParams[param] as? [String: Any])?["pattern"] as? String)
                }
            }
        }
    }

    @Test func servedDiscoveryHasExactlyTheServedMethods() async throws {
        let bridge = try TestBridge()
        let response = await bridge.send(.get, "/discovery/v1/apis/compute/v1/rest")
        #expect(response.status == 200)
        let served = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        let resources = try #require(served["resources"] as? [String: Any])
        var ids: [String] = []
        for (name, resource) in resources {
            let methods = try #require((resource as? [String: Any])?["methods"] as? [String: Any], "\(name) has no methods")
            #expect(!methods.isEmpty, "\(name) is served with no methods")
            for (_, method) in methods {
                let m = try #require(method as? [String: Any])
                let table = try #require(MethodTable.all.first { $0.id == m["id"] as? String }, "\(m["id"] ?? "?") is not served")
                #expect(m["path"] as? String == table.path && m["httpMethod"] as? String == table.httpMethod.rawValue)
                ids.append(table.id)
            }
        }
        #expect(ids.sorted() == MethodTable.all.map(\.id).sorted())
    }

    @Test func embeddedSubsetIsCurrent() throws {
        let script = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("scripts/gce-discovery-subset.py")
        let outcome = try Subprocess.run("python3", [script.path, "--check"])
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.errors)")
    }

    @Test func filtersInBothForms() throws {
        let zones = ["alpha-1", "beta-2", "alpha-3"].map {
            Zone(id: 1, name: $0, description: nil, status: $0 == "beta-2" ? "DOWN" : "UP", region: "r", selfLink: "s")
        }
        func names(_ text: String) throws -> [String] {
            let filter = try ListFilter(text)
            return zones.filter { filter.matches($0) }.map(\.name)
        }
        #expect(try names("") == ["alpha-1", "beta-2", "alpha-3"])
        #expect(try names("name eq 'alpha-.*'") == ["alpha-1", "alpha-3"])
        #expect(try names("name ne alpha-.*") == ["beta-2"])
        #expect(try names("(name eq alpha-.*)(status eq UP)") == ["alpha-1", "alpha-3"])
        #expect(try names("name = \"beta-2\"") == ["beta-2"])
        #expect(try names("name != \"beta-2\" AND status = UP") == ["alpha-1", "alpha-3"])
        #expect(try names("name = alpha-1 OR name = beta-2") == ["alpha-1", "beta-2"])
        #expect(try names("name = alpha*") == ["alpha-1", "alpha-3"])
        #expect(try names("NOT status = UP") == ["beta-2"])
        #expect(try names("-status = UP") == ["beta-2"])
        #expect(throws: GCEError.self) { try ListFilter("name =") }
        #expect(throws: GCEError.self) { try ListFilter("(name = a") }
        #expect(throws: GCEError.self) { try ListFilter("name eq '(unclosed'") }
        let labelled = Image(
            id: 1, name: "i", description: nil, creationTimestamp: nil, status: "READY", family: nil, archiveSizeBytes: nil,
            diskSizeGb: nil, rawDiskSource: nil, labels: [("env", "prod")], selfLink: "s")
        #expect(try ListFilter("labels.env = prod").matches(labelled))
        #expect(!(try ListFilter("labels.env = dev").matches(labelled)))
    }

    @Test func pagingWithOpaqueTokensAndMaxResults() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        let (_, first) = try await bridge.compute(.get, "zones?maxResults=1&orderBy=name", token: token)
        #expect((first["items"] as? [[String: Any]])?.count == 1)
        let next = try #require(first["nextPageToken"] as? String)
        let (_, second) = try await bridge.compute(.get, "zones?maxResults=1&orderBy=name&pageToken=\(next)", token: token)
        #expect((second["items"] as? [[String: Any]])?.count == 1)
        #expect(second["nextPageToken"] == nil)
        #expect(
            (first["items"] as? [[String: Any]])?.first?["name"] as? String != (second["items"] as? [[String: Any]])?.first?["name"]
                as? String)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones?maxResults=501", token: token).status == 400)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones?pageToken=\(next)&filter=name%3Dx", token: token).status == 400)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones?pageToken=garbage", token: token).status == 400)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones?orderBy=status", token: token).status == 400)
        let (_, filtered) = try await bridge.compute(.get, "zones?filter=name%20eq%20%27.%2Aadvanced.%2A%27", token: token)
        #expect((filtered["items"] as? [[String: Any]])?.count == 1)
    }

    @Test func aeadSealsOpensAndRefusesTampering() throws {
        let key = Array(repeating: UInt8(3), count: 32)
        let box = try AEADCheck.seal(Array("secret".utf8), key: key, aad: Array("ad".utf8))
        #expect(AEADCheck.open(box, key: key, aad: Array("ad".utf8)) == Array("secret".utf8))
        #expect(AEADCheck.open(box, key: key, aad: Array("other".utf8)) == nil)
        var flipped = box
        flipped[14] ^= 1
        #expect(AEADCheck.open(flipped, key: key, aad: Array("ad".utf8)) == nil)
        #expect(AEADCheck.open(box, key: Array(repeating: 4, count: 32), aad: Array("ad".utf8)) == nil)
    }

    @Test func aeadMatchesPythonCryptography() throws {
        let key = (0..<32).map { UInt8($0) }
        let nonce = (0..<12).map { UInt8(100 + $0) }
        let box = try AEADCheck.seal(Array("hello stackbridge".utf8), key: key, nonce: nonce, aad: Array("aad".utf8))
        let script = """
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM
            print(AESGCM(bytes(range(32))).encrypt(bytes(range(100,112)), b"hello stackbridge", b"aad").hex())
            """
        let hex = try Subprocess.run("python3", ["-c", script]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(box.dropFirst(12).map { String(format: "%02x", $0) }.joined() == hex)
    }

    @Test func fieldsSelectPartialResponses() async throws {
        let bridge = try TestBridge()
        let token = try await bridge.token()
        let (_, list) = try await bridge.compute(.get, "zones?fields=items(name,status),nextPageToken", token: token)
        #expect(Set(list.keys) == ["items"])
        let items = try #require(list["items"] as? [[String: Any]])
        #expect(items.count == 2 && items.allSatisfy { Set($0.keys) == ["name", "status"] })
        let (_, slash) = try await bridge.compute(.get, "zones?fields=kind,items/name", token: token)
        #expect(slash["kind"] as? String == "compute#zoneList")
        #expect((slash["items"] as? [[String: Any]])?.allSatisfy { Set($0.keys) == ["name"] } == true)
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/zones?fields=items(name", token: token).status == 400)
        #expect(throws: GCEError.self) { try FieldSelection("a,,b") }
        let merged = try FieldSelection("items/name,items/status")
        #expect(
            String(
                decoding: merged.apply(to: Array("{\"items\":[{\"name\":\"a\",\"status\":\"UP\",\"id\":\"1\"}],\"kind\":\"k\"}".utf8)),
                as: UTF8.self)
                == "{\"items\":[{\"name\":\"a\",\"status\":\"UP\"}]}")
    }
}
