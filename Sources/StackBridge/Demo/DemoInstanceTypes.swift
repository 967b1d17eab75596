/// EC2 type names for the demo cloud's service offerings, so examples and tools with hard-coded types
/// (`t3.micro`) work against `stackbridge demo`, and SDKs that decode `instanceType` into an enum (the
/// Java and Go SDKs) see known values.
enum DemoInstanceTypes {
    /// The simulator's seeded offerings (`World+Seed.swift`) by EC2 type name, smallest first.
    static let names: [(type: String, offering: String)] = [
        ("t3.micro", "Small Instance"), ("t3.small", "Medium Instance"), ("t3.medium", "Large Instance"),
    ]

    /// Adds a name for each demo offering the configuration left unnamed; a configured type or offering wins.
    static func apply(to instanceTypes: inout [String: String]) {
        for (type, offering) in names where instanceTypes[type] == nil && !instanceTypes.values.contains(offering) {
            instanceTypes[type] = offering
        }
    }
}
