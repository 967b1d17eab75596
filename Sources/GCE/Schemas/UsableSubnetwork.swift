public import JSON

/// compute v1 `UsableSubnetwork`: a subnetwork the caller may put instances on.
public struct UsableSubnetwork: SchemaObject {
    /// `subnetwork` (URL).
    public var subnetwork: String
    /// `network` (URL).
    public var network: String
    /// `ipCidrRange`.
    public var ipCidrRange: String?

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("subnetwork", subnetwork)
        w.member("network", network)
        w.member("ipCidrRange", ifPresent: ipCidrRange)
        w.member("purpose", "PRIVATE")
        w.member("stackType", "IPV4_ONLY")
        w.endObject()
    }
}
