public import JSON

/// compute v1 `NetworkInterface`.
public struct NetworkInterface: SchemaObject {
    /// `name`: `nic0`, `nic1`, ...
    public var name: String
    /// `network` (URL).
    public var network: String
    /// `subnetwork` (URL).
    public var subnetwork: String? = nil
    /// `networkIP`.
    public var networkIP: String?
    /// `accessConfigs[0].natIP`, when the VM has a public address.
    public var natIP: String?
    /// `accessConfigs[0].name`.
    public var natName: String = "External NAT"

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#networkInterface")
        w.member("name", name)
        w.member("network", network)
        w.member("subnetwork", ifPresent: subnetwork)
        w.member("networkIP", ifPresent: networkIP)
        w.member("fingerprint", Fingerprint.of([name, network, networkIP ?? ""]))
        w.key("accessConfigs")
        w.beginArray()
        if let natIP {
            w.beginObject()
            w.member("kind", "compute#accessConfig")
            w.member("type", "ONE_TO_ONE_NAT")
            w.member("name", natName)
            w.member("natIP", natIP)
            w.member("networkTier", "PREMIUM")
            w.endObject()
        }
        w.endArray()
        w.member("stackType", "IPV4_ONLY")
        w.endObject()
    }
}
