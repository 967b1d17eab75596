public import JSON

/// compute v1 `Address`: a regional EXTERNAL IPv4 address, one CloudStack public IP (docs/gce.md, "Addresses").
public struct Address: SchemaObject {
    /// `id` (uint64).
    public var id: UInt64
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `creationTimestamp`.
    public var creationTimestamp: String?
    /// `address`: the IPv4 address.
    public var address: String
    /// `status`: RESERVING, RESERVED or IN_USE.
    public var status: String
    /// `region` (URL).
    public var region: String
    /// `users` (URLs of the instances whose access config NATs to it).
    public var users: [String]
    /// `labels`.
    public var labels: [(key: String, value: String)]
    /// `selfLink`.
    public var selfLink: String

    /// Writes the object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", "compute#address")
        w.int64String("id", id)
        w.member("creationTimestamp", ifPresent: creationTimestamp)
        w.member("name", name)
        w.member("description", ifPresent: description)
        w.member("address", address)
        w.member("status", status)
        w.member("region", region)
        w.strings("users", users)
        w.member("addressType", "EXTERNAL")
        w.member("ipVersion", "IPV4")
        w.member("networkTier", "PREMIUM")
        w.stringMap("labels", labels)
        w.member("labelFingerprint", Fingerprint.of(pairs: labels))
        w.member("selfLink", selfLink)
        w.endObject()
    }
}

extension Address: Filterable {
    func filterValue(_ field: String) -> String? {
        switch field {
        case "name": name
        case "id": String(id)
        case "address": address
        case "status": status
        case "description": description
        case "region": region
        case "addressType": "EXTERNAL"
        case "networkTier": "PREMIUM"
        case "ipVersion": "IPV4"
        default: Self.label(field, in: labels)
        }
    }
}
