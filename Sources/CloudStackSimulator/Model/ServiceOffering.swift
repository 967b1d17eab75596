/// A compute offering; `cpuNumber`/`cpuSpeed`/`memory` are nil for a custom offering.
struct ServiceOffering: Sendable {
    var id: String
    var name: String
    var displayText: String
    var cpuNumber: Int?
    var cpuSpeed: Int?
    var memory: Int?
    var created: Int64
    var isCustomized: Bool { cpuNumber == nil }
}
