import Testing

@testable import GCE

@Suite("Names, ids, operation names, timestamps")
struct NamesTests {
    @Test(arguments: [
        "Small Instance", "VM-5f3e0c1a-7d2b-4b6e-9a51-2c3d4e5f6a7b", "Sandbox-simulator-basic", "CentOS 5.3(64-bit) no GUI (Simulator)",
        "123", "", "---", String(repeating: "Long Name ", count: 20), "ünïcode näme",
    ])
    func everyCloudStackNameMapsToAValidGCEName(_ name: String) {
        let mapped = ResourceNames.gceName(for: name)
        #expect(ResourceNames.isValid(mapped), "\(name) -> \(mapped)")
        #expect(ResourceNames.gceName(for: name) == mapped)
    }

    @Test func validNamesMapToThemselves() {
        for name in ["a", "web-1", "zone-a1", String(repeating: "x", count: 63)] {
            #expect(ResourceNames.gceName(for: name) == name)
        }
        for name in ["A", "1a", "a-", "a_b", String(repeating: "x", count: 64)] {
            #expect(!ResourceNames.isValid(name))
        }
    }

    @Test func collisionsInAScopeAreSettledByUUID() {
        let entries = [(id: "u1", name: "web"), (id: "u2", name: "Web"), (id: "u3", name: "WEB"), (id: "u4", name: "db")]
        let names = ResourceNames.assign(entries)
        #expect(names[0] == "web")
        #expect(names[3] == "db")
        #expect(Set(names).count == 4)
        #expect(names[1].hasPrefix("web-") && names[2].hasPrefix("web-"))
        #expect(names.allSatisfy { ResourceNames.isValid($0) })
        #expect(ResourceNames.assign(entries) == names)
        let twins = ResourceNames.assign([(id: "a", name: "same"), (id: "b", name: "same")])
        #expect(twins[0] != twins[1] && twins.allSatisfy { $0.hasPrefix("same-") })
    }

    /// Instances are named from the VM alone (a page needs no zone-wide read): a valid name is kept, any other is
    /// its slug plus its UUID's suffix, so it never takes a name a VM called exactly that holds.
    @Test func instanceNamesComeFromTheVMAlone() {
        #expect(ResourceNames.ownName("web-1", id: "a") == "web-1")
        let slugged = ResourceNames.ownName("Web_1", id: "5f3e0c1a-7d2b-4b6e-9a51-2c3d4e5f6a7b")
        #expect(slugged.hasPrefix("web-1-") && slugged.count == "web-1-".count + 8 && ResourceNames.isValid(slugged))
        #expect(slugged == ResourceNames.ownName("Web_1", id: "5f3e0c1a-7d2b-4b6e-9a51-2c3d4e5f6a7b"))
        #expect(slugged != ResourceNames.ownName("Web_1", id: "0b1c2d3e-7d2b-4b6e-9a51-2c3d4e5f6a7b"))
        let long = ResourceNames.ownName(String(repeating: "A", count: 80), id: "x")
        #expect(long.count == 63 && ResourceNames.isValid(long))
    }

    @Test func namedRowsKeepTheirOrderAndTheirNames() {
        let rows = [(id: "u1", name: "web"), (id: "u2", name: "Web"), (id: "u3", name: "db")].map { Row(id: $0.id, name: $0.name) }
        let expected = ResourceNames.assign(rows.map { (id: $0.id, name: $0.name) })
        let named = rows.named(id: \.id, name: \.name)
        #expect(named.map(\.name) == expected)
        #expect(named.map(\.row.id) == ["u1", "u2", "u3"])
        #expect([Row]().named(id: \.id, name: \.name).isEmpty)
    }

    struct Row: Sendable {
        let id: String
        let name: String
    }

    @Test func idsAreStableNonZeroAndNumeric() {
        let id = ResourceID.of("5f3e0c1a-7d2b-4b6e-9a51-2c3d4e5f6a7b")
        #expect(id == ResourceID.of("5f3e0c1a-7d2b-4b6e-9a51-2c3d4e5f6a7b"))
        #expect(id != ResourceID.of("5f3e0c1a-7d2b-4b6e-9a51-2c3d4e5f6a7c"))
        #expect(id > 0 && id <= UInt64(Int64.max))
        #expect(ResourceID.isNumeric(String(id)))
        #expect(!ResourceID.isNumeric("0123") && !ResourceID.isNumeric("web"))
    }

    @Test func operationNamesRoundTripAndFitGooglesPattern() throws {
        for kind in OperationName.Kind.allCases {
            for progress in [OperationName.Progress.job("0f1e2d3c-4b5a-4987-a654-3210fedcba98"), .done(1_790_000_123)] {
                let name = OperationName(kind: kind, progress: progress, target: "5f3e0c1a-7d2b-4b6e-9a51-2c3d4e5f6a7b")
                #expect(ResourceNames.isValid(name.text), "\(name.text)")
                #expect(OperationName(name.text) == name)
            }
        }
        #expect(OperationName("operation-123") == nil)
        #expect(OperationName("opi-jaaaa-bbbb") == nil)
    }

    @Test func timestampsAreRFC3339() {
        #expect(Timestamps.fromEpoch(0) == "1970-01-01T00:00:00.000+00:00")
        #expect(Timestamps.fromEpoch(1_709_251_199) == "2024-02-29T23:59:59.000+00:00")
        #expect(Timestamps.fromCloudStack("2026-11-29T00:11:10+0000") == "2026-11-29T00:11:10.000+00:00")
        #expect(Timestamps.fromCloudStack("2026-11-29T00:11:10-0130") == "2026-11-29T00:11:10.000-01:30")
        #expect(Timestamps.fromCloudStack("yesterday") == "yesterday")
        #expect(Timestamps.fromCloudStack(nil) == nil)
        #expect(Timestamps.epoch(fromCloudStack: "2024-02-29T23:59:59+0000") == 1_709_251_199)
        #expect(Timestamps.epoch(fromCloudStack: "2024-03-01T01:59:59+0200") == 1_709_251_199)
    }
}
