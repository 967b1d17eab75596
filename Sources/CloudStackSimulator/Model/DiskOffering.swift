/// A disk offering; `diskSizeGB` is 0 for a custom-size offering.
struct DiskOffering: Sendable {
    var id: String
    var name: String
    var displayText: String
    var diskSizeGB: Int64
    var created: Int64
    var isCustomized: Bool { diskSizeGB == 0 }
}
