import CloudStackSimulator
import Foundation
import Testing

/// Operations follow their CloudStack job (PENDING, then RUNNING, then DONE) and only their progress, status,
/// start and end times and error ever change between two answers for the same operation (issue #14).
@Suite struct OperationPhaseTests {
    /// The members an operation may change between answers; everything else must read the same every time.
    static let changing: Set<String> = ["status", "progress", "startTime", "endTime", "error", "httpErrorStatusCode", "httpErrorMessage"]

    static func object(_ body: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
    }

    /// Every member of `first` except the changing ones is in `later` with the same value, and `later` adds none.
    static func expectStable(_ first: [String: Any], _ later: [String: Any], _ label: String) {
        let keys = Set(first.keys).union(later.keys).subtracting(changing)
        for key in keys.sorted() {
            #expect(
                (first[key] as? NSObject) == (later[key] as? NSObject),
                "\(label): \(key) was \(first[key] ?? "absent"), then \(later[key] ?? "absent")")
        }
    }

    static func insertInstance(_ bridge: TestBridge, _ token: String, name: String) async throws -> String {
        let (zone, image, machineType) = try await InstanceTests.setting(bridge, token)
        let body = """
            {"name": "\(name)", "machineType": "zones/\(zone)/machineTypes/\(machineType)",
             "disks": [{"boot": true, "autoDelete": true, "initializeParams": {"sourceImage": "global/images/\(image)"}}],
             "networkInterfaces": [{"network": "global/networks/default"}]}
            """
        let insert = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances", body: body, token: token)
        #expect(insert.status == 200, "\(String(decoding: insert.body, as: UTF8.self))")
        _ = try await bridge.waitDone(try object(insert.body), token: token)
        return zone
    }

    @Test func aDeleteOperationKeepsItsTargetLinkAndInsertTimeOnceTheInstanceIsGone() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let zone = try await Self.insertInstance(bridge, token, name: "gone-1")
        bridge.clock.advance(seconds: 30)

        let delete = await bridge.send(.delete, "/compute/v1/projects/user1/zones/\(zone)/instances/gone-1", token: token)
        #expect(delete.status == 200, "\(String(decoding: delete.body, as: UTF8.self))")
        validator.add("Operation", delete.body, label: "instances.delete")
        let first = try Self.object(delete.body)
        #expect(first["status"] as? String == "PENDING")
        let link = "\(TestBridge.base)/compute/v1/projects/user1/zones/\(zone)/instances/gone-1"
        #expect(first["targetLink"] as? String == link)
        let name = try #require(first["name"] as? String)
        let path = "/compute/v1/projects/user1/zones/\(zone)/operations/\(name)"

        let running = await bridge.send(.get, path, token: token)
        validator.add("Operation", running.body, label: "zoneOperations.get (running)")
        let runningObject = try Self.object(running.body)
        #expect(runningObject["status"] as? String == "RUNNING")
        Self.expectStable(first, runningObject, "running")

        let done = try await bridge.waitDone(first, token: token)
        #expect(done["status"] as? String == "DONE")
        #expect(done["error"] == nil)
        Self.expectStable(first, done, "done")
        // The instance is gone from CloudStack's listing now; two later gets still name it, not its numeric id.
        #expect(try await bridge.compute(.get, "zones/\(zone)/instances/gone-1", token: token).0 == 404)
        for round in 0..<2 {
            bridge.clock.advance(seconds: 5)
            let get = await bridge.send(.get, path, token: token)
            #expect(get.status == 200)
            validator.add("Operation", get.body, label: "zoneOperations.get (done \(round))")
            let later = try Self.object(get.body)
            #expect(later["targetLink"] as? String == link)
            #expect(later["status"] as? String == "DONE")
            Self.expectStable(first, later, "done get \(round)")
            Self.expectStable(done, later, "done get \(round) vs wait")
        }
        #expect(try validator.problems() == [])
    }

    @Test func timestampsHaveOneOffsetFormatInEveryAnswer() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let zone = try await Self.insertInstance(bridge, token, name: "times-1")
        let stop = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances/times-1/stop", token: token)
        let first = try Self.object(stop.body)
        let done = try await bridge.waitDone(first, token: token)
        let (_, list) = try await bridge.compute(.get, "zones/\(zone)/operations", token: token)
        var stamps: [String] = []
        for operation in [first, done] + (list["items"] as? [[String: Any]] ?? []) {
            for key in ["insertTime", "startTime", "endTime"] { if let text = operation[key] as? String { stamps.append(text) } }
        }
        #expect(stamps.count >= 5)
        for stamp in stamps {
            // RFC 3339 with milliseconds and a `+hh:mm` offset, e.g. 2026-12-02T17:00:00.000+00:00.
            #expect(stamp.count == 29 && stamp.hasSuffix("+00:00") && stamp.dropFirst(19).hasPrefix(".000"), "\(stamp)")
        }
        #expect(first["insertTime"] as? String == done["insertTime"] as? String)
    }

    @Test func aFailedJobFillsTheOperationsErrorAsGCEWritesIt() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let zone = try await Self.insertInstance(bridge, token, name: "src-1")
        let (_, disks) = try await bridge.compute(.get, "zones/\(zone)/disks", token: token)
        let disk = try #require((disks["items"] as? [[String: Any]])?.first?["name"] as? String)
        let stop = await bridge.send(.post, "/compute/v1/projects/user1/zones/\(zone)/instances/src-1/stop", token: token)
        _ = try await bridge.waitDone(try Self.object(stop.body), token: token)

        bridge.simulator.setErrorInjection(ErrorInjection(failingJobs: ["createTemplate"]))
        let insert = await bridge.send(
            .post, "/compute/v1/projects/user1/global/images",
            body: "{\"name\": \"broken-image\", \"sourceDisk\": \"zones/\(zone)/disks/\(disk)\"}", token: token)
        #expect(insert.status == 200, "\(String(decoding: insert.body, as: UTF8.self))")
        let first = try Self.object(insert.body)
        #expect(first["status"] as? String == "PENDING")
        #expect(first["error"] == nil)
        let done = try await bridge.waitDone(first, token: token)
        let body = try JSONSerialization.data(withJSONObject: done)
        validator.add("Operation", Array(body), label: "globalOperations.wait (failed)")
        #expect(done["status"] as? String == "DONE")
        let errors = try #require((done["error"] as? [String: Any])?["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect((errors.first?["code"] as? String)?.isEmpty == false)
        #expect((errors.first?["message"] as? String)?.isEmpty == false)
        // CloudStack's 530 maps as it does for a synchronous call (GCEError(code:text:)): backend, 503.
        #expect(done["httpErrorStatusCode"] as? Int == 503)
        #expect(done["httpErrorMessage"] as? String == "SERVICE UNAVAILABLE")
        #expect(done["endTime"] is String)
        // Known limit (docs/gce.md, Operations): a failed createTemplate removes the template row and its job
        // result holds only the error, so nothing names the image any more and targetLink falls back to the id.
        var firstWithoutTarget = first
        firstWithoutTarget["targetLink"] = nil
        var doneWithoutTarget = done
        doneWithoutTarget["targetLink"] = nil
        Self.expectStable(firstWithoutTarget, doneWithoutTarget, "failed")
        #expect(try validator.problems() == [])
    }

    @Test func aggregatedListKeysEveryScopeWithWarningsForEmptyOnes() async throws {
        let bridge = try TestBridge(seed: .empty)
        let token = try await bridge.token()
        let validator = SchemaValidator()
        let zone = try await Self.insertInstance(bridge, token, name: "agg-1")
        let response = await bridge.send(.get, "/compute/v1/projects/user1/aggregated/operations", token: token)
        #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
        validator.add("OperationAggregatedList", response.body, label: "globalOperations.aggregatedList")
        let list = try Self.object(response.body)
        #expect(list["kind"] as? String == "compute#operationAggregatedList")
        let items = try #require(list["items"] as? [String: [String: Any]])
        let (_, zones) = try await bridge.compute(.get, "zones", token: token)
        let zoneNames = (zones["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        let (_, regions) = try await bridge.compute(.get, "regions", token: token)
        let regionNames = (regions["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(
            Set(items.keys) == Set(zoneNames.map { "zones/" + $0 } + regionNames.map { "regions/" + $0 } + ["global"]))
        let here = try #require(items["zones/" + zone]?["operations"] as? [[String: Any]])
        #expect(
            here.contains {
                $0["operationType"] as? String == "insert" && ($0["targetLink"] as? String)?.hasSuffix("/instances/agg-1") == true
            })
        for (scope, entry) in items where scope != "zones/" + zone {
            #expect(entry["operations"] == nil, "\(scope)")
            let warning = try #require(entry["warning"] as? [String: Any], "\(scope)")
            #expect(warning["code"] as? String == "NO_RESULTS_ON_PAGE")
        }
        // The zone's own list shows the same operations.
        let (_, zonal) = try await bridge.compute(.get, "zones/\(zone)/operations", token: token)
        #expect(
            (zonal["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } == here.compactMap { $0["name"] as? String })
        #expect(await bridge.send(.get, "/compute/v1/projects/user1/aggregated/operations?filter=bogus(", token: token).status == 400)
        #expect(try validator.problems() == [])
    }
}
