/// A region (`listRegions`); the simulator has one.
struct Region: Sendable {
    var id: Int
    var name: String
    var endpoint: String
}
