/// One row of a resource-details table (`nic_details`, ...): a `key=value` detail on one resource.
struct ResourceDetail: Sendable {
    var resourceID: String
    /// The `ResourceObjectType` (`Nic`).
    var resourceType: String
    var key: String
    var value: String
    /// `display`: false hides the detail from a `fordisplay=true` listing.
    var display: Bool
}
