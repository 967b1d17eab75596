import EC2
import Testing

@Suite struct FilterTests {
    struct VM: Sendable {
        let id: String
        let state: String
        let zone: String
        let tags: [(key: String, value: String)]
    }

    static let table = FilterTable<VM>(
        [
            "instance-id": .init(pushdown: true) { [$0.id] },
            "instance-state-name": .init(pushdown: true) { [$0.state] },
            "availability-zone": .init { [$0.zone] },
        ], tags: { $0.tags }, tagPushdown: true)

    static let vms = [
        VM(id: "i-1", state: "running", zone: "zone-a", tags: [("Name", "web-1"), ("env", "prod")]),
        VM(id: "i-2", state: "stopped", zone: "zone-b", tags: [("Name", "web-2"), ("env", "dev")]),
        VM(id: "i-3", state: "running", zone: "zone-b", tags: [("Name", "db*1")]),
    ]

    static func ids(_ filters: [Filter]) throws -> [String] {
        try FilterSet(filters, table: table).apply(vms).map(\.id)
    }

    @Test(arguments: [
        ("web-*", "web-1", true), ("web-?", "web-12", false), ("*", "", true), ("a*b*c", "aXbYbZc", true), ("a*b*c", "aXbYbZ", false),
        ("??", "ü日", true), ("db\\*1", "db*1", true), ("db\\*1", "dbx1", false), ("x\\?", "x?", true), ("tail\\", "tail\\", true),
        ("*-1", "web-1", true), ("Web-1", "web-1", false), ("**a", "ba", true),
    ])
    func wildcards(pattern: String, text: String, expected: Bool) {
        #expect(WildcardPattern(pattern).matches(text) == expected)
    }

    @Test func exactValueOnlyWithoutWildcards() {
        #expect(WildcardPattern("web-1").exactValue == "web-1")
        #expect(WildcardPattern("db\\*1").exactValue == "db*1")
        #expect(WildcardPattern("web-*").exactValue == nil)
        #expect(WildcardPattern("we?").exactValue == nil)
    }

    @Test func valuesAreOredAndFiltersAnded() throws {
        #expect(try Self.ids([Filter(name: "instance-state-name", values: ["running", "pending"])]) == ["i-1", "i-3"])
        #expect(
            try Self.ids([
                Filter(name: "instance-state-name", values: ["running"]), Filter(name: "availability-zone", values: ["zone-b"]),
            ]) == ["i-3"])
        #expect(try Self.ids([]) == ["i-1", "i-2", "i-3"])
        #expect(try Self.ids([Filter(name: "instance-id", values: ["i-1"]), Filter(name: "instance-id", values: ["i-2"])]) == [])
    }

    @Test func tagFilters() throws {
        #expect(try Self.ids([Filter(name: "tag:Name", values: ["web-*"])]) == ["i-1", "i-2"])
        #expect(try Self.ids([Filter(name: "tag:env", values: ["prod"])]) == ["i-1"])
        #expect(try Self.ids([Filter(name: "tag-key", values: ["env"])]) == ["i-1", "i-2"])
        #expect(try Self.ids([Filter(name: "tag-value", values: ["db\\*1"])]) == ["i-3"])
        #expect(try Self.ids([Filter(name: "tag:Missing", values: ["*"])]) == [])
    }

    @Test func unknownNamesAndMissingValuesAreRefused() {
        #expect(throws: EC2Error.unknownFilter("flavor")) { try FilterSet([Filter(name: "flavor", values: ["x"])], table: Self.table) }
        #expect(throws: EC2Error.unknownFilter("tag:")) { try FilterSet([Filter(name: "tag:", values: ["x"])], table: Self.table) }
        #expect(EC2Error.unknownFilter("flavor").message == "The filter 'flavor' is invalid")
        #expect(throws: EC2Error.self) { try FilterSet([Filter(name: "instance-id", values: [])], table: Self.table) }
        let noTags = FilterTable<VM>(["instance-id": .init { [$0.id] }])
        #expect(throws: EC2Error.unknownFilter("tag:Name")) { try FilterSet([Filter(name: "tag:Name", values: ["x"])], table: noTags) }
    }

    @Test func pushdownOnlyForExactValuesOfPushableFilters() throws {
        let set = try FilterSet(
            [
                Filter(name: "instance-state-name", values: ["running", "stopped"]), Filter(name: "instance-id", values: ["i-*"]),
                Filter(name: "availability-zone", values: ["zone-a"]), Filter(name: "tag:env", values: ["prod"]),
                Filter(name: "tag:Name", values: ["web-*"]),
            ], table: Self.table)
        #expect(set.pushdownValues("instance-state-name") == ["running", "stopped"])
        #expect(set.pushdownValues("instance-id") == nil)
        #expect(set.pushdownValues("availability-zone") == nil)
        #expect(set.pushdownValues("vpc-id") == nil)
        #expect(set.pushdownTags.map(\.key) == ["env"])
        #expect(set.pushdownTags.first?.values == ["prod"])
    }

    @Test func filtersDecodeFromTheQuery() throws {
        struct Input: Decodable {
            let filters: [Filter]?
            enum CodingKeys: String, CodingKey { case filters = "Filter" }
        }
        let parameters = try QueryParameters(
            rawQuery: Array("Filter.1.Name=tag%3AName&Filter.1.Value.1=web-%2A&Filter.2.Name=instance-id".utf8))
        let input = try QueryDecoder().decode(Input.self, from: parameters)
        #expect(input.filters == [Filter(name: "tag:Name", values: ["web-*"]), Filter(name: "instance-id", values: [])])
        #expect(throws: EC2Error.self) { try FilterSet(input.filters, table: Self.table) }
    }
}
