public import JSON

/// compute v1 `Subnetwork`: one CloudStack guest network.
public struct Subnetwork: SchemaObject {
    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `creationTimestamp`.
    public var creationTimestamp: String?
    /// `network` (URL).
    public var network: String
    /// `ipCidrRange`.
    public var ipCidrRange: String?
    /// `gatewayAddress`.
    public var gatewayAddress: String?
    /// `region` (URL).
    public var region: String
    /// `selfLink`.
    public var selfLink: String

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#subnetwork")
        w.int64String("id", id)
        w.member("creationTimestamp", ifPresent: creationTimestamp)
        w.member("name", name)
        w.member("description", ifPresent: description)
        w.member("network", network)
        w.member("ipCidrRange", ifPresent: ipCidrRange)
        w.member("gatewayAddress", ifPresent: gatewayAddress)
        w.member("region", region)
        w.member("privateIpGoogleAccess", false)
        w.member("purpose", "PRIVATE")
        w.member("stackType", "IPV4_ONLY")
        w.member("fingerprint", fingerprint)
        w.member("selfLink", selfLink)
        w.endObject()
    }
}

extension Subnetwork {
    /// `fingerprint`: changes whenever a member a patch can change does.
    public var fingerprint: String {
        Fingerprint.of([name, network, ipCidrRange ?? "", gatewayAddress ?? "", description ?? ""])
    }
}
